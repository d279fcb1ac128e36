//! Package-level declarations: collecting names, resolving them lazily, and type expressions.

use super::consts::expr_string;
use super::*;
use crate::syntax::ast::{Decl, ExprKind, FuncDecl, FuncType, TypeSpec};

impl<'a> Checker<'a> {
    /// Checks file `idx`, the only file of package `path`.
    pub(super) fn check_package(&mut self, idx: usize, path: &str) {
        let file = &self.files[idx];
        self.cur = idx;
        self.pkg = path.to_string();
        self.packages.entry(path.to_string()).or_default();
        self.open_imports(file);
        let mut order: Vec<ObjId> = Vec::new();
        let mut bodies: Vec<(&'a FuncDecl, FuncId)> = Vec::new();
        for d in &file.decls {
            self.collect(d, &mut order, &mut bodies);
        }
        for d in &file.decls {
            if let Decl::Func(fd) = d {
                if fd.recv.is_some() {
                    if let Some(&(_, fid)) = bodies.iter().find(|(b, _)| std::ptr::eq(*b, fd)) {
                        self.attach_method(fd, fid);
                    }
                }
            }
        }
        for &o in &order {
            self.resolve(o);
        }
        for (fd, fid) in bodies {
            self.func_body(fd, fid);
        }
        self.report_unused_imports();
    }

    fn open_imports(&mut self, file: &'a ast::File) {
        self.imports.clear();
        for imp in &file.imports {
            let alias = imp.alias.as_ref().map(|a| a.name.clone());
            if alias.as_deref() == Some(".") {
                self.unsupported(imp.pos, "dot imports");
                continue;
            }
            if !self.packages.contains_key(&imp.path) {
                // load_imports already rejected unknown packages; be defensive.
                self.unsupported(imp.pos, &format!("package {}", imp.path));
                continue;
            }
            let name = alias
                .clone()
                .unwrap_or_else(|| last_elem(&imp.path).to_string());
            let obj = self.new_obj(
                &name,
                Pos::default(),
                INVALID,
                ObjKind::Package(imp.path.clone()),
            );
            if alias.as_deref() == Some("_") {
                self.used.insert(obj);
            }
            self.imports.push(ImportUse {
                obj,
                path: imp.path.clone(),
                pos: imp.alias.as_ref().map_or(imp.pos, |a| a.pos),
                alias,
            });
        }
    }

    fn report_unused_imports(&mut self) {
        let unused: Vec<(Pos, String)> = self
            .imports
            .iter()
            .filter(|i| !self.used.contains(&i.obj))
            .map(|i| {
                let msg = match &i.alias {
                    Some(a) if a != last_elem(&i.path) => {
                        format!("{:?} imported as {a} and not used", i.path)
                    }
                    _ => format!("{:?} imported and not used", i.path),
                };
                (i.pos, msg)
            })
            .collect();
        for (pos, msg) in unused {
            self.err(pos, msg);
        }
    }

    /// Step 1: give every package-level name an object.
    fn collect(
        &mut self,
        d: &'a Decl,
        order: &mut Vec<ObjId>,
        bodies: &mut Vec<(&'a FuncDecl, FuncId)>,
    ) {
        match d {
            Decl::Const(specs) | Decl::Var(specs) => {
                let is_const = matches!(d, Decl::Const(_));
                for spec in specs {
                    for (idx, n) in spec.names.iter().enumerate() {
                        let kind = if is_const {
                            ObjKind::Const(ConstValue::Int(0))
                        } else {
                            ObjKind::Var(VarKind::Global)
                        };
                        let o = self.new_obj(&n.name, n.pos, INVALID, kind);
                        self.declare(&n.name, n.pos, o);
                        let p = if is_const {
                            Pending::Const { spec, idx }
                        } else {
                            Pending::Var { spec, idx }
                        };
                        self.pending.insert(o, p);
                        order.push(o);
                        self.used.insert(o);
                    }
                }
            }
            Decl::Type(specs) => {
                for spec in specs {
                    let o = self.declare_type_name(spec);
                    order.push(o);
                }
            }
            Decl::Func(fd) => {
                if !fd.type_params.is_empty() {
                    self.unsupported(fd.name.pos, "generic functions");
                    // Declared with an invalid type, so that uses stay silent.
                    let o = self.new_obj(
                        &fd.name.name,
                        fd.name.pos,
                        INVALID,
                        ObjKind::Var(VarKind::Global),
                    );
                    self.declare(&fd.name.name, fd.name.pos, o);
                    return;
                }
                let name = self.func_name(fd);
                let mut pragmas = fd.pragmas.clone();
                for d in self
                    .directives
                    .get(&(self.cur, fd.pos.line))
                    .into_iter()
                    .flatten()
                {
                    if !pragmas.contains(d) {
                        pragmas.push(d.clone());
                    }
                }
                let fid = self.new_func(&name, fd.name.pos, pragmas);
                if fd.recv.is_none() {
                    if fd.name.name == "init" || (fd.name.name == "main" && self.pkg == "main") {
                        // `init` is not declared in the scope; `main` is declared normally.
                    }
                    if fd.name.name != "init" {
                        let o =
                            self.new_obj(&fd.name.name, fd.name.pos, INVALID, ObjKind::Func(fid));
                        self.declare(&fd.name.name, fd.name.pos, o);
                        self.pending.insert(o, Pending::Func { decl: fd, fid });
                        order.push(o);
                    } else {
                        self.resolve_func_sig(fd, fid);
                    }
                }
                if fd.body.is_none() && !self.is_stdlib() {
                    self.err(fd.name.pos, "missing function body");
                }
                bodies.push((fd, fid));
            }
        }
    }

    pub(super) fn is_stdlib(&self) -> bool {
        self.pkg != "main"
    }

    pub(super) fn declare_type_name(&mut self, spec: &'a TypeSpec) -> ObjId {
        if !spec.type_params.is_empty() {
            self.unsupported(spec.name.pos, "generic types");
        }
        let ty = if spec.alias {
            INVALID
        } else {
            self.table.new_named(&spec.name.name, &self.pkg.clone())
        };
        let o = self.new_obj(&spec.name.name, spec.name.pos, ty, ObjKind::TypeName);
        self.declare(&spec.name.name, spec.name.pos, o);
        self.pending.insert(o, Pending::Type { spec });
        o
    }

    /// Go's name for a declared function: `f`, `T.M`, `(*T).M`, qualified outside `main`.
    fn func_name(&self, fd: &FuncDecl) -> String {
        let base = match &fd.recv {
            None => fd.name.name.clone(),
            Some(r) => {
                let (ptr, tn) = recv_base(&r.ty);
                if ptr {
                    format!("(*{tn}).{}", fd.name.name)
                } else {
                    format!("{tn}.{}", fd.name.name)
                }
            }
        };
        let q = TypeTable::qualifier(&self.pkg);
        if q.is_empty() {
            base
        } else {
            format!("{q}.{base}")
        }
    }

    pub(super) fn new_func(&mut self, name: &str, pos: Pos, pragmas: Vec<String>) -> FuncId {
        let fid = self.table.funcs.len() as FuncId;
        let extern_tags = None;
        self.table.funcs.push(FuncInfo {
            name: name.into(),
            pkg: self.pkg.clone(),
            pos,
            sig: INVALID,
            recv: None,
            params: vec![],
            results: vec![],
            locals: vec![],
            outer: None,
            lit: None,
            captures: vec![],
            file: self.cur,
            pragmas,
            extern_tags,
        });
        fid
    }

    fn attach_method(&mut self, fd: &'a FuncDecl, fid: FuncId) {
        let Some(r) = &fd.recv else { return };
        let (_, tn) = recv_base(&r.ty);
        let named = self
            .packages
            .get(&self.pkg)
            .and_then(|s| s.get(&tn))
            .map(|&o| self.table.objects[o as usize].ty)
            .filter(|&t| self.table.is_named(t));
        match named {
            Some(t) => {
                if self
                    .table
                    .methods_of(t)
                    .iter()
                    .any(|&m| self.table.func_short_name(m) == fd.name.name)
                {
                    self.err(
                        fd.name.pos,
                        format!("method {tn}.{} already declared", fd.name.name),
                    );
                    return;
                }
                self.table.add_method(t, fid);
                self.resolve_func_sig(fd, fid);
            }
            None => {
                let pos = r.ty.pos;
                if tn.is_empty()
                    || !self
                        .packages
                        .get(&self.pkg)
                        .is_some_and(|s| s.contains_key(&tn))
                {
                    self.err(pos, format!("undefined: {tn}"));
                } else {
                    self.err(
                        pos,
                        format!("cannot define new methods on non-local type {tn}"),
                    );
                }
            }
        }
    }

    /// Step 2: resolves a package-level object if its declaration is pending.
    pub(super) fn resolve(&mut self, o: ObjId) {
        if self.resolving.contains(&o) {
            if let Some(obj) = self.table.objects.get(o as usize) {
                let (pos, name) = (obj.pos, obj.name.clone());
                match obj.kind {
                    ObjKind::TypeName => {
                        if self.table.objects[o as usize].ty == INVALID
                            || !self.table.is_named(obj.ty)
                        {
                            self.err(pos, format!("invalid recursive type {name}"));
                        }
                    }
                    ObjKind::Func(_) => {}
                    _ => self.cycle_error(o, "initialization cycle for"),
                }
            }
            return;
        }
        let Some(p) = self.pending.remove(&o) else {
            return;
        };
        self.resolving.push(o);
        let saved_scopes = std::mem::take(&mut self.scopes);
        let saved_funcs = std::mem::take(&mut self.funcs);
        let saved_iota = self.iota.take();
        match p {
            Pending::Type { spec } => self.resolve_type_decl(o, spec),
            Pending::Func { decl, fid } => {
                self.resolve_func_sig(decl, fid);
                self.table.objects[o as usize].ty = self.table.funcs[fid as usize].sig;
            }
            Pending::Const { spec, idx } => {
                self.iota = Some(spec.iota as i128);
                self.const_spec_item(o, spec, idx);
            }
            Pending::Var { spec, idx } => self.global_var(o, spec, idx),
        }
        self.iota = saved_iota;
        self.funcs = saved_funcs;
        self.scopes = saved_scopes;
        self.resolving.pop();
    }

    pub(super) fn resolve_type_decl(&mut self, o: ObjId, spec: &'a TypeSpec) {
        let t = self.type_expr(&spec.ty);
        if spec.alias {
            self.table.objects[o as usize].ty = t;
            return;
        }
        let named = self.table.objects[o as usize].ty;
        if self.table.underlying(t) == INVALID && t != INVALID && self.table.is_named(t) {
            // `type A B` where B is still being resolved: a cycle through B.
            self.err(
                spec.name.pos,
                format!("invalid recursive type {}", spec.name.name),
            );
            self.cyclic.insert(named);
        }
        // A type that contains itself keeps an invalid underlying type, so that sizes stay
        // computable (the program is rejected anyway).
        if !self.cyclic.contains(&named) {
            self.table.set_underlying(named, t);
        }
    }

    /// A package-level variable: all names of a multi-value spec are resolved together.
    fn global_var(&mut self, o: ObjId, spec: &'a ast::ValueSpec, idx: usize) {
        let objs: Vec<ObjId> = spec
            .names
            .iter()
            .map(|n| self.infos[self.cur].defs.get(&n.pos).copied().unwrap_or(o))
            .collect();
        for (i, &x) in objs.iter().enumerate() {
            if i != idx {
                self.pending.remove(&x);
            }
        }
        self.var_spec(spec, &objs);
    }

    /// Step 3: a declared function's body.
    fn func_body(&mut self, fd: &'a FuncDecl, fid: FuncId) {
        let Some(body) = &fd.body else {
            self.set_extern_tags(fid);
            return;
        };
        let is_main = fd.name.name == "main" && self.pkg == "main" && fd.recv.is_none();
        if is_main && (!fd.sig.params.is_empty() || !fd.sig.results.is_empty()) {
            self.err(
                fd.name.pos,
                "func main must have no arguments and no return values",
            );
        }
        let sig = self.table.funcs[fid as usize].sig;
        self.body(fid, sig, body);
    }

    /// Fills [`FuncInfo::extern_tags`] from a `gomem:esc name=tag ...` pragma.
    fn set_extern_tags(&mut self, fid: FuncId) {
        let f = &self.table.funcs[fid as usize];
        let mut spec: HashMap<String, String> = HashMap::new();
        for p in &f.pragmas {
            if let Some(rest) = p.strip_prefix("gomem:esc") {
                for item in rest.split_whitespace() {
                    if let Some((k, v)) = item.split_once('=') {
                        spec.insert(k.to_string(), v.to_string());
                    }
                }
            }
        }
        let params: Vec<ObjId> = f.recv.iter().chain(f.params.iter()).copied().collect();
        let tags = params
            .iter()
            .map(|&p| {
                spec.get(&self.table.objects[p as usize].name)
                    .cloned()
                    .unwrap_or_else(|| "none".into())
            })
            .collect();
        self.table.funcs[fid as usize].extern_tags = Some(tags);
    }

    pub(super) fn resolve_func_sig(&mut self, fd: &'a FuncDecl, fid: FuncId) {
        if self.table.funcs[fid as usize].sig != INVALID {
            return;
        }
        let saved = std::mem::take(&mut self.scopes);
        let recv_ty = fd.recv.as_ref().map(|r| self.type_expr(&r.ty));
        self.scopes = saved;
        let sig = self.signature(&fd.sig, recv_ty, fid, fd.recv.as_ref());
        self.table.funcs[fid as usize].sig = sig;
    }

    /// Builds a signature type and the parameter objects of function `fid`.
    pub(super) fn signature(
        &mut self,
        ft: &'a FuncType,
        recv_ty: Option<TypeId>,
        fid: FuncId,
        recv: Option<&'a ast::Field>,
    ) -> TypeId {
        let mut params = Vec::new();
        let mut pobjs = Vec::new();
        let n = ft.params.len();
        for (i, p) in ft.params.iter().enumerate() {
            let mut t = self.type_expr(&p.ty);
            if ft.variadic && i + 1 == n {
                t = self.table.slice(t);
            }
            params.push(t);
            let name = match &p.name {
                Some(id) if id.name != "_" => id.name.clone(),
                _ => format!("~p{i}"),
            };
            let pos = p.name.as_ref().map_or(Pos::default(), |id| id.pos);
            pobjs.push(self.param_obj(&name, pos, t, VarKind::Param, fid));
        }
        let mut results = Vec::new();
        let mut robjs = Vec::new();
        for (i, r) in ft.results.iter().enumerate() {
            let t = self.type_expr(&r.ty);
            results.push(t);
            let name = match &r.name {
                Some(id) if id.name != "_" => id.name.clone(),
                _ => format!("~r{i}"),
            };
            let pos = r.name.as_ref().map_or(Pos::default(), |id| id.pos);
            robjs.push(self.param_obj(&name, pos, t, VarKind::Result, fid));
        }
        let recv_obj = recv.zip(recv_ty).map(|(r, t)| {
            let name = match &r.name {
                Some(id) if id.name != "_" => id.name.clone(),
                _ => "~p0".to_string(),
            };
            let pos = r.name.as_ref().map_or(Pos::default(), |id| id.pos);
            self.param_obj(&name, pos, t, VarKind::Param, fid)
        });
        let f = &mut self.table.funcs[fid as usize];
        f.params = pobjs;
        f.results = robjs;
        f.recv = recv_obj;
        self.table.intern(Type::Func(Signature {
            recv: recv_ty,
            params,
            results,
            variadic: ft.variadic,
        }))
    }

    fn param_obj(&mut self, name: &str, pos: Pos, ty: TypeId, kind: VarKind, fid: FuncId) -> ObjId {
        let o = self.new_obj(name, pos, ty, ObjKind::Var(kind));
        self.table.objects[o as usize].func = Some(fid);
        o
    }

    // --- type expressions ---------------------------------------------------------------------

    /// Evaluates an expression that must denote a type.
    pub(super) fn type_expr(&mut self, e: &'a Expr) -> TypeId {
        let t = self.type_expr_inner(e);
        self.record(
            e,
            &Operand {
                mode: Mode::Type,
                ty: t,
                val: None,
            },
        );
        t
    }

    fn type_expr_inner(&mut self, e: &'a Expr) -> TypeId {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Selector { .. } => {
                let op = self.expr_or_type(e);
                if op.is_invalid() {
                    return INVALID;
                }
                if op.mode != Mode::Type {
                    self.err(e.pos, format!("{} is not a type", expr_string(e)));
                    return INVALID;
                }
                op.ty
            }
            ExprKind::Paren(x) => self.type_expr(x),
            ExprKind::Star(x) => {
                let t = self.type_expr(x);
                self.table.pointer(t)
            }
            ExprKind::SliceType(x) => {
                let t = self.type_expr(x);
                self.table.slice(t)
            }
            ExprKind::ArrayType { len, elem } => {
                let Some(len) = len else {
                    self.err(
                        e.pos,
                        "invalid use of [...] array (outside a composite literal)",
                    );
                    return INVALID;
                };
                let n = self.array_len(len);
                let t = self.type_expr(elem);
                self.check_direct_cycle(t);
                self.table.intern(Type::Array { len: n, elem: t })
            }
            ExprKind::MapType { key, value } => {
                let k = self.type_expr(key);
                let v = self.type_expr(value);
                if k != INVALID && !self.comparable(k) {
                    self.err(key.pos, format!("invalid map key type {}", self.ts(k)));
                }
                self.table.intern(Type::Map { key: k, value: v })
            }
            ExprKind::ChanType { dir, elem } => {
                let t = self.type_expr(elem);
                let dir = match dir {
                    ast::ChanDir::Both => ChanDir::Both,
                    ast::ChanDir::Send => ChanDir::Send,
                    ast::ChanDir::Recv => ChanDir::Recv,
                };
                self.table.intern(Type::Chan { dir, elem: t })
            }
            ExprKind::FuncType(ft) => {
                let mut params = Vec::new();
                for (i, p) in ft.params.iter().enumerate() {
                    let mut t = self.type_expr(&p.ty);
                    if ft.variadic && i + 1 == ft.params.len() {
                        t = self.table.slice(t);
                    }
                    params.push(t);
                }
                let results = ft.results.iter().map(|r| self.type_expr(&r.ty)).collect();
                self.table.intern(Type::Func(Signature {
                    recv: None,
                    params,
                    results,
                    variadic: ft.variadic,
                }))
            }
            ExprKind::StructType(fields) => {
                let mut fs: Vec<StructField> = Vec::new();
                for f in fields {
                    let t = self.type_expr(&f.ty);
                    self.check_direct_cycle(t);
                    let name = match &f.name {
                        Some(n) => n.name.clone(),
                        None => embedded_name(&f.ty),
                    };
                    if name != "_" && fs.iter().any(|g| g.name == name) {
                        let pos = f.name.as_ref().map_or(f.ty.pos, |n| n.pos);
                        self.err(pos, format!("{name} redeclared"));
                    }
                    fs.push(StructField {
                        name,
                        ty: t,
                        embedded: f.embedded,
                        offset: 0,
                    });
                }
                self.table.intern(Type::Struct(fs))
            }
            ExprKind::InterfaceType(fields) => self.interface_type(fields),
            ExprKind::Index { .. } => {
                self.unsupported(e.pos, "generic types");
                INVALID
            }
            _ => {
                self.err(e.pos, format!("{} is not a type", expr_string(e)));
                INVALID
            }
        }
    }

    fn interface_type(&mut self, fields: &'a [ast::Field]) -> TypeId {
        let mut ms: Vec<IfaceMethod> = Vec::new();
        for f in fields {
            match &f.name {
                Some(n) => {
                    let sig = self.type_expr(&f.ty);
                    if ms.iter().any(|m| m.name == n.name) {
                        self.err(n.pos, format!("duplicate method {}", n.name));
                        continue;
                    }
                    ms.push(IfaceMethod {
                        name: n.name.clone(),
                        sig,
                    });
                }
                None => {
                    let t = self.type_expr(&f.ty);
                    match self.table.under(t).clone() {
                        Type::Interface(inner) => {
                            for m in inner {
                                if !ms.iter().any(|x| x.name == m.name) {
                                    ms.push(m);
                                }
                            }
                        }
                        _ if t == INVALID => {}
                        _ => {
                            self.unsupported(f.ty.pos, "type constraints (type sets in interfaces)")
                        }
                    }
                }
            }
        }
        ms.sort_by(|a, b| a.name.cmp(&b.name));
        self.table.intern(Type::Interface(ms))
    }

    /// A struct field or array element whose type is a defined type still being resolved
    /// would contain itself.
    fn check_direct_cycle(&mut self, t: TypeId) {
        if self.table.is_named(t) && self.table.underlying(t) == INVALID {
            let declaring = self
                .resolving
                .iter()
                .copied()
                .find(|&o| self.table.objects[o as usize].ty == t);
            if let Some(o) = declaring {
                self.cycle_error(o, "invalid recursive type");
                self.cyclic.insert(t);
            }
        }
    }

    /// Reports the cycle that leads from `o` (being resolved) back to itself, starting at
    /// the object declared first, as Go does.
    fn cycle_error(&mut self, o: ObjId, what: &str) {
        let Some(start) = self.resolving.iter().position(|&r| r == o) else {
            return;
        };
        let mut cycle: Vec<ObjId> = self.resolving[start..]
            .iter()
            .copied()
            .filter(|&r| !matches!(self.table.objects[r as usize].kind, ObjKind::Func(_)))
            .collect();
        let first = (0..cycle.len())
            .min_by_key(|&i| self.table.objects[cycle[i] as usize].pos)
            .unwrap_or(0);
        cycle.rotate_left(first);
        let name = |c: &Self, r: ObjId| c.table.objects[r as usize].name.clone();
        let pos0 = self.table.objects[cycle[0] as usize].pos;
        let n0 = name(self, cycle[0]);
        if cycle.len() == 1 && what == "invalid recursive type" {
            self.err(pos0, format!("{what}: {n0} refers to itself"));
            return;
        }
        let file = self.file_name();
        let mut msg = format!("{what} {n0}");
        for (i, &r) in cycle.iter().enumerate() {
            let next = cycle[(i + 1) % cycle.len()];
            let pos = self.table.objects[r as usize].pos;
            msg.push_str(&format!(
                "\n\t{file}:{pos}: {} refers to {}",
                name(self, r),
                name(self, next)
            ));
        }
        self.err(pos0, msg);
    }

    fn array_len(&mut self, len: &'a Expr) -> u64 {
        let op = self.expr(len);
        match (&op.val, op.mode) {
            (Some(ConstValue::Int(n)), _) if *n >= 0 => *n as u64,
            (Some(ConstValue::Float(f)), _) if f.is_integer() && !f.is_negative() => f
                .to_i128()
                .map_or(u64::MAX, |n| u64::try_from(n).unwrap_or(u64::MAX)),
            _ if op.is_invalid() => 0,
            (_, Mode::Constant) => {
                self.err(
                    len.pos,
                    format!("invalid array length {}", expr_string(len)),
                );
                0
            }
            _ => {
                self.err(
                    len.pos,
                    format!(
                        "array length {} (value of type {}) must be constant",
                        expr_string(len),
                        self.ts(op.ty)
                    ),
                );
                0
            }
        }
    }

    /// Comparable types (for `==` and map keys).
    pub(super) fn comparable(&self, t: TypeId) -> bool {
        match self.table.under(t) {
            Type::Slice(_) | Type::Map { .. } | Type::Func(_) => false,
            Type::Array { elem, .. } => self.comparable(*elem),
            Type::Struct(fs) => fs.iter().all(|f| self.comparable(f.ty)),
            _ => true,
        }
    }
}

/// The receiver's base type name and whether it is a pointer receiver.
fn recv_base(e: &Expr) -> (bool, String) {
    match &e.unparen().kind {
        ExprKind::Star(x) => (true, recv_base(x).1),
        ExprKind::Name(n) => (false, n.clone()),
        _ => (false, String::new()),
    }
}

/// The implicit field name of an embedded field (`T` for `*pkg.T`).
fn embedded_name(e: &Expr) -> String {
    match &e.unparen().kind {
        ExprKind::Star(x) => embedded_name(x),
        ExprKind::Name(n) => n.clone(),
        ExprKind::Selector { sel, .. } => sel.name.clone(),
        _ => "_".into(),
    }
}
