//! The scavenger: returning idle heap pages to the operating system.
//!
//! Sweeping frees objects and, when a span empties, its pages; but those pages stay
//! mapped and count toward the process's memory. The **background scavenger** (about 1 %
//! of one CPU) releases free pages with `madvise` so the OS can reclaim them; they then
//! show as `HeapReleased`. After each GC cycle it sets itself two goals:
//!
//! * the GOGC goal: keep at most `heapInUse × (goal / lastGoal) × 1.1` bytes of heap
//!   retained — the heap in use, scaled by how the heap goal is moving, plus 10 %;
//! * the memory-limit goal: keep total mapped memory at most 95 % of GOMEMLIMIT.
//!
//! It works while either goal is unmet. `debug.FreeOSMemory()` forces a GC and then
//! releases every free page at once.

use crate::runtime::Heap;

/// The GOGC goal keeps 10 % extra (`retainExtraPercent`).
pub const RETAIN_EXTRA_PERCENT: u64 = 10;
/// The memory-limit goal is 95 % of the limit (`reduceExtraPercent` = 5).
pub const REDUCE_EXTRA_PERCENT: u64 = 5;

/// Scavenger goals and counters.
#[derive(Clone, Debug, Default)]
pub struct Scavenger {
    /// Maximum retained heap bytes (in use + free, not released) under GOGC.
    pub gc_percent_goal: u64,
    /// Maximum mapped bytes under the memory limit (`u64::MAX` when unlimited).
    pub memory_limit_goal: u64,
    /// Bytes released so far.
    pub released: u64,
}

impl Scavenger {
    /// Recomputes the goals after a cycle (Go's `gcPaceScavenger`).
    pub fn pace(&mut self, heap_in_use: u64, goal: u64, last_goal: u64, memory_limit: u64) {
        self.memory_limit_goal = if memory_limit >= super::pacer::NO_MEMORY_LIMIT {
            u64::MAX
        } else {
            memory_limit / 100 * (100 - REDUCE_EXTRA_PERCENT)
        };
        self.gc_percent_goal = if last_goal == 0 || goal == u64::MAX {
            u64::MAX
        } else {
            let g = heap_in_use as f64 * (goal as f64 / last_goal as f64);
            (g * (100 + RETAIN_EXTRA_PERCENT) as f64 / 100.0) as u64
        };
    }

    /// Bytes the scavenger wants to release now, given the heap and `other_mapped`
    /// non-heap memory.
    pub fn wanted(&self, heap: &Heap, other_mapped: u64) -> u64 {
        let h = heap.mheap();
        let retained = h.heap_inuse + h.heap_free;
        let by_gogc = retained.saturating_sub(self.gc_percent_goal);
        let by_limit = (retained + other_mapped).saturating_sub(self.memory_limit_goal);
        by_gogc.max(by_limit).min(h.heap_free)
    }

    /// One background step: releases at most `budget` bytes toward the goals.
    pub fn step(&mut self, heap: &mut Heap, other_mapped: u64, budget: u64) -> u64 {
        let want = self.wanted(heap, other_mapped).min(budget);
        let r = if want > 0 { heap.scavenge(want) } else { 0 };
        self.released += r;
        r
    }

    /// Releases every free page (the second half of `debug.FreeOSMemory`).
    pub fn release_all(&mut self, heap: &mut Heap) -> u64 {
        let r = heap.scavenge(u64::MAX);
        self.released += r;
        r
    }
}
