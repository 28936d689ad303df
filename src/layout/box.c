/* box: a block measured and built in its own coordinates before the flow
 * places it; see box.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "box.h"

text *layout_text(layout_ctx *ctx, const char *str, const text_style *ts, double width,
                  const char *path, const char *field)
{
    uint32_t missing = 0;
    text *t = text_new(ctx->fonts, str, ts, width, &missing);
    if (t)
        return t;
    ctx->failed = true;
    strbuf full = {0};
    if (path && field)
        sb_printf(&full, "%s%s%s", path, path[0] ? "." : "", field);
    else
        sb_printf(&full, "%s", path ? path : (field ? field : ""));
    if (!missing) {
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, sb_str(&full), "%s", _("out of memory"));
        sb_free(&full);
        return NULL;
    }
    /* A character no font has, shown as a character when it is visible and
     * as its code alone when it is not (a control or format character). */
    char ch[8] = "";
    if (missing >= 0x20 && missing != 0x7F && utf8_encode(missing, ch) == 0)
        ch[0] = '\0';
    sheet_report(ctx->s, ctx->dl, DIAG_ERROR, sb_str(&full),
                 _("character \"%s\" (U+%04X) is not in the font \"%s\"; it would print as a "
                   "box. Replace it, or add a font that has it to fonts/"),
                 ch[0] ? ch : "?", (unsigned)missing, text_face_family(ts->face));
    sb_free(&full);
    return NULL;
}

bool layout_figure_failed(layout_ctx *ctx, const sheet_indicator *ind)
{
    sheet_report(ctx->s, ctx->dl, DIAG_ERROR, ind->path, "%s",
                 _("the figure cannot be printed exactly (out of memory)"));
    ctx->failed = true;
    return false;
}

void box_free(box *b)
{
    for (size_t i = 0; i < b->marks.n_marks; i++)
        mark_release(&b->marks.marks[i]);
    free(b->marks.marks);
    free(b->cuts);
    *b = (box){0};
}

bool box_add_cut(box *b, double y)
{
    if (b->n_cuts == b->cap_cuts) {
        size_t cap = b->cap_cuts ? 2 * b->cap_cuts : 16;
        double *c = realloc(b->cuts, cap * sizeof *c);
        if (!c)
            return false;
        b->cuts = c;
        b->cap_cuts = cap;
    }
    b->cuts[b->n_cuts++] = y;
    return true;
}

bool box_append_at(box *dst, box *src, double dx, double dy)
{
    bool ok = true;
    for (size_t i = 0; i < src->marks.n_marks; i++) {
        mark m = src->marks.marks[i];
        src->marks.marks[i] = (mark){0}; /* taken over, or released below */
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
        ok = page_add_mark(&dst->marks, &m);
    }
    for (size_t i = 0; ok && i < src->n_cuts; i++)
        ok = box_add_cut(dst, src->cuts[i] + dy);
    if (src->height + dy > dst->height)
        dst->height = src->height + dy;
    box_free(src);
    return ok;
}

bool box_text(layout_ctx *ctx, box *b, const char *str, const text_style *ts, double x, double y,
              double width, rgb color, const char *path, const char *field, double *height)
{
    text *t = layout_text(ctx, str, ts, width, path, field);
    if (!t)
        return false;
    if (height)
        *height = text_height(t);
    return page_add_text(&b->marks, t, x, y, color);
}

/* The gaps a horizontal rule at y (width lw) from x0 to x1 leaves for the
 * texts of marks it would cross: true when it crosses any. */
static bool crosses_text(const doc_page *p, double x0, double x1, double y, double lw)
{
    for (size_t i = 0; i < p->n_marks; i++) {
        const mark *t = &p->marks[i];
        if (t->kind == MARK_TEXT && t->a0 == 0 && y + lw / 2 > t->y && y - lw / 2 < t->y + t->h &&
            x1 > t->x && x0 < t->x + t->w)
            return true;
    }
    return false;
}

/* Appends line (horizontal, from x0 to x1) to out in the pieces that do not
 * cross a text of p, each kept pad away from it. */
static bool add_line_pieces(doc_page *out, const doc_page *p, const mark *line, double x0,
                            double x1, double pad)
{
    double y = line->y, lw = line->paint.line_width;
    double from = x0;
    while (from < x1) {
        /* the nearest text the rest of the line crosses */
        double cut = x1, resume = x1;
        for (size_t i = 0; i < p->n_marks; i++) {
            const mark *t = &p->marks[i];
            if (t->kind != MARK_TEXT || t->a0 != 0 ||
                !(y + lw / 2 > t->y && y - lw / 2 < t->y + t->h))
                continue;
            double a = t->x - pad, z = t->x + t->w + pad;
            if (z > from && a < cut) {
                cut = a > from ? a : from;
                resume = z;
            }
        }
        if (cut > from) {
            mark piece = *line;
            piece.x = from;
            piece.w = cut - from;
            piece.txt = NULL;
            piece.points = NULL;
            piece.n_points = 0;
            if (!page_add_mark(out, &piece))
                return false;
        }
        from = resume;
    }
    return true;
}

bool box_clear_rules_under_text(box *b, double pad)
{
    doc_page out = {0};
    bool ok = true;
    for (size_t i = 0; i < b->marks.n_marks; i++) {
        mark m = b->marks.marks[i];
        double x0 = m.w >= 0 ? m.x : m.x + m.w, x1 = m.w >= 0 ? m.x + m.w : m.x;
        if (ok && m.kind == MARK_LINE && m.h == 0 &&
            crosses_text(&b->marks, x0, x1, m.y, m.paint.line_width)) {
            ok = add_line_pieces(&out, &b->marks, &m, x0, x1, pad);
            mark_release(&m);
        } else if (ok) {
            ok = page_add_mark(&out, &m); /* takes the mark's text and points */
        } else {
            mark_release(&m);
        }
    }
    free(b->marks.marks);
    b->marks = out;
    return ok;
}
