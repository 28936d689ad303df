/* cli/options: the rendering command line — what the options mean, their
 * parsing (getopt_long) and the checks that refuse options that would do
 * nothing or contradict each other. Every message is a usage error (exit 2).
 * Calls: base, render (for render_format). */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include <stdio.h>

#include "render/render.h"

/* The exit status of the program: 0 success. */
enum { EXIT_BAD_INPUT = 1, EXIT_USAGE = 2 };
enum { DRAFT_NO, DRAFT_YES, DRAFT_AUTO };

typedef struct options {
    const char *output;
    const char *fonts_conf;
    render_format format;
    double dpi;
    int check_only;
    int grayscale;
    const char *sources;             /* --sources DIR: check every quote against it */
    int book;                        /* --book: one PDF across all the inputs' years */
    int draft;                       /* --draft: render with figures missing, marked 草稿;
                                        DRAFT_AUTO: a draft only when figures are missing */
    int verbose, quiet;              /* -v, -q: progress lines on stderr */
    int gongwen;                     /* --style gongwen */
    double paper_w, paper_h;         /* --paper A4|A3 */
    double bleed;                    /* --bleed MM, in pt */
    int first_page;                  /* --first-page N */
    int first_page_set, dpi_set, a3; /* given on the command line */
    const char *attachment;          /* --attachment N: "附件N" */
    int strict;                      /* --strict: overflow is an error */
    int pages;                       /* --pages 1: the front page alone */
    int each;                        /* --each: one sheet per row of the file's tables */
} options;

/* What options_parse returns when the program should go on rendering. */
enum { OPTIONS_GO_ON = -1 };

/* The --help text. */
void options_usage(FILE *out);

/* Parses argv into *o (set to the defaults first); *first_input is the
 * index of the first input in argv. Returns OPTIONS_GO_ON, or the exit
 * status when the program should stop here (--help, --version: 0; a bad
 * option: EXIT_USAGE, its message printed). */
int options_parse(int argc, char **argv, options *o, int *first_input);

/* The checks that need the whole command line: an input given, -o a
 * directory where several files are written, no option that does nothing in
 * the chosen style or format, -o's extension agreeing with --format. Returns
 * 0, or the exit status with its message printed. */
int options_check(const options *o, int n_inputs);

#endif
