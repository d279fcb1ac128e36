//! Stack backing stores for `append`, and moving them to the heap (`move2heap`).
//!
//! Go 1.27 builds small slices in the frame. Three pieces of the compiler cooperate, and
//! this module models each of them:
//!
//! 1. **ssagen's stack buffer** (`cmd/compile/internal/ssagen`, `(*state).append`). An
//!    `append` whose result does not escape, of 1 to 32-byte elements, may take a 32-byte
//!    array in the frame (`K = 32 / elemsize` elements) instead of calling `growslice`. There
//!    is one buffer per appended-to slice *variable* (or per append site when the slice is not
//!    a variable), and only the first such append the compiler generates uses it: when the
//!    slice is empty, the new length fits in `K`, and a `used` flag, cleared once at function
//!    entry, is still false. So a loop that rebuilds a slice from `nil` gets the buffer in its
//!    first iteration only; every later growth calls `growslice`, which allocates on the heap.
//! 2. **The slice pass** (`cmd/compile/internal/slice`, after escape analysis). A slice
//!    variable that is only appended to, indexed, resliced and measured, and escapes at one
//!    place outside any loop deeper than its declaration (`return s`, `sink = s`, a range
//!    over it), gets a `move2heap` just before that place; its appends are then treated as
//!    non-escaping (escape analysis' own `-m` verdicts are unchanged — they were printed
//!    before this pass ran).
//! 3. **`move2heap`** (`runtime.moveSlice*`): if the slice points into the current frame, it is
//!    copied to one exact-size heap object (capacity `roundupsize(len)`, or the same capacity
//!    when the program looks at `cap(s)`); otherwise nothing happens. When the program looks at
//!    the capacity, the appends use `growsliceBuf` instead: they keep reusing the buffer while
//!    the slice fits, climbing one size class at a time, so the final move wastes nothing.
//!
//! [`slice_pass`] runs once when the VM starts; the frame layout ([`super::frame`]) reserves
//! the buffers ([`AppendBuf`]); [`Vm::grow_append`] and [`Vm::move_to_heap`] run them.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Vm, R};
use crate::escape;
use crate::ir::{Assign2Kind, Callee, Expr, ExprKind, NodeId, Program, Stmt, StmtId, StmtKind};
use crate::ir::{VarClass, VarId};
use crate::types::{Builtin, Type, TypeId, TypeTable};

/// Go's `base.Debug.VariableMakeThreshold`: the bytes of a stack backing store.
pub const STACK_BUF_BYTES: u64 = 32;

/// A `move2heap` the slice pass inserted before a statement.
#[derive(Clone, Copy, Debug)]
pub struct Move {
    pub var: VarId,
    /// The program observes `cap(s)`: keep the capacity (`moveSlice`) instead of rounding
    /// the length up to a size class (`moveSliceNoCap`).
    pub preserve_cap: bool,
}

/// What the slice pass decided.
#[derive(Debug, Default)]
pub struct SlicePass {
    /// Statements preceded by `s = move2heap(s)`.
    pub moves: HashMap<StmtId, Vec<Move>>,
    /// Appends the pass made non-escaping.
    pub no_escape: HashSet<NodeId>,
    /// Of those, the appends that grow through `growsliceBuf` (capacity observed).
    pub use_buf: HashSet<NodeId>,
}

/// The stack buffer an `append` may use (decided with the frame layout).
#[derive(Clone, Copy, Debug)]
pub struct AppendBuf {
    /// Offset of the buffer in the frame.
    pub off: u32,
    /// Elements it holds (`32 / elemsize`).
    pub k: u64,
    /// Index of the buffer's `used` flag in the frame's record.
    pub flag: u8,
    /// The first append of its slice: the one ssagen gave the buffer (standard strategy).
    pub first: bool,
    /// Grows with `growsliceBuf` (the slice pass saw the capacity used).
    pub use_buf: bool,
}

/// Per tracked slice variable (Go's `sliceInfo`).
#[derive(Default)]
struct Info {
    ok_uses: u32,
    all_uses: u32,
    dropped: bool,
    transition: Option<StmtId>,
    appends: Vec<NodeId>,
    append_weight: u32,
    decl_depth: u32,
    cap_used: bool,
}

/// Runs Go's slice pass over every function.
pub fn slice_pass(prog: &Program, tt: &TypeTable, esc: &escape::Output) -> SlicePass {
    let mut out = SlicePass::default();
    for f in prog.funcs.iter().flatten() {
        let mut a = Analysis {
            prog,
            tt,
            esc,
            infos: HashMap::default(),
            named_rets: Vec::new(),
            depth: 0,
        };
        for &v in &f.dcl {
            let var = &prog.vars[v as usize];
            let Type::Slice(elem) = tt.under(var.ty) else {
                continue;
            };
            if tt.size_of(*elem) > STACK_BUF_BYTES {
                continue;
            }
            a.infos.insert(v, Info::default());
            if var.class == VarClass::ParamOut {
                a.named_rets.push(v);
            }
        }
        if a.infos.is_empty() {
            continue;
        }
        for s in &f.body {
            a.stmt(s);
        }
        // Commit, in declaration order like the compiler.
        for &v in &f.dcl {
            let Some(i) = a.infos.remove(&v) else {
                continue;
            };
            if i.dropped || i.ok_uses != i.all_uses || i.append_weight < 2 {
                continue;
            }
            // Never leaves the function: the ordinary non-escaping append handles it.
            let Some(at) = i.transition else {
                continue;
            };
            out.moves.entry(at).or_default().insert(
                0,
                Move {
                    var: v,
                    preserve_cap: i.cap_used,
                },
            );
            for &ap in &i.appends {
                out.no_escape.insert(ap);
                if i.cap_used {
                    out.use_buf.insert(ap);
                }
            }
        }
    }
    out
}

struct Analysis<'a> {
    prog: &'a Program,
    tt: &'a TypeTable,
    esc: &'a escape::Output,
    infos: HashMap<VarId, Info>,
    named_rets: Vec<VarId>,
    depth: u32,
}

impl Analysis<'_> {
    /// The tracked variable `e` names, if any.
    fn tracked(&mut self, e: &Expr) -> Option<&mut Info> {
        match e.kind {
            ExprKind::Name(v) => self.infos.get_mut(&v).filter(|i| !i.dropped),
            _ => None,
        }
    }

    fn ok(&mut self, e: &Expr) -> bool {
        match self.tracked(e) {
            Some(i) => {
                i.ok_uses += 1;
                true
            }
            None => false,
        }
    }

    /// Records the exclusive → shared transition of `v` at statement `at`. A second one, or
    /// one in a loop deeper than the declaration, ends the tracking.
    fn transition(&mut self, v: VarId, at: StmtId) {
        let depth = self.depth;
        if let Some(i) = self.infos.get_mut(&v) {
            if i.transition.is_some() || depth > i.decl_depth {
                i.dropped = true;
            } else {
                i.transition = Some(at);
            }
        }
    }

    /// `x = y` inside statement `at` (Go's `assign`).
    fn assign(&mut self, x: &Expr, y: Option<&Expr>, at: StmtId) {
        let depth = self.depth;
        if let Some(i) = self.tracked(x) {
            let ExprKind::Name(s) = x.kind else {
                unreachable!("tracked names a variable")
            };
            match y.map(|y| &y.kind) {
                None | Some(ExprKind::Nil) => i.ok_uses += 1,
                Some(ExprKind::SliceLit { .. }) => {
                    i.ok_uses += 1;
                    i.cap_used = true;
                }
                Some(ExprKind::Slice { x: base, .. }) if matches!(base.kind, ExprKind::Name(b) if b == s) =>
                {
                    i.ok_uses += 2;
                    i.cap_used = true;
                }
                Some(ExprKind::Append { args, .. }) if matches!(args[0].kind, ExprKind::Name(b) if b == s) =>
                {
                    i.ok_uses += 2;
                    i.appends.push(y.map_or(0, |y| y.id));
                    i.append_weight += 1 + depth.saturating_sub(i.decl_depth);
                }
                _ => {}
            }
        }
        if let Some(y) = y {
            if self.ok(y) {
                if let ExprKind::Name(v) = y.kind {
                    self.transition(v, at);
                }
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Dcl(v) => {
                let depth = self.depth;
                if let Some(i) = self.infos.get_mut(v) {
                    i.ok_uses += 1;
                    i.all_uses += 1; // the declaration names the variable
                    i.decl_depth = depth;
                }
            }
            StmtKind::Assign { dst, src, .. } => {
                self.assign(dst, src.as_ref(), s.id);
                self.expr(dst);
                if let Some(y) = src {
                    self.expr(y);
                }
            }
            StmtKind::Assign2 { kind, lhs, rhs, .. } => {
                if *kind == Assign2Kind::Pair && lhs.len() == rhs.len() {
                    for (x, y) in lhs.iter().zip(rhs) {
                        self.assign(x, Some(y), s.id);
                    }
                }
                for e in lhs.iter().chain(rhs) {
                    self.expr(e);
                }
            }
            StmtKind::Return(es) => {
                for x in es {
                    if self.ok(x) {
                        if let ExprKind::Name(v) = x.kind {
                            self.transition(v, s.id);
                        }
                    }
                }
                if es.is_empty() {
                    for v in self.named_rets.clone() {
                        self.transition(v, s.id);
                    }
                }
                for x in es {
                    self.expr(x);
                }
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
            } => {
                // A range keeps a pointer to the backing store (Go issue 79909).
                if self.ok(x) {
                    if let ExprKind::Name(v) = x.kind {
                        self.transition(v, s.id);
                    }
                }
                self.depth += 1;
                self.expr(x);
                for e in [key, value].into_iter().flatten() {
                    self.expr(e);
                }
                self.stmts(body);
                self.depth -= 1;
            }
            StmtKind::For { cond, post, body } => {
                self.depth += 1;
                if let Some(c) = cond {
                    self.expr(c);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.stmts(body);
                self.depth -= 1;
            }
            _ => {
                // Every other statement: its expressions and nested statements, as is.
                let mut exprs: Vec<&Expr> = Vec::new();
                let mut nested: Vec<&Stmt> = Vec::new();
                direct_parts(s, &mut exprs, &mut nested);
                for e in exprs {
                    self.expr(e);
                }
                for n in nested {
                    self.stmt(n);
                }
            }
        }
    }

    fn stmts(&mut self, b: &[Stmt]) {
        for s in b {
            self.stmt(s);
        }
    }

    /// An expression: counts its uses of tracked variables.
    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(v) => {
                if let Some(i) = self.infos.get_mut(v) {
                    i.all_uses += 1;
                }
            }
            ExprKind::Index { x, .. } => {
                self.ok(x);
            }
            ExprKind::Builtin {
                which: which @ (Builtin::Len | Builtin::Cap),
                args,
            } => {
                if let Some(i) = args.first().and_then(|x| self.tracked(x)) {
                    i.ok_uses += 1;
                    if *which == Builtin::Cap {
                        i.cap_used = true;
                    }
                }
            }
            ExprKind::Addr { x, .. } => {
                // `&s[i]` (through fields and arrays) points into the backing store.
                let mut x = x.as_ref();
                loop {
                    match &x.kind {
                        ExprKind::Dot { x: inner, .. } => x = inner,
                        ExprKind::Index { x: inner, .. }
                            if matches!(self.tt.under(inner.ty), Type::Array { .. }) =>
                        {
                            x = inner
                        }
                        ExprKind::Index { x: inner, .. } => {
                            if let Some(i) = self.tracked(inner) {
                                i.dropped = true;
                            }
                            break;
                        }
                        _ => break,
                    }
                }
            }
            ExprKind::Call {
                callee: Callee::Func(f),
                args,
                ..
            } => {
                for (idx, arg) in args.iter().enumerate() {
                    if self.tracked(arg).is_some()
                        && !self.esc.leaks_of(self.prog, self.tt, *f, idx).any()
                    {
                        let i = self.tracked(arg).expect("tracked");
                        i.ok_uses += 1;
                        i.cap_used = true;
                    }
                }
            }
            ExprKind::Closure(f) => {
                for v in &self.prog.func(*f).closure_vars {
                    if let Some(i) = self.infos.get_mut(v) {
                        i.all_uses += 1;
                    }
                }
            }
            ExprKind::InlCall { results, .. } => {
                for r in results {
                    if let Some(i) = self.infos.get_mut(r) {
                        i.all_uses += 1;
                    }
                }
            }
            _ => {}
        }
        if let Some(stmts) = e.nested_stmts() {
            self.stmts(stmts);
        }
        e.for_each_child(&mut |c| self.expr(c));
    }
}

/// The expressions and nested statements of a statement the pass treats generically.
fn direct_parts<'a>(s: &'a Stmt, exprs: &mut Vec<&'a Expr>, nested: &mut Vec<&'a Stmt>) {
    match &s.kind {
        StmtKind::AssignOp { dst, src, .. } => exprs.extend([dst, src]),
        StmtKind::Assign2Func { lhs, call, .. } => {
            exprs.extend(lhs);
            exprs.push(call)
        }
        StmtKind::BuiltinStmt { args, .. } => exprs.extend(args),
        StmtKind::If { cond, then, els } => {
            exprs.push(cond);
            nested.extend(then.iter().chain(els));
        }
        StmtKind::Switch { tag, cases } => {
            exprs.extend(tag);
            for c in cases {
                exprs.extend(&c.exprs);
                nested.extend(&c.body);
            }
        }
        StmtKind::TypeSwitch { x, cases, .. } => {
            exprs.push(x);
            for c in cases {
                nested.extend(&c.body);
            }
        }
        StmtKind::Send { ch, value } => exprs.extend([ch, value]),
        StmtKind::Expr(e) | StmtKind::Panic(e) | StmtKind::Go(e) | StmtKind::Defer(e) => {
            exprs.push(e)
        }
        StmtKind::Block(b) => nested.extend(b),
        _ => {}
    }
}

// ----- the frame side: which appends get a buffer ------------------------------------------

/// The stack buffers of one function's appends: for each append site that ssagen gives a
/// buffer (its result does not escape, it appends a fixed number of 1..=32-byte elements,
/// and it is not an in-place `x = append(x, ...)` on memory), the buffer of its slice.
/// Buffers are laid out from `off`; returns the sites and the bytes used.
pub fn layout_buffers(vm: &Vm, f: &crate::ir::Func, off: u64) -> (Vec<(NodeId, AppendBuf)>, u64) {
    let prog = &vm.prog;
    let tt = &vm.tt;
    let not_ssa = not_ssa_vars(prog, f, &vm.heap_vars);
    // Appends written back in place to memory: `p.s = append(p.s, x)`.
    let mut inplace: HashSet<NodeId> = HashSet::default();
    // Fixed-count appends in the order ssagen generates them: (site, type, buffer key).
    let mut sites: Vec<(NodeId, TypeId, AppendKey)> = Vec::new();
    let mut visit_stmt = |s: &Stmt| {
        if let StmtKind::Assign {
            dst,
            src: Some(src),
            ..
        } = &s.kind
        {
            if let ExprKind::Append { args, .. } = &src.kind {
                if same_safe_expr(dst, &args[0]) && !can_ssa(tt, dst, &not_ssa) {
                    inplace.insert(src.id);
                }
            }
        }
    };
    crate::ir::visit::visit_func(prog, f.id, false, &mut visit_stmt, &mut |e| {
        if let ExprKind::Append { args, ddd: false } = &e.kind {
            let key = match args[0].kind {
                ExprKind::Name(v) => AppendKey::Var(v),
                _ => AppendKey::Node(args[0].id),
            };
            sites.push((e.id, e.ty, key));
        }
    });
    let mut keys: HashMap<AppendKey, AppendBuf> = HashMap::default();
    let mut out = Vec::new();
    let mut end = off;
    for (id, ty, key) in sites {
        let elem = tt.elem(ty).unwrap_or(ty);
        let es = tt.size_of(elem);
        if es == 0 || es > STACK_BUF_BYTES || vm.heap_sites.contains(&id) || inplace.contains(&id) {
            continue;
        }
        let use_buf = vm.slice_pass.use_buf.contains(&id);
        let buf = match keys.get(&key) {
            Some(b) => AppendBuf {
                first: false,
                use_buf,
                ..*b
            },
            None => {
                if keys.len() >= 64 {
                    continue; // no flag left in the frame record's mask
                }
                let k = STACK_BUF_BYTES / es;
                end = end.div_ceil(8) * 8;
                let b = AppendBuf {
                    off: end as u32,
                    k,
                    flag: keys.len() as u8,
                    first: true,
                    use_buf,
                };
                end += k * es;
                keys.insert(key, b);
                b
            }
        };
        out.push((id, buf));
    }
    (out, end)
}

/// What identifies a stack buffer: the appended-to variable, or the operand node.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum AppendKey {
    Var(VarId),
    Node(NodeId),
}

/// Variables of `f` that cannot live in registers (ssagen's `canSSAName`): moved to the heap,
/// address taken (explicitly, by a method call, or by a closure capturing them by reference),
/// and the results of a function with `defer`.
fn not_ssa_vars(prog: &Program, f: &crate::ir::Func, heap_vars: &HashSet<VarId>) -> HashSet<VarId> {
    let mut out: HashSet<VarId> = f
        .dcl
        .iter()
        .copied()
        .filter(|v| heap_vars.contains(v))
        .collect();
    let mut has_defer = false;
    crate::ir::visit::visit_func(
        prog,
        f.id,
        false,
        &mut |s| has_defer |= matches!(s.kind, StmtKind::Defer(_)),
        &mut |e| match &e.kind {
            ExprKind::Addr { x, .. } => {
                let mut x = x.as_ref();
                while let ExprKind::Dot { x: inner, .. } | ExprKind::Index { x: inner, .. } =
                    &x.kind
                {
                    x = inner;
                }
                if let ExprKind::Name(v) = x.kind {
                    out.insert(v);
                }
            }
            ExprKind::Closure(g) => out.extend(prog.func(*g).closure_vars.iter().copied()),
            _ => {}
        },
    );
    if has_defer {
        out.extend(f.results.iter().copied());
    }
    out
}

/// ssagen's `canSSA`: `x` (through struct fields and array elements) is a variable that can
/// live in registers.
fn can_ssa(tt: &TypeTable, x: &Expr, not_ssa: &HashSet<VarId>) -> bool {
    let mut x = x;
    loop {
        match &x.kind {
            ExprKind::Dot { x: inner, .. } => x = inner,
            ExprKind::Index { x: inner, .. }
                if matches!(tt.under(inner.ty), Type::Array { .. }) =>
            {
                x = inner
            }
            _ => break,
        }
    }
    match x.kind {
        ExprKind::Name(v) => !not_ssa.contains(&v) && ssa_type(tt, x.ty),
        _ => false,
    }
}

/// `ssa.CanSSA` for a type: at most 4 words, structs of at most 4 SSA-able fields, arrays of
/// at most one SSA-able element.
fn ssa_type(tt: &TypeTable, t: TypeId) -> bool {
    if tt.size_of(t) > 32 {
        return false;
    }
    match tt.under(t) {
        Type::Array { len, elem } => *len <= 1 && ssa_type(tt, *elem),
        Type::Struct(fs) => fs.len() <= 4 && fs.iter().all(|f| ssa_type(tt, f.ty)),
        _ => true,
    }
}

/// `ir.SameSafeExpr`: two side-effect-free expressions denoting the same memory.
fn same_safe_expr(a: &Expr, b: &Expr) -> bool {
    match (&a.kind, &b.kind) {
        (ExprKind::Name(x), ExprKind::Name(y)) | (ExprKind::Global(x), ExprKind::Global(y)) => {
            x == y
        }
        (ExprKind::Dot { x, field: f }, ExprKind::Dot { x: y, field: g })
        | (ExprKind::DotPtr { x, field: f }, ExprKind::DotPtr { x: y, field: g }) => {
            f == g && same_safe_expr(x, y)
        }
        (ExprKind::Deref { x, .. }, ExprKind::Deref { x: y, .. }) => same_safe_expr(x, y),
        (ExprKind::Index { x, index: i }, ExprKind::Index { x: y, index: j }) => {
            same_safe_expr(x, y) && same_safe_expr(i, j)
        }
        (ExprKind::Literal { value: x, .. }, ExprKind::Literal { value: y, .. }) => x == y,
        _ => false,
    }
}

// ----- the runtime side ---------------------------------------------------------------------

impl Vm {
    /// `append` beyond capacity at site `site`: the slice `(p, len, cap)` must hold `newlen`
    /// elements of `elem`. Returns the new backing array and capacity (the old elements copied).
    pub fn grow_append(
        &mut self,
        site: NodeId,
        elem: TypeId,
        (p, len, cap): (u64, u64, u64),
        newlen: u64,
    ) -> R<(u64, u64)> {
        let es = self.size_of(elem);
        // The old elements may already be in the buffer the new array gets: read them first.
        let old = self.read_bytes(p, len * es)?;
        if let Some(b) = self.append_bufs.get(&site).copied() {
            let buf = self.fp + b.off as u64;
            if b.use_buf && newlen <= b.k {
                // growsliceBuf: stay in the buffer, at the next size class of the length.
                let newcap =
                    super::alloc::roundupsize(newlen * es, !self.tt.has_pointers(elem)) / es;
                self.write_bytes(buf, &old)?;
                self.zero_mem(buf + len * es, (newcap - len) * es);
                return Ok((buf, newcap));
            }
            if !b.use_buf && b.first && newlen <= b.k && len == 0 && !self.append_buf_used(b) {
                // The first append of the slice in this call takes the whole buffer.
                if let Some(fr) = self.frames.last_mut() {
                    fr.append_used |= 1 << b.flag;
                }
                self.zero_mem(buf, b.k * es);
                return Ok((buf, b.k));
            }
        }
        // growslice: a new heap array.
        let newcap = self.grow_cap(elem, cap, newlen);
        let np = self.malloc(elem, newcap)?;
        self.write_bytes(np, &old)?;
        Ok((np, newcap))
    }

    fn append_buf_used(&self, b: AppendBuf) -> bool {
        self.frames
            .last()
            .is_some_and(|fr| fr.append_used & (1 << b.flag) != 0)
    }

    /// The `s = move2heap(s)` statements the slice pass put before statement `at`.
    pub fn move_to_heap(&mut self, at: StmtId) -> R<()> {
        let Some(moves) = self.slice_pass.moves.get(&at).cloned() else {
            return Ok(());
        };
        let locals = self
            .frames
            .last()
            .and_then(|fr| fr.layout.as_ref())
            .map_or(0, |l| l.locals);
        for m in moves {
            let t = self.prog.vars[m.var as usize].ty;
            let elem = self.tt.elem(t).unwrap_or(t);
            let es = self.size_of(elem);
            if es == 0 || es > STACK_BUF_BYTES {
                continue;
            }
            let a = self.var_addr(m.var)?;
            let s = self.load(a, t)?;
            let (p, len, cap) = (s.word(0), s.word(1), s.word(2));
            if !(self.fp..self.fp + locals).contains(&p) {
                continue; // not in this frame: already on the heap (or a caller's)
            }
            let noscan = !self.tt.has_pointers(elem);
            // runtime.moveSlice / moveSliceNoCap (and their NoScan twins).
            let keep = if m.preserve_cap { cap } else { len };
            let (np, ncap) = if keep == 0 {
                (crate::runtime::ZEROBASE, 0)
            } else {
                let ncap = if m.preserve_cap {
                    cap
                } else {
                    super::alloc::roundupsize(len * es, noscan) / es
                };
                let np = self.malloc(elem, ncap)?;
                self.memmove(np, p, keep * es)?;
                (np, ncap)
            };
            let moved = super::value::V::words(&[np, if keep == 0 { 0 } else { len }, ncap]);
            self.store(a, t, &moved)?;
        }
        Ok(())
    }
}
