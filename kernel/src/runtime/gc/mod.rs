//! # The garbage collector: concurrent tri-colour mark-sweep, as in Go 1.27.3
//!
//! Go's collector is non-moving, non-generational and concurrent. A cycle goes through
//! four phases ([`GcPhase`]); two of them stop the world (STW), but only briefly:
//!
//! ```text
//!  Off/Sweep ──trigger──► SweepTermination ──► Mark ─────────────► MarkTermination ──► Sweep ──► Off
//!                          (STW: finish the     (concurrent: roots,  (STW: flush barrier   (concurrent:
//!                           last sweep, size     workers, assists,    buffers, account,     lazy, proportional,
//!                           the workers, turn    allocate black,      turn the barrier      background)
//!                           the barrier on)      write barrier)       off, start sweeping)
//! ```
//!
//! The VM drives it. After each allocation it calls [`Gc::on_alloc`], which marks the new
//! object black while marking, charges the allocating goroutine a mark *assist* if it
//! outruns the background workers, pays sweep debt while sweeping, and says when the heap
//! has reached the pacer's *trigger* (see [`pacer`]); the VM then calls
//! [`Gc::start_cycle`] with its [`RootSource`] (globals and goroutine frames). While the
//! phase is [`GcPhase::Mark`] the VM gives the background workers time with
//! [`Gc::mark_step`] (once per scheduler slice: 25 % of GOMAXPROCS is theirs), routes
//! every heap pointer store through [`Gc::write_pointer`] (the write barrier, see
//! [`barrier`]), and when `mark_step` reports that no grey work is left it calls
//! [`Gc::finish_mark`]. Sweeping then proceeds by itself through allocation, and through
//! [`Gc::background_sweep`] when a P is idle. [`Gc::gc`] is `runtime.GC()`: it completes a
//! whole cycle, sweep included, before returning. [`GcConfig::stress`] collects at every
//! allocation, a classic way of flushing out missing roots or barriers.
//!
//! Time is virtual: the VM passes its clock (ns since program start) to the phase changes,
//! and a small [`CostModel`] turns scan work into CPU time for the `gctrace` line. Every
//! phase change, worker step, assist, barrier shade and pacer sample is recorded as a
//! [`GcEvent`].

pub mod barrier;
pub mod mark;
pub mod pacer;
pub mod scavenge;
pub mod sweep;

pub use barrier::{check_marks, LostObject, WriteBarrier};
pub use mark::{GreenTea, MarkStats, Marker, Root, RootKind, RootSource, RootWords, VecRoots};
pub use pacer::{Pacer, TraceLine, NO_MEMORY_LIMIT};
pub use scavenge::Scavenger;
pub use sweep::Sweeper;

use crate::runtime::Heap;

/// The collector's phase (Go's `gcphase` plus the STW windows around it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum GcPhase {
    /// No cycle running and every span swept.
    Off,
    /// STW: finishing the previous sweep, preparing the cycle.
    SweepTermination,
    /// Concurrent marking; the write barrier is on and new objects are black.
    Mark,
    /// STW: marking is complete, accounting and starting the sweep.
    MarkTermination,
    /// Concurrent sweeping (Go's `_GCoff` with unswept spans).
    Sweep,
}

/// Something the collector did, for the observability layer.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub enum GcEvent {
    /// The phase changed at virtual time `t` (ns).
    Phase {
        /// Cycle number (the one running or just finished).
        cycle: u32,
        /// New phase.
        phase: GcPhase,
        /// Virtual ns.
        t: u64,
    },
    /// A background mark worker step did `work` bytes of scanning.
    Worker {
        /// Cycle.
        cycle: u32,
        /// Scan work.
        work: u64,
    },
    /// An allocation on P `p` paid an assist of `work` bytes of scanning.
    Assist {
        /// Cycle.
        cycle: u32,
        /// P.
        p: usize,
        /// Scan work.
        work: u64,
    },
    /// The write barrier flushed a buffer of `shaded` pointers on P `p`.
    BarrierFlush {
        /// Cycle.
        cycle: u32,
        /// P.
        p: usize,
    },
    /// A pacer sample.
    Heap {
        /// Cycle.
        cycle: u32,
        /// heapLive.
        live: u64,
        /// Heap goal.
        goal: u64,
        /// Trigger.
        trigger: u64,
    },
}

/// Virtual CPU costs used to time the cycle for `gctrace`.
#[derive(Clone, Copy, Debug)]
pub struct CostModel {
    /// Duration of the sweep-termination STW pause.
    pub sweep_term_ns: u64,
    /// Duration of the mark-termination STW pause.
    pub mark_term_ns: u64,
    /// CPU ns per byte of scan work.
    pub ns_per_scan_byte: f64,
}

impl Default for CostModel {
    fn default() -> Self {
        // Orders of magnitude seen in gctrace on a small program: ~50 µs and ~10 µs pauses,
        // about 1 GB/s of scanning per CPU.
        CostModel {
            sweep_term_ns: 50_000,
            mark_term_ns: 10_000,
            ns_per_scan_byte: 1.0,
        }
    }
}

/// How to build a [`Gc`].
#[derive(Clone, Debug)]
pub struct GcConfig {
    /// GOGC; `None` = off.
    pub gogc: Option<u32>,
    /// GOMEMLIMIT in bytes ([`NO_MEMORY_LIMIT`] = unset).
    pub memory_limit: u64,
    /// Green Tea or the classic marker.
    pub green_tea: GreenTea,
    /// The write barrier (teaching switch).
    pub write_barrier: bool,
    /// Check after every mark phase that no reachable object is unmarked (always done when
    /// the barrier is off).
    pub verify: bool,
    /// Collect on every allocation.
    pub stress: bool,
    /// Non-heap mapped memory (stacks, runtime metadata), for the memory limit.
    pub other_mapped: u64,
    /// Virtual costs.
    pub costs: CostModel,
}

impl Default for GcConfig {
    fn default() -> Self {
        GcConfig {
            gogc: Some(100),
            memory_limit: NO_MEMORY_LIMIT,
            green_tea: GreenTea::On,
            write_barrier: true,
            verify: false,
            stress: false,
            other_mapped: 0,
            costs: CostModel::default(),
        }
    }
}

/// What one finished mark phase produced.
#[derive(Clone, Debug)]
pub struct CycleReport {
    /// The gctrace numbers.
    pub trace: TraceLine,
    /// Reachable objects the mark phase missed (only with the barrier off or `verify`).
    pub lost: Vec<LostObject>,
    /// Marking counters.
    pub stats: MarkStats,
}

#[derive(Clone, Debug, Default)]
struct Cycle {
    t_sweep_term: u64,
    t_mark: u64,
    heap0: u64,
    goal: u64,
    forced: bool,
    assist_work: u64,
    background_work: u64,
    stack_scan: u64,
    globals_scan: u64,
}

/// The collector.
#[derive(Debug)]
pub struct Gc {
    /// Current phase.
    pub phase: GcPhase,
    /// Settings.
    pub config: GcConfig,
    /// The pacer.
    pub pacer: Pacer,
    /// The marker.
    pub marker: Marker,
    /// The write barrier.
    pub barrier: WriteBarrier,
    /// The sweeper.
    pub sweeper: Sweeper,
    /// The scavenger.
    pub scavenger: Scavenger,
    /// Everything that happened.
    pub events: Vec<GcEvent>,
    /// gctrace lines (`GODEBUG=gctrace=1`).
    pub trace: Vec<String>,
    /// gcpacertrace lines.
    pub pacer_trace: Vec<String>,
    /// One report per finished cycle.
    pub reports: Vec<CycleReport>,
    /// Completed cycles.
    pub num_gc: u32,
    assist_debt: Vec<f64>,
    gc_cpu_ns: u64,
    cycle: Cycle,
    limit_goal: u64,
}

impl Gc {
    /// A collector for a heap with `heap.gomaxprocs()` Ps.
    pub fn new(heap: &Heap, config: GcConfig) -> Self {
        let procs = heap.gomaxprocs();
        let mut pacer = Pacer::new(procs, config.gogc);
        pacer.memory_limit = config.memory_limit;
        pacer.other_mapped = config.other_mapped;
        let mut barrier = WriteBarrier::new(procs);
        barrier.enabled = config.write_barrier;
        let mut gc = Gc {
            phase: GcPhase::Off,
            marker: Marker::new(config.green_tea),
            config,
            pacer,
            barrier,
            sweeper: Sweeper::default(),
            scavenger: Scavenger::default(),
            events: Vec::new(),
            trace: Vec::new(),
            pacer_trace: Vec::new(),
            reports: Vec::new(),
            num_gc: 0,
            assist_debt: vec![0.0; procs],
            gc_cpu_ns: 0,
            cycle: Cycle::default(),
            limit_goal: u64::MAX,
        };
        gc.update_limit_goal(heap);
        gc
    }

    /// Whether the write barrier is active (Go's `writeBarrier.enabled`).
    pub fn write_barrier_active(&self) -> bool {
        matches!(self.phase, GcPhase::Mark | GcPhase::MarkTermination)
    }

    /// `heapLive`: bytes allocated and not known to be dead.
    pub fn heap_live(&self) -> u64 {
        self.pacer.heap_live
    }

    /// The current `(trigger, goal)`.
    pub fn trigger(&self) -> (u64, u64) {
        self.pacer.trigger(self.limit_goal)
    }

    fn update_limit_goal(&mut self, heap: &Heap) {
        let h = heap.mheap();
        let mapped_ready = h.heap_sys() - h.heap_released + self.pacer.other_mapped;
        // HeapAlloc, not heapLive: dead objects in unswept spans still occupy memory.
        let heap_alloc = heap
            .mem_stats_unflushed()
            .heap_alloc
            .max(self.pacer.heap_live);
        self.limit_goal = self
            .pacer
            .memory_limit_goal(mapped_ready, h.heap_free, heap_alloc);
    }

    /// Whether a cycle should start now that `heap_live` bytes are live (Go's
    /// `gcTrigger.test` for `gcTriggerHeap`).
    pub fn maybe_trigger(&self, heap_live: u64) -> bool {
        if matches!(
            self.phase,
            GcPhase::Mark | GcPhase::MarkTermination | GcPhase::SweepTermination
        ) {
            return false;
        }
        if self.config.stress {
            return true;
        }
        heap_live >= self.trigger().0
    }

    /// The VM's allocation hook, called after `heap.malloc(p, size, …)` returned `addr`.
    /// Returns `true` when the VM should start a cycle ([`Gc::start_cycle`]).
    pub fn on_alloc(&mut self, heap: &mut Heap, p: usize, addr: u64, size: u64) -> bool {
        let bytes = if size == 0 {
            0
        } else if size < 16 {
            size
        } else {
            heap.size_class_of(size).size
        };
        self.pacer.heap_live += bytes;
        match self.phase {
            GcPhase::Mark => {
                self.marker.alloc_black(heap, addr);
                if !self.pacer.limiter.enabled {
                    self.assist_debt[p] += bytes as f64 * self.pacer.assist_work_per_byte;
                    if self.assist_debt[p] >= 1.0 && self.marker.has_work() {
                        let want = self.assist_debt[p] as u64 + pacer::OVER_ASSIST_WORK;
                        let work = self.marker.drain(heap, want);
                        self.assist_debt[p] -= work as f64;
                        self.cycle.assist_work += work;
                        if work > 0 {
                            self.events.push(GcEvent::Assist {
                                cycle: self.num_gc + 1,
                                p,
                                work,
                            });
                        }
                    }
                }
            }
            GcPhase::Sweep => {
                self.sweeper.deduct_credit(heap, bytes);
                // About once per MiB allocated, check whether sweeping is complete.
                if bytes > 0
                    && self.sweeper.allocated % (1 << 20) < bytes
                    && !self.sweeper.pending(heap)
                {
                    self.phase = GcPhase::Off;
                }
            }
            _ => {}
        }
        if self.pacer.memory_limit != NO_MEMORY_LIMIT {
            self.update_limit_goal(heap);
        }
        self.maybe_trigger(self.pacer.heap_live)
    }

    /// Sweep termination and mark setup: finishes the previous sweep, sizes the workers,
    /// turns the barrier on and scans the roots. `now` is the VM's clock (ns).
    pub fn start_cycle(&mut self, heap: &mut Heap, roots: &dyn RootSource, now: u64) {
        self.start_cycle_inner(heap, roots, now, false)
    }

    fn start_cycle_inner(
        &mut self,
        heap: &mut Heap,
        roots: &dyn RootSource,
        now: u64,
        forced: bool,
    ) {
        assert!(
            matches!(self.phase, GcPhase::Off | GcPhase::Sweep),
            "start_cycle during {:?}",
            self.phase
        );
        let n = self.num_gc + 1;
        self.set_phase(GcPhase::SweepTermination, now);
        self.sweeper.finish(heap);
        self.update_limit_goal(heap);
        let (trigger, goal) = self.trigger();
        self.events.push(GcEvent::Heap {
            cycle: n,
            live: self.pacer.heap_live,
            goal,
            trigger,
        });
        self.cycle = Cycle {
            t_sweep_term: now,
            t_mark: now + self.config.costs.sweep_term_ns,
            heap0: self.pacer.heap_live,
            goal,
            forced,
            ..Default::default()
        };
        self.marker.reset();
        self.barrier.reset();
        self.assist_debt.iter_mut().for_each(|d| *d = 0.0);
        self.pacer.start_cycle(goal);
        self.pacer_trace.push(self.pacer.pacer_trace_start(goal));
        let t_mark = self.cycle.t_mark;
        self.set_phase(GcPhase::Mark, t_mark);
        // Roots: scanned once, now; the hybrid barrier covers later changes.
        let (mut stacks, mut globals) = (0, 0);
        let marker = &mut self.marker;
        roots.for_each_root(&mut |r| {
            match r.kind {
                RootKind::Global => globals += r.scan_bytes(),
                RootKind::Stack { .. } => stacks += r.scan_bytes(),
            }
            r.for_each_pointer(heap, |_, v| {
                if v != 0 {
                    marker.shade(heap, v);
                }
            });
        });
        self.cycle.stack_scan = stacks;
        self.cycle.globals_scan = globals;
        self.cycle.background_work += stacks + globals;
    }

    /// Lets the background mark workers scan about `budget` bytes. Returns `true` when no
    /// grey work is left (the VM should then call [`Gc::finish_mark`]).
    pub fn mark_step(&mut self, heap: &Heap, budget: u64) -> bool {
        if self.phase != GcPhase::Mark {
            return true;
        }
        let work = self.marker.drain(heap, budget);
        if work > 0 {
            self.cycle.background_work += work;
            self.events.push(GcEvent::Worker {
                cycle: self.num_gc + 1,
                work,
            });
        }
        let goal = self.cycle.goal;
        let done = self.marker.stats.scan_work;
        self.pacer.revise(goal, done);
        !self.marker.has_work()
    }

    /// The write barrier for the store `*slot = new` whose old contents are `old`, made
    /// on P `p`. Call it for every heap pointer store (not for stack slots); it does
    /// nothing outside marking.
    pub fn write_barrier(&mut self, heap: &Heap, p: usize, slot: u64, old: u64, new: u64) {
        if !self.write_barrier_active() {
            return;
        }
        let flushes = self.barrier.flushes;
        self.barrier
            .record(heap, &mut self.marker, p, slot, old, new);
        if self.barrier.flushes != flushes {
            self.events.push(GcEvent::BarrierFlush {
                cycle: self.num_gc + 1,
                p,
            });
        }
    }

    /// Stores the pointer `new` at `slot` in simulated memory, through the write barrier.
    pub fn write_pointer(&mut self, heap: &mut Heap, p: usize, slot: u64, new: u64) {
        let old = heap.mem.read_u64(slot).unwrap_or(0);
        self.write_barrier(heap, p, slot, old, new);
        heap.mem
            .write_u64(slot, new)
            .expect("pointer store to unmapped memory");
    }

    /// Mark completion and termination: flushes the barrier buffers, drains what is left,
    /// checks the marks (barrier off or `verify`), accounts the cycle, prints the gctrace
    /// line and starts sweeping.
    pub fn finish_mark(
        &mut self,
        heap: &mut Heap,
        roots: &dyn RootSource,
        now: u64,
    ) -> &CycleReport {
        assert_eq!(self.phase, GcPhase::Mark, "finish_mark outside marking");
        let procs = heap.gomaxprocs();
        self.barrier.flush_all(heap, &mut self.marker);
        let mut rest = self.marker.drain_all(heap);
        // Follow the edges the mutator keeps outside memory until nothing new turns grey.
        let mut late = Vec::new();
        loop {
            late.clear();
            roots.late_roots(heap, &mut late);
            let mut greyed = false;
            for &p in &late {
                greyed |= p != 0 && self.marker.shade(heap, p);
            }
            if !greyed {
                break;
            }
            rest += self.marker.drain_all(heap);
        }
        self.cycle.background_work += rest;
        let t_mark_term = now.max(self.cycle.t_mark);
        self.set_phase(GcPhase::MarkTermination, t_mark_term);
        let lost = if !self.barrier.enabled || self.config.verify {
            check_marks(heap, roots, &self.barrier.log)
        } else {
            Vec::new()
        };
        // Live bytes from the mark bits: the same whatever the thread count.
        let (mut marked, mut heap_scan) = (0u64, 0u64);
        for (_, s) in heap.mheap().spans() {
            if s.state == crate::runtime::mspan::SpanState::InUse {
                let b = s.marked_count() as u64 * s.elemsize;
                marked += b;
                if !s.spanclass.noscan() {
                    heap_scan += b;
                }
            }
        }
        let c = self.cycle.clone();
        let t_end = t_mark_term + self.config.costs.mark_term_ns;
        let cost = self.config.costs.ns_per_scan_byte;
        let assist_ns = (c.assist_work as f64 * cost) as u64;
        let background_ns = (c.background_work as f64 * cost) as u64;
        let stw_ns = procs as u64 * (c.t_mark - c.t_sweep_term + t_end - t_mark_term);
        self.gc_cpu_ns += assist_ns + background_ns + stw_ns;
        let mark_ns = (t_mark_term - c.t_mark).max(1);
        let assist_util = assist_ns as f64 / (mark_ns * procs as u64) as f64;
        let mutator_ns = (mark_ns * procs as u64).saturating_sub(assist_ns + background_ns);
        self.pacer
            .limiter
            .update(assist_ns + background_ns + stw_ns, mutator_ns);
        let heap1 = self.pacer.heap_live;
        self.pacer.end_cycle(
            c.goal,
            marked,
            heap_scan,
            c.stack_scan,
            c.globals_scan,
            self.marker.stats.scan_work + c.stack_scan + c.globals_scan,
            assist_util,
        );
        self.num_gc += 1;
        let line = TraceLine {
            num: self.num_gc,
            t_sweep_term: c.t_sweep_term,
            t_mark: c.t_mark,
            t_mark_term,
            t_end,
            cpu_fraction: self.gc_cpu_ns as f64 / (t_end.max(1) * procs as u64) as f64,
            assist_ns,
            background_ns,
            idle_ns: 0,
            heap0: c.heap0,
            heap1,
            heap2: marked,
            goal: c.goal,
            stacks: c.stack_scan,
            globals: c.globals_scan,
            procs,
            forced: c.forced,
        };
        self.trace.push(line.to_string());
        // MemStats.
        heap.gc.num_gc = self.num_gc;
        if c.forced {
            heap.gc.num_forced_gc += 1;
        }
        let pause = c.t_mark - c.t_sweep_term + t_end - t_mark_term;
        heap.gc.pause_total_ns += pause;
        heap.gc.pause_ns.push(pause);
        heap.gc.last_gc = t_end;
        heap.gc.gc_cpu_fraction = line.cpu_fraction;
        // Sweep setup.
        heap.begin_sweep();
        self.sweeper.begin(heap);
        self.update_limit_goal(heap);
        let (trigger, goal) = self.trigger();
        heap.gc.next_gc = goal;
        self.sweeper.pace(self.pacer.heap_live, trigger);
        self.scavenger.pace(
            heap.mheap().heap_inuse,
            goal,
            c.goal,
            self.pacer.memory_limit,
        );
        self.events.push(GcEvent::Heap {
            cycle: self.num_gc,
            live: self.pacer.heap_live,
            goal,
            trigger,
        });
        self.set_phase(GcPhase::Sweep, t_end);
        self.reports.push(CycleReport {
            trace: line,
            lost,
            stats: self.marker.stats.clone(),
        });
        self.reports.last().unwrap()
    }

    /// Background sweeping on an idle P: sweeps up to `spans` spans. Returns whether
    /// sweeping is complete (the phase is then [`GcPhase::Off`]).
    pub fn background_sweep(&mut self, heap: &mut Heap, spans: usize) -> bool {
        if self.phase != GcPhase::Sweep {
            return self.phase == GcPhase::Off;
        }
        let done = self.sweeper.background(heap, spans);
        if done {
            self.phase = GcPhase::Off;
        }
        done
    }

    /// One background scavenger step of at most `budget` bytes.
    pub fn scavenge_step(&mut self, heap: &mut Heap, budget: u64) -> u64 {
        self.scavenger.step(heap, self.pacer.other_mapped, budget)
    }

    /// `runtime.GC()`: finishes a running mark phase, runs a complete forced cycle and
    /// sweeps everything before returning. Returns the forced cycle's report.
    pub fn gc(&mut self, heap: &mut Heap, roots: &dyn RootSource, now: u64) -> &CycleReport {
        let mut now = now;
        if self.phase == GcPhase::Mark {
            self.marker.drain_all(heap);
            now = self.finish_mark(heap, roots, now).trace.t_end;
        }
        self.start_cycle_inner(heap, roots, now, true);
        let work = self.marker.drain_all(heap);
        self.cycle.background_work += work;
        let t = self.cycle.t_mark + (work as f64 * self.config.costs.ns_per_scan_byte) as u64;
        self.finish_mark(heap, roots, t);
        self.sweeper.finish(heap);
        self.phase = GcPhase::Off;
        self.reports.last().unwrap()
    }

    /// `debug.FreeOSMemory()`: `runtime.GC()` then release every free page.
    pub fn free_os_memory(&mut self, heap: &mut Heap, roots: &dyn RootSource, now: u64) -> u64 {
        self.gc(heap, roots, now);
        self.scavenger.release_all(heap)
    }

    /// `debug.SetGCPercent`; `None` turns the GC off. Returns the old setting (-1 = off).
    pub fn set_gc_percent(&mut self, gogc: Option<u32>) -> i64 {
        self.config.gogc = gogc;
        self.pacer
            .set_gc_percent(gogc, self.phase == GcPhase::Sweep)
    }

    /// `debug.SetMemoryLimit`; returns the old limit.
    pub fn set_memory_limit(&mut self, heap: &Heap, limit: u64) -> u64 {
        self.config.memory_limit = limit;
        let old = self.pacer.set_memory_limit(limit);
        self.update_limit_goal(heap);
        old
    }

    fn set_phase(&mut self, phase: GcPhase, t: u64) {
        self.phase = phase;
        let cycle = if matches!(phase, GcPhase::Sweep) {
            self.num_gc
        } else {
            self.num_gc + 1
        };
        self.events.push(GcEvent::Phase { cycle, phase, t });
    }
}
