/* compare: see include/model/compare.h. */
#include "model/compare.h"

#include <math.h>
#include <string.h>

#include "model/numfmt.h"
#include "model/units.h"

static bool same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

compare_verdict compare_like(const sheet_indicator *cur, const sheet_indicator *prev)
{
    if (cur->missing || prev->missing)
        return COMPARE_MISSING;
    if (cur->kind == KIND_CHANGE || cur->kind == KIND_RANK || prev->kind == KIND_CHANGE ||
        prev->kind == KIND_RANK)
        return cur->kind == prev->kind ? COMPARE_NEVER : COMPARE_KIND;
    if (cur->kind != prev->kind)
        return COMPARE_KIND;
    if (!same_text(cur->definition, prev->definition))
        return COMPARE_DEFINITION;
    if (!same_text(cur->scope, prev->scope))
        return COMPARE_SCOPE;
    if (!same_text(cur->period, prev->period))
        return COMPARE_PERIOD;
    if (!units_comparable(cur->unit, prev->unit))
        return COMPARE_UNIT;
    if ((cur->qualifier && cur->qualifier[0]) || (prev->qualifier && prev->qualifier[0]))
        return COMPARE_APPROXIMATE;
    return COMPARE_OK;
}

const char *compare_reason(compare_verdict v)
{
    switch (v) {
    case COMPARE_OK: return "";
    case COMPARE_KIND: return "指标类型不同";
    case COMPARE_NEVER: return "不作比较";
    case COMPARE_DEFINITION: return "口径不同";
    case COMPARE_SCOPE: return "统计范围不同";
    case COMPARE_PERIOD: return "统计时段不同";
    case COMPARE_UNIT: return "计量单位不同";
    case COMPARE_APPROXIMATE: return "约数不作比较";
    case COMPARE_MISSING: return "";
    }
    return "";
}

bool compare_compute(const sheet_indicator *cur, int year, const sheet_indicator *prev,
                     int prev_year, compare_change *out)
{
    *out = (compare_change){0};
    if (compare_like(cur, prev) != COMPARE_OK || year <= prev_year)
        return false;
    unit_parts cu = units_split(cur->unit), pu = units_split(prev->unit);
    double p = units_convert(prev->value, prev->unit, cur->unit);
    /* The change is derived: no more precise than the coarser of its figures. */
    int dec_prev = units_decimals(prev->literal) + (int)lround(log10(cu.scale / pu.scale));
    int dec = units_decimals(cur->literal);
    if (dec_prev < dec)
        dec = dec_prev;
    if (dec < 0)
        dec = 0;
    double step = pow(10, -dec);
    out->years = year - prev_year;
    out->decimals = dec;
    out->delta = round((cur->value - p) / step) * step;
    if (out->delta == 0)
        out->delta = 0; /* never −0 */
    out->points = cu.percent;
    if (!cu.percent && p > 0 && cur->value >= 0) {
        out->has_rel = true;
        out->rel = (cur->value - p) / p * 100;
        if (out->years > 1 && cur->value > 0)
            out->annual = (pow(cur->value / p, 1.0 / out->years) - 1) * 100;
    }
    return true;
}

/* "+39.8" / "−12" with one decimal under 100 %, none above. */
static bool percent_text(double v, strbuf *out)
{
    double a = fabs(v);
    int dec = a >= 100 ? 0 : 1;
    double shown = round(a * pow(10, dec));
    return sb_printf(out, "%s",
                     shown == 0 ? ""
                     : v > 0    ? "+"
                                : "−") &&
           numfmt_axis(a, dec, out) && sb_printf(out, "%%");
}

bool compare_describe(const sheet_indicator *cur, int year, const sheet_indicator *prev,
                      int prev_year, strbuf *out, int *direction)
{
    *direction = 0;
    compare_verdict v = compare_like(cur, prev);
    bool last_year = prev_year == year - 1;
    if (last_year)
        sb_printf(out, "较上年");
    else
        sb_printf(out, "较%d年", prev_year);
    if (v != COMPARE_OK)
        return sb_printf(out, "：%s", compare_reason(v)) && !out->failed;
    compare_change c;
    compare_compute(cur, year, prev, prev_year, &c);
    if (!last_year)
        sb_printf(out, "（%d年）", c.years);
    if (c.delta == 0)
        return sb_printf(out, "持平") && !out->failed;
    *direction = c.delta > 0 ? 1 : -1;
    unit_parts u = units_split(cur->unit);
    if (!sb_printf(out, " %s", c.delta > 0 ? "▲" : "▼") ||
        !numfmt_axis(fabs(c.delta), c.decimals, out))
        return false;
    if (c.points)
        sb_printf(out, "%s", strcmp(u.base, "%") == 0 ? "个百分点" : "个千分点");
    else
        sb_printf(out, "%s", cur->unit ? cur->unit : "");
    if (c.has_rel) {
        sb_printf(out, "，");
        if (!percent_text(c.rel, out))
            return false;
        if (c.years > 1 && cur->value > 0 &&
            (!sb_printf(out, "，年均") || !percent_text(c.annual, out)))
            return false;
    }
    return !out->failed;
}

/* One year's side of an explanation: the text quoted, or what it means when
 * the data leave it out. */
static void explain_side(strbuf *out, int year, const char *what, const char *absent)
{
    if (what && what[0])
        sb_printf(out, "%d年为“%s”", year, what);
    else
        sb_printf(out, "%d年%s", year, absent);
}

bool compare_explain(const sheet_indicator *cur, int year, const sheet_indicator *prev,
                     int prev_year, strbuf *out)
{
    compare_verdict v = compare_like(cur, prev);
    const char *a, *b, *absent;
    switch (v) {
    case COMPARE_DEFINITION:
        a = prev->definition, b = cur->definition, absent = "未说明口径";
        break;
    case COMPARE_SCOPE: a = prev->scope, b = cur->scope, absent = "为全市"; break;
    case COMPARE_PERIOD: a = prev->period, b = cur->period, absent = "为全年"; break;
    default: return !out->failed;
    }
    sb_printf(out, "%s，", cur->label); /* "注：" precedes it: no second colon */
    explain_side(out, prev_year, a, absent);
    sb_printf(out, "，");
    explain_side(out, year, b, absent);
    sb_printf(out, "，%s，不作比较。", compare_reason(v));
    return !out->failed;
}
