/* render: see include/render/render.h. */
#include "render/render.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/atomic_file.h"
#include "base/i18n.h"
#include "render/pdfpost.h"
#include "base/strbuf.h"
#include "render/ofd.h"

/* Fills the current path with a hatch pattern in the mark's hatch colour. */
static void draw_hatch(cairo_t *cr, const mark_paint *pt)
{
    if (pt->hatch == HATCH_NONE)
        return;
    double x1, y1, x2, y2;
    cairo_save(cr);
    cairo_clip_preserve(cr);
    cairo_clip_extents(cr, &x1, &y1, &x2, &y2);
    cairo_new_path(cr);
    cairo_set_source_rgb(cr, pt->hatch_color.r, pt->hatch_color.g, pt->hatch_color.b);
    cairo_set_line_width(cr, 0.7);
    const double gap = 3.2;
    double span = (x2 - x1) + (y2 - y1);
    switch (pt->hatch) {
    case HATCH_DIAGONAL:
    case HATCH_CROSS:
    case HATCH_BACK:
        for (double d = -span; d <= span; d += gap) {
            if (pt->hatch != HATCH_BACK) {
                cairo_move_to(cr, x1 + d, y2);
                cairo_line_to(cr, x1 + d + (y2 - y1), y1);
            }
            if (pt->hatch != HATCH_DIAGONAL) {
                cairo_move_to(cr, x1 + d, y1);
                cairo_line_to(cr, x1 + d + (y2 - y1), y2);
            }
        }
        cairo_stroke(cr);
        break;
    case HATCH_DOTS:
        for (double y = y1 + gap / 2; y < y2; y += gap)
            for (double x = x1 + gap / 2; x < x2; x += gap) {
                cairo_new_sub_path(cr);
                cairo_arc(cr, x, y, 0.55, 0, 2 * M_PI);
            }
        cairo_fill(cr);
        break;
    case HATCH_NONE: break;
    }
    cairo_restore(cr);
}

/* Fills and strokes the current path as the paint says, hatch included. */
static void paint_path(cairo_t *cr, const mark_paint *pt)
{
    if (pt->filled) {
        cairo_set_source_rgb(cr, pt->fill.r, pt->fill.g, pt->fill.b);
        cairo_fill_preserve(cr);
        draw_hatch(cr, pt);
    }
    if (pt->stroked) {
        cairo_set_source_rgb(cr, pt->stroke.r, pt->stroke.g, pt->stroke.b);
        cairo_set_line_width(cr, pt->line_width);
        if (pt->dash > 0) {
            double d[2] = {pt->dash, pt->dash * 0.6};
            cairo_set_dash(cr, d, 2, 0);
        }
        cairo_stroke_preserve(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
    cairo_new_path(cr);
}

static void marker_path(cairo_t *cr, const mark *m)
{
    double r = m->w / 2;
    switch (m->shape) {
    case SHAPE_CIRCLE: cairo_arc(cr, m->x, m->y, r, 0, 2 * M_PI); break;
    case SHAPE_SQUARE: cairo_rectangle(cr, m->x - r * 0.9, m->y - r * 0.9, r * 1.8, r * 1.8); break;
    case SHAPE_TRIANGLE:
        cairo_move_to(cr, m->x, m->y - r * 1.15);
        cairo_line_to(cr, m->x + r * 1.05, m->y + r * 0.75);
        cairo_line_to(cr, m->x - r * 1.05, m->y + r * 0.75);
        cairo_close_path(cr);
        break;
    case SHAPE_DIAMOND:
        cairo_move_to(cr, m->x, m->y - r * 1.2);
        cairo_line_to(cr, m->x + r * 1.2, m->y);
        cairo_line_to(cr, m->x, m->y + r * 1.2);
        cairo_line_to(cr, m->x - r * 1.2, m->y);
        cairo_close_path(cr);
        break;
    }
}

/* The name of destination i in the PDF: "p3_120" is page 3 at y = 120. */
static void dest_name(const doc *d, size_t i, char *buf, size_t n)
{
    if (i < d->n_dests)
        snprintf(buf, n, "p%zu_%.0f", d->dests[i].page + 1, d->dests[i].y);
    else
        snprintf(buf, n, "none");
}

/* Counts web links as they are drawn: link i gets placeholder i. */
typedef struct link_counter {
    size_t next_uri;
} link_counter;

static void draw_page(cairo_t *cr, const doc *d, const doc_page *p, link_counter *lk)
{
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (size_t i = 0; i < p->n_marks; i++) {
        const mark *m = &p->marks[i];
        /* Drawing text leaves a current point; a path must not start from it. */
        cairo_new_path(cr);
        switch (m->kind) {
        case MARK_RECT:
            cairo_rectangle(cr, m->x, m->y, m->w, m->h);
            paint_path(cr, &m->paint);
            break;
        case MARK_LINE:
            cairo_move_to(cr, m->x, m->y);
            cairo_line_to(cr, m->x + m->w, m->y + m->h);
            paint_path(cr, &m->paint);
            break;
        case MARK_POLYLINE:
            for (size_t k = 0; k < m->n_points; k++)
                (k ? cairo_line_to : cairo_move_to)(cr, m->points[2 * k], m->points[2 * k + 1]);
            paint_path(cr, &m->paint);
            break;
        case MARK_MARKER:
            marker_path(cr, m);
            paint_path(cr, &m->paint);
            break;
        case MARK_ARC: {
            /* Angles run clockwise from 12 o'clock; cairo's from 3 o'clock. */
            double a0 = m->a0 - M_PI / 2, a1 = m->a1 - M_PI / 2;
            cairo_arc(cr, m->x, m->y, m->w, a0, a1);
            cairo_arc_negative(cr, m->x, m->y, m->h, a1, a0);
            cairo_close_path(cr);
            paint_path(cr, &m->paint);
            break;
        }
        case MARK_TEXT:
            cairo_set_source_rgb(cr, m->paint.fill.r, m->paint.fill.g, m->paint.fill.b);
            if (m->a0 != 0) {
                cairo_save(cr);
                cairo_translate(cr, m->x, m->y);
                cairo_rotate(cr, m->a0);
                text_draw(m->txt, cr, 0, 0);
                cairo_restore(cr);
            } else if (m->n_lines > 0) {
                text_draw_lines(m->txt, cr, m->x, m->y, m->first_line, m->n_lines);
            } else {
                text_draw(m->txt, cr, m->x, m->y);
            }
            break;
        case MARK_LINK: {
            /* Surfaces without links (PNG) ignore tags. A web link gets a
             * placeholder that the archive pass replaces by the address
             * (cairo 1.16 writes it unescaped); an internal link goes
             * through a named destination: cairo 1.16 writes no destination
             * for "page=N pos=[…]" when page N comes later in the file. */
            char attrs[160];
            if (m->uri) {
                snprintf(attrs, sizeof attrs, "rect=[%.2f %.2f %.2f %.2f] uri='%s%zu'", m->x, m->y,
                         m->w, m->h, PDFPOST_URI_PLACEHOLDER, lk ? lk->next_uri : 0);
                if (lk)
                    lk->next_uri++;
            } else {
                char name[64];
                dest_name(d, m->dest, name, sizeof name);
                snprintf(attrs, sizeof attrs, "rect=[%.2f %.2f %.2f %.2f] dest='%s'", m->x, m->y,
                         m->w, m->h, name);
            }
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
            cairo_tag_end(cr, CAIRO_TAG_LINK);
            break;
        }
        case MARK_TAG_BEGIN: cairo_tag_begin(cr, m->tag, NULL); break;
        case MARK_TAG_END: {
            /* cairo wants the name again: find the matching begin. */
            int depth = 0;
            for (size_t k = i; k-- > 0;) {
                if (p->marks[k].kind == MARK_TAG_END)
                    depth++;
                else if (p->marks[k].kind == MARK_TAG_BEGIN && depth-- == 0) {
                    cairo_tag_end(cr, p->marks[k].tag);
                    break;
                }
            }
            break;
        }
        }
    }
}

/* The slug: paper beyond the bleed that carries the crop marks and is cut
 * away with the bleed. 10 mm holds marks of 6 mm clear of both. */
#define SLUG (10 * 72 / 25.4)

/* Crop marks for a print shop: at each corner of the trimmed page w × h, a
 * line on the line of each trim edge, in the slug: from the bleed's outer
 * edge plus a millimetre outwards, so no mark prints in the bleed (where
 * the band runs) or shows when the sheet is trimmed a little off. The
 * origin is the trim's top-left corner. */
static void draw_crop_marks(cairo_t *cr, double w, double h, double bleed)
{
    double from = bleed + 72 / 25.4, to = bleed + SLUG - 72 / 25.4;
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.25);
    double xs[2] = {0, w}, ys[2] = {0, h};
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < 2; k++) {
            double x = xs[i], y = ys[k];
            double dx = i ? 1 : -1, dy = k ? 1 : -1;
            cairo_move_to(cr, x + dx * from, y);
            cairo_line_to(cr, x + dx * to, y);
            cairo_move_to(cr, x, y + dy * from);
            cairo_line_to(cr, x, y + dy * to);
        }
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* The named destinations on page (0-based) that internal links point at;
 * the document holds each place once, so each name is written once. */
static void draw_destinations(cairo_t *cr, const doc *d, size_t page, double k, double edge)
{
    /* cairo places destinations in page space, whatever the CTM: the
     * paper's enlargement and the bleed's edge are applied here. */
    for (size_t i = 0; i < d->n_dests; i++) {
        if (d->dests[i].page != page)
            continue;
        char name[64], attrs[128];
        dest_name(d, i, name, sizeof name);
        snprintf(attrs, sizeof attrs, "name='%s' x=%.2f y=%.2f", name, edge,
                 d->dests[i].y * k + edge);
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs);
        cairo_tag_end(cr, CAIRO_TAG_DEST);
    }
}

static cairo_status_t write_to_file(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, (FILE *)closure) == len ? CAIRO_STATUS_SUCCESS
                                                        : CAIRO_STATUS_WRITE_ERROR;
}

char *render_page_path(const char *out_path, size_t page)
{
    const char *slash = strrchr(out_path, '/');
    const char *dot = strrchr(out_path, '.');
    char *path = NULL;
    int made = !dot || (slash && dot < slash)
                   ? asprintf(&path, "%s-%zu", out_path, page)
                   : asprintf(&path, "%.*s-%zu%s", (int)(dot - out_path), out_path, page, dot);
    return made < 0 ? NULL : path;
}

/* Finishes surface and cr, and reports a drawing error. */
static bool finish(cairo_surface_t *surface, cairo_t *cr, const char *path, diag_list *dl)
{
    cairo_status_t st = cr ? cairo_status(cr) : CAIRO_STATUS_SUCCESS;
    if (cr)
        cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS) {
        diag_error(dl, path, _("cannot draw: %s"), cairo_status_to_string(st));
        return false;
    }
    return true;
}

/* How much the doc's pages are enlarged to fill the paper: A4 to A3 is
 * 1.414 (the lesser of the two sides' ratios, which differ by 0.01 %: the
 * page keeps its proportions, 0.03 mm more margin on the right). */
static double paper_scale(const doc *d, const render_opts *o)
{
    if (o->paper_w <= 0 || o->paper_h <= 0)
        return 1;
    return fmin(o->paper_w / d->width, o->paper_h / d->height);
}

/* With bleed, the sheet is trim + bleed + slug on every side: the page's
 * content (the band) runs to the bleed's edge, the crop marks stand in the
 * slug; the archive pass writes TrimBox (MediaBox inset by bleed + slug)
 * and BleedBox (inset by the slug). */
static double bleed_edge(const render_opts *o)
{
    return o->bleed > 0 ? o->bleed + SLUG : 0;
}

/* Draws d with cairo as a tagged PDF into out (memory). */
static bool draw_pdf(const doc *d, const render_opts *o, FILE *out, const char *path, diag_list *dl)
{
    double b = o->bleed, edge = bleed_edge(o), k = paper_scale(d, o);
    double w = o->paper_w > 0 ? o->paper_w : d->width, /* the trimmed page */
        h = o->paper_h > 0 ? o->paper_h : d->height;
    cairo_surface_t *surface =
        cairo_pdf_surface_create_for_stream(write_to_file, out, w + 2 * edge, h + 2 * edge);
    cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
    /* The document's description is written by the archive pass, in Info
     * and XMP alike; cairo's own would be replaced anyway. */
    cairo_t *cr = cairo_create(surface);
    cairo_tag_begin(cr, "Document", NULL);
    size_t next_outline = 0;
    int parents[4] = {CAIRO_PDF_OUTLINE_ROOT, 0, 0, 0};
    link_counter links = {0};
    for (size_t i = 0; i < d->n_pages; i++) {
        cairo_save(cr);
        if (b > 0) {
            cairo_translate(cr, edge, edge);
            draw_crop_marks(cr, w, h, b);
            cairo_rectangle(cr, -b, -b, w + 2 * b, h + 2 * b);
            cairo_clip(cr);
        }
        cairo_scale(cr, k, k);
        draw_page(cr, d, &d->pages[i], &links);
        draw_destinations(cr, d, i, k, edge);
        cairo_restore(cr);
        /* Bookmarks are added as their pages are drawn, in order. */
        for (; next_outline < d->n_outline && d->outline[next_outline].page == i; next_outline++) {
            const doc_outline *ol = &d->outline[next_outline];
            strbuf link = {0};
            sb_printf(&link, "page=%zu pos=[0 %.2f]", ol->page + 1, ol->y * k + edge);
            int level = ol->level < 1 ? 1 : ol->level > 3 ? 3 : ol->level;
            parents[level] = cairo_pdf_surface_add_outline(surface, parents[level - 1], ol->title,
                                                           sb_str(&link), 0);
            sb_free(&link);
        }
        cairo_show_page(cr);
    }
    cairo_tag_end(cr, "Document");
    return finish(surface, cr, path, dl);
}

/* What the archive pass needs from d: the figures' descriptions and the web
 * addresses, both in the order draw_page meets them. */
static bool archive_job(const doc *d, const render_opts *o, pdfpost_job *job)
{
    size_t n_alts = 0, n_uris = 0;
    for (size_t i = 0; i < d->n_pages; i++)
        for (size_t k = 0; k < d->pages[i].n_marks; k++) {
            const mark *m = &d->pages[i].marks[k];
            n_alts += m->kind == MARK_TAG_BEGIN && strcmp(m->tag, "Figure") == 0;
            n_uris += m->kind == MARK_LINK && m->uri;
        }
    const char **alts = calloc(n_alts + 1, sizeof *alts);
    const char **uris = calloc(n_uris + 1, sizeof *uris);
    if (!alts || !uris) {
        free(alts);
        free(uris);
        return false;
    }
    n_alts = n_uris = 0;
    for (size_t i = 0; i < d->n_pages; i++)
        for (size_t k = 0; k < d->pages[i].n_marks; k++) {
            const mark *m = &d->pages[i].marks[k];
            if (m->kind == MARK_TAG_BEGIN && strcmp(m->tag, "Figure") == 0)
                alts[n_alts++] = m->alt;
            else if (m->kind == MARK_LINK && m->uri)
                uris[n_uris++] = m->uri;
        }
    *job = (pdfpost_job){.title = d->title,
                         .author = d->author,
                         .subject = d->subject,
                         .keywords = d->keywords,
                         .creator = o->creator,
                         .date = o->creation_date,
                         .lang = "zh-CN",
                         .alts = alts,
                         .n_alts = n_alts,
                         .uris = uris,
                         .n_uris = n_uris,
                         .page_labels = (const char *const *)d->page_labels,
                         .n_pages = d->n_pages,
                         .trim_inset = bleed_edge(o),
                         .bleed = o->bleed};
    return true;
}

/* cairo draws into memory; the archive pass reads that and writes the
 * temporary file, which is renamed into place only when both succeeded. */
static bool render_pdf(const doc *d, const render_opts *o, const char *path, diag_list *dl)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) {
        diag_error(dl, path, "%s", _("out of memory"));
        return false;
    }
    bool ok = draw_pdf(d, o, mem, path, dl);
    if (fclose(mem) != 0 && ok) {
        diag_error(dl, path, "%s", _("out of memory"));
        ok = false;
    }
    pdfpost_job job = {0};
    if (ok && !archive_job(d, o, &job)) {
        diag_error(dl, path, "%s", _("out of memory"));
        ok = false;
    }
    atomic_file af;
    if (ok && atomic_file_open(&af, path, dl)) {
        if (pdfpost_run(&job, (const unsigned char *)buf, len, af.fp, path, dl))
            ok = atomic_file_commit(&af, dl);
        else {
            atomic_file_abort(&af);
            ok = false;
        }
    } else {
        ok = false;
    }
    free((void *)job.alts);
    free((void *)job.uris);
    free(buf);
    return ok;
}

/* Draws page p as a PNG into out. */
static bool render_png_page(const doc *d, const doc_page *p, double dpi, double scale, FILE *out,
                            const char *path, diag_list *dl)
{
    double k = dpi / 72.0 * scale;
    int w = (int)(d->width * k + 0.5), h = (int)(d->height * k + 0.5);
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, k, k);
    draw_page(cr, d, p, NULL);
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_write_to_png_stream(surface, write_to_file, out);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS) {
        diag_error(dl, path, _("cannot draw: %s"), cairo_status_to_string(st));
        return false;
    }
    return true;
}

/* Draws page p as an SVG into out. */
static bool render_svg_page(const doc *d, const doc_page *p, double scale, FILE *out,
                            const char *path, diag_list *dl)
{
    cairo_surface_t *surface = cairo_svg_surface_create_for_stream(
        write_to_file, out, d->width * scale, d->height * scale);
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    draw_page(cr, d, p, NULL);
    return finish(surface, cr, path, dl);
}

/* PNG and SVG write one file per page. Every page is drawn into memory
 * first, so a failure leaves the old files as they were; then each is
 * written through a temporary file, and pages of an earlier, longer render
 * (NAME-4.png when the sheet now has 3 pages) are removed: the folder never
 * mixes two renders. */
static bool render_pages(const doc *d, const render_opts *o, const char *out_path, diag_list *dl)
{
    size_t n = d->n_pages;
    char **bufs = calloc(n ? n : 1, sizeof *bufs);
    size_t *lens = calloc(n ? n : 1, sizeof *lens);
    bool ok = bufs && lens;
    if (!ok)
        diag_error(dl, out_path, "%s", _("out of memory"));
    for (size_t i = 0; ok && i < n; i++) {
        char *path = render_page_path(out_path, i + 1);
        FILE *mem = path ? open_memstream(&bufs[i], &lens[i]) : NULL;
        if (!mem) {
            diag_error(dl, path ? path : out_path, "%s", _("out of memory"));
            free(path);
            ok = false;
            break;
        }
        double scale = paper_scale(d, o);
        ok = o->format == FORMAT_PNG
                 ? render_png_page(d, &d->pages[i], o->dpi, scale, mem, path, dl)
                 : render_svg_page(d, &d->pages[i], scale, mem, path, dl);
        if (fclose(mem) != 0 && ok) {
            diag_error(dl, path, "%s", _("out of memory"));
            ok = false;
        }
        free(path);
    }
    for (size_t i = 0; ok && i < n; i++) {
        char *path = render_page_path(out_path, i + 1);
        if (!path) {
            diag_error(dl, out_path, "%s", _("out of memory"));
            ok = false;
            break;
        }
        atomic_file af;
        ok = atomic_file_open(&af, path, dl);
        if (ok && fwrite(bufs[i], 1, lens[i], af.fp) != lens[i]) {
            diag_error(dl, path, _("cannot write: %s"), strerror(errno));
            atomic_file_abort(&af);
            ok = false;
        } else if (ok) {
            ok = atomic_file_commit(&af, dl);
        }
        free(path);
    }
    for (size_t k = n + 1; ok; k++) {
        char *path = render_page_path(out_path, k);
        bool removed = path && unlink(path) == 0;
        free(path);
        if (!removed)
            break; /* no such earlier page: done */
    }
    for (size_t i = 0; bufs && i < n; i++)
        free(bufs[i]);
    free(bufs);
    free(lens);
    return ok;
}

bool render_doc(const doc *d, const render_opts *o, const char *out_path, diag_list *dl)
{
    if (o->format == FORMAT_PDF)
        return render_pdf(d, o, out_path, dl);
    if (o->format == FORMAT_OFD)
        return ofd_write(d, o->paper_w, o->paper_h, paper_scale(d, o), o->creation_date, o->creator,
                         out_path, dl);
    return render_pages(d, o, out_path, dl);
}
