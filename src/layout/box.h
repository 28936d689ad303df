/* box: private to the layout layer. A box is a block measured and built in
 * its own coordinates (top-left at 0,0) before the flow decides its page. */
#ifndef LAYOUT_BOX_H
#define LAYOUT_BOX_H

#include <stdbool.h>

#include "base/diag.h"
#include "base/strbuf.h"
#include "layout/doc.h"
#include "layout/scale.h"
#include "layout/style.h"
#include "model/history.h"
#include "model/numfmt.h"
#include "model/sheet.h"
#include "model/targets.h"
#include "typeset/text.h"

typedef struct box {
    doc_page marks; /* relative to the box's top-left corner */
    double height;
    /* A box that may split between pages (a table): where it may be cut,
     * and the band [head_top, head_h) set again under 续表 on the next page. */
    double *cuts;
    size_t n_cuts, cap_cuts;
    double head_top, head_h;
    bool chunked; /* the cuts part page-sized chunks (a two-column table), not
                     rows: any cut may be taken, even the first or the last */
    bool plain;   /* the cuts part paragraphs, not a table's rows: no 续表, no
                     header, no closing rule where it splits */
} box;

/* How a table block is set (table.c). */
typedef enum table_form {
    TABLE_AS_GIVEN, /* its items, or the rest; every column */
    TABLE_FRONT,    /* on a fact sheet's front page: compact, halves side by side */
    TABLE_COMPLETE  /* a sheet's back page: every indicator, every column */
} table_form;

/* What every builder needs: where messages go and the fonts. */
typedef struct layout_ctx {
    const sheet *s;
    const history *hist;       /* other years; may be NULL */
    const target_set *targets; /* may be NULL */
    text_fonts *fonts;
    const style *st;
    diag_list *dl;
    bool failed;           /* out of memory or a missing glyph: stop after this block */
    bool strict;           /* overflow is an error, not a warning */
    table_form table_form; /* how a table block is set just now */
    double title_h;        /* charts side by side: the height every title takes */
    int chart_no; /* the official style's （一） （二） … of the charts in a section; -1: a
                   * section's only chart, not numbered */
    double room_here; /* height left on the page for the block being built, 0 unknown */
    double room_page; /* height of a later page's text block */
    const sheet_block *last_block; /* the sheet's last block placed, or NULL */
    char *note_after;              /* a block's note the flow sets as a paragraph under it (on a
                                      line grid, where a note inside the block would be off it) */
    double keep_last;              /* what must follow it on its page (the sources) */
    size_t page_limit;             /* a fitting attempt that may not need another page: its
                                      flow stops at this many (0: none), no message */
} layout_ctx;

/* Sets str, reporting a missing character at path (field names the JSON
 * member, may be NULL). Returns NULL and sets ctx->failed on failure. */
text *layout_text(layout_ctx *ctx, const char *str, const text_style *ts, double width,
                  const char *path, const char *field);

void box_free(box *b);

/* Records y as a place where b may be cut between pages. */
bool box_add_cut(box *b, double y);

/* Moves the marks and cut points of src into dst, shifted by (dx, dy); src
 * is emptied (and freed). */
bool box_append_at(box *dst, box *src, double dx, double dy);

/* ---- the flow of boxes down pages (flow.c) ---- */

enum { FOLIO_W = 90 }; /* the footer's page-number column */

typedef struct flow {
    layout_ctx *ctx;
    doc *d;
    doc_page *page;
    double left, width, top, bottom, y;
    bool page_empty;
    const char *running_head; /* on every page after the first */
    const char *footer;       /* left of the page number on every page */
    double footer_h;
    int first_page;         /* the number printed on the first page */
    const char *footer_url; /* the one source's address, or NULL: the footer links to it */
    double keep_next;       /* what must follow the next paragraph on its last page */
} flow;

/* Starts d's first page. False on failure (reported). */
bool flow_init(flow *f, layout_ctx *ctx, doc *d, const char *running_head, const char *footer);
bool flow_new_page(flow *f);
/* Places b below the cursor after gap, on a new page when it does not fit
 * together with keep (the height of what must stay with it). b is emptied. */
bool flow_place(flow *f, box *b, double gap, double keep, const char *path);
/* Places b like flow_place, but a box with cut points (a table) splits
 * between rows where it does not fit, its header set again under 续表; keep
 * is what must follow its last part on the same page (rows move on with it
 * rather than leave it alone on a page). */
bool flow_place_split(flow *f, box *b, double gap, double keep, const char *path);
/* Places a paragraph, split across pages at line boundaries when it does not
 * fit, never leaving one line alone at a page's foot or head. Takes t. */
bool flow_place_paragraph(flow *f, text *t, rgb color, double gap, const char *path);
/* A bookmark at the heading just placed (height: the heading box's). */
bool flow_outline(flow *f, const char *title, int level, double height);
/* Wraps everything in b in a structure tag of the tagged PDF ("H1", "P"…);
 * NULL tags nothing. */
bool box_wrap_tag(box *b, const char *name);
/* Cuts every horizontal rule of b (grid lines, a baseline) where it would
 * cross a text, pad clear of it on each side: a label is never struck
 * through. */
bool box_clear_rules_under_text(box *b, double pad);
/* The same with a description of the figure in words (the PDF's /Alt). */
bool box_wrap_tag_alt(box *b, const char *name, const char *alt);

/* Appends blk's figure in words, from its data, to b (alt.c): what a
 * screen reader says for a chart or a row of cards. False when b failed. */
bool layout_alt_text(const layout_ctx *ctx, const sheet_block *blk, strbuf *b);
/* Footers, page numbers and page labels on every page. */
bool flow_finish(flow *f);

/* Appends the ordinal of heading n (from 1) at level 1-4 of an official
 * document: "一、" "（一）" "1." "（1）" (numbering.c). False when out of memory. */
bool layout_heading_number(int level, int n, strbuf *out);

/* Appends "2026年1月15日" for "2026-01-15" (the ISO text itself when it is
 * not one). False when out of memory. */
bool layout_chinese_date(const char *iso, strbuf *out);

/* Adds a text mark, reporting like layout_text; *height gets its height. */
bool box_text(layout_ctx *ctx, box *b, const char *str, const text_style *ts, double x, double y,
              double width, rgb color, const char *path, const char *field, double *height);

/* ---- shared by the charts (chart_common.c) ---- */

/* The paint of series i: its colour, and its hatch in grayscale. */
mark_paint chart_series_paint(const style *st, size_t i);

/* Appends a figure as printed on a chart: qualifier and number, no unit.
 * False when it cannot be printed exactly (reported at the figure; the
 * text is then not to be printed). */
bool chart_figure(layout_ctx *ctx, const sheet_indicator *ind, strbuf *out);

/* Reports that ind's figure cannot be set and stops the layout; returns
 * false, for `return layout_figure_failed(…)`. */
bool layout_figure_failed(layout_ctx *ctx, const sheet_indicator *ind);

/* Title, then the unit line "单位：…" when unit is set; advances *y. */
bool chart_header(layout_ctx *ctx, const sheet_block *blk, const char *unit, double width, box *b,
                  double *y);

/* A legend row of series names with swatches (lines when as_lines). */
bool chart_legend(layout_ctx *ctx, const sheet_block *blk, const char *const *names, size_t n,
                  bool as_lines, double width, box *b, double *y);

/* The distinct source titles of a chart, for its source note: as many as
 * the chart's figures cite (a fixed table dropped the 17th). */
typedef struct chart_sources {
    const char **titles;
    size_t n, cap;
    bool failed; /* out of memory: chart_note reports it */
} chart_sources;
void chart_sources_add_file(chart_sources *cs, const sheet *s, const char *file);
void chart_sources_add(chart_sources *cs, const char *title);
void chart_sources_free(chart_sources *cs);

/* The note under a chart: the block's own note, then "来源：《…》；《…》". */
bool chart_note(layout_ctx *ctx, const sheet_block *blk, const chart_sources *cs, const char *extra,
                double width, box *b, double *y);

/* The value axis: gridlines and tick labels at the left of [x0, x1] for
 * values mapped onto [bottom, top]; returns the width the tick labels take
 * when measure_only. */
bool chart_value_axis(layout_ctx *ctx, const sheet_block *blk, const scale *sc, double x0,
                      double x1, double top, double bottom, box *b);
double chart_tick_width(layout_ctx *ctx, const sheet_block *blk, const scale *sc);

/* Builders, one per block kind: the build column of model/block_kinds.def. */
#define BLOCK_KIND(ID, name, rules, build, ...)                                                    \
    bool build(layout_ctx *ctx, const sheet_block *blk, double width, box *out);
#include "model/block_kinds.def"
#undef BLOCK_KIND

/* The rows a table block has in the current table form. */
size_t table_rows_of(const layout_ctx *ctx, const sheet_block *blk);
/* The earlier year a complete table compares ind with (its change, or why
 * not: "口径不同"), in *prev_year; NULL when its row compares nothing (no
 * earlier year, a rank, a change, an approximate figure). */
const sheet_indicator *table_compared_with(const layout_ctx *ctx, const sheet_indicator *ind,
                                           int *prev_year);

/* 0 未实现, 1 接近目标 (an approximate figure reaches it), 2 已实现. */
int chart_target_status(const sheet_indicator *ind, const target *tg);

#endif
