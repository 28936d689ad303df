/* history: see include/model/history.h. */
#include "model/history.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "model/units.h"

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

history *history_load(const char *dir, diag_list *dl)
{
    history *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->dir = strdup(dir);
    DIR *d = opendir(dir);
    if (!h->dir || !d) {
        if (d)
            closedir(d);
        return h; /* no siblings: no history, not an error */
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        /* Only year files, data/<year>.json: a folder of a thousand county
         * sheets (0001.json …) is not a history, and reading it would cost
         * every sheet a third of a second. */
        size_t len = strlen(e->d_name);
        const char *nm = e->d_name;
        bool year_name = len == 9 && strcmp(nm + 4, ".json") == 0 && nm[0] >= '1' && nm[0] <= '2' &&
                         nm[1] >= '0' && nm[1] <= '9' && nm[2] >= '0' && nm[2] <= '9' &&
                         nm[3] >= '0' && nm[3] <= '9';
        if (!year_name)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        names[n] = malloc(strlen(dir) + len + 2);
        if (!names[n])
            break;
        snprintf(names[n], strlen(dir) + len + 2, "%s/%s", dir, e->d_name);
        /* A FIFO or device named like a year would hang or feed the loader
         * forever: only regular files are read. */
        struct stat st;
        if (stat(names[n], &st) != 0 || !S_ISREG(st.st_mode)) {
            diag_add(dl, DIAG_NOTE, names[n], 0, 0, NULL, NULL, "%s",
                     _("not a regular file; left out of trends and year-on-year changes"));
            free(names[n]);
            continue;
        }
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    h->years = calloc(n ? n : 1, sizeof *h->years);
    for (size_t i = 0; i < n; i++) {
        diag_list quiet;
        diag_list_init(&quiet, 1);
        sheet *s = h->years ? sheet_load(names[i], &quiet) : NULL;
        if (!s) {
            /* A design of one sheet per row (factsheet --each) is no year of
             * the history: left out without a word. */
            diag_list per_row;
            diag_list_init(&per_row, 1);
            sheet *row = h->years ? sheet_load_row(names[i], "", &per_row) : NULL;
            diag_list_clear(&per_row);
            if (row) {
                sheet_free(row);
                quiet.errors = 0;
            }
            if (quiet.errors)
                diag_add(dl, DIAG_WARNING, names[i], 0, 0, NULL, NULL, "%s",
                         _("left out of trends and year-on-year changes: the file has errors"));
        } else if (history_year(h, s->year)) {
            diag_add(dl, DIAG_WARNING, names[i], 0, 0, NULL, NULL,
                     _("a second file for %d; only %s is used for trends"), s->year,
                     history_year(h, s->year)->file);
            sheet_free(s);
        } else {
            size_t k = h->n++;
            while (k > 0 && h->years[k - 1]->year > s->year) {
                h->years[k] = h->years[k - 1];
                k--;
            }
            h->years[k] = s;
        }
        diag_list_clear(&quiet);
        free(names[i]);
    }
    free(names);
    return h;
}

void history_free(history *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->n; i++)
        sheet_free(h->years[i]);
    free(h->years);
    free(h->dir);
    free(h);
}

void history_drop_drafts(history *h, diag_list *dl)
{
    size_t kept = 0;
    for (size_t i = 0; h && i < h->n; i++) {
        sheet *s = h->years[i];
        if (!s->n_missing) {
            h->years[kept++] = s;
            continue;
        }
        diag_add(dl, DIAG_WARNING, s->file, 0, 0, NULL, NULL,
                 _("left out of the book: a draft, %zu figures or texts still missing"),
                 s->n_missing);
        sheet_free(s);
    }
    if (h)
        h->n = kept;
}

const sheet *history_year(const history *h, int year)
{
    for (size_t i = 0; h && i < h->n; i++)
        if (h->years[i]->year == year)
            return h->years[i];
    return NULL;
}

const sheet_indicator *history_lookup(const history *h, int year, const char *id)
{
    const sheet *s = history_year(h, year);
    if (!s)
        return NULL;
    size_t k = sheet_find_indicator(s, id);
    return k == (size_t)SHEET_NONE || s->indicators[k].missing ? NULL : &s->indicators[k];
}

const sheet_indicator *history_previous(const history *h, int year, const char *id,
                                        const char *unit, int *found_year)
{
    for (size_t i = h ? h->n : 0; i-- > 0;) {
        const sheet *s = h->years[i];
        if (s->year >= year)
            continue;
        size_t k = sheet_find_indicator(s, id);
        if (k == (size_t)SHEET_NONE || s->indicators[k].missing)
            continue;
        if (!units_comparable(s->indicators[k].unit, unit))
            return NULL; /* the nearest earlier figure is of another kind: no change */
        *found_year = s->year;
        return &s->indicators[k];
    }
    return NULL;
}

const sheet_indicator *history_before(const history *h, int year, const char *id, int *found_year)
{
    for (size_t i = h ? h->n : 0; i-- > 0;) {
        const sheet *s = h->years[i];
        if (s->year >= year)
            continue;
        size_t k = sheet_find_indicator(s, id);
        if (k == (size_t)SHEET_NONE || s->indicators[k].missing)
            continue;
        *found_year = s->year;
        return &s->indicators[k];
    }
    return NULL;
}
