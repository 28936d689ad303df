/* main: the command line. Parses options, then for each input: load and
 * validate, lay out, render through a temporary file. One bad input does not
 * stop the others; the exit status says whether all went well.
 *
 * Exit status: 0 success, 1 bad input or an output that could not be
 * written, 2 usage error. */
#include <dirent.h>
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
#include "model/book_notes.h"
#include "model/history.h"
#include "model/selfcheck.h"
#include "model/sheet.h"
#include "model/sources.h"
#include "model/targets.h"
#include "render/render.h"
#include "typeset/text.h"

#ifndef FACTSHEET_VERSION
#define FACTSHEET_VERSION "0.0.0"
#endif

enum { EXIT_BAD_INPUT = 1, EXIT_USAGE = 2, MAX_DIAGS = 100 };
enum { DRAFT_NO, DRAFT_YES, DRAFT_AUTO };

typedef struct options {
    const char *output;
    const char *fonts_conf;
    render_format format;
    double dpi;
    int check_only;
    int grayscale;
    const char *sources; /* --sources DIR: check every quote against it */
    int book;            /* --book: one PDF across all the inputs' years */
    int draft;           /* --draft: render with figures missing, marked 草稿;
                            DRAFT_AUTO: a draft only when figures are missing */
    int verbose, quiet;  /* -v, -q: progress lines on stderr */
    int gongwen;         /* --style gongwen */
    double paper_w, paper_h; /* --paper A4|A3 */
    double bleed;        /* --bleed MM, in pt */
    int first_page;      /* --first-page N */
    int first_page_set, dpi_set, a3; /* given on the command line */
    const char *attachment; /* --attachment N: "附件N" */
    int strict;          /* --strict: overflow is an error */
    int pages;           /* --pages 1: the front page alone */
    int each;            /* --each: one sheet per row of the file's tables */
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
                         "       factsheet export DATA.json [-o FILE.csv] [--encoding=gbk]\n"
                         "Render health fact sheets from JSON data into print-ready PDF.\n"
                         "\n"
                         "  -o, --output=PATH     output file (one input) or directory (several);\n"
                         "                        default out/NAME.pdf\n"
                         "  -f, --format=FORMAT   pdf (default), ofd (GB/T 33190, for electronic\n"
                         "                        official-document systems), png or svg; png\n"
                         "                        and svg write one file per page: NAME-1.png, ...\n"
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
                         "      --draft=auto      a draft only for a file with figures missing (one\n"
                         "                        warning); complete files render as usual\n"
                         "      --each            one sheet per row of the input's \"tables\" (one\n"
                         "                        per district), written as NAME-ROW.pdf\n"
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
                         "See 'factsheet new --help', 'factsheet import --help', 'factsheet export --help'\n"
                         "and man factsheet.\n"
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
    return f == FORMAT_PDF ? "pdf" : f == FORMAT_PNG ? "png" : f == FORMAT_OFD ? "ofd" : "svg";
}

static int is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The extension of path's file name ("" when none), without the dot. */
static const char *name_ext(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? dot + 1 : "";
}

/* Extensions that name a kind of file a viewer opens by it, or the data
 * (-o 2025.json would be a slip of the hand): -o with one of these must
 * agree with --format. */
static int names_a_format(const char *ext)
{
    static const char *const exts[] = {"pdf", "png", "svg", "jpg", "jpeg", "tif", "tiff",
                                       "gif", "bmp", "webp", "ofd", "json", "csv", "txt"};
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strcasecmp(ext, exts[i]) == 0)
            return 1;
    return 0;
}

/* -o as written, or with the format's extension when it has none (a file
 * called "sheet" opens nowhere; "sheet.png" everywhere). */
static void output_file(const options *o, char *buf, size_t n)
{
    const char *ext = name_ext(o->output);
    if (strcasecmp(ext, format_ext(o->format)) == 0 || names_a_format(ext))
        snprintf(buf, n, "%s", o->output);
    else
        snprintf(buf, n, "%s.%s", o->output, format_ext(o->format));
}

/* A -o whose extension names another format than --format: an error with
 * the two ways out. Returns 0 when they agree. */
static int output_conflicts(const options *o)
{
    const char *ext = name_ext(o->output);
    if (!names_a_format(ext) || strcasecmp(ext, format_ext(o->format)) == 0)
        return 0;
    int known = !strcasecmp(ext, "pdf") || !strcasecmp(ext, "png") || !strcasecmp(ext, "svg");
    char fixed[PATH_MAX];
    snprintf(fixed, sizeof fixed, "%.*s.%s", (int)(strlen(o->output) - strlen(ext) - 1),
             o->output, format_ext(o->format));
    if (known)
        fprintf(stderr,
                _("factsheet: -o %s names a %s file, but the format is %s; write -o %s, or add "
                  "--format %s\n"),
                o->output, ext, format_ext(o->format), fixed, ext);
    else
        fprintf(stderr,
                _("factsheet: -o %s names a %s file, which factsheet does not write; write -o "
                  "%s\n"),
                o->output, ext, fixed);
    return 1;
}

/* Options that do nothing in the chosen style or format: errors naming
 * what they need, never silently ignored. Returns 0 when all make sense. */
static int options_conflict(const options *o)
{
    if (o->attachment && !o->gongwen) {
        fprintf(stderr, "%s",
                _("factsheet: --attachment labels the first page of an official document's "
                  "attachment; it needs --style gongwen\n"));
        return 1;
    }
    if (o->first_page_set && !o->gongwen) {
        fprintf(stderr, "%s",
                _("factsheet: --first-page continues an official document's page numbers; it "
                  "needs --style gongwen\n"));
        return 1;
    }
    if (o->gongwen && o->a3) {
        fprintf(stderr, "%s",
                _("factsheet: --style gongwen is A4, as GB/T 9704 sets it; leave out --paper "
                  "A3\n"));
        return 1;
    }
    if (o->dpi_set && o->format != FORMAT_PNG) {
        fprintf(stderr, "%s",
                _("factsheet: --dpi sets the resolution of PNG pages; it needs --format png\n"));
        return 1;
    }
    return 0;
}

/* out/<name>.<ext> from the input's file name; ids in the data never take
 * part in the name, so nothing in a file can steer where output goes. */
static void output_path(const options *o, const char *input, const char *row, int n_inputs,
                        char *buf, size_t n)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    size_t len = strlen(base);
    if (len > 5 && strcmp(base + len - 5, ".json") == 0)
        len -= 5;
    const char *dir = "out";
    if (o->output && (n_inputs > 1 || o->each || is_directory(o->output)))
        dir = o->output;
    else if (o->output) {
        output_file(o, buf, n);
        return;
    }
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    /* --each: 2025-lusong.pdf, named after the row (ids are ASCII names). */
    snprintf(buf, n, "%.*s/%.*s%s%s.%s", (int)dl, dir, (int)len, base, row ? "-" : "",
             row ? row : "", format_ext(o->format));
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

/* The file in dir (every entry, or those named like a year file when
 * years_only) that is the same file as out, or NULL. Returns a path in buf. */
static const char *clash_in_dir(const char *out, const char *dir, int years_only, char *buf,
                                size_t n)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    const char *found = NULL;
    struct dirent *e;
    while (!found && (e = readdir(d))) {
        const char *nm = e->d_name;
        size_t len = strlen(nm);
        if (nm[0] == '.' && (len == 1 || (len == 2 && nm[1] == '.')))
            continue;
        if (years_only && !(len == 9 && strcmp(nm + 4, ".json") == 0 &&
                            strspn(nm, "0123456789") == 4))
            continue;
        int len_made = strcmp(dir, ".") == 0 ? snprintf(buf, n, "%s", nm)
                                              : snprintf(buf, n, "%s/%s", dir, nm);
        if (len_made >= 0 && (size_t)len_made < n && same_file(out, buf))
            found = buf;
    }
    closedir(d);
    return found;
}

/* A file this run reads that out would overwrite, or NULL: the inputs, the
 * other years beside input (read for changes and trends), the targets, the
 * book's notes, the source documents of --sources and the fonts file. */
static const char *read_file_at(const options *o, const char *out, const char *input,
                                char *const *inputs, int n_inputs, char *buf, size_t n)
{
    for (int i = 0; i < n_inputs; i++)
        if (same_file(out, inputs[i]))
            return inputs[i];
    char dir[PATH_MAX], sub[PATH_MAX + 16];
    const char *slash = strrchr(input, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - input) : 1, slash ? input : ".");
    if (slash == input)
        snprintf(dir, sizeof dir, "/");
    if (clash_in_dir(out, dir, 1, buf, n))
        return buf;
    int here = strcmp(dir, ".") == 0;
    snprintf(sub, sizeof sub, "%s%stargets", here ? "" : dir, here ? "" : "/");
    if (clash_in_dir(out, sub, 0, buf, n))
        return buf;
    snprintf(sub, sizeof sub, "%s%sbook", here ? "" : dir, here ? "" : "/");
    if (clash_in_dir(out, sub, 0, buf, n))
        return buf;
    if (o->sources && clash_in_dir(out, o->sources, 0, buf, n))
        return buf;
    if (o->fonts_conf && same_file(out, o->fonts_conf))
        return o->fonts_conf;
    return NULL;
}

/* Refuses an output (each page's file for PNG and SVG) that is a file the
 * run reads: rendering 2025 over 2024.json, which it reads for its trends,
 * would destroy the data. Returns 1 when out is safe to write. */
static int output_is_safe(const options *o, const char *out, size_t n_pages, const char *input,
                          char *const *inputs, int n_inputs, diag_list *dl)
{
    char buf[PATH_MAX + 300];
    for (size_t k = 1; k <= (o->format == FORMAT_PDF ? 1 : n_pages); k++) {
        char *page = o->format == FORMAT_PDF ? NULL : render_page_path(out, k);
        const char *path = page ? page : out;
        const char *clash = read_file_at(o, path, input, inputs, n_inputs, buf, sizeof buf);
        if (clash && same_file(path, input))
            diag_error(dl, path, "%s", _("the output would overwrite the input; choose another -o"));
        else if (clash)
            diag_error(dl, path, _("the output would overwrite %s, which this run reads; choose "
                                   "another -o"),
                       clash);
        free(page);
        if (clash)
            return 0;
    }
    return 1;
}

/* Renders one input. Returns 1 on success. */
static int process(const options *o, const char *input, const char *row, char *const *inputs,
                   int n_inputs,
                   session *ss, diag_list *dl, outcome *res)
{
    sheet *s = row ? sheet_load_row(input, row, dl) : sheet_load(input, dl);
    if (!s)
        return 0;
    int ok = 0;
    doc *d = NULL;
    if (!session_use_dir(ss, input, dl))
        goto done;
    /* --draft=auto (what make uses): a year still being filled in becomes a
     * draft with one warning instead of a list, its other problems counted
     * there (--check lists them), and never stops the batch. */
    int auto_draft = o->draft == DRAFT_AUTO && s->n_missing;
    int draft = o->draft == DRAFT_YES || auto_draft;
    diag_list scratch;
    diag_list_init(&scratch, MAX_DIAGS);
    diag_list *checks = auto_draft ? &scratch : dl;
    /* Everything the file can be checked for is reported in one run: its
     * figures against their quotes and last year's, its sources, then what
     * is still missing; any error stops it before layout. */
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
    if (!auto_draft && s->n_missing && (sheet_report_missing(s, dl, draft ? DIAG_WARNING : DIAG_ERROR),
                              !draft)) {
        diag_error(dl, input, "%s",
                   _("figures are missing; fill them in, or render with --draft to print a "
                     "draft marked 草稿"));
        goto done;
    }
    if (!checked)
        goto done;
    if (!ss->fonts) {
        /* Loaded once, on first need, and shared by every sheet of the batch. */
        ss->fonts = text_fonts_new(o->fonts_conf, text_target_of(o->format), dl);
        if (!ss->fonts)
            goto done;
    }
    /* Laid out on A4 always: A3 is the same design enlarged (render_opts.paper_w),
     * not a reflow into longer lines. */
    style st = *(o->gongwen ? style_gongwen() : o->grayscale ? style_grayscale() : style_default());
    layout_opts lo = {.draft = draft, .first_page = o->first_page,
                      .attachment = o->attachment, .strict = o->strict, .pages = o->pages};
    d = layout_sheet(s, ss->hist, ss->targets, ss->fonts, &st, &lo, dl);
    if (!d)
        goto done;
    if (o->check_only) {
        ok = 1; /* laid out, so every glyph and every block fits: nothing to write */
        goto done;
    }
    char out[PATH_MAX], date[64], keywords[512];
    output_path(o, input, row, n_inputs, out, sizeof out);
    if (!output_is_safe(o, out, d->n_pages, input, inputs, n_inputs, dl))
        goto done;
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
                      .paper_w = o->paper_w,
                      .paper_h = o->paper_h,
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

/* --each: one sheet per row of the input's tables, each with the same
 * design, written beside each other as NAME-ROW.pdf. Returns 1 when all
 * went well. */
static int process_each(const options *o, const char *input, session *ss, diag_list *dl)
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
        if (!rows[i] || !process(o, input, rows[i], inputs, 2, ss, dl, &res))
            ok = 0;
        else if (o->verbose && !o->check_only)
            fprintf(stderr, _("%s (%s) → %s (%zu 页)\n"), input, rows[i], res.out, res.pages);
        free((char *)rows[i]);
    }
    free(rows);
    return ok;
}

/* --book: every year beside input, in one PDF (default out/trends.pdf). */
static int render_book(const options *o, const char *input)
{
    diag_list dl;
    diag_list_init(&dl, MAX_DIAGS);
    session ss = {0};
    book_notes *notes = NULL;
    doc *d = NULL;
    int ok = 0;
    char date[64], out[PATH_MAX];
    ss.fonts = text_fonts_new(o->fonts_conf, text_target_of(o->format), &dl);
    if (!ss.fonts || !session_use_dir(&ss, input, &dl))
        goto done;
    history_drop_drafts(ss.hist, &dl);
    /* Laid out on A4 always: A3 is the same design enlarged (render_opts.paper_w),
     * not a reflow into longer lines. */
    style st = *(o->gongwen ? style_gongwen() : o->grayscale ? style_grayscale() : style_default());
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
    if (o->output)
        output_file(o, out, sizeof out);
    else
        snprintf(out, sizeof out, "out/trends.%s", format_ext(o->format));
    /* Never write the book over one of the files it is made from. */
    char *const inputs[] = {(char *)input};
    if (!output_is_safe(o, out, d->n_pages, input, inputs, 1, &dl))
        goto done;
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
                      .paper_w = o->paper_w,
                      .paper_h = o->paper_h,
                      .creation_date = date,
                      .creator = "factsheet " FACTSHEET_VERSION};
    ok = render_doc(d, &ro, out, &dl);
done:
    diag_list_print(&dl, stderr);
    diag_list_clear(&dl);
    doc_free(d);
    book_notes_free(notes);
    session_free(&ss);
    return ok ? 0 : EXIT_BAD_INPUT;
}

/* import's font check: the default style's faces, loaded on first need. */
typedef struct glyph_probe {
    const char *conf;
    text_fonts *fonts;
    int tried;
} glyph_probe;

static uint32_t missing_glyph(void *ctx, const char *utf8)
{
    glyph_probe *g = ctx;
    if (!g->tried) {
        g->tried = 1;
        diag_list quiet;
        diag_list_init(&quiet, 4);
        g->fonts = text_fonts_new(g->conf, TEXT_FOR_PDF, &quiet);
        diag_list_clear(&quiet); /* no fonts: rendering will say why; import goes on */
    }
    static const text_face faces[] = {FACE_SANS, FACE_SANS_BOLD};
    for (size_t i = 0; g->fonts && i < sizeof faces / sizeof faces[0]; i++) {
        text_style ts = {.face = faces[i], .size = 10};
        uint32_t missing = 0;
        text *t = text_new(g->fonts, utf8, &ts, 0, &missing);
        text_free(t);
        if (!t && missing)
            return missing;
    }
    return 0;
}

int main(int argc, char **argv)
{
    char localedir[PATH_MAX], fonts_conf[PATH_MAX];
    default_localedir(localedir, sizeof localedir);
    i18n_init(localedir);

    if (argc > 1 && strcmp(argv[1], "new") == 0)
        return cmd_new(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "import") == 0) {
        default_fonts_conf(fonts_conf, sizeof fonts_conf);
        glyph_probe probe = {.conf = fonts_conf};
        cmd_glyphs glyphs = {.missing = missing_glyph, .ctx = &probe};
        int status = cmd_import(argc - 1, argv + 1, &glyphs);
        text_fonts_free(probe.fonts);
        return status;
    }
    if (argc > 1 && strcmp(argv[1], "export") == 0)
        return cmd_export(argc - 1, argv + 1);

    options o = {.format = FORMAT_PDF, .dpi = 150, .paper_w = 595.276, .paper_h = 841.89,
                 .first_page = 1};
    static char attachment_label[64];
    enum {
        OPT_CHECK = 256, OPT_DPI, OPT_FONTS, OPT_GRAYSCALE, OPT_SOURCES, OPT_BOOK, OPT_DRAFT,
        OPT_STYLE, OPT_PAPER, OPT_BLEED, OPT_FIRST_PAGE, OPT_ATTACHMENT, OPT_STRICT,
        OPT_PAGES, OPT_EACH
    };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
        {"dpi", required_argument, NULL, OPT_DPI}, {"check", no_argument, NULL, OPT_CHECK},
        {"fonts", required_argument, NULL, OPT_FONTS}, {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},      {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},      {"grayscale", no_argument, NULL, OPT_GRAYSCALE},
        {"sources", required_argument, NULL, OPT_SOURCES},
        {"book", no_argument, NULL, OPT_BOOK},
        {"draft", optional_argument, NULL, OPT_DRAFT},
        {"style", required_argument, NULL, OPT_STYLE},
        {"paper", required_argument, NULL, OPT_PAPER},
        {"bleed", required_argument, NULL, OPT_BLEED},
        {"first-page", required_argument, NULL, OPT_FIRST_PAGE},
        {"attachment", required_argument, NULL, OPT_ATTACHMENT},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"pages", required_argument, NULL, OPT_PAGES},
        {"each", no_argument, NULL, OPT_EACH},
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
            else if (strcmp(optarg, "ofd") == 0)
                o.format = FORMAT_OFD;
            else {
                fprintf(stderr,
                        _("factsheet: unknown format \"%s\"; expected pdf, ofd, png or svg\n"),
                        optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_DPI: {
            char *end;
            o.dpi = strtod(optarg, &end);
            o.dpi_set = 1;
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
        case OPT_DRAFT:
            if (!optarg)
                o.draft = DRAFT_YES;
            else if (strcmp(optarg, "auto") == 0)
                o.draft = DRAFT_AUTO;
            else {
                fprintf(stderr, _("factsheet: --draft=\"%s\": expected --draft or --draft=auto\n"),
                        optarg);
                return EXIT_USAGE;
            }
            break;
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
                o.a3 = 1;
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
            o.first_page_set = 1;
            break;
        }
        case OPT_STRICT: o.strict = 1; break;
        case OPT_EACH: o.each = 1; break;
        case OPT_PAGES:
            if (strcmp(optarg, "1") != 0 && strcmp(optarg, "2") != 0) {
                fprintf(stderr, _("factsheet: --pages \"%s\" is not 1 or 2\n"), optarg);
                return EXIT_USAGE;
            }
            o.pages = optarg[0] - '0';
            break;
        case OPT_ATTACHMENT: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || end == optarg || v < 1 || v > 99) {
                fprintf(stderr,
                        _("factsheet: --attachment \"%s\" is not an attachment number; "
                          "attachments are numbered from 1 (附件1)\n"),
                        optarg);
                return EXIT_USAGE;
            }
            snprintf(attachment_label, sizeof attachment_label, "附件%ld", v);
            o.attachment = attachment_label;
            break;
        }
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
    if (o.output && o.each && !is_directory(o.output)) {
        fprintf(stderr, _("factsheet: with --each, -o must name an existing directory: %s\n"),
                o.output);
        return EXIT_USAGE;
    }
    if (o.output && n_inputs > 1 && !is_directory(o.output)) {
        fprintf(stderr,
                _("factsheet: with several inputs, -o must name an existing directory: %s\n"),
                o.output);
        return EXIT_USAGE;
    }
    if (options_conflict(&o) ||
        (o.output && (n_inputs == 1 || o.book) && !o.each && !is_directory(o.output) &&
         output_conflicts(&o))) {
        fprintf(stderr, "%s", _("Try 'factsheet --help' for more information.\n"));
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
        output_path(&o, argv[i], NULL, n_inputs, pi, sizeof pi);
        for (int k = optind; k < i; k++) {
            char pk[PATH_MAX];
            output_path(&o, argv[k], NULL, n_inputs, pk, sizeof pk);
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
        int ok = o.each ? process_each(&o, argv[i], &ss, &dl)
                        : process(&o, argv[i], NULL, argv + optind, n_inputs, &ss, &dl, &res);
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
