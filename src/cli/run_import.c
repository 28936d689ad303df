/* cli/run_import: import with the glyph check of the default fonts. */
#include "run_import.h"

#include <limits.h>
#include <stdint.h>

#include "base/diag.h"
#include "cmd/cmd.h"
#include "install_dirs.h"
#include "typeset/text.h"

/* import's font check: the default style's faces, loaded on first need. */
typedef struct glyph_probe {
    const char *conf;
    text_fonts *fonts;
    int tried;
} glyph_probe;

static uint32_t missing_glyph(void *ctx, const char *utf8)
{
    glyph_probe *g = ctx;
    if (!g->tried) {
        g->tried = 1;
        diag_list quiet;
        diag_list_init(&quiet, 4);
        g->fonts = text_fonts_new(g->conf, TEXT_FOR_PDF, &quiet);
        diag_list_clear(&quiet); /* no fonts: rendering will say why; import goes on */
    }
    static const text_face faces[] = {FACE_SANS, FACE_SANS_BOLD};
    for (size_t i = 0; g->fonts && i < sizeof faces / sizeof faces[0]; i++) {
        text_style ts = {.face = faces[i], .size = 10};
        uint32_t missing = 0;
        text *t = text_new(g->fonts, utf8, &ts, 0, &missing);
        text_free(t);
        if (!t && missing)
            return missing;
    }
    return 0;
}

int run_import(int argc, char **argv)
{
    char fonts_conf[PATH_MAX];
    install_default_fonts_conf(fonts_conf, sizeof fonts_conf);
    glyph_probe probe = {.conf = fonts_conf};
    cmd_glyphs glyphs = {.missing = missing_glyph, .ctx = &probe};
    int status = cmd_import(argc, argv, &glyphs);
    text_fonts_free(probe.fonts);
    return status;
}
