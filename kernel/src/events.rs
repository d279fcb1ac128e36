//! # Events: the one closed vocabulary of everything that happens at run time
//!
//! The VM, the garbage collector, the allocator and the stack model *emit* [`Event`]s into an
//! [`EventLog`]; everything that *shows* a run — the Chrome/Perfetto trace ([`crate::trace`]),
//! the plots ([`crate::plot`]) and the notebook display ([`crate::display`]) — only reads the
//! log. An emitter never has to know how its events are drawn.
//!
//! Every event carries `t_ns`, the **virtual** time in nanoseconds since the program started
//! (the simulator has no clocks; the VM decides how time advances). Events are appended in
//! time order (`t_ns` never decreases along the log); events with equal `t_ns` keep the order
//! they were pushed in, which is meaningful (a phase change before a stop-the-world, say).
//!
//! On disk the log is JSON Lines: one JSON object per event, with the variant name in `"ev"`:
//!
//! ```
//! use gomem::events::{Event, EventLog, GcPhaseKind};
//! let mut log = EventLog::default();
//! log.push(Event::GcPhase { t_ns: 1_000, cycle: 1, phase: GcPhaseKind::Mark });
//! log.push(Event::Alloc {
//!     t_ns: 1_200, goid: 1, p: 0, addr: 0xc000010000, size: 24, size_class: 3,
//!     noscan: true, tiny: false, large: false,
//! });
//! let text = log.to_json_lines();
//! assert!(text.starts_with(r#"{"ev":"GcPhase","t_ns":1000,"cycle":1,"phase":"Mark"}"#));
//! assert_eq!(EventLog::from_json_lines(&text).unwrap(), log);
//! ```

use serde::{Deserialize, Serialize};

use crate::runtime::stack::{StackEvent, StackEventRecord};

/// The beginning or the end of something that lasts (a worker's run, an assist, a pause).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Edge {
    Start,
    Stop,
}

/// The phases of one GC cycle, in the order Go's `gcStart`/`gcMarkDone`/`gcMarkTermination`
/// go through them (`runtime.gcphase` plus the two stop-the-world steps).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GcPhaseKind {
    /// No GC is running (`_GCoff`); the cycle is over, background sweeping may still go on
    /// until the next cycle starts (emit [`GcPhaseKind::Sweep`] for that).
    Off,
    /// Stop-the-world sweep termination: finish sweeping, prepare the mark (`gcStart`).
    SweepTermination,
    /// Concurrent mark (`_GCmark`): workers and assists mark; the write barrier is on.
    Mark,
    /// Stop-the-world mark termination (`_GCmarktermination`).
    MarkTermination,
    /// Concurrent sweep after the mark (`_GCoff` with unswept spans left).
    Sweep,
}

/// How a GC mark worker is scheduled on its P (Go's `gcMarkWorkerMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GcWorkerKind {
    /// Takes the whole P for the mark phase (25% of GOMAXPROCS, rounded).
    Dedicated,
    /// Runs part of the time to make up the 25% when it does not divide evenly.
    Fractional,
    /// Runs on a P that would otherwise be idle.
    Idle,
}

/// One thing that happened in a simulated run. Each variant documents who emits it.
///
/// Fields shared by many variants: `t_ns` (virtual time, see the module docs), `goid` (the
/// goroutine, `1` is `main`), `p` (the index of the P, `0..GOMAXPROCS`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "ev")]
pub enum Event {
    /// The allocator returned an object (`mallocgc`). Emitted by the VM/allocator for every
    /// heap allocation. `size` is the size asked for; `size_class` is the class it landed in
    /// (0 for a large object, which gets its own span); `tiny` when it went into a 16-byte tiny
    /// block, `large` when it got a span of its own (> 32 KiB), `noscan` when it holds no
    /// pointers.
    Alloc {
        t_ns: u64,
        goid: u64,
        p: u32,
        addr: u64,
        size: u64,
        size_class: u8,
        noscan: bool,
        tiny: bool,
        large: bool,
    },
    /// The sweeper freed an unmarked object. Emitted by the GC's sweep (optional: the plots
    /// use [`Event::HeapSample`] for the heap size; size-class plots subtract frees).
    Free {
        t_ns: u64,
        addr: u64,
        size: u64,
        size_class: u8,
    },
    /// An mcache (or a large allocation) took a span from the heap: `span` is the span's
    /// index ([`crate::runtime::SpanId`]), `class` its size class, `npages` its length.
    SpanAcquire {
        t_ns: u64,
        p: u32,
        span: u32,
        class: u8,
        npages: u64,
    },
    /// A span went back to the page heap (sweeping found it empty, or a large object died).
    SpanRelease {
        t_ns: u64,
        p: u32,
        span: u32,
        class: u8,
        npages: u64,
    },
    /// A goroutine got its first stack (`from` = 0, `to` = the size).
    StackAlloc {
        t_ns: u64,
        goid: u64,
        from: u64,
        to: u64,
    },
    /// `morestack` grew a stack from `from` bytes to `to` bytes (twice as big, or more).
    StackGrow {
        t_ns: u64,
        goid: u64,
        from: u64,
        to: u64,
    },
    /// The copy that goes with a grow or a shrink: the stack of `from` bytes was copied into
    /// a new one of `to` bytes, `copied` bytes (the used part) moved and pointers adjusted.
    /// Optional: emit it after the [`Event::StackGrow`]/[`Event::StackShrink`] to show the copy.
    StackCopy {
        t_ns: u64,
        goid: u64,
        from: u64,
        to: u64,
        copied: u64,
    },
    /// The GC shrank a stack that used less than a quarter of itself to half its size.
    StackShrink {
        t_ns: u64,
        goid: u64,
        from: u64,
        to: u64,
    },
    /// A goroutine exited and its stack was freed or kept for reuse (`from` = the size,
    /// `to` = 0).
    StackFree {
        t_ns: u64,
        goid: u64,
        from: u64,
        to: u64,
    },
    /// The end of a GC changed the size new goroutines start with (adaptive stack size).
    StackStartingSize { t_ns: u64, from: u64, to: u64 },
    /// The scheduler started running goroutine `goid` on P `p` (the goroutine was created
    /// or resumed). It runs until [`Event::GoPark`], [`Event::GoExit`] or the next `GoStart`
    /// on the same P.
    GoStart { t_ns: u64, goid: u64, p: u32 },
    /// The goroutine blocked (`gopark`); `reason` is Go's wait reason text (`"chan receive"`,
    /// `"sync.Mutex.Lock"`, `"GC assist wait"`, `"sleep"`, …).
    GoPark {
        t_ns: u64,
        goid: u64,
        p: u32,
        reason: String,
    },
    /// Goroutine `goid` was made runnable (`goready`) by code running on P `p`.
    GoUnpark { t_ns: u64, goid: u64, p: u32 },
    /// The goroutine returned from its function and is dead.
    GoExit { t_ns: u64, goid: u64, p: u32 },
    /// The GC entered `phase` in cycle `cycle` (cycles count from 1, like `NumGC` after the
    /// cycle). A phase lasts until the next `GcPhase`; `Off` closes the cycle. Emitted by the
    /// GC engine at every transition.
    GcPhase {
        t_ns: u64,
        cycle: u32,
        phase: GcPhaseKind,
    },
    /// A background mark worker started or stopped running on P `p`.
    GcWorker {
        t_ns: u64,
        p: u32,
        kind: GcWorkerKind,
        edge: Edge,
    },
    /// Goroutine `goid` (on P `p`) started or stopped a mark assist; on `Stop`, `bytes` is the
    /// scan work it did (on `Start`, the debt it has to pay; 0 if unknown).
    Assist {
        t_ns: u64,
        goid: u64,
        p: u32,
        edge: Edge,
        bytes: u64,
    },
    /// The write barrier shaded (greyed) the object at `addr` (emitted during the mark phase).
    BarrierShade { t_ns: u64, p: u32, addr: u64 },
    /// A sample of the pacer's numbers; emit one after every allocation burst and at every
    /// phase change (the heap plot draws these). `live`: bytes of heap in use now (Go's
    /// `heapLive`, `MemStats.HeapAlloc`); `goal`: the heap goal (`NextGC`); `trigger`: the
    /// heap size at which the next cycle starts; `marked`: the live heap the last mark found
    /// (`heapMarked`); `memory_limit`: `GOMEMLIMIT` in bytes when set.
    HeapSample {
        t_ns: u64,
        live: u64,
        goal: u64,
        trigger: u64,
        marked: u64,
        memory_limit: Option<u64>,
    },
    /// The world stopped (`Start`) or restarted (`Stop`); `reason` is Go's `stwReason` text
    /// (`"GC sweep termination"`, `"GC mark termination"`, `"ReadMemStats"`, …).
    Stw {
        t_ns: u64,
        edge: Edge,
        reason: String,
    },
}

/// Applies `$body` to the `t_ns` field of whichever variant `$e` is.
macro_rules! with_t_ns {
    ($e:expr, $t:ident => $body:expr) => {{
        use Event::*;
        match $e {
            Alloc { t_ns: $t, .. }
            | Free { t_ns: $t, .. }
            | SpanAcquire { t_ns: $t, .. }
            | SpanRelease { t_ns: $t, .. }
            | StackAlloc { t_ns: $t, .. }
            | StackGrow { t_ns: $t, .. }
            | StackCopy { t_ns: $t, .. }
            | StackShrink { t_ns: $t, .. }
            | StackFree { t_ns: $t, .. }
            | StackStartingSize { t_ns: $t, .. }
            | GoStart { t_ns: $t, .. }
            | GoPark { t_ns: $t, .. }
            | GoUnpark { t_ns: $t, .. }
            | GoExit { t_ns: $t, .. }
            | GcPhase { t_ns: $t, .. }
            | GcWorker { t_ns: $t, .. }
            | Assist { t_ns: $t, .. }
            | BarrierShade { t_ns: $t, .. }
            | HeapSample { t_ns: $t, .. }
            | Stw { t_ns: $t, .. } => $body,
        }
    }};
}

impl Event {
    /// The virtual time of the event.
    pub fn t_ns(&self) -> u64 {
        with_t_ns!(self, t => *t)
    }

    /// The same event at another time (for example to place stack records, which carry no
    /// clock, on the VM's time line).
    pub fn at(mut self, t: u64) -> Event {
        with_t_ns!(&mut self, t_ns => *t_ns = t);
        self
    }
}

/// A stack model record as an event. The stack model keeps no clock, so `t_ns` is the
/// record's sequence number; restamp it with [`Event::at`].
///
/// ```
/// use gomem::events::Event;
/// use gomem::runtime::stack::{StackEvent, StackEventRecord};
/// let rec = StackEventRecord {
///     seq: 7, gc_cycle: 0, stack_inuse: 8192,
///     event: StackEvent::Grow { goid: 1, from: 2048, to: 4096, copied: 300 },
/// };
/// let ev = Event::from(rec).at(5_000);
/// assert_eq!(ev, Event::StackGrow { t_ns: 5_000, goid: 1, from: 2048, to: 4096 });
/// ```
impl From<StackEventRecord> for Event {
    fn from(r: StackEventRecord) -> Event {
        let t_ns = r.seq;
        match r.event {
            StackEvent::Alloc { goid, size, .. } => Event::StackAlloc {
                t_ns,
                goid,
                from: 0,
                to: size,
            },
            StackEvent::Grow { goid, from, to, .. } => Event::StackGrow {
                t_ns,
                goid,
                from,
                to,
            },
            StackEvent::Shrink { goid, from, to, .. } => Event::StackShrink {
                t_ns,
                goid,
                from,
                to,
            },
            StackEvent::Free { goid, size, .. } => Event::StackFree {
                t_ns,
                goid,
                from: size,
                to: 0,
            },
            StackEvent::StartingSize { from, to } => Event::StackStartingSize { t_ns, from, to },
        }
    }
}

/// A run's events in time order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventLog {
    pub events: Vec<Event>,
}

/// A line of a JSON Lines log that is not an event.
#[derive(Debug)]
pub struct EventLogError {
    /// 1-based line number.
    pub line: usize,
    pub error: serde_json::Error,
}

impl std::fmt::Display for EventLogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "event log line {}: {}", self.line, self.error)
    }
}

impl std::error::Error for EventLogError {}

impl EventLog {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends an event (emitters push in time order).
    pub fn push(&mut self, e: Event) {
        self.events.push(e);
    }

    /// Appends the stack model's records, each at the time `time_of(record)` gives; a grow or
    /// shrink is followed by its [`Event::StackCopy`].
    pub fn extend_stack_records(
        &mut self,
        records: impl IntoIterator<Item = StackEventRecord>,
        mut time_of: impl FnMut(&StackEventRecord) -> u64,
    ) {
        for r in records {
            let t = time_of(&r);
            let copy = match r.event {
                StackEvent::Grow {
                    goid,
                    from,
                    to,
                    copied,
                }
                | StackEvent::Shrink {
                    goid,
                    from,
                    to,
                    copied,
                } => Some(Event::StackCopy {
                    t_ns: t,
                    goid,
                    from,
                    to,
                    copied,
                }),
                _ => None,
            };
            self.events.push(Event::from(r).at(t));
            self.events.extend(copy);
        }
    }

    /// The time of the last event (0 for an empty log).
    pub fn end_ns(&self) -> u64 {
        self.events.iter().map(Event::t_ns).max().unwrap_or(0)
    }

    /// One JSON object per line, each line ending in `\n`.
    pub fn to_json_lines(&self) -> String {
        let mut s = String::with_capacity(self.events.len() * 96);
        for e in &self.events {
            s.push_str(&serde_json::to_string(e).expect("events serialize"));
            s.push('\n');
        }
        s
    }

    /// Parses [`EventLog::to_json_lines`]'s output; blank lines are skipped.
    pub fn from_json_lines(text: &str) -> Result<EventLog, EventLogError> {
        let mut events = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let e =
                serde_json::from_str(line).map_err(|error| EventLogError { line: i + 1, error })?;
            events.push(e);
        }
        Ok(EventLog { events })
    }
}

impl FromIterator<Event> for EventLog {
    fn from_iter<I: IntoIterator<Item = Event>>(iter: I) -> Self {
        EventLog {
            events: iter.into_iter().collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Derived views: intervals the trace and the plots share
// ---------------------------------------------------------------------------------------------

/// One GC phase with its duration: from its [`Event::GcPhase`] to the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhaseInterval {
    pub cycle: u32,
    pub phase: GcPhaseKind,
    pub start: u64,
    pub end: u64,
}

/// One GC cycle: from sweep termination (its first phase that is not `Off`/`Sweep`) to the
/// moment it turned the GC off (`Off` or `Sweep`). Background sweeping is not part of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CycleInterval {
    pub cycle: u32,
    pub start: u64,
    pub end: u64,
}

/// A stop-the-world pause. `mark_termination` tells the two GC pauses apart: the pause began
/// while the GC was in `Mark` or `MarkTermination`; any other pause (sweep termination,
/// `ReadMemStats`, …) has it `false`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StwInterval {
    pub start: u64,
    pub end: u64,
    pub reason: String,
    pub mark_termination: bool,
}

impl EventLog {
    /// Every GC phase other than `Off` with its duration; a phase still open at the end of
    /// the log ends at [`EventLog::end_ns`].
    pub fn phase_intervals(&self) -> Vec<PhaseInterval> {
        let mut out = Vec::new();
        let mut open: Option<(u32, GcPhaseKind, u64)> = None;
        for e in &self.events {
            if let Event::GcPhase { t_ns, cycle, phase } = *e {
                if let Some((c, p, s)) = open.take() {
                    out.push(PhaseInterval {
                        cycle: c,
                        phase: p,
                        start: s,
                        end: t_ns,
                    });
                }
                if phase != GcPhaseKind::Off {
                    open = Some((cycle, phase, t_ns));
                }
            }
        }
        if let Some((c, p, s)) = open {
            out.push(PhaseInterval {
                cycle: c,
                phase: p,
                start: s,
                end: self.end_ns().max(s),
            });
        }
        out
    }

    /// The GC cycles, one per cycle number, in order.
    pub fn gc_cycles(&self) -> Vec<CycleInterval> {
        let mut out: Vec<CycleInterval> = Vec::new();
        for ph in self.phase_intervals() {
            if ph.phase == GcPhaseKind::Sweep {
                continue;
            }
            match out.last_mut() {
                Some(c) if c.cycle == ph.cycle => c.end = c.end.max(ph.end),
                _ => out.push(CycleInterval {
                    cycle: ph.cycle,
                    start: ph.start,
                    end: ph.end,
                }),
            }
        }
        out
    }

    /// The stop-the-world pauses; one left open at the end of the log ends there.
    pub fn stw_pauses(&self) -> Vec<StwInterval> {
        let mut out = Vec::new();
        let mut phase = GcPhaseKind::Off;
        let mut open: Option<(u64, String, bool)> = None;
        for e in &self.events {
            match e {
                Event::GcPhase { phase: p, .. } => phase = *p,
                Event::Stw {
                    t_ns,
                    edge: Edge::Start,
                    reason,
                } => {
                    let mt = matches!(phase, GcPhaseKind::Mark | GcPhaseKind::MarkTermination);
                    open = Some((*t_ns, reason.clone(), mt));
                }
                Event::Stw {
                    t_ns,
                    edge: Edge::Stop,
                    ..
                } => {
                    if let Some((s, reason, mark_termination)) = open.take() {
                        out.push(StwInterval {
                            start: s,
                            end: *t_ns,
                            reason,
                            mark_termination,
                        });
                    }
                }
                _ => {}
            }
        }
        if let Some((s, reason, mark_termination)) = open {
            out.push(StwInterval {
                start: s,
                end: self.end_ns().max(s),
                reason,
                mark_termination,
            });
        }
        out
    }
}
