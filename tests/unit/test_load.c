/* Unit tests for src/model/load.c (sheet_load_bytes): a valid sheet loads
 * with every literal as written; every bad input returns NULL with the exact
 * message at the exact line:column; warnings alone still return a sheet.
 *
 * Positions below were counted independently, by code point, from the
 * text of `base`. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* mkstemp */
#endif
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/diag.h"
#include "model/sheet.h"

static const char base[] =
    "{\n"
    "  \"year\": 2023,\n"
    "  \"title\": \"2023年卫生健康概况\",\n"
    "  \"issuer\": \"市卫生健康委员会\",\n"
    "  \"date\": \"2024-01-15\",\n"
    "  \"sources\": [{\"file\": \"a.txt\", \"title\": \"来源\"}],\n"
    "  \"indicators\": [\n"
    "    {\"id\": \"beds\", \"label\": \"床位\", \"value\": 2.30, \"unit\": \"万张\",\n"
    "     \"source\": {\"file\": \"a.txt\", \"quote\": \"床位2.30万张\"}},\n"
    "    {\"id\": \"visits\", \"label\": \"诊疗\", \"value\": 12345, \"unit\": \"人次\", "
    "\"qualifier\": \"余\",\n"
    "     \"source\": {\"file\": \"a.txt\", \"quote\": \"诊疗12345余人次\"}},\n"
    "    {\"id\": \"rate\", \"label\": \"比率\", \"value\": -0.5, \"unit\": \"%\", \"better\": "
    "\"lower\",\n"
    "     \"source\": {\"file\": \"a.txt\", \"quote\": \"比率-0.5%\"}},\n"
    "    {\"id\": \"big\", \"label\": \"大数\", \"value\": 100, \"unit\": \"%\", \"note\": "
    "\"注释\",\n"
    "     \"source\": {\"file\": \"a.txt\", \"quote\": \"100\"}}\n"
    "  ],\n"
    "  \"sections\": [\n"
    "    {\"title\": \"概况\", \"blocks\": [{\"type\": \"kpi\", \"items\": [\"beds\", "
    "\"visits\"]}]},\n"
    "    {\"title\": \"图表\", \"blocks\": [\n"
    "      {\"type\": \"bar\", \"title\": \"比率\", \"items\": [\"rate\", {\"id\": \"big\", "
    "\"label\": \"大\"}]},\n"
    "      {\"type\": \"text\", \"text\": \"正文。\"}\n"
    "    ]}\n"
    "  ]\n"
    "}\n";

/* base with the one occurrence of old replaced by new; malloc'd. */
static char *mutate(const char *old, const char *new)
{
    const char *at = strstr(base, old);
    assert_non_null(at);
    assert_null(strstr(at + 1, old)); /* exactly one occurrence */
    size_t lo = strlen(old), ln = strlen(new), lb = strlen(base);
    char *t = malloc(lb - lo + ln + 1);
    assert_non_null(t);
    size_t pre = (size_t)(at - base);
    memcpy(t, base, pre);
    memcpy(t + pre, new, ln);
    memcpy(t + pre + ln, at + lo, lb - pre - lo + 1);
    return t;
}

static void dump(const diag_list *dl)
{
    for (size_t i = 0; i < dl->count; i++) {
        const diag *d = &dl->items[i];
        print_error("  %s %d:%d [%s] %s\n", d->severity == DIAG_ERROR ? "error" : "warning",
                    d->line, d->column, d->path ? d->path : "(no path)", d->message);
    }
}

static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Asserts dl holds a problem with exactly this severity, path (NULL: none),
 * position and message; returns it. */
static const diag *expect_diag(const diag_list *dl, diag_severity sev, const char *path, int line,
                               int column, const char *message)
{
    for (size_t i = 0; i < dl->count; i++) {
        const diag *d = &dl->items[i];
        if (same(d->path, path) && strcmp(d->message, message) == 0) {
            if (d->severity != sev || d->line != line || d->column != column) {
                dump(dl);
                fail_msg("\"%s\": %s at %d:%d, expected %s at %d:%d", message,
                         d->severity == DIAG_ERROR ? "error" : "warning", d->line, d->column,
                         sev == DIAG_ERROR ? "error" : "warning", line, column);
            }
            assert_string_equal(d->file, "t.json");
            return d;
        }
    }
    dump(dl);
    fail_msg("no diagnostic [%s] \"%s\"", path ? path : "(no path)", message);
    return NULL;
}

/* Loads text, asserts it fails with exactly one error: this one. */
static void expect_error(const char *text, size_t len, const char *path, int line, int column,
                         const char *message)
{
    diag_list dl;
    diag_list_init(&dl, 100);
    sheet *s = sheet_load_bytes("t.json", text, len, &dl);
    if (s) {
        dump(&dl);
        sheet_free(s);
        diag_list_clear(&dl);
        fail_msg("loaded, expected the error \"%s\"", message);
    }
    expect_diag(&dl, DIAG_ERROR, path, line, column, message);
    if (dl.errors != 1)
        dump(&dl);
    assert_int_equal(dl.errors, 1);
    diag_list_clear(&dl);
    free(dl.items);
}

/* The same for base with one replacement. */
static void expect_mutation_error(const char *old, const char *new, const char *path, int line,
                                  int column, const char *message)
{
    char *t = mutate(old, new);
    expect_error(t, strlen(t), path, line, column, message);
    free(t);
}

static void test_valid_sheet_loads(void **state)
{
    (void)state;
    diag_list dl;
    diag_list_init(&dl, 100);
    sheet *s = sheet_load_bytes("t.json", base, sizeof base - 1, &dl);
    if (!s)
        dump(&dl);
    assert_non_null(s);
    assert_int_equal(dl.errors, 0);
    assert_int_equal(dl.warnings, 0);
    assert_int_equal(dl.count, 0);
    assert_string_equal(s->file, "t.json");
    assert_int_equal(s->year, 2023);
    assert_string_equal(s->title, "2023年卫生健康概况");
    assert_null(s->subtitle);
    assert_string_equal(s->issuer, "市卫生健康委员会");
    assert_string_equal(s->date, "2024-01-15");
    assert_int_equal(s->n_sources, 1);
    assert_string_equal(s->sources[0].file, "a.txt");
    assert_string_equal(s->sources[0].title, "来源");
    assert_null(s->sources[0].publisher);
    assert_null(s->sources[0].url);

    assert_int_equal(s->n_indicators, 4);
    const sheet_indicator *beds = &s->indicators[0], *visits = &s->indicators[1];
    const sheet_indicator *rate = &s->indicators[2], *big = &s->indicators[3];
    assert_string_equal(beds->id, "beds");
    assert_string_equal(beds->label, "床位");
    assert_string_equal(beds->unit, "万张");
    assert_null(beds->qualifier);
    assert_null(beds->note);
    assert_int_equal(beds->better, BETTER_UNSPECIFIED);
    assert_string_equal(beds->source_file, "a.txt");
    assert_string_equal(beds->source_quote, "床位2.30万张");
    assert_string_equal(beds->path, "indicators[0]");
    assert_string_equal(visits->qualifier, "余");
    assert_string_equal(visits->unit, "人次");
    assert_int_equal(rate->better, BETTER_LOWER);
    assert_string_equal(big->note, "注释");
    assert_string_equal(big->path, "indicators[3]");

    assert_int_equal(sheet_find_indicator(s, "beds"), 0);
    assert_int_equal(sheet_find_indicator(s, "big"), 3);
    assert_true(sheet_find_indicator(s, "nope") == (size_t)-1);

    assert_int_equal(s->n_sections, 2);
    assert_string_equal(s->sections[0].title, "概况");
    assert_string_equal(s->sections[0].path, "sections[0]");
    assert_int_equal(s->sections[0].n_blocks, 1);
    const sheet_block *kpi = &s->sections[0].blocks[0];
    assert_int_equal(kpi->kind, BLOCK_KPI);
    assert_string_equal(kpi->path, "sections[0].blocks[0]");
    assert_int_equal(kpi->n_items, 2);
    assert_int_equal(kpi->items[0].indicator, 0);
    assert_int_equal(kpi->items[1].indicator, 1);
    assert_string_equal(kpi->items[1].label, "诊疗"); /* the indicator's own label */
    assert_int_equal(s->sections[1].n_blocks, 2);
    const sheet_block *bar = &s->sections[1].blocks[0];
    assert_int_equal(bar->kind, BLOCK_BAR);
    assert_string_equal(bar->title, "比率");
    assert_string_equal(bar->unit, "%"); /* stated once, taken from the bars */
    assert_int_equal(bar->n_items, 2);
    assert_int_equal(bar->items[0].indicator, 2);
    assert_int_equal(bar->items[1].indicator, 3);
    assert_string_equal(bar->items[1].label, "大"); /* the item's own label */
    assert_string_equal(bar->path, "sections[1].blocks[0]");
    const sheet_block *text = &s->sections[1].blocks[1];
    assert_int_equal(text->kind, BLOCK_TEXT);
    assert_string_equal(text->text, "正文。");
    assert_int_equal(text->n_items, 0);

    assert_int_equal(s->text_len, sizeof base - 1);
    assert_memory_equal(s->text, base, sizeof base - 1);
    sheet_free(s);
    diag_list_clear(&dl);
    free(dl.items);
}

static void test_literals_kept_exactly(void **state)
{
    (void)state;
    diag_list dl;
    diag_list_init(&dl, 100);
    sheet *s = sheet_load_bytes("t.json", base, sizeof base - 1, &dl);
    assert_non_null(s);
    assert_string_equal(s->indicators[0].literal, "2.30");
    assert_true(s->indicators[0].value == 2.3);
    assert_string_equal(s->indicators[1].literal, "12345");
    assert_true(s->indicators[1].value == 12345);
    assert_string_equal(s->indicators[2].literal, "-0.5");
    assert_true(s->indicators[2].value == -0.5);
    assert_string_equal(s->indicators[3].literal, "100");
    assert_true(s->indicators[3].value == 100);
    sheet_free(s);

    char *t = mutate("\"value\": 2.30", "\"value\": 46.090");
    s = sheet_load_bytes("t.json", t, strlen(t), &dl);
    assert_non_null(s);
    assert_string_equal(s->indicators[0].literal, "46.090");
    sheet_free(s);
    free(t);
    t = mutate("\"value\": 2.30", "\"value\": -0.000120");
    s = sheet_load_bytes("t.json", t, strlen(t), &dl);
    assert_non_null(s);
    assert_string_equal(s->indicators[0].literal, "-0.000120");
    assert_true(s->indicators[0].value == -0.000120);
    sheet_free(s);
    free(t);
    assert_int_equal(dl.count, 0);
    diag_list_clear(&dl);
    free(dl.items);
}

static void test_positions_kept_after_loading(void **state)
{
    (void)state;
    diag_list dl;
    diag_list_init(&dl, 100);
    sheet *s = sheet_load_bytes("t.json", base, sizeof base - 1, &dl);
    assert_non_null(s);
    sheet_report(s, &dl, DIAG_WARNING, "indicators[1].value", "too wide by %d", 3);
    const diag *d = expect_diag(&dl, DIAG_WARNING, "indicators[1].value", 10, 46, "too wide by 3");
    assert_string_equal(d->source_line, "    {\"id\": \"visits\", \"label\": \"诊疗\", \"value\": "
                                        "12345, \"unit\": \"人次\", \"qualifier\": \"余\",");
    assert_int_equal(dl.warnings, 1);
    sheet_free(s);
    diag_list_clear(&dl);
    free(dl.items);
}

static void test_unknown_indicator(void **state)
{
    (void)state;
    expect_mutation_error("\"visits\"]}]}", "\"xyz\"]}]}", "sections[0].blocks[0].items[1]", 18, 66,
                          "unknown indicator \"xyz\"");
    /* as an object item too */
    expect_mutation_error("{\"id\": \"big\", \"label\": \"大\"}",
                          "{\"id\": \"bgi\", \"label\": \"大\"}", "sections[1].blocks[0].items[1]",
                          20, 56, "unknown indicator \"bgi\"");
}

static void test_duplicate_id(void **state)
{
    (void)state;
    char *t = mutate("\"id\": \"visits\"", "\"id\": \"beds\"");
    diag_list dl;
    diag_list_init(&dl, 100);
    sheet *s = sheet_load_bytes("t.json", t, strlen(t), &dl);
    assert_null(s);
    expect_diag(&dl, DIAG_ERROR, "indicators[1].id", 10, 12,
                "duplicate indicator id \"beds\"; it is already used by indicators[0]");
    /* and the item that named the lost id */
    expect_diag(&dl, DIAG_ERROR, "sections[0].blocks[0].items[1]", 18, 66,
                "unknown indicator \"visits\"");
    assert_int_equal(dl.errors, 2);
    diag_list_clear(&dl);
    free(dl.items);
    free(t);
}

static void test_missing_required_field(void **state)
{
    (void)state;
    expect_mutation_error("\"label\": \"床位\", ", "", "indicators[0]", 8, 5,
                          "missing required field \"label\"; expected a string");
    expect_mutation_error("\"label\": \"床位\"", "\"label\": null", "indicators[0]", 8, 5,
                          "missing required field \"label\"; expected a string");
    expect_mutation_error("  \"issuer\": \"市卫生健康委员会\",\n", "", "", 1, 1,
                          "missing required field \"issuer\"; expected a string");
    expect_mutation_error("\"value\": 2.30, ", "", "indicators[0]", 8, 5,
                          "missing required field \"value\"; expected a number");
}

static void test_value_as_string(void **state)
{
    (void)state;
    expect_mutation_error("\"value\": 2.30", "\"value\": \"88\"", "indicators[0].value", 8, 44,
                          "the figure is written as a string \"88\"; write 88 without quotes");
}

/* null is a figure still to be filled in (a draft): it loads, marked missing,
 * and the sheet counts it; printing refuses it later unless --draft. */
/* A source never writes 1e3: scientific notation is refused, not printed. */
static void test_scientific_notation_refused(void **state)
{
    (void)state;
    expect_mutation_error("\"value\": 100", "\"value\": 1e3", "indicators[3].value", 14, 43,
                          "1e3 is in scientific notation; write the figure in full, as the source "
                          "does");
}

/* A qualifier the sheet does not know where to print is refused. */
static void test_unknown_qualifier_refused(void **state)
{
    (void)state;
    expect_mutation_error(
        "\"value\": 100,", "\"value\": 100, \"qualifier\": \"大约\",", "indicators[3].qualifier",
        14, 61,
        "\"大约\" is not a qualifier the sheet knows where to print; expected one "
        "of 约、近、左右、超、逾、余、多、以上、超过、以下、以内、不足、不到");
}

static void test_value_null_is_missing(void **state)
{
    (void)state;
    char *t = mutate("\"value\": -0.5", "\"value\": null");
    diag_list dl;
    diag_list_init(&dl, 100);
    sheet *s = sheet_load_bytes("t.json", t, strlen(t), &dl);
    assert_non_null(s);
    assert_int_equal(dl.errors, 0);
    assert_true(s->indicators[2].missing);
    assert_null(s->indicators[2].literal);
    assert_int_equal(s->n_missing, 1);
    assert_int_equal(sheet_report_missing(s, &dl, DIAG_ERROR), 1);
    assert_int_equal(dl.errors, 1);
    assert_string_equal(dl.items[0].path, "indicators[2].value");
    assert_int_equal(dl.items[0].line, 12);
    sheet_free(s);
    diag_list_clear(&dl);
    free(t);
}

static void test_wrong_type(void **state)
{
    (void)state;
    expect_mutation_error("\"title\": \"2023年卫生健康概况\"", "\"title\": 2023", "title", 3, 12,
                          "expected a string, got a number");
    expect_mutation_error("\"items\": [\"beds\", \"visits\"]", "\"items\": {\"a\": 1}",
                          "sections[0].blocks[0].items", 18, 57,
                          "expected an array, got an object");
    /* A year in quotes, with a decimal point or in full-width digits is
     * explained, not only refused. */
    expect_mutation_error("\"year\": 2023", "\"year\": \"2023\"", "year", 2, 11,
                          "the year \"2023\" is in quotes; write the number 2023 without quotes");
    expect_mutation_error("\"year\": 2023", "\"year\": 2023.0", "year", 2, 11,
                          "the year 2023.0 has a decimal point; write it as a whole number: 2023");
    expect_mutation_error("\"year\": 2023", "\"year\": \"２０２３\"", "year", 2, 11,
                          "the year \"２０２３\" is written in full-width digits and quotes; write "
                          "the number 2023 (ASCII digits, no quotes)");
    expect_mutation_error("\"year\": 2023", "\"year\": true", "year", 2, 11,
                          "expected a year between 1949 and 2100, such as 2025");
    static const char arr[] = "[1, 2]";
    expect_error(arr, sizeof arr - 1, "", 1, 1, "expected an object, got an array");
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    /* 概况 saved as GBK: B8 C5 BF F6 */
    expect_mutation_error("\"title\": \"概况\"", "\"title\": \"\xB8\xC5\xBF\xF6\"", NULL, 18, 16,
                          "byte 0xB8 is not valid UTF-8; save the file as UTF-8");
    /* overlong '/' */
    expect_mutation_error("\"title\": \"概况\"", "\"title\": \"\xC0\xAF\"", NULL, 18, 16,
                          "byte 0xC0 is not valid UTF-8; save the file as UTF-8");
    /* a UTF-16 surrogate encoded in UTF-8 */
    expect_mutation_error("\"title\": \"概况\"", "\"title\": \"概\xED\xA0\x80\"", NULL, 18, 17,
                          "byte 0xED is not valid UTF-8; save the file as UTF-8");
    /* a sequence cut by the end of the file */
    static const char cut[] = "{\"a\": \"中\xE4\xB8";
    expect_error(cut, sizeof cut - 1, NULL, 1, 9,
                 "byte 0xE4 is not valid UTF-8; save the file as UTF-8");
    /* a whole file in GBK is named as such */
    static const char gbk[] = "{\"title\": \"\xB8\xC5\xBF\xF6\"}";
    expect_error(gbk, sizeof gbk - 1, NULL, 1, 12,
                 "the file is not UTF-8; it looks like GBK (GB18030): save it as UTF-8 (in "
                 "Notepad or WPS: Save As, encoding UTF-8)");
}

static void test_not_json(void **state)
{
    (void)state;
    expect_mutation_error("\"year\": 2023,", "\"year\": 2023", NULL, 3, 3,
                          "a comma is missing before \"title\"");
    expect_mutation_error("\"beds\", \"visits\"", "\"beds\", \"visits\",", NULL, 18, 74,
                          "a comma before \"]\" is not allowed in JSON; remove the comma after "
                          "the last item");
    /* truncated in the middle of line 10 */
    const char *cut = strstr(base, "12345");
    assert_non_null(cut);
    expect_error(base, (size_t)(cut - base), NULL, 10, 45,
                 "the file ends before the JSON is complete; a closing \"}\", \"]\" or quote "
                 "is missing");
    static const char ws[] = "  \n ";
    expect_error(ws, sizeof ws - 1, NULL, 2, 1, "the file is empty; expected a JSON object");
}

static void test_empty_file(void **state)
{
    (void)state;
    expect_error("", 0, NULL, 0, 0, "the file is empty; expected a JSON object");
    expect_error("\xEF\xBB\xBF", 3, NULL, 0, 0, "the file is empty; expected a JSON object");
}

static void test_bom_accepted(void **state)
{
    (void)state;
    size_t n = sizeof base - 1;
    char *t = malloc(n + 3);
    assert_non_null(t);
    memcpy(t, "\xEF\xBB\xBF", 3);
    memcpy(t + 3, base, n);
    diag_list dl;
    diag_list_init(&dl, 100);
    sheet *s = sheet_load_bytes("t.json", t, n + 3, &dl);
    assert_non_null(s);
    assert_int_equal(dl.count, 0);
    assert_string_equal(s->title, "2023年卫生健康概况");
    assert_int_equal(s->text_len, n); /* the text after the mark */
    assert_memory_equal(s->text, base, n);
    sheet_report(s, &dl, DIAG_WARNING, "year", "x");
    expect_diag(&dl, DIAG_WARNING, "year", 2, 11, "x"); /* the mark takes no column */
    sheet_free(s);
    diag_list_clear(&dl);
    free(t);

    /* positions of errors are not shifted by the mark */
    char *m = mutate("\"visits\"]}]}", "\"xyz\"]}]}");
    size_t mn = strlen(m);
    t = malloc(mn + 3);
    assert_non_null(t);
    memcpy(t, "\xEF\xBB\xBF", 3);
    memcpy(t + 3, m, mn);
    expect_error(t, mn + 3, "sections[0].blocks[0].items[1]", 18, 66, "unknown indicator \"xyz\"");
    free(t);
    free(m);
    free(dl.items);
}

static void test_unknown_key_warns(void **state)
{
    (void)state;
    char *t = mutate("\"note\": \"注释\"", "\"nite\": \"注释\"");
    diag_list dl;
    diag_list_init(&dl, 100);
    sheet *s = sheet_load_bytes("t.json", t, strlen(t), &dl);
    assert_non_null(s); /* a warning alone still loads */
    assert_int_equal(dl.errors, 0);
    assert_int_equal(dl.warnings, 1);
    expect_diag(&dl, DIAG_WARNING, "indicators[3].nite", 14, 61,
                "unknown key \"nite\" is ignored; did you mean \"note\"?");
    assert_null(s->indicators[3].note);
    sheet_free(s);
    diag_list_clear(&dl);
    free(t);

    t = mutate("\"year\": 2023,", "\"year\": 2023, \"zzz\": 1,");
    s = sheet_load_bytes("t.json", t, strlen(t), &dl);
    assert_non_null(s);
    expect_diag(&dl, DIAG_WARNING, "zzz", 2, 17, "unknown key \"zzz\" is ignored");
    assert_int_equal(dl.warnings, 1);
    sheet_free(s);
    diag_list_clear(&dl);
    free(t);

    /* a warning and an error: NULL, both reported */
    char *u = mutate("\"date\": \"2024-01-15\"", "\"date\": \"2024-13-01\", \"titel\": \"x\"");
    s = sheet_load_bytes("t.json", u, strlen(u), &dl);
    assert_null(s);
    expect_diag(&dl, DIAG_WARNING, "titel", 5, 25,
                "unknown key \"titel\" is ignored; did you mean \"title\"?");
    expect_diag(&dl, DIAG_ERROR, "date", 5, 11,
                "\"2024-13-01\" is not a date; expected YYYY-MM-DD, such as 2026-01-15");
    diag_list_clear(&dl);
    /* a list that keeps one problem still counts the error and fails */
    diag_list_init(&dl, 1);
    s = sheet_load_bytes("t.json", u, strlen(u), &dl);
    assert_null(s);
    assert_int_equal(dl.count, 1);
    assert_int_equal(dl.errors, 1);
    assert_int_equal(dl.dropped, 1);
    diag_list_clear(&dl);
    free(dl.items);
    free(u);
}

static void test_bar_chart_mixing_units(void **state)
{
    (void)state;
    expect_mutation_error(
        "\"unit\": \"%\", \"note\"", "\"unit\": \"‰\", \"note\"", "sections[1].blocks[0].items[1]",
        20, 56,
        "indicator \"big\" is in \"‰\" but the chart is in \"%\"; expected every bar in the same "
        "unit");
    /* a unit stated on the chart counts for the first bar too */
    char *t = mutate("{\"type\": \"bar\", \"title\": \"比率\",",
                     "{\"type\": \"bar\", \"title\": \"比率\", \"unit\": \"万张\",");
    diag_list dl;
    diag_list_init(&dl, 100);
    assert_null(sheet_load_bytes("t.json", t, strlen(t), &dl));
    expect_diag(&dl, DIAG_ERROR, "sections[1].blocks[0].items[0]", 20, 62,
                "indicator \"rate\" is in \"%\" but the chart is in \"万张\"; expected every bar "
                "in the same unit");
    expect_diag(&dl, DIAG_ERROR, "sections[1].blocks[0].items[1]", 20, 70,
                "indicator \"big\" is in \"%\" but the chart is in \"万张\"; expected every bar "
                "in the same unit");
    assert_int_equal(dl.errors, 2);
    diag_list_clear(&dl);
    free(dl.items);
    free(t);
}

/* The unit is required ("" when the figure has none); null must not slip
 * through as a NULL unit (sheet.h: unit "may be \"\"", never NULL), which
 * would also escape the bar chart's one-unit check. */
static void test_unit_null_is_missing(void **state)
{
    (void)state;
    char *t = mutate("\"unit\": \"万张\"", "\"unit\": null");
    diag_list dl;
    diag_list_init(&dl, 100);
    sheet *s = sheet_load_bytes("t.json", t, strlen(t), &dl);
    if (s) {
        const char *unit = s->indicators[0].unit;
        sheet_free(s);
        diag_list_clear(&dl);
        free(dl.items);
        free(t);
        fail_msg("\"unit\": null loaded, with unit %s", unit ? unit : "NULL");
    }
    bool found = false;
    for (size_t i = 0; i < dl.count; i++)
        found |= strstr(dl.items[i].message, "\"unit\"") != NULL;
    assert_true(found);
    diag_list_clear(&dl);
    free(dl.items);
    free(t);
}

static void test_invalid_date(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31",
        "2024-01-32", "2024-01-00", "2024-1-15",  "24-01-15",   "2024/01/15", "2024-01-15T00",
        "1899-12-31", "2024-01-1",  "",           "abcd-ef-gh",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char repl[64], msg[160];
        snprintf(repl, sizeof repl, "\"%s\"", bad[i]);
        if (bad[i][0])
            snprintf(msg, sizeof msg,
                     "\"%s\" is not a date; expected YYYY-MM-DD, such as 2026-01-15", bad[i]);
        else
            snprintf(msg, sizeof msg, "empty string; expected some text");
        expect_mutation_error("\"2024-01-15\"", repl, "date", 5, 11, msg);
    }
    static const char *const good[] = {"2024-02-29", "2000-02-29", "2023-12-31", "1900-01-01"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        char repl[64];
        snprintf(repl, sizeof repl, "\"%s\"", good[i]);
        char *t = mutate("\"2024-01-15\"", repl);
        diag_list dl;
        diag_list_init(&dl, 100);
        sheet *s = sheet_load_bytes("t.json", t, strlen(t), &dl);
        if (!s)
            dump(&dl);
        assert_non_null(s);
        assert_string_equal(s->date, good[i]);
        sheet_free(s);
        diag_list_clear(&dl);
        free(dl.items);
        free(t);
    }
}

/* sscanf's %2d skips blanks and takes a sign, so these pass valid_date
 * although they are not YYYY-MM-DD. */
static void test_date_must_be_digits(void **state)
{
    (void)state;
    static const char *const bad[] = {"2024-01- 5", "2024- 1-15", "2024-+1-15", "2024-01-+5",
                                      " 2024-1-15"};
    int loaded = 0;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char repl[64];
        snprintf(repl, sizeof repl, "\"%s\"", bad[i]);
        char *t = mutate("\"2024-01-15\"", repl);
        diag_list dl;
        diag_list_init(&dl, 100);
        sheet *s = sheet_load_bytes("t.json", t, strlen(t), &dl);
        if (s) {
            print_error("date \"%s\" was accepted\n", bad[i]);
            loaded++;
        }
        sheet_free(s);
        diag_list_clear(&dl);
        free(dl.items);
        free(t);
    }
    assert_int_equal(loaded, 0);
}

static void test_huge_number_rejected(void **state)
{
    (void)state;
    expect_mutation_error("\"value\": 2.30", "\"value\": 1e400", NULL, 8, 44,
                          "the number 1e400 is too large; expected a figure as the source "
                          "writes it");
    expect_mutation_error("\"value\": 2.30", "\"value\": -1e400", NULL, 8, 44,
                          "the number -1e400 is too large; expected a figure as the source "
                          "writes it");
    expect_mutation_error("\"value\": 2.30", "\"value\": 99999999999999999999", NULL, 8, 44,
                          "the number 99999999999999999999 is too large; expected a figure as "
                          "the source writes it");
}

static void test_very_deep_and_very_long(void **state)
{
    (void)state;
    enum { DEPTH = 100000 };
    char *deep = malloc(DEPTH);
    assert_non_null(deep);
    memset(deep, '[', DEPTH);
    diag_list dl;
    diag_list_init(&dl, 100);
    sheet *s = sheet_load_bytes("t.json", deep, DEPTH, &dl);
    assert_null(s);
    assert_int_equal(dl.errors, 1);
    assert_string_equal(dl.items[0].message,
                        "the JSON is nested more than 2048 levels deep; a data file needs a few");
    diag_list_clear(&dl);
    free(deep);

    /* a 1 MB title: valid JSON, but longer than any field may be */
    enum { LONG = 1024 * 1024 };
    char *title = malloc(LONG + 32);
    assert_non_null(title);
    strcpy(title, "\"title\": \"");
    memset(title + 10, 'x', LONG);
    strcpy(title + 10 + LONG, "\"");
    char *t = mutate("\"title\": \"2023年卫生健康概况\"", title);
    s = sheet_load_bytes("t.json", t, strlen(t), &dl);
    assert_null(s);
    expect_diag(&dl, DIAG_ERROR, "title", 3, 12,
                "string of 1048576 bytes is too long; at most 65536 bytes are allowed");
    assert_int_equal(dl.errors, 1);
    diag_list_clear(&dl);
    free(dl.items);
    free(t);
    free(title);
}

static void test_sheet_load_file(void **state)
{
    (void)state;
    char path[] = "/tmp/factsheet-test-load-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(base, 1, sizeof base - 1, f), sizeof base - 1);
    assert_int_equal(fclose(f), 0);
    diag_list dl;
    diag_list_init(&dl, 100);
    sheet *s = sheet_load(path, &dl);
    assert_non_null(s);
    assert_string_equal(s->file, path);
    assert_string_equal(s->indicators[0].literal, "2.30");
    sheet_free(s);
    unlink(path);

    s = sheet_load(path, &dl); /* gone now */
    assert_null(s);
    assert_int_equal(dl.errors, 1);
    assert_string_equal(dl.items[0].message, "cannot open: No such file or directory");
    diag_list_clear(&dl);
    s = sheet_load("/tmp", &dl);
    assert_null(s);
    assert_string_equal(dl.items[0].message, "is a directory; expected a JSON file");
    diag_list_clear(&dl);
    free(dl.items);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_sheet_loads),
        cmocka_unit_test(test_literals_kept_exactly),
        cmocka_unit_test(test_positions_kept_after_loading),
        cmocka_unit_test(test_unknown_indicator),
        cmocka_unit_test(test_duplicate_id),
        cmocka_unit_test(test_missing_required_field),
        cmocka_unit_test(test_value_as_string),
        cmocka_unit_test(test_value_null_is_missing),
        cmocka_unit_test(test_scientific_notation_refused),
        cmocka_unit_test(test_unknown_qualifier_refused),
        cmocka_unit_test(test_wrong_type),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_not_json),
        cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_bom_accepted),
        cmocka_unit_test(test_unknown_key_warns),
        cmocka_unit_test(test_bar_chart_mixing_units),
        cmocka_unit_test(test_unit_null_is_missing),
        cmocka_unit_test(test_invalid_date),
        cmocka_unit_test(test_date_must_be_digits),
        cmocka_unit_test(test_huge_number_rejected),
        cmocka_unit_test(test_very_deep_and_very_long),
        cmocka_unit_test(test_sheet_load_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
