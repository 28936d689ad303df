/* jsonin: private to the model layer. What every JSON file of ours needs
 * before its own rules: reading the bytes (size limits, directories), the
 * UTF-8 check (with a GBK hint), Jansson's parse, the locator, and helpers
 * that fetch typed members and report problems at their line and column.
 * The only headers besides load*.c that include Jansson; no json_t leaves
 * the model layer. */
#ifndef MODEL_JSONIN_H
#define MODEL_JSONIN_H

#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>

#include "base/arena.h"
#include "base/diag.h"
#include "model/locator.h"

enum { JIN_MAX_BYTES = 64 * 1024 * 1024, JIN_MAX_STRING = 64 * 1024 };

typedef struct jin {
    arena *a; /* where paths and copied strings live */
    diag_list *dl;
    const char *name; /* the file name for messages */
    const char *text; /* the bytes after any byte-order mark */
    size_t len;
    locator *loc;
} jin;

/* The value at path as written in the file (2025.0 for a year), in the
 * arena; NULL when unknown. */
const char *jin_literal(jin *ld, const char *path);

/* Reads the file at path into a malloc'd buffer. Returns NULL with an error
 * in dl (missing, a directory, too large, unreadable). */
char *jin_read_file(const char *path, size_t *len, diag_list *dl);

/* Checks the bytes (a byte-order mark is skipped), parses them and locates
 * every value. Returns the root (json_decref it) with j ready for the
 * helpers, or NULL with the problem in dl. j->a must be set by the caller. */
json_t *jin_parse(jin *j, const char *name, const char *bytes, size_t len, diag_list *dl);

/* Reports at path, located through loc in text; at_key points at the key. */
void jin_vreport_at(diag_list *dl, const char *name, const locator *loc, const char *text,
                    size_t len, diag_severity sev, const char *path, bool at_key, const char *fmt,
                    va_list ap);
void jin_report(jin *ld, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void jin_warn_at_key(jin *ld, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

const char *jin_type_name(const json_t *v);
const char *jin_member_path(jin *ld, const char *parent, const char *key);
const char *jin_element_path(jin *ld, const char *parent, size_t i);

/* Warns about members not in known (NULL-terminated), suggesting the nearest. */
void jin_check_keys(jin *ld, json_t *obj, const char *path, const char *const *known);

/* obj[key] (or obj itself when key is NULL) as a copied string; reports a
 * missing required member or a wrong type and returns NULL then. */
const char *jin_get_string(jin *ld, json_t *obj, const char *path, const char *key, bool required);
json_t *jin_get_array(jin *ld, json_t *obj, const char *path, const char *key, bool required);
bool jin_expect_object(jin *ld, json_t *v, const char *path);

/* The number at path exactly as written (2.30), copied; reports a value that
 * is not a finite number, with advice for figures written as strings. */
const char *jin_number(jin *ld, json_t *v, const char *path, double *value);

#endif
