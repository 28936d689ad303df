/* text_lines: line breaking for Chinese where Pango 1.50 falls short
 * (text_priv.h): no-break runs, 行末标点压缩, half-width openers at line
 * starts, 禁则, and no paragraph ending in a line of one character. */
#include <string.h>

#include "text_priv.h"

/* Keeps bytes [start, end) of utf8 on one line when they surely fit one. */
static void keep_together(PangoAttrList *attrs, const char *utf8, size_t start, size_t end,
                          const text_style *style, double width)
{
    long chars = g_utf8_strlen(utf8 + start, (gssize)(end - start));
    if (end <= start || chars * (style->size + style->tracking) > width)
        return; /* a run that might not fit a line of its own may break */
    PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
    a->start_index = (guint)start;
    a->end_index = (guint)end;
    pango_attr_list_insert(attrs, a);
}

void text_keep_runs(PangoAttrList *attrs, const char *utf8, const text_style *style, double width,
                    const cjk_text *cjk)
{
    if (width <= 0)
        return;
    /* A figure never breaks from its unit. */
    for (size_t i = 0; i < cjk->n_keeps; i++)
        keep_together(attrs, utf8, cjk->keeps[i].start, cjk->keeps[i].end, style, width);
    /* "1至12月中旬 · 建档立卡贫困户": the parts a " · " separates (a
     * period, a scope) break between them, not inside one; the separator
     * stays with the part before it (间隔号 never starts a line). */
    static const char sep[] = " \u00b7 ";
    const char *at = strstr(utf8, sep);
    for (size_t start = 0; at; at = strstr(utf8 + start, sep)) {
        size_t end = (size_t)(at - utf8) + sizeof sep - 2; /* through the dot */
        keep_together(attrs, utf8, start, end, style, width);
        if (at > utf8) { /* a part too long to keep: the dot still ends its line */
            PangoAttribute *glue = pango_attr_allow_breaks_new(FALSE);
            glue->start_index = (guint)(g_utf8_prev_char(at) - utf8);
            glue->end_index = (guint)end;
            pango_attr_list_insert(attrs, glue);
        }
        start = (size_t)(at - utf8) + sizeof sep - 1;
        if (!strstr(utf8 + start, sep))
            keep_together(attrs, utf8, start, strlen(utf8), style, width);
    }
}

/* 行末标点压缩: a full-width closing mark that ends a justified line (not
 * the last) is set half-width with `halt`, so the right edge reads flush.
 * Compressing can let more text onto a line and move later breaks: a few
 * rounds until the line ends stop changing. */
static bool compress_line_ends(PangoLayout *layout, const char *utf8)
{
    bool changed = false;
    enum { ROUNDS = 3, MAX_ENDS = 256 };
    int done[MAX_ENDS];
    int n_done = 0;
    for (int round = 0; round < ROUNDS; round++) {
        bool added = false;
        PangoAttrList *attrs = pango_attr_list_copy(pango_layout_get_attributes(layout));
        GSList *lines = pango_layout_get_lines_readonly(layout);
        for (GSList *l = lines; l && l->next; l = l->next) { /* every line but the last */
            const PangoLayoutLine *line = l->data;
            const char *end = utf8 + line->start_index + line->length;
            const char *p = end;
            gunichar c = 0;
            while (p > utf8 + line->start_index) { /* skip break opportunities */
                p = g_utf8_prev_char(p);
                c = g_utf8_get_char(p);
                if (c != 0x200B && c != ' ' && c != 0x2002)
                    break;
            }
            int at = (int)(p - utf8);
            bool seen = false;
            for (int k = 0; k < n_done; k++)
                seen = seen || done[k] == at;
            if (seen || !cjk_is_closing(c) || c == 0x201D || c == 0x2019 || n_done == MAX_ENDS)
                continue;
            PangoAttribute *a = pango_attr_font_features_new("halt");
            a->start_index = (guint)at;
            a->end_index = (guint)(g_utf8_next_char(p) - utf8);
            pango_attr_list_insert(attrs, a);
            done[n_done++] = at;
            added = true;
        }
        if (added)
            pango_layout_set_attributes(layout, attrs);
        pango_attr_list_unref(attrs);
        if (!added)
            break;
        changed = true;
    }
    return changed;
}

/* 禁则 where Pango gives way: when a run without break opportunities (a
 * title in 《》 with years and dashes inside) does not fit a line, Pango's
 * WORD_CHAR wrap breaks it anywhere, even before 》 or after （. Such a break
 * is forbidden with allow_breaks and the line set again, so the mark moves
 * with its neighbour. */
static bool enforce_kinsoku(PangoLayout *layout, const char *utf8)
{
    bool changed = false;
    enum { ROUNDS = 4 };
    for (int round = 0; round < ROUNDS; round++) {
        bool added = false;
        PangoAttrList *attrs = pango_attr_list_copy(pango_layout_get_attributes(layout));
        GSList *lines = pango_layout_get_lines_readonly(layout);
        for (GSList *l = lines; l && l->next; l = l->next) {
            const PangoLayoutLine *next = l->next->data;
            const char *start = utf8 + next->start_index;
            const char *first = start;
            while (*first && g_utf8_get_char(first) == 0x200B) /* a break opportunity */
                first = g_utf8_next_char(first);
            if (!*first || first == utf8)
                continue;
            const char *last = g_utf8_prev_char(start);
            while (last > utf8 && g_utf8_get_char(last) == 0x200B)
                last = g_utf8_prev_char(last);
            gunichar fc = g_utf8_get_char(first), lc = g_utf8_get_char(last);
            if (!cjk_is_closing(fc) && !cjk_is_opening(lc))
                continue;
            PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
            a->start_index = (guint)(last - utf8);
            a->end_index = (guint)(g_utf8_next_char(first) - utf8);
            pango_attr_list_insert(attrs, a);
            added = true;
        }
        if (added)
            pango_layout_set_attributes(layout, attrs);
        pango_attr_list_unref(attrs);
        if (!added)
            break;
        changed = true;
    }
    return changed;
}

/* True for what does not count as a character of a last line: punctuation,
 * spaces and break opportunities. */
static bool is_mark(gunichar c)
{
    return c == 0x200B || g_unichar_isspace(c) || g_unichar_ispunct(c) || cjk_is_closing(c) ||
           cjk_is_opening(c);
}

/* The opening marks set half-width for standing at a line's start. */
typedef struct opener_halts {
    guint at[64];
    int n;
} opener_halts;

/* CLREQ: an opening bracket or quote that starts a line is set half-width
 * (its blank half would read as an indent), except on an indented first
 * line and in the official faces (GB/T 9704 keeps every mark in its cell).
 * Adds the halt to attrs; true when it did. */
static bool halve_line_start_opener(PangoAttrList *attrs, const PangoLayoutLine *line,
                                    const char *utf8, const text_style *style, opener_halts *halts)
{
    const char *p = utf8 + line->start_index, *end = p + line->length;
    while (p < end && g_utf8_get_char(p) == 0x200B)
        p = g_utf8_next_char(p);
    bool indented = line->is_paragraph_start && style->indent > 0;
    if (!(p < end && style->tracking == 0 && style->face < FACE_GW_XBS && !indented &&
          cjk_is_opening(g_utf8_get_char(p))))
        return false;
    /* unless already half-width */
    PangoAttrIterator *it = pango_attr_list_get_iterator(attrs);
    bool has = false;
    do {
        int s0, e0;
        pango_attr_iterator_range(it, &s0, &e0);
        if (s0 <= p - utf8 && p - utf8 < e0)
            has = pango_attr_iterator_get(it, PANGO_ATTR_FONT_FEATURES) != NULL;
    } while (!has && pango_attr_iterator_next(it));
    pango_attr_iterator_destroy(it);
    if (has || halts->n >= (int)(sizeof halts->at / sizeof *halts->at))
        return false;
    PangoAttribute *a = pango_attr_font_features_new("halt");
    a->start_index = (guint)(p - utf8);
    a->end_index = (guint)(g_utf8_next_char(p) - utf8);
    pango_attr_list_insert(attrs, a);
    halts->at[halts->n++] = a->start_index;
    return true;
}

/* No paragraph ends in a line of one character ("村卫生 / 室"): when the
 * line l is such a last line, the break before it is forbidden in attrs, so
 * the line above gives up another. True when it added that. */
static bool keep_lone_last_char(PangoAttrList *attrs, const GSList *l, const char *utf8)
{
    const PangoLayoutLine *line = l->data;
    const char *end = utf8 + line->start_index + line->length;
    /* The last line of a paragraph: one character, beside marks? */
    bool last = !l->next || ((const PangoLayoutLine *)l->next->data)->is_paragraph_start;
    if (!last || line->is_paragraph_start)
        return false;
    /* A run of figures or Latin letters ("100%") counts as one. */
    int count = 0;
    const char *only = NULL;
    bool in_word = false;
    for (const char *q = utf8 + line->start_index; q < end; q = g_utf8_next_char(q)) {
        gunichar c = g_utf8_get_char(q);
        bool word = c < 0x2E80 && (g_unichar_isalnum(c) || c == '%' || c == '.');
        if (!is_mark(c) || word) {
            count += !(word && in_word);
            only = q;
        }
        in_word = word;
    }
    if (count != 1)
        return false;
    const char *before = utf8 + line->start_index;
    if (before == utf8)
        return false;
    before = g_utf8_prev_char(before);
    PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
    a->start_index = (guint)(before - utf8);
    a->end_index = (guint)(g_utf8_next_char(only) - utf8);
    pango_attr_list_insert(attrs, a);
    return true;
}

/* Line starts and last lines, one pass over the lines. Returns true when it
 * changed the layout. */
static bool fix_line_starts_and_widows(PangoLayout *layout, const char *utf8,
                                       const text_style *style, opener_halts *halts)
{
    bool added = false;
    PangoAttrList *attrs = pango_attr_list_copy(pango_layout_get_attributes(layout));
    GSList *lines = pango_layout_get_lines_readonly(layout);
    for (GSList *l = lines; l; l = l->next) {
        added |= halve_line_start_opener(attrs, l->data, utf8, style, halts);
        added |= keep_lone_last_char(attrs, l, utf8);
    }
    if (added)
        pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
    return added;
}

/* Whether a line of layout starts at byte index (break opportunities
 * before it skipped). */
static bool starts_line(PangoLayout *layout, const char *utf8, guint index)
{
    for (GSList *l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
        const PangoLayoutLine *line = l->data;
        const char *p = utf8 + line->start_index;
        while (*p && g_utf8_get_char(p) == 0x200B)
            p = g_utf8_next_char(p);
        if ((guint)(p - utf8) == index)
            return true;
    }
    return false;
}

typedef struct stale_halts {
    const opener_halts *halts;
    PangoLayout *layout;
    const char *utf8;
} stale_halts;

/* pango_attr_list_filter's test: a line-start halt whose mark no longer
 * starts a line. */
static gboolean is_stale_halt(PangoAttribute *a, gpointer data)
{
    const stale_halts *sh = data;
    if (a->klass->type != PANGO_ATTR_FONT_FEATURES ||
        strcmp(((PangoAttrFontFeatures *)a)->features, "halt") != 0)
        return FALSE;
    for (int i = 0; i < sh->halts->n; i++)
        if (sh->halts->at[i] == a->start_index)
            return !starts_line(sh->layout, sh->utf8, a->start_index);
    return FALSE;
}

void text_refine_lines(PangoLayout *layout, const char *utf8, const text_style *style)
{
    enum { ROUNDS = 4 };
    opener_halts halts = {.n = 0};
    for (int round = 0; round < ROUNDS; round++) {
        bool changed = false;
        if (style->align == ALIGN_JUSTIFY && style->tracking == 0)
            changed |= compress_line_ends(layout, utf8);
        changed |= fix_line_starts_and_widows(layout, utf8, style, &halts);
        changed |= enforce_kinsoku(layout, utf8);
        if (!changed)
            break;
    }
    /* A later round may have moved a half-width opener off the line start
     * it was set for: mid-line it would crowd its neighbours (。《“ all
     * half-width). Such a mark gets its full width back. */
    if (halts.n == 0)
        return;
    PangoAttrList *attrs = pango_attr_list_copy(pango_layout_get_attributes(layout));
    stale_halts sh = {&halts, layout, utf8};
    PangoAttrList *removed = pango_attr_list_filter(attrs, is_stale_halt, &sh);
    if (removed) {
        pango_layout_set_attributes(layout, attrs);
        pango_attr_list_unref(removed);
        enforce_kinsoku(layout, utf8);
    }
    pango_attr_list_unref(attrs);
}
