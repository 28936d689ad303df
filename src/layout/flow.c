/* flow: the page frame and the flow of boxes down it, shared by the sheet
 * and the book: a cursor runs down the content area of the current page;
 * a box goes where it fits whole, else on a new page, together with what
 * must stay with it (a heading with its first block). Then every page gets
 * its footer and "第 N 页 共 M 页", and its label for PDF viewers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "box.h"

/* Moves every mark of b onto page p at offset (dx, dy); b is empty after. */
static bool box_place(box *b, doc_page *p, double dx, double dy)
{
    bool ok = true;
    for (size_t i = 0; i < b->marks.n_marks; i++) {
        mark m = b->marks.marks[i];
        mark_disown(&b->marks.marks[i]); /* taken over (or released) below */
        if (!ok) {
            mark_release(&m);
            continue;
        }
        m.x += dx;
        m.y += dy;
        for (size_t k = 0; k < m.n_points; k++) {
            m.points[2 * k] += dx;
            m.points[2 * k + 1] += dy;
        }
        ok = page_add_mark(p, &m);
    }
    box_free(b);
    return ok;
}

/* ---- the page frame ------------------------------------------------------ */

enum { MAX_PAGES = 100 }; /* a fact sheet, not a book: stop absurd input here */

bool flow_new_page(flow *f)
{
    const style *st = f->ctx->st;
    if (f->ctx->page_limit && f->d->n_pages >= f->ctx->page_limit) {
        f->ctx->failed = true; /* the attempt is over: it needs more pages */
        return false;
    }
    if (f->d->n_pages >= MAX_PAGES) {
        if (!f->ctx->failed)
            sheet_report(f->ctx->s, f->ctx->dl, DIAG_ERROR, "sections",
                         _("the sheet needs more than %d pages; split it"), (int)MAX_PAGES);
        f->ctx->failed = true;
        return false;
    }
    f->page = doc_add_page(f->d);
    if (!f->page)
        return false;
    f->y = f->top;
    f->page_empty = true;
    if (f->d->n_pages == 1 || !st->has_running_head)
        return true;
    /* A running head on every later page: the sheet's title and a hairline. */
    text *t = layout_text(f->ctx, f->running_head, &st->running_head, 0, "", "title");
    if (!t)
        return false;
    double h = text_height(t);
    if (!page_add_text(f->page, t, f->left, f->y, st->muted))
        return false;
    if (!page_add_line(f->page, f->left, f->y + h + 3, f->left + f->width, f->y + h + 3, st->rule,
                       st->footer_rule_w))
        return false;
    f->y += st->running_head_h;
    return true;
}

/* On a line grid (the official style), the first row at or below y: a y on
 * a row stays, one off the grid (below a chart) keeps grid_clear first. */
static double grid_snap(const flow *f, double y)
{
    double pitch = f->ctx->st->line_grid;
    if (pitch <= 0)
        return y;
    const double eps = 1e-3;
    double rows = (y - f->top) / pitch;
    if (fabs(rows - round(rows)) < eps)
        return f->top + round(rows) * pitch;
    return f->top + ceil((y - f->top + f->ctx->st->grid_clear) / pitch - eps) * pitch;
}

/* Places b below the cursor after gap, on a new page when it does not fit
 * together with keep (the height of what must stay with it). */
bool flow_place(flow *f, box *b, double gap, double keep, const char *path)
{
    const style *st = f->ctx->st;
    /* The room of a fresh page: a later page loses the running head's band
     * to its title and rule, which the fit test must count, or a block that
     * fits the first page runs into the footer of a later one. */
    double later = f->bottom - f->top - (st->has_running_head ? st->running_head_h : 0);
    double y = grid_snap(f, f->page_empty ? f->y : f->y + gap);
    if (!f->page_empty && y + b->height + keep > f->bottom && b->height <= later) {
        if (!flow_new_page(f)) {
            box_free(b);
            return false;
        }
        y = f->y;
    }
    const double eps = 0.01;
    if (y + b->height > f->bottom + eps) {
        double room = f->page_empty ? f->bottom - y : later;
        sheet_report(f->ctx->s, f->ctx->dl, DIAG_ERROR, path,
                     _("this block is %.0f pt tall and does not fit on a page (%.0f pt)"),
                     b->height, room);
        box_free(b);
        return false;
    }
    double height = b->height; /* box_place empties b */
    if (!box_place(b, f->page, f->left, y))
        return false;
    f->y = y + height;
    f->page_empty = false;
    return true;
}

bool flow_init(flow *f, layout_ctx *ctx, doc *d, const char *running_head, const char *footer)
{
    const style *st = ctx->st;
    *f =
        (flow){.ctx = ctx, .d = d, .running_head = running_head, .footer = footer, .first_page = 1};
    f->left = st->margin_left;
    f->width = st->page_w - st->margin_left - st->margin_right;
    f->top = st->margin_top;
    if (st->footer_sources) {
        text *probe = layout_text(ctx, footer, &st->footer, f->width - FOLIO_W, "", "sources");
        if (!probe)
            return false;
        f->footer_h = text_height(probe) + st->footer_gap;
        text_free(probe);
        f->bottom = st->page_h - st->margin_bottom - f->footer_h - st->footer_gap * 2;
    } else {
        /* An official document's text block ends at its margin; the page
         * number stands below it, outside. */
        f->bottom = st->page_h - st->margin_bottom;
    }
    ctx->room_page = f->bottom - f->top - st->running_head_h;
    return flow_new_page(f);
}

/* Adds lines [first, first + count) of t at (x, y) in a P tag. */
static bool place_lines(doc_page *p, text *t, int first, int count, double x, double y, rgb color)
{
    double top, bottom, last_top, last_bottom;
    text_line_span(t, first, &top, &bottom);
    text_line_span(t, first + count - 1, &last_top, &last_bottom);
    mark m = {.kind = MARK_TEXT,
              .x = x,
              .y = y,
              .w = text_width(t),
              .h = last_bottom - top,
              .txt = text_ref(t),
              .first_line = first,
              .n_lines = count};
    m.paint.fill = page_text_color(color);
    m.paint.filled = true;
    return page_add_tag(p, "P") && page_add_mark(p, &m) && page_add_tag_end(p);
}

bool flow_place_paragraph(flow *f, text *t, rgb color, double gap, const char *path)
{
    int lines = text_line_count(t);
    double y = grid_snap(f, f->page_empty ? f->y : f->y + gap);
    double h = text_height(t);
    int first = 0;
    /* Split only what needs splitting, and never leave a single line alone
     * at the foot of a page (orphan) or the head of the next (widow). */
    while (first < lines) {
        double top, bottom;
        text_line_span(t, first, &top, &bottom);
        int fit = 0;
        for (int i = first; i < lines; i++) {
            double lt, lb;
            text_line_span(t, i, &lt, &lb);
            if (y + (lb - top) > f->bottom)
                break;
            fit++;
        }
        int rest = lines - first - fit;
        if (rest == 0 && f->keep_next > 0) { /* what follows takes two lines with it */
            double lt, lb;
            text_line_span(t, lines - 1, &lt, &lb);
            if (y + (lb - top) + f->keep_next > f->bottom) {
                if (fit > 3)
                    fit -= 2;
                else if (!f->page_empty)
                    fit = 0;
                rest = lines - first - fit;
            }
        }
        if (rest > 0 && rest < 2 && fit > 2)
            fit -= 2 - rest; /* keep two lines for the next page */
        if (fit < lines - first && fit < 2)
            fit = 0; /* not even two lines here: start on the next page */
        if (fit == 0) {
            if (f->page_empty) {
                sheet_report(f->ctx->s, f->ctx->dl, DIAG_ERROR, path,
                             _("a line of this text does not fit on a page"));
                text_free(t);
                return false;
            }
            if (!flow_new_page(f)) {
                text_free(t);
                return false;
            }
            y = f->y;
            continue;
        }
        double lt, lb;
        text_line_span(t, first + fit - 1, &lt, &lb);
        if (!place_lines(f->page, t, first, fit, f->left, y, color)) {
            text_free(t);
            return false;
        }
        f->y = y + (lb - top);
        f->page_empty = false;
        first += fit;
        if (first < lines) {
            if (!flow_new_page(f)) {
                text_free(t);
                return false;
            }
            y = f->y;
        }
    }
    (void)h;
    text_free(t); /* the marks hold their own references */
    return true;
}

bool flow_outline(flow *f, const char *title, int level, double height)
{
    return doc_add_outline(f->d, title, level, f->d->n_pages - 1, f->y - height);
}

bool box_wrap_tag(box *b, const char *name)
{
    return box_wrap_tag_alt(b, name, NULL);
}

bool box_wrap_tag_alt(box *b, const char *name, const char *alt)
{
    if (!name)
        return true; /* nothing to tag */
    /* The begin tag goes first: append both, then rotate the begin to the front. */
    if (!page_add_tag_alt(&b->marks, name, alt) || !page_add_tag_end(&b->marks))
        return false;
    size_t n = b->marks.n_marks;
    mark begin = b->marks.marks[n - 2];
    memmove(b->marks.marks + 1, b->marks.marks, (n - 2) * sizeof *b->marks.marks);
    b->marks.marks[0] = begin;
    return true;
}

/* ---- footer --------------------------------------------------------------- */

/* GB/T 9704 7.5: "— 1 —" in 4号 half-width digits, its dash 7 mm below the
 * text block; odd pages at the right, even pages at the left, one
 * character in. */
static bool official_folios(flow *f)
{
    const style *st = f->ctx->st;
    for (size_t i = 0; i < f->d->n_pages; i++) {
        int number = f->first_page + (int)i;
        strbuf folio = {0};
        text *t = sb_printf(&folio, "— %d —", number)
                      ? layout_text(f->ctx, sb_str(&folio), &st->folio_official, 0, NULL, NULL)
                      : NULL;
        sb_free(&folio);
        if (!t)
            return false;
        double w = text_width(t);
        /* The dash sits at mid-height of the digits: place the box so the
         * text's top is the 7 mm line (the box has a little leading). */
        double y = st->page_h - st->margin_bottom + st->folio_drop;
        double x =
            number % 2 ? f->left + f->width - st->folio_inset - w : f->left + st->folio_inset;
        if (!page_add_text(&f->d->pages[i], t, x, y, st->ink))
            return false;
        /* Viewers show the number printed: an attachment from --first-page 5
         * reads 5, 6 … in the page box too. */
        char label[32];
        snprintf(label, sizeof label, "%d", number);
        if (!doc_set_page_label(f->d, i, label))
            return false;
    }
    return true;
}

bool flow_finish(flow *f)
{
    layout_ctx *ctx = f->ctx;
    const style *st = ctx->st;
    if (st->official)
        return official_folios(f);
    double folio_w = FOLIO_W;
    for (size_t i = 0; i < f->d->n_pages; i++) {
        doc_page *p = &f->d->pages[i];
        strbuf folio = {0}; /* no ASCII spaces: copied, the folio reads as printed */
        text *src =
            sb_printf(&folio, "第%zu页　共%zu页", i + 1, f->d->n_pages)
                ? layout_text(ctx, f->footer, &st->footer, f->width - folio_w, "", "sources")
                : NULL;
        text *num = src ? layout_text(ctx, sb_str(&folio), &st->folio, folio_w, NULL, NULL) : NULL;
        sb_free(&folio);
        if (!src || !num) {
            text_free(src);
            return false;
        }
        double rule_y = st->page_h - st->margin_bottom - f->footer_h;
        double ty = rule_y + st->footer_gap;
        if (!page_add_line(p, f->left, rule_y, f->left + f->width, rule_y, st->rule,
                           st->footer_rule_w) ||
            !page_add_text(p, src, f->left, ty, st->muted)) {
            text_free(num);
            return false;
        }
        double src_w = f->width - folio_w, src_h = f->footer_h - st->footer_gap;
        if (!page_add_text(p, num, f->left + f->width - folio_w, ty, st->muted))
            return false;
        /* A source with an address: the footer naming it is a link to it. */
        if (f->footer_url && !page_add_uri_link(p, f->left, ty, src_w, src_h, f->footer_url))
            return false;
        strbuf label = {0};
        bool labelled =
            sb_printf(&label, "%zu", i + 1) && doc_set_page_label(f->d, i, sb_str(&label));
        sb_free(&label);
        if (!labelled)
            return false;
    }
    return true;
}

/* ---- boxes that split: tables ---------------------------------------------- */

/* Splits b at cut: the marks above it (and a closing rule) go to *top; the
 * rest, under "续表" and a copy of the header, stays in b. */
static bool box_split(flow *f, box *b, double cut, box *top)
{
    const style *st = f->ctx->st;
    box rest = {0};
    text *cont = b->plain ? NULL : layout_text(f->ctx, "续表", &st->table_head, 0, NULL, NULL);
    if (!cont && !b->plain)
        return false;
    double cont_h = cont ? text_height(cont) + st->table_row_pad : 0;
    double head = b->plain ? 0 : b->head_h - b->head_top;
    double shift = cont_h + head - cut; /* rows below cut move up by this */
    bool ok = !cont || page_add_text(&rest.marks, cont, 0, 0, st->muted);
    for (size_t i = 0; ok && i < b->marks.n_marks; i++) {
        const mark *m = &b->marks.marks[i];
        if (!b->plain && m->kind != MARK_TAG_BEGIN && m->kind != MARK_TAG_END &&
            m->y >= b->head_top && m->y < b->head_h) {
            mark c;
            ok = mark_copy(m, &c);
            if (ok) {
                c.y += cont_h - b->head_top;
                ok = page_add_mark(&rest.marks, &c);
            }
        }
    }
    double width = f->width;
    for (size_t i = 0; i < b->marks.n_marks; i++) {
        mark m = b->marks.marks[i];
        b->marks.marks[i] = (mark){0};
        bool below = m.kind == MARK_TAG_END || (m.kind != MARK_TAG_BEGIN && m.y >= cut);
        if (!ok) {
            mark_release(&m);
            continue;
        }
        if (below) {
            m.y += shift;
            for (size_t k = 0; k < m.n_points; k++)
                m.points[2 * k + 1] += shift;
        }
        ok = page_add_mark(below ? &rest.marks : &top->marks, &m);
    }
    if (!b->plain)
        ok = ok && page_add_line(&top->marks, 0, cut + st->table_rule_heavy / 2, width,
                                 cut + st->table_rule_heavy / 2, st->ink, st->table_rule_heavy);
    top->height = cut + (b->plain ? 0 : st->table_rule_heavy);
    for (size_t i = 0; ok && i < b->n_cuts; i++)
        if (b->cuts[i] > cut)
            ok = box_add_cut(&rest, b->cuts[i] + shift);
    rest.height = b->height + shift;
    rest.head_top = cont_h;
    rest.head_h = cont_h + head;
    rest.chunked = b->chunked;
    rest.plain = b->plain;
    box_free(b);
    *b = rest;
    return ok;
}

bool flow_place_split(flow *f, box *b, double gap, double keep, const char *path)
{
    const style *st = f->ctx->st;
    for (;;) {
        double y = f->page_empty ? f->y : f->y + gap;
        double avail = f->bottom - y;
        if (b->n_cuts == 0)
            return flow_place(f, b, gap, keep, path);
        if (b->height + keep <= avail)
            return flow_place(f, b, gap, 0, path);
        /* The lowest cut that leaves room for the closing rule, below at
         * least one row; none on a fresh page means one row is taller than
         * a page, which flow_place reports. */
        /* Never a single row alone at either side of the cut, when the
         * table has rows enough to avoid it. */
        bool rows = !b->chunked && b->n_cuts >= 3;
        size_t lo = rows ? 1 : 0, hi = rows ? b->n_cuts - 1 : b->n_cuts;
        double cut = -1;
        for (size_t i = lo; i < hi; i++)
            if (b->cuts[i] > b->head_h &&
                b->cuts[i] + (b->plain ? 0 : st->table_rule_heavy) <= avail)
                cut = b->cuts[i];
        if (cut < 0) {
            if (f->page_empty)
                return flow_place(f, b, gap, 0, path);
            if (!flow_new_page(f)) {
                box_free(b);
                return false;
            }
            continue;
        }
        box top = {0};
        if (!box_split(f, b, cut, &top) || !flow_place(f, &top, gap, 0, path) ||
            !flow_new_page(f)) {
            box_free(&top);
            box_free(b);
            return false;
        }
    }
}
