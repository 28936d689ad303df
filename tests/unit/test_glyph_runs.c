/* test_glyph_runs: the glyph runs typeset hands the OFD writer are the text
 * as set: every character in one cluster, glyphs left to right ending at the
 * line's width, lines placed as text_draw_lines places them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "typeset/text.h"

static text_fonts *fonts;

typedef struct seen {
    int runs, glyphs;
    double x_min, x_max, baseline;
    char text[512]; /* the characters of every cluster, in order */
    size_t len;
    bool file_ok, size_ok, order_ok;
    double size;
} seen;

static void collect(const text_run *r, void *user)
{
    seen *s = user;
    if (s->runs == 0) {
        s->x_min = r->glyphs[0].x;
        s->baseline = r->glyphs[0].y;
    }
    s->runs++;
    s->file_ok = s->file_ok && access(r->font_file, R_OK) == 0 && r->font_index >= 0;
    s->size_ok = s->size_ok && (r->size == s->size || r->size < s->size); /* gaps are scaled down */
    int last_cluster = -1;
    for (int i = 0; i < r->n_glyphs; i++) {
        const text_glyph *g = &r->glyphs[i];
        s->glyphs++;
        if (i > 0 && g->x <= r->glyphs[i - 1].x) /* left to right */
            s->order_ok = false;
        if (g->x + g->advance > s->x_max)
            s->x_max = g->x + g->advance;
        if (g->cluster != last_cluster && s->len + (size_t)g->cluster_len < sizeof s->text) {
            memcpy(s->text + s->len, r->utf8 + g->cluster, (size_t)g->cluster_len);
            s->len += (size_t)g->cluster_len;
            s->text[s->len] = '\0';
        }
        last_cluster = g->cluster;
    }
}

static text *make(const char *utf8, double width, double han_latin)
{
    text_style st = {
        .face = FACE_SANS, .size = 10, .align = ALIGN_JUSTIFY, .han_latin_em = han_latin};
    uint32_t missing = 0;
    text *t = text_new(fonts, utf8, &st, width, &missing);
    assert_non_null(t);
    return t;
}

static void test_one_line(void **state)
{
    (void)state;
    text *t = make("全市有5个医共体。", 0, 0.25);
    seen s = {.file_ok = true, .size_ok = true, .order_ok = true, .size = 10};
    assert_true(text_glyph_runs(t, 100, 200, 0, 0, collect, &s));
    assert_true(s.runs >= 1);
    assert_true(s.file_ok);
    assert_true(s.size_ok);
    assert_true(s.order_ok);
    /* every character once; the gaps around 5 are positions, not characters */
    assert_string_equal(s.text, "全市有5个医共体。");
    assert_float_equal(s.x_min, 100, 1e-6);
    assert_float_equal(s.x_max - 100, text_width(t), 0.01);
    assert_float_equal(s.baseline, 200 + text_baseline(t), 1e-6);
    text_free(t);
}

static void test_lines_as_drawn(void **state)
{
    (void)state;
    const char *para =
        "在全国市级行政区医改监测评价中获得较高等次，列全国前列、中部第三、全省第二，"
        "基层医疗机构覆盖全部乡镇。";
    text *t = make(para, 120, 0);
    assert_true(text_line_count(t) >= 2);
    seen all = {.file_ok = true, .size_ok = true, .order_ok = true, .size = 10};
    assert_true(text_glyph_runs(t, 0, 0, 0, 0, collect, &all));
    /* zero-width break opportunities draw nothing and are left out */
    char want[512];
    size_t n = 0;
    for (const char *p = para; *p && n + 4 < sizeof want;) {
        if (strncmp(p, "\xE2\x80\x8B", 3) == 0) {
            p += 3;
            continue;
        }
        want[n++] = *p++;
    }
    want[n] = '\0';
    assert_string_equal(all.text, want);

    /* line 2 alone, its top at y = 50: the baseline text_draw_lines uses */
    double top, bottom;
    text_line_span(t, 1, &top, &bottom);
    seen second = {.file_ok = true, .size_ok = true, .order_ok = true, .size = 10};
    assert_true(text_glyph_runs(t, 0, 50, 1, 1, collect, &second));
    assert_true(second.glyphs > 0 && second.glyphs < all.glyphs);
    assert_true(second.baseline > 50 && second.baseline < 50 + (bottom - top));
    /* a justified full line ends at the width */
    seen first = {.file_ok = true, .size_ok = true, .order_ok = true, .size = 10};
    assert_true(text_glyph_runs(t, 0, 0, 0, 1, collect, &first));
    assert_float_equal(first.x_max, 120, 0.6);
    text_free(t);
}

static int setup(void **state)
{
    (void)state;
    diag_list dl;
    diag_list_init(&dl, 10);
    fonts = text_fonts_new("fonts/fonts.conf", TEXT_FOR_PDF, &dl);
    if (!fonts)
        diag_list_print(&dl, stderr);
    diag_list_clear(&dl);
    return fonts ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    text_fonts_free(fonts);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_line),
        cmocka_unit_test(test_lines_as_drawn),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
