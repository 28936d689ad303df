/* ofd_zip: the OFD package as a zip, in memory, with libzip (its only
 * user). Entries in a fixed order (OFD.xml first, then the document, its
 * resources, the pages, the fonts), each dated the document's date at noon
 * whatever the time zone: the same parts give the same bytes.
 * Calls: libzip, libc. */
#ifndef RENDER_OFD_ZIP_H
#define RENDER_OFD_ZIP_H

#include <stdbool.h>
#include <stddef.h>

/* A part of the package: its name in the zip and its bytes (malloc'd). */
typedef struct ofd_part {
    char *name;
    void *data;
    size_t len;
    size_t seq; /* order written, which breaks ties of rank */
} ofd_part;

/* Sorts parts into package order and zips them into *out (malloc'd,
 * *out_len bytes); the parts' data is taken (set to NULL). date is
 * "YYYY-MM-DD…". False with a reason in *why. */
bool ofd_zip(ofd_part *parts, size_t n, const char *date, void **out, size_t *out_len,
             const char **why);

#endif
