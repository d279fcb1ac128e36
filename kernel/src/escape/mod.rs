//! Escape analysis: which variables and allocations must live on the heap.
//!
//! This module reproduces the Go 1.27.3 compiler's escape analysis
//! (`cmd/compile/internal/escape`) closely enough that its diagnostics match
//! `go build -gcflags=-m` line for line. The algorithm protects two invariants:
//!
//! 1. a pointer to a stack object is never stored in the heap, and
//! 2. a pointer to a stack object never outlives that object — because the function returned,
//!    or because the object was declared inside a loop and its storage is reused by the next
//!    iteration.
//!
//! **Building the graph** (`build.rs`). Every variable and every allocating expression gets a
//! *location*; every assignment in the function becomes a weighted edge between locations
//! (see [`graph`]). The model is flow-, path- and field-insensitive: `x.f = u[0]` is simply
//! `x = *u`. Storing through a pointer, into a slice element or into a map sends the value to
//! the *heap* location, because the analysis does not know where the pointer points.
//!
//! **Solving** (`solve.rs`). From every location taken as a root, a shortest-path walk over the
//! reversed edges computes, for each other location, the minimum number of dereferences with
//! which its value reaches the root. If a location's *address* (derefs = −1) reaches a root
//! that outlives it — the heap, a result parameter, a variable declared outside the loop the
//! location is declared in — the location must be heap-allocated. Locations that become
//! heap-allocated are walked again as roots, until nothing changes.
//!
//! **Summaries** ([`leaks`]). Functions are analysed bottom-up over the call graph, one
//! strongly connected component at a time. After analysing a function, the flows from each
//! parameter to the heap and to the results are recorded as the parameter's *tag*
//! (`leaking param: p`, `p does not escape`, ...); calls to the function from functions
//! analysed later use the tag instead of the body. Calls to unknown functions (function values,
//! interface methods) must assume that every argument leaks to the heap.
//!
//! **Reporting** (`report.rs`). Diagnostics are emitted in the compiler's order: for each
//! batch, first the parameter tags of each function, then every location in creation order:
//! `moved to heap: x` for escaping variables, `EXPR escapes to heap` / `EXPR does not escape`
//! for allocation sites. With `explain`, each escape is also justified by the chain of flows
//! that forces it (the `-m=2` output).

mod build;
pub mod graph;
pub mod leaks;
mod oracle;
mod solve;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::ir::{self, fmt::Printer, ExprKind, NodeId, Program, VarId};
use crate::syntax::Pos;
use crate::types::{FuncId, TypeTable};

use graph::*;
use leaks::Leaks;

/// Go's `ir.MaxStackVarSize`: explicitly declared variables up to 128 KiB may live on the stack.
pub const MAX_STACK_VAR_SIZE: u64 = 128 * 1024;
/// Go's `ir.MaxImplicitStackVarSize`: `new`, `&T{}`, `make` and closures up to 64 KiB.
pub const MAX_IMPLICIT_STACK_VAR_SIZE: u64 = 64 * 1024;
/// Closures capture variables up to this size by value (if never reassigned or address-taken).
pub const MAX_BYVAL_CAPTURE: u64 = 128;

/// Options of one analysis run.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Also explain every escape as a chain of flows (`-m=2`).
    pub explain: bool,
}

/// What a diagnostic says, for consumers that want data rather than text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum DiagKind {
    /// `moved to heap: x`
    MovedToHeap,
    /// `EXPR escapes to heap`
    Escapes,
    /// `EXPR does not escape`
    DoesNotEscape,
    /// `zero-copy string->[]byte conversion`
    ZeroCopy,
    /// `leaking param: p`, `leaking param content: p`, `leaking param: p to result r level=n`
    LeakingParam,
    /// `p does not escape` for a parameter
    ParamDoesNotEscape,
    /// `F ignoring self-assignment in STMT`
    SelfAssignment,
    /// `can inline F`
    CanInline,
    /// `inlining call to F`
    InliningCall,
    /// `devirtualizing X to T`
    Devirtualizing,
}

/// One line of `-gcflags=-m` output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diag {
    pub pos: Pos,
    pub msg: String,
    pub kind: DiagKind,
    /// The function the diagnostic belongs to.
    pub func: String,
}

/// The result of escape analysis over a program.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Output {
    /// Diagnostics in the compiler's order.
    pub diags: Vec<Diag>,
    /// `-m=2` explanation lines (without the `file:` prefix on the position).
    pub explain: Vec<(Pos, String)>,
    /// Variables that must live on the heap.
    pub heap_vars: HashSet<VarId>,
    /// Allocation sites that must be heap-allocated.
    pub heap_sites: HashSet<NodeId>,
    /// `[]byte(s)` conversions that can share the string's bytes.
    pub zero_copy: HashSet<NodeId>,
    /// Interface conversions whose operand always has one constant value: the compiler
    /// converts the constant instead (static data, no allocation).
    pub const_ifaces: HashSet<NodeId>,
    /// Parameter tags of every analysed function (receiver first).
    #[serde(skip)]
    pub tags: HashMap<FuncId, Vec<Leaks>>,
}

impl Output {
    /// The leak summary of parameter `i` of `f` (receiver first): computed by the analysis,
    /// declared by the standard library, or (for unknown body-less functions) "leaks to heap".
    pub fn leaks_of(&self, prog: &Program, tt: &TypeTable, f: FuncId, i: usize) -> Leaks {
        if let Some(tags) = self.tags.get(&f) {
            return tags.get(i).copied().unwrap_or_default();
        }
        let declared = prog
            .funcs
            .get(f as usize)
            .and_then(|f| f.as_ref())
            .and_then(|f| f.extern_tags.clone())
            .or_else(|| tt.funcs.get(f as usize).and_then(|f| f.extern_tags.clone()));
        match declared {
            Some(tags) => tags.get(i).map(|t| Leaks::parse(t)).unwrap_or_default(),
            // A body-less function without a declared summary: Go assumes every pointer leaks.
            None => Leaks::heap(),
        }
    }
}

/// Analyses all functions of `prog`, bottom-up over the call graph, and reports on the user's
/// functions.
pub fn analyze(prog: &Program, tt: &TypeTable, opts: Options) -> Output {
    let mut out = Output::default();
    let mut tagged: HashSet<FuncId> = HashSet::new();
    // Standard-library functions first (their tags are "export data" for the user package),
    // then the user's package, each in bottom-up order.
    let lib: Vec<FuncId> = prog
        .funcs
        .iter()
        .flatten()
        .filter(|f| !f.is_user && f.outer.is_none() && f.has_body)
        .map(|f| f.id)
        .collect();
    for group in [lib, prog.user_funcs.clone()] {
        for batch in crate::inline::bottom_up(prog, &group) {
            let mut b = Batch::new(prog, tt, opts, &mut out, &mut tagged);
            b.run(&batch);
        }
    }
    out
}

/// State shared by the functions of one batch (a strongly connected component).
pub(crate) struct Batch<'a, 'o> {
    prog: &'a Program,
    tt: &'a TypeTable,
    pr: Printer<'a>,
    opts: Options,
    out: &'o mut Output,
    /// Functions whose tags are final (analysed in earlier batches).
    tagged: &'o mut HashSet<FuncId>,
    locs: Vec<Location<'a>>,
    var_loc: HashMap<VarId, LocId>,
    /// Closures seen while walking: their spill hole and function.
    closures: Vec<(Hole, FuncId)>,
    /// Functions in this batch.
    fns: Vec<FuncId>,
    /// Literal rewrites decided after the walk (`x` → `3` in an interface conversion,
    /// `make([]byte, size)` → `make([]byte, 128)`): node → printed replacement and new size.
    rewritten: HashMap<NodeId, (String, Option<i128>)>,
    oracles: HashMap<FuncId, crate::ir::reassign::Oracle>,
    // Per-function walk state.
    curfn: FuncId,
    loop_depth: i32,
    labels: HashMap<String, bool>,
}

impl<'a, 'o> Batch<'a, 'o> {
    fn new(
        prog: &'a Program,
        tt: &'a TypeTable,
        opts: Options,
        out: &'o mut Output,
        tagged: &'o mut HashSet<FuncId>,
    ) -> Self {
        let mut locs = Vec::new();
        for attrs in [ATTR_ALL, ATTR_MUTATES, ATTR_CALLS, 0] {
            let mut l = Location::new(LocNode::None, 0, 0);
            l.attrs = attrs;
            locs.push(l);
        }
        Batch {
            prog,
            tt,
            pr: Printer { prog, tt },
            opts,
            out,
            tagged,
            locs,
            var_loc: HashMap::new(),
            closures: Vec::new(),
            fns: Vec::new(),
            rewritten: HashMap::new(),
            oracles: HashMap::new(),
            curfn: 0,
            loop_depth: 1,
            labels: HashMap::new(),
        }
    }

    fn run(&mut self, fns: &[FuncId]) {
        self.fns = fns.to_vec();
        for &f in fns {
            self.init_func(f);
        }
        for &f in fns {
            if !self.prog.func(f).is_closure() {
                self.walk_func(f);
            }
        }
        // Now that every reassignment and address-of has been seen, decide how closures
        // capture their variables.
        let closures = std::mem::take(&mut self.closures);
        for (k, f) in closures {
            self.flow_closure(k, f);
        }
        for i in 0..self.locs.len() {
            self.rewrite_with_literals(i);
            if let Some(why) = self.heap_alloc_reason(i) {
                let k = self.note(Hole::to(HEAP).shift(-1), i, why);
                self.flow(k, i);
            }
        }
        self.walk_all();
        self.finish(fns);
    }

    /// Creates the locations for a function's variables, in declaration order.
    fn init_func(&mut self, f: FuncId) {
        let func = self.prog.func(f);
        self.curfn = f;
        self.loop_depth = 1;
        for &v in &func.dcl {
            if !self.var_loc.contains_key(&v) {
                self.new_loc(LocNode::Var(v), true);
            }
        }
        for (i, &r) in func.results.iter().enumerate() {
            let l = self.var_loc[&r];
            self.locs[l].result_index = 1 + i;
        }
    }

    fn walk_func(&mut self, f: FuncId) {
        let saved = (
            self.curfn,
            self.loop_depth,
            std::mem::take(&mut self.labels),
        );
        self.curfn = f;
        self.loop_depth = 1;
        let body = &self.prog.func(f).body;
        // Labels only increase the loop depth when a backward goto targets them; gomem does
        // not support goto, so every label is non-looping.
        self.stmts(body);
        (self.curfn, self.loop_depth, self.labels) = saved;
    }

    // ----- graph construction primitives ---------------------------------------------------

    pub(crate) fn new_loc(&mut self, n: LocNode<'a>, persists: bool) -> LocId {
        let mut l = Location::new(n, self.curfn, self.loop_depth);
        if let LocNode::Var(v) = n {
            match self.prog.var(v).class {
                ir::VarClass::Param => l.param = true,
                ir::VarClass::ParamOut => l.param_out = true,
                _ => {}
            }
        }
        if persists {
            l.attrs |= ATTR_PERSISTS;
        }
        self.locs.push(l);
        let id = self.locs.len() - 1;
        if let LocNode::Var(v) = n {
            self.var_loc.insert(v, id);
        }
        id
    }

    /// The location of a variable, creating it lazily for variables the batch has not seen
    /// (e.g. the temporaries of an inlined body).
    pub(crate) fn old_loc(&mut self, v: VarId) -> LocId {
        if let Some(&l) = self.var_loc.get(&v) {
            return l;
        }
        let saved = self.loop_depth;
        self.loop_depth = 1;
        let l = self.new_loc(LocNode::Var(v), true);
        self.loop_depth = saved;
        l
    }

    pub(crate) fn flow(&mut self, k: Hole, src: LocId) {
        if k.addrtaken {
            self.locs[src].addrtaken = true;
        }
        let dst = k.dst;
        if dst == BLANK {
            return;
        }
        if dst == src && k.derefs >= 0 {
            return;
        }
        if self.locs[dst].has(ATTR_ESCAPES) && k.derefs < 0 {
            if self.opts.explain {
                self.explain_direct(dst, src, k.derefs, k.notes.clone());
            }
            self.locs[src].attrs |= ATTR_ALL;
            return;
        }
        self.locs[dst].edges.push(Edge {
            src,
            derefs: k.derefs,
            notes: k.notes,
        });
    }

    /// Attaches an explanation step to a hole (only when explaining).
    pub(crate) fn note_text(
        &self,
        k: Hole,
        what: impl FnOnce() -> (String, Pos),
        why: &'static str,
    ) -> Hole {
        if !self.opts.explain {
            return k;
        }
        let (what, pos) = what();
        let mut k = k;
        k.notes = Some(std::rc::Rc::new(graph::Note {
            next: k.notes.take(),
            what,
            pos,
            why,
        }));
        k
    }

    fn note(&self, k: Hole, loc: LocId, why: &'static str) -> Hole {
        let n = self.locs[loc].n;
        self.note_text(k, || (self.loc_text(n), self.loc_pos(n)), why)
    }

    pub(crate) fn tee(&mut self, ks: Vec<Hole>) -> Hole {
        match ks.len() {
            0 => Hole::to(BLANK),
            1 => ks.into_iter().next().expect("one hole"),
            _ => {
                let loc = self.new_loc(LocNode::None, false);
                for k in ks {
                    self.flow(k, loc);
                }
                Hole::to(loc)
            }
        }
    }

    pub(crate) fn later(&mut self, k: Hole) -> Hole {
        let loc = self.new_loc(LocNode::None, true);
        self.flow(k, loc);
        Hole::to(loc)
    }

    /// Does `f` belong to this batch and has it not been tagged yet? Then calls to it are
    /// wired directly to its parameters instead of going through its tags.
    pub(crate) fn in_mutual_batch(&self, f: FuncId) -> bool {
        !self.tagged.contains(&f) && self.fns.contains(&f)
    }

    // ----- printing --------------------------------------------------------------------------

    fn loc_text(&self, n: LocNode) -> String {
        match n {
            LocNode::None => String::new(),
            LocNode::Var(v) => self.prog.var(v).name.clone(),
            LocNode::Expr(e) => match self.rewritten.get(&e.id) {
                Some((s, _)) => s.clone(),
                None => self.pr.expr(e),
            },
        }
    }

    fn loc_pos(&self, n: LocNode) -> Pos {
        match n {
            LocNode::None => Pos::default(),
            LocNode::Var(v) => self.prog.var(v).pos,
            LocNode::Expr(e) => e.pos,
        }
    }

    fn func_name(&self, f: FuncId) -> String {
        self.prog.func(f).name.clone()
    }

    fn emit(&mut self, pos: Pos, msg: String, kind: DiagKind, f: FuncId) {
        if self.prog.func(f).is_user {
            let func = self.func_name(f);
            self.out.diags.push(Diag {
                pos,
                msg,
                kind,
                func,
            });
        }
    }

    // ----- the end of a batch: tags and decisions -------------------------------------------

    fn finish(&mut self, fns: &[FuncId]) {
        for &f in fns {
            let func = self.prog.func(f);
            let sig_results: Vec<String> = func
                .results
                .iter()
                .map(|r| self.prog.var(*r).name.clone())
                .collect();
            let mut tags = Vec::new();
            for &p in &func.params {
                tags.push(self.param_tag(f, p, &sig_results));
            }
            self.out.tags.insert(f, tags);
            self.tagged.insert(f);
        }
        for i in 4..self.locs.len() {
            let loc = &self.locs[i];
            let n = loc.n;
            let escapes = loc.has(ATTR_ESCAPES);
            let mutates = loc.has(ATTR_MUTATES);
            let curfn = loc.curfn;
            match n {
                LocNode::None => {}
                LocNode::Var(v) => {
                    if escapes {
                        let var = self.prog.var(v);
                        let msg = format!("moved to heap: {}", var.name);
                        self.emit(var.pos, msg, DiagKind::MovedToHeap, curfn);
                        self.out.heap_vars.insert(v);
                    }
                }
                LocNode::Expr(e) => {
                    // The closures of go/defer wrappers are never reported.
                    let wrapper =
                        matches!(e.kind, ExprKind::Closure(f) if self.prog.func(f).wrapper);
                    let text = if matches!(e.kind, ExprKind::Append { .. }) {
                        "append".to_string()
                    } else {
                        self.loc_text(n)
                    };
                    if escapes {
                        if !wrapper {
                            self.emit(
                                e.pos,
                                format!("{text} escapes to heap"),
                                DiagKind::Escapes,
                                curfn,
                            );
                        }
                        self.out.heap_sites.insert(e.id);
                    } else if !wrapper {
                        self.emit(
                            e.pos,
                            format!("{text} does not escape"),
                            DiagKind::DoesNotEscape,
                            curfn,
                        );
                    }
                    if matches!(e.kind, ExprKind::Str2Bytes(_)) && !mutates {
                        self.emit(
                            e.pos,
                            "zero-copy string->[]byte conversion".into(),
                            DiagKind::ZeroCopy,
                            curfn,
                        );
                        self.out.zero_copy.insert(e.id);
                    }
                }
            }
        }
    }

    fn param_tag(&mut self, f: FuncId, p: VarId, results: &[String]) -> Leaks {
        let var = self.prog.var(p);
        if !self.tt.has_pointers(var.ty) {
            return Leaks::default();
        }
        if var.name == "_" || var.name.starts_with("~p") {
            return Leaks::default();
        }
        let l = self.var_loc[&p];
        let mut esc = self.locs[l].param_esc;
        esc.optimize();
        // Wrappers the compiler generates say nothing about their parameters.
        if !self.locs[l].has(ATTR_ESCAPES) && !self.prog.func(f).wrapper {
            let name = var.name.clone();
            let pos = var.pos;
            let mut warned = false;
            if let Some(x) = esc.heap_level() {
                let msg = if x == 0 {
                    format!("leaking param: {name}")
                } else {
                    format!("leaking param content: {name}")
                };
                self.emit(pos, msg, DiagKind::LeakingParam, f);
                warned = true;
            }
            for (i, r) in results.iter().enumerate().take(leaks::NUM_ESC_RESULTS) {
                if let Some(x) = esc.result(i) {
                    let msg = format!("leaking param: {name} to result {r} level={x}");
                    self.emit(pos, msg, DiagKind::LeakingParam, f);
                    warned = true;
                }
            }
            if !warned {
                self.emit(
                    pos,
                    format!("{name} does not escape"),
                    DiagKind::ParamDoesNotEscape,
                    f,
                );
            }
        }
        esc
    }

    /// Reasons an allocation must be on the heap regardless of flows (Go's
    /// `HeapAllocReason`): too large, or a slice of zero-sized elements.
    fn heap_alloc_reason(&self, l: LocId) -> Option<&'static str> {
        let tt = self.tt;
        match self.locs[l].n {
            LocNode::None => None,
            LocNode::Var(v) => {
                let var = self.prog.var(v);
                if matches!(var.class, ir::VarClass::Param | ir::VarClass::ParamOut) {
                    return None;
                }
                (tt.size_of(var.ty) > MAX_STACK_VAR_SIZE).then_some("too large for stack")
            }
            LocNode::Expr(e) => {
                if tt.size_of(e.ty) > MAX_STACK_VAR_SIZE {
                    return Some("too large for stack");
                }
                match &e.kind {
                    ExprKind::New | ExprKind::PtrLit(_) => {
                        let elem = tt.elem(e.ty).unwrap_or(0);
                        (tt.size_of(elem) > MAX_IMPLICIT_STACK_VAR_SIZE)
                            .then_some("too large for stack")
                    }
                    ExprKind::Closure(f) => {
                        let size = self.closure_size(*f);
                        (size > MAX_IMPLICIT_STACK_VAR_SIZE).then_some("too large for stack")
                    }
                    ExprKind::MakeSlice { len, cap } => {
                        let elem = tt.elem(e.ty).unwrap_or(0);
                        let esize = tt.size_of(elem);
                        if esize == 0 {
                            return Some("zero-sized element");
                        }
                        let r = cap.as_deref().unwrap_or(len);
                        let n = match self.rewritten.get(&e.id) {
                            Some((_, Some(n))) => Some(*n),
                            _ => match &r.kind {
                                ExprKind::Literal {
                                    value: crate::types::ConstValue::Int(n),
                                    ..
                                } => Some(*n),
                                _ => None,
                            },
                        }?;
                        (n > (MAX_IMPLICIT_STACK_VAR_SIZE / esize) as i128)
                            .then_some("too large for stack")
                    }
                    _ => None,
                }
            }
        }
    }

    /// Size of a closure record: the function pointer plus the captured variables
    /// (by value: their size; by reference: a pointer).
    fn closure_size(&self, f: FuncId) -> u64 {
        let func = self.prog.func(f);
        let mut size = 8u64;
        for &v in &func.closure_vars {
            let ty = self.prog.var(v).ty;
            let (s, a) = (self.tt.size_of(ty), self.tt.align_of(ty).max(1));
            size = size.div_ceil(a) * a + s.min(8).max(s.min(MAX_BYVAL_CAPTURE));
        }
        size
    }
}
