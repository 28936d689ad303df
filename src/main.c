/* main: the command line. Hands `new`, `import` and `export` to their
 * subcommands; otherwise parses the options (cli/options), then renders the
 * inputs, one sheet each (cli/run_sheets) or one book across their years
 * (cli/run_book). One bad input does not stop the others; the exit status
 * says whether all went well.
 *
 * Exit status: 0 success, 1 bad input or an output that could not be
 * written, 2 usage error. */
#include <limits.h>
#include <string.h>

#include "base/atomic_file.h"
#include "base/i18n.h"
#include "cli/install_dirs.h"
#include "cli/options.h"
#include "cli/run_book.h"
#include "cli/run_import.h"
#include "cli/run_sheets.h"
#include "cmd/cmd.h"

int main(int argc, char **argv)
{
    char localedir[PATH_MAX], fonts_conf[PATH_MAX];
    install_default_localedir(localedir, sizeof localedir);
    i18n_init(localedir);

    if (argc > 1 && strcmp(argv[1], "new") == 0)
        return cmd_new(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "import") == 0)
        return run_import(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "export") == 0)
        return cmd_export(argc - 1, argv + 1);

    options o;
    int first_input;
    int status = options_parse(argc, argv, &o, &first_input);
    if (status != OPTIONS_GO_ON)
        return status;
    int n_inputs = argc - first_input;
    status = options_check(&o, n_inputs);
    if (status)
        return status;
    if (!o.fonts_conf) {
        install_default_fonts_conf(fonts_conf, sizeof fonts_conf);
        o.fonts_conf = fonts_conf;
    }
    if (o.gongwen && !o.attachment)
        o.attachment = "附件";
    atomic_file_install_signal_handlers();
    if (o.book)
        return run_book(&o, argv[first_input]);
    return run_sheets(&o, argv + first_input, n_inputs);
}
