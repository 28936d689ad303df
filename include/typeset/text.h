/* text: the one home of Pango and fontconfig (src/typeset/text*.c, one job
 * a file; src/typeset/text_priv.h lists them). Sets UTF-8 text into measured,
 * wrapped, justified boxes with the project's own fonts, and draws them on a
 * Cairo context.
 *
 * Invariants: fonts come only from a private fontconfig configuration
 * (fonts/fonts.conf), never from what else the machine has installed; every
 * face the style names must exist (no silent substitute, no synthetic bold);
 * a character that the chosen face lacks is an error, never a tofu box.
 * Units are PDF points (resolution 72), glyph positions unrounded, metrics
 * unhinted, language zh-cn, so PDF and PNG lay out identically.
 * Calls: Pango, pangocairo, fontconfig, Cairo (font options and drawing),
 * typeset/cjk, base. */
#ifndef TYPESET_TEXT_H
#define TYPESET_TEXT_H

#include <stdbool.h>
#include <stdint.h>

#include "base/diag.h"

typedef struct _cairo cairo_t;

typedef enum text_face {
    FACE_SANS,
    FACE_SANS_BOLD,
    FACE_SERIF,
    FACE_SERIF_BOLD,
    /* The official-document faces of GB/T 9704: the office's licensed fonts
     * when their files are in fonts/, else free substitutes (named by
     * text_face_substitute). */
    FACE_GW_XBS,      /* 小标宋: the title */
    FACE_GW_HEI,      /* 黑体: 附件 label, first-level headings */
    FACE_GW_FANGSONG, /* 仿宋: body */
    FACE_GW_KAI,      /* 楷体: second-level headings */
    FACE_GW_SONG,     /* 宋体: page numbers */
    FACE_LAST         /* never use! */
} text_face;

typedef enum text_align { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT, ALIGN_JUSTIFY } text_align;

typedef struct text_style {
    text_face face;
    double size;  /* pt */
    double pitch; /* line pitch in pt; 0 for the font's natural height */
    text_align align;
    double indent;       /* first-line indent in pt */
    double han_latin_em; /* space between Han and Latin/digits, in em; 0 for none */
    double tracking;     /* extra space between characters in pt (a character grid: a
                          * wrapped line of n cells of size + tracking holds n characters,
                          * each centred on its cell) */
} text_style;

typedef struct text_fonts text_fonts;
typedef struct text text;

/* What the texts will be drawn on. Texts are measured with the font options
 * that surface kind draws with, so that measuring and drawing share one
 * cairo font and each glyph is loaded once, not twice. */
typedef enum text_target { TEXT_FOR_PDF, TEXT_FOR_IMAGE, TEXT_FOR_SVG } text_target;

/* Loads the fontconfig file conf_path (and the fonts it names) and checks
 * that every face exists. Returns NULL with an error in dl on failure. */
text_fonts *text_fonts_new(const char *conf_path, text_target target, diag_list *dl);
void text_fonts_free(text_fonts *f);

/* Sets utf8 in style. width > 0 wraps (and justifies) to that width; width
 * <= 0 sets one line. Returns NULL on failure: *missing then holds the first
 * code point the face lacks, or 0 when out of memory. */
text *text_new(text_fonts *f, const char *utf8, const text_style *style, double width,
               uint32_t *missing);
/* Frees t when its last reference goes. */
void text_free(text *t);
/* Another reference to t (each needs a text_free). */
text *text_ref(text *t);

/* The top and bottom of line i (0-based) below the box's top. */
void text_line_span(const text *t, int line, double *top, double *bottom);
/* Draws count lines from line first, the first one's top at y. */
void text_draw_lines(const text *t, cairo_t *cr, double x, double y, int first, int count);

double text_width(const text *t);    /* logical width of the widest line */
double text_height(const text *t);   /* logical height of all lines */
double text_baseline(const text *t); /* first baseline below the top */
int text_line_count(const text *t);

/* Draws with the context's current source; (x, y) is the top-left corner of
 * the box (for wrapped text, of the full width given to text_new). */
void text_draw(const text *t, cairo_t *cr, double x, double y);

/* One glyph of a text_run: where the pen puts it and which characters it
 * shows. */
typedef struct text_glyph {
    uint32_t id;              /* glyph index in the font file */
    double x, y;              /* the glyph's origin (left end of its baseline), pt */
    double advance;           /* pt to the next glyph */
    int cluster, cluster_len; /* the characters it shows: bytes of the run's utf8 */
} text_glyph;

/* A run of glyphs in one font at one size, for formats that place glyphs
 * themselves (OFD) rather than through Cairo. Valid during the callback. */
typedef struct text_run {
    const char *font_file; /* the font file Pango set the run in */
    int font_index;        /* the face within a collection (.ttc) */
    const char *font_name; /* its PostScript name */
    const char *family;
    bool bold, italic;
    double size;      /* em size, pt */
    const char *utf8; /* the run's characters (not NUL-terminated) */
    int utf8_len;
    const text_glyph *glyphs; /* in visual order; invisible ones left out */
    int n_glyphs;
} text_run;

typedef void (*text_run_fn)(const text_run *run, void *user);

/* Hands fn the glyph runs that text_draw_lines(t, cr, x, y, first, count)
 * would draw, placed where it would draw them (count <= 0: every line from
 * first on; text_draw is first 0, count 0). False when out of memory. */
bool text_glyph_runs(const text *t, double x, double y, int first, int count, text_run_fn fn,
                     void *user);

/* Returns the family name behind a face, for messages and metadata. */
const char *text_face_family(text_face face);

/* For an official-document face set in a substitute: a sentence naming the
 * font it stands in for and the one used ("仿宋_GB2312 → Noto Serif CJK SC");
 * NULL when the office's own font is there. *available is false when
 * neither is installed. */
const char *text_face_substitute(const text_fonts *f, text_face face, bool *available);

#endif
