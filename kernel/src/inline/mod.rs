//! The inliner, and the bottom-up call-graph order that both it and escape analysis use.
//!
//! **Bottom-up order.** The Go compiler analyses functions callee-first, one strongly connected
//! component (a set of mutually recursive functions) at a time, using Tarjan's algorithm over
//! the call graph in source order (`ir.VisitFuncsBottomUp`). A function's closures belong to
//! the same component as the function. The order matters to a reader because `-m` output is
//! printed batch by batch in exactly this order.
//!
//! **Inlining** runs before escape analysis, in three steps, as in Go's
//! `DevirtualizeAndInlinePackage`:
//!
//! 1. *Can inline?* Every function gets a cost — roughly the number of IR nodes in its body,
//!    with each call to a function that is not itself inlinable charged an extra 57. A function
//!    whose cost is at most 80, and that contains nothing the inliner cannot copy (`defer`,
//!    `go`, `recover`...), is inlinable (`can inline F`).
//! 2. *Resolve.* Every call site is resolved to its target: a named function, or the function
//!    or closure a local variable statically holds. An interface method call whose receiver
//!    statically holds a concrete type is *devirtualized* into a direct call (`devirtualizing
//!    g.Get to *T`) — this happens even with inlining disabled.
//! 3. *Inline*, component by component, in rounds: every call site to an inlinable target is
//!    replaced by a copy of the callee's body (`inlining call to F`); call sites inside the
//!    copies are resolved and tried in the next round. A closure that is called exactly once
//!    may cost up to 800.
//!
//! Inlined copies are analysed again in the caller, which is why a constructor returning `&T{}`
//! allocates on the heap when called normally but not when inlined into a caller that does not
//! let the pointer escape. Finally, *dead locals* — variables that are assigned but never read
//! once their uses were inlined away, like `f` in `f := func() {...}; f()` — are removed, so
//! the closure they held is not analysed at all.

mod cost;
mod deadlocals;
mod subst;

use std::collections::{HashMap, HashSet};

use crate::escape::{Diag, DiagKind};
use crate::ir::fmt::Printer;
use crate::ir::reassign::Oracle;
use crate::ir::{Callee, Expr, ExprKind, NodeId, Program, Stmt};
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

        if (min == id || min == id + 1) && !self.prog.func(f).is_closure() {
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

/// The user's functions and their closures, in source order (Go's `typecheck.Target.Funcs`).
fn target_funcs(prog: &Program) -> Vec<FuncId> {
    let mut out = Vec::new();
    for &f in &prog.user_funcs {
        out.push(f);
        let mut i = out.len() - 1;
        while i < out.len() {
            let parent = out[i];
            for g in prog.funcs.iter().flatten() {
                if g.outer == Some(parent) {
                    out.push(g.id);
                }
            }
            i += 1;
        }
    }
    out
}

/// Runs devirtualization, and (when `inline`) the inliner, over the user's functions,
/// recording `can inline`, `devirtualizing` and `inlining call to` lines in `diags`.
pub fn inline_program(
    prog: &mut Program,
    tt: &TypeTable,
    inline: bool,
    diags: &mut Vec<Diag>,
) -> Vec<InlineVerdict> {
    let mut verdicts = Vec::new();
    let mut inlinable: HashMap<FuncId, cost::Inlinable> = HashMap::new();
    // The bodies to copy are saved when a function is found inlinable, before calls inside it
    // are inlined themselves (those are inlined again in each copy, in later rounds).
    let mut bodies: HashMap<FuncId, Vec<Stmt>> = HashMap::new();
    if inline {
        // Standard-library functions that real Go inlines are marked by the prelude.
        for f in prog.funcs.iter().flatten() {
            // Marked by the prelude, or known inlinable from real Go's costs.
            let marked = f.pragmas.iter().any(|p| p == "gomem:inline");
            if !f.is_user && f.has_body && (marked || stdlib_cost_known(f)) {
                inlinable.insert(
                    f.id,
                    cost::Inlinable {
                        cost: stdlib_cost(f),
                    },
                );
                bodies.insert(f.id, f.body.clone());
            }
        }
        // 1. Can inline? Bottom-up, in each component's order (a function, then its closures);
        //    a closure the function calls is decided first, since its cost is part of the
        //    caller's.
        let roots = prog.user_funcs.clone();
        let mut decided: HashSet<FuncId> = HashSet::new();
        for batch in bottom_up(prog, &roots) {
            for f in batch {
                let mut order = called_closures(prog, f);
                order.push(f);
                for g in order {
                    let init = prog
                        .func(g)
                        .pragmas
                        .iter()
                        .any(|p| p == "gomem:packageinit" || p == "gomem:methodwrapper");
                    if !decided.insert(g) || init {
                        continue;
                    }
                    let verdict = cost::can_inline(prog, tt, g, &inlinable);
                    let func = prog.func(g);
                    verdicts.push(InlineVerdict {
                        pos: func.pos,
                        func: func.name.clone(),
                        cost: verdict.as_ref().map(|c| c.cost).ok(),
                        reason: verdict.as_ref().err().cloned(),
                    });
                    if let Ok(c) = verdict {
                        diags.push(Diag {
                            pos: func.pos,
                            msg: format!("can inline {}", func.name),
                            kind: DiagKind::CanInline,
                            func: func.name.clone(),
                        });
                        inlinable.insert(g, c);
                        bodies.insert(g, func.body.clone());
                    }
                }
            }
        }
    }

    // 2. Resolve every call site (devirtualizing where possible).
    let mut st = State {
        resolved: HashMap::new(),
        use_counts: HashMap::new(),
        ancestry: HashMap::new(),
    };
    let mut sites: HashMap<FuncId, Vec<NodeId>> = HashMap::new();
    for f in target_funcs(prog) {
        let mut list = Vec::new();
        call_sites(&prog.func(f).body, &mut list);
        resolve(prog, tt, f, &list, &inlinable, inline, &mut st, diags);
        sites.insert(f, list);
    }
    if !inline {
        return verdicts;
    }

    // 3. Inline, component by component, pass after pass until nothing changes. Each pass
    //    takes the call sites of each function in order — resolving a site when it is reached,
    //    so a call of a closure returned by a call inlined just before can be inlined too —
    //    and sites found in inlined bodies join the end of the list.
    let mut done: HashSet<NodeId> = HashSet::new();
    let mut pending_can_inline: HashMap<FuncId, Diag> = HashMap::new();
    let roots = prog.user_funcs.clone();
    for batch in bottom_up(prog, &roots) {
        loop {
            let mut changed = false;
            for &f in &batch {
                let mut i = 0;
                while i < sites.get(&f).map_or(0, Vec::len) {
                    let id = sites[&f][i];
                    i += 1;
                    if done.contains(&id) {
                        continue;
                    }
                    if !st.resolved.contains_key(&id) {
                        resolve(prog, tt, f, &[id], &inlinable, true, &mut st, diags);
                    }
                    let Some(&g) = st.resolved.get(&id) else {
                        continue;
                    };
                    let active: HashMap<NodeId, (FuncId, usize)> = [(id, (g, i - 1))].into();
                    let mut body = std::mem::take(&mut prog.func_mut(f).body);
                    let mut cx = subst::Cx {
                        prog,
                        tt,
                        inlinable: &mut inlinable,
                        bodies: &mut bodies,
                        diags,
                        caller: f,
                        active: &active,
                        use_counts: &st.use_counts,
                        ancestry: &mut st.ancestry,
                        new_sites: Vec::new(),
                        inlined: Vec::new(),
                        pending: &mut pending_can_inline,
                    };
                    cx.inline_stmts(&mut body);
                    let (new_sites, inlined) = (cx.new_sites, cx.inlined);
                    prog.func_mut(f).body = body;
                    if inlined.is_empty() {
                        continue;
                    }
                    changed = true;
                    done.insert(id);
                    let entry = sites.entry(f).or_default();
                    for (_, ids) in new_sites {
                        entry.extend(ids);
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }
    deadlocals::run(prog);
    verdicts
}

/// The inliner's verdict on one function (what `-gcflags=-m=2` prints).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct InlineVerdict {
    pub pos: crate::syntax::Pos,
    pub func: String,
    /// The cost, when the function can be inlined.
    pub cost: Option<i32>,
    /// Why not, in Go's words (`function too complex: cost 87 exceeds budget 80`).
    pub reason: Option<String>,
}

impl InlineVerdict {
    /// The line `-m=2` prints (without the file prefix).
    pub fn go_text(&self) -> String {
        match (&self.cost, &self.reason) {
            (Some(c), _) => format!("can inline {} with cost {c}", self.func),
            (None, Some(r)) => format!("cannot inline {}: {r}", self.func),
            (None, None) => format!("cannot inline {}", self.func),
        }
    }
}

/// Call-site bookkeeping shared by all functions (Go's `inlClosureState` and use counts).
struct State {
    /// Call site → the inlinable function it calls.
    resolved: HashMap<NodeId, FuncId>,
    /// Number of resolved call sites per target.
    use_counts: HashMap<FuncId, u32>,
    /// Call sites inside inlined bodies → functions inlined on the way (no recursion).
    ancestry: HashMap<NodeId, Vec<FuncId>>,
}

/// Devirtualizes the given call sites of `f` where possible, then records their inline
/// targets.
#[allow(clippy::too_many_arguments)]
fn resolve(
    prog: &mut Program,
    tt: &TypeTable,
    f: FuncId,
    list: &[NodeId],
    inlinable: &HashMap<FuncId, cost::Inlinable>,
    inline: bool,
    st: &mut State,
    diags: &mut Vec<Diag>,
) {
    let outer = outermost(prog, f);
    for &id in list {
        // Devirtualize: g.M() where g statically holds a concrete value.
        let oracle = Oracle::new(prog, outer);
        let mut rewrite = None;
        if let Some(call) = find_call(prog, &prog.func(f).body, id) {
            if let ExprKind::Call {
                callee: Callee::Interface { recv, method },
                ..
            } = &call.kind
            {
                let sv = oracle.static_value(prog, recv);
                if let ExprKind::ConvIface { x, .. } = &sv.kind {
                    if !tt.is_interface(x.ty) {
                        if let crate::types::Lookup::Method { func, path, .. } =
                            tt.lookup_field_or_method(x.ty, method)
                        {
                            {
                                let pr = Printer { prog, tt };
                                diags.push(Diag {
                                    pos: call.pos,
                                    msg: format!(
                                        "devirtualizing {}.{} to {}",
                                        pr.expr(recv),
                                        method,
                                        pr.ty(x.ty)
                                    ),
                                    kind: DiagKind::Devirtualizing,
                                    func: prog.func(f).name.clone(),
                                });
                                rewrite = Some((func, x.ty, path.clone()));
                            }
                        }
                    }
                }
            }
        }
        if let Some((m, concrete, path)) = rewrite {
            let mut body = std::mem::take(&mut prog.func_mut(f).body);
            devirtualize_at(prog, tt, &mut body, id, m, concrete, &path);
            prog.func_mut(f).body = body;
        }
        if !inline {
            continue;
        }
        // The inline target.
        let oracle = Oracle::new(prog, outer);
        let target = find_call(prog, &prog.func(f).body, id).and_then(|call| match &call.kind {
            ExprKind::Call {
                callee: Callee::Func(g),
                ..
            } => Some(*g),
            // A variable captured from an enclosing function is not followed.
            ExprKind::Call {
                callee: Callee::Value(v),
                ..
            } if !is_captured(prog, f, v) => match &oracle.static_value(prog, v).kind {
                ExprKind::FuncName(g) | ExprKind::Closure(g) | ExprKind::MethodExpr(g) => Some(*g),
                _ => None,
            },
            _ => None,
        });
        if let Some(g) = target.filter(|g| inlinable.contains_key(g)) {
            st.resolved.insert(id, g);
            *st.use_counts.entry(g).or_insert(0) += 1;
        }
    }
}

/// Is `v` a variable of an enclosing function (captured by the closure `f`)?
fn is_captured(prog: &Program, f: FuncId, v: &Expr) -> bool {
    matches!(v.kind, ExprKind::Name(var) if prog.var(var).func.is_some_and(|g| g != f))
}

/// Closures that `f` calls through a variable or directly (`f := func() {...}; f()`).
fn called_closures(prog: &Program, f: FuncId) -> Vec<FuncId> {
    let oracle = Oracle::new(prog, outermost(prog, f));
    let mut out = Vec::new();
    // The call a go/defer statement makes is not a call for this purpose.
    let mut go_calls = HashSet::new();
    crate::ir::visit::visit_func(
        prog,
        f,
        false,
        &mut |s| {
            if let crate::ir::StmtKind::Go(c) | crate::ir::StmtKind::Defer(c) = &s.kind {
                go_calls.insert(c.id);
            }
        },
        &mut |_| {},
    );
    crate::ir::visit::visit_func(prog, f, false, &mut |_| {}, &mut |e| {
        if go_calls.contains(&e.id) {
            return;
        }
        if let ExprKind::Call {
            callee: Callee::Value(v),
            ..
        } = &e.kind
        {
            if is_captured(prog, f, v) {
                return;
            }
            if let ExprKind::Closure(g) = oracle.static_value(prog, v).kind {
                if !out.contains(&g) {
                    out.push(g);
                }
            }
        }
    });
    out
}

fn outermost(prog: &Program, mut f: FuncId) -> FuncId {
    while let Some(o) = prog.func(f).outer {
        f = o;
    }
    f
}

/// Collects the call expressions of a body in post-order (children first), including those in
/// inlined bodies but not in closures.
pub(crate) fn call_sites(body: &[Stmt], out: &mut Vec<NodeId>) {
    struct V<'o>(&'o mut Vec<NodeId>);
    impl crate::ir::visit::PartsMut for V<'_> {
        fn expr(&mut self, e: &mut Expr) {
            post_order(e, self.0)
        }
        fn stmts(&mut self, list: &mut Vec<Stmt>) {
            for s in list.iter_mut() {
                visit_stmt(s, self);
            }
        }
    }
    // The call made by a go or defer statement is never inlined (its operands are).
    fn visit_stmt(s: &mut Stmt, v: &mut V) {
        match &mut s.kind {
            crate::ir::StmtKind::Go(e) | crate::ir::StmtKind::Defer(e) => {
                e.for_each_child_mut(&mut |c| post_order(c, v.0));
            }
            _ => s.parts_mut(v),
        }
    }
    fn post_order(e: &mut Expr, out: &mut Vec<NodeId>) {
        if let ExprKind::Init { init, .. } = &mut e.kind {
            for s in init.iter_mut() {
                visit_stmt(s, &mut V(out));
            }
        }
        e.for_each_child_mut(&mut |c| post_order(c, out));
        match &mut e.kind {
            ExprKind::InlCall { body, .. } => {
                for s in body.iter_mut() {
                    visit_stmt(s, &mut V(out));
                }
            }
            ExprKind::Call { .. } => out.push(e.id),
            _ => {}
        }
    }
    // The visitor API is mutable; work on a copy (bodies are small).
    let mut copy = body.to_vec();
    for s in copy.iter_mut() {
        visit_stmt(s, &mut V(out));
    }
}

/// Finds (a copy of) the call expression with the given id.
fn find_call(prog: &Program, body: &[Stmt], id: NodeId) -> Option<Expr> {
    let mut found = None;
    crate::ir::visit::visit_stmts(prog, body, false, &mut |_| {}, &mut |e| {
        if e.id == id && found.is_none() {
            found = Some(e.clone());
        }
    });
    found
}

/// Rewrites the interface call `id` into a direct call of method `m` on `recv.(concrete)`.
fn devirtualize_at(
    prog: &mut Program,
    tt: &TypeTable,
    body: &mut [Stmt],
    id: NodeId,
    m: FuncId,
    concrete: crate::types::TypeId,
    path: &[usize],
) {
    struct V<'a> {
        prog: &'a mut Program,
        tt: &'a TypeTable,
        id: NodeId,
        m: FuncId,
        concrete: crate::types::TypeId,
        path: &'a [usize],
    }
    impl V<'_> {
        fn go(&mut self, e: &mut Expr) {
            if e.id == self.id {
                let old = std::mem::replace(&mut e.kind, ExprKind::Nil);
                let ExprKind::Call {
                    callee: Callee::Interface { recv, .. },
                    args,
                    ddd,
                } = old
                else {
                    e.kind = old;
                    return;
                };
                let rpos = recv.pos;
                let assert = Expr {
                    id: self.prog.new_node(),
                    pos: rpos,
                    ty: self.concrete,
                    kind: ExprKind::DotType {
                        x: recv,
                        comma_ok: false,
                    },
                };
                let recv =
                    crate::ir::select_receiver(self.prog, self.tt, assert, self.path, self.m);
                let mut all = vec![recv];
                all.extend(args);
                e.kind = ExprKind::Call {
                    callee: Callee::Func(self.m),
                    args: all,
                    ddd,
                };
                return;
            }
            e.for_each_child_mut(&mut |c| self.go(c));
            if let Some(body) = e.nested_stmts_mut() {
                for s in body.iter_mut() {
                    s.parts_mut(self);
                }
            }
        }
    }
    impl crate::ir::visit::PartsMut for V<'_> {
        fn expr(&mut self, e: &mut Expr) {
            self.go(e)
        }
        fn stmts(&mut self, list: &mut Vec<Stmt>) {
            for s in list.iter_mut() {
                s.parts_mut(self);
            }
        }
    }
    let mut v = V {
        prog,
        tt,
        id,
        m,
        concrete,
        path,
    };
    for s in body.iter_mut() {
        s.parts_mut(&mut v);
    }
}

/// Inliner costs of standard-library functions, as real Go 1.27.3 computes them
/// (regenerated by `scripts/golden-stdlib-costs.sh`).
const STDLIB_COSTS: &str = include_str!("../../stdlib/inline-costs.txt");

/// Real Go's inline cost of this standard-library function, if Go can inline it.
fn stdlib_cost_entry(f: &crate::ir::Func) -> Option<i32> {
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
}

/// Does real Go report an inline cost for this standard-library function?
fn stdlib_cost_known(f: &crate::ir::Func) -> bool {
    stdlib_cost_entry(f).is_some_and(|c| c <= INLINE_MAX_BUDGET)
}

/// The inline cost of a prelude function that real Go inlines: a user function calling it is
/// charged this cost instead of the 57 of an ordinary call.
fn stdlib_cost(f: &crate::ir::Func) -> i32 {
    stdlib_cost_entry(f).unwrap_or(INLINE_MAX_BUDGET)
}
