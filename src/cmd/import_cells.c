/* import_cells: a CSV row's cells as import reads them (trimmed, unwrapped
 * from what `factsheet export` writes), and problems reported at a cell with
 * its line shown. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "import_priv.h"
#include "model/csvout.h"

/* s without leading and trailing spaces, tabs and line breaks, in the
 * table's arena ("" when out of memory). */
const char *import_trimmed(importer *im, const char *s)
{
    size_t start = strspn(s, " \t\r\n"), end = strlen(s);
    while (end > start && strchr(" \t\r\n", s[end - 1]))
        end--;
    if (start == 0 && s[end] == '\0')
        return s;
    const char *t = arena_strndup(im->t->a, s + start, end - start);
    return t ? t : "";
}

void import_report(importer *im, const csv_field *f, const char *path, const char *fmt, ...)
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

void import_report_cell(importer *im, const row_cells *rc, column c, const char *fmt, ...)
{
    char *msg = NULL, path[256];
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    snprintf(path, sizeof path, _("column \"%s\""), import_col_name(im, c));
    import_report(im, rc->field[c], path, "%s", msg ? msg : fmt);
    free(msg);
}

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
bool import_read_cells(importer *im, const csv_row *row, row_cells *rc)
{
    bool any = false;
    rc->row = row;
    for (int c = 0; c < COL_LAST; c++) {
        rc->cell[c] = "";
        rc->field[c] = &row->fields[0];
        int w = im->where[c];
        if (w < 0 || (size_t)w >= row->n)
            continue;
        rc->cell[c] = unwrapped(im, import_trimmed(im, row->fields[w].text));
        rc->field[c] = &row->fields[w];
    }
    for (size_t i = 0; i < row->n; i++)
        any = any || import_trimmed(im, row->fields[i].text)[0];
    return any;
}
