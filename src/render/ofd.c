/* ofd: see include/render/ofd.h. */
#include "render/ofd.h"

#include <errno.h>
#include <hb-subset.h>
#include <hb.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "base/atomic_file.h"
#include "base/i18n.h"
#include "base/strbuf.h"

#define OFD_NS "http://www.ofdspec.org/2016"
#define MM(pt) ((pt) * (25.4 / 72.0))

/* A font the pages use: one file (and face in a collection), embedded as a
 * subset of the glyphs drawn. */
typedef struct ofd_font {
    char *file, *name, *family;
    int index;
    bool bold, italic;
    unsigned id;
    hb_set_t *glyphs, *unicodes;
    hb_map_t *gids; /* glyph ids in the subset by the font's, or NULL: the same */
} ofd_font;

/* A part of the package, in the order it goes into the zip. */
typedef struct ofd_part {
    char *name;
    void *data;
    size_t len;
    size_t seq; /* order written */
} ofd_part;

typedef struct ofd_writer {
    const doc *d;
    unsigned next_id;
    unsigned cs_rgb, cs_gray;
    unsigned *page_ids;
    ofd_font *fonts;
    size_t n_fonts, cap_fonts;
    ofd_part *parts;
    size_t n_parts, cap_parts;
    xmlTextWriterPtr w; /* the part being written */
    bool failed;        /* out of memory or an XML error: sticky */
    /* the text mark being drawn */
    rgb text_color;
    double tx, ty, rot; /* its origin and rotation (rot 0: glyphs are on the page already) */
} ofd_writer;

/* ---- numbers and XML ------------------------------------------------------ */

/* v with at most 3 decimals and no trailing zeros ("12.5", "0", "-3.125"):
 * a thousandth of a millimetre is far below what any printer resolves. */
static const char *num(char *buf, size_t n, double v)
{
    double r = round(v * 1000) / 1000;
    if (r == 0)
        r = 0; /* no "-0" */
    snprintf(buf, n, "%.3f", r);
    char *p = buf + strlen(buf);
    while (p > buf && p[-1] == '0')
        *--p = '\0';
    if (p > buf && p[-1] == '.')
        *--p = '\0';
    return buf;
}

static void sb_num(strbuf *b, double v)
{
    char t[48];
    sb_printf(b, "%s%s", b->len ? " " : "", num(t, sizeof t, v));
}

static void x_start(ofd_writer *o, const char *name)
{
    if (!o->failed && xmlTextWriterStartElementNS(o->w, BAD_CAST "ofd", BAD_CAST name, NULL) < 0)
        o->failed = true;
}

static void x_end(ofd_writer *o)
{
    if (!o->failed && xmlTextWriterEndElement(o->w) < 0)
        o->failed = true;
}

static void x_attr(ofd_writer *o, const char *name, const char *value)
{
    if (!o->failed && xmlTextWriterWriteAttribute(o->w, BAD_CAST name, BAD_CAST value) < 0)
        o->failed = true;
}

static void x_attr_uint(ofd_writer *o, const char *name, unsigned v)
{
    char t[16];
    snprintf(t, sizeof t, "%u", v);
    x_attr(o, name, t);
}

static void x_attr_num(ofd_writer *o, const char *name, double v)
{
    char t[48];
    x_attr(o, name, num(t, sizeof t, v));
}

/* An attribute of n numbers ("Boundary", "CTM"). */
static void x_attr_nums(ofd_writer *o, const char *name, const double *v, int n)
{
    strbuf b = {0};
    for (int i = 0; i < n; i++)
        sb_num(&b, v[i]);
    if (b.failed)
        o->failed = true;
    x_attr(o, name, sb_str(&b));
    sb_free(&b);
}

static void x_text(ofd_writer *o, const char *s)
{
    if (!o->failed && xmlTextWriterWriteString(o->w, BAD_CAST s) < 0)
        o->failed = true;
}

/* <ofd:name>text</ofd:name> */
static void x_leaf(ofd_writer *o, const char *name, const char *content)
{
    x_start(o, name);
    x_text(o, content);
    x_end(o);
}

/* Starts a part: an XML document whose root element carries the OFD
 * namespace. */
static xmlBufferPtr part_begin(ofd_writer *o, const char *root)
{
    xmlBufferPtr buf = xmlBufferCreate();
    o->w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
    if (!o->w) {
        if (buf)
            xmlBufferFree(buf);
        o->failed = true;
        return NULL;
    }
    if (xmlTextWriterStartDocument(o->w, NULL, "UTF-8", NULL) < 0 ||
        xmlTextWriterStartElementNS(o->w, BAD_CAST "ofd", BAD_CAST root, BAD_CAST OFD_NS) < 0)
        o->failed = true;
    return buf;
}

static void add_part(ofd_writer *o, const char *name, const void *data, size_t len)
{
    if (o->failed)
        return;
    if (o->n_parts == o->cap_parts) {
        size_t cap = o->cap_parts ? 2 * o->cap_parts : 16;
        ofd_part *np = realloc(o->parts, cap * sizeof *np);
        if (!np) {
            o->failed = true;
            return;
        }
        o->parts = np;
        o->cap_parts = cap;
    }
    ofd_part *p = &o->parts[o->n_parts];
    p->name = strdup(name);
    p->data = malloc(len ? len : 1);
    if (!p->name || !p->data) {
        free(p->name);
        free(p->data);
        o->failed = true;
        return;
    }
    memcpy(p->data, data, len);
    p->len = len;
    p->seq = o->n_parts;
    o->n_parts++;
}

/* Ends the part begun with part_begin and files it under name. */
static void part_end(ofd_writer *o, xmlBufferPtr buf, const char *name)
{
    if (!o->w)
        return;
    if (!o->failed && xmlTextWriterEndDocument(o->w) < 0)
        o->failed = true;
    xmlFreeTextWriter(o->w); /* flushes into buf */
    o->w = NULL;
    add_part(o, name, xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
    xmlBufferFree(buf);
}

/* ---- colours -------------------------------------------------------------- */

static int byte_of(double v)
{
    return v <= 0 ? 0 : v >= 1 ? 255 : (int)lround(v * 255);
}

/* <ofd:FillColor Value="…" ColorSpace="…"/>: greys in the GRAY space (one
 * channel, what a black-and-white printer gets), the rest in RGB. */
static void x_color(ofd_writer *o, const char *element, rgb c)
{
    int r = byte_of(c.r), g = byte_of(c.g), b = byte_of(c.b);
    char v[32];
    x_start(o, element);
    if (r == g && g == b) {
        snprintf(v, sizeof v, "%d", r);
        x_attr(o, "Value", v);
        x_attr_uint(o, "ColorSpace", o->cs_gray);
    } else {
        snprintf(v, sizeof v, "%d %d %d", r, g, b);
        x_attr(o, "Value", v);
        x_attr_uint(o, "ColorSpace", o->cs_rgb);
    }
    x_end(o);
}

/* ---- paths ---------------------------------------------------------------- */

/* A path in page points: OFD's abbreviated operators M, L, B (cubic) and C
 * (close), with its bounding box (control points included). */
typedef struct shape {
    strbuf ops;   /* "M 0 0 L …" relative to the box, filled by path_data */
    struct seg {
        char op;
        double p[6];
    } *segs;
    size_t n, cap;
    double x0, y0, x1, y1;
    bool failed;
} shape;

static void path_add(shape *p, char op, int n_pts, const double *pts)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 32;
        struct seg *ns = realloc(p->segs, cap * sizeof *ns);
        if (!ns) {
            p->failed = true;
            return;
        }
        p->segs = ns;
        p->cap = cap;
    }
    struct seg *s = &p->segs[p->n++];
    s->op = op;
    for (int i = 0; i < 2 * n_pts; i++)
        s->p[i] = pts[i];
    for (int i = 0; i < n_pts; i++) {
        double x = pts[2 * i], y = pts[2 * i + 1];
        if (p->n == 1 && i == 0) {
            p->x0 = p->x1 = x;
            p->y0 = p->y1 = y;
        }
        p->x0 = fmin(p->x0, x);
        p->x1 = fmax(p->x1, x);
        p->y0 = fmin(p->y0, y);
        p->y1 = fmax(p->y1, y);
    }
}

static void move_to(shape *p, double x, double y)
{
    path_add(p, 'M', 1, (double[]){x, y});
}

static void line_to(shape *p, double x, double y)
{
    path_add(p, 'L', 1, (double[]){x, y});
}

static void close_path(shape *p)
{
    path_add(p, 'C', 0, NULL);
}

/* An arc about (cx, cy) of radius r from angle a0 to a1 (cairo's angles:
 * from 3 o'clock, clockwise on the page), as cubic Béziers of at most a
 * quarter turn; starts with a line (or a move when `move`) to its first
 * point. */
static void arc_to(shape *p, double cx, double cy, double r, double a0, double a1, bool move)
{
    double sx = cx + r * cos(a0), sy = cy + r * sin(a0);
    if (move)
        move_to(p, sx, sy);
    else
        line_to(p, sx, sy);
    int n = (int)ceil(fabs(a1 - a0) / (M_PI / 2) - 1e-9);
    if (n < 1)
        return;
    double step = (a1 - a0) / n, k = 4.0 / 3.0 * tan(step / 4);
    for (int i = 0; i < n; i++) {
        double b0 = a0 + i * step, b1 = b0 + step;
        double c0 = cos(b0), s0 = sin(b0), c1 = cos(b1), s1 = sin(b1);
        path_add(p, 'B', 3,
                 (double[]){cx + r * (c0 - k * s0), cy + r * (s0 + k * c0),
                            cx + r * (c1 + k * s1), cy + r * (s1 - k * c1), cx + r * c1,
                            cy + r * s1});
    }
}

static void circle(shape *p, double cx, double cy, double r)
{
    arc_to(p, cx, cy, r, 0, 2 * M_PI, true);
    close_path(p);
}

/* The abbreviated data of p relative to (ox, oy), in millimetres. */
static const char *path_data(shape *p, double ox, double oy)
{
    p->ops.len = 0;
    if (p->ops.s)
        p->ops.s[0] = '\0';
    for (size_t i = 0; i < p->n; i++) {
        const struct seg *s = &p->segs[i];
        int n_pts = s->op == 'B' ? 3 : s->op == 'C' ? 0 : 1;
        sb_printf(&p->ops, "%s%c", i ? " " : "", s->op);
        for (int k = 0; k < n_pts; k++) {
            sb_num(&p->ops, MM(s->p[2 * k] - ox));
            sb_num(&p->ops, MM(s->p[2 * k + 1] - oy));
        }
    }
    if (p->ops.failed)
        p->failed = true;
    return sb_str(&p->ops);
}

static void path_free(shape *p)
{
    sb_free(&p->ops);
    free(p->segs);
}

/* Starts a graphic unit with a new ID and the Boundary (page points) x0..x1,
 * y0..y1; its content is then relative to (x0, y0). */
static void x_unit(ofd_writer *o, const char *element, double x0, double y0, double x1,
                   double y1)
{
    x_start(o, element);
    x_attr_uint(o, "ID", o->next_id++);
    double box[4] = {MM(x0), MM(y0), MM(x1 - x0), MM(y1 - y0)};
    x_attr_nums(o, "Boundary", box, 4);
}

/* The hatch of a filled shape: lines (or dots) in the hatch colour, clipped
 * to the shape, as render.c draws them. */
static void write_hatch(ofd_writer *o, shape *sh, const mark_paint *pt)
{
    double x1 = sh->x0, y1 = sh->y0, x2 = sh->x1, y2 = sh->y1;
    shape h = {0};
    const double gap = 3.2;
    double span = (x2 - x1) + (y2 - y1);
    if (pt->hatch == HATCH_DOTS) {
        for (double y = y1 + gap / 2; y < y2; y += gap)
            for (double x = x1 + gap / 2; x < x2; x += gap)
                circle(&h, x, y, 0.55);
    } else {
        for (double d = -span; d <= span; d += gap) {
            if (pt->hatch != HATCH_BACK) {
                move_to(&h, x1 + d, y2);
                line_to(&h, x1 + d + (y2 - y1), y1);
            }
            if (pt->hatch != HATCH_DIAGONAL) {
                move_to(&h, x1 + d, y1);
                line_to(&h, x1 + d + (y2 - y1), y2);
            }
        }
    }
    if (h.n == 0 || h.failed) {
        o->failed = o->failed || h.failed;
        path_free(&h);
        return;
    }
    bool dots = pt->hatch == HATCH_DOTS;
    x_unit(o, "PathObject", x1, y1, x2, y2);
    if (dots) {
        x_attr(o, "Stroke", "false");
        x_attr(o, "Fill", "true");
    } else {
        x_attr_num(o, "LineWidth", MM(0.7));
    }
    /* The clip area is in the object's space, like its path. */
    x_start(o, "Clips");
    x_start(o, "Clip");
    x_start(o, "Area");
    x_start(o, "Path");
    double box[4] = {0, 0, MM(x2 - x1), MM(y2 - y1)};
    x_attr_nums(o, "Boundary", box, 4);
    x_attr(o, "Stroke", "false");
    x_attr(o, "Fill", "true");
    x_leaf(o, "AbbreviatedData", path_data(sh, x1, y1));
    x_end(o);
    x_end(o);
    x_end(o);
    x_end(o);
    x_color(o, dots ? "FillColor" : "StrokeColor", pt->hatch_color);
    x_leaf(o, "AbbreviatedData", path_data(&h, x1, y1));
    x_end(o);
    if (h.failed)
        o->failed = true;
    path_free(&h);
}

/* A PathObject for p painted as pt, and its hatch. */
static void write_path(ofd_writer *o, shape *p, const mark_paint *pt)
{
    if (p->failed || p->n == 0) {
        o->failed = o->failed || p->failed;
        return;
    }
    if (!pt->filled && !pt->stroked)
        return;
    double grow = (pt->stroked ? pt->line_width : 0) + 0.5; /* the stroke's half and joins */
    double x0 = p->x0 - grow, y0 = p->y0 - grow;
    x_unit(o, "PathObject", x0, y0, p->x1 + grow, p->y1 + grow);
    if (pt->stroked) {
        x_attr_num(o, "LineWidth", MM(pt->line_width));
        x_attr(o, "Join", "Round");
        if (pt->dash > 0) {
            double dash[2] = {MM(pt->dash), MM(pt->dash * 0.6)};
            x_attr_nums(o, "DashPattern", dash, 2);
        }
    } else {
        x_attr(o, "Stroke", "false");
    }
    if (pt->filled)
        x_attr(o, "Fill", "true");
    if (pt->stroked)
        x_color(o, "StrokeColor", pt->stroke);
    if (pt->filled)
        x_color(o, "FillColor", pt->fill);
    x_leaf(o, "AbbreviatedData", path_data(p, x0, y0));
    x_end(o);
    if (pt->filled && pt->hatch != HATCH_NONE)
        write_hatch(o, p, pt);
}

static void marker_path(shape *p, const mark *m)
{
    double r = m->w / 2, x = m->x, y = m->y;
    switch (m->shape) {
    case SHAPE_CIRCLE: circle(p, x, y, r); break;
    case SHAPE_SQUARE:
        move_to(p, x - r * 0.9, y - r * 0.9);
        line_to(p, x + r * 0.9, y - r * 0.9);
        line_to(p, x + r * 0.9, y + r * 0.9);
        line_to(p, x - r * 0.9, y + r * 0.9);
        close_path(p);
        break;
    case SHAPE_TRIANGLE:
        move_to(p, x, y - r * 1.15);
        line_to(p, x + r * 1.05, y + r * 0.75);
        line_to(p, x - r * 1.05, y + r * 0.75);
        close_path(p);
        break;
    case SHAPE_DIAMOND:
        move_to(p, x, y - r * 1.2);
        line_to(p, x + r * 1.2, y);
        line_to(p, x, y + r * 1.2);
        line_to(p, x - r * 1.2, y);
        close_path(p);
        break;
    }
}

/* ---- text ----------------------------------------------------------------- */

static ofd_font *font_for(ofd_writer *o, const text_run *r)
{
    for (size_t i = 0; i < o->n_fonts; i++)
        if (o->fonts[i].index == r->font_index && strcmp(o->fonts[i].file, r->font_file) == 0)
            return &o->fonts[i];
    if (o->n_fonts == o->cap_fonts) {
        size_t cap = o->cap_fonts ? 2 * o->cap_fonts : 8;
        ofd_font *nf = realloc(o->fonts, cap * sizeof *nf);
        if (!nf)
            return NULL;
        o->fonts = nf;
        o->cap_fonts = cap;
    }
    ofd_font *f = &o->fonts[o->n_fonts];
    *f = (ofd_font){.file = strdup(r->font_file), .name = strdup(r->font_name),
                    .family = strdup(r->family), .index = r->font_index, .bold = r->bold,
                    .italic = r->italic, .id = o->next_id++, .glyphs = hb_set_create(),
                    .unicodes = hb_set_create()};
    o->n_fonts++; /* freed with the writer even when incomplete */
    if (!f->file || !f->name || !f->family || !hb_set_allocation_successful(f->glyphs) ||
        !hb_set_allocation_successful(f->unicodes))
        return NULL;
    return f;
}

/* Decodes one UTF-8 character at s (of n bytes); returns its length. The
 * text comes from Pango, which only holds valid UTF-8. */
static int utf8_next(const char *s, int n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    int len = u[0] < 0x80 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
    if (len > n)
        len = n;
    uint32_t c = len == 1 ? u[0] : u[0] & (0x3F >> (len - 1));
    for (int i = 1; i < len; i++)
        c = (c << 6) | (u[i] & 0x3F);
    *cp = c;
    return len;
}

/* The characters of g's cluster (at most 8), without the controls XML
 * cannot carry; returns how many. */
static int cluster_chars(const text_run *r, const text_glyph *g, uint32_t cps[8])
{
    int n = 0;
    for (int b = g->cluster; b < g->cluster + g->cluster_len && n < 8;) {
        uint32_t cp;
        b += utf8_next(r->utf8 + b, g->cluster + g->cluster_len - b, &cp);
        if (cp >= 0x20 && cp != 0x7F && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE &&
            cp != 0xFFFF)
            cps[n++] = cp;
    }
    return n;
}

/* The first pass: which fonts, glyphs and characters the pages draw. */
static void collect_run(const text_run *r, void *user)
{
    ofd_writer *o = user;
    ofd_font *f = font_for(o, r);
    if (!f) {
        o->failed = true;
        return;
    }
    for (int i = 0; i < r->n_glyphs; i++) {
        uint32_t cps[8];
        int n = cluster_chars(r, &r->glyphs[i], cps);
        if (n == 0)
            continue; /* not written */
        hb_set_add(f->glyphs, r->glyphs[i].id);
        for (int c = 0; c < n; c++)
            hb_set_add(f->unicodes, cps[c]);
    }
}

/* A point of the text's own space on the page (points). */
static void text_to_page(const ofd_writer *o, double x, double y, double *px, double *py)
{
    if (o->rot == 0) {
        *px = x;
        *py = y;
        return;
    }
    double c = cos(o->rot), s = sin(o->rot);
    *px = o->tx + c * x - s * y;
    *py = o->ty + s * x + c * y;
}

/* A CGTransform: count characters from pos shown by glyphs ids[first..]. */
typedef struct cg_group {
    size_t pos, count, first, n_glyphs;
} cg_group;

/* One run as a TextObject: TextCode holds the characters (what a reader
 * extracts and searches), DeltaX their distances as Pango set them, and
 * CGTransform the glyphs Pango chose, so no reader shapes the text again. */
static void write_run(const text_run *r, void *user)
{
    ofd_writer *o = user;
    ofd_font *f = font_for(o, r);
    cg_group *groups = calloc((size_t)r->n_glyphs, sizeof *groups);
    uint32_t *ids = calloc((size_t)r->n_glyphs, sizeof *ids);
    if (!f || !groups || !ids) {
        o->failed = true;
        free(groups);
        free(ids);
        return;
    }
    strbuf code = {0}, dx = {0}, dy = {0};
    double px = 0, py = 0, fx = 0, fy = 0, x_min = 0, x_max = 0;
    size_t n_chars = 0, n_groups = 0, n_ids = 0;
    bool any_dy = false, open_group = false;
    for (int i = 0; i < r->n_glyphs;) {
        const text_glyph *g = &r->glyphs[i];
        int k = i;
        while (k < r->n_glyphs && r->glyphs[k].cluster == g->cluster)
            k++;
        uint32_t cps[8];
        int n_cp = cluster_chars(r, g, cps);
        if (n_cp == 0) {
            i = k;
            continue;
        }
        if (n_chars == 0) {
            fx = px = g->x;
            fy = py = g->y;
            x_min = g->x;
        }
        size_t cluster_pos = n_chars;
        for (int c = 0; c < n_cp; c++) {
            char u[5];
            int len = cps[c] < 0x80 ? 1 : cps[c] < 0x800 ? 2 : cps[c] < 0x10000 ? 3 : 4;
            if (len == 1) {
                u[0] = (char)cps[c];
            } else {
                u[0] = (char)((len == 2 ? 0xC0 : len == 3 ? 0xE0 : 0xF0) |
                              (cps[c] >> (6 * (len - 1))));
                for (int b = 1; b < len; b++)
                    u[b] = (char)(0x80 | ((cps[c] >> (6 * (len - 1 - b))) & 0x3F));
            }
            u[len] = '\0';
            sb_printf(&code, "%s", u);
            if (n_chars > 0) {
                /* Characters after the first of a cluster sit on its glyph. */
                double x = c == 0 ? g->x : px, y = c == 0 ? g->y : py;
                sb_num(&dx, MM(x - px));
                sb_num(&dy, MM(y - py));
                any_dy = any_dy || fabs(y - py) > 1e-6;
                px = x;
                py = y;
            }
            n_chars++;
        }
        /* Clusters of one character and one glyph share a CGTransform; a
         * cluster of another shape gets its own. */
        bool one_to_one = n_cp == 1 && k - i == 1;
        if (!one_to_one || !open_group)
            groups[n_groups++] = (cg_group){.pos = cluster_pos, .first = n_ids};
        cg_group *cg = &groups[n_groups - 1];
        cg->count += (size_t)n_cp;
        cg->n_glyphs += (size_t)(k - i);
        open_group = one_to_one;
        for (int j = i; j < k; j++) {
            ids[n_ids++] = f->gids ? hb_map_get(f->gids, r->glyphs[j].id) : r->glyphs[j].id;
            x_max = fmax(x_max, r->glyphs[j].x + r->glyphs[j].advance);
            x_min = fmin(x_min, r->glyphs[j].x);
        }
        i = k;
    }
    if (code.failed || dx.failed || dy.failed)
        o->failed = true;
    if (n_chars == 0 || o->failed)
        goto done;

    /* The box in the text's space, generous: a reader may clip to it. */
    double s = r->size;
    double lx0 = x_min - s * 0.5, lx1 = x_max + s * 0.5, ly0 = fy - s * 1.3, ly1 = fy + s * 0.5;
    double bx0 = INFINITY, by0 = INFINITY, bx1 = -INFINITY, by1 = -INFINITY;
    for (int c = 0; c < 4; c++) {
        double qx, qy;
        text_to_page(o, c & 1 ? lx1 : lx0, c & 2 ? ly1 : ly0, &qx, &qy);
        bx0 = fmin(bx0, qx);
        by0 = fmin(by0, qy);
        bx1 = fmax(bx1, qx);
        by1 = fmax(by1, qy);
    }
    x_unit(o, "TextObject", bx0, by0, bx1, by1);
    /* Unrotated text: positions relative to the box. Rotated: positions in
     * the text's space, which the CTM turns and moves into the box. */
    double ox = bx0, oy = by0;
    if (o->rot != 0) {
        double ctm[6] = {cos(o->rot), sin(o->rot), -sin(o->rot), cos(o->rot),
                         MM(o->tx - bx0), MM(o->ty - by0)};
        x_attr_nums(o, "CTM", ctm, 6);
        ox = oy = 0;
    }
    x_attr_uint(o, "Font", f->id);
    x_attr_num(o, "Size", MM(s));
    x_color(o, "FillColor", o->text_color);
    for (size_t gi = 0; gi < n_groups; gi++) {
        const cg_group *cg = &groups[gi];
        strbuf gl = {0};
        for (size_t j = 0; j < cg->n_glyphs; j++)
            sb_printf(&gl, "%s%u", j ? " " : "", ids[cg->first + j]);
        if (gl.failed)
            o->failed = true;
        x_start(o, "CGTransform");
        x_attr_uint(o, "CodePosition", (unsigned)cg->pos);
        x_attr_uint(o, "CodeCount", (unsigned)cg->count);
        x_attr_uint(o, "GlyphCount", (unsigned)cg->n_glyphs);
        x_leaf(o, "Glyphs", sb_str(&gl));
        x_end(o);
        sb_free(&gl);
    }
    x_start(o, "TextCode");
    x_attr_num(o, "X", MM(fx - ox));
    x_attr_num(o, "Y", MM(fy - oy));
    if (dx.len)
        x_attr(o, "DeltaX", sb_str(&dx));
    if (any_dy)
        x_attr(o, "DeltaY", sb_str(&dy));
    x_text(o, sb_str(&code));
    x_end(o);
    x_end(o);
done:
    sb_free(&code);
    sb_free(&dx);
    sb_free(&dy);
    free(groups);
    free(ids);
}

/* Hands fn the runs of a text mark (write_run or collect_run). */
static void draw_text(ofd_writer *o, const mark *m, text_run_fn fn)
{
    o->text_color = m->paint.fill;
    o->rot = m->a0;
    o->tx = m->x;
    o->ty = m->y;
    bool ok = m->a0 != 0 ? text_glyph_runs(m->txt, 0, 0, 0, 0, fn, o)
                         : text_glyph_runs(m->txt, m->x, m->y, m->n_lines > 0 ? m->first_line : 0,
                                           m->n_lines, fn, o);
    if (!ok)
        o->failed = true;
}

/* ---- pages ---------------------------------------------------------------- */

static void write_mark(ofd_writer *o, const mark *m)
{
    shape p = {0};
    switch (m->kind) {
    case MARK_RECT:
        move_to(&p, m->x, m->y);
        line_to(&p, m->x + m->w, m->y);
        line_to(&p, m->x + m->w, m->y + m->h);
        line_to(&p, m->x, m->y + m->h);
        close_path(&p);
        break;
    case MARK_LINE:
        move_to(&p, m->x, m->y);
        line_to(&p, m->x + m->w, m->y + m->h);
        break;
    case MARK_POLYLINE:
        for (size_t k = 0; k < m->n_points; k++)
            (k ? line_to : move_to)(&p, m->points[2 * k], m->points[2 * k + 1]);
        break;
    case MARK_MARKER: marker_path(&p, m); break;
    case MARK_ARC: {
        /* Angles run clockwise from 12 o'clock; cairo's (and ours here)
         * from 3 o'clock. */
        double a0 = m->a0 - M_PI / 2, a1 = m->a1 - M_PI / 2;
        arc_to(&p, m->x, m->y, m->w, a0, a1, true);
        if (m->h > 0)
            arc_to(&p, m->x, m->y, m->h, a1, a0, false);
        else
            line_to(&p, m->x, m->y);
        close_path(&p);
        break;
    }
    case MARK_TEXT: draw_text(o, m, write_run); break;
    case MARK_LINK: /* written as the page's actions */
    case MARK_TAG_BEGIN: /* OFD's structure tags (CustomTags) are not written */
    case MARK_TAG_END: break;
    }
    if (p.n)
        write_path(o, &p, &m->paint);
    path_free(&p);
}

/* A destination: page (0-based) at y points from its top. */
static void x_dest(ofd_writer *o, size_t page, double y)
{
    x_start(o, "Dest");
    x_attr(o, "Type", "XYZ");
    x_attr_uint(o, "PageID", o->page_ids[page < o->d->n_pages ? page : 0]);
    x_attr(o, "Left", "0");
    x_attr_num(o, "Top", MM(y));
    x_end(o);
}

/* Links: actions of the page, each with its region (GB/T 33190 §14). */
static void write_links(ofd_writer *o, const doc_page *pg)
{
    bool any = false;
    for (size_t i = 0; i < pg->n_marks; i++) {
        const mark *m = &pg->marks[i];
        if (m->kind != MARK_LINK || !m->attrs)
            continue;
        size_t page;
        double y;
        const char *uri = strstr(m->attrs, "uri='");
        bool internal = sscanf(m->attrs, "page=%zu pos=[0 %lf]", &page, &y) == 2 && page >= 1;
        if (!internal && !uri)
            continue;
        if (!any)
            x_start(o, "Actions");
        any = true;
        x_start(o, "Action");
        x_attr(o, "Event", "CLICK");
        if (internal) {
            x_start(o, "Goto");
            x_dest(o, page - 1, y);
            x_end(o);
        } else {
            char *u = strdup(uri + 5);
            if (!u) {
                o->failed = true;
                return;
            }
            char *q = strrchr(u, '\'');
            if (q)
                *q = '\0';
            x_start(o, "URI");
            x_attr(o, "URI", u);
            x_end(o);
            free(u);
        }
        char pt[64], t1[24], t2[24];
        x_start(o, "Region");
        x_start(o, "Area");
        snprintf(pt, sizeof pt, "%s %s", num(t1, sizeof t1, MM(m->x)), num(t2, sizeof t2, MM(m->y)));
        x_attr(o, "Start", pt);
        const double corners[3][2] = {{m->x + m->w, m->y}, {m->x + m->w, m->y + m->h},
                                      {m->x, m->y + m->h}};
        for (int c = 0; c < 3; c++) {
            x_start(o, "Line");
            snprintf(pt, sizeof pt, "%s %s", num(t1, sizeof t1, MM(corners[c][0])),
                     num(t2, sizeof t2, MM(corners[c][1])));
            x_attr(o, "Point1", pt);
            x_end(o);
        }
        x_start(o, "Close");
        x_end(o);
        x_end(o);
        x_end(o);
        x_end(o);
    }
    if (any)
        x_end(o);
}

static void write_page(ofd_writer *o, size_t i)
{
    const doc_page *pg = &o->d->pages[i];
    xmlBufferPtr buf = part_begin(o, "Page");
    if (!buf)
        return;
    x_start(o, "Content");
    x_start(o, "Layer");
    x_attr_uint(o, "ID", o->next_id++);
    x_attr(o, "Type", "Body");
    for (size_t k = 0; k < pg->n_marks && !o->failed; k++)
        write_mark(o, &pg->marks[k]);
    x_end(o);
    x_end(o);
    write_links(o, pg);
    x_end(o);
    char name[64];
    snprintf(name, sizeof name, "Doc_0/Pages/Page_%zu/Content.xml", i);
    part_end(o, buf, name);
}

/* ---- resources, document, entry ------------------------------------------ */

/* A subset of face with f's glyphs and characters; glyph ids kept when
 * retain. NULL on failure. */
static hb_face_t *subset_face(hb_face_t *face, const ofd_font *f, bool retain)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return NULL;
    hb_set_union(hb_subset_input_glyph_set(in), f->glyphs);
    hb_set_union(hb_subset_input_unicode_set(in), f->unicodes);
    hb_subset_input_set_flags(in, retain ? HB_SUBSET_FLAGS_RETAIN_GIDS : HB_SUBSET_FLAGS_DEFAULT);
    /* The CGTransforms name every glyph: a reader shapes nothing, so the
     * layout tables go, and with them the closure over every alternate
     * glyph (vertical forms, other widths) they would pull in; vertical
     * metrics too, as nothing is set vertically. */
    static const char *const drop[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF",
                                       "vhea", "vmtx", "VORG"};
    hb_set_t *tags = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
        hb_set_add(tags, hb_tag_from_string(drop[i], 4));
    hb_face_t *sub = hb_subset_or_fail(face, in);
    hb_subset_input_destroy(in);
    return sub;
}

/* The subset of f the pages use, before the pages are written. hb-subset
 * numbers the glyphs it keeps in their old order; HarfBuzz 6 does not say
 * which it kept, so we predict the set (the glyphs drawn, those the
 * characters map to, .notdef) and check its size against the subset's: when
 * they agree, nothing else was pulled in and a glyph's new id is its rank
 * (f->gids). Otherwise (a TrueType composite's parts, say) the subset keeps
 * the old ids. */
static bool write_font(ofd_writer *o, ofd_font *f, const char *path, diag_list *dl)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(f->file);
    if (!blob) {
        diag_error(dl, path, _("cannot read the font file %s"), f->file);
        return false;
    }
    hb_face_t *face = hb_face_create(blob, (unsigned)f->index);
    hb_blob_destroy(blob);
    hb_set_t *keep = hb_set_copy(f->glyphs);
    hb_set_add(keep, 0);
    hb_font_t *font = hb_font_create(face);
    hb_codepoint_t u = HB_SET_VALUE_INVALID, g;
    while (hb_set_next(f->unicodes, &u))
        if (hb_font_get_nominal_glyph(font, u, &g))
            hb_set_add(keep, g);
    /* and the variants of those characters in the cmap's variation
     * sequences (format 14), which hb-subset keeps with them */
    hb_set_t *selectors = hb_set_create(), *vu = hb_set_create();
    hb_face_collect_variation_selectors(face, selectors);
    hb_codepoint_t vs = HB_SET_VALUE_INVALID;
    while (hb_set_next(selectors, &vs)) {
        hb_set_clear(vu);
        hb_face_collect_variation_unicodes(face, vs, vu);
        hb_set_intersect(vu, f->unicodes);
        u = HB_SET_VALUE_INVALID;
        while (hb_set_next(vu, &u))
            if (hb_font_get_variation_glyph(font, u, vs, &g))
                hb_set_add(keep, g);
    }
    hb_set_destroy(vu);
    hb_set_destroy(selectors);
    hb_font_destroy(font);
    hb_face_t *sub = subset_face(face, f, false);
    if (sub && hb_set_allocation_successful(keep) &&
        hb_face_get_glyph_count(sub) == hb_set_get_population(keep)) {
        f->gids = hb_map_create();
        hb_codepoint_t old = HB_SET_VALUE_INVALID, next = 0;
        while (hb_set_next(keep, &old))
            hb_map_set(f->gids, old, next++);
        if (!hb_map_allocation_successful(f->gids)) {
            hb_map_destroy(f->gids);
            f->gids = NULL;
        }
    }
    if (!f->gids) {
        if (sub)
            hb_face_destroy(sub);
        sub = subset_face(face, f, true);
    }
    hb_set_destroy(keep);
    hb_face_destroy(face);
    if (!sub) {
        diag_error(dl, path, _("cannot make a subset of the font %s"), f->file);
        return false;
    }
    hb_blob_t *out = hb_face_reference_blob(sub);
    unsigned len = 0;
    const char *data = hb_blob_get_data(out, &len);
    char name[64];
    snprintf(name, sizeof name, "Doc_0/Res/font_%u.otf", f->id);
    add_part(o, name, data, len);
    hb_blob_destroy(out);
    hb_face_destroy(sub);
    return true;
}

static void write_public_res(ofd_writer *o)
{
    xmlBufferPtr buf = part_begin(o, "Res");
    if (!buf)
        return;
    x_attr(o, "BaseLoc", "Res");
    x_start(o, "ColorSpaces");
    x_start(o, "ColorSpace");
    x_attr_uint(o, "ID", o->cs_rgb);
    x_attr(o, "Type", "RGB");
    x_attr(o, "BitsPerComponent", "8");
    x_end(o);
    x_start(o, "ColorSpace");
    x_attr_uint(o, "ID", o->cs_gray);
    x_attr(o, "Type", "GRAY");
    x_attr(o, "BitsPerComponent", "8");
    x_end(o);
    x_end(o);
    if (o->n_fonts) {
        x_start(o, "Fonts");
        for (size_t i = 0; i < o->n_fonts; i++) {
            const ofd_font *f = &o->fonts[i];
            char file[32];
            snprintf(file, sizeof file, "font_%u.otf", f->id);
            x_start(o, "Font");
            x_attr_uint(o, "ID", f->id);
            x_attr(o, "FontName", f->name);
            x_attr(o, "FamilyName", f->family);
            if (f->bold)
                x_attr(o, "Bold", "true");
            if (f->italic)
                x_attr(o, "Italic", "true");
            if (strncmp(f->family, "Noto Serif", 10) == 0 || strstr(f->family, "Serif") ||
                strstr(f->family, "Fang") || strstr(f->family, "Kai"))
                x_attr(o, "Serif", "true");
            x_leaf(o, "FontFile", file);
            x_end(o);
        }
        x_end(o);
    }
    x_end(o);
    part_end(o, buf, "Doc_0/PublicRes.xml");
}

static void write_outline(ofd_writer *o)
{
    const doc *d = o->d;
    if (d->n_outline == 0)
        return;
    x_start(o, "Outlines");
    int depth = 0;
    for (size_t i = 0; i < d->n_outline; i++) {
        const doc_outline *ol = &d->outline[i];
        int level = ol->level < 1 ? 1 : ol->level > depth + 1 ? depth + 1 : ol->level;
        for (; depth >= level; depth--)
            x_end(o);
        x_start(o, "OutlineElem");
        x_attr(o, "Title", ol->title ? ol->title : "");
        x_start(o, "Actions");
        x_start(o, "Action");
        x_attr(o, "Event", "CLICK");
        x_start(o, "Goto");
        x_dest(o, ol->page, ol->y);
        x_end(o);
        x_end(o);
        x_end(o);
        depth++;
    }
    for (; depth > 0; depth--)
        x_end(o);
    x_end(o);
}

/* Document.xml: the page area, the pages, and the outline. MaxUnitID is
 * the last ID given out, so this is written after everything else. */
static void write_document_xml(ofd_writer *o)
{
    const doc *d = o->d;
    xmlBufferPtr buf = part_begin(o, "Document");
    if (!buf)
        return;
    char t[16];
    x_start(o, "CommonData");
    snprintf(t, sizeof t, "%u", o->next_id - 1);
    x_leaf(o, "MaxUnitID", t);
    x_start(o, "PageArea");
    double box[4] = {0, 0, MM(d->width), MM(d->height)};
    x_start(o, "PhysicalBox");
    strbuf b = {0};
    for (int i = 0; i < 4; i++)
        sb_num(&b, box[i]);
    x_text(o, sb_str(&b));
    sb_free(&b);
    x_end(o);
    x_end(o);
    x_leaf(o, "PublicRes", "PublicRes.xml");
    x_end(o);
    x_start(o, "Pages");
    for (size_t i = 0; i < d->n_pages; i++) {
        char loc[48];
        snprintf(loc, sizeof loc, "Pages/Page_%zu/Content.xml", i);
        x_start(o, "Page");
        x_attr_uint(o, "ID", o->page_ids[i]);
        x_attr(o, "BaseLoc", loc);
        x_end(o);
    }
    x_end(o);
    write_outline(o);
    x_end(o);
    part_end(o, buf, "Doc_0/Document.xml");
}

/* 64-bit FNV-1a, for the DocID: the same content gives the same ID. */
static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ULL;
    return h;
}

static void write_entry(ofd_writer *o, const char *creation_date, const char *creator)
{
    const doc *d = o->d;
    /* The ID of this document: a digest of its pages. */
    uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
    for (size_t i = 0; i < o->n_parts; i++) {
        h1 = fnv(h1, o->parts[i].data, o->parts[i].len);
        h2 = fnv(h2 ^ i, o->parts[i].data, o->parts[i].len);
    }
    char id[33], date[11], version[64] = "";
    snprintf(id, sizeof id, "%016llx%016llx", (unsigned long long)h1, (unsigned long long)h2);
    snprintf(date, sizeof date, "%.10s", creation_date);
    const char *sp = strchr(creator, ' ');
    if (sp)
        snprintf(version, sizeof version, "%s", sp + 1);
    char name[64];
    snprintf(name, sizeof name, "%.*s", sp ? (int)(sp - creator) : (int)strlen(creator), creator);

    xmlBufferPtr buf = part_begin(o, "OFD");
    if (!buf)
        return;
    x_attr(o, "Version", "1.0");
    x_attr(o, "DocType", "OFD");
    x_start(o, "DocBody");
    x_start(o, "DocInfo");
    x_leaf(o, "DocID", id);
    if (d->title)
        x_leaf(o, "Title", d->title);
    if (d->author)
        x_leaf(o, "Author", d->author);
    if (d->subject)
        x_leaf(o, "Subject", d->subject);
    x_leaf(o, "CreationDate", date);
    x_leaf(o, "ModDate", date);
    if (d->keywords) {
        /* "a; b; c" as the PDF's Keywords holds them */
        x_start(o, "Keywords");
        const char *k = d->keywords;
        while (*k) {
            while (*k == ' ' || *k == ';')
                k++;
            size_t len = strcspn(k, ";");
            while (len > 0 && k[len - 1] == ' ')
                len--;
            if (len > 0) {
                char *kw = strndup(k, len);
                if (!kw) {
                    o->failed = true;
                    break;
                }
                x_leaf(o, "Keyword", kw);
                free(kw);
            }
            k += len;
            while (*k && *k != ';')
                k++;
        }
        x_end(o);
    }
    x_leaf(o, "Creator", name);
    if (*version)
        x_leaf(o, "CreatorVersion", version);
    x_end(o);
    x_leaf(o, "DocRoot", "Doc_0/Document.xml");
    x_end(o);
    x_end(o);
    part_end(o, buf, "OFD.xml");
}

/* ---- the package ---------------------------------------------------------- */

/* The zip, in memory. Entries carry the document's date at midnight as
 * their time: libzip stores local time, so the time given is the one whose
 * local reading is that date, and the bytes do not depend on TZ. */
static bool zip_parts(ofd_writer *o, const char *creation_date, void **out, size_t *out_len,
                      const char **why)
{
    struct tm tm = {0};
    if (sscanf(creation_date, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
        tm.tm_year = 1980, tm.tm_mon = 1, tm.tm_mday = 1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_hour = 12; /* noon: never in a daylight-saving gap */
    tm.tm_isdst = -1;
    time_t mtime = mktime(&tm);

    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &ze) : NULL;
    if (!za) {
        *why = zip_error_strerror(&ze);
        if (mem)
            zip_source_free(mem);
        zip_error_fini(&ze);
        return false;
    }
    zip_source_keep(mem);
    bool ok = true;
    for (size_t i = 0; ok && i < o->n_parts; i++) {
        ofd_part *p = &o->parts[i];
        zip_source_t *s = zip_source_buffer(za, p->data, p->len, 1);
        if (!s) {
            ok = false;
            break;
        }
        p->data = NULL; /* the source frees it, with the zip or below */
        zip_int64_t idx = zip_file_add(za, p->name, s, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(s);
            ok = false;
            break;
        }
        ok = zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0) == 0 &&
             zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 0) == 0;
    }
    if (!ok) {
        *why = zip_strerror(za);
        zip_discard(za);
        zip_source_free(mem);
        zip_error_fini(&ze);
        return false;
    }
    if (zip_close(za) != 0) {
        *why = zip_strerror(za);
        zip_discard(za);
        zip_source_free(mem);
        zip_error_fini(&ze);
        return false;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    ok = zip_source_open(mem) == 0;
    if (ok && zip_source_stat(mem, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
        *out_len = (size_t)st.size;
        *out = malloc(*out_len ? *out_len : 1);
        ok = *out && zip_source_read(mem, *out, st.size) == (zip_int64_t)st.size;
        if (!ok) {
            free(*out);
            *out = NULL;
        }
    } else {
        ok = false;
    }
    if (!ok)
        *why = "cannot read the package back from memory";
    zip_source_close(mem);
    zip_source_free(mem);
    zip_error_fini(&ze);
    return ok;
}

static int part_rank(const char *name)
{
    return strcmp(name, "OFD.xml") == 0              ? 0
           : strcmp(name, "Doc_0/Document.xml") == 0  ? 1
           : strcmp(name, "Doc_0/PublicRes.xml") == 0 ? 2
           : strncmp(name, "Doc_0/Pages/", 12) == 0   ? 3
                                                      : 4;
}

/* Rank, then the order written (Page_10 after Page_9, as written). */
static int part_cmp(const void *a, const void *b)
{
    const ofd_part *x = a, *y = b;
    int rx = part_rank(x->name), ry = part_rank(y->name);
    if (rx != ry)
        return rx < ry ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void writer_free(ofd_writer *o)
{
    for (size_t i = 0; i < o->n_fonts; i++) {
        free(o->fonts[i].file);
        free(o->fonts[i].name);
        free(o->fonts[i].family);
        hb_set_destroy(o->fonts[i].glyphs);
        hb_set_destroy(o->fonts[i].unicodes);
        hb_map_destroy(o->fonts[i].gids);
    }
    free(o->fonts);
    for (size_t i = 0; i < o->n_parts; i++) {
        free(o->parts[i].name);
        free(o->parts[i].data);
    }
    free(o->parts);
    free(o->page_ids);
    if (o->w)
        xmlFreeTextWriter(o->w);
}

bool ofd_write(const doc *d, const char *creation_date, const char *creator, const char *path,
               diag_list *dl)
{
    ofd_writer o = {.d = d, .next_id = 1};
    o.cs_rgb = o.next_id++;
    o.cs_gray = o.next_id++;
    o.page_ids = calloc(d->n_pages ? d->n_pages : 1, sizeof *o.page_ids);
    if (!o.page_ids) {
        diag_error(dl, path, "%s", _("out of memory"));
        return false;
    }
    for (size_t i = 0; i < d->n_pages; i++)
        o.page_ids[i] = o.next_id++;

    /* The fonts first, cut to what the pages draw; then the pages, which
     * name glyphs by their ids in the cut fonts. */
    for (size_t i = 0; i < d->n_pages && !o.failed; i++)
        for (size_t k = 0; k < d->pages[i].n_marks && !o.failed; k++)
            if (d->pages[i].marks[k].kind == MARK_TEXT)
                draw_text(&o, &d->pages[i].marks[k], collect_run);
    bool ok = !o.failed;
    for (size_t i = 0; ok && i < o.n_fonts; i++)
        ok = write_font(&o, &o.fonts[i], path, dl);
    for (size_t i = 0; ok && i < d->n_pages && !o.failed; i++)
        write_page(&o, i);
    if (ok) {
        write_public_res(&o);
        write_document_xml(&o);
        write_entry(&o, creation_date, creator);
    }
    if (ok && o.failed) {
        diag_error(dl, path, "%s", _("out of memory"));
        ok = false;
    }
    /* In the zip: OFD.xml first, as readers look for it, then the document,
     * its resources, the pages and the fonts. */
    if (ok)
        qsort(o.parts, o.n_parts, sizeof *o.parts, part_cmp);
    void *zip = NULL;
    size_t zip_len = 0;
    const char *why = NULL;
    if (ok && !zip_parts(&o, creation_date, &zip, &zip_len, &why)) {
        diag_error(dl, path, _("cannot write the OFD package: %s"), why);
        ok = false;
    }
    writer_free(&o);
    if (!ok)
        return false;
    atomic_file af;
    if (!atomic_file_open(&af, path, dl)) {
        free(zip);
        return false;
    }
    if (fwrite(zip, 1, zip_len, af.fp) != zip_len) {
        diag_error(dl, path, _("cannot write: %s"), strerror(errno));
        atomic_file_abort(&af);
        free(zip);
        return false;
    }
    free(zip);
    return atomic_file_commit(&af, dl);
}
