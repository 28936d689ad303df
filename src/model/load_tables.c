/* load_tables: "tables", figures of one kind across a set of categories (the
 * nine 县市区, say) with one source, as the commission's statistics tables
 * give them, instead of one hand-written indicator per category:
 *
 *   "tables": [{"id": "beds", "label": "床位数", "unit": "张",
 *               "source": {"file": "统计年报2025.csv", "table": "表3-1",
 *                          "column": "床位数"},
 *               "rows": [{"id": "lusong", "label": "芦淞区", "value": 1234}, …]}]
 *
 * Each row becomes an indicator of the sheet, id "beds_lusong", label
 * "芦淞区", the table's unit, and the source cell (table, row label,
 * column), so charts name them in "items" and every check applies.
 *
 * One sheet per row (sheet_load_row, factsheet --each): each table also
 * gives the indicator "beds", labelled with the table's label, holding the
 * row's figure; the title names the row. */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "load_priv.h"

enum { MAX_TABLES = 50 };

/* What a table says once for all its rows. */
typedef struct table_head {
    const char *p; /* the table's path, "tables[N]" */
    const char *id, *unit, *label, *kind, *better;
    const char *file, *table, *column; /* its "source" */
} table_head;

/* Reads the table's own members and its "source" into h. */
static void load_table_head(loader *ld, json_t *t, table_head *h)
{
    static const char *const keys[] = {"id",     "label",  "unit", "kind",
                                       "better", "source", "rows", NULL};
    static const char *const skeys[] = {"file", "table", "column", NULL};
    const char *p = h->p;
    jin_check_keys(&ld->j, t, p, keys);
    h->id = jin_get_string(&ld->j, t, p, "id", true);
    h->unit = jin_get_string(&ld->j, t, p, "unit", true);
    h->label = jin_get_string(&ld->j, t, p, "label", false);
    h->kind = jin_get_string(&ld->j, t, p, "kind", false);
    h->better = jin_get_string(&ld->j, t, p, "better", false);
    json_t *src = json_object_get(t, "source");
    const char *sp = jin_member_path(&ld->j, p, "source");
    if (!src)
        jin_report(&ld->j, p, "%s",
                   _("missing required field \"source\"; expected {\"file\": …, \"table\": …, "
                     "\"column\": …}"));
    else if (jin_expect_object(&ld->j, src, sp)) {
        jin_check_keys(&ld->j, src, sp, skeys);
        h->file = jin_get_string(&ld->j, src, sp, "file", true);
        h->table = jin_get_string(&ld->j, src, sp, "table", true);
        h->column = jin_get_string(&ld->j, src, sp, "column", true);
    }
}

/* One row at path r as the indicator ind, with the table's unit, kind and
 * source; returns the row's own id, or NULL when the row cannot be one
 * (reported). */
static const char *load_table_row(loader *ld, const table_head *h, json_t *row, const char *r,
                                  sheet_indicator *ind)
{
    static const char *const rkeys[] = {"id", "label", "value", NULL};
    const char *unit = h->unit, *kind = h->kind, *better = h->better;
    if (!jin_expect_object(&ld->j, row, r))
        return NULL;
    jin_check_keys(&ld->j, row, r, rkeys);
    memset(ind, 0, sizeof *ind);
    ind->path = r;
    const char *rid = jin_get_string(&ld->j, row, r, "id", true);
    ind->label = jin_get_string(&ld->j, row, r, "label", true);
    if (!rid || !ind->label)
        return NULL;
    size_t len = strlen(h->id) + strlen(rid) + 2;
    char *full = arena_alloc(ld->j.a, len);
    if (!full)
        return NULL;
    snprintf(full, len, "%s_%s", h->id, rid);
    ind->id = full;
    ind->unit = unit ? unit : "";
    json_t *value = json_object_get(row, "value");
    if (!value)
        jin_report(&ld->j, r, "%s", _("missing required field \"value\"; expected a number"));
    else if (json_is_null(value)) {
        ind->missing = true;
        ld->s->n_missing++;
    } else
        ind->literal = jin_number(&ld->j, value, jin_member_path(&ld->j, r, "value"), &ind->value);
    ind->kind =
        unit && (strcmp(unit, "%") == 0 || strcmp(unit, "‰") == 0) ? KIND_SHARE : KIND_COUNT;
    if (kind && strcmp(kind, "per_capita") == 0)
        ind->kind = KIND_PER_CAPITA;
    else if (kind && strcmp(kind, "share") == 0)
        ind->kind = KIND_SHARE;
    else if (kind && strcmp(kind, "count") != 0)
        jin_report(&ld->j, jin_member_path(&ld->j, h->p, "kind"),
                   _("\"%s\" is not a kind a table's figures can be; expected count, share or "
                     "per_capita"),
                   kind);
    if (better)
        ind->better = strcmp(better, "higher") == 0  ? BETTER_HIGHER
                      : strcmp(better, "lower") == 0 ? BETTER_LOWER
                                                     : BETTER_UNSPECIFIED;
    ind->source_file = h->file;
    ind->source_table = h->table;
    ind->source_row = ind->label;
    ind->source_column = h->column;
    return rid;
}

/* For the sheet of one row (sheet_load_row): the table's own indicator,
 * holding that row's figure (of_row), into *own; the first table also
 * names the row in the title. False when the table has no such row
 * (reported). */
static bool load_table_own(loader *ld, const table_head *h, const sheet_indicator *of_row,
                           const char *rows_path, bool first_table, sheet_indicator *own)
{
    const char *id = h->id;
    if (!of_row) {
        jin_report(&ld->j, rows_path,
                   _("no row \"%s\" in table \"%s\"; every table needs a row "
                     "for each sheet"),
                   ld->row, id);
        return false;
    }
    *own = *of_row;
    own->id = id;
    own->label = h->label ? h->label : id;
    own->path = h->p;
    if (of_row->missing)
        ld->s->n_missing++;
    if (first_table) {
        const char *rid = of_row->id + strlen(id) + 1;
        size_t len = strlen(ld->s->title ? ld->s->title : "") + strlen(of_row->label) + 8;
        char *title = arena_alloc(ld->j.a, len);
        if (title && ld->s->title) {
            snprintf(title, len, "%s（%s）", ld->s->title, of_row->label);
            ld->s->title = title;
        }
        ld->s->row = rid;
    }
    return true;
}

/* The rows of table t as indicators, from out[0]; returns how many. With a
 * row to load the sheet of, the table's own indicator follows them. */
static size_t load_table(loader *ld, json_t *t, size_t ti, sheet_indicator *out, size_t room)
{
    table_head h = {.p = jin_element_path(&ld->j, "tables", ti)};
    if (!jin_expect_object(&ld->j, t, h.p))
        return 0;
    load_table_head(ld, t, &h);
    json_t *rows = jin_get_array(&ld->j, t, h.p, "rows", true);
    const char *rp = jin_member_path(&ld->j, h.p, "rows");
    if (!rows || !h.id || !load_within_limit(&ld->j, rows, rp, MAX_ITEMS, _("rows")))
        return 0;
    size_t n = 0, i;
    json_t *row;
    bool first_table = ti == 0;
    if (first_table) {
        ld->s->row_ids = arena_alloc(ld->j.a, (json_array_size(rows) + 1) * sizeof(char *));
        ld->s->row_labels = arena_alloc(ld->j.a, (json_array_size(rows) + 1) * sizeof(char *));
    }
    const sheet_indicator *of_row = NULL;
    json_array_foreach(rows, i, row)
    {
        if (n == room)
            break;
        sheet_indicator *ind = &out[n];
        const char *rid = load_table_row(ld, &h, row, jin_element_path(&ld->j, rp, i), ind);
        if (!rid)
            continue;
        if (first_table && ld->s->row_ids && ld->s->row_labels) {
            ld->s->row_ids[ld->s->n_rows] = rid;
            ld->s->row_labels[ld->s->n_rows++] = ind->label;
        }
        if (ld->row && !of_row && (!ld->row[0] || strcmp(ld->row, rid) == 0))
            of_row = ind;
        n++;
    }
    if (ld->row && n < room && load_table_own(ld, &h, of_row, rp, first_table, &out[n]))
        n++;
    return n;
}

void load_tables(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *arr = jin_get_array(&ld->j, root, "", "tables", false);
    if (!arr || !load_within_limit(&ld->j, arr, "tables", MAX_TABLES, _("tables")))
        return;
    size_t extra = 0, i;
    json_t *t;
    json_array_foreach(arr, i, t)
    {
        json_t *rows = json_is_object(t) ? json_object_get(t, "rows") : NULL;
        extra += (json_is_array(rows) ? json_array_size(rows) : 0) + (ld->row ? 1 : 0);
    }
    if (s->n_indicators + extra > MAX_INDICATORS) {
        jin_report(&ld->j, "tables",
                   _("%zu indicators with the tables' rows; at most %d are allowed"),
                   s->n_indicators + extra, (int)MAX_INDICATORS);
        return;
    }
    sheet_indicator *all = arena_alloc(ld->j.a, (s->n_indicators + extra + 1) * sizeof *all);
    if (!all) {
        jin_report(&ld->j, "tables", "%s", _("out of memory"));
        return;
    }
    if (s->n_indicators)
        memcpy(all, s->indicators, s->n_indicators * sizeof *all);
    size_t n = s->n_indicators;
    json_array_foreach(arr, i, t) n += load_table(ld, t, i, all + n, s->n_indicators + extra - n);
    s->indicators = all;
    s->n_indicators = n;
}
