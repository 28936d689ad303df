/* Unit tests for src/model/sources.c (sources_figure_in_quote): a figure
 * stands whole in its quote, as written; a rank's position may stand there in
 * Chinese numerals (全国第四 for 4, 第十一 for 11), whole, and only for a rank. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "model/sources.h"

static void figures_stand_whole(void **state)
{
    (void)state;
    assert_true(sources_figure_in_quote("床位2.30万张", "2.30", false));
    assert_false(sources_figure_in_quote("床位2.3万张", "2.30", false));
    assert_false(sources_figure_in_quote("专科88个", "8", false));
    assert_false(sources_figure_in_quote("增长1.8%", "8", false));
    assert_true(sources_figure_in_quote("分别为8个和37个", "8", false));
}

static void ranks_in_chinese_numerals(void **state)
{
    (void)state;
    const char *q = "在全国433个市级行政区医改监测评价中荣获A+等次,跻身全国第四,中部第三,全省第二";
    assert_true(sources_figure_in_quote(q, "4", true));
    assert_true(sources_figure_in_quote(q, "3", true));
    assert_true(sources_figure_in_quote(q, "2", true));
    assert_false(sources_figure_in_quote(q, "5", true));
    assert_true(sources_figure_in_quote("排名第1", "1", true)); /* digits too */
    assert_true(sources_figure_in_quote("跃升至第十一名", "11", true));
    assert_true(sources_figure_in_quote("位列第一十一名", "11", true));
    assert_true(sources_figure_in_quote("列第十名", "10", true));
    assert_true(sources_figure_in_quote("列第二十名", "20", true));
    assert_true(sources_figure_in_quote("列第二十三名", "23", true));
    assert_true(sources_figure_in_quote("排名第两位", "2", true));
}

static void numerals_stand_whole(void **state)
{
    (void)state;
    assert_false(sources_figure_in_quote("跃升至第十四名", "4", true));
    assert_false(sources_figure_in_quote("跃升至第四十名", "4", true));
    assert_false(sources_figure_in_quote("列第十一名", "1", true));
    assert_false(sources_figure_in_quote("列第二十一名", "20", true));
    assert_false(sources_figure_in_quote("跻身全国第四", "4", false)); /* not a rank */
    assert_false(sources_figure_in_quote("跻身全国第四", "4.0", true));
    assert_false(sources_figure_in_quote("第一百名", "100", true)); /* beyond 99: digits only */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(figures_stand_whole),
        cmocka_unit_test(ranks_in_chinese_numerals),
        cmocka_unit_test(numerals_stand_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
