/* chart_bar: a vertical bar chart block: title, the unit stated once, a
 * value axis with nice 1-2-5 ticks that starts at zero, light gridlines, the
 * figure on each bar, and category labels wrapped under their bars.
 *
 * Geometry comes from layout/scale (pure); this file only arranges marks. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "box.h"
#include "layout/scale.h"
#include "model/numfmt.h"

enum { BAR_MAX = 64 };

bool chart_bar_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    size_t n = blk->n_items;
    if (n > BAR_MAX) {
        sheet_report(s, ctx->dl, DIAG_ERROR, blk->path,
                     _("a bar chart of %zu bars is unreadable; at most %d are allowed"), n,
                     (int)BAR_MAX);
        ctx->failed = true;
        return false;
    }
    double y = 0, h;
    text *title = layout_text(ctx, blk->title, &st->chart_title, width, blk->path, "title");
    if (!title)
        return false;
    h = text_height(title);
    if (!page_add_text(&b->marks, title, 0, y, st->ink))
        return false;
    y += h + st->chart_title_gap;
    if (blk->unit && blk->unit[0]) {
        char unit[128];
        snprintf(unit, sizeof unit, _("单位：%s"), blk->unit);
        text *u = layout_text(ctx, unit, &st->chart_unit, 0, blk->path, "unit");
        if (!u)
            return false;
        h = text_height(u);
        if (!page_add_text(&b->marks, u, 0, y, st->muted))
            return false;
        y += h;
    }
    y += st->chart_title_gap;

    /* The value axis. */
    double vmin = 0, vmax = 0;
    for (size_t i = 0; i < n; i++) {
        double v = s->indicators[blk->items[i].indicator].value;
        vmin = i == 0 || v < vmin ? v : vmin;
        vmax = i == 0 || v > vmax ? v : vmax;
    }
    scale sc = scale_nice(vmin, vmax, st->chart_target_ticks, 1);
    text *ticks[SCALE_MAX_TICKS] = {0};
    double tick_w = 0;
    for (int i = 0; i < sc.n_ticks; i++) {
        char num[NUMFMT_MAX];
        numfmt_axis(scale_tick(&sc, i), sc.decimals, num, sizeof num);
        ticks[i] = layout_text(ctx, num, &st->axis_label, 0, blk->path, NULL);
        if (!ticks[i]) {
            for (int k = 0; k < i; k++)
                text_free(ticks[k]);
            return false;
        }
        if (text_width(ticks[i]) > tick_w)
            tick_w = text_width(ticks[i]);
    }

    double plot_x = tick_w + st->chart_axis_gap + st->chart_tick_len;
    double plot_w = width - plot_x;
    double band = plot_w / (double)n;
    double bar_w = fmin(band * st->chart_bar_ratio, st->chart_bar_max_w);

    /* Value labels first: the tallest decides the headroom above the plot. */
    text *values[BAR_MAX] = {0};
    double value_h = 0;
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const sheet_indicator *ind = &s->indicators[blk->items[i].indicator];
        numfmt_parts np;
        numfmt_figure(ind->literal, ind->unit, ind->qualifier, &np);
        char label[3 * NUMFMT_MAX];
        snprintf(label, sizeof label, "%s%s%s", np.before, np.number, np.after);
        values[i] = layout_text(ctx, label, &st->value_label, 0, ind->path, "value");
        ok = values[i] != NULL;
        if (ok && text_height(values[i]) > value_h)
            value_h = text_height(values[i]);
    }
    text *cats[BAR_MAX] = {0};
    double cat_h = 0;
    for (size_t i = 0; i < n && ok; i++) {
        const sheet_indicator *ind = &s->indicators[blk->items[i].indicator];
        cats[i] = layout_text(ctx, blk->items[i].label, &st->category_label, band - 4, ind->path,
                              "label");
        ok = cats[i] != NULL;
        if (ok && text_height(cats[i]) > cat_h)
            cat_h = text_height(cats[i]);
    }
    if (!ok) {
        for (int i = 0; i < sc.n_ticks; i++)
            text_free(ticks[i]);
        for (size_t i = 0; i < n; i++) {
            text_free(values[i]);
            text_free(cats[i]);
        }
        return false;
    }

    double top = y + value_h + st->chart_value_gap;
    double bottom = top + st->chart_plot_h;
    /* Gridlines and tick labels; the zero line is the axis, drawn last. */
    for (int i = 0; i < sc.n_ticks; i++) {
        double ty = scale_map(&sc, scale_tick(&sc, i), bottom, top);
        text *t = ticks[i];
        ticks[i] = NULL;
        if (ok)
            ok = page_add_line(&b->marks, plot_x, ty, width, ty, st->grid, st->chart_grid_w) &&
                 page_add_line(&b->marks, plot_x - st->chart_tick_len, ty, plot_x, ty, st->axis,
                               st->chart_grid_w);
        if (ok)
            ok = page_add_text(&b->marks, t, plot_x - st->chart_tick_len - st->chart_axis_gap -
                                                 text_width(t),
                               ty - text_height(t) / 2, st->muted);
        else
            text_free(t);
    }
    double zero_y = scale_map(&sc, 0, bottom, top);
    for (size_t i = 0; i < n; i++) {
        double v = s->indicators[blk->items[i].indicator].value;
        double cx = plot_x + band * ((double)i + 0.5);
        double vy = scale_map(&sc, v, bottom, top);
        double bar_top = fmin(vy, zero_y), bar_h = fabs(zero_y - vy);
        text *vt = values[i], *ct = cats[i];
        values[i] = cats[i] = NULL;
        if (ok)
            ok = page_add_rect(&b->marks, cx - bar_w / 2, bar_top, bar_w, bar_h, st->bar);
        /* The figure sits above a positive bar and below a negative one. */
        double ly = v >= 0 ? vy - st->chart_value_gap - text_height(vt)
                           : vy + st->chart_value_gap;
        if (ok)
            ok = page_add_text(&b->marks, vt, cx - text_width(vt) / 2, ly, st->ink);
        else
            text_free(vt);
        if (ok)
            ok = page_add_text(&b->marks, ct, cx - (band - 4) / 2, bottom + st->chart_label_gap,
                               st->ink);
        else
            text_free(ct);
    }
    if (ok)
        ok = page_add_line(&b->marks, plot_x, zero_y, width, zero_y, st->axis, st->chart_axis_w);
    if (!ok)
        return false;
    y = bottom + st->chart_label_gap + cat_h;
    if (blk->text) {
        text *note = layout_text(ctx, blk->text, &st->chart_note, width, blk->path, "note");
        if (!note)
            return false;
        y += st->chart_note_gap;
        h = text_height(note);
        if (!page_add_text(&b->marks, note, 0, y, st->muted))
            return false;
        y += h;
    }
    b->height = y;
    return true;
}
