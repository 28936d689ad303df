/* history: the other years' sheets beside a data file, for year-on-year
 * changes on KPI cards and for line charts across the years. A sibling that
 * does not load is left out with a warning: it gets its own errors when it
 * is rendered itself.
 * Calls: model/sheet, base. */
#ifndef MODEL_HISTORY_H
#define MODEL_HISTORY_H

#include "base/diag.h"
#include "model/sheet.h"

typedef struct history {
    sheet **years; /* sorted by year, one sheet per year */
    size_t n;
    char *dir;
} history;

/* Loads every year file (NNNN.json, as data/2025.json) directly in dir. Returns NULL only when out
 * of memory; problems with single files become warnings in dl. */
history *history_load(const char *dir, diag_list *dl);
void history_free(history *h);

/* Leaves out the years still being filled in (a figure or text missing), with
 * one warning each, so that the book spans only the years with figures. */
void history_drop_drafts(history *h, diag_list *dl);

/* The sheet of year, or NULL. */
const sheet *history_year(const history *h, int year);

/* The indicator id in year's sheet, or NULL. */
const sheet_indicator *history_lookup(const history *h, int year, const char *id);

/* The latest year before `year` whose sheet has the figure id (whatever
 * its unit or definition: the caller asks compare_like whether the two may
 * be compared); sets *found_year, or returns NULL. */
const sheet_indicator *history_before(const history *h, int year, const char *id, int *found_year);

/* The latest year before `year` that has id in a unit comparable with unit;
 * returns its indicator and sets *found_year, or NULL. */
const sheet_indicator *history_previous(const history *h, int year, const char *id,
                                        const char *unit, int *found_year);

#endif
