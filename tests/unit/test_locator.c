/* Unit tests for src/model/locator.c: every value's path, its byte range,
 * line and column (code points, 1-based), its key's position, and scanning
 * that survives truncated, garbage and absurdly nested input. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* fork, alarm */
#endif
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "model/locator.h"

/* Line numbers and columns below were counted independently (by code
 * point) from this text; "n" follows six Chinese characters, so a count by
 * bytes would put it at column 36 instead of 24. */
static const char sample[] =
    "{\n"
    "  \"year\": 2023,\n"
    "  \"zh\": \"健康素养水平\", \"n\": 31.89,\n"
    "  \"ratio\": 2.30, \"neg\": -0.5, \"big\": 1e3, \"exp\": -1.5E-7,\n"
    "  \"sections\": [\n"
    "    {\"blocks\": []},\n"
    "    {\"blocks\": [{\"items\": [\"a\", \"b\", \"中c\"]}], \"after\": true}\n"
    "  ],\n"
    "  \"empty\": {},\n"
    "  \"last\": null\n"
    "}\n";

static int setup_sample(void **state)
{
    locator *loc = locator_new(sample, sizeof sample - 1);
    if (!loc)
        return -1;
    *state = loc;
    return 0;
}

static int teardown_locator(void **state)
{
    locator_free(*state);
    return 0;
}

/* Looks path up (failing the test when it is not located) and checks its
 * literal text, line and column. */
static locator_pos expect_at(const locator *loc, const char *text, const char *path,
                             const char *literal, int line, int column)
{
    locator_pos pos;
    memset(&pos, 0xAB, sizeof pos);
    if (!locator_lookup(loc, path, &pos))
        fail_msg("path \"%s\" is not located", path);
    size_t n = strlen(literal);
    if (pos.length != n || memcmp(text + pos.offset, literal, n) != 0)
        fail_msg("path \"%s\": literal \"%.*s\", expected \"%s\"", path, (int)pos.length,
                 text + pos.offset, literal);
    if (pos.line != line || pos.column != column)
        fail_msg("path \"%s\" at %d:%d, expected %d:%d", path, pos.line, pos.column, line, column);
    return pos;
}

static void expect_not_located(const locator *loc, const char *path)
{
    locator_pos pos, before;
    memset(&pos, 0x5A, sizeof pos);
    memcpy(&before, &pos, sizeof pos);
    if (locator_lookup(loc, path, &pos))
        fail_msg("path \"%s\" is located at %d:%d, expected nothing", path, pos.line, pos.column);
    assert_memory_equal(&pos, &before, sizeof pos); /* *out left alone */
}

static void test_root_and_members(void **state)
{
    const locator *loc = *state;
    locator_pos root = expect_at(loc, sample, "", "{", 1, 1);
    assert_int_equal(root.offset, 0);
    locator_pos y = expect_at(loc, sample, "year", "2023", 2, 11);
    assert_int_equal(y.offset, 12);
    expect_at(loc, sample, "zh", "\"健康素养水平\"", 3, 9);
    expect_at(loc, sample, "last", "null", 10, 11);
}

static void test_column_counts_code_points(void **state)
{
    const locator *loc = *state;
    locator_pos n = expect_at(loc, sample, "n", "31.89", 3, 24);
    assert_int_equal(n.offset, 53);
    assert_int_equal(n.key_line, 3);
    assert_int_equal(n.key_column, 19);
    expect_at(loc, sample, "sections[1].blocks[0].items[2]", "\"中c\"", 7, 38);
}

static void test_number_literals_kept(void **state)
{
    const locator *loc = *state;
    expect_at(loc, sample, "ratio", "2.30", 4, 12);
    expect_at(loc, sample, "neg", "-0.5", 4, 25);
    expect_at(loc, sample, "big", "1e3", 4, 38);
    expect_at(loc, sample, "exp", "-1.5E-7", 4, 50);
}

static void test_nested_arrays(void **state)
{
    const locator *loc = *state;
    expect_at(loc, sample, "sections", "[", 5, 15);
    expect_at(loc, sample, "sections[0]", "{", 6, 5);
    expect_at(loc, sample, "sections[1]", "{", 7, 5);
    expect_at(loc, sample, "sections[1].blocks", "[", 7, 16);
    expect_at(loc, sample, "sections[1].blocks[0]", "{", 7, 17);
    expect_at(loc, sample, "sections[1].blocks[0].items", "[", 7, 27);
    expect_at(loc, sample, "sections[1].blocks[0].items[0]", "\"a\"", 7, 28);
    expect_at(loc, sample, "sections[1].blocks[0].items[1]", "\"b\"", 7, 33);
    expect_at(loc, sample, "sections[1].blocks[0].items[2]", "\"中c\"", 7, 38);
    expect_not_located(loc, "sections[1].blocks[0].items[3]");
    expect_not_located(loc, "sections[2]");
    expect_not_located(loc, "sections[1].blocks[1]");
}

static void test_members_after_arrays(void **state)
{
    const locator *loc = *state;
    /* after a nested array closes, the path goes back to the object */
    expect_at(loc, sample, "sections[1].after", "true", 7, 56);
    expect_not_located(loc, "sections[1].blocks[0].items.after");
    expect_not_located(loc, "sections[1].blocks[0].after");
    /* after the top array closes, back to the root */
    expect_at(loc, sample, "empty", "{", 9, 12);
    expect_at(loc, sample, "last", "null", 10, 11);
    expect_not_located(loc, "sections.empty");
    expect_not_located(loc, "sections[1].last");
}

static void test_key_positions(void **state)
{
    const locator *loc = *state;
    locator_pos p = expect_at(loc, sample, "year", "2023", 2, 11);
    assert_int_equal(p.key_offset, 4);
    assert_int_equal(p.key_line, 2);
    assert_int_equal(p.key_column, 3);
    p = expect_at(loc, sample, "sections", "[", 5, 15);
    assert_int_equal(p.key_offset, 120);
    assert_int_equal(p.key_line, 5);
    assert_int_equal(p.key_column, 3);
    p = expect_at(loc, sample, "sections[1].after", "true", 7, 56);
    assert_int_equal(p.key_offset, 202);
    assert_int_equal(p.key_column, 47);
    p = expect_at(loc, sample, "empty", "{", 9, 12);
    assert_int_equal(p.key_offset, 224);
    assert_int_equal(p.key_line, 9);
    assert_int_equal(p.key_column, 3);
    /* an element has no key: its key position is its own */
    p = expect_at(loc, sample, "sections[1].blocks[0].items[1]", "\"b\"", 7, 33);
    assert_int_equal(p.key_offset, p.offset);
    assert_int_equal(p.key_line, p.line);
    assert_int_equal(p.key_column, p.column);
    p = expect_at(loc, sample, "sections[0]", "{", 6, 5);
    assert_int_equal(p.key_offset, p.offset);
    assert_int_equal(p.key_column, 5);
}

static void test_empty_containers(void **state)
{
    const locator *loc = *state;
    locator_pos p = expect_at(loc, sample, "sections[0].blocks", "[", 6, 16);
    assert_int_equal(p.offset, 149);
    expect_not_located(loc, "sections[0].blocks[0]");
    expect_at(loc, sample, "empty", "{", 9, 12);
    expect_not_located(loc, "empty.");
    expect_not_located(loc, "empty[0]");

    static const char t[] = "[[], {}, [[]], {\"a\": {}}, 7]";
    locator *l = locator_new(t, sizeof t - 1);
    assert_non_null(l);
    expect_at(l, t, "", "[", 1, 1);
    expect_at(l, t, "[0]", "[", 1, 2);
    expect_at(l, t, "[1]", "{", 1, 6);
    expect_at(l, t, "[2]", "[", 1, 10);
    expect_at(l, t, "[2][0]", "[", 1, 11);
    expect_at(l, t, "[3]", "{", 1, 16);
    expect_at(l, t, "[3].a", "{", 1, 22);
    expect_at(l, t, "[4]", "7", 1, 27);
    expect_not_located(l, "[0][0]");
    expect_not_located(l, "[5]");
    locator_free(l);

    static const char e[] = "  {  }  ";
    l = locator_new(e, sizeof e - 1);
    assert_non_null(l);
    expect_at(l, e, "", "{", 1, 3);
    locator_free(l);
}

static void test_escaped_keys(void **state)
{
    (void)state;
    static const char t[] = "{\"a\\u0062c\": 1, \"x\\\"y\": 2, \"\\u4e2d\\u6587\": 3, "
                            "\"\\ud83d\\ude00\": 4, \"t\\tab\": 5, \"sl\\/\\\\\": 6, "
                            "\"\\u00e9\": 7}";
    locator *l = locator_new(t, sizeof t - 1);
    assert_non_null(l);
    expect_at(l, t, "abc", "1", 1, 14);
    expect_at(l, t, "x\"y", "2", 1, 25);
    expect_at(l, t, "中文", "3", 1, 44);
    expect_at(l, t, "\xF0\x9F\x98\x80", "4", 1, 63);
    expect_at(l, t, "t\tab", "5", 1, 75);
    expect_at(l, t, "sl/\\", "6", 1, 88);
    expect_at(l, t, "é", "7", 1, 101);
    expect_not_located(l, "a\\u0062c");
    locator_free(l);
}

static void test_duplicate_key_last_wins(void **state)
{
    (void)state;
    static const char t[] = "{\"a\": 1, \"a\": 22}";
    locator *l = locator_new(t, sizeof t - 1);
    assert_non_null(l);
    expect_at(l, t, "a", "22", 1, 15);
    locator_free(l);
}

static void test_whitespace_tabs_crlf(void **state)
{
    (void)state;
    static const char t[] = "{\r\n\t\"a\":\t1,\r\n  \"b\" :\n  [ \"x\" ,\t\"y\" ]\r\n}";
    locator *l = locator_new(t, sizeof t - 1);
    assert_non_null(l);
    expect_at(l, t, "a", "1", 2, 7);
    expect_at(l, t, "b", "[", 4, 3);
    expect_at(l, t, "b[0]", "\"x\"", 4, 5);
    expect_at(l, t, "b[1]", "\"y\"", 4, 11);
    locator_free(l);
}

static void test_strings_with_brackets(void **state)
{
    (void)state;
    static const char t[] = "{\"s\": \"a\\\"]},[{:\\\\\", \"t\": [\"]\", \"[\"], \"u\": 2}";
    locator *l = locator_new(t, sizeof t - 1);
    assert_non_null(l);
    expect_at(l, t, "s", "\"a\\\"]},[{:\\\\\"", 1, 7);
    expect_at(l, t, "t[1]", "\"[\"", 1, 33);
    expect_at(l, t, "u", "2", 1, 44);
    locator_free(l);
}

static void test_root_scalar_and_empty(void **state)
{
    (void)state;
    static const char t[] = "  42  ";
    locator *l = locator_new(t, sizeof t - 1);
    assert_non_null(l);
    expect_at(l, t, "", "42", 1, 3);
    locator_free(l);
    l = locator_new("", 0);
    assert_non_null(l);
    expect_not_located(l, "");
    locator_free(l);
    l = locator_new(" \n\t ", 4);
    assert_non_null(l);
    expect_not_located(l, "");
    locator_free(l);
}

static void test_text_may_be_freed(void **state)
{
    (void)state;
    char *copy = strdup(sample);
    assert_non_null(copy);
    locator *l = locator_new(copy, strlen(copy));
    memset(copy, 'x', strlen(copy));
    free(copy);
    assert_non_null(l);
    locator_pos p;
    assert_true(locator_lookup(l, "sections[1].blocks[0].items[2]", &p));
    assert_int_equal(p.line, 7);
    assert_int_equal(p.column, 38);
    locator_free(l);
}

static void test_line_column(void **state)
{
    (void)state;
    static const char t[] = "ab\n中文x\n\nz";
    int line = 0, column = 0;
    locator_line_column(t, sizeof t - 1, 0, &line, &column);
    assert_int_equal(line, 1);
    assert_int_equal(column, 1);
    locator_line_column(t, sizeof t - 1, 2, &line, &column); /* the newline itself */
    assert_int_equal(line, 1);
    assert_int_equal(column, 3);
    locator_line_column(t, sizeof t - 1, 3, &line, &column);
    assert_int_equal(line, 2);
    assert_int_equal(column, 1);
    locator_line_column(t, sizeof t - 1, 9, &line, &column); /* x after two 3-byte chars */
    assert_int_equal(line, 2);
    assert_int_equal(column, 3);
    locator_line_column(t, sizeof t - 1, 11, &line, &column);
    assert_int_equal(line, 3);
    assert_int_equal(column, 1);
    locator_line_column(t, sizeof t - 1, 12, &line, &column);
    assert_int_equal(line, 4);
    assert_int_equal(column, 1);
    /* past the end: stops at the end */
    locator_line_column(t, sizeof t - 1, 1000, &line, &column);
    assert_int_equal(line, 4);
    assert_int_equal(column, 2);
    /* agrees with the scan for every value of the sample */
    static const char *const paths[] = {
        "year", "n", "zh", "big", "sections[1].after", "last", "sections[1].blocks[0].items[2]"};
    const locator *loc = NULL;
    locator *own = locator_new(sample, sizeof sample - 1);
    loc = own;
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        locator_pos p;
        assert_true(locator_lookup(loc, paths[i], &p));
        locator_line_column(sample, sizeof sample - 1, p.offset, &line, &column);
        assert_int_equal(line, p.line);
        assert_int_equal(column, p.column);
        locator_line_column(sample, sizeof sample - 1, p.key_offset, &line, &column);
        assert_int_equal(line, p.key_line);
        assert_int_equal(column, p.key_column);
    }
    locator_free(own);
}

/* Every prefix of the sample: whatever is located lies inside the prefix and
 * matches the full scan. */
static void test_truncated_input(void **state)
{
    (void)state;
    static const char *const paths[] = {"",
                                        "year",
                                        "zh",
                                        "n",
                                        "ratio",
                                        "exp",
                                        "sections",
                                        "sections[0].blocks",
                                        "sections[1].blocks[0].items[1]",
                                        "sections[1].blocks[0].items[2]",
                                        "sections[1].after",
                                        "empty",
                                        "last"};
    locator *full = locator_new(sample, sizeof sample - 1);
    assert_non_null(full);
    for (size_t len = 0; len < sizeof sample - 1; len++) {
        char *buf = malloc(len ? len : 1); /* exactly len bytes: ASan sees overreads */
        assert_non_null(buf);
        memcpy(buf, sample, len);
        locator *l = locator_new(buf, len);
        assert_non_null(l);
        for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
            locator_pos p, f;
            if (!locator_lookup(l, paths[i], &p))
                continue;
            assert_true(locator_lookup(full, paths[i], &f));
            if (p.offset + p.length > len)
                fail_msg("prefix %zu: \"%s\" reaches past the end", len, paths[i]);
            assert_int_equal(p.offset, f.offset);
            assert_int_equal(p.line, f.line);
            assert_int_equal(p.column, f.column);
        }
        locator_free(l);
        free(buf);
    }
    locator_free(full);

    static const char t[] = "{\"a\": [1, 2";
    locator *l = locator_new(t, sizeof t - 1);
    assert_non_null(l);
    expect_at(l, t, "a[0]", "1", 1, 8);
    expect_at(l, t, "a[1]", "2", 1, 11);
    locator_free(l);
    static const char u[] = "{\"a\": 1, \"b\": \"never closed";
    l = locator_new(u, sizeof u - 1);
    assert_non_null(l);
    expect_at(l, u, "a", "1", 1, 7);
    expect_not_located(l, "b");
    locator_free(l);
}

/* A deterministic generator (xorshift64*), so a failure reproduces. */
static uint64_t rng_state = 0xD1B54A32D192ED03u;

static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717u;
}

static void test_garbage(void **state)
{
    (void)state;
    static const char alphabet[] = "{}[]:,\"\\ \n\t0123456789.-eEtrufalsn\xE4\xB8\xAD\xFF\x80u";
    static const char *const probes[] = {"", "[0]", "[1]", "a", "[0][0]", "[0].a"};
    for (int k = 0; k < 3000; k++) {
        size_t len = (size_t)(rng() % 200);
        char *buf = malloc(len ? len : 1);
        assert_non_null(buf);
        for (size_t i = 0; i < len; i++)
            buf[i] =
                rng() % 8 == 0 ? (char)(rng() & 0xFF) : alphabet[rng() % (sizeof alphabet - 1)];
        locator *l = locator_new(buf, len);
        assert_non_null(l);
        for (size_t i = 0; i < sizeof probes / sizeof *probes; i++) {
            locator_pos p;
            if (locator_lookup(l, probes[i], &p)) {
                assert_true(p.offset + p.length <= len);
                assert_true(p.key_offset <= p.offset);
                assert_true(p.line >= 1 && p.column >= 1);
            }
        }
        locator_free(l);
        free(buf);
    }
}

/* Nesting as deep as Jansson accepts (2048) is located to the bottom. */
static void test_nesting_at_jansson_limit(void **state)
{
    (void)state;
    enum { DEPTH = 2048 };
    char *t = malloc(2 * DEPTH + 1);
    assert_non_null(t);
    memset(t, '[', DEPTH);
    t[DEPTH] = '5';
    memset(t + DEPTH + 1, ']', DEPTH - 1);
    char *path = malloc(3 * DEPTH + 1);
    assert_non_null(path);
    for (int i = 0; i < DEPTH; i++)
        memcpy(path + 3 * i, "[0]", 3);
    path[3 * DEPTH] = '\0';
    locator *l = locator_new(t, 2 * DEPTH);
    assert_non_null(l);
    expect_at(l, t, path, "5", 1, DEPTH + 1);
    path[3 * (DEPTH - 1)] = '\0';
    expect_at(l, t, path, "[", 1, DEPTH);
    locator_free(l);
    free(path);
    free(t);
}

/* Absurd nesting (invalid JSON, never reaches the locator through the loader
 * since Jansson stops at depth 2048, but the locator promises to scan any
 * text) must not crash, recurse, or take time and memory quadratic in the
 * depth. Runs in a child killed after a few seconds, so a regression fails
 * instead of hanging or exhausting memory. */
static int child_deep(char open, size_t depth)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        alarm(3);
        const char *unit = open == '[' ? "[" : "{\"a\":";
        size_t ul = strlen(unit);
        char *t = malloc(depth * ul);
        if (!t)
            _exit(4);
        for (size_t i = 0; i < depth; i++)
            memcpy(t + i * ul, unit, ul);
        locator *l = locator_new(t, depth * ul);
        int rc = 0;
        locator_pos p;
        if (!l)
            rc = 3;
        else if (!locator_lookup(l, "", &p) || p.offset != 0 || p.line != 1 || p.column != 1)
            rc = 5;
        else if (!locator_lookup(l, open == '[' ? "[0]" : "a", &p) || p.offset != ul)
            rc = 6;
        locator_free(l);
        free(t);
        _exit(rc);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status)) {
        print_error("%zu times '%c': killed by signal %d%s\n", depth, open, WTERMSIG(status),
                    WTERMSIG(status) == SIGALRM ? " (took more than 3 s)" : "");
        return -1;
    }
    if (WEXITSTATUS(status) != 0)
        print_error("%zu times '%c': child exited %d\n", depth, open, WEXITSTATUS(status));
    return WEXITSTATUS(status);
}

static void test_very_deep_nesting(void **state)
{
    (void)state;
    int bad = 0;
    bad += child_deep('[', 100000) != 0;
    bad += child_deep('{', 100000) != 0;
    assert_int_equal(bad, 0);
}

static void test_one_megabyte_string(void **state)
{
    (void)state;
    enum { CHARS = 350000 }; /* 中 is 3 bytes: about 1 MB */
    const char *head = "{\"s\": \"";
    const char *tail = "\", \"n\": 5}";
    size_t len = strlen(head) + 3 * CHARS + strlen(tail);
    char *t = malloc(len);
    assert_non_null(t);
    memcpy(t, head, strlen(head));
    for (size_t i = 0; i < CHARS; i++)
        memcpy(t + strlen(head) + 3 * i, "中", 3);
    memcpy(t + strlen(head) + 3 * CHARS, tail, strlen(tail));
    locator *l = locator_new(t, len);
    assert_non_null(l);
    locator_pos p;
    assert_true(locator_lookup(l, "s", &p));
    assert_int_equal(p.offset, 6);
    assert_int_equal(p.length, 3 * CHARS + 2);
    assert_int_equal(p.column, 7);
    assert_true(locator_lookup(l, "n", &p));
    assert_int_equal(p.length, 1);
    assert_int_equal(t[p.offset], '5');
    assert_int_equal(p.line, 1);
    /* {"s": " is columns 1-7, the characters 8..7+CHARS, then ", "n": 5 */
    assert_int_equal(p.column, 16 + CHARS);
    assert_int_equal(p.key_column, 11 + CHARS);
    locator_free(l);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_root_and_members, setup_sample, teardown_locator),
        cmocka_unit_test_setup_teardown(test_column_counts_code_points, setup_sample,
                                        teardown_locator),
        cmocka_unit_test_setup_teardown(test_number_literals_kept, setup_sample, teardown_locator),
        cmocka_unit_test_setup_teardown(test_nested_arrays, setup_sample, teardown_locator),
        cmocka_unit_test_setup_teardown(test_members_after_arrays, setup_sample, teardown_locator),
        cmocka_unit_test_setup_teardown(test_key_positions, setup_sample, teardown_locator),
        cmocka_unit_test_setup_teardown(test_empty_containers, setup_sample, teardown_locator),
        cmocka_unit_test(test_escaped_keys),
        cmocka_unit_test(test_duplicate_key_last_wins),
        cmocka_unit_test(test_whitespace_tabs_crlf),
        cmocka_unit_test(test_strings_with_brackets),
        cmocka_unit_test(test_root_scalar_and_empty),
        cmocka_unit_test(test_text_may_be_freed),
        cmocka_unit_test(test_line_column),
        cmocka_unit_test(test_truncated_input),
        cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_nesting_at_jansson_limit),
        cmocka_unit_test(test_very_deep_nesting),
        cmocka_unit_test(test_one_megabyte_string),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
