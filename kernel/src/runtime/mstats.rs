//! `runtime.MemStats`: what the heap reports, computed the way Go computes it.
//!
//! Go does not keep `TotalAlloc` or `Mallocs` as running totals of individual allocations.
//! It keeps *consistent heap statistics*: per size class, how many slots were handed out
//! (`smallAllocCount`) and freed (`smallFreeCount`); for large objects, bytes and counts
//! allocated and freed; and the number of tiny objects packed into existing blocks. The
//! counts of a span in an mcache are only added when the span leaves the cache, so
//! `ReadMemStats` first flushes every mcache ([`super::Heap::flush_mcaches`]). Then:
//!
//! * `TotalAlloc` = Σ class slots × class size + large bytes (slot sizes, not requests);
//! * `Mallocs` = Σ class slots + large count + tiny count; `Frees` = freed slots + freed
//!   large objects + tiny count (packed tiny objects count as freed at once);
//! * `HeapAlloc` = `Alloc` = `TotalAlloc` − freed bytes; `HeapObjects` = `Mallocs` − `Frees`;
//! * `HeapInuse` = bytes of in-use spans; `HeapIdle` = free + released pages;
//!   `HeapSys` = `HeapInuse` + `HeapIdle`; `HeapReleased` = idle pages returned to the OS;
//! * `Sys` adds stacks and runtime metadata to `HeapSys`. The simulator has no stacks or
//!   off-heap metadata yet, so those fields stay 0 and `Sys` = `HeapSys` + `StackSys`.
//!
//! GC fields (`NumGC`, `PauseTotalNs`, `NextGC`, …) live in [`GcStats`], which the garbage
//! collector updates.

use serde::{Deserialize, Serialize};

use super::heap::Heap;
use super::sizeclass::{class_size, NUM_SIZE_CLASSES};

/// Go's consistent heap statistics (`heapStatsDelta`), excluding what the mcaches hold.
#[derive(Clone, Debug)]
pub(crate) struct Counters {
    pub small_alloc_count: [u64; NUM_SIZE_CLASSES],
    pub small_free_count: [u64; NUM_SIZE_CLASSES],
    pub large_alloc: u64,
    pub large_alloc_count: u64,
    pub large_free: u64,
    pub large_free_count: u64,
    pub tiny_alloc_count: u64,
}

impl Default for Counters {
    fn default() -> Self {
        Counters {
            small_alloc_count: [0; NUM_SIZE_CLASSES],
            small_free_count: [0; NUM_SIZE_CLASSES],
            large_alloc: 0,
            large_alloc_count: 0,
            large_free: 0,
            large_free_count: 0,
            tiny_alloc_count: 0,
        }
    }
}

/// Counters the garbage collector maintains.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct GcStats {
    /// Completed GC cycles.
    pub num_gc: u32,
    /// Cycles forced by `runtime.GC`.
    pub num_forced_gc: u32,
    /// Total stop-the-world pause time.
    pub pause_total_ns: u64,
    /// Recent pauses, most recent at `(num_gc + 255) % 256`.
    pub pause_ns: Vec<u64>,
    /// End time of the last GC (simulated ns).
    pub last_gc: u64,
    /// Heap goal of the next cycle.
    pub next_gc: u64,
    /// Fraction of CPU used by the GC.
    pub gc_cpu_fraction: f64,
    /// Bytes of goroutine stacks in use (maintained by the stack model).
    pub stack_inuse: u64,
    /// Bytes obtained for stacks.
    pub stack_sys: u64,
}

/// Per-size-class counts (`MemStats.BySize`; Go reports only the first 61 classes).
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct BySize {
    /// Slot size of the class.
    pub size: u32,
    /// Objects allocated.
    pub mallocs: u64,
    /// Objects freed.
    pub frees: u64,
}

/// The fields of Go's `runtime.MemStats`, in Go's order (snake_case).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct MemStats {
    pub alloc: u64,
    pub total_alloc: u64,
    pub sys: u64,
    pub lookups: u64,
    pub mallocs: u64,
    pub frees: u64,
    pub heap_alloc: u64,
    pub heap_sys: u64,
    pub heap_idle: u64,
    pub heap_inuse: u64,
    pub heap_released: u64,
    pub heap_objects: u64,
    pub stack_inuse: u64,
    pub stack_sys: u64,
    pub mspan_inuse: u64,
    pub mspan_sys: u64,
    pub mcache_inuse: u64,
    pub mcache_sys: u64,
    pub buck_hash_sys: u64,
    pub gc_sys: u64,
    pub other_sys: u64,
    pub next_gc: u64,
    pub last_gc: u64,
    pub pause_total_ns: u64,
    pub num_gc: u32,
    pub num_forced_gc: u32,
    pub gc_cpu_fraction: f64,
    pub enable_gc: bool,
    pub debug_gc: bool,
    pub by_size: Vec<BySize>,
}

/// The runtime's own memory besides the heap and the stacks, as Go 1.27.3 maps it for a
/// small program under `GOMAXPROCS=2` (measured with `runtime.ReadMemStats` on the corpus
/// of `kernel/tests/gc/go` and on an empty `main`):
///
/// - `MSpanSys`: one `mspan` descriptor (160 bytes) per span that ever existed at once, taken
///   from a fixed-size allocator in 16 KiB chunks and recycled, never returned (an empty
///   program: 32 KiB; `ring`, 11 000 spans at its peak: 1.7 MB);
/// - `MCacheSys`: 16 072 bytes (the per-P caches' chunk);
/// - `BuckHashSys`: 1 442 523 bytes, the heap-profiling bucket table that the first sampled
///   allocation creates (every program allocates more than `MemProfileRate`, 512 KiB);
/// - `GCSys`: 1.52 MB at start (heap bitmaps and the arena index of the first arena), about
///   1.9–2.4 MB once a cycle has run (mark work buffers): 1.52 MB + 400 KiB after the first
///   cycle;
/// - `OtherSys`: 0.4–0.75 MB (profiling, trace and allocator metadata): 600 KiB.
///
/// Not modelled: the stacks of the runtime's own goroutines and per-P stack caches (real
/// `StackSys` is 288–352 KiB where the VM has only the program's goroutines).
pub mod metadata {
    /// Bytes of one `mspan`.
    pub const MSPAN_BYTES: u64 = 160;
    /// The fixed-size allocator's chunk.
    pub const FIXALLOC_CHUNK: u64 = 16 << 10;
    /// `MCacheSys`.
    pub const MCACHE_SYS: u64 = 16_072;
    /// `BuckHashSys`.
    pub const BUCK_HASH_SYS: u64 = 1_442_523;
    /// `GCSys` before the first cycle.
    pub const GC_SYS_START: u64 = 1_519_376;
    /// `GCSys` added by the first cycle (mark work buffers).
    pub const GC_SYS_MARK: u64 = 400 << 10;
    /// `OtherSys`.
    pub const OTHER_SYS: u64 = 600 << 10;

    /// `MSpanSys` for `spans` span descriptors.
    pub fn mspan_sys(spans: u64) -> u64 {
        (spans * MSPAN_BYTES).div_ceil(FIXALLOC_CHUNK).max(1) * FIXALLOC_CHUNK
    }
}

impl Heap {
    /// The runtime metadata Go maps besides the heap and stacks ([`metadata`]): `MSpanSys +
    /// MCacheSys + BuckHashSys + GCSys + OtherSys`. With the stacks, this is the "other
    /// mapped" memory the memory limit counts.
    pub fn metadata_sys(&self) -> u64 {
        let m = self.mem_stats_metadata();
        m.0 + m.1 + m.2 + m.3 + m.4
    }

    fn mem_stats_metadata(&self) -> (u64, u64, u64, u64, u64) {
        let gc_sys = metadata::GC_SYS_START
            + if self.gc.num_gc > 0 {
                metadata::GC_SYS_MARK
            } else {
                0
            };
        (
            metadata::mspan_sys(self.mheap.spans.len() as u64),
            metadata::MCACHE_SYS,
            metadata::BUCK_HASH_SYS,
            gc_sys,
            metadata::OTHER_SYS,
        )
    }

    /// `runtime.ReadMemStats`: flushes every mcache (which, as in Go, also drops the current
    /// tiny blocks) and reports.
    pub fn read_mem_stats(&mut self) -> MemStats {
        self.flush_mcaches();
        self.mem_stats_unflushed()
    }

    /// The statistics without flushing: objects allocated from spans still held by mcaches
    /// are not counted yet (Go's internal, inconsistent view).
    pub fn mem_stats_unflushed(&self) -> MemStats {
        let c = &self.counters;
        let mut total_alloc = c.large_alloc;
        let mut total_free = c.large_free;
        let mut mallocs = c.large_alloc_count + c.tiny_alloc_count;
        let mut frees = c.large_free_count + c.tiny_alloc_count;
        let mut by_size = Vec::with_capacity(61);
        for i in 0..NUM_SIZE_CLASSES {
            let size = class_size(i as u8);
            total_alloc += c.small_alloc_count[i] * size;
            total_free += c.small_free_count[i] * size;
            mallocs += c.small_alloc_count[i];
            frees += c.small_free_count[i];
            if i < 61 {
                by_size.push(BySize {
                    size: size as u32,
                    mallocs: c.small_alloc_count[i],
                    frees: c.small_free_count[i],
                });
            }
        }
        let h = &self.mheap;
        let g = &self.gc;
        let (mspan_sys, mcache_sys, buck_hash_sys, gc_sys, other_sys) = self.mem_stats_metadata();
        MemStats {
            alloc: total_alloc - total_free,
            total_alloc,
            sys: h.heap_sys()
                + g.stack_sys
                + mspan_sys
                + mcache_sys
                + buck_hash_sys
                + gc_sys
                + other_sys,
            lookups: 0,
            mallocs,
            frees,
            heap_alloc: total_alloc - total_free,
            heap_sys: h.heap_sys(),
            heap_idle: h.heap_free + h.heap_released,
            heap_inuse: h.heap_inuse,
            heap_released: h.heap_released,
            heap_objects: mallocs - frees,
            stack_inuse: g.stack_inuse,
            stack_sys: g.stack_sys,
            next_gc: g.next_gc,
            last_gc: g.last_gc,
            pause_total_ns: g.pause_total_ns,
            num_gc: g.num_gc,
            num_forced_gc: g.num_forced_gc,
            gc_cpu_fraction: g.gc_cpu_fraction,
            mspan_sys,
            mcache_sys,
            buck_hash_sys,
            gc_sys,
            other_sys,
            enable_gc: true,
            by_size,
            ..MemStats::default()
        }
    }
}
