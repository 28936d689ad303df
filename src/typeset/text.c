/* text: see include/typeset/text.h. */
#include "typeset/text.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "typeset/cjk.h"

/* Each face has a prepared font (fonts/Factsheet*.otf: the characters an
 * office needs, without CFF subroutines, so PDFs stay small and rendering
 * fast) and the full Noto face for the rare characters the prepared one
 * lacks. A text is set in one of the two as a whole, chosen by coverage. */
struct text_fonts {
    FcConfig *config;
    PangoFontMap *map;
    PangoContext *ctx;
    PangoFontDescription *faces[FACE_LAST];    /* prepared or official, or NULL */
    PangoFontDescription *fallback[FACE_LAST]; /* the full face, or NULL */
    FcCharSet *cover[FACE_LAST], *fallback_cover[FACE_LAST];
    char substitute[FACE_LAST][160];           /* "" when the official font is used */
    bool available[FACE_LAST];
    /* Texts already set, by string, style and width (text_cache_key): the
     * one-leaf layout tries several variants and forms, and each attempt
     * sets most texts of the sheet again, identically. Each entry holds a
     * reference; a text is immutable once set. */
    GHashTable *made;
};

/* Past this many texts the cache starts afresh: about one sheet's worth
 * (the 2025 sheet sets 325), so a batch of a thousand sheets does not keep
 * them all. Each text holds a few KB: 4 096 had cost a 300-sheet batch
 * 4 MB more peak memory for 2 % fewer instructions. */
enum { TEXT_CACHE_MAX = 512 };

struct text {
    PangoLayout *layout;
    double width; /* the width given, or 0 */
    double shift; /* drawn this far right: half the tracking, centring glyphs on their cells */
    int refs;     /* a paragraph split across pages is shared by its parts */
};

static const struct face_spec {
    const char *prepared, *family; /* our prepared subset (or NULL) and the full face */
    PangoWeight weight;
    int fc_weight;
    const char *official[6];       /* the office's own fonts, preferred when present */
    const char *role;              /* for messages: the font the style asks for */
    const char *shown;             /* for messages: the free font standing in for it */
} face_specs[FACE_LAST] = {
    [FACE_SANS] = {"Factsheet Sans SC", "Noto Sans CJK SC", PANGO_WEIGHT_NORMAL,
                   FC_WEIGHT_REGULAR, {NULL}, NULL, NULL},
    [FACE_SANS_BOLD] = {"Factsheet Sans SC", "Noto Sans CJK SC", PANGO_WEIGHT_BOLD,
                        FC_WEIGHT_BOLD, {NULL}, NULL, NULL},
    [FACE_SERIF] = {"Factsheet Serif SC", "Noto Serif CJK SC", PANGO_WEIGHT_NORMAL,
                    FC_WEIGHT_REGULAR, {NULL}, NULL, NULL},
    [FACE_SERIF_BOLD] = {"Factsheet Serif SC", "Noto Serif CJK SC", PANGO_WEIGHT_BOLD,
                         FC_WEIGHT_BOLD, {NULL}, NULL, NULL},
    /* The stand-ins of the official style: a heavy display serif for
     * 小标宋; 黑体 is a plain sans of regular weight, not a bold; 仿宋 and
     * 楷体 are the Fandol faces (prepared from Debian's texlive-lang-chinese),
     * their rare characters from Noto Serif and LXGW WenKai. */
    [FACE_GW_XBS] = {"Factsheet Serif SC", "Noto Serif CJK SC", PANGO_WEIGHT_BOLD,
                     FC_WEIGHT_BOLD,
                     {"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", NULL},
                     "方正小标宋简体", "Noto Serif CJK SC Bold"},
    [FACE_GW_HEI] = {"Factsheet Sans SC", "Noto Sans CJK SC", PANGO_WEIGHT_NORMAL,
                     FC_WEIGHT_REGULAR, {"黑体", "SimHei", "方正黑体_GBK", NULL}, "黑体",
                     "Noto Sans CJK SC"},
    [FACE_GW_FANGSONG] = {"Factsheet Fang SC", "Noto Serif CJK SC", PANGO_WEIGHT_NORMAL,
                          FC_WEIGHT_REGULAR,
                          {"仿宋_GB2312", "FangSong_GB2312", "方正仿宋_GBK", "仿宋", "FangSong",
                           NULL},
                          "仿宋_GB2312", "FandolFang"},
    [FACE_GW_KAI] = {"Factsheet Kai SC", "LXGW WenKai", PANGO_WEIGHT_NORMAL, FC_WEIGHT_REGULAR,
                     {"楷体_GB2312", "KaiTi_GB2312", "方正楷体_GBK", "楷体", "KaiTi", NULL},
                     "楷体_GB2312", "FandolKai"},
    [FACE_GW_SONG] = {"Factsheet Serif SC", "Noto Serif CJK SC", PANGO_WEIGHT_NORMAL,
                      FC_WEIGHT_REGULAR, {"宋体", "SimSun", "方正书宋_GBK", NULL}, "宋体",
                      "Noto Serif CJK SC"},
};

const char *text_face_family(text_face face)
{
    return face < FACE_LAST ? face_specs[face].family : "?";
}

const char *text_face_substitute(const text_fonts *f, text_face face, bool *available)
{
    *available = face < FACE_LAST && f->available[face];
    return face < FACE_LAST && f->substitute[face][0] ? f->substitute[face] : NULL;
}


/* The character set of family at exactly this weight (any weight when
 * weight < 0) in config (a copy to destroy), or NULL when config does not
 * hold it. */
static FcCharSet *face_charset(FcConfig *config, const char *family, int weight)
{
    FcPattern *pat = weight < 0
                         ? FcPatternBuild(NULL, FC_FAMILY, FcTypeString, (const FcChar8 *)family,
                                          (char *)NULL)
                         : FcPatternBuild(NULL, FC_FAMILY, FcTypeString, (const FcChar8 *)family,
                                          FC_WEIGHT, FcTypeInteger, weight, (char *)NULL);
    FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, FC_WEIGHT, FC_CHARSET, (char *)NULL);
    FcFontSet *set = pat && os ? FcFontList(config, pat, os) : NULL;
    FcCharSet *cs = NULL, *found = NULL;
    if (set && set->nfont > 0 &&
        FcPatternGetCharSet(set->fonts[0], FC_CHARSET, 0, &found) == FcResultMatch)
        cs = FcCharSetCopy(found);
    if (set)
        FcFontSetDestroy(set);
    if (os)
        FcObjectSetDestroy(os);
    if (pat)
        FcPatternDestroy(pat);
    return cs;
}

/* The charset of any face of family in config (a copy), or NULL. */
static FcCharSet *family_charset(FcConfig *config, const char *family)
{
    return face_charset(config, family, -1);
}

static PangoFontDescription *face_desc(const char *family, PangoWeight weight)
{
    PangoFontDescription *d = pango_font_description_new();
    pango_font_description_set_family_static(d, family);
    pango_font_description_set_weight(d, weight);
    return d;
}

/* A cache key: every input of text_new, exactly (the numbers bit for bit,
 * then the string), behind its length. Packed field by field, so no padding
 * byte of text_style takes part; the same key through printf("%a") cost ten
 * times as much. */
typedef struct cache_key {
    size_t len;
    unsigned char bytes[];
} cache_key;

/* A field added to text_style must join the key, or two texts that differ
 * only in it would share one cache entry: this fails to compile when
 * text_style grows (a mirror of its fields, in order). */
struct text_style_fields {
    text_face face;
    double size, pitch;
    text_align align;
    double indent, han_latin_em, tracking;
};
_Static_assert(sizeof(text_style) == sizeof(struct text_style_fields),
               "text_style changed: add the new field to text_cache_key");

static cache_key *text_cache_key(const char *utf8, const text_style *s, double width)
{
    const int ints[] = {(int)s->face, (int)s->align};
    const double nums[] = {s->size, s->pitch, s->indent, s->han_latin_em, s->tracking, width};
    size_t n = strlen(utf8);
    cache_key *k = g_malloc(sizeof *k + sizeof ints + sizeof nums + n);
    k->len = sizeof ints + sizeof nums + n;
    memcpy(k->bytes, ints, sizeof ints);
    memcpy(k->bytes + sizeof ints, nums, sizeof nums);
    memcpy(k->bytes + sizeof ints + sizeof nums, utf8, n);
    return k;
}

static guint cache_key_hash(const void *p)
{
    const cache_key *k = p;
    guint h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < k->len; i++)
        h = (h ^ k->bytes[i]) * 16777619u;
    return h;
}

static gboolean cache_key_equal(const void *a, const void *b)
{
    const cache_key *x = a, *y = b;
    return x->len == y->len && memcmp(x->bytes, y->bytes, x->len) == 0;
}

static void forget_text(void *t)
{
    text_free(t);
}

/* The font options a surface of kind target draws text with: cairo merges
 * them into whatever font a text was measured with, and a font whose
 * options differ (cairo 1.16's PDF and image surfaces set
 * round-glyph-positions, which has no public setter) is another cairo font,
 * whose glyphs are loaded again. So the options are taken from a throwaway
 * surface of that kind. Not for SVG: every surface made takes a number that
 * the SVG file names its parts by ("surface6"), and SVG is rare. */
static cairo_font_options_t *target_font_options(text_target target)
{
    cairo_font_options_t *opts = cairo_font_options_create();
    if (target == TEXT_FOR_SVG)
        return opts;
    cairo_surface_t *s = target == TEXT_FOR_IMAGE
                             ? cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1)
                             : cairo_pdf_surface_create_for_stream(NULL, NULL, 1, 1);
    cairo_surface_get_font_options(s, opts);
    cairo_surface_destroy(s);
    return opts;
}

text_fonts *text_fonts_new(const char *conf_path, text_target target, diag_list *dl)
{
    text_fonts *f = calloc(1, sizeof *f);
    if (!f) {
        diag_error(dl, conf_path, "%s", _("out of memory"));
        return NULL;
    }
    /* fontconfig reads a relative file name against /etc/fonts, not the
     * working directory: make it absolute first. */
    char *abs = realpath(conf_path, NULL);
    f->config = FcConfigCreate();
    bool loaded = f->config && abs && FcConfigParseAndLoad(f->config, (const FcChar8 *)abs, FcTrue);
    free(abs);
    if (!loaded ||
        !FcConfigBuildFonts(f->config)) {
        diag_error(dl, conf_path, "%s", _("cannot load the font configuration"));
        goto fail;
    }
    bool missing = false;
    for (int i = 0; i < FACE_LAST; i++) {
        const struct face_spec *fs = &face_specs[i];
        /* The office's own font first: then no fallback, a character it
         * lacks is an error rather than a glyph of another design. */
        for (int k = 0; fs->official[k] && !f->cover[i]; k++) {
            f->cover[i] = family_charset(f->config, fs->official[k]);
            if (f->cover[i])
                f->faces[i] = face_desc(fs->official[k], PANGO_WEIGHT_NORMAL);
        }
        if (f->cover[i]) {
            f->available[i] = true;
            continue;
        }
        if (fs->prepared)
            f->cover[i] = face_charset(f->config, fs->prepared, fs->fc_weight);
        f->fallback_cover[i] = face_charset(f->config, fs->family, fs->fc_weight);
        f->available[i] = f->cover[i] || f->fallback_cover[i];
        if (fs->role)
            snprintf(f->substitute[i], sizeof f->substitute[i], "%s → %s", fs->role, fs->shown);
        if (f->fallback_cover[i] || fs->role) /* official faces are needed by gongwen only */
            continue;
        diag_error(dl, conf_path,
                   _("font \"%s\" (%s) not found; install Debian's fonts-noto-cjk (make does) "
                     "or put the font file into fonts/"),
                   fs->family, fs->weight == PANGO_WEIGHT_BOLD ? _("bold") : _("regular"));
        missing = true;
    }
    if (missing)
        goto fail;

    /* Make ours the process's current configuration before Pango starts:
     * Pango 1.50 calls FcInit() in a thread of its own, which would otherwise
     * load the system's configuration and every system font's cache (tens of
     * megabytes and milliseconds we never use). */
    FcConfigSetCurrent(f->config);
    f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!f->map) {
        diag_error(dl, conf_path, "%s", _("cannot create the Pango font map"));
        goto fail;
    }
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), f->config);
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(f->map), 72.0);
    f->ctx = pango_font_map_create_context(f->map);
    pango_context_set_round_glyph_positions(f->ctx, FALSE);
    f->made = g_hash_table_new_full(cache_key_hash, cache_key_equal, g_free, forget_text);
    pango_context_set_language(f->ctx, pango_language_from_string("zh-cn"));
    cairo_font_options_t *opts = target_font_options(target);
    cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(opts, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(f->ctx, opts);
    cairo_font_options_destroy(opts);

    for (int i = 0; i < FACE_LAST; i++) {
        if (f->faces[i])
            continue; /* the office's own font */
        if (f->cover[i])
            f->faces[i] = face_desc(face_specs[i].prepared, face_specs[i].weight);
        if (f->fallback_cover[i])
            f->fallback[i] = face_desc(face_specs[i].family, face_specs[i].weight);
    }
    return f;

fail:
    text_fonts_free(f);
    return NULL;
}

void text_fonts_free(text_fonts *f)
{
    if (!f)
        return;
    for (int i = 0; i < FACE_LAST; i++) {
        if (f->faces[i])
            pango_font_description_free(f->faces[i]);
        if (f->fallback[i])
            pango_font_description_free(f->fallback[i]);
        if (f->cover[i])
            FcCharSetDestroy(f->cover[i]);
        if (f->fallback_cover[i])
            FcCharSetDestroy(f->fallback_cover[i]);
    }
    if (f->made)
        g_hash_table_destroy(f->made);
    if (f->ctx)
        g_object_unref(f->ctx);
    if (f->map)
        g_object_unref(f->map);
    if (f->config)
        FcConfigDestroy(f->config);
    free(f);
}

/* Returns the first code point drawn as an unknown glyph, or 0. */
static uint32_t first_unknown(PangoLayout *layout)
{
    if (pango_layout_get_unknown_glyphs_count(layout) == 0)
        return 0;
    uint32_t found = 0;
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (!run)
            continue;
        for (int g = 0; g < run->glyphs->num_glyphs && !found; g++) {
            PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
            if (glyph & PANGO_GLYPH_UNKNOWN_FLAG)
                found = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
        }
    } while (!found && pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
    return found ? found : 0xFFFD;
}

static text *text_new_refined(text_fonts *f, const char *utf8, const text_style *style,
                              double width, uint32_t *missing, const cjk_text *cjk);

/* True when every character of utf8 is in cs; else *first gets the first
 * that is not. Line breaks and tabs need no glyph. */
static bool covers(const FcCharSet *cs, const char *utf8, uint32_t *first)
{
    for (const char *p = utf8; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        /* Line breaks, tabs and invisible format characters need no glyph. */
        if (c == '\n' || c == '\t' || c == '\r' || (c >= 0x200B && c <= 0x200F) ||
            c == 0x2060 || c == 0xFEFF)
            continue;
        if (!FcCharSetHasChar(cs, c)) {
            *first = c;
            return false;
        }
    }
    return true;
}

static text *text_set(text_fonts *f, const char *utf8, const text_style *style, double width,
                      uint32_t *missing);

text *text_new(text_fonts *f, const char *utf8, const text_style *style, double width,
               uint32_t *missing)
{
    *missing = 0;
    cache_key *key = text_cache_key(utf8, style, width);
    text *t = g_hash_table_lookup(f->made, key);
    if (t) {
        g_free(key);
        return text_ref(t);
    }
    t = text_set(f, utf8, style, width, missing);
    if (!t) {
        g_free(key);
        return NULL;
    }
    if (g_hash_table_size(f->made) >= TEXT_CACHE_MAX)
        g_hash_table_remove_all(f->made);
    g_hash_table_insert(f->made, key, text_ref(t));
    return t;
}

/* text_new without the cache. */
static text *text_set(text_fonts *f, const char *utf8, const text_style *style, double width,
                      uint32_t *missing)
{
    /* Chinese typesetting Pango 1.50 lacks, for running text (cjk.h). */
    cjk_text refined = {0};
    if (width > 0 || style->han_latin_em > 0) {
        if (!cjk_refine(utf8, style->han_latin_em, &refined))
            return NULL;
        utf8 = refined.text;
    }
    text *t = text_new_refined(f, utf8, style, width, missing, &refined);
    cjk_text_free(&refined);
    return t;
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

/* CLREQ: an opening bracket or quote that starts a line is set half-width
 * (its blank half would read as an indent), except on an indented first
 * line and in the official faces (GB/T 9704 keeps every mark in its cell); and no paragraph ends in a line of one character ("村卫生 / 室"):
 * the break before it is forbidden, so the line above gives up another.
 * Returns true when it changed the layout. */
/* The opening marks set half-width for standing at a line's start. */
typedef struct opener_halts {
    guint at[64];
    int n;
} opener_halts;

static bool fix_line_starts_and_widows(PangoLayout *layout, const char *utf8,
                                       const text_style *style, opener_halts *halts)
{
    bool added = false;
    PangoAttrList *attrs = pango_attr_list_copy(pango_layout_get_attributes(layout));
    GSList *lines = pango_layout_get_lines_readonly(layout);
    for (GSList *l = lines; l; l = l->next) {
        const PangoLayoutLine *line = l->data;
        const char *p = utf8 + line->start_index, *end = p + line->length;
        while (p < end && g_utf8_get_char(p) == 0x200B)
            p = g_utf8_next_char(p);
        bool indented = line->is_paragraph_start && style->indent > 0;
        if (p < end && style->tracking == 0 && style->face < FACE_GW_XBS && !indented &&
            cjk_is_opening(g_utf8_get_char(p))) {
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
            if (!has && halts->n < (int)(sizeof halts->at / sizeof *halts->at)) {
                PangoAttribute *a = pango_attr_font_features_new("halt");
                a->start_index = (guint)(p - utf8);
                a->end_index = (guint)(g_utf8_next_char(p) - utf8);
                pango_attr_list_insert(attrs, a);
                halts->at[halts->n++] = a->start_index;
                added = true;
            }
        }
        /* The last line of a paragraph: one character, beside marks? */
        bool last = !l->next || ((const PangoLayoutLine *)l->next->data)->is_paragraph_start;
        if (!last || line->is_paragraph_start)
            continue;
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
            continue;
        const char *before = utf8 + line->start_index;
        if (before == utf8)
            continue;
        before = g_utf8_prev_char(before);
        PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
        a->start_index = (guint)(before - utf8);
        a->end_index = (guint)(g_utf8_next_char(only) - utf8);
        pango_attr_list_insert(attrs, a);
        added = true;
    }
    if (added)
        pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
    return added;
}

/* The line-by-line refinements, repeated while one changes the breaks the
 * others looked at. */
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

static void fix_lines(PangoLayout *layout, const char *utf8, const text_style *style)
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

/* Space to set after one character, by position (see place_gaps). */
typedef struct gap_at {
    size_t index; /* the character's first byte */
    int amount;   /* Pango units */
} gap_at;

typedef struct gap_list {
    gap_at *at;
    size_t n, cap;
} gap_list;

static bool gap_add(gap_list *l, size_t index, int amount)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        gap_at *at = realloc(l->at, cap * sizeof *at);
        if (!at)
            return false;
        l->at = at;
        l->cap = cap;
    }
    l->at[l->n++] = (gap_at){index, amount};
    return true;
}

static int gap_cmp(const void *a, const void *b)
{
    size_t x = ((const gap_at *)a)->index, y = ((const gap_at *)b)->index;
    return x < y ? -1 : x > y;
}

/* The gap on the character at byte index, or 0. */
static int gap_lookup(const gap_list *l, size_t index)
{
    size_t lo = 0, hi = l->n; /* sorted by index */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (l->at[mid].index == index)
            return l->at[mid].amount;
        if (l->at[mid].index < index)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Pango set half of each gap's letter spacing before its character and
 * half after, and took the half at a line's start or end away. All of it
 * goes behind the character, and none at a line's end: the gap is space
 * between two characters, never an indent or a hole at the margin. Widths
 * only shrink or stay, so the lines still fit. The lines are taken with
 * pango_layout_get_lines, which tells Pango not to cache their extents. */
static void place_gaps(PangoLayout *layout, const gap_list *gaps)
{
    for (GSList *l = pango_layout_get_lines(layout); l; l = l->next) {
        PangoLayoutLine *line = l->data;
        for (GSList *r = line->runs; r; r = r->next) {
            PangoGlyphItem *run = r->data;
            PangoGlyphString *gs = run->glyphs;
            for (int g = 0; g < gs->num_glyphs; g++) {
                size_t index = (size_t)(run->item->offset + gs->log_clusters[g]);
                int half = gap_lookup(gaps, index) / 2;
                if (!half || (g > 0 && gs->log_clusters[g - 1] == gs->log_clusters[g]))
                    continue;
                bool at_start = r == line->runs && g == 0;
                bool at_end = !r->next && g == gs->num_glyphs - 1;
                if (!at_start) {
                    gs->glyphs[g].geometry.x_offset -= half;
                    gs->glyphs[g].geometry.width -= half;
                }
                if (!at_end)
                    gs->glyphs[g].geometry.width += half;
            }
        }
    }
}

/* True where justification may add space after c when next follows: between
 * Han characters and beside full-width punctuation, never inside a run of
 * digits or Latin letters nor at a Han–Latin boundary (its gap is fixed). */
static bool can_spread(gunichar c, gunichar next)
{
    bool c_mark = cjk_is_closing(c) || cjk_is_opening(c) || c == 0x3001 || c == 0x00B7 ||
                  c == 0x2014 || c == 0x2026;
    bool n_mark = cjk_is_closing(next) || cjk_is_opening(next) || next == 0x2014 ||
                  next == 0x2026;
    if (cjk_is_opening(c) || cjk_is_closing(next))
        return false; /* a mark stays with the character it belongs to */
    return (cjk_is_han(c) || c_mark) && (cjk_is_han(next) || n_mark);
}

/* Justification by hand: Pango 1.50 spreads a line's slack between every
 * pair of characters, "2 7 . 6 2 %" included. Here it goes only where
 * can_spread allows; a line with no such place stays ragged. The last line
 * of each paragraph is not spread. */
static void justify(PangoLayout *layout, const char *utf8, double size)
{
    int width = pango_layout_get_width(layout), indent = pango_layout_get_indent(layout);
    int max_spread = (int)(0.095 * size * PANGO_SCALE);
    enum { MAX_GLYPHS = 512 };
    for (GSList *l = pango_layout_get_lines(layout); l; l = l->next) {
        PangoLayoutLine *line = l->data;
        if (!l->next || ((PangoLayoutLine *)l->next->data)->is_paragraph_start)
            continue;
        int avail = width - (line->is_paragraph_start && indent > 0 ? indent : 0);
        PangoGlyphInfo *where[MAX_GLYPHS];
        int n = 0, natural = 0;
        gunichar prev = 0;
        PangoGlyphInfo *prev_glyph = NULL;
        for (GSList *r = line->runs; r; r = r->next) {
            PangoGlyphItem *run = r->data;
            PangoGlyphString *gs = run->glyphs;
            for (int g = 0; g < gs->num_glyphs; g++) {
                natural += gs->glyphs[g].geometry.width;
                if (g > 0 && gs->log_clusters[g - 1] == gs->log_clusters[g]) {
                    prev_glyph = &gs->glyphs[g];
                    continue;
                }
                gunichar c = g_utf8_get_char(utf8 + run->item->offset + gs->log_clusters[g]);
                if (c == 0x200B) /* a break opportunity: invisible, not a character */
                    continue;
                if (prev_glyph && can_spread(prev, c) && n < MAX_GLYPHS)
                    where[n++] = prev_glyph;
                prev = c;
                prev_glyph = &gs->glyphs[g];
            }
        }
        int slack = avail - natural;
        if (n == 0 || slack <= 0)
            continue;
        /* No more than a tenth of an em at one place: a wider gap reads as a
         * word space when the text is copied from the PDF (see style.c's
         * HAN_LATIN_EM); a line that needs more is left short. */
        if (slack > n * max_spread)
            slack = n * max_spread;
        for (int i = 0; i < n; i++) /* the remainder of the division goes to the first */
            where[i]->geometry.width += slack / n + (i < slack % n ? 1 : 0);
    }
}

static text *text_new_refined(text_fonts *f, const char *utf8, const text_style *style,
                              double width, uint32_t *missing, const cjk_text *cjk)
{
    /* The prepared face when it has every character, else the full face;
     * a character neither has is reported before anything is set. */
    const PangoFontDescription *face = f->fallback[style->face];
    uint32_t first = 0;
    if (f->cover[style->face] && covers(f->cover[style->face], utf8, &first))
        face = f->faces[style->face];
    else if (!f->fallback_cover[style->face] ||
             !covers(f->fallback_cover[style->face], utf8, &first)) {
        *missing = first ? first : 0xFFFD;
        return NULL;
    }
    text *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->refs = 1;
    t->layout = pango_layout_new(f->ctx);
    if (!t->layout) {
        free(t);
        return NULL;
    }
    PangoFontDescription *desc = pango_font_description_copy_static(face);
    pango_font_description_set_absolute_size(desc, style->size * PANGO_SCALE);
    pango_layout_set_font_description(t->layout, desc);
    pango_font_description_free(desc);

    PangoAttrList *attrs = pango_attr_list_new();
    /* No fallback: a character missing from the chosen face shows up as an
     * unknown glyph we can report, instead of a silent substitute. */
    pango_attr_list_insert(attrs, pango_attr_fallback_new(FALSE));
    if (style->pitch > 0)
        pango_attr_list_insert(attrs, pango_attr_line_height_new_absolute(
                                          (int)(style->pitch * PANGO_SCALE + 0.5)));
    /* Rounded down, so that n cells of size + tracking always hold n
     * characters. */
    if (style->tracking != 0)
        pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(
                                          (int)floor(style->tracking * PANGO_SCALE)));
    /* On a character grid (tracking set: the official style) every mark
     * keeps its full cell; compression would pull the grid out of line. */
    for (size_t i = 0; style->tracking == 0 && i < cjk->n_halt; i++) {
        PangoAttribute *a = pango_attr_font_features_new("halt");
        a->start_index = (guint)cjk->halt[i].start;
        a->end_index = (guint)cjk->halt[i].end;
        pango_attr_list_insert(attrs, a);
    }
    /* The Han–Latin gap as letter spacing on the character before the
     * boundary, so lines are broken with it counted; Pango sets half of it
     * on each side of that character, and place_gaps moves it all behind.
     * An odd number of units: Pango would round an even one. */
    int gap = (int)(style->han_latin_em * style->size * PANGO_SCALE) | 1,
        tracking = (int)floor(style->tracking * PANGO_SCALE);
    gap_list gaps = {0};
    for (size_t i = 0; style->han_latin_em > 0 && i < cjk->n_gaps; i++) {
        PangoAttribute *a = pango_attr_letter_spacing_new(tracking + gap);
        a->start_index = (guint)cjk->gaps[i].start;
        a->end_index = (guint)cjk->gaps[i].end;
        pango_attr_list_insert(attrs, a);
        if (!gap_add(&gaps, cjk->gaps[i].start, gap)) {
            pango_attr_list_unref(attrs);
            goto oom;
        }
    }
    /* A figure never breaks from its unit; a run that might not fit a line
     * of its own is left to break (Pango would run it past the edge). */
    for (size_t i = 0; width > 0 && i < cjk->n_keeps; i++) {
        long chars = g_utf8_strlen(utf8 + cjk->keeps[i].start,
                                   (gssize)(cjk->keeps[i].end - cjk->keeps[i].start));
        if (chars * (style->size + style->tracking) > width)
            continue;
        PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
        a->start_index = (guint)cjk->keeps[i].start;
        a->end_index = (guint)cjk->keeps[i].end;
        pango_attr_list_insert(attrs, a);
    }
    pango_layout_set_attributes(t->layout, attrs);
    pango_attr_list_unref(attrs);

    if (width > 0) {
        t->width = width;
        /* Pango adds the tracking between characters, not after a line's
         * last one: a line of n cells is n * (size + tracking) - tracking
         * wide. Drawn half a tracking to the left, each glyph is centred on
         * its cell, and a full line fills the width exactly (a grid). */
        t->shift = style->tracking / 2;
        pango_layout_set_width(t->layout, (int)((width - style->tracking) * PANGO_SCALE));
        pango_layout_set_wrap(t->layout, PANGO_WRAP_WORD_CHAR);
    }
    switch (style->align) {
    case ALIGN_LEFT: pango_layout_set_alignment(t->layout, PANGO_ALIGN_LEFT); break;
    case ALIGN_CENTER: pango_layout_set_alignment(t->layout, PANGO_ALIGN_CENTER); break;
    case ALIGN_RIGHT: pango_layout_set_alignment(t->layout, PANGO_ALIGN_RIGHT); break;
    case ALIGN_JUSTIFY: pango_layout_set_alignment(t->layout, PANGO_ALIGN_LEFT); break;
    }
    if (style->indent > 0)
        pango_layout_set_indent(t->layout, (int)(style->indent * PANGO_SCALE));
    pango_layout_set_text(t->layout, utf8, -1);
    if (width > 0)
        fix_lines(t->layout, utf8, style);
    /* Glyph positions last: any later change of attributes would set the
     * lines again and undo them. */
    if (gaps.n > 0) {
        qsort(gaps.at, gaps.n, sizeof *gaps.at, gap_cmp);
        place_gaps(t->layout, &gaps);
    }
    free(gaps.at);
    gaps.at = NULL;
    /* On a character grid a line of whole cells is full already; one with
     * figures in it stays short rather than pull the cells off the grid.
     * (Snapping figures to whole cells, as Word does, was tried: the space
     * left beside them is wider than a tenth of an em, and copied text
     * then reads "433 个".) */
    if (style->align == ALIGN_JUSTIFY && width > 0 && style->tracking == 0)
        justify(t->layout, utf8, style->size);

    uint32_t cp = first_unknown(t->layout);
    if (cp) {
        *missing = cp;
        text_free(t);
        return NULL;
    }
    return t;

oom:
    free(gaps.at);
    text_free(t);
    return NULL;
}

void text_free(text *t)
{
    if (!t || --t->refs > 0)
        return;
    g_object_unref(t->layout);
    free(t);
}

text *text_ref(text *t)
{
    t->refs++;
    return t;
}

void text_line_span(const text *t, int line, double *top, double *bottom)
{
    PangoLayoutIter *it = pango_layout_get_iter(t->layout);
    for (int i = 0; i < line && pango_layout_iter_next_line(it); i++)
        ;
    int y0, y1;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    pango_layout_iter_free(it);
    *top = (double)y0 / PANGO_SCALE;
    *bottom = (double)y1 / PANGO_SCALE;
}

void text_draw_lines(const text *t, cairo_t *cr, double x, double y, int first, int count)
{
    /* Each line at its own baseline, shifted so line `first` starts at y. */
    PangoLayoutIter *it = pango_layout_get_iter(t->layout);
    double shift = 0;
    int i = 0;
    do {
        if (i == first) {
            int y0, y1;
            pango_layout_iter_get_line_yrange(it, &y0, &y1);
            shift = (double)y0 / PANGO_SCALE;
        }
        if (i >= first && i < first + count) {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, NULL, &logical);
            double base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
            cairo_move_to(cr, x + t->shift + (double)logical.x / PANGO_SCALE, y + base - shift);
            pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
        }
        i++;
    } while (i < first + count && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

double text_width(const text *t)
{
    PangoRectangle logical;
    pango_layout_get_extents(t->layout, NULL, &logical);
    return (double)logical.width / PANGO_SCALE;
}

double text_height(const text *t)
{
    PangoRectangle logical;
    pango_layout_get_extents(t->layout, NULL, &logical);
    return (double)logical.height / PANGO_SCALE;
}

double text_baseline(const text *t)
{
    return (double)pango_layout_get_baseline(t->layout) / PANGO_SCALE;
}

int text_line_count(const text *t)
{
    return pango_layout_get_line_count(t->layout);
}

void text_draw(const text *t, cairo_t *cr, double x, double y)
{
    cairo_move_to(cr, x + t->shift, y);
    pango_cairo_show_layout(cr, t->layout);
}

/* The font behind a Pango run, as text_run names it. */
static void run_font(PangoFont *font, text_run *r)
{
    FcPattern *pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8 *s = NULL;
    int v = 0;
    r->font_file = FcPatternGetString(pat, FC_FILE, 0, &s) == FcResultMatch ? (char *)s : "";
    r->font_index = FcPatternGetInteger(pat, FC_INDEX, 0, &v) == FcResultMatch ? v & 0xFFFF : 0;
    r->family = FcPatternGetString(pat, FC_FAMILY, 0, &s) == FcResultMatch ? (char *)s : "";
    r->font_name =
        FcPatternGetString(pat, FC_POSTSCRIPT_NAME, 0, &s) == FcResultMatch ? (char *)s : r->family;
    r->bold = FcPatternGetInteger(pat, FC_WEIGHT, 0, &v) == FcResultMatch && v >= FC_WEIGHT_BOLD;
    r->italic = FcPatternGetInteger(pat, FC_SLANT, 0, &v) == FcResultMatch && v != FC_SLANT_ROMAN;
    PangoFontDescription *d = pango_font_describe_with_absolute_size(font);
    r->size = (double)pango_font_description_get_size(d) / PANGO_SCALE;
    pango_font_description_free(d);
}

/* The glyphs of one run drawn with its left end at x on baseline `base`,
 * as pango_renderer_draw_layout_line places them. Returns the run's width,
 * or -1 when out of memory. */
static double emit_run(const PangoGlyphItem *run, const char *all, double x, double base,
                       text_run_fn fn, void *user, text_glyph **buf, int *cap)
{
    const PangoGlyphString *gs = run->glyphs;
    if (gs->num_glyphs > *cap) {
        text_glyph *nb = realloc(*buf, (size_t)gs->num_glyphs * sizeof *nb);
        if (!nb)
            return -1;
        *buf = nb;
        *cap = gs->num_glyphs;
    }
    const PangoItem *item = run->item;
    double pen = x + (double)run->start_x_offset / PANGO_SCALE;
    double rise = (double)run->y_offset / PANGO_SCALE;
    int n = 0;
    for (int i = 0; i < gs->num_glyphs; i++) {
        const PangoGlyphInfo *gi = &gs->glyphs[i];
        double advance = (double)gi->geometry.width / PANGO_SCALE;
        PangoGlyph g = gi->glyph;
        if (g != PANGO_GLYPH_EMPTY && !(g & PANGO_GLYPH_UNKNOWN_FLAG)) {
            int c = gs->log_clusters[i], j = i;
            while (j < gs->num_glyphs && gs->log_clusters[j] == c)
                j++;
            int end = j < gs->num_glyphs && gs->log_clusters[j] > c ? gs->log_clusters[j]
                                                                     : item->length;
            (*buf)[n++] = (text_glyph){
                .id = g,
                .x = pen + (double)gi->geometry.x_offset / PANGO_SCALE,
                .y = base - rise + (double)gi->geometry.y_offset / PANGO_SCALE,
                .advance = advance,
                .cluster = c,
                .cluster_len = end - c,
            };
        }
        pen += advance;
    }
    if (n > 0) {
        text_run r = {.utf8 = all + item->offset, .utf8_len = item->length, .glyphs = *buf,
                      .n_glyphs = n};
        run_font(item->analysis.font, &r);
        fn(&r, user);
    }
    return pen - x + (double)run->end_x_offset / PANGO_SCALE;
}

bool text_glyph_runs(const text *t, double x, double y, int first, int count, text_run_fn fn,
                     void *user)
{
    const char *all = pango_layout_get_text(t->layout);
    PangoLayoutIter *it = pango_layout_get_iter(t->layout);
    text_glyph *buf = NULL;
    int cap = 0, i = 0;
    double shift = 0;
    bool ok = true;
    do {
        if (i == first) {
            int y0, y1;
            pango_layout_iter_get_line_yrange(it, &y0, &y1);
            shift = (double)y0 / PANGO_SCALE;
        }
        if (i >= first && (count <= 0 || i < first + count)) {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, NULL, &logical);
            double base = y + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE - shift;
            double pen = x + t->shift + (double)logical.x / PANGO_SCALE;
            PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
            for (GSList *r = line->runs; r && ok; r = r->next) {
                double w = emit_run(r->data, all, pen, base, fn, user, &buf, &cap);
                ok = w >= 0;
                pen += w;
            }
        }
        i++;
    } while (ok && (count <= 0 || i < first + count) && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    free(buf);
    return ok;
}
