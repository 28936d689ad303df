/* scale: see include/layout/scale.h.
 *
 * Ticks are kept as integers times a 1-2-5 step written m * 10^k, and every
 * value is computed as one correctly rounded operation on integers
 * ((lo_units + i) * m, then times or divided by a power of ten), so a tick at
 * 0.3 is the same double as the literal 0.3 and never 0.30000000000000004. */
#include "layout/scale.h"

#include <float.h>
#include <math.h>

/* Values beyond these are not figures a fact sheet prints; they still get a
 * finite, usable axis rather than an endless loop. */
#define SCALE_MAX_ABS 1e200
#define SCALE_MIN_RANGE 1e-200

static double pow10i(int k)
{
    return pow(10.0, (double)k);
}

/* units * 10^k as one rounding. */
static double scaled(double units, int k)
{
    return k >= 0 ? units * pow10i(k) : units / pow10i(-k);
}

/* The smallest 1-2-5 step >= raw, as m * 10^k. */
static void nice_step(double raw, double *m, int *k)
{
    int e = (int)floor(log10(raw));
    double f = raw / pow10i(e);
    if (f <= 1 + 1e-9)
        *m = 1;
    else if (f <= 2 + 1e-9)
        *m = 2;
    else if (f <= 5 + 1e-9)
        *m = 5;
    else {
        *m = 1;
        e++;
    }
    *k = e;
}

static scale degenerate(double lo, double hi)
{
    scale s = {0};
    s.lo = lo;
    s.hi = hi > lo ? hi : lo + 1;
    s.step = s.hi - s.lo;
    if (!isfinite(s.step)) { /* the whole double range: two ticks at the ends */
        s.lo = -DBL_MAX;
        s.hi = DBL_MAX;
        s.step = DBL_MAX;
    }
    s.n_ticks = 2;
    s.mant = 0; /* scale_tick falls back to lo + i * step */
    return s;
}

scale scale_nice(double vmin, double vmax, int target, int include_zero)
{
    if (!isfinite(vmin) || !isfinite(vmax)) {
        vmin = 0;
        vmax = 1;
    }
    if (vmin > vmax) {
        double t = vmin;
        vmin = vmax;
        vmax = t;
    }
    if (include_zero) {
        vmin = fmin(vmin, 0);
        vmax = fmax(vmax, 0);
    }
    double mag = fmax(fabs(vmin), fabs(vmax));
    if (mag > SCALE_MAX_ABS)
        return degenerate(vmin, vmax);
    if (vmax - vmin <= fmax(SCALE_MIN_RANGE, mag * 1e-12)) {
        /* All values equal: all zeros get 0..1; one value v its neighbourhood. */
        double v = vmax;
        if (fabs(v) < SCALE_MIN_RANGE) {
            vmin = include_zero ? 0 : -1;
            vmax = 1;
        } else if (include_zero) {
            vmin = fmin(v, 0);
            vmax = fmax(v, 0);
        } else {
            vmin = v - fabs(v) * 0.1;
            vmax = v + fabs(v) * 0.1;
        }
    }
    if (target < 2)
        target = 2;
    if (target > SCALE_MAX_TICKS)
        target = SCALE_MAX_TICKS;
    scale s = {0};
    for (;;) {
        nice_step((vmax - vmin) / (target - 1), &s.mant, &s.exp10);
        s.step = scaled(s.mant, s.exp10);
        double lo_u = floor(vmin / s.step + 1e-9), hi_u = ceil(vmax / s.step - 1e-9);
        /* The tolerance must never uncover a value: widen by a step if it did. */
        if (scaled(lo_u * s.mant, s.exp10) > vmin)
            lo_u -= 1;
        if (scaled(hi_u * s.mant, s.exp10) < vmax)
            hi_u += 1;
        double n = hi_u - lo_u + 1;
        if (n <= SCALE_MAX_TICKS || target == 2) {
            s.lo_units = lo_u;
            s.n_ticks = n < 2 ? 2 : (int)fmin(n, SCALE_MAX_TICKS);
            break;
        }
        target--;
    }
    s.lo = scale_tick(&s, 0);
    s.hi = scale_tick(&s, s.n_ticks - 1);
    s.decimals = s.exp10 < 0 ? -s.exp10 : 0;
    return s;
}

double scale_tick(const scale *s, int i)
{
    if (s->mant == 0)
        return i == 0 ? s->lo : i == s->n_ticks - 1 ? s->hi : s->lo + i * s->step;
    double v = scaled((s->lo_units + i) * s->mant, s->exp10);
    return v == 0 ? 0 : v; /* no -0 */
}

double scale_map(const scale *s, double v, double a, double b)
{
    if (!(s->hi > s->lo))
        return a;
    double t = (v - s->lo) / (s->hi - s->lo);
    if (!isfinite(t)) /* a range too wide for the subtraction */
        t = v / s->hi * 0.5 + 0.5;
    return a + t * (b - a);
}
