//! The intermediate representation: Go after the front end has desugared it.
//!
//! The Go compiler does not run escape analysis on source syntax. By the time the `escape`
//! package sees a function, the front end has already rewritten it into a lower-level tree
//! (`cmd/compile/internal/ir`), and many of the things a learner sees in `-gcflags=-m` output
//! only exist in that tree:
//!
//! - a method call `t.Get()` has become a call of the function `(*T).Get` with `&t` as its
//!   first argument (an *implicit* address-of, printed as just `t`);
//! - a variadic call `f(1, 2, 3)` passes one slice literal, printed as `... argument`;
//! - a value assigned to an interface is wrapped in an *implicit* conversion node, which
//!   escape analysis treats as an allocation (a "box"), printed as the value itself;
//! - `go f(x)` and `defer f(x)` evaluate their arguments into temporaries and call a
//!   compiler-made closure (`main.gowrap1`, `main.deferwrap1`) that captures them;
//! - calls of small functions have been replaced by their inlined bodies (`OINLCALL`).
//!
//! This module defines that tree for gomem: [`Expr`] and [`Stmt`] nodes named after Go's `O*`
//! operations, [`Var`]s (Go's `ir.Name` with class `PAUTO`, `PPARAM`, `PPARAMOUT`, `PEXTERN`)
//! and [`Func`]s. [`lower`] builds it from the checked syntax tree; [`crate::inline`] rewrites it;
//! [`crate::escape`] analyses it; later the VM will execute it. Every node can be printed the way
//! the Go compiler prints it in diagnostics ([`fmt`]), because that text *is* the output a
//! reader compares with real Go.

pub mod fmt;
pub mod lower;
pub mod reassign;
pub mod visit;

use serde::Serialize;

use crate::syntax::ast::{BinaryOp, UnaryOp};
use crate::syntax::Pos;
use crate::types::{Builtin, ConstValue, FuncId, ObjId, TypeId};

/// A variable (Go's `ir.Name`): local, parameter, result, temporary or global.
pub type VarId = u32;
/// A node that may own an escape-analysis location (an allocation site).
pub type NodeId = u32;
/// A statement that defines variables (`x := ...`, `for k, v := range`), for the
/// "is this a reassignment?" question closures ask.
pub type StmtId = u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum VarClass {
    /// A local variable or a compiler temporary.
    Auto,
    /// A parameter (including the receiver).
    Param,
    /// A result parameter (named or `~r0`...).
    ParamOut,
    /// A package-level variable.
    Global,
}

#[derive(Clone, Debug, Serialize)]
pub struct Var {
    /// The name as Go prints it: `x`, `~r0`, `.autotmp_3`, `fmt.a` (inlined from package fmt).
    pub name: String,
    /// Declaration position (where `moved to heap: x` is reported).
    pub pos: Pos,
    pub ty: TypeId,
    pub class: VarClass,
    /// The function whose frame holds the variable (`None` for globals).
    pub func: Option<FuncId>,
    /// The statement that declares and initialises it (`:=`, `var x = e`, range, type switch).
    pub defn: Option<StmtId>,
    /// The type checker's object, when the variable comes from source.
    pub obj: Option<ObjId>,
}

/// A function with a body: declared functions, methods, closures, and compiler-made
/// `go`/`defer` wrappers.
#[derive(Clone, Debug, Serialize)]
pub struct Func {
    pub id: FuncId,
    /// Go's name: `main`, `(*T).Get`, `T.String`, `counter.func1`, `main.gowrap1`.
    pub name: String,
    pub pkg: String,
    pub pos: Pos,
    pub sig: TypeId,
    /// Receiver (if a method) followed by the parameters.
    pub params: Vec<VarId>,
    pub results: Vec<VarId>,
    /// Every variable of the frame in declaration order: parameters and results first, then
    /// locals and temporaries (Go's `fn.Dcl`). Inlining appends the callee's variables.
    pub dcl: Vec<VarId>,
    /// For closures: the variables of enclosing functions that the body refers to.
    pub closure_vars: Vec<VarId>,
    /// For closures: the enclosing function.
    pub outer: Option<FuncId>,
    /// The closure expression that creates this function, if it is a closure.
    pub closure_expr: Option<NodeId>,
    /// A compiler-made wrapper (`go`/`defer`): its own escape diagnostics are not printed.
    pub wrapper: bool,
    /// `go:noinline` and friends.
    pub pragmas: Vec<String>,
    pub body: Vec<Stmt>,
    /// False for standard-library functions declared without a body.
    pub has_body: bool,
    /// Escape tags for body-less functions (see `escape::leaks`).
    pub extern_tags: Option<Vec<String>>,
    /// From the user's package (diagnostics are only printed for those).
    pub is_user: bool,
    /// Counters for naming closures (`.func1`) and go/defer wrappers (`.gowrap1`,
    /// `.deferwrap2`: one counter for both).
    pub closure_gen: u32,
    pub gowrap_gen: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct Expr {
    pub id: NodeId,
    pub pos: Pos,
    pub ty: TypeId,
    pub kind: ExprKind,
}

/// What a call calls.
#[derive(Clone, Debug, Serialize)]
pub enum Callee {
    /// A declared function or method, called directly (`OCALLFUNC` of a `PFUNC` name).
    /// For methods the receiver is the first argument.
    Func(FuncId),
    /// A function value (`OCALLFUNC` of anything else): a variable, a field, a closure literal.
    Value(Box<Expr>),
    /// A method through an interface (`OCALLINTER`): receiver and method name.
    Interface { recv: Box<Expr>, method: String },
}

#[derive(Clone, Debug, Serialize)]
pub enum ExprKind {
    /// A local, parameter, result or temporary (`ONAME`).
    Name(VarId),
    /// A package-level variable (`ONAME` of class `PEXTERN`).
    Global(VarId),
    /// A function used as a value (`ONAME` of class `PFUNC`).
    FuncName(FuncId),
    /// A method expression `T.M` (`OMETHEXPR`).
    MethodExpr(FuncId),
    /// A constant (`OLITERAL`); `sym` keeps the name of a named constant for printing.
    Literal {
        value: ConstValue,
        sym: Option<String>,
    },
    Nil,
    Unary {
        op: UnaryOp,
        x: Box<Expr>,
    },
    /// Arithmetic, comparison and logical operators (`&&`, `||` included).
    Binary {
        op: BinaryOp,
        x: Box<Expr>,
        y: Box<Expr>,
    },
    /// `&x` (`OADDR`). `implicit` for the compiler's own `&` (method receivers), which prints
    /// as just `x`.
    Addr {
        x: Box<Expr>,
        implicit: bool,
    },
    /// `*p` (`ODEREF`); `implicit` for automatic dereferences (value method through a pointer).
    Deref {
        x: Box<Expr>,
        implicit: bool,
    },
    /// `x.f` on a struct value (`ODOT`).
    Dot {
        x: Box<Expr>,
        field: String,
    },
    /// `p.f` through a pointer (`ODOTPTR`).
    DotPtr {
        x: Box<Expr>,
        field: String,
    },
    /// `a[i]` on an array (`OINDEX` with array operand), a slice or a string.
    Index {
        x: Box<Expr>,
        index: Box<Expr>,
    },
    /// `m[k]` (`OINDEXMAP`).
    IndexMap {
        x: Box<Expr>,
        key: Box<Expr>,
    },
    /// `x[lo:hi:max]`. For arrays the operand is `&a` (implicit), as in Go (`OSLICEARR`).
    Slice {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
    },
    /// A conversion that does not allocate (`OCONV`, `OCONVNOP`).
    Conv {
        x: Box<Expr>,
        implicit: bool,
    },
    /// A conversion to an interface (`OCONVIFACE`): boxes non-pointer-shaped values.
    ConvIface {
        x: Box<Expr>,
        implicit: bool,
    },
    /// `string(b)` with `b` a byte slice (`OBYTES2STR`).
    Bytes2Str(Box<Expr>),
    /// `string(r)` with `r` a rune slice (`ORUNES2STR`).
    Runes2Str(Box<Expr>),
    /// `[]byte(s)` (`OSTR2BYTES`).
    Str2Bytes(Box<Expr>),
    /// `[]rune(s)` (`OSTR2RUNES`).
    Str2Runes(Box<Expr>),
    /// `string(r)` with `r` an integer (`ORUNESTR`).
    RuneStr(Box<Expr>),
    /// `x.(T)` (`ODOTTYPE`); `comma_ok` for the two-value form.
    DotType {
        x: Box<Expr>,
        comma_ok: bool,
    },
    /// `<-ch` (`ORECV`).
    Recv(Box<Expr>),
    /// A call. `ddd` when the last argument is spread with `...` (or was packed into an
    /// implicit `... argument` slice literal).
    Call {
        callee: Callee,
        args: Vec<Expr>,
        ddd: bool,
    },
    /// Statements that run just before an expression is evaluated, then the expression (Go's
    /// `n.Init()`): e.g. `tmp := f(); tmp.g()` for a callee computed by a call.
    Init {
        init: Vec<Stmt>,
        x: Box<Expr>,
    },
    /// An inlined call (`OINLCALL`): the callee's body, then its result variables.
    InlCall {
        func: FuncId,
        body: Vec<Stmt>,
        results: Vec<VarId>,
    },
    /// A call of a builtin that is neither an allocation nor a statement:
    /// `len`, `cap`, `min`, `max`, `recover`, `complex`, `real`, `imag`.
    Builtin {
        which: Builtin,
        args: Vec<Expr>,
    },
    /// `append(s, x...)` (`OAPPEND`).
    Append {
        args: Vec<Expr>,
        ddd: bool,
    },
    /// `copy(dst, src)` (`OCOPY`).
    Copy {
        dst: Box<Expr>,
        src: Box<Expr>,
    },
    /// `new(T)` (`ONEW`).
    New,
    /// `make([]T, len[, cap])` (`OMAKESLICE`).
    MakeSlice {
        len: Box<Expr>,
        cap: Option<Box<Expr>>,
    },
    /// `make(map[K]V[, hint])` (`OMAKEMAP`).
    MakeMap {
        hint: Option<Box<Expr>>,
    },
    /// `make(chan T[, size])` (`OMAKECHAN`).
    MakeChan {
        size: Option<Box<Expr>>,
    },
    /// `&T{...}` (`OPTRLIT`); `x` is the composite literal.
    PtrLit(Box<Expr>),
    /// `T{...}` for a struct (`OSTRUCTLIT`).
    StructLit(Vec<(String, Expr)>),
    /// `[N]T{...}` (`OARRAYLIT`). The elements are in source order (the order Go evaluates
    /// them); `index` gives each one's position in the array, and is empty when no element is
    /// keyed (element `i` at index `i`): `[...]string{2: "c", 0: "a"}` has `index` `[2, 0]`.
    ArrayLit {
        elems: Vec<Expr>,
        index: Vec<u64>,
    },
    /// `[]T{...}` (`OSLICELIT`); `implicit` for the `... argument` of a variadic call.
    /// `len` is the backing array's length; `index` as for [`ExprKind::ArrayLit`].
    SliceLit {
        elems: Vec<Expr>,
        index: Vec<u64>,
        len: u64,
        implicit: bool,
    },
    /// `map[K]V{...}` (`OMAPLIT`).
    MapLit(Vec<(Expr, Expr)>),
    /// A function literal (`OCLOSURE`).
    Closure(FuncId),
    /// A method value `x.M` (`OMETHVALUE`): a closure binding the receiver. `method` is
    /// `None` for a method of an interface value.
    MethodValue {
        x: Box<Expr>,
        method: Option<FuncId>,
        name: String,
    },
    /// The blank identifier `_` as an assignment target.
    Blank,
    /// `a + b + c` on strings (`OADDSTR`).
    AddStr(Vec<Expr>),
}

#[derive(Clone, Debug, Serialize)]
pub struct Stmt {
    pub id: StmtId,
    pub pos: Pos,
    pub kind: StmtKind,
}

/// Flavours of two-value assignments, which Go analyses with different explanations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Assign2Kind {
    /// `a, b = x, y` (`OAS2`).
    Pair,
    /// `v, ok = x.(T)` (`OAS2DOTTYPE`).
    DotType,
    /// `v, ok = m[k]` (`OAS2MAPR`).
    MapR,
    /// `v, ok = <-ch` (`OAS2RECV`).
    Recv,
}

#[derive(Clone, Debug, Serialize)]
pub struct CaseClause {
    pub pos: Pos,
    pub exprs: Vec<Expr>,
    /// For type switches with a binding: this clause's variable.
    pub var: Option<VarId>,
    pub body: Vec<Stmt>,
    /// The types listed by a type-switch case (for the VM).
    pub types: Vec<Option<TypeId>>,
}

#[derive(Clone, Debug, Serialize)]
pub enum StmtKind {
    /// Declares a variable (`ODCL`).
    Dcl(VarId),
    /// `x = y` / `x := y` (`OAS`); `src` is `None` for zeroing (`var x T`).
    /// `define` marks `:=` and `var x = e` (printing only).
    Assign {
        dst: Expr,
        src: Option<Expr>,
        define: bool,
    },
    /// `x op= y`, `x++` (`OASOP`).
    AssignOp {
        op: BinaryOp,
        dst: Expr,
        src: Expr,
        incdec: bool,
    },
    /// Two-or-more-value assignment of as many values (`OAS2*`).
    Assign2 {
        kind: Assign2Kind,
        lhs: Vec<Expr>,
        rhs: Vec<Expr>,
        define: bool,
    },
    /// `a, b = f()` (`OAS2FUNC`).
    Assign2Func {
        lhs: Vec<Expr>,
        call: Expr,
        define: bool,
    },
    Return(Vec<Expr>),
    If {
        cond: Expr,
        then: Vec<Stmt>,
        els: Vec<Stmt>,
    },
    /// `for cond; post { body }` (`OFOR`); `init` has been hoisted before it.
    For {
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Vec<Stmt>,
    },
    /// `for key, value = range x` (`ORANGE`).
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        x: Expr,
        body: Vec<Stmt>,
    },
    /// Expression switch; `tag` is `None` for `switch {`.
    Switch {
        tag: Option<Expr>,
        cases: Vec<CaseClause>,
    },
    /// Type switch on `x`.
    TypeSwitch {
        x: Expr,
        bind: bool,
        cases: Vec<CaseClause>,
    },
    /// `ch <- v` (`OSEND`).
    Send {
        ch: Expr,
        value: Expr,
    },
    /// A call, or a builtin used as a statement (`copy`, `delete`, `panic`, `print`...).
    Expr(Expr),
    /// `panic(x)` (`OPANIC`).
    Panic(Expr),
    /// `delete(m, k)`, `clear(x)`, `close(ch)`, `print(...)`, `println(...)`.
    BuiltinStmt {
        which: Builtin,
        args: Vec<Expr>,
    },
    /// `go f(x)` (`OGO`): always a call of a closure without parameters or results.
    Go(Expr),
    /// `defer f(x)` (`ODEFER`).
    Defer(Expr),
    Block(Vec<Stmt>),
    /// A label; `looping` when a backward `goto` targets it (unused: `goto` is unsupported).
    Label(String),
    Break(Option<String>),
    Continue(Option<String>),
    Fallthrough,
}

/// The whole lowered program.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Program {
    pub vars: Vec<Var>,
    /// Indexed by [`FuncId`]; `None` for functions that were never lowered (unused
    /// standard-library functions).
    pub funcs: Vec<Option<Func>>,
    /// Package-level variables in declaration order, with their initialisers.
    pub globals: Vec<(VarId, Option<Expr>)>,
    /// User functions in source order (Go's `typecheck.Target.Funcs`, closures excluded).
    pub user_funcs: Vec<FuncId>,
    pub next_node: NodeId,
    pub next_stmt: StmtId,
    /// Statements the compiler adds after inlining decisions are made (per-iteration loop
    /// variable copies): the inliner's cost model does not count them.
    pub synthetic: std::collections::HashSet<StmtId>,
    /// Package-variable initialisers the linker lays out statically: not analysed for escapes.
    pub static_init: std::collections::HashSet<StmtId>,
    /// Where a call or inlined call of an inlined copy was in its own function: the inliner
    /// positions copies at the call site (as Go's diagnostics do), while Go's runtime still
    /// knows the original line (`runtime.Caller`, the `file:line` of `t.Log`).
    pub src_pos: std::collections::HashMap<NodeId, Pos>,
}

impl Func {
    /// A closure in Go's sense: a function literal that captures variables. A literal that
    /// captures nothing is compiled as an ordinary function (Go's "trivial closure") and is
    /// analysed on its own, before the function that contains it.
    pub fn is_closure(&self) -> bool {
        self.outer.is_some() && !self.closure_vars.is_empty()
    }
}

impl Program {
    pub fn func(&self, id: FuncId) -> &Func {
        self.funcs[id as usize]
            .as_ref()
            .expect("function was lowered")
    }

    pub fn func_mut(&mut self, id: FuncId) -> &mut Func {
        self.funcs[id as usize]
            .as_mut()
            .expect("function was lowered")
    }

    pub fn var(&self, id: VarId) -> &Var {
        &self.vars[id as usize]
    }

    pub fn new_node(&mut self) -> NodeId {
        self.next_node += 1;
        self.next_node
    }

    pub fn new_stmt(&mut self) -> StmtId {
        self.next_stmt += 1;
        self.next_stmt
    }

    pub fn new_var(&mut self, var: Var) -> VarId {
        self.vars.push(var);
        (self.vars.len() - 1) as VarId
    }
}

impl Expr {
    /// Statements nested in this expression (an inlined body or an init list), which walkers
    /// visit before the expression's own operands.
    pub fn nested_stmts(&self) -> Option<&Vec<Stmt>> {
        match &self.kind {
            ExprKind::InlCall { body, .. } => Some(body),
            ExprKind::Init { init, .. } => Some(init),
            _ => None,
        }
    }

    /// Mutable [`Expr::nested_stmts`].
    pub fn nested_stmts_mut(&mut self) -> Option<&mut Vec<Stmt>> {
        match &mut self.kind {
            ExprKind::InlCall { body, .. } => Some(body),
            ExprKind::Init { init, .. } => Some(init),
            _ => None,
        }
    }

    /// Calls `f` on every direct sub-expression (not descending into closures' bodies).
    pub fn for_each_child(&self, f: &mut dyn FnMut(&Expr)) {
        use ExprKind::*;
        match &self.kind {
            Name(_)
            | Global(_)
            | FuncName(_)
            | MethodExpr(_)
            | Literal { .. }
            | Nil
            | New
            | Closure(_)
            | Blank => {}
            Unary { x, .. }
            | Addr { x, .. }
            | Deref { x, .. }
            | Dot { x, .. }
            | DotPtr { x, .. }
            | Conv { x, .. }
            | ConvIface { x, .. }
            | Bytes2Str(x)
            | Runes2Str(x)
            | Str2Bytes(x)
            | Str2Runes(x)
            | RuneStr(x)
            | DotType { x, .. }
            | Recv(x)
            | PtrLit(x)
            | Init { x, .. }
            | MethodValue { x, .. } => f(x),
            Binary { x, y, .. } => {
                f(x);
                f(y)
            }
            Index { x, index } => {
                f(x);
                f(index)
            }
            IndexMap { x, key } => {
                f(x);
                f(key)
            }
            Slice { x, lo, hi, max } => {
                f(x);
                for e in [lo, hi, max].into_iter().flatten() {
                    f(e)
                }
            }
            Call { callee, args, .. } => {
                match callee {
                    Callee::Func(_) => {}
                    Callee::Value(v) => f(v),
                    Callee::Interface { recv, .. } => f(recv),
                }
                args.iter().for_each(f)
            }
            InlCall { .. } => {}
            Builtin { args, .. } | Append { args, .. } | AddStr(args) => args.iter().for_each(f),
            Copy { dst, src } => {
                f(dst);
                f(src)
            }
            MakeSlice { len, cap } => {
                f(len);
                if let Some(c) = cap {
                    f(c)
                }
            }
            MakeMap { hint: Some(x) } | MakeChan { size: Some(x) } => f(x),
            MakeMap { hint: None } | MakeChan { size: None } => {}
            StructLit(fs) => fs.iter().for_each(|(_, e)| f(e)),
            ArrayLit { elems: es, .. } | SliceLit { elems: es, .. } => es.iter().for_each(f),
            MapLit(kvs) => kvs.iter().for_each(|(k, v)| {
                f(k);
                f(v)
            }),
        }
    }
}

/// Builds the receiver argument for calling method `m` on `x`: follows the embedded fields in
/// `path` (dereferencing embedded pointers on the way), then takes the address or dereferences
/// so the value matches the method's receiver type — the implicit `&` and `*` that Go inserts.
pub fn select_receiver(
    prog: &mut Program,
    tt: &crate::types::TypeTable,
    mut x: Expr,
    path: &[usize],
    m: FuncId,
) -> Expr {
    use crate::types::Type;
    for &i in path {
        let (is_ptr, st) = match tt.under(x.ty) {
            Type::Pointer(p) => (true, tt.underlying(*p)),
            _ => (false, tt.underlying(x.ty)),
        };
        let Type::Struct(fields) = &tt.types[st as usize] else {
            break;
        };
        let Some(f) = fields.get(i) else { break };
        let (field, fty) = (f.name.clone(), f.ty);
        let pos = x.pos;
        let kind = if is_ptr {
            ExprKind::DotPtr {
                x: Box::new(x),
                field,
            }
        } else {
            ExprKind::Dot {
                x: Box::new(x),
                field,
            }
        };
        x = Expr {
            id: prog.new_node(),
            pos,
            ty: fty,
            kind,
        };
    }
    let recv_ty = tt.funcs[m as usize].recv.map(|o| tt.objects[o as usize].ty);
    if let Some(rt) = recv_ty {
        let want_ptr = matches!(tt.under(rt), Type::Pointer(_)) && !tt.is_interface(rt);
        let have_ptr = matches!(tt.under(x.ty), Type::Pointer(_));
        let pos = x.pos;
        if want_ptr && !have_ptr {
            x = Expr {
                id: prog.new_node(),
                pos,
                ty: rt,
                kind: ExprKind::Addr {
                    x: Box::new(x),
                    implicit: true,
                },
            };
        } else if !want_ptr && have_ptr {
            x = Expr {
                id: prog.new_node(),
                pos,
                ty: rt,
                kind: ExprKind::Deref {
                    x: Box::new(x),
                    implicit: true,
                },
            };
        }
    }
    x
}
