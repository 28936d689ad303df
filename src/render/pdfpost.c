/* pdfpost: see include/render/pdfpost.h.
 *
 * libqpdf's C API reports errors by state, not by return value: errors are
 * silenced (qpdf_silence_errors) and checked with qpdf_has_error after each
 * step; a failed object call returns a null handle, so a step that goes
 * wrong halfway never writes a file. Object handles live until
 * qpdf_cleanup, one per document. */
#include "render/pdfpost.h"

#include <errno.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"

/* sRGB IEC61966-2.1, ICC v2, from Debian's icc-profiles-free
 * (/usr/share/color/icc/sRGB.icc, zlib licence): tools/find-srgb.sh finds
 * it and the Makefile turns it into this list of bytes at build time, so
 * the program needs no file at run time. */
static const unsigned char srgb_icc[] = {
#include "srgb_icc.inc"
};

/* How deep the structure tree may nest before it is taken as damaged. */
enum { MAX_STRUCT_DEPTH = 64 };

const char *pdfpost_library_version(void)
{
    static char v[48];
    if (!v[0])
        snprintf(v, sizeof v, "qpdf %s", qpdf_get_qpdf_version());
    return v;
}

typedef struct post {
    qpdf_data q;
    const pdfpost_job *job;
    size_t next_alt; /* Figure elements seen so far */
    bool bad_uri;    /* a link that is not one of ours */
} post;

/* ---- strings ---------------------------------------------------------------- */

/* Appends s with XML's five special characters escaped. */
static void xml_text(strbuf *b, const char *s)
{
    for (; s && *s; s++)
        switch (*s) {
        case '&': sb_printf(b, "&amp;"); break;
        case '<': sb_printf(b, "&lt;"); break;
        case '>': sb_printf(b, "&gt;"); break;
        case '"': sb_printf(b, "&quot;"); break;
        case '\'': sb_printf(b, "&apos;"); break;
        default: sb_printf(b, "%c", *s); break;
        }
}

/* "2026-01-15T00:00:00Z" → PDF "D:20260115000000+00'00'" and XMP
 * "2026-01-15T00:00:00+00:00": the same instant written the same way in
 * both, as PDF/A's "Info and XMP in sync" asks. */
static bool convert_date(const char *iso, char *pdf, size_t np, char *xmp, size_t nx)
{
    int y, mo, d, h, mi, s;
    char z;
    if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 ||
        z != 'Z')
        return false;
    snprintf(pdf, np, "D:%04d%02d%02d%02d%02d%02d+00'00'", y, mo, d, h, mi, s);
    snprintf(xmp, nx, "%04d-%02d-%02dT%02d:%02d:%02d+00:00", y, mo, d, h, mi, s);
    return true;
}

/* A web address as the PDF's URI string: 7-bit ASCII (ISO 32000 12.6.4.7),
 * so bytes outside it are percent-encoded as a browser would send them;
 * everything else, spaces, parentheses and backslashes included, is kept
 * as written (qpdf escapes what the string syntax needs). */
static char *uri_ascii(const char *uri)
{
    size_t n = strlen(uri), k = 0;
    char *out = malloc(3 * n + 1);
    if (!out)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)uri; *p; p++) {
        if (*p >= 0x80 || *p < 0x20 || *p == 0x7f)
            k += (size_t)snprintf(out + k, 4, "%%%02X", *p);
        else
            out[k++] = (char)*p;
    }
    out[k] = '\0';
    return out;
}

/* ---- XMP -------------------------------------------------------------------- */

static void xmp_alt(strbuf *b, const char *elem, const char *value)
{
    if (!value)
        return;
    sb_printf(b, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", elem);
    xml_text(b, value);
    sb_printf(b, "</rdf:li></rdf:Alt></%s>\n", elem);
}

static void xmp_simple(strbuf *b, const char *elem, const char *value)
{
    if (!value)
        return;
    sb_printf(b, "   <%s>", elem);
    xml_text(b, value);
    sb_printf(b, "</%s>\n", elem);
}

/* The XMP packet: the same values as the Info dictionary, under the names
 * ISO 19005-2 6.6.2.3 pairs them with, and the PDF/A identification. */
static void xmp_packet(strbuf *b, const pdfpost_job *job, const char *producer, const char *date)
{
    sb_printf(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                 "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                 " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                 "  <rdf:Description rdf:about=\"\"\n"
                 "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                 "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                 "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                 "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                 "   <dc:format>application/pdf</dc:format>\n");
    xmp_alt(b, "dc:title", job->title);
    if (job->author) {
        sb_printf(b, "   <dc:creator><rdf:Seq><rdf:li>");
        xml_text(b, job->author);
        sb_printf(b, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    xmp_alt(b, "dc:description", job->subject);
    if (job->lang) {
        sb_printf(b, "   <dc:language><rdf:Bag><rdf:li>");
        xml_text(b, job->lang);
        sb_printf(b, "</rdf:li></rdf:Bag></dc:language>\n");
    }
    xmp_simple(b, "pdf:Keywords", job->keywords);
    xmp_simple(b, "pdf:Producer", producer);
    xmp_simple(b, "xmp:CreatorTool", job->creator);
    xmp_simple(b, "xmp:CreateDate", date);
    xmp_simple(b, "xmp:ModifyDate", date);
    xmp_simple(b, "xmp:MetadataDate", date);
    sb_printf(b, "   <pdfaid:part>2</pdfaid:part>\n"
                 "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                 "  </rdf:Description>\n"
                 " </rdf:RDF>\n"
                 "</x:xmpmeta>\n"
                 "<?xpacket end=\"r\"?>\n");
}

/* ---- the document's description ------------------------------------------- */

static void set_text(qpdf_data q, qpdf_oh dict, const char *key, const char *value)
{
    if (value)
        qpdf_oh_replace_key(q, dict, key, qpdf_oh_new_unicode_string(q, value));
    else
        qpdf_oh_remove_key(q, dict, key);
}

/* Info and XMP from the same values. The Producer names both libraries
 * that wrote the file: cairo's entry, then ours. */
static bool describe(post *ps, qpdf_oh root, const char *path, diag_list *dl)
{
    qpdf_data q = ps->q;
    const pdfpost_job *job = ps->job;
    char pdf_date[40], xmp_date[40];
    if (!convert_date(job->date, pdf_date, sizeof pdf_date, xmp_date, sizeof xmp_date)) {
        diag_error(dl, path, _("the PDF date \"%s\" is not of the form 2026-01-15T00:00:00Z"),
                   job->date ? job->date : "");
        return false;
    }
    qpdf_oh trailer = qpdf_get_trailer(q);
    qpdf_oh info = qpdf_oh_get_key(q, trailer, "/Info");
    if (!qpdf_oh_is_dictionary(q, info)) {
        info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
        qpdf_oh_replace_key(q, trailer, "/Info", info);
    }
    strbuf producer = {0};
    qpdf_oh old = qpdf_oh_get_key(q, info, "/Producer");
    if (qpdf_oh_is_string(q, old))
        sb_printf(&producer, "%s; ", qpdf_oh_get_utf8_value(q, old));
    sb_printf(&producer, "%s", pdfpost_library_version());

    set_text(q, info, "/Title", job->title);
    set_text(q, info, "/Author", job->author);
    set_text(q, info, "/Subject", job->subject);
    set_text(q, info, "/Keywords", job->keywords);
    set_text(q, info, "/Creator", job->creator);
    set_text(q, info, "/Producer", sb_str(&producer));
    qpdf_oh_replace_key(q, info, "/CreationDate", qpdf_oh_new_string(q, pdf_date));
    qpdf_oh_replace_key(q, info, "/ModDate", qpdf_oh_new_string(q, pdf_date));

    strbuf xmp = {0};
    xmp_packet(&xmp, job, sb_str(&producer), xmp_date);
    bool ok = !producer.failed && !xmp.failed;
    if (ok) {
        /* Left unfiltered, as PDF/A readers expect to find it as text. */
        qpdf_oh meta = qpdf_oh_new_stream(q);
        qpdf_oh_replace_stream_data(q, meta, (const unsigned char *)sb_str(&xmp), xmp.len,
                                    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
        qpdf_oh md = qpdf_oh_get_dict(q, meta);
        qpdf_oh_replace_key(q, md, "/Type", qpdf_oh_new_name(q, "/Metadata"));
        qpdf_oh_replace_key(q, md, "/Subtype", qpdf_oh_new_name(q, "/XML"));
        qpdf_oh_replace_key(q, root, "/Metadata", meta);
    } else {
        diag_error(dl, path, "%s", _("out of memory"));
    }
    sb_free(&producer);
    sb_free(&xmp);
    return ok;
}

/* /Lang, the title in the window, the output intent with its profile. */
static void catalog(post *ps, qpdf_oh root)
{
    qpdf_data q = ps->q;
    if (ps->job->lang)
        qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_string(q, ps->job->lang));
    qpdf_oh_replace_key(q, root, "/ViewerPreferences",
                        qpdf_oh_parse(q, "<< /DisplayDocTitle true >>"));
    /* cairo writes it for a tagged PDF; say so again should it ever not. */
    qpdf_oh_replace_key(q, root, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"));

    qpdf_oh icc = qpdf_oh_new_stream(q);
    qpdf_oh_replace_stream_data(q, icc, srgb_icc, sizeof srgb_icc, qpdf_oh_new_null(q),
                                qpdf_oh_new_null(q));
    qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, icc), "/N", qpdf_oh_new_integer(q, 3));
    qpdf_oh intent = qpdf_oh_parse(q, "<< /Type /OutputIntent /S /GTS_PDFA1"
                                      " /OutputConditionIdentifier (sRGB IEC61966-2.1)"
                                      " /Info (sRGB IEC61966-2.1)"
                                      " /RegistryName (http://www.color.org) >>");
    qpdf_oh_replace_key(q, intent, "/DestOutputProfile", icc);
    qpdf_oh intents = qpdf_oh_new_array(q);
    qpdf_oh_append_item(q, intents, intent);
    qpdf_oh_replace_key(q, root, "/OutputIntents", intents);
}

/* ---- structure: /Alt on figures --------------------------------------------- */

/* Visits the structure elements under k in document order (the order cairo
 * created them, which is the order render met the tags) and gives each
 * Figure its description. */
static void walk_struct(post *ps, qpdf_oh k, int depth)
{
    qpdf_data q = ps->q;
    if (depth > MAX_STRUCT_DEPTH)
        return;
    if (qpdf_oh_is_array(q, k)) {
        int n = qpdf_oh_get_array_n_items(q, k);
        for (int i = 0; i < n; i++)
            walk_struct(ps, qpdf_oh_get_array_item(q, k, i), depth + 1);
        return;
    }
    if (!qpdf_oh_is_dictionary(q, k) || !qpdf_oh_has_key(q, k, "/S"))
        return; /* a marked-content id, a reference to content or an object */
    if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, k, "/S"), "/Figure")) {
        size_t i = ps->next_alt++;
        if (i < ps->job->n_alts && ps->job->alts[i])
            qpdf_oh_replace_key(q, k, "/Alt", qpdf_oh_new_unicode_string(q, ps->job->alts[i]));
    }
    walk_struct(ps, qpdf_oh_get_key(q, k, "/K"), depth + 1);
}

/* ---- pages: boxes, annotations, labels ------------------------------------------ */

static qpdf_oh inset_box(qpdf_data q, qpdf_oh media, double d)
{
    double v[4];
    for (int i = 0; i < 4; i++)
        v[i] = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, media, i));
    char buf[160];
    snprintf(buf, sizeof buf, "[%.4f %.4f %.4f %.4f]", v[0] + d, v[1] + d, v[2] - d, v[3] - d);
    return qpdf_oh_parse(q, buf);
}

/* Every annotation printable (PDF/A forbids hidden ones); a web link's
 * placeholder replaced by its address. */
static void annotations(post *ps, qpdf_oh page)
{
    qpdf_data q = ps->q;
    qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
    int n = qpdf_oh_is_array(q, annots) ? qpdf_oh_get_array_n_items(q, annots) : 0;
    for (int i = 0; i < n; i++) {
        qpdf_oh a = qpdf_oh_get_array_item(q, annots, i);
        qpdf_oh_replace_key(q, a, "/F", qpdf_oh_new_integer(q, 4)); /* Print */
        qpdf_oh action = qpdf_oh_get_key(q, a, "/A");
        if (!qpdf_oh_is_dictionary(q, action) || !qpdf_oh_has_key(q, action, "/URI"))
            continue;
        const char *u = qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, action, "/URI"));
        size_t plen = strlen(PDFPOST_URI_PLACEHOLDER);
        char *end = NULL;
        unsigned long idx = strncmp(u, PDFPOST_URI_PLACEHOLDER, plen) == 0
                                ? strtoul(u + plen, &end, 10)
                                : (unsigned long)-1;
        if (idx >= ps->job->n_uris || !end || *end) {
            ps->bad_uri = true;
            continue;
        }
        char *uri = uri_ascii(ps->job->uris[idx]);
        if (!uri) {
            ps->bad_uri = true;
            continue;
        }
        qpdf_oh_replace_key(q, action, "/URI", qpdf_oh_new_binary_string(q, uri, strlen(uri)));
        free(uri);
    }
}

static bool all_digits(const char *s)
{
    if (!s || !*s || strlen(s) > 9)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* The labels as ranges: a run of consecutive numbers is one /D range
 * starting at its first number; any other label is a range of its own,
 * its text as prefix. */
static void page_labels(post *ps, qpdf_oh root, int n_pages)
{
    qpdf_data q = ps->q;
    const pdfpost_job *job = ps->job;
    if (!job->page_labels)
        return;
    qpdf_oh nums = qpdf_oh_new_array(q);
    long prev = -2;
    for (int i = 0; i < n_pages && (size_t)i < job->n_pages; i++) {
        const char *l = job->page_labels[i];
        qpdf_oh range;
        if (all_digits(l)) {
            long v = strtol(l, NULL, 10);
            bool continues = v == prev + 1;
            prev = v;
            if (continues)
                continue;
            range = qpdf_oh_parse(q, "<< /S /D >>");
            if (v != 1)
                qpdf_oh_replace_key(q, range, "/St", qpdf_oh_new_integer(q, v));
        } else {
            prev = -2;
            range = qpdf_oh_new_dictionary(q);
            if (l)
                qpdf_oh_replace_key(q, range, "/P", qpdf_oh_new_unicode_string(q, l));
        }
        qpdf_oh_append_item(q, nums, qpdf_oh_new_integer(q, i));
        qpdf_oh_append_item(q, nums, range);
    }
    qpdf_oh labels = qpdf_oh_new_dictionary(q);
    qpdf_oh_replace_key(q, labels, "/Nums", nums);
    qpdf_oh_replace_key(q, root, "/PageLabels", labels);
}

static void pages(post *ps, qpdf_oh root)
{
    qpdf_data q = ps->q;
    const pdfpost_job *job = ps->job;
    int n = qpdf_get_num_pages(q);
    for (int i = 0; i < n; i++) {
        qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
        if (job->trim_inset > 0) {
            qpdf_oh media = qpdf_oh_get_key(q, page, "/MediaBox");
            qpdf_oh_replace_key(q, page, "/TrimBox", inset_box(q, media, job->trim_inset));
            qpdf_oh_replace_key(q, page, "/BleedBox",
                                inset_box(q, media, job->trim_inset - job->bleed));
        }
        annotations(ps, page);
    }
    page_labels(ps, root, n);
}

/* ---- the pass ------------------------------------------------------------------- */

/* An error, or a warning: qpdf warns when it had to repair what it read,
 * and cairo's own output needs no repair; a repaired file is not one to
 * archive. */
static bool failed(post *ps, const char *path, diag_list *dl)
{
    qpdf_error e = NULL;
    if (qpdf_has_error(ps->q))
        e = qpdf_get_error(ps->q);
    else if (qpdf_more_warnings(ps->q))
        e = qpdf_next_warning(ps->q);
    if (!e)
        return false;
    diag_error(dl, path, _("cannot finish the PDF: %s"), qpdf_get_error_full_text(ps->q, e));
    return true;
}

bool pdfpost_run(const pdfpost_job *job, const unsigned char *in, size_t len, FILE *out,
                 const char *path, diag_list *dl)
{
    post ps = {.q = qpdf_init(), .job = job};
    qpdf_data q = ps.q;
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE); /* reported by failed(), in our words */
    bool ok = false;
    qpdf_read_memory(q, path, (const char *)in, len, NULL);
    if (failed(&ps, path, dl))
        goto done;
    qpdf_oh root = qpdf_get_root(q);
    if (!describe(&ps, root, path, dl))
        goto done;
    catalog(&ps, root);
    /* cairo writes no structure tree for a document without tagged content
     * (an empty page): nothing to describe then. */
    if (qpdf_oh_has_key(q, root, "/StructTreeRoot")) {
        qpdf_oh tree = qpdf_oh_get_key(q, root, "/StructTreeRoot");
        if (qpdf_oh_is_dictionary(q, tree) && qpdf_oh_has_key(q, tree, "/K"))
            walk_struct(&ps, qpdf_oh_get_key(q, tree, "/K"), 0);
    }
    pages(&ps, root);
    if (failed(&ps, path, dl))
        goto done;
    /* Both are the program's own mistakes, never the data's. */
    if (ps.next_alt != job->n_alts) {
        diag_error(dl, path, _("internal error: %zu figures in the PDF, %zu descriptions"),
                   ps.next_alt, job->n_alts);
        goto done;
    }
    if (ps.bad_uri) {
        diag_error(dl, path, "%s", _("internal error: a link in the PDF has no address"));
        goto done;
    }
    qpdf_init_write_memory(q);
    /* Streams cairo compressed are copied as they are (faster than qpdf's
     * default of decoding and compressing again); new ones (the profile)
     * are compressed; qpdf leaves the XMP stream uncompressed. */
    qpdf_set_decode_level(q, qpdf_dl_none);
    qpdf_set_compress_streams(q, QPDF_TRUE);
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    /* The small objects (structure elements, annotations, fonts' dictionaries)
     * packed into compressed object streams, as PDF 1.5 and PDF/A-2 allow:
     * the archived file comes out smaller than cairo's, additions included. */
    qpdf_set_object_stream_mode(q, qpdf_o_generate);
    qpdf_set_newline_before_endstream(q, QPDF_TRUE); /* ISO 19005-2 6.1.7.1 */
    qpdf_write(q);
    if (failed(&ps, path, dl))
        goto done;
    size_t n = qpdf_get_buffer_length(q);
    if (fwrite(qpdf_get_buffer(q), 1, n, out) != n) {
        diag_error(dl, path, _("cannot write: %s"), strerror(errno));
        goto done;
    }
    ok = true;
done:
    qpdf_cleanup(&q);
    return ok;
}
