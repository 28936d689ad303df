/* fuzz_sheet: libFuzzer harness for the whole pipeline on arbitrary bytes:
 * load + validate (sheet_load_bytes), lay out (layout_sheet), and render a
 * PDF (render_doc) into a private temporary directory.
 *
 * Built and run by tests/fuzz/run.sh (see there, or `make fuzz`).
 *
 * Fonts: loaded once in LLVMFuzzerInitialize from
 *   $FACTSHEET_FONTS_CONF                    when set (absolute path advised), else
 *   <dir of this binary>/../../fonts/fonts.conf   (out/fuzz/fuzz_sheet in the tree), else
 *   <dir of this binary>/../fonts/fonts.conf.
 * Output: render_doc writes through atomic_file (temporary file + fsync +
 * rename), so the PDF goes to <TMPDIR or /tmp>/factsheet-fuzz.XXXXXX/fuzz.pdf,
 * a directory made with mkdtemp at start, and is unlinked after every input;
 * the directory is removed at exit. run.sh points TMPDIR at /dev/shm when it
 * can, so the fsync per input costs nothing.
 * History and targets: loaded once, as src/main.c does for an input in
 * data/: the other years (history_load) and data/targets/ (targets_load_dir)
 * of $FACTSHEET_FUZZ_DATA, default <dir of fonts.conf>/../data. Without
 * targets every bullet chart is rejected ("no target for indicator"), so
 * bullet layout and two of the real sheets would never be reached.
 * FACTSHEET_FUZZ_DATA=none passes NULL for both (a sheet alone in its
 * directory). Draft mode: always when figures are missing (as factsheet
 * --draft), else when the input's length is odd; style: default, grayscale
 * or gongwen by (length / 2) % 3.
 * Every input must free everything it allocates: LeakSanitizer is on, with
 * tests/lsan.supp for the libraries' process-lifetime caches.
 * FUZZ_SHEET_STATS=1 prints at exit how many inputs got how far (loaded,
 * laid out, rendered), to see whether fuzzing reaches layout and render;
 * FUZZ_SHEET_DIAGS=1 prints every input's diagnostics (when replaying). */
#include <limits.h>
#include <stdbool.h>
#include <libgen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"
#include "layout/layout.h"
#include "layout/style.h"
#include "model/history.h"
#include "model/sheet.h"
#include "model/targets.h"
#include "render/render.h"
#include "typeset/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { FUZZ_MAX_DIAGS = 100 };

static text_fonts *g_fonts;
static history *g_hist;
static target_set *g_targets;
static char g_tmpdir[PATH_MAX];
static char g_pdf[PATH_MAX + 16];
static unsigned long g_runs, g_loaded, g_laid_out, g_rendered;
static bool g_print_diags;

static int file_exists(const char *path)
{
    return access(path, R_OK) == 0;
}

/* The fonts.conf to use, as an absolute path in buf; returns 0 when none. */
static int find_fonts_conf(char *buf, size_t n)
{
    const char *env = getenv("FACTSHEET_FONTS_CONF");
    if (env && *env) {
        char *abs = realpath(env, NULL);
        snprintf(buf, n, "%s", abs ? abs : env);
        free(abs);
        return file_exists(buf);
    }
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0)
        return 0;
    exe[len] = '\0';
    const char *dir = dirname(exe);
    static const char *const tries[] = {"/../../fonts/fonts.conf", "/../fonts/fonts.conf"};
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        char p[PATH_MAX + 64];
        snprintf(p, sizeof p, "%s%s", dir, tries[i]);
        char *abs = realpath(p, NULL);
        if (abs) {
            snprintf(buf, n, "%s", abs);
            free(abs);
            return 1;
        }
    }
    return 0;
}

static void cleanup(void)
{
    const char *stats = getenv("FUZZ_SHEET_STATS");
    if (stats && *stats && *stats != '0')
        fprintf(stderr, "fuzz_sheet: %lu inputs, %lu loaded, %lu laid out, %lu rendered\n", g_runs,
                g_loaded, g_laid_out, g_rendered);
    if (g_pdf[0])
        unlink(g_pdf);
    if (g_tmpdir[0])
        rmdir(g_tmpdir);
    text_fonts_free(g_fonts);
    g_fonts = NULL;
    history_free(g_hist);
    g_hist = NULL;
    targets_free(g_targets);
    g_targets = NULL;
}

/* History and targets of the data directory: $FACTSHEET_FUZZ_DATA, else
 * the data/ beside the fonts/ of conf; "none" for neither. */
static void load_data(const char *conf)
{
    char dir[PATH_MAX];
    const char *env = getenv("FACTSHEET_FUZZ_DATA");
    if (env && strcmp(env, "none") == 0)
        return;
    if (env && *env)
        snprintf(dir, sizeof dir, "%s", env);
    else {
        char tmp[PATH_MAX];
        snprintf(tmp, sizeof tmp, "%s", conf);
        char *fonts_dir = dirname(tmp);
        snprintf(dir, sizeof dir, "%.*s/../data", PATH_MAX - 16, fonts_dir);
    }
    diag_list dl;
    diag_list_init(&dl, FUZZ_MAX_DIAGS);
    g_hist = history_load(dir, &dl);
    char tdir[PATH_MAX + 16];
    snprintf(tdir, sizeof tdir, "%s/targets", dir);
    g_targets = targets_load_dir(tdir, &dl);
    if (!g_hist || !g_targets || dl.errors) {
        diag_list_print(&dl, stderr);
        fprintf(stderr,
                "fuzz_sheet: cannot load the history and targets of %s"
                " (FACTSHEET_FUZZ_DATA=none to fuzz without)\n",
                dir);
        diag_list_clear(&dl);
        exit(2);
    }
    fprintf(stderr, "fuzz_sheet: fonts %s; data %s: %zu years, %zu targets\n", conf, dir, g_hist->n,
            g_targets->n);
    diag_list_clear(&dl);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char conf[PATH_MAX];
    if (!find_fonts_conf(conf, sizeof conf)) {
        fprintf(stderr, "fuzz_sheet: fonts.conf not found; set FACTSHEET_FONTS_CONF\n");
        exit(2);
    }
    diag_list dl;
    diag_list_init(&dl, FUZZ_MAX_DIAGS);
    g_fonts = text_fonts_new(conf, TEXT_FOR_PDF, &dl);
    if (!g_fonts) {
        diag_list_print(&dl, stderr);
        diag_list_clear(&dl);
        fprintf(stderr, "fuzz_sheet: cannot load the fonts of %s\n", conf);
        exit(2);
    }
    diag_list_clear(&dl);
    atexit(cleanup);
    load_data(conf);

    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    snprintf(g_tmpdir, sizeof g_tmpdir, "%s/factsheet-fuzz.XXXXXX", tmp);
    if (!mkdtemp(g_tmpdir)) {
        perror("fuzz_sheet: mkdtemp");
        exit(2);
    }
    snprintf(g_pdf, sizeof g_pdf, "%s/fuzz.pdf", g_tmpdir);
    const char *pd = getenv("FUZZ_SHEET_DIAGS");
    g_print_diags = pd && *pd && *pd != '0';
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list dl;
    diag_list_init(&dl, FUZZ_MAX_DIAGS);
    g_runs++;
    sheet *s = sheet_load_bytes("fuzz.json", (const char *)data, size, &dl);
    if (s) {
        g_loaded++;
        /* As src/main.c: figures still missing (null) are listed, as
         * warnings, and the sheet is laid out as a draft (--draft). The input's
         * length picks the rest, so each input keeps one meaning while all
         * modes get fuzzed: bit 0 draft for a complete sheet, (size / 2) % 3
         * the style: default, grayscale, or gongwen (official, 附件, first
         * page 3). */
        bool draft = s->n_missing > 0 || (size & 1);
        if (s->n_missing)
            sheet_report_missing(s, &dl, DIAG_WARNING);
        size_t variant = (size / 2) % 3;
        const style *st = variant == 1   ? style_grayscale()
                          : variant == 2 ? style_gongwen()
                                         : style_default();
        layout_opts lo = {.draft = draft,
                          .first_page = variant == 2 ? 3 : 1,
                          .attachment = variant == 2 ? "附件" : NULL};
        doc *d = layout_sheet(s, g_hist, g_targets, g_fonts, st, &lo, &dl);
        if (d) {
            g_laid_out++;
            /* As src/main.c does: the report's date at midnight UTC. */
            char date[64], keywords[512];
            snprintf(date, sizeof date, "%sT00:00:00Z", s->date ? s->date : "2000-01-01");
            snprintf(keywords, sizeof keywords, "%s; %d", s->issuer ? s->issuer : "", s->year);
            d->keywords = keywords;
            render_opts ro = {.format = FORMAT_PDF,
                              .dpi = 150,
                              .creation_date = date,
                              .creator = "factsheet fuzz"};
            if (render_doc(d, &ro, g_pdf, &dl))
                g_rendered++;
            unlink(g_pdf);
            doc_free(d);
        }
        sheet_free(s);
    }
    if (g_print_diags)
        diag_list_print(&dl, stderr);
    diag_list_clear(&dl);
    return 0;
}
