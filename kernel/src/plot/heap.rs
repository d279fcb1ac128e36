//! Heap over time: heap in use, live heap after each mark, goal, trigger, `GOMEMLIMIT`, GC
//! cycles as bands and STW pauses as ticks.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::i18n::Key;
use super::{decimate, draw_err, steps, tick, Ctx, Figure, HeapSeries, PlotError, Unit};
use crate::events::EventLog;

pub(crate) struct HeapFigure<'a> {
    pub log: &'a EventLog,
}

/// Draws the legend of a chart in the theme's colours.
pub(crate) fn legend<'a, DB: DrawingBackend + 'a, CT: CoordTranslate>(
    chart: &mut ChartContext<'a, DB, CT>,
    ctx: &Ctx,
    pos: SeriesLabelPosition,
) -> Result<(), PlotError> {
    chart
        .configure_series_labels()
        .position(pos)
        .background_style(ctx.pal.legend_bg.mix(0.92))
        .border_style(ctx.pal.grid)
        .label_font(ctx.font(13.0))
        .draw()
        .map_err(draw_err)
}

/// A rectangle as a legend marker.
pub(crate) fn swatch(c: RGBAColor) -> impl Fn((i32, i32)) -> Rectangle<(i32, i32)> {
    move |(x, y)| Rectangle::new([(x, y - 5), (x + 14, y + 5)], c.filled())
}

/// A line as a legend marker.
pub(crate) fn stroke(c: RGBColor, w: u32) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], c.stroke_width(w))
}

impl Figure for HeapFigure<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        ctx: &Ctx,
    ) -> Result<(), PlotError> {
        let s = HeapSeries::of(self.log);
        let end = self.log.end_ns().max(1);
        let tu = Unit::time(end);
        let bu = Unit::bytes(s.max.max(1));
        let lang = ctx.opts.lang;
        let xmax = tu.of(end);
        let ymax = bu.of(s.max.max(1)) * 1.15;
        let p = ctx.pal;

        let mut chart = super::time_chart(
            root,
            ctx,
            Key::HeapTitle,
            tu,
            xmax,
            0f64..ymax,
            format!("{} ({})", ctx.tr(Key::HeapAxis), bu.name(lang)),
            &|v| tick(*v),
        )?;

        // GC cycles: one band each, numbered when there is room.
        let cycles = self.log.gc_cycles();
        if !cycles.is_empty() {
            let band = p.band.mix(0.28);
            chart
                .draw_series(cycles.iter().map(|c| {
                    Rectangle::new([(tu.of(c.start), 0.0), (tu.of(c.end), ymax)], band.filled())
                }))
                .map_err(draw_err)?
                .label(ctx.tr(Key::GcCycle))
                .legend(swatch(band));
            if cycles.len() <= 40 {
                chart
                    .draw_series(cycles.iter().map(|c| {
                        Text::new(
                            c.cycle.to_string(),
                            (tu.of(c.start), ymax * 0.995),
                            ctx.font(11.0),
                        )
                    }))
                    .map_err(draw_err)?;
            }
        }

        // STW pauses: a thin line through the plot and a red mark on the time axis.
        let pauses = self.log.stw_pauses();
        if !pauses.is_empty() {
            let c = p.stw;
            chart
                .draw_series(pauses.iter().map(|q| {
                    let x = tu.of(q.start);
                    PathElement::new(vec![(x, 0.0), (x, ymax)], c.mix(0.45).stroke_width(1))
                }))
                .map_err(draw_err)?;
            chart
                .draw_series(
                    pauses.iter().map(|q| {
                        TriangleMarker::new((tu.of(q.start), ymax * 0.015), 5, c.filled())
                    }),
                )
                .map_err(draw_err)?
                .label(ctx.tr(Key::StwPause))
                .legend(move |(x, y)| TriangleMarker::new((x + 7, y), 5, c.filled()));
        }

        let to_xy = |pts: Vec<(u64, u64)>| -> Vec<(f64, f64)> {
            pts.into_iter().map(|(t, v)| (tu.of(t), bu.of(v))).collect()
        };
        if let Some(limit) = s.limit {
            let y = bu.of(limit);
            chart
                .draw_series(LineSeries::new(
                    vec![(0.0, y), (xmax, y)],
                    p.limit.stroke_width(2),
                ))
                .map_err(draw_err)?
                .label(ctx.tr(Key::MemoryLimit))
                .legend(stroke(p.limit, 2));
        }
        chart
            .draw_series(DashedLineSeries::new(
                to_xy(steps(&s.goal, end)),
                8,
                5,
                p.goal.stroke_width(2),
            ))
            .map_err(draw_err)?
            .label(ctx.tr(Key::HeapGoal))
            .legend(stroke(p.goal, 2));
        chart
            .draw_series(DashedLineSeries::new(
                to_xy(steps(&s.trigger, end)),
                3,
                4,
                p.trigger.stroke_width(2),
            ))
            .map_err(draw_err)?
            .label(ctx.tr(Key::Trigger))
            .legend(stroke(p.trigger, 2));
        chart
            .draw_series(LineSeries::new(
                to_xy(steps(&s.marked, end)),
                p.live.stroke_width(2),
            ))
            .map_err(draw_err)?
            .label(ctx.tr(Key::LiveAfterMark))
            .legend(stroke(p.live, 2));
        let buckets = (ctx.opts.width as usize).max(1);
        chart
            .draw_series(LineSeries::new(
                to_xy(decimate(&s.live, buckets)),
                p.heap_in_use.stroke_width(2),
            ))
            .map_err(draw_err)?
            .label(ctx.tr(Key::HeapInUse))
            .legend(stroke(p.heap_in_use, 2));

        legend(&mut chart, ctx, SeriesLabelPosition::UpperLeft)
    }
}
