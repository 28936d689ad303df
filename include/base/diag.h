/* diag: diagnostics that point at the input, as compilers and jq do:
 *   FILE:LINE:COLUMN: JSON.PATH: what is wrong; what was expected
 * followed by the source line and a caret. A diag_list collects every problem
 * of one file (validation reports them all, up to a limit).
 *
 * Invariants: a list owns copies of all its strings. Columns count characters
 * (code points), 1-based, as Jansson does.
 * Calls: libc only. */
#ifndef BASE_DIAG_H
#define BASE_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A note says what was done without anything being wrong (a special file
 * beside the input left out); it counts as neither error nor warning. */
typedef enum diag_severity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } diag_severity;

typedef struct diag {
    diag_severity severity;
    char *file;       /* may be NULL */
    int line, column; /* 0 when unknown */
    char *path;       /* JSON path such as sections[1].blocks[0]; may be NULL */
    char *message;
    char *source_line; /* the input line for the caret; may be NULL */
} diag;

typedef struct diag_list {
    diag *items;
    size_t count, cap, max;
    size_t errors, warnings;
    size_t dropped; /* problems beyond max, counted but not kept */
} diag_list;

/* Starts an empty list that keeps at most max problems. */
void diag_list_init(diag_list *dl, size_t max);

/* Frees every diagnostic; the list is empty and reusable afterwards. */
void diag_list_clear(diag_list *dl);

/* Adds a problem. Out of memory drops the problem but still counts it, so an
 * error is never lost as a success. */
void diag_add(diag_list *dl, diag_severity sev, const char *file, int line, int column,
              const char *path, const char *source_line, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

/* Moves every problem of src to the end of dst (src is cleared). */
void diag_list_take(diag_list *dst, diag_list *src);

/* Shorthand for an error with no position. */
void diag_error(diag_list *dl, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prints every problem, one line each plus source line and caret. */
void diag_list_print(const diag_list *dl, FILE *out);

/* Returns the line of text (without its newline) that holds byte offset off,
 * as a malloc'd string, or NULL when out of memory. */
char *diag_source_line(const char *text, size_t len, size_t off);

#endif
