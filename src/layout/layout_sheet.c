/* layout_sheet: a sheet around its sections.
 *
 * The fact sheet (the default style, for a file with 要点, a hero block or
 * a table of the rest): one leaf. A front page that carries the message, a
 * header band, 要点, the headline figures, at most a few charts, the rest
 * of the figures in a compact table, the notes; and, only when the front
 * cannot hold that table, a back page with the complete table of every
 * indicator. Layout tries variants, each a little tighter (charts lower,
 * gaps smaller, headline figures smaller; text never below its minimum),
 * and keeps the first that fits; when none does, an error says what to
 * cut. `--pages 1` leaves the table out instead of turning the leaf.
 *
 * Any other file, and the official style, flows: sections one after the
 * other over as many pages as they need. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "layout/layout.h"
#include "layout_priv.h"

/* ---- the page frame ----------------------------------------------------------- */

static char *sources_line(const sheet *s)
{
    strbuf b = {0};
    sb_printf(&b, "%s", "数据来源：");
    for (size_t i = 0; i < s->n_sources; i++) {
        const sheet_source *src = &s->sources[i];
        sb_printf(&b, "%s《%s》", i ? "；" : "", src->title ? src->title : "");
        if (src->publisher)
            sb_printf(&b, "（%s）", src->publisher);
    }
    if (b.failed) {
        sb_free(&b);
        return NULL;
    }
    return b.s ? b.s : strdup("");
}

/* True when a note of the sheet already names the sources ("数据来源：…"),
 * so that a closing line would say it twice. */
static bool states_sources(const sheet *s)
{
    for (size_t i = 0; i < s->n_sections; i++)
        for (size_t j = 0; j < s->sections[i].n_blocks; j++) {
            const sheet_block *blk = &s->sections[i].blocks[j];
            if (blk->kind == BLOCK_NOTE && blk->text && strstr(blk->text, "数据来源"))
                return true;
        }
    return false;
}

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
        if (!page_add_text_tinted(p, t, x, y, st->watermark))
            return false;
        /* Behind everything: move the new mark to the front of the page. */
        mark m = p->marks[p->n_marks - 1];
        m.a0 = a;
        memmove(p->marks + 1, p->marks, (p->n_marks - 1) * sizeof *p->marks);
        p->marks[0] = m;
    }
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

/* ---- one attempt ------------------------------------------------------------------ */

/* Where an attempt puts the evidence a leaf's front page may do without:
 * the table of the rest and the ranks and honours. */
typedef enum form_kind {
    FORM_FLOW,  /* no leaf: everything flows, in order */
    FORM_FRONT, /* everything on the front page */
    FORM_BACK,  /* the movable sections on a back page, the table complete */
    FORM_OMIT   /* the front page alone: the movable sections left out */
} form_kind;

typedef struct form {
    form_kind kind;
    const sheet *s;
    size_t facts; /* how many facts sections move too, the last ones first */
} form;

typedef struct attempt_result {
    size_t front_pages; /* pages before the back page (all of them without one) */
    double last_fill;   /* how full the last page is, 0..1 */
    double front_over;  /* how far the front content runs past the front page (pt) */
} attempt_result;

/* True when every block of sec is a rest table (or, with facts, a facts
 * block): a section the front page can do without. */
static bool movable(const sheet_section *sec, bool facts)
{
    bool any = false;
    for (size_t j = 0; j < sec->n_blocks; j++) {
        const sheet_block *b = &sec->blocks[j];
        bool rest = b->kind == BLOCK_TABLE && b->rest;
        if (!rest && !(facts && b->kind == BLOCK_FACTS))
            return false;
        any = true;
    }
    return any;
}

static bool moves(const form *fm, const sheet_section *sec)
{
    if (fm->kind != FORM_BACK && fm->kind != FORM_OMIT)
        return false;
    if (movable(sec, false))
        return true;
    if (!fm->facts || !movable(sec, true))
        return false;
    size_t later = 0; /* facts sections after sec: they move first */
    for (const sheet_section *t = sec + 1; t < fm->s->sections + fm->s->n_sections; t++)
        later += movable(t, true) && !movable(t, false);
    return later < fm->facts;
}

static bool has_rest(const sheet *s)
{
    for (size_t i = 0; i < s->n_sections; i++)
        if (movable(&s->sections[i], false))
            return true;
    return false;
}

static size_t facts_sections(const sheet *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n_sections; i++)
        n += movable(&s->sections[i], true) && !movable(&s->sections[i], false);
    return n;
}

/* The sections of the sheet in order, numbered in the official style,
 * those the form moves left for the back page. */
static bool place_sections(layout_ctx *ctx, flow *f, const form *fm)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    sheet_block hl_blocks[5];
    sheet_section hl = header_highlights_section(s, hl_blocks);
    size_t number = 0;
    for (size_t i = 0; i < s->n_sections + 1 && !ctx->failed; i++) {
        const sheet_section *sec = i == 0 ? &hl : &s->sections[i - 1];
        if ((i == 0 && (!st->official || !s->n_highlights)) || (i > 0 && moves(fm, sec)))
            continue;
        strbuf title = {0};
        /* A lone chart is not numbered: a （一） with no （二） is a
         * structural error in a 公文. */
        size_t charts = 0;
        for (size_t k = 0; k < sec->n_blocks; k++)
            if (sheet_block_kind_lookup(sec->blocks[k].kind)->rules & BK_CHART)
                charts++;
        ctx->chart_no = charts > 1 ? 0 : -1;
        if (st->official) { /* 一、 二、 … before each heading */
            layout_heading_number(1, (int)++number, &title);
            sb_printf(&title, "%s", sec->title);
        } else {
            sb_printf(&title, "%s", sec->title);
        }
        bool ok = !title.failed && layout_section(ctx, f, sec, sb_str(&title), NULL);
        sb_free(&title);
        if (!ok)
            ctx->failed = true;
    }
    return !ctx->failed;
}

/* What the complete table beside the figures shows, in words, as the
 * pointer promises it: "及其时期、范围和比较" names only what is there (a
 * sheet whose folder has no earlier year of any id has no comparisons). */
static bool table_promise(const layout_ctx *ctx, strbuf *out)
{
    const sheet *s = ctx->s;
    bool when = false, where = false, compared = false;
    for (size_t i = 0; i < s->n_indicators; i++) {
        const sheet_indicator *ind = &s->indicators[i];
        int prev_year = 0;
        when |= ind->period || ind->as_of;
        where |= ind->scope || (ind->kind == KIND_RANK && ind->rank.level);
        compared |= table_compared_with(ctx, ind, &prev_year) != NULL;
    }
    const char *parts[3];
    size_t n = 0;
    if (when)
        parts[n++] = "时期";
    if (where)
        parts[n++] = "范围";
    if (compared)
        parts[n++] = "比较";
    for (size_t k = 0; k < n; k++)
        sb_printf(out, "%s%s", k == 0 ? "及其" : k + 1 == n ? "和" : "、", parts[k]);
    return !out->failed;
}

/* The line at the foot of the front page saying where the rest went. */
static bool place_pointer(layout_ctx *ctx, flow *f, const form *fm)
{
    const sheet *s = ctx->s;
    strbuf line = {0}, names = {0}, shows = {0};
    for (size_t i = 0; i < s->n_sections; i++)
        if (moves(fm, &s->sections[i]))
            sb_printf(&names, "“%s”", s->sections[i].title);
    if (fm->kind == FORM_BACK && table_promise(ctx, &shows))
        sb_printf(&line, "第%d页：%s（全部%zu项指标%s）。", f->first_page + 1, sb_str(&names),
                  s->n_indicators, sb_str(&shows));
    else if (fm->kind == FORM_BACK)
        line.failed = true;
    else
        sb_printf(&line, "本页为正面，%s从略（共%zu项指标）。", sb_str(&names), s->n_indicators);
    text *t = line.failed || names.failed
                  ? NULL
                  : layout_text(ctx, sb_str(&line), &ctx->st->note, f->width, "", "sections");
    sb_free(&line);
    sb_free(&names);
    sb_free(&shows);
    return t && flow_place_paragraph(f, t, ctx->st->muted, ctx->st->block_gap, "sections");
}

/* The back page: the moved sections, the table complete. */
static bool place_back(layout_ctx *ctx, flow *f, const form *fm)
{
    const sheet *s = ctx->s;
    bool ok = flow_new_page(f);
    ctx->table_form = TABLE_COMPLETE;
    for (size_t i = 0; ok && i < s->n_sections; i++)
        if (moves(fm, &s->sections[i]))
            ok = layout_section(ctx, f, &s->sections[i], s->sections[i].title, NULL);
    ctx->table_form = TABLE_AS_GIVEN;
    return ok;
}

static bool place_header(layout_ctx *ctx, flow *f, const layout_opts *opts, const form *fm)
{
    const style *st = ctx->st;
    box b = {0};
    bool ok;
    if (st->official)
        ok = header_build_official(ctx, opts ? opts->attachment : NULL, f->width, &b) &&
             flow_place(f, &b, 0, 0, "");
    else if (fm->kind != FORM_FLOW || ctx->s->n_highlights)
        ok = header_place_band(ctx, f);
    else
        ok = header_build_plain(ctx, f->width, &b) && flow_place(f, &b, 0, 0, "");
    box_free(&b);
    f->y += st->header_after - st->section_before;
    if (ok && !st->official && ctx->s->n_highlights) {
        box hb = {0};
        ok = header_build_highlights(ctx, f->width, &hb) &&
             flow_place(f, &hb, st->section_before, 0, "highlights");
        box_free(&hb);
    }
    return ok;
}

/* Where the sources close the text, they stay on the page of the last
 * block: that block (a table: its last rows) keeps room for them, so that
 * no page holds the source line alone. */
static bool keep_sources(layout_ctx *ctx, const form *fm, const char *sources, double width)
{
    const sheet *s = ctx->s;
    ctx->last_block = NULL;
    for (size_t i = s->n_sections; i-- > 0 && !ctx->last_block;)
        if (!moves(fm, &s->sections[i]) && s->sections[i].n_blocks)
            ctx->last_block = &s->sections[i].blocks[s->sections[i].n_blocks - 1];
    text *t = layout_text(ctx, sources, &ctx->st->note, width, "", "sources");
    if (!t)
        return false;
    ctx->keep_last = text_height(t) + ctx->st->block_gap + ctx->st->line_grid;
    text_free(t);
    return true;
}

static doc *attempt(layout_ctx *ctx, const layout_opts *opts, const form *fm, attempt_result *res)
{
    const style *st = ctx->st;
    const sheet *s = ctx->s;
    doc *d = doc_new(st->page_w, st->page_h);
    char *sources = sources_line(s);
    flow f;
    if (!d || !sources) {
        sheet_report(s, ctx->dl, DIAG_ERROR, "", "%s", _("out of memory"));
        goto fail;
    }
    d->title = s->title;
    d->author = s->issuer;
    d->subject = s->subtitle ? s->subtitle : s->title;
    if (!flow_init(&f, ctx, d, s->title, sources))
        goto fail;
    f.first_page = opts && opts->first_page ? opts->first_page : 1;
    /* Where the sources have web addresses the footer is clickable; with
     * several, the first with an address (one footer, one link). */
    for (size_t k = 0; k < s->n_sources && !f.footer_url; k++)
        if (s->sources[k].url && s->sources[k].url[0])
            f.footer_url = s->sources[k].url;
    ctx->table_form = fm->kind == FORM_FLOW ? TABLE_AS_GIVEN : TABLE_FRONT;
    if (!st->footer_sources && !states_sources(s) && !keep_sources(ctx, fm, sources, f.width))
        goto fail;
    bool ok = place_header(ctx, &f, opts, fm) && place_sections(ctx, &f, fm);
    ctx->table_form = TABLE_AS_GIVEN;
    if (!ok || ((fm->kind == FORM_BACK || fm->kind == FORM_OMIT) && !place_pointer(ctx, &f, fm)))
        goto fail;
    res->front_pages = d->n_pages;
    res->front_over = d->n_pages > 1 ? f.y - f.top : 0;
    ctx->page_limit = 0; /* the back page may run over */
    if (fm->kind == FORM_BACK && !place_back(ctx, &f, fm))
        goto fail;
    if (!st->footer_sources && !states_sources(s)) {
        /* No footer to carry the sources: they close the text instead. */
        text *t = layout_text(ctx, sources, &st->note, f.width, "", "sources");
        if (!t || !flow_place_paragraph(&f, t, st->ink, st->block_gap, "sources"))
            goto fail;
    }
    res->last_fill = (f.y - f.top) / (f.bottom - f.top);
    if (ctx->failed || ctx->dl->errors || !flow_finish(&f))
        goto fail;
    free(sources);
    free(ctx->note_after); /* none is left unless a block failed */
    ctx->note_after = NULL;
    return d;
fail:
    ctx->failed = true;
    free(sources);
    free(ctx->note_after);
    ctx->note_after = NULL;
    doc_free(d);
    return NULL;
}

/* ---- fitting the leaf -------------------------------------------------------------- */

/* A tighter variant of the style: lower charts, smaller gaps, smaller
 * headline figures. Text sizes stay. */
typedef struct variant {
    double chart, gap, hero;
} variant;

static const variant variants[] = {
    {1.00, 1.00, 1.00}, {0.85, 0.80, 1.00}, {0.72, 0.62, 0.90}, {0.62, 0.48, 0.82}};
enum { N_VARIANTS = sizeof variants / sizeof variants[0] };

static style style_variant(const style *st, const variant *v)
{
    style s = *st;
    s.chart_plot_h *= v->chart;
    s.line_plot_h *= v->chart;
    s.ring_outer *= v->chart;
    s.ring_thickness *= v->chart;
    s.hbar_bar_h *= v->chart;
    s.hbar_row_gap *= v->chart;
    s.block_gap *= v->gap;
    s.section_before *= v->gap;
    s.section_after *= v->gap;
    s.band_after *= v->gap;
    s.highlight_gap *= v->gap;
    s.highlight_pad *= v->gap;
    s.hero_pad *= v->gap;
    s.kpi_pad *= v->gap;
    s.table_row_pad *= v->gap;
    s.hero_value.size *= v->hero;
    return s;
}

static bool has_leaf_content(const sheet *s)
{
    if (s->n_highlights || has_rest(s))
        return true;
    for (size_t i = 0; i < s->n_sections; i++)
        for (size_t j = 0; j < s->sections[i].n_blocks; j++)
            if (s->sections[i].blocks[j].kind == BLOCK_HERO)
                return true;
    return false;
}

/* One attempt in a variant of the style, its messages in msgs. */
static doc *try_one(layout_ctx *base, const style *st, const layout_opts *opts, const form *fm,
                    bool stop_early, attempt_result *res, diag_list *msgs)
{
    layout_ctx ctx = *base;
    ctx.st = st;
    ctx.dl = msgs;
    ctx.failed = false;
    /* An attempt whose front runs onto a second page is over there, unless
     * it is the tightest: that one goes on to say by how much (the error
     * when nothing fits). */
    ctx.page_limit = stop_early ? 1 : 0;
    *res = (attempt_result){0};
    return attempt(&ctx, opts, fm, res);
}

/* The forms to try, most content on the front first: everything; the rest
 * table away; then the facts sections too, one more each time, the last
 * first. At most max forms. */
static size_t leaf_forms(const sheet *s, bool one_page, form *out, size_t max)
{
    size_t n = 0;
    form_kind away = one_page ? FORM_OMIT : FORM_BACK;
    out[n++] = (form){FORM_FRONT, s, 0};
    if (has_rest(s))
        out[n++] = (form){away, s, 0};
    for (size_t k = 1; k <= facts_sections(s) && n < max; k++)
        out[n++] = (form){away, s, k};
    return n;
}

/* The half-full rule for a sheet's last page. */
static void warn_half_full(const layout_ctx *ctx, diag_list *msgs, const attempt_result *res)
{
    if (res->last_fill < 0.5)
        diag_add(msgs, DIAG_WARNING, ctx->s->file, 0, 0, NULL, NULL,
                 _("the back page is less than half full: the front page could hold "
                   "more, or the sheet fewer figures"));
}

/* Settles on a fit whose back runs over more than one page. */
static doc *keep_spill(layout_ctx *ctx, doc *spill, diag_list *msgs, const attempt_result *res)
{
    warn_half_full(ctx, msgs, res);
    diag_list_take(ctx->dl, msgs);
    return spill;
}

static doc *fit_leaf(layout_ctx *ctx, const layout_opts *opts)
{
    const sheet *s = ctx->s;
    form forms[8];
    size_t n_forms = leaf_forms(s, opts && opts->pages == 1, forms, sizeof forms / sizeof *forms);
    double least_over = INFINITY;
    doc *spill = NULL; /* the first fit whose back page spilled over */
    diag_list spill_msgs;
    attempt_result spill_res = {0};
    for (size_t fi = 0; fi < n_forms; fi++) {
        for (size_t v = 0; v < N_VARIANTS; v++) {
            style sv = style_variant(ctx->st, &variants[v]);
            diag_list msgs;
            diag_list_init(&msgs, ctx->dl->max);
            attempt_result res;
            doc *d = try_one(ctx, &sv, opts, &forms[fi], v + 1 < N_VARIANTS, &res, &msgs);
            if (!d && msgs.errors) { /* a real error, not a question of room */
                if (spill) {
                    doc_free(spill);
                    diag_list_clear(&spill_msgs);
                }
                diag_list_take(ctx->dl, &msgs);
                return NULL;
            }
            /* The back page is one page too: a looser variant whose back
             * spills onto a third is kept only until a tighter one fits. */
            bool spills = d && forms[fi].kind == FORM_BACK && d->n_pages > res.front_pages + 1;
            if (d && res.front_pages == 1 && spills && v + 1 < N_VARIANTS) {
                if (!spill) {
                    spill = d;
                    spill_msgs = msgs;
                    spill_res = res;
                } else {
                    doc_free(d);
                    diag_list_clear(&msgs);
                }
                continue;
            }
            if (d && res.front_pages == 1 && spills && spill) {
                doc_free(d);
                diag_list_clear(&msgs);
                return keep_spill(ctx, spill, &spill_msgs, &spill_res);
            }
            if (d && res.front_pages == 1) {
                if (spill) {
                    doc_free(spill);
                    diag_list_clear(&spill_msgs);
                }
                if (forms[fi].kind == FORM_BACK)
                    warn_half_full(ctx, &msgs, &res);
                diag_list_take(ctx->dl, &msgs);
                return d;
            }
            if (d && res.front_over < least_over)
                least_over = res.front_over;
            doc_free(d);
            diag_list_clear(&msgs);
        }
        if (spill) /* no tighter variant kept the back to one page */
            return keep_spill(ctx, spill, &spill_msgs, &spill_res);
    }
    sheet_report(s, ctx->dl, DIAG_ERROR, "sections",
                 _("the front page cannot hold the 要点, the headline figures and the charts even "
                   "at the tightest layout (%.0f pt too much): cut a chart or a paragraph, or "
                   "headline figures"),
                 isfinite(least_over) ? least_over : 0);
    return NULL;
}

doc *layout_sheet(const sheet *s, const history *hist, const target_set *targets, text_fonts *fonts,
                  const style *st, const layout_opts *opts, diag_list *dl)
{
    bool draft = opts && opts->draft;
    layout_ctx ctx = {.s = s,
                      .hist = hist,
                      .targets = targets,
                      .fonts = fonts,
                      .st = st,
                      .dl = dl,
                      .strict = opts && opts->strict};
    if (st->official && !check_official_fonts(&ctx))
        return NULL;
    doc *d;
    if (!st->official && has_leaf_content(s)) {
        d = fit_leaf(&ctx, opts);
    } else {
        attempt_result res;
        form flow_all = {FORM_FLOW, s, 0};
        d = attempt(&ctx, opts, &flow_all, &res);
    }
    if (d && draft && !add_watermarks(&ctx, d)) {
        doc_free(d);
        d = NULL;
    }
    if (!d && !dl->errors) /* every reported failure adds its own message */
        diag_error(dl, s->file, "%s", _("cannot lay out the sheet (out of memory?)"));
    return d;
}
