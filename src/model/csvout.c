/* csvout: see include/model/csvout.h. */
#include "model/csvout.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/atomic_file.h"
#include "base/i18n.h"

/* What a spreadsheet takes for the start of a formula (OWASP's list). */
static bool formula_like(const char *s)
{
    return s[0] && strchr("=+-@\t\r", s[0]) != NULL;
}

void csvout_text(strbuf *row, const char *text, bool first)
{
    if (!first)
        sb_printf(row, ",");
    if (!text)
        return;
    const char *safe = formula_like(text) ? "'" : "";
    if (!strpbrk(text, ",\"\r\n")) {
        sb_printf(row, "%s%s", safe, text);
        return;
    }
    sb_printf(row, "\"%s", safe);
    for (const char *p = text; *p; p++)
        sb_printf(row, *p == '"' ? "\"\"" : "%c", *p);
    sb_printf(row, "\"");
}

void csvout_figure(strbuf *row, const char *literal, bool first)
{
    if (!first)
        sb_printf(row, ",");
    if (literal && literal[0])
        sb_printf(row, "\"=\"\"%s\"\"\"", literal);
}

const char *csvout_unwrap(const char *text, size_t *len)
{
    size_t n = strlen(text);
    *len = n;
    if (n >= 3 && text[0] == '=' && text[1] == '"' && text[n - 1] == '"' &&
        !memchr(text + 2, '"', n - 3)) {
        *len = n - 3;
        return text + 2;
    }
    if (n >= 2 && text[0] == '\'' && formula_like(text + 1)) {
        *len = n - 1;
        return text + 1;
    }
    return text;
}

/* The UTF-8 text in GBK, malloc'd; NULL with *bad at the first character
 * GBK lacks (or SIZE_MAX when out of memory). */
static char *to_gbk(const char *text, size_t len, size_t *out_len, size_t *bad)
{
    *bad = (size_t)-1;
    iconv_t cd = iconv_open("GBK", "UTF-8");
    if (cd == (iconv_t)-1)
        return NULL;
    char *out = malloc(len + 1), *o = out; /* GBK never takes more bytes than UTF-8 */
    char *in = (char *)text;
    size_t in_left = len, out_left = len;
    size_t r = out ? iconv(cd, &in, &in_left, &o, &out_left) : (size_t)-1;
    iconv_close(cd);
    if (!out || r == (size_t)-1) {
        if (out && (errno == EILSEQ || errno == EINVAL))
            *bad = (size_t)(in - text);
        free(out);
        return NULL;
    }
    *out_len = (size_t)(o - out);
    return out;
}

bool csvout_save(const char *path, const char *text, size_t len, csvout_encoding enc, diag_list *dl)
{
    char *bytes = NULL;
    size_t n = len;
    if (enc == CSVOUT_GBK) {
        size_t bad;
        bytes = to_gbk(text, len, &n, &bad);
        if (!bytes) {
            if (bad == (size_t)-1) {
                diag_error(dl, path, "%s", _("cannot convert to GBK (out of memory?)"));
                return false;
            }
            int line = 1;
            for (size_t i = 0; i < bad; i++)
                line += text[i] == '\n';
            size_t cl = 1;
            while (bad + cl < len && ((unsigned char)text[bad + cl] & 0xC0) == 0x80)
                cl++;
            diag_error(dl, path,
                       _("line %d has \"%.*s\", which GBK cannot hold; export in UTF-8 (the "
                         "default) instead"),
                       line, (int)cl, text + bad);
            return false;
        }
    }
    atomic_file af;
    if (!atomic_file_open(&af, path, dl)) {
        free(bytes);
        return false;
    }
    bool ok = (enc != CSVOUT_UTF8_BOM || fwrite("\xEF\xBB\xBF", 1, 3, af.fp) == 3) &&
              fwrite(bytes ? bytes : text, 1, n, af.fp) == n;
    free(bytes);
    if (!ok) {
        diag_error(dl, path, _("cannot write: %s"), strerror(errno));
        atomic_file_abort(&af);
        return false;
    }
    return atomic_file_commit(&af, dl);
}
