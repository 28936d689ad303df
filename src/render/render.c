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

static void draw_page(cairo_t *cr, const doc_page *p)
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
            /* Surfaces without links (PNG) ignore tags. An internal link goes
             * through a named destination: cairo 1.16 writes no destination
             * for "page=N pos=[…]" when page N comes later in the file. */
            char attrs[512];
            size_t page;
            double y;
            if (sscanf(m->attrs, "page=%zu pos=[0 %lf]", &page, &y) == 2)
                snprintf(attrs, sizeof attrs, "rect=[%.2f %.2f %.2f %.2f] dest='p%zu_%.0f'", m->x,
                         m->y, m->w, m->h, page, y);
            else
                snprintf(attrs, sizeof attrs, "rect=[%.2f %.2f %.2f %.2f] %s", m->x, m->y, m->w,
                         m->h, m->attrs);
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
            cairo_tag_end(cr, CAIRO_TAG_LINK);
            break;
        }
        case MARK_TAG_BEGIN: cairo_tag_begin(cr, m->attrs, NULL); break;
        case MARK_TAG_END: {
            /* cairo wants the name again: find the matching begin. */
            int depth = 0;
            for (size_t k = i; k-- > 0;) {
                if (p->marks[k].kind == MARK_TAG_END)
                    depth++;
                else if (p->marks[k].kind == MARK_TAG_BEGIN && depth-- == 0) {
                    cairo_tag_end(cr, p->marks[k].attrs);
                    break;
                }
            }
            break;
        }
        }
    }
}

/* Crop marks for a print shop: thin lines at each corner of the trimmed
 * page, in the bleed, stopping short of the trim so none shows on paper. */
static void draw_crop_marks(cairo_t *cr, double w, double h, double bleed)
{
    double gap = fmin(3 * 72 / 25.4, bleed / 2); /* 3 mm off the trim edge */
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.25);
    double xs[2] = {bleed, bleed + w}, ys[2] = {bleed, bleed + h};
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < 2; k++) {
            double x = xs[i], y = ys[k];
            double dx = i ? 1 : -1, dy = k ? 1 : -1;
            cairo_move_to(cr, x + dx * gap, y);
            cairo_line_to(cr, x + dx * bleed, y);
            cairo_move_to(cr, x, y + dy * gap);
            cairo_line_to(cr, x, y + dy * bleed);
        }
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* The named destinations on page (1-based) that internal links and the
 * outline point at: "p3_120" is page 3 at y = 120. */
static void draw_destinations(cairo_t *cr, const doc *d, size_t page)
{
    for (size_t i = 0; i < d->n_pages; i++)
        for (size_t k = 0; k < d->pages[i].n_marks; k++) {
            const mark *m = &d->pages[i].marks[k];
            size_t target;
            double y;
            if (m->kind != MARK_LINK || sscanf(m->attrs, "page=%zu pos=[0 %lf]", &target, &y) != 2 ||
                target != page)
                continue;
            char attrs[96];
            snprintf(attrs, sizeof attrs, "name='p%zu_%.0f' x=0 y=%.2f", target, y, y);
            cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs);
            cairo_tag_end(cr, CAIRO_TAG_DEST);
        }
}

static cairo_status_t write_to_file(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, (FILE *)closure) == len ? CAIRO_STATUS_SUCCESS
                                                          : CAIRO_STATUS_WRITE_ERROR;
}

void render_page_path(const char *out_path, size_t page, char *buf, size_t n)
{
    const char *slash = strrchr(out_path, '/');
    const char *dot = strrchr(out_path, '.');
    if (!dot || (slash && dot < slash))
        snprintf(buf, n, "%s-%zu", out_path, page);
    else
        snprintf(buf, n, "%.*s-%zu%s", (int)(dot - out_path), out_path, page, dot);
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

static bool render_pdf(const doc *d, const render_opts *o, const char *path, diag_list *dl)
{
    atomic_file af;
    if (!atomic_file_open(&af, path, dl))
        return false;
    double b = o->bleed;
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(
        write_to_file, af.fp, d->width + 2 * b, d->height + 2 * b);
    cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
    if (d->title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, d->title);
    if (d->author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, d->author);
    if (d->subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, d->subject);
    if (d->keywords)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, d->keywords);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, o->creator);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, o->creation_date);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, o->creation_date);
    cairo_t *cr = cairo_create(surface);
    cairo_tag_begin(cr, "Document", NULL);
    size_t next_outline = 0;
    int parents[4] = {CAIRO_PDF_OUTLINE_ROOT, 0, 0, 0};
    for (size_t i = 0; i < d->n_pages; i++) {
        if (b > 0) {
            draw_crop_marks(cr, d->width, d->height, b);
            cairo_save(cr);
            cairo_translate(cr, b, b);
        }
        /* Page labels (doc.page_labels) are not written: cairo 1.16 emits an
         * empty /PageLabels number tree whatever it is given (checked with
         * qpdf), which some viewers read as "no labels". Viewers then number
         * pages 1..N, which is what the sheets print. */
        draw_page(cr, &d->pages[i]);
        draw_destinations(cr, d, i + 1);
        if (b > 0)
            cairo_restore(cr);
        /* Bookmarks are added as their pages are drawn, in order. */
        for (; next_outline < d->n_outline && d->outline[next_outline].page == i; next_outline++) {
            const doc_outline *ol = &d->outline[next_outline];
            char link[96];
            snprintf(link, sizeof link, "page=%zu pos=[0 %.2f]", ol->page + 1, ol->y);
            int level = ol->level < 1 ? 1 : ol->level > 3 ? 3 : ol->level;
            parents[level] = cairo_pdf_surface_add_outline(surface, parents[level - 1], ol->title,
                                                           link, 0);
        }
        cairo_show_page(cr);
    }
    cairo_tag_end(cr, "Document");
    if (!finish(surface, cr, path, dl)) {
        atomic_file_abort(&af);
        return false;
    }
    return atomic_file_commit(&af, dl);
}

/* Draws page p as a PNG into out. */
static bool render_png_page(const doc *d, const doc_page *p, double dpi, FILE *out,
                            const char *path, diag_list *dl)
{
    double k = dpi / 72.0;
    int w = (int)(d->width * k + 0.5), h = (int)(d->height * k + 0.5);
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, k, k);
    draw_page(cr, p);
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
static bool render_svg_page(const doc *d, const doc_page *p, FILE *out, const char *path,
                            diag_list *dl)
{
    cairo_surface_t *surface =
        cairo_svg_surface_create_for_stream(write_to_file, out, d->width, d->height);
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    cairo_t *cr = cairo_create(surface);
    draw_page(cr, p);
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
        char path[4096];
        render_page_path(out_path, i + 1, path, sizeof path);
        FILE *mem = open_memstream(&bufs[i], &lens[i]);
        if (!mem) {
            diag_error(dl, path, "%s", _("out of memory"));
            ok = false;
            break;
        }
        ok = o->format == FORMAT_PNG ? render_png_page(d, &d->pages[i], o->dpi, mem, path, dl)
                                     : render_svg_page(d, &d->pages[i], mem, path, dl);
        if (fclose(mem) != 0 && ok) {
            diag_error(dl, path, "%s", _("out of memory"));
            ok = false;
        }
    }
    for (size_t i = 0; ok && i < n; i++) {
        char path[4096];
        render_page_path(out_path, i + 1, path, sizeof path);
        atomic_file af;
        ok = atomic_file_open(&af, path, dl);
        if (ok && fwrite(bufs[i], 1, lens[i], af.fp) != lens[i]) {
            diag_error(dl, path, _("cannot write: %s"), strerror(errno));
            atomic_file_abort(&af);
            ok = false;
        } else if (ok) {
            ok = atomic_file_commit(&af, dl);
        }
    }
    for (size_t k = n + 1; ok; k++) {
        char path[4096];
        render_page_path(out_path, k, path, sizeof path);
        if (unlink(path) != 0)
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
        return ofd_write(d, o->creation_date, o->creator, out_path, dl);
    return render_pages(d, o, out_path, dl);
}
