/* sources: checks a sheet's figures against the source documents, as an
 * auditor would: each indicator's quote is an exact passage of its source
 * file, and the figure, exactly as written, stands in the quote (a rank's
 * position may stand there in Chinese numerals).
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

/* True when the figure literal stands whole in quote (8 is not found inside
 * 88 or 1.8); for a rank (rank true), also when its position stands there in
 * Chinese numerals, whole (全国第四 for 4, 第十一 for 11, not 四 inside 十四). */
bool sources_figure_in_quote(const char *quote, const char *literal, bool rank);

#endif
