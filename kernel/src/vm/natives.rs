//! The standard library's body-less functions, implemented by the VM.
//!
//! The prelude (`kernel/stdlib`) declares them with Go signatures and escape tags; calls
//! arrive here with evaluated arguments and are dispatched by package and name (`fmt.Fprintln`,
//! `runtime.ReadMemStats`, `sync.(*Mutex).lock`, ...).

use super::value::{Kind, V};
use super::{Trap, Vm, R};
use crate::gofmt;
use crate::types::FuncId;

/// The result types [`Vm::call_error_method`] accepts for the `Unwrap` methods.
const ERROR_RESULT: &str = "error";
const ERROR_SLICE_RESULT: &str = "[]error";

impl Vm {
    /// `fmt.Fprint*`'s output to the io.Writer `w`: straight to the descriptor of an
    /// `*os.File`, else through the writer's `Write` method (`*strings.Builder`, user types).
    fn write_fd(&mut self, w: &V, text: &[u8]) -> R<()> {
        if w.word(0) == 0 {
            return Err(self.runtime_error(super::panics::RtErr::NilDeref));
        }
        let d = self.iface_dyn_type(w.word(0));
        if self.dyn_type_string(d) != "*os.File" {
            let Some(m) = self.find_method(d, "Write") else {
                return Err(Trap::Fatal(
                    "gomem: io.Writer without a Write method".into(),
                ));
            };
            if self.print_buf.1 < text.len() as u64 {
                let cap = (text.len() as u64).next_power_of_two().max(64);
                self.print_buf = (self.rodata_alloc(cap, 8), cap);
            }
            let buf = self.print_buf.0;
            let _ = self.heap.mem.write_bytes(buf, text);
            let n = text.len() as u64;
            let recv = self.method_receiver(w, d, &m)?;
            self.call_func(m.func, 0, vec![recv, V::words(&[buf, n, n])])?;
            return Ok(());
        }
        // An *os.File's first word is the descriptor.
        let f = w.word(1);
        let fd = if f == 0 { 1 } else { self.read_word(f)? };
        if fd == 2 {
            self.stderr.extend_from_slice(text);
        } else {
            self.stdout.extend_from_slice(text);
        }
        Ok(())
    }

    pub fn call_native(&mut self, fid: FuncId, args: Vec<V>) -> R<Vec<V>> {
        let tt = self.tt.clone();
        let fi = &tt.funcs[fid as usize];
        let pkg = fi.pkg.as_str();
        let name = fi
            .name
            .strip_prefix(pkg.rsplit('/').next().unwrap_or(pkg))
            .and_then(|n| n.strip_prefix('.'))
            .unwrap_or(fi.name.as_str());
        let ok2 = |n: u64| vec![V::W(n), V::words(&[0, 0])];
        match (pkg, name) {
            ("fmt", "Fprintln") | ("fmt", "Fprint") | ("fmt", "Fprintf") => {
                let s = if name == "Fprintf" {
                    let f = self.read_bytes(args[1].word(0), args[1].word(1))?;
                    let a = self.fmt_args(&args[2])?;
                    gofmt::sprintf_bytes(&f, &a)
                } else {
                    let a = self.fmt_args(&args[1])?;
                    if name == "Fprintln" {
                        gofmt::sprintln_bytes(&a)
                    } else {
                        gofmt::sprint_bytes(&a)
                    }
                };
                self.write_fd(&args[0], &s)?;
                Ok(ok2(s.len() as u64))
            }
            ("fmt", "Sprintf") | ("fmt", "Sprint") | ("fmt", "Sprintln") => {
                let s = match name {
                    "Sprintf" => {
                        let f = self.read_bytes(args[0].word(0), args[0].word(1))?;
                        let a = self.fmt_args(&args[1])?;
                        gofmt::sprintf_bytes(&f, &a)
                    }
                    "Sprint" => {
                        let a = self.fmt_args(&args[0])?;
                        gofmt::sprint_bytes(&a)
                    }
                    _ => {
                        let a = self.fmt_args(&args[0])?;
                        gofmt::sprintln_bytes(&a)
                    }
                };
                Ok(vec![self.new_string(0, &s)?])
            }
            ("fmt", "errorf") => {
                let f = self.read_bytes(args[0].word(0), args[0].word(1))?;
                if args[1].word(1) == 0 && !f.contains(&b'%') {
                    return Ok(vec![V::words(&[0, 0])]);
                }
                let a = self.fmt_args(&args[1])?;
                let msg = gofmt::errorf_bytes(&f, &a);
                // The first %w operand is what the error wraps.
                let wrapped = self.first_w_operand(&f, &args[1])?;
                Ok(vec![self.new_error(&msg, wrapped)?])
            }
            ("errors", "unwrap") => Ok(vec![self.unwrap_error(&args[0])?]),
            ("errors", "unsafeString") => Ok(vec![V::words(&[args[0].word(0), args[0].word(1)])]),
            ("errors", "Is") => {
                let (err, target) = (&args[0], &args[1]);
                if err.word(0) == 0 || target.word(0) == 0 {
                    return Ok(vec![V::W((err.word(0) == target.word(0)) as u64)]);
                }
                Ok(vec![V::W(self.error_is(err, target)? as u64)])
            }
            ("errors", "As") => Ok(vec![V::W(self.error_as(&args[0], &args[1])? as u64)]),
            ("testing", "(*B).ResetTimer") => {
                self.bench_reset();
                Ok(vec![])
            }
            ("testing", "(*B).StartTimer") => {
                self.bench_start();
                Ok(vec![])
            }
            ("testing", "(*B).StopTimer") => {
                self.bench_stop();
                Ok(vec![])
            }
            ("testing", _) => match self.testing_native(name, &args) {
                Some(r) => r,
                None => self.testing_other(name, &args),
            },
            ("strings", _) => self.strings_native(name, &args),
            ("os", "NewFile") => {
                let a = self.malloc_raw(24, crate::runtime::TypeInfo::noscan())?;
                self.write_word(a, args[0].w())?;
                Ok(vec![V::W(a)])
            }
            ("os", "(*File).Write") | ("os", "(*File).writeString") => {
                let b = self.read_bytes(args[1].word(0), args[1].word(1))?;
                let fd = self.read_word(args[0].w())?;
                if fd == 2 {
                    self.stderr.extend_from_slice(&b);
                } else {
                    self.stdout.extend_from_slice(&b);
                }
                Ok(ok2(b.len() as u64))
            }
            ("os", "Exit") => Err(Trap::Exit(args[0].w() as i64 as i32)),
            ("runtime", "GC") => {
                self.run_gc()?;
                Ok(vec![])
            }
            ("runtime/debug", "setGCPercent") => {
                let pct = args[0].w() as u32 as i32;
                let old = self
                    .coll
                    .gc
                    .set_gc_percent((pct >= 0).then_some(pct as u32));
                self.coll.refresh_after_setting(&self.heap);
                Ok(vec![V::W(old as i32 as i64 as u64)])
            }
            ("runtime/debug", "setMemoryLimit") => {
                let limit = args[0].w() as i64;
                let old = if limit < 0 {
                    self.coll.gc.pacer.memory_limit
                } else {
                    self.coll.gc.set_memory_limit(&self.heap, limit as u64)
                };
                self.coll.refresh_after_setting(&self.heap);
                Ok(vec![V::W(old.min(i64::MAX as u64))])
            }
            ("runtime/debug", "setMaxStack") => {
                let old = self.stacks.set_max_stack(args[0].w());
                Ok(vec![V::W(old)])
            }
            ("runtime/debug", "freeOSMemory") => {
                self.free_os_memory()?;
                Ok(vec![])
            }
            ("runtime", "gcount") => Ok(vec![V::W(self.num_goroutine())]),
            ("runtime", "GOMAXPROCS") => Ok(vec![V::W(self.opts.gomaxprocs as u64)]),
            ("runtime", "numCPU") => Ok(vec![V::W(super::SIMULATED_CPUS as u64)]),
            ("runtime", "KeepAlive") => Ok(vec![]),
            ("runtime", "gosched") => {
                self.gosched()?;
                Ok(vec![])
            }
            ("runtime", "ReadMemStats") => {
                self.read_mem_stats_into(args[0].w())?;
                Ok(vec![])
            }
            ("sync", "(*Mutex).lock")
            | ("sync", "(*RWMutex).Lock")
            | ("sync", "(*RWMutex).rlock") => {
                self.mutex_lock(args[0].w())?;
                Ok(vec![])
            }
            ("sync", "(*Mutex).unlock")
            | ("sync", "(*RWMutex).Unlock")
            | ("sync", "(*RWMutex).runlock") => {
                if !self.mutex_unlock(args[0].w()) {
                    let what = if name.contains("RW") {
                        "sync: Unlock of unlocked RWMutex"
                    } else {
                        "sync: unlock of unlocked mutex"
                    };
                    return Err(Trap::Fatal(format!("fatal error: {what}")));
                }
                Ok(vec![])
            }
            ("sync", "(*WaitGroup).Add") => {
                self.wg_add(args[0].w(), args[1].w() as i64)?;
                Ok(vec![])
            }
            ("sync", "(*WaitGroup).Wait") => {
                self.wg_wait(args[0].w())?;
                Ok(vec![])
            }
            ("sync", "(*Pool).Get") => {
                let pool_t = self.recv_type(fid);
                let pool_t = self.tt.elem(pool_t).unwrap_or(pool_t);
                let new_off = self.field_offset(pool_t, "New");
                Ok(vec![self.pool_get(args[0].w(), new_off)?])
            }
            ("sync", "(*Pool).Put") => {
                self.pool_put(args[0].w(), &args[1])?;
                Ok(vec![])
            }
            ("sync", "(*Once).doSlow") => {
                let o = args[0].w();
                if self.heap.mem.read_u32(o).unwrap_or(0) == 0 {
                    let _ = self.heap.mem.write_u32(o, 1);
                    self.call_value(args[1].w(), vec![])?;
                }
                Ok(vec![])
            }
            ("time", "Now") => {
                let ns = self.now_ns();
                Ok(vec![V::words(&[0, ns, 0])])
            }
            ("time", "Since") => Ok(vec![V::W(self.now_ns().wrapping_sub(args[0].word(1)))]),
            ("time", "Time.Sub") => Ok(vec![V::W(args[0].word(1).wrapping_sub(args[1].word(1)))]),
            ("time", "Sleep") => {
                self.sleep(args[0].w() as i64)?;
                Ok(vec![])
            }
            _ => Err(Trap::Fatal(format!(
                "gomem: unsupported: {pkg}.{name} is not implemented by the VM"
            ))),
        }
    }

    /// The `testing` functions that are neither test nor benchmark methods.
    fn testing_other(&mut self, name: &str, args: &[V]) -> R<Vec<V>> {
        match name {
            "AllocsPerRun" => {
                // Go: warm up with one call, then Mallocs over `runs` calls divided (as
                // integers, uint64) by `runs`.
                let runs = args[0].w() as i64;
                let f = args[1].w();
                self.call_value(f, vec![])?;
                let before = self.heap.read_mem_stats().mallocs;
                for _ in 0..runs.max(0) {
                    self.call_value(f, vec![])?;
                }
                let after = self.heap.read_mem_stats().mallocs;
                if runs == 0 {
                    return Err(self.runtime_error(super::panics::RtErr::DivZero));
                }
                let avg = after.wrapping_sub(before) / runs as u64;
                Ok(vec![V::from_f(avg as f64)])
            }
            _ => Err(Trap::Fatal(format!(
                "gomem: unsupported: testing.{name} is not implemented by the VM"
            ))),
        }
    }

    /// Fills a `runtime.MemStats` at `m` (field offsets from the prelude's declaration).
    fn read_mem_stats_into(&mut self, m: u64) -> R<()> {
        let s = self.heap.read_mem_stats();
        let st = self.stacks.read_mem_stats();
        let vals: [(&str, u64); 14] = [
            ("Alloc", s.alloc),
            ("TotalAlloc", s.total_alloc),
            ("Sys", s.sys + st.stack_sys),
            ("Mallocs", s.mallocs),
            ("Frees", s.frees),
            ("HeapAlloc", s.heap_alloc),
            ("HeapSys", s.heap_sys),
            ("HeapIdle", s.heap_idle),
            ("HeapInuse", s.heap_inuse),
            ("HeapReleased", s.heap_released),
            ("HeapObjects", s.heap_objects),
            ("StackInuse", st.stack_inuse),
            ("StackSys", st.stack_sys),
            ("NextGC", s.next_gc),
        ];
        let t = self.memstats_type();
        for (name, v) in vals {
            let off = self.field_offset(t, name);
            self.write_word(m + off, v)?;
        }
        for (name, v) in [
            ("LastGC", s.last_gc),
            ("PauseTotalNs", s.pause_total_ns),
            ("GCCPUFraction", s.gc_cpu_fraction.to_bits()),
        ] {
            let off = self.field_offset(t, name);
            self.write_word(m + off, v)?;
        }
        // The circular buffer of the last 256 pauses.
        let pause = self.field_offset(t, "PauseNs");
        let n = self.heap.gc.pause_ns.len();
        for (i, &ns) in self
            .heap
            .gc
            .pause_ns
            .iter()
            .enumerate()
            .skip(n.saturating_sub(256))
        {
            let _ = self
                .heap
                .mem
                .write_u64(m + pause + (i % 256) as u64 * 8, ns);
        }
        let off = self.field_offset(t, "NumGC");
        let _ = self.heap.mem.write_u32(m + off, self.heap.gc.num_gc);
        let off = self.field_offset(t, "NumForcedGC");
        let _ = self.heap.mem.write_u32(m + off, self.heap.gc.num_forced_gc);
        let off = self.field_offset(t, "EnableGC");
        let _ = self.heap.mem.write_u8(m + off, 1);
        let off = self.field_offset(t, "BySize");
        for (i, b) in s.by_size.iter().enumerate().take(61) {
            let a = m + off + i as u64 * 24;
            let _ = self.heap.mem.write_u32(a, b.size);
            let _ = self.heap.mem.write_u64(a + 8, b.mallocs);
            let _ = self.heap.mem.write_u64(a + 16, b.frees);
        }
        Ok(())
    }

    /// A new error with message `msg`: `*errors.errorString`, or `*fmt.wrapError` when it
    /// wraps `wrapped` (both modelled as runtime types whose data starts with the message).
    fn new_error(&mut self, msg: &[u8], wrapped: Option<V>) -> R<V> {
        let s = self.new_string(0, msg)?;
        // errorString{s string} and wrapError{msg string; err error}: the message (and the
        // wrapped error's data word) are pointers the collector must follow.
        let (tname, size, ptrs): (&str, u64, &[u64]) = match wrapped {
            Some(_) => ("*fmt.wrapError", 32, &[0, 3]),
            None => ("*errors.errorString", 16, &[0]),
        };
        let ti = self.runtime_type_info(&tname[1..], size, ptrs);
        let a = self.malloc_raw(size, ti)?;
        self.write_word(a, s.word(0))?;
        self.write_word(a + 8, s.word(1))?;
        if let Some(w) = wrapped {
            self.write_word(a + 16, w.word(0))?;
            self.write_word(a + 24, w.word(1))?;
        }
        let idx = match self.runtime_types.iter().position(|t| t == tname) {
            Some(i) => i,
            None => {
                self.runtime_types.push(tname.to_string());
                self.runtime_types.len() - 1
            }
        };
        let tw = super::TYPE_BASE + (super::iface::RUNTIME_TYPE as u64 + idx as u64) * 64;
        Ok(V::words(&[tw, a]))
    }

    /// `errors.Unwrap`: what `err`'s `Unwrap() error` method returns (the VM's own
    /// `*fmt.wrapError` included), or nil.
    fn unwrap_error(&mut self, e: &V) -> R<V> {
        let nil = V::words(&[0, 0]);
        if e.word(0) == 0 {
            return Ok(nil);
        }
        let d = self.iface_dyn_type(e.word(0));
        if self.dyn_type_string(d) == "*fmt.wrapError" {
            let t = self.read_word(e.word(1) + 16)?;
            let p = self.read_word(e.word(1) + 24)?;
            return Ok(V::words(&[t, p]));
        }
        match self.call_error_method(e, "Unwrap", ERROR_RESULT, vec![])? {
            Some(r) => Ok(r),
            None => Ok(nil),
        }
    }

    /// The errors `err` wraps, in the order `errors.Is` and `errors.As` visit them: the
    /// result of `Unwrap() error`, or every element of `Unwrap() []error` (`errors.Join`,
    /// several `%w`).
    fn wrapped_errors(&mut self, e: &V) -> R<Vec<V>> {
        let one = self.unwrap_error(e)?;
        if one.word(0) != 0 {
            return Ok(vec![one]);
        }
        let Some(list) = self.call_error_method(e, "Unwrap", ERROR_SLICE_RESULT, vec![])? else {
            return Ok(vec![]);
        };
        let mut out = Vec::new();
        for i in 0..list.word(1) {
            out.push(self.load_k(list.word(0) + i * 16, Kind::Iface, 16)?);
        }
        Ok(out)
    }

    /// Calls method `name` of the error in `e` when its dynamic type has one whose result is
    /// `error` ([`ERROR_RESULT`]) or `[]error` ([`ERROR_SLICE_RESULT`]) or `bool`, as asked by
    /// `result`; `None` when there is no such method.
    fn call_error_method(&mut self, e: &V, name: &str, result: &str, args: Vec<V>) -> R<Option<V>> {
        let d = self.iface_dyn_type(e.word(0));
        if d >= super::iface::RUNTIME_TYPE {
            return Ok(None);
        }
        let Some(m) = self.find_method(d, name) else {
            return Ok(None);
        };
        let sig = self.tt.funcs[m.func as usize].sig;
        let fits = match self.tt.get(sig) {
            crate::types::Type::Func(s) => {
                s.params.len() == args.len()
                    && s.results.len() == 1
                    && self.tt.type_string(s.results[0]) == result
            }
            _ => false,
        };
        if !fits {
            return Ok(None);
        }
        let mut vs = vec![self.method_receiver(e, d, &m)?];
        vs.extend(args);
        Ok(self.call_func(m.func, 0, vs)?.into_iter().next())
    }

    /// `errors.Is` on a non-nil `err` and `target`: a depth-first walk of the error tree,
    /// like Go's: equal (when comparable), or an `Is(error) bool` method says so.
    fn error_is(&mut self, err: &V, target: &V) -> R<bool> {
        if self.iface_equal(err, target).unwrap_or(false) {
            return Ok(true);
        }
        if let Some(r) = self.call_error_method(err, "Is", "bool", vec![target.clone()])? {
            if r.w() & 0xff != 0 {
                return Ok(true);
            }
        }
        for w in self.wrapped_errors(err)? {
            if w.word(0) != 0 && self.error_is(&w, target)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `errors.As(err, target)`: finds the first error in `err`'s tree whose type is (or, for
    /// an interface, implements) `*target`'s type, stores it through the pointer and reports
    /// true. Panics as Go does on a bad target.
    fn error_as(&mut self, err: &V, target: &V) -> R<bool> {
        use crate::types::Type;
        if target.word(0) == 0 {
            return Err(self.panic_string("errors: target cannot be nil"));
        }
        let pt = self.iface_dyn_type(target.word(0));
        let elem = match (pt < super::iface::RUNTIME_TYPE).then(|| self.tt.under(pt).clone()) {
            Some(Type::Pointer(elem)) if target.word(1) != 0 => elem,
            _ => return Err(self.panic_string("errors: target must be a non-nil pointer")),
        };
        if !self.tt.is_interface(elem) && !self.tt.implements(elem, crate::types::ERROR) {
            return Err(self.panic_string("errors: *target must be interface or implement error"));
        }
        if err.word(0) == 0 {
            return Ok(false);
        }
        self.error_as_walk(err, elem, target.word(1))
    }

    /// `panic(msg)` with a string value, as the standard library panics.
    fn panic_string(&mut self, msg: &str) -> Trap {
        let v = match self.new_string(0, msg.as_bytes()) {
            Ok(v) => v,
            Err(t) => return t,
        };
        match self.to_iface(v, crate::types::STRING, crate::types::ANY, 0, false) {
            Ok(v) => self.start_panic(v, false),
            Err(t) => t,
        }
    }

    fn error_as_walk(&mut self, err: &V, elem: crate::types::TypeId, p: u64) -> R<bool> {
        let d = self.iface_dyn_type(err.word(0));
        if self.tt.is_interface(elem) {
            if self.implements_dyn(d, elem) {
                self.store(p, elem, err)?;
                return Ok(true);
            }
        } else if d < super::iface::RUNTIME_TYPE && self.same_type(d, elem) {
            let v = self.unbox(err, elem)?;
            self.store(p, elem, &v)?;
            return Ok(true);
        }
        for w in self.wrapped_errors(err)? {
            if w.word(0) != 0 && self.error_as_walk(&w, elem, p)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The operand of the first `%w` in `f` (operands of the `[]any` slice `a`).
    fn first_w_operand(&mut self, f: &[u8], a: &V) -> R<Option<V>> {
        let mut i = 0;
        let mut n = 0u64;
        while i < f.len() {
            if f[i] != b'%' {
                i += 1;
                continue;
            }
            i += 1;
            while i < f.len() && !f[i].is_ascii_alphabetic() && f[i] != b'%' {
                i += 1;
            }
            if i >= f.len() {
                break;
            }
            match f[i] {
                b'%' => {}
                b'w' => {
                    if n < a.word(1) {
                        let iv = self.load_k(a.word(0) + n * 16, Kind::Iface, 16)?;
                        if iv.word(0) != 0 {
                            return Ok(Some(iv));
                        }
                    }
                    return Ok(None);
                }
                _ => n += 1,
            }
            i += 1;
        }
        Ok(None)
    }

    /// The `strings` package's body-less functions, allocating as Go does.
    fn strings_native(&mut self, name: &str, args: &[V]) -> R<Vec<V>> {
        let str_of = |vm: &mut Vm, v: &V| vm.read_bytes(v.word(0), v.word(1));
        match name {
            "(*Builder).bytesAsString" => {
                let b = args[0].w();
                let p = self.read_word(b + 8)?;
                let n = self.read_word(b + 16)?;
                Ok(vec![V::words(&[p, n])])
            }
            "(*Builder).Grow" => {
                let b = args[0].w();
                let n = args[1].w() as i64;
                if n < 0 {
                    return Err(Trap::Fatal("strings.Builder.Grow: negative count".into()));
                }
                let (p, l, c) = (
                    self.read_word(b + 8)?,
                    self.read_word(b + 16)?,
                    self.read_word(b + 24)?,
                );
                if c - l < n as u64 {
                    let nc = 2 * c + n as u64;
                    let a = self.malloc_raw(nc, crate::runtime::TypeInfo::noscan())?;
                    let old = self.read_bytes(p, l)?;
                    self.write_bytes(a, &old)?;
                    self.write_word(b + 8, a)?;
                    self.write_word(b + 24, nc)?;
                }
                Ok(vec![])
            }
            "(*Builder).Reset" => {
                let b = args[0].w();
                for i in 0..4 {
                    self.write_word(b + 8 * i, 0)?;
                }
                Ok(vec![])
            }
            "Repeat" => {
                let x = str_of(self, &args[0])?;
                let n = args[1].w() as i64;
                if n < 0 {
                    return Err(Trap::Fatal("strings: negative Repeat count".into()));
                }
                if n == 0 || x.is_empty() {
                    return Ok(vec![V::words(&[0, 0])]);
                }
                let r = x.repeat(n as usize);
                Ok(vec![self.new_string(0, &r)?])
            }
            "Join" => {
                let (p, n) = (args[0].word(0), args[0].word(1));
                let sep = str_of(self, &args[1])?;
                match n {
                    0 => Ok(vec![V::words(&[0, 0])]),
                    1 => Ok(vec![self.load_k(p, Kind::Str, 16)?]),
                    _ => {
                        let mut out = Vec::new();
                        for i in 0..n {
                            if i > 0 {
                                out.extend_from_slice(&sep);
                            }
                            let e = self.load_k(p + 16 * i, Kind::Str, 16)?;
                            out.extend(str_of(self, &e)?);
                        }
                        Ok(vec![self.new_string(0, &out)?])
                    }
                }
            }
            "genSplit" => {
                let sp = args[0].word(0);
                let x = str_of(self, &args[0])?;
                let sep = str_of(self, &args[1])?;
                let save = args[2].w() as usize;
                let mut n = args[3].w() as i64;
                if n == 0 {
                    return Ok(vec![V::words(&[0, 0, 0])]);
                }
                // Pieces as (offset, length) into s.
                let mut pieces: Vec<(u64, u64)> = Vec::new();
                if sep.is_empty() {
                    let mut i = 0usize;
                    while i < x.len() {
                        if n > 0 && pieces.len() as i64 == n - 1 {
                            pieces.push((i as u64, (x.len() - i) as u64));
                            break;
                        }
                        let w = utf8_len(&x[i..]);
                        pieces.push((i as u64, w as u64));
                        i += w;
                    }
                } else {
                    if n < 0 {
                        n = count_sub(&x, &sep) as i64 + 1;
                    }
                    let mut i = 0usize;
                    while (pieces.len() as i64) < n - 1 {
                        match find_sub(&x[i..], &sep) {
                            Some(m) => {
                                pieces.push((i as u64, (m + save) as u64));
                                i += m + sep.len();
                            }
                            None => break,
                        }
                    }
                    pieces.push((i as u64, (x.len() - i) as u64));
                }
                let k = pieces.len() as u64;
                let a = self.malloc(crate::types::STRING, k)?;
                for (j, (o, l)) in pieces.into_iter().enumerate() {
                    let ptr = if l == 0 { 0 } else { sp + o };
                    self.write_word(a + 16 * j as u64, ptr)?;
                    self.write_word(a + 16 * j as u64 + 8, l)?;
                }
                Ok(vec![V::words(&[a, k, k])])
            }
            "Index" => {
                let x = str_of(self, &args[0])?;
                let sub = str_of(self, &args[1])?;
                let r = find_sub(&x, &sub).map(|i| i as i64).unwrap_or(-1);
                Ok(vec![V::W(r as u64)])
            }
            "ToUpper" | "ToLower" => {
                let x = str_of(self, &args[0])?;
                let st = String::from_utf8_lossy(&x).into_owned();
                let r = if name == "ToUpper" {
                    st.to_uppercase()
                } else {
                    st.to_lowercase()
                };
                if r.as_bytes() == x.as_slice() {
                    return Ok(vec![args[0].clone()]);
                }
                Ok(vec![self.new_string(0, r.as_bytes())?])
            }
            "TrimSpace" => {
                let x = str_of(self, &args[0])?;
                let ws = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
                let start = x.iter().position(|c| !ws(c)).unwrap_or(x.len());
                let end = x
                    .iter()
                    .rposition(|c| !ws(c))
                    .map(|e| e + 1)
                    .unwrap_or(start);
                if start >= end {
                    return Ok(vec![V::words(&[0, 0])]);
                }
                Ok(vec![V::words(&[
                    args[0].word(0) + start as u64,
                    (end - start) as u64,
                ])])
            }
            _ => Err(Trap::Fatal(format!(
                "gomem: unsupported: strings.{name} is not implemented by the VM"
            ))),
        }
    }

    fn memstats_type(&self) -> crate::types::TypeId {
        self.tt
            .types
            .iter()
            .position(|t| matches!(t, crate::types::Type::Named { name, pkg, .. } if name == "MemStats" && pkg == "runtime"))
            .unwrap_or(0) as crate::types::TypeId
    }
}

fn find_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(0);
    }
    h.windows(n.len()).position(|w| w == n)
}

fn count_sub(h: &[u8], n: &[u8]) -> usize {
    let mut c = 0;
    let mut i = 0;
    while let Some(m) = find_sub(&h[i..], n) {
        c += 1;
        i += m + n.len();
    }
    c
}

/// The length of the UTF-8 sequence at the start of `b` (1 for an invalid byte).
fn utf8_len(b: &[u8]) -> usize {
    for w in (1..=4.min(b.len())).rev() {
        if std::str::from_utf8(&b[..w]).is_ok_and(|s| s.chars().count() == 1) {
            return w;
        }
    }
    1
}
