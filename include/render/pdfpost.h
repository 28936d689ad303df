/* pdfpost: the archive pass. cairo 1.16 writes a tagged PDF but none of
 * what an archive (PDF/A-2, GB/T 23286) asks for; this pass reads cairo's
 * PDF with libqpdf and adds it, in memory, before the file is written:
 *
 *   - /Lang, /ViewerPreferences /DisplayDocTitle, /MarkInfo kept;
 *   - the Info dictionary and an XMP packet written from the same values
 *     (title, issuer, dates, tool), with the PDF/A-2b identification;
 *   - an sRGB output intent with the ICC profile embedded (the profile of
 *     Debian's icc-profiles-free, built into the program);
 *   - /Alt on every Figure structure element, in document order;
 *   - web links: the real address put in place of the placeholder cairo was
 *     given (cairo 1.16 writes "/URI (%s)" unescaped), as a proper PDF
 *     string, and the print flag on every annotation;
 *   - /PageLabels, TrimBox and BleedBox;
 *   - a trailer /ID computed from the content, so two runs give the same
 *     bytes.
 *
 * Conformance level B, not A: cairo 1.16 cannot mark page furniture (rules,
 * tints, crop marks) as artifacts, so not all content is in the structure
 * tree, which level A requires.
 *
 * The only user of libqpdf (tools/check-layers.sh).
 * Calls: libqpdf, base. */
#ifndef RENDER_PDFPOST_H
#define RENDER_PDFPOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/diag.h"

/* The address cairo is given for web link i: plain ASCII, nothing to escape. */
#define PDFPOST_URI_PLACEHOLDER "factsheet-link:"

typedef struct pdfpost_job {
    /* The document's description; UTF-8; NULL = absent. */
    const char *title, *author, *subject, *keywords;
    const char *creator;     /* the program: "factsheet 0.1.0" */
    const char *date;        /* creation and modification, "2026-01-15T00:00:00Z" */
    const char *lang;        /* BCP 47: "zh-CN" */
    const char *const *alts; /* one per Figure structure element, in document order */
    size_t n_alts;
    const char *const *uris; /* web link i of the placeholders (http or https) */
    size_t n_uris;
    const char *const *page_labels; /* one per page (NULL entries: no label), or NULL */
    size_t n_pages;
    double trim_inset; /* pt from the MediaBox edge to the trimmed page; 0 = none */
    double bleed;      /* pt of bleed beyond the trim (BleedBox), <= trim_inset */
} pdfpost_job;

/* Reads the PDF in[0..len), applies job, writes the result to out. Returns
 * false with an error naming path in dl; out may then hold part of a file. */
bool pdfpost_run(const pdfpost_job *job, const unsigned char *in, size_t len, FILE *out,
                 const char *path, diag_list *dl);

/* "qpdf 11.3.0", for the Producer entry and --version. */
const char *pdfpost_library_version(void);

#endif
