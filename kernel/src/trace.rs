//! # Chrome trace export: open a run in Perfetto
//!
//! [`chrome_trace`] turns an [`EventLog`] into the Chrome trace event format
//! (`{"traceEvents": [...]}`), which `ui.perfetto.dev` and `chrome://tracing` open directly.
//! Everything is in one process (`pid` 1, "gomem"); the tracks (`tid`s) are:
//!
//! | tid | track | what is on it |
//! |---|---|---|
//! | 1 | `GC` | one slice per cycle (`GC 3`) with its phases nested inside; `sweep` slices after it |
//! | 2 | `STW` | stop-the-world pauses, named by their reason |
//! | 100 + p | `P<p>` | which goroutine runs on the P (`G7`) |
//! | 200 + p | `P<p> GC worker` | the P's mark worker runs (`dedicated`, `fractional`, `idle`) |
//! | 1000 + goid | `G<goid>` | when the goroutine runs (`running`), its assists nested inside, and stack events as instants |
//!
//! Heap numbers are counters (`ph: "C"`), one series per metric: `heap live`, `heap goal`,
//! `heap trigger`, `heap marked` and, when set, `GOMEMLIMIT`. Slices are complete events
//! (`ph: "X"` with `dur`); times are microseconds of virtual time.
//!
//! ```
//! use gomem::events::{Event, EventLog, GcPhaseKind};
//! let log: EventLog = [
//!     Event::GcPhase { t_ns: 0, cycle: 1, phase: GcPhaseKind::SweepTermination },
//!     Event::GcPhase { t_ns: 50_000, cycle: 1, phase: GcPhaseKind::Mark },
//!     Event::GcPhase { t_ns: 90_000, cycle: 1, phase: GcPhaseKind::Off },
//! ].into_iter().collect();
//! let trace = gomem::trace::chrome_trace(&log);
//! let evs = trace["traceEvents"].as_array().unwrap();
//! assert!(evs.iter().any(|e| e["name"] == "GC 1" && e["dur"] == 90.0));
//! std::fs::write(std::env::temp_dir().join("gomem-doc.json"), trace.to_string()).unwrap();
//! ```

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::events::{Edge, Event, EventLog, GcPhaseKind, GcWorkerKind};

/// The `tid` of the GC track.
pub const TID_GC: u64 = 1;
/// The `tid` of the stop-the-world track.
pub const TID_STW: u64 = 2;
/// The `tid` of P `p`'s track.
pub fn tid_p(p: u32) -> u64 {
    100 + p as u64
}
/// The `tid` of P `p`'s GC worker track.
pub fn tid_worker(p: u32) -> u64 {
    200 + p as u64
}
/// The `tid` of goroutine `goid`'s track.
pub fn tid_g(goid: u64) -> u64 {
    1000 + goid
}

const PID: u64 = 1;

fn us(t_ns: u64) -> f64 {
    t_ns as f64 / 1000.0
}

fn slice(name: &str, cat: &str, tid: u64, start: u64, end: u64, args: Value) -> Value {
    let mut v = json!({
        "name": name, "cat": cat, "ph": "X", "pid": PID, "tid": tid,
        "ts": us(start), "dur": us(end.saturating_sub(start)),
    });
    if !args.is_null() {
        v["args"] = args;
    }
    v
}

/// The display name of a GC phase.
pub fn phase_name(p: GcPhaseKind) -> &'static str {
    match p {
        GcPhaseKind::Off => "off",
        GcPhaseKind::SweepTermination => "sweep termination",
        GcPhaseKind::Mark => "mark",
        GcPhaseKind::MarkTermination => "mark termination",
        GcPhaseKind::Sweep => "sweep",
    }
}

fn worker_name(k: GcWorkerKind) -> &'static str {
    match k {
        GcWorkerKind::Dedicated => "dedicated",
        GcWorkerKind::Fractional => "fractional",
        GcWorkerKind::Idle => "idle",
    }
}

/// A goroutine's run on a P: `[start, end)`, and why it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunInterval {
    pub goid: u64,
    pub p: u32,
    pub start: u64,
    pub end: u64,
    /// `"park: chan receive"`, `"exit"`, `"preempted"` or `"end of trace"`.
    pub end_reason: String,
}

/// When each goroutine ran on which P, from `GoStart`/`GoPark`/`GoExit`. A `GoStart` on a P
/// that is running another goroutine ends that run (`preempted`).
pub fn run_intervals(log: &EventLog) -> Vec<RunInterval> {
    let mut out = Vec::new();
    let mut by_g: BTreeMap<u64, (u32, u64)> = BTreeMap::new();
    let mut by_p: BTreeMap<u32, u64> = BTreeMap::new();
    let close = |out: &mut Vec<RunInterval>,
                 by_g: &mut BTreeMap<u64, (u32, u64)>,
                 by_p: &mut BTreeMap<u32, u64>,
                 goid: u64,
                 t: u64,
                 why: String| {
        if let Some((p, s)) = by_g.remove(&goid) {
            if by_p.get(&p) == Some(&goid) {
                by_p.remove(&p);
            }
            out.push(RunInterval {
                goid,
                p,
                start: s,
                end: t.max(s),
                end_reason: why,
            });
        }
    };
    for e in &log.events {
        match e {
            Event::GoStart { t_ns, goid, p } => {
                if let Some(&other) = by_p.get(p) {
                    close(
                        &mut out,
                        &mut by_g,
                        &mut by_p,
                        other,
                        *t_ns,
                        "preempted".into(),
                    );
                }
                close(
                    &mut out,
                    &mut by_g,
                    &mut by_p,
                    *goid,
                    *t_ns,
                    "preempted".into(),
                );
                by_g.insert(*goid, (*p, *t_ns));
                by_p.insert(*p, *goid);
            }
            Event::GoPark {
                t_ns, goid, reason, ..
            } => close(
                &mut out,
                &mut by_g,
                &mut by_p,
                *goid,
                *t_ns,
                format!("park: {reason}"),
            ),
            Event::GoExit { t_ns, goid, .. } => {
                close(&mut out, &mut by_g, &mut by_p, *goid, *t_ns, "exit".into())
            }
            _ => {}
        }
    }
    let end = log.end_ns();
    let open: Vec<u64> = by_g.keys().copied().collect();
    for g in open {
        close(
            &mut out,
            &mut by_g,
            &mut by_p,
            g,
            end,
            "end of trace".into(),
        );
    }
    out.sort_by_key(|r| (r.start, r.goid));
    out
}

/// The log as a Chrome trace (`{"traceEvents": [...], "displayTimeUnit": "ns"}`). Write it
/// with `to_string()` and open it in Perfetto.
pub fn chrome_trace(log: &EventLog) -> Value {
    let mut evs: Vec<Value> = Vec::new();
    let mut names: BTreeMap<u64, (u64, String)> = BTreeMap::new(); // tid -> (sort, name)
    names.insert(TID_GC, (0, "GC".into()));
    names.insert(TID_STW, (1, "STW".into()));

    // GC track: cycles with nested phases, then sweeps.
    for c in log.gc_cycles() {
        evs.push(slice(
            &format!("GC {}", c.cycle),
            "gc",
            TID_GC,
            c.start,
            c.end,
            json!({ "cycle": c.cycle }),
        ));
    }
    for ph in log.phase_intervals() {
        evs.push(slice(
            phase_name(ph.phase),
            "gc",
            TID_GC,
            ph.start,
            ph.end,
            json!({ "cycle": ph.cycle }),
        ));
    }
    for s in log.stw_pauses() {
        evs.push(slice(
            &s.reason,
            "stw",
            TID_STW,
            s.start,
            s.end,
            json!({ "mark_termination": s.mark_termination }),
        ));
    }

    // Goroutines on Ps.
    let runs = run_intervals(log);
    for r in &runs {
        names
            .entry(tid_p(r.p))
            .or_insert((10 + r.p as u64 * 2, format!("P{}", r.p)));
        names
            .entry(tid_g(r.goid))
            .or_insert((100_000 + r.goid, format!("G{}", r.goid)));
        evs.push(slice(
            &format!("G{}", r.goid),
            "sched",
            tid_p(r.p),
            r.start,
            r.end,
            json!({ "goid": r.goid, "end": r.end_reason }),
        ));
        evs.push(slice(
            "running",
            "sched",
            tid_g(r.goid),
            r.start,
            r.end,
            json!({ "p": r.p, "end": r.end_reason }),
        ));
    }

    // Workers, assists, stacks, counters.
    let mut workers: BTreeMap<u32, (GcWorkerKind, u64)> = BTreeMap::new();
    let mut assists: BTreeMap<u64, (u32, u64)> = BTreeMap::new();
    let mut last: BTreeMap<&'static str, u64> = BTreeMap::new();
    let end = log.end_ns();
    for e in &log.events {
        match e {
            Event::GcWorker {
                t_ns,
                p,
                kind,
                edge,
            } => match edge {
                Edge::Start => {
                    workers.insert(*p, (*kind, *t_ns));
                }
                Edge::Stop => {
                    if let Some((k, s)) = workers.remove(p) {
                        names
                            .entry(tid_worker(*p))
                            .or_insert((11 + *p as u64 * 2, format!("P{p} GC worker")));
                        evs.push(slice(
                            worker_name(k),
                            "gc",
                            tid_worker(*p),
                            s,
                            *t_ns,
                            Value::Null,
                        ));
                    }
                }
            },
            Event::Assist {
                t_ns,
                goid,
                p,
                edge,
                bytes,
            } => match edge {
                Edge::Start => {
                    assists.insert(*goid, (*p, *t_ns));
                }
                Edge::Stop => {
                    if let Some((p0, s)) = assists.remove(goid) {
                        // Keep the assist inside the run it started in, so slices nest.
                        let end = runs
                            .iter()
                            .find(|r| r.goid == *goid && r.start <= s && s < r.end)
                            .map_or(*t_ns, |r| (*t_ns).min(r.end));
                        names
                            .entry(tid_g(*goid))
                            .or_insert((100_000 + goid, format!("G{goid}")));
                        evs.push(slice(
                            "GC assist",
                            "gc",
                            tid_g(*goid),
                            s,
                            end,
                            json!({ "p": p0.max(*p), "bytes": bytes }),
                        ));
                    }
                }
            },
            Event::StackAlloc {
                t_ns,
                goid,
                from,
                to,
            }
            | Event::StackGrow {
                t_ns,
                goid,
                from,
                to,
            }
            | Event::StackShrink {
                t_ns,
                goid,
                from,
                to,
            }
            | Event::StackFree {
                t_ns,
                goid,
                from,
                to,
            } => {
                let name = match e {
                    Event::StackAlloc { .. } => "stack alloc",
                    Event::StackGrow { .. } => "stack grow",
                    Event::StackShrink { .. } => "stack shrink",
                    _ => "stack free",
                };
                names
                    .entry(tid_g(*goid))
                    .or_insert((100_000 + goid, format!("G{goid}")));
                evs.push(json!({
                    "name": name, "cat": "stack", "ph": "i", "s": "t", "pid": PID,
                    "tid": tid_g(*goid), "ts": us(*t_ns), "args": { "from": from, "to": to },
                }));
            }
            Event::HeapSample {
                t_ns,
                live,
                goal,
                trigger,
                marked,
                memory_limit,
            } => {
                let mut series = vec![
                    ("heap live", *live),
                    ("heap goal", *goal),
                    ("heap trigger", *trigger),
                    ("heap marked", *marked),
                ];
                if let Some(m) = memory_limit {
                    series.push(("GOMEMLIMIT", *m));
                }
                for (name, v) in series {
                    if last.insert(name, v) != Some(v) {
                        evs.push(json!({
                            "name": name, "cat": "heap", "ph": "C", "pid": PID,
                            "ts": us(*t_ns), "args": { "bytes": v },
                        }));
                    }
                }
            }
            _ => {}
        }
    }
    for (p, (k, s)) in workers {
        evs.push(slice(
            worker_name(k),
            "gc",
            tid_worker(p),
            s,
            end,
            Value::Null,
        ));
    }
    for (goid, (p, s)) in assists {
        evs.push(slice(
            "GC assist",
            "gc",
            tid_g(goid),
            s,
            end,
            json!({ "p": p }),
        ));
    }

    let mut meta = vec![json!({
        "name": "process_name", "ph": "M", "pid": PID, "args": { "name": "gomem" },
    })];
    for (tid, (sort, name)) in names {
        meta.push(json!({
            "name": "thread_name", "ph": "M", "pid": PID, "tid": tid, "args": { "name": name },
        }));
        meta.push(json!({
            "name": "thread_sort_index", "ph": "M", "pid": PID, "tid": tid,
            "args": { "sort_index": sort },
        }));
    }
    meta.extend(evs);
    json!({ "traceEvents": meta, "displayTimeUnit": "ns" })
}
