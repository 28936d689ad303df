/* compare: when two figures may be compared, and what the comparison says.
 * Only like with like: the same id, the same kind of measure, definition,
 * scope and period, exact figures (no 约 or 余), in units of one scale. A
 * change the source computed (降幅, 增长) and a rank are never compared.
 * Shares and rates change in percentage points; a change across more than
 * one year names its span and the average annual rate.
 * Calls: model (sheet, units, numfmt), base (strbuf). Pure: no I/O. */
#ifndef MODEL_COMPARE_H
#define MODEL_COMPARE_H

#include <stdbool.h>

#include "base/strbuf.h"
#include "model/sheet.h"

typedef enum compare_verdict {
    COMPARE_OK,          /* like with like: a change can be computed */
    COMPARE_KIND,        /* not the same kind of measure */
    COMPARE_NEVER,       /* a source-computed change or a rank: never compared */
    COMPARE_DEFINITION,  /* not the same definition (口径) */
    COMPARE_SCOPE,       /* not the same scope */
    COMPARE_PERIOD,      /* not the same period */
    COMPARE_UNIT,        /* units of different things (万人次 and 次) */
    COMPARE_APPROXIMATE, /* either figure is approximate: no exact change */
    COMPARE_MISSING      /* either figure is still missing */
} compare_verdict;

/* Whether cur and prev (the same id in two years) may be compared. */
compare_verdict compare_like(const sheet_indicator *cur, const sheet_indicator *prev);

/* A computed change of cur (in year) against prev (in prev_year). */
typedef struct compare_change {
    int years;     /* year - prev_year */
    double delta;  /* cur - prev in cur's unit, rounded to the coarser precision */
    int decimals;  /* of delta as printed */
    bool points;   /* percentage (or per-mille) points */
    bool has_rel;  /* rel and (when years > 1) annual are meaningful */
    double rel;    /* per cent of prev */
    double annual; /* average annual rate, per cent */
} compare_change;

/* Computes the change; false when the verdict is not COMPARE_OK. */
bool compare_compute(const sheet_indicator *cur, int year, const sheet_indicator *prev,
                     int prev_year, compare_change *out);

/* Writes the comparison as a card or a table prints it: "较上年 ▲2.3亿元，+12.5%",
 * "较2021年（4年）▲1.31万个，+282%，年均+39.8%", "较上年 ▼0.5个百分点",
 * "较上年持平"; or, when the verdict says they may not be compared,
 * "较2021年：口径不同" and the like. *direction gets +1, -1 or 0 (no
 * change, or no comparison). Returns false when a change cannot be put in
 * figures (not finite) or out of memory: out then holds a part only, which
 * must never be printed. */
bool compare_describe(const sheet_indicator *cur, int year, const sheet_indicator *prev,
                      int prev_year, strbuf *out, int *direction);

/* Where the verdict is a different definition, scope or period, the
 * sentence that says what each year counted, for a note under a table:
 * "0—3岁婴幼儿托位数：2021年为“全市现有托位”，2025年为“0—3岁婴幼儿托位数”，
 * 口径不同，不作比较。" Writes nothing for other verdicts. Returns false
 * when out of memory. */
bool compare_explain(const sheet_indicator *cur, int year, const sheet_indicator *prev,
                     int prev_year, strbuf *out);

/* The short reason a verdict gives, as printed: "口径不同", "范围不同"… ("" for OK). */
const char *compare_reason(compare_verdict v);

#endif
