/* Unit tests for src/model/numfmt.c: figures print from their literal text,
 * never grouped (the project's one number rule, see numfmt.h), with the
 * qualifier in its Chinese place; and
 * formatting never changes a value. */
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

#include "model/numfmt.h"

/* Formats literal with no unit and no qualifier, asserting success. */
static void assert_figure(const char *literal, const char *expected)
{
    numfmt_parts p;
    assert_true(numfmt_figure(literal, "", NULL, &p));
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

static void test_plain_direct(void **state)
{
    (void)state;
    char out[NUMFMT_MAX];
    assert_true(numfmt_plain("12345", out, sizeof out));
    assert_string_equal(out, "12345");
    assert_true(numfmt_plain("-9876543.21", out, sizeof out));
    assert_string_equal(out, "-9876543.21");
    /* exactly fits: "12345" is 5 bytes plus NUL */
    char six[6];
    assert_true(numfmt_plain("12345", six, sizeof six));
    assert_string_equal(six, "12345");
    /* one byte short: false */
    char five[5];
    assert_false(numfmt_plain("12345", five, sizeof five));
}

static void test_scale_units_never_grouped(void **state)
{
    (void)state;
    numfmt_parts p;
    assert_true(numfmt_figure("12345", "万元", NULL, &p));
    assert_string_equal(p.number, "12345");
    assert_string_equal(p.unit, "万元");
    assert_true(numfmt_figure("123456.7", "亿元", NULL, &p));
    assert_string_equal(p.number, "123456.7");
    assert_string_equal(p.unit, "亿元");
    assert_true(numfmt_figure("23456", "万人次", NULL, &p));
    assert_string_equal(p.number, "23456");
    assert_string_equal(p.unit, "万人次");
    /* a unit merely containing 万 later is not a scale unit */
    assert_true(numfmt_figure("23456", "/10万", NULL, &p));
    assert_string_equal(p.number, "23456");
    assert_string_equal(p.unit, "/10万");
}

static void test_qualifier_before(void **state)
{
    (void)state;
    static const char *const before[] = {"约", "超", "近", "逾", "达"};
    for (size_t i = 0; i < sizeof before / sizeof *before; i++) {
        numfmt_parts p;
        assert_true(numfmt_figure("12345", "人", before[i], &p));
        assert_string_equal(p.before, before[i]);
        assert_string_equal(p.after, "");
        assert_string_equal(p.number, "12345");
        assert_string_equal(p.unit, "人");
        /* with a scale unit the qualifier still stands before the number */
        assert_true(numfmt_figure("227", "万元", before[i], &p));
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
    assert_true(numfmt_figure("4000", "次", "余", &p));
    assert_string_equal(p.before, "");
    assert_string_equal(p.after, "余");
    assert_string_equal(p.number, "4000");
    assert_string_equal(p.unit, "次");

    assert_true(numfmt_figure("100", "", "多", &p));
    assert_string_equal(p.before, "");
    assert_string_equal(p.after, "多");
    assert_string_equal(p.unit, "");

    /* 以上 follows the whole unit: 12345人以上; any qualifier of a %: 93%以上 */
    assert_true(numfmt_figure("12345", "人", "以上", &p));
    assert_string_equal(p.before, "");
    assert_string_equal(p.after, "");
    assert_string_equal(p.unit, "人以上");
    assert_string_equal(p.number, "12345");
    assert_true(numfmt_figure("93", "%", "以上", &p));
    assert_string_equal(p.unit, "%以上");
    assert_string_equal(p.after, "");
}

static void test_qualifier_after_moves_into_scale_unit(void **state)
{
    (void)state;
    numfmt_parts p;
    assert_true(numfmt_figure("227", "万元", "余", &p));
    assert_string_equal(p.before, "");
    assert_string_equal(p.after, "");
    assert_string_equal(p.number, "227");
    assert_string_equal(p.unit, "万余元");

    assert_true(numfmt_figure("9", "万人次", "余", &p));
    assert_string_equal(p.unit, "万余人次");
    assert_string_equal(p.after, "");

    assert_true(numfmt_figure("3", "亿元", "多", &p));
    assert_string_equal(p.unit, "亿多元");
    assert_string_equal(p.after, "");

    /* a whole number of tens keeps the qualifier before the scale word */
    assert_true(numfmt_figure("730", "万剂次", "多", &p));
    assert_string_equal(p.after, "多");
    assert_string_equal(p.unit, "万剂次");
    assert_true(numfmt_figure("1000", "万元", "余", &p));
    assert_string_equal(p.after, "余");
    assert_string_equal(p.unit, "万元");

    /* a unit that is only the scale word */
    assert_true(numfmt_figure("12", "万", "余", &p));
    assert_string_equal(p.unit, "万余");
    assert_string_equal(p.after, "");
}

static void test_no_unit_no_qualifier(void **state)
{
    (void)state;
    numfmt_parts p;
    assert_true(numfmt_figure("12345", NULL, NULL, &p));
    assert_string_equal(p.number, "12345");
    assert_string_equal(p.unit, "");
    assert_string_equal(p.before, "");
    assert_string_equal(p.after, "");
    assert_true(numfmt_figure("12345", NULL, "", &p));
    assert_string_equal(p.before, "");
    assert_string_equal(p.after, "");
}

static void test_non_plain_literals_left_as_written(void **state)
{
    (void)state;
    static const char *const odd[] = {"1e3",  "1E3", "12345e2", "-1.5e-7", "+12345",
                                      ".5",   "5.",  "",        "-",       "12a45",
                                      "1,234", "--1", "1.2.3",  " 12345",  "12345 "};
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
        numfmt_parts p;
        assert_false(numfmt_figure(odd[i], "", NULL, &p));
        assert_string_equal(p.number, odd[i]);
        assert_false(numfmt_figure(odd[i], "万元", NULL, &p));
        assert_string_equal(p.number, odd[i]);
        char out[NUMFMT_MAX];
        assert_false(numfmt_plain(odd[i], out, sizeof out));
        assert_string_equal(out, odd[i]);
    }
}

static void test_too_long_literal(void **state)
{
    (void)state;
    char lit[NUMFMT_MAX + 10];
    memset(lit, '9', sizeof lit - 1);
    lit[sizeof lit - 1] = '\0';
    numfmt_parts p;
    assert_false(numfmt_figure(lit, "", NULL, &p));
    assert_int_equal(strlen(p.number), NUMFMT_MAX - 1);
    assert_false(numfmt_figure(lit, "万元", NULL, &p));
    assert_int_equal(strlen(p.number), NUMFMT_MAX - 1);
    /* 63 digits fit exactly; 64 do not */
    char lit63[64];
    memset(lit63, '1', 63);
    lit63[63] = '\0';
    assert_true(numfmt_figure(lit63, "", NULL, &p));
    assert_int_equal(strlen(p.number), 63);
    char lit64[65];
    memset(lit64, '1', 64);
    lit64[64] = '\0';
    assert_false(numfmt_figure(lit64, "", NULL, &p));
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

static void test_axis(void **state)
{
    (void)state;
    char out[NUMFMT_MAX];
    assert_true(numfmt_axis(0.1 + 0.2, 1, out, sizeof out));
    assert_string_equal(out, "0.3");
    assert_true(numfmt_axis(12345, 0, out, sizeof out));
    assert_string_equal(out, "12345");
    assert_true(numfmt_axis(2000, 0, out, sizeof out));
    assert_string_equal(out, "2000");
    assert_true(numfmt_axis(-25000, 0, out, sizeof out));
    assert_string_equal(out, "-25000");
    assert_true(numfmt_axis(2.5, 2, out, sizeof out));
    assert_string_equal(out, "2.50");
    /* never -0 */
    assert_true(numfmt_axis(-0.0, 0, out, sizeof out));
    assert_string_equal(out, "0");
    assert_true(numfmt_axis(-1e-12, 2, out, sizeof out));
    assert_string_equal(out, "0.00");
    assert_true(numfmt_axis(-0.004, 2, out, sizeof out));
    assert_string_equal(out, "0.00");
    /* too big for the buffer */
    assert_false(numfmt_axis(1e300, 0, out, sizeof out));
    char small[4];
    assert_false(numfmt_axis(12345, 0, small, sizeof small));
}

static void test_parse(void **state)
{
    (void)state;
    assert_true(numfmt_parse("12345") == 12345.0);
    assert_true(numfmt_parse("1234567.5") == 1234567.5);
    assert_true(numfmt_parse("-12345.25") == -12345.25);
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
        if (!numfmt_figure(lit, unit, qual, &p))
            fail_msg("numfmt_figure(\"%s\", \"%s\") failed", lit, unit);
        double want = strtod(lit, NULL);
        double got = numfmt_parse(p.number);
        if (got != want)
            fail_msg("literal %s printed as %s parses to %.17g, not %.17g", lit, p.number, got,
                     want);
        assert_int_equal(decimals_of(p.number), decimals_of(lit));
        /* nothing is added: the figure prints as written */
        if (strcmp(p.number, lit) != 0)
            fail_msg("literal %s with unit \"%s\" printed as %s", lit, unit, p.number);
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
        char out[NUMFMT_MAX];
        assert_true(numfmt_axis(v, decimals, out, sizeof out));
        assert_int_equal(decimals_of(out), (size_t)decimals);
        char plain[NUMFMT_MAX];
        snprintf(plain, sizeof plain, "%.*f", decimals, v);
        if (numfmt_parse(out) != strtod(plain, NULL))
            fail_msg("axis %s (from %s) does not round-trip", out, lit);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_four_digits_stay_plain),
        cmocka_unit_test(test_five_digits_and_more_stay_plain),
        cmocka_unit_test(test_negative_plain),
        cmocka_unit_test(test_decimals_kept_as_written),
        cmocka_unit_test(test_plain_direct),
        cmocka_unit_test(test_rescale_moves_the_point),
        cmocka_unit_test(test_scale_units_never_grouped),
        cmocka_unit_test(test_qualifier_before),
        cmocka_unit_test(test_qualifier_after),
        cmocka_unit_test(test_qualifier_after_moves_into_scale_unit),
        cmocka_unit_test(test_no_unit_no_qualifier),
        cmocka_unit_test(test_non_plain_literals_left_as_written),
        cmocka_unit_test(test_too_long_literal),
        cmocka_unit_test(test_axis),
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_property_formatting_never_changes_a_value),
        cmocka_unit_test(test_property_axis_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
