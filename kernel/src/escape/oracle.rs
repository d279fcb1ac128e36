//! Small static facts escape analysis asks about a function.
//!
//! - The **reassignment oracle** (Go's `ir.ReassignOracle`) knows, for each local variable,
//!   whether it is assigned exactly once (at its definition) and never has its address taken.
//!   Such a variable's *static value* is its initialiser. Escape analysis uses it to resolve
//!   `f := g; f(x)` to a static call of `g`, to see that `size := 128; make([]byte, size)` is a
//!   constant-size `make`, and that `x := 3; fmt.Println(x)` boxes the constant 3 (which needs
//!   no allocation).
//! - **Self-assignments** such as `b.buf = b.buf[1:]` store a pointer into the same object it
//!   came from, so they cannot make anything escape; the compiler ignores them (and says so).

use std::collections::{HashMap, HashSet};

use super::graph::LocNode;
use super::Batch;
use crate::ir::{Expr, ExprKind, Program, Stmt, StmtKind, VarClass, VarId};
use crate::types::{ConstValue, FuncId};

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
        crate::ir::visit::visit_func(
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
        loop {
            match &n.kind {
                ExprKind::Conv { x, .. } if prog.var_ty_same(n.ty, x.ty) => n = x,
                ExprKind::Name(v) => match self.single_def.get(v) {
                    Some(Some(init)) => n = init,
                    _ => return n,
                },
                _ => return n,
            }
        }
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

/// Is `dst = src` a self-assignment that cannot make anything escape?
/// `*p = (*p)[i:j]`, `p.f = p.f[i:j]`, `x.f = x.g`, `a[i] = a[j]` with side-effect-free indices.
pub fn is_self_assign(dst: &Expr, src: &Expr) -> bool {
    if is_slice_self_assign(dst, src) {
        return true;
    }
    match (&dst.kind, &src.kind) {
        (ExprKind::Dot { x: a, .. }, ExprKind::Dot { x: b, .. })
        | (ExprKind::DotPtr { x: a, .. }, ExprKind::DotPtr { x: b, .. }) => same_safe(a, b),
        (ExprKind::Index { x: a, index: ia }, ExprKind::Index { x: b, index: ib }) => {
            !may_affect_memory(ia) && !may_affect_memory(ib) && same_safe(a, b)
        }
        _ => false,
    }
}

fn is_slice_self_assign(dst: &Expr, src: &Expr) -> bool {
    let dst_x = match &dst.kind {
        ExprKind::Deref { x, .. } | ExprKind::DotPtr { x, .. } => x,
        _ => return false,
    };
    let ExprKind::Name(dv) = dst_x.kind else {
        return false;
    };
    let ExprKind::Slice { x: base, .. } = &src.kind else {
        return false;
    };
    if let ExprKind::Addr { .. } = base.kind {
        return false;
    }
    let base_x = match &base.kind {
        ExprKind::Deref { x, .. } | ExprKind::DotPtr { x, .. } => x,
        _ => return false,
    };
    matches!(base_x.kind, ExprKind::Name(bv) if bv == dv)
}

fn same_safe(a: &Expr, b: &Expr) -> bool {
    match (&a.kind, &b.kind) {
        (ExprKind::Name(x), ExprKind::Name(y)) => x == y,
        (ExprKind::Global(x), ExprKind::Global(y)) => x == y,
        (ExprKind::Dot { x, field: f }, ExprKind::Dot { x: y, field: g })
        | (ExprKind::DotPtr { x, field: f }, ExprKind::DotPtr { x: y, field: g }) => {
            f == g && same_safe(x, y)
        }
        (ExprKind::Deref { x, .. }, ExprKind::Deref { x: y, .. }) => same_safe(x, y),
        (ExprKind::Literal { value: v, .. }, ExprKind::Literal { value: w, .. }) => v == w,
        (ExprKind::Index { x, index: i }, ExprKind::Index { x: y, index: j }) => {
            same_safe(x, y) && same_safe(i, j)
        }
        _ => false,
    }
}

fn may_affect_memory(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Literal { .. } | ExprKind::Nil => false,
        ExprKind::Binary { x, y, .. } => may_affect_memory(x) || may_affect_memory(y),
        ExprKind::Index { x, index } => may_affect_memory(x) || may_affect_memory(index),
        ExprKind::Conv { x, .. }
        | ExprKind::Unary { x, .. }
        | ExprKind::Dot { x, .. }
        | ExprKind::DotPtr { x, .. }
        | ExprKind::Deref { x, .. } => may_affect_memory(x),
        ExprKind::Builtin {
            which: crate::types::Builtin::Len | crate::types::Builtin::Cap,
            args,
        } => args.iter().any(may_affect_memory),
        _ => true,
    }
}

impl<'a> Batch<'a, '_> {
    pub(super) fn oracle(&mut self, f: FuncId) -> &Oracle {
        let prog = self.prog;
        self.oracles
            .entry(f)
            .or_insert_with(|| Oracle::new(prog, f))
    }

    /// Replaces non-constant operands by the constants they are known to hold, where that
    /// lets the value avoid the heap: `make([]T, n)` with `n` a single-assignment local
    /// holding a constant, and interface conversions of such locals.
    pub(super) fn rewrite_with_literals(&mut self, l: usize) {
        let LocNode::Expr(e) = self.locs[l].n else {
            return;
        };
        let f = self.outermost(self.locs[l].curfn);
        match &e.kind {
            ExprKind::MakeSlice { len, cap } => {
                let r = cap.as_deref().unwrap_or(len);
                if matches!(r.kind, ExprKind::Literal { .. }) {
                    return;
                }
                let prog = self.prog;
                let sv = self.oracle(f).static_value(prog, r).clone();
                let n = match &sv.kind {
                    ExprKind::Literal {
                        value: ConstValue::Int(n),
                        ..
                    } if *n >= 0 => Some(*n),
                    ExprKind::Builtin {
                        which: crate::types::Builtin::Len,
                        args,
                    } => {
                        let x = self.oracle(f).static_value(prog, &args[0]).clone();
                        match &x.kind {
                            ExprKind::SliceLit {
                                len,
                                implicit: false,
                                ..
                            } => Some(*len as i128),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                if let Some(n) = n {
                    let ty = self.pr.ty(e.ty);
                    let text = match cap {
                        Some(_) => format!("make({ty}, {}, {n})", self.pr.expr(len)),
                        None => format!("make({ty}, {n})"),
                    };
                    self.rewritten.insert(e.id, (text, Some(n)));
                }
            }
            ExprKind::ConvIface { x, .. } => {
                if matches!(x.kind, ExprKind::Literal { .. }) || self.tt.is_interface(x.ty) {
                    return;
                }
                let prog = self.prog;
                let sv = self.oracle(f).static_value(prog, x).clone();
                if let ExprKind::Literal { value, .. } = &sv.kind {
                    let text = self.pr.literal(value, x.ty);
                    self.rewritten.insert(e.id, (text, None));
                }
            }
            _ => {}
        }
    }
}

impl Program {
    /// Whether two types are identical (used to see through no-op conversions).
    pub fn var_ty_same(&self, a: crate::types::TypeId, b: crate::types::TypeId) -> bool {
        a == b
    }
}
