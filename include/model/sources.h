/* sources: checks a sheet's figures against the source documents, as an
 * auditor would: each indicator's quote is an exact passage of its source
 * file, and the figure, exactly as written, stands in the quote.
 * Calls: model/sheet, base. */
#ifndef MODEL_SOURCES_H
#define MODEL_SOURCES_H

#include <stdbool.h>

#include "base/diag.h"
#include "model/sheet.h"

/* Checks every indicator of s against the files in dir. Source file names
 * must be plain names (no '/' and not starting with '.'): data never steers
 * which files are read. Returns false with one error per problem in dl. */
bool sources_check(const sheet *s, const char *dir, diag_list *dl);

#endif
