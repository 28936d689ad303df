/* book_table: how the book places what it builds, and its tables.
 *
 * Boxes go to the flow, or, while a topic is gathered, stack up in one box
 * so that a topic that fits on a page is never split (book_topic_page then
 * places that box whole). A table is a row of header cells and rows of
 * body cells, each row as tall as its tallest cell; the header row is set
 * again at the top of every page the table runs onto, and before the first
 * row it is kept with that row and the title or lead above it. */
#include <math.h>
#include <stddef.h>

#include "book_priv.h"

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
bool book_place(book *bk, box *b, double gap, double keep)
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
            sub_t[c] =
                book_layout(bk, NULL, cells[c].sub, t->num[c] ? &z->cell_sub_num : &z->cell_sub, w,
                            cells[c].path, NULL);
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
            else if (sub_t[c]) {
                /* A cross-reference is underlined in the accent: the text
                 * prints black like all text, the line shows the link on
                 * screen and survives a gray printer. */
                double sy = z->pad_y + th, sw = text_width(sub_t[c]),
                       ul = sy + text_baseline(sub_t[c]) + st->link_underline_gap;
                ok = page_add_text(&b->marks, sub_t[c], x + z->pad_x, sy,
                                   linked ? st->accent : st->muted) &&
                     (!linked || page_add_line(&b->marks, x + z->pad_x, ul, x + z->pad_x + sw, ul,
                                               st->accent, st->link_underline_w));
            }
            if (ok && linked) {
                size_t page;
                double ty;
                book_toc_target(bk, (size_t)cells[c].link_toc, &page, &ty);
                ok = doc_add_page_link(bk->d, &b->marks, x, 0, t->w[c], row_h, page, ty);
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
 * first row and 续表 above it on a later page, kept with that row (keep:
 * its height). */
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
    } else if (book_text(bk, &top, NULL, "续表", &st->table_head, 0, 0, bk->f.width, st->muted, "",
                         NULL, &h)) {
        top.height = h + st->table_row_pad; /* a continued table says so, as the sheets' do */
    } else {
        box_free(&top);
        return false;
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
    if (!book_place(bk, &top, gap, keep))
        return false;
    t->top_y = bk->f.y - height;
    return true;
}

/* Places a body row: before the first, the title or lead and the header
 * row; on a new page, 续表 and the header row again. */
bool book_table_add(book *bk, table *t, const cell *cells)
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
    return book_place(bk, &b, 0, 0);
}

/* The width a cell needs for str on one line, padding included. */
double book_cell_width(book *bk, const char *str, const text_style *ts)
{
    text *t = book_layout(bk, NULL, str, ts, 0, "", NULL);
    if (!t)
        return -1;
    double w = text_width(t) + 2 * bk->z.pad_x;
    text_free(t);
    return w;
}
