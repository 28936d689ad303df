/* load_targets: reads the JSON files of data/targets/ into a target_set (see
 * include/model/targets.h); JSON handling as in load.c, through jsonin. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "jsonin.h"
#include "model/targets.h"
#include "model/units.h"

static void load_target(jin *j, json_t *v, const char *p, target *out)
{
    static const char *const keys[] = {"indicator", "label",    "value", "unit", "better",
                                       "year",      "document", "note",  NULL};
    if (!jin_expect_object(j, v, p))
        return;
    jin_check_keys(j, v, p, keys);
    out->indicator = jin_get_string(j, v, p, "indicator", true);
    out->label = jin_get_string(j, v, p, "label", false);
    out->unit = jin_get_string(j, v, p, "unit", true);
    out->document = jin_get_string(j, v, p, "document", true);
    out->note = jin_get_string(j, v, p, "note", false);
    out->file = j->name;
    json_t *value = json_object_get(v, "value");
    if (!value)
        jin_report(j, p, _("missing required field \"value\"; expected a number"));
    else
        out->literal = jin_number(j, value, jin_member_path(j, p, "value"), &out->value);
    const char *better = jin_get_string(j, v, p, "better", true);
    if (better && strcmp(better, "higher") == 0)
        out->better = BETTER_HIGHER;
    else if (better && strcmp(better, "lower") == 0)
        out->better = BETTER_LOWER;
    else if (better)
        jin_report(j, jin_member_path(j, p, "better"),
                   _("\"%s\" is not a direction; expected \"higher\" or \"lower\""), better);
    json_t *year = json_object_get(v, "year");
    if (!year)
        jin_report(j, p, _("missing required field \"year\"; expected a year such as 2030"));
    else if (!json_is_integer(year) || json_integer_value(year) < 1949 ||
             json_integer_value(year) > 2100)
        jin_report(j, jin_member_path(j, p, "year"),
                   _("expected a year between 1949 and 2100, such as 2030"));
    else
        out->year = (int)json_integer_value(year);
}

/* Appends the targets of one file to ts. */
static bool load_file(target_set *ts, const char *path, diag_list *dl)
{
    size_t errors_before = dl->errors;
    size_t len;
    char *buf = jin_read_file(path, &len, dl);
    if (!buf)
        return false;
    jin j = {.a = ts->arena};
    const char *name = arena_strdup(ts->arena, path);
    json_t *root = name ? jin_parse(&j, name, buf, len, dl) : NULL;
    if (root && jin_expect_object(&j, root, "")) {
        static const char *const keys[] = {"$schema", "targets", NULL};
        jin_check_keys(&j, root, "", keys);
        json_t *arr = jin_get_array(&j, root, "", "targets", true);
        size_t n = arr ? json_array_size(arr) : 0;
        target *items = realloc(ts->items, (ts->n + n + 1) * sizeof *items);
        if (items) {
            ts->items = items;
            size_t i;
            json_t *v;
            json_array_foreach(arr, i, v)
            {
                target *t = &ts->items[ts->n + i];
                memset(t, 0, sizeof *t);
                load_target(&j, v, jin_element_path(&j, "targets", i), t);
            }
            ts->n += n;
        } else {
            diag_error(dl, path, "%s", _("out of memory"));
        }
    }
    json_decref(root);
    locator_free(j.loc);
    free(buf);
    return dl->errors == errors_before;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

target_set *targets_load_dir(const char *dir, diag_list *dl)
{
    target_set *ts = calloc(1, sizeof *ts);
    if (!ts || !(ts->arena = arena_new())) {
        free(ts);
        diag_error(dl, dir, "%s", _("out of memory"));
        return NULL;
    }
    ts->dir = arena_strdup(ts->arena, dir);
    DIR *d = opendir(dir);
    if (!d)
        return ts; /* no targets: bullet charts will say so */
    char *names[64];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) {
        size_t len = strlen(e->d_name);
        if (len < 6 || e->d_name[0] == '.' || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        names[n] = arena_printf(ts->arena, "%s/%s", dir, e->d_name);
        struct stat st;
        if (names[n] && (stat(names[n], &st) != 0 || !S_ISREG(st.st_mode))) {
            diag_add(dl, DIAG_NOTE, names[n], 0, 0, NULL, NULL, "%s",
                     _("not a regular file; not read for the targets"));
            continue;
        }
        if (names[n])
            n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    bool ok = true;
    for (size_t i = 0; i < n; i++)
        ok = load_file(ts, names[i], dl) && ok;
    if (!ok) {
        targets_free(ts);
        return NULL;
    }
    return ts;
}

void targets_free(target_set *ts)
{
    if (!ts)
        return;
    free(ts->items);
    arena_free(ts->arena);
    free(ts);
}

const target *targets_find(const target_set *ts, const char *id)
{
    for (size_t i = 0; ts && i < ts->n; i++)
        if (ts->items[i].indicator && strcmp(ts->items[i].indicator, id) == 0)
            return &ts->items[i];
    return NULL;
}

bool target_met(const target *t, double value)
{
    return t->better == BETTER_LOWER ? value <= t->value : value >= t->value;
}
