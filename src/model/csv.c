/* csv: see include/model/csv.h.
 *
 * Two passes: the bytes are made UTF-8 (checked, or converted from GB18030
 * with iconv), then one scan splits records and fields. Lines are counted on
 * the UTF-8 text; a line break is LF, CRLF or a lone CR (old Mac exports). */
#include "model/csv.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "base/readfile.h"
#include "base/utf8.h"

/* A position in a text being scanned forward: line and column (1-based;
 * columns in characters) of byte offset off. A line break is LF, CRLF or a
 * lone CR. */
typedef struct cursor {
    size_t off;
    long line, column;
} cursor;

/* Moves c forward to off (never back) in s of len bytes. */
static void cursor_to(cursor *c, const char *s, size_t len, size_t off, int *line, int *column)
{
    if (c->line == 0)
        c->line = c->column = 1;
    for (size_t i = c->off; i < off; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '\n' || (ch == '\r' && (i + 1 >= len || s[i + 1] != '\n'))) {
            c->line++;
            c->column = 1;
        } else if (ch != '\r' && (ch & 0xC0) != 0x80) {
            c->column++;
        }
    }
    if (off > c->off)
        c->off = off;
    *line = c->line > INT32_MAX ? INT32_MAX : (int)c->line;
    *column = c->column > INT32_MAX ? INT32_MAX : (int)c->column;
}

static void line_column(const char *s, size_t len, size_t off, int *line, int *column)
{
    cursor c = {0};
    cursor_to(&c, s, len, off, line, column);
}

/* GB18030 to UTF-8. Returns the malloc'd text, or NULL with *bad set to the
 * offset of the first byte that is not GB18030 (SIZE_MAX when out of
 * memory or when iconv lacks GB18030). */
static char *from_gb18030(const char *bytes, size_t len, size_t *out_len, size_t *bad)
{
    *bad = SIZE_MAX;
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = len * 2 + 16; /* GB18030 takes 2 bytes where UTF-8 takes 3, at most 4 : 4 */
    char *out = malloc(cap);
    if (!out) {
        iconv_close(cd);
        return NULL;
    }
    char *in = (char *)bytes, *o = out;
    size_t in_left = len, out_left = cap - 1;
    size_t r = iconv(cd, &in, &in_left, &o, &out_left);
    if (r != (size_t)-1)
        r = iconv(cd, NULL, NULL, &o, &out_left);
    iconv_close(cd);
    if (r == (size_t)-1) {
        if (errno == EILSEQ || errno == EINVAL)
            *bad = (size_t)(in - bytes);
        free(out);
        return NULL;
    }
    *o = '\0';
    *out_len = (size_t)(o - out);
    return out;
}

/* Makes t->text UTF-8 from bytes. False with the problem in dl. */
static bool decode(csv_table *t, const char *bytes, size_t len, diag_list *dl)
{
    const unsigned char *u = (const unsigned char *)bytes;
    if (len >= 4 && memcmp(bytes, "PK\x03\x04", 4) == 0) {
        diag_error(dl, t->name, "%s",
                   _("this is an Excel workbook (.xlsx), not CSV; in WPS or Excel use Save As, "
                     "type \"CSV UTF-8\" (or \"CSV\")"));
        return false;
    }
    if (len >= 4 && memcmp(bytes, "\xD0\xCF\x11\xE0", 4) == 0) {
        diag_error(dl, t->name, "%s",
                   _("this is an Excel workbook (.xls), not CSV; in WPS or Excel use Save As, "
                     "type \"CSV UTF-8\" (or \"CSV\")"));
        return false;
    }
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        diag_error(dl, t->name, "%s",
                   _("the file is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8\" (or "
                     "\"CSV\")"));
        return false;
    }
    const char *nul = memchr(bytes, '\0', len);
    if (nul) {
        int line, column;
        line_column(bytes, len, (size_t)(nul - bytes), &line, &column);
        diag_add(dl, DIAG_ERROR, t->name, line, column, NULL, NULL, "%s",
                 _("the file has a NUL byte, so it is not CSV text; save the table as "
                   "\"CSV UTF-8\""));
        return false;
    }
    bool bom = len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0;
    if (bom) {
        bytes += 3;
        len -= 3;
    }
    size_t bad = utf8_invalid_offset((const unsigned char *)bytes, len);
    if (bad == len) {
        t->text = malloc(len + 1);
        if (!t->text) {
            diag_error(dl, t->name, "%s", _("out of memory"));
            return false;
        }
        memcpy(t->text, bytes, len);
        t->text[len] = '\0';
        t->text_len = len;
        t->encoding = CSV_UTF8;
        return true;
    }
    if (!bom) {
        size_t gb_bad;
        t->text = from_gb18030(bytes, len, &t->text_len, &gb_bad);
        if (t->text) {
            t->encoding = CSV_GB18030;
            /* GB18030 has a byte-order mark too (84 31 95 33): drop it. */
            if (t->text_len >= 3 && memcmp(t->text, "\xEF\xBB\xBF", 3) == 0) {
                memmove(t->text, t->text + 3, t->text_len - 2);
                t->text_len -= 3;
            }
            return true;
        }
        if (gb_bad == SIZE_MAX) {
            diag_error(dl, t->name, "%s",
                       _("the file is not UTF-8 and cannot be converted from GB18030 here; "
                         "save it as \"CSV UTF-8\""));
            return false;
        }
    }
    int line, column;
    line_column(bytes, len, bad, &line, &column);
    diag_add(dl, DIAG_ERROR, t->name, line, column, NULL, NULL,
             _("byte 0x%02X is neither UTF-8 nor GBK (GB18030); save the table as \"CSV "
               "UTF-8\""),
             (unsigned)(unsigned char)bytes[bad]);
    return false;
}

/* ---- records and fields -------------------------------------------------- */

typedef struct scan {
    csv_table *t;
    diag_list *dl;
    const char *s;
    size_t len, i;
    cursor at; /* line and column of the last field started */
    char *buf; /* the field being read, unquoted */
    size_t buf_len, buf_cap;
    char sep; /* ',' or '\t' (csv_table.separator) */
    bool failed;
} scan;

static void report(scan *sc, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void report(scan *sc, size_t off, const char *fmt, ...)
{
    int line, column;
    cursor_to(&sc->at, sc->s, sc->len, off, &line, &column);
    char *src = NULL, *msg = NULL;
    csv_field f = {.offset = off};
    src = csv_source_line(sc->t, &f);
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    diag_add(sc->dl, DIAG_ERROR, sc->t->name, line, column, NULL, src, "%s", msg ? msg : fmt);
    free(msg);
    free(src);
    sc->failed = true;
}

static bool buf_put(scan *sc, const char *p, size_t n)
{
    if (sc->buf_len + n + 1 > sc->buf_cap) {
        size_t cap = sc->buf_cap ? sc->buf_cap * 2 : 256;
        while (cap < sc->buf_len + n + 1)
            cap *= 2;
        char *b = realloc(sc->buf, cap);
        if (!b)
            return false;
        sc->buf = b;
        sc->buf_cap = cap;
    }
    memcpy(sc->buf + sc->buf_len, p, n);
    sc->buf_len += n;
    sc->buf[sc->buf_len] = '\0';
    return true;
}

static bool row_add(scan *sc, csv_row *row, size_t *cap, size_t start)
{
    if (row->n == CSV_MAX_FIELDS) {
        report(sc, start, _("more than %d columns in a row"), (int)CSV_MAX_FIELDS);
        return false;
    }
    if (sc->buf_len > CSV_MAX_FIELD) {
        report(sc, start, _("a field of %zu bytes; at most %d are allowed"), sc->buf_len,
               (int)CSV_MAX_FIELD);
        return false;
    }
    if (row->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        csv_field *f = realloc(row->fields, nc * sizeof *f);
        if (!f)
            goto oom;
        row->fields = f;
        *cap = nc;
    }
    csv_field *f = &row->fields[row->n];
    f->text = arena_strndup(sc->t->a, sc->buf ? sc->buf : "", sc->buf_len);
    if (!f->text)
        goto oom;
    f->offset = start;
    cursor_to(&sc->at, sc->s, sc->len, start, &f->line, &f->column);
    row->n++;
    return true;
oom:
    diag_error(sc->dl, sc->t->name, "%s", _("out of memory"));
    sc->failed = true;
    return false;
}

/* Reads one field at sc->i into sc->buf. Leaves sc->i at the ',' or line
 * break after it (or the end). False on a malformed quoted field. */
static bool read_field(scan *sc)
{
    sc->buf_len = 0;
    if (sc->buf)
        sc->buf[0] = '\0';
    const char *s = sc->s;
    size_t start = sc->i;
    if (sc->i < sc->len && s[sc->i] == '"') {
        sc->i++;
        for (;;) {
            if (sc->i >= sc->len) {
                report(
                    sc, start, "%s",
                    _("a quoted field is not closed; a \" inside a quoted field is written \"\""));
                return false;
            }
            char c = s[sc->i];
            if (c == '"' && sc->i + 1 < sc->len && s[sc->i + 1] == '"') {
                if (!buf_put(sc, "\"", 1))
                    goto oom;
                sc->i += 2;
            } else if (c == '"') {
                sc->i++;
                break;
            } else if (c == '\r') {
                /* CRLF or CR in a cell: LF, as the data files write it */
                if (!buf_put(sc, "\n", 1))
                    goto oom;
                sc->i += sc->i + 1 < sc->len && s[sc->i + 1] == '\n' ? 2 : 1;
            } else {
                if (!buf_put(sc, &s[sc->i], 1))
                    goto oom;
                sc->i++;
            }
        }
        if (sc->i < sc->len && s[sc->i] != sc->sep && s[sc->i] != '\n' && s[sc->i] != '\r') {
            report(sc, sc->i, "%s",
                   _("text after the closing quote of a field; a \" inside a quoted field is "
                     "written \"\""));
            return false;
        }
        return true;
    }
    while (sc->i < sc->len && s[sc->i] != sc->sep && s[sc->i] != '\n' && s[sc->i] != '\r')
        sc->i++;
    if (!buf_put(sc, s + start, sc->i - start))
        goto oom;
    return true;
oom:
    diag_error(sc->dl, sc->t->name, "%s", _("out of memory"));
    sc->failed = true;
    return false;
}

static bool table_add_row(scan *sc, csv_row *row, size_t *cap)
{
    if (sc->t->n_rows == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        csv_row *r = realloc(sc->t->rows, nc * sizeof *r);
        if (!r) {
            diag_error(sc->dl, sc->t->name, "%s", _("out of memory"));
            return false;
        }
        sc->t->rows = r;
        *cap = nc;
    }
    sc->t->rows[sc->t->n_rows++] = *row;
    return true;
}

static bool split(csv_table *t, diag_list *dl)
{
    scan sc = {.t = t, .dl = dl, .s = t->text, .len = t->text_len, .sep = t->separator};
    size_t rows_cap = 0;
    while (sc.i < sc.len && !sc.failed) {
        /* A blank line is no record. */
        if (sc.s[sc.i] == '\n' || sc.s[sc.i] == '\r') {
            sc.i += (sc.s[sc.i] == '\r' && sc.i + 1 < sc.len && sc.s[sc.i + 1] == '\n') ? 2 : 1;
            continue;
        }
        csv_row row = {0};
        size_t fields_cap = 0;
        int column;
        cursor_to(&sc.at, sc.s, sc.len, sc.i, &row.line, &column);
        for (;;) {
            size_t start = sc.i;
            if (!read_field(&sc) || !row_add(&sc, &row, &fields_cap, start))
                break;
            if (sc.i < sc.len && sc.s[sc.i] == sc.sep) {
                sc.i++;
                continue;
            }
            if (sc.i < sc.len) /* a line break ends the record */
                sc.i += (sc.s[sc.i] == '\r' && sc.i + 1 < sc.len && sc.s[sc.i + 1] == '\n') ? 2 : 1;
            break;
        }
        if (sc.failed || !table_add_row(&sc, &row, &rows_cap)) {
            free(row.fields);
            sc.failed = true;
        }
    }
    free(sc.buf);
    return !sc.failed;
}

/* Tab when the first lines hold more tabs than commas outside quotes: a
 * spreadsheet's "Text (tab-delimited)", whose cells keep their commas
 * unquoted. */
static char guess_separator(const char *s, size_t len)
{
    size_t tabs = 0, commas = 0, lines = 0;
    bool quoted = false;
    for (size_t i = 0; i < len && lines < 5; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (!quoted && s[i] == '\t')
            tabs++;
        else if (!quoted && s[i] == ',')
            commas++;
        else if (!quoted && s[i] == '\n')
            lines++;
    }
    return tabs > commas ? '\t' : ',';
}

csv_table *csv_parse(const char *name, const char *bytes, size_t len, diag_list *dl)
{
    csv_table *t = calloc(1, sizeof *t);
    if (!t || !(t->a = arena_new()) || !(t->name = arena_strdup(t->a, name))) {
        diag_error(dl, name, "%s", _("out of memory"));
        csv_free(t);
        return NULL;
    }
    bool decoded = decode(t, bytes, len, dl);
    if (decoded)
        t->separator = guess_separator(t->text, t->text_len);
    if (!decoded || !split(t, dl)) {
        csv_free(t);
        return NULL;
    }
    return t;
}

csv_table *csv_load(const char *path, diag_list *dl)
{
    size_t len;
    char *buf =
        readfile_all(path, CSV_MAX_BYTES, _("is a directory; expected a CSV file"), &len, dl);
    if (!buf)
        return NULL;
    csv_table *t = csv_parse(path, buf, len, dl);
    free(buf);
    return t;
}

void csv_free(csv_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_rows; i++)
        free(t->rows[i].fields);
    free(t->rows);
    free(t->text);
    arena_free(t->a);
    free(t);
}

char *csv_source_line(const csv_table *t, const csv_field *f)
{
    size_t off = f->offset < t->text_len ? f->offset : t->text_len;
    size_t start = off, end = off;
    while (start > 0 && t->text[start - 1] != '\n' && t->text[start - 1] != '\r')
        start--;
    while (end < t->text_len && t->text[end] != '\n' && t->text[end] != '\r')
        end++;
    char *line = malloc(end - start + 1);
    if (line) {
        memcpy(line, t->text + start, end - start);
        line[end - start] = '\0';
    }
    return line;
}
