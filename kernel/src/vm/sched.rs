//! Goroutines, channels and the scheduler: deterministic, preemptive, one goroutine at a time.
//!
//! `go f()` creates a goroutine and makes it runnable; it gets its own stack from the stack
//! allocator ([`crate::runtime::stack::Stacks::new_goroutine`]) when it first runs. The VM evaluates
//! Go calls recursively on the host's stack, so each goroutine gets a host thread of its own;
//! exactly one of them holds the *baton* and touches the VM at any time, so the machine stays
//! single-threaded and every run is deterministic. A switch saves the running goroutine's
//! state (frames, panics, stack, frame pointer) into its record, loads the next one's and
//! hands it the baton.
//!
//! The run queue follows Go's with one P: a goroutine made ready (by `go`, or woken by a
//! channel operation, a `WaitGroup` or a `Mutex`) goes into `runnext`, kicking the previous
//! `runnext` to the tail of the queue; `runtime.Gosched` and preemption (every
//! [`super::RunOptions::preempt_every`] steps) put the running goroutine at the tail.
//! `time.Sleep` parks on a timer of the virtual clock; when nothing else can run, the clock
//! jumps to the earliest timer. When nothing can run and no timer is pending, every goroutine
//! is asleep: Go's `fatal error: all goroutines are asleep - deadlock!`.
//!
//! Channels are `hchan` objects allocated on the heap exactly as `runtime.makechan` does (a
//! 112-byte header, with the buffer in the same object when the element type has no
//! pointers); the VM keeps their buffered values and their queues of parked senders and
//! receivers. An unbuffered send blocks until a receiver takes the value, a buffered one
//! while the buffer is full; `close` wakes every parked receiver (zero value, `ok == false`)
//! and makes parked senders panic. `sync.Mutex` (and `RWMutex`, treated as exclusive) hands
//! the lock to the oldest waiter on unlock.
//!
//! When `main` returns, the program ends: parked goroutines' threads are released and unwind
//! without touching the VM. A goroutine that panics (or calls `os.Exit`, or exhausts a limit)
//! ends the program the same way, and its panic is reported.
//!
//! Limitation: GOMAXPROCS only selects the P whose mcache allocates.

use rustc_hash::FxHashMap as HashMap;
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex};

use super::call::{FrameRec, PanicRec};
use super::panics::RtErr;
use super::value::V;
use super::{Trap, Vm, R};
use crate::runtime::stack::GStack;
use crate::types::TypeId;

const HCHAN_SIZE: u64 = 112;
/// Host stack of a goroutine's thread (reserved, committed as used).
const GOROUTINE_HOST_STACK: usize = 256 << 20;

/// What woke a parked goroutine.
#[derive(Debug)]
pub enum Wake {
    Recv(V),
    RecvClosed,
    SendOk,
    SendClosed,
}

#[derive(Default, Debug)]
pub struct Chan {
    pub buf: VecDeque<V>,
    pub cap: u64,
    pub closed: bool,
    pub recvq: VecDeque<u64>,
    pub sendq: VecDeque<(u64, V)>,
}

/// The saved state of a goroutine that is not running.
pub struct GState {
    pub(super) gstack: GStack,
    pub(super) frames: Vec<FrameRec>,
    pub(super) panics: Vec<PanicRec>,
    fp: u64,
    pub(super) ctx: u64,
    cur_func: crate::types::FuncId,
    panic_defer: bool,
    inl_depth: u32,
    /// Values the goroutine's unfinished statements hold outside memory (see [`super::gc`]).
    pub(super) young: Vec<u64>,
    /// The function value a goroutine that has not run yet will call.
    pub(super) start_fn: u64,
}

/// Where a goroutine's host thread waits for the baton: 0 wait, 1 run, 2 exit.
#[derive(Default)]
pub struct Gate {
    m: Mutex<u8>,
    cv: Condvar,
}

impl Gate {
    fn open(&self, v: u8) {
        let mut g = self.m.lock().unwrap_or_else(|e| e.into_inner());
        *g = v;
        self.cv.notify_one();
    }
    /// Waits for the baton; false if the program is ending.
    fn wait(&self) -> bool {
        let mut g = self.m.lock().unwrap_or_else(|e| e.into_inner());
        while *g == 0 {
            g = self.cv.wait(g).unwrap_or_else(|e| e.into_inner());
        }
        let run = *g == 1;
        if run {
            *g = 0;
        }
        run
    }
}

/// The panic payload that unwinds a released goroutine's host thread.
struct KillToken;

/// A goroutine other than main ended the program.
pub struct Abort {
    trap: Trap,
    panics: Vec<PanicRec>,
}

#[derive(Default)]
pub struct MutexState {
    held: i64,
    waiters: VecDeque<u64>,
}

#[derive(Default)]
pub struct Sched {
    pub runnext: Option<u64>,
    pub runq: VecDeque<u64>,
    /// Parked on a timer: (wake time, sequence, goid).
    pub sleepers: Vec<(u64, u64, u64)>,
    pub next_goid: u64,
    /// Live goroutines, main included.
    pub running: u64,
    pub sleep_ns: u64,
    pub chans: HashMap<u64, Chan>,
    pub wgs: HashMap<u64, (i64, Vec<u64>)>,
    pub mutexes: HashMap<u64, MutexState>,
    pub gomaxprocs: usize,
    pub cur_goid: u64,
    pub main_goid: u64,
    pub saved: HashMap<u64, GState>,
    pub gates: HashMap<u64, Arc<Gate>>,
    pub threads: Vec<std::thread::JoinHandle<()>>,
    pub wakes: HashMap<u64, Wake>,
    pub abort: Option<Abort>,
    seq: u64,
    /// The `g` objects (heap objects, as `runtime.malg` makes them) of the goroutines the
    /// program started: `allgs` keeps every one alive for good.
    pub allgs: Vec<u64>,
    /// Which `g` each live goroutine runs on, and the dead ones ready for reuse (`gFree`).
    pub g_of: HashMap<u64, u64>,
    pub gfree: Vec<u64>,
}

impl Sched {
    pub fn cur_p(&self) -> usize {
        0
    }
    #[inline]
    pub fn preempt_due(&self, steps: u64, every: u64) -> bool {
        self.running > 1 && every > 0 && steps.is_multiple_of(every)
    }
    fn gate(&mut self, g: u64) -> Arc<Gate> {
        self.gates.entry(g).or_default().clone()
    }
    /// Makes `g` runnable next (Go's `runnext`).
    pub fn ready(&mut self, g: u64) {
        if let Some(old) = self.runnext.replace(g) {
            self.runq.push_back(old);
        }
    }
}

/// Preemption: the running goroutine goes to the tail of the run queue.
pub fn preempt(vm: &mut Vm) -> R<()> {
    if vm.sched.runnext.is_none() && vm.sched.runq.is_empty() && vm.sched.sleepers.is_empty() {
        return Ok(());
    }
    vm.gosched()
}

fn no_stack() -> GStack {
    GStack {
        goid: 0,
        stack: crate::runtime::stack::Stack { lo: 0, hi: 0 },
        sp: 0,
        preempt_shrink: false,
    }
}

struct VmPtr(*mut Vm);
// SAFETY: the VM is only touched by the thread holding the baton (see the module header).
unsafe impl Send for VmPtr {}

/// Sets up goroutine 1 (main) on the calling thread.
pub fn start_main(vm: &mut Vm) {
    vm.sched.next_goid = 2;
    vm.sched.cur_goid = 1;
    vm.sched.main_goid = 1;
    vm.sched.running = 1;
    vm.gstack = vm.stacks.new_goroutine(0, 1);
    if vm.observing() {
        vm.emit(crate::events::Event::GoStart {
            t_ns: 0,
            goid: 1,
            p: 0,
        });
        vm.heap_sample();
    }
}

/// Runs `f` as the main goroutine's code: a goroutine that ends the program while main is
/// parked unwinds main here, and its trap (and panics) become main's.
pub fn as_main<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> R<T>) -> R<T> {
    let p = vm as *mut Vm;
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // SAFETY: `p` is the caller's exclusive reference, used only on this thread.
        f(unsafe { &mut *p })
    }));
    match r {
        Ok(r) => r,
        Err(payload) => {
            if payload.downcast_ref::<KillToken>().is_none() {
                std::panic::resume_unwind(payload);
            }
            match vm.sched.abort.take() {
                Some(a) => {
                    vm.panics = a.panics;
                    Err(a.trap)
                }
                None => Err(Trap::Kill),
            }
        }
    }
}

/// The program is over: releases every parked goroutine's thread and waits for them.
pub fn shutdown(vm: &mut Vm) {
    for g in vm.sched.gates.values() {
        g.open(2);
    }
    for t in std::mem::take(&mut vm.sched.threads) {
        let _ = t.join();
    }
    vm.sched.gates.clear();
}

/// Runs package initialisation and `main.main`; returns the exit status.
pub fn run_main(vm: &mut Vm) -> i32 {
    start_main(vm);
    let prog = vm.prog.clone();
    let r = as_main(vm, |vm| {
        run_inits(vm)?;
        let main = prog
            .funcs
            .iter()
            .flatten()
            .find(|f| f.name == "main" && f.is_user)
            .map(|f| f.id);
        match main {
            Some(m) => vm.call_func(m, 0, vec![]).map(|_| ()),
            None => Err(Trap::Fatal("gomem: no main function".into())),
        }
    });
    let code = finish(vm, r);
    shutdown(vm);
    code
}

/// Package initialisation in Go's order: the prelude packages' variables (a package after
/// those it imports), then the user package's variables, then its `init` functions.
pub fn run_inits(vm: &mut Vm) -> R<()> {
    let prog = vm.prog.clone();
    let package_init = |f: &crate::ir::Func| {
        f.name == "init" && f.pragmas.iter().any(|p| p == "gomem:packageinit")
    };
    for user in [false, true] {
        for f in prog.funcs.iter().flatten() {
            if package_init(f) && f.is_user == user {
                vm.call_func(f.id, 0, vec![])?;
            }
        }
    }
    for f in prog.funcs.iter().flatten() {
        if f.name == "init" && f.is_user && !f.pragmas.iter().any(|p| p == "gomem:packageinit") {
            vm.call_func(f.id, 0, vec![])?;
        }
    }
    Ok(())
}

/// Turns how the program ended into stderr text and an exit status.
pub fn finish(vm: &mut Vm, r: R<()>) -> i32 {
    match r {
        Ok(()) => 0,
        Err(Trap::Exit(c)) => c,
        Err(Trap::Kill) => 0,
        Err(Trap::Panic) => {
            let s = vm.panic_report();
            vm.stderr.extend_from_slice(s.as_bytes());
            2
        }
        Err(Trap::Fatal(msg)) => {
            // Messages that carry their own `fatal error:` line (`runtime: goroutine stack
            // exceeds …\nfatal error: stack overflow`) are printed as they are.
            if msg.contains("fatal error") {
                vm.stderr.extend_from_slice(msg.as_bytes());
                if !msg.ends_with('\n') {
                    vm.stderr.push(b'\n');
                }
            } else if msg.starts_with("gomem:") {
                vm.stderr.extend_from_slice(format!("{msg}\n").as_bytes());
            } else {
                vm.stderr
                    .extend_from_slice(format!("fatal error: {msg}\n").as_bytes());
            }
            vm.stderr.extend_from_slice(b"\ngoroutine 1 [running]:\n");
            2
        }
    }
}

/// `unsafe.Sizeof(runtime.g{})` in Go 1.27.3 on amd64 (from the runtime's DWARF).
const G_BYTES: u64 = 456;

impl Vm {
    /// `go f()`.
    pub fn go(&mut self, f: u64) -> R<()> {
        let id = self.sched.next_goid;
        self.sched.next_goid += 1;
        // newproc1: a dead goroutine's g (gfget), else a new one from the heap (malg).
        let g = match self.sched.gfree.pop() {
            Some(g) => g,
            None => {
                let ti = self.runtime_type_info("runtime.g", G_BYTES, &[0]);
                let g = self.malloc_raw(G_BYTES, ti)?;
                self.sched.allgs.push(g);
                g
            }
        };
        self.sched.g_of.insert(id, g);
        // The stack is allocated when the goroutine first runs.
        self.sched.saved.insert(
            id,
            GState {
                gstack: no_stack(),
                frames: Vec::new(),
                panics: Vec::new(),
                fp: 0,
                ctx: 0,
                cur_func: 0,
                panic_defer: false,
                inl_depth: 0,
                young: Vec::new(),
                start_fn: f,
            },
        );
        self.sched.running += 1;
        let gate = self.sched.gate(id);
        let ptr = VmPtr(self as *mut Vm);
        let h = std::thread::Builder::new()
            .stack_size(GOROUTINE_HOST_STACK)
            .spawn(move || {
                super::call::enter_host_stack(GOROUTINE_HOST_STACK);
                let ptr = ptr;
                if !gate.wait() {
                    return;
                }
                // SAFETY: this thread holds the baton (see the module header).
                let vm = unsafe { &mut *ptr.0 };
                let p = vm.cur_p();
                vm.gstack = vm.stacks.new_goroutine(p, id);
                vm.observe_gc();
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    vm.call_value(f, vec![])
                }));
                match r {
                    Ok(r) => vm.goexit(r),
                    Err(payload) => {
                        if payload.downcast_ref::<KillToken>().is_none() {
                            vm.goexit(Err(Trap::Fatal(
                                "gomem: internal error in a goroutine".into(),
                            )));
                        }
                    }
                }
            })
            .map_err(|e| Trap::Fatal(format!("gomem: cannot start a goroutine thread: {e}")))?;
        self.sched.threads.push(h);
        self.sched.ready(id);
        Ok(())
    }

    /// The running goroutine (not main) has returned with `r`.
    fn goexit(&mut self, r: R<Vec<V>>) {
        let p = self.cur_p();
        if self.observing() {
            let (t_ns, goid) = (self.now_ns(), self.sched.cur_goid);
            self.emit(crate::events::Event::GoExit {
                t_ns,
                goid,
                p: p as u32,
            });
        }
        // gfput: the g waits for the next `go` statement.
        if let Some(g) = self.sched.g_of.remove(&self.sched.cur_goid) {
            self.sched.gfree.push(g);
        }
        let g = std::mem::replace(&mut self.gstack, no_stack());
        self.stacks.exit_goroutine(p, g);
        self.observe_gc();
        self.sched.running -= 1;
        let next = match r {
            Ok(_) | Err(Trap::Kill) => self.pick_next(),
            Err(t) => {
                self.abort(t);
                None
            }
        };
        let next = match next {
            Some(n) => n,
            None => {
                if self.sched.abort.is_none() {
                    let t = self.deadlock();
                    self.abort(t);
                }
                self.sched.main_goid
            }
        };
        self.load_state(next);
        let gate = self.sched.gate(next);
        gate.open(1);
    }

    fn abort(&mut self, t: Trap) {
        let panics = std::mem::take(&mut self.panics);
        self.sched.abort = Some(Abort { trap: t, panics });
    }

    fn save_state(&mut self) {
        let me = self.sched.cur_goid;
        if self.observing() {
            let (t_ns, p) = (self.now_ns(), self.cur_p() as u32);
            self.emit(crate::events::Event::GoPark {
                t_ns,
                goid: me,
                p,
                reason: "waiting".into(),
            });
        }
        let st = GState {
            gstack: std::mem::replace(&mut self.gstack, no_stack()),
            frames: std::mem::take(&mut self.frames),
            panics: std::mem::take(&mut self.panics),
            fp: self.fp,
            ctx: self.ctx,
            cur_func: self.cur_func,
            panic_defer: self.next_call_is_panic_defer,
            inl_depth: self.inl_depth,
            young: std::mem::take(&mut self.coll.young),
            start_fn: 0,
        };
        self.sched.saved.insert(me, st);
    }

    fn load_state(&mut self, g: u64) {
        if let Some(st) = self.sched.saved.remove(&g) {
            self.gstack = st.gstack;
            self.frames = st.frames;
            self.panics = st.panics;
            self.fp = st.fp;
            self.ctx = st.ctx;
            self.cur_func = st.cur_func;
            self.next_call_is_panic_defer = st.panic_defer;
            self.inl_depth = st.inl_depth;
            self.coll.young = st.young;
        }
        self.sched.cur_goid = g;
        if self.observing() {
            let (t_ns, p) = (self.now_ns(), self.cur_p() as u32);
            self.emit(crate::events::Event::GoStart { t_ns, goid: g, p });
        }
    }

    /// The next goroutine to run: `runnext`, the run queue, else the earliest timer (the
    /// virtual clock jumps to it).
    fn pick_next(&mut self) -> Option<u64> {
        let now = self.now_ns();
        if !self.sched.sleepers.is_empty() {
            self.sched.sleepers.sort();
            while let Some(&(t, _, g)) = self.sched.sleepers.first() {
                if t > now {
                    break;
                }
                self.sched.sleepers.remove(0);
                self.sched.runq.push_back(g);
            }
        }
        if let Some(g) = self.sched.runnext.take() {
            return Some(g);
        }
        if let Some(g) = self.sched.runq.pop_front() {
            return Some(g);
        }
        if !self.sched.sleepers.is_empty() {
            let (t, _, g) = self.sched.sleepers.remove(0);
            if t > now {
                self.sched.sleep_ns += t - now;
            }
            return Some(g);
        }
        None
    }

    /// Hands the baton to `next` and waits until this goroutine gets it back.
    fn switch_to(&mut self, next: u64) -> R<()> {
        let me = self.sched.cur_goid;
        if next == me {
            return Ok(());
        }
        self.save_state();
        self.load_state(next);
        let mine = self.sched.gate(me);
        let theirs = self.sched.gate(next);
        let p = std::hint::black_box(self as *mut Vm);
        theirs.open(1);
        let run = mine.wait();
        // SAFETY: this thread holds the baton again.
        let vm = unsafe { &mut *p };
        if !run || vm.sched.abort.is_some() {
            std::panic::resume_unwind(Box::new(KillToken));
        }
        Ok(())
    }

    /// The running goroutine parks (it was queued somewhere that will wake it); another runs.
    fn park(&mut self) -> R<()> {
        match self.pick_next() {
            Some(n) => self.switch_to(n),
            None => Err(self.deadlock()),
        }
    }

    /// `runtime.Gosched`: the running goroutine goes to the tail of the run queue.
    pub fn gosched(&mut self) -> R<()> {
        let me = self.sched.cur_goid;
        self.sched.runq.push_back(me);
        self.park()
    }

    /// `time.Sleep(d)`.
    pub fn sleep(&mut self, d: i64) -> R<()> {
        if d <= 0 {
            return self.gosched();
        }
        let me = self.sched.cur_goid;
        let t = self.now_ns() + d as u64;
        self.sched.seq += 1;
        let seq = self.sched.seq;
        self.sched.sleepers.push((t, seq, me));
        self.park()
    }

    fn deadlock(&mut self) -> Trap {
        Trap::Fatal("fatal error: all goroutines are asleep - deadlock!".into())
    }

    pub fn num_goroutine(&self) -> u64 {
        self.sched.running
    }

    pub fn make_chan(&mut self, t: TypeId, n: i64) -> R<u64> {
        if n < 0 {
            return Err(self.runtime_error(RtErr::MakeSliceLen));
        }
        let elem = self.tt.elem(t).unwrap_or(t);
        let es = self.size_of(elem);
        let a = if self.tt.has_pointers(elem) {
            // runtime.hchan: qcount, dataqsiz, buf, ... — `buf` (word 2) keeps a separate
            // buffer of pointerful elements alive.
            let ti = self.runtime_type_info("runtime.hchan", HCHAN_SIZE, &[2]);
            let a = self.malloc_raw(HCHAN_SIZE, ti)?;
            if n > 0 {
                let buf = self.malloc(elem, n as u64)?;
                self.write_word(a + 16, buf)?;
            }
            a
        } else {
            self.malloc_raw(
                HCHAN_SIZE + es * n as u64,
                crate::runtime::TypeInfo::noscan(),
            )?
        };
        self.sched.chans.insert(
            a,
            Chan {
                cap: n as u64,
                ..Chan::default()
            },
        );
        Ok(a)
    }

    pub fn chan_send(&mut self, c: u64, _elem: TypeId, v: V) -> R<()> {
        let me = self.sched.cur_goid;
        let Some(ch) = self.sched.chans.get_mut(&c) else {
            // A nil channel blocks forever.
            return self.park();
        };
        if ch.closed {
            return Err(self.runtime_error(RtErr::SendClosed));
        }
        if let Some(r) = ch.recvq.pop_front() {
            self.sched.wakes.insert(r, Wake::Recv(v));
            self.sched.ready(r);
            return Ok(());
        }
        if (ch.buf.len() as u64) < ch.cap {
            ch.buf.push_back(v);
            return Ok(());
        }
        ch.sendq.push_back((me, v));
        self.park()?;
        match self.sched.wakes.remove(&me) {
            Some(Wake::SendClosed) => Err(self.runtime_error(RtErr::SendClosed)),
            _ => Ok(()),
        }
    }

    pub fn chan_recv(&mut self, c: u64, elem: TypeId) -> R<(V, bool)> {
        let me = self.sched.cur_goid;
        let Some(ch) = self.sched.chans.get_mut(&c) else {
            return self.park().map(|_| (V::W(0), false));
        };
        if let Some((s, sv)) = ch.sendq.pop_front() {
            let v = if ch.cap == 0 {
                sv
            } else {
                let v = ch.buf.pop_front().unwrap_or(V::W(0));
                ch.buf.push_back(sv);
                v
            };
            self.sched.wakes.insert(s, Wake::SendOk);
            self.sched.ready(s);
            return Ok((v, true));
        }
        if let Some(v) = ch.buf.pop_front() {
            return Ok((v, true));
        }
        if !ch.closed {
            ch.recvq.push_back(me);
            self.park()?;
        }
        match self.sched.wakes.remove(&me) {
            Some(Wake::Recv(v)) => Ok((v, true)),
            _ => {
                let (k, s) = self.kind(elem);
                Ok((super::value::zero(k, s), false))
            }
        }
    }

    pub fn chan_close(&mut self, c: u64) -> R<()> {
        if c == 0 {
            return Err(self.runtime_error(RtErr::CloseNil));
        }
        let Some(ch) = self.sched.chans.get_mut(&c) else {
            return Ok(());
        };
        if ch.closed {
            return Err(self.runtime_error(RtErr::CloseClosed));
        }
        ch.closed = true;
        let rs: Vec<u64> = ch.recvq.drain(..).collect();
        let ss: Vec<u64> = ch.sendq.drain(..).map(|(g, _)| g).collect();
        for r in rs {
            self.sched.wakes.insert(r, Wake::RecvClosed);
            self.sched.ready(r);
        }
        for s in ss {
            self.sched.wakes.insert(s, Wake::SendClosed);
            self.sched.ready(s);
        }
        Ok(())
    }

    pub fn chan_len_cap(&self, c: u64, cap: bool) -> u64 {
        self.sched
            .chans
            .get(&c)
            .map_or(0, |ch| if cap { ch.cap } else { ch.buf.len() as u64 })
    }

    pub fn wg_add(&mut self, wg: u64, d: i64) -> R<()> {
        let e = self.sched.wgs.entry(wg).or_default();
        e.0 += d;
        if e.0 < 0 {
            return Err(self.plain_panic("sync: negative WaitGroup counter"));
        }
        if e.0 == 0 {
            let ws = std::mem::take(&mut e.1);
            for w in ws {
                self.sched.ready(w);
            }
        }
        Ok(())
    }

    pub fn wg_wait(&mut self, wg: u64) -> R<()> {
        let me = self.sched.cur_goid;
        let e = self.sched.wgs.entry(wg).or_default();
        if e.0 > 0 {
            e.1.push(me);
            self.park()?;
        }
        Ok(())
    }

    pub fn mutex_lock(&mut self, m: u64) -> R<()> {
        let me = self.sched.cur_goid;
        let st = self.sched.mutexes.entry(m).or_default();
        if st.held > 0 {
            // Unlock hands the lock over to us.
            st.waiters.push_back(me);
            return self.park();
        }
        st.held += 1;
        Ok(())
    }

    /// False if the mutex was not locked.
    pub fn mutex_unlock(&mut self, m: u64) -> bool {
        let st = self.sched.mutexes.entry(m).or_default();
        if st.held <= 0 {
            return false;
        }
        match st.waiters.pop_front() {
            Some(w) => self.sched.ready(w),
            None => st.held -= 1,
        }
        true
    }

    /// A panic with a plain string value (sync's panics).
    pub fn plain_panic(&mut self, s: &str) -> Trap {
        let sv = self.const_str(s.as_bytes());
        let t = self.string_type();
        let data = self.rodata_alloc(16, 8);
        let _ = self.heap.mem.write_u64(data, sv.word(0));
        let _ = self.heap.mem.write_u64(data + 8, sv.word(1));
        let tw = self.type_word(t);
        self.start_panic(V::words(&[tw, data]), false)
    }

    pub fn string_type(&self) -> TypeId {
        self.tt
            .interned
            .get(&crate::types::Type::Basic(crate::types::BasicKind::String))
            .copied()
            .unwrap_or(0)
    }
}
