/* sheet: the validated model of one report year, as loaded from
 * data/<year>.json. Everything downstream (layout, render) reads this and
 * never JSON.
 *
 * Invariants: a sheet returned by sheet_load has passed validation: ids are
 * unique, every item names an existing indicator, every value is finite and
 * carries the literal text it was written with. All strings are UTF-8 and
 * owned by the sheet's arena; sheet_free releases everything.
 * Calls: base. Only src/model/load.c includes Jansson. */
#ifndef MODEL_SHEET_H
#define MODEL_SHEET_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

typedef enum sheet_better { BETTER_UNSPECIFIED, BETTER_HIGHER, BETTER_LOWER } sheet_better;

typedef struct sheet_indicator {
    const char *id, *label;
    double value;
    const char *literal;   /* the number exactly as written in the file: "2.30" */
    const char *unit;      /* as written: 亿元, 万人次, %, ‰, /10万; may be "" */
    const char *qualifier; /* 约, 超, 余 …; NULL when none */
    sheet_better better;
    const char *note;      /* NULL when none */
    const char *source_file, *source_quote;
    const char *path;      /* JSON path, for messages: indicators[3] */
    bool missing;          /* "value": null: a figure still to be filled in (a
                              draft, as `factsheet new` writes); literal NULL */
} sheet_indicator;

typedef enum sheet_block_kind {
    BLOCK_KPI,    /* a grid of KPI cards */
    BLOCK_BAR,    /* vertical bars: one series, or several grouped with a legend */
    BLOCK_HBAR,   /* horizontal bars, long labels on the left */
    BLOCK_LINE,   /* indicators across the data years */
    BLOCK_RING,   /* shares of a whole, one ring each */
    BLOCK_BULLET, /* progress against a target */
    BLOCK_TEXT,   /* a justified paragraph */
    BLOCK_NOTE,   /* a small note */
    BLOCK_KIND_LAST /* never use! */
} sheet_block_kind;

enum { SHEET_NONE = -1 };

typedef struct sheet_item {
    const char *id;    /* the indicator id as written */
    size_t indicator;  /* index into sheet.indicators; (size_t)SHEET_NONE when this
                          year lacks it (allowed in line charts only) */
    const char *label; /* the item's own short label, or the indicator's */
    const char *path;  /* sections[1].blocks[0].items[2] */
} sheet_item;

/* One series of a grouped bar chart: one item per category. */
typedef struct sheet_series {
    const char *name;
    sheet_item *items;
    size_t n_items;
    const char *path;
} sheet_series;

typedef struct sheet_block {
    sheet_block_kind kind;
    const char *title; /* charts; optional for kpi; NULL otherwise */
    const char *unit;  /* charts: the unit stated once */
    const char *text;  /* text and note blocks; a chart's own note */
    sheet_item *items; /* kpi, ring, bullet, hbar, line, one-series bar */
    size_t n_items;
    sheet_series *series;     /* grouped bar charts; NULL otherwise */
    size_t n_series;
    const char **categories;  /* grouped bar charts: one label per item of a series */
    size_t n_categories;
    bool sort_by_value;       /* hbar: largest first instead of the given order */
    const char *path;         /* sections[1].blocks[0] */
} sheet_block;

typedef struct sheet_section {
    const char *title;
    sheet_block *blocks;
    size_t n_blocks;
    const char *path;
} sheet_section;

typedef struct sheet_source {
    const char *file, *title, *publisher, *url; /* publisher and url may be NULL */
} sheet_source;

typedef struct sheet {
    const char *file; /* the input file name as given */
    int year;
    const char *title, *subtitle, *issuer, *date; /* subtitle may be NULL; date is YYYY-MM-DD */
    sheet_source *sources;
    size_t n_sources;
    sheet_indicator *indicators;
    size_t n_indicators;
    sheet_section *sections;
    size_t n_sections;
    size_t n_missing;  /* indicators still null and text blocks still empty */
    struct arena *arena;
    struct locator *loc; /* positions of every value, for later messages */
    const char *text;    /* the file's bytes (after any byte-order mark) */
    size_t text_len;
} sheet;

/* Loads and validates the file at path. On success returns a sheet to
 * sheet_free. On failure returns NULL with every problem found in dl (up to
 * its limit); warnings may be added on success too. */
sheet *sheet_load(const char *path, diag_list *dl);

/* Same, from bytes already in memory; name is used in messages. */
sheet *sheet_load_bytes(const char *name, const char *bytes, size_t len, diag_list *dl);

void sheet_free(sheet *s);

/* Lists what is still missing (null figures, empty texts) into dl, as
 * errors (a sheet to print) or warnings (a draft). Returns the count. */
size_t sheet_report_missing(const sheet *s, diag_list *dl, diag_severity sev);

/* Adds a problem found after loading (by layout, say) at the place in the
 * file where path's value stands. */
void sheet_report(const sheet *s, diag_list *dl, diag_severity sev, const char *path,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Returns the index of the indicator with id, or (size_t)-1. */
size_t sheet_find_indicator(const sheet *s, const char *id);

#endif
