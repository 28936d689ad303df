/* render: draws a laid-out doc with Cairo into PDF, PNG or SVG files, each
 * written through atomic_file (a failed run never leaves a half-written file
 * and never destroys the previous good one).
 *
 * Invariants: nothing is measured here; marks are drawn exactly where layout
 * put them. A PDF is drawn into memory and goes through the archive pass
 * (render/pdfpost.h: metadata, output intent, /Alt, safe links, page
 * labels and boxes) before its temporary file is written; its dates are
 * the given creation date and its /ID comes from its content, so two runs
 * give the same bytes.
 * Calls: Cairo, render/pdfpost, render/ofd, layout/doc, typeset (text_draw), base. */
#ifndef RENDER_RENDER_H
#define RENDER_RENDER_H

#include <stdbool.h>

#include "base/diag.h"
#include "layout/doc.h"

typedef enum render_format { FORMAT_PDF, FORMAT_PNG, FORMAT_SVG, FORMAT_OFD } render_format;

typedef struct render_opts {
    render_format format;
    double dpi;                /* PNG only */
    double bleed;              /* PDF: pt of bleed on every side, with crop marks in a slug
                                  outside it, TrimBox and BleedBox; 0 for none */
    double paper_w, paper_h;   /* the paper, pt; 0 for the doc's own size. A larger one (A3
                                * for an A4 doc) gets the same page enlarged, not reflowed */
    const char *creation_date; /* ISO 8601 in UTC, "2026-01-15T00:00:00Z" */
    const char *creator;       /* "factsheet 0.1.0" */
} render_opts;

/* Writes d. PDF and OFD (render/ofd.h): one file at out_path. PNG and SVG: one file per page, named
 * from out_path by inserting "-N" before the extension (2025-1.png, …).
 * Returns false with an error in dl; no file is then changed. */
bool render_doc(const doc *d, const render_opts *o, const char *out_path, diag_list *dl);

/* The name of page file `page` (1-based) for out_path, malloc'd (free it);
 * NULL when out of memory. */
char *render_page_path(const char *out_path, size_t page);

#endif
