//! Objects and bytes per size class, with internal fragmentation.

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::heap::{legend, swatch};
use super::i18n::Key;
use super::{draw_err, tick, Ctx, Figure, PlotError, Unit};
use crate::events::{Event, EventLog};
use crate::runtime::mspan::SpanState;
use crate::runtime::sizeclass::{class_size, PAGE_SIZE};
use crate::runtime::Heap;

/// The objects of one size class (class 0: large objects, each with its own span).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ClassRow {
    pub class: u8,
    /// Bytes per slot (for large objects: the average span size).
    pub slot_size: u64,
    pub objects: u64,
    /// Bytes of the slots (`objects × slot_size`; large objects: their spans).
    pub slot_bytes: u64,
    /// Bytes the program asked for, when known (from `Alloc` events; a heap does not know).
    /// `slot_bytes − requested_bytes` is the internal fragmentation.
    pub requested_bytes: Option<u64>,
}

/// Objects per size class, in class order; only classes with objects appear.
///
/// ```
/// use gomem::plot::SizeClassStats;
/// use gomem::runtime::{Heap, HeapConfig, TypeInfo};
/// let mut h = Heap::new(HeapConfig::default());
/// for _ in 0..10 { h.malloc(0, 24, TypeInfo::noscan()); }
/// let stats = SizeClassStats::from_heap(&h);
/// assert_eq!((stats.rows[0].slot_size, stats.rows[0].objects), (24, 10));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct SizeClassStats {
    pub rows: Vec<ClassRow>,
}

impl SizeClassStats {
    /// Every `Alloc` of the log (cumulative, like `MemStats.BySize[].Mallocs`); tiny
    /// allocations count in the class they report.
    pub fn from_events(log: &EventLog) -> SizeClassStats {
        let mut m: BTreeMap<u8, (u64, u64, u64)> = BTreeMap::new();
        for e in &log.events {
            if let Event::Alloc {
                size,
                size_class,
                large,
                ..
            } = *e
            {
                let class = if large { 0 } else { size_class };
                let slot = if class == 0 {
                    size.div_ceil(PAGE_SIZE) * PAGE_SIZE
                } else {
                    class_size(class)
                };
                let r = m.entry(class).or_default();
                r.0 += 1;
                r.1 += slot;
                r.2 += size.min(slot);
            }
        }
        SizeClassStats {
            rows: m
                .into_iter()
                .map(|(class, (objects, slot_bytes, req))| ClassRow {
                    class,
                    slot_size: slot_bytes / objects.max(1),
                    objects,
                    slot_bytes,
                    requested_bytes: Some(req),
                })
                .collect(),
        }
    }

    /// The objects allocated in the heap's spans right now (requested sizes unknown).
    pub fn from_heap(heap: &Heap) -> SizeClassStats {
        let mut m: BTreeMap<u8, (u64, u64)> = BTreeMap::new();
        for (_, s) in heap.mheap().spans() {
            if s.state != SpanState::InUse {
                continue;
            }
            let class = s.spanclass.sizeclass();
            let objects = (0..s.nelems).filter(|&i| s.is_allocated(i)).count() as u64;
            if objects == 0 {
                continue;
            }
            let r = m.entry(class).or_default();
            r.0 += objects;
            r.1 += objects * s.elemsize;
        }
        SizeClassStats {
            rows: m
                .into_iter()
                .map(|(class, (objects, slot_bytes))| ClassRow {
                    class,
                    slot_size: slot_bytes / objects.max(1),
                    objects,
                    slot_bytes,
                    requested_bytes: None,
                })
                .collect(),
        }
    }
}

/// Bars on the class axis, outlined in the background colour so neighbours stay apart (our
/// own, not plotters' `Histogram`, whose hash map makes the output order vary).
fn bars(
    color: RGBColor,
    bg: RGBColor,
    data: impl Iterator<Item = (u32, f64)>,
) -> Vec<Rectangle<(SegmentValue<u32>, f64)>> {
    let mut out = Vec::new();
    for (i, v) in data {
        let corners = [
            (SegmentValue::Exact(i), 0.0),
            (SegmentValue::Exact(i + 1), v),
        ];
        out.push(Rectangle::new(corners.clone(), color.filled()));
        out.push(Rectangle::new(corners, bg.stroke_width(2)));
    }
    out
}

pub(crate) struct SizeClassFigure<'a> {
    pub stats: &'a SizeClassStats,
}

impl Figure for SizeClassFigure<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        ctx: &Ctx,
    ) -> Result<(), PlotError> {
        let rows = &self.stats.rows;
        let n = rows.len().max(1) as u32;
        let lang = ctx.opts.lang;
        let p = ctx.pal;
        let root = root
            .titled(&ctx.title(Key::SizeClassTitle), ctx.font(22.0))
            .map_err(draw_err)?;
        let (top, bottom) = root.split_vertically(root.dim_in_pixel().1 * 45 / 100);
        let every = (n as usize).div_ceil(24).max(1);
        let large = ctx.tr(Key::Large);
        let label = |v: &SegmentValue<u32>| match v {
            SegmentValue::CenterOf(i) if (*i as usize).is_multiple_of(every) => rows
                .get(*i as usize)
                .map(|r| {
                    if r.class == 0 {
                        large.to_string()
                    } else {
                        r.slot_size.to_string()
                    }
                })
                .unwrap_or_default(),
            _ => String::new(),
        };

        // Objects per class.
        let omax = rows.iter().map(|r| r.objects).max().unwrap_or(1).max(1) as f64 * 1.1;
        let mut c1 = ChartBuilder::on(&top)
            .margin(12)
            .x_label_area_size(10)
            .y_label_area_size(72)
            .build_cartesian_2d(
                (0u32..n.saturating_sub(1).max(1)).into_segmented(),
                0f64..omax,
            )
            .map_err(draw_err)?;
        c1.configure_mesh()
            .disable_x_mesh()
            .bold_line_style(p.grid)
            .light_line_style(p.bg)
            .axis_style(p.fg)
            .label_style(ctx.font(12.0))
            .axis_desc_style(ctx.font(15.0))
            .y_desc(ctx.tr(Key::Objects))
            .x_labels(n as usize)
            .x_label_formatter(&|_| String::new())
            .y_label_formatter(&|v| tick(*v))
            .draw()
            .map_err(draw_err)?;
        c1.draw_series(bars(
            p.series[0],
            p.bg,
            rows.iter()
                .enumerate()
                .map(|(i, r)| (i as u32, r.objects as f64)),
        ))
        .map_err(draw_err)?;

        // Bytes per class: requested, with the fragmentation stacked on top.
        let bmax = rows.iter().map(|r| r.slot_bytes).max().unwrap_or(1).max(1);
        let bu = Unit::bytes(bmax);
        let mut c2 = ChartBuilder::on(&bottom)
            .margin(12)
            .x_label_area_size(50)
            .y_label_area_size(72)
            .build_cartesian_2d(
                (0u32..n.saturating_sub(1).max(1)).into_segmented(),
                0f64..bu.of(bmax) * 1.15,
            )
            .map_err(draw_err)?;
        c2.configure_mesh()
            .disable_x_mesh()
            .bold_line_style(p.grid)
            .light_line_style(p.bg)
            .axis_style(p.fg)
            .label_style(ctx.font(12.0))
            .axis_desc_style(ctx.font(15.0))
            .y_desc(format!("{} ({})", ctx.tr(Key::Bytes), bu.name(lang)))
            .x_desc(ctx.tr(Key::SizeClassAxis))
            .x_labels(n as usize)
            .x_label_formatter(&label)
            .y_label_formatter(&|v| tick(*v))
            .draw()
            .map_err(draw_err)?;
        let known = rows.iter().any(|r| r.requested_bytes.is_some());
        let frag = p.series[1];
        if known {
            c2.draw_series(bars(
                frag,
                p.bg,
                rows.iter()
                    .enumerate()
                    .map(|(i, r)| (i as u32, bu.of(r.slot_bytes))),
            ))
            .map_err(draw_err)?
            .label(ctx.tr(Key::Fragmentation))
            .legend(swatch(frag.to_rgba()));
        }
        c2.draw_series(bars(
            p.series[0],
            p.bg,
            rows.iter()
                .enumerate()
                .map(|(i, r)| (i as u32, bu.of(r.requested_bytes.unwrap_or(r.slot_bytes)))),
        ))
        .map_err(draw_err)?
        .label(if known {
            ctx.tr(Key::Requested)
        } else {
            ctx.tr(Key::Bytes)
        })
        .legend(swatch(p.series[0].to_rgba()));
        if known {
            // The share of each class's bytes lost to rounding up to the slot size.
            c2.draw_series(rows.iter().enumerate().filter_map(|(i, r)| {
                let req = r.requested_bytes?;
                let pct = (r.slot_bytes - req) as f64 * 100.0 / r.slot_bytes.max(1) as f64;
                (pct >= 0.5).then(|| {
                    Text::new(
                        format!("{pct:.0}%"),
                        (
                            SegmentValue::CenterOf(i as u32),
                            bu.of(r.slot_bytes) + bu.of(bmax) * 0.02,
                        ),
                        ctx.font(11.0).pos(Pos::new(HPos::Center, VPos::Bottom)),
                    )
                })
            }))
            .map_err(draw_err)?;
        }
        legend(&mut c2, ctx, SeriesLabelPosition::UpperLeft)
    }
}
