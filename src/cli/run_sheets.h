/* cli/run_sheets: rendering fact sheets, one per input (or with --each one
 * per row of its tables). One bad input does not stop the others.
 * Calls: model, layout, render (through job). */
#ifndef CLI_RUN_SHEETS_H
#define CLI_RUN_SHEETS_H

#include "options.h"

/* Renders inputs[0..n_inputs-1] as o says, with progress lines and a
 * summary of the failures on stderr. Returns the exit status. */
int run_sheets(const options *o, char *const *inputs, int n_inputs);

#endif
