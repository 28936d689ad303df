/* sources: see include/model/sources.h. */
#include "model/sources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "model/csv.h"

enum { SOURCES_MAX_BYTES = 16 * 1024 * 1024 };

typedef struct doc_text {
    const char *name;
    char *text; /* NULL when unreadable */
} doc_text;

static char *read_text(const char *dir, const char *name)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
        return NULL;
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return NULL; /* a FIFO would block the run */
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(SOURCES_MAX_BYTES + 1);
    size_t n = buf ? fread(buf, 1, SOURCES_MAX_BYTES, f) : 0;
    fclose(f);
    if (buf)
        buf[n] = '\0';
    return buf;
}

/* The cell as a figure: "1,234" and " 1234 " read as 1234. */
static bool same_figure(const char *cell, const char *literal)
{
    char buf[128];
    size_t n = 0;
    for (const char *p = cell; *p && n + 1 < sizeof buf; p++)
        if (*p != ',' && *p != ' ')
            buf[n++] = *p;
    buf[n] = '\0';
    if (strcmp(buf, literal) == 0)
        return true;
    char *end;
    double a = strtod(buf, &end);
    return n && !*end && a == strtod(literal, NULL) && strchr(literal, '.') == NULL &&
           strchr(buf, '.') == NULL;
}

/* A figure from a statistics table saved as CSV: the row whose first cell
 * is the row label, under the column headed so, holds the figure. */
static void check_cell(const sheet *s, const sheet_indicator *ind, const char *dir, diag_list *dl)
{
    char file[4096], path[512];
    snprintf(path, sizeof path, "%s", ind->path);
    if ((size_t)snprintf(file, sizeof file, "%s/%s", dir, ind->source_file) >= sizeof file)
        return;
    diag_list quiet;
    diag_list_init(&quiet, 4);
    csv_table *t = csv_load(file, &quiet);
    diag_list_clear(&quiet);
    if (!t) {
        sheet_report(s, dl, DIAG_ERROR, path,
                     _("the statistics table \"%s\" cannot be read as CSV; save the table %s "
                       "as CSV to check its figures"),
                     ind->source_file, ind->source_table);
        return;
    }
    const char *found = NULL;
    long col = -1;
    for (size_t r = 0; r < t->n_rows && !found; r++) {
        const csv_row *row = &t->rows[r];
        if (col < 0) {
            for (size_t c = 0; c < row->n; c++)
                if (strcmp(row->fields[c].text, ind->source_column) == 0)
                    col = (long)c;
            continue;
        }
        if (row->n > (size_t)col && strcmp(row->fields[0].text, ind->source_row) == 0)
            found = row->fields[col].text;
    }
    if (!found)
        sheet_report(s, dl, DIAG_ERROR, path,
                     _("the table \"%s\" has no cell in row \"%s\", column \"%s\""),
                     ind->source_file, ind->source_row, ind->source_column);
    else if (ind->literal && !same_figure(found, ind->literal))
        sheet_report(s, dl, DIAG_ERROR, path,
                     _("the figure %s is not the table's: row \"%s\", column \"%s\" of \"%s\" "
                       "holds %s"),
                     ind->literal, ind->source_row, ind->source_column, ind->source_file, found);
    csv_free(t);
}

/* True when literal stands in quote as a whole number: 8 does not match
 * inside 88 or 1.8. */
static bool stands_in(const char *quote, const char *literal)
{
    size_t n = strlen(literal);
    for (const char *p = strstr(quote, literal); p; p = strstr(p + 1, literal)) {
        char before = p > quote ? p[-1] : ' ', after = p[n];
        bool digit_before = (before >= '0' && before <= '9') || before == '.';
        bool digit_after = after >= '0' && after <= '9';
        if (!digit_before && !digit_after)
            return true;
    }
    return false;
}

/* The Chinese numerals, each three bytes in UTF-8. */
static const char *const cn_digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
static const char *const cn_numeral_chars[] = {"〇", "零", "一", "二", "两", "三", "四",
                                               "五", "六", "七", "八", "九", "十", "百"};

/* True when the UTF-8 character at p (three bytes) is a Chinese numeral. */
static bool is_cn_numeral(const char *p)
{
    for (size_t k = 0; k < sizeof cn_numeral_chars / sizeof *cn_numeral_chars; k++)
        if (strncmp(p, cn_numeral_chars[k], 3) == 0)
            return true;
    return false;
}

/* True when form stands in quote as a whole Chinese numeral: 四 is not found
 * inside 十四 or 四十. */
static bool cn_stands_in(const char *quote, const char *form)
{
    size_t n = strlen(form);
    for (const char *p = strstr(quote, form); p; p = strstr(p + 1, form)) {
        bool before = p - quote >= 3 && is_cn_numeral(p - 3);
        bool after = p[n] && is_cn_numeral(p + n);
        if (!before && !after)
            return true;
    }
    return false;
}

bool sources_figure_in_quote(const char *quote, const char *literal, bool rank)
{
    if (stands_in(quote, literal))
        return true;
    if (!rank)
        return false;
    /* A position is written in Chinese numerals as often as in digits:
     * 全国第四 for 4, 第十一 for 11, 第二十 for 20. */
    char *end;
    long n = strtol(literal, &end, 10);
    if (*end || n < 1 || n > 99)
        return false;
    char form[32], alt[32];
    long tens = n / 10, ones = n % 10;
    const char *tail = ones ? cn_digits[ones] : "";
    alt[0] = '\0';
    if (n < 10) {
        snprintf(form, sizeof form, "%s", cn_digits[n]);
        if (n == 2)
            snprintf(alt, sizeof alt, "两");
    } else if (tens == 1) {
        snprintf(form, sizeof form, "十%s", tail);
        snprintf(alt, sizeof alt, "一十%s", tail);
    } else {
        snprintf(form, sizeof form, "%s十%s", cn_digits[tens], tail);
    }
    return cn_stands_in(quote, form) || (alt[0] && cn_stands_in(quote, alt));
}

bool sources_check(const sheet *s, const char *dir, diag_list *dl)
{
    /* One entry per document named, however many: a fixed cache reported
     * the 33rd document as missing. */
    doc_text *cache = calloc(s->n_indicators ? s->n_indicators : 1, sizeof *cache);
    size_t n_cache = 0, errors = dl->errors;
    if (!cache) {
        diag_error(dl, dir, "%s", _("out of memory"));
        return false;
    }
    for (size_t i = 0; i < s->n_indicators; i++) {
        const sheet_indicator *ind = &s->indicators[i];
        if (ind->missing)
            continue; /* nothing to check yet */
        char path[512];
        snprintf(path, sizeof path, "%s.source.file", ind->path);
        const char *name = ind->source_file;
        if (strchr(name, '/') || name[0] == '.' || strchr(name, '\\')) {
            sheet_report(s, dl, DIAG_ERROR, path,
                         _("\"%s\" is not a plain file name; expected the name of a file in the "
                           "sources folder"),
                         name);
            continue;
        }
        doc_text *d = NULL;
        for (size_t k = 0; k < n_cache; k++)
            if (strcmp(cache[k].name, name) == 0)
                d = &cache[k];
        if (!d) {
            d = &cache[n_cache++];
            d->name = name;
            d->text = read_text(dir, name);
        }
        if (!d || !d->text) {
            sheet_report(s, dl, DIAG_ERROR, path, _("source \"%s\" is not in %s"), name, dir);
            continue;
        }
        if (ind->source_table) {
            check_cell(s, ind, dir, dl);
            continue;
        }
        snprintf(path, sizeof path, "%s.source.quote", ind->path);
        if (!ind->source_quote || !strstr(d->text, ind->source_quote)) {
            sheet_report(s, dl, DIAG_ERROR, path,
                         _("the quote is not in \"%s\"; expected an exact passage of the source"),
                         name);
            continue;
        }
        /* That the figure stands in its quote is checked on every render
         * (model/selfcheck), with or without the documents. */
    }
    for (size_t k = 0; k < n_cache; k++)
        free(cache[k].text);
    free(cache);
    return dl->errors == errors;
}
