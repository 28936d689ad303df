/* cmd: the subcommands beside rendering, for the office's yearly routine:
 *   factsheet new YEAR --from data/PREV.json   next year's file, values empty
 *   factsheet import FILE.csv --into data/YEAR.json   figures from a spreadsheet
 *   factsheet export data/YEAR.json -o FILE.csv   the table to fill in
 * Each takes the arguments after its name (argv[0] is the subcommand) and
 * returns the exit status: 0 success, 1 bad input, 2 usage error.
 * Calls: model, base. */
#ifndef CMD_CMD_H
#define CMD_CMD_H

#include <stdint.h>

/* What import asks of the fonts, which it cannot load itself (the layers):
 * the first character of utf8 that the sheet's faces lack, 0 when they have
 * every one. NULL: no check. */
typedef struct cmd_glyphs {
    uint32_t (*missing)(void *ctx, const char *utf8);
    void *ctx;
} cmd_glyphs;

int cmd_new(int argc, char **argv);
int cmd_import(int argc, char **argv, const cmd_glyphs *glyphs);
int cmd_export(int argc, char **argv);

#endif
