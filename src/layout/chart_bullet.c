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
    double status_w = 40;
    double x0 = st->bullet_label_w + st->bullet_gap, x1 = width - status_w - st->bullet_gap;
    for (size_t i = 0; i < blk->n_items; i++) {
        const sheet_item *it = &blk->items[i];
        const sheet_indicator *ind = &s->indicators[it->indicator];
        const target *tg = targets_find(ctx->targets, ind->id);
        if (!tg || !units_comparable(tg->unit, ind->unit)) {
            sheet_report(s, ctx->dl, DIAG_ERROR, it->path,
                         tg ? _("the target for \"%s\" is in \"%s\", the figure in \"%s\"; "
                                "expected comparable units")
                            : _("no target for indicator \"%s\" in %s/%.0s"),
                         ind->id, tg ? tg->unit : (ctx->targets && ctx->targets->dir
                                                       ? ctx->targets->dir : "targets"),
                         ind->unit ? ind->unit : "");
            ctx->failed = true;
            goto fail;
        }
        chart_sources_add_file(&cs, s, ind->source_file);
        if (!strstr(sb_str(&docs), tg->document))
            sb_printf(&docs, "%s%s", n_docs++ ? "、" : "", tg->document);
        double tv = units_convert(tg->value, tg->unit, ind->unit);
        scale sc = scale_nice(0, fmax(ind->value, tv) * 1.08, 4, 1);
        int status = chart_target_status(ind, tg);

        text *lt = layout_text(ctx, it->label, &st->bullet_label, st->bullet_label_w, it->path,
                               "label");
        if (!lt)
            goto fail;
        strbuf mark_s = {0};
        text *mt = sb_printf(&mark_s, "%d%s%s%s%s", tg->year, "年目标",
                             tg->better == BETTER_LOWER ? "≤" : "≥", tg->literal, tg->unit)
                       ? layout_text(ctx, sb_str(&mark_s), &st->bullet_mark, 0, NULL, NULL)
                       : NULL;
        sb_free(&mark_s);
        if (!mt) {
            if (!ctx->failed)
                sheet_report(s, ctx->dl, DIAG_ERROR, it->path, "%s", _("out of memory"));
            ctx->failed = true;
            text_free(lt);
            goto fail;
        }
        double mh = text_height(mt);
        double track_y = y + mh + 2;
        double cy = track_y + st->bullet_track_h / 2;
        double row_h = fmax(mh + 2 + st->bullet_track_h, text_height(lt));
        double vx = scale_map(&sc, ind->value, x0, x1), tx = scale_map(&sc, tv, x0, x1);
        double mw = text_width(mt);
        double mx = fmin(fmax(tx - mw / 2, x0), x1 - mw);
        mark bar = {.kind = MARK_RECT, .x = x0, .y = cy - st->bullet_bar_h / 2, .w = vx - x0,
                    .h = st->bullet_bar_h};
        bar.paint = chart_series_paint(st, 0);
        if (!page_add_text(&b->marks, lt, 0, cy - text_height(lt) / 2, st->ink) ||
            !page_add_rect(&b->marks, x0, track_y, x1 - x0, st->bullet_track_h, st->track) ||
            !page_add_mark(&b->marks, &bar) ||
            !page_add_line(&b->marks, tx, track_y - 1, tx, track_y + st->bullet_track_h + 1,
                           st->target, 2.0) ||
            !page_add_text(&b->marks, mt, mx, y, st->muted))
            goto fail;
        /* The figure: right of the bar end, or inside the bar when the tick is in the way. */
        strbuf fig = {0};
        text *vt = numfmt_with_unit(ind->literal, ind->unit, ind->qualifier, &fig)
                       ? layout_text(ctx, sb_str(&fig), &st->value_label, 0, ind->path, "value")
                       : NULL;
        sb_free(&fig);
        if (!vt) {
            if (!ctx->failed)
                layout_figure_failed(ctx, ind);
            goto fail;
        }
        double vw = text_width(vt);
        double fx = vx + 3;
        rgb fc = st->ink;
        if (fx < tx + 4 && fx + vw > tx - 4) {
            fx = vx - 3 - vw; /* inside the bar, in white (black on the official grays) */
            fc = st->on_bar_ink;
            if (fx + vw > tx - 4 && fx < tx + 4) /* the tick is inside the bar's end */
                fx = tx - 4 - vw;
        }
        if (fx + vw > x1) {
            fx = vx - 3 - vw;
            fc = st->on_bar_ink;
        }
        if (fx < x0) {
            fx = fmax(vx, tx) + 4;
            fc = st->ink;
        }
        if (!page_add_text(&b->marks, vt, fx, cy - text_height(vt) / 2, fc))
            goto fail;
        double sh;
        static const char *const words[] = {"未实现", "接近目标", "已实现"};
        if (!box_text(ctx, b, words[status], &st->bullet_mark,
                      x1 + st->bullet_gap, cy - st->bullet_mark.size * 0.7, 0,
                      status == 2 ? st->good : status == 1 ? st->muted : st->bad, NULL, NULL, &sh))
            goto fail;
        y += row_h + st->bullet_gap;
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
