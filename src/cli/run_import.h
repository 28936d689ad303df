/* cli/run_import: `factsheet import`, given the fonts check it cannot do
 * itself (cmd calls no typesetting): the characters of imported texts that
 * the sheet's faces lack. Calls: cmd, typeset. */
#ifndef CLI_RUN_IMPORT_H
#define CLI_RUN_IMPORT_H

/* Runs cmd_import on argv (argv[0] is "import"). Returns its exit status. */
int run_import(int argc, char **argv);

#endif
