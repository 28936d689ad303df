/* atomic_file: writes a file so that readers only ever see the old complete
 * file or the new complete file: write to a temporary file beside the target,
 * flush it to disk, then rename it into place. On failure, or when the
 * process is interrupted (SIGINT, SIGTERM, SIGHUP) or crashes, the temporary file is
 * removed and the target is untouched. The output gets mode 0666 less the
 * umask, as any new file. A temporary file that a killed run (SIGKILL) left
 * is removed by the next run that writes into its folder.
 * Calls: libc, POSIX. */
#ifndef BASE_ATOMIC_FILE_H
#define BASE_ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>

#include "base/diag.h"

typedef struct atomic_file {
    char *target;
    char *tmp;
    FILE *fp;
    int slot; /* index in the signal handler's table, or -1 */
} atomic_file;

/* Installs handlers that remove open temporary files on a fatal signal and
 * then end the process as the signal would, and notes when the run started
 * (leftovers older than that are removed). Call once at start. */
void atomic_file_install_signal_handlers(void);

/* Opens a temporary file beside target. Returns false with an error in dl. */
bool atomic_file_open(atomic_file *af, const char *target, diag_list *dl);

/* Flushes, syncs and renames the temporary file onto the target. On failure
 * returns false with an error in dl and removes the temporary file. */
bool atomic_file_commit(atomic_file *af, diag_list *dl);

/* Removes the temporary file; the target keeps its old content. Safe to call
 * after commit (it then does nothing). */
void atomic_file_abort(atomic_file *af);

#endif
