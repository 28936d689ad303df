/* comparator: a slow comparator for bench/run.sh, not a lower bound. A
 * plain Cairo + Pango program that sets a sheet's title and its text
 * paragraphs onto one A4 PDF page the way a first attempt would: the
 * system's fontconfig (every installed font, its caches), Pango's default
 * font map, "Noto Sans CJK SC" by family name (the full font, embedded with
 * all its subroutines), pango_cairo_create_layout on a PDF surface. No
 * charts, no cards, no validation. It shows what the plain way costs; the
 * floor (bench/floor.c) shows the least a factsheet process can cost.
 *
 *     comparator [INPUT.json [OUTPUT.pdf]]    (defaults: data/2025.json, comparator.pdf)
 *
 * The strings are read from the JSON with Jansson (title, subtitle, and every
 * block of type "text"), so the comparator sets what the sheet sets.
 *
 * Build: cc -O2 bench/comparator.c $(pkg-config --cflags --libs pangocairo jansson) -o
 * out/bench/comparator
 */
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <jansson.h>
#include <pango/pangocairo.h>

#define PAGE_W 595.276 /* A4 in points */
#define PAGE_H 841.890
#define MARGIN 56.0

/* Sets text at y in the given font, width of the text column; returns the new y. */
static double put(cairo_t *cr, const char *text, const char *font, int justify, double y)
{
    PangoLayout *layout = pango_cairo_create_layout(cr);
    PangoFontDescription *fd = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(layout, (int)((PAGE_W - 2 * MARGIN) * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_justify(layout, justify);
    pango_layout_set_text(layout, text, -1);
    cairo_move_to(cr, MARGIN, y);
    pango_cairo_show_layout(cr, layout);
    int w, h;
    pango_layout_get_size(layout, &w, &h);
    g_object_unref(layout);
    return y + (double)h / PANGO_SCALE;
}

int main(int argc, char **argv)
{
    const char *in = argc > 1 ? argv[1] : "data/2025.json";
    const char *out = argc > 2 ? argv[2] : "comparator.pdf";

    json_error_t err;
    json_t *root = json_load_file(in, 0, &err);
    if (!root) {
        fprintf(stderr, "%s:%d:%d: %s\n", in, err.line, err.column, err.text);
        return 1;
    }
    const char *title = json_string_value(json_object_get(root, "title"));
    const char *subtitle = json_string_value(json_object_get(root, "subtitle"));

    cairo_surface_t *surface = cairo_pdf_surface_create(out, PAGE_W, PAGE_H);
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 0, 0, 0);

    double y = MARGIN;
    if (title)
        y = put(cr, title, "Noto Sans CJK SC Bold 20", 0, y) + 6;
    if (subtitle)
        y = put(cr, subtitle, "Noto Sans CJK SC 12", 0, y) + 14;

    size_t i, j;
    json_t *sec, *blk;
    json_array_foreach(json_object_get(root, "sections"), i, sec)
    {
        json_array_foreach(json_object_get(sec, "blocks"), j, blk)
        {
            const char *type = json_string_value(json_object_get(blk, "type"));
            const char *text = json_string_value(json_object_get(blk, "text"));
            if (type && text && strcmp(type, "text") == 0)
                y = put(cr, text, "Noto Sans CJK SC 10.5", 1, y) + 10;
        }
    }

    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    json_decref(root);
    if (st != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "%s: %s\n", out, cairo_status_to_string(st));
        return 1;
    }
    return 0;
}
