/* cli/run_book: the multi-year book (see run_book.h). */
#include "run_book.h"

#include <limits.h>
#include <stdio.h>

#include "base/diag.h"
#include "job.h"
#include "layout/book.h"
#include "model/book_notes.h"
#include "output.h"
#include "session.h"

int run_book(const options *o, const char *input)
{
    diag_list dl;
    diag_list_init(&dl, MAX_DIAGS);
    session ss = {0};
    book_notes *notes = NULL;
    doc *d = NULL;
    int ok = 0;
    if (!session_load_fonts(&ss, o, &dl) || !session_use_dir(&ss, input, &dl))
        goto done;
    history_drop_drafts(ss.hist, &dl);
    style st = job_style(o);
    /* The book's topics and definitions: data/book/trends.json beside the years. */
    char notes_path[PATH_MAX];
    snprintf(notes_path, sizeof notes_path, "%s/book/trends.json", ss.hist->dir);
    notes = book_notes_load(notes_path, &dl);
    d = notes ? layout_book(ss.hist, notes, ss.targets, ss.fonts, &st, &dl) : NULL;
    if (!d)
        goto done;
    if (o->check_only) {
        ok = 1;
        goto done;
    }
    char out[PATH_MAX];
    if (o->output)
        output_file(o, out, sizeof out);
    else
        snprintf(out, sizeof out, "out/trends.%s", output_format_ext(o->format));
    /* Never write the book over one of the files it is made from; dated by
     * the newest sheet, or SOURCE_DATE_EPOCH. */
    char *const inputs[] = {(char *)input};
    job_inputs in = {.input = input, .inputs = inputs, .n = 1};
    ok = job_write(o, d, out, ss.hist->years[ss.hist->n - 1], &in, &dl);
done:
    diag_list_print(&dl, stderr);
    diag_list_clear(&dl);
    doc_free(d);
    book_notes_free(notes);
    session_free(&ss);
    return ok ? 0 : EXIT_BAD_INPUT;
}
