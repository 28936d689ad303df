/* load: reads data/<year>.json into a validated sheet. With jsonin.c and
 * load_targets.c, the only code that includes Jansson; no json_t leaves the
 * model layer.
 *
 * Order of work: read the bytes, check they are UTF-8, parse with Jansson
 * (syntax errors stop here), locate every value with the locator (positions
 * and literal numbers), then validate the whole tree, collecting every
 * problem rather than stopping at the first. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "load_priv.h"
#include "model/locator.h"
#include "model/sheet.h"
#include "model/selfcheck.h"

bool load_within_limit(jin *j, json_t *arr, const char *path, size_t max, const char *what)
{
    if (json_array_size(arr) <= max)
        return true;
    jin_report(j, path, _("%zu %s; at most %zu are allowed"), json_array_size(arr), what, max);
    return false;
}

void sheet_report(const sheet *s, diag_list *dl, diag_severity sev, const char *path,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jin_vreport_at(dl, s->file, s->loc, s->text, s->text_len, sev, path, false, fmt, ap);
    va_end(ap);
}

size_t sheet_find_honour(const sheet *s, const char *id)
{
    for (size_t i = 0; i < s->n_honours; i++)
        if (s->honours[i].id && strcmp(s->honours[i].id, id) == 0)
            return i;
    return (size_t)-1;
}

/* "honours": statements the source makes about the year that are not
 * figures: {"id", "text", "source": {"file", "quote"}}. */
static void load_honours(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *arr = jin_get_array(&ld->j, root, "", "honours", false);
    if (!arr || !load_within_limit(&ld->j, arr, "honours", MAX_HONOURS, _("honours")))
        return;
    s->n_honours = json_array_size(arr);
    s->honours = arena_alloc(ld->j.a, (s->n_honours ? s->n_honours : 1) * sizeof *s->honours);
    if (!s->honours) {
        s->n_honours = 0;
        return;
    }
    static const char *const keys[] = {"id", "text", "source", NULL};
    static const char *const skeys[] = {"file", "quote", NULL};
    size_t i;
    json_t *h;
    json_array_foreach(arr, i, h)
    {
        sheet_honour *out = &s->honours[i];
        const char *p = jin_element_path(&ld->j, "honours", i);
        out->path = p;
        if (!jin_expect_object(&ld->j, h, p))
            continue;
        jin_check_keys(&ld->j, h, p, keys);
        out->id = jin_get_string(&ld->j, h, p, "id", true);
        out->text = jin_get_string(&ld->j, h, p, "text", false);
        if (!json_object_get(h, "text"))
            jin_report(&ld->j, p, _("missing required field \"text\"; expected a string"));
        bool blank = out->text && !out->text[0]; /* a draft's: still to be written */
        s->n_missing += blank;
        if (out->id && sheet_find_indicator(s, out->id) != (size_t)-1)
            jin_report(&ld->j, jin_member_path(&ld->j, p, "id"),
                       _("id \"%s\" is already an indicator's; an honour needs an id of its own"),
                       out->id);
        for (size_t k = 0; out->id && k < i; k++)
            if (s->honours[k].id && strcmp(s->honours[k].id, out->id) == 0)
                jin_report(&ld->j, jin_member_path(&ld->j, p, "id"),
                           _("duplicate honour id \"%s\"; it is already used by %s"), out->id,
                           s->honours[k].path);
        json_t *src = json_object_get(h, "source");
        const char *sp = jin_member_path(&ld->j, p, "source");
        if (!src) {
            jin_report(&ld->j, p,
                       _("missing required field \"source\"; expected {\"file\": …, "
                         "\"quote\": …}"));
        } else if (jin_expect_object(&ld->j, src, sp)) {
            jin_check_keys(&ld->j, src, sp, skeys);
            out->source_file = jin_get_string(&ld->j, src, sp, "file", !blank);
            out->source_quote = jin_get_string(&ld->j, src, sp, "quote", !blank);
        }
    }
}

/* "highlights": the year's messages, three to five sentences (要点). */
static void load_highlights(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *arr = jin_get_array(&ld->j, root, "", "highlights", false);
    if (!arr)
        return;
    if (json_array_size(arr) > MAX_HIGHLIGHTS) {
        jin_report(&ld->j, "highlights",
                   _("%zu highlights; at most five messages are read at a glance"),
                   json_array_size(arr));
        return;
    }
    s->n_highlights = json_array_size(arr);
    s->highlights =
        arena_alloc(ld->j.a, (s->n_highlights ? s->n_highlights : 1) * sizeof *s->highlights);
    if (!s->highlights) {
        s->n_highlights = 0;
        return;
    }
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        const char *h =
            jin_get_string(&ld->j, v, jin_element_path(&ld->j, "highlights", i), NULL, false);
        if (json_is_string(v) && h && !h[0])
            s->n_missing++; /* "": still to be written (a draft) */
        s->highlights[i] = h ? h : "";
    }
}

static sheet *load_bytes_row(const char *name, const char *bytes, size_t len, const char *row,
                             diag_list *dl)
{
    size_t errors_before = dl->errors;
    loader ld = {.row = row};
    ld.j.a = arena_new();
    if (!ld.j.a) {
        diag_error(dl, name, "%s", _("out of memory"));
        return NULL;
    }
    json_t *root = jin_parse(&ld.j, name, bytes, len, dl);
    if (!root)
        goto fail;
    ld.s = arena_alloc(ld.j.a, sizeof *ld.s);
    if (!ld.s) {
        diag_error(dl, name, "%s", _("out of memory"));
        goto fail;
    }
    ld.s->arena = ld.j.a;
    ld.s->file = arena_strdup(ld.j.a, name);
    if (!jin_expect_object(&ld.j, root, ""))
        goto fail;
    static const char *const keys[] = {"$schema", "year",    "title",      "subtitle", "issuer",
                                       "date",    "sources", "indicators", "sections", "highlights",
                                       "honours", "tables",  NULL};
    jin_check_keys(&ld.j, root, "", keys);
    load_meta(&ld, root);
    load_indicators(&ld, root);
    load_honours(&ld, root);
    load_highlights(&ld, root);
    load_sections(&ld, root);
    /* Keep the bytes and positions, so later stages point at the input too. */
    ld.s->text = arena_strndup(ld.j.a, ld.j.text, ld.j.len);
    ld.s->text_len = ld.j.len;
    ld.s->loc = ld.j.loc;
    if (!ld.s->text || !ld.s->file) {
        diag_error(dl, name, "%s", _("out of memory"));
        goto fail;
    }
    if (dl->errors > errors_before) {
        /* Everything in one run: a bad value does not hide the figures
         * still missing elsewhere in the file. */
        selfcheck_sheet(ld.s, NULL, dl);
        sheet_report_missing(ld.s, dl, DIAG_ERROR);
        goto fail;
    }
    json_decref(root);
    return ld.s;

fail:
    json_decref(root);
    locator_free(ld.j.loc);
    arena_free(ld.j.a);
    return NULL;
}

sheet *sheet_load_bytes(const char *name, const char *bytes, size_t len, diag_list *dl)
{
    return load_bytes_row(name, bytes, len, NULL, dl);
}

sheet *sheet_load_row(const char *path, const char *row, diag_list *dl)
{
    size_t len;
    char *buf = jin_read_file(path, &len, dl);
    if (!buf)
        return NULL;
    sheet *s = load_bytes_row(path, buf, len, row, dl);
    free(buf);
    return s;
}

sheet *sheet_load(const char *path, diag_list *dl)
{
    return sheet_load_row(path, NULL, dl);
}

size_t sheet_report_missing(const sheet *s, diag_list *dl, diag_severity sev)
{
    size_t n = 0;
    if (s->n_sources == 0) {
        sheet_report(s, dl, sev, "sources", "%s", _("no source documents are listed yet"));
        n++;
    }
    for (size_t i = 0; i < s->n_sources; i++)
        if (s->sources && s->sources[i].title && !s->sources[i].title[0]) {
            char path[64];
            snprintf(path, sizeof path, "sources[%zu].title", i);
            sheet_report(s, dl, sev, path, _("the title of \"%s\" is still empty"),
                         s->sources[i].file ? s->sources[i].file : "");
            n++;
        }
    for (size_t i = 0; s->indicators && i < s->n_indicators; i++) {
        const sheet_indicator *ind = &s->indicators[i];
        if (!ind->missing || !ind->path)
            continue;
        char path[256];
        snprintf(path, sizeof path, "%s.value", ind->path);
        sheet_report(s, dl, sev, path, _("the figure \"%s\" is still missing (null)"),
                     ind->label ? ind->label : ind->id);
        n++;
    }
    for (size_t i = 0; s->highlights && i < s->n_highlights; i++)
        if (s->highlights[i] && !s->highlights[i][0]) {
            char path[64];
            snprintf(path, sizeof path, "highlights[%zu]", i);
            sheet_report(s, dl, sev, path, "%s",
                         _("the highlight is still empty; write one of this year's messages"));
            n++;
        }
    for (size_t i = 0; s->honours && i < s->n_honours; i++)
        if (s->honours[i].text && !s->honours[i].text[0]) {
            char path[256];
            snprintf(path, sizeof path, "%s.text", s->honours[i].path);
            sheet_report(s, dl, sev, path, "%s",
                         _("the honour is still empty; write this year's, or remove it and its "
                           "place in the facts block"));
            n++;
        }
    for (size_t i = 0; s->sections && i < s->n_sections; i++)
        for (size_t j = 0; s->sections[i].blocks && j < s->sections[i].n_blocks; j++) {
            const sheet_block *b = &s->sections[i].blocks[j];
            if (b->kind >= BLOCK_KIND_LAST || !b->path)
                continue; /* a block that did not load */
            unsigned rules = sheet_block_kind_lookup(b->kind)->rules;
            if ((rules & BK_TEXT) && b->text && !b->text[0]) {
                char path[256];
                snprintf(path, sizeof path, "%s.text", b->path);
                sheet_report(s, dl, sev, path, "%s", _("the text is still empty"));
                n++;
            } else if ((rules & BK_CHART) && b->title && !b->title[0]) {
                char path[256];
                snprintf(path, sizeof path, "%s.title", b->path);
                sheet_report(s, dl, sev, path, "%s",
                             _("the chart title is still empty; write what this year's figures "
                               "show"));
                n++;
            }
        }
    return n;
}

void sheet_free(sheet *s)
{
    if (!s)
        return;
    locator_free(s->loc);
    arena_free(s->arena);
}
