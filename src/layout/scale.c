/* scale: see include/layout/scale.h. */
#include "layout/scale.h"

#include <math.h>

/* The smallest 1-2-5 step >= raw. */
static double nice_step(double raw, int *decimals)
{
    double mag = pow(10, floor(log10(raw)));
    double f = raw / mag;
    double m = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
    double step = m * mag;
    int d = (int)-floor(log10(step) + 1e-9);
    *decimals = d > 0 ? d : 0;
    return step;
}

scale scale_nice(double vmin, double vmax, int target, int include_zero)
{
    scale s = {0};
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
        if (vmin > 0)
            vmin = 0;
        if (vmax < 0)
            vmax = 0;
    }
    if (vmax - vmin <= 0) {
        /* All values equal: all zeros get 0..1; one value v gets 0..v or v's neighbourhood. */
        double v = vmax;
        if (v == 0) {
            vmax = 1;
        } else if (include_zero) {
            /* unreachable: include_zero widened the range unless v == 0 */
            vmax = v > 0 ? v : 0;
        } else {
            vmin = v - fabs(v) * 0.1;
            vmax = v + fabs(v) * 0.1;
        }
    }
    if (target < 2)
        target = 2;
    for (;;) {
        s.step = nice_step((vmax - vmin) / (target - 1), &s.decimals);
        s.lo = floor(vmin / s.step + 1e-9) * s.step;
        s.hi = ceil(vmax / s.step - 1e-9) * s.step;
        double n = round((s.hi - s.lo) / s.step) + 1;
        if (n <= SCALE_MAX_TICKS) {
            s.n_ticks = (int)n;
            break;
        }
        target = target > 2 ? target - 1 : 2; /* unreachable in practice */
        vmin = s.lo;
    }
    if (s.n_ticks < 2) {
        s.hi = s.lo + s.step;
        s.n_ticks = 2;
    }
    return s;
}

double scale_tick(const scale *s, int i)
{
    double v = s->lo + i * s->step;
    /* Snap away binary noise such as 0.30000000000000004. */
    double snap = pow(10, s->decimals + 6);
    return round(v * snap) / snap;
}

double scale_map(const scale *s, double v, double a, double b)
{
    if (s->hi == s->lo)
        return a;
    return a + (v - s->lo) / (s->hi - s->lo) * (b - a);
}
