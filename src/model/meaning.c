/* meaning: see include/model/meaning.h. */
#include "model/meaning.h"

#include <stdio.h>
#include <string.h>

bool meaning_month(const char *iso, strbuf *out)
{
    int y = 0, m = 0, d = 0;
    int n = sscanf(iso, "%d-%d-%d", &y, &m, &d);
    if (n == 3)
        return sb_printf(out, "%d年%d月%d日", y, m, d);
    if (n == 2)
        return sb_printf(out, "%d年%d月", y, m);
    return sb_printf(out, "%s", iso);
}

bool meaning_when_where(const sheet_indicator *ind, strbuf *out)
{
    size_t start = out->len;
    if (ind->period)
        sb_printf(out, "%s", ind->period);
    if (ind->as_of) {
        sb_printf(out, "%s截至", out->len > start ? "，" : "");
        meaning_month(ind->as_of, out);
    }
    if (ind->scope)
        sb_printf(out, "%s%s", out->len > start ? " · " : "", ind->scope);
    return !out->failed;
}

bool meaning_rank_place(const sheet_indicator *ind, strbuf *out)
{
    return sb_printf(out, "第%s", ind->literal ? ind->literal : "待填");
}

bool meaning_rank(const sheet_indicator *ind, strbuf *out)
{
    const sheet_rank *r = &ind->rank;
    /* A rank of one hospital is not the city's: the statement names whose it is. */
    if (ind->scope)
        sb_printf(out, "%s在", ind->scope);
    sb_printf(out, "%s", r->level ? r->level : "");
    if (r->of && r->field)
        sb_printf(out, "%s个%s中", r->of, r->field);
    else if (r->field)
        sb_printf(out, "%s", r->field);
    meaning_rank_place(ind, out);
    if (r->of && !r->field)
        sb_printf(out, "（共%s个）", r->of);
    if (r->grade)
        sb_printf(out, "，%s等次", r->grade);
    return !out->failed;
}
