/* cjk: see include/typeset/cjk.h. */
#include "typeset/cjk.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"


static bool is_han(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) || c == 0x3007;
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
    case 0xFF0C: /* ， */ case 0x3002: /* 。 */ case 0x3001: /* 、 */
    case 0xFF1B: /* ； */ case 0xFF1A: /* ： */ case 0xFF1F: /* ？ */
    case 0xFF01: /* ！ */ case 0xFF09: /* ） */ case 0x300B: /* 》 */
    case 0x3009: /* 〉 */ case 0x300D: /* 」 */ case 0x300F: /* 』 */
    case 0x3011: /* 】 */ case 0x201D: /* ” */ case 0x2019: /* ’ */
    case 0xFF3D: /* ］ */ case 0xFF5D: /* ｝ */ return true;
    default: return false;
    }
}

bool cjk_is_opening(unsigned c)
{
    switch (c) {
    case 0xFF08: /* （ */ case 0x300A: /* 《 */ case 0x3008: /* 〈 */
    case 0x300C: /* 「 */ case 0x300E: /* 『 */ case 0x3010: /* 【 */
    case 0x201C: /* “ */ case 0x2018: /* ‘ */ case 0xFF3B: /* ［ */
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

bool cjk_refine(const char *utf8, double han_latin_em, cjk_text *out)
{
    memset(out, 0, sizeof *out);
    const char *gap = han_latin_em > 0 ? "\xE2\x80\x82" : NULL; /* U+2002 EN SPACE */
    out->gap_scale = han_latin_em / 0.5;
    size_t cap_gaps = 0;
    size_t len = strlen(utf8);
    outbuf o = {.ok = true};
    put(&o, "", 0);
    size_t cap_halt = 0;
    const unsigned char *s = (const unsigned char *)utf8;
    uint32_t prev = 0;        /* the previous code point written */
    size_t prev_start = 0;    /* where it starts in the output */
    for (size_t i = 0; i < len && o.ok;) {
        uint32_t c;
        size_t n = utf8_next(s + i, len - i, &c);
        /* An ASCII space between Han and Latin (either way) becomes the gap. */
        if (c == ' ' && gap && i + 1 < len) {
            uint32_t next;
            utf8_next(s + i + 1, len - i - 1, &next);
            if ((is_han(prev) && is_latin(next)) || (is_latin(prev) && is_han(next))) {
                if (!add_range(&out->gaps, &out->n_gaps, &cap_gaps, o.len, o.len + 3))
                    o.ok = false;
                put(&o, gap, strlen(gap));
                prev = 0x2002;
                i += n;
                continue;
            }
        }
        if (gap && ((is_han(prev) && is_latin(c)) || (is_latin(prev) && is_han(c)))) {
            if (!add_range(&out->gaps, &out->n_gaps, &cap_gaps, o.len, o.len + 3))
                o.ok = false;
            put(&o, gap, strlen(gap));
        }
        /* CLREQ allows a break before an opening quote and after a closing one. */
        if ((c == 0x201C || c == 0x2018) && prev && prev != ' ' && !cjk_is_opening(prev))
            put(&o, ZWSP, 3);
        size_t start = o.len;
        put(&o, (const char *)s + i, n);
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
        if ((c == 0x201D || c == 0x2019) && i < len) {
            uint32_t next;
            utf8_next(s + i, len - i, &next);
            if (!cjk_is_closing(next) && next != ' ')
                put(&o, ZWSP, 3);
        }
        prev = c;
        prev_start = start;
    }
    if (!o.ok) {
        free(o.s);
        free(out->halt);
        free(out->gaps);
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
    memset(t, 0, sizeof *t);
}
