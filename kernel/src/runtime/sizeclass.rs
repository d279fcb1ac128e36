//! Size classes: how Go rounds a small allocation up to one of 67 fixed sizes.
//!
//! Go never allocates a small object of exactly the requested size. Sizes from 1 to
//! 32768 bytes are rounded up to one of 67 *size classes* (8, 16, 24, 32, 48, … 32768),
//! and every span (run of 8 KiB pages) holds objects of a single class. Knowing the class
//! of an object is enough to find its slot: `slot = (addr - span.base) / class_size`.
//! Class 0 is reserved for *large* objects, which get a span of their own.
//!
//! The table is produced by Go's `mksizeclasses.go`: it walks candidate sizes with a
//! growing step (8, then 16 from 32 B, size/8 from 128 B, 256 from 2 KiB), picks for each
//! the fewest pages whose leftover tail is at most 1/8 of the span, merges sizes that give
//! the same page count and object count, and finally stretches each class to the largest
//! size that keeps the same count. So the waste of a class is bounded (at most 12.5 % of
//! the span plus the rounding inside each slot).
//!
//! Lookup is two-level and branch-light: sizes up to 1016 B index a table by
//! `ceil(size / 8)`; larger sizes index a second table by `ceil((size - 1024) / 128)`.
//! The numbers live in [`sizeclass_table`](super::sizeclass_table), generated from the
//! installed toolchain by `scripts/gen-sizeclasses.py`; this module only interprets them.
//!
//! The *table* objects-per-span count is not what a Go 1.27.3 span really holds: with the
//! Green Tea collector, one-page spans of 16..=512-byte objects keep 128 bytes of inline
//! mark bits at their end, and pointerful spans of objects ≤ 512 B keep a pointer bitmap
//! (one bit per word: 128 B per page) there too. See [`objects_per_span`].

use super::sizeclass_table as t;

pub use t::{MAX_SMALL_SIZE, NUM_SIZE_CLASSES, PAGE_SHIFT, TINY_SIZE, TINY_SIZE_CLASS};

/// The allocator's page size (8 KiB).
pub const PAGE_SIZE: u64 = 1 << PAGE_SHIFT;
/// Size of the malloc header that pointerful objects larger than
/// [`MIN_SIZE_FOR_MALLOC_HEADER`] carry at the start of their slot.
pub const MALLOC_HEADER_SIZE: u64 = 8;
/// Pointerful objects of at most this many bytes keep their pointer bitmap in the span;
/// bigger ones get a [`MALLOC_HEADER_SIZE`]-byte header naming their type (8 × 64 = 512).
pub const MIN_SIZE_FOR_MALLOC_HEADER: u64 = 8 * 64;
/// Largest request served by a size class: larger objects get their own span.
pub const MAX_SMALL_ALLOC: u64 = MAX_SMALL_SIZE - MALLOC_HEADER_SIZE;
/// Size of the Green Tea inline mark bits kept at the end of a one-page span.
pub const INLINE_MARK_BITS_SIZE: u64 = 128;

/// Everything the allocator knows about one size class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SizeClass {
    /// Class number, 1..=67 (0 = large object).
    pub class: u8,
    /// Bytes per object (slot size).
    pub size: u64,
    /// Pages per span.
    pub npages: u64,
    /// Objects per span according to the generated table (no GC metadata reserved).
    pub table_objects: u64,
    /// Guaranteed alignment of the objects.
    pub min_align: u64,
}

/// The size class of class number `class` (1..=67).
pub fn class_info(class: u8) -> SizeClass {
    let c = class as usize;
    SizeClass {
        class,
        size: t::CLASS_TO_SIZE[c] as u64,
        npages: t::CLASS_TO_NPAGES[c] as u64,
        table_objects: t::CLASS_TO_TABLE_OBJECTS[c] as u64,
        min_align: t::CLASS_TO_MIN_ALIGN[c] as u64,
    }
}

/// Size class number for a request of `size` bytes, `1 <= size <= 32768`.
/// Returns 0 for sizes that do not fit a class.
#[inline]
pub fn size_to_class(size: u64) -> u8 {
    if size <= t::SMALL_SIZE_MAX - 8 {
        t::SIZE_TO_CLASS_8[size.div_ceil(t::SMALL_SIZE_DIV) as usize]
    } else if size <= MAX_SMALL_SIZE {
        // 1017..=1024 give index 0 (the 1024-byte class); Go gets the same by letting
        // `size - 1024` wrap around before the rounding division.
        t::SIZE_TO_CLASS_128[size
            .saturating_sub(t::SMALL_SIZE_MAX)
            .div_ceil(t::LARGE_SIZE_DIV) as usize]
    } else {
        0
    }
}

/// Slot size in bytes of class `class`.
#[inline]
pub fn class_size(class: u8) -> u64 {
    t::CLASS_TO_SIZE[class as usize] as u64
}

/// Pages per span of class `class`.
#[inline]
pub fn class_npages(class: u8) -> u64 {
    t::CLASS_TO_NPAGES[class as usize] as u64
}

/// Whether pointerful objects of `size` bytes keep their pointer bits in the span (no header).
#[inline]
pub fn heap_bits_in_span(size: u64) -> bool {
    size <= MIN_SIZE_FOR_MALLOC_HEADER
}

/// Whether Green Tea keeps inline mark bits at the end of spans of `elemsize`-byte objects.
#[inline]
pub fn uses_inline_mark_bits(elemsize: u64) -> bool {
    (16..=MIN_SIZE_FOR_MALLOC_HEADER).contains(&elemsize)
}

/// Objects a span of class `class` really holds, after the bytes reserved at its end
/// for GC metadata. With `green_tea` (Go 1.27.3's default), spans of 16..=512-byte objects
/// reserve [`INLINE_MARK_BITS_SIZE`]; pointerful (`!noscan`) spans of objects ≤ 512 B also
/// reserve one bit per word of the span for the pointer bitmap.
///
/// ```
/// use gomem::runtime::sizeclass::{objects_per_span, size_to_class};
/// let c16 = size_to_class(16);
/// assert_eq!(objects_per_span(c16, true, true), 504); // 8192 - 128 bytes of mark bits
/// assert_eq!(objects_per_span(c16, false, true), 496); // and 128 bytes of pointer bits
/// assert_eq!(objects_per_span(c16, true, false), 512); // GOEXPERIMENT=nogreenteagc
/// ```
pub fn objects_per_span(class: u8, noscan: bool, green_tea: bool) -> u64 {
    if class == 0 {
        return 1;
    }
    let size = class_size(class);
    let nbytes = class_npages(class) * PAGE_SIZE;
    let mut reserve = 0;
    if green_tea && uses_inline_mark_bits(size) {
        reserve += INLINE_MARK_BITS_SIZE;
    }
    if !noscan && heap_bits_in_span(size) {
        reserve += nbytes / 8 / 8;
    }
    (nbytes - reserve) / size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_invariants() {
        assert_eq!(NUM_SIZE_CLASSES, 68);
        for c in 1..NUM_SIZE_CLASSES as u8 {
            let i = class_info(c);
            assert!(c == 1 || class_size(c - 1) < i.size, "sizes increase");
            assert_eq!(i.table_objects, i.npages * PAGE_SIZE / i.size);
            // tail waste is at most 1/8 of the span
            assert!(i.npages * PAGE_SIZE - i.table_objects * i.size <= i.npages * PAGE_SIZE / 8);
            assert_eq!(i.size % i.min_align, 0);
            assert_eq!(size_to_class(i.size), c);
        }
    }

    #[test]
    fn every_size_maps_to_smallest_fitting_class() {
        for size in 1..=MAX_SMALL_SIZE {
            let c = size_to_class(size);
            assert!(class_size(c) >= size, "size {size}");
            assert!(
                c == 1 || class_size(c - 1) < size,
                "size {size} not smallest"
            );
        }
        assert_eq!(size_to_class(MAX_SMALL_SIZE + 1), 0);
    }
}
