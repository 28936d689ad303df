/* load: reads data/<year>.json into a validated sheet. With jsonin.c and
 * load_targets.c, the only code that includes Jansson; no json_t leaves the
 * model layer.
 *
 * Order of work: read the bytes, check they are UTF-8, parse with Jansson
 * (syntax errors stop here), locate every value with the locator (positions
 * and literal numbers), then validate the whole tree, collecting every
 * problem rather than stopping at the first. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "jsonin.h"
#include "model/locator.h"
#include "model/numfmt.h"
#include "model/sheet.h"

/* Limits that end absurd input in a clear error rather than in exhausted
 * memory or a thousand-page PDF. */
enum { MAX_INDICATORS = 5000, MAX_SECTIONS = 100, MAX_BLOCKS = 200, MAX_ITEMS = 200 };

/* Reports arr when it has more than max elements; true when within. */
static bool within_limit(jin *j, json_t *arr, const char *path, size_t max, const char *what)
{
    if (json_array_size(arr) <= max)
        return true;
    jin_report(j, path, _("%zu %s; at most %zu are allowed"), json_array_size(arr), what, max);
    return false;
}

typedef struct loader {
    jin j;
    sheet *s;
} loader;

void sheet_report(const sheet *s, diag_list *dl, diag_severity sev, const char *path,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jin_vreport_at(dl, s->file, s->loc, s->text, s->text_len, sev, path, false, fmt, ap);
    va_end(ap);
}


static bool valid_date(const char *d)
{
    /* Digits exactly where YYYY-MM-DD has them: no signs, no spaces. */
    static const char shape[] = "dddd-dd-dd";
    if (strlen(d) != 10)
        return false;
    for (int i = 0; i < 10; i++)
        if (shape[i] == 'd' ? (d[i] < '0' || d[i] > '9') : d[i] != '-')
            return false;
    int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    int m = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
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
        jin_report(&ld->j, "", _("missing required field \"year\"; expected a year such as 2025"));
    else if (!json_is_integer(year) || json_integer_value(year) < 1949 ||
             json_integer_value(year) > 2100)
        jin_report(&ld->j, "year", _("expected a year between 1949 and 2100, such as 2025"));
    else
        s->year = (int)json_integer_value(year);
    s->title = jin_get_string(&ld->j, root, "", "title", true);
    s->subtitle = jin_get_string(&ld->j, root, "", "subtitle", false);
    s->issuer = jin_get_string(&ld->j, root, "", "issuer", true);
    s->date = jin_get_string(&ld->j, root, "", "date", true);
    if (s->date && !valid_date(s->date))
        jin_report(&ld->j, "date", _("\"%s\" is not a date; expected YYYY-MM-DD, such as 2026-01-15"),
               s->date);

    json_t *sources = jin_get_array(&ld->j, root, "", "sources", true);
    if (!sources)
        return;
    if (json_array_size(sources) == 0)
        s->n_missing++; /* []: the documents are still to be listed (a draft) */
    s->n_sources = json_array_size(sources);
    s->sources = arena_alloc(ld->j.a, s->n_sources * sizeof *s->sources);
    if (!s->sources) {
        s->n_sources = 0;
        return;
    }
    static const char *const keys[] = {"file", "title", "publisher", "url", "date", NULL};
    size_t i;
    json_t *src;
    json_array_foreach(sources, i, src) {
        const char *p = jin_element_path(&ld->j, "sources", i);
        if (!jin_expect_object(&ld->j, src, p))
            continue;
        jin_check_keys(&ld->j, src, p, keys);
        s->sources[i].file = jin_get_string(&ld->j, src, p, "file", true);
        s->sources[i].title = jin_get_string(&ld->j, src, p, "title", false);
        if (!json_object_get(src, "title"))
            jin_report(&ld->j, p, _("missing required field \"title\"; expected a string"));
        else if (s->sources[i].title && !s->sources[i].title[0])
            s->n_missing++; /* "": listed by `factsheet import`, still to be written */
        s->sources[i].publisher = jin_get_string(&ld->j, src, p, "publisher", false);
        s->sources[i].url = jin_get_string(&ld->j, src, p, "url", false);
    }
}

static void load_indicator(loader *ld, json_t *ind, size_t i, sheet_indicator *out)
{
    static const char *const keys[] = {"id",     "label", "value", "unit", "qualifier",
                                       "better", "note",  "source", NULL};
    const char *p = jin_element_path(&ld->j, "indicators", i);
    out->path = p;
    if (!jin_expect_object(&ld->j, ind, p))
        return;
    jin_check_keys(&ld->j, ind, p, keys);
    out->id = jin_get_string(&ld->j, ind, p, "id", true);
    if (out->id) {
        for (const char *c = out->id; *c; c++) {
            bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                      (*c >= '0' && *c <= '9') || *c == '_' || *c == '-';
            if (!ok) {
                jin_report(&ld->j, jin_member_path(&ld->j, p, "id"),
                       _("id \"%s\" has a character other than ASCII letters, digits, '_' and "
                         "'-'"),
                       out->id);
                break;
            }
        }
    }
    out->label = jin_get_string(&ld->j, ind, p, "label", true);
    out->unit = jin_get_string(&ld->j, ind, p, "unit", false);
    json_t *unit = json_object_get(ind, "unit");
    if (!unit || json_is_null(unit))
        jin_report(&ld->j, p, _("missing required field \"unit\"; expected a string (\"\" when the "
                        "figure has no unit)"));
    out->qualifier = jin_get_string(&ld->j, ind, p, "qualifier", false);
    if (out->qualifier && !out->qualifier[0])
        out->qualifier = NULL;
    numfmt_bound bound;
    if (out->qualifier && !numfmt_qualifier(out->qualifier, &bound))
        jin_report(&ld->j, jin_member_path(&ld->j, p, "qualifier"),
                   _("\"%s\" is not a qualifier the sheet knows where to print; expected one "
                     "of %s"),
                   out->qualifier, numfmt_qualifier_list());
    out->note = jin_get_string(&ld->j, ind, p, "note", false);

    const char *better = jin_get_string(&ld->j, ind, p, "better", false);
    if (better) {
        if (strcmp(better, "higher") == 0)
            out->better = BETTER_HIGHER;
        else if (strcmp(better, "lower") == 0)
            out->better = BETTER_LOWER;
        else
            jin_report(&ld->j, jin_member_path(&ld->j, p, "better"),
                   _("\"%s\" is not a direction; expected \"higher\" or \"lower\""), better);
    }

    json_t *value = json_object_get(ind, "value");
    if (!value)
        jin_report(&ld->j, p, _("missing required field \"value\"; expected a number"));
    else if (json_is_null(value)) {
        /* A figure still to be filled in: allowed while drafting, listed by
         * --check, refused when printing without --draft. */
        out->missing = true;
        ld->s->n_missing++;
    } else
        out->literal = jin_number(&ld->j, value, jin_member_path(&ld->j, p, "value"), &out->value);

    json_t *src = json_object_get(ind, "source");
    const char *sp = jin_member_path(&ld->j, p, "source");
    if (!src) {
        jin_report(&ld->j, p, _("missing required field \"source\"; expected {\"file\": …, \"quote\": …}"));
    } else if (jin_expect_object(&ld->j, src, sp)) {
        static const char *const skeys[] = {"file", "quote", NULL};
        jin_check_keys(&ld->j, src, sp, skeys);
        /* A figure still missing has no source yet; one that is there must. */
        out->source_file = jin_get_string(&ld->j, src, sp, "file", !out->missing);
        out->source_quote = jin_get_string(&ld->j, src, sp, "quote", !out->missing);
    }
}

static void load_indicators(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *arr = jin_get_array(&ld->j, root, "", "indicators", true);
    if (!arr || !within_limit(&ld->j, arr, "indicators", MAX_INDICATORS, _("indicators")))
        return;
    s->n_indicators = json_array_size(arr);
    s->indicators = arena_alloc(ld->j.a, (s->n_indicators ? s->n_indicators : 1) *
                                           sizeof *s->indicators);
    if (!s->indicators) {
        jin_report(&ld->j, "indicators", _("out of memory"));
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
            jin_report(&ld->j, jin_member_path(&ld->j, cur->path, "id"),
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

static const char *const block_kind_names[BLOCK_KIND_LAST] = {
    "kpi", "bar", "hbar", "line", "ring", "bullet", "text", "note"};

/* Loads one item: an id string or {"id", "label"}. allow_absent lets line
 * charts name indicators this year lacks (other years have them). */
static void load_item(loader *ld, json_t *it, const char *p, bool allow_absent, sheet_item *out)
{
    const char *id = NULL;
    out->indicator = (size_t)SHEET_NONE;
    out->path = p;
    if (json_is_string(it)) {
        id = jin_get_string(&ld->j, it, p, NULL, true);
    } else if (json_is_object(it)) {
        static const char *const keys[] = {"id", "label", NULL};
        jin_check_keys(&ld->j, it, p, keys);
        id = jin_get_string(&ld->j, it, p, "id", true);
        out->label = jin_get_string(&ld->j, it, p, "label", false);
    } else {
        jin_report(&ld->j, p, _("expected an indicator id or {\"id\": …, \"label\": …}, got %s"),
               jin_type_name(it));
        return;
    }
    if (!id)
        return;
    out->id = id;
    size_t k = sheet_find_indicator(ld->s, id);
    if (k == (size_t)SHEET_NONE) {
        if (!allow_absent)
            jin_report(&ld->j, p, _("unknown indicator \"%s\""), id);
        return;
    }
    out->indicator = k;
    if (!out->label)
        out->label = ld->s->indicators[k].label;
}

/* Loads arr (an array of items) into *items. Returns false when absent or
 * empty (reported). */
static bool load_item_array(loader *ld, json_t *arr, const char *ip, bool allow_absent,
                            sheet_item **items, size_t *n)
{
    if (!within_limit(&ld->j, arr, ip, MAX_ITEMS, _("items")))
        return false;
    if (json_array_size(arr) == 0) {
        jin_report(&ld->j, ip, _("no items; expected at least one indicator id"));
        return false;
    }
    *n = json_array_size(arr);
    *items = arena_alloc(ld->j.a, *n * sizeof **items);
    if (!*items) {
        *n = 0;
        return false;
    }
    size_t i;
    json_t *it;
    json_array_foreach(arr, i, it) load_item(ld, it, jin_element_path(&ld->j, ip, i), allow_absent,
                                             &(*items)[i]);
    return true;
}

static void load_items(loader *ld, json_t *block, const char *bp, bool allow_absent,
                       sheet_block *b)
{
    json_t *items = jin_get_array(&ld->j, block, bp, "items", true);
    if (items)
        load_item_array(ld, items, jin_member_path(&ld->j, bp, "items"), allow_absent, &b->items,
                        &b->n_items);
}

/* Grouped bars: "categories" and "series": [{"name", "items"}], each series
 * with one item per category. */
static void load_series(loader *ld, json_t *block, const char *bp, sheet_block *b)
{
    json_t *cats = jin_get_array(&ld->j, block, bp, "categories", true);
    json_t *series = jin_get_array(&ld->j, block, bp, "series", true);
    if (!cats || !series)
        return;
    const char *cp = jin_member_path(&ld->j, bp, "categories");
    const char *sp = jin_member_path(&ld->j, bp, "series");
    if (json_array_size(cats) == 0) {
        jin_report(&ld->j, cp, _("no categories; expected at least one"));
        return;
    }
    if (json_array_size(series) == 0) {
        jin_report(&ld->j, sp, _("no series; expected at least one"));
        return;
    }
    b->n_categories = json_array_size(cats);
    b->categories = arena_alloc(ld->j.a, b->n_categories * sizeof *b->categories);
    b->n_series = json_array_size(series);
    b->series = arena_alloc(ld->j.a, b->n_series * sizeof *b->series);
    if (!b->categories || !b->series) {
        b->n_categories = b->n_series = 0;
        return;
    }
    size_t i;
    json_t *v;
    json_array_foreach(cats, i, v) {
        b->categories[i] = jin_get_string(&ld->j, v, jin_element_path(&ld->j, cp, i), NULL, true);
    }
    static const char *const keys[] = {"name", "items", NULL};
    json_array_foreach(series, i, v) {
        sheet_series *se = &b->series[i];
        const char *p = jin_element_path(&ld->j, sp, i);
        se->path = p;
        if (!jin_expect_object(&ld->j, v, p))
            continue;
        jin_check_keys(&ld->j, v, p, keys);
        se->name = jin_get_string(&ld->j, v, p, "name", true);
        json_t *items = jin_get_array(&ld->j, v, p, "items", true);
        if (!items)
            continue;
        const char *ip = jin_member_path(&ld->j, p, "items");
        if (json_array_size(items) != b->n_categories) {
            jin_report(&ld->j, ip, _("%zu items for %zu categories; expected one item per category"),
                   json_array_size(items), b->n_categories);
            continue;
        }
        load_item_array(ld, items, ip, false, &se->items, &se->n_items);
    }
}

/* Every item of a chart must share one unit: bars in 万人次 beside bars in %
 * would mislead. Sets b->unit from the items when the block does not. */
static void check_one_unit(loader *ld, sheet_block *b, const sheet_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = items[i].indicator;
        if (k == (size_t)SHEET_NONE || !ld->s->indicators[k].unit)
            continue;
        const char *u = ld->s->indicators[k].unit;
        if (!b->unit) {
            b->unit = u;
        } else if (strcmp(b->unit, u) != 0) {
            jin_report(&ld->j, items[i].path,
                   _("indicator \"%s\" is in \"%s\" but the chart is in \"%s\"; expected every "
                     "bar in the same unit"),
                   ld->s->indicators[k].id, u, b->unit);
        }
    }
}

static void load_block(loader *ld, json_t *block, const char *bp, sheet_block *b)
{
    b->path = bp;
    if (!jin_expect_object(&ld->j, block, bp))
        return;
    const char *type = jin_get_string(&ld->j, block, bp, "type", true);
    if (!type)
        return;
    int kind = -1;
    for (int k = 0; k < BLOCK_KIND_LAST; k++)
        if (strcmp(type, block_kind_names[k]) == 0)
            kind = k;
    if (kind < 0) {
        jin_report(&ld->j, jin_member_path(&ld->j, bp, "type"),
               _("unknown block type \"%s\"; expected one of kpi, bar, hbar, line, ring, bullet, "
                 "text, note"),
               type);
        return;
    }
    b->kind = (sheet_block_kind)kind;
    static const char *const kpi_keys[] = {"type", "title", "items", NULL};
    static const char *const chart_keys[] = {"type", "title", "unit", "items", "note", NULL};
    static const char *const bar_keys[] = {"type",       "title",  "unit", "items",
                                           "categories", "series", "note", NULL};
    static const char *const hbar_keys[] = {"type", "title", "unit", "items", "note", "sort", NULL};
    static const char *const text_keys[] = {"type", "text", NULL};
    switch (b->kind) {
    case BLOCK_KPI:
        jin_check_keys(&ld->j, block, bp, kpi_keys);
        b->title = jin_get_string(&ld->j, block, bp, "title", false);
        load_items(ld, block, bp, false, b);
        return;
    case BLOCK_TEXT:
    case BLOCK_NOTE:
        jin_check_keys(&ld->j, block, bp, text_keys);
        b->text = jin_get_string(&ld->j, block, bp, "text", false);
        if (!json_object_get(block, "text"))
            jin_report(&ld->j, bp, _("missing required field \"text\"; expected a string"));
        else if (b->text && !b->text[0])
            ld->s->n_missing++; /* "" : still to be written (a draft) */
        return;
    case BLOCK_BAR:
        jin_check_keys(&ld->j, block, bp, bar_keys);
        break;
    case BLOCK_HBAR:
        jin_check_keys(&ld->j, block, bp, hbar_keys);
        break;
    case BLOCK_LINE:
    case BLOCK_RING:
    case BLOCK_BULLET:
        jin_check_keys(&ld->j, block, bp, chart_keys);
        break;
    case BLOCK_KIND_LAST: return;
    }
    /* Charts: a title that says the one message, the unit, items, a note. */
    b->title = jin_get_string(&ld->j, block, bp, "title", false);
    if (!json_object_get(block, "title"))
        jin_report(&ld->j, bp, _("missing required field \"title\"; expected a string"));
    else if (b->title && !b->title[0])
        ld->s->n_missing++; /* "": last year's finding, removed by `factsheet new` */
    b->unit = jin_get_string(&ld->j, block, bp, "unit", false);
    b->text = jin_get_string(&ld->j, block, bp, "note", false);
    if (b->kind == BLOCK_HBAR) {
        const char *sort = jin_get_string(&ld->j, block, bp, "sort", false);
        if (sort && strcmp(sort, "value") == 0)
            b->sort_by_value = true;
        else if (sort && strcmp(sort, "given") != 0)
            jin_report(&ld->j, jin_member_path(&ld->j, bp, "sort"),
                   _("\"%s\" is not an order; expected \"value\" or \"given\""), sort);
    }
    if (b->kind == BLOCK_BAR && json_object_get(block, "series")) {
        if (json_object_get(block, "items"))
            jin_report(&ld->j, bp, _("a bar chart has either \"items\" or \"series\", not both"));
        load_series(ld, block, bp, b);
        for (size_t i = 0; i < b->n_series; i++)
            check_one_unit(ld, b, b->series[i].items, b->series[i].n_items);
        return;
    }
    load_items(ld, block, bp, b->kind == BLOCK_LINE, b);
    if (b->kind == BLOCK_BAR || b->kind == BLOCK_HBAR)
        check_one_unit(ld, b, b->items, b->n_items);
    if (b->kind == BLOCK_RING) {
        /* A ring shows a share of a whole: a percentage from 0 to 100. */
        for (size_t i = 0; i < b->n_items; i++) {
            size_t k = b->items[i].indicator;
            if (k == (size_t)SHEET_NONE)
                continue;
            const sheet_indicator *ind = &ld->s->indicators[k];
            if (!ind->unit || strcmp(ind->unit, "%") != 0)
                jin_report(&ld->j, b->items[i].path,
                       _("indicator \"%s\" is in \"%s\"; a ring shows a share in %%"), ind->id,
                       ind->unit ? ind->unit : "");
            else if (ind->value < 0 || ind->value > 100)
                jin_report(&ld->j, b->items[i].path,
                       _("indicator \"%s\" is %s%%; a share must lie between 0 and 100"),
                       ind->id, ind->literal ? ind->literal : "?");
        }
    }
}

static void load_sections(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *arr = jin_get_array(&ld->j, root, "", "sections", true);
    if (!arr || !within_limit(&ld->j, arr, "sections", MAX_SECTIONS, _("sections")))
        return;
    if (json_array_size(arr) == 0) {
        jin_report(&ld->j, "sections", _("no sections; expected at least one section"));
        return;
    }
    s->n_sections = json_array_size(arr);
    s->sections = arena_alloc(ld->j.a, s->n_sections * sizeof *s->sections);
    if (!s->sections) {
        s->n_sections = 0;
        return;
    }
    static const char *const keys[] = {"title", "blocks", NULL};
    size_t i;
    json_t *sec;
    json_array_foreach(arr, i, sec) {
        sheet_section *out = &s->sections[i];
        const char *p = jin_element_path(&ld->j, "sections", i);
        out->path = p;
        if (!jin_expect_object(&ld->j, sec, p))
            continue;
        jin_check_keys(&ld->j, sec, p, keys);
        out->title = jin_get_string(&ld->j, sec, p, "title", true);
        json_t *blocks = jin_get_array(&ld->j, sec, p, "blocks", true);
        if (!blocks ||
            !within_limit(&ld->j, blocks, jin_member_path(&ld->j, p, "blocks"), MAX_BLOCKS,
                          _("blocks")))
            continue;
        if (json_array_size(blocks) == 0) {
            jin_report(&ld->j, jin_member_path(&ld->j, p, "blocks"), _("empty section; expected at least one block"));
            continue;
        }
        out->n_blocks = json_array_size(blocks);
        out->blocks = arena_alloc(ld->j.a, out->n_blocks * sizeof *out->blocks);
        if (!out->blocks) {
            out->n_blocks = 0;
            continue;
        }
        size_t j;
        json_t *blk;
        const char *bsp = jin_member_path(&ld->j, p, "blocks");
        json_array_foreach(blocks, j, blk) load_block(ld, blk, jin_element_path(&ld->j, bsp, j),
                                                      &out->blocks[j]);
    }
}

sheet *sheet_load_bytes(const char *name, const char *bytes, size_t len, diag_list *dl)
{
    size_t errors_before = dl->errors;
    loader ld = {0};
    ld.j.a = arena_new();
    if (!ld.j.a) {
        diag_error(dl, name, "%s", _("out of memory"));
        return NULL;
    }
    json_t *root = jin_parse(&ld.j, name, bytes, len, dl);
    if (!root)
        goto fail;
    ld.s = arena_alloc(ld.j.a, sizeof *ld.s);
    if (!ld.s) {
        diag_error(dl, name, "%s", _("out of memory"));
        goto fail;
    }
    ld.s->arena = ld.j.a;
    ld.s->file = arena_strdup(ld.j.a, name);
    if (!jin_expect_object(&ld.j, root, ""))
        goto fail;
    static const char *const keys[] = {"$schema", "year",       "title",    "subtitle",
                                       "issuer",  "date",       "sources",  "indicators",
                                       "sections", NULL};
    jin_check_keys(&ld.j, root, "", keys);
    load_meta(&ld, root);
    load_indicators(&ld, root);
    load_sections(&ld, root);
    if (dl->errors > errors_before)
        goto fail;
    json_decref(root);
    root = NULL;
    /* Keep the bytes and positions, so later stages point at the input too. */
    ld.s->text = arena_strndup(ld.j.a, ld.j.text, ld.j.len);
    ld.s->text_len = ld.j.len;
    ld.s->loc = ld.j.loc;
    if (!ld.s->text || !ld.s->file) {
        diag_error(dl, name, "%s", _("out of memory"));
        goto fail;
    }
    return ld.s;

fail:
    json_decref(root);
    locator_free(ld.j.loc);
    arena_free(ld.j.a);
    return NULL;
}

sheet *sheet_load(const char *path, diag_list *dl)
{
    size_t len;
    char *buf = jin_read_file(path, &len, dl);
    if (!buf)
        return NULL;
    sheet *s = sheet_load_bytes(path, buf, len, dl);
    free(buf);
    return s;
}

size_t sheet_report_missing(const sheet *s, diag_list *dl, diag_severity sev)
{
    size_t n = 0;
    if (s->n_sources == 0) {
        sheet_report(s, dl, sev, "sources", "%s", _("no source documents are listed yet"));
        n++;
    }
    for (size_t i = 0; i < s->n_sources; i++)
        if (s->sources[i].title && !s->sources[i].title[0]) {
            char path[64];
            snprintf(path, sizeof path, "sources[%zu].title", i);
            sheet_report(s, dl, sev, path, _("the title of \"%s\" is still empty"),
                         s->sources[i].file ? s->sources[i].file : "");
            n++;
        }
    for (size_t i = 0; i < s->n_indicators; i++) {
        const sheet_indicator *ind = &s->indicators[i];
        if (!ind->missing)
            continue;
        char path[256];
        snprintf(path, sizeof path, "%s.value", ind->path);
        sheet_report(s, dl, sev, path, _("the figure \"%s\" is still missing (null)"),
                     ind->label ? ind->label : ind->id);
        n++;
    }
    for (size_t i = 0; i < s->n_sections; i++)
        for (size_t j = 0; j < s->sections[i].n_blocks; j++) {
            const sheet_block *b = &s->sections[i].blocks[j];
            if ((b->kind == BLOCK_TEXT || b->kind == BLOCK_NOTE) && b->text && !b->text[0]) {
                char path[256];
                snprintf(path, sizeof path, "%s.text", b->path);
                sheet_report(s, dl, sev, path, "%s", _("the text is still empty"));
                n++;
            } else if (b->kind != BLOCK_KPI && b->kind != BLOCK_TEXT && b->kind != BLOCK_NOTE &&
                       b->title && !b->title[0]) {
                char path[256];
                snprintf(path, sizeof path, "%s.title", b->path);
                sheet_report(s, dl, sev, path, "%s",
                             _("the chart title is still empty; write what this year's figures "
                               "show"));
                n++;
            }
        }
    return n;
}

void sheet_free(sheet *s)
{
    if (!s)
        return;
    locator_free(s->loc);
    arena_free(s->arena);
}
