/* doc: the laid-out document: pages of positioned marks (rectangles, lines,
 * measured text). Layout fills it; render draws it without measuring anything
 * again, so every size is known before a mark reaches paper.
 *
 * Invariants: coordinates are PDF points from the page's top-left corner;
 * a doc owns its text objects and frees them in doc_free.
 * Calls: typeset (text objects), base. */
#ifndef LAYOUT_DOC_H
#define LAYOUT_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "typeset/text.h"

typedef struct rgb {
    double r, g, b;
} rgb;

typedef enum mark_kind { MARK_RECT, MARK_LINE, MARK_TEXT } mark_kind;

typedef struct mark {
    mark_kind kind;
    double x, y, w, h;  /* a line runs from (x, y) to (x + w, y + h) */
    rgb fill, stroke;
    bool filled, stroked;
    double line_width;
    text *txt;          /* MARK_TEXT: owned */
} mark;

typedef struct doc_page {
    mark *marks;
    size_t n_marks, cap;
} doc_page;

typedef struct doc {
    double width, height; /* pt */
    doc_page *pages;
    size_t n_pages, cap;
    /* metadata for the PDF */
    const char *title, *author, *subject, *keywords;
} doc;

/* Returns a new document with no pages, or NULL when out of memory. */
doc *doc_new(double width, double height);
void doc_free(doc *d);

/* Appends an empty page; returns it, or NULL when out of memory. */
doc_page *doc_add_page(doc *d);

/* Appends marks to a page. Return false when out of memory (the text is then
 * freed, so callers never leak it). */
bool page_add_rect(doc_page *p, double x, double y, double w, double h, rgb fill);
bool page_add_line(doc_page *p, double x1, double y1, double x2, double y2, rgb stroke,
                   double width);
bool page_add_text(doc_page *p, text *t, double x, double y, rgb color);

#endif
