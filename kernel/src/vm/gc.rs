//! # The VM side of the garbage collector: safe points, roots and the write barrier
//!
//! The collector itself ([`crate::runtime::gc`]) knows spans, mark bits and grey queues; this
//! module connects it to the running program, the way Go's compiler and scheduler connect
//! `runtime/mgc.go` to Go code.
//!
//! **Allocation.** Every heap allocation ([`Vm::malloc_raw`](super::Vm::malloc_raw)) calls
//! [`Gc::on_alloc`]: the new object is black while marking, the goroutine pays a mark assist
//! if it outruns the background workers, sweeping is paid for, and the pacer says whether the
//! heap has reached the trigger. A triggered cycle starts at the next *safe point*.
//!
//! **Safe points.** Go stops a goroutine for the GC only where the compiler recorded which
//! stack words are pointers. The VM's safe points are statement boundaries: before each
//! statement ([`Vm::gc_safe_point`]) the collector may start a cycle, let the background mark
//! workers scan a slice of the heap (see **Time** below), finish marking, or sweep a few
//! spans in the background.
//!
//! **Time.** The collector's pacing depends on how long a mark phase lasts compared with the
//! program's allocation: everything allocated meanwhile is black, survives the cycle and
//! raises the next goal. The VM's clock ([`Vm::now_ns`]) is therefore the sum of what the
//! program and the runtime cost, never the wall clock (the numbers and where they come from
//! are in [`crate::runtime::gc::CostModel`]):
//! - 2 ns per VM step (a statement or call);
//! - each `mallocgc`: 25 ns + 0.25 ns per byte of its size class for a small object,
//!   1 µs + 0.015 ns per byte for a large one (measured with `kernel/tests/gc/cost`);
//! - mark assists: the allocating goroutine scans (40 ns per object greyed, 0.17 ns per byte
//!   scanned) and runs no Go code meanwhile, as in `gcAssistAlloc`: it first takes the
//!   background workers' credit, then scans at least `gcOverAssistWork` (64 KiB);
//! - waiting on the assist queue: a goroutine still in debt when no grey work is left parks
//!   until marking ends (`gcParkAssist`);
//! - the pauses: sweep termination (50 µs) and mark termination (40 µs), and
//!   `runtime.GC()`'s whole cycle.
//!
//! The background workers get `25 % × GOMAXPROCS × worker_efficiency` of the virtual time
//! that passes (with 2 Ps, Go's fractional worker at half a P), handed out every 64
//! statements; a mark phase lasts at least `mark_min_ns` (150 µs, the workers' start-up and
//! the ragged barrier of mark completion, measured on `large`, which has almost nothing to
//! mark). Real Go also runs an idle worker on an idle P; gomem does not model idle Ps.
//!
//! **Memory limit.** `GOMEMLIMIT` counts every mapped byte, so after each allocation under a
//! limit the VM reports the runtime's other mapped memory to the collector: its stacks plus
//! the metadata model of [`crate::runtime::mstats::metadata`] (span descriptors, mcaches, the
//! profiling bucket table, GC bitmaps and work buffers, other), about 4–6 MB as in real Go.
//!
//! **Roots** ([`VmRoots`]) are what the program can reach without going through the heap:
//! - the package-level variables (the data segment, with a pointer map from their types) and
//!   objects that package initialisation placed in static data;
//! - every goroutine's frames, with each frame's stack map ([`super::frame::Layout::scan_mask`]);
//!   the VM, like Go, zeroes a frame when it is pushed, so a dead slot is nil or a pointer
//!   the function once held (Go's liveness analysis would drop such dead pointers; gomem
//!   keeps them until the function returns: a difference of timing, never of safety);
//! - the values a goroutine holds *outside* memory in the middle of a statement: Go's
//!   compiler spills such temporaries to stack slots it scans; the interpreter keeps them in
//!   host variables, so it records every object allocated and every pointer returned by a
//!   call during a statement in a per-goroutine list (`young`), dropped when the statement
//!   ends. A root also covers closure contexts, deferred calls, panic values, values parked in
//!   channel queues, and goroutines that have not started;
//! - *late roots*: a map's entries and a channel's buffered values, which the VM keeps beside
//!   the simulated `hmap`/`hchan`. They are followed only once the map or channel object is
//!   marked ([`crate::runtime::gc::RootSource::late_roots`]).
//!
//! **The write barrier.** While marking, every store of a word into memory that is not a
//! stack (heap objects, globals, static data) goes through [`Gc::write_barrier`]: Go's hybrid
//! barrier shades the overwritten pointer (so the snapshot taken when marking started stays
//! reachable) and the new one. The VM does not know which stored words are pointers, so it
//! hands the barrier every aligned word it overwrites; shading a word that is not a heap
//! pointer does nothing. Stack writes need no barrier, exactly as in Go.
//!
//! After marking, maps and channels whose objects were not marked are forgotten (sweeping
//! frees their memory), and with `GODEBUG=gctrace=1` the cycle's line is printed to stderr.

use std::sync::Arc;

use super::{Trap, Vm, GLOBALS_BASE, R, STACKS_BASE};
use crate::runtime::gc::pacer::BACKGROUND_UTILIZATION;
use crate::runtime::gc::{
    Gc, GcConfig, GcPhase, GreenTea, Root, RootKind, RootSource, RootWords, NO_MEMORY_LIMIT,
};
use crate::runtime::Heap;

/// Statements between two slices of background work (marking or sweeping).
const WORK_EVERY: u64 = 64;

/// The collector and the VM's bookkeeping for it.
pub struct Collector {
    /// The collector.
    pub gc: Gc,
    /// An allocation reached the trigger: a cycle starts at the next safe point.
    pub pending: bool,
    /// The write barrier is on (the hot store path reads this one flag).
    pub wb: bool,
    /// Something to do at safe points (a pending cycle, marking or sweeping).
    pub busy: bool,
    /// The running goroutine's values held outside memory by unfinished statements.
    pub young: Vec<u64>,
    /// Words of the data segment and its pointer map.
    pub globals: (u64, Arc<[u64]>),
    /// Static-data ranges allocated by package initialisation (scanned conservatively).
    pub statics: Vec<(u64, u64)>,
    /// Virtual time the program spent stopped for the collector (STW pauses, `runtime.GC`,
    /// waiting on the assist queue).
    pub stopped_ns: u64,
    /// Virtual time spent in `mallocgc` ([`crate::runtime::gc::CostModel::alloc`]).
    pub alloc_ns: u64,
    last_work: u64,
    last_work_ns: u64,
    gctrace: bool,
    pacertrace: bool,
    printed: usize,
    pacer_printed: usize,
}

impl Collector {
    /// A collector configured from the run options (GOGC, GOMEMLIMIT, GODEBUG and the
    /// teaching switches).
    pub fn new(heap: &Heap, opts: &super::RunOptions) -> Collector {
        let godebug = |key: &str| {
            opts.godebug
                .split(',')
                .filter_map(|kv| kv.split_once('='))
                .any(|(k, v)| k.trim() == key && v.trim() != "0")
        };
        let config = GcConfig {
            gogc: opts.gogc.map(|g| g.min(u32::MAX as u64) as u32),
            memory_limit: opts.gomemlimit.unwrap_or(NO_MEMORY_LIMIT),
            green_tea: if opts.green_tea {
                GreenTea::On
            } else {
                GreenTea::Off
            },
            write_barrier: opts.write_barrier,
            verify: opts.gc_verify,
            stress: opts.gc_stress,
            ..GcConfig::default()
        };
        Collector {
            gc: Gc::new(heap, config),
            pending: false,
            wb: false,
            busy: false,
            young: Vec::new(),
            globals: (0, Arc::from(Vec::new())),
            statics: Vec::new(),
            stopped_ns: 0,
            alloc_ns: 0,
            last_work: 0,
            last_work_ns: 0,
            gctrace: godebug("gctrace"),
            pacertrace: godebug("gcpacertrace"),
            printed: 0,
            pacer_printed: 0,
        }
    }

    /// After `debug.SetGCPercent` or `debug.SetMemoryLimit`: the trigger may have moved
    /// below the live heap, and Go then starts a cycle at once.
    pub fn refresh_after_setting(&mut self, heap: &Heap) {
        let _ = heap;
        if self.gc.maybe_trigger(self.gc.heap_live()) {
            self.pending = true;
        }
        self.refresh();
    }

    pub(super) fn refresh(&mut self) {
        self.wb = self.gc.write_barrier_active();
        self.busy = self.pending || self.gc.phase != GcPhase::Off;
    }
}

/// Scanning never moves a stack here (shrinks wait for a safe point).
struct NoMove;

impl crate::runtime::stack::StackMover for NoMove {
    fn copy(&mut self, _: std::ops::Range<u64>, _: std::ops::Range<u64>) {}
    fn adjust(&mut self, _: std::ops::Range<u64>, _: std::ops::Range<u64>) {}
}

/// A stack map or pointer bitmap shared with its owner.
type Mask = Arc<[u64]>;

/// A snapshot of the program's roots (see the module header).
#[derive(Default)]
pub struct VmRoots {
    mem: Vec<(RootKind, String, u64, u64, Mask)>,
    vals: Vec<(RootKind, String, Vec<u64>)>,
    /// `(object, pointers it holds outside memory)`; an object outside the heap (a map in a
    /// frame or in static data) counts as always reachable.
    late: Vec<(u64, Vec<u64>)>,
}

impl RootSource for VmRoots {
    fn for_each_root(&self, f: &mut dyn FnMut(&Root<'_>)) {
        for (kind, name, base, words, mask) in &self.mem {
            f(&Root {
                kind: kind.clone(),
                name,
                words: RootWords::Memory {
                    base: *base,
                    words: *words,
                    ptr_mask: mask,
                },
            });
        }
        for (kind, name, v) in &self.vals {
            f(&Root {
                kind: kind.clone(),
                name,
                words: RootWords::Values(v),
            });
        }
    }

    fn late_roots(&self, heap: &Heap, out: &mut Vec<u64>) {
        for (obj, ptrs) in &self.late {
            if heap.is_marked(*obj) != Some(false) {
                out.extend_from_slice(ptrs);
            }
        }
    }
}

/// Every 8-byte word of a value, as candidate pointers.
pub fn value_words(v: &super::value::V, out: &mut Vec<u64>) {
    match v {
        super::value::V::W(w) => out.push(*w),
        super::value::V::B(b) => out.extend(
            b.chunks_exact(8)
                .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))),
        ),
    }
}

/// The words of a value that may point into the heap (its arena lies below the stacks), for
/// the list of values an unfinished statement holds: integers and pointers elsewhere are
/// left out, so the list stays short when a native calls Go code in a loop.
pub fn held_heap_words(v: &super::value::V, out: &mut Vec<u64>) {
    let heap = crate::runtime::mheap::DEFAULT_ARENA_BASE..STACKS_BASE;
    match v {
        super::value::V::W(w) => {
            if heap.contains(w) {
                out.push(*w)
            }
        }
        super::value::V::B(b) => out.extend(
            b.chunks_exact(8)
                .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
                .filter(|w| heap.contains(w)),
        ),
    }
}

fn all_ones(words: u64) -> Mask {
    super::frame::scan_mask(&[], 0, words)
}

impl Vm {
    fn frame_roots(&self, goid: u64, frames: &[super::call::FrameRec], roots: &mut VmRoots) {
        let kind = RootKind::Stack { goroutine: goid };
        let mut extra = Vec::new();
        for fr in frames {
            if let Some(lay) = &fr.layout {
                if lay.locals >= 8 {
                    let name = self.prog.funcs[fr.func as usize]
                        .as_ref()
                        .map(|f| f.name.clone())
                        .unwrap_or_default();
                    roots.mem.push((
                        kind.clone(),
                        name,
                        fr.fp,
                        lay.locals / 8,
                        lay.scan_mask.clone(),
                    ));
                }
            }
            extra.push(fr.ctx);
            extra.extend_from_slice(&fr.defers);
        }
        if !extra.is_empty() {
            roots
                .vals
                .push((kind, "closure contexts and defers".into(), extra));
        }
    }

    /// The roots of the whole program, now.
    pub fn collect_roots(&self) -> VmRoots {
        let mut roots = VmRoots::default();
        let (gwords, gmask) = &self.coll.globals;
        if *gwords > 0 {
            roots.mem.push((
                RootKind::Global,
                "data".into(),
                GLOBALS_BASE,
                *gwords,
                gmask.clone(),
            ));
        }
        for &(a, len) in &self.coll.statics {
            roots.mem.push((
                RootKind::Global,
                "static data".into(),
                a,
                len / 8,
                all_ones(len / 8),
            ));
        }
        // The running goroutine.
        let me = self.sched.cur_goid;
        self.frame_roots(me, &self.frames, &mut roots);
        let mut held = self.coll.young.clone();
        for p in &self.panics {
            value_words(&p.val, &mut held);
        }
        roots.vals.push((
            RootKind::Stack { goroutine: me },
            "temporaries".into(),
            held,
        ));
        // Goroutines that are not running.
        let mut saved: Vec<_> = self.sched.saved.iter().collect();
        saved.sort_by_key(|(g, _)| **g);
        for (&g, st) in saved {
            self.frame_roots(g, &st.frames, &mut roots);
            let mut held = st.young.clone();
            held.push(st.start_fn);
            held.push(st.ctx);
            for p in &st.panics {
                value_words(&p.val, &mut held);
            }
            roots
                .vals
                .push((RootKind::Stack { goroutine: g }, "temporaries".into(), held));
        }
        // Values in flight between goroutines.
        let mut flight = Vec::new();
        let mut wakes: Vec<_> = self.sched.wakes.iter().collect();
        wakes.sort_by_key(|(g, _)| **g);
        for (_, w) in wakes {
            if let super::sched::Wake::Recv(v) = w {
                value_words(v, &mut flight);
            }
        }
        let mut chans: Vec<_> = self.sched.chans.iter().collect();
        chans.sort_by_key(|(a, _)| **a);
        for (&a, c) in chans {
            for (_, v) in &c.sendq {
                value_words(v, &mut flight);
            }
            let mut buf = Vec::new();
            for v in &c.buf {
                value_words(v, &mut buf);
            }
            if !buf.is_empty() {
                roots.late.push((a, buf));
            }
        }
        roots
            .vals
            .push((RootKind::Global, "channel queues".into(), flight));
        if let Some(h) = &self.tests {
            roots
                .vals
                .push((RootKind::Global, "testing".into(), h.held_pointers()));
        }
        roots.vals.push((
            RootKind::Global,
            "sync.Pool caches".into(),
            self.pool_roots(),
        ));
        roots
            .vals
            .push((RootKind::Global, "allgs".into(), self.sched.allgs.clone()));
        // Map entries.
        let mut maps: Vec<_> = self.maps.m.iter().collect();
        maps.sort_by_key(|(a, _)| **a);
        for (&a, m) in maps {
            let mut words = Vec::new();
            for (_, k, v) in m.entries.iter().flatten() {
                value_words(k, &mut words);
                value_words(v, &mut words);
            }
            if !words.is_empty() {
                roots.late.push((a, words));
            }
        }
        roots
    }

    /// The safe point before a statement: start, advance or finish the collector's work.
    pub fn gc_safe_point(&mut self) -> R<()> {
        if self.coll.pending && matches!(self.coll.gc.phase, GcPhase::Off | GcPhase::Sweep) {
            self.start_gc_cycle();
            if self.coll.gc.config.stress {
                // Stress mode: the whole cycle, here, so the next allocation starts another.
                self.coll.gc.mark_step(&self.heap, u64::MAX);
                self.finish_gc_mark()?;
                self.coll.refresh();
                return Ok(());
            }
        }
        if self.coll.gc.assist_parked {
            // The allocating goroutine waits on the assist queue until marking ends: no
            // grey work is left, so the phase ends as soon as its latency allows.
            let now = self.now_ns();
            let end = self.coll.gc.mark_start_ns() + self.coll.gc.config.costs.mark_min_ns;
            self.coll.stopped_ns += end.saturating_sub(now);
            self.coll.last_work = self.steps;
            self.coll.last_work_ns = self.now_ns();
            self.finish_gc_mark()?;
            self.coll.refresh();
            return Ok(());
        }
        if self.steps < self.coll.last_work + WORK_EVERY {
            return Ok(());
        }
        let now = self.now_ns();
        let elapsed = now.saturating_sub(self.coll.last_work_ns);
        self.coll.last_work = self.steps;
        self.coll.last_work_ns = now;
        let phase = self.coll.gc.phase;
        match phase {
            GcPhase::Mark => {
                // The background workers own 25 % of the Ps' time: with 2 Ps, one fractional
                // worker running half the time (Go's `gcBackgroundUtilization`).
                let procs = self.opts.gomaxprocs as f64;
                let eff = self.coll.gc.config.costs.worker_efficiency;
                let ns = elapsed as f64 * procs * BACKGROUND_UTILIZATION * eff;
                let idle = self.coll.gc.mark_step_ns(&self.heap, ns);
                self.observe_gc();
                self.observe_heap_map("mark");
                let min_end = self.coll.gc.mark_start_ns() + self.coll.gc.config.costs.mark_min_ns;
                if idle && now >= min_end {
                    self.finish_gc_mark()?;
                }
            }
            // An idle P sweeps in the background.
            GcPhase::Sweep if self.coll.gc.background_sweep(&mut self.heap, 4) => {
                self.observe_gc();
                self.observe_heap_map("swept");
            }
            _ => {}
        }
        self.coll.refresh();
        Ok(())
    }

    /// The collector scans every goroutine's stack: the scanned bytes feed the next
    /// starting stack size, and a stack using less than a quarter of itself is marked for
    /// shrinking, done at its goroutine's next call (a synchronous safe point, as in Go
    /// when the goroutine is not stopped at one).
    fn scan_stacks(&mut self) {
        let p = self.cur_p();
        self.stacks.gc_start(p);
        let mut none = NoMove;
        self.stacks
            .scan_stack(p, &mut self.gstack, false, &mut none);
        let mut ids: Vec<u64> = self.sched.saved.keys().copied().collect();
        ids.sort_unstable();
        for g in ids {
            if let Some(st) = self.sched.saved.get_mut(&g) {
                if st.gstack.stack.hi > st.gstack.stack.lo {
                    self.stacks.scan_stack(p, &mut st.gstack, false, &mut none);
                }
            }
        }
    }

    fn start_gc_cycle(&mut self) {
        self.pool_cleanup();
        let roots = self.collect_roots();
        self.scan_stacks();
        let now = self.now_ns();
        self.coll.gc.start_cycle(&mut self.heap, &roots, now);
        self.coll.stopped_ns += self.coll.gc.config.costs.sweep_term_ns;
        self.coll.pending = false;
        self.coll.last_work = self.steps;
        self.coll.last_work_ns = self.now_ns();
        self.coll.refresh();
        self.flush_pacer_trace();
        self.observe_gc();
        self.observe_heap_map("mark start");
    }

    fn finish_gc_mark(&mut self) -> R<()> {
        self.observe_heap_map("mark termination");
        let roots = self.collect_roots();
        let now = self.now_ns();
        let lost = self
            .coll
            .gc
            .finish_mark(&mut self.heap, &roots, now)
            .lost
            .clone();
        self.coll.stopped_ns += self.coll.gc.config.costs.mark_term_ns;
        self.after_mark(lost)
    }

    /// `runtime.GC()`: a complete cycle, sweep included, before returning.
    pub fn run_gc(&mut self) -> R<()> {
        self.pool_cleanup();
        let roots = self.collect_roots();
        self.scan_stacks();
        let now = self.now_ns();
        let report = self.coll.gc.gc(&mut self.heap, &roots, now);
        let (t_end, lost) = (report.trace.t_end, report.lost.clone());
        self.coll.stopped_ns += t_end.saturating_sub(now);
        self.coll.pending = false;
        self.after_mark(lost)
    }

    /// `debug.FreeOSMemory()`.
    pub fn free_os_memory(&mut self) -> R<()> {
        self.run_gc()?;
        self.coll.gc.scavenger.release_all(&mut self.heap);
        Ok(())
    }

    /// After a mark phase: forget the maps and channels that died, print the trace, and stop
    /// the program if the collector was about to free a reachable object.
    fn after_mark(&mut self, lost: Vec<crate::runtime::gc::LostObject>) -> R<()> {
        let heap = &self.heap;
        self.maps.m.retain(|&a, _| heap.is_marked(a) != Some(false));
        self.sched
            .chans
            .retain(|&a, c| heap.is_marked(a) != Some(false) || !c.recvq.is_empty());
        self.stacks.gc_end();
        self.coll.refresh();
        self.observe_gc();
        if self.coll.gctrace {
            for line in &self.coll.gc.trace[self.coll.printed..] {
                self.stderr.extend_from_slice(line.as_bytes());
                self.stderr.push(b'\n');
            }
        }
        self.coll.printed = self.coll.gc.trace.len();
        self.flush_pacer_trace();
        if let Some(l) = lost.first() {
            let why = if self.coll.gc.config.write_barrier {
                "gomem: internal: the collector missed a reachable object"
            } else {
                "gomem: the write barrier is off, and the collector was about to free a reachable object"
            };
            return Err(Trap::Fatal(format!(
                "{why}: {l}{}",
                if lost.len() > 1 {
                    format!(" (and {} more)", lost.len() - 1)
                } else {
                    String::new()
                }
            )));
        }
        Ok(())
    }

    fn flush_pacer_trace(&mut self) {
        if self.coll.pacertrace {
            for line in &self.coll.gc.pacer_trace[self.coll.pacer_printed..] {
                self.stderr.extend_from_slice(line.as_bytes());
                self.stderr.push(b'\n');
            }
        }
        self.coll.pacer_printed = self.coll.gc.pacer_trace.len();
    }

    /// The write barrier for a store of `len` bytes at `addr`; `new(i)` is the `i`-th word
    /// being stored. Called only while the barrier is on.
    #[cold]
    pub fn barrier_store(&mut self, addr: u64, len: u64, new: &dyn Fn(u64) -> u64) {
        if !addr.is_multiple_of(8)
            || len < 8
            || (STACKS_BASE..STACKS_BASE + super::STACKS_LEN).contains(&addr)
        {
            return;
        }
        let p = self.cur_p();
        for i in 0..len / 8 {
            let slot = addr + 8 * i;
            let old = self.heap.mem.read_u64(slot).unwrap_or(0);
            let nw = new(i);
            if old != 0 || nw != 0 {
                self.coll.gc.write_barrier(&self.heap, p, slot, old, nw);
            }
        }
    }
}
