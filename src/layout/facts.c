/* facts: ranks and honours as statements, one a line, each after a small
 * square in the accent colour: "全国433个市级行政区医改监测评价中第4，A+等次",
 * "获评全国基层中医药工作示范市". A rank is never a bare number. The
 * official style has no ornaments: each statement is a paragraph of the
 * body numbered 1． 2． … (GB/T 9704's third level, with the full-width stop
 * so that a statement opening with a figure reads right). */
#include "base/i18n.h"
#include "base/strbuf.h"
#include "box.h"
#include "model/meaning.h"

/* The statement of item it into out. */
static bool fact_text(const layout_ctx *ctx, const sheet_item *it, strbuf *out)
{
    if (it->honour != (size_t)SHEET_NONE)
        return sb_printf(out, "%s", ctx->s->honours[it->honour].text);
    const sheet_indicator *ind = &ctx->s->indicators[it->indicator];
    if (ind->missing)
        return sb_printf(out, "%s：待填", it->label);
    return meaning_rank(ind, out);
}

bool facts_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    const style *st = ctx->st;
    double y = 0, h;
    if (blk->title && blk->title[0]) {
        if (!box_text(ctx, b, blk->title, &st->chart_title, 0, 0, width, st->ink, blk->path,
                      "title", &h))
            return false;
        y = h + st->chart_title_gap;
    }
    double indent = st->official ? 0 : st->fact_marker + st->fact_marker_gap;
    int number = 0;
    for (size_t i = 0; i < blk->n_items; i++) {
        const sheet_item *it = &blk->items[i];
        if (it->indicator == (size_t)SHEET_NONE && it->honour == (size_t)SHEET_NONE)
            continue;
        strbuf line = {0};
        if (st->official) /* the full-width stop: "4．2个…" never reads as 4.2 */
            sb_printf(&line, "%d．", ++number);
        if (line.failed || !fact_text(ctx, it, &line)) {
            sb_free(&line);
            sheet_report(ctx->s, ctx->dl, DIAG_ERROR, it->path, "%s", _("out of memory"));
            ctx->failed = true;
            return false;
        }
        text *t = layout_text(ctx, sb_str(&line), st->official ? &st->body : &st->fact,
                              width - indent, it->path, "text");
        sb_free(&line);
        if (!t)
            return false;
        /* The square sits on the first line's middle. */
        double top, bottom;
        text_line_span(t, 0, &top, &bottom);
        double my = y + (top + bottom) / 2 - st->fact_marker / 2;
        h = text_height(t);
        if ((!st->official &&
             !page_add_rect(&b->marks, 0, my, st->fact_marker, st->fact_marker, st->accent)) ||
            !page_add_text(&b->marks, t, indent, y, st->ink))
            return false;
        y += h + (i + 1 < blk->n_items && !st->official ? st->fact_gap : 0);
        if (i + 1 < blk->n_items && !box_add_cut(b, y)) /* a long list splits between items */
            return false;
    }
    b->height = y;
    b->plain = true;
    return true;
}
