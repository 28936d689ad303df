/* selfcheck: see include/model/selfcheck.h. */
#include "model/selfcheck.h"
#include "model/sources.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "base/strdist.h"
#include "model/compare.h"
#include "model/units.h"

/* A figure this many times the previous one (or a this-th of it) is more
 * likely a typo or a changed unit than a year's change. */
#define SELFCHECK_JUMP 5.0

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The quote with digit groups joined: "12,345" reads as "12345". */
static char *ungrouped(const char *quote)
{
    size_t n = strlen(quote);
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (quote[i] == ',' && i > 0 && is_digit(quote[i - 1]) && is_digit(quote[i + 1]))
            continue;
        *o++ = quote[i];
    }
    *o = '\0';
    return out;
}

/* The scale word at p (万 or 亿) as a power of ten, 0 when none; *len its bytes. */
static int scale_at(const char *p, size_t *len)
{
    static const struct {
        const char *word;
        int power;
    } words[] = {{"万", 4}, {"亿", 8}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strncmp(p, words[i].word, strlen(words[i].word)) == 0) {
            *len = strlen(words[i].word);
            return words[i].power;
        }
    *len = 0;
    return 0;
}

static bool starts(const char *p, const char *prefix)
{
    return strncmp(p, prefix, strlen(prefix)) == 0;
}

/* Whether the text after a number in the quote agrees with unit: the same
 * scale word (万, 亿 or none), and % against ‰ never mixed. */
static bool unit_agrees(const char *after, const char *unit)
{
    while (*after == ' ')
        after++;
    /* 4700余万元, 730多万剂次: a qualifier may stand before the scale word */
    if (starts(after, "余") || starts(after, "多"))
        after += strlen("余");
    size_t qlen, ulen;
    int qs = scale_at(after, &qlen), us = scale_at(unit, &ulen);
    if (qs != us)
        return false;
    after += qlen;
    unit += ulen;
    bool upct = starts(unit, "%") || starts(unit, "％"), uper = starts(unit, "‰");
    bool qpct = starts(after, "%") || starts(after, "％"), qper = starts(after, "‰");
    if (upct || uper)
        return !(upct && qper) && !(uper && qpct);
    return !qpct && !qper;
}

/* Each place where literal stands whole in q (not inside 88 or 1.8): calls
 * agrees on the text after it; returns 1 when one agrees, 0 when it stands
 * but none agrees (*where set to the first), -1 when it never stands. */
static int find_literal(const char *q, const char *literal, const char *unit, const char **where)
{
    size_t n = strlen(literal);
    int found = -1;
    if (!n)
        return -1;
    for (const char *p = strstr(q, literal); p; p = strstr(p + 1, literal)) {
        char before = p > q ? p[-1] : ' ', after = p[n];
        if (is_digit(before) || before == '.' || is_digit(after) ||
            (after == '.' && is_digit(p[n + 1])))
            continue;
        if (!unit || unit_agrees(p + n, unit))
            return 1;
        if (found < 0)
            *where = p;
        found = 0;
    }
    return found;
}

bool selfcheck_stands_in(const char *quote, const char *literal, const char *unit)
{
    char *q = ungrouped(quote);
    const char *where = NULL;
    bool ok = q && find_literal(q, literal, unit, &where) == 1;
    free(q);
    return ok;
}

/* A position written in Chinese numerals (全国第四 for 4, 第十一 for 11),
 * whole: sources_figure_in_quote's rule. */
static bool cn_rank_stands(const char *quote, const char *literal)
{
    return sources_figure_in_quote(quote, literal, true);
}

/* The number in q whose value is value × factor (80 for 0.8 and %), copied
 * into buf; false when there is none. */
static bool scaled_in(const char *q, double value, double factor, char *buf, size_t n)
{
    double want = value * factor;
    for (const char *p = q; *p; p++) {
        if (!is_digit(*p) || (p > q && (is_digit(p[-1]) || p[-1] == '.')))
            continue;
        char *end;
        double v = strtod(p, &end);
        if (fabs(v - want) <= 1e-9 * fmax(1.0, fabs(want))) {
            snprintf(buf, n, "%.*s", (int)(end - p), p);
            return true;
        }
    }
    return false;
}

static void check_value_in_quote(const sheet *s, const sheet_indicator *ind, diag_list *dl)
{
    if (ind->missing || !ind->literal || !ind->source_quote || !ind->source_quote[0])
        return;
    char path[512];
    snprintf(path, sizeof path, "%s.value", ind->path);
    char *q = ungrouped(ind->source_quote);
    if (!q)
        return;
    const char *unit = ind->unit ? ind->unit : "";
    const char *where = NULL;
    if (ind->kind == KIND_RANK) {
        if (find_literal(q, ind->literal, NULL, &where) != 1 && !cn_rank_stands(q, ind->literal))
            sheet_report(s, dl, DIAG_ERROR, path,
                         _("the rank %s does not stand in its quote \"%s\"; write the position "
                           "the quote gives"),
                         ind->literal, ind->source_quote);
        free(q);
        return;
    }
    int found = find_literal(q, ind->literal, unit, &where);
    char said[64];
    bool pct = starts(units_split(unit).base, "%"), per = starts(units_split(unit).base, "‰");
    if (found == 1) {
        /* stands with its unit's scale */
    } else if (found == 0) {
        size_t len = strlen(ind->literal), sl = 0;
        const char *after = where + len;
        while (*after == ' ')
            after++;
        scale_at(after, &sl);
        if (!sl && (starts(after, "%") || starts(after, "‰")))
            sl = starts(after, "%") ? 1 : strlen("‰");
        snprintf(said, sizeof said, "%.*s", (int)(after - where + (ptrdiff_t)sl), where);
        sheet_report(s, dl, DIAG_ERROR, path,
                     _("the figure %s %s stands in its quote \"%s\" as %s, in another unit or "
                       "scale; write the unit as the quote does"),
                     ind->literal, unit, ind->source_quote, said);
    } else if ((pct || per) && scaled_in(q, ind->value, pct ? 100 : 1000, said, sizeof said)) {
        sheet_report(s, dl, DIAG_ERROR, path,
                     _("the figure %s %s does not stand in its quote \"%s\", which says %s%s: a "
                       "spreadsheet saved the percentage as a fraction; write %s"),
                     ind->literal, unit, ind->source_quote, said, pct ? "%" : "‰", said);
    } else {
        sheet_report(s, dl, DIAG_ERROR, path,
                     _("the figure %s %s does not stand in its quote \"%s\"; write the value "
                       "exactly as the quote does"),
                     ind->literal, unit, ind->source_quote);
    }
    free(q);
}

/* A figure five times the previous comparable one, or a fifth of it. */
static void check_jump(const sheet *s, const sheet_indicator *ind, const history *hist,
                       diag_list *dl)
{
    if (!hist || ind->missing || ind->kind == KIND_RANK || ind->kind == KIND_CHANGE)
        return;
    int prev_year = 0;
    const sheet_indicator *prev = history_before(hist, s->year, ind->id, &prev_year);
    if (!prev)
        return;
    compare_verdict v = compare_like(ind, prev);
    if (v != COMPARE_OK && v != COMPARE_APPROXIMATE)
        return;
    double before = units_convert(prev->value, prev->unit, ind->unit);
    if (!(before > 0) || !(ind->value > 0))
        return;
    double ratio = ind->value / before;
    if (ratio <= SELFCHECK_JUMP && ratio >= 1 / SELFCHECK_JUMP)
        return;
    char path[512];
    snprintf(path, sizeof path, "%s.value", ind->path);
    sheet_report(s, dl, DIAG_WARNING, path,
                 ratio > 1 ? _("%s %s in %d is more than five times %s %s in %d; check the "
                               "figure (a typo, or another unit or scale?)")
                           : _("%s %s in %d is less than a fifth of %s %s in %d; check the "
                               "figure (a typo, or another unit or scale?)"),
                 ind->literal, ind->unit, s->year, prev->literal, prev->unit, prev_year);
}

static bool listed_source(const sheet *s, const char *file)
{
    for (size_t k = 0; k < s->n_sources; k++)
        if (s->sources[k].file && strcmp(s->sources[k].file, file) == 0)
            return true;
    return false;
}

/* A cited file must be in "sources": the footer lists them, and a figure
 * whose source is not listed cannot be traced. */
static void check_cited(const sheet *s, const char *file, const char *item_path, diag_list *dl)
{
    if (!file || !file[0] || s->n_sources == 0 || listed_source(s, file))
        return; /* an empty list is a draft's, reported as missing */
    char path[512];
    snprintf(path, sizeof path, "%s.source.file", item_path);
    const char *near = NULL;
    size_t best = 3;
    for (size_t k = 0; k < s->n_sources; k++) {
        size_t d = s->sources[k].file ? strdist(file, s->sources[k].file) : (size_t)-1;
        if (d < best) {
            best = d;
            near = s->sources[k].file;
        }
    }
    if (near)
        sheet_report(s, dl, DIAG_ERROR, path,
                     _("\"%s\" is not one of the \"sources\"; did you mean \"%s\"?"), file, near);
    else
        sheet_report(s, dl, DIAG_ERROR, path,
                     _("\"%s\" is not one of the \"sources\"; add it there with its title, or "
                       "cite a listed file"),
                     file);
}

static void check_sources_used(const sheet *s, diag_list *dl)
{
    for (size_t k = 0; k < s->n_sources; k++) {
        const char *file = s->sources[k].file;
        if (!file || !file[0])
            continue;
        bool used = false;
        for (size_t i = 0; i < s->n_indicators && !used; i++)
            used = s->indicators[i].source_file && strcmp(s->indicators[i].source_file, file) == 0;
        for (size_t i = 0; i < s->n_honours && !used; i++)
            used = s->honours[i].source_file && strcmp(s->honours[i].source_file, file) == 0;
        if (used)
            continue;
        char path[64];
        snprintf(path, sizeof path, "sources[%zu].file", k);
        sheet_report(s, dl, DIAG_WARNING, path,
                     _("no figure or honour cites \"%s\", yet every page's footer lists it; "
                       "remove it, or cite it"),
                     file);
    }
}

/* Whether the number num (len bytes) is one of the sheet's figures: a
 * value as written, a rank's count, or the year. */
static bool is_figure(const sheet *s, const char *num, size_t len)
{
    char year[16];
    snprintf(year, sizeof year, "%d", s->year);
    if (strlen(year) == len && strncmp(num, year, len) == 0)
        return true;
    for (size_t i = 0; i < s->n_indicators; i++) {
        const sheet_indicator *ind = &s->indicators[i];
        const char *lits[2] = {ind->literal, ind->kind == KIND_RANK ? ind->rank.of : NULL};
        for (size_t k = 0; k < 2; k++)
            if (lits[k] && strlen(lits[k]) == len && strncmp(num, lits[k], len) == 0)
                return true;
    }
    return false;
}

/* The number at p is part of a unit with a number in it, written after its
 * figure (the 10 of 9.77/10万): it goes with the figure. */
static bool in_unit(const sheet *s, const char *text, const char *p)
{
    for (size_t i = 0; i < s->n_indicators; i++) {
        const sheet_indicator *ind = &s->indicators[i];
        if (!ind->literal || !ind->unit || !strpbrk(ind->unit, "0123456789"))
            continue;
        const char *digit = strpbrk(ind->unit, "0123456789");
        size_t ll = strlen(ind->literal), off = (size_t)(digit - ind->unit);
        const char *start = p - off - ll;
        if (p - text >= (ptrdiff_t)(off + ll) && strncmp(start, ind->literal, ll) == 0 &&
            strncmp(start + ll, ind->unit, strlen(ind->unit)) == 0)
            return true;
    }
    return false;
}

/* Marks in skip the bytes of text where span stands. */
static void mark_spans(const char *text, const char *span, bool *skip)
{
    size_t n = strlen(span);
    for (const char *p = n ? strstr(text, span) : NULL; p; p = strstr(p + n, span))
        memset(skip + (p - text), 1, n);
}

/* The words of text that are a figure's own, not figures: a period a figure
 * states (1至12月中旬) and the date of a stock (as_of 2024-01: 2024年1月). */
static bool *own_words(const sheet *s, const char *text)
{
    bool *skip = calloc(strlen(text) + 1, 1);
    for (size_t i = 0; skip && i < s->n_indicators; i++) {
        const sheet_indicator *ind = &s->indicators[i];
        if (ind->period && strpbrk(ind->period, "0123456789"))
            mark_spans(text, ind->period, skip);
        if (ind->as_of) {
            char date[64];
            int y = 0, m = 0, d = 0;
            int got = sscanf(ind->as_of, "%d-%d-%d", &y, &m, &d);
            if (got == 3)
                snprintf(date, sizeof date, "%d年%d月%d日", y, m, d);
            else
                snprintf(date, sizeof date, "%d年%d月", y, m);
            if (got >= 2)
                mark_spans(text, date, skip);
        }
    }
    return skip;
}

/* The end of the number at p: digits, and a decimal part when a digit
 * follows the point. */
static const char *number_end(const char *p)
{
    while (is_digit(*p))
        p++;
    if (*p == '.' && is_digit(p[1]))
        for (p++; is_digit(*p);)
            p++;
    return p;
}

/* One warning a paragraph, naming each number that is no figure once. A
 * number an honour's own quote states (在2023年“国考”中) is the honour's. */
static void check_paragraph(const sheet *s, const char *text, const char *quote, const char *path,
                            diag_list *dl)
{
    strbuf odd = {0};
    size_t n_odd = 0;
    bool *skip = text ? own_words(s, text) : NULL;
    for (const char *p = text; p && *p;) {
        if (!is_digit(*p) || (skip && skip[p - text])) {
            p++;
            continue;
        }
        const char *end = number_end(p);
        size_t len = (size_t)(end - p);
        bool named = false;
        for (const char *o = odd.len ? sb_str(&odd) : NULL; o && !named;) {
            const char *comma = strstr(o, "、");
            size_t ol = comma ? (size_t)(comma - o) : strlen(o);
            named = ol == len && strncmp(o, p, len) == 0;
            o = comma ? comma + strlen("、") : NULL;
        }
        char num[64];
        snprintf(num, sizeof num, "%.*s", (int)len, p);
        if (!named && !is_figure(s, p, len) && !in_unit(s, text, p) &&
            !(quote && find_literal(quote, num, NULL, &(const char *){NULL}) == 1)) {
            if (n_odd++)
                sb_printf(&odd, "、");
            sb_printf(&odd, "%.*s", (int)len, p);
        }
        p = end;
    }
    if (n_odd && !odd.failed)
        sheet_report(s, dl, DIAG_WARNING, path,
                     _("the text says %s, not a figure of the sheet; add each figure with its "
                       "source, or leave the number out"),
                     sb_str(&odd));
    sb_free(&odd);
    free(skip);
}

/* Whether indicator k is drawn as a card or in a chart of the sheet, where a
 * reader already sees it (a table's row does not count). */
static bool shown_large(const sheet *s, size_t k)
{
    for (size_t i = 0; i < s->n_sections; i++)
        for (size_t j = 0; j < s->sections[i].n_blocks; j++) {
            const sheet_block *b = &s->sections[i].blocks[j];
            if (b->kind == BLOCK_TABLE || b->kind == BLOCK_FACTS || b->kind == BLOCK_TEXT ||
                b->kind == BLOCK_NOTE)
                continue;
            for (size_t n = 0; n < b->n_items; n++)
                if (b->items[n].indicator == k)
                    return true;
        }
    return false;
}

/* Say things once: a short paragraph whose every figure (two or more) the
 * sheet already shows as a card or in a chart only repeats them. */
static void check_repeats(const sheet *s, const char *text, const char *path, diag_list *dl)
{
    bool *skip = own_words(s, text);
    size_t figures = 0;
    bool all_shown = true;
    for (const char *p = text; *p && all_shown;) {
        if (!is_digit(*p) || (skip && skip[p - text])) {
            p++;
            continue;
        }
        const char *end = number_end(p);
        size_t len = (size_t)(end - p);
        bool shown = false;
        if (!in_unit(s, text, p))
            for (size_t k = 0; k < s->n_indicators && !shown; k++) {
                const char *lit = s->indicators[k].literal;
                shown = lit && strlen(lit) == len && strncmp(p, lit, len) == 0 && shown_large(s, k);
            }
        if (!in_unit(s, text, p)) {
            figures++;
            all_shown = shown;
        }
        p = end;
    }
    free(skip);
    /* Words around the figures say something of their own when there are
     * more than about ten characters a figure: labels and units take that. */
    size_t chars = 0;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        chars += (*c & 0xC0) != 0x80;
    if (figures >= 2 && all_shown && chars <= 12 * figures)
        sheet_report(s, dl, DIAG_WARNING, path, "%s",
                     _("this paragraph only repeats figures the sheet already shows as cards or "
                       "in charts; say what they mean, or leave it out"));
}

static void check_paragraphs(const sheet *s, diag_list *dl)
{
    char path[512];
    for (size_t i = 0; i < s->n_highlights; i++) {
        snprintf(path, sizeof path, "highlights[%zu]", i);
        check_paragraph(s, s->highlights[i], NULL, path, dl);
    }
    for (size_t i = 0; i < s->n_honours; i++) {
        snprintf(path, sizeof path, "%s.text", s->honours[i].path);
        check_paragraph(s, s->honours[i].text, s->honours[i].source_quote, path, dl);
    }
    for (size_t i = 0; i < s->n_sections; i++)
        for (size_t k = 0; k < s->sections[i].n_blocks; k++) {
            const sheet_block *b = &s->sections[i].blocks[k];
            if (b->kind != BLOCK_TEXT || !b->text)
                continue;
            snprintf(path, sizeof path, "%s.text", b->path);
            check_paragraph(s, b->text, NULL, path, dl);
            check_repeats(s, b->text, path, dl);
        }
}

/* A date left as last year's file has it (factsheet new keeps it): the
 * same date, and one within the sheet's own year, before the year could be
 * reported on. Years compiled together on one later day (the bundled
 * 2018—2025, all dated 2026-11-23) share a date honestly. */
static void check_date(const sheet *s, const history *hist, diag_list *dl)
{
    const sheet *prev = NULL;
    for (size_t i = 0; hist && i < hist->n; i++)
        if (hist->years[i]->year < s->year)
            prev = hist->years[i];
    if (prev && s->date && prev->date && strcmp(s->date, prev->date) == 0 &&
        strtol(s->date, NULL, 10) <= s->year)
        sheet_report(s, dl, DIAG_WARNING, "date",
                     _("the date %s is the %d file's (%s); write this year's date of issue"),
                     s->date, prev->year, prev->file);
}

bool selfcheck_sheet(const sheet *s, const history *hist, diag_list *dl)
{
    size_t errors = dl->errors;
    check_date(s, hist, dl);
    for (size_t i = 0; i < s->n_indicators; i++) {
        const sheet_indicator *ind = &s->indicators[i];
        check_value_in_quote(s, ind, dl);
        check_jump(s, ind, hist, dl);
        check_cited(s, ind->source_file, ind->path, dl);
    }
    for (size_t i = 0; i < s->n_honours; i++)
        check_cited(s, s->honours[i].source_file, s->honours[i].path, dl);
    check_sources_used(s, dl);
    check_paragraphs(s, dl);
    return dl->errors == errors;
}
