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

