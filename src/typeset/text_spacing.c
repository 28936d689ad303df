/* text_spacing: space between characters that Pango 1.50 does not set the
 * Chinese way (text_priv.h): the Han–Latin gap, and justification only
 * where a line may be spread. */
#include <math.h>
#include <stdlib.h>

#include "text_priv.h"

static bool gap_add(gap_list *l, size_t index, int amount)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        gap_at *at = realloc(l->at, cap * sizeof *at);
        if (!at)
            return false;
        l->at = at;
        l->cap = cap;
    }
    l->at[l->n++] = (gap_at){index, amount};
    return true;
}

static int gap_cmp(const void *a, const void *b)
{
    size_t x = ((const gap_at *)a)->index, y = ((const gap_at *)b)->index;
    return x < y ? -1 : x > y;
}

/* The gap on the character at byte index, or 0. */
static int gap_lookup(const gap_list *l, size_t index)
{
    size_t lo = 0, hi = l->n; /* sorted by index */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (l->at[mid].index == index)
            return l->at[mid].amount;
        if (l->at[mid].index < index)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

bool text_set_gaps(PangoAttrList *attrs, const text_style *style, const cjk_text *cjk,
                   gap_list *gaps)
{
    /* The Han–Latin gap as letter spacing on the character before the
     * boundary, so lines are broken with it counted; Pango sets half of it
     * on each side of that character, and text_place_gaps moves it all
     * behind. An odd number of units: Pango would round an even one. */
    int gap = (int)(style->han_latin_em * style->size * PANGO_SCALE) | 1,
        tracking = (int)floor(style->tracking * PANGO_SCALE);
    for (size_t i = 0; style->han_latin_em > 0 && i < cjk->n_gaps; i++) {
        PangoAttribute *a = pango_attr_letter_spacing_new(tracking + gap);
        a->start_index = (guint)cjk->gaps[i].start;
        a->end_index = (guint)cjk->gaps[i].end;
        pango_attr_list_insert(attrs, a);
        if (!gap_add(gaps, cjk->gaps[i].start, gap))
            return false;
    }
    return true;
}

/* Pango set half of each gap's letter spacing before its character and
 * half after, and took the half at a line's start or end away. All of it
 * goes behind the character, and none at a line's end: the gap is space
 * between two characters, never an indent or a hole at the margin. Widths
 * only shrink or stay, so the lines still fit. The lines are taken with
 * pango_layout_get_lines, which tells Pango not to cache their extents. */
void text_place_gaps(PangoLayout *layout, gap_list *gaps)
{
    if (gaps->n == 0)
        return;
    qsort(gaps->at, gaps->n, sizeof *gaps->at, gap_cmp);
    for (GSList *l = pango_layout_get_lines(layout); l; l = l->next) {
        PangoLayoutLine *line = l->data;
        for (GSList *r = line->runs; r; r = r->next) {
            PangoGlyphItem *run = r->data;
            PangoGlyphString *gs = run->glyphs;
            for (int g = 0; g < gs->num_glyphs; g++) {
                size_t index = (size_t)(run->item->offset + gs->log_clusters[g]);
                int half = gap_lookup(gaps, index) / 2;
                if (!half || (g > 0 && gs->log_clusters[g - 1] == gs->log_clusters[g]))
                    continue;
                bool at_start = r == line->runs && g == 0;
                bool at_end = !r->next && g == gs->num_glyphs - 1;
                if (!at_start) {
                    gs->glyphs[g].geometry.x_offset -= half;
                    gs->glyphs[g].geometry.width -= half;
                }
                if (!at_end)
                    gs->glyphs[g].geometry.width += half;
            }
        }
    }
}

/* True where justification may add space after c when next follows: between
 * Han characters and beside full-width punctuation, never inside a run of
 * digits or Latin letters nor at a Han–Latin boundary (its gap is fixed). */
static bool can_spread(gunichar c, gunichar next)
{
    bool c_mark = cjk_is_closing(c) || cjk_is_opening(c) || c == 0x3001 || c == 0x00B7 ||
                  c == 0x2014 || c == 0x2026;
    bool n_mark = cjk_is_closing(next) || cjk_is_opening(next) || next == 0x2014 || next == 0x2026;
    if (cjk_is_opening(c) || cjk_is_closing(next))
        return false; /* a mark stays with the character it belongs to */
    return (cjk_is_han(c) || c_mark) && (cjk_is_han(next) || n_mark);
}

/* A character that fills a cell of the grid: Han, and the full-width
 * punctuation and forms. */
static bool is_full_width(gunichar c)
{
    return cjk_is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60) ||
           (c >= 0x2018 && c <= 0x201D) || c == 0x2014 || c == 0x2026 || c == 0x00B7 || c == 0x200B;
}

/* Justification by hand: Pango 1.50 spreads a line's slack between every
 * pair of characters, "2 7 . 6 2 %" included. Here it goes only where
 * can_spread allows; a line with no such place stays ragged. The last line
 * of each paragraph is not spread. */
void text_justify(PangoLayout *layout, const char *utf8, double size, bool grid)
{
    int width = pango_layout_get_width(layout), indent = pango_layout_get_indent(layout);
    int max_spread = (int)(0.095 * size * PANGO_SCALE);
    enum { MAX_GLYPHS = 512 };
    for (GSList *l = pango_layout_get_lines(layout); l; l = l->next) {
        PangoLayoutLine *line = l->data;
        if (!l->next || ((PangoLayoutLine *)l->next->data)->is_paragraph_start)
            continue;
        int avail = width - (line->is_paragraph_start && indent > 0 ? indent : 0);
        PangoGlyphInfo *where[MAX_GLYPHS];
        int n = 0, natural = 0;
        bool narrow = false;
        gunichar prev = 0;
        PangoGlyphInfo *prev_glyph = NULL;
        for (GSList *r = line->runs; r; r = r->next) {
            PangoGlyphItem *run = r->data;
            PangoGlyphString *gs = run->glyphs;
            for (int g = 0; g < gs->num_glyphs; g++) {
                natural += gs->glyphs[g].geometry.width;
                if (g > 0 && gs->log_clusters[g - 1] == gs->log_clusters[g]) {
                    prev_glyph = &gs->glyphs[g];
                    continue;
                }
                gunichar c = g_utf8_get_char(utf8 + run->item->offset + gs->log_clusters[g]);
                if (c == 0x200B) /* a break opportunity: invisible, not a character */
                    continue;
                narrow = narrow || !is_full_width(c);
                if (prev_glyph && can_spread(prev, c) && n < MAX_GLYPHS)
                    where[n++] = prev_glyph;
                prev = c;
                prev_glyph = &gs->glyphs[g];
            }
        }
        int slack = avail - natural;
        if (n == 0 || slack <= 0 || (grid && !narrow))
            continue;
        /* No more than a tenth of an em at one place: a wider gap reads as a
         * word space when the text is copied from the PDF (see style.c's
         * HAN_LATIN_EM); a line that needs more is left short. */
        if (slack > n * max_spread)
            slack = n * max_spread;
        for (int i = 0; i < n; i++) /* the remainder of the division goes to the first */
            where[i]->geometry.width += slack / n + (i < slack % n ? 1 : 0);
    }
}
