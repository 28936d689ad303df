/* fuzz_csv: libFuzzer harness for the CSV reader of `factsheet import`
 * (model/csv.c): csv_parse on arbitrary bytes (UTF-8, GB18030 through
 * iconv, UTF-16 and workbook detection, quoting, line breaks in quotes,
 * the field and size limits), then every field's source line as the
 * import's messages show it (csv_source_line). Checks the invariants of
 * model/csv.h: every field is valid UTF-8 without NUL, within
 * CSV_MAX_FIELD, at a line and column >= 1 and an offset inside the text.
 *
 * Built and run by tests/fuzz/run.sh (see there, or `make fuzz`); every
 * input must free what it allocates (LeakSanitizer is on). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/utf8.h"
#include "model/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void require(int cond, const char *what)
{
    if (!cond) {
        fprintf(stderr, "fuzz_csv: invariant broken: %s\n", what);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list dl;
    diag_list_init(&dl, 20);
    csv_table *t = csv_parse("fuzz.csv", (const char *)data, size, &dl);
    require(t != NULL || dl.errors > 0, "a refused table says why");
    for (size_t r = 0; t && r < t->n_rows; r++) {
        const csv_row *row = &t->rows[r];
        require(row->n >= 1 && row->n <= CSV_MAX_FIELDS, "fields per row");
        for (size_t i = 0; i < row->n; i++) {
            const csv_field *f = &row->fields[i];
            size_t len = strlen(f->text);
            require(len <= CSV_MAX_FIELD, "field size");
            require(utf8_invalid_offset((const unsigned char *)f->text, len) == len,
                    "fields are UTF-8");
            require(f->line >= 1 && f->column >= 1, "fields have a place");
            require(f->offset <= t->text_len, "offset inside the text");
            char *src = csv_source_line(t, f);
            free(src);
        }
    }
    /* The messages print, escaped, without crashing. */
    FILE *devnull = fopen("/dev/null", "w");
    if (devnull) {
        diag_list_print(&dl, devnull);
        fclose(devnull);
    }
    diag_list_clear(&dl);
    csv_free(t);
    return 0;
}
