//! Statements and function bodies: scopes, declarations, assignments, control flow, and the
//! "missing return" analysis (Go's terminating statements).

use super::consts::*;
use super::*;
use crate::syntax::ast::{
    AssignOp, Block, BranchKind, CaseClause, ExprKind, Stmt, StmtKind, ValueSpec,
};

impl<'a> Checker<'a> {
    /// Checks the body of function `fid` (declared or literal) with signature `sig`.
    pub(super) fn body(&mut self, fid: FuncId, sig: TypeId, body: &'a Block) {
        let results = self
            .table
            .signature(sig)
            .map(|s| s.results.clone())
            .unwrap_or_default();
        let f = &self.table.funcs[fid as usize];
        let named_results = f
            .results
            .iter()
            .any(|&r| !self.table.objects[r as usize].name.starts_with('~'));
        let params: Vec<ObjId> = f
            .recv
            .iter()
            .chain(&f.params)
            .chain(&f.results)
            .copied()
            .collect();
        self.funcs.push(FuncCtx {
            func: fid,
            results: results.clone(),
            named_results,
            lits: 0,
            labels: Vec::new(),
        });
        let saved_targets = std::mem::take(&mut self.targets);
        self.open_scope();
        for p in params {
            let o = &self.table.objects[p as usize];
            if !o.name.starts_with('~') {
                let (name, pos) = (o.name.clone(), o.pos);
                self.declare(&name, pos, p);
            }
        }
        self.stmts(&body.stmts);
        if !results.is_empty() && !self.terminating_list(&body.stmts) {
            self.err(body.rbrace, "missing return");
        }
        self.close_scope();
        self.targets = saved_targets;
        self.report_unused(fid);
        let labels = self
            .funcs
            .last()
            .map(|c| c.labels.clone())
            .unwrap_or_default();
        for (name, pos, used) in labels {
            if !used && name != "_" {
                self.err(pos, format!("label {name} defined and not used"));
            }
        }
        self.funcs.pop();
    }

    fn stmts(&mut self, list: &'a [Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    fn block(&mut self, b: &'a Block) {
        self.open_scope();
        self.stmts(&b.stmts);
        self.close_scope();
    }

    fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Block(b) => self.block(b),
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send { ch, value } => {
                let co = self.expr(ch);
                let mut vo = self.expr(value);
                if co.is_invalid() || vo.is_invalid() {
                    return;
                }
                match self.table.under(co.ty).clone() {
                    Type::Chan { dir, elem } => {
                        if dir == ChanDir::Recv {
                            let d = self.operand_string(ch, &co);
                            self.err(
                                s.pos,
                                format!(
                                    "invalid operation: cannot send to receive-only channel {d}"
                                ),
                            );
                            return;
                        }
                        self.assign_to(value, &mut vo, elem, "send");
                    }
                    _ => {
                        let d = self.operand_string(ch, &co);
                        self.err(
                            s.pos,
                            format!("invalid operation: cannot send to non-channel {d}"),
                        );
                    }
                }
            }
            StmtKind::IncDec { x, inc } => {
                let xo = self.expr(x);
                if xo.is_invalid() {
                    return;
                }
                if !self.table.basic(xo.ty).is_some_and(|k| k.is_numeric()) {
                    let op = if *inc { "++" } else { "--" };
                    self.err_expr(
                        x,
                        format!(
                            "invalid operation: {}{op} (non-numeric type {})",
                            expr_string(x),
                            self.ts(xo.ty)
                        ),
                    );
                    return;
                }
                self.check_assignable_lhs(x, &xo);
            }
            StmtKind::Assign { op, lhs, rhs } => match op {
                AssignOp::Define => self.define(s, lhs, rhs),
                AssignOp::Assign => self.assign(s, lhs, rhs),
                AssignOp::Op(bop) => {
                    if lhs.len() != 1 || rhs.len() != 1 {
                        self.err(
                            s.pos,
                            format!(
                                "assignment operation {}= requires single-valued expressions",
                                bop.as_str()
                            ),
                        );
                        return;
                    }
                    let (x, y) = (&lhs[0], &rhs[0]);
                    let xo = self.expr(x);
                    if xo.is_invalid() {
                        self.skim(y);
                        return;
                    }
                    // Check `x op y` as a binary expression on the same operands.
                    let fake = Expr {
                        id: u32::MAX,
                        pos: s.pos,
                        kind: ExprKind::Name(String::new()),
                    };
                    let _ = fake;
                    let mut yo = self.expr(y);
                    if yo.is_invalid() {
                        return;
                    }
                    if matches!(bop, ast::BinaryOp::Shl | ast::BinaryOp::Shr) {
                        self.use_default(y, &mut yo);
                    } else if self.table.is_untyped(yo.ty) {
                        if self.convert_untyped(y, &mut yo, xo.ty).is_err() {
                            let d = self.operand_string(y, &yo);
                            self.err_expr(
                                x,
                                format!(
                                    "invalid operation: {} {}= {} (mismatched types {} and {})",
                                    expr_string(x),
                                    bop.as_str(),
                                    expr_string(y),
                                    self.ts(xo.ty),
                                    d
                                ),
                            );
                            return;
                        }
                    } else if !self.table.identical(xo.ty, yo.ty) {
                        self.err_expr(
                            x,
                            format!(
                                "invalid operation: {} {}= {} (mismatched types {} and {})",
                                expr_string(x),
                                bop.as_str(),
                                expr_string(y),
                                self.ts(xo.ty),
                                self.ts(yo.ty)
                            ),
                        );
                        return;
                    }
                    let k = self.table.basic(xo.ty);
                    let ok = match bop {
                        ast::BinaryOp::Add => k.is_some_and(|k| k.is_numeric() || k.is_string()),
                        ast::BinaryOp::Sub | ast::BinaryOp::Mul | ast::BinaryOp::Div => {
                            k.is_some_and(|k| k.is_numeric())
                        }
                        _ => k.is_some_and(|k| k.is_integer()),
                    };
                    if !ok {
                        let d = self.operand_string(x, &xo);
                        self.err_expr(
                            x,
                            format!(
                                "invalid operation: operator {} not defined on {d}",
                                bop.as_str()
                            ),
                        );
                        return;
                    }
                    self.check_assignable_lhs(x, &xo);
                }
            },
            StmtKind::Go(e) | StmtKind::Defer(e) => {
                let kw = if matches!(s.kind, StmtKind::Go(_)) {
                    "go"
                } else {
                    "defer"
                };
                if !matches!(e.unparen().kind, ExprKind::Call { .. }) {
                    self.err_expr(e, format!("expression in {kw} must be function call"));
                    self.skim(e);
                    return;
                }
                let mut o = self.raw_expr(e, None);
                if let Some(CallKind::Conversion(_)) =
                    self.infos[self.cur].calls.get(&e.unparen().id)
                {
                    self.err_expr(e, format!("{kw} requires function call, not conversion"));
                }
                if o.mode != Mode::NoValue && !matches!(self.table.get(o.ty), Type::Tuple(_)) {
                    self.use_default(e, &mut o);
                }
            }
            StmtKind::Return(results) => self.return_stmt(s, results),
            StmtKind::Branch { kind, label } => self.branch(s, *kind, label.as_ref()),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.open_scope();
                if let Some(i) = init {
                    self.stmt(i);
                }
                let mut co = self.expr(cond);
                if !co.is_invalid() {
                    if !self.table.basic(co.ty).is_some_and(|k| k.is_boolean()) {
                        self.err_expr(cond, "non-boolean condition in if statement");
                    } else {
                        self.use_default(cond, &mut co);
                    }
                }
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.close_scope();
            }
            StmtKind::Switch {
                init, tag, body, ..
            } => self.switch(init.as_deref(), tag.as_ref(), body, None),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                body,
                ..
            } => self.type_switch(init.as_deref(), bind.as_ref(), x, body, None),
            StmtKind::Select => {
                self.unsupported(s.pos, "select");
                // The clauses are not in the tree: do not blame their variables as unused.
                if let Some(ctx) = self.funcs.last() {
                    self.used
                        .extend(self.table.funcs[ctx.func as usize].locals.iter().copied());
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_stmt(init.as_deref(), cond.as_ref(), post.as_deref(), body, None),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range(s, key.as_ref(), value.as_ref(), *define, x, body, None),
            StmtKind::Labeled { label, stmt } => {
                if let Some(ctx) = self.funcs.last_mut() {
                    if ctx.labels.iter().any(|(n, _, _)| *n == label.name) {
                        let msg = format!("label {} already defined", label.name);
                        self.err(label.pos, msg);
                    } else {
                        ctx.labels.push((label.name.clone(), label.pos, false));
                    }
                }
                let l = Some(label.name.clone());
                match &stmt.kind {
                    StmtKind::For {
                        init,
                        cond,
                        post,
                        body,
                    } => self.for_stmt(init.as_deref(), cond.as_ref(), post.as_deref(), body, l),
                    StmtKind::Range {
                        key,
                        value,
                        define,
                        x,
                        body,
                    } => self.range(stmt, key.as_ref(), value.as_ref(), *define, x, body, l),
                    StmtKind::Switch {
                        init, tag, body, ..
                    } => self.switch(init.as_deref(), tag.as_ref(), body, l),
                    StmtKind::TypeSwitch {
                        init,
                        bind,
                        x,
                        body,
                        ..
                    } => self.type_switch(init.as_deref(), bind.as_ref(), x, body, l),
                    _ => {
                        self.targets.push(Target {
                            label: l,
                            is_loop: false,
                        });
                        self.stmt(stmt);
                        self.targets.pop();
                    }
                }
            }
            StmtKind::Var(specs) => {
                for spec in specs {
                    self.local_var(spec);
                }
            }
            StmtKind::Const(specs) => {
                for spec in specs {
                    self.local_const(spec);
                }
            }
            StmtKind::Type(specs) => {
                for spec in specs {
                    let o = self.declare_type_name(spec);
                    self.pending.remove(&o);
                    self.resolving.push(o);
                    self.resolve_type_decl(o, spec);
                    self.resolving.pop();
                    self.used.insert(o);
                }
            }
        }
    }

    fn expr_stmt(&mut self, e: &'a Expr) {
        let mut o = self.raw_expr(e, None);
        if o.is_invalid() {
            return;
        }
        let inner = e.unparen();
        let ok = match &inner.kind {
            ExprKind::Call { .. } => match self.infos[self.cur].calls.get(&inner.id) {
                Some(CallKind::Conversion(_)) => false,
                Some(CallKind::Builtin(b)) => !matches!(
                    b,
                    Builtin::Append
                        | Builtin::Cap
                        | Builtin::Complex
                        | Builtin::Imag
                        | Builtin::Len
                        | Builtin::Make
                        | Builtin::Max
                        | Builtin::Min
                        | Builtin::New
                        | Builtin::Real
                ),
                _ => true,
            },
            ExprKind::Unary {
                op: ast::UnaryOp::Recv,
                ..
            } => true,
            _ => false,
        };
        if !ok {
            let d = self.operand_string(e, &o);
            self.err_expr(e, format!("{d} is not used"));
        }
        if o.mode != Mode::NoValue && !matches!(self.table.get(o.ty), Type::Tuple(_)) {
            self.use_default(e, &mut o);
        }
    }

    /// The left side of an assignment must be addressable or a map index.
    fn check_assignable_lhs(&mut self, x: &'a Expr, xo: &Operand) -> bool {
        let map_index =
            xo.mode == Mode::CommaOk && matches!(x.unparen().kind, ExprKind::Index { .. });
        if xo.mode == Mode::Variable || map_index {
            return true;
        }
        if xo.is_invalid() {
            return false;
        }
        let what = if let ExprKind::Selector { x: base, .. } = &x.unparen().kind {
            let bt = self.infos[self.cur].types.get(&base.id).map(|t| t.mode);
            if bt == Some(Mode::CommaOk) && matches!(base.unparen().kind, ExprKind::Index { .. }) {
                format!("cannot assign to struct field {} in map", expr_string(x))
            } else {
                format!(
                    "cannot assign to {} (neither addressable nor a map index expression)",
                    expr_string(x)
                )
            }
        } else {
            format!(
                "cannot assign to {} (neither addressable nor a map index expression)",
                expr_string(x)
            )
        };
        self.err_expr(x, what);
        false
    }

    /// An assignment target: a bare identifier is not a "use" of the variable.
    fn lhs(&mut self, x: &'a Expr) -> Operand {
        if let ExprKind::Name(n) = &x.kind {
            if n == "_" {
                return Operand {
                    mode: Mode::Variable,
                    ty: INVALID,
                    val: None,
                };
            }
            if let Some(o) = self.lookup(n) {
                if let ObjKind::Var(_) = self.table.objects[o as usize].kind {
                    let was_used = self.used.contains(&o);
                    self.info().uses.insert(x.id, o);
                    let op = self.object_operand(x, o);
                    if !was_used {
                        self.used.remove(&o);
                    }
                    self.record(x, &op);
                    return op;
                }
            }
        }
        self.expr(x)
    }

    fn assign(&mut self, s: &'a Stmt, lhs: &'a [Expr], rhs: &'a [Expr]) {
        let lops: Vec<Operand> = lhs.iter().map(|x| self.lhs(x)).collect();
        let blank = |x: &Expr| matches!(&x.kind, ExprKind::Name(n) if n == "_");
        if lhs.len() == rhs.len() {
            for ((x, xo), y) in lhs.iter().zip(&lops).zip(rhs) {
                let hint = if blank(x) { None } else { Some(xo.ty) };
                let mut yo = self.rhs_value(y, hint, lhs.len());
                if blank(x) {
                    if yo.ty == UNTYPED_NIL {
                        self.err_expr(y, "use of untyped nil in assignment");
                    }
                    self.use_default(y, &mut yo);
                    continue;
                }
                if self.check_assignable_lhs(x, xo) {
                    self.assign_to(y, &mut yo, xo.ty, "assignment");
                } else {
                    self.use_default(y, &mut yo);
                }
            }
            return;
        }
        let Some(values) = self.multi_rhs(s.pos, lhs.len(), rhs) else {
            return;
        };
        for (i, (x, xo)) in lhs.iter().zip(&lops).enumerate() {
            if blank(x) || !self.check_assignable_lhs(x, xo) {
                continue;
            }
            self.assign_multi(&values, i, xo.ty);
        }
    }

    /// One value of an `n := n`-shaped assignment; with a single variable, a multi-value call
    /// is an assignment mismatch rather than a single-value-context error.
    fn rhs_value(&mut self, y: &'a Expr, hint: Option<TypeId>, nlhs: usize) -> Operand {
        let op = self.raw_expr(y, hint);
        if let (Type::Tuple(ts), 1, false) = (self.table.get(op.ty), nlhs, op.mode == Mode::NoValue)
        {
            if ts.len() > 1 {
                let callee = match &y.unparen().kind {
                    ExprKind::Call { func, .. } => expr_string(func),
                    _ => expr_string(y),
                };
                let msg = format!(
                    "assignment mismatch: 1 variable but {callee} returns {} values",
                    ts.len()
                );
                self.err_expr(y, msg);
                return Operand::invalid();
            }
        }
        self.single_value(y, op)
    }

    /// Checks that value `i` of a multi-value right side can be assigned to a variable of type
    /// `target`, reporting Go's error (at the right side) when it cannot. The `ok` of a comma-ok
    /// form is an untyped bool: it goes into any variable whose type is a boolean (`bool` or a
    /// named boolean type), or into an interface as a `bool`.
    fn assign_multi(&mut self, values: &MultiValues<'a>, i: usize, target: TypeId) -> bool {
        let t = values.tys[i];
        if t == INVALID || target == INVALID {
            return false;
        }
        let ok = if t == UNTYPED_BOOL {
            self.table.basic(target).is_some_and(|k| k.is_boolean())
                || self.table.assignable(BOOL, target)
        } else {
            self.table.assignable(t, target)
        };
        if !ok {
            // Go names the values by stand-ins: `1st function result`, `ok value of (comma, ok)
            // expression`; the first value of a comma-ok form is the expression itself.
            let value = Operand::value(t);
            let desc = match (&values.comma_ok, i) {
                (Some(op), 0) => self.operand_string(values.expr, op),
                (Some(_), _) => {
                    self.describe_operand("ok value of (comma, ok) expression", false, &value)
                }
                (None, _) => self.describe_operand(&nth(i + 1, "function result"), false, &value),
            };
            let msg = format!(
                "cannot use {desc} as {} value in multiple assignment",
                self.ts(target)
            );
            self.err(start_pos(values.expr), msg);
        }
        ok
    }

    /// `a, b = f()`, `v, ok = m[k]`: the right side's values, or `None` after an error.
    fn multi_rhs(&mut self, pos: Pos, n: usize, rhs: &'a [Expr]) -> Option<MultiValues<'a>> {
        if rhs.len() != 1 {
            for r in rhs {
                self.skim(r);
            }
            let pos = rhs.first().map_or(pos, start_pos);
            self.err(
                pos,
                format!(
                    "assignment mismatch: {n} variable{} but {} value{}",
                    plural(n),
                    rhs.len(),
                    plural(rhs.len())
                ),
            );
            return None;
        }
        let y = &rhs[0];
        let mut yo = self.raw_expr(y, None);
        if yo.is_invalid() {
            return None;
        }
        if let Type::Tuple(ts) = self.table.get(yo.ty).clone() {
            if ts.len() == n {
                return Some(MultiValues {
                    tys: ts,
                    expr: y,
                    comma_ok: None,
                });
            }
            let callee = match &y.unparen().kind {
                ExprKind::Call { func, .. } => expr_string(func),
                _ => expr_string(y),
            };
            self.err_expr(
                y,
                format!(
                    "assignment mismatch: {n} variable{} but {callee} returns {} value{}",
                    plural(n),
                    ts.len(),
                    plural(ts.len())
                ),
            );
            return None;
        }
        if yo.mode == Mode::CommaOk && n == 2 {
            self.use_default(y, &mut yo);
            return Some(MultiValues {
                tys: vec![yo.ty, UNTYPED_BOOL],
                expr: y,
                comma_ok: Some(yo),
            });
        }
        if yo.mode == Mode::NoValue {
            self.err_expr(y, format!("{} (no value) used as value", expr_string(y)));
            return None;
        }
        self.use_default(y, &mut yo);
        let what = match &y.unparen().kind {
            ExprKind::Call { func, .. } => format!("{} returns 1 value", expr_string(func)),
            _ => "1 value".to_string(),
        };
        self.err_expr(
            y,
            format!("assignment mismatch: {n} variable{} but {what}", plural(n)),
        );
        None
    }

    fn define(&mut self, s: &'a Stmt, lhs: &'a [Expr], rhs: &'a [Expr]) {
        // Which names are new in this scope?
        let mut new_any = false;
        let mut targets: Vec<Option<ObjId>> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for x in lhs {
            let ExprKind::Name(n) = &x.kind else {
                self.err_expr(x, format!("non-name {} on left side of :=", expr_string(x)));
                targets.push(None);
                continue;
            };
            if n != "_" && seen.contains(&n.as_str()) {
                self.err_expr(x, format!("{n} repeated on left side of :="));
            }
            seen.push(n);
            let existing = if n == "_" {
                None
            } else {
                self.scopes
                    .last()
                    .and_then(|sc| sc.get(n.as_str()).copied())
            };
            if existing.is_none() && n != "_" {
                new_any = true;
            }
            targets.push(existing);
        }
        if !new_any {
            self.err(s.pos, "no new variables on left side of :=");
        }
        // Evaluate the right side.
        let mut multi = None;
        let rtys: Vec<(TypeId, Option<&'a Expr>)> = if lhs.len() == rhs.len() {
            let mut v = Vec::new();
            for (i, y) in rhs.iter().enumerate() {
                let existing_ty = targets[i].map(|o| self.table.objects[o as usize].ty);
                let mut yo = self.rhs_value(y, existing_ty, lhs.len());
                if yo.is_invalid() {
                    v.push((INVALID, Some(y)));
                    continue;
                }
                match existing_ty {
                    Some(t) => {
                        self.assign_to(y, &mut yo, t, "assignment");
                    }
                    None => {
                        if yo.ty == UNTYPED_NIL {
                            self.err_expr(y, "use of untyped nil in assignment");
                            yo.ty = INVALID;
                        }
                        self.use_default(y, &mut yo);
                    }
                }
                v.push((yo.ty, Some(y)));
            }
            v
        } else {
            multi = self.multi_rhs(s.pos, lhs.len(), rhs);
            match &multi {
                // Untyped (the comma-ok bool) until we know whether the variable is new.
                Some(values) => values.tys.iter().map(|&t| (t, None)).collect(),
                None => vec![(INVALID, None); lhs.len()],
            }
        };
        // Declare the new variables (after the right side: `x := x` refers to the outer x).
        let mut decls = Vec::new();
        for (i, ((x, existing), (t, _))) in lhs.iter().zip(&targets).zip(&rtys).enumerate() {
            let ExprKind::Name(n) = &x.kind else { continue };
            match existing {
                Some(o) => {
                    self.info().uses.insert(x.id, *o);
                    let ot = self.table.objects[*o as usize].ty;
                    if let Some(values) = &multi {
                        self.assign_multi(values, i, ot);
                    }
                    self.use_capture_only(*o);
                    self.record(
                        x,
                        &Operand {
                            mode: Mode::Variable,
                            ty: ot,
                            val: None,
                        },
                    );
                }
                None => {
                    let t = &Self::default_type(*t);
                    let o = self.new_obj(n, x.pos, *t, ObjKind::Var(VarKind::Local));
                    self.record(
                        x,
                        &Operand {
                            mode: Mode::Variable,
                            ty: *t,
                            val: None,
                        },
                    );
                    if n == "_" {
                        self.used.insert(o);
                    }
                    decls.push((n.clone(), x.pos, o));
                }
            }
        }
        for (n, pos, o) in decls {
            self.declare(&n, pos, o);
        }
    }

    /// Assignment to a variable of an enclosing function still makes it a capture.
    fn use_capture_only(&mut self, o: ObjId) {
        let was = self.used.contains(&o);
        self.use_obj(o);
        if !was {
            self.used.remove(&o);
        }
    }

    /// `var` inside a function.
    fn local_var(&mut self, spec: &'a ValueSpec) {
        let objs: Vec<ObjId> = spec
            .names
            .iter()
            .map(|n| self.new_obj(&n.name, n.pos, INVALID, ObjKind::Var(VarKind::Local)))
            .collect();
        self.var_spec(spec, &objs);
        for (n, &o) in spec.names.iter().zip(&objs) {
            self.declare(&n.name, n.pos, o);
        }
    }

    /// Types the objects of a `var` spec (package-level or local).
    pub(super) fn var_spec(&mut self, spec: &'a ValueSpec, objs: &[ObjId]) {
        let declared = spec.ty.as_ref().map(|t| self.type_expr(t));
        let n = objs.len();
        if spec.values.is_empty() {
            for &o in objs {
                self.table.objects[o as usize].ty = declared.unwrap_or(INVALID);
            }
            return;
        }
        if spec.values.len() == n {
            for (&o, v) in objs.iter().zip(&spec.values) {
                let mut vo = self.rhs_value(v, declared, n);
                let t = match declared {
                    Some(t) => {
                        self.assign_to(v, &mut vo, t, "variable declaration");
                        t
                    }
                    None => {
                        if vo.ty == UNTYPED_NIL {
                            self.err_expr(v, "use of untyped nil in variable declaration");
                            INVALID
                        } else {
                            self.use_default(v, &mut vo);
                            vo.ty
                        }
                    }
                };
                self.table.objects[o as usize].ty = t;
            }
            return;
        }
        let pos = spec.names.first().map_or(Pos::default(), |n| n.pos);
        let values = self.multi_rhs(pos, n, &spec.values);
        for (i, &o) in objs.iter().enumerate() {
            let t = values.as_ref().map_or(INVALID, |v| v.tys[i]);
            let t = match (declared, &values) {
                (Some(d), Some(values)) => {
                    self.assign_multi(values, i, d);
                    d
                }
                (Some(d), None) => d,
                (None, _) => Self::default_type(t),
            };
            self.table.objects[o as usize].ty = t;
        }
    }

    /// A `const` inside a function.
    fn local_const(&mut self, spec: &'a ValueSpec) {
        let saved = self.iota.replace(spec.iota as i128);
        let objs: Vec<ObjId> = spec
            .names
            .iter()
            .map(|n| self.new_obj(&n.name, n.pos, INVALID, ObjKind::Const(ConstValue::Int(0))))
            .collect();
        for (i, &o) in objs.iter().enumerate() {
            self.const_spec_item(o, spec, i);
            self.used.insert(o);
        }
        self.iota = saved;
        for (n, &o) in spec.names.iter().zip(&objs) {
            self.declare(&n.name, n.pos, o);
        }
    }

    /// Evaluates the `idx`-th constant of a spec into object `o`.
    pub(super) fn const_spec_item(&mut self, o: ObjId, spec: &'a ValueSpec, idx: usize) {
        let Some(v) = spec.values.get(idx) else {
            let pos = spec.names.get(idx).map_or(Pos::default(), |n| n.pos);
            self.err(pos, "missing init expr for const declaration");
            return;
        };
        if idx == spec.names.len() - 1 && spec.values.len() > spec.names.len() {
            self.err_expr(&spec.values[spec.names.len()], "extra init expr");
        }
        let declared = spec.ty.as_ref().map(|t| self.type_expr(t));
        let mut vo = self.expr(v);
        if vo.is_invalid() {
            return;
        }
        if vo.mode != Mode::Constant {
            let d = self.operand_string(v, &vo);
            self.err_expr(v, format!("{d} is not constant"));
            return;
        }
        if let Some(t) = declared {
            if self.table.basic(t).is_none() {
                self.err_expr(
                    spec.ty.as_ref().unwrap_or(v),
                    format!("invalid constant type {}", self.ts(t)),
                );
                return;
            }
            if !self.assign_to(v, &mut vo, t, "constant declaration") {
                return;
            }
        }
        let obj = &mut self.table.objects[o as usize];
        obj.ty = vo.ty;
        obj.kind = ObjKind::Const(vo.val.unwrap_or(ConstValue::Int(0)));
    }

    fn return_stmt(&mut self, s: &'a Stmt, results: &'a [Expr]) {
        let Some(ctx) = self.funcs.last() else { return };
        let want = ctx.results.clone();
        let named = ctx.named_results;
        if results.is_empty() {
            if !want.is_empty() && !named {
                let w: Vec<String> = want.iter().map(|&t| self.ts(t)).collect();
                self.err(
                    s.pos,
                    format!(
                        "not enough return values\n\thave ()\n\twant ({})",
                        w.join(", ")
                    ),
                );
            }
            return;
        }
        if results.len() == 1 && want.len() > 1 {
            let y = &results[0];
            let yo = self.raw_expr(y, None);
            if let Type::Tuple(ts) = self.table.get(yo.ty).clone() {
                if ts.len() == want.len() {
                    for (&t, &w) in ts.iter().zip(&want) {
                        if !self.table.assignable(t, w) {
                            self.err_expr(
                                y,
                                format!(
                                    "cannot use {} value as {} value in return statement",
                                    self.ts(t),
                                    self.ts(w)
                                ),
                            );
                        }
                    }
                    return;
                }
            }
            let mut yo = self.single_value(y, yo);
            if yo.is_invalid() {
                return;
            }
            let have = self.have_string(&yo);
            self.use_default(y, &mut yo);
            let w: Vec<String> = want.iter().map(|&t| self.ts(t)).collect();
            self.err_expr(
                y,
                format!(
                    "not enough return values\n\thave ({have})\n\twant ({})",
                    w.join(", ")
                ),
            );
            return;
        }
        let mut ops: Vec<Operand> = results
            .iter()
            .enumerate()
            .map(|(i, r)| self.expr_hint(r, want.get(i).copied()))
            .collect();
        if ops.iter().any(|o| o.is_invalid()) {
            return;
        }
        if results.len() != want.len() {
            let have: Vec<String> = ops.iter().map(|o| self.have_string(o)).collect();
            let w: Vec<String> = want.iter().map(|&t| self.ts(t)).collect();
            let (pos, what) = if results.len() > want.len() {
                (start_pos(&results[want.len()]), "too many")
            } else {
                (start_pos(&results[results.len() - 1]), "not enough")
            };
            self.err(
                pos,
                format!(
                    "{what} return values\n\thave ({})\n\twant ({})",
                    have.join(", "),
                    w.join(", ")
                ),
            );
            for (r, o) in results.iter().zip(ops.iter_mut()) {
                self.use_default(r, o);
            }
            return;
        }
        for ((r, o), &w) in results.iter().zip(ops.iter_mut()).zip(&want) {
            self.assign_to(r, o, w, "return statement");
        }
    }

    /// How an operand appears in a `have (...)` list.
    fn have_string(&self, o: &Operand) -> String {
        match o.ty {
            UNTYPED_INT | UNTYPED_FLOAT | UNTYPED_RUNE => "number".into(),
            UNTYPED_STRING => "string".into(),
            UNTYPED_BOOL => "bool".into(),
            UNTYPED_NIL => "nil".into(),
            t => self.ts(t),
        }
    }

    fn branch(&mut self, s: &'a Stmt, kind: BranchKind, label: Option<&'a ast::Ident>) {
        match kind {
            BranchKind::Goto => self.unsupported(s.pos, "goto"),
            BranchKind::Fallthrough => {}
            BranchKind::Break | BranchKind::Continue => {
                let is_break = kind == BranchKind::Break;
                let word = if is_break { "break" } else { "continue" };
                match label {
                    Some(l) => {
                        if let Some(ctx) = self.funcs.last_mut() {
                            for lab in ctx.labels.iter_mut().filter(|(n, _, _)| *n == l.name) {
                                lab.2 = true;
                            }
                        }
                        let t = self
                            .targets
                            .iter()
                            .rev()
                            .find(|t| t.label.as_deref() == Some(l.name.as_str()));
                        match t {
                            Some(t) if is_break || t.is_loop => {}
                            Some(_) => {
                                self.err(l.pos, format!("invalid continue label {}", l.name))
                            }
                            None => self.err(l.pos, format!("invalid {word} label {}", l.name)),
                        }
                    }
                    None => {
                        let ok = if is_break {
                            !self.targets.is_empty()
                        } else {
                            self.targets.iter().any(|t| t.is_loop)
                        };
                        if !ok {
                            let msg = if is_break {
                                "break is not in a loop, switch, or select"
                            } else {
                                "continue is not in a loop"
                            };
                            self.err(s.pos, msg);
                        }
                    }
                }
            }
        }
    }

    fn for_stmt(
        &mut self,
        init: Option<&'a Stmt>,
        cond: Option<&'a Expr>,
        post: Option<&'a Stmt>,
        body: &'a Block,
        label: Option<String>,
    ) {
        self.open_scope();
        if let Some(i) = init {
            self.stmt(i);
        }
        if let Some(c) = cond {
            let mut co = self.expr(c);
            if !co.is_invalid() {
                if !self.table.basic(co.ty).is_some_and(|k| k.is_boolean()) {
                    self.err_expr(c, "non-boolean condition in for statement");
                } else {
                    self.use_default(c, &mut co);
                }
            }
        }
        if let Some(p) = post {
            if matches!(
                &p.kind,
                StmtKind::Assign {
                    op: AssignOp::Define,
                    ..
                }
            ) {
                self.err(p.pos, "cannot declare in post statement of for loop");
            }
            self.stmt(p);
        }
        self.targets.push(Target {
            label,
            is_loop: true,
        });
        self.block(body);
        self.targets.pop();
        self.close_scope();
    }

    #[allow(clippy::too_many_arguments)]
    fn range(
        &mut self,
        s: &'a Stmt,
        key: Option<&'a Expr>,
        value: Option<&'a Expr>,
        define: bool,
        x: &'a Expr,
        body: &'a Block,
        label: Option<String>,
    ) {
        let mut xo = self.expr(x);
        let (kt, vt, max_vars) = if xo.is_invalid() {
            (INVALID, INVALID, 2)
        } else {
            if self.table.is_untyped(xo.ty) {
                self.use_default(x, &mut xo);
            }
            match self.table.under(xo.ty).clone() {
                Type::Basic(k) if k.is_integer() => (xo.ty, INVALID, 1),
                Type::Basic(k) if k.is_string() => (INT, RUNE, 2),
                Type::Slice(e) => (INT, e, 2),
                Type::Array { elem, .. } => (INT, elem, 2),
                Type::Pointer(p) => match self.table.under(p).clone() {
                    Type::Array { elem, .. } => (INT, elem, 2),
                    _ => self.bad_range(x, &xo),
                },
                Type::Map { key, value } => (key, value, 2),
                Type::Chan { elem, dir } => {
                    if dir == ChanDir::Send {
                        let d = self.operand_string(x, &xo);
                        self.err_expr(
                            x,
                            format!(
                                "invalid operation: range {} receive from send-only channel {d}",
                                expr_string(x)
                            ),
                        );
                    }
                    (elem, INVALID, 1)
                }
                Type::Func(_) => {
                    self.unsupported(x.pos, "range-over-func iterators");
                    (INVALID, INVALID, 2)
                }
                _ => self.bad_range(x, &xo),
            }
        };
        let vars: Vec<(&'a Expr, TypeId)> = key
            .into_iter()
            .map(|k| (k, kt))
            .chain(value.map(|v| (v, vt)))
            .collect();
        if vars.len() > max_vars && !xo.is_invalid() && kt != INVALID {
            let extra = vars[max_vars].0;
            let d = self.operand_string(x, &xo);
            self.err_expr(
                extra,
                format!("range over {d} permits only one iteration variable"),
            );
        }
        self.open_scope();
        if define {
            let mut decls = Vec::new();
            for &(v, t) in &vars {
                let ExprKind::Name(n) = &v.kind else {
                    self.err_expr(v, format!("non-name {} on left side of :=", expr_string(v)));
                    continue;
                };
                let o = self.new_obj(n, v.pos, t, ObjKind::Var(VarKind::Local));
                self.record(
                    v,
                    &Operand {
                        mode: Mode::Variable,
                        ty: t,
                        val: None,
                    },
                );
                decls.push((n.clone(), v.pos, o));
            }
            for (n, p, o) in decls {
                self.declare(&n, p, o);
            }
        } else {
            for &(v, t) in &vars {
                if matches!(&v.kind, ExprKind::Name(n) if n == "_") {
                    continue;
                }
                let lo = self.lhs(v);
                if self.check_assignable_lhs(v, &lo)
                    && t != INVALID
                    && !self.table.assignable(t, lo.ty)
                {
                    self.err_expr(
                        v,
                        format!(
                            "cannot use {} (value of type {}) as {} value in range clause",
                            expr_string(v),
                            self.ts(t),
                            self.ts(lo.ty)
                        ),
                    );
                }
            }
        }
        let _ = s;
        self.targets.push(Target {
            label,
            is_loop: true,
        });
        self.block(body);
        self.targets.pop();
        self.close_scope();
    }

    fn bad_range(&mut self, x: &'a Expr, xo: &Operand) -> (TypeId, TypeId, usize) {
        let d = self.operand_string(x, xo);
        self.err_expr(x, format!("cannot range over {d}"));
        (INVALID, INVALID, 2)
    }

    fn switch(
        &mut self,
        init: Option<&'a Stmt>,
        tag: Option<&'a Expr>,
        body: &'a [CaseClause],
        label: Option<String>,
    ) {
        self.open_scope();
        if let Some(i) = init {
            self.stmt(i);
        }
        let tag_op = tag.map(|t| {
            let mut o = self.expr(t);
            self.use_default(t, &mut o);
            o
        });
        self.targets.push(Target {
            label,
            is_loop: false,
        });
        let mut seen_default = false;
        for cl in body {
            if cl.default {
                if seen_default {
                    self.err(cl.pos, "multiple defaults in switch");
                }
                seen_default = true;
            }
            for e in &cl.exprs {
                let mut eo = self.expr(e);
                if eo.is_invalid() {
                    continue;
                }
                match (&tag_op, tag) {
                    (Some(to), Some(t)) if !to.is_invalid() => {
                        let _ = self.convert_untyped(e, &mut eo, to.ty);
                        if !self.table.assignable(eo.ty, to.ty)
                            && !self.table.assignable(to.ty, eo.ty)
                        {
                            self.err_expr(
                                e,
                                format!(
                                    "invalid case {} in switch on {} (mismatched types {} and {})",
                                    expr_string(e),
                                    expr_string(t),
                                    self.ts(eo.ty),
                                    self.ts(to.ty)
                                ),
                            );
                            continue;
                        }
                        self.note_iface(e, eo.ty, to.ty);
                    }
                    (None, _) => {
                        if !self.table.basic(eo.ty).is_some_and(|k| k.is_boolean()) {
                            let msg = format!(
                                "invalid case {} in switch (mismatched types {} and bool)",
                                expr_string(e),
                                self.ts(eo.ty)
                            );
                            self.err_expr(e, msg);
                            continue;
                        }
                        self.use_default(e, &mut eo);
                    }
                    _ => {}
                }
            }
            self.open_scope();
            self.stmts(&cl.body);
            self.close_scope();
        }
        self.targets.pop();
        self.close_scope();
    }

    fn type_switch(
        &mut self,
        init: Option<&'a Stmt>,
        bind: Option<&'a ast::Ident>,
        x: &'a Expr,
        body: &'a [CaseClause],
        label: Option<String>,
    ) {
        self.open_scope();
        if let Some(i) = init {
            self.stmt(i);
        }
        let xo = self.expr(x);
        let xt = if xo.is_invalid() {
            INVALID
        } else if !self.table.is_interface(xo.ty) {
            let d = self.operand_string(x, &xo);
            self.err_expr(x, format!("{d} is not an interface"));
            INVALID
        } else {
            xo.ty
        };
        self.targets.push(Target {
            label,
            is_loop: false,
        });
        let mut any_bind = false;
        for cl in body {
            let mut single = None;
            for e in &cl.exprs {
                let t = if matches!(&e.kind, ExprKind::Name(n) if n == "nil")
                    && self.lookup("nil").is_some_and(|o| {
                        matches!(self.table.objects[o as usize].kind, ObjKind::Nil)
                    }) {
                    let o = self.expr(e);
                    o.ty
                } else {
                    let t = self.type_expr(e);
                    if t != INVALID && xt != INVALID {
                        self.check_assertable(start_pos(e), xt, t);
                    }
                    t
                };
                single = Some(t);
            }
            self.open_scope();
            if let Some(b) = bind {
                let t = match (cl.exprs.len(), single) {
                    (1, Some(t)) if t != UNTYPED_NIL => t,
                    _ => xt,
                };
                if b.name != "_" {
                    let o = self.new_obj(&b.name, b.pos, t, ObjKind::Var(VarKind::TypeSwitchBind));
                    self.scopes.last_mut().map(|s| s.insert(b.name.clone(), o));
                    any_bind = true;
                }
            }
            self.stmts(&cl.body);
            self.close_scope();
        }
        if let (Some(b), false) = (bind, any_bind) {
            if b.name != "_" {
                self.err(b.pos, format!("{} declared and not used", b.name));
            }
        }
        self.targets.pop();
        self.close_scope();
    }

    // --- terminating statements ---------------------------------------------------------------

    fn terminating_list(&self, list: &[Stmt]) -> bool {
        list.iter()
            .rev()
            .find(|s| !matches!(s.kind, StmtKind::Empty))
            .is_some_and(|s| self.terminating(s, None))
    }

    fn terminating(&self, s: &Stmt, label: Option<&str>) -> bool {
        match &s.kind {
            StmtKind::Return(_) => true,
            StmtKind::Branch {
                kind: BranchKind::Goto,
                ..
            } => true,
            StmtKind::Expr(e) => {
                matches!(
                    self.infos[self.cur].calls.get(&e.unparen().id),
                    Some(CallKind::Builtin(Builtin::Panic))
                )
            }
            StmtKind::Block(b) => self.terminating_list(&b.stmts),
            StmtKind::If { then, els, .. } => {
                els.as_ref().is_some_and(|e| self.terminating(e, None))
                    && self.terminating_list(&then.stmts)
            }
            StmtKind::Labeled { label, stmt } => self.terminating(stmt, Some(&label.name)),
            StmtKind::For { cond, body, .. } => {
                cond.is_none() && !has_break(&body.stmts, label, true)
            }
            StmtKind::Switch { body, .. } | StmtKind::TypeSwitch { body, .. } => {
                body.iter().any(|c| c.default)
                    && body.iter().all(|c| {
                        !has_break(&c.body, label, true)
                            && (self.terminating_list(&c.body)
                                || c.body
                                    .iter()
                                    .rev()
                                    .find(|s| !matches!(s.kind, StmtKind::Empty))
                                    .is_some_and(|s| {
                                        matches!(
                                            s.kind,
                                            StmtKind::Branch {
                                                kind: BranchKind::Fallthrough,
                                                ..
                                            }
                                        )
                                    }))
                    })
            }
            _ => false,
        }
    }
}

/// Whether a statement list contains a `break` that targets the enclosing statement: an
/// unlabeled one not nested in another breakable statement, or one with the given label.
fn has_break(list: &[Stmt], label: Option<&str>, top: bool) -> bool {
    list.iter().any(|s| stmt_has_break(s, label, top))
}

fn stmt_has_break(s: &Stmt, label: Option<&str>, top: bool) -> bool {
    match &s.kind {
        StmtKind::Branch {
            kind: BranchKind::Break,
            label: l,
        } => match l {
            None => top,
            Some(l) => Some(l.name.as_str()) == label,
        },
        StmtKind::Block(b) => has_break(&b.stmts, label, top),
        StmtKind::If { then, els, .. } => {
            has_break(&then.stmts, label, top)
                || els.as_ref().is_some_and(|e| stmt_has_break(e, label, top))
        }
        StmtKind::Labeled { stmt, .. } => stmt_has_break(stmt, label, top),
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            has_break(&body.stmts, label, false)
        }
        StmtKind::Switch { body, .. } | StmtKind::TypeSwitch { body, .. } => {
            body.iter().any(|c| has_break(&c.body, label, false))
        }
        _ => false,
    }
}

/// The values of a multi-value right side (`f()` or a comma-ok form) being assigned.
struct MultiValues<'a> {
    /// The type of each value; the `ok` of a comma-ok form is an untyped bool.
    tys: Vec<TypeId>,
    /// The right side.
    expr: &'a Expr,
    /// For a comma-ok form, its first value (`m[k]`, `x.(T)`, `<-c`).
    comma_ok: Option<Operand>,
}

/// `1st function result`, `2nd ...`: how Go's checker names the n-th of several values.
fn nth(n: usize, what: &str) -> String {
    let ext = match n {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
    format!("{n}{ext} {what}")
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
