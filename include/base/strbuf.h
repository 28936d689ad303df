/* strbuf: a growable string, for text assembled from the data (a chart's
 * note with its sources, a list of years) that a fixed buffer would cut
 * silently. As curl's dynbuf: a maximum size, and a failure that is sticky
 * and frees nothing the caller must free twice.
 * Calls: libc only. */
#ifndef BASE_STRBUF_H
#define BASE_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct strbuf {
    char *s; /* NUL-terminated; "" until something is added */
    size_t len, cap;
    bool failed; /* out of memory or over STRBUF_MAX: the text is incomplete */
} strbuf;

enum { STRBUF_MAX = 1024 * 1024 };

/* Appends printf-formatted text. Returns false (and stays failed) when out
 * of memory or past STRBUF_MAX. */
bool sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The text so far ("" when empty); valid until the next call. */
const char *sb_str(const strbuf *b);

void sb_free(strbuf *b);

#endif
