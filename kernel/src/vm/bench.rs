//! `gomem bench`: running `BenchmarkX(b *testing.B)` functions like `go test -bench -benchmem`.
//!
//! After package initialisation, each benchmark selected by the `-bench` pattern runs once
//! with `b.N = 1` (as Go's testing package does before it sizes the run), then with
//! `b.N = N` (`-benchtime Nx`, default 200 as the goldens were made). Around the second run
//! the simulated heap's `Mallocs` and `TotalAlloc` (the counters `runtime.ReadMemStats`
//! reports) are read, honouring `b.ResetTimer`/`StopTimer`/`StartTimer`; allocs/op and B/op
//! are those deltas divided by N with integer truncation, as Go's `testing` prints them.
//! ns/op comes from the VM's virtual clock and is only a simulated figure.

use super::sched::{as_main, finish, run_inits, shutdown, start_main};
use super::{Trap, Vm, R};

/// What one benchmark measured.
#[derive(Clone, Debug, serde::Serialize)]
pub struct BenchResult {
    pub name: String,
    pub n: u64,
    pub allocs_per_op: u64,
    pub bytes_per_op: u64,
    /// Virtual-clock nanoseconds per operation (simulated).
    pub ns_per_op: f64,
}

/// The benchmark timer of the running benchmark.
#[derive(Clone, Debug, Default)]
pub struct BenchTimer {
    pub on: bool,
    start: (u64, u64, u64),
    acc: (u64, u64, u64),
}

impl Vm {
    fn bench_counters(&mut self) -> (u64, u64, u64) {
        let s = self.heap.read_mem_stats();
        (s.mallocs, s.total_alloc, self.now_ns())
    }

    /// `b.StartTimer()`.
    pub fn bench_start(&mut self) {
        let c = self.bench_counters();
        if let Some(t) = self.bench_timer.as_mut() {
            if !t.on {
                t.on = true;
                t.start = c;
            }
        }
    }

    /// `b.StopTimer()`.
    pub fn bench_stop(&mut self) {
        let c = self.bench_counters();
        if let Some(t) = self.bench_timer.as_mut() {
            if t.on {
                t.on = false;
                t.acc.0 += c.0 - t.start.0;
                t.acc.1 += c.1 - t.start.1;
                t.acc.2 += c.2 - t.start.2;
            }
        }
    }

    /// `b.ResetTimer()`.
    pub fn bench_reset(&mut self) {
        let c = self.bench_counters();
        if let Some(t) = self.bench_timer.as_mut() {
            if t.on {
                t.start = c;
            }
            t.acc = (0, 0, 0);
        }
    }

    /// One run of benchmark `f` with `b.N = n`: the (mallocs, bytes, ns) the timer saw.
    fn bench_once(
        &mut self,
        f: crate::types::FuncId,
        bt: crate::types::TypeId,
        n: u64,
    ) -> R<(u64, u64, u64)> {
        let b = self.malloc(bt, 1)?;
        let off = self.field_offset(bt, "N");
        self.write_word(b + off, n)?;
        self.bench_timer = Some(BenchTimer::default());
        self.bench_start();
        self.call_func(f, 0, vec![super::value::V::W(b)])?;
        self.bench_stop();
        let t = self.bench_timer.take().unwrap_or_default();
        Ok(t.acc)
    }
}

/// Does Go's `-bench` regular expression `pat` match `name`? Supports alternatives (`|`),
/// anchors (`^`, `$`), `.` and `*`: the forms used on command lines.
pub fn pattern_matches(pat: &str, name: &str) -> bool {
    fn here(p: &[u8], s: &[u8]) -> bool {
        if p.is_empty() {
            return true;
        }
        if p.len() >= 2 && p[1] == b'*' {
            let mut i = 0;
            loop {
                if here(&p[2..], &s[i..]) {
                    return true;
                }
                if i < s.len() && (p[0] == b'.' || s[i] == p[0]) {
                    i += 1;
                } else {
                    return false;
                }
            }
        }
        if p == b"$" {
            return s.is_empty();
        }
        if !s.is_empty() && (p[0] == b'.' || p[0] == s[0]) {
            return here(&p[1..], &s[1..]);
        }
        false
    }
    pat.split('|').any(|alt| {
        let (p, s) = (alt.as_bytes(), name.as_bytes());
        if let Some(rest) = p.strip_prefix(b"^") {
            return here(rest, s);
        }
        (0..=s.len()).any(|i| here(p, &s[i..]))
    })
}

/// Runs the selected benchmarks; returns their results and the exit status.
pub fn run_benches(vm: &mut Vm, pattern: &str, n: u64) -> (Vec<BenchResult>, i32) {
    start_main(vm);
    let prog = vm.prog.clone();
    let mut results = Vec::new();
    let r = as_main(vm, |vm| -> R<()> {
        run_inits(vm)?;
        let bt = vm
            .tt
            .types
            .iter()
            .position(|t| matches!(t, crate::types::Type::Named { name, pkg, .. } if name == "B" && pkg == "testing"))
            .ok_or_else(|| Trap::Fatal("gomem: no testing.B type".into()))?
            as crate::types::TypeId;
        let mut benches: Vec<_> = prog
            .funcs
            .iter()
            .flatten()
            // Top-level `func BenchmarkX(b *testing.B)` only: a function literal inside a
            // benchmark is named `BenchmarkX.func1` and may take one parameter too.
            .filter(|f| {
                f.is_user
                    && f.outer.is_none()
                    && !f.name.contains('.')
                    && f.name.starts_with("Benchmark")
                    && f.params.len() == 1
                    && matches!(vm.tt.under(prog.vars[f.params[0] as usize].ty),
                        crate::types::Type::Pointer(p) if *p == bt)
            })
            .map(|f| (f.pos, f.id, f.name.clone()))
            .collect();
        benches.sort_by_key(|b| b.0);
        for (_, f, name) in benches {
            if !pattern_matches(pattern, &name) {
                continue;
            }
            vm.bench_once(f, bt, 1)?;
            let (m, b, ns) = vm.bench_once(f, bt, n)?;
            let n = n.max(1);
            results.push(BenchResult {
                name,
                n,
                allocs_per_op: m / n,
                bytes_per_op: b / n,
                ns_per_op: ns as f64 / n as f64,
            });
        }
        Ok(())
    });
    let code = finish(vm, r);
    shutdown(vm);
    (results, code)
}
