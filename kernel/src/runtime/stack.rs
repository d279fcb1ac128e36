//! Goroutine stacks: how Go 1.27.3 gives every goroutine a small stack that grows and shrinks.
//!
//! **Contiguous, movable stacks.** Every goroutine owns one contiguous block of memory
//! `[lo, hi)` whose size is a power of two, at least 2 KiB ([`STACK_MIN`]). The stack grows
//! downwards: a goroutine starts with its stack pointer near `hi`, and each call moves it towards
//! `lo`. There is no guard page. Instead the compiler puts a *prologue check* at the start of
//! almost every function: it compares the stack pointer with the goroutine's *stack guard*,
//! `lo + 928` ([`STACK_GUARD`] = 800 bytes reserved for chains of `//go:nosplit` functions +
//! 128 bytes that a small frame may use below the guard). Which comparison is emitted depends on
//! the frame size (see [`prologue_fails`]): a frame of at most 128 bytes ([`STACK_SMALL`]) may
//! dip into those 128 spare bytes, so it simply asks "is SP above the guard?"; a bigger frame
//! first subtracts `frame − 128` from SP; a frame above 4096 bytes ([`STACK_BIG`]) also guards
//! against that subtraction wrapping around. Leaf functions with frames under 128 bytes have no
//! check at all: the 800 reserved bytes cover them.
//!
//! **Growth.** When the check fails, the function calls `morestack`, which allocates a stack
//! twice as large — doubled again until the new stack holds what is already used plus the
//! function's largest frame plus the guard — copies the *used* part `[sp, hi)` to the top of the
//! new stack, and frees the old one. Since both copies are aligned to `hi`, every address inside
//! the old stack moves by the same `delta = new.hi − old.hi`. Go can then fix every pointer that
//! points into the old stack, because escape analysis guarantees that pointers to stack memory
//! live only on that same stack (or in a few runtime structures: channel waiters, defers,
//! panics), and the compiler's stack maps say exactly which frame slots hold pointers. In this
//! model the VM owns the frames, so [`Stacks::grow`] hands it the old and new ranges through a
//! [`StackMover`] and the VM relocates its frame pointers and stack-internal pointers. Growing
//! beyond `maxstacksize` (1,000,000,000 bytes on 64-bit) is fatal; because sizes double, the
//! largest stack a goroutine can reach is 512 MiB ([`StackOverflow`]).
//!
//! **Shrinking.** Only the garbage collector shrinks stacks: while it scans a goroutine's stack
//! it halves it if the goroutine uses less than a quarter (counting the 800 nosplit bytes as
//! used), never below 2 KiB. One halving per GC cycle, so a stack that grew to 16 MiB needs a
//! dozen cycles to come back down ([`Stacks::scan_stack`]).
//!
//! **Where stack memory comes from.** Stacks are carved out of heap pages (spans the heap
//! hands out "manually", outside the garbage-collected heap), obtained here through the
//! [`PageSource`] trait so the same code runs on the kernel's real page heap or on
//! [`SimplePages`] in tests. Small stacks — orders 0‥3, i.e. 2, 4, 8 and 16 KiB — are cut from
//! 32 KiB spans kept in a global pool per order, and each P (processor) keeps a cache of free
//! stacks per order that it refills and drains 16 KiB at a time, so most goroutine creations
//! touch no lock. Stacks of 32 KiB and more get a span of their own, recycled through a "large
//! stack" pool while a GC is running. `MemStats.StackInuse` counts *spans*, not live stacks: a
//! single live 4 KiB stack costs the whole 32 KiB span, free stacks sitting in caches still
//! count, and a span leaves `StackInuse` only when its last stack is freed back to the pool.
//! `runtime.ReadMemStats` flushes the per-P caches first ([`Stacks::read_mem_stats`]).
//!
//! **Adaptive starting size.** New goroutines start with `startingStackSize`, 2 KiB at first.
//! At the end of every GC it becomes the average used size of the stacks the GC scanned plus
//! the guard, rounded up to a power of two (`GODEBUG=adaptivestackstart=1`, on by default in
//! Go 1.27.3; see [`StackConfig::adaptive_stack_start`]).
//!
//! **Frames in this model.** A function's frame size is what the compiler prints as
//! `$framesize` in `go build -gcflags=-S` (`TEXT main.f(SB), ABIInternal, $152-16`): locals
//! and the spill area for the arguments of the functions it calls, each rounded up to 8 bytes,
//! plus 8 bytes for the caller's frame pointer (BP), saved by every function that has a frame
//! or makes a call ([`frame_size`]). The `CALL` instruction pushes the 8-byte return address on
//! top, so each call consumes `framesize + 8` bytes of stack: `func rec(n int, g uintptr)`
//! with a `[128]byte` local is `$152-16` (128 + 16 + 8) and takes 160 bytes per level. A new
//! goroutine starts with 32 bytes reserved at the top and the return address of `goexit`
//! pushed below them ([`NEWPROC_RESERVE`]). With these rules the model reproduces the stack
//! sizes the real runtime reaches exactly (`kernel/tests/runtime_stack.rs`).
//!
//! **Using it.** The VM keeps one [`GStack`] per goroutine and one [`Stacks`] per process, and
//! calls [`Stacks::call`] / [`Stacks::ret`] around every Go call. Whenever a stack moves, the
//! [`StackMover`] callbacks copy the used bytes and relocate pointers, and the returned
//! [`Relocation`] carries the delta. The GC calls [`Stacks::gc_start`], [`Stacks::scan_stack`]
//! for every goroutine and [`Stacks::gc_end`]. Every change is recorded as a [`StackEvent`].
//!
//! ```
//! use gomem::runtime::stack::{Frame, SimplePages, StackConfig, Stacks};
//!
//! let mut stacks = Stacks::new(StackConfig::default(), SimplePages::new());
//! let mut g = stacks.new_goroutine(0, 1); // P 0, goroutine 1: a 2 KiB stack
//! let rec = Frame::new(128, 16, true); // $152
//! for _ in 0..1000 {
//!     stacks.call(0, &mut g, rec, &mut ()).expect("far below the limit");
//! }
//! assert_eq!(g.size(), 256 * 1024); // 2K → 4K → … → 256K: seven growths
//! assert_eq!(stacks.read_mem_stats().stack_inuse, 256 * 1024);
//! ```
//!
//! Go's counterparts: `runtime/stack.go` (allocation, growth, shrinking, starting size),
//! `runtime/proc.go` (`newproc1`, `gfput`/`gfget`, `maxstacksize`), `runtime/mgcmark.go`
//! (`scanstack`), `internal/abi/stack.go` and `cmd/internal/obj/x86/obj6.go` (prologues).

use serde::Serialize;
use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::ops::Range;

/// Size of a pointer, a return address or a saved frame pointer on amd64.
pub const PTR_SIZE: u64 = 8;
/// The heap's page size (`PageShift` = 13).
pub const PAGE_SIZE: u64 = 8192;
/// The smallest stack, 2 KiB (`stackMin`; `fixedStack` is the same on Linux).
pub const STACK_MIN: u64 = 2048;
/// Extra bytes below the guard for the OS (4096 on Windows, 0 on Linux).
pub const STACK_SYSTEM: u64 = 0;
/// Bytes a chain of `//go:nosplit` functions may use below the guard.
pub const STACK_NOSPLIT: u64 = 800;
/// A frame this small may go up to this many bytes below the guard without checking.
pub const STACK_SMALL: u64 = 128;
/// Frames above this size need an underflow-safe prologue check.
pub const STACK_BIG: u64 = 4096;
/// Distance of the stack guard above `lo`: 800 + 0 + 128 = 928.
pub const STACK_GUARD: u64 = STACK_NOSPLIT + STACK_SYSTEM + STACK_SMALL;
/// Stacks of 2, 4, 8 and 16 KiB are "small" and pooled by order.
pub const NUM_STACK_ORDERS: usize = 4;
/// The span size small stacks are carved from, and twice the per-P cache refill.
pub const STACK_CACHE_SIZE: u64 = 32 * 1024;
/// `maxstacksize` on 64-bit systems: one billion bytes (decimal).
pub const MAX_STACK_SIZE: u64 = 1_000_000_000;
/// `maxstackceiling`: a hard limit that `debug.SetMaxStack` cannot raise.
pub const MAX_STACK_CEILING: u64 = 2 * MAX_STACK_SIZE;
/// Bytes `newproc` leaves unused at the top of a new stack (four words, kept 8-aligned).
pub const NEWPROC_RESERVE: u64 = 4 * PTR_SIZE;
/// Exit status of a Go program killed by `fatal error: stack overflow`.
pub const STACK_OVERFLOW_EXIT_STATUS: i32 = 2;

// ---------------------------------------------------------------------------------------------
// Frames and prologue checks
// ---------------------------------------------------------------------------------------------

/// The `$framesize` the Go compiler gives a function on amd64: `locals_bytes` (its local
/// variables and spill slots) and `args_bytes` (the largest argument spill area of the functions
/// it calls, reserved at the bottom of its frame) are each rounded up to 8 bytes; a function
/// with any frame or any call also saves the caller's frame pointer (+8). A frameless leaf
/// costs 0. The return address that a call pushes is not part of the frame.
///
/// `rec(n int, g uintptr)` with a `[128]byte` local calling itself: 128 + 16 + 8 = 152, as
/// `go build -gcflags=-S` prints it (`$152-16`).
pub fn frame_size(locals_bytes: u64, args_bytes: u64, has_calls: bool) -> u64 {
    let body = align8(locals_bytes) + align8(args_bytes);
    if body == 0 && !has_calls {
        0
    } else {
        body + PTR_SIZE
    }
}

/// Whether the compiler emits a prologue check. On amd64 a function with a frame under
/// [`STACK_SMALL`] bytes that makes no calls is marked nosplit automatically: the 800 bytes
/// reserved below the guard are enough for it.
pub fn has_prologue_check(frame_size: u64, has_calls: bool) -> bool {
    has_calls || frame_size >= STACK_SMALL
}

/// The prologue check of a function with a `frame_size`-byte frame, evaluated at its entry
/// (`sp` points at the return address). Returns true when the function must call `morestack`:
///
/// * frame ≤ 128: `SP ≤ guard` — the frame may use the 128 bytes below the guard;
/// * frame ≤ 4096: `SP − (frame − 128) ≤ guard`;
/// * larger: the same, but a subtraction that would wrap below zero also fails.
pub fn prologue_fails(sp: u64, stackguard: u64, frame_size: u64) -> bool {
    if frame_size <= STACK_SMALL {
        sp <= stackguard
    } else if frame_size <= STACK_BIG {
        sp - (frame_size - STACK_SMALL) <= stackguard
    } else {
        match sp.checked_sub(frame_size - STACK_SMALL) {
            None => true,
            Some(low) => low <= stackguard,
        }
    }
}

/// A function's frame as the VM describes it to the stack model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Frame {
    /// `$framesize`: bytes the prologue subtracts from SP, saved frame pointer included.
    pub size: u64,
    /// Whether the prologue checks the stack (see [`has_prologue_check`]).
    pub checks_stack: bool,
}

impl Frame {
    /// A frame computed with [`frame_size`].
    pub fn new(locals_bytes: u64, args_bytes: u64, has_calls: bool) -> Frame {
        let size = frame_size(locals_bytes, args_bytes, has_calls);
        Frame {
            size,
            checks_stack: has_prologue_check(size, has_calls),
        }
    }

    /// A frame whose `$framesize` is already known (e.g. read from `-gcflags=-S`), for a
    /// function that calls other functions.
    pub fn with_size(size: u64) -> Frame {
        Frame {
            size,
            checks_stack: true,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Stacks, goroutines, events, errors
// ---------------------------------------------------------------------------------------------

/// The bounds of one stack: `[lo, hi)`, growing down from `hi`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Stack {
    pub lo: u64,
    pub hi: u64,
}

impl Stack {
    /// Bytes in the stack.
    pub fn size(&self) -> u64 {
        self.hi - self.lo
    }
    /// The guard a prologue compares SP against (`stackguard0`).
    pub fn guard(&self) -> u64 {
        self.lo + STACK_GUARD
    }
    /// Whether `addr` lies inside the stack.
    pub fn contains(&self, addr: u64) -> bool {
        self.lo <= addr && addr < self.hi
    }
    /// The bounds as a range.
    pub fn range(&self) -> Range<u64> {
        self.lo..self.hi
    }
}

/// The stack state of one goroutine, owned by the VM.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GStack {
    /// The goroutine's id (used in events only).
    pub goid: u64,
    pub stack: Stack,
    /// The stack pointer: the lowest byte in use (at a function's entry it points at the
    /// return address; Go's `g.sched.sp` when the goroutine is stopped).
    pub sp: u64,
    /// A shrink the GC asked for while the goroutine was not at a safe point.
    pub preempt_shrink: bool,
}

impl GStack {
    /// Bytes in use, `hi − sp`.
    pub fn used(&self) -> u64 {
        self.stack.hi - self.sp
    }
    /// The stack's size.
    pub fn size(&self) -> u64 {
        self.stack.size()
    }
    /// The prologue check of a function with this frame at the current SP (the function's
    /// entry: the return address is already pushed).
    pub fn needs_grow(&self, frame_size: u64) -> bool {
        prologue_fails(self.sp, self.stack.guard(), frame_size)
    }
}

/// The result of moving a stack: every address in `old.range()` now lives at `+ delta`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Relocation {
    pub old: Stack,
    pub new: Stack,
    /// `new.hi − old.hi`; negative when the new stack is lower in memory.
    pub delta: i64,
    /// Bytes copied: the used part `[sp, hi)`.
    pub copied: u64,
}

impl Relocation {
    /// Where an address of the old stack lives now (addresses outside are unchanged).
    pub fn relocate(&self, addr: u64) -> u64 {
        if self.old.contains(addr) {
            addr.wrapping_add_signed(self.delta)
        } else {
            addr
        }
    }
}

/// What the VM does when a stack moves. Go copies the used bytes, then rewrites every pointer
/// into the old stack: first in runtime structures (channel waiters, the closure context,
/// defers, panics), then in every frame, using the compiler's pointer maps for each frame
/// (`adjustframe`). The VM owns frames and their pointer maps, so it does both here.
pub trait StackMover {
    /// Copy the used part of the stack: `from` (in the old stack) to `to` (same length, at the
    /// top of the new stack).
    fn copy(&mut self, from: Range<u64>, to: Range<u64>);
    /// Rewrite every pointer that points into `old` to the same offset in `new` (both ranges
    /// are whole stacks aligned at `hi`: `p' = p + new.end − old.end`). Also update saved
    /// frame pointers.
    fn adjust(&mut self, old: Range<u64>, new: Range<u64>);
}

/// A mover for pure accounting simulations that keep no stack contents.
impl StackMover for () {
    fn copy(&mut self, _from: Range<u64>, _to: Range<u64>) {}
    fn adjust(&mut self, _old: Range<u64>, _new: Range<u64>) {}
}

/// Something that happened to a stack, for plots of stack sizes over time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind")]
pub enum StackEvent {
    /// A goroutine got a stack (`reused`: a dead goroutine's stack of the starting size).
    Alloc { goid: u64, size: u64, reused: bool },
    /// `morestack` moved the stack to a bigger one.
    Grow {
        goid: u64,
        from: u64,
        to: u64,
        copied: u64,
    },
    /// The GC moved the stack to one half the size.
    Shrink {
        goid: u64,
        from: u64,
        to: u64,
        copied: u64,
    },
    /// A goroutine exited (`kept`: its stack stays with the dead goroutine for reuse).
    Free { goid: u64, size: u64, kept: bool },
    /// The end of a GC changed the size new goroutines start with.
    StartingSize { from: u64, to: u64 },
}

/// An event with the moment it happened and the `StackInuse` just after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StackEventRecord {
    /// Position in the event stream (0, 1, 2, ...).
    pub seq: u64,
    /// Number of GC cycles completed before the event.
    pub gc_cycle: u64,
    pub event: StackEvent,
    /// `StackInuse` right after the event (before any cache flush).
    pub stack_inuse: u64,
}

/// Growing a stack past the limit: fatal in Go (`throw("stack overflow")`, exit status 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StackOverflow {
    /// The limit printed: `maxstacksize`, or `maxstackceiling` if that is lower.
    pub limit: u64,
    /// The size growth would have needed.
    pub requested: u64,
    /// The stack pointer `newstack` reports (one word below the function's entry SP: the call
    /// to `morestack` pushed a return address).
    pub sp: u64,
    /// The stack that could not grow.
    pub stack: Stack,
}

impl StackOverflow {
    /// The first three lines Go writes to stderr (the goroutine tracebacks follow them).
    pub fn runtime_output(&self) -> String {
        format!(
            "runtime: goroutine stack exceeds {}-byte limit\nruntime: sp={:#x} stack=[{:#x}, {:#x}]\nfatal error: stack overflow",
            self.limit, self.sp, self.stack.lo, self.stack.hi
        )
    }
}

/// Go's two headline lines: `runtime: goroutine stack exceeds 1000000000-byte limit` and
/// `fatal error: stack overflow` (Go prints the stack bounds between them:
/// [`StackOverflow::runtime_output`]).
impl fmt::Display for StackOverflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "runtime: goroutine stack exceeds {}-byte limit\nfatal error: stack overflow",
            self.limit
        )
    }
}

impl std::error::Error for StackOverflow {}

// ---------------------------------------------------------------------------------------------
// Page memory
// ---------------------------------------------------------------------------------------------

/// Where stack spans come from: the page heap (`mheap.allocManual`/`freeManual`).
pub trait PageSource {
    /// Allocate `npages` contiguous pages of [`PAGE_SIZE`] bytes; returns the base address.
    fn alloc_pages(&mut self, npages: u64) -> u64;
    /// Give back pages obtained from `alloc_pages`.
    fn free_pages(&mut self, addr: u64, npages: u64);
}

/// A minimal page heap for tests and stand-alone simulations: freed runs are reused by
/// requests of exactly the same length (most recently freed first), otherwise fresh pages are
/// taken above everything handed out so far.
#[derive(Clone, Debug)]
pub struct SimplePages {
    next: u64,
    free: BTreeMap<u64, Vec<u64>>,
    in_use: u64,
    mapped: u64,
}

impl SimplePages {
    /// Pages start at Go's usual first heap address on amd64.
    pub fn new() -> SimplePages {
        SimplePages::starting_at(0xc0_0000_0000)
    }
    /// Pages start at `base` (page aligned).
    pub fn starting_at(base: u64) -> SimplePages {
        SimplePages {
            next: base,
            free: BTreeMap::new(),
            in_use: 0,
            mapped: 0,
        }
    }
    /// Bytes currently handed out.
    pub fn in_use_bytes(&self) -> u64 {
        self.in_use
    }
    /// Bytes ever taken from the address space.
    pub fn mapped_bytes(&self) -> u64 {
        self.mapped
    }
}

impl Default for SimplePages {
    fn default() -> Self {
        SimplePages::new()
    }
}

impl PageSource for SimplePages {
    fn alloc_pages(&mut self, npages: u64) -> u64 {
        let bytes = npages * PAGE_SIZE;
        self.in_use += bytes;
        if let Some(addr) = self.free.get_mut(&npages).and_then(Vec::pop) {
            return addr;
        }
        let addr = self.next;
        self.next += bytes;
        self.mapped += bytes;
        addr
    }
    fn free_pages(&mut self, addr: u64, npages: u64) {
        self.in_use -= npages * PAGE_SIZE;
        self.free.entry(npages).or_default().push(addr);
    }
}

// ---------------------------------------------------------------------------------------------
// The stack allocator and the per-goroutine operations
// ---------------------------------------------------------------------------------------------

/// Knobs of the runtime that affect stacks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StackConfig {
    /// GOMAXPROCS: the number of Ps, each with its own stack cache.
    pub procs: usize,
    /// `GODEBUG=adaptivestackstart` (1 by default in Go 1.27.3).
    pub adaptive_stack_start: bool,
    /// The opposite of `GODEBUG=gcshrinkstackoff=1`.
    pub shrink_stacks: bool,
    /// `maxstacksize`, changed by `debug.SetMaxStack`.
    pub max_stack_size: u64,
}

impl Default for StackConfig {
    fn default() -> Self {
        StackConfig {
            procs: 1,
            adaptive_stack_start: true,
            shrink_stacks: true,
            max_stack_size: MAX_STACK_SIZE,
        }
    }
}

/// `MemStats` fields about stacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StackMemStats {
    /// Bytes in stack spans: live stacks and the free stacks still held in those spans.
    pub stack_inuse: u64,
    /// Stack memory obtained from the OS: equal to `stack_inuse` here (without cgo no stack
    /// memory is mapped outside the heap).
    pub stack_sys: u64,
}

/// A 32 KiB span carved into small stacks of one order.
#[derive(Clone, Debug)]
struct SmallSpan {
    order: usize,
    /// Free stacks; the last one is handed out next.
    free: Vec<u64>,
    alloc_count: u64,
}

/// A per-P cache of free stacks of one order (a LIFO list and its byte total).
#[derive(Clone, Debug, Default)]
struct StackCache {
    list: Vec<u64>,
    size: u64,
}

/// All goroutine stacks of one simulated process.
#[derive(Debug)]
pub struct Stacks<P: PageSource> {
    config: StackConfig,
    pages: P,
    /// Global pools: per order, the spans that have a free stack, front first.
    pools: [VecDeque<u64>; NUM_STACK_ORDERS],
    /// Every small-stack span, by base address.
    small_spans: BTreeMap<u64, SmallSpan>,
    /// Per-P caches.
    caches: Vec<[StackCache; NUM_STACK_ORDERS]>,
    /// Free large stacks kept while a GC runs, by log2 of their page count.
    large_free: BTreeMap<u32, VecDeque<u64>>,
    gc_running: bool,
    gc_cycles: u64,
    starting_stack_size: u64,
    scanned_stack_bytes: u64,
    scanned_stacks: u64,
    /// Per P, the dead goroutines kept for reuse (`p.gFree`, last in first out), with the
    /// stack each still holds.
    dead_gs: Vec<Vec<Option<Stack>>>,
    /// The global list of dead goroutines (`sched.gFree`): those holding a stack, and how
    /// many hold none.
    global_dead_with_stack: Vec<Stack>,
    global_dead_without_stack: u64,
    stack_inuse: u64,
    events: Vec<StackEventRecord>,
}

impl<P: PageSource> Stacks<P> {
    /// An empty process with `config.procs` Ps (at least one). Every method taking a `p` acts
    /// on behalf of that P (`0..procs`): its stack cache and its list of dead goroutines.
    pub fn new(config: StackConfig, pages: P) -> Stacks<P> {
        let procs = config.procs.max(1);
        Stacks {
            config,
            pages,
            pools: Default::default(),
            small_spans: BTreeMap::new(),
            caches: vec![Default::default(); procs],
            large_free: BTreeMap::new(),
            gc_running: false,
            gc_cycles: 0,
            starting_stack_size: STACK_MIN,
            scanned_stack_bytes: 0,
            scanned_stacks: 0,
            dead_gs: vec![Vec::new(); procs],
            global_dead_with_stack: Vec::new(),
            global_dead_without_stack: 0,
            stack_inuse: 0,
            events: Vec::new(),
        }
    }

    pub fn config(&self) -> &StackConfig {
        &self.config
    }
    pub fn pages(&self) -> &P {
        &self.pages
    }
    pub fn pages_mut(&mut self) -> &mut P {
        &mut self.pages
    }
    /// The size new goroutines start with (`startingStackSize`).
    pub fn starting_stack_size(&self) -> u64 {
        self.starting_stack_size
    }
    /// Completed GC cycles.
    pub fn gc_cycles(&self) -> u64 {
        self.gc_cycles
    }
    /// `debug.SetMaxStack`: sets `maxstacksize`, returns the previous value.
    pub fn set_max_stack(&mut self, bytes: u64) -> u64 {
        std::mem::replace(&mut self.config.max_stack_size, bytes)
    }
    /// The current `StackInuse`, without flushing the caches first.
    pub fn stack_inuse(&self) -> u64 {
        self.stack_inuse
    }
    /// What `runtime.ReadMemStats` reports: it stops the world and flushes every P's stack
    /// cache first, so spans left with only free stacks go back to the heap.
    pub fn read_mem_stats(&mut self) -> StackMemStats {
        self.flush_caches();
        StackMemStats {
            stack_inuse: self.stack_inuse,
            stack_sys: self.stack_inuse,
        }
    }
    /// Every event so far.
    pub fn events(&self) -> &[StackEventRecord] {
        &self.events
    }
    /// Removes and returns the events so far.
    pub fn take_events(&mut self) -> Vec<StackEventRecord> {
        std::mem::take(&mut self.events)
    }

    fn record(&mut self, event: StackEvent) {
        let seq = self.events.last().map_or(0, |e| e.seq + 1);
        self.events.push(StackEventRecord {
            seq,
            gc_cycle: self.gc_cycles,
            event,
            stack_inuse: self.stack_inuse,
        });
    }

    // ---- spans from the page source ------------------------------------------------------

    fn alloc_span(&mut self, npages: u64) -> u64 {
        self.stack_inuse += npages * PAGE_SIZE;
        self.pages.alloc_pages(npages)
    }

    fn free_span(&mut self, base: u64, npages: u64) {
        self.stack_inuse -= npages * PAGE_SIZE;
        self.pages.free_pages(base, npages);
    }

    // ---- the global pools of small stacks ------------------------------------------------

    /// Takes a free stack of `order` from the global pool, carving a new 32 KiB span when no
    /// span has a free stack.
    fn pool_alloc(&mut self, order: usize) -> u64 {
        let base = match self.pools[order].front() {
            Some(&base) => base,
            None => {
                let base = self.alloc_span(STACK_CACHE_SIZE / PAGE_SIZE);
                let elem = STACK_MIN << order;
                // Threaded in address order, so the highest stack is handed out first.
                let free = (0..STACK_CACHE_SIZE / elem)
                    .map(|i| base + i * elem)
                    .collect();
                self.small_spans.insert(
                    base,
                    SmallSpan {
                        order,
                        free,
                        alloc_count: 0,
                    },
                );
                self.pools[order].push_front(base);
                base
            }
        };
        let span = self.small_spans.get_mut(&base).expect("pooled span exists");
        let x = span.free.pop().expect("a pooled span has a free stack");
        span.alloc_count += 1;
        if span.free.is_empty() {
            self.pools[order].retain(|&b| b != base);
        }
        x
    }

    /// Returns a small stack to its span. With no GC running, a span whose last stack comes
    /// back is returned to the heap at once; during a GC it waits for the end of the cycle.
    fn pool_free(&mut self, x: u64, order: usize) {
        let (&base, span) = self
            .small_spans
            .range_mut(..=x)
            .next_back()
            .expect("stack in a stack span");
        debug_assert!(span.order == order && x < base + STACK_CACHE_SIZE);
        let had_no_free = span.free.is_empty();
        span.free.push(x);
        span.alloc_count -= 1;
        let now_empty = span.alloc_count == 0;
        if had_no_free {
            // The span has a free stack again.
            self.pools[order].push_front(base);
        }
        if !self.gc_running && now_empty {
            self.pools[order].retain(|&b| b != base);
            self.small_spans.remove(&base);
            self.free_span(base, STACK_CACHE_SIZE / PAGE_SIZE);
        }
    }

    /// Fills an empty per-P cache with 16 KiB worth of stacks from the pool.
    fn cache_refill(&mut self, p: usize, order: usize) {
        let elem = STACK_MIN << order;
        let mut size = 0;
        while size < STACK_CACHE_SIZE / 2 {
            let x = self.pool_alloc(order);
            self.caches[p][order].list.push(x);
            size += elem;
        }
        self.caches[p][order].size = size;
    }

    /// Drains a full per-P cache down to 16 KiB.
    fn cache_release(&mut self, p: usize, order: usize) {
        let elem = STACK_MIN << order;
        while self.caches[p][order].size > STACK_CACHE_SIZE / 2 {
            let x = self.caches[p][order]
                .list
                .pop()
                .expect("cache holds its size");
            self.caches[p][order].size -= elem;
            self.pool_free(x, order);
        }
    }

    /// Empties every P's stack cache into the pools (`stackcache_clear`, done by
    /// `ReadMemStats` and at the end of each GC).
    pub fn flush_caches(&mut self) {
        for p in 0..self.caches.len() {
            for order in 0..NUM_STACK_ORDERS {
                let list = std::mem::take(&mut self.caches[p][order].list);
                self.caches[p][order].size = 0;
                for x in list.into_iter().rev() {
                    self.pool_free(x, order);
                }
            }
        }
    }

    // ---- stackalloc / stackfree ----------------------------------------------------------

    /// Allocates a stack of `size` bytes (a power of two ≥ 2 KiB) on behalf of P `p`.
    pub fn stackalloc(&mut self, p: usize, size: u64) -> Stack {
        assert!(
            size.is_power_of_two() && size >= STACK_MIN,
            "stack size {size} is not a power of two ≥ 2 KiB"
        );
        let lo = if let Some(order) = small_order(size) {
            if self.caches[p][order].list.is_empty() {
                self.cache_refill(p, order);
            }
            let cache = &mut self.caches[p][order];
            cache.size -= size;
            cache.list.pop().expect("refilled cache")
        } else {
            let npages = size / PAGE_SIZE;
            match self
                .large_free
                .get_mut(&npages.ilog2())
                .and_then(VecDeque::pop_front)
            {
                Some(base) => base,
                None => self.alloc_span(npages),
            }
        };
        Stack { lo, hi: lo + size }
    }

    /// Frees a stack on behalf of P `p`.
    pub fn stackfree(&mut self, p: usize, stack: Stack) {
        let size = stack.size();
        assert!(
            size.is_power_of_two() && size >= STACK_MIN,
            "bad stack size {size}"
        );
        if let Some(order) = small_order(size) {
            if self.caches[p][order].size >= STACK_CACHE_SIZE {
                self.cache_release(p, order);
            }
            let cache = &mut self.caches[p][order];
            cache.list.push(stack.lo);
            cache.size += size;
        } else if !self.gc_running {
            self.free_span(stack.lo, size / PAGE_SIZE);
        } else {
            // A GC may still look at the old span; keep it as a stack span until the end.
            let key = (size / PAGE_SIZE).ilog2();
            self.large_free.entry(key).or_default().push_front(stack.lo);
        }
    }

    // ---- goroutines ----------------------------------------------------------------------

    /// A new goroutine's stack (`newproc1` → `gfget`). Dead goroutines are recycled: P `p`
    /// takes the one it freed last (refilling its list with up to 32 from the global list,
    /// those with stacks first). If that goroutine kept a stack of the current starting size,
    /// the stack is reused; otherwise a stack of `startingStackSize` is allocated. SP starts
    /// [`NEWPROC_RESERVE`] bytes below `hi`; the first [`Stacks::call`] pushes the return
    /// address to `goexit`.
    pub fn new_goroutine(&mut self, p: usize, goid: u64) -> GStack {
        if self.dead_gs[p].is_empty() {
            while self.dead_gs[p].len() < 32 {
                if let Some(stack) = self.global_dead_with_stack.pop() {
                    self.dead_gs[p].push(Some(stack));
                } else if self.global_dead_without_stack > 0 {
                    self.global_dead_without_stack -= 1;
                    self.dead_gs[p].push(None);
                } else {
                    break;
                }
            }
        }
        let kept = match self.dead_gs[p].pop().flatten() {
            Some(stack) if stack.size() == self.starting_stack_size => Some(stack),
            Some(stack) => {
                // Kept when it had the right size; the starting size changed since.
                self.stackfree(p, stack);
                None
            }
            None => None,
        };
        let reused = kept.is_some();
        let stack = kept.unwrap_or_else(|| self.stackalloc(p, self.starting_stack_size));
        self.record(StackEvent::Alloc {
            goid,
            size: stack.size(),
            reused,
        });
        GStack {
            goid,
            stack,
            sp: stack.hi - NEWPROC_RESERVE,
            preempt_shrink: false,
        }
    }

    /// A goroutine exits on P `p` (`gfput`): a stack of the current starting size stays with
    /// the dead goroutine for the next `go` statement; any other size is freed. When the P has
    /// 64 dead goroutines, it moves all but 31 to the global list.
    pub fn exit_goroutine(&mut self, p: usize, g: GStack) {
        let kept = g.size() == self.starting_stack_size;
        if kept {
            self.dead_gs[p].push(Some(g.stack));
        } else {
            self.stackfree(p, g.stack);
            self.dead_gs[p].push(None);
        }
        if self.dead_gs[p].len() >= 64 {
            while self.dead_gs[p].len() >= 32 {
                match self.dead_gs[p].pop().flatten() {
                    Some(stack) => self.global_dead_with_stack.push(stack),
                    None => self.global_dead_without_stack += 1,
                }
            }
        }
        self.record(StackEvent::Free {
            goid: g.goid,
            size: g.size(),
            kept,
        });
    }

    /// How many dead goroutines hold a stack (per-P lists and the global list).
    pub fn dead_goroutine_stacks(&self) -> usize {
        let local: usize = self
            .dead_gs
            .iter()
            .map(|l| l.iter().flatten().count())
            .sum();
        local + self.global_dead_with_stack.len()
    }

    /// A call: pushes the return address, runs the callee's prologue check (growing the stack
    /// if it fails) and sets up the callee's frame. Returns the relocation if the stack moved.
    pub fn call(
        &mut self,
        p: usize,
        g: &mut GStack,
        frame: Frame,
        mover: &mut impl StackMover,
    ) -> Result<Option<Relocation>, StackOverflow> {
        g.sp -= PTR_SIZE;
        let mut moved = None;
        if frame.checks_stack && g.needs_grow(frame.size) {
            moved = Some(self.grow(p, g, frame.size, mover)?);
        }
        g.sp -= frame.size;
        Ok(moved)
    }

    /// A return: pops the frame and the return address.
    pub fn ret(&mut self, g: &mut GStack, frame: Frame) {
        g.sp += frame.size + PTR_SIZE;
    }

    /// `newstack`: called when a prologue check failed at the function's entry (`g.sp` is the
    /// entry SP). Doubles the stack until the used part plus the function's largest SP delta
    /// (`max_sp_delta`, its frame size) plus the guard fits, then moves the goroutine there.
    pub fn grow(
        &mut self,
        p: usize,
        g: &mut GStack,
        max_sp_delta: u64,
        mover: &mut impl StackMover,
    ) -> Result<Relocation, StackOverflow> {
        let old = g.size();
        let mut new = old * 2;
        while new - g.used() < max_sp_delta + STACK_GUARD {
            new *= 2;
        }
        if new > self.config.max_stack_size || new > MAX_STACK_CEILING {
            return Err(StackOverflow {
                limit: self.config.max_stack_size.min(MAX_STACK_CEILING),
                requested: new,
                sp: g.sp - PTR_SIZE,
                stack: g.stack,
            });
        }
        let moved = self.copystack(p, g, new, mover);
        Ok(moved)
    }

    /// Moves `g` to a new stack of `new_size`: allocate, copy `[sp, hi)` to the top of the new
    /// stack, let the VM adjust pointers, free the old stack, record a Grow or Shrink event.
    fn copystack(
        &mut self,
        p: usize,
        g: &mut GStack,
        new_size: u64,
        mover: &mut impl StackMover,
    ) -> Relocation {
        let old = g.stack;
        let used = g.used();
        let new = self.stackalloc(p, new_size);
        mover.copy(old.hi - used..old.hi, new.hi - used..new.hi);
        mover.adjust(old.range(), new.range());
        g.stack = new;
        g.sp = new.hi - used;
        self.stackfree(p, old);
        let (goid, from, to) = (g.goid, old.size(), new_size);
        self.record(if to > from {
            StackEvent::Grow {
                goid,
                from,
                to,
                copied: used,
            }
        } else {
            StackEvent::Shrink {
                goid,
                from,
                to,
                copied: used,
            }
        });
        Relocation {
            old,
            new,
            delta: new.hi as i64 - old.hi as i64,
            copied: used,
        }
    }

    // ---- the garbage collector -----------------------------------------------------------

    /// A GC cycle starts: until [`Stacks::gc_end`], emptied stack spans are not returned to the
    /// heap. Among its first root jobs (`markrootFreeGStacks`), a GC worker on P `p` frees the
    /// stacks of the dead goroutines on the *global* list; those on per-P lists keep theirs.
    pub fn gc_start(&mut self, p: usize) {
        self.gc_running = true;
        for stack in std::mem::take(&mut self.global_dead_with_stack) {
            self.stackfree(p, stack);
            self.global_dead_without_stack += 1;
        }
    }

    /// The GC scans a goroutine's stack (`scanstack`): its used size feeds the next starting
    /// size, and the stack is shrunk if that is safe now (`safe`: the goroutine is not in a
    /// system call or at an asynchronous safe point); otherwise the shrink waits for
    /// [`Stacks::safe_point`].
    pub fn scan_stack(
        &mut self,
        p: usize,
        g: &mut GStack,
        safe: bool,
        mover: &mut impl StackMover,
    ) -> Option<Relocation> {
        self.scanned_stack_bytes += g.used();
        self.scanned_stacks += 1;
        if safe {
            self.shrink(p, g, mover)
        } else {
            g.preempt_shrink = true;
            None
        }
    }

    /// The goroutine reached a synchronous safe point: do a shrink the GC deferred.
    pub fn safe_point(
        &mut self,
        p: usize,
        g: &mut GStack,
        mover: &mut impl StackMover,
    ) -> Option<Relocation> {
        if std::mem::take(&mut g.preempt_shrink) {
            self.shrink(p, g, mover)
        } else {
            None
        }
    }

    /// `shrinkstack`: halve the stack if less than a quarter is used (the 800 nosplit bytes
    /// count as used) and the half is at least 2 KiB.
    pub fn shrink(
        &mut self,
        p: usize,
        g: &mut GStack,
        mover: &mut impl StackMover,
    ) -> Option<Relocation> {
        if !self.config.shrink_stacks {
            return None;
        }
        let old = g.size();
        let new = old / 2;
        if new < STACK_MIN || g.used() + STACK_NOSPLIT >= old / 4 {
            return None;
        }
        let moved = self.copystack(p, g, new, mover);
        Some(moved)
    }

    /// The GC cycle ends: compute the next starting size, return stack spans left empty
    /// during the cycle to the heap (`freeStackSpans`) and flush the per-P caches.
    pub fn gc_end(&mut self) {
        self.compute_starting_stack_size();
        self.gc_running = false;
        // Pool spans whose stacks are all free.
        let empty: Vec<(u64, usize)> = self
            .small_spans
            .iter()
            .filter(|(_, s)| s.alloc_count == 0)
            .map(|(&base, s)| (base, s.order))
            .collect();
        for (base, order) in empty {
            self.pools[order].retain(|&b| b != base);
            self.small_spans.remove(&base);
            self.free_span(base, STACK_CACHE_SIZE / PAGE_SIZE);
        }
        // Every large stack freed during the cycle.
        for (log2, list) in std::mem::take(&mut self.large_free) {
            for base in list {
                self.free_span(base, 1 << log2);
            }
        }
        self.flush_caches();
        self.gc_cycles += 1;
    }

    /// `gcComputeStartingStackSize`: the average used size of the stacks scanned in the cycle,
    /// plus the guard, clamped to [2 KiB, maxstacksize] and rounded up to a power of two.
    fn compute_starting_stack_size(&mut self) {
        if !self.config.adaptive_stack_start {
            return;
        }
        let (bytes, count) = (self.scanned_stack_bytes, self.scanned_stacks);
        self.scanned_stack_bytes = 0;
        self.scanned_stacks = 0;
        let next = match bytes.checked_div(count) {
            None => STACK_MIN,
            Some(avg) => {
                // First capped at maxstacksize, then raised to the minimum (Go's order, so a
                // tiny SetMaxStack cannot make the range empty).
                let avg = (avg + STACK_GUARD)
                    .min(self.config.max_stack_size)
                    .max(STACK_MIN);
                // Rounding up comes after the cap: an average capped at 1e9 starts at 1 GiB.
                avg.next_power_of_two()
            }
        };
        if next != self.starting_stack_size {
            let from = std::mem::replace(&mut self.starting_stack_size, next);
            self.record(StackEvent::StartingSize { from, to: next });
        }
    }
}

/// The order of a small stack (2 KiB → 0 … 16 KiB → 3), or `None` for a large one.
pub fn small_order(size: u64) -> Option<usize> {
    // Small means below both 2 KiB << 4 and the span size; on linux/amd64 both are 32 KiB.
    const LIMIT: u64 = if STACK_MIN << NUM_STACK_ORDERS < STACK_CACHE_SIZE {
        STACK_MIN << NUM_STACK_ORDERS
    } else {
        STACK_CACHE_SIZE
    };
    if size < LIMIT {
        Some((size / STACK_MIN).ilog2() as usize)
    } else {
        None
    }
}

fn align8(n: u64) -> u64 {
    n.div_ceil(PTR_SIZE) * PTR_SIZE
}
