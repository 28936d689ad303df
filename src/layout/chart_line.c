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

bool chart_line_build(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    const style *st = ctx->st;
    size_t n_ser = blk->n_items;
    if (n_ser > LINE_SERIES) {
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, blk->path,
                     _("a line chart of %zu lines is unreadable; at most %d are allowed"), n_ser,
                     (int)LINE_SERIES);
        ctx->failed = true;
        return false;
    }
    /* The data years up to this sheet's year. */
    int years[LINE_YEARS];
    size_t n_years = 0;
    for (size_t i = 0; ctx->hist && i < ctx->hist->n && n_years < LINE_YEARS - 1; i++)
        if (ctx->hist->years[i]->year < ctx->s->year)
            years[n_years++] = ctx->hist->years[i]->year;
    years[n_years++] = ctx->s->year;

    /* The axis unit: the latest figure's unit, or the block's own. */
    const char *unit = blk->unit;
    for (size_t y = n_years; !unit && y-- > 0;)
        for (size_t k = 0; k < n_ser && !unit; k++) {
            const sheet_indicator *ind = find(ctx, years[y], blk->items[k].id);
            if (ind)
                unit = ind->unit;
        }
    if (!unit) {
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, blk->path,
                     _("no data year up to %d has indicator \"%s\""), ctx->s->year,
                     blk->items[0].id);
        ctx->failed = true;
        return false;
    }

    line_series ser[LINE_SERIES];
    memset(ser, 0, sizeof ser);
    strbuf missing = {0}, other_unit = {0};
    double vmin = INFINITY, vmax = -INFINITY;
    size_t first = n_years;
    chart_sources cs = {0};
    for (size_t k = 0; k < n_ser; k++) {
        const char *name = blk->items[k].label ? blk->items[k].label : blk->items[k].id;
        bool named_unit = false;
        for (size_t y = 0; y < n_years; y++) {
            const sheet_indicator *ind = find(ctx, years[y], blk->items[k].id);
            if (ind && !units_comparable(ind->unit, unit)) {
                append_year(&other_unit, named_unit ? NULL : name, "：", years[y]);
                named_unit = true;
                ind = NULL;
            }
            if (!ind)
                continue;
            if (!blk->items[k].label)
                name = ind->label;
            ser[k].at[y] = ind;
            ser[k].v[y] = units_convert(ind->value, ind->unit, unit);
            vmin = fmin(vmin, ser[k].v[y]);
            vmax = fmax(vmax, ser[k].v[y]);
            if (y < first)
                first = y;
            const sheet *src = years[y] == ctx->s->year ? ctx->s : history_year(ctx->hist, years[y]);
            chart_sources_add_file(&cs, src, ind->source_file);
        }
    }
    /* The gaps: data years after a line's own first figure that lack it.
     * Years before it are not gaps: that line starts there. */
    for (size_t k = 0; k < n_ser; k++) {
        bool named = false;
        const char *name = NULL;
        size_t own_first = n_years;
        for (size_t y = first; y < n_years; y++)
            if (ser[k].at[y] && !name) {
                name = ser[k].at[y]->label;
                own_first = y;
            }
        if (blk->items[k].label)
            name = blk->items[k].label;
        for (size_t y = own_first; y < n_years; y++) {
            if (ser[k].at[y])
                continue;
            append_year(&missing, named ? NULL : (name ? name : blk->items[k].id),
                        "：", years[y]);
            named = true;
        }
        if (named)
            sb_printf(&missing, "%s", "无此项数据，折线在此断开。");
    }
    if (first == n_years) {
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, blk->path,
                     _("no data year up to %d has indicator \"%s\" in \"%s\""), ctx->s->year,
                     blk->items[0].id, unit);
        ctx->failed = true;
        goto fail;
    }

    /* A lone file (an installed binary run on one 2025.json elsewhere): the
     * title, written about a change over the years, would stand over a
     * single dot. A plain title says what there is, the note why. */
    size_t n_points = 0;
    for (size_t yi = first; yi < n_years; yi++) {
        bool any = false;
        for (size_t k = 0; k < n_ser; k++)
            any = any || ser[k].at[yi];
        n_points += any;
    }
    sheet_block lone = *blk;
    strbuf lone_title = {0};
    if (n_points == 1 && n_years == 1) {
        const sheet_indicator *only = NULL;
        for (size_t k = 0; k < n_ser && !only; k++)
            only = ser[k].at[first];
        sb_printf(&lone_title, "%s（%d年）", n_ser == 1 && blk->items[0].label
                                                 ? blk->items[0].label
                                                 : only->label,
                  years[first]);
        lone.title = sb_str(&lone_title);
        sheet_report(ctx->s, ctx->dl, DIAG_WARNING, blk->path,
                     _("the line chart needs other years' data files beside this one (such as "
                       "%d.json) and there are none: it shows the one point of %d under a plain "
                       "title instead of \"%s\""),
                     ctx->s->year - 1, years[first], blk->title ? blk->title : "");
        sb_printf(&missing, "其他年份的数据文件不在此处，仅有%d年的数据。", years[first]);
    }
    double y = 0;
    bool headed = !lone_title.failed && chart_header(ctx, &lone, unit, width, b, &y);
    sb_free(&lone_title);
    if (!headed)
        goto fail;
    if (n_ser > 1) {
        const char *names[LINE_SERIES];
        for (size_t k = 0; k < n_ser; k++)
            names[k] = blk->items[k].label ? blk->items[k].label : blk->items[k].id;
        if (!chart_legend(ctx, blk, names, n_ser, true, width, b, &y))
            goto fail;
    }
    /* Lines need not start at zero, but counts rarely mislead from zero. */
    scale sc = scale_nice(vmin, vmax, st->chart_target_ticks, vmin >= 0 && vmin < vmax * 0.5);
    double tick_w = chart_tick_width(ctx, blk, &sc);
    if (tick_w < 0)
        goto fail;
    double plot_x = tick_w + st->chart_axis_gap + st->chart_tick_len;
    double pad = 28; /* room for the first and last point labels */
    double x0 = plot_x + pad, x1 = width - pad;
    double label_h = st->point_label.size * 1.45;
    double top = y + label_h + st->line_label_gap, bottom = top + st->line_plot_h;
    if (!chart_value_axis(ctx, blk, &sc, plot_x, width, top, bottom, b))
        goto fail;
    int y_first = years[first], y_last = years[n_years - 1];
    double span = y_last > y_first ? (double)(y_last - y_first) : 1;
#define XPOS(yr) (y_last > y_first ? x0 + ((double)((yr) - y_first)) / span * (x1 - x0) \
                                   : (x0 + x1) / 2)
    /* Year labels under the axis, one per data year. */
    double year_h = 0;
    for (size_t yi = first; yi < n_years; yi++) {
        strbuf lab = {0};
        text *t = sb_printf(&lab, "%d", years[yi])
                      ? layout_text(ctx, sb_str(&lab), &st->axis_label, 0, blk->path, NULL)
                      : NULL;
        sb_free(&lab);
        if (!t)
            goto fail;
        year_h = fmax(year_h, text_height(t));
        double x = XPOS(years[yi]);
        if (!page_add_line(&b->marks, x, bottom, x, bottom + st->chart_tick_len, st->axis,
                           st->chart_grid_w) ||
            !page_add_text(&b->marks, t, x - text_width(t) / 2, bottom + st->chart_tick_len + 1,
                           st->muted))
            goto fail;
    }
    if (!page_add_line(&b->marks, plot_x, bottom, width, bottom, st->axis, st->chart_axis_w))
        goto fail;

    /* When figures were written in different units, every label says its own
     * unit (4636个 beside 1.77万个), so none reads as a bare axis value. */
    bool mixed = false;
    for (size_t k = 0; k < n_ser; k++)
        for (size_t yi = first; yi < n_years; yi++)
            if (ser[k].at[yi] && strcmp(ser[k].at[yi]->unit ? ser[k].at[yi]->unit : "", unit))
                mixed = true;
    /* Placed labels, to keep the next one off them. */
    double placed[LINE_SERIES * LINE_YEARS][4];
    size_t n_placed = 0;
    for (size_t k = 0; k < n_ser; k++) {
        rgb color = st->series[k % STYLE_SERIES];
        /* Segments join consecutive data years that both have the figure. */
        size_t run = 0;
        double pts[2 * LINE_YEARS];
        for (size_t yi = first; yi <= n_years; yi++) {
            bool have = yi < n_years && ser[k].at[yi];
            if (have) {
                pts[2 * run] = XPOS(years[yi]);
                pts[2 * run + 1] = scale_map(&sc, ser[k].v[yi], bottom, top);
                run++;
            }
            if ((!have || yi == n_years) && run > 0) {
                if (run > 1) {
                    mark m = {.kind = MARK_POLYLINE, .n_points = run};
                    m.points = malloc(2 * run * sizeof *m.points);
                    if (!m.points)
                        goto fail;
                    memcpy(m.points, pts, 2 * run * sizeof *m.points);
                    m.paint = (mark_paint){.stroke = color, .stroked = true,
                                           .line_width = st->line_w,
                                           .dash = st->grayscale && k % 2 ? 3 : 0};
                    if (!page_add_mark(&b->marks, &m))
                        goto fail;
                }
                run = 0;
            }
        }
        for (size_t yi = first; yi < n_years; yi++) {
            const sheet_indicator *ind = ser[k].at[yi];
            if (!ind)
                continue;
            double px = XPOS(years[yi]), py = scale_map(&sc, ser[k].v[yi], bottom, top);
            mark m = {.kind = MARK_MARKER, .x = px, .y = py, .w = st->line_marker,
                      .shape = (marker_shape)(k % 4)};
            m.paint = (mark_paint){.fill = color, .filled = true, .stroke = (rgb){1, 1, 1},
                                   .stroked = true, .line_width = 0.8};
            if (!page_add_mark(&b->marks, &m))
                goto fail;
            /* The figure as written, with its unit when it is not the axis unit. */
            strbuf lab = {0};
            bool formatted =
                mixed /* each label states its own unit, qualifier in its place */
                    ? numfmt_with_unit(ind->literal, ind->unit, ind->qualifier, &lab) ||
                          layout_figure_failed(ctx, ind)
                    : chart_figure(ctx, ind, &lab);
            text *t = formatted ? layout_text(ctx, sb_str(&lab), &st->point_label, 0, ind->path,
                                              "value")
                                : NULL;
            sb_free(&lab);
            if (!t)
                goto fail;
            double tw = text_width(t), th = text_height(t);
            double lx = fmin(fmax(px - tw / 2, plot_x), width - tw);
            double ly = py - st->line_label_gap - th;
            for (size_t q = 0; q < n_placed; q++) {
                bool hit = lx < placed[q][2] && lx + tw > placed[q][0] && ly < placed[q][3] &&
                           ly + th > placed[q][1];
                if (hit) {
                    ly = py + st->line_label_gap + 1; /* below the point instead */
                    break;
                }
            }
            placed[n_placed][0] = lx;
            placed[n_placed][1] = ly;
            placed[n_placed][2] = lx + tw;
            placed[n_placed][3] = ly + th;
            n_placed++;
            /* An official document prints every figure in black. */
            if (!page_add_text(&b->marks, t, lx, ly, st->official ? st->ink : color))
                goto fail;
        }
    }
#undef XPOS
    y = bottom + st->chart_tick_len + 1 + year_h;
    strbuf extra = {0};
    sb_printf(&extra, "%s%s%s", sb_str(&missing), sb_str(&other_unit),
              other_unit.len ? "的数据单位口径不同，未绘入。" : "");
    bool noted = !extra.failed &&
                 chart_note(ctx, blk, &cs, extra.len ? sb_str(&extra) : NULL, width, b, &y);
    sb_free(&extra);
    sb_free(&missing);
    sb_free(&other_unit);
    chart_sources_free(&cs);
    if (!noted)
        return false;
    b->height = y;
    return true;

fail:
    sb_free(&missing);
    sb_free(&other_unit);
    chart_sources_free(&cs);
    return false;
}
