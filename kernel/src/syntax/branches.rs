//! Checks of labels and branch statements in one function body, as the Go compiler's parser
//! does them right after parsing a body (so `go build` reports them with the syntax errors).
//!
//! The check walks the body's blocks once, keeping for each block its parent, where it starts
//! and which labeled statement (if any) it is the body of:
//!
//! - `break`/`continue` without a label must be inside a loop (or, for `break`, a switch or
//!   select); with a label, the label must name an *enclosing* `for` (or switch/select) — found
//!   by walking up the block chain to the block whose labeled statement it is;
//! - `fallthrough` must be the last statement of a non-final case of an expression switch;
//! - a `goto` to a label already seen must target a label in the same or an enclosing block; a
//!   forward `goto` stays pending until its label turns up in the same block. A pending goto
//!   that crosses a variable declaration (`var` or `:=`) on the way is an error, and one still
//!   pending when its block ends jumps into a block (if the label exists at all);
//! - every label must be used.

use std::collections::HashMap;

use super::ast::*;
use super::parser::list_string;
use super::Pos;

/// What a labeled statement labels, for `break L` / `continue L`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    For,
    SwitchOrSelect,
    Other,
}

struct Label {
    /// The block containing the label.
    block: usize,
    /// Position of the labeled statement's label (its identity).
    pos: Pos,
    target: Target,
    used: bool,
}

struct BlockInfo {
    parent: Option<usize>,
    start: Pos,
    /// The label of the statement this block is the body of.
    label: Option<Pos>,
}

/// The innermost enclosing statements that `break` and `continue` refer to.
#[derive(Clone, Copy)]
struct Ctx {
    breaks: Option<Target>,
    continues: bool,
    /// The innermost `break` target is a type switch.
    type_switch: bool,
    /// Index of the current case in the directly enclosing switch, and its number of clauses.
    case: Option<(usize, usize)>,
}

struct Goto {
    name: String,
    pos: Pos,
    id: usize,
}

struct Checker<'f> {
    file: &'f str,
    selects: &'f HashMap<Pos, Vec<CaseClause>>,
    labels: HashMap<String, Label>,
    blocks: Vec<BlockInfo>,
    errors: Vec<(Pos, String)>,
    next_goto: usize,
}

/// Checks one function body; returns the errors (position, message) in Go's order. `selects`
/// holds the clauses of the `select` statements by position (the tree does not keep them).
pub fn check_branches(
    file: &str,
    body: &Block,
    selects: &HashMap<Pos, Vec<CaseClause>>,
) -> Vec<(Pos, String)> {
    let mut c = Checker {
        file,
        selects,
        labels: HashMap::new(),
        blocks: Vec::new(),
        errors: Vec::new(),
        next_goto: 0,
    };
    let ctx = Ctx {
        breaks: None,
        continues: false,
        type_switch: false,
        case: None,
    };
    let fwd = c.block(None, ctx, None, body.lbrace, &body.stmts);
    for g in fwd {
        match c.labels.get_mut(&g.name) {
            Some(l) => {
                l.used = true;
                let start = c.blocks[l.block].start;
                let msg = format!(
                    "goto {} jumps into block starting at {}:{start}",
                    g.name, c.file
                );
                c.errors.push((g.pos, msg));
            }
            None => c
                .errors
                .push((g.pos, format!("label {} not defined", g.name))),
        }
    }
    let mut unused: Vec<(Pos, String)> = c
        .labels
        .iter()
        .filter(|(_, l)| !l.used)
        .map(|(name, l)| (l.pos, format!("label {name} defined and not used")))
        .collect();
    unused.sort();
    c.errors.extend(unused);
    c.errors
}

fn target_of(s: &Stmt) -> Target {
    match s.kind {
        StmtKind::For { .. } | StmtKind::Range { .. } => Target::For,
        StmtKind::Switch { .. } | StmtKind::TypeSwitch { .. } | StmtKind::Select => {
            Target::SwitchOrSelect
        }
        _ => Target::Other,
    }
}

impl Checker<'_> {
    fn err(&mut self, pos: Pos, msg: String) {
        self.errors.push((pos, msg));
    }

    /// The label named `name` if it labels a statement enclosing block `b`: `Ok(Some)`; the
    /// label exists but does not enclose: `Ok(None)`; no such label: `Err`.
    fn enclosing(&mut self, b: usize, name: &str) -> Result<Option<Target>, ()> {
        let Some(l) = self.labels.get_mut(name) else {
            return Err(());
        };
        l.used = true;
        let (pos, target) = (l.pos, l.target);
        let mut cur = Some(b);
        while let Some(i) = cur {
            if self.blocks[i].label == Some(pos) {
                return Ok(Some(target));
            }
            cur = self.blocks[i].parent;
        }
        Ok(None)
    }

    /// Whether the label `name` is declared in block `b` or one enclosing it.
    fn goto_target(&mut self, b: usize, name: &str) -> bool {
        let Some(l) = self.labels.get_mut(name) else {
            return false;
        };
        l.used = true;
        let lb = l.block;
        let mut cur = Some(b);
        while let Some(i) = cur {
            if i == lb {
                return true;
            }
            cur = self.blocks[i].parent;
        }
        false
    }

    fn block(
        &mut self,
        parent: Option<usize>,
        ctx: Ctx,
        label: Option<Pos>,
        start: Pos,
        body: &[Stmt],
    ) -> Vec<Goto> {
        let b = self.blocks.len();
        self.blocks.push(BlockInfo {
            parent,
            start,
            label,
        });
        let mut var_decl: Option<(Pos, String)> = None;
        let mut fwd: Vec<Goto> = Vec::new();
        // The gotos pending when the last variable was declared are exactly those with an id
        // below this: ids grow in source order and pending gotos are only ever removed.
        let mut bad_below = 0;
        let n = body
            .iter()
            .rposition(|s| !matches!(s.kind, StmtKind::Empty))
            .map_or(0, |i| i + 1);
        let list = &body[..n];
        for (index, stmt) in list.iter().enumerate() {
            let mut stmt = stmt;
            let mut lstmt = None;
            while let StmtKind::Labeled { label, stmt: inner } = &stmt.kind {
                if label.name != "_" {
                    self.declare(b, label, inner);
                    let mut kept = Vec::new();
                    for g in fwd.drain(..) {
                        if g.name == label.name {
                            if let Some(l) = self.labels.get_mut(&label.name) {
                                l.used = true;
                            }
                            if let (Some((vpos, vname)), true) = (&var_decl, g.id < bad_below) {
                                let msg = format!(
                                    "goto {} jumps over declaration of {vname} at {}:{vpos}",
                                    g.name, self.file
                                );
                                self.err(g.pos, msg);
                            }
                        } else {
                            kept.push(g);
                        }
                    }
                    fwd = kept;
                    lstmt = Some(label.pos);
                }
                stmt = inner;
            }
            let inner = |c: &mut Self, fwd: &mut Vec<Goto>, ctx: Ctx, start: Pos, body: &[Stmt]| {
                let more = c.block(Some(b), ctx, lstmt, start, body);
                fwd.extend(more);
            };
            let next_goto = self.next_goto;
            let mut record_var = |pos: Pos, name: String| {
                var_decl = Some((pos, name));
                bad_below = next_goto;
            };
            let plain = Ctx { case: None, ..ctx };
            match &stmt.kind {
                StmtKind::Var(specs) => {
                    if let Some(n) = specs.first().and_then(|s| s.names.first()) {
                        record_var(n.pos, n.name.clone());
                    }
                }
                StmtKind::Assign {
                    op: AssignOp::Define,
                    lhs,
                    ..
                } => {
                    record_var(stmt.pos, list_string(lhs));
                }
                StmtKind::Branch { kind, label: None } => {
                    self.bare_branch(*kind, stmt.pos, ctx, index + 1 == list.len())
                }
                StmtKind::Branch {
                    kind,
                    label: Some(l),
                } => match kind {
                    BranchKind::Break => match self.enclosing(b, &l.name) {
                        Ok(Some(Target::For | Target::SwitchOrSelect)) => {}
                        Ok(_) => self.err(l.pos, format!("invalid break label {}", l.name)),
                        Err(()) => self.err(l.pos, format!("break label not defined: {}", l.name)),
                    },
                    BranchKind::Continue => match self.enclosing(b, &l.name) {
                        Ok(Some(Target::For)) => {}
                        Ok(_) => self.err(l.pos, format!("invalid continue label {}", l.name)),
                        Err(()) => {
                            self.err(l.pos, format!("continue label not defined: {}", l.name))
                        }
                    },
                    _ => {
                        if !self.goto_target(b, &l.name) {
                            let id = self.next_goto;
                            self.next_goto += 1;
                            fwd.push(Goto {
                                name: l.name.clone(),
                                pos: l.pos,
                                id,
                            });
                        }
                    }
                },
                StmtKind::Block(blk) => inner(self, &mut fwd, plain, blk.lbrace, &blk.stmts),
                StmtKind::If { then, els, .. } => {
                    inner(self, &mut fwd, plain, then.lbrace, &then.stmts);
                    if let Some(e) = els {
                        inner(self, &mut fwd, plain, e.pos, std::slice::from_ref(&**e));
                    }
                }
                StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                    let c = Ctx {
                        breaks: Some(Target::For),
                        continues: true,
                        type_switch: false,
                        case: None,
                    };
                    inner(self, &mut fwd, c, body.lbrace, &body.stmts);
                }
                StmtKind::Switch { body, .. } | StmtKind::TypeSwitch { body, .. } => {
                    let type_switch = matches!(stmt.kind, StmtKind::TypeSwitch { .. });
                    for (i, cc) in body.iter().enumerate() {
                        let case = Some((i, body.len()));
                        let c = Ctx {
                            breaks: Some(Target::SwitchOrSelect),
                            type_switch,
                            case,
                            ..ctx
                        };
                        inner(self, &mut fwd, c, cc.pos, &cc.body);
                    }
                }
                StmtKind::Select => {
                    let c = Ctx {
                        breaks: Some(Target::SwitchOrSelect),
                        type_switch: false,
                        case: None,
                        ..ctx
                    };
                    for cc in self.selects.get(&stmt.pos).map_or(&[][..], Vec::as_slice) {
                        inner(self, &mut fwd, c, cc.pos, &cc.body);
                    }
                }
                _ => {}
            }
        }
        fwd
    }

    fn declare(&mut self, b: usize, label: &Ident, stmt: &Stmt) {
        if let Some(alt) = self.labels.get(&label.name) {
            let msg = format!(
                "label {} already defined at {}:{}",
                label.name, self.file, alt.pos
            );
            self.err(label.pos, msg);
            return;
        }
        let l = Label {
            block: b,
            pos: label.pos,
            target: target_of(stmt),
            used: false,
        };
        self.labels.insert(label.name.clone(), l);
    }

    fn bare_branch(&mut self, kind: BranchKind, pos: Pos, ctx: Ctx, last: bool) {
        match kind {
            BranchKind::Break if ctx.breaks.is_none() => {
                self.err(pos, "break is not in a loop, switch, or select".into());
            }
            BranchKind::Continue if !ctx.continues => {
                self.err(pos, "continue is not in a loop".into())
            }
            BranchKind::Fallthrough => {
                let msg = match (ctx.breaks, ctx.case) {
                    (Some(Target::SwitchOrSelect), _) if ctx.type_switch => {
                        "cannot fallthrough in type switch"
                    }
                    (Some(Target::SwitchOrSelect), Some((i, n))) if last => {
                        if i + 1 == n {
                            "cannot fallthrough final case in switch"
                        } else {
                            return;
                        }
                    }
                    _ => "fallthrough statement out of place",
                };
                self.err(pos, msg.into());
            }
            _ => {}
        }
    }
}
