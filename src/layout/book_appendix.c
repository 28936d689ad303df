/* book_appendix: the book's last part, the source and exact quote of every
 * figure the book shows, per year and source document, so that each can be
 * checked against the document it comes from. */
#include <math.h>
#include <string.h>

#include "base/strbuf.h"
#include "book_priv.h"

/* The heading of one source document's figures in the appendix, built into
 * b: the year when open_year, the document's title and its file. */
static bool appendix_source(book *bk, const sheet *s, size_t k, bool open_year, box *b)
{
    const style *st = bk->ctx.st;
    const sheet_source *src = &s->sources[k];
    double h = 0, y = 0;
    strbuf year = {0}, title = {0}, file = {0}, path = {0};
    bool ok = sb_printf(&year, "%d年", s->year) && sb_printf(&path, "sources[%zu]", k) &&
              sb_printf(&title, "来源：《%s》%s%s%s", src->title, src->publisher ? "（" : "",
                        src->publisher ? src->publisher : "", src->publisher ? "）" : "") &&
              sb_printf(&file, "文件：%s", src->file);
    if (ok && open_year) {
        ok = book_text(bk, b, s, sb_str(&year), &st->section, 0, 0, bk->f.width, st->ink, "",
                       "year", &h);
        y = h + st->chart_title_gap;
    }
    ok = ok && book_text(bk, b, s, sb_str(&title), &bk->z.cell, 0, y, bk->f.width, st->ink,
                         sb_str(&path), "title", &h);
    y += h;
    ok = ok && book_text(bk, b, s, sb_str(&file), &st->chart_note, 0, y, bk->f.width, st->muted,
                         sb_str(&path), "file", &h);
    b->height = y + h + st->chart_title_gap;
    sb_free(&year);
    sb_free(&title);
    sb_free(&file);
    sb_free(&path);
    return ok;
}

/* The appendix: per year and source document, every figure the book shows
 * with its label, the figure as written and the exact quote. */
bool book_appendix(book *bk)
{
    const style *st = bk->ctx.st;
    const book_sizes *z = &bk->z;
    double label_w = 0, value_w = 0;
    strbuf fig = {0};
    for (size_t y = 0; y < bk->hist->n; y++) {
        const sheet *s = bk->hist->years[y];
        for (size_t i = 0; i < s->n_indicators; i++)
            if (book_cited(bk, &s->indicators[i])) {
                if (!book_figure_text(bk, s, &s->indicators[i], &fig)) {
                    sb_free(&fig);
                    return false;
                }
                label_w = fmax(label_w, book_cell_width(bk, s->indicators[i].label, &z->cell));
                value_w = fmax(value_w, book_cell_width(bk, sb_str(&fig), &z->cell_num));
            }
    }
    table tb = {.n = 3, .head = {"指标", "数值", "原文摘录"}, .num = {false, true, false}};
    tb.w[0] = fmin(label_w, z->label_max_w);
    tb.w[1] = fmax(value_w, book_cell_width(bk, "数值", &z->cell_head));
    tb.w[2] = bk->f.width - tb.w[0] - tb.w[1];
    if (bk->ctx.failed) {
        sb_free(&fig);
        return false;
    }

    for (size_t y = 0; y < bk->hist->n; y++) {
        const sheet *s = bk->hist->years[y];
        bool open_year = true;
        for (size_t k = 0; k < s->n_sources; k++) {
            bool first = true;
            for (size_t i = 0; i < s->n_indicators; i++) {
                const sheet_indicator *ind = &s->indicators[i];
                if (!book_cited(bk, ind) || !ind->source_file ||
                    strcmp(ind->source_file, s->sources[k].file) != 0)
                    continue;
                /* The exact quote, whatever its length: the appendix's promise. */
                strbuf quote = {0};
                /* A statistics table's cell is named, not quoted. */
                if (!book_figure_text(bk, s, ind, &fig) ||
                    !(ind->source_table ? sb_printf(&quote, "%s·%s·%s", ind->source_table,
                                                    ind->source_row, ind->source_column)
                                        : sb_printf(&quote, "“%s”", ind->source_quote))) {
                    sb_free(&quote);
                    sb_free(&fig);
                    bk->ctx.failed = true;
                    return false;
                }
                cell cells[3] = {{.str = ind->label,
                                  .origin = s,
                                  .path = ind->path,
                                  .field = "label",
                                  .link_toc = NO_LINK},
                                 {.str = sb_str(&fig),
                                  .origin = s,
                                  .path = ind->path,
                                  .field = "value",
                                  .link_toc = NO_LINK},
                                 {.str = sb_str(&quote),
                                  .origin = s,
                                  .path = ind->path,
                                  .field = "source.quote",
                                  .link_toc = NO_LINK}};
                if (first) {
                    /* A new source: its heading leads the table again. */
                    tb.rows = 0;
                    tb.gap = open_year ? st->section_before : st->block_gap;
                    if (!appendix_source(bk, s, k, open_year, &tb.lead)) {
                        box_free(&tb.lead);
                        sb_free(&quote);
                        sb_free(&fig);
                        bk->ctx.failed = true;
                        return false;
                    }
                }
                bool added = book_table_add(bk, &tb, cells);
                sb_free(&quote);
                if (added && first && open_year) {
                    strbuf year = {0};
                    added = sb_printf(&year, "%d年", s->year) &&
                            doc_add_outline(bk->d, sb_str(&year), 2, bk->d->n_pages - 1, tb.top_y);
                    sb_free(&year);
                    open_year = false;
                }
                if (!added) {
                    sb_free(&fig);
                    return false;
                }
                first = false;
            }
        }
    }
    sb_free(&fig);
    return true;
}
