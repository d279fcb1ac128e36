//! A synthetic run for previews, tests and benchmarks, until the VM and the GC emit real
//! events: a fake program on 4 Ps whose live data ramps up and levels off, a pacer with
//! `goal = marked × (1 + GOGC/100)`, GC cycles with both stop-the-world pauses, a dedicated
//! worker, idle workers and assists, background sweeping, and goroutine stacks that grow,
//! shrink and die. Deterministic: the same config gives the same log.
//!
//! ```
//! use gomem::plot::demo::{demo_log, DemoConfig};
//! let log = demo_log(&DemoConfig::default());
//! assert!(log.gc_cycles().len() >= 5);
//! assert_eq!(log, demo_log(&DemoConfig::default()));
//! ```

use crate::events::{Edge, Event, EventLog, GcPhaseKind, GcWorkerKind};
use crate::runtime::sizeclass::{class_size, size_to_class, MAX_SMALL_ALLOC, PAGE_SIZE};

/// The knobs of [`demo_log`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoConfig {
    /// `GOGC` (100: the goal is twice the live heap).
    pub gogc: u64,
    /// `GOMEMLIMIT` in bytes.
    pub memory_limit: Option<u64>,
    /// Scheduler ticks of 20 µs.
    pub ticks: u64,
    /// Allocations per running goroutine per tick.
    pub allocs_per_tick: u64,
    /// The live data the program builds up to, in bytes.
    pub live_max: u64,
    pub seed: u64,
}

impl Default for DemoConfig {
    fn default() -> Self {
        DemoConfig {
            gogc: 100,
            memory_limit: None,
            ticks: 2500,
            allocs_per_tick: 2,
            live_max: 6 << 20,
            seed: 1,
        }
    }
}

const TICK_NS: u64 = 20_000;
const NPROCS: u32 = 4;
const NGOROUTINES: u64 = 7;
const SIZES: [u64; 16] = [
    8, 12, 16, 24, 32, 48, 64, 100, 128, 200, 256, 500, 1024, 2000, 4096, 9000,
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum Phase {
    Off,
    Mark { until: u64 },
    Sweep { until: u64 },
}

/// Runs the fake program and returns its events.
pub fn demo_log(cfg: &DemoConfig) -> EventLog {
    let mut log = EventLog::new();
    let mut rng = Rng(cfg.seed.max(1) * 0x9E3779B97F4A7C15);
    let min_goal = 4u64 << 20;
    let mut live = 0u64; // heap in use
    let mut marked = 0u64;
    let mut goal = min_goal;
    let pace = |marked: u64| -> (u64, u64) {
        let mut goal = (marked + marked * cfg.gogc / 100).max(min_goal);
        if let Some(l) = cfg.memory_limit {
            goal = goal.min(l.saturating_sub(l / 20)).max(marked + (256 << 10));
        }
        let trigger = marked + (goal - marked) * 7 / 10;
        (goal, trigger)
    };
    let mut trigger = pace(0).1;
    let mut cycle = 0u32;
    let mut phase = Phase::Off;
    let mut alloc_since_mark = 0u64;
    let mut addr = 0xc000000000u64;
    let mut stacks = [0u64; NGOROUTINES as usize + 1];
    let mut exited = [false; NGOROUTINES as usize + 1];
    let mut running: [Option<u64>; NPROCS as usize] = [None; NPROCS as usize];
    let mut worker_on = [false; NPROCS as usize];
    let mut assisting: Option<(u64, u32)> = None;

    for g in 1..=NGOROUTINES {
        stacks[g as usize] = 2048;
        log.push(Event::StackAlloc {
            t_ns: 0,
            goid: g,
            from: 0,
            to: 2048,
        });
    }
    let sample = |log: &mut EventLog, t, live, goal, trigger, marked| {
        log.push(Event::HeapSample {
            t_ns: t,
            live,
            goal,
            trigger,
            marked,
            memory_limit: cfg.memory_limit,
        })
    };

    let mut resume_at = 0u64;
    for tick in 0..cfg.ticks {
        let t = tick * TICK_NS;
        if t < resume_at {
            continue; // the world is stopped
        }
        let reachable = (cfg.live_max as u128 * (tick as u128 * 3 / 2 + 1) / cfg.ticks as u128)
            .min(cfg.live_max as u128) as u64
            + (512 << 10);

        // GC state machine.
        match phase {
            // The pacer's heapLive: what the last mark found plus what was allocated since (the
            // garbage still waiting for the sweeper does not count).
            Phase::Off | Phase::Sweep { .. }
                if (if cycle == 0 {
                    live
                } else {
                    marked + alloc_since_mark
                }) >= trigger =>
            {
                if let Phase::Sweep { .. } = phase {
                    live = marked + alloc_since_mark;
                }
                cycle += 1;
                log.push(Event::Stw {
                    t_ns: t,
                    edge: Edge::Start,
                    reason: "GC sweep termination".into(),
                });
                log.push(Event::GcPhase {
                    t_ns: t,
                    cycle,
                    phase: GcPhaseKind::SweepTermination,
                });
                for (p, r) in running.iter_mut().enumerate() {
                    if let Some(g) = r.take() {
                        log.push(Event::GoPark {
                            t_ns: t,
                            goid: g,
                            p: p as u32,
                            reason: "preempted".into(),
                        });
                    }
                }
                let t2 = t + 30_000 + rng.next() % 20_000;
                log.push(Event::GcPhase {
                    t_ns: t2,
                    cycle,
                    phase: GcPhaseKind::Mark,
                });
                log.push(Event::Stw {
                    t_ns: t2,
                    edge: Edge::Stop,
                    reason: "GC sweep termination".into(),
                });
                alloc_since_mark = 0;
                let mark_ticks = 8 + live / (96 << 10);
                phase = Phase::Mark {
                    until: tick + mark_ticks,
                };
                log.push(Event::GcWorker {
                    t_ns: t2,
                    p: 0,
                    kind: GcWorkerKind::Dedicated,
                    edge: Edge::Start,
                });
                worker_on[0] = true;
                sample(&mut log, t2, live, goal, trigger, marked);
                resume_at = t2;
                continue;
            }
            Phase::Mark { until } if tick >= until => {
                if let Some((g, p)) = assisting.take() {
                    log.push(Event::Assist {
                        t_ns: t,
                        goid: g,
                        p,
                        edge: Edge::Stop,
                        bytes: 64 << 10,
                    });
                }
                for p in 0..NPROCS {
                    if worker_on[p as usize] {
                        worker_on[p as usize] = false;
                        log.push(Event::GcWorker {
                            t_ns: t,
                            p,
                            kind: if p == 0 {
                                GcWorkerKind::Dedicated
                            } else {
                                GcWorkerKind::Idle
                            },
                            edge: Edge::Stop,
                        });
                    }
                    if let Some(g) = running[p as usize].take() {
                        log.push(Event::GoPark {
                            t_ns: t,
                            goid: g,
                            p,
                            reason: "GC mark termination".into(),
                        });
                    }
                }
                log.push(Event::Stw {
                    t_ns: t,
                    edge: Edge::Start,
                    reason: "GC mark termination".into(),
                });
                log.push(Event::GcPhase {
                    t_ns: t,
                    cycle,
                    phase: GcPhaseKind::MarkTermination,
                });
                marked = reachable.min(live);
                (goal, trigger) = pace(marked);
                // The GC shrinks stacks that use little of themselves.
                let g = 2 + (cycle as u64 % (NGOROUTINES - 1));
                let t2 = t + 40_000 + rng.next() % 30_000;
                if !exited[g as usize] && stacks[g as usize] > 2048 {
                    let from = stacks[g as usize];
                    stacks[g as usize] = from / 2;
                    log.push(Event::StackShrink {
                        t_ns: t + 20_000,
                        goid: g,
                        from,
                        to: from / 2,
                    });
                }
                log.push(Event::GcPhase {
                    t_ns: t2,
                    cycle,
                    phase: GcPhaseKind::Sweep,
                });
                log.push(Event::Stw {
                    t_ns: t2,
                    edge: Edge::Stop,
                    reason: "GC mark termination".into(),
                });
                sample(&mut log, t2, live, goal, trigger, marked);
                phase = Phase::Sweep { until: tick + 25 };
                resume_at = t2;
                continue;
            }
            Phase::Sweep { until } if tick >= until => {
                live = marked + alloc_since_mark;
                log.push(Event::GcPhase {
                    t_ns: t,
                    cycle,
                    phase: GcPhaseKind::Off,
                });
                phase = Phase::Off;
            }
            _ => {}
        }

        // Scheduling: goroutine slices of 10 ticks; P0 runs the dedicated worker during mark.
        let marking = matches!(phase, Phase::Mark { .. });
        for p in 0..NPROCS {
            let pi = p as usize;
            if marking && p == 0 {
                continue;
            }
            let want = if tick % 10 == 0 || running[pi].is_none() {
                // An idle P (every 7th slice on P3) runs an idle mark worker when marking.
                let idle = p == 3 && (tick / 10) % 3 == 1;
                if idle {
                    None
                } else {
                    let mut g = 1 + (p as u64 + tick / 10) % NGOROUTINES;
                    while exited[g as usize] || running.contains(&Some(g)) {
                        g = 1 + g % NGOROUTINES;
                        if g == 1 + (p as u64 + tick / 10) % NGOROUTINES {
                            break;
                        }
                    }
                    Some(g)
                }
            } else {
                running[pi]
            };
            if want != running[pi] {
                if let Some(g) = running[pi].take() {
                    if let Some((ag, ap)) = assisting {
                        if ag == g && ap == p {
                            assisting = None;
                            log.push(Event::Assist {
                                t_ns: t,
                                goid: g,
                                p,
                                edge: Edge::Stop,
                                bytes: 16 << 10,
                            });
                        }
                    }
                    log.push(Event::GoPark {
                        t_ns: t,
                        goid: g,
                        p,
                        reason: "chan receive".into(),
                    });
                }
                if let Some(g) = want {
                    if !running.contains(&Some(g)) {
                        if worker_on[pi] {
                            worker_on[pi] = false;
                            log.push(Event::GcWorker {
                                t_ns: t,
                                p,
                                kind: GcWorkerKind::Idle,
                                edge: Edge::Stop,
                            });
                        }
                        log.push(Event::GoUnpark {
                            t_ns: t,
                            goid: g,
                            p: (p + 1) % NPROCS,
                        });
                        log.push(Event::GoStart {
                            t_ns: t,
                            goid: g,
                            p,
                        });
                        running[pi] = Some(g);
                    }
                }
                if running[pi].is_none() && marking && !worker_on[pi] {
                    worker_on[pi] = true;
                    log.push(Event::GcWorker {
                        t_ns: t,
                        p,
                        kind: GcWorkerKind::Idle,
                        edge: Edge::Start,
                    });
                }
            }
        }

        // The running goroutines allocate, grow stacks, sometimes assist.
        for p in 0..NPROCS {
            let Some(g) = running[p as usize] else {
                continue;
            };
            let mut tt = t + 1_000 + p as u64 * 300;
            if marking && assisting.is_none() && rng.next().is_multiple_of(9) {
                assisting = Some((g, p));
                log.push(Event::Assist {
                    t_ns: tt,
                    goid: g,
                    p,
                    edge: Edge::Start,
                    bytes: 0,
                });
            }
            for _ in 0..cfg.allocs_per_tick {
                let r = rng.next();
                let size = if r.is_multiple_of(997) {
                    40_000 + r % 60_000
                } else {
                    SIZES[(r >> 8) as usize % SIZES.len()]
                };
                let noscan = (r >> 20).is_multiple_of(3);
                let large = size > MAX_SMALL_ALLOC;
                let tiny = noscan && size < 16;
                let class = if large { 0 } else { size_to_class(size) };
                let slot = if large {
                    size.div_ceil(PAGE_SIZE) * PAGE_SIZE
                } else {
                    class_size(class)
                };
                log.push(Event::Alloc {
                    t_ns: tt,
                    goid: g,
                    p,
                    addr,
                    size,
                    size_class: class,
                    noscan,
                    tiny,
                    large,
                });
                addr += slot;
                live += slot;
                alloc_since_mark += slot;
                tt += TICK_NS / (cfg.allocs_per_tick + 2);
            }
            if let Some((ag, ap)) = assisting {
                if ag == g && ap == p && rng.next().is_multiple_of(2) {
                    assisting = None;
                    log.push(Event::Assist {
                        t_ns: tt,
                        goid: g,
                        p,
                        edge: Edge::Stop,
                        bytes: 32 << 10,
                    });
                }
            }
            // Deep recursion now and then: the stack doubles (up to 64 KiB, G1 to 256 KiB).
            let cap = if g == 1 { 256 << 10 } else { 64 << 10 };
            if rng.next().is_multiple_of(160) && stacks[g as usize] < cap {
                let from = stacks[g as usize];
                stacks[g as usize] = from * 2;
                log.push(Event::StackGrow {
                    t_ns: tt,
                    goid: g,
                    from,
                    to: from * 2,
                });
                log.push(Event::StackCopy {
                    t_ns: tt,
                    goid: g,
                    from,
                    to: from * 2,
                    copied: from / 3,
                });
            }
            // G7 finishes its work two thirds of the way through.
            if g == NGOROUTINES && tick > cfg.ticks * 2 / 3 {
                exited[g as usize] = true;
                running[p as usize] = None;
                if assisting.map(|a| a.0) == Some(g) {
                    assisting = None;
                    log.push(Event::Assist {
                        t_ns: tt + 100,
                        goid: g,
                        p,
                        edge: Edge::Stop,
                        bytes: 16 << 10,
                    });
                }
                log.push(Event::GoExit {
                    t_ns: tt + 100,
                    goid: g,
                    p,
                });
                log.push(Event::StackFree {
                    t_ns: tt + 100,
                    goid: g,
                    from: stacks[g as usize],
                    to: 0,
                });
            }
        }
        if let Phase::Sweep { .. } = phase {
            // Sweeping frees the garbage a bit at a time.
            let target = marked + alloc_since_mark;
            if live > target {
                live -= (live - target) / 6;
            }
        }
        sample(&mut log, t + TICK_NS - 1, live, goal, trigger, marked);
    }
    let end = cfg.ticks * TICK_NS;
    for (p, r) in running.iter().enumerate() {
        if let Some(g) = r {
            log.push(Event::GoPark {
                t_ns: end,
                goid: *g,
                p: p as u32,
                reason: "end".into(),
            });
        }
    }
    // Ps run side by side: merge their events by time (stable, so the order of events at the
    // same instant is kept).
    log.events.sort_by_key(Event::t_ns);
    log
}
