//! The reassignment oracle (Go's `ir.ReassignOracle`).
//!
//! It knows, for each local variable of a function (and its closures), whether the variable is
//! assigned exactly once — at its definition — and never has its address taken. Such a
//! variable's *static value* is its initialiser. The inliner uses it to resolve `f := g; f()`
//! to a call of `g` (or of a closure stored in a variable), devirtualization uses it to see the
//! concrete type behind an interface variable, and escape analysis uses it to resolve function
//! values and to see constants behind variables (`size := 128; make([]byte, size)`).

use std::collections::{HashMap, HashSet};

use super::{Expr, ExprKind, Program, Stmt, StmtKind, VarClass, VarId};
use crate::types::FuncId;

/// What the oracle knows about the variables of one outermost function (and its closures).
#[derive(Clone, Debug, Default)]
pub struct Oracle {
    /// Variables with a single definition: variable → its initialiser (or `None` for
    /// parameters, which have a single "definition" at entry but no initialiser).
    single_def: HashMap<VarId, Option<Expr>>,
    /// For local function-typed variables: every function assigned to it, if all assignments
    /// are of named functions.
    func_assigns: HashMap<VarId, Option<Vec<FuncId>>>,
}

impl Oracle {
    pub fn new(prog: &Program, f: FuncId) -> Oracle {
        let mut o = Oracle::default();
        let func = prog.func(f);
        for &p in &func.params {
            o.single_def.insert(p, None);
        }
        // Address-taken variables never have a static value.
        let mut addr_taken = HashSet::new();
        let mut defs: Vec<(VarId, Option<Expr>)> = Vec::new();
        let mut assigns: Vec<(VarId, u32, Option<Expr>)> = Vec::new();
        super::visit::visit_func(
            prog,
            f,
            true,
            &mut |s| collect(s, &mut defs, &mut assigns),
            &mut |e| {
                if let ExprKind::Addr { x, .. } = &e.kind {
                    if let Some(v) = outer_name(x) {
                        addr_taken.insert(v);
                    }
                }
            },
        );
        for (v, init) in defs {
            let var = prog.var(v);
            if var.class == VarClass::Auto && !addr_taken.contains(&v) {
                o.single_def.insert(v, init);
                if is_func_type(prog, v) {
                    o.func_assigns.insert(v, Some(vec![]));
                }
            }
        }
        for (v, sid, src) in assigns {
            let var = prog.var(v);
            let is_defn = var.defn == Some(sid);
            if o.single_def.contains_key(&v) && (var.class == VarClass::Param || !is_defn) {
                o.single_def.remove(&v);
            }
            if let Some(entry) = o.func_assigns.get_mut(&v) {
                match src.as_ref().map(|e| &e.kind) {
                    None | Some(ExprKind::Nil) => {}
                    Some(ExprKind::FuncName(g)) => {
                        if let Some(list) = entry {
                            list.push(*g)
                        }
                    }
                    _ => *entry = None,
                }
            }
        }
        o
    }

    /// Follows single-definition variables to the expression that gives them their value.
    pub fn static_value<'e>(&'e self, prog: &Program, mut n: &'e Expr) -> &'e Expr {
        let _ = prog;
        // Bounded: a chain of single definitions cannot be longer than the function.
        for _ in 0..10_000 {
            match &n.kind {
                ExprKind::Conv { x, .. } if n.ty == x.ty => n = x,
                ExprKind::Init { x, .. } => n = x,
                ExprKind::InlCall { results, .. } if results.len() == 1 => {
                    match self.single_def.get(&results[0]) {
                        Some(Some(init)) => n = init,
                        _ => return n,
                    }
                }
                ExprKind::Name(v) => match self.single_def.get(v) {
                    Some(Some(init)) => n = init,
                    _ => return n,
                },
                _ => return n,
            }
        }
        n
    }

    /// Functions assigned to a function-typed local, if they are all named functions.
    pub fn func_assignments(&self, v: VarId) -> Option<Vec<FuncId>> {
        self.func_assigns
            .get(&v)
            .cloned()
            .flatten()
            .filter(|l| !l.is_empty())
    }
}

fn is_func_type(prog: &Program, v: VarId) -> bool {
    let _ = prog;
    let _ = v;
    true
}

/// The variable at the root of `x.f[i].g` (through values, not pointers).
fn outer_name(e: &Expr) -> Option<VarId> {
    match &e.kind {
        ExprKind::Name(v) => Some(*v),
        ExprKind::Dot { x, .. } => outer_name(x),
        ExprKind::Index { x, .. } => outer_name(x),
        _ => None,
    }
}

/// Collects definitions and assignments of local variables.
fn collect(
    s: &Stmt,
    defs: &mut Vec<(VarId, Option<Expr>)>,
    assigns: &mut Vec<(VarId, u32, Option<Expr>)>,
) {
    let mut target = |d: &Expr, src: Option<&Expr>| {
        if let Some(v) = outer_name(d) {
            assigns.push((v, s.id, src.cloned()));
        }
    };
    match &s.kind {
        StmtKind::Dcl(_) => {}
        StmtKind::Assign { dst, src, .. } => target(dst, src.as_ref()),
        StmtKind::AssignOp { dst, .. } => target(dst, None),
        StmtKind::Assign2 { lhs, rhs, .. } => {
            let pair = lhs.len() == rhs.len();
            for (i, l) in lhs.iter().enumerate() {
                target(l, if pair { rhs.get(i) } else { None });
            }
        }
        StmtKind::Assign2Func { lhs, .. } => lhs.iter().for_each(|l| target(l, None)),
        StmtKind::Range { key, value, .. } => {
            for l in [key, value].into_iter().flatten() {
                target(l, None)
            }
        }
        _ => {}
    }
    // Definitions: `x := e` / `var x = e` (the statement that defines x).
    match &s.kind {
        StmtKind::Assign {
            dst: Expr {
                kind: ExprKind::Name(v),
                ..
            },
            src,
            ..
        } => {
            defs.push((*v, src.clone()));
        }
        StmtKind::Assign2 { lhs, rhs, .. } => {
            for (i, l) in lhs.iter().enumerate() {
                if let ExprKind::Name(v) = l.kind {
                    defs.push((
                        v,
                        if lhs.len() == rhs.len() {
                            rhs.get(i).cloned()
                        } else {
                            None
                        },
                    ));
                }
            }
        }
        StmtKind::Assign2Func { lhs, .. } => {
            for l in lhs {
                if let ExprKind::Name(v) = l.kind {
                    defs.push((v, None));
                }
            }
        }
        StmtKind::Range { key, value, .. } => {
            for l in [key, value].into_iter().flatten() {
                if let ExprKind::Name(v) = l.kind {
                    defs.push((v, None));
                }
            }
        }
        _ => {}
    }
}
