/* test_cjk: the Chinese refinements before shaping, by their exact output. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "typeset/cjk.h"

#define GAP "\xE2\x80\x82"  /* the EN SPACE scaled to the gap */
#define ZWSP "\xE2\x80\x8B" /* a break opportunity */

static void expect(const char *in, double em, const char *want, size_t n_halt, size_t n_gaps)
{
    cjk_text t;
    assert_true(cjk_refine(in, em, &t));
    assert_string_equal(t.text, want);
    assert_int_equal(t.n_halt, n_halt);
    assert_int_equal(t.n_gaps, n_gaps);
    for (size_t i = 0; i < t.n_gaps; i++)
        assert_memory_equal(t.text + t.gaps[i].start, GAP, 3);
    cjk_text_free(&t);
}

static void test_han_latin_gap(void **state)
{
    (void)state;
    expect("全市有5个", 0.25, "全市有" GAP "5" GAP "个", 0, 2);
    expect("COVID病例", 0.25, "COVID" GAP "病例", 0, 1);
    /* a typed space becomes the gap, not a stretchable hole */
    expect("2023 年", 0.25, "2023" GAP "年", 0, 1);
    /* no gap next to punctuation, and none when switched off */
    expect("，2023年", 0.25, "，2023" GAP "年", 0, 1);
    expect("全市有5个", 0, "全市有5个", 0, 0);
    /* Latin words keep their spaces */
    expect("Noto Sans", 0.25, "Noto Sans", 0, 0);
}

static void test_quotes_break_opportunities(void **state)
{
    (void)state;
    expect("提出“健康株洲”目标", 0, "提出" ZWSP "“健康株洲”" ZWSP "目标", 0, 0);
    /* none at the start, none before a closing mark */
    expect("“健康”。", 0, "“健康”。", 1, 0);
}

static void test_punctuation_pairs_halt(void **state)
{
    (void)state;
    cjk_text t;
    assert_true(cjk_refine("说：“好。”）", 0, &t));
    /* ：“ → halt on ：; 。” → on 。; ”） → on ” */
    assert_int_equal(t.n_halt, 3);
    assert_memory_equal(t.text + t.halt[0].start, "：", strlen("："));
    cjk_text_free(&t);
    /* an opening mark after an opening mark: halt the second */
    assert_true(cjk_refine("（《规划》）", 0, &t));
    assert_true(t.n_halt >= 2);
    assert_memory_equal(t.text + t.halt[0].start, "《", strlen("《"));
    cjk_text_free(&t);
}

static void test_classes(void **state)
{
    (void)state;
    assert_true(cjk_is_closing(0x3002));  /* 。 */
    assert_true(cjk_is_closing(0x201D));  /* ” */
    assert_false(cjk_is_closing(0x201C)); /* “ */
    assert_true(cjk_is_opening(0xFF08));  /* （ */
    assert_false(cjk_is_opening('a'));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_han_latin_gap),
        cmocka_unit_test(test_quotes_break_opportunities),
        cmocka_unit_test(test_punctuation_pairs_halt),
        cmocka_unit_test(test_classes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
