/* edit: rewrites a data file (data/<year>.json) for the office's routine
 * commands: next year's empty file (`factsheet new`) and figures set from a
 * spreadsheet (`factsheet import`).
 *
 * Invariants: everything the edit does not touch is kept: every member, in
 * its order, and every number's literal text (2.30 stays 2.30, never
 * 2.2999999999999998). A figure set by the edit is written with the literal
 * text it was given. The file is written in one canonical layout, the one
 * of Jansson's JSON_INDENT(2) | JSON_PRESERVE_ORDER: two-space indents, one
 * member or element per line, UTF-8 unescaped, a final newline.
 *
 * No json_t leaves this module: callers see an opaque edit_doc.
 * Calls: base (diag, atomic_file), Jansson through src/model/jsonin.h. */
#ifndef MODEL_EDIT_H
#define MODEL_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

typedef struct edit_doc edit_doc;

/* Reads and parses the data file at path (UTF-8, a byte-order mark allowed)
 * and checks the shape the edits rely on: an object whose "indicators" is
 * an array of objects, each with a string "id". Returns a document to
 * edit_free, or NULL with every problem in dl (located, as the loader
 * reports them). Further validation is the loader's (factsheet --check). */
edit_doc *edit_load(const char *path, diag_list *dl);

void edit_free(edit_doc *ed);

/* What edit_start_year changed, for the summary `new` prints. */
typedef struct edit_year_report {
    size_t indicators;   /* values set to null, sources emptied */
    size_t texts;        /* text and note blocks emptied */
    size_t chart_titles; /* chart titles emptied (they state last year's findings) */
    size_t chart_notes;  /* chart notes removed */
    size_t sources;      /* source documents dropped */
    bool title_changed;  /* the old year was replaced in the title or subtitle */
    size_t notes;        /* indicator notes removed (they state last year's facts) */
    /* What is kept but may still state last year: what a figure covers. */
    size_t periods, scopes, definitions;
    const char *period_id, *period; /* the first period kept, for the summary */
} edit_year_report;

/* Turns the document into next year's empty draft: "year" becomes year; the
 * old year, where it stands as a number of its own in "title" and
 * "subtitle", becomes the new one; every indicator keeps its id, label,
 * unit and better (its note, last year's facts, is removed), gets "value": null and "source":
 * {"file": "", "quote": ""}, and loses its qualifier; "sources" becomes []; indicator notes are
 * removed; text and note blocks get "text": "", chart titles "", and chart notes are removed (all
 * state last year's figures). Sections, blocks and items stay as they are;
 * "$schema", "issuer" and "date" are kept. Returns false with an error in dl
 * when the document has no integer "year" (the document is then unaltered). */
bool edit_start_year(edit_doc *ed, int year, edit_year_report *rep, diag_list *dl);

/* The year the document states, or 0 when it has no integer "year". */
int edit_year(const edit_doc *ed);

/* The date the document states ("" when none); lent, valid until the next
 * edit. */
const char *edit_date(const edit_doc *ed);

/* Fields for one indicator; NULL or "" leaves a field as it is. value must
 * be a plain decimal number (checked by the caller) and is written exactly
 * as given. */
typedef struct edit_indicator_update {
    const char *value;
    const char *label, *unit, *qualifier;
    const char *period, *scope; /* what the figure covers: 1—11月, 公立医院 */
    const char *source_file, *source_quote;
} edit_indicator_update;

/* True when an indicator has this id. */
bool edit_has_indicator(const edit_doc *ed, const char *id);

/* The id nearest to id (a likely typo, at most two edits away), or NULL.
 * Lent, valid while ed lives. */
const char *edit_nearest_id(const edit_doc *ed, const char *id);

/* The id of indicators[index], or NULL (for messages about one). */
const char *edit_indicator_id(const edit_doc *ed, size_t index);

/* Sets the fields of the indicator with id. Returns false with an error in
 * dl when there is no such indicator or when out of memory; the document
 * may then hold part of the update, so the caller must not save it. */
bool edit_update_indicator(edit_doc *ed, const char *id, const edit_indicator_update *u,
                           diag_list *dl);

/* Adds {"file": file, "title": ""} to "sources" unless a source has that
 * file already (creating "sources" when absent). Returns 1 when added, 0
 * when already there, -1 with an error in dl when out of memory or when
 * "sources" is not an array. */
int edit_add_source(edit_doc *ed, const char *file, diag_list *dl);

/* The document as text in the canonical layout, malloc'd (free it), with
 * its length in *len; NULL when out of memory. */
char *edit_dump(const edit_doc *ed, size_t *len);

/* True when edit_dump would write exactly the bytes the file was read
 * from: the edit changed nothing and the file is in the canonical layout. */
bool edit_unchanged(const edit_doc *ed);

/* Writes the document to path through a temporary file renamed into place
 * (base/atomic_file.h). Returns false with an error in dl; the file at path
 * is then untouched. */
bool edit_save(const edit_doc *ed, const char *path, diag_list *dl);

#endif
