/* render: draws a laid-out doc with Cairo into PDF, PNG or SVG files, each
 * written through atomic_file (a failed run never leaves a half-written file
 * and never destroys the previous good one).
 *
 * Invariants: nothing is measured here; marks are drawn exactly where layout
 * put them. PDFs carry metadata and a fixed CreationDate so that two runs
 * give the same bytes.
 * Calls: Cairo, render/ofd, layout/doc, typeset (text_draw), base. */
#ifndef RENDER_RENDER_H
#define RENDER_RENDER_H

#include <stdbool.h>

#include "base/diag.h"
#include "layout/doc.h"

typedef enum render_format { FORMAT_PDF, FORMAT_PNG, FORMAT_SVG, FORMAT_OFD } render_format;

typedef struct render_opts {
    render_format format;
    double dpi;                /* PNG only */
    double bleed;              /* PDF: pt of bleed on every side, with crop marks; 0 for none */
    const char *creation_date; /* ISO 8601 in UTC, "2026-01-15T00:00:00Z" */
    const char *creator;       /* "factsheet 0.1.0" */
} render_opts;

/* Writes d. PDF and OFD (render/ofd.h): one file at out_path. PNG and SVG: one file per page, named
 * from out_path by inserting "-N" before the extension (2025-1.png, …).
 * Returns false with an error in dl; no file is then changed. */
bool render_doc(const doc *d, const render_opts *o, const char *out_path, diag_list *dl);

/* Writes the name of page file `page` (1-based) for out_path into buf. */
void render_page_path(const char *out_path, size_t page, char *buf, size_t n);

#endif
