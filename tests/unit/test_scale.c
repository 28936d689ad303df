/* Unit tests for src/layout/scale.c: nice 1-2-5 axes that cover the data,
 * ticks without binary noise, and the linear map. Checked by printed
 * numbers, as the header promises. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* fork, alarm */
#endif
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <float.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "layout/scale.h"

/* The tick printed as an axis label would be, -0 folded into 0 (numfmt_axis
 * does that; here we only care about binary noise). */
static void print_tick(const scale *s, int i, char *buf, size_t n)
{
    double t = scale_tick(s, i);
    snprintf(buf, n, "%.*f", s->decimals, t == 0 ? 0.0 : t);
}

/* Asserts the ticks print exactly as the expected list (n strings). */
static void assert_ticks(const scale *s, const char *const *expected, int n)
{
    assert_int_equal(s->n_ticks, n);
    for (int i = 0; i < n; i++) {
        char buf[64];
        print_tick(s, i, buf, sizeof buf);
        if (strcmp(buf, expected[i]) != 0)
            fail_msg("tick %d prints \"%s\", expected \"%s\"", i, buf, expected[i]);
    }
}

/* True when step is 1, 2 or 5 times a power of ten. */
static bool is_125(double step)
{
    if (!(step > 0) || !isfinite(step))
        return false;
    double e = floor(log10(step) + 1e-9);
    double m = step / pow(10, e);
    double r = round(m);
    return fabs(m - r) < 1e-9 * r && (r == 1 || r == 2 || r == 5);
}

/* Checks every promise of scale_nice for values in [vmin, vmax]; prints each
 * broken one and returns how many there were. */
static int scale_problems(double vmin, double vmax, int target, int include_zero)
{
    scale s = scale_nice(vmin, vmax, target, include_zero);
    double lo_v = fmin(vmin, vmax), hi_v = fmax(vmin, vmax);
    char what[160];
    int bad = 0;
    snprintf(what, sizeof what, "scale_nice(%.17g, %.17g, %d, %d)", vmin, vmax, target,
             include_zero);
#define PROBLEM(...)                                                                               \
    do {                                                                                           \
        print_error("%s: ", what);                                                                 \
        print_error(__VA_ARGS__);                                                                  \
        print_error("\n");                                                                         \
        bad++;                                                                                     \
    } while (0)
    if (s.n_ticks < 2 || s.n_ticks > SCALE_MAX_TICKS) {
        PROBLEM("%d ticks", s.n_ticks);
        return bad;
    }
    if (!is_125(s.step)) {
        PROBLEM("step %.17g is not 1, 2 or 5 times a power of ten", s.step);
        return bad;
    }
    if (!(s.lo <= lo_v) || !(s.hi >= hi_v))
        PROBLEM("axis [%.17g, %.17g] does not cover [%.17g, %.17g]", s.lo, s.hi, lo_v, hi_v);
    double first = scale_tick(&s, 0), last = scale_tick(&s, s.n_ticks - 1);
    if (!(first <= lo_v) || !(last >= hi_v))
        PROBLEM("ticks %.17g..%.17g do not cover [%.17g, %.17g]", first, last, lo_v, hi_v);
    if (include_zero && !(s.lo <= 0 && s.hi >= 0))
        PROBLEM("axis [%.17g, %.17g] misses zero", s.lo, s.hi);
    /* the ticks are evenly spaced by step from lo to hi */
    double n = round((s.hi - s.lo) / s.step) + 1;
    if (n != s.n_ticks)
        PROBLEM("(hi - lo) / step + 1 = %.17g, n_ticks %d", n, s.n_ticks);
    bool zero_is_tick = false;
    for (int i = 0; i < s.n_ticks; i++) {
        double t = scale_tick(&s, i);
        double want = s.lo + i * s.step;
        /* a step apart, within rounding: a few ulps of the tick itself */
        if (!(fabs(t - want) <= 1e-9 * s.step + 4e-16 * fabs(want)))
            PROBLEM("tick %d is %.17g, expected about %.17g", i, t, want);
        if (i > 0 && !(t > scale_tick(&s, i - 1)))
            PROBLEM("tick %d is not above tick %d", i, i - 1);
        /* no binary noise: the tick is exactly the number its label shows */
        char buf[400];
        print_tick(&s, i, buf, sizeof buf);
        if (strtod(buf, NULL) != t)
            PROBLEM("tick %d is %.17g but prints as %s", i, t, buf);
        zero_is_tick |= t == 0;
    }
    if (include_zero && !zero_is_tick)
        PROBLEM("zero is not a tick");
    /* decimals: enough for the step, and no more */
    char buf[400];
    snprintf(buf, sizeof buf, "%.*f", s.decimals, s.step);
    if (fabs(strtod(buf, NULL) - s.step) > 1e-9 * s.step)
        PROBLEM("step %.17g needs more than %d decimals", s.step, s.decimals);
    if (s.decimals > 0) {
        snprintf(buf, sizeof buf, "%.*f", s.decimals - 1, s.step);
        if (fabs(strtod(buf, NULL) - s.step) <= 1e-9 * s.step)
            PROBLEM("step %.17g needs fewer than %d decimals", s.step, s.decimals);
    }
    if (target >= 2 && target <= SCALE_MAX_TICKS - 2 && s.n_ticks > target + 2)
        PROBLEM("%d ticks for a target of %d", s.n_ticks, target);
#undef PROBLEM
    return bad;
}

static void check_scale(double vmin, double vmax, int target, int include_zero)
{
    assert_int_equal(scale_problems(vmin, vmax, target, include_zero), 0);
}

static void test_simple_range(void **state)
{
    (void)state;
    scale s = scale_nice(0, 100, 6, 1);
    assert_true(s.lo == 0);
    assert_true(s.hi == 100);
    assert_true(s.step == 20);
    assert_int_equal(s.decimals, 0);
    static const char *const t[] = {"0", "20", "40", "60", "80", "100"};
    assert_ticks(&s, t, 6);
    check_scale(0, 100, 6, 1);
}

static void test_covers_data(void **state)
{
    (void)state;
    scale s = scale_nice(3, 97, 5, 0);
    assert_true(s.lo <= 3);
    assert_true(s.hi >= 97);
    /* 94 / 4 = 23.5 rounds up to a step of 50 (25 is no 1-2-5 step) */
    assert_true(s.step == 50);
    static const char *const t[] = {"0", "50", "100"};
    assert_ticks(&s, t, 3);
    check_scale(3, 97, 5, 0);
    check_scale(31.89, 47.14, 5, 0);
    check_scale(31.89, 47.14, 5, 1);
    check_scale(1002, 4000, 6, 1);
}

static void test_include_zero(void **state)
{
    (void)state;
    scale s = scale_nice(50, 80, 5, 1);
    assert_true(s.lo == 0);
    assert_true(s.hi >= 80);
    static const char *const t[] = {"0", "20", "40", "60", "80"};
    assert_ticks(&s, t, 5);
    scale n = scale_nice(50, 80, 5, 0);
    assert_true(n.lo > 0); /* without include_zero the axis may start above zero */
    assert_true(n.lo <= 50);
    check_scale(50, 80, 5, 1);
    check_scale(-80, -50, 5, 1);
}

static void test_all_zeros_usable(void **state)
{
    (void)state;
    for (int z = 0; z <= 1; z++) {
        scale s = scale_nice(0, 0, 5, z);
        assert_true(s.hi > s.lo);
        assert_true(s.lo <= 0 && s.hi >= 0);
        assert_true(s.n_ticks >= 2 && s.n_ticks <= SCALE_MAX_TICKS);
        assert_true(isfinite(scale_map(&s, 0, 0, 100)));
        check_scale(0, 0, 5, z);
    }
    scale s = scale_nice(0, 0, 5, 1);
    static const char *const t[] = {"0.0", "0.5", "1.0"};
    assert_ticks(&s, t, 3);
}

static void test_equal_values(void **state)
{
    (void)state;
    scale s = scale_nice(5, 5, 5, 0);
    assert_true(s.lo < 5 && s.hi > 5);
    check_scale(5, 5, 5, 0);
    check_scale(5, 5, 5, 1);
    check_scale(-5, -5, 5, 0);
    check_scale(-5, -5, 5, 1);
    check_scale(1234.5, 1234.5, 5, 0);
    check_scale(0.001, 0.001, 5, 0);
    scale z = scale_nice(5, 5, 5, 1);
    assert_true(z.lo == 0 && z.hi >= 5);
}

static void test_negative_ranges(void **state)
{
    (void)state;
    scale s = scale_nice(-7, -3, 5, 1);
    static const char *const t[] = {"-8", "-6", "-4", "-2", "0"};
    assert_ticks(&s, t, 5);
    check_scale(-7, -3, 5, 0);
    check_scale(-7, -3, 5, 1);
    check_scale(-12.5, 37.5, 6, 1);
    check_scale(-0.3, 0.3, 7, 1);
    check_scale(-1e6, -999000, 5, 0);
}

static void test_reversed_and_target(void **state)
{
    (void)state;
    check_scale(100, 0, 5, 1); /* vmin > vmax is swapped */
    check_scale(0, 100, 0, 1); /* targets below 2 count as 2 */
    check_scale(0, 100, -3, 1);
    check_scale(0, 100, 2, 1);
    scale s = scale_nice(0, 100, 1000, 1); /* far too many asked: at most the maximum */
    assert_true(s.n_ticks >= 2 && s.n_ticks <= SCALE_MAX_TICKS);
    assert_true(s.hi >= 100);
}

static void test_non_finite_input(void **state)
{
    (void)state;
    scale s = scale_nice(NAN, 5, 5, 1);
    assert_true(isfinite(s.lo) && isfinite(s.hi) && s.hi > s.lo);
    s = scale_nice(0, INFINITY, 5, 1);
    assert_true(isfinite(s.lo) && isfinite(s.hi) && s.hi > s.lo);
    assert_true(s.n_ticks >= 2 && s.n_ticks <= SCALE_MAX_TICKS);
}

static void test_tiny_range(void **state)
{
    (void)state;
    scale s = scale_nice(0.001, 0.003, 5, 0);
    static const char *const t[] = {"0.0010", "0.0015", "0.0020", "0.0025", "0.0030"};
    assert_int_equal(s.decimals, 4);
    assert_ticks(&s, t, 5);
    check_scale(0.001, 0.003, 5, 0);
    check_scale(0.001, 0.003, 5, 1);
    check_scale(1e-7, 3e-7, 5, 0);
    check_scale(0.000123, 0.000124, 5, 0);
}

static void test_huge_range(void **state)
{
    (void)state;
    scale s = scale_nice(0, 1e9, 6, 1);
    static const char *const t[] = {"0",         "200000000", "400000000",
                                    "600000000", "800000000", "1000000000"};
    assert_ticks(&s, t, 6);
    check_scale(0, 1e9, 6, 1);
    check_scale(0, 1e9, 5, 1);
    check_scale(1e9, 1e9 + 500, 5, 0);
    check_scale(0, 9.87654321e12, 5, 1);
}

static void test_no_binary_noise(void **state)
{
    (void)state;
    /* 0, 0.1, 0.2, 0.3: lo + 3 * 0.1 is 0.30000000000000004 in binary */
    scale s = scale_nice(0, 0.3, 4, 1);
    assert_true(s.step == 0.1);
    assert_int_equal(s.decimals, 1);
    static const char *const t[] = {"0.0", "0.1", "0.2", "0.3"};
    assert_ticks(&s, t, 4);
    assert_true(scale_tick(&s, 3) == 0.3);
    assert_true(scale_tick(&s, 1) == 0.1);
    scale m = scale_nice(0, 0.7, 8, 1);
    assert_true(scale_tick(&m, 7) == 0.7);
    assert_true(scale_tick(&m, 6) == 0.6);
    scale c = scale_nice(0.3, 0.7, 5, 1);
    for (int i = 0; i < c.n_ticks; i++) {
        char buf[64];
        print_tick(&c, i, buf, sizeof buf);
        assert_true(strtod(buf, NULL) == scale_tick(&c, i));
    }
}

/* A 0.1 step makes lo = 3 * 0.1 = 0.30000000000000004 for data from 0.3:
 * the axis then starts above the smallest value. */
static void test_lo_hi_cover_decimal_data(void **state)
{
    (void)state;
    scale s = scale_nice(0.3, 0.7, 5, 0);
    assert_true(s.step == 0.1);
    if (!(s.lo <= 0.3))
        fail_msg("scale_nice(0.3, 0.7, 5, 0).lo = %.17g > 0.3", s.lo);
    assert_true(s.hi >= 0.7);
    assert_true(s.lo == scale_tick(&s, 0));
}

/* floor(vmin / step + 1e-9) and ceil(vmax / step - 1e-9) forgive a billionth
 * of a step, which drops a value that close above a multiple of the step. */
static void test_hi_covers_value_just_above_a_multiple(void **state)
{
    (void)state;
    scale s = scale_nice(-5.67e9, 0.0072, 11, 1);
    if (!(s.hi >= 0.0072))
        fail_msg("scale_nice(-5.67e9, 0.0072, 11, 1).hi = %.17g < 0.0072", s.hi);
    /* as a bar chart calls it: include_zero, one value */
    scale b = scale_nice(0, 5e-6, 2, 1);
    if (!(b.hi >= 5e-6))
        fail_msg("scale_nice(0, 5e-6, 2, 1).hi = %.17g < 5e-6", b.hi);
}

static void test_map(void **state)
{
    (void)state;
    scale s = scale_nice(0, 100, 6, 1);
    assert_true(scale_map(&s, 0, 10, 110) == 10);
    assert_true(scale_map(&s, 100, 10, 110) == 110);
    assert_true(scale_map(&s, 50, 10, 110) == 60);
    /* reversed target: page y grows downwards */
    assert_true(scale_map(&s, 0, 500, 100) == 500);
    assert_true(scale_map(&s, 100, 500, 100) == 100);
    assert_true(scale_map(&s, 25, 500, 100) == 400);
    scale flat = {.lo = 3, .hi = 3, .step = 1, .n_ticks = 2};
    assert_true(scale_map(&flat, 3, 7, 9) == 7);
}

/* A deterministic generator (xorshift64*), so a failure reproduces. */
static uint64_t rng_state = 0x2545F4914F6CDD1Du;

static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717u;
}

/* A value as a data file would write it: a few significant digits, some
 * decimals, magnitude 1e-4 .. 1e10. */
static double random_value(void)
{
    char buf[64];
    int exp10 = (int)(rng() % 15) - 4;
    int digits = 1 + (int)(rng() % 5);
    long mant = (long)(rng() % 100000) % (long)pow(10, digits);
    snprintf(buf, sizeof buf, "%s%lde%d", rng() % 4 == 0 ? "-" : "", mant, exp10 - digits + 1);
    return strtod(buf, NULL);
}

/* Doubles carry about 16 significant digits: a range narrower than a
 * billionth of its magnitude has no ticks that print exactly, so the property
 * loops leave such ranges out (equal values stay in). */
static bool fair_range(double a, double b)
{
    double width = fabs(b - a), mag = fmax(fabs(a), fabs(b));
    return width == 0 || width >= 1e-9 * mag;
}

static void test_property_random_ranges(void **state)
{
    (void)state;
    int failed = 0, runs = 20000;
    for (int k = 0; k < runs; k++) {
        double a = random_value();
        double b = rng() % 8 == 0 ? a : rng() % 2 ? random_value() : a + fabs(random_value());
        int target = 2 + (int)(rng() % 11);
        int zero = (int)(rng() % 2);
        if (!fair_range(a, b))
            continue;
        if (scale_problems(a, b, target, zero) && ++failed >= 10)
            break;
    }
    if (failed)
        fail_msg("%d ranges broke a promise (stopped at 10)", failed);
}

/* The same over arbitrary doubles (not only short decimals). */
static void test_property_random_doubles(void **state)
{
    (void)state;
    int failed = 0;
    for (int k = 0; k < 20000; k++) {
        double mag = pow(10, (double)(rng() % 13) - 3);
        double a = ((double)(rng() >> 11) / 9007199254740992.0 - 0.5) * mag;
        double b = a + (double)(rng() >> 11) / 9007199254740992.0 * mag;
        if (!fair_range(a, b))
            continue;
        if (scale_problems(a, b, 2 + (int)(rng() % 11), (int)(rng() % 2)) && ++failed >= 10)
            break;
    }
    if (failed)
        fail_msg("%d ranges broke a promise (stopped at 10)", failed);
}

/* Runs scale_nice for every case in its own child, killed after a few
 * seconds, so an endless loop fails this test instead of hanging the suite.
 * A child exits 0 when it got a usable axis (2..SCALE_MAX_TICKS ticks,
 * lo < hi), 3 when not. */
static pid_t spawn_scale_nice(double vmin, double vmax, int include_zero)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        alarm(3);
        scale s = scale_nice(vmin, vmax, 5, include_zero);
        _exit(s.n_ticks >= 2 && s.n_ticks <= SCALE_MAX_TICKS && s.lo < s.hi ? 0 : 3);
    }
    return pid;
}

/* Finite values at the ends of the double range: the loader accepts them, and
 * a bar chart must still get an axis, in finite time. */
static void test_extreme_values_terminate(void **state)
{
    (void)state;
    static const double cases[][2] = {
        {0, 1.7e308}, {-1e308, 1e308}, {0, DBL_MAX}, {-DBL_MAX, 0}, {0, 5e-324}, {0, 1e-310},
    };
    enum { N = sizeof cases / sizeof *cases };
    pid_t pids[N];
    for (size_t i = 0; i < N; i++)
        pids[i] = spawn_scale_nice(cases[i][0], cases[i][1], 1);
    int failures = 0;
    for (size_t i = 0; i < N; i++) {
        int status = 0;
        assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            continue;
        print_error("scale_nice(%g, %g, 5, 1): %s\n", cases[i][0], cases[i][1],
                    WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM
                        ? "did not return within 3 s (endless loop)"
                        : "no usable axis");
        failures++;
    }
    assert_int_equal(failures, 0);
}

/* Large and small but sane-looking ranges: ticks must stay finite numbers. */
static void test_extreme_ticks_finite(void **state)
{
    (void)state;
    static const double cases[][2] = {{0, 1e303}, {0, 1.5e308}, {0, 1e-305}, {1e-20, 3e-20}};
    int failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        scale s = scale_nice(cases[i][0], cases[i][1], 5, 1);
        for (int k = 0; k < s.n_ticks; k++) {
            double t = scale_tick(&s, k);
            double want = s.lo + k * s.step;
            if (!isfinite(t) || fabs(t - want) > 1e-9 * s.step) {
                print_error("scale_nice(%g, %g): tick %d is %g, expected %g\n", cases[i][0],
                            cases[i][1], k, t, want);
                failures++;
            }
        }
    }
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple_range),
        cmocka_unit_test(test_covers_data),
        cmocka_unit_test(test_include_zero),
        cmocka_unit_test(test_all_zeros_usable),
        cmocka_unit_test(test_equal_values),
        cmocka_unit_test(test_negative_ranges),
        cmocka_unit_test(test_reversed_and_target),
        cmocka_unit_test(test_non_finite_input),
        cmocka_unit_test(test_tiny_range),
        cmocka_unit_test(test_huge_range),
        cmocka_unit_test(test_no_binary_noise),
        cmocka_unit_test(test_lo_hi_cover_decimal_data),
        cmocka_unit_test(test_hi_covers_value_just_above_a_multiple),
        cmocka_unit_test(test_map),
        cmocka_unit_test(test_property_random_ranges),
        cmocka_unit_test(test_property_random_doubles),
        cmocka_unit_test(test_extreme_values_terminate),
        cmocka_unit_test(test_extreme_ticks_finite),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
