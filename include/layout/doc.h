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
    MARK_RECT,      /* x, y, w, h */
    MARK_LINE,      /* from (x, y) to (x + w, y + h) */
    MARK_TEXT,      /* a measured text with its top-left corner at (x, y) */
    MARK_POLYLINE,  /* points: n_points (x, y) pairs */
    MARK_MARKER,    /* a point symbol centred on (x, y), w wide */
    MARK_ARC,       /* a ring sector: centre (x, y), outer radius w, inner radius h,
                       from angle a0 to a1 (radians, clockwise from 12 o'clock) */
    MARK_LINK,      /* a clickable area x, y, w, h: to uri, or to the destination dest */
    MARK_TAG_BEGIN, /* opens a structure element of the tagged PDF: tag "H1", "P", "Figure",
                       with alt, what a figure shows in words */
    MARK_TAG_END    /* closes the innermost one */
} mark_kind;

/* Hatch patterns keep series apart on a black-and-white printer. */
typedef enum mark_hatch {
    HATCH_NONE,
    HATCH_DIAGONAL,
    HATCH_CROSS,
    HATCH_DOTS,
    HATCH_BACK
} mark_hatch;

typedef enum marker_shape {
    SHAPE_CIRCLE,
    SHAPE_SQUARE,
    SHAPE_TRIANGLE,
    SHAPE_DIAMOND
} marker_shape;

typedef struct mark_paint {
    rgb fill, stroke;
    bool filled, stroked;
    double line_width;
    double dash;      /* dash length for strokes; 0 = solid */
    mark_hatch hatch; /* drawn over the fill in hatch_color */
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
    text *txt;               /* MARK_TEXT: owned (a reference) */
    int first_line, n_lines; /* MARK_TEXT: a part of a split paragraph; n_lines 0 = all */
    char *uri;               /* MARK_LINK: the web address (owned), or NULL for a link to dest */
    size_t dest;             /* MARK_LINK without uri: an index in doc.dests */
    char *tag;               /* MARK_TAG_BEGIN: the structure type (owned) */
    char *alt;               /* MARK_TAG_BEGIN: the alternate description (owned), or NULL */
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

/* A place internal links lead to (a named destination in the PDF). Each
 * place is recorded once: links to the same spot share it, so every name in
 * the PDF's /Dests is unique. */
typedef struct doc_dest {
    size_t page; /* 0-based */
    double y;    /* pt from the top, rounded to whole points */
} doc_dest;

typedef struct doc {
    double width, height; /* pt */
    doc_page *pages;
    size_t n_pages, cap;
    doc_outline *outline;
    size_t n_outline, cap_outline;
    doc_dest *dests;
    size_t n_dests, cap_dests;
    char **page_labels; /* one per page, or NULL: what viewers show as the page number */
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
/* A link over (x, y, w, h) to the web address uri. */
bool page_add_uri_link(doc_page *p, double x, double y, double w, double h, const char *uri);
/* A link over (x, y, w, h) on p to page (0-based) of d at height ty, through
 * d's destination there (recorded once for every link to that spot). */
bool doc_add_page_link(doc *d, doc_page *p, double x, double y, double w, double h, size_t page,
                       double ty);
/* The index of the destination at page (0-based), height y, added when new. */
bool doc_add_dest(doc *d, size_t page, double y, size_t *index);
/* Structure tags around what follows: tag_begin("H1") … tag_end(). alt, when
 * not NULL, describes a figure in words for those who cannot see it. */
bool page_add_tag(doc_page *p, const char *name);
bool page_add_tag_alt(doc_page *p, const char *name, const char *alt);
bool page_add_tag_end(doc_page *p);

/* Records an outline entry; false when out of memory. */
bool doc_add_outline(doc *d, const char *title, int level, size_t page, double y);

/* Sets the label of page i (0-based), as viewers show it. */
bool doc_set_page_label(doc *d, size_t page, const char *label);

/* Frees what a mark owns. */
void mark_release(mark *m);
/* Copies m into out with references and strings of its own. */
bool mark_copy(const mark *m, mark *out);
/* Clears m's pointers after what it owns has been moved elsewhere. */
void mark_disown(mark *m);

#endif
