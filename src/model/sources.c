/* sources: see include/model/sources.h. */
#include "model/sources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"

enum { SOURCES_MAX_BYTES = 16 * 1024 * 1024 };

typedef struct doc_text {
    const char *name;
    char *text; /* NULL when unreadable */
} doc_text;

static char *read_text(const char *dir, const char *name)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
        return NULL;
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return NULL; /* a FIFO would block the run */
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

/* True when literal stands in quote as a whole number: 8 does not match
 * inside 88 or 1.8. */
static bool stands_in(const char *quote, const char *literal)
{
    size_t n = strlen(literal);
    for (const char *p = strstr(quote, literal); p; p = strstr(p + 1, literal)) {
        char before = p > quote ? p[-1] : ' ', after = p[n];
        bool digit_before = (before >= '0' && before <= '9') || before == '.';
        bool digit_after = after >= '0' && after <= '9';
        if (!digit_before && !digit_after)
            return true;
    }
    return false;
}

bool sources_check(const sheet *s, const char *dir, diag_list *dl)
{
    /* One entry per document named, however many: a fixed cache reported
     * the 33rd document as missing. */
    doc_text *cache = calloc(s->n_indicators ? s->n_indicators : 1, sizeof *cache);
    size_t n_cache = 0, errors = dl->errors;
    if (!cache) {
        diag_error(dl, dir, "%s", _("out of memory"));
        return false;
    }
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
        if (!d) {
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
        if (ind->literal && !stands_in(ind->source_quote, ind->literal)) {
            snprintf(path, sizeof path, "%s.value", ind->path);
            sheet_report(s, dl, DIAG_ERROR, path,
                         _("the figure %s does not appear in its quote \"%s\""), ind->literal,
                         ind->source_quote);
        }
    }
    for (size_t k = 0; k < n_cache; k++)
        free(cache[k].text);
    free(cache);
    return dl->errors == errors;
}
