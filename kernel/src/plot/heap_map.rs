//! Heap maps: spans as cells coloured by state, one panel per snapshot.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::i18n::Key;
use super::{draw_err, Ctx, Figure, PlotError, Unit};
use crate::runtime::mspan::SpanState;
use crate::runtime::sizeclass::PAGE_SIZE;
use crate::runtime::Heap;

/// The state of a span in a heap map. The allocator knows `Free` and `Allocated`; the GC
/// marks spans `Grey` (has grey objects: marked, not yet scanned), `Black` (all its live
/// objects scanned) and `Swept` (swept this cycle).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CellState {
    Free,
    Allocated,
    Grey,
    Black,
    Swept,
}

/// One span (or one run of free pages) in a heap map.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SpanCell {
    /// First address.
    pub base: u64,
    pub npages: u64,
    /// Size class (0: large object, or free pages).
    pub class: u8,
    pub state: CellState,
    /// Allocated objects and slots (an `Allocated` cell is filled in proportion).
    pub objects: u32,
    pub nelems: u32,
}

/// The heap's spans at one moment, lowest address first.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HeapSnapshot {
    pub t_ns: u64,
    /// Shown after the time in the panel's title (`"mark"`, `"sweep"`, …).
    pub label: String,
    pub spans: Vec<SpanCell>,
}

impl HeapSnapshot {
    /// The allocator's view: every in-use span `Allocated` (with its object count), every
    /// free run of pages `Free`. The GC recolours cells (`Grey`, `Black`, `Swept`) itself.
    ///
    /// ```
    /// use gomem::plot::{CellState, HeapSnapshot};
    /// use gomem::runtime::{Heap, HeapConfig, TypeInfo};
    /// let mut h = Heap::new(HeapConfig::default());
    /// h.malloc(0, 100, TypeInfo::noscan());
    /// let snap = HeapSnapshot::from_heap(&h).at(1_000, "after malloc");
    /// assert_eq!(snap.spans[0].state, CellState::Allocated);
    /// assert_eq!(snap.spans[0].objects, 1);
    /// assert!(snap.spans.iter().any(|c| c.state == CellState::Free));
    /// ```
    pub fn from_heap(heap: &Heap) -> HeapSnapshot {
        let mut spans: Vec<SpanCell> = heap
            .mheap()
            .spans()
            .filter(|(_, s)| s.state == SpanState::InUse)
            .map(|(_, s)| SpanCell {
                base: s.start,
                npages: s.npages,
                class: s.spanclass.sizeclass(),
                state: CellState::Allocated,
                objects: (0..s.nelems).filter(|&i| s.is_allocated(i)).count() as u32,
                nelems: s.nelems,
            })
            .collect();
        spans.extend(
            heap.mheap()
                .free_runs()
                .into_iter()
                .map(|(base, bytes)| SpanCell {
                    base,
                    npages: bytes / PAGE_SIZE,
                    class: 0,
                    state: CellState::Free,
                    objects: 0,
                    nelems: 0,
                }),
        );
        spans.sort_by_key(|c| c.base);
        HeapSnapshot {
            t_ns: 0,
            label: String::new(),
            spans,
        }
    }

    /// The same snapshot stamped with a time and a label.
    pub fn at(mut self, t_ns: u64, label: &str) -> HeapSnapshot {
        self.t_ns = t_ns;
        self.label = label.to_string();
        self
    }
}

pub(crate) struct HeapMapFigure<'a> {
    pub snaps: &'a [HeapSnapshot],
}

fn color(s: CellState, ctx: &Ctx) -> RGBColor {
    let p = &ctx.pal;
    match s {
        CellState::Free => p.cell_free,
        CellState::Allocated => p.cell_alloc,
        CellState::Grey => p.cell_grey,
        CellState::Black => p.cell_black,
        CellState::Swept => p.cell_swept,
    }
}

const STATES: [(CellState, Key); 5] = [
    (CellState::Free, Key::Free),
    (CellState::Allocated, Key::Allocated),
    (CellState::Grey, Key::Grey),
    (CellState::Black, Key::Black),
    (CellState::Swept, Key::Swept),
];

impl Figure for HeapMapFigure<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        ctx: &Ctx,
    ) -> Result<(), PlotError> {
        let root = root
            .titled(&ctx.title(Key::HeapMapTitle), ctx.font(22.0))
            .map_err(draw_err)?;
        let (w, h) = root.dim_in_pixel();
        let (body, foot) = root.split_vertically(h.saturating_sub(40));

        // Legend along the bottom.
        let mut x = 16;
        for (s, k) in STATES {
            foot.draw(&Rectangle::new(
                [(x, 12), (x + 18, 28)],
                color(s, ctx).filled(),
            ))
            .map_err(draw_err)?;
            foot.draw(&Rectangle::new(
                [(x, 12), (x + 18, 28)],
                ctx.pal.cell_border,
            ))
            .map_err(draw_err)?;
            let t = ctx.tr(k);
            foot.draw(&Text::new(t, (x + 24, 13), ctx.font(13.0)))
                .map_err(draw_err)?;
            x += 24 + 10 * t.chars().count() as i32 + 30;
        }

        let n = self.snaps.len();
        if n == 0 {
            return body
                .draw(&Text::new(ctx.tr(Key::NoData), (20, 20), ctx.font(15.0)))
                .map_err(draw_err);
        }
        let cols = if n <= 3 { n } else { n.div_ceil(2).min(4) };
        let rows = n.div_ceil(cols);
        let panels = body.split_evenly((rows, cols));
        let end = self.snaps.iter().map(|s| s.t_ns).max().unwrap_or(0);
        let tu = Unit::time(end.max(1));
        let _ = w;
        for (snap, panel) in self.snaps.iter().zip(panels.iter()) {
            let (pw, ph) = panel.dim_in_pixel();
            let caption = if snap.label.is_empty() {
                format!(
                    "t = {} {}",
                    super::tick(tu.of(snap.t_ns)),
                    tu.name(ctx.opts.lang)
                )
            } else {
                format!(
                    "t = {} {} · {}",
                    super::tick(tu.of(snap.t_ns)),
                    tu.name(ctx.opts.lang),
                    snap.label
                )
            };
            panel
                .draw(&Text::new(caption, (10, 4), ctx.font(14.0)))
                .map_err(draw_err)?;
            let (gx, gy) = (10i32, 26i32);
            let aw = pw.saturating_sub(20).max(1) as f64;
            let ah = ph.saturating_sub(34).max(1) as f64;
            let k = snap.spans.len().max(1) as f64;
            // Square cells, as many columns as fit the panel's shape.
            let mut c = ((k * aw / ah).sqrt().ceil() as usize).max(1);
            let mut size = (aw / c as f64).min(ah / (k / c as f64).ceil()).floor();
            while size < 2.0 && c > 1 {
                c -= 1;
                size = (aw / c as f64).min(ah / (k / c as f64).ceil()).floor();
            }
            let size = size.max(1.0) as i32;
            let gap = if size >= 8 { 1 } else { 0 };
            for (i, cell) in snap.spans.iter().enumerate() {
                let x0 = gx + (i % c) as i32 * size;
                let y0 = gy + (i / c) as i32 * size;
                let (x1, y1) = (x0 + size - gap, y0 + size - gap);
                if cell.state == CellState::Allocated && cell.nelems > 0 {
                    // Free background, filled from the bottom in proportion to occupancy.
                    panel
                        .draw(&Rectangle::new(
                            [(x0, y0), (x1, y1)],
                            ctx.pal.cell_free.filled(),
                        ))
                        .map_err(draw_err)?;
                    let frac = cell.objects as f64 / cell.nelems as f64;
                    let top = y1 - ((y1 - y0) as f64 * frac).round() as i32;
                    panel
                        .draw(&Rectangle::new(
                            [(x0, top), (x1, y1)],
                            ctx.pal.cell_alloc.filled(),
                        ))
                        .map_err(draw_err)?;
                } else {
                    panel
                        .draw(&Rectangle::new(
                            [(x0, y0), (x1, y1)],
                            color(cell.state, ctx).filled(),
                        ))
                        .map_err(draw_err)?;
                }
                if gap > 0 {
                    panel
                        .draw(&Rectangle::new([(x0, y0), (x1, y1)], ctx.pal.cell_border))
                        .map_err(draw_err)?;
                }
            }
        }
        Ok(())
    }
}
