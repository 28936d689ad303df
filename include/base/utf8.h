/* utf8: the few UTF-8 operations the project does by hand (Pango and GLib
 * do the rest, in the text module): decoding one character leniently,
 * finding the first invalid byte, encoding a code point.
 * Calls: libc only. */
#ifndef BASE_UTF8_H
#define BASE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the character at s (at most len bytes) into *cp and returns its
 * length; a malformed or truncated sequence counts as one byte, *cp = s[0]. */
size_t utf8_next(const unsigned char *s, size_t len, uint32_t *cp);

/* The offset of the first byte that is not valid UTF-8 (overlong forms and
 * surrogates included), or len when all is valid. */
size_t utf8_invalid_offset(const unsigned char *s, size_t len);

/* Writes cp as UTF-8 into out (NUL-terminated) and returns its length. */
size_t utf8_encode(uint32_t cp, char out[5]);

#endif
