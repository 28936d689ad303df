/* doc: see include/layout/doc.h. */
#include "layout/doc.h"

#include <math.h>

#include "layout/style.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

doc *doc_new(double width, double height)
{
    doc *d = calloc(1, sizeof *d);
    if (d) {
        d->width = width;
        d->height = height;
    }
    return d;
}

void doc_free(doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_pages; i++) {
        doc_page *p = &d->pages[i];
        for (size_t k = 0; k < p->n_marks; k++)
            mark_release(&p->marks[k]);
        free(p->marks);
    }
    for (size_t i = 0; i < d->n_outline; i++)
        free(d->outline[i].title);
    free(d->outline);
    free(d->dests);
    if (d->page_labels)
        for (size_t i = 0; i < d->n_pages; i++)
            free(d->page_labels[i]);
    free(d->page_labels);
    free(d->pages);
    free(d);
}

doc_page *doc_add_page(doc *d)
{
    if (d->n_pages == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 4;
        doc_page *pages = realloc(d->pages, cap * sizeof *pages);
        if (!pages)
            return NULL;
        d->pages = pages;
        if (d->page_labels) {
            char **labels = realloc(d->page_labels, cap * sizeof *labels);
            if (!labels)
                return NULL;
            for (size_t i = d->cap; i < cap; i++)
                labels[i] = NULL;
            d->page_labels = labels;
        }
        d->cap = cap;
    }
    doc_page *p = &d->pages[d->n_pages++];
    *p = (doc_page){0};
    return p;
}

static mark *page_push(doc_page *p)
{
    if (p->n_marks == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        mark *marks = realloc(p->marks, cap * sizeof *marks);
        if (!marks)
            return NULL;
        p->marks = marks;
        p->cap = cap;
    }
    mark *m = &p->marks[p->n_marks++];
    *m = (mark){0};
    return m;
}

bool page_add_rect(doc_page *p, double x, double y, double w, double h, rgb fill)
{
    mark *m = page_push(p);
    if (!m)
        return false;
    *m = (mark){.kind = MARK_RECT, .x = x, .y = y, .w = w, .h = h};
    m->paint.fill = fill;
    m->paint.filled = true;
    return true;
}

bool page_add_line(doc_page *p, double x1, double y1, double x2, double y2, rgb stroke,
                   double width)
{
    mark *m = page_push(p);
    if (!m)
        return false;
    *m = (mark){.kind = MARK_LINE, .x = x1, .y = y1, .w = x2 - x1, .h = y2 - y1};
    m->paint.stroke = stroke;
    m->paint.stroked = true;
    m->paint.line_width = width;
    return true;
}

rgb page_text_color(rgb color)
{
    return style_luminance(color) > 0.5 ? (rgb){1, 1, 1} : (rgb){0, 0, 0};
}

bool page_add_text(doc_page *p, text *t, double x, double y, rgb color)
{
    return page_add_text_tinted(p, t, x, y, page_text_color(color));
}

bool page_add_text_tinted(doc_page *p, text *t, double x, double y, rgb color)
{
    mark *m = page_push(p);
    if (!m) {
        text_free(t);
        return false;
    }
    *m = (mark){
        .kind = MARK_TEXT, .x = x, .y = y, .w = text_width(t), .h = text_height(t), .txt = t};
    m->paint.fill = color;
    m->paint.filled = true;
    return true;
}

bool page_add_mark(doc_page *p, const mark *src)
{
    mark *m = page_push(p);
    if (!m) {
        mark copy = *src;
        mark_release(&copy);
        return false;
    }
    *m = *src;
    return true;
}

void mark_release(mark *m)
{
    if (m->kind == MARK_TEXT)
        text_free(m->txt);
    free(m->points);
    free(m->uri);
    free(m->tag);
    free(m->alt);
    mark_disown(m);
}

void mark_disown(mark *m)
{
    m->txt = NULL;
    m->points = NULL;
    m->uri = m->tag = m->alt = NULL;
}

/* A copy of s, or NULL when s is NULL; *ok turns false when out of memory. */
static char *dup_or_null(const char *s, bool *ok)
{
    char *c = s ? strdup(s) : NULL;
    if (s && !c)
        *ok = false;
    return c;
}

bool mark_copy(const mark *m, mark *out)
{
    *out = *m;
    mark_disown(out);
    bool ok = true;
    if (m->kind == MARK_TEXT)
        out->txt = text_ref(m->txt);
    if (m->n_points) {
        out->points = malloc(2 * m->n_points * sizeof *out->points);
        if (out->points)
            memcpy(out->points, m->points, 2 * m->n_points * sizeof *out->points);
        else
            ok = false;
    }
    out->uri = dup_or_null(m->uri, &ok);
    out->tag = dup_or_null(m->tag, &ok);
    out->alt = dup_or_null(m->alt, &ok);
    if (!ok)
        mark_release(out);
    return ok;
}

bool page_add_uri_link(doc_page *p, double x, double y, double w, double h, const char *uri)
{
    mark m = {.kind = MARK_LINK, .x = x, .y = y, .w = w, .h = h, .uri = strdup(uri)};
    return m.uri && page_add_mark(p, &m);
}

bool doc_add_dest(doc *d, size_t page, double y, size_t *index)
{
    /* Whole points: a finer difference is no different place to a reader,
     * and the name ("p3_120") is made from these two numbers. */
    y = round(y);
    for (size_t i = 0; i < d->n_dests; i++)
        if (d->dests[i].page == page && d->dests[i].y == y) {
            *index = i;
            return true;
        }
    if (d->n_dests == d->cap_dests) {
        size_t cap = d->cap_dests ? d->cap_dests * 2 : 16;
        doc_dest *dests = realloc(d->dests, cap * sizeof *dests);
        if (!dests)
            return false;
        d->dests = dests;
        d->cap_dests = cap;
    }
    d->dests[d->n_dests] = (doc_dest){.page = page, .y = y};
    *index = d->n_dests++;
    return true;
}

bool doc_add_page_link(doc *d, doc_page *p, double x, double y, double w, double h, size_t page,
                       double ty)
{
    mark m = {.kind = MARK_LINK, .x = x, .y = y, .w = w, .h = h};
    return doc_add_dest(d, page, ty, &m.dest) && page_add_mark(p, &m);
}

bool page_add_tag_alt(doc_page *p, const char *name, const char *alt)
{
    bool ok = true;
    mark m = {.kind = MARK_TAG_BEGIN, .tag = dup_or_null(name, &ok), .alt = dup_or_null(alt, &ok)};
    if (!ok || !m.tag) {
        mark_release(&m);
        return false;
    }
    return page_add_mark(p, &m);
}

bool page_add_tag(doc_page *p, const char *name)
{
    return page_add_tag_alt(p, name, NULL);
}

bool page_add_tag_end(doc_page *p)
{
    mark m = {.kind = MARK_TAG_END};
    return page_add_mark(p, &m);
}

bool doc_add_outline(doc *d, const char *title, int level, size_t page, double y)
{
    if (d->n_outline == d->cap_outline) {
        size_t cap = d->cap_outline ? d->cap_outline * 2 : 16;
        doc_outline *o = realloc(d->outline, cap * sizeof *o);
        if (!o)
            return false;
        d->outline = o;
        d->cap_outline = cap;
    }
    char *t = strdup(title);
    if (!t)
        return false;
    d->outline[d->n_outline++] = (doc_outline){.title = t, .level = level, .page = page, .y = y};
    return true;
}

bool doc_set_page_label(doc *d, size_t page, const char *label)
{
    if (!d->page_labels) {
        d->page_labels = calloc(d->cap ? d->cap : 1, sizeof *d->page_labels);
        if (!d->page_labels)
            return false;
    }
    if (page >= d->n_pages)
        return false;
    free(d->page_labels[page]);
    d->page_labels[page] = strdup(label);
    return d->page_labels[page] != NULL;
}
