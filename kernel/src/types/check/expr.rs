//! Expressions: names, operators, selectors, indexing, literals, and untyped constants.
//!
//! Untyped constants (`1`, `"s"`, `1 << 3`) keep an *untyped* type until the context decides
//! their final type — an assignment, an argument, the other operand of a binary operator — or
//! falls back to the default type (`int`, `float64`, `rune`, `string`, `bool`). When that
//! happens, [`Checker::retype`] rewrites the recorded types of the whole untyped expression
//! tree, so escape analysis sees final types everywhere.

use super::consts::*;
use super::*;
use crate::syntax::ast::{BinaryOp, ExprKind, UnaryOp};
use crate::types::Lookup;

impl<'a> Checker<'a> {
    /// Checks an expression that must have a single value.
    pub(super) fn expr(&mut self, e: &'a Expr) -> Operand {
        self.expr_hint(e, None)
    }

    /// Like [`Checker::expr`], with the type expected by the context (used for the element
    /// types elided in nested composite literals).
    pub(super) fn expr_hint(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand {
        let op = self.raw_expr(e, hint);
        self.single_value(e, op)
    }

    pub(super) fn single_value(&mut self, e: &'a Expr, op: Operand) -> Operand {
        match op.mode {
            Mode::Type => {
                self.err_expr(e, format!("{} (type) is not an expression", expr_string(e)));
                Operand::invalid()
            }
            Mode::NoValue => {
                self.err_expr(e, format!("{} (no value) used as value", expr_string(e)));
                Operand::invalid()
            }
            Mode::Builtin => {
                self.err_expr(e, format!("{} (built-in) must be called", expr_string(e)));
                Operand::invalid()
            }
            Mode::Package => {
                self.err_expr(
                    e,
                    format!("use of package {} without selector", expr_string(e)),
                );
                Operand::invalid()
            }
            _ => {
                if let Type::Tuple(ts) = self.table.get(op.ty) {
                    if !ts.is_empty() {
                        let n = ts.len();
                        self.err_expr(
                            e,
                            format!(
                                "multiple-value {} (value of type {}) in single-value context",
                                expr_string(e),
                                self.ts(op.ty)
                            ),
                        );
                        let _ = n;
                        return Operand::invalid();
                    }
                }
                op
            }
        }
    }

    /// Checks an expression that may denote a type.
    pub(super) fn expr_or_type(&mut self, e: &'a Expr) -> Operand {
        self.raw_expr(e, None)
    }

    /// Dispatches on the expression kind and records the result.
    pub(super) fn raw_expr(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand {
        let op = self.raw_expr_inner(e, hint);
        self.record(e, &op);
        op
    }

    fn raw_expr_inner(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand {
        match &e.kind {
            ExprKind::Name(n) => self.name(e, n),
            ExprKind::BasicLit { kind, raw } => {
                if *kind == ast::LitKind::Imag {
                    self.unsupported(e.pos, "complex numbers");
                    return Operand::invalid();
                }
                let ty = match kind {
                    ast::LitKind::Int => UNTYPED_INT,
                    ast::LitKind::Float => UNTYPED_FLOAT,
                    ast::LitKind::Rune => UNTYPED_RUNE,
                    _ => UNTYPED_STRING,
                };
                let numeric = matches!(kind, ast::LitKind::Int | ast::LitKind::Float);
                // Like types2, refuse absurdly long numbers before converting them.
                if numeric && raw.len() > 10000 {
                    let msg = format!(
                        "excessively long constant: {}... ({} chars)",
                        raw.get(..10).unwrap_or(raw),
                        raw.len()
                    );
                    self.err_expr(e, msg);
                    return Operand::invalid();
                }
                match parse_lit(*kind, raw) {
                    Some(v) => Operand {
                        mode: Mode::Constant,
                        ty,
                        val: Some(v),
                    },
                    // A number the constant representation cannot hold (`1e1000000000`).
                    None if numeric => {
                        self.err_expr(e, format!("malformed constant: {raw}"));
                        Operand::invalid()
                    }
                    None => {
                        self.err_expr(e, format!("invalid literal {raw}"));
                        Operand::invalid()
                    }
                }
            }
            ExprKind::Paren(x) => self.raw_expr(x, hint),
            ExprKind::FuncLit { sig, body } => self.func_lit(e, sig, body),
            ExprKind::CompositeLit { ty, elems, .. } => {
                self.composite_lit(e, ty.as_deref(), elems, hint)
            }
            ExprKind::Selector { x, sel } => self.selector(e, x, sel),
            ExprKind::Index { x, index } => self.index(e, x, index),
            ExprKind::Slice { x, lo, hi, max } => {
                self.slice_expr(e, x, [lo.as_deref(), hi.as_deref(), max.as_deref()])
            }
            ExprKind::TypeAssert { x, ty } => {
                let xo = self.expr(x);
                let Some(ty) = ty else {
                    self.err_expr(e, "invalid syntax tree: use of .(type) outside type switch");
                    return Operand::invalid();
                };
                let t = self.type_expr(ty);
                if xo.is_invalid() || t == INVALID {
                    return Operand::invalid();
                }
                if !self.table.is_interface(xo.ty) {
                    self.err_expr(
                        x,
                        format!(
                            "invalid operation: {} is not an interface",
                            self.operand_string(x, &xo)
                        ),
                    );
                    return Operand::invalid();
                }
                self.check_assertable(ty.pos, xo.ty, t);
                Operand {
                    mode: Mode::CommaOk,
                    ty: t,
                    val: None,
                }
            }
            ExprKind::Call { .. } => self.call(e, hint),
            ExprKind::Star(x) => {
                let xo = self.expr_or_type(x);
                if xo.is_invalid() {
                    return xo;
                }
                if xo.mode == Mode::Type {
                    let t = self.table.pointer(xo.ty);
                    return Operand {
                        mode: Mode::Type,
                        ty: t,
                        val: None,
                    };
                }
                let xo = self.single_value(x, xo);
                if xo.ty == UNTYPED_NIL {
                    self.err_expr(e, "invalid operation: cannot indirect nil");
                    return Operand::invalid();
                }
                match self.table.under(xo.ty) {
                    Type::Pointer(t) => Operand {
                        mode: Mode::Variable,
                        ty: *t,
                        val: None,
                    },
                    _ => {
                        if !xo.is_invalid() {
                            self.err_expr(
                                x,
                                format!(
                                    "invalid operation: cannot indirect {}",
                                    self.operand_string(x, &xo)
                                ),
                            );
                        }
                        Operand::invalid()
                    }
                }
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, x, hint),
            ExprKind::Binary { op, x, y } => self.binary(e, *op, x, y, hint),
            ExprKind::KeyValue { .. } => {
                self.err_expr(e, "unexpected key:value expression");
                Operand::invalid()
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType(_)
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_) => {
                let t = self.type_expr(e);
                Operand {
                    mode: Mode::Type,
                    ty: t,
                    val: None,
                }
            }
            ExprKind::Ellipsis => {
                self.err_expr(e, "invalid use of ...");
                Operand::invalid()
            }
        }
    }

    fn name(&mut self, e: &'a Expr, n: &str) -> Operand {
        if n == "_" {
            self.err_expr(e, "cannot use _ as value");
            return Operand::invalid();
        }
        let Some(o) = self.lookup(n) else {
            self.err_expr(e, format!("undefined: {n}"));
            return Operand::invalid();
        };
        self.info().uses.insert(e.id, o);
        self.object_operand(e, o)
    }

    /// The operand a resolved name denotes.
    pub(super) fn object_operand(&mut self, e: &'a Expr, o: ObjId) -> Operand {
        if self.pending.contains_key(&o) || self.resolving.contains(&o) {
            self.resolve(o);
        }
        self.use_obj(o);
        let obj = &self.table.objects[o as usize];
        match &obj.kind {
            ObjKind::Var(_) => Operand {
                mode: Mode::Variable,
                ty: obj.ty,
                val: None,
            },
            ObjKind::Const(v) => {
                if obj.name == "iota" && obj.pkg.is_empty() {
                    return match self.iota {
                        Some(i) => Operand {
                            mode: Mode::Constant,
                            ty: UNTYPED_INT,
                            val: Some(ConstValue::Int(i)),
                        },
                        None => {
                            self.err_expr(e, "cannot use iota outside constant declaration");
                            Operand::invalid()
                        }
                    };
                }
                if obj.ty == INVALID {
                    return Operand::invalid();
                }
                Operand {
                    mode: Mode::Constant,
                    ty: obj.ty,
                    val: Some(v.clone()),
                }
            }
            ObjKind::TypeName => {
                if obj.ty == INVALID {
                    return Operand::invalid();
                }
                Operand {
                    mode: Mode::Type,
                    ty: obj.ty,
                    val: None,
                }
            }
            ObjKind::Func(f) => {
                let ty = self.table.funcs[*f as usize].sig;
                Operand {
                    mode: Mode::Value,
                    ty,
                    val: None,
                }
            }
            ObjKind::Package(_) => Operand {
                mode: Mode::Package,
                ty: INVALID,
                val: None,
            },
            ObjKind::Builtin(_) => Operand {
                mode: Mode::Builtin,
                ty: INVALID,
                val: None,
            },
            ObjKind::Nil => Operand {
                mode: Mode::Value,
                ty: UNTYPED_NIL,
                val: None,
            },
        }
    }

    /// `x (variable of type int)`, `1 (untyped int constant)`: how Go describes an operand.
    pub(super) fn operand_string(&self, e: &Expr, op: &Operand) -> String {
        let index = matches!(e.unparen().kind, ExprKind::Index { .. });
        self.describe_operand(&expr_string(e), index, op)
    }

    /// [`Self::operand_string`] for an operand printed as `es` (Go's checker also describes
    /// stand-ins such as `1st function result`); `index` tells that a comma-ok operand is a map
    /// index.
    pub(super) fn describe_operand(&self, es: &str, index: bool, op: &Operand) -> String {
        if op.ty == UNTYPED_NIL {
            return "nil".into();
        }
        let mode = match op.mode {
            Mode::Variable => "variable",
            Mode::Value => "value",
            Mode::Constant => "constant",
            Mode::NoValue => "no value",
            Mode::Builtin => "built-in",
            Mode::Type => "type",
            Mode::Package => "package",
            Mode::CommaOk => {
                if index {
                    "map index expression"
                } else {
                    "comma, ok expression"
                }
            }
        };
        let mut s = format!("{es} (");
        let untyped = self.table.is_untyped(op.ty);
        if untyped {
            s.push_str(self.table.basic(op.ty).map_or("", |k| k.name()));
            s.push(' ');
        }
        s.push_str(mode);
        if op.mode == Mode::Constant {
            if let Some(v) = &op.val {
                let vs = const_string(v);
                if vs != *es {
                    s.push(' ');
                    s.push_str(&vs);
                }
            }
        }
        if !untyped
            && !matches!(
                op.mode,
                Mode::NoValue | Mode::Builtin | Mode::Type | Mode::Package
            )
        {
            s.push_str(" of ");
            if self.table.is_named(op.ty) || op.ty == ANY {
                let kind = match self.table.under(op.ty) {
                    Type::Basic(k) => k.name(),
                    Type::Array { .. } => "array",
                    Type::Slice(_) => "slice",
                    Type::Struct(_) => "struct",
                    Type::Pointer(_) => "pointer",
                    Type::Func(_) => "func",
                    Type::Interface(_) => "interface",
                    Type::Map { .. } => "map",
                    Type::Chan { .. } => "chan",
                    _ => "tuple",
                };
                s.push_str(kind);
                s.push(' ');
            }
            s.push_str("type ");
            s.push_str(&self.ts(op.ty));
        }
        s.push(')');
        s
    }

    // --- untyped constants and assignability --------------------------------------------------

    /// The default type of an untyped type.
    pub(super) fn default_type(t: TypeId) -> TypeId {
        match t {
            UNTYPED_BOOL => BOOL,
            UNTYPED_INT => INT,
            UNTYPED_RUNE => RUNE,
            UNTYPED_FLOAT => FLOAT64,
            UNTYPED_STRING => STRING,
            _ => t,
        }
    }

    /// Rewrites the recorded type of an untyped expression tree.
    pub(super) fn retype(&mut self, e: &Expr, ty: TypeId) {
        if let Some(tv) = self.infos[self.cur].types.get_mut(&e.id) {
            if !self.table.is_untyped(tv.ty) {
                return;
            }
            tv.ty = ty;
            if let (Some(v), Some(k)) = (&tv.value, self.table.basic(ty)) {
                if let Ok(v) = representable(v, k) {
                    tv.value = Some(v);
                }
            }
        }
        match &e.kind {
            ExprKind::Paren(x) => self.retype(x, ty),
            ExprKind::Unary { op, x } if *op != UnaryOp::Addr && *op != UnaryOp::Recv => {
                self.retype(x, ty)
            }
            ExprKind::Binary { op, x, y } => match op {
                BinaryOp::Eq
                | BinaryOp::Ne
                | BinaryOp::Lt
                | BinaryOp::Le
                | BinaryOp::Gt
                | BinaryOp::Ge => {}
                BinaryOp::Shl | BinaryOp::Shr => self.retype(x, ty),
                _ => {
                    self.retype(x, ty);
                    self.retype(y, ty);
                }
            },
            _ => {}
        }
    }

    /// Gives an untyped operand its default type (for `x := 1`, `println(1)`, interface targets).
    pub(super) fn use_default(&mut self, e: &Expr, op: &mut Operand) {
        if !self.table.is_untyped(op.ty) || op.ty == UNTYPED_NIL {
            return;
        }
        let t = Self::default_type(op.ty);
        if let (Some(v), Some(k)) = (&op.val, self.table.basic(t)) {
            match representable(v, k) {
                Ok(v) => op.val = Some(v),
                Err(_) => {
                    self.err_expr(
                        e,
                        format!(
                            "cannot use {} as {} value in {} (overflows)",
                            expr_string(e),
                            self.ts(t),
                            "assignment"
                        ),
                    );
                    op.ty = INVALID;
                    return;
                }
            }
        }
        op.ty = t;
        self.retype(e, t);
    }

    /// Converts an untyped operand to `target`; returns the reason on failure.
    pub(super) fn convert_untyped(
        &mut self,
        e: &Expr,
        op: &mut Operand,
        target: TypeId,
    ) -> Result<(), &'static str> {
        if !self.table.is_untyped(op.ty) || target == INVALID {
            return Ok(());
        }
        if self.table.is_untyped(target) {
            // Both untyped (binary operands): the "larger" kind wins.
            let rank = |t: TypeId| match t {
                UNTYPED_INT => 1,
                UNTYPED_RUNE => 2,
                UNTYPED_FLOAT => 3,
                _ => 0,
            };
            if rank(op.ty) > 0 && rank(target) > 0 && rank(target) > rank(op.ty) {
                op.ty = target;
                self.retype(e, target);
            }
            return Ok(());
        }
        if op.ty == UNTYPED_NIL {
            return if self.table.has_nil(target) {
                op.ty = target;
                self.retype(e, target);
                Ok(())
            } else {
                Err("")
            };
        }
        if self.table.is_interface(target) {
            self.use_default(e, op);
            return Ok(());
        }
        let Some(k) = self.table.basic(target) else {
            return Err("");
        };
        let ok = match op.ty {
            UNTYPED_BOOL => k.is_boolean(),
            UNTYPED_STRING => k.is_string(),
            _ => k.is_numeric(),
        };
        if !ok {
            return Err("");
        }
        if let Some(v) = &op.val {
            let v = representable(v, k)?;
            op.val = Some(v);
        } else if !(k.is_integer() || op.ty != UNTYPED_FLOAT) {
            return Err("");
        }
        op.ty = target;
        self.retype(e, target);
        Ok(())
    }

    /// Checks that `op` (of expression `e`) can be assigned to `target`, converting untyped
    /// values and recording implicit interface conversions. `context` completes Go's message
    /// (`assignment`, `argument to f`, `return statement`...).
    pub(super) fn assign_to(
        &mut self,
        e: &'a Expr,
        op: &mut Operand,
        target: TypeId,
        context: &str,
    ) -> bool {
        if op.is_invalid() || target == INVALID {
            return false;
        }
        if self.table.is_untyped(op.ty) {
            let desc = self.operand_string(e, op);
            if let Err(why) = self.convert_untyped(e, op, target) {
                if op.ty == UNTYPED_NIL {
                    self.err_expr(
                        e,
                        format!("cannot use nil as {} value in {context}", self.ts(target)),
                    );
                } else if why.is_empty() {
                    self.err_expr(
                        e,
                        format!(
                            "cannot use {desc} as {} value in {context}",
                            self.ts(target)
                        ),
                    );
                } else {
                    self.err_expr(
                        e,
                        format!(
                            "cannot use {desc} as {} value in {context} ({why})",
                            self.ts(target)
                        ),
                    );
                }
                return false;
            }
        }
        if !self.table.assignable(op.ty, target) {
            let desc = self.operand_string(e, op);
            let mut msg = format!(
                "cannot use {desc} as {} value in {context}",
                self.ts(target)
            );
            if self.table.is_interface(target) {
                if let Some(why) = self.table.missing_method(op.ty, target) {
                    msg = format!(
                        "{msg}: {} does not implement {} ({why})",
                        self.ts(op.ty),
                        self.ts(target)
                    );
                }
            }
            self.err_expr(e, msg);
            return false;
        }
        self.note_iface(e, op.ty, target);
        true
    }

    /// Records an implicit conversion of a concrete value to an interface type.
    pub(super) fn note_iface(&mut self, e: &Expr, from: TypeId, to: TypeId) {
        if self.table.is_interface(to)
            && !self.table.is_interface(from)
            && from != UNTYPED_NIL
            && from != INVALID
        {
            self.info().implicit_iface.insert(e.id, to);
        }
    }

    // --- operators ----------------------------------------------------------------------------

    fn unary(&mut self, e: &'a Expr, op: UnaryOp, x: &'a Expr, hint: Option<TypeId>) -> Operand {
        if op == UnaryOp::Addr {
            let inner = x.unparen();
            if let ExprKind::CompositeLit { .. } = inner.kind {
                let h = hint.and_then(|h| {
                    self.table
                        .elem(h)
                        .filter(|_| matches!(self.table.under(h), Type::Pointer(_)))
                });
                let xo = self.expr_hint(x, h);
                if xo.is_invalid() {
                    return xo;
                }
                return Operand::value(self.table.pointer(xo.ty));
            }
            let xo = self.expr(x);
            if xo.is_invalid() {
                return xo;
            }
            if xo.mode != Mode::Variable {
                self.err_expr(
                    e,
                    format!(
                        "invalid operation: cannot take address of {}",
                        self.operand_string(x, &xo)
                    ),
                );
                return Operand::invalid();
            }
            return Operand::value(self.table.pointer(xo.ty));
        }
        if op == UnaryOp::Recv {
            let xo = self.expr(x);
            if xo.is_invalid() {
                return xo;
            }
            return match self.table.under(xo.ty) {
                Type::Chan { dir, elem } => {
                    if *dir == ChanDir::Send {
                        let (elem, s) = (*elem, self.operand_string(x, &xo));
                        self.err_expr(
                            e,
                            format!("invalid operation: cannot receive from send-only channel {s}"),
                        );
                        return Operand {
                            mode: Mode::CommaOk,
                            ty: elem,
                            val: None,
                        };
                    }
                    Operand {
                        mode: Mode::CommaOk,
                        ty: *elem,
                        val: None,
                    }
                }
                _ => {
                    self.err_expr(
                        e,
                        format!(
                            "invalid operation: cannot receive from non-channel {}",
                            self.operand_string(x, &xo)
                        ),
                    );
                    Operand::invalid()
                }
            };
        }
        let mut xo = self.expr_hint(x, hint);
        if xo.is_invalid() {
            return xo;
        }
        let k = self.table.basic(xo.ty);
        let ok = match op {
            UnaryOp::Neg | UnaryOp::Plus => k.is_some_and(|k| k.is_numeric()),
            UnaryOp::Not => k.is_some_and(|k| k.is_boolean()),
            _ => k.is_some_and(|k| k.is_integer()),
        };
        if !ok {
            self.err_expr(
                x,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.operand_string(x, &xo)
                ),
            );
            return Operand::invalid();
        }
        if let Some(v) = &xo.val {
            match const_unary(op, v, k) {
                Some(v) => {
                    if let (Some(k), false) = (k, self.table.is_untyped(xo.ty)) {
                        if representable(&v, k).is_err() {
                            self.overflow(e, &v, xo.ty);
                        }
                    }
                    xo.val = Some(v);
                }
                None => xo.val = None,
            }
            xo.mode = Mode::Constant;
        } else {
            xo.mode = Mode::Value;
        }
        xo
    }

    fn binary(
        &mut self,
        e: &'a Expr,
        op: BinaryOp,
        x: &'a Expr,
        y: &'a Expr,
        hint: Option<TypeId>,
    ) -> Operand {
        use BinaryOp::*;
        if matches!(op, Shl | Shr) {
            return self.shift(e, op, x, y, hint);
        }
        let mut xo = self.expr(x);
        let mut yo = self.expr(y);
        if xo.is_invalid() || yo.is_invalid() {
            return Operand::invalid();
        }
        let is_cmp = matches!(op, Eq | Ne | Lt | Le | Gt | Ge);
        // Whether an operand is the literal `nil`, remembered before the conversion below gives
        // it the other operand's type (types2 keeps such an operand in its `nilvalue` mode):
        // slices, maps and funcs are comparable to nil and nothing else.
        let nil_operand = xo.ty == UNTYPED_NIL || yo.ty == UNTYPED_NIL;
        // Bring both operands to a common type.
        let (xu, yu) = (self.table.is_untyped(xo.ty), self.table.is_untyped(yo.ty));
        if xu && !yu {
            if self.convert_untyped(x, &mut xo, yo.ty).is_err() {
                return self.mismatch(e, op, x, &xo, y, &yo);
            }
        } else if yu && !xu {
            if self.convert_untyped(y, &mut yo, xo.ty).is_err() {
                return self.mismatch(e, op, x, &xo, y, &yo);
            }
        } else if xu && yu {
            let (tx, ty) = (xo.ty, yo.ty);
            let _ = self.convert_untyped(x, &mut xo, ty);
            let _ = self.convert_untyped(y, &mut yo, tx);
            if xo.ty == UNTYPED_NIL && yo.ty == UNTYPED_NIL && is_cmp {
                self.err_expr(
                    e,
                    format!(
                        "invalid operation: {} (operator {} not defined on nil)",
                        expr_string(e),
                        op.as_str()
                    ),
                );
                return Operand::invalid();
            }
        }
        if is_cmp {
            return self.comparison(e, op, x, xo, y, yo, nil_operand);
        }
        if !self.table.identical(xo.ty, yo.ty) {
            return self.mismatch(e, op, x, &xo, y, &yo);
        }
        let k = self.table.basic(xo.ty);
        let ok = match op {
            Add => k.is_some_and(|k| k.is_numeric() || k.is_string()),
            Sub | Mul | Div => k.is_some_and(|k| k.is_numeric()),
            Rem | And | Or | Xor | AndNot => k.is_some_and(|k| k.is_integer()),
            LogAnd | LogOr => k.is_some_and(|k| k.is_boolean()),
            _ => false,
        };
        if !ok {
            let what = if op == Add {
                "operator + not defined on"
            } else {
                ""
            };
            let msg = if what.is_empty() {
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.operand_string(x, &xo)
                )
            } else {
                format!("invalid operation: {what} {}", self.operand_string(x, &xo))
            };
            self.err_expr(e, msg);
            return Operand::invalid();
        }
        if let (Some(a), Some(b)) = (&xo.val, &yo.val) {
            let integer = k.is_some_and(|k| k.is_integer());
            match const_binary(op, a, b, integer) {
                Ok(mut v) => {
                    // A typed result is rounded to its type (float32 and float64 sums round
                    // at every step, as at run time) and must fit it.
                    if let (Some(k), false) = (k, self.table.is_untyped(xo.ty)) {
                        match representable(&v, k) {
                            Ok(rounded) => v = rounded,
                            Err(_) => self.overflow(e, &v, xo.ty),
                        }
                    }
                    return Operand {
                        mode: Mode::Constant,
                        ty: xo.ty,
                        val: Some(v),
                    };
                }
                Err(m) => {
                    self.err_expr(y, m);
                    return Operand::invalid();
                }
            }
        }
        if matches!(op, Div | Rem) && matches!(yo.val, Some(ConstValue::Int(0))) {
            self.err_expr(y, "invalid operation: division by zero");
            return Operand::invalid();
        }
        Operand::value(xo.ty)
    }

    /// `big * 2 (constant 200 of type int8) overflows int8`.
    fn overflow(&mut self, e: &Expr, v: &ConstValue, t: TypeId) {
        let op = Operand {
            mode: Mode::Constant,
            ty: t,
            val: Some(v.clone()),
        };
        let msg = format!("{} overflows {}", self.operand_string(e, &op), self.ts(t));
        self.err_expr(e, msg);
    }

    fn mismatch(
        &mut self,
        e: &Expr,
        op: BinaryOp,
        x: &Expr,
        xo: &Operand,
        y: &Expr,
        yo: &Operand,
    ) -> Operand {
        let _ = (x, y);
        let msg = if self.table.is_untyped(xo.ty)
            && !self.table.is_untyped(yo.ty)
            && xo.val.is_some()
        {
            format!(
                "cannot convert {} to type {}",
                self.operand_string(x, xo),
                self.ts(yo.ty)
            )
        } else if self.table.is_untyped(yo.ty) && !self.table.is_untyped(xo.ty) && yo.val.is_some()
        {
            format!(
                "cannot convert {} to type {}",
                self.operand_string(y, yo),
                self.ts(xo.ty)
            )
        } else {
            format!("mismatched types {} and {}", self.ts(xo.ty), self.ts(yo.ty))
        };
        let _ = op;
        self.err_expr(e, format!("invalid operation: {} ({msg})", expr_string(e)));
        Operand::invalid()
    }

    /// `x == y`, `x < y`...: `nil_operand` tells that one side was the literal `nil` (already
    /// converted to the other side's type), which makes `slice == nil` valid.
    #[allow(clippy::too_many_arguments)]
    fn comparison(
        &mut self,
        e: &'a Expr,
        op: BinaryOp,
        x: &'a Expr,
        xo: Operand,
        y: &'a Expr,
        yo: Operand,
        nil_operand: bool,
    ) -> Operand {
        use BinaryOp::*;
        let (a, b) = (xo.ty, yo.ty);
        let ok_types = self.table.assignable(a, b) || self.table.assignable(b, a);
        if !ok_types {
            return self.mismatch(e, op, x, &xo, y, &yo);
        }
        let ordered = matches!(op, Lt | Le | Gt | Ge);
        let t = if a == UNTYPED_NIL { b } else { a };
        if ordered {
            let k = self.table.basic(t);
            if !k.is_some_and(|k| k.is_integer() || k.is_float() || k.is_string()) {
                self.err_expr(
                    e,
                    format!(
                        "invalid operation: {} (operator {} not defined on {})",
                        expr_string(e),
                        op.as_str(),
                        self.operand_string(x, &xo)
                    ),
                );
                return Operand::invalid();
            }
        } else if !nil_operand && (!self.comparable(a) || !self.comparable(b)) {
            let bad = if !self.comparable(a) { a } else { b };
            let what = match self.table.under(bad) {
                Type::Slice(_) => "slice",
                Type::Map { .. } => "map",
                Type::Func(_) => "func",
                _ => "",
            };
            let msg = if what.is_empty() {
                format!(
                    "invalid operation: {} (incomparable types in type set)",
                    expr_string(e)
                )
            } else {
                format!(
                    "invalid operation: {} ({what} can only be compared to nil)",
                    expr_string(e)
                )
            };
            self.err_expr(e, msg);
            return Operand::invalid();
        }
        // Mixed interface/concrete comparison converts the concrete side.
        self.note_iface(x, a, b);
        self.note_iface(y, b, a);
        if let (Some(va), Some(vb)) = (&xo.val, &yo.val) {
            if let Ok(v) = const_binary(op, va, vb, false) {
                return Operand {
                    mode: Mode::Constant,
                    ty: UNTYPED_BOOL,
                    val: Some(v),
                };
            }
        }
        let mut xo = xo;
        let mut yo = yo;
        self.use_default(x, &mut xo);
        self.use_default(y, &mut yo);
        Operand::value(UNTYPED_BOOL)
    }

    fn shift(
        &mut self,
        e: &'a Expr,
        op: BinaryOp,
        x: &'a Expr,
        y: &'a Expr,
        hint: Option<TypeId>,
    ) -> Operand {
        let mut xo = self.expr(x);
        let mut yo = self.expr(y);
        if xo.is_invalid() || yo.is_invalid() {
            return Operand::invalid();
        }
        if self.table.is_untyped(yo.ty) {
            if let Some(v) = yo.val.clone() {
                // An untyped constant count must be representable as a `uint` (so `1 << 3.0`
                // is valid); types2 checks a negative count first, then representability.
                let desc = self.operand_string(y, &yo);
                let negative = match &v {
                    ConstValue::Int(i) => *i < 0,
                    ConstValue::Float(f) => f.is_integer() && f.is_negative(),
                    _ => false,
                };
                let msg = match representable(&v, BasicKind::Uint) {
                    _ if negative => format!("invalid operation: negative shift count {desc}"),
                    Ok(count) => {
                        yo.val = Some(count);
                        if yo.ty == UNTYPED_FLOAT {
                            yo.ty = UNTYPED_INT;
                        }
                        String::new()
                    }
                    Err("truncated") => format!("{desc} truncated to uint"),
                    Err("overflows") => format!("{desc} overflows uint"),
                    Err(_) => format!("cannot convert {desc} to type uint"),
                };
                if !msg.is_empty() {
                    self.err_expr(y, msg);
                    return Operand::invalid();
                }
            }
            self.use_default(y, &mut yo);
        }
        if !self.table.basic(yo.ty).is_some_and(|k| k.is_integer()) {
            self.err_expr(
                y,
                format!(
                    "invalid operation: shift count {} must be integer",
                    self.operand_string(y, &yo)
                ),
            );
            return Operand::invalid();
        }
        if xo.val.is_some() && yo.val.is_some() {
            if let (Some(ConstValue::Float(f)), true) = (&xo.val, xo.ty == UNTYPED_FLOAT) {
                if let Some(i) = f.to_i128() {
                    xo.val = Some(ConstValue::Int(i));
                    xo.ty = UNTYPED_INT;
                }
            }
            if !self.table.basic(xo.ty).is_some_and(|k| k.is_integer()) {
                self.err_expr(
                    e,
                    format!(
                        "invalid operation: shifted operand {} must be integer",
                        self.operand_string(x, &xo)
                    ),
                );
                return Operand::invalid();
            }
            if let (Some(a), Some(b)) = (&xo.val, &yo.val) {
                return match const_binary(op, a, b, true) {
                    Ok(v) => Operand {
                        mode: Mode::Constant,
                        ty: xo.ty,
                        val: Some(v),
                    },
                    Err(m) => {
                        self.err_expr(e, m);
                        Operand::invalid()
                    }
                };
            }
        }
        if self.table.is_untyped(xo.ty) {
            // A non-constant shift of an untyped constant takes the type from the context.
            let target = hint.filter(|&h| !self.table.is_interface(h)).unwrap_or(INT);
            if self.convert_untyped(x, &mut xo, target).is_err() {
                self.use_default(x, &mut xo);
            }
        }
        if !self.table.basic(xo.ty).is_some_and(|k| k.is_integer()) {
            self.err_expr(
                e,
                format!(
                    "invalid operation: shifted operand {} must be integer",
                    self.operand_string(x, &xo)
                ),
            );
            return Operand::invalid();
        }
        Operand::value(xo.ty)
    }

    // --- selectors, indexing, slicing ---------------------------------------------------------

    fn selector(&mut self, e: &'a Expr, x: &'a Expr, sel: &'a ast::Ident) -> Operand {
        // A qualified identifier `pkg.Name`.
        if let ExprKind::Name(n) = &x.kind {
            if let Some(o) = self.lookup(n) {
                if let ObjKind::Package(path) = &self.table.objects[o as usize].kind {
                    let path = path.clone();
                    self.used.insert(o);
                    self.info().uses.insert(x.id, o);
                    let target = self
                        .packages
                        .get(&path)
                        .and_then(|s| s.get(&sel.name))
                        .copied();
                    let exported = sel.name.chars().next().is_some_and(|c| c.is_uppercase());
                    let Some(t) = target.filter(|_| exported) else {
                        if target.is_some() {
                            self.err(
                                sel.pos,
                                format!(
                                    "name {} not exported by package {}",
                                    sel.name,
                                    last_elem(&path)
                                ),
                            );
                        } else {
                            self.err(sel.pos, format!("undefined: {}.{}", n, sel.name));
                        }
                        return Operand::invalid();
                    };
                    self.info().selections.insert(e.id, Selection::Qualified(t));
                    return self.object_operand(e, t);
                }
            }
        }
        let xo = self.expr_or_type(x);
        if xo.is_invalid() {
            return xo;
        }
        if xo.mode == Mode::Type {
            return self.method_expr(e, xo.ty, sel);
        }
        let xo = self.single_value(x, xo);
        if xo.is_invalid() {
            return xo;
        }
        let (base, deref) = match self.table.get(xo.ty) {
            Type::Pointer(b) => (*b, true),
            _ => (xo.ty, false),
        };
        let found = self.table.lookup_field_or_method(base, &sel.name);
        match found {
            Lookup::Field { path, ty, indirect } => {
                let indirect = indirect || deref;
                let mode = if indirect || xo.mode == Mode::Variable {
                    Mode::Variable
                } else {
                    Mode::Value
                };
                self.info()
                    .selections
                    .insert(e.id, Selection::Field { path, indirect });
                Operand {
                    mode,
                    ty,
                    val: None,
                }
            }
            Lookup::Method {
                func,
                path,
                indirect,
                ptr_recv,
            } => {
                let through_ptr = indirect || deref;
                // The implicit `&` or `*` applies to the receiver reached through the path of
                // embedded fields (`t.Log` on a `*T` embedding `common` is `(&t.common).Log`).
                let recv_is_ptr = match path.is_empty() {
                    true => deref,
                    false => {
                        let mut t = base;
                        for &i in &path {
                            let st = match self.table.under(t) {
                                Type::Pointer(p) => self.table.underlying(*p),
                                _ => self.table.underlying(t),
                            };
                            match self.table.get(st) {
                                Type::Struct(fields) if i < fields.len() => t = fields[i].ty,
                                _ => break,
                            }
                        }
                        matches!(self.table.under(t), Type::Pointer(_))
                    }
                };
                let recv_addr = ptr_recv && !recv_is_ptr;
                let recv_deref = !ptr_recv && recv_is_ptr;
                if recv_addr && !through_ptr && xo.mode != Mode::Variable {
                    let s = self.operand_string(x, &xo);
                    self.err(
                        sel.pos,
                        format!(
                            "cannot call pointer method {} on {}",
                            sel.name,
                            self.ts(xo.ty)
                        ),
                    );
                    let _ = s;
                    return Operand::invalid();
                }
                self.info().selections.insert(
                    e.id,
                    Selection::Method {
                        func,
                        path,
                        recv_addr,
                        recv_deref,
                    },
                );
                let ty = self.method_value_type(func);
                Operand::value(ty)
            }
            Lookup::IfaceMethod { sig, .. } => {
                self.info().selections.insert(
                    e.id,
                    Selection::InterfaceMethod {
                        name: sel.name.clone(),
                    },
                );
                Operand::value(sig)
            }
            Lookup::Ambiguous => {
                self.err(sel.pos, format!("ambiguous selector {}", expr_string(e)));
                Operand::invalid()
            }
            Lookup::NotFound => {
                let what = if matches!(
                    self.table.under(base),
                    Type::Pointer(_) | Type::Interface(_)
                ) && deref
                {
                    format!(
                        "type {} is pointer to interface, not interface",
                        self.ts(xo.ty)
                    )
                } else {
                    format!(
                        "type {} has no field or method {}",
                        self.ts(xo.ty),
                        sel.name
                    )
                };
                self.err(sel.pos, format!("{} undefined ({what})", expr_string(e)));
                Operand::invalid()
            }
        }
    }

    /// The type of a method value: its signature without the receiver.
    pub(super) fn method_value_type(&mut self, f: FuncId) -> TypeId {
        let sig = self.table.funcs[f as usize].sig;
        match self.table.signature(sig).cloned() {
            Some(s) => self.table.intern(Type::Func(Signature { recv: None, ..s })),
            None => INVALID,
        }
    }

    fn method_expr(&mut self, e: &'a Expr, t: TypeId, sel: &'a ast::Ident) -> Operand {
        match self.table.lookup_field_or_method(t, &sel.name) {
            Lookup::Method {
                func,
                ptr_recv,
                indirect,
                ..
            } => {
                if ptr_recv && !indirect && !matches!(self.table.get(t), Type::Pointer(_)) {
                    self.err(
                        sel.pos,
                        format!(
                            "invalid method expression {} (needs pointer receiver (*{}).{})",
                            expr_string(e),
                            self.ts(t),
                            sel.name
                        ),
                    );
                    return Operand::invalid();
                }
                self.info()
                    .selections
                    .insert(e.id, Selection::MethodExpr { func });
                let s = self
                    .table
                    .signature(self.table.funcs[func as usize].sig)
                    .cloned();
                let Some(s) = s else {
                    return Operand::invalid();
                };
                let mut params = vec![t];
                params.extend(s.params);
                let ty = self.table.intern(Type::Func(Signature {
                    recv: None,
                    params,
                    results: s.results,
                    variadic: s.variadic,
                }));
                Operand::value(ty)
            }
            _ => {
                self.err(
                    sel.pos,
                    format!(
                        "{} undefined (type {} has no method {})",
                        expr_string(e),
                        self.ts(t),
                        sel.name
                    ),
                );
                Operand::invalid()
            }
        }
    }

    fn index(&mut self, e: &'a Expr, x: &'a Expr, index: &'a [Expr]) -> Operand {
        let xo = self.expr_or_type(x);
        if xo.is_invalid() {
            return xo;
        }
        if xo.mode == Mode::Type
            || index.len() != 1
            || matches!(self.table.get(xo.ty), Type::Func(_))
        {
            self.unsupported(e.pos, "generic instantiation");
            return Operand::invalid();
        }
        let xo = self.single_value(x, xo);
        if xo.is_invalid() {
            return xo;
        }
        let i = &index[0];
        let u = self.table.under(xo.ty).clone();
        match u {
            Type::Map { key, value } => {
                let mut io = self.expr_hint(i, Some(key));
                self.assign_to(i, &mut io, key, "map index");
                Operand {
                    mode: Mode::CommaOk,
                    ty: value,
                    val: None,
                }
            }
            Type::Basic(k) if k.is_string() => {
                self.index_value(i, None);
                if let (Some(ConstValue::String(s)), Some(ConstValue::Int(n))) = (
                    &xo.val,
                    self.infos[self.cur]
                        .types
                        .get(&i.id)
                        .and_then(|t| t.value.clone()),
                ) {
                    if n < 0 || n as usize >= s.len() {
                        self.err_expr(
                            i,
                            format!("invalid argument: index {n} out of bounds [0:{}]", s.len()),
                        );
                    }
                }
                Operand::value(BYTE)
            }
            Type::Slice(el) => {
                self.index_value(i, None);
                Operand {
                    mode: Mode::Variable,
                    ty: el,
                    val: None,
                }
            }
            Type::Array { len, elem } => {
                self.index_value(i, Some(len));
                Operand {
                    mode: xo.mode_for_elem(),
                    ty: elem,
                    val: None,
                }
            }
            Type::Pointer(p) => match self.table.under(p).clone() {
                Type::Array { len, elem } => {
                    self.index_value(i, Some(len));
                    Operand {
                        mode: Mode::Variable,
                        ty: elem,
                        val: None,
                    }
                }
                _ => self.cannot_index(e.pos, x, &xo),
            },
            _ => self.cannot_index(e.pos, x, &xo),
        }
    }

    fn cannot_index(&mut self, pos: Pos, x: &Expr, xo: &Operand) -> Operand {
        let s = self.operand_string(x, xo);
        self.err(pos, format!("cannot index {s}"));
        Operand::invalid()
    }

    /// An index must be an integer; constant indices are checked against `len`.
    pub(super) fn index_value(&mut self, i: &'a Expr, len: Option<u64>) {
        let mut io = self.expr(i);
        if io.is_invalid() {
            return;
        }
        if self.table.is_untyped(io.ty)
            && io.val.is_some()
            && self.convert_untyped(i, &mut io, INT).is_err()
        {
            {
                let s = self.operand_string(i, &io);
                self.err_expr(i, format!("invalid argument: index {s} must be integer"));
                return;
            }
        }
        if !self.table.basic(io.ty).is_some_and(|k| k.is_integer()) {
            let s = self.operand_string(i, &io);
            self.err_expr(i, format!("invalid argument: index {s} must be integer"));
            return;
        }
        if let Some(ConstValue::Int(n)) = io.val {
            if n < 0 {
                let s = self.operand_string(i, &io);
                self.err_expr(
                    i,
                    format!("invalid argument: index {s} must not be negative"),
                );
            } else if let Some(l) = len {
                if n as u64 >= l {
                    self.err_expr(
                        i,
                        format!("invalid argument: index {n} out of bounds [0:{l}]"),
                    );
                }
            }
        }
    }

    fn slice_expr(&mut self, e: &'a Expr, x: &'a Expr, parts: [Option<&'a Expr>; 3]) -> Operand {
        let xo = self.expr(x);
        for p in parts.into_iter().flatten() {
            self.index_value(p, None);
        }
        if xo.is_invalid() {
            return xo;
        }
        let u = self.table.under(xo.ty).clone();
        match u {
            Type::Basic(k) if k.is_string() => {
                if parts[2].is_some() {
                    self.err_expr(e, "invalid operation: 3-index slice of string");
                    return Operand::invalid();
                }
                let t = if xo.ty == UNTYPED_STRING {
                    STRING
                } else {
                    xo.ty
                };
                Operand::value(t)
            }
            Type::Slice(_) => Operand::value(xo.ty),
            Type::Array { elem, .. } => {
                if xo.mode != Mode::Variable {
                    self.err_expr(
                        e,
                        format!(
                            "invalid operation: {} (slice of unaddressable value)",
                            expr_string(e)
                        ),
                    );
                    return Operand::invalid();
                }
                Operand::value(self.table.slice(elem))
            }
            Type::Pointer(p) => match self.table.under(p).clone() {
                Type::Array { elem, .. } => Operand::value(self.table.slice(elem)),
                _ => self.cannot_slice(x, &xo),
            },
            _ => self.cannot_slice(x, &xo),
        }
    }

    fn cannot_slice(&mut self, x: &Expr, xo: &Operand) -> Operand {
        let s = self.operand_string(x, xo);
        self.err_expr(x, format!("cannot slice {s}"));
        Operand::invalid()
    }

    /// `x.(T)` with a concrete `T` must implement the interface of `x`.
    pub(super) fn check_assertable(&mut self, pos: Pos, iface: TypeId, t: TypeId) {
        if self.table.is_interface(t) {
            return;
        }
        if let Some(why) = self.table.missing_method(t, iface) {
            self.err(
                pos,
                format!(
                    "impossible type assertion: {} does not implement {} ({why})",
                    self.ts(t),
                    self.ts(iface)
                ),
            );
        }
    }

    // --- literals -----------------------------------------------------------------------------

    fn composite_lit(
        &mut self,
        e: &'a Expr,
        ty: Option<&'a Expr>,
        elems: &'a [Expr],
        hint: Option<TypeId>,
    ) -> Operand {
        let t = match ty {
            Some(te) => {
                if let ExprKind::ArrayType { len: None, elem } = &te.kind {
                    let el = self.type_expr(elem);
                    let n = self.array_lit_len(elems);
                    let t = self.table.intern(Type::Array { len: n, elem: el });
                    self.record(
                        te,
                        &Operand {
                            mode: Mode::Type,
                            ty: t,
                            val: None,
                        },
                    );
                    t
                } else {
                    self.type_expr(te)
                }
            }
            None => match hint {
                Some(h) => h,
                None => {
                    self.err_expr(e, "invalid composite literal type: missing type");
                    return Operand::invalid();
                }
            },
        };
        if t == INVALID {
            for el in elems {
                self.skim(el);
            }
            return Operand::invalid();
        }
        // `[]*T{{...}}`: an elided `&T` for pointer element types.
        let (lit_ty, is_ptr) = match (ty, self.table.get(t)) {
            (None, Type::Pointer(b)) => (*b, true),
            _ => (t, false),
        };
        match self.table.under(lit_ty).clone() {
            Type::Struct(fields) => self.struct_lit(e, lit_ty, &fields, elems),
            Type::Array { elem, len } => {
                self.elements(elems, elem, Some(len));
            }
            Type::Slice(elem) => {
                self.elements(elems, elem, None);
            }
            Type::Map { key, value } => {
                for el in elems {
                    if let ExprKind::KeyValue { key: k, value: v } = &el.kind {
                        let mut ko = self.expr_hint(k, Some(key));
                        self.assign_to(k, &mut ko, key, "map literal");
                        let mut vo = self.expr_hint(v, Some(value));
                        self.assign_to(v, &mut vo, value, "map literal");
                    } else {
                        self.err_expr(el, "missing key in map literal");
                        self.skim(el);
                    }
                }
            }
            _ => {
                self.err_expr(e, format!("invalid composite literal type {}", self.ts(t)));
                return Operand::invalid();
            }
        }
        if is_ptr {
            return Operand::value(t);
        }
        Operand::value(lit_ty)
    }

    fn array_lit_len(&self, elems: &[Expr]) -> u64 {
        let mut n = 0u64;
        let mut max = 0u64;
        for el in elems {
            if let ExprKind::KeyValue { key, .. } = &el.kind {
                if let ExprKind::BasicLit {
                    kind: ast::LitKind::Int,
                    raw,
                } = &key.kind
                {
                    if let Some(ConstValue::Int(k)) = parse_lit(ast::LitKind::Int, raw) {
                        n = k as u64;
                    }
                }
            }
            n += 1;
            max = max.max(n);
        }
        max
    }

    /// Checks an expression only for its side tables, after an error made its context unknown.
    pub(super) fn skim(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::KeyValue { key, value } => {
                self.skim(key);
                self.skim(value);
            }
            ExprKind::CompositeLit {
                ty: None, elems, ..
            } => {
                for el in elems {
                    self.skim(el);
                }
            }
            _ => {
                let mut o = self.expr(e);
                self.use_default(e, &mut o);
            }
        }
    }

    fn elements(&mut self, elems: &'a [Expr], elem: TypeId, len: Option<u64>) {
        let mut idx: u64 = 0;
        for el in elems {
            let v = if let ExprKind::KeyValue { key, value } = &el.kind {
                let ko = self.expr(key);
                match ko.val {
                    Some(ConstValue::Int(k)) if k >= 0 => idx = k as u64,
                    _ if ko.is_invalid() => {}
                    _ => self.err_expr(
                        key,
                        format!("index {} must be integer constant", expr_string(key)),
                    ),
                }
                let mut ko = ko;
                let _ = self.convert_untyped(key, &mut ko, INT);
                value.as_ref()
            } else {
                el
            };
            if let Some(l) = len {
                if idx >= l {
                    self.err_expr(v, format!("index {idx} is out of bounds (>= {l})"));
                }
            }
            let mut vo = self.expr_hint(v, Some(elem));
            self.assign_to(v, &mut vo, elem, "array or slice literal");
            idx += 1;
        }
    }

    fn struct_lit(&mut self, e: &'a Expr, t: TypeId, fields: &[StructField], elems: &'a [Expr]) {
        let keyed = elems
            .first()
            .is_some_and(|el| matches!(el.kind, ExprKind::KeyValue { .. }));
        if keyed {
            for el in elems {
                let ExprKind::KeyValue { key, value } = &el.kind else {
                    self.err_expr(
                        el,
                        "mixture of field:value and value elements in struct literal",
                    );
                    self.skim(el);
                    continue;
                };
                let ExprKind::Name(fname) = &key.kind else {
                    self.err_expr(
                        key,
                        format!("invalid field name {} in struct literal", expr_string(key)),
                    );
                    self.skim(value);
                    continue;
                };
                match fields.iter().position(|f| &f.name == fname) {
                    Some(i) => {
                        let ft = fields[i].ty;
                        let mut vo = self.expr_hint(value, Some(ft));
                        self.assign_to(value, &mut vo, ft, "struct literal");
                    }
                    None => {
                        self.err_expr(
                            key,
                            format!(
                                "unknown field {fname} in struct literal of type {}",
                                self.ts(t)
                            ),
                        );
                        self.skim(value);
                    }
                }
            }
            return;
        }
        for (i, el) in elems.iter().enumerate() {
            if matches!(el.kind, ExprKind::KeyValue { .. }) {
                self.err_expr(
                    el,
                    "mixture of field:value and value elements in struct literal",
                );
                self.skim(el);
                continue;
            }
            let Some(f) = fields.get(i) else {
                self.err_expr(
                    el,
                    format!("too many values in struct literal of type {}", self.ts(t)),
                );
                self.skim(el);
                break;
            };
            let ft = f.ty;
            let mut vo = self.expr_hint(el, Some(ft));
            self.assign_to(el, &mut vo, ft, "struct literal");
        }
        if !elems.is_empty() && elems.len() < fields.len() {
            let pos = match &e.kind {
                ExprKind::CompositeLit { rbrace, .. } => *rbrace,
                _ => e.pos,
            };
            self.err(
                pos,
                format!("too few values in struct literal of type {}", self.ts(t)),
            );
        }
    }

    fn func_lit(&mut self, e: &'a Expr, sig: &'a ast::FuncType, body: &'a ast::Block) -> Operand {
        let name = match self.funcs.last_mut() {
            None => {
                self.glob_lits += 1;
                format!("glob..func{}", self.glob_lits)
            }
            Some(ctx) => {
                ctx.lits += 1;
                let (n, parent) = (ctx.lits, ctx.func);
                let pf = &self.table.funcs[parent as usize];
                if pf.outer.is_some() {
                    format!("{}.{n}", pf.name)
                } else {
                    format!("{}.func{n}", pf.name)
                }
            }
        };
        let fid = self.new_func(&name, e.pos, Vec::new());
        let outer = self.funcs.last().map(|c| c.func);
        {
            let f = &mut self.table.funcs[fid as usize];
            f.outer = outer;
            f.lit = Some(e.id);
        }
        self.info().func_lits.insert(e.id, fid);
        let ty = self.signature(sig, None, fid, None);
        self.table.funcs[fid as usize].sig = ty;
        let saved_targets = std::mem::take(&mut self.targets);
        self.body(fid, ty, body);
        self.targets = saved_targets;
        Operand::value(ty)
    }
}

impl Operand {
    /// Indexing an addressable array yields a variable; a non-addressable one a value.
    fn mode_for_elem(&self) -> Mode {
        if self.mode == Mode::Variable {
            Mode::Variable
        } else {
            Mode::Value
        }
    }
}
