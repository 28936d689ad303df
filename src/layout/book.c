/* book: see include/layout/book.h. (Being written.) */
#include "layout/book.h"

#include "base/i18n.h"

doc *layout_book(const history *hist, const target_set *targets, text_fonts *fonts,
                 const style *st, diag_list *dl)
{
    (void)hist;
    (void)targets;
    (void)fonts;
    (void)st;
    diag_error(dl, NULL, "%s", _("the book is not available yet"));
    return NULL;
}
