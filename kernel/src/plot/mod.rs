//! # Plots of a run: heap, GC phases, size classes, stacks, heap maps, comparisons
//!
//! Every plot is drawn from data the simulator already has — an [`EventLog`], a
//! [`SizeClassStats`] or [`HeapSnapshot`]s — with [plotters], to SVG (the default) or PNG.
//! The caller picks the language of every title, axis label and legend ([`Lang::En`] or
//! [`Lang::Ru`], from one table in [`i18n`]) and the colour set ([`Theme::Light`] or
//! [`Theme::Dark`]). The font (DejaVu Sans, which has Cyrillic) is embedded in the crate, so
//! no system fonts are needed; SVG text names the generic `sans-serif` family. The same input
//! always gives the same bytes.
//!
//! One entry point, [`render`], takes a [`PlotKind`] (the kind of plot with its data):
//!
//! ```
//! use gomem::events::{Event, EventLog, GcPhaseKind};
//! use gomem::plot::{render, Lang, PlotKind, PlotOptions, Theme, Format};
//! let log: EventLog = [
//!     Event::HeapSample { t_ns: 0, live: 0, goal: 4 << 20, trigger: 3 << 20, marked: 0, memory_limit: None },
//!     Event::GcPhase { t_ns: 1_000_000, cycle: 1, phase: GcPhaseKind::SweepTermination },
//!     Event::GcPhase { t_ns: 1_100_000, cycle: 1, phase: GcPhaseKind::Mark },
//!     Event::HeapSample { t_ns: 1_500_000, live: 4 << 20, goal: 4 << 20, trigger: 3 << 20, marked: 0, memory_limit: None },
//!     Event::GcPhase { t_ns: 2_000_000, cycle: 1, phase: GcPhaseKind::Off },
//! ].into_iter().collect();
//! let svg = render(&PlotKind::Heap(&log), &PlotOptions::default()).unwrap();
//! assert!(String::from_utf8(svg).unwrap().starts_with("<svg"));
//! let opts = PlotOptions { lang: Lang::Ru, theme: Theme::Dark, format: Format::Png, ..PlotOptions::default() };
//! let png = render(&PlotKind::Heap(&log), &opts).unwrap();
//! assert_eq!(&png[..4], b"\x89PNG");
//! ```
//!
//! The kinds:
//!
//! | kind | data | shows |
//! |---|---|---|
//! | [`PlotKind::Heap`] | events | heap in use, live heap after each mark, goal, trigger, `GOMEMLIMIT`; GC cycles as bands, STW pauses as red ticks |
//! | [`PlotKind::GcTimeline`] | events | one row per P: mutator, dedicated/fractional/idle workers, assists, the two STW pauses, sweeping |
//! | [`PlotKind::SizeClasses`] | [`SizeClassStats`] | objects and bytes per size class, with the internal fragmentation |
//! | [`PlotKind::Stacks`] | events | each goroutine's stack size over time, growths and shrinks marked |
//! | [`PlotKind::HeapMap`] | [`HeapSnapshot`]s | spans as cells coloured by state, one panel per snapshot |
//! | [`PlotKind::Compare`] | several labelled runs | heap in use and goal of each run on one time axis |

mod compare;
pub mod demo;
mod gc_timeline;
mod heap;
mod heap_map;
pub mod i18n;
mod size_classes;
mod stacks;
pub mod theme;

use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::events::EventLog;

pub use heap_map::{CellState, HeapSnapshot, SpanCell};
pub use i18n::Lang;
pub use size_classes::{ClassRow, SizeClassStats};
pub use theme::Theme;

/// The output format.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Format {
    /// Scalable vector graphics, text as `<text>` elements (the default).
    #[default]
    Svg,
    /// A PNG image (RGB, 8 bits per channel).
    Png,
}

/// How to draw a plot.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlotOptions {
    pub format: Format,
    pub lang: Lang,
    pub theme: Theme,
    /// Size in pixels.
    pub width: u32,
    pub height: u32,
    /// Replaces the default title (already in the caller's language).
    pub title: Option<String>,
}

impl Default for PlotOptions {
    fn default() -> Self {
        PlotOptions {
            format: Format::Svg,
            lang: Lang::En,
            theme: Theme::Light,
            width: 960,
            height: 540,
            title: None,
        }
    }
}

/// One run of a comparison: a label (`"GOGC=50"`) and its events.
#[derive(Clone, Copy, Debug)]
pub struct Run<'a> {
    pub label: &'a str,
    pub log: &'a EventLog,
}

/// What to plot, with its data.
#[derive(Clone, Copy, Debug)]
pub enum PlotKind<'a> {
    /// Heap over time (needs `HeapSample`, `GcPhase`, `Stw` events).
    Heap(&'a EventLog),
    /// GC phases per P (needs `GoStart`/`GoPark`/`GoExit`, `GcWorker`, `Assist`, `Stw`,
    /// `GcPhase`).
    GcTimeline(&'a EventLog),
    /// Objects and bytes per size class.
    SizeClasses(&'a SizeClassStats),
    /// Goroutine stack sizes over time (needs the `Stack*` events).
    Stacks(&'a EventLog),
    /// Heap maps through a cycle.
    HeapMap(&'a [HeapSnapshot]),
    /// Several runs (e.g. `GOGC=50` and `GOGC=200`) on one time axis.
    Compare(&'a [Run<'a>]),
}

/// Why a plot could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlotError {
    /// The width or height is 0 or absurdly large (over 16384).
    BadSize,
    /// plotters failed (the message is its error).
    Draw(String),
    /// PNG encoding failed.
    Encode(String),
}

impl std::fmt::Display for PlotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlotError::BadSize => write!(f, "plot size must be 1..=16384 pixels each way"),
            PlotError::Draw(e) => write!(f, "drawing failed: {e}"),
            PlotError::Encode(e) => write!(f, "PNG encoding failed: {e}"),
        }
    }
}

impl std::error::Error for PlotError {}

pub(crate) fn draw_err<E: std::fmt::Debug>(e: E) -> PlotError {
    PlotError::Draw(format!("{e:?}"))
}

/// The embedded font: DejaVu Sans (Bitstream Vera license, see `assets/fonts/`).
pub static FONT_DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Registers the embedded font as plotters' `sans-serif` (once per process).
pub(crate) fn ensure_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let ok = plotters::style::register_font("sans-serif", FontStyle::Normal, FONT_DEJAVU_SANS)
            .is_ok();
        assert!(ok, "the embedded DejaVu Sans font is valid");
    });
}

/// Everything a plot needs besides its data.
pub(crate) struct Ctx<'o> {
    pub opts: &'o PlotOptions,
    pub pal: theme::Palette,
}

impl Ctx<'_> {
    pub fn tr(&self, k: i18n::Key) -> &'static str {
        i18n::tr(k, self.opts.lang)
    }
    pub fn title(&self, k: i18n::Key) -> String {
        self.opts
            .title
            .clone()
            .unwrap_or_else(|| self.tr(k).to_string())
    }
    pub fn font(&self, size: f64) -> TextStyle<'static> {
        ("sans-serif", size).into_font().color(&self.pal.fg)
    }
}

/// A chart with time on x (in `tu`) and `y` on y, its mesh drawn in the theme's colours.
#[allow(clippy::too_many_arguments)]
pub(crate) fn time_chart<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    ctx: &Ctx,
    title: i18n::Key,
    tu: Unit,
    xmax: f64,
    y: std::ops::Range<f64>,
    y_desc: String,
    y_fmt: &dyn Fn(&f64) -> String,
) -> Result<
    ChartContext<
        'a,
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
    >,
    PlotError,
> {
    let mut chart = ChartBuilder::on(root)
        .caption(ctx.title(title), ctx.font(22.0))
        .margin(14)
        .x_label_area_size(46)
        .y_label_area_size(80)
        .build_cartesian_2d(0f64..xmax, y)
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .bold_line_style(ctx.pal.grid)
        .light_line_style(ctx.pal.bg)
        .axis_style(ctx.pal.fg)
        .label_style(ctx.font(13.0))
        .axis_desc_style(ctx.font(15.0))
        .x_desc(format!(
            "{} ({})",
            ctx.tr(i18n::Key::Time),
            tu.name(ctx.opts.lang)
        ))
        .y_desc(y_desc)
        .x_label_formatter(&|v| tick(*v))
        .y_label_formatter(y_fmt)
        .draw()
        .map_err(draw_err)?;
    Ok(chart)
}

/// A plot drawn on any plotters backend.
pub(crate) trait Figure {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        ctx: &Ctx,
    ) -> Result<(), PlotError>;
}

fn render_figure<F: Figure>(fig: &F, opts: &PlotOptions) -> Result<Vec<u8>, PlotError> {
    let (w, h) = (opts.width, opts.height);
    if w == 0 || h == 0 || w > 16384 || h > 16384 {
        return Err(PlotError::BadSize);
    }
    ensure_fonts();
    let ctx = Ctx {
        opts,
        pal: theme::Palette::of(opts.theme),
    };
    match opts.format {
        Format::Svg => {
            let mut s = String::new();
            {
                let root = SVGBackend::with_string(&mut s, (w, h)).into_drawing_area();
                root.fill(&ctx.pal.bg).map_err(draw_err)?;
                fig.draw(&root, &ctx)?;
                root.present().map_err(draw_err)?;
            }
            Ok(s.into_bytes())
        }
        Format::Png => {
            let mut buf = vec![0u8; w as usize * h as usize * 3];
            {
                let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
                root.fill(&ctx.pal.bg).map_err(draw_err)?;
                fig.draw(&root, &ctx)?;
                root.present().map_err(draw_err)?;
            }
            encode_png(&buf, w, h)
        }
    }
}

/// Encodes an RGB buffer as PNG (deterministic: fixed compression, no timestamps).
pub fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>, PlotError> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        let mut wr = enc
            .write_header()
            .map_err(|e| PlotError::Encode(e.to_string()))?;
        wr.write_image_data(rgb)
            .map_err(|e| PlotError::Encode(e.to_string()))?;
    }
    Ok(out)
}

/// Draws `kind` as SVG or PNG bytes according to `opts`.
pub fn render(kind: &PlotKind, opts: &PlotOptions) -> Result<Vec<u8>, PlotError> {
    match *kind {
        PlotKind::Heap(log) => render_figure(&heap::HeapFigure { log }, opts),
        PlotKind::GcTimeline(log) => render_figure(&gc_timeline::TimelineFigure { log }, opts),
        PlotKind::SizeClasses(stats) => {
            render_figure(&size_classes::SizeClassFigure { stats }, opts)
        }
        PlotKind::Stacks(log) => render_figure(&stacks::StacksFigure { log }, opts),
        PlotKind::HeapMap(snaps) => render_figure(&heap_map::HeapMapFigure { snaps }, opts),
        PlotKind::Compare(runs) => render_figure(&compare::CompareFigure { runs }, opts),
    }
}

// ---------------------------------------------------------------------------------------------
// Shared helpers: units, series
// ---------------------------------------------------------------------------------------------

/// A unit for an axis: divide raw values by `div`, name it in the caller's language.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    pub div: f64,
    pub en: &'static str,
    pub ru: &'static str,
}

impl Unit {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ru => self.ru,
        }
    }
    /// The unit of virtual time that keeps the axis numbers small.
    pub fn time(max_ns: u64) -> Unit {
        let (div, en, ru) = if max_ns < 10_000 {
            (1.0, "ns", "нс")
        } else if max_ns < 10_000_000 {
            (1e3, "µs", "мкс")
        } else if max_ns < 10_000_000_000 {
            (1e6, "ms", "мс")
        } else {
            (1e9, "s", "с")
        };
        Unit { div, en, ru }
    }
    /// The binary unit of bytes that keeps the axis numbers small.
    pub fn bytes(max: u64) -> Unit {
        let (div, en, ru) = if max < 10 << 10 {
            (1.0, "B", "Б")
        } else if max < 10 << 20 {
            (1024.0, "KiB", "КиБ")
        } else if max < 10 << 30 {
            (1048576.0, "MiB", "МиБ")
        } else {
            (1073741824.0, "GiB", "ГиБ")
        };
        Unit { div, en, ru }
    }
    pub fn of(&self, v: u64) -> f64 {
        v as f64 / self.div
    }
}

/// A human-readable byte count (`2 KiB`, `1.5 MiB`).
pub(crate) fn human_bytes(v: f64, lang: Lang) -> String {
    const UNITS: [(&str, &str); 4] = [("B", "Б"), ("KiB", "КиБ"), ("MiB", "МиБ"), ("GiB", "ГиБ")];
    let mut k = 0;
    while k + 1 < UNITS.len() && v >= 1024f64.powi(k as i32 + 1) {
        k += 1;
    }
    let x = v / 1024f64.powi(k as i32);
    let s = if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.1}")
    };
    let (en, ru) = UNITS[k];
    format!("{s} {}", if lang == Lang::En { en } else { ru })
}

/// Axis tick label: at most 3 significant decimals, no trailing zeros.
pub(crate) fn tick(v: f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Keeps at most four points per bucket of `buckets` equal time slices (first, min, max, last,
/// in time order), so drawing cost does not grow with the log.
pub(crate) fn decimate(points: &[(u64, u64)], buckets: usize) -> Vec<(u64, u64)> {
    if points.len() <= buckets * 4 || points.len() < 2 {
        return points.to_vec();
    }
    let t0 = points[0].0;
    let t1 = points[points.len() - 1].0;
    let span = (t1 - t0).max(1) as f64;
    let mut out = Vec::with_capacity(buckets * 4);
    let mut i = 0;
    while i < points.len() {
        let b = (((points[i].0 - t0) as f64 / span) * buckets as f64) as usize;
        let mut j = i;
        let (mut lo, mut hi) = (i, i);
        while j < points.len()
            && ((((points[j].0 - t0) as f64 / span) * buckets as f64) as usize) == b
        {
            if points[j].1 < points[lo].1 {
                lo = j;
            }
            if points[j].1 > points[hi].1 {
                hi = j;
            }
            j += 1;
        }
        let mut idx = vec![i, lo, hi, j - 1];
        idx.sort_unstable();
        idx.dedup();
        out.extend(idx.into_iter().map(|k| points[k]));
        i = j;
    }
    out
}

/// A value that changes in steps: one point before and one after every change.
pub(crate) fn steps(points: &[(u64, u64)], end: u64) -> Vec<(u64, u64)> {
    let mut out: Vec<(u64, u64)> = Vec::new();
    for &(t, v) in points {
        match out.last() {
            Some(&(_, pv)) if pv == v => continue,
            Some(&(_, pv)) => {
                out.push((t, pv));
                out.push((t, v));
            }
            None => out.push((t, v)),
        }
    }
    if let Some(&(t, v)) = out.last() {
        if end > t {
            out.push((end, v));
        }
    }
    out
}

/// The heap samples of a log as (t, live, goal, trigger, marked, limit).
pub(crate) struct HeapSeries {
    pub live: Vec<(u64, u64)>,
    pub goal: Vec<(u64, u64)>,
    pub trigger: Vec<(u64, u64)>,
    pub marked: Vec<(u64, u64)>,
    pub limit: Option<u64>,
    pub max: u64,
}

impl HeapSeries {
    pub fn of(log: &EventLog) -> HeapSeries {
        use crate::events::Event;
        let mut s = HeapSeries {
            live: Vec::new(),
            goal: Vec::new(),
            trigger: Vec::new(),
            marked: Vec::new(),
            limit: None,
            max: 0,
        };
        for e in &log.events {
            if let Event::HeapSample {
                t_ns,
                live,
                goal,
                trigger,
                marked,
                memory_limit,
            } = *e
            {
                s.live.push((t_ns, live));
                s.goal.push((t_ns, goal));
                s.trigger.push((t_ns, trigger));
                s.marked.push((t_ns, marked));
                if memory_limit.is_some() {
                    s.limit = memory_limit;
                }
                s.max = s.max.max(live).max(goal).max(trigger).max(marked);
            }
        }
        if let Some(l) = s.limit {
            s.max = s.max.max(l);
        }
        s
    }
}
