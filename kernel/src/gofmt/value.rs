//! The owned description of a Go value that the VM hands to the formatter.

/// A Go type exactly as `%T` prints it: `int`, `main.Point`, `*main.Point`, `[]int`,
/// `map[string]int`, `func(int) string`, `struct { X int }`, `interface {}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeName(pub String);

impl From<&str> for TypeName {
    fn from(s: &str) -> Self {
        TypeName(s.to_string())
    }
}

/// A Go value, converted from simulated memory by the VM.
///
/// Every variant carries its dynamic type name (what `%T` prints). Go's `fmt` decides
/// by *kind* (the underlying type), so a `type Celsius float64` is a [`Value::Float`] with
/// `ty = "main.Celsius"`. Methods are the VM's job: when the value's method set has
/// `Error() string` or `String() string`, the VM calls it and wraps the value in
/// [`Value::Error`] / [`Value::Stringer`] (see the module documentation for when).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `bool` and named bools.
    Bool { v: bool, ty: TypeName },
    /// `int`, `int8` … `int64`, `rune` (prints as `int32`), named signed integers.
    Int { v: i64, ty: TypeName },
    /// `uint`, `uint8` … `uint64`, `uintptr`, `byte` (prints as `uint8`), named unsigned.
    Uint { v: u64, ty: TypeName },
    /// `float32` (`bits = 32`, `v` holds the float32 value exactly) or `float64`.
    Float { v: f64, bits: u8, ty: TypeName },
    /// A string: Go strings are bytes and may hold invalid UTF-8.
    String { s: Vec<u8>, ty: TypeName },
    /// A pointer (also `unsafe.Pointer`); `addr == 0` is nil. `target` is the pointee when
    /// it is a struct, array, slice or map: at the top level fmt prints such pointers as
    /// `&{…}` / `&[…]` / `&map[…]`; everything else (and any pointer nested inside another
    /// value) prints as its address `0xc000012345`.
    Pointer {
        addr: u64,
        ty: TypeName,
        target: Option<Box<Value>>,
    },
    /// A struct with its fields in declaration order (embedded fields named by their type).
    Struct {
        ty: TypeName,
        fields: Vec<(String, Value)>,
    },
    /// An array. `bytes` is true when the element kind is `uint8` (`[4]byte`, `[2]MyByte`):
    /// then `%s %q %x %X` print the elements as a string.
    Array {
        ty: TypeName,
        elems: Vec<Value>,
        bytes: bool,
    },
    /// A slice: `addr` is the data pointer (for `%p`), `nil` a nil slice. `bytes` as for
    /// arrays (`[]byte` has `ty = "[]uint8"` and its elements are [`Value::Uint`]).
    Slice {
        ty: TypeName,
        addr: u64,
        elems: Vec<Value>,
        nil: bool,
        bytes: bool,
    },
    /// A map, in any order (fmt sorts the entries); `addr` is the map header (for `%p`).
    Map {
        ty: TypeName,
        addr: u64,
        entries: Vec<(Value, Value)>,
        nil: bool,
    },
    /// A channel (`addr == 0` is nil).
    Chan { addr: u64, ty: TypeName },
    /// A function value: `addr` is its code pointer, 0 for a nil func.
    Func { addr: u64, ty: TypeName },
    /// An interface-typed field, element or map key/value; `ty` is the *static* interface
    /// type (`error`, `interface {}`, `main.Shape`), printed by `%#v` of a nil one.
    /// At the top level (an argument of Printf), the VM may pass the dynamic value directly.
    Interface {
        ty: TypeName,
        inner: Option<Box<Value>>,
    },
    /// A value whose type has `String() string` (and no `Error`); `s` is what it returned.
    /// `inner` is the value itself (same `ty`), printed when fmt does not use the method.
    Stringer {
        ty: TypeName,
        s: Vec<u8>,
        inner: Box<Value>,
    },
    /// A value whose type has `Error() string` (this takes precedence over `String`).
    Error {
        ty: TypeName,
        s: Vec<u8>,
        inner: Box<Value>,
    },
}

fn ty(s: &str) -> TypeName {
    TypeName(s.to_string())
}

impl Value {
    /// An `int`.
    pub fn int(v: i64) -> Value {
        Value::Int { v, ty: ty("int") }
    }
    /// A signed integer of the named type (`int8`, `int32` for runes, `main.Color`).
    pub fn int_of(v: i64, t: &str) -> Value {
        Value::Int { v, ty: ty(t) }
    }
    /// An unsigned integer of the named type (`uint`, `uint8`, `uintptr`).
    pub fn uint_of(v: u64, t: &str) -> Value {
        Value::Uint { v, ty: ty(t) }
    }
    /// A `float64`.
    pub fn f64(v: f64) -> Value {
        Value::Float {
            v,
            bits: 64,
            ty: ty("float64"),
        }
    }
    /// A `float32`.
    pub fn f32(v: f32) -> Value {
        Value::Float {
            v: v as f64,
            bits: 32,
            ty: ty("float32"),
        }
    }
    /// A `bool`.
    pub fn bool(v: bool) -> Value {
        Value::Bool { v, ty: ty("bool") }
    }
    /// A `string`.
    pub fn str(s: impl AsRef<[u8]>) -> Value {
        Value::String {
            s: s.as_ref().to_vec(),
            ty: ty("string"),
        }
    }
    /// A `[]byte` (nil when `b` is `None`).
    pub fn bytes(b: Option<&[u8]>) -> Value {
        Value::Slice {
            ty: ty("[]uint8"),
            addr: 0,
            elems: b
                .unwrap_or_default()
                .iter()
                .map(|&x| Value::uint_of(x as u64, "uint8"))
                .collect(),
            nil: b.is_none(),
            bytes: true,
        }
    }
    /// A non-nil slice of the given type (not of bytes).
    pub fn slice(t: &str, elems: Vec<Value>) -> Value {
        Value::Slice {
            ty: ty(t),
            addr: 0,
            elems,
            nil: false,
            bytes: false,
        }
    }
    /// An array of the given type (not of bytes).
    pub fn array(t: &str, elems: Vec<Value>) -> Value {
        Value::Array {
            ty: ty(t),
            elems,
            bytes: false,
        }
    }
    /// A non-nil map of the given type.
    pub fn map(t: &str, entries: Vec<(Value, Value)>) -> Value {
        Value::Map {
            ty: ty(t),
            addr: 0,
            entries,
            nil: false,
        }
    }
    /// A struct.
    pub fn strukt(t: &str, fields: Vec<(&str, Value)>) -> Value {
        Value::Struct {
            ty: ty(t),
            fields: fields
                .into_iter()
                .map(|(n, v)| (n.to_string(), v))
                .collect(),
        }
    }
    /// An interface-typed slot holding `inner` (`None` = nil interface).
    pub fn iface(t: &str, inner: Option<Value>) -> Value {
        Value::Interface {
            ty: ty(t),
            inner: inner.map(Box::new),
        }
    }
    /// A pointer: `target` is the pointee when it is a struct/array/slice/map.
    pub fn ptr(t: &str, addr: u64, target: Option<Value>) -> Value {
        Value::Pointer {
            addr,
            ty: ty(t),
            target: target.map(Box::new),
        }
    }
    /// `inner` with its `String()` result.
    pub fn stringer(s: impl AsRef<[u8]>, inner: Value) -> Value {
        Value::Stringer {
            ty: inner.type_name().clone(),
            s: s.as_ref().to_vec(),
            inner: Box::new(inner),
        }
    }
    /// `inner` with its `Error()` result.
    pub fn error(s: impl AsRef<[u8]>, inner: Value) -> Value {
        Value::Error {
            ty: inner.type_name().clone(),
            s: s.as_ref().to_vec(),
            inner: Box::new(inner),
        }
    }

    /// The dynamic type, as `%T` prints it.
    pub fn type_name(&self) -> &TypeName {
        match self {
            Value::Bool { ty, .. }
            | Value::Int { ty, .. }
            | Value::Uint { ty, .. }
            | Value::Float { ty, .. }
            | Value::String { ty, .. }
            | Value::Pointer { ty, .. }
            | Value::Struct { ty, .. }
            | Value::Array { ty, .. }
            | Value::Slice { ty, .. }
            | Value::Map { ty, .. }
            | Value::Chan { ty, .. }
            | Value::Func { ty, .. }
            | Value::Interface { ty, .. }
            | Value::Stringer { ty, .. }
            | Value::Error { ty, .. } => ty,
        }
    }

    /// The value without its methods (what `fmt` prints when it does not call them).
    pub(crate) fn without_methods(&self) -> &Value {
        match self {
            Value::Stringer { inner, .. } | Value::Error { inner, .. } => inner.without_methods(),
            v => v,
        }
    }

    /// Whether the underlying kind is `string` (Sprint puts no space next to strings).
    pub(crate) fn is_string_kind(&self) -> bool {
        matches!(self.without_methods(), Value::String { .. })
    }
}
