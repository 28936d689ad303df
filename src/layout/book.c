/* book: see include/layout/book.h.
 *
 * What goes in is decided before anything is laid out, from the data alone:
 * the topics (those of data/book/trends.json, then every other indicator id
 * that appears in two or more years), the rows of the year-by-year table,
 * and the figures the appendix must source (every figure those show).
 *
 * The table of contents names the pages of what follows it, and its own
 * length does not depend on those numbers (one line per entry), so the book
 * is laid out twice: first with placeholder page numbers, then with the
 * pages and positions the first pass found (taken from its outline, which
 * lists the same headings in the same order); the second pass checks that
 * every heading stayed where the first put it.
 *
 * Figures are printed exactly as written (numfmt), with their units. A
 * topic draws a line only for the ids that trends.json calls comparable;
 * everything else is listed per year beside its definition note.
 *
 * This file owns the plan, the cover, the contents and the two passes; the
 * tables are book_table.c's, the topic pages and the year-by-year table
 * book_parts.c's, the appendix book_appendix.c's; book_priv.h holds what
 * they share. */
#include "layout/book.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "book_priv.h"

/* The book's sizes, from the style table. */
static book_sizes book_sizes_of(const style *st)
{
    book_sizes z = {.pad_x = st->book_cell_pad_x,
                    .pad_y = st->book_cell_pad_y,
                    .rule_w = st->book_rule_w,
                    .head_rule_w = st->book_head_rule_w,
                    .toc_indent = st->body.indent,
                    .leader_dash = st->book_leader_dash,
                    .label_max_w = st->book_label_max_w};
    z.cell = st->book_cell;
    z.cell.align = ALIGN_LEFT;
    z.cell.indent = 0;
    z.cell_num = z.cell;
    z.cell_num.align = ALIGN_RIGHT;
    z.cell_head = z.cell;
    z.cell_head.face = FACE_SANS_BOLD;
    z.cell_head_num = z.cell_head;
    z.cell_head_num.align = ALIGN_RIGHT;
    z.cell_sub = st->book_cell_sub;
    z.cell_sub.align = ALIGN_LEFT;
    z.cell_sub_num = z.cell_sub; /* under a figure, aligned with it */
    z.cell_sub_num.align = ALIGN_RIGHT;
    z.toc1 = st->book_toc1;
    z.toc2 = st->body;
    z.toc2.indent = 0;
    z.toc2.align = ALIGN_LEFT;
    return z;
}

/* ---- the data ------------------------------------------------------------- */

/* The figure of id in year, NULL when that year lacks it or it is still
 * missing in a draft. */
const sheet_indicator *book_figure(const book *bk, int year, const char *id)
{
    return history_lookup(bk->hist, year, id);
}

/* The latest year's indicator of id (for its label), and that year's sheet. */
const sheet_indicator *book_latest_figure(const book *bk, const char *id, const sheet **in)
{
    for (size_t y = bk->hist->n; y-- > 0;) {
        const sheet_indicator *ind = book_figure(bk, bk->hist->years[y]->year, id);
        if (ind) {
            if (in)
                *in = bk->hist->years[y];
            return ind;
        }
    }
    return NULL;
}

size_t book_years_with(const book *bk, const char *id)
{
    size_t n = 0;
    for (size_t y = 0; y < bk->hist->n; y++)
        n += book_figure(bk, bk->hist->years[y]->year, id) != NULL;
    return n;
}

const topic *book_topic_of(const book *bk, const char *id)
{
    for (size_t t = 0; t < bk->n_topics; t++)
        for (size_t i = 0; i < bk->topics[t].n_ids; i++)
            if (strcmp(bk->topics[t].ids[i], id) == 0)
                return &bk->topics[t];
    return NULL;
}

static bool listed(const char *const *ids, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(ids[i], id) == 0)
            return true;
    return false;
}

/* Reports an id of trends.json that no data year has. */
static void check_ids(book *bk, const char *const *ids, size_t n, const char *path)
{
    for (size_t i = 0; i < n; i++) {
        if (book_latest_figure(bk, ids[i], NULL))
            continue;
        strbuf p = {0};
        sb_printf(&p, "%s[%zu]", path, i);
        sheet_report(&bk->notes->origin, bk->ctx.dl, DIAG_ERROR, sb_str(&p),
                     _("indicator \"%s\" is in no data file of %s"), ids[i], bk->hist->dir);
        sb_free(&p);
    }
}

/* Topics, headline rows and the table of contents. False when out of
 * memory or trends.json names what the data lack (reported). */
static bool book_plan(book *bk)
{
    const book_notes *bn = bk->notes;
    size_t errors = bk->ctx.dl->errors;
    for (size_t t = 0; t < bn->n_topics; t++) {
        strbuf p = {0};
        sb_printf(&p, "%s.ids", bn->topics[t].path);
        check_ids(bk, bn->topics[t].ids, bn->topics[t].n_ids, sb_str(&p));
        sb_free(&p);
    }
    check_ids(bk, bn->headline, bn->n_headline, "headline");
    if (bk->ctx.dl->errors > errors)
        return false;

    /* Candidates: the topics of the notes, then every id in two or more years. */
    size_t cap = bn->n_topics;
    for (size_t y = 0; y < bk->hist->n; y++)
        cap += bk->hist->years[y]->n_indicators;
    bk->topics = calloc(cap ? cap : 1, sizeof *bk->topics);
    bk->headline = calloc(cap ? cap : 1, sizeof *bk->headline);
    bk->toc = calloc(cap + 8, sizeof *bk->toc);
    if (!bk->topics || !bk->headline || !bk->toc)
        return false;
    for (size_t t = 0; t < bn->n_topics; t++)
        bk->topics[bk->n_topics++] = (topic){.title = bn->topics[t].title,
                                             .note = bn->topics[t].note,
                                             .ids = bn->topics[t].ids,
                                             .n_ids = bn->topics[t].n_ids,
                                             .cfg = &bn->topics[t],
                                             .origin = &bn->origin,
                                             .path = bn->topics[t].path};
    for (size_t y = 0; y < bk->hist->n; y++) {
        const sheet *s = bk->hist->years[y];
        for (size_t i = 0; i < s->n_indicators; i++) {
            const char *id = s->indicators[i].id;
            if (s->indicators[i].missing || book_topic_of(bk, id) || book_years_with(bk, id) < 2)
                continue;
            const sheet *in;
            const sheet_indicator *ind = book_latest_figure(bk, id, &in);
            topic *t = &bk->topics[bk->n_topics++];
            *t = (topic){
                .title = ind->label, .one_id = id, .n_ids = 1, .origin = in, .path = ind->path};
            t->ids = &t->one_id;
        }
    }

    /* The year-by-year table: the notes' list, else each year's first hero or KPI block. */
    if (bn->headline) {
        for (size_t i = 0; i < bn->n_headline; i++)
            if (!listed(bk->headline, bk->n_headline, bn->headline[i]))
                bk->headline[bk->n_headline++] = bn->headline[i];
    } else {
        for (size_t y = 0; y < bk->hist->n; y++) {
            const sheet *s = bk->hist->years[y];
            const sheet_block *kpi = NULL;
            for (size_t i = 0; i < s->n_sections && !kpi; i++)
                for (size_t j = 0; j < s->sections[i].n_blocks && !kpi; j++)
                    if (s->sections[i].blocks[j].kind == BLOCK_KPI ||
                        s->sections[i].blocks[j].kind == BLOCK_HERO)
                        kpi = &s->sections[i].blocks[j];
            for (size_t k = 0; kpi && k < kpi->n_items; k++) {
                const char *id = kpi->items[k].id;
                if (bk->n_headline < cap && book_latest_figure(bk, id, NULL) &&
                    !listed(bk->headline, bk->n_headline, id))
                    bk->headline[bk->n_headline++] = id;
            }
        }
    }

    /* The table of contents: the outline in the order the layout makes it,
     * less the cover and the contents themselves. */
    bk->toc[bk->n_toc++] = (toc_entry){"指标趋势与口径说明", 1, NULL};
    for (size_t t = 0; t < bk->n_topics; t++) {
        bk->topics[t].toc = bk->n_toc;
        bk->toc[bk->n_toc++] = (toc_entry){bk->topics[t].title, 2, &bk->topics[t]};
    }
    bk->toc[bk->n_toc++] = (toc_entry){"主要指标逐年对照", 1, NULL};
    bk->toc[bk->n_toc++] = (toc_entry){"附录　数据来源", 1, NULL};
    return true;
}

/* True when the appendix must source the figure: every figure a topic page
 * or the year-by-year table shows. */
bool book_cited(const book *bk, const sheet_indicator *ind)
{
    return !ind->missing &&
           (book_topic_of(bk, ind->id) || listed(bk->headline, bk->n_headline, ind->id));
}

/* ---- text and parts ------------------------------------------------------------ */

/* Adds str to b, reporting a missing glyph at path.field in origin's file
 * (the data file or trends.json; NULL: the newest data file). False on
 * failure (reported). */
bool book_text(book *bk, box *b, const sheet *origin, const char *str, const text_style *ts,
               double x, double y, double width, rgb color, const char *path, const char *field,
               double *height)
{
    bk->ctx.s = origin ? origin : bk->latest;
    bool ok = box_text(&bk->ctx, b, str, ts, x, y, width, color, path, field, height);
    bk->ctx.s = bk->latest;
    return ok;
}

/* str set for origin's file, as book_text reports. NULL on failure
 * (reported). */
text *book_layout(book *bk, const sheet *origin, const char *str, const text_style *ts,
                  double width, const char *path, const char *field)
{
    bk->ctx.s = origin ? origin : bk->latest;
    text *t = layout_text(&bk->ctx, str, ts, width, path, field);
    bk->ctx.s = bk->latest;
    return t;
}

/* A part: a new page, an accent rule and the title in the sheet title's
 * style, a bookmark, and a short paragraph on what the part shows. */
static bool part_begin(book *bk, const char *title, const char *intro)
{
    const style *st = bk->ctx.st;
    if (!bk->f.page_empty && !flow_new_page(&bk->f))
        return false;
    box b = {0};
    double h, y = st->header_rule_w + st->header_gap;
    if (!page_add_rect(&b.marks, 0, 0, bk->f.width, st->header_rule_w, st->accent) ||
        !book_text(bk, &b, NULL, title, &st->title, 0, y, bk->f.width, st->ink, "", NULL, &h) ||
        !box_wrap_tag(&b, "H1")) {
        box_free(&b);
        return false;
    }
    b.height = y + h;
    if (!book_place(bk, &b, 0, 0) || !flow_outline(&bk->f, title, 1, h))
        return false;
    if (!intro)
        return true;
    if (!book_text(bk, &b, NULL, intro, &st->body, 0, 0, bk->f.width, st->ink, "", NULL, &h) ||
        !box_wrap_tag(&b, "P")) {
        box_free(&b);
        return false;
    }
    b.height = h;
    return book_place(bk, &b, st->header_after, 0);
}

/* ---- the cover and the contents ------------------------------------------------ */

/* The page and position of contents entry k, from the first pass. In the
 * first pass itself, page 99: two digits, as wide as any page number of a
 * book under the flow's page limit, so no line sets differently later. */
void book_toc_target(const book *bk, size_t k, size_t *page, double *y)
{
    *page = 98;
    *y = 0;
    if (bk->first && k + 2 < bk->first->n_outline) { /* after the cover and the contents */
        *page = bk->first->outline[k + 2].page;
        *y = bk->first->outline[k + 2].y;
    }
}

/* The cover fills the first page: issuer at the top, the title in the
 * middle, the issuer and the date of the newest data at the foot. */
static bool cover_with(book *bk, const char *base_title, const char *line, const char *span,
                       const char *date)
{
    const style *st = bk->ctx.st;
    double width = bk->f.width, height = bk->f.bottom - bk->f.top, h;
    box b = {0};

    bool ok = page_add_rect(&b.marks, 0, 0, width, st->header_rule_w, st->accent) &&
              book_text(bk, &b, NULL, bk->latest->issuer, &st->issuer, 0,
                        st->header_rule_w + st->header_gap, width, st->accent, "", "issuer", NULL);
    /* The title block, measured first to centre it. */
    text *t1 = ok ? book_layout(bk, bk->notes->title ? &bk->notes->origin : NULL, base_title,
                                &st->title, width, "", "title")
                  : NULL;
    text *t2 = t1 ? book_layout(bk, NULL, span, &st->title, width, "", NULL) : NULL;
    text *t3 = t2 ? book_layout(bk, NULL, line, &st->subtitle, width, "", "year") : NULL;
    if (!t3) {
        text_free(t1);
        text_free(t2);
        box_free(&b);
        return false;
    }
    double block = text_height(t1) + text_height(t2) + 2 * st->title_gap + text_height(t3);
    double y = (height - block) / 2;
    double h1 = text_height(t1), h2 = text_height(t2);
    ok = page_add_tag(&b.marks, "H1") && page_add_text(&b.marks, t1, 0, y, st->ink);
    if (ok)
        ok = page_add_text(&b.marks, t2, 0, y + h1 + st->title_gap, st->ink);
    else
        text_free(t2);
    if (ok)
        ok = page_add_tag_end(&b.marks) &&
             page_add_text(&b.marks, t3, 0, y + h1 + h2 + 2 * st->title_gap, st->muted);
    else
        text_free(t3);
    /* The foot: a rule, the issuer and the date. */
    text *who =
        ok ? book_layout(bk, NULL, bk->latest->issuer, &st->subtitle, 0, "", "issuer") : NULL;
    if (!who) {
        box_free(&b);
        return false;
    }
    h = text_height(who);
    double foot = height - h;
    ok = page_add_line(&b.marks, 0, foot - st->header_gap, width, foot - st->header_gap, st->rule,
                       st->footer_rule_w) &&
         page_add_text(&b.marks, who, 0, foot, st->ink) &&
         book_text(bk, &b, NULL, date, &st->date, 0, foot, width, st->muted, "", "date", NULL);
    b.height = height;
    if (!ok) {
        box_free(&b);
        return false;
    }
    if (!book_place(bk, &b, 0, 0))
        return false;
    /* The first bookmark names the book and opens the cover. */
    return doc_add_outline(bk->d, sb_str(&bk->title), 1, 0, bk->f.top);
}

/* The cover's lines from the data, however many years: then the page. */
static bool cover(book *bk, const char *base_title)
{
    strbuf years = {0}, line = {0}, span = {0}, date = {0};
    for (size_t y = 0; y < bk->hist->n; y++)
        sb_printf(&years, "%s%d年", y ? "、" : "", bk->hist->years[y]->year);
    sb_printf(&line, "收录%s，共%zu个年度的数据", sb_str(&years), bk->hist->n);
    sb_printf(&span, "（%s）", sb_str(&bk->span));
    layout_chinese_date(bk->latest->date, &date);
    bool ok = !years.failed && !line.failed && !span.failed && !date.failed;
    if (!ok) {
        sheet_report(bk->latest, bk->ctx.dl, DIAG_ERROR, "", "%s", _("out of memory"));
        bk->ctx.failed = true;
    }
    ok = ok && cover_with(bk, base_title, sb_str(&line), sb_str(&span), sb_str(&date));
    sb_free(&years);
    sb_free(&line);
    sb_free(&span);
    sb_free(&date);
    return ok;
}

/* The contents: one line per heading, page numbers right-aligned after a
 * dotted leader, the whole line a link to the heading. */
static bool contents(book *bk)
{
    const style *st = bk->ctx.st;
    const book_sizes *z = &bk->z;
    if (!part_begin(bk, "目录", NULL))
        return false;
    for (size_t k = 0; k < bk->n_toc; k++) {
        const toc_entry *e = &bk->toc[k];
        size_t page;
        double ty;
        book_toc_target(bk, k, &page, &ty);
        strbuf num = {0};
        sb_printf(&num, "%zu", page + 1);
        const text_style *ts = e->level == 1 ? &z->toc1 : &z->toc2;
        double x = e->level == 1 ? 0 : z->toc_indent;
        box b = {0};
        text *tt = e->t ? book_layout(bk, e->t->origin, e->title, ts, 0, e->t->path,
                                      e->t->cfg ? "title" : "label")
                        : book_layout(bk, NULL, e->title, ts, 0, "", NULL);
        text *nt = tt && !num.failed ? book_layout(bk, NULL, sb_str(&num), ts, 0, "", NULL) : NULL;
        sb_free(&num);
        if (!nt) {
            text_free(tt);
            return false;
        }
        double tw = text_width(tt), nw = text_width(nt), h = text_height(tt);
        double base = text_baseline(tt), row_h = h + 2 * z->pad_y;
        mark leader = {.kind = MARK_LINE,
                       .x = x + tw + z->pad_x,
                       .y = z->pad_y + base,
                       .w = bk->f.width - nw - z->pad_x - (x + tw + z->pad_x)};
        leader.paint = (mark_paint){
            .stroke = st->rule, .stroked = true, .line_width = z->rule_w, .dash = z->leader_dash};
        bool ok = page_add_text(&b.marks, tt, x, z->pad_y, st->ink);
        if (ok)
            ok = page_add_text(&b.marks, nt, bk->f.width - nw, z->pad_y, st->ink);
        else
            text_free(nt);
        ok = ok && (leader.w <= 0 || page_add_mark(&b.marks, &leader)) &&
             doc_add_page_link(bk->d, &b.marks, 0, 0, bk->f.width, row_h, page, ty) &&
             box_wrap_tag(&b, "P");
        b.height = row_h;
        if (!ok) {
            box_free(&b);
            return false;
        }
        if (!book_place(bk, &b, e->level == 1 && k ? st->block_gap : 0, 0))
            return false;
    }
    return true;
}

/* ---- the book ---------------------------------------------------------------------- */

static doc *book_pass(book *bk, const doc *first)
{
    const style *st = bk->ctx.st;
    bk->first = first;
    bk->d = doc_new(st->page_w, st->page_h);
    if (!bk->d)
        return NULL;
    bk->d->author = bk->latest->issuer;
    bk->d->subject = "卫生健康主要指标的逐年数据、口径说明与来源";
    bk->d->keywords = "卫生健康; 统计数据; 数据汇编";
    sb_free(&bk->footer);
    if (!sb_printf(&bk->footer, "%s　%s　每个数字的出处见附录“数据来源”", bk->latest->issuer,
                   sb_str(&bk->title)))
        goto fail;
    const char *base = bk->notes->title ? bk->notes->title : bk->latest->title;
    /* The title is in every footer: a character it lacks is named at its
     * place in trends.json before the footers are set. */
    text *probe = book_layout(bk, bk->notes->title ? &bk->notes->origin : NULL, base, &st->title, 0,
                              "", "title");
    if (!probe)
        goto fail;
    text_free(probe);
    if (!flow_init(&bk->f, &bk->ctx, bk->d, sb_str(&bk->title), sb_str(&bk->footer)) ||
        !cover(bk, base) || !contents(bk))
        goto fail;
    /* The metadata borrows the cover's bookmark title, which the doc owns. */
    bk->d->title = bk->d->outline[0].title;
    /* The introduction promises trend lines only when some topic has one. */
    bool any_trend = false;
    for (size_t t = 0; t < bk->n_topics && !any_trend; t++)
        any_trend = book_topic_has_trend(bk, &bk->topics[t]);
    const char *trends_intro =
        any_trend ? "本部分收录在两个及以上年度出现的指标，以及统计口径前后不同的相关指标。口径相同"
                    "的数字画成折线，并列出与上一个有数据年度相比的变化；某一年度没有数据时折线在此"
                    "断开，不作插补。口径不同的数字只按年份并列，附口径说明，不连线、不比较。"
                  : "本部分收录在两个及以上年度出现的指标，以及统计口径前后不同的相关指标。这些指标"
                    "各年的口径不同，或原文未交代口径，无法确认是同一统计，因此各年数字只按年份并列"
                    "，附口径说明，不连线、不比较。";
    if (!part_begin(bk, bk->toc[0].title, trends_intro))
        goto fail;
    for (size_t t = 0; t < bk->n_topics; t++)
        if (!book_topic_page(bk, &bk->topics[t]))
            goto fail;
    const char *table_intro =
        bk->notes->headline
            ? "下表列出 data/book/trends.json "
              "指定的主要指标在各年度的数字，按原文照录并带原文单位；"
              "“—”表示该年度未报道此项。注明“口径不同”的指标，各年数字不宜直接比较。"
            : "下表列出各年度概况首页“主要指标”中的数字，按原文照录并带原文单位；“—”表示该年度未报"
              "道"
              "此项。注明“口径不同”的指标，各年数字不宜直接比较，点击可跳到口径说明。";
    if (!part_begin(bk, "主要指标逐年对照", table_intro) || !book_headline_table(bk))
        goto fail;
    if (!part_begin(
            bk, "附录　数据来源",
            "本书中每一个数字的出处：所属年度、指标、原文数值与单位、来源文件的标题和原文摘录，"
            "供逐项核对。") ||
        !book_appendix(bk))
        goto fail;
    if (bk->ctx.failed || !flow_finish(&bk->f))
        goto fail;
    return bk->d;
fail:
    bk->ctx.failed = true;
    doc_free(bk->d);
    bk->d = NULL;
    return NULL;
}

doc *layout_book(const history *hist, const book_notes *notes, const target_set *targets,
                 text_fonts *fonts, const style *st, diag_list *dl)
{
    if (!hist || hist->n == 0) {
        diag_error(dl, hist ? hist->dir : NULL, "%s",
                   _("no data files of any year were found here; the book needs one at least"));
        return NULL;
    }
    book bk = {.hist = hist, .latest = hist->years[hist->n - 1], .z = book_sizes_of(st)};
    bk.ctx = (layout_ctx){
        .s = bk.latest, .hist = hist, .targets = targets, .fonts = fonts, .st = st, .dl = dl};
    doc *pass1 = NULL, *d = NULL;
    const char *path = notes->file ? notes->file : hist->dir;
    bk.notes = notes;
    int y0 = hist->years[0]->year, y1 = bk.latest->year;
    if (y0 == y1)
        sb_printf(&bk.span, "%d年", y0);
    else
        sb_printf(&bk.span, "%d—%d年", y0, y1);
    if (!sb_printf(&bk.title, "%s（%s）", notes->title ? notes->title : bk.latest->title,
                   sb_str(&bk.span)))
        goto done;
    if (!book_plan(&bk))
        goto done;
    pass1 = book_pass(&bk, NULL);
    d = pass1 ? book_pass(&bk, pass1) : NULL;
    /* Headings must stand where the contents say they do. */
    for (size_t i = 0; d && i < d->n_outline; i++)
        if (i >= pass1->n_outline || d->outline[i].page != pass1->outline[i].page ||
            fabs(d->outline[i].y - pass1->outline[i].y) > 0.01) {
            diag_error(dl, path, _("the contents moved \"%s\" to another page; please report this"),
                       d->outline[i].title);
            doc_free(d);
            d = NULL;
        }
done:
    if (!d && !dl->errors)
        diag_error(dl, path, "%s", _("out of memory"));
    doc_free(pass1);
    free(bk.topics);
    free(bk.headline);
    free(bk.toc);
    sb_free(&bk.title);
    sb_free(&bk.span);
    sb_free(&bk.footer);
    return d;
}
