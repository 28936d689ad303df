/* table: indicators as a three-line table (三线表): a heavy rule above the
 * header, a light one under it, a heavy one under the last row, no other
 * rules. Columns: the indicator, its figure aligned on the decimal point,
 * the unit, when and whose (period, scope, a rank's setting, a change's
 * base) and, where any row has one, the comparison with the last year that
 * has the same figure (compare.h).
 *
 * Three forms: the table as the data gives it (`items`, or `"rest": true`:
 * every figure the sheet shows nowhere else); on the front page of a fact
 * sheet the compact form, two halves side by side without the comparison;
 * and the complete table of every indicator on a sheet's back page. A table
 * taller than the space left splits between rows: its cut points are kept
 * in the box, and the flow repeats the header under "续表" (flow.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "box.h"
#include "table_priv.h"
#include "model/compare.h"
#include "model/meaning.h"

static void trow_free(trow *r)
{
    free(r->meta);
    for (int c = 0; c < N_COLS; c++)
        text_free(r->cell[c]);
    free(r->why);
}

/* True when indicator k is an item of a block other than a rest table. */
static bool shown_elsewhere(const sheet *s, size_t k)
{
    for (size_t i = 0; i < s->n_sections; i++)
        for (size_t j = 0; j < s->sections[i].n_blocks; j++) {
            const sheet_block *b = &s->sections[i].blocks[j];
            if (b->rest)
                continue;
            for (size_t n = 0; n < b->n_items; n++)
                if (b->items[n].indicator == k)
                    return true;
            for (size_t m = 0; m < b->n_series; m++)
                for (size_t n = 0; n < b->series[m].n_items; n++)
                    if (b->series[m].items[n].indicator == k)
                        return true;
        }
    return false;
}

size_t table_rows_of(const layout_ctx *ctx, const sheet_block *blk)
{
    const sheet *s = ctx->s;
    if (ctx->table_form == TABLE_COMPLETE)
        return s->n_indicators;
    if (!blk->rest)
        return blk->n_items;
    size_t n = 0;
    for (size_t k = 0; k < s->n_indicators; k++)
        n += !shown_elsewhere(s, k);
    return n;
}

/* The rows the block lists, in order. Returns the count (0 on failure). */
static size_t collect_rows(layout_ctx *ctx, const sheet_block *blk, trow **out)
{
    const sheet *s = ctx->s;
    size_t cap = table_rows_of(ctx, blk), n = 0;
    *out = calloc(cap ? cap : 1, sizeof **out);
    if (!*out)
        return 0;
    if (ctx->table_form == TABLE_COMPLETE || blk->rest) {
        for (size_t k = 0; k < s->n_indicators && n < cap; k++)
            if (ctx->table_form == TABLE_COMPLETE || !shown_elsewhere(s, k))
                (*out)[n++] = (trow){.ind = &s->indicators[k],
                                     .label = s->indicators[k].label,
                                     .path = s->indicators[k].path};
    } else {
        for (size_t i = 0; i < blk->n_items; i++) {
            const sheet_item *it = &blk->items[i];
            if (it->indicator == (size_t)SHEET_NONE)
                continue;
            (*out)[n++] =
                (trow){.ind = &s->indicators[it->indicator], .label = it->label, .path = it->path};
        }
    }
    return n;
}

/* When and whose: period and scope, a rank's setting, a change's base. */
static bool row_meta(const sheet_indicator *ind, strbuf *meta)
{
    if (ind->kind == KIND_RANK) {
        sb_printf(meta, "%s", ind->rank.level ? ind->rank.level : "");
        if (ind->rank.of)
            sb_printf(meta, "%s共%s个", meta->len ? "，" : "", ind->rank.of);
        if (ind->rank.grade)
            sb_printf(meta, "%s%s等次", meta->len ? "，" : "", ind->rank.grade);
        if (ind->scope)
            sb_printf(meta, "%s%s", meta->len ? " · " : "", ind->scope);
        return !meta->failed;
    }
    meaning_when_where(ind, meta);
    if (ind->kind == KIND_CHANGE && ind->base)
        sb_printf(meta, "%s%s", meta->len ? " · " : "", ind->base);
    return !meta->failed;
}

const sheet_indicator *table_compared_with(const layout_ctx *ctx, const sheet_indicator *ind,
                                           int *prev_year)
{
    if (ind->kind == KIND_RANK || ind->kind == KIND_CHANGE)
        return NULL;
    const sheet_indicator *prev = history_before(ctx->hist, ctx->s->year, ind->id, prev_year);
    return prev && compare_like(ind, prev) != COMPARE_APPROXIMATE ? prev : NULL;
}

/* The texts of the figure, the unit, the meaning and the comparison. */
static bool row_texts(layout_ctx *ctx, trow *r, bool with_change, bool merge_change)
{
    const style *st = ctx->st;
    const sheet_indicator *ind = r->ind;
    strbuf fig = {0}, intpart = {0}, meta = {0}, change = {0};
    numfmt_parts np = {0};
    const char *unit = "";
    bool formatted = true;
    if (ind->missing) {
        sb_printf(&fig, "待填");
        sb_printf(&intpart, "待填");
    } else if (ind->kind == KIND_RANK) {
        meaning_rank_place(ind, &fig);
        sb_printf(&intpart, "%s", sb_str(&fig));
    } else {
        formatted = numfmt_figure(ind->literal, ind->unit, ind->qualifier, &np);
        sb_printf(&fig, "%s%s%s", np.before, np.number, np.after);
        const char *dot = strchr(np.number, '.');
        sb_printf(&intpart, "%s%.*s", np.before,
                  (int)(dot ? (size_t)(dot - np.number) : strlen(np.number)), np.number);
        unit = np.unit ? np.unit : "";
    }
    row_meta(ind, &meta);
    int dir = 0, prev_year = 0;
    const sheet_indicator *prev = with_change ? table_compared_with(ctx, ind, &prev_year) : NULL;
    strbuf why = {0};
    if (prev && (!compare_describe(ind, ctx->s->year, prev, prev_year, &change, &dir) ||
                 !compare_explain(ind, ctx->s->year, prev, prev_year, &why)))
        change.failed = true;
    if (why.len && !why.failed && !(r->why = strdup(sb_str(&why))))
        change.failed = true;
    sb_free(&why);
    if (merge_change && change.len) { /* halves side by side: no column of its own */
        sb_printf(&meta, "%s%s", meta.len ? "；" : "", sb_str(&change));
        sb_free(&change);
        change = (strbuf){0};
    }
    if (meta.len && !meta.failed && !(r->meta = strdup(sb_str(&meta))))
        meta.failed = true;
    bool ok = !fig.failed && !intpart.failed && !meta.failed && !change.failed;
    if (!formatted)
        ok = layout_figure_failed(ctx, ind);
    text *probe = NULL;
    if (ok)
        ok = (r->cell[COL_VALUE] =
                  layout_text(ctx, sb_str(&fig), &st->table_figure, 0, r->path, "value")) &&
             (probe = layout_text(ctx, sb_str(&intpart), &st->table_figure, 0, r->path, "value")) &&
             (!unit[0] ||
              (r->cell[COL_UNIT] = layout_text(ctx, unit, &st->table_text, 0, r->path, "unit"))) &&
             (!meta.len || (r->cell[COL_META] = layout_text(ctx, sb_str(&meta), &st->table_meta, 0,
                                                            r->path, "period"))) &&
             (!change.len || (r->cell[COL_CHANGE] = layout_text(
                                  ctx, sb_str(&change), &st->table_meta, 0, r->path, "value")));
    if (probe)
        r->int_w = text_width(probe);
    text_free(probe);
    text *label = ok ? layout_text(ctx, r->label, &st->table_text, 0, r->path, "label") : NULL;
    ok = ok && label;
    if (label)
        r->label_w = text_width(label);
    text_free(label);
    if (!ok && !ctx->failed) {
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, r->path, "%s", _("out of memory"));
        ctx->failed = true;
    }
    sb_free(&fig);
    sb_free(&intpart);
    sb_free(&meta);
    sb_free(&change);
    numfmt_parts_free(&np);
    return ok;
}

static void measure_columns(const style *st, const trow *rows, size_t n, double width,
                            const text *const head[N_COLS], tcols *c)
{
    double frac_w = 0, label_w = 0;
    *c = (tcols){0};
    for (int k = COL_VALUE; k < N_COLS; k++)
        c->w[k] = head[k] ? text_width(head[k]) : 0;
    for (size_t i = 0; i < n; i++) {
        const trow *r = &rows[i];
        label_w = fmax(label_w, r->label_w);
        if (r->int_w > c->int_w)
            c->int_w = r->int_w;
        if (r->cell[COL_VALUE] && text_width(r->cell[COL_VALUE]) - r->int_w > frac_w)
            frac_w = text_width(r->cell[COL_VALUE]) - r->int_w;
        for (int k = COL_UNIT; k < N_COLS; k++)
            if (r->cell[k] && text_width(r->cell[k]) > c->w[k])
                c->w[k] = text_width(r->cell[k]);
    }
    if (c->int_w + frac_w > c->w[COL_VALUE])
        c->w[COL_VALUE] = c->int_w + frac_w;
    else /* a header wider than the figures: centre them under it */
        c->int_w += (c->w[COL_VALUE] - c->int_w - frac_w) / 2;
    double used = 0;
    for (int k = COL_VALUE; k < N_COLS; k++)
        used += c->w[k] > 0 ? c->w[k] + st->table_col_gap : 0;
    /* The meaning wraps, down to half its width, before the labels do; the
     * labels keep at least their share. */
    double label_min = fmin(label_w, width * st->table_label_share);
    if (width - used < label_w && c->w[COL_META] > 0) {
        double shrink = fmin(c->w[COL_META] / 2, label_w - (width - used));
        if (width - used + shrink < label_min)
            shrink = fmin(c->w[COL_META] / 2, label_min - (width - used));
        c->w[COL_META] -= shrink;
        used -= shrink;
    }
    c->w[COL_LABEL] = width - used;
    double x = 0;
    for (int k = 0; k < N_COLS; k++) {
        c->x[k] = x;
        if (c->w[k] > 0)
            x += c->w[k] + st->table_col_gap;
    }
}

static const char *const head_words[N_COLS] = {"指标", "数值", "单位", "时期 · 范围", "比较"};

/* Builds the header texts of the columns rows use. */
static bool build_head(layout_ctx *ctx, const trow *rows, size_t n, text *head[N_COLS])
{
    bool used[N_COLS] = {true, true, false, false, false};
    for (size_t i = 0; i < n; i++)
        for (int k = COL_UNIT; k < N_COLS; k++)
            used[k] = used[k] || rows[i].cell[k];
    for (int k = 0; k < N_COLS; k++)
        if (used[k] &&
            !(head[k] = layout_text(ctx, head_words[k], &ctx->st->table_head, 0, NULL, NULL)))
            return false;
    return true;
}

/* Sets the label (wrapped to its column) and the meaning (wrapped when its
 * column was narrowed) of each row, and the row heights. */
static bool set_wrapped(layout_ctx *ctx, trow *rows, size_t n, const tcols *c)
{
    const style *st = ctx->st;
    for (size_t i = 0; i < n; i++) {
        trow *r = &rows[i];
        r->cell[COL_LABEL] =
            layout_text(ctx, r->label, &st->table_text, c->w[COL_LABEL], r->path, "label");
        if (!r->cell[COL_LABEL])
            return false;
        if (r->cell[COL_META] && text_width(r->cell[COL_META]) > c->w[COL_META] + 0.01) {
            text_free(r->cell[COL_META]);
            r->cell[COL_META] =
                layout_text(ctx, r->meta, &st->table_meta, c->w[COL_META], r->path, "period");
            if (!r->cell[COL_META])
                return false;
        }
        r->h = 0;
        for (int k = 0; k < N_COLS; k++)
            if (r->cell[k] && text_height(r->cell[k]) > r->h)
                r->h = text_height(r->cell[k]);
        r->h +=
            2 * (ctx->table_form == TABLE_COMPLETE ? st->table_row_pad_dense : st->table_row_pad);
    }
    return true;
}

/* Draws the header (at y) and the rows of one table part at x0; records the
 * cut points between rows into b. Takes the rows' texts. */
/* The height of the header band: the heavy rule, the column names, the
 * light rule. */
double table_head_height(const style *st, text *const head[N_COLS])
{
    double head_h = 0;
    for (int k = 0; k < N_COLS; k++)
        if (head[k] && text_height(head[k]) > head_h)
            head_h = text_height(head[k]);
    return st->table_rule_heavy / 2 + 2 * st->table_row_pad + head_h + st->table_rule_light / 2;
}

bool table_draw_part(layout_ctx *ctx, trow *rows, size_t n, text *const head[N_COLS],
                     const tcols *c, double x0, double width, int parts_drawn, box *b,
                     double *y_end)
{
    const style *st = ctx->st;
    double y = 0, head_h = 0;
    bool ok = true;
    if (parts_drawn & PART_HEAD) {
        ok = page_add_line(&b->marks, x0, y, x0 + width, y, st->ink, st->table_rule_heavy);
        y += st->table_rule_heavy / 2 + st->table_row_pad;
        for (int k = 0; k < N_COLS && ok; k++)
            if (head[k]) {
                text *t = text_ref(head[k]);
                double hx = x0 + c->x[k] + (k == COL_VALUE ? (c->w[k] - text_width(t)) / 2 : 0);
                ok = page_add_text(&b->marks, t, hx, y, st->ink);
                if (text_height(head[k]) > head_h)
                    head_h = text_height(head[k]);
            }
        y += head_h + st->table_row_pad;
        ok = ok && page_add_line(&b->marks, x0, y, x0 + width, y, st->ink, st->table_rule_light);
        y += st->table_rule_light / 2;
    }
    b->head_top = 0;
    b->head_h = y;
    double pad = ctx->table_form == TABLE_COMPLETE ? st->table_row_pad_dense : st->table_row_pad;
    for (size_t i = 0; i < n; i++) {
        trow *r = &rows[i];
        double ty = y + pad;
        for (int k = 0; k < N_COLS; k++) {
            text *t = r->cell[k];
            r->cell[k] = NULL;
            if (!t)
                continue;
            double tx = x0 + c->x[k];
            if (k == COL_VALUE)
                tx += c->int_w - r->int_w;
            rgb color = k == COL_META || k == COL_CHANGE ? st->muted : st->ink;
            if (ok)
                ok = page_add_text(&b->marks, t, tx, ty, color);
            else
                text_free(t);
        }
        y += r->h;
        if (ok && i + 1 < n)
            ok = box_add_cut(b, y);
    }
    if (parts_drawn & PART_FOOT) {
        ok = ok && page_add_line(&b->marks, x0, y + st->table_rule_heavy / 2, x0 + width,
                                 y + st->table_rule_heavy / 2, st->ink, st->table_rule_heavy);
        y += st->table_rule_heavy;
    }
    *y_end = y;
    return ok;
}

/* Units and comparisons are set on one line: one so long that the labels
 * keep less than two characters would run off the page. Named at the
 * widest such cell, an error (the sheet would be printed cut). */
static bool columns_fit(layout_ctx *ctx, const trow *rows, size_t n, double width, const tcols *c)
{
    if (c->w[COL_LABEL] >= 2 * ctx->st->table_text.size)
        return true;
    static const char *const fields[N_COLS] = {"label", "value", "unit", "period", "value"};
    const trow *widest = NULL;
    int col = COL_UNIT;
    double w = 0;
    for (size_t i = 0; i < n; i++)
        for (int k = COL_VALUE; k < N_COLS; k++)
            if (rows[i].cell[k] && text_width(rows[i].cell[k]) > w) {
                w = text_width(rows[i].cell[k]);
                widest = &rows[i];
                col = k;
            }
    strbuf path = {0};
    if (widest)
        sb_printf(&path, "%s.%s", widest->ind ? widest->ind->path : widest->path, fields[col]);
    sheet_report(ctx->s, ctx->dl, DIAG_ERROR, path.len && !path.failed ? sb_str(&path) : "",
                 _("this text is %.0f pt wide on one line, and the table %.0f pt: it would run "
                   "off the page; shorten it"),
                 w, width);
    sb_free(&path);
    ctx->failed = true;
    return false;
}

/* An optional title above the table, as a chart's. */
static bool table_title(layout_ctx *ctx, const sheet_block *blk, double width, box *b, double *y)
{
    if (!blk->title || !blk->title[0])
        return true;
    double h;
    if (!box_text(ctx, b, blk->title, &ctx->st->chart_title, 0, 0, width, ctx->st->ink, blk->path,
                  "title", &h))
        return false;
    *y = h + ctx->st->chart_title_gap;
    return true;
}

/* Builds rows [0, n) as one table part, or as two halves side by side,
 * with one set of columns so that the halves align. */
static bool build_parts(layout_ctx *ctx, trow *rows, size_t n, int parts, double width, box *b)
{
    const style *st = ctx->st;
    size_t per = (n + (size_t)parts - 1) / (size_t)parts;
    double part_w = (width - (parts - 1) * st->column_gap) / parts, height = 0;
    text *head[N_COLS] = {0};
    tcols c;
    bool ok = build_head(ctx, rows, n, head);
    if (ok) {
        measure_columns(st, rows, n, part_w, (const text *const *)head, &c);
        ok = columns_fit(ctx, rows, n, part_w, &c) && set_wrapped(ctx, rows, n, &c);
    }
    if (ok && parts == 2 && ctx->room_page > 0) {
        ok = table_build_paged(ctx, rows, n, head, &c, part_w, b);
        for (int k = 0; k < N_COLS; k++)
            text_free(head[k]);
        return ok;
    }
    for (int p = 0; p < parts && ok; p++) {
        size_t first = (size_t)p * per, count = first >= n ? 0 : first + per > n ? n - first : per;
        if (!count)
            break;
        double y_end = 0;
        box part = {0};
        ok = table_draw_part(ctx, rows + first, count, head, &c,
                             (double)p * (part_w + st->column_gap), part_w, PART_WHOLE, &part,
                             &y_end);
        if (parts > 1) /* halves side by side never split */
            part.n_cuts = 0;
        b->head_top = part.head_top;
        b->head_h = part.head_h;
        ok = ok && box_append_at(b, &part, 0, 0);
        box_free(&part);
        height = fmax(height, y_end);
    }
    for (int k = 0; k < N_COLS; k++)
        text_free(head[k]);
    b->height = height;
    return ok;
}

/* Under the table, the reasons its comparisons are left out, each once:
 * "注：托位数，2021年为“全市现有托位”，2025年为…，口径不同，不作比较。" */
static bool table_notes(layout_ctx *ctx, const sheet_block *blk, const trow *rows, size_t n,
                        double width, box *b, double *h)
{
    strbuf note = {0};
    for (size_t i = 0; i < n; i++) {
        if (!rows[i].why)
            continue;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = rows[k].why && strcmp(rows[k].why, rows[i].why) == 0;
        if (!seen)
            sb_printf(&note, "%s%s", note.len ? "" : "注：", rows[i].why);
    }
    bool ok = !note.failed;
    if (ok && note.len && ctx->st->line_grid > 0) { /* the flow sets it, on the grid */
        free(ctx->note_after);
        ok = (ctx->note_after = strdup(sb_str(&note))) != NULL;
    } else if (ok && note.len) {
        double th;
        double y = *h + ctx->st->table_row_pad * 2;
        ok = box_text(ctx, b, sb_str(&note), &ctx->st->note, 0, y, width, ctx->st->muted, blk->path,
                      NULL, &th);
        if (ok)
            *h = b->height = y + th;
    }
    if (!ok) {
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, blk->path, "%s", _("out of memory"));
        ctx->failed = true;
    }
    sb_free(&note);
    return ok;
}

bool table_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    trow *rows = NULL;
    size_t n = collect_rows(ctx, blk, &rows);
    if (!rows) {
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, blk->path, "%s", _("out of memory"));
        ctx->failed = true;
        return false;
    }
    /* Halves side by side: the front page's table of a few rows or more, a
     * complete table too long for one column of a page. */
    int parts = (ctx->table_form == TABLE_FRONT && n > 3) ||
                        (ctx->table_form == TABLE_COMPLETE && n > ctx->st->table_column_rows)
                    ? 2
                    : 1;
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++)
        ok = row_texts(ctx, &rows[i], ctx->table_form != TABLE_FRONT, parts > 1);
    /* A comparison column with one entry is mostly white: that entry joins
     * its row's period and scope instead. */
    size_t changes = 0;
    for (size_t i = 0; i < n; i++)
        changes += rows[i].cell[COL_CHANGE] != NULL;
    if (ok && changes == 1 && parts == 1)
        for (size_t i = 0; i < n && ok; i++) {
            trow_free(&rows[i]);
            rows[i] = (trow){.ind = rows[i].ind, .label = rows[i].label, .path = rows[i].path};
            ok = row_texts(ctx, &rows[i], ctx->table_form != TABLE_FRONT, true);
        }
    double top = 0;
    box body = {0};
    ok = ok && table_title(ctx, blk, width, b, &top) &&
         build_parts(ctx, rows, n, parts, width, &body);
    double head_top = body.head_top + top, head_h = body.head_h + top, h = body.height + top;
    bool chunked = body.chunked;
    ok = ok && box_append_at(b, &body, 0, top);
    b->chunked = chunked;
    ok = ok && table_notes(ctx, blk, rows, n, width, b, &h);
    b->head_top = head_top;
    b->head_h = head_h;
    b->height = h;
    for (size_t i = 0; i < n; i++)
        trow_free(&rows[i]);
    free(rows);
    box_free(&body);
    return ok;
}
