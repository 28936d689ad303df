/* text: sets one text (text_priv.h; the interface is
 * include/typeset/text.h): the face chosen by coverage, the attributes, the
 * layout, then the refinements of text_lines.c and text_spacing.c. */
#include <math.h>
#include <stdlib.h>

#include "text_priv.h"

/* Returns the first code point drawn as an unknown glyph, or 0. */
static uint32_t first_unknown(PangoLayout *layout)
{
    if (pango_layout_get_unknown_glyphs_count(layout) == 0)
        return 0;
    uint32_t found = 0;
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (!run)
            continue;
        for (int g = 0; g < run->glyphs->num_glyphs && !found; g++) {
            PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
            if (glyph & PANGO_GLYPH_UNKNOWN_FLAG)
                found = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
        }
    } while (!found && pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
    return found ? found : 0xFFFD;
}

/* True when every character of utf8 is in cs; else *first gets the first
 * that is not. Line breaks and tabs need no glyph. */
static bool covers(const FcCharSet *cs, const char *utf8, uint32_t *first)
{
    for (const char *p = utf8; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        /* Line breaks, tabs and invisible format characters need no glyph. */
        if (c == '\n' || c == '\t' || c == '\r' || (c >= 0x200B && c <= 0x200F) || c == 0x2060 ||
            c == 0xFEFF)
            continue;
        if (!FcCharSetHasChar(cs, c)) {
            *first = c;
            return false;
        }
    }
    return true;
}

/* The prepared face when it has every character of utf8, else the full
 * face; NULL with *missing set when neither has one. */
static const PangoFontDescription *face_covering(const text_fonts *f, const char *utf8,
                                                 text_face face, uint32_t *missing)
{
    uint32_t first = 0;
    if (f->cover[face] && covers(f->cover[face], utf8, &first))
        return f->faces[face];
    if (f->fallback_cover[face] && covers(f->fallback_cover[face], utf8, &first))
        return f->fallback[face];
    *missing = first ? first : 0xFFFD;
    return NULL;
}

/* The attributes a text is set with: no font fallback, the line pitch, the
 * tracking, half-width marks, the Han–Latin gaps (noted in gaps) and the
 * no-break runs. NULL when out of memory. */
static PangoAttrList *text_attributes(const char *utf8, const text_style *style, double width,
                                      const cjk_text *cjk, gap_list *gaps)
{
    PangoAttrList *attrs = pango_attr_list_new();
    /* No fallback: a character missing from the chosen face shows up as an
     * unknown glyph we can report, instead of a silent substitute. */
    pango_attr_list_insert(attrs, pango_attr_fallback_new(FALSE));
    if (style->pitch > 0)
        pango_attr_list_insert(
            attrs, pango_attr_line_height_new_absolute((int)(style->pitch * PANGO_SCALE + 0.5)));
    /* Rounded down, so that n cells of size + tracking always hold n
     * characters. */
    if (style->tracking != 0)
        pango_attr_list_insert(
            attrs, pango_attr_letter_spacing_new((int)floor(style->tracking * PANGO_SCALE)));
    /* On a character grid (tracking set: the official style) every mark
     * keeps its full cell; compression would pull the grid out of line. */
    for (size_t i = 0; style->tracking == 0 && i < cjk->n_halt; i++) {
        PangoAttribute *a = pango_attr_font_features_new("halt");
        a->start_index = (guint)cjk->halt[i].start;
        a->end_index = (guint)cjk->halt[i].end;
        pango_attr_list_insert(attrs, a);
    }
    if (!text_set_gaps(attrs, style, cjk, gaps)) {
        pango_attr_list_unref(attrs);
        return NULL;
    }
    text_keep_runs(attrs, utf8, style, width, cjk);
    return attrs;
}

/* The paragraph's shape: its width and wrapping, alignment and indent. */
static void shape_paragraph(text *t, const text_style *style, double width)
{
    if (width > 0) {
        t->width = width;
        /* Pango adds the tracking between characters, not after a line's
         * last one: a line of n cells is n * (size + tracking) - tracking
         * wide. Drawn half a tracking to the left, each glyph is centred on
         * its cell, and a full line fills the width exactly (a grid). */
        t->shift = style->tracking / 2;
        pango_layout_set_width(t->layout, (int)((width - style->tracking) * PANGO_SCALE));
        pango_layout_set_wrap(t->layout, PANGO_WRAP_WORD_CHAR);
    }
    switch (style->align) {
    case ALIGN_LEFT: pango_layout_set_alignment(t->layout, PANGO_ALIGN_LEFT); break;
    case ALIGN_CENTER: pango_layout_set_alignment(t->layout, PANGO_ALIGN_CENTER); break;
    case ALIGN_RIGHT: pango_layout_set_alignment(t->layout, PANGO_ALIGN_RIGHT); break;
    case ALIGN_JUSTIFY: pango_layout_set_alignment(t->layout, PANGO_ALIGN_LEFT); break;
    }
    if (style->indent > 0)
        pango_layout_set_indent(t->layout, (int)(style->indent * PANGO_SCALE));
}

/* Sets utf8, already refined by cjk_refine into cjk. */
static text *text_new_refined(text_fonts *f, const char *utf8, const text_style *style,
                              double width, uint32_t *missing, const cjk_text *cjk)
{
    /* A character neither face has is reported before anything is set. */
    const PangoFontDescription *face = face_covering(f, utf8, style->face, missing);
    if (!face)
        return NULL;
    text *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->refs = 1;
    PangoContext *ctx = text_fonts_context(f, face != f->faces[style->face]);
    t->layout = ctx ? pango_layout_new(ctx) : NULL;
    if (!t->layout) {
        free(t);
        return NULL;
    }
    PangoFontDescription *desc = pango_font_description_copy_static(face);
    pango_font_description_set_absolute_size(desc, style->size * PANGO_SCALE);
    pango_layout_set_font_description(t->layout, desc);
    pango_font_description_free(desc);

    gap_list gaps = {0};
    PangoAttrList *attrs = text_attributes(utf8, style, width, cjk, &gaps);
    if (!attrs)
        goto oom;
    pango_layout_set_attributes(t->layout, attrs);
    pango_attr_list_unref(attrs);
    shape_paragraph(t, style, width);
    pango_layout_set_text(t->layout, utf8, -1);
    if (width > 0)
        text_refine_lines(t->layout, utf8, style);
    /* Glyph positions last: any later change of attributes would set the
     * lines again and undo them. */
    text_place_gaps(t->layout, &gaps);
    free(gaps.at);
    gaps.at = NULL;
    /* On a character grid a line of whole full-width characters stays on
     * the grid (full, or a cell short where the line-breaking rules took a
     * character down); a line with figures or Latin in it is off the grid
     * already and is spread between its Han characters like any other, so
     * a 公文 keeps both margins straight. Snapping figures to whole cells, as
     * Word does, was tried: the space left beside them is wider than a
     * tenth of an em, and copied text then reads "433 个". */
    if (style->align == ALIGN_JUSTIFY && width > 0)
        text_justify(t->layout, utf8, style->size, style->tracking != 0);

    uint32_t cp = first_unknown(t->layout);
    if (cp) {
        *missing = cp;
        text_free(t);
        return NULL;
    }
    return t;

oom:
    free(gaps.at);
    text_free(t);
    return NULL;
}

/* text_new without the cache (text_cache.c). */
text *text_set(text_fonts *f, const char *utf8, const text_style *style, double width,
               uint32_t *missing)
{
    /* Chinese typesetting Pango 1.50 lacks, for running text (cjk.h). */
    cjk_text refined = {0};
    if (width > 0 || style->han_latin_em > 0) {
        if (!cjk_refine(utf8, style->han_latin_em, &refined))
            return NULL;
        utf8 = refined.text;
    }
    text *t = text_new_refined(f, utf8, style, width, missing, &refined);
    cjk_text_free(&refined);
    return t;
}

void text_free(text *t)
{
    if (!t || --t->refs > 0)
        return;
    g_object_unref(t->layout);
    free(t);
}

text *text_ref(text *t)
{
    t->refs++;
    return t;
}

double text_width(const text *t)
{
    PangoRectangle logical;
    pango_layout_get_extents(t->layout, NULL, &logical);
    return (double)logical.width / PANGO_SCALE;
}

double text_height(const text *t)
{
    PangoRectangle logical;
    pango_layout_get_extents(t->layout, NULL, &logical);
    return (double)logical.height / PANGO_SCALE;
}

double text_baseline(const text *t)
{
    return (double)pango_layout_get_baseline(t->layout) / PANGO_SCALE;
}

int text_line_count(const text *t)
{
    return pango_layout_get_line_count(t->layout);
}
