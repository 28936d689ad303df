/* layout_priv: private to layout.c and layout_sheet.c: how the sheet asks
 * for its sections to be placed. */
#ifndef LAYOUT_LAYOUT_PRIV_H
#define LAYOUT_LAYOUT_PRIV_H

#include "box.h"

enum { GRID_ROW_MAX = 3 }; /* charts side by side: 6 + 6 or 4 + 4 + 4 of 12 columns */

/* What a fitting attempt leaves out or moves. */
typedef struct section_plan {
    bool omit_rest; /* a rest table is left out (the front page alone) */
} section_plan;

/* Places sec under its heading title (numbered in the official style);
 * false on failure (reported, or ctx->failed). */
bool layout_section(layout_ctx *ctx, flow *f, const sheet_section *sec, const char *title,
                    const section_plan *plan);

#endif
