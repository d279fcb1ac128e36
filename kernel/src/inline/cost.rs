//! The inliner's cost model (Go's `hairyVisitor`).
//!
//! A function's cost is the number of IR nodes in its body, visited in pre-order, with a few
//! adjustments that the Go compiler makes:
//!
//! - a call to a function that is not inlinable costs 57 extra (17 when calling a parameter),
//!   a call to an inlinable function costs that function's own cost instead;
//! - interface method calls and calls of unknown function values cost 57 extra;
//! - a closure literal costs 15 extra; `panic` costs 1 extra;
//! - no-op conversions and blocks are free; `&x.f` with `f` at offset 0 costs like `&x`;
//!   slicing with a literal `0` low bound or `len(x)` high bound is cheaper;
//! - `defer`, `go` and `recover` make a function impossible to inline, and so does the
//!   `//go:noinline` directive.
//!
//! The budget is 80: a function whose cost is at most 80 can be inlined.

use std::collections::HashMap;

use crate::ir::{Callee, Expr, ExprKind, Program, Stmt, StmtKind, VarClass};
use crate::types::{FuncId, TypeTable};

pub const INLINE_MAX_BUDGET: i32 = 80;
const INLINE_EXTRA_CALL_COST: i32 = 57;
const INLINE_PARAM_CALL_COST: i32 = 17;
const INLINE_EXTRA_PANIC_COST: i32 = 1;
const INLINE_CLOSURE_COST: i32 = 15;
/// Closures may cost up to this much (they are usually inlined into their only caller).
pub const INLINE_CLOSURE_CALLED_ONCE_COST: i32 = 10 * INLINE_MAX_BUDGET;

/// What the inliner remembers about an inlinable function.
#[derive(Clone, Copy, Debug)]
pub struct Inlinable {
    pub cost: i32,
}

/// Decides whether `f` can be inlined: its cost, or Go's reason why not
/// (`function too complex: cost 87 exceeds budget 80`, `unhandled op DEFER`...).
pub fn can_inline(
    prog: &Program,
    tt: &TypeTable,
    f: FuncId,
    inlinable: &HashMap<FuncId, Inlinable>,
) -> Result<Inlinable, String> {
    let func = prog.func(f);
    if func.pragmas.iter().any(|p| p == "go:noinline") {
        return Err("marked go:noinline".into());
    }
    if !func.has_body {
        return Err("no function body".into());
    }
    if func.pragmas.iter().any(|p| p == "gomem:packageinit") {
        return Err("package initialisation".into());
    }
    // Closures get a bigger budget: most are inlined into their only caller.
    let budget = if func.outer.is_some() {
        INLINE_CLOSURE_CALLED_ONCE_COST
    } else {
        INLINE_MAX_BUDGET
    };
    let outer = {
        let mut o = f;
        while let Some(p) = prog.func(o).outer {
            o = p;
        }
        o
    };
    let oracle = crate::ir::reassign::Oracle::new(prog, outer);
    let mut v = Hairy {
        func: f,
        prog,
        tt,
        inlinable,
        oracle: &oracle,
        budget,
        impossible: None,
    };
    v.stmts(&func.body);
    if let Some(r) = v.impossible {
        return Err(r);
    }
    let cost = budget - v.budget;
    if v.budget < 0 {
        return Err(format!(
            "function too complex: cost {cost} exceeds budget {budget}"
        ));
    }
    Ok(Inlinable { cost })
}

struct Hairy<'a> {
    /// The function being costed.
    func: FuncId,
    prog: &'a Program,
    tt: &'a TypeTable,
    inlinable: &'a HashMap<FuncId, Inlinable>,
    oracle: &'a crate::ir::reassign::Oracle,
    budget: i32,
    impossible: Option<String>,
}

impl Hairy<'_> {
    fn stmts(&mut self, list: &[Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        if self.impossible.is_some() || self.prog.synthetic.contains(&s.id) {
            return;
        }
        match &s.kind {
            StmtKind::Go(_) => {
                self.impossible = Some("unhandled op GO".into());
                return;
            }
            StmtKind::Defer(_) => {
                self.impossible = Some("unhandled op DEFER".into());
                return;
            }
            StmtKind::Block(list) => {
                // Blocks are free.
                self.stmts(list);
                return;
            }

            StmtKind::Fallthrough => return,
            StmtKind::Panic(x) => {
                self.budget -= 1 + INLINE_EXTRA_PANIC_COST;
                if matches!(x.kind, ExprKind::ConvIface { implicit: true, .. }) {
                    self.budget += 1;
                }
                self.expr(x);
                return;
            }
            StmtKind::If { cond, then, els } => {
                if let ExprKind::Literal {
                    value: crate::types::ConstValue::Bool(b),
                    ..
                } = cond.kind
                {
                    self.stmts(if b { then } else { els });
                    return;
                }
            }
            _ => {}
        }
        self.budget -= 1;
        match &s.kind {
            // ODCL and the name it declares.
            StmtKind::Dcl(_) => self.budget -= 1,
            StmtKind::Assign { dst, src, .. } => {
                self.expr(dst);
                if let Some(s) = src {
                    self.expr(s)
                }
            }
            StmtKind::AssignOp {
                dst, src, incdec, ..
            } => {
                self.expr(dst);
                if !incdec {
                    self.expr(src)
                } else {
                    self.budget -= 1
                }
            }
            StmtKind::Assign2 { lhs, rhs, .. } => lhs.iter().chain(rhs).for_each(|e| self.expr(e)),
            StmtKind::Assign2Func { lhs, call, .. } => {
                lhs.iter().for_each(|e| self.expr(e));
                self.expr(call)
            }
            StmtKind::Return(es) | StmtKind::BuiltinStmt { args: es, .. } => {
                es.iter().for_each(|e| self.expr(e))
            }
            StmtKind::If { cond, then, els } => {
                self.expr(cond);
                self.stmts(then);
                self.stmts(els);
            }
            StmtKind::For { cond, post, body } => {
                if let Some(c) = cond {
                    self.expr(c)
                }
                if let Some(p) = post {
                    self.stmt(p)
                }
                self.stmts(body);
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
            } => {
                for e in [key, value].into_iter().flatten() {
                    self.expr(e)
                }
                self.expr(x);
                self.stmts(body);
            }
            StmtKind::Switch { tag, cases } => {
                if let Some(t) = tag {
                    self.expr(t)
                }
                for c in cases {
                    self.budget -= 1;
                    c.exprs.iter().for_each(|e| self.expr(e));
                    self.stmts(&c.body);
                }
            }
            StmtKind::TypeSwitch { x, cases, bind } => {
                // The guard, plus the bound name and one variable per clause when binding.
                self.budget -= 1;
                if *bind {
                    self.budget -= 1 + cases.len() as i32;
                }
                self.expr(x);
                for c in cases {
                    self.budget -= 1;
                    self.stmts(&c.body);
                }
            }
            StmtKind::Send { ch, value } => {
                self.expr(ch);
                self.expr(value)
            }
            StmtKind::Expr(e) => {
                // An expression statement is the expression itself.
                self.budget += 1;
                self.expr(e)
            }
            StmtKind::Break(_) | StmtKind::Continue(_) => {}
            _ => {}
        }
    }

    fn expr(&mut self, e: &Expr) {
        if self.impossible.is_some() {
            return;
        }
        match &e.kind {
            ExprKind::Call { callee, args, .. } => {
                let extra = match callee {
                    Callee::Func(f) => match self.inlinable.get(f) {
                        Some(i) => i.cost,
                        // Intrinsics are compiled to a few instructions: no call cost.
                        None if is_intrinsic(self.prog, *f) => 0,
                        None => INLINE_EXTRA_CALL_COST,
                    },
                    Callee::Value(v) => {
                        // A function value statically known to be an inlinable function or
                        // closure costs what inlining it costs.
                        let target = match &self.oracle.static_value(self.prog, v).kind {
                            ExprKind::FuncName(g)
                            | ExprKind::Closure(g)
                            | ExprKind::MethodExpr(g) => Some(*g),
                            _ => None,
                        };
                        // A variable captured from an enclosing function is called like a
                        // parameter.
                        let captured = matches!(&v.kind, ExprKind::Name(var) if self.prog.var(*var).func != Some(self.func));
                        match (target.and_then(|g| self.inlinable.get(&g)), &v.kind) {
                            (_, ExprKind::Name(_)) if captured => INLINE_PARAM_CALL_COST,
                            (Some(i), _) => i.cost,
                            (None, ExprKind::Name(var))
                                if self.prog.var(*var).class == VarClass::Param =>
                            {
                                INLINE_PARAM_CALL_COST
                            }
                            _ => INLINE_EXTRA_CALL_COST,
                        }
                    }
                    Callee::Interface { .. } => INLINE_EXTRA_CALL_COST,
                };
                self.budget -= extra;
                // The call node and its callee name.
                self.budget -= 1;
                match callee {
                    // A function name costs 1; a method expression (the callee of a method
                    // call) costs nothing.
                    Callee::Func(g) => {
                        if self.tt.funcs[*g as usize].recv.is_none() {
                            self.budget -= 1
                        }
                    }
                    Callee::Value(v) => self.expr(v),
                    Callee::Interface { recv, .. } => {
                        self.budget -= 1;
                        self.expr(recv)
                    }
                }
                args.iter().for_each(|a| self.expr(a));
                return;
            }
            ExprKind::Builtin {
                which: crate::types::Builtin::Recover,
                ..
            } => {
                self.impossible = Some("call to recover".into());
                return;
            }
            ExprKind::Init { init, x } => {
                self.stmts(init);
                self.expr(x);
                return;
            }
            ExprKind::Closure(_) => {
                self.budget -= INLINE_CLOSURE_COST + 1;
                return;
            }
            ExprKind::Conv { x, .. } if self.tt.underlying(x.ty) == self.tt.underlying(e.ty) => {
                // OCONVNOP is free.
                self.expr(x);
                return;
            }
            ExprKind::Addr { x, .. } => {
                if let ExprKind::Dot { x: inner, .. } | ExprKind::DotPtr { x: inner, .. } = &x.kind
                {
                    if matches!(inner.kind, ExprKind::Name(_)) && self.field_offset_zero(x) {
                        self.budget += 2;
                    }
                }
            }
            ExprKind::Deref { x, .. } => {
                if matches!(x.kind, ExprKind::Addr { .. }) {
                    self.budget += 1;
                }
            }
            ExprKind::MethodValue { .. } | ExprKind::SliceLit { .. } => self.budget -= 1,
            ExprKind::MethodExpr(_) => self.budget += 1,
            ExprKind::Slice { x, lo, hi, .. } => {
                if let Some(l) = lo {
                    if matches!(
                        l.kind,
                        ExprKind::Literal {
                            value: crate::types::ConstValue::Int(0),
                            ..
                        }
                    ) {
                        self.budget += 1;
                    }
                }
                if let Some(h) = hi {
                    if let ExprKind::Builtin {
                        which: crate::types::Builtin::Len,
                        args,
                    } = &h.kind
                    {
                        if same_expr(&args[0], x) {
                            self.budget += 2;
                        }
                    }
                }
            }
            ExprKind::StructLit(fields) => {
                // Each field is an OSTRUCTKEY node.
                self.budget -= fields.len() as i32;
            }
            ExprKind::MapLit(kvs) => self.budget -= kvs.len() as i32,
            // make(map[K]V) and make(chan T) carry an implicit size 0.
            ExprKind::MakeMap { hint: None } | ExprKind::MakeChan { size: None } => {
                self.budget -= 1
            }
            _ => {}
        }
        self.budget -= 1;
        e.for_each_child(&mut |c| self.expr(c));
    }

    fn field_offset_zero(&self, dot: &Expr) -> bool {
        let (x, field) = match &dot.kind {
            ExprKind::Dot { x, field } | ExprKind::DotPtr { x, field } => (x, field),
            _ => return false,
        };
        let st = match &self.tt.types[self.tt.underlying(x.ty) as usize] {
            crate::types::Type::Pointer(p) => self.tt.underlying(*p),
            _ => self.tt.underlying(x.ty),
        };
        match &self.tt.types[st as usize] {
            crate::types::Type::Struct(fs) => fs.iter().any(|f| &f.name == field && f.offset == 0),
            _ => false,
        }
    }
}

fn same_expr(a: &Expr, b: &Expr) -> bool {
    match (&a.kind, &b.kind) {
        (ExprKind::Name(x), ExprKind::Name(y)) => x == y,
        _ => false,
    }
}

/// Functions the compiler replaces by a few machine instructions (`runtime.KeepAlive`).
fn is_intrinsic(prog: &Program, f: FuncId) -> bool {
    prog.funcs
        .get(f as usize)
        .and_then(|x| x.as_ref())
        .is_some_and(|func| {
            func.pkg == "runtime" && matches!(func.name.as_str(), "runtime.KeepAlive" | "KeepAlive")
        })
}
