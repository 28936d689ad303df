/* diag: see include/base/diag.h. */
#include "base/diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/utf8.h"

void diag_list_init(diag_list *dl, size_t max)
{
    memset(dl, 0, sizeof *dl);
    dl->max = max ? max : 1;
}

void diag_list_clear(diag_list *dl)
{
    for (size_t i = 0; i < dl->count; i++) {
        free(dl->items[i].file);
        free(dl->items[i].path);
        free(dl->items[i].message);
        free(dl->items[i].source_line);
    }
    free(dl->items);
    size_t max = dl->max;
    diag_list_init(dl, max);
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void diag_vadd(diag_list *dl, diag_severity sev, const char *file, int line, int column,
                      const char *path, const char *source_line, const char *fmt, va_list ap)
{
    if (sev == DIAG_ERROR)
        dl->errors++;
    else if (sev == DIAG_WARNING)
        dl->warnings++;
    if (dl->count >= dl->max) {
        dl->dropped++;
        return;
    }
    if (dl->count == dl->cap) {
        size_t cap = dl->cap ? dl->cap * 2 : 8;
        diag *items = realloc(dl->items, cap * sizeof *items);
        if (!items) {
            dl->dropped++;
            return;
        }
        dl->items = items;
        dl->cap = cap;
    }
    char *message = NULL;
    if (vasprintf(&message, fmt, ap) < 0) {
        dl->dropped++;
        return;
    }
    diag *d = &dl->items[dl->count++];
    d->severity = sev;
    d->file = dup_or_null(file);
    d->line = line;
    d->column = column;
    d->path = dup_or_null(path);
    d->message = message;
    d->source_line = dup_or_null(source_line);
}

void diag_add(diag_list *dl, diag_severity sev, const char *file, int line, int column,
              const char *path, const char *source_line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(dl, sev, file, line, column, path, source_line, fmt, ap);
    va_end(ap);
}

void diag_list_take(diag_list *dst, diag_list *src)
{
    for (size_t i = 0; i < src->count; i++) {
        const diag *d = &src->items[i];
        diag_add(dst, d->severity, d->file, d->line, d->column, d->path, d->source_line, "%s",
                 d->message);
    }
    /* What src counted but could not keep still counts. */
    size_t kept_errors = 0;
    for (size_t i = 0; i < src->count; i++)
        kept_errors += src->items[i].severity == DIAG_ERROR;
    dst->errors += src->errors - kept_errors;
    dst->dropped += src->dropped;
    diag_list_clear(src);
}

void diag_error(diag_list *dl, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(dl, DIAG_ERROR, file, 0, 0, NULL, NULL, fmt, ap);
    va_end(ap);
}

/* Terminal cells of a code point: 2 for East Asian wide and full-width forms. */
static int cell_width(uint32_t cp)
{
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

/* Byte offset of the first byte of 1-based code point column col. */
static size_t column_offset(const char *line, int col)
{
    size_t i = 0, len = strlen(line);
    for (int c = 1; c < col && i < len; c++) {
        uint32_t cp;
        i += utf8_next((const unsigned char *)line + i, len - i, &cp);
    }
    return i;
}

/* Characters that do not show, or that reorder the line on a terminal: a
 * raw U+202E in a message reverses what follows it, a U+200B hides in a
 * key. Messages show them as \u202E, as JSON writes them. */
static bool invisible(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD || cp == 0x34F ||
           cp == 0x61C || cp == 0x115F || cp == 0x1160 || cp == 0x180E ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || cp == 0xFEFF ||
           (cp >= 0xFFF0 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

/* Writes n bytes of s with invisible characters escaped. */
static void put_escaped(FILE *out, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_next(u + i, n - i, &cp);
        if (invisible(cp))
            fprintf(out, cp > 0xFFFF ? "\\U%08X" : "\\u%04X", (unsigned)cp);
        else
            fwrite(s + i, 1, k, out);
        i += k;
    }
}

enum { CARET_CONTEXT = 50 }; /* code points shown either side of a long line's column */

static void print_caret(FILE *out, const char *line, int column)
{
    /* A long line (a minified file, a 10 MB string) shows a window around
     * the column, marked with "…" where it is cut. */
    size_t len = strlen(line);
    size_t from = 0, to = len;
    if (column_offset(line, 3 * CARET_CONTEXT) < len) { /* long: a window */
        from = column > CARET_CONTEXT ? column_offset(line, column - CARET_CONTEXT) : 0;
        to = column_offset(line, column + CARET_CONTEXT);
    }
    if (from > 0)
        column = CARET_CONTEXT + 1;
    fprintf(out, "  %s", from ? "…" : "");
    put_escaped(out, line + from, to - from);
    fprintf(out, "%s\n  ", to < len ? "…" : "");
    if (from)
        fputc(' ', out);
    line += from;
    const unsigned char *s = (const unsigned char *)line;
    len = to - from;
    size_t i = 0;
    for (int col = 1; col < column && i < len; col++) {
        uint32_t cp;
        size_t n = utf8_next(s + i, len - i, &cp);
        if (cp == '\t')
            fputc('\t', out);
        else if (invisible(cp))
            fputs(cp > 0xFFFF ? "          " : "      ", out); /* as put_escaped shows it */
        else
            fputs(cell_width(cp) == 2 ? "  " : " ", out);
        i += n;
    }
    fputs("^\n", out);
}

void diag_list_print(const diag_list *dl, FILE *out)
{
    for (size_t i = 0; i < dl->count; i++) {
        const diag *d = &dl->items[i];
        if (d->file) {
            put_escaped(out, d->file, strlen(d->file));
            fputc(':', out);
        }
        if (d->line > 0)
            fprintf(out, "%d:%d:", d->line, d->column);
        if (d->file || d->line > 0)
            fputc(' ', out);
        if (d->severity == DIAG_WARNING)
            fprintf(out, "%s", _("warning: "));
        else if (d->severity == DIAG_NOTE)
            fprintf(out, "%s", _("note: "));
        if (d->path && d->path[0]) {
            put_escaped(out, d->path, strlen(d->path));
            fputs(": ", out);
        }
        put_escaped(out, d->message, strlen(d->message));
        fputc('\n', out);
        if (d->source_line && d->line > 0)
            print_caret(out, d->source_line, d->column);
    }
    if (dl->dropped)
        fprintf(out, _("... and %zu more problems not shown\n"), dl->dropped);
}

char *diag_source_line(const char *text, size_t len, size_t off)
{
    if (off > len)
        off = len;
    size_t start = off, end = off;
    while (start > 0 && text[start - 1] != '\n')
        start--;
    while (end < len && text[end] != '\n' && text[end] != '\r')
        end++;
    char *line = malloc(end - start + 1);
    if (line) {
        memcpy(line, text + start, end - start);
        line[end - start] = '\0';
    }
    return line;
}
