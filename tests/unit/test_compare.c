/* Unit tests for src/model/compare.c: two figures of one id are compared
 * only like with like (kind, definition, scope, period, exact figures); a
 * change across a definition says 口径不同 and carries no percentage; a span of
 * several years names the span and the average annual rate; shares change
 * in percentage points; ranks and source-computed changes are never
 * compared as numbers.
 *
 * The expected figures were worked out by hand: 4636个 (2021) to 1.77万个
 * (2025) is +13064 -> ▲1.31万个 at the coarser precision, +281.8 % -> +282%,
 * (17700 / 4636)^(1/4) - 1 = 39.79 % -> 年均+39.8%. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/strbuf.h"
#include "model/compare.h"

static sheet_indicator figure(const char *literal, double value, const char *unit, sheet_kind kind)
{
    return (sheet_indicator){
        .id = "x", .label = "x", .literal = literal, .value = value, .unit = unit, .kind = kind};
}

/* The comparison as a card prints it; *direction as compare_describe sets it. */
static char *describe(const sheet_indicator *cur, int year, const sheet_indicator *prev,
                      int prev_year, int *direction)
{
    strbuf out = {0};
    assert_true(compare_describe(cur, year, prev, prev_year, &out, direction));
    char *s = strdup(sb_str(&out));
    sb_free(&out);
    return s;
}

static void like_with_like_compares(void **state)
{
    (void)state;
    sheet_indicator cur = figure("2.3", 2.3, "亿元", KIND_COUNT);
    sheet_indicator prev = figure("2.0", 2.0, "亿元", KIND_COUNT);
    cur.scope = prev.scope = "公立医院";
    cur.period = prev.period = "1—11月";
    cur.definition = prev.definition = "人均住院费用";
    assert_int_equal(compare_like(&cur, &prev), COMPARE_OK);
    compare_change c;
    assert_true(compare_compute(&cur, 2025, &prev, 2024, &c));
    assert_int_equal(c.years, 1);
    assert_true(c.has_rel);
    assert_false(c.points);
    assert_float_equal(c.delta, 0.3, 1e-9);
    assert_float_equal(c.rel, 15.0, 1e-9);
    int dir = 0;
    char *s = describe(&cur, 2025, &prev, 2024, &dir);
    assert_string_equal(s, "较上年 ▲0.3亿元，+15.0%");
    assert_int_equal(dir, 1);
    free(s);
}

static void different_definition_is_not_compared(void **state)
{
    (void)state;
    sheet_indicator cur = figure("1.77", 1.77, "万个", KIND_COUNT);
    sheet_indicator prev = figure("4636", 4636, "个", KIND_COUNT);
    cur.definition = "0—3岁婴幼儿托位数";
    prev.definition = "全市现有托位";
    assert_int_equal(compare_like(&cur, &prev), COMPARE_DEFINITION);
    compare_change c;
    assert_false(compare_compute(&cur, 2025, &prev, 2021, &c));
    int dir = 7;
    char *s = describe(&cur, 2025, &prev, 2021, &dir);
    assert_string_equal(s, "较2021年：口径不同");
    assert_null(strchr(s, '%')); /* no percentage across a change of definition */
    assert_null(strstr(s, "▲"));
    assert_int_equal(dir, 0);
    free(s);
    /* A definition on one side only is a difference too. */
    prev.definition = NULL;
    assert_int_equal(compare_like(&cur, &prev), COMPARE_DEFINITION);
}

static void scope_period_and_qualifier_stop_a_comparison(void **state)
{
    (void)state;
    sheet_indicator cur = figure("93.94", 93.94, "%", KIND_SHARE);
    sheet_indicator prev = figure("97.76", 97.76, "%", KIND_SHARE);
    prev.scope = "建档立卡贫困户";
    assert_int_equal(compare_like(&cur, &prev), COMPARE_SCOPE);
    prev.scope = NULL;
    prev.period = "1至12月中旬";
    assert_int_equal(compare_like(&cur, &prev), COMPARE_PERIOD);
    int dir = 0;
    char *s = describe(&cur, 2021, &prev, 2018, &dir);
    assert_string_equal(s, "较2018年：统计时段不同");
    free(s);
    prev.period = NULL;
    prev.qualifier = "以上";
    assert_int_equal(compare_like(&cur, &prev), COMPARE_APPROXIMATE);
}

static void several_years_name_span_and_annual_rate(void **state)
{
    (void)state;
    sheet_indicator cur = figure("1.77", 1.77, "万个", KIND_COUNT);
    sheet_indicator prev = figure("4636", 4636, "个", KIND_COUNT);
    compare_change c;
    assert_true(compare_compute(&cur, 2025, &prev, 2021, &c));
    assert_int_equal(c.years, 4);
    assert_int_equal(c.decimals, 2);
    assert_float_equal(c.delta, 1.31, 1e-9);
    assert_float_equal(c.rel, (17700.0 - 4636) / 4636 * 100, 1e-6);
    assert_float_equal(c.annual, 39.79, 0.01);
    int dir = 0;
    char *s = describe(&cur, 2025, &prev, 2021, &dir);
    assert_string_equal(s, "较2021年（4年） ▲1.31万个，+282%，年均+39.8%");
    assert_int_equal(dir, 1);
    free(s);
}

static void shares_change_in_points(void **state)
{
    (void)state;
    sheet_indicator cur = figure("93.84", 93.84, "%", KIND_SHARE);
    sheet_indicator prev = figure("93.94", 93.94, "%", KIND_SHARE);
    compare_change c;
    assert_true(compare_compute(&cur, 2022, &prev, 2021, &c));
    assert_true(c.points);
    assert_false(c.has_rel); /* a share's change is never a percentage of a percentage */
    int dir = 0;
    char *s = describe(&cur, 2022, &prev, 2021, &dir);
    assert_string_equal(s, "较上年 ▼0.10个百分点" /* the precision of the figures */);
    assert_int_equal(dir, -1);
    free(s);
}

static void ranks_are_never_numbers(void **state)
{
    (void)state;
    sheet_indicator cur = figure("4", 4, "", KIND_RANK);
    sheet_indicator prev = figure("11", 11, "", KIND_RANK);
    cur.rank = (sheet_rank){.level = "全国", .field = "市级行政区医改监测评价", .of = "433"};
    prev.rank = (sheet_rank){.level = "全国", .field = "市级行政区医改监测评价", .of = "433"};
    assert_int_equal(compare_like(&cur, &prev), COMPARE_NEVER);
    compare_change c;
    assert_false(compare_compute(&cur, 2025, &prev, 2024, &c));
    int dir = 7;
    char *s = describe(&cur, 2025, &prev, 2024, &dir);
    assert_string_equal(s, "较上年：不作比较");
    assert_int_equal(dir, 0); /* 第4 after 第11 is not "▼7" */
    free(s);
    /* Nor against a level of the same id. */
    sheet_indicator level = figure("4", 4, "个", KIND_COUNT);
    assert_int_equal(compare_like(&cur, &level), COMPARE_KIND);
    assert_int_equal(compare_like(&level, &cur), COMPARE_KIND);
}

static void source_changes_are_never_compared(void **state)
{
    (void)state;
    sheet_indicator cur = figure("3.58", 3.58, "%", KIND_CHANGE);
    sheet_indicator prev = figure("2.1", 2.1, "%", KIND_CHANGE);
    assert_int_equal(compare_like(&cur, &prev), COMPARE_NEVER);
    sheet_indicator level = figure("45", 45, "%", KIND_SHARE);
    assert_int_equal(compare_like(&cur, &level), COMPARE_KIND);
    compare_change c;
    assert_false(compare_compute(&cur, 2025, &level, 2024, &c));
}

static void unlike_kinds_and_units(void **state)
{
    (void)state;
    sheet_indicator cur = figure("4.92", 4.92, "个", KIND_PER_CAPITA);
    sheet_indicator prev = figure("4636", 4636, "个", KIND_COUNT);
    assert_int_equal(compare_like(&cur, &prev), COMPARE_KIND);
    sheet_indicator a = figure("1.84", 1.84, "万人次", KIND_COUNT);
    sheet_indicator b = figure("20", 20, "万次", KIND_COUNT);
    assert_int_equal(compare_like(&a, &b), COMPARE_UNIT);
    a.missing = true;
    assert_int_equal(compare_like(&a, &b), COMPARE_MISSING);
}

static void reasons_are_printed_words(void **state)
{
    (void)state;
    assert_string_equal(compare_reason(COMPARE_DEFINITION), "口径不同");
    assert_string_equal(compare_reason(COMPARE_NEVER), "不作比较");
    assert_string_equal(compare_reason(COMPARE_OK), "");
}

/* The note under a table says what each year counted. */
static void unlike_figures_are_explained(void **state)
{
    (void)state;
    sheet_indicator cur = figure("1.77", 1.77, "万个", KIND_COUNT);
    sheet_indicator prev = figure("4636", 4636, "个", KIND_COUNT);
    cur.label = "托位数";
    cur.definition = "0—3岁婴幼儿托位数";
    prev.definition = "全市现有托位";
    strbuf out = {0};
    assert_true(compare_explain(&cur, 2025, &prev, 2021, &out));
    assert_string_equal(sb_str(&out),
                        "托位数，2021年为“全市现有托位”，2025年为“0—3岁婴幼儿托位数”，"
                        "口径不同，不作比较。");
    sb_free(&out);
    out = (strbuf){0};
    prev.definition = cur.definition;
    cur.scope = "公立医院";
    assert_true(compare_explain(&cur, 2025, &prev, 2024, &out));
    assert_string_equal(sb_str(&out),
                        "托位数，2024年为全市，2025年为“公立医院”，统计范围不同，不作比较。");
    sb_free(&out);
    out = (strbuf){0};
    cur.scope = NULL;
    cur.period = "1—11月";
    assert_true(compare_explain(&cur, 2025, &prev, 2024, &out));
    assert_string_equal(sb_str(&out),
                        "托位数，2024年为全年，2025年为“1—11月”，统计时段不同，不作比较。");
    sb_free(&out);
    out = (strbuf){0};
    cur.period = NULL; /* like with like: nothing to explain */
    prev = figure("1.5", 1.5, "万个", KIND_COUNT);
    prev.definition = cur.definition;
    assert_true(compare_explain(&cur, 2025, &prev, 2024, &out));
    assert_int_equal(out.len, 0);
    sb_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(like_with_like_compares),
        cmocka_unit_test(different_definition_is_not_compared),
        cmocka_unit_test(scope_period_and_qualifier_stop_a_comparison),
        cmocka_unit_test(several_years_name_span_and_annual_rate),
        cmocka_unit_test(shares_change_in_points),
        cmocka_unit_test(ranks_are_never_numbers),
        cmocka_unit_test(source_changes_are_never_compared),
        cmocka_unit_test(unlike_kinds_and_units),
        cmocka_unit_test(reasons_are_printed_words),
        cmocka_unit_test(unlike_figures_are_explained),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
