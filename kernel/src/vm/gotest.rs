//! `gomem test`: running `TestX(t *testing.T)` functions like `go test FILE_test.go`.
//!
//! This is Go's `testing` package (`testing.go`, `match.go`) re-told over the VM. After package
//! initialisation the test functions run in source order, each as a subtest of an invisible
//! root test (Go's `runTests` → `tRunner` → `t.Run`); `t.Run` inside a test makes deeper
//! subtests. Each test has a record ([`TState`]) keyed by the address of its heap-allocated
//! `*testing.T`, which the body-less methods of the prelude (`t.Errorf`, `t.Helper`, ...)
//! find through their receiver.
//!
//! **Running a test.** Go runs every test in a goroutine of its own and blocks the parent
//! until it signals completion; the VM calls the test function directly on the running
//! goroutine instead — the parent is blocked all the while anyway, so the order of events is
//! the same. `t.FailNow` and `t.SkipNow` call `runtime.Goexit`: the VM's `Trap::Kill`, which
//! runs the deferred calls of every frame it unwinds and stops at the test's runner. Then the
//! test's cleanups run (last registered first), its duration is taken from the virtual clock,
//! and it *reports*.
//!
//! **Output.** A log line (`t.Log`, `t.Error`, ...) is `file.go:LINE: ` + the message, its
//! continuation lines indented by four spaces. Without `-v` it goes to the test's buffer,
//! indented by four spaces; when the test reports, `--- FAIL: name (0.00s)` and the buffer are
//! flushed to the parent — for a subtest, into the parent's buffer, indented once more; for a
//! top-level test, to standard output. Passing tests report nothing. With `-v` (Go's "chatty"
//! printer) `=== RUN`, log lines and top-level `--- PASS/FAIL/SKIP` lines are printed at once;
//! a log line of a test other than the last one named is preceded by `=== NAME  test`.
//! Finally the test binary prints `PASS` or `FAIL`, and the go command prints
//! `ok  \tcommand-line-arguments\t0.003s` (dropping the binary's output when everything
//! passed without `-v`) or `FAIL\tcommand-line-arguments\t0.003s` and a last `FAIL`.
//!
//! **Call sites.** The `file:line` of a log line is the first caller that is not a helper
//! (`t.Helper`), found on the VM's *logical* call stack: every frame records the position of
//! the call it is making and the chain of inlined calls it is executing, so an inlined helper
//! is still a frame of its own, as in Go's `runtime.CallersFrames`. The walk stops at the
//! test's runner; for a subtest it continues from where its parent called `t.Run`.
//!
//! **Panics.** A test that panics is marked failed, its cleanups run, `--- FAIL` lines are
//! flushed up to the top, and the panic is raised again: the program crashes with
//! `panic: VALUE [recovered, repanicked]` and a goroutine trace, as Go's `tRunner` does.
//!
//! Not modelled: `t.Parallel` (not declared by the prelude), `t.Output`, `TestMain`, timeouts.
//! Durations are virtual (see [`Vm::now_ns`]); the golden tests normalise them.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::sched::{as_main, run_inits, shutdown, start_main};
use super::value::V;
use super::{RunReport, Trap, Vm, R};
use crate::types::{FuncId, Type, TypeId};

/// How to run tests; mirrors `go test`'s flags.
#[derive(Clone, Debug, Default, Serialize)]
pub struct TestOptions {
    /// `-v`: print `=== RUN` lines, every log line and `--- PASS` lines as tests run.
    pub verbose: bool,
    /// `-run REGEXP`: run only the tests (and subtests, split at `/`) that match.
    pub run: String,
    /// The simulated machine.
    pub vm: super::RunOptions,
}

/// How a test ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum TestStatus {
    Passed,
    Failed,
    Skipped,
}

/// One test or subtest that ran.
#[derive(Clone, Debug, Serialize)]
pub struct TestResult {
    /// The full name: `TestX`, `TestX/sub_name`.
    pub name: String,
    pub status: TestStatus,
    /// What the test logged, one entry per line, as `-v` prints it without the leading
    /// indentation: `x_test.go:12: message`, continuation lines indented by four spaces.
    pub output: Vec<String>,
    /// The test panicked (and crashed the test binary).
    pub panicked: bool,
    /// Duration on the virtual clock.
    pub duration_ns: u64,
}

/// What `gomem test` reports.
#[derive(Clone, Debug, Serialize)]
pub struct TestReport {
    /// Exactly what `go test` prints (its standard output; the go command writes everything
    /// there), durations from the virtual clock.
    pub output: String,
    /// The exit status of `go test`: 0 when every test passed, 1 otherwise.
    pub exit_code: i32,
    /// Every test and subtest that ran, in the order they started.
    pub tests: Vec<TestResult>,
    /// The test binary's own run: its raw output, exit status (2 after a panic) and MemStats.
    pub run: RunReport,
}

impl TestReport {
    /// Did every test pass (or skip)?
    pub fn passed(&self) -> bool {
        self.exit_code == 0
    }
    /// The result of the test named `name` (`TestX` or `TestX/sub`).
    pub fn test(&self, name: &str) -> Option<&TestResult> {
        self.tests.iter().find(|t| t.name == name)
    }
}

/// A frame of the logical call stack: the function and the line it is executing.
#[derive(Clone, Copy, Debug)]
struct LFrame {
    func: FuncId,
    line: u32,
}

/// The record of one running or finished test (Go's `testing.common`).
#[derive(Debug, Default)]
struct TState {
    name: String,
    parent: Option<usize>,
    level: u32,
    failed: bool,
    skipped: bool,
    finished: bool,
    done: bool,
    has_sub: bool,
    ran: bool,
    panicked: bool,
    /// Buffered output (already indented).
    output: Vec<u8>,
    /// Log lines for the report.
    lines: Vec<String>,
    /// Names of the functions marked by `t.Helper`.
    helpers: HashSet<String>,
    cleanups: Vec<u64>,
    /// `Vm::frames.len()` when the test function was called: frames below are its runner's.
    entry_depth: usize,
    /// The parent's logical stack where it called `t.Run` (innermost first).
    creator: Vec<LFrame>,
    start_ns: u64,
    duration_ns: u64,
}

/// Regular expressions of `-run`, split like Go's `splitRegexp`: alternatives at top-level
/// `|`, then one expression per subtest level at top-level `/`.
#[derive(Debug, Default)]
struct Filter {
    alts: Vec<Vec<regex::Regex>>,
}

impl Filter {
    fn new(pat: &str) -> Result<Filter, String> {
        if pat.is_empty() {
            return Ok(Filter::default());
        }
        let mut alts = Vec::new();
        for (ai, alt) in split_regexp(pat).into_iter().enumerate() {
            let mut levels = Vec::new();
            for (i, p) in alt.into_iter().enumerate() {
                let p = rewrite(&p);
                match regex::Regex::new(&p) {
                    Ok(r) => levels.push(r),
                    Err(e) => {
                        let first = e.to_string();
                        let why = first.lines().last().unwrap_or("").trim().to_string();
                        let what = format!(
                            "element {i} of -test.run ({p:?}): error parsing regexp: {why}"
                        );
                        return Err(if ai > 0 || pat.contains('|') {
                            format!("alternation {ai} of {what}")
                        } else {
                            what
                        });
                    }
                }
            }
            alts.push(levels);
        }
        Ok(Filter { alts })
    }

    /// Does the test path `elem` match (a prefix of the pattern's levels is enough)?
    fn matches(&self, elem: &[&str]) -> bool {
        if self.alts.is_empty() {
            return true;
        }
        self.alts
            .iter()
            .any(|levels| elem.iter().zip(levels).all(|(name, re)| re.is_match(name)))
    }
}

/// Go's `splitRegexp`: `|` and `/` outside brackets and parentheses separate.
fn split_regexp(s: &str) -> Vec<Vec<String>> {
    let b = s.as_bytes();
    let (mut alts, mut cur, mut start) = (Vec::new(), Vec::new(), 0);
    let (mut cs, mut cp, mut i) = (0i32, 0i32, 0);
    while i < b.len() {
        match b[i] {
            b'[' => cs += 1,
            b']' => cs = (cs - 1).max(0),
            b'(' if cs == 0 => cp += 1,
            b')' if cs == 0 => cp -= 1,
            b'\\' => i += 1,
            b'/' if cs == 0 && cp == 0 => {
                cur.push(s[start..i].to_string());
                start = i + 1;
            }
            b'|' if cs == 0 && cp == 0 => {
                cur.push(s[start..i].to_string());
                start = i + 1;
                alts.push(std::mem::take(&mut cur));
            }
            _ => {}
        }
        i += 1;
    }
    cur.push(s[start.min(s.len())..].to_string());
    alts.push(cur);
    alts
}

/// Go's `rewrite`: spaces become underscores, unprintable runes are escaped.
fn rewrite(s: &str) -> String {
    let mut out = String::new();
    for r in s.chars() {
        if is_space(r) {
            out.push('_');
        } else if !crate::gofmt::quote::is_print(r as u32) {
            let q = crate::gofmt::quote::quote_rune(r as u32, false);
            out.push_str(&String::from_utf8_lossy(&q[1..q.len() - 1]));
        } else {
            out.push(r);
        }
    }
    out
}

fn is_space(r: char) -> bool {
    let r = r as u32;
    if r < 0x2000 {
        matches!(
            r,
            0x09 | 0x0a | 0x0b | 0x0c | 0x0d | 0x20 | 0x85 | 0xa0 | 0x1680
        )
    } else {
        r <= 0x200a || matches!(r, 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000)
    }
}

/// Is `name` a test function name (`Test`, then nothing or a rune that is not lower case)?
fn is_test_name(name: &str) -> bool {
    match name.strip_prefix("Test") {
        Some(rest) => rest.chars().next().is_none_or(|c| !c.is_lowercase()),
        None => false,
    }
}

/// The state of `go test` inside the VM.
pub struct Harness {
    tests: Vec<TState>,
    by_addr: HashMap<u64, usize>,
    chatty: bool,
    last_name: String,
    filter: Filter,
    sub_names: HashMap<String, i32>,
    /// Base name of the test file (`x_test.go`), for call sites.
    file: String,
    t_type: TypeId,
    name_off: u64,
    /// What the crash of a panicking test printed.
    crash: Option<String>,
    /// Test records in the order tests started, for the report.
    order: Vec<usize>,
    /// The test file's source (for the closing braces deferred calls are called from).
    src: String,
}

impl Harness {
    /// The pointers the harness holds outside memory (each test's `*testing.T` and its
    /// registered cleanups): roots for the garbage collector.
    pub fn held_pointers(&self) -> Vec<u64> {
        let mut out: Vec<u64> = self.by_addr.keys().copied().collect();
        out.sort_unstable();
        for t in &self.tests {
            out.extend_from_slice(&t.cleanups);
        }
        out
    }
}

/// What running a test body produced, for its runner.
enum Target {
    Func(FuncId),
    Value(u64),
}

const INDENT: &str = "    ";

/// The function id standing for `runtime.Goexit` on a logical stack.
const GOEXIT: FuncId = FuncId::MAX;

/// The line of the `}` closing the body of the function whose `func` keyword is at `pos`:
/// the first `{` outside parentheses after it, and its match (skipping strings, runes and
/// comments).
fn closing_brace(src: &str, pos: crate::syntax::Pos) -> Option<u32> {
    let mut line = 1u32;
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() && line < pos.line {
        if b[i] == b'\n' {
            line += 1;
        }
        i += 1;
    }
    i += (pos.col as usize).saturating_sub(1);
    let (mut paren, mut brace, mut started) = (0i32, 0i32, false);
    while i < b.len() {
        let c = b[i];
        match c {
            b'\n' => line += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    if b[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            b'"' | b'\'' => {
                i += 1;
                while i < b.len() && b[i] != c && b[i] != b'\n' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'`' => {
                i += 1;
                while i < b.len() && b[i] != b'`' {
                    if b[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
            b'(' => paren += 1,
            b')' => paren -= 1,
            b'{' if paren == 0 || started => {
                started = true;
                brace += 1;
            }
            b'}' if started => {
                brace -= 1;
                if brace == 0 {
                    return Some(line);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn fmt_duration(ns: u64) -> String {
    format!("{:.2}s", ns as f64 / 1e9)
}

impl Vm {
    fn harness(&mut self) -> &mut Harness {
        self.tests.as_mut().expect("test harness")
    }

    /// The test whose `*testing.T` (or `*common`) is at `addr`.
    fn test_at(&self, addr: u64) -> Option<usize> {
        self.tests.as_ref()?.by_addr.get(&addr).copied()
    }

    /// The logical call stack, innermost first, from physical frame `from` up, as Go's
    /// `runtime.Callers` sees it: inlined calls are frames; compiler-made wrappers (`go`/`defer`
    /// wrappers) are not; a deferred call is called from its function's closing brace when it
    /// returns, and from `runtime.Goexit` (`panic.go:694`) when `t.FailNow` unwinds.
    fn logical_stack(&self, from: usize) -> Vec<LFrame> {
        let mut out = Vec::new();
        for (i, fr) in self.frames.iter().enumerate().skip(from) {
            let f = self
                .prog
                .funcs
                .get(fr.func as usize)
                .and_then(|f| f.as_ref());
            let wrapper = f.is_some_and(|f| f.wrapper);
            let mut funcs = vec![fr.func];
            let mut lines = Vec::new();
            for &(g, p) in &fr.inl {
                funcs.push(g);
                lines.push(p.line);
            }
            let next_mode = self.frames.get(i + 1).map_or(0, |n| n.deferred);
            let last = match next_mode {
                1 if fr.inl.is_empty() => self.closing_brace_line(fr.func),
                _ => fr.pos.line,
            };
            lines.push(last);
            for (k, (g, l)) in funcs.into_iter().zip(lines).enumerate() {
                if k == 0 && wrapper {
                    continue;
                }
                out.push(LFrame { func: g, line: l });
            }
            if next_mode == 2 {
                out.push(LFrame {
                    func: GOEXIT,
                    line: 694,
                });
            }
        }
        out.reverse();
        out
    }

    /// The line of the `}` that ends function `f`'s body in the test file.
    fn closing_brace_line(&self, f: FuncId) -> u32 {
        let Some(func) = self.prog.funcs.get(f as usize).and_then(|f| f.as_ref()) else {
            return 0;
        };
        match self.tests.as_ref() {
            Some(h) if func.is_user => closing_brace(&h.src, func.pos).unwrap_or(func.pos.line),
            _ => func.pos.line,
        }
    }

    fn func_name(&self, f: FuncId) -> String {
        match self.prog.funcs.get(f as usize).and_then(|f| f.as_ref()) {
            Some(f) => f.name.clone(),
            None => String::new(),
        }
    }

    /// Go's `frameSkip`: the first frame that is not in a helper, walking up from the caller
    /// of the testing method; at the test's runner, the test function itself (top-level test)
    /// or the parent's stack where it called `t.Run` (subtest).
    fn call_site(&self, mut c: usize) -> String {
        let h = self.tests.as_ref().expect("harness");
        let mut frames = self.logical_stack(h.tests[c].entry_depth);
        let mut first: Option<LFrame> = None;
        let mut prev: Option<LFrame> = None;
        let mut i = 0;
        let found = loop {
            let Some(&fr) = frames.get(i) else {
                // Reached the runner of test c.
                if h.tests[c].level > 1 {
                    let Some(p) = h.tests[c].parent else {
                        break prev;
                    };
                    frames = h.tests[c].creator.clone();
                    c = p;
                    i = 0;
                    continue;
                }
                break prev;
            };
            i += 1;
            if first.is_none() {
                first = Some(fr);
            }
            prev = Some(fr);
            if !h.tests[c].helpers.contains(&self.func_name(fr.func)) {
                break Some(fr);
            }
        };
        match found.or(first) {
            Some(fr) => {
                let user = self
                    .prog
                    .funcs
                    .get(fr.func as usize)
                    .and_then(|f| f.as_ref())
                    .is_some_and(|f| f.is_user);
                let file = if fr.func == GOEXIT {
                    "panic.go"
                } else if user {
                    h.file.as_str()
                } else {
                    "???"
                };
                format!("{file}:{}: ", fr.line.max(1))
            }
            None => "???:1: ".to_string(),
        }
    }

    /// Go's chatty `Printf`: output of test `name`, after `=== NAME` if another test spoke last.
    fn chatty_printf(&mut self, name: &str, text: &str) {
        let h = self.tests.as_mut().expect("harness");
        if h.last_name.is_empty() {
            h.last_name = name.to_string();
        } else if h.last_name != name {
            self.stdout
                .extend_from_slice(format!("=== NAME  {name}\n").as_bytes());
            self.harness().last_name = name.to_string();
        }
        self.stdout.extend_from_slice(text.as_bytes());
    }

    /// Go's chatty `Updatef`: a status line about test `name`.
    fn chatty_updatef(&mut self, name: &str, text: &str) {
        self.harness().last_name = name.to_string();
        self.stdout.extend_from_slice(text.as_bytes());
    }

    /// Go's `common.log`: a log line of test `c` (or its closest running parent).
    fn test_log(&mut self, c: usize, msg: &[u8]) -> R<()> {
        let s = String::from_utf8_lossy(msg);
        let s = s.strip_suffix('\n').unwrap_or(&s);
        let s = format!("{}\n", s.replace('\n', &format!("\n{INDENT}")));
        // destination: the test itself if still running, else its closest running parent.
        let mut n = Some(c);
        while let Some(i) = n {
            if !self.harness().tests[i].done {
                break;
            }
            n = self.harness().tests[i].parent;
        }
        let Some(n) = n else {
            let name = self.harness().tests[c].name.clone();
            return Err(
                self.plain_panic(&format!("Log in goroutine after {name} has completed: {s}"))
            );
        };
        let text = format!("{}{s}", self.call_site(n));
        for l in text.trim_end_matches('\n').split('\n') {
            self.harness().tests[n].lines.push(l.to_string());
        }
        let (done, chatty) = (self.harness().tests[n].done, self.harness().chatty);
        for line in text.split_inclusive('\n') {
            if done || !chatty {
                let o = &mut self.harness().tests[n].output;
                o.extend_from_slice(INDENT.as_bytes());
                o.extend_from_slice(line.as_bytes());
            } else {
                let name = self.harness().tests[n].name.clone();
                self.chatty_printf(&name, &format!("{INDENT}{line}"));
            }
        }
        Ok(())
    }

    /// `t.Fail()`: the test and all its parents have failed.
    fn test_fail(&mut self, c: usize) -> R<()> {
        let mut n = Some(c);
        while let Some(i) = n {
            let t = &mut self.harness().tests[i];
            if t.done && i == c {
                let name = t.name.clone();
                return Err(
                    self.plain_panic(&format!("Fail in goroutine after {name} has completed"))
                );
            }
            t.failed = true;
            n = t.parent;
        }
        Ok(())
    }

    /// Go's `flushToParent`: the report line and buffered output of test `c` go to its parent
    /// (indented) or, for a top-level test, to standard output.
    fn flush_to_parent(&mut self, c: usize, header: String) {
        let h = self.harness();
        let mut text = header;
        text.push_str(&String::from_utf8_lossy(&std::mem::take(
            &mut h.tests[c].output,
        )));
        let p = h.tests[c].parent.unwrap_or(0);
        let name = h.tests[c].name.clone();
        if h.tests[p].parent.is_none() {
            if h.chatty {
                self.chatty_updatef(&name, &text);
            } else {
                self.stdout.extend_from_slice(text.as_bytes());
            }
        } else {
            let o = &mut h.tests[p].output;
            for line in text.split_inclusive('\n') {
                o.extend_from_slice(INDENT.as_bytes());
                o.extend_from_slice(line.as_bytes());
            }
        }
    }

    /// The sub-test name Go gives `t.Run(sub)` in test `parent` (Go's `matcher.fullName`),
    /// and whether `-run` selects it.
    fn full_name(&mut self, parent: usize, sub: &str) -> (String, bool) {
        let h = self.harness();
        let name = if h.tests[parent].level > 0 {
            let base = format!("{}/{}", h.tests[parent].name, rewrite(sub));
            let mut n = 0;
            loop {
                let cnt = *h.sub_names.get(&base).unwrap_or(&0);
                h.sub_names.insert(base.clone(), cnt + 1);
                if cnt == 0 && !sub.is_empty() {
                    break base;
                }
                let cand = format!("{base}#{cnt:02}");
                if h.sub_names.get(&cand).copied().unwrap_or(0) != 0 {
                    n += 1;
                    if n > 1000 {
                        break cand;
                    }
                    continue;
                }
                break cand;
            }
        } else {
            sub.to_string()
        };
        let elem: Vec<&str> = name.split('/').collect();
        let ok = h.filter.matches(&elem);
        (name, ok)
    }

    /// Go's `t.Run` + `tRunner`: runs `target` as test `sub` of `parent`; false if it failed.
    fn run_test(&mut self, parent: usize, sub: &str, target: Target) -> R<bool> {
        let creator = if self.harness().tests[parent].level > 0 {
            let from = self.harness().tests[parent].entry_depth;
            self.logical_stack(from)
        } else {
            Vec::new()
        };
        self.harness().tests[parent].has_sub = true;
        let (name, ok) = self.full_name(parent, sub);
        if !ok {
            return Ok(true);
        }
        // The *testing.T, with its name where `t.Name()` reads it.
        let tt = self.harness().t_type;
        let t = self.malloc(tt, 1)?;
        let name_v = self.new_string(0, name.as_bytes())?;
        let off = self.harness().name_off;
        self.write_word(t + off, name_v.word(0))?;
        self.write_word(t + off + 8, name_v.word(1))?;
        let level = self.harness().tests[parent].level + 1;
        let now = self.now_ns();
        let entry_depth = self.frames.len();
        let h = self.harness();
        let idx = h.tests.len();
        h.tests.push(TState {
            name: name.clone(),
            parent: Some(parent),
            level,
            entry_depth,
            creator,
            start_ns: now,
            ..TState::default()
        });
        h.by_addr.insert(t, idx);
        h.order.push(idx);
        if h.chatty {
            self.chatty_updatef(&name, &format!("=== RUN   {name}\n"));
        }
        let r = match target {
            Target::Func(f) => self.call_func(f, 0, vec![V::W(t)]),
            Target::Value(f) => self.call_value(f, vec![V::W(t)]),
        };
        match r {
            Ok(_) => self.harness().tests[idx].finished = true,
            Err(Trap::Kill) => {
                if !self.harness().tests[idx].finished {
                    // runtime.Goexit without FailNow/SkipNow: tRunner panics.
                    let _ = self.plain_panic("test executed panic(nil) or runtime.Goexit");
                    return self.test_crash(idx, false);
                }
            }
            Err(Trap::Panic) => return self.test_crash(idx, true),
            Err(t) => return Err(t),
        }
        // Cleanups, last registered first.
        while let Some(f) = self.harness().tests[idx].cleanups.pop() {
            match self.call_value(f, vec![]) {
                Ok(_) | Err(Trap::Kill) => {}
                Err(Trap::Panic) => return self.test_crash(idx, true),
                Err(t) => return Err(t),
            }
        }
        let now = self.now_ns();
        let t = &mut self.harness().tests[idx];
        t.duration_ns = now - t.start_ns;
        self.test_report(idx);
        let h = self.harness();
        h.tests[idx].done = true;
        if !h.tests[idx].has_sub {
            let mut n = Some(idx);
            while let Some(i) = n {
                h.tests[i].ran = true;
                n = h.tests[i].parent;
            }
        }
        Ok(!h.tests[idx].failed)
    }

    /// Go's `T.report`.
    fn test_report(&mut self, c: usize) {
        let h = self.harness();
        let t = &h.tests[c];
        let d = fmt_duration(t.duration_ns);
        let status = if t.failed {
            "FAIL"
        } else if !h.chatty {
            return;
        } else if t.skipped {
            "SKIP"
        } else {
            "PASS"
        };
        let header = format!("--- {status}: {} ({d})\n", t.name);
        self.flush_to_parent(c, header);
    }

    /// Go's `doPanic` in `tRunner`: the test failed, its cleanups run, `--- FAIL` lines are
    /// flushed up to the top, and the panic is raised again, ending the test binary.
    fn test_crash(&mut self, c: usize, repanic: bool) -> R<bool> {
        self.harness().tests[c].panicked = true;
        let _ = self.test_fail(c);
        let saved = std::mem::take(&mut self.panics);
        while let Some(f) = self.harness().tests[c].cleanups.pop() {
            let _ = self.call_value(f, vec![]);
            self.panics.clear();
        }
        self.panics = saved;
        let mut root = c;
        while let Some(p) = self.harness().tests[root].parent {
            let now = self.now_ns();
            let t = &mut self.harness().tests[root];
            t.duration_ns = now - t.start_ns;
            let header = format!("--- FAIL: {} ({})\n", t.name, fmt_duration(t.duration_ns));
            self.flush_to_parent(root, header);
            if self.harness().tests[p].parent.is_none() {
                break;
            }
            // The parent's cleanups run as it dies too.
            let saved = std::mem::take(&mut self.panics);
            while let Some(f) = self.harness().tests[p].cleanups.pop() {
                let _ = self.call_value(f, vec![]);
                self.panics.clear();
            }
            self.panics = saved;
            root = p;
        }
        if repanic {
            // tRunner recovered the value and panics with it again.
            if let Some(last) = self.panics.last_mut() {
                last.recovered = false;
                last.repanicked = true;
            }
        }
        let report = self.panic_report();
        let head = report.split("\ngoroutine ").next().unwrap_or("");
        let text = format!(
            "{}\n\ngoroutine {} [running]:\n",
            head.trim_end_matches('\n'),
            2 + c
        );
        self.harness().crash = Some(text);
        Err(Trap::Exit(2))
    }

    /// The testing methods the VM implements (`pkg` is `testing`, `name` as `(*common).Log`).
    pub fn testing_native(&mut self, name: &str, args: &[V]) -> Option<R<Vec<V>>> {
        let recv = args.first().map(|a| a.w()).unwrap_or(0);
        let c = self.test_at(recv);
        let method = name
            .strip_prefix("(*common).")
            .or(name.strip_prefix("(*T)."))?;
        let Some(c) = c else {
            // A benchmark's B, or a T the runner did not make: nothing to record.
            return match method {
                "Failed" | "Skipped" | "Run" => Some(Ok(vec![V::W(0)])),
                "FailNow" | "SkipNow" | "Fatal" | "Fatalf" | "Skip" | "Skipf" => {
                    Some(Err(Trap::Kill))
                }
                _ => Some(Ok(vec![])),
            };
        };
        Some(self.testing_method(c, method, args))
    }

    fn log_args(&mut self, method: &str, args: &[V]) -> R<Vec<u8>> {
        if method.ends_with('f') {
            let f = self.read_bytes(args[1].word(0), args[1].word(1))?;
            let a = self.fmt_args(&args[2])?;
            Ok(crate::gofmt::sprintf_bytes(&f, &a))
        } else {
            let a = self.fmt_args(&args[1])?;
            Ok(crate::gofmt::sprintln_bytes(&a))
        }
    }

    fn testing_method(&mut self, c: usize, method: &str, args: &[V]) -> R<Vec<V>> {
        match method {
            "Log" | "Logf" => {
                let s = self.log_args(method, args)?;
                self.test_log(c, &s)?;
                Ok(vec![])
            }
            "Error" | "Errorf" => {
                let s = self.log_args(method, args)?;
                self.test_log(c, &s)?;
                self.test_fail(c)?;
                Ok(vec![])
            }
            "Fatal" | "Fatalf" => {
                let s = self.log_args(method, args)?;
                self.test_log(c, &s)?;
                self.test_fail(c)?;
                self.harness().tests[c].finished = true;
                Err(Trap::Kill)
            }
            "Skip" | "Skipf" => {
                let s = self.log_args(method, args)?;
                self.test_log(c, &s)?;
                let t = &mut self.harness().tests[c];
                t.skipped = true;
                t.finished = true;
                Err(Trap::Kill)
            }
            "Fail" => {
                self.test_fail(c)?;
                Ok(vec![])
            }
            "FailNow" => {
                self.test_fail(c)?;
                self.harness().tests[c].finished = true;
                Err(Trap::Kill)
            }
            "SkipNow" => {
                let t = &mut self.harness().tests[c];
                t.skipped = true;
                t.finished = true;
                Err(Trap::Kill)
            }
            "Failed" => Ok(vec![V::W(self.harness().tests[c].failed as u64)]),
            "Skipped" => Ok(vec![V::W(self.harness().tests[c].skipped as u64)]),
            "Helper" => {
                // The function that called Helper: the innermost logical frame.
                if let Some(fr) = self
                    .logical_stack(self.frames.len().saturating_sub(1))
                    .first()
                {
                    let name = self.func_name(fr.func);
                    self.harness().tests[c].helpers.insert(name);
                }
                Ok(vec![])
            }
            "Cleanup" => {
                self.harness().tests[c].cleanups.push(args[1].w());
                Ok(vec![])
            }
            "Run" => {
                let name = self.str_string(&args[1])?;
                let ok = self.run_test(c, &name, Target::Value(args[2].w()))?;
                Ok(vec![V::W(ok as u64)])
            }
            _ => Err(Trap::Fatal(format!(
                "gomem: unsupported: testing.(*T).{method} is not implemented by the VM"
            ))),
        }
    }
}

/// Runs the tests of a program like `go test`; returns what `go test` prints, its exit status,
/// the results, and the test binary's exit status.
pub fn run_tests(
    vm: &mut Vm,
    file: &str,
    src: &str,
    opts: &TestOptions,
) -> (String, i32, Vec<TestResult>, i32) {
    let filter = Filter::new(&opts.run);
    let t_type = vm
        .tt
        .types
        .iter()
        .position(|t| matches!(t, Type::Named { name, pkg, .. } if name == "T" && pkg == "testing"))
        .map(|t| t as TypeId);
    let common = vm
        .tt
        .types
        .iter()
        .position(
            |t| matches!(t, Type::Named { name, pkg, .. } if name == "common" && pkg == "testing"),
        )
        .map(|t| t as TypeId);
    let name_off = common.map(|c| vm.field_offset(c, "name")).unwrap_or(0);
    let base = file.rsplit('/').next().unwrap_or(file).to_string();
    start_main(vm);
    let prog = vm.prog.clone();
    let bin_code;
    match (filter, t_type) {
        (Err(msg), _) => {
            vm.stdout
                .extend_from_slice(format!("testing: invalid regexp for {msg}\n").as_bytes());
            bin_code = 1;
        }
        (Ok(filter), t_type) => {
            vm.tests = Some(Box::new(Harness {
                tests: vec![TState::default()],
                by_addr: HashMap::new(),
                chatty: opts.verbose,
                last_name: String::new(),
                filter,
                sub_names: HashMap::new(),
                file: base,
                t_type: t_type.unwrap_or(0),
                name_off,
                crash: None,
                order: Vec::new(),
                src: src.to_string(),
            }));
            let r = as_main(vm, |vm| -> R<()> {
                run_inits(vm)?;
                let Some(tt) = t_type else {
                    return Ok(());
                };
                let mut tests: Vec<_> = prog
                    .funcs
                    .iter()
                    .flatten()
                    .filter(|f| {
                        f.is_user
                            && f.outer.is_none()
                            && !f.name.contains('.')
                            && is_test_name(&f.name)
                            && f.params.len() == 1
                            && matches!(vm.tt.under(prog.vars[f.params[0] as usize].ty),
                                Type::Pointer(p) if *p == tt)
                    })
                    .map(|f| (f.pos, f.id, f.name.clone()))
                    .collect();
                tests.sort_by_key(|t| t.0);
                for (_, f, name) in tests {
                    vm.run_test(0, &name, Target::Func(f))?;
                }
                Ok(())
            });
            let crash = vm.harness().crash.take();
            bin_code = match r {
                Ok(()) => {
                    let h = vm.harness();
                    let (ran, failed) = (h.tests[0].ran, h.tests[0].failed);
                    if !ran {
                        vm.stdout
                            .extend_from_slice(b"testing: warning: no tests to run\n");
                    }
                    if failed {
                        vm.stdout.extend_from_slice(b"FAIL\n");
                        1
                    } else {
                        vm.stdout.extend_from_slice(b"PASS\n");
                        0
                    }
                }
                Err(Trap::Exit(c)) => {
                    if let Some(text) = crash {
                        vm.stdout.extend_from_slice(text.as_bytes());
                    }
                    c
                }
                Err(t) => super::sched::finish(vm, Err(t)),
            };
        }
    }
    // The test binary's standard error is merged into its output, as `go test` shows it.
    let err = std::mem::take(&mut vm.stderr);
    vm.stdout.extend_from_slice(&err);
    shutdown(vm);
    let results = match vm.tests.as_ref() {
        Some(h) => h
            .order
            .iter()
            .map(|&i| {
                let t = &h.tests[i];
                TestResult {
                    name: t.name.clone(),
                    status: if t.failed {
                        TestStatus::Failed
                    } else if t.skipped {
                        TestStatus::Skipped
                    } else {
                        TestStatus::Passed
                    },
                    output: t.lines.clone(),
                    panicked: t.panicked,
                    duration_ns: t.duration_ns,
                }
            })
            .collect(),
        None => Vec::new(),
    };
    let out = String::from_utf8_lossy(&vm.stdout).into_owned();
    let secs = format!("{:.3}s", vm.now_ns() as f64 / 1e9);
    let (text, code) = go_test_output(&out, bin_code, opts.verbose, &secs);
    (text, code, results, bin_code)
}

/// What the go command prints around the test binary's output `out` (its exit status
/// `code`): Go's `runTestActor.Act` for one package.
pub fn go_test_output(out: &str, code: i32, verbose: bool, secs: &str) -> (String, i32) {
    const PKG: &str = "command-line-arguments";
    let mut s = String::new();
    if code == 0 {
        if verbose {
            s.push_str(out);
            if !out.is_empty() && !out.ends_with('\n') {
                s.push('\n');
            }
        }
        let norun = out.starts_with("testing: warning: no tests to run\n")
            || out.contains("\ntesting: warning: no tests to run\n");
        let norun = if norun { " [no tests to run]" } else { "" };
        s.push_str(&format!("ok  \t{PKG}\t{secs}{norun}\n"));
        (s, 0)
    } else {
        s.push_str(out);
        if out.is_empty() {
            s.push_str(&format!("exit status {code}\n"));
        } else if !out.ends_with('\n') {
            s.push('\n');
        }
        s.push_str(&format!("FAIL\t{PKG}\t{secs}\nFAIL\n"));
        (s, 1)
    }
}
