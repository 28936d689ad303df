/* Unit tests for src/model/numfmt.c: figures print from their literal text,
 * plain, never grouped (the number rule of numfmt.h), with the qualifier
 * in its Chinese place; one scale down a column moves the point exactly;
 * and formatting never changes a value. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/compare.h"
#include "model/numfmt.h"
#include "model/sheet.h"

/* numfmt_figure, freeing the unit of the call before: each test checks one
 * result at a time. */
static char *last_unit;
static bool figure(const char *literal, const char *unit, const char *qualifier, numfmt_parts *p)
{
    free(last_unit);
    bool ok = numfmt_figure(literal, unit, qualifier, p);
    last_unit = p->unit;
    return ok;
}

static int free_last_unit(void **state)
{
    (void)state;
    free(last_unit);
    last_unit = NULL;
    return 0;
}

/* Formats literal with no unit and no qualifier, asserting success. */
static void assert_figure(const char *literal, const char *expected)
{
    numfmt_parts p;
    assert_true(figure(literal, "", NULL, &p));
    assert_string_equal(p.number, expected);
    assert_string_equal(p.before, "");
    assert_string_equal(p.after, "");
    assert_string_equal(p.unit, "");
}

static void test_four_digits_stay_plain(void **state)
{
    (void)state;
    assert_figure("1234", "1234");
    assert_figure("9999", "9999");
    assert_figure("1234.56", "1234.56");
    assert_figure("-1234", "-1234");
    assert_figure("0", "0");
    assert_figure("7", "7");
    assert_figure("999", "999");
}

static void test_five_digits_and_more_stay_plain(void **state)
{
    (void)state;
    assert_figure("12345", "12345");
    assert_figure("123456", "123456");
    assert_figure("1234567", "1234567");
    assert_figure("1234567.5", "1234567.5");
    assert_figure("10000", "10000");
    assert_figure("100000000", "100000000");
    assert_figure("12345.678901", "12345.678901");
}

static void test_negative_plain(void **state)
{
    (void)state;
    assert_figure("-12345", "-12345");
    assert_figure("-1234567.25", "-1234567.25");
    assert_figure("-123456", "-123456");
}

static void test_decimals_kept_as_written(void **state)
{
    (void)state;
    assert_figure("2.30", "2.30");
    assert_figure("46.09", "46.09");
    assert_figure("0.10", "0.10");
    assert_figure("-0.5", "-0.5");
    assert_figure("100.000", "100.000");
}

static void test_scale_units_never_grouped(void **state)
{
    (void)state;
    numfmt_parts p;
    assert_true(figure("12345", "万元", NULL, &p));
    assert_string_equal(p.number, "12345");
    assert_string_equal(p.unit, "万元");
    assert_true(figure("123456.7", "亿元", NULL, &p));
    assert_string_equal(p.number, "123456.7");
    assert_string_equal(p.unit, "亿元");
    assert_true(figure("23456", "万人次", NULL, &p));
    assert_string_equal(p.number, "23456");
    assert_string_equal(p.unit, "万人次");
    /* a unit merely containing 万 later is not a scale unit */
    assert_true(figure("23456", "/10万", NULL, &p));
    assert_string_equal(p.number, "23456");
    assert_string_equal(p.unit, "/10万");
}

static void test_qualifier_before(void **state)
{
    (void)state;
    static const char *const before[] = {"约", "超", "近", "逾", "达"};
    for (size_t i = 0; i < sizeof before / sizeof *before; i++) {
        numfmt_parts p;
        assert_true(figure("12345", "人", before[i], &p));
        assert_string_equal(p.before, before[i]);
        assert_string_equal(p.after, "");
        assert_string_equal(p.number, "12345");
        assert_string_equal(p.unit, "人");
        /* with a scale unit the qualifier still stands before the number */
        assert_true(figure("227", "万元", before[i], &p));
        assert_string_equal(p.before, before[i]);
        assert_string_equal(p.after, "");
        assert_string_equal(p.number, "227");
        assert_string_equal(p.unit, "万元");
    }
}

static void test_qualifier_after(void **state)
{
    (void)state;
    numfmt_parts p;
    assert_true(figure("4000", "次", "余", &p));
    assert_string_equal(p.before, "");
    assert_string_equal(p.after, "余");
    assert_string_equal(p.number, "4000");
    assert_string_equal(p.unit, "次");

    assert_true(figure("100", "", "多", &p));
    assert_string_equal(p.before, "");
    assert_string_equal(p.after, "多");
    assert_string_equal(p.unit, "");

    /* 以上 follows the whole unit: 12345人以上; any qualifier of a %: 93%以上 */
    assert_true(figure("12345", "人", "以上", &p));
    assert_string_equal(p.before, "");
    assert_string_equal(p.after, "");
    assert_string_equal(p.unit, "人以上");
    assert_string_equal(p.number, "12345");
    assert_true(figure("93", "%", "以上", &p));
    assert_string_equal(p.unit, "%以上");
    assert_string_equal(p.after, "");
}

static void test_qualifier_after_moves_into_scale_unit(void **state)
{
    (void)state;
    numfmt_parts p;
    assert_true(figure("227", "万元", "余", &p));
    assert_string_equal(p.before, "");
    assert_string_equal(p.after, "");
    assert_string_equal(p.number, "227");
    assert_string_equal(p.unit, "万余元");

    assert_true(figure("9", "万人次", "余", &p));
    assert_string_equal(p.unit, "万余人次");
    assert_string_equal(p.after, "");

    assert_true(figure("3", "亿元", "多", &p));
    assert_string_equal(p.unit, "亿多元");
    assert_string_equal(p.after, "");

    /* a whole number of tens keeps the qualifier before the scale word */
    assert_true(figure("730", "万剂次", "多", &p));
    assert_string_equal(p.after, "多");
    assert_string_equal(p.unit, "万剂次");
    assert_true(figure("1000", "万元", "余", &p));
    assert_string_equal(p.after, "余");
    assert_string_equal(p.unit, "万元");

    /* a unit that is only the scale word */
    assert_true(figure("12", "万", "余", &p));
    assert_string_equal(p.unit, "万余");
    assert_string_equal(p.after, "");
}

static void test_no_unit_no_qualifier(void **state)
{
    (void)state;
    numfmt_parts p;
    assert_true(figure("12345", NULL, NULL, &p));
    assert_string_equal(p.number, "12345");
    assert_string_equal(p.unit, "");
    assert_string_equal(p.before, "");
    assert_string_equal(p.after, "");
    assert_true(figure("12345", NULL, "", &p));
    assert_string_equal(p.before, "");
    assert_string_equal(p.after, "");
}

static void test_non_plain_literals_left_as_written(void **state)
{
    (void)state;
    static const char *const odd[] = {"1e3",   "1E3", "12345e2", "-1.5e-7", "+12345",
                                      ".5",    "5.",  "",        "-",       "12a45",
                                      "1,234", "--1", "1.2.3",   " 12345",  "12345 "};
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
        numfmt_parts p;
        /* refused, and nothing of it to print */
        assert_false(figure(odd[i], "", NULL, &p));
        assert_string_equal(p.number, "");
        assert_false(figure(odd[i], "万元", NULL, &p));
        assert_string_equal(p.number, "");
        char out[NUMFMT_MAX];
        assert_false(numfmt_plain(odd[i], out, sizeof out));
        assert_string_equal(out, odd[i]);
    }
}

static void test_too_long_literal(void **state)
{
    (void)state;
    /* Exact up to NUMFMT_LITERAL_MAX characters, grouped or not; refused
     * beyond it, with nothing printed (never a cut 0.000…). */
    char lit[NUMFMT_LITERAL_MAX + 2];
    memset(lit, '1', NUMFMT_LITERAL_MAX);
    lit[NUMFMT_LITERAL_MAX] = '\0';
    numfmt_parts p;
    assert_true(figure(lit, "", NULL, &p));
    assert_int_equal(strlen(p.number), NUMFMT_LITERAL_MAX);
    assert_true(figure(lit, "万元", NULL, &p));
    assert_string_equal(p.number, lit);
    char small[NUMFMT_LITERAL_MAX + 2] = "0.";
    memset(small + 2, '0', NUMFMT_LITERAL_MAX - 3);
    small[NUMFMT_LITERAL_MAX - 1] = '7';
    small[NUMFMT_LITERAL_MAX] = '\0';
    assert_true(figure(small, "%", NULL, &p));
    assert_string_equal(p.number, small);
    lit[NUMFMT_LITERAL_MAX] = '1';
    lit[NUMFMT_LITERAL_MAX + 1] = '\0';
    assert_false(figure(lit, "", NULL, &p));
    assert_string_equal(p.number, "");
    assert_false(figure(lit, "万元", NULL, &p));
    assert_string_equal(p.number, "");
    /* 0. and 70 zeros and a 1: the literal of issue 17 */
    char seventy[80] = "0.";
    memset(seventy + 2, '0', 70);
    seventy[72] = '1';
    seventy[73] = '\0';
    assert_false(figure(seventy, "亿元", NULL, &p));
    assert_string_equal(p.number, "");
}

/* Each formatter, forced to fail, says so and leaves nothing printable. */
static void test_every_formatter_failure(void **state)
{
    (void)state;
    char lit41[NUMFMT_LITERAL_MAX + 2];
    memset(lit41, '2', NUMFMT_LITERAL_MAX + 1);
    lit41[NUMFMT_LITERAL_MAX + 1] = '\0';
    /* numfmt_with_unit: a refused literal adds nothing */
    strbuf b = {0};
    assert_true(sb_printf(&b, "%s", "较上年"));
    assert_false(numfmt_with_unit(lit41, "人", NULL, &b));
    assert_string_equal(sb_str(&b), "较上年");
    assert_false(numfmt_with_unit("1e5", "人", NULL, &b));
    assert_string_equal(sb_str(&b), "较上年");
    /* numfmt_axis: not finite, or a buffer already failed */
    assert_false(numfmt_axis(NAN, 1, &b));
    assert_false(numfmt_axis(INFINITY, 0, &b));
    assert_false(numfmt_axis(-INFINITY, 0, &b));
    assert_string_equal(sb_str(&b), "较上年");
    strbuf full = {.failed = true};
    assert_false(numfmt_axis(1.5, 1, &full));
    assert_false(numfmt_with_unit("1.5", "人", NULL, &full));
    sb_free(&full);
    sb_free(&b);
    /* compare_describe: a failure is reported, and the caller prints nothing */
    sheet_indicator cur = {.id = "x", .label = "x", .literal = "2.3", .value = 2.3, .unit = "亿元"};
    sheet_indicator prev = {
        .id = "x", .label = "x", .literal = "1.1", .value = 1.1, .unit = "亿元"};
    strbuf line = {0};
    int direction;
    assert_true(compare_describe(&cur, 2025, &prev, 2024, &line, &direction));
    assert_string_equal(sb_str(&line), "较上年 ▲1.2亿元，+109%");
    sb_free(&line);
    line.failed = true; /* out of memory on the way */
    assert_false(compare_describe(&cur, 2025, &prev, 2024, &line, &direction));
    sb_free(&line);
    /* a change too large for a double (not finite) is refused, not printed */
    sheet_indicator huge = cur, tiny = prev;
    huge.value = 1e308;
    huge.literal = "1e308";
    tiny.value = -1e308;
    tiny.literal = "-1e308";
    assert_false(compare_describe(&huge, 2025, &tiny, 2024, &line, &direction));
    sb_free(&line);
}

static void expect_rescale(const char *lit, const char *unit, const char *to, const char *want)
{
    char out[NUMFMT_MAX];
    if (!want) {
        assert_false(numfmt_rescale(lit, unit, to, out, sizeof out));
        return;
    }
    assert_true(numfmt_rescale(lit, unit, to, out, sizeof out));
    assert_string_equal(out, want);
    /* the same value: out × 10^(to − from) is lit */
    const char *b;
    int shift = numfmt_unit_scale(to, &b) - numfmt_unit_scale(unit, &b);
    double back = numfmt_parse(out) * pow(10, shift), want_v = numfmt_parse(lit);
    assert_true(fabs(back - want_v) <= 1e-12 * fabs(want_v));
}

static void test_rescale_moves_the_point(void **state)
{
    (void)state;
    expect_rescale("4636", "个", "万个", "0.4636");
    expect_rescale("17700", "个", "万个", "1.7700");
    expect_rescale("52", "人", "万人", "0.0052");
    expect_rescale("3166.25", "万元", "亿元", "0.316625");
    expect_rescale("-12.5", "个", "万个", "-0.00125");
    expect_rescale("1.77", "万个", "万个", "1.77");
    expect_rescale("4636", "个", "个", "4636");
    /* another unit, a smaller scale, an odd literal: refused */
    expect_rescale("4636", "个", "万人", NULL);
    expect_rescale("1.77", "万个", "个", NULL);
    expect_rescale("1e3", "个", "万个", NULL);
}

/* numfmt_axis into a fresh strbuf; returns what it wrote ("" on failure). */
static strbuf axis_out;
static bool axis(double v, int decimals)
{
    sb_free(&axis_out);
    return numfmt_axis(v, decimals, &axis_out);
}

static void test_axis(void **state)
{
    (void)state;
    assert_true(axis(0.1 + 0.2, 1));
    assert_string_equal(sb_str(&axis_out), "0.3");
    assert_true(axis(12345, 0));
    assert_string_equal(sb_str(&axis_out), "12345");
    assert_true(axis(2000, 0));
    assert_string_equal(sb_str(&axis_out), "2000");
    assert_true(axis(-25000, 0));
    assert_string_equal(sb_str(&axis_out), "-25000");
    assert_true(axis(2.5, 2));
    assert_string_equal(sb_str(&axis_out), "2.50");
    /* never -0 */
    assert_true(axis(-0.0, 0));
    assert_string_equal(sb_str(&axis_out), "0");
    assert_true(axis(-1e-12, 2));
    assert_string_equal(sb_str(&axis_out), "0.00");
    assert_true(axis(-0.004, 2));
    assert_string_equal(sb_str(&axis_out), "0.00");
    /* 1e300 is printed with all its 301 digits, never cut */
    assert_true(axis(1e300, 0));
    assert_int_equal(axis_out.len, 301);
    assert_memory_equal(sb_str(&axis_out), "1000000000000000052504", 22);
    sb_free(&axis_out);
}

static void test_parse(void **state)
{
    (void)state;
    assert_true(numfmt_parse("12,345") == 12345.0);
    assert_true(numfmt_parse("1,234,567.5") == 1234567.5);
    assert_true(numfmt_parse("-12,345.25") == -12345.25);
    assert_true(numfmt_parse("2.30") == 2.3);
    assert_true(numfmt_parse("0") == 0.0);
}

/* A small deterministic generator (xorshift64*), so failures reproduce. */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717u;
}

static size_t decimals_of(const char *s)
{
    const char *dot = strchr(s, '.');
    return dot ? strlen(dot + 1) : 0;
}

/* Writes a random plain decimal literal as JSON would hold it. */
static void random_literal(char *buf, size_t n)
{
    size_t o = 0;
    if (rng() % 4 == 0)
        buf[o++] = '-';
    size_t int_digits = 1 + (size_t)(rng() % 16);
    if (rng() % 5 == 0) {
        buf[o++] = '0';
    } else {
        buf[o++] = (char)('1' + rng() % 9);
        for (size_t i = 1; i < int_digits; i++)
            buf[o++] = (char)('0' + rng() % 10);
    }
    size_t decimals = (size_t)(rng() % 8);
    if (decimals) {
        buf[o++] = '.';
        for (size_t i = 0; i < decimals; i++)
            buf[o++] = (char)('0' + rng() % 10);
    }
    assert_true(o < n);
    buf[o] = '\0';
}

static void test_property_formatting_never_changes_a_value(void **state)
{
    (void)state;
    static const char *const units[] = {"", "%", "人次", "万元", "亿元", "/10万"};
    static const char *const quals[] = {NULL, "约", "余", "多", "以上", "超"};
    for (int k = 0; k < 20000; k++) {
        char lit[40];
        random_literal(lit, sizeof lit);
        const char *unit = units[rng() % (sizeof units / sizeof *units)];
        const char *qual = quals[rng() % (sizeof quals / sizeof *quals)];
        numfmt_parts p;
        if (!figure(lit, unit, qual, &p))
            fail_msg("figure(\"%s\", \"%s\") failed", lit, unit);
        double want = strtod(lit, NULL);
        double got = numfmt_parse(p.number);
        if (got != want)
            fail_msg("literal %s printed as %s parses to %.17g, not %.17g", lit, p.number, got,
                     want);
        assert_int_equal(decimals_of(p.number), decimals_of(lit));
        /* the literal itself: nothing added, nothing taken */
        assert_string_equal(p.number, lit);
    }
}

static void test_property_axis_round_trip(void **state)
{
    (void)state;
    for (int k = 0; k < 20000; k++) {
        char lit[40];
        random_literal(lit, sizeof lit);
        int decimals = (int)decimals_of(lit);
        double v = strtod(lit, NULL);
        assert_true(axis(v, decimals));
        const char *out = sb_str(&axis_out);
        assert_int_equal(decimals_of(out), (size_t)decimals);
        char plain[NUMFMT_MAX];
        snprintf(plain, sizeof plain, "%.*f", decimals, v);
        if (numfmt_parse(out) != strtod(plain, NULL))
            fail_msg("axis %s (from %s) does not round-trip", out, lit);
    }
    sb_free(&axis_out);
}

/* One table of qualifiers: the importer finds them as the loader accepts them. */
static void test_qualifier_table(void **state)
{
    (void)state;
    assert_string_equal(numfmt_qualifier_at("约1.84万", true), "约");
    assert_string_equal(numfmt_qualifier_at("超过5000", true), "超过"); /* the longest */
    assert_string_equal(numfmt_qualifier_at("超5000", true), "超");
    assert_null(numfmt_qualifier_at("达5000", true)); /* the loader refuses 达 */
    assert_null(numfmt_qualifier_at("余人次", true));
    assert_string_equal(numfmt_qualifier_at("余人次", false), "余");
    assert_string_equal(numfmt_qualifier_at("以上", false), "以上");
    numfmt_bound b;
    assert_true(numfmt_qualifier("不到", &b));
    assert_int_equal(b, BOUND_AT_MOST);
    assert_false(numfmt_qualifier("达", &b));
    assert_string_equal(numfmt_qualifier_list(),
                        "约、近、左右、超、逾、余、多、以上、超过、以下、以内、不足、不到");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_four_digits_stay_plain),
        cmocka_unit_test(test_five_digits_and_more_stay_plain),
        cmocka_unit_test(test_negative_plain),
        cmocka_unit_test(test_decimals_kept_as_written),
        cmocka_unit_test(test_rescale_moves_the_point),
        cmocka_unit_test(test_qualifier_table),
        cmocka_unit_test(test_scale_units_never_grouped),
        cmocka_unit_test(test_qualifier_before),
        cmocka_unit_test(test_qualifier_after),
        cmocka_unit_test(test_qualifier_after_moves_into_scale_unit),
        cmocka_unit_test(test_no_unit_no_qualifier),
        cmocka_unit_test(test_non_plain_literals_left_as_written),
        cmocka_unit_test(test_too_long_literal),
        cmocka_unit_test(test_every_formatter_failure),
        cmocka_unit_test(test_axis),
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_property_formatting_never_changes_a_value),
        cmocka_unit_test(test_property_axis_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, free_last_unit);
}
