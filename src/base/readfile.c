/* readfile: see include/base/readfile.h. */
#include "base/readfile.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"

char *readfile_all(const char *path, size_t max_bytes, const char *is_dir_msg, size_t *len_out,
                   diag_list *dl)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        diag_error(dl, path, _("cannot open: %s"), strerror(errno));
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        diag_error(dl, path, "%s", is_dir_msg);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        /* A FIFO or a device would block the run or never end. */
        diag_error(dl, path, "%s",
                   _("not a regular file (a pipe, socket or device); expected a data file"));
        return NULL;
    }
    if ((unsigned long long)st.st_size > max_bytes) {
        diag_error(dl, path, _("the file is %lld bytes; at most %d bytes are accepted"),
                   (long long)st.st_size, (int)max_bytes);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error(dl, path, _("cannot open: %s"), strerror(errno));
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        diag_error(dl, path, "%s", _("out of memory"));
        return NULL;
    }
    size_t len = fread(buf, 1, cap, f);
    bool failed = ferror(f) || len == cap; /* the file grew while reading */
    fclose(f);
    if (failed) {
        free(buf);
        diag_error(dl, path, "%s", _("cannot read the file"));
        return NULL;
    }
    *len_out = len;
    return buf;
}
