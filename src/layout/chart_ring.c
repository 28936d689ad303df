/* chart_ring: shares of a whole, one ring each: a gray track, the share as
 * an arc from 12 o'clock clockwise, the figure in the centre, the label under
 * the ring. The loader has already refused shares outside 0-100 %. */
#include <math.h>

#include "base/i18n.h"
#include "box.h"

bool chart_ring_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    double y = 0;
    if (!chart_header(ctx, blk, NULL, width, b, &y))
        return false;
    y += st->ring_gap / 2;
    size_t n = blk->n_items;
    double d = 2 * st->ring_outer;
    double cell = fmax(d + 2 * st->ring_gap, st->kpi_min_col_w);
    size_t cols = (size_t)(width / cell);
    if (cols < 1)
        cols = 1;
    if (cols > n)
        cols = n;
    size_t rows = (n + cols - 1) / cols;
    cols = (n + rows - 1) / rows;
    cell = width / (double)cols;
    chart_sources cs = {0};
    for (size_t r = 0; r < rows; r++) {
        double row_h = 0;
        for (size_t c = 0; c < cols && r * cols + c < n; c++) {
            const sheet_item *it = &blk->items[r * cols + c];
            const sheet_indicator *ind = &s->indicators[it->indicator];
            chart_sources_add_file(&cs, s, ind->source_file);
            double cx = cell * ((double)c + 0.5), cy = y + st->ring_outer;
            double share = fmin(fmax(ind->value / 100.0, 0), 1);
            mark track = {.kind = MARK_ARC,
                          .x = cx,
                          .y = cy,
                          .w = st->ring_outer,
                          .h = st->ring_outer - st->ring_thickness,
                          .a0 = 0,
                          .a1 = 2 * M_PI};
            track.paint = (mark_paint){.fill = st->track,
                                       .filled = true,
                                       .stroke = st->track_edge,
                                       .stroked = st->track_edge_w > 0,
                                       .line_width = st->track_edge_w};
            mark arc = track;
            arc.a1 = 2 * M_PI * share;
            arc.paint = chart_series_paint(st, 0);
            if (!page_add_mark(&b->marks, &track) || (share > 0 && !page_add_mark(&b->marks, &arc)))
                goto fail;
            /* 93%以上: the qualifier keeps its place after the unit. */
            numfmt_parts np;
            strbuf fig = {0};
            bool formatted = numfmt_figure(ind->literal, "%", ind->qualifier, &np) &&
                             sb_printf(&fig, "%s%s%s", np.before, np.number, np.unit);
            numfmt_parts_free(&np);
            if (!formatted) {
                sb_free(&fig);
                layout_figure_failed(ctx, ind);
                goto fail;
            }
            text *t = layout_text(ctx, sb_str(&fig), &st->ring_value, 0, ind->path, "value");
            if (!t) {
                sb_free(&fig);
                goto fail;
            }
            double tw = text_width(t), th = text_height(t);
            double inner = 2 * (st->ring_outer - st->ring_thickness) - 10;
            if (tw > inner) {
                /* A long figure gets a smaller size rather than crossing the ring. */
                text_style small = st->ring_value;
                small.size = fmax(small.size * inner / tw, st->text_min);
                text_free(t);
                t = layout_text(ctx, sb_str(&fig), &small, 0, ind->path, "value");
                if (!t) {
                    sb_free(&fig);
                    goto fail;
                }
                tw = text_width(t);
                th = text_height(t);
            }
            sb_free(&fig);
            if (!page_add_text(&b->marks, t, cx - tw / 2, cy - th / 2, st->ink))
                goto fail;
            double lh;
            if (!box_text(ctx, b, it->label, &st->category_label, cell * (double)c + 4,
                          y + d + st->ring_label_gap, cell - 8, st->ink, it->path, "label", &lh))
                goto fail;
            row_h = fmax(row_h, d + st->ring_label_gap + lh);
        }
        y += row_h + (r + 1 < rows ? st->ring_gap : 0);
    }
    if (!chart_note(ctx, blk, &cs, NULL, width, b, &y))
        goto fail;
    chart_sources_free(&cs);
    b->height = y;
    return true;

fail:
    chart_sources_free(&cs);
    return false;
}
