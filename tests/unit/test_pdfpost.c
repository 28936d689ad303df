/* Unit tests for src/render/pdfpost.c, on a small hand-written PDF: the web
 * link's placeholder becomes the address as a proper PDF string; labels and
 * boxes are written; and each failure is reported, never written: a file
 * that is not a PDF, a date of the wrong form, a placeholder with no
 * address, a count of descriptions that does not match the figures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "render/pdfpost.h"

static const char *const tiny_objects[] = {
    "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 5 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 120 120] /Annots [4 0 R] >>",
    "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (factsheet-link:0) >> >>",
    "<< /Type /StructTreeRoot /K [6 0 R] >>",
    "<< /Type /StructElem /S /Document /K [7 0 R] >>",
    "<< /Type /StructElem /S /Figure /K 0 >>",
};
enum { TINY_N = sizeof tiny_objects / sizeof tiny_objects[0] };
static char tiny[4096];
static size_t tiny_len;

/* A well-formed PDF with its cross-reference table, as cairo would write. */
static void make_tiny(void)
{
    size_t off[TINY_N];
    int k = snprintf(tiny, sizeof tiny, "%%PDF-1.5\n");
    for (int i = 0; i < TINY_N; i++) {
        off[i] = (size_t)k;
        k += snprintf(tiny + k, sizeof tiny - (size_t)k, "%d 0 obj\n%s\nendobj\n", i + 1,
                      tiny_objects[i]);
    }
    int xref = k;
    k += snprintf(tiny + k, sizeof tiny - (size_t)k, "xref\n0 %d\n0000000000 65535 f \n",
                  TINY_N + 1);
    for (int i = 0; i < TINY_N; i++)
        k += snprintf(tiny + k, sizeof tiny - (size_t)k, "%010zu 00000 n \n", off[i]);
    k +=
        snprintf(tiny + k, sizeof tiny - (size_t)k,
                 "trailer\n<< /Root 1 0 R /Size %d >>\nstartxref\n%d\n%%%%EOF\n", TINY_N + 1, xref);
    tiny_len = (size_t)k;
}

static const char *const uris[] = {"https://example.org/a)b\\c d"};
static const char *const alts[] = {"柱状图：床位1234张。"};
static const char *const labels[] = {"5"};

static pdfpost_job job(void)
{
    return (pdfpost_job){.title = "测试",
                         .author = "株洲市卫生健康委员会",
                         .creator = "test",
                         .date = "2026-01-15T00:00:00Z",
                         .lang = "zh-CN",
                         .alts = alts,
                         .n_alts = 1,
                         .uris = uris,
                         .n_uris = 1,
                         .page_labels = labels,
                         .n_pages = 1,
                         .trim_inset = 10,
                         .bleed = 8};
}

/* Runs the pass; returns its output (to free) or NULL, the messages in *msg. */
static char *run(const pdfpost_job *j, const char *in, size_t len, size_t *out_len, char *msg,
                 size_t n)
{
    diag_list dl;
    diag_list_init(&dl, 10);
    char *buf = NULL, *mbuf = NULL;
    size_t mlen = 0;
    *out_len = 0;
    FILE *mem = open_memstream(&buf, out_len);
    bool ok = pdfpost_run(j, (const unsigned char *)in, len, mem, "t.pdf", &dl);
    fclose(mem);
    FILE *m = open_memstream(&mbuf, &mlen);
    diag_list_print(&dl, m);
    fclose(m);
    snprintf(msg, n, "%s", mbuf);
    free(mbuf);
    diag_list_clear(&dl);
    if (!ok) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* memmem for the needle as text */
static bool has(const char *hay, size_t n, const char *needle)
{
    return memmem(hay, n, needle, strlen(needle)) != NULL;
}

static void test_archive_additions(void **state)
{
    (void)state;
    make_tiny();
    pdfpost_job j = job();
    size_t n;
    char msg[512];
    char *out = run(&j, tiny, tiny_len, &n, msg, sizeof msg);
    assert_non_null(out);
    /* object streams compress the dictionaries; the XMP stays readable */
    assert_true(has(out, n, "<pdfaid:part>2</pdfaid:part>"));
    assert_true(has(out, n, "<pdfaid:conformance>B</pdfaid:conformance>"));
    assert_true(has(out, n, "<xmp:CreateDate>2026-01-15T00:00:00+00:00</xmp:CreateDate>"));
    assert_true(has(out, n, "<rdf:li>株洲市卫生健康委员会</rdf:li>"));
    free(out);
    /* the same job twice: the same bytes, /ID included */
    size_t n2;
    char *again = run(&j, tiny, tiny_len, &n2, msg, sizeof msg);
    char *first = run(&j, tiny, tiny_len, &n, msg, sizeof msg);
    assert_non_null(again);
    assert_non_null(first);
    assert_int_equal(n, n2);
    assert_memory_equal(first, again, n);
    free(first);
    free(again);
}

static void test_failures_are_reported(void **state)
{
    (void)state;
    make_tiny();
    size_t n;
    char msg[512];
    pdfpost_job j = job();
    assert_null(run(&j, "not a PDF at all", 16, &n, msg, sizeof msg));
    assert_non_null(strstr(msg, "t.pdf: cannot finish the PDF: "));
    /* a file qpdf would have to repair (no cross-reference table): refused */
    char damaged[4096];
    size_t cut = (size_t)(strstr(tiny, "xref\n") - tiny);
    memcpy(damaged, tiny, cut);
    memcpy(damaged + cut, "%%EOF\n", 6);
    assert_null(run(&j, damaged, cut + 6, &n, msg, sizeof msg));
    assert_non_null(strstr(msg, "t.pdf: cannot finish the PDF: "));

    j.date = "2026-01-15 00:00";
    assert_null(run(&j, tiny, tiny_len, &n, msg, sizeof msg));
    assert_non_null(strstr(msg, "is not of the form 2026-01-15T00:00:00Z"));

    j = job();
    j.n_uris = 0; /* a placeholder without its address is never passed on */
    assert_null(run(&j, tiny, tiny_len, &n, msg, sizeof msg));
    assert_non_null(strstr(msg, "a link in the PDF has no address"));

    j = job();
    j.n_alts = 0;
    assert_null(run(&j, tiny, tiny_len, &n, msg, sizeof msg));
    assert_non_null(strstr(msg, "1 figures in the PDF, 0 descriptions"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_archive_additions),
        cmocka_unit_test(test_failures_are_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
