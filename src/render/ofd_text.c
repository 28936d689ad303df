/* ofd_text: text marks as OFD TextObjects (see ofd_priv.h), from the glyph
 * runs typeset hands over: one TextObject per run, the characters in
 * TextCode, Pango's positions in DeltaX, its glyphs in CGTransform. */
#include "ofd_priv.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
    int f = ofd_fonts_find(o->fonts, r, &o->next_id);
    if (f < 0) {
        o->failed = true;
        return;
    }
    for (int i = 0; i < r->n_glyphs; i++) {
        uint32_t cps[8];
        int n = cluster_chars(r, &r->glyphs[i], cps);
        if (n > 0) /* else not written */
            ofd_fonts_use(o->fonts, f, r->glyphs[i].id, cps, n);
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

/* A run laid out for its TextObject: the characters with their distances,
 * and the glyphs grouped into CGTransforms. */
typedef struct run_layout {
    strbuf code, dx, dy;   /* TextCode, DeltaX and DeltaY */
    double px, py, fx, fy; /* the last character's position; the first's */
    double x_min, x_max;   /* the glyphs' horizontal extent */
    size_t n_chars;
    bool any_dy, open_group; /* open_group: the last group takes more 1:1 clusters */
    cg_group *groups;
    size_t n_groups;
    uint32_t *ids; /* the glyphs' ids in the OFD's font */
    size_t n_ids;
} run_layout;

/* Appends code point cp to sb as UTF-8. */
static void append_utf8(strbuf *sb, uint32_t cp)
{
    char u[5];
    int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (len == 1) {
        u[0] = (char)cp;
    } else {
        u[0] = (char)((len == 2 ? 0xC0 : len == 3 ? 0xE0 : 0xF0) | (cp >> (6 * (len - 1))));
        for (int b = 1; b < len; b++)
            u[b] = (char)(0x80 | ((cp >> (6 * (len - 1 - b))) & 0x3F));
    }
    u[len] = '\0';
    sb_printf(sb, "%s", u);
}

/* The characters cps[0..n_cp) of the cluster drawn by glyph g into TextCode,
 * with their distances from the character before. */
static void add_cluster_chars(run_layout *rl, const text_glyph *g, const uint32_t *cps, int n_cp)
{
    for (int c = 0; c < n_cp; c++) {
        append_utf8(&rl->code, cps[c]);
        if (rl->n_chars > 0) {
            /* Characters after the first of a cluster sit on its glyph. */
            double x = c == 0 ? g->x : rl->px, y = c == 0 ? g->y : rl->py;
            x_sb_num(&rl->dx, MM(x - rl->px));
            x_sb_num(&rl->dy, MM(y - rl->py));
            rl->any_dy = rl->any_dy || fabs(y - rl->py) > 1e-6;
            rl->px = x;
            rl->py = y;
        }
        rl->n_chars++;
    }
}

/* Lays out run r, drawn in the OFD font f, cluster by cluster. */
static void lay_out_run(ofd_writer *o, const text_run *r, int f, run_layout *rl)
{
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
        if (rl->n_chars == 0) {
            rl->fx = rl->px = g->x;
            rl->fy = rl->py = g->y;
            rl->x_min = g->x;
        }
        size_t cluster_pos = rl->n_chars;
        add_cluster_chars(rl, g, cps, n_cp);
        /* Clusters of one character and one glyph share a CGTransform; a
         * cluster of another shape gets its own. */
        bool one_to_one = n_cp == 1 && k - i == 1;
        if (!one_to_one || !rl->open_group)
            rl->groups[rl->n_groups++] = (cg_group){.pos = cluster_pos, .first = rl->n_ids};
        cg_group *cg = &rl->groups[rl->n_groups - 1];
        cg->count += (size_t)n_cp;
        cg->n_glyphs += (size_t)(k - i);
        rl->open_group = one_to_one;
        for (int j = i; j < k; j++) {
            rl->ids[rl->n_ids++] = ofd_fonts_glyph(o->fonts, f, r->glyphs[j].id);
            rl->x_max = fmax(rl->x_max, r->glyphs[j].x + r->glyphs[j].advance);
            rl->x_min = fmin(rl->x_min, r->glyphs[j].x);
        }
        i = k;
    }
}

/* The CGTransforms of a laid-out run: which glyphs show which characters. */
static void write_cg_transforms(ofd_writer *o, const run_layout *rl)
{
    for (size_t gi = 0; gi < rl->n_groups; gi++) {
        const cg_group *cg = &rl->groups[gi];
        strbuf gl = {0};
        for (size_t j = 0; j < cg->n_glyphs; j++)
            sb_printf(&gl, "%s%u", j ? " " : "", rl->ids[cg->first + j]);
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
}

/* The TextObject of a laid-out run of r, in the OFD font f. */
static void write_text_object(ofd_writer *o, const text_run *r, int f, const run_layout *rl)
{
    /* The box in the text's space, generous: a reader may clip to it. */
    double s = r->size;
    double lx0 = rl->x_min - s * 0.5, lx1 = rl->x_max + s * 0.5, ly0 = rl->fy - s * 1.3,
           ly1 = rl->fy + s * 0.5;
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
        double ctm[6] = {cos(o->rot), sin(o->rot),     -sin(o->rot),
                         cos(o->rot), MM(o->tx - bx0), MM(o->ty - by0)};
        x_attr_nums(o, "CTM", ctm, 6);
        ox = oy = 0;
    }
    const ofd_font_info *fi = ofd_fonts_info(o->fonts, (size_t)f);
    x_attr_uint(o, "Font", fi->id);
    x_attr_num(o, "Size", MM(s));
    /* The font's weight and slant on the object too: Weight defaults to 400,
     * and a reader that draws in its own fonts (ofd.js) goes by these. */
    if (fi->bold)
        x_attr(o, "Weight", "700");
    if (fi->italic)
        x_attr(o, "Italic", "true");
    x_color(o, "FillColor", o->text_color);
    write_cg_transforms(o, rl);
    x_start(o, "TextCode");
    x_attr_num(o, "X", MM(rl->fx - ox));
    x_attr_num(o, "Y", MM(rl->fy - oy));
    if (rl->dx.len)
        x_attr(o, "DeltaX", sb_str(&rl->dx));
    if (rl->any_dy)
        x_attr(o, "DeltaY", sb_str(&rl->dy));
    x_text(o, sb_str(&rl->code));
    x_end(o);
    x_end(o);
}

/* One run as a TextObject: TextCode holds the characters (what a reader
 * extracts and searches), DeltaX their distances as Pango set them, and
 * CGTransform the glyphs Pango chose, so no reader shapes the text again. */
static void write_run(const text_run *r, void *user)
{
    ofd_writer *o = user;
    int f = ofd_fonts_find(o->fonts, r, &o->next_id);
    run_layout rl = {.groups = calloc((size_t)r->n_glyphs, sizeof *rl.groups),
                     .ids = calloc((size_t)r->n_glyphs, sizeof *rl.ids)};
    if (f < 0 || !rl.groups || !rl.ids) {
        o->failed = true;
        free(rl.groups);
        free(rl.ids);
        return;
    }
    lay_out_run(o, r, f, &rl);
    if (rl.code.failed || rl.dx.failed || rl.dy.failed)
        o->failed = true;
    if (rl.n_chars > 0 && !o->failed)
        write_text_object(o, r, f, &rl);
    sb_free(&rl.code);
    sb_free(&rl.dx);
    sb_free(&rl.dy);
    free(rl.groups);
    free(rl.ids);
}

void ofd_text(ofd_writer *o, const mark *m, bool collect)
{
    text_run_fn fn = collect ? collect_run : write_run;
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
