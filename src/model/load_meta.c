/* load_meta: the sheet's own settings ("year", "title", "city", "date",
 * "sources" and the like) as the loader reads and checks them (load.c calls
 * it first). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "load_priv.h"
#include "model/locator.h"
#include "model/numfmt.h"
#include "model/sheet.h"

/* True when d is a real date written YYYY-MM-DD (not 2025-02-30). */
bool load_valid_date(const char *d)
{
    /* Digits exactly where YYYY-MM-DD has them: no signs, no spaces. */
    static const char shape[] = "dddd-dd-dd";
    if (strlen(d) != 10)
        return false;
    for (int i = 0; i < 10; i++)
        if (shape[i] == 'd' ? (d[i] < '0' || d[i] > '9') : d[i] != '-')
            return false;
    int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    int m = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
    if (d[4] != '-' || d[7] != '-' || y < 1900 || m < 1 || m > 12 || day < 1)
        return false;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > mdays[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && day == 29 && !leap);
}

/* A source's address becomes a link in the PDF: only web pages may open
 * from an official sheet (a "javascript:", "file:" or "launch" address would
 * run or open something on the reader's computer), and the address must name
 * a host. Returns false after reporting. */
static bool web_address(jin *j, const char *path, const char *url)
{
    size_t scheme = strncasecmp(url, "https://", 8) == 0  ? 8
                    : strncasecmp(url, "http://", 7) == 0 ? 7
                                                          : 0;
    if (!scheme) {
        jin_report(j, path,
                   _("a source's address must begin with http:// or https:// (a link "
                     "in the PDF may only open a web page)"));
        return false;
    }
    if (!url[scheme] || url[scheme] == '/' || url[scheme] == ' ') {
        jin_report(j, path, _("the address names no web site after \"%.*s\""), (int)scheme, url);
        return false;
    }
    if (strpbrk(url, "\n\t")) {
        jin_report(j, path, _("a web address cannot hold a line break or a tab"));
        return false;
    }
    return true;
}

/* A year that is not a whole number from 1949 to 2100: say what it looks
 * like it was meant to be (2025.0 from a spreadsheet, "２０２５" typed with
 * a Chinese input method). */
static void explain_year(loader *ld, json_t *year)
{
    const char *lit = jin_literal(&ld->j, "year");
    if (json_is_real(year)) {
        double v = json_real_value(year);
        if (v == floor(v) && v >= 1949 && v <= 2100) {
            jin_report(&ld->j, "year",
                       _("the year %s has a decimal point; write it as a whole number: %d"),
                       lit ? lit : "?", (int)v);
            return;
        }
    } else if (json_is_string(year)) {
        const char *str = json_string_value(year);
        char digits[8];
        size_t o = 0;
        bool fullwidth = false, only_digits = true;
        for (const unsigned char *p = (const unsigned char *)str; *p && only_digits; p++) {
            if (*p >= '0' && *p <= '9' && o < 4) {
                digits[o++] = (char)*p;
            } else if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99 && o < 4) {
                digits[o++] = (char)('0' + (p[2] - 0x90)); /* ０-９ */
                fullwidth = true;
                p += 2;
            } else {
                only_digits = false;
            }
        }
        digits[o] = '\0';
        int v = o == 4 && only_digits ? (int)strtol(digits, NULL, 10) : 0;
        if (v >= 1949 && v <= 2100) {
            if (fullwidth)
                jin_report(&ld->j, "year",
                           _("the year \"%s\" is written in full-width digits and quotes; write "
                             "the number %s (ASCII digits, no quotes)"),
                           str, digits);
            else
                jin_report(&ld->j, "year",
                           _("the year \"%s\" is in quotes; write the number %s without quotes"),
                           str, digits);
            return;
        }
    }
    jin_report(&ld->j, "year", _("expected a year between 1949 and 2100, such as 2025"));
}

void load_meta(loader *ld, json_t *root)
{
    sheet *s = ld->s;
    json_t *year = json_object_get(root, "year");
    if (!year)
        jin_report(&ld->j, "", _("missing required field \"year\"; expected a year such as 2025"));
    else if (!json_is_integer(year) || json_integer_value(year) < 1949 ||
             json_integer_value(year) > 2100)
        explain_year(ld, year);
    else
        s->year = (int)json_integer_value(year);
    s->title = jin_get_string(&ld->j, root, "", "title", true);
    s->subtitle = jin_get_string(&ld->j, root, "", "subtitle", false);
    s->issuer = jin_get_string(&ld->j, root, "", "issuer", true);
    s->date = jin_get_string(&ld->j, root, "", "date", true);
    if (s->date && !load_valid_date(s->date))
        jin_report(&ld->j, "date",
                   _("\"%s\" is not a date; expected YYYY-MM-DD, such as 2026-01-15"), s->date);

    json_t *sources = jin_get_array(&ld->j, root, "", "sources", true);
    if (!sources)
        return;
    if (json_array_size(sources) == 0)
        s->n_missing++; /* []: the documents are still to be listed (a draft) */
    s->n_sources = json_array_size(sources);
    s->sources = arena_alloc(ld->j.a, s->n_sources * sizeof *s->sources);
    if (!s->sources) {
        s->n_sources = 0;
        return;
    }
    static const char *const keys[] = {"file", "title", "publisher", "url", "date", NULL};
    size_t i;
    json_t *src;
    json_array_foreach(sources, i, src)
    {
        const char *p = jin_element_path(&ld->j, "sources", i);
        if (!jin_expect_object(&ld->j, src, p))
            continue;
        jin_check_keys(&ld->j, src, p, keys);
        s->sources[i].file = jin_get_string(&ld->j, src, p, "file", true);
        s->sources[i].title = jin_get_string(&ld->j, src, p, "title", false);
        if (!json_object_get(src, "title"))
            jin_report(&ld->j, p, _("missing required field \"title\"; expected a string"));
        else if (s->sources[i].title && !s->sources[i].title[0])
            s->n_missing++; /* "": listed by `factsheet import`, still to be written */
        s->sources[i].publisher = jin_get_string(&ld->j, src, p, "publisher", false);
        s->sources[i].url = jin_get_string(&ld->j, src, p, "url", false);
        if (s->sources[i].url && s->sources[i].url[0] &&
            !web_address(&ld->j, jin_member_path(&ld->j, p, "url"), s->sources[i].url))
            s->sources[i].url = NULL;
    }
}
