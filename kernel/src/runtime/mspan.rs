//! Spans: runs of pages that hold objects of one size class.
//!
//! An `mspan` is the unit the allocator hands around. It covers `npages` contiguous 8 KiB
//! pages starting at `start`, and is cut into `nelems` slots of `elemsize` bytes (a large
//! object's span has a single slot covering all its pages). Every span has a *span class*
//! `sizeclass << 1 | noscan`: pointer-free objects live in *noscan* spans, which the
//! garbage collector never needs to look inside, so there are 68 × 2 = 136 span classes.
//!
//! Allocation inside a span is a bitmap walk. `alloc_bits` says which slots were live after
//! the last sweep; `free_index` only moves forward: every slot below it has been handed out
//! since then, and the next free slot is the next zero bit at or after it. Go accelerates
//! this with `allocCache` (a 64-bit inverted window of the bitmap); here the window is the
//! current bitmap word, read with one `trailing_zeros`. `alloc_count` counts the used slots.
//!
//! Marking sets bits in `mark_bits` (atomic, so a parallel marker can share the heap). The
//! sweeper then turns the mark bits into the new allocation bits: whatever was not marked
//! is free again ([`super::mgcsweep`]). `sweepgen` tells where the span is in the sweep
//! cycle relative to the heap's `sweepgen` `sg`: `sg-2` needs sweeping, `sg` is swept,
//! `sg+1` was cached before sweeping began, `sg+3` was swept and is cached by an mcache.
//!
//! With Go 1.27.3's Green Tea collector, a one-page span of 16..=512-byte objects keeps 128
//! bytes of *inline mark bits* at its very end, and a pointerful span of objects ≤ 512 B
//! also keeps its pointer bitmap there; both shrink `nelems` (see
//! [`objects_per_span`](super::sizeclass::objects_per_span)). The simulator reserves those
//! bytes but keeps its metadata in Rust vectors.

use std::sync::atomic::{AtomicU64, Ordering};

use super::sizeclass::{class_npages, class_size, objects_per_span, PAGE_SIZE};

/// `sizeclass << 1 | noscan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct SpanClass(pub u8);

/// Number of span classes (68 size classes × scan/noscan).
pub const NUM_SPAN_CLASSES: usize = 136;

impl SpanClass {
    /// Span class of size class `class`, pointer-free if `noscan`.
    #[inline]
    pub const fn new(class: u8, noscan: bool) -> Self {
        SpanClass(class << 1 | noscan as u8)
    }
    /// The size class.
    #[inline]
    pub const fn sizeclass(self) -> u8 {
        self.0 >> 1
    }
    /// Whether objects in the span contain no pointers.
    #[inline]
    pub const fn noscan(self) -> bool {
        self.0 & 1 == 1
    }
    /// Index into per-span-class arrays.
    #[inline]
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// Index of a span in the heap's span table (Go: a `*mspan`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct SpanId(pub u32);

impl SpanId {
    /// "No span" (Go's `&emptymspan`).
    pub const NONE: SpanId = SpanId(u32::MAX);
}

/// Life-cycle state of a span record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum SpanState {
    /// The record is unused (its pages went back to the heap).
    Dead,
    /// The span holds heap objects.
    InUse,
}

/// Per-slot type record of a pointerful object: which type it holds and how many words of
/// the slot are data (the rest of the slot is rounding and holds no pointers).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SlotType {
    /// Index of the type in the heap's type registry.
    pub type_id: u32,
    /// Words of data (the requested size / 8), not counting a malloc header.
    pub data_words: u32,
}

/// A span (Go's `mspan`).
#[derive(Debug)]
pub struct MSpan {
    /// Address of the first page.
    pub start: u64,
    /// Number of pages.
    pub npages: u64,
    /// Size class and noscan bit.
    pub spanclass: SpanClass,
    /// Slot size.
    pub elemsize: u64,
    /// Number of slots.
    pub nelems: u32,
    /// End of the object area (`start + nelems * elemsize`); GC metadata may follow.
    pub limit: u64,
    /// Record state.
    pub state: SpanState,
    /// Next slot to examine for allocation; all slots below it are allocated.
    pub free_index: u32,
    /// Slots in use.
    pub alloc_count: u32,
    /// `alloc_count` when an mcache took the span (for lazy statistics).
    pub alloc_count_before_cache: u32,
    /// Sweep generation (see the module docs).
    pub sweepgen: u32,
    /// Slots may hold stale data and must be zeroed when handed out.
    pub needzero: bool,
    alloc_bits: Vec<u64>,
    mark_bits: Vec<AtomicU64>,
    /// For pointerful small spans, the type of each slot (Go keeps a bitmap at the span end or
    /// a header in the object; see [`super::malloc`]). For a large pointerful span, one entry.
    pub(crate) slot_types: Vec<SlotType>,
    /// Which mcentral list the span was last pushed on (stale entries are skipped).
    pub(crate) list: u8,
}

impl MSpan {
    pub(crate) fn dead() -> Self {
        MSpan {
            start: 0,
            npages: 0,
            spanclass: SpanClass(0),
            elemsize: 0,
            nelems: 0,
            limit: 0,
            state: SpanState::Dead,
            free_index: 0,
            alloc_count: 0,
            alloc_count_before_cache: 0,
            sweepgen: 0,
            needzero: false,
            alloc_bits: Vec::new(),
            mark_bits: Vec::new(),
            slot_types: Vec::new(),
            list: 0,
        }
    }

    /// Prepares the record for a span of `npages` at `start` (Go's `initSpan`).
    pub(crate) fn init(
        &mut self,
        start: u64,
        npages: u64,
        spc: SpanClass,
        green_tea: bool,
        sweepgen: u32,
    ) {
        let class = spc.sizeclass();
        self.start = start;
        self.npages = npages;
        self.spanclass = spc;
        if class == 0 {
            self.elemsize = npages * PAGE_SIZE;
            self.nelems = 1;
        } else {
            debug_assert_eq!(npages, class_npages(class));
            self.elemsize = class_size(class);
            self.nelems = objects_per_span(class, spc.noscan(), green_tea) as u32;
        }
        self.limit = start + self.elemsize * self.nelems as u64;
        self.state = SpanState::InUse;
        self.free_index = 0;
        self.alloc_count = 0;
        self.alloc_count_before_cache = 0;
        self.sweepgen = sweepgen;
        self.needzero = false;
        let words = (self.nelems as usize).div_ceil(64);
        self.alloc_bits.clear();
        self.alloc_bits.resize(words, 0);
        self.mark_bits.clear();
        self.mark_bits.resize_with(words, || AtomicU64::new(0));
        self.slot_types.clear();
        if !spc.noscan() {
            self.slot_types
                .resize(self.nelems as usize, SlotType::default());
        }
        self.list = 0;
    }

    /// Base address of the span.
    pub fn base(&self) -> u64 {
        self.start
    }

    /// Takes the next free slot, or `None` if the span is full (Go's `nextFreeFast` +
    /// `nextFreeIndex`).
    #[inline]
    pub fn next_free_index(&mut self) -> Option<u32> {
        let mut i = self.free_index;
        while i < self.nelems {
            let w = (i / 64) as usize;
            let free = !self.alloc_bits[w] >> (i % 64);
            if free != 0 {
                let idx = i + free.trailing_zeros();
                if idx >= self.nelems {
                    break;
                }
                self.free_index = idx + 1;
                self.alloc_count += 1;
                return Some(idx);
            }
            i = (w as u32 + 1) * 64;
        }
        self.free_index = self.nelems;
        None
    }

    /// Whether slot `i` currently holds an allocated object.
    pub fn is_allocated(&self, i: u32) -> bool {
        i < self.nelems
            && (i < self.free_index || self.alloc_bits[(i / 64) as usize] >> (i % 64) & 1 == 1)
    }

    /// Whether every slot is in use.
    pub fn is_full(&self) -> bool {
        self.alloc_count == self.nelems
    }

    /// Slot index of address `addr` (which must lie in `[start, limit)`).
    #[inline]
    pub fn slot_of(&self, addr: u64) -> u32 {
        ((addr - self.start) / self.elemsize) as u32
    }

    /// Address of slot `i`.
    #[inline]
    pub fn slot_addr(&self, i: u32) -> u64 {
        self.start + i as u64 * self.elemsize
    }

    /// Sets the mark bit of slot `i`; returns `true` if it was not set before.
    /// Safe to call from several marking threads at once.
    #[inline]
    pub fn try_mark(&self, i: u32) -> bool {
        let bit = 1u64 << (i % 64);
        self.mark_bits[(i / 64) as usize].fetch_or(bit, Ordering::Relaxed) & bit == 0
    }

    /// Whether slot `i` is marked.
    #[inline]
    pub fn is_marked(&self, i: u32) -> bool {
        self.mark_bits[(i / 64) as usize].load(Ordering::Relaxed) >> (i % 64) & 1 == 1
    }

    /// Number of marked slots.
    pub fn marked_count(&self) -> u32 {
        self.mark_bits
            .iter()
            .map(|w| w.load(Ordering::Relaxed).count_ones())
            .sum()
    }

    /// Clears every mark bit.
    pub fn clear_marks(&self) {
        for w in &self.mark_bits {
            w.store(0, Ordering::Relaxed);
        }
    }

    /// Sweeping core: the marked slots become the allocated ones; returns how many objects
    /// were freed. The mark bits are cleared for the next cycle.
    pub(crate) fn apply_marks(&mut self) -> u32 {
        let mut live = 0u32;
        for (a, m) in self.alloc_bits.iter_mut().zip(&self.mark_bits) {
            let bits = m.swap(0, Ordering::Relaxed);
            *a = bits;
            live += bits.count_ones();
        }
        debug_assert!(live <= self.alloc_count, "marked a free slot");
        let freed = self.alloc_count.saturating_sub(live);
        self.alloc_count = live;
        self.free_index = 0;
        if freed > 0 {
            self.needzero = true;
        }
        freed
    }
}
