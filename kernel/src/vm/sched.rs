//! Goroutines, channels and the scheduler (first version: run-to-block).
//!
//! `go f()` creates a goroutine with its own stack from the stack allocator
//! ([`crate::runtime::stack::Stacks::new_goroutine`]) and puts it on the run queue. This first
//! scheduler is deterministic and cooperative: a goroutine runs until it finishes; when the
//! running goroutine would block (receiving from an empty channel, `WaitGroup.Wait`,
//! `time.Sleep`, `runtime.Gosched`), queued goroutines run, oldest first, on top of it. When
//! nothing can run and the goroutine still cannot proceed, every goroutine is asleep: Go's
//! `fatal error: all goroutines are asleep - deadlock!`.
//!
//! Channels are `hchan` objects allocated on the heap exactly as `runtime.makechan` does (a
//! 112-byte header, with the buffer in the same object when the element type has no
//! pointers), with their queued values kept by the VM. In this version a send never blocks
//! (an unbuffered channel behaves like a buffered one), which preserves every program's output
//! when goroutines communicate in one direction.
//!
//! Limitations (to be lifted by a preemptive scheduler): a goroutine that blocks while nested
//! goroutines are running cannot give control back to the goroutine below it, and GOMAXPROCS
//! only selects the P whose mcache allocates.

use std::collections::{HashMap, VecDeque};

use super::call::{FrameRec, PanicRec};
use super::panics::RtErr;
use super::value::V;
use super::{Trap, Vm, R};
use crate::runtime::stack::GStack;
use crate::types::TypeId;

const HCHAN_SIZE: u64 = 112;

#[derive(Default, Debug)]
pub struct Chan {
    pub buf: VecDeque<V>,
    pub cap: u64,
    pub closed: bool,
}

#[derive(Default)]
pub struct Sched {
    pub runq: VecDeque<(u64, u64)>,
    pub next_goid: u64,
    pub running: u64,
    pub sleep_ns: u64,
    pub chans: HashMap<u64, Chan>,
    pub wgs: HashMap<u64, i64>,
    pub mutexes: HashMap<u64, i64>,
    pub gomaxprocs: usize,
    pub cur_goid: u64,
}

impl Sched {
    pub fn cur_p(&self) -> usize {
        0
    }
    #[inline]
    pub fn preempt_due(&self, _steps: u64) -> bool {
        false
    }
}

pub fn preempt(_vm: &mut Vm) -> R<()> {
    Ok(())
}

/// Runs package initialisation and `main.main`; returns the exit status.
pub fn run_main(vm: &mut Vm) -> i32 {
    vm.sched.next_goid = 2;
    vm.sched.cur_goid = 1;
    vm.sched.running = 1;
    vm.gstack = vm.stacks.new_goroutine(0, 1);
    let prog = vm.prog.clone();
    let r = (|| -> R<()> {
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
    })();
    finish(vm, r)
}

/// Package initialisation: the prelude's package inits, then the user's `init` functions.
pub fn run_inits(vm: &mut Vm) -> R<()> {
    let prog = vm.prog.clone();
    for f in prog.funcs.iter().flatten() {
        if f.name == "init" && f.pragmas.iter().any(|p| p == "gomem:packageinit") {
            vm.call_func(f.id, 0, vec![])?;
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
            if msg.starts_with("runtime:") || msg.starts_with("fatal error") {
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

impl Vm {
    /// `go f()`.
    pub fn go(&mut self, f: u64) -> R<()> {
        let id = self.sched.next_goid;
        self.sched.next_goid += 1;
        self.sched.runq.push_back((f, id));
        Ok(())
    }

    /// Runs one queued goroutine to completion; false if none was queued.
    pub fn run_one(&mut self) -> R<bool> {
        let Some((f, goid)) = self.sched.runq.pop_front() else {
            return Ok(false);
        };
        let p = self.cur_p();
        let g = self.stacks.new_goroutine(p, goid);
        let saved_g: GStack = std::mem::replace(&mut self.gstack, g);
        let saved_frames: Vec<FrameRec> = std::mem::take(&mut self.frames);
        let saved_panics: Vec<PanicRec> = std::mem::take(&mut self.panics);
        let saved = (self.fp, self.ctx, self.cur_func, self.sched.cur_goid);
        self.sched.cur_goid = goid;
        self.sched.running += 1;
        let r = self.call_value(f, vec![]);
        self.sched.running -= 1;
        let g = std::mem::replace(&mut self.gstack, saved_g);
        self.stacks.exit_goroutine(p, g);
        self.frames = saved_frames;
        let my_panics = std::mem::replace(&mut self.panics, saved_panics);
        (self.fp, self.ctx, self.cur_func, self.sched.cur_goid) = saved;
        match r {
            Ok(_) => Ok(true),
            Err(Trap::Panic) => {
                self.panics = my_panics;
                Err(Trap::Panic)
            }
            Err(t) => Err(t),
        }
    }

    fn deadlock(&mut self) -> Trap {
        Trap::Fatal("fatal error: all goroutines are asleep - deadlock!".into())
    }

    pub fn num_goroutine(&self) -> u64 {
        self.sched.running + self.sched.runq.len() as u64
    }

    pub fn make_chan(&mut self, t: TypeId, n: i64) -> R<u64> {
        if n < 0 {
            return Err(self.runtime_error(RtErr::MakeSliceLen));
        }
        let elem = self.tt.elem(t).unwrap_or(t);
        let es = self.tt.size_of(elem);
        let a = if self.tt.has_pointers(elem) {
            let a = self.malloc_raw(HCHAN_SIZE, crate::runtime::TypeInfo::noscan())?;
            if n > 0 {
                self.malloc(elem, n as u64)?;
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
        if c == 0 {
            while self.run_one()? {}
            return Err(self.deadlock());
        }
        let Some(ch) = self.sched.chans.get_mut(&c) else {
            return Ok(());
        };
        if ch.closed {
            return Err(self.runtime_error(RtErr::SendClosed));
        }
        ch.buf.push_back(v);
        Ok(())
    }

    pub fn chan_recv(&mut self, c: u64, elem: TypeId) -> R<(V, bool)> {
        loop {
            if c != 0 {
                if let Some(ch) = self.sched.chans.get_mut(&c) {
                    if let Some(v) = ch.buf.pop_front() {
                        return Ok((v, true));
                    }
                    if ch.closed {
                        let (k, s) = self.kind(elem);
                        return Ok((super::value::zero(k, s), false));
                    }
                }
            }
            if !self.run_one()? {
                return Err(self.deadlock());
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
        Ok(())
    }

    pub fn chan_len_cap(&self, c: u64, cap: bool) -> u64 {
        self.sched
            .chans
            .get(&c)
            .map_or(0, |ch| if cap { ch.cap } else { ch.buf.len() as u64 })
    }

    pub fn wg_add(&mut self, wg: u64, d: i64) -> R<()> {
        let n = self.sched.wgs.entry(wg).or_insert(0);
        *n += d;
        if *n < 0 {
            return Err(self.plain_panic("sync: negative WaitGroup counter"));
        }
        Ok(())
    }

    pub fn wg_wait(&mut self, wg: u64) -> R<()> {
        while self.sched.wgs.get(&wg).copied().unwrap_or(0) > 0 {
            if !self.run_one()? {
                return Err(self.deadlock());
            }
        }
        Ok(())
    }

    /// Runs every queued goroutine (Gosched, Sleep).
    pub fn yield_all(&mut self) -> R<()> {
        while self.run_one()? {}
        Ok(())
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
