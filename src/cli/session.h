/* cli/session: what a batch loads once and shares — the fonts, and per data
 * directory the other years (for changes and trends) and the national
 * targets. Calls: model, typeset. */
#ifndef CLI_SESSION_H
#define CLI_SESSION_H

#include <limits.h>

#include "base/diag.h"
#include "model/history.h"
#include "model/targets.h"
#include "options.h"
#include "typeset/text.h"

/* The most diagnostics one input collects before the rest are counted. */
enum { MAX_DIAGS = 100 };

/* Zero-initialised: nothing loaded yet. */
typedef struct session {
    text_fonts *fonts;
    char dir[PATH_MAX];
    history *hist;
    target_set *targets;
} session;

void session_free(session *ss);

/* Loads the siblings and targets of input's directory unless already
 * loaded. Returns 1 when both are there. */
int session_use_dir(session *ss, const char *input, diag_list *dl);

/* Loads the fonts of o (--fonts, measured for o's format) unless already
 * loaded. Returns 1 when they are there. */
int session_load_fonts(session *ss, const options *o, diag_list *dl);

#endif
