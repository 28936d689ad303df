/* i18n: see include/base/i18n.h. */
#include "base/i18n.h"

#include <locale.h>

void i18n_init(const char *localedir)
{
    setlocale(LC_ALL, "");
    /* Numbers are parsed and printed by our own code in the C convention, never
     * with a locale's decimal comma. */
    setlocale(LC_NUMERIC, "C");
    bindtextdomain("factsheet", localedir);
    bind_textdomain_codeset("factsheet", "UTF-8");
    textdomain("factsheet");
}
