//! Plots, trace export and events: structure of the SVGs, PNG validity, determinism, the
//! Chrome trace's nesting and counters. `previews` writes every plot kind as PNG to
//! `$TMPDIR/gomem-plots/` for a human to look at.

use std::collections::BTreeMap;

use gomem::events::{Event, EventLog, GcPhaseKind};
use gomem::plot::demo::{demo_log, DemoConfig};
use gomem::plot::{
    render, CellState, Format, HeapSnapshot, Lang, PlotKind, PlotOptions, Run, SizeClassStats,
    Theme,
};
use gomem::runtime::{Heap, HeapConfig, TypeInfo};

fn svg(kind: &PlotKind, lang: Lang, theme: Theme) -> String {
    let opts = PlotOptions {
        lang,
        theme,
        ..PlotOptions::default()
    };
    String::from_utf8(render(kind, &opts).unwrap()).unwrap()
}

/// The `<text>` contents of an SVG, in order.
fn texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text") {
        rest = &rest[i..];
        let open_end = rest.find('>').unwrap();
        let close = rest.find("</text>").unwrap();
        out.push(rest[open_end + 1..close].trim().to_string());
        rest = &rest[close..];
    }
    out
}

/// Every element `<name ...>` with its attributes.
fn elements(svg: &str, name: &str) -> Vec<BTreeMap<String, String>> {
    let mut out = Vec::new();
    let pat = format!("<{name} ");
    let mut rest = svg;
    while let Some(i) = rest.find(&pat) {
        rest = &rest[i + pat.len()..];
        let end = rest.find('>').unwrap();
        let mut attrs = BTreeMap::new();
        let mut a = &rest[..end];
        while let Some(eq) = a.find("=\"") {
            let key = a[..eq].trim().to_string();
            let v = &a[eq + 2..];
            let q = v.find('"').unwrap();
            attrs.insert(key, v[..q].to_string());
            a = &v[q + 1..];
        }
        out.push(attrs);
    }
    out
}

fn heap_snapshots() -> Vec<HeapSnapshot> {
    let mut h = Heap::new(HeapConfig::default());
    let mut n = 0u64;
    for i in 0..3000u64 {
        let size = [16, 32, 48, 64, 128, 256, 1024, 4096, 20000][i as usize % 9];
        h.malloc(0, size, TypeInfo::noscan());
        n += 1;
    }
    assert_eq!(n, 3000);
    let base = HeapSnapshot::from_heap(&h);
    // The GC's colouring through one cycle, faked: marking greys then blackens spans, the
    // sweep turns them swept.
    let k = base.spans.len();
    let recolor = |f: &dyn Fn(usize, &gomem::plot::SpanCell) -> Option<CellState>| {
        let mut s = base.clone();
        for (i, c) in s.spans.iter_mut().enumerate() {
            if c.state != CellState::Free {
                if let Some(st) = f(i, c) {
                    c.state = st;
                }
            }
        }
        s
    };
    vec![
        base.clone().at(1_000_000, "before GC"),
        recolor(&|i, _| {
            Some(if i < k / 3 {
                CellState::Black
            } else {
                CellState::Grey
            })
        })
        .at(1_200_000, "mark"),
        recolor(&|_, _| Some(CellState::Black)).at(1_400_000, "mark termination"),
        recolor(&|i, _| {
            Some(if i < k / 2 {
                CellState::Swept
            } else {
                CellState::Black
            })
        })
        .at(1_600_000, "sweep"),
    ]
}

#[test]
fn heap_plot_has_one_band_per_cycle_and_legend() {
    let log = demo_log(&DemoConfig::default());
    let cycles = log.gc_cycles();
    assert!(cycles.len() >= 5, "{} cycles", cycles.len());
    let s = svg(&PlotKind::Heap(&log), Lang::En, Theme::Light);
    assert!(s.starts_with("<svg"));
    // Bands are the only rectangles with the band colour's opacity.
    let bands = elements(&s, "rect")
        .into_iter()
        .filter(|r| r.get("opacity").map(|o| o.as_str()) == Some("0.28"))
        .count();
    // One per cycle plus the legend swatch.
    assert_eq!(bands, cycles.len() + 1);
    let t = texts(&s);
    for want in [
        "Heap over time",
        "heap in use",
        "live heap after mark",
        "heap goal",
        "GC trigger",
        "GC cycle",
        "STW pause",
        "time (ms)",
        "heap (MiB)",
    ] {
        assert!(t.iter().any(|x| x == want), "missing {want:?} in {t:?}");
    }
}

#[test]
fn russian_labels() {
    let log = demo_log(&DemoConfig::default());
    let t = texts(&svg(&PlotKind::Heap(&log), Lang::Ru, Theme::Light));
    for want in [
        "Куча во времени",
        "время (мс)",
        "куча (МиБ)",
        "цель кучи",
        "цикл GC",
    ] {
        assert!(t.iter().any(|x| x == want), "missing {want:?} in {t:?}");
    }
    assert!(!t.iter().any(|x| x == "heap goal"));
    let t = texts(&svg(&PlotKind::GcTimeline(&log), Lang::Ru, Theme::Light));
    assert!(t.iter().any(|x| x == "мутатор"));
    assert!(t.iter().any(|x| x == "STW: завершение разметки"));
    let t = texts(&svg(&PlotKind::Stacks(&log), Lang::Ru, Theme::Dark));
    assert!(t.iter().any(|x| x == "размер стека"));
}

#[test]
fn memory_limit_line_only_when_set() {
    let plain = demo_log(&DemoConfig::default());
    let limited = demo_log(&DemoConfig {
        memory_limit: Some(10 << 20),
        ..DemoConfig::default()
    });
    let has = |log: &EventLog| {
        texts(&svg(&PlotKind::Heap(log), Lang::En, Theme::Light))
            .iter()
            .any(|x| x == "GOMEMLIMIT")
    };
    assert!(!has(&plain));
    assert!(has(&limited));
}

#[test]
fn dark_theme_colours_differ() {
    let log = demo_log(&DemoConfig::default());
    let light = svg(&PlotKind::Heap(&log), Lang::En, Theme::Light);
    let dark = svg(&PlotKind::Heap(&log), Lang::En, Theme::Dark);
    let bg = |s: &str| elements(s, "rect")[0].get("fill").cloned().unwrap();
    assert_eq!(bg(&light), "#FFFFFF");
    assert_ne!(bg(&light), bg(&dark));
    let fills = |s: &str| -> std::collections::BTreeSet<String> {
        elements(s, "text")
            .into_iter()
            .filter_map(|t| t.get("fill").cloned())
            .collect()
    };
    assert!(fills(&light).is_disjoint(&fills(&dark)));
}

#[test]
fn every_kind_renders_svg_and_png_deterministically() {
    let log = demo_log(&DemoConfig::default());
    let other = demo_log(&DemoConfig {
        gogc: 200,
        ..DemoConfig::default()
    });
    let stats = SizeClassStats::from_events(&log);
    let snaps = heap_snapshots();
    let runs = [
        Run {
            label: "GOGC=100",
            log: &log,
        },
        Run {
            label: "GOGC=200",
            log: &other,
        },
    ];
    let kinds = [
        PlotKind::Heap(&log),
        PlotKind::GcTimeline(&log),
        PlotKind::SizeClasses(&stats),
        PlotKind::Stacks(&log),
        PlotKind::HeapMap(&snaps),
        PlotKind::Compare(&runs),
    ];
    for (k, kind) in kinds.iter().enumerate() {
        for format in [Format::Svg, Format::Png] {
            let opts = PlotOptions {
                format,
                width: 640,
                height: 400,
                ..PlotOptions::default()
            };
            let a = render(kind, &opts).unwrap();
            let b = render(kind, &opts).unwrap();
            assert!(a == b, "kind #{k} {format:?} not deterministic");
            match format {
                Format::Svg => {
                    let s = String::from_utf8(a).unwrap();
                    assert!(s.starts_with("<svg") && s.trim_end().ends_with("</svg>"));
                }
                Format::Png => {
                    assert_eq!(&a[..8], b"\x89PNG\r\n\x1a\n");
                    let w = u32::from_be_bytes(a[16..20].try_into().unwrap());
                    let h = u32::from_be_bytes(a[20..24].try_into().unwrap());
                    assert_eq!((w, h), (640, 400));
                    assert!(a.len() > 2000);
                }
            }
        }
    }
}

#[test]
fn timeline_legend_and_rows() {
    let log = demo_log(&DemoConfig::default());
    let t = texts(&svg(&PlotKind::GcTimeline(&log), Lang::En, Theme::Light));
    for want in [
        "P0",
        "P3",
        "mutator",
        "dedicated worker",
        "fractional worker",
        "idle worker",
        "mark assist",
        "STW sweep termination",
        "STW mark termination",
        "sweeping",
    ] {
        assert!(t.iter().any(|x| x == want), "missing {want:?}");
    }
}

#[test]
fn size_classes_from_events_and_heap() {
    let log = demo_log(&DemoConfig::default());
    let st = SizeClassStats::from_events(&log);
    let allocs = log
        .events
        .iter()
        .filter(|e| matches!(e, Event::Alloc { .. }))
        .count() as u64;
    assert_eq!(st.rows.iter().map(|r| r.objects).sum::<u64>(), allocs);
    for r in &st.rows {
        assert!(r.requested_bytes.unwrap() <= r.slot_bytes);
    }
    let t = texts(&svg(&PlotKind::SizeClasses(&st), Lang::En, Theme::Light));
    assert!(t.iter().any(|x| x == "internal fragmentation"));
    assert!(t.iter().any(|x| x == "24"));

    let mut h = Heap::new(HeapConfig::default());
    for _ in 0..5 {
        h.malloc(0, 100, TypeInfo::noscan());
    }
    let st = SizeClassStats::from_heap(&h);
    assert_eq!(st.rows.len(), 1);
    assert_eq!((st.rows[0].slot_size, st.rows[0].objects), (112, 5));
}

#[test]
fn heap_map_cells() {
    let snaps = heap_snapshots();
    assert!(snaps[0].spans.iter().any(|c| c.state == CellState::Free));
    assert!(snaps[0]
        .spans
        .iter()
        .any(|c| c.state == CellState::Allocated));
    let s = svg(&PlotKind::HeapMap(&snaps), Lang::Ru, Theme::Light);
    let t = texts(&s);
    for want in [
        "Карта кучи (спаны)",
        "свободен",
        "занят",
        "серый",
        "чёрный",
        "очищен",
    ] {
        assert!(t.iter().any(|x| x == want), "missing {want:?}");
    }
    assert!(elements(&s, "rect").len() > snaps.iter().map(|s| s.spans.len()).sum::<usize>());
}

#[test]
fn event_log_json_lines_round_trip() {
    let log = demo_log(&DemoConfig {
        ticks: 300,
        ..DemoConfig::default()
    });
    let text = log.to_json_lines();
    assert_eq!(text.lines().count(), log.events.len());
    let back = EventLog::from_json_lines(&text).unwrap();
    assert_eq!(back, log);
    let err = EventLog::from_json_lines("{\"ev\":\"Nope\"}\n").unwrap_err();
    assert_eq!(err.line, 1);
    // Times never go backwards in the demo (emitters promise the same).
    assert!(log.events.windows(2).all(|w| w[0].t_ns() <= w[1].t_ns()));
}

#[test]
fn chrome_trace_nesting_and_counters() {
    let log = demo_log(&DemoConfig::default());
    let tr = gomem::trace::chrome_trace(&log);
    let text = tr.to_string();
    let tr: serde_json::Value = serde_json::from_str(&text).unwrap();
    let evs = tr["traceEvents"].as_array().unwrap();
    // Complete events nest properly on every track: sorted by start, each slice either ends
    // before the next begins or contains it.
    let mut by_tid: BTreeMap<u64, Vec<(f64, f64, String)>> = BTreeMap::new();
    for e in evs.iter().filter(|e| e["ph"] == "X") {
        let ts = e["ts"].as_f64().unwrap();
        let dur = e["dur"].as_f64().unwrap();
        assert!(dur >= 0.0);
        by_tid.entry(e["tid"].as_u64().unwrap()).or_default().push((
            ts,
            ts + dur,
            e["name"].as_str().unwrap().to_string(),
        ));
    }
    assert!(by_tid.len() > 4);
    for (tid, mut v) in by_tid {
        v.sort_by(|a, b| {
            a.0.partial_cmp(&b.0)
                .unwrap()
                .then(b.1.partial_cmp(&a.1).unwrap())
        });
        let mut stack: Vec<(f64, f64, String)> = Vec::new();
        for s in v {
            while let Some(top) = stack.last() {
                if top.1 <= s.0 + 1e-9 {
                    stack.pop();
                } else {
                    break;
                }
            }
            if let Some(top) = stack.last() {
                assert!(
                    s.1 <= top.1 + 1e-9,
                    "tid {tid}: {s:?} overlaps {top:?} without nesting"
                );
            }
            stack.push(s);
        }
    }
    // GC phases nest in their cycle.
    let gc: Vec<&serde_json::Value> = evs
        .iter()
        .filter(|e| e["tid"] == gomem::trace::TID_GC && e["ph"] == "X")
        .collect();
    assert_eq!(
        gc.iter()
            .filter(|e| e["name"].as_str().unwrap().starts_with("GC "))
            .count(),
        log.gc_cycles().len()
    );
    assert!(gc.iter().any(|e| e["name"] == "mark termination"));
    // One counter series per metric.
    let counters: std::collections::BTreeSet<&str> = evs
        .iter()
        .filter(|e| e["ph"] == "C")
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        counters.into_iter().collect::<Vec<_>>(),
        ["heap goal", "heap live", "heap marked", "heap trigger"]
    );
    for e in evs.iter().filter(|e| e["ph"] == "C") {
        assert_eq!(e["args"].as_object().unwrap().len(), 1);
    }
    // Every track is named.
    let named: std::collections::BTreeSet<u64> = evs
        .iter()
        .filter(|e| e["ph"] == "M" && e["name"] == "thread_name")
        .map(|e| e["tid"].as_u64().unwrap())
        .collect();
    for e in evs.iter().filter(|e| e["ph"] == "X") {
        assert!(named.contains(&e["tid"].as_u64().unwrap()));
    }
}

#[test]
fn stack_records_convert() {
    use gomem::runtime::stack::{StackEvent, StackEventRecord};
    let recs = vec![
        StackEventRecord {
            seq: 0,
            gc_cycle: 0,
            event: StackEvent::Alloc {
                goid: 1,
                size: 2048,
                reused: false,
            },
            stack_inuse: 2048,
        },
        StackEventRecord {
            seq: 1,
            gc_cycle: 0,
            event: StackEvent::Grow {
                goid: 1,
                from: 2048,
                to: 4096,
                copied: 512,
            },
            stack_inuse: 4096,
        },
    ];
    let mut log = EventLog::new();
    log.extend_stack_records(recs, |r| r.seq * 1000);
    assert_eq!(log.events.len(), 3);
    assert!(matches!(
        log.events[2],
        Event::StackCopy {
            t_ns: 1000,
            copied: 512,
            ..
        }
    ));
    log.push(Event::GcPhase {
        t_ns: 2000,
        cycle: 1,
        phase: GcPhaseKind::Off,
    });
    let s = svg(&PlotKind::Stacks(&log), Lang::En, Theme::Light);
    assert!(texts(&s).iter().any(|x| x == "goroutine 1"));
}

#[test]
fn previews() {
    let dir = std::env::temp_dir().join("gomem-plots");
    std::fs::create_dir_all(&dir).unwrap();
    let log = demo_log(&DemoConfig::default());
    let g50 = demo_log(&DemoConfig {
        gogc: 50,
        ..DemoConfig::default()
    });
    let g200 = demo_log(&DemoConfig {
        gogc: 200,
        ..DemoConfig::default()
    });
    let limited = demo_log(&DemoConfig {
        memory_limit: Some(9 << 20),
        ..DemoConfig::default()
    });
    let stats = SizeClassStats::from_events(&log);
    let snaps = heap_snapshots();
    let runs = [
        Run {
            label: "GOGC=50",
            log: &g50,
        },
        Run {
            label: "GOGC=200",
            log: &g200,
        },
    ];
    let all: [(&str, PlotKind); 7] = [
        ("heap", PlotKind::Heap(&log)),
        ("heap_limit", PlotKind::Heap(&limited)),
        ("timeline", PlotKind::GcTimeline(&log)),
        ("sizeclasses", PlotKind::SizeClasses(&stats)),
        ("stacks", PlotKind::Stacks(&log)),
        ("heapmap", PlotKind::HeapMap(&snaps)),
        ("compare", PlotKind::Compare(&runs)),
    ];
    for (name, kind) in &all {
        for (lang, theme, suffix) in [
            (Lang::En, Theme::Light, "en_light"),
            (Lang::Ru, Theme::Dark, "ru_dark"),
        ] {
            let opts = PlotOptions {
                format: Format::Png,
                lang,
                theme,
                ..PlotOptions::default()
            };
            let png = render(kind, &opts).unwrap();
            std::fs::write(dir.join(format!("{name}_{suffix}.png")), png).unwrap();
        }
    }
    std::fs::write(
        dir.join("trace.json"),
        gomem::trace::chrome_trace(&log).to_string(),
    )
    .unwrap();
}
