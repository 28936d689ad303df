/* selfcheck: what a sheet can be checked against without its source
 * documents, on every --check and every render: each figure stands in its
 * own quote with its unit's scale (0.8 % against "80%" is an error); a
 * figure more than five times, or less than a fifth of, the previous
 * comparable one is a warning (a typo of 1234 for 88); a figure citing a file
 * not in "sources" is an error and a source nobody cites a warning; every
 * number in a paragraph, a 要点 or an honour is one of the sheet's figures
 * (a warning).
 * Calls: model (sheet, history, compare, units), base. */
#ifndef MODEL_SELFCHECK_H
#define MODEL_SELFCHECK_H

#include <stdbool.h>

#include "base/diag.h"
#include "model/history.h"
#include "model/sheet.h"

/* Checks s (against the other years of hist, which may be NULL). Adds every
 * problem to dl; returns false when any is an error. */
bool selfcheck_sheet(const sheet *s, const history *hist, diag_list *dl);

/* True when literal stands in quote as a whole number with the scale of
 * unit: "2.30" with 亿元 in "节省药费2.30亿元", not "8" inside "88" or "1.8",
 * nor "1.2" with 个 in "1.2万个". Digits grouped with commas (12,345) are
 * read as one number. For tests and for model/sources. */
bool selfcheck_stands_in(const char *quote, const char *literal, const char *unit);

#endif
