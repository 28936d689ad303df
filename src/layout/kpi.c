/* kpi: a grid of KPI cards. Each card: the figure large, with its
 * qualifier and unit on one baseline; the label; and, when an earlier data
 * year has the same indicator in a comparable unit, the change against it:
 * absolute and relative (percentage points for % and ‰), with an arrow and a
 * colour that know whether higher or lower is better, worded "较上年" or
 * "较2021年" when the previous data year is not the year before.
 *
 * The grid adapts its columns to the count and the width, balanced so five
 * cards are 3 + 2, not 4 + 1. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "box.h"
#include "model/units.h"

/* One KPI card's value line: [before] number [after] unit, on one baseline. */
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

static bool kpi_line_build(layout_ctx *ctx, const sheet_indicator *ind, double value_size,
                           kpi_line *kl)
{
    const style *st = ctx->st;
    numfmt_parts np;
    if (ind->missing) /* a draft: say so where the figure will stand */
        numfmt_figure("待填", NULL, NULL, &np);
    else
        numfmt_figure(ind->literal, ind->unit, ind->qualifier, &np);
    text_style big = st->kpi_value;
    big.size = value_size;
    const char *strs[4] = {np.before, np.number, np.after, np.unit};
    const char *fields[4] = {"qualifier", "value", "qualifier", "unit"};
    *kl = (kpi_line){0};
    for (int i = 0; i < 4; i++) {
        if (!strs[i][0])
            continue;
        kl->part[i] = layout_text(ctx, strs[i], i == 1 ? &big : &st->kpi_unit, 0, ind->path,
                                  fields[i]);
        if (!kl->part[i]) {
            kpi_line_free(kl);
            return false;
        }
        double base = text_baseline(kl->part[i]);
        if (base > kl->ascent)
            kl->ascent = base;
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

/* The change against the previous data year with the indicator, as text in
 * *out (NULL when there is none); false on failure. The change is derived, so
 * it is rounded to the coarser precision of the two figures it comes from. */
static bool kpi_change(layout_ctx *ctx, const sheet_indicator *ind, double width, text **out,
                       rgb *color)
{
    const style *st = ctx->st;
    *out = NULL;
    if (ind->missing)
        return true;
    int prev_year = 0;
    const sheet_indicator *prev =
        history_previous(ctx->hist, ctx->s->year, ind->id, ind->unit, &prev_year);
    /* An approximate figure (约, 余, 以上 …) on either side gives no exact
     * difference: no change is printed rather than a precise-looking one. */
    if (!prev || (ind->qualifier && ind->qualifier[0]) ||
        (prev->qualifier && prev->qualifier[0]))
        return true;
    unit_parts cu = units_split(ind->unit), pu = units_split(prev->unit);
    double p = units_convert(prev->value, prev->unit, ind->unit);
    int dec_prev = units_decimals(prev->literal) + (int)lround(log10(cu.scale / pu.scale));
    int dec = units_decimals(ind->literal);
    if (dec_prev < dec)
        dec = dec_prev;
    if (dec < 0)
        dec = 0;
    double delta = ind->value - p;
    double unit_step = pow(10, -dec);
    double rounded = round(delta / unit_step) * unit_step;
    char when[32], abs_s[NUMFMT_MAX], line[256];
    if (prev_year == ctx->s->year - 1)
        snprintf(when, sizeof when, "%s", "较上年");
    else
        snprintf(when, sizeof when, "较%d年", prev_year);
    numfmt_axis(fabs(rounded), dec, abs_s, sizeof abs_s);
    const char *arrow = rounded > 0 ? "▲" : rounded < 0 ? "▼" : "";
    if (rounded == 0) {
        snprintf(line, sizeof line, "%s%s", when, "持平");
    } else if (cu.percent) {
        /* Shares change in points, not in per cent. */
        snprintf(line, sizeof line, "%s %s%s%s", when, arrow, abs_s,
                 strcmp(cu.base, "%") == 0 ? "个百分点" : "个千分点");
    } else if (p != 0) {
        double rel = delta / fabs(p) * 100;
        char rel_s[NUMFMT_MAX];
        numfmt_axis(fabs(rel), fabs(rel) >= 100 ? 0 : 1, rel_s, sizeof rel_s);
        snprintf(line, sizeof line, "%s %s%s%s，%s%s%%", when, arrow, abs_s, ind->unit, 
                 rel > 0 ? "+" : "−", rel_s);
    } else {
        snprintf(line, sizeof line, "%s %s%s%s", when, arrow, abs_s, ind->unit);
    }
    bool up = rounded > 0;
    *color = ind->better == BETTER_UNSPECIFIED || rounded == 0 ? st->muted
             : (ind->better == BETTER_HIGHER) == up          ? st->good
                                                             : st->bad;
    *out = layout_text(ctx, line, &st->kpi_change, width, ind->path, "value");
    return *out != NULL;
}

bool kpi_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    const style *st = ctx->st;
    size_t n = blk->n_items;
    size_t cols = (size_t)((width + st->kpi_gap) / (st->kpi_min_col_w + st->kpi_gap));
    if (cols > (size_t)st->kpi_max_cols)
        cols = (size_t)st->kpi_max_cols;
    if (cols < 1)
        cols = 1;
    if (cols > n)
        cols = n;
    size_t rows = (n + cols - 1) / cols;
    cols = (n + rows - 1) / rows; /* balance: 5 cards are 3 + 2, not 4 + 1 */
    double cw = (width - (double)(cols - 1) * st->kpi_gap) / (double)cols;
    double inner = cw - 2 * st->kpi_pad;
    double y = 0;
    for (size_t r = 0; r < rows; r++) {
        size_t first = r * cols, last = first + cols < n ? first + cols : n;
        kpi_line lines[32];
        text *labels[32], *changes[32] = {0};
        rgb change_color[32];
        double row_h = 0;
        size_t count = last - first;
        if (count > 32)
            count = 32;
        /* One figure size per row: the largest at which every card's figure
         * fits its card, so figures side by side compare at a glance. */
        double size = st->kpi_value.size;
        for (size_t k = 0; k < count; k++) {
            const sheet_indicator *ind = &ctx->s->indicators[blk->items[first + k].indicator];
            kpi_line probe;
            bool fits = false;
            while (!fits && kpi_line_build(ctx, ind, size, &probe)) {
                bool wide = probe.width > inner;
                fits = !wide || size <= st->kpi_value.size * 0.6;
                kpi_line_free(&probe);
                if (!fits)
                    size *= 0.88;
                else if (wide) {
                    /* Even at its smallest the figure is wider than its card:
                     * measured before anything is drawn, named here. */
                    char path[256];
                    snprintf(path, sizeof path, "%s.value", ind->path);
                    sheet_report(ctx->s, ctx->dl, ctx->strict ? DIAG_ERROR : DIAG_WARNING, path,
                                 _("the figure with its unit is wider than its card in %s"),
                                 blk->path);
                    if (ctx->strict)
                        ctx->failed = true;
                }
            }
            if (!fits || ctx->failed)
                return false;
        }
        for (size_t k = 0; k < count; k++) {
            const sheet_indicator *ind = &ctx->s->indicators[blk->items[first + k].indicator];
            bool ok = kpi_line_build(ctx, ind, size, &lines[k]);
            labels[k] = ok ? layout_text(ctx, blk->items[first + k].label, &st->kpi_label, inner,
                                         ind->path, "label")
                           : NULL;
            bool changed = ok && labels[k] &&
                           kpi_change(ctx, ind, inner, &changes[k], &change_color[k]);
            if (!changed) {
                if (ok)
                    kpi_line_free(&lines[k]);
                if (ok)
                    text_free(labels[k]);
                for (size_t j = 0; j < k; j++) {
                    kpi_line_free(&lines[j]);
                    text_free(labels[j]);
                    text_free(changes[j]);
                }
                return false;
            }
            double h = 2 * st->kpi_pad + lines[k].height + st->kpi_label_gap +
                       text_height(labels[k]) +
                       (changes[k] ? st->kpi_change_gap + text_height(changes[k]) : 0);
            if (h > row_h)
                row_h = h;
        }
        bool ok = true;
        for (size_t k = 0; k < count; k++) {
            double x = (double)k * (cw + st->kpi_gap);
            ok = ok && page_add_rect(&b->marks, x, y, cw, row_h, st->card_fill) &&
                 (st->kpi_accent_w <= 0 ||
                  page_add_rect(&b->marks, x, y, st->kpi_accent_w, row_h, st->accent));
            double lx = x + st->kpi_pad;
            double base_y = y + st->kpi_pad + lines[k].ascent;
            for (int i = 0; i < 4; i++) {
                text *t = lines[k].part[i];
                if (!t)
                    continue;
                if (lx > x + st->kpi_pad)
                    lx += st->kpi_unit_gap;
                double w = text_width(t);
                rgb color = i == 1 ? st->accent : st->ink;
                if (ok)
                    ok = page_add_text(&b->marks, t, lx, base_y - text_baseline(t), color);
                else
                    text_free(t);
                lines[k].part[i] = NULL;
                lx += w;
            }
            double ly = y + st->kpi_pad + lines[k].height + st->kpi_label_gap;
            double cy = ly + text_height(labels[k]) + st->kpi_change_gap;
            if (ok)
                ok = page_add_text(&b->marks, labels[k], x + st->kpi_pad, ly, st->muted);
            else
                text_free(labels[k]);
            if (changes[k] && ok)
                ok = page_add_text(&b->marks, changes[k], x + st->kpi_pad, cy, change_color[k]);
            else if (changes[k])
                text_free(changes[k]);
        }
        if (!ok)
            return false;
        y += row_h + (r + 1 < rows ? st->kpi_gap : 0);
    }
    b->height = y;
    return true;
}

