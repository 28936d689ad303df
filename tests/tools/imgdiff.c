/* imgdiff: compares a rendered page with its reference image, as cairo's own
 * test suite does: a pixel counts as changed when any channel differs by more
 * than the tolerance, and the images match when at most max_pixels changed.
 * On a mismatch a diff image is written: the reference faded, changed pixels
 * in red.
 *
 *   imgdiff REFERENCE.png OUTPUT.png DIFF.png [TOLERANCE [MAX_PIXELS]]
 *
 * Exit status: 0 match, 1 mismatch (diff written), 2 cannot compare. */
#include <cairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static cairo_surface_t *load(const char *path)
{
    cairo_surface_t *png = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "imgdiff: cannot read %s: %s\n", path,
                cairo_status_to_string(cairo_surface_status(png)));
        cairo_surface_destroy(png);
        return NULL;
    }
    /* Normalise to ARGB32 so grayscale and RGB PNGs compare alike. */
    int w = cairo_image_surface_get_width(png), h = cairo_image_surface_get_height(png);
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_surface(cr, png, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(png);
    cairo_surface_flush(img);
    return img;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr,
                "usage: imgdiff REFERENCE.png OUTPUT.png DIFF.png [TOLERANCE [MAX_PIXELS]]\n");
        return 2;
    }
    char *end = NULL;
    long tolerance = argc > 4 ? strtol(argv[4], &end, 10) : 8;
    if (argc > 4 && (*end || tolerance < 0 || tolerance > 255)) {
        fprintf(stderr, "imgdiff: TOLERANCE must be 0 to 255, not \"%s\"\n", argv[4]);
        return 2;
    }
    long max_pixels = argc > 5 ? strtol(argv[5], &end, 10) : 0;
    if (argc > 5 && (*end || max_pixels < 0)) {
        fprintf(stderr, "imgdiff: MAX_PIXELS must be a count, not \"%s\"\n", argv[5]);
        return 2;
    }
    cairo_surface_t *ref = load(argv[1]), *out = load(argv[2]);
    if (!ref || !out)
        return 2;
    int w = cairo_image_surface_get_width(ref), h = cairo_image_surface_get_height(ref);
    if (w != cairo_image_surface_get_width(out) || h != cairo_image_surface_get_height(out)) {
        fprintf(stderr, "imgdiff: %s is %dx%d but %s is %dx%d\n", argv[1], w, h, argv[2],
                cairo_image_surface_get_width(out), cairo_image_surface_get_height(out));
        return 1;
    }
    cairo_surface_t *diff = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_surface_flush(diff);
    int rs = cairo_image_surface_get_stride(ref), os = cairo_image_surface_get_stride(out);
    int ds = cairo_image_surface_get_stride(diff);
    unsigned char *rp = cairo_image_surface_get_data(ref), *op = cairo_image_surface_get_data(out);
    unsigned char *dp = cairo_image_surface_get_data(diff);
    long changed = 0;
    int worst = 0;
    for (int y = 0; y < h; y++) {
        uint32_t *r = (uint32_t *)(void *)(rp + y * rs), *o = (uint32_t *)(void *)(op + y * os);
        uint32_t *d = (uint32_t *)(void *)(dp + y * ds);
        for (int x = 0; x < w; x++) {
            int max = 0;
            for (int sh = 0; sh < 32; sh += 8) {
                int a = (int)((r[x] >> sh) & 0xFF), b = (int)((o[x] >> sh) & 0xFF);
                int dv = a > b ? a - b : b - a;
                if (dv > max)
                    max = dv;
            }
            if (max > worst)
                worst = max;
            if (max > tolerance) {
                changed++;
                d[x] = 0xFFFF0000u;
            } else {
                uint32_t gray = ((r[x] >> 8) & 0xFF) / 4 + 191;
                d[x] = 0xFF000000u | gray << 16 | gray << 8 | gray;
            }
        }
    }
    cairo_surface_mark_dirty(diff);
    int status = changed > max_pixels;
    if (status) {
        cairo_surface_write_to_png(diff, argv[3]);
        fprintf(stderr,
                "imgdiff: %s: %ld pixels differ (max channel difference %d, tolerance %ld, "
                "allowed %ld); diff in %s\n",
                argv[2], changed, worst, tolerance, max_pixels, argv[3]);
    }
    cairo_surface_destroy(diff);
    cairo_surface_destroy(ref);
    cairo_surface_destroy(out);
    return status;
}
