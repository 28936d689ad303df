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

typedef enum mark_kind {
    MARK_RECT,     /* x, y, w, h */
    MARK_LINE,     /* from (x, y) to (x + w, y + h) */
    MARK_TEXT,     /* a measured text with its top-left corner at (x, y) */
    MARK_POLYLINE, /* points: n_points (x, y) pairs */
    MARK_MARKER,   /* a point symbol centred on (x, y), w wide */
    MARK_ARC,      /* a ring sector: centre (x, y), outer radius w, inner radius h,
                      from angle a0 to a1 (radians, clockwise from 12 o'clock) */
    MARK_LINK,     /* a clickable area x, y, w, h; attrs: "page=3 pos=[x y]" or "uri='…'" */
    MARK_TAG_BEGIN,/* opens a structure element of the tagged PDF; attrs: "H1", "P", "Figure" */
    MARK_TAG_END   /* closes the innermost one */
} mark_kind;

/* Hatch patterns keep series apart on a black-and-white printer. */
typedef enum mark_hatch { HATCH_NONE, HATCH_DIAGONAL, HATCH_CROSS, HATCH_DOTS, HATCH_BACK } mark_hatch;

typedef enum marker_shape { SHAPE_CIRCLE, SHAPE_SQUARE, SHAPE_TRIANGLE, SHAPE_DIAMOND } marker_shape;

typedef struct mark_paint {
    rgb fill, stroke;
    bool filled, stroked;
    double line_width;
    double dash;       /* dash length for strokes; 0 = solid */
    mark_hatch hatch;  /* drawn over the fill in hatch_color */
    rgb hatch_color;
} mark_paint;

typedef struct mark {
    mark_kind kind;
    double x, y, w, h;
    double a0, a1;      /* MARK_ARC; MARK_TEXT: a0 rotates the text about (x, y) */
    marker_shape shape; /* MARK_MARKER */
    double *points;     /* MARK_POLYLINE: owned */
    size_t n_points;
    mark_paint paint;
    text *txt;          /* MARK_TEXT: owned (a reference) */
    int first_line, n_lines; /* MARK_TEXT: a part of a split paragraph; n_lines 0 = all */
    char *attrs;        /* MARK_LINK, MARK_TAG_BEGIN: owned */
} mark;

typedef struct doc_page {
    mark *marks;
    size_t n_marks, cap;
} doc_page;

/* An entry of the PDF outline (bookmarks): where a heading stands. */
typedef struct doc_outline {
    char *title;
    int level;   /* 1 for sections, 2 below them */
    size_t page; /* 0-based */
    double y;
} doc_outline;

typedef struct doc {
    double width, height; /* pt */
    doc_page *pages;
    size_t n_pages, cap;
    doc_outline *outline;
    size_t n_outline, cap_outline;
    char **page_labels;   /* one per page, or NULL: what viewers show as the page number */
    /* metadata for the PDF */
    const char *title, *author, *subject, *keywords;
} doc;

/* Returns a new document with no pages, or NULL when out of memory. */
doc *doc_new(double width, double height);
void doc_free(doc *d);

/* Appends an empty page; returns it, or NULL when out of memory. */
doc_page *doc_add_page(doc *d);

/* Appends marks to a page. Return false when out of memory (owned text and
 * points are then freed, so callers never leak them). */
bool page_add_rect(doc_page *p, double x, double y, double w, double h, rgb fill);
bool page_add_line(doc_page *p, double x1, double y1, double x2, double y2, rgb stroke,
                   double width);
/* Text is printed solid: pure black, or pure white where color is light
 * (text reversed out of a dark band or bar). An office laser screens any
 * colour or gray, and small text printed through a screen turns fuzzy; the
 * style's colours say which text is secondary, size and weight carry it on
 * paper. */
bool page_add_text(doc_page *p, text *t, double x, double y, rgb color);
/* The solid colour text in color prints in: black, or white when light. */
rgb page_text_color(rgb color);
/* Text in color as given: the draft watermark only, a mark, not reading. */
bool page_add_text_tinted(doc_page *p, text *t, double x, double y, rgb color);
/* A copy of m (its text and points are taken over). */
bool page_add_mark(doc_page *p, const mark *m);
/* A link over (x, y, w, h) to page (0-based) at height ty, or to uri. */
bool page_add_link(doc_page *p, double x, double y, double w, double h, size_t page, double ty,
                   const char *uri);
/* Structure tags around what follows: tag_begin("H1") … tag_end(). */
bool page_add_tag(doc_page *p, const char *name);
bool page_add_tag_end(doc_page *p);

/* Records an outline entry; false when out of memory. */
bool doc_add_outline(doc *d, const char *title, int level, size_t page, double y);

/* Sets the label of page i (0-based), as viewers show it. */
bool doc_set_page_label(doc *d, size_t page, const char *label);

/* Frees what a mark owns. */
void mark_release(mark *m);

#endif
