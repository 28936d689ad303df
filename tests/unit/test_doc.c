/* Unit tests for src/layout/doc.c: links and destinations are structured
 * marks; every place a link leads to is recorded once (so the PDF's /Dests
 * names are unique), links to one place share it; a figure's tag carries
 * its description; copies own their strings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout/doc.h"

static void test_destinations_once_per_place(void **state)
{
    (void)state;
    doc *d = doc_new(595, 842);
    assert_non_null(d);
    doc_page *p = doc_add_page(d);
    assert_non_null(p);
    size_t a, b, c, e;
    assert_true(doc_add_dest(d, 2, 120.2, &a));
    assert_true(doc_add_dest(d, 2, 119.8, &b)); /* the same whole point */
    assert_true(doc_add_dest(d, 2, 300, &c));
    assert_true(doc_add_dest(d, 3, 120, &e)); /* another page */
    assert_int_equal(a, b);
    assert_int_not_equal(a, c);
    assert_int_not_equal(a, e);
    assert_int_equal(d->n_dests, 3);
    /* 27 links of a contents page to 10 places: 10 destinations */
    for (int i = 0; i < 27; i++)
        assert_true(doc_add_page_link(d, p, 0, i * 10, 100, 10, (size_t)(i % 10), 72));
    assert_int_equal(d->n_dests, 3 + 10); /* pages 0 … 9 at 72, none there before */
    for (size_t i = 0; i < d->n_dests; i++)
        for (size_t k = i + 1; k < d->n_dests; k++)
            assert_false(d->dests[i].page == d->dests[k].page && d->dests[i].y == d->dests[k].y);
    assert_int_equal(p->n_marks, 27);
    assert_null(p->marks[0].uri);
    assert_int_equal(d->dests[p->marks[3].dest].page, 3);
    assert_true(d->dests[p->marks[3].dest].y == 72);
    assert_int_equal(p->marks[3].dest, p->marks[13].dest);
    doc_free(d);
}

static void test_uri_link_and_figure_tag(void **state)
{
    (void)state;
    doc *d = doc_new(595, 842);
    doc_page *p = doc_add_page(d);
    const char *hostile = "https://example.org/a) /S /JavaScript /JS (x\\";
    assert_true(page_add_uri_link(p, 1, 2, 3, 4, hostile));
    assert_true(page_add_tag_alt(p, "Figure", "柱状图：床位1234张。"));
    assert_true(page_add_tag_end(p));
    assert_int_equal(p->marks[0].kind, MARK_LINK);
    assert_string_equal(p->marks[0].uri, hostile); /* kept as written: no syntax in the model */
    assert_string_equal(p->marks[1].tag, "Figure");
    assert_string_equal(p->marks[1].alt, "柱状图：床位1234张。");
    mark copy;
    assert_true(mark_copy(&p->marks[1], &copy));
    assert_ptr_not_equal(copy.alt, p->marks[1].alt);
    assert_string_equal(copy.alt, p->marks[1].alt);
    mark_release(&copy);
    assert_null(copy.alt);
    assert_true(mark_copy(&p->marks[0], &copy));
    assert_string_equal(copy.uri, hostile);
    mark_release(&copy);
    doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_destinations_once_per_place),
        cmocka_unit_test(test_uri_link_and_figure_tag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
