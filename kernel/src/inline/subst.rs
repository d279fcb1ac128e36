//! Replacing calls by copies of the callee's body.
//!
//! Inlining `r := f(a, b)` where `f(x, y int) int { ...; return e }` produces an inlined-call
//! node whose body is
//!
//! ```text
//! x, y := a, b        // the callee's parameters become locals of the caller
//! ...                 // the callee's body, with its locals renamed
//! ~R0 = e             // each return assigns the result variables
//! ```
//!
//! and whose value is `~R0`. Every node of the copy is positioned at the call site, as in the
//! Go compiler's diagnostics. Calls inside the copy are then considered for inlining in turn
//! (never re-entering a function already being inlined). An interface call whose receiver is
//! known to hold a concrete type — typically an inlined parameter assigned from a concrete
//! value — is *devirtualized* into a direct method call first.

use std::collections::HashMap;

use super::cost::Inlinable;
use crate::escape::{Diag, DiagKind};
use crate::ir::fmt::Printer;
use crate::ir::visit::PartsMut;
use crate::ir::{Expr, ExprKind, NodeId, Program, Stmt, StmtKind, Var, VarClass, VarId};
use crate::syntax::Pos;
use crate::types::{FuncId, TypeTable};

/// State of one inlining round over one function's body.
pub(super) struct Cx<'a> {
    pub prog: &'a mut Program,
    pub tt: &'a TypeTable,
    pub inlinable: &'a mut HashMap<FuncId, Inlinable>,
    pub bodies: &'a mut HashMap<FuncId, Vec<Stmt>>,
    pub diags: &'a mut Vec<Diag>,
    /// The function whose frame receives the inlined variables.
    pub caller: FuncId,
    /// Call sites to try in this round: the function each resolves to, and the site's index
    /// in the function's list of call sites (the order Go tries them in).
    pub active: &'a HashMap<NodeId, (FuncId, usize)>,
    /// How many call sites resolve to each function (a closure used once may be bigger).
    pub use_counts: &'a HashMap<FuncId, u32>,
    /// For call sites inside inlined bodies: the functions inlined on the way there.
    pub ancestry: &'a mut HashMap<NodeId, Vec<FuncId>>,
    /// Call sites found in bodies inlined during this round, by the index of the inlined site.
    pub new_sites: Vec<(usize, Vec<NodeId>)>,
    /// Indices of the sites inlined in this round.
    pub inlined: Vec<usize>,
    /// `can inline` lines of closure copies, printed when a call to the copy is first inlined.
    pub pending: &'a mut HashMap<FuncId, Diag>,
}

impl PartsMut for Cx<'_> {
    fn expr(&mut self, e: &mut Expr) {
        self.inline_expr(e)
    }
    fn stmts(&mut self, list: &mut Vec<Stmt>) {
        self.inline_stmts(list)
    }
}

/// Renames variables and re-positions nodes of a copied body.
struct Relabel<'c, 'a, 'm> {
    cx: &'c mut Cx<'a>,
    map: &'m HashMap<VarId, VarId>,
    pos: Pos,
    results: &'m [VarId],
    sids: &'m mut HashMap<u32, u32>,
}

impl PartsMut for Relabel<'_, '_, '_> {
    fn expr(&mut self, e: &mut Expr) {
        self.cx.relabel_expr(e, self.map, self.pos)
    }
    fn stmts(&mut self, list: &mut Vec<Stmt>) {
        for c in list.iter_mut() {
            self.cx
                .relabel_stmt(c, self.map, self.pos, self.results, self.sids);
        }
    }
}

impl Cx<'_> {
    pub fn inline_stmts(&mut self, list: &mut [Stmt]) {
        for s in list.iter_mut() {
            s.parts_mut(self);
        }
    }

    fn inline_expr(&mut self, e: &mut Expr) {
        // Children first, as the Go inliner marks call sites bottom-up; inlined bodies and
        // init statements too.
        if let ExprKind::Init { init, .. } = &mut e.kind {
            self.inline_stmts(init);
        }
        e.for_each_child_mut(&mut |c| self.inline_expr(c));
        if let ExprKind::InlCall { body, .. } = &mut e.kind {
            self.inline_stmts(body);
            return;
        }
        let Some(&(g, index)) = self.active.get(&e.id) else {
            return;
        };
        if !matches!(e.kind, ExprKind::Call { .. }) {
            return;
        }
        let Some(info) = self.inlinable.get(&g).copied() else {
            return;
        };
        let chain = self.ancestry.get(&e.id).cloned().unwrap_or_default();
        if chain.contains(&g) {
            return; // never inline a function into its own inlined copy
        }
        let once = self.use_counts.get(&g).copied() == Some(1) && self.prog.func(g).outer.is_some();
        let max = if once {
            super::cost::INLINE_CLOSURE_CALLED_ONCE_COST
        } else {
            super::INLINE_MAX_BUDGET
        };
        if info.cost > max {
            return;
        }
        let Some(body) = self.bodies.get(&g).cloned() else {
            return;
        };
        let pos = e.pos;
        let name = Printer {
            prog: self.prog,
            tt: self.tt,
        }
        .func_name_ir(g);
        self.inlined.push(index);
        if let Some(d) = self.pending.remove(&g) {
            self.diags.push(d);
        }
        self.diags.push(Diag {
            pos,
            msg: format!("inlining call to {name}"),
            kind: DiagKind::InliningCall,
            func: self.prog.func(self.caller).name.clone(),
        });
        // Call sites already in the arguments are not new (nor inside the inlined body).
        let mut known = Vec::new();
        super::call_sites(
            &[Stmt {
                id: 0,
                pos,
                kind: StmtKind::Expr(e.clone()),
            }],
            &mut known,
        );
        let old = std::mem::replace(&mut e.kind, ExprKind::Nil);
        let ExprKind::Call { callee, args, .. } = old else {
            unreachable!("checked above")
        };
        let call_id = e.id;
        let mut inl = self.instantiate(g, body, args, pos);
        if let Some(&src) = self.prog.src_pos.get(&call_id) {
            self.prog.src_pos.insert(inl.id, src);
        }
        // A call through a function value still evaluates the value: `_ = f()` for a call
        // result, kept in front of the inlined body (a plain variable needs no evaluation).
        if let crate::ir::Callee::Value(v) = callee {
            if !matches!(
                v.kind,
                ExprKind::Name(_) | ExprKind::FuncName(_) | ExprKind::Closure(_)
            ) {
                let blank = Expr {
                    id: self.prog.new_node(),
                    pos: v.pos,
                    ty: v.ty,
                    kind: ExprKind::Blank,
                };
                let st = Stmt {
                    id: self.prog.new_stmt(),
                    pos,
                    kind: StmtKind::Assign {
                        dst: blank,
                        src: Some(*v),
                        define: false,
                    },
                };
                if let ExprKind::InlCall { body, .. } = &mut inl.kind {
                    body.insert(0, st);
                }
            }
        }
        // Call sites inside the copy are tried in the next round.
        let mut chain = chain;
        chain.push(g);
        if let ExprKind::InlCall { body, .. } = &inl.kind {
            let mut sites = Vec::new();
            super::call_sites(body, &mut sites);
            sites.retain(|id| !known.contains(id));
            for id in &sites {
                self.ancestry.insert(*id, chain.clone());
            }
            self.new_sites.push((index, sites));
        }
        *e = inl;
    }

    fn new_var(&mut self, from: VarId, pos: Pos, pkg_prefix: &str) -> VarId {
        let v = self.prog.var(from).clone();
        let name = if v.class == VarClass::ParamOut {
            v.name.clone()
        } else if !pkg_prefix.is_empty() {
            format!("{pkg_prefix}.{}", v.name)
        } else {
            v.name.clone()
        };
        let id = self.prog.new_var(Var {
            name,
            pos,
            ty: v.ty,
            class: VarClass::Auto,
            func: Some(self.caller),
            defn: None,
            obj: None,
        });
        self.prog.func_mut(self.caller).dcl.push(id);
        id
    }

    /// Builds the inlined-call node for `g` applied to `args`.
    fn instantiate(&mut self, g: FuncId, body: Vec<Stmt>, args: Vec<Expr>, pos: Pos) -> Expr {
        let callee = self.prog.func(g).clone();
        let prefix = if callee.pkg != self.prog.func(self.caller).pkg && callee.pkg != "main" {
            callee
                .pkg
                .rsplit('/')
                .next()
                .unwrap_or(&callee.pkg)
                .to_string()
        } else {
            String::new()
        };
        let mut map: HashMap<VarId, VarId> = HashMap::new();
        for &v in callee
            .params
            .iter()
            .chain(callee.results.iter())
            .chain(callee.dcl.iter())
        {
            if let std::collections::hash_map::Entry::Vacant(slot) = map.entry(v) {
                slot.insert(self.new_var(v, pos, &prefix));
            }
        }
        let mut out = Vec::new();
        // Parameters are assigned from the arguments (one statement, as Go's OAS2).
        let params: Vec<VarId> = callee.params.iter().map(|p| map[p]).collect();
        let sid = self.prog.new_stmt();
        for &p in &params {
            let d = self.mk_stmt(pos, StmtKind::Dcl(p));
            out.push(d);
            self.prog.vars[p as usize].defn = Some(sid);
        }
        if !params.is_empty() {
            let lhs: Vec<Expr> = params.iter().map(|&p| self.name(p, pos)).collect();
            let kind = if lhs.len() == 1 {
                StmtKind::Assign {
                    dst: lhs.into_iter().next().expect("one"),
                    src: args.into_iter().next(),
                    define: true,
                }
            } else {
                StmtKind::Assign2 {
                    kind: crate::ir::Assign2Kind::Pair,
                    lhs,
                    rhs: args,
                    define: true,
                }
            };
            out.push(Stmt { id: sid, pos, kind });
        }
        let results: Vec<VarId> = callee.results.iter().map(|r| map[r]).collect();
        for &r in &results {
            let d = self.mk_stmt(pos, StmtKind::Dcl(r));
            out.push(d);
        }
        let mut copied = self.copy_stmts(&body, &map, pos, &results);
        out.append(&mut copied);
        let ty = match results.len() {
            1 => self.prog.var(results[0]).ty,
            _ => 0,
        };
        let id = self.prog.new_node();
        Expr {
            id,
            pos,
            ty,
            kind: ExprKind::InlCall {
                func: g,
                body: out,
                results,
            },
        }
    }

    fn name(&mut self, v: VarId, pos: Pos) -> Expr {
        let ty = self.prog.var(v).ty;
        let id = self.prog.new_node();
        Expr {
            id,
            pos,
            ty,
            kind: ExprKind::Name(v),
        }
    }

    fn mk_stmt(&mut self, pos: Pos, kind: StmtKind) -> Stmt {
        let id = self.prog.new_stmt();
        Stmt { id, pos, kind }
    }

    fn copy_stmts(
        &mut self,
        list: &[Stmt],
        map: &HashMap<VarId, VarId>,
        pos: Pos,
        results: &[VarId],
    ) -> Vec<Stmt> {
        let mut out = Vec::new();
        let mut sid_map: HashMap<u32, u32> = HashMap::new();
        for s in list {
            let mut c = s.clone();
            self.relabel_stmt(&mut c, map, pos, results, &mut sid_map);
            out.push(c);
        }
        // Definitions now point at the copied statements.
        for (&old, &new) in &sid_map {
            for &v in map.values() {
                if self.prog.vars[v as usize].defn == Some(old) {
                    self.prog.vars[v as usize].defn = Some(new);
                }
            }
        }
        out
    }

    fn relabel_stmt(
        &mut self,
        s: &mut Stmt,
        map: &HashMap<VarId, VarId>,
        pos: Pos,
        results: &[VarId],
        sids: &mut HashMap<u32, u32>,
    ) {
        let new_id = self.prog.new_stmt();
        // Variables defined by the original statement are defined by the copy.
        for (&old, &new) in map.iter() {
            if self.prog.vars[old as usize].defn == Some(s.id) {
                self.prog.vars[new as usize].defn = Some(new_id);
            }
        }
        sids.insert(s.id, new_id);
        s.id = new_id;
        s.pos = pos;
        if let StmtKind::Dcl(v) = &mut s.kind {
            if let Some(&n) = map.get(v) {
                *v = n;
            }
        }
        if let StmtKind::Return(values) = &mut s.kind {
            // return e  →  ~R0 = e
            let vals = std::mem::take(values);
            let lhs: Vec<Expr> = results.iter().map(|&r| self.name(r, pos)).collect();
            // The first return defines the result variables (a second one makes them
            // reassigned, as in Go).
            for &r in results {
                if self.prog.vars[r as usize].defn.is_none() {
                    self.prog.vars[r as usize].defn = Some(s.id);
                }
            }
            s.kind = match (lhs.len(), vals.len()) {
                (_, 0) => StmtKind::Block(vec![]),
                (1, 1) => StmtKind::Assign {
                    dst: lhs.into_iter().next().expect("one"),
                    src: vals.into_iter().next(),
                    define: false,
                },
                _ => StmtKind::Assign2 {
                    kind: crate::ir::Assign2Kind::Pair,
                    lhs,
                    rhs: vals,
                    define: false,
                },
            };
        }
        let mut r = Relabel {
            cx: self,
            map,
            pos,
            results,
            sids,
        };
        s.parts_mut(&mut r);
        if let StmtKind::Assign { dst, .. } = &mut s.kind {
            self.relabel_expr(dst, map, pos);
        }
    }

    fn relabel_expr(&mut self, e: &mut Expr, map: &HashMap<VarId, VarId>, pos: Pos) {
        if e.id != 0
            && e.pos == pos
            && matches!(e.kind, ExprKind::Name(v) if map.values().any(|&m| m == v))
        {
            return;
        }
        let old_id = e.id;
        e.id = self.prog.new_node();
        if matches!(e.kind, ExprKind::Call { .. } | ExprKind::InlCall { .. }) {
            let src = self.prog.src_pos.get(&old_id).copied().unwrap_or(e.pos);
            self.prog.src_pos.insert(e.id, src);
        }
        e.pos = pos;
        match &mut e.kind {
            ExprKind::Name(v) => {
                if let Some(&n) = map.get(v) {
                    *v = n;
                }
            }
            ExprKind::Closure(f) => {
                let nf = self.clone_closure(*f, map, pos);
                *f = nf;
            }
            ExprKind::InlCall { body, results, .. } => {
                for r in results.iter_mut() {
                    if let Some(&n) = map.get(r) {
                        *r = n;
                    }
                }
                let mut sids = HashMap::new();
                for s in body.iter_mut() {
                    self.relabel_stmt(s, map, pos, &[], &mut sids);
                }
            }
            ExprKind::Init { init, .. } => {
                let mut sids = HashMap::new();
                for s in init.iter_mut() {
                    self.relabel_stmt(s, map, pos, &[], &mut sids);
                }
            }
            _ => {}
        }
        e.for_each_child_mut(&mut |c| self.relabel_expr(c, map, pos));
    }

    /// Copies a closure found in an inlined body: a new function whose captured variables are
    /// the caller's copies. If the original could be inlined, so can the copy (and Go says so
    /// again: `can inline counter.func1`).
    fn clone_closure(&mut self, f: FuncId, map: &HashMap<VarId, VarId>, _pos: Pos) -> FuncId {
        let orig = self.prog.func(f).clone();
        let id = self.prog.funcs.len() as FuncId;
        // The copy's own variables are fresh; captured ones are the caller's copies.
        let mut vmap = map.clone();
        for &v in orig.dcl.iter() {
            let var = self.prog.var(v).clone();
            let nv = self.prog.new_var(Var {
                func: Some(id),
                ..var
            });
            vmap.insert(v, nv);
        }
        let mut func = orig.clone();
        func.id = id;
        // A nested closure copied out of its parent is renamed `parent.funcN`.
        if let Some((parent, n)) = orig.name.rsplit_once('.') {
            if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
                func.name = format!("{parent}.func{n}");
            }
        }
        func.outer = Some(self.caller);
        func.closure_vars = orig
            .closure_vars
            .iter()
            .map(|v| *vmap.get(v).unwrap_or(v))
            .collect();
        func.params = orig.params.iter().map(|v| vmap[v]).collect();
        func.results = orig.results.iter().map(|v| vmap[v]).collect();
        func.dcl = orig.dcl.iter().map(|v| vmap[v]).collect();
        // The copy starts from the closure as it was when found inlinable (before calls in it
        // were inlined), like the callee body it is part of.
        let mut body = self
            .bodies
            .get(&f)
            .cloned()
            .unwrap_or_else(|| func.body.clone());
        rename_vars(self.prog, &mut body, &vmap);
        func.body = body;
        self.prog.funcs.push(Some(func));
        if let Some(c) = self.inlinable.get(&f).copied() {
            self.inlinable.insert(id, c);
            self.bodies.insert(id, self.prog.func(id).body.clone());
            let name = self.prog.func(id).name.clone();
            // Go decides about the copy when a call to it is first considered.
            self.pending.insert(
                id,
                Diag {
                    pos: orig.pos,
                    msg: format!("can inline {name}"),
                    kind: DiagKind::CanInline,
                    func: name,
                },
            );
        }
        id
    }
}

/// Renames variables in a body (fresh node ids, same positions).
fn rename_vars(prog: &mut Program, body: &mut [Stmt], map: &HashMap<VarId, VarId>) {
    struct R<'a> {
        prog: &'a mut Program,
        map: &'a HashMap<VarId, VarId>,
    }
    impl PartsMut for R<'_> {
        fn expr(&mut self, e: &mut Expr) {
            e.id = self.prog.new_node();
            if let ExprKind::Name(v) = &mut e.kind {
                if let Some(&n) = self.map.get(v) {
                    *v = n;
                }
            }
            e.for_each_child_mut(&mut |c| self.expr(c));
            if let Some(body) = e.nested_stmts_mut() {
                for s in body.iter_mut() {
                    s.parts_mut(self);
                }
            }
        }
        fn stmts(&mut self, list: &mut Vec<Stmt>) {
            for s in list.iter_mut() {
                if let StmtKind::Dcl(v) = &mut s.kind {
                    if let Some(&n) = self.map.get(v) {
                        *v = n;
                    }
                }
                s.parts_mut(self);
            }
        }
    }
    let mut r = R { prog, map };
    for s in body.iter_mut() {
        if let StmtKind::Dcl(v) = &mut s.kind {
            if let Some(&n) = map.get(v) {
                *v = n;
            }
        }
        s.parts_mut(&mut r);
    }
}

impl Printer<'_> {
    /// A function's name as the inliner prints it (`NewNode`, `fmt.Println`, `(*T).Get`,
    /// `callNow.func1`).
    pub fn func_name_ir(&self, f: FuncId) -> String {
        let func = self.prog.func(f);
        crate::ir::fmt::qualified(&func.pkg, &func.name)
    }
}
