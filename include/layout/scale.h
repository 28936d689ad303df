/* scale: pure chart geometry: "nice" axis ticks in 1-2-5 steps that cover
 * the data, and the mapping from values to positions. No drawing, no text,
 * tested by printed numbers.
 * Calls: libc only. */
#ifndef LAYOUT_SCALE_H
#define LAYOUT_SCALE_H

enum { SCALE_MAX_TICKS = 32 };

typedef struct scale {
    double lo, hi; /* the axis range: lo <= every value <= hi, ticks at both ends */
    double step;   /* 1, 2 or 5 times a power of ten */
    int n_ticks;   /* ticks at lo, lo + step, … hi */
    int decimals;  /* decimals a tick label needs */
    /* internal: ticks are (lo_units + i) * mant * 10^exp10, computed exactly */
    double lo_units, mant;
    int exp10;
} scale;

/* Chooses ticks for values in [vmin, vmax] with about target ticks (>= 2).
 * Bars pass include_zero so the axis starts at zero. A range of zero width
 * (all values equal, all zeros) still gets a usable axis. */
scale scale_nice(double vmin, double vmax, int target, int include_zero);

/* The tick value of tick i (0-based), computed without accumulated error. */
double scale_tick(const scale *s, int i);

/* Maps v in [lo, hi] onto [a, b] linearly. */
double scale_map(const scale *s, double v, double a, double b);

#endif
