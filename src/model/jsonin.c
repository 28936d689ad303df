/* jsonin: see src/model/jsonin.h. */
#include "jsonin.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/readfile.h"
#include "base/strdist.h"
#include "base/utf8.h"
#include "model/numfmt.h"

const char *jin_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return _("an object");
    case JSON_ARRAY: return _("an array");
    case JSON_STRING: return _("a string");
    case JSON_INTEGER:
    case JSON_REAL: return _("a number");
    case JSON_TRUE:
    case JSON_FALSE: return _("a boolean");
    case JSON_NULL: return _("null");
    }
    return "?";
}

/* Reports a problem at path, located in text through loc; at_key points at
 * the member's key instead of its value (for unknown keys). */
void jin_vreport_at(diag_list *dl, const char *name, const locator *loc, const char *text,
                    size_t len, diag_severity sev, const char *path, bool at_key, const char *fmt,
                    va_list ap)
{
    locator_pos pos;
    int line = 0, column = 0;
    char *src = NULL;
    if (loc && locator_lookup(loc, path, &pos)) {
        size_t off = at_key ? pos.key_offset : pos.offset;
        line = at_key ? pos.key_line : pos.line;
        column = at_key ? pos.key_column : pos.column;
        src = diag_source_line(text, len, off);
    }
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    diag_add(dl, sev, name, line, column, path, src, "%s", msg ? msg : fmt);
    free(msg);
    free(src);
}

static void jin_vreport(jin *ld, diag_severity sev, const char *path, bool at_key, const char *fmt,
                        va_list ap)
{
    jin_vreport_at(ld->dl, ld->name, ld->loc, ld->text, ld->len, sev, path, at_key, fmt, ap);
}

void jin_report(jin *ld, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jin_vreport(ld, DIAG_ERROR, path, false, fmt, ap);
    va_end(ap);
}

void jin_warn_at_key(jin *ld, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jin_vreport(ld, DIAG_WARNING, path, true, fmt, ap);
    va_end(ap);
}

const char *jin_member_path(jin *ld, const char *parent, const char *key)
{
    const char *p =
        parent[0] ? arena_printf(ld->a, "%s.%s", parent, key) : arena_strdup(ld->a, key);
    return p ? p : "?";
}

const char *jin_element_path(jin *ld, const char *parent, size_t i)
{
    const char *p = arena_printf(ld->a, "%s[%zu]", parent, i);
    return p ? p : "?";
}

/* Warns about keys not in known (a NULL-terminated list). */
void jin_check_keys(jin *ld, json_t *obj, const char *path, const char *const *known)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v)
    {
        bool found = false;
        for (const char *const *k = known; *k && !found; k++)
            found = strcmp(key, *k) == 0;
        if (found)
            continue;
        /* Distances only for a key that is not known: they cost far more
         * than the comparisons, and nearly every key is known. */
        const char *nearest = NULL;
        size_t best = 3; /* suggest only close matches */
        for (const char *const *k = known; *k; k++) {
            size_t d = strdist(key, *k);
            if (d < best) {
                best = d;
                nearest = *k;
            }
        }
        const char *kp = jin_member_path(ld, path, key);
        if (nearest)
            jin_warn_at_key(ld, kp, _("unknown key \"%s\" is ignored; did you mean \"%s\"?"), key,
                            nearest);
        else
            jin_warn_at_key(ld, kp, _("unknown key \"%s\" is ignored"), key);
    }
}

/* Returns a copy of obj[key] when it is a non-empty string. Reports a missing
 * required field or a wrong type; returns NULL then or when absent. */
/* True when s holds nothing visible: spaces, tabs, line breaks, U+3000,
 * no-break and other Unicode spaces, zero-width characters. */
static bool blank(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += utf8_next(u + i, n - i, &cp);
        bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
                     cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x2028 ||
                     cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x2060 || cp == 0x3000 ||
                     cp == 0xFEFF;
        if (!space)
            return false;
    }
    return true;
}

const char *jin_get_string(jin *ld, json_t *obj, const char *path, const char *key, bool required)
{
    /* key NULL: obj is the value itself, at path. */
    json_t *v = key ? json_object_get(obj, key) : obj;
    if (!v || json_is_null(v)) {
        if (required)
            jin_report(ld, path, _("missing required field \"%s\"; expected a string"), key);
        return NULL;
    }
    const char *vp = key ? jin_member_path(ld, path, key) : path;
    if (!json_is_string(v)) {
        jin_report(ld, vp, _("expected a string, got %s"), jin_type_name(v));
        return NULL;
    }
    size_t n = json_string_length(v);
    const char *str = json_string_value(v);
    if (n == 0) {
        if (required)
            jin_report(ld, vp, _("empty string; expected some text"));
        return required ? NULL : "";
    }
    if (n > JIN_MAX_STRING) {
        jin_report(ld, vp, _("string of %zu bytes is too long; at most %d bytes are allowed"), n,
                   (int)JIN_MAX_STRING);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)str[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            jin_report(ld, vp, _("the text has the control character U+%04X; remove it"),
                       (unsigned)c);
            return NULL;
        }
    }
    if (strlen(str) != n) {
        jin_report(ld, vp, _("the text contains a NUL character (\\u0000)"));
        return NULL;
    }
    if (blank(str, n)) {
        /* It would print as an empty heading, bookmark or card label. */
        jin_report(ld, vp,
                   _("the text is only blank space (spaces, or full-width spaces U+3000); "
                     "write the text"));
        return NULL;
    }
    const char *copy = arena_strndup(ld->a, str, n);
    if (!copy)
        jin_report(ld, vp, _("out of memory"));
    return copy;
}

/* Returns obj[key] when it is an array (reporting otherwise), else NULL. */
json_t *jin_get_array(jin *ld, json_t *obj, const char *path, const char *key, bool required)
{
    json_t *v = json_object_get(obj, key);
    if (!v) {
        if (required)
            jin_report(ld, path, _("missing required field \"%s\"; expected an array"), key);
        return NULL;
    }
    if (!json_is_array(v)) {
        jin_report(ld, jin_member_path(ld, path, key), _("expected an array, got %s"),
                   jin_type_name(v));
        return NULL;
    }
    return v;
}

bool jin_expect_object(jin *ld, json_t *v, const char *path)
{
    if (json_is_object(v))
        return true;
    jin_report(ld, path, _("expected an object, got %s"), jin_type_name(v));
    return false;
}

/* A figure written as a string: say what to write instead, for the ways a
 * figure copied out of Word or a spreadsheet usually goes wrong. */
static void explain_string_figure(jin *ld, const char *path, const char *str)
{
    char plain[128];
    size_t o = 0;
    bool fullwidth = false, commas = false, digits = false;
    const char *unit = NULL;
    for (const char *p = str; *p && o + 4 < sizeof plain; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c >= '0' && c <= '9') || c == '.' || (c == '-' && o == 0)) {
            plain[o++] = (char)c;
            digits = true;
        } else if (c == ',') {
            commas = true;
        } else if (c == 0xEF && (unsigned char)p[1] == 0xBC && (unsigned char)p[2] >= 0x90 &&
                   (unsigned char)p[2] <= 0x99) {
            plain[o++] = (char)('0' + ((unsigned char)p[2] - 0x90)); /* ０-９ */
            fullwidth = digits = true;
            p += 2;
        } else if (c == 0xEF && (unsigned char)p[1] == 0xBC && (unsigned char)p[2] == 0x8E) {
            plain[o++] = '.'; /* ． */
            fullwidth = true;
            p += 2;
        } else if (c != ' ' && !unit) {
            unit = p;
        }
    }
    plain[o] = '\0';
    if (!digits)
        jin_report(ld, path, _("expected a number, got the text \"%s\""), str);
    else if (unit)
        jin_report(ld, path,
                   _("the figure \"%s\" carries its unit; write the number %s in \"value\" and "
                     "the unit \"%s\" in \"unit\""),
                   str, plain, unit);
    else if (fullwidth)
        jin_report(ld, path,
                   _("the figure \"%s\" is written in full-width digits; write %s (ASCII digits, "
                     "no quotes)"),
                   str, plain);
    else if (commas)
        jin_report(ld, path,
                   _("the figure \"%s\" has thousands separators; write %s (no separators, no "
                     "quotes: the sheet adds separators itself)"),
                   str, plain);
    else
        jin_report(ld, path,
                   _("the figure is written as a string \"%s\"; write %s without "
                     "quotes"),
                   str, plain);
}

const char *jin_literal(jin *ld, const char *path)
{
    locator_pos pos;
    if (!ld->loc || !locator_lookup(ld->loc, path, &pos))
        return NULL;
    return arena_strndup(ld->a, ld->text + pos.offset, pos.length);
}

const char *jin_number(jin *ld, json_t *v, const char *path, double *value)
{
    if (!json_is_number(v)) {
        if (json_is_string(v))
            explain_string_figure(ld, path, json_string_value(v));
        else
            jin_report(ld, path, _("expected a number, got %s"), jin_type_name(v));
        return NULL;
    }
    *value = json_number_value(v);
    if (!isfinite(*value)) {
        jin_report(ld, path, _("the number is out of range"));
        return NULL;
    }
    locator_pos pos;
    if (ld->loc && locator_lookup(ld->loc, path, &pos)) {
        /* A figure is printed as written: 1.234e3 is no way a source writes one. */
        for (size_t i = 0; i < pos.length; i++)
            if (ld->text[pos.offset + i] == 'e' || ld->text[pos.offset + i] == 'E') {
                jin_report(ld, path,
                           _("%.*s is in scientific notation; write the figure in full, as the "
                             "source does"),
                           (int)pos.length, ld->text + pos.offset);
                return NULL;
            }
        /* Printed digit for digit, so never cut: a literal longer than the
         * printer's documented length is refused here. */
        if (pos.length > NUMFMT_LITERAL_MAX) {
            jin_report(ld, path,
                       _("the figure %.*s… has %zu characters; a figure is printed exactly up to "
                         "%d characters (digits, sign and point): write it as the source rounds "
                         "it, or in a larger unit (万, 亿)"),
                       16, ld->text + pos.offset, pos.length, (int)NUMFMT_LITERAL_MAX);
            return NULL;
        }
        return arena_strndup(ld->a, ld->text + pos.offset, pos.length);
    }
    return arena_printf(ld->a, "%.17g", *value); /* unreachable for parsed input */
}

/* True when the bytes read as GBK/GB18030 text: every byte over 0x7F leads a
 * two-byte pair (lead 0x81-0xFE, trail 0x40-0xFE but 0x7F). WPS and Notepad
 * on Chinese Windows save in this encoding. */
static bool looks_like_gbk(const unsigned char *s, size_t len)
{
    size_t pairs = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 0x80)
            continue;
        if (s[i] == 0x80 || s[i] == 0xFF || i + 1 >= len || s[i + 1] < 0x40 || s[i + 1] == 0x7F ||
            s[i + 1] == 0xFF)
            return false;
        i++;
        pairs++;
    }
    return pairs > 0;
}

/* The token Jansson's message quotes (... near 'TOKEN') into tok, or for a
 * number too big for it the digits before the error position; *off gets the
 * byte the token starts at. Returns where the token starts as Jansson
 * placed it. */
static size_t syntax_token(const char *bytes, size_t pos, const json_error_t *err, char *tok,
                           size_t tok_size, size_t *off)
{
    /* The offending token, as Jansson quotes it: ... near 'TOKEN' */
    const char *near = strstr(err->text, "near '");
    if (near) {
        near += 6;
        size_t tl = strlen(near);
        if (tl > 0 && near[tl - 1] == '\'')
            tl--;
        if (tl >= tok_size)
            tl = tok_size - 1;
        memcpy(tok, near, tl);
        tok[tl] = '\0';
    }
    size_t tok_len = strlen(tok);
    size_t start = pos >= tok_len ? pos - tok_len : 0;
    *off = start;
    /* Jansson names no token for a number it cannot hold: the digits
     * before the error position are the number. */
    if (!tok[0] && (strstr(err->text, "too big") || strstr(err->text, "real number overflow"))) {
        size_t b = pos;
        while (b > 0 && strchr("0123456789.eE+-", bytes[b - 1]))
            b--;
        size_t tl = pos - b < tok_size - 4 ? pos - b : tok_size - 4;
        memcpy(tok, bytes + b, tl);
        snprintf(tok + tl, tok_size - tl, "%s", pos - b > tl ? "…" : "");
        *off = b;
    }
    return start;
}

/* The clerk's usual mistakes, told from the token and the bytes around it:
 * a comma too many or missing, a comment, single quotes, full-width
 * punctuation, a truncated file. NULL when none fits. */
static const char *explain_mistake(const char *bytes, size_t len, const json_error_t *err,
                                   size_t pos, size_t start, const char *tok, size_t *off,
                                   char *buf, size_t n)
{
    if (strstr(err->text, "'[' or '{' expected near end of file")) {
        *off = pos > 0 ? pos - 1 : 0;
        return _("the file is empty; expected a JSON object");
    }
    if (strstr(err->text, "premature end of input") || strstr(err->text, "near end of file")) {
        *off = len ? len - 1 : 0;
        return _("the file ends before the JSON is complete; a closing \"}\", \"]\" or quote "
                 "is missing");
    }
    if (strstr(err->text, "duplicate object key")) {
        snprintf(buf, n, _("the key %s appears twice in this object; expected each key once"), tok);
        return buf;
    }
    if (tok[0] == ',' && tok[1] == '\0')
        return _("an extra comma; remove it");
    if (strstr(err->text, "real number overflow") || strstr(err->text, "too big")) {
        snprintf(buf, n,
                 _("the number %s is too large; expected a figure as the source writes "
                   "it"),
                 tok);
        return buf;
    }
    if (strstr(err->text, "maximum parsing depth"))
        return _("the JSON is nested more than 2048 levels deep; a data file needs a few");
    if (strstr(err->text, "end of file expected"))
        return _("there is more text after the end of the JSON object (an extra \"}\"?)");
    if (tok[0] == '/')
        return _("comments (// or /* */) are not allowed in JSON; remove the comment "
                 "(use a \"note\" block for remarks)");
    if (tok[0] == '\'')
        return _("JSON needs double quotes \"…\", not single quotes '…'");
    if (strncmp(tok, "NaN", 3) == 0 || strncmp(tok, "Infinity", 8) == 0 ||
        strncmp(tok, "-Infinity", 9) == 0) {
        snprintf(buf, n,
                 _("%s is not a number JSON can hold; write the figure, or leave the "
                   "indicator out"),
                 tok);
        return buf;
    }
    if ((unsigned char)tok[0] >= 0x80 || (start < len && (unsigned char)bytes[start] >= 0x80)) {
        /* Full-width punctuation typed with a Chinese input method. */
        static const char *const fw[][2] = {{"，", ","}, {"：", ":"}, {"“", "\""}, {"”", "\""},
                                            {"｛", "{"}, {"｝", "}"}, {"［", "["}, {"］", "]"}};
        for (size_t i = 0; i < sizeof fw / sizeof fw[0]; i++)
            if (start < len && strncmp(bytes + start, fw[i][0], strlen(fw[i][0])) == 0) {
                snprintf(buf, n,
                         _("the full-width \"%s\" is not JSON punctuation; type the "
                           "ASCII \"%s\" (switch the input method to English)"),
                         fw[i][0], fw[i][1]);
                return buf;
            }
    }
    if (tok[0] == '}' || tok[0] == ']') {
        size_t k = start;
        while (k > 0 && (bytes[k - 1] == ' ' || bytes[k - 1] == '\t' || bytes[k - 1] == '\n' ||
                         bytes[k - 1] == '\r'))
            k--;
        if (k > 0 && bytes[k - 1] == ',') {
            *off = k - 1;
            snprintf(buf, n,
                     _("a comma before \"%c\" is not allowed in JSON; remove the comma "
                       "after the last item"),
                     tok[0]);
            return buf;
        }
    }
    if (tok[0] == '"' && strstr(err->text, "expected near")) {
        /* A member or element after a value with no comma between them. */
        size_t k = start;
        while (k > 0 && (bytes[k - 1] == ' ' || bytes[k - 1] == '\t' || bytes[k - 1] == '\n' ||
                         bytes[k - 1] == '\r'))
            k--;
        char prev = k > 0 ? bytes[k - 1] : ',';
        if (prev == '"' || prev == '}' || prev == ']' || (prev >= '0' && prev <= '9') ||
            prev == 'e' || prev == 'l') {
            snprintf(buf, n, _("a comma is missing before %s"), tok);
            return buf;
        }
    }
    return NULL;
}

/* Jansson's other errors, each said for a data file (never Jansson's own
 * words). */
static const char *explain_jansson(const json_error_t *err, char *buf, size_t n)
{
    if (strstr(err->text, "is not allowed without JSON_ALLOW_NUL") ||
        strstr(err->text, "NUL byte in object key"))
        return _("\\u0000 (the NUL character) is not allowed in a data file; remove it");
    if (strstr(err->text, "unexpected newline"))
        return _("a line break inside a string is not allowed in JSON; close the quote, or write "
                 "\\n");
    unsigned cc;
    if (sscanf(err->text, "control character 0x%x", &cc) == 1) {
        snprintf(buf, n, _("the control character U+%04X is not allowed in a string; remove it"),
                 cc);
        return buf;
    }
    if (strstr(err->text, "invalid Unicode escape"))
        return _("a \\u escape needs four hex digits, as \\u4E2D");
    if (strstr(err->text, "invalid Unicode"))
        return _("a \\u escape names half of a character (a lone surrogate); write the character "
                 "itself");
    if (strstr(err->text, "invalid escape"))
        return _("a backslash in a string starts an escape (\\\" \\\\ \\/ \\n \\t \\uXXXX); write "
                 "\\\\ for a backslash itself");
    if (strstr(err->text, "string or '}' expected"))
        return _("expected a key in double quotes, or the \"}\" that closes the object");
    if (strstr(err->text, "':' expected"))
        return _("a colon \":\" is missing after the key");
    if (strstr(err->text, "'}' expected"))
        return _("expected a comma before the next member, or the \"}\" that closes the object");
    if (strstr(err->text, "']' expected"))
        return _("expected a comma before the next item, or the \"]\" that closes the list");
    if (strstr(err->text, "'[' or '{' expected"))
        return _("a data file is one JSON object: it starts with \"{\"");
    if (strstr(err->text, "unable to decode byte"))
        return _("the file is not valid UTF-8 here; save it as UTF-8");
    return _("this is not JSON here: expected a value (a number, \"text\" in double quotes, true, "
             "false, null, [ or {) or punctuation");
}

/* Turns Jansson's syntax error into what a clerk who edits JSON in Notepad
 * needs to hear: a comma before "}", a comment, single quotes, a full-width
 * "，" typed with a Chinese input method, a truncated file. *off gets the byte
 * the message points at. Returns a translated message (static or in buf). */
static const char *explain_syntax(const char *bytes, size_t len, const json_error_t *err,
                                  size_t *off, char *buf, size_t n)
{
    size_t pos = err->position > 0 ? (size_t)err->position : 0;
    if (pos > len)
        pos = len;
    char tok[64] = "";
    size_t start = syntax_token(bytes, pos, err, tok, sizeof tok, off);
    const char *mistake = explain_mistake(bytes, len, err, pos, start, tok, off, buf, n);
    return mistake ? mistake : explain_jansson(err, buf, n);
}

json_t *jin_parse(jin *j, const char *name, const char *bytes, size_t len, diag_list *dl)
{
    /* Notepad writes a UTF-8 byte-order mark: accept it. */
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        bytes += 3;
        len -= 3;
    }
    j->dl = dl;
    j->name = name;
    j->text = bytes;
    j->len = len;
    j->loc = NULL;
    if (len == 0) {
        diag_error(dl, name, "%s", _("the file is empty; expected a JSON object"));
        return NULL;
    }
    /* Notepad's "Unicode" is UTF-16: a byte-order mark, or every other
     * byte zero in ASCII text. */
    const unsigned char *u = (const unsigned char *)bytes;
    if ((len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) ||
        (len >= 4 && ((u[0] && !u[1] && u[2] && !u[3]) || (!u[0] && u[1] && !u[2] && u[3])))) {
        diag_error(dl, name, "%s",
                   _("the file is UTF-16 (Notepad's \"Unicode\"); save it as UTF-8 (Save As, "
                     "encoding UTF-8)"));
        return NULL;
    }
    size_t bad = utf8_invalid_offset((const unsigned char *)bytes, len);
    if (bad < len) {
        int line, column;
        locator_line_column(bytes, len, bad, &line, &column);
        if (looks_like_gbk((const unsigned char *)bytes, len)) {
            diag_add(dl, DIAG_ERROR, name, line, column, NULL, NULL, "%s",
                     _("the file is not UTF-8; it looks like GBK (GB18030): save it as UTF-8 "
                       "(in Notepad or WPS: Save As, encoding UTF-8)"));
            return NULL;
        }
        diag_add(dl, DIAG_ERROR, name, line, column, NULL, NULL,
                 _("byte 0x%02X is not valid UTF-8; save the file as UTF-8"),
                 (unsigned)(unsigned char)bytes[bad]);
        return NULL;
    }
    json_error_t err;
    json_t *root = json_loadb(bytes, len, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        char buf[512];
        size_t off = 0;
        const char *msg = explain_syntax(bytes, len, &err, &off, buf, sizeof buf);
        int line, column;
        locator_line_column(bytes, len, off, &line, &column);
        char *src = diag_source_line(bytes, len, off);
        diag_add(dl, DIAG_ERROR, name, line, column, NULL, src, "%s", msg);
        free(src);
        return NULL;
    }
    j->loc = locator_new(bytes, len);
    if (!j->loc) {
        diag_error(dl, name, "%s", _("out of memory"));
        json_decref(root);
        return NULL;
    }
    return root;
}

char *jin_read_file(const char *path, size_t *len_out, diag_list *dl)
{
    return readfile_all(path, JIN_MAX_BYTES, _("is a directory; expected a JSON file"), len_out,
                        dl);
}
