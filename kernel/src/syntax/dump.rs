//! A compact, position-annotated text dump of the syntax tree, for snapshot tests and debugging.
//!
//! Declarations and statements are printed one per line, indented by nesting; expressions are
//! printed inline as S-expressions. Every node carries its position as `@line:col`, so a snapshot
//! pins both the tree's shape and the Go position conventions described in [`super::ast`].

use std::fmt::Write;

use super::ast::*;

/// Dumps a whole file.
pub fn dump_file(f: &File) -> String {
    let mut d = Dumper {
        out: String::new(),
        indent: 0,
    };
    d.line(format!("package {} @{}", f.package.name, f.package.pos));
    for imp in &f.imports {
        let alias = imp
            .alias
            .as_ref()
            .map_or(String::new(), |a| format!("{} ", a.name));
        d.line(format!("import {alias}{:?} @{}", imp.path, imp.pos));
    }
    for decl in &f.decls {
        d.decl(decl);
    }
    d.out
}

/// Calls `f` on every expression in the file, parents before children, including the
/// expressions inside function literals, types, and statement headers.
pub fn walk_exprs(file: &File, f: &mut dyn FnMut(&Expr)) {
    for d in &file.decls {
        match d {
            Decl::Func(fd) => {
                fd.recv
                    .iter()
                    .chain(&fd.type_params)
                    .for_each(|fl| walk_expr(&fl.ty, f));
                walk_sig(&fd.sig, f);
                if let Some(b) = &fd.body {
                    walk_block(b, f);
                }
            }
            Decl::Var(specs) | Decl::Const(specs) => walk_specs(specs, f),
            Decl::Type(specs) => walk_types(specs, f),
        }
    }
}

fn walk_specs(specs: &[ValueSpec], f: &mut dyn FnMut(&Expr)) {
    for s in specs {
        s.ty.iter().chain(&s.values).for_each(|e| walk_expr(e, f));
    }
}

fn walk_types(specs: &[TypeSpec], f: &mut dyn FnMut(&Expr)) {
    for s in specs {
        s.type_params.iter().for_each(|fl| walk_expr(&fl.ty, f));
        walk_expr(&s.ty, f);
    }
}

fn walk_sig(sig: &FuncType, f: &mut dyn FnMut(&Expr)) {
    sig.params
        .iter()
        .chain(&sig.results)
        .for_each(|fl| walk_expr(&fl.ty, f));
}

fn walk_block(b: &Block, f: &mut dyn FnMut(&Expr)) {
    b.stmts.iter().for_each(|s| walk_stmt(s, f));
}

fn walk_stmt(s: &Stmt, f: &mut dyn FnMut(&Expr)) {
    let opt = |s: &Option<Box<Stmt>>, f: &mut dyn FnMut(&Expr)| {
        if let Some(s) = s {
            walk_stmt(s, f);
        }
    };
    match &s.kind {
        StmtKind::Empty | StmtKind::Branch { .. } | StmtKind::Select => {}
        StmtKind::Block(b) => walk_block(b, f),
        StmtKind::Expr(x) | StmtKind::Go(x) | StmtKind::Defer(x) => walk_expr(x, f),
        StmtKind::Send { ch, value } => {
            walk_expr(ch, f);
            walk_expr(value, f);
        }
        StmtKind::IncDec { x, .. } => walk_expr(x, f),
        StmtKind::Assign { lhs, rhs, .. } => lhs.iter().chain(rhs).for_each(|e| walk_expr(e, f)),
        StmtKind::Return(xs) => xs.iter().for_each(|e| walk_expr(e, f)),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            opt(init, f);
            walk_expr(cond, f);
            walk_block(then, f);
            opt(els, f);
        }
        StmtKind::Switch {
            init, tag, body, ..
        } => {
            opt(init, f);
            tag.iter().for_each(|e| walk_expr(e, f));
            walk_clauses(body, f);
        }
        StmtKind::TypeSwitch { init, x, body, .. } => {
            opt(init, f);
            walk_expr(x, f);
            walk_clauses(body, f);
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            opt(init, f);
            cond.iter().for_each(|e| walk_expr(e, f));
            opt(post, f);
            walk_block(body, f);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            key.iter().chain(value).for_each(|e| walk_expr(e, f));
            walk_expr(x, f);
            walk_block(body, f);
        }
        StmtKind::Labeled { stmt, .. } => walk_stmt(stmt, f),
        StmtKind::Var(specs) | StmtKind::Const(specs) => walk_specs(specs, f),
        StmtKind::Type(specs) => walk_types(specs, f),
    }
}

fn walk_clauses(body: &[CaseClause], f: &mut dyn FnMut(&Expr)) {
    for c in body {
        c.exprs.iter().for_each(|e| walk_expr(e, f));
        c.body.iter().for_each(|s| walk_stmt(s, f));
    }
}

/// Calls `f` on `e` and every expression inside it.
pub fn walk_expr(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    use ExprKind::*;
    f(e);
    let mut w = |x: &Expr| walk_expr(x, f);
    match &e.kind {
        Name(_) | BasicLit { .. } | Ellipsis => {}
        CompositeLit { ty, elems, .. } => ty.iter().map(|t| &**t).chain(elems).for_each(&mut w),
        KeyValue { key, value } => [key, value].into_iter().for_each(|x| w(x)),
        FuncLit { sig, body } => {
            walk_sig(sig, f);
            walk_block(body, f);
        }
        FuncType(sig) => walk_sig(sig, f),
        Paren(x)
        | Star(x)
        | SliceType(x)
        | Unary { x, .. }
        | Selector { x, .. }
        | ChanType { elem: x, .. } => w(x),
        Index { x, index } => std::iter::once(&**x).chain(index).for_each(&mut w),
        Slice { x, lo, hi, max } => std::iter::once(x)
            .chain(lo)
            .chain(hi)
            .chain(max)
            .for_each(|x| w(x)),
        TypeAssert { x, ty } => std::iter::once(x).chain(ty).for_each(|x| w(x)),
        Call { func, args, .. } => std::iter::once(&**func).chain(args).for_each(&mut w),
        Binary { x, y, .. } | MapType { key: x, value: y } => [x, y].into_iter().for_each(|x| w(x)),
        ArrayType { len, elem } => len.iter().chain(std::iter::once(elem)).for_each(|x| w(x)),
        StructType(fs) | InterfaceType(fs) => fs.iter().for_each(|fl| w(&fl.ty)),
    }
}

/// The ids of all expressions in the file, in walk order.
pub fn expr_ids(file: &File) -> Vec<ExprId> {
    let mut ids = Vec::new();
    walk_exprs(file, &mut |e| ids.push(e.id));
    ids
}

struct Dumper {
    out: String,
    indent: usize,
}

impl Dumper {
    fn line(&mut self, s: String) {
        let _ = writeln!(self.out, "{}{}", "  ".repeat(self.indent), s);
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self)) {
        self.indent += 1;
        f(self);
        self.indent -= 1;
    }

    fn decl(&mut self, d: &Decl) {
        match d {
            Decl::Func(f) => {
                let recv = f
                    .recv
                    .as_ref()
                    .map_or(String::new(), |r| format!("({}) ", field(r)));
                let tps = if f.type_params.is_empty() {
                    String::new()
                } else {
                    format!("[{}]", fields(&f.type_params))
                };
                let prag = if f.pragmas.is_empty() {
                    String::new()
                } else {
                    format!(" {:?}", f.pragmas)
                };
                self.line(format!(
                    "func {recv}{}{tps} @{} {}{prag}",
                    f.name.name,
                    f.pos,
                    sig(&f.sig)
                ));
                if let Some(b) = &f.body {
                    self.block(b);
                }
            }
            Decl::Var(specs) => self.specs("var", specs),
            Decl::Const(specs) => self.specs("const", specs),
            Decl::Type(specs) => self.types(specs),
        }
    }

    fn specs(&mut self, kw: &str, specs: &[ValueSpec]) {
        for s in specs {
            let names: Vec<String> = s
                .names
                .iter()
                .map(|n| format!("{}@{}", n.name, n.pos))
                .collect();
            let ty =
                s.ty.as_ref()
                    .map_or(String::new(), |t| format!(" {}", expr(t)));
            let vals = if s.values.is_empty() {
                String::new()
            } else {
                format!(" = {}", exprs(&s.values))
            };
            let extra = if kw == "const" {
                format!(
                    " iota={}{}",
                    s.iota,
                    if s.implicit { " implicit" } else { "" }
                )
            } else {
                String::new()
            };
            self.line(format!("{kw} {}{ty}{vals}{extra}", names.join(", ")));
        }
    }

    fn types(&mut self, specs: &[TypeSpec]) {
        for s in specs {
            let tps = if s.type_params.is_empty() {
                String::new()
            } else {
                format!("[{}]", fields(&s.type_params))
            };
            let eq = if s.alias { " =" } else { "" };
            self.line(format!(
                "type {}@{}{tps}{eq} {}",
                s.name.name,
                s.name.pos,
                expr(&s.ty)
            ));
        }
    }

    fn block(&mut self, b: &Block) {
        self.nested(|d| {
            for s in &b.stmts {
                d.stmt(s);
            }
        });
    }

    fn opt_stmt(s: &Option<Box<Stmt>>) -> String {
        s.as_ref().map_or("-".into(), |s| simple(s))
    }

    fn stmt(&mut self, s: &Stmt) {
        let p = s.pos;
        match &s.kind {
            StmtKind::Block(b) => {
                self.line(format!("block @{p}"));
                self.block(b);
            }
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.line(format!(
                    "if @{p} init={} cond={}",
                    Self::opt_stmt(init),
                    expr(cond)
                ));
                self.block(then);
                if let Some(e) = els {
                    self.line("else".into());
                    self.nested(|d| d.stmt(e));
                }
            }
            StmtKind::Switch {
                init, tag, body, ..
            } => {
                let tag = tag.as_ref().map_or("-".into(), expr);
                self.line(format!(
                    "switch @{p} init={} tag={tag}",
                    Self::opt_stmt(init)
                ));
                self.clauses(body);
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                body,
                ..
            } => {
                let bind = bind
                    .as_ref()
                    .map_or("-".into(), |b| format!("{}@{}", b.name, b.pos));
                self.line(format!(
                    "typeswitch @{p} init={} bind={bind} x={}",
                    Self::opt_stmt(init),
                    expr(x)
                ));
                self.clauses(body);
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                let cond = cond.as_ref().map_or("-".into(), expr);
                self.line(format!(
                    "for @{p} init={} cond={cond} post={}",
                    Self::opt_stmt(init),
                    Self::opt_stmt(post)
                ));
                self.block(body);
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => {
                let o = |e: &Option<Expr>| e.as_ref().map_or("-".into(), expr);
                let op = if *define { ":=" } else { "=" };
                self.line(format!(
                    "range @{p} {} {} {op} {}",
                    o(key),
                    o(value),
                    expr(x)
                ));
                self.block(body);
            }
            StmtKind::Labeled { label, stmt } => {
                self.line(format!("label {}@{} @{p}", label.name, label.pos));
                self.nested(|d| d.stmt(stmt));
            }
            StmtKind::Var(specs) => self.specs("var", specs),
            StmtKind::Const(specs) => self.specs("const", specs),
            StmtKind::Type(specs) => self.types(specs),
            _ => self.line(simple(s)),
        }
    }

    fn clauses(&mut self, body: &[CaseClause]) {
        self.nested(|d| {
            for c in body {
                let head = if c.default {
                    "default".to_string()
                } else {
                    format!("case {}", exprs(&c.exprs))
                };
                d.line(format!("{head} @{} colon@{}", c.pos, c.colon));
                d.nested(|d| {
                    for s in &c.body {
                        d.stmt(s);
                    }
                });
            }
        });
    }
}

/// One-line form of a simple statement.
fn simple(s: &Stmt) -> String {
    let p = s.pos;
    match &s.kind {
        StmtKind::Empty => format!("empty @{p}"),
        StmtKind::Expr(x) => format!("expr @{p} {}", expr(x)),
        StmtKind::Send { ch, value } => format!("send @{p} {} {}", expr(ch), expr(value)),
        StmtKind::IncDec { x, inc } => {
            format!("{} @{p} {}", if *inc { "++" } else { "--" }, expr(x))
        }
        StmtKind::Assign { op, lhs, rhs } => {
            let op = match op {
                AssignOp::Assign => "=".to_string(),
                AssignOp::Define => ":=".to_string(),
                AssignOp::Op(b) => format!("{}=", b.as_str()),
            };
            format!("assign{op} @{p} [{}] [{}]", exprs(lhs), exprs(rhs))
        }
        StmtKind::Go(x) => format!("go @{p} {}", expr(x)),
        StmtKind::Defer(x) => format!("defer @{p} {}", expr(x)),
        StmtKind::Return(xs) => format!("return @{p} {}", exprs(xs)),
        StmtKind::Branch { kind, label } => {
            let l = label
                .as_ref()
                .map_or(String::new(), |l| format!(" {}@{}", l.name, l.pos));
            format!("{} @{p}{l}", format!("{kind:?}").to_lowercase())
        }
        StmtKind::Select => format!("select @{p}"),
        _ => format!("<compound statement @{p}>"),
    }
}

fn exprs(xs: &[Expr]) -> String {
    xs.iter().map(expr).collect::<Vec<_>>().join(" ")
}

fn field(f: &Field) -> String {
    let name = f
        .name
        .as_ref()
        .map_or(String::new(), |n| format!("{}@{} ", n.name, n.pos));
    let emb = if f.embedded { "embedded " } else { "" };
    let tag = f
        .tag
        .as_ref()
        .map_or(String::new(), |t| format!(" tag={t:?}"));
    format!("{emb}{name}{}{tag}", expr(&f.ty))
}

fn fields(fs: &[Field]) -> String {
    fs.iter().map(field).collect::<Vec<_>>().join(", ")
}

fn sig(s: &FuncType) -> String {
    let v = if s.variadic { " variadic" } else { "" };
    format!(
        "(func @{} ({}) ({}){v})",
        s.pos,
        fields(&s.params),
        fields(&s.results)
    )
}

/// An expression as an S-expression: `(Kind@line:col#id children...)`.
pub fn expr(e: &Expr) -> String {
    use ExprKind::*;
    let o = |x: &Option<Box<Expr>>| x.as_ref().map_or("-".into(), |x| expr(x));
    let body = match &e.kind {
        Name(n) => return format!("{n}@{}#{}", e.pos, e.id),
        BasicLit { raw, .. } => return format!("{raw}@{}#{}", e.pos, e.id),
        CompositeLit { ty, elems, rbrace } => {
            format!("complit {} [{}] rbrace@{rbrace}", o(ty), exprs(elems))
        }
        KeyValue { key, value } => format!("kv {} {}", expr(key), expr(value)),
        FuncLit { sig: s, body } => {
            let mut d = Dumper {
                out: String::new(),
                indent: 0,
            };
            body.stmts.iter().for_each(|st| d.stmt(st));
            let stmts: Vec<&str> = d.out.lines().map(str::trim).collect();
            format!("funclit {} {{{}}}", sig(s), stmts.join("; "))
        }
        Paren(x) => format!("paren {}", expr(x)),
        Selector { x, sel } => format!("sel {} {}@{}", expr(x), sel.name, sel.pos),
        Index { x, index } => format!("index {} [{}]", expr(x), exprs(index)),
        Slice { x, lo, hi, max } => format!("slice {} {} {} {}", expr(x), o(lo), o(hi), o(max)),
        TypeAssert { x, ty } => format!(
            "assert {} {}",
            expr(x),
            ty.as_ref().map_or("type".into(), |t| expr(t))
        ),
        Call {
            func,
            args,
            ellipsis,
            rparen,
        } => {
            format!(
                "call {} [{}]{} rparen@{rparen}",
                expr(func),
                exprs(args),
                if *ellipsis { "..." } else { "" }
            )
        }
        Star(x) => format!("* {}", expr(x)),
        Unary { op, x } => format!("{} {}", op.as_str(), expr(x)),
        Binary { op, x, y } => format!("{} {} {}", op.as_str(), expr(x), expr(y)),
        ArrayType { len, elem } => format!("array {} {}", o(len), expr(elem)),
        SliceType(x) => format!("slicetype {}", expr(x)),
        MapType { key, value } => format!("map {} {}", expr(key), expr(value)),
        ChanType { dir, elem } => format!("chan{dir:?} {}", expr(elem)),
        FuncType(s) => format!("functype {}", sig(s)),
        StructType(fs) => format!("struct {{{}}}", fields(fs)),
        InterfaceType(fs) => format!("interface {{{}}}", fields(fs)),
        Ellipsis => "...".into(),
    };
    format!("({body})@{}#{}", e.pos, e.id)
}
