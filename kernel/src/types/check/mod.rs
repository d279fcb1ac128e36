//! The type checker: names → objects, expressions → types, calls → call kinds.
//!
//! Checking a program happens package by package, in dependency order: first the standard
//! library packages the user's file imports (written in Go in `kernel/stdlib/`, see
//! [`super::stdlib`]), then the user's `main` package. Each package is one file. For a package:
//!
//! 1. **collect** ([`decl`]): every package-level name gets an [`Object`] right away (defined
//!    types get their [`Type::Named`] id, functions their [`FuncInfo`]), and methods are attached
//!    to their receiver's type, so declarations can refer to each other in any order;
//! 2. **resolve**: types, function signatures, constants and variables are resolved lazily — a
//!    name whose declaration is still pending is resolved on first use. An object that is met
//!    again while it is being resolved is a cycle (`invalid recursive type`, `initialization
//!    cycle`);
//! 3. **bodies** ([`stmt`], [`expr`], [`call`]): function bodies in source order, with a stack of
//!    block scopes. Function literals are checked in place; they get their own [`FuncInfo`]
//!    named like Go names closures (`main.func1`, `main.func1.1`) and remember which variables
//!    of enclosing functions they capture.
//!
//! Errors are collected, not thrown: the checker keeps going after an error (an invalid operand
//! has type [`INVALID`] and silences follow-up errors), then sorts the messages by position and
//! keeps the first ten, as the go command does.

mod call;
mod consts;
mod decl;
mod expr;
mod stmt;

use std::collections::{HashMap, HashSet};

use super::table::*;
use crate::diag::{Diagnostic, Diagnostics};
use crate::syntax::ast::{self, Expr};
use crate::syntax::Pos;

/// A checked program: the standard-library prelude files followed by the user's file(s).
#[derive(Clone, Debug)]
pub struct Program {
    pub files: Vec<ast::File>,
    pub infos: Vec<FileInfo>,
    pub table: TypeTable,
    /// Index in `files` of the user's (first) file.
    pub user_file: usize,
}

impl Program {
    /// The package path of each file, in the order of [`Program::files`].
    pub fn package_of(&self, file: usize) -> String {
        if file == self.user_file {
            return "main".into();
        }
        let name = self.files.get(file).map_or("", |f| f.name.as_str());
        super::stdlib::package_path_of_file(name)
            .unwrap_or("main")
            .to_string()
    }
}

/// Checks a parsed user file together with the standard-library packages it imports.
pub fn check_program(file: ast::File) -> Result<Program, Diagnostics> {
    let (mut files, mut paths) = super::stdlib::load_imports(&file)?;
    files.push(file);
    paths.push("main".to_string());
    let user_file = files.len() - 1;
    let (table, infos, diags) = {
        let mut c = Checker::new(&files);
        for (i, path) in paths.iter().enumerate() {
            for (line, ds) in super::stdlib::source_of(path)
                .map(super::stdlib::gomem_directives)
                .unwrap_or_default()
            {
                c.directives.insert((i, line), ds);
            }
        }
        for (i, path) in paths.iter().enumerate() {
            c.check_package(i, path);
        }
        (c.table, c.infos, c.diags)
    };
    if !diags.is_empty() {
        return Err(finish_diags(diags));
    }
    Ok(Program {
        files,
        infos,
        table,
        user_file,
    })
}

/// Sorts diagnostics by position and truncates them after ten, as the go command does.
fn finish_diags(mut diags: Vec<Diagnostic>) -> Diagnostics {
    diags.sort_by(|a, b| (&a.file, a.pos).cmp(&(&b.file, b.pos)));
    diags.dedup();
    if diags.len() > 10 {
        let d = &diags[10];
        let extra = Diagnostic::new(d.file.clone(), diags[9].pos, "too many errors");
        diags.truncate(10);
        diags.push(extra);
    }
    Diagnostics(diags)
}

/// A value-producing expression, as the checker sees it while checking.
#[derive(Clone, Debug)]
pub(crate) struct Operand {
    pub mode: Mode,
    pub ty: TypeId,
    pub val: Option<ConstValue>,
}

impl Operand {
    fn invalid() -> Operand {
        Operand {
            mode: Mode::Value,
            ty: INVALID,
            val: None,
        }
    }
    fn value(ty: TypeId) -> Operand {
        Operand {
            mode: Mode::Value,
            ty,
            val: None,
        }
    }
    fn is_invalid(&self) -> bool {
        self.ty == INVALID
            && !matches!(
                self.mode,
                Mode::NoValue | Mode::Builtin | Mode::Package | Mode::Type
            )
    }
}

/// A package-level declaration not yet resolved.
#[derive(Clone, Copy)]
enum Pending<'a> {
    Const {
        spec: &'a ast::ValueSpec,
        idx: usize,
    },
    Var {
        spec: &'a ast::ValueSpec,
        idx: usize,
    },
    Type {
        spec: &'a ast::TypeSpec,
    },
    Func {
        decl: &'a ast::FuncDecl,
        fid: FuncId,
    },
}

/// The function whose body is being checked.
struct FuncCtx {
    func: FuncId,
    results: Vec<TypeId>,
    named_results: bool,
    /// Number of function literals met so far directly inside this function.
    lits: u32,
    /// Labels declared in the body: name, position, used by a branch.
    labels: Vec<(String, Pos, bool)>,
}

/// A statement that `break`/`continue` may target.
struct Target {
    label: Option<String>,
    is_loop: bool,
}

/// An import of the current file.
struct ImportUse {
    obj: ObjId,
    path: String,
    alias: Option<String>,
    pos: Pos,
}

pub(crate) struct Checker<'a> {
    files: &'a [ast::File],
    pub table: TypeTable,
    pub infos: Vec<FileInfo>,
    pub diags: Vec<Diagnostic>,
    cur: usize,
    pkg: String,
    universe: HashMap<String, ObjId>,
    /// Package path → its package-level scope.
    packages: HashMap<String, HashMap<String, ObjId>>,
    imports: Vec<ImportUse>,
    scopes: Vec<HashMap<String, ObjId>>,
    used: HashSet<ObjId>,
    pending: HashMap<ObjId, Pending<'a>>,
    resolving: Vec<ObjId>,
    funcs: Vec<FuncCtx>,
    targets: Vec<Target>,
    /// Counter of function literals in package-level initializers (`glob..func1`).
    glob_lits: u32,
    /// The value of `iota` while checking a constant declaration.
    iota: Option<i128>,
    /// `//gomem:` directives of prelude functions, by (file, line of `func`).
    directives: HashMap<(usize, u32), Vec<String>>,
    /// Defined types found to contain themselves.
    cyclic: HashSet<TypeId>,
}

impl<'a> Checker<'a> {
    fn new(files: &'a [ast::File]) -> Checker<'a> {
        let mut c = Checker {
            files,
            table: TypeTable::new(),
            infos: vec![FileInfo::default(); files.len()],
            diags: Vec::new(),
            cur: 0,
            pkg: String::new(),
            universe: HashMap::new(),
            packages: HashMap::new(),
            imports: Vec::new(),
            scopes: Vec::new(),
            used: HashSet::new(),
            pending: HashMap::new(),
            resolving: Vec::new(),
            funcs: Vec::new(),
            targets: Vec::new(),
            glob_lits: 0,
            iota: None,
            directives: HashMap::new(),
            cyclic: HashSet::new(),
        };
        c.init_universe();
        c
    }

    fn init_universe(&mut self) {
        let basics = [
            ("bool", BOOL),
            ("int", INT),
            ("int8", INT8),
            ("int16", INT16),
            ("int32", INT32),
            ("int64", INT64),
            ("uint", UINT),
            ("uint8", UINT8),
            ("uint16", UINT16),
            ("uint32", UINT32),
            ("uint64", UINT64),
            ("uintptr", UINTPTR),
            ("float32", FLOAT32),
            ("float64", FLOAT64),
            ("complex64", COMPLEX64),
            ("complex128", COMPLEX128),
            ("string", STRING),
            ("any", ANY),
            ("byte", BYTE),
            ("rune", RUNE),
            ("error", ERROR),
        ];
        for (name, ty) in basics {
            self.universe_obj(name, ty, ObjKind::TypeName);
        }
        self.universe_obj("true", UNTYPED_BOOL, ObjKind::Const(ConstValue::Bool(true)));
        self.universe_obj(
            "false",
            UNTYPED_BOOL,
            ObjKind::Const(ConstValue::Bool(false)),
        );
        self.universe_obj("iota", UNTYPED_INT, ObjKind::Const(ConstValue::Int(0)));
        self.universe_obj("nil", UNTYPED_NIL, ObjKind::Nil);
        use Builtin::*;
        for (name, b) in [
            ("append", Append),
            ("cap", Cap),
            ("clear", Clear),
            ("close", Close),
            ("complex", Complex),
            ("copy", Copy),
            ("delete", Delete),
            ("imag", Imag),
            ("len", Len),
            ("make", Make),
            ("max", Max),
            ("min", Min),
            ("new", New),
            ("panic", Panic),
            ("print", Print),
            ("println", Println),
            ("real", Real),
            ("recover", Recover),
        ] {
            self.universe_obj(name, INVALID, ObjKind::Builtin(b));
        }
    }

    fn universe_obj(&mut self, name: &str, ty: TypeId, kind: ObjKind) {
        let id = self.table.objects.len() as ObjId;
        self.table.objects.push(Object {
            name: name.into(),
            pos: Pos::default(),
            ty,
            kind,
            func: None,
            pkg: String::new(),
        });
        self.universe.insert(name.into(), id);
    }

    // --- errors -------------------------------------------------------------------------------

    fn file_name(&self) -> String {
        self.files
            .get(self.cur)
            .map_or(String::new(), |f| f.name.clone())
    }

    fn err(&mut self, pos: Pos, msg: impl Into<String>) {
        let file = self.file_name();
        self.diags.push(Diagnostic::new(file, pos, msg));
    }

    fn unsupported(&mut self, pos: Pos, feature: &str) {
        let file = self.file_name();
        self.diags.push(Diagnostic::unsupported(file, pos, feature));
    }

    fn info(&mut self) -> &mut FileInfo {
        &mut self.infos[self.cur]
    }

    fn ts(&self, t: TypeId) -> String {
        self.table.type_string_checker(t)
    }

    // --- objects and scopes -------------------------------------------------------------------

    fn new_obj(&mut self, name: &str, pos: Pos, ty: TypeId, kind: ObjKind) -> ObjId {
        let id = self.table.objects.len() as ObjId;
        let func = match kind {
            ObjKind::Var(VarKind::Global) => None,
            ObjKind::Var(_) => self.funcs.last().map(|f| f.func),
            _ => None,
        };
        let is_local = matches!(kind, ObjKind::Var(VarKind::Local | VarKind::TypeSwitchBind));
        self.table.objects.push(Object {
            name: name.into(),
            pos,
            ty,
            kind,
            func,
            pkg: self.pkg.clone(),
        });
        if is_local {
            if let Some(f) = func {
                self.table.funcs[f as usize].locals.push(id);
            }
        }
        if pos != Pos::default() {
            self.info().defs.insert(pos, id);
        }
        id
    }

    /// Declares `obj` in the innermost scope (the package scope when no block is open).
    fn declare(&mut self, name: &str, pos: Pos, obj: ObjId) {
        if name == "_" {
            return;
        }
        let prev = match self.scopes.last() {
            Some(s) => s.get(name).copied(),
            None => self
                .packages
                .get(&self.pkg)
                .and_then(|s| s.get(name).copied()),
        };
        if let Some(prev) = prev {
            let other = self.table.objects[prev as usize].pos;
            let file = self.file_name();
            self.err(pos, format!("{name} redeclared in this block\n\t{file}:{other}: other declaration of {name}"));
            self.used.insert(obj);
            return;
        }
        match self.scopes.last_mut() {
            Some(s) => {
                s.insert(name.into(), obj);
            }
            None => {
                self.packages
                    .entry(self.pkg.clone())
                    .or_default()
                    .insert(name.into(), obj);
            }
        }
    }

    /// Resolves a name through the block scopes, the package scope, the file's imports and the
    /// universe.
    fn lookup(&self, name: &str) -> Option<ObjId> {
        for s in self.scopes.iter().rev() {
            if let Some(&o) = s.get(name) {
                return Some(o);
            }
        }
        if let Some(&o) = self.packages.get(&self.pkg).and_then(|s| s.get(name)) {
            return Some(o);
        }
        if let Some(i) = self
            .imports
            .iter()
            .find(|i| i.alias.as_deref().unwrap_or(last_elem(&i.path)) == name)
        {
            return Some(i.obj);
        }
        self.universe.get(name).copied()
    }

    /// Marks a variable as used, and records it as a capture of every enclosing function
    /// literal between the use and the variable's own function.
    fn use_obj(&mut self, obj: ObjId) {
        self.used.insert(obj);
        let Some(o) = self.table.objects.get(obj as usize) else {
            return;
        };
        let (Some(owner), ObjKind::Var(k)) = (o.func, &o.kind) else {
            return;
        };
        if *k == VarKind::Global {
            return;
        }
        for ctx in self.funcs.iter().rev() {
            if ctx.func == owner {
                break;
            }
            let caps = &mut self.table.funcs[ctx.func as usize].captures;
            if !caps.contains(&obj) {
                caps.push(obj);
            }
        }
    }

    fn open_scope(&mut self) {
        self.scopes.push(HashMap::new());
    }

    fn close_scope(&mut self) {
        self.scopes.pop();
    }

    fn record(&mut self, e: &Expr, op: &Operand) {
        let tv = TypeAndValue {
            mode: op.mode,
            ty: op.ty,
            value: op.val.clone(),
        };
        self.info().types.insert(e.id, tv);
    }

    /// Reports unused locals of a function whose body was just checked.
    fn report_unused(&mut self, f: FuncId) {
        let locals = self.table.funcs[f as usize].locals.clone();
        let mut binds: HashMap<Pos, (String, bool)> = HashMap::new();
        for l in locals {
            let o = &self.table.objects[l as usize];
            let used = self.used.contains(&l);
            match o.kind {
                ObjKind::Var(VarKind::Local) if !used && o.name != "_" => {
                    let (pos, name) = (o.pos, o.name.clone());
                    self.err(pos, format!("declared and not used: {name}"));
                }
                ObjKind::Var(VarKind::TypeSwitchBind) => {
                    let e = binds.entry(o.pos).or_insert((o.name.clone(), false));
                    e.1 |= used;
                }
                _ => {}
            }
        }
        for (pos, (name, used)) in binds {
            if !used && name != "_" {
                self.err(pos, format!("{name} declared and not used"));
            }
        }
    }
}

/// The last element of an import path (`debug` for `runtime/debug`).
pub(crate) fn last_elem(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Where the type checker reports an error about an expression: its leftmost position.
pub(crate) fn start_pos(e: &Expr) -> Pos {
    use ast::ExprKind::*;
    match &e.kind {
        Binary { x, .. }
        | Selector { x, .. }
        | Index { x, .. }
        | Slice { x, .. }
        | TypeAssert { x, .. } => start_pos(x),
        Call { func, .. } => start_pos(func),
        KeyValue { key, .. } => start_pos(key),
        CompositeLit { ty: Some(t), .. } => start_pos(t),
        _ => e.pos,
    }
}

impl Checker<'_> {
    /// Reports an error at an expression's start, as Go does.
    fn err_expr(&mut self, e: &Expr, msg: impl Into<String>) {
        self.err(start_pos(e), msg);
    }
}

/// The closing parenthesis of a call (where Go reports missing arguments).
pub(crate) fn rparen(e: &Expr) -> Pos {
    match &e.kind {
        ast::ExprKind::Call { rparen, .. } => *rparen,
        _ => e.pos,
    }
}
