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

use super::graph::LocNode;
use super::Batch;
use crate::ir::reassign::Oracle;
use crate::ir::{Expr, ExprKind};
use crate::types::{ConstValue, FuncId};

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
                    self.out.const_ifaces.insert(e.id);
                }
            }
            _ => {}
        }
    }
}
