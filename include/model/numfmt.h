/* numfmt: how figures are printed. Formatting never changes a value: it
 * starts from the literal text the data file holds (46.09 stays 46.09, 2.30
 * stays 2.30) and only places the qualifier.
 *
 * Rules: no thousands separators, whatever the size (35694, 1234567), on
 * cards, in tables, text, charts and the book alike. 国家统计局's bulletins
 * print figures so; the sheets quote the commission's own texts, which do
 * too, and a quote keeps its form: grouping only our own figures would print
 * one figure two ways on one page ("35,694" on the card, "35694" in the
 * paragraph). GB/T 15835 allows a thin space from five digits but does not
 * require it, and a space or comma would come along when the figure is
 * copied into a document. Qualifiers 约 超 近 逾 达 stand
 * before the number; 余 and 多 after it (600余场, 730多万剂次), 余 after a
 * scale word (227万余元); 以上 and 左右, and any qualifier of a %, after the
 * whole unit (93%以上), as Chinese writes them.
 * Calls: libc only. */
#ifndef MODEL_NUMFMT_H
#define MODEL_NUMFMT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"

/* A figure's literal is printed exactly, digit for digit, up to
 * NUMFMT_LITERAL_MAX characters (sign, digits and point: 40 is 30 digits
 * past the point of a 万 figure); the loader refuses a longer one with a
 * message rather than print it cut. NUMFMT_MAX holds such a literal
 * grouped (13 commas) with its NUL. */
enum { NUMFMT_LITERAL_MAX = 40, NUMFMT_MAX = 64 };

typedef struct numfmt_parts {
    char number[NUMFMT_MAX]; /* 12345 or 46.09 */
    const char *before;      /* qualifier before the number, or "" */
    const char *after;       /* qualifier after the number, or "" */
    char *unit;              /* the unit as printed: 万余元 for 227万余元; "" when
                                none; malloc'd, numfmt_parts_free frees it */
} numfmt_parts;

void numfmt_parts_free(numfmt_parts *p);

/* The qualifiers a figure may carry, and what each says of the true value:
 * at least the figure (超 逾 余 多 以上), at most (以下 以内 不足 不到), or
 * about it (约 近 左右). */
typedef enum numfmt_bound { BOUND_EXACT, BOUND_AT_LEAST, BOUND_AT_MOST, BOUND_ABOUT } numfmt_bound;

/* Where a qualifier stands (model/qualifiers.def, the one table of them). */
typedef enum numfmt_place { QUAL_BEFORE, QUAL_AFTER, QUAL_AFTER_UNIT } numfmt_place;

/* The longest qualifier s starts with that stands before the number
 * (before: true) or after it (false), or NULL: what a spreadsheet cell such
 * as "约1.84万" or "600余" carries around its number. */
const char *numfmt_qualifier_at(const char *s, bool before);

/* The bound a qualifier sets; false when it is not one we know where to
 * print (the loader refuses it then). NULL or "" is exact. */
bool numfmt_qualifier(const char *qualifier, numfmt_bound *bound);

/* The known qualifiers, for messages: "约、近、超、逾、余、多、以上、以下、以内、不足、不到、左右".
 */
const char *numfmt_qualifier_list(void);

/* Appends a figure with its unit, as running text prints it: 约2.3亿元,
 * 9万余人次, 93%以上. Returns false (out then holds nothing of it) when the
 * literal is not plain or longer than NUMFMT_LITERAL_MAX, or out of memory. */
bool numfmt_with_unit(const char *literal, const char *unit, const char *qualifier, strbuf *out);

/* Formats a figure given by its literal JSON text. Returns false when the
 * literal is not a plain decimal number of at most NUMFMT_LITERAL_MAX
 * characters, or out of memory: out->number is then "" and nothing of it may
 * be printed. numfmt_parts_free(out) in every case. */
bool numfmt_figure(const char *literal, const char *unit, const char *qualifier, numfmt_parts *out);

/* Copies a plain decimal literal into out (size n), as printed: ungrouped.
 * Returns false when it does not fit or the literal is not plain (out is
 * then a copy of the literal, truncated). */
bool numfmt_plain(const char *literal, char *out, size_t n);

/* A figure in a larger scale of its unit, for one scale down a table's
 * column: ("4636", "个") in "万个" is "0.4636" — the decimal point moved,
 * every digit kept, so the value is exactly the same. Writes the literal to
 * out (size n). Returns false when to_unit is not the same unit in the same
 * or a larger scale (万, 亿), the literal is not plain, or it does not fit. */
bool numfmt_rescale(const char *literal, const char *unit, const char *to_unit, char *out,
                    size_t n);

/* The scale word's power of ten at the start of unit (万 4, 亿 8, else 0);
 * *base gets the rest ("个" of "万个"). */
int numfmt_unit_scale(const char *unit, const char **base);

/* Appends an axis value with a fixed number of decimals, grouped like a
 * figure, however long. Returns false (out unchanged) when v is not finite
 * or out of memory. */
bool numfmt_axis(double v, int decimals, strbuf *out);

/* Parses printed text back (ignoring grouping commas): for tests that check
 * that formatting never changes a value. */
double numfmt_parse(const char *printed);

#endif
