/* table_paged: a long table in two columns, page by page: each chunk as
 * tall as the room here (the first) or a later page's, its rows read down
 * the left column, then the right; the flow repeats the header under 续表
 * between chunks (flow.c). Part of the table block (table.c). */
#include <math.h>
#include <stdlib.h>

#include "box.h"
#include "table_priv.h"

/* Where the chunk of a two-column table that starts at row first ends
 * (*end) and where its right column begins (*mid): the rest split evenly
 * when both columns then fit in room, else the left column filled to room
 * and then the right one (at least a row each). */
static void chunk_rows(const trow *rows, size_t first, size_t n, double room, size_t *mid,
                       size_t *end)
{
    *mid = first + (n - first + 1) / 2;
    double left = 0, right = 0;
    for (size_t i = first; i < n; i++)
        *(i < *mid ? &left : &right) += rows[i].h;
    *end = n;
    if (left <= room && right <= room)
        return;
    size_t i = first;
    for (int col = 0; col < 2 && i < n; col++) {
        double h = rows[i].h;
        for (i++; i < n && h + rows[i].h <= room; i++)
            h += rows[i].h;
        if (col == 0)
            *mid = i;
    }
    *end = i;
    /* A continued chunk of a row or two looks like a mistake: this one
     * leaves it four rows, two a column. */
    enum { LAST_MIN = 4 };
    if (*end < n && n - *end<LAST_MIN && * end - first> 2 * LAST_MIN) {
        *end = n - LAST_MIN;
        if (*mid > *end - 1)
            *mid = *end - 1;
        *mid = first + (*end - first + 1) / 2 > *mid ? *mid : first + (*end - first + 1) / 2;
    }
}

/* Draws rows [first, end) as one chunk of a two-column table at y: the
 * left column to mid, the right one after. */
static bool draw_chunk(layout_ctx *ctx, trow *rows, size_t first, size_t mid, size_t end,
                       text *const head[N_COLS], const tcols *c, double part_w, int drawn, double y,
                       box *b, double *y_end)
{
    const style *st = ctx->st;
    bool ok = true;
    *y_end = y;
    for (int p = 0; p < 2; p++) {
        size_t a = p ? mid : first, z = p ? end : mid;
        if (a == z && p)
            break;
        double part_end = 0;
        box part = {0};
        ok = ok && table_draw_part(ctx, rows + a, z - a, head, c, p * (part_w + st->column_gap),
                                   part_w, drawn, &part, &part_end);
        part.n_cuts = 0; /* the columns of a chunk never split */
        if (drawn & PART_HEAD) {
            b->head_top = y + part.head_top;
            b->head_h = y + part.head_h;
        }
        ok = ok && box_append_at(b, &part, 0, y);
        box_free(&part);
        *y_end = fmax(*y_end, y + part_end);
    }
    return ok;
}

/* Rows [0, n) in two columns chunk by chunk, each as tall as the room here
 * (the first) or on a later page: a complete table longer than a page
 * continues under 续表, its rows read down the left column, then the right,
 * page by page. */
bool table_build_paged(layout_ctx *ctx, trow *rows, size_t n, text *const head[N_COLS],
                       const tcols *c, double part_w, box *b)
{
    const style *st = ctx->st;
    double head_h = table_head_height(st, head), foot = st->table_rule_heavy;
    double cont = st->table_head.size * 1.5 + st->table_row_pad; /* the 续表 line */
    double room = ctx->room_here - head_h - foot;
    if (room < 4 * st->table_text.size * 2) /* a few rows only: a new page is better */
        room = ctx->room_page * 0.9 - head_h - foot;
    double y = 0;
    bool ok = true;
    for (size_t first = 0; first < n && ok;) {
        size_t mid, end;
        chunk_rows(rows, first, n, room, &mid, &end);
        int drawn = (first == 0 ? PART_HEAD : 0) | (end == n ? PART_FOOT : 0);
        ok = draw_chunk(ctx, rows, first, mid, end, head, c, part_w, drawn, y, b, &y);
        if (ok && end < n)
            ok = box_add_cut(b, y);
        first = end;
        room = ctx->room_page - cont - head_h - foot;
    }
    b->height = y;
    b->chunked = true;
    return ok;
}
