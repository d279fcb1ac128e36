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
use crate::ir::{Callee, Expr, ExprKind, Program, Stmt, StmtKind, Var, VarClass, VarId};
use crate::syntax::Pos;
use crate::types::{FuncId, Type, TypeTable};

/// Inlines every inlinable call in function `f` (and in its closures).
pub fn inline_calls(
    prog: &mut Program,
    tt: &TypeTable,
    f: FuncId,
    inlinable: &HashMap<FuncId, Inlinable>,
    bodies: &HashMap<FuncId, Vec<Stmt>>,
    diags: &mut Vec<Diag>,
) {
    let mut body = std::mem::take(&mut prog.func_mut(f).body);
    let mut cx = Cx {
        prog,
        tt,
        inlinable,
        bodies,
        diags,
        caller: f,
        stack: vec![f],
        values: HashMap::new(),
    };
    cx.inline_stmts(&mut body);
    cx.prog.func_mut(f).body = body;
    // Closures declared in f are functions of their own in the same batch.
    let closures: Vec<FuncId> = prog
        .funcs
        .iter()
        .flatten()
        .filter(|g| g.outer == Some(f) && !g.wrapper)
        .map(|g| g.id)
        .collect();
    for c in closures {
        inline_calls(prog, tt, c, inlinable, bodies, diags);
    }
    let wrappers: Vec<FuncId> = prog
        .funcs
        .iter()
        .flatten()
        .filter(|g| g.outer == Some(f) && g.wrapper)
        .map(|g| g.id)
        .collect();
    for w in wrappers {
        inline_calls(prog, tt, w, inlinable, bodies, diags);
    }
}

struct Cx<'a> {
    prog: &'a mut Program,
    tt: &'a TypeTable,
    inlinable: &'a HashMap<FuncId, Inlinable>,
    bodies: &'a HashMap<FuncId, Vec<Stmt>>,
    diags: &'a mut Vec<Diag>,
    /// The function whose frame receives the inlined variables.
    caller: FuncId,
    /// Functions being inlined (to avoid recursion).
    stack: Vec<FuncId>,
    /// Inlined parameters → the argument assigned to them (for devirtualization).
    values: HashMap<VarId, Expr>,
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
    fn inline_stmts(&mut self, list: &mut Vec<Stmt>) {
        for s in list.iter_mut() {
            // `go`/`defer` calls are never inlined at the statement itself.
            let skip_top = matches!(s.kind, StmtKind::Go(_) | StmtKind::Defer(_));
            if skip_top {
                continue;
            }
            s.parts_mut(self);
        }
    }

    fn inline_expr(&mut self, e: &mut Expr) {
        // Children first, as the Go inliner edits bottom-up.
        e.for_each_child_mut(&mut |c| self.inline_expr(c));
        if let ExprKind::Call {
            callee: Callee::Interface { .. },
            ..
        } = &e.kind
        {
            self.devirtualize(e);
        }
        let ExprKind::Call {
            callee: Callee::Func(g),
            ..
        } = &e.kind
        else {
            return;
        };
        let g = *g;
        if !self.inlinable.contains_key(&g) || self.stack.contains(&g) {
            return;
        }
        let Some(body) = self.bodies.get(&g) else {
            return;
        };
        let pos = e.pos;
        let name = Printer {
            prog: self.prog,
            tt: self.tt,
        }
        .func_name_ir(g);
        self.diags.push(Diag {
            pos,
            msg: format!("inlining call to {name}"),
            kind: DiagKind::InliningCall,
            func: self.prog.func(self.caller).name.clone(),
        });
        let ExprKind::Call { args, .. } = std::mem::replace(&mut e.kind, ExprKind::Nil) else {
            unreachable!()
        };
        let mut inl = self.instantiate(g, body.clone(), args, pos);
        self.stack.push(g);
        if let ExprKind::InlCall { body, .. } = &mut inl.kind {
            self.inline_stmts(body);
        }
        self.stack.pop();
        *e = inl;
    }

    fn new_var(&mut self, from: VarId, pos: Pos, pkg_prefix: &str) -> VarId {
        let v = self.prog.var(from).clone();
        let name = if v.class == VarClass::ParamOut {
            v.name.replace("~r", "~R")
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
            if !map.contains_key(&v) {
                let nv = self.new_var(v, pos, &prefix);
                map.insert(v, nv);
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
            for (p, a) in params.iter().zip(&args) {
                self.values.insert(*p, a.clone());
            }
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
        e.id = self.prog.new_node();
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
            _ => {}
        }
        e.for_each_child_mut(&mut |c| self.relabel_expr(c, map, pos));
    }

    /// Copies a closure found in an inlined body: a new function whose captured variables are
    /// the caller's copies.
    fn clone_closure(&mut self, f: FuncId, map: &HashMap<VarId, VarId>, pos: Pos) -> FuncId {
        let mut func = self.prog.func(f).clone();
        let id = self.prog.funcs.len() as FuncId;
        func.id = id;
        func.outer = Some(self.caller);
        func.closure_vars = func
            .closure_vars
            .iter()
            .map(|v| *map.get(v).unwrap_or(v))
            .collect();
        func.pos = pos;
        self.prog.funcs.push(Some(func));
        id
    }

    /// `g.M()` where `g` holds a known concrete type → `g.(T).M()`.
    fn devirtualize(&mut self, e: &mut Expr) {
        let ExprKind::Call {
            callee: Callee::Interface { recv, method },
            ..
        } = &e.kind
        else {
            return;
        };
        let ExprKind::Name(v) = recv.kind else { return };
        let Some(val) = self.values.get(&v) else {
            return;
        };
        let ExprKind::ConvIface { x, .. } = &val.kind else {
            return;
        };
        let concrete = x.ty;
        let m = match self.tt.lookup_field_or_method(concrete, method) {
            crate::types::Lookup::Method { func, path, .. } if path.is_empty() => func,
            _ => return,
        };
        let pr = Printer {
            prog: self.prog,
            tt: self.tt,
        };
        let msg = format!(
            "devirtualizing {}.{} to {}",
            pr.expr(recv),
            method,
            pr.ty(concrete)
        );
        self.diags.push(Diag {
            pos: e.pos,
            msg,
            kind: DiagKind::Devirtualizing,
            func: self.prog.func(self.caller).name.clone(),
        });
        let ExprKind::Call {
            callee: Callee::Interface { recv, .. },
            args,
            ddd,
        } = std::mem::replace(&mut e.kind, ExprKind::Nil)
        else {
            unreachable!()
        };
        let rpos = recv.pos;
        let id = self.prog.new_node();
        let mut assert = Expr {
            id,
            pos: rpos,
            ty: concrete,
            kind: ExprKind::DotType {
                x: recv,
                comma_ok: false,
            },
        };
        // A value method called through a pointer-typed concrete value needs a dereference.
        let recv_ty = self.tt.funcs[m as usize]
            .recv
            .map(|o| self.tt.objects[o as usize].ty);
        if let (Some(rt), Type::Pointer(elem)) = (
            recv_ty,
            &self.tt.types[self.tt.underlying(concrete) as usize],
        ) {
            if rt == *elem {
                let id = self.prog.new_node();
                assert = Expr {
                    id,
                    pos: rpos,
                    ty: rt,
                    kind: ExprKind::Deref {
                        x: Box::new(assert),
                        implicit: true,
                    },
                };
            }
        }
        let mut all = vec![assert];
        all.extend(args);
        e.kind = ExprKind::Call {
            callee: Callee::Func(m),
            args: all,
            ddd,
        };
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
