/* csvout: a table written as a spreadsheet (WPS, Excel) opens it and as
 * `factsheet import` reads it back: RFC 4180 quoting, CRLF line ends,
 * UTF-8 with a byte-order mark (so Excel recognises it) or GBK.
 *
 * Cells a spreadsheet would take for a formula (=, +, -, @ first) get a
 * leading apostrophe; a figure is written ="2.30", which a spreadsheet shows
 * and saves back as the text 2.30 (never 2.3). csvout_unwrap undoes both.
 * Calls: base (strbuf, diag, atomic_file), libc, iconv. */
#ifndef MODEL_CSVOUT_H
#define MODEL_CSVOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/strbuf.h"

typedef enum csvout_encoding { CSVOUT_UTF8_BOM, CSVOUT_GBK } csvout_encoding;

/* Appends one cell of text to row (a comma first unless first), quoted when
 * it holds a comma, a quote or a line break, made safe when it looks like a
 * formula. */
void csvout_text(strbuf *row, const char *text, bool first);

/* Appends a figure written exactly as given (literal "2.30") so that a
 * spreadsheet keeps it as text; "" for an empty cell. */
void csvout_figure(strbuf *row, const char *literal, bool first);

/* A cell as a spreadsheet saved it back, without what csvout added: the
 * figure of ="2.30", the text of '=x. Returns text itself when there is
 * nothing to undo, else a pointer into it and sets *len to the length. */
const char *csvout_unwrap(const char *text, size_t *len);

/* Writes the UTF-8 text to path in enc, through a temporary file renamed
 * into place. A character GBK lacks is an error naming its line. */
bool csvout_save(const char *path, const char *text, size_t len, csvout_encoding enc,
                 diag_list *dl);

#endif
