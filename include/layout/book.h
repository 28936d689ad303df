/* book: the multi-year book: a cover, a clickable table of contents, a
 * trend page for every indicator that appears in two or more years (chart,
 * values, changes, definition notes), a year-by-year table of the headline
 * indicators, and the appendix 数据来源 with every figure's source and quote.
 * Calls: model, typeset, layout (flow, charts), base. */
#ifndef LAYOUT_BOOK_H
#define LAYOUT_BOOK_H

#include "base/diag.h"
#include "layout/doc.h"
#include "layout/style.h"
#include "model/book_notes.h"
#include "model/history.h"
#include "model/targets.h"
#include "typeset/text.h"

/* Lays out the book of every year in hist, with the topics, headline ids
 * and definitions of notes (book_notes_load: the layout reads no file).
 * Returns a doc to doc_free, or NULL with the problems in dl. */
doc *layout_book(const history *hist, const book_notes *notes, const target_set *targets,
                 text_fonts *fonts, const style *st, diag_list *dl);

#endif
