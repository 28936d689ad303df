/* ofd_font: see ofd_font.h. */
#include "ofd_font.h"

#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ofd_libs.h"

#include "base/i18n.h"

/* A font the pages use: one file (and face in a collection), embedded as a
 * subset of the glyphs drawn. */
struct font {
    ofd_font_info info;
    char *file, *name, *family;
    int index;
    hb_set_t *glyphs, *unicodes;
    hb_map_t *gids; /* glyph ids in the subset by the font's, or NULL: the same */
};

struct ofd_fonts {
    struct font *fonts;
    size_t n, cap;
};

ofd_fonts *ofd_fonts_new(void)
{
    return calloc(1, sizeof(ofd_fonts));
}

void ofd_fonts_free(ofd_fonts *fs)
{
    if (!fs)
        return;
    for (size_t i = 0; i < fs->n; i++) {
        free(fs->fonts[i].file);
        free(fs->fonts[i].name);
        free(fs->fonts[i].family);
        hb_set_destroy(fs->fonts[i].glyphs);
        hb_set_destroy(fs->fonts[i].unicodes);
        hb_map_destroy(fs->fonts[i].gids);
    }
    free(fs->fonts);
    free(fs);
}

int ofd_fonts_find(ofd_fonts *fs, const text_run *r, unsigned *next_id)
{
    for (size_t i = 0; i < fs->n; i++)
        if (fs->fonts[i].index == r->font_index && strcmp(fs->fonts[i].file, r->font_file) == 0)
            return (int)i;
    if (fs->n == fs->cap) {
        size_t cap = fs->cap ? 2 * fs->cap : 8;
        struct font *nf = realloc(fs->fonts, cap * sizeof *nf);
        if (!nf)
            return -1;
        fs->fonts = nf;
        fs->cap = cap;
    }
    struct font *f = &fs->fonts[fs->n];
    *f = (struct font){.file = strdup(r->font_file),
                       .name = strdup(r->font_name),
                       .family = strdup(r->family),
                       .index = r->font_index,
                       .glyphs = hb_set_create(),
                       .unicodes = hb_set_create()};
    fs->n++; /* freed with the others even when incomplete */
    if (!f->file || !f->name || !f->family || !hb_set_allocation_successful(f->glyphs) ||
        !hb_set_allocation_successful(f->unicodes))
        return -1;
    f->info = (ofd_font_info){.file = f->file,
                              .name = f->name,
                              .family = f->family,
                              .bold = r->bold,
                              .italic = r->italic,
                              .id = (*next_id)++};
    return (int)(fs->n - 1);
}

void ofd_fonts_use(ofd_fonts *fs, int font, uint32_t glyph, const uint32_t *cps, int n)
{
    struct font *f = &fs->fonts[font];
    hb_set_add(f->glyphs, glyph);
    for (int c = 0; c < n; c++)
        hb_set_add(f->unicodes, cps[c]);
}

size_t ofd_fonts_count(const ofd_fonts *fs)
{
    return fs->n;
}

const ofd_font_info *ofd_fonts_info(const ofd_fonts *fs, size_t i)
{
    return &fs->fonts[i].info;
}

uint32_t ofd_fonts_glyph(const ofd_fonts *fs, int font, uint32_t glyph)
{
    const struct font *f = &fs->fonts[font];
    return f->gids ? hb_map_get(f->gids, glyph) : glyph;
}

/* A subset of face with f's glyphs and characters; glyph ids kept when
 * retain. NULL on failure. */
static hb_face_t *subset_face(hb_face_t *face, const struct font *f, bool retain)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return NULL;
    hb_set_union(hb_subset_input_glyph_set(in), f->glyphs);
    hb_set_union(hb_subset_input_unicode_set(in), f->unicodes);
    hb_subset_input_set_flags(in, retain ? HB_SUBSET_FLAGS_RETAIN_GIDS : HB_SUBSET_FLAGS_DEFAULT);
    /* The CGTransforms name every glyph: a reader shapes nothing, so the
     * layout tables go, and with them the closure over every alternate
     * glyph (vertical forms, other widths) they would pull in; vertical
     * metrics too, as nothing is set vertically. */
    static const char *const drop[] = {"GSUB", "GPOS", "GDEF", "BASE",
                                       "JSTF", "vhea", "vmtx", "VORG"};
    hb_set_t *tags = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
        hb_set_add(tags, hb_tag_from_string(drop[i], 4));
    hb_face_t *sub = hb_subset_or_fail(face, in);
    hb_subset_input_destroy(in);
    return sub;
}

/* The subset of f the pages use, before the pages are written. hb-subset
 * numbers the glyphs it keeps in their old order; HarfBuzz 6 does not say
 * which it kept, so we predict the set (the glyphs drawn, those the
 * characters map to, .notdef) and check its size against the subset's: when
 * they agree, nothing else was pulled in and a glyph's new id is its rank
 * (f->gids). Otherwise (a TrueType composite's parts, say) the subset keeps
 * the old ids. */
bool ofd_fonts_cut(ofd_fonts *fs, size_t i, void **data, size_t *len, const char *path,
                   diag_list *dl)
{
    struct font *f = &fs->fonts[i];
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(f->file);
    if (!blob) {
        diag_error(dl, path, _("cannot read the font file %s"), f->file);
        return false;
    }
    hb_face_t *face = hb_face_create(blob, (unsigned)f->index);
    hb_blob_destroy(blob);
    hb_set_t *keep = hb_set_copy(f->glyphs);
    hb_set_add(keep, 0);
    hb_font_t *font = hb_font_create(face);
    hb_codepoint_t u = HB_SET_VALUE_INVALID, g;
    while (hb_set_next(f->unicodes, &u))
        if (hb_font_get_nominal_glyph(font, u, &g))
            hb_set_add(keep, g);
    /* and the variants of those characters in the cmap's variation
     * sequences (format 14), which hb-subset keeps with them */
    hb_set_t *selectors = hb_set_create(), *vu = hb_set_create();
    hb_face_collect_variation_selectors(face, selectors);
    hb_codepoint_t vs = HB_SET_VALUE_INVALID;
    while (hb_set_next(selectors, &vs)) {
        hb_set_clear(vu);
        hb_face_collect_variation_unicodes(face, vs, vu);
        hb_set_intersect(vu, f->unicodes);
        u = HB_SET_VALUE_INVALID;
        while (hb_set_next(vu, &u))
            if (hb_font_get_variation_glyph(font, u, vs, &g))
                hb_set_add(keep, g);
    }
    hb_set_destroy(vu);
    hb_set_destroy(selectors);
    hb_font_destroy(font);
    hb_face_t *sub = subset_face(face, f, false);
    if (sub && hb_set_allocation_successful(keep) &&
        hb_face_get_glyph_count(sub) == hb_set_get_population(keep)) {
        f->gids = hb_map_create();
        hb_codepoint_t old = HB_SET_VALUE_INVALID, next = 0;
        while (hb_set_next(keep, &old))
            hb_map_set(f->gids, old, next++);
        if (!hb_map_allocation_successful(f->gids)) {
            hb_map_destroy(f->gids);
            f->gids = NULL;
        }
    }
    if (!f->gids) {
        if (sub)
            hb_face_destroy(sub);
        sub = subset_face(face, f, true);
    }
    hb_set_destroy(keep);
    hb_face_destroy(face);
    if (!sub) {
        diag_error(dl, path, _("cannot make a subset of the font %s"), f->file);
        return false;
    }
    hb_blob_t *out = hb_face_reference_blob(sub);
    unsigned n = 0;
    const char *bytes = hb_blob_get_data(out, &n);
    *data = malloc(n ? n : 1);
    if (*data) {
        memcpy(*data, bytes, n);
        *len = n;
    } else {
        diag_error(dl, path, "%s", _("out of memory"));
    }
    hb_blob_destroy(out);
    hb_face_destroy(sub);
    return *data != NULL;
}
