//! Several runs on one time axis: heap in use and goal of each.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::heap::{legend, stroke};
use super::i18n::Key;
use super::{decimate, draw_err, steps, tick, Ctx, Figure, HeapSeries, PlotError, Run, Unit};

pub(crate) struct CompareFigure<'a> {
    pub runs: &'a [Run<'a>],
}

impl Figure for CompareFigure<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        ctx: &Ctx,
    ) -> Result<(), PlotError> {
        let series: Vec<HeapSeries> = self.runs.iter().map(|r| HeapSeries::of(r.log)).collect();
        let end = self
            .runs
            .iter()
            .map(|r| r.log.end_ns())
            .max()
            .unwrap_or(0)
            .max(1);
        let ymaxb = series.iter().map(|s| s.max).max().unwrap_or(0).max(1);
        let tu = Unit::time(end);
        let bu = Unit::bytes(ymaxb);
        let lang = ctx.opts.lang;
        let (xmax, ymax) = (tu.of(end), bu.of(ymaxb) * 1.25);
        let p = ctx.pal;

        let mut chart = super::time_chart(
            root,
            ctx,
            Key::CompareTitle,
            tu,
            xmax,
            0f64..ymax,
            format!("{} ({})", ctx.tr(Key::HeapAxis), bu.name(lang)),
            &|v| tick(*v),
        )?;

        let to_xy = |pts: Vec<(u64, u64)>| -> Vec<(f64, f64)> {
            pts.into_iter().map(|(t, v)| (tu.of(t), bu.of(v))).collect()
        };
        let buckets = (ctx.opts.width as usize).max(1);
        for (i, (run, s)) in self.runs.iter().zip(&series).enumerate() {
            let c = p.series[i % p.series.len()];
            let cycles = run.log.gc_cycles();
            // The run's GC cycles as ticks along the top, one row per run.
            let (y0, y1) = (
                ymax * (0.97 - 0.035 * i as f64),
                ymax * (0.995 - 0.035 * i as f64),
            );
            chart
                .draw_series(cycles.iter().map(|cy| {
                    let (a, b) = (
                        tu.of(cy.start),
                        tu.of(cy.end).max(tu.of(cy.start) + xmax / 400.0),
                    );
                    Rectangle::new([(a, y0), (b, y1)], c.mix(0.7).filled())
                }))
                .map_err(draw_err)?;
            chart
                .draw_series(DashedLineSeries::new(
                    to_xy(steps(&s.goal, end)),
                    8,
                    5,
                    c.mix(0.8).stroke_width(2),
                ))
                .map_err(draw_err)?
                .label(format!("{}: {}", run.label, ctx.tr(Key::Goal)))
                .legend(move |(x, y)| {
                    EmptyElement::at((x, y))
                        + PathElement::new(vec![(0, 0), (7, 0)], c.stroke_width(2))
                        + PathElement::new(vec![(11, 0), (18, 0)], c.stroke_width(2))
                });
            chart
                .draw_series(LineSeries::new(
                    to_xy(decimate(&s.live, buckets)),
                    c.stroke_width(2),
                ))
                .map_err(draw_err)?
                .label(format!(
                    "{}: {} ({} {})",
                    run.label,
                    ctx.tr(Key::HeapInUse),
                    cycles.len(),
                    ctx.tr(Key::Cycles)
                ))
                .legend(stroke(c, 2));
        }
        legend(&mut chart, ctx, SeriesLabelPosition::LowerRight)
    }
}
