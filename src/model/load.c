/* load: reads data/<year>.json into a validated sheet. The only module that
 * includes Jansson; no json_t leaves this file.
 *
 * Order of work: read the bytes, check they are UTF-8, parse with Jansson
 * (syntax errors stop here), locate every value with the locator (positions
 * and literal numbers), then validate the whole tree, collecting every
 * problem rather than stopping at the first. */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "model/locator.h"
#include "model/sheet.h"

enum { LOAD_MAX_BYTES = 64 * 1024 * 1024, LOAD_MAX_STRING = 64 * 1024 };

typedef struct loader {
    sheet *s;
    arena *a;
    diag_list *dl;
    const char *name;
    const char *text;
    size_t len;
    locator *loc;
} loader;

static const char *json_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return _("an object");
    case JSON_ARRAY: return _("an array");
    case JSON_STRING: return _("a string");
    case JSON_INTEGER:
    case JSON_REAL: return _("a number");
    case JSON_TRUE:
    case JSON_FALSE: return _("a boolean");
    case JSON_NULL: return _("null");
    }
    return "?";
}

/* Reports a problem at path, located in text through loc; at_key points at
 * the member's key instead of its value (for unknown keys). */
static void report_at(diag_list *dl, const char *name, const locator *loc, const char *text,
                      size_t len, diag_severity sev, const char *path, bool at_key,
                      const char *fmt, va_list ap)
{
    locator_pos pos;
    int line = 0, column = 0;
    char *src = NULL;
    if (loc && locator_lookup(loc, path, &pos)) {
        size_t off = at_key ? pos.key_offset : pos.offset;
        line = at_key ? pos.key_line : pos.line;
        column = at_key ? pos.key_column : pos.column;
        src = diag_source_line(text, len, off);
    }
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    diag_add(dl, sev, name, line, column, path, src, "%s", msg ? msg : fmt);
    free(msg);
    free(src);
}

static void vreport(loader *ld, diag_severity sev, const char *path, bool at_key, const char *fmt,
                    va_list ap)
{
    report_at(ld->dl, ld->name, ld->loc, ld->text, ld->len, sev, path, at_key, fmt, ap);
}

void sheet_report(const sheet *s, diag_list *dl, diag_severity sev, const char *path,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_at(dl, s->file, s->loc, s->text, s->text_len, sev, path, false, fmt, ap);
    va_end(ap);
}

static void report(loader *ld, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void report(loader *ld, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(ld, DIAG_ERROR, path, false, fmt, ap);
    va_end(ap);
}

static void warn_at_key(loader *ld, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void warn_at_key(loader *ld, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(ld, DIAG_WARNING, path, true, fmt, ap);
    va_end(ap);
}

static const char *member_path(loader *ld, const char *parent, const char *key)
{
    const char *p = parent[0] ? arena_printf(ld->a, "%s.%s", parent, key)
                              : arena_strdup(ld->a, key);
    return p ? p : "?";
}

static const char *element_path(loader *ld, const char *parent, size_t i)
{
    const char *p = arena_printf(ld->a, "%s[%zu]", parent, i);
    return p ? p : "?";
}

/* Edit distance, for "did you mean" on unknown keys. Keys are short. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 32 || lb > 32)
        return SIZE_MAX;
    size_t row[33];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag_prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diag_prev + cost;
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag_prev = up;
        }
    }
    return row[lb];
}

/* Warns about keys not in known (a NULL-terminated list). */
static void check_keys(loader *ld, json_t *obj, const char *path, const char *const *known)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        bool found = false;
        const char *nearest = NULL;
        size_t best = 3; /* suggest only close matches */
        for (const char *const *k = known; *k; k++) {
            if (strcmp(key, *k) == 0) {
                found = true;
                break;
            }
            size_t d = edit_distance(key, *k);
            if (d < best) {
                best = d;
                nearest = *k;
            }
        }
        if (found)
            continue;
        const char *kp = member_path(ld, path, key);
        if (nearest)
            warn_at_key(ld, kp, _("unknown key \"%s\" is ignored; did you mean \"%s\"?"), key,
                        nearest);
        else
            warn_at_key(ld, kp, _("unknown key \"%s\" is ignored"), key);
    }
}

/* Returns a copy of obj[key] when it is a non-empty string. Reports a missing
 * required field or a wrong type; returns NULL then or when absent. */
static const char *get_string(loader *ld, json_t *obj, const char *path, const char *key,
                              bool required)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) {
        if (required)
            report(ld, path, _("missing required field \"%s\"; expected a string"), key);
        return NULL;
    }
    const char *vp = member_path(ld, path, key);
    if (!json_is_string(v)) {
        report(ld, vp, _("expected a string, got %s"), json_type_name(v));
        return NULL;
    }
    size_t n = json_string_length(v);
    const char *str = json_string_value(v);
    if (n == 0) {
        if (required)
            report(ld, vp, _("empty string; expected some text"));
        return required ? NULL : "";
    }
    if (n > LOAD_MAX_STRING) {
        report(ld, vp, _("string of %zu bytes is too long; at most %d bytes are allowed"), n,
               (int)LOAD_MAX_STRING);
        return NULL;
    }
    if (strlen(str) != n) {
        report(ld, vp, _("the text contains a NUL character (\\u0000)"));
        return NULL;
    }
    const char *copy = arena_strndup(ld->a, str, n);
    if (!copy)
        report(ld, vp, _("out of memory"));
    return copy;
}

/* Returns obj[key] when it is an array (reporting otherwise), else NULL. */
static json_t *get_array(loader *ld, json_t *obj, const char *path, const char *key,
                         bool required)
{
    json_t *v = json_object_get(obj, key);
    if (!v) {
        if (required)
            report(ld, path, _("missing required field \"%s\"; expected an array"), key);
        return NULL;
    }
    if (!json_is_array(v)) {
        report(ld, member_path(ld, path, key), _("expected an array, got %s"),
               json_type_name(v));
        return NULL;
    }
    return v;
}

static bool expect_object(loader *ld, json_t *v, const char *path)
{
    if (json_is_object(v))
        return true;
    report(ld, path, _("expected an object, got %s"), json_type_name(v));
    return false;
}

static bool valid_date(const char *d)
{
    int y, m, day;
    char tail;
    if (strlen(d) != 10 || sscanf(d, "%4d-%2d-%2d%c", &y, &m, &day, &tail) != 3)
        return false;
    if (d[4] != '-' || d[7] != '-' || y < 1900 || m < 1 || m > 12 || day < 1)
        return false;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > mdays[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && day == 29 && !leap);
}

static void load_meta(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *year = json_object_get(root, "year");
    if (!year)
        report(ld, "", _("missing required field \"year\"; expected a year such as 2025"));
    else if (!json_is_integer(year) || json_integer_value(year) < 1949 ||
             json_integer_value(year) > 2100)
        report(ld, "year", _("expected a year between 1949 and 2100, such as 2025"));
    else
        s->year = (int)json_integer_value(year);
    s->title = get_string(ld, root, "", "title", true);
    s->subtitle = get_string(ld, root, "", "subtitle", false);
    s->issuer = get_string(ld, root, "", "issuer", true);
    s->date = get_string(ld, root, "", "date", true);
    if (s->date && !valid_date(s->date))
        report(ld, "date", _("\"%s\" is not a date; expected YYYY-MM-DD, such as 2026-01-15"),
               s->date);

    json_t *sources = get_array(ld, root, "", "sources", true);
    if (!sources)
        return;
    if (json_array_size(sources) == 0)
        report(ld, "sources", _("no sources; expected at least one source document"));
    s->n_sources = json_array_size(sources);
    s->sources = arena_alloc(ld->a, s->n_sources * sizeof *s->sources);
    if (!s->sources) {
        s->n_sources = 0;
        return;
    }
    static const char *const keys[] = {"file", "title", "publisher", "url", "date", NULL};
    size_t i;
    json_t *src;
    json_array_foreach(sources, i, src) {
        const char *p = element_path(ld, "sources", i);
        if (!expect_object(ld, src, p))
            continue;
        check_keys(ld, src, p, keys);
        s->sources[i].file = get_string(ld, src, p, "file", true);
        s->sources[i].title = get_string(ld, src, p, "title", true);
        s->sources[i].publisher = get_string(ld, src, p, "publisher", false);
        s->sources[i].url = get_string(ld, src, p, "url", false);
    }
}

/* A figure written as a string gets advice on what to write instead. */
static void report_not_a_number(loader *ld, const char *path, json_t *v)
{
    if (!json_is_string(v)) {
        report(ld, path, _("expected a number, got %s"), json_type_name(v));
        return;
    }
    report(ld, path,
           _("the figure is written as a string \"%s\"; expected a bare number without quotes, "
             "units or separators, such as 1234 or 46.09"),
           json_string_value(v));
}

static void load_indicator(loader *ld, json_t *ind, size_t i, sheet_indicator *out)
{
    static const char *const keys[] = {"id",     "label", "value", "unit", "qualifier",
                                       "better", "note",  "source", NULL};
    const char *p = element_path(ld, "indicators", i);
    out->path = p;
    if (!expect_object(ld, ind, p))
        return;
    check_keys(ld, ind, p, keys);
    out->id = get_string(ld, ind, p, "id", true);
    if (out->id) {
        for (const char *c = out->id; *c; c++) {
            bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                      (*c >= '0' && *c <= '9') || *c == '_' || *c == '-';
            if (!ok) {
                report(ld, member_path(ld, p, "id"),
                       _("id \"%s\" has a character other than ASCII letters, digits, '_' and "
                         "'-'"),
                       out->id);
                break;
            }
        }
    }
    out->label = get_string(ld, ind, p, "label", true);
    out->unit = get_string(ld, ind, p, "unit", false);
    if (!json_object_get(ind, "unit"))
        report(ld, p, _("missing required field \"unit\"; expected a string (\"\" when the "
                        "figure has no unit)"));
    out->qualifier = get_string(ld, ind, p, "qualifier", false);
    if (out->qualifier && !out->qualifier[0])
        out->qualifier = NULL;
    out->note = get_string(ld, ind, p, "note", false);

    const char *better = get_string(ld, ind, p, "better", false);
    if (better) {
        if (strcmp(better, "higher") == 0)
            out->better = BETTER_HIGHER;
        else if (strcmp(better, "lower") == 0)
            out->better = BETTER_LOWER;
        else
            report(ld, member_path(ld, p, "better"),
                   _("\"%s\" is not a direction; expected \"higher\" or \"lower\""), better);
    }

    json_t *value = json_object_get(ind, "value");
    const char *vp = member_path(ld, p, "value");
    if (!value) {
        report(ld, p, _("missing required field \"value\"; expected a number"));
    } else if (!json_is_number(value)) {
        report_not_a_number(ld, vp, value);
    } else {
        out->value = json_number_value(value);
        locator_pos pos;
        if (!isfinite(out->value)) {
            report(ld, vp, _("the number is out of range"));
        } else if (ld->loc && locator_lookup(ld->loc, vp, &pos)) {
            out->literal = arena_strndup(ld->a, ld->text + pos.offset, pos.length);
        } else {
            /* Unreachable for parsed input; keep a faithful fallback. */
            out->literal = arena_printf(ld->a, "%.17g", out->value);
        }
    }

    json_t *src = json_object_get(ind, "source");
    const char *sp = member_path(ld, p, "source");
    if (!src) {
        report(ld, p, _("missing required field \"source\"; expected {\"file\": …, \"quote\": …}"));
    } else if (expect_object(ld, src, sp)) {
        static const char *const skeys[] = {"file", "quote", NULL};
        check_keys(ld, src, sp, skeys);
        out->source_file = get_string(ld, src, sp, "file", true);
        out->source_quote = get_string(ld, src, sp, "quote", true);
    }
}

static void load_indicators(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *arr = get_array(ld, root, "", "indicators", true);
    if (!arr)
        return;
    s->n_indicators = json_array_size(arr);
    s->indicators = arena_alloc(ld->a, (s->n_indicators ? s->n_indicators : 1) *
                                           sizeof *s->indicators);
    if (!s->indicators) {
        report(ld, "indicators", _("out of memory"));
        s->n_indicators = 0;
        return;
    }
    size_t i;
    json_t *ind;
    json_array_foreach(arr, i, ind) load_indicator(ld, ind, i, &s->indicators[i]);

    /* Duplicate ids: sorted copy of indexes, so 100 000 indicators stay fast. */
    size_t *order = malloc((s->n_indicators ? s->n_indicators : 1) * sizeof *order);
    if (!order)
        return;
    size_t n = 0;
    for (i = 0; i < s->n_indicators; i++)
        if (s->indicators[i].id)
            order[n++] = i;
    /* insertion into a simple merge sort would be longer; qsort needs context */
    for (size_t gap = n / 2; gap > 0; gap /= 2) /* shell sort by id, then index */
        for (size_t a = gap; a < n; a++)
            for (size_t b = a; b >= gap; b -= gap) {
                size_t x = order[b - gap], y = order[b];
                int c = strcmp(s->indicators[x].id, s->indicators[y].id);
                if (c < 0 || (c == 0 && x < y))
                    break;
                order[b - gap] = y;
                order[b] = x;
            }
    for (size_t k = 1; k < n; k++) {
        const sheet_indicator *prev = &s->indicators[order[k - 1]];
        const sheet_indicator *cur = &s->indicators[order[k]];
        if (strcmp(prev->id, cur->id) == 0)
            report(ld, member_path(ld, cur->path, "id"),
                   _("duplicate indicator id \"%s\"; it is already used by %s"), cur->id,
                   prev->path);
    }
    free(order);
}

size_t sheet_find_indicator(const sheet *s, const char *id)
{
    for (size_t i = 0; i < s->n_indicators; i++)
        if (s->indicators[i].id && strcmp(s->indicators[i].id, id) == 0)
            return i;
    return (size_t)-1;
}

static const char *const block_kind_names[BLOCK_KIND_LAST] = {"kpi", "bar", "text", "note"};

static void load_items(loader *ld, json_t *block, const char *bp, sheet_block *b)
{
    json_t *items = get_array(ld, block, bp, "items", true);
    if (!items)
        return;
    const char *ip = member_path(ld, bp, "items");
    if (json_array_size(items) == 0) {
        report(ld, ip, _("no items; expected at least one indicator id"));
        return;
    }
    b->n_items = json_array_size(items);
    b->items = arena_alloc(ld->a, b->n_items * sizeof *b->items);
    if (!b->items) {
        b->n_items = 0;
        return;
    }
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it) {
        const char *p = element_path(ld, ip, i);
        const char *id = NULL;
        b->items[i].indicator = (size_t)-1;
        if (json_is_string(it)) {
            id = json_string_value(it);
        } else if (json_is_object(it)) {
            static const char *const keys[] = {"id", "label", NULL};
            check_keys(ld, it, p, keys);
            id = get_string(ld, it, p, "id", true);
            b->items[i].label = get_string(ld, it, p, "label", false);
        } else {
            report(ld, p, _("expected an indicator id or {\"id\": …, \"label\": …}, got %s"),
                   json_type_name(it));
            continue;
        }
        if (!id)
            continue;
        size_t k = sheet_find_indicator(ld->s, id);
        if (k == (size_t)-1) {
            report(ld, p, _("unknown indicator \"%s\""), id);
            continue;
        }
        b->items[i].indicator = k;
        if (!b->items[i].label)
            b->items[i].label = ld->s->indicators[k].label;
    }
}

static void load_block(loader *ld, json_t *block, const char *bp, sheet_block *b)
{
    b->path = bp;
    if (!expect_object(ld, block, bp))
        return;
    const char *type = get_string(ld, block, bp, "type", true);
    if (!type)
        return;
    int kind = -1;
    for (int k = 0; k < BLOCK_KIND_LAST; k++)
        if (strcmp(type, block_kind_names[k]) == 0)
            kind = k;
    if (kind < 0) {
        report(ld, member_path(ld, bp, "type"),
               _("unknown block type \"%s\"; expected one of kpi, bar, text, note"), type);
        return;
    }
    b->kind = (sheet_block_kind)kind;
    switch (b->kind) {
    case BLOCK_KPI: {
        static const char *const keys[] = {"type", "title", "items", NULL};
        check_keys(ld, block, bp, keys);
        b->title = get_string(ld, block, bp, "title", false);
        load_items(ld, block, bp, b);
        break;
    }
    case BLOCK_BAR: {
        static const char *const keys[] = {"type", "title", "unit", "items", "note", NULL};
        check_keys(ld, block, bp, keys);
        b->title = get_string(ld, block, bp, "title", true);
        b->unit = get_string(ld, block, bp, "unit", false);
        b->text = get_string(ld, block, bp, "note", false);
        load_items(ld, block, bp, b);
        /* One chart, one unit: bars in 万人次 beside bars in % would mislead. */
        for (size_t i = 0; i < b->n_items; i++) {
            size_t k = b->items[i].indicator;
            if (k == (size_t)-1 || !ld->s->indicators[k].unit)
                continue;
            const char *u = ld->s->indicators[k].unit;
            if (!b->unit) {
                b->unit = u;
            } else if (strcmp(b->unit, u) != 0) {
                report(ld, element_path(ld, member_path(ld, bp, "items"), i),
                       _("indicator \"%s\" is in \"%s\" but the chart is in \"%s\"; expected "
                         "every bar in the same unit"),
                       ld->s->indicators[k].id, u, b->unit);
            }
        }
        break;
    }
    case BLOCK_TEXT:
    case BLOCK_NOTE: {
        static const char *const keys[] = {"type", "text", NULL};
        check_keys(ld, block, bp, keys);
        b->text = get_string(ld, block, bp, "text", true);
        break;
    }
    case BLOCK_KIND_LAST: break;
    }
}

static void load_sections(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *arr = get_array(ld, root, "", "sections", true);
    if (!arr)
        return;
    if (json_array_size(arr) == 0) {
        report(ld, "sections", _("no sections; expected at least one section"));
        return;
    }
    s->n_sections = json_array_size(arr);
    s->sections = arena_alloc(ld->a, s->n_sections * sizeof *s->sections);
    if (!s->sections) {
        s->n_sections = 0;
        return;
    }
    static const char *const keys[] = {"title", "blocks", NULL};
    size_t i;
    json_t *sec;
    json_array_foreach(arr, i, sec) {
        sheet_section *out = &s->sections[i];
        const char *p = element_path(ld, "sections", i);
        out->path = p;
        if (!expect_object(ld, sec, p))
            continue;
        check_keys(ld, sec, p, keys);
        out->title = get_string(ld, sec, p, "title", true);
        json_t *blocks = get_array(ld, sec, p, "blocks", true);
        if (!blocks)
            continue;
        if (json_array_size(blocks) == 0) {
            report(ld, member_path(ld, p, "blocks"), _("empty section; expected at least one block"));
            continue;
        }
        out->n_blocks = json_array_size(blocks);
        out->blocks = arena_alloc(ld->a, out->n_blocks * sizeof *out->blocks);
        if (!out->blocks) {
            out->n_blocks = 0;
            continue;
        }
        size_t j;
        json_t *blk;
        const char *bsp = member_path(ld, p, "blocks");
        json_array_foreach(blocks, j, blk) load_block(ld, blk, element_path(ld, bsp, j),
                                                      &out->blocks[j]);
    }
}

/* Returns the offset of the first byte that is not valid UTF-8, or len. */
static size_t utf8_invalid_offset(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        uint32_t min;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + n > len)
            return i;
        uint32_t cp = c & (0x7Fu >> n);
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n;
    }
    return len;
}

/* True when the bytes read as GBK/GB18030 text: every byte over 0x7F leads a
 * two-byte pair (lead 0x81-0xFE, trail 0x40-0xFE but 0x7F). WPS and Notepad
 * on Chinese Windows save in this encoding. */
static bool looks_like_gbk(const unsigned char *s, size_t len)
{
    size_t pairs = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 0x80)
            continue;
        if (s[i] == 0x80 || s[i] == 0xFF || i + 1 >= len || s[i + 1] < 0x40 || s[i + 1] == 0x7F ||
            s[i + 1] == 0xFF)
            return false;
        i++;
        pairs++;
    }
    return pairs > 0;
}

sheet *sheet_load_bytes(const char *name, const char *bytes, size_t len, diag_list *dl)
{
    size_t errors_before = dl->errors;
    /* Notepad writes a UTF-8 byte-order mark: accept it. */
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        bytes += 3;
        len -= 3;
    }
    if (len == 0) {
        diag_error(dl, name, "%s", _("the file is empty; expected a JSON object"));
        return NULL;
    }
    size_t bad = utf8_invalid_offset((const unsigned char *)bytes, len);
    if (bad < len) {
        int line, column;
        locator_line_column(bytes, len, bad, &line, &column);
        if (looks_like_gbk((const unsigned char *)bytes, len)) {
            diag_add(dl, DIAG_ERROR, name, line, column, NULL, NULL, "%s",
                     _("the file is not UTF-8; it looks like GBK (GB18030): save it as UTF-8 "
                       "(in Notepad or WPS: Save As, encoding UTF-8)"));
            return NULL;
        }
        diag_add(dl, DIAG_ERROR, name, line, column, NULL, NULL,
                 _("byte 0x%02X is not valid UTF-8; save the file as UTF-8"),
                 (unsigned)(unsigned char)bytes[bad]);
        return NULL;
    }

    json_error_t err;
    json_t *root = json_loadb(bytes, len, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        char *src = diag_source_line(bytes, len, err.position > 0 ? (size_t)err.position - 1 : 0);
        diag_add(dl, DIAG_ERROR, name, err.line, err.column, NULL, src,
                 _("not valid JSON: %s"), err.text);
        free(src);
        return NULL;
    }

    loader ld = {.dl = dl, .name = name, .text = bytes, .len = len};
    ld.a = arena_new();
    ld.s = ld.a ? arena_alloc(ld.a, sizeof *ld.s) : NULL;
    ld.loc = locator_new(bytes, len);
    if (!ld.s || !ld.loc) {
        diag_error(dl, name, "%s", _("out of memory"));
        goto fail;
    }
    ld.s->arena = ld.a;
    ld.s->file = arena_strdup(ld.a, name);

    if (!expect_object(&ld, root, ""))
        goto fail;
    static const char *const keys[] = {"$schema", "year",       "title",    "subtitle",
                                       "issuer",  "date",       "sources",  "indicators",
                                       "sections", NULL};
    check_keys(&ld, root, "", keys);
    load_meta(&ld, root);
    load_indicators(&ld, root);
    load_sections(&ld, root);
    if (dl->errors > errors_before)
        goto fail;

    json_decref(root);
    root = NULL;
    ld.s->text = arena_strndup(ld.a, bytes, len);
    ld.s->text_len = len;
    ld.s->loc = ld.loc;
    if (!ld.s->text) {
        diag_error(dl, name, "%s", _("out of memory"));
        goto fail;
    }
    return ld.s;

fail:
    json_decref(root);
    locator_free(ld.loc);
    arena_free(ld.a);
    return NULL;
}

sheet *sheet_load(const char *path, diag_list *dl)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        diag_error(dl, path, _("cannot open: %s"), strerror(errno));
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        diag_error(dl, path, "%s", _("is a directory; expected a JSON file"));
        return NULL;
    }
    if (st.st_size > LOAD_MAX_BYTES) {
        diag_error(dl, path, _("the file is %lld bytes; at most %d bytes are accepted"),
                   (long long)st.st_size, (int)LOAD_MAX_BYTES);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error(dl, path, _("cannot open: %s"), strerror(errno));
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        diag_error(dl, path, "%s", _("out of memory"));
        return NULL;
    }
    len = fread(buf, 1, cap, f);
    bool failed = ferror(f) || len == cap; /* the file grew while reading */
    fclose(f);
    if (failed) {
        free(buf);
        diag_error(dl, path, "%s", _("cannot read the file"));
        return NULL;
    }
    sheet *s = sheet_load_bytes(path, buf, len, dl);
    free(buf);
    return s;
}

void sheet_free(sheet *s)
{
    if (!s)
        return;
    locator_free(s->loc);
    arena_free(s->arena);
}
