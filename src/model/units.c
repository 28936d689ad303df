/* units: see include/model/units.h. */
#include "model/units.h"

#include <string.h>

unit_parts units_split(const char *unit)
{
    unit_parts p = {1, unit ? unit : "", false};
    if (strncmp(p.base, "万", strlen("万")) == 0 && p.base[strlen("万")]) {
        p.scale = 1e4;
        p.base += strlen("万");
    } else if (strncmp(p.base, "亿", strlen("亿")) == 0 && p.base[strlen("亿")]) {
        p.scale = 1e8;
        p.base += strlen("亿");
    }
    p.percent = strcmp(p.base, "%") == 0 || strcmp(p.base, "‰") == 0;
    return p;
}

bool units_comparable(const char *a, const char *b)
{
    unit_parts pa = units_split(a), pb = units_split(b);
    return strcmp(pa.base, pb.base) == 0;
}

double units_convert(double value, const char *from, const char *to)
{
    unit_parts pf = units_split(from), pt = units_split(to);
    return value * pf.scale / pt.scale;
}

int units_decimals(const char *literal)
{
    const char *dot = literal ? strchr(literal, '.') : NULL;
    if (!dot)
        return 0;
    int n = 0;
    for (const char *p = dot + 1; *p >= '0' && *p <= '9'; p++)
        n++;
    return n;
}
