//! Colour sets for light and dark backgrounds.

use plotters::style::RGBColor;

/// The background a plot is made for.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// The colours of one theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub bg: RGBColor,
    pub fg: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Legend box background.
    pub legend_bg: RGBColor,
    /// Series colours, used in order.
    pub series: [RGBColor; 8],
    pub heap_in_use: RGBColor,
    pub live: RGBColor,
    pub goal: RGBColor,
    pub trigger: RGBColor,
    pub limit: RGBColor,
    /// GC cycle bands (drawn with transparency).
    pub band: RGBColor,
    pub stw: RGBColor,
    pub mutator: RGBColor,
    pub dedicated: RGBColor,
    pub fractional: RGBColor,
    pub idle: RGBColor,
    pub assist: RGBColor,
    pub stw_sweep_term: RGBColor,
    pub stw_mark_term: RGBColor,
    pub sweeping: RGBColor,
    pub cell_free: RGBColor,
    pub cell_alloc: RGBColor,
    pub cell_grey: RGBColor,
    pub cell_black: RGBColor,
    pub cell_swept: RGBColor,
    /// Cell borders in the heap map.
    pub cell_border: RGBColor,
}

impl Palette {
    pub fn of(t: Theme) -> Palette {
        match t {
            Theme::Light => Palette {
                bg: RGBColor(255, 255, 255),
                fg: RGBColor(33, 33, 33),
                grid: RGBColor(226, 226, 226),
                legend_bg: RGBColor(250, 250, 250),
                series: [
                    RGBColor(31, 119, 180),
                    RGBColor(214, 39, 40),
                    RGBColor(44, 160, 44),
                    RGBColor(255, 127, 14),
                    RGBColor(148, 103, 189),
                    RGBColor(140, 86, 75),
                    RGBColor(227, 119, 194),
                    RGBColor(23, 190, 207),
                ],
                heap_in_use: RGBColor(31, 119, 180),
                live: RGBColor(44, 160, 44),
                goal: RGBColor(230, 115, 0),
                trigger: RGBColor(148, 103, 189),
                limit: RGBColor(200, 30, 30),
                band: RGBColor(150, 150, 150),
                stw: RGBColor(210, 20, 20),
                mutator: RGBColor(158, 202, 225),
                dedicated: RGBColor(230, 85, 13),
                fractional: RGBColor(253, 174, 107),
                idle: RGBColor(255, 221, 150),
                assist: RGBColor(173, 55, 160),
                stw_sweep_term: RGBColor(220, 30, 30),
                stw_mark_term: RGBColor(120, 0, 0),
                sweeping: RGBColor(80, 170, 80),
                cell_free: RGBColor(238, 238, 238),
                cell_alloc: RGBColor(66, 133, 210),
                cell_grey: RGBColor(150, 150, 150),
                cell_black: RGBColor(20, 20, 20),
                cell_swept: RGBColor(110, 190, 110),
                cell_border: RGBColor(200, 200, 200),
            },
            Theme::Dark => Palette {
                bg: RGBColor(24, 26, 31),
                fg: RGBColor(222, 222, 222),
                grid: RGBColor(58, 61, 68),
                legend_bg: RGBColor(36, 39, 46),
                series: [
                    RGBColor(102, 170, 255),
                    RGBColor(255, 110, 110),
                    RGBColor(120, 220, 120),
                    RGBColor(255, 180, 80),
                    RGBColor(200, 160, 255),
                    RGBColor(210, 160, 140),
                    RGBColor(255, 150, 220),
                    RGBColor(90, 220, 230),
                ],
                heap_in_use: RGBColor(102, 170, 255),
                live: RGBColor(120, 220, 120),
                goal: RGBColor(255, 180, 80),
                trigger: RGBColor(200, 160, 255),
                limit: RGBColor(255, 90, 90),
                band: RGBColor(150, 155, 175),
                stw: RGBColor(255, 80, 80),
                mutator: RGBColor(60, 100, 140),
                dedicated: RGBColor(255, 130, 50),
                fractional: RGBColor(255, 190, 120),
                idle: RGBColor(240, 220, 140),
                assist: RGBColor(230, 110, 220),
                stw_sweep_term: RGBColor(255, 70, 70),
                stw_mark_term: RGBColor(255, 160, 160),
                sweeping: RGBColor(110, 200, 110),
                cell_free: RGBColor(48, 51, 58),
                cell_alloc: RGBColor(90, 150, 230),
                cell_grey: RGBColor(150, 150, 150),
                cell_black: RGBColor(0, 0, 0),
                cell_swept: RGBColor(110, 200, 110),
                cell_border: RGBColor(110, 113, 120),
            },
        }
    }
}
