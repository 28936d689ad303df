/* book_notes: what the multi-year book needs to know that the yearly sheets
 * do not say: which indicators belong together (the 医共体 counts of 2023,
 * 2024 and 2025; 托位 as a count, per 1 000 people and as an increase), which
 * of them may be compared from year to year, and the note that says why the
 * others may not. It lives in data/book/trends.json (schema beside it), so
 * the office corrects a definition note without touching the code.
 *
 * Invariants: every string is owned by the notes' arena; ids are unique
 * across all topics; every id of comparable[] is also in ids[]. Whether the
 * ids exist in the data is for the caller to check (the loader sees one
 * file), reporting through origin.
 * Calls: base, model/sheet (for origin); Jansson only inside
 * src/model/load_book.c. */
#ifndef MODEL_BOOK_NOTES_H
#define MODEL_BOOK_NOTES_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "model/sheet.h"

/* One topic: related indicators shown on one page of the book. */
typedef struct book_topic {
    const char *title; /* 医共体建设 */
    const char **ids;  /* indicator ids, in the order of the page */
    size_t n_ids;
    const char **comparable; /* the ids whose figures may be compared across
                                years: drawn as a line, with changes */
    size_t n_comparable;
    const char *note; /* the definition note; NULL when none */
    const char *path; /* topics[2], for messages */
} book_topic;

typedef struct book_notes {
    const char *file;      /* the file read, NULL when there was none */
    const char *title;     /* the book's title without its years; NULL when not set */
    const char **headline; /* ids of the year-by-year table; NULL: each year's first
                              KPI block */
    size_t n_headline;
    book_topic *topics;
    size_t n_topics;
    /* The file as a sheet without indicators (file name, bytes and positions
     * only), so that later stages report at its line and column through
     * sheet_report() and layout_text() like they do for data files. */
    sheet origin;
    struct arena *arena;
} book_notes;

/* Loads the notes at path. A file that does not exist gives empty notes
 * (file NULL, no topics) and no message: the book then shows only what the
 * data say. Returns NULL with every problem of the file in dl, or when out
 * of memory. */
book_notes *book_notes_load(const char *path, diag_list *dl);

void book_notes_free(book_notes *bn);

/* The topic that lists id, or NULL; *index gets its position when not NULL. */
const book_topic *book_notes_lookup_topic(const book_notes *bn, const char *id, size_t *index);

/* True when t lists id among its comparable ids. */
bool book_topic_comparable(const book_topic *t, const char *id);

#endif
