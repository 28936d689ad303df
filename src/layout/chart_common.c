/* chart_common: what every chart shares: series paints, the header (title
 * and unit), the legend, the value axis and the note with its sources. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "box.h"
#include "layout/scale.h"
#include "model/units.h"

mark_paint chart_series_paint(const style *st, size_t i)
{
    mark_paint p = {0};
    p.fill = st->series[i % STYLE_SERIES];
    p.filled = true;
    p.hatch = st->series_hatch[i % STYLE_SERIES];
    /* Hatch lines must show on the fill: dark ink on light grays. */
    double l = style_luminance(p.fill);
    p.hatch_color = l > st->hatch_light_above ? st->hatch_on_light : st->hatch_ink;
    return p;
}

bool chart_figure(layout_ctx *ctx, const sheet_indicator *ind, strbuf *out)
{
    /* The unit is stated once for the chart, so a qualifier that follows the
     * scale word in running text (9万余人次) follows the number here: 9余. */
    numfmt_parts np, scaled;
    bool ok = numfmt_figure(ind->literal, NULL, ind->qualifier, &np);
    ok = numfmt_figure(ind->literal, ind->unit, ind->qualifier, &scaled) && ok;
    /* 以上 and 左右 follow the unit in running text; with the unit stated
     * once for the chart they follow the number. */
    const char *after = np.after[0] ? np.after
                        : ind->qualifier && (strcmp(ind->qualifier, "以上") == 0 ||
                                             strcmp(ind->qualifier, "左右") == 0)
                            ? ind->qualifier
                            : "";
    ok = ok && sb_printf(out, "%s%s%s", np.before, scaled.number, after);
    numfmt_parts_free(&np);
    numfmt_parts_free(&scaled);
    return ok || layout_figure_failed(ctx, ind);
}

bool chart_header(layout_ctx *ctx, const sheet_block *blk, const char *unit, double width, box *b,
                  double *y)
{
    const style *st = ctx->st;
    double h;
    strbuf title = {0};
    if (st->official && ctx->chart_no >= 0) /* charts are the （一） （二） … of their section */
        layout_heading_number(2, ++ctx->chart_no, &title);
    if (st->official)
        sb_printf(&title, "%s", blk->title);
    bool titled =
        !title.failed && box_text(ctx, b, st->official ? sb_str(&title) : blk->title,
                                  &st->chart_title, 0, *y, width, st->ink, blk->path, "title", &h);
    sb_free(&title);
    if (!titled)
        return false;
    *y += h + st->chart_title_gap;
    if (unit && unit[0]) {
        strbuf line = {0};
        sb_printf(&line, "单位：%s", unit);
        /* Wrapped to the chart: a long unit on one line ran off the page. */
        bool ok = !line.failed && box_text(ctx, b, sb_str(&line), &st->chart_unit, 0, *y, width,
                                           st->muted, blk->path, "unit", &h);
        sb_free(&line);
        if (!ok)
            return false;
        *y += h;
    }
    *y += st->chart_title_gap;
    return true;
}

bool chart_legend(layout_ctx *ctx, const sheet_block *blk, const char *const *names, size_t n,
                  bool as_lines, double width, box *b, double *y)
{
    const style *st = ctx->st;
    double x = 0, row_h = 0;
    for (size_t i = 0; i < n; i++) {
        text *t = layout_text(ctx, names[i], &st->legend, 0, blk->path, "series");
        if (!t)
            return false;
        double tw = text_width(t), th = text_height(t);
        double item_w = st->legend_swatch + st->legend_text_gap + tw;
        if (x > 0 && x + item_w > width) { /* wrap rather than run out of the box */
            x = 0;
            *y += row_h + 3;
            row_h = 0;
        }
        double cy = *y + th / 2;
        mark m = {0};
        if (as_lines) {
            m.kind = MARK_LINE;
            m.x = x;
            m.y = cy;
            m.w = st->legend_swatch + st->legend_line_extra;
            m.paint.stroke = st->series[i % STYLE_SERIES];
            m.paint.stroked = true;
            m.paint.line_width = st->line_w;
            m.paint.dash = st->grayscale && i % 2 ? st->legend_dash : 0;
        } else {
            m.kind = MARK_RECT;
            m.x = x;
            m.y = cy - st->legend_swatch / 2;
            m.w = m.h = st->legend_swatch;
            m.paint = chart_series_paint(st, i);
        }
        if (!page_add_mark(&b->marks, &m) ||
            !page_add_text(&b->marks, t, x + st->legend_swatch + st->legend_text_gap, *y, st->ink))
            return false;
        x += item_w + st->legend_gap;
        if (th > row_h)
            row_h = th;
    }
    *y += row_h + st->legend_after;
    return true;
}

void chart_sources_add(chart_sources *cs, const char *title)
{
    if (!title)
        return;
    for (size_t i = 0; i < cs->n; i++)
        if (strcmp(cs->titles[i], title) == 0)
            return;
    if (cs->n == cs->cap) {
        size_t cap = cs->cap ? 2 * cs->cap : 8;
        const char **t = realloc(cs->titles, cap * sizeof *t);
        if (!t) {
            cs->failed = true;
            return;
        }
        cs->titles = t;
        cs->cap = cap;
    }
    cs->titles[cs->n++] = title;
}

void chart_sources_free(chart_sources *cs)
{
    free(cs->titles);
    *cs = (chart_sources){0};
}

void chart_sources_add_file(chart_sources *cs, const sheet *s, const char *file)
{
    for (size_t i = 0; file && i < s->n_sources; i++)
        if (s->sources[i].file && strcmp(s->sources[i].file, file) == 0)
            chart_sources_add(cs, s->sources[i].title);
}

bool chart_note(layout_ctx *ctx, const sheet_block *blk, const chart_sources *cs, const char *extra,
                double width, box *b, double *y)
{
    const style *st = ctx->st;
    strbuf note = {0};
    if (blk->text)
        sb_printf(&note, "%s%s", "注：", blk->text);
    if (extra)
        sb_printf(&note, "%s%s", note.len ? "　" : "", extra);
    /* The footer names the sheet's one source on every page; a chart names
     * its own only when the sheet has several. */
    for (size_t i = 0; ctx->s->n_sources > 1 && i < cs->n; i++)
        sb_printf(&note, "%s《%s》", i == 0 ? (note.len ? "　来源：" : "来源：") : "；",
                  cs->titles[i]);
    if (note.failed || cs->failed) {
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, blk->path, "%s",
                     _("the chart's note is too long to set"));
        ctx->failed = true;
        sb_free(&note);
        return false;
    }
    bool ok = true;
    if (note.len) {
        double h;
        *y += st->chart_note_gap;
        ok = box_text(ctx, b, sb_str(&note), &st->chart_note, 0, *y, width, st->muted, blk->path,
                      "note", &h);
        *y += ok ? h : 0;
    }
    sb_free(&note);
    return ok;
}

/* An axis value that cannot be written (not finite, out of memory). */
static text *axis_failed(layout_ctx *ctx, const sheet_block *blk)
{
    sheet_report(ctx->s, ctx->dl, DIAG_ERROR, blk->path, "%s",
                 _("cannot write the chart's axis values (out of memory, or figures too large)"));
    ctx->failed = true;
    return NULL;
}

double chart_tick_width(layout_ctx *ctx, const sheet_block *blk, const scale *sc)
{
    double w = 0;
    for (int i = 0; i < sc->n_ticks; i++) {
        strbuf num = {0};
        text *t = numfmt_axis(scale_tick(sc, i), sc->decimals, &num)
                      ? layout_text(ctx, sb_str(&num), &ctx->st->axis_label, 0, blk->path, NULL)
                      : axis_failed(ctx, blk);
        sb_free(&num);
        if (!t)
            return -1;
        if (text_width(t) > w)
            w = text_width(t);
        text_free(t);
    }
    return w;
}

bool chart_value_axis(layout_ctx *ctx, const sheet_block *blk, const scale *sc, double x0,
                      double x1, double top, double bottom, box *b)
{
    const style *st = ctx->st;
    for (int i = 0; i < sc->n_ticks; i++) {
        double ty = scale_map(sc, scale_tick(sc, i), bottom, top);
        strbuf num = {0};
        text *t = numfmt_axis(scale_tick(sc, i), sc->decimals, &num)
                      ? layout_text(ctx, sb_str(&num), &st->axis_label, 0, blk->path, NULL)
                      : axis_failed(ctx, blk);
        sb_free(&num);
        if (!t)
            return false;
        if (!page_add_line(&b->marks, x0, ty, x1, ty, st->grid, st->chart_grid_w) ||
            !page_add_line(&b->marks, x0 - st->chart_tick_len, ty, x0, ty, st->axis,
                           st->chart_grid_w) ||
            !page_add_text(&b->marks, t,
                           x0 - st->chart_tick_len - st->chart_axis_gap - text_width(t),
                           ty - text_height(t) / 2, st->muted))
            return false;
    }
    return true;
}

int chart_target_status(const sheet_indicator *ind, const target *tg)
{
    /* 已实现 only when the figure proves it: an exact figure, or one that
     * is a bound on the right side (超79岁 for higher-is-better, 5‰以下
     * for lower-is-better); about-figures that reach it are 接近目标. */
    bool reaches = target_met(tg, units_convert(ind->value, ind->unit, tg->unit));
    numfmt_bound bound;
    numfmt_qualifier(ind->qualifier, &bound);
    bool proven = bound == BOUND_EXACT || (bound == BOUND_AT_LEAST && tg->better != BETTER_LOWER) ||
                  (bound == BOUND_AT_MOST && tg->better == BETTER_LOWER);
    return reaches && proven ? 2 : reaches ? 1 : 0;
}
