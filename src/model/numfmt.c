/* numfmt: see include/model/numfmt.h. */
#include "model/numfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_plain_decimal(const char *s)
{
    const char *p = s;
    if (*p == '-')
        p++;
    if (*p < '0' || *p > '9')
        return false;
    while (*p >= '0' && *p <= '9')
        p++;
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9')
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

bool numfmt_group(const char *literal, char *out, size_t n)
{
    if (!is_plain_decimal(literal)) {
        snprintf(out, n, "%s", literal);
        return false;
    }
    const char *digits = literal[0] == '-' ? literal + 1 : literal;
    size_t int_len = strcspn(digits, ".");
    size_t commas = int_len >= 5 ? (int_len - 1) / 3 : 0;
    size_t need = strlen(literal) + commas + 1;
    if (need > n) {
        snprintf(out, n, "%s", literal);
        return false;
    }
    char *o = out;
    if (literal[0] == '-')
        *o++ = '-';
    for (size_t i = 0; i < int_len; i++) {
        *o++ = digits[i];
        size_t left = int_len - 1 - i;
        if (commas && left > 0 && left % 3 == 0)
            *o++ = ',';
    }
    memcpy(o, digits + int_len, strlen(digits + int_len) + 1); /* sized above */
    return true;
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool numfmt_figure(const char *literal, const char *unit, const char *qualifier,
                   numfmt_parts *out)
{
    static const char *const after[] = {"余", "多", "以上", "左右", NULL};
    out->before = "";
    out->after = "";
    if (qualifier && qualifier[0]) {
        out->before = qualifier;
        for (const char *const *a = after; *a; a++)
            if (strcmp(qualifier, *a) == 0) {
                out->after = qualifier;
                out->before = "";
            }
    }
    if (!unit)
        unit = "";
    bool scaled = starts_with(unit, "万") || starts_with(unit, "亿");
    size_t scale_len = strlen("万"); /* both scale words are one 3-byte character */
    if (scaled && out->after[0])
        snprintf(out->unit, sizeof out->unit, "%.*s%s%s", (int)scale_len, unit, out->after,
                 unit + scale_len);
    else
        snprintf(out->unit, sizeof out->unit, "%s", unit);
    if (scaled)
        out->after = "";
    if (scaled || !is_plain_decimal(literal)) {
        size_t len = strlen(literal);
        snprintf(out->number, sizeof out->number, "%s", literal);
        return is_plain_decimal(literal) && len < sizeof out->number;
    }
    return numfmt_group(literal, out->number, sizeof out->number);
}

bool numfmt_axis(double v, int decimals, char *out, size_t n)
{
    char plain[NUMFMT_MAX];
    if (decimals < 0)
        decimals = 0;
    if (decimals > 10)
        decimals = 10;
    double r = v;
    if (fabs(r) < 0.5 * pow(10, -decimals))
        r = 0; /* never print -0 */
    int len = snprintf(plain, sizeof plain, "%.*f", decimals, r);
    if (len < 0 || (size_t)len >= sizeof plain)
        return false;
    return numfmt_group(plain, out, n);
}

double numfmt_parse(const char *printed)
{
    char buf[NUMFMT_MAX];
    size_t o = 0;
    for (const char *p = printed; *p && o + 1 < sizeof buf; p++)
        if (*p != ',')
            buf[o++] = *p;
    buf[o] = '\0';
    return strtod(buf, NULL);
}
