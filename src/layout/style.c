/* style: see include/layout/style.h. Sizes in PDF points (1 mm = 2.8346 pt).
 *
 * Colours: the accent and the bars are dark enough to stay legible on a
 * black-and-white office printer (relative luminance under 0.2 against white
 * paper), and text is never set in a light tint. */
#include "layout/style.h"

#define MM(x) ((x) * 72.0 / 25.4)

static const style default_style = {
    .name = "default",
    .page_w = 595.276,
    .page_h = 841.89,
    .margin_top = MM(16),
    .margin_bottom = MM(16),
    .margin_left = MM(18),
    .margin_right = MM(18),

    .issuer = {FACE_SANS_BOLD, 10, 0, ALIGN_LEFT, 0},
    .title = {FACE_SERIF_BOLD, 22, 0, ALIGN_LEFT, 0},
    .subtitle = {FACE_SANS, 11, 0, ALIGN_LEFT, 0},
    .date = {FACE_SANS, 9, 0, ALIGN_RIGHT, 0},
    .running_head = {FACE_SANS, 8, 0, ALIGN_LEFT, 0},
    .section = {FACE_SANS_BOLD, 13, 0, ALIGN_LEFT, 0},
    .body = {FACE_SERIF, 10.5, 19, ALIGN_JUSTIFY, 21},
    .note = {FACE_SANS, 8.5, 13.5, ALIGN_JUSTIFY, 0},
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

    .ink = {0.10, 0.10, 0.12},
    .muted = {0.36, 0.38, 0.42},
    .accent = {0.06, 0.29, 0.50},
    .rule = {0.55, 0.58, 0.62},
    .card_fill = {0.93, 0.95, 0.97},
    .grid = {0.82, 0.84, 0.87},
    .axis = {0.25, 0.27, 0.30},
    .bar = {0.13, 0.40, 0.66},

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
    .kpi_max_cols = 4,

    .chart_plot_h = 130,
    .chart_title_gap = 3,
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

    .footer_gap = 5,
    .footer_rule_w = 0.5,
};

const style *style_default(void)
{
    return &default_style;
}
