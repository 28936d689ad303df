/* cli/job: what rendering a sheet and rendering the book share, set up in
 * one place so the two cannot drift apart: the style the options choose,
 * and writing the laid-out document (the overwrite check, the out/ folder,
 * the creation date, the render options). Calls: model, layout, render. */
#ifndef CLI_JOB_H
#define CLI_JOB_H

#include "base/diag.h"
#include "layout/doc.h"
#include "layout/style.h"
#include "model/sheet.h"
#include "options.h"

/* The style of --style and --grayscale. Laid out on A4 always: A3 is the
 * same design enlarged (render_opts.paper_w), not a reflow into longer lines. */
style job_style(const options *o);

/* The files one render reads, that its output must not overwrite: input,
 * the file rendered, among the n inputs of the run. */
typedef struct job_inputs {
    const char *input;
    char *const *inputs;
    int n;
} job_inputs;

/* Writes d to out, dated by the sheet dated (or SOURCE_DATE_EPOCH), unless
 * out is a file the run reads. Returns 1 on success, else 0 with the errors
 * in dl. */
int job_write(const options *o, const doc *d, const char *out, const sheet *dated,
              const job_inputs *in, diag_list *dl);

#endif
