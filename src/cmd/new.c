/* new: `factsheet new YEAR --from data/PREV.json [-o PATH] [--force]`, next
 * year's data file from an earlier year's: its sections, charts and
 * indicators, with every figure null and every source, text and chart title
 * to fill in (model/edit.h says exactly what is kept). The earlier file must
 * load cleanly: a new year starts from a good one.
 *
 * Indicator notes are removed with the figures: they state last year's
 * facts. What a figure covers (period, scope, definition) is kept and
 * counted in the summary, to be checked.
 *
 * The date is kept, not emptied: the loader needs a real date even in a
 * draft, and any date we made up would look just as real. The summary says
 * it is last year's, and the office sets the date of issue. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/atomic_file.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "cmd/cmd.h"
#include "model/edit.h"
#include "model/sheet.h"

enum { EXIT_BAD = 1, EXIT_USAGE = 2, MAX_DIAGS = 100 };

static void usage(FILE *out)
{
    fprintf(out, "%s",
            _("Usage: factsheet new YEAR --from=FILE.json [-o PATH] [--force]\n"
              "Start a year's data file from an earlier year's: the same sections, charts and\n"
              "indicators, every figure null and every source, text and chart title empty,\n"
              "to fill in with `factsheet import` and by hand.\n"
              "\n"
              "      --from=FILE       the earlier year's data file (required)\n"
              "  -o, --output=PATH     the new file, or a directory to hold YEAR.json\n"
              "                        (default: YEAR.json beside the --from file)\n"
              "      --force           replace PATH if it exists\n"
              "  -h, --help            show this help and exit\n"));
}

static int try_help(void)
{
    fprintf(stderr, "%s", _("Try 'factsheet new --help' for more information.\n"));
    return EXIT_USAGE;
}

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The year argument: digits only, 1949 to 2100 as the loader accepts. */
static int parse_year(const char *s)
{
    if (strlen(s) != 4 || strspn(s, "0123456789") != 4)
        return 0;
    int y = (int)strtol(s, NULL, 10);
    return y >= 1949 && y <= 2100 ? y : 0;
}

/* Where the new file goes: -o (a file, or a directory for YEAR.json), else
 * YEAR.json beside from. False when the path is too long. */
static bool output_path(const char *from, const char *output, int year, char *buf, size_t n)
{
    int len;
    if (output && !is_directory(output)) {
        len = snprintf(buf, n, "%s", output);
    } else if (output) {
        size_t dl = strlen(output);
        while (dl > 1 && output[dl - 1] == '/')
            dl--;
        len = snprintf(buf, n, "%.*s/%d.json", (int)dl, output, year);
    } else {
        const char *slash = strrchr(from, '/');
        if (slash)
            len = snprintf(buf, n, "%.*s/%d.json", (int)(slash - from), from, year);
        else
            len = snprintf(buf, n, "%d.json", year);
    }
    return len > 0 && (size_t)len < n;
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* What is left to do, on stderr. */
static void print_summary(const char *out, const char *from, int old_year,
                          const edit_year_report *r, const char *date)
{
    fprintf(stderr, _("%s: written from %s, every figure empty; still to fill in:\n"), out, from);
    fprintf(stderr, _("  %zu figures with their sources (factsheet import FILE.csv --into %s)\n"),
            r->indicators, out);
    if (r->texts || r->chart_titles)
        fprintf(stderr, _("  %zu texts and notes, %zu chart titles\n"), r->texts, r->chart_titles);
    if (r->chart_notes)
        fprintf(stderr, _("  chart notes where needed (removed from last year's: %zu)\n"),
                r->chart_notes);
    if (r->notes)
        fprintf(stderr, _("  indicator notes where needed (removed from last year's: %zu)\n"),
                r->notes);
    fprintf(stderr, "%s", _("  the source documents (\"sources\")\n"));
    fprintf(stderr, _("  \"date\", still %s as in %s: the date of issue\n"), date, from);
    if (!r->title_changed)
        fprintf(stderr, _("  \"title\", which does not name %d\n"), old_year);
    if (r->periods || r->scopes || r->definitions) {
        fprintf(stderr, "%s", _("Kept from last year; check that each still holds:\n"));
        if (r->periods)
            fprintf(stderr, _("  %zu periods (such as \"%s\" of %s)\n"), r->periods, r->period,
                    r->period_id ? r->period_id : "?");
        if (r->scopes)
            fprintf(stderr, _("  %zu scopes\n"), r->scopes);
        if (r->definitions)
            fprintf(stderr, _("  %zu definitions\n"), r->definitions);
    }
    fprintf(stderr, _("factsheet --check %s lists what is still missing.\n"), out);
}

int cmd_new(int argc, char **argv)
{
    const char *from = NULL, *output = NULL;
    int force = 0;
    enum { OPT_FROM = 256, OPT_FORCE };
    static const struct option longopts[] = {{"from", required_argument, NULL, OPT_FROM},
                                             {"output", required_argument, NULL, 'o'},
                                             {"force", no_argument, NULL, OPT_FORCE},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_FROM: from = optarg; break;
        case 'o': output = optarg; break;
        case OPT_FORCE: force = 1; break;
        case 'h': usage(stdout); return 0;
        default: return try_help();
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "%s",
                optind == argc ? _("factsheet new: which year? such as: factsheet new 2026 "
                                   "--from data/2025.json\n")
                               : _("factsheet new: one year only\n"));
        return try_help();
    }
    int year = parse_year(argv[optind]);
    if (!year) {
        fprintf(stderr, _("factsheet new: \"%s\" is not a year from 1949 to 2100\n"), argv[optind]);
        return try_help();
    }
    if (!from) {
        fprintf(stderr, "%s",
                _("factsheet new: --from is required: the earlier year's file to start from, "
                  "such as --from data/2025.json\n"));
        return try_help();
    }
    char out[PATH_MAX];
    if (!output_path(from, output, year, out, sizeof out)) {
        fprintf(stderr, "%s", _("factsheet new: the output path is too long\n"));
        return EXIT_USAGE;
    }
    if (same_file(out, from)) {
        fprintf(stderr, _("%s: this is the --from file; choose another year or -o\n"), out);
        return EXIT_BAD;
    }
    struct stat st;
    if (!force && stat(out, &st) == 0) {
        fprintf(stderr, _("%s: already exists; use --force to replace it\n"), out);
        return EXIT_BAD;
    }

    diag_list dl;
    diag_list_init(&dl, MAX_DIAGS);
    int status = EXIT_BAD;
    edit_doc *ed = NULL;
    /* A new year starts from a good one: problems would be copied along. */
    sheet *s = sheet_load(from, &dl);
    if (!s) {
        diag_list_print(&dl, stderr);
        diag_list_clear(&dl);
        if (access(from, R_OK) == 0)
            fprintf(stderr, _("factsheet new: %s has problems; fix them first\n"), from);
        goto done;
    }
    sheet_free(s);
    ed = edit_load(from, &dl);
    if (!ed)
        goto done;
    int old_year = edit_year(ed);
    edit_year_report rep;
    atomic_file_install_signal_handlers();
    if (!edit_start_year(ed, year, &rep, &dl) || !edit_save(ed, out, &dl))
        goto done;
    diag_list_print(&dl, stderr); /* the loader's warnings, if any */
    diag_list_clear(&dl);
    print_summary(out, from, old_year, &rep, edit_date(ed));
    status = 0;
done:
    diag_list_print(&dl, stderr);
    diag_list_clear(&dl);
    edit_free(ed);
    return status;
}
