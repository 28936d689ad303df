/* layout_priv: private to layout.c, layout_sheet.c and sheet_header.c: how
 * the sheet asks for its sections to be placed, and its header. */
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

/* The header band into the bleed: issuer, title, subtitle, date (sheet_header.c). */
bool header_place_band(layout_ctx *ctx, flow *f);
/* The official style's 附件N line, title and subtitle, into b. */
bool header_build_official(layout_ctx *ctx, const char *attachment, double width, box *b);
/* A plain header (a file without 要点 or headline figures), into b. */
bool header_build_plain(layout_ctx *ctx, double width, box *b);
/* The 要点 panel, into b. */
bool header_build_highlights(layout_ctx *ctx, double width, box *b);
/* The official style's 要点 as a section of paragraphs (blocks: room for 5). */
sheet_section header_highlights_section(const sheet *s, sheet_block *blocks);

#endif
