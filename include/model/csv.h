/* csv: reads a table saved from a spreadsheet (WPS, Excel, LibreOffice) as
 * CSV, as RFC 4180 describes it: fields separated by commas, records by CRLF
 * or LF; a field in double quotes may hold commas, line breaks and doubled
 * quotes ("" for one ").
 *
 * A file whose first lines hold more tabs than commas is read as
 * tab-separated (a spreadsheet's "Text (tab-delimited)"), quoted the same.
 *
 * Encoding: valid UTF-8 (a byte-order mark is skipped) is read as UTF-8;
 * anything else is converted from GB18030 (which includes GBK and GB2312,
 * what Chinese Windows saves as "CSV") with iconv, and the table says so.
 * Text that is neither, UTF-16, a workbook (.xlsx, .xls) or NUL bytes are
 * errors with advice.
 *
 * Invariants: every field's text is UTF-8, unquoted, with CRLF inside a
 * quoted field turned into LF, and knows where it starts in the file (line
 * and column, 1-based, columns in characters). Blank lines are skipped.
 * A table owns all its strings; csv_free releases everything.
 * Calls: base (arena, diag), libc, iconv. */
#ifndef MODEL_CSV_H
#define MODEL_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

enum { CSV_MAX_BYTES = 16 * 1024 * 1024, CSV_MAX_FIELD = 64 * 1024, CSV_MAX_FIELDS = 1000 };

typedef enum csv_encoding { CSV_UTF8, CSV_GB18030 } csv_encoding;

typedef struct csv_field {
    const char *text;
    int line, column; /* where the field (its opening quote, if any) starts */
    size_t offset;    /* the same, in bytes of the table's UTF-8 text */
} csv_field;

typedef struct csv_row {
    csv_field *fields;
    size_t n;
    int line; /* the line the record starts on */
} csv_row;

typedef struct csv_table {
    const char *name; /* the file name, for messages */
    csv_row *rows;    /* every record in order, the header first */
    size_t n_rows;
    csv_encoding encoding;
    char separator; /* ',', or '\t' for a tab-separated export */
    char *text;     /* the file as UTF-8 (converted when it was GB18030) */
    size_t text_len;
    struct arena *a;
} csv_table;

/* Reads and parses the file at path. Returns a table to csv_free, or NULL
 * with the problem in dl (located at line and column when it has a place:
 * a quote not closed, text after a closing quote, a byte that is neither
 * UTF-8 nor GB18030). */
csv_table *csv_load(const char *path, diag_list *dl);

/* Same, from bytes in memory; name is used in messages. */
csv_table *csv_parse(const char *name, const char *bytes, size_t len, diag_list *dl);

void csv_free(csv_table *t);

/* The line of the table's text holding field f (without its line break),
 * malloc'd, for a caret under the field; NULL when out of memory. */
char *csv_source_line(const csv_table *t, const csv_field *f);

#endif
