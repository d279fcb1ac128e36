//! # The VM: running Go programs on the simulated runtime
//!
//! `gomem run prog.go` is `go run prog.go` with every byte of the program's memory simulated.
//! The VM executes the same desugared tree that escape analysis reads ([`crate::ir`]), after
//! inlining, and asks escape analysis where each value lives:
//!
//! - a **local variable** lives in its function's **frame**, a block of the goroutine's stack
//!   ([`frame`]); a variable that escape analysis moved to the heap (`heap_vars`) gets a heap
//!   object at its declaration and its frame slot holds the pointer;
//! - an **allocation expression** (`new`, `&T{}`, `make`, literals, closures, interface boxes,
//!   string conversions, `append` growth) calls the allocator ([`alloc`]) when escape analysis
//!   put its node in `heap_sites`, and otherwise uses a slot reserved in the frame, like the
//!   compiler's stack temporaries;
//! - **globals** and **constants** (string literals, static function values) live in static
//!   data regions laid out once at start-up.
//!
//! Pointers *are* simulated addresses, so a later garbage collector can scan memory word by
//! word with the pointer maps recorded for frames and heap types.
//!
//! The interpreter is a direct evaluator of the IR: [`expr`] computes values ([`value::V`]),
//! [`stmt`] runs statements, [`call`] makes calls (frames, `defer`, `panic`, `recover`).
//! Interfaces and method dispatch are in [`iface`], maps in [`maps`], goroutines, channels and
//! the deterministic scheduler in [`sched`], the standard library's body-less functions in
//! [`natives`] (`sync.Pool` in [`pool`]), and the VM side of Go's formatting (values for
//! [`crate::gofmt`]) in [`format`]. Two later compiler passes that change where memory
//! comes from are modelled on their own: `append`'s stack backing store and the slice
//! pass's `move2heap` ([`slicebuf`]), and `string(b)` conversions that copy nothing
//! ([`strtmp`]);
//! [`bench`] runs `BenchmarkX` functions for `gomem bench`, [`gotest`] `TestX` functions for
//! `gomem test`. [`panics`] prints what a crashing
//! Go program prints.
//!
//! Runaway programs are stopped by an instruction budget, a cap on simulated memory and a
//! wall-clock timeout, each with a clear message and a non-zero exit status.

pub mod alloc;
pub mod bench;
pub mod call;
pub mod expr;
pub mod format;
pub mod frame;
pub mod gc;
pub mod gotest;
pub mod iface;
pub mod maps;
pub mod natives;
pub mod observe;
pub mod panics;
pub mod pool;
pub mod sched;
pub mod slicebuf;
pub mod stmt;
pub mod strtmp;
pub mod value;

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::escape;
use crate::ir::{NodeId, Program, VarId};
use crate::runtime::stack::{SimplePages, StackConfig, Stacks};
use crate::runtime::{Heap, HeapConfig, MemStats, TypeInfo};
use crate::types::{FuncId, TypeId, TypeTable};
use value::{Kind, V};

/// Where static data (string literals, boxed constants, static function values) lives.
pub const RODATA_BASE: u64 = 0x0100_0000;
const RODATA_LEN: u64 = 64 << 20;
/// Package-level variables.
pub const GLOBALS_BASE: u64 = 0x0800_0000;
/// Goroutine stacks are carved from pages here.
pub const STACKS_BASE: u64 = 0xc1_0000_0000;
pub const STACKS_LEN: u64 = 4 << 30;
/// Code addresses of functions (what a func value's first word holds).
pub const CODE_BASE: u64 = 0x0040_0000;
/// Code addresses of method-value wrappers (`T.M-fm`): the receiver follows the code word.
pub const METHOD_VALUE_BASE: u64 = 0x0080_0000;
/// Type descriptors (what an interface's first word holds).
pub const TYPE_BASE: u64 = 0x0050_0000;

/// The logical CPUs of the simulated machine (`runtime.NumCPU`): two, like the machine the
/// run goldens were recorded on. Go's default GOMAXPROCS is the CPU count, hence
/// [`RunOptions::gomaxprocs`]'s default; setting GOMAXPROCS does not change NumCPU.
pub const SIMULATED_CPUS: usize = 2;

/// How to run a program; mirrors the environment of `go run`.
#[derive(Clone, Debug, Serialize)]
pub struct RunOptions {
    /// GOMAXPROCS (default 2 for the book's corpus, like the goldens' environment).
    pub gomaxprocs: usize,
    /// GOGC (`None` = off).
    pub gogc: Option<u64>,
    /// GOMEMLIMIT in bytes.
    pub gomemlimit: Option<u64>,
    /// GODEBUG settings, verbatim.
    pub godebug: String,
    /// Maximum number of executed statements and calls.
    pub max_steps: u64,
    /// Maximum bytes of simulated heap.
    pub max_memory: u64,
    /// Wall-clock timeout in milliseconds (a last resort).
    pub timeout_ms: u64,
    /// Statements between preemptions of a running goroutine.
    pub preempt_every: u64,
    /// Green Tea span scanning (Go 1.27's default); `false` is `GOEXPERIMENT=nogreenteagc`.
    pub green_tea: bool,
    /// The write barrier (a teaching switch: turning it off lets the collector lose
    /// reachable objects, and the VM stops the program to show which one).
    pub write_barrier: bool,
    /// Check after every mark phase that every reachable object was marked.
    pub gc_verify: bool,
    /// Start a collection at every allocation (to flush out missing roots or barriers).
    pub gc_stress: bool,
    /// Record the run's events (for traces and plots; see [`observe`]).
    pub trace: bool,
    /// The GC cycle whose heap-map snapshots are kept when tracing (1 = the first).
    pub heapmap_cycle: u32,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            gomaxprocs: SIMULATED_CPUS,
            gogc: Some(100),
            gomemlimit: None,
            godebug: String::new(),
            max_steps: 2_000_000_000,
            max_memory: 4 << 30,
            timeout_ms: 120_000,
            preempt_every: 10_000,
            green_tea: true,
            write_barrier: true,
            gc_verify: false,
            gc_stress: false,
            trace: false,
            heapmap_cycle: 1,
        }
    }
}

impl RunOptions {
    /// Applies `NAME=VALUE` settings (`GOGC=off GOMAXPROCS=1`), as from the environment.
    pub fn apply_env(&mut self, name: &str, value: &str) {
        match name {
            "GOMAXPROCS" => {
                if let Ok(n) = value.parse::<usize>() {
                    self.gomaxprocs = n.max(1);
                }
            }
            // Go's readGOGC: "off" (or a negative value) turns the GC off; anything that is not
            // a number means the default, 100.
            "GOGC" => {
                self.gogc = match value.trim() {
                    "off" => None,
                    v => match v.parse::<i64>() {
                        Ok(n) if n < 0 => None,
                        Ok(n) => Some(n as u64),
                        Err(_) => Some(100),
                    },
                }
            }
            "GOMEMLIMIT" => self.gomemlimit = parse_bytes(value),
            "GODEBUG" => self.godebug = value.to_string(),
            "GOEXPERIMENT" => {
                for e in value.split(',') {
                    match e.trim() {
                        "nogreenteagc" => self.green_tea = false,
                        "greenteagc" => self.green_tea = true,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

fn parse_bytes(s: &str) -> Option<u64> {
    let units = [
        ("KiB", 1u64 << 10),
        ("MiB", 1 << 20),
        ("GiB", 1 << 30),
        ("B", 1),
    ];
    for (u, m) in units {
        if let Some(n) = s.strip_suffix(u) {
            return n.parse::<u64>().ok().map(|n| n * m);
        }
    }
    s.parse().ok()
}

/// Whether `b` is valid UTF-8 (then the text fields of a [`RunReport`] are exact).
fn is_utf8(b: &[u8]) -> bool {
    std::str::from_utf8(b).is_ok()
}

/// What a run produced.
#[derive(Clone, Debug, Serialize)]
pub struct RunReport {
    /// What the program wrote to standard output, as text (invalid UTF-8 shows as U+FFFD);
    /// [`RunReport::stdout_bytes`] has the exact bytes.
    pub stdout: String,
    pub stderr: String,
    /// Standard output byte for byte: a Go program may write any bytes (`"\xff"`). The CLI
    /// prints these. Serialized only when they differ from `stdout` (not valid UTF-8).
    #[serde(skip_serializing_if = "is_utf8")]
    pub stdout_bytes: Vec<u8>,
    /// Standard error byte for byte, like `stdout_bytes`.
    #[serde(skip_serializing_if = "is_utf8")]
    pub stderr_bytes: Vec<u8>,
    pub exit_code: i32,
    /// `runtime.ReadMemStats` at exit.
    pub mem_stats: MemStats,
    /// Statements and calls executed.
    pub steps: u64,
    /// What happened, on the virtual clock (with [`RunOptions::trace`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<crate::events::EventLog>,
    /// Heap maps through one GC cycle (with [`RunOptions::trace`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub heap_snapshots: Vec<crate::plot::HeapSnapshot>,
}

/// How execution leaves the normal path.
#[derive(Clone, Debug)]
pub enum Trap {
    /// A Go panic is unwinding the goroutine (the value is in the goroutine's panic list).
    Panic,
    /// `os.Exit(code)` or the end of the program.
    Exit(i32),
    /// A fatal runtime error: the text after `fatal error: ` (or a full message if it starts
    /// with a newline-free `runtime:` prefix), then exit status 2.
    Fatal(String),
    /// `runtime.Goexit` or the program ending while this goroutine is parked.
    Kill,
}

pub type R<T> = Result<T, Trap>;

/// Where a variable lives relative to its function's frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct Slot {
    /// Byte offset in the frame (or in the globals area).
    pub off: u32,
    /// The frame slot holds a pointer to a heap object.
    pub heap: bool,
    /// The function whose frame holds the variable (u32::MAX for globals).
    pub home: u32,
}

/// The machine.
pub struct Vm {
    pub prog: Arc<Program>,
    pub tt: Arc<TypeTable>,
    pub heap_vars: rustc_hash::FxHashSet<VarId>,
    pub heap_sites: rustc_hash::FxHashSet<NodeId>,
    pub zero_copy: rustc_hash::FxHashSet<NodeId>,
    /// Interface conversions of a variable escape analysis found constant: boxed statically.
    pub const_ifaces: rustc_hash::FxHashSet<NodeId>,
    /// `string(b)` conversions that share the slice's bytes ([`strtmp`]).
    pub bytes_tmp: rustc_hash::FxHashSet<NodeId>,
    pub opts: RunOptions,
    pub heap: Heap,
    pub stacks: Stacks<SimplePages>,
    /// Per type: representation kind and size, computed once when the VM starts (the type
    /// table is frozen by then), because every load and store needs them.
    pub kinds: Vec<(Kind, u64)>,
    pub slots: Vec<Slot>,
    pub site_slots: HashMap<NodeId, u32>,
    pub site_caps: HashMap<NodeId, u64>,
    /// The compiler's slice pass: `move2heap` points and appends it made non-escaping.
    pub slice_pass: slicebuf::SlicePass,
    /// The stack buffer each non-escaping fixed-count `append` may use ([`slicebuf`]).
    pub append_bufs: HashMap<NodeId, slicebuf::AppendBuf>,
    /// Statements of inlined bodies that were `return`s in the original function.
    pub inl_returns: rustc_hash::FxHashSet<crate::ir::StmtId>,
    pub layouts: Vec<Option<Arc<frame::Layout>>>,
    pub typeinfos: HashMap<(TypeId, u64), TypeInfo>,
    pub runtime_typeinfos: HashMap<String, TypeInfo>,
    pub rodata_next: u64,
    /// The buffer `fmt.Fprint*` hands to a writer's `Write` method (Go's printer buffer,
    /// pooled, so writing allocates nothing): address and capacity, grown as needed.
    pub print_buf: (u64, u64),
    pub strings: HashMap<Vec<u8>, u64>,
    pub static_funcs: HashMap<u64, u64>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub steps: u64,
    pub maps: maps::Maps,
    /// The `sync.Pool`s' caches ([`pool`]).
    pub pools: pool::Pools,
    pub sched: sched::Sched,
    /// Frame pointer, closure context and function of the running frame (cached from the
    /// current goroutine's frame list).
    pub fp: u64,
    pub ctx: u64,
    pub cur_func: FuncId,
    pub in_static_init: bool,
    pub started: std::time::Instant,
    pub runtime_types: Vec<String>,
    pub method_cache: HashMap<(TypeId, String), Option<iface::MethodTarget>>,
    /// The running goroutine's active calls, panics and stack.
    pub frames: Vec<call::FrameRec>,
    pub panics: Vec<call::PanicRec>,
    pub gstack: crate::runtime::stack::GStack,
    pub next_call_is_panic_defer: bool,
    pub inl_depth: u32,
    pub pending_label: Option<String>,
    /// The timer of the running benchmark (`gomem bench`).
    pub bench_timer: Option<bench::BenchTimer>,
    /// The garbage collector and its roots, safe points and barrier ([`gc`]).
    pub coll: gc::Collector,
    /// The event recorder, when tracing ([`observe`]).
    pub rec: Option<Box<observe::Recorder>>,
    /// The state of `gomem test` (tests, their output, the `-run` filter).
    pub tests: Option<Box<gotest::Harness>>,
    /// How the next call is made (see [`call::FrameRec::deferred`]).
    pub defer_mode: u8,
    /// `runtime.Goexit` is unwinding the running goroutine.
    pub goexiting: bool,
}

/// Runs a checked, lowered and escape-analysed program.
pub fn run_program(
    prog: Program,
    tt: TypeTable,
    esc: escape::Output,
    opts: RunOptions,
) -> RunReport {
    on_main_stack(move || {
        let mut vm = new_vm(prog, tt, esc, opts);
        let code = sched::run_main(&mut vm);
        report(&mut vm, code)
    })
}

/// Host stacks to try for the thread that runs the main goroutine (reserved, committed as
/// used), largest first: the interpreter evaluates Go calls recursively, a few KiB of host
/// stack each, so a million-deep Go recursion needs gigabytes. A system that will not
/// reserve the first gets the next; [`call::enter_host_stack`] turns the size into the
/// depth at which a recursion is reported as a stack overflow.
const MAIN_HOST_STACKS: [usize; 3] = [4 << 30, 1 << 30, 256 << 20];

/// Runs `f` (a whole program) on a thread with a host stack big enough for deep Go
/// recursion, whatever thread the caller is on (a CLI's main thread has 8 MiB).
fn on_main_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    let job = std::sync::Mutex::new(Some(f));
    let job = &job;
    std::thread::scope(|s| {
        let mut last_err = None;
        for size in MAIN_HOST_STACKS {
            let spawned = std::thread::Builder::new()
                .name("gomem-main".into())
                .stack_size(size)
                .spawn_scoped(s, move || {
                    call::enter_host_stack(size);
                    let f = job.lock().ok().and_then(|mut j| j.take());
                    f.map(|f| f())
                });
            match spawned {
                Ok(h) => match h.join() {
                    Ok(Some(v)) => return v,
                    Ok(None) => panic!("gomem: the program ran already"),
                    Err(p) => std::panic::resume_unwind(p),
                },
                Err(e) => last_err = Some(e),
            }
        }
        panic!("gomem: cannot start the main goroutine's thread: {last_err:?}")
    })
}

/// What `gomem bench` reports: the program's output and one result per benchmark run.
#[derive(Clone, Debug, Serialize)]
pub struct BenchReport {
    pub run: RunReport,
    pub results: Vec<bench::BenchResult>,
}

/// Runs the benchmarks of a program whose name matches `pattern`, each with `b.N = n`.
pub fn bench_program(
    prog: Program,
    tt: TypeTable,
    esc: escape::Output,
    opts: RunOptions,
    pattern: &str,
    n: u64,
) -> BenchReport {
    let pattern = pattern.to_string();
    on_main_stack(move || {
        let mut vm = new_vm(prog, tt, esc, opts);
        let (results, code) = bench::run_benches(&mut vm, &pattern, n);
        BenchReport {
            run: report(&mut vm, code),
            results,
        }
    })
}

/// Runs the tests of a program like `go test` (see [`gotest`]).
pub fn test_program(
    prog: Program,
    tt: TypeTable,
    esc: escape::Output,
    file: &str,
    src: &str,
    opts: &gotest::TestOptions,
) -> gotest::TestReport {
    on_main_stack(move || {
        let mut vm = new_vm(prog, tt, esc, opts.vm.clone());
        let (output, exit_code, tests, bin_code) = gotest::run_tests(&mut vm, file, src, opts);
        gotest::TestReport {
            output,
            exit_code,
            tests,
            run: report(&mut vm, bin_code),
        }
    })
}

fn report(vm: &mut Vm, code: i32) -> RunReport {
    if vm.observing() {
        vm.observe_gc();
        vm.heap_sample();
    }
    let rec = vm.rec.take();
    let mut mem_stats = vm.heap.read_mem_stats();
    let st = vm.stacks.read_mem_stats();
    mem_stats.stack_inuse = st.stack_inuse;
    mem_stats.stack_sys = st.stack_sys;
    RunReport {
        stdout: String::from_utf8_lossy(&vm.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&vm.stderr).into_owned(),
        stdout_bytes: vm.stdout.clone(),
        stderr_bytes: vm.stderr.clone(),
        exit_code: code,
        mem_stats,
        steps: vm.steps,
        heap_snapshots: rec
            .as_ref()
            .map(|r| r.snapshots.clone())
            .unwrap_or_default(),
        events: rec.map(|r| r.log),
    }
}

fn new_vm(prog: Program, tt: TypeTable, esc: escape::Output, opts: RunOptions) -> Box<Vm> {
    let heap = Heap::new(HeapConfig {
        gomaxprocs: opts.gomaxprocs,
        ..HeapConfig::default()
    });
    let stacks = Stacks::new(
        StackConfig {
            procs: opts.gomaxprocs,
            ..StackConfig::default()
        },
        SimplePages::starting_at(STACKS_BASE),
    );
    let kinds = (0..tt.types.len() as TypeId)
        .map(|t| (value::kind_of(&tt, t), tt.size_of(t)))
        .collect();
    let inl_returns = stmt::inl_returns(&prog);
    let coll = gc::Collector::new(&heap, &opts);
    let slice_pass = slicebuf::slice_pass(&prog, &tt, &esc);
    let bytes_tmp = strtmp::no_copy_conversions(&prog);
    let mut heap_sites: rustc_hash::FxHashSet<NodeId> = esc.heap_sites.into_iter().collect();
    heap_sites.retain(|n| !slice_pass.no_escape.contains(n));
    let mut vm = Box::new(Vm {
        prog: Arc::new(prog),
        tt: Arc::new(tt),
        heap_vars: esc.heap_vars.into_iter().collect(),
        heap_sites,
        zero_copy: esc.zero_copy.into_iter().collect(),
        const_ifaces: esc.const_ifaces.into_iter().collect(),
        bytes_tmp,
        opts,
        heap,
        stacks,
        kinds,
        slots: Vec::new(),
        site_slots: HashMap::default(),
        site_caps: HashMap::default(),
        slice_pass,
        append_bufs: HashMap::default(),
        inl_returns,
        layouts: Vec::new(),
        typeinfos: HashMap::default(),
        runtime_typeinfos: HashMap::default(),
        rodata_next: RODATA_BASE + 0x100,
        print_buf: (0, 0),
        strings: HashMap::default(),
        static_funcs: HashMap::default(),
        stdout: Vec::new(),
        stderr: Vec::new(),
        steps: 0,
        maps: maps::Maps::default(),
        pools: pool::Pools::default(),
        sched: sched::Sched::default(),
        fp: 0,
        ctx: 0,
        cur_func: 0,
        in_static_init: false,
        started: std::time::Instant::now(),
        runtime_types: Vec::new(),
        method_cache: HashMap::default(),
        frames: Vec::new(),
        panics: Vec::new(),
        gstack: crate::runtime::stack::GStack {
            goid: 0,
            stack: crate::runtime::stack::Stack { lo: 0, hi: 0 },
            sp: 0,
            preempt_shrink: false,
        },
        next_call_is_panic_defer: false,
        inl_depth: 0,
        pending_label: None,
        bench_timer: None,
        coll,
        rec: None,
        tests: None,
        defer_mode: 0,
        goexiting: false,
    });
    vm.heap.mem.map(RODATA_BASE, RODATA_LEN, "rodata");
    vm.heap.mem.map(STACKS_BASE, STACKS_LEN, "stacks");
    frame::assign_slots(&mut vm);
    if vm.opts.trace {
        vm.rec = Some(Box::default());
        vm.heap.records = Some(Vec::new());
    }
    vm
}

impl Vm {
    /// Representation kind and size of a type.
    #[inline]
    pub fn kind(&self, t: TypeId) -> (Kind, u64) {
        self.kinds[t as usize]
    }

    /// `unsafe.Sizeof` of `t`, from the table computed at start-up.
    #[inline]
    pub fn size_of(&self, t: TypeId) -> u64 {
        self.kinds[t as usize].1
    }

    /// Loads a value of type `t` from `addr`.
    pub fn load(&mut self, addr: u64, t: TypeId) -> R<V> {
        let (k, size) = self.kind(t);
        self.load_k(addr, k, size)
    }

    pub fn load_k(&mut self, addr: u64, k: Kind, size: u64) -> R<V> {
        let m = &self.heap.mem;
        let r = match k {
            Kind::Int { size: 8, .. } | Kind::F64 | Kind::Ptr => m.read_u64(addr).map(V::W),
            Kind::Int { size, signed } => {
                let mut b = [0u8; 8];
                m.read_bytes(addr, &mut b[..size as usize])
                    .map(|_| V::W(value::wrap(u64::from_le_bytes(b), size, signed)))
            }
            Kind::Bool => m.read_u8(addr).map(|b| V::W((b != 0) as u64)),
            Kind::F32 => m
                .read_u32(addr)
                .map(|b| V::from_f(f32::from_bits(b) as f64)),
            _ => {
                let mut b = vec![0u8; size as usize];
                m.read_bytes(addr, &mut b).map(|_| V::B(b))
            }
        };
        r.or_else(|f| self.fault(f.addr))
    }

    /// Stores `v` (of type `t`) at `addr`.
    pub fn store(&mut self, addr: u64, t: TypeId, v: &V) -> R<()> {
        let (k, size) = self.kind(t);
        self.store_k(addr, k, size, v)
    }

    pub fn store_k(&mut self, addr: u64, k: Kind, size: u64, v: &V) -> R<()> {
        if self.coll.wb && size >= 8 {
            self.barrier_store(addr, size, &|i| v.word(i as usize));
        }
        let m = &mut self.heap.mem;
        let r = match (k, v) {
            (Kind::F32, V::W(w)) => m.write_u32(addr, (f64::from_bits(*w) as f32).to_bits()),
            (_, V::W(w)) => match size {
                8 => m.write_u64(addr, *w),
                4 => m.write_u32(addr, *w as u32),
                2 => m.write_u16(addr, *w as u16),
                1 => m.write_u8(addr, *w as u8),
                0 => Ok(()),
                _ => m.write_bytes(addr, &w.to_le_bytes()[..size.min(8) as usize]),
            },
            (_, V::B(b)) => {
                if b.len() as u64 >= size {
                    m.write_bytes(addr, &b[..size as usize])
                } else {
                    let mut bb = b.clone();
                    bb.resize(size as usize, 0);
                    m.write_bytes(addr, &bb)
                }
            }
        };
        r.or_else(|f| self.fault(f.addr))
    }

    pub fn read_word(&mut self, addr: u64) -> R<u64> {
        match self.heap.mem.read_u64(addr) {
            Ok(w) => Ok(w),
            Err(f) => self.fault(f.addr),
        }
    }

    pub fn write_word(&mut self, addr: u64, w: u64) -> R<()> {
        if self.coll.wb {
            self.barrier_store(addr, 8, &|_| w);
        }
        match self.heap.mem.write_u64(addr, w) {
            Ok(()) => Ok(()),
            Err(f) => self.fault(f.addr),
        }
    }

    pub fn read_bytes(&mut self, addr: u64, len: u64) -> R<Vec<u8>> {
        let mut b = vec![0u8; len as usize];
        if len > 0 {
            if let Err(f) = self.heap.mem.read_bytes(addr, &mut b) {
                return self.fault(f.addr);
            }
        }
        Ok(b)
    }

    pub fn write_bytes(&mut self, addr: u64, b: &[u8]) -> R<()> {
        if b.is_empty() {
            return Ok(());
        }
        if self.coll.wb && b.len() >= 8 {
            self.barrier_store(addr, b.len() as u64, &|i| {
                let i = i as usize * 8;
                u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]))
            });
        }
        match self.heap.mem.write_bytes(addr, b) {
            Ok(()) => Ok(()),
            Err(f) => self.fault(f.addr),
        }
    }

    /// Copies `len` bytes inside simulated memory (overlapping ranges allowed: memmove).
    pub fn memmove(&mut self, dst: u64, src: u64, len: u64) -> R<()> {
        if len == 0 || dst == src {
            return Ok(());
        }
        let b = self.read_bytes(src, len)?;
        self.write_bytes(dst, &b)
    }

    /// A memory fault: Go's nil-pointer panic.
    pub fn fault<T>(&mut self, addr: u64) -> R<T> {
        let _ = addr;
        Err(self.runtime_error(panics::RtErr::NilDeref))
    }

    /// Reads a Go string's bytes.
    pub fn str_bytes(&mut self, v: &V) -> R<Vec<u8>> {
        let (p, n) = (v.word(0), v.word(1));
        self.read_bytes(p, n)
    }

    pub fn str_string(&mut self, v: &V) -> R<String> {
        Ok(String::from_utf8_lossy(&self.str_bytes(v)?).into_owned())
    }

    /// Static bytes in read-only data (string literals), interned.
    pub fn rodata_bytes(&mut self, b: &[u8]) -> u64 {
        if b.is_empty() {
            return 0;
        }
        if let Some(&a) = self.strings.get(b) {
            return a;
        }
        let a = self.rodata_alloc(b.len() as u64, 1);
        let _ = self.heap.mem.write_bytes(a, b);
        self.strings.insert(b.to_vec(), a);
        a
    }

    /// Reserves static data.
    pub fn rodata_alloc(&mut self, size: u64, align: u64) -> u64 {
        let align = align.max(1);
        let a = self.rodata_next.div_ceil(align) * align;
        self.rodata_next = a + size.max(1);
        a
    }

    /// A Go string value for a literal.
    pub fn const_str(&mut self, s: &[u8]) -> V {
        let p = self.rodata_bytes(s);
        V::words(&[p, s.len() as u64])
    }

    /// One step of work: counts toward the budget, the virtual clock and preemption.
    #[inline]
    /// Zeroes `len` bytes at `addr` (through the write barrier: zeroing overwrites pointers).
    pub fn zero_mem(&mut self, addr: u64, len: u64) {
        if self.coll.wb {
            self.barrier_store(addr, len, &|_| 0);
        }
        let _ = self.heap.mem.zero(addr, len);
    }

    pub fn step(&mut self) -> R<()> {
        self.steps += 1;
        if self.steps & 0xfff == 0 {
            self.check_limits()?;
        }
        if self.sched.preempt_due(self.steps, self.opts.preempt_every) {
            sched::preempt(self)?;
        }
        Ok(())
    }

    fn check_limits(&mut self) -> R<()> {
        if self.steps > self.opts.max_steps {
            return Err(Trap::Fatal(format!(
                "gomem: instruction budget exhausted ({} steps); raise it with --max-steps",
                self.opts.max_steps
            )));
        }
        if self.steps & 0xfffff == 0
            && self.started.elapsed().as_millis() as u64 > self.opts.timeout_ms
        {
            return Err(Trap::Fatal(format!(
                "gomem: wall-clock timeout after {} ms; raise it with --timeout",
                self.opts.timeout_ms
            )));
        }
        Ok(())
    }

    /// The virtual clock in nanoseconds: derived from work done, never the wall clock.
    pub fn now_ns(&self) -> u64 {
        self.steps * 2
            + self.sched.sleep_ns
            + self.coll.stopped_ns
            + self.coll.alloc_ns
            + self.coll.gc.mutator_ns
    }
}
