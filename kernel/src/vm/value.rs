//! Values in flight, and how they are laid out in simulated memory.
//!
//! Every Go variable lives in simulated memory (a frame slot, a heap object or static data),
//! so most of the VM's work is moving bytes between memory and the few values an expression
//! is computing at the moment. Those values in flight are [`V`]s:
//!
//! - [`V::W`]: a one-word scalar — every integer (sign- or zero-extended to 64 bits as its type
//!   says), `bool` (0/1), `float64` bits (a `float32` is kept as the `float64` bits of the
//!   rounded value), and every pointer-shaped value: pointers, maps, channels, functions.
//! - [`V::B`]: the raw little-endian bytes of a multi-word value, exactly as they sit in memory:
//!   strings (`ptr, len`), slices (`ptr, len, cap`), interfaces (`type word, data word`),
//!   structs and arrays (fields at their amd64 offsets, padding zeroed).
//!
//! [`Kind`] says which of the two a type uses and how to load and store it; it is computed
//! once per type.

use crate::types::{BasicKind, Type, TypeId, TypeTable};

/// A value being computed (see the module header).
#[derive(Clone, Debug, PartialEq)]
pub enum V {
    W(u64),
    B(Vec<u8>),
}

impl V {
    pub fn w(&self) -> u64 {
        match self {
            V::W(w) => *w,
            V::B(b) => word(b, 0),
        }
    }
    pub fn bytes(&self) -> &[u8] {
        match self {
            V::B(b) => b,
            V::W(_) => &[],
        }
    }
    /// Word `i` of a multi-word value.
    pub fn word(&self, i: usize) -> u64 {
        match self {
            V::W(w) if i == 0 => *w,
            V::W(_) => 0,
            V::B(b) => word(b, i * 8),
        }
    }
    pub fn f(&self) -> f64 {
        f64::from_bits(self.w())
    }
    pub fn from_f(f: f64) -> V {
        V::W(f.to_bits())
    }
    pub fn words(ws: &[u64]) -> V {
        let mut b = Vec::with_capacity(ws.len() * 8);
        for w in ws {
            b.extend_from_slice(&w.to_le_bytes());
        }
        V::B(b)
    }
}

/// The little-endian word at byte offset `off` of `b` (missing bytes read as zero).
pub fn word(b: &[u8], off: usize) -> u64 {
    let mut a = [0u8; 8];
    let end = (off + 8).min(b.len());
    if off < end {
        a[..end - off].copy_from_slice(&b[off..end]);
    }
    u64::from_le_bytes(a)
}

/// How values of a type are represented and stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An integer of `size` bytes.
    Int {
        size: u8,
        signed: bool,
    },
    Bool,
    F32,
    F64,
    /// Pointers, maps, channels, funcs, unsafe.Pointer: one word.
    Ptr,
    Str,
    Slice,
    Iface,
    /// Structs and arrays (and complex numbers): raw bytes.
    Agg,
}

impl Kind {
    pub fn is_word(self) -> bool {
        !matches!(self, Kind::Str | Kind::Slice | Kind::Iface | Kind::Agg)
    }
}

pub fn kind_of(tt: &TypeTable, t: TypeId) -> Kind {
    use BasicKind::*;
    match tt.under(t) {
        Type::Basic(b) => match b {
            Bool | UntypedBool => Kind::Bool,
            Int | Int64 | UntypedInt => Kind::Int {
                size: 8,
                signed: true,
            },
            Int8 => Kind::Int {
                size: 1,
                signed: true,
            },
            Int16 => Kind::Int {
                size: 2,
                signed: true,
            },
            Int32 | UntypedRune => Kind::Int {
                size: 4,
                signed: true,
            },
            Uint | Uint64 | Uintptr => Kind::Int {
                size: 8,
                signed: false,
            },
            Uint8 => Kind::Int {
                size: 1,
                signed: false,
            },
            Uint16 => Kind::Int {
                size: 2,
                signed: false,
            },
            Uint32 => Kind::Int {
                size: 4,
                signed: false,
            },
            Float32 => Kind::F32,
            Float64 | UntypedFloat => Kind::F64,
            Complex64 | Complex128 => Kind::Agg,
            String | UntypedString => Kind::Str,
            UnsafePointer | UntypedNil => Kind::Ptr,
        },
        Type::Pointer(_) | Type::Map { .. } | Type::Chan { .. } | Type::Func(_) => Kind::Ptr,
        Type::Slice(_) => Kind::Slice,
        Type::Interface(_) => Kind::Iface,
        Type::Struct(_) | Type::Array { .. } | Type::Tuple(_) | Type::Named { .. } => Kind::Agg,
    }
}

/// Truncates `v` to an integer kind and extends it back to 64 bits (Go's wraparound).
pub fn wrap(v: u64, size: u8, signed: bool) -> u64 {
    match (size, signed) {
        (1, true) => v as i8 as i64 as u64,
        (2, true) => v as i16 as i64 as u64,
        (4, true) => v as i32 as i64 as u64,
        (1, false) => v as u8 as u64,
        (2, false) => v as u16 as u64,
        (4, false) => v as u32 as u64,
        _ => v,
    }
}

/// A word value of `kind` from its `size` little-endian bytes in memory.
pub fn from_mem_bytes(kind: Kind, b: &[u8]) -> V {
    match kind {
        Kind::Int { size, signed } => V::W(wrap(word(b, 0), size, signed)),
        Kind::Bool => V::W((b.first().copied().unwrap_or(0) != 0) as u64),
        Kind::F32 => {
            let bits = word(b, 0) as u32;
            V::from_f(f32::from_bits(bits) as f64)
        }
        Kind::F64 | Kind::Ptr => V::W(word(b, 0)),
        _ => V::B(b.to_vec()),
    }
}

/// The bytes a value occupies in memory (`size` bytes).
pub fn to_mem_bytes(kind: Kind, v: &V, size: usize, out: &mut Vec<u8>) {
    match (kind, v) {
        (Kind::F32, V::W(w)) => {
            out.extend_from_slice(&(f64::from_bits(*w) as f32).to_bits().to_le_bytes());
        }
        (_, V::W(w)) => out.extend_from_slice(&w.to_le_bytes()[..size.min(8)]),
        (_, V::B(b)) => {
            out.extend_from_slice(&b[..size.min(b.len())]);
            for _ in b.len()..size {
                out.push(0);
            }
        }
    }
}

/// The zero value of a type of `kind` and `size` bytes.
pub fn zero(kind: Kind, size: u64) -> V {
    if kind.is_word() {
        V::W(0)
    } else {
        V::B(vec![0; size as usize])
    }
}
