//! The pacer: when to start a cycle, how hard to mark, and what `gctrace` prints.
//!
//! Go's collector is *paced*: it must finish marking before the heap outgrows a **heap
//! goal**, yet start as late as possible so that little CPU goes to GC. After every cycle
//! the pacer knows how many bytes survived (`heapMarked`) and how much scannable memory the
//! roots held (stacks and globals). With `GOGC=100` the program may then allocate as much
//! again as it scanned:
//!
//! ```text
//!   goal = heapMarked + (heapMarked + stacks + globals) × GOGC/100,   at least 4 MiB × GOGC/100
//! ```
//!
//! A memory limit (`GOMEMLIMIT`) gives a second goal: the limit minus every byte that is not
//! heap (stacks, runtime metadata, fragmentation) minus a 3 % (≥ 1 MiB) headroom, never
//! below `heapMarked`. The effective goal is the smaller one, so `GOGC=off` plus a limit
//! collects only when memory gets tight.
//!
//! Marking runs concurrently with the program, so it must start *before* the goal, at the
//! **trigger**. The distance, the *runway*, is how many bytes the program is expected to
//! allocate while the GC marks: `consMark × (1−u)/u × scannable bytes`, where `u = 0.25` is
//! the background utilization and `consMark` (allocation rate / mark rate) is measured in
//! each cycle. The trigger is then clamped between 45/64 and 61/64 of the way from
//! `heapMarked` to the goal (and, for big goals, no later than 4 MiB before it).
//!
//! During the cycle, 25 % of GOMAXPROCS runs background mark workers: whole *dedicated*
//! workers when 0.25 × P rounds well, otherwise a *fractional* worker that time-slices. If
//! the program allocates faster than they mark, allocating goroutines pay an **assist**:
//! `assistWorkPerByte = remaining scan work / remaining runway` bytes of marking per byte
//! allocated. A leaky-bucket **GC CPU limiter** stops assists when GC has used more than
//! about half the CPU for a while, which prevents death spirals under a tight memory limit.

/// Go's `defaultHeapMinimum`: 4 MiB at GOGC=100.
pub const DEFAULT_HEAP_MINIMUM: u64 = 4 << 20;
/// Background mark utilization target (`gcBackgroundUtilization`).
pub const BACKGROUND_UTILIZATION: f64 = 0.25;
/// Goal utilization used for the runway (`gcGoalUtilization`).
pub const GOAL_UTILIZATION: f64 = 0.25;
/// The memory-limit goal keeps this percentage of headroom…
pub const LIMIT_HEADROOM_PERCENT: u64 = 3;
/// …and at least this many bytes.
pub const LIMIT_MIN_HEADROOM: u64 = 1 << 20;
/// Sweeping needs at least this much runway before the next trigger.
pub const SWEEP_MIN_HEAP_DISTANCE: u64 = 1 << 20;
/// No memory limit (`math.MaxInt64`).
pub const NO_MEMORY_LIMIT: u64 = i64::MAX as u64;
/// Extra scan work an assist does beyond its debt, so that it does not come back at once.
pub const OVER_ASSIST_WORK: u64 = 64 << 10;

/// Background mark workers for `procs` Ps: `(dedicated, fractional utilization goal per P)`.
///
/// `0.25 × P` is rounded to whole dedicated workers; if rounding is off by more than 30 %
/// one fewer dedicated worker runs and a fractional worker covers the rest.
///
/// ```
/// use gomem::runtime::gc::pacer::mark_workers;
/// assert_eq!(mark_workers(2), (0, 0.25));
/// assert_eq!(mark_workers(4), (1, 0.0));
/// ```
pub fn mark_workers(procs: usize) -> (usize, f64) {
    let goal = procs as f64 * BACKGROUND_UTILIZATION;
    let mut dedicated = (goal + 0.5) as usize;
    let error = (dedicated as f64 - goal) / goal;
    let mut fractional = 0.0;
    if !(-0.3..=0.3).contains(&error) {
        if dedicated as f64 > goal {
            dedicated -= 1;
        }
        fractional = (goal - dedicated as f64) / procs as f64;
    }
    (dedicated, fractional)
}

/// Formats nanoseconds as milliseconds the way gctrace does: whole milliseconds from 10 ms
/// on, otherwise two significant digits with at most three decimals.
pub fn fmt_ns_as_ms(ns: u64) -> String {
    if ns >= 10_000_000 {
        return (ns / 1_000_000).to_string();
    }
    let mut x = ns / 1000;
    if x == 0 {
        return "0".into();
    }
    let mut dec = 3;
    while x >= 100 {
        x /= 10;
        dec -= 1;
    }
    fixed_point(x, dec)
}

/// `val / 10^dec` with exactly `dec` decimals.
fn fixed_point(val: u64, dec: u32) -> String {
    if dec == 0 {
        return val.to_string();
    }
    let p = 10u64.pow(dec);
    format!("{}.{:0w$}", val / p, val % p, w = dec as usize)
}

/// The GC CPU limiter: a leaky bucket of GC CPU time (Go's `gcCPULimiterState`).
///
/// GC time fills the bucket, mutator time drains it at the same rate, so it only fills when
/// GC uses more than half the CPU. Its capacity is one CPU-second per P; while it is full,
/// the limiter is *on* and assists are skipped.
#[derive(Clone, Debug, Default)]
pub struct CpuLimiter {
    /// Nanoseconds of GC CPU time in the bucket.
    pub fill: u64,
    /// Bucket size (1 s × GOMAXPROCS).
    pub capacity: u64,
    /// Whether the bucket is full (GC CPU is being limited).
    pub enabled: bool,
    /// CPU time that GC would have used but was denied, in ns.
    pub overflow: u64,
}

impl CpuLimiter {
    /// A limiter for `procs` Ps.
    pub fn new(procs: usize) -> Self {
        CpuLimiter {
            capacity: 1_000_000_000 * procs as u64,
            ..Default::default()
        }
    }
    /// Accounts a window of `gc_ns` GC CPU time and `mutator_ns` mutator CPU time.
    pub fn update(&mut self, gc_ns: u64, mutator_ns: u64) {
        if gc_ns >= mutator_ns {
            let add = gc_ns - mutator_ns;
            let room = self.capacity - self.fill;
            if add > room {
                self.overflow += add - room;
            }
            self.fill = (self.fill + add).min(self.capacity);
        } else {
            self.fill = self.fill.saturating_sub(mutator_ns - gc_ns);
        }
        self.enabled = self.fill == self.capacity;
    }
}

/// The pacer's state (Go's `gcControllerState`), all in bytes unless stated.
#[derive(Clone, Debug)]
pub struct Pacer {
    /// GOGC; `None` is `GOGC=off`.
    pub gogc: Option<u32>,
    /// GOMEMLIMIT in bytes ([`NO_MEMORY_LIMIT`] when unset).
    pub memory_limit: u64,
    /// GOMAXPROCS.
    pub procs: usize,
    /// Bytes marked live by the last cycle.
    pub heap_marked: u64,
    /// Heap bytes allocated and not yet known dead (`heapLive`).
    pub heap_live: u64,
    /// Scannable heap bytes at the last mark termination (`lastHeapScan`).
    pub last_heap_scan: u64,
    /// Scannable stack bytes found by the last cycle (`lastStackScan`).
    pub last_stack_scan: u64,
    /// Scannable bytes of globals (`globalsScan`).
    pub globals_scan: u64,
    /// The GOGC part of the goal.
    pub gc_percent_goal: u64,
    /// The goal of the cycle that last finished (`lastHeapGoal`, printed by gctrace).
    pub last_heap_goal: u64,
    /// `heapLive` when the current cycle triggered (`u64::MAX` before the first).
    pub triggered: u64,
    /// Estimated allocation rate over mark rate.
    pub cons_mark: f64,
    last_cons_mark: [f64; 4],
    /// Bytes the program is expected to allocate during marking.
    pub runway: u64,
    /// With unfinished sweeping, the next trigger is at least `heapLive + 1 MiB`.
    pub sweep_dist_min_trigger: u64,
    /// Non-heap mapped memory (stacks, runtime metadata) the caller reports, for the limit.
    pub other_mapped: u64,
    /// Dedicated mark workers of the current cycle.
    pub dedicated_workers: usize,
    /// Fractional utilization goal of the current cycle.
    pub fractional_goal: f64,
    /// Scan work (bytes) to do per byte allocated during mark.
    pub assist_work_per_byte: f64,
    /// Scan work expected for this cycle.
    pub expected_scan_work: u64,
    /// The limiter.
    pub limiter: CpuLimiter,
}

impl Pacer {
    /// A pacer for `procs` Ps with GOGC `gogc` and no memory limit, before the first cycle.
    pub fn new(procs: usize, gogc: Option<u32>) -> Self {
        let mut p = Pacer {
            gogc,
            memory_limit: NO_MEMORY_LIMIT,
            procs,
            heap_marked: 0,
            heap_live: 0,
            last_heap_scan: 0,
            last_stack_scan: 0,
            globals_scan: 0,
            gc_percent_goal: 0,
            last_heap_goal: 0,
            triggered: u64::MAX,
            cons_mark: 0.0,
            last_cons_mark: [0.0; 4],
            runway: 0,
            sweep_dist_min_trigger: 0,
            other_mapped: 0,
            dedicated_workers: 0,
            fractional_goal: 0.0,
            assist_work_per_byte: 0.0,
            expected_scan_work: 0,
            limiter: CpuLimiter::new(procs),
        };
        p.commit(false);
        p
    }

    /// `4 MiB × GOGC/100` (Go's `heapMinimum`); 4 MiB when GOGC is off.
    pub fn heap_minimum(&self) -> u64 {
        match self.gogc {
            Some(g) => DEFAULT_HEAP_MINIMUM * g as u64 / 100,
            None => DEFAULT_HEAP_MINIMUM,
        }
    }

    /// Recomputes the GOGC goal and the runway from the last cycle's results (Go's
    /// `commit`). `sweeping` says whether the heap still has unswept spans.
    pub fn commit(&mut self, sweeping: bool) {
        self.gc_percent_goal = match self.gogc {
            None => u64::MAX,
            Some(g) => {
                let scan = self.heap_marked + self.last_stack_scan + self.globals_scan;
                (self.heap_marked + scan * g as u64 / 100).max(self.heap_minimum())
            }
        };
        self.sweep_dist_min_trigger = if sweeping {
            self.heap_live + SWEEP_MIN_HEAP_DISTANCE
        } else {
            0
        };
        let scannable = self.last_heap_scan + self.last_stack_scan + self.globals_scan;
        self.runway = (self.cons_mark * (1.0 - GOAL_UTILIZATION) / GOAL_UTILIZATION
            * scannable as f64) as u64;
    }

    /// `SetGCPercent`: returns the old value (-1 for off).
    pub fn set_gc_percent(&mut self, gogc: Option<u32>, sweeping: bool) -> i64 {
        let old = self.gogc.map_or(-1, |g| g as i64);
        self.gogc = gogc;
        self.commit(sweeping);
        old
    }

    /// `debug.SetMemoryLimit`: returns the old limit.
    pub fn set_memory_limit(&mut self, limit: u64) -> u64 {
        std::mem::replace(&mut self.memory_limit, limit)
    }

    /// The memory-limit goal given how much memory is mapped and ready, how much of it is
    /// free heap, and the heap bytes allocated (Go's `memoryLimitHeapGoal`).
    pub fn memory_limit_goal(&self, mapped_ready: u64, heap_free: u64, heap_alloc: u64) -> u64 {
        if self.memory_limit == NO_MEMORY_LIMIT {
            return u64::MAX;
        }
        let limit = self.memory_limit;
        let non_heap = mapped_ready.saturating_sub(heap_free + heap_alloc);
        let overage = mapped_ready.saturating_sub(limit);
        if non_heap + overage >= limit {
            return self.heap_marked;
        }
        let goal = limit - (non_heap + overage);
        let headroom = (goal / 100 * LIMIT_HEADROOM_PERCENT).max(LIMIT_MIN_HEADROOM);
        let goal = if goal < 2 * headroom {
            headroom
        } else {
            goal - headroom
        };
        goal.max(self.heap_marked)
    }

    /// The effective heap goal and the minimum trigger (Go's `heapGoalInternal`).
    /// `limit_goal` comes from [`Pacer::memory_limit_goal`].
    pub fn heap_goal(&self, limit_goal: u64) -> (u64, u64) {
        let mut goal = self.gc_percent_goal;
        let mut min_trigger = 0;
        if limit_goal < goal {
            goal = limit_goal;
        } else {
            goal = goal.max(self.sweep_dist_min_trigger);
            min_trigger = self.sweep_dist_min_trigger;
            const MIN_RUNWAY: u64 = 64 << 10;
            if self.triggered != u64::MAX && goal < self.triggered + MIN_RUNWAY {
                goal = self.triggered + MIN_RUNWAY;
            }
        }
        (goal, min_trigger)
    }

    /// `(trigger, goal)`: the heap size at which the next cycle starts (Go's `trigger`).
    pub fn trigger(&self, limit_goal: u64) -> (u64, u64) {
        let (goal, min_trigger) = self.heap_goal(limit_goal);
        if self.heap_marked >= goal {
            return (goal, goal);
        }
        let span = (goal - self.heap_marked) / 64;
        let min_trigger = min_trigger
            .max(self.heap_marked)
            .max(span * 45 + self.heap_marked);
        let mut max_trigger = span * 61 + self.heap_marked;
        if goal > DEFAULT_HEAP_MINIMUM && goal - DEFAULT_HEAP_MINIMUM > max_trigger {
            max_trigger = goal - DEFAULT_HEAP_MINIMUM;
        }
        let max_trigger = max_trigger.max(min_trigger);
        let t = if self.runway > goal {
            min_trigger
        } else {
            goal - self.runway
        };
        (t.clamp(min_trigger, max_trigger), goal)
    }

    /// Cycle start (Go's `startCycle`): sizes the workers and sets the assist ratio.
    pub fn start_cycle(&mut self, goal: u64) {
        self.triggered = self.heap_live;
        let (d, f) = mark_workers(self.procs);
        self.dedicated_workers = d;
        self.fractional_goal = f;
        self.expected_scan_work = self.last_heap_scan + self.last_stack_scan + self.globals_scan;
        self.revise(goal, 0);
    }

    /// Recomputes the assist ratio during mark (Go's `revise`): remaining expected scan work
    /// over the remaining heap runway. Past the goal, the goal is extended (up to the hard
    /// goal `(1 + GOGC/100) × goal`) so that the ratio stays finite.
    pub fn revise(&mut self, goal: u64, scan_work_done: u64) {
        let mut goal = goal;
        let mut work_left = self.expected_scan_work.saturating_sub(scan_work_done) as f64;
        if scan_work_done > self.expected_scan_work {
            let g = self.gogc.unwrap_or(100) as f64;
            goal = (goal as f64 * (1.0 + g / 100.0)) as u64;
            work_left = self.expected_scan_work as f64;
        }
        if self.heap_live + self.heap_live / 10 > goal {
            goal = self.heap_live + self.heap_live / 10;
        }
        let heap_left = goal.saturating_sub(self.heap_live).max(1) as f64;
        self.assist_work_per_byte = work_left.max(1.0) / heap_left;
    }

    /// Mark termination (Go's `endCycle` + `resetLive` + `commit`): records what survived and
    /// updates `consMark` from how much was allocated during marking vs the scan work.
    #[allow(clippy::too_many_arguments)]
    pub fn end_cycle(
        &mut self,
        goal: u64,
        heap_marked: u64,
        heap_scan: u64,
        stack_scan: u64,
        globals_scan: u64,
        scan_work: u64,
        assist_utilization: f64,
    ) {
        self.last_heap_goal = goal;
        if self.heap_live > self.triggered && scan_work > 0 {
            let u = BACKGROUND_UTILIZATION + assist_utilization;
            let current =
                (self.heap_live - self.triggered) as f64 * u / (scan_work as f64 * (1.0 - u));
            self.cons_mark = self.last_cons_mark.iter().copied().fold(current, f64::max);
            self.last_cons_mark.rotate_left(1);
            self.last_cons_mark[3] = current;
        }
        self.heap_marked = heap_marked;
        self.heap_live = heap_marked;
        self.last_heap_scan = heap_scan;
        self.last_stack_scan = stack_scan;
        self.globals_scan = globals_scan;
        self.triggered = u64::MAX;
        self.commit(true);
    }

    /// A `GODEBUG=gcpacertrace=1` line at cycle start.
    pub fn pacer_trace_start(&self, goal: u64) -> String {
        format!(
            "pacer: assist ratio={:.2} (scan {} MB in {}->{} MB) workers={}+{}",
            self.assist_work_per_byte,
            self.expected_scan_work >> 20,
            self.heap_live >> 20,
            goal >> 20,
            self.dedicated_workers,
            fmt_g(self.fractional_goal)
        )
    }
}

/// Formats like Go's `print(float)` shortened to what gcpacertrace shows (`0.25`, `0.0833`).
fn fmt_g(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    let s = format!("{x:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The numbers of one cycle that `GODEBUG=gctrace=1` prints at mark termination.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct TraceLine {
    /// Cycle number (`NumGC` after this cycle).
    pub num: u32,
    /// Virtual ns since program start when sweep termination began.
    pub t_sweep_term: u64,
    /// When concurrent mark began.
    pub t_mark: u64,
    /// When mark termination began.
    pub t_mark_term: u64,
    /// When mark termination ended.
    pub t_end: u64,
    /// Cumulative GC CPU fraction (0..1).
    pub cpu_fraction: f64,
    /// Assist CPU ns.
    pub assist_ns: u64,
    /// Dedicated + fractional worker CPU ns.
    pub background_ns: u64,
    /// Idle worker CPU ns.
    pub idle_ns: u64,
    /// heapLive at start, at mark termination, and bytes marked.
    pub heap0: u64,
    /// heapLive at mark termination.
    pub heap1: u64,
    /// Bytes marked.
    pub heap2: u64,
    /// The cycle's goal.
    pub goal: u64,
    /// Scannable stack bytes.
    pub stacks: u64,
    /// Scannable global bytes.
    pub globals: u64,
    /// GOMAXPROCS.
    pub procs: usize,
    /// `runtime.GC()` / `debug.FreeOSMemory()`.
    pub forced: bool,
}

impl std::fmt::Display for TraceLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = self.procs as u64;
        let ms = fmt_ns_as_ms;
        write!(
            f,
            "gc {} @{}s {}%: {}+{}+{} ms clock, {}+{}/{}/{}+{} ms cpu, {}->{}->{} MB, {} MB goal, {} MB stacks, {} MB globals, {} P",
            self.num,
            fixed_point(self.t_sweep_term / 1_000_000, 3),
            (self.cpu_fraction * 100.0) as i64,
            ms(self.t_mark - self.t_sweep_term),
            ms(self.t_mark_term - self.t_mark),
            ms(self.t_end - self.t_mark_term),
            ms(p * (self.t_mark - self.t_sweep_term)),
            ms(self.assist_ns),
            ms(self.background_ns),
            ms(self.idle_ns),
            ms(p * (self.t_end - self.t_mark_term)),
            self.heap0 >> 20,
            self.heap1 >> 20,
            self.heap2 >> 20,
            self.goal >> 20,
            self.stacks >> 20,
            self.globals >> 20,
            self.procs
        )?;
        if self.forced {
            write!(f, " (forced)")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ms_formatting_matches_go() {
        assert_eq!(fmt_ns_as_ms(240_000), "0.24");
        assert_eq!(fmt_ns_as_ms(1_500_000), "1.5");
        assert_eq!(fmt_ns_as_ms(5_000), "0.005");
        assert_eq!(fmt_ns_as_ms(11_000_000), "11");
        assert_eq!(fmt_ns_as_ms(999), "0");
        assert_eq!(fixed_point(6, 3), "0.006");
    }

    #[test]
    fn fractional_formatting() {
        assert_eq!(fmt_g(0.25), "0.25");
        assert_eq!(fmt_g(1.0 / 12.0), "0.0833");
    }
}
