/* render: see include/render/render.h. */
#include "render/render.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <stdio.h>
#include <string.h>

#include "base/atomic_file.h"
#include "base/i18n.h"

static void draw_page(cairo_t *cr, const doc_page *p)
{
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (size_t i = 0; i < p->n_marks; i++) {
        const mark *m = &p->marks[i];
        switch (m->kind) {
        case MARK_RECT:
            cairo_set_source_rgb(cr, m->fill.r, m->fill.g, m->fill.b);
            cairo_rectangle(cr, m->x, m->y, m->w, m->h);
            cairo_fill(cr);
            break;
        case MARK_LINE:
            cairo_set_source_rgb(cr, m->stroke.r, m->stroke.g, m->stroke.b);
            cairo_set_line_width(cr, m->line_width);
            cairo_move_to(cr, m->x, m->y);
            cairo_line_to(cr, m->x + m->w, m->y + m->h);
            cairo_stroke(cr);
            break;
        case MARK_TEXT:
            cairo_set_source_rgb(cr, m->fill.r, m->fill.g, m->fill.b);
            text_draw(m->txt, cr, m->x, m->y);
            break;
        }
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
    cairo_surface_t *surface =
        cairo_pdf_surface_create_for_stream(write_to_file, af.fp, d->width, d->height);
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
    for (size_t i = 0; i < d->n_pages; i++) {
        draw_page(cr, &d->pages[i]);
        cairo_show_page(cr);
    }
    if (!finish(surface, cr, path, dl)) {
        atomic_file_abort(&af);
        return false;
    }
    return atomic_file_commit(&af, dl);
}

static bool render_png_page(const doc *d, const doc_page *p, double dpi, const char *path,
                            diag_list *dl)
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
    if (st != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        diag_error(dl, path, _("cannot draw: %s"), cairo_status_to_string(st));
        return false;
    }
    atomic_file af;
    if (!atomic_file_open(&af, path, dl)) {
        cairo_surface_destroy(surface);
        return false;
    }
    st = cairo_surface_write_to_png_stream(surface, write_to_file, af.fp);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS) {
        diag_error(dl, path, _("cannot write: %s"), cairo_status_to_string(st));
        atomic_file_abort(&af);
        return false;
    }
    return atomic_file_commit(&af, dl);
}

static bool render_svg_page(const doc *d, const doc_page *p, const char *path, diag_list *dl)
{
    atomic_file af;
    if (!atomic_file_open(&af, path, dl))
        return false;
    cairo_surface_t *surface =
        cairo_svg_surface_create_for_stream(write_to_file, af.fp, d->width, d->height);
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    cairo_t *cr = cairo_create(surface);
    draw_page(cr, p);
    if (!finish(surface, cr, path, dl)) {
        atomic_file_abort(&af);
        return false;
    }
    return atomic_file_commit(&af, dl);
}

bool render_doc(const doc *d, const render_opts *o, const char *out_path, diag_list *dl)
{
    if (o->format == FORMAT_PDF)
        return render_pdf(d, o, out_path, dl);
    for (size_t i = 0; i < d->n_pages; i++) {
        char path[4096];
        render_page_path(out_path, i + 1, path, sizeof path);
        bool ok = o->format == FORMAT_PNG ? render_png_page(d, &d->pages[i], o->dpi, path, dl)
                                          : render_svg_page(d, &d->pages[i], path, dl);
        if (!ok)
            return false;
    }
    return true;
}
