//! Walking the IR: visiting every statement and expression of a function.

use super::{Expr, ExprKind, Program, Stmt, StmtKind};
use crate::types::FuncId;

/// Visits every statement and expression of function `f` (pre-order, in source order),
/// descending into inlined bodies, and into closures' bodies when `closures` is true.
pub fn visit_func(
    prog: &Program,
    f: FuncId,
    closures: bool,
    on_stmt: &mut dyn FnMut(&Stmt),
    on_expr: &mut dyn FnMut(&Expr),
) {
    visit_stmts(prog, &prog.func(f).body, closures, on_stmt, on_expr)
}

/// Like [`visit_func`] for a list of statements.
pub fn visit_stmts(
    prog: &Program,
    list: &[Stmt],
    closures: bool,
    on_stmt: &mut dyn FnMut(&Stmt),
    on_expr: &mut dyn FnMut(&Expr),
) {
    let mut v = Visit {
        prog,
        closures,
        os: on_stmt,
        oe: on_expr,
    };
    v.stmts(list)
}

struct Visit<'a, 'f> {
    prog: &'a Program,
    closures: bool,
    os: &'f mut dyn FnMut(&Stmt),
    oe: &'f mut dyn FnMut(&Expr),
}

impl Visit<'_, '_> {
    fn stmts(&mut self, list: &[Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    fn expr(&mut self, e: &Expr) {
        (self.oe)(e);
        match &e.kind {
            ExprKind::Closure(f) if self.closures => {
                let prog = self.prog;
                self.stmts(&prog.func(*f).body)
            }
            ExprKind::InlCall { body, .. } | ExprKind::Init { init: body, .. } => self.stmts(body),
            _ => {}
        }
        e.for_each_child(&mut |c| self.expr(c));
    }

    fn stmt(&mut self, s: &Stmt) {
        (self.os)(s);
        match &s.kind {
            StmtKind::Dcl(_)
            | StmtKind::Label(_)
            | StmtKind::Break(_)
            | StmtKind::Continue(_)
            | StmtKind::Fallthrough => {}
            StmtKind::Assign { dst, src, .. } => {
                self.expr(dst);
                if let Some(s) = src {
                    self.expr(s)
                }
            }
            StmtKind::AssignOp { dst, src, .. } => {
                self.expr(dst);
                self.expr(src)
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
                    c.exprs.iter().for_each(|e| self.expr(e));
                    self.stmts(&c.body);
                }
            }
            StmtKind::TypeSwitch { x, cases, .. } => {
                self.expr(x);
                for c in cases {
                    self.stmts(&c.body);
                }
            }
            StmtKind::Send { ch, value } => {
                self.expr(ch);
                self.expr(value)
            }
            StmtKind::Expr(e) | StmtKind::Panic(e) | StmtKind::Go(e) | StmtKind::Defer(e) => {
                self.expr(e)
            }
            StmtKind::Block(list) => self.stmts(list),
        }
    }
}

impl Expr {
    /// Calls `f` on every direct sub-expression, mutably (not descending into closures).
    pub fn for_each_child_mut(&mut self, f: &mut dyn FnMut(&mut Expr)) {
        use ExprKind::*;
        match &mut self.kind {
            Name(_)
            | Global(_)
            | FuncName(_)
            | MethodExpr(_)
            | Literal { .. }
            | Nil
            | New
            | Closure(_)
            | Blank
            | InlCall { .. } => {}
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
                    super::Callee::Func(_) => {}
                    super::Callee::Value(v) => f(v),
                    super::Callee::Interface { recv, .. } => f(recv),
                }
                args.iter_mut().for_each(f)
            }
            Builtin { args, .. } | Append { args, .. } | AddStr(args) => {
                args.iter_mut().for_each(f)
            }
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
            StructLit(fs) => fs.iter_mut().for_each(|(_, e)| f(e)),
            ArrayLit { elems: es, .. } | SliceLit { elems: es, .. } => es.iter_mut().for_each(f),
            MapLit(kvs) => kvs.iter_mut().for_each(|(k, v)| {
                f(k);
                f(v)
            }),
        }
    }
}

/// A mutable visitor of a statement's parts (see [`Stmt::parts_mut`]).
pub trait PartsMut {
    fn expr(&mut self, e: &mut Expr);
    fn stmts(&mut self, list: &mut Vec<Stmt>);
}

impl Stmt {
    /// Hands every top-level expression of this statement and every nested statement list to
    /// the visitor, mutably.
    pub fn parts_mut(&mut self, v: &mut dyn PartsMut) {
        match &mut self.kind {
            StmtKind::Dcl(_)
            | StmtKind::Label(_)
            | StmtKind::Break(_)
            | StmtKind::Continue(_)
            | StmtKind::Fallthrough => {}
            StmtKind::Assign { dst, src, .. } => {
                v.expr(dst);
                if let Some(s) = src {
                    v.expr(s)
                }
            }
            StmtKind::AssignOp { dst, src, .. } => {
                v.expr(dst);
                v.expr(src)
            }
            StmtKind::Assign2 { lhs, rhs, .. } => {
                lhs.iter_mut().chain(rhs.iter_mut()).for_each(|e| v.expr(e))
            }
            StmtKind::Assign2Func { lhs, call, .. } => {
                lhs.iter_mut().for_each(|e| v.expr(e));
                v.expr(call)
            }
            StmtKind::Return(es) | StmtKind::BuiltinStmt { args: es, .. } => {
                es.iter_mut().for_each(|e| v.expr(e))
            }
            StmtKind::If { cond, then, els } => {
                v.expr(cond);
                v.stmts(then);
                v.stmts(els);
            }
            StmtKind::For { cond, post, body } => {
                if let Some(c) = cond {
                    v.expr(c)
                }
                if let Some(p) = post {
                    let mut list = vec![std::mem::replace(
                        p.as_mut(),
                        Stmt {
                            id: 0,
                            pos: Default::default(),
                            kind: StmtKind::Fallthrough,
                        },
                    )];
                    v.stmts(&mut list);
                    **p = list.pop().expect("post statement");
                }
                v.stmts(body);
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
            } => {
                for e in [key, value].into_iter().flatten() {
                    v.expr(e)
                }
                v.expr(x);
                v.stmts(body);
            }
            StmtKind::Switch { tag, cases } => {
                if let Some(t) = tag {
                    v.expr(t)
                }
                for c in cases.iter_mut() {
                    c.exprs.iter_mut().for_each(|e| v.expr(e));
                    v.stmts(&mut c.body);
                }
            }
            StmtKind::TypeSwitch { x, cases, .. } => {
                v.expr(x);
                for c in cases.iter_mut() {
                    v.stmts(&mut c.body);
                }
            }
            StmtKind::Send { ch, value } => {
                v.expr(ch);
                v.expr(value)
            }
            StmtKind::Expr(e) | StmtKind::Panic(e) | StmtKind::Go(e) | StmtKind::Defer(e) => {
                v.expr(e)
            }
            StmtKind::Block(list) => v.stmts(list),
        }
    }
}
