/* style: the one table of every size, gap, colour and font of a sheet. Draw
 * and layout code take their numbers from here and have none of their own.
 * Calls: typeset (for text_style), layout/doc (for rgb). */
#ifndef LAYOUT_STYLE_H
#define LAYOUT_STYLE_H

#include "layout/doc.h"
#include "typeset/text.h"

enum { STYLE_SERIES = 4 };

typedef struct style {
    const char *name;
    /* page */
    double page_w, page_h;
    double margin_top, margin_bottom, margin_left, margin_right;
    /* text */
    text_style issuer, title, subtitle, date, running_head;
    text_style section, body, note, footer, folio;
    text_style kpi_value, kpi_unit, kpi_label;
    text_style chart_title, chart_unit, axis_label, value_label, category_label, chart_note;
    text_style kpi_change, legend, point_label, ring_value, bullet_label, bullet_mark;
    /* colours */
    rgb ink, muted, accent, rule, card_fill, grid, axis, bar;
    rgb good, bad, track, target;
    rgb series[STYLE_SERIES];              /* distinct in grayscale: luminance steps */
    mark_hatch series_hatch[STYLE_SERIES]; /* HATCH_NONE in colour */
    rgb hatch_ink;
    double hatch_light_above; /* fills of a luminance above this take hatch_on_light */
    bool grayscale;
    /* header and sections */
    double header_rule_w, header_gap, title_gap, header_after;
    double section_before, section_after, section_marker_w, section_marker_gap;
    double block_gap, running_head_h;
    /* KPI cards */
    double kpi_gap, kpi_pad, kpi_label_gap, kpi_unit_gap, kpi_min_col_w;
    double kpi_value_shrink;    /* a figure too wide for its card is set this much smaller, */
    double kpi_value_min_share; /* down to this share of its size */
    int kpi_max_cols;
    /* bar charts */
    double chart_plot_h, chart_title_gap, chart_axis_gap, chart_tick_len;
    double label_clear; /* how far a grid line stops short of a label it would cross */
    double chart_bar_ratio, chart_bar_max_w, chart_value_gap, chart_label_gap;
    double chart_grid_w, chart_axis_w, chart_note_gap;
    double bar_group_share;   /* of a category's band, what its group of bars takes */
    double bar_grouped_ratio; /* of a grouped bar's slot, what the bar takes */
    double bar_figure_clear;  /* a figure's least room apart from its neighbour */
    double bar_figure_shrink; /* figures too wide for their bars are set this much smaller */
    double bar_label_inset;   /* a category label's inset at each side of its band */
    int chart_target_ticks;
    /* legends, lines, rings, bullets, horizontal bars */
    double legend_swatch, legend_gap, legend_after;
    double legend_text_gap;   /* from a swatch to its name */
    double legend_line_extra; /* a line swatch's length past a box swatch's */
    double legend_dash;       /* every other line swatch's dash in gray */
    double line_plot_h, line_w, line_marker, line_label_gap;
    double line_end_pad;     /* room for the first and last point labels */
    double line_label_lead;  /* a point label's line, in its size */
    double line_label_below; /* more gap for a label moved below its point */
    double line_year_drop;   /* from a year tick's end down to its label */
    double line_dash;        /* every other line's dash in gray (0: solid) */
    rgb line_marker_edge;    /* the ring around a point's marker */
    double line_marker_edge_w;
    double ring_outer, ring_thickness, ring_gap, ring_label_gap;
    rgb track_edge;      /* the outline of a ring's or a bullet's whole track */
    double track_edge_w; /* 0: none (the track is a tint); else its width */
    double bullet_row_h, bullet_bar_h, bullet_track_h, bullet_label_w, bullet_gap;
    double bullet_status_w;  /* the 已实现 column at a row's right */
    double bullet_headroom;  /* the scale's end past the larger of figure and target */
    int bullet_ticks;        /* the scale's target tick count */
    double bullet_mark_gap;  /* from the target's mark down to the track */
    double bullet_tick_over; /* the target tick's overhang above and below the track */
    double bullet_tick_w;
    double bullet_figure_gap;  /* from the bar's end to its figure */
    double bullet_tick_clear;  /* a figure's least distance from the target tick */
    double bullet_status_rise; /* the status word's top above the row's centre, in its size */
    double hbar_bar_h, hbar_row_gap, hbar_label_w;
    double hbar_axis_over; /* the zero line's overhang past the first and last bar */
    double kpi_change_gap;
    double column_gap;                      /* between two charts side by side */
    double kpi_accent_w;                    /* the accent bar at a KPI card's left */
    double watermark_size, watermark_angle; /* drafts: 草稿 across every page */
    rgb watermark;
    /* the page frame */
    bool has_running_head; /* the title above every later page */
    bool footer_sources;   /* 数据来源 in every footer; else a closing note */
    /* GB/T 9704 attachment: 附件 label, centred title, 一、 headings, — N — */
    bool official;
    text_style attachment, folio_official, subtitle_official;
    double folio_drop;             /* from the text block's foot down to the folio's dash */
    double folio_inset;            /* odd pages right, even pages left, this far in */
    double title_line;             /* the title's line on the grid (the third: 2) */
    text_style heading2, heading3; /* （一） and 1. headings (一、 is .section) */
    /* The line grid: text lines sit on rows of this pitch from the top of
     * the text block (0: no grid); what follows a chart or cards keeps
     * grid_clear from them before the next row. */
    double line_grid, grid_clear;
    double text_min;    /* no text shrinks below this size (0: no floor) */
    rgb hatch_on_light; /* hatch lines on a light fill */
    rgb on_bar_ink;     /* a figure set inside a bar */
    /* footer */
    double footer_gap, footer_rule_w;
    double link_underline_w, link_underline_gap; /* under the book's cross-references */
    /* the fact sheet's front page: the band across the top */
    rgb band, band_ink, band_sub;
    double band_pad_top, band_pad_bottom, band_bleed, band_after;
    /* 要点 */
    text_style highlight_title, highlight, highlight_number;
    rgb panel_fill;
    double highlight_pad, highlight_gap, highlight_indent;
    /* headline figures */
    text_style hero_value, hero_unit, hero_label, hero_meta, hero_change;
    double hero_pad, hero_gap, hero_min_col_w, hero_accent_w;
    int hero_max_cols;
    /* three-line tables */
    text_style table_text, table_head, table_figure, table_meta;
    double table_col_gap, table_row_pad, table_row_pad_dense, table_rule_heavy, table_rule_light;
    size_t table_column_rows; /* a longer complete table is set in two halves */
    double table_label_share; /* of a table's width, the least its labels get */
    /* ranks and honours */
    text_style fact;
    double fact_marker, fact_marker_gap, fact_gap;
    /* charts side by side: the narrowest a compact chart's plot reads at */
    double chart_compact_w;
    /* the book's tables and contents (out/trends.pdf) */
    text_style book_cell;                    /* a table cell's text (heads: its bold) */
    text_style book_cell_sub;                /* the smaller line under a cell's figure */
    text_style book_toc1;                    /* a part's entry in the contents */
    double book_cell_pad_x, book_cell_pad_y; /* inside a table cell */
    double book_rule_w, book_head_rule_w;    /* rules between rows, under the head */
    double book_leader_dash; /* the contents' dotted leaders: dots twice their width */
    double book_label_max_w; /* the widest a topic table's indicator column gets */
} style;

/* The colour fact sheet on A4. */
const style *style_default(void);

/* The same sheet for a black-and-white printer: grays, and hatch patterns
 * that keep series apart. */
const style *style_grayscale(void);

/* GB/T 9704-2012 as an attachment to an official document: A4, text block
 * 156 x 225 mm at 37 mm from the top and 28 mm from the binding edge, 3号仿宋
 * on a 22 x 28 grid (line pitch and character pitch are parameters: 28.95 pt
 * and 15.79 pt), 一、 headings in 3号黑体, （一） in 3号楷体, the title in
 * 2号小标宋, black text of at least 小四, charts in black and grays,
 * page numbers "— 1 —" in 4号宋体 7 mm below the text block. */
const style *style_gongwen(void);

/* Size in pt of a Chinese 号 ("三号", "小四"…), or 0 when unknown. */
double style_hao(const char *name);

/* Relative luminance (WCAG) of a colour, 0 black .. 1 white. */
double style_luminance(rgb c);

#endif
