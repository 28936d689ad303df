/* edit_dump: private to the edit module (src/model/edit*.c). The document
 * both its files share, edit.c loading and editing it, edit_dump.c writing
 * it out, and the table of number literals the writer prints from, which
 * edit.c fills. Jansson comes through jsonin.h, as in edit.c; no json_t
 * leaves the model layer. */
#ifndef MODEL_EDIT_DUMP_H
#define MODEL_EDIT_DUMP_H

#include <stdbool.h>
#include <stddef.h>

#include "jsonin.h"
#include "model/edit.h"

/* The literal table: number node -> its text. */
typedef struct lit_entry {
    json_t *node; /* NULL marks an empty slot; the table holds a reference */
    const char *text;
} lit_entry;

typedef struct lit_table {
    lit_entry *slots;
    size_t n_slots, n_used;
} lit_table;

struct edit_doc {
    jin j;       /* parse context: arena, name, text, locator */
    char *bytes; /* the file as read (j.text points into it) */
    size_t len;
    json_t *root;
    lit_table lits;
};

/* Records text (owned by the caller's arena) as node's literal, taking a
 * reference to node. False when out of memory; the table is then unaltered. */
bool edit_lit_put(lit_table *t, json_t *node, const char *text);

/* Drops the table's references and frees its slots; cannot fail. */
void edit_lit_free(lit_table *t);

#endif
