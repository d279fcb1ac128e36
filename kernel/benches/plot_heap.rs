//! Plotting a run of 100,000+ events (the heap plot), SVG and PNG.

use criterion::{criterion_group, criterion_main, Criterion};
use gomem::plot::demo::{demo_log, DemoConfig};
use gomem::plot::{render, Format, PlotKind, PlotOptions};

fn bench(c: &mut Criterion) {
    let log = demo_log(&DemoConfig {
        ticks: 4200,
        allocs_per_tick: 8,
        ..DemoConfig::default()
    });
    assert!(log.events.len() >= 100_000, "{} events", log.events.len());
    let mut g = c.benchmark_group("heap_plot_100k_events");
    g.sample_size(20);
    for format in [Format::Svg, Format::Png] {
        let opts = PlotOptions {
            format,
            ..PlotOptions::default()
        };
        g.bench_function(format!("{format:?}"), |b| {
            b.iter(|| render(&PlotKind::Heap(&log), &opts).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
