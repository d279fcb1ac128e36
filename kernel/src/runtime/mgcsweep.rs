//! Sweeping: turning mark bits back into free slots.
//!
//! After the collector has marked every reachable object, each span is *swept*: its mark
//! bits become its new allocation bits, so every unmarked slot is free again, and the mark
//! bits are cleared for the next cycle. Nothing is written to the freed slots; they are
//! zeroed when handed out again (`needzero`). A span left with no live object returns its
//! pages to the heap, a large object's span is freed whole when its one object is unmarked.
//! Freed objects are counted in `Frees` and leave `HeapAlloc` at this moment, which is why
//! `HeapAlloc` includes dead-but-unswept objects.
//!
//! Go sweeps lazily. At the end of marking it flushes every mcache and advances the heap's
//! `sweepgen` by 2, which makes every span "unswept" at once. Spans are then swept by
//! whoever gets to them first: an mcache needing a span of that class
//! ([`super::mcentral`]), the proportional sweeper before page allocations, the background
//! sweeper, or the start of the next cycle, which finishes whatever is left. The simulator
//! offers the same pieces: [`Heap::begin_sweep`] (flush + advance), [`Heap::sweep_span`]
//! for one span, [`Heap::finish_sweep`] for all of them, and lazy sweeping in `cacheSpan`.
//!
//! The GC must mark objects allocated between its mark start and [`Heap::begin_sweep`]
//! (Go allocates black during marking), or sweeping will free them.

use super::heap::Heap;
use super::mcentral::{LIST_FULL, LIST_NONE, LIST_PARTIAL};
use super::mspan::{SpanClass, SpanId, SpanState, NUM_SPAN_CLASSES};

/// What sweeping one span did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct SweepResult {
    /// Objects freed.
    pub freed_objects: u32,
    /// Bytes freed (objects × slot size).
    pub freed_bytes: u64,
    /// Objects still live.
    pub live_objects: u32,
    /// Whether the span went back to the page heap.
    pub span_freed: bool,
}

impl Heap {
    /// Ends a GC cycle's mark phase from the allocator's point of view: finishes sweeping of
    /// the previous cycle, flushes the mcaches and advances `sweepgen` so that every span now
    /// needs sweeping. Call after marking is complete.
    pub fn begin_sweep(&mut self) {
        self.finish_sweep();
        self.flush_mcaches();
        self.mheap.sweepgen += 2;
    }

    /// Sweeps span `id` with the marks given by `is_marked(slot)` (consulted only for
    /// allocated slots). Returns `None` if the span does not need sweeping (already swept
    /// this cycle, cached by a P, or dead).
    pub fn sweep_span(
        &mut self,
        id: SpanId,
        mut is_marked: impl FnMut(u32) -> bool,
    ) -> Option<SweepResult> {
        let s = self.mheap.span(id);
        if !self.needs_sweep(id) {
            return None;
        }
        s.clear_marks();
        for i in 0..s.nelems {
            if s.is_allocated(i) && is_marked(i) {
                s.try_mark(i);
            }
        }
        Some(self.sweep_locked(id, false))
    }

    /// Sweeps span `id` using its own mark bits (set with [`super::MSpan::try_mark`] or
    /// [`Heap::mark_object`]).
    pub fn sweep_span_marked(&mut self, id: SpanId) -> Option<SweepResult> {
        if !self.needs_sweep(id) {
            return None;
        }
        Some(self.sweep_locked(id, false))
    }

    /// Whether span `id` is in use and not yet swept in this cycle.
    pub fn needs_sweep(&self, id: SpanId) -> bool {
        let s = self.mheap.span(id);
        s.state == SpanState::InUse && s.sweepgen == self.mheap.sweepgen.wrapping_sub(2)
    }

    /// Sweeps every span still unswept (Go's `finishsweep_m`); returns the totals.
    pub fn finish_sweep(&mut self) -> SweepResult {
        let mut total = SweepResult::default();
        let sg = self.mheap.sweepgen;
        let half = (sg / 2 % 2) as u8;
        for i in 0..NUM_SPAN_CLASSES {
            loop {
                let c = &mut self.mheap.central[i];
                let (id, tag) = match c.pop_partial_unswept(sg) {
                    Some(id) => (id, LIST_PARTIAL + 1 - half),
                    None => match c.pop_full_unswept(sg) {
                        Some(id) => (id, LIST_FULL + 1 - half),
                        None => break,
                    },
                };
                if self.needs_sweep(id) && self.mheap.span(id).list == tag {
                    let r = self.sweep_locked(id, false);
                    total.freed_objects += r.freed_objects;
                    total.freed_bytes += r.freed_bytes;
                    total.live_objects += r.live_objects;
                    total.span_freed |= r.span_freed;
                }
            }
        }
        total
    }

    /// Sweeps span `id` (which must need sweeping). With `preserve`, an emptied span is
    /// kept (the caller is about to cache it) and not put on any list.
    pub(crate) fn sweep_locked(&mut self, id: SpanId, preserve: bool) -> SweepResult {
        let sg = self.mheap.sweepgen;
        let s = self.mheap.span_mut(id);
        debug_assert!(s.state == SpanState::InUse && s.sweepgen == sg.wrapping_sub(2));
        let spc: SpanClass = s.spanclass;
        let class = spc.sizeclass() as usize;
        let elemsize = s.elemsize;
        if let Some(rec) = self.records.as_mut() {
            for i in 0..s.nelems {
                if s.is_allocated(i) && !s.is_marked(i) {
                    rec.push(super::heap::HeapRecord::Free {
                        addr: s.slot_addr(i),
                        size: elemsize,
                        class: class as u8,
                    });
                }
            }
        }
        let freed = s.apply_marks();
        s.sweepgen = sg;
        s.list = LIST_NONE;
        let live = s.alloc_count;
        let nelems = s.nelems;
        if class == 0 {
            self.counters.large_free += elemsize * freed as u64;
            self.counters.large_free_count += freed as u64;
        } else {
            self.counters.small_free_count[class] += freed as u64;
        }
        let mut r = SweepResult {
            freed_objects: freed,
            freed_bytes: freed as u64 * elemsize,
            live_objects: live,
            span_freed: false,
        };
        if preserve {
            return r;
        }
        if live == 0 {
            self.mheap.free_span(id, &mut self.mem);
            r.span_freed = true;
        } else {
            let c = &mut self.mheap.central[spc.index()];
            let tag = if live == nelems {
                c.push_full_swept(sg, id)
            } else {
                c.push_partial_swept(sg, id)
            };
            self.mheap.span_mut(id).list = tag;
        }
        r
    }
}
