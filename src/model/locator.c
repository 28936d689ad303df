/* locator: see include/model/locator.h.
 *
 * One pass over the bytes with an explicit stack (no recursion, so absurd
 * nesting cannot exhaust the C stack), recording every value's path into an
 * open-addressing hash table. */
#include "model/locator.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"

typedef struct entry {
    const char *path; /* NULL marks an empty slot */
    locator_pos pos;
} entry;

struct locator {
    arena *strings;
    entry *slots;
    size_t n_slots, n_used;
    /* the scan's cursor: only valid during locator_new */
    const char *text;
    size_t cur_off, cur_line, cur_col;
};

static uint64_t hash_path(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211u;
    }
    return h;
}

static bool table_grow(locator *loc)
{
    size_t n = loc->n_slots ? loc->n_slots * 2 : 256;
    entry *slots = calloc(n, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < loc->n_slots; i++) {
        if (!loc->slots[i].path)
            continue;
        size_t j = hash_path(loc->slots[i].path) & (n - 1);
        while (slots[j].path)
            j = (j + 1) & (n - 1);
        slots[j] = loc->slots[i];
    }
    free(loc->slots);
    loc->slots = slots;
    loc->n_slots = n;
    return true;
}

static bool table_put(locator *loc, const char *path, size_t path_len, const locator_pos *pos)
{
    if ((loc->n_used + 1) * 2 > loc->n_slots && !table_grow(loc))
        return false;
    char *copy = arena_strndup(loc->strings, path, path_len);
    if (!copy)
        return false;
    size_t j = hash_path(copy) & (loc->n_slots - 1);
    while (loc->slots[j].path) {
        if (strcmp(loc->slots[j].path, copy) == 0) {
            loc->slots[j].pos = *pos; /* a duplicate key: the last one wins, as in Jansson */
            return true;
        }
        j = (j + 1) & (loc->n_slots - 1);
    }
    loc->slots[j].path = copy;
    loc->slots[j].pos = *pos;
    loc->n_used++;
    return true;
}

/* A growable byte buffer for the current path. */
typedef struct pathbuf {
    char *s;
    size_t len, cap;
} pathbuf;

static bool pb_reserve(pathbuf *pb, size_t extra)
{
    if (pb->len + extra + 1 <= pb->cap)
        return true;
    size_t cap = pb->cap ? pb->cap : 128;
    while (cap < pb->len + extra + 1)
        cap *= 2;
    char *s = realloc(pb->s, cap);
    if (!s)
        return false;
    pb->s = s;
    pb->cap = cap;
    return true;
}

static bool pb_append(pathbuf *pb, const char *s, size_t n)
{
    if (!pb_reserve(pb, n))
        return false;
    memcpy(pb->s + pb->len, s, n);
    pb->len += n;
    pb->s[pb->len] = '\0';
    return true;
}

typedef struct frame {
    bool is_object;
    size_t index;    /* next element index of an array */
    size_t path_len; /* length of the container's own path */
} frame;

typedef struct scanner {
    const unsigned char *s;
    size_t len, i;
} scanner;

static void skip_ws(scanner *sc)
{
    while (sc->i < sc->len) {
        unsigned char c = sc->s[sc->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        sc->i++;
    }
}

/* Skips a string starting at its opening quote; false when unterminated. */
static bool skip_string(scanner *sc)
{
    sc->i++;
    while (sc->i < sc->len) {
        unsigned char c = sc->s[sc->i++];
        if (c == '\\')
            sc->i++;
        else if (c == '"')
            return sc->i <= sc->len;
    }
    return false;
}

static void put_utf8(pathbuf *pb, uint32_t cp, bool *ok)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    if (!pb_append(pb, b, n))
        *ok = false;
}

static int hex4(const unsigned char *p, size_t avail, uint32_t *out)
{
    if (avail < 4)
        return 0;
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned char c = p[k];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return 0;
    }
    *out = v;
    return 1;
}

/* Decodes the key string between start (the opening quote) and end (one past
 * the closing quote) onto the path, as Jansson decodes it. */
static bool append_key(pathbuf *pb, const unsigned char *s, size_t start, size_t end)
{
    bool ok = true;
    for (size_t i = start + 1; i + 1 < end && ok; i++) {
        unsigned char c = s[i];
        if (c != '\\') {
            ok = pb_append(pb, (const char *)&c, 1);
            continue;
        }
        i++;
        char e = (char)s[i];
        uint32_t cp;
        switch (e) {
        case 'b': ok = pb_append(pb, "\b", 1); break;
        case 'f': ok = pb_append(pb, "\f", 1); break;
        case 'n': ok = pb_append(pb, "\n", 1); break;
        case 'r': ok = pb_append(pb, "\r", 1); break;
        case 't': ok = pb_append(pb, "\t", 1); break;
        case 'u':
            if (!hex4(s + i + 1, end - 1 - (i + 1), &cp))
                return ok;
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < end && s[i + 1] == '\\' &&
                s[i + 2] == 'u') {
                uint32_t lo;
                if (hex4(s + i + 3, end - 1 - (i + 3), &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            put_utf8(pb, cp, &ok);
            break;
        default: ok = pb_append(pb, &e, 1); break;
        }
    }
    return ok;
}

/* Moves the cursor forward to byte offset off (offsets only grow during a
 * scan), counting lines and code points on the way. */
static void cursor_advance(locator *loc, size_t off, int *line, int *column)
{
    const unsigned char *t = (const unsigned char *)loc->text;
    for (size_t i = loc->cur_off; i < off; i++) {
        if (t[i] == '\n') {
            loc->cur_line++;
            loc->cur_col = 1;
        } else if ((t[i] & 0xC0) != 0x80) {
            loc->cur_col++;
        }
    }
    if (off > loc->cur_off)
        loc->cur_off = off;
    *line = loc->cur_line > INT32_MAX ? INT32_MAX : (int)loc->cur_line;
    *column = loc->cur_col > INT32_MAX ? INT32_MAX : (int)loc->cur_col;
}

void locator_line_column(const char *text, size_t len, size_t off, int *line, int *column)
{
    size_t ln = 1, col = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (text[i] == '\n') {
            ln++;
            col = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    *line = ln > INT32_MAX ? INT32_MAX : (int)ln;
    *column = col > INT32_MAX ? INT32_MAX : (int)col;
}

/* Values nested deeper than this are scanned but not recorded: copying
 * their ever longer paths would make absurd nesting quadratic, and nothing
 * we load is nested more than a few levels; Jansson itself stops at 2048. */
enum { LOCATOR_MAX_DEPTH = 2048 };

static bool record(locator *loc, const pathbuf *pb, size_t depth, size_t key_off, size_t off,
                   size_t len)
{
    if (depth > LOCATOR_MAX_DEPTH)
        return true;
    locator_pos pos = {.offset = off, .length = len, .key_offset = key_off};
    cursor_advance(loc, key_off, &pos.key_line, &pos.key_column);
    cursor_advance(loc, off, &pos.line, &pos.column);
    return table_put(loc, pb->s ? pb->s : "", pb->len, &pos);
}

/* Where the scan is: the path of the value at hand, the containers open
 * around it, and what may come next. */
typedef struct scan_state {
    locator *loc;
    scanner *sc;
    pathbuf pb;
    frame *stack;
    size_t depth, cap;
    size_t key_off;  /* where the member's key (or the element) starts */
    bool want_value; /* at the root, after ':' and after '[' or ',' in arrays */
    bool ok;         /* false once out of memory */
} scan_state;

/* Opens the object or array at the cursor (c is its '{' or '['). False to
 * stop scanning. */
static bool scan_open(scan_state *st, unsigned char c)
{
    scanner *sc = st->sc;
    if (!record(st->loc, &st->pb, st->depth, st->key_off, sc->i, 1)) {
        st->ok = false;
        return false;
    }
    if (st->depth == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 32;
        frame *grown = realloc(st->stack, st->cap * sizeof *grown);
        if (!grown) {
            st->ok = false;
            return false;
        }
        st->stack = grown;
    }
    st->stack[st->depth++] = (frame){.is_object = c == '{', .index = 0, .path_len = st->pb.len};
    sc->i++;
    skip_ws(sc);
    if (sc->i < sc->len && (sc->s[sc->i] == '}' || sc->s[sc->i] == ']')) {
        st->want_value = false; /* empty container: the closer is handled below */
        return true;
    }
    if (c == '[') {
        char idx[32];
        int n = snprintf(idx, sizeof idx, "[%zu]", (size_t)0);
        st->ok = pb_append(&st->pb, idx, (size_t)n);
        st->key_off = sc->i;
        st->want_value = true;
    } else {
        st->want_value = false; /* a key comes next */
    }
    return true;
}

/* A value where one is expected: a container is opened, a string, number
 * or literal recorded. False to stop scanning. */
static bool scan_value(scan_state *st, unsigned char c)
{
    scanner *sc = st->sc;
    size_t start = sc->i;
    if (c == '{' || c == '[')
        return scan_open(st, c);
    if (c == '"') {
        if (!skip_string(sc))
            return false;
    } else {
        while (sc->i < sc->len) {
            unsigned char d = sc->s[sc->i];
            if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\t' || d == '\n' ||
                d == '\r' || d == ':' || d == '"' || d == '{' || d == '[')
                break;
            sc->i++;
        }
        if (sc->i == start)
            return false; /* not a value: stop scanning */
    }
    if (!record(st->loc, &st->pb, st->depth, st->key_off, start, sc->i - start)) {
        st->ok = false;
        return false;
    }
    st->want_value = false;
    return true;
}

/* After a value, or inside an object waiting for a key: a comma, a closer
 * or a key. False to stop scanning (a syntax error: what was located so far
 * stays). */
static bool scan_between(scan_state *st, unsigned char c)
{
    scanner *sc = st->sc;
    pathbuf *pb = &st->pb;
    if (st->depth == 0)
        return false;
    frame *f = &st->stack[st->depth - 1];
    if (c == ',') {
        sc->i++;
        pb->len = f->path_len;
        pb->s[pb->len] = '\0';
        if (!f->is_object) {
            char idx[32];
            int n = snprintf(idx, sizeof idx, "[%zu]", ++f->index);
            st->ok = pb_append(pb, idx, (size_t)n);
            skip_ws(sc);
            st->key_off = sc->i;
            st->want_value = true;
        }
        return true;
    }
    if (c == '}' || c == ']') {
        sc->i++;
        st->depth--;
        pb->len = f->path_len;
        pb->s[pb->len] = '\0';
        return true;
    }
    if (c == '"' && f->is_object) {
        size_t kstart = sc->i;
        if (!skip_string(sc))
            return false;
        pb->len = f->path_len;
        pb->s[pb->len] = '\0';
        if (pb->len > 0)
            st->ok = pb_append(pb, ".", 1);
        st->ok = st->ok && append_key(pb, sc->s, kstart, sc->i);
        skip_ws(sc);
        if (sc->i >= sc->len || sc->s[sc->i] != ':')
            return false;
        sc->i++;
        skip_ws(sc);
        st->key_off = kstart;
        st->want_value = true;
        return true;
    }
    return false;
}

/* The scan proper. Returns false only when out of memory. */
static bool scan(locator *loc, scanner *sc)
{
    scan_state st = {.loc = loc, .sc = sc, .want_value = true};
    st.ok = pb_reserve(&st.pb, 0);
    if (st.ok)
        st.pb.s[0] = '\0';
    skip_ws(sc);
    st.key_off = sc->i;
    while (st.ok && sc->i < sc->len) {
        skip_ws(sc);
        if (sc->i >= sc->len)
            break;
        unsigned char c = sc->s[sc->i];
        if (!(st.want_value ? scan_value(&st, c) : scan_between(&st, c)))
            break;
    }
    free(st.stack);
    free(st.pb.s);
    return st.ok;
}

locator *locator_new(const char *text, size_t len)
{
    locator *loc = calloc(1, sizeof *loc);
    if (!loc)
        return NULL;
    loc->strings = arena_new();
    loc->text = text;
    loc->cur_line = loc->cur_col = 1;
    if (!loc->strings || !table_grow(loc)) {
        locator_free(loc);
        return NULL;
    }
    scanner sc = {(const unsigned char *)text, len, 0};
    if (!scan(loc, &sc)) {
        locator_free(loc);
        return NULL;
    }
    loc->text = NULL;
    return loc;
}

void locator_free(locator *loc)
{
    if (!loc)
        return;
    arena_free(loc->strings);
    free(loc->slots);
    free(loc);
}

bool locator_lookup(const locator *loc, const char *path, locator_pos *out)
{
    size_t j = hash_path(path) & (loc->n_slots - 1);
    while (loc->slots[j].path) {
        if (strcmp(loc->slots[j].path, path) == 0) {
            *out = loc->slots[j].pos;
            return true;
        }
        j = (j + 1) & (loc->n_slots - 1);
    }
    return false;
}
