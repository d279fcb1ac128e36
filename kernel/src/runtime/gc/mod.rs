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
//! and the [`CostModel`] says what allocation, marking and the pauses cost. The VM advances
//! its clock by those costs (an allocation, an assist), so a mark phase lasts as long,
//! relative to the program's allocation, as it does in real Go, and as many bytes are
//! allocated black meanwhile. Every
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

/// What the runtime's work costs in virtual time. The VM's clock advances by these amounts,
/// so they decide how long a mark phase lasts relative to the program's allocation, and
/// with it how many bytes are allocated black during marking, the next cycle's marked heap
/// and goal.
///
/// The numbers were measured with real Go 1.27.3 under `GOMAXPROCS=2` on the machine that
/// made the goldens (a shared 2-core VM):
///
/// - **Allocation** (`kernel/tests/gc/cost/main.go`: `make([]byte, n)` in a loop over an
///   8 MiB live ring, best of three): about 33 ns for 16 B, 49 ns for 64 B, 103 ns for 256 B,
///   318 ns for 1 KiB, 830 ns for 4 KiB, i.e. `25 ns + 0.25 ns/byte` for small objects (the
///   per-byte part is zeroing cold memory plus the sweeping and GC work amortized over the
///   bytes); large objects cost about `1 µs + 0.015 ns/byte` (1.9 µs for 32 KiB, 3 µs for
///   128 KiB: a span from the page heap, mostly zeroed by the OS).
/// - **Marking** (the gctrace clock and cpu columns of the corpus `kernel/tests/gc/golden`):
///   a mark phase with almost nothing to mark (`large`: 48 objects) still lasts 0.1–0.3 ms of
///   wall clock (waking the mark workers, the mark-completion ragged barrier), hence
///   `mark_min_ns`; the rest grows with the work: about 40 ns of CPU per object marked (`ring`:
///   assist + background + idle CPU of about 0.4 ms for 8192 objects found by scanning
///   192 KiB) and 0.17 ns per byte scanned (`ptrstruct`, 2 MiB scanned, marks ~0.7 ms longer
///   than `ring`'s at the fractional worker's half P).
/// - **Background workers**: `worker_efficiency` scales their nominal 25 % of GOMAXPROCS. It
///   stays 1.0: the gctrace cpu columns on the loaded golden machine show only about 0.1 P of
///   background + idle work per unit of mark clock (0.2 of nominal), but that value made the
///   corpus agree less (pointer-dense programs marked far too long; see
///   `kernel/tests/gc/DIFFERENCES.md`).
/// - **Pauses**: sweep termination 0.02–0.15 ms and mark termination 0.003–0.1 ms of clock.
#[derive(Clone, Copy, Debug)]
pub struct CostModel {
    /// Duration of the sweep-termination STW pause.
    pub sweep_term_ns: u64,
    /// Duration of the mark-termination STW pause.
    pub mark_term_ns: u64,
    /// Shortest concurrent mark phase (wall clock): the mark workers' start-up and the
    /// ragged barrier of mark completion (`gcMarkDone` flushing every P).
    pub mark_min_ns: u64,
    /// CPU ns per byte of scan work.
    pub ns_per_scan_byte: f64,
    /// CPU ns per object greyed (finding its span, setting its mark bit, queueing it).
    pub ns_per_object: f64,
    /// The share of their nominal time (25 % of GOMAXPROCS) that the background mark
    /// workers really get on the CPU.
    pub worker_efficiency: f64,
    /// `mallocgc` of a small object (≤ 32 KiB): fixed ns…
    pub alloc_ns: f64,
    /// …plus ns per byte of its size class.
    pub alloc_ns_per_byte: f64,
    /// A large object (its own span): fixed ns…
    pub large_alloc_ns: f64,
    /// …plus ns per byte.
    pub large_alloc_ns_per_byte: f64,
}

impl Default for CostModel {
    fn default() -> Self {
        CostModel {
            sweep_term_ns: 50_000,
            mark_term_ns: 40_000,
            mark_min_ns: 150_000,
            ns_per_scan_byte: 0.17,
            ns_per_object: 40.0,
            worker_efficiency: 1.0,
            alloc_ns: 25.0,
            alloc_ns_per_byte: 0.25,
            large_alloc_ns: 1000.0,
            large_alloc_ns_per_byte: 0.015,
        }
    }
}

impl CostModel {
    /// Virtual ns of one `mallocgc` of `bytes` (its size-class size; `large` for an object
    /// with its own span).
    pub fn alloc(&self, bytes: u64, large: bool) -> u64 {
        if large {
            (self.large_alloc_ns + self.large_alloc_ns_per_byte * bytes as f64) as u64
        } else {
            (self.alloc_ns + self.alloc_ns_per_byte * bytes as f64) as u64
        }
    }

    /// CPU ns of marking work: `scan` bytes scanned and `objects` objects greyed.
    pub fn mark(&self, scan: u64, objects: u64) -> f64 {
        scan as f64 * self.ns_per_scan_byte + objects as f64 * self.ns_per_object
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
    /// CPU ns of the assists and of the background workers (see [`CostModel::mark`]).
    assist_ns: f64,
    background_ns: f64,
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
    /// Scan work the background workers did beyond what assists already stole from them
    /// (Go's `bgScanCredit`): an allocating goroutine in debt takes it before scanning.
    bg_credit: f64,
    /// Worker time granted by [`Gc::mark_step_ns`] and not used yet (negative: overdrawn by
    /// the last scan item, which cannot be split).
    worker_ns: f64,
    /// CPU ns the mutator spent in mark assists; the VM adds it to its clock, because an
    /// assisting goroutine runs no Go code meanwhile.
    pub mutator_ns: u64,
    /// An allocating goroutine is in assist debt with no grey work left to pay it with: in
    /// Go it parks on the assist queue (`gcParkAssist`) until the mark phase ends.
    pub assist_parked: bool,
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
            bg_credit: 0.0,
            worker_ns: 0.0,
            mutator_ns: 0,
            assist_parked: false,
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
                    self.assist(heap, p, bytes);
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

    /// Go's `gcAssistAlloc` for `bytes` just allocated on P `p`: the goroutine owes
    /// `assistWorkPerByte × bytes` of scan work; it first takes background credit, then
    /// scans at least `gcOverAssistWork` itself (its CPU time goes to [`Gc::mutator_ns`]);
    /// with debt left and no grey work it parks until the mark phase ends.
    fn assist(&mut self, heap: &Heap, p: usize, bytes: u64) {
        self.assist_debt[p] += bytes as f64 * self.pacer.assist_work_per_byte;
        if self.assist_debt[p] < 1.0 {
            return;
        }
        let steal = self.bg_credit.min(self.assist_debt[p]);
        self.bg_credit -= steal;
        self.assist_debt[p] -= steal;
        if self.assist_debt[p] < 1.0 {
            return;
        }
        if !self.marker.has_work() {
            self.assist_parked = true;
            return;
        }
        let want = (self.assist_debt[p] as u64).max(pacer::OVER_ASSIST_WORK);
        let (work, ns) = self.drain_timed(heap, want);
        self.assist_debt[p] -= work as f64;
        self.cycle.assist_work += work;
        self.cycle.assist_ns += ns;
        self.mutator_ns += ns as u64;
        if work > 0 {
            self.events.push(GcEvent::Assist {
                cycle: self.num_gc + 1,
                p,
                work,
            });
        }
    }

    /// Drains about `budget` bytes of scan work; returns the work and its CPU ns.
    fn drain_timed(&mut self, heap: &Heap, budget: u64) -> (u64, f64) {
        let objects = self.marker.stats.objects_marked;
        let work = self.marker.drain(heap, budget);
        let ns = self
            .config
            .costs
            .mark(work, self.marker.stats.objects_marked - objects);
        (work, ns)
    }

    /// Gives the background mark workers `ns` of CPU time (the VM passes 25 % of
    /// GOMAXPROCS of the virtual time that passed). Returns `true` when no grey work is
    /// left. Work beyond what assists have taken becomes background credit.
    pub fn mark_step_ns(&mut self, heap: &Heap, ns: f64) -> bool {
        if self.phase != GcPhase::Mark {
            return true;
        }
        self.worker_ns += ns;
        while self.worker_ns > 0.0 && self.marker.has_work() {
            // Scan in slices of about the bytes the time left buys.
            let budget = (self.worker_ns / self.config.costs.ns_per_scan_byte) as u64;
            let (work, ns) = self.drain_timed(heap, budget.max(1));
            self.worker_ns -= ns;
            self.cycle.background_work += work;
            self.cycle.background_ns += ns;
            self.bg_credit += work as f64;
            if work > 0 {
                self.events.push(GcEvent::Worker {
                    cycle: self.num_gc + 1,
                    work,
                });
            }
        }
        if !self.marker.has_work() {
            // Idle workers do not bank time.
            self.worker_ns = self.worker_ns.min(0.0);
        }
        let goal = self.cycle.goal;
        let done = self.marker.stats.scan_work;
        self.pacer.revise(goal, done);
        !self.marker.has_work()
    }

    /// Updates the non-heap mapped memory (stacks, runtime metadata) that the memory limit
    /// counts ([`GcConfig::other_mapped`]).
    pub fn set_other_mapped(&mut self, bytes: u64) {
        self.config.other_mapped = bytes;
        self.pacer.other_mapped = bytes;
    }

    /// When the current (or last) concurrent mark phase began, in virtual ns.
    pub fn mark_start_ns(&self) -> u64 {
        self.cycle.t_mark
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
        self.bg_credit = 0.0;
        self.worker_ns = 0.0;
        self.assist_parked = false;
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
        self.cycle.background_ns += self.config.costs.mark(stacks + globals, 0);
    }

    /// Lets the background mark workers scan about `budget` bytes. Returns `true` when no
    /// grey work is left (the VM should then call [`Gc::finish_mark`]).
    pub fn mark_step(&mut self, heap: &Heap, budget: u64) -> bool {
        if self.phase != GcPhase::Mark {
            return true;
        }
        let (work, ns) = self.drain_timed(heap, budget);
        if work > 0 {
            self.cycle.background_work += work;
            self.cycle.background_ns += ns;
            self.bg_credit += work as f64;
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
        self.cycle.background_ns += self.config.costs.mark(rest, 0);
        self.assist_parked = false;
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
        let assist_ns = c.assist_ns as u64;
        let background_ns = c.background_ns as u64;
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
        // The caller waits, so every P is idle and runs a mark worker.
        let (work, ns) = self.drain_timed(heap, u64::MAX);
        self.cycle.background_work += work;
        self.cycle.background_ns += ns;
        let procs = heap.gomaxprocs().max(1) as f64;
        let t = self.cycle.t_mark + (self.config.costs.mark_min_ns as f64).max(ns / procs) as u64;
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
