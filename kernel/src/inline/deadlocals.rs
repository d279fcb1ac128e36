//! Removing assignments to local variables that are never read (Go's `deadlocals` pass).
//!
//! After inlining, some locals are written but no longer read: the `f` of
//! `f := func() {...}; f()` once the call was inlined, or an inlined parameter the callee
//! never used. Such an assignment is dropped when its right-hand side has no effects (a name,
//! a constant, `nil` or a function literal), so whatever it held — typically a closure — is
//! not seen by escape analysis at all, exactly as in the Go compiler.
//!
//! The walk visits statements in order. An assignment to a local is *pending* until a read of
//! the variable makes it live (then the pending right-hand sides are visited as reads too).
//! Assignments still pending at the end are dead.

use std::collections::{HashMap, HashSet};

use crate::ir::{Expr, ExprKind, Program, Stmt, StmtId, StmtKind, VarClass, VarId};

pub fn run(prog: &mut Program) {
    let ids: Vec<_> = prog.user_funcs.clone();
    for f in ids {
        let body = std::mem::take(&mut prog.func_mut(f).body);
        let mut v = Visitor {
            prog,
            defs: HashMap::new(),
            order: Vec::new(),
        };
        v.stmts(&body);
        // Dead: (statement, lhs index) pairs still pending.
        let mut dead: HashSet<(StmtId, usize)> = HashSet::new();
        for var in &v.order {
            if let Some(Some(list)) = v.defs.get(var) {
                dead.extend(list.iter().map(|(s, i, _)| (*s, *i)));
            }
        }
        drop(v);
        let mut body = body;
        if !dead.is_empty() {
            kill(&mut body, &dead);
        }
        prog.func_mut(f).body = body;
    }
}

/// An assignment not yet known to be live: statement, index of the target, right-hand side.
type Pending = (StmtId, usize, Expr);

struct Visitor<'a> {
    prog: &'a Program,
    /// Per variable: `Some(pending assignments)` or `None` once live.
    defs: HashMap<VarId, Option<Vec<Pending>>>,
    order: Vec<VarId>,
}

fn has_effects(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Name(_) | ExprKind::Literal { .. } | ExprKind::Nil | ExprKind::Closure(_)
    )
}

impl Visitor<'_> {
    fn is_local(&self, v: VarId) -> bool {
        matches!(self.prog.var(v).class, VarClass::Auto | VarClass::Param)
    }

    fn stmts(&mut self, list: &[Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Dcl(_) => {}
            StmtKind::Assign {
                dst,
                src: Some(src),
                ..
            } => self.assign(s.id, 0, dst, src),
            StmtKind::Assign2 { lhs, rhs, .. } if lhs.len() == rhs.len() => {
                for (i, (l, r)) in lhs.iter().zip(rhs).enumerate() {
                    self.assign(s.id, i, l, r);
                }
            }
            _ => {
                let prog = self.prog;
                let mut exprs = Vec::new();
                let mut lists: Vec<Vec<Stmt>> = Vec::new();
                let mut copy = s.clone();
                struct C<'x>(&'x mut Vec<Expr>, &'x mut Vec<Vec<Stmt>>);
                impl crate::ir::visit::PartsMut for C<'_> {
                    fn expr(&mut self, e: &mut Expr) {
                        self.0.push(e.clone());
                    }
                    fn stmts(&mut self, l: &mut Vec<Stmt>) {
                        self.1.push(l.clone());
                    }
                }
                copy.parts_mut(&mut C(&mut exprs, &mut lists));
                let _ = prog;
                for e in &exprs {
                    self.expr(e);
                }
                for l in &lists {
                    self.stmts(l);
                }
            }
        }
    }

    fn assign(&mut self, sid: StmtId, i: usize, dst: &Expr, src: &Expr) {
        if let ExprKind::Name(v) = dst.kind {
            if self.is_local(v) && !has_effects(src) {
                let entry = self.defs.entry(v).or_insert_with(|| Some(Vec::new()));
                if let Some(list) = entry {
                    if !self.order.contains(&v) {
                        self.order.push(v);
                    }
                    list.push((sid, i, src.clone()));
                    return;
                }
            }
            self.expr(src);
            return;
        }
        if !matches!(dst.kind, ExprKind::Blank) {
            self.expr(dst);
        }
        self.expr(src);
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(v) if self.is_local(*v) => {
                if !self.order.contains(v) {
                    self.order.push(*v);
                }
                let prev = self.defs.insert(*v, None);
                if let Some(Some(pending)) = prev {
                    for (_, _, rhs) in pending {
                        self.expr(&rhs);
                    }
                }
            }
            ExprKind::Closure(f) => {
                let func = self.prog.func(*f);
                for &cv in &func.closure_vars {
                    let n = Expr {
                        id: 0,
                        pos: e.pos,
                        ty: 0,
                        kind: ExprKind::Name(cv),
                    };
                    self.expr(&n);
                }
                let body = func.body.clone();
                self.stmts(&body);
            }
            ExprKind::InlCall { body, results, .. } => {
                self.stmts(body);
                for &r in results {
                    let n = Expr {
                        id: 0,
                        pos: e.pos,
                        ty: 0,
                        kind: ExprKind::Name(r),
                    };
                    self.expr(&n);
                }
            }
            ExprKind::Init { init, x } => {
                self.stmts(init);
                self.expr(x);
            }
            _ => e.for_each_child(&mut |c| self.expr(c)),
        }
    }
}

/// Replaces dead assignments by `_ = 0`: nothing flows anywhere.
fn kill(list: &mut [Stmt], dead: &HashSet<(StmtId, usize)>) {
    struct K<'d>(&'d HashSet<(StmtId, usize)>);
    impl crate::ir::visit::PartsMut for K<'_> {
        fn expr(&mut self, e: &mut Expr) {
            e.for_each_child_mut(&mut |c| self.expr(c));
            if let Some(body) = e.nested_stmts_mut() {
                kill(body, self.0);
            }
        }
        fn stmts(&mut self, l: &mut Vec<Stmt>) {
            kill(l, self.0);
        }
    }
    for s in list.iter_mut() {
        let id = s.id;
        match &mut s.kind {
            StmtKind::Assign {
                dst,
                src: Some(src),
                ..
            } if dead.contains(&(id, 0)) => {
                dst.kind = ExprKind::Blank;
                src.kind = ExprKind::Literal {
                    value: crate::types::ConstValue::Int(0),
                    sym: None,
                };
            }
            StmtKind::Assign2 { lhs, rhs, .. } => {
                for (i, (l, r)) in lhs.iter_mut().zip(rhs.iter_mut()).enumerate() {
                    if dead.contains(&(id, i)) {
                        l.kind = ExprKind::Blank;
                        r.kind = ExprKind::Literal {
                            value: crate::types::ConstValue::Int(0),
                            sym: None,
                        };
                    }
                }
            }
            _ => {}
        }
        s.parts_mut(&mut K(dead));
    }
}
