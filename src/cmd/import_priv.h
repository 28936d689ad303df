/* import_priv.h: what the parts of `factsheet import` share (private to
 * src/cmd). import.c drives them: import_header.c finds which column is
 * which, import_cells.c reads a row's cells and reports problems at them,
 * import_check.c checks each row, import_write.c applies the rows to the data
 * file and checks that the result still loads. */
#ifndef FACTSHEET_CMD_IMPORT_PRIV_H
#define FACTSHEET_CMD_IMPORT_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "cmd/cmd.h"
#include "model/csv.h"
#include "model/edit.h"

enum { IMPORT_MAX_DIAGS = 100 };

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

typedef struct importer {
    const char *csv_name, *json_name;
    csv_table *t;
    edit_doc *ed;
    diag_list *dl;
    int where[COL_LAST];        /* the field index of each column, or -1 */
    const char *name[COL_LAST]; /* each column's name as the header writes it */
    size_t n_columns;           /* fields in the header */
    bool chinese;               /* the header names columns in Chinese */
    size_t header_row;          /* the header's row: 0, or below a title */
    bool *ignored;              /* per header field: a column import does not know */
    const cmd_glyphs *glyphs;   /* the fonts' check, or NULL */
} importer;

/* One row's cells, trimmed; "" for a column the header lacks. */
typedef struct row_cells {
    const char *cell[COL_LAST];
    const csv_field *field[COL_LAST];
    const csv_row *row;
} row_cells;

/* ---- import_header.c ---- */

/* The row holding the header: the first of the first few rows that names a
 * known column; rows above it are a title (a note says so). */
size_t import_find_header_row(importer *im);
/* Fills im->where, im->name and im->chinese from the header row; false when
 * the header has a problem (reported). */
bool import_read_header(importer *im);
/* One note naming every column left out. */
void import_print_ignored(importer *im);
/* The header name of column c: as written, else in the header's language. */
const char *import_col_name(const importer *im, column c);

/* ---- import_cells.c ---- */

/* s without leading and trailing spaces, tabs and line breaks, in the
 * table's arena ("" when out of memory). */
const char *import_trimmed(importer *im, const char *s);
/* Fills rc from row; false for a row with no text at all (skipped). */
bool import_read_cells(importer *im, const csv_row *row, row_cells *rc);
/* An error at field f of the CSV, with its line shown. */
void import_report(importer *im, const csv_field *f, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Reports at the cell of column c: `column "数值": ...`. */
void import_report_cell(importer *im, const row_cells *rc, column c, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- import_check.c ---- */

/* Checks one row against the header, the data file and the rows before it
 * (seen); false when it has a problem (reported). */
bool import_check_row(importer *im, const row_cells *rc, const row_cells *seen, size_t n_seen);

/* ---- import_write.c ---- */

/* Notes on rows that change an indicator's label or unit. */
void import_note_label_unit_changes(importer *im, const row_cells *rows, size_t n);
/* Applies the checked rows to im->ed; *updated counts the indicators set. */
bool import_apply(importer *im, row_cells *rows, size_t n, size_t *updated);
/* True when the data file as it would be written loads as a sheet; its
 * problems are reported at the CSV rows that caused them. */
bool import_result_loads(importer *im, const row_cells *rows, size_t n_rows);

#endif
