/* edit_dump: writes an edit_doc out (see include/model/edit.h) and owns
 * the table of number literals it prints from.
 *
 * Jansson parses and holds the tree; it cannot keep a number's literal text
 * (it would print 2.30 as 2.3 at best, 2.2999999999999998 by default), so
 * the tree is written by our own serializer, which prints each number from
 * a table of literals: the text the file held, found through the locator,
 * or the text an edit was given (edit.c records both). The table holds a
 * reference to every node it names, so no node is freed (and its address
 * reused by a new node) while the table could still match it. The
 * serializer writes exactly what json_dumps(JSON_INDENT(2) |
 * JSON_PRESERVE_ORDER) writes, numbers apart, which is also what Python's
 * json.dumps(indent=2, ensure_ascii=False) writes: tests/cli.inc.sh
 * compares a new year's file with the latter. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/atomic_file.h"
#include "base/i18n.h"
#include "edit_dump.h"

/* ---- the literal table: number node -> its text ------------------------ */

static size_t lit_hash(const json_t *node, size_t n_slots)
{
    uint64_t h = (uint64_t)(uintptr_t)node;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    return (size_t)h & (n_slots - 1);
}

static bool lit_grow(lit_table *t)
{
    size_t n = t->n_slots ? t->n_slots * 2 : 64;
    lit_entry *slots = calloc(n, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < t->n_slots; i++) {
        if (!t->slots[i].node)
            continue;
        size_t j = lit_hash(t->slots[i].node, n);
        while (slots[j].node)
            j = (j + 1) & (n - 1);
        slots[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = slots;
    t->n_slots = n;
    return true;
}

/* Records text (owned by the caller's arena) as node's literal. */
bool edit_lit_put(lit_table *t, json_t *node, const char *text)
{
    if ((t->n_used + 1) * 2 > t->n_slots && !lit_grow(t))
        return false;
    size_t j = lit_hash(node, t->n_slots);
    while (t->slots[j].node && t->slots[j].node != node)
        j = (j + 1) & (t->n_slots - 1);
    if (!t->slots[j].node) {
        t->slots[j].node = json_incref(node);
        t->n_used++;
    }
    t->slots[j].text = text;
    return true;
}

static const char *lit_get(const lit_table *t, const json_t *node)
{
    if (!t->n_slots)
        return NULL;
    size_t j = lit_hash(node, t->n_slots);
    while (t->slots[j].node) {
        if (t->slots[j].node == node)
            return t->slots[j].text;
        j = (j + 1) & (t->n_slots - 1);
    }
    return NULL;
}

void edit_lit_free(lit_table *t)
{
    for (size_t i = 0; i < t->n_slots; i++)
        json_decref(t->slots[i].node);
    free(t->slots);
}

/* ---- the serializer ------------------------------------------------------ */

typedef struct outbuf {
    char *s;
    size_t len, cap;
    bool failed;
} outbuf;

static void out_put(outbuf *o, const char *s, size_t n)
{
    if (o->failed)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (cap < o->len + n + 1)
            cap *= 2;
        char *p = realloc(o->s, cap);
        if (!p) {
            o->failed = true;
            return;
        }
        o->s = p;
        o->cap = cap;
    }
    memcpy(o->s + o->len, s, n);
    o->len += n;
    o->s[o->len] = '\0';
}

static void out_str(outbuf *o, const char *s)
{
    out_put(o, s, strlen(s));
}

static void out_newline(outbuf *o, size_t depth)
{
    out_put(o, "\n", 1);
    for (size_t i = 0; i < depth; i++)
        out_put(o, "  ", 2);
}

/* A JSON string as Jansson writes it without JSON_ENSURE_ASCII: UTF-8 as it
 * is, escapes only for '"', '\\' and control characters. */
static void out_json_string(outbuf *o, const char *s, size_t n)
{
    out_put(o, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out_put(o, s + run, i - run);
        run = i + 1;
        char esc[8];
        switch (c) {
        case '"': out_put(o, "\\\"", 2); break;
        case '\\': out_put(o, "\\\\", 2); break;
        case '\b': out_put(o, "\\b", 2); break;
        case '\f': out_put(o, "\\f", 2); break;
        case '\n': out_put(o, "\\n", 2); break;
        case '\r': out_put(o, "\\r", 2); break;
        case '\t': out_put(o, "\\t", 2); break;
        default: snprintf(esc, sizeof esc, "\\u%04X", (unsigned)c); out_put(o, esc, 6);
        }
    }
    out_put(o, s + run, n - run);
    out_put(o, "\"", 1);
}

/* A number without a literal: the shortest text that reads back the same. */
static void out_number(outbuf *o, const json_t *v)
{
    char buf[64];
    if (json_is_integer(v)) {
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        out_str(o, buf);
        return;
    }
    double d = json_real_value(v);
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    out_str(o, buf);
    if (!strpbrk(buf, ".eE"))
        out_put(o, ".0", 2); /* still a real, as Jansson writes it */
}

static void dump_value(const edit_doc *ed, outbuf *o, const json_t *v, size_t depth)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        if (json_object_size(v) == 0) {
            out_put(o, "{}", 2);
            return;
        }
        out_put(o, "{", 1);
        const char *key;
        json_t *m;
        size_t i = 0, n = json_object_size(v);
        json_object_foreach((json_t *)v, key, m)
        {
            out_newline(o, depth + 1);
            out_json_string(o, key, strlen(key));
            out_put(o, ": ", 2);
            dump_value(ed, o, m, depth + 1);
            if (++i < n)
                out_put(o, ",", 1);
        }
        out_newline(o, depth);
        out_put(o, "}", 1);
        return;
    }
    case JSON_ARRAY: {
        size_t n = json_array_size(v);
        if (n == 0) {
            out_put(o, "[]", 2);
            return;
        }
        out_put(o, "[", 1);
        for (size_t i = 0; i < n; i++) {
            out_newline(o, depth + 1);
            dump_value(ed, o, json_array_get(v, i), depth + 1);
            if (i + 1 < n)
                out_put(o, ",", 1);
        }
        out_newline(o, depth);
        out_put(o, "]", 1);
        return;
    }
    case JSON_STRING: out_json_string(o, json_string_value(v), json_string_length(v)); return;
    case JSON_INTEGER:
    case JSON_REAL: {
        const char *text = lit_get(&ed->lits, v);
        if (text)
            out_str(o, text);
        else
            out_number(o, v);
        return;
    }
    case JSON_TRUE: out_put(o, "true", 4); return;
    case JSON_FALSE: out_put(o, "false", 5); return;
    case JSON_NULL: out_put(o, "null", 4); return;
    }
}

char *edit_dump(const edit_doc *ed, size_t *len)
{
    outbuf o = {0};
    dump_value(ed, &o, ed->root, 0);
    out_put(&o, "\n", 1);
    if (o.failed) {
        free(o.s);
        return NULL;
    }
    *len = o.len;
    return o.s;
}

bool edit_unchanged(const edit_doc *ed)
{
    size_t n;
    char *s = edit_dump(ed, &n);
    bool same = s && n == ed->len && memcmp(s, ed->bytes, n) == 0;
    free(s);
    return same;
}

bool edit_save(const edit_doc *ed, const char *path, diag_list *dl)
{
    size_t n;
    char *s = edit_dump(ed, &n);
    if (!s) {
        diag_error(dl, path, "%s", _("out of memory"));
        return false;
    }
    atomic_file af;
    bool ok = atomic_file_open(&af, path, dl);
    if (ok && fwrite(s, 1, n, af.fp) != n) {
        diag_error(dl, path, _("cannot write: %s"), strerror(errno));
        atomic_file_abort(&af);
        ok = false;
    } else if (ok) {
        ok = atomic_file_commit(&af, dl);
    }
    free(s);
    return ok;
}
