/* chart_bar: vertical bar charts: one series, or several grouped with a
 * legend. The value axis starts at zero with nice 1-2-5 ticks; each bar
 * carries its figure (above a positive bar, below a negative one); category
 * labels wrap under their bars, never overlapping.
 *
 * When figures are wider than their bars, they are set smaller, then
 * staggered on two heights; nothing is hidden. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "box.h"
#include "layout/scale.h"

enum { BAR_MAX = 96 };

typedef struct bar_grid {
    size_t n_cat, n_ser;
    const sheet_item *item[BAR_MAX]; /* [cat * n_ser + ser] */
    const char *cat_label[BAR_MAX];
    const char *ser_name[BAR_MAX];
} bar_grid;

static bool grid_from_block(layout_ctx *ctx, const sheet_block *blk, bar_grid *g)
{
    if (blk->series) {
        g->n_cat = blk->n_categories;
        g->n_ser = blk->n_series;
    } else {
        g->n_cat = blk->n_items;
        g->n_ser = 1;
    }
    if (g->n_cat * g->n_ser > BAR_MAX || g->n_cat == 0) {
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, blk->path,
                     _("a bar chart of %zu bars is unreadable; at most %d are allowed"),
                     g->n_cat * g->n_ser, (int)BAR_MAX);
        ctx->failed = true;
        return false;
    }
    for (size_t c = 0; c < g->n_cat; c++) {
        if (blk->series) {
            g->cat_label[c] = blk->categories[c];
            for (size_t s = 0; s < g->n_ser; s++)
                g->item[c * g->n_ser + s] = &blk->series[s].items[c];
        } else {
            g->cat_label[c] = blk->items[c].label;
            g->item[c] = &blk->items[c];
        }
    }
    for (size_t s = 0; s < g->n_ser; s++)
        g->ser_name[s] = blk->series ? blk->series[s].name : NULL;
    return true;
}

/* The plot's bands: a category's band, its group of bars, a bar's slot. */
typedef struct bar_plot {
    scale sc;
    double plot_x, band, group_w, slot, bar_w;
    double vmin;
    double top, bottom;
} bar_plot;

/* The value scale from zero and the bands across the width. */
static bool bar_scale(layout_ctx *ctx, const sheet_block *blk, const bar_grid *g, double width,
                      bar_plot *p)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    double vmin = 0, vmax = 0;
    for (size_t i = 0; i < g->n_cat * g->n_ser; i++) {
        double v = s->indicators[g->item[i]->indicator].value;
        vmin = fmin(vmin, v);
        vmax = fmax(vmax, v);
    }
    p->vmin = vmin;
    p->sc = scale_nice(vmin, vmax, st->chart_target_ticks, 1);
    double tick_w = chart_tick_width(ctx, blk, &p->sc);
    if (tick_w < 0)
        return false;
    p->plot_x = tick_w + st->chart_axis_gap + st->chart_tick_len;
    double plot_w = width - p->plot_x;
    p->band = plot_w / (double)g->n_cat;
    p->group_w = g->n_ser > 1 ? p->band * st->bar_group_share : p->band;
    p->slot = p->group_w / (double)g->n_ser;
    p->bar_w = fmin(p->slot * (g->n_ser > 1 ? st->bar_grouped_ratio : st->chart_bar_ratio),
                    st->chart_bar_max_w);
    return true;
}

/* The figures: full size if they fit their slot, else smaller, else
 * staggered on two heights (*stagger); their tallest in *value_h. */
static bool bar_figures(layout_ctx *ctx, const sheet_block *blk, const bar_grid *g, double slot,
                        text **values, bool *stagger, double *value_h)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    size_t n = g->n_cat * g->n_ser;
    text_style vs = st->value_label;
    for (int attempt = 0; attempt < 2; attempt++) {
        double widest = 0;
        for (size_t i = 0; i < n; i++) {
            const sheet_indicator *ind = &s->indicators[g->item[i]->indicator];
            strbuf label = {0};
            text_free(values[i]);
            values[i] = chart_figure(ctx, ind, &label)
                            ? layout_text(ctx, sb_str(&label), &vs, 0, ind->path, "value")
                            : NULL;
            sb_free(&label);
            if (!values[i])
                return false;
            widest = fmax(widest, text_width(values[i]));
            *value_h = fmax(*value_h, text_height(values[i]));
        }
        if (widest <= slot - st->bar_figure_clear)
            break;
        if (attempt == 0) {
            vs.size = fmax(vs.size * st->bar_figure_shrink, st->text_min);
            continue;
        }
        *stagger = widest > slot - st->bar_figure_clear;
    }
    for (size_t i = 0; i < n && *stagger; i++)
        if (text_width(values[i]) > 2 * (slot - st->bar_figure_clear)) {
            /* Even two heights cannot keep them apart: too many bars for the width. */
            sheet_report(s, ctx->dl, DIAG_ERROR, blk->path,
                         _("%zu bars do not leave room for their figures; split the chart"), n);
            ctx->failed = true;
            return false;
        }
    return true;
}

/* The bars, each with its figure (handed over from values), and the zero line. */
static bool draw_bars(layout_ctx *ctx, const bar_grid *g, const bar_plot *p, text **values,
                      bool stagger, double value_h, double width, box *b)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    double zero_y = scale_map(&p->sc, 0, p->bottom, p->top);
    for (size_t c = 0; c < g->n_cat; c++) {
        double group_x = p->plot_x + p->band * (double)c + (p->band - p->group_w) / 2;
        for (size_t k = 0; k < g->n_ser; k++) {
            size_t i = c * g->n_ser + k;
            double v = s->indicators[g->item[i]->indicator].value;
            double cx = group_x + p->slot * ((double)k + 0.5);
            double vy = scale_map(&p->sc, v, p->bottom, p->top);
            mark m = {.kind = MARK_RECT,
                      .x = cx - p->bar_w / 2,
                      .y = fmin(vy, zero_y),
                      .w = p->bar_w,
                      .h = fabs(zero_y - vy)};
            m.paint = g->n_ser > 1 ? chart_series_paint(st, k)
                                   : (mark_paint){.fill = st->bar, .filled = true};
            if (!page_add_mark(&b->marks, &m))
                return false;
            text *vt = values[i];
            values[i] = NULL;
            double lift = stagger && i % 2 ? value_h : 0;
            double ly = v >= 0 ? vy - st->chart_value_gap - text_height(vt) - lift
                               : vy + st->chart_value_gap + lift;
            if (!page_add_text(&b->marks, vt, cx - text_width(vt) / 2, ly, st->ink))
                return false;
        }
    }
    return page_add_line(&b->marks, p->plot_x, zero_y, width, zero_y, st->axis, st->chart_axis_w);
}

/* Category labels, wrapped to their band, from cat_y; their tallest in *cat_h. */
static bool category_labels(layout_ctx *ctx, const sheet_block *blk, const bar_grid *g,
                            const bar_plot *p, double cat_y, box *b, double *cat_h)
{
    const style *st = ctx->st;
    *cat_h = 0;
    for (size_t c = 0; c < g->n_cat; c++) {
        const char *path = blk->series ? blk->path : g->item[c]->path;
        double h;
        if (!box_text(ctx, b, g->cat_label[c], &st->category_label,
                      p->plot_x + p->band * (double)c + st->bar_label_inset, cat_y,
                      p->band - 2 * st->bar_label_inset, st->ink, path,
                      blk->series ? "categories" : "label", &h))
            return false;
        *cat_h = fmax(*cat_h, h);
    }
    return true;
}

bool chart_bar_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    bar_grid g = {0};
    if (!grid_from_block(ctx, blk, &g))
        return false;
    size_t n = g.n_cat * g.n_ser;
    double y = 0;
    if (!chart_header(ctx, blk, blk->unit, width, b, &y))
        return false;
    if (g.n_ser > 1 && !chart_legend(ctx, blk, g.ser_name, g.n_ser, false, width, b, &y))
        return false;
    bar_plot p;
    if (!bar_scale(ctx, blk, &g, width, &p))
        return false;

    text *values[BAR_MAX] = {0};
    bool stagger = false;
    double value_h = 0;
    if (!bar_figures(ctx, blk, &g, p.slot, values, &stagger, &value_h))
        goto fail;
    double headroom = value_h * (stagger ? 2 : 1) + st->chart_value_gap;
    p.top = y + headroom;
    p.bottom = p.top + st->chart_plot_h;
    double below = p.vmin < 0 ? headroom : 0; /* figures under negative bars */
    if (!chart_value_axis(ctx, blk, &p.sc, p.plot_x, width, p.top, p.bottom, b) ||
        !draw_bars(ctx, &g, &p, values, stagger, value_h, width, b))
        goto fail;

    double cat_h, cat_y = p.bottom + below + st->chart_label_gap;
    if (!category_labels(ctx, blk, &g, &p, cat_y, b, &cat_h))
        goto fail;
    y = cat_y + cat_h;

    chart_sources cs = {0};
    for (size_t i = 0; i < n; i++)
        chart_sources_add_file(&cs, s, s->indicators[g.item[i]->indicator].source_file);
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
