/* strdist: see include/base/strdist.h. One row of the dynamic programme. */
#include "base/strdist.h"

#include <stdint.h>
#include <string.h>

enum { STRDIST_MAX = 64 };

size_t strdist(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > STRDIST_MAX || lb > STRDIST_MAX)
        return SIZE_MAX;
    size_t row[STRDIST_MAX + 1];
    for (size_t k = 0; k <= lb; k++)
        row[k] = k;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t k = 1; k <= lb; k++) {
            size_t up = row[k];
            size_t best = diag + (a[i - 1] != b[k - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[k - 1] + 1 < best)
                best = row[k - 1] + 1;
            row[k] = best;
            diag = up;
        }
    }
    return row[lb];
}
