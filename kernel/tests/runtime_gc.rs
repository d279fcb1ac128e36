//! Garbage collector tests: invariants on random object graphs, determinism across rayon
//! thread counts, the write-barrier demo and pacer formulas. Fidelity against real Go's
//! pacing is `gc_fidelity.rs` (the VM running the corpus of `tests/gc/go`).

use std::collections::{HashSet, VecDeque};

use gomem::runtime::gc::pacer::{mark_workers, Pacer};
use gomem::runtime::gc::{Gc, GcConfig, GcPhase, GreenTea, RootKind, VecRoots, NO_MEMORY_LIMIT};
use gomem::runtime::{Heap, HeapConfig, TypeInfo, TypeLayout};

const MIB: u64 = 1 << 20;

/// xorshift64*: a tiny deterministic generator.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A random object graph in a real heap, with a mutator that changes it during marking.
struct World {
    heap: Heap,
    gc: Gc,
    types: Vec<(TypeInfo, u64)>,
    objects: Vec<u64>,
    roots: VecRoots,
    rng: Rng,
    now: u64,
}

impl World {
    fn new(seed: u64, config: GcConfig) -> Self {
        let mut heap = Heap::new(HeapConfig {
            gomaxprocs: 2,
            ..HeapConfig::default()
        });
        let types = vec![
            (heap.register_type(TypeLayout::new("pair", 16, &[0, 1])), 16),
            (
                heap.register_type(TypeLayout::new("node48", 48, &[0, 2, 5])),
                48,
            ),
            (
                heap.register_type(TypeLayout::new("node256", 256, &[0, 7, 31])),
                256,
            ),
            (
                heap.register_type(TypeLayout::new("big1k", 1024, &[0, 1, 100])),
                1024,
            ),
            (
                heap.register_type(TypeLayout::new("chunk", 4096, &[0, 100, 511])),
                300 << 10,
            ),
            (TypeInfo::noscan(), 64),
            (TypeInfo::noscan(), 8),
        ];
        let gc = Gc::new(&heap, config);
        World {
            heap,
            gc,
            types,
            objects: Vec::new(),
            roots: VecRoots::default(),
            rng: Rng(seed),
            now: 0,
        }
    }

    fn alloc(&mut self) -> u64 {
        let r = self.rng.below(100);
        let k = match r {
            0..=29 => 0,
            30..=49 => 1,
            50..=64 => 2,
            65..=79 => 3,
            80 => 4,
            81..=89 => 5,
            _ => 6,
        };
        let (t, size) = self.types[k];
        let a = self.heap.malloc((r % 2) as usize, size, t);
        self.now += 100;
        if self.gc.on_alloc(&mut self.heap, (r % 2) as usize, a, size)
            && self.gc.phase != GcPhase::Mark
        {
            // The tests drive cycles explicitly; a trigger only matters in stress mode.
        }
        self.objects.push(a);
        a
    }

    fn slots(&self, obj: u64) -> Vec<u64> {
        let mut v = Vec::new();
        self.heap.for_each_pointer_word(obj, |a| v.push(a));
        v
    }

    /// Builds `n` objects with random edges and a few roots.
    fn build(&mut self, n: usize) {
        for _ in 0..n {
            self.alloc();
        }
        for i in 0..self.objects.len() {
            let o = self.objects[i];
            for s in self.slots(o) {
                if self.rng.below(3) > 0 {
                    let t = self.objects[self.rng.below(self.objects.len() as u64) as usize];
                    self.heap.mem.write_u64(s, t).unwrap();
                }
            }
        }
        let mut g = Vec::new();
        for _ in 0..12 {
            g.push(self.objects[self.rng.below(n as u64) as usize]);
        }
        let stack = vec![self.objects[0], 0, self.objects[n / 2]];
        self.roots.roots = vec![
            (RootKind::Global, "globals".into(), g),
            (RootKind::Stack { goroutine: 1 }, "main.main".into(), stack),
        ];
    }

    /// Objects reachable from the roots now.
    fn reachable(&self) -> HashSet<u64> {
        let mut seen = HashSet::new();
        let mut q = VecDeque::new();
        for (_, _, v) in &self.roots.roots {
            for &p in v {
                if p != 0 && seen.insert(p) {
                    q.push_back(p);
                }
            }
        }
        while let Some(o) = q.pop_front() {
            for s in self.slots(o) {
                let p = self.heap.mem.read_u64(s).unwrap();
                if p != 0 && seen.insert(p) {
                    q.push_back(p);
                }
            }
        }
        seen
    }

    /// The slot holding `obj` (`None` once its span went back to the page heap).
    fn slot(&self, obj: u64) -> Option<u64> {
        self.heap.find_object(obj).map(|o| o.0)
    }

    fn is_allocated(&self, obj: u64) -> bool {
        let Some((base, _, id)) = self.heap.find_object(obj) else {
            return false;
        };
        let s = self.heap.span(id);
        s.is_allocated(s.slot_of(base))
    }

    /// Random mutator step: a pointer store between reachable objects, or a new object
    /// linked in, or a root change.
    fn mutate(&mut self, reach: &mut Vec<u64>) {
        let holder = reach[self.rng.below(reach.len() as u64) as usize];
        let slots = self.slots(holder);
        if slots.is_empty() {
            return;
        }
        let slot = slots[self.rng.below(slots.len() as u64) as usize];
        let target = match self.rng.below(4) {
            0 => 0,
            1 => {
                let a = self.alloc();
                reach.push(a);
                a
            }
            _ => reach[self.rng.below(reach.len() as u64) as usize],
        };
        self.gc.write_pointer(&mut self.heap, 0, slot, target);
        if self.rng.below(20) == 0 {
            let i = self.rng.below(12) as usize;
            self.roots.roots[0].2[i] = reach[self.rng.below(reach.len() as u64) as usize];
        }
    }

    /// One cycle with concurrent mutation; returns the lost objects reported.
    fn cycle(&mut self, stores: usize) -> usize {
        let roots = std::mem::take(&mut self.roots);
        self.gc.start_cycle(&mut self.heap, &roots, self.now);
        self.roots = roots;
        // Snapshot at the beginning: everything reachable now, or allocated during
        // marking, stays allocated until this cycle's sweep, so the mutator may use it.
        let mut reach: Vec<u64> = self.reachable().into_iter().collect();
        reach.sort_unstable();
        let mut n = 0;
        loop {
            if n < stores {
                self.mutate(&mut reach);
                n += 1;
            }
            let done = self.gc.mark_step(&self.heap, 16 << 10);
            self.now += 1000;
            if done && n >= stores {
                break;
            }
        }
        let roots = std::mem::take(&mut self.roots);
        let lost = self
            .gc
            .finish_mark(&mut self.heap, &roots, self.now)
            .lost
            .len();
        self.roots = roots;
        lost
    }
}

fn verified() -> GcConfig {
    GcConfig {
        verify: true,
        ..GcConfig::default()
    }
}

/// Runs the random-graph scenario; returns a fingerprint of everything reported.
fn scenario(seed: u64, green_tea: GreenTea) -> (Vec<String>, Vec<u64>, Vec<u64>, String) {
    let mut w = World::new(
        seed,
        GcConfig {
            green_tea,
            ..verified()
        },
    );
    w.build(3000);
    let mut prev_garbage: Vec<u64> = Vec::new();
    for _ in 0..4 {
        let at_start = w.reachable();
        let start_garbage: Vec<u64> = w
            .objects
            .iter()
            .copied()
            .filter(|o| !at_start.contains(o))
            .collect();
        let lost = w.cycle(60);
        assert_eq!(lost, 0, "the barrier is on: nothing may be lost");
        let reach = w.reachable();
        w.gc.sweeper.finish(&mut w.heap);
        for &o in &reach {
            assert!(w.is_allocated(o), "reachable object {o:#x} was freed");
        }
        // Tiny objects share 16-byte blocks: a block lives while any object in it does.
        let live_slots: HashSet<Option<u64>> = reach.iter().map(|&o| w.slot(o)).collect();
        for &o in start_garbage.iter().chain(&prev_garbage) {
            assert!(
                !w.is_allocated(o) || live_slots.contains(&w.slot(o)),
                "garbage {o:#x} survived"
            );
        }
        // Floating garbage (died during marking, or allocated black and dropped): it
        // must be gone after the next sweep.
        prev_garbage = w
            .objects
            .iter()
            .copied()
            .filter(|&o| !reach.contains(&o) && w.is_allocated(o))
            .collect();
        // Forget freed objects (their slots may be reused).
        w.objects.retain(|o| reach.contains(o));
    }
    let stats = w.heap.read_mem_stats();
    let mut alloc: Vec<u64> = w.objects.clone();
    alloc.sort_unstable();
    let work: Vec<u64> = w.gc.reports.iter().map(|r| r.stats.scan_work).collect();
    let fp = format!(
        "{} {} {} {:?}",
        stats.frees,
        stats.heap_alloc,
        stats.num_gc,
        w.gc.reports.last().unwrap().stats.class_lines()
    );
    (w.gc.trace.clone(), alloc, work, fp)
}

#[test]
fn random_graphs_keep_reachable_and_free_garbage() {
    for seed in [1, 2] {
        scenario(seed, GreenTea::On);
        scenario(seed, GreenTea::Off);
    }
}

#[test]
fn identical_results_for_1_2_16_threads() {
    let run = |n: usize, gt: GreenTea| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap()
            .install(|| scenario(7, gt))
    };
    for gt in [GreenTea::On, GreenTea::Off] {
        let one = run(1, gt);
        assert_eq!(one, run(2, gt));
        assert_eq!(one, run(16, gt));
    }
}

#[test]
fn green_tea_scans_small_objects_by_span() {
    let (_, _, _, fp_on) = scenario(5, GreenTea::On);
    assert!(fp_on.contains("16B 0+"), "{fp_on}");
    let (_, _, _, fp_off) = scenario(5, GreenTea::Off);
    assert!(fp_off.contains("+0="), "{fp_off}");
}

/// Global g0 → X, g1 → Y → W. X is scanned, then the program moves W's only pointer
/// from Y into the black X.
fn barrier_demo(barrier: bool) -> Vec<String> {
    let mut heap = Heap::new(HeapConfig::default());
    let t = heap.register_type(TypeLayout::new("T", 1024, &[0]));
    let x = heap.malloc(0, 1024, t);
    let y = heap.malloc(0, 1024, t);
    let w = heap.malloc(0, 1024, t);
    heap.mem.write_u64(y, w).unwrap();
    let roots = VecRoots {
        roots: vec![(RootKind::Global, "g".into(), vec![x, y])],
    };
    let mut gc = Gc::new(
        &heap,
        GcConfig {
            write_barrier: barrier,
            green_tea: GreenTea::Off,
            ..GcConfig::default()
        },
    );
    gc.start_cycle(&mut heap, &roots, 0);
    gc.mark_step(&heap, 1); // scans X only
    gc.write_pointer(&mut heap, 0, x, w); // X.f = W   (insertion into a black object)
    gc.write_pointer(&mut heap, 0, y, 0); // Y.f = nil (deletion of the old path)
    while !gc.mark_step(&heap, 1 << 20) {}
    let report = gc.finish_mark(&mut heap, &roots, 10_000);
    let lost: Vec<String> = report.lost.iter().map(|l| l.to_string()).collect();
    gc.sweeper.finish(&mut heap);
    let (base, _, id) = heap.find_object(w).unwrap();
    let s = heap.span(id);
    assert_eq!(
        s.is_allocated(s.slot_of(base)),
        barrier,
        "W freed iff the barrier is off"
    );
    lost
}

#[test]
fn barrier_off_produces_a_diagnostic() {
    assert!(barrier_demo(true).is_empty());
    let lost = barrier_demo(false);
    assert_eq!(lost.len(), 1, "{lost:?}");
    let d = &lost[0];
    assert!(d.contains("size class"), "{d}");
    assert!(d.contains("global g[0]"), "{d}");
    assert!(d.contains("insertion (Dijkstra)"), "{d}");
    assert!(d.contains("deletion (Yuasa)"), "{d}");
    eprintln!("{d}");
}

#[test]
fn barrier_on_never_loses_objects_in_stress_mode() {
    let mut w = World::new(
        11,
        GcConfig {
            stress: true,
            ..verified()
        },
    );
    w.build(500);
    for _ in 0..10 {
        assert_eq!(w.cycle(30), 0);
        w.gc.sweeper.finish(&mut w.heap);
        let reach = w.reachable();
        w.objects.retain(|o| reach.contains(o));
    }
}

#[test]
fn runtime_gc_sweeps_everything_and_counts_frees() {
    let mut heap = Heap::new(HeapConfig::default());
    let mut gc = Gc::new(&heap, GcConfig::default());
    let keep = heap.malloc(0, 100, TypeInfo::noscan());
    for _ in 0..1000 {
        heap.malloc(0, 100, TypeInfo::noscan());
    }
    let roots = VecRoots {
        roots: vec![(RootKind::Global, "keep".into(), vec![keep])],
    };
    let r = gc.gc(&mut heap, &roots, 1_000_000).trace.clone();
    assert!(r.forced);
    assert_eq!(gc.phase, GcPhase::Off);
    let ms = heap.read_mem_stats();
    assert_eq!(
        (ms.mallocs, ms.frees, ms.num_gc, ms.num_forced_gc),
        (1001, 1000, 1, 1)
    );
    assert_eq!(ms.heap_alloc, 112);
    let line = &gc.trace[0];
    assert!(line.starts_with("gc 1 @0.001s "), "{line}");
    assert!(
        line.ends_with(", 0 MB goal, 0 MB stacks, 0 MB globals, 1 P (forced)")
            || line.contains("MB goal"),
        "{line}"
    );
    // FreeOSMemory releases the emptied pages.
    let released = gc.free_os_memory(&mut heap, &roots, 2_000_000);
    assert!(released > 0);
    assert_eq!(
        heap.read_mem_stats().heap_released,
        heap.mheap().heap_released
    );
}

#[test]
fn gctrace_line_format() {
    use gomem::runtime::gc::TraceLine;
    let l = TraceLine {
        num: 3,
        t_sweep_term: 6_000_000,
        t_mark: 6_240_000,
        t_mark_term: 7_740_000,
        t_end: 7_745_000,
        cpu_fraction: 0.11,
        assist_ns: 260_000,
        background_ns: 380_000,
        idle_ns: 250_000,
        heap0: 14 * MIB,
        heap1: 16 * MIB,
        heap2: 12 * MIB,
        goal: 16 * MIB,
        stacks: 0,
        globals: 0,
        procs: 2,
        forced: false,
    };
    assert_eq!(
        l.to_string(),
        "gc 3 @0.006s 11%: 0.24+1.5+0.005 ms clock, 0.48+0.26/0.38/0.25+0.010 ms cpu, 14->16->12 MB, 16 MB goal, 0 MB stacks, 0 MB globals, 2 P"
    );
}

#[test]
fn proportional_sweeping_frees_as_the_program_allocates() {
    let mut heap = Heap::new(HeapConfig::default());
    let mut gc = Gc::new(&heap, GcConfig::default());
    for _ in 0..20_000 {
        heap.malloc(0, 512, TypeInfo::noscan());
    }
    let roots = VecRoots::default();
    gc.start_cycle(&mut heap, &roots, 0);
    gc.mark_step(&heap, u64::MAX);
    gc.finish_mark(&mut heap, &roots, 1000);
    assert_eq!(gc.phase, GcPhase::Sweep);
    let frees0 = heap.read_mem_stats().frees;
    assert_eq!(frees0, 0, "nothing is freed before sweeping");
    assert!(gc.sweeper.pages_per_byte > 0.0);
    for _ in 0..2000 {
        let a = heap.malloc(0, 4096, TypeInfo::noscan());
        gc.on_alloc(&mut heap, 0, a, 4096);
    }
    let ms = heap.read_mem_stats();
    assert!(ms.frees > 0, "proportional sweeping freed objects");
    assert!(gc.sweeper.pages_swept > 0);
    while !gc.background_sweep(&mut heap, 16) {}
    assert_eq!(gc.phase, GcPhase::Off);
    let ms = heap.read_mem_stats();
    assert_eq!(ms.frees, 20_000);
}

#[test]
fn scavenger_goals() {
    use gomem::runtime::gc::Scavenger;
    let mut s = Scavenger::default();
    // heapInUse 10 MiB, goal moving from 8 to 16 MiB: retain 10 × 2 × 1.1 = 22 MiB.
    s.pace(10 * MIB, 16 * MIB, 8 * MIB, NO_MEMORY_LIMIT);
    assert!((s.gc_percent_goal as i64 - 22 * MIB as i64).abs() <= 1);
    assert_eq!(s.memory_limit_goal, u64::MAX);
    s.pace(10 * MIB, 16 * MIB, 16 * MIB, 100 * MIB);
    assert_eq!(s.memory_limit_goal, 95 * MIB);
    // A heap with free pages above the goal gives them back.
    let mut heap = Heap::new(HeapConfig::default());
    let mut gc = Gc::new(&heap, GcConfig::default());
    for _ in 0..3000 {
        heap.malloc(0, 4096, TypeInfo::noscan());
    }
    gc.gc(&mut heap, &VecRoots::default(), 0);
    let idle = heap.mheap().heap_free;
    assert!(idle > 0);
    gc.scavenger.gc_percent_goal = 0;
    let released = gc.scavenge_step(&mut heap, 64 << 10);
    assert_eq!(released, 64 << 10);
    assert_eq!(
        heap.read_mem_stats().heap_released,
        heap.mheap().heap_released
    );
}

// ---------------------------------------------------------------- pacer

#[test]
fn minimum_heap_goal_for_gogc_25_to_400() {
    for (g, mb) in [(25, 1), (50, 2), (100, 4), (200, 8), (400, 16)] {
        let p = Pacer::new(2, Some(g));
        assert_eq!(p.heap_goal(u64::MAX).0, mb * MIB, "GOGC={g}");
    }
}

#[test]
fn goal_and_trigger_after_a_cycle() {
    for g in [25u32, 50, 100, 200, 400] {
        let mut p = Pacer::new(2, Some(g));
        p.start_cycle(4 * MIB);
        p.end_cycle(4 * MIB, 10 * MIB, MIB, MIB / 2, MIB / 4, 0, 0.0);
        p.sweep_dist_min_trigger = 0;
        p.commit(false);
        let want = 10 * MIB + (10 * MIB + MIB / 2 + MIB / 4) * g as u64 / 100;
        let want = want.max(4 * MIB * g as u64 / 100);
        let (trigger, goal) = p.trigger(u64::MAX);
        assert_eq!(goal, want, "GOGC={g}");
        let lo = (goal - 10 * MIB) / 64 * 45 + 10 * MIB;
        let mut hi = (goal - 10 * MIB) / 64 * 61 + 10 * MIB;
        if goal > 4 * MIB && goal - 4 * MIB > hi {
            hi = goal - 4 * MIB;
        }
        assert!(
            trigger >= lo && trigger <= hi,
            "GOGC={g}: {trigger} not in [{lo}, {hi}]"
        );
        // no runway estimate yet: the trigger is as late as allowed
        assert_eq!(trigger, hi);
    }
}

#[test]
fn gogc_off_never_triggers_without_a_limit() {
    let p = Pacer::new(2, None);
    assert_eq!(p.trigger(u64::MAX).1, u64::MAX);
}

#[test]
fn worker_sizing_matches_go() {
    let table = [
        (1, 0, 0.25),
        (2, 0, 0.25),
        (3, 0, 0.25),
        (4, 1, 0.0),
        (6, 1, 0.0833),
        (8, 2, 0.0),
        (16, 4, 0.0),
    ];
    for (p, d, f) in table {
        let (dd, ff) = mark_workers(p);
        assert_eq!(dd, d, "P={p}");
        assert!((ff - f).abs() < 1e-4, "P={p}: {ff}");
    }
}

#[test]
fn memory_limit_goal_with_headroom() {
    let mut p = Pacer::new(2, None);
    p.set_memory_limit(32 * MIB);
    // 20 MiB mapped, 2 MiB free heap, 12 MiB of heap objects → 6 MiB non-heap.
    let g = p.memory_limit_goal(20 * MIB, 2 * MIB, 12 * MIB);
    // 3 % of 26 MiB is below the 1 MiB minimum headroom.
    assert_eq!(g, 25 * MIB);
    let g = p.memory_limit_goal(20 * MIB, 0, 0);
    let raw = 12 * MIB; // 32 − 20 MiB non-heap
    assert_eq!(g, raw - MIB);
    p.set_memory_limit(1 << 30);
    let raw = (1u64 << 30) - 6 * MIB;
    assert_eq!(
        p.memory_limit_goal(20 * MIB, 2 * MIB, 12 * MIB),
        raw - raw / 100 * 3
    );
    // Small limits keep at least 1 MiB headroom, and never go below the marked heap.
    p.set_memory_limit(8 * MIB);
    assert_eq!(p.memory_limit_goal(4 * MIB, 0, 4 * MIB), 7 * MIB);
    p.heap_marked = 9 * MIB;
    assert_eq!(p.memory_limit_goal(12 * MIB, 0, 9 * MIB), 9 * MIB);
    // The effective goal is the smaller one.
    let mut q = Pacer::new(2, Some(100));
    q.set_memory_limit(16 * MIB);
    assert_eq!(q.heap_goal(3 * MIB).0, 3 * MIB);
    assert_eq!(q.heap_goal(u64::MAX).0, 4 * MIB);
    assert_eq!(NO_MEMORY_LIMIT, i64::MAX as u64);
}

#[test]
fn cpu_limiter_fills_when_gc_uses_more_than_half() {
    let mut l = gomem::runtime::gc::pacer::CpuLimiter::new(1);
    l.update(600_000_000, 400_000_000);
    assert!(!l.enabled);
    l.update(2_000_000_000, 0);
    assert!(l.enabled);
    l.update(0, 500_000_000);
    assert!(!l.enabled);
}
