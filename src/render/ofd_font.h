/* ofd_font: the fonts of an OFD package: which file each run was set in,
 * the glyphs and characters drawn from it, and its subset, cut with
 * HarfBuzz's hb-subset (the only user of HarfBuzz).
 *
 * Invariants: every glyph is registered (ofd_fonts_use) before the fonts
 * are cut; ofd_fonts_glyph gives a glyph's id in the cut font.
 * Calls: HarfBuzz (hb-subset), typeset (text_run), base. */
#ifndef RENDER_OFD_FONT_H
#define RENDER_OFD_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "typeset/text.h"

typedef struct ofd_fonts ofd_fonts;

typedef struct ofd_font_info {
    const char *file, *name, *family;
    bool bold, italic;
    unsigned id; /* its ID in the package */
} ofd_font_info;

/* NULL when out of memory. */
ofd_fonts *ofd_fonts_new(void);
void ofd_fonts_free(ofd_fonts *fs);

/* The index of the font r is set in; a new one takes the ID *next_id++.
 * -1 when out of memory. */
int ofd_fonts_find(ofd_fonts *fs, const text_run *r, unsigned *next_id);
/* Records that glyph is drawn, showing the n characters cps. */
void ofd_fonts_use(ofd_fonts *fs, int font, uint32_t glyph, const uint32_t *cps, int n);

size_t ofd_fonts_count(const ofd_fonts *fs);
const ofd_font_info *ofd_fonts_info(const ofd_fonts *fs, size_t i);

/* Cuts font i to what was recorded: *data (malloc'd, *len bytes). False
 * with an error about path in dl. */
bool ofd_fonts_cut(ofd_fonts *fs, size_t i, void **data, size_t *len, const char *path,
                   diag_list *dl);
/* The id of glyph in the cut font. */
uint32_t ofd_fonts_glyph(const ofd_fonts *fs, int font, uint32_t glyph);

#endif
