//! Parameter leak summaries ("tags").
//!
//! After a function has been analysed, each of its pointer-carrying parameters is summarised
//! by where the value it points to can flow, and through how many dereferences:
//!
//! - to the **heap** (`leaking param: p` at 0 dereferences, `leaking param content: p` at 1+),
//! - to one of the first five **results** (`leaking param: p to result ~r0 level=0`),
//! - to the **mutator** (something writes through it) or the **callee** (it is called).
//!
//! Each entry stores the *minimum* number of dereferences on any path, or "none". At a call
//! site, the summary replaces the callee's body: the argument flows to the heap shifted by the
//! recorded dereferences, to the caller's result holes, and so on. The Go compiler stores the
//! same summary in export data as a short string; gomem keeps it as a small array.

use serde::Serialize;

/// Number of result parameters tracked individually; further results count as the heap.
pub const NUM_ESC_RESULTS: usize = 5;

const HEAP: usize = 0;
const MUTATOR: usize = 1;
const CALLEE: usize = 2;
const RESULT0: usize = 3;

/// A parameter's leak summary: for each sink, `None` or the minimum number of dereferences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Leaks([Option<u8>; RESULT0 + NUM_ESC_RESULTS]);

impl Leaks {
    /// A summary that leaks to the heap at level 0 (what Go assumes for unknown functions).
    pub fn heap() -> Leaks {
        let mut l = Leaks::default();
        l.add_heap(0);
        l
    }

    fn get(&self, i: usize) -> Option<i32> {
        self.0[i].map(i32::from)
    }

    fn add(&mut self, i: usize, derefs: i32) {
        let d = derefs.clamp(0, 254) as u8;
        match self.0[i] {
            Some(old) if old <= d => {}
            _ => self.0[i] = Some(d),
        }
    }

    pub fn heap_level(&self) -> Option<i32> {
        self.get(HEAP)
    }
    pub fn mutator(&self) -> Option<i32> {
        self.get(MUTATOR)
    }
    pub fn callee(&self) -> Option<i32> {
        self.get(CALLEE)
    }
    pub fn result(&self, i: usize) -> Option<i32> {
        self.get(RESULT0 + i)
    }
    /// Whether the value flows anywhere at all (Go's `leaks.Any`).
    pub fn any(&self) -> bool {
        self.0.iter().any(Option::is_some)
    }
    pub fn add_heap(&mut self, d: i32) {
        self.add(HEAP, d)
    }
    pub fn add_mutator(&mut self, d: i32) {
        self.add(MUTATOR, d)
    }
    pub fn add_callee(&mut self, d: i32) {
        self.add(CALLEE, d)
    }
    pub fn add_result(&mut self, i: usize, d: i32) {
        self.add(RESULT0 + i, d)
    }

    /// Drops entries made redundant by a heap leak at the same or a lower level: once the value
    /// reaches the heap at `x` dereferences, any other sink at `>= x` adds nothing.
    pub fn optimize(&mut self) {
        if let Some(x) = self.heap_level() {
            for i in 1..self.0.len() {
                if matches!(self.get(i), Some(v) if v >= x) {
                    self.0[i] = None;
                }
            }
        }
    }

    /// Parses gomem's standard-library notation (see `kernel/stdlib/README.md`):
    /// comma-separated entries `none`, `heap`, `content` (heap at level 1), `heap:N`,
    /// `result<i>:<level>`, `mutator:N`, `callee:N`.
    pub fn parse(s: &str) -> Leaks {
        let mut l = Leaks::default();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, level) = match part.split_once(':') {
                Some((n, lv)) => (n, lv.parse::<i32>().unwrap_or(0)),
                None => (part, 0),
            };
            match name {
                "none" => {}
                "heap" => l.add_heap(level),
                "content" => l.add_heap(level.max(1)),
                "mutator" => l.add_mutator(level),
                "callee" => l.add_callee(level),
                r if r.starts_with("result") => {
                    if let Ok(i) = r["result".len()..].parse::<usize>() {
                        if i < NUM_ESC_RESULTS {
                            l.add_result(i, level)
                        } else {
                            l.add_heap(level)
                        }
                    }
                }
                _ => {}
            }
        }
        l
    }
}
