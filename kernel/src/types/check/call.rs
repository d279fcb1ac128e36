//! Calls: function and method calls, conversions and the builtin functions.
//!
//! Every call expression gets a [`CallKind`] in [`FileInfo::calls`], and every argument is
//! assigned to its parameter like an assignment, so implicit interface conversions of
//! arguments (`fmt.Println(x)` boxes `x`) are recorded like any other.

use super::consts::*;
use super::*;
use crate::syntax::ast::ExprKind;

impl<'a> Checker<'a> {
    pub(super) fn call(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand {
        let ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } = &e.kind
        else {
            return Operand::invalid();
        };
        let fo = self.expr_or_type(func);
        if fo.is_invalid() {
            for a in args {
                self.skim(a);
            }
            return fo;
        }
        match fo.mode {
            Mode::Type => self.conversion(e, fo.ty, args),
            Mode::Builtin => {
                let b = self.infos[self.cur]
                    .uses
                    .get(&func.unparen().id)
                    .and_then(|&o| match self.table.objects[o as usize].kind {
                        ObjKind::Builtin(b) => Some(b),
                        _ => None,
                    });
                let Some(b) = b else {
                    return Operand::invalid();
                };
                self.info().calls.insert(e.id, CallKind::Builtin(b));
                self.builtin(e, b, args, *ellipsis, hint)
            }
            _ => {
                let fo = self.single_value(func, fo);
                if fo.is_invalid() {
                    return fo;
                }
                let Some(sig) = self.table.signature(fo.ty).cloned() else {
                    let s = self.operand_string(func, &fo);
                    self.err_expr(
                        e,
                        format!(
                            "invalid operation: cannot call {s}: {} is not a function",
                            self.ts(fo.ty)
                        ),
                    );
                    for a in args {
                        self.skim(a);
                    }
                    return Operand::invalid();
                };
                let kind = self.call_kind(func);
                self.info().calls.insert(e.id, kind);
                let callee = expr_string(func);
                self.arguments(e, &sig, args, *ellipsis, &callee);
                match sig.results.len() {
                    0 => Operand {
                        mode: Mode::NoValue,
                        ty: NO_VALUE,
                        val: None,
                    },
                    1 => Operand::value(sig.results[0]),
                    _ => Operand::value(self.table.tuple(sig.results.clone())),
                }
            }
        }
    }

    /// What kind of call `func(...)` is, from how `func` was resolved.
    fn call_kind(&self, func: &Expr) -> CallKind {
        let f = func.unparen();
        let info = &self.infos[self.cur];
        if let Some(sel) = info.selections.get(&f.id) {
            return match sel {
                Selection::Method {
                    func,
                    path,
                    recv_addr,
                    recv_deref,
                } => CallKind::Method {
                    func: *func,
                    path: path.clone(),
                    recv_addr: *recv_addr,
                    recv_deref: *recv_deref,
                },
                Selection::InterfaceMethod { name } => CallKind::Interface {
                    method: name.clone(),
                },
                Selection::Qualified(o) => match self.table.objects[*o as usize].kind {
                    ObjKind::Func(fid) => CallKind::Static(fid),
                    _ => CallKind::Dynamic,
                },
                Selection::MethodExpr { func } => CallKind::Static(*func),
                Selection::Field { .. } => CallKind::Dynamic,
            };
        }
        if let Some(&o) = info.uses.get(&f.id) {
            if let ObjKind::Func(fid) = self.table.objects[o as usize].kind {
                return CallKind::Static(fid);
            }
        }
        CallKind::Dynamic
    }

    /// Checks the arguments of a call against a signature.
    pub(super) fn arguments(
        &mut self,
        call: &'a Expr,
        sig: &Signature,
        args: &'a [Expr],
        ellipsis: bool,
        callee: &str,
    ) {
        // f(g()) where g returns several values.
        if args.len() == 1 && !ellipsis {
            let a = &args[0];
            if matches!(a.unparen().kind, ExprKind::Call { .. }) {
                let ao = self.raw_expr(a, sig.params.first().copied());
                if let Type::Tuple(ts) = self.table.get(ao.ty).clone() {
                    if ts.len() > 1 {
                        let ok = if sig.variadic {
                            ts.len() + 1 >= sig.params.len()
                        } else {
                            ts.len() == sig.params.len()
                        };
                        if !ok {
                            self.arity_error(
                                call,
                                sig,
                                args,
                                &ts.iter().map(|&t| self.ts(t)).collect::<Vec<_>>(),
                                callee,
                            );
                            return;
                        }
                        for (i, &t) in ts.iter().enumerate() {
                            let pt = self.param_type(sig, i, false);
                            if !self.table.assignable(t, pt) {
                                self.err_expr(a, format!("cannot use {} (value of type {}) as {} value in argument to {callee}", expr_string(a), self.ts(t), self.ts(pt)));
                            }
                        }
                        return;
                    }
                }
                let ao = self.single_value(a, ao);
                return self.check_args(call, sig, args, vec![ao], ellipsis, callee);
            }
        }
        let mut ops = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let h = if i < sig.params.len() || sig.variadic {
                Some(self.param_type(sig, i, ellipsis))
            } else {
                None
            };
            ops.push(self.expr_hint(a, h));
        }
        self.check_args(call, sig, args, ops, ellipsis, callee);
    }

    /// The type an argument at index `i` is assigned to.
    fn param_type(&self, sig: &Signature, i: usize, ellipsis: bool) -> TypeId {
        let n = sig.params.len();
        if sig.variadic && i + 1 >= n {
            let last = sig.params[n - 1];
            if ellipsis {
                return last;
            }
            return self.table.elem(last).unwrap_or(INVALID);
        }
        sig.params.get(i).copied().unwrap_or(INVALID)
    }

    fn check_args(
        &mut self,
        call: &'a Expr,
        sig: &Signature,
        args: &'a [Expr],
        mut ops: Vec<Operand>,
        ellipsis: bool,
        callee: &str,
    ) {
        if ops.iter().any(|o| o.is_invalid()) {
            for (a, o) in args.iter().zip(ops.iter_mut()) {
                self.use_default(a, o);
            }
            return;
        }
        let n = sig.params.len();
        if ellipsis && !sig.variadic {
            if let Some(a) = args.last() {
                self.err_expr(
                    a,
                    format!("have (...) used with non-variadic function {callee}"),
                );
            }
            return;
        }
        let ok = if sig.variadic && !ellipsis {
            args.len() + 1 >= n
        } else {
            args.len() == n
        };
        if !ok {
            let have: Vec<String> = ops
                .iter()
                .map(|o| {
                    if self.table.is_untyped(o.ty) && o.ty != UNTYPED_NIL {
                        "number".to_string()
                    } else {
                        self.ts(o.ty)
                    }
                })
                .collect();
            let have: Vec<String> = have
                .into_iter()
                .zip(ops.iter())
                .map(|(h, o)| match o.ty {
                    UNTYPED_STRING => "string".into(),
                    UNTYPED_BOOL => "bool".into(),
                    UNTYPED_NIL => "nil".into(),
                    _ => h,
                })
                .collect();
            self.arity_error(call, sig, args, &have, callee);
            for (a, o) in args.iter().zip(ops.iter_mut()) {
                self.use_default(a, o);
            }
            return;
        }
        for (i, (a, o)) in args.iter().zip(ops.iter_mut()).enumerate() {
            let pt = self.param_type(sig, i, ellipsis);
            self.assign_to(a, o, pt, &format!("argument to {callee}"));
        }
    }

    fn arity_error(
        &mut self,
        call: &'a Expr,
        sig: &Signature,
        args: &'a [Expr],
        have: &[String],
        callee: &str,
    ) {
        let n = sig.params.len();
        let (pos, what) = if have.len() > n {
            (args.get(n).map_or(call.pos, start_pos), "too many")
        } else {
            let pos = match (&call.kind, args.last()) {
                (_, Some(a)) if args.len() == have.len() => start_pos(a),
                (ExprKind::Call { rparen, .. }, _) => *rparen,
                _ => call.pos,
            };
            (pos, "not enough")
        };
        let mut want = String::new();
        for (i, &p) in sig.params.iter().enumerate() {
            if i > 0 {
                want.push_str(", ");
            }
            if sig.variadic && i + 1 == n {
                want.push_str("...");
                want.push_str(&self.ts(self.table.elem(p).unwrap_or(p)));
            } else {
                want.push_str(&self.ts(p));
            }
        }
        self.err(
            pos,
            format!(
                "{what} arguments in call to {callee}\n\thave ({})\n\twant ({want})",
                have.join(", ")
            ),
        );
    }

    // --- conversions --------------------------------------------------------------------------

    fn conversion(&mut self, e: &'a Expr, t: TypeId, args: &'a [Expr]) -> Operand {
        self.info().calls.insert(e.id, CallKind::Conversion(t));
        if args.len() != 1 {
            let msg = if args.is_empty() {
                "missing argument in conversion to"
            } else {
                "too many arguments in conversion to"
            };
            self.err_expr(e, format!("{msg} {}", self.ts(t)));
            for a in args {
                self.skim(a);
            }
            return Operand::invalid();
        }
        let a = &args[0];
        let mut xo = self.expr_hint(a, Some(t));
        if xo.is_invalid() {
            return Operand::invalid();
        }
        // Constant conversions stay constant for basic targets.
        if let (Some(v), Some(k)) = (xo.val.clone(), self.table.basic(t)) {
            if !k.is_untyped() {
                let from_k = self.table.basic(xo.ty);
                let int_to_string = k.is_string() && from_k.is_some_and(|f| f.is_integer());
                if int_to_string {
                    if let ConstValue::Int(i) = v {
                        let c = u32::try_from(i)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or('\u{FFFD}');
                        let mut buf = [0u8; 4];
                        let s = c.encode_utf8(&mut buf).as_bytes().to_vec();
                        self.use_default(a, &mut xo);
                        return Operand {
                            mode: Mode::Constant,
                            ty: t,
                            val: Some(ConstValue::String(s)),
                        };
                    }
                }
                let numeric_ok = from_k.is_some_and(|f| f.is_numeric()) && k.is_numeric();
                let same_class = numeric_ok
                    || (from_k.is_some_and(|f| f.is_string()) && k.is_string())
                    || (from_k.is_some_and(|f| f.is_boolean()) && k.is_boolean());
                if same_class {
                    let conv = if k.is_integer()
                        && matches!(v, ConstValue::Float(_))
                        && !self.table.is_untyped(xo.ty)
                    {
                        Err("truncated")
                    } else {
                        representable(&v, k)
                    };
                    match conv {
                        Ok(nv) => {
                            if self.table.is_untyped(xo.ty) {
                                self.retype(a, t);
                            }
                            return Operand {
                                mode: Mode::Constant,
                                ty: t,
                                val: Some(nv),
                            };
                        }
                        Err("truncated") => {
                            let s = self.operand_string(a, &xo);
                            self.err_expr(
                                a,
                                format!("cannot convert {s} to type {} (truncated)", self.ts(t)),
                            );
                            return Operand::invalid();
                        }
                        Err(_) => {
                            self.err_expr(
                                a,
                                format!("constant {} overflows {}", const_string(&v), self.ts(t)),
                            );
                            return Operand::invalid();
                        }
                    }
                }
            }
        }
        if self.table.is_untyped(xo.ty) {
            let target_ok = self.convert_untyped(a, &mut xo, t).is_ok();
            if !target_ok {
                self.use_default(a, &mut xo);
            }
        }
        if !(self.table.convertible(xo.ty, t) || xo.ty == UNTYPED_NIL && self.table.has_nil(t)) {
            let s = self.operand_string(a, &xo);
            self.err_expr(a, format!("cannot convert {s} to type {}", self.ts(t)));
            return Operand::invalid();
        }
        self.note_iface(a, xo.ty, t);
        Operand::value(t)
    }

    // --- builtins -----------------------------------------------------------------------------

    fn nargs(&mut self, e: &'a Expr, name: &str, args: &'a [Expr], min: usize, max: usize) -> bool {
        if args.len() < min {
            let pos = rparen(e);
            self.err(
                pos,
                format!(
                    "not enough arguments for {}(…) (expected {min}, found {})",
                    name,
                    args.len()
                ),
            );
        } else if args.len() > max {
            self.err_expr(
                &args[max],
                format!(
                    "too many arguments for {}(…) (expected {max}, found {})",
                    name,
                    args.len()
                ),
            );
        } else {
            return true;
        }
        for a in args {
            self.skim(a);
        }
        false
    }

    fn builtin(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        args: &'a [Expr],
        ellipsis: bool,
        hint: Option<TypeId>,
    ) -> Operand {
        use Builtin::*;
        let name = format!("{b:?}").to_lowercase();
        let novalue = Operand {
            mode: Mode::NoValue,
            ty: NO_VALUE,
            val: None,
        };
        match b {
            Len | Cap => {
                if !self.nargs(e, &name, args, 1, 1) {
                    return Operand::invalid();
                }
                let mut xo = self.expr(&args[0]);
                if xo.is_invalid() {
                    return xo;
                }
                let u = self.table.under(xo.ty).clone();
                let arr_len = match &u {
                    Type::Array { len, .. } => Some(*len),
                    Type::Pointer(p) => match self.table.under(*p) {
                        Type::Array { len, .. } => Some(*len),
                        _ => None,
                    },
                    _ => None,
                };
                let ok = match &u {
                    Type::Basic(k) => k.is_string() && b == Len,
                    Type::Slice(_) | Type::Chan { .. } => true,
                    Type::Map { .. } => b == Len,
                    _ => arr_len.is_some(),
                };
                if !ok {
                    let s = self.operand_string(&args[0], &xo);
                    self.err_expr(
                        &args[0],
                        format!("invalid argument: {s} for built-in {name}"),
                    );
                    return Operand::invalid();
                }
                if let (Some(ConstValue::String(s)), Len) = (&xo.val, b) {
                    let n = s.len() as i128;
                    self.use_default(&args[0], &mut xo);
                    return Operand {
                        mode: Mode::Constant,
                        ty: INT,
                        val: Some(ConstValue::Int(n)),
                    };
                }
                if let (Some(n), false) = (arr_len, self.has_call_or_recv(&args[0])) {
                    return Operand {
                        mode: Mode::Constant,
                        ty: INT,
                        val: Some(ConstValue::Int(n as i128)),
                    };
                }
                Operand::value(INT)
            }
            New => {
                if !self.nargs(e, &name, args, 1, 1) {
                    return Operand::invalid();
                }
                let xo = self.expr_or_type(&args[0]);
                if xo.is_invalid() {
                    return xo;
                }
                if xo.mode == Mode::Type {
                    return Operand::value(self.table.pointer(xo.ty));
                }
                // Go 1.26: new(expr) allocates a copy of the value.
                let mut xo = self.single_value(&args[0], xo);
                if xo.ty == UNTYPED_NIL {
                    self.err_expr(&args[0], "use of untyped nil in argument to built-in new");
                    return Operand::invalid();
                }
                self.use_default(&args[0], &mut xo);
                Operand::value(self.table.pointer(xo.ty))
            }
            Make => {
                if args.is_empty() {
                    self.nargs(e, &name, args, 1, 3);
                    return Operand::invalid();
                }
                let t = self.type_expr(&args[0]);
                if t == INVALID {
                    for a in &args[1..] {
                        self.skim(a);
                    }
                    return Operand::invalid();
                }
                let (min, max) = match self.table.under(t) {
                    Type::Slice(_) => (2, 3),
                    Type::Map { .. } | Type::Chan { .. } => (1, 2),
                    _ => {
                        self.err_expr(&args[0], format!("invalid argument: cannot make {}; type must be slice, map, or channel", expr_string(&args[0])));
                        return Operand::invalid();
                    }
                };
                if args.len() < min {
                    let pos = rparen(e);
                    self.err(
                        pos,
                        format!(
                            "invalid operation: {} expects {min} or {max} arguments; found {}",
                            expr_string(e),
                            args.len()
                        ),
                    );
                    return Operand::invalid();
                }
                if args.len() > max {
                    self.err_expr(
                        e,
                        format!(
                            "invalid operation: {} expects {min} or {max} arguments; found {}",
                            expr_string(e),
                            args.len()
                        ),
                    );
                    return Operand::invalid();
                }
                let mut sizes = Vec::new();
                for a in &args[1..] {
                    self.index_value(a, None);
                    let v = self.infos[self.cur]
                        .types
                        .get(&a.id)
                        .and_then(|t| t.value.clone());
                    sizes.push(v);
                }
                if let [Some(ConstValue::Int(l)), Some(ConstValue::Int(c))] = sizes.as_slice() {
                    if l > c {
                        self.err_expr(&args[1], "invalid argument: length and capacity swapped");
                    }
                }
                Operand::value(t)
            }
            Append => {
                if args.is_empty() {
                    self.nargs(e, &name, args, 1, usize::MAX);
                    return Operand::invalid();
                }
                let mut so = self.expr_hint(&args[0], hint);
                if so.is_invalid() {
                    for a in &args[1..] {
                        self.skim(a);
                    }
                    return so;
                }
                if so.ty == UNTYPED_NIL {
                    if let Some(h) = hint {
                        let _ = self.convert_untyped(&args[0], &mut so, h);
                    }
                }
                let Type::Slice(elem) = self.table.under(so.ty).clone() else {
                    let s = self.operand_string(&args[0], &so);
                    self.err_expr(&args[0], format!("invalid argument: {s} is not a slice"));
                    for a in &args[1..] {
                        self.skim(a);
                    }
                    return Operand::invalid();
                };
                if ellipsis && args.len() == 2 {
                    let mut xo = self.expr(&args[1]);
                    if xo.is_invalid() {
                        return Operand::value(so.ty);
                    }
                    // append([]byte, string...) is allowed.
                    let byte_string = self.table.basic(elem) == Some(BasicKind::Uint8)
                        && self.table.basic(xo.ty).is_some_and(|k| k.is_string());
                    if byte_string {
                        self.use_default(&args[1], &mut xo);
                    } else {
                        let st = so.ty;
                        self.assign_to(&args[1], &mut xo, st, "argument to append");
                    }
                    return Operand::value(so.ty);
                }
                let sig = Signature {
                    recv: None,
                    params: vec![so.ty, so.ty],
                    results: vec![so.ty],
                    variadic: true,
                };
                let mut ops = Vec::new();
                for a in &args[1..] {
                    ops.push(self.expr_hint(a, Some(elem)));
                }
                for (a, o) in args[1..].iter().zip(ops.iter_mut()) {
                    self.assign_to(a, o, elem, "argument to append");
                }
                let _ = sig;
                Operand::value(so.ty)
            }
            Copy => {
                if !self.nargs(e, &name, args, 2, 2) {
                    return Operand::invalid();
                }
                let d = self.expr(&args[0]);
                let mut s = self.expr(&args[1]);
                self.use_default(&args[1], &mut s);
                if d.is_invalid() || s.is_invalid() {
                    return Operand::value(INT);
                }
                let ok = match (self.table.under(d.ty), self.table.under(s.ty)) {
                    (Type::Slice(a), Type::Slice(b)) => self.table.identical(*a, *b),
                    (Type::Slice(a), Type::Basic(k)) => {
                        k.is_string() && self.table.basic(*a) == Some(BasicKind::Uint8)
                    }
                    _ => false,
                };
                if !ok {
                    self.err_expr(
                        e,
                        format!(
                            "invalid argument: copy expects slice arguments; found {} and {}",
                            self.operand_string(&args[0], &d),
                            self.operand_string(&args[1], &s)
                        ),
                    );
                }
                Operand::value(INT)
            }
            Delete => {
                if !self.nargs(e, &name, args, 2, 2) {
                    return Operand::invalid();
                }
                let m = self.expr(&args[0]);
                if m.is_invalid() {
                    self.skim(&args[1]);
                    return novalue;
                }
                let Type::Map { key, .. } = self.table.under(m.ty).clone() else {
                    let s = self.operand_string(&args[0], &m);
                    self.err_expr(&args[0], format!("invalid argument: {s} is not a map"));
                    self.skim(&args[1]);
                    return novalue;
                };
                let mut k = self.expr_hint(&args[1], Some(key));
                self.assign_to(&args[1], &mut k, key, "argument to delete");
                novalue
            }
            Clear | Close => {
                if !self.nargs(e, &name, args, 1, 1) {
                    return novalue;
                }
                let x = self.expr(&args[0]);
                if x.is_invalid() {
                    return novalue;
                }
                let ok = match self.table.under(x.ty) {
                    Type::Chan { dir, .. } => b == Close && *dir != ChanDir::Recv,
                    Type::Map { .. } | Type::Slice(_) => b == Clear,
                    _ => false,
                };
                if !ok {
                    let s = self.operand_string(&args[0], &x);
                    let what = if b == Close {
                        "non-channel"
                    } else {
                        "argument"
                    };
                    self.err_expr(
                        &args[0],
                        format!("invalid operation: cannot {name} {what} {s}"),
                    );
                }
                novalue
            }
            Panic => {
                if !self.nargs(e, &name, args, 1, 1) {
                    return novalue;
                }
                let mut x = self.expr(&args[0]);
                self.assign_to(&args[0], &mut x, ANY, "argument to panic");
                novalue
            }
            Print | Println => {
                for a in args {
                    let mut x = self.expr(a);
                    if x.ty == UNTYPED_NIL {
                        self.err_expr(
                            a,
                            format!("use of untyped nil in argument to built-in {name}"),
                        );
                        continue;
                    }
                    self.use_default(a, &mut x);
                }
                novalue
            }
            Recover => {
                self.nargs(e, &name, args, 0, 0);
                Operand::value(ANY)
            }
            Max | Min => {
                if !self.nargs(e, &name, args, 1, usize::MAX) {
                    return Operand::invalid();
                }
                let mut ops: Vec<Operand> = args.iter().map(|a| self.expr(a)).collect();
                if ops.iter().any(|o| o.is_invalid()) {
                    return Operand::invalid();
                }
                let typed = ops
                    .iter()
                    .map(|o| o.ty)
                    .find(|&t| !self.table.is_untyped(t));
                let mut t = typed.unwrap_or(ops[0].ty);
                for (a, o) in args.iter().zip(ops.iter_mut()) {
                    if let Some(tt) = typed {
                        if self.convert_untyped(a, o, tt).is_err()
                            || !self.table.identical(o.ty, tt)
                        {
                            self.err_expr(a, format!("invalid argument: mismatched types {} (previous argument) and {} (type of {})", self.ts(tt), self.ts(o.ty), expr_string(a)));
                            return Operand::invalid();
                        }
                    } else {
                        let _ = self.convert_untyped(a, o, t);
                        t = o.ty;
                    }
                    let k = self.table.basic(o.ty);
                    if !k.is_some_and(|k| k.is_integer() || k.is_float() || k.is_string()) {
                        let s = self.operand_string(a, o);
                        self.err_expr(a, format!("invalid argument: {s} cannot be ordered"));
                        return Operand::invalid();
                    }
                }
                if ops.iter().all(|o| o.val.is_some()) {
                    let mut best = ops[0].val.clone();
                    for o in &ops[1..] {
                        if let (Some(a), Some(b)) = (&best, &o.val) {
                            let op = if name == "min" {
                                ast::BinaryOp::Lt
                            } else {
                                ast::BinaryOp::Gt
                            };
                            let take =
                                matches!(const_binary(op, b, a, false), Ok(ConstValue::Bool(true)));
                            if take {
                                best = o.val.clone();
                            }
                        }
                    }
                    return Operand {
                        mode: Mode::Constant,
                        ty: t,
                        val: best,
                    };
                }
                for (a, o) in args.iter().zip(ops.iter_mut()) {
                    self.use_default(a, o);
                }
                Operand::value(Self::default_type(t))
            }
            Complex | Real | Imag => {
                self.unsupported(e.pos, "complex numbers");
                for a in args {
                    self.skim(a);
                }
                Operand::invalid()
            }
        }
    }

    /// `len(a)` of an array is constant unless the operand contains a call or receive.
    fn has_call_or_recv(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Call { .. } => true,
            ExprKind::Unary {
                op: ast::UnaryOp::Recv,
                ..
            } => true,
            ExprKind::Paren(x)
            | ExprKind::Selector { x, .. }
            | ExprKind::Star(x)
            | ExprKind::Unary { x, .. } => self.has_call_or_recv(x),
            ExprKind::Index { x, index } => {
                self.has_call_or_recv(x) || index.iter().any(|i| self.has_call_or_recv(i))
            }
            _ => false,
        }
    }
}
