//! `mallocgc`: how one allocation request becomes an address.
//!
//! Every `new(T)`, escaping composite literal, `make`, string concatenation or interface
//! boxing in Go ends in `mallocgc(size, type, needzero)`. It picks one of five paths:
//!
//! 1. **Zero size** — return the address of `zerobase`; nothing is allocated, so all
//!    zero-size objects (`struct{}{}`, `[0]int`) share one address.
//! 2. **Tiny** (pointer-free and < 16 B) — several such objects are packed into one 16-byte
//!    block taken from size class 2. The next object is placed at the current offset,
//!    aligned to 8, 4 or 2 bytes when its size is a multiple of 8, 4 or 2. If it does not
//!    fit, a fresh block is taken, and it becomes the current block only if it has more room
//!    left than the old one. A block is freed only when *all* objects in it are dead. Only
//!    the block counts as a slot: `TotalAlloc` grows by 16 per block, while `Mallocs` counts
//!    every object (the ones packed into an existing block are also counted as already
//!    freed, so they never appear in `HeapObjects`).
//! 3. **Small** (≤ 32760 B) — round the size up to its size class and take the next free
//!    slot of the P's current span for that class (pointer-free and pointerful objects use
//!    different spans). A pointerful object larger than 512 B gets an 8-byte *malloc header*
//!    in front, holding its type, so `size + 8` is what gets rounded: `make([]*int, 65)`
//!    (520 B) needs 528 and lands in the 576-byte class. Smaller pointerful objects instead
//!    have their pointer bits recorded in a bitmap at the end of their span.
//! 4. **Large** (> 32760 B) — a span of its own, `ceil(size / 8 KiB)` pages, span class 0.
//!
//! The simulator records, for each pointerful object, its type and data length
//! ([`super::mspan::SlotType`]); with the registered [`TypeLayout`] this gives the GC exactly
//! Go's information: which 8-byte words hold pointers. For header objects the type id is
//! also written into the header word in simulated memory, where Go keeps the type pointer.
//! The address returned to the program is just past the header.
//!
//! Statistics are not touched on the fast path: a span's allocations are counted when it
//! leaves its mcache (see [`super::mcache`]).

use super::heap::{Heap, ZEROBASE};
use super::mcentral::{LIST_FULL, LIST_NONE, LIST_PARTIAL};
use super::mspan::{MSpan, SlotType, SpanClass, SpanId, SpanState};
use super::sizeclass::{
    class_npages, class_size, heap_bits_in_span, size_to_class, MALLOC_HEADER_SIZE,
    MAX_SMALL_ALLOC, PAGE_SIZE, TINY_SIZE, TINY_SIZE_CLASS,
};

/// Span class of the tiny blocks (size class 2, pointer-free).
pub const TINY_SPAN_CLASS: SpanClass = SpanClass::new(TINY_SIZE_CLASS, true);

/// Handle of a registered type, passed to [`Heap::malloc`]. Cheap to copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TypeInfo {
    id: u32,
    scan: bool,
}

impl TypeInfo {
    /// Any pointer-free type (`[]byte` contents, ints, strings' bytes…).
    pub const fn noscan() -> Self {
        TypeInfo { id: 0, scan: false }
    }
    pub(crate) const fn new(id: u32, scan: bool) -> Self {
        TypeInfo { id, scan }
    }
    /// Registry index.
    pub const fn id(self) -> u32 {
        self.id
    }
    /// Whether objects of this type contain pointers (and go to scan spans).
    pub const fn has_pointers(self) -> bool {
        self.scan
    }
}

/// The memory layout of a Go type as the GC needs it: its size and which 8-byte words hold
/// pointers. An allocation of `n × size` bytes (a slice backing array) repeats the pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeLayout {
    /// Type name, for reports.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    ptr_mask: Vec<u64>,
}

impl TypeLayout {
    /// A type of `size` bytes whose words `pointer_words` (indices of 8-byte words) are pointers.
    pub fn new(name: &str, size: u64, pointer_words: &[u64]) -> Self {
        let words = size.div_ceil(8).max(1);
        let mut ptr_mask = vec![0u64; words.div_ceil(64) as usize];
        for &w in pointer_words {
            assert!(w < words, "pointer word {w} outside a {size}-byte type");
            ptr_mask[(w / 64) as usize] |= 1 << (w % 64);
        }
        TypeLayout {
            name: name.to_string(),
            size,
            ptr_mask,
        }
    }
    /// A pointer-free type.
    pub fn pointer_free(name: &str, size: u64) -> Self {
        Self::new(name, size, &[])
    }
    /// Whether any word holds a pointer.
    pub fn has_pointers(&self) -> bool {
        self.ptr_mask.iter().any(|&w| w != 0)
    }
    /// Whether word `w` holds a pointer.
    pub fn is_pointer_word(&self, w: u64) -> bool {
        self.ptr_mask
            .get((w / 64) as usize)
            .is_some_and(|m| m >> (w % 64) & 1 == 1)
    }
}

/// Whether objects of span `s` carry a malloc header.
pub(crate) fn has_header(s: &MSpan) -> bool {
    !s.spanclass.noscan() && s.spanclass.sizeclass() != 0 && !heap_bits_in_span(s.elemsize)
}

impl Heap {
    /// Allocates `size` bytes of type `ty` on P `p` and returns the object's address
    /// (Go's `mallocgc`). The memory reads as zero.
    ///
    /// ```
    /// use gomem::runtime::{Heap, HeapConfig, TypeInfo, ZEROBASE};
    /// let mut h = Heap::new(HeapConfig::default());
    /// assert_eq!(h.malloc(0, 0, TypeInfo::noscan()), ZEROBASE);
    /// let a = h.malloc(0, 1, TypeInfo::noscan()); // tiny: a new 16-byte block
    /// let b = h.malloc(0, 1, TypeInfo::noscan()); // tiny: same block, next byte
    /// assert_eq!(b, a + 1);
    /// ```
    #[inline]
    pub fn malloc(&mut self, p: usize, size: u64, ty: TypeInfo) -> u64 {
        if size == 0 {
            return ZEROBASE;
        }
        if size > MAX_SMALL_ALLOC {
            return self.malloc_large(p, size, ty);
        }
        if !ty.scan {
            if size < TINY_SIZE {
                return self.malloc_tiny(p, size);
            }
            let class = size_to_class(size);
            let (x, _, _) = self.next_free(p, SpanClass::new(class, true));
            return x;
        }
        self.malloc_small_scan(p, size, ty)
    }

    fn malloc_tiny(&mut self, p: usize, size: u64) -> u64 {
        let c = &mut self.mcaches[p];
        let mut off = c.tiny_offset;
        if size & 7 == 0 {
            off = off.next_multiple_of(8);
        } else if size & 3 == 0 {
            off = off.next_multiple_of(4);
        } else if size & 1 == 0 {
            off = off.next_multiple_of(2);
        }
        if off + size <= TINY_SIZE && c.tiny != 0 {
            c.tiny_offset = off + size;
            c.tiny_allocs += 1;
            return c.tiny + off;
        }
        let (x, _, _) = self.next_free(p, TINY_SPAN_CLASS);
        let c = &mut self.mcaches[p];
        if size < c.tiny_offset || c.tiny == 0 {
            c.tiny = x;
            c.tiny_offset = size;
        }
        x
    }

    fn malloc_small_scan(&mut self, p: usize, size: u64, ty: TypeInfo) -> u64 {
        let header = !heap_bits_in_span(size);
        let full = if header {
            size + MALLOC_HEADER_SIZE
        } else {
            size
        };
        let spc = SpanClass::new(size_to_class(full), false);
        let (x, id, slot) = self.next_free(p, spc);
        self.mheap.span_mut(id).slot_types[slot as usize] = SlotType {
            type_id: ty.id,
            data_words: size.div_ceil(8) as u32,
        };
        if header {
            self.mem
                .write_u64(x, ty.id as u64)
                .expect("heap slot is mapped");
            x + MALLOC_HEADER_SIZE
        } else {
            x
        }
    }

    fn malloc_large(&mut self, _p: usize, size: u64, ty: TypeInfo) -> u64 {
        let npages = size.div_ceil(PAGE_SIZE);
        let spc = SpanClass::new(0, !ty.scan);
        let id = self.mheap.alloc_span(npages, spc, &mut self.mem);
        self.counters.large_alloc += npages * PAGE_SIZE;
        self.counters.large_alloc_count += 1;
        let sg = self.mheap.sweepgen;
        let tag = self.mheap.central[spc.index()].push_full_swept(sg, id);
        let s = self.mheap.span_mut(id);
        let slot = s.next_free_index().expect("fresh large span");
        debug_assert_eq!(slot, 0);
        s.list = tag;
        if ty.scan {
            s.slot_types.clear();
            s.slot_types.push(SlotType {
                type_id: ty.id,
                data_words: size.div_ceil(8) as u32,
            });
        }
        s.start
    }

    /// Next free slot of span class `spc` from P `p`'s cache, refilling it if needed.
    /// Returns (address, span, slot index); the slot reads as zero.
    #[inline]
    fn next_free(&mut self, p: usize, spc: SpanClass) -> (u64, SpanId, u32) {
        let mut id = self.mcaches[p].alloc[spc.index()];
        loop {
            if id != SpanId::NONE {
                let s = self.mheap.span_mut(id);
                if let Some(i) = s.next_free_index() {
                    let x = s.slot_addr(i);
                    if s.needzero {
                        let n = s.elemsize;
                        self.mem.zero(x, n).expect("heap slot is mapped");
                    }
                    return (x, id, i);
                }
            }
            id = self.refill(p, spc);
        }
    }

    /// Gives P `p`'s full span of class `spc` back and caches another (Go's `mcache.refill`).
    fn refill(&mut self, p: usize, spc: SpanClass) -> SpanId {
        let old = self.mcaches[p].alloc[spc.index()];
        if old != SpanId::NONE {
            self.uncache(p, spc, old);
        }
        let id = self.cache_span(spc);
        let sg = self.mheap.sweepgen;
        let s = self.mheap.span_mut(id);
        s.sweepgen = sg + 3;
        s.alloc_count_before_cache = s.alloc_count;
        s.list = LIST_NONE;
        let npages = s.npages;
        self.mcaches[p].alloc[spc.index()] = id;
        if let Some(rec) = self.records.as_mut() {
            rec.push(super::heap::HeapRecord::SpanAcquire {
                p,
                span: id.0,
                class: spc.sizeclass(),
                npages,
            });
        }
        id
    }

    /// Publishes the statistics of a cached span and returns it to its mcentral.
    fn uncache(&mut self, p: usize, spc: SpanClass, id: SpanId) {
        let sg = self.mheap.sweepgen;
        let s = self.mheap.span_mut(id);
        let used = (s.alloc_count - s.alloc_count_before_cache) as u64;
        s.alloc_count_before_cache = 0;
        s.sweepgen = sg;
        let full = s.is_full();
        self.counters.small_alloc_count[spc.sizeclass() as usize] += used;
        if spc == TINY_SPAN_CLASS {
            self.counters.tiny_alloc_count += std::mem::take(&mut self.mcaches[p].tiny_allocs);
        }
        let npages = s.npages;
        if let Some(rec) = self.records.as_mut() {
            rec.push(super::heap::HeapRecord::SpanRelease {
                p,
                span: id.0,
                class: spc.sizeclass(),
                npages,
            });
        }
        let central = &mut self.mheap.central[spc.index()];
        let tag = if full {
            central.push_full_swept(sg, id)
        } else {
            central.push_partial_swept(sg, id)
        };
        self.mheap.span_mut(id).list = tag;
        self.mcaches[p].alloc[spc.index()] = SpanId::NONE;
    }

    /// Flushes P `p`'s cache (Go's `mcache.releaseAll`).
    pub(crate) fn release_all(&mut self, p: usize) {
        for i in 0..self.mcaches[p].alloc.len() {
            let id = self.mcaches[p].alloc[i];
            if id != SpanId::NONE {
                self.uncache(p, SpanClass(i as u8), id);
            }
        }
        let c = &mut self.mcaches[p];
        c.tiny = 0;
        c.tiny_offset = 0;
        self.counters.tiny_alloc_count += std::mem::take(&mut c.tiny_allocs);
    }

    /// A span of class `spc` with a free slot (Go's `mcentral.cacheSpan`).
    fn cache_span(&mut self, spc: SpanClass) -> SpanId {
        let sg = self.mheap.sweepgen;
        let half = (sg / 2 % 2) as u8;
        // 1. A swept span with free slots.
        while let Some(id) = self.mheap.central[spc.index()].pop_partial_swept(sg) {
            let s = self.mheap.span(id);
            if s.state == SpanState::InUse && s.sweepgen == sg && s.list == LIST_PARTIAL + half {
                return id;
            }
        }
        // 2. An unswept span that had free slots: sweep it and use it.
        while let Some(id) = self.mheap.central[spc.index()].pop_partial_unswept(sg) {
            let s = self.mheap.span(id);
            if s.state == SpanState::InUse
                && s.sweepgen == sg.wrapping_sub(2)
                && s.list == LIST_PARTIAL + (1 - half)
            {
                self.sweep_locked(id, true);
                return id;
            }
        }
        // 3. An unswept full span: sweeping may free something.
        while let Some(id) = self.mheap.central[spc.index()].pop_full_unswept(sg) {
            let s = self.mheap.span(id);
            if s.state == SpanState::InUse
                && s.sweepgen == sg.wrapping_sub(2)
                && s.list == LIST_FULL + (1 - half)
            {
                self.sweep_locked(id, true);
                if !self.mheap.span(id).is_full() {
                    return id;
                }
                let tag = self.mheap.central[spc.index()].push_full_swept(sg, id);
                self.mheap.span_mut(id).list = tag;
            }
        }
        // 4. A new span from the page heap.
        let class = spc.sizeclass();
        debug_assert!(class_size(class) > 0);
        self.mheap
            .alloc_span(class_npages(class), spc, &mut self.mem)
    }
}
