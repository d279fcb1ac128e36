//! `string(b)` conversions that share the byte slice's memory (Go's `OBYTES2STRTMP`).
//!
//! Converting a `[]byte` to a string copies the bytes (`slicebytetostring`), because the
//! string must not change when the slice does. Where the string is used at once and never
//! kept, the compiler's order and walk passes convert without copying
//! (`slicebytetostringtmp`), so these allocate nothing whatever the length:
//!
//! - the key of a map *read*, `m[string(b)]` or `v, ok := m[string(b)]`, also inside a
//!   struct or array literal key (`mapKeyReplaceStrConv`); an assignment `m[string(b)] = v`
//!   keeps its copy, since the map stores the key;
//! - an operand of a string comparison, `string(b) == "x"`;
//! - an operand of a concatenation that also has a non-empty string literal,
//!   `"k=" + string(b)` (the result is a new string anyway; without a literal the
//!   concatenation could hand back the operand itself);
//! - the tag of `switch string(b)` when every case is a constant.
//!
//! [`no_copy_conversions`] finds them once when the VM starts.

use rustc_hash::FxHashSet as HashSet;

use crate::ir::{Expr, ExprKind, NodeId, Program, Stmt, StmtKind};
use crate::syntax::ast::BinaryOp;
use crate::types::ConstValue;

/// The `string(b)` nodes of the program that convert without copying.
pub fn no_copy_conversions(prog: &Program) -> HashSet<NodeId> {
    let mut out = HashSet::default();
    for f in prog.funcs.iter().flatten() {
        // Map keys of assignments (`m[k] = v`, `m[k] += v`) are stored: never temporary.
        let mut stored_keys: HashSet<NodeId> = HashSet::default();
        crate::ir::visit::visit_func(
            prog,
            f.id,
            false,
            &mut |s: &Stmt| match &s.kind {
                StmtKind::Assign { dst, .. } | StmtKind::AssignOp { dst, .. } => {
                    stored_key(dst, &mut stored_keys)
                }
                StmtKind::Assign2 { lhs, .. } | StmtKind::Assign2Func { lhs, .. } => {
                    lhs.iter().for_each(|x| stored_key(x, &mut stored_keys))
                }
                StmtKind::Switch {
                    tag: Some(tag),
                    cases,
                } if cases.iter().all(|c| {
                    c.exprs
                        .iter()
                        .all(|e| matches!(e.kind, ExprKind::Literal { .. }))
                }) =>
                {
                    mark(tag, &mut out)
                }
                _ => {}
            },
            &mut |_| {},
        );
        crate::ir::visit::visit_func(prog, f.id, false, &mut |_| {}, &mut |e: &Expr| {
            match &e.kind {
                // `m[string(b)]`, `v, ok := m[string(b)]`
                ExprKind::IndexMap { key, .. } if !stored_keys.contains(&e.id) => {
                    map_key(key, &mut out)
                }
                ExprKind::Binary { op, x, y } if is_comparison(*op) => {
                    mark(x, &mut out);
                    mark(y, &mut out);
                }
                ExprKind::AddStr(xs) => {
                    let has_lit = xs.iter().any(|x| {
                        matches!(&x.kind,
                            ExprKind::Literal { value: ConstValue::String(s), .. } if !s.is_empty())
                    });
                    if has_lit {
                        xs.iter().for_each(|x| mark(x, &mut out));
                    }
                }
                _ => {}
            }
        });
    }
    out
}

/// `x` is an assignment's destination: a map index there stores its key.
fn stored_key(x: &Expr, stored: &mut HashSet<NodeId>) {
    if let ExprKind::IndexMap { .. } = x.kind {
        stored.insert(x.id);
    }
}

/// `string(b)` itself (not through any other node).
fn mark(x: &Expr, out: &mut HashSet<NodeId>) {
    if let ExprKind::Bytes2Str(_) = x.kind {
        out.insert(x.id);
    }
}

/// A map read's key: the conversion itself, or conversions nested in struct and array
/// literals.
fn map_key(k: &Expr, out: &mut HashSet<NodeId>) {
    match &k.kind {
        ExprKind::Bytes2Str(_) => {
            out.insert(k.id);
        }
        ExprKind::StructLit(fs) => fs.iter().for_each(|(_, v)| map_key(v, out)),
        ExprKind::ArrayLit { elems, .. } => elems.iter().for_each(|v| map_key(v, out)),
        _ => {}
    }
}

fn is_comparison(op: BinaryOp) -> bool {
    use BinaryOp::*;
    matches!(op, Eq | Ne | Lt | Le | Gt | Ge)
}
