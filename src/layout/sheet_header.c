/* sheet_header: what stands above a sheet's sections: the header band (or
 * the official style's 附件 line and title, or a plain header) and the 要点
 * panel. Used by layout_sheet.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "layout/layout.h"
#include "layout_priv.h"

/* ---- the header ----------------------------------------------------------- */

/* The colour band across the top of the front page, into the bleed: issuer
 * and date, title, subtitle, set on it in white. */
bool header_place_band(layout_ctx *ctx, flow *f)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    doc_page *p = f->page;
    double x = f->left, w = f->width, y = st->band_pad_top, h;
    box b = {0};
    strbuf date = {0};
    bool ok = layout_chinese_date(s->date, &date) &&
              box_text(ctx, &b, s->issuer, &st->issuer, x, y, 0, st->band_ink, "", "issuer", &h) &&
              box_text(ctx, &b, sb_str(&date), &st->date, x, y, w, st->band_ink, "", "date", NULL);
    sb_free(&date);
    y += h + st->title_gap;
    ok = ok && box_text(ctx, &b, s->title, &st->title, x, y, w, st->band_ink, "", "title", &h);
    y += h;
    if (ok && s->subtitle) {
        y += st->title_gap;
        ok = box_text(ctx, &b, s->subtitle, &st->subtitle, x, y, w, st->band_sub, "", "subtitle",
                      &h);
        y += h;
    }
    y += st->band_pad_bottom;
    /* The band runs off the page on three sides, so a print shop can trim
     * it with bleed; the renderer clips it to the page or its bleed. */
    ok = ok && page_add_rect(p, -st->band_bleed, -st->band_bleed, st->page_w + 2 * st->band_bleed,
                             y + st->band_bleed, st->band);
    if (ok) { /* the band first, the text on it */
        for (size_t i = 0; ok && i < b.marks.n_marks; i++) {
            ok = page_add_mark(p, &b.marks.marks[i]);
            b.marks.marks[i] = (mark){0};
        }
    }
    box_free(&b);
    f->y = y + st->band_after;
    f->page_empty = false;
    return ok;
}

/* GB/T 9704 attachment: 附件N in 3号黑体 on the first line at the left, the
 * title in 2号小标宋 centred on the third, a subtitle in 楷体 under it. */
bool header_build_official(layout_ctx *ctx, const char *attachment, double width, box *b)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    double h;
    if (attachment &&
        !box_text(ctx, b, attachment, &st->attachment, 0, 0, 0, st->ink, NULL, NULL, NULL))
        return false;
    double y = st->title_line * st->body.pitch;
    if (!box_text(ctx, b, s->title, &st->title, 0, y, width, st->ink, "", "title", &h))
        return false;
    y += h;
    if (s->subtitle) {
        if (!box_text(ctx, b, s->subtitle, &st->subtitle_official, 0, y, width, st->ink, "",
                      "subtitle", &h))
            return false;
        y += h;
    }
    b->height = y;
    return true;
}

/* The first-round header: an accent rule, issuer and date, title, subtitle. */
bool header_build_plain(layout_ctx *ctx, double width, box *b)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    double y = 0, h;
    if (!page_add_rect(&b->marks, 0, y, width, st->header_rule_w, st->accent))
        return false;
    y += st->header_rule_w + st->header_gap;
    strbuf date = {0};
    bool ok = layout_chinese_date(s->date, &date) &&
              box_text(ctx, b, s->issuer, &st->issuer, 0, y, 0, st->accent, "", "issuer", &h) &&
              box_text(ctx, b, sb_str(&date), &st->date, 0, y, width, st->muted, "", "date", NULL);
    sb_free(&date);
    if (!ok)
        return false;
    y += h + st->title_gap;
    if (!box_text(ctx, b, s->title, &st->title, 0, y, width, st->ink, "", "title", &h))
        return false;
    y += h + st->title_gap;
    if (s->subtitle) {
        if (!box_text(ctx, b, s->subtitle, &st->subtitle, 0, y, width, st->muted, "", "subtitle",
                      &h))
            return false;
        y += h;
    }
    y += st->header_gap;
    if (!page_add_line(&b->marks, 0, y, width, y, st->rule, st->footer_rule_w))
        return false;
    b->height = y + st->footer_rule_w;
    return true;
}

/* ---- 要点 ------------------------------------------------------------------- */

/* The year's messages in a panel: "要点", then each sentence after its
 * number. */
bool header_build_highlights(layout_ctx *ctx, double width, box *b)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    double pad = st->highlight_pad, x = pad + st->kpi_accent_w, inner = width - x - pad;
    double y = pad, h;
    if (!box_text(ctx, b, "要点", &st->highlight_title, x, y, 0, st->accent, "", "highlights", &h))
        return false;
    y += h + st->highlight_gap;
    for (size_t i = 0; i < s->n_highlights; i++) {
        strbuf path = {0}, num = {0};
        sb_printf(&path, "highlights[%zu]", i);
        sb_printf(&num, "%zu", i + 1);
        const char *sentence = s->highlights[i][0] ? s->highlights[i] : "（草稿：此条要点待写）";
        double nh;
        bool ok = !path.failed && !num.failed &&
                  box_text(ctx, b, sb_str(&num), &st->highlight_number, x, y, 0, st->accent, NULL,
                           NULL, &nh) &&
                  box_text(ctx, b, sentence, &st->highlight, x + st->highlight_indent, y,
                           inner - st->highlight_indent, st->ink, sb_str(&path), NULL, &h);
        sb_free(&path);
        sb_free(&num);
        if (!ok)
            return false;
        y += h + (i + 1 < s->n_highlights ? st->highlight_gap : 0);
    }
    y += pad;
    /* The panel and its edge go under the text: rotate them to the front. */
    if (!page_add_rect(&b->marks, 0, 0, width, y, st->panel_fill) ||
        !page_add_rect(&b->marks, 0, 0, st->kpi_accent_w, y, st->accent))
        return false;
    size_t n = b->marks.n_marks;
    mark panel = b->marks.marks[n - 2], edge = b->marks.marks[n - 1];
    memmove(b->marks.marks + 2, b->marks.marks, (n - 2) * sizeof *b->marks.marks);
    b->marks.marks[0] = panel;
    b->marks.marks[1] = edge;
    b->height = y;
    return box_wrap_tag(b, "Sect");
}

/* The official style: 要点 as the first numbered part, one paragraph each. */
sheet_section header_highlights_section(const sheet *s, sheet_block *blocks)
{
    for (size_t i = 0; i < s->n_highlights; i++)
        blocks[i] =
            (sheet_block){.kind = BLOCK_TEXT, .text = s->highlights[i], .path = "highlights"};
    return (sheet_section){
        .title = "要点", .blocks = blocks, .n_blocks = s->n_highlights, .path = "highlights"};
}
