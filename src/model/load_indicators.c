/* load_indicators: "indicators", each figure with its unit, qualifier,
 * source, rank and meaning, checked one by one and then for duplicate ids
 * (load.c calls it after the sheet's settings). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "load_priv.h"
#include "model/locator.h"
#include "model/numfmt.h"
#include "model/sheet.h"

static const char *const kind_names[KIND_LAST] = {"count", "share", "change", "per_capita", "rank"};

const char *sheet_kind_name(sheet_kind k)
{
    return k < KIND_LAST ? kind_names[k] : "?";
}

/* What each kind is, in words: messages name it so and give the keyword
 * beside it, so a reader of any language sees both. */
static const char *const kind_words[KIND_LAST] = {N_("a count"), N_("a share"), N_("a change"),
                                                  N_("a per-capita figure"), N_("a rank")};

const char *sheet_kind_words(sheet_kind k)
{
    return k < KIND_LAST ? _(kind_words[k]) : "?";
}

/* "2024-01" or "2024-01-31". */
static bool valid_month_or_date(const char *d)
{
    if (strlen(d) == 10)
        return load_valid_date(d);
    char full[11];
    if (strlen(d) != 7)
        return false;
    snprintf(full, sizeof full, "%s-01", d);
    return load_valid_date(full);
}

/* A rank's setting: {"level", "field", "of", "grade"}. */
static void load_rank(loader *ld, json_t *ind, const char *p, sheet_indicator *out)
{
    json_t *rank = json_object_get(ind, "rank");
    const char *rp = jin_member_path(&ld->j, p, "rank");
    if (out->kind != KIND_RANK) {
        if (rank)
            jin_report(&ld->j, rp,
                       _("\"rank\" is given but the kind is not \"rank\"; add "
                         "\"kind\": \"rank\" or remove it"));
        return;
    }
    if (!rank) {
        jin_report(&ld->j, p,
                   _("missing required field \"rank\" for a rank; expected {\"level\": "
                     "\"全国\", \"field\": …, \"of\": …}"));
        return;
    }
    if (!jin_expect_object(&ld->j, rank, rp))
        return;
    static const char *const keys[] = {"level", "field", "of", "grade", NULL};
    jin_check_keys(&ld->j, rank, rp, keys);
    out->rank.level = jin_get_string(&ld->j, rank, rp, "level", true);
    out->rank.field = jin_get_string(&ld->j, rank, rp, "field", false);
    out->rank.grade = jin_get_string(&ld->j, rank, rp, "grade", false);
    json_t *of = json_object_get(rank, "of");
    double v;
    if (of && (out->rank.of = jin_number(&ld->j, of, jin_member_path(&ld->j, rp, "of"), &v)) &&
        (v < 1 || v != (double)(long long)v))
        jin_report(&ld->j, jin_member_path(&ld->j, rp, "of"),
                   _("%s is not a count of those ranked; expected a whole number such as 433"),
                   out->rank.of);
    if (!out->missing && out->literal &&
        (out->value < 1 || out->value != (double)(long long)out->value ||
         (out->rank.of && out->value > v)))
        jin_report(&ld->j, jin_member_path(&ld->j, p, "value"),
                   _("%s is not a place in the ranking; expected a whole number from 1%s%s"),
                   out->literal, out->rank.of ? _(" to ") : "", out->rank.of ? out->rank.of : "");
    if (out->unit && out->unit[0])
        jin_report(&ld->j, jin_member_path(&ld->j, p, "unit"),
                   _("a rank has no unit (the sheet prints 第4); write \"unit\": \"\""));
}

/* What the figure means: its kind of measure, period, scope and definition
 * (docs/data-model.md). All optional; the kind defaults from the unit. */
static void load_meaning(loader *ld, json_t *ind, const char *p, sheet_indicator *out)
{
    const char *kind = jin_get_string(&ld->j, ind, p, "kind", false);
    bool percent = out->unit && (strcmp(out->unit, "%") == 0 || strcmp(out->unit, "‰") == 0);
    out->kind = percent ? KIND_SHARE : KIND_COUNT;
    if (kind) {
        size_t k = 0;
        while (k < KIND_LAST && strcmp(kind, kind_names[k]) != 0)
            k++;
        if (k == KIND_LAST)
            jin_report(&ld->j, jin_member_path(&ld->j, p, "kind"),
                       _("\"%s\" is not a kind of measure; expected one of count, share, "
                         "change, per_capita, rank"),
                       kind);
        else
            out->kind = (sheet_kind)k;
    }
    if (out->kind == KIND_SHARE && !percent && out->unit)
        jin_report(&ld->j, jin_member_path(&ld->j, p, "kind"),
                   _("a share is in %% or ‰, but the unit is \"%s\"; expected \"count\" or "
                     "\"per_capita\""),
                   out->unit);
    out->period = jin_get_string(&ld->j, ind, p, "period", false);
    out->as_of = jin_get_string(&ld->j, ind, p, "as_of", false);
    if (out->as_of && !valid_month_or_date(out->as_of))
        jin_report(&ld->j, jin_member_path(&ld->j, p, "as_of"),
                   _("\"%s\" is not a month or a date; expected YYYY-MM or YYYY-MM-DD, such as "
                     "2024-01"),
                   out->as_of);
    out->scope = jin_get_string(&ld->j, ind, p, "scope", false);
    out->definition = jin_get_string(&ld->j, ind, p, "definition", false);
    out->base = jin_get_string(&ld->j, ind, p, "base", false);
    if (out->base && out->kind != KIND_CHANGE)
        jin_report(&ld->j, jin_member_path(&ld->j, p, "base"),
                   _("\"base\" says what a change is against, but the kind is \"%s\"; add "
                     "\"kind\": \"change\" or remove it"),
                   sheet_kind_name(out->kind));
    load_rank(ld, ind, p, out);
}

static void load_indicator(loader *ld, json_t *ind, size_t i, sheet_indicator *out)
{
    static const char *const keys[] = {
        "id",   "label",  "value", "unit",  "qualifier",  "better", "note", "source",
        "kind", "period", "as_of", "scope", "definition", "base",   "rank", NULL};
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
        jin_report(&ld->j, p,
                   _("missing required field \"unit\"; expected a string (\"\" when the "
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

    load_meaning(ld, ind, p, out);

    json_t *src = json_object_get(ind, "source");
    const char *sp = jin_member_path(&ld->j, p, "source");
    if (!src) {
        jin_report(&ld->j, p,
                   _("missing required field \"source\"; expected {\"file\": …, \"quote\": …}"));
    } else if (jin_expect_object(&ld->j, src, sp)) {
        static const char *const skeys[] = {"file", "quote", "table", "row", "column", NULL};
        jin_check_keys(&ld->j, src, sp, skeys);
        /* A figure still missing has no source yet; one that is there must:
         * a quote, or a statistics table's cell. */
        out->source_file = jin_get_string(&ld->j, src, sp, "file", !out->missing);
        bool cell = json_object_get(src, "table") != NULL;
        out->source_quote = jin_get_string(&ld->j, src, sp, "quote", !out->missing && !cell);
        if (cell) {
            out->source_table = jin_get_string(&ld->j, src, sp, "table", true);
            out->source_row = jin_get_string(&ld->j, src, sp, "row", true);
            out->source_column = jin_get_string(&ld->j, src, sp, "column", true);
        }
    }
}

void load_indicators(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *arr = jin_get_array(&ld->j, root, "", "indicators", true);
    if (!arr || !load_within_limit(&ld->j, arr, "indicators", MAX_INDICATORS, _("indicators")))
        return;
    s->n_indicators = json_array_size(arr);
    s->indicators =
        arena_alloc(ld->j.a, (s->n_indicators ? s->n_indicators : 1) * sizeof *s->indicators);
    if (!s->indicators) {
        jin_report(&ld->j, "indicators", _("out of memory"));
        s->n_indicators = 0;
        return;
    }
    size_t i;
    json_t *ind;
    json_array_foreach(arr, i, ind) load_indicator(ld, ind, i, &s->indicators[i]);
    load_tables(ld, root);

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
