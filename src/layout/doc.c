/* doc: see include/layout/doc.h. */
#include "layout/doc.h"

#include <stdlib.h>

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

bool page_add_text(doc_page *p, text *t, double x, double y, rgb color)
{
    mark *m = page_push(p);
    if (!m) {
        text_free(t);
        return false;
    }
    *m = (mark){.kind = MARK_TEXT, .x = x, .y = y, .w = text_width(t), .h = text_height(t), .txt = t};
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
    m->txt = NULL;
    m->points = NULL;
}
