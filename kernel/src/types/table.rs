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
    Array { len: u64, elem: TypeId },
    Map { key: TypeId, value: TypeId },
    Chan { dir: ChanDir, elem: TypeId },
    Struct(Vec<StructField>),
    Func(Signature),
    /// Methods sorted by name, embedded interfaces already flattened in.
    Interface(Vec<IfaceMethod>),
    /// A defined type. `underlying` is filled in once the declaration is checked.
    /// `pkg` is the package path (`main`, `fmt`, `sync`...), `methods` the declared methods
    /// (value and pointer receivers both) in declaration order.
    Named { name: String, pkg: String, underlying: TypeId, methods: Vec<FuncId>, decl_id: u32 },
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

/// A compile-time constant value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum ConstValue {
    Bool(bool),
    /// Integers (including runes) with arbitrary-enough precision for the subset.
    Int(i128),
    Float(f64),
    String(String),
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
    Method { func: FuncId, path: Vec<usize>, recv_addr: bool, recv_deref: bool },
    /// A method call through an interface value (dynamic dispatch).
    Interface { method: String },
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
    Method { func: FuncId, path: Vec<usize>, recv_addr: bool, recv_deref: bool },
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
}
