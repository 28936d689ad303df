/* import: `factsheet import FILE.csv --into data/YEAR.json`, figures from a
 * spreadsheet saved as CSV (model/csv.h reads it, UTF-8 or GBK) into a data
 * file (model/edit.h rewrites it).
 *
 * Columns, by their header, in English or Chinese, in any order:
 *   id 指标代码, label 指标名称, value 数值, unit 单位, qualifier 限定词,
 *   file 来源文件, quote 来源原文
 * id, value, file and quote must be there (a figure travels with its source);
 * label, unit and qualifier may be left out; period 时期 and scope 范围
 * (what `factsheet export` adds) may be there. An empty cell keeps what the
 * data file has, except that a row giving a value also gives the figure's
 * qualifier and source: a new figure never keeps last year's 约 or quote.
 *
 * All or nothing: every row is checked first and every problem reported at
 * its line and column; one bad row and the data file is not touched.
 *
 * This file reads the command line and drives the parts (import_priv.h). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/atomic_file.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "cmd/cmd.h"
#include "import_priv.h"
#include "model/csv.h"
#include "model/edit.h"

enum { EXIT_BAD = 1, EXIT_USAGE = 2 };

static void usage(FILE *out)
{
    fprintf(out, "%s",
            _("Usage: factsheet import FILE.csv --into=DATA.json [--dry-run]\n"
              "Set figures of a data file from a table saved as CSV (UTF-8 or GBK), one\n"
              "indicator per row, under a header naming the columns in English or Chinese:\n"
              "  id,label,value,unit,qualifier,file,quote\n"
              "  指标代码,指标名称,数值,单位,限定词,来源文件,来源原文\n"
              "id, value, file and quote are required; an empty cell keeps what the data\n"
              "file has; period 时期 and scope 范围 may be added (as `factsheet export`\n"
              "writes them). Every row is checked first: one bad row and nothing is written.\n"
              "\n"
              "      --into=DATA.json  the data file to update (required)\n"
              "  -n, --dry-run         check the table and report, write nothing\n"
              "  -h, --help            show this help and exit\n"));
}

static int try_help(void)
{
    fprintf(stderr, "%s", _("Try 'factsheet import --help' for more information.\n"));
    return EXIT_USAGE;
}

/* The command line: sets *into and *dry_run; -1 when the import is to run,
 * else the exit status (help shown, or a usage error reported). */
static int parse_args(int argc, char **argv, const char **into, int *dry_run)
{
    enum { OPT_INTO = 256 };
    static const struct option longopts[] = {{"into", required_argument, NULL, OPT_INTO},
                                             {"dry-run", no_argument, NULL, 'n'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "nh", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_INTO: *into = optarg; break;
        case 'n': *dry_run = 1; break;
        case 'h': usage(stdout); return 0;
        default: return try_help();
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "%s",
                optind == argc ? _("factsheet import: which CSV file? such as: factsheet import "
                                   "indicators.csv --into data/2026.json\n")
                               : _("factsheet import: one CSV file at a time\n"));
        return try_help();
    }
    if (!*into) {
        fprintf(stderr, "%s",
                _("factsheet import: --into is required: the data file to update, such as "
                  "--into data/2026.json\n"));
        return try_help();
    }
    /* The data file is rewritten in place: it must not be the CSV being read. */
    struct stat sc, si;
    if (stat(argv[optind], &sc) == 0 && stat(*into, &si) == 0 && sc.st_dev == si.st_dev &&
        sc.st_ino == si.st_ino) {
        fprintf(stderr,
                _("%s: --into names the CSV file being imported; name the data file, such "
                  "as --into data/2026.json\n"),
                *into);
        fprintf(stderr, _("%s: not changed\n"), *into);
        return EXIT_BAD;
    }
    return -1;
}

/* Reads the CSV and the data file and checks every row; *rows (freed by the
 * caller) holds the good ones. False when anything was wrong (reported). */
static bool read_rows(importer *im, row_cells **rows, size_t *n_rows)
{
    diag_list *dl = im->dl;
    im->t = csv_load(im->csv_name, dl);
    if (!im->t)
        return false;
    if (im->t->encoding == CSV_GB18030)
        fprintf(stderr, _("%s: note: not UTF-8; read as GBK (GB18030)\n"), im->csv_name);
    im->ed = edit_load(im->json_name, dl);
    if (!im->ed)
        return false;
    if (im->t->n_rows == 0) {
        diag_error(dl, im->csv_name, _("the file is empty; expected a header row such as %s"),
                   "指标代码,指标名称,数值,单位,限定词,来源文件,来源原文");
        return false;
    }
    im->header_row = import_find_header_row(im);
    im->ignored = calloc(im->t->rows[im->header_row].n, sizeof *im->ignored);
    if (!im->ignored) {
        diag_error(dl, im->csv_name, "%s", _("out of memory"));
        return false;
    }
    if (!import_read_header(im))
        return false;
    import_print_ignored(im);
    *rows = calloc(im->t->n_rows, sizeof **rows);
    if (!*rows) {
        diag_error(dl, im->csv_name, "%s", _("out of memory"));
        return false;
    }
    for (size_t r = im->header_row + 1; r < im->t->n_rows; r++) {
        row_cells rc;
        if (!import_read_cells(im, &im->t->rows[r], &rc))
            continue; /* a row of empty cells */
        if (import_check_row(im, &rc, *rows, *n_rows))
            (*rows)[(*n_rows)++] = rc;
    }
    if (dl->errors)
        return false;
    if (*n_rows == 0) {
        diag_error(dl, im->csv_name, "%s", _("no rows under the header; nothing to import"));
        return false;
    }
    return true;
}

/* Applies the checked rows and, unless dry_run, saves the data file when it
 * changed; says what was done. False when something failed (reported). */
static bool write_rows(importer *im, row_cells *rows, size_t n_rows, bool dry_run)
{
    const char *into = im->json_name;
    size_t updated = 0;
    import_note_label_unit_changes(im, rows, n_rows);
    atomic_file_install_signal_handlers();
    if (!import_apply(im, rows, n_rows, &updated) || !import_result_loads(im, rows, n_rows))
        return false;
    if (dry_run) {
        fprintf(stderr, _("would update %zu indicators in %s (--dry-run: nothing written)\n"),
                updated, into);
    } else if (edit_unchanged(im->ed)) {
        fprintf(stderr, _("%s already holds these %zu indicators; not rewritten\n"), into, updated);
    } else {
        if (!edit_save(im->ed, into, im->dl))
            return false;
        fprintf(stderr, _("updated %zu indicators in %s\n"), updated, into);
    }
    return true;
}

int cmd_import(int argc, char **argv, const cmd_glyphs *glyphs)
{
    const char *into = NULL;
    int dry_run = 0;
    int status = parse_args(argc, argv, &into, &dry_run);
    if (status >= 0)
        return status;
    diag_list dl;
    diag_list_init(&dl, IMPORT_MAX_DIAGS);
    importer im = {.csv_name = argv[optind], .json_name = into, .dl = &dl, .glyphs = glyphs};
    row_cells *rows = NULL;
    size_t n_rows = 0;
    status = EXIT_BAD;
    if (read_rows(&im, &rows, &n_rows) && write_rows(&im, rows, n_rows, dry_run))
        status = 0;
    diag_list_print(&dl, stderr);
    if (status != 0 && access(into, F_OK) == 0)
        fprintf(stderr, _("%s: not changed\n"), into);
    diag_list_clear(&dl);
    free(rows);
    free(im.ignored);
    edit_free(im.ed);
    csv_free(im.t);
    return status;
}
