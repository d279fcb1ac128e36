//! The standard library's body-less functions, implemented by the VM.
//!
//! The prelude (`kernel/stdlib`) declares them with Go signatures and escape tags; calls
//! arrive here with evaluated arguments and are dispatched by package and name (`fmt.Fprintln`,
//! `runtime.ReadMemStats`, `sync.(*Mutex).lock`, ...).

use super::format;
use super::value::{Kind, V};
use super::{Trap, Vm, R};
use crate::types::FuncId;

impl Vm {
    /// The formatting arguments in the `[]any` slice `s`.
    fn fmt_args(&mut self, s: &V) -> R<Vec<format::Arg>> {
        let mut out = Vec::new();
        for i in 0..s.word(1) {
            let iv = self.load_k(s.word(0) + i * 16, Kind::Iface, 16)?;
            out.push(self.describe_iface(&iv)?);
        }
        Ok(out)
    }

    fn write_fd(&mut self, w: &V, text: &[u8]) -> R<()> {
        // w is an io.Writer holding an *os.File whose first word is the descriptor.
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
            .strip_prefix(pkg)
            .and_then(|n| n.strip_prefix('.'))
            .unwrap_or(fi.name.as_str());
        let ok2 = |n: u64| vec![V::W(n), V::words(&[0, 0])];
        match (pkg, name) {
            ("fmt", "Fprintln") => {
                let a = self.fmt_args(&args[1])?;
                let s = format::sprintln(&a);
                self.write_fd(&args[0], s.as_bytes())?;
                Ok(ok2(s.len() as u64))
            }
            ("fmt", "Fprint") => {
                let a = self.fmt_args(&args[1])?;
                let s = format::sprint(&a);
                self.write_fd(&args[0], s.as_bytes())?;
                Ok(ok2(s.len() as u64))
            }
            ("fmt", "Fprintf") => {
                let f = self.str_string(&args[1])?;
                let a = self.fmt_args(&args[2])?;
                let s = format::sprintf(&f, &a);
                self.write_fd(&args[0], s.as_bytes())?;
                Ok(ok2(s.len() as u64))
            }
            ("fmt", "Sprintf") | ("fmt", "Sprint") | ("fmt", "Sprintln") => {
                let s = match name {
                    "Sprintf" => {
                        let f = self.str_string(&args[0])?;
                        let a = self.fmt_args(&args[1])?;
                        format::sprintf(&f, &a)
                    }
                    "Sprint" => {
                        let a = self.fmt_args(&args[0])?;
                        format::sprint(&a)
                    }
                    _ => {
                        let a = self.fmt_args(&args[0])?;
                        format::sprintln(&a)
                    }
                };
                Ok(vec![self.new_string(0, s.as_bytes())?])
            }
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
                self.heap.gc.num_gc += 1;
                self.heap.gc.num_forced_gc += 1;
                Ok(vec![])
            }
            ("runtime", "gcount") => Ok(vec![V::W(self.num_goroutine())]),
            ("runtime", "GOMAXPROCS") => Ok(vec![V::W(self.opts.gomaxprocs as u64)]),
            ("runtime", "KeepAlive") => Ok(vec![]),
            ("runtime", "gosched") => {
                self.yield_all()?;
                Ok(vec![])
            }
            ("runtime", "ReadMemStats") => {
                self.read_mem_stats_into(args[0].w())?;
                Ok(vec![])
            }
            ("sync", "(*Mutex).lock")
            | ("sync", "(*RWMutex).Lock")
            | ("sync", "(*RWMutex).rlock") => {
                let m = args[0].w();
                *self.sched.mutexes.entry(m).or_insert(0) += 1;
                Ok(vec![])
            }
            ("sync", "(*Mutex).unlock")
            | ("sync", "(*RWMutex).Unlock")
            | ("sync", "(*RWMutex).runlock") => {
                let m = args[0].w();
                let n = self.sched.mutexes.entry(m).or_insert(0);
                if *n <= 0 {
                    let what = if name.contains("RW") {
                        "sync: Unlock of unlocked RWMutex"
                    } else {
                        "sync: unlock of unlocked mutex"
                    };
                    return Err(Trap::Fatal(format!("fatal error: {what}")));
                }
                *n -= 1;
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
                self.sched.sleep_ns += args[0].w();
                self.yield_all()?;
                Ok(vec![])
            }
            ("testing", "AllocsPerRun") => {
                let runs = args[0].w();
                let f = args[1].w();
                self.call_value(f, vec![])?;
                let before = self.heap.read_mem_stats().mallocs;
                for _ in 0..runs {
                    self.call_value(f, vec![])?;
                }
                let after = self.heap.read_mem_stats().mallocs;
                let avg = (after - before) / runs.max(1);
                Ok(vec![V::from_f(avg as f64)])
            }
            _ => Err(Trap::Fatal(format!(
                "gomem: unsupported: {pkg}.{name} is not implemented by the VM"
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
        let off = self.field_offset(t, "NumGC");
        let _ = self.heap.mem.write_u32(m + off, self.heap.gc.num_gc);
        let off = self.field_offset(t, "BySize");
        for (i, b) in s.by_size.iter().enumerate().take(61) {
            let a = m + off + i as u64 * 24;
            let _ = self.heap.mem.write_u32(a, b.size);
            let _ = self.heap.mem.write_u64(a + 8, b.mallocs);
            let _ = self.heap.mem.write_u64(a + 16, b.frees);
        }
        Ok(())
    }

    fn memstats_type(&self) -> crate::types::TypeId {
        self.tt
            .types
            .iter()
            .position(|t| matches!(t, crate::types::Type::Named { name, pkg, .. } if name == "MemStats" && pkg == "runtime"))
            .unwrap_or(0) as crate::types::TypeId
    }
}
