/* style: see include/layout/style.h. Sizes in PDF points (1 mm = 2.8346 pt).
 *
 * Colours: the accent and the bars are dark enough to stay legible on a
 * black-and-white office printer (relative luminance under 0.2 against white
 * paper), and text is never set in a light tint (doc.h: text prints pure
 * black or white). For a laser's screen: a tint covers at least 10 % (prints
 * as gray 0.90 or darker), a rule is at least 0.5 pt and covers at least
 * 28 % (gray 0.72 or darker); lighter ones vanish or band. */
#include "layout/style.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#define MM(x) ((x)*72.0 / 25.4)

/* The space between Han characters and figures or Latin letters, in em. A
 * quarter em is the book-face habit, but the sheets are copied from: PDF
 * text extraction (poppler, and the copy of most viewers) reads a gap over
 * a tenth of an em as a word space, and "由 5 个" pasted into a 公文 is
 * wrong. 0.09 em is the widest that copies back as "由5个". */
#define HAN_LATIN_EM 0.09

static const style default_style = {
    .name = "default",
    .page_w = 595.276,
    .page_h = 841.89,
    .margin_top = MM(16),
    .margin_bottom = MM(16),
    .margin_left = MM(18),
    .margin_right = MM(18),

    .issuer = {FACE_SANS_BOLD, 10, 0, ALIGN_LEFT, 0},
    /* Sans bold: a fourth face (serif bold) would cost 4 MB of memory and a
     * font in every PDF for one line. */
    .title = {FACE_SANS_BOLD, 22, 0, ALIGN_LEFT, 0},
    .subtitle = {FACE_SANS, 11, 0, ALIGN_LEFT, 0},
    .date = {FACE_SANS, 9, 0, ALIGN_RIGHT, 0},
    .running_head = {FACE_SANS, 8, 0, ALIGN_LEFT, 0},
    .section = {FACE_SANS_BOLD, 13, 0, ALIGN_LEFT, 0},
    /* Body in sans like the cards and charts: a third typeface in every PDF
     * cost 26 KB (a third of the 2025 sheet) and 8 MB of memory. */
    .body = {FACE_SANS, 10.5, 19, ALIGN_JUSTIFY, 21, HAN_LATIN_EM, 0},
    .note = {FACE_SANS, 8.5, 13.5, ALIGN_JUSTIFY, 0, HAN_LATIN_EM, 0},
    .footer = {FACE_SANS, 7.5, 11, ALIGN_LEFT, 0},
    .folio = {FACE_SANS, 8, 0, ALIGN_RIGHT, 0},
    .kpi_value = {FACE_SANS_BOLD, 22, 0, ALIGN_LEFT, 0},
    .kpi_unit = {FACE_SANS, 10, 0, ALIGN_LEFT, 0},
    .kpi_label = {FACE_SANS, 9, 12.5, ALIGN_LEFT, 0},
    .chart_title = {FACE_SANS_BOLD, 11, 0, ALIGN_LEFT, 0},
    .chart_unit = {FACE_SANS, 8, 0, ALIGN_LEFT, 0},
    .axis_label = {FACE_SANS, 8, 0, ALIGN_RIGHT, 0},
    .value_label = {FACE_SANS_BOLD, 8.5, 0, ALIGN_CENTER, 0},
    .category_label = {FACE_SANS, 8.5, 11.5, ALIGN_CENTER, 0},
    .chart_note = {FACE_SANS, 7.5, 11, ALIGN_LEFT, 0},
    .kpi_change = {FACE_SANS, 8, 0, ALIGN_LEFT, 0},
    .legend = {FACE_SANS, 8, 0, ALIGN_LEFT, 0},
    .point_label = {FACE_SANS_BOLD, 8, 0, ALIGN_CENTER, 0},
    .ring_value = {FACE_SANS_BOLD, 13, 0, ALIGN_CENTER, 0},
    .bullet_label = {FACE_SANS, 9, 12, ALIGN_LEFT, 0},
    .bullet_mark = {FACE_SANS, 7.5, 0, ALIGN_LEFT, 0},

    .ink = {0.10, 0.10, 0.12},
    .muted = {0.36, 0.38, 0.42},
    .accent = {0.06, 0.29, 0.50},
    .rule = {0.55, 0.58, 0.62},
    .card_fill = {0.87, 0.90, 0.94},
    .grid = {0.68, 0.70, 0.73},
    .axis = {0.25, 0.27, 0.30},
    .bar = {0.13, 0.40, 0.66},
    .good = {0.09, 0.45, 0.22},
    .bad = {0.72, 0.13, 0.13},
    .track = {0.84, 0.86, 0.89},
    .target = {0.10, 0.10, 0.12},
    /* Okabe-Ito hues, safe for colour-blind readers, chosen for luminance
     * steps of about 0.15 so series stay apart when printed in gray:
     * #174A7C 0.065, #D55E00 0.222, #56B4E9 0.405, #FDB863 0.561. */
    .series = {{0x17 / 255.0, 0x4A / 255.0, 0x7C / 255.0},
               {0xD5 / 255.0, 0x5E / 255.0, 0x00 / 255.0},
               {0x56 / 255.0, 0xB4 / 255.0, 0xE9 / 255.0},
               {0xFD / 255.0, 0xB8 / 255.0, 0x63 / 255.0}},
    .series_hatch = {HATCH_NONE, HATCH_NONE, HATCH_NONE, HATCH_NONE},
    .hatch_ink = {1, 1, 1},
    .hatch_on_light = {0.2, 0.2, 0.2},
    .hatch_light_above = 0.4,
    .on_bar_ink = {1, 1, 1},
    .grayscale = false,

    .header_rule_w = 2.5,
    .header_gap = 6,
    .title_gap = 4,
    .header_after = 14,
    .section_before = 14,
    .section_after = 8,
    .section_marker_w = 3.5,
    .section_marker_gap = 6,
    .block_gap = 10,
    .running_head_h = 18,

    .kpi_gap = 8,
    .kpi_pad = 9,
    .kpi_label_gap = 4,
    .kpi_unit_gap = 2,
    .kpi_min_col_w = 105,
    .kpi_value_shrink = 0.88,
    .kpi_value_min_share = 0.6,
    .kpi_max_cols = 4,

    .chart_plot_h = 130,
    .chart_title_gap = 3,
    .label_clear = 1.5,
    .chart_axis_gap = 4,
    .chart_tick_len = 3,
    .chart_bar_ratio = 0.56,
    .chart_bar_max_w = 46,
    .chart_value_gap = 2.5,
    .chart_label_gap = 5,
    .chart_grid_w = 0.5,
    .chart_axis_w = 0.8,
    .chart_note_gap = 4,
    .chart_target_ticks = 5,
    .bar_group_share = 0.78,
    .bar_grouped_ratio = 0.9,
    .bar_figure_clear = 1,
    .bar_figure_shrink = 0.85,
    .bar_label_inset = 2,

    .legend_swatch = 8,
    .legend_gap = 12,
    .legend_after = 6,
    .legend_text_gap = 4,
    .legend_line_extra = 2,
    .legend_dash = 2.5,
    .line_plot_h = 120,
    .line_w = 1.8,
    .line_marker = 5.5,
    .line_label_gap = 4,
    .line_end_pad = 28,
    .line_label_lead = 1.45,
    .line_label_below = 1,
    .line_year_drop = 1,
    .line_dash = 3,
    .line_marker_edge = {1, 1, 1},
    .line_marker_edge_w = 0.8,
    .ring_outer = 34,
    .ring_thickness = 9,
    .ring_gap = 8,
    .ring_label_gap = 6,
    .bullet_row_h = 34,
    .bullet_bar_h = 9,
    .bullet_track_h = 17,
    .bullet_label_w = 118,
    .bullet_gap = 6,
    .bullet_status_w = 40,
    .bullet_headroom = 1.08,
    .bullet_ticks = 4,
    .bullet_mark_gap = 2,
    .bullet_tick_over = 1,
    .bullet_tick_w = 2.0,
    .bullet_figure_gap = 3,
    .bullet_tick_clear = 4,
    .bullet_status_rise = 0.7,
    .hbar_bar_h = 13,
    .hbar_row_gap = 9,
    .hbar_label_w = 120,
    .hbar_axis_over = 2,
    .kpi_change_gap = 3,
    .column_gap = 18,
    .kpi_accent_w = 2.5,
    .watermark_size = 150,
    .watermark_angle = -0.55,
    .watermark = {0.90, 0.90, 0.90},
    .has_running_head = true,
    .footer_sources = true,
    .official = false,
    .footer_gap = 5,
    .footer_rule_w = 0.5,
    .link_underline_w = 0.6,
    .link_underline_gap = 1.2,

    .band = {0.06, 0.29, 0.50},
    .band_ink = {1, 1, 1},
    .band_sub = {0.88, 0.92, 0.96},
    .band_pad_top = MM(12.5),
    .band_pad_bottom = MM(5),
    .band_bleed = MM(6),
    .band_after = 14,

    .highlight_title = {FACE_SANS_BOLD, 12, 0, ALIGN_LEFT, 0},
    .highlight = {FACE_SANS, 10, 15.5, ALIGN_JUSTIFY, 0, HAN_LATIN_EM, 0},
    .highlight_number = {FACE_SANS_BOLD, 10, 15.5, ALIGN_LEFT, 0},
    .panel_fill = {0.86, 0.90, 0.94},
    .highlight_pad = 10,
    .highlight_gap = 4,
    .highlight_indent = 14,

    .hero_value = {FACE_SANS_BOLD, 26, 0, ALIGN_LEFT, 0},
    .hero_unit = {FACE_SANS, 10.5, 0, ALIGN_LEFT, 0},
    .hero_label = {FACE_SANS_BOLD, 9, 12.5, ALIGN_LEFT, 0},
    .hero_meta = {FACE_SANS, 8, 11, ALIGN_LEFT, 0},
    .hero_change = {FACE_SANS, 8, 11, ALIGN_LEFT, 0},
    .hero_pad = 10,
    .hero_gap = 8,
    .hero_min_col_w = 88,
    .hero_accent_w = 3,
    .hero_max_cols = 5,

    .table_text = {FACE_SANS, 8.5, 11.5, ALIGN_LEFT, 0},
    .table_head = {FACE_SANS_BOLD, 8.5, 11.5, ALIGN_LEFT, 0},
    .table_figure = {FACE_SANS_BOLD, 8.5, 11.5, ALIGN_LEFT, 0},
    .table_meta = {FACE_SANS, 8, 11, ALIGN_LEFT, 0},
    .table_col_gap = 8,
    .table_row_pad = 2.5,
    .table_row_pad_dense = 1.0, /* the complete table of a back page */
    .table_rule_heavy = 1.0,
    .table_column_rows = 50,
    .table_label_share = 0.42,
    .table_rule_light = 0.5,

    .fact = {FACE_SANS, 9.5, 13.5, ALIGN_LEFT, 0, HAN_LATIN_EM, 0},
    .fact_marker = 5,
    .fact_marker_gap = 7,
    .fact_gap = 3,

    .chart_compact_w = 70,

    .book_cell = {FACE_SANS, 9, 12.5, ALIGN_LEFT, 0},
    .book_cell_sub = {FACE_SANS, 7.5, 11, ALIGN_LEFT, 0},
    .book_toc1 = {FACE_SANS_BOLD, 11, 0, ALIGN_LEFT, 0},
    .book_cell_pad_x = 5,
    .book_cell_pad_y = 3,
    .book_rule_w = 0.5,
    .book_head_rule_w = 0.8,
    .book_leader_dash = 1.0,
    .book_label_max_w = 120,
};

const style *style_default(void)
{
    return &default_style;
}

static rgb gray(double v)
{
    return (rgb){v, v, v};
}

const style *style_grayscale(void)
{
    static style g;
    static bool ready;
    if (!ready) {
        g = default_style;
        g.name = "grayscale";
        g.grayscale = true;
        /* Every colour neutral: a bluish black rule fails a gray-only
         * preflight and prints in four colours on a colour press. */
        g.ink = gray(0.10);
        g.target = gray(0.10);
        g.muted = gray(0.33);
        g.accent = gray(0.12);
        g.rule = gray(0.55);
        g.card_fill = gray(0.90);
        g.grid = gray(0.70);
        g.axis = gray(0.25);
        g.bar = gray(0.35);
        g.good = gray(0.10);
        g.bad = gray(0.10);
        g.track = gray(0.85);
        g.band = gray(0.20);
        g.band_sub = gray(0.90);
        g.panel_fill = gray(0.90);
        /* Grays a printer renders apart, plus hatches for adjacent series. */
        g.series[0] = gray(0.15);
        g.series[1] = gray(0.45);
        g.series[2] = gray(0.68);
        g.series[3] = gray(0.85);
        g.series_hatch[0] = HATCH_NONE;
        g.series_hatch[1] = HATCH_DIAGONAL;
        g.series_hatch[2] = HATCH_DOTS;
        g.series_hatch[3] = HATCH_CROSS;
        g.hatch_ink = gray(1);
        ready = true;
    }
    return &g;
}

double style_hao(const char *name)
{
    /* The Word/WPS convention (GB/T 9704 practice): 3号 = 16 pt. */
    static const struct {
        const char *name;
        double pt;
    } hao[] = {{"初号", 42},  {"小初", 36},  {"一号", 26},   {"小一", 24},
               {"二号", 22},  {"小二", 18},  {"三号", 16},   {"小三", 15},
               {"四号", 14},  {"小四", 12},  {"五号", 10.5}, {"小五", 9},
               {"六号", 7.5}, {"小六", 6.5}, {"七号", 5.5},  {"八号", 5}};
    for (size_t i = 0; i < sizeof hao / sizeof hao[0]; i++)
        if (strcmp(name, hao[i].name) == 0)
            return hao[i].pt;
    return 0;
}

/* The line pitch of the Word and WPS templates: see gongwen_page. */
#define GONGWEN_LINE_PITCH 28.95

/* GB/T 9704's page: the text block, the line grid, body and headings on it,
 * the folio. */
static void gongwen_page(style *g)
{
    g->margin_top = MM(37);
    g->margin_left = MM(28);
    g->margin_right = MM(210 - 28 - 156);
    g->margin_bottom = MM(297 - 37 - 225);
    double san = style_hao("三号"), er = style_hao("二号"), si = style_hao("四号"),
           xiaosi = style_hao("小四");
    /* 28 characters a line: 156 mm / 28 = 15.79 pt, a 3号 character less
     * 0.21 pt of tracking. 22 lines a page: 28.95 pt, the fixed line pitch
     * of the Word and WPS templates (22 of them take 224.7 mm of the 225). */
    double char_pitch = MM(156) / 28, line_pitch = GONGWEN_LINE_PITCH;
    g->line_grid = line_pitch;
    g->grid_clear = line_pitch / 3;
    g->text_min = xiaosi; /* nothing under 小四 */
    /* Every element on the grid, in 3号 unless stated (GB/T 9704 5.2.2). */
    text_style grid = {FACE_GW_FANGSONG, san, line_pitch,      ALIGN_JUSTIFY,
                       2 * char_pitch,   0,   char_pitch - san};
    g->body = grid;
    g->note = grid; /* the 说明 is body text too */
    g->attachment = grid;
    g->attachment.face = FACE_GW_HEI;
    g->attachment.align = ALIGN_LEFT;
    g->attachment.indent = 0;
    g->title = (text_style){FACE_GW_XBS, er, line_pitch, ALIGN_CENTER, 0, 0, 0};
    g->subtitle_official = (text_style){FACE_GW_KAI, san, line_pitch, ALIGN_CENTER, 0, 0, 0};
    g->section = grid; /* 一、 in 黑体 */
    g->section.face = FACE_GW_HEI;
    g->section.align = ALIGN_LEFT;
    g->heading2 = g->section; /* （一） in 楷体 */
    g->heading2.face = FACE_GW_KAI;
    g->heading3 = g->section; /* 1. in 仿宋 */
    g->heading3.face = FACE_GW_FANGSONG;
    g->chart_title = g->heading2; /* charts are numbered （一） headings */
    g->folio_official = (text_style){FACE_GW_SONG, si, 0, ALIGN_LEFT, 0, 0, 0};
    g->folio_drop = MM(7);
    g->folio_inset = si;          /* "空一字": one 4号 character */
    g->title_line = 2;            /* 附件 on the first line, the title on the third */
    g->header_after = line_pitch; /* a blank line under the title */
    g->section_before = 0;
    g->section_after = 0;
    g->block_gap = 0;
}

/* Charts, cards, notes and tables at 小四, figures in 黑体. */
static void gongwen_small(style *g)
{
    double san = style_hao("三号"), xiaosi = style_hao("小四"), line_pitch = GONGWEN_LINE_PITCH;
    text_style small = {FACE_GW_FANGSONG, xiaosi, 0, ALIGN_LEFT, 0, 0, 0};
    g->chart_unit = small;
    g->axis_label = small;
    g->axis_label.align = ALIGN_RIGHT;
    g->value_label = small;
    g->value_label.align = ALIGN_CENTER;
    g->category_label = small;
    g->category_label.align = ALIGN_CENTER;
    g->category_label.pitch = 1.25 * xiaosi;
    g->chart_note = small;
    g->chart_note.pitch = 1.5 * xiaosi;
    g->chart_note.align = ALIGN_JUSTIFY;
    g->kpi_change = small;
    g->legend = small;
    g->point_label = small;
    g->point_label.align = ALIGN_CENTER;
    g->bullet_label = small;
    g->bullet_label.pitch = 1.25 * xiaosi;
    g->bullet_mark = small;
    g->kpi_label = small;
    g->kpi_label.pitch = 1.25 * xiaosi;
    g->kpi_unit = small;
    g->kpi_value = (text_style){FACE_GW_HEI, san, 0, ALIGN_LEFT, 0, 0, 0};
    g->ring_value = (text_style){FACE_GW_HEI, san, 0, ALIGN_CENTER, 0, 0, 0};
    g->chart_title_gap = 2;
    g->chart_note_gap = 4;
    g->legend_swatch = xiaosi;
    g->ring_outer = 40;
    g->ring_thickness = 10;
    g->bullet_label_w = 9 * xiaosi;
    g->hbar_label_w = 11 * xiaosi;
    g->hbar_bar_h = xiaosi;
    /* The book in the official style: its cells and notes in 小四 like the
     * charts', its parts in the chart titles' 楷体. */
    g->book_cell = g->kpi_label;
    g->book_cell_sub = g->chart_note;
    g->book_toc1 = g->chart_title;
    g->book_cell_pad_y = 2;
    g->book_label_max_w = 11 * xiaosi;

    /* Tables at 小四 (GB/T 9704 practice for attachments' tables). */
    g->table_text = (text_style){FACE_GW_FANGSONG, xiaosi, xiaosi * 1.4, ALIGN_LEFT, 0, 0, 0};
    g->table_head = (text_style){FACE_GW_HEI, xiaosi, xiaosi * 1.4, ALIGN_LEFT, 0, 0, 0};
    g->table_figure = g->table_text;
    g->table_meta = g->table_text;
    g->fact = (text_style){FACE_GW_FANGSONG, san, line_pitch, ALIGN_LEFT, 0, 0, 0};
    g->hero_value = g->kpi_value;
    g->hero_unit = g->kpi_unit;
    g->hero_label = g->kpi_label;
    g->hero_meta = g->kpi_label;
    g->hero_change = g->kpi_label;
}

/* Black text and rules (5.2.4); charts in black and mid grays with
 * hatches, nothing lighter than a photocopier keeps (no tints); cards
 * without fills or bars. */
static void gongwen_ink(style *g)
{
    rgb black = {0, 0, 0}, white = {1, 1, 1};
    g->ink = g->muted = g->accent = g->good = g->bad = g->target = g->axis = g->rule = black;
    g->card_fill = g->panel_fill = white;
    g->kpi_accent_w = g->hero_accent_w = 0;
    g->grid = gray(0.6);
    g->bar = gray(0.45);
    g->track = white;        /* a ring's or a target's whole: no screen behind the figure */
    g->track_edge = g->grid; /* but its outline, so 47 % reads as a part of a whole */
    g->track_edge_w = 0.6;
    g->on_bar_ink = black; /* on a 45 % gray: 4.4:1 */
    g->series[0] = gray(0.45);
    g->series[1] = black;
    g->series[2] = gray(0.45);
    g->series[3] = black;
    g->series_hatch[0] = HATCH_NONE;
    g->series_hatch[1] = HATCH_NONE;
    g->series_hatch[2] = HATCH_DIAGONAL;
    g->series_hatch[3] = HATCH_CROSS;
    g->hatch_ink = white;
    g->hatch_on_light = black;
}

const style *style_gongwen(void)
{
    static style g;
    static bool ready;
    if (ready)
        return &g;
    g = *style_grayscale(); /* charts in grays with hatches (6.2) */
    g.name = "gongwen";
    g.official = true;
    g.has_running_head = false;
    g.footer_sources = false;
    gongwen_page(&g);
    gongwen_small(&g); /* after the page: its chart titles are the page's （一） */
    gongwen_ink(&g);
    ready = true;
    return &g;
}

static double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double style_luminance(rgb c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}
