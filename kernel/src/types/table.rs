//! Type representation: interned types, objects, and the per-expression facts the checker records.

use std::collections::HashMap;

use serde::Serialize;

use crate::syntax::ast::ExprId;
use crate::syntax::Pos;

/// An interned type. Equal ids mean identical types.
pub type TypeId = u32;
/// An object (something a name can denote).
pub type ObjId = u32;
/// A function or method with a body (or a body-less extern from the standard library).
pub type FuncId = u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum BasicKind {
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedString,
    UntypedNil,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct StructField {
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
    /// Byte offset within the struct (amd64 layout).
    pub offset: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Signature {
    /// Receiver type, for method signatures (method expressions and method sets).
    pub recv: Option<TypeId>,
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// The last parameter is variadic; its type in `params` is the slice type `[]T`.
    pub variadic: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct IfaceMethod {
    pub name: String,
    /// A [`Type::Func`] without receiver.
    pub sig: TypeId,
}

/// The structure of a type.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Type {
    Basic(BasicKind),
    Pointer(TypeId),
    Slice(TypeId),
    Array {
        len: u64,
        elem: TypeId,
    },
    Map {
        key: TypeId,
        value: TypeId,
    },
    Chan {
        dir: ChanDir,
        elem: TypeId,
    },
    Struct(Vec<StructField>),
    Func(Signature),
    /// Methods sorted by name, embedded interfaces already flattened in.
    Interface(Vec<IfaceMethod>),
    /// A defined type. `underlying` is filled in once the declaration is checked.
    /// `pkg` is the package path (`main`, `fmt`, `sync`...), `methods` the declared methods
    /// (value and pointer receivers both) in declaration order.
    Named {
        name: String,
        pkg: String,
        underlying: TypeId,
        methods: Vec<FuncId>,
        decl_id: u32,
    },
    /// The result list of a multi-value call.
    Tuple(Vec<TypeId>),
}

/// What a name denotes.
#[derive(Clone, Debug, Serialize)]
pub enum ObjKind {
    /// A variable: global, local, parameter or result.
    Var(VarKind),
    Const(ConstValue),
    TypeName,
    Func(FuncId),
    /// An imported package, by path.
    Package(String),
    Builtin(Builtin),
    Nil,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum VarKind {
    Global,
    Local,
    Param,
    Result,
    /// The variable bound in a type-switch clause (`switch v := x.(type)`).
    TypeSwitchBind,
}

#[derive(Clone, Debug, Serialize)]
pub struct Object {
    pub name: String,
    /// Declaration position (the identifier); `Pos::default()` for universe objects.
    pub pos: Pos,
    pub ty: TypeId,
    pub kind: ObjKind,
    /// The function the object is declared in (for locals, params and results).
    pub func: Option<FuncId>,
    /// Package path the object belongs to.
    pub pkg: String,
}

/// Serializes string-constant bytes as text (invalid UTF-8 as U+FFFD).
fn serialize_lossy<S: serde::Serializer>(b: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&String::from_utf8_lossy(b))
}

/// A compile-time constant value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum ConstValue {
    Bool(bool),
    /// Integers (including runes) with arbitrary-enough precision for the subset.
    Int(i128),
    /// Floats, exact (see [`super::constant`]).
    Float(super::constant::Real),
    /// Strings are bytes: a Go string constant may hold invalid UTF-8 (`"\xff"`).
    String(#[serde(serialize_with = "serialize_lossy")] Vec<u8>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
}

/// How an expression was classified by the checker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Mode {
    /// Denotes a type.
    Type,
    /// A (non-addressable) value.
    Value,
    /// An addressable variable (`x`, `*p`, `s[i]`, `a[i]` of an addressable array, `p.f`).
    Variable,
    /// A constant; the value is in [`TypeAndValue::value`].
    Constant,
    /// A builtin function name.
    Builtin,
    /// An expression statement with no value (a call of a function with no results).
    NoValue,
    /// A map index, type assertion or receive that may be used in a comma-ok assignment.
    CommaOk,
    /// A package name (only valid as the left of a selector).
    Package,
}

#[derive(Clone, Debug, Serialize)]
pub struct TypeAndValue {
    pub mode: Mode,
    /// The expression's type. For untyped constants, the *default* type after the checker
    /// has decided the final type from context (`x := 1` → int; `var f float64 = 1` → float64).
    pub ty: TypeId,
    pub value: Option<ConstValue>,
}

/// What a call expression is.
#[derive(Clone, Debug, Serialize)]
pub enum CallKind {
    /// `T(x)`: a conversion to the given type.
    Conversion(TypeId),
    Builtin(Builtin),
    /// A call of a declared function (`f(x)`, `pkg.F(x)`).
    Static(FuncId),
    /// A call of a concrete method (`t.M(x)`); `recv_addr` when Go takes `&t` implicitly
    /// (pointer method on an addressable value), `recv_deref` when it dereferences
    /// (value method through a pointer). `path` lists embedded-field indices to reach the
    /// receiver through promoted fields.
    Method {
        func: FuncId,
        path: Vec<usize>,
        recv_addr: bool,
        recv_deref: bool,
    },
    /// A method call through an interface value (dynamic dispatch).
    Interface {
        method: String,
    },
    /// A call of a function value (a variable, a parameter, a field, a closure literal...).
    Dynamic,
}

/// How a selector `x.f` was resolved.
#[derive(Clone, Debug, Serialize)]
pub enum Selection {
    /// A qualified identifier `pkg.Name`.
    Qualified(ObjId),
    /// A struct field; `path` are field indices through embedded fields, the last one being
    /// the selected field. `indirect` when a pointer was dereferenced along the way.
    Field { path: Vec<usize>, indirect: bool },
    /// A method value `x.M` (not immediately called) or the callee of a method call.
    Method {
        func: FuncId,
        path: Vec<usize>,
        recv_addr: bool,
        recv_deref: bool,
    },
    /// A method of an interface value.
    InterfaceMethod { name: String },
    /// A method expression `T.M` / `(*T).M`.
    MethodExpr { func: FuncId },
}

/// One function or method, as escape analysis and the compiler backends see it.
#[derive(Clone, Debug, Serialize)]
pub struct FuncInfo {
    /// The name Go's diagnostics use: `main`, `(*T).Get`, `T.String`, `counter.func1`,
    /// `fmt.Println` for other packages.
    pub name: String,
    pub pkg: String,
    /// Position of the function's name (or of `func` for literals).
    pub pos: Pos,
    /// The signature type (a [`Type::Func`]).
    pub sig: TypeId,
    /// Receiver, parameters and results as objects. Unnamed results are named `~r0`, `~r1`...,
    /// unnamed and blank parameters `~p0`, `~p1`... exactly as Go names them.
    pub recv: Option<ObjId>,
    pub params: Vec<ObjId>,
    pub results: Vec<ObjId>,
    /// All local variables declared in the body, in declaration order (Go's `fn.Dcl` minus
    /// the parameters): the order escape analysis reports them in.
    pub locals: Vec<ObjId>,
    /// For a function literal: the enclosing function and the literal's expression id.
    pub outer: Option<FuncId>,
    pub lit: Option<ExprId>,
    /// Variables of enclosing functions that this closure refers to, in first-use order.
    pub captures: Vec<ObjId>,
    /// Index into [`Program::files`](super::Program) of the file that declares it.
    pub file: usize,
    /// Compiler directives (`go:noinline`, ...).
    pub pragmas: Vec<String>,
    /// For body-less standard-library functions: their escape summary, one tag per parameter
    /// (receiver first), in the notation of [`crate::escape`]'s parameter tags.
    pub extern_tags: Option<Vec<String>>,
}

/// Facts about one file's expressions, indexed by [`ExprId`].
#[derive(Clone, Debug, Default, Serialize)]
pub struct FileInfo {
    /// Type and mode of every expression that was checked (types of type expressions too).
    pub types: HashMap<ExprId, TypeAndValue>,
    /// What each name expression (`ExprKind::Name`) refers to.
    pub uses: HashMap<ExprId, ObjId>,
    /// What each declaring identifier declares, keyed by the identifier's position.
    pub defs: HashMap<Pos, ObjId>,
    /// How each selector expression was resolved.
    pub selections: HashMap<ExprId, Selection>,
    /// What each call expression is.
    pub calls: HashMap<ExprId, CallKind>,
    /// Expressions that Go implicitly converts to an interface type (assignment, argument,
    /// return, composite-literal element, send, map key...), with the interface type.
    pub implicit_iface: HashMap<ExprId, TypeId>,
    /// Function literals: expression id → the closure's function.
    pub func_lits: HashMap<ExprId, FuncId>,
}

/// The interned types and all objects of a checked program.
#[derive(Clone, Debug, Default, Serialize)]
pub struct TypeTable {
    pub types: Vec<Type>,
    #[serde(skip)]
    pub interned: HashMap<Type, TypeId>,
    pub objects: Vec<Object>,
    pub funcs: Vec<FuncInfo>,
    /// For each type, its canonical twin with the aliases `any`, `byte`, `rune` replaced by
    /// their targets; two types are identical exactly when their canonical ids are equal.
    pub canon: Vec<TypeId>,
}

// ---------------------------------------------------------------------------------------------
// Predeclared types and interning.
// ---------------------------------------------------------------------------------------------

/// The empty tuple: the type of a call with no results. The checker also uses it internally as
/// the type of an invalid operand, but no such operand survives a successful check.
pub const NO_VALUE: TypeId = 0;
/// Alias of [`NO_VALUE`] used where the checker means "an error was already reported".
pub const INVALID: TypeId = 0;
pub const BOOL: TypeId = 1;
pub const INT: TypeId = 2;
pub const INT8: TypeId = 3;
pub const INT16: TypeId = 4;
pub const INT32: TypeId = 5;
pub const INT64: TypeId = 6;
pub const UINT: TypeId = 7;
pub const UINT8: TypeId = 8;
pub const UINT16: TypeId = 9;
pub const UINT32: TypeId = 10;
pub const UINT64: TypeId = 11;
pub const UINTPTR: TypeId = 12;
pub const FLOAT32: TypeId = 13;
pub const FLOAT64: TypeId = 14;
pub const COMPLEX64: TypeId = 15;
pub const COMPLEX128: TypeId = 16;
pub const STRING: TypeId = 17;
pub const UNSAFE_POINTER: TypeId = 18;
pub const UNTYPED_BOOL: TypeId = 19;
pub const UNTYPED_INT: TypeId = 20;
pub const UNTYPED_RUNE: TypeId = 21;
pub const UNTYPED_FLOAT: TypeId = 22;
pub const UNTYPED_STRING: TypeId = 23;
pub const UNTYPED_NIL: TypeId = 24;
/// `interface {}` as written with the keyword.
pub const EMPTY_INTERFACE: TypeId = 25;
/// `any`: identical to [`EMPTY_INTERFACE`] but printed `any`, as the compiler does.
pub const ANY: TypeId = 26;
/// `byte`: identical to `uint8`, printed `byte`.
pub const BYTE: TypeId = 27;
/// `rune`: identical to `int32`, printed `rune`.
pub const RUNE: TypeId = 28;
/// `func() string`, the signature of `error`'s method.
pub const ERROR_METHOD_SIG: TypeId = 29;
/// `interface { Error() string }`.
pub const ERROR_INTERFACE: TypeId = 30;
/// The predeclared named interface `error`.
pub const ERROR: TypeId = 31;

/// `decl_id` of the universe aliases `any`, `byte` and `rune`, which are represented as
/// [`Type::Named`] entries (so that they print under their own name) but are *identical* to
/// their target: see [`TypeTable::identical`].
pub const ALIAS_DECL: u32 = u32::MAX;

const BASIC_KINDS: [BasicKind; 24] = [
    BasicKind::Bool,
    BasicKind::Int,
    BasicKind::Int8,
    BasicKind::Int16,
    BasicKind::Int32,
    BasicKind::Int64,
    BasicKind::Uint,
    BasicKind::Uint8,
    BasicKind::Uint16,
    BasicKind::Uint32,
    BasicKind::Uint64,
    BasicKind::Uintptr,
    BasicKind::Float32,
    BasicKind::Float64,
    BasicKind::Complex64,
    BasicKind::Complex128,
    BasicKind::String,
    BasicKind::UnsafePointer,
    BasicKind::UntypedBool,
    BasicKind::UntypedInt,
    BasicKind::UntypedRune,
    BasicKind::UntypedFloat,
    BasicKind::UntypedString,
    BasicKind::UntypedNil,
];

impl BasicKind {
    /// The predeclared type id of this kind.
    pub fn type_id(self) -> TypeId {
        BASIC_KINDS
            .iter()
            .position(|k| *k == self)
            .map_or(INVALID, |i| i as TypeId + 1)
    }

    pub fn is_untyped(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            UntypedBool | UntypedInt | UntypedRune | UntypedFloat | UntypedString | UntypedNil
        )
    }

    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }

    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }

    pub fn is_float(self) -> bool {
        matches!(
            self,
            BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat
        )
    }

    pub fn is_complex(self) -> bool {
        matches!(self, BasicKind::Complex64 | BasicKind::Complex128)
    }

    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }

    pub fn is_string(self) -> bool {
        matches!(self, BasicKind::String | BasicKind::UntypedString)
    }

    pub fn is_boolean(self) -> bool {
        matches!(self, BasicKind::Bool | BasicKind::UntypedBool)
    }

    /// Go's spelling of the kind (`int`, `untyped int`, `unsafe.Pointer`...).
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UnsafePointer => "unsafe.Pointer",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
        }
    }
}

impl TypeTable {
    /// A table holding exactly the predeclared types, at the ids of the constants above.
    pub fn new() -> TypeTable {
        let mut t = TypeTable::default();
        t.intern(Type::Tuple(Vec::new()));
        for k in BASIC_KINDS {
            t.intern(Type::Basic(k));
        }
        t.intern(Type::Interface(Vec::new()));
        for (name, target) in [("any", EMPTY_INTERFACE), ("byte", UINT8), ("rune", INT32)] {
            let id = t.new_named(name, "");
            if let Type::Named {
                underlying,
                decl_id,
                ..
            } = &mut t.types[id as usize]
            {
                *underlying = target;
                *decl_id = ALIAS_DECL;
            }
            t.canon[id as usize] = target;
        }
        let sig = t.intern(Type::Func(Signature {
            recv: None,
            params: vec![],
            results: vec![STRING],
            variadic: false,
        }));
        let iface = t.intern(Type::Interface(vec![IfaceMethod {
            name: "Error".into(),
            sig,
        }]));
        let err = t.new_named("error", "");
        t.set_underlying(err, iface);
        debug_assert_eq!(err, ERROR);
        t
    }

    /// The id of a type, creating it if needed. Unnamed types are shared structurally; struct
    /// field offsets are (re)computed here, so callers may pass any offsets. Passing a
    /// [`Type::Named`] always creates a new defined type (prefer [`TypeTable::new_named`]).
    pub fn intern(&mut self, ty: Type) -> TypeId {
        let ty = match ty {
            Type::Struct(fields) => Type::Struct(self.layout_fields(fields)),
            Type::Named { .. } => {
                let id = self.types.len() as TypeId;
                self.types.push(ty);
                self.canon.push(id);
                return id;
            }
            other => other,
        };
        if let Some(&id) = self.interned.get(&ty) {
            return id;
        }
        let id = self.types.len() as TypeId;
        self.types.push(ty.clone());
        self.canon.push(id);
        self.interned.insert(ty.clone(), id);
        // The canonical form replaces the aliases `any`, `byte`, `rune` by their targets, so
        // that `[]byte` and `[]uint8` share a canonical id.
        let c = self.canonicalize(&ty);
        if c != ty {
            let cid = self.intern(c);
            self.canon[id as usize] = self.canon[cid as usize];
        }
        id
    }

    fn canonicalize(&self, ty: &Type) -> Type {
        let c = |t: TypeId| self.canon.get(t as usize).copied().unwrap_or(t);
        match ty {
            Type::Basic(_) | Type::Named { .. } => ty.clone(),
            Type::Pointer(e) => Type::Pointer(c(*e)),
            Type::Slice(e) => Type::Slice(c(*e)),
            Type::Array { len, elem } => Type::Array {
                len: *len,
                elem: c(*elem),
            },
            Type::Map { key, value } => Type::Map {
                key: c(*key),
                value: c(*value),
            },
            Type::Chan { dir, elem } => Type::Chan {
                dir: *dir,
                elem: c(*elem),
            },
            Type::Struct(fs) => Type::Struct(
                fs.iter()
                    .map(|f| StructField {
                        ty: c(f.ty),
                        ..f.clone()
                    })
                    .collect(),
            ),
            Type::Func(s) => Type::Func(Signature {
                recv: s.recv.map(c),
                params: s.params.iter().map(|&p| c(p)).collect(),
                results: s.results.iter().map(|&p| c(p)).collect(),
                variadic: s.variadic,
            }),
            Type::Interface(ms) => Type::Interface(
                ms.iter()
                    .map(|m| IfaceMethod {
                        name: m.name.clone(),
                        sig: c(m.sig),
                    })
                    .collect(),
            ),
            Type::Tuple(ts) => Type::Tuple(ts.iter().map(|&p| c(p)).collect()),
        }
    }

    /// Creates a new defined type `pkg.name` whose underlying type is set later with
    /// [`TypeTable::set_underlying`].
    pub fn new_named(&mut self, name: &str, pkg: &str) -> TypeId {
        let decl_id = self.types.len() as u32;
        self.intern(Type::Named {
            name: name.to_string(),
            pkg: pkg.to_string(),
            underlying: INVALID,
            methods: Vec::new(),
            decl_id,
        })
    }

    /// Sets the underlying type of a defined type (always to an unnamed type).
    pub fn set_underlying(&mut self, named: TypeId, u: TypeId) {
        let u = self.underlying(u);
        if let Some(Type::Named { underlying, .. }) = self.types.get_mut(named as usize) {
            *underlying = u;
        }
    }

    /// Appends a declared method to a defined type.
    pub fn add_method(&mut self, named: TypeId, f: FuncId) {
        if let Some(Type::Named { methods, .. }) = self.types.get_mut(named as usize) {
            methods.push(f);
        }
    }

    /// The type with the given id (the empty tuple for an out-of-range id).
    pub fn get(&self, t: TypeId) -> &Type {
        self.types.get(t as usize).unwrap_or(&self.types[0])
    }

    /// True for the aliases `any`, `byte` and `rune`.
    pub fn is_alias(&self, t: TypeId) -> bool {
        matches!(
            self.get(t),
            Type::Named {
                decl_id: ALIAS_DECL,
                ..
            }
        )
    }

    /// The underlying type: the type itself for unnamed types, the declared structure for
    /// defined types (and the target for `any`, `byte`, `rune`).
    pub fn underlying(&self, t: TypeId) -> TypeId {
        match self.get(t) {
            Type::Named { underlying, .. } => *underlying,
            _ => t,
        }
    }

    /// The structure of the underlying type.
    pub fn under(&self, t: TypeId) -> &Type {
        self.get(self.underlying(t))
    }

    /// Type identity: equal ids, or the same type up to the spelling of `any`, `byte`, `rune`.
    pub fn identical(&self, a: TypeId, b: TypeId) -> bool {
        a == b || self.canon.get(a as usize) == self.canon.get(b as usize)
    }

    /// The basic kind of the underlying type, if it is basic.
    pub fn basic(&self, t: TypeId) -> Option<BasicKind> {
        match self.under(t) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }

    pub fn is_untyped(&self, t: TypeId) -> bool {
        self.basic(t).is_some_and(|k| k.is_untyped())
    }

    pub fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(_))
    }

    pub fn is_named(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::Named { decl_id, .. } if *decl_id != ALIAS_DECL)
    }

    /// The signature of a function type (looking through defined types).
    pub fn signature(&self, t: TypeId) -> Option<&Signature> {
        match self.under(t) {
            Type::Func(s) => Some(s),
            _ => None,
        }
    }

    /// The element type of a pointer, slice, array, map (its value), or channel.
    pub fn elem(&self, t: TypeId) -> Option<TypeId> {
        match self.under(t) {
            Type::Pointer(e) | Type::Slice(e) => Some(*e),
            Type::Array { elem, .. } | Type::Chan { elem, .. } => Some(*elem),
            Type::Map { value, .. } => Some(*value),
            _ => None,
        }
    }

    /// Shorthands for building composite types.
    pub fn pointer(&mut self, e: TypeId) -> TypeId {
        self.intern(Type::Pointer(e))
    }

    pub fn slice(&mut self, e: TypeId) -> TypeId {
        self.intern(Type::Slice(e))
    }

    pub fn tuple(&mut self, ts: Vec<TypeId>) -> TypeId {
        self.intern(Type::Tuple(ts))
    }
}
