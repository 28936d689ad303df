/* archive_pass: what the archive pass (src/render/pdfpost.c) costs, for
 * bench/run.sh. Lays a sheet out as the program does, has cairo draw it
 * into memory once, then runs the pass on cairo's bytes N times and prints
 *
 *     <cairo draw ms> <pass ms> <cairo bytes> <archived bytes>
 *
 * (CPU time, medians over N runs each). Under callgrind with
 * --toggle-collect=pdfpost_run it gives the pass's instructions.
 *
 *     archive_pass INPUT.json [N]      (default N = 21)
 *
 * It includes render.c to reach its static draw_pdf and archive_job: the
 * program's own drawing and its own job, not a copy of them.
 * Build: mk/bench.mk (links the program's objects, without main.o). */
#include "../src/render/render.c"

#include <time.h>

#include "layout/layout.h"
#include "layout/style.h"
#include "model/history.h"
#include "model/sheet.h"
#include "model/targets.h"

/* CPU time of this process: on a machine shared with other work, wall
 * time measures the others as much as the pass. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: archive_pass INPUT.json [N]\n");
        return 2;
    }
    int n = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 21;
    if (n < 1 || n > 10000)
        n = 21;
    diag_list dl;
    diag_list_init(&dl, 20);
    char dir[4096];
    const char *slash = strrchr(argv[1], '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - argv[1]) : 1, slash ? argv[1] : ".");
    char tdir[4200];
    snprintf(tdir, sizeof tdir, "%s/targets", dir);
    sheet *s = sheet_load(argv[1], &dl);
    history *h = s ? history_load(dir, &dl) : NULL;
    target_set *tg = h ? targets_load_dir(tdir, &dl) : NULL;
    text_fonts *fonts = tg ? text_fonts_new("fonts/fonts.conf", TEXT_FOR_PDF, &dl) : NULL;
    style st = *style_default(); /* A4: the paper is a render option */
    layout_opts lo = {.first_page = 1};
    doc *d = fonts ? layout_sheet(s, h, tg, fonts, &st, &lo, &dl) : NULL;
    if (!d) {
        diag_list_print(&dl, stderr);
        return 1;
    }
    render_opts ro = {.format = FORMAT_PDF,
                      .creation_date = "2026-01-15T00:00:00Z",
                      .creator = "factsheet bench"};
    double *draw = calloc((size_t)n, sizeof *draw), *pass = calloc((size_t)n, sizeof *pass);
    char *buf = NULL;
    size_t len = 0, out_len = 0;
    pdfpost_job job = {0};
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        free(buf);
        buf = NULL;
        FILE *mem = open_memstream(&buf, &len);
        double t0 = now_ms();
        if (!mem || !draw_pdf(d, &ro, mem, "bench", &dl))
            rc = 1;
        if (mem)
            fclose(mem);
        draw[i] = now_ms() - t0;
    }
    if (rc == 0 && !archive_job(d, &ro, &job))
        rc = 1;
    for (int i = 0; i < n && rc == 0; i++) {
        char *obuf = NULL;
        size_t olen = 0;
        FILE *mem = open_memstream(&obuf, &olen);
        double t0 = now_ms();
        if (!mem || !pdfpost_run(&job, (const unsigned char *)buf, len, mem, "bench", &dl))
            rc = 1;
        if (mem)
            fclose(mem);
        pass[i] = now_ms() - t0;
        out_len = olen;
        free(obuf);
    }
    if (rc == 0)
        printf("%.3f %.3f %zu %zu\n", median(draw, n), median(pass, n), len, out_len);
    diag_list_print(&dl, stderr);
    diag_list_clear(&dl);
    free((void *)job.alts);
    free((void *)job.uris);
    free(buf);
    free(draw);
    free(pass);
    doc_free(d);
    text_fonts_free(fonts);
    targets_free(tg);
    history_free(h);
    sheet_free(s);
    return rc;
}
