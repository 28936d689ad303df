/* numbering: the ordinals of an official document's headings (GB/T 9704
 * 7.3.3): 一、 （一） 1. （1）. */
#include <stdio.h>

#include "box.h"

/* 一 二 … 九十九; other numbers in Arabic digits. */
static void chinese_number(int n, char *out, size_t size)
{
    static const char *const digit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 1 || n > 99) {
        snprintf(out, size, "%d", n);
        return;
    }
    int tens = n / 10, ones = n % 10;
    snprintf(out, size, "%s%s%s", tens > 1 ? digit[tens] : "", tens ? "十" : "", digit[ones]);
}

void layout_heading_number(int level, int n, char *out, size_t size)
{
    char num[16];
    switch (level) {
    case 1:
        chinese_number(n, num, sizeof num);
        snprintf(out, size, "%s、", num);
        break;
    case 2:
        chinese_number(n, num, sizeof num);
        snprintf(out, size, "（%s）", num);
        break;
    case 3: snprintf(out, size, "%d.", n); break;
    default: snprintf(out, size, "（%d）", n); break;
    }
}
