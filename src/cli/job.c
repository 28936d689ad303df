/* cli/job: the set-up a sheet and the book share (see job.h). */
#include "job.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "base/i18n.h"
#include "output.h"
#include "render/render.h"

#ifndef FACTSHEET_VERSION
#define FACTSHEET_VERSION "0.0.0"
#endif

style job_style(const options *o)
{
    /* gongwen's charts are already in grays with hatches: --grayscale adds
     * nothing to it. */
    if (o->gongwen)
        return *style_gongwen();
    if (o->grayscale)
        return *style_grayscale();
    return *style_default();
}

/* The PDF date: SOURCE_DATE_EPOCH when set, else the report's date; always
 * UTC with Z, since cairo 1.16 mangles numeric offsets. */
static int creation_date(const sheet *s, char *buf, size_t n, diag_list *dl)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (errno || *end || v < 0 || v > 253402300799LL) {
            diag_error(dl, "SOURCE_DATE_EPOCH", _("\"%s\" is not a number of seconds since 1970"),
                       sde);
            return 0;
        }
        time_t t = (time_t)v;
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
        return 1;
    }
    snprintf(buf, n, "%sT00:00:00Z", s->date);
    return 1;
}

int job_write(const options *o, const doc *d, const char *out, const sheet *dated,
              const job_inputs *in, diag_list *dl)
{
    char date[64];
    if (!output_is_safe(o, out, d->n_pages, in->input, in->inputs, in->n, dl) ||
        !output_make_default_dir(o, dl) || !creation_date(dated, date, sizeof date, dl))
        return 0;
    render_opts ro = {.format = o->format,
                      .dpi = o->dpi,
                      .bleed = o->bleed,
                      .paper_w = o->paper_w,
                      .paper_h = o->paper_h,
                      .creation_date = date,
                      .creator = "factsheet " FACTSHEET_VERSION};
    return render_doc(d, &ro, out, dl);
}
