/* text_draw: a set text onto a page (text_priv.h): drawn on a Cairo context,
 * or handed out as glyph runs for formats that place glyphs themselves
 * (OFD). Both put each glyph at the same place. */
#include <cairo.h>
#include <pango/pangofc-font.h>
#include <stdlib.h>

#include "text_priv.h"

void text_line_span(const text *t, int line, double *top, double *bottom)
{
    PangoLayoutIter *it = pango_layout_get_iter(t->layout);
    for (int i = 0; i < line && pango_layout_iter_next_line(it); i++)
        ;
    int y0, y1;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    pango_layout_iter_free(it);
    *top = (double)y0 / PANGO_SCALE;
    *bottom = (double)y1 / PANGO_SCALE;
}

void text_draw_lines(const text *t, cairo_t *cr, double x, double y, int first, int count)
{
    /* Each line at its own baseline, shifted so line `first` starts at y. */
    PangoLayoutIter *it = pango_layout_get_iter(t->layout);
    double shift = 0;
    int i = 0;
    do {
        if (i == first) {
            int y0, y1;
            pango_layout_iter_get_line_yrange(it, &y0, &y1);
            shift = (double)y0 / PANGO_SCALE;
        }
        if (i >= first && i < first + count) {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, NULL, &logical);
            double base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
            cairo_move_to(cr, x + t->shift + (double)logical.x / PANGO_SCALE, y + base - shift);
            pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
        }
        i++;
    } while (i < first + count && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

void text_draw(const text *t, cairo_t *cr, double x, double y)
{
    cairo_move_to(cr, x + t->shift, y);
    pango_cairo_show_layout(cr, t->layout);
}

/* The font behind a Pango run, as text_run names it. */
static void run_font(PangoFont *font, text_run *r)
{
    FcPattern *pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8 *s = NULL;
    int v = 0;
    r->font_file = FcPatternGetString(pat, FC_FILE, 0, &s) == FcResultMatch ? (char *)s : "";
    r->font_index = FcPatternGetInteger(pat, FC_INDEX, 0, &v) == FcResultMatch ? v & 0xFFFF : 0;
    r->family = FcPatternGetString(pat, FC_FAMILY, 0, &s) == FcResultMatch ? (char *)s : "";
    r->font_name =
        FcPatternGetString(pat, FC_POSTSCRIPT_NAME, 0, &s) == FcResultMatch ? (char *)s : r->family;
    r->bold = FcPatternGetInteger(pat, FC_WEIGHT, 0, &v) == FcResultMatch && v >= FC_WEIGHT_BOLD;
    r->italic = FcPatternGetInteger(pat, FC_SLANT, 0, &v) == FcResultMatch && v != FC_SLANT_ROMAN;
    PangoFontDescription *d = pango_font_describe_with_absolute_size(font);
    r->size = (double)pango_font_description_get_size(d) / PANGO_SCALE;
    pango_font_description_free(d);
}

/* The glyphs of one run drawn with its left end at x on baseline `base`,
 * as pango_renderer_draw_layout_line places them. Returns the run's width,
 * or -1 when out of memory. */
static double emit_run(const PangoGlyphItem *run, const char *all, double x, double base,
                       text_run_fn fn, void *user, text_glyph **buf, int *cap)
{
    const PangoGlyphString *gs = run->glyphs;
    if (gs->num_glyphs > *cap) {
        text_glyph *nb = realloc(*buf, (size_t)gs->num_glyphs * sizeof *nb);
        if (!nb)
            return -1;
        *buf = nb;
        *cap = gs->num_glyphs;
    }
    const PangoItem *item = run->item;
    double pen = x + (double)run->start_x_offset / PANGO_SCALE;
    double rise = (double)run->y_offset / PANGO_SCALE;
    int n = 0;
    for (int i = 0; i < gs->num_glyphs; i++) {
        const PangoGlyphInfo *gi = &gs->glyphs[i];
        double advance = (double)gi->geometry.width / PANGO_SCALE;
        PangoGlyph g = gi->glyph;
        if (g != PANGO_GLYPH_EMPTY && !(g & PANGO_GLYPH_UNKNOWN_FLAG)) {
            int c = gs->log_clusters[i], j = i;
            while (j < gs->num_glyphs && gs->log_clusters[j] == c)
                j++;
            int end =
                j < gs->num_glyphs && gs->log_clusters[j] > c ? gs->log_clusters[j] : item->length;
            (*buf)[n++] = (text_glyph){
                .id = g,
                .x = pen + (double)gi->geometry.x_offset / PANGO_SCALE,
                .y = base - rise + (double)gi->geometry.y_offset / PANGO_SCALE,
                .advance = advance,
                .cluster = c,
                .cluster_len = end - c,
            };
        }
        pen += advance;
    }
    if (n > 0) {
        text_run r = {
            .utf8 = all + item->offset, .utf8_len = item->length, .glyphs = *buf, .n_glyphs = n};
        run_font(item->analysis.font, &r);
        fn(&r, user);
    }
    return pen - x + (double)run->end_x_offset / PANGO_SCALE;
}

bool text_glyph_runs(const text *t, double x, double y, int first, int count, text_run_fn fn,
                     void *user)
{
    const char *all = pango_layout_get_text(t->layout);
    PangoLayoutIter *it = pango_layout_get_iter(t->layout);
    text_glyph *buf = NULL;
    int cap = 0, i = 0;
    double shift = 0;
    bool ok = true;
    do {
        if (i == first) {
            int y0, y1;
            pango_layout_iter_get_line_yrange(it, &y0, &y1);
            shift = (double)y0 / PANGO_SCALE;
        }
        if (i >= first && (count <= 0 || i < first + count)) {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, NULL, &logical);
            double base = y + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE - shift;
            double pen = x + t->shift + (double)logical.x / PANGO_SCALE;
            PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
            for (GSList *r = line->runs; r && ok; r = r->next) {
                double w = emit_run(r->data, all, pen, base, fn, user, &buf, &cap);
                ok = w >= 0;
                pen += w;
            }
        }
        i++;
    } while (ok && (count <= 0 || i < first + count) && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    free(buf);
    return ok;
}
