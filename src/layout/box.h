/* box: private to the layout layer. A box is a block measured and built in
 * its own coordinates (top-left at 0,0) before the flow decides its page. */
#ifndef LAYOUT_BOX_H
#define LAYOUT_BOX_H

#include <stdbool.h>

#include "base/diag.h"
#include "layout/doc.h"
#include "layout/style.h"
#include "model/sheet.h"
#include "typeset/text.h"

typedef struct box {
    doc_page marks; /* relative to the box's top-left corner */
    double height;
} box;

/* What every builder needs: where messages go and the fonts. */
typedef struct layout_ctx {
    const sheet *s;
    text_fonts *fonts;
    const style *st;
    diag_list *dl;
    bool failed; /* out of memory or a missing glyph: stop after this block */
} layout_ctx;

/* Sets str, reporting a missing character at path (field names the JSON
 * member, may be NULL). Returns NULL and sets ctx->failed on failure. */
text *layout_text(layout_ctx *ctx, const char *str, const text_style *ts, double width,
                  const char *path, const char *field);

void box_free(box *b);

/* Builds a bar chart block of the given width. */
bool chart_bar_build(layout_ctx *ctx, const sheet_block *blk, double width, box *out);

#endif
