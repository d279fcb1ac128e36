//! The hybrid write barrier, and a checker that shows what happens without it.
//!
//! Marking runs while the program keeps changing pointers. Two things could then hide a
//! live object from the collector: the program copies a pointer to a white object into an
//! already-black object (which will not be scanned again) *and* deletes the last path to
//! it through grey or white objects. Go prevents this with a **hybrid barrier** that runs on
//! every heap pointer store `*slot = new` while the GC is marking: it shades (greys) both
//! the pointer being overwritten (`*slot`, Yuasa's *deletion* barrier, which keeps the old
//! path's target alive) and the pointer being written (`new`, Dijkstra's *insertion*
//! barrier). With both, stacks need no barrier and are never rescanned.
//!
//! Shading is cheap because it is buffered: each P appends the two pointers to its own
//! 512-entry buffer and only flushes it to the grey queue when it is full or when marking
//! is about to end. Stores into stack frames, nil stores and stores into fresh (known-zero)
//! memory skip the barrier.
//!
//! The teaching switch [`WriteBarrier::enabled`] turns it off. The collector then logs the
//! pointer stores made during marking, and [`check_marks`] — run at mark termination —
//! walks the real object graph: any reachable object left unmarked would be freed while
//! still in use. The diagnostic names the object, a path to it from a root, and the stores
//! the barrier would have shaded.

use std::collections::{HashMap, VecDeque};
use std::fmt;

use super::mark::{Marker, RootKind, RootSource};
use crate::runtime::Heap;

/// Entries of a per-P write-barrier buffer (Go's `wbBuf`).
pub const WB_BUF_ENTRIES: usize = 512;

/// A pointer store made while marking with the barrier switched off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoggedStore {
    /// The slot written.
    pub slot: u64,
    /// The pointer it held.
    pub old: u64,
    /// The pointer written.
    pub new: u64,
    /// Base of the heap object holding the slot, if it is one.
    pub holder: Option<u64>,
    /// Whether that object was already marked (black or grey) at the time.
    pub holder_marked: bool,
}

/// The barrier's state: the switch and one buffer per P.
#[derive(Clone, Debug)]
pub struct WriteBarrier {
    /// Teaching switch: `false` disables shading (the program becomes incorrect).
    pub enabled: bool,
    bufs: Vec<Vec<u64>>,
    /// Pointers shaded by the barrier this cycle (after filtering nil).
    pub shaded: u64,
    /// Buffer flushes this cycle.
    pub flushes: u64,
    /// Stores logged while marking with the barrier off.
    pub log: Vec<LoggedStore>,
}

impl WriteBarrier {
    /// A barrier for `procs` Ps.
    pub fn new(procs: usize) -> Self {
        WriteBarrier {
            enabled: true,
            bufs: vec![Vec::with_capacity(WB_BUF_ENTRIES); procs],
            shaded: 0,
            flushes: 0,
            log: Vec::new(),
        }
    }

    /// Start of a cycle.
    pub fn reset(&mut self) {
        self.bufs.iter_mut().for_each(Vec::clear);
        self.shaded = 0;
        self.flushes = 0;
        self.log.clear();
    }

    /// Records the store `*slot = new` (old contents `old`) made on P `p` while marking.
    pub fn record(
        &mut self,
        heap: &Heap,
        marker: &mut Marker,
        p: usize,
        slot: u64,
        old: u64,
        new: u64,
    ) {
        if !self.enabled {
            let (holder, holder_marked) = match heap.find_object(slot) {
                Some((base, _, id)) => {
                    let s = heap.span(id);
                    (Some(base), s.is_marked(s.slot_of(base)))
                }
                None => (None, false),
            };
            self.log.push(LoggedStore {
                slot,
                old,
                new,
                holder,
                holder_marked,
            });
            return;
        }
        for v in [old, new] {
            if v != 0 {
                self.bufs[p].push(v);
                self.shaded += 1;
            }
        }
        if self.bufs[p].len() >= WB_BUF_ENTRIES {
            self.flush(heap, marker, p);
        }
    }

    /// Moves P `p`'s buffer to the grey queue (Go's `wbBufFlush`).
    pub fn flush(&mut self, heap: &Heap, marker: &mut Marker, p: usize) {
        if self.bufs[p].is_empty() {
            return;
        }
        self.flushes += 1;
        for v in std::mem::take(&mut self.bufs[p]) {
            marker.shade(heap, v);
        }
    }

    /// Flushes every P (mark completion).
    pub fn flush_all(&mut self, heap: &Heap, marker: &mut Marker) {
        for p in 0..self.bufs.len() {
            self.flush(heap, marker, p);
        }
    }
}

/// A reachable object the mark phase missed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LostObject {
    /// Slot base.
    pub addr: u64,
    /// Slot size.
    pub size: u64,
    /// Size class (0 = large).
    pub size_class: u8,
    /// The path from a root: the root's description, then object addresses.
    pub path: Vec<String>,
    /// Why the barrier would have saved it.
    pub reason: String,
}

impl fmt::Display for LostObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "reachable object {:#x} (size class {}, {} B) is unmarked and would be freed; reachable via {}; {}",
            self.addr,
            self.size_class,
            self.size,
            self.path.join(" -> "),
            self.reason
        )
    }
}

/// Walks the object graph from `roots` and reports every reachable object whose mark bit
/// is clear. `log` holds the stores made during marking (with the barrier off).
pub fn check_marks(heap: &Heap, roots: &dyn RootSource, log: &[LoggedStore]) -> Vec<LostObject> {
    // parent[obj] = (Some(parent object) | None for a root, description of the root)
    let mut parent: HashMap<u64, (Option<u64>, String)> = HashMap::new();
    let mut queue = VecDeque::new();
    let visit = |ptr: u64,
                 from: Option<u64>,
                 root: &str,
                 parent: &mut HashMap<_, _>,
                 queue: &mut VecDeque<u64>| {
        if let Some((base, _, id)) = heap.find_object(ptr) {
            let s = heap.span(id);
            if s.is_allocated(s.slot_of(base)) && !parent.contains_key(&base) {
                parent.insert(base, (from, root.to_string()));
                queue.push_back(base);
            }
        }
    };
    roots.for_each_root(&mut |r| {
        let what = match r.kind {
            RootKind::Global => format!("global {}", r.name),
            RootKind::Stack { goroutine } => format!("goroutine {goroutine} frame {}", r.name),
        };
        r.for_each_pointer(heap, |i, v| {
            visit(v, None, &format!("{what}[{i}]"), &mut parent, &mut queue)
        });
    });
    let mut lost = Vec::new();
    while let Some(obj) = queue.pop_front() {
        let (_, _, id) = heap
            .find_object(obj)
            .expect("queued objects are heap objects");
        let s = heap.span(id);
        if !s.is_marked(s.slot_of(obj)) {
            lost.push(obj);
        }
        let mut children = Vec::new();
        heap.for_each_pointer_word(obj, |a| children.push(heap.mem.read_u64(a).unwrap_or(0)));
        for v in children {
            visit(v, Some(obj), "", &mut parent, &mut queue);
        }
    }
    lost.sort_unstable();
    lost.into_iter()
        .map(|addr| {
            let (_, size, id) = heap.find_object(addr).unwrap();
            let mut path = vec![format!("{addr:#x}")];
            let mut cur = addr;
            while let Some((p, root)) = parent.get(&cur) {
                match p {
                    Some(p) => {
                        path.push(format!("{p:#x}"));
                        cur = *p;
                    }
                    None => {
                        path.push(root.clone());
                        break;
                    }
                }
            }
            path.reverse();
            LostObject {
                addr,
                size,
                size_class: heap.span(id).spanclass.sizeclass(),
                path,
                reason: explain(heap, addr, log),
            }
        })
        .collect()
}

fn explain(heap: &Heap, addr: u64, log: &[LoggedStore]) -> String {
    let points_here = |v: u64| heap.find_object(v).is_some_and(|(b, _, _)| b == addr);
    let mut why = Vec::new();
    if let Some(s) = log.iter().find(|s| points_here(s.new)) {
        let holder = match (s.holder, s.holder_marked) {
            (Some(h), true) => format!("already-marked object {h:#x}, which is not scanned again"),
            (Some(h), false) => format!("object {h:#x}"),
            (None, _) => "a non-heap slot".to_string(),
        };
        why.push(format!(
            "during marking a pointer to it was stored into slot {:#x} of {holder}; the insertion (Dijkstra) half of the hybrid write barrier would have shaded the new pointer",
            s.slot
        ));
    }
    if let Some(s) = log.iter().find(|s| points_here(s.old)) {
        why.push(format!(
            "the pointer to it in slot {:#x} was overwritten before that slot was scanned; the deletion (Yuasa) half of the barrier would have shaded the old pointer",
            s.slot
        ));
    }
    if why.is_empty() {
        "no logged store explains it (was it reachable only from memory the GC never scanned?)"
            .into()
    } else {
        why.join("; ")
    }
}
