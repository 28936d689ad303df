/* ofd_priv: what the parts of the OFD writer share (src/render/ofd*.c):
 * the writer's state, the XML helpers (ofd_xml.c, the only user of
 * libxml2), shapes (ofd_path.c) and text (ofd_text.c).
 *
 * Invariants: lengths in the doc are points from the page's top-left
 * corner; OFD's are millimetres (MM). Errors are sticky in `failed`.
 * Calls: render/ofd_font, render/ofd_zip, layout/doc, typeset, base. */
#ifndef RENDER_OFD_PRIV_H
#define RENDER_OFD_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "layout/doc.h"
#include "ofd_font.h"
#include "ofd_zip.h"

/* Millimetres of the package per point of the laid-out doc: 25.4/72, times
 * the paper's enlargement (A3 is the A4 design enlarged 141 %, as in the
 * PDF). Set by ofd_write for the package being written. */
extern double ofd_mm_per_pt;
#define MM(pt) ((pt)*ofd_mm_per_pt)

typedef struct ofd_xml ofd_xml;

typedef struct ofd_writer {
    const doc *d;
    double page_w_mm, page_h_mm; /* the paper */
    unsigned next_id;
    unsigned cs_rgb;
    unsigned *page_ids;
    ofd_fonts *fonts;
    ofd_part *parts;
    size_t n_parts, cap_parts;
    ofd_xml *xml; /* the part being written */
    bool failed;  /* out of memory or an XML error: sticky */
    /* the text mark being drawn */
    rgb text_color;
    double tx, ty, rot; /* its origin and rotation (rot 0: glyphs are on the page already) */
} ofd_writer;

/* ---- ofd_xml.c: numbers, elements, parts ---------------------------------- */

/* v with at most 3 decimals and no trailing zeros, in buf. */
const char *x_num(char *buf, size_t n, double v);
/* Appends v to a space-separated list. */
void x_sb_num(strbuf *b, double v);
/* Starts a part: an XML document whose root element (in the OFD
 * namespace) is open. False when out of memory. */
bool x_begin(ofd_writer *o, const char *root);
/* Ends the part and files it under name. */
void x_finish(ofd_writer *o, const char *name);
/* Drops a part begun and not finished. */
void x_discard(ofd_writer *o);
void x_start(ofd_writer *o, const char *name);
void x_end(ofd_writer *o);
void x_attr(ofd_writer *o, const char *name, const char *value);
void x_attr_uint(ofd_writer *o, const char *name, unsigned v);
void x_attr_num(ofd_writer *o, const char *name, double v);
void x_attr_nums(ofd_writer *o, const char *name, const double *v, int n);
void x_text(ofd_writer *o, const char *s);
void x_leaf(ofd_writer *o, const char *name, const char *content);
/* <ofd:element Value="r g b" ColorSpace=…/>, in the one RGB space. */
void x_color(ofd_writer *o, const char *element, rgb c);
/* Starts a graphic unit with a new ID and Boundary x0..x1, y0..y1 (points). */
void x_unit(ofd_writer *o, const char *element, double x0, double y0, double x1, double y1);
/* Files bytes (copied) as a part of the package. */
void x_add_part(ofd_writer *o, const char *name, const void *data, size_t len);

/* ---- ofd_path.c: shapes in page points ------------------------------------ */

/* A path: OFD's abbreviated operators M, L, B (cubic) and C (close), with
 * its bounding box (control points included). */
typedef struct shape {
    strbuf ops; /* the abbreviated data, made by shape_data */
    struct shape_seg {
        char op;
        double p[6];
    } * segs;
    size_t n, cap;
    double x0, y0, x1, y1;
    bool failed;
} shape;

void shape_move(shape *p, double x, double y);
void shape_line(shape *p, double x, double y);
void shape_close(shape *p);
/* An arc about (cx, cy) of radius r from angle a0 to a1 (from 3 o'clock,
 * clockwise on the page) as Béziers; a line (or a move) to its start. */
void shape_arc(shape *p, double cx, double cy, double r, double a0, double a1, bool move);
void shape_circle(shape *p, double cx, double cy, double r);
/* The abbreviated data relative to (ox, oy), in millimetres. */
const char *shape_data(shape *p, double ox, double oy);
void shape_free(shape *p);

/* ---- ofd_text.c: text marks as TextObjects -------------------------------- */

/* collect: records the fonts, glyphs and characters of m (the first pass);
 * else writes its TextObjects. */
void ofd_text(ofd_writer *o, const mark *m, bool collect);

#endif
