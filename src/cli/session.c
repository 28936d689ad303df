/* cli/session: loading once what every sheet of a batch reads. */
#include "session.h"

#include <stdio.h>
#include <string.h>

void session_free(session *ss)
{
    text_fonts_free(ss->fonts);
    history_free(ss->hist);
    targets_free(ss->targets);
}

/* Loads the siblings and targets of input's directory unless already loaded. */
int session_use_dir(session *ss, const char *input, diag_list *dl)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(input, '/');
    if (slash)
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - input), input);
    else
        snprintf(dir, sizeof dir, ".");
    if (ss->hist && strcmp(dir, ss->dir) == 0)
        return 1;
    history_free(ss->hist);
    targets_free(ss->targets);
    ss->targets = NULL;
    snprintf(ss->dir, sizeof ss->dir, "%s", dir);
    ss->hist = history_load(dir, dl);
    char tdir[PATH_MAX + 16];
    snprintf(tdir, sizeof tdir, "%s/targets", dir);
    ss->targets = targets_load_dir(tdir, dl);
    return ss->hist && ss->targets;
}

/* What the typesetter measures for: the surface the format draws on. */
static text_target text_target_of(render_format f)
{
    return f == FORMAT_PNG ? TEXT_FOR_IMAGE : f == FORMAT_SVG ? TEXT_FOR_SVG : TEXT_FOR_PDF;
}

int session_load_fonts(session *ss, const options *o, diag_list *dl)
{
    if (!ss->fonts)
        ss->fonts = text_fonts_new(o->fonts_conf, text_target_of(o->format), dl);
    return ss->fonts != NULL;
}
