/* text_fonts: the font set-up of the text module (text_priv.h): a private
 * fontconfig configuration, the faces each style names and what they cover,
 * and the Pango context every text is set in. */
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "text_priv.h"

static const struct face_spec {
    const char *prepared, *family; /* our prepared subset (or NULL) and the full face */
    PangoWeight weight;
    int fc_weight;
    const char *official[6]; /* the office's own fonts, preferred when present */
    const char *role;        /* for messages: the font the style asks for */
    const char *shown;       /* for messages: the free font standing in for it */
} face_specs[FACE_LAST] = {
    [FACE_SANS] = {"Factsheet Sans SC",
                   "Noto Sans CJK SC",
                   PANGO_WEIGHT_NORMAL,
                   FC_WEIGHT_REGULAR,
                   {NULL},
                   NULL,
                   NULL},
    [FACE_SANS_BOLD] = {"Factsheet Sans SC",
                        "Noto Sans CJK SC",
                        PANGO_WEIGHT_BOLD,
                        FC_WEIGHT_BOLD,
                        {NULL},
                        NULL,
                        NULL},
    [FACE_SERIF] = {"Factsheet Serif SC",
                    "Noto Serif CJK SC",
                    PANGO_WEIGHT_NORMAL,
                    FC_WEIGHT_REGULAR,
                    {NULL},
                    NULL,
                    NULL},
    [FACE_SERIF_BOLD] = {"Factsheet Serif SC",
                         "Noto Serif CJK SC",
                         PANGO_WEIGHT_BOLD,
                         FC_WEIGHT_BOLD,
                         {NULL},
                         NULL,
                         NULL},
    /* The stand-ins of the official style: a heavy display serif for
     * 小标宋; 黑体 is a plain sans of regular weight, not a bold; 仿宋 and
     * 楷体 are the Fandol faces (prepared from Debian's texlive-lang-chinese),
     * their rare characters from Noto Serif and LXGW WenKai. */
    [FACE_GW_XBS] = {"Factsheet Serif SC",
                     "Noto Serif CJK SC",
                     PANGO_WEIGHT_BOLD,
                     FC_WEIGHT_BOLD,
                     {"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", NULL},
                     "方正小标宋简体",
                     "Noto Serif CJK SC Bold"},
    [FACE_GW_HEI] = {"Factsheet Sans SC",
                     "Noto Sans CJK SC",
                     PANGO_WEIGHT_NORMAL,
                     FC_WEIGHT_REGULAR,
                     {"黑体", "SimHei", "方正黑体_GBK", NULL},
                     "黑体",
                     "Noto Sans CJK SC"},
    [FACE_GW_FANGSONG] = {"Factsheet Fang SC",
                          "Noto Serif CJK SC",
                          PANGO_WEIGHT_NORMAL,
                          FC_WEIGHT_REGULAR,
                          {"仿宋_GB2312", "FangSong_GB2312", "方正仿宋_GBK", "仿宋", "FangSong",
                           NULL},
                          "仿宋_GB2312",
                          "FandolFang"},
    [FACE_GW_KAI] = {"Factsheet Kai SC",
                     "LXGW WenKai",
                     PANGO_WEIGHT_NORMAL,
                     FC_WEIGHT_REGULAR,
                     {"楷体_GB2312", "KaiTi_GB2312", "方正楷体_GBK", "楷体", "KaiTi", NULL},
                     "楷体_GB2312",
                     "FandolKai"},
    [FACE_GW_SONG] = {"Factsheet Serif SC",
                      "Noto Serif CJK SC",
                      PANGO_WEIGHT_NORMAL,
                      FC_WEIGHT_REGULAR,
                      {"宋体", "SimSun", "方正书宋_GBK", NULL},
                      "宋体",
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
    FcPattern *pat =
        weight < 0
            ? FcPatternBuild(NULL, FC_FAMILY, FcTypeString, (const FcChar8 *)family, (char *)NULL)
            : FcPatternBuild(NULL, FC_FAMILY, FcTypeString, (const FcChar8 *)family, FC_WEIGHT,
                             FcTypeInteger, weight, (char *)NULL);
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

/* Whether config has a face of family. */
static bool has_family(FcConfig *config, const char *family)
{
    FcCharSet *cs = family_charset(config, family);
    if (cs)
        FcCharSetDestroy(cs);
    return cs != NULL;
}

/* Appends text to an XML document, escaped. */
static void xml_text(strbuf *sb, const char *s)
{
    for (const char *c = s; *c; c++)
        switch (*c) {
        case '&': sb_printf(sb, "&amp;"); break;
        case '<': sb_printf(sb, "&lt;"); break;
        case '>': sb_printf(sb, "&gt;"); break;
        default: sb_printf(sb, "%c", *c);
        }
}

/* A configuration of the fonts in dir (the folder of fonts.conf: ours and
 * the office's), read through full's caches as full read them: what Pango
 * sets texts on (see text_priv.h). */
static FcConfig *own_config(FcConfig *full, const char *dir)
{
    strbuf xml = {0};
    sb_printf(&xml, "%s", "<fontconfig><dir>");
    xml_text(&xml, dir);
    sb_printf(&xml, "%s", "</dir>");
    FcStrList *caches = FcConfigGetCacheDirs(full);
    for (FcChar8 *c; caches && (c = FcStrListNext(caches));) {
        sb_printf(&xml, "%s", "<cachedir>");
        xml_text(&xml, (const char *)c);
        sb_printf(&xml, "%s", "</cachedir>");
    }
    FcStrListDone(caches);
    sb_printf(&xml, "%s", "</fontconfig>");
    FcConfig *own = xml.failed ? NULL : FcConfigCreate();
    if (own && !(FcConfigParseAndLoadFromMemory(own, (const FcChar8 *)sb_str(&xml), FcTrue) &&
                 FcConfigBuildFonts(own))) {
        FcConfigDestroy(own);
        own = NULL;
    }
    sb_free(&xml);
    return own;
}

/* Reads conf_path (and the fonts it names) into a configuration of our own. */
static bool load_config(text_fonts *f, const char *conf_path, diag_list *dl)
{
    /* fontconfig reads a relative file name against /etc/fonts, not the
     * working directory: make it absolute first. */
    char *abs = realpath(conf_path, NULL);
    f->config = FcConfigCreate();
    bool loaded = f->config && abs &&
                  FcConfigParseAndLoad(f->config, (const FcChar8 *)abs, FcTrue) &&
                  FcConfigBuildFonts(f->config);
    if (loaded) {
        *strrchr(abs, '/') = '\0'; /* realpath's result is absolute: it has a slash */
        loaded = (f->own = own_config(f->config, abs)) != NULL;
    }
    free(abs);
    if (!loaded) {
        diag_error(dl, conf_path, "%s", _("cannot load the font configuration"));
        return false;
    }
    return true;
}

/* Finds what covers face i: the office's own font, else our prepared font
 * and the full face. False (with an error in dl) when a face every style
 * needs is missing. */
static bool find_face(text_fonts *f, int i, const char *conf_path, diag_list *dl)
{
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
        return true;
    }
    if (fs->prepared)
        f->cover[i] = face_charset(f->config, fs->prepared, fs->fc_weight);
    f->fallback_cover[i] = face_charset(f->config, fs->family, fs->fc_weight);
    f->available[i] = f->cover[i] || f->fallback_cover[i];
    if (fs->role)
        snprintf(f->substitute[i], sizeof f->substitute[i], "%s → %s", fs->role, fs->shown);
    if (f->fallback_cover[i] || fs->role) /* official faces are needed by gongwen only */
        return true;
    diag_error(dl, conf_path,
               _("font \"%s\" (%s) not found; install Debian's fonts-noto-cjk (make does) "
                 "or put the font file into fonts/"),
               fs->family, fs->weight == PANGO_WEIGHT_BOLD ? _("bold") : _("regular"));
    return false;
}

/* A Pango font map and context on config: PDF points, unrounded glyph
 * positions, unhinted metrics, zh-cn, and the target's font options. */
static bool start_pango(FcConfig *config, text_target target, PangoFontMap **map,
                        PangoContext **ctx)
{
    *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!*map)
        return false;
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(*map), config);
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(*map), 72.0);
    *ctx = pango_font_map_create_context(*map);
    pango_context_set_round_glyph_positions(*ctx, FALSE);
    pango_context_set_language(*ctx, pango_language_from_string("zh-cn"));
    cairo_font_options_t *opts = target_font_options(target);
    cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(opts, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(*ctx, opts);
    cairo_font_options_destroy(opts);
    return true;
}

PangoContext *text_fonts_context(text_fonts *f, bool fallback)
{
    if (!f->own) /* the one map has every face */
        return f->ctx;
    if (fallback && !f->fallback_ctx &&
        !start_pango(f->config, f->target, &f->fallback_map, &f->fallback_ctx))
        return NULL;
    return fallback ? f->fallback_ctx : f->ctx;
}

text_fonts *text_fonts_new(const char *conf_path, text_target target, diag_list *dl)
{
    text_fonts *f = calloc(1, sizeof *f);
    if (!f) {
        diag_error(dl, conf_path, "%s", _("out of memory"));
        return NULL;
    }
    if (!load_config(f, conf_path, dl))
        goto fail;
    bool missing = false;
    for (int i = 0; i < FACE_LAST; i++)
        missing |= !find_face(f, i, conf_path, dl); /* every missing face reported */
    if (missing)
        goto fail;
    for (int i = 0; i < FACE_LAST; i++) {
        if (f->faces[i])
            continue; /* the office's own font */
        if (f->cover[i])
            f->faces[i] = face_desc(face_specs[i].prepared, face_specs[i].weight);
        if (f->fallback_cover[i])
            f->fallback[i] = face_desc(face_specs[i].family, face_specs[i].weight);
    }
    /* A configuration that keeps its faces outside its own folder gets no
     * second map: everything is set on the full one, as before. */
    for (int i = 0; i < FACE_LAST && f->own; i++)
        if (f->faces[i] && !has_family(f->own, pango_font_description_get_family(f->faces[i]))) {
            FcConfigDestroy(f->own);
            f->own = NULL;
        }
    /* Make ours the process's current configuration before Pango starts:
     * Pango 1.50 calls FcInit() in a thread of its own, which would otherwise
     * load the system's configuration and every system font's cache (tens of
     * megabytes and milliseconds we never use). */
    FcConfigSetCurrent(f->config);
    f->target = target;
    if (!start_pango(f->own ? f->own : f->config, target, &f->map, &f->ctx)) {
        diag_error(dl, conf_path, "%s", _("cannot create the Pango font map"));
        goto fail;
    }
    f->made = text_cache_new();
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
    if (f->fallback_ctx)
        g_object_unref(f->fallback_ctx);
    if (f->fallback_map)
        g_object_unref(f->fallback_map);
    if (f->own)
        FcConfigDestroy(f->own);
    if (f->config)
        FcConfigDestroy(f->config);
    free(f);
}
