/* import: see include/cmd/cmd.h. (Being written.) */
#include <stdio.h>

#include "base/i18n.h"
#include "cmd/cmd.h"

int cmd_import(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "%s", _("factsheet import: not available yet\n"));
    return 2;
}
