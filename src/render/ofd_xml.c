/* ofd_xml: the XML of the OFD writer (see ofd_priv.h), with libxml2's
 * xmlTextWriter, its only user: elements in the OFD namespace, numbers in
 * millimetres, colours, graphic units, and the parts they make. */
#include "ofd_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ofd_libs.h"

#define OFD_NS "http://www.ofdspec.org/2016"

/* The part being written: its text grows in buf. */
struct ofd_xml {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
};

/* v with at most 3 decimals and no trailing zeros ("12.5", "0", "-3.125"):
 * a thousandth of a millimetre is far below what any printer resolves. */
const char *x_num(char *buf, size_t n, double v)
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

void x_sb_num(strbuf *b, double v)
{
    char t[48];
    sb_printf(b, "%s%s", b->len ? " " : "", x_num(t, sizeof t, v));
}

void x_start(ofd_writer *o, const char *name)
{
    if (!o->failed &&
        xmlTextWriterStartElementNS(o->xml->w, BAD_CAST "ofd", BAD_CAST name, NULL) < 0)
        o->failed = true;
}

void x_end(ofd_writer *o)
{
    if (!o->failed && xmlTextWriterEndElement(o->xml->w) < 0)
        o->failed = true;
}

void x_attr(ofd_writer *o, const char *name, const char *value)
{
    if (!o->failed && xmlTextWriterWriteAttribute(o->xml->w, BAD_CAST name, BAD_CAST value) < 0)
        o->failed = true;
}

void x_attr_uint(ofd_writer *o, const char *name, unsigned v)
{
    char t[16];
    snprintf(t, sizeof t, "%u", v);
    x_attr(o, name, t);
}

void x_attr_num(ofd_writer *o, const char *name, double v)
{
    char t[48];
    x_attr(o, name, x_num(t, sizeof t, v));
}

/* An attribute of n numbers ("Boundary", "CTM"). */
void x_attr_nums(ofd_writer *o, const char *name, const double *v, int n)
{
    strbuf b = {0};
    for (int i = 0; i < n; i++)
        x_sb_num(&b, v[i]);
    if (b.failed)
        o->failed = true;
    x_attr(o, name, sb_str(&b));
    sb_free(&b);
}

void x_text(ofd_writer *o, const char *s)
{
    if (!o->failed && xmlTextWriterWriteString(o->xml->w, BAD_CAST s) < 0)
        o->failed = true;
}

/* <ofd:name>text</ofd:name> */
void x_leaf(ofd_writer *o, const char *name, const char *content)
{
    x_start(o, name);
    x_text(o, content);
    x_end(o);
}

bool x_begin(ofd_writer *o, const char *root)
{
    o->xml = calloc(1, sizeof *o->xml);
    if (o->xml)
        o->xml->buf = xmlBufferCreate();
    if (o->xml && o->xml->buf)
        o->xml->w = xmlNewTextWriterMemory(o->xml->buf, 0);
    if (!o->xml || !o->xml->w) {
        x_discard(o);
        o->failed = true;
        return false;
    }
    if (xmlTextWriterStartDocument(o->xml->w, NULL, "UTF-8", NULL) < 0 ||
        xmlTextWriterStartElementNS(o->xml->w, BAD_CAST "ofd", BAD_CAST root, BAD_CAST OFD_NS) < 0)
        o->failed = true;
    return true;
}

void x_discard(ofd_writer *o)
{
    if (!o->xml)
        return;
    if (o->xml->w)
        xmlFreeTextWriter(o->xml->w);
    if (o->xml->buf)
        xmlBufferFree(o->xml->buf);
    free(o->xml);
    o->xml = NULL;
}

void x_add_part(ofd_writer *o, const char *name, const void *data, size_t len)
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

void x_finish(ofd_writer *o, const char *name)
{
    if (!o->xml)
        return;
    if (!o->failed && xmlTextWriterEndDocument(o->xml->w) < 0)
        o->failed = true;
    xmlFreeTextWriter(o->xml->w); /* flushes into buf */
    o->xml->w = NULL;
    x_add_part(o, name, xmlBufferContent(o->xml->buf), (size_t)xmlBufferLength(o->xml->buf));
    x_discard(o);
}
static int byte_of(double v)
{
    return v <= 0 ? 0 : v >= 1 ? 255 : (int)lround(v * 255);
}

/* <ofd:FillColor Value="r g b" ColorSpace="…"/>, greys too: a GRAY space
 * is the standard's, but ofd.js ignores ColorSpace and reads a one-channel
 * Value="255" as black (white text on the header band came out black). */
void x_color(ofd_writer *o, const char *element, rgb c)
{
    char v[32];
    snprintf(v, sizeof v, "%d %d %d", byte_of(c.r), byte_of(c.g), byte_of(c.b));
    x_start(o, element);
    x_attr(o, "Value", v);
    x_attr_uint(o, "ColorSpace", o->cs_rgb);
    x_end(o);
}

/* Starts a graphic unit with a new ID and the Boundary (page points) x0..x1,
 * y0..y1; its content is then relative to (x0, y0). */
void x_unit(ofd_writer *o, const char *element, double x0, double y0, double x1, double y1)
{
    x_start(o, element);
    x_attr_uint(o, "ID", o->next_id++);
    double box[4] = {MM(x0), MM(y0), MM(x1 - x0), MM(y1 - y0)};
    x_attr_nums(o, "Boundary", box, 4);
}
