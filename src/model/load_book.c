/* load_book: reads data/book/trends.json into book_notes (see
 * include/model/book_notes.h); JSON handling as in load.c, through jsonin:
 * every problem is reported at its line and column, all in one run. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "jsonin.h"
#include "model/book_notes.h"

/* An array of ids at parent.key: non-empty strings, copied into *out.
 * required: the member must be there and hold one id at least. */
static void load_ids(jin *j, json_t *obj, const char *parent, const char *key, bool required,
                     const char ***out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    json_t *arr = jin_get_array(j, obj, parent, key, required);
    if (!arr)
        return;
    const char *p = jin_member_path(j, parent, key);
    size_t n = json_array_size(arr);
    if (n == 0 && required) {
        jin_report(j, p, _("the list is empty; expected one indicator id at least"));
        return;
    }
    const char **ids = arena_alloc(j->a, (n ? n : 1) * sizeof *ids);
    if (!ids) {
        jin_report(j, p, "%s", _("out of memory"));
        return;
    }
    size_t i, k = 0;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        const char *ep = jin_element_path(j, p, i);
        if (!json_is_string(v)) {
            jin_report(j, ep, _("expected an indicator id (a string), got %s"), jin_type_name(v));
            continue;
        }
        const char *id = jin_get_string(j, v, ep, NULL, true);
        if (id)
            ids[k++] = id;
    }
    *out = ids;
    *n_out = k;
}

static void load_topic(jin *j, json_t *v, const char *p, book_topic *t)
{
    static const char *const keys[] = {"title", "ids", "comparable", "note", NULL};
    t->path = p;
    if (!jin_expect_object(j, v, p))
        return;
    jin_check_keys(j, v, p, keys);
    t->title = jin_get_string(j, v, p, "title", true);
    t->note = jin_get_string(j, v, p, "note", false);
    if (t->note && !t->note[0])
        t->note = NULL;
    load_ids(j, v, p, "ids", true, &t->ids, &t->n_ids);
    load_ids(j, v, p, "comparable", false, &t->comparable, &t->n_comparable);
    /* Only what the page shows can be compared on it. */
    for (size_t c = 0; c < t->n_comparable; c++) {
        bool listed = false;
        for (size_t i = 0; i < t->n_ids && !listed; i++)
            listed = strcmp(t->comparable[c], t->ids[i]) == 0;
        if (!listed)
            jin_report(j, jin_element_path(j, jin_member_path(j, p, "comparable"), c),
                       _("\"%s\" is not in this topic's \"ids\"; list it there too"),
                       t->comparable[c]);
    }
}

/* An indicator on two pages would get two different notes: one topic each. */
static void check_unique_ids(jin *j, const book_notes *bn)
{
    for (size_t a = 0; a < bn->n_topics; a++)
        for (size_t i = 0; i < bn->topics[a].n_ids; i++)
            for (size_t b = 0; b <= a; b++)
                for (size_t k = 0; k < (b == a ? i : bn->topics[b].n_ids); k++)
                    if (strcmp(bn->topics[a].ids[i], bn->topics[b].ids[k]) == 0)
                        jin_report(
                            j,
                            jin_element_path(j, jin_member_path(j, bn->topics[a].path, "ids"), i),
                            _("indicator \"%s\" is already listed in %s.ids[%zu]; an "
                              "indicator belongs to one topic"),
                            bn->topics[a].ids[i], bn->topics[b].path, k);
}

static void load_root(jin *j, json_t *root, book_notes *bn)
{
    static const char *const keys[] = {"$schema", "title", "headline", "topics", NULL};
    if (!jin_expect_object(j, root, ""))
        return;
    jin_check_keys(j, root, "", keys);
    bn->title = jin_get_string(j, root, "", "title", false);
    if (bn->title && !bn->title[0])
        bn->title = NULL;
    if (json_object_get(root, "headline"))
        load_ids(j, root, "", "headline", true, &bn->headline, &bn->n_headline);
    json_t *arr = jin_get_array(j, root, "", "topics", true);
    size_t n = arr ? json_array_size(arr) : 0;
    bn->topics = arena_alloc(j->a, (n ? n : 1) * sizeof *bn->topics);
    if (!bn->topics) {
        jin_report(j, "topics", "%s", _("out of memory"));
        return;
    }
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
        load_topic(j, v, jin_element_path(j, "topics", i), &bn->topics[i]);
    bn->n_topics = n;
    check_unique_ids(j, bn);
}

book_notes *book_notes_load(const char *path, diag_list *dl)
{
    arena *a = arena_new();
    book_notes *bn = a ? arena_alloc(a, sizeof *bn) : NULL;
    if (!bn) {
        arena_free(a);
        diag_error(dl, path, "%s", _("out of memory"));
        return NULL;
    }
    bn->arena = a;
    struct stat sb;
    if (stat(path, &sb) != 0 && errno == ENOENT)
        return bn; /* no notes: the book shows what the data say */

    size_t errors_before = dl->errors, len;
    char *buf = jin_read_file(path, &len, dl);
    if (!buf)
        goto fail;
    jin j = {.a = a};
    bn->file = arena_strdup(a, path);
    json_t *root = bn->file ? jin_parse(&j, bn->file, buf, len, dl) : NULL;
    if (root)
        load_root(&j, root, bn);
    json_decref(root);
    /* Keep the bytes and positions, so the layout can point into the file. */
    bn->origin.file = bn->file;
    bn->origin.text = arena_strndup(a, j.text ? j.text : "", j.len);
    bn->origin.text_len = j.len;
    bn->origin.loc = j.loc;
    bn->origin.arena = a;
    free(buf);
    if (!bn->file || !bn->origin.text) {
        diag_error(dl, path, "%s", _("out of memory"));
        goto fail;
    }
    if (dl->errors > errors_before)
        goto fail;
    return bn;

fail:
    book_notes_free(bn);
    return NULL;
}

void book_notes_free(book_notes *bn)
{
    if (!bn)
        return;
    locator_free(bn->origin.loc);
    arena_free(bn->arena); /* bn itself lives in it */
}

const book_topic *book_notes_lookup_topic(const book_notes *bn, const char *id, size_t *index)
{
    for (size_t t = 0; bn && t < bn->n_topics; t++)
        for (size_t i = 0; i < bn->topics[t].n_ids; i++)
            if (strcmp(bn->topics[t].ids[i], id) == 0) {
                if (index)
                    *index = t;
                return &bn->topics[t];
            }
    return NULL;
}

bool book_topic_comparable(const book_topic *t, const char *id)
{
    for (size_t i = 0; t && i < t->n_comparable; i++)
        if (strcmp(t->comparable[i], id) == 0)
            return true;
    return false;
}
