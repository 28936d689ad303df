/* units: what a unit as written means for comparing figures. Chinese units
 * carry their scale word: 1.77 万个 and 4636 个 count the same thing on
 * different scales and may share an axis; 万人次 and 次 may not.
 * Calls: libc only. */
#ifndef MODEL_UNITS_H
#define MODEL_UNITS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct unit_parts {
    double scale;     /* 1, 1e4 for 万, 1e8 for 亿 */
    const char *base; /* the unit without its scale word: "个", "元"; points into the unit */
    bool percent;     /* % or ‰: changes are in points, not in per cent */
} unit_parts;

/* Splits unit (NULL means ""). */
unit_parts units_split(const char *unit);

/* True when figures in units a and b measure the same thing on one scale. */
bool units_comparable(const char *a, const char *b);

/* Converts value written in unit `from` into unit `to` (comparable units). */
double units_convert(double value, const char *from, const char *to);

/* Decimals written in a literal: "2.30" -> 2, "17" -> 0. */
int units_decimals(const char *literal);

#endif
