/* floor: the least a factsheet process does, for bench/run.sh. It starts
 * (the same libraries, linked the same way), loads our fonts exactly as
 * factsheet does (text_fonts_new: the private fontconfig configuration,
 * every face checked, the Pango font map), and writes one empty A4 page
 * through our PDF writer (render_doc: atomic file, metadata). It sets no
 * text and reads no data: every sheet costs at least this much, so the gap
 * between this and factsheet is what layout and drawing cost.
 *
 *     floor FONTS.conf OUTPUT.pdf
 *
 * Build (mk/bench.mk): linked with the program's own objects.
 */
#include <stdio.h>

#include "base/diag.h"
#include "layout/doc.h"
#include "render/render.h"
#include "typeset/text.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: floor FONTS.conf OUTPUT.pdf\n");
        return 2;
    }
    diag_list dl;
    diag_list_init(&dl, 20);
    int rc = 1;
    text_fonts *fonts = text_fonts_new(argv[1], TEXT_FOR_PDF, &dl);
    doc *d = fonts ? doc_new(595.276, 841.89) : NULL;
    if (d && doc_add_page(d)) {
        render_opts ro = {.format = FORMAT_PDF,
                          .creation_date = "2026-01-01T00:00:00Z",
                          .creator = "factsheet floor"};
        rc = render_doc(d, &ro, argv[2], &dl) ? 0 : 1;
    }
    diag_list_print(&dl, stderr);
    diag_list_clear(&dl);
    doc_free(d);
    text_fonts_free(fonts);
    return rc;
}
