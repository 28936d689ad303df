/* cli/options: parsing and checking the rendering command line. Each
 * option's value is read by a function of its own, so that the getopt loop
 * stays a table of what each option sets. */
#include "options.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "output.h"

#ifndef FACTSHEET_VERSION
#define FACTSHEET_VERSION "0.0.0"
#endif

void options_usage(FILE *out)
{
    fprintf(out, "%s",
            _("Usage: factsheet [OPTIONS] INPUT.json...\n"
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

/* The parsers of the options' values: 0 when the value is good, else
 * EXIT_USAGE with the message printed. */

static int parse_format(const char *arg, options *o)
{
    if (strcmp(arg, "pdf") == 0)
        o->format = FORMAT_PDF;
    else if (strcmp(arg, "png") == 0)
        o->format = FORMAT_PNG;
    else if (strcmp(arg, "svg") == 0)
        o->format = FORMAT_SVG;
    else if (strcmp(arg, "ofd") == 0)
        o->format = FORMAT_OFD;
    else {
        fprintf(stderr, _("factsheet: unknown format \"%s\"; expected pdf, ofd, png or svg\n"),
                arg);
        return EXIT_USAGE;
    }
    return 0;
}

static int parse_dpi(const char *arg, options *o)
{
    char *end;
    o->dpi = strtod(arg, &end);
    o->dpi_set = 1;
    if (*end || !(o->dpi >= 18 && o->dpi <= 1200)) {
        fprintf(stderr, _("factsheet: --dpi \"%s\" is not a number from 18 to 1200\n"), arg);
        return EXIT_USAGE;
    }
    return 0;
}

/* --draft alone (arg NULL) or --draft=auto. */
static int parse_draft(const char *arg, options *o)
{
    if (!arg)
        o->draft = DRAFT_YES;
    else if (strcmp(arg, "auto") == 0)
        o->draft = DRAFT_AUTO;
    else {
        fprintf(stderr, _("factsheet: --draft=\"%s\": expected --draft or --draft=auto\n"), arg);
        return EXIT_USAGE;
    }
    return 0;
}

static int parse_style(const char *arg, options *o)
{
    if (strcmp(arg, "gongwen") == 0)
        o->gongwen = 1;
    else if (strcmp(arg, "default") != 0) {
        fprintf(stderr, _("factsheet: unknown style \"%s\"; expected default or gongwen\n"), arg);
        return EXIT_USAGE;
    }
    return 0;
}

static int parse_paper(const char *arg, options *o)
{
    if (strcasecmp(arg, "A4") == 0) {
        o->paper_w = 595.276;
        o->paper_h = 841.89;
    } else if (strcasecmp(arg, "A3") == 0) {
        o->paper_w = 841.89;
        o->paper_h = 1190.551;
        o->a3 = 1;
    } else {
        fprintf(stderr, _("factsheet: unknown paper \"%s\"; expected A4 or A3\n"), arg);
        return EXIT_USAGE;
    }
    return 0;
}

static int parse_bleed(const char *arg, options *o)
{
    char *end;
    double mm = strtod(arg, &end);
    if (*end || !(mm >= 0 && mm <= 20)) {
        fprintf(stderr, _("factsheet: --bleed \"%s\" is not a number of mm from 0 to 20\n"), arg);
        return EXIT_USAGE;
    }
    o->bleed = mm * 72.0 / 25.4;
    return 0;
}

static int parse_first_page(const char *arg, options *o)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (*end || v < 1 || v > 9999) {
        fprintf(stderr, _("factsheet: --first-page \"%s\" is not a page number\n"), arg);
        return EXIT_USAGE;
    }
    o->first_page = (int)v;
    o->first_page_set = 1;
    return 0;
}

static int parse_pages(const char *arg, options *o)
{
    if (strcmp(arg, "1") != 0 && strcmp(arg, "2") != 0) {
        fprintf(stderr, _("factsheet: --pages \"%s\" is not 1 or 2\n"), arg);
        return EXIT_USAGE;
    }
    o->pages = arg[0] - '0';
    return 0;
}

static int parse_attachment(const char *arg, options *o)
{
    /* The label outlives the parse: o->attachment points into it. */
    static char attachment_label[64];
    char *end;
    long v = strtol(arg, &end, 10);
    if (*end || end == arg || v < 1 || v > 99) {
        fprintf(stderr,
                _("factsheet: --attachment \"%s\" is not an attachment number; "
                  "attachments are numbered from 1 (附件1)\n"),
                arg);
        return EXIT_USAGE;
    }
    snprintf(attachment_label, sizeof attachment_label, "附件%ld", v);
    o->attachment = attachment_label;
    return 0;
}

enum {
    OPT_CHECK = 256,
    OPT_DPI,
    OPT_FONTS,
    OPT_GRAYSCALE,
    OPT_SOURCES,
    OPT_BOOK,
    OPT_DRAFT,
    OPT_STYLE,
    OPT_PAPER,
    OPT_BLEED,
    OPT_FIRST_PAGE,
    OPT_ATTACHMENT,
    OPT_STRICT,
    OPT_PAGES,
    OPT_EACH
};

static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"dpi", required_argument, NULL, OPT_DPI},
                                         {"check", no_argument, NULL, OPT_CHECK},
                                         {"fonts", required_argument, NULL, OPT_FONTS},
                                         {"help", no_argument, NULL, 'h'},
                                         {"version", no_argument, NULL, 'V'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"verbose", no_argument, NULL, 'v'},
                                         {"grayscale", no_argument, NULL, OPT_GRAYSCALE},
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

/* Applies option c (its value arg). Returns OPTIONS_GO_ON or the exit status. */
static int apply_option(int c, const char *arg, options *o)
{
    int bad = 0;
    switch (c) {
    case 'o': o->output = arg; break;
    case 'f': bad = parse_format(arg, o); break;
    case OPT_DPI: bad = parse_dpi(arg, o); break;
    case OPT_CHECK: o->check_only = 1; break;
    case OPT_FONTS: o->fonts_conf = arg; break;
    case OPT_GRAYSCALE: o->grayscale = 1; break;
    case OPT_SOURCES: o->sources = arg; break;
    case OPT_BOOK: o->book = 1; break;
    case OPT_DRAFT: bad = parse_draft(arg, o); break;
    case OPT_STYLE: bad = parse_style(arg, o); break;
    case OPT_PAPER: bad = parse_paper(arg, o); break;
    case OPT_BLEED: bad = parse_bleed(arg, o); break;
    case OPT_FIRST_PAGE: bad = parse_first_page(arg, o); break;
    case OPT_STRICT: o->strict = 1; break;
    case OPT_EACH: o->each = 1; break;
    case OPT_PAGES: bad = parse_pages(arg, o); break;
    case OPT_ATTACHMENT: bad = parse_attachment(arg, o); break;
    case 'q': o->quiet = 1; break;
    case 'v': o->verbose = 1; break;
    case 'h': options_usage(stdout); return 0;
    case 'V': printf("factsheet %s\n", FACTSHEET_VERSION); return 0;
    default:
        fprintf(stderr, "%s", _("Try 'factsheet --help' for more information.\n"));
        return EXIT_USAGE;
    }
    return bad ? bad : OPTIONS_GO_ON;
}

int options_parse(int argc, char **argv, options *o, int *first_input)
{
    *o = (options){
        .format = FORMAT_PDF, .dpi = 150, .paper_w = 595.276, .paper_h = 841.89, .first_page = 1};
    int c;
    while ((c = getopt_long(argc, argv, "o:f:hVqv", longopts, NULL)) != -1) {
        int status = apply_option(c, optarg, o);
        if (status != OPTIONS_GO_ON)
            return status;
    }
    *first_input = optind;
    return OPTIONS_GO_ON;
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

int options_check(const options *o, int n_inputs)
{
    if (n_inputs < 1) {
        fprintf(stderr, "%s", _("factsheet: no input file\n"));
        fprintf(stderr, "%s", _("Try 'factsheet --help' for more information.\n"));
        return EXIT_USAGE;
    }
    if (o->output && o->each && !output_is_directory(o->output)) {
        fprintf(stderr, _("factsheet: with --each, -o must name an existing directory: %s\n"),
                o->output);
        return EXIT_USAGE;
    }
    if (o->output && n_inputs > 1 && !output_is_directory(o->output)) {
        fprintf(stderr,
                _("factsheet: with several inputs, -o must name an existing directory: %s\n"),
                o->output);
        return EXIT_USAGE;
    }
    if (options_conflict(o) || (o->output && (n_inputs == 1 || o->book) && !o->each &&
                                !output_is_directory(o->output) && output_conflicts(o))) {
        fprintf(stderr, "%s", _("Try 'factsheet --help' for more information.\n"));
        return EXIT_USAGE;
    }
    return 0;
}
