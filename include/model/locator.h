/* locator: maps a JSON path (indicators[3].value) to where its value stands in
 * the original bytes: line, column, and the exact literal text. Jansson keeps
 * neither, and we need both: errors point at the input, and a figure prints
 * exactly as the source wrote it (2.30 stays 2.30).
 *
 * Invariants: paths use the loader's form: members joined by '.', elements as
 * [i], the root is "". Lines and columns are 1-based; columns count code
 * points. The locator copies what it keeps; the text may be freed after.
 * Calls: base only. */
#ifndef MODEL_LOCATOR_H
#define MODEL_LOCATOR_H

#include <stdbool.h>
#include <stddef.h>

typedef struct locator locator;

typedef struct locator_pos {
    size_t offset, length; /* bytes of the value's literal in the text */
    int line, column;
    size_t key_offset; /* the member's key; equals offset for elements */
    int key_line, key_column;
} locator_pos;

/* Scans text. Returns NULL only when out of memory. Invalid JSON is scanned as
 * far as it goes; values after the first syntax error are not located. */
locator *locator_new(const char *text, size_t len);

void locator_free(locator *loc);

/* Finds path. Returns false (and leaves *out alone) when it is not located. */
bool locator_lookup(const locator *loc, const char *path, locator_pos *out);

/* Returns the 1-based line and column (in code points) of byte offset off. */
void locator_line_column(const char *text, size_t len, size_t off, int *line, int *column);

#endif
