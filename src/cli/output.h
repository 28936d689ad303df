/* cli/output: where the output goes and that it is safe to write. Names come
 * from the input's file name and -o, never from ids in the data, so nothing
 * in a file can steer where output goes; an output that is a file the run
 * reads (an input, a year beside it, a target, the fonts) is refused.
 * Calls: base, render (for the names of page files). */
#ifndef CLI_OUTPUT_H
#define CLI_OUTPUT_H

#include <stddef.h>

#include "base/diag.h"
#include "options.h"

/* The file extension of format f, without the dot: "pdf", "png", ... */
const char *output_format_ext(render_format f);

int output_is_directory(const char *path);

/* -o as written, or with the format's extension when it has none. */
void output_file(const options *o, char *buf, size_t n);

/* A -o whose extension names another format than --format: prints an error
 * with the two ways out and returns 1; returns 0 when they agree. */
int output_conflicts(const options *o);

/* The output of input (of its row for --each, else row NULL) among
 * n_inputs: out/<name>.<ext>, or in -o's directory, or -o itself. */
void output_path(const options *o, const char *input, const char *row, int n_inputs, char *buf,
                 size_t n);

/* 1 when out (each page's file for PNG and SVG) overwrites no file the
 * run reads; else 0 with an error in dl. input is the file rendered, inputs
 * every input of the run. */
int output_is_safe(const options *o, const char *out, size_t n_pages, const char *input,
                   char *const *inputs, int n_inputs, diag_list *dl);

/* Without -o, output goes to out/: creates it when missing. 1 on success,
 * else 0 with an error in dl. */
int output_make_default_dir(const options *o, diag_list *dl);

/* Two inputs with one output name (a/2025.json, b/2025.json into one
 * folder) would silently overwrite each other: prints an error for the
 * first such pair and returns 1; 0 when every input has its own output. */
int output_names_collide(const options *o, char *const *inputs, int n_inputs);

#endif
