/* edit: see include/model/edit.h. This file owns loading a data file to
 * edit and the edits themselves: next year's empty draft (`factsheet new`)
 * and figures set from a spreadsheet (`factsheet import`).
 *
 * Jansson parses and holds the tree but cannot keep a number's literal
 * text, so loading records the literal of every number, found through the
 * locator, and an edit the text it was given, in the table of literals the
 * serializer prints from (edit_dump.c, which writes the document out). */
#include "model/edit.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "base/strdist.h"
#include "edit_dump.h"
#include "model/sheet.h"

/* ---- the document -------------------------------------------------------- */

/* A growable path, in the locator's form: a.b[3].c */
typedef struct pathbuf {
    char *s;
    size_t len, cap;
    bool failed;
} pathbuf;

static void pb_put(pathbuf *pb, const char *s, size_t n)
{
    if (pb->failed)
        return;
    if (pb->len + n + 1 > pb->cap) {
        size_t cap = pb->cap ? pb->cap : 128;
        while (cap < pb->len + n + 1)
            cap *= 2;
        char *p = realloc(pb->s, cap);
        if (!p) {
            pb->failed = true;
            return;
        }
        pb->s = p;
        pb->cap = cap;
    }
    memcpy(pb->s + pb->len, s, n);
    pb->len += n;
    pb->s[pb->len] = '\0';
}

/* True when text is the literal of v: the locator's path scheme cannot tell
 * a key "a.b" from a member b of a, so each found literal is checked. */
static bool literal_matches(const char *text, const json_t *v)
{
    char *end;
    errno = 0;
    if (json_is_integer(v)) {
        long long n = strtoll(text, &end, 10);
        return !errno && *end == '\0' && n == (long long)json_integer_value(v);
    }
    double d = strtod(text, &end);
    return *end == '\0' && d == json_real_value(v);
}

/* Records the literal of every number under v (at path pb). */
static bool collect_literals(edit_doc *ed, json_t *v, pathbuf *pb)
{
    if (json_is_number(v)) {
        locator_pos pos;
        if (!ed->j.loc || !locator_lookup(ed->j.loc, pb->s ? pb->s : "", &pos))
            return true; /* printed from its value instead */
        const char *text = arena_strndup(ed->j.a, ed->j.text + pos.offset, pos.length);
        if (!text)
            return false;
        return !literal_matches(text, v) || edit_lit_put(&ed->lits, v, text);
    }
    size_t mark = pb->len;
    bool ok = true;
    if (json_is_object(v)) {
        const char *key;
        json_t *m;
        json_object_foreach(v, key, m)
        {
            if (pb->len)
                pb_put(pb, ".", 1);
            pb_put(pb, key, strlen(key));
            ok = !pb->failed && collect_literals(ed, m, pb);
            pb->len = mark;
            if (pb->s)
                pb->s[mark] = '\0';
            if (!ok)
                break;
        }
    } else if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e)
        {
            char idx[32];
            int n = snprintf(idx, sizeof idx, "[%zu]", i);
            pb_put(pb, idx, (size_t)n);
            ok = !pb->failed && collect_literals(ed, e, pb);
            pb->len = mark;
            if (pb->s)
                pb->s[mark] = '\0';
            if (!ok)
                break;
        }
    }
    return ok;
}

/* The shape the edits rely on; the loader checks the rest. */
static void check_shape(edit_doc *ed)
{
    jin *j = &ed->j;
    if (!jin_expect_object(j, ed->root, ""))
        return;
    json_t *inds = jin_get_array(j, ed->root, "", "indicators", true);
    if (!inds)
        return;
    size_t i;
    json_t *ind;
    json_array_foreach(inds, i, ind)
    {
        const char *p = jin_element_path(j, "indicators", i);
        if (jin_expect_object(j, ind, p))
            jin_get_string(j, ind, p, "id", true);
    }
    json_t *src = json_object_get(ed->root, "sources");
    if (src && !json_is_array(src))
        jin_report(j, "sources", _("expected an array, got %s"), jin_type_name(src));
}

edit_doc *edit_load(const char *path, diag_list *dl)
{
    size_t errors = dl->errors;
    edit_doc *ed = calloc(1, sizeof *ed);
    if (!ed) {
        diag_error(dl, path, "%s", _("out of memory"));
        return NULL;
    }
    ed->j.a = arena_new();
    if (!ed->j.a) {
        diag_error(dl, path, "%s", _("out of memory"));
        goto fail;
    }
    ed->bytes = jin_read_file(path, &ed->len, dl);
    if (!ed->bytes)
        goto fail;
    const char *name = arena_strdup(ed->j.a, path);
    ed->root = name ? jin_parse(&ed->j, name, ed->bytes, ed->len, dl) : NULL;
    if (!ed->root)
        goto fail;
    check_shape(ed);
    if (dl->errors > errors)
        goto fail;
    pathbuf pb = {0};
    bool ok = collect_literals(ed, ed->root, &pb);
    free(pb.s);
    if (!ok) {
        diag_error(dl, path, "%s", _("out of memory"));
        goto fail;
    }
    return ed;
fail:
    edit_free(ed);
    return NULL;
}

void edit_free(edit_doc *ed)
{
    if (!ed)
        return;
    edit_lit_free(&ed->lits);
    json_decref(ed->root);
    locator_free(ed->j.loc);
    arena_free(ed->j.a);
    free(ed->bytes);
    free(ed);
}

/* ---- editing helpers --------------------------------------------------- */

/* Sets obj[key] = value (stealing the reference). An existing member keeps
 * its place; a new one goes right after the member after (or last when obj
 * has no such member), so a file keeps the schema's order of members. */
static bool object_put_after(json_t *obj, const char *after, const char *key, json_t *value)
{
    if (!value)
        return false;
    if (json_object_get(obj, key) || !after || !json_object_get(obj, after))
        return json_object_set_new(obj, key, value) == 0;
    /* Jansson appends new members: take them all out and put them back. */
    size_t n = json_object_size(obj), k = 0;
    char **keys = calloc(n, sizeof *keys);
    json_t **vals = calloc(n, sizeof *vals);
    bool ok = keys && vals;
    const char *kk;
    json_t *vv;
    json_object_foreach(obj, kk, vv)
    {
        if (!ok)
            break;
        keys[k] = strdup(kk);
        vals[k] = json_incref(vv);
        ok = keys[k] != NULL;
        k++;
    }
    if (ok) {
        json_object_clear(obj);
        for (size_t i = 0; i < k && ok; i++) {
            ok = json_object_set(obj, keys[i], vals[i]) == 0;
            if (ok && strcmp(keys[i], after) == 0)
                ok = json_object_set(obj, key, value) == 0;
        }
    }
    for (size_t i = 0; i < k; i++) {
        free(keys[i]);
        json_decref(vals[i]);
    }
    free(keys);
    free(vals);
    json_decref(value);
    return ok;
}

static bool set_string(json_t *obj, const char *key, const char *s)
{
    json_t *v = json_string(s);
    return v && json_object_set_new(obj, key, v) == 0;
}

/* A copy of s with the year old, where it stands as a number of its own
 * (not inside 120255), replaced by year; NULL when s does not hold it. */
static char *replace_year(const char *s, int old, int year)
{
    char from[16], to[16];
    int nf = snprintf(from, sizeof from, "%d", old);
    int nt = snprintf(to, sizeof to, "%d", year);
    size_t hits = 0;
    for (const char *p = strstr(s, from); p; p = strstr(p + 1, from))
        hits++;
    if (!hits)
        return NULL;
    size_t cap = strlen(s) + hits * (size_t)(nt > nf ? nt - nf : 0) + 1;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    size_t o = 0;
    bool changed = false;
    for (const char *p = s; *p;) {
        bool digit_before = p > s && p[-1] >= '0' && p[-1] <= '9';
        if (!digit_before && strncmp(p, from, (size_t)nf) == 0 && !(p[nf] >= '0' && p[nf] <= '9')) {
            memcpy(out + o, to, (size_t)nt);
            o += (size_t)nt;
            p += nf;
            changed = true;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    if (!changed) {
        free(out);
        return NULL;
    }
    return out;
}

/* Replaces the old year in root[key]; true when it did. */
static bool retitle(json_t *root, const char *key, int old, int year, bool *oom)
{
    json_t *v = json_object_get(root, key);
    if (!json_is_string(v))
        return false;
    char *s = replace_year(json_string_value(v), old, year);
    if (!s)
        return false;
    if (!set_string(root, key, s))
        *oom = true;
    free(s);
    return !*oom;
}

/* True when the kind of block the name gives has rule (block_kinds.def). */
static bool kind_has(const char *type, unsigned rule)
{
    const sheet_block_kind_info *k = sheet_block_kind_lookup(sheet_block_kind_named(type));
    return k && (k->rules & rule);
}

int edit_year(const edit_doc *ed)
{
    json_t *y = json_object_get(ed->root, "year");
    return json_is_integer(y) ? (int)json_integer_value(y) : 0;
}

const char *edit_date(const edit_doc *ed)
{
    json_t *d = json_object_get(ed->root, "date");
    return json_is_string(d) ? json_string_value(d) : "";
}

/* Last year's figures, qualifiers, notes, sources and rank settings taken
 * out of every indicator; what each figure covers is kept and counted. */
static void clear_indicators(json_t *root, edit_year_report *rep, bool *oom)
{
    size_t i;
    json_t *ind;
    json_array_foreach(json_object_get(root, "indicators"), i, ind)
    {
        json_t *src = json_pack("{s:s, s:s}", "file", "", "quote", "");
        *oom = *oom || !object_put_after(ind, "label", "value", json_null()) ||
               json_object_set_new(ind, "source", src) != 0;
        json_object_del(ind, "qualifier");
        /* A note states last year's facts ("1—11月公立医院…"). */
        if (json_object_del(ind, "note") == 0)
            rep->notes++;
        /* What a figure covers is kept, but may be last year's: counted
         * for the summary to name. */
        const char *period = json_string_value(json_object_get(ind, "period"));
        if (period) {
            if (!rep->periods++) {
                rep->period_id = json_string_value(json_object_get(ind, "id"));
                rep->period = period;
            }
        }
        rep->scopes += json_is_string(json_object_get(ind, "scope"));
        rep->definitions += json_is_string(json_object_get(ind, "definition"));
        /* The date of a stock and a rank's field and grade are last year's. */
        json_object_del(ind, "as_of");
        json_t *rank = json_object_get(ind, "rank");
        if (json_is_object(rank)) {
            json_object_del(rank, "of");
            json_object_del(rank, "grade");
        }
        rep->indicators++;
    }
}

/* Text blocks emptied, chart titles emptied and chart notes removed: they
 * said what last year's figures showed. */
static void clear_blocks(json_t *root, edit_year_report *rep, bool *oom)
{
    size_t i;
    json_t *sec, *blk;
    json_array_foreach(json_object_get(root, "sections"), i, sec)
    {
        size_t k;
        json_array_foreach(json_object_get(sec, "blocks"), k, blk)
        {
            const char *type = json_string_value(json_object_get(blk, "type"));
            if (!type)
                continue;
            if (kind_has(type, BK_TEXT) && json_object_get(blk, "text")) {
                *oom = *oom || !set_string(blk, "text", "");
                rep->texts++;
            } else if (kind_has(type, BK_CHART)) {
                /* A chart's title says what last year's figures showed. */
                if (json_is_string(json_object_get(blk, "title"))) {
                    *oom = *oom || !set_string(blk, "title", "");
                    rep->chart_titles++;
                }
                if (json_object_del(blk, "note") == 0)
                    rep->chart_notes++;
            }
        }
    }
}

bool edit_start_year(edit_doc *ed, int year, edit_year_report *rep, diag_list *dl)
{
    memset(rep, 0, sizeof *rep);
    json_t *root = ed->root;
    int old = edit_year(ed);
    if (!old) {
        jin_report(&ed->j, "year", "%s",
                   _("expected the report's year as a number such as 2025, to start the next "
                     "year from"));
        return false;
    }
    bool oom = json_object_set_new(root, "year", json_integer(year)) != 0;
    bool t1 = retitle(root, "title", old, year, &oom);
    bool t2 = retitle(root, "subtitle", old, year, &oom);
    rep->title_changed = t1 || t2;

    json_t *sources = json_object_get(root, "sources");
    rep->sources = json_is_array(sources) ? json_array_size(sources) : 0;
    oom = oom || json_object_set_new(root, "sources", json_array()) != 0;

    clear_indicators(root, rep, &oom);

    size_t i;
    /* The rows of "tables": last year's figures, like the indicators'. */
    json_t *tab;
    json_array_foreach(json_object_get(root, "tables"), i, tab)
    {
        size_t r;
        json_t *row;
        json_array_foreach(json_object_get(tab, "rows"), r, row)
        {
            if (json_is_object(row)) {
                oom = oom || json_object_set_new(row, "value", json_null()) != 0;
                rep->indicators++;
            }
        }
    }

    /* 要点 and honours state last year's results: kept as places to write. */
    json_t *hl = json_object_get(root, "highlights");
    json_t *v;
    json_array_foreach(hl, i, v)
    {
        oom = oom || json_array_set_new(hl, i, json_string("")) != 0;
        rep->texts++;
    }
    json_array_foreach(json_object_get(root, "honours"), i, v)
    {
        json_t *src = json_pack("{s:s, s:s}", "file", "", "quote", "");
        oom = oom || !set_string(v, "text", "") || json_object_set_new(v, "source", src) != 0;
        rep->texts++;
    }

    clear_blocks(root, rep, &oom);
    if (oom)
        diag_error(dl, ed->j.name, "%s", _("out of memory"));
    return !oom;
}

static json_t *find_indicator(const edit_doc *ed, const char *id)
{
    size_t i;
    json_t *ind;
    json_array_foreach(json_object_get(ed->root, "indicators"), i, ind)
    {
        const char *s = json_string_value(json_object_get(ind, "id"));
        if (s && strcmp(s, id) == 0)
            return ind;
    }
    return NULL;
}

bool edit_has_indicator(const edit_doc *ed, const char *id)
{
    return find_indicator(ed, id) != NULL;
}

const char *edit_indicator_id(const edit_doc *ed, size_t index)
{
    json_t *ind = json_array_get(json_object_get(ed->root, "indicators"), index);
    return ind ? json_string_value(json_object_get(ind, "id")) : NULL;
}

const char *edit_nearest_id(const edit_doc *ed, const char *id)
{
    const char *nearest = NULL;
    size_t best = 3; /* one or two edits: a typo, not another indicator */
    size_t i;
    json_t *ind;
    json_array_foreach(json_object_get(ed->root, "indicators"), i, ind)
    {
        const char *s = json_string_value(json_object_get(ind, "id"));
        size_t d = s ? strdist(id, s) : SIZE_MAX;
        if (d < best && d < strlen(s)) {
            best = d;
            nearest = s;
        }
    }
    return nearest;
}

static bool given(const char *s)
{
    return s && s[0];
}

bool edit_update_indicator(edit_doc *ed, const char *id, const edit_indicator_update *u,
                           diag_list *dl)
{
    json_t *ind = find_indicator(ed, id);
    if (!ind) {
        diag_error(dl, ed->j.name, _("no indicator has the id \"%s\""), id);
        return false;
    }
    bool ok = true;
    if (given(u->label))
        ok = ok && set_string(ind, "label", u->label);
    if (ok && given(u->value)) {
        json_t *v = json_real(strtod(u->value, NULL)); /* NULL when not finite */
        const char *text = arena_strdup(ed->j.a, u->value);
        if (!v || !text || !edit_lit_put(&ed->lits, v, text)) {
            json_decref(v);
            ok = false;
        } else {
            ok = object_put_after(ind, "label", "value", v); /* steals v */
        }
    }
    if (given(u->unit))
        ok = ok && object_put_after(ind, "value", "unit", json_string(u->unit));
    if (given(u->qualifier))
        ok = ok && object_put_after(ind, "unit", "qualifier", json_string(u->qualifier));
    else if (given(u->value))
        json_object_del(ind, "qualifier"); /* 约 belonged to the old figure */
    /* In the schema's order: period after kind, scope after as_of or period. */
    if (given(u->period))
        ok = ok && object_put_after(ind, json_object_get(ind, "kind") ? "kind" : "unit", "period",
                                    json_string(u->period));
    if (given(u->scope))
        ok = ok && object_put_after(ind, json_object_get(ind, "as_of") ? "as_of" : "period",
                                    "scope", json_string(u->scope));
    if (given(u->source_file) || given(u->source_quote) || given(u->value)) {
        /* A figure travels with its source: a new value without one leaves
         * the source empty, for --check to point at, never last year's. */
        json_t *src = json_object_get(ind, "source");
        if (!json_is_object(src)) {
            src = json_pack("{s:s, s:s}", "file", "", "quote", "");
            ok = ok && src && json_object_set_new(ind, "source", src) == 0;
        }
        if (ok && (given(u->source_file) || given(u->value)))
            ok = set_string(src, "file", u->source_file ? u->source_file : "");
        if (ok && (given(u->source_quote) || given(u->value)))
            ok = set_string(src, "quote", u->source_quote ? u->source_quote : "");
    }
    if (!ok)
        diag_error(dl, ed->j.name, "%s", _("out of memory"));
    return ok;
}

int edit_add_source(edit_doc *ed, const char *file, diag_list *dl)
{
    json_t *sources = json_object_get(ed->root, "sources");
    if (!sources) {
        sources = json_array();
        if (!sources || object_put_after(ed->root, "date", "sources", sources) == false) {
            diag_error(dl, ed->j.name, "%s", _("out of memory"));
            return -1;
        }
    }
    if (!json_is_array(sources)) {
        jin_report(&ed->j, "sources", _("expected an array, got %s"), jin_type_name(sources));
        return -1;
    }
    size_t i;
    json_t *s;
    json_array_foreach(sources, i, s)
    {
        const char *f = json_string_value(json_object_get(s, "file"));
        if (f && strcmp(f, file) == 0)
            return 0;
    }
    json_t *entry = json_pack("{s:s, s:s}", "file", file, "title", "");
    if (!entry || json_array_append_new(sources, entry) != 0) {
        diag_error(dl, ed->j.name, "%s", _("out of memory"));
        return -1;
    }
    return 1;
}
