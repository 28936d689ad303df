/* main: the command line. Parses options, then for each input: load and
 * validate, lay out, render through a temporary file. One bad input does not
 * stop the others; the exit status says whether all went well.
 *
 * Exit status: 0 success, 1 bad input or an output that could not be
 * written, 2 usage error. */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/atomic_file.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "cmd/cmd.h"
#include "layout/book.h"
#include "layout/layout.h"
#include "layout/style.h"
#include "model/history.h"
#include "model/sheet.h"
#include "model/sources.h"
#include "model/targets.h"
#include "render/render.h"
#include "typeset/text.h"

#ifndef FACTSHEET_VERSION
#define FACTSHEET_VERSION "0.0.0"
#endif

enum { EXIT_BAD_INPUT = 1, EXIT_USAGE = 2, MAX_DIAGS = 100 };

typedef struct options {
    const char *output;
    const char *fonts_conf;
    render_format format;
    double dpi;
    int check_only;
    int grayscale;
    const char *sources; /* --sources DIR: check every quote against it */
    int book;            /* --book: one PDF across all the inputs' years */
    int draft;           /* --draft: render with figures missing, marked 草稿 */
    int verbose, quiet;  /* -v, -q: progress lines on stderr */
    int gongwen;         /* --style gongwen */
    double paper_w, paper_h; /* --paper A4|A3 */
    double bleed;        /* --bleed MM, in pt */
    int first_page;      /* --first-page N */
    const char *attachment; /* --attachment N: "附件N" */
    int strict;          /* --strict: overflow is an error */
    int pages;           /* --pages 1: the front page alone */
} options;

/* What one render produced, for the progress line. */
typedef struct outcome {
    char out[PATH_MAX];
    size_t pages;
} outcome;

/* What a batch loads once and shares: the fonts, and per data directory the
 * other years (for changes and trends) and the national targets. */
typedef struct session {
    text_fonts *fonts;
    char dir[PATH_MAX];
    history *hist;
    target_set *targets;
} session;

static void session_free(session *ss)
{
    text_fonts_free(ss->fonts);
    history_free(ss->hist);
    targets_free(ss->targets);
}

/* Loads the siblings and targets of input's directory unless already loaded. */
static int session_use_dir(session *ss, const char *input, diag_list *dl)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(input, '/');
    if (slash)
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - input), input);
    else
        snprintf(dir, sizeof dir, ".");
    if (ss->hist && strcmp(dir, ss->dir) == 0)
        return 1;
    history_free(ss->hist);
    targets_free(ss->targets);
    ss->targets = NULL;
    snprintf(ss->dir, sizeof ss->dir, "%s", dir);
    ss->hist = history_load(dir, dl);
    char tdir[PATH_MAX + 16];
    snprintf(tdir, sizeof tdir, "%s/targets", dir);
    ss->targets = targets_load_dir(tdir, dl);
    return ss->hist && ss->targets;
}

static void usage(FILE *out)
{
    fprintf(out, "%s", _("Usage: factsheet [OPTIONS] INPUT.json...\n"
                         "       factsheet new YEAR --from=FILE.json [-o PATH] [--force]\n"
                         "       factsheet import FILE.csv --into=DATA.json [--dry-run]\n"
                         "Render health fact sheets from JSON data into print-ready PDF.\n"
                         "\n"
                         "  -o, --output=PATH     output file (one input) or directory (several);\n"
                         "                        default out/NAME.pdf\n"
                         "  -f, --format=FORMAT   pdf (default), png or svg; png and svg write\n"
                         "                        one file per page: NAME-1.png, NAME-2.png, ...\n"
                         "      --dpi=N           resolution of PNG output (default 150)\n"
                         "      --check           validate and lay out the inputs, write nothing\n"
                         "      --grayscale       grays and hatch patterns for a black-and-white\n"
                         "                        printer\n"
                         "      --style=STYLE     default (the colour fact sheet) or gongwen (an\n"
                         "                        attachment to an official document, GB/T 9704)\n"
                         "      --attachment=N    gongwen: label the first page 附件N (default 附件)\n"
                         "      --first-page=N    gongwen: number the first page N, to continue the\n"
                         "                        main document's numbering\n"
                         "      --paper=PAPER     A4 (default) or A3\n"
                         "      --bleed=MM        add MM of bleed and crop marks for a print shop\n"
                         "      --pages=N         1: the fact sheet's front page alone (its table\n"
                         "                        of the other figures left out); default: one\n"
                         "                        leaf, a back page only when the figures need it\n"
                         "      --strict          text that does not fit its box is an error, not a\n"
                         "                        warning\n"
                         "      --draft           render even with figures missing (null); every page\n"
                         "                        is marked 草稿 and missing figures show 待填\n"
                         "      --book            one PDF across every year in the input's folder:\n"
                         "                        trends, a year-by-year table, every source\n"
                         "                        (default out/trends.pdf)\n"
                         "      --sources=DIR     check every quote against the source documents\n"
                         "                        in DIR (the figure must stand in its quote)\n"
                         "      --fonts=FILE      fontconfig file naming the fonts to use\n"
                         "                        (default: fonts/fonts.conf of the installation)\n"
                         "  -q, --quiet           no progress lines, only errors\n"
                         "  -v, --verbose         a progress line per file even when stderr is\n"
                         "                        not a terminal\n"
                         "  -h, --help            show this help and exit\n"
                         "  -V, --version         show the version and exit\n"
                         "\n"
                         "See 'factsheet new --help', 'factsheet import --help' and man factsheet.\n"
                         "Exit status: 0 success, 1 bad input or unwritable output, 2 usage error.\n"
                         "SOURCE_DATE_EPOCH, when set, fixes the PDF creation date.\n"));
}

/* The directory holding the running program, or "." when unknown. */
static void program_dir(char *buf, size_t n)
{
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0) {
        snprintf(buf, n, ".");
        return;
    }
    exe[len] = '\0';
    snprintf(buf, n, "%s", dirname(exe));
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The fonts of the source tree (fonts/fonts.conf above bin/, or above
 * out/asan/bin/ for the sanitizer build), else share/factsheet/fonts of an
 * installation. */
static void default_fonts_conf(char *buf, size_t n)
{
    char dir[PATH_MAX - 64];
    program_dir(dir, sizeof dir);
    static const char *const tries[] = {"/../fonts/fonts.conf", "/../../../fonts/fonts.conf",
                                        "/../share/factsheet/fonts/fonts.conf"};
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        snprintf(buf, n, "%s%s", dir, tries[i]);
        if (file_exists(buf))
            return;
    }
}

static void default_localedir(char *buf, size_t n)
{
    /* out/locale of the source tree (above bin/ or out/asan/bin/), else
     * share/locale of an installation. */
    char dir[PATH_MAX - 64];
    program_dir(dir, sizeof dir);
    static const char *const tries[] = {"/../out/locale", "/../../../out/locale",
                                        "/../share/locale"};
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        snprintf(buf, n, "%s%s", dir, tries[i]);
        if (file_exists(buf))
            return;
    }
}

/* What the typesetter measures for: the surface the format draws on. */
static text_target text_target_of(render_format f)
{
    return f == FORMAT_PNG ? TEXT_FOR_IMAGE : f == FORMAT_SVG ? TEXT_FOR_SVG : TEXT_FOR_PDF;
}

static const char *format_ext(render_format f)
{
    return f == FORMAT_PDF ? "pdf" : f == FORMAT_PNG ? "png" : "svg";
}

static int is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* out/<name>.<ext> from the input's file name; ids in the data never take
 * part in the name, so nothing in a file can steer where output goes. */
static void output_path(const options *o, const char *input, int n_inputs, char *buf, size_t n)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    size_t len = strlen(base);
    if (len > 5 && strcmp(base + len - 5, ".json") == 0)
        len -= 5;
    const char *dir = "out";
    if (o->output && (n_inputs > 1 || is_directory(o->output)))
        dir = o->output;
    else if (o->output) {
        snprintf(buf, n, "%s", o->output);
        return;
    }
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    snprintf(buf, n, "%.*s/%.*s.%s", (int)dl, dir, (int)len, base, format_ext(o->format));
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

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* Renders one input. Returns 1 on success. */
static int process(const options *o, const char *input, int n_inputs, session *ss,
                   diag_list *dl, outcome *res)
{
    sheet *s = sheet_load(input, dl);
    if (!s)
        return 0;
    int ok = 0;
    doc *d = NULL;
    if (o->sources && !sources_check(s, o->sources, dl))
        goto done;
    /* Figures still missing: listed; fatal unless this is a draft. */
    if (s->n_missing && (sheet_report_missing(s, dl, o->draft ? DIAG_WARNING : DIAG_ERROR),
                         !o->draft)) {
        diag_error(dl, input, "%s",
                   _("figures are missing; fill them in, or render with --draft to print a "
                     "draft marked 草稿"));
        goto done;
    }
    if (!ss->fonts) {
        /* Loaded once, on first need, and shared by every sheet of the batch. */
        ss->fonts = text_fonts_new(o->fonts_conf, text_target_of(o->format), dl);
        if (!ss->fonts)
            goto done;
    }
    if (!session_use_dir(ss, input, dl))
        goto done;
    style st = style_on_paper(o->gongwen ? style_gongwen()
                              : o->grayscale ? style_grayscale()
                                             : style_default(),
                              o->paper_w, o->paper_h);
    layout_opts lo = {.draft = o->draft, .first_page = o->first_page,
                      .attachment = o->attachment, .strict = o->strict, .pages = o->pages};
    d = layout_sheet(s, ss->hist, ss->targets, ss->fonts, &st, &lo, dl);
    if (!d)
        goto done;
    if (o->check_only) {
        ok = 1; /* laid out, so every glyph and every block fits: nothing to write */
        goto done;
    }
    char out[PATH_MAX], date[64], keywords[512];
    output_path(o, input, n_inputs, out, sizeof out);
    if (same_file(out, input)) {
        diag_error(dl, out, "%s", _("the output would overwrite the input; choose another -o"));
        goto done;
    }
    if (!o->output && !is_directory("out") && mkdir("out", 0755) != 0 && errno != EEXIST) {
        diag_error(dl, "out", _("cannot create the directory: %s"), strerror(errno));
        goto done;
    }
    if (!creation_date(s, date, sizeof date, dl))
        goto done;
    snprintf(keywords, sizeof keywords, "%s; %d; 卫生健康; 统计数据", s->issuer, s->year);
    d->keywords = keywords;
    render_opts ro = {.format = o->format,
                      .dpi = o->dpi,
                      .bleed = o->bleed,
                      .creation_date = date,
                      .creator = "factsheet " FACTSHEET_VERSION};
    ok = render_doc(d, &ro, out, dl);
    snprintf(res->out, sizeof res->out, "%s", out);
    res->pages = d->n_pages;
done:
    doc_free(d);
    sheet_free(s);
    return ok;
}

/* --book: every year beside input, in one PDF (default out/trends.pdf). */
static int render_book(const options *o, const char *input)
{
    diag_list dl;
    diag_list_init(&dl, MAX_DIAGS);
    session ss = {0};
    doc *d = NULL;
    int ok = 0;
    char date[64], out[PATH_MAX];
    ss.fonts = text_fonts_new(o->fonts_conf, text_target_of(o->format), &dl);
    if (!ss.fonts || !session_use_dir(&ss, input, &dl))
        goto done;
    style st = style_on_paper(o->gongwen ? style_gongwen()
                              : o->grayscale ? style_grayscale()
                                             : style_default(),
                              o->paper_w, o->paper_h);
    d = layout_book(ss.hist, ss.targets, ss.fonts, &st, &dl);
    if (!d)
        goto done;
    if (o->check_only) {
        ok = 1;
        goto done;
    }
    snprintf(out, sizeof out, "%s", o->output ? o->output : "out/trends.pdf");
    /* Never write the book over one of the year files it is made from. */
    for (size_t i = 0; i < ss.hist->n; i++)
        if (same_file(out, ss.hist->years[i]->file)) {
            diag_error(&dl, out, "%s", _("the output would overwrite the input; choose another -o"));
            goto done;
        }
    if (!o->output && !is_directory("out") && mkdir("out", 0755) != 0 && errno != EEXIST) {
        diag_error(&dl, "out", _("cannot create the directory: %s"), strerror(errno));
        goto done;
    }
    /* The book's date: the newest sheet's, or SOURCE_DATE_EPOCH. */
    if (!creation_date(ss.hist->years[ss.hist->n - 1], date, sizeof date, &dl))
        goto done;
    render_opts ro = {.format = o->format,
                      .dpi = o->dpi,
                      .bleed = o->bleed,
                      .creation_date = date,
                      .creator = "factsheet " FACTSHEET_VERSION};
    ok = render_doc(d, &ro, out, &dl);
done:
    diag_list_print(&dl, stderr);
    diag_list_clear(&dl);
    doc_free(d);
    session_free(&ss);
    return ok ? 0 : EXIT_BAD_INPUT;
}

int main(int argc, char **argv)
{
    char localedir[PATH_MAX], fonts_conf[PATH_MAX];
    default_localedir(localedir, sizeof localedir);
    i18n_init(localedir);

    if (argc > 1 && strcmp(argv[1], "new") == 0)
        return cmd_new(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "import") == 0)
        return cmd_import(argc - 1, argv + 1);

    options o = {.format = FORMAT_PDF, .dpi = 150, .paper_w = 595.276, .paper_h = 841.89,
                 .first_page = 1};
    static char attachment_label[64];
    enum {
        OPT_CHECK = 256, OPT_DPI, OPT_FONTS, OPT_GRAYSCALE, OPT_SOURCES, OPT_BOOK, OPT_DRAFT,
        OPT_STYLE, OPT_PAPER, OPT_BLEED, OPT_FIRST_PAGE, OPT_ATTACHMENT, OPT_STRICT,
        OPT_PAGES
    };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
        {"dpi", required_argument, NULL, OPT_DPI}, {"check", no_argument, NULL, OPT_CHECK},
        {"fonts", required_argument, NULL, OPT_FONTS}, {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},      {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},      {"grayscale", no_argument, NULL, OPT_GRAYSCALE},
        {"sources", required_argument, NULL, OPT_SOURCES},
        {"book", no_argument, NULL, OPT_BOOK},
        {"draft", no_argument, NULL, OPT_DRAFT},
        {"style", required_argument, NULL, OPT_STYLE},
        {"paper", required_argument, NULL, OPT_PAPER},
        {"bleed", required_argument, NULL, OPT_BLEED},
        {"first-page", required_argument, NULL, OPT_FIRST_PAGE},
        {"attachment", required_argument, NULL, OPT_ATTACHMENT},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"pages", required_argument, NULL, OPT_PAGES},
        {NULL, 0, NULL, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "o:f:hVqv", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o.output = optarg; break;
        case 'f':
            if (strcmp(optarg, "pdf") == 0)
                o.format = FORMAT_PDF;
            else if (strcmp(optarg, "png") == 0)
                o.format = FORMAT_PNG;
            else if (strcmp(optarg, "svg") == 0)
                o.format = FORMAT_SVG;
            else {
                fprintf(stderr, _("factsheet: unknown format \"%s\"; expected pdf, png or svg\n"),
                        optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_DPI: {
            char *end;
            o.dpi = strtod(optarg, &end);
            if (*end || !(o.dpi >= 18 && o.dpi <= 1200)) {
                fprintf(stderr, _("factsheet: --dpi \"%s\" is not a number from 18 to 1200\n"),
                        optarg);
                return EXIT_USAGE;
            }
            break;
        }
        case OPT_CHECK: o.check_only = 1; break;
        case OPT_FONTS: o.fonts_conf = optarg; break;
        case OPT_GRAYSCALE: o.grayscale = 1; break;
        case OPT_SOURCES: o.sources = optarg; break;
        case OPT_BOOK: o.book = 1; break;
        case OPT_DRAFT: o.draft = 1; break;
        case OPT_STYLE:
            if (strcmp(optarg, "gongwen") == 0)
                o.gongwen = 1;
            else if (strcmp(optarg, "default") != 0) {
                fprintf(stderr, _("factsheet: unknown style \"%s\"; expected default or gongwen\n"),
                        optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_PAPER:
            if (strcasecmp(optarg, "A4") == 0) {
                o.paper_w = 595.276;
                o.paper_h = 841.89;
            } else if (strcasecmp(optarg, "A3") == 0) {
                o.paper_w = 841.89;
                o.paper_h = 1190.551;
            } else {
                fprintf(stderr, _("factsheet: unknown paper \"%s\"; expected A4 or A3\n"), optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_BLEED: {
            char *end;
            double mm = strtod(optarg, &end);
            if (*end || !(mm >= 0 && mm <= 20)) {
                fprintf(stderr, _("factsheet: --bleed \"%s\" is not a number of mm from 0 to 20\n"),
                        optarg);
                return EXIT_USAGE;
            }
            o.bleed = mm * 72.0 / 25.4;
            break;
        }
        case OPT_FIRST_PAGE: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > 9999) {
                fprintf(stderr, _("factsheet: --first-page \"%s\" is not a page number\n"), optarg);
                return EXIT_USAGE;
            }
            o.first_page = (int)v;
            break;
        }
        case OPT_STRICT: o.strict = 1; break;
        case OPT_PAGES:
            if (strcmp(optarg, "1") != 0 && strcmp(optarg, "2") != 0) {
                fprintf(stderr, _("factsheet: --pages \"%s\" is not 1 or 2\n"), optarg);
                return EXIT_USAGE;
            }
            o.pages = optarg[0] - '0';
            break;
        case OPT_ATTACHMENT:
            snprintf(attachment_label, sizeof attachment_label, "附件%s", optarg);
            o.attachment = attachment_label;
            break;
        case 'q': o.quiet = 1; break;
        case 'v': o.verbose = 1; break;
        case 'h': usage(stdout); return 0;
        case 'V': printf("factsheet %s\n", FACTSHEET_VERSION); return 0;
        default:
            fprintf(stderr, "%s", _("Try 'factsheet --help' for more information.\n"));
            return EXIT_USAGE;
        }
    }
    int n_inputs = argc - optind;
    if (n_inputs < 1) {
        fprintf(stderr, "%s", _("factsheet: no input file\n"));
        fprintf(stderr, "%s", _("Try 'factsheet --help' for more information.\n"));
        return EXIT_USAGE;
    }
    if (o.output && n_inputs > 1 && !is_directory(o.output)) {
        fprintf(stderr,
                _("factsheet: with several inputs, -o must name an existing directory: %s\n"),
                o.output);
        return EXIT_USAGE;
    }
    if (!o.fonts_conf) {
        default_fonts_conf(fonts_conf, sizeof fonts_conf);
        o.fonts_conf = fonts_conf;
    }
    if (o.gongwen && !o.attachment)
        o.attachment = "附件";
    atomic_file_install_signal_handlers();
    if (o.book)
        return render_book(&o, argv[optind]);

    session ss = {0};
    int failed = 0;
    const char **failures = calloc((size_t)n_inputs, sizeof *failures);
    diag_list dl;
    diag_list_init(&dl, MAX_DIAGS);
    /* Progress, one line per file, for batches on a terminal or with -v;
     * never with -q. Errors are printed whatever. */
    int progress = !o.quiet && (o.verbose || (n_inputs > 1 && isatty(STDERR_FILENO)));
    /* Two inputs with one output name (a/2025.json, b/2025.json into one
     * folder) would silently overwrite each other: refuse the later ones. */
    for (int i = optind + 1; i < argc && n_inputs > 1; i++) {
        char pi[PATH_MAX];
        output_path(&o, argv[i], n_inputs, pi, sizeof pi);
        for (int k = optind; k < i; k++) {
            char pk[PATH_MAX];
            output_path(&o, argv[k], n_inputs, pk, sizeof pk);
            if (strcmp(pi, pk) == 0) {
                fprintf(stderr, _("factsheet: %s and %s would both be written to %s; render them "
                                  "into different folders\n"),
                        argv[k], argv[i], pi);
                return EXIT_BAD_INPUT;
            }
        }
    }
    for (int i = optind; i < argc; i++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        outcome res = {0};
        int ok = process(&o, argv[i], n_inputs, &ss, &dl, &res);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (ok && progress && !o.check_only)
            fprintf(stderr, _("[%d/%d] %s → %s (%zu 页, %.2f s)\n"), i - optind + 1, n_inputs,
                    argv[i], res.out, res.pages,
                    (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
        diag_list_print(&dl, stderr);
        diag_list_clear(&dl);
        if (!ok) {
            if (failures)
                failures[failed] = argv[i];
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
