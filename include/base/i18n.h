/* i18n: the one place messages meet gettext. Every user-facing string is
 * wrapped in _() (translated where it is printed) or N_() (marked only). */
#ifndef BASE_I18N_H
#define BASE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Binds the "factsheet" text domain to localedir and selects the user's
 * locale. Failing to find a catalogue is not an error: messages stay English. */
void i18n_init(const char *localedir);

#endif
