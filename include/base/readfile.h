/* readfile: reads a whole input file into memory, refusing what is not one:
 * a missing file, a directory, a file over a size limit.
 * Calls: libc, POSIX. */
#ifndef BASE_READFILE_H
#define BASE_READFILE_H

#include <stddef.h>

#include "base/diag.h"

/* Reads path into a malloc'd buffer (one spare byte, not NUL-terminated by
 * contract) and sets *len. Returns NULL with an error in dl on failure;
 * is_dir_msg is the (translated) message for a directory, which names the
 * kind of file expected. */
char *readfile_all(const char *path, size_t max_bytes, const char *is_dir_msg, size_t *len,
                   diag_list *dl);

#endif
