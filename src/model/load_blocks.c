/* load_blocks: the sections of a data file and their blocks, checked by the
 * rules of each kind's row in model/block_kinds.def. Charts compare like
 * with like: one unit, one kind of measure, one scope, one period; a rank is
 * a statement, never a bar. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "load_priv.h"

/* ---- the table ------------------------------------------------------------ */

#define BLOCK_KIND(ID, name, rules, build, tag, pack, ...)                                         \
    {name, rules, (const char *const[]){"type", __VA_ARGS__, NULL}},
static const sheet_block_kind_info kinds[BLOCK_KIND_LAST] = {
#include "model/block_kinds.def"
};
#undef BLOCK_KIND

const sheet_block_kind_info *sheet_block_kind_lookup(sheet_block_kind k)
{
    return k < BLOCK_KIND_LAST ? &kinds[k] : NULL;
}

const char *sheet_block_kind_list(void)
{
    static char list[256];
    /* TRANSLATORS: between the names of a list ("kpi, hero, bar"). */
    const char *sep = _(", ");
    size_t n = 0;
    list[0] = '\0';
    for (size_t k = 0; k < BLOCK_KIND_LAST && n < sizeof list; k++)
        n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", k ? sep : "", kinds[k].name);
    return list;
}

/* ---- items ---------------------------------------------------------------- */

/* Loads one item: an id string or {"id", "label"}. allow_absent lets line
 * charts name indicators this year lacks (other years have them); honours
 * lets facts name an honour. */
static void load_item(loader *ld, json_t *it, const char *p, unsigned rules, sheet_item *out)
{
    const char *id = NULL;
    out->indicator = (size_t)SHEET_NONE;
    out->honour = (size_t)SHEET_NONE;
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
    if (k == (size_t)SHEET_NONE && (rules & BK_HONOURS)) {
        size_t h = sheet_find_honour(ld->s, id);
        if (h != (size_t)SHEET_NONE) {
            out->honour = h;
            if (!out->label)
                out->label = ld->s->honours[h].text;
            return;
        }
    }
    if (k == (size_t)SHEET_NONE) {
        /* A table's own id names each row's figure in one sheet per row. */
        bool table = false;
        for (size_t r = 0; r < ld->s->n_rows && !table && ld->s->n_indicators; r++) {
            char row_id[512];
            snprintf(row_id, sizeof row_id, "%s_%s", id, ld->s->row_ids[r]);
            table = sheet_find_indicator(ld->s, row_id) != (size_t)SHEET_NONE;
        }
        if (table)
            jin_report(&ld->j, p,
                       _("\"%s\" is a table: render with --each for one sheet per row, or name "
                         "one of its rows (%s_%s)"),
                       id, id, ld->s->row_ids[0]);
        else if (!(rules & BK_OTHER_YEARS))
            jin_report(&ld->j, p, _("unknown indicator \"%s\""), id);
        return;
    }
    out->indicator = k;
    if (!out->label)
        out->label = ld->s->indicators[k].label;
}

/* Loads arr (an array of items) into *items. Returns false when absent or
 * empty (reported). */
static bool load_item_array(loader *ld, json_t *arr, const char *ip, unsigned rules,
                            sheet_item **items, size_t *n)
{
    if (!load_within_limit(&ld->j, arr, ip, MAX_ITEMS, _("items")))
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
    json_array_foreach(arr, i, it)
        load_item(ld, it, jin_element_path(&ld->j, ip, i), rules, &(*items)[i]);
    return true;
}

/* Grouped bars: "categories" and "series": [{"name", "items"}], each series
 * with one item per category. */
static void load_series(loader *ld, json_t *block, const char *bp, unsigned rules, sheet_block *b)
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
    if (!load_within_limit(&ld->j, cats, cp, MAX_ITEMS, _("categories")) ||
        !load_within_limit(&ld->j, series, sp, MAX_ITEMS, _("series")))
        return;
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
    json_array_foreach(cats, i, v)
    {
        b->categories[i] = jin_get_string(&ld->j, v, jin_element_path(&ld->j, cp, i), NULL, true);
    }
    static const char *const keys[] = {"name", "items", NULL};
    json_array_foreach(series, i, v)
    {
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
            jin_report(&ld->j, ip,
                       _("%zu items for %zu categories; expected one item per category"),
                       json_array_size(items), b->n_categories);
            continue;
        }
        load_item_array(ld, items, ip, rules, &se->items, &se->n_items);
    }
}

/* ---- the rules of a chart's items -------------------------------------------- */

static const char *scope_or_city(const sheet_indicator *ind)
{
    return ind->scope ? ind->scope : _("the whole city");
}

static const char *period_or_year(const sheet_indicator *ind)
{
    return ind->period ? ind->period : ind->as_of ? ind->as_of : _("the whole year");
}

static bool same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Checks that every item measures what the first does: one unit, one kind,
 * one scope, one period. A mix is named with both items and the table that
 * shows unlike figures honestly. Sets b->unit from the items when the block
 * does not. */
static void check_one_measure(loader *ld, sheet_block *b, const sheet_item *items, size_t n,
                              const sheet_item **first)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = items[i].indicator;
        if (k == (size_t)SHEET_NONE)
            continue;
        const sheet_indicator *ind = &ld->s->indicators[k];
        if (!*first && !b->unit && ind->unit)
            b->unit = ind->unit;
        const sheet_indicator *f = *first ? &ld->s->indicators[(*first)->indicator] : ind;
        if (!*first)
            *first = &items[i];
        if (ind->unit && b->unit && strcmp(b->unit, ind->unit) != 0)
            jin_report(&ld->j, items[i].path,
                       _("indicator \"%s\" is in \"%s\" but the chart is in \"%s\"; expected "
                         "every bar in the same unit"),
                       ind->id, ind->unit, b->unit);
        else if (ind->kind != f->kind)
            jin_report(&ld->j, items[i].path,
                       _("indicator \"%s\" is %s (\"kind\": \"%s\") but \"%s\" is %s (\"kind\": "
                         "\"%s\"); a chart compares one kind of measure: show them in a table "
                         "instead"),
                       ind->id, sheet_kind_words(ind->kind), sheet_kind_name(ind->kind), f->id,
                       sheet_kind_words(f->kind), sheet_kind_name(f->kind));
        else if (!same_text(ind->scope, f->scope))
            jin_report(&ld->j, items[i].path,
                       _("indicator \"%s\" counts %s but \"%s\" counts %s; a chart compares "
                         "figures of one scope: show them in a table instead"),
                       ind->id, scope_or_city(ind), f->id, scope_or_city(f));
        else if (!same_text(ind->period, f->period) || !same_text(ind->as_of, f->as_of))
            jin_report(&ld->j, items[i].path,
                       _("indicator \"%s\" covers %s but \"%s\" covers %s; a chart compares "
                         "figures of one period: show them in a table instead"),
                       ind->id, period_or_year(ind), f->id, period_or_year(f));
    }
}

/* The rules every item of a block obeys by its kind's row. */
static void check_items(loader *ld, unsigned rules, const sheet_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = items[i].indicator;
        if (k == (size_t)SHEET_NONE)
            continue;
        const sheet_indicator *ind = &ld->s->indicators[k];
        if ((rules & BK_CHART) && ind->kind == KIND_RANK)
            jin_report(&ld->j, items[i].path,
                       _("indicator \"%s\" is a rank; a rank is printed as a statement (in a "
                         "hero, facts or table block), never drawn in a chart"),
                       ind->id);
        else if ((rules & BK_HONOURS) && ind->kind != KIND_RANK)
            jin_report(&ld->j, items[i].path,
                       _("indicator \"%s\" is not a rank; a facts block lists ranks and "
                         "honours: show it in a table or a hero block"),
                       ind->id);
        else if (rules & BK_SHARE) {
            /* A ring shows a share of a whole: a percentage from 0 to 100. */
            if (!ind->unit || strcmp(ind->unit, "%") != 0)
                jin_report(&ld->j, items[i].path,
                           _("indicator \"%s\" is in \"%s\"; a ring shows a share in %%"), ind->id,
                           ind->unit ? ind->unit : "");
            else if (ind->kind != KIND_SHARE)
                jin_report(&ld->j, items[i].path,
                           _("indicator \"%s\" is %s (\"kind\": \"%s\"), not a share of a "
                             "whole; a ring shows a share"),
                           ind->id, sheet_kind_words(ind->kind), sheet_kind_name(ind->kind));
            else if (!ind->missing && (ind->value < 0 || ind->value > 100))
                jin_report(&ld->j, items[i].path,
                           _("indicator \"%s\" is %s%%; a share must lie between 0 and 100"),
                           ind->id, ind->literal ? ind->literal : "?");
        }
    }
}

/* ---- blocks ----------------------------------------------------------------- */

sheet_block_kind sheet_block_kind_named(const char *type)
{
    for (size_t k = 0; type && k < BLOCK_KIND_LAST; k++)
        if (strcmp(type, kinds[k].name) == 0)
            return (sheet_block_kind)k;
    return BLOCK_KIND_LAST;
}

static void load_text(loader *ld, json_t *block, const char *bp, sheet_block *b)
{
    b->text = jin_get_string(&ld->j, block, bp, "text", false);
    if (!json_object_get(block, "text"))
        jin_report(&ld->j, bp, _("missing required field \"text\"; expected a string"));
    else if (b->text && !b->text[0])
        ld->s->n_missing++; /* "" : still to be written (a draft) */
}

/* A chart's title says its one message; "" is last year's finding, removed
 * by `factsheet new`, still to be written. */
static void load_title(loader *ld, json_t *block, const char *bp, unsigned rules, sheet_block *b)
{
    b->title = jin_get_string(&ld->j, block, bp, "title", false);
    if (!(rules & BK_CHART))
        return;
    if (!json_object_get(block, "title"))
        jin_report(&ld->j, bp, _("missing required field \"title\"; expected a string"));
    else if (b->title && !b->title[0])
        ld->s->n_missing++;
}

static void load_sort(loader *ld, json_t *block, const char *bp, sheet_block *b)
{
    const char *sort = jin_get_string(&ld->j, block, bp, "sort", false);
    if (sort && strcmp(sort, "value") == 0)
        b->sort_by_value = true;
    else if (sort && strcmp(sort, "given") != 0)
        jin_report(&ld->j, jin_member_path(&ld->j, bp, "sort"),
                   _("\"%s\" is not an order; expected \"value\" or \"given\""), sort);
}

/* "rest": true, or the items. */
static bool load_rest(loader *ld, json_t *block, const char *bp, sheet_block *b)
{
    json_t *rest = json_object_get(block, "rest");
    if (!rest)
        return false;
    if (!json_is_boolean(rest)) {
        jin_report(&ld->j, jin_member_path(&ld->j, bp, "rest"), _("expected true or false, got %s"),
                   jin_type_name(rest));
        return true;
    }
    b->rest = json_is_true(rest);
    if (b->rest && json_object_get(block, "items"))
        jin_report(&ld->j, bp,
                   _("a table has either \"items\" or \"rest\": true (every figure shown "
                     "nowhere else), not both"));
    return b->rest;
}

static void load_block(loader *ld, json_t *block, const char *bp, sheet_block *b)
{
    b->path = bp;
    if (!jin_expect_object(&ld->j, block, bp))
        return;
    const char *type = jin_get_string(&ld->j, block, bp, "type", true);
    if (!type)
        return;
    sheet_block_kind kind = sheet_block_kind_named(type);
    if (kind == BLOCK_KIND_LAST) {
        jin_report(&ld->j, jin_member_path(&ld->j, bp, "type"),
                   _("unknown block type \"%s\"; expected one of %s"), type,
                   sheet_block_kind_list());
        return;
    }
    b->kind = kind;
    unsigned rules = kinds[kind].rules;
    jin_check_keys(&ld->j, block, bp, kinds[kind].keys);
    if (rules & BK_TEXT) {
        load_text(ld, block, bp, b);
        return;
    }
    load_title(ld, block, bp, rules, b);
    if (rules & BK_CHART) {
        b->unit = jin_get_string(&ld->j, block, bp, "unit", false);
        b->text = jin_get_string(&ld->j, block, bp, "note", false);
    }
    if (rules & BK_SORT)
        load_sort(ld, block, bp, b);
    const sheet_item *first = NULL;
    if ((rules & BK_SERIES) && json_object_get(block, "series")) {
        if (json_object_get(block, "items"))
            jin_report(&ld->j, bp, _("a bar chart has either \"items\" or \"series\", not both"));
        load_series(ld, block, bp, rules, b);
        for (size_t i = 0; i < b->n_series; i++) {
            check_items(ld, rules, b->series[i].items, b->series[i].n_items);
            if (rules & BK_ONE_MEASURE)
                check_one_measure(ld, b, b->series[i].items, b->series[i].n_items, &first);
        }
        return;
    }
    if ((rules & BK_REST) && load_rest(ld, block, bp, b))
        return;
    json_t *items = jin_get_array(&ld->j, block, bp, "items", true);
    const char *ip = jin_member_path(&ld->j, bp, "items");
    if (!items || !load_item_array(ld, items, ip, rules, &b->items, &b->n_items))
        return;
    if ((rules & BK_FEW) && b->n_items > 6)
        jin_report(&ld->j, ip,
                   _("%zu headline figures; at most six carry a message at a glance: move the "
                     "others to a table"),
                   b->n_items);
    check_items(ld, rules, b->items, b->n_items);
    if (rules & BK_ONE_MEASURE)
        check_one_measure(ld, b, b->items, b->n_items, &first);
}

void load_sections(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *arr = jin_get_array(&ld->j, root, "", "sections", true);
    if (!arr || !load_within_limit(&ld->j, arr, "sections", MAX_SECTIONS, _("sections")))
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
    json_array_foreach(arr, i, sec)
    {
        sheet_section *out = &s->sections[i];
        const char *p = jin_element_path(&ld->j, "sections", i);
        out->path = p;
        if (!jin_expect_object(&ld->j, sec, p))
            continue;
        jin_check_keys(&ld->j, sec, p, keys);
        out->title = jin_get_string(&ld->j, sec, p, "title", true);
        json_t *blocks = jin_get_array(&ld->j, sec, p, "blocks", true);
        const char *bsp = jin_member_path(&ld->j, p, "blocks");
        if (!blocks || !load_within_limit(&ld->j, blocks, bsp, MAX_BLOCKS, _("blocks")))
            continue;
        if (json_array_size(blocks) == 0) {
            jin_report(&ld->j, bsp, _("empty section; expected at least one block"));
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
        json_array_foreach(blocks, j, blk)
            load_block(ld, blk, jin_element_path(&ld->j, bsp, j), &out->blocks[j]);
    }
}
