//! Frames: where each function's variables and stack temporaries live.
//!
//! Before the program starts, every function gets a [`Layout`], computed from its `dcl` list
//! (parameters, results, locals and temporaries, including those inlining appended):
//!
//! 1. each variable gets a slot at an offset aligned to its type; a variable escape analysis
//!    moved to the heap gets an 8-byte slot that will hold the pointer to its heap object
//!    (Go keeps exactly such a pointer, `&x`, in the frame);
//! 2. each allocation site that does *not* escape (`new(T)`, `&T{}`, a non-escaping `make`,
//!    slice literal, closure, interface box, or a string conversion's 32-byte temporary
//!    buffer) gets a slot of its own — reused by every execution of that site, exactly like
//!    the compiler's stack temporaries; appended-to slices get one 32-byte backing store each
//!    ([`super::slicebuf`]);
//! 3. the frame size is Go's `$framesize` rule ([`crate::runtime::stack::frame_size`]): the
//!    locals rounded up to 8 bytes, plus 8 for the saved frame pointer when the function has a
//!    frame or makes calls (argument spill areas are not modelled: Go's register ABI passes
//!    most arguments in registers);
//! 4. the pointer map lists the frame words that hold pointers (what the GC will scan and what
//!    stack growth adjusts).
//!
//! A closure's layout also records its captured variables: a closure record is
//! `[code pointer, captures...]`; a capture is the variable's address (by reference) when the
//! variable lives on the heap or the closure does not escape, and a copy of the value (by
//! value) otherwise — escape analysis guarantees that an escaping closure only captures by
//! reference variables that were moved to the heap.

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use super::{Slot, Vm, GLOBALS_BASE};
use crate::ir::{Callee, Expr, ExprKind, NodeId, Stmt, VarId};
use crate::runtime::stack::Frame;
use crate::types::{FuncId, Type};

/// The frame of one function.
#[derive(Clone, Debug)]
pub struct Layout {
    /// Bytes of locals (variables and stack temporaries).
    pub locals: u64,
    pub frame: Frame,
    /// Frame words (offset / 8) that hold pointers.
    pub ptr_words: Vec<u32>,
    /// The frame's stack map for the collector: one bit per word of the locals, set for the
    /// pointer words of variables and for every word of the stack temporaries (their types
    /// vary from one use of a slot to the next, so they are scanned conservatively).
    pub scan_mask: Arc<[u64]>,
    /// For closures: captured variable → (offset in the closure record, by reference).
    pub captures: HashMap<VarId, (u32, bool)>,
    /// Size of the closure record.
    pub closure_size: u64,
}

/// Marker for globals in [`Slot::home`].
pub const GLOBAL_HOME: u32 = u32::MAX;

fn align_up(x: u64, a: u64) -> u64 {
    x.div_ceil(a.max(1)) * a.max(1)
}

/// Assigns frame slots to every variable and non-escaping allocation site, and static slots
/// to globals.
pub fn assign_slots(vm: &mut Vm) {
    let prog = vm.prog.clone();
    let tt = vm.tt.clone();
    vm.slots = vec![Slot::default(); prog.vars.len()];
    vm.layouts = vec![None; prog.funcs.len()];
    // The closure expressions that make each function value. A closure copied by the inliner
    // keeps its original's `closure_expr`, so look at the copies' own expressions.
    let mut closure_sites: HashMap<FuncId, Vec<crate::ir::NodeId>> = HashMap::default();
    for f in prog.funcs.iter().flatten() {
        crate::ir::visit::visit_func(&prog, f.id, false, &mut |_| {}, &mut |e| {
            if let ExprKind::Closure(g) = e.kind {
                closure_sites.entry(g).or_default().push(e.id);
            }
        });
    }
    // Globals.
    let mut goff = 0u64;
    for (i, v) in prog.vars.iter().enumerate() {
        if v.class == crate::ir::VarClass::Global {
            let size = tt.size_of(v.ty);
            goff = align_up(goff, tt.align_of(v.ty).max(1));
            vm.slots[i] = Slot {
                off: goff as u32,
                heap: false,
                home: GLOBAL_HOME,
            };
            goff += size.max(1);
        }
    }
    let mut global_ptrs = Vec::new();
    for (i, v) in prog.vars.iter().enumerate() {
        if v.class == crate::ir::VarClass::Global {
            let base = vm.slots[i].off as u64;
            if base.is_multiple_of(8) {
                for w in super::alloc::pointer_words(&tt, v.ty) {
                    global_ptrs.push((base / 8 + w) as u32);
                }
            }
        }
    }
    let gwords = goff.div_ceil(8);
    vm.coll.globals = (gwords, scan_mask(&global_ptrs, gwords, gwords));
    let glen = align_up(goff.max(1), 8192);
    vm.heap.mem.map(GLOBALS_BASE, glen, "data");
    for f in prog.funcs.iter().flatten() {
        let mut off = 0u64;
        let mut ptr_words = Vec::new();
        for &v in &f.dcl {
            let var = &prog.vars[v as usize];
            let heap = vm.heap_vars.contains(&v);
            let (size, align) = if heap {
                (8, 8)
            } else {
                (tt.size_of(var.ty), tt.align_of(var.ty).max(1))
            };
            off = align_up(off, align);
            vm.slots[v as usize] = Slot {
                off: off as u32,
                heap,
                home: f.id,
            };
            if heap {
                ptr_words.push((off / 8) as u32);
            } else {
                for w in super::alloc::pointer_words(&tt, var.ty) {
                    ptr_words.push((off / 8 + w) as u32);
                }
            }
            off += size;
        }
        // Non-escaping allocation sites.
        let mut sites: Vec<(NodeId, u64)> = Vec::new();
        let mut has_calls = false;
        let mut visit = |e: &Expr| {
            if matches!(e.kind, ExprKind::Call { .. }) {
                has_calls = true;
            }
            if vm.heap_sites.contains(&e.id) {
                return;
            }
            if let Some(n) = stack_site_size(vm, e) {
                sites.push((e.id, n));
            }
        };
        for s in &f.body {
            walk_stmt(s, &mut visit);
        }
        let sites_start = off;
        for (id, n) in sites {
            off = align_up(off, 8);
            vm.site_slots.insert(id, off as u32);
            vm.site_caps.insert(id, n);
            off += n;
        }
        // The appends' stack buffers (see `super::slicebuf`).
        let (bufs, end) = super::slicebuf::layout_buffers(vm, f, off);
        vm.append_bufs.extend(bufs);
        off = end;
        let locals = align_up(off, 8);
        let frame = Frame::new(locals, 0, has_calls || !f.closure_vars.is_empty());
        // Captures.
        let mut captures = HashMap::default();
        let mut coff = 8u64;
        if !f.closure_vars.is_empty() {
            let escapes = match closure_sites.get(&f.id) {
                Some(sites) => sites.iter().any(|c| vm.heap_sites.contains(c)),
                None => f.closure_expr.is_some_and(|c| vm.heap_sites.contains(&c)),
            };
            for &v in &f.closure_vars {
                let var = &prog.vars[v as usize];
                let byref = vm.heap_vars.contains(&v) || !escapes;
                let (size, align) = if byref {
                    (8, 8)
                } else {
                    (tt.size_of(var.ty), tt.align_of(var.ty).max(1))
                };
                coff = align_up(coff, align);
                captures.insert(v, (coff as u32, byref));
                coff += size;
            }
        }
        let scan_mask = scan_mask(&ptr_words, sites_start / 8, locals / 8);
        vm.layouts[f.id as usize] = Some(Arc::new(Layout {
            locals,
            frame,
            ptr_words,
            scan_mask,
            captures,
            closure_size: align_up(coff, 8),
        }));
    }
}

/// One bit per frame word: the pointer words, and every word in `[conservative_from, words)`.
pub fn scan_mask(ptr_words: &[u32], conservative_from: u64, words: u64) -> Arc<[u64]> {
    let mut mask = vec![0u64; words.div_ceil(64) as usize];
    let mut set = |w: u64| {
        if w < words {
            mask[(w / 64) as usize] |= 1 << (w % 64);
        }
    };
    for &w in ptr_words {
        set(w as u64);
    }
    for w in conservative_from..words {
        set(w);
    }
    mask.into()
}

/// Bytes of frame space a non-escaping allocation site needs (None: not an allocation).
fn stack_site_size(vm: &Vm, e: &Expr) -> Option<u64> {
    let tt = &vm.tt;
    let elem_size = |t| match tt.under(t) {
        Type::Pointer(p) | Type::Slice(p) => tt.size_of(*p),
        _ => 0,
    };
    match &e.kind {
        ExprKind::New => Some(elem_size(e.ty)),
        ExprKind::PtrLit(x) => Some(tt.size_of(x.ty)),
        ExprKind::SliceLit { len, .. } => Some(elem_size(e.ty) * len),
        ExprKind::MakeSlice { len, cap } => {
            let n = cap.as_deref().unwrap_or(len);
            match &n.kind {
                ExprKind::Literal {
                    value: crate::types::ConstValue::Int(c),
                    ..
                } => Some(elem_size(e.ty) * (*c).max(0) as u64),
                _ => Some(32),
            }
        }
        ExprKind::MakeMap { .. } | ExprKind::MapLit(_) => {
            Some(super::maps::stack_map_bytes(tt, e.ty))
        }
        ExprKind::ConvIface { x, .. } => Some(tt.size_of(x.ty)),
        ExprKind::AddStr(_)
        | ExprKind::Bytes2Str(_)
        | ExprKind::Str2Bytes(_)
        | ExprKind::Runes2Str(_)
        | ExprKind::RuneStr(_) => Some(32),
        ExprKind::Str2Runes(_) => Some(128),
        ExprKind::Closure(fid) => Some(closure_size_guess(vm, *fid)),
        ExprKind::MethodValue { x, .. } => Some(8 + tt.size_of(x.ty).max(16)),
        _ => None,
    }
}

fn closure_size_guess(vm: &Vm, fid: FuncId) -> u64 {
    let Some(f) = vm.prog.funcs.get(fid as usize).and_then(|f| f.as_ref()) else {
        return 8;
    };
    let mut n = 8;
    for &v in &f.closure_vars {
        n += align_up(vm.tt.size_of(vm.prog.vars[v as usize].ty), 8).max(8);
    }
    n
}

/// Visits every expression of a statement (not descending into closure bodies).
pub fn walk_stmt(s: &Stmt, f: &mut dyn FnMut(&Expr)) {
    use crate::ir::StmtKind::*;
    let we = |e: &crate::ir::Expr, f: &mut dyn FnMut(&crate::ir::Expr)| walk_expr(e, f);
    match &s.kind {
        Dcl(_) | Label(_) | Break(_) | Continue(_) | Fallthrough => {}
        Assign { dst, src, .. } => {
            we(dst, f);
            if let Some(s) = src {
                we(s, f)
            }
        }
        AssignOp { dst, src, .. } => {
            we(dst, f);
            we(src, f)
        }
        Assign2 { lhs, rhs, .. } => {
            for e in lhs.iter().chain(rhs) {
                we(e, f)
            }
        }
        Assign2Func { lhs, call, .. } => {
            for e in lhs {
                we(e, f)
            }
            we(call, f)
        }
        Return(es) | BuiltinStmt { args: es, .. } => {
            for e in es {
                we(e, f)
            }
        }
        If { cond, then, els } => {
            we(cond, f);
            for s in then.iter().chain(els) {
                walk_stmt(s, f)
            }
        }
        For { cond, post, body } => {
            if let Some(c) = cond {
                we(c, f)
            }
            if let Some(p) = post {
                walk_stmt(p, f)
            }
            for s in body {
                walk_stmt(s, f)
            }
        }
        Range {
            key,
            value,
            x,
            body,
        } => {
            for e in [key, value].into_iter().flatten() {
                we(e, f)
            }
            we(x, f);
            for s in body {
                walk_stmt(s, f)
            }
        }
        Switch { tag, cases } => {
            if let Some(t) = tag {
                we(t, f)
            }
            for c in cases {
                for e in &c.exprs {
                    we(e, f)
                }
                for s in &c.body {
                    walk_stmt(s, f)
                }
            }
        }
        TypeSwitch { x, cases, .. } => {
            we(x, f);
            for c in cases {
                for s in &c.body {
                    walk_stmt(s, f)
                }
            }
        }
        Send { ch, value } => {
            we(ch, f);
            we(value, f)
        }
        Expr(e) | Panic(e) | Go(e) | Defer(e) => we(e, f),
        Block(b) => {
            for s in b {
                walk_stmt(s, f)
            }
        }
    }
}

pub fn walk_expr(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    if let Some(stmts) = e.nested_stmts() {
        for s in stmts {
            walk_stmt(s, f);
        }
    }
    if let ExprKind::Call {
        callee: Callee::Value(_) | Callee::Interface { .. },
        ..
    } = &e.kind
    {
        // children visited below
    }
    e.for_each_child(&mut |c| walk_expr(c, f));
}
