/* cli/install_dirs: the files the program finds beside itself — the fonts
 * and the message catalogues — in the source tree (above bin/, or above
 * out/asan/bin/ for the sanitizer build) or in an installation (share/). */
#ifndef CLI_INSTALL_DIRS_H
#define CLI_INSTALL_DIRS_H

#include <stddef.h>

/* fonts/fonts.conf of the source tree, else share/factsheet/fonts/fonts.conf. */
void install_default_fonts_conf(char *buf, size_t n);

/* out/locale of the source tree, else share/locale. */
void install_default_localedir(char *buf, size_t n);

#endif
