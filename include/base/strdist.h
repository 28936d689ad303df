/* strdist: how far apart two short strings are, for "did you mean …?"
 * suggestions on typos (a key, an indicator id).
 * Calls: libc only. */
#ifndef BASE_STRDIST_H
#define BASE_STRDIST_H

#include <stddef.h>

/* The Levenshtein distance of a and b (bytes), or SIZE_MAX when either is
 * longer than 64 bytes: suggestions are for short names only. */
size_t strdist(const char *a, const char *b);

#endif
