//! Central free lists: per span class, the spans that are not cached by any P.
//!
//! There is one `mcentral` per span class (136 of them). It keeps two pairs of span sets:
//! `partial` (spans with at least one free slot) and `full` (no free slot). Each pair has a
//! *swept* and an *unswept* half, and which half is which flips every GC cycle: the halves
//! are indexed by `sweepgen / 2 % 2`, so when the heap's `sweepgen` advances by 2 after a
//! collection, yesterday's swept spans become today's unswept ones without moving a span.
//!
//! When an mcache needs a span (`cacheSpan`), the central tries, in order: a partial swept
//! span; a partial unswept span (sweep it first); a full unswept span (sweep it, and use it
//! if sweeping freed a slot); and finally a fresh span from the page heap. Go bounds the
//! sweeping work per call (100 spans); the simulator sweeps until it finds one. When an
//! mcache gives a span back (`uncacheSpan`) it goes to the partial or full swept set.
//!
//! The sets are FIFO queues like Go's `spanSet`. A span can be swept directly (the GC's
//! explicit [`Heap::sweep_span`](super::Heap::sweep_span)) while it still sits in an
//! unswept set; such stale entries are recognised by the span's `sweepgen` and skipped.

use std::collections::VecDeque;

use super::mspan::SpanId;

/// Tag of the set a span was last pushed on.
pub(crate) const LIST_NONE: u8 = 0;
/// Partial set, tag = 1 + half.
pub(crate) const LIST_PARTIAL: u8 = 1;
/// Full set, tag = 3 + half.
pub(crate) const LIST_FULL: u8 = 3;

/// Central span lists of one span class (Go's `mcentral`).
#[derive(Debug, Default)]
pub struct MCentral {
    partial: [VecDeque<SpanId>; 2],
    full: [VecDeque<SpanId>; 2],
}

#[inline]
fn swept_half(sweepgen: u32) -> usize {
    (sweepgen / 2 % 2) as usize
}

impl MCentral {
    pub(crate) fn push_partial_swept(&mut self, sg: u32, s: SpanId) -> u8 {
        let h = swept_half(sg);
        self.partial[h].push_back(s);
        LIST_PARTIAL + h as u8
    }
    pub(crate) fn push_full_swept(&mut self, sg: u32, s: SpanId) -> u8 {
        let h = swept_half(sg);
        self.full[h].push_back(s);
        LIST_FULL + h as u8
    }
    pub(crate) fn pop_partial_swept(&mut self, sg: u32) -> Option<SpanId> {
        self.partial[swept_half(sg)].pop_front()
    }
    pub(crate) fn pop_partial_unswept(&mut self, sg: u32) -> Option<SpanId> {
        self.partial[1 - swept_half(sg)].pop_front()
    }
    pub(crate) fn pop_full_unswept(&mut self, sg: u32) -> Option<SpanId> {
        self.full[1 - swept_half(sg)].pop_front()
    }
    /// Spans on the swept lists (partial, full), stale entries included.
    pub fn swept_len(&self, sg: u32) -> (usize, usize) {
        let h = swept_half(sg);
        (self.partial[h].len(), self.full[h].len())
    }
    /// Spans on the unswept lists (partial, full), stale entries included.
    pub fn unswept_len(&self, sg: u32) -> (usize, usize) {
        let h = 1 - swept_half(sg);
        (self.partial[h].len(), self.full[h].len())
    }
}
