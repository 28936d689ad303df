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
 * its line and column; one bad row and the data file is not touched. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/atomic_file.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "cmd/cmd.h"
#include "model/csv.h"
#include "model/csvout.h"
#include "model/edit.h"
#include "model/numfmt.h"
#include "model/sheet.h"
#include "model/units.h"
#include "base/strdist.h"

enum { EXIT_BAD = 1, EXIT_USAGE = 2, MAX_DIAGS = 100, MAX_NUMBER = NUMFMT_LITERAL_MAX };

typedef enum column {
    COL_ID,
    COL_LABEL,
    COL_VALUE,
    COL_UNIT,
    COL_QUALIFIER,
    COL_FILE,
    COL_QUOTE,
    COL_PERIOD, /* what `factsheet export` adds: what the figure covers */
    COL_SCOPE,
    COL_LAST /* never use! */
} column;

static const char *const col_en[COL_LAST] = {"id",        "label", "value", "unit",
                                             "qualifier", "file",  "quote", "period", "scope"};
static const char *const col_zh[COL_LAST] = {"指标代码", "指标名称", "数值",    "单位",
                                             "限定词",   "来源文件", "来源原文", "时期", "范围"};
static const bool col_required[COL_LAST] = {true,  false, true,  false, false,
                                            true,  true,  false, false};

/* Qualifiers as numfmt.h places them: before the number, or after it. */

typedef struct importer {
    const char *csv_name, *json_name;
    csv_table *t;
    edit_doc *ed;
    diag_list *dl;
    int where[COL_LAST];      /* the field index of each column, or -1 */
    const char *name[COL_LAST]; /* each column's name as the header writes it */
    size_t n_columns;         /* fields in the header */
    bool chinese;             /* the header names columns in Chinese */
    size_t header_row;        /* the header's row: 0, or below a title */
    bool *ignored;            /* per header field: a column import does not know */
    const cmd_glyphs *glyphs; /* the fonts' check, or NULL */
} importer;

/* One row's cells, trimmed; "" for a column the header lacks. */
typedef struct row_cells {
    const char *cell[COL_LAST];
    const csv_field *field[COL_LAST];
    const csv_row *row;
} row_cells;

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

/* ---- cells ----------------------------------------------------------------- */

/* s without leading and trailing spaces, tabs and line breaks, in the
 * table's arena ("" when out of memory). */
static const char *trimmed(importer *im, const char *s)
{
    size_t start = strspn(s, " \t\r\n"), end = strlen(s);
    while (end > start && strchr(" \t\r\n", s[end - 1]))
        end--;
    if (start == 0 && s[end] == '\0')
        return s;
    const char *t = arena_strndup(im->t->a, s + start, end - start);
    return t ? t : "";
}

/* The header name of column c: as written, else in the header's language. */
static const char *col_name(const importer *im, column c)
{
    if (im->name[c])
        return im->name[c];
    return im->chinese ? col_zh[c] : col_en[c];
}

static void report(importer *im, const csv_field *f, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(importer *im, const csv_field *f, const char *path, const char *fmt, ...)
{
    char *msg = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    char *src = csv_source_line(im->t, f);
    diag_add(im->dl, DIAG_ERROR, im->csv_name, f->line, f->column, path, src, "%s",
             msg ? msg : fmt);
    free(src);
    free(msg);
}

/* Reports at the cell of column c: `column "数值": ...`. */
static void report_cell(importer *im, const row_cells *rc, column c, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report_cell(importer *im, const row_cells *rc, column c, const char *fmt, ...)
{
    char *msg = NULL, path[256];
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    snprintf(path, sizeof path, _("column \"%s\""), col_name(im, c));
    report(im, rc->field[c], path, "%s", msg ? msg : fmt);
    free(msg);
}

/* ---- the header --------------------------------------------------------------- */

static int match_column(const char *name)
{
    for (int c = 0; c < COL_LAST; c++)
        if (strcasecmp(name, col_en[c]) == 0 || strcmp(name, col_zh[c]) == 0)
            return c;
    return -1;
}

/* ---- tables as spreadsheets write them --------------------------------------- *
 * A title row above the header, columns of the office's own (序号, 备注,
 * 审核人), and label or unit changes that change what the sheet prints. */

enum { TITLE_ROWS_MAX = 5 };

/* The row holding the header: the first of the first few rows that names a
 * known column; rows above it are a title (a note says so). */
static size_t find_header_row(importer *im)
{
    for (size_t r = 0; r < im->t->n_rows && r <= TITLE_ROWS_MAX; r++)
        for (size_t i = 0; i < im->t->rows[r].n; i++)
            if (match_column(trimmed(im, im->t->rows[r].fields[i].text)) >= 0) {
                if (r > 0)
                    fprintf(stderr,
                            _("%s: note: the header is on line %d; the line above it is taken "
                              "for a title and skipped\n"),
                            im->csv_name, im->t->rows[r].line);
                return r;
            }
    return 0; /* read_header says what a header needs */
}

/* A name one typo away from a known column (单 位, Vlaue) is a mistake to
 * report, not a column of the office's own to ignore. */
static bool near_column(const char *name)
{
    char squeezed[256];
    size_t n = 0;
    for (const char *p = name; *p && n + 1 < sizeof squeezed; p++)
        if (*p != ' ')
            squeezed[n++] = *p;
    squeezed[n] = '\0';
    if (match_column(squeezed) >= 0)
        return true;
    for (int c = 0; c < COL_LAST; c++)
        if (strdist(name, col_en[c]) <= 2 || strdist(name, col_zh[c]) <= 3)
            return true; /* one letter, or one Chinese character (3 bytes) */
    return false;
}

/* One note naming every column left out. */
static void print_ignored(importer *im)
{
    const csv_row *h = &im->t->rows[im->header_row];
    strbuf names = {0};
    size_t n = 0;
    for (size_t i = 0; i < h->n; i++)
        if (im->ignored[i])
            sb_printf(&names, "%s\"%s\"", n++ ? ", " : "", trimmed(im, h->fields[i].text));
    if (n)
        fprintf(stderr, _("%s: note: ignored the columns import does not know: %s\n"),
                im->csv_name, sb_str(&names));
    sb_free(&names);
}

/* A row that changes an indicator's label or unit: said with its line and
 * what follows on the sheet, since the change line against earlier years
 * depends on both. */
static void report_label_unit_changes(importer *im, const row_cells *rows, size_t n)
{
    diag_list quiet;
    diag_list_init(&quiet, 1);
    sheet *before = sheet_load(im->json_name, &quiet);
    diag_list_clear(&quiet);
    for (size_t k = 0; before && k < n; k++) {
        const row_cells *rc = &rows[k];
        size_t i = sheet_find_indicator(before, rc->cell[COL_ID]);
        if (i == (size_t)SHEET_NONE)
            continue;
        const sheet_indicator *ind = &before->indicators[i];
        const char *unit = rc->cell[COL_UNIT], *label = rc->cell[COL_LABEL];
        if (unit[0] && ind->unit && strcmp(unit, ind->unit) != 0) {
            if (units_comparable(unit, ind->unit))
                fprintf(stderr,
                        _("%s:%d: note: the unit of \"%s\" changes from %s to %s; earlier years "
                          "are converted for the change line, so check the figure's scale\n"),
                        im->csv_name, rc->row->line, rc->cell[COL_ID], ind->unit, unit);
            else
                fprintf(stderr,
                        _("%s:%d: note: the unit of \"%s\" changes from %s to %s; the sheet "
                          "prints no change against earlier years in %s\n"),
                        im->csv_name, rc->row->line, rc->cell[COL_ID], ind->unit, unit,
                        ind->unit);
        }
        if (label[0] && ind->label && strcmp(label, ind->label) != 0)
            fprintf(stderr,
                    _("%s:%d: note: the label of \"%s\" changes from \"%s\" to \"%s\"; it is "
                      "still compared with earlier years as the same figure; if it now counts "
                      "something else, give it a new id\n"),
                    im->csv_name, rc->row->line, rc->cell[COL_ID], ind->label, label);
    }
    sheet_free(before);
}

static bool read_header(importer *im)
{
    size_t errors = im->dl->errors;
    const csv_row *h = &im->t->rows[im->header_row];
    for (int c = 0; c < COL_LAST; c++)
        im->where[c] = -1;
    im->n_columns = h->n;
    bool known = false;
    for (size_t i = 0; i < h->n && !known; i++)
        known = match_column(trimmed(im, h->fields[i].text)) >= 0;
    if (!known) {
        report(im, &h->fields[0], NULL,
               _("the first line is not a header; expected the column names %s (or %s)"),
               "指标代码,指标名称,数值,单位,限定词,来源文件,来源原文",
               "id,label,value,unit,qualifier,file,quote");
        return false;
    }
    for (size_t i = 0; i < h->n; i++) {
        const char *name = trimmed(im, h->fields[i].text);
        if (!name[0])
            continue; /* an unnamed column: it must stay empty (checked per row) */
        int c = match_column(name);
        if (c < 0 && !near_column(name)) {
            im->ignored[i] = true; /* 序号, 备注: the office's own, named in one note */
            continue;
        }
        if (c < 0) {
            report(im, &h->fields[i], NULL,
                   _("unknown column \"%s\"; expected one of %s, %s, %s, %s, %s, %s, %s (or "
                     "%s, %s, %s, %s, %s, %s, %s)"),
                   name, col_zh[0], col_zh[1], col_zh[2], col_zh[3], col_zh[4], col_zh[5],
                   col_zh[6], col_en[0], col_en[1], col_en[2], col_en[3], col_en[4], col_en[5],
                   col_en[6]);
            continue;
        }
        if (im->where[c] >= 0) {
            report(im, &h->fields[i], NULL, _("column \"%s\" twice; it is also column %d"), name,
                   im->where[c] + 1);
            continue;
        }
        im->where[c] = (int)i;
        im->name[c] = name;
        if (strcmp(name, col_zh[c]) == 0)
            im->chinese = true;
    }
    for (int c = 0; c < COL_LAST; c++) {
        if (!col_required[c] || im->where[c] >= 0)
            continue;
        const char *const *first = im->chinese ? col_zh : col_en;
        report(im, &h->fields[0], NULL,
               _("missing column \"%s\" (%s); the header needs %s, %s, %s and %s"), first[c],
               im->chinese ? col_en[c] : col_zh[c], first[COL_ID], first[COL_VALUE],
               first[COL_FILE], first[COL_QUOTE]);
    }
    return im->dl->errors == errors;
}

/* ---- figures ---------------------------------------------------------------- */

/* True when s is a plain decimal number as JSON writes it: -?(0|[1-9]d*)(.d+)? */
static bool plain_number(const char *s)
{
    const char *p = s;
    if (*p == '-')
        p++;
    if (*p == '0')
        p++;
    else if (*p >= '1' && *p <= '9')
        p += strspn(p, "0123456789");
    else
        return false;
    if (*p == '.') {
        p++;
        size_t n = strspn(p, "0123456789");
        if (n == 0)
            return false;
        p += n;
    }
    return *p == '\0';
}

/* The ASCII character a full-width or other look-alike stands for, with its
 * length in *n; 0 when none. */
static char lookalike(const char *p, size_t *n)
{
    const unsigned char *u = (const unsigned char *)p;
    *n = 3;
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99)
        return (char)('0' + (u[2] - 0x90)); /* ０-９ */
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] == 0x8E)
        return '.'; /* ． */
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] == 0x8D)
        return '-'; /* － */
    if (u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92)
        return '-'; /* − */
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] == 0x8C)
        return ','; /* ， */
    if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
        return ' '; /* full-width space */
    *n = 1;
    return 0;
}

/* Splits a figure such as "约1,234.5万人次" into the text before the number,
 * the number written plainly and the text after it. False when the cell is
 * not one number with words around it. */
static bool split_figure(const char *s, char *before, char *num, char *after, size_t n,
                         bool *scientific)
{
    size_t nb = 0, nn = 0;
    const char *p = s;
    *scientific = false;
    /* Words before: anything up to the first digit or sign. */
    while (*p) {
        size_t len;
        char a = lookalike(p, &len);
        if ((*p >= '0' && *p <= '9') || (a >= '0' && a <= '9') || *p == '-' || a == '-' ||
            *p == '+' || *p == '.')
            break;
        if (nb + len >= n)
            return false;
        memcpy(before + nb, p, len);
        nb += len;
        p += len;
    }
    before[nb] = '\0';
    bool digits = false, point = false;
    size_t group = 0; /* digits since the last thousands separator */
    bool grouped = false;
    while (*p) {
        size_t len;
        char a = lookalike(p, &len);
        char c = a ? a : *p;
        if (!a)
            len = 1;
        if (c >= '0' && c <= '9') {
            digits = true;
            group++;
        } else if ((c == '-' || c == '+') && nn == 0 && !digits) {
            if (c == '+') {
                p += len;
                continue;
            }
        } else if (c == '.' && !point) {
            if (grouped && group != 3)
                return false;
            point = true;
            grouped = false;
        } else if (c == ',' && digits && !point) {
            if (grouped ? group != 3 : group > 3)
                return false;
            grouped = true;
            group = 0;
            p += len;
            continue;
        } else if (c == ' ' && digits) {
            p += len; /* 1 234 */
            continue;
        } else if ((c == 'e' || c == 'E') && digits) {
            *scientific = true;
            return false;
        } else {
            break;
        }
        if (nn + 1 >= n)
            return false;
        num[nn++] = c;
        p += len;
    }
    num[nn] = '\0';
    if (!digits || (grouped && group != 3))
        return false;
    snprintf(after, n, "%s", p);
    /* Plain form: no leading zeros, a digit either side of the point. */
    char *q = num[0] == '-' ? num + 1 : num;
    while (q[0] == '0' && q[1] >= '0' && q[1] <= '9')
        memmove(q, q + 1, strlen(q));
    if (q[0] == '.') {
        memmove(q + 1, q, strlen(q) + 1);
        q[0] = '0';
    }
    size_t l = strlen(num);
    if (l && num[l - 1] == '.')
        num[l - 1] = '\0';
    return plain_number(num);
}

/* Checks the value cell; reports what to write instead. */
static bool check_value(importer *im, const row_cells *rc)
{
    const char *v = rc->cell[COL_VALUE];
    if (plain_number(v)) {
        if (strlen(v) > MAX_NUMBER) {
            report_cell(im, rc, COL_VALUE,
                        _("the number \"%s\" has %zu characters; a figure is printed exactly up "
                          "to %d: write it as the source rounds it, or in a larger unit (万, 亿)"),
                        v, strlen(v), (int)MAX_NUMBER);
            return false;
        }
        /* A whole number JSON readers hold as an integer: at most 2^63 - 1
         * (written with a decimal point, it is read as a real and may be longer). */
        const char *digits = v[0] == '-' ? v + 1 : v;
        if (!strchr(v, '.') && (strlen(digits) > 19 ||
                                (strlen(digits) == 19 && strcmp(digits, "9223372036854775807") > 0))) {
            report_cell(im, rc, COL_VALUE,
                        _("the whole number \"%s\" is too large (at most 9223372036854775807); "
                          "write it in a larger unit (万, 亿)"),
                        v);
            return false;
        }
        return true;
    }
    char before[128], num[128], after[128];
    bool scientific;
    bool ok = split_figure(v, before, num, after, sizeof before, &scientific);
    if (scientific) {
        report_cell(im, rc, COL_VALUE,
                    _("\"%s\" is in scientific notation; write the figure in full, as the "
                      "source does (format the cells as text)"),
                    v);
        return false;
    }
    /* The qualifiers the data accepts (model/qualifiers.def), never another. */
    const char *qb = numfmt_qualifier_at(before, true);
    const char *qa = numfmt_qualifier_at(after, false);
    /* Words after the number are a unit (digits only in one like /10万). */
    bool unit_like = after[0] == '/' || !strpbrk(after, "0123456789");
    if (!ok || !unit_like || (before[0] && (!qb || strlen(qb) != strlen(before)))) {
        bool dash = !strpbrk(v, "0123456789");
        if (dash)
            report_cell(im, rc, COL_VALUE,
                        _("\"%s\" is not a number; leave the cell empty while the figure is "
                          "not known"),
                        v);
        else
            report_cell(im, rc, COL_VALUE,
                        _("\"%s\" is not a plain number; write digits and a decimal point "
                          "only, such as 1.84"),
                        v);
        return false;
    }
    const char *unit = qa ? after + strlen(qa) : after;
    const char *qual = qb ? qb : qa;
    if (qual && unit[0])
        report_cell(im, rc, COL_VALUE,
                    _("\"%s\" is not a plain number; write %s, put \"%s\" in column \"%s\" and "
                      "\"%s\" in column \"%s\""),
                    v, num, qual, col_name(im, COL_QUALIFIER), unit, col_name(im, COL_UNIT));
    else if (qual)
        report_cell(im, rc, COL_VALUE,
                    _("\"%s\" is not a plain number; write %s and put \"%s\" in column \"%s\""),
                    v, num, qual, col_name(im, COL_QUALIFIER));
    else if (unit[0])
        report_cell(im, rc, COL_VALUE,
                    _("\"%s\" is not a plain number; write %s and put \"%s\" in column \"%s\""),
                    v, num, unit, col_name(im, COL_UNIT));
    else
        report_cell(im, rc, COL_VALUE, _("\"%s\" is not a plain number; write %s"), v, num);
    return false;
}

/* Text the loader would refuse: control characters other than tab and LF,
 * only blank space; and a character the fonts lack, which would make the
 * sheet unprintable after the import. */
static bool check_text(importer *im, const row_cells *rc, column c)
{
    const char *cell = rc->cell[c];
    for (const unsigned char *p = (const unsigned char *)cell; *p; p++)
        if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7F) {
            report_cell(im, rc, c, _("the text has the control character U+%04X; remove it"),
                        (unsigned)*p);
            return false;
        }
    bool blank = cell[0] != '\0';
    size_t len = strlen(cell);
    for (size_t i = 0; i < len && blank;) {
        uint32_t cp;
        i += utf8_next((const unsigned char *)cell + i, len - i, &cp);
        blank = cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0 || cp == 0x3000 ||
                (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
    }
    if (blank) {
        report_cell(im, rc, c, _("\"%s\" is only blank space (spaces, or full-width spaces "
                                 "U+3000); write the text, or leave the cell empty"),
                    cell);
        return false;
    }
    bool printed = c == COL_LABEL || c == COL_UNIT || c == COL_FILE || c == COL_QUOTE;
    uint32_t missing = printed && cell[0] && im->glyphs && im->glyphs->missing
                           ? im->glyphs->missing(im->glyphs->ctx, cell)
                           : 0;
    if (missing) {
        char ch[8] = "?";
        if (missing >= 0x20 && missing != 0x7F && utf8_encode(missing, ch) == 0)
            ch[0] = '?';
        report_cell(im, rc, c,
                    _("\"%s\" has the character \"%s\" (U+%04X), which is not in the fonts; the "
                      "sheet could not print it. Replace it"),
                    cell, ch, (unsigned)missing);
        return false;
    }
    return true;
}

/* ---- rows ---------------------------------------------------------------- */

/* A cell as `factsheet export` wrote it and a spreadsheet kept it: the
 * figure of ="2.30", the text of '=… (model/csvout.h). */
static const char *unwrapped(importer *im, const char *cell)
{
    size_t len;
    const char *inner = csvout_unwrap(cell, &len);
    if (inner == cell)
        return cell;
    const char *t = arena_strndup(im->t->a, inner, len);
    return t ? t : "";
}

/* Fills rc from row; false for a row with no text at all (skipped). */
static bool read_cells(importer *im, const csv_row *row, row_cells *rc)
{
    bool any = false;
    rc->row = row;
    for (int c = 0; c < COL_LAST; c++) {
        rc->cell[c] = "";
        rc->field[c] = &row->fields[0];
        int w = im->where[c];
        if (w < 0 || (size_t)w >= row->n)
            continue;
        rc->cell[c] = unwrapped(im, trimmed(im, row->fields[w].text));
        rc->field[c] = &row->fields[w];
    }
    for (size_t i = 0; i < row->n; i++)
        any = any || trimmed(im, row->fields[i].text)[0];
    return any;
}

/* Checks one row; false when it has a problem (reported). */
static bool check_row(importer *im, const row_cells *rc, const row_cells *seen, size_t n_seen)
{
    const csv_row *row = rc->row;
    if (row->n != im->n_columns) {
        const csv_field *at = &row->fields[row->n > im->n_columns ? im->n_columns : row->n - 1];
        if (row->n > im->n_columns)
            report(im, at, NULL,
                   _("%zu columns, but the header has %zu; a field that holds a comma must be "
                     "in double quotes (\"12,345\")"),
                   row->n, im->n_columns);
        else
            report(im, at, NULL, _("%zu columns, but the header has %zu"), row->n,
                   im->n_columns);
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < row->n; i++) {
        bool named = im->ignored && im->ignored[i];
        for (int c = 0; c < COL_LAST; c++)
            named = named || im->where[c] == (int)i;
        const char *cell = trimmed(im, row->fields[i].text);
        if (!named && cell[0]) {
            report(im, &row->fields[i], NULL,
                   _("column %zu has no name in the header but holds \"%s\""), i + 1, cell);
            ok = false;
        }
    }
    const char *id = rc->cell[COL_ID];
    if (!id[0]) {
        report_cell(im, rc, COL_ID, "%s", _("empty; expected an indicator id"));
        return false;
    }
    if (!edit_has_indicator(im->ed, id)) {
        const char *near = edit_nearest_id(im->ed, id);
        if (near)
            report(im, rc->field[COL_ID], NULL, _("id \"%s\" is not in %s; did you mean \"%s\"?"),
                   id, im->json_name, near);
        else
            report(im, rc->field[COL_ID], NULL, _("id \"%s\" is not in %s"), id, im->json_name);
        ok = false;
    }
    for (size_t k = 0; k < n_seen; k++)
        if (strcmp(seen[k].cell[COL_ID], id) == 0) {
            report(im, rc->field[COL_ID], NULL, _("id \"%s\" is also on line %d"), id,
                   seen[k].row->line);
            ok = false;
            break;
        }
    if (rc->cell[COL_VALUE][0] && !check_value(im, rc))
        ok = false;
    for (int c = 0; c < COL_LAST; c++)
        if (c != COL_VALUE && !check_text(im, rc, (column)c))
            ok = false;
    return ok;
}

static bool carries_something(const row_cells *rc)
{
    for (int c = 0; c < COL_LAST; c++)
        if (c != COL_ID && rc->cell[c][0])
            return true;
    return false;
}

/* The column of the CSV that sets the member a loader path ends in. */
static column column_of(const char *member)
{
    static const struct {
        const char *member;
        column c;
    } map[] = {{"value", COL_VALUE},        {"label", COL_LABEL},
               {"unit", COL_UNIT},          {"qualifier", COL_QUALIFIER},
               {"source.file", COL_FILE},   {"source.quote", COL_QUOTE},
               {"source", COL_QUOTE}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(member, map[i].member) == 0)
            return map[i].c;
    return COL_ID;
}

/* Moves the loader's problems into im->dl: those at "indicators[N].member"
 * of a figure a row sets go to that row's cell, with the value quoted;
 * the others (a block that uses the figure) stay at the data file. */
static void at_rows(importer *im, const row_cells *rows, size_t n_rows, diag_list *check)
{
    for (size_t i = 0; i < check->count; i++) {
        const diag *d = &check->items[i];
        size_t index;
        int used = 0;
        const row_cells *rc = NULL;
        if (d->path && sscanf(d->path, "indicators[%zu]%n", &index, &used) == 1 && used > 0) {
            const char *id = edit_indicator_id(im->ed, index);
            for (size_t k = 0; id && k < n_rows && !rc; k++)
                if (strcmp(rows[k].cell[COL_ID], id) == 0)
                    rc = &rows[k];
        }
        column c = COL_VALUE;
        if (rc) {
            c = column_of(d->path[used] == '.' ? d->path + used + 1 : "");
        } else {
            /* A block that uses a figure names it: "rate" is 120.50%… */
            for (size_t k = 0; k < n_rows && !rc; k++) {
                char *quoted = NULL;
                if (asprintf(&quoted, "\"%s\"", rows[k].cell[COL_ID]) >= 0 && d->message &&
                    strstr(d->message, quoted))
                    rc = &rows[k];
                free(quoted);
            }
        }
        if (rc)
            report_cell(im, rc, c, _("\"%s\": %s"), rc->cell[c], d->message);
        else /* its line and column would be those of a file never written */
            diag_add(im->dl, d->severity, d->file, 0, 0, d->path, NULL, "%s", d->message);
    }
    if (check->dropped)
        im->dl->errors += check->dropped;
    diag_list_clear(check);
}

/* Applies the checked rows; adds each new source file to "sources". */
static bool apply(importer *im, row_cells *rows, size_t n, size_t *updated)
{
    *updated = 0;
    for (size_t k = 0; k < n; k++) {
        const row_cells *rc = &rows[k];
        if (!carries_something(rc))
            continue;
        edit_indicator_update u = {.value = rc->cell[COL_VALUE],
                                   .label = rc->cell[COL_LABEL],
                                   .unit = rc->cell[COL_UNIT],
                                   .qualifier = rc->cell[COL_QUALIFIER],
                                   .period = rc->cell[COL_PERIOD],
                                   .scope = rc->cell[COL_SCOPE],
                                   .source_file = rc->cell[COL_FILE],
                                   .source_quote = rc->cell[COL_QUOTE]};
        if (!edit_update_indicator(im->ed, rc->cell[COL_ID], &u, im->dl))
            return false;
        (*updated)++;
        if (rc->cell[COL_FILE][0]) {
            int added = edit_add_source(im->ed, rc->cell[COL_FILE], im->dl);
            if (added < 0)
                return false;
            if (added)
                fprintf(stderr,
                        _("%s: note: added \"%s\" to \"sources\"; write its title there\n"),
                        im->json_name, rc->cell[COL_FILE]);
        }
    }
    return true;
}

int cmd_import(int argc, char **argv, const cmd_glyphs *glyphs)
{
    const char *into = NULL;
    int dry_run = 0;
    enum { OPT_INTO = 256 };
    static const struct option longopts[] = {{"into", required_argument, NULL, OPT_INTO},
                                             {"dry-run", no_argument, NULL, 'n'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "nh", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_INTO: into = optarg; break;
        case 'n': dry_run = 1; break;
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
    if (!into) {
        fprintf(stderr, "%s",
                _("factsheet import: --into is required: the data file to update, such as "
                  "--into data/2026.json\n"));
        return try_help();
    }
    /* The data file is rewritten in place: it must not be the CSV being read. */
    struct stat sc, si;
    if (stat(argv[optind], &sc) == 0 && stat(into, &si) == 0 && sc.st_dev == si.st_dev &&
        sc.st_ino == si.st_ino) {
        fprintf(stderr, _("%s: --into names the CSV file being imported; name the data file, such "
                          "as --into data/2026.json\n"),
                into);
        fprintf(stderr, _("%s: not changed\n"), into);
        return EXIT_BAD;
    }
    diag_list dl;
    diag_list_init(&dl, MAX_DIAGS);
    importer im = {.csv_name = argv[optind], .json_name = into, .dl = &dl, .glyphs = glyphs};
    row_cells *rows = NULL;
    size_t n_rows = 0, updated = 0;
    int status = EXIT_BAD;

    im.t = csv_load(im.csv_name, &dl);
    if (!im.t)
        goto done;
    if (im.t->encoding == CSV_GB18030)
        fprintf(stderr, _("%s: note: not UTF-8; read as GBK (GB18030)\n"), im.csv_name);
    im.ed = edit_load(into, &dl);
    if (!im.ed)
        goto done;
    if (im.t->n_rows == 0) {
        diag_error(&dl, im.csv_name, _("the file is empty; expected a header row such as %s"),
                   "指标代码,指标名称,数值,单位,限定词,来源文件,来源原文");
        goto done;
    }
    im.header_row = find_header_row(&im);
    im.ignored = calloc(im.t->rows[im.header_row].n, sizeof *im.ignored);
    if (!im.ignored) {
        diag_error(&dl, im.csv_name, "%s", _("out of memory"));
        goto done;
    }
    if (!read_header(&im))
        goto done;
    print_ignored(&im);
    rows = calloc(im.t->n_rows, sizeof *rows);
    if (!rows) {
        diag_error(&dl, im.csv_name, "%s", _("out of memory"));
        goto done;
    }
    for (size_t r = im.header_row + 1; r < im.t->n_rows; r++) {
        row_cells rc;
        if (!read_cells(&im, &im.t->rows[r], &rc))
            continue; /* a row of empty cells */
        if (check_row(&im, &rc, rows, n_rows))
            rows[n_rows++] = rc;
    }
    if (dl.errors)
        goto done;
    if (n_rows == 0) {
        diag_error(&dl, im.csv_name, "%s", _("no rows under the header; nothing to import"));
        goto done;
    }
    report_label_unit_changes(&im, rows, n_rows);
    atomic_file_install_signal_handlers();
    if (!apply(&im, rows, n_rows, &updated))
        goto done;
    /* The file as it would be written must load as a sheet (a share over 100
     * for a ring, say, is refused there): check before anything is written. */
    {
        size_t len = 0;
        char *text = edit_dump(im.ed, &len);
        if (!text) {
            diag_error(&dl, into, "%s", _("out of memory"));
            goto done;
        }
        diag_list check_dl;
        diag_list_init(&check_dl, MAX_DIAGS);
        sheet *check = sheet_load_bytes(into, text, len, &check_dl);
        free(text);
        /* The file as it would be was never written: a problem of an
         * imported figure is reported at its CSV row and cell. */
        at_rows(&im, rows, n_rows, &check_dl);
        if (!check) {
            diag_error(&dl, into, "%s",
                       _("with these rows the file would not load (see above); nothing was "
                         "written"));
            goto done;
        }
        sheet_free(check);
    }
    if (dry_run) {
        fprintf(stderr, _("would update %zu indicators in %s (--dry-run: nothing written)\n"),
                updated, into);
    } else if (edit_unchanged(im.ed)) {
        fprintf(stderr, _("%s already holds these %zu indicators; not rewritten\n"), into,
                updated);
    } else {
        if (!edit_save(im.ed, into, &dl))
            goto done;
        fprintf(stderr, _("updated %zu indicators in %s\n"), updated, into);
    }
    status = 0;
done:
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
