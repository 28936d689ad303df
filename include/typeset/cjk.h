/* cjk: the Chinese typesetting Pango 1.50 does not do, as plain text work
 * before shaping (pure: no Pango, tested by strings):
 *  - a quarter em (configurable) between Han characters and Latin letters or
 *    digits, and an ASCII space typed there becomes that space, so justified
 *    lines no longer pour all their slack into one hole ("2023 年"). The gap
 *    is an EN SPACE (U+2002, which Noto CJK has; the quarter- and sixth-em
 *    spaces it lacks) scaled down, and Pango does not stretch it;
 *  - break opportunities around quotation marks that CLREQ allows and
 *    Unicode's LB19 (in Pango 1.50) forbids: before an opening “ and after a
 *    closing ”, as a zero-width space;
 *  - punctuation compression where two full-width marks meet (。” ）， 、“):
 *    one of them is set half-width with the font's `halt` feature.
 * Calls: libc only. */
#ifndef TYPESET_CJK_H
#define TYPESET_CJK_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cjk_range {
    size_t start, end; /* bytes of the refined text */
} cjk_range;

typedef struct cjk_text {
    char *text;        /* refined UTF-8, malloc'd */
    cjk_range *halt;   /* where to apply `halt` */
    size_t n_halt;
    cjk_range *gaps;   /* the EN SPACEs to scale to the gap */
    size_t n_gaps;
    double gap_scale;  /* han_latin_em / 0.5 */
} cjk_text;

/* Refines utf8. han_latin_em is the space between Han and Latin/digits in
 * em (0 for none, 0.25 by default). Returns false when out of memory. */
bool cjk_refine(const char *utf8, double han_latin_em, cjk_text *out);
void cjk_text_free(cjk_text *t);

/* True for full-width punctuation that closes (may end a line, not start
 * one): ，。、；：？！）》」』”’ and the like. */
bool cjk_is_closing(unsigned cp);
/* True for full-width punctuation that opens: （《「『“‘. */
bool cjk_is_opening(unsigned cp);

#endif
