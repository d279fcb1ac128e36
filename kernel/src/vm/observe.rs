//! # Observing a run: the VM's side of the event log
//!
//! With [`super::RunOptions::trace`] on, the VM records what happens as [`Event`]s on the
//! virtual clock, for the Chrome/Perfetto trace ([`crate::trace`]) and the plots
//! ([`crate::plot`]). Recording is off by default: a plain `gomem run` pays one branch per
//! allocation for it.
//!
//! Who emits what:
//! - **allocations** ([`Event::Alloc`]) from `malloc_raw`, with the size class the request
//!   landed in, and a [`Event::HeapSample`] of the pacer's numbers (live heap, goal, trigger,
//!   last marked heap, GOMEMLIMIT) whenever the live heap has moved by 1/64 of the goal;
//! - the **collector's** own record ([`crate::runtime::gc::GcEvent`]) is translated after each
//!   step: phase changes become [`Event::GcPhase`] plus [`Event::Stw`] edges around the two
//!   stop-the-world phases, worker and assist scan work become [`Event::GcWorker`] and
//!   [`Event::Assist`] slices as long as the work costs, pacer samples become heap samples;
//! - the **stack model**'s records (allocation, growth with its copy, shrink, free) at the
//!   moment the VM sees them;
//! - the **scheduler**: a goroutine starts running on its P, parks (with the reason), is
//!   made ready, exits.
//!
//! For the heap map, the VM also keeps a few [`HeapSnapshot`]s of one chosen cycle
//! ([`super::RunOptions::heapmap_cycle`]): when marking starts, as it progresses, at mark
//! termination and when sweeping is done, with spans coloured grey (objects marked but not
//! yet scanned), black (all marked objects scanned) and swept.
//!
//! Virtual time never goes backwards in the log: an event stamped earlier than the last
//! one (the collector stamps phase changes ahead of the VM's clock by the pause length)
//! is moved to the last time.

use super::Vm;
use crate::events::{Edge, Event, EventLog, GcPhaseKind, GcWorkerKind};
use crate::plot::{CellState, HeapSnapshot};
use crate::runtime::gc::{GcEvent, GcPhase, NO_MEMORY_LIMIT};
use crate::runtime::sizeclass::MAX_SMALL_ALLOC;

/// Snapshots of the chosen cycle's mark phase (besides its start and end).
const MARK_SNAPSHOTS: usize = 4;

/// The VM's recorder.
#[derive(Default)]
pub struct Recorder {
    pub log: EventLog,
    /// Heap-map snapshots of the chosen cycle.
    pub snapshots: Vec<HeapSnapshot>,
    gc_seen: usize,
    last_t: u64,
    last_sample_live: u64,
    mark_steps: usize,
}

impl Recorder {
    fn push(&mut self, e: Event) {
        let t = e.t_ns().max(self.last_t);
        self.last_t = t;
        self.log.push(e.at(t));
    }
}

fn phase_kind(p: GcPhase) -> GcPhaseKind {
    match p {
        GcPhase::Off => GcPhaseKind::Off,
        GcPhase::SweepTermination => GcPhaseKind::SweepTermination,
        GcPhase::Mark => GcPhaseKind::Mark,
        GcPhase::MarkTermination => GcPhaseKind::MarkTermination,
        GcPhase::Sweep => GcPhaseKind::Sweep,
    }
}

impl Vm {
    /// Whether events are being recorded.
    #[inline]
    pub fn observing(&self) -> bool {
        self.rec.is_some()
    }

    /// Records an event (no-op when not observing).
    pub fn emit(&mut self, e: Event) {
        if let Some(r) = self.rec.as_deref_mut() {
            r.push(e);
        }
    }

    /// After an allocation of `size` bytes at `addr`.
    pub fn observe_alloc(&mut self, addr: u64, size: u64, noscan: bool) {
        let t_ns = self.now_ns();
        let goid = self.sched.cur_goid;
        let p = self.cur_p() as u32;
        let large = size > MAX_SMALL_ALLOC;
        let tiny = noscan && size < 16;
        let size_class = if large {
            0
        } else {
            self.heap.size_class_of(size).class
        };
        self.emit(Event::Alloc {
            t_ns,
            goid,
            p,
            addr,
            size,
            size_class,
            noscan,
            tiny,
            large,
        });
        let live = self.coll.gc.heap_live();
        let (_, goal) = self.coll.gc.trigger();
        let step = (goal / 64).max(8 << 10);
        let last = self.rec.as_ref().map_or(0, |r| r.last_sample_live);
        if live.abs_diff(last) >= step {
            self.heap_sample();
        }
        self.observe_gc();
    }

    /// A sample of the pacer's numbers, now.
    pub fn heap_sample(&mut self) {
        let t_ns = self.now_ns();
        let live = self.coll.gc.heap_live();
        let (trigger, goal) = self.coll.gc.trigger();
        let marked = self.coll.gc.pacer.heap_marked;
        let limit = self.coll.gc.pacer.memory_limit;
        if let Some(r) = self.rec.as_deref_mut() {
            r.last_sample_live = live;
            r.push(Event::HeapSample {
                t_ns,
                live,
                goal,
                trigger,
                marked,
                memory_limit: (limit != NO_MEMORY_LIMIT).then_some(limit),
            });
        }
    }

    /// Translates what the collector and the stack model recorded since the last call.
    pub fn observe_gc(&mut self) {
        if self.rec.is_none() {
            return;
        }
        let now = self.now_ns();
        let procs = self.opts.gomaxprocs as u32;
        let cost = self.coll.gc.config.costs.ns_per_scan_byte;
        let stack_records = self.stacks.take_events();
        let heap_records = self
            .heap
            .records
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default();
        let Some(r) = self.rec.as_deref_mut() else {
            return;
        };
        r.log
            .extend_stack_records(stack_records, |_| now.max(r.last_t));
        for h in heap_records {
            use crate::runtime::HeapRecord as H;
            r.push(match h {
                H::Free { addr, size, class } => Event::Free {
                    t_ns: now,
                    addr,
                    size,
                    size_class: class,
                },
                H::SpanAcquire {
                    p,
                    span,
                    class,
                    npages,
                } => Event::SpanAcquire {
                    t_ns: now,
                    p: p as u32,
                    span,
                    class,
                    npages,
                },
                H::SpanRelease {
                    p,
                    span,
                    class,
                    npages,
                } => Event::SpanRelease {
                    t_ns: now,
                    p: p as u32,
                    span,
                    class,
                    npages,
                },
            });
        }
        let new = &self.coll.gc.events[r.gc_seen..];
        r.gc_seen = self.coll.gc.events.len();
        let mut out = Vec::new();
        for e in new {
            match *e {
                GcEvent::Phase { cycle, phase, t } => {
                    let kind = phase_kind(phase);
                    match phase {
                        GcPhase::SweepTermination => out.push(Event::Stw {
                            t_ns: t,
                            edge: Edge::Start,
                            reason: "sweep termination".into(),
                        }),
                        GcPhase::MarkTermination => out.push(Event::Stw {
                            t_ns: t,
                            edge: Edge::Start,
                            reason: "mark termination".into(),
                        }),
                        _ => {}
                    }
                    out.push(Event::GcPhase {
                        t_ns: t,
                        cycle,
                        phase: kind,
                    });
                    if matches!(phase, GcPhase::Mark | GcPhase::Sweep) {
                        out.push(Event::Stw {
                            t_ns: t,
                            edge: Edge::Stop,
                            reason: if phase == GcPhase::Mark {
                                "sweep termination".into()
                            } else {
                                "mark termination".into()
                            },
                        });
                    }
                }
                GcEvent::Worker { work, .. } => {
                    // With GOMAXPROCS < 4 the 25 % is a fractional worker on the last P.
                    let kind = if procs >= 4 {
                        GcWorkerKind::Dedicated
                    } else {
                        GcWorkerKind::Fractional
                    };
                    let p = procs - 1;
                    let d = (work as f64 * cost) as u64;
                    out.push(Event::GcWorker {
                        t_ns: now,
                        p,
                        kind,
                        edge: Edge::Start,
                    });
                    out.push(Event::GcWorker {
                        t_ns: now + d,
                        p,
                        kind,
                        edge: Edge::Stop,
                    });
                }
                GcEvent::Assist { p, work, .. } => {
                    let d = (work as f64 * cost) as u64;
                    let goid = self.sched.cur_goid;
                    out.push(Event::Assist {
                        t_ns: now,
                        goid,
                        p: p as u32,
                        edge: Edge::Start,
                        bytes: work,
                    });
                    out.push(Event::Assist {
                        t_ns: now + d,
                        goid,
                        p: p as u32,
                        edge: Edge::Stop,
                        bytes: work,
                    });
                }
                GcEvent::Heap {
                    live,
                    goal,
                    trigger,
                    ..
                } => out.push(Event::HeapSample {
                    t_ns: now,
                    live,
                    goal,
                    trigger,
                    marked: self.coll.gc.pacer.heap_marked,
                    memory_limit: (self.coll.gc.pacer.memory_limit != NO_MEMORY_LIMIT)
                        .then_some(self.coll.gc.pacer.memory_limit),
                }),
                GcEvent::BarrierFlush { .. } => {}
            }
        }
        // Slices that end in the future (a worker's run) may interleave with later events;
        // the trace and the plots pair starts with stops, so order by time, stably.
        out.sort_by_key(Event::t_ns);
        for e in out {
            r.push(e);
        }
    }

    /// Takes a heap-map snapshot if this is the chosen cycle. `label` names the moment.
    pub fn observe_heap_map(&mut self, label: &str) {
        let cycle = self.coll.gc.num_gc + u32::from(self.coll.gc.phase == GcPhase::Mark);
        if self.rec.is_none() || cycle != self.opts.heapmap_cycle {
            return;
        }
        if label == "mark" {
            let Some(r) = self.rec.as_deref_mut() else {
                return;
            };
            r.mark_steps += 1;
            // Spread the snapshots over a mark phase of unknown length: steps 4, 16, 64, ...
            let n = r.mark_steps;
            if !(n.is_power_of_two() && n.trailing_zeros() % 2 == 0 && n > 1)
                || r.snapshots.len() > MARK_SNAPSHOTS
            {
                return;
            }
        }
        let t = self.now_ns();
        let mut snap = HeapSnapshot::from_heap(&self.heap).at(t, label);
        let grey = self.coll.gc.marker.grey_spans(&self.heap);
        let sweepgen = self.heap.mheap().sweepgen;
        let phase = self.coll.gc.phase;
        for c in &mut snap.spans {
            if c.state != CellState::Allocated {
                continue;
            }
            let Some((_, _, id)) = self.heap.find_object(c.base) else {
                continue;
            };
            let s = self.heap.span(id);
            let marked = s.marked_count() > 0;
            c.state = match phase {
                GcPhase::Mark | GcPhase::MarkTermination if grey.contains(&id) => CellState::Grey,
                GcPhase::Mark | GcPhase::MarkTermination if marked => CellState::Black,
                GcPhase::Sweep | GcPhase::Off if label != "mark" && s.sweepgen == sweepgen => {
                    CellState::Swept
                }
                _ => CellState::Allocated,
            };
        }
        if let Some(r) = self.rec.as_deref_mut() {
            r.snapshots.push(snap);
        }
    }
}
