/* ofd: writes a laid-out doc as an OFD package (GB/T 33190-2016), the
 * format of China's electronic official documents: a zip (libzip) of XML
 * parts (libxml2's xmlTextWriter) and embedded font subsets (HarfBuzz's
 * hb-subset), drawn from the same marks and the same glyph positions as the
 * PDF.
 *
 * Invariants: the only user of libzip (src/render/ofd_zip.c), libxml2
 * (ofd_xml.c) and hb-subset (ofd_font.c). Two runs give
 * the same bytes (fixed zip times, IDs in drawing order, no clock). Written
 * through atomic_file: a failure never leaves a half-written package.
 * Lengths are millimetres, as OFD wants, converted from the doc's points.
 * Calls: libzip, libxml2, HarfBuzz, layout/doc, typeset (glyph runs), base. */
#ifndef RENDER_OFD_H
#define RENDER_OFD_H

#include <stdbool.h>

#include "base/diag.h"
#include "layout/doc.h"

/* Writes d to path on pages of paper_w × paper_h pt (0: the doc's own size),
 * every length times scale (1, or the paper's enlargement: 1.414 for A3).
 * creation_date is ISO 8601 in UTC ("2026-01-15T00:00:00Z"),
 * creator "factsheet 0.1.0". Returns false with an error in dl; the file at
 * path is then unchanged. */
bool ofd_write(const doc *d, double paper_w, double paper_h, double scale,
               const char *creation_date, const char *creator, const char *path, diag_list *dl);

#endif
