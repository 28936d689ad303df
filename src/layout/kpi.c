/* kpi: figures as cards, in two sizes: `kpi` (a grid of small cards) and
 * `hero` (the year's four to six headline figures, large).
 *
 * A card: the figure with its qualifier and unit on one baseline (a rank
 * as 第4 with its level before it); the label; when and whose the figure is
 * (period, scope), when the data says; and one comparison: against the
 * last year with the same figure when the two are alike (compare.h says
 * 口径不同 and the like when they are not), else, on a hero, against a
 * national target, what the source compared it with (同比), or the rank's
 * setting. Arrows and colours know whether higher or lower is better.
 *
 * The grid balances its rows (five cards are 3 + 2, not 4 + 1) and sets
 * one figure size per row, the largest at which every figure fits. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "box.h"
#include "model/compare.h"
#include "model/meaning.h"
#include "model/units.h"

/* How a grid of cards looks: the kpi's or the hero's entries of the style. */
typedef struct card_look {
    const text_style *value, *unit, *label, *meta, *change;
    double pad, gap, min_col_w, accent_w;
    int max_cols;
    bool hero; /* compare with targets, bases and ranks too */
} card_look;

/* One card's value line: [before] number [after] unit, on one baseline. */
typedef struct kpi_line {
    text *part[4];
    double width, ascent, height;
} kpi_line;

static void kpi_line_free(kpi_line *kl)
{
    for (int i = 0; i < 4; i++)
        text_free(kl->part[i]);
    *kl = (kpi_line){0};
}

static bool kpi_line_build(layout_ctx *ctx, const card_look *look, const sheet_indicator *ind,
                           double value_size, kpi_line *kl)
{
    const style *st = ctx->st;
    numfmt_parts np = {0};
    strbuf place = {0};
    const char *strs[4];
    bool formatted = true;
    if (ind->missing) { /* a draft: say so where the figure will stand */
        np = (numfmt_parts){.number = "待填", .before = "", .after = ""};
    } else if (ind->kind == KIND_RANK) {
        meaning_rank_place(ind, &place);
    } else {
        formatted = numfmt_figure(ind->literal, ind->unit, ind->qualifier, &np);
    }
    if (!formatted) {
        numfmt_parts_free(&np);
        return layout_figure_failed(ctx, ind);
    }
    if (ind->kind == KIND_RANK && !ind->missing) {
        strs[0] = ind->rank.level ? ind->rank.level : "";
        strs[1] = sb_str(&place);
        strs[2] = strs[3] = "";
    } else {
        strs[0] = np.before;
        strs[1] = np.number;
        strs[2] = np.after;
        strs[3] = np.unit ? np.unit : "";
    }
    text_style big = *look->value;
    big.size = value_size;
    const char *fields[4] = {"qualifier", "value", "qualifier", "unit"};
    *kl = (kpi_line){0};
    bool ok = !place.failed;
    for (int i = 0; i < 4 && ok; i++) {
        if (!strs[i][0])
            continue;
        kl->part[i] =
            layout_text(ctx, strs[i], i == 1 ? &big : look->unit, 0, ind->path, fields[i]);
        if (!kl->part[i]) {
            ok = false;
            break;
        }
        double base = text_baseline(kl->part[i]);
        if (base > kl->ascent)
            kl->ascent = base;
    }
    sb_free(&place);
    numfmt_parts_free(&np);
    if (!ok) {
        kpi_line_free(kl);
        return false;
    }
    for (int i = 0; i < 4; i++) {
        if (!kl->part[i])
            continue;
        kl->width += text_width(kl->part[i]) + (i > 0 && kl->width > 0 ? st->kpi_unit_gap : 0);
        double below = text_height(kl->part[i]) - text_baseline(kl->part[i]);
        if (kl->ascent + below > kl->height)
            kl->height = kl->ascent + below;
    }
    return true;
}

/* A hero's comparison when there is no earlier year: the national target,
 * the rank's setting, or what the source compared with. */
static bool hero_context(layout_ctx *ctx, const sheet_indicator *ind, strbuf *out, int *status)
{
    const target *tg = targets_find(ctx->targets, ind->id);
    *status = -1;
    if (tg && ind->kind != KIND_RANK && units_comparable(tg->unit, ind->unit)) {
        static const char *const words[] = {"未实现", "接近目标", "已实现"};
        *status = chart_target_status(ind, tg);
        return sb_printf(out, "%d年目标%s%s%s，%s", tg->year,
                         tg->better == BETTER_LOWER ? "≤" : "≥", tg->literal, tg->unit,
                         words[*status]);
    }
    if (ind->kind == KIND_RANK) {
        if (ind->rank.of)
            sb_printf(out, "共%s个参评", ind->rank.of);
        if (ind->rank.grade)
            sb_printf(out, "%s%s等次", out->len ? "，" : "", ind->rank.grade);
        return !out->failed;
    }
    if (ind->kind == KIND_CHANGE && ind->base && ind->label && !strstr(ind->label, ind->base))
        return sb_printf(out, "%s", ind->base);
    return true;
}

/* The comparison line of a card into *out (NULL when there is none). */
static bool card_comparison(layout_ctx *ctx, const card_look *look, const sheet_indicator *ind,
                            double width, text **out, rgb *color)
{
    const style *st = ctx->st;
    *out = NULL;
    *color = st->muted;
    if (ind->missing)
        return true;
    strbuf line = {0};
    int direction = 0, prev_year = 0, status = -1;
    const sheet_indicator *prev =
        ind->kind == KIND_RANK || ind->kind == KIND_CHANGE
            ? NULL
            : history_before(ctx->hist, ctx->s->year, ind->id, &prev_year);
    if (prev && compare_like(ind, prev) != COMPARE_APPROXIMATE) {
        if (!compare_describe(ind, ctx->s->year, prev, prev_year, &line, &direction))
            line.failed = true;
    } else if (look->hero && !hero_context(ctx, ind, &line, &status)) {
        line.failed = true;
    }
    if (line.failed) {
        sb_free(&line);
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, ind->path, "%s",
                     _("cannot put the comparison into words (out of memory?)"));
        ctx->failed = true;
        return false;
    }
    if (direction && ind->better != BETTER_UNSPECIFIED)
        *color = (ind->better == BETTER_HIGHER) == (direction > 0) ? st->good : st->bad;
    else if (status >= 0)
        *color = status == 2 ? st->good : status == 1 ? st->muted : st->bad;
    if (line.len)
        *out = layout_text(ctx, sb_str(&line), look->change, width, ind->path, "value");
    bool ok = !line.len || *out;
    sb_free(&line);
    return ok;
}

/* The line under the label: period and scope, when the data gives them. */
static bool card_meta(layout_ctx *ctx, const card_look *look, const sheet_indicator *ind,
                      double width, text **out)
{
    strbuf line = {0};
    *out = NULL;
    if (!meaning_when_where(ind, &line)) {
        sb_free(&line);
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, ind->path, "%s", _("out of memory"));
        ctx->failed = true;
        return false;
    }
    if (line.len)
        *out = layout_text(ctx, sb_str(&line), look->meta, width, ind->path, "period");
    bool ok = !line.len || *out;
    sb_free(&line);
    return ok;
}

/* The largest figure size, down to 60 %, at which every figure of items
 * [first, first + count) fits inner; a figure too wide even then is named. */
static bool row_value_size(layout_ctx *ctx, const card_look *look, const sheet_block *blk,
                           size_t first, size_t count, double inner, double *size)
{
    *size = look->value->size;
    for (size_t k = 0; k < count; k++) {
        const sheet_indicator *ind = &ctx->s->indicators[blk->items[first + k].indicator];
        kpi_line probe;
        bool fits = false;
        while (!fits && kpi_line_build(ctx, look, ind, *size, &probe)) {
            bool wide = probe.width > inner;
            fits = !wide || *size <= fmax(look->value->size * ctx->st->kpi_value_min_share,
                                          ctx->st->text_min);
            kpi_line_free(&probe);
            if (!fits) {
                *size = fmax(*size * ctx->st->kpi_value_shrink, ctx->st->text_min);
            } else if (wide) {
                /* Measured before anything is drawn, named here. */
                strbuf path = {0};
                sb_printf(&path, "%s.value", ind->path);
                sheet_report(ctx->s, ctx->dl, ctx->strict ? DIAG_ERROR : DIAG_WARNING,
                             path.failed ? ind->path : sb_str(&path),
                             _("the figure with its unit is wider than its card in %s"), blk->path);
                sb_free(&path);
                if (ctx->strict)
                    ctx->failed = true;
            }
        }
        if (!fits || ctx->failed)
            return false;
    }
    return true;
}

typedef struct card {
    kpi_line line;
    text *label, *meta, *change;
    rgb change_color;
} card;

static void card_free(card *c)
{
    kpi_line_free(&c->line);
    text_free(c->label);
    text_free(c->meta);
    text_free(c->change);
    *c = (card){0};
}

static bool card_build(layout_ctx *ctx, const card_look *look, const sheet_item *it, double size,
                       double inner, card *c)
{
    const sheet_indicator *ind = &ctx->s->indicators[it->indicator];
    *c = (card){0};
    bool ok = kpi_line_build(ctx, look, ind, size, &c->line) &&
              (c->label = layout_text(ctx, it->label, look->label, inner, ind->path, "label")) &&
              card_meta(ctx, look, ind, inner, &c->meta) &&
              card_comparison(ctx, look, ind, inner, &c->change, &c->change_color);
    if (!ok)
        card_free(c);
    return ok;
}

static double card_height(const style *st, const card_look *look, const card *c)
{
    return 2 * look->pad + c->line.height + st->kpi_label_gap + text_height(c->label) +
           (c->meta ? st->kpi_change_gap + text_height(c->meta) : 0) +
           (c->change ? st->kpi_change_gap + text_height(c->change) : 0);
}

/* Draws card c at (x, y), cw wide and row_h tall; the card's texts are
 * taken (freed on failure). */
static bool card_draw(const style *st, const card_look *look, card *c, double x, double y,
                      double cw, double row_h, box *b)
{
    bool ok =
        page_add_rect(&b->marks, x, y, cw, row_h, st->card_fill) &&
        (look->accent_w <= 0 || page_add_rect(&b->marks, x, y, look->accent_w, row_h, st->accent));
    double lx = x + look->pad, base_y = y + look->pad + c->line.ascent;
    for (int i = 0; i < 4; i++) {
        text *t = c->line.part[i];
        c->line.part[i] = NULL;
        if (!t)
            continue;
        if (lx > x + look->pad)
            lx += st->kpi_unit_gap;
        double w = text_width(t);
        if (ok)
            ok = page_add_text(&b->marks, t, lx, base_y - text_baseline(t),
                               i == 1 ? st->accent : st->ink);
        else
            text_free(t);
        lx += w;
    }
    double ty = y + look->pad + c->line.height + st->kpi_label_gap;
    text *rest[3] = {c->label, c->meta, c->change};
    rgb colors[3] = {st->ink, st->muted, c->change_color};
    c->label = c->meta = c->change = NULL;
    for (int i = 0; i < 3; i++) {
        if (!rest[i])
            continue;
        double h = text_height(rest[i]);
        if (ok)
            ok = page_add_text(&b->marks, rest[i], x + look->pad, ty, colors[i]);
        else
            text_free(rest[i]);
        ty += h + st->kpi_change_gap;
    }
    return ok;
}

enum { ROW_MAX = 8 };

static bool cards_build(layout_ctx *ctx, const card_look *look, const sheet_block *blk,
                        double width, box *b)
{
    const style *st = ctx->st;
    size_t n = blk->n_items;
    size_t cols = (size_t)((width + look->gap) / (look->min_col_w + look->gap));
    if (cols > (size_t)look->max_cols)
        cols = (size_t)look->max_cols;
    if (cols > ROW_MAX)
        cols = ROW_MAX;
    if (cols < 1)
        cols = 1;
    if (cols > n)
        cols = n;
    size_t rows = (n + cols - 1) / cols;
    cols = (n + rows - 1) / rows; /* balance: 5 cards are 3 + 2, not 4 + 1 */
    double y = 0;
    for (size_t r = 0; r < rows; r++) {
        size_t first = r * cols, count = first + cols < n ? cols : n - first;
        /* A short last row keeps the columns of the rows above it. */
        double cw = (width - (double)(cols - 1) * look->gap) / (double)cols;
        double inner = cw - 2 * look->pad - look->accent_w, size, row_h = 0;
        if (!row_value_size(ctx, look, blk, first, count, inner, &size))
            return false;
        card cards[ROW_MAX] = {0};
        bool ok = true;
        for (size_t k = 0; k < count && ok; k++) {
            ok = card_build(ctx, look, &blk->items[first + k], size, inner, &cards[k]);
            if (ok && card_height(st, look, &cards[k]) > row_h)
                row_h = card_height(st, look, &cards[k]);
        }
        for (size_t k = 0; k < count; k++) {
            if (ok)
                ok = card_draw(st, look, &cards[k], (double)k * (cw + look->gap), y, cw, row_h, b);
            card_free(&cards[k]);
        }
        if (!ok)
            return false;
        y += row_h + (r + 1 < rows ? look->gap : 0);
    }
    b->height = y;
    return true;
}

bool kpi_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    const style *st = ctx->st;
    card_look look = {&st->kpi_value,   &st->kpi_unit,    &st->kpi_label, &st->kpi_change,
                      &st->kpi_change,  st->kpi_pad,      st->kpi_gap,    st->kpi_min_col_w,
                      st->kpi_accent_w, st->kpi_max_cols, false};
    return cards_build(ctx, &look, blk, width, b);
}

bool hero_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    const style *st = ctx->st;
    card_look look = {&st->hero_value,
                      &st->hero_unit,
                      &st->hero_label,
                      &st->hero_meta,
                      &st->hero_change,
                      st->hero_pad,
                      st->hero_gap,
                      st->hero_min_col_w,
                      st->hero_accent_w,
                      st->hero_max_cols,
                      true};
    return cards_build(ctx, &look, blk, width, b);
}
