/* test_style: the palettes stay apart when printed in gray, and text stays
 * readable on paper. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <cmocka.h>

#include "layout/style.h"

/* WCAG contrast ratio of two luminances. */
static double contrast(double a, double b)
{
    double hi = fmax(a, b), lo = fmin(a, b);
    return (hi + 0.05) / (lo + 0.05);
}

static void check_series_steps(const style *st, double min_step)
{
    for (int i = 0; i < STYLE_SERIES; i++)
        for (int k = i + 1; k < STYLE_SERIES; k++) {
            double a = style_luminance(st->series[i]), b = style_luminance(st->series[k]);
            if (fabs(a - b) < min_step)
                fail_msg("%s: series %d (L=%.3f) and %d (L=%.3f) are closer than %.2f in gray",
                         st->name, i, a, k, b, min_step);
        }
}

/* The gray a colour prints as, 0 (black) to 1 (paper): its luminance back
 * in sRGB terms, as a printer's gray conversion sees it. */
static double print_gray(rgb c)
{
    return 1.055 * pow(style_luminance(c), 1 / 2.4) - 0.055;
}

/* A laser printer's screen: tints under 10 % vanish, thin or pale rules
 * band. White is paper, not a tint. */
static void check_print_limits(const style *st)
{
    const struct {
        const char *name;
        rgb c;
    } tints[] = {{"card_fill", st->card_fill},
                 {"panel_fill", st->panel_fill},
                 {"track", st->track},
                 {"watermark", st->watermark}},
      rules[] = {{"rule", st->rule}, {"grid", st->grid}, {"axis", st->axis}};
    for (size_t i = 0; i < sizeof tints / sizeof *tints; i++) {
        double g = print_gray(tints[i].c);
        if (g < 0.999 && g > 0.9005)
            fail_msg("%s: %s (gray %.3f) is a tint under 10 %%", st->name, tints[i].name, g);
    }
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
        double g = print_gray(rules[i].c);
        if (g > 0.72)
            fail_msg("%s: %s (gray %.3f) is too pale for a 0.5 pt rule", st->name, rules[i].name,
                     g);
    }
    const double widths[] = {st->chart_grid_w,     st->chart_axis_w,     st->footer_rule_w,
                             st->table_rule_light, st->table_rule_heavy, st->link_underline_w};
    for (size_t i = 0; i < sizeof widths / sizeof *widths; i++)
        if (widths[i] > 0 && widths[i] < 0.5)
            fail_msg("%s: a rule of %.2f pt, under 0.5 pt", st->name, widths[i]);
}

static void test_tints_and_rules_survive_a_laser(void **state)
{
    (void)state;
    check_print_limits(style_default());
    check_print_limits(style_grayscale());
    check_print_limits(style_gongwen());
}

static void test_colour_series_apart_in_gray(void **state)
{
    (void)state;
    check_series_steps(style_default(), 0.12);
}

static void test_gray_series_apart(void **state)
{
    (void)state;
    check_series_steps(style_grayscale(), 0.15);
    /* Adjacent gray series also differ in pattern. */
    const style *g = style_grayscale();
    for (int i = 1; i < STYLE_SERIES; i++)
        assert_int_not_equal(g->series_hatch[i], g->series_hatch[i - 1]);
}

static void test_text_readable_on_paper(void **state)
{
    (void)state;
    const style *styles[] = {style_default(), style_grayscale()};
    for (size_t s = 0; s < 2; s++) {
        const style *st = styles[s];
        const rgb colours[] = {st->ink, st->muted, st->accent, st->good, st->bad};
        for (size_t i = 0; i < sizeof colours / sizeof colours[0]; i++) {
            double c = contrast(style_luminance(colours[i]), 1.0);
            if (c < 4.5)
                fail_msg("%s: text colour %zu has contrast %.2f on white, below 4.5", st->name, i,
                         c);
            /* Cards are tinted: text must read there too. */
            c = contrast(style_luminance(colours[i]), style_luminance(st->card_fill));
            if (c < 4.5)
                fail_msg("%s: text colour %zu has contrast %.2f on a card", st->name, i, c);
        }
    }
}

static void test_luminance_reference_values(void **state)
{
    (void)state;
    assert_true(fabs(style_luminance((rgb){1, 1, 1}) - 1.0) < 1e-9);
    assert_true(fabs(style_luminance((rgb){0, 0, 0})) < 1e-9);
    /* #777777 is the classic 4.48:1 gray */
    double l = style_luminance((rgb){0x77 / 255.0, 0x77 / 255.0, 0x77 / 255.0});
    assert_true(fabs(contrast(l, 1.0) - 4.48) < 0.01);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_colour_series_apart_in_gray),
        cmocka_unit_test(test_tints_and_rules_survive_a_laser),
        cmocka_unit_test(test_gray_series_apart),
        cmocka_unit_test(test_text_readable_on_paper),
        cmocka_unit_test(test_luminance_reference_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
