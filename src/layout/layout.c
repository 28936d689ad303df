/* layout: see include/layout/layout.h.
 *
 * The flow: a cursor y runs down the content area of the current page; each
 * block is built as a box first (so its height is known), then placed where
 * it fits whole, else on a new page. */
#include "layout/layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "box.h"


text *layout_text(layout_ctx *ctx, const char *str, const text_style *ts, double width,
                  const char *path, const char *field)
{
    uint32_t missing = 0;
    text *t = text_new(ctx->fonts, str, ts, width, &missing);
    if (t)
        return t;
    ctx->failed = true;
    char full[512];
    if (path && field)
        snprintf(full, sizeof full, "%s%s%s", path, path[0] ? "." : "", field);
    else
        snprintf(full, sizeof full, "%s", path ? path : (field ? field : ""));
    if (!missing) {
        sheet_report(ctx->s, ctx->dl, DIAG_ERROR, full, "%s", _("out of memory"));
        return NULL;
    }
    char ch[5];
    utf8_encode(missing, ch);
    if (missing < 0x20 || missing == 0x7F)
        ch[0] = '?';
    sheet_report(ctx->s, ctx->dl, DIAG_ERROR, full,
                 _("character \"%s\" (U+%04X) is not in the font \"%s\"; it would print as a "
                   "box. Replace it, or add a font that has it to fonts/"),
                 ch, (unsigned)missing, text_face_family(ts->face));
    return NULL;
}

void box_free(box *b)
{
    for (size_t i = 0; i < b->marks.n_marks; i++)
        mark_release(&b->marks.marks[i]);
    free(b->marks.marks);
    *b = (box){0};
}

/* ---- builders ------------------------------------------------------------- */

bool box_text(layout_ctx *ctx, box *b, const char *str, const text_style *ts, double x, double y,
              double width, rgb color, const char *path, const char *field, double *height)
{
    text *t = layout_text(ctx, str, ts, width, path, field);
    if (!t)
        return false;
    if (height)
        *height = text_height(t);
    return page_add_text(&b->marks, t, x, y, color);
}

void layout_chinese_date(const char *iso, char *out, size_t n)
{
    int y = 0, m = 0, d = 0;
    if (sscanf(iso, "%d-%d-%d", &y, &m, &d) == 3)
        snprintf(out, n, "%d年%d月%d日", y, m, d);
    else
        snprintf(out, n, "%s", iso);
}

static bool build_header(layout_ctx *ctx, double width, box *b)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    double y = 0, h;
    if (!page_add_rect(&b->marks, 0, y, width, st->header_rule_w, st->accent))
        return false;
    y += st->header_rule_w + st->header_gap;
    char date[64];
    layout_chinese_date(s->date, date, sizeof date);
    if (!box_text(ctx, b, s->issuer, &st->issuer, 0, y, 0, st->accent, "", "issuer", &h) ||
        !box_text(ctx, b, date, &st->date, 0, y, width, st->muted, "", "date", NULL))
        return false;
    y += h + st->title_gap;
    if (!box_text(ctx, b, s->title, &st->title, 0, y, width, st->ink, "", "title", &h))
        return false;
    y += h + st->title_gap;
    if (s->subtitle) {
        if (!box_text(ctx, b, s->subtitle, &st->subtitle, 0, y, width, st->muted, "",
                      "subtitle", &h))
            return false;
        y += h;
    }
    y += st->header_gap;
    if (!page_add_line(&b->marks, 0, y, width, y, st->rule, st->footer_rule_w))
        return false;
    b->height = y + st->footer_rule_w;
    return true;
}

static bool build_section_heading(layout_ctx *ctx, const sheet_section *sec, double width, box *b)
{
    const style *st = ctx->st;
    double marker = st->official ? 0 : st->section_marker_w + st->section_marker_gap;
    text *t = layout_text(ctx, sec->title, &st->section, width - marker, sec->path, "title");
    if (!t)
        return false;
    double h = text_height(t);
    if (!st->official && !page_add_rect(&b->marks, 0, 0, st->section_marker_w, h, st->accent)) {
        text_free(t);
        return false;
    }
    if (!page_add_text(&b->marks, t, marker, 0, st->ink))
        return false;
    b->height = h;
    return true;
}

static bool build_paragraph(layout_ctx *ctx, const sheet_block *blk, const text_style *ts,
                            rgb color, double width, box *b)
{
    double h;
    if (!box_text(ctx, b, blk->text, ts, 0, 0, width, color, blk->path, "text", &h))
        return false;
    b->height = h;
    return true;
}

/* True when a chart block names a figure still missing. */
static bool chart_has_missing(const sheet *s, const sheet_block *blk)
{
    if (blk->kind == BLOCK_KPI || blk->kind == BLOCK_TEXT || blk->kind == BLOCK_NOTE)
        return false;
    for (size_t i = 0; i < blk->n_items; i++)
        if (blk->items[i].indicator != (size_t)SHEET_NONE &&
            s->indicators[blk->items[i].indicator].missing && blk->kind != BLOCK_LINE)
            return true;
    for (size_t k = 0; k < blk->n_series; k++)
        for (size_t i = 0; i < blk->series[k].n_items; i++)
            if (s->indicators[blk->series[k].items[i].indicator].missing)
                return true;
    return false;
}

/* A draft's chart whose figures are not all in: its title and a note, in a
 * light frame where the chart will go. */
static bool build_placeholder(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    const style *st = ctx->st;
    double y = 0, h;
    if (!box_text(ctx, b, blk->title ? blk->title : "", &st->chart_title, 0, y, width, st->ink,
                  blk->path, "title", &h))
        return false;
    y += h + st->chart_title_gap;
    if (!page_add_rect(&b->marks, 0, y, width, st->chart_plot_h / 2, st->card_fill) ||
        !box_text(ctx, b, "草稿：本图数据尚未填齐", &st->chart_note, st->kpi_pad,
                  y + st->kpi_pad, width - 2 * st->kpi_pad, st->muted, blk->path, NULL, NULL))
        return false;
    b->height = y + st->chart_plot_h / 2;
    return true;
}

static bool build_block(layout_ctx *ctx, const sheet_block *blk, double width, box *b)
{
    const style *st = ctx->st;
    if (chart_has_missing(ctx->s, blk))
        return build_placeholder(ctx, blk, width, b);
    if ((blk->kind == BLOCK_TEXT || blk->kind == BLOCK_NOTE) && blk->text && !blk->text[0])
        return box_text(ctx, b, "（草稿：此段文字待写）", &st->note, 0, 0, width, st->muted,
                        blk->path, "text", &b->height);
    switch (blk->kind) {
    case BLOCK_KPI: return kpi_build(ctx, blk, width, b);
    case BLOCK_BAR: return chart_bar_build(ctx, blk, width, b);
    case BLOCK_HBAR: return chart_hbar_build(ctx, blk, width, b);
    case BLOCK_LINE: return chart_line_build(ctx, blk, width, b);
    case BLOCK_RING: return chart_ring_build(ctx, blk, width, b);
    case BLOCK_BULLET: return chart_bullet_build(ctx, blk, width, b);
    case BLOCK_TEXT: return build_paragraph(ctx, blk, &st->body, st->ink, width, b);
    case BLOCK_NOTE: return build_paragraph(ctx, blk, &st->note, st->muted, width, b);
    case BLOCK_KIND_LAST: break;
    }
    return false;
}

/* The structure element of a block in the tagged PDF. */
static const char *block_tag(const sheet_block *blk)
{
    switch (blk->kind) {
    case BLOCK_TEXT:
    case BLOCK_NOTE: return "P";
    case BLOCK_KPI: return NULL; /* a Div around the cards told a reader nothing
                                    and cost 0.6 KB of structure */
    default: return "Figure";
    }
}

/* A chart small enough to share a row with another: few bars, one line,
 * two rings. Two of them in a row read as a pair and save a page. */
static bool compact_chart(const sheet *s, const sheet_block *blk)
{
    (void)s;
    switch (blk->kind) {
    case BLOCK_BAR: return !blk->series && blk->n_items <= 4;
    case BLOCK_HBAR: return blk->n_items <= 4;
    case BLOCK_LINE: return blk->n_items == 1;
    case BLOCK_RING: return blk->n_items <= 2;
    default: return false;
    }
}

/* Moves the marks of src into dst, shifted right by dx; src is emptied. */
static bool box_append(box *dst, box *src, double dx)
{
    bool ok = true;
    for (size_t i = 0; i < src->marks.n_marks; i++) {
        mark m = src->marks.marks[i];
        src->marks.marks[i].txt = NULL;
        src->marks.marks[i].points = NULL;
        src->marks.marks[i].attrs = NULL;
        if (!ok) {
            mark_release(&m);
            continue;
        }
        m.x += dx;
        for (size_t k = 0; k < m.n_points; k++)
            m.points[2 * k] += dx;
        ok = page_add_mark(&dst->marks, &m);
    }
    if (src->height > dst->height)
        dst->height = src->height;
    box_free(src);
    return ok;
}

/* Builds block j of sec, or blocks j and j + 1 side by side when both are
 * compact charts (unless draft placeholders). *used gets 1 or 2. */
static bool build_unit(layout_ctx *ctx, const sheet_section *sec, size_t j, double width, box *b,
                       size_t *used)
{
    const style *st = ctx->st;
    const sheet_block *a = &sec->blocks[j];
    *used = 1;
    if (!st->official && j + 1 < sec->n_blocks && compact_chart(ctx->s, a) &&
        compact_chart(ctx->s, &sec->blocks[j + 1]) && !chart_has_missing(ctx->s, a) &&
        !chart_has_missing(ctx->s, &sec->blocks[j + 1])) {
        double half = (width - st->column_gap) / 2;
        box right = {0};
        if (!build_block(ctx, a, half, b) || !box_wrap_tag(b, "Figure") ||
            !build_block(ctx, &sec->blocks[j + 1], half, &right) ||
            !box_wrap_tag(&right, "Figure") || !box_append(b, &right, half + st->column_gap)) {
            box_free(&right);
            return false;
        }
        *used = 2;
        return true;
    }
    return build_block(ctx, a, width, b) && box_wrap_tag(b, block_tag(a));
}

/* ---- footer ---------------------------------------------------------------- */

static char *sources_line(const sheet *s)
{
    size_t cap = 64;
    for (size_t i = 0; i < s->n_sources; i++)
        cap += strlen(s->sources[i].title) + 32 +
               (s->sources[i].publisher ? strlen(s->sources[i].publisher) : 0);
    char *out = malloc(cap);
    if (!out)
        return NULL;
    size_t n = (size_t)snprintf(out, cap, "%s", "数据来源：");
    for (size_t i = 0; i < s->n_sources && n < cap; i++) {
        const sheet_source *src = &s->sources[i];
        n += (size_t)snprintf(out + n, cap - n, "%s《%s》%s%s%s", i ? "；" : "", src->title,
                              src->publisher ? "（" : "", src->publisher ? src->publisher : "",
                              src->publisher ? "）" : "");
    }
    return out;
}

/* ---- the sheet ------------------------------------------------------------ */

/* The diagonal 草稿 behind every page of a draft. */
static bool add_watermarks(layout_ctx *ctx, doc *d)
{
    const style *st = ctx->st;
    text_style ws = st->title;
    ws.size = st->watermark_size;
    for (size_t i = 0; i < d->n_pages; i++) {
        text *t = layout_text(ctx, "草稿", &ws, 0, NULL, NULL);
        if (!t)
            return false;
        double w = text_width(t), h = text_height(t);
        double a = st->watermark_angle;
        /* Rotate about the text's corner so that its centre lands on the page's. */
        double cx = d->width / 2, cy = d->height / 2;
        double x = cx - (w / 2 * cos(a) - h / 2 * sin(a));
        double y = cy - (w / 2 * sin(a) + h / 2 * cos(a));
        doc_page *p = &d->pages[i];
        if (!page_add_text(p, t, x, y, st->watermark))
            return false;
        /* Behind everything: move the new mark to the front of the page. */
        mark m = p->marks[p->n_marks - 1];
        m.a0 = a;
        memmove(p->marks + 1, p->marks, (p->n_marks - 1) * sizeof *p->marks);
        p->marks[0] = m;
    }
    return true;
}

/* 一 二 … 九十九: section numbers of an official document. */
static void chinese_number(int n, char *out, size_t size)
{
    static const char *const digit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 1 || n > 99) {
        snprintf(out, size, "%d", n);
        return;
    }
    int tens = n / 10, ones = n % 10;
    snprintf(out, size, "%s%s%s", tens > 1 ? digit[tens] : "", tens ? "十" : "", digit[ones]);
}

/* GB/T 9704 attachment: 附件N in 3号黑体 on the first line at the left, the
 * title in 2号小标宋 centred on the third, a subtitle in 楷体 under it. */
static bool build_official_header(layout_ctx *ctx, const char *attachment, double width, box *b)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    double pitch = st->body.pitch, h;
    if (attachment && !box_text(ctx, b, attachment, &st->attachment, 0, 0, 0, st->ink, NULL,
                                NULL, NULL))
        return false;
    double y = st->title_line * pitch;
    if (!box_text(ctx, b, s->title, &st->title, 0, y, width, st->ink, "", "title", &h))
        return false;
    y += h;
    if (s->subtitle) {
        if (!box_text(ctx, b, s->subtitle, &st->subtitle_official, 0, y, width, st->ink, "",
                      "subtitle", &h))
            return false;
        y += h;
    }
    b->height = y;
    return true;
}

/* Names each official font set in a substitute, once per sheet; refuses a
 * style whose font is not there at all. */
static bool check_official_fonts(layout_ctx *ctx)
{
    static const text_face faces[] = {FACE_GW_XBS, FACE_GW_HEI, FACE_GW_FANGSONG, FACE_GW_KAI,
                                      FACE_GW_SONG};
    bool ok = true;
    for (size_t i = 0; i < sizeof faces / sizeof faces[0]; i++) {
        bool available;
        const char *sub = text_face_substitute(ctx->fonts, faces[i], &available);
        if (!available) {
            diag_error(ctx->dl, ctx->s->file,
                       _("no font for %s: put the office's font file into fonts/, or install "
                         "Debian's fonts-noto-cjk and fonts-lxgw-wenkai (make does)"),
                       sub ? sub : text_face_family(faces[i]));
            ok = false;
        } else if (sub) {
            diag_add(ctx->dl, DIAG_WARNING, ctx->s->file, 0, 0, NULL, NULL,
                     _("official font substituted: %s (put the office's font file into fonts/ "
                       "to use it)"),
                     sub);
        }
    }
    return ok;
}

doc *layout_sheet(const sheet *s, const history *hist, const target_set *targets,
                  text_fonts *fonts, const style *st, const layout_opts *opts, diag_list *dl)
{
    bool draft = opts && opts->draft;
    layout_ctx ctx = {.s = s, .hist = hist, .targets = targets, .fonts = fonts, .st = st, .dl = dl,
                      .strict = opts && opts->strict};
    doc *d = doc_new(st->page_w, st->page_h);
    char *sources = sources_line(s);
    if (!d || !sources) {
        diag_error(dl, s->file, "%s", _("out of memory"));
        goto fail;
    }
    d->title = s->title;
    d->author = s->issuer;
    d->subject = s->subtitle ? s->subtitle : s->title;

    if (st->official && !check_official_fonts(&ctx))
        goto fail;
    flow f;
    if (!flow_init(&f, &ctx, d, s->title, sources))
        goto fail;
    f.first_page = opts && opts->first_page ? opts->first_page : 1;
    /* Where the sources have web addresses the footer is clickable; with
     * several, the first with an address (one footer, one link). */
    for (size_t k = 0; k < s->n_sources && !f.footer_url; k++)
        if (s->sources[k].url && s->sources[k].url[0])
            f.footer_url = s->sources[k].url;
    box b = {0};
    bool header_ok = st->official
                         ? build_official_header(&ctx, opts ? opts->attachment : NULL, f.width, &b)
                         : build_header(&ctx, f.width, &b);
    if (!header_ok) {
        box_free(&b);
        goto fail;
    }
    if (!flow_place(&f, &b, 0, 0, ""))
        goto fail;
    f.y += st->header_after - st->section_before;

    for (size_t i = 0; i < s->n_sections && !ctx.failed; i++) {
        const sheet_section *sec = &s->sections[i];
        box head = {0}, first = {0};
        strbuf numbered = {0};
        sheet_section official_sec = *sec;
        if (st->official) { /* 一、 二、 … before each heading */
            char num[16];
            chinese_number((int)i + 1, num, sizeof num);
            sb_printf(&numbered, "%s、%s", num, sec->title);
            official_sec.title = sb_str(&numbered);
        }
        size_t used = 1;
        const sheet_block *b0 = &sec->blocks[0];
        bool first_flows = (b0->kind == BLOCK_TEXT || b0->kind == BLOCK_NOTE) && b0->text &&
                           b0->text[0];
        text *first_text = NULL;
        if (numbered.failed ||
            !build_section_heading(&ctx, st->official ? &official_sec : sec, f.width, &head) ||
            !(first_flows
                  ? (first_text = layout_text(&ctx, b0->text,
                                              b0->kind == BLOCK_TEXT ? &st->body : &st->note,
                                              f.width, b0->path, "text")) != NULL
                  : build_unit(&ctx, sec, 0, f.width, &first, &used))) {
            sb_free(&numbered);
            box_free(&head);
            box_free(&first);
            ctx.failed = true;
            break;
        }
        /* Keep the heading with its first block: all of a chart or cards,
         * the first two lines of a paragraph (the rest may flow on). */
        double first_h = first.height;
        if (first_text) {
            double top, bottom;
            text_line_span(first_text, text_line_count(first_text) > 1 ? 1 : 0, &top, &bottom);
            first_h = bottom;
        }
        double keep = st->section_after + first_h, head_h = head.height;
        bool placed = box_wrap_tag(&head, "H1") &&
                      flow_place(&f, &head, st->section_before, keep, sec->path) &&
                      flow_outline(&f, st->official ? sb_str(&numbered) : sec->title, 1, head_h);
        sb_free(&numbered);
        if (placed && first_text) {
            placed = flow_place_paragraph(&f, first_text,
                                          b0->kind == BLOCK_TEXT ? st->ink : st->muted,
                                          st->section_after, b0->path);
            first_text = NULL; /* taken */
        } else if (placed) {
            placed = flow_place(&f, &first, st->section_after, 0, b0->path);
        }
        if (!placed) {
            text_free(first_text);
            box_free(&first);
            ctx.failed = true;
            break;
        }
        for (size_t j = used; j < sec->n_blocks; j += used) {
            const sheet_block *blk = &sec->blocks[j];
            used = 1;
            if ((blk->kind == BLOCK_TEXT || blk->kind == BLOCK_NOTE) && blk->text && blk->text[0]) {
                /* Paragraphs flow across pages; charts and cards never split. */
                const text_style *ts = blk->kind == BLOCK_TEXT ? &st->body : &st->note;
                text *t = layout_text(&ctx, blk->text, ts, f.width, blk->path, "text");
                if (!t || !flow_place_paragraph(&f, t,
                                                blk->kind == BLOCK_TEXT ? st->ink : st->muted,
                                                st->block_gap, blk->path)) {
                    ctx.failed = true;
                    break;
                }
                continue;
            }
            box nb = {0};
            if (!build_unit(&ctx, sec, j, f.width, &nb, &used) ||
                !flow_place(&f, &nb, st->block_gap, 0, sec->blocks[j].path)) {
                box_free(&nb);
                ctx.failed = true;
                break;
            }
        }
    }
    if (!ctx.failed && !st->footer_sources) {
        /* No footer to carry the sources: they close the text instead. */
        text *t = layout_text(&ctx, sources, &st->note, f.width, "", "sources");
        if (!t || !flow_place_paragraph(&f, t, st->ink, st->block_gap, "sources"))
            ctx.failed = true;
    }
    if (ctx.failed || dl->errors)
        goto fail;
    if (!flow_finish(&f) || (draft && !add_watermarks(&ctx, d)))
        goto fail;
    free(sources);
    return d;

fail:
    if (!dl->errors) /* every reported failure adds its own message; this one did not */
        diag_error(dl, s->file, "%s", _("cannot lay out the sheet (out of memory?)"));
    free(sources);
    doc_free(d);
    return NULL;
}
