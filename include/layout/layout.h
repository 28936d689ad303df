/* layout: turns a validated sheet into a doc: measures every text with the
 * text module, builds each block as a box of marks, flows boxes onto as many
 * pages as needed (a block is never split; a heading stays with its first
 * block), then adds the header, running heads and footers with page numbers.
 *
 * Invariants: nothing is drawn here; a text that cannot be set (a character
 * missing from its font) is an error naming the file, the JSON path, the
 * character and its code point.
 * Calls: model, typeset, layout/doc, layout/style, layout/scale, base. */
#ifndef LAYOUT_LAYOUT_H
#define LAYOUT_LAYOUT_H

#include "base/diag.h"
#include "layout/doc.h"
#include "layout/style.h"
#include "model/history.h"
#include "model/sheet.h"
#include "model/targets.h"
#include "typeset/text.h"

/* How a sheet is laid out beyond its style. */
typedef struct layout_opts {
    bool draft;             /* every page marked 草稿; missing figures print 待填 */
    int first_page;         /* the first page's number (an attachment continues the
                               main document's numbering); 1 by default */
    const char *attachment; /* official style: "附件" or "附件2"; NULL for none */
    bool strict;            /* text that does not fit its box is an error */
    int pages;              /* 1: the front page alone (the table left out); 0: as needed */
} layout_opts;

/* Lays out s as opts says (charts with missing figures become a placeholder
 * in a draft); hist (the other years, for changes and trends) and targets
 * (for bullet charts) may be NULL. Returns a doc to doc_free, or NULL with
 * the problems in dl. */
doc *layout_sheet(const sheet *s, const history *hist, const target_set *targets, text_fonts *fonts,
                  const style *st, const layout_opts *opts, diag_list *dl);

#endif
