//! The [`Heap`] façade: one simulated Go heap with its P caches, memory and statistics.

use super::malloc::{TypeInfo, TypeLayout};
use super::mcache::MCache;
use super::memory::Memory;
use super::mheap::{MHeap, DEFAULT_ARENA_BASE};
use super::mspan::{MSpan, SpanId};
use super::mstats::{Counters, GcStats};
use super::sizeclass::{class_info, size_to_class, SizeClass, MAX_SMALL_ALLOC, PAGE_SIZE};

/// Address returned for every zero-size allocation (Go's `runtime.zerobase`, a variable in
/// the binary's data segment, so all zero-size objects share one address).
pub const ZEROBASE: u64 = 0x56_0000;

/// How to build a [`Heap`].
#[derive(Clone, Debug)]
pub struct HeapConfig {
    /// Number of Ps (GOMAXPROCS), each with its own mcache.
    pub gomaxprocs: usize,
    /// First heap address (Go's first arena hint: `0xc000000000`).
    pub arena_base: u64,
    /// Green Tea GC layout (Go 1.27.3 default): inline mark bits shrink small spans.
    pub green_tea: bool,
}

impl Default for HeapConfig {
    fn default() -> Self {
        HeapConfig {
            gomaxprocs: 1,
            arena_base: DEFAULT_ARENA_BASE,
            green_tea: true,
        }
    }
}

/// A simulated Go heap.
#[derive(Debug)]
pub struct Heap {
    /// The address space (heap arena and the runtime's data page holding [`ZEROBASE`]).
    pub mem: Memory,
    pub(crate) mheap: MHeap,
    pub(crate) mcaches: Vec<MCache>,
    pub(crate) counters: Counters,
    /// GC counters (`NumGC`, pauses, …), maintained by the garbage collector.
    pub gc: GcStats,
    pub(crate) types: Vec<TypeLayout>,
    /// What the heap did, for the observability layer (`None`: not recording).
    pub records: Option<Vec<HeapRecord>>,
}

/// Something the heap did that a trace shows: objects freed by the sweeper, spans taken
/// into and returned from a P's cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeapRecord {
    /// The sweeper freed the object at `addr` (its slot size and class).
    Free { addr: u64, size: u64, class: u8 },
    /// P `p` took span `span` into its mcache.
    SpanAcquire {
        p: usize,
        span: u32,
        class: u8,
        npages: u64,
    },
    /// P `p` returned span `span` to its mcentral.
    SpanRelease {
        p: usize,
        span: u32,
        class: u8,
        npages: u64,
    },
}

impl Heap {
    /// A fresh heap: nothing mapped but the data page; the first allocation grows it.
    pub fn new(config: HeapConfig) -> Self {
        assert!(config.gomaxprocs >= 1, "GOMAXPROCS must be at least 1");
        let mut mem = Memory::new();
        mem.map(ZEROBASE & !(PAGE_SIZE - 1), PAGE_SIZE, "data");
        Heap {
            mem,
            mheap: MHeap::new(config.arena_base, config.green_tea),
            mcaches: vec![MCache::default(); config.gomaxprocs],
            counters: Counters::default(),
            gc: GcStats::default(),
            types: vec![TypeLayout::pointer_free("noscan", 0)],
            records: None,
        }
    }

    /// Number of Ps.
    pub fn gomaxprocs(&self) -> usize {
        self.mcaches.len()
    }

    /// The page heap (spans, free runs, sweep generation).
    pub fn mheap(&self) -> &MHeap {
        &self.mheap
    }

    /// The span record `id`.
    pub fn span(&self, id: SpanId) -> &MSpan {
        self.mheap.span(id)
    }

    /// P `p`'s cache.
    pub fn mcache(&self, p: usize) -> &MCache {
        &self.mcaches[p]
    }

    /// Registers a type so that objects of it can be allocated and scanned.
    ///
    /// ```
    /// use gomem::runtime::{Heap, HeapConfig, TypeLayout};
    /// let mut h = Heap::new(HeapConfig::default());
    /// // struct { p *int; n int; q *int }
    /// let t = h.register_type(TypeLayout::new("T", 24, &[0, 2]));
    /// assert!(t.has_pointers());
    /// let x = h.malloc(0, 24, t);
    /// let mut ptrs = vec![];
    /// h.for_each_pointer_word(x, |a| ptrs.push(a));
    /// assert_eq!(ptrs, vec![x, x + 16]);
    /// ```
    pub fn register_type(&mut self, layout: TypeLayout) -> TypeInfo {
        let scan = layout.has_pointers();
        self.types.push(layout);
        TypeInfo::new((self.types.len() - 1) as u32, scan)
    }

    /// The layout of a registered type.
    pub fn type_layout(&self, t: TypeInfo) -> &TypeLayout {
        &self.types[t.id() as usize]
    }

    /// The size class a pointer-free request of `size` bytes lands in; class 0 (large
    /// object, `size` rounded up to pages) above 32760 bytes.
    pub fn size_class_of(&self, size: u64) -> SizeClass {
        let c = if size <= MAX_SMALL_ALLOC {
            size_to_class(size.max(1))
        } else {
            0
        };
        if c == 0 {
            let npages = size.div_ceil(PAGE_SIZE);
            SizeClass {
                class: 0,
                size: npages * PAGE_SIZE,
                npages,
                table_objects: 1,
                min_align: PAGE_SIZE,
            }
        } else {
            class_info(c)
        }
    }

    /// The heap object containing `addr`: `(slot base, slot size, span)`. The base is the
    /// start of the slot (for objects with a malloc header, 8 bytes before the address
    /// `malloc` returned). Free slots of in-use spans are found too (check
    /// [`MSpan::is_allocated`]); addresses outside any in-use span give `None`.
    ///
    /// ```
    /// use gomem::runtime::{Heap, HeapConfig, TypeInfo};
    /// let mut h = Heap::new(HeapConfig::default());
    /// let a = h.malloc(0, 100, TypeInfo::noscan()); // class 112
    /// let (base, size, _span) = h.find_object(a + 50).unwrap();
    /// assert_eq!((base, size), (a, 112));
    /// assert!(h.find_object(0).is_none());
    /// ```
    pub fn find_object(&self, addr: u64) -> Option<(u64, u64, SpanId)> {
        let id = self.mheap.span_of(addr)?;
        let s = self.mheap.span(id);
        if addr >= s.limit {
            return None;
        }
        let i = s.slot_of(addr);
        Some((s.slot_addr(i), s.elemsize, id))
    }

    /// Marks the object containing `addr` (GC helper); `Some(true)` if newly marked,
    /// `None` if `addr` is not inside an allocated heap object.
    pub fn mark_object(&self, addr: u64) -> Option<bool> {
        let (base, _, id) = self.find_object(addr)?;
        let s = self.mheap.span(id);
        let i = s.slot_of(base);
        if !s.is_allocated(i) {
            return None;
        }
        Some(s.try_mark(i))
    }

    /// Whether the object containing `addr` is marked; `None` if `addr` is not inside an
    /// allocated heap object.
    pub fn is_marked(&self, addr: u64) -> Option<bool> {
        let (base, _, id) = self.find_object(addr)?;
        let s = self.mheap.span(id);
        let i = s.slot_of(base);
        if !s.is_allocated(i) {
            return None;
        }
        Some(s.is_marked(i))
    }

    /// Calls `f` with the address of every pointer-holding word of the object whose slot
    /// starts at `base` (as returned by [`Heap::find_object`] or [`Heap::malloc`] for objects
    /// without a header). Pointer-free objects have none.
    pub fn for_each_pointer_word(&self, base: u64, mut f: impl FnMut(u64)) {
        let Some((slot, _, id)) = self.find_object(base) else {
            return;
        };
        let s = self.mheap.span(id);
        if s.spanclass.noscan() {
            return;
        }
        let i = s.slot_of(slot) as usize;
        let st = s.slot_types[i.min(s.slot_types.len() - 1)];
        let data = slot
            + if super::malloc::has_header(s) {
                super::sizeclass::MALLOC_HEADER_SIZE
            } else {
                0
            };
        let layout = &self.types[st.type_id as usize];
        let words = (layout.size / 8).max(1);
        for w in 0..st.data_words as u64 {
            if layout.is_pointer_word(w % words) {
                f(data + w * 8);
            }
        }
    }

    /// Flushes every P's cache back to the central lists, as `runtime.ReadMemStats` and the
    /// start of sweeping do: pending statistics are published and the tiny blocks dropped.
    pub fn flush_mcaches(&mut self) {
        for p in 0..self.mcaches.len() {
            self.release_all(p);
        }
    }

    /// Returns up to `bytes` of idle heap memory to the OS (the scavenger's work).
    pub fn scavenge(&mut self, bytes: u64) -> u64 {
        self.mheap.scavenge(bytes)
    }
}
