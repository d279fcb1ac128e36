//! The abstract syntax tree of the Go subset.
//!
//! The tree follows the shape of the Go compiler's own `cmd/compile/internal/syntax` package
//! rather than `go/ast`, because every diagnostic that gomem must reproduce is printed by the
//! compiler at positions chosen by that package:
//!
//! - a binary expression `a + b` sits at its operator,
//! - a call `f(x)` sits at its opening parenthesis,
//! - a composite literal `T{...}` sits at its opening brace,
//! - a selector `x.f` sits at its dot, an index `a[i]` at its bracket,
//! - an assignment `x = y` (and `x := y`, `x += y`) sits at its operator,
//! - a function literal sits at the `func` keyword.
//!
//! Types are expressions, as in Go: `[]byte(s)` is a call whose callee is a slice type, and the
//! type checker decides whether a call is a conversion, a builtin or a real call.
//!
//! Every expression has an [`ExprId`], unique within its [`File`]; the type checker records what it
//! learns about an expression (type, constant value, what an identifier refers to) in side tables
//! keyed by that id, so the tree itself stays immutable after parsing.

use serde::Serialize;

use super::Pos;

/// Identifies one expression node within a file. Ids are unique and below
/// [`File::num_exprs`]; they are dense (every id in `0..num_exprs` used) except in files with
/// generics or `select`, where the parser drops some sub-trees.
pub type ExprId = u32;

/// Identifies one statement-level declaration of a name (used for `:=` and `var`).
pub type NodeId = u32;

/// A parsed source file.
#[derive(Clone, Debug, Serialize)]
pub struct File {
    /// The file name as given on the command line (e.g. `./x.go`); used in diagnostics.
    pub name: String,
    pub package: Ident,
    pub imports: Vec<Import>,
    pub decls: Vec<Decl>,
    /// Number of [`ExprId`]s handed out; side tables can be sized with it.
    pub num_exprs: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ident {
    pub name: String,
    pub pos: Pos,
}

#[derive(Clone, Debug, Serialize)]
pub struct Import {
    /// `import f "fmt"` → `f`; `import _ "x"` → `_`; `import . "x"` → `.`.
    pub alias: Option<Ident>,
    /// The unquoted import path.
    pub path: String,
    /// Position of the path string literal.
    pub pos: Pos,
}

#[derive(Clone, Debug, Serialize)]
#[allow(clippy::large_enum_variant)] // most declarations are functions anyway
pub enum Decl {
    Func(FuncDecl),
    /// `var ...` at package level; one entry per spec (a group `var ( ... )` has several).
    Var(Vec<ValueSpec>),
    Const(Vec<ValueSpec>),
    Type(Vec<TypeSpec>),
}

#[derive(Clone, Debug, Serialize)]
pub struct FuncDecl {
    /// Position of the `func` keyword.
    pub pos: Pos,
    /// The receiver of a method, if any.
    pub recv: Option<Field>,
    pub name: Ident,
    /// Type parameters. Present only so that the checker can say "unsupported: generics".
    pub type_params: Vec<Field>,
    pub sig: FuncType,
    /// `None` for a body-less declaration (assembly / linkname), which the subset rejects.
    pub body: Option<Block>,
    /// Compiler directives in the comment lines just above the declaration,
    /// e.g. `go:noinline`, `go:nosplit`, `go:noescape` (without the leading `//`).
    pub pragmas: Vec<String>,
}

/// A function signature. Parameters are kept one per name: `func(a, b int)` has two
/// [`Field`]s that share a clone of the same type expression (and the same `type_pos`).
#[derive(Clone, Debug, Serialize)]
pub struct FuncType {
    /// Position of the `func` keyword, or of the `(` for method signatures in interfaces.
    pub pos: Pos,
    pub params: Vec<Field>,
    pub results: Vec<Field>,
    /// The last parameter is `...T`; its [`Field::ty`] is then the element type `T`.
    pub variadic: bool,
}

/// A parameter, result, receiver, struct field or interface method.
#[derive(Clone, Debug, Serialize)]
pub struct Field {
    /// `None` for an unnamed parameter/result or an embedded struct field.
    pub name: Option<Ident>,
    pub ty: Expr,
    /// Struct field tag, unquoted (kept for completeness; it never matters to memory).
    pub tag: Option<String>,
    /// True for an embedded struct field (`struct{ T }`, `struct{ *T }`).
    pub embedded: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ValueSpec {
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    pub values: Vec<Expr>,
    /// For constants: the index of this spec in its group (the value of `iota`).
    pub iota: u32,
    /// For constants: true when `values` was copied from the previous spec (implicit repetition).
    pub implicit: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct TypeSpec {
    pub name: Ident,
    /// Type parameters, only so that the checker can reject generics by name.
    pub type_params: Vec<Field>,
    /// `type A = B`.
    pub alias: bool,
    pub ty: Expr,
}

#[derive(Clone, Debug, Serialize)]
pub struct Block {
    /// Position of `{`.
    pub lbrace: Pos,
    pub stmts: Vec<Stmt>,
    /// Position of `}`.
    pub rbrace: Pos,
}

#[derive(Clone, Debug, Serialize)]
pub struct Stmt {
    /// Go's position for the statement: the operator for assignments, sends and inc/dec,
    /// the keyword for keyword statements, the expression's position for expression statements.
    pub pos: Pos,
    pub kind: StmtKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `op=`, e.g. `+=`.
    Op(BinaryOp),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum BranchKind {
    Break,
    Continue,
    Goto,
    Fallthrough,
}

#[derive(Clone, Debug, Serialize)]
pub enum StmtKind {
    Empty,
    Block(Block),
    Expr(Expr),
    /// `ch <- v`; the statement position is the arrow.
    Send {
        ch: Expr,
        value: Expr,
    },
    /// `x++` / `x--`.
    IncDec {
        x: Expr,
        inc: bool,
    },
    Assign {
        op: AssignOp,
        lhs: Vec<Expr>,
        rhs: Vec<Expr>,
    },
    /// `go f(x)`; the expression should be a call (as in Go, the parser accepts any
    /// expression and the checker reports `expression in go must be function call`).
    Go(Expr),
    /// `defer f(x)`; the expression should be a call (see [`StmtKind::Go`]).
    Defer(Expr),
    Return(Vec<Expr>),
    Branch {
        kind: BranchKind,
        label: Option<Ident>,
    },
    If {
        init: Option<Box<Stmt>>,
        cond: Expr,
        then: Block,
        els: Option<Box<Stmt>>,
    },
    /// Expression switch. `tag` is `None` for `switch { ... }`.
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
        body: Vec<CaseClause>,
        rbrace: Pos,
    },
    /// `switch v := x.(type) { ... }`; in its clauses, `exprs` are types (`nil` allowed).
    TypeSwitch {
        init: Option<Box<Stmt>>,
        bind: Option<Ident>,
        /// The operand `x` of `x.(type)`.
        x: Expr,
        body: Vec<CaseClause>,
        rbrace: Pos,
    },
    /// `select { ... }`, only so that the checker can say it is unsupported. (The clauses are
    /// parsed and checked for label errors, but not kept; the ids of their expressions are skipped.)
    Select,
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
    },
    /// `for k, v := range x { ... }` / `for k, v = range x` / `for range x`.
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        define: bool,
        x: Expr,
        body: Block,
    },
    Labeled {
        label: Ident,
        stmt: Box<Stmt>,
    },
    /// `var` inside a function body.
    Var(Vec<ValueSpec>),
    /// `const` inside a function body.
    Const(Vec<ValueSpec>),
    /// `type` inside a function body.
    Type(Vec<TypeSpec>),
}

#[derive(Clone, Debug, Serialize)]
pub struct CaseClause {
    /// Position of `case` or `default`.
    pub pos: Pos,
    /// Empty for `default`.
    pub exprs: Vec<Expr>,
    pub default: bool,
    /// Position of the `:` that ends the clause header.
    pub colon: Pos,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    LogAnd,
    LogOr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinaryOp {
    /// The operator as written in Go source.
    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            LogAnd => "&&",
            LogOr => "||",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
        }
    }

    /// Go's precedence levels: 5 (`* / % << >> & &^`), 4 (`+ - | ^`), 3 (comparisons),
    /// 2 (`&&`), 1 (`||`).
    pub fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            Mul | Div | Rem | Shl | Shr | And | AndNot => 5,
            Add | Sub | Or | Xor => 4,
            Eq | Ne | Lt | Le | Gt | Ge => 3,
            LogAnd => 2,
            LogOr => 1,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Plus,
    /// `!x`
    Not,
    /// `^x`
    BitNot,
    /// `&x`
    Addr,
    /// `<-ch`
    Recv,
}

impl UnaryOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Neg => "-",
            UnaryOp::Plus => "+",
            UnaryOp::Not => "!",
            UnaryOp::BitNot => "^",
            UnaryOp::Addr => "&",
            UnaryOp::Recv => "<-",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ChanDir {
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Rune,
    String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Expr {
    pub id: ExprId,
    /// Go's position for this node (see the module documentation).
    pub pos: Pos,
    pub kind: ExprKind,
}

#[derive(Clone, Debug, Serialize)]
pub enum ExprKind {
    /// A name: variable, constant, type, function, package, builtin, `nil`, `true`, `_`.
    Name(String),
    /// A literal exactly as written (`0x1F`, `'a'`, `"hi\n"`, `` `raw` ``).
    BasicLit { kind: LitKind, raw: String },
    /// `T{...}`; `ty` is `None` for an elided type inside another literal (`[]P{{1, 2}}`).
    /// Its position is the `{`.
    CompositeLit {
        ty: Option<Box<Expr>>,
        elems: Vec<Expr>,
        rbrace: Pos,
    },
    /// `key: value` inside a composite literal; its position is the `:`.
    KeyValue { key: Box<Expr>, value: Box<Expr> },
    /// `func(...) ... { ... }`; position of `func`.
    FuncLit { sig: FuncType, body: Block },
    /// `(x)`; Go drops parentheses in printed expressions except where needed.
    Paren(Box<Expr>),
    /// `x.sel`; position of the dot... see module docs.
    Selector { x: Box<Expr>, sel: Ident },
    /// `x[i]`, and `x[T1, T2]` for generic instantiation (rejected by the checker).
    Index { x: Box<Expr>, index: Vec<Expr> },
    /// `x[lo:hi]` or `x[lo:hi:max]`.
    Slice {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
    },
    /// `x.(T)`; `ty` is `None` for `x.(type)` (only valid in a type switch header).
    TypeAssert { x: Box<Expr>, ty: Option<Box<Expr>> },
    /// `f(args)` or `f(args...)`; position of `(`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        ellipsis: bool,
        rparen: Pos,
    },
    /// `*x`: a dereference or a pointer type; position of `*`.
    Star(Box<Expr>),
    /// Unary operator; position of the operator.
    Unary { op: UnaryOp, x: Box<Expr> },
    /// Binary operator; position of the operator.
    Binary {
        op: BinaryOp,
        x: Box<Expr>,
        y: Box<Expr>,
    },

    // --- Type expressions ---
    /// `[N]T`, or `[...]T` when `len` is `None`.
    ArrayType {
        len: Option<Box<Expr>>,
        elem: Box<Expr>,
    },
    /// `[]T`.
    SliceType(Box<Expr>),
    /// `map[K]V`.
    MapType { key: Box<Expr>, value: Box<Expr> },
    /// `chan T`, `chan<- T`, `<-chan T`.
    ChanType { dir: ChanDir, elem: Box<Expr> },
    /// `func(...) ...` as a type; positioned, as in Go, at its `(` (the [`FuncType::pos`] inside
    /// is the `func` keyword).
    FuncType(FuncType),
    /// `struct { ... }`.
    StructType(Vec<Field>),
    /// `interface { ... }`: methods (named fields with a [`ExprKind::FuncType`]) and embedded
    /// interfaces (unnamed fields). Type-set elements (`~int | string`) are rejected; the parser
    /// stores a union as [`BinaryOp::Or`] and a `~T` term as [`UnaryOp::BitNot`].
    InterfaceType(Vec<Field>),
    /// `...T` as the element of a variadic parameter is represented by [`FuncType::variadic`],
    /// and `[...]T` by an [`ExprKind::ArrayType`] without `len`; the parser never produces this
    /// node.
    Ellipsis,
}

impl Expr {
    /// Strips any number of enclosing parentheses.
    pub fn unparen(&self) -> &Expr {
        let mut e = self;
        while let ExprKind::Paren(inner) = &e.kind {
            e = inner;
        }
        e
    }
}
