/* Unit tests for src/model/selfcheck.c: a figure against its own quote (with
 * its unit's scale), against last year's figure, its cited source, and the
 * numbers of paragraphs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/diag.h"
#include "model/history.h"
#include "model/selfcheck.h"
#include "model/sheet.h"

static void test_stands_in(void **state)
{
    (void)state;
    assert_true(selfcheck_stands_in("节省药费2.30亿元", "2.30", "亿元"));
    assert_true(selfcheck_stands_in("提升至80%", "80", "%"));
    assert_true(selfcheck_stands_in("办理行政审批12,345件", "12345", "件"));
    assert_true(selfcheck_stands_in("节省费用4700余万元", "4700", "万元"));
    assert_true(selfcheck_stands_in("接种730多万剂次", "730", "万剂次"));
    assert_true(selfcheck_stands_in("死亡率9.77/10万", "9.77", "/10万"));
    assert_false(selfcheck_stands_in("提升至80%", "0.8", "%"));
    assert_false(selfcheck_stands_in("共88个", "8", "个"));
    assert_false(selfcheck_stands_in("达1.8万个", "8", "个"));
    assert_false(selfcheck_stands_in("托位1.2万个", "1.2", "个"));
    assert_false(selfcheck_stands_in("节省2.3亿元", "2.3", "万元"));
    assert_false(selfcheck_stands_in("比率3‰", "3", "%"));
}

/* A sheet of two figures with the quote of the first replaced. */
static const char *const sheet_fmt =
    "{\"year\": %d, \"title\": \"t\", \"issuer\": \"i\", \"date\": \"%d-01-15\",\n"
    " \"sources\": [{\"file\": \"a.txt\", \"title\": \"来源\"}%s],\n"
    " \"indicators\": [\n"
    "  {\"id\": \"pay\", \"label\": \"移动支付占比\", \"value\": %s, \"unit\": \"%%\",\n"
    "   \"source\": {\"file\": \"%s\", \"quote\": \"移动支付占比提升至%s%%\"}},\n"
    "  {\"id\": \"spec\", \"label\": \"重点专科\", \"value\": %s, \"unit\": \"个\",\n"
    "   \"source\": {\"file\": \"a.txt\", \"quote\": \"重点专科%s个\"}}],\n"
    " \"sections\": [{\"title\": \"s\", \"blocks\": [{\"type\": \"kpi\", \"items\": [\"pay\", "
    "\"spec\"]},\n"
    "   {\"type\": \"text\", \"text\": \"%s\"}]}]}\n";

static sheet *make(int year, const char *extra_source, const char *pay, const char *file,
                   const char *pay_quote, const char *spec, const char *spec_quote,
                   const char *text)
{
    char buf[4096];
    snprintf(buf, sizeof buf, sheet_fmt, year, year, extra_source, pay, file, pay_quote, spec,
             spec_quote, text);
    diag_list dl;
    diag_list_init(&dl, 20);
    sheet *s = sheet_load_bytes("t.json", buf, strlen(buf), &dl);
    if (!s)
        for (size_t i = 0; i < dl.count; i++)
            print_error("%s\n", dl.items[i].message);
    diag_list_clear(&dl);
    assert_non_null(s);
    return s;
}

/* The one message of dl with severity sev containing needle. */
static bool has(const diag_list *dl, diag_severity sev, const char *needle)
{
    for (size_t i = 0; i < dl->count; i++)
        if (dl->items[i].severity == sev && strstr(dl->items[i].message, needle))
            return true;
    for (size_t i = 0; i < dl->count; i++)
        print_error("  %s\n", dl->items[i].message);
    return false;
}

static void test_clean_sheet(void **state)
{
    (void)state;
    sheet *s = make(2025, "", "80", "a.txt", "80", "88", "88",
                    "专科88个，占比80%，均居全省前列，服务能力持续提升。");
    diag_list dl;
    diag_list_init(&dl, 20);
    assert_true(selfcheck_sheet(s, NULL, &dl));
    assert_int_equal(dl.count, 0);
    diag_list_clear(&dl);
    sheet_free(s);
}

static void test_fraction_named(void **state)
{
    (void)state;
    sheet *s = make(2025, "", "0.8", "a.txt", "80", "88", "88", "");
    diag_list dl;
    diag_list_init(&dl, 20);
    assert_false(selfcheck_sheet(s, NULL, &dl));
    assert_true(has(&dl, DIAG_ERROR,
                    "the figure 0.8 % does not stand in its quote "
                    "\"移动支付占比提升至80%\", which says 80%"));
    diag_list_clear(&dl);
    sheet_free(s);
}

static void test_jump_warned(void **state)
{
    (void)state;
    history h = {0};
    sheet *prev = make(2024, "", "70", "a.txt", "70", "88", "88", "");
    sheet *cur = make(2025, "", "80", "a.txt", "80", "1234", "1234", "");
    sheet *years[] = {prev};
    h.years = years;
    h.n = 1;
    diag_list dl;
    diag_list_init(&dl, 20);
    assert_true(selfcheck_sheet(cur, &h, &dl)); /* a warning only */
    assert_true(has(&dl, DIAG_WARNING, "1234 个 in 2025 is more than five times 88 个 in 2024"));
    assert_int_equal(dl.count, 1);
    diag_list_clear(&dl);
    sheet_free(cur);
    cur = make(2025, "", "80", "a.txt", "80", "17", "17", "");
    assert_true(selfcheck_sheet(cur, &h, &dl));
    assert_true(has(&dl, DIAG_WARNING, "17 个 in 2025 is less than a fifth of 88 个 in 2024"));
    diag_list_clear(&dl);
    sheet_free(cur);
    sheet_free(prev);
}

static void test_sources_cited_and_used(void **state)
{
    (void)state;
    sheet *s = make(2025, ", {\"file\": \"b.txt\", \"title\": \"另一\"}", "80", "a.tx", "80", "88",
                    "88", "");
    diag_list dl;
    diag_list_init(&dl, 20);
    assert_false(selfcheck_sheet(s, NULL, &dl));
    assert_true(
        has(&dl, DIAG_ERROR, "\"a.tx\" is not one of the \"sources\"; did you mean \"a.txt\"?"));
    assert_true(has(&dl, DIAG_WARNING, "no figure or honour cites \"b.txt\""));
    diag_list_clear(&dl);
    sheet_free(s);
}

static void test_paragraph_numbers(void **state)
{
    (void)state;
    sheet *s =
        make(2025, "", "80", "a.txt", "80", "88", "88", "2025年专科88个、病床1200张，床位1200张。");
    diag_list dl;
    diag_list_init(&dl, 20);
    assert_true(selfcheck_sheet(s, NULL, &dl));
    assert_int_equal(dl.count, 1);
    assert_true(has(&dl, DIAG_WARNING, "the text says 1200, not a figure of the sheet"));
    diag_list_clear(&dl);
    sheet_free(s);
}

/* A period a figure states, a stock's date and an honour's own quote hold
 * numbers that are no figures (main's check_sources.py reads them so too). */
static void test_paragraph_own_words(void **state)
{
    (void)state;
    static const char json[] =
        "{\"year\": 2023, \"title\": \"t\", \"issuer\": \"i\", \"date\": \"2024-01-15\",\n"
        " \"sources\": [{\"file\": \"a.txt\", \"title\": \"来源\"}],\n"
        " \"indicators\": [{\"id\": \"m\", \"label\": \"医共体\", \"value\": 23, \"unit\": "
        "\"个\",\n"
        "   \"as_of\": \"2024-01\", \"period\": \"1至12月中旬\",\n"
        "   \"source\": {\"file\": \"a.txt\", \"quote\": \"1至12月中旬组建医共体23个\"}}],\n"
        " \"honours\": [{\"id\": \"h\", \"text\": \"在2022年国考中进入A级\",\n"
        "   \"source\": {\"file\": \"a.txt\", \"quote\": \"在2022年国考中进入A级序列\"}}],\n"
        " \"sections\": [{\"title\": \"s\", \"blocks\": [{\"type\": \"kpi\", \"items\": [\"m\"]},\n"
        "   {\"type\": \"text\", \"text\": "
        "\"截至2024年1月，1至12月中旬组建医共体23个，另有7个。\"}]}]}\n";
    diag_list dl;
    diag_list_init(&dl, 20);
    sheet *s = sheet_load_bytes("t.json", json, strlen(json), &dl);
    assert_non_null(s);
    diag_list_clear(&dl);
    assert_true(selfcheck_sheet(s, NULL, &dl));
    assert_int_equal(dl.count, 1);
    assert_true(has(&dl, DIAG_WARNING, "the text says 7, not a figure"));
    diag_list_clear(&dl);
    sheet_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stands_in),
        cmocka_unit_test(test_clean_sheet),
        cmocka_unit_test(test_fraction_named),
        cmocka_unit_test(test_jump_warned),
        cmocka_unit_test(test_sources_cited_and_used),
        cmocka_unit_test(test_paragraph_numbers),
        cmocka_unit_test(test_paragraph_own_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
