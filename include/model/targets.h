/* targets: national targets that sheets measure progress against (the
 * bullet charts), kept as data with the name of the document that sets them:
 * data/targets/ (one JSON file each). Values keep their literal text like indicators do.
 * Calls: base; Jansson only inside src/model/load_targets.c. */
#ifndef MODEL_TARGETS_H
#define MODEL_TARGETS_H

#include "base/diag.h"
#include "model/sheet.h"

typedef struct target {
    const char *indicator; /* the indicator id it applies to */
    const char *label;     /* may be NULL */
    double value;
    const char *literal; /* "79.0" */
    const char *unit;
    sheet_better better;  /* higher: met when value >= target; lower: when <= */
    int year;             /* the year the target is set for: 2030 */
    const char *document; /* 《“健康中国2030”规划纲要》 */
    const char *note;     /* may be NULL */
    const char *file;
} target;

typedef struct target_set {
    const char *dir; /* where they were read from, for messages */
    target *items;
    size_t n;
    struct arena *arena;
} target_set;

/* Loads every *.json in dir (a missing dir gives an empty set). Returns NULL
 * with errors in dl when a target file is bad. */
target_set *targets_load_dir(const char *dir, diag_list *dl);
void targets_free(target_set *t);

/* The target for indicator id, or NULL. */
const target *targets_find(const target_set *t, const char *id);

/* True when value meets the target in its direction. */
bool target_met(const target *t, double value);

#endif
