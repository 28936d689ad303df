/* sources: see include/model/sources.h. */
#include "model/sources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"

enum { SOURCES_CACHE = 32, SOURCES_MAX_BYTES = 16 * 1024 * 1024 };

typedef struct doc_text {
    const char *name;
    char *text; /* NULL when unreadable */
} doc_text;

static char *read_text(const char *dir, const char *name)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
        return NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(SOURCES_MAX_BYTES + 1);
    size_t n = buf ? fread(buf, 1, SOURCES_MAX_BYTES, f) : 0;
    fclose(f);
    if (buf)
        buf[n] = '\0';
    return buf;
}

bool sources_check(const sheet *s, const char *dir, diag_list *dl)
{
    doc_text cache[SOURCES_CACHE] = {0};
    size_t n_cache = 0, errors = dl->errors;
    for (size_t i = 0; i < s->n_indicators; i++) {
        const sheet_indicator *ind = &s->indicators[i];
        if (ind->missing)
            continue; /* nothing to check yet */
        char path[512];
        snprintf(path, sizeof path, "%s.source.file", ind->path);
        const char *name = ind->source_file;
        if (strchr(name, '/') || name[0] == '.' || strchr(name, '\\')) {
            sheet_report(s, dl, DIAG_ERROR, path,
                         _("\"%s\" is not a plain file name; expected the name of a file in the "
                           "sources folder"),
                         name);
            continue;
        }
        doc_text *d = NULL;
        for (size_t k = 0; k < n_cache; k++)
            if (strcmp(cache[k].name, name) == 0)
                d = &cache[k];
        if (!d && n_cache < SOURCES_CACHE) {
            d = &cache[n_cache++];
            d->name = name;
            d->text = read_text(dir, name);
        }
        if (!d || !d->text) {
            sheet_report(s, dl, DIAG_ERROR, path, _("source \"%s\" is not in %s"), name, dir);
            continue;
        }
        snprintf(path, sizeof path, "%s.source.quote", ind->path);
        if (!strstr(d->text, ind->source_quote)) {
            sheet_report(s, dl, DIAG_ERROR, path,
                         _("the quote is not in \"%s\"; expected an exact passage of the source"),
                         name);
            continue;
        }
        /* That the figure stands in its quote is checked on every render
         * (model/selfcheck), with or without the documents. */
    }
    for (size_t k = 0; k < n_cache; k++)
        free(cache[k].text);
    return dl->errors == errors;
}
