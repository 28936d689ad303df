/* cli/run_sheets: each input loaded, checked, laid out and written through
 * a temporary file (see run_sheets.h). */
#include "run_sheets.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/i18n.h"
#include "job.h"
#include "layout/layout.h"
#include "model/selfcheck.h"
#include "model/sheet.h"
#include "model/sources.h"
#include "output.h"
#include "session.h"

/* What one render produced, for the progress line. */
typedef struct outcome {
    char out[PATH_MAX];
    size_t pages;
} outcome;

/* Checks s before layout: every problem the file can be checked for is
 * reported in one run — its figures against their quotes and last year's,
 * its sources, then what is still missing. Sets *draft when s is rendered
 * as a draft. Returns 1 when s may be laid out. */
static int check_sheet(const options *o, const sheet *s, const char *input, session *ss,
                       diag_list *dl, int *draft)
{
    /* --draft=auto (what make uses): a year still being filled in becomes a
     * draft with one warning instead of a list, its other problems counted
     * there (--check lists them), and never stops the batch. */
    int auto_draft = o->draft == DRAFT_AUTO && s->n_missing;
    *draft = o->draft == DRAFT_YES || auto_draft;
    diag_list scratch;
    diag_list_init(&scratch, MAX_DIAGS);
    diag_list *checks = auto_draft ? &scratch : dl;
    bool checked = selfcheck_sheet(s, ss->hist, checks);
    if (o->sources && !sources_check(s, o->sources, checks))
        checked = false;
    if (auto_draft) {
        size_t others = scratch.count;
        checked = true;
        if (others)
            diag_add(dl, DIAG_WARNING, input, 0, 0, NULL, NULL,
                     _("%zu figures or texts are still missing (and %zu other findings): rendered "
                       "as a draft marked 草稿 (factsheet --check %s lists them)"),
                     s->n_missing, others, input);
        else
            diag_add(dl, DIAG_WARNING, input, 0, 0, NULL, NULL,
                     _("%zu figures or texts are still missing: rendered as a draft marked 草稿 "
                       "(factsheet --check %s lists them)"),
                     s->n_missing, input);
    }
    diag_list_clear(&scratch);
    /* Figures still missing: listed; fatal unless this is a draft. */
    if (!auto_draft && s->n_missing) {
        sheet_report_missing(s, dl, *draft ? DIAG_WARNING : DIAG_ERROR);
        if (!*draft) {
            diag_error(dl, input, "%s",
                       _("figures are missing; fill them in, or render with --draft to print a "
                         "draft marked 草稿"));
            return 0;
        }
    }
    return checked;
}

/* Renders one input (its row for --each, else row NULL); inputs are the
 * run's, which the output must not overwrite. Returns 1 on success. */
static int render_sheet(const options *o, const char *input, const char *row, char *const *inputs,
                        int n_inputs, session *ss, diag_list *dl, outcome *res)
{
    sheet *s = row ? sheet_load_row(input, row, dl) : sheet_load(input, dl);
    if (!s)
        return 0;
    int ok = 0, draft = 0;
    doc *d = NULL;
    /* The fonts are loaded once, on first need, and shared by every sheet of the batch. */
    if (!session_use_dir(ss, input, dl) || !check_sheet(o, s, input, ss, dl, &draft) ||
        !session_load_fonts(ss, o, dl))
        goto done;
    style st = job_style(o);
    layout_opts lo = {.draft = draft,
                      .first_page = o->first_page,
                      .attachment = o->attachment,
                      .strict = o->strict,
                      .pages = o->pages};
    d = layout_sheet(s, ss->hist, ss->targets, ss->fonts, &st, &lo, dl);
    if (!d)
        goto done;
    if (o->check_only) {
        ok = 1; /* laid out, so every glyph and every block fits: nothing to write */
        goto done;
    }
    char keywords[512];
    snprintf(keywords, sizeof keywords, "%s; %d; 卫生健康; 统计数据", s->issuer, s->year);
    d->keywords = keywords;
    output_path(o, input, row, n_inputs, res->out, sizeof res->out);
    job_inputs in = {.input = input, .inputs = inputs, .n = n_inputs};
    ok = job_write(o, d, res->out, s, &in, dl);
    res->pages = d->n_pages;
done:
    doc_free(d);
    sheet_free(s);
    return ok;
}

/* --each: one sheet per row of the input's tables, each with the same
 * design, written beside each other as NAME-ROW.pdf. Returns 1 when all
 * went well. */
static int render_each(const options *o, const char *input, session *ss, diag_list *dl)
{
    sheet *first = sheet_load_row(input, "", dl);
    if (!first)
        return 0;
    size_t n = first->n_rows;
    const char **rows = n ? calloc(n, sizeof *rows) : NULL;
    for (size_t i = 0; rows && i < n; i++)
        rows[i] = strdup(first->row_ids[i]);
    sheet_free(first);
    if (!n) {
        diag_error(dl, input, "%s",
                   _("--each makes one sheet per row of \"tables\", and this file has none"));
        return 0;
    }
    int ok = rows != NULL;
    for (size_t i = 0; rows && i < n; i++) {
        outcome res = {0};
        /* Named as a batch names its files (two "inputs"), checked against the one. */
        char *const inputs[2] = {(char *)input, (char *)input};
        if (!rows[i] || !render_sheet(o, input, rows[i], inputs, 2, ss, dl, &res))
            ok = 0;
        else if (o->verbose && !o->check_only)
            fprintf(stderr, _("%s (%s) → %s (%zu 页)\n"), input, rows[i], res.out, res.pages);
        free((char *)rows[i]);
    }
    free(rows);
    return ok;
}

/* The seconds since t0, for the progress line. */
static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int run_sheets(const options *o, char *const *inputs, int n_inputs)
{
    if (output_names_collide(o, inputs, n_inputs))
        return EXIT_BAD_INPUT;
    session ss = {0};
    int failed = 0;
    const char **failures = calloc((size_t)n_inputs, sizeof *failures);
    diag_list dl;
    diag_list_init(&dl, MAX_DIAGS);
    /* Progress, one line per file, for batches on a terminal or with -v;
     * never with -q. Errors are printed whatever. */
    int progress = !o->quiet && (o->verbose || (n_inputs > 1 && isatty(STDERR_FILENO)));
    for (int i = 0; i < n_inputs; i++) {
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        outcome res = {0};
        int ok = o->each ? render_each(o, inputs[i], &ss, &dl)
                         : render_sheet(o, inputs[i], NULL, inputs, n_inputs, &ss, &dl, &res);
        double seconds = seconds_since(&t0);
        if (ok && progress && !o->check_only)
            fprintf(stderr, _("[%d/%d] %s → %s (%zu 页, %.2f s)\n"), i + 1, n_inputs, inputs[i],
                    res.out, res.pages, seconds);
        diag_list_print(&dl, stderr);
        diag_list_clear(&dl);
        if (!ok) {
            if (failures)
                failures[failed] = inputs[i];
            failed++;
        }
    }
    if (failed && n_inputs > 1) {
        fprintf(stderr, _("factsheet: %d of %d inputs failed:"), failed, n_inputs);
        for (int i = 0; failures && i < failed; i++)
            fprintf(stderr, " %s", failures[i]);
        fputc('\n', stderr);
    }
    free(failures);
    session_free(&ss);
    return failed ? EXIT_BAD_INPUT : 0;
}
