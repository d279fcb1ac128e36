//! Memory layout on linux/amd64: sizes, alignments, field offsets and pointer facts.
//!
//! The rules are those of the Go compiler (`cmd/compile/internal/types/size.go`):
//!
//! - words are 8 bytes: `int`, `uint`, `uintptr`, pointers, maps, channels and funcs are one
//!   word; a string is two words (pointer, length); a slice three (pointer, length, capacity);
//!   an interface two (type or itab word, data word);
//! - an array is `n` elements back to back, aligned like its element;
//! - a struct lays out its fields in order, each at the next multiple of its alignment; a
//!   struct that is not empty but *ends* with a zero-size field gets one extra byte, so that a
//!   pointer to that last field cannot point past the object; finally the size is rounded up to
//!   the struct's alignment (the largest field alignment).
//!
//! Escape analysis needs these numbers for its size limits, and "pointer-shaped" types (Go's
//! `IsDirectIface`) because converting such a value to an interface stores it directly in the
//! data word instead of boxing it.

use super::table::*;

fn round_up(x: u64, a: u64) -> u64 {
    if a <= 1 {
        x
    } else {
        x.saturating_add(a - 1) / a * a
    }
}

impl TypeTable {
    /// Computes field offsets for a struct's fields.
    pub(crate) fn layout_fields(&self, mut fields: Vec<StructField>) -> Vec<StructField> {
        let mut off = 0u64;
        for f in &mut fields {
            off = round_up(off, self.align_of(f.ty));
            f.offset = off;
            off = off.saturating_add(self.size_of(f.ty));
        }
        fields
    }

    /// `unsafe.Sizeof` on linux/amd64.
    pub fn size_of(&self, t: TypeId) -> u64 {
        use BasicKind::*;
        match self.under(t) {
            Type::Basic(k) => match k {
                Bool | Int8 | Uint8 => 1,
                Int16 | Uint16 => 2,
                Int32 | Uint32 | Float32 | UntypedRune => 4,
                Complex128 | String | UntypedString => 16,
                Complex64 => 8,
                UntypedNil => 8,
                _ => 8,
            },
            Type::Pointer(_) | Type::Map { .. } | Type::Chan { .. } | Type::Func(_) => 8,
            Type::Slice(_) => 24,
            Type::Interface(_) => 16,
            Type::Array { len, elem } => len.saturating_mul(self.size_of(*elem)),
            Type::Struct(fields) => {
                let Some(last) = fields.last() else { return 0 };
                let last_size = self.size_of(last.ty);
                let mut size = last.offset.saturating_add(last_size);
                if size > 0 && last_size == 0 {
                    size += 1;
                }
                round_up(size, self.align_of(t))
            }
            Type::Tuple(ts) => ts.iter().map(|&t| self.size_of(t)).sum(),
            Type::Named { .. } => 0,
        }
    }

    /// `unsafe.Alignof` on linux/amd64.
    pub fn align_of(&self, t: TypeId) -> u64 {
        use BasicKind::*;
        match self.under(t) {
            Type::Basic(k) => match k {
                Bool | Int8 | Uint8 => 1,
                Int16 | Uint16 => 2,
                Int32 | Uint32 | Float32 | Complex64 | UntypedRune => 4,
                _ => 8,
            },
            Type::Array { elem, .. } => self.align_of(*elem),
            Type::Struct(fields) => fields
                .iter()
                .map(|f| self.align_of(f.ty))
                .max()
                .unwrap_or(1),
            _ => 8,
        }
    }

    /// Whether values of the type contain pointers the garbage collector must scan.
    pub fn has_pointers(&self, t: TypeId) -> bool {
        match self.under(t) {
            Type::Basic(k) => matches!(
                k,
                BasicKind::String | BasicKind::UnsafePointer | BasicKind::UntypedString
            ),
            Type::Array { len, elem } => *len > 0 && self.has_pointers(*elem),
            Type::Struct(fields) => fields.iter().any(|f| self.has_pointers(f.ty)),
            Type::Tuple(ts) => ts.iter().any(|&t| self.has_pointers(t)),
            Type::Named { .. } => false,
            _ => true,
        }
    }

    /// Go's `IsDirectIface`: values of this type are stored directly in an interface's data
    /// word (pointers, maps, channels, funcs, `unsafe.Pointer`, and structs or arrays of exactly
    /// one such element), so converting them to an interface allocates nothing.
    pub fn is_pointer_shaped(&self, t: TypeId) -> bool {
        match self.under(t) {
            Type::Pointer(_) | Type::Map { .. } | Type::Chan { .. } | Type::Func(_) => true,
            Type::Basic(k) => *k == BasicKind::UnsafePointer,
            Type::Array { len, elem } => *len == 1 && self.is_pointer_shaped(*elem),
            Type::Struct(fields) => fields.len() == 1 && self.is_pointer_shaped(fields[0].ty),
            _ => false,
        }
    }
}
