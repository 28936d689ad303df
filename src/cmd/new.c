/* new: see include/cmd/cmd.h. (Being written.) */
#include <stdio.h>

#include "base/i18n.h"
#include "cmd/cmd.h"

int cmd_new(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "%s", _("factsheet new: not available yet\n"));
    return 2;
}
