//! Per-P caches: lock-free allocation for the common case.
//!
//! Each P (logical processor, `GOMAXPROCS` of them) owns an `mcache`. It holds one current
//! span per span class; a small allocation just takes the next free slot of that span, with
//! no lock and no shared state, which is why Go's `new` is so cheap. Only when the span is
//! full does the P go to the [`mcentral`](super::mcentral) for another one (`refill`).
//!
//! The mcache also holds the *tiny allocator* state: the current 16-byte block (`tiny`),
//! how much of it is used (`tiny_offset`) and how many objects were combined into blocks
//! (`tiny_allocs`). See [`malloc`](super::malloc).
//!
//! Statistics are kept lazily, as in Go: when a span enters the cache its `alloc_count` is
//! remembered, and the difference is added to the per-class malloc counts only when the span
//! leaves (refill) or when the caches are flushed. `runtime.ReadMemStats` flushes every
//! mcache (stop-the-world + `flushallmcaches`), which *also drops the current tiny block*:
//! the first tiny allocation after `ReadMemStats` always starts a fresh block.

use super::mspan::{SpanId, NUM_SPAN_CLASSES};

/// A per-P allocation cache (Go's `mcache`).
#[derive(Debug, Clone)]
pub struct MCache {
    /// Current span of each span class ([`SpanId::NONE`] if none).
    pub alloc: [SpanId; NUM_SPAN_CLASSES],
    /// Address of the current tiny block (0 = none).
    pub tiny: u64,
    /// Bytes used in the tiny block.
    pub tiny_offset: u64,
    /// Tiny objects combined into existing blocks, not yet flushed to the statistics.
    pub tiny_allocs: u64,
}

impl Default for MCache {
    fn default() -> Self {
        MCache {
            alloc: [SpanId::NONE; NUM_SPAN_CLASSES],
            tiny: 0,
            tiny_offset: 0,
            tiny_allocs: 0,
        }
    }
}
