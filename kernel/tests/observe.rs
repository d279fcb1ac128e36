//! Observability of real runs: a traced `gomem::run` records events that agree with the
//! run's own numbers (GC cycles, allocations, stack growth), in time order, the same on
//! every run; the trace and the plots drawn from them are well formed.

use gomem::display::Figure;
use gomem::events::{Event, GcPhaseKind};
use gomem::RunOptions;

/// Allocates about 12 MiB of 64-byte nodes, keeping every hundredth: several GC cycles.
const GARBAGE: &str = r#"package main

import "fmt"

type Node struct {
	next *Node
	val  [6]int
}

func main() {
	var head *Node
	for i := 0; i < 200000; i++ {
		n := &Node{next: head}
		n.val[0] = i
		if i%100 == 0 {
			head = n
		}
	}
	sum := 0
	for n := head; n != nil; n = n.next {
		sum += n.val[0]
	}
	fmt.Println(sum)
}
"#;

/// Deep recursion: the main goroutine's stack grows by copying.
const DEEP: &str = r#"package main

import "fmt"

func deep(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	if n == 0 {
		return 0
	}
	return deep(n-1) + int(pad[n%64])
}

func main() {
	fmt.Println(deep(5000))
}
"#;

fn traced(src: &str) -> gomem::RunReport {
    let opts = RunOptions {
        trace: true,
        ..Default::default()
    };
    let r = gomem::run("./x.go", src, opts).expect("compiles");
    assert_eq!(r.exit_code, 0, "{}", r.stderr);
    r
}

#[test]
fn events_agree_with_the_run() {
    let r = traced(GARBAGE);
    let log = r.events.as_ref().expect("traced");
    // Time never goes backwards.
    assert!(log.events.windows(2).all(|w| w[0].t_ns() <= w[1].t_ns()));
    // One Alloc event per heap allocation MemStats counted.
    let allocs = log
        .events
        .iter()
        .filter(|e| matches!(e, Event::Alloc { .. }))
        .count() as u64;
    assert_eq!(allocs, r.mem_stats.mallocs);
    // Every cycle went through its phases, in order.
    let cycles = log.gc_cycles();
    assert!(r.mem_stats.num_gc >= 2, "{} cycles", r.mem_stats.num_gc);
    assert_eq!(cycles.len() as u32, r.mem_stats.num_gc);
    let phases: Vec<GcPhaseKind> = log
        .events
        .iter()
        .filter_map(|e| match e {
            Event::GcPhase {
                cycle: 1, phase, ..
            } => Some(*phase),
            _ => None,
        })
        .collect();
    assert_eq!(
        &phases[..4],
        [
            GcPhaseKind::SweepTermination,
            GcPhaseKind::Mark,
            GcPhaseKind::MarkTermination,
            GcPhaseKind::Sweep
        ]
    );
    // The sweeper's frees and the mcaches' span traffic are recorded.
    let frees = log
        .events
        .iter()
        .filter(|e| matches!(e, Event::Free { .. }))
        .count() as u64;
    assert!(frees > 0 && frees <= r.mem_stats.frees, "{frees} frees");
    assert!(log
        .events
        .iter()
        .any(|e| matches!(e, Event::SpanAcquire { .. })));
    // Heap samples never claim more live heap than was allocated.
    for e in &log.events {
        if let Event::HeapSample { live, .. } = e {
            assert!(*live <= r.mem_stats.total_alloc);
        }
    }
}

#[test]
fn traces_are_deterministic() {
    let a = traced(GARBAGE).events.unwrap().to_json_lines();
    let b = traced(GARBAGE).events.unwrap().to_json_lines();
    assert!(a == b, "two runs recorded different events");
}

#[test]
fn stack_growth_is_recorded() {
    let r = traced(DEEP);
    let log = r.events.unwrap();
    let grows: Vec<(u64, u64)> = log
        .events
        .iter()
        .filter_map(|e| match e {
            Event::StackGrow {
                goid: 1, from, to, ..
            } => Some((*from, *to)),
            _ => None,
        })
        .collect();
    assert!(grows.len() >= 3, "{grows:?}");
    assert!(grows.iter().all(|&(from, to)| to == 2 * from));
    // Each growth is a copy at the same moment.
    let copies = log
        .events
        .iter()
        .filter(|e| matches!(e, Event::StackCopy { goid: 1, .. }))
        .count();
    assert_eq!(copies, grows.len());
}

#[test]
fn plots_of_a_real_run() {
    let r = traced(GARBAGE);
    let svg =
        |f| String::from_utf8(r.plot(f, &Default::default()).unwrap().bytes).expect("svg is text");
    // One shaded band per GC cycle, plus the legend's swatch.
    let heap = svg(Figure::Heap);
    let bands = heap.matches(r#"opacity="0.28""#).count();
    assert_eq!(bands as u32, r.mem_stats.num_gc + 1);
    assert!(heap.contains("heap in use") && heap.contains("heap goal"));
    for f in [Figure::Phases, Figure::SizeClasses, Figure::Stacks] {
        assert!(svg(f).starts_with("<svg"));
    }
    // The heap map follows the first cycle from mark start to the end of sweeping.
    let labels: Vec<&str> = r.heap_snapshots.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels.first(), Some(&"mark start"));
    assert!(labels.contains(&"mark termination"), "{labels:?}");
    assert!(svg(Figure::HeapMap).contains("mark termination"));
    // In Russian.
    let ru = gomem::plot::PlotOptions {
        lang: gomem::plot::Lang::Ru,
        ..Default::default()
    };
    let s = String::from_utf8(r.plot(Figure::Heap, &ru).unwrap().bytes).unwrap();
    assert!(!s.contains("heap goal"));
    // An untraced run says how to trace it.
    let plain = gomem::run("./x.go", GARBAGE, RunOptions::default()).unwrap();
    let err = plain.plot(Figure::Heap, &Default::default()).unwrap_err();
    assert!(err.to_string().contains("trace: true"), "{err}");
}

#[test]
fn chrome_trace_of_a_real_run() {
    let r = traced(GARBAGE);
    let tr = r.chrome_trace().unwrap();
    let text = tr.to_string();
    let tr: serde_json::Value = serde_json::from_str(&text).unwrap();
    let evs = tr["traceEvents"].as_array().unwrap();
    let gc_slices = evs
        .iter()
        .filter(|e| {
            e["ph"] == "X"
                && e["name"]
                    .as_str()
                    .and_then(|n| n.strip_prefix("GC "))
                    .is_some_and(|n| n.parse::<u32>().is_ok())
        })
        .count();
    assert_eq!(gc_slices as u32, r.mem_stats.num_gc);
    let counters: std::collections::BTreeSet<&str> = evs
        .iter()
        .filter(|e| e["ph"] == "C")
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(counters.contains("heap live") && counters.contains("heap goal"));
}
