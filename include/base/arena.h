/* arena: a bump allocator that owns every string and array of one loaded
 * sheet, so the model is freed in one call and no field leaks on an error path.
 *
 * Invariants: memory is 16-byte aligned and lives until arena_free().
 * Calls: libc only. */
#ifndef BASE_ARENA_H
#define BASE_ARENA_H

#include <stddef.h>

typedef struct arena arena;

/* Returns a new empty arena, or NULL when out of memory. */
arena *arena_new(void);

/* Frees the arena and everything allocated from it. NULL is a no-op. */
void arena_free(arena *a);

/* Returns n zeroed bytes, or NULL when out of memory (the arena is unaltered). */
void *arena_alloc(arena *a, size_t n);

/* Returns a NUL-terminated copy of the first len bytes of s, or NULL when out of memory. */
char *arena_strndup(arena *a, const char *s, size_t len);

/* Returns a copy of the NUL-terminated s, or NULL when out of memory. */
char *arena_strdup(arena *a, const char *s);

/* Returns a printf-formatted string, or NULL when out of memory. */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
