/* export: `factsheet export DATA.json -o FILE.csv [--encoding gbk]`, a data
 * file's figures as the spreadsheet `factsheet import` reads back: one row
 * per indicator under the Chinese header
 *   指标代码,指标名称,数值,单位,限定词,时期,范围,来源文件,来源原文
 * so that the clerk fills in values and quotes instead of typing ids. A
 * figure is written exactly as the file has it and kept so by the
 * spreadsheet (model/csvout.h); a figure still missing is an empty cell.
 * Export, edit, import --into: every figure comes back exactly. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/atomic_file.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "cmd/cmd.h"
#include "model/csvout.h"
#include "model/sheet.h"

enum { EXIT_BAD = 1, EXIT_USAGE = 2, MAX_DIAGS = 100 };

static void usage(FILE *out)
{
    fprintf(out, "%s",
            _("Usage: factsheet export DATA.json [-o FILE.csv] [--encoding=gbk] [--force]\n"
              "Write a data file's indicators as a table to fill in with WPS or Excel and\n"
              "read back with `factsheet import FILE.csv --into DATA.json`: one row per\n"
              "indicator, figures exactly as written, an empty cell where one is missing.\n"
              "\n"
              "  -o, --output=FILE     the CSV file (default: DATA.csv beside DATA.json)\n"
              "      --encoding=ENC    utf-8 (default, with a byte-order mark, which Excel\n"
              "                        needs) or gbk (older Excel and WPS on Windows)\n"
              "      --force           replace FILE if it exists\n"
              "  -h, --help            show this help and exit\n"));
}

static int try_help(void)
{
    fprintf(stderr, "%s", _("Try 'factsheet export --help' for more information.\n"));
    return EXIT_USAGE;
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* The table of s's indicators, in the data file's order. */
static bool write_table(const sheet *s, strbuf *out)
{
    static const char *const header[] = {"指标代码", "指标名称", "数值",     "单位",    "限定词",
                                         "时期",     "范围",     "来源文件", "来源原文"};
    for (size_t c = 0; c < sizeof header / sizeof header[0]; c++)
        csvout_text(out, header[c], c == 0);
    sb_printf(out, "\r\n");
    for (size_t i = 0; i < s->n_indicators; i++) {
        const sheet_indicator *ind = &s->indicators[i];
        if (strncmp(ind->path, "tables", 6) == 0)
            continue; /* a row of "tables": edited in its table, not imported */
        csvout_text(out, ind->id, true);
        csvout_text(out, ind->label, false);
        csvout_figure(out, ind->missing ? NULL : ind->literal, false);
        csvout_text(out, ind->unit, false);
        csvout_text(out, ind->qualifier, false);
        csvout_text(out, ind->period, false);
        csvout_text(out, ind->scope, false);
        csvout_text(out, ind->source_file, false);
        csvout_text(out, ind->source_quote, false);
        sb_printf(out, "\r\n");
    }
    return !out->failed;
}

int cmd_export(int argc, char **argv)
{
    const char *output = NULL;
    csvout_encoding enc = CSVOUT_UTF8_BOM;
    int force = 0;
    enum { OPT_ENCODING = 256, OPT_FORCE };
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"encoding", required_argument, NULL, OPT_ENCODING},
                                             {"force", no_argument, NULL, OPT_FORCE},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': output = optarg; break;
        case OPT_ENCODING:
            if (strcasecmp(optarg, "gbk") == 0 || strcasecmp(optarg, "gb18030") == 0)
                enc = CSVOUT_GBK;
            else if (strcasecmp(optarg, "utf-8") == 0 || strcasecmp(optarg, "utf8") == 0)
                enc = CSVOUT_UTF8_BOM;
            else {
                fprintf(stderr,
                        _("factsheet export: unknown encoding \"%s\"; expected utf-8 or "
                          "gbk\n"),
                        optarg);
                return try_help();
            }
            break;
        case OPT_FORCE: force = 1; break;
        case 'h': usage(stdout); return 0;
        default: return try_help();
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "%s",
                optind == argc ? _("factsheet export: which data file? such as: factsheet export "
                                   "data/2026.json -o 2026.csv\n")
                               : _("factsheet export: one data file at a time\n"));
        return try_help();
    }
    const char *input = argv[optind];
    char def[PATH_MAX];
    if (!output) {
        size_t len = strlen(input);
        if (len > 5 && strcmp(input + len - 5, ".json") == 0)
            len -= 5;
        snprintf(def, sizeof def, "%.*s.csv", (int)len, input);
        output = def;
    }
    diag_list dl;
    diag_list_init(&dl, MAX_DIAGS);
    int status = EXIT_BAD;
    strbuf table = {0};
    sheet *s = sheet_load(input, &dl);
    if (!s)
        goto done;
    if (same_file(output, input)) {
        diag_error(&dl, output, "%s", _("the output would overwrite the input; choose another -o"));
        goto done;
    }
    if (!force && access(output, F_OK) == 0) {
        diag_error(&dl, output, "%s", _("already exists; use --force to replace it"));
        goto done;
    }
    if (!write_table(s, &table)) {
        diag_error(&dl, output, "%s", _("out of memory"));
        goto done;
    }
    atomic_file_install_signal_handlers();
    if (!csvout_save(output, sb_str(&table), table.len, enc, &dl))
        goto done;
    fprintf(stderr,
            _("wrote %zu indicators of %s to %s (%s); fill it in, then: factsheet import %s "
              "--into %s\n"),
            s->n_indicators, input, output, enc == CSVOUT_GBK ? "GBK" : "UTF-8", output, input);
    status = 0;
done:
    diag_list_print(&dl, stderr);
    diag_list_clear(&dl);
    sb_free(&table);
    sheet_free(s);
    return status;
}
