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

/* What sort of measure a figure is (docs/data-model.md). Two figures are
 * compared only when they are of one kind; a change the source computed
 * and a rank are never compared at all. */
typedef enum sheet_kind {
    KIND_COUNT,      /* a level, a count, an amount: 13个, 2.3亿元 */
    KIND_SHARE,      /* a share or rate of a whole in % or ‰: changes in points */
    KIND_CHANGE,     /* a change the source computed: 降幅3.58%, 增长45% */
    KIND_PER_CAPITA, /* per person or per 1 000, a density */
    KIND_RANK,       /* a position in a ranking: printed as a statement */
    KIND_LAST        /* never use! */
} sheet_kind;

/* A rank's setting: 全国433个市级行政区医改监测评价中第4 (A+). */
typedef struct sheet_rank {
    const char *level; /* 全国, 中部, 全省, 全市 */
    const char *field; /* what was ranked: 市级行政区医改监测评价; may be NULL */
    const char *of;    /* how many were ranked, as written ("433"); NULL when unsaid */
    const char *grade; /* a grade awarded with it: A+; NULL when none */
} sheet_rank;

typedef struct sheet_indicator {
    const char *id, *label;
    double value;
    const char *literal;   /* the number exactly as written in the file: "2.30" */
    const char *unit;      /* as written: 亿元, 万人次, %, ‰, /10万; may be "" */
    const char *qualifier; /* 约, 超, 余 …; NULL when none */
    sheet_better better;
    const char *note; /* NULL when none */
    const char *source_file, *source_quote;
    /* A statistics table's cell (表3-1, 芦淞区, 床位数) instead of a quote
     * (source_quote NULL); all three or none. From "tables", or a source
     * {"file", "table", "row", "column"}. */
    const char *source_table, *source_row, *source_column;
    const char *path; /* JSON path, for messages: indicators[3] */
    bool missing;     /* "value": null: a figure still to be filled in (a
                         draft, as `factsheet new` writes); literal NULL */
    /* What the figure means; every field optional in the data. */
    sheet_kind kind;        /* given, or KIND_SHARE for % and ‰, else KIND_COUNT */
    const char *period;     /* the time it covers as the source says: 1—11月; NULL: the year */
    const char *as_of;      /* YYYY-MM[-DD] of a stock stated as 目前/截至; NULL when none */
    const char *scope;      /* whose figure: 公立医院; NULL: the whole city */
    const char *definition; /* what is counted, where a label could mean several things */
    const char *base;       /* KIND_CHANGE: against what: 同比, 较2020年 */
    sheet_rank rank;        /* KIND_RANK only */
} sheet_indicator;

/* An honour, a first or a title the source states about the year. */
typedef struct sheet_honour {
    const char *id, *text;
    const char *source_file, *source_quote;
    const char *path; /* honours[2] */
} sheet_honour;

/* The kinds of block, from the one table in model/block_kinds.def. */
#define BLOCK_KIND(ID, ...) BLOCK_##ID,
typedef enum sheet_block_kind {
#include "model/block_kinds.def"
    BLOCK_KIND_LAST /* never use! */
} sheet_block_kind;
#undef BLOCK_KIND

/* The rules of a kind's items and fields (the rules column of the table). */
enum {
    BK_ITEMS = 1 << 0,          /* "items": indicator ids */
    BK_SERIES = 1 << 1,         /* or "categories" and "series" (grouped bars) */
    BK_OTHER_YEARS = 1 << 2,    /* items may name ids only other years have */
    BK_TEXT = 1 << 3,           /* a "text" paragraph instead of items */
    BK_CHART = 1 << 4,          /* a chart: a title saying its message, a unit,
                                   a note; no ranks; a placeholder in a draft */
    BK_ONE_MEASURE = 1 << 5,    /* items share unit, kind, scope and period */
    BK_SHARE = 1 << 6,          /* items are shares of a whole, 0–100 % */
    BK_SORT = 1 << 7,           /* "sort": "value" or "given" */
    BK_REST = 1 << 8,           /* "rest": true instead of items: every figure
                                   shown nowhere else */
    BK_HONOURS = 1 << 9,        /* items may name honours as well as indicators */
    BK_FEW = 1 << 10,           /* four to six items */
    BK_OPTIONAL_TITLE = 1 << 11 /* a title may be given */
};

/* A kind's row of the table, for the model. */
typedef struct sheet_block_kind_info {
    const char *name;
    unsigned rules;
    const char *const *keys; /* accepted keys, NULL-terminated, "type" first */
} sheet_block_kind_info;

/* The row of kind k. */
const sheet_block_kind_info *sheet_block_kind_lookup(sheet_block_kind k);

/* The kind named name ("kpi"), or BLOCK_KIND_LAST. */
sheet_block_kind sheet_block_kind_named(const char *name);

/* The names of every kind, for messages: "kpi, hero, bar, …". */
const char *sheet_block_kind_list(void);

enum { SHEET_NONE = -1 };

typedef struct sheet_item {
    const char *id;    /* the indicator id as written */
    size_t indicator;  /* index into sheet.indicators; (size_t)SHEET_NONE when this
                          year lacks it (allowed in line charts only) */
    size_t honour;     /* facts: index into sheet.honours, or (size_t)SHEET_NONE */
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
    sheet_series *series; /* grouped bar charts; NULL otherwise */
    size_t n_series;
    const char **categories; /* grouped bar charts: one label per item of a series */
    size_t n_categories;
    bool sort_by_value; /* hbar: largest first instead of the given order */
    bool rest;          /* table: every figure the sheet shows nowhere else */
    const char *path;   /* sections[1].blocks[0] */
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
    sheet_honour *honours;
    size_t n_honours;
    const char **highlights; /* 要点: three to five sentences */
    size_t n_highlights;
    size_t n_missing; /* indicators still null and text blocks still empty */
    /* The rows of the first of "tables" (ids and labels), for one sheet per
     * row; n_rows 0 without tables. row: the row this sheet is of, or NULL. */
    const char **row_ids, **row_labels;
    size_t n_rows;
    const char *row;
    struct arena *arena;
    struct locator *loc; /* positions of every value, for later messages */
    const char *text;    /* the file's bytes (after any byte-order mark) */
    size_t text_len;
} sheet;

/* Loads and validates the file at path. On success returns a sheet to
 * sheet_free. On failure returns NULL with every problem found in dl (up to
 * its limit); warnings may be added on success too. */
sheet *sheet_load(const char *path, diag_list *dl);

/* One sheet per row (factsheet --each): loads path as the sheet of row (an
 * id of the rows of "tables"; "" for the first). Each table then gives,
 * besides its <table>_<row> indicators, the indicator <table> holding
 * that row's figure, so one design names "beds" and shows each district's
 * own; the title names the row. */
sheet *sheet_load_row(const char *path, const char *row, diag_list *dl);

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

/* Returns the index of the honour with id, or (size_t)-1. */
size_t sheet_find_honour(const sheet *s, const char *id);

/* The names of the measure kinds ("count", "share", …) and back. */
const char *sheet_kind_name(sheet_kind k);
/* The kind in words, translated: "a share" (占比). */
const char *sheet_kind_words(sheet_kind k);

#endif
