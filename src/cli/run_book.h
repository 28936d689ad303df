/* cli/run_book: --book, every year beside the input in one document
 * (default out/trends.pdf): trends, a year-by-year table, every source.
 * Calls: model, layout, render (through job). */
#ifndef CLI_RUN_BOOK_H
#define CLI_RUN_BOOK_H

#include "options.h"

/* Renders the book of input's folder as o says. Returns the exit status. */
int run_book(const options *o, const char *input);

#endif
