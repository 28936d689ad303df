/* cjk: see include/typeset/cjk.h. */
#include "typeset/cjk.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

bool cjk_is_han(unsigned c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) || c == 0x3007;
}

static bool is_han(uint32_t c)
{
    return cjk_is_han(c);
}

/* Latin letters and digits, and the signs that go with figures (% ‰ °). */
static bool is_latin(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool cjk_is_closing(unsigned c)
{
    switch (c) {
    case 0xFF0C: /* ， */
    case 0x3002: /* 。 */
    case 0x3001: /* 、 */
    case 0xFF1B: /* ； */
    case 0xFF1A: /* ： */
    case 0xFF1F: /* ？ */
    case 0xFF01: /* ！ */
    case 0xFF09: /* ） */
    case 0x300B: /* 》 */
    case 0x3009: /* 〉 */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0x3011: /* 】 */
    case 0x201D: /* ” */
    case 0x2019: /* ’ */
    case 0xFF3D: /* ］ */
    case 0xFF5D: /* ｝ */ return true;
    default: return false;
    }
}

bool cjk_is_opening(unsigned c)
{
    switch (c) {
    case 0xFF08: /* （ */
    case 0x300A: /* 《 */
    case 0x3008: /* 〈 */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
    case 0x3010: /* 【 */
    case 0x201C: /* “ */
    case 0x2018: /* ‘ */
    case 0xFF3B: /* ［ */
    case 0xFF5B: /* ｛ */ return true;
    default: return false;
    }
}

typedef struct outbuf {
    char *s;
    size_t len, cap;
    bool ok;
} outbuf;

static void put(outbuf *o, const char *bytes, size_t n)
{
    if (!o->ok)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = (o->len + n + 1) * 2;
        char *s = realloc(o->s, cap);
        if (!s) {
            o->ok = false;
            return;
        }
        o->s = s;
        o->cap = cap;
    }
    memcpy(o->s + o->len, bytes, n);
    o->len += n;
    o->s[o->len] = '\0';
}

static bool add_range(cjk_range **r, size_t *n, size_t *cap, size_t start, size_t end)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 8;
        cjk_range *nr = realloc(*r, c * sizeof *nr);
        if (!nr)
            return false;
        *r = nr;
        *cap = c;
    }
    (*r)[(*n)++] = (cjk_range){start, end};
    return true;
}

static const char ZWSP[] = "\xE2\x80\x8B"; /* U+200B: a break opportunity, no width */

static bool is_digit(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static bool in_list(uint32_t c, const uint32_t *list)
{
    for (; *list; list++)
        if (*list == c)
            return true;
    return false;
}

/* 约 近 超 逾 第: a qualifier or ordinal stays with its number. */
static const uint32_t qualifiers[] = {0x7EA6, 0x8FD1, 0x8D85, 0x903E, 0x7B2C, 0};
/* 十 百 千 万 亿 */
static const uint32_t scales[] = {0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF, 0};
/* 余 多: "20余万", "300多个" */
static const uint32_t approx[] = {0x4F59, 0x591A, 0};
/* — – - ～ ~ 至: the range of "1—11月" and "2018—2025年" */
static const uint32_t dashes[] = {0x2014, 0x2013, '-', 0xFF5E, '~', 0x81F3, 0};
/* 年 月 日: a date part may stand before the dash of a range */
static const uint32_t date_parts[] = {0x5E74, 0x6708, 0x65E5, 0};
/* Units of one character: 年月日时岁个元次人名家张种项所床例倍台辆件户份批支条座
 * 间级天周位处场期类套吨米克分秒册本 % ‰ ％ ℃ */
static const uint32_t unit_chars[] = {
    0x5E74, 0x6708, 0x65E5, 0x65F6, 0x5C81, 0x4E2A, 0x5143, 0x6B21, 0x4EBA, 0x540D,
    0x5BB6, 0x5F20, 0x79CD, 0x9879, 0x6240, 0x5E8A, 0x4F8B, 0x500D, 0x53F0, 0x8F86,
    0x4EF6, 0x6237, 0x4EFD, 0x6279, 0x652F, 0x6761, 0x5EA7, 0x95F4, 0x7EA7, 0x5929,
    0x5468, 0x4F4D, 0x5904, 0x573A, 0x671F, 0x7C7B, 0x5957, 0x5428, 0x7C73, 0x514B,
    0x5206, 0x79D2, 0x518C, 0x672C, '%',    0x2030, 0xFF05, 0x2103, 0};
/* Units of several characters, longest first. */
static const char *const unit_words[] = {"个百分点", "百分点", "平方米", "人次", "床位", NULL};

typedef struct cps {
    uint32_t *cp; /* code points, 0-terminated */
    size_t *off;  /* byte offset of each, and of the end */
    size_t n;
} cps;

/* Past the digits (with . or , between digits) from i. */
static size_t scan_number(const cps *t, size_t i)
{
    while (i < t->n) {
        if (is_digit(t->cp[i]))
            i++;
        else if ((t->cp[i] == '.' || t->cp[i] == ',') && i + 1 < t->n && is_digit(t->cp[i + 1]))
            i++;
        else
            break;
    }
    return i;
}

/* The length in code points of the unit word at i, or 0. */
static size_t unit_word_at(const cps *t, size_t i, const char *text)
{
    for (int w = 0; unit_words[w]; w++) {
        size_t len = strlen(unit_words[w]);
        if (t->off[i] + len <= t->off[t->n] && memcmp(text + t->off[i], unit_words[w], len) == 0) {
            size_t k = i;
            while (k < t->n && t->off[k] < t->off[i] + len)
                k++;
            return k - i;
        }
    }
    return 0;
}

/* The runs of text in which no line may break: a figure with its qualifier,
 * range, scale and unit. */
static bool find_keeps(const char *text, cjk_text *out)
{
    size_t len = strlen(text), cap = 0;
    cps t = {malloc((len + 1) * sizeof *t.cp), malloc((len + 1) * sizeof *t.off), 0};
    bool ok = t.cp && t.off;
    for (size_t i = 0; ok && i < len;) {
        t.off[t.n] = i;
        i += utf8_next((const unsigned char *)text + i, len - i, &t.cp[t.n]);
        t.n++;
    }
    if (ok) {
        t.off[t.n] = len;
        t.cp[t.n] = 0;
    }
    for (size_t i = 0; ok && i < t.n;) {
        if (!is_digit(t.cp[i])) {
            i++;
            continue;
        }
        size_t s = i > 0 && in_list(t.cp[i - 1], qualifiers) ? i - 1 : i;
        size_t j = scan_number(&t, i), digits_end = j;
        for (;;) { /* a range: 1—11月, 2018年—2025年, 20～30万 */
            size_t k = j;
            if (in_list(t.cp[k], date_parts) && in_list(t.cp[k + 1], dashes))
                k++;
            if (in_list(t.cp[k], dashes) && t.cp[k] != 0x81F3 && in_list(t.cp[k + 1], dashes))
                k++; /* a doubled dash —— */
            if (in_list(t.cp[k], dashes) && is_digit(t.cp[k + 1])) {
                j = scan_number(&t, k + 1);
                continue;
            }
            break;
        }
        size_t number_end = j;
        if (in_list(t.cp[j], approx))
            j++;
        for (int n = 0; n < 2 && in_list(t.cp[j], scales); n++)
            j++;
        if (j > number_end && in_list(t.cp[j], approx))
            j++;
        size_t word = unit_word_at(&t, j, text);
        if (word)
            j += word;
        else if (in_list(t.cp[j], unit_chars))
            j++;
        if (s < i || j > digits_end) { /* more than the digits, which Pango keeps together */
            if (!add_range(&out->keeps, &out->n_keeps, &cap, t.off[s], t.off[j]))
                ok = false;
        }
        i = j > i ? j : i + 1;
    }
    free(t.cp);
    free(t.off);
    return ok;
}

bool cjk_refine(const char *utf8, double han_latin_em, cjk_text *out)
{
    memset(out, 0, sizeof *out);
    bool gaps = han_latin_em > 0;
    size_t cap_gaps = 0, cap_halt = 0;
    size_t len = strlen(utf8);
    outbuf o = {.ok = true};
    put(&o, "", 0);
    const unsigned char *s = (const unsigned char *)utf8;
    uint32_t prev = 0;     /* the previous code point written */
    size_t prev_start = 0; /* where it starts in the output */
    for (size_t i = 0; i < len && o.ok;) {
        uint32_t c;
        size_t n = utf8_next(s + i, len - i, &c);
        uint32_t next = 0;
        if (i + n < len)
            utf8_next(s + i + n, len - i - n, &next);
        /* An ASCII space typed inside Chinese (beside a Han character, not
         * between two Latin words) is dropped: the gap stands for it. */
        if (c == ' ' && gaps && (is_han(prev) || is_han(next)) &&
            (is_han(prev) || is_latin(prev)) && (is_han(next) || is_latin(next))) {
            bool marked = out->n_gaps > 0 && out->gaps[out->n_gaps - 1].start == prev_start;
            if (!marked && !add_range(&out->gaps, &out->n_gaps, &cap_gaps, prev_start, o.len))
                o.ok = false;
            i += n;
            continue;
        }
        /* CLREQ allows a break before an opening quote and after a closing one. */
        if ((c == 0x201C || c == 0x2018) && prev && prev != ' ' && !cjk_is_opening(prev))
            put(&o, ZWSP, 3);
        size_t start = o.len;
        put(&o, (const char *)s + i, n);
        /* The gap goes after the character before a Han–Latin boundary. */
        if (gaps && ((is_han(c) && is_latin(next)) || (is_latin(c) && is_han(next))) &&
            !add_range(&out->gaps, &out->n_gaps, &cap_gaps, start, o.len))
            o.ok = false;
        /* Two full-width marks meet: set one half-width (the closing one first). */
        bool pair = (cjk_is_closing(prev) || cjk_is_opening(prev)) &&
                    (cjk_is_closing(c) || cjk_is_opening(c));
        if (pair && o.ok) {
            bool added = cjk_is_closing(prev)
                             ? add_range(&out->halt, &out->n_halt, &cap_halt, prev_start, start)
                             : add_range(&out->halt, &out->n_halt, &cap_halt, start, o.len);
            if (!added)
                o.ok = false;
        }
        i += n;
        if ((c == 0x201D || c == 0x2019) && i < len && !cjk_is_closing(next) && next != ' ')
            put(&o, ZWSP, 3);
        prev = c;
        prev_start = start;
    }
    if (o.ok && !find_keeps(o.s, out))
        o.ok = false;
    if (!o.ok) {
        free(o.s);
        free(out->halt);
        free(out->gaps);
        free(out->keeps);
        memset(out, 0, sizeof *out);
        return false;
    }
    out->text = o.s;
    return true;
}

void cjk_text_free(cjk_text *t)
{
    free(t->text);
    free(t->halt);
    free(t->gaps);
    free(t->keeps);
    memset(t, 0, sizeof *t);
}
