/* numbering: the ordinals of an official document's headings (GB/T 9704
 * 7.3.3): 一、 （一） 1. （1）. */
#include "box.h"

/* 一 二 … 九十九; other numbers in Arabic digits. */
static bool chinese_number(int n, strbuf *out)
{
    static const char *const digit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 1 || n > 99)
        return sb_printf(out, "%d", n);
    int tens = n / 10, ones = n % 10;
    return sb_printf(out, "%s%s%s", tens > 1 ? digit[tens] : "", tens ? "十" : "", digit[ones]);
}

bool layout_heading_number(int level, int n, strbuf *out)
{
    switch (level) {
    case 1: return chinese_number(n, out) && sb_printf(out, "、");
    case 2: return sb_printf(out, "（") && chinese_number(n, out) && sb_printf(out, "）");
    case 3: return sb_printf(out, "%d.", n);
    default: return sb_printf(out, "（%d）", n);
    }
}
