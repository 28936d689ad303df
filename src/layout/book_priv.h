/* book_priv: private to the book (book.c, book_table.c, book_parts.c). The
 * book's state, shared by the three files that lay it out, and what each
 * lends the others:
 *   book.c        the plan (topics, headline rows, contents), text helpers,
 *                 the cover, the contents and the two passes;
 *   book_table.c  placing boxes (gathering a topic to keep it whole) and the
 *                 tables: cells, rows, the header row repeated on each page;
 *   book_parts.c  the topic pages, the year-by-year table and the appendix.
 * A failure is reported into ctx.dl when it is found, except running out
 * of memory, which layout_book reports when nothing else was. */
#ifndef LAYOUT_BOOK_PRIV_H
#define LAYOUT_BOOK_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "box.h"
#include "layout/book.h"
#include "model/book_notes.h"

enum { BOOK_COLS = 8, NO_LINK = -1 };

/* The book's sizes. Every one comes from the style table: tables borrow the
 * charts' gaps and rules, the table of contents the body's indent. */
typedef struct book_sizes {
    double pad_x, pad_y; /* inside a table cell */
    double rule_w, head_rule_w;
    double toc_indent, leader_dash;
    double label_max_w; /* the widest a topic table's indicator column gets */
    text_style cell, cell_num, cell_head, cell_head_num, cell_sub, cell_sub_num, toc1, toc2;
} book_sizes;

/* A page of the trends part: a topic of trends.json, or an id of the data
 * that appears in two or more years and belongs to no topic. */
typedef struct topic {
    const char *title, *note;
    const char *const *ids;
    size_t n_ids;
    const book_topic *cfg; /* NULL for an id of the data alone: comparable then */
    const sheet *origin;   /* where title and note stand, for messages */
    const char *path;
    const char *one_id; /* ids points here for an id of the data alone */
    size_t toc;         /* its entry in the table of contents */
} topic;

typedef struct toc_entry {
    const char *title;
    int level;
    const topic *t; /* where the title comes from, for messages; NULL: the code */
} toc_entry;

typedef struct book {
    layout_ctx ctx;
    const history *hist;
    const sheet *latest;
    const book_notes *notes;
    book_sizes z;
    topic *topics;
    size_t n_topics;
    const char **headline; /* ids of the year-by-year table */
    size_t n_headline;
    toc_entry *toc;
    size_t n_toc;
    const doc *first; /* the first pass's doc (pages and positions); NULL in it */
    doc *d;
    flow f;
    /* While a topic is gathered, its boxes stack up in one box instead of
     * going to the flow, so that a topic that fits on a page is never split. */
    bool gathering;
    box gathered;
    double gathered_head; /* where the topic's heading stands in it */
    strbuf title;         /* 株洲市卫生健康事业发展数据汇编（2018—2025年） */
    strbuf span;          /* 2018—2025年 */
    strbuf footer;        /* on every page: the flow keeps a pointer to it */
} book;

typedef struct cell {
    const char *str;     /* NULL prints "—" */
    const char *sub;     /* a second line in small type, or NULL */
    const sheet *origin; /* where str stands (NULL: the newest data file) */
    const char *path, *field;
    long link_toc; /* sub links to this entry of the contents; NO_LINK */
} cell;

typedef struct table {
    size_t n;
    double w[BOOK_COLS];
    bool num[BOOK_COLS]; /* figures: right-aligned */
    const char *head[BOOK_COLS];
    const char *title; /* over the header row on the table's first page, or NULL */
    box lead;          /* or what goes there instead (taken over); may be empty */
    double gap;        /* above the title or lead */
    size_t rows;       /* rows placed so far */
    double top_y;      /* where the title or lead was placed, on the last page */
} table;

/* ---- book.c: the data and the plan ---- */

/* The figure of id in year; NULL when that year lacks it or it is missing. */
const sheet_indicator *book_figure(const book *bk, int year, const char *id);
/* The newest figure of id (its sheet in *in unless in is NULL); NULL when no year has it. */
const sheet_indicator *book_latest_figure(const book *bk, const char *id, const sheet **in);
/* How many years have a figure of id; cannot fail. */
size_t book_years_with(const book *bk, const char *id);
/* True when some figure of t may be drawn as a trend: the topic declares it
 * comparable and two or more years report it. */
bool book_topic_has_trend(const book *bk, const topic *t);
/* The topic whose page shows id; NULL when none does. */
const topic *book_topic_of(const book *bk, const char *id);
/* True when the appendix must source ind; cannot fail. */
bool book_cited(const book *bk, const sheet_indicator *ind);

/* ---- book.c: text and the contents ---- */

/* Adds str to b (a missing glyph reported at origin's path.field); false on failure. */
bool book_text(book *bk, box *b, const sheet *origin, const char *str, const text_style *ts,
               double x, double y, double width, rgb color, const char *path, const char *field,
               double *height);
/* Sets str, reporting like book_text; NULL on failure. */
text *book_layout(book *bk, const sheet *origin, const char *str, const text_style *ts,
                  double width, const char *path, const char *field);
/* The page and position of contents entry k (placeholders in the first pass); cannot fail. */
void book_toc_target(const book *bk, size_t k, size_t *page, double *y);

/* ---- book_table.c ---- */

/* Places b (emptied) with the flow, or below what is gathered; false on failure. */
bool book_place(book *bk, box *b, double gap, double keep);
/* Places a body row of t, with the header row where it is due; false on failure. */
bool book_table_add(book *bk, table *t, const cell *cells);
/* The width a cell needs for str on one line, padding included; -1 on failure. */
double book_cell_width(book *bk, const char *str, const text_style *ts);

/* ---- book_parts.c ---- */

/* A topic, whole on one page when it fits on one; false on failure. */
bool book_topic_page(book *bk, const topic *t);
/* The year-by-year table; false on failure (too many years is reported). */
bool book_headline_table(book *bk);
/* The figure of ind (in sheet s) as printed into out, cleared first; on
 * failure reported at the figure in its own file, and false. */
bool book_figure_text(book *bk, const sheet *s, const sheet_indicator *ind, strbuf *out);

/* ---- book_appendix.c ---- */

/* The appendix of sources; false on failure. */
bool book_appendix(book *bk);

#endif
