/* cli/install_dirs: finding the fonts and catalogues from the program's own
 * path, so that bin/factsheet works from any current directory. */
#include "install_dirs.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* The directory holding the running program, or "." when unknown. */
static void program_dir(char *buf, size_t n)
{
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0) {
        snprintf(buf, n, ".");
        return;
    }
    exe[len] = '\0';
    snprintf(buf, n, "%s", dirname(exe));
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The fonts of the source tree (fonts/fonts.conf above bin/, or above
 * out/asan/bin/ for the sanitizer build), else share/factsheet/fonts of an
 * installation. */
void install_default_fonts_conf(char *buf, size_t n)
{
    char dir[PATH_MAX - 64];
    program_dir(dir, sizeof dir);
    static const char *const tries[] = {"/../fonts/fonts.conf", "/../../../fonts/fonts.conf",
                                        "/../share/factsheet/fonts/fonts.conf"};
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        snprintf(buf, n, "%s%s", dir, tries[i]);
        if (file_exists(buf))
            return;
    }
}

void install_default_localedir(char *buf, size_t n)
{
    /* out/locale of the source tree (above bin/ or out/asan/bin/), else
     * share/locale of an installation. */
    char dir[PATH_MAX - 64];
    program_dir(dir, sizeof dir);
    static const char *const tries[] = {"/../out/locale", "/../../../out/locale",
                                        "/../share/locale"};
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        snprintf(buf, n, "%s%s", dir, tries[i]);
        if (file_exists(buf))
            return;
    }
}
