//! Goroutine stacks: each stack's size over time, growths and shrinks marked.

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::heap::{legend, stroke};
use super::i18n::Key;
use super::{draw_err, human_bytes, Ctx, Figure, PlotError, Unit};
use crate::events::{Event, EventLog};

pub(crate) struct StacksFigure<'a> {
    pub log: &'a EventLog,
}

/// Size changes of one goroutine's stack: (t, size, what) with what 0 = alloc, 1 = grow,
/// 2 = shrink, 3 = free.
type Life = Vec<(u64, u64, u8)>;

fn lives(log: &EventLog) -> BTreeMap<u64, Life> {
    let mut m: BTreeMap<u64, Life> = BTreeMap::new();
    for e in &log.events {
        let (goid, t, size, what) = match *e {
            Event::StackAlloc { t_ns, goid, to, .. } => (goid, t_ns, to, 0),
            Event::StackGrow { t_ns, goid, to, .. } => (goid, t_ns, to, 1),
            Event::StackShrink { t_ns, goid, to, .. } => (goid, t_ns, to, 2),
            Event::StackFree {
                t_ns, goid, from, ..
            } => (goid, t_ns, from, 3),
            _ => continue,
        };
        m.entry(goid).or_default().push((t, size, what));
    }
    m
}

impl Figure for StacksFigure<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        ctx: &Ctx,
    ) -> Result<(), PlotError> {
        let lives = lives(self.log);
        let end = self.log.end_ns().max(1);
        let tu = Unit::time(end);
        let lang = ctx.opts.lang;
        let xmax = tu.of(end);
        // y is log2 of the size: stacks double and halve, so every step has the same height.
        let sizes = lives.values().flatten().map(|l| l.1).filter(|&s| s > 0);
        let (lo, hi) = sizes.fold((u64::MAX, 0), |(a, b), s| (a.min(s), b.max(s)));
        let (lo, hi) = if hi == 0 { (2048, 8192) } else { (lo, hi) };
        let ylo = (lo as f64).log2().floor() - 0.5;
        let yhi = (hi as f64).log2().ceil() + 0.7;
        let p = ctx.pal;

        let mut chart = super::time_chart(
            root,
            ctx,
            Key::StacksTitle,
            tu,
            xmax,
            ylo..yhi,
            ctx.tr(Key::StackSize).to_string(),
            &|v| {
                if (v - v.round()).abs() < 1e-6 {
                    human_bytes(2f64.powf(v.round()), lang)
                } else {
                    String::new()
                }
            },
        )?;

        let shown = 8;
        for (i, (goid, life)) in lives.iter().enumerate() {
            let c = p.series[i % p.series.len()];
            let mut pts: Vec<(f64, f64)> = Vec::new();
            let mut cur: Option<u64> = None;
            for &(t, size, what) in life {
                let x = tu.of(t);
                if let Some(s) = cur {
                    pts.push((x, (s as f64).log2()));
                }
                if what == 3 {
                    cur = None;
                } else {
                    pts.push((x, (size as f64).log2()));
                    cur = Some(size);
                }
            }
            if let Some(s) = cur {
                pts.push((xmax, (s as f64).log2()));
            }
            let series = chart
                .draw_series(LineSeries::new(pts, c.stroke_width(2)))
                .map_err(draw_err)?;
            if i < shown {
                series
                    .label(format!("{} {goid}", ctx.tr(Key::Goroutine)))
                    .legend(stroke(c, 2));
            }
            let y = |s: u64| (s as f64).log2();
            chart
                .draw_series(
                    life.iter()
                        .filter(|l| l.2 == 1)
                        .map(|&(t, s, _)| TriangleMarker::new((tu.of(t), y(s)), 6, c.filled())),
                )
                .map_err(draw_err)?;
            chart
                .draw_series(life.iter().filter(|l| l.2 == 2).map(|&(t, s, _)| {
                    EmptyElement::at((tu.of(t), y(s)))
                        + Polygon::new(vec![(-6, -4), (6, -4), (0, 6)], c.filled())
                }))
                .map_err(draw_err)?;
        }
        let fg = p.fg;
        chart
            .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())
            .map_err(draw_err)?
            .label(ctx.tr(Key::Growth))
            .legend(move |(x, y)| TriangleMarker::new((x + 8, y), 6, fg.filled()));
        chart
            .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())
            .map_err(draw_err)?
            .label(ctx.tr(Key::Shrink))
            .legend(move |(x, y)| {
                Polygon::new(
                    vec![(x + 2, y - 4), (x + 14, y - 4), (x + 8, y + 6)],
                    fg.filled(),
                )
            });
        legend(&mut chart, ctx, SeriesLabelPosition::UpperLeft)
    }
}
