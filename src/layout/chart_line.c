/* chart_line: indicators across the data years. In the year-Y sheet every
 * data year up to Y that has the indicator is drawn, read from the sibling
 * data files by indicator id. A data year without the figure is a gap in the
 * line, never an interpolation, and the note says which years are missing.
 * Figures written with different scale words (4636 个, 1.77 万个) share one
 * axis; figures in other units (万人次 beside 次) are left out and the note
 * says so: nothing is mixed silently. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "box.h"
#include "layout/scale.h"
#include "model/units.h"

enum { LINE_YEARS = 64, LINE_SERIES = STYLE_SERIES };

typedef struct line_series {
    const sheet_indicator *at[LINE_YEARS]; /* per data year; NULL = gap */
    double v[LINE_YEARS];                  /* converted to the axis unit */
} line_series;

/* The indicator of id in year (the sheet being laid out, or history). */
static const sheet_indicator *find(layout_ctx *ctx, int year, const char *id)
{
    if (year == ctx->s->year) {
        size_t k = sheet_find_indicator(ctx->s, id);
        return k == (size_t)SHEET_NONE || ctx->s->indicators[k].missing ? NULL
                                                                        : &ctx->s->indicators[k];
    }
    return history_lookup(ctx->hist, year, id);
}

/* Appends "name：2023年" for the first year of a series (sep "：") or
 * "、2024年" for the next ones (name NULL). */
static void append_year(strbuf *b, const char *name, const char *sep, int year)
{
    if (name)
        sb_printf(b, "%s%s%d年", name, sep, year);
    else
        sb_printf(b, "、%d年", year);
}

/* What the chart reads before it draws: the data years, the axis unit, the
 * series converted to it, and the notes on what is missing or left out. */
typedef struct line_data {
    int years[LINE_YEARS];
    size_t n_years;
    const char *unit; /* the axis unit */
    line_series ser[LINE_SERIES];
    size_t n_ser;
    size_t first; /* the first data year any line has */
    double vmin, vmax;
    strbuf missing, other_unit; /* for the note */
    chart_sources cs;
} line_data;

/* Where the plot lies in the box. */
typedef struct line_plot {
    scale sc;
    double plot_x, x0, x1, top, bottom;
    int y_first, y_last;
} line_plot;

static void line_data_free(line_data *d)
{
    sb_free(&d->missing);
    sb_free(&d->other_unit);
    chart_sources_free(&d->cs);
}

/* The data years up to this sheet's year. */
static void collect_years(const layout_ctx *ctx, line_data *d)
{
    for (size_t i = 0; ctx->hist && i < ctx->hist->n && d->n_years < LINE_YEARS - 1; i++)
        if (ctx->hist->years[i]->year < ctx->s->year)
            d->years[d->n_years++] = ctx->hist->years[i]->year;
    d->years[d->n_years++] = ctx->s->year;
}

/* The axis unit: the latest figure's unit, or the block's own. */
static const char *axis_unit(layout_ctx *ctx, const sheet_block *blk, const line_data *d)
{
    const char *unit = blk->unit;
    for (size_t y = d->n_years; !unit && y-- > 0;)
        for (size_t k = 0; k < d->n_ser && !unit; k++) {
            const sheet_indicator *ind = find(ctx, d->years[y], blk->items[k].id);
            if (ind)
                unit = ind->unit;
        }
    return unit;
}

/* Each line's figures in the axis unit; figures in another unit are left
 * out and named in other_unit. */
static void read_series(layout_ctx *ctx, const sheet_block *blk, line_data *d)
{
    d->vmin = INFINITY;
    d->vmax = -INFINITY;
    d->first = d->n_years;
    for (size_t k = 0; k < d->n_ser; k++) {
        const char *name = blk->items[k].label ? blk->items[k].label : blk->items[k].id;
        bool named_unit = false;
        for (size_t y = 0; y < d->n_years; y++) {
            const sheet_indicator *ind = find(ctx, d->years[y], blk->items[k].id);
            if (ind && !units_comparable(ind->unit, d->unit)) {
                append_year(&d->other_unit, named_unit ? NULL : name, "：", d->years[y]);
                named_unit = true;
                ind = NULL;
            }
            if (!ind)
                continue;
            if (!blk->items[k].label)
                name = ind->label;
            d->ser[k].at[y] = ind;
            d->ser[k].v[y] = units_convert(ind->value, ind->unit, d->unit);
            d->vmin = fmin(d->vmin, d->ser[k].v[y]);
            d->vmax = fmax(d->vmax, d->ser[k].v[y]);
            if (y < d->first)
                d->first = y;
            const sheet *src =
                d->years[y] == ctx->s->year ? ctx->s : history_year(ctx->hist, d->years[y]);
            chart_sources_add_file(&d->cs, src, ind->source_file);
        }
    }
}

/* The gaps: data years after a line's own first figure that lack it.
 * Years before it are not gaps: that line starts there. */
static void note_gaps(const sheet_block *blk, line_data *d)
{
    for (size_t k = 0; k < d->n_ser; k++) {
        bool named = false;
        const char *name = NULL;
        size_t own_first = d->n_years;
        for (size_t y = d->first; y < d->n_years; y++)
            if (d->ser[k].at[y] && !name) {
                name = d->ser[k].at[y]->label;
                own_first = y;
            }
        if (blk->items[k].label)
            name = blk->items[k].label;
        for (size_t y = own_first; y < d->n_years; y++) {
            if (d->ser[k].at[y])
                continue;
            append_year(&d->missing, named ? NULL : (name ? name : blk->items[k].id), "：",
                        d->years[y]);
            named = true;
        }
        if (named)
            sb_printf(&d->missing, "%s", "无此项数据，折线在此断开。");
    }
}

/* Reads everything the chart shows; false (reported) when there is nothing
 * to draw. */
static bool read_line_data(layout_ctx *ctx, const sheet_block *blk, line_data *d)
{
    d->n_ser = blk->n_items;
    if (d->n_ser > LINE_SERIES) {
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, blk->path,
                     _("a line chart of %zu lines is unreadable; at most %d are allowed"), d->n_ser,
                     (int)LINE_SERIES);
        ctx->failed = true;
        return false;
    }
    collect_years(ctx, d);
    d->unit = axis_unit(ctx, blk, d);
    if (!d->unit) {
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, blk->path,
                     _("no data year up to %d has indicator \"%s\""), ctx->s->year,
                     blk->items[0].id);
        ctx->failed = true;
        return false;
    }
    read_series(ctx, blk, d);
    note_gaps(blk, d);
    if (d->first == d->n_years) {
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, blk->path,
                     _("no data year up to %d has indicator \"%s\" in \"%s\""), ctx->s->year,
                     blk->items[0].id, d->unit);
        ctx->failed = true;
        return false;
    }
    return true;
}

/* A lone file (an installed binary run on one 2025.json elsewhere): the
 * title, written about a change over the years, would stand over a single
 * dot. A plain title says what there is, the note why. Sets lone->title
 * (kept in lone_title) when so. */
static void retitle_lone_point(layout_ctx *ctx, const sheet_block *blk, line_data *d,
                               sheet_block *lone, strbuf *lone_title)
{
    size_t n_points = 0;
    for (size_t yi = d->first; yi < d->n_years; yi++) {
        bool any = false;
        for (size_t k = 0; k < d->n_ser; k++)
            any = any || d->ser[k].at[yi];
        n_points += any;
    }
    if (n_points != 1 || d->n_years != 1)
        return;
    const sheet_indicator *only = NULL;
    for (size_t k = 0; k < d->n_ser && !only; k++)
        only = d->ser[k].at[d->first];
    sb_printf(lone_title, "%s（%d年）",
              d->n_ser == 1 && blk->items[0].label ? blk->items[0].label : only->label,
              d->years[d->first]);
    lone->title = sb_str(lone_title);
    sheet_report(ctx->s, ctx->dl, DIAG_WARNING, blk->path,
                 _("the line chart needs other years' data files beside this one (such as "
                   "%d.json) and there are none: it shows the one point of %d under a plain "
                   "title instead of \"%s\""),
                 ctx->s->year - 1, d->years[d->first], blk->title ? blk->title : "");
    sb_printf(&d->missing, "其他年份的数据文件不在此处，仅有%d年的数据。", d->years[d->first]);
}

/* The title (plain for a lone point) and, for several lines, the legend. */
static bool line_heading(layout_ctx *ctx, const sheet_block *blk, line_data *d, double width,
                         box *b, double *y)
{
    sheet_block lone = *blk;
    strbuf lone_title = {0};
    retitle_lone_point(ctx, blk, d, &lone, &lone_title);
    bool headed = !lone_title.failed && chart_header(ctx, &lone, d->unit, width, b, y);
    sb_free(&lone_title);
    if (!headed)
        return false;
    if (d->n_ser > 1) {
        const char *names[LINE_SERIES];
        for (size_t k = 0; k < d->n_ser; k++)
            names[k] = blk->items[k].label ? blk->items[k].label : blk->items[k].id;
        if (!chart_legend(ctx, blk, names, d->n_ser, true, width, b, y))
            return false;
    }
    return true;
}

/* The x of a data year: evenly by year, one year alone in the middle. */
static double year_x(const line_plot *p, int yr)
{
    double span = p->y_last > p->y_first ? (double)(p->y_last - p->y_first) : 1;
    return p->y_last > p->y_first ? p->x0 + ((double)(yr - p->y_first)) / span * (p->x1 - p->x0)
                                  : (p->x0 + p->x1) / 2;
}

/* The value axis and the plot's place under the heading at y. */
static bool line_value_axis(layout_ctx *ctx, const sheet_block *blk, const line_data *d,
                            double width, double y, line_plot *p, box *b)
{
    const style *st = ctx->st;
    /* Lines need not start at zero, but counts rarely mislead from zero. */
    p->sc = scale_nice(d->vmin, d->vmax, st->chart_target_ticks,
                       d->vmin >= 0 && d->vmin < d->vmax * 0.5);
    double tick_w = chart_tick_width(ctx, blk, &p->sc);
    if (tick_w < 0)
        return false;
    p->plot_x = tick_w + st->chart_axis_gap + st->chart_tick_len;
    p->x0 = p->plot_x + st->line_end_pad;
    p->x1 = width - st->line_end_pad;
    double label_h = st->point_label.size * st->line_label_lead;
    p->top = y + label_h + st->line_label_gap;
    p->bottom = p->top + st->line_plot_h;
    p->y_first = d->years[d->first];
    p->y_last = d->years[d->n_years - 1];
    return chart_value_axis(ctx, blk, &p->sc, p->plot_x, width, p->top, p->bottom, b);
}

/* Year labels under the axis, one per data year, and the axis line; the
 * labels' height in *year_h. */
static bool line_year_axis(layout_ctx *ctx, const sheet_block *blk, const line_data *d,
                           const line_plot *p, double width, box *b, double *year_h)
{
    const style *st = ctx->st;
    *year_h = 0;
    for (size_t yi = d->first; yi < d->n_years; yi++) {
        strbuf lab = {0};
        text *t = sb_printf(&lab, "%d", d->years[yi])
                      ? layout_text(ctx, sb_str(&lab), &st->axis_label, 0, blk->path, NULL)
                      : NULL;
        sb_free(&lab);
        if (!t)
            return false;
        *year_h = fmax(*year_h, text_height(t));
        double x = year_x(p, d->years[yi]);
        if (!page_add_line(&b->marks, x, p->bottom, x, p->bottom + st->chart_tick_len, st->axis,
                           st->chart_grid_w) ||
            !page_add_text(&b->marks, t, x - text_width(t) / 2,
                           p->bottom + st->chart_tick_len + st->line_year_drop, st->muted))
            return false;
    }
    return page_add_line(&b->marks, p->plot_x, p->bottom, width, p->bottom, st->axis,
                         st->chart_axis_w);
}

/* Line k's segments: they join consecutive data years that both have the figure. */
static bool draw_segments(const style *st, const line_data *d, size_t k, const line_plot *p, box *b)
{
    rgb color = st->series[k % STYLE_SERIES];
    size_t run = 0;
    double pts[2 * LINE_YEARS];
    for (size_t yi = d->first; yi <= d->n_years; yi++) {
        bool have = yi < d->n_years && d->ser[k].at[yi];
        if (have) {
            pts[2 * run] = year_x(p, d->years[yi]);
            pts[2 * run + 1] = scale_map(&p->sc, d->ser[k].v[yi], p->bottom, p->top);
            run++;
        }
        if ((!have || yi == d->n_years) && run > 0) {
            if (run > 1) {
                mark m = {.kind = MARK_POLYLINE, .n_points = run};
                m.points = malloc(2 * run * sizeof *m.points);
                if (!m.points)
                    return false;
                memcpy(m.points, pts, 2 * run * sizeof *m.points);
                m.paint = (mark_paint){.stroke = color,
                                       .stroked = true,
                                       .line_width = st->line_w,
                                       .dash = st->grayscale && k % 2 ? st->line_dash : 0};
                if (!page_add_mark(&b->marks, &m))
                    return false;
            }
            run = 0;
        }
    }
    return true;
}

/* Placed point labels, to keep the next one off them. */
typedef struct label_boxes {
    double at[LINE_SERIES * LINE_YEARS][4]; /* x0, y0, x1, y1 */
    size_t n;
} label_boxes;

/* Where a point label of tw x th goes: centred above the point, kept in the
 * plot, below the point instead when it would cover a placed one. */
static void place_label(const style *st, label_boxes *placed, double px, double py, double tw,
                        double th, double plot_x, double width, double *lx, double *ly)
{
    *lx = fmin(fmax(px - tw / 2, plot_x), width - tw);
    *ly = py - st->line_label_gap - th;
    for (size_t q = 0; q < placed->n; q++) {
        bool hit = *lx < placed->at[q][2] && *lx + tw > placed->at[q][0] &&
                   *ly < placed->at[q][3] && *ly + th > placed->at[q][1];
        if (hit) {
            *ly = py + st->line_label_gap + st->line_label_below; /* below the point instead */
            break;
        }
    }
    placed->at[placed->n][0] = *lx;
    placed->at[placed->n][1] = *ly;
    placed->at[placed->n][2] = *lx + tw;
    placed->at[placed->n][3] = *ly + th;
    placed->n++;
}

/* Line k's markers and their figures; mixed: the figures were written in
 * different units, so every label says its own. */
static bool draw_points(layout_ctx *ctx, const line_data *d, size_t k, const line_plot *p,
                        bool mixed, double width, label_boxes *placed, box *b)
{
    const style *st = ctx->st;
    rgb color = st->series[k % STYLE_SERIES];
    for (size_t yi = d->first; yi < d->n_years; yi++) {
        const sheet_indicator *ind = d->ser[k].at[yi];
        if (!ind)
            continue;
        double px = year_x(p, d->years[yi]);
        double py = scale_map(&p->sc, d->ser[k].v[yi], p->bottom, p->top);
        mark m = {.kind = MARK_MARKER,
                  .x = px,
                  .y = py,
                  .w = st->line_marker,
                  .shape = (marker_shape)(k % 4)};
        m.paint = (mark_paint){.fill = color,
                               .filled = true,
                               .stroke = st->line_marker_edge,
                               .stroked = true,
                               .line_width = st->line_marker_edge_w};
        if (!page_add_mark(&b->marks, &m))
            return false;
        /* The figure as written, with its unit when it is not the axis unit. */
        strbuf lab = {0};
        bool formatted = mixed /* each label states its own unit, qualifier in its place */
                             ? numfmt_with_unit(ind->literal, ind->unit, ind->qualifier, &lab) ||
                                   layout_figure_failed(ctx, ind)
                             : chart_figure(ctx, ind, &lab);
        text *t = formatted
                      ? layout_text(ctx, sb_str(&lab), &st->point_label, 0, ind->path, "value")
                      : NULL;
        sb_free(&lab);
        if (!t)
            return false;
        double lx, ly;
        place_label(st, placed, px, py, text_width(t), text_height(t), p->plot_x, width, &lx, &ly);
        /* An official document prints every figure in black. */
        if (!page_add_text(&b->marks, t, lx, ly, st->official ? st->ink : color))
            return false;
    }
    return true;
}

/* Whether any figure was written in another unit than the axis's (4636个
 * beside 1.77万个): then every label says its own unit, so none reads as a
 * bare axis value. */
static bool units_mixed(const line_data *d)
{
    for (size_t k = 0; k < d->n_ser; k++)
        for (size_t yi = d->first; yi < d->n_years; yi++)
            if (d->ser[k].at[yi] &&
                strcmp(d->ser[k].at[yi]->unit ? d->ser[k].at[yi]->unit : "", d->unit))
                return true;
    return false;
}

/* The note: the gaps, the figures left out, the sources. */
static bool line_note(layout_ctx *ctx, const sheet_block *blk, line_data *d, double width, box *b,
                      double *y)
{
    strbuf extra = {0};
    sb_printf(&extra, "%s%s%s", sb_str(&d->missing), sb_str(&d->other_unit),
              d->other_unit.len ? "的数据单位口径不同，未绘入。" : "");
    bool noted = !extra.failed &&
                 chart_note(ctx, blk, &d->cs, extra.len ? sb_str(&extra) : NULL, width, b, y);
    sb_free(&extra);
    return noted;
}

static bool line_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b, line_data *d)
{
    const style *st = ctx->st;
    if (!read_line_data(ctx, blk, d))
        return false;
    double y = 0;
    line_plot p;
    double year_h;
    if (!line_heading(ctx, blk, d, width, b, &y) ||
        !line_value_axis(ctx, blk, d, width, y, &p, b) ||
        !line_year_axis(ctx, blk, d, &p, width, b, &year_h))
        return false;
    bool mixed = units_mixed(d);
    label_boxes placed = {.n = 0};
    for (size_t k = 0; k < d->n_ser; k++)
        if (!draw_segments(st, d, k, &p, b) ||
            !draw_points(ctx, d, k, &p, mixed, width, &placed, b))
            return false;
    y = p.bottom + st->chart_tick_len + st->line_year_drop + year_h;
    if (!line_note(ctx, blk, d, width, b, &y))
        return false;
    b->height = y;
    return true;
}

bool chart_line_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    line_data d = {0};
    bool ok = line_build(ctx, blk, width, b, &d);
    line_data_free(&d);
    return ok;
}
