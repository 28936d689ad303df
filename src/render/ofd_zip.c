/* ofd_zip: see ofd_zip.h. */
#include "ofd_zip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ofd_libs.h"

static int part_rank(const char *name)
{
    return strcmp(name, "OFD.xml") == 0               ? 0
           : strcmp(name, "Doc_0/Document.xml") == 0  ? 1
           : strcmp(name, "Doc_0/PublicRes.xml") == 0 ? 2
           : strncmp(name, "Doc_0/Pages/", 12) == 0   ? 3
                                                      : 4;
}

/* Rank, then the order written (Page_10 after Page_9, as written). */
static int part_cmp(const void *a, const void *b)
{
    const ofd_part *x = a, *y = b;
    int rx = part_rank(x->name), ry = part_rank(y->name);
    if (rx != ry)
        return rx < ry ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Entries carry the document's date at noon as their time: libzip stores
 * local time, so the time given is the one whose local reading is that
 * date, and the bytes do not depend on TZ. */
bool ofd_zip(ofd_part *parts, size_t n, const char *date, void **out, size_t *out_len,
             const char **why)
{
    qsort(parts, n, sizeof *parts, part_cmp);
    struct tm tm = {0};
    if (sscanf(date, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
        tm.tm_year = 1980, tm.tm_mon = 1, tm.tm_mday = 1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_hour = 12; /* noon: never in a daylight-saving gap */
    tm.tm_isdst = -1;
    time_t mtime = mktime(&tm);

    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &ze) : NULL;
    if (!za) {
        *why = zip_error_strerror(&ze);
        if (mem)
            zip_source_free(mem);
        zip_error_fini(&ze);
        return false;
    }
    zip_source_keep(mem);
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        ofd_part *p = &parts[i];
        zip_source_t *s = zip_source_buffer(za, p->data, p->len, 1);
        if (!s) {
            ok = false;
            break;
        }
        p->data = NULL; /* the source frees it, with the zip or below */
        zip_int64_t idx = zip_file_add(za, p->name, s, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(s);
            ok = false;
            break;
        }
        ok = zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0) == 0 &&
             zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 0) == 0;
    }
    if (!ok) {
        *why = zip_strerror(za);
        zip_discard(za);
        zip_source_free(mem);
        zip_error_fini(&ze);
        return false;
    }
    if (zip_close(za) != 0) {
        *why = zip_strerror(za);
        zip_discard(za);
        zip_source_free(mem);
        zip_error_fini(&ze);
        return false;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    ok = zip_source_open(mem) == 0;
    if (ok && zip_source_stat(mem, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
        *out_len = (size_t)st.size;
        *out = malloc(*out_len ? *out_len : 1);
        ok = *out && zip_source_read(mem, *out, st.size) == (zip_int64_t)st.size;
        if (!ok) {
            free(*out);
            *out = NULL;
        }
    } else {
        ok = false;
    }
    if (!ok)
        *why = "cannot read the package back from memory";
    zip_source_close(mem);
    zip_source_free(mem);
    zip_error_fini(&ze);
    return ok;
}
