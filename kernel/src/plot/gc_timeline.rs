//! GC phases per P: what each P does over time (mutator, mark workers, assists, pauses,
//! sweeping).

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::i18n::Key;
use super::{draw_err, tick, Ctx, Figure, PlotError, Unit};
use crate::events::{Edge, Event, EventLog, GcPhaseKind, GcWorkerKind};
use crate::trace::run_intervals;

pub(crate) struct TimelineFigure<'a> {
    pub log: &'a EventLog,
}

/// The activity categories, in legend order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Cat {
    Mutator,
    Dedicated,
    Fractional,
    Idle,
    Assist,
    StwSweepTerm,
    StwMarkTerm,
    Sweeping,
}

const CATS: [Cat; 8] = [
    Cat::Mutator,
    Cat::Dedicated,
    Cat::Fractional,
    Cat::Idle,
    Cat::Assist,
    Cat::StwSweepTerm,
    Cat::StwMarkTerm,
    Cat::Sweeping,
];

impl Cat {
    fn key(self) -> Key {
        match self {
            Cat::Mutator => Key::Mutator,
            Cat::Dedicated => Key::WorkerDedicated,
            Cat::Fractional => Key::WorkerFractional,
            Cat::Idle => Key::WorkerIdle,
            Cat::Assist => Key::Assist,
            Cat::StwSweepTerm => Key::StwSweepTermination,
            Cat::StwMarkTerm => Key::StwMarkTermination,
            Cat::Sweeping => Key::Sweeping,
        }
    }
    fn color(self, ctx: &Ctx) -> RGBColor {
        let p = &ctx.pal;
        match self {
            Cat::Mutator => p.mutator,
            Cat::Dedicated => p.dedicated,
            Cat::Fractional => p.fractional,
            Cat::Idle => p.idle,
            Cat::Assist => p.assist,
            Cat::StwSweepTerm => p.stw_sweep_term,
            Cat::StwMarkTerm => p.stw_mark_term,
            Cat::Sweeping => p.sweeping,
        }
    }
}

/// A bar: category, P (`None`: all Ps), start, end.
type Bar = (Cat, Option<u32>, u64, u64);

fn bars(log: &EventLog) -> (Vec<Bar>, u32) {
    let mut out: Vec<Bar> = Vec::new();
    let mut nprocs = 1;
    for r in run_intervals(log) {
        nprocs = nprocs.max(r.p + 1);
        out.push((Cat::Mutator, Some(r.p), r.start, r.end));
    }
    let end = log.end_ns();
    let mut workers: BTreeMap<u32, (GcWorkerKind, u64)> = BTreeMap::new();
    let mut assists: BTreeMap<u64, (u32, u64)> = BTreeMap::new();
    let wcat = |k| match k {
        GcWorkerKind::Dedicated => Cat::Dedicated,
        GcWorkerKind::Fractional => Cat::Fractional,
        GcWorkerKind::Idle => Cat::Idle,
    };
    for e in &log.events {
        match *e {
            Event::GcWorker {
                t_ns,
                p,
                kind,
                edge,
            } => {
                nprocs = nprocs.max(p + 1);
                match edge {
                    Edge::Start => {
                        workers.insert(p, (kind, t_ns));
                    }
                    Edge::Stop => {
                        if let Some((k, s)) = workers.remove(&p) {
                            out.push((wcat(k), Some(p), s, t_ns));
                        }
                    }
                }
            }
            Event::Assist {
                t_ns,
                goid,
                p,
                edge,
                ..
            } => {
                nprocs = nprocs.max(p + 1);
                match edge {
                    Edge::Start => {
                        assists.insert(goid, (p, t_ns));
                    }
                    Edge::Stop => {
                        if let Some((p0, s)) = assists.remove(&goid) {
                            out.push((Cat::Assist, Some(p0), s, t_ns));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    for (p, (k, s)) in workers {
        out.push((wcat(k), Some(p), s, end));
    }
    for (_, (p, s)) in assists {
        out.push((Cat::Assist, Some(p), s, end));
    }
    for ph in log.phase_intervals() {
        if ph.phase == GcPhaseKind::Sweep {
            out.push((Cat::Sweeping, None, ph.start, ph.end));
        }
    }
    for q in log.stw_pauses() {
        let c = if q.mark_termination {
            Cat::StwMarkTerm
        } else {
            Cat::StwSweepTerm
        };
        out.push((c, None, q.start, q.end));
    }
    // Draw order: mutator under workers under assists; sweeping strips; pauses on top.
    out.sort_by_key(|b| (b.0, b.2, b.1));
    (out, nprocs)
}

impl Figure for TimelineFigure<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        ctx: &Ctx,
    ) -> Result<(), PlotError> {
        let (bars, n) = bars(self.log);
        let end = self.log.end_ns().max(1);
        let tu = Unit::time(end);
        let lang = ctx.opts.lang;
        let xmax = tu.of(end);
        let (w, _) = root.dim_in_pixel();
        let legend_w = 230.min(w / 3);
        let (left, right) = root.split_horizontally(w - legend_w);

        let mut chart = ChartBuilder::on(&left)
            .caption(ctx.title(Key::TimelineTitle), ctx.font(22.0))
            .margin(14)
            .x_label_area_size(46)
            .y_label_area_size(44)
            .build_cartesian_2d(0f64..xmax, -0.5f64..(n as f64 - 0.5))
            .map_err(draw_err)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .bold_line_style(ctx.pal.grid)
            .light_line_style(ctx.pal.bg)
            .axis_style(ctx.pal.fg)
            .label_style(ctx.font(13.0))
            .axis_desc_style(ctx.font(15.0))
            .x_desc(format!("{} ({})", ctx.tr(Key::Time), tu.name(lang)))
            .x_label_formatter(&|v| tick(*v))
            .y_labels(0)
            .draw()
            .map_err(draw_err)?;

        // One row per P, P0 on top.
        let row = |p: u32| (n - 1 - p) as f64;
        let plot_w = (w - legend_w).saturating_sub(80).max(1) as f64;
        let min_w = xmax / plot_w * 1.5;
        let rect = |cat: Cat, lo: f64, hi: f64, s: u64, e: u64| {
            let (x0, mut x1) = (tu.of(s), tu.of(e));
            if x1 - x0 < min_w {
                x1 = x0 + min_w;
            }
            Rectangle::new([(x0, lo), (x1, hi)], cat.color(ctx).filled())
        };
        let mut shapes = Vec::with_capacity(bars.len());
        for &(cat, p, s, e) in &bars {
            match (cat, p) {
                (Cat::Sweeping, _) => {
                    for q in 0..n {
                        let c = row(q);
                        shapes.push(rect(cat, c - 0.45, c - 0.36, s, e));
                    }
                }
                (_, None) => shapes.push(rect(cat, -0.5, n as f64 - 0.5, s, e)),
                (Cat::Assist, Some(p)) => {
                    let c = row(p);
                    shapes.push(rect(cat, c - 0.2, c + 0.2, s, e));
                }
                (_, Some(p)) => {
                    let c = row(p);
                    shapes.push(rect(cat, c - 0.32, c + 0.32, s, e));
                }
            }
        }
        chart.draw_series(shapes).map_err(draw_err)?;

        // Row labels, placed in pixels left of the plot.
        for p in 0..n {
            let (x, y) = chart.backend_coord(&(0.0, row(p)));
            left.draw(&Text::new(
                format!("{}{p}", ctx.tr(Key::Processor)),
                (x - 34, y - 7),
                ctx.font(14.0),
            ))
            .map_err(draw_err)?;
        }

        // The legend on the right: every category, present or not, so figures compare.
        let mut y = 70;
        for cat in CATS {
            right
                .draw(&Rectangle::new(
                    [(8, y - 6), (28, y + 6)],
                    cat.color(ctx).filled(),
                ))
                .map_err(draw_err)?;
            right
                .draw(&Text::new(ctx.tr(cat.key()), (36, y - 7), ctx.font(13.0)))
                .map_err(draw_err)?;
            y += 26;
        }
        Ok(())
    }
}
