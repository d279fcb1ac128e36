//! # The simulated runtime: memory, the allocator and goroutine stacks
//!
//! This module simulates how Go 1.27.3's runtime manages heap memory, down to the numbers
//! that `runtime.ReadMemStats` reports. It is layered exactly like Go's allocator (see the
//! overview at the top of Go's `runtime/malloc.go`):
//!
//! ```text
//!  Heap::malloc(p, size, type)                       malloc.rs   (mallocgc)
//!     │  zero size → &zerobase; < 16 B pointer-free → tiny block; ≤ 32760 B → size class
//!     ▼
//!  mcache[p]: one current span per span class         mcache.rs   (per-P, no locks)
//!     │  span full → refill
//!     ▼
//!  mcentral[spanclass]: partial/full, swept/unswept    mcentral.rs (shared)
//!     │  nothing free → new span
//!     ▼
//!  mheap: pages, grows in 4 MiB chunks                 mheap.rs    (page allocator)
//!     ▼
//!  Memory: sparse 64-bit address space                 memory.rs
//! ```
//!
//! [`stack`] models goroutine stacks (growth by copying, shrinking, the adaptive start size).
//! [`sizeclass`] holds the 67 object sizes (generated from the Go toolchain), [`mspan`] the
//! span structure with its allocation and mark bits, [`mgcsweep`] the sweeping entry points
//! the garbage collector uses, and [`mstats`] the `runtime.MemStats` view.
//!
//! Everything is deterministic: no randomized heap base, no clocks, and the P that allocates
//! is chosen by the caller.
//!
//! ```
//! use gomem::runtime::{Heap, HeapConfig, TypeInfo};
//! let mut h = Heap::new(HeapConfig::default());
//! let a = h.malloc(0, 24, TypeInfo::noscan());
//! assert_eq!(a, 0xc000000000); // the first object of the first span
//! assert_eq!(h.size_class_of(24).size, 24);
//! let stats = h.read_mem_stats();
//! assert_eq!((stats.mallocs, stats.total_alloc, stats.heap_sys), (1, 24, 4 << 20));
//! ```

pub mod gc;
mod heap;
pub mod malloc;
pub mod mcache;
pub mod mcentral;
pub mod memory;
pub mod mgcsweep;
pub mod mheap;
pub mod mspan;
pub mod mstats;
pub mod sizeclass;
pub mod stack;
#[rustfmt::skip]
pub mod sizeclass_table;

pub use heap::{Heap, HeapConfig, HeapRecord, ZEROBASE};
pub use malloc::{TypeInfo, TypeLayout};
pub use memory::{Fault, Memory};
pub use mgcsweep::SweepResult;
pub use mspan::{MSpan, SpanClass, SpanId};
pub use mstats::MemStats;
pub use sizeclass::SizeClass;
