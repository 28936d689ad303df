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
#include <strings.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "load_priv.h"
#include "model/locator.h"
#include "model/numfmt.h"
#include "model/sheet.h"
#include "model/selfcheck.h"

bool load_within_limit(jin *j, json_t *arr, const char *path, size_t max, const char *what)
{
    if (json_array_size(arr) <= max)
        return true;
    jin_report(j, path, _("%zu %s; at most %zu are allowed"), json_array_size(arr), what, max);
    return false;
}

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

/* A source's address becomes a link in the PDF: only web pages may open
 * from an official sheet (a "javascript:", "file:" or "launch" address would
 * run or open something on the reader's computer), and the address must name
 * a host. Returns false after reporting. */
static bool web_address(jin *j, const char *path, const char *url)
{
    size_t scheme = strncasecmp(url, "https://", 8) == 0  ? 8
                    : strncasecmp(url, "http://", 7) == 0 ? 7
                                                          : 0;
    if (!scheme) {
        jin_report(j, path, _("a source's address must begin with http:// or https:// (a link "
                              "in the PDF may only open a web page)"));
        return false;
    }
    if (!url[scheme] || url[scheme] == '/' || url[scheme] == ' ') {
        jin_report(j, path, _("the address names no web site after \"%.*s\""), (int)scheme, url);
        return false;
    }
    if (strpbrk(url, "\n\t")) {
        jin_report(j, path, _("a web address cannot hold a line break or a tab"));
        return false;
    }
    return true;
}

/* A year that is not a whole number from 1949 to 2100: say what it looks
 * like it was meant to be (2025.0 from a spreadsheet, "２０２５" typed with
 * a Chinese input method). */
static void explain_year(loader *ld, json_t *year)
{
    const char *lit = jin_literal(&ld->j, "year");
    if (json_is_real(year)) {
        double v = json_real_value(year);
        if (v == floor(v) && v >= 1949 && v <= 2100) {
            jin_report(&ld->j, "year",
                       _("the year %s has a decimal point; write it as a whole number: %d"),
                       lit ? lit : "?", (int)v);
            return;
        }
    } else if (json_is_string(year)) {
        const char *str = json_string_value(year);
        char digits[8];
        size_t o = 0;
        bool fullwidth = false, only_digits = true;
        for (const unsigned char *p = (const unsigned char *)str; *p && only_digits; p++) {
            if (*p >= '0' && *p <= '9' && o < 4) {
                digits[o++] = (char)*p;
            } else if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99 && o < 4) {
                digits[o++] = (char)('0' + (p[2] - 0x90)); /* ０-９ */
                fullwidth = true;
                p += 2;
            } else {
                only_digits = false;
            }
        }
        digits[o] = '\0';
        int v = o == 4 && only_digits ? (int)strtol(digits, NULL, 10) : 0;
        if (v >= 1949 && v <= 2100) {
            if (fullwidth)
                jin_report(&ld->j, "year",
                           _("the year \"%s\" is written in full-width digits and quotes; write "
                             "the number %s (ASCII digits, no quotes)"),
                           str, digits);
            else
                jin_report(&ld->j, "year",
                           _("the year \"%s\" is in quotes; write the number %s without quotes"),
                           str, digits);
            return;
        }
    }
    jin_report(&ld->j, "year", _("expected a year between 1949 and 2100, such as 2025"));
}

static void load_meta(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *year = json_object_get(root, "year");
    if (!year)
        jin_report(&ld->j, "", _("missing required field \"year\"; expected a year such as 2025"));
    else if (!json_is_integer(year) || json_integer_value(year) < 1949 ||
             json_integer_value(year) > 2100)
        explain_year(ld, year);
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
        if (s->sources[i].url && s->sources[i].url[0] &&
            !web_address(&ld->j, jin_member_path(&ld->j, p, "url"), s->sources[i].url))
            s->sources[i].url = NULL;
    }
}

static const char *const kind_names[KIND_LAST] = {"count", "share", "change", "per_capita",
                                                  "rank"};

const char *sheet_kind_name(sheet_kind k)
{
    return k < KIND_LAST ? kind_names[k] : "?";
}

/* "2024-01" or "2024-01-31". */
static bool valid_month_or_date(const char *d)
{
    if (strlen(d) == 10)
        return valid_date(d);
    char full[11];
    if (strlen(d) != 7)
        return false;
    snprintf(full, sizeof full, "%s-01", d);
    return valid_date(full);
}

/* A rank's setting: {"level", "field", "of", "grade"}. */
static void load_rank(loader *ld, json_t *ind, const char *p, sheet_indicator *out)
{
    json_t *rank = json_object_get(ind, "rank");
    const char *rp = jin_member_path(&ld->j, p, "rank");
    if (out->kind != KIND_RANK) {
        if (rank)
            jin_report(&ld->j, rp, _("\"rank\" is given but the kind is not \"rank\"; add "
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
    static const char *const keys[] = {"id",     "label",  "value",  "unit",  "qualifier",
                                       "better", "note",   "source", "kind",  "period",
                                       "as_of",  "scope",  "definition", "base", "rank", NULL};
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

    load_meaning(ld, ind, p, out);

    json_t *src = json_object_get(ind, "source");
    const char *sp = jin_member_path(&ld->j, p, "source");
    if (!src) {
        jin_report(&ld->j, p, _("missing required field \"source\"; expected {\"file\": …, \"quote\": …}"));
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

static void load_indicators(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *arr = jin_get_array(&ld->j, root, "", "indicators", true);
    if (!arr || !load_within_limit(&ld->j, arr, "indicators", MAX_INDICATORS, _("indicators")))
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

size_t sheet_find_honour(const sheet *s, const char *id)
{
    for (size_t i = 0; i < s->n_honours; i++)
        if (s->honours[i].id && strcmp(s->honours[i].id, id) == 0)
            return i;
    return (size_t)-1;
}

/* "honours": statements the source makes about the year that are not
 * figures: {"id", "text", "source": {"file", "quote"}}. */
static void load_honours(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *arr = jin_get_array(&ld->j, root, "", "honours", false);
    if (!arr || !load_within_limit(&ld->j, arr, "honours", MAX_HONOURS, _("honours")))
        return;
    s->n_honours = json_array_size(arr);
    s->honours = arena_alloc(ld->j.a, (s->n_honours ? s->n_honours : 1) * sizeof *s->honours);
    if (!s->honours) {
        s->n_honours = 0;
        return;
    }
    static const char *const keys[] = {"id", "text", "source", NULL};
    static const char *const skeys[] = {"file", "quote", NULL};
    size_t i;
    json_t *h;
    json_array_foreach(arr, i, h) {
        sheet_honour *out = &s->honours[i];
        const char *p = jin_element_path(&ld->j, "honours", i);
        out->path = p;
        if (!jin_expect_object(&ld->j, h, p))
            continue;
        jin_check_keys(&ld->j, h, p, keys);
        out->id = jin_get_string(&ld->j, h, p, "id", true);
        out->text = jin_get_string(&ld->j, h, p, "text", false);
        if (!json_object_get(h, "text"))
            jin_report(&ld->j, p, _("missing required field \"text\"; expected a string"));
        bool blank = out->text && !out->text[0]; /* a draft's: still to be written */
        s->n_missing += blank;
        if (out->id && sheet_find_indicator(s, out->id) != (size_t)-1)
            jin_report(&ld->j, jin_member_path(&ld->j, p, "id"),
                       _("id \"%s\" is already an indicator's; an honour needs an id of its own"),
                       out->id);
        for (size_t k = 0; out->id && k < i; k++)
            if (s->honours[k].id && strcmp(s->honours[k].id, out->id) == 0)
                jin_report(&ld->j, jin_member_path(&ld->j, p, "id"),
                           _("duplicate honour id \"%s\"; it is already used by %s"), out->id,
                           s->honours[k].path);
        json_t *src = json_object_get(h, "source");
        const char *sp = jin_member_path(&ld->j, p, "source");
        if (!src) {
            jin_report(&ld->j, p,
                       _("missing required field \"source\"; expected {\"file\": …, "
                         "\"quote\": …}"));
        } else if (jin_expect_object(&ld->j, src, sp)) {
            jin_check_keys(&ld->j, src, sp, skeys);
            out->source_file = jin_get_string(&ld->j, src, sp, "file", !blank);
            out->source_quote = jin_get_string(&ld->j, src, sp, "quote", !blank);
        }
    }
}

/* "highlights": the year's messages, three to five sentences (要点). */
static void load_highlights(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *arr = jin_get_array(&ld->j, root, "", "highlights", false);
    if (!arr)
        return;
    if (json_array_size(arr) > MAX_HIGHLIGHTS) {
        jin_report(&ld->j, "highlights",
                   _("%zu highlights; at most five messages are read at a glance"),
                   json_array_size(arr));
        return;
    }
    s->n_highlights = json_array_size(arr);
    s->highlights = arena_alloc(ld->j.a, (s->n_highlights ? s->n_highlights : 1) *
                                             sizeof *s->highlights);
    if (!s->highlights) {
        s->n_highlights = 0;
        return;
    }
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        const char *h =
            jin_get_string(&ld->j, v, jin_element_path(&ld->j, "highlights", i), NULL, false);
        if (json_is_string(v) && h && !h[0])
            s->n_missing++; /* "": still to be written (a draft) */
        s->highlights[i] = h ? h : "";
    }
}

static sheet *load_bytes_row(const char *name, const char *bytes, size_t len, const char *row,
                             diag_list *dl)
{
    size_t errors_before = dl->errors;
    loader ld = {.row = row};
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
    static const char *const keys[] = {"$schema",  "year",       "title",      "subtitle",
                                       "issuer",   "date",       "sources",    "indicators",
                                       "sections", "highlights", "honours",    "tables",
                                       NULL};
    jin_check_keys(&ld.j, root, "", keys);
    load_meta(&ld, root);
    load_indicators(&ld, root);
    load_honours(&ld, root);
    load_highlights(&ld, root);
    load_sections(&ld, root);
    /* Keep the bytes and positions, so later stages point at the input too. */
    ld.s->text = arena_strndup(ld.j.a, ld.j.text, ld.j.len);
    ld.s->text_len = ld.j.len;
    ld.s->loc = ld.j.loc;
    if (!ld.s->text || !ld.s->file) {
        diag_error(dl, name, "%s", _("out of memory"));
        goto fail;
    }
    if (dl->errors > errors_before) {
        /* Everything in one run: a bad value does not hide the figures
         * still missing elsewhere in the file. */
        selfcheck_sheet(ld.s, NULL, dl);
        sheet_report_missing(ld.s, dl, DIAG_ERROR);
        goto fail;
    }
    json_decref(root);
    return ld.s;

fail:
    json_decref(root);
    locator_free(ld.j.loc);
    arena_free(ld.j.a);
    return NULL;
}

sheet *sheet_load_bytes(const char *name, const char *bytes, size_t len, diag_list *dl)
{
    return load_bytes_row(name, bytes, len, NULL, dl);
}

sheet *sheet_load_row(const char *path, const char *row, diag_list *dl)
{
    size_t len;
    char *buf = jin_read_file(path, &len, dl);
    if (!buf)
        return NULL;
    sheet *s = load_bytes_row(path, buf, len, row, dl);
    free(buf);
    return s;
}

sheet *sheet_load(const char *path, diag_list *dl)
{
    return sheet_load_row(path, NULL, dl);
}

size_t sheet_report_missing(const sheet *s, diag_list *dl, diag_severity sev)
{
    size_t n = 0;
    if (s->n_sources == 0) {
        sheet_report(s, dl, sev, "sources", "%s", _("no source documents are listed yet"));
        n++;
    }
    for (size_t i = 0; i < s->n_sources; i++)
        if (s->sources && s->sources[i].title && !s->sources[i].title[0]) {
            char path[64];
            snprintf(path, sizeof path, "sources[%zu].title", i);
            sheet_report(s, dl, sev, path, _("the title of \"%s\" is still empty"),
                         s->sources[i].file ? s->sources[i].file : "");
            n++;
        }
    for (size_t i = 0; s->indicators && i < s->n_indicators; i++) {
        const sheet_indicator *ind = &s->indicators[i];
        if (!ind->missing || !ind->path)
            continue;
        char path[256];
        snprintf(path, sizeof path, "%s.value", ind->path);
        sheet_report(s, dl, sev, path, _("the figure \"%s\" is still missing (null)"),
                     ind->label ? ind->label : ind->id);
        n++;
    }
    for (size_t i = 0; s->highlights && i < s->n_highlights; i++)
        if (s->highlights[i] && !s->highlights[i][0]) {
            char path[64];
            snprintf(path, sizeof path, "highlights[%zu]", i);
            sheet_report(s, dl, sev, path, "%s",
                         _("the highlight is still empty; write one of this year's messages"));
            n++;
        }
    for (size_t i = 0; s->honours && i < s->n_honours; i++)
        if (s->honours[i].text && !s->honours[i].text[0]) {
            char path[256];
            snprintf(path, sizeof path, "%s.text", s->honours[i].path);
            sheet_report(s, dl, sev, path, "%s",
                         _("the honour is still empty; write this year's, or remove it and its "
                           "place in the facts block"));
            n++;
        }
    for (size_t i = 0; s->sections && i < s->n_sections; i++)
        for (size_t j = 0; s->sections[i].blocks && j < s->sections[i].n_blocks; j++) {
            const sheet_block *b = &s->sections[i].blocks[j];
            if (b->kind >= BLOCK_KIND_LAST || !b->path)
                continue; /* a block that did not load */
            unsigned rules = sheet_block_kind_lookup(b->kind)->rules;
            if ((rules & BK_TEXT) && b->text && !b->text[0]) {
                char path[256];
                snprintf(path, sizeof path, "%s.text", b->path);
                sheet_report(s, dl, sev, path, "%s", _("the text is still empty"));
                n++;
            } else if ((rules & BK_CHART) && b->title && !b->title[0]) {
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
