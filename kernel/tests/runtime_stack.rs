//! The goroutine stack model (`gomem::runtime::stack`) against the real Go 1.27.3 runtime.
//!
//! `scripts/golden-stack.sh` runs the Go program in `tests/stack/go` and writes
//! `tests/stack/golden/*.txt` (never edited by hand). The golden tests below replay the same
//! goroutines in the simulator, with the frame sizes the real compiler chose (`frames.txt`), and
//! compare stack sizes, `StackInuse` changes (growth, shrinking, many goroutines), the
//! adaptive starting size and the overflow error. Every comparison has a key; a key whose numbers differ must be listed with
//! its reason in `tests/stack/DIFFERENCES.md` (`- key: reason`), and a listed key that agrees
//! again must be removed from it (a ratchet). The unit tests after them pin the mechanics.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use gomem::runtime::stack::*;

// ---------------------------------------------------------------------------------------------
// Golden files
// ---------------------------------------------------------------------------------------------

fn golden(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/stack/golden")
        .join(name);
    std::fs::read_to_string(&p)
        .unwrap_or_else(|e| panic!("{}: {e} (run scripts/golden-stack.sh)", p.display()))
}

/// The `key=value` pairs of one golden line.
fn fields(line: &str) -> BTreeMap<String, String> {
    line.split_whitespace()
        .filter_map(|w| w.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn num(f: &BTreeMap<String, String>, key: &str) -> u64 {
    f.get(key)
        .unwrap_or_else(|| panic!("no {key} in {f:?}"))
        .parse()
        .unwrap_or_else(|e| panic!("{key}: {e}"))
}

/// `$framesize` of each measured Go function, from the compiler's assembly listing.
fn frames() -> BTreeMap<String, Frame> {
    golden("frames.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let mut w = l.split_whitespace();
            let name = w.next().expect("name").to_string();
            let size = w.next().expect("framesize").parse().expect("number");
            (name, Frame::with_size(size))
        })
        .collect()
}

/// The comparisons of one golden test: `key → (real Go, simulated)`.
#[derive(Default)]
struct Checks {
    rows: Vec<(String, String, String)>,
}

impl Checks {
    fn check(&mut self, key: String, real: impl ToString, sim: impl ToString) {
        self.rows.push((key, real.to_string(), sim.to_string()));
    }

    /// Prints the agreement table and applies the DIFFERENCES.md ratchet to keys with `prefix`.
    fn finish(self, prefix: &str) {
        let listed = listed_differences(prefix);
        let mut failing = BTreeSet::new();
        println!("{:<44} {:>14} {:>14}", "key", "real Go", "gomem");
        for (key, real, sim) in &self.rows {
            let mark = if real == sim { "" } else { "  ≠" };
            println!("{key:<44} {real:>14} {sim:>14}{mark}");
            if real != sim {
                failing.insert(key.clone());
            }
        }
        let agree = self.rows.len() - failing.len();
        println!("{prefix}: {agree}/{} agree", self.rows.len());
        let unlisted: Vec<_> = failing.difference(&listed).collect();
        let fixed: Vec<_> = listed.difference(&failing).collect();
        assert!(
            unlisted.is_empty(),
            "differ from real Go without a reason in tests/stack/DIFFERENCES.md: {unlisted:?}"
        );
        assert!(
            fixed.is_empty(),
            "listed in tests/stack/DIFFERENCES.md but agree now; remove them: {fixed:?}"
        );
    }
}

/// Keys listed as `- key: reason` in DIFFERENCES.md.
fn listed_differences(prefix: &str) -> BTreeSet<String> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stack/DIFFERENCES.md");
    std::fs::read_to_string(p)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .filter_map(|l| {
            l.split_once(": ")
                .map(|(k, _)| k.trim_matches('`').to_string())
        })
        .filter(|k| k.starts_with(prefix))
        .collect()
}

fn process() -> Stacks<SimplePages> {
    Stacks::new(StackConfig::default(), SimplePages::new())
}

/// A process whose main goroutine holds a 2 KiB stack (so an order-0 span exists, as in real
/// Go), and its `StackInuse` as `ReadMemStats` reports it.
fn process_after_main() -> (Stacks<SimplePages>, u64) {
    let mut s = process();
    s.new_goroutine(0, 1);
    let before = s.read_mem_stats().stack_inuse;
    (s, before)
}

fn process_with(change: impl FnOnce(&mut StackConfig)) -> Stacks<SimplePages> {
    let mut config = StackConfig::default();
    change(&mut config);
    Stacks::new(config, SimplePages::new())
}

/// A new goroutine `depth` calls of a 152-byte frame deep.
fn goroutine_at(s: &mut Stacks<SimplePages>, goid: u64, depth: u64) -> GStack {
    let mut g = s.new_goroutine(0, goid);
    descend(s, &mut g, Frame::with_size(152), depth);
    g
}

/// Runs `n` calls of `frame` on `g`, panicking on overflow.
fn descend(s: &mut Stacks<SimplePages>, g: &mut GStack, frame: Frame, n: u64) {
    for _ in 0..n {
        s.call(0, g, frame, &mut ()).expect("no overflow");
    }
}

/// Calls `frame` until the stack cannot grow any more.
fn overflow(s: &mut Stacks<SimplePages>, g: &mut GStack, frame: Frame) -> StackOverflow {
    loop {
        if let Err(e) = s.call(0, g, frame, &mut ()) {
            return e;
        }
    }
}

fn grow_count(s: &Stacks<SimplePages>, goid: u64) -> u64 {
    s.events()
        .iter()
        .filter(|e| matches!(e.event, StackEvent::Grow { goid: g, .. } if g == goid))
        .count() as u64
}

// ---------------------------------------------------------------------------------------------
// Golden tests
// ---------------------------------------------------------------------------------------------

/// `rec D`: a fresh goroutine (`go worker(d, …)` → `gowrap1` → `worker` → D+1 × `rec`).
#[test]
fn recursion_depths_match_go() {
    let fr = frames();
    let mut checks = Checks::default();
    for line in golden("rec.txt").lines().filter(|l| !l.starts_with('#')) {
        let f = fields(line);
        let d = num(&f, "depth");
        let (mut s, before) = process_after_main();
        let mut g = s.new_goroutine(0, 2);
        for name in ["main.main.gowrap1", "main.worker"] {
            s.call(0, &mut g, fr[name], &mut ()).expect("no overflow");
        }
        descend(&mut s, &mut g, fr["main.rec"], d + 1);
        let after = s.read_mem_stats().stack_inuse;
        let stack = num(&f, "stack");
        checks.check(format!("rec d={d} start"), num(&f, "start"), STACK_MIN);
        checks.check(format!("rec d={d} stack"), stack, g.size());
        checks.check(
            format!("rec d={d} growths"),
            (stack / num(&f, "start")).ilog2(),
            grow_count(&s, 2),
        );
        checks.check(
            format!("rec d={d} stackinuse_delta"),
            num(&f, "stackinuse_delta"),
            after - before,
        );
    }
    checks.finish("rec");
}

/// `shrink 100000 14 warm`: the stack reaches 16 MiB, the goroutine returns to its top frame
/// and parks; each GC halves the stack until a quarter of it is no longer enough.
#[test]
fn shrinking_matches_go() {
    let fr = frames();
    let text = golden("shrink.txt");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let head = fields(lines.next().expect("header line"));
    let d = num(&head, "depth");
    let mut checks = Checks::default();

    let mut s = process();
    let mut main = s.new_goroutine(0, 1);
    s.call(0, &mut main, Frame::with_size(512), &mut ())
        .expect("main runs");
    // The warm-up GC.
    s.gc_start(0);
    s.scan_stack(0, &mut main, true, &mut ());
    s.gc_end();
    let before = s.read_mem_stats().stack_inuse;

    let mut g = s.new_goroutine(0, 2);
    for name in ["main.main.gowrap2", "main.worker"] {
        s.call(0, &mut g, fr[name], &mut ()).expect("no overflow");
    }
    descend(&mut s, &mut g, fr["main.rec"], d + 1);
    checks.check("shrink reached".into(), num(&head, "reached"), g.size());
    // Back in worker, parked in a channel receive: Go's g.sched.sp gives the bytes in use.
    for _ in 0..=d {
        s.ret(&mut g, fr["main.rec"]);
    }
    g.sp = g.stack.hi - num(&head, "parked_used");

    for line in lines {
        let f = fields(line);
        let cycle = num(&f, "gc");
        if cycle > 0 {
            s.gc_start(0);
            s.scan_stack(0, &mut main, true, &mut ());
            s.scan_stack(0, &mut g, true, &mut ());
            s.gc_end();
        }
        checks.check(
            format!("shrink gc={cycle} stack"),
            num(&f, "stack"),
            g.size(),
        );
        let delta = s.read_mem_stats().stack_inuse as i64 - before as i64;
        if f["stackinuse_delta"] != "-" {
            checks.check(
                format!("shrink gc={cycle} stackinuse_delta"),
                &f["stackinuse_delta"],
                delta,
            );
        }
    }
    checks.finish("shrink");
}

/// `adaptive 1000 D`: 1000 goroutines park D+1 frames of `recPark` deep; one GC later the
/// starting size is the average used size plus the guard, rounded up to a power of two.
#[test]
fn adaptive_starting_size_matches_go() {
    let fr = frames();
    let text = golden("adaptive.txt");
    let mut checks = Checks::default();
    let mut lines = text.lines();
    while let Some(comment) = lines.next() {
        let adaptive = comment.contains("adaptivestackstart=1");
        let f = fields(lines.next().expect("measurement line"));
        let after = fields(lines.next().expect("start_after_gc line"));
        let (n, d, used) = (
            num(&f, "goroutines"),
            num(&f, "depth"),
            num(&f, "parked_used"),
        );
        let tag = format!("adaptive a={} d={d}", adaptive as u8);

        let config = StackConfig {
            adaptive_stack_start: adaptive,
            ..StackConfig::default()
        };
        let mut s = Stacks::new(config, SimplePages::new());
        let mut gs = Vec::new();
        let mut runtime_frames = 0;
        for goid in 0..n {
            let mut g = s.new_goroutine(0, goid + 10);
            s.call(0, &mut g, fr["main.main.func2"], &mut ())
                .expect("no overflow");
            descend(&mut s, &mut g, fr["main.recPark"], d + 1);
            // The channel send and gopark below the last recPark are runtime frames whose sizes
            // the golden does not record; the real parked SP tells how much they take.
            runtime_frames = used - g.used();
            s.call(
                0,
                &mut g,
                Frame::with_size(runtime_frames - PTR_SIZE),
                &mut (),
            )
            .expect("no overflow");
            gs.push(g);
        }
        assert!(
            runtime_frames > 0 && runtime_frames < 1024,
            "{tag}: runtime frames {runtime_frames} B"
        );
        checks.check(
            format!("{tag} worker_stack"),
            num(&f, "worker_stack"),
            gs[0].size(),
        );
        checks.check(
            format!("{tag} start_before"),
            num(&f, "start_before"),
            s.starting_stack_size(),
        );
        s.gc_start(0);
        for g in &mut gs {
            s.scan_stack(0, g, true, &mut ());
        }
        s.gc_end();
        checks.check(
            format!("{tag} start_after_gc"),
            num(&after, "start_after_gc"),
            s.starting_stack_size(),
        );
    }
    checks.finish("adaptive");
}

/// `many N`: N goroutines park at their first frame. Their 2 KiB stacks fill 32 KiB spans, 16
/// per span; the first few fill the free slots of the span the main goroutine's stack is in.
#[test]
fn many_parked_goroutines_match_go() {
    let mut checks = Checks::default();
    for line in golden("many.txt").lines().filter(|l| !l.starts_with('#')) {
        let f = fields(line);
        let n = num(&f, "goroutines");
        let (mut s, before) = process_after_main();
        let gs: Vec<GStack> = (0..n).map(|i| s.new_goroutine(0, 10 + i)).collect();
        let delta = s.read_mem_stats().stack_inuse - before;
        checks.check(format!("many n={n} start"), num(&f, "start"), gs[0].size());
        checks.check(
            format!("many n={n} stackinuse_delta"),
            num(&f, "stackinuse_delta"),
            delta,
        );
    }
    checks.finish("many");
}

/// Endless recursion: the growth from 512 MiB to 1 GiB exceeds the 1,000,000,000-byte limit.
#[test]
fn overflow_matches_go() {
    let fr = frames();
    let text = golden("overflow.txt");
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    let mut checks = Checks::default();

    let mut s = process();
    let mut g = s.new_goroutine(0, 1);
    s.call(0, &mut g, Frame::with_size(5000), &mut ())
        .expect("main runs");
    let err = overflow(&mut s, &mut g, fr["main.rec"]);
    let shown = err.to_string();
    let mut shown = shown.lines();
    checks.check(
        "overflow line 1".into(),
        lines[0],
        shown.next().unwrap_or(""),
    );
    checks.check(
        "overflow line 3".into(),
        lines[2],
        shown.next().unwrap_or(""),
    );
    let real_size = fields(lines[1])["hi-lo"].clone();
    checks.check("overflow stack hi-lo".into(), real_size, err.stack.size());
    checks.check(
        "overflow exit status".into(),
        lines[3],
        format!("exit status {STACK_OVERFLOW_EXIT_STATUS}"),
    );
    let full = err.runtime_output();
    assert!(
        full.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("runtime: sp=0x") && l.contains(" stack=[0x")),
        "{full}"
    );
    checks.finish("overflow");
}

// ---------------------------------------------------------------------------------------------
// Unit tests
// ---------------------------------------------------------------------------------------------

#[test]
fn constants_are_go_1_27_3_amd64() {
    assert_eq!(STACK_GUARD, 928);
    assert_eq!(STACK_MIN, 2048);
    assert_eq!(MAX_STACK_SIZE, 1_000_000_000);
    assert_eq!(
        (0..5)
            .map(|o| small_order(STACK_MIN << o))
            .collect::<Vec<_>>(),
        [Some(0), Some(1), Some(2), Some(3), None]
    );
}

#[test]
fn frame_sizes_follow_the_compiler() {
    // rec: [128]byte + spill area for its callee's two register arguments + saved BP.
    assert_eq!(frame_size(128, 16, true), 152);
    assert_eq!(frame_size(0, 0, false), 0, "frameless leaf");
    assert_eq!(frame_size(0, 0, true), 8, "a call needs the saved BP");
    assert_eq!(
        frame_size(13, 3, false),
        16 + 8 + 8,
        "each part rounds up to 8 bytes"
    );
    assert!(
        !Frame::new(100, 0, false).checks_stack,
        "small leaf frames are nosplit on amd64"
    );
    assert!(Frame::new(200, 0, false).checks_stack);
    assert!(Frame::new(8, 0, true).checks_stack);
}

#[test]
fn prologue_check_forms() {
    let guard = 10_000;
    // Small frames may end up to 128 bytes below the guard.
    assert!(!prologue_fails(guard + 1, guard, 128));
    assert!(prologue_fails(guard, guard, 128));
    // Medium frames: SP − (frame − 128) against the guard.
    assert!(!prologue_fails(guard + 73, guard, 200));
    assert!(prologue_fails(guard + 72, guard, 200));
    // Huge frames: an SP-frame that would wrap below zero always fails.
    assert!(prologue_fails(4000, 0, 1 << 20));
    assert!(!prologue_fails(guard + (1 << 20), guard, 1 << 20));
}

#[test]
fn growth_doubles_from_2k() {
    let mut s = process();
    let mut g = s.new_goroutine(0, 1);
    descend(&mut s, &mut g, Frame::with_size(152), 2000);
    let sizes: Vec<(u64, u64)> = s
        .events()
        .iter()
        .filter_map(|e| match e.event {
            StackEvent::Grow { from, to, .. } => Some((from, to)),
            _ => None,
        })
        .collect();
    let expected: Vec<(u64, u64)> = (11..19).map(|k| (1 << k, 1 << (k + 1))).collect();
    assert_eq!(sizes, expected, "2K→4K→…→512K");
    assert_eq!(g.used(), NEWPROC_RESERVE + 2000 * 160);
}

#[test]
fn growth_doubles_until_a_big_frame_fits() {
    let mut s = process();
    let mut g = s.new_goroutine(0, 1);
    s.call(0, &mut g, Frame::with_size(20_000), &mut ())
        .expect("fits in 32 KiB");
    assert_eq!(g.size(), 32 * 1024, "2K → 32K in one growth");
    assert_eq!(grow_count(&s, 1), 1);
}

/// Records the callbacks a stack move makes.
#[derive(Default)]
struct Recorder {
    copies: Vec<(Range<u64>, Range<u64>)>,
    adjusts: Vec<(Range<u64>, Range<u64>)>,
}

impl StackMover for Recorder {
    fn copy(&mut self, from: Range<u64>, to: Range<u64>) {
        self.copies.push((from, to));
    }
    fn adjust(&mut self, old: Range<u64>, new: Range<u64>) {
        self.adjusts.push((old, new));
    }
}

#[test]
fn a_move_copies_the_used_part_and_reports_the_delta() {
    let mut s = process();
    let mut g = s.new_goroutine(0, 1);
    let mut rec = Recorder::default();
    let old = g.stack;
    let mut moved = None;
    while moved.is_none() {
        moved = s
            .call(0, &mut g, Frame::with_size(152), &mut rec)
            .expect("no overflow");
    }
    let m = moved.expect("moved");
    assert_eq!(m.old, old);
    assert_eq!(m.new, g.stack);
    assert_eq!(m.delta, g.stack.hi as i64 - old.hi as i64);
    assert_eq!(
        rec.copies,
        vec![(old.hi - m.copied..old.hi, g.stack.hi - m.copied..g.stack.hi)]
    );
    assert_eq!(rec.adjusts, vec![(old.range(), g.stack.range())]);
    // The SP keeps its distance from hi; a pointer into the old stack moves by delta.
    let p = old.hi - 40;
    assert_eq!(m.relocate(p), g.stack.hi - 40);
    assert_eq!(
        m.relocate(old.hi + 8),
        old.hi + 8,
        "addresses outside the old stack stay"
    );
}

#[test]
fn small_stacks_come_from_32k_spans_through_the_per_p_cache() {
    let mut s = process();
    let a = s.stackalloc(0, 2048);
    // The refill carved a 32 KiB span and took 16 KiB (8 stacks) into the cache.
    assert_eq!(s.stack_inuse(), 32 * 1024);
    let more: Vec<Stack> = (0..15).map(|_| s.stackalloc(0, 2048)).collect();
    assert_eq!(s.stack_inuse(), 32 * 1024, "16 stacks fit in one span");
    let b = s.stackalloc(0, 2048);
    assert_eq!(s.stack_inuse(), 64 * 1024, "the 17th needs a second span");
    // Same span: 2 KiB apart, all inside [base, base + 32 KiB).
    assert!(more
        .iter()
        .all(|m| m.lo.abs_diff(a.lo) < 32 * 1024 && m.lo.abs_diff(a.lo) % 2048 == 0));
    for st in more.into_iter().chain([a, b]) {
        s.stackfree(0, st);
    }
    // Free stacks in a cache keep their spans in StackInuse until the cache is flushed.
    assert!(s.stack_inuse() > 0);
    assert_eq!(
        s.read_mem_stats(),
        StackMemStats {
            stack_inuse: 0,
            stack_sys: 0
        }
    );
    assert_eq!(s.pages().in_use_bytes(), 0);
}

#[test]
fn a_lone_4k_stack_costs_a_whole_span() {
    let mut s = process();
    let g = s.stackalloc(0, 4096);
    assert_eq!(s.read_mem_stats().stack_inuse, 32 * 1024);
    s.stackfree(0, g);
    assert_eq!(s.read_mem_stats().stack_inuse, 0);
}

#[test]
fn a_full_cache_drains_to_half() {
    let mut s = process();
    let stacks: Vec<Stack> = (0..40).map(|_| s.stackalloc(0, 2048)).collect();
    for st in stacks {
        s.stackfree(0, st);
    }
    // 40 frees into a 32 KiB cache: it never exceeds 32 KiB + one stack, spans emptied by the
    // drains go back at once (no GC running).
    assert!(s.stack_inuse() <= 64 * 1024, "{}", s.stack_inuse());
    assert_eq!(s.read_mem_stats().stack_inuse, 0);
}

#[test]
fn large_stacks_get_their_own_span_and_wait_for_the_gc_end() {
    let mut s = process();
    let big = s.stackalloc(0, 64 * 1024);
    assert_eq!(s.stack_inuse(), 64 * 1024);
    s.stackfree(0, big);
    assert_eq!(s.stack_inuse(), 0, "no GC: straight back to the heap");

    let big = s.stackalloc(0, 64 * 1024);
    s.gc_start(0);
    s.stackfree(0, big);
    assert_eq!(
        s.stack_inuse(),
        64 * 1024,
        "during a GC the span stays a stack span"
    );
    let again = s.stackalloc(0, 64 * 1024);
    assert_eq!(again, big, "and is reused from the large-stack pool");
    s.stackfree(0, again);
    s.gc_end();
    assert_eq!(
        s.stack_inuse(),
        0,
        "freeStackSpans returns it at the end of the cycle"
    );
}

#[test]
fn shrink_halves_when_less_than_a_quarter_is_used() {
    let mut s = process();
    let mut g = s.new_goroutine(0, 1);
    descend(&mut s, &mut g, Frame::with_size(152), 100); // 32 KiB stack
    assert_eq!(g.size(), 32 * 1024);
    g.sp = g.stack.hi - (8192 - STACK_NOSPLIT); // used + 800 == size/4: no shrink
    assert!(s.shrink(0, &mut g, &mut ()).is_none());
    g.sp += 8; // now just below a quarter
    let m = s.shrink(0, &mut g, &mut ()).expect("shrinks");
    assert_eq!((m.old.size(), g.size()), (32 * 1024, 16 * 1024));
    // One halving per GC, never below 2 KiB.
    g.sp = g.stack.hi - 100;
    let mut sizes = vec![];
    for _ in 0..6 {
        s.gc_start(0);
        s.scan_stack(0, &mut g, true, &mut ());
        s.gc_end();
        sizes.push(g.size());
    }
    assert_eq!(sizes, [8192, 4096, 2048, 2048, 2048, 2048]);
}

#[test]
fn shrinking_can_be_off_or_deferred() {
    let mut s = process_with(|c| c.shrink_stacks = false);
    let mut g = goroutine_at(&mut s, 1, 100);
    g.sp = g.stack.hi - 100;
    assert!(s.shrink(0, &mut g, &mut ()).is_none(), "gcshrinkstackoff=1");

    let mut s = process();
    let mut g = goroutine_at(&mut s, 1, 100);
    g.sp = g.stack.hi - 100;
    s.gc_start(0);
    assert!(
        s.scan_stack(0, &mut g, false, &mut ()).is_none(),
        "in a syscall: deferred"
    );
    s.gc_end();
    assert!(g.preempt_shrink);
    assert!(s.safe_point(0, &mut g, &mut ()).is_some());
    assert!(!g.preempt_shrink);
}

#[test]
fn adaptive_start_follows_the_average_scanned_stack() {
    let mut s = process();
    let mut gs: Vec<GStack> = (0..10).map(|i| s.new_goroutine(0, i)).collect();
    for g in &mut gs {
        descend(&mut s, g, Frame::with_size(152), 40); // ~6.4 KB used
    }
    s.gc_start(0);
    for g in &mut gs {
        s.scan_stack(0, g, true, &mut ());
    }
    s.gc_end();
    let used = gs[0].used();
    assert_eq!(
        s.starting_stack_size(),
        (used + STACK_GUARD).next_power_of_two()
    );
    assert_eq!(s.starting_stack_size(), 8192);
    assert_eq!(s.new_goroutine(0, 99).size(), 8192);
    // A GC that scans nothing goes back to 2 KiB.
    s.gc_start(0);
    s.gc_end();
    assert_eq!(s.starting_stack_size(), 2048);
    assert!(s.events().iter().any(|e| e.event
        == StackEvent::StartingSize {
            from: 2048,
            to: 8192
        }));

    let mut s = process_with(|c| c.adaptive_stack_start = false);
    let mut g = goroutine_at(&mut s, 1, 40);
    s.gc_start(0);
    s.scan_stack(0, &mut g, true, &mut ());
    s.gc_end();
    assert_eq!(s.starting_stack_size(), 2048, "adaptivestackstart=0");
}

#[test]
fn dead_goroutines_keep_stacks_of_the_starting_size() {
    let mut s = process();
    let g = s.new_goroutine(0, 1);
    let lo = g.stack.lo;
    s.exit_goroutine(0, g);
    let g = s.new_goroutine(0, 2);
    assert_eq!(g.stack.lo, lo, "reused");
    assert!(matches!(
        s.events().last().map(|e| &e.event),
        Some(StackEvent::Alloc { reused: true, .. })
    ));
    let mut g = g;
    descend(&mut s, &mut g, Frame::with_size(152), 20);
    s.exit_goroutine(0, g);
    assert!(matches!(
        s.events().last().map(|e| &e.event),
        Some(StackEvent::Free { kept: false, .. })
    ));
    // The dead goroutine without a stack is taken first: it gets a fresh stack.
    let g = s.new_goroutine(0, 3);
    assert!(matches!(
        s.events().last().map(|e| &e.event),
        Some(StackEvent::Alloc { reused: false, .. })
    ));
    s.exit_goroutine(0, g);
}

fn reused_count(s: &Stacks<SimplePages>, min_goid: u64) -> usize {
    s.events()
        .iter()
        .filter(
            |e| matches!(e.event, StackEvent::Alloc { reused: true, goid, .. } if goid >= min_goid),
        )
        .count()
}

#[test]
fn a_gc_frees_the_stacks_of_dead_goroutines_on_the_global_list() {
    let mut s = process();
    let gs: Vec<GStack> = (0..100).map(|i| s.new_goroutine(0, i)).collect();
    for g in gs {
        s.exit_goroutine(0, g);
    }
    // At 64 dead goroutines the P keeps 31 and moves 33 to the global list; twice.
    assert_eq!(s.dead_goroutine_stacks(), 100);
    let before = s.read_mem_stats().stack_inuse;
    assert_eq!(before, 7 * 32 * 1024, "100 stacks of 2 KiB in 7 spans");
    s.gc_start(0);
    s.gc_end();
    assert_eq!(s.dead_goroutine_stacks(), 34);
    assert!(s.read_mem_stats().stack_inuse < before);
    // The next goroutines reuse the 34 kept stacks, then the P takes stackless ones.
    let _gs: Vec<GStack> = (0..40).map(|i| s.new_goroutine(0, 1000 + i)).collect();
    assert_eq!(reused_count(&s, 1000), 34);
}

#[test]
fn limit_and_set_max_stack() {
    let mut s = process();
    assert_eq!(s.set_max_stack(1 << 20), MAX_STACK_SIZE);
    let mut g = s.new_goroutine(0, 1);
    let err = overflow(&mut s, &mut g, Frame::with_size(152));
    assert_eq!(
        err.to_string(),
        "runtime: goroutine stack exceeds 1048576-byte limit\nfatal error: stack overflow"
    );
    assert_eq!((err.stack.size(), err.requested), (1 << 20, 2 << 20));
    // SetMaxStack cannot go past the 2e9 ceiling: the ceiling is what Go reports then.
    s.set_max_stack(u64::MAX);
    let mut g = s.new_goroutine(0, 2);
    let err = overflow(&mut s, &mut g, Frame::with_size(1 << 20));
    assert_eq!(err.limit, MAX_STACK_CEILING);
    assert_eq!(err.stack.size(), 1 << 30);
}

#[test]
fn events_serialize_for_plots() {
    let mut s = process();
    let mut g = s.new_goroutine(0, 7);
    descend(&mut s, &mut g, Frame::with_size(152), 20);
    let json = serde_json::to_string(&s.events()[1]).expect("serializes");
    assert_eq!(
        json,
        format!(
            r#"{{"seq":1,"gc_cycle":0,"event":{{"kind":"Grow","goid":7,"from":2048,"to":4096,"copied":1160}},"stack_inuse":{}}}"#,
            s.events()[1].stack_inuse
        )
    );
}
