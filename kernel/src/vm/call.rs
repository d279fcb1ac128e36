//! Calls: frames on the goroutine stack, `defer`, `panic` and `recover`.
//!
//! A call of a function with a body:
//!
//! 1. asks the stack model for the callee's frame ([`crate::runtime::stack::Stacks::call`]):
//!    it pushes the return address, runs the prologue check and grows the stack by copying
//!    when it fails; the [`Mover`] copies the bytes and rewrites every frame pointer and
//!    every word of the copied stack that pointed into the old stack (variables and the
//!    frames' stack-allocated objects alike); the callee's context and arguments, and the
//!    VM's tables keyed by stack addresses (maps, `WaitGroup`s, mutexes), follow the move;
//! 2. zeroes the frame, stores the arguments in the parameter slots (parameters that escape
//!    are copied to heap objects, as Go does), and allocates escaping results;
//! 3. runs the body; `return` stores the results in the result slots;
//! 4. runs the deferred calls of this frame in reverse order — also when a panic unwinds
//!    through it. A deferred call that calls `recover()` stops the panic: the function then
//!    returns normally with whatever its (named) results hold;
//! 5. reads the results and pops the frame.
//!
//! A function *value* is a pointer to a closure record whose first word is a code address
//! ([`super::CODE_BASE`] + 16·FuncId); the record itself is passed as the closure context,
//! through which the body reaches its captured variables. Method values use a second code
//! range ([`super::METHOD_VALUE_BASE`]) and keep the receiver after the code word.

use std::ops::Range;
use std::sync::Arc;

use super::panics::RtErr;
use super::value::V;
use super::{Trap, Vm, R};
use crate::ir::{Callee, Expr, ExprKind};
use crate::runtime::stack::StackMover;
use crate::types::FuncId;

thread_local! {
    /// The lowest address the interpreter lets this thread's host stack reach (0: no limit
    /// known). The VM runs Go calls on the host's stack, recursively (see the module header).
    static HOST_STACK_FLOOR: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Host stack kept free below each Go call: what evaluating one call's statements may use
/// before the next call checks again (deeply nested expressions, the collector's work).
const HOST_STACK_MARGIN: usize = 8 << 20;

/// Records that the current thread's host stack has `size` bytes, from about here down.
/// Threads that run Go code call this first.
pub fn enter_host_stack(size: usize) {
    let floor = stack_address().saturating_sub(size) + HOST_STACK_MARGIN;
    HOST_STACK_FLOOR.with(|f| f.set(floor));
}

/// Whether a new Go call would take the host stack below its floor: the host would
/// overflow before the simulated stack reaches its limit.
fn host_stack_exhausted() -> bool {
    let floor = HOST_STACK_FLOOR.with(|f| f.get());
    floor != 0 && stack_address() < floor
}

/// An address in the caller's host stack frame.
#[inline(never)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// One active call on a goroutine.
#[derive(Clone, Debug)]
pub struct FrameRec {
    pub fp: u64,
    pub ctx: u64,
    pub func: FuncId,
    pub defers: Vec<u64>,
    /// This frame is a deferred call run while a panic unwinds (recover works here).
    pub deferred_in_panic: bool,
    pub layout: Option<Arc<super::frame::Layout>>,
    /// Where this frame is: the position of the call it made last (set just before the
    /// callee runs), and the chain of inlined calls it is executing (inlined function and
    /// the position of its call), outermost first. `runtime.Callers` for `testing`.
    pub pos: crate::syntax::Pos,
    pub inl: Vec<(FuncId, crate::syntax::Pos)>,
    /// How this call was made: 0 an ordinary call; a deferred call run at return (1), by
    /// `runtime.Goexit` (2) or by a panic (3).
    pub deferred: u8,
    /// The `used` flags of the frame's append buffers (bit [`super::slicebuf::AppendBuf::flag`]):
    /// SSA values that live in registers or spill slots, which the frame model does not count.
    pub append_used: u64,
}

/// A panic in progress.
#[derive(Clone, Debug)]
pub struct PanicRec {
    /// The panic value as an `interface{}`.
    pub val: V,
    pub recovered: bool,
    /// A runtime error (its message is printed after `panic: `, with `[signal ...]` for nil
    /// dereferences).
    pub rt: Option<RtErr>,
    pub repanicked: bool,
}

/// Moves stack contents when a goroutine's stack grows.
struct Mover<'a> {
    mem: &'a mut crate::runtime::Memory,
    frames: &'a mut Vec<FrameRec>,
    fp: &'a mut u64,
    ctx: &'a mut u64,
    /// Where the used part of the stack was copied to.
    copied: Option<Range<u64>>,
}

impl StackMover for Mover<'_> {
    fn copy(&mut self, from: Range<u64>, to: Range<u64>) {
        let mut b = vec![0u8; (from.end - from.start) as usize];
        let _ = self.mem.read_bytes(from.start, &mut b);
        let _ = self.mem.write_bytes(to.start, &b);
        self.copied = Some(to);
    }
    fn adjust(&mut self, old: Range<u64>, new: Range<u64>) {
        let delta = new.end.wrapping_sub(old.end);
        let fix = |a: u64| {
            if old.contains(&a) {
                a.wrapping_add(delta)
            } else {
                a
            }
        };
        for f in self.frames.iter_mut() {
            f.fp = fix(f.fp);
            f.ctx = fix(f.ctx);
            for d in f.defers.iter_mut() {
                *d = fix(*d);
            }
        }
        // Every word of the copied stack that points into the old stack: frame variables
        // (by their pointer maps) and also the frames' stack-allocated objects (closure
        // records, map headers, backing arrays), whose pointers the maps do not describe.
        if let Some(to) = self.copied.take() {
            let mut a = to.start & !7;
            while a + 8 <= to.end {
                if let Ok(p) = self.mem.read_u64(a) {
                    if old.contains(&p) {
                        let _ = self.mem.write_u64(a, p.wrapping_add(delta));
                    }
                }
                a += 8;
            }
        }
        *self.fp = fix(*self.fp);
        *self.ctx = fix(*self.ctx);
    }
}

impl Vm {
    /// Evaluates a call expression and returns its results.
    pub fn call_expr(&mut self, e: &Expr) -> R<Vec<V>> {
        let ExprKind::Call { callee, args, .. } = &e.kind else {
            return Ok(vec![]);
        };
        match callee {
            Callee::Func(f) => {
                let mut vs = Vec::with_capacity(args.len());
                for a in args {
                    vs.push(self.eval(a)?);
                }
                self.mark_call_pos(e);
                self.call_func(*f, 0, vs)
            }
            Callee::Value(fv) => {
                let f = self.eval(fv)?.w();
                let mut vs = Vec::with_capacity(args.len());
                for a in args {
                    vs.push(self.eval(a)?);
                }
                self.mark_call_pos(e);
                self.call_value(f, vs)
            }
            Callee::Interface { recv, method } => {
                let r = self.eval(recv)?;
                let mut vs = Vec::with_capacity(args.len() + 1);
                vs.push(V::W(0));
                for a in args {
                    vs.push(self.eval(a)?);
                }
                if r.word(0) == 0 {
                    return Err(self.runtime_error(RtErr::NilDeref));
                }
                let dyn_t = self.iface_dyn_type(r.word(0));
                if let Some(s) = self.runtime_error_method(dyn_t, method, &r)? {
                    return Ok(vec![s]);
                }
                let Some(t) = self.find_method(dyn_t, method) else {
                    return Err(Trap::Fatal(format!("gomem: no method {method}")));
                };
                vs[0] = self.method_receiver(&r, dyn_t, &t)?;
                self.mark_call_pos(e);
                self.call_func(t.func, 0, vs)
            }
        }
    }

    /// Records the position of the call about to run in the caller's frame.
    #[inline]
    fn mark_call_pos(&mut self, e: &Expr) {
        let pos = self.src_pos(e);
        if let Some(fr) = self.frames.last_mut() {
            fr.pos = pos;
        }
    }

    /// Where the call `e` is in its own function's source (inlined copies are positioned at
    /// their call site; see [`crate::ir::Program::src_pos`]).
    #[inline]
    pub fn src_pos(&self, e: &Expr) -> crate::syntax::Pos {
        if !self.prog.src_pos.is_empty() {
            if let Some(&p) = self.prog.src_pos.get(&e.id) {
                return p;
            }
        }
        e.pos
    }

    /// Calls the function value `f` (a pointer to a closure record).
    pub fn call_value(&mut self, f: u64, mut args: Vec<V>) -> R<Vec<V>> {
        if f == 0 {
            return Err(self.runtime_error(RtErr::NilDeref));
        }
        let code = self.read_word(f)?;
        if code >= super::METHOD_VALUE_BASE {
            let fid = ((code - super::METHOD_VALUE_BASE) / 16) as FuncId;
            let rt = self.recv_type(fid);
            let recv = self.load(f + 8, rt)?;
            args.insert(0, recv);
            return self.call_func(fid, 0, args);
        }
        let fid = ((code - super::CODE_BASE) / 16) as FuncId;
        self.call_func(fid, f, args)
    }

    /// Calls function `fid` with closure context `ctx`.
    pub fn call_func(&mut self, fid: FuncId, mut ctx: u64, mut args: Vec<V>) -> R<Vec<V>> {
        let prog = self.prog.clone();
        let Some(f) = prog.funcs.get(fid as usize).and_then(|f| f.as_ref()) else {
            return self.call_native(fid, args);
        };
        if !f.has_body || (f.body.is_empty() && f.extern_tags.is_some()) {
            return self.call_native(fid, args);
        }
        self.step()?;
        if host_stack_exhausted() {
            // The host's own stack would overflow before the simulated one: report Go's
            // fatal error (the simulated stack would have exceeded its limit sooner or later).
            let limit = self.stacks.config().max_stack_size;
            return Err(Trap::Fatal(format!(
                "runtime: goroutine stack exceeds {limit}-byte limit\nfatal error: stack overflow"
            )));
        }
        let layout = self.layouts[fid as usize].clone();
        let lay = layout.clone().unwrap_or_else(|| {
            Arc::new(super::frame::Layout {
                locals: 0,
                frame: crate::runtime::stack::Frame::new(0, 0, true),
                ptr_words: vec![],
                scan_mask: Arc::from(Vec::new()),
                captures: Default::default(),
                closure_size: 8,
            })
        });
        // Push the frame. A call is a synchronous safe point: first a shrink the collector
        // asked for while scanning this stack, then the prologue's check for growth.
        let p = self.cur_p();
        if self.gstack.preempt_shrink {
            let mut mover = Mover {
                mem: &mut self.heap.mem,
                frames: &mut self.frames,
                fp: &mut self.fp,
                ctx: &mut self.ctx,
                copied: None,
            };
            if let Some(rel) = self.stacks.safe_point(p, &mut self.gstack, &mut mover) {
                self.stack_moved(&rel, &mut ctx, &mut args);
            }
        }
        {
            let mut mover = Mover {
                mem: &mut self.heap.mem,
                frames: &mut self.frames,
                fp: &mut self.fp,
                ctx: &mut self.ctx,
                copied: None,
            };
            match self.stacks.call(p, &mut self.gstack, lay.frame, &mut mover) {
                Err(ov) => return Err(Trap::Fatal(ov.runtime_output())),
                Ok(Some(rel)) => self.stack_moved(&rel, &mut ctx, &mut args),
                Ok(None) => {}
            }
        }
        let fp = self.gstack.sp;
        let _ = self.heap.mem.zero(fp, lay.locals);
        let saved = (self.fp, self.ctx, self.cur_func);
        self.frames.push(FrameRec {
            fp,
            ctx,
            func: fid,
            defers: Vec::new(),
            deferred_in_panic: self.next_call_is_panic_defer,
            layout: layout.clone(),
            pos: crate::syntax::Pos::default(),
            inl: Vec::new(),
            deferred: std::mem::take(&mut self.defer_mode),
            append_used: 0,
        });
        self.next_call_is_panic_defer = false;
        self.fp = fp;
        self.ctx = ctx;
        self.cur_func = fid;
        let r = self.run_body(f, args);
        // The results now live only in the interpreter's hands, until the caller's
        // statement stores or drops them.
        if let Ok(out) = &r {
            for v in out {
                super::gc::held_heap_words(v, &mut self.coll.young);
            }
        }
        // Pop.
        let rec = self.frames.pop();
        let _ = rec;
        self.stacks.ret(&mut self.gstack, lay.frame);
        // The stack may have moved: the caller's frame is the new top.
        if let Some(top) = self.frames.last() {
            self.fp = top.fp;
            self.ctx = top.ctx;
            self.cur_func = top.func;
        } else {
            (self.fp, self.ctx, self.cur_func) = saved;
        }
        r
    }

    fn run_body(&mut self, f: &crate::ir::Func, args: Vec<V>) -> R<Vec<V>> {
        for (&p, v) in f.params.iter().zip(args) {
            let slot = self.slots[p as usize];
            let t = self.prog.vars[p as usize].ty;
            let mut a = self.fp + slot.off as u64;
            if slot.heap {
                let h = self.malloc(t, 1)?;
                self.write_word(a, h)?;
                a = h;
            }
            self.store(a, t, &v)?;
        }
        for &r in &f.results {
            let slot = self.slots[r as usize];
            if slot.heap {
                let t = self.prog.vars[r as usize].ty;
                let h = self.malloc(t, 1)?;
                self.write_word(self.fp + slot.off as u64, h)?;
            }
        }
        let body_r = self.exec_block(&f.body);
        match body_r {
            Ok(_) => self.run_defers(false)?,
            Err(Trap::Panic) => {
                self.run_defers(true)?;
            }
            Err(Trap::Kill) => {
                // runtime.Goexit (t.FailNow, t.SkipNow): deferred calls still run.
                let saved = std::mem::replace(&mut self.goexiting, true);
                let r = self.run_defers(false);
                self.goexiting = saved;
                r?;
                return Err(Trap::Kill);
            }
            Err(t) => return Err(t),
        }
        let mut out = Vec::with_capacity(f.results.len());
        for &r in &f.results {
            let a = self.var_addr(r)?;
            let t = self.prog.vars[r as usize].ty;
            out.push(self.load(a, t)?);
        }
        Ok(out)
    }

    /// Runs the current frame's deferred calls. With `panicking`, a panic is unwinding: if a
    /// deferred call recovers it, the frame returns normally; otherwise the panic continues.
    fn run_defers(&mut self, mut panicking: bool) -> R<()> {
        while let Some(d) = self.frames.last_mut().and_then(|f| f.defers.pop()) {
            self.next_call_is_panic_defer = panicking;
            self.defer_mode = match (panicking, self.goexiting) {
                (true, _) => 3,
                (false, true) => 2,
                (false, false) => 1,
            };
            match self.call_value(d, vec![]) {
                Ok(_) => {}
                Err(Trap::Panic) => {
                    // A new panic replaces the running one (Go prints both).
                    panicking = true;
                }
                Err(t) => return Err(t),
            }
            self.next_call_is_panic_defer = false;
            if panicking {
                if let Some(p) = self.panics.last() {
                    if p.recovered {
                        self.panics.pop();
                        // Earlier panics that were aborted by this one are done too.
                        self.panics.retain(|p| !p.recovered);
                        panicking = false;
                    }
                }
            }
        }
        if panicking {
            return Err(Trap::Panic);
        }
        Ok(())
    }

    /// The VM's tables keyed by the address of a stack-allocated object (map headers,
    /// `WaitGroup`s, mutexes) follow a stack move.
    /// After the running goroutine's stack moved (growth or shrink): the callee's closure
    /// context and arguments are still in the caller's hands (Go keeps them on the stack,
    /// which the copy adjusts), and side tables keyed by stack addresses move too.
    fn stack_moved(
        &mut self,
        rel: &crate::runtime::stack::Relocation,
        ctx: &mut u64,
        args: &mut [V],
    ) {
        let old = rel.old.lo..rel.old.hi;
        let fix = |a: u64| {
            if old.contains(&a) {
                a.wrapping_add(rel.delta as u64)
            } else {
                a
            }
        };
        *ctx = fix(*ctx);
        self.relocate_side_tables(&old, rel.delta as u64);
        if self.observing() {
            // The stack model recorded the grow or shrink and its copy: stamp them now.
            self.observe_gc();
        }
        for a in args.iter_mut() {
            match a {
                V::W(w) => *w = fix(*w),
                V::B(b) => {
                    for c in b.chunks_exact_mut(8) {
                        let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
                        c.copy_from_slice(&fix(w).to_le_bytes());
                    }
                }
            }
        }
    }

    fn relocate_side_tables(&mut self, old: &Range<u64>, delta: u64) {
        fn rekey<T>(m: &mut rustc_hash::FxHashMap<u64, T>, old: &Range<u64>, delta: u64) {
            let keys: Vec<u64> = m.keys().copied().filter(|k| old.contains(k)).collect();
            for k in keys {
                if let Some(v) = m.remove(&k) {
                    m.insert(k.wrapping_add(delta), v);
                }
            }
        }
        rekey(&mut self.maps.m, old, delta);
        rekey(&mut self.sched.wgs, old, delta);
        rekey(&mut self.sched.mutexes, old, delta);
    }

    pub fn push_defer(&mut self, f: u64) {
        if let Some(fr) = self.frames.last_mut() {
            fr.defers.push(f);
        }
    }

    /// Starts a panic with value `v` (an `interface{}`).
    pub fn start_panic(&mut self, v: V, _rt: bool) -> Trap {
        if v.word(0) == 0 {
            // panic(nil) is a *runtime.PanicNilError since Go 1.21.
            return self.runtime_error(RtErr::PanicNil);
        }
        // Re-panicking with the value just recovered (Go 1.23): one panic, printed as
        // `[recovered, repanicked]`.
        if let Some(last) = self.panics.last_mut() {
            if last.recovered
                && last.rt.is_none()
                && last.val.word(0) == v.word(0)
                && last.val.word(1) == v.word(1)
            {
                last.recovered = false;
                last.repanicked = true;
                return Trap::Panic;
            }
        }
        self.panics.push(PanicRec {
            val: v,
            recovered: false,
            rt: None,
            repanicked: false,
        });
        Trap::Panic
    }

    /// `recover()`: the value of the current panic, if called directly by a deferred call
    /// while panicking.
    pub fn recover(&mut self) -> R<V> {
        let direct = self.frames.last().is_some_and(|f| f.deferred_in_panic);
        if direct {
            if let Some(p) = self.panics.last_mut() {
                if !p.recovered {
                    p.recovered = true;
                    return Ok(p.val.clone());
                }
            }
        }
        Ok(V::words(&[0, 0]))
    }
}
