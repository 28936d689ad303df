/* numfmt: how figures are printed. Formatting never changes a value: it
 * starts from the literal text the data file holds (46.09 stays 46.09, 2.30
 * stays 2.30) and only adds thousands separators and the qualifier's place.
 *
 * Rules: integer parts of five or more digits are grouped by three with ','
 * (GB/T 15835 allows it for figures over four digits; four-digit figures stay
 * plain, as Chinese statistical reports print them); a unit that starts with
 * a scale word (万, 亿) is never grouped. Qualifiers 约 超 近 逾 达 stand
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
    char number[NUMFMT_MAX]; /* 12,345 or 46.09 */
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

/* The bound a qualifier sets; false when it is not one we know where to
 * print (the loader refuses it then). NULL or "" is exact. */
bool numfmt_qualifier(const char *qualifier, numfmt_bound *bound);

/* The known qualifiers, for messages: "约、近、超、逾、余、多、以上、以下、以内、不足、不到、左右". */
const char *numfmt_qualifier_list(void);

/* Appends a figure with its unit, as running text prints it: 约2.3亿元,
 * 9万余人次, 93%以上. Returns false (out then holds nothing of it) when the
 * literal is not plain or longer than NUMFMT_LITERAL_MAX, or out of memory. */
bool numfmt_with_unit(const char *literal, const char *unit, const char *qualifier, strbuf *out);

/* Formats a figure given by its literal JSON text. Returns false when the
 * literal is not a plain decimal number of at most NUMFMT_LITERAL_MAX
 * characters, or out of memory: out->number is then "" and nothing of it may
 * be printed. numfmt_parts_free(out) in every case. */
bool numfmt_figure(const char *literal, const char *unit, const char *qualifier,
                   numfmt_parts *out);

/* Groups the integer part of a plain decimal literal into out (size n).
 * Returns false when it does not fit or the literal is not plain. */
bool numfmt_group(const char *literal, char *out, size_t n);

/* Appends an axis value with a fixed number of decimals, grouped like a
 * figure, however long. Returns false (out unchanged) when v is not finite
 * or out of memory. */
bool numfmt_axis(double v, int decimals, strbuf *out);

/* Parses printed text back (ignoring grouping commas): for tests that check
 * that formatting never changes a value. */
double numfmt_parse(const char *printed);

#endif
