/* chart_hbar: horizontal bars for long category names: the names on the
 * left, wrapped (never cut), each bar from zero with its figure at its end;
 * in the given order or largest first. */
#include <math.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "box.h"
#include "layout/scale.h"

enum { HBAR_MAX = 40 };

bool chart_hbar_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    size_t n = blk->n_items;
    if (n > HBAR_MAX) {
        sheet_report(s, ctx->dl, DIAG_ERROR, blk->path,
                     _("a bar chart of %zu bars is unreadable; at most %d are allowed"), n,
                     (int)HBAR_MAX);
        ctx->failed = true;
        return false;
    }
    size_t order[HBAR_MAX];
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    if (blk->sort_by_value) /* largest first; stable for equal figures */
        for (size_t i = 1; i < n; i++)
            for (size_t k = i; k > 0; k--) {
                double a = s->indicators[blk->items[order[k - 1]].indicator].value;
                double c = s->indicators[blk->items[order[k]].indicator].value;
                if (a >= c)
                    break;
                size_t t = order[k];
                order[k] = order[k - 1];
                order[k - 1] = t;
            }

    double y = 0;
    if (!chart_header(ctx, blk, blk->unit, width, b, &y))
        return false;
    double vmin = 0, vmax = 0;
    for (size_t i = 0; i < n; i++) {
        double v = s->indicators[blk->items[i].indicator].value;
        vmin = fmin(vmin, v);
        vmax = fmax(vmax, v);
    }
    scale sc = scale_nice(vmin, vmax, st->chart_target_ticks, 1);

    text *values[HBAR_MAX] = {0};
    double value_w = 0;
    for (size_t i = 0; i < n; i++) {
        const sheet_indicator *ind = &s->indicators[blk->items[i].indicator];
        strbuf label = {0};
        values[i] = chart_figure(ctx, ind, &label)
                        ? layout_text(ctx, sb_str(&label), &st->value_label, 0, ind->path, "value")
                        : NULL;
        sb_free(&label);
        if (!values[i])
            goto fail;
        value_w = fmax(value_w, text_width(values[i]));
    }
    double label_w = st->hbar_label_w;
    double x0 = label_w + st->chart_axis_gap * 2;
    double room = value_w + st->chart_value_gap * 2;
    /* Negative bars grow to the left of zero, and their figures go left too. */
    double plot_l = x0 + (vmin < 0 ? room : 0), plot_r = width - room;
    double zero_x = scale_map(&sc, 0, plot_l, plot_r);
    double row_y = y;
    for (size_t r = 0; r < n; r++) {
        size_t i = order[r];
        const sheet_indicator *ind = &s->indicators[blk->items[i].indicator];
        text_style ls = st->category_label;
        ls.align = ALIGN_RIGHT;
        text *lt = layout_text(ctx, blk->items[i].label, &ls, label_w,
                               blk->items[i].path, "label");
        if (!lt)
            goto fail;
        double lh = text_height(lt);
        double row_h = fmax(lh, st->hbar_bar_h);
        double cy = row_y + row_h / 2;
        double vx = scale_map(&sc, ind->value, plot_l, plot_r);
        mark m = {.kind = MARK_RECT, .x = fmin(vx, zero_x), .y = cy - st->hbar_bar_h / 2,
                  .w = fabs(vx - zero_x), .h = st->hbar_bar_h};
        m.paint = (mark_paint){.fill = st->bar, .filled = true};
        text *vt = values[i];
        values[i] = NULL;
        double tx = ind->value >= 0 ? vx + st->chart_value_gap
                                    : vx - st->chart_value_gap - text_width(vt);
        /* Right-aligned names sit close to their bars. */
        if (!page_add_text(&b->marks, lt, 0, cy - lh / 2, st->ink) ||
            !page_add_mark(&b->marks, &m) ||
            !page_add_text(&b->marks, vt, tx, cy - text_height(vt) / 2, st->ink))
            goto fail;
        row_y += row_h + st->hbar_row_gap;
    }
    if (!page_add_line(&b->marks, zero_x, y - 2, zero_x, row_y - st->hbar_row_gap + 2, st->axis,
                       st->chart_axis_w))
        goto fail;
    y = row_y - st->hbar_row_gap;
    chart_sources cs = {0};
    for (size_t i = 0; i < n; i++)
        chart_sources_add_file(&cs, s, s->indicators[blk->items[i].indicator].source_file);
    bool noted = chart_note(ctx, blk, &cs, NULL, width, b, &y);
    chart_sources_free(&cs);
    if (!noted)
        return false;
    b->height = y;
    return true;

fail:
    for (size_t i = 0; i < n; i++)
        text_free(values[i]);
    return false;
}
