//! The location graph: locations, edges with dereference weights, and holes.
//!
//! A **location** stands for storage: a named variable, or an allocating expression (`new(T)`,
//! `&T{}`, `make`, a slice literal, a closure, an interface box...). An **edge** `dst ← src`
//! records one assignment, weighted by *derefs* = (number of `*`) − (number of `&`):
//!
//! ```text
//! p = &q   // -1      p = q   //  0      p = *q   //  1      p = **q  //  2
//! ```
//!
//! A **hole** is the context an expression is evaluated into: "whatever this expression
//! evaluates to flows into location L, after `derefs` dereferences". Evaluating `&x` into hole
//! `k` evaluates `x` into `k.addr()`; evaluating `*p` evaluates `p` into `k.deref()`.
//! Allocating expressions *spill*: they get their own location, and it is their **address**
//! that flows into the context.
//!
//! Four pseudo-locations complete the graph: the **heap** (anything whose address reaches it
//! must be heap-allocated), the **mutator** (values stored through), the **callee** (values
//! called) and the **blank** location (values discarded, and values without pointers).

use std::rc::Rc;

use crate::ir::{Expr, VarId};
use crate::syntax::Pos;
use crate::types::FuncId;

use super::leaks::Leaks;

pub type LocId = usize;

pub const HEAP: LocId = 0;
pub const MUTATOR: LocId = 1;
pub const CALLEE: LocId = 2;
pub const BLANK: LocId = 3;

/// The location must be heap-allocated.
pub const ATTR_ESCAPES: u8 = 1;
/// The location outlives the statement that creates it (its storage cannot be reused).
pub const ATTR_PERSISTS: u8 = 2;
/// Values reachable from the location may be written through.
pub const ATTR_MUTATES: u8 = 4;
/// Closures reachable from the location may be called.
pub const ATTR_CALLS: u8 = 8;
pub const ATTR_ALL: u8 = ATTR_ESCAPES | ATTR_PERSISTS | ATTR_MUTATES | ATTR_CALLS;

/// What a location represents.
#[derive(Clone, Copy, Debug)]
pub enum LocNode<'a> {
    /// A pseudo-location or an anonymous temporary (a tee or a `later` hole).
    None,
    /// A variable (`ONAME`).
    Var(VarId),
    /// An allocating expression.
    Expr(&'a Expr),
}

#[derive(Clone, Debug)]
pub struct Edge {
    pub src: LocId,
    pub derefs: i32,
    pub notes: Option<Rc<Note>>,
}

/// One step of an explanation: the expression or statement that created a flow, and why.
#[derive(Debug)]
pub struct Note {
    pub next: Option<Rc<Note>>,
    pub what: String,
    pub pos: Pos,
    pub why: &'static str,
}

#[derive(Clone, Debug)]
pub struct Location<'a> {
    pub n: LocNode<'a>,
    pub curfn: FuncId,
    /// Incoming edges.
    pub edges: Vec<Edge>,
    pub loop_depth: i32,
    /// 1-based index among the function's results, for result parameters.
    pub result_index: usize,

    // State of the current walk.
    pub derefs: i32,
    pub walkgen: u32,
    pub dst: Option<LocId>,
    pub dst_edge_idx: usize,
    pub queued_walk_all: bool,
    pub queued_walk_one: u32,

    pub attrs: u8,
    pub param_esc: Leaks,

    pub captured: bool,
    pub reassigned: bool,
    pub addrtaken: bool,
    pub param: bool,
    pub param_out: bool,
}

impl<'a> Location<'a> {
    pub fn new(n: LocNode<'a>, curfn: FuncId, loop_depth: i32) -> Location<'a> {
        Location {
            n,
            curfn,
            edges: Vec::new(),
            loop_depth,
            result_index: 0,
            derefs: 0,
            walkgen: 0,
            dst: None,
            dst_edge_idx: 0,
            queued_walk_all: false,
            queued_walk_one: 0,
            attrs: 0,
            param_esc: Leaks::default(),
            captured: false,
            reassigned: false,
            addrtaken: false,
            param: false,
            param_out: false,
        }
    }

    pub fn has(&self, attr: u8) -> bool {
        self.attrs & attr != 0
    }
}

/// Where an expression's value goes.
#[derive(Clone, Debug)]
pub struct Hole {
    pub dst: LocId,
    pub derefs: i32,
    pub notes: Option<Rc<Note>>,
    /// The hole was produced by taking an address (`k.addr()`): the source location becomes
    /// address-taken, which matters for closure captures.
    pub addrtaken: bool,
}

impl Hole {
    pub fn to(dst: LocId) -> Hole {
        Hole {
            dst,
            derefs: 0,
            notes: None,
            addrtaken: false,
        }
    }

    pub fn shift(mut self, delta: i32) -> Hole {
        self.derefs += delta;
        debug_assert!(self.derefs >= -1, "derefs underflow");
        self.addrtaken = delta < 0;
        self
    }
}
