/* ofd_path: shapes for the OFD writer (see ofd_priv.h): paths in page
 * points, arcs as cubic Béziers, written as OFD's abbreviated data in
 * millimetres relative to a graphic unit's corner. */
#include "ofd_priv.h"

#include <math.h>
#include <stdlib.h>

static void shape_add(shape *p, char op, int n_pts, const double *pts)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 32;
        struct shape_seg *ns = realloc(p->segs, cap * sizeof *ns);
        if (!ns) {
            p->failed = true;
            return;
        }
        p->segs = ns;
        p->cap = cap;
    }
    struct shape_seg *s = &p->segs[p->n++];
    s->op = op;
    for (int i = 0; i < 2 * n_pts; i++)
        s->p[i] = pts[i];
    for (int i = 0; i < n_pts; i++) {
        double x = pts[2 * i], y = pts[2 * i + 1];
        if (p->n == 1 && i == 0) {
            p->x0 = p->x1 = x;
            p->y0 = p->y1 = y;
        }
        p->x0 = fmin(p->x0, x);
        p->x1 = fmax(p->x1, x);
        p->y0 = fmin(p->y0, y);
        p->y1 = fmax(p->y1, y);
    }
}

void shape_move(shape *p, double x, double y)
{
    shape_add(p, 'M', 1, (double[]){x, y});
}

void shape_line(shape *p, double x, double y)
{
    shape_add(p, 'L', 1, (double[]){x, y});
}

void shape_close(shape *p)
{
    shape_add(p, 'C', 0, NULL);
}

/* An arc about (cx, cy) of radius r from angle a0 to a1 (cairo's angles:
 * from 3 o'clock, clockwise on the page), as cubic Béziers of at most a
 * quarter turn; starts with a line (or a move when `move`) to its first
 * point. */
void shape_arc(shape *p, double cx, double cy, double r, double a0, double a1, bool move)
{
    double sx = cx + r * cos(a0), sy = cy + r * sin(a0);
    if (move)
        shape_move(p, sx, sy);
    else
        shape_line(p, sx, sy);
    int n = (int)ceil(fabs(a1 - a0) / (M_PI / 2) - 1e-9);
    if (n < 1)
        return;
    double step = (a1 - a0) / n, k = 4.0 / 3.0 * tan(step / 4);
    for (int i = 0; i < n; i++) {
        double b0 = a0 + i * step, b1 = b0 + step;
        double c0 = cos(b0), s0 = sin(b0), c1 = cos(b1), s1 = sin(b1);
        shape_add(p, 'B', 3,
                  (double[]){cx + r * (c0 - k * s0), cy + r * (s0 + k * c0), cx + r * (c1 + k * s1),
                             cy + r * (s1 - k * c1), cx + r * c1, cy + r * s1});
    }
}

void shape_circle(shape *p, double cx, double cy, double r)
{
    shape_arc(p, cx, cy, r, 0, 2 * M_PI, true);
    shape_close(p);
}

/* The abbreviated data of p relative to (ox, oy), in millimetres. */
const char *shape_data(shape *p, double ox, double oy)
{
    p->ops.len = 0;
    if (p->ops.s)
        p->ops.s[0] = '\0';
    for (size_t i = 0; i < p->n; i++) {
        const struct shape_seg *s = &p->segs[i];
        int n_pts = s->op == 'B' ? 3 : s->op == 'C' ? 0 : 1;
        sb_printf(&p->ops, "%s%c", i ? " " : "", s->op);
        for (int k = 0; k < n_pts; k++) {
            x_sb_num(&p->ops, MM(s->p[2 * k] - ox));
            x_sb_num(&p->ops, MM(s->p[2 * k + 1] - oy));
        }
    }
    if (p->ops.failed)
        p->failed = true;
    return sb_str(&p->ops);
}

void shape_free(shape *p)
{
    sb_free(&p->ops);
    free(p->segs);
}
