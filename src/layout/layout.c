/* layout: blocks and sections. Each block is built as a box by the builder
 * its kind's row names (model/block_kinds.def), so its height is known,
 * then placed by the flow where it fits whole (a paragraph flows across
 * pages, a table splits between rows). Compact charts side by side share a
 * row of the twelve-column grid, their titles one height so the plots line
 * up. The sheet around the sections (header, 要点, fitting to one leaf) is
 * layout_sheet.c's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "layout_priv.h"

/* The layout columns of the table of kinds. */
typedef bool (*block_builder)(layout_ctx *ctx, const sheet_block *blk, double width, box *out);
#define BLOCK_KIND(ID, name, rules, build, tag, pack, ...) {build, tag, pack},
static const struct {
    block_builder build;
    const char *tag; /* structure element in the tagged PDF; NULL for none */
    int pack;        /* at most this many items share a row with another chart */
} kinds[BLOCK_KIND_LAST] = {
#include "model/block_kinds.def"
};
#undef BLOCK_KIND

bool layout_chinese_date(const char *iso, strbuf *out)
{
    int y = 0, m = 0, d = 0;
    if (sscanf(iso, "%d-%d-%d", &y, &m, &d) == 3)
        return sb_printf(out, "%d年%d月%d日", y, m, d);
    return sb_printf(out, "%s", iso);
}

static bool rules_of(const sheet_block *blk, unsigned rule)
{
    const sheet_block_kind_info *k = sheet_block_kind_lookup(blk->kind);
    return k && (k->rules & rule);
}

bool text_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    return box_text(ctx, b, blk->text, &ctx->st->body, 0, 0, width, ctx->st->ink, blk->path, "text",
                    &b->height);
}

bool note_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    return box_text(ctx, b, blk->text, &ctx->st->note, 0, 0, width, ctx->st->muted, blk->path,
                    "text", &b->height);
}

static bool build_section_heading(layout_ctx *ctx, const char *title, const char *path,
                                  double width, box *b)
{
    const style *st = ctx->st;
    double marker = st->official ? 0 : st->section_marker_w + st->section_marker_gap;
    text *t = layout_text(ctx, title, &st->section, width - marker, path, "title");
    if (!t)
        return false;
    double h = text_height(t);
    if (!st->official && !page_add_rect(&b->marks, 0, 0, st->section_marker_w, h, st->accent)) {
        text_free(t);
        return false;
    }
    if (!page_add_text(&b->marks, t, marker, 0, st->ink))
        return false;
    b->height = h;
    return true;
}

/* True when a chart block names a figure still missing. */
static bool chart_has_missing(const sheet *s, const sheet_block *blk)
{
    if (!rules_of(blk, BK_CHART))
        return false;
    for (size_t i = 0; i < blk->n_items; i++)
        if (blk->items[i].indicator != (size_t)SHEET_NONE &&
            s->indicators[blk->items[i].indicator].missing && blk->kind != BLOCK_LINE)
            return true;
    for (size_t k = 0; k < blk->n_series; k++)
        for (size_t i = 0; i < blk->series[k].n_items; i++)
            if (s->indicators[blk->series[k].items[i].indicator].missing)
                return true;
    return false;
}

/* A draft's chart whose figures are not all in: its title and a note, in a
 * light frame where the chart will go. */
static bool build_placeholder(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    const style *st = ctx->st;
    double y = 0, h;
    if (!box_text(ctx, b, blk->title ? blk->title : "", &st->chart_title, 0, y, width, st->ink,
                  blk->path, "title", &h))
        return false;
    y += fmax(h, ctx->title_h) + st->chart_title_gap;
    if (!page_add_rect(&b->marks, 0, y, width, st->chart_plot_h / 2, st->card_fill) ||
        !box_text(ctx, b, "草稿：本图数据尚未填齐", &st->chart_note, st->kpi_pad, y + st->kpi_pad,
                  width - 2 * st->kpi_pad, st->muted, blk->path, NULL, NULL))
        return false;
    b->height = y + st->chart_plot_h / 2;
    return true;
}

static bool build_block(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    if (chart_has_missing(ctx->s, blk))
        return build_placeholder(ctx, blk, width, b);
    if (rules_of(blk, BK_TEXT) && blk->text && !blk->text[0])
        return box_text(ctx, b, "（草稿：此段文字待写）", &ctx->st->note, 0, 0, width,
                        ctx->st->muted, blk->path, "text", &b->height);
    /* An official attachment has no cards: its figures stand in a table. */
    if (ctx->st->official && (blk->kind == BLOCK_KPI || blk->kind == BLOCK_HERO))
        return table_build(ctx, blk, width, b) && box_wrap_tag(b, kinds[BLOCK_TABLE].tag);
    if (blk->kind >= BLOCK_KIND_LAST || !kinds[blk->kind].build(ctx, blk, width, b))
        return false;
    if (rules_of(blk, BK_CHART) && !box_clear_rules_under_text(b, ctx->st->label_clear)) {
        ctx->failed = true;
        return false;
    }
    const char *tag = kinds[blk->kind].tag;
    if (!tag || strcmp(tag, "Figure") != 0)
        return box_wrap_tag(b, tag);
    /* A figure carries its data in words for those who cannot see it. */
    strbuf alt = {0};
    bool ok = layout_alt_text(ctx, blk, &alt) && box_wrap_tag_alt(b, tag, sb_str(&alt));
    sb_free(&alt);
    if (!ok)
        ctx->failed = true;
    return ok;
}

/* The narrowest a compact chart reads well at, or 0 when it never shares a
 * row: a few bars, one line, one or two rings. */
static double compact_width(const layout_ctx *ctx, const sheet_block *blk)
{
    const style *st = ctx->st;
    if (blk->kind >= BLOCK_KIND_LAST || !kinds[blk->kind].pack || blk->series ||
        blk->n_items > (size_t)kinds[blk->kind].pack || chart_has_missing(ctx->s, blk))
        return 0;
    switch (blk->kind) {
    case BLOCK_RING:
        return (double)blk->n_items * (2 * st->ring_outer + st->ring_gap) + st->ring_gap;
    case BLOCK_BAR: return st->chart_compact_w + (double)blk->n_items * st->chart_bar_max_w;
    default: return 2 * st->chart_compact_w;
    }
}

/* How many blocks from j on share a row (1 when j stands alone). */
static size_t row_count(const layout_ctx *ctx, const sheet_section *sec, size_t j, double width)
{
    const style *st = ctx->st;
    if (st->official)
        return 1;
    size_t n = 0;
    double need = 0;
    while (j + n < sec->n_blocks && n < GRID_ROW_MAX) {
        double w = compact_width(ctx, &sec->blocks[j + n]);
        if (w <= 0)
            break;
        double k = (double)(n + 1);
        double cell = (width - (k - 1) * st->column_gap) / k;
        need = fmax(need, w);
        if (need > cell)
            break;
        n++;
    }
    return n < 2 ? 1 : n;
}

/* Builds blocks [j, j + n) side by side in equal cells of the grid, their
 * titles set to the tallest title's height. */
static bool build_row(layout_ctx *ctx, const sheet_section *sec, size_t j, size_t n, double width,
                      box *b)
{
    const style *st = ctx->st;
    double cell = (width - (double)(n - 1) * st->column_gap) / (double)n;
    double title_h = 0;
    for (size_t k = 0; k < n; k++) {
        const sheet_block *blk = &sec->blocks[j + k];
        text *t = layout_text(ctx, blk->title ? blk->title : "", &st->chart_title, cell, blk->path,
                              "title");
        if (!t)
            return false;
        title_h = fmax(title_h, text_height(t));
        text_free(t);
    }
    ctx->title_h = title_h;
    bool ok = true;
    for (size_t k = 0; k < n && ok; k++) {
        box cb = {0};
        ok = build_block(ctx, &sec->blocks[j + k], cell, &cb) &&
             box_append_at(b, &cb, (double)k * (cell + st->column_gap), 0);
        box_free(&cb);
    }
    ctx->title_h = 0;
    return ok;
}

/* Builds block j of sec, or j and the blocks that share its row; *used
 * gets how many. */
static bool build_unit(layout_ctx *ctx, const sheet_section *sec, size_t j, double width, box *b,
                       size_t *used)
{
    *used = row_count(ctx, sec, j, width);
    if (*used > 1)
        return build_row(ctx, sec, j, *used, width, b);
    return build_block(ctx, &sec->blocks[j], width, b);
}

/* ---- sections ------------------------------------------------------------- */

static bool is_paragraph(const sheet_block *blk)
{
    return rules_of(blk, BK_TEXT) && blk->text && blk->text[0];
}

static const text_style *paragraph_style(const layout_ctx *ctx, const sheet_block *blk)
{
    return blk->kind == BLOCK_TEXT ? &ctx->st->body : &ctx->st->note;
}

static rgb paragraph_color(const layout_ctx *ctx, const sheet_block *blk)
{
    return blk->kind == BLOCK_TEXT ? ctx->st->ink : ctx->st->muted;
}

/* True when the plan leaves this block out (a rest table on --pages 1). */
static bool left_out(const section_plan *plan, const sheet_block *blk)
{
    return plan && plan->omit_rest && blk->kind == BLOCK_TABLE && blk->rest;
}

/* The note a block left for the flow (table.c on a line grid), as a
 * paragraph under it. */
static bool place_note_after(layout_ctx *ctx, flow *f, const sheet_block *blk)
{
    char *note = ctx->note_after;
    ctx->note_after = NULL;
    if (!note)
        return true;
    text *t = layout_text(ctx, note, &ctx->st->note, f->width, blk->path, NULL);
    free(note);
    return t && flow_place_paragraph(f, t, ctx->st->muted, ctx->st->block_gap, blk->path);
}

/* Places blocks [j, n) of sec after the first. */
static bool place_blocks(layout_ctx *ctx, flow *f, const sheet_section *sec, size_t j,
                         const section_plan *plan)
{
    const style *st = ctx->st;
    size_t used = 1;
    for (; j < sec->n_blocks; j += used) {
        const sheet_block *blk = &sec->blocks[j];
        used = 1;
        if (left_out(plan, blk))
            continue;
        if (is_paragraph(blk)) { /* paragraphs flow across pages */
            text *t =
                layout_text(ctx, blk->text, paragraph_style(ctx, blk), f->width, blk->path, "text");
            f->keep_next = blk == ctx->last_block ? ctx->keep_last : 0;
            bool placed = t && flow_place_paragraph(f, t, paragraph_color(ctx, blk), st->block_gap,
                                                    blk->path);
            f->keep_next = 0;
            if (!placed)
                return false;
            continue;
        }
        box nb = {0};
        ctx->room_here = f->bottom - f->y - (f->page_empty ? 0 : st->block_gap);
        if (!build_unit(ctx, sec, j, f->width, &nb, &used) ||
            !flow_place_split(f, &nb, st->block_gap, blk == ctx->last_block ? ctx->keep_last : 0,
                              blk->path) ||
            !place_note_after(ctx, f, blk)) {
            box_free(&nb);
            return false;
        }
    }
    return true;
}

bool layout_section(layout_ctx *ctx, flow *f, const sheet_section *sec, const char *title,
                    const section_plan *plan)
{
    const style *st = ctx->st;
    size_t j = 0;
    while (j < sec->n_blocks && left_out(plan, &sec->blocks[j]))
        j++;
    if (j == sec->n_blocks)
        return true; /* everything left out: no heading either */
    box head = {0}, first = {0};
    size_t used = 1;
    const sheet_block *b0 = &sec->blocks[j];
    text *first_text = NULL;
    bool headed = build_section_heading(ctx, title, sec->path, f->width, &head);
    ctx->room_here = f->bottom - f->y - (f->page_empty ? 0 : st->section_before) - head.height -
                     st->section_after;
    if (!headed ||
        !(is_paragraph(b0) ? (first_text = layout_text(ctx, b0->text, paragraph_style(ctx, b0),
                                                       f->width, b0->path, "text")) != NULL
                           : build_unit(ctx, sec, j, f->width, &first, &used))) {
        box_free(&head);
        box_free(&first);
        return false;
    }
    /* Keep the heading with its first block: all of a chart or cards, the
     * first two lines of a paragraph, the header and first row of a table. */
    size_t first_cut = first.n_cuts >= 3 && !first.chunked ? 1 : 0; /* flow_place_split's */
    double first_h = first.n_cuts ? first.cuts[first_cut] : first.height;
    if (first_text) {
        double top, bottom;
        text_line_span(first_text, text_line_count(first_text) > 1 ? 1 : 0, &top, &bottom);
        first_h = bottom;
        /* The sheet's last paragraph moves whole with the sources when short
         * (flow_place_paragraph): its heading goes with it. */
        if (b0 == ctx->last_block && text_line_count(first_text) <= 5)
            first_h = text_height(first_text) + ctx->keep_last;
    }
    /* On a line grid the block starts at the next row: up to a pitch more. */
    double keep = st->section_after + first_h + st->line_grid, head_h = head.height;
    bool placed = box_wrap_tag(&head, "H1") &&
                  flow_place(f, &head, st->section_before, keep, sec->path) &&
                  flow_outline(f, title, 1, head_h);
    if (placed && first_text) {
        f->keep_next = b0 == ctx->last_block ? ctx->keep_last : 0;
        placed = flow_place_paragraph(f, first_text, paragraph_color(ctx, b0), st->section_after,
                                      b0->path);
        f->keep_next = 0;
        first_text = NULL; /* taken */
    } else if (placed) {
        placed = flow_place_split(f, &first, st->section_after,
                                  b0 == ctx->last_block ? ctx->keep_last : 0, b0->path) &&
                 place_note_after(ctx, f, b0);
    }
    text_free(first_text);
    box_free(&first);
    return placed && place_blocks(ctx, f, sec, j + used, plan);
}
