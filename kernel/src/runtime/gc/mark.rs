//! Marking: roots, grey queues, Green Tea span queues and the parallel drain.
//!
//! Marking colours the heap. Every object starts **white** (its mark bit is clear). The
//! roots — global variables and the live pointer slots of every goroutine's stack frames —
//! are scanned first: each object they point to gets its mark bit and becomes **grey**
//! (marked, queued, not yet scanned). Draining a grey object scans its pointer words,
//! greys their white targets, and leaves the object **black**. When no grey object is
//! left, every white object is unreachable and sweeping may reuse its slot.
//!
//! Go's classic marker keeps grey *objects* in per-worker work buffers. Since Go 1.26 the
//! **Green Tea** marker (the default) handles objects of 16–512 bytes per *span*: greying
//! such an object only sets its mark bit and queues its span; when the span is dequeued,
//! every object marked since its last scan is scanned in one go, with good memory
//! locality. [`GreenTea::Off`] selects the classic per-object marker, like
//! `GOEXPERIMENT=nogreenteagc`. Large objects are split into **oblets** of at most
//! 128 KiB so that one huge array cannot hold a worker for long or starve parallelism.
//!
//! The drain here is really parallel: a *round* takes a batch of grey work, and rayon
//! worker threads (as many as `RAYON_NUM_THREADS` says, independent of the simulated
//! GOMAXPROCS) scan it, work-stealing batches from one another. They share the heap
//! read-only and set mark bits with atomic `fetch_or`, so each object is greyed by exactly
//! one thread; each thread collects the work it discovers in its own buffer, like Go's
//! per-P `gcWork`. At the end of a round the buffers are merged and sorted, so the next
//! round — and every number reported — is the same for 1, 2 or 16 threads.

use std::collections::{HashMap, VecDeque};

use rayon::prelude::*;

use crate::runtime::{Heap, SpanId};

/// Large objects are scanned in pieces of at most this many bytes (Go's `maxObletBytes`).
pub const MAX_OBLET_BYTES: u64 = 128 << 10;
/// Smallest object size Green Tea handles per span.
pub const GREEN_TEA_MIN: u64 = 16;
/// Largest object size Green Tea handles per span.
pub const GREEN_TEA_MAX: u64 = 512;

/// Which marker scans small objects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum GreenTea {
    /// Span-based scanning for 16..=512-byte objects (Go 1.27.3's default).
    #[default]
    On,
    /// The classic per-object marker (`GOEXPERIMENT=nogreenteagc`).
    Off,
}

/// What kind of root a range is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RootKind {
    /// A global variable (data or BSS segment).
    Global,
    /// A frame of a goroutine's stack.
    Stack {
        /// Goroutine id.
        goroutine: u64,
    },
}

/// Where a root's words are.
#[derive(Clone, Copy, Debug)]
pub enum RootWords<'a> {
    /// `words` 8-byte words at `base` in the simulated memory; bit `i` of `ptr_mask` says
    /// whether word `i` holds a pointer (the frame's stack map or the global's type).
    Memory {
        /// First address.
        base: u64,
        /// Number of words.
        words: u64,
        /// Pointer bitmap, one bit per word.
        ptr_mask: &'a [u64],
    },
    /// Pointer values held outside the simulated memory (every entry is a pointer slot;
    /// 0 is nil).
    Values(&'a [u64]),
}

/// One root range: a global or a stack frame.
#[derive(Clone, Debug)]
pub struct Root<'a> {
    /// Global or stack frame.
    pub kind: RootKind,
    /// Variable or function name, for diagnostics.
    pub name: &'a str,
    /// The words.
    pub words: RootWords<'a>,
}

impl Root<'_> {
    /// Scannable bytes of the root (pointer slots × 8 up to the last pointer word).
    pub fn scan_bytes(&self) -> u64 {
        match self.words {
            RootWords::Memory { words, .. } => words * 8,
            RootWords::Values(v) => v.len() as u64 * 8,
        }
    }

    /// Calls `f(slot_index, value)` for each pointer slot.
    pub fn for_each_pointer(&self, heap: &Heap, mut f: impl FnMut(u64, u64)) {
        match self.words {
            RootWords::Memory {
                base,
                words,
                ptr_mask,
            } => {
                for w in 0..words {
                    if ptr_mask
                        .get((w / 64) as usize)
                        .is_some_and(|m| m >> (w % 64) & 1 == 1)
                    {
                        f(w, heap.mem.read_u64(base + w * 8).unwrap_or(0));
                    }
                }
            }
            RootWords::Values(v) => {
                for (i, &x) in v.iter().enumerate() {
                    f(i as u64, x);
                }
            }
        }
    }
}

/// What the VM gives the collector: its globals and the frames of every goroutine.
///
/// Stacks are scanned once, at the start of marking, and never again: the hybrid write
/// barrier makes rescanning unnecessary (see [`super::barrier`]).
pub trait RootSource {
    /// Calls `f` for every root range.
    fn for_each_root(&self, f: &mut dyn FnMut(&Root<'_>));

    /// Pointers held *outside* the simulated memory on behalf of heap objects that are now
    /// marked (the VM keeps a map's entries beside its simulated groups, and a channel's
    /// buffered values beside its `hchan`). The collector asks again after every drain
    /// until no new object turns grey: such an object's hidden edges are followed exactly
    /// when the object itself is reachable. The default has none.
    fn late_roots(&self, _heap: &Heap, _out: &mut Vec<u64>) {}
}

/// A simple [`RootSource`]: named lists of pointer values (tests, program models).
#[derive(Clone, Debug, Default)]
pub struct VecRoots {
    /// `(kind, name, pointer slots)`.
    pub roots: Vec<(RootKind, String, Vec<u64>)>,
}

impl RootSource for VecRoots {
    fn for_each_root(&self, f: &mut dyn FnMut(&Root<'_>)) {
        for (kind, name, v) in &self.roots {
            f(&Root {
                kind: kind.clone(),
                name,
                words: RootWords::Values(v),
            });
        }
    }
}

/// One unit of grey work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Work {
    /// A grey object (slot base).
    Object(u64),
    /// The piece of a large object starting `off` bytes into it.
    Oblet {
        /// Object base.
        base: u64,
        /// Offset of the piece.
        off: u64,
    },
    /// A Green Tea span with marked-but-unscanned objects.
    Span(SpanId),
}

/// Counters of a mark phase; all of them are independent of the number of threads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkStats {
    /// Bytes scanned (Go's scan work).
    pub scan_work: u64,
    /// Objects greyed (mark bit set by the marker, not by allocation).
    pub objects_marked: u64,
    /// Objects scanned one at a time (classic path, per size class).
    pub scanned_single: [u64; 68],
    /// Objects scanned as part of a span scan (Green Tea, per size class).
    pub scanned_in_span: [u64; 68],
    /// Span scans performed.
    pub span_scans: u64,
    /// Oblets scanned.
    pub oblets: u64,
    /// Drain rounds.
    pub rounds: u64,
}

impl Default for MarkStats {
    fn default() -> Self {
        MarkStats {
            scan_work: 0,
            objects_marked: 0,
            scanned_single: [0; 68],
            scanned_in_span: [0; 68],
            span_scans: 0,
            oblets: 0,
            rounds: 0,
        }
    }
}

impl MarkStats {
    fn add(&mut self, o: &MarkStats) {
        self.scan_work += o.scan_work;
        self.objects_marked += o.objects_marked;
        for i in 0..68 {
            self.scanned_single[i] += o.scanned_single[i];
            self.scanned_in_span[i] += o.scanned_in_span[i];
        }
        self.span_scans += o.span_scans;
        self.oblets += o.oblets;
        self.rounds += o.rounds;
    }

    /// `gctrace=2`-style lines: `scan: class 64B 10+20=30 objs, 3 spans` for each class
    /// with scanned objects.
    pub fn class_lines(&self) -> Vec<String> {
        (1..68)
            .filter(|&c| self.scanned_single[c] + self.scanned_in_span[c] > 0)
            .map(|c| {
                let (a, b) = (self.scanned_single[c], self.scanned_in_span[c]);
                format!(
                    "scan: class {}B {a}+{b}={} objs",
                    crate::runtime::sizeclass::class_size(c as u8),
                    a + b
                )
            })
            .collect()
    }
}

/// A batch item ready to scan (span items carry the snapshot of objects to scan).
#[derive(Debug)]
enum Item {
    Object(u64),
    Oblet(u64, u64),
    Span(SpanId, Vec<u32>),
}

/// The marker: the global grey queue and Green Tea's per-span "scanned" bits.
#[derive(Debug, Default)]
pub struct Marker {
    /// Which small-object marker runs.
    pub green_tea: GreenTea,
    grey: VecDeque<Work>,
    scanned: HashMap<SpanId, Vec<u64>>,
    /// Totals of the current cycle.
    pub stats: MarkStats,
}

impl Marker {
    /// A marker using `green_tea`.
    pub fn new(green_tea: GreenTea) -> Self {
        Marker {
            green_tea,
            ..Default::default()
        }
    }

    /// Forgets the previous cycle.
    pub fn reset(&mut self) {
        self.grey.clear();
        self.scanned.clear();
        self.stats = MarkStats::default();
    }

    /// Whether grey work is left.
    pub fn has_work(&self) -> bool {
        !self.grey.is_empty()
    }

    /// The spans holding grey work (objects marked and queued but not yet scanned), for
    /// pictures of the tricolour invariant.
    pub fn grey_spans(&self, heap: &Heap) -> std::collections::HashSet<SpanId> {
        self.grey
            .iter()
            .filter_map(|w| match *w {
                Work::Span(id) => Some(id),
                Work::Object(a) | Work::Oblet { base: a, .. } => {
                    heap.find_object(a).map(|(_, _, id)| id)
                }
            })
            .collect()
    }

    /// Number of queued work items.
    pub fn queued(&self) -> usize {
        self.grey.len()
    }

    /// Greys the object `ptr` points into, if any (roots, write barrier). Returns whether
    /// it was white.
    pub fn shade(&mut self, heap: &Heap, ptr: u64) -> bool {
        let mut out = Vec::new();
        let mut st = MarkStats::default();
        let newly = shade(heap, ptr, self.green_tea, &mut out, &mut st);
        self.grey.extend(out);
        self.stats.add(&st);
        newly
    }

    /// Marks a just-allocated object black (Go's `gcmarknewobject`): its mark bit is set,
    /// and under Green Tea its "scanned" bit too, so a later span scan skips it.
    pub fn alloc_black(&mut self, heap: &Heap, addr: u64) {
        let Some((base, _, id)) = heap.find_object(addr) else {
            return;
        };
        let s = heap.span(id);
        let i = s.slot_of(base);
        if !s.is_allocated(i) {
            return;
        }
        s.try_mark(i);
        if self.green_tea == GreenTea::On && uses_span_scan(heap, id) {
            let words = (s.nelems as usize).div_ceil(64);
            let bits = self.scanned.entry(id).or_insert_with(|| vec![0; words]);
            bits[(i / 64) as usize] |= 1 << (i % 64);
        }
    }

    /// Scans up to about `budget` bytes of grey work (at least one item) in parallel
    /// rounds. Returns the scan work done.
    pub fn drain(&mut self, heap: &Heap, budget: u64) -> u64 {
        let mut done = 0;
        while done < budget && !self.grey.is_empty() {
            done += self.round(heap, budget - done);
        }
        done
    }

    /// Drains until no grey work is left.
    pub fn drain_all(&mut self, heap: &Heap) -> u64 {
        self.drain(heap, u64::MAX)
    }

    fn round(&mut self, heap: &Heap, budget: u64) -> u64 {
        let batch: Vec<Item> = if budget == u64::MAX {
            // Drain everything: build the batch in parallel too. Sorting and deduplicating
            // first makes every span appear once, so its pending objects can be computed
            // from the mark bits without races (nothing is marked during this step).
            let mut ws: Vec<Work> = self.grey.drain(..).collect();
            ws.par_sort_unstable();
            ws.dedup();
            let items: Vec<Item> = ws
                .par_iter()
                .with_min_len(256)
                .filter_map(|&w| self.make_item(heap, w))
                .collect();
            for it in &items {
                self.set_scanned(heap, it);
            }
            items
        } else {
            let mut items = Vec::new();
            let mut cost = 0u64;
            while cost < budget {
                let Some(w) = self.grey.pop_front() else {
                    break;
                };
                if let Some(it) = self.make_item(heap, w) {
                    self.set_scanned(heap, &it);
                    cost += item_cost(heap, &it);
                    items.push(it);
                }
            }
            items
        };
        let gt = self.green_tea;
        let (mut out, mut st) = batch
            .par_iter()
            .with_min_len(16)
            .fold(
                || (Vec::new(), MarkStats::default()),
                |(mut out, mut st), it| {
                    scan_item(heap, it, gt, &mut out, &mut st);
                    (out, st)
                },
            )
            .reduce(
                || (Vec::new(), MarkStats::default()),
                |(mut a, mut sa), (b, sb)| {
                    a.extend(b);
                    sa.add(&sb);
                    (a, sa)
                },
            );
        out.par_sort_unstable();
        out.dedup();
        st.rounds = 1;
        self.stats.add(&st);
        self.grey.extend(out);
        st.scan_work
    }

    /// The scan item for grey work `w`; for a span, the objects marked but not yet
    /// scanned (`None` if there are none).
    fn make_item(&self, heap: &Heap, w: Work) -> Option<Item> {
        Some(match w {
            Work::Object(b) => Item::Object(b),
            Work::Oblet { base, off } => Item::Oblet(base, off),
            Work::Span(id) => {
                let s = heap.span(id);
                let scanned = self.scanned.get(&id);
                let pending: Vec<u32> = (0..s.nelems)
                    .filter(|&i| {
                        s.is_marked(i)
                            && scanned.is_none_or(|b| b[(i / 64) as usize] >> (i % 64) & 1 == 0)
                    })
                    .collect();
                if pending.is_empty() {
                    return None;
                }
                Item::Span(id, pending)
            }
        })
    }

    /// Records a span item's objects as scanned.
    fn set_scanned(&mut self, heap: &Heap, it: &Item) {
        if let Item::Span(id, pending) = it {
            let words = (heap.span(*id).nelems as usize).div_ceil(64);
            let bits = self.scanned.entry(*id).or_insert_with(|| vec![0; words]);
            for &i in pending {
                bits[(i / 64) as usize] |= 1 << (i % 64);
            }
        }
    }
}

/// Whether span `id` holds pointerful objects of 16..=512 bytes (Green Tea's domain).
fn uses_span_scan(heap: &Heap, id: SpanId) -> bool {
    let s = heap.span(id);
    s.spanclass.sizeclass() != 0
        && !s.spanclass.noscan()
        && (GREEN_TEA_MIN..=GREEN_TEA_MAX).contains(&s.elemsize)
}

fn item_cost(heap: &Heap, it: &Item) -> u64 {
    match it {
        Item::Object(b) => heap.find_object(*b).map_or(0, |(_, size, _)| size),
        Item::Oblet(b, off) => heap
            .find_object(*b)
            .map_or(0, |(_, size, _)| (size - off).min(MAX_OBLET_BYTES)),
        Item::Span(id, pending) => heap.span(*id).elemsize * pending.len() as u64,
    }
}

/// Sets the mark bit of the object containing `ptr` and queues its scan work.
fn shade(heap: &Heap, ptr: u64, gt: GreenTea, out: &mut Vec<Work>, st: &mut MarkStats) -> bool {
    let Some((base, size, id)) = heap.find_object(ptr) else {
        return false;
    };
    let s = heap.span(id);
    let i = s.slot_of(base);
    if !s.is_allocated(i) || !s.try_mark(i) {
        return false;
    }
    st.objects_marked += 1;
    if s.spanclass.noscan() {
        return true;
    }
    if s.spanclass.sizeclass() == 0 && size > MAX_OBLET_BYTES {
        let mut off = 0;
        while off < size {
            out.push(Work::Oblet { base, off });
            off += MAX_OBLET_BYTES;
        }
    } else if gt == GreenTea::On && uses_span_scan(heap, id) {
        out.push(Work::Span(id));
    } else {
        out.push(Work::Object(base));
    }
    true
}

/// Scans the pointer words of the slot at `base` within `[lo, hi)`.
fn scan_object(
    heap: &Heap,
    base: u64,
    lo: u64,
    hi: u64,
    gt: GreenTea,
    out: &mut Vec<Work>,
    st: &mut MarkStats,
) {
    heap.for_each_pointer_word(base, |a| {
        if a >= lo && a < hi {
            if let Ok(v) = heap.mem.read_u64(a) {
                if v != 0 {
                    shade(heap, v, gt, out, st);
                }
            }
        }
    });
}

fn scan_item(heap: &Heap, it: &Item, gt: GreenTea, out: &mut Vec<Work>, st: &mut MarkStats) {
    st.scan_work += item_cost(heap, it);
    match *it {
        Item::Object(b) => {
            if let Some((base, size, id)) = heap.find_object(b) {
                st.scanned_single[heap.span(id).spanclass.sizeclass() as usize] += 1;
                scan_object(heap, base, base, base + size, gt, out, st);
            }
        }
        Item::Oblet(b, off) => {
            st.oblets += 1;
            scan_object(heap, b, b + off, b + off + MAX_OBLET_BYTES, gt, out, st);
        }
        Item::Span(id, ref pending) => {
            let s = heap.span(id);
            st.span_scans += 1;
            st.scanned_in_span[s.spanclass.sizeclass() as usize] += pending.len() as u64;
            for &i in pending {
                let base = s.slot_addr(i);
                scan_object(heap, base, base, base + s.elemsize, gt, out, st);
            }
        }
    }
}
