//! The inliner, and the bottom-up call-graph order that both it and escape analysis use.
//!
//! **Bottom-up order.** The Go compiler analyses functions callee-first, one strongly connected
//! component (a set of mutually recursive functions) at a time, using Tarjan's algorithm over
//! the call graph in source order (`ir.VisitFuncsBottomUp`). A function's closures belong to
//! the same component as the function. The order matters to a reader because `-m` output is
//! printed batch by batch in exactly this order.
//!
//! **Inlining.** Before escape analysis, calls to small functions are replaced by a copy of the
//! callee's body (`inlining call to F`). A function can be inlined when its *cost* — roughly
//! the number of IR nodes in its body, with every call to a function that is not itself
//! inlinable charged an extra 57 — is at most 80, and it contains nothing the inliner cannot
//! copy (`defer`, `go`, `recover`, `select`, labels...). Inlined copies are analysed again in
//! the caller, which is why a constructor returning `&T{}` allocates on the heap when called
//! normally but not when inlined into a caller that does not let the pointer escape.

mod cost;
mod subst;

use std::collections::{HashMap, HashSet};

use crate::escape::{Diag, DiagKind};
use crate::ir::{Callee, ExprKind, Program};
use crate::types::{FuncId, TypeTable};

pub use cost::INLINE_MAX_BUDGET;

/// Groups `roots` (and their closures) into strongly connected components of the call graph,
/// callees first, exactly as `ir.VisitFuncsBottomUp` does.
pub fn bottom_up(prog: &Program, roots: &[FuncId]) -> Vec<Vec<FuncId>> {
    let set: HashSet<FuncId> = roots.iter().copied().collect();
    let mut v = Visitor {
        prog,
        set: &set,
        visitgen: 0,
        node_id: HashMap::new(),
        stack: vec![],
        out: vec![],
    };
    for &f in roots {
        if prog.func(f).outer.is_none() {
            v.visit(f);
        }
    }
    v.out
}

struct Visitor<'a> {
    prog: &'a Program,
    set: &'a HashSet<FuncId>,
    visitgen: u32,
    node_id: HashMap<FuncId, u32>,
    stack: Vec<FuncId>,
    out: Vec<Vec<FuncId>>,
}

impl Visitor<'_> {
    fn visit(&mut self, f: FuncId) -> u32 {
        if let Some(&id) = self.node_id.get(&f) {
            return id;
        }
        self.visitgen += 1;
        let id = self.visitgen;
        self.node_id.insert(f, id);
        self.visitgen += 1;
        let mut min = self.visitgen;
        self.stack.push(f);

        let mut refs = Vec::new();
        crate::ir::visit::visit_func(self.prog, f, false, &mut |_| {}, &mut |e| match &e.kind {
            ExprKind::FuncName(g) | ExprKind::MethodExpr(g) => refs.push(*g),
            ExprKind::MethodValue {
                method: Some(g), ..
            } => refs.push(*g),
            ExprKind::Call {
                callee: Callee::Func(g),
                ..
            } => refs.push(*g),
            ExprKind::Closure(g) => refs.push(*g),
            _ => {}
        });
        for g in refs {
            let known = self.prog.funcs.get(g as usize).and_then(|x| x.as_ref());
            let Some(gf) = known else { continue };
            if !gf.has_body || (gf.outer.is_none() && !self.set.contains(&g)) {
                continue;
            }
            let m = self.visit(g);
            if m < min {
                min = m;
            }
        }

        if (min == id || min == id + 1) && self.prog.func(f).outer.is_none() {
            let i = self
                .stack
                .iter()
                .rposition(|&x| x == f)
                .expect("function is on the stack");
            for &x in &self.stack[i..] {
                self.node_id.insert(x, u32::MAX);
            }
            let block = self.stack.split_off(i);
            self.out.push(block);
        }
        min
    }
}

/// Runs the inliner over the user's functions, recording `can inline` and `inlining call to`
/// diagnostics in `diags`.
pub fn inline_program(prog: &mut Program, tt: &TypeTable, diags: &mut Vec<Diag>) {
    let roots = prog.user_funcs.clone();
    let batches = bottom_up(prog, &roots);
    let mut inlinable: HashMap<FuncId, cost::Inlinable> = HashMap::new();
    // The bodies to copy are saved when a function is found inlinable, before calls inside it
    // are inlined themselves (those are inlined again in each copy).
    let mut bodies: HashMap<FuncId, Vec<crate::ir::Stmt>> = HashMap::new();
    // Standard-library functions marked inlinable by the prelude are known up front.
    for f in prog.funcs.iter().flatten() {
        if !f.is_user && f.has_body && f.pragmas.iter().any(|p| p == "gomem:inline") {
            inlinable.insert(
                f.id,
                cost::Inlinable {
                    cost: stdlib_cost(f),
                },
            );
            bodies.insert(f.id, f.body.clone());
        }
    }
    for batch in batches {
        for &f in &batch {
            if let Some(c) = cost::can_inline(prog, tt, f, &inlinable) {
                let func = prog.func(f);
                diags.push(Diag {
                    pos: func.pos,
                    msg: format!("can inline {}", func.name),
                    kind: DiagKind::CanInline,
                    func: func.name.clone(),
                });
                inlinable.insert(f, c);
                bodies.insert(f, prog.func(f).body.clone());
            }
        }
        for &f in &batch {
            if prog.func(f).outer.is_none() {
                subst::inline_calls(prog, tt, f, &inlinable, &bodies, diags);
            }
        }
    }
}

/// Inliner costs of standard-library functions, as real Go 1.27.3 computes them
/// (regenerated by `scripts/golden-stdlib-costs.sh`).
const STDLIB_COSTS: &str = include_str!("../../stdlib/inline-costs.txt");

/// The inline cost of a prelude function that real Go inlines: a user function calling it is
/// charged this cost instead of the 57 of an ordinary call.
fn stdlib_cost(f: &crate::ir::Func) -> i32 {
    let short = f.pkg.rsplit('/').next().unwrap_or(&f.pkg);
    let name = f.name.strip_prefix(&format!("{short}.")).unwrap_or(&f.name);
    STDLIB_COSTS
        .lines()
        .filter_map(|l| {
            let mut it = l.split(' ');
            Some((it.next()?, it.next()?, it.next()?.parse::<i32>().ok()?))
        })
        .find(|(p, n, _)| *p == f.pkg && *n == name)
        .map(|(_, _, c)| c)
        .unwrap_or(INLINE_MAX_BUDGET)
}
