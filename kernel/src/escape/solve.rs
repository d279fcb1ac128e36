//! Solving the location graph.
//!
//! `walk_all` repeatedly picks a *root* location and runs `walk_one` from it. `walk_one` is a
//! shortest-path search over incoming edges (Bellman-Ford style, with a FIFO queue) that
//! computes, for every location `l`, the minimum number of dereferences `derefs(l)` with which
//! `l`'s value reaches the root:
//!
//! - if `derefs(l) < 0`, *the address of* `l` reaches the root; if the root outlives `l`
//!   (see [`Batch::outlives`]), `l` must be heap-allocated;
//! - if `l` is a parameter and the root outlives it, the parameter *leaks* to the root with
//!   `derefs(l)` dereferences (the heap, or a result parameter of the same function).
//!
//! A location that becomes heap-allocated gains new attributes and is queued as a root itself,
//! since everything whose address reaches it now reaches the heap. Each location gains each
//! attribute at most once, so the number of walks is linear in the number of locations.

use std::collections::VecDeque;

use super::graph::*;
use super::Batch;

impl<'a> Batch<'a, '_> {
    pub(super) fn walk_all(&mut self) {
        let mut todo: VecDeque<LocId> = VecDeque::new();
        for i in (4..self.locs.len()).rev() {
            // Go pushes every location to the front in creation order, so the newest is
            // walked first.
            todo.push_back(i);
            self.locs[i].queued_walk_all = true;
        }
        let mut order: Vec<LocId> = todo.drain(..).collect();
        order.reverse();
        for l in order {
            todo.push_front(l);
        }
        for l in [MUTATOR, CALLEE, HEAP] {
            todo.push_front(l);
            self.locs[l].queued_walk_all = true;
        }
        let mut walkgen = 0u32;
        while let Some(root) = todo.pop_front() {
            self.locs[root].queued_walk_all = false;
            walkgen += 1;
            self.walk_one(root, walkgen, &mut todo);
        }
    }

    fn enqueue(&mut self, l: LocId, todo: &mut VecDeque<LocId>) {
        if !self.locs[l].queued_walk_all {
            self.locs[l].queued_walk_all = true;
            if self.locs[l].has(ATTR_ESCAPES) {
                todo.push_front(l);
            } else {
                todo.push_back(l);
            }
        }
    }

    fn walk_one(&mut self, root: LocId, walkgen: u32, todo_all: &mut VecDeque<LocId>) {
        self.locs[root].walkgen = walkgen;
        self.locs[root].derefs = 0;
        self.locs[root].dst = None;

        let mut todo: VecDeque<LocId> = VecDeque::new();
        todo.push_front(root);
        while let Some(l) = todo.pop_front() {
            self.locs[l].queued_walk_one = 0;
            let mut derefs = self.locs[l].derefs;
            let mut new_attrs = 0u8;

            if derefs < 0 {
                // The address of l reaches the root.
                derefs = 0;
                if self.outlives(root, l) {
                    if !self.locs[l].has(ATTR_ESCAPES) && self.opts.explain {
                        self.explain_path(root, l);
                    }
                    new_attrs |= ATTR_ALL;
                } else if self.locs[root].has(ATTR_PERSISTS) {
                    new_attrs |= ATTR_PERSISTS;
                }
            }
            if derefs == 0 {
                new_attrs |= self.locs[root].attrs & (ATTR_MUTATES | ATTR_CALLS);
            }

            if self.locs[l].param {
                if self.outlives(root, l) {
                    if !self.locs[l].has(ATTR_ESCAPES) && self.opts.explain {
                        self.explain_leak(root, l, derefs);
                    }
                    self.leak_to(l, root, derefs);
                }
                if self.locs[root].has(ATTR_MUTATES) {
                    self.locs[l].param_esc.add_mutator(derefs);
                }
                if self.locs[root].has(ATTR_CALLS) {
                    self.locs[l].param_esc.add_callee(derefs);
                }
            }

            if new_attrs & !self.locs[l].attrs != 0 {
                self.locs[l].attrs |= new_attrs;
                self.enqueue(l, todo_all);
                if self.locs[l].has(ATTR_ESCAPES) {
                    continue;
                }
            }

            for i in 0..self.locs[l].edges.len() {
                let (src, ed) = {
                    let e = &self.locs[l].edges[i];
                    (e.src, e.derefs)
                };
                if self.locs[src].has(ATTR_ESCAPES) {
                    continue;
                }
                let d = derefs + ed;
                let s = &mut self.locs[src];
                if s.walkgen != walkgen || s.derefs > d {
                    s.walkgen = walkgen;
                    s.derefs = d;
                    s.dst = Some(l);
                    s.dst_edge_idx = i;
                    if s.queued_walk_one != walkgen {
                        s.queued_walk_one = walkgen;
                        todo.push_back(src);
                    }
                }
            }
        }
    }

    /// Records that parameter `l` leaks to `sink` with `derefs` dereferences.
    fn leak_to(&mut self, l: LocId, sink: LocId, derefs: i32) {
        let s = &self.locs[sink];
        if !s.has(ATTR_ESCAPES) && s.param_out && s.curfn == self.locs[l].curfn {
            let ri = s.result_index - 1;
            if ri < super::leaks::NUM_ESC_RESULTS {
                self.locs[l].param_esc.add_result(ri, derefs);
                return;
            }
        }
        self.locs[l].param_esc.add_heap(derefs);
    }

    /// Does the root location `l` outlive `other`? Then `other`'s address may not be stored
    /// in it while `other` lives on the stack.
    pub(super) fn outlives(&self, l: LocId, other: LocId) -> bool {
        let (lo, oo) = (&self.locs[l], &self.locs[other]);
        // The heap outlives everything.
        if lo.has(ATTR_ESCAPES) {
            return true;
        }
        // Pseudo-locations for "stored through" and "called" never hold anything.
        if l == MUTATOR || l == CALLEE {
            return false;
        }
        // A result parameter outlives the function's frame... unless it belongs to a closure
        // that is called directly inside the function that declares `other`.
        if lo.param_out {
            if self.contains_closure(oo.curfn, lo.curfn) {
                return false;
            }
            return true;
        }
        // A variable declared outside a loop outlives one declared inside it.
        if lo.curfn == oo.curfn && lo.loop_depth < oo.loop_depth {
            return true;
        }
        // A closure's variables may outlive the enclosing function's frame.
        if self.contains_closure(lo.curfn, oo.curfn) {
            return true;
        }
        false
    }

    /// Is `c` a closure nested (at any depth) inside `f`?
    fn contains_closure(&self, f: crate::types::FuncId, c: crate::types::FuncId) -> bool {
        if f == c {
            return false;
        }
        let mut cur = self.prog.func(c).outer;
        while let Some(o) = cur {
            if o == f {
                return true;
            }
            cur = self.prog.func(o).outer;
        }
        false
    }

    // ----- explanations (-m=2) ---------------------------------------------------------------

    fn loc_name(&self, l: LocId) -> String {
        if l == HEAP {
            return "{heap}".into();
        }
        match self.locs[l].n {
            LocNode::None => "{temp}".into(),
            LocNode::Var(v) => self.prog.var(v).name.clone(),
            n @ LocNode::Expr(_) => format!("{{storage for {}}}", self.loc_text_pub(n)),
        }
    }

    pub(super) fn loc_text_pub(&self, n: LocNode) -> String {
        match n {
            LocNode::None => String::new(),
            LocNode::Var(v) => self.prog.var(v).name.clone(),
            LocNode::Expr(e) => match self.rewritten.get(&e.id) {
                Some((s, _)) => s.clone(),
                None => self.pr.expr(e),
            },
        }
    }

    fn explain_flow(
        &mut self,
        pos: crate::syntax::Pos,
        dst: LocId,
        src: LocId,
        derefs: i32,
        notes: Option<std::rc::Rc<Note>>,
    ) {
        let ops = if derefs < 0 {
            "&".to_string()
        } else {
            "*".repeat(derefs as usize)
        };
        let line = format!(
            "  flow: {} ← {}{}:",
            self.loc_name(dst),
            ops,
            self.loc_name(src)
        );
        self.out.explain.push((pos, line));
        let mut n = notes;
        while let Some(note) = n {
            self.out.explain.push((
                pos,
                format!("    from {} ({}) at {}", note.what, note.why, note.pos),
            ));
            n = note.next.clone();
        }
    }

    pub(super) fn explain_direct(
        &mut self,
        dst: LocId,
        src: LocId,
        derefs: i32,
        notes: Option<std::rc::Rc<Note>>,
    ) {
        let n = self.locs[src].n;
        let pos = self.loc_pos_pub(n);
        let f = self.prog.func(self.locs[src].curfn).name.clone();
        let text = self.loc_text_pub(n);
        self.out
            .explain
            .push((pos, format!("{text} escapes to heap in {f}:")));
        self.explain_flow(pos, dst, src, derefs, notes);
    }

    pub(super) fn loc_pos_pub(&self, n: LocNode) -> crate::syntax::Pos {
        match n {
            LocNode::None => Default::default(),
            LocNode::Var(v) => self.prog.var(v).pos,
            LocNode::Expr(e) => e.pos,
        }
    }

    fn explain_path(&mut self, root: LocId, src: LocId) {
        let n = self.locs[src].n;
        let pos = self.loc_pos_pub(n);
        let f = self.prog.func(self.locs[src].curfn).name.clone();
        let text = self.loc_text_pub(n);
        self.out
            .explain
            .push((pos, format!("{text} escapes to heap in {f}:")));
        self.explain_chain(pos, root, src);
    }

    fn explain_leak(&mut self, root: LocId, l: LocId, derefs: i32) {
        let n = self.locs[l].n;
        let pos = self.loc_pos_pub(n);
        let f = self.prog.func(self.locs[l].curfn).name.clone();
        let text = self.loc_text_pub(n);
        let sink = self.loc_name(root);
        self.out.explain.push((
            pos,
            format!("parameter {text} leaks to {sink} for {f} with derefs={derefs}:"),
        ));
        self.explain_chain(pos, root, l);
    }

    fn explain_chain(&mut self, pos: crate::syntax::Pos, root: LocId, mut src: LocId) {
        let mut visited = std::collections::HashSet::new();
        loop {
            if !visited.insert(src) {
                self.out.explain.push((pos, "  warning: truncated explanation due to assignment cycle; see golang.org/issue/35518".into()));
                break;
            }
            let Some(dst) = self.locs[src].dst else { break };
            let edge = self.locs[dst].edges[self.locs[src].dst_edge_idx].clone();
            self.explain_flow(pos, dst, src, edge.derefs, edge.notes);
            if dst == root {
                break;
            }
            src = dst;
        }
    }
}
