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

bool numfmt_plain(const char *literal, char *out, size_t n)
{
    if (!is_plain_decimal(literal)) {
        snprintf(out, n, "%s", literal);
        return false;
    }
    if (strlen(literal) + 1 > n) {
        snprintf(out, n, "%s", literal);
        return false;
    }
    memcpy(out, literal, strlen(literal) + 1); /* sized above */
    return true;
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* True for an integer literal that is a multiple of ten: 730, 1000. */
static bool whole_tens(const char *literal)
{
    size_t n = strlen(literal);
    if (n < 2 || strchr(literal, '.'))
        return false;
    for (size_t i = 0; i < n; i++)
        if (literal[i] < '0' || literal[i] > '9')
            return false;
    return literal[n - 1] == '0';
}

void numfmt_parts_free(numfmt_parts *p)
{
    free(p->unit);
    p->unit = NULL;
}

typedef struct qualifier_row {
    const char *q;
    numfmt_place place;
    numfmt_bound bound;
} qualifier_row;

static const qualifier_row qualifiers[] = {
#define QUALIFIER(word, place, bound) {word, place, bound},
#include "model/qualifiers.def"
#undef QUALIFIER
};
enum { N_QUALIFIERS = sizeof qualifiers / sizeof qualifiers[0] };

/* The table's entry for q, or NULL. */
static const qualifier_row *qualifier_of(const char *q)
{
    for (size_t i = 0; q && i < N_QUALIFIERS; i++)
        if (strcmp(q, qualifiers[i].q) == 0)
            return &qualifiers[i];
    return NULL;
}

bool numfmt_figure(const char *literal, const char *unit, const char *qualifier, numfmt_parts *out)
{
    out->before = "";
    out->after = "";
    out->number[0] = '\0';
    out->unit = NULL;
    const qualifier_row *row = qualifier_of(qualifier && qualifier[0] ? qualifier : NULL);
    if (qualifier && qualifier[0]) {
        out->before = qualifier;
        if (row && row->place != QUAL_BEFORE) {
            out->after = qualifier;
            out->before = "";
        }
    }
    if (!unit)
        unit = "";
    bool scaled = starts_with(unit, "万") || starts_with(unit, "亿");
    size_t scale_len = strlen("万"); /* both scale words are one 3-byte character */
    const char *q = out->after;
    /* Where Chinese puts a trailing qualifier: after the number without a
     * scale word (600余场); with one, before it when the number is a whole
     * number of tens (730多万剂次, 1000余万元: "and some more tens") and after
     * it otherwise (227万余元, 3亿多元); 以上 and 左右, and any qualifier of a
     * %, after the whole unit (93%以上, 10万人次左右). */
    bool after_unit = q[0] && ((row && row->place == QUAL_AFTER_UNIT) || starts_with(unit, "%") ||
                               starts_with(unit, "‰"));
    int made;
    if (after_unit) {
        made = asprintf(&out->unit, "%s%s", unit, q);
        out->after = "";
    } else if (scaled && q[0] && !whole_tens(literal)) {
        made = asprintf(&out->unit, "%.*s%s%s", (int)scale_len, unit, q, unit + scale_len);
        out->after = "";
    } else {
        made = asprintf(&out->unit, "%s", unit);
    }
    if (made < 0) {
        out->unit = NULL;
        return false;
    }
    /* Never a cut or unchecked literal: the caller prints nothing then.
     * Plain, never grouped: the number rule (numfmt.h). */
    if (!is_plain_decimal(literal) || strlen(literal) > NUMFMT_LITERAL_MAX)
        return false;
    memcpy(out->number, literal, strlen(literal) + 1); /* sized by NUMFMT_LITERAL_MAX */
    return true;
}

int numfmt_unit_scale(const char *unit, const char **base)
{
    static const struct {
        const char *word;
        int power;
    } scales[] = {{"亿", 8}, {"万", 4}};
    unit = unit ? unit : "";
    for (size_t i = 0; i < sizeof scales / sizeof *scales; i++)
        if (starts_with(unit, scales[i].word)) {
            *base = unit + strlen(scales[i].word);
            return scales[i].power;
        }
    *base = unit;
    return 0;
}

bool numfmt_rescale(const char *literal, const char *unit, const char *to_unit, char *out, size_t n)
{
    const char *base, *to_base;
    int from = numfmt_unit_scale(unit, &base), to = numfmt_unit_scale(to_unit, &to_base);
    if (!is_plain_decimal(literal) || strcmp(base, to_base) != 0 || to < from || n == 0)
        return false;
    const char *sign = literal[0] == '-' ? "-" : "";
    const char *digits = literal + strlen(sign);
    size_t int_len = strcspn(digits, ".");
    char all[NUMFMT_MAX * 2];
    if (strlen(digits) >= sizeof all)
        return false;
    /* every digit, without the point; the point then stands at `point` */
    size_t len = 0;
    for (const char *p = digits; *p; p++)
        if (*p != '.')
            all[len++] = *p;
    all[len] = '\0';
    long point = (long)int_len - (to - from);
    char buf[NUMFMT_MAX * 2];
    size_t o = 0;
    o += (size_t)snprintf(buf, sizeof buf, "%s", sign);
    if (point <= 0) {
        o += (size_t)snprintf(buf + o, sizeof buf - o, "0.");
        for (long z = 0; z < -point && o + 1 < sizeof buf; z++)
            buf[o++] = '0';
        buf[o] = '\0';
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s", all);
    } else {
        size_t start = 0; /* no leading zeros but one before the point */
        while ((long)start + 1 < point && all[start] == '0')
            start++;
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%.*s", (int)(point - (long)start),
                              all + start);
        if ((size_t)point < len)
            o += (size_t)snprintf(buf + o, sizeof buf - o, ".%s", all + point);
    }
    if (o >= sizeof buf || o + 1 > n || o + 1 > NUMFMT_MAX)
        return false;
    memcpy(out, buf, o + 1);
    return true;
}

bool numfmt_axis(double v, int decimals, strbuf *out)
{
    if (!isfinite(v) || out->failed)
        return false;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 10)
        decimals = 10;
    double r = v;
    if (fabs(r) < 0.5 * pow(10, -decimals))
        r = 0; /* never print -0 */
    /* As long as it takes: 1e300 has 301 digits and is printed with them. */
    char *plain = NULL;
    int len = asprintf(&plain, "%.*f", decimals, r);
    if (len < 0)
        return false;
    bool ok = sb_printf(out, "%s", plain);
    free(plain);
    return ok;
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

const char *numfmt_qualifier_at(const char *s, bool before)
{
    const char *best = NULL;
    for (size_t i = 0; s && i < N_QUALIFIERS; i++)
        if ((qualifiers[i].place == QUAL_BEFORE) == before &&
            strncmp(s, qualifiers[i].q, strlen(qualifiers[i].q)) == 0 &&
            (!best || strlen(qualifiers[i].q) > strlen(best)))
            best = qualifiers[i].q;
    return best;
}

bool numfmt_qualifier(const char *qualifier, numfmt_bound *bound)
{
    *bound = BOUND_EXACT;
    if (!qualifier || !qualifier[0])
        return true;
    const qualifier_row *row = qualifier_of(qualifier);
    if (row)
        *bound = row->bound;
    return row != NULL;
}

const char *numfmt_qualifier_list(void)
{
    static const char list[] =
#define QUALIFIER(word, place, bound) "、" word
#include "model/qualifiers.def"
#undef QUALIFIER
        ;
    return list + strlen("、");
}

bool numfmt_with_unit(const char *literal, const char *unit, const char *qualifier, strbuf *out)
{
    numfmt_parts np;
    bool ok = numfmt_figure(literal, unit, qualifier, &np) &&
              sb_printf(out, "%s%s%s%s", np.before, np.number, np.after, np.unit);
    numfmt_parts_free(&np);
    return ok;
}
