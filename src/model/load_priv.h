/* load_priv: private to the loader (load.c and its parts, load_*.c). */
#ifndef MODEL_LOAD_PRIV_H
#define MODEL_LOAD_PRIV_H

#include "jsonin.h"
#include "model/sheet.h"

/* Limits that end absurd input in a clear error rather than in exhausted
 * memory or a thousand-page PDF. */
enum {
    MAX_INDICATORS = 5000,
    MAX_SECTIONS = 100,
    MAX_BLOCKS = 200,
    MAX_ITEMS = 200,
    MAX_HIGHLIGHTS = 5,
    MAX_HONOURS = 200
};

typedef struct loader {
    jin j;
    sheet *s;
    const char *row; /* sheet_load_row: the row of "tables" this sheet is of */
} loader;

/* Reports arr when it has more than max elements; true when within. */
bool load_within_limit(jin *j, json_t *arr, const char *path, size_t max, const char *what);

/* True when d is a real date written YYYY-MM-DD (load_meta.c). */
bool load_valid_date(const char *d);

/* Reads the sheet's own settings: "year", "title", "date", "sources" and
 * the like (load_meta.c). */
void load_meta(loader *ld, json_t *root);

/* Reads "indicators" and checks their ids are unique (load_indicators.c). */
void load_indicators(loader *ld, json_t *root);

/* Appends the rows of "tables" to the indicators (load_tables.c), before
 * ids are checked for duplicates. */
void load_tables(loader *ld, json_t *root);

/* Loads "sections" with their blocks (load_blocks.c), after the indicators
 * and honours the blocks name. */
void load_sections(loader *ld, json_t *root);

#endif
