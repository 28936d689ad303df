/* chart_hbar: horizontal bars for long category names: the names on the
 * left, wrapped (never cut), each bar from zero with its figure at its end;
 * in the given order or largest first. */
#include <math.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "box.h"
#include "layout/scale.h"

enum { HBAR_MAX = 40 };

/* The rows' order: as given, or largest first (stable for equal figures). */
static void hbar_order(const sheet *s, const sheet_block *blk, size_t *order)
{
    size_t n = blk->n_items;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    if (!blk->sort_by_value)
        return;
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
}

/* Every bar's figure, the widest's width in *value_w. */
static bool hbar_figures(layout_ctx *ctx, const sheet_block *blk, text **values, double *value_w)
{
    const sheet *s = ctx->s;
    *value_w = 0;
    for (size_t i = 0; i < blk->n_items; i++) {
        const sheet_indicator *ind = &s->indicators[blk->items[i].indicator];
        strbuf label = {0};
        values[i] =
            chart_figure(ctx, ind, &label)
                ? layout_text(ctx, sb_str(&label), &ctx->st->value_label, 0, ind->path, "value")
                : NULL;
        sb_free(&label);
        if (!values[i])
            return false;
        *value_w = fmax(*value_w, text_width(values[i]));
    }
    return true;
}

/* The plot between plot_l and plot_r, zero at zero_x. */
typedef struct hbar_plot {
    scale sc;
    double plot_l, plot_r, zero_x;
} hbar_plot;

/* Item i's row at *row_y: its name at the left, its bar and its figure (taken
 * from *vt); *row_y moves below it. */
static bool hbar_row(layout_ctx *ctx, const sheet_item *item, const hbar_plot *p, text **vt, box *b,
                     double *row_y)
{
    const style *st = ctx->st;
    const sheet_indicator *ind = &ctx->s->indicators[item->indicator];
    text_style ls = st->category_label;
    ls.align = ALIGN_RIGHT;
    text *lt = layout_text(ctx, item->label, &ls, st->hbar_label_w, item->path, "label");
    if (!lt)
        return false;
    double lh = text_height(lt);
    double row_h = fmax(lh, st->hbar_bar_h);
    double cy = *row_y + row_h / 2;
    double vx = scale_map(&p->sc, ind->value, p->plot_l, p->plot_r);
    mark m = {.kind = MARK_RECT,
              .x = fmin(vx, p->zero_x),
              .y = cy - st->hbar_bar_h / 2,
              .w = fabs(vx - p->zero_x),
              .h = st->hbar_bar_h};
    m.paint = (mark_paint){.fill = st->bar, .filled = true};
    text *t = *vt;
    *vt = NULL;
    double tx =
        ind->value >= 0 ? vx + st->chart_value_gap : vx - st->chart_value_gap - text_width(t);
    /* Right-aligned names sit close to their bars. */
    if (!page_add_text(&b->marks, lt, 0, cy - lh / 2, st->ink) || !page_add_mark(&b->marks, &m) ||
        !page_add_text(&b->marks, t, tx, cy - text_height(t) / 2, st->ink))
        return false;
    *row_y += row_h + st->hbar_row_gap;
    return true;
}

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
    hbar_order(s, blk, order);

    double y = 0;
    if (!chart_header(ctx, blk, blk->unit, width, b, &y))
        return false;
    double vmin = 0, vmax = 0;
    for (size_t i = 0; i < n; i++) {
        double v = s->indicators[blk->items[i].indicator].value;
        vmin = fmin(vmin, v);
        vmax = fmax(vmax, v);
    }
    hbar_plot p = {.sc = scale_nice(vmin, vmax, st->chart_target_ticks, 1)};

    text *values[HBAR_MAX] = {0};
    double value_w;
    if (!hbar_figures(ctx, blk, values, &value_w))
        goto fail;
    double x0 = st->hbar_label_w + st->chart_axis_gap * 2;
    double room = value_w + st->chart_value_gap * 2;
    /* Negative bars grow to the left of zero, and their figures go left too. */
    p.plot_l = x0 + (vmin < 0 ? room : 0);
    p.plot_r = width - room;
    p.zero_x = scale_map(&p.sc, 0, p.plot_l, p.plot_r);
    double row_y = y;
    for (size_t r = 0; r < n; r++)
        if (!hbar_row(ctx, &blk->items[order[r]], &p, &values[order[r]], b, &row_y))
            goto fail;
    if (!page_add_line(&b->marks, p.zero_x, y - st->hbar_axis_over, p.zero_x,
                       row_y - st->hbar_row_gap + st->hbar_axis_over, st->axis, st->chart_axis_w))
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
