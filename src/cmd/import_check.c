/* import_check: one row checked before anything is written: its columns, its
 * id, its figure written as the loader takes it, and text the loader would
 * refuse. */
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/utf8.h"
#include "import_priv.h"
#include "model/numfmt.h"

enum { MAX_NUMBER = NUMFMT_LITERAL_MAX };

/* True when s is a plain decimal number as JSON writes it: -?(0|[1-9]d*)(.d+)? */
static bool plain_number(const char *s)
{
    const char *p = s;
    if (*p == '-')
        p++;
    if (*p == '0')
        p++;
    else if (*p >= '1' && *p <= '9')
        p += strspn(p, "0123456789");
    else
        return false;
    if (*p == '.') {
        p++;
        size_t n = strspn(p, "0123456789");
        if (n == 0)
            return false;
        p += n;
    }
    return *p == '\0';
}

/* The ASCII character a full-width or other look-alike stands for, with its
 * length in *n; 0 when none. */
static char lookalike(const char *p, size_t *n)
{
    const unsigned char *u = (const unsigned char *)p;
    *n = 3;
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99)
        return (char)('0' + (u[2] - 0x90)); /* ０-９ */
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] == 0x8E)
        return '.'; /* ． */
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] == 0x8D)
        return '-'; /* － */
    if (u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92)
        return '-'; /* − */
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] == 0x8C)
        return ','; /* ， */
    if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
        return ' '; /* full-width space */
    *n = 1;
    return 0;
}

/* Splits a figure such as "约1,234.5万人次" into the text before the number,
 * the number written plainly and the text after it. False when the cell is
 * not one number with words around it. */
static bool split_figure(const char *s, char *before, char *num, char *after, size_t n,
                         bool *scientific)
{
    size_t nb = 0, nn = 0;
    const char *p = s;
    *scientific = false;
    /* Words before: anything up to the first digit or sign. */
    while (*p) {
        size_t len;
        char a = lookalike(p, &len);
        if ((*p >= '0' && *p <= '9') || (a >= '0' && a <= '9') || *p == '-' || a == '-' ||
            *p == '+' || *p == '.')
            break;
        if (nb + len >= n)
            return false;
        memcpy(before + nb, p, len);
        nb += len;
        p += len;
    }
    before[nb] = '\0';
    bool digits = false, point = false;
    size_t group = 0; /* digits since the last thousands separator */
    bool grouped = false;
    while (*p) {
        size_t len;
        char a = lookalike(p, &len);
        char c = a ? a : *p;
        if (!a)
            len = 1;
        if (c >= '0' && c <= '9') {
            digits = true;
            group++;
        } else if ((c == '-' || c == '+') && nn == 0 && !digits) {
            if (c == '+') {
                p += len;
                continue;
            }
        } else if (c == '.' && !point) {
            if (grouped && group != 3)
                return false;
            point = true;
            grouped = false;
        } else if (c == ',' && digits && !point) {
            if (grouped ? group != 3 : group > 3)
                return false;
            grouped = true;
            group = 0;
            p += len;
            continue;
        } else if (c == ' ' && digits) {
            p += len; /* 1 234 */
            continue;
        } else if ((c == 'e' || c == 'E') && digits) {
            *scientific = true;
            return false;
        } else {
            break;
        }
        if (nn + 1 >= n)
            return false;
        num[nn++] = c;
        p += len;
    }
    num[nn] = '\0';
    if (!digits || (grouped && group != 3))
        return false;
    snprintf(after, n, "%s", p);
    /* Plain form: no leading zeros, a digit either side of the point. */
    char *q = num[0] == '-' ? num + 1 : num;
    while (q[0] == '0' && q[1] >= '0' && q[1] <= '9')
        memmove(q, q + 1, strlen(q));
    if (q[0] == '.') {
        memmove(q + 1, q, strlen(q) + 1);
        q[0] = '0';
    }
    size_t l = strlen(num);
    if (l && num[l - 1] == '.')
        num[l - 1] = '\0';
    return plain_number(num);
}

/* Checks the value cell; reports what to write instead. */
static bool check_value(importer *im, const row_cells *rc)
{
    const char *v = rc->cell[COL_VALUE];
    if (plain_number(v)) {
        if (strlen(v) > MAX_NUMBER) {
            import_report_cell(
                im, rc, COL_VALUE,
                _("the number \"%s\" has %zu characters; a figure is printed exactly up "
                  "to %d: write it as the source rounds it, or in a larger unit (万, 亿)"),
                v, strlen(v), (int)MAX_NUMBER);
            return false;
        }
        /* A whole number JSON readers hold as an integer: at most 2^63 - 1
         * (written with a decimal point, it is read as a real and may be longer). */
        const char *digits = v[0] == '-' ? v + 1 : v;
        if (!strchr(v, '.') &&
            (strlen(digits) > 19 ||
             (strlen(digits) == 19 && strcmp(digits, "9223372036854775807") > 0))) {
            import_report_cell(
                im, rc, COL_VALUE,
                _("the whole number \"%s\" is too large (at most 9223372036854775807); "
                  "write it in a larger unit (万, 亿)"),
                v);
            return false;
        }
        return true;
    }
    char before[128], num[128], after[128];
    bool scientific;
    bool ok = split_figure(v, before, num, after, sizeof before, &scientific);
    if (scientific) {
        import_report_cell(im, rc, COL_VALUE,
                           _("\"%s\" is in scientific notation; write the figure in full, as the "
                             "source does (format the cells as text)"),
                           v);
        return false;
    }
    /* The qualifiers the data accepts (model/qualifiers.def), never another. */
    const char *qb = numfmt_qualifier_at(before, true);
    const char *qa = numfmt_qualifier_at(after, false);
    /* Words after the number are a unit (digits only in one like /10万). */
    bool unit_like = after[0] == '/' || !strpbrk(after, "0123456789");
    if (!ok || !unit_like || (before[0] && (!qb || strlen(qb) != strlen(before)))) {
        bool dash = !strpbrk(v, "0123456789");
        if (dash)
            import_report_cell(im, rc, COL_VALUE,
                               _("\"%s\" is not a number; leave the cell empty while the figure is "
                                 "not known"),
                               v);
        else
            import_report_cell(im, rc, COL_VALUE,
                               _("\"%s\" is not a plain number; write digits and a decimal point "
                                 "only, such as 1.84"),
                               v);
        return false;
    }
    const char *unit = qa ? after + strlen(qa) : after;
    const char *qual = qb ? qb : qa;
    if (qual && unit[0])
        import_report_cell(
            im, rc, COL_VALUE,
            _("\"%s\" is not a plain number; write %s, put \"%s\" in column \"%s\" and "
              "\"%s\" in column \"%s\""),
            v, num, qual, import_col_name(im, COL_QUALIFIER), unit, import_col_name(im, COL_UNIT));
    else if (qual)
        import_report_cell(
            im, rc, COL_VALUE,
            _("\"%s\" is not a plain number; write %s and put \"%s\" in column \"%s\""), v, num,
            qual, import_col_name(im, COL_QUALIFIER));
    else if (unit[0])
        import_report_cell(
            im, rc, COL_VALUE,
            _("\"%s\" is not a plain number; write %s and put \"%s\" in column \"%s\""), v, num,
            unit, import_col_name(im, COL_UNIT));
    else
        import_report_cell(im, rc, COL_VALUE, _("\"%s\" is not a plain number; write %s"), v, num);
    return false;
}

/* Text the loader would refuse: control characters other than tab and LF,
 * only blank space; and a character the fonts lack, which would make the
 * sheet unprintable after the import. */
static bool check_text(importer *im, const row_cells *rc, column c)
{
    const char *cell = rc->cell[c];
    for (const unsigned char *p = (const unsigned char *)cell; *p; p++)
        if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7F) {
            import_report_cell(im, rc, c, _("the text has the control character U+%04X; remove it"),
                               (unsigned)*p);
            return false;
        }
    bool blank = cell[0] != '\0';
    size_t len = strlen(cell);
    for (size_t i = 0; i < len && blank;) {
        uint32_t cp;
        i += utf8_next((const unsigned char *)cell + i, len - i, &cp);
        blank = cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0 || cp == 0x3000 ||
                (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
    }
    if (blank) {
        import_report_cell(im, rc, c,
                           _("\"%s\" is only blank space (spaces, or full-width spaces "
                             "U+3000); write the text, or leave the cell empty"),
                           cell);
        return false;
    }
    bool printed = c == COL_LABEL || c == COL_UNIT || c == COL_FILE || c == COL_QUOTE;
    uint32_t missing = printed && cell[0] && im->glyphs && im->glyphs->missing
                           ? im->glyphs->missing(im->glyphs->ctx, cell)
                           : 0;
    if (missing) {
        char ch[8] = "?";
        if (missing >= 0x20 && missing != 0x7F && utf8_encode(missing, ch) == 0)
            ch[0] = '?';
        import_report_cell(
            im, rc, c,
            _("\"%s\" has the character \"%s\" (U+%04X), which is not in the fonts; the "
              "sheet could not print it. Replace it"),
            cell, ch, (unsigned)missing);
        return false;
    }
    return true;
}

/* Checks one row; false when it has a problem (reported). */
bool import_check_row(importer *im, const row_cells *rc, const row_cells *seen, size_t n_seen)
{
    const csv_row *row = rc->row;
    if (row->n != im->n_columns) {
        const csv_field *at = &row->fields[row->n > im->n_columns ? im->n_columns : row->n - 1];
        if (row->n > im->n_columns)
            import_report(
                im, at, NULL,
                _("%zu columns, but the header has %zu; a field that holds a comma must be "
                  "in double quotes (\"12,345\")"),
                row->n, im->n_columns);
        else
            import_report(im, at, NULL, _("%zu columns, but the header has %zu"), row->n,
                          im->n_columns);
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < row->n; i++) {
        bool named = im->ignored && im->ignored[i];
        for (int c = 0; c < COL_LAST; c++)
            named = named || im->where[c] == (int)i;
        const char *cell = import_trimmed(im, row->fields[i].text);
        if (!named && cell[0]) {
            import_report(im, &row->fields[i], NULL,
                          _("column %zu has no name in the header but holds \"%s\""), i + 1, cell);
            ok = false;
        }
    }
    const char *id = rc->cell[COL_ID];
    if (!id[0]) {
        import_report_cell(im, rc, COL_ID, "%s", _("empty; expected an indicator id"));
        return false;
    }
    if (!edit_has_indicator(im->ed, id)) {
        const char *near = edit_nearest_id(im->ed, id);
        if (near)
            import_report(im, rc->field[COL_ID], NULL,
                          _("id \"%s\" is not in %s; did you mean \"%s\"?"), id, im->json_name,
                          near);
        else
            import_report(im, rc->field[COL_ID], NULL, _("id \"%s\" is not in %s"), id,
                          im->json_name);
        ok = false;
    }
    for (size_t k = 0; k < n_seen; k++)
        if (strcmp(seen[k].cell[COL_ID], id) == 0) {
            import_report(im, rc->field[COL_ID], NULL, _("id \"%s\" is also on line %d"), id,
                          seen[k].row->line);
            ok = false;
            break;
        }
    if (rc->cell[COL_VALUE][0] && !check_value(im, rc))
        ok = false;
    for (int c = 0; c < COL_LAST; c++)
        if (c != COL_VALUE && !check_text(im, rc, (column)c))
            ok = false;
    return ok;
}
