/* text_priv.h: what the files of the text module share (private to
 * src/typeset/; the interface is include/typeset/text.h).
 *   text_fonts.c    the fontconfig configuration, the faces, the Pango context
 *   text_cache.c    text_new: texts already set, by string, style and width
 *   text.c          setting one text: face by coverage, attributes, the layout
 *   text_lines.c    line breaking: no-break runs, 禁则, line-end and line-start
 *                   marks, no one-character last line
 *   text_spacing.c  Han–Latin gaps and justification
 *   text_draw.c     drawing on Cairo and glyph runs for OFD */
#ifndef TYPESET_TEXT_PRIV_H
#define TYPESET_TEXT_PRIV_H

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "typeset/cjk.h"
#include "typeset/text.h"

/* Each face has a prepared font (fonts/Factsheet*.otf: the characters an
 * office needs, without CFF subroutines, so PDFs stay small and rendering
 * fast) and the full Noto face for the rare characters the prepared one
 * lacks. A text is set in one of the two as a whole, chosen by coverage. */
struct text_fonts {
    FcConfig *config; /* every face fonts.conf names: what covers what */
    /* Pango sets texts on the faces of fonts.conf's own folder (ours and
     * the office's); on the full faces (Debian's Noto CJK, LXGW WenKai)
     * only a text with a rare character, through a second font map made
     * the first time one is needed. With all faces in one map Pango sorts
     * them all, rare-character sets merged, for every font size a sheet
     * uses (FcFontSetSort, 19 million instructions of the 2025 sheet). */
    FcConfig *own;
    PangoFontMap *map, *fallback_map;
    PangoContext *ctx, *fallback_ctx;
    text_target target;
    PangoFontDescription *faces[FACE_LAST];    /* prepared or official, or NULL */
    PangoFontDescription *fallback[FACE_LAST]; /* the full face, or NULL */
    FcCharSet *cover[FACE_LAST], *fallback_cover[FACE_LAST];
    char substitute[FACE_LAST][160]; /* "" when the official font is used */
    bool available[FACE_LAST];
    /* Texts already set, by string, style and width (text_cache.c): the
     * one-leaf layout tries several variants and forms, and each attempt
     * sets most texts of the sheet again, identically. Each entry holds a
     * reference; a text is immutable once set. */
    GHashTable *made;
};

/* The context a text is set in: on the own faces, or (made the first
 * time) on every face; NULL when Pango cannot make it. */
PangoContext *text_fonts_context(text_fonts *f, bool fallback);

struct text {
    PangoLayout *layout;
    double width; /* the width given, or 0 */
    double shift; /* drawn this far right: half the tracking, centring glyphs on their cells */
    int refs;     /* a paragraph split across pages is shared by its parts */
};

/* text_cache.c: an empty table for text_fonts.made. */
GHashTable *text_cache_new(void);

/* text.c: text_new without the cache. */
text *text_set(text_fonts *f, const char *utf8, const text_style *style, double width,
               uint32_t *missing);

/* text_lines.c: forbids breaks inside cjk's keeps (a figure and its unit),
 * except a run that might not fit a line of its own. */
void text_keep_runs(PangoAttrList *attrs, const char *utf8, const text_style *style, double width,
                    const cjk_text *cjk);
/* text_lines.c: the line-by-line refinements of a wrapped layout (line-end
 * compression, half-width openers at line starts, no one-character last
 * line, 禁则), repeated while one changes the breaks the others looked at. */
void text_refine_lines(PangoLayout *layout, const char *utf8, const text_style *style);

/* Space to set after one character, by position (see text_place_gaps). */
typedef struct gap_at {
    size_t index; /* the character's first byte */
    int amount;   /* Pango units */
} gap_at;

typedef struct gap_list {
    gap_at *at;
    size_t n, cap;
} gap_list;

/* text_spacing.c: the Han–Latin gaps of cjk as letter spacing in attrs,
 * each also noted in gaps for text_place_gaps. False when out of memory. */
bool text_set_gaps(PangoAttrList *attrs, const text_style *style, const cjk_text *cjk,
                   gap_list *gaps);
/* text_spacing.c: moves each gap behind its character once the lines are
 * set (sorts gaps). */
void text_place_gaps(PangoLayout *layout, gap_list *gaps);
/* text_spacing.c: justifies the lines of layout where Chinese allows it. */
/* Spreads each line but a paragraph's last to the full width; on a
 * character grid only the lines with a narrow (figure or Latin) character
 * in them. */
void text_justify(PangoLayout *layout, const char *utf8, double size, bool grid);

#endif
