/* cli/output: naming the output files and refusing to overwrite what the
 * run reads (see output.h). */
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "render/render.h"

const char *output_format_ext(render_format f)
{
    return f == FORMAT_PDF ? "pdf" : f == FORMAT_PNG ? "png" : f == FORMAT_OFD ? "ofd" : "svg";
}

int output_is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The extension of path's file name ("" when none), without the dot. */
static const char *name_ext(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? dot + 1 : "";
}

/* Extensions that name a kind of file a viewer opens by it, or the data
 * (-o 2025.json would be a slip of the hand): -o with one of these must
 * agree with --format. */
static int names_a_format(const char *ext)
{
    static const char *const exts[] = {"pdf", "png", "svg",  "jpg", "jpeg", "tif", "tiff",
                                       "gif", "bmp", "webp", "ofd", "json", "csv", "txt"};
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strcasecmp(ext, exts[i]) == 0)
            return 1;
    return 0;
}

/* -o as written, or with the format's extension when it has none (a file
 * called "sheet" opens nowhere; "sheet.png" everywhere). */
void output_file(const options *o, char *buf, size_t n)
{
    const char *ext = name_ext(o->output);
    if (strcasecmp(ext, output_format_ext(o->format)) == 0 || names_a_format(ext))
        snprintf(buf, n, "%s", o->output);
    else
        snprintf(buf, n, "%s.%s", o->output, output_format_ext(o->format));
}

/* A -o whose extension names another format than --format: an error with
 * the two ways out. Returns 0 when they agree. */
int output_conflicts(const options *o)
{
    const char *ext = name_ext(o->output);
    if (!names_a_format(ext) || strcasecmp(ext, output_format_ext(o->format)) == 0)
        return 0;
    int known = !strcasecmp(ext, "pdf") || !strcasecmp(ext, "png") || !strcasecmp(ext, "svg");
    char fixed[PATH_MAX];
    snprintf(fixed, sizeof fixed, "%.*s.%s", (int)(strlen(o->output) - strlen(ext) - 1), o->output,
             output_format_ext(o->format));
    if (known)
        fprintf(stderr,
                _("factsheet: -o %s names a %s file, but the format is %s; write -o %s, or add "
                  "--format %s\n"),
                o->output, ext, output_format_ext(o->format), fixed, ext);
    else
        fprintf(stderr,
                _("factsheet: -o %s names a %s file, which factsheet does not write; write -o "
                  "%s\n"),
                o->output, ext, fixed);
    return 1;
}

/* out/<name>.<ext> from the input's file name; ids in the data never take
 * part in the name, so nothing in a file can steer where output goes. */
void output_path(const options *o, const char *input, const char *row, int n_inputs, char *buf,
                 size_t n)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    size_t len = strlen(base);
    if (len > 5 && strcmp(base + len - 5, ".json") == 0)
        len -= 5;
    const char *dir = "out";
    if (o->output && (n_inputs > 1 || o->each || output_is_directory(o->output)))
        dir = o->output;
    else if (o->output) {
        output_file(o, buf, n);
        return;
    }
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    /* --each: 2025-lusong.pdf, named after the row (ids are ASCII names). */
    snprintf(buf, n, "%.*s/%.*s%s%s.%s", (int)dl, dir, (int)len, base, row ? "-" : "",
             row ? row : "", output_format_ext(o->format));
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* The file in dir (every entry, or those named like a year file when
 * years_only) that is the same file as out, or NULL. Returns a path in buf. */
static const char *clash_in_dir(const char *out, const char *dir, int years_only, char *buf,
                                size_t n)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    const char *found = NULL;
    struct dirent *e;
    while (!found && (e = readdir(d))) {
        const char *nm = e->d_name;
        size_t len = strlen(nm);
        if (nm[0] == '.' && (len == 1 || (len == 2 && nm[1] == '.')))
            continue;
        if (years_only &&
            !(len == 9 && strcmp(nm + 4, ".json") == 0 && strspn(nm, "0123456789") == 4))
            continue;
        int len_made =
            strcmp(dir, ".") == 0 ? snprintf(buf, n, "%s", nm) : snprintf(buf, n, "%s/%s", dir, nm);
        if (len_made >= 0 && (size_t)len_made < n && same_file(out, buf))
            found = buf;
    }
    closedir(d);
    return found;
}

/* A file this run reads that out would overwrite, or NULL: the inputs, the
 * other years beside input (read for changes and trends), the targets, the
 * book's notes, the source documents of --sources and the fonts file. */
static const char *read_file_at(const options *o, const char *out, const char *input,
                                char *const *inputs, int n_inputs, char *buf, size_t n)
{
    for (int i = 0; i < n_inputs; i++)
        if (same_file(out, inputs[i]))
            return inputs[i];
    char dir[PATH_MAX], sub[PATH_MAX + 16];
    const char *slash = strrchr(input, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - input) : 1, slash ? input : ".");
    if (slash == input)
        snprintf(dir, sizeof dir, "/");
    if (clash_in_dir(out, dir, 1, buf, n))
        return buf;
    int here = strcmp(dir, ".") == 0;
    snprintf(sub, sizeof sub, "%s%stargets", here ? "" : dir, here ? "" : "/");
    if (clash_in_dir(out, sub, 0, buf, n))
        return buf;
    snprintf(sub, sizeof sub, "%s%sbook", here ? "" : dir, here ? "" : "/");
    if (clash_in_dir(out, sub, 0, buf, n))
        return buf;
    if (o->sources && clash_in_dir(out, o->sources, 0, buf, n))
        return buf;
    if (o->fonts_conf && same_file(out, o->fonts_conf))
        return o->fonts_conf;
    return NULL;
}

/* Refuses an output (each page's file for PNG and SVG) that is a file the
 * run reads: rendering 2025 over 2024.json, which it reads for its trends,
 * would destroy the data. Returns 1 when out is safe to write. */
int output_is_safe(const options *o, const char *out, size_t n_pages, const char *input,
                   char *const *inputs, int n_inputs, diag_list *dl)
{
    char buf[PATH_MAX + 300];
    for (size_t k = 1; k <= (o->format == FORMAT_PDF ? 1 : n_pages); k++) {
        char *page = o->format == FORMAT_PDF ? NULL : render_page_path(out, k);
        const char *path = page ? page : out;
        const char *clash = read_file_at(o, path, input, inputs, n_inputs, buf, sizeof buf);
        if (clash && same_file(path, input))
            diag_error(dl, path, "%s",
                       _("the output would overwrite the input; choose another -o"));
        else if (clash)
            diag_error(dl, path,
                       _("the output would overwrite %s, which this run reads; choose "
                         "another -o"),
                       clash);
        free(page);
        if (clash)
            return 0;
    }
    return 1;
}

int output_make_default_dir(const options *o, diag_list *dl)
{
    if (!o->output && !output_is_directory("out") && mkdir("out", 0755) != 0 && errno != EEXIST) {
        diag_error(dl, "out", _("cannot create the directory: %s"), strerror(errno));
        return 0;
    }
    return 1;
}

int output_names_collide(const options *o, char *const *inputs, int n_inputs)
{
    for (int i = 1; i < n_inputs; i++) {
        char pi[PATH_MAX];
        output_path(o, inputs[i], NULL, n_inputs, pi, sizeof pi);
        for (int k = 0; k < i; k++) {
            char pk[PATH_MAX];
            output_path(o, inputs[k], NULL, n_inputs, pk, sizeof pk);
            if (strcmp(pi, pk) == 0) {
                fprintf(stderr,
                        _("factsheet: %s and %s would both be written to %s; render them "
                          "into different folders\n"),
                        inputs[k], inputs[i], pi);
                return 1;
            }
        }
    }
    return 0;
}
