//! The page heap: where spans come from.
//!
//! `mheap` owns all heap memory. It hands out runs of 8 KiB pages for spans and takes them
//! back when a span becomes empty. Go's page allocator (`pageAlloc`) keeps one bit per page
//! in a bitmap per 4 MiB *chunk* (512 pages) plus a radix tree of summaries, and always
//! returns the lowest-addressed free run that fits ("address-ordered first fit"), which keeps
//! the heap compact. The simulator keeps the same policy with an ordered map of free runs
//! (start page → length); freeing a run coalesces it with its free neighbours.
//!
//! When no run fits, the heap *grows*: the request is rounded up to whole chunks (4 MiB) and
//! mapped right after the current end of the heap (Go reserves 64 MiB arenas at
//! `0xc000000000` upwards). New memory counts as *released* (not yet backed by physical
//! memory) until a span uses it. So `HeapSys = HeapInuse + heapFree + HeapReleased` grows
//! in 4 MiB steps, and `HeapIdle = heapFree + HeapReleased`.
//!
//! A page that is freed becomes `heapFree` (backed, idle). The *scavenger* returns idle pages
//! to the OS (`madvise`), moving them to `HeapReleased`; [`MHeap::scavenge`] is the hook a
//! later model of the background scavenger will call. Go also gives every P a 64-page cache
//! for requests below 16 pages; the simulator allocates straight from the heap (the choice
//! only changes which addresses small spans get, not any statistic).
//!
//! Every page maps back to its span (Go: `heapArena.spans`), which is how the GC finds the
//! object an arbitrary pointer points into ([`MHeap::span_of`]).

use std::collections::BTreeMap;

use super::mcentral::MCentral;
use super::memory::Memory;
use super::mspan::{MSpan, SpanClass, SpanId, SpanState, NUM_SPAN_CLASSES};
use super::sizeclass::PAGE_SIZE;

/// Pages per palloc chunk: the heap grows in multiples of this (512 pages = 4 MiB).
pub const PALLOC_CHUNK_PAGES: u64 = 512;
/// Bytes per heap arena (64 MiB).
pub const HEAP_ARENA_BYTES: u64 = 64 << 20;
/// Where the heap starts on linux/amd64 (first arena hint).
pub const DEFAULT_ARENA_BASE: u64 = 0xc0_0000_0000;

/// The page heap (Go's `mheap`).
#[derive(Debug)]
pub struct MHeap {
    /// First address of the heap.
    pub arena_base: u64,
    /// Pages mapped so far (the heap is `[arena_base, arena_base + pages*8K)`).
    pub mapped_pages: u64,
    free: BTreeMap<u64, u64>,
    scavenged: Vec<u64>,
    span_of_page: Vec<u32>,
    pub(crate) spans: Vec<MSpan>,
    free_ids: Vec<u32>,
    pub(crate) central: Vec<MCentral>,
    /// Bytes in spans holding heap objects.
    pub heap_inuse: u64,
    /// Bytes free and backed by memory.
    pub heap_free: u64,
    /// Bytes free and returned to the OS (or never used).
    pub heap_released: u64,
    /// Current sweep generation (advances by 2 per GC cycle).
    pub sweepgen: u32,
    pub(crate) green_tea: bool,
}

impl MHeap {
    pub(crate) fn new(arena_base: u64, green_tea: bool) -> Self {
        assert_eq!(
            arena_base % (PALLOC_CHUNK_PAGES * PAGE_SIZE),
            0,
            "arena base must be chunk-aligned"
        );
        MHeap {
            arena_base,
            mapped_pages: 0,
            free: BTreeMap::new(),
            scavenged: Vec::new(),
            span_of_page: Vec::new(),
            spans: Vec::new(),
            free_ids: Vec::new(),
            central: (0..NUM_SPAN_CLASSES).map(|_| MCentral::default()).collect(),
            heap_inuse: 0,
            heap_free: 0,
            heap_released: 0,
            sweepgen: 0,
            green_tea,
        }
    }

    /// Bytes obtained from the OS for the heap.
    pub fn heap_sys(&self) -> u64 {
        self.heap_inuse + self.heap_free + self.heap_released
    }

    /// The span record `id`.
    pub fn span(&self, id: SpanId) -> &MSpan {
        &self.spans[id.0 as usize]
    }

    pub(crate) fn span_mut(&mut self, id: SpanId) -> &mut MSpan {
        &mut self.spans[id.0 as usize]
    }

    /// All span records (dead ones included), for inspection and for the GC's sweep loop.
    pub fn spans(&self) -> impl Iterator<Item = (SpanId, &MSpan)> {
        self.spans
            .iter()
            .enumerate()
            .map(|(i, s)| (SpanId(i as u32), s))
    }

    /// The in-use span containing `addr`, if any.
    #[inline]
    pub fn span_of(&self, addr: u64) -> Option<SpanId> {
        let page = addr.checked_sub(self.arena_base)? / PAGE_SIZE;
        let id = *self.span_of_page.get(page as usize)?;
        if id == u32::MAX || self.spans[id as usize].state != SpanState::InUse {
            return None;
        }
        Some(SpanId(id))
    }

    /// Free runs of pages as (address, bytes), lowest address first.
    pub fn free_runs(&self) -> Vec<(u64, u64)> {
        self.free
            .iter()
            .map(|(&p, &n)| (self.arena_base + p * PAGE_SIZE, n * PAGE_SIZE))
            .collect()
    }

    fn scav_get(&self, p: u64) -> bool {
        self.scavenged[(p / 64) as usize] >> (p % 64) & 1 == 1
    }

    fn scav_set(&mut self, p: u64, v: bool) {
        let w = &mut self.scavenged[(p / 64) as usize];
        if v {
            *w |= 1 << (p % 64);
        } else {
            *w &= !(1 << (p % 64));
        }
    }

    /// Grows the heap by enough whole chunks for `npages`; returns the bytes added.
    fn grow(&mut self, npages: u64, mem: &mut Memory) -> u64 {
        let ask = npages.div_ceil(PALLOC_CHUNK_PAGES) * PALLOC_CHUNK_PAGES;
        let first = self.mapped_pages;
        mem.map(self.arena_base + first * PAGE_SIZE, ask * PAGE_SIZE, "heap");
        self.mapped_pages += ask;
        self.scavenged
            .resize(self.mapped_pages.div_ceil(64) as usize, 0);
        self.span_of_page
            .resize(self.mapped_pages as usize, u32::MAX);
        for p in first..first + ask {
            self.scav_set(p, true);
        }
        self.heap_released += ask * PAGE_SIZE;
        self.insert_free(first, ask);
        ask * PAGE_SIZE
    }

    fn insert_free(&mut self, mut start: u64, mut n: u64) {
        if let Some((&ps, &pn)) = self.free.range(..start).next_back() {
            if ps + pn == start {
                self.free.remove(&ps);
                start = ps;
                n += pn;
            }
        }
        if let Some(&nn) = self.free.get(&(start + n)) {
            self.free.remove(&(start + n));
            n += nn;
        }
        self.free.insert(start, n);
    }

    /// Lowest-addressed free run of `npages`, taken out of the free map (page index).
    fn alloc_pages(&mut self, npages: u64, mem: &mut Memory) -> u64 {
        let found = self
            .free
            .iter()
            .find(|(_, &n)| n >= npages)
            .map(|(&p, &n)| (p, n));
        let (p, n) = match found {
            Some(x) => x,
            None => {
                self.grow(npages, mem);
                self.free
                    .iter()
                    .find(|(_, &n)| n >= npages)
                    .map(|(&p, &n)| (p, n))
                    .expect("grew the heap but found no room")
            }
        };
        self.free.remove(&p);
        if n > npages {
            self.free.insert(p + npages, n - npages);
        }
        let mut scav = 0;
        for q in p..p + npages {
            if self.scav_get(q) {
                scav += 1;
                self.scav_set(q, false);
            }
        }
        self.heap_released -= scav * PAGE_SIZE;
        self.heap_free -= (npages - scav) * PAGE_SIZE;
        self.heap_inuse += npages * PAGE_SIZE;
        p
    }

    /// Allocates a span of `npages` for span class `spc` (Go's `mheap.alloc` + `initSpan`).
    pub(crate) fn alloc_span(&mut self, npages: u64, spc: SpanClass, mem: &mut Memory) -> SpanId {
        let p = self.alloc_pages(npages, mem);
        let id = match self.free_ids.pop() {
            Some(id) => id,
            None => {
                self.spans.push(MSpan::dead());
                (self.spans.len() - 1) as u32
            }
        };
        let start = self.arena_base + p * PAGE_SIZE;
        let (gt, sg) = (self.green_tea, self.sweepgen);
        self.spans[id as usize].init(start, npages, spc, gt, sg);
        for q in p..p + npages {
            self.span_of_page[q as usize] = id;
        }
        SpanId(id)
    }

    /// Returns span `id`'s pages to the heap (Go's `freeSpan`). Their contents are dropped,
    /// so they read as zero when reused.
    pub(crate) fn free_span(&mut self, id: SpanId, mem: &mut Memory) {
        let s = &mut self.spans[id.0 as usize];
        assert_eq!(s.state, SpanState::InUse, "freeing a dead span");
        s.state = SpanState::Dead;
        let (start, npages) = (s.start, s.npages);
        let p = (start - self.arena_base) / PAGE_SIZE;
        for q in p..p + npages {
            self.span_of_page[q as usize] = u32::MAX;
        }
        mem.discard(start, npages * PAGE_SIZE);
        self.heap_inuse -= npages * PAGE_SIZE;
        self.heap_free += npages * PAGE_SIZE;
        self.insert_free(p, npages);
        self.free_ids.push(id.0);
    }

    /// Scavenger hook: returns up to `bytes` of free, still-backed pages to the "OS",
    /// highest addresses first (as Go's scavenger does). Returns the bytes released.
    pub fn scavenge(&mut self, bytes: u64) -> u64 {
        let mut todo = bytes.div_ceil(PAGE_SIZE);
        let runs: Vec<(u64, u64)> = self.free.iter().rev().map(|(&p, &n)| (p, n)).collect();
        let mut released = 0;
        'outer: for (p, n) in runs {
            for q in (p..p + n).rev() {
                if todo == 0 {
                    break 'outer;
                }
                if !self.scav_get(q) {
                    self.scav_set(q, true);
                    released += PAGE_SIZE;
                    todo -= 1;
                }
            }
        }
        self.heap_free -= released;
        self.heap_released += released;
        released
    }
}
