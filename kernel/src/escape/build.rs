//! Building the location graph from IR statements and expressions.
//!
//! Each statement is turned into flows between holes and locations, following the rules of
//! the Go compiler (its `stmt.go`, `expr.go`, `call.go` and `assign.go`):
//!
//! - `x = y`: `y` is evaluated into `x`'s hole. Storing through a pointer, into a slice element,
//!   or into a map evaluates into the **heap** hole instead, and the container flows to the
//!   mutator.
//! - `&x` evaluates `x` one address-of shallower; `*p`, `p.f` and `s[i]` one dereference deeper.
//! - Allocating expressions spill: they get a location whose address flows to the context.
//! - `return e` assigns `e` to the result parameters.
//! - A call of a known function assigns each argument according to the callee's parameter tag
//!   (or directly to its parameters, inside a recursive batch); unknown callees leak everything.
//! - `go` sends its closure to the heap; a top-level `defer` keeps it on the stack; a `defer`
//!   inside a loop sends it to the heap.

use super::graph::*;
use super::leaks::NUM_ESC_RESULTS;
use super::Batch;
use crate::ir::{Assign2Kind, Callee, Expr, ExprKind, Stmt, StmtKind};
use crate::types::{Builtin, FuncId, Type};

impl<'a> Batch<'a, '_> {
    pub(super) fn stmts(&mut self, list: &'a [Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    /// A nested block: loop depth changes inside it are undone afterwards.
    fn block(&mut self, list: &'a [Stmt]) {
        let old = self.loop_depth;
        self.stmts(list);
        self.loop_depth = old;
    }

    fn stmt_note(&self, k: Hole, s: &'a Stmt, why: &'static str) -> Hole {
        self.note_text(k, || (self.pr.stmt(s), s.pos), why)
    }

    fn expr_note(&self, k: Hole, e: &'a Expr, why: &'static str) -> Hole {
        self.note_text(k, || (self.pr.expr(e), e.pos), why)
    }

    fn stmt(&mut self, s: &'a Stmt) {
        if self.prog.static_init.contains(&s.id) {
            return;
        }
        match &s.kind {
            StmtKind::Dcl(v) => {
                let l = self.old_loc(*v);
                self.locs[l].loop_depth = self.loop_depth;
            }
            StmtKind::Label(_)
            | StmtKind::Break(_)
            | StmtKind::Continue(_)
            | StmtKind::Fallthrough => {}
            StmtKind::Block(list) => self.stmts(list),
            StmtKind::If { cond, then, els } => {
                self.discard(cond);
                self.block(then);
                self.block(els);
            }
            StmtKind::For { cond, post, body } => {
                self.loop_depth += 1;
                if let Some(c) = cond {
                    self.discard(c);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.block(body);
                self.loop_depth -= 1;
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
            } => {
                let tmp = self.new_loc(LocNode::None, true);
                self.expr(Hole::to(tmp), x);
                self.loop_depth += 1;
                let ks = vec![self.addr(key.as_ref()), self.addr(value.as_ref())];
                let is_array = matches!(
                    self.tt.types[self.tt.underlying(x.ty) as usize],
                    Type::Array { .. }
                );
                let k1 = if is_array {
                    self.stmt_note(ks[1].clone(), s, "range")
                } else {
                    let k = ks[1].clone().shift(1);
                    self.stmt_note(k, s, "range-deref")
                };
                self.flow(k1, tmp);
                self.reassigned(&ks, s, true);
                self.block(body);
                self.loop_depth -= 1;
            }
            StmtKind::Switch { tag, cases } => {
                if let Some(t) = tag {
                    self.discard(t);
                }
                for c in cases {
                    for e in &c.exprs {
                        self.discard(e);
                    }
                    self.block(&c.body);
                }
            }
            StmtKind::TypeSwitch { x, bind, cases } => {
                let mut ks = Vec::new();
                if *bind {
                    for c in cases {
                        let Some(v) = c.var else { continue };
                        let l = self.old_loc(v);
                        self.locs[l].loop_depth = self.loop_depth;
                        let ty = self.prog.var(v).ty;
                        if self.tt.has_pointers(ty) {
                            let mut k = Hole::to(l);
                            if !self.tt.is_interface(ty) && !self.tt.is_pointer_shaped(ty) {
                                k = k.shift(1);
                            }
                            ks.push(self.note_text(k, || ("case".into(), c.pos), "switch case"));
                        }
                    }
                }
                let k = self.tee(ks);
                self.expr(k, x);
                for c in cases {
                    self.block(&c.body);
                }
            }
            StmtKind::Send { ch, value } => {
                self.discard(ch);
                let k = self.stmt_note(Hole::to(HEAP), s, "send");
                self.expr(k, value);
            }
            StmtKind::Assign { dst, src, .. } => {
                self.assign_list(std::slice::from_ref(dst), &[src.as_ref()], "assign", s);
            }
            StmtKind::AssignOp { dst, src, .. } => {
                self.assign_list(std::slice::from_ref(dst), &[Some(src)], "assign", s);
            }
            StmtKind::Assign2 { kind, lhs, rhs, .. } => {
                let why = match kind {
                    Assign2Kind::Pair => "assign-pair",
                    Assign2Kind::DotType => "assign-pair-dot-type",
                    Assign2Kind::MapR => "assign-pair-mapr",
                    Assign2Kind::Recv => "assign-pair-receive",
                };
                let srcs: Vec<Option<&'a Expr>> = rhs.iter().map(Some).collect();
                self.assign_list(lhs, &srcs, why, s);
            }
            StmtKind::Assign2Func { lhs, call, .. } => {
                let ks: Vec<Hole> = lhs.iter().map(|l| self.addr(Some(l))).collect();
                self.call(Some(ks.clone()), call);
                self.reassigned(&ks, s, false);
            }
            StmtKind::Return(results) => {
                let res = &self.prog.func(self.curfn).results;
                let dsts: Vec<Expr> = res
                    .iter()
                    .map(|&r| Expr {
                        id: 0,
                        pos: s.pos,
                        ty: self.prog.var(r).ty,
                        kind: ExprKind::Name(r),
                    })
                    .collect();
                let ks: Vec<Hole> = dsts.iter().map(|d| self.addr_owned(d)).collect();
                for (i, k) in ks.iter().enumerate() {
                    if let Some(src) = results.get(i) {
                        let k = self.stmt_note(k.clone(), s, "return");
                        self.expr(k, src);
                    }
                }
                self.reassigned(&ks, s, false);
            }
            StmtKind::Expr(e) => self.call(None, e),
            StmtKind::Panic(x) => {
                let k = self.stmt_note(Hole::to(HEAP), s, "call parameter");
                self.expr(k, x);
            }
            StmtKind::BuiltinStmt { which, args } => match which {
                Builtin::Clear => {
                    for a in args {
                        self.expr(Hole::to(MUTATOR), a);
                    }
                }
                _ => {
                    for a in args {
                        self.discard(a);
                    }
                }
            },
            StmtKind::Go(call) | StmtKind::Defer(call) => {
                let is_defer = matches!(s.kind, StmtKind::Defer(_));
                let mut k = Hole::to(HEAP);
                if is_defer && self.loop_depth == 1 {
                    k = self.later(Hole::to(BLANK));
                }
                match &call.kind {
                    ExprKind::Call {
                        callee: Callee::Value(f),
                        ..
                    } => self.expr(k, f),
                    ExprKind::Call {
                        callee: Callee::Func(_),
                        ..
                    } => {}
                    _ => self.call(None, call),
                }
            }
        }
    }

    pub(super) fn discard(&mut self, e: &'a Expr) {
        self.expr(Hole::to(BLANK), e)
    }

    /// The hole for storing into `dst` (Go's `escape.addr`).
    fn addr(&mut self, dst: Option<&'a Expr>) -> Hole {
        let Some(n) = dst else { return Hole::to(BLANK) };
        match &n.kind {
            ExprKind::Blank => Hole::to(BLANK),
            ExprKind::Name(v) => Hole::to(self.old_loc(*v)),
            ExprKind::Global(_) => Hole::to(HEAP),
            ExprKind::Dot { x, .. } => self.addr(Some(x)),
            ExprKind::Index { x, index } => {
                self.discard(index);
                if self.is_array(x.ty) {
                    self.addr(Some(x))
                } else {
                    self.expr(Hole::to(MUTATOR), x);
                    Hole::to(HEAP)
                }
            }
            ExprKind::Deref { x, .. } | ExprKind::DotPtr { x, .. } => {
                self.expr(Hole::to(MUTATOR), x);
                Hole::to(HEAP)
            }
            ExprKind::IndexMap { x, key } => {
                self.discard(x);
                let k = self.expr_note(Hole::to(HEAP), n, "key of map put");
                self.expr(k, key);
                Hole::to(HEAP)
            }
            _ => Hole::to(HEAP),
        }
    }

    /// `addr` for a synthesised result-parameter name.
    fn addr_owned(&mut self, n: &Expr) -> Hole {
        match &n.kind {
            ExprKind::Name(v) => Hole::to(self.old_loc(*v)),
            _ => Hole::to(HEAP),
        }
    }

    fn is_array(&self, t: crate::types::TypeId) -> bool {
        matches!(
            self.tt.types[self.tt.underlying(t) as usize],
            Type::Array { .. }
        )
    }

    fn assign_list(
        &mut self,
        dsts: &'a [Expr],
        srcs: &[Option<&'a Expr>],
        why: &'static str,
        s: &'a Stmt,
    ) {
        let ks: Vec<Hole> = dsts.iter().map(|d| self.addr(Some(d))).collect();
        for (i, k) in ks.iter().enumerate() {
            let src = srcs.get(i).copied().flatten();
            let mut k = k.clone();
            if let Some(src) = src {
                if super::oracle::is_self_assign(&dsts[i], src) {
                    let msg = format!(
                        "{} ignoring self-assignment in {}",
                        self.func_name(self.curfn),
                        self.pr.stmt(s)
                    );
                    let f = self.curfn;
                    self.emit(s.pos, msg, super::DiagKind::SelfAssignment, f);
                    k = Hole::to(BLANK);
                }
                let k = self.stmt_note(k, s, why);
                self.expr(k, src);
            }
        }
        self.reassigned(&ks, s, false);
    }

    /// Marks assigned variables as reassigned, except at their own declaration.
    fn reassigned(&mut self, ks: &[Hole], s: &'a Stmt, is_range: bool) {
        if let StmtKind::Assign {
            dst: Expr {
                kind: ExprKind::Name(v),
                ..
            },
            src: None,
            ..
        } = &s.kind
        {
            if self.prog.var(*v).defn.is_none() {
                return;
            }
        }
        for k in ks {
            let loc = &self.locs[k.dst];
            if let LocNode::Var(v) = loc.n {
                if self.prog.var(v).defn == Some(s.id) && !is_range {
                    continue;
                }
            }
            self.locs[k.dst].reassigned = true;
        }
    }

    fn spill(&mut self, k: Hole, n: &'a Expr) -> Hole {
        let loc = self.new_loc(LocNode::Expr(n), false);
        let k = self.expr_note(k.shift(-1), n, "spill");
        self.flow(k, loc);
        Hole::to(loc)
    }

    pub(super) fn expr(&mut self, mut k: Hole, n: &'a Expr) {
        // Values without pointers cannot carry addresses anywhere.
        if k.derefs >= 0 && !self.tt.is_untyped(n.ty) && !self.tt.has_pointers(n.ty) {
            k.dst = BLANK;
        }
        match &n.kind {
            ExprKind::Literal { .. }
            | ExprKind::Nil
            | ExprKind::MethodExpr(_)
            | ExprKind::FuncName(_)
            | ExprKind::Blank => {}
            ExprKind::Global(_) => {}
            ExprKind::Name(v) => {
                let l = self.old_loc(*v);
                self.flow(k, l);
            }
            ExprKind::Init { init, x } => {
                self.stmts(init);
                self.expr(k, x);
            }
            ExprKind::Unary { x, .. } => self.discard(x),
            ExprKind::Binary { x, y, .. } => {
                self.discard(x);
                self.discard(y);
            }
            ExprKind::Addr { x, .. } => {
                let k = self.expr_note(k.shift(-1), n, "address-of");
                self.expr(k, x);
            }
            ExprKind::Deref { x, .. } => {
                let k = self.expr_note(k.shift(1), n, "indirection");
                self.expr(k, x);
            }
            ExprKind::Dot { x, .. } => {
                let k = self.expr_note(k, n, "dot");
                self.expr(k, x);
            }
            ExprKind::DotPtr { x, .. } => {
                let k = self.expr_note(k.shift(1), n, "dot of pointer");
                self.expr(k, x);
            }
            ExprKind::DotType { x, .. } => {
                let mut k = k;
                if !self.tt.is_interface(n.ty) && !self.tt.is_pointer_shaped(n.ty) {
                    k = k.shift(1);
                }
                let k = self.expr_note(k, n, "dot");
                self.expr(k, x);
            }
            ExprKind::Index { x, index } => {
                if self.is_array(x.ty) {
                    let k = self.expr_note(k, n, "fixed-array-index-of");
                    self.expr(k, x);
                } else {
                    let k = self.expr_note(k.shift(1), n, "dot of pointer");
                    self.expr(k, x);
                }
                self.discard(index);
            }
            ExprKind::IndexMap { x, key } => {
                self.discard(x);
                self.discard(key);
            }
            ExprKind::Slice { x, lo, hi, max } => {
                let k = self.expr_note(k, n, "slice");
                self.expr(k, x);
                for e in [lo, hi, max].into_iter().flatten() {
                    self.discard(e);
                }
            }
            ExprKind::Conv { x, .. } => self.expr(k, x),
            ExprKind::ConvIface { x, .. } => {
                let mut k = k;
                if !self.tt.is_interface(x.ty) && !self.tt.is_pointer_shaped(x.ty) {
                    k = self.spill(k, n);
                }
                let k = self.expr_note(k, n, "interface-converted");
                self.expr(k, x);
            }
            ExprKind::Recv(x) => self.discard(x),
            ExprKind::Call { .. }
            | ExprKind::InlCall { .. }
            | ExprKind::Builtin { .. }
            | ExprKind::Append { .. }
            | ExprKind::Copy { .. } => self.call(Some(vec![k]), n),
            ExprKind::New => {
                self.spill(k, n);
            }
            ExprKind::MakeSlice { len, cap } => {
                self.spill(k, n);
                self.discard(len);
                if let Some(c) = cap {
                    self.discard(c);
                }
            }
            ExprKind::MakeChan { size } => {
                if let Some(s) = size {
                    self.discard(s);
                }
            }
            ExprKind::MakeMap { hint } => {
                self.spill(k, n);
                if let Some(h) = hint {
                    self.discard(h);
                }
            }
            ExprKind::MethodValue { x, method, .. } => {
                let closure_k = self.spill(k, n);
                // The method's results are assumed to reach the heap.
                let nres = self.method_results(n.ty);
                let ks: Vec<Hole> = (0..nres).map(|_| Hole::to(HEAP)).collect();
                let param_k = match method {
                    Some(f) => self.tag_hole(Some(&ks), Some(*f), 0),
                    None => Hole::to(HEAP),
                };
                let k = self.tee(vec![param_k, closure_k]);
                self.expr(k, x);
            }
            ExprKind::PtrLit(x) => {
                let k = self.spill(k, n);
                self.expr(k, x);
            }
            ExprKind::ArrayLit { elems, .. } => {
                for e in elems {
                    let k = self.expr_note(k.clone(), n, "array literal element");
                    self.expr(k, e);
                }
            }
            ExprKind::SliceLit { elems, .. } => {
                let k = self.spill(k, n);
                for e in elems {
                    let k = self.expr_note(k.clone(), n, "slice-literal-element");
                    self.expr(k, e);
                }
            }
            ExprKind::StructLit(fields) => {
                for (_, e) in fields {
                    let k = self.expr_note(k.clone(), n, "struct literal element");
                    self.expr(k, e);
                }
            }
            ExprKind::MapLit(kvs) => {
                self.spill(k, n);
                for (key, v) in kvs {
                    let hk = self.expr_note(Hole::to(HEAP), n, "map literal key");
                    self.expr(hk, key);
                    let hv = self.expr_note(Hole::to(HEAP), n, "map literal value");
                    self.expr(hv, v);
                }
            }
            ExprKind::Closure(f) => {
                let k = self.spill(k, n);
                self.closures.push((k, *f));
                let fid = *f;
                let func = self.prog.func(fid);
                for &cv in &func.closure_vars {
                    let l = self.old_loc(cv);
                    if !self.locs[l].captured {
                        self.locs[l].captured = true;
                        // Reassignments in straight-line code before the capture, at the same
                        // loop depth, don't count.
                        if self.locs[l].loop_depth == self.loop_depth {
                            self.locs[l].reassigned = false;
                        }
                    }
                }
                // A real closure is analysed right here, as part of its enclosing function; a
                // literal that captures nothing was analysed on its own beforehand.
                if func.is_closure() {
                    let saved = self.curfn;
                    self.curfn = fid;
                    for &v in &func.dcl {
                        if !self.var_loc.contains_key(&v) {
                            self.new_loc(LocNode::Var(v), true);
                        }
                    }
                    self.curfn = saved;
                    self.walk_func(fid);
                }
            }
            ExprKind::Bytes2Str(x)
            | ExprKind::Runes2Str(x)
            | ExprKind::Str2Bytes(x)
            | ExprKind::Str2Runes(x)
            | ExprKind::RuneStr(x) => {
                self.spill(k, n);
                self.discard(x);
            }
            ExprKind::AddStr(list) => {
                self.spill(k, n);
                for e in list {
                    self.discard(e);
                }
            }
        }
    }

    fn method_results(&self, fty: crate::types::TypeId) -> usize {
        match &self.tt.types[self.tt.underlying(fty) as usize] {
            Type::Func(sig) => sig.results.len(),
            _ => 0,
        }
    }

    /// Evaluates a call; `ks` are the holes for its results (`None` when discarded).
    pub(super) fn call(&mut self, ks: Option<Vec<Hole>>, n: &'a Expr) {
        match &n.kind {
            ExprKind::Call { callee, args, .. } => {
                let fns: Vec<FuncId> = match callee {
                    Callee::Func(f) => vec![*f],
                    Callee::Value(v) => self.static_callees(v),
                    Callee::Interface { .. } => vec![],
                };
                if let Some(ks) = &ks {
                    for &f in &fns {
                        if self.in_mutual_batch(f) {
                            let results = self.prog.func(f).results.clone();
                            for (i, r) in results.iter().enumerate() {
                                if let Some(k) = ks.get(i) {
                                    let l = self.old_loc(*r);
                                    self.flow(k.clone(), l);
                                }
                            }
                        }
                    }
                }
                match callee {
                    Callee::Func(_) => {}
                    Callee::Value(v) => {
                        let mut callee_k = Hole::to(BLANK);
                        if fns.is_empty() {
                            if let Some(ks) = &ks {
                                if ks.iter().any(|k| k.dst != BLANK) {
                                    callee_k =
                                        self.expr_note(Hole::to(CALLEE), n, "callee operand");
                                }
                            }
                        }
                        self.expr(callee_k, v);
                    }
                    Callee::Interface { recv, .. } => {
                        let k = self.expr_note(Hole::to(HEAP), n, "call parameter");
                        self.expr(k, recv);
                    }
                }
                for (i, a) in args.iter().enumerate() {
                    let k = if fns.is_empty() {
                        Hole::to(HEAP)
                    } else {
                        let holes: Vec<Hole> = fns
                            .iter()
                            .map(|&f| self.tag_hole(ks.as_ref(), Some(f), i))
                            .collect();
                        self.tee(holes)
                    };
                    let k = self.expr_note(k, n, "call parameter");
                    self.expr(k, a);
                }
            }
            ExprKind::InlCall { body, results, .. } => {
                self.stmts(body);
                for (i, &r) in results.iter().enumerate() {
                    let k = ks
                        .as_ref()
                        .and_then(|ks| ks.get(i).cloned())
                        .unwrap_or(Hole::to(BLANK));
                    let l = self.old_loc(r);
                    self.flow(k, l);
                }
            }
            ExprKind::Append { args, ddd } => {
                let k0 = ks
                    .as_ref()
                    .map(|ks| ks[0].clone())
                    .unwrap_or(Hole::to(BLANK));
                let mut appendee_k = self.tee(vec![k0.clone(), Hole::to(MUTATOR)]);
                let elem = self.tt.elem(args[0].ty).unwrap_or(0);
                if self.tt.has_pointers(elem) {
                    let hk = self.expr_note(Hole::to(HEAP).shift(1), n, "appendee slice");
                    appendee_k = self.tee(vec![appendee_k, hk]);
                }
                let ak = self.expr_note(appendee_k, n, "call parameter");
                self.expr(ak, &args[0]);
                if *ddd {
                    let mut appended = Hole::to(BLANK);
                    if let Some(a1) = args.get(1) {
                        let is_slice = matches!(
                            self.tt.types[self.tt.underlying(a1.ty) as usize],
                            Type::Slice(_)
                        );
                        if is_slice && self.tt.has_pointers(self.tt.elem(a1.ty).unwrap_or(0)) {
                            appended =
                                self.expr_note(Hole::to(HEAP).shift(1), n, "appended slice...");
                        }
                        let k = self.expr_note(appended, n, "call parameter");
                        self.expr(k, a1);
                    }
                } else {
                    for a in &args[1..] {
                        let k = self.expr_note(Hole::to(HEAP), n, "call parameter");
                        self.expr(k, a);
                    }
                }
                let backing = self.spill(k0, n);
                self.locs[backing.dst].loop_depth = 0;
            }
            ExprKind::Copy { dst, src } => {
                let k = self.expr_note(Hole::to(MUTATOR), n, "call parameter");
                self.expr(k, dst);
                let mut copied = Hole::to(BLANK);
                let is_slice = matches!(
                    self.tt.types[self.tt.underlying(src.ty) as usize],
                    Type::Slice(_)
                );
                if is_slice && self.tt.has_pointers(self.tt.elem(src.ty).unwrap_or(0)) {
                    copied = self.expr_note(Hole::to(HEAP).shift(1), n, "copied slice");
                }
                let k = self.expr_note(copied, n, "call parameter");
                self.expr(k, src);
            }
            ExprKind::Builtin { which, args } => match which {
                Builtin::Min | Builtin::Max => {
                    let k0 = ks
                        .as_ref()
                        .map(|ks| ks[0].clone())
                        .unwrap_or(Hole::to(BLANK));
                    for a in args {
                        let k = self.expr_note(k0.clone(), n, "call parameter");
                        self.expr(k, a);
                    }
                }
                Builtin::Panic => {
                    for a in args {
                        let k = self.expr_note(Hole::to(HEAP), n, "call parameter");
                        self.expr(k, a);
                    }
                }
                Builtin::Clear => {
                    for a in args {
                        self.expr(Hole::to(MUTATOR), a);
                    }
                }
                _ => {
                    for a in args {
                        self.discard(a);
                    }
                }
            },
            ExprKind::Recv(x) => self.discard(x),
            _ => {
                let k = ks
                    .and_then(|k| k.into_iter().next())
                    .unwrap_or(Hole::to(BLANK));
                self.expr(k, n);
            }
        }
    }

    /// Functions a function value is statically known to be (`f := g; f()`), as Go's
    /// `ReassignOracle` finds them.
    fn static_callees(&mut self, v: &'a Expr) -> Vec<FuncId> {
        let fnid = self.outermost(self.curfn);
        let prog = self.prog;
        let oracle = self.oracle(fnid);
        match &oracle.static_value(prog, v).kind {
            ExprKind::FuncName(f) | ExprKind::MethodExpr(f) => vec![*f],
            ExprKind::Name(var) => oracle.func_assignments(*var).unwrap_or_default(),
            _ => vec![],
        }
    }

    pub(super) fn outermost(&self, mut f: FuncId) -> FuncId {
        while let Some(o) = self.prog.func(f).outer {
            f = o;
        }
        f
    }

    /// The hole an argument goes to, from the callee's tag for parameter `i` (receiver first).
    pub(super) fn tag_hole(&mut self, ks: Option<&Vec<Hole>>, f: Option<FuncId>, i: usize) -> Hole {
        let Some(f) = f else { return Hole::to(HEAP) };
        if self.in_mutual_batch(f) {
            let params = &self.prog.func(f).params;
            return match params.get(i) {
                Some(&p) => {
                    let name = &self.prog.var(p).name;
                    if name == "_" || name.starts_with("~p") {
                        Hole::to(BLANK)
                    } else {
                        let l = self.old_loc(p);
                        Hole::to(l)
                    }
                }
                None => Hole::to(BLANK),
            };
        }
        let esc = self.leaks_of(f, i);
        let mut tag_ks = Vec::new();
        if let Some(x) = esc.heap_level() {
            tag_ks.push(Hole::to(HEAP).shift(x));
        }
        if let Some(x) = esc.mutator() {
            tag_ks.push(Hole::to(MUTATOR).shift(x));
        }
        if let Some(x) = esc.callee() {
            tag_ks.push(Hole::to(CALLEE).shift(x));
        }
        if let Some(ks) = ks {
            for r in 0..NUM_ESC_RESULTS {
                if let (Some(x), Some(k)) = (esc.result(r), ks.get(r)) {
                    tag_ks.push(k.clone().shift(x));
                }
            }
        }
        self.tee(tag_ks)
    }

    /// The leak summary of parameter `i` of `f` (see [`Output::leaks_of`]).
    fn leaks_of(&self, f: FuncId, i: usize) -> super::leaks::Leaks {
        self.out.leaks_of(self.prog, self.tt, f, i)
    }

    /// Closures capture small, never-reassigned, never-address-taken variables by value;
    /// everything else by reference (the closure holds `&x`).
    pub(super) fn flow_closure(&mut self, k: Hole, f: FuncId) {
        let func = self.prog.func(f);
        for &cv in &func.closure_vars {
            let l = self.old_loc(cv);
            let var = self.prog.var(cv);
            let byval = !self.locs[l].addrtaken
                && !self.locs[l].reassigned
                && self.tt.size_of(var.ty) <= super::MAX_BYVAL_CAPTURE;
            if self.opts.explain {
                let how = if byval { "value" } else { "ref" };
                let outer = self.locs[l].curfn;
                let line = format!(
                    "{} capturing by {how}: {} (addr={} assign={} width={})",
                    self.func_name(outer),
                    var.name,
                    self.locs[l].addrtaken,
                    self.locs[l].reassigned,
                    self.tt.size_of(var.ty)
                );
                self.out.explain.push((var.pos, line));
            }
            let mut kk = k.clone();
            if !byval {
                kk = kk.shift(-1);
                self.locs[l].addrtaken = true;
            }
            let kk = self.note_text(kk, || (var.name.clone(), var.pos), "captured by a closure");
            self.flow(kk, l);
        }
    }
}
