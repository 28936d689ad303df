/* import_write: the checked rows applied to the data file, and the file as it
 * would be written loaded once more before it is saved (a problem found there
 * is reported at the CSV row that caused it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "import_priv.h"
#include "model/edit.h"
#include "model/sheet.h"
#include "model/units.h"

/* A row that changes an indicator's label or unit: said with its line and
 * what follows on the sheet, since the change line against earlier years
 * depends on both. */
void import_note_label_unit_changes(importer *im, const row_cells *rows, size_t n)
{
    diag_list quiet;
    diag_list_init(&quiet, 1);
    sheet *before = sheet_load(im->json_name, &quiet);
    diag_list_clear(&quiet);
    for (size_t k = 0; before && k < n; k++) {
        const row_cells *rc = &rows[k];
        size_t i = sheet_find_indicator(before, rc->cell[COL_ID]);
        if (i == (size_t)SHEET_NONE)
            continue;
        const sheet_indicator *ind = &before->indicators[i];
        const char *unit = rc->cell[COL_UNIT], *label = rc->cell[COL_LABEL];
        if (unit[0] && ind->unit && strcmp(unit, ind->unit) != 0) {
            if (units_comparable(unit, ind->unit))
                fprintf(stderr,
                        _("%s:%d: note: the unit of \"%s\" changes from %s to %s; earlier years "
                          "are converted for the change line, so check the figure's scale\n"),
                        im->csv_name, rc->row->line, rc->cell[COL_ID], ind->unit, unit);
            else
                fprintf(stderr,
                        _("%s:%d: note: the unit of \"%s\" changes from %s to %s; the sheet "
                          "prints no change against earlier years in %s\n"),
                        im->csv_name, rc->row->line, rc->cell[COL_ID], ind->unit, unit, ind->unit);
        }
        if (label[0] && ind->label && strcmp(label, ind->label) != 0)
            fprintf(stderr,
                    _("%s:%d: note: the label of \"%s\" changes from \"%s\" to \"%s\"; it is "
                      "still compared with earlier years as the same figure; if it now counts "
                      "something else, give it a new id\n"),
                    im->csv_name, rc->row->line, rc->cell[COL_ID], ind->label, label);
    }
    sheet_free(before);
}

static bool carries_something(const row_cells *rc)
{
    for (int c = 0; c < COL_LAST; c++)
        if (c != COL_ID && rc->cell[c][0])
            return true;
    return false;
}

/* The column of the CSV that sets the member a loader path ends in. */
static column column_of(const char *member)
{
    static const struct {
        const char *member;
        column c;
    } map[] = {{"value", COL_VALUE},         {"label", COL_LABEL},      {"unit", COL_UNIT},
               {"qualifier", COL_QUALIFIER}, {"source.file", COL_FILE}, {"source.quote", COL_QUOTE},
               {"source", COL_QUOTE}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(member, map[i].member) == 0)
            return map[i].c;
    return COL_ID;
}

/* Moves the loader's problems into im->dl: those at "indicators[N].member"
 * of a figure a row sets go to that row's cell, with the value quoted;
 * the others (a block that uses the figure) stay at the data file. */
static void at_rows(importer *im, const row_cells *rows, size_t n_rows, diag_list *check)
{
    for (size_t i = 0; i < check->count; i++) {
        const diag *d = &check->items[i];
        size_t index;
        int used = 0;
        const row_cells *rc = NULL;
        if (d->path && sscanf(d->path, "indicators[%zu]%n", &index, &used) == 1 && used > 0) {
            const char *id = edit_indicator_id(im->ed, index);
            for (size_t k = 0; id && k < n_rows && !rc; k++)
                if (strcmp(rows[k].cell[COL_ID], id) == 0)
                    rc = &rows[k];
        }
        column c = COL_VALUE;
        if (rc) {
            c = column_of(d->path[used] == '.' ? d->path + used + 1 : "");
        } else {
            /* A block that uses a figure names it: "rate" is 120.50%… */
            for (size_t k = 0; k < n_rows && !rc; k++) {
                char *quoted = NULL;
                if (asprintf(&quoted, "\"%s\"", rows[k].cell[COL_ID]) >= 0 && d->message &&
                    strstr(d->message, quoted))
                    rc = &rows[k];
                free(quoted);
            }
        }
        if (rc)
            import_report_cell(im, rc, c, _("\"%s\": %s"), rc->cell[c], d->message);
        else /* its line and column would be those of a file never written */
            diag_add(im->dl, d->severity, d->file, 0, 0, d->path, NULL, "%s", d->message);
    }
    if (check->dropped)
        im->dl->errors += check->dropped;
    diag_list_clear(check);
}

/* Applies the checked rows; adds each new source file to "sources". */
bool import_apply(importer *im, row_cells *rows, size_t n, size_t *updated)
{
    *updated = 0;
    for (size_t k = 0; k < n; k++) {
        const row_cells *rc = &rows[k];
        if (!carries_something(rc))
            continue;
        edit_indicator_update u = {.value = rc->cell[COL_VALUE],
                                   .label = rc->cell[COL_LABEL],
                                   .unit = rc->cell[COL_UNIT],
                                   .qualifier = rc->cell[COL_QUALIFIER],
                                   .period = rc->cell[COL_PERIOD],
                                   .scope = rc->cell[COL_SCOPE],
                                   .source_file = rc->cell[COL_FILE],
                                   .source_quote = rc->cell[COL_QUOTE]};
        if (!edit_update_indicator(im->ed, rc->cell[COL_ID], &u, im->dl))
            return false;
        (*updated)++;
        if (rc->cell[COL_FILE][0]) {
            int added = edit_add_source(im->ed, rc->cell[COL_FILE], im->dl);
            if (added < 0)
                return false;
            if (added)
                fprintf(stderr, _("%s: note: added \"%s\" to \"sources\"; write its title there\n"),
                        im->json_name, rc->cell[COL_FILE]);
        }
    }
    return true;
}

/* The file as it would be written must load as a sheet (a share over 100
 * for a ring, say, is refused there): checked before anything is written. */
bool import_result_loads(importer *im, const row_cells *rows, size_t n_rows)
{
    size_t len = 0;
    char *text = edit_dump(im->ed, &len);
    if (!text) {
        diag_error(im->dl, im->json_name, "%s", _("out of memory"));
        return false;
    }
    diag_list check_dl;
    diag_list_init(&check_dl, IMPORT_MAX_DIAGS);
    sheet *check = sheet_load_bytes(im->json_name, text, len, &check_dl);
    free(text);
    /* The file as it would be was never written: a problem of an
     * imported figure is reported at its CSV row and cell. */
    at_rows(im, rows, n_rows, &check_dl);
    if (!check) {
        diag_error(im->dl, im->json_name, "%s",
                   _("with these rows the file would not load (see above); nothing was "
                     "written"));
        return false;
    }
    sheet_free(check);
    return true;
}
