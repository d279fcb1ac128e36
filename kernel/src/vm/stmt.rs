//! Statements: assignment, control flow, loops, switches.
//!
//! [`Vm::exec_block`] runs statements in order and reports how control leaves the block
//! ([`Flow`]): normally, by `break`/`continue` (with an optional label), by `fallthrough`, or
//! by `return`. Panics, `os.Exit` and fatal errors travel as `Err(Trap)` instead, so every `?`
//! is an unwinding point.
//!
//! Assignments evaluate the right-hand side first, then the addresses on the left, then store,
//! as Go specifies for `a, b = b, a`. A declaration (`Dcl`) of a variable that escape analysis
//! moved to the heap allocates its object right there, so each loop iteration gets a fresh one.

use super::value::V;
use super::{Trap, Vm, R};
use crate::ir::{Assign2Kind, Expr, ExprKind, Stmt, StmtKind};
use crate::syntax::Pos;
use crate::types::{FuncId, Type};

/// How control leaves a statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Flow {
    Normal,
    Break(Option<String>),
    Continue(Option<String>),
    Fallthrough,
    Return,
}

impl Vm {
    pub fn exec_block(&mut self, b: &[Stmt]) -> R<Flow> {
        for s in b {
            let f = self.exec(s)?;
            if f != Flow::Normal {
                return Ok(f);
            }
        }
        Ok(Flow::Normal)
    }

    /// Runs statements that cannot leave the block (init lists).
    pub fn exec_block_plain(&mut self, b: &[Stmt]) -> R<()> {
        self.exec_block(b)?;
        Ok(())
    }

    /// Runs an inlined body: a statement that was a `return` in the original function ends it.
    /// The frame remembers the inlined call (`func` called at `pos`) while it runs.
    /// The arguments are evaluated before the inlined function counts as running (its leading
    /// parameter declarations and assignment).
    pub fn exec_inl_body(&mut self, func: FuncId, pos: Pos, b: &[Stmt]) -> R<()> {
        let mut k = b
            .iter()
            .take_while(|s| matches!(s.kind, StmtKind::Dcl(_)))
            .count();
        if matches!(
            b.get(k).map(|s| &s.kind),
            Some(StmtKind::Assign { define: true, .. } | StmtKind::Assign2 { define: true, .. })
        ) {
            k += 1;
        }
        self.inl_depth += 1;
        let r = self.exec_block(&b[..k]);
        let r = match r {
            Ok(_) => {
                if let Some(fr) = self.frames.last_mut() {
                    fr.pos = pos;
                    fr.inl.push((func, pos));
                }
                let r = self.exec_block(&b[k..]);
                if let Some(fr) = self.frames.last_mut() {
                    fr.inl.pop();
                }
                r
            }
            Err(e) => Err(e),
        };
        self.inl_depth -= 1;
        match r? {
            Flow::Return => Ok(()),
            _ => Ok(()),
        }
    }

    pub fn exec(&mut self, s: &Stmt) -> R<Flow> {
        self.step()?;
        if self.coll.busy {
            self.gc_safe_point()?;
        }
        // What this statement allocates stays a root until it ends (see `vm::gc`); a
        // `return` hands its values on to the caller's statement.
        let held = self.coll.young.len();
        if !self.slice_pass.moves.is_empty() {
            self.move_to_heap(s.id)?;
        }
        let f = self.exec_inner(s);
        if !matches!(s.kind, StmtKind::Return(_)) {
            self.coll.young.truncate(held);
        }
        let f = f?;
        if self.inl_depth > 0 && self.inl_returns.contains(&s.id) {
            return Ok(Flow::Return);
        }
        Ok(f)
    }

    fn exec_inner(&mut self, s: &Stmt) -> R<Flow> {
        match &s.kind {
            StmtKind::Dcl(v) => {
                let slot = self.slots[*v as usize];
                let t = self.prog.vars[*v as usize].ty;
                if slot.home == self.cur_func {
                    let a = self.fp + slot.off as u64;
                    if slot.heap {
                        let h = self.malloc(t, 1)?;
                        self.write_word(a, h)?;
                    } else {
                        let size = self.size_of(t);
                        let _ = self.heap.mem.zero(a, size);
                    }
                }
            }
            StmtKind::Assign { dst, src, .. } => match src {
                None => {
                    if !matches!(dst.kind, ExprKind::Blank) {
                        let a = self.addr(dst)?;
                        let size = self.size_of(dst.ty);
                        let _ = self.heap.mem.zero(a, size);
                    }
                }
                Some(src) => self.assign(dst, src)?,
            },
            StmtKind::AssignOp { op, dst, src, .. } => {
                if let ExprKind::IndexMap { x, key } = &dst.kind {
                    let m = self.eval(x)?.w();
                    let k = self.eval(key)?;
                    let (old, _) = self.map_get(m, x.ty, &k)?;
                    let r = self.eval(src)?;
                    let v = self.binop(*op, old, r, dst.ty, src.ty)?;
                    self.map_set(m, x.ty, &k, &v)?;
                } else {
                    let a = self.addr(dst)?;
                    let old = self.load(a, dst.ty)?;
                    let r = self.eval(src)?;
                    let v = self.binop(*op, old, r, dst.ty, src.ty)?;
                    self.store(a, dst.ty, &v)?;
                }
            }
            StmtKind::Assign2 { kind, lhs, rhs, .. } => {
                let vals: Vec<V> = match kind {
                    Assign2Kind::Pair => {
                        let mut vs = Vec::new();
                        for r in rhs {
                            vs.push(self.eval(r)?);
                        }
                        vs
                    }
                    Assign2Kind::MapR => {
                        let ExprKind::IndexMap { x, key } = &strip(&rhs[0]).kind else {
                            return Err(Trap::Fatal("gomem: internal: comma-ok map".into()));
                        };
                        let m = self.eval(x)?.w();
                        let k = self.eval(key)?;
                        let (v, ok) = self.map_get(m, x.ty, &k)?;
                        vec![v, V::W(ok as u64)]
                    }
                    Assign2Kind::DotType => {
                        let ExprKind::DotType { x, .. } = &strip(&rhs[0]).kind else {
                            return Err(Trap::Fatal("gomem: internal: comma-ok assert".into()));
                        };
                        let v = self.eval(x)?;
                        let (r, ok) = self.type_assert(&v, x.ty, rhs[0].ty, false)?;
                        vec![r, V::W(ok as u64)]
                    }
                    Assign2Kind::Recv => {
                        let ch = match &strip(&rhs[0]).kind {
                            ExprKind::Recv(c) => c,
                            ExprKind::Unary { x, .. } => x,
                            _ => return Err(Trap::Fatal("gomem: internal: comma-ok recv".into())),
                        };
                        let c = self.eval(ch)?.w();
                        let elem = self.tt.elem(ch.ty).unwrap_or(rhs[0].ty);
                        let (v, ok) = self.chan_recv(c, elem)?;
                        vec![v, V::W(ok as u64)]
                    }
                };
                self.assign_values(lhs, vals)?;
            }
            StmtKind::Assign2Func { lhs, call, .. } => {
                let vals = self.eval_multi(call)?;
                self.assign_values(lhs, vals)?;
            }
            StmtKind::Return(vals) => {
                if !vals.is_empty() {
                    let fid = self.cur_func;
                    let results = self.prog.func(fid).results.clone();
                    let vs = if vals.len() == 1 && results.len() > 1 {
                        self.eval_multi(&vals[0])?
                    } else {
                        let mut vs = Vec::new();
                        for v in vals {
                            vs.push(self.eval(v)?);
                        }
                        vs
                    };
                    for (r, v) in results.iter().zip(vs) {
                        let a = self.var_addr(*r)?;
                        let t = self.prog.vars[*r as usize].ty;
                        self.store(a, t, &v)?;
                    }
                }
                return Ok(Flow::Return);
            }
            StmtKind::If { cond, then, els } => {
                return if self.eval(cond)?.w() != 0 {
                    self.exec_block(then)
                } else {
                    self.exec_block(els)
                };
            }
            StmtKind::For { cond, post, body } => {
                let label = self.pending_label.take();
                let held = self.coll.young.len();
                loop {
                    // Every iteration is work (an empty `for {}` too: the instruction budget
                    // and preemption must see it), and what the condition allocated is
                    // dropped from the statement's temporaries.
                    self.step()?;
                    self.coll.young.truncate(held);
                    if let Some(c) = cond {
                        if self.eval(c)?.w() == 0 {
                            break;
                        }
                    }
                    match self.exec_block(body)? {
                        Flow::Break(None) => break,
                        Flow::Break(l) if l == label => break,
                        Flow::Continue(None) => {}
                        Flow::Continue(l) if l == label => {}
                        Flow::Normal => {}
                        other => return Ok(other),
                    }
                    if let Some(p) = post {
                        self.exec(p)?;
                    }
                }
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
            } => {
                let label = self.pending_label.take();
                return self.range(key.as_ref(), value.as_ref(), x, body, label);
            }
            StmtKind::Switch { tag, cases } => {
                let label = self.pending_label.take();
                let tv = match tag {
                    Some(t) => Some((self.eval(t)?, t.ty)),
                    None => None,
                };
                let mut chosen = None;
                'find: for (i, c) in cases.iter().enumerate() {
                    for e in &c.exprs {
                        let v = self.eval(e)?;
                        let hit = match &tv {
                            Some((t, ty)) => {
                                self.compare(crate::syntax::ast::BinaryOp::Eq, t, &v, *ty, e.ty)?
                            }
                            None => v.w() != 0,
                        };
                        if hit {
                            chosen = Some(i);
                            break 'find;
                        }
                    }
                }
                if chosen.is_none() {
                    chosen = cases.iter().position(|c| c.exprs.is_empty());
                }
                if let Some(mut i) = chosen {
                    loop {
                        match self.exec_block(&cases[i].body)? {
                            Flow::Fallthrough if i + 1 < cases.len() => i += 1,
                            Flow::Fallthrough => break,
                            Flow::Break(None) => break,
                            Flow::Break(l) if l == label => break,
                            Flow::Normal => break,
                            other => return Ok(other),
                        }
                    }
                }
            }
            StmtKind::TypeSwitch { x, cases, .. } => {
                let label = self.pending_label.take();
                let v = self.eval(x)?;
                let dyn_t = if v.word(0) == 0 {
                    None
                } else {
                    Some(self.iface_dyn_type(v.word(0)))
                };
                let mut chosen = None;
                'find2: for (i, c) in cases.iter().enumerate() {
                    for t in &c.types {
                        let hit = match (t, dyn_t) {
                            (None, None) => true,
                            (None, Some(_)) | (Some(_), None) => false,
                            (Some(t), Some(d)) => {
                                if self.tt.is_interface(*t) {
                                    self.implements_dyn(d, *t)
                                } else {
                                    self.same_type(*t, d)
                                }
                            }
                        };
                        if hit {
                            chosen = Some(i);
                            break 'find2;
                        }
                    }
                }
                if chosen.is_none() {
                    chosen = cases.iter().position(|c| c.types.is_empty());
                }
                if let Some(i) = chosen {
                    let c = &cases[i];
                    if let Some(var) = c.var {
                        let vt = self.prog.vars[var as usize].ty;
                        // Declare (heap or frame) and bind.
                        let slot = self.slots[var as usize];
                        if slot.heap && slot.home == self.cur_func {
                            let h = self.malloc(vt, 1)?;
                            let a = self.fp + slot.off as u64;
                            self.write_word(a, h)?;
                        }
                        let bound = if v.word(0) == 0 {
                            // `case nil` (or default) on a nil interface: x is the zero value.
                            let (k, sz) = self.kind(vt);
                            super::value::zero(k, sz)
                        } else if self.tt.is_interface(vt) {
                            if v.word(0) == 0 {
                                V::words(&[0, 0])
                            } else {
                                self.iface_convert(&v, vt)
                            }
                        } else {
                            self.unbox(&v, vt)?
                        };
                        let a = self.var_addr(var)?;
                        self.store(a, vt, &bound)?;
                    }
                    match self.exec_block(&c.body)? {
                        Flow::Break(None) => {}
                        Flow::Break(l) if l == label => {}
                        Flow::Normal => {}
                        other => return Ok(other),
                    }
                }
            }
            StmtKind::Send { ch, value } => {
                let c = self.eval(ch)?.w();
                let v = self.eval(value)?;
                let elem = self.tt.elem(ch.ty).unwrap_or(value.ty);
                self.chan_send(c, elem, v)?;
            }
            StmtKind::Expr(e) => {
                self.eval_multi(e)?;
            }
            StmtKind::Panic(e) => {
                let v = self.eval(e)?;
                return Err(self.start_panic(v, false));
            }
            StmtKind::BuiltinStmt { which, args } => self.builtin_stmt(*which, args)?,
            StmtKind::Go(e) => {
                let f = match &e.kind {
                    ExprKind::Call {
                        callee: crate::ir::Callee::Value(f),
                        ..
                    } => self.eval(f)?.w(),
                    ExprKind::Call {
                        callee: crate::ir::Callee::Func(f),
                        ..
                    } => self.static_func(*f),
                    _ => self.eval(e)?.w(),
                };
                self.go(f)?;
            }
            StmtKind::Defer(e) => {
                let f = match &e.kind {
                    ExprKind::Call {
                        callee: crate::ir::Callee::Value(f),
                        ..
                    } => self.eval(f)?.w(),
                    ExprKind::Call {
                        callee: crate::ir::Callee::Func(f),
                        ..
                    } => self.static_func(*f),
                    _ => self.eval(e)?.w(),
                };
                self.push_defer(f);
            }
            StmtKind::Block(b) => return self.exec_block(b),
            StmtKind::Label(l) => self.pending_label = Some(l.clone()),
            StmtKind::Break(l) => return Ok(Flow::Break(l.clone())),
            StmtKind::Continue(l) => return Ok(Flow::Continue(l.clone())),
            StmtKind::Fallthrough => return Ok(Flow::Fallthrough),
        }
        Ok(Flow::Normal)
    }

    fn assign(&mut self, dst: &Expr, src: &Expr) -> R<()> {
        match &dst.kind {
            ExprKind::Blank => {
                self.eval_multi(src)?;
                Ok(())
            }
            ExprKind::IndexMap { x, key } => {
                let m = self.eval(x)?.w();
                let k = self.eval(key)?;
                let v = self.eval(src)?;
                self.map_set(m, x.ty, &k, &v)
            }
            _ => {
                if matches!(src.kind, ExprKind::StructLit(_) | ExprKind::ArrayLit { .. }) {
                    let v = self.eval(src)?;
                    let a = self.addr(dst)?;
                    return self.store(a, dst.ty, &v);
                }
                let v = self.eval(src)?;
                let a = self.addr(dst)?;
                self.store(a, dst.ty, &v)
            }
        }
    }

    pub fn assign_values(&mut self, lhs: &[Expr], vals: Vec<V>) -> R<()> {
        // Go: index expressions and pointer indirections on the left are evaluated first,
        // then the assignments happen left to right.
        let mut targets = Vec::new();
        for l in lhs {
            match &l.kind {
                ExprKind::Blank => targets.push(None),
                ExprKind::IndexMap { x, key } => {
                    let m = self.eval(x)?.w();
                    let k = self.eval(key)?;
                    targets.push(Some((0u64, Some((m, x.ty, k)))));
                }
                _ => targets.push(Some((self.addr(l)?, None))),
            }
        }
        for ((t, v), l) in targets.into_iter().zip(vals).zip(lhs) {
            match t {
                None => {}
                Some((_, Some((m, mt, k)))) => self.map_set(m, mt, &k, &v)?,
                Some((a, None)) => self.store(a, l.ty, &v)?,
            }
        }
        Ok(())
    }

    fn range(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        x: &Expr,
        body: &[Stmt],
        label: Option<String>,
    ) -> R<Flow> {
        let key = key.filter(|k| !matches!(k.kind, ExprKind::Blank));
        let value = value.filter(|k| !matches!(k.kind, ExprKind::Blank));
        macro_rules! body {
            () => {
                self.step()?;
                match self.exec_block(body)? {
                    Flow::Break(None) => break,
                    Flow::Break(l) if l == label => break,
                    Flow::Continue(None) | Flow::Normal => {}
                    Flow::Continue(l) if l == label => {}
                    other => return Ok(other),
                }
            };
        }
        let xt = self.tt.under(x.ty).clone();
        match xt {
            Type::Basic(b) if b.is_integer() || b == crate::types::BasicKind::UntypedInt => {
                let n = self.eval(x)?.w() as i64;
                let mut i = 0i64;
                while i < n {
                    if let Some(k) = key {
                        let a = self.addr(k)?;
                        self.store(a, k.ty, &V::W(i as u64))?;
                    }
                    body!();
                    i += 1;
                }
            }
            Type::Basic(_) => {
                // string: runes
                let s = self.eval(x)?;
                let bytes = self.str_bytes(&s)?;
                let mut i = 0usize;
                while i < bytes.len() {
                    let (r, n) = decode_rune(&bytes[i..]);
                    if let Some(k) = key {
                        let a = self.addr(k)?;
                        self.store(a, k.ty, &V::W(i as u64))?;
                    }
                    if let Some(v) = value {
                        let a = self.addr(v)?;
                        self.store(a, v.ty, &V::W(r as u64))?;
                    }
                    body!();
                    i += n;
                }
            }
            Type::Slice(_) | Type::Array { .. } | Type::Pointer(_) => {
                let (base, len, elem) = match &xt {
                    Type::Slice(e) => {
                        let s = self.eval(x)?;
                        (s.word(0), s.word(1), *e)
                    }
                    Type::Array { len, elem } => {
                        // Ranging over an array copies it (when the value is used).
                        if value.is_some() {
                            let v = self.eval(x)?;
                            let a = self.malloc_tmp(&v, x.ty)?;
                            (a, *len, *elem)
                        } else {
                            (0, *len, *elem)
                        }
                    }
                    Type::Pointer(p) => {
                        let a = self.eval(x)?.w();
                        match self.tt.under(*p) {
                            Type::Array { len, elem } => (a, *len, *elem),
                            _ => (a, 0, *p),
                        }
                    }
                    _ => unreachable!(),
                };
                let es = self.size_of(elem);
                let mut i = 0u64;
                while i < len {
                    if let Some(k) = key {
                        let a = self.addr(k)?;
                        self.store(a, k.ty, &V::W(i))?;
                    }
                    if let Some(v) = value {
                        let val = self.load(base + i * es, elem)?;
                        let a = self.addr(v)?;
                        self.store(a, v.ty, &val)?;
                    }
                    body!();
                    i += 1;
                }
            }
            Type::Map { .. } => {
                let m = self.eval(x)?.w();
                let keys = self.map_keys(m);
                for k in keys {
                    let Some(v) = self.map_lookup_canon(m, &k) else {
                        continue;
                    };
                    let (kv, vv) = v;
                    if let Some(kx) = key {
                        let a = self.addr(kx)?;
                        self.store(a, kx.ty, &kv)?;
                    }
                    if let Some(vx) = value {
                        let a = self.addr(vx)?;
                        self.store(a, vx.ty, &vv)?;
                    }
                    body!();
                }
            }
            Type::Chan { elem, .. } => {
                let c = self.eval(x)?.w();
                loop {
                    let (v, ok) = self.chan_recv(c, elem)?;
                    if !ok {
                        break;
                    }
                    if let Some(k) = key {
                        let a = self.addr(k)?;
                        self.store(a, k.ty, &v)?;
                    }
                    body!();
                }
            }
            _ => return Err(Trap::Fatal("gomem: unsupported range".into())),
        }
        Ok(Flow::Normal)
    }

    /// A temporary heap-less copy of a value (for ranging over an array value).
    fn malloc_tmp(&mut self, v: &V, t: crate::types::TypeId) -> R<u64> {
        let size = self.size_of(t);
        let a = self.rodata_alloc(size, 8);
        self.store(a, t, v)?;
        Ok(a)
    }
}

impl Vm {
    /// `delete`, `close`, `clear`, `print`, `println` as statements.
    fn builtin_stmt(&mut self, which: crate::types::Builtin, args: &[Expr]) -> R<()> {
        use crate::types::Builtin as B;
        match which {
            B::Delete => {
                let m = self.eval(&args[0])?.w();
                let k = self.eval(&args[1])?;
                self.map_delete(m, args[0].ty, &k)
            }
            B::Close => {
                let c = self.eval(&args[0])?.w();
                self.chan_close(c)
            }
            B::Clear => {
                let v = self.eval(&args[0])?;
                match self.tt.under(args[0].ty).clone() {
                    Type::Map { .. } => self.map_clear(v.w()),
                    Type::Slice(e) => {
                        let n = v.word(1) * self.size_of(e);
                        self.zero_mem(v.word(0), n);
                    }
                    _ => {}
                }
                Ok(())
            }
            B::Print | B::Println => {
                let mut parts = Vec::new();
                for a in args {
                    let v = self.eval(a)?;
                    let s = match self.tt.under(a.ty).clone() {
                        Type::Basic(b) => self.print_basic(&v, b)?,
                        Type::Interface(_) => format!("({:#x},{:#x})", v.word(0), v.word(1)),
                        Type::Slice(_) => format!("[{}/{}]{:#x}", v.word(1), v.word(2), v.word(0)),
                        _ => format!("{:#x}", v.w()),
                    };
                    parts.push(s);
                }
                let text = if which == B::Println {
                    format!("{}\n", parts.join(" "))
                } else {
                    parts.concat()
                };
                self.stderr.extend_from_slice(text.as_bytes());
                Ok(())
            }
            _ => {
                for a in args {
                    self.eval_multi(a)?;
                }
                Ok(())
            }
        }
    }
}

fn strip(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Init { x, .. } => strip(x),
        _ => e,
    }
}

/// Decodes one UTF-8 rune like Go's `for range` (invalid bytes give U+FFFD, width 1).
pub fn decode_rune(b: &[u8]) -> (u32, usize) {
    let n = match b[0] {
        0..=0x7f => return (b[0] as u32, 1),
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return (0xfffd, 1),
    };
    if b.len() < n {
        return (0xfffd, 1);
    }
    match std::str::from_utf8(&b[..n]) {
        Ok(s) => (s.chars().next().map_or(0xfffd, |c| c as u32), n),
        Err(_) => (0xfffd, 1),
    }
}

/// The statements of inlined bodies that were `return`s in the callee (the inliner turns
/// `return e` into an assignment to the result variables, so an early return must also end
/// the inlined body). Found by walking each inlined copy in parallel with the callee's body.
pub fn inl_returns(prog: &crate::ir::Program) -> rustc_hash::FxHashSet<crate::ir::StmtId> {
    let mut out = rustc_hash::FxHashSet::default();
    for (f, func) in prog.funcs.iter().enumerate() {
        if func.is_none() {
            continue;
        }
        crate::ir::visit::visit_func(
            prog,
            f as crate::types::FuncId,
            false,
            &mut |_| {},
            &mut |e| {
                if let crate::ir::ExprKind::InlCall { func, body, .. } = &e.kind {
                    if let Some(Some(g)) = prog.funcs.get(*func as usize) {
                        let n = g.body.len();
                        if n <= body.len() {
                            match_returns(&g.body, &body[body.len() - n..], &mut out);
                        }
                    }
                }
            },
        );
    }
    out
}

fn child_lists(s: &Stmt) -> Vec<&[Stmt]> {
    match &s.kind {
        StmtKind::If { then, els, .. } => vec![then, els],
        StmtKind::For { post, body, .. } => {
            let mut v: Vec<&[Stmt]> = vec![body];
            if let Some(p) = post {
                v.push(std::slice::from_ref(p.as_ref()));
            }
            v
        }
        StmtKind::Range { body, .. } => vec![body],
        StmtKind::Switch { cases, .. } | StmtKind::TypeSwitch { cases, .. } => {
            cases.iter().map(|c| c.body.as_slice()).collect()
        }
        StmtKind::Block(list) => vec![list],
        _ => vec![],
    }
}

fn match_returns(orig: &[Stmt], copy: &[Stmt], out: &mut rustc_hash::FxHashSet<crate::ir::StmtId>) {
    if orig.len() != copy.len() {
        return;
    }
    for (o, c) in orig.iter().zip(copy) {
        if matches!(o.kind, StmtKind::Return(_)) {
            out.insert(c.id);
        } else if std::mem::discriminant(&o.kind) == std::mem::discriminant(&c.kind) {
            let (a, b) = (child_lists(o), child_lists(c));
            if a.len() == b.len() {
                for (x, y) in a.into_iter().zip(b) {
                    match_returns(x, y, out);
                }
            }
        }
    }
}
