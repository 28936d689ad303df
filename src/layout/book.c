/* book: see include/layout/book.h.
 *
 * What goes in is decided before anything is laid out, from the data alone:
 * the topics (those of data/book/trends.json, then every other indicator id
 * that appears in two or more years), the rows of the year-by-year table,
 * and the figures the appendix must source (every figure those show).
 *
 * The table of contents names the pages of what follows it, and its own
 * length does not depend on those numbers (one line per entry), so the book
 * is laid out twice: first with placeholder page numbers, then with the
 * pages and positions the first pass found (taken from its outline, which
 * lists the same headings in the same order); the second pass checks that
 * every heading stayed where the first put it.
 *
 * Figures are printed exactly as written (numfmt), with their units. A
 * topic draws a line only for the ids that trends.json calls comparable;
 * everything else is listed per year beside its definition note. */
#include "layout/book.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "box.h"
#include "model/book_notes.h"
#include "model/units.h"

enum { BOOK_COLS = 8, NO_LINK = -1 };

/* The book's sizes. Every one comes from the style table: tables borrow the
 * charts' gaps and rules, the table of contents the body's indent. */
typedef struct book_sizes {
    double pad_x, pad_y;      /* inside a table cell */
    double rule_w, head_rule_w;
    double toc_indent, leader_dash;
    text_style cell, cell_num, cell_head, cell_head_num, cell_sub, toc1, toc2;
} book_sizes;

static book_sizes book_sizes_of(const style *st)
{
    book_sizes z = {.pad_x = st->chart_label_gap,
                    .pad_y = st->chart_title_gap,
                    .rule_w = st->chart_grid_w,
                    .head_rule_w = st->chart_axis_w,
                    .toc_indent = st->body.indent,
                    .leader_dash = 2 * st->chart_grid_w}; /* dots as long as twice their width */
    z.cell = st->kpi_label;
    z.cell.align = ALIGN_LEFT;
    z.cell.indent = 0;
    z.cell_num = z.cell;
    z.cell_num.align = ALIGN_RIGHT;
    z.cell_head = z.cell;
    z.cell_head.face = FACE_SANS_BOLD;
    z.cell_head_num = z.cell_head;
    z.cell_head_num.align = ALIGN_RIGHT;
    z.cell_sub = st->chart_note;
    z.cell_sub.align = ALIGN_LEFT;
    z.toc1 = st->chart_title;
    z.toc2 = st->body;
    z.toc2.indent = 0;
    z.toc2.align = ALIGN_LEFT;
    return z;
}

/* A page of the trends part: a topic of trends.json, or an id of the data
 * that appears in two or more years and belongs to no topic. */
typedef struct topic {
    const char *title, *note;
    const char *const *ids;
    size_t n_ids;
    const book_topic *cfg; /* NULL for an id of the data alone: comparable then */
    const sheet *origin;   /* where title and note stand, for messages */
    const char *path;
    const char *one_id;    /* ids points here for an id of the data alone */
    size_t toc;            /* its entry in the table of contents */
} topic;

typedef struct toc_entry {
    const char *title;
    int level;
    const topic *t; /* where the title comes from, for messages; NULL: the code */
} toc_entry;

typedef struct book {
    layout_ctx ctx;
    const history *hist;
    const sheet *latest;
    const book_notes *notes;
    book_sizes z;
    topic *topics;
    size_t n_topics;
    const char **headline; /* ids of the year-by-year table */
    size_t n_headline;
    toc_entry *toc;
    size_t n_toc;
    const doc *first;      /* the first pass's doc (pages and positions); NULL in it */
    doc *d;
    flow f;
    /* While a topic is gathered, its boxes stack up in one box instead of
     * going to the flow, so that a topic that fits on a page is never split. */
    bool gathering;
    box gathered;
    double gathered_head; /* where the topic's heading stands in it */
    char title[512];       /* 株洲市卫生健康事业发展数据汇编（2018—2025年） */
    char span[64];         /* 2018—2025年 */
} book;

/* ---- the data ------------------------------------------------------------- */

/* The figure of id in year, NULL when that year lacks it or it is still
 * missing in a draft. */
static const sheet_indicator *figure(const book *bk, int year, const char *id)
{
    return history_lookup(bk->hist, year, id);
}

/* The latest year's indicator of id (for its label), and that year's sheet. */
static const sheet_indicator *latest_figure(const book *bk, const char *id, const sheet **in)
{
    for (size_t y = bk->hist->n; y-- > 0;) {
        const sheet_indicator *ind = figure(bk, bk->hist->years[y]->year, id);
        if (ind) {
            if (in)
                *in = bk->hist->years[y];
            return ind;
        }
    }
    return NULL;
}

static size_t years_with(const book *bk, const char *id)
{
    size_t n = 0;
    for (size_t y = 0; y < bk->hist->n; y++)
        n += figure(bk, bk->hist->years[y]->year, id) != NULL;
    return n;
}

static bool comparable_in(const topic *t, const char *id)
{
    return t->cfg ? book_topic_comparable(t->cfg, id) : true;
}

static const topic *topic_of(const book *bk, const char *id)
{
    for (size_t t = 0; t < bk->n_topics; t++)
        for (size_t i = 0; i < bk->topics[t].n_ids; i++)
            if (strcmp(bk->topics[t].ids[i], id) == 0)
                return &bk->topics[t];
    return NULL;
}

static bool listed(const char *const *ids, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(ids[i], id) == 0)
            return true;
    return false;
}

/* Reports an id of trends.json that no data year has. */
static void check_ids(book *bk, const char *const *ids, size_t n, const char *path)
{
    for (size_t i = 0; i < n; i++) {
        if (latest_figure(bk, ids[i], NULL))
            continue;
        char p[256];
        snprintf(p, sizeof p, "%s[%zu]", path, i);
        sheet_report(&bk->notes->origin, bk->ctx.dl, DIAG_ERROR, p,
                     _("indicator \"%s\" is in no data file of %s"), ids[i], bk->hist->dir);
    }
}

/* Topics, headline rows and the table of contents. False when out of
 * memory or trends.json names what the data lack (reported). */
static bool book_plan(book *bk)
{
    const book_notes *bn = bk->notes;
    size_t errors = bk->ctx.dl->errors;
    for (size_t t = 0; t < bn->n_topics; t++) {
        char p[256];
        snprintf(p, sizeof p, "%s.ids", bn->topics[t].path);
        check_ids(bk, bn->topics[t].ids, bn->topics[t].n_ids, p);
    }
    check_ids(bk, bn->headline, bn->n_headline, "headline");
    if (bk->ctx.dl->errors > errors)
        return false;

    /* Candidates: the topics of the notes, then every id in two or more years. */
    size_t cap = bn->n_topics;
    for (size_t y = 0; y < bk->hist->n; y++)
        cap += bk->hist->years[y]->n_indicators;
    bk->topics = calloc(cap ? cap : 1, sizeof *bk->topics);
    bk->headline = calloc(cap ? cap : 1, sizeof *bk->headline);
    bk->toc = calloc(cap + 8, sizeof *bk->toc);
    if (!bk->topics || !bk->headline || !bk->toc)
        return false;
    for (size_t t = 0; t < bn->n_topics; t++)
        bk->topics[bk->n_topics++] = (topic){.title = bn->topics[t].title,
                                             .note = bn->topics[t].note,
                                             .ids = bn->topics[t].ids,
                                             .n_ids = bn->topics[t].n_ids,
                                             .cfg = &bn->topics[t],
                                             .origin = &bn->origin,
                                             .path = bn->topics[t].path};
    for (size_t y = 0; y < bk->hist->n; y++) {
        const sheet *s = bk->hist->years[y];
        for (size_t i = 0; i < s->n_indicators; i++) {
            const char *id = s->indicators[i].id;
            if (s->indicators[i].missing || topic_of(bk, id) || years_with(bk, id) < 2)
                continue;
            const sheet *in;
            const sheet_indicator *ind = latest_figure(bk, id, &in);
            topic *t = &bk->topics[bk->n_topics++];
            *t = (topic){.title = ind->label, .one_id = id, .n_ids = 1, .origin = in,
                         .path = ind->path};
            t->ids = &t->one_id;
        }
    }

    /* The year-by-year table: the notes' list, else each year's first KPI block. */
    if (bn->headline) {
        for (size_t i = 0; i < bn->n_headline; i++)
            if (!listed(bk->headline, bk->n_headline, bn->headline[i]))
                bk->headline[bk->n_headline++] = bn->headline[i];
    } else {
        for (size_t y = 0; y < bk->hist->n; y++) {
            const sheet *s = bk->hist->years[y];
            const sheet_block *kpi = NULL;
            for (size_t i = 0; i < s->n_sections && !kpi; i++)
                for (size_t j = 0; j < s->sections[i].n_blocks && !kpi; j++)
                    if (s->sections[i].blocks[j].kind == BLOCK_KPI)
                        kpi = &s->sections[i].blocks[j];
            for (size_t k = 0; kpi && k < kpi->n_items; k++) {
                const char *id = kpi->items[k].id;
                if (bk->n_headline < cap && latest_figure(bk, id, NULL) &&
                    !listed(bk->headline, bk->n_headline, id))
                    bk->headline[bk->n_headline++] = id;
            }
        }
    }

    /* The table of contents: the outline in the order the layout makes it,
     * less the cover and the contents themselves. */
    bk->toc[bk->n_toc++] = (toc_entry){"指标趋势与口径说明", 1, NULL};
    for (size_t t = 0; t < bk->n_topics; t++) {
        bk->topics[t].toc = bk->n_toc;
        bk->toc[bk->n_toc++] = (toc_entry){bk->topics[t].title, 2, &bk->topics[t]};
    }
    bk->toc[bk->n_toc++] = (toc_entry){"主要指标逐年对照", 1, NULL};
    bk->toc[bk->n_toc++] = (toc_entry){"附录　数据来源", 1, NULL};
    return true;
}

/* True when the appendix must source the figure: every figure a topic page
 * or the year-by-year table shows. */
static bool cited(const book *bk, const sheet_indicator *ind)
{
    return !ind->missing && (topic_of(bk, ind->id) || listed(bk->headline, bk->n_headline, ind->id));
}

/* The figure as printed: qualifier, number (grouped), unit. */
static void figure_text(const sheet_indicator *ind, char *buf, size_t n)
{
    numfmt_parts np;
    numfmt_figure(ind->literal, ind->unit, ind->qualifier, &np);
    snprintf(buf, n, "%s%s%s%s", np.before, np.number, np.after, np.unit);
}

/* The change from prev (of prev_year) to cur, rounded to the coarser
 * precision of the two, as kpi.c words it: "较2021年 ▲1.31万个，+282%";
 * percentage points for % and ‰. */
static void change_text(const sheet_indicator *prev, int prev_year, const sheet_indicator *cur,
                        int cur_year, char *out, size_t n)
{
    unit_parts cu = units_split(cur->unit), pu = units_split(prev->unit);
    double p = units_convert(prev->value, prev->unit, cur->unit);
    int dec = units_decimals(cur->literal);
    int dec_prev = units_decimals(prev->literal) + (int)lround(log10(cu.scale / pu.scale));
    if (dec_prev < dec)
        dec = dec_prev;
    if (dec < 0)
        dec = 0;
    double delta = cur->value - p, step = pow(10, -dec);
    double rounded = round(delta / step) * step;
    char when[32], abs_s[NUMFMT_MAX];
    if (prev_year == cur_year - 1)
        snprintf(when, sizeof when, "%s", "较上年");
    else
        snprintf(when, sizeof when, "较%d年", prev_year);
    numfmt_axis(fabs(rounded), dec, abs_s, sizeof abs_s);
    const char *arrow = rounded > 0 ? "▲" : "▼";
    if (rounded == 0) {
        snprintf(out, n, "%s持平", when);
    } else if (cu.percent) {
        snprintf(out, n, "%s %s%s%s", when, arrow, abs_s,
                 strcmp(cu.base, "%") == 0 ? "个百分点" : "个千分点");
    } else if (p != 0) {
        double rel = delta / fabs(p) * 100;
        char rel_s[NUMFMT_MAX];
        numfmt_axis(fabs(rel), fabs(rel) >= 100 ? 0 : 1, rel_s, sizeof rel_s);
        snprintf(out, n, "%s %s%s%s，%s%s%%", when, arrow, abs_s, cur->unit, rel > 0 ? "+" : "−",
                 rel_s);
    } else {
        snprintf(out, n, "%s %s%s%s", when, arrow, abs_s, cur->unit);
    }
}

/* ---- text and headings ------------------------------------------------------ */

/* Adds str to b, reporting a missing glyph at path.field in origin's file
 * (the data file or trends.json; NULL: the newest data file). */
static bool book_text(book *bk, box *b, const sheet *origin, const char *str, const text_style *ts,
                      double x, double y, double width, rgb color, const char *path,
                      const char *field, double *height)
{
    bk->ctx.s = origin ? origin : bk->latest;
    bool ok = box_text(&bk->ctx, b, str, ts, x, y, width, color, path, field, height);
    bk->ctx.s = bk->latest;
    return ok;
}

static text *book_layout(book *bk, const sheet *origin, const char *str, const text_style *ts,
                         double width, const char *path, const char *field)
{
    bk->ctx.s = origin ? origin : bk->latest;
    text *t = layout_text(&bk->ctx, str, ts, width, path, field);
    bk->ctx.s = bk->latest;
    return t;
}

/* Moves every mark of src into dst, dy lower; src is emptied. */
static bool box_append(box *dst, box *src, double dy)
{
    bool ok = true;
    for (size_t i = 0; i < src->marks.n_marks; i++) {
        mark m = src->marks.marks[i];
        src->marks.marks[i] = (mark){0}; /* taken over, or released below */
        if (!ok) {
            mark_release(&m);
            continue;
        }
        m.y += dy;
        for (size_t k = 0; k < m.n_points; k++)
            m.points[2 * k + 1] += dy;
        ok = page_add_mark(&dst->marks, &m);
    }
    box_free(src);
    return ok;
}

/* Places b (emptied) with the flow, or below what is gathered; false on
 * failure (reported). */
static bool place(book *bk, box *b, double gap, double keep)
{
    bool ok;
    if (bk->gathering) {
        double y = bk->gathered.height > 0 ? bk->gathered.height + gap : 0, h = b->height;
        ok = box_append(&bk->gathered, b, y);
        bk->gathered.height = y + h;
    } else {
        ok = flow_place(&bk->f, b, gap, keep, "");
    }
    box_free(b);
    if (!ok)
        bk->ctx.failed = true;
    return ok;
}

/* A part: a new page, an accent rule and the title in the sheet title's
 * style, a bookmark, and a short paragraph on what the part shows. */
static bool part_begin(book *bk, const char *title, const char *intro)
{
    const style *st = bk->ctx.st;
    if (!bk->f.page_empty && !flow_new_page(&bk->f))
        return false;
    box b = {0};
    double h, y = st->header_rule_w + st->header_gap;
    if (!page_add_rect(&b.marks, 0, 0, bk->f.width, st->header_rule_w, st->accent) ||
        !book_text(bk, &b, NULL, title, &st->title, 0, y, bk->f.width, st->ink, "", NULL, &h) ||
        !box_wrap_tag(&b, "H1")) {
        box_free(&b);
        return false;
    }
    b.height = y + h;
    if (!place(bk, &b, 0, 0) || !flow_outline(&bk->f, title, 1, h))
        return false;
    if (!intro)
        return true;
    if (!book_text(bk, &b, NULL, intro, &st->body, 0, 0, bk->f.width, st->ink, "", NULL, &h) ||
        !box_wrap_tag(&b, "P")) {
        box_free(&b);
        return false;
    }
    b.height = h;
    return place(bk, &b, st->header_after, 0);
}

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

/* ---- tables ------------------------------------------------------------------- */

typedef struct cell {
    const char *str;      /* NULL prints "—" */
    const char *sub;      /* a second line in small type, or NULL */
    const sheet *origin;  /* where str stands (NULL: the newest data file) */
    const char *path, *field;
    long link_toc;        /* sub links to this entry of the contents; NO_LINK */
} cell;

typedef struct table {
    size_t n;
    double w[BOOK_COLS];
    bool num[BOOK_COLS];  /* figures: right-aligned */
    const char *head[BOOK_COLS];
    const char *title;    /* over the header row on the table's first page, or NULL */
    box lead;             /* or what goes there instead (taken over); may be empty */
    double gap;           /* above the title or lead */
    size_t rows;          /* rows placed so far */
    double top_y;         /* where the title or lead was placed, on the last page */
} table;

/* The page and position of contents entry k, from the first pass. In the
 * first pass itself, page 99: two digits, as wide as any page number of a
 * book under the flow's page limit, so no line sets differently later. */
static void toc_target(const book *bk, size_t k, size_t *page, double *y)
{
    *page = 98;
    *y = 0;
    if (bk->first && k + 2 < bk->first->n_outline) { /* after the cover and the contents */
        *page = bk->first->outline[k + 2].page;
        *y = bk->first->outline[k + 2].y;
    }
}

/* One row of t: each cell set in its column, the row as tall as its
 * tallest cell, a rule under it; the header row on a tint. */
static bool table_row(book *bk, const table *t, const cell *cells, bool header, box *b)
{
    const style *st = bk->ctx.st;
    const book_sizes *z = &bk->z;
    text *main_t[BOOK_COLS] = {0}, *sub_t[BOOK_COLS] = {0};
    double h = 0;
    bool ok = true;
    for (size_t c = 0; c < t->n && ok; c++) {
        const text_style *ts = header ? (t->num[c] ? &z->cell_head_num : &z->cell_head)
                                      : (t->num[c] ? &z->cell_num : &z->cell);
        double w = t->w[c] - 2 * z->pad_x;
        main_t[c] = book_layout(bk, cells[c].origin, cells[c].str ? cells[c].str : "—", ts, w,
                                cells[c].path, cells[c].field);
        if (main_t[c] && cells[c].sub)
            sub_t[c] = book_layout(bk, NULL, cells[c].sub, &z->cell_sub, w, cells[c].path, NULL);
        ok = main_t[c] && (!cells[c].sub || sub_t[c]);
        if (ok)
            h = fmax(h, text_height(main_t[c]) + (sub_t[c] ? text_height(sub_t[c]) : 0));
    }
    double row_h = h + 2 * z->pad_y, x = 0;
    if (ok && header)
        ok = page_add_rect(&b->marks, 0, 0, bk->f.width, row_h, st->card_fill);
    for (size_t c = 0; c < t->n; c++) {
        if (ok) {
            double th = text_height(main_t[c]);
            ok = page_add_text(&b->marks, main_t[c], x + z->pad_x, z->pad_y, st->ink);
            bool linked = cells[c].link_toc != NO_LINK;
            if (!ok)
                text_free(sub_t[c]);
            else if (sub_t[c])
                ok = page_add_text(&b->marks, sub_t[c], x + z->pad_x, z->pad_y + th,
                                   linked ? st->accent : st->muted);
            if (ok && linked) {
                size_t page;
                double ty;
                toc_target(bk, (size_t)cells[c].link_toc, &page, &ty);
                ok = page_add_link(&b->marks, x, 0, t->w[c], row_h, page, ty, NULL);
            }
        } else {
            text_free(main_t[c]);
            text_free(sub_t[c]);
        }
        x += t->w[c];
    }
    ok = ok && page_add_line(&b->marks, 0, row_h, bk->f.width, row_h, header ? st->axis : st->grid,
                             header ? z->head_rule_w : z->rule_w);
    b->height = row_h;
    if (!ok)
        bk->ctx.failed = true;
    return ok;
}

/* Places the header row of t, with the title or lead above it before the
 * first row, kept with that row (keep: its height). */
static bool table_head(book *bk, table *t, double keep)
{
    const style *st = bk->ctx.st;
    cell cells[BOOK_COLS];
    for (size_t c = 0; c < t->n; c++)
        cells[c] = (cell){.str = t->head[c], .link_toc = NO_LINK};
    box top = {0}, hb = {0};
    double h = 0, gap = 0;
    if (t->rows == 0) {
        gap = t->gap;
        top = t->lead;
        t->lead = (box){0};
        if (t->title && !book_text(bk, &top, NULL, t->title, &st->chart_title, 0, 0, bk->f.width,
                                   st->ink, "", NULL, &h)) {
            box_free(&top);
            return false;
        }
        if (t->title)
            top.height = h + st->chart_title_gap;
    }
    double lead_h = top.height;
    bool ok = table_row(bk, t, cells, true, &hb);
    double height = lead_h + hb.height;
    /* One box, so a page break never separates them. */
    if (!ok || !box_append(&top, &hb, lead_h)) {
        box_free(&top);
        box_free(&hb);
        return false;
    }
    top.height = height;
    if (!place(bk, &top, gap, keep))
        return false;
    t->top_y = bk->f.y - height;
    return true;
}

/* Places a body row: before the first, the title or lead and the header
 * row; on a new page, the header row again. */
static bool table_add(book *bk, table *t, const cell *cells)
{
    box b = {0};
    flow *f = &bk->f;
    bool ok = table_row(bk, t, cells, false, &b);
    if (ok && t->rows == 0)
        ok = table_head(bk, t, b.height);
    else if (ok && !bk->gathering && !f->page_empty && f->y + b.height > f->bottom)
        ok = flow_new_page(f) && table_head(bk, t, b.height);
    if (!ok) {
        box_free(&b);
        return false;
    }
    t->rows++;
    return place(bk, &b, 0, 0);
}

/* The width a cell needs for str on one line, padding included. */
static double cell_width(book *bk, const char *str, const text_style *ts)
{
    text *t = book_layout(bk, NULL, str, ts, 0, "", NULL);
    if (!t)
        return -1;
    double w = text_width(t) + 2 * bk->z.pad_x;
    text_free(t);
    return w;
}

/* ---- the cover and the contents ------------------------------------------------ */

/* "2026-11-23" -> "2026年11月23日" */
static void chinese_date(const char *iso, char *out, size_t n)
{
    int y = 0, m = 0, d = 0;
    if (sscanf(iso, "%d-%d-%d", &y, &m, &d) == 3)
        snprintf(out, n, "%d年%d月%d日", y, m, d);
    else
        snprintf(out, n, "%s", iso);
}

/* The cover fills the first page: issuer at the top, the title in the
 * middle, the issuer and the date of the newest data at the foot. */
static bool cover(book *bk, const char *base_title)
{
    const style *st = bk->ctx.st;
    double width = bk->f.width, height = bk->f.bottom - bk->f.top, h;
    box b = {0};
    char years[512] = "", date[64];
    size_t n = 0;
    for (size_t y = 0; y < bk->hist->n && n < sizeof years; y++)
        n += (size_t)snprintf(years + n, sizeof years - n, "%s%d年", y ? "、" : "",
                              bk->hist->years[y]->year);
    char line[640];
    snprintf(line, sizeof line, "收录%s，共%zu个年度的数据", years, bk->hist->n);
    chinese_date(bk->latest->date, date, sizeof date);

    bool ok = page_add_rect(&b.marks, 0, 0, width, st->header_rule_w, st->accent) &&
              book_text(bk, &b, NULL, bk->latest->issuer, &st->issuer, 0,
                        st->header_rule_w + st->header_gap, width, st->accent, "", "issuer", NULL);
    /* The title block, measured first to centre it. */
    text *t1 = ok ? book_layout(bk, bk->notes->title ? &bk->notes->origin : NULL, base_title,
                                &st->title, width, "", "title")
                  : NULL;
    char span[96];
    snprintf(span, sizeof span, "（%s）", bk->span);
    text *t2 = t1 ? book_layout(bk, NULL, span, &st->title, width, "", NULL) : NULL;
    text *t3 = t2 ? book_layout(bk, NULL, line, &st->subtitle, width, "", "year") : NULL;
    if (!t3) {
        text_free(t1);
        text_free(t2);
        box_free(&b);
        return false;
    }
    double block = text_height(t1) + text_height(t2) + 2 * st->title_gap + text_height(t3);
    double y = (height - block) / 2;
    double h1 = text_height(t1), h2 = text_height(t2);
    ok = page_add_tag(&b.marks, "H1") && page_add_text(&b.marks, t1, 0, y, st->ink);
    if (ok)
        ok = page_add_text(&b.marks, t2, 0, y + h1 + st->title_gap, st->ink);
    else
        text_free(t2);
    if (ok)
        ok = page_add_tag_end(&b.marks) &&
             page_add_text(&b.marks, t3, 0, y + h1 + h2 + 2 * st->title_gap, st->muted);
    else
        text_free(t3);
    /* The foot: a rule, the issuer and the date. */
    text *who = ok ? book_layout(bk, NULL, bk->latest->issuer, &st->subtitle, 0, "", "issuer")
                   : NULL;
    if (!who) {
        box_free(&b);
        return false;
    }
    h = text_height(who);
    double foot = height - h;
    ok = page_add_line(&b.marks, 0, foot - st->header_gap, width, foot - st->header_gap, st->rule,
                       st->footer_rule_w) &&
         page_add_text(&b.marks, who, 0, foot, st->ink) &&
         book_text(bk, &b, NULL, date, &st->date, 0, foot, width, st->muted, "", "date", NULL);
    b.height = height;
    if (!ok) {
        box_free(&b);
        return false;
    }
    if (!place(bk, &b, 0, 0))
        return false;
    /* The first bookmark names the book and opens the cover. */
    return doc_add_outline(bk->d, bk->title, 1, 0, bk->f.top);
}

/* The contents: one line per heading, page numbers right-aligned after a
 * dotted leader, the whole line a link to the heading. */
static bool contents(book *bk)
{
    const style *st = bk->ctx.st;
    const book_sizes *z = &bk->z;
    if (!part_begin(bk, "目录", NULL))
        return false;
    for (size_t k = 0; k < bk->n_toc; k++) {
        const toc_entry *e = &bk->toc[k];
        size_t page;
        double ty;
        toc_target(bk, k, &page, &ty);
        char num[32];
        snprintf(num, sizeof num, "%zu", page + 1);
        const text_style *ts = e->level == 1 ? &z->toc1 : &z->toc2;
        double x = e->level == 1 ? 0 : z->toc_indent;
        box b = {0};
        text *tt = e->t ? book_layout(bk, e->t->origin, e->title, ts, 0, e->t->path,
                                      e->t->cfg ? "title" : "label")
                        : book_layout(bk, NULL, e->title, ts, 0, "", NULL);
        text *nt = tt ? book_layout(bk, NULL, num, ts, 0, "", NULL) : NULL;
        if (!nt) {
            text_free(tt);
            return false;
        }
        double tw = text_width(tt), nw = text_width(nt), h = text_height(tt);
        double base = text_baseline(tt), row_h = h + 2 * z->pad_y;
        mark leader = {.kind = MARK_LINE, .x = x + tw + z->pad_x, .y = z->pad_y + base,
                       .w = bk->f.width - nw - z->pad_x - (x + tw + z->pad_x)};
        leader.paint = (mark_paint){.stroke = st->rule, .stroked = true,
                                    .line_width = z->rule_w, .dash = z->leader_dash};
        bool ok = page_add_text(&b.marks, tt, x, z->pad_y, st->ink);
        if (ok)
            ok = page_add_text(&b.marks, nt, bk->f.width - nw, z->pad_y, st->ink);
        else
            text_free(nt);
        ok = ok && (leader.w <= 0 || page_add_mark(&b.marks, &leader)) &&
             page_add_link(&b.marks, 0, 0, bk->f.width, row_h, page, ty, NULL) &&
             box_wrap_tag(&b, "P");
        b.height = row_h;
        if (!ok) {
            box_free(&b);
            return false;
        }
        if (!place(bk, &b, e->level == 1 && k ? st->block_gap : 0, 0))
            return false;
    }
    return true;
}

/* ---- a topic --------------------------------------------------------------------- */

/* The line of one comparable id across the years up to its latest figure,
 * through the sheets' own line chart (gaps stay gaps). */
static bool topic_chart(book *bk, const char *id)
{
    const sheet *in;
    const sheet_indicator *ind = latest_figure(bk, id, &in);
    int first = 0;
    for (size_t y = 0; y < bk->hist->n && !first; y++)
        if (figure(bk, bk->hist->years[y]->year, id))
            first = bk->hist->years[y]->year;
    char title[512];
    snprintf(title, sizeof title, "%s（%d—%d年）", ind->label, first, in->year);
    sheet_item item = {.id = id, .indicator = (size_t)SHEET_NONE, .label = ind->label,
                       .path = ind->path};
    sheet_block blk = {.kind = BLOCK_LINE, .title = title, .items = &item, .n_items = 1,
                       .path = ind->path};
    box b = {0};
    bk->ctx.s = in;
    bool ok = chart_line_build(&bk->ctx, &blk, bk->f.width, &b) && box_wrap_tag(&b, "Figure");
    bk->ctx.s = bk->latest;
    if (!ok) {
        box_free(&b);
        bk->ctx.failed = true;
        return false;
    }
    return place(bk, &b, bk->ctx.st->block_gap, 0);
}

/* The figures of a topic, by year: year, indicator, figure, its definition
 * (the data's note), and the change against the previous data year for
 * comparable ids; then the sources. */
static bool topic_table(book *bk, const topic *t)
{
    const style *st = bk->ctx.st;
    const book_sizes *z = &bk->z;
    table tb = {.n = 0};
    bool any_change = false;
    char buf[256];
    snprintf(buf, sizeof buf, "%d年", bk->latest->year);
    double year_w = cell_width(bk, buf, &z->cell_head), label_w = 0, value_w = 0, change_w = 0;
    chart_sources cs = {0};
    for (size_t y = 0; y < bk->hist->n; y++)
        for (size_t i = 0; i < t->n_ids; i++) {
            const sheet *s = bk->hist->years[y];
            const sheet_indicator *ind = figure(bk, s->year, t->ids[i]);
            if (!ind)
                continue;
            chart_sources_add_file(&cs, s, ind->source_file);
            label_w = fmax(label_w, cell_width(bk, ind->label, &z->cell));
            figure_text(ind, buf, sizeof buf);
            value_w = fmax(value_w, cell_width(bk, buf, &z->cell_num));
            int py;
            const sheet_indicator *prev =
                comparable_in(t, ind->id) ? history_previous(bk->hist, s->year, ind->id,
                                                              ind->unit, &py)
                                          : NULL;
            if (prev) {
                any_change = true;
                change_text(prev, py, ind, s->year, buf, sizeof buf);
                change_w = fmax(change_w, cell_width(bk, buf, &z->cell));
            }
        }
    if (bk->ctx.failed)
        return false;
    label_w = fmin(label_w, st->hbar_label_w);
    tb.head[tb.n] = "年份", tb.w[tb.n++] = year_w;
    tb.head[tb.n] = "指标", tb.w[tb.n++] = label_w;
    tb.head[tb.n] = "数值", tb.num[tb.n] = true, tb.w[tb.n++] = value_w;
    if (any_change)
        tb.head[tb.n] = "较上一数据年", tb.w[tb.n++] = change_w;
    tb.head[tb.n] = "统计口径";
    double used = 0;
    for (size_t c = 0; c < tb.n; c++)
        used += tb.w[c];
    tb.w[tb.n++] = bk->f.width - used;

    /* Which figures may be compared, said in the title. */
    char title[1024];
    size_t n_cmp = 0, n = 0;
    title[0] = '\0';
    for (size_t i = 0; i < t->n_ids && n < sizeof title; i++)
        if (comparable_in(t, t->ids[i]) && years_with(bk, t->ids[i]) >= 2) {
            const sheet_indicator *ind = latest_figure(bk, t->ids[i], NULL);
            n += (size_t)snprintf(title + n, sizeof title - n, "%s“%s”", n_cmp ? "、" : "",
                                  ind->label);
            n_cmp++;
        }
    char heading[1200];
    if (n_cmp == 0)
        snprintf(heading, sizeof heading, "%s", "各年数字（口径不同，按年份并列，不作比较）");
    else if (t->cfg && t->n_ids > n_cmp)
        snprintf(heading, sizeof heading, "各年数字（可前后比较的只有%s）", title);
    else
        snprintf(heading, sizeof heading, "%s", "各年数字");
    tb.title = heading;
    tb.gap = st->block_gap;
    for (size_t y = 0; y < bk->hist->n; y++)
        for (size_t i = 0; i < t->n_ids; i++) {
            const sheet *s = bk->hist->years[y];
            const sheet_indicator *ind = figure(bk, s->year, t->ids[i]);
            if (!ind)
                continue;
            char year[16], fig[256], change[256];
            snprintf(year, sizeof year, "%d年", s->year);
            figure_text(ind, fig, sizeof fig);
            int py;
            const sheet_indicator *prev =
                comparable_in(t, ind->id) ? history_previous(bk->hist, s->year, ind->id,
                                                              ind->unit, &py)
                                          : NULL;
            if (prev)
                change_text(prev, py, ind, s->year, change, sizeof change);
            cell cells[BOOK_COLS];
            size_t c = 0;
            cells[c++] = (cell){.str = year, .origin = s, .path = "", .field = "year",
                                .link_toc = NO_LINK};
            cells[c++] = (cell){.str = ind->label, .origin = s, .path = ind->path,
                                .field = "label", .link_toc = NO_LINK};
            cells[c++] = (cell){.str = fig, .origin = s, .path = ind->path, .field = "value",
                                .link_toc = NO_LINK};
            if (any_change)
                cells[c++] = (cell){.str = prev ? change : NULL, .origin = s, .path = ind->path,
                                    .field = "value", .link_toc = NO_LINK};
            cells[c++] = (cell){.str = ind->note, .origin = s, .path = ind->path,
                                .field = "note", .link_toc = NO_LINK};
            if (!table_add(bk, &tb, cells))
                return false;
        }
    /* The sources, as under the sheets' charts. */
    sheet_block blk = {.kind = BLOCK_NOTE, .path = t->path};
    box b = {0};
    double y = 0;
    bk->ctx.s = t->origin;
    bool ok = chart_note(&bk->ctx, &blk, &cs, NULL, bk->f.width, &b, &y);
    bk->ctx.s = bk->latest;
    b.height = y;
    if (!ok) {
        box_free(&b);
        bk->ctx.failed = true;
        return false;
    }
    return place(bk, &b, 0, 0);
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
        char line[8192];
        snprintf(line, sizeof line, "口径说明：%s", t->note);
        text *nt = book_layout(bk, t->origin, line, &st->body, bk->f.width - 2 * pad, t->path,
                               "note");
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
    bool ok = place(bk, &head, st->section_before, keep);
    if (ok && bk->gathering)
        bk->gathered_head = bk->gathered.height - head_h; /* the bookmark comes later */
    else if (ok)
        ok = flow_outline(&bk->f, t->title, 2, head_h);
    if (!ok) {
        box_free(&note);
        return false;
    }
    if (t->note && !place(bk, &note, st->section_after, 0))
        return false;
    for (size_t i = 0; i < t->n_ids; i++)
        if (comparable_in(t, t->ids[i]) && years_with(bk, t->ids[i]) >= 2 &&
            !topic_chart(bk, t->ids[i]))
            return false;
    return topic_table(bk, t);
}

/* A topic, whole on one page when it fits on one, else flowing over pages. */
static bool topic_page(book *bk, const topic *t)
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
        return place(bk, &b, st->section_before, 0) &&
               doc_add_outline(bk->d, t->title, 2, bk->d->n_pages - 1, bk->f.y - h + head);
    }
    box_free(&b);
    return ok && topic_body(bk, t);
}

/* ---- the year-by-year table and the appendix ---------------------------------------- */

static bool headline_table(book *bk)
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
    char heads[BOOK_COLS][16];
    double col_w = 0;
    for (size_t y = 0; y < ny; y++) {
        snprintf(heads[y + 1], sizeof heads[y + 1], "%d年", bk->hist->years[y]->year);
        tb.head[y + 1] = heads[y + 1];
        tb.num[y + 1] = true;
        col_w = fmax(col_w, cell_width(bk, heads[y + 1], &z->cell_head));
        for (size_t i = 0; i < bk->n_headline; i++) {
            const sheet_indicator *ind = figure(bk, bk->hist->years[y]->year, bk->headline[i]);
            char fig[256];
            if (!ind)
                continue;
            figure_text(ind, fig, sizeof fig);
            col_w = fmax(col_w, cell_width(bk, fig, &z->cell_num));
        }
    }
    if (bk->ctx.failed)
        return false;
    tb.head[0] = "指标";
    tb.w[0] = bk->f.width - col_w * (double)ny;
    for (size_t y = 0; y < ny; y++)
        tb.w[y + 1] = col_w;

    for (size_t i = 0; i < bk->n_headline; i++) {
        const char *id = bk->headline[i];
        const sheet *in;
        const sheet_indicator *last = latest_figure(bk, id, &in);
        const topic *t = topic_of(bk, id);
        char figs[BOOK_COLS][256], sub[64];
        cell cells[BOOK_COLS];
        cells[0] = (cell){.str = last->label, .origin = in, .path = last->path, .field = "label",
                          .link_toc = NO_LINK};
        if (t) {
            size_t page;
            double ty;
            toc_target(bk, t->toc, &page, &ty);
            snprintf(sub, sizeof sub, comparable_in(t, id) && years_with(bk, id) >= 2
                                          ? "趋势见第%zu页"
                                          : "口径不同，见第%zu页",
                     page + 1);
            cells[0].sub = sub;
            cells[0].link_toc = (long)t->toc;
        }
        for (size_t y = 0; y < ny; y++) {
            const sheet *s = bk->hist->years[y];
            const sheet_indicator *ind = figure(bk, s->year, id);
            if (ind)
                figure_text(ind, figs[y], sizeof figs[y]);
            cells[y + 1] = (cell){.str = ind ? figs[y] : NULL, .origin = s,
                                  .path = ind ? ind->path : "", .field = "value",
                                  .link_toc = NO_LINK};
        }
        if (!table_add(bk, &tb, cells))
            return false;
    }
    return true;
}

/* The heading of one source document's figures in the appendix, built into
 * b: the year when open_year, the document's title and its file. */
static bool appendix_source(book *bk, const sheet *s, size_t k, bool open_year, box *b)
{
    const style *st = bk->ctx.st;
    const sheet_source *src = &s->sources[k];
    double h = 0, y = 0;
    char year[16], title[2048], file[1024], path[64];
    snprintf(year, sizeof year, "%d年", s->year);
    snprintf(path, sizeof path, "sources[%zu]", k);
    snprintf(title, sizeof title, "来源：《%s》%s%s%s", src->title, src->publisher ? "（" : "",
             src->publisher ? src->publisher : "", src->publisher ? "）" : "");
    snprintf(file, sizeof file, "文件：%s", src->file);
    bool ok = true;
    if (open_year) {
        ok = book_text(bk, b, s, year, &st->section, 0, 0, bk->f.width, st->ink, "", "year", &h);
        y = h + st->chart_title_gap;
    }
    ok = ok && book_text(bk, b, s, title, &bk->z.cell, 0, y, bk->f.width, st->ink, path, "title",
                         &h);
    y += h;
    ok = ok && book_text(bk, b, s, file, &st->chart_note, 0, y, bk->f.width, st->muted, path,
                         "file", &h);
    b->height = y + h + st->chart_title_gap;
    return ok;
}

/* The appendix: per year and source document, every figure the book shows
 * with its label, the figure as written and the exact quote. */
static bool appendix(book *bk)
{
    const style *st = bk->ctx.st;
    const book_sizes *z = &bk->z;
    double label_w = 0, value_w = 0;
    char fig[256], quote[4096];
    for (size_t y = 0; y < bk->hist->n; y++) {
        const sheet *s = bk->hist->years[y];
        for (size_t i = 0; i < s->n_indicators; i++)
            if (cited(bk, &s->indicators[i])) {
                figure_text(&s->indicators[i], fig, sizeof fig);
                label_w = fmax(label_w, cell_width(bk, s->indicators[i].label, &z->cell));
                value_w = fmax(value_w, cell_width(bk, fig, &z->cell_num));
            }
    }
    table tb = {.n = 3, .head = {"指标", "数值", "原文摘录"}, .num = {false, true, false}};
    tb.w[0] = fmin(label_w, st->hbar_label_w);
    tb.w[1] = fmax(value_w, cell_width(bk, "数值", &z->cell_head));
    tb.w[2] = bk->f.width - tb.w[0] - tb.w[1];
    if (bk->ctx.failed)
        return false;

    for (size_t y = 0; y < bk->hist->n; y++) {
        const sheet *s = bk->hist->years[y];
        bool open_year = true;
        for (size_t k = 0; k < s->n_sources; k++) {
            bool first = true;
            for (size_t i = 0; i < s->n_indicators; i++) {
                const sheet_indicator *ind = &s->indicators[i];
                if (!cited(bk, ind) || !ind->source_file ||
                    strcmp(ind->source_file, s->sources[k].file) != 0)
                    continue;
                figure_text(ind, fig, sizeof fig);
                snprintf(quote, sizeof quote, "“%s”", ind->source_quote);
                cell cells[3] = {{.str = ind->label, .origin = s, .path = ind->path,
                                  .field = "label", .link_toc = NO_LINK},
                                 {.str = fig, .origin = s, .path = ind->path, .field = "value",
                                  .link_toc = NO_LINK},
                                 {.str = quote, .origin = s, .path = ind->path,
                                  .field = "source.quote", .link_toc = NO_LINK}};
                if (first) {
                    /* A new source: its heading leads the table again. */
                    tb.rows = 0;
                    tb.gap = open_year ? st->section_before : st->block_gap;
                    if (!appendix_source(bk, s, k, open_year, &tb.lead)) {
                        box_free(&tb.lead);
                        bk->ctx.failed = true;
                        return false;
                    }
                }
                if (!table_add(bk, &tb, cells))
                    return false;
                if (first && open_year) {
                    char year[16];
                    snprintf(year, sizeof year, "%d年", s->year);
                    if (!doc_add_outline(bk->d, year, 2, bk->d->n_pages - 1, tb.top_y))
                        return false;
                    open_year = false;
                }
                first = false;
            }
        }
    }
    return true;
}

/* ---- the book ---------------------------------------------------------------------- */

static doc *book_pass(book *bk, const doc *first)
{
    const style *st = bk->ctx.st;
    bk->first = first;
    bk->d = doc_new(st->page_w, st->page_h);
    if (!bk->d)
        return NULL;
    bk->d->author = bk->latest->issuer;
    bk->d->subject = "卫生健康主要指标的逐年数据、口径说明与来源";
    bk->d->keywords = "卫生健康; 统计数据; 数据汇编";
    char footer[1200];
    snprintf(footer, sizeof footer, "%s　%s　每个数字的出处见附录“数据来源”",
             bk->latest->issuer, bk->title);
    const char *base = bk->notes->title ? bk->notes->title : bk->latest->title;
    /* The title is in every footer: a character it lacks is named at its
     * place in trends.json before the footers are set. */
    text *probe = book_layout(bk, bk->notes->title ? &bk->notes->origin : NULL, base,
                              &st->title, 0, "", "title");
    if (!probe)
        goto fail;
    text_free(probe);
    if (!flow_init(&bk->f, &bk->ctx, bk->d, bk->title, footer) || !cover(bk, base) ||
        !contents(bk))
        goto fail;
    /* The metadata borrows the cover's bookmark title, which the doc owns. */
    bk->d->title = bk->d->outline[0].title;
    static const char trends_intro[] =
        "本部分收录在两个及以上年度出现的指标，以及统计口径前后不同的相关指标。口径相同的数字画成折线，"
        "并列出与上一个有数据年度相比的变化；某一年度没有数据时折线在此断开，不作插补。口径不同的数字只按"
        "年份并列，附口径说明，不连线、不比较。";
    if (!part_begin(bk, bk->toc[0].title, trends_intro))
        goto fail;
    for (size_t t = 0; t < bk->n_topics; t++)
        if (!topic_page(bk, &bk->topics[t]))
            goto fail;
    const char *table_intro =
        bk->notes->headline
            ? "下表列出 data/book/trends.json 指定的主要指标在各年度的数字，按原文照录并带原文单位；"
              "“—”表示该年度未报道此项。注明“口径不同”的指标，各年数字不宜直接比较。"
            : "下表列出各年度概况首页“主要指标”中的数字，按原文照录并带原文单位；“—”表示该年度未报道"
              "此项。注明“口径不同”的指标，各年数字不宜直接比较，点击可跳到口径说明。";
    if (!part_begin(bk, "主要指标逐年对照", table_intro) || !headline_table(bk))
        goto fail;
    if (!part_begin(bk, "附录　数据来源",
                    "本书中每一个数字的出处：所属年度、指标、原文数值与单位、来源文件的标题和原文摘录，"
                    "供逐项核对。") ||
        !appendix(bk))
        goto fail;
    if (bk->ctx.failed || !flow_finish(&bk->f))
        goto fail;
    return bk->d;
fail:
    bk->ctx.failed = true;
    doc_free(bk->d);
    bk->d = NULL;
    return NULL;
}

doc *layout_book(const history *hist, const target_set *targets, text_fonts *fonts,
                 const style *st, diag_list *dl)
{
    if (!hist || hist->n == 0) {
        diag_error(dl, hist ? hist->dir : NULL, "%s",
                   _("no data files of any year were found here; the book needs one at least"));
        return NULL;
    }
    book bk = {.hist = hist, .latest = hist->years[hist->n - 1], .z = book_sizes_of(st)};
    bk.ctx = (layout_ctx){.s = bk.latest, .hist = hist, .targets = targets, .fonts = fonts,
                          .st = st, .dl = dl};
    doc *pass1 = NULL, *d = NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/book/trends.json", hist->dir);
    book_notes *notes = book_notes_load(path, dl);
    if (!notes)
        goto done;
    bk.notes = notes;
    int y0 = hist->years[0]->year, y1 = bk.latest->year;
    if (y0 == y1)
        snprintf(bk.span, sizeof bk.span, "%d年", y0);
    else
        snprintf(bk.span, sizeof bk.span, "%d—%d年", y0, y1);
    snprintf(bk.title, sizeof bk.title, "%s（%s）",
             notes->title ? notes->title : bk.latest->title, bk.span);
    if (!book_plan(&bk))
        goto done;
    pass1 = book_pass(&bk, NULL);
    d = pass1 ? book_pass(&bk, pass1) : NULL;
    /* Headings must stand where the contents say they do. */
    for (size_t i = 0; d && i < d->n_outline; i++)
        if (i >= pass1->n_outline || d->outline[i].page != pass1->outline[i].page ||
            fabs(d->outline[i].y - pass1->outline[i].y) > 0.01) {
            diag_error(dl, path, _("the contents moved \"%s\" to another page; please report this"),
                       d->outline[i].title);
            doc_free(d);
            d = NULL;
        }
done:
    if (!d && !dl->errors)
        diag_error(dl, path, "%s", _("out of memory"));
    doc_free(pass1);
    free(bk.topics);
    free(bk.headline);
    free(bk.toc);
    book_notes_free(notes);
    return d;
}
