/* cjk: the Chinese typesetting Pango 1.50 does not do, worked out on the
 * plain text before shaping (pure: no Pango, tested by strings). Nothing is
 * inserted that a reader copying from the PDF would get back: the text set
 * is the input, less the ASCII spaces typed inside Chinese, plus
 * zero-width break opportunities (which leave no character in the PDF);
 * everything else is a list of positions for the text module to apply as
 * attributes and glyph positions:
 *  - gaps: a quarter em (configurable) between Han characters and Latin
 *    letters or digits, carried by the character before the boundary (an
 *    ASCII space typed there, or between two Han characters, is dropped and
 *    becomes such a gap);
 *  - keeps: runs no line may break inside, a figure with what belongs to it:
 *    qualifier + number + scale + unit ("约2.3亿元", "近20万次"), a year or
 *    month and its 年/月/日, ranges ("1—11月", "2018—2025年"), 第 + number,
 *    number + %/‰;
 *  - break opportunities around quotation marks that CLREQ allows and
 *    Unicode's LB19 (in Pango 1.50) forbids: before an opening “ and after a
 *    closing ”, as a zero-width space;
 *  - halt: punctuation compression where two full-width marks meet (。” ）
 *    ， 、“): one of them is set half-width with the font's `halt` feature.
 * Calls: libc only. */
#ifndef TYPESET_CJK_H
#define TYPESET_CJK_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cjk_range {
    size_t start, end; /* bytes of the refined text */
} cjk_range;

typedef struct cjk_text {
    char *text;      /* refined UTF-8, malloc'd */
    cjk_range *halt; /* where to apply `halt` */
    size_t n_halt;
    cjk_range *gaps; /* the characters followed by a Han–Latin gap */
    size_t n_gaps;
    cjk_range *keeps; /* runs no line breaks inside */
    size_t n_keeps;
} cjk_text;

/* Refines utf8. han_latin_em > 0 asks for gaps (and drops the ASCII spaces
 * inside Chinese); 0 leaves spaces and gaps alone. Returns false when out of
 * memory. */
bool cjk_refine(const char *utf8, double han_latin_em, cjk_text *out);
void cjk_text_free(cjk_text *t);

/* True for full-width punctuation that closes (may end a line, not start
 * one): ，。、；：？！）》」』”’ and the like. */
bool cjk_is_closing(unsigned cp);
/* True for full-width punctuation that opens: （《「『“‘. */
bool cjk_is_opening(unsigned cp);
/* True for Han characters (ideographs and 〇). */
bool cjk_is_han(unsigned cp);

#endif
