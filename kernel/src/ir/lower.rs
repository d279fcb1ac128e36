//! Lowering: from the checked syntax tree to the IR.
//!
//! This pass does what the Go compiler's front end does between type checking and escape
//! analysis, in the same way, because the escape-analysis diagnostics depend on it:
//!
//! 1. **Variables.** Every parameter, result and local of a function becomes a [`Var`] in the
//!    function's `dcl` list, in declaration order; unnamed results are `~r0`, `~r1`...
//!    A `Dcl` statement marks where a local is declared, which fixes its loop depth.
//! 2. **Calls.** Method calls take their receiver as the first argument, with an implicit `&`
//!    or `*` where Go inserts one; variadic arguments are packed into an implicit slice
//!    literal (`... argument`); a call used as the arguments of another call (`f(g())`) is
//!    spilled into temporaries.
//! 3. **Conversions.** Every implicit conversion to an interface recorded by the checker becomes
//!    an implicit `ConvIface` node; explicit conversions become the specific Go operation
//!    (`OBYTES2STR`, `OSTR2BYTES`, ...).
//! 4. **go and defer.** `go f(x)` becomes `tmp := x; go func() { f(tmp) }()`, with the wrapper
//!    closure named `outer.gowrapN` (`deferwrapN` for defer), as `normalizeGoDeferCall` does.
//!    Literals, `nil`, `new(T)`, function names and the elements of composite literals are
//!    evaluated inside the wrapper instead.
//! 5. **Loop variables.** Since Go 1.22 each iteration has its own copy of a loop variable.
//!    The compiler only materialises the copy when it matters — when the variable's address
//!    is taken or a closure captures it — and then the copy is declared *inside* the loop body,
//!    one loop level deeper. gomem does the same.
//! 6. **Constants** are folded to literals that remember the constant's name for printing.

use std::collections::{HashMap, HashSet};

use super::*;
use crate::diag::{Diagnostic, Diagnostics};
use crate::syntax::ast::{self, AssignOp, ExprKind as AK, StmtKind as SK};
use crate::types::{CallKind, FileInfo, Mode, ObjKind, Selection, Type, TypeTable, VarKind};

type LResult<T> = Result<T, Diagnostic>;

/// Lowers every user function (and every standard-library function with a body that the user
/// program can reach) of a checked program.
pub fn lower(tp: &crate::types::Program) -> Result<(Program, TypeTable), Diagnostics> {
    // Lowering makes implicit `&x` explicit, so it needs `*T` for every type `T`.
    let mut tt = tp.table.clone();
    for t in 0..tt.types.len() {
        tt.pointer(t as TypeId);
    }
    let mut l = Lowerer {
        tp,
        tt: &tt,
        out: Program::default(),
        obj_var: HashMap::new(),
        file: tp.user_file,
        cur: 0,
        pre: Vec::new(),
        per_iter: HashSet::new(),
        declared: HashMap::new(),
    };
    l.out.funcs = vec![None; tp.table.funcs.len()];
    l.lower_all().map_err(Diagnostics::from)?;
    let out = l.out;
    Ok((out, tt))
}

struct Lowerer<'a> {
    tp: &'a crate::types::Program,
    tt: &'a TypeTable,
    out: Program,
    obj_var: HashMap<crate::types::ObjId, VarId>,
    /// Index of the file being lowered.
    file: usize,
    /// The function being lowered.
    cur: FuncId,
    /// Statements that must run before the statement being lowered (temporaries).
    pre: Vec<Stmt>,
    /// Loop variables that need a per-iteration copy (address taken or captured).
    per_iter: HashSet<crate::types::ObjId>,
    /// Per function: how many variables have been declared so far (names temporaries).
    declared: HashMap<FuncId, usize>,
}

impl<'a> Lowerer<'a> {
    fn info(&self) -> &'a FileInfo {
        &self.tp.infos[self.file]
    }

    fn err(&self, pos: Pos, msg: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.tp.files[self.file].name.clone(), pos, msg)
    }

    fn lower_all(&mut self) -> LResult<()> {
        // Globals first, so that functions can refer to them.
        for (i, obj) in self.tt.objects.iter().enumerate() {
            if let ObjKind::Var(VarKind::Global) = obj.kind {
                let v = self.out.new_var(Var {
                    name: if obj.pkg == "main" {
                        obj.name.clone()
                    } else {
                        format!("{}.{}", short_pkg(&obj.pkg), obj.name)
                    },
                    pos: obj.pos,
                    ty: obj.ty,
                    class: VarClass::Global,
                    func: None,
                    defn: None,
                    obj: Some(i as u32),
                });
                self.obj_var.insert(i as u32, v);
                self.out.globals.push((v, None));
            }
        }
        // The package's initialisation code comes first, as in Go's list of functions.
        self.lower_global_init()?;
        // Every declared function with a body, file by file in source order.
        let result = self.lower_decls();
        // Method wrappers come last, as the compiler generates them after the package's code.
        result?;
        self.method_wrappers();
        self.method_value_wrappers();
        self.lower_prelude_inits()
    }

    fn lower_decls(&mut self) -> LResult<()> {
        for (fi, file) in self.tp.files.iter().enumerate() {
            for decl in &file.decls {
                if let ast::Decl::Func(fd) = decl {
                    let Some(fid) = self.func_of_decl(fi, fd) else {
                        continue;
                    };
                    self.file = fi;
                    self.lower_decl(fid, fd)?;
                    if fi == self.tp.user_file {
                        self.out.user_funcs.push(fid);
                    }
                }
            }
        }
        Ok(())
    }

    /// Generates the methods Go synthesises for the user's types (`<autogenerated>`):
    /// `(*T).M` for every value method `T.M` (so `*T` has it in its method set), and `T.M` /
    /// `(*T).M` for methods promoted from embedded fields. Each wrapper simply calls the
    /// method, which the inliner usually inlines into it (`inlining call to T.M`).
    fn method_wrappers(&mut self) {
        let tt = self.tt;
        let types: Vec<crate::types::TypeId> = (0..tt.types.len() as u32)
            .filter(|&t| matches!(&tt.types[t as usize], Type::Named { pkg, decl_id, .. } if pkg == "main" && *decl_id != crate::types::ALIAS_DECL))
            .filter(|&t| !tt.is_interface(t))
            .collect();
        for t in types {
            let mut names: Vec<String> = Vec::new();
            collect_method_names(tt, t, &mut names, 0);
            names.sort();
            names.dedup();
            let pt = tt.interned.get(&Type::Pointer(t)).copied();
            for name in &names {
                // Promoted through a value embedding: a wrapper on T itself.
                if let crate::types::Lookup::Method {
                    func,
                    path,
                    indirect,
                    ..
                } = tt.lookup_field_or_method(t, name)
                {
                    if !path.is_empty() && (!tt.has_ptr_recv(func) || indirect) {
                        self.wrapper(t, func, &path);
                    }
                }
            }
            for name in &names {
                let Some(pt) = pt else { continue };
                if let crate::types::Lookup::Method { func, path, .. } =
                    tt.lookup_field_or_method(pt, name)
                {
                    if !(path.is_empty() && tt.has_ptr_recv(func)) {
                        self.wrapper(pt, func, &path);
                    }
                }
            }
        }
    }

    /// Method values `x.M` are closures over a compiler-made function `T.M-fm` that calls the
    /// method on the bound receiver; one per method used as a value.
    fn method_value_wrappers(&mut self) {
        let mut methods: Vec<FuncId> = Vec::new();
        for &f in &self.out.user_funcs.clone() {
            super::visit::visit_func(&self.out, f, true, &mut |_| {}, &mut |e| {
                if let ExprKind::MethodValue {
                    method: Some(m), ..
                } = e.kind
                {
                    if !methods.contains(&m) {
                        methods.push(m);
                    }
                }
            });
        }
        for m in methods {
            let Some(recv) = self.tt.funcs[m as usize].recv else {
                continue;
            };
            let recv_ty = self.tt.objects[recv as usize].ty;
            let before = self.out.funcs.len();
            self.wrapper(recv_ty, m, &[]);
            if self.out.funcs.len() > before {
                let w = self.out.func_mut(before as FuncId);
                w.name = format!("{}-fm", self.tt.funcs[m as usize].name);
            }
        }
    }

    /// One wrapper: `func (this RECV) M(params) results { return this.path.M(params) }`.
    fn wrapper(&mut self, recv_ty: crate::types::TypeId, m: FuncId, path: &[usize]) {
        let tt = self.tt;
        let pos = Pos::default();
        let Some(sig) = tt.signature(tt.funcs[m as usize].sig).cloned() else {
            return;
        };
        let id = self.out.funcs.len() as FuncId;
        let method = tt.func_short_name(m).to_string();
        let recv_name = match tt.under(recv_ty) {
            Type::Pointer(e) => format!("(*{})", tt.type_string(*e)),
            _ => tt.type_string(recv_ty),
        };
        let mut params = Vec::new();
        let this = self.out.new_var(Var {
            name: ".this".into(),
            pos,
            ty: recv_ty,
            class: VarClass::Param,
            func: Some(id),
            defn: None,
            obj: None,
        });
        params.push(this);
        for (i, &p) in sig.params.iter().enumerate() {
            params.push(self.out.new_var(Var {
                name: format!("~p{i}"),
                pos,
                ty: p,
                class: VarClass::Param,
                func: Some(id),
                defn: None,
                obj: None,
            }));
        }
        let results: Vec<VarId> = sig
            .results
            .iter()
            .enumerate()
            .map(|(i, &r)| {
                self.out.new_var(Var {
                    name: format!("~r{i}"),
                    pos,
                    ty: r,
                    class: VarClass::ParamOut,
                    func: Some(id),
                    defn: None,
                    obj: None,
                })
            })
            .collect();
        let mut dcl = params.clone();
        dcl.extend(&results);
        self.out.funcs.push(Some(Func {
            id,
            name: format!("{recv_name}.{method}"),
            pkg: "main".into(),
            pos,
            sig: tt.funcs[m as usize].sig,
            params: params.clone(),
            results: results.clone(),
            dcl,
            closure_vars: vec![],
            outer: None,
            closure_expr: None,
            wrapper: true,
            pragmas: vec!["gomem:methodwrapper".into()],
            body: vec![],
            has_body: true,
            extern_tags: None,
            is_user: true,
            closure_gen: 0,
            gowrap_gen: 0,
        }));
        let this_e = self.node(pos, recv_ty, ExprKind::Name(this));
        let recv = crate::ir::select_receiver(&mut self.out, tt, this_e, path, m);
        let mut args = vec![recv];
        for &p in &params[1..] {
            let ty = self.out.vars[p as usize].ty;
            args.push(self.node(pos, ty, ExprKind::Name(p)));
        }
        let rty = if results.len() == 1 {
            self.out.vars[results[0] as usize].ty
        } else {
            0
        };
        let call = self.node(
            pos,
            rty,
            ExprKind::Call {
                callee: Callee::Func(m),
                args,
                ddd: sig.variadic,
            },
        );
        let st = if results.is_empty() {
            self.stmt(pos, StmtKind::Expr(call))
        } else {
            self.stmt(pos, StmtKind::Return(vec![call]))
        };
        self.out.func_mut(id).body = vec![st];
        self.out.user_funcs.push(id);
    }

    /// Lowers the initialisers of the user's package-level variables into a synthetic `init`
    /// function, as the Go compiler does. Initialisers the linker can lay out statically
    /// (constants, composite literals of constants, function literals without captures) are
    /// not code and are left out; function literals in them still become functions
    /// (`init.func1`) that are analysed on their own.
    fn lower_global_init(&mut self) -> LResult<()> {
        let user = self.tp.user_file;
        let (id, static_closures) = self.lower_package_init(user)?;
        if !self.out.func(id).body.is_empty() {
            self.out.user_funcs.push(id);
        }
        // Closures of static initialisers are compiled as functions of their own.
        for c in static_closures {
            self.out.func_mut(c).outer = None;
            self.out.user_funcs.push(c);
        }
        Ok(())
    }

    /// The package initialisers of the standard-library prelude (`os.Stdout = NewFile(...)`),
    /// one synthetic `init` per package, in the order the packages were checked (a package
    /// after the packages it imports, as Go initialises them). They are created after every
    /// other function, so the user's functions keep their ids, and they are not user code:
    /// escape analysis summarises them like any library function and reports nothing.
    fn lower_prelude_inits(&mut self) -> LResult<()> {
        for file in 0..self.tp.files.len() {
            if file == self.tp.user_file {
                continue;
            }
            let has_vars = self.tp.files[file].decls.iter().any(|d| {
                matches!(d, ast::Decl::Var(specs) if specs.iter().any(|s| !s.values.is_empty()))
            });
            if has_vars {
                let (_, closures) = self.lower_package_init(file)?;
                for c in closures {
                    self.out.func_mut(c).outer = None;
                }
            }
        }
        Ok(())
    }

    /// The synthetic `init` function (`gomem:packageinit`) of the package in `file`: its
    /// package-level variables' initialisers in source order. Returns the function and the
    /// closures of its static initialisers.
    fn lower_package_init(&mut self, file: usize) -> LResult<(FuncId, Vec<FuncId>)> {
        let saved_file = self.file;
        self.file = file;
        let is_user = file == self.tp.user_file;
        let id = self.out.funcs.len() as FuncId;
        let sig = self.empty_sig();
        self.out.funcs.push(Some(Func {
            id,
            name: "init".into(),
            pkg: self.tp.package_of(file),
            pos: Pos::new(1, 1),
            sig,
            params: vec![],
            results: vec![],
            dcl: vec![],
            closure_vars: vec![],
            outer: None,
            closure_expr: None,
            wrapper: false,
            pragmas: vec!["gomem:packageinit".into()],
            body: vec![],
            has_body: true,
            extern_tags: None,
            is_user,
            closure_gen: 0,
            gowrap_gen: 0,
        }));
        let saved = self.cur;
        self.cur = id;
        let mut body = Vec::new();
        let mut static_closures = Vec::new();
        for decl in &self.tp.files[file].decls {
            let ast::Decl::Var(specs) = decl else {
                continue;
            };
            for spec in specs {
                if spec.values.is_empty() {
                    continue;
                }
                let mut stmts = Vec::new();
                self.global_spec(spec, &mut stmts)?;
                for st in stmts {
                    // A static initialiser stays in `init` for the inliner, but the linker
                    // lays it out: escape analysis never sees it.
                    if let StmtKind::Assign { src: Some(src), .. } = &st.kind {
                        if is_static(&self.out, self.tt, src) {
                            collect_closures(src, &mut static_closures);
                            self.out.static_init.insert(st.id);
                        }
                    }
                    body.push(st);
                }
            }
        }
        self.cur = saved;
        self.file = saved_file;
        self.out.func_mut(id).body = body;
        Ok((id, static_closures))
    }

    /// `var g = e` at package level: `g = e` in the init function.
    fn global_spec(&mut self, spec: &ast::ValueSpec, out: &mut Vec<Stmt>) -> LResult<()> {
        let mut lhs = Vec::new();
        for n in &spec.names {
            let e = match self
                .info()
                .defs
                .get(&n.pos)
                .and_then(|o| self.obj_var.get(o))
            {
                Some(&v) if n.name != "_" => {
                    let ty = self.out.vars[v as usize].ty;
                    self.node(n.pos, ty, ExprKind::Global(v))
                }
                _ => self.node(n.pos, 0, ExprKind::Blank),
            };
            lhs.push(e);
        }
        let pos = spec.names[0].pos;
        if spec.values.len() == 1 && lhs.len() > 1 {
            let call = self.expr(&spec.values[0])?;
            out.append(&mut self.pre);
            out.push(self.two_value(pos, lhs, call, false));
            return Ok(());
        }
        for (dst, v) in lhs.into_iter().zip(&spec.values) {
            let src = self.expr(v)?;
            out.append(&mut self.pre);
            let p = dst.pos;
            out.push(self.stmt(
                p,
                StmtKind::Assign {
                    dst,
                    src: Some(src),
                    define: false,
                },
            ));
        }
        Ok(())
    }

    fn func_of_decl(&self, file: usize, fd: &ast::FuncDecl) -> Option<FuncId> {
        self.tt
            .funcs
            .iter()
            .position(|f| f.file == file && f.pos == fd.name.pos && f.lit.is_none())
            .map(|i| i as FuncId)
    }

    fn new_func(&mut self, fid: FuncId, name: String, outer: Option<FuncId>) -> LResult<()> {
        let info = &self.tt.funcs[fid as usize];
        let mut f = Func {
            id: fid,
            name,
            pkg: info.pkg.clone(),
            pos: info.pos,
            sig: info.sig,
            params: vec![],
            results: vec![],
            dcl: vec![],
            closure_vars: vec![],
            outer,
            closure_expr: None,
            wrapper: false,
            pragmas: info.pragmas.clone(),
            body: vec![],
            has_body: true,
            extern_tags: info.extern_tags.clone(),
            is_user: info.file == self.tp.user_file,
            closure_gen: 0,
            gowrap_gen: 0,
        };
        let recv = info.recv.into_iter();
        for obj in recv.chain(info.params.iter().copied()) {
            let v = self.var_for(obj, VarClass::Param, fid);
            f.params.push(v);
        }
        for &obj in &info.results {
            let v = self.var_for(obj, VarClass::ParamOut, fid);
            f.results.push(v);
        }
        f.dcl.extend(f.params.iter().chain(f.results.iter()));
        for &obj in &info.locals {
            let v = self.var_for(obj, VarClass::Auto, fid);
            f.dcl.push(v);
        }
        for &obj in &info.captures {
            if let Some(&v) = self.obj_var.get(&obj) {
                f.closure_vars.push(v);
            }
        }
        self.out.funcs[fid as usize] = Some(f);
        Ok(())
    }

    fn var_for(&mut self, obj: crate::types::ObjId, class: VarClass, fid: FuncId) -> VarId {
        if let Some(&v) = self.obj_var.get(&obj) {
            return v;
        }
        let o = &self.tt.objects[obj as usize];
        let v = self.out.new_var(Var {
            name: o.name.clone(),
            pos: o.pos,
            ty: o.ty,
            class,
            func: Some(fid),
            defn: None,
            obj: Some(obj),
        });
        self.obj_var.insert(obj, v);
        v
    }

    fn lower_decl(&mut self, fid: FuncId, fd: &ast::FuncDecl) -> LResult<()> {
        let name = self.tt.funcs[fid as usize].name.clone();
        self.new_func(fid, name, None)?;
        if fd.recv.is_some() {
            // Go positions a method at the `(` of its receiver list, the token after `func`.
            self.out.func_mut(fid).pos = Pos::new(fd.pos.line, fd.pos.col + 5);
        }
        let Some(body) = &fd.body else {
            self.out.func_mut(fid).has_body = false;
            return Ok(());
        };
        let saved = self.cur;
        self.cur = fid;
        let stmts = self.block(&body.stmts)?;
        self.cur = saved;
        self.out.func_mut(fid).body = stmts;
        Ok(())
    }

    // ----- helpers -----------------------------------------------------------------------

    fn node(&mut self, pos: Pos, ty: TypeId, kind: ExprKind) -> Expr {
        Expr {
            id: self.out.new_node(),
            pos,
            ty,
            kind,
        }
    }

    fn stmt(&mut self, pos: Pos, kind: StmtKind) -> Stmt {
        if let StmtKind::Dcl(v) = kind {
            if self.out.vars[v as usize].obj.is_some() {
                let f = self.out.func(self.cur);
                let n = self
                    .declared
                    .entry(self.cur)
                    .or_insert(f.params.len() + f.results.len());
                *n += 1;
            }
        }
        Stmt {
            id: self.out.new_stmt(),
            pos,
            kind,
        }
    }

    fn underlying(&self, mut t: TypeId) -> TypeId {
        while let Type::Named { underlying, .. } = &self.tt.types[t as usize] {
            t = *underlying;
        }
        t
    }

    fn ty_of(&self, e: &ast::Expr) -> TypeId {
        self.info().types.get(&e.id).map(|tv| tv.ty).unwrap_or(0)
    }

    /// A new compiler temporary in the current function, named as Go names them.
    fn temp(&mut self, ty: TypeId, pos: Pos) -> VarId {
        // Go numbers a temporary by how many variables the function has declared so far.
        let f = self.out.func(self.cur);
        let n = *self
            .declared
            .entry(self.cur)
            .or_insert(f.params.len() + f.results.len());
        self.declared.insert(self.cur, n + 1);
        let v = self.out.new_var(Var {
            name: format!(".autotmp_{n}"),
            pos,
            ty,
            class: VarClass::Auto,
            func: Some(self.cur),
            defn: None,
            obj: None,
        });
        self.out.func_mut(self.cur).dcl.push(v);
        v
    }

    /// Emits `tmp := e` before the current statement and returns `tmp`.
    fn spill_to_temp(&mut self, e: Expr) -> Expr {
        let pos = e.pos;
        self.spill_to_temp_at(e, pos)
    }

    /// `tmp := e` as the init statements of the expression `tmp` (evaluated right there).
    fn init_temp(&mut self, e: Expr) -> Expr {
        let saved = std::mem::take(&mut self.pre);
        let tmp = self.spill_to_temp(e);
        let init = std::mem::replace(&mut self.pre, saved);
        let (pos, ty) = (tmp.pos, tmp.ty);
        self.node(
            pos,
            ty,
            ExprKind::Init {
                init,
                x: Box::new(tmp),
            },
        )
    }

    /// Like `spill_to_temp`, with the temporary declared at `pos`.
    fn spill_to_temp_at(&mut self, e: Expr, pos: Pos) -> Expr {
        let ty = e.ty;
        let v = self.temp(ty, pos);
        let dcl = self.stmt(pos, StmtKind::Dcl(v));
        let dst = self.node(pos, ty, ExprKind::Name(v));
        let asg = self.stmt(
            pos,
            StmtKind::Assign {
                dst,
                src: Some(e),
                define: true,
            },
        );
        self.out.vars[v as usize].defn = Some(asg.id);
        self.pre.push(dcl);
        self.pre.push(asg);
        self.node(pos, ty, ExprKind::Name(v))
    }

    // ----- statements --------------------------------------------------------------------

    fn block(&mut self, stmts: &[ast::Stmt]) -> LResult<Vec<Stmt>> {
        let mut out = Vec::new();
        for s in stmts {
            self.stmt_into(s, &mut out)?;
        }
        Ok(out)
    }

    /// Lowers one statement, appending it (and any temporaries it needs) to `out`.
    fn stmt_into(&mut self, s: &ast::Stmt, out: &mut Vec<Stmt>) -> LResult<()> {
        let saved = std::mem::take(&mut self.pre);
        let lowered = self.lower_stmt(s, out);
        let pre = std::mem::replace(&mut self.pre, saved);
        let lowered = lowered?;
        out.extend(pre);
        out.extend(lowered);
        Ok(())
    }

    fn lower_stmt(&mut self, s: &ast::Stmt, out: &mut [Stmt]) -> LResult<Vec<Stmt>> {
        let pos = s.pos;
        Ok(match &s.kind {
            SK::Empty => vec![],
            SK::Block(b) => {
                let body = self.block(&b.stmts)?;
                vec![self.stmt(pos, StmtKind::Block(body))]
            }
            SK::Expr(e) => vec![self.expr_stmt(e)?],
            SK::Send { ch, value } => {
                let ch = self.expr(ch)?;
                let value = self.expr(value)?;
                vec![self.stmt(pos, StmtKind::Send { ch, value })]
            }
            SK::IncDec { x, inc } => {
                let dst = self.expr(x)?;
                let one = self.node(
                    pos,
                    dst.ty,
                    ExprKind::Literal {
                        value: crate::types::ConstValue::Int(1),
                        sym: None,
                    },
                );
                let op = if *inc {
                    ast::BinaryOp::Add
                } else {
                    ast::BinaryOp::Sub
                };
                vec![self.stmt(
                    pos,
                    StmtKind::AssignOp {
                        op,
                        dst,
                        src: one,
                        incdec: true,
                    },
                )]
            }
            SK::Assign { op, lhs, rhs } => self.assign(pos, *op, lhs, rhs, out)?,
            SK::Go(call) | SK::Defer(call) => {
                let is_go = matches!(s.kind, SK::Go(_));
                self.go_defer(pos, is_go, call)?
            }
            SK::Return(es) => self.ret(pos, es)?,
            SK::Branch { kind, label } => {
                let label = label.as_ref().map(|l| l.name.clone());
                let k = match kind {
                    ast::BranchKind::Break => StmtKind::Break(label),
                    ast::BranchKind::Continue => StmtKind::Continue(label),
                    ast::BranchKind::Fallthrough => StmtKind::Fallthrough,
                    ast::BranchKind::Goto => {
                        return Err(Diagnostic::unsupported(
                            self.tp.files[self.file].name.clone(),
                            pos,
                            "goto",
                        ))
                    }
                };
                vec![self.stmt(pos, k)]
            }
            SK::If {
                init,
                cond,
                then,
                els,
            } => {
                let mut stmts = Vec::new();
                if let Some(i) = init {
                    self.stmt_into(i, &mut stmts)?;
                }
                let c = self.expr(cond)?;
                stmts.append(&mut self.pre);
                let t = self.block(&then.stmts)?;
                let e = match els {
                    None => vec![],
                    Some(e) => {
                        let mut v = Vec::new();
                        self.stmt_into(e, &mut v)?;
                        v
                    }
                };
                let ifs = self.stmt(
                    pos,
                    StmtKind::If {
                        cond: c,
                        then: t,
                        els: e,
                    },
                );
                stmts.push(ifs);
                if init.is_some() {
                    vec![self.stmt(pos, StmtKind::Block(stmts))]
                } else {
                    stmts
                }
            }
            SK::For {
                init,
                cond,
                post,
                body,
            } => self.for_loop(pos, init.as_deref(), cond.as_ref(), post.as_deref(), body)?,
            SK::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range_loop(pos, key.as_ref(), value.as_ref(), *define, x, body)?,
            SK::Switch {
                init, tag, body, ..
            } => {
                let mut stmts = Vec::new();
                if let Some(i) = init {
                    self.stmt_into(i, &mut stmts)?;
                }
                let t = match tag {
                    Some(t) => Some(self.expr(t)?),
                    None => None,
                };
                stmts.append(&mut self.pre);
                let mut cases = Vec::new();
                for c in body {
                    let mut exprs = Vec::new();
                    for e in &c.exprs {
                        exprs.push(self.expr(e)?);
                    }
                    stmts.append(&mut self.pre);
                    let b = self.block(&c.body)?;
                    cases.push(CaseClause {
                        pos: c.pos,
                        exprs,
                        var: None,
                        body: b,
                        types: vec![],
                    });
                }
                let sw = self.stmt(pos, StmtKind::Switch { tag: t, cases });
                stmts.push(sw);
                vec![self.stmt(pos, StmtKind::Block(stmts))]
            }
            SK::TypeSwitch {
                init,
                bind,
                x,
                body,
                ..
            } => {
                let mut stmts = Vec::new();
                if let Some(i) = init {
                    self.stmt_into(i, &mut stmts)?;
                }
                let xe = self.expr(x)?;
                stmts.append(&mut self.pre);
                let sid = self.out.new_stmt();
                let mut cases = Vec::new();
                for c in body {
                    let mut types = Vec::new();
                    for e in &c.exprs {
                        let is_nil = matches!(&e.kind, AK::Name(n) if n == "nil")
                            && matches!(
                                self.info().types.get(&e.id).map(|t| t.mode),
                                Some(Mode::Value) | None
                            );
                        types.push(if is_nil { None } else { Some(self.ty_of(e)) });
                    }
                    let var = match bind {
                        Some(b) => Some(self.switch_var(b, c, sid)?),
                        None => None,
                    };
                    let b = self.block(&c.body)?;
                    cases.push(CaseClause {
                        pos: c.pos,
                        exprs: vec![],
                        var,
                        body: b,
                        types,
                    });
                }
                stmts.push(Stmt {
                    id: sid,
                    pos,
                    kind: StmtKind::TypeSwitch {
                        x: xe,
                        bind: bind.is_some(),
                        cases,
                    },
                });
                vec![self.stmt(pos, StmtKind::Block(stmts))]
            }
            SK::Select => {
                return Err(Diagnostic::unsupported(
                    self.tp.files[self.file].name.clone(),
                    pos,
                    "select statements",
                ))
            }
            SK::Labeled { label, stmt } => {
                let mut v = vec![self.stmt(label.pos, StmtKind::Label(label.name.clone()))];
                self.stmt_into(stmt, &mut v)?;
                v
            }
            SK::Var(specs) => {
                let mut v = Vec::new();
                for spec in specs {
                    self.var_spec(spec, &mut v)?;
                }
                v
            }
            SK::Const(_) | SK::Type(_) => vec![],
        })
    }

    /// The variables a `:=` statement declares.
    fn defined_objs(&self, s: &ast::Stmt) -> Vec<crate::types::ObjId> {
        match &s.kind {
            SK::Assign {
                op: AssignOp::Define,
                lhs,
                ..
            } => lhs
                .iter()
                .filter_map(|e| match &e.kind {
                    AK::Name(n) if n != "_" => self.info().defs.get(&e.pos).copied(),
                    _ => None,
                })
                .collect(),
            _ => vec![],
        }
    }

    /// Go 1.22 per-iteration loop variables, as the compiler materialises them when a loop
    /// variable is captured or has its address taken: the loop itself runs on an outer copy,
    /// and each iteration declares its own variable (one loop level deeper) initialised from
    /// the outer copy — and, for three-clause loops, copied back before the post statement.
    /// Returns (inner, outer) pairs; while lowering the loop header, the objects refer to the
    /// outer copies.
    fn split_loop_vars(
        &mut self,
        objs: &[crate::types::ObjId],
        body: &ast::Block,
    ) -> Vec<(VarId, VarId)> {
        let mut pairs = Vec::new();
        for &obj in objs {
            if !self.needs_per_iter(obj, body) {
                continue;
            }
            let inner = self.var_for(obj, VarClass::Auto, self.cur);
            let var = self.out.vars[inner as usize].clone();
            let outer = self.out.new_var(Var {
                obj: None,
                defn: None,
                ..var
            });
            self.out.func_mut(self.cur).dcl.push(outer);
            self.obj_var.insert(obj, outer);
            pairs.push((inner, outer));
        }
        pairs
    }

    /// `inner := outer` at the top of an iteration.
    fn per_iteration_copies(&mut self, pos: Pos, pairs: &[(VarId, VarId)], out: &mut Vec<Stmt>) {
        for &(inner, outer) in pairs {
            let d = self.stmt(pos, StmtKind::Dcl(inner));
            let ty = self.out.vars[inner as usize].ty;
            let dst = self.node(pos, ty, ExprKind::Name(inner));
            let src = self.node(pos, ty, ExprKind::Name(outer));
            let st = self.stmt(
                pos,
                StmtKind::Assign {
                    dst,
                    src: Some(src),
                    define: true,
                },
            );
            self.out.vars[inner as usize].defn = Some(st.id);
            self.out.synthetic.extend([d.id, st.id]);
            out.push(d);
            out.push(st);
        }
    }

    fn for_loop(
        &mut self,
        pos: Pos,
        init: Option<&ast::Stmt>,
        cond: Option<&ast::Expr>,
        post: Option<&ast::Stmt>,
        body: &ast::Block,
    ) -> LResult<Vec<Stmt>> {
        let objs = init.map(|i| self.defined_objs(i)).unwrap_or_default();
        let pairs = self.split_loop_vars(&objs, body);
        let mut stmts = Vec::new();
        if let Some(i) = init {
            self.stmt_into(i, &mut stmts)?;
        }
        let c = match cond {
            Some(c) => Some(self.expr(c)?),
            None => None,
        };
        stmts.append(&mut self.pre);
        let mut post_stmts = Vec::new();
        // Copy each iteration's variable back before the post statement.
        for &(inner, outer) in &pairs {
            let ty = self.out.vars[inner as usize].ty;
            let dst = self.node(pos, ty, ExprKind::Name(outer));
            let src = self.node(pos, ty, ExprKind::Name(inner));
            let st = self.stmt(
                pos,
                StmtKind::Assign {
                    dst,
                    src: Some(src),
                    define: false,
                },
            );
            self.out.synthetic.insert(st.id);
            post_stmts.push(st);
        }
        if let Some(p) = post {
            self.stmt_into(p, &mut post_stmts)?;
        }
        let p = match post_stmts.len() {
            0 => None,
            1 => post_stmts.pop().map(Box::new),
            _ => Some(Box::new(self.stmt(pos, StmtKind::Block(post_stmts)))),
        };
        for (obj, &(inner, _)) in objs
            .iter()
            .filter(|o| self.per_iter.contains(o))
            .zip(&pairs)
        {
            self.obj_var.insert(*obj, inner);
        }
        let mut b = Vec::new();
        self.per_iteration_copies(pos, &pairs, &mut b);
        b.extend(self.block(&body.stmts)?);
        let f = self.stmt(
            pos,
            StmtKind::For {
                cond: c,
                post: p,
                body: b,
            },
        );
        stmts.push(f);
        Ok(vec![self.stmt(pos, StmtKind::Block(stmts))])
    }

    fn range_loop(
        &mut self,
        pos: Pos,
        key: Option<&ast::Expr>,
        value: Option<&ast::Expr>,
        define: bool,
        x: &ast::Expr,
        body: &ast::Block,
    ) -> LResult<Vec<Stmt>> {
        let xe = self.expr(x)?;
        let mut before = std::mem::take(&mut self.pre);
        let rid = self.out.new_stmt();
        let objs: Vec<crate::types::ObjId> = if define {
            [key, value]
                .into_iter()
                .flatten()
                .filter_map(|e| match &e.kind {
                    AK::Name(n) if n != "_" => self.info().defs.get(&e.pos).copied(),
                    _ => None,
                })
                .collect()
        } else {
            vec![]
        };
        let pairs = self.split_loop_vars(&objs, body);
        let mut lhs = |l: &mut Self, e: Option<&ast::Expr>| -> LResult<Option<Expr>> {
            let Some(e) = e else { return Ok(None) };
            if let AK::Name(n) = &e.kind {
                if n == "_" {
                    return Ok(Some(l.node(e.pos, 0, ExprKind::Blank)));
                }
                if define {
                    let Some(&obj) = l.info().defs.get(&e.pos) else {
                        return Err(l.err(e.pos, format!("gomem: internal: no object for {n}")));
                    };
                    // The outer copy when the variable is per-iteration, else the variable.
                    let v = l.var_for(obj, VarClass::Auto, l.cur);
                    l.out.vars[v as usize].defn = Some(rid);
                    before.push(l.stmt(e.pos, StmtKind::Dcl(v)));
                    let ty = l.out.vars[v as usize].ty;
                    return Ok(Some(l.node(e.pos, ty, ExprKind::Name(v))));
                }
            }
            Ok(Some(l.expr(e)?))
        };
        let k = lhs(self, key)?;
        let v = lhs(self, value)?;
        for (&obj, &(inner, _)) in objs
            .iter()
            .filter(|o| self.per_iter.contains(o))
            .zip(&pairs)
        {
            self.obj_var.insert(obj, inner);
        }
        let mut b = Vec::new();
        self.per_iteration_copies(pos, &pairs, &mut b);
        b.extend(self.block(&body.stmts)?);
        let r = Stmt {
            id: rid,
            pos,
            kind: StmtKind::Range {
                key: k,
                value: v,
                x: xe,
                body: b,
            },
        };
        before.push(r);
        Ok(vec![self.stmt(pos, StmtKind::Block(before))])
    }

    /// The variable of one type-switch clause (each clause has its own, as in Go).
    fn switch_var(
        &mut self,
        bind: &ast::Ident,
        c: &ast::CaseClause,
        sid: StmtId,
    ) -> LResult<VarId> {
        // The checker gives each clause its own object; find the one used in this clause.
        let mut found = None;
        for s in &c.body {
            visit_names(s, &mut |e| {
                if found.is_none() {
                    if let AK::Name(n) = &e.kind {
                        if n == &bind.name {
                            if let Some(&obj) = self.info().uses.get(&e.id) {
                                if matches!(
                                    self.tt.objects[obj as usize].kind,
                                    ObjKind::Var(VarKind::TypeSwitchBind)
                                ) {
                                    found = Some(obj);
                                }
                            }
                        }
                    }
                }
            });
        }
        let v = match found {
            Some(obj) => self.var_for(obj, VarClass::Auto, self.cur),
            None => {
                let ty = if c.exprs.len() == 1 {
                    self.ty_of(&c.exprs[0])
                } else {
                    0
                };
                let v = self.out.new_var(Var {
                    name: bind.name.clone(),
                    pos: bind.pos,
                    ty,
                    class: VarClass::Auto,
                    func: Some(self.cur),
                    defn: None,
                    obj: None,
                });
                self.out.func_mut(self.cur).dcl.push(v);
                v
            }
        };
        self.out.vars[v as usize].defn = Some(sid);
        Ok(v)
    }

    /// Does loop variable `v` need a per-iteration copy? Only if `&v` is taken (explicitly or
    /// by a pointer-method call) or a closure in the loop captures it.
    fn needs_per_iter(&mut self, obj: crate::types::ObjId, body: &ast::Block) -> bool {
        if self.per_iter.contains(&obj) {
            return true;
        }
        let mut hit = false;
        let info = self.info();
        for s in &body.stmts {
            visit_exprs(s, &mut |e, in_closure| {
                if hit {
                    return;
                }
                match &e.kind {
                    AK::Unary {
                        op: ast::UnaryOp::Addr,
                        x,
                    } if refers_to(info, x, obj) => {
                        hit = true;
                    }
                    AK::Name(_) if in_closure && info.uses.get(&e.id) == Some(&obj) => {
                        hit = true;
                    }
                    AK::Call { func, .. } => {
                        if let Some(CallKind::Method {
                            recv_addr: true, ..
                        }) = info.calls.get(&e.id)
                        {
                            if let AK::Selector { x, .. } = &func.unparen().kind {
                                if refers_to(info, x, obj) {
                                    hit = true;
                                }
                            }
                        }
                    }
                    AK::Selector { x, .. } => {
                        if let Some(Selection::Method {
                            recv_addr: true, ..
                        }) = info.selections.get(&e.id)
                        {
                            if refers_to(info, x, obj) {
                                hit = true;
                            }
                        }
                    }
                    AK::Slice { x, .. } if refers_to(info, x, obj) => {
                        if let Type::Array { .. } =
                            self.tt.types[self.underlying(self.ty_of(x)) as usize]
                        {
                            hit = true;
                        }
                    }
                    _ => {}
                }
            });
        }
        if hit {
            self.per_iter.insert(obj);
        }
        hit
    }

    fn var_spec(&mut self, spec: &ast::ValueSpec, out: &mut Vec<Stmt>) -> LResult<()> {
        let mut vars = Vec::new();
        for n in &spec.names {
            if n.name == "_" {
                vars.push(None);
                continue;
            }
            let Some(&obj) = self.info().defs.get(&n.pos) else {
                return Err(self.err(n.pos, format!("gomem: internal: no object for {}", n.name)));
            };
            let v = self.var_for(obj, VarClass::Auto, self.cur);
            let d = self.stmt(n.pos, StmtKind::Dcl(v));
            out.push(d);
            vars.push(Some(v));
        }
        let target = |l: &mut Self, v: Option<VarId>, pos: Pos| match v {
            Some(v) => {
                let ty = l.out.vars[v as usize].ty;
                l.node(pos, ty, ExprKind::Name(v))
            }
            None => l.node(pos, 0, ExprKind::Blank),
        };
        if spec.values.is_empty() {
            for (v, n) in vars.iter().zip(&spec.names) {
                let dst = target(self, *v, n.pos);
                let s = self.stmt(
                    n.pos,
                    StmtKind::Assign {
                        dst,
                        src: None,
                        define: false,
                    },
                );
                out.push(s);
            }
            return Ok(());
        }
        let pos = spec.names[0].pos;
        if spec.values.len() == 1 && spec.names.len() > 1 {
            let call = self.expr(&spec.values[0])?;
            out.append(&mut self.pre);
            let lhs: Vec<Expr> = vars
                .iter()
                .zip(&spec.names)
                .map(|(v, n)| target(self, *v, n.pos))
                .collect();
            let s = self.two_value(pos, lhs, call, true);
            for v in vars.iter().flatten() {
                self.out.vars[*v as usize].defn = Some(s.id);
            }
            out.push(s);
            return Ok(());
        }
        let mut lhs = Vec::new();
        let mut rhs = Vec::new();
        for ((v, n), e) in vars.iter().zip(&spec.names).zip(&spec.values) {
            lhs.push(target(self, *v, n.pos));
            rhs.push(self.expr(e)?);
        }
        out.append(&mut self.pre);
        let s = if lhs.len() == 1 {
            let (dst, src) = (lhs.pop().unwrap(), rhs.pop().unwrap());
            self.stmt(
                pos,
                StmtKind::Assign {
                    dst,
                    src: Some(src),
                    define: true,
                },
            )
        } else {
            self.stmt(
                pos,
                StmtKind::Assign2 {
                    kind: Assign2Kind::Pair,
                    lhs,
                    rhs,
                    define: true,
                },
            )
        };
        for v in vars.iter().flatten() {
            self.out.vars[*v as usize].defn = Some(s.id);
        }
        out.push(s);
        Ok(())
    }

    /// `a, b = rhs` where a single right-hand side yields two values.
    fn two_value(&mut self, pos: Pos, lhs: Vec<Expr>, rhs: Expr, define: bool) -> Stmt {
        let kind = match &rhs.kind {
            ExprKind::IndexMap { .. } => Some(Assign2Kind::MapR),
            ExprKind::DotType { .. } => Some(Assign2Kind::DotType),
            ExprKind::Recv(_) => Some(Assign2Kind::Recv),
            _ => None,
        };
        match kind {
            Some(kind) => {
                let mut rhs = rhs;
                if let ExprKind::DotType { comma_ok, .. } = &mut rhs.kind {
                    *comma_ok = true;
                }
                self.stmt(
                    pos,
                    StmtKind::Assign2 {
                        kind,
                        lhs,
                        rhs: vec![rhs],
                        define,
                    },
                )
            }
            None => self.stmt(
                pos,
                StmtKind::Assign2Func {
                    lhs,
                    call: rhs,
                    define,
                },
            ),
        }
    }

    fn assign(
        &mut self,
        pos: Pos,
        op: AssignOp,
        lhs: &[ast::Expr],
        rhs: &[ast::Expr],
        _out: &mut [Stmt],
    ) -> LResult<Vec<Stmt>> {
        let mut stmts = Vec::new();
        if let AssignOp::Op(bop) = op {
            let dst = self.expr(&lhs[0])?;
            let src = self.expr(&rhs[0])?;
            stmts.push(self.stmt(
                pos,
                StmtKind::AssignOp {
                    op: bop,
                    dst,
                    src,
                    incdec: false,
                },
            ));
            return Ok(stmts);
        }
        let define = op == AssignOp::Define;
        let sid = self.out.new_stmt();
        let mut new_vars = Vec::new();
        let mut l = Vec::new();
        for e in lhs {
            if let (true, AK::Name(n)) = (define, &e.kind) {
                if n == "_" {
                    l.push(self.node(e.pos, 0, ExprKind::Blank));
                    continue;
                }
                if let Some(&obj) = self.info().defs.get(&e.pos) {
                    let v = self.var_for(obj, VarClass::Auto, self.cur);
                    self.out.vars[v as usize].defn = Some(sid);
                    new_vars.push((v, e.pos));
                    let ty = self.out.vars[v as usize].ty;
                    l.push(self.node(e.pos, ty, ExprKind::Name(v)));
                    continue;
                }
            }
            if let AK::Name(n) = &e.kind {
                if n == "_" {
                    l.push(self.node(e.pos, 0, ExprKind::Blank));
                    continue;
                }
            }
            l.push(self.expr(e)?);
        }
        for (v, p) in new_vars {
            stmts.push(self.stmt(p, StmtKind::Dcl(v)));
        }
        let mut s = if lhs.len() == rhs.len() {
            let mut r = Vec::new();
            for e in rhs {
                r.push(self.expr(e)?);
            }
            if l.len() == 1 {
                let (dst, src) = (l.pop().unwrap(), r.pop().unwrap());
                self.stmt(
                    pos,
                    StmtKind::Assign {
                        dst,
                        src: Some(src),
                        define,
                    },
                )
            } else {
                self.stmt(
                    pos,
                    StmtKind::Assign2 {
                        kind: Assign2Kind::Pair,
                        lhs: l,
                        rhs: r,
                        define,
                    },
                )
            }
        } else {
            let r = self.expr(&rhs[0])?;
            self.two_value(pos, l, r, define)
        };
        s.id = sid;
        stmts.push(s);
        Ok(stmts)
    }

    /// `t1, t2 := call` for a call with several results: the statements, and the temporaries
    /// as expressions.
    fn results_to_temps(&mut self, call: Expr, tys: &[TypeId], pos: Pos) -> (Vec<Stmt>, Vec<Expr>) {
        let mut stmts = Vec::new();
        let mut temps = Vec::new();
        for &ty in tys {
            let v = self.temp(ty, pos);
            stmts.push(self.stmt(pos, StmtKind::Dcl(v)));
            temps.push(v);
        }
        let names = |l: &mut Self| -> Vec<Expr> {
            temps
                .iter()
                .map(|&v| l.node(pos, l.out.vars[v as usize].ty, ExprKind::Name(v)))
                .collect()
        };
        let lhs = names(self);
        let asg = self.stmt(
            pos,
            StmtKind::Assign2Func {
                lhs,
                call,
                define: true,
            },
        );
        for &v in &temps {
            self.out.vars[v as usize].defn = Some(asg.id);
        }
        stmts.push(asg);
        (stmts, names(self))
    }

    fn ret(&mut self, pos: Pos, es: &[ast::Expr]) -> LResult<Vec<Stmt>> {
        let nres = self.out.func(self.cur).results.len();
        if es.len() == 1 && nres > 1 {
            // return f() with several results: spill into temporaries first.
            let call = self.expr(&es[0])?;
            let rtys: Vec<TypeId> = self
                .out
                .func(self.cur)
                .results
                .iter()
                .map(|v| self.out.vars[*v as usize].ty)
                .collect();
            let (mut stmts, rs) = self.results_to_temps(call, &rtys, pos);
            stmts.push(self.stmt(pos, StmtKind::Return(rs)));
            return Ok(stmts);
        }
        let mut rs = Vec::new();
        for e in es {
            rs.push(self.expr(e)?);
        }
        Ok(vec![self.stmt(pos, StmtKind::Return(rs))])
    }

    fn expr_stmt(&mut self, e: &ast::Expr) -> LResult<Stmt> {
        let x = self.expr(e)?;
        let pos = x.pos;
        Ok(match x.kind {
            ExprKind::Call { .. }
            | ExprKind::Recv(_)
            | ExprKind::Append { .. }
            | ExprKind::Copy { .. } => self.stmt(pos, StmtKind::Expr(x)),
            ExprKind::Builtin { which, args } => match which {
                crate::types::Builtin::Panic => {
                    let a = args.into_iter().next().expect("panic has one argument");
                    self.stmt(pos, StmtKind::Panic(a))
                }
                crate::types::Builtin::Recover => {
                    let x = self.node(pos, x.ty, ExprKind::Builtin { which, args });
                    self.stmt(pos, StmtKind::Expr(x))
                }
                _ => self.stmt(pos, StmtKind::BuiltinStmt { which, args }),
            },
            _ => self.stmt(pos, StmtKind::Expr(x)),
        })
    }

    /// `go f(x)` / `defer f(x)`: evaluate the operands now, call a wrapper closure later.
    fn go_defer(&mut self, pos: Pos, is_go: bool, call: &ast::Expr) -> LResult<Vec<Stmt>> {
        let c = self.expr(call)?;
        let mk = |l: &mut Self, e: Expr| {
            l.stmt(
                pos,
                if is_go {
                    StmtKind::Go(e)
                } else {
                    StmtKind::Defer(e)
                },
            )
        };
        // Already a call of a func value without parameters and results: keep it.
        if let ExprKind::Call { callee, args, .. } = &c.kind {
            let normal = match callee {
                Callee::Value(_) => self.no_results(&c),
                Callee::Func(f) => {
                    let sig = self.tt.funcs[*f as usize].sig;
                    matches!(&self.tt.types[self.underlying(sig) as usize],
                        Type::Func(s) if s.params.is_empty() && s.results.is_empty() && s.recv.is_none())
                }
                Callee::Interface { .. } => false,
            };
            if args.is_empty() && normal {
                return Ok(vec![mk(self, c)]);
            }
        }
        // Create the wrapper closure (a new function in the program).
        let outer = self.cur;
        let wid = self.new_wrapper(outer, pos, is_go);
        // Operands that must be evaluated now go to temporaries of the outer function.
        let call_expr = match c.kind {
            ExprKind::Builtin { which, args } => {
                let ty = c.ty;
                let mut e = self.node(c.pos, ty, ExprKind::Builtin { which, args });
                self.hoist_operands(&mut e, true);
                e
            }
            _ => {
                let mut e = c;
                self.hoist_operands(&mut e, true);
                e
            }
        };
        // The temporaries are captured by the wrapper.
        let mut captured = Vec::new();
        collect_names(&call_expr, &mut captured, &self.out);
        self.out.func_mut(wid).closure_vars = captured;
        let body_stmt = match call_expr.kind {
            ExprKind::Builtin {
                which: crate::types::Builtin::Panic,
                mut args,
            } => {
                let a = args.remove(0);
                self.stmt(pos, StmtKind::Panic(a))
            }
            ExprKind::Builtin { which, args }
                if !matches!(which, crate::types::Builtin::Recover) =>
            {
                self.stmt(pos, StmtKind::BuiltinStmt { which, args })
            }
            _ => self.stmt(pos, StmtKind::Expr(call_expr)),
        };
        self.out.func_mut(wid).body = vec![body_stmt];
        let sig = self.out.func(wid).sig;
        let clo = self.node(pos, sig, ExprKind::Closure(wid));
        self.out.func_mut(wid).closure_expr = Some(clo.id);
        let call = self.node(
            pos,
            0,
            ExprKind::Call {
                callee: Callee::Value(Box::new(clo)),
                args: vec![],
                ddd: false,
            },
        );
        Ok(vec![mk(self, call)])
    }

    fn no_results(&self, call: &Expr) -> bool {
        if let ExprKind::Call {
            callee: Callee::Value(v),
            ..
        } = &call.kind
        {
            if let Type::Func(sig) = &self.tt.types[self.underlying(v.ty) as usize] {
                return sig.params.is_empty() && sig.results.is_empty();
            }
        }
        false
    }

    fn new_wrapper(&mut self, outer: FuncId, pos: Pos, is_go: bool) -> FuncId {
        // Go numbers go/defer wrappers with their own counter, shared by `go` and `defer`.
        let o = self.out.func_mut(outer);
        o.gowrap_gen += 1;
        let name = format!(
            "{}.{}{}",
            o.name,
            if is_go { "gowrap" } else { "deferwrap" },
            o.gowrap_gen
        );
        let (pkg, is_user) = (o.pkg.clone(), o.is_user);
        let id = self.out.funcs.len() as FuncId;
        let sig = self.empty_sig();
        self.out.funcs.push(Some(Func {
            id,
            name,
            pkg,
            pos,
            sig,
            params: vec![],
            results: vec![],
            dcl: vec![],
            closure_vars: vec![],
            outer: Some(outer),
            closure_expr: None,
            wrapper: true,
            pragmas: vec![],
            body: vec![],
            has_body: true,
            extern_tags: None,
            is_user,
            closure_gen: 0,
            gowrap_gen: 0,
        }));
        id
    }

    fn empty_sig(&self) -> TypeId {
        let want = Type::Func(crate::types::Signature {
            recv: None,
            params: vec![],
            results: vec![],
            variadic: false,
        });
        self.tt.interned.get(&want).copied().unwrap_or(0)
    }

    /// Replaces the operands of a go/defer call that must be evaluated at the statement by
    /// temporaries, as `normalizeGoDeferCall` does.
    fn hoist_operands(&mut self, e: &mut Expr, top: bool) {
        let keep_inside = |e: &Expr| {
            matches!(
                e.kind,
                ExprKind::Literal { .. }
                    | ExprKind::Nil
                    | ExprKind::MethodExpr(_)
                    | ExprKind::New
                    | ExprKind::FuncName(_)
            )
        };
        if top {
            match &mut e.kind {
                ExprKind::Call { callee, args, .. } => {
                    match callee {
                        Callee::Func(_) => {}
                        Callee::Value(v) => {
                            if !keep_inside(v) {
                                let x = std::mem::replace(
                                    v.as_mut(),
                                    Expr {
                                        id: 0,
                                        pos: Pos::default(),
                                        ty: 0,
                                        kind: ExprKind::Nil,
                                    },
                                );
                                **v = self.spill_to_temp(x);
                            }
                        }
                        Callee::Interface { recv, .. } => {
                            let x = std::mem::replace(
                                recv.as_mut(),
                                Expr {
                                    id: 0,
                                    pos: Pos::default(),
                                    ty: 0,
                                    kind: ExprKind::Nil,
                                },
                            );
                            **recv = self.spill_to_temp(x);
                        }
                    }
                    for a in args.iter_mut() {
                        self.hoist_operands(a, false);
                    }
                }
                ExprKind::Builtin { args, .. } | ExprKind::Append { args, .. } => {
                    for a in args.iter_mut() {
                        self.hoist_operands(a, false);
                    }
                }
                ExprKind::Copy { dst, src } => {
                    self.hoist_operands(dst, false);
                    self.hoist_operands(src, false);
                }
                _ => {}
            }
            return;
        }
        if keep_inside(e) {
            return;
        }
        match &mut e.kind {
            ExprKind::ArrayLit { elems: es, .. } | ExprKind::SliceLit { elems: es, .. } => {
                for x in es.iter_mut() {
                    self.hoist_operands(x, false);
                }
            }
            ExprKind::StructLit(fs) => {
                for (_, x) in fs.iter_mut() {
                    self.hoist_operands(x, false);
                }
            }
            _ => {
                let x = std::mem::replace(
                    e,
                    Expr {
                        id: 0,
                        pos: Pos::default(),
                        ty: 0,
                        kind: ExprKind::Nil,
                    },
                );
                *e = self.spill_to_temp(x);
            }
        }
    }

    // ----- expressions -------------------------------------------------------------------

    fn expr(&mut self, e: &ast::Expr) -> LResult<Expr> {
        let x = self.expr_inner(e)?;
        Ok(match self.info().implicit_iface.get(&e.id) {
            Some(&iface) if !matches!(x.kind, ExprKind::Nil) && x.ty != iface => {
                // Positioned where the source expression is (for `string(b)`, its `(`).
                let pos = match &e.unparen().kind {
                    AK::Call { .. } => e.unparen().pos,
                    _ => x.pos,
                };
                self.node(
                    pos,
                    iface,
                    ExprKind::ConvIface {
                        x: Box::new(x),
                        implicit: true,
                    },
                )
            }
            _ => x,
        })
    }

    fn expr_inner(&mut self, e: &ast::Expr) -> LResult<Expr> {
        let info = self.info();
        let tv = info.types.get(&e.id).cloned();
        let ty = tv.as_ref().map(|t| t.ty).unwrap_or(0);
        // Constants are folded to their value, which is how the compiler prints them.
        if let Some(tv) = &tv {
            if tv.mode == Mode::Constant {
                if let Some(value) = &tv.value {
                    let pos = self.const_pos(e);
                    let value = value.clone();
                    return Ok(self.node(pos, ty, ExprKind::Literal { value, sym: None }));
                }
            }
        }
        let pos = e.pos;
        Ok(match &e.kind {
            AK::Paren(x) => return self.expr(x),
            AK::Name(n) => {
                if n == "_" {
                    return Ok(self.node(pos, ty, ExprKind::Blank));
                }
                let Some(&obj) = info.uses.get(&e.id) else {
                    return Err(self.err(pos, format!("gomem: internal: unresolved name {n}")));
                };
                self.obj_expr(obj, pos, ty)?
            }
            AK::BasicLit { .. } => {
                let value = tv
                    .and_then(|t| t.value)
                    .unwrap_or(crate::types::ConstValue::Int(0));
                self.node(pos, ty, ExprKind::Literal { value, sym: None })
            }
            AK::CompositeLit { elems, .. } => self.complit(e, ty, elems)?,
            AK::FuncLit { .. } => {
                let Some(&fid) = info.func_lits.get(&e.id) else {
                    return Err(
                        self.err(pos, "gomem: internal: function literal without a function")
                    );
                };
                self.closure(fid, e)?
            }
            AK::Selector { x, sel } => self.selector(e, x, sel, ty)?,
            AK::Index { x, index } => {
                let xt = self.underlying(self.ty_of(x));
                let xe = self.expr(x)?;
                let ie = self.expr(&index[0])?;
                match &self.tt.types[xt as usize] {
                    Type::Map { .. } => self.node(
                        pos,
                        ty,
                        ExprKind::IndexMap {
                            x: Box::new(xe),
                            key: Box::new(ie),
                        },
                    ),
                    Type::Pointer(_) => {
                        let et = self.deref_ty(xe.ty);
                        let d = self.node(
                            xe.pos,
                            et,
                            ExprKind::Deref {
                                x: Box::new(xe),
                                implicit: true,
                            },
                        );
                        self.node(
                            pos,
                            ty,
                            ExprKind::Index {
                                x: Box::new(d),
                                index: Box::new(ie),
                            },
                        )
                    }
                    _ => self.node(
                        pos,
                        ty,
                        ExprKind::Index {
                            x: Box::new(xe),
                            index: Box::new(ie),
                        },
                    ),
                }
            }
            AK::Slice { x, lo, hi, max } => {
                let xt = self.underlying(self.ty_of(x));
                let mut xe = self.expr(x)?;
                if let Type::Array { .. } = self.tt.types[xt as usize] {
                    let pt = self.pointer_to(xe.ty);
                    xe = self.node(
                        xe.pos,
                        pt,
                        ExprKind::Addr {
                            x: Box::new(xe),
                            implicit: true,
                        },
                    );
                }
                let lo = self.opt_expr(lo)?;
                let hi = self.opt_expr(hi)?;
                let max = self.opt_expr(max)?;
                self.node(
                    pos,
                    ty,
                    ExprKind::Slice {
                        x: Box::new(xe),
                        lo,
                        hi,
                        max,
                    },
                )
            }
            AK::TypeAssert { x, .. } => {
                let xe = self.expr(x)?;
                self.node(
                    pos,
                    ty,
                    ExprKind::DotType {
                        x: Box::new(xe),
                        comma_ok: false,
                    },
                )
            }
            AK::Call {
                func,
                args,
                ellipsis,
                ..
            } => self.call(e, func, args, *ellipsis, ty)?,
            AK::Star(x) => {
                let xe = self.expr(x)?;
                self.node(
                    pos,
                    ty,
                    ExprKind::Deref {
                        x: Box::new(xe),
                        implicit: false,
                    },
                )
            }
            AK::Unary { op, x } => match op {
                ast::UnaryOp::Addr => {
                    if let AK::CompositeLit { .. } = &x.unparen().kind {
                        let lit = self.expr(x)?;
                        self.node(pos, ty, ExprKind::PtrLit(Box::new(lit)))
                    } else {
                        let xe = self.expr(x)?;
                        self.node(
                            pos,
                            ty,
                            ExprKind::Addr {
                                x: Box::new(xe),
                                implicit: false,
                            },
                        )
                    }
                }
                ast::UnaryOp::Recv => {
                    let xe = self.expr(x)?;
                    self.node(pos, ty, ExprKind::Recv(Box::new(xe)))
                }
                _ => {
                    let xe = self.expr(x)?;
                    self.node(
                        pos,
                        ty,
                        ExprKind::Unary {
                            op: *op,
                            x: Box::new(xe),
                        },
                    )
                }
            },
            AK::Binary { op, x, y } => {
                let is_str = matches!(
                    self.tt.types[self.underlying(ty) as usize],
                    Type::Basic(crate::types::BasicKind::String)
                );
                let xe = self.expr(x)?;
                let ye = self.expr(y)?;
                if is_str && *op == ast::BinaryOp::Add {
                    // String concatenation chains become one OADDSTR, at the last `+`.
                    match xe.kind {
                        ExprKind::AddStr(mut list) => {
                            list.push(ye);
                            Expr {
                                id: xe.id,
                                pos,
                                ty,
                                kind: ExprKind::AddStr(list),
                            }
                        }
                        _ => self.node(pos, ty, ExprKind::AddStr(vec![xe, ye])),
                    }
                } else {
                    self.node(
                        pos,
                        ty,
                        ExprKind::Binary {
                            op: *op,
                            x: Box::new(xe),
                            y: Box::new(ye),
                        },
                    )
                }
            }
            AK::KeyValue { .. } => return Err(self.err(pos, "gomem: internal: stray key:value")),
            _ => return Err(self.err(pos, "gomem: internal: type used as expression")),
        })
    }

    /// Go reports a folded constant at the position of the expression that produced it;
    /// for a conversion `T(c)` that is the operand.
    fn const_pos(&self, e: &ast::Expr) -> Pos {
        match &e.unparen().kind {
            AK::Call { args, .. } if args.len() == 1 => {
                if let Some(CallKind::Conversion(_)) = self.info().calls.get(&e.unparen().id) {
                    return self.const_pos(&args[0]);
                }
                e.unparen().pos
            }
            _ => e.unparen().pos,
        }
    }

    fn opt_expr(&mut self, e: &Option<Box<ast::Expr>>) -> LResult<Option<Box<Expr>>> {
        Ok(match e {
            Some(e) => Some(Box::new(self.expr(e)?)),
            None => None,
        })
    }

    fn obj_expr(&mut self, obj: crate::types::ObjId, pos: Pos, ty: TypeId) -> LResult<Expr> {
        let o = &self.tt.objects[obj as usize];
        Ok(match &o.kind {
            ObjKind::Var(k) => {
                let class = match k {
                    VarKind::Global => VarClass::Global,
                    VarKind::Param => VarClass::Param,
                    VarKind::Result => VarClass::ParamOut,
                    _ => VarClass::Auto,
                };
                let v = match self.obj_var.get(&obj) {
                    Some(&v) => v,
                    None => self.var_for(obj, class, self.cur),
                };
                if class == VarClass::Global {
                    self.node(pos, ty, ExprKind::Global(v))
                } else {
                    self.node(pos, ty, ExprKind::Name(v))
                }
            }
            ObjKind::Func(f) => self.node(pos, ty, ExprKind::FuncName(*f)),
            ObjKind::Nil => self.node(pos, ty, ExprKind::Nil),
            ObjKind::Const(v) => {
                let value = v.clone();
                self.node(
                    pos,
                    ty,
                    ExprKind::Literal {
                        value,
                        sym: Some(o.name.clone()),
                    },
                )
            }
            _ => return Err(self.err(pos, format!("gomem: internal: {} is not a value", o.name))),
        })
    }

    fn deref_ty(&self, t: TypeId) -> TypeId {
        match &self.tt.types[self.underlying(t) as usize] {
            Type::Pointer(e) => *e,
            _ => t,
        }
    }

    fn pointer_to(&self, t: TypeId) -> TypeId {
        self.tt
            .interned
            .get(&Type::Pointer(t))
            .copied()
            .unwrap_or(0)
    }

    fn closure(&mut self, fid: FuncId, e: &ast::Expr) -> LResult<Expr> {
        let AK::FuncLit { body, .. } = &e.kind else {
            unreachable!("closure() on a non-literal")
        };
        let outer = self.cur;
        let o = self.out.func_mut(outer);
        o.closure_gen += 1;
        // Closures of a declared function are `f.func1`; closures nested in closures `f.func1.1`.
        let name = if o.outer.is_none() {
            format!("{}.func{}", o.name, o.closure_gen)
        } else {
            format!("{}.{}", o.name, o.closure_gen)
        };
        self.new_func(fid, name, Some(outer))?;
        let ty = self.ty_of(e);
        let clo = self.node(e.pos, ty, ExprKind::Closure(fid));
        self.out.func_mut(fid).closure_expr = Some(clo.id);
        let saved_cur = std::mem::replace(&mut self.cur, fid);
        let saved_pre = std::mem::take(&mut self.pre);
        let b = self.block(&body.stmts);
        self.cur = saved_cur;
        self.pre = saved_pre;
        self.out.func_mut(fid).body = b?;
        Ok(clo)
    }

    /// Applies a path of embedded-field indices to `x`, then an implicit `&` or `*`.
    fn receiver(&mut self, mut x: Expr, path: &[usize], addr: bool, deref: bool) -> Expr {
        for &i in path {
            let (is_ptr, st) = match &self.tt.types[self.underlying(x.ty) as usize] {
                Type::Pointer(p) => (true, self.underlying(*p)),
                _ => (false, self.underlying(x.ty)),
            };
            let Type::Struct(fields) = &self.tt.types[st as usize] else {
                break;
            };
            let Some(f) = fields.get(i) else { break };
            let (name, fty) = (f.name.clone(), f.ty);
            let pos = x.pos;
            x = if is_ptr {
                self.node(
                    pos,
                    fty,
                    ExprKind::DotPtr {
                        x: Box::new(x),
                        field: name,
                    },
                )
            } else {
                self.node(
                    pos,
                    fty,
                    ExprKind::Dot {
                        x: Box::new(x),
                        field: name,
                    },
                )
            };
        }
        if addr {
            let pt = self.pointer_to(x.ty);
            let pos = x.pos;
            x = self.node(
                pos,
                pt,
                ExprKind::Addr {
                    x: Box::new(x),
                    implicit: true,
                },
            );
        } else if deref {
            let et = self.deref_ty(x.ty);
            let pos = x.pos;
            x = self.node(
                pos,
                et,
                ExprKind::Deref {
                    x: Box::new(x),
                    implicit: true,
                },
            );
        }
        x
    }

    fn selector(
        &mut self,
        e: &ast::Expr,
        x: &ast::Expr,
        sel: &ast::Ident,
        ty: TypeId,
    ) -> LResult<Expr> {
        let pos = e.pos;
        let Some(s) = self.info().selections.get(&e.id).cloned() else {
            return Err(self.err(
                pos,
                format!("gomem: internal: unresolved selector {}", sel.name),
            ));
        };
        Ok(match s {
            Selection::Qualified(obj) => {
                let mut ex = self.obj_expr(obj, pos, ty)?;
                ex.pos = pos;
                ex
            }
            Selection::Field { path, .. } => {
                let xe = self.expr(x)?;
                let (last, init) = path.split_last().expect("field path is not empty");
                let base = self.receiver(xe, init, false, false);
                let mut r = self.receiver(base, std::slice::from_ref(last), false, false);
                r.pos = pos;
                r
            }
            Selection::Method {
                func,
                path,
                recv_addr,
                recv_deref,
            } => {
                let xe = self.expr(x)?;
                let recv = self.receiver(xe, &path, recv_addr, recv_deref);
                self.node(
                    pos,
                    ty,
                    ExprKind::MethodValue {
                        x: Box::new(recv),
                        method: Some(func),
                        name: sel.name.clone(),
                    },
                )
            }
            Selection::InterfaceMethod { name } => {
                let xe = self.expr(x)?;
                self.node(
                    pos,
                    ty,
                    ExprKind::MethodValue {
                        x: Box::new(xe),
                        method: None,
                        name,
                    },
                )
            }
            Selection::MethodExpr { func } => self.node(pos, ty, ExprKind::MethodExpr(func)),
        })
    }

    fn complit(&mut self, e: &ast::Expr, ty: TypeId, elems: &[ast::Expr]) -> LResult<Expr> {
        let pos = e.pos;
        // An elided `&T` inside another literal: `[]*P{{1, 2}}`.
        if let Type::Pointer(inner) = self.tt.types[self.underlying(ty) as usize].clone() {
            let lit = self.complit_of(pos, inner, elems)?;
            return Ok(self.node(pos, ty, ExprKind::PtrLit(Box::new(lit))));
        }
        self.complit_of(pos, ty, elems)
    }

    fn complit_of(&mut self, pos: Pos, ty: TypeId, elems: &[ast::Expr]) -> LResult<Expr> {
        let u = self.underlying(ty);
        let values = |l: &mut Self| -> LResult<Vec<(Option<&ast::Expr>, Expr)>> {
            let mut v = Vec::new();
            for el in elems {
                match &el.kind {
                    AK::KeyValue { key, value } => v.push((Some(key.as_ref()), l.expr(value)?)),
                    _ => v.push((None, l.expr(el)?)),
                }
            }
            Ok(v)
        };
        Ok(match self.tt.types[u as usize].clone() {
            Type::Struct(fields) => {
                let vs = values(self)?;
                let mut out = Vec::new();
                for (i, (k, v)) in vs.into_iter().enumerate() {
                    let name = match k {
                        Some(ast::Expr {
                            kind: AK::Name(n), ..
                        }) => n.clone(),
                        _ => fields.get(i).map(|f| f.name.clone()).unwrap_or_default(),
                    };
                    out.push((name, v));
                }
                self.node(pos, ty, ExprKind::StructLit(out))
            }
            Type::Array { .. } => {
                let (index, _) = self.literal_index(elems);
                let elems = values(self)?.into_iter().map(|(_, v)| v).collect();
                self.node(pos, ty, ExprKind::ArrayLit { elems, index })
            }
            Type::Slice(_) => {
                let (index, len) = self.literal_index(elems);
                let elems = values(self)?.into_iter().map(|(_, v)| v).collect();
                self.node(
                    pos,
                    ty,
                    ExprKind::SliceLit {
                        elems,
                        index,
                        len,
                        implicit: false,
                    },
                )
            }
            Type::Map { .. } => {
                let mut kvs = Vec::new();
                for el in elems {
                    if let AK::KeyValue { key, value } = &el.kind {
                        let k = self.expr(key)?;
                        let v = self.expr(value)?;
                        kvs.push((k, v));
                    }
                }
                self.node(pos, ty, ExprKind::MapLit(kvs))
            }
            _ => {
                return Err(self.err(
                    pos,
                    "gomem: internal: composite literal of a non-composite type",
                ))
            }
        })
    }

    /// The array index of each element of an array or slice literal, as Go assigns them: a
    /// key (a constant the checker has evaluated) sets the index, and an element without one
    /// takes the index after the previous element. Returns the indices (empty when no element
    /// is keyed, see [`ExprKind::ArrayLit`]) and the length the literal needs (the largest
    /// index plus one).
    fn literal_index(&self, elems: &[ast::Expr]) -> (Vec<u64>, u64) {
        let mut index = Vec::with_capacity(elems.len());
        let (mut next, mut len, mut keyed) = (0u64, 0u64, false);
        for el in elems {
            if let AK::KeyValue { key, .. } = &el.kind {
                if let Some(crate::types::ConstValue::Int(k)) =
                    self.info().types.get(&key.id).and_then(|t| t.value.clone())
                {
                    next = u64::try_from(k).unwrap_or(0);
                    keyed = true;
                }
            }
            index.push(next);
            next += 1;
            len = len.max(next);
        }
        if !keyed {
            index.clear();
        }
        (index, len)
    }

    fn args(&mut self, args: &[ast::Expr]) -> LResult<Vec<Expr>> {
        // f(g()) where g returns several values: spill them into temporaries.
        if args.len() == 1 {
            if let Some(tv) = self.info().types.get(&args[0].id) {
                if let Type::Tuple(ts) = self.tt.types[tv.ty as usize].clone() {
                    let call = self.expr(&args[0])?;
                    let pos = call.pos;
                    let (stmts, names) = self.results_to_temps(call, &ts, pos);
                    self.pre.extend(stmts);
                    return Ok(names);
                }
            }
        }
        let mut v = Vec::new();
        for a in args {
            v.push(self.expr(a)?);
        }
        Ok(v)
    }

    /// Packs trailing arguments of a variadic call into the implicit `... argument` slice.
    fn pack_variadic(
        &mut self,
        call_pos: Pos,
        sig_ty: TypeId,
        mut args: Vec<Expr>,
        ddd: bool,
    ) -> (Vec<Expr>, bool) {
        let Type::Func(sig) = self.tt.types[self.underlying(sig_ty) as usize].clone() else {
            return (args, ddd);
        };
        if !sig.variadic || ddd {
            return (args, ddd);
        }
        let fixed = sig.params.len() - 1;
        let slice_ty = *sig
            .params
            .last()
            .expect("variadic signature has a parameter");
        let rest: Vec<Expr> = if args.len() > fixed {
            args.split_off(fixed)
        } else {
            vec![]
        };
        if rest.is_empty() {
            let n = self.node(call_pos, slice_ty, ExprKind::Nil);
            args.push(n);
        } else {
            let len = rest.len() as u64;
            let lit = self.node(
                call_pos,
                slice_ty,
                ExprKind::SliceLit {
                    elems: rest,
                    index: Vec::new(),
                    len,
                    implicit: true,
                },
            );
            args.push(lit);
        }
        (args, true)
    }

    fn call(
        &mut self,
        e: &ast::Expr,
        func: &ast::Expr,
        args: &[ast::Expr],
        ellipsis: bool,
        ty: TypeId,
    ) -> LResult<Expr> {
        let pos = e.pos;
        let Some(kind) = self.info().calls.get(&e.id).cloned() else {
            return Err(self.err(pos, "gomem: internal: unclassified call"));
        };
        use crate::types::Builtin as B;
        Ok(match kind {
            CallKind::Conversion(to) => self.conversion(to, &args[0], ty)?,
            CallKind::Builtin(b) => match b {
                B::Append => {
                    let a = self.args(args)?;
                    self.node(
                        pos,
                        ty,
                        ExprKind::Append {
                            args: a,
                            ddd: ellipsis,
                        },
                    )
                }
                B::Copy => {
                    let mut a = self.args(args)?;
                    let src = a.pop().expect("copy has two arguments");
                    let dst = a.pop().expect("copy has two arguments");
                    self.node(
                        pos,
                        ty,
                        ExprKind::Copy {
                            dst: Box::new(dst),
                            src: Box::new(src),
                        },
                    )
                }
                B::New => {
                    let arg = &args[0];
                    let is_type = matches!(
                        self.info().types.get(&arg.id).map(|t| t.mode),
                        Some(Mode::Type)
                    );
                    if is_type {
                        self.node(pos, ty, ExprKind::New)
                    } else {
                        // Go 1.26 new(expr): a temporary initialised with expr, then &tmp.
                        let v = self.expr(arg)?;
                        let et = self.deref_ty(ty);
                        let mut v = v;
                        v.ty = et;
                        let tmp = self.spill_to_temp_at(v, pos);
                        self.node(
                            pos,
                            ty,
                            ExprKind::Addr {
                                x: Box::new(tmp),
                                implicit: true,
                            },
                        )
                    }
                }
                B::Make => {
                    let u = self.underlying(ty);
                    let rest = self.args(&args[1..])?;
                    let mut it = rest.into_iter();
                    match &self.tt.types[u as usize] {
                        Type::Slice(_) => {
                            let len = it
                                .next()
                                .map(Box::new)
                                .unwrap_or_else(|| Box::new(self.node(pos, 0, ExprKind::Nil)));
                            let cap = it.next().map(Box::new);
                            self.node(pos, ty, ExprKind::MakeSlice { len, cap })
                        }
                        Type::Map { .. } => {
                            let hint = it.next().map(Box::new);
                            self.node(pos, ty, ExprKind::MakeMap { hint })
                        }
                        _ => {
                            let size = it.next().map(Box::new);
                            self.node(pos, ty, ExprKind::MakeChan { size })
                        }
                    }
                }
                _ => {
                    let a = self.args(args)?;
                    self.node(pos, ty, ExprKind::Builtin { which: b, args: a })
                }
            },
            CallKind::Static(f) => {
                let a = self.args(args)?;
                let sig = self.tt.funcs[f as usize].sig;
                let (a, ddd) = self.pack_variadic(pos, sig, a, ellipsis);
                self.node(
                    pos,
                    ty,
                    ExprKind::Call {
                        callee: Callee::Func(f),
                        args: a,
                        ddd,
                    },
                )
            }
            CallKind::Method {
                func: f,
                path,
                recv_addr,
                recv_deref,
            } => {
                let AK::Selector { x, .. } = &func.unparen().kind else {
                    return Err(self.err(pos, "gomem: internal: method call without selector"));
                };
                let xe = self.expr(x)?;
                let recv = self.receiver(xe, &path, recv_addr, recv_deref);
                let a = self.args(args)?;
                let sig = self.tt.funcs[f as usize].sig;
                let (a, ddd) = self.pack_variadic(pos, sig, a, ellipsis);
                let mut all = vec![recv];
                all.extend(a);
                self.node(
                    pos,
                    ty,
                    ExprKind::Call {
                        callee: Callee::Func(f),
                        args: all,
                        ddd,
                    },
                )
            }
            CallKind::Interface { method } => {
                let AK::Selector { x, .. } = &func.unparen().kind else {
                    return Err(self.err(pos, "gomem: internal: interface call without selector"));
                };
                let mut recv = self.expr(x)?;
                // The interface value is needed twice (method table and data word), so a
                // receiver computed by a call is evaluated into a temporary first.
                if contains_call(x) {
                    recv = self.init_temp(recv);
                }
                let a = self.args(args)?;
                let fty = self.ty_of(func);
                let (a, ddd) = self.pack_variadic(pos, fty, a, ellipsis);
                self.node(
                    pos,
                    ty,
                    ExprKind::Call {
                        callee: Callee::Interface {
                            recv: Box::new(recv),
                            method,
                        },
                        args: a,
                        ddd,
                    },
                )
            }
            CallKind::Dynamic => {
                let mut fv = self.expr(func)?;
                // A callee computed by a call (`f().g()`) is evaluated into a temporary first.
                // (A call's result called directly, `f()()`, is not: the inliner may inline
                // both calls.)
                if !matches!(func.unparen().kind, AK::Name(_)) && contains_call(func) {
                    fv = self.init_temp(fv);
                }
                let a = self.args(args)?;
                let (a, ddd) = self.pack_variadic(pos, fv.ty, a, ellipsis);
                self.node(
                    pos,
                    ty,
                    ExprKind::Call {
                        callee: Callee::Value(Box::new(fv)),
                        args: a,
                        ddd,
                    },
                )
            }
        })
    }

    fn conversion(&mut self, to: TypeId, arg: &ast::Expr, ty: TypeId) -> LResult<Expr> {
        use crate::types::BasicKind as BK;
        let x = self.expr(arg)?;
        let pos = x.pos;
        let from_u = self.tt.types[self.underlying(x.ty) as usize].clone();
        let to_u = self.tt.types[self.underlying(to) as usize].clone();
        let is_byte_slice = |t: &Type, l: &Self| matches!(t, Type::Slice(e) if matches!(l.tt.types[l.underlying(*e) as usize], Type::Basic(BK::Uint8)));
        let is_rune_slice = |t: &Type, l: &Self| matches!(t, Type::Slice(e) if matches!(l.tt.types[l.underlying(*e) as usize], Type::Basic(BK::Int32)));
        let is_string = |t: &Type| matches!(t, Type::Basic(BK::String | BK::UntypedString));
        let is_int = |t: &Type| {
            matches!(
                t,
                Type::Basic(
                    BK::Int
                        | BK::Int8
                        | BK::Int16
                        | BK::Int32
                        | BK::Int64
                        | BK::Uint
                        | BK::Uint8
                        | BK::Uint16
                        | BK::Uint32
                        | BK::Uint64
                        | BK::Uintptr
                        | BK::UntypedInt
                        | BK::UntypedRune
                )
            )
        };
        let b = Box::new(x);
        let kind = if matches!(to_u, Type::Interface(_)) {
            ExprKind::ConvIface {
                x: b,
                implicit: false,
            }
        } else if is_string(&to_u) && is_byte_slice(&from_u, self) {
            ExprKind::Bytes2Str(b)
        } else if is_string(&to_u) && is_rune_slice(&from_u, self) {
            ExprKind::Runes2Str(b)
        } else if is_byte_slice(&to_u, self) && is_string(&from_u) {
            ExprKind::Str2Bytes(b)
        } else if is_rune_slice(&to_u, self) && is_string(&from_u) {
            ExprKind::Str2Runes(b)
        } else if is_string(&to_u) && is_int(&from_u) {
            ExprKind::RuneStr(b)
        } else {
            ExprKind::Conv {
                x: b,
                implicit: false,
            }
        };
        Ok(self.node(pos, ty, kind))
    }
}

fn short_pkg(p: &str) -> &str {
    p.rsplit('/').next().unwrap_or(p)
}

/// Does `e` name the variable `obj` (possibly through field selections / array indexing)?
fn refers_to(info: &FileInfo, e: &ast::Expr, obj: crate::types::ObjId) -> bool {
    match &e.unparen().kind {
        AK::Name(_) => info.uses.get(&e.unparen().id) == Some(&obj),
        AK::Selector { x, .. } => {
            matches!(
                info.selections.get(&e.unparen().id),
                Some(Selection::Field {
                    indirect: false,
                    ..
                })
            ) && refers_to(info, x, obj)
        }
        AK::Index { x, .. } => refers_to(info, x, obj),
        _ => false,
    }
}

/// Collects the local variables (temporaries) an expression refers to, in first-use order.
fn collect_names(e: &Expr, out: &mut Vec<VarId>, prog: &Program) {
    if let ExprKind::Name(v) = e.kind {
        if !out.contains(&v) && prog.var(v).class != VarClass::Global {
            out.push(v);
        }
    }
    e.for_each_child(&mut |c| collect_names(c, out, prog));
}

/// Visits every expression in a statement, telling whether it is inside a function literal.
fn visit_exprs(s: &ast::Stmt, f: &mut dyn FnMut(&ast::Expr, bool)) {
    walk_stmt(s, f, false)
}

fn visit_names(s: &ast::Stmt, f: &mut dyn FnMut(&ast::Expr)) {
    walk_stmt(s, &mut |e, _| f(e), false)
}

fn walk_stmt(s: &ast::Stmt, f: &mut dyn FnMut(&ast::Expr, bool), inc: bool) {
    let ex = |e: &ast::Expr, f: &mut dyn FnMut(&ast::Expr, bool)| walk_expr(e, f, inc);
    match &s.kind {
        SK::Empty | SK::Branch { .. } | SK::Select | SK::Const(_) | SK::Type(_) => {}
        SK::Block(b) => b.stmts.iter().for_each(|s| walk_stmt(s, f, inc)),
        SK::Expr(e) | SK::Go(e) | SK::Defer(e) => ex(e, f),
        SK::Send { ch, value } => {
            ex(ch, f);
            ex(value, f)
        }
        SK::IncDec { x, .. } => ex(x, f),
        SK::Assign { lhs, rhs, .. } => lhs.iter().chain(rhs).for_each(|e| ex(e, f)),
        SK::Return(es) => es.iter().for_each(|e| ex(e, f)),
        SK::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(i) = init {
                walk_stmt(i, f, inc)
            }
            ex(cond, f);
            then.stmts.iter().for_each(|s| walk_stmt(s, f, inc));
            if let Some(e) = els {
                walk_stmt(e, f, inc)
            }
        }
        SK::Switch {
            init, tag, body, ..
        } => {
            if let Some(i) = init {
                walk_stmt(i, f, inc)
            }
            if let Some(t) = tag {
                ex(t, f)
            }
            for c in body {
                c.exprs.iter().for_each(|e| ex(e, f));
                c.body.iter().for_each(|s| walk_stmt(s, f, inc));
            }
        }
        SK::TypeSwitch { init, x, body, .. } => {
            if let Some(i) = init {
                walk_stmt(i, f, inc)
            }
            ex(x, f);
            for c in body {
                c.body.iter().for_each(|s| walk_stmt(s, f, inc));
            }
        }
        SK::For {
            init,
            cond,
            post,
            body,
        } => {
            for s in [init, post].into_iter().flatten() {
                walk_stmt(s, f, inc)
            }
            if let Some(c) = cond {
                ex(c, f)
            }
            body.stmts.iter().for_each(|s| walk_stmt(s, f, inc));
        }
        SK::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            for e in [key, value].into_iter().flatten() {
                ex(e, f)
            }
            ex(x, f);
            body.stmts.iter().for_each(|s| walk_stmt(s, f, inc));
        }
        SK::Labeled { stmt, .. } => walk_stmt(stmt, f, inc),
        SK::Var(specs) => specs.iter().flat_map(|s| &s.values).for_each(|e| ex(e, f)),
    }
}

fn walk_expr(e: &ast::Expr, f: &mut dyn FnMut(&ast::Expr, bool), inc: bool) {
    f(e, inc);
    let w = |x: &ast::Expr, f: &mut dyn FnMut(&ast::Expr, bool)| walk_expr(x, f, inc);
    match &e.kind {
        AK::Name(_) | AK::BasicLit { .. } | AK::Ellipsis => {}
        AK::CompositeLit { elems, .. } => elems.iter().for_each(|x| w(x, f)),
        AK::KeyValue { key, value } => {
            w(key, f);
            w(value, f)
        }
        AK::FuncLit { body, .. } => body.stmts.iter().for_each(|s| walk_stmt(s, f, true)),
        AK::Paren(x)
        | AK::Star(x)
        | AK::Unary { x, .. }
        | AK::Selector { x, .. }
        | AK::TypeAssert { x, .. } => w(x, f),
        AK::Index { x, index } => {
            w(x, f);
            index.iter().for_each(|i| w(i, f))
        }
        AK::Slice { x, lo, hi, max } => {
            w(x, f);
            for i in [lo, hi, max].into_iter().flatten() {
                w(i, f)
            }
        }
        AK::Call { func, args, .. } => {
            w(func, f);
            args.iter().for_each(|a| w(a, f))
        }
        AK::Binary { x, y, .. } => {
            w(x, f);
            w(y, f)
        }
        _ => {}
    }
}

/// Can the linker lay this initialiser out statically (no code in `init`)?
fn is_static(prog: &Program, tt: &TypeTable, e: &Expr) -> bool {
    match &e.kind {
        // The static initialiser evaluates small standard-library constructors of constants
        // (`var ErrNotFound = errors.New("not found")`).
        ExprKind::Call {
            callee: Callee::Func(f),
            args,
            ..
        } => {
            let info = &tt.funcs[*f as usize];
            info.pkg != "main"
                && info.pragmas.iter().any(|p| p == "gomem:inline")
                && args
                    .iter()
                    .all(|a| matches!(a.kind, ExprKind::Literal { .. }))
        }
        ExprKind::Literal { .. } | ExprKind::Nil | ExprKind::FuncName(_) => true,
        ExprKind::Closure(f) => prog.func(*f).closure_vars.is_empty(),
        ExprKind::StructLit(fs) => fs.iter().all(|(_, x)| is_static(prog, tt, x)),
        ExprKind::ArrayLit { elems, .. } => elems.iter().all(|x| is_static(prog, tt, x)),
        ExprKind::SliceLit {
            elems,
            implicit: false,
            ..
        } => elems.iter().all(|x| is_static(prog, tt, x)),
        ExprKind::PtrLit(x) => is_static(prog, tt, x),
        ExprKind::Addr { x, .. } => matches!(x.kind, ExprKind::Global(_)),
        ExprKind::ConvIface { x, .. } | ExprKind::Conv { x, .. } => {
            matches!(x.kind, ExprKind::Literal { .. } | ExprKind::Nil)
        }
        _ => false,
    }
}

fn collect_closures(e: &Expr, out: &mut Vec<FuncId>) {
    if let ExprKind::Closure(f) = e.kind {
        out.push(f);
    }
    e.for_each_child(&mut |c| collect_closures(c, out));
}

/// Names of the methods of `t` and of the types embedded in it (depth-limited).
fn collect_method_names(
    tt: &TypeTable,
    t: crate::types::TypeId,
    out: &mut Vec<String>,
    depth: u32,
) {
    if depth > 4 {
        return;
    }
    let named = match tt.get(t) {
        Type::Pointer(e) => *e,
        _ => t,
    };
    for &m in tt.methods_of(named) {
        out.push(tt.func_short_name(m).to_string());
    }
    if let Type::Struct(fields) = tt.under(named) {
        for f in fields.iter().filter(|f| f.embedded) {
            collect_method_names(tt, f.ty, out, depth + 1);
        }
    }
}

/// Does the expression contain a call (other than a conversion)?
fn contains_call(e: &ast::Expr) -> bool {
    let mut found = false;
    walk_expr(
        e,
        &mut |x, _| {
            if matches!(x.kind, AK::Call { .. }) {
                found = true;
            }
        },
        false,
    );
    found
}
