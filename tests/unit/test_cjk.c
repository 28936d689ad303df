/* test_cjk: the Chinese refinements before shaping, by their exact output. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "typeset/cjk.h"

#define ZWSP "\xE2\x80\x8B" /* a break opportunity */

/* Refines in; the text must read want, with the gaps after the characters
 * listed in gaps_after (each one UTF-8 character, in order). */
static void expect(const char *in, double em, const char *want, size_t n_halt,
                   const char *const *gaps_after, size_t n_gaps)
{
    cjk_text t;
    assert_true(cjk_refine(in, em, &t));
    assert_string_equal(t.text, want);
    assert_int_equal(t.n_halt, n_halt);
    assert_int_equal(t.n_gaps, n_gaps);
    for (size_t i = 0; i < t.n_gaps; i++) {
        size_t len = strlen(gaps_after[i]);
        assert_int_equal(t.gaps[i].end - t.gaps[i].start, len);
        assert_memory_equal(t.text + t.gaps[i].start, gaps_after[i], len);
    }
    cjk_text_free(&t);
}

static void test_han_latin_gap(void **state)
{
    (void)state;
    /* nothing inserted: the gap is a position after 有 and after 5 */
    expect("全市有5个", 0.1, "全市有5个", 0, (const char *[]){"有", "5"}, 2);
    expect("COVID病例", 0.1, "COVID病例", 0, (const char *[]){"D"}, 1);
    /* a typed space inside Chinese is dropped and becomes the gap */
    expect("2023 年", 0.1, "2023年", 0, (const char *[]){"3"}, 1);
    expect("铸标杆 健康", 0.1, "铸标杆健康", 0, (const char *[]){"杆"}, 1);
    /* no gap next to punctuation, and none when switched off */
    expect("，2023年", 0.1, "，2023年", 0, (const char *[]){"3"}, 1);
    expect("全市有5个", 0, "全市有5个", 0, NULL, 0);
    expect("2023 年", 0, "2023 年", 0, NULL, 0);
    /* Latin words keep their spaces */
    expect("Noto Sans", 0.1, "Noto Sans", 0, NULL, 0);
}

/* The runs of in that no line may break inside, joined by "|". */
static void expect_keeps(const char *in, const char *want)
{
    cjk_text t;
    assert_true(cjk_refine(in, 0.1, &t));
    char got[512] = "";
    for (size_t i = 0; i < t.n_keeps; i++) {
        if (i)
            strcat(got, "|");
        strncat(got, t.text + t.keeps[i].start, t.keeps[i].end - t.keeps[i].start);
    }
    assert_string_equal(got, want);
    cjk_text_free(&t);
}

static void test_keeps(void **state)
{
    (void)state;
    expect_keeps("节省药费约2.3亿元。", "约2.3亿元");
    expect_keeps("服务近20万次，托位1.77万个", "近20万次|1.77万个");
    expect_keeps("降幅为1—11月同比", "1—11月");
    expect_keeps("（2018—2025年）", "2018—2025年");
    expect_keeps("2025年11月23日", "2025年|11月|23日");
    expect_keeps("列全国第4、中部第3", "第4|第3");
    expect_keeps("覆盖100%，千分之3‰", "100%|3‰");
    expect_keeps("提高3.2个百分点", "3.2个百分点");
    expect_keeps("健讲座600余场", "600余场");
    /* a bare number is one word to Pango already */
    expect_keeps("编号 2025 的", "");
}

static void test_quotes_break_opportunities(void **state)
{
    (void)state;
    expect("提出“健康株洲”目标", 0, "提出" ZWSP "“健康株洲”" ZWSP "目标", 0, NULL, 0);
    /* none at the start, none before a closing mark */
    expect("“健康”。", 0, "“健康”。", 1, NULL, 0);
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
        cmocka_unit_test(test_keeps),
        cmocka_unit_test(test_quotes_break_opportunities),
        cmocka_unit_test(test_punctuation_pairs_halt),
        cmocka_unit_test(test_classes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
