/* ofd: see include/render/ofd.h. The writer's parts: ofd_xml.c (libxml2),
 * ofd_path.c (shapes), ofd_text.c (TextObjects), ofd_font.c (hb-subset),
 * ofd_zip.c (libzip); here the pages, the document and the package. */
#include "render/ofd.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/atomic_file.h"
#include "base/i18n.h"
#include "ofd_libs.h"
#include "ofd_priv.h"

/* ---- paths ---------------------------------------------------------------- */

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
                shape_circle(&h, x, y, 0.55);
    } else {
        for (double d = -span; d <= span; d += gap) {
            if (pt->hatch != HATCH_BACK) {
                shape_move(&h, x1 + d, y2);
                shape_line(&h, x1 + d + (y2 - y1), y1);
            }
            if (pt->hatch != HATCH_DIAGONAL) {
                shape_move(&h, x1 + d, y1);
                shape_line(&h, x1 + d + (y2 - y1), y2);
            }
        }
    }
    if (h.n == 0 || h.failed) {
        o->failed = o->failed || h.failed;
        shape_free(&h);
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
    x_leaf(o, "AbbreviatedData", shape_data(sh, x1, y1));
    x_end(o);
    x_end(o);
    x_end(o);
    x_end(o);
    x_color(o, dots ? "FillColor" : "StrokeColor", pt->hatch_color);
    x_leaf(o, "AbbreviatedData", shape_data(&h, x1, y1));
    x_end(o);
    if (h.failed)
        o->failed = true;
    shape_free(&h);
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
    x_leaf(o, "AbbreviatedData", shape_data(p, x0, y0));
    x_end(o);
    if (pt->filled && pt->hatch != HATCH_NONE)
        write_hatch(o, p, pt);
}

static void marker_path(shape *p, const mark *m)
{
    double r = m->w / 2, x = m->x, y = m->y;
    switch (m->shape) {
    case SHAPE_CIRCLE: shape_circle(p, x, y, r); break;
    case SHAPE_SQUARE:
        shape_move(p, x - r * 0.9, y - r * 0.9);
        shape_line(p, x + r * 0.9, y - r * 0.9);
        shape_line(p, x + r * 0.9, y + r * 0.9);
        shape_line(p, x - r * 0.9, y + r * 0.9);
        shape_close(p);
        break;
    case SHAPE_TRIANGLE:
        shape_move(p, x, y - r * 1.15);
        shape_line(p, x + r * 1.05, y + r * 0.75);
        shape_line(p, x - r * 1.05, y + r * 0.75);
        shape_close(p);
        break;
    case SHAPE_DIAMOND:
        shape_move(p, x, y - r * 1.2);
        shape_line(p, x + r * 1.2, y);
        shape_line(p, x, y + r * 1.2);
        shape_line(p, x - r * 1.2, y);
        shape_close(p);
        break;
    }
}

/* ---- pages ---------------------------------------------------------------- */

static void write_mark(ofd_writer *o, const mark *m)
{
    shape p = {0};
    switch (m->kind) {
    case MARK_RECT:
        shape_move(&p, m->x, m->y);
        shape_line(&p, m->x + m->w, m->y);
        shape_line(&p, m->x + m->w, m->y + m->h);
        shape_line(&p, m->x, m->y + m->h);
        shape_close(&p);
        break;
    case MARK_LINE:
        shape_move(&p, m->x, m->y);
        shape_line(&p, m->x + m->w, m->y + m->h);
        break;
    case MARK_POLYLINE:
        for (size_t k = 0; k < m->n_points; k++)
            (k ? shape_line : shape_move)(&p, m->points[2 * k], m->points[2 * k + 1]);
        break;
    case MARK_MARKER: marker_path(&p, m); break;
    case MARK_ARC: {
        /* Angles run clockwise from 12 o'clock; cairo's (and ours here)
         * from 3 o'clock. */
        double a0 = m->a0 - M_PI / 2, a1 = m->a1 - M_PI / 2;
        shape_arc(&p, m->x, m->y, m->w, a0, a1, true);
        if (m->h > 0)
            shape_arc(&p, m->x, m->y, m->h, a1, a0, false);
        else
            shape_line(&p, m->x, m->y);
        shape_close(&p);
        break;
    }
    case MARK_TEXT: ofd_text(o, m, false); break;
    case MARK_LINK:      /* written as the page's actions */
    case MARK_TAG_BEGIN: /* OFD's structure tags (CustomTags) are not written */
    case MARK_TAG_END: break;
    }
    if (p.n)
        write_path(o, &p, &m->paint);
    shape_free(&p);
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

/* Links: actions of the page, each a CLICK with its Region. */
static void write_links(ofd_writer *o, const doc *d, const doc_page *pg)
{
    bool any = false;
    for (size_t i = 0; i < pg->n_marks; i++) {
        const mark *m = &pg->marks[i];
        if (m->kind != MARK_LINK || (!m->uri && m->dest >= d->n_dests))
            continue;
        if (!any)
            x_start(o, "Actions");
        any = true;
        x_start(o, "Action");
        x_attr(o, "Event", "CLICK");
        if (!m->uri) { /* a place in the document: the model's destination */
            x_start(o, "Goto");
            x_dest(o, d->dests[m->dest].page, d->dests[m->dest].y);
            x_end(o);
        } else {
            x_start(o, "URI");
            x_attr(o, "URI", m->uri);
            x_end(o);
        }
        char pt[64], t1[24], t2[24];
        x_start(o, "Region");
        x_start(o, "Area");
        snprintf(pt, sizeof pt, "%s %s", x_num(t1, sizeof t1, MM(m->x)),
                 x_num(t2, sizeof t2, MM(m->y)));
        x_attr(o, "Start", pt);
        const double corners[3][2] = {
            {m->x + m->w, m->y}, {m->x + m->w, m->y + m->h}, {m->x, m->y + m->h}};
        for (int c = 0; c < 3; c++) {
            x_start(o, "Line");
            snprintf(pt, sizeof pt, "%s %s", x_num(t1, sizeof t1, MM(corners[c][0])),
                     x_num(t2, sizeof t2, MM(corners[c][1])));
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
    if (!x_begin(o, "Page"))
        return;
    x_start(o, "Content");
    x_start(o, "Layer");
    x_attr_uint(o, "ID", o->next_id++);
    x_attr(o, "Type", "Body");
    for (size_t k = 0; k < pg->n_marks && !o->failed; k++)
        write_mark(o, &pg->marks[k]);
    x_end(o);
    x_end(o);
    write_links(o, o->d, pg);
    x_end(o);
    char name[64];
    snprintf(name, sizeof name, "Doc_0/Pages/Page_%zu/Content.xml", i);
    x_finish(o, name);
}

static void write_public_res(ofd_writer *o)
{
    if (!x_begin(o, "Res"))
        return;
    x_attr(o, "BaseLoc", "Res");
    x_start(o, "ColorSpaces");
    x_start(o, "ColorSpace");
    x_attr_uint(o, "ID", o->cs_rgb);
    x_attr(o, "Type", "RGB");
    x_attr(o, "BitsPerComponent", "8");
    x_end(o);
    x_end(o);
    if (ofd_fonts_count(o->fonts)) {
        x_start(o, "Fonts");
        for (size_t i = 0; i < ofd_fonts_count(o->fonts); i++) {
            const ofd_font_info *f = ofd_fonts_info(o->fonts, i);
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
    x_finish(o, "Doc_0/PublicRes.xml");
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
    if (!x_begin(o, "Document"))
        return;
    char t[16];
    x_start(o, "CommonData");
    snprintf(t, sizeof t, "%u", o->next_id - 1);
    x_leaf(o, "MaxUnitID", t);
    x_start(o, "PageArea");
    double box[4] = {0, 0, o->page_w_mm, o->page_h_mm};
    x_start(o, "PhysicalBox");
    strbuf b = {0};
    for (int i = 0; i < 4; i++)
        x_sb_num(&b, box[i]);
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
    x_finish(o, "Doc_0/Document.xml");
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

    if (!x_begin(o, "OFD"))
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
    x_finish(o, "OFD.xml");
}

static void writer_free(ofd_writer *o)
{
    ofd_fonts_free(o->fonts);
    for (size_t i = 0; i < o->n_parts; i++) {
        free(o->parts[i].name);
        free(o->parts[i].data);
    }
    free(o->parts);
    free(o->page_ids);
    x_discard(o);
}

double ofd_mm_per_pt = 25.4 / 72.0;

bool ofd_write(const doc *d, double paper_w, double paper_h, double scale,
               const char *creation_date, const char *creator, const char *path, diag_list *dl)
{
    if (!ofd_libs_open(path, dl))
        return false;
    ofd_mm_per_pt = 25.4 / 72.0 * (scale > 0 ? scale : 1);
    ofd_writer o = {.d = d,
                    .page_w_mm = (paper_w > 0 ? paper_w : d->width * scale) * (25.4 / 72.0),
                    .page_h_mm = (paper_h > 0 ? paper_h : d->height * scale) * (25.4 / 72.0),
                    .next_id = 1,
                    .fonts = ofd_fonts_new()};
    o.cs_rgb = o.next_id++;
    o.page_ids = calloc(d->n_pages ? d->n_pages : 1, sizeof *o.page_ids);
    if (!o.page_ids || !o.fonts) {
        diag_error(dl, path, "%s", _("out of memory"));
        writer_free(&o);
        return false;
    }
    for (size_t i = 0; i < d->n_pages; i++)
        o.page_ids[i] = o.next_id++;

    /* The fonts first, cut to what the pages draw; then the pages, which
     * name glyphs by their ids in the cut fonts. */
    for (size_t i = 0; i < d->n_pages && !o.failed; i++)
        for (size_t k = 0; k < d->pages[i].n_marks && !o.failed; k++)
            if (d->pages[i].marks[k].kind == MARK_TEXT)
                ofd_text(&o, &d->pages[i].marks[k], true);
    bool ok = !o.failed;
    for (size_t i = 0; ok && i < ofd_fonts_count(o.fonts); i++) {
        void *data = NULL;
        size_t len = 0;
        ok = ofd_fonts_cut(o.fonts, i, &data, &len, path, dl);
        char name[64];
        snprintf(name, sizeof name, "Doc_0/Res/font_%u.otf", ofd_fonts_info(o.fonts, i)->id);
        if (ok)
            x_add_part(&o, name, data, len);
        free(data);
    }
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
    void *zip = NULL;
    size_t zip_len = 0;
    const char *why = NULL;
    if (ok && !ofd_zip(o.parts, o.n_parts, creation_date, &zip, &zip_len, &why)) {
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
