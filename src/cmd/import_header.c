/* import_header: which column of the CSV is which, from its header row (in
 * English or Chinese, in any order, possibly below a title). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "base/strdist.h"
#include "import_priv.h"

static const char *const col_en[COL_LAST] = {"id",   "label", "value",  "unit", "qualifier",
                                             "file", "quote", "period", "scope"};
static const char *const col_zh[COL_LAST] = {"指标代码", "指标名称", "数值", "单位", "限定词",
                                             "来源文件", "来源原文", "时期", "范围"};
static const bool col_required[COL_LAST] = {true, false, true,  false, false,
                                            true, true,  false, false};

/* The header name of column c: as written, else in the header's language. */
const char *import_col_name(const importer *im, column c)
{
    if (im->name[c])
        return im->name[c];
    return im->chinese ? col_zh[c] : col_en[c];
}

static int match_column(const char *name)
{
    for (int c = 0; c < COL_LAST; c++)
        if (strcasecmp(name, col_en[c]) == 0 || strcmp(name, col_zh[c]) == 0)
            return c;
    return -1;
}

/* ---- tables as spreadsheets write them --------------------------------------- *
 * A title row above the header, columns of the office's own (序号, 备注,
 * 审核人), and label or unit changes that change what the sheet prints. */

enum { TITLE_ROWS_MAX = 5 };

/* The row holding the header: the first of the first few rows that names a
 * known column; rows above it are a title (a note says so). */
size_t import_find_header_row(importer *im)
{
    for (size_t r = 0; r < im->t->n_rows && r <= TITLE_ROWS_MAX; r++)
        for (size_t i = 0; i < im->t->rows[r].n; i++)
            if (match_column(import_trimmed(im, im->t->rows[r].fields[i].text)) >= 0) {
                if (r > 0)
                    fprintf(stderr,
                            _("%s: note: the header is on line %d; the line above it is taken "
                              "for a title and skipped\n"),
                            im->csv_name, im->t->rows[r].line);
                return r;
            }
    return 0; /* read_header says what a header needs */
}

/* A name one typo away from a known column (单 位, Vlaue) is a mistake to
 * report, not a column of the office's own to ignore. */
static bool near_column(const char *name)
{
    char squeezed[256];
    size_t n = 0;
    for (const char *p = name; *p && n + 1 < sizeof squeezed; p++)
        if (*p != ' ')
            squeezed[n++] = *p;
    squeezed[n] = '\0';
    if (match_column(squeezed) >= 0)
        return true;
    for (int c = 0; c < COL_LAST; c++)
        if (strdist(name, col_en[c]) <= 2 || strdist(name, col_zh[c]) <= 3)
            return true; /* one letter, or one Chinese character (3 bytes) */
    return false;
}

/* One note naming every column left out. */
void import_print_ignored(importer *im)
{
    const csv_row *h = &im->t->rows[im->header_row];
    strbuf names = {0};
    size_t n = 0;
    for (size_t i = 0; i < h->n; i++)
        if (im->ignored[i])
            sb_printf(&names, "%s\"%s\"", n++ ? ", " : "", import_trimmed(im, h->fields[i].text));
    if (n)
        fprintf(stderr, _("%s: note: ignored the columns import does not know: %s\n"), im->csv_name,
                sb_str(&names));
    sb_free(&names);
}

bool import_read_header(importer *im)
{
    size_t errors = im->dl->errors;
    const csv_row *h = &im->t->rows[im->header_row];
    for (int c = 0; c < COL_LAST; c++)
        im->where[c] = -1;
    im->n_columns = h->n;
    bool known = false;
    for (size_t i = 0; i < h->n && !known; i++)
        known = match_column(import_trimmed(im, h->fields[i].text)) >= 0;
    if (!known) {
        import_report(im, &h->fields[0], NULL,
                      _("the first line is not a header; expected the column names %s (or %s)"),
                      "指标代码,指标名称,数值,单位,限定词,来源文件,来源原文",
                      "id,label,value,unit,qualifier,file,quote");
        return false;
    }
    for (size_t i = 0; i < h->n; i++) {
        const char *name = import_trimmed(im, h->fields[i].text);
        if (!name[0])
            continue; /* an unnamed column: it must stay empty (checked per row) */
        int c = match_column(name);
        if (c < 0 && !near_column(name)) {
            im->ignored[i] = true; /* 序号, 备注: the office's own, named in one note */
            continue;
        }
        if (c < 0) {
            import_report(im, &h->fields[i], NULL,
                          _("unknown column \"%s\"; expected one of %s, %s, %s, %s, %s, %s, %s (or "
                            "%s, %s, %s, %s, %s, %s, %s)"),
                          name, col_zh[0], col_zh[1], col_zh[2], col_zh[3], col_zh[4], col_zh[5],
                          col_zh[6], col_en[0], col_en[1], col_en[2], col_en[3], col_en[4],
                          col_en[5], col_en[6]);
            continue;
        }
        if (im->where[c] >= 0) {
            import_report(im, &h->fields[i], NULL, _("column \"%s\" twice; it is also column %d"),
                          name, im->where[c] + 1);
            continue;
        }
        im->where[c] = (int)i;
        im->name[c] = name;
        if (strcmp(name, col_zh[c]) == 0)
            im->chinese = true;
    }
    for (int c = 0; c < COL_LAST; c++) {
        if (!col_required[c] || im->where[c] >= 0)
            continue;
        const char *const *first = im->chinese ? col_zh : col_en;
        import_report(im, &h->fields[0], NULL,
                      _("missing column \"%s\" (%s); the header needs %s, %s, %s and %s"), first[c],
                      im->chinese ? col_en[c] : col_zh[c], first[COL_ID], first[COL_VALUE],
                      first[COL_FILE], first[COL_QUOTE]);
    }
    return im->dl->errors == errors;
}
