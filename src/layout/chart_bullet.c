/* chart_bullet: progress against a target, one row per indicator: the name,
 * a gray track, the figure as a bar, the target as a tick labelled with its
 * year and direction (≥ for higher-is-better, ≤ for lower-is-better), and
 * "已实现" where the figure meets it. Targets are data (data/targets/), kept
 * with the document that sets them, named in the chart's note. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "box.h"
#include "layout/scale.h"
#include "model/units.h"

/* A row's track between x0 and x1, on the row's centre line cy. */
typedef struct bullet_track {
    double x0, x1, cy;
} bullet_track;

/* The figure, right of the bar's end at vx, or inside the bar when the
 * target's tick at tx is in the way. */
static bool bullet_figure(layout_ctx *ctx, const sheet_indicator *ind, const bullet_track *tr,
                          double vx, double tx, box *b)
{
    const style *st = ctx->st;
    strbuf fig = {0};
    text *vt = numfmt_with_unit(ind->literal, ind->unit, ind->qualifier, &fig)
                   ? layout_text(ctx, sb_str(&fig), &st->value_label, 0, ind->path, "value")
                   : NULL;
    sb_free(&fig);
    if (!vt) {
        if (!ctx->failed)
            layout_figure_failed(ctx, ind);
        return false;
    }
    double vw = text_width(vt), gap = st->bullet_figure_gap, clear = st->bullet_tick_clear;
    double fx = vx + gap;
    rgb fc = st->ink;
    if (fx < tx + clear && fx + vw > tx - clear) {
        fx = vx - gap - vw; /* inside the bar, in white (black on the official grays) */
        fc = st->on_bar_ink;
        if (fx + vw > tx - clear && fx < tx + clear) /* the tick is inside the bar's end */
            fx = tx - clear - vw;
    }
    if (fx + vw > tr->x1) {
        fx = vx - gap - vw;
        fc = st->on_bar_ink;
    }
    if (fx < tr->x0) {
        fx = fmax(vx, tx) + clear;
        fc = st->ink;
    }
    return page_add_text(&b->marks, vt, fx, tr->cy - text_height(vt) / 2, fc);
}

/* The target's mark above the track: "2025年目标≥80%". */
static text *target_mark(layout_ctx *ctx, const sheet_item *it, const target *tg)
{
    strbuf mark_s = {0};
    text *mt = sb_printf(&mark_s, "%d%s%s%s%s", tg->year, "年目标",
                         tg->better == BETTER_LOWER ? "≤" : "≥", tg->literal, tg->unit)
                   ? layout_text(ctx, sb_str(&mark_s), &ctx->st->bullet_mark, 0, NULL, NULL)
                   : NULL;
    sb_free(&mark_s);
    if (!mt && !ctx->failed)
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, it->path, "%s", _("out of memory"));
    if (!mt)
        ctx->failed = true;
    return mt;
}

/* One indicator's row at *y against its target tg; *y moves below it. */
static bool bullet_row(layout_ctx *ctx, const sheet_item *it, const target *tg, double x0,
                       double x1, box *b, double *y)
{
    const style *st = ctx->st;
    const sheet_indicator *ind = &ctx->s->indicators[it->indicator];
    double tv = units_convert(tg->value, tg->unit, ind->unit);
    scale sc = scale_nice(0, fmax(ind->value, tv) * st->bullet_headroom, st->bullet_ticks, 1);
    int status = chart_target_status(ind, tg);

    text *lt =
        layout_text(ctx, it->label, &st->bullet_label, st->bullet_label_w, it->path, "label");
    if (!lt)
        return false;
    text *mt = target_mark(ctx, it, tg);
    if (!mt) {
        text_free(lt);
        return false;
    }
    double mh = text_height(mt);
    double track_y = *y + mh + st->bullet_mark_gap;
    bullet_track tr = {x0, x1, track_y + st->bullet_track_h / 2};
    double row_h = fmax(mh + st->bullet_mark_gap + st->bullet_track_h, text_height(lt));
    double vx = scale_map(&sc, ind->value, x0, x1), tx = scale_map(&sc, tv, x0, x1);
    double mw = text_width(mt);
    double mx = fmin(fmax(tx - mw / 2, x0), x1 - mw);
    mark bar = {.kind = MARK_RECT,
                .x = x0,
                .y = tr.cy - st->bullet_bar_h / 2,
                .w = vx - x0,
                .h = st->bullet_bar_h};
    bar.paint = chart_series_paint(st, 0);
    mark track = {.kind = MARK_RECT, .x = x0, .y = track_y, .w = x1 - x0, .h = st->bullet_track_h};
    track.paint = (mark_paint){.fill = st->track,
                               .filled = true,
                               .stroke = st->track_edge,
                               .stroked = st->track_edge_w > 0,
                               .line_width = st->track_edge_w};
    if (!page_add_text(&b->marks, lt, 0, tr.cy - text_height(lt) / 2, st->ink) ||
        !page_add_mark(&b->marks, &track) || !page_add_mark(&b->marks, &bar) ||
        !page_add_line(&b->marks, tx, track_y - st->bullet_tick_over, tx,
                       track_y + st->bullet_track_h + st->bullet_tick_over, st->target,
                       st->bullet_tick_w) ||
        !page_add_text(&b->marks, mt, mx, *y, st->muted))
        return false;
    if (!bullet_figure(ctx, ind, &tr, vx, tx, b))
        return false;
    double sh;
    static const char *const words[] = {"未实现", "接近目标", "已实现"};
    if (!box_text(ctx, b, words[status], &st->bullet_mark, x1 + st->bullet_gap,
                  tr.cy - st->bullet_mark.size * st->bullet_status_rise, 0,
                  status == 2   ? st->good
                  : status == 1 ? st->muted
                                : st->bad,
                  NULL, NULL, &sh))
        return false;
    *y += row_h + st->bullet_gap;
    return true;
}

/* The target of an item, reported when there is none in a comparable unit. */
static const target *item_target(layout_ctx *ctx, const sheet_item *it)
{
    const sheet_indicator *ind = &ctx->s->indicators[it->indicator];
    const target *tg = targets_find(ctx->targets, ind->id);
    if (tg && units_comparable(tg->unit, ind->unit))
        return tg;
    sheet_report(ctx->s, ctx->dl, DIAG_ERROR, it->path,
                 tg ? _("the target for \"%s\" is in \"%s\", the figure in \"%s\"; "
                        "expected comparable units")
                    : _("no target for indicator \"%s\" in %s/%.0s"),
                 ind->id,
                 tg ? tg->unit
                    : (ctx->targets && ctx->targets->dir ? ctx->targets->dir : "targets"),
                 ind->unit ? ind->unit : "");
    ctx->failed = true;
    return NULL;
}

bool chart_bullet_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    double y = 0;
    if (!chart_header(ctx, blk, NULL, width, b, &y))
        return false;
    chart_sources cs = {0};
    strbuf docs = {0};
    sb_printf(&docs, "%s", "目标：");
    size_t n_docs = 0;
    double x0 = st->bullet_label_w + st->bullet_gap;
    double x1 = width - st->bullet_status_w - st->bullet_gap;
    for (size_t i = 0; i < blk->n_items; i++) {
        const sheet_item *it = &blk->items[i];
        const target *tg = item_target(ctx, it);
        if (!tg)
            goto fail;
        chart_sources_add_file(&cs, s, s->indicators[it->indicator].source_file);
        if (!strstr(sb_str(&docs), tg->document))
            sb_printf(&docs, "%s%s", n_docs++ ? "、" : "", tg->document);
        if (!bullet_row(ctx, it, tg, x0, x1, b, &y))
            goto fail;
    }
    y -= st->bullet_gap;
    if (docs.failed || !chart_note(ctx, blk, &cs, sb_str(&docs), width, b, &y))
        goto fail;
    sb_free(&docs);
    chart_sources_free(&cs);
    b->height = y;
    return true;

fail:
    sb_free(&docs);
    chart_sources_free(&cs);
    return false;
}
