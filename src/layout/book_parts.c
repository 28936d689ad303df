/* book_parts: the parts of the book after the contents: a page for every
 * topic (its heading and definition note, the lines of its comparable ids,
 * the table of its figures by year with the change against the previous
 * data year, and its sources) and the year-by-year table of the headline
 * indicators; the appendix is book_appendix.c's. Figures are printed exactly as written, with their
 * units; changes are rounded to the coarser precision of the two figures. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "book_priv.h"
#include "model/compare.h"
#include "model/meaning.h"
#include "model/units.h"
#include "base/strbuf.h"

/* ---- figures as printed ------------------------------------------------------------ */

/* True when t's figures of id may be compared across years: trends.json
 * says so, or t is an id of the data alone. */
static bool comparable_in(const topic *t, const char *id)
{
    return t->cfg ? book_topic_comparable(t->cfg, id) : true;
}

bool book_topic_has_trend(const book *bk, const topic *t)
{
    for (size_t i = 0; i < t->n_ids; i++)
        if (comparable_in(t, t->ids[i]) && book_years_with(bk, t->ids[i]) >= 2)
            return true;
    return false;
}

/* The figure as printed: qualifier, number (grouped), unit; a rank as 第N. */
static bool figure_into(const sheet_indicator *ind, strbuf *out)
{
    if (ind->kind == KIND_RANK)
        return sb_printf(out, "%s第%s", ind->rank.level ? ind->rank.level : "", ind->literal);
    return numfmt_with_unit(ind->literal, ind->unit, ind->qualifier, out);
}

/* See book_priv.h. */
bool book_figure_text(book *bk, const sheet *s, const sheet_indicator *ind, strbuf *out)
{
    sb_free(out);
    if (figure_into(ind, out))
        return true;
    sheet_report(s, bk->ctx.dl, DIAG_ERROR, ind->path, "%s",
                 _("the figure cannot be printed exactly (out of memory)"));
    bk->ctx.failed = true;
    return false;
}

/* When and whose the figure is, compactly: "1—11月 · 公立医院", "截至2024年1月";
 * with_definition, also what it counts and the data's note, joined by "；".
 * Empty when the data says nothing: a whole year of the whole city. */
static bool meaning_into(const sheet_indicator *ind, bool with_definition, strbuf *out)
{
    sb_free(out);
    meaning_when_where(ind, out);
    if (with_definition) {
        if (ind->definition && (!ind->note || !strstr(ind->note, ind->definition)))
            sb_printf(out, "%s%s", out->len ? "；" : "", ind->definition);
        if (ind->note)
            sb_printf(out, "%s%s", out->len ? "；" : "", ind->note);
    }
    return !out->failed;
}

/* The unit an indicator's figures take down a column of the book: of all
 * years' units for id that share ind's base unit, the one of the largest
 * scale ("万个" when 2021 says 4636个 and 2025 1.77万个). Points into the
 * data. */
static const char *column_unit(const book *bk, const sheet_indicator *ind)
{
    const char *best = ind->unit ? ind->unit : "", *base;
    int best_scale = numfmt_unit_scale(best, &base);
    for (size_t y = 0; y < bk->hist->n; y++) {
        const sheet_indicator *other = book_figure(bk, bk->hist->years[y]->year, ind->id);
        const char *other_base;
        if (!other || !other->unit || other->kind == KIND_RANK)
            continue;
        int power = numfmt_unit_scale(other->unit, &other_base);
        if (power > best_scale && strcmp(other_base, base) == 0) {
            best = other->unit;
            best_scale = power;
        }
    }
    return best;
}

/* The figure as a column of the book prints it. Figures the topic declares
 * comparable take the scale of their column_unit, the decimal point moved
 * (exact), so 4636个 stands as 0.4636万个 beside 1.77万个; the rest stand as
 * written (book_figure_text): putting figures of different definitions on
 * one scale invites the comparison their table declines. */
static bool column_figure_text(book *bk, const topic *t, const sheet *s, const sheet_indicator *ind,
                               strbuf *out)
{
    char lit[NUMFMT_MAX];
    const char *unit =
        ind->kind == KIND_RANK || !comparable_in(t, ind->id) ? NULL : column_unit(bk, ind);
    if (!unit || !ind->unit || strcmp(unit, ind->unit) == 0 ||
        !numfmt_rescale(ind->literal, ind->unit, unit, lit, sizeof lit))
        return book_figure_text(bk, s, ind, out);
    sb_free(out);
    if (numfmt_with_unit(lit, unit, ind->qualifier, out))
        return true;
    sheet_report(s, bk->ctx.dl, DIAG_ERROR, ind->path, "%s",
                 _("the figure cannot be printed exactly (out of memory)"));
    bk->ctx.failed = true;
    return false;
}

/* The change from prev (of prev_year) to cur as the sheets word it
 * (compare.h): "较2021年（4年）▲1.31万个，+282%，年均+39.8%", or why the two
 * are not compared ("较2021年：口径不同"). */
static bool change_text(book *bk, const sheet *s, const sheet_indicator *prev, int prev_year,
                        const sheet_indicator *cur, int cur_year, strbuf *out)
{
    int direction;
    sb_free(out);
    if (compare_like(cur, prev) == COMPARE_APPROXIMATE) {
        if (sb_printf(out, "%s", "—（约数，不计算变化）"))
            return true;
    } else if (compare_describe(cur, cur_year, prev, prev_year, out, &direction)) {
        return true;
    }
    /* Never a part of a comparison in print. */
    sb_free(out);
    sheet_report(s, bk->ctx.dl, DIAG_ERROR, cur->path, "%s",
                 _("cannot put the comparison into words (out of memory?)"));
    bk->ctx.failed = true;
    return false;
}

/* ---- a topic --------------------------------------------------------------------- */

/* A topic's heading as the sheets set a section's: a marker and the title. */
static bool heading_box(book *bk, const topic *t, box *b)
{
    const style *st = bk->ctx.st;
    double h, x = st->section_marker_w + st->section_marker_gap;
    if (!book_text(bk, b, t->origin, t->title, &st->section, x, 0, bk->f.width - x, st->ink,
                   t->path, t->cfg ? "title" : "label", &h) ||
        !page_add_rect(&b->marks, 0, 0, st->section_marker_w, h, st->accent) ||
        !box_wrap_tag(b, "H2"))
        return false;
    b->height = h;
    return true;
}

/* The line of one comparable id across the years up to its latest figure,
 * through the sheets' own line chart (gaps stay gaps). */
static bool topic_chart(book *bk, const char *id)
{
    const sheet *in;
    const sheet_indicator *ind = book_latest_figure(bk, id, &in);
    int first = 0;
    for (size_t y = 0; y < bk->hist->n && !first; y++)
        if (book_figure(bk, bk->hist->years[y]->year, id))
            first = bk->hist->years[y]->year;
    strbuf title = {0};
    if (!sb_printf(&title, "%s（%d—%d年）", ind->label, first, in->year)) {
        sb_free(&title);
        bk->ctx.failed = true;
        return false;
    }
    sheet_item item = {
        .id = id, .indicator = (size_t)SHEET_NONE, .label = ind->label, .path = ind->path};
    sheet_block blk = {.kind = BLOCK_LINE,
                       .title = sb_str(&title),
                       .items = &item,
                       .n_items = 1,
                       .path = ind->path};
    box b = {0};
    bk->ctx.s = in;
    bool ok = chart_line_build(&bk->ctx, &blk, bk->f.width, &b) && box_wrap_tag(&b, "Figure");
    bk->ctx.s = bk->latest;
    sb_free(&title);
    if (!ok) {
        box_free(&b);
        bk->ctx.failed = true;
        return false;
    }
    return book_place(bk, &b, bk->ctx.st->block_gap, 0);
}

/* The table's columns: year, indicator, figure, the change against the
 * previous data year (*any_change: only when some figure has one), the
 * definition across the rest; the sources gathered in cs on the way. */
static bool topic_columns(book *bk, const topic *t, table *tb, bool *any_change, chart_sources *cs)
{
    const style *st = bk->ctx.st;
    const book_sizes *z = &bk->z;
    strbuf buf = {0};
    sb_printf(&buf, "%d年", bk->latest->year);
    double year_w = book_cell_width(bk, sb_str(&buf), &z->cell_head), label_w = 0, value_w = 0,
           change_w = 0;
    for (size_t y = 0; y < bk->hist->n; y++)
        for (size_t i = 0; i < t->n_ids; i++) {
            const sheet *s = bk->hist->years[y];
            const sheet_indicator *ind = book_figure(bk, s->year, t->ids[i]);
            if (!ind)
                continue;
            chart_sources_add_file(cs, s, ind->source_file);
            label_w = fmax(label_w, book_cell_width(bk, ind->label, &z->cell));
            if (!column_figure_text(bk, t, s, ind, &buf))
                goto fail;
            value_w = fmax(value_w, book_cell_width(bk, sb_str(&buf), &z->cell_num));
            int py;
            const sheet_indicator *prev =
                comparable_in(t, ind->id) ? history_before(bk->hist, s->year, ind->id, &py) : NULL;
            if (prev) {
                *any_change = true;
                if (!change_text(bk, s, prev, py, ind, s->year, &buf))
                    goto fail;
                change_w = fmax(change_w, book_cell_width(bk, sb_str(&buf), &z->cell));
            }
        }
    sb_free(&buf);
    if (bk->ctx.failed)
        return false;
    label_w = fmin(label_w, z->label_max_w);
    tb->head[tb->n] = "年份", tb->w[tb->n++] = year_w;
    tb->head[tb->n] = "指标", tb->w[tb->n++] = label_w;
    tb->head[tb->n] = "数值", tb->num[tb->n] = true, tb->w[tb->n++] = value_w;
    if (*any_change)
        tb->head[tb->n] = "较上一数据年", tb->w[tb->n++] = change_w;
    tb->head[tb->n] = "统计口径";
    double used = 0;
    for (size_t c = 0; c < tb->n; c++)
        used += tb->w[c];
    tb->w[tb->n++] = bk->f.width - used;
    tb->gap = st->block_gap;
    return true;

fail:
    sb_free(&buf);
    return false;
}

/* The table's title: which figures may be compared. */
static bool topic_table_title(book *bk, const topic *t, strbuf *heading)
{
    strbuf title = {0};
    size_t n_cmp = 0;
    for (size_t i = 0; i < t->n_ids; i++)
        if (comparable_in(t, t->ids[i]) && book_years_with(bk, t->ids[i]) >= 2) {
            const sheet_indicator *ind = book_latest_figure(bk, t->ids[i], NULL);
            sb_printf(&title, "%s“%s”", n_cmp ? "、" : "", ind->label);
            n_cmp++;
        }
    if (n_cmp == 0)
        sb_printf(heading, "%s", "各年数字（口径不同，按年份并列，不作比较）");
    else if (t->cfg && t->n_ids > n_cmp)
        sb_printf(heading, "各年数字（可前后比较的只有%s）", sb_str(&title));
    else
        sb_printf(heading, "%s", "各年数字");
    bool ok = !title.failed && !heading->failed;
    sb_free(&title);
    if (!ok)
        bk->ctx.failed = true;
    return ok;
}

/* One row per year and indicator. */
static bool topic_rows(book *bk, const topic *t, table *tb, bool any_change)
{
    strbuf fig = {0}, change = {0}, year = {0}, meaning = {0};
    bool ok = true;
    for (size_t y = 0; ok && y < bk->hist->n; y++)
        for (size_t i = 0; ok && i < t->n_ids; i++) {
            const sheet *s = bk->hist->years[y];
            const sheet_indicator *ind = book_figure(bk, s->year, t->ids[i]);
            if (!ind)
                continue;
            sb_free(&year);
            if (!sb_printf(&year, "%d年", s->year) || !column_figure_text(bk, t, s, ind, &fig) ||
                !meaning_into(ind, true, &meaning)) {
                bk->ctx.failed = true;
                ok = false;
                break;
            }
            int py;
            const sheet_indicator *prev =
                comparable_in(t, ind->id) ? history_before(bk->hist, s->year, ind->id, &py) : NULL;
            if (prev && !change_text(bk, s, prev, py, ind, s->year, &change)) {
                ok = false;
                break;
            }
            cell cells[BOOK_COLS];
            size_t c = 0;
            cells[c++] = (cell){.str = sb_str(&year),
                                .origin = s,
                                .path = "",
                                .field = "year",
                                .link_toc = NO_LINK};
            cells[c++] = (cell){.str = ind->label,
                                .origin = s,
                                .path = ind->path,
                                .field = "label",
                                .link_toc = NO_LINK};
            cells[c++] = (cell){.str = sb_str(&fig),
                                .origin = s,
                                .path = ind->path,
                                .field = "value",
                                .link_toc = NO_LINK};
            if (any_change)
                cells[c++] = (cell){.str = prev ? sb_str(&change) : NULL,
                                    .origin = s,
                                    .path = ind->path,
                                    .field = "value",
                                    .link_toc = NO_LINK};
            cells[c++] = (cell){.str = meaning.len ? sb_str(&meaning) : NULL,
                                .origin = s,
                                .path = ind->path,
                                .field = "note",
                                .link_toc = NO_LINK};
            ok = book_table_add(bk, tb, cells);
        }
    sb_free(&fig);
    sb_free(&change);
    sb_free(&year);
    sb_free(&meaning);
    return ok;
}

/* The sources under the table, as under the sheets' charts. */
static bool topic_sources(book *bk, const topic *t, const chart_sources *cs)
{
    sheet_block blk = {.kind = BLOCK_NOTE, .path = t->path};
    box b = {0};
    double y = 0;
    bk->ctx.s = t->origin;
    bool ok = chart_note(&bk->ctx, &blk, cs, NULL, bk->f.width, &b, &y);
    bk->ctx.s = bk->latest;
    b.height = y;
    if (!ok) {
        box_free(&b);
        bk->ctx.failed = true;
        return false;
    }
    return book_place(bk, &b, 0, 0);
}

/* The figures of a topic, by year: year, indicator, figure, its definition
 * (the data's note), and the change against the previous data year for
 * comparable ids; then the sources. */
static bool topic_table(book *bk, const topic *t)
{
    table tb = {.n = 0};
    bool any_change = false;
    strbuf heading = {0};
    chart_sources cs = {0};
    bool ok = topic_columns(bk, t, &tb, &any_change, &cs) && topic_table_title(bk, t, &heading);
    tb.title = sb_str(&heading);
    ok = ok && topic_rows(bk, t, &tb, any_change);
    sb_free(&heading);
    if (ok)
        ok = topic_sources(bk, t, &cs);
    chart_sources_free(&cs);
    return ok;
}

/* A topic: heading and definition note kept together, the lines of its
 * comparable ids, the table of its figures. */
static bool topic_body(book *bk, const topic *t)
{
    const style *st = bk->ctx.st;
    box head = {0}, note = {0};
    if (!heading_box(bk, t, &head)) {
        box_free(&head);
        return false;
    }
    double keep = 0, head_h = head.height;
    if (t->note) {
        double h, pad = st->kpi_pad;
        strbuf line = {0};
        text *nt = sb_printf(&line, "口径说明：%s", t->note)
                       ? book_layout(bk, t->origin, sb_str(&line), &st->body, bk->f.width - 2 * pad,
                                     t->path, "note")
                       : NULL;
        sb_free(&line);
        if (!nt) {
            box_free(&head);
            return false;
        }
        h = text_height(nt) + 2 * pad;
        if (!page_add_rect(&note.marks, 0, 0, bk->f.width, h, st->card_fill) ||
            !page_add_text(&note.marks, nt, pad, pad, st->ink) || !box_wrap_tag(&note, "P")) {
            box_free(&head);
            box_free(&note);
            return false;
        }
        note.height = h;
        keep = st->section_after + h;
    }
    bool ok = book_place(bk, &head, st->section_before, keep);
    if (ok && bk->gathering)
        bk->gathered_head = bk->gathered.height - head_h; /* the bookmark comes later */
    else if (ok)
        ok = flow_outline(&bk->f, t->title, 2, head_h);
    if (!ok) {
        box_free(&note);
        return false;
    }
    if (t->note && !book_place(bk, &note, st->section_after, 0))
        return false;
    for (size_t i = 0; i < t->n_ids; i++)
        if (comparable_in(t, t->ids[i]) && book_years_with(bk, t->ids[i]) >= 2 &&
            !topic_chart(bk, t->ids[i]))
            return false;
    return topic_table(bk, t);
}

/* A topic, whole on one page when it fits on one, else flowing over pages. */
bool book_topic_page(book *bk, const topic *t)
{
    const style *st = bk->ctx.st;
    double page_h = bk->f.bottom - bk->f.top - st->running_head_h;
    bk->gathering = true;
    bk->gathered = (box){0};
    bool ok = topic_body(bk, t);
    bk->gathering = false;
    box b = bk->gathered;
    bk->gathered = (box){0};
    if (ok && b.height <= page_h) {
        double h = b.height, head = bk->gathered_head;
        return book_place(bk, &b, st->section_before, 0) &&
               doc_add_outline(bk->d, t->title, 2, bk->d->n_pages - 1, bk->f.y - h + head);
    }
    box_free(&b);
    return ok && topic_body(bk, t);
}

/* ---- the year-by-year table and the appendix ---------------------------------------- */

bool book_headline_table(book *bk)
{
    const book_sizes *z = &bk->z;
    size_t ny = bk->hist->n;
    if (ny + 1 > BOOK_COLS) {
        /* More years than columns: the table would need a second layout. */
        sheet_report(bk->latest, bk->ctx.dl, DIAG_ERROR, "",
                     _("the year-by-year table has room for %d years; %zu were found"),
                     BOOK_COLS - 1, ny);
        bk->ctx.failed = true;
        return false;
    }
    table tb = {.n = ny + 1, .gap = bk->ctx.st->block_gap};
    strbuf heads[BOOK_COLS] = {{0}}, figs[BOOK_COLS] = {{0}}, subs[BOOK_COLS] = {{0}}, sub = {0};
    bool ok = true;
    double col_w = 0;
    for (size_t y = 0; y < ny && ok; y++) {
        ok = sb_printf(&heads[y + 1], "%d年", bk->hist->years[y]->year);
        tb.head[y + 1] = sb_str(&heads[y + 1]);
        tb.num[y + 1] = true;
        col_w = fmax(col_w, book_cell_width(bk, tb.head[y + 1], &z->cell_head));
        for (size_t i = 0; i < bk->n_headline && ok; i++) {
            const sheet *s = bk->hist->years[y];
            const sheet_indicator *ind = book_figure(bk, s->year, bk->headline[i]);
            if (!ind)
                continue;
            ok = book_figure_text(bk, s, ind, &figs[0]);
            col_w = fmax(col_w, book_cell_width(bk, sb_str(&figs[0]), &z->cell_num));
        }
    }
    if (!ok || bk->ctx.failed) {
        bk->ctx.failed = true;
        goto done;
    }
    tb.head[0] = "指标";
    tb.w[0] = bk->f.width - col_w * (double)ny;
    for (size_t y = 0; y < ny; y++)
        tb.w[y + 1] = col_w;

    for (size_t i = 0; i < bk->n_headline; i++) {
        const char *id = bk->headline[i];
        const sheet *in;
        const sheet_indicator *last = book_latest_figure(bk, id, &in);
        const topic *t = book_topic_of(bk, id);
        cell cells[BOOK_COLS];
        cells[0] = (cell){.str = last->label,
                          .origin = in,
                          .path = last->path,
                          .field = "label",
                          .link_toc = NO_LINK};
        if (t) {
            size_t page;
            double ty;
            book_toc_target(bk, t->toc, &page, &ty);
            sb_free(&sub);
            ok = sb_printf(&sub,
                           comparable_in(t, id) && book_years_with(bk, id) >= 2
                               ? "趋势见第%zu页"
                               : "口径不同，见第%zu页",
                           page + 1);
            cells[0].sub = sb_str(&sub);
            cells[0].link_toc = (long)t->toc;
        }
        for (size_t y = 0; y < ny; y++) {
            const sheet *s = bk->hist->years[y];
            const sheet_indicator *ind = book_figure(bk, s->year, id);
            /* Period and scope under the figure: 1至12月中旬 is not a year. */
            if (ind && ok)
                ok = book_figure_text(bk, s, ind, &figs[y]) && meaning_into(ind, false, &subs[y]);
            cells[y + 1] = (cell){.str = ind ? sb_str(&figs[y]) : NULL,
                                  .sub = ind && subs[y].len ? sb_str(&subs[y]) : NULL,
                                  .origin = s,
                                  .path = ind ? ind->path : "",
                                  .field = "value",
                                  .link_toc = NO_LINK};
        }
        if (!ok || !book_table_add(bk, &tb, cells)) {
            ok = false;
            bk->ctx.failed = true;
            break;
        }
    }
done:
    for (size_t c = 0; c < BOOK_COLS; c++) {
        sb_free(&heads[c]);
        sb_free(&figs[c]);
        sb_free(&subs[c]);
    }
    sb_free(&sub);
    return ok;
}
