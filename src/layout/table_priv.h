/* table_priv: private to table.c and table_paged.c: a table's rows and
 * columns as they are measured and drawn. */
#ifndef LAYOUT_TABLE_PRIV_H
#define LAYOUT_TABLE_PRIV_H

#include "box.h"

enum { COL_LABEL, COL_VALUE, COL_UNIT, COL_META, COL_CHANGE, N_COLS };

typedef struct trow {
    const sheet_indicator *ind;
    const char *label, *path;
    text *cell[N_COLS];
    double int_w; /* the figure up to its decimal point, for the alignment */
    double h;
    char *meta;     /* the meaning's text, kept to set it again wrapped */
    char *why;      /* why the change is not given (a different definition…), or NULL */
    double label_w; /* the label on one line */
} trow;

/* Column widths of rows [0, n): the figure as wide as its widest integer
 * part plus its widest rest; the label takes what is left. */
typedef struct tcols {
    double x[N_COLS], w[N_COLS];
    double int_w; /* where the decimal points stand, from the figure column's left */
} tcols;

/* A part's parts: a continued chunk of a paged table has no header (the
 * flow sets it again under 续表) and, before the last chunk, no closing rule
 * (the flow draws it where it cuts). */
enum { PART_HEAD = 1, PART_FOOT = 2, PART_WHOLE = PART_HEAD | PART_FOOT };

/* The height of the header band: the heavy rule, the column names, the
 * light rule. */
double table_head_height(const style *st, text *const head[N_COLS]);

/* Draws the header (at y, when drawn says so) and the rows of one table
 * part at x0; records the cut points between rows into b. Takes the rows'
 * texts. */
bool table_draw_part(layout_ctx *ctx, trow *rows, size_t n, text *const head[N_COLS],
                     const tcols *c, double x0, double width, int parts_drawn, box *b,
                     double *y_end);

/* Rows [0, n) in two columns chunk by chunk into b (table_paged.c). */
bool table_build_paged(layout_ctx *ctx, trow *rows, size_t n, text *const head[N_COLS],
                       const tcols *c, double part_w, box *b);

#endif
