//! Sweeping: giving unmarked slots back, lazily and in proportion to allocation.
//!
//! When marking ends, every span becomes "unswept" at once (the heap's `sweepgen` moves
//! by 2, see [`crate::runtime::mgcsweep`]), but nothing is freed yet: the world restarts
//! right away and sweeping happens concurrently with the program, by four agents:
//!
//! * **lazy** — an mcache that needs a span of some class sweeps spans of that class
//!   until it finds free space (done inside the heap's `cacheSpan`);
//! * **proportional** — allocating goroutines earn *sweep debt*: every allocated byte
//!   obliges them to sweep `pagesPerByte` pages, set so that all spans are swept before
//!   the heap reaches the next trigger ([`Sweeper::deduct_credit`]);
//! * **background** — a low-priority goroutine sweeps whenever a P is idle
//!   ([`Sweeper::background`]);
//! * **the next cycle or `runtime.GC()`** — sweep termination finishes what is left.
//!
//! Only sweeping frees: `Frees` grows and `HeapAlloc` shrinks span by span as the sweeper
//! reaches them, which is why `HeapAlloc` includes dead objects that were not swept yet.

use crate::runtime::{Heap, SpanId, SweepResult};

/// State of the sweep of one cycle.
#[derive(Clone, Debug, Default)]
pub struct Sweeper {
    queue: Vec<SpanId>,
    /// Pages to sweep per byte allocated (`sweepPagesPerByte`).
    pub pages_per_byte: f64,
    /// Bytes allocated since sweeping began.
    pub allocated: u64,
    /// Pages swept this cycle (by the proportional and background sweepers).
    pub pages_swept: u64,
    /// Pages that needed sweeping when the cycle's sweep began.
    pub pages_total: u64,
    /// Totals of what this sweeper freed (lazy sweeping inside the heap is not counted).
    pub freed: SweepResult,
}

impl Sweeper {
    /// Starts sweeping after [`Heap::begin_sweep`]: queues every unswept span in address
    /// order (Go's `sweepone` walks an unordered set; order does not change results).
    pub fn begin(&mut self, heap: &Heap) {
        let mut q: Vec<(u64, SpanId)> = heap
            .mheap()
            .spans()
            .filter(|(id, _)| heap.needs_sweep(*id))
            .map(|(id, s)| (s.start, id))
            .collect();
        q.sort_unstable();
        self.pages_total = q.iter().map(|&(_, id)| heap.span(id).npages).sum();
        self.queue = q.into_iter().rev().map(|(_, id)| id).collect();
        self.pages_swept = 0;
        self.allocated = 0;
        self.freed = SweepResult::default();
    }

    /// Sets the proportional rate so that the remaining pages are swept before the heap
    /// grows from `heap_live` to `trigger` (at least 1 MiB of runway; Go's `gcPaceSweeper`).
    pub fn pace(&mut self, heap_live: u64, trigger: u64) {
        let distance = trigger
            .saturating_sub(heap_live)
            .max(super::pacer::SWEEP_MIN_HEAP_DISTANCE);
        self.pages_per_byte = self.pages_total as f64 / distance as f64;
    }

    /// Whether spans are still queued.
    pub fn pending(&self, heap: &Heap) -> bool {
        self.queue.iter().any(|&id| heap.needs_sweep(id))
    }

    /// Sweeps one span (Go's `sweepone`); `None` when nothing is left.
    pub fn sweep_one(&mut self, heap: &mut Heap) -> Option<SweepResult> {
        while let Some(id) = self.queue.pop() {
            let npages = heap.span(id).npages;
            if let Some(r) = heap.sweep_span_marked(id) {
                self.pages_swept += npages;
                self.freed.freed_objects += r.freed_objects;
                self.freed.freed_bytes += r.freed_bytes;
                self.freed.live_objects += r.live_objects;
                return Some(r);
            }
        }
        None
    }

    /// Proportional sweep: after allocating `bytes`, sweeps until the pages swept keep up
    /// with `pages_per_byte × bytes allocated` (Go's `deductSweepCredit`).
    pub fn deduct_credit(&mut self, heap: &mut Heap, bytes: u64) -> u32 {
        self.allocated += bytes;
        let target = (self.pages_per_byte * self.allocated as f64) as u64;
        let mut n = 0;
        while self.pages_swept < target {
            if self.sweep_one(heap).is_none() {
                break;
            }
            n += 1;
        }
        n
    }

    /// Background sweeping: sweeps up to `spans` spans; returns whether sweeping is done.
    pub fn background(&mut self, heap: &mut Heap, spans: usize) -> bool {
        for _ in 0..spans {
            if self.sweep_one(heap).is_none() {
                return true;
            }
        }
        !self.pending(heap)
    }

    /// Sweeps everything left (the heap's lists included) and returns what was freed.
    pub fn finish(&mut self, heap: &mut Heap) -> SweepResult {
        while self.sweep_one(heap).is_some() {}
        let rest = heap.finish_sweep();
        self.freed.freed_objects += rest.freed_objects;
        self.freed.freed_bytes += rest.freed_bytes;
        self.freed
    }
}
