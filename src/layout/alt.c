/* alt: a figure in words, for the PDF's /Alt: what a screen reader says
 * instead of "figure", and what a search of the archive finds. Written from
 * the block's data, in the sheet's language, with every figure as the page
 * prints it (numfmt): "柱状图：集采药品降价幅度。化学药54%；耗材…".
 *
 * A line chart lists its values year by year; a grouped bar chart series by
 * series; cards their figures with when and whose they are. */
#include <stdio.h>
#include <string.h>

#include "box.h"
#include "model/meaning.h"

/* The kind of figure, as a Chinese reader names it. */
static const char *figure_kind(sheet_block_kind k)
{
    switch (k) {
    case BLOCK_BAR: return "柱状图";
    case BLOCK_HBAR: return "条形图";
    case BLOCK_LINE: return "折线图";
    case BLOCK_RING: return "环形图";
    case BLOCK_BULLET: return "进度图";
    case BLOCK_KPI:
    case BLOCK_HERO: return "指标卡";
    default: return "图";
    }
}

/* "2.3亿元", "93%以上", "全国…中第4", or "待填" for a draft's gap. */
static void figure(strbuf *b, const sheet_indicator *ind)
{
    if (ind->missing) {
        sb_printf(b, "待填");
        return;
    }
    if (ind->kind == KIND_RANK) {
        meaning_rank(ind, b);
        return;
    }
    numfmt_parts np;
    if (numfmt_figure(ind->literal, ind->unit, ind->qualifier, &np))
        sb_printf(b, "%s%s%s%s", np.before, np.number, np.after, np.unit);
    else /* never a half-formatted figure: the literal as the data writes it */
        sb_printf(b, "%s%s", ind->literal, ind->unit ? ind->unit : "");
    numfmt_parts_free(&np);
}

/* The indicator of id in year: this sheet's or another year's. */
static const sheet_indicator *in_year(const layout_ctx *ctx, int year, const char *id)
{
    if (year == ctx->s->year) {
        size_t k = sheet_find_indicator(ctx->s, id);
        return k == (size_t)SHEET_NONE ? NULL : &ctx->s->indicators[k];
    }
    return ctx->hist ? history_lookup(ctx->hist, year, id) : NULL;
}

static const char *item_label(const sheet_item *it, const sheet_indicator *ind)
{
    return it->label ? it->label : ind ? ind->label : it->id;
}

static void line_year(strbuf *b, const layout_ctx *ctx, int year, const char *id, bool *first)
{
    const sheet_indicator *ind = in_year(ctx, year, id);
    if (!ind || ind->missing)
        return;
    sb_printf(b, "%s%d年", *first ? "" : "，", year);
    figure(b, ind);
    *first = false;
}

/* "床位：2018年1.2万张，2019年…" for every year up to the sheet's. */
static void line_items(strbuf *b, const layout_ctx *ctx, const sheet_block *blk)
{
    for (size_t k = 0; k < blk->n_items; k++) {
        const sheet_item *it = &blk->items[k];
        sb_printf(b, "%s%s：", k ? "；" : "", item_label(it, in_year(ctx, ctx->s->year, it->id)));
        bool first = true;
        for (size_t i = 0; ctx->hist && i < ctx->hist->n; i++)
            if (ctx->hist->years[i]->year < ctx->s->year)
                line_year(b, ctx, ctx->hist->years[i]->year, it->id, &first);
        line_year(b, ctx, ctx->s->year, it->id, &first);
    }
}

/* One item: "化学药54%", with when and whose on a card. */
static void item(strbuf *b, const layout_ctx *ctx, const sheet_block *blk, const sheet_item *it)
{
    if (it->indicator == (size_t)SHEET_NONE || it->indicator >= ctx->s->n_indicators)
        return;
    const sheet_indicator *ind = &ctx->s->indicators[it->indicator];
    /* a rank's statement names its own setting: set it off from the label */
    sb_printf(b, "%s%s", item_label(it, ind), ind->kind == KIND_RANK ? "：" : "");
    figure(b, ind);
    if (blk->kind == BLOCK_KPI || blk->kind == BLOCK_HERO) {
        strbuf ww = {0};
        if (meaning_when_where(ind, &ww) && ww.len)
            sb_printf(b, "（%s）", sb_str(&ww));
        sb_free(&ww);
    }
}

bool layout_alt_text(const layout_ctx *ctx, const sheet_block *blk, strbuf *b)
{
    sb_printf(b, "%s：", figure_kind(blk->kind));
    if (blk->title && blk->title[0])
        sb_printf(b, "%s。", blk->title);
    if (blk->kind == BLOCK_LINE) {
        line_items(b, ctx, blk);
    } else if (blk->series) {
        for (size_t s = 0; s < blk->n_series; s++) {
            const sheet_series *ser = &blk->series[s];
            sb_printf(b, "%s%s：", s ? "；" : "", ser->name ? ser->name : "");
            for (size_t c = 0; c < ser->n_items; c++) {
                if (c)
                    sb_printf(b, "，");
                if (c < blk->n_categories && blk->categories[c])
                    sb_printf(b, "%s", blk->categories[c]);
                const sheet_item *it = &ser->items[c];
                if (it->indicator != (size_t)SHEET_NONE && it->indicator < ctx->s->n_indicators)
                    figure(b, &ctx->s->indicators[it->indicator]);
            }
        }
    } else {
        for (size_t k = 0; k < blk->n_items; k++) {
            if (k)
                sb_printf(b, "；");
            item(b, ctx, blk, &blk->items[k]);
        }
    }
    sb_printf(b, "。");
    return !b->failed;
}
