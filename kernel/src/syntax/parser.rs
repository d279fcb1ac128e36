//! The parser: tokens to an [`ast::File`](super::ast::File).
//!
//! ## Recursive descent with one token of lookahead
//!
//! Each grammar production is a method (`stmt_or_none`, `simple_stmt`, `pexpr`, `type_or_none`,
//! ...) that looks at the current token, consumes what belongs to it and returns a node. The
//! structure deliberately follows the Go compiler's own parser (`cmd/compile/internal/syntax`),
//! because gomem must print the same syntax errors at the same positions as `go build`, and those
//! depend on exactly which production is active when an unexpected token shows up.
//!
//! ## Precedence climbing
//!
//! Binary expressions are parsed by `Parser::binary_expr`: parse a unary operand, then, while
//! the current token is a binary operator whose precedence is *higher* than the level we were
//! called with, consume it and parse the right operand at the operator's own level. A right
//! operand therefore swallows only tighter-binding operators, which makes every level
//! left-associative: `a - b - c` is `(a - b) - c` and `a + b * c` is `a + (b * c)`. Go has only
//! five levels (see [`BinaryOp::precedence`]), and unary operators always bind tighter than any
//! binary operator.
//!
//! ## The composite-literal ambiguity
//!
//! In `if x == T {` the `{` could open a composite literal `T{...}` or the `if` block. Go resolves
//! it syntactically: in the header of `if`, `for` and `switch`, a `{` after a bare type name (or
//! `pkg.T`, or `T[...]`) is always the block, unless the name is inside parentheses, brackets or
//! a call. The parser tracks this with `xnest`, the expression nesting level, which the headers
//! set to -1 and every bracketing construct increments.
//!
//! ## Position conventions
//!
//! Every node gets the position the Go compiler gives it, since escape-analysis diagnostics are
//! compared line:column with real output: a binary expression sits at its operator, a call at its
//! `(`, an index or slice at its `[`, a selector and a type assertion at the `.`, a composite
//! literal at its `{`, a key-value pair at the `:`, a unary expression at its operator, a function
//! literal at `func`, an assignment (`=`, `:=`, `op=`), send and `++`/`--` at the operator, a
//! labeled statement at its `:`, keyword statements at their keyword and names at their first
//! byte. Unlike Go's parser, which drops most parentheses, gomem keeps every parenthesized
//! expression as a `Paren` node (at its `(`), except around types and the operand of `&`.
//!
//! ## Errors
//!
//! On a syntax error the parser reports `syntax error: unexpected X, expected Y` (the same words
//! as Go) and resynchronises by skipping tokens up to one of a small set of follow tokens, as the
//! Go parser does, so later errors match too. Afterwards, [`finish_errors`] applies the go
//! command's filtering: only one syntax error per line, sorted by position, at most ten errors
//! followed by `too many errors`. Three more checks of the Go front end live here because `go
//! build` reports them together with syntax errors: mistakes in the package clause and imports
//! (which the go command finds before the compiler runs, in `go/parser`'s words), misplaced
//! compiler directives, and labels and branches ([`super::branches`]).
//!
//! ## Never panic, never hang
//!
//! Every loop consumes a token or stops at EOF. Recursion is bounded twice: by nesting depth
//! ([`MAX_DEPTH`], which also bounds the depth of the finished tree, so that recursive passes and
//! `Drop` over it are safe) and by measured stack use ([`STACK_BUDGET`]); past either, the parse
//! stops with an error. Copying shared type expressions (`a, b T`) is bounded by an expression
//! budget, since copies of copies can grow exponentially.

use std::collections::HashMap;

use super::ast::*;
use super::branches::check_branches;
use super::lexer::Lexer;
use super::token::{Op, Tok, Token};
use super::Pos;
use crate::diag::{Diagnostic, Diagnostics};

/// Maximum nesting of expressions, types and statements. Real Go has no such limit, but no
/// sensible program comes close, and the cap keeps the recursive parser within a small stack.
/// The limit also bounds the depth of the tree (long `a + b + ...` chains, selector chains and
/// `else if` chains count one level per link), so later recursive passes over the tree, and its
/// recursive `Drop`, cannot overflow the stack either.
pub const MAX_DEPTH: u32 = 500;

/// Stack the parser may use for its recursion, measured from where parsing started. Nested
/// constructs cost between a few hundred bytes (release) and tens of kilobytes (debug builds)
/// of stack per level; the budget keeps parsing safe on 1 MiB stacks (WebAssembly) and in test
/// threads (2 MiB).
pub const STACK_BUDGET: usize = 512 * 1024;

/// Parses one Go source file. `name` is used in diagnostics as given (e.g. `./x.go`).
pub fn parse_file(name: &str, src: &str) -> Result<File, Diagnostics> {
    parse_bytes(name, src.as_bytes())
}

/// Parses one Go source file given as bytes, as read from disk: bytes that are not UTF-8 are
/// reported (`invalid UTF-8 encoding`) and skipped, as the Go compiler does.
pub fn parse_bytes(name: &str, src: &[u8]) -> Result<File, Diagnostics> {
    if let Some(d) = go_command_header_check(name, src) {
        return Err(d.into());
    }
    let mut p = Parser::new(name, src);
    let base = std::hint::black_box(0u8);
    p.stack_base = &base as *const u8 as usize;
    let file = p.file().map(|f| File {
        name: name.to_string(),
        ..f
    });
    match (file, p.errors.is_empty()) {
        (Some(f), true) => Ok(f),
        _ => Err(finish_errors(name, std::mem::take(&mut p.errors))),
    }
}

/// The go command reads the package clause and imports itself (with `go/parser`) before it
/// runs the compiler, so mistakes there are reported in `go/parser`'s words, with the file name
/// as the go command prints it (`x.go`, not `./x.go`), and nothing else is reported. This checks
/// the mistakes that its import reader catches: a missing or malformed package clause, an import
/// without a string path, an unterminated import group.
fn go_command_header_check(name: &str, src: &[u8]) -> Option<Diagnostic> {
    let mut lx = Lexer::new(src);
    let mut t = lx.next_token();
    let file = name.strip_prefix("./").unwrap_or(name);
    let found = |t: &Token| match t.tok {
        Tok::Semi if t.lit != "semicolon" => "newline".to_string(),
        Tok::Name | Tok::Literal => t.lit.clone(),
        Tok::Operator | Tok::Star => format!("'{}'", t.op.as_str()),
        Tok::AssignOp => format!("'{}='", t.op.as_str()),
        Tok::IncOp => format!("'{0}{0}'", t.op.as_str()),
        Tok::Semi => "';'".to_string(),
        other => format!("'{}'", other.spelling()),
    };
    let err = |t: &Token, msg: String| Some(Diagnostic::new(file, t.pos, msg));
    if t.tok != Tok::Package {
        return err(&t, format!("expected 'package', found {}", found(&t)));
    }
    t = lx.next_token();
    if t.tok != Tok::Name {
        return err(&t, format!("expected 'IDENT', found {}", found(&t)));
    }
    t = lx.next_token();
    if t.tok == Tok::Semi {
        t = lx.next_token();
    }
    // One import spec; `Err` carries the diagnostic.
    let spec = |lx: &mut Lexer, t: &mut Token| -> Result<(), Diagnostic> {
        if matches!(t.tok, Tok::Name | Tok::Dot) {
            *t = lx.next_token();
        }
        match (t.tok, t.kind) {
            (Tok::Literal, LitKind::String) => {}
            (Tok::Literal, _) => {
                return Err(Diagnostic::new(file, t.pos, "import path must be a string"))
            }
            _ => return Err(Diagnostic::new(file, t.pos, "missing import path")),
        }
        *t = lx.next_token();
        Ok(())
    };
    while t.tok == Tok::Import {
        t = lx.next_token();
        if t.tok == Tok::Lparen {
            t = lx.next_token();
            while !matches!(t.tok, Tok::Rparen | Tok::Eof) {
                if let Err(d) = spec(&mut lx, &mut t) {
                    return Some(d);
                }
                if t.tok == Tok::Semi {
                    t = lx.next_token();
                } else {
                    break;
                }
            }
            if t.tok != Tok::Rparen {
                return err(&t, format!("expected ')', found {}", found(&t)));
            }
            t = lx.next_token();
        } else {
            if let Err(d) = spec(&mut lx, &mut t) {
                return Some(d);
            }
        }
        if t.tok == Tok::Semi {
            t = lx.next_token();
        }
    }
    None
}

/// Applies the go command's error reporting rules to errors in the order they were found: at most
/// one syntax error per line, no repeated identical message on a line, stop after ten errors
/// with `too many errors`, print sorted by position.
pub fn finish_errors(file: &str, errs: Vec<(Pos, String)>) -> Diagnostics {
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut last_syntax = Pos::default();
    let mut last_other: (Pos, String) = (Pos::default(), String::new());
    let mut too_many = None;
    for (pos, msg) in errs {
        if msg.starts_with("syntax error") {
            if last_syntax.line == pos.line {
                continue;
            }
            last_syntax = pos;
        } else {
            if last_other.0.line == pos.line && last_other.1 == msg {
                continue;
            }
            last_other = (pos, msg.clone());
        }
        out.push(Diagnostic::new(file, pos, msg));
        if out.len() >= 10 {
            too_many = Some(pos);
            break;
        }
    }
    out.sort_by_key(|d| d.pos);
    out.dedup();
    if let Some(pos) = too_many {
        out.push(Diagnostic::new(file, pos, "too many errors"));
    }
    Diagnostics(out)
}

/// The name given to placeholder expressions after a syntax error (they only live in trees that
/// are never returned), printed in messages as Go prints its `BadExpr`.
const BAD_EXPR: &str = "<bad expr>";

/// Tokens that start statements: safe places to resume after an error inside a function body.
const STOP_SET: [Tok; 14] = [
    Tok::Break,
    Tok::Const,
    Tok::Continue,
    Tok::Defer,
    Tok::Fallthrough,
    Tok::For,
    Tok::Go,
    Tok::Goto,
    Tok::If,
    Tok::Return,
    Tok::Select,
    Tok::Switch,
    Tok::Type,
    Tok::Var,
];

/// A parameter before names and types are sorted out (`func(a, b int)` is first read as
/// `a` without a type and `b int`).
struct Param {
    name: Option<Ident>,
    ty: Option<Expr>,
    /// Position of `...` for `...T`.
    dots: Option<Pos>,
}

/// The result of [`Parser::simple_stmt`]: a statement, or one of the two header-only forms.
enum Simple {
    Stmt(Stmt),
    /// `k, v := range x` (only in a `for` header).
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        define: bool,
        x: Expr,
    },
    /// `v := x.(type)` (only in a `switch` header); `guard` is the `x.(type)` expression.
    Guard {
        bind: Ident,
        bind_id: ExprId,
        guard: Expr,
    },
}

/// What a statement header (`if`, `for`, `switch`) found where the condition goes.
enum Cond {
    None,
    Expr(Expr),
    /// A type switch guard `[v :=] x.(type)`, already reduced to `x`.
    TypeSwitch(Option<Ident>, Expr),
}

/// A `[...]` after a name where either an array type or type arguments may follow.
enum ArrayOrArgs {
    Type(Expr),
    Args(Pos, Vec<Expr>),
}

struct Parser<'a> {
    /// The file name for positions inside messages.
    file: String,
    lx: Lexer<'a>,
    /// The current token.
    t: Token,
    /// Errors in the order they were found (scanner and parser interleaved).
    errors: Vec<(Pos, String)>,
    /// Function nesting level (the stop set applies inside bodies).
    fnest: u32,
    /// Expression nesting level; -1 in statement headers (see the module docs).
    xnest: i32,
    next_id: ExprId,
    depth: u32,
    /// Set when nesting exceeded [`MAX_DEPTH`] or [`STACK_BUDGET`]; the token stream then ends.
    aborted: bool,
    /// Address of a local variable where parsing started, to measure stack use.
    stack_base: usize,
    /// Most expressions the file may have: 8 per source byte (far more than real code needs)
    /// plus a constant.
    expr_budget: usize,
    /// How many of `errors` come from branch checks (which do not stop later branch checks).
    branch_errors: usize,
    /// The clauses of each `select` (by position), kept aside for the branch checks only.
    selects: HashMap<Pos, Vec<CaseClause>>,
}

impl<'a> Parser<'a> {
    fn new(name: &str, src: &'a [u8]) -> Parser<'a> {
        let lx = Lexer::new(src);
        let t = Token {
            tok: Tok::Eof,
            pos: Pos::default(),
            lit: String::new(),
            op: Op::None,
            kind: LitKind::Int,
            bad: false,
        };
        let mut p = Parser {
            file: name.to_string(),
            lx,
            t,
            errors: Vec::new(),
            fnest: 0,
            xnest: 0,
            next_id: 0,
            depth: 0,
            aborted: false,
            stack_base: 0,
            expr_budget: 8 * src.len() + 100_000,
            branch_errors: 0,
            selects: HashMap::new(),
        };
        p.next();
        p
    }

    // ------------------------------------------------------------------
    // Tokens and errors

    fn next(&mut self) {
        if self.aborted {
            self.t.tok = Tok::Eof;
            return;
        }
        self.t = self.lx.next_token();
        self.errors.append(&mut self.lx.errors);
    }

    fn tok(&self) -> Tok {
        self.t.tok
    }

    fn pos(&self) -> Pos {
        self.t.pos
    }

    fn is_op(&self, op: Op) -> bool {
        matches!(self.tok(), Tok::Operator | Tok::Star) && self.t.op == op
    }

    /// Takes the directives collected so far for the declaration being parsed.
    fn take_pragmas(&mut self) -> Vec<String> {
        self.lx.pragmas.drain(..).map(|p| p.text).collect()
    }

    /// Reports the collected directives as misplaced: nothing here can use them.
    fn clear_pragmas(&mut self) {
        for p in std::mem::take(&mut self.lx.pragmas) {
            let what = if p.text == "go:embed" || p.text.starts_with("go:embed ") {
                "go:embed"
            } else {
                "compiler"
            };
            self.error_at(p.pos, format!("misplaced {what} directive"));
        }
    }

    fn got(&mut self, tok: Tok) -> bool {
        if self.tok() == tok {
            self.next();
            true
        } else {
            false
        }
    }

    fn want(&mut self, tok: Tok) {
        if !self.got(tok) {
            self.syntax_error(&format!("expected {}", tok.expected_name()));
            self.advance(&[]);
        }
    }

    /// Like `got(=)`, but also accepts (and reports) `:=`.
    fn got_assign(&mut self) -> bool {
        match self.tok() {
            Tok::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            Tok::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    fn error_at(&mut self, pos: Pos, msg: impl Into<String>) {
        self.errors.push((pos, msg.into()));
    }

    fn error(&mut self, msg: impl Into<String>) {
        self.error_at(self.pos(), msg);
    }

    /// Reports a syntax error. Messages starting with `in `, `at `, `after ` or `expected ` are
    /// completed with the current token: `syntax error: unexpected X, expected Y`.
    fn syntax_error_at(&mut self, pos: Pos, msg: &str) {
        if self.tok() == Tok::Eof && !self.errors.is_empty() {
            return; // avoid meaningless follow-up errors
        }
        let suffix = if msg.is_empty() {
            String::new()
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expected ") {
            format!(", {msg}")
        } else {
            self.error_at(pos, format!("syntax error: {msg}"));
            return;
        };
        let found = self.t.describe();
        self.error_at(pos, format!("syntax error: unexpected {found}{suffix}"));
    }

    fn syntax_error(&mut self, msg: &str) {
        self.syntax_error_at(self.pos(), msg);
    }

    /// Skips tokens until one in `follow` (or, inside a function, one that starts a statement).
    /// With an empty `follow`, skips exactly one token.
    fn advance(&mut self, follow: &[Tok]) {
        if follow.is_empty() {
            if self.tok() != Tok::Eof {
                self.next();
            }
            return;
        }
        loop {
            let t = self.tok();
            if t == Tok::Eof || follow.contains(&t) || (self.fnest > 0 && STOP_SET.contains(&t)) {
                return;
            }
            self.next();
        }
    }

    /// Enters one level of nesting; false (after reporting once) if the limit is reached.
    fn enter(&mut self) -> bool {
        self.depth += 1;
        let here = std::hint::black_box(0u8);
        let used = self.stack_base.abs_diff(&here as *const u8 as usize);
        if self.depth > MAX_DEPTH || used > STACK_BUDGET {
            if !self.aborted {
                let pos = self.pos();
                self.error_at(pos, "gomem: unsupported: program nested too deeply");
                self.aborted = true;
                self.t.tok = Tok::Eof;
            }
            return false;
        }
        true
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ------------------------------------------------------------------
    // Node construction

    fn expr(&mut self, pos: Pos, kind: ExprKind) -> Expr {
        let id = self.next_id;
        self.next_id += 1;
        Expr { id, pos, kind }
    }

    fn bad_expr(&mut self) -> Expr {
        let pos = self.pos();
        self.expr(pos, ExprKind::Name(BAD_EXPR.into()))
    }

    fn name_expr(&mut self, id: Ident) -> Expr {
        self.expr(id.pos, ExprKind::Name(id.name))
    }

    /// Removes enclosing parentheses from a just-parsed expression, giving back their ids (a
    /// node is always created after its children, so the outermost paren has the last id).
    fn drop_parens(&mut self, mut x: Expr) -> Expr {
        while let ExprKind::Paren(inner) = x.kind {
            if x.id + 1 == self.next_id {
                self.next_id -= 1;
            }
            x = *inner;
        }
        x
    }

    /// Turns a just-parsed `x.(type)` into its operand `x` for a type switch, giving back the
    /// ids of the dropped assertion node and, if present, of the bound name (`v := x.(type)`):
    /// `x`'s root, created last, takes over the name's id.
    fn unwrap_guard(&mut self, g: Expr, bind_id: Option<ExprId>) -> Result<Expr, Expr> {
        let ExprKind::TypeAssert { x, ty: None } = g.kind else {
            return Err(g);
        };
        let mut x = *x;
        if g.id + 1 == self.next_id {
            self.next_id -= 1;
            if let Some(b) = bind_id.filter(|_| x.id + 1 == self.next_id) {
                x.id = b;
                self.next_id -= 1;
            }
        }
        Ok(x)
    }

    /// A deep copy of `e` with fresh ids (for the shared type of `a, b int`). Copies of copies
    /// can grow exponentially (`func(a, b func(a, b func(...)))`), so the total number of
    /// expressions is capped by [`Parser::expr_budget`].
    fn fresh_copy(&mut self, e: &Expr) -> Expr {
        if self.aborted {
            return self.bad_expr();
        }
        let mut size = 0;
        super::dump::walk_expr(e, &mut |_| size += 1);
        if self.next_id as usize + size > self.expr_budget {
            if !self.aborted {
                let pos = self.pos();
                self.error_at(
                    pos,
                    "gomem: unsupported: program too large (too many copied type expressions)",
                );
                self.aborted = true;
                self.t.tok = Tok::Eof;
            }
            return self.bad_expr();
        }
        let mut c = e.clone();
        renumber(&mut c, &mut self.next_id);
        c
    }

    // ------------------------------------------------------------------
    // Files and declarations

    fn file(&mut self) -> Option<File> {
        if !self.got(Tok::Package) {
            self.syntax_error("package statement must be first");
            return None;
        }
        self.take_pragmas(); // e.g. `//go:build` lines
        let package = self.name();
        self.want(Tok::Semi);
        if !self.errors.is_empty() {
            return None;
        }
        let mut imports = Vec::new();
        let mut decls = Vec::new();
        let mut prev = Tok::Import;
        let mut last_func_bodyless = false;
        while self.tok() != Tok::Eof {
            if self.tok() == Tok::Import && prev != Tok::Import {
                self.syntax_error("imports must appear before other declarations");
            }
            prev = self.tok();
            match self.tok() {
                Tok::Import => {
                    self.next();
                    let specs = self.group(Self::import_spec);
                    imports.extend(specs.into_iter().flatten());
                }
                Tok::Const => {
                    self.next();
                    decls.push(Decl::Const(self.const_group()));
                }
                Tok::Type => {
                    self.next();
                    decls.push(Decl::Type(self.group(Self::type_spec)));
                }
                Tok::Var => {
                    self.next();
                    decls.push(Decl::Var(self.group(Self::var_spec)));
                }
                Tok::Func => {
                    let f = self.func_decl();
                    last_func_bodyless = f.body.is_none();
                    decls.push(Decl::Func(f));
                }
                _ => {
                    let bodyless =
                        matches!(decls.last(), Some(Decl::Func(_))) && last_func_bodyless;
                    if self.tok() == Tok::Lbrace && bodyless {
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
                    continue;
                }
            }
            self.clear_pragmas();
            if self.tok() != Tok::Eof && !self.got(Tok::Semi) {
                self.syntax_error("after top level declaration");
                self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
            }
        }
        self.clear_pragmas();
        Some(File {
            name: String::new(),
            package,
            imports,
            decls,
            num_exprs: self.next_id,
        })
    }

    /// Parses a possibly empty `sep`-separated list closed by `close`, calling `f` for each
    /// element (until it returns true); returns the position of the closing token.
    fn list(
        &mut self,
        context: &str,
        sep: Tok,
        close: Tok,
        f: &mut dyn FnMut(&mut Self) -> bool,
    ) -> Pos {
        let mut done = false;
        while self.tok() != Tok::Eof && self.tok() != close && !done {
            done = f(self);
            if !self.got(sep) && self.tok() != close {
                let msg = format!(
                    "in {context}; possibly missing {} or {}",
                    sep.expected_name(),
                    close.expected_name()
                );
                self.syntax_error(&msg);
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                if self.tok() != close {
                    return self.pos();
                }
            }
        }
        let pos = self.pos();
        self.want(close);
        pos
    }

    /// `spec` or `( { spec ; } )`.
    fn group<T>(&mut self, f: fn(&mut Self) -> T) -> Vec<T> {
        let mut out = Vec::new();
        if self.tok() == Tok::Lparen {
            self.clear_pragmas();
            self.next(); // after clearing: the `(` may be followed by directives for the specs
            self.list("grouped declaration", Tok::Semi, Tok::Rparen, &mut |p| {
                p.take_pragmas(); // a spec accepts (and ignores) directives
                out.push(f(p));
                false
            });
        } else {
            self.take_pragmas();
            out.push(f(self));
        }
        out
    }

    fn import_spec(&mut self) -> Option<Import> {
        let alias = match self.tok() {
            Tok::Name => Some(self.name()),
            Tok::Dot => {
                let id = Ident {
                    name: ".".into(),
                    pos: self.pos(),
                };
                self.next();
                Some(id)
            }
            _ => None,
        };
        if self.tok() != Tok::Literal {
            self.syntax_error("missing import path");
            self.advance(&[Tok::Semi, Tok::Rparen]);
            return None;
        }
        let (pos, raw, kind, bad) = (self.pos(), self.t.lit.clone(), self.t.kind, self.t.bad);
        self.next();
        if !bad && kind != LitKind::String {
            self.syntax_error_at(pos, "import path must be a string");
        }
        Some(Import {
            alias,
            path: unquote(&raw),
            pos,
        })
    }

    /// A const declaration: specs with their `iota` and implicit repetition filled in.
    fn const_group(&mut self) -> Vec<ValueSpec> {
        let grouped = self.tok() == Tok::Lparen;
        let mut specs = self.group(Self::const_spec);
        if grouped {
            for i in 0..specs.len() {
                specs[i].iota = i as u32;
                if i > 0 && specs[i].ty.is_none() && specs[i].values.is_empty() {
                    let prev = &specs[i - 1];
                    let (ty, values) = (prev.ty.clone(), prev.values.clone());
                    specs[i].ty = ty.map(|t| self.fresh_copy(&t));
                    specs[i].values = values.iter().map(|v| self.fresh_copy(v)).collect();
                    specs[i].implicit = true;
                }
            }
        }
        specs
    }

    /// The names of a const or var spec.
    fn spec_names(&mut self) -> ValueSpec {
        let first = self.name();
        let names = self.name_list(first);
        ValueSpec {
            names,
            ty: None,
            values: Vec::new(),
            iota: 0,
            implicit: false,
        }
    }

    fn const_spec(&mut self) -> ValueSpec {
        let mut spec = self.spec_names();
        if !matches!(self.tok(), Tok::Eof | Tok::Semi | Tok::Rparen) {
            spec.ty = self.type_or_none();
            if self.got_assign() {
                spec.values = self.expr_list();
            }
        }
        spec
    }

    fn var_spec(&mut self) -> ValueSpec {
        let mut spec = self.spec_names();
        if !self.got_assign() {
            spec.ty = Some(self.type_());
            if !self.got_assign() {
                return spec;
            }
        }
        spec.values = self.expr_list();
        spec
    }

    fn type_spec(&mut self) -> TypeSpec {
        let name = self.name();
        let mut spec = TypeSpec {
            name,
            type_params: Vec::new(),
            alias: false,
            ty: self.placeholder(),
        };
        let ty;
        if self.tok() == Tok::Lbrack {
            // An array or slice type, or a type parameter list.
            let pos = self.pos();
            self.next();
            match self.tok() {
                Tok::Name => {
                    let id = self.name();
                    let mut x = self.name_expr(id);
                    if self.tok() != Tok::Lbrack {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x));
                        x = self.binary_expr(Some(px), 0);
                        self.xnest -= 1;
                    }
                    let force = self.tok() == Tok::Comma;
                    match extract_name(x, force) {
                        Ok((pname, ptype)) if ptype.is_some() || self.tok() != Tok::Rbrack => {
                            let ExprKind::Name(n) = pname.kind else {
                                unreachable!("extract_name gives a name")
                            };
                            let pname = Ident {
                                name: n,
                                pos: pname.pos,
                            };
                            let (fields, _) =
                                self.param_list(Some(pname), ptype, Tok::Rbrack, true, false);
                            spec.type_params = fields;
                            spec.alias = self.got_assign();
                            ty = self.type_or_none();
                        }
                        Ok((len, _)) => ty = Some(self.array_type(pos, Some(len))),
                        Err(x) => ty = Some(self.array_type(pos, Some(x))),
                    }
                }
                Tok::Rbrack => {
                    self.next();
                    let elem = self.type_();
                    ty = Some(self.expr(pos, ExprKind::SliceType(Box::new(elem))));
                }
                _ => ty = Some(self.array_type(pos, None)),
            }
        } else {
            spec.alias = self.got_assign();
            ty = self.type_or_none();
        }
        match ty {
            Some(t) => spec.ty = t,
            None => {
                self.syntax_error("in type declaration");
                self.advance(&[Tok::Semi, Tok::Rparen]);
            }
        }
        spec
    }

    /// A bad expression used before the real one is known; only survives in erroneous files.
    fn placeholder(&mut self) -> Expr {
        Expr {
            id: u32::MAX,
            pos: self.pos(),
            kind: ExprKind::Name("_".into()),
        }
    }

    fn func_decl(&mut self) -> FuncDecl {
        let pos = self.pos();
        let pragmas = self.take_pragmas();
        self.next(); // func
        let mut recv = None;
        let mut has_recv = false;
        if self.got(Tok::Lparen) {
            has_recv = true;
            let (mut fields, _) = self.param_list(None, None, Tok::Rparen, false, false);
            match fields.len() {
                0 => self.error("method has no receiver"),
                1 => recv = fields.pop(),
                _ => {
                    self.error("method has multiple receivers");
                    recv = Some(fields.swap_remove(0));
                }
            }
        }
        let (name, type_params, sig);
        if self.tok() == Tok::Name {
            name = self.name();
            (type_params, sig) = self.func_type("", pos);
        } else {
            name = Ident {
                name: "_".into(),
                pos: self.pos(),
            };
            type_params = Vec::new();
            sig = FuncType {
                pos,
                params: Vec::new(),
                results: Vec::new(),
                variadic: false,
            };
            self.syntax_error(if has_recv {
                "expected name"
            } else {
                "expected name or ("
            });
            self.advance(&[Tok::Lbrace, Tok::Semi]);
        }
        let body = if self.tok() == Tok::Lbrace {
            Some(self.func_body())
        } else {
            None
        };
        FuncDecl {
            pos,
            recv,
            name,
            type_params,
            sig,
            body,
            pragmas,
        }
    }

    /// A function body; its labels and branches are checked when it parsed without errors.
    fn func_body(&mut self) -> Block {
        self.fnest += 1;
        let errors = self.errors.len() - self.branch_errors;
        let b = self.block("");
        self.fnest -= 1;
        if self.errors.len() - self.branch_errors == errors {
            let mut errs = check_branches(&self.file, &b, &self.selects);
            self.branch_errors += errs.len();
            self.errors.append(&mut errs);
        }
        b
    }

    // ------------------------------------------------------------------
    // Expressions

    fn expression(&mut self) -> Expr {
        self.binary_expr(None, 0)
    }

    /// Precedence climbing (see the module docs).
    fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        // Each operator deepens the (left-leaning) tree by one level, which counts towards the
        // nesting limit like recursion does.
        let mut spine = 0;
        while matches!(self.tok(), Tok::Operator | Tok::Star) && self.t.op.prec() > prec {
            let (pos, op) = (self.pos(), self.t.op);
            let Op::Bin(bop) = op else { break };
            if !self.enter() {
                break;
            }
            spine += 1;
            self.next();
            let y = self.binary_expr(None, op.prec());
            x = self.expr(
                pos,
                ExprKind::Binary {
                    op: bop,
                    x: Box::new(x),
                    y: Box::new(y),
                },
            );
        }
        self.depth -= spine;
        x
    }

    fn unary_expr(&mut self) -> Expr {
        if !self.enter() {
            return self.bad_expr();
        }
        let x = self.unary_expr_inner();
        self.leave();
        x
    }

    fn unary_expr_inner(&mut self) -> Expr {
        let pos = self.pos();
        match (self.tok(), self.t.op) {
            (Tok::Star, _) => {
                self.next();
                let x = self.unary_expr();
                return self.expr(pos, ExprKind::Star(Box::new(x)));
            }
            (Tok::Operator, op) => {
                let uop = match op {
                    Op::Bin(BinaryOp::Add) => Some(UnaryOp::Plus),
                    Op::Bin(BinaryOp::Sub) => Some(UnaryOp::Neg),
                    Op::Not => Some(UnaryOp::Not),
                    // `~T` (type-set term) is stored as `^T`; the checker rejects both in types.
                    Op::Bin(BinaryOp::Xor) | Op::Tilde => Some(UnaryOp::BitNot),
                    Op::Bin(BinaryOp::And) => Some(UnaryOp::Addr),
                    _ => None,
                };
                if let Some(uop) = uop {
                    self.next();
                    let mut x = self.unary_expr();
                    if uop == UnaryOp::Addr {
                        x = self.drop_parens(x); // `&(T{})` is `&T{}`
                    }
                    return self.expr(
                        pos,
                        ExprKind::Unary {
                            op: uop,
                            x: Box::new(x),
                        },
                    );
                }
            }
            (Tok::Arrow, _) => {
                self.next();
                let mut x = self.unary_expr();
                if matches!(x.kind, ExprKind::ChanType { .. }) {
                    // `<-chan T`: the arrow belongs to the channel type.
                    self.reassociate_arrow(&mut x);
                    return x;
                }
                return self.expr(
                    pos,
                    ExprKind::Unary {
                        op: UnaryOp::Recv,
                        x: Box::new(x),
                    },
                );
            }
            _ => {}
        }
        self.pexpr(None)
    }

    /// `<-` followed by the channel type `x`: make `x` receive-only, pushing any `chan<-` down
    /// (`<-chan<- T`... is an error, as in Go).
    fn reassociate_arrow(&mut self, x: &mut Expr) {
        // First see how far the arrow travels (read-only), then rewrite the directions.
        let mut dir = ChanDir::Send;
        let mut n = 0;
        let mut t: &Expr = x;
        while dir == ChanDir::Send {
            let ExprKind::ChanType { dir: d, elem } = &t.kind else {
                break;
            };
            dir = *d;
            if dir == ChanDir::Recv {
                self.syntax_error("unexpected <-, expected chan");
            }
            n += 1;
            t = elem;
        }
        if dir == ChanDir::Send {
            let s = expr_string(t);
            self.syntax_error(&format!("unexpected {s}, expected chan"));
        }
        make_recv(x, n);
    }

    /// `go f()` / `defer f()`.
    fn call_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        let kw = self.tok();
        self.next();
        let mut x = self.pexpr(None);
        if let ExprKind::Paren(_) = x.kind {
            let word = kw.spelling();
            self.error_at(
                x.pos,
                format!("expression in {word} must not be parenthesized"),
            );
            x = unparen_owned(x);
        }
        let kind = if kw == Tok::Go {
            StmtKind::Go(x)
        } else {
            StmtKind::Defer(x)
        };
        Stmt { pos, kind }
    }

    fn operand(&mut self) -> Expr {
        let pos = self.pos();
        match self.tok() {
            Tok::Name => {
                let id = self.name();
                self.name_expr(id)
            }
            Tok::Literal => self.basic_lit(),
            Tok::Lparen => {
                self.next();
                self.xnest += 1;
                let x = self.expression();
                self.xnest -= 1;
                self.want(Tok::Rparen);
                self.expr(pos, ExprKind::Paren(Box::new(x)))
            }
            Tok::Func => {
                self.next();
                let paren = self.pos();
                let (_, sig) = self.func_type("function type", pos);
                if self.tok() == Tok::Lbrace {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    return self.expr(pos, ExprKind::FuncLit { sig, body });
                }
                // Go positions a function type at its `(` (the signature keeps `func`'s).
                self.expr(paren, ExprKind::FuncType(sig))
            }
            Tok::Lbrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => self.type_(),
            _ => {
                let x = self.bad_expr();
                self.syntax_error("expected expression");
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                x
            }
        }
    }

    fn basic_lit(&mut self) -> Expr {
        let (pos, kind, raw) = (self.pos(), self.t.kind, std::mem::take(&mut self.t.lit));
        self.next();
        self.expr(pos, ExprKind::BasicLit { kind, raw })
    }

    /// Primary expressions: an operand followed by selectors, indexes, slices, type
    /// assertions, calls and composite-literal bodies.
    fn pexpr(&mut self, x: Option<Expr>) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(),
        };
        let mut spine = 0; // see `binary_expr`
        loop {
            let pos = self.pos();
            if matches!(
                self.tok(),
                Tok::Dot | Tok::Lbrack | Tok::Lparen | Tok::Lbrace
            ) {
                if !self.enter() {
                    break;
                }
                spine += 1;
            }
            match self.tok() {
                Tok::Dot => {
                    self.next();
                    match self.tok() {
                        Tok::Name => x = self.selector(pos, x),
                        Tok::Lparen => {
                            self.next();
                            let ty = if self.got(Tok::Type) {
                                None
                            } else {
                                Some(Box::new(self.type_()))
                            };
                            x = self.expr(pos, ExprKind::TypeAssert { x: Box::new(x), ty });
                            self.want(Tok::Rparen);
                        }
                        _ => {
                            self.syntax_error("expected name or (");
                            self.advance(&[Tok::Semi, Tok::Rparen]);
                        }
                    }
                }
                Tok::Lbrack => {
                    self.next();
                    let mut lo = None;
                    if self.tok() != Tok::Colon {
                        let (index, comma) = if self.tok() == Tok::Rbrack {
                            self.syntax_error("expected operand");
                            (vec![self.bad_expr()], false)
                        } else {
                            self.type_list(false)
                        };
                        if comma || self.tok() == Tok::Rbrack {
                            self.want(Tok::Rbrack);
                            x = self.expr(
                                pos,
                                ExprKind::Index {
                                    x: Box::new(x),
                                    index,
                                },
                            );
                            continue;
                        }
                        lo = index.into_iter().next().map(Box::new);
                    }
                    if !self.got(Tok::Colon) {
                        self.syntax_error("expected comma, : or ]");
                        self.advance(&[Tok::Comma, Tok::Colon, Tok::Rbrack]);
                    }
                    self.xnest += 1;
                    let mut hi = None;
                    let mut max = None;
                    if self.tok() != Tok::Colon && self.tok() != Tok::Rbrack {
                        hi = Some(Box::new(self.expression()));
                    }
                    if self.tok() == Tok::Colon {
                        if hi.is_none() {
                            self.error("middle index required in 3-index slice");
                            hi = Some(Box::new(self.bad_expr()));
                        }
                        self.next();
                        if self.tok() != Tok::Rbrack {
                            max = Some(Box::new(self.expression()));
                        } else {
                            self.error("final index required in 3-index slice");
                            max = Some(Box::new(self.bad_expr()));
                        }
                    }
                    self.xnest -= 1;
                    self.want(Tok::Rbrack);
                    x = self.expr(
                        pos,
                        ExprKind::Slice {
                            x: Box::new(x),
                            lo,
                            hi,
                            max,
                        },
                    );
                }
                Tok::Lparen => {
                    self.next();
                    let (args, ellipsis, rparen) = self.arg_list();
                    x = self.expr(
                        pos,
                        ExprKind::Call {
                            func: Box::new(x),
                            args,
                            ellipsis,
                            rparen,
                        },
                    );
                }
                Tok::Lbrace => {
                    let t = x.unparen();
                    let complit_ok = match &t.kind {
                        ExprKind::Name(n) if n == BAD_EXPR => false,
                        ExprKind::Name(_) | ExprKind::Selector { .. } => self.xnest >= 0,
                        ExprKind::Index { .. } => self.xnest >= 0 && !is_value(t),
                        ExprKind::ArrayType { .. }
                        | ExprKind::SliceType(_)
                        | ExprKind::StructType(_)
                        | ExprKind::MapType { .. } => true,
                        _ => false,
                    };
                    if !complit_ok {
                        break;
                    }
                    if matches!(x.kind, ExprKind::Paren(_)) {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    let mut lit = self.complit();
                    if let ExprKind::CompositeLit { ty, .. } = &mut lit.kind {
                        *ty = Some(Box::new(x));
                    }
                    x = lit;
                }
                _ => break,
            }
        }
        self.depth -= spine;
        x
    }

    /// An element of a composite literal: an expression or a nested `{...}` with elided type.
    fn bare_complit(&mut self) -> Expr {
        if self.tok() == Tok::Lbrace {
            return self.complit();
        }
        self.expression()
    }

    /// `{ elem, key: value, ... }`, positioned at the `{`; the caller fills in the type.
    fn complit(&mut self) -> Expr {
        let pos = self.pos();
        if !self.enter() {
            return self.bad_expr();
        }
        self.xnest += 1;
        self.want(Tok::Lbrace);
        let mut elems = Vec::new();
        let rbrace = self.list("composite literal", Tok::Comma, Tok::Rbrace, &mut |p| {
            let e = p.bare_complit();
            if p.tok() == Tok::Colon {
                let colon = p.pos();
                p.next();
                let v = p.bare_complit();
                let kv = p.expr(
                    colon,
                    ExprKind::KeyValue {
                        key: Box::new(e),
                        value: Box::new(v),
                    },
                );
                elems.push(kv);
            } else {
                elems.push(e);
            }
            false
        });
        self.xnest -= 1;
        self.leave();
        self.expr(
            pos,
            ExprKind::CompositeLit {
                ty: None,
                elems,
                rbrace,
            },
        )
    }

    // ------------------------------------------------------------------
    // Types

    fn type_(&mut self) -> Expr {
        match self.type_or_none() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("expected type");
                self.advance(&[
                    Tok::Comma,
                    Tok::Colon,
                    Tok::Semi,
                    Tok::Rparen,
                    Tok::Rbrack,
                    Tok::Rbrace,
                ]);
                t
            }
        }
    }

    fn type_or_none(&mut self) -> Option<Expr> {
        if !self.enter() {
            return Some(self.bad_expr());
        }
        let t = self.type_or_none_inner();
        self.leave();
        t
    }

    fn type_or_none_inner(&mut self) -> Option<Expr> {
        let pos = self.pos();
        let kind = match self.tok() {
            Tok::Star => {
                self.next();
                ExprKind::Star(Box::new(self.type_()))
            }
            Tok::Arrow => {
                self.next();
                self.want(Tok::Chan);
                ExprKind::ChanType {
                    dir: ChanDir::Recv,
                    elem: Box::new(self.chan_elem()),
                }
            }
            Tok::Func => {
                self.next();
                let paren = self.pos(); // as above in `operand`
                let sig = self.func_type("function type", pos).1;
                return Some(self.expr(paren, ExprKind::FuncType(sig)));
            }
            Tok::Lbrack => {
                self.next();
                if self.got(Tok::Rbrack) {
                    ExprKind::SliceType(Box::new(self.type_()))
                } else {
                    return Some(self.array_type(pos, None));
                }
            }
            Tok::Chan => {
                self.next();
                let dir = if self.got(Tok::Arrow) {
                    ChanDir::Send
                } else {
                    ChanDir::Both
                };
                ExprKind::ChanType {
                    dir,
                    elem: Box::new(self.chan_elem()),
                }
            }
            Tok::Map => {
                self.next();
                self.want(Tok::Lbrack);
                let key = self.type_();
                self.want(Tok::Rbrack);
                let value = self.type_();
                ExprKind::MapType {
                    key: Box::new(key),
                    value: Box::new(value),
                }
            }
            Tok::Struct => return Some(self.struct_type()),
            Tok::Interface => return Some(self.interface_type()),
            Tok::Name => return Some(self.qualified_name(None)),
            Tok::Lparen => {
                self.next();
                let t = self.type_();
                self.want(Tok::Rparen);
                return Some(t);
            }
            _ => return None,
        };
        Some(self.expr(pos, kind))
    }

    /// `T[args]` after a type name.
    fn type_instance(&mut self, x: Expr) -> Expr {
        let pos = self.pos();
        self.want(Tok::Lbrack);
        let index = if self.tok() == Tok::Rbrack {
            self.syntax_error("expected type argument list");
            vec![self.bad_expr()]
        } else {
            self.type_list(true).0
        };
        self.want(Tok::Rbrack);
        self.expr(
            pos,
            ExprKind::Index {
                x: Box::new(x),
                index,
            },
        )
    }

    /// A signature after `func` (or after the name in a declaration). `context` is non-empty
    /// where type parameters are not allowed. `pos` is the position to record for the type.
    fn func_type(&mut self, context: &str, pos: Pos) -> (Vec<Field>, FuncType) {
        let here = self.pos();
        let mut tparams = Vec::new();
        if self.got(Tok::Lbrack) {
            if !context.is_empty() {
                self.syntax_error_at(here, &format!("{context} must have no type parameters"));
            }
            if self.tok() == Tok::Rbrack {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                tparams = self.param_list(None, None, Tok::Rbrack, true, false).0;
            }
        }
        self.want(Tok::Lparen);
        let (params, variadic) = self.param_list(None, None, Tok::Rparen, false, true);
        let results = self.func_result();
        (
            tparams,
            FuncType {
                pos,
                params,
                results,
                variadic,
            },
        )
    }

    /// After `[`: the length (or `...`), `]` and the element type.
    fn array_type(&mut self, pos: Pos, len: Option<Expr>) -> Expr {
        let len = match len {
            Some(l) => Some(l),
            None if self.got(Tok::DotDotDot) => None,
            None => {
                self.xnest += 1;
                let l = self.expression();
                self.xnest -= 1;
                Some(l)
            }
        };
        if self.tok() == Tok::Comma {
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(Tok::Rbrack);
        let elem = self.type_();
        self.expr(
            pos,
            ExprKind::ArrayType {
                len: len.map(Box::new),
                elem: Box::new(elem),
            },
        )
    }

    fn chan_elem(&mut self) -> Expr {
        match self.type_or_none() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("missing channel element type");
                t
            }
        }
    }

    fn struct_type(&mut self) -> Expr {
        let pos = self.pos();
        self.want(Tok::Struct);
        self.want(Tok::Lbrace);
        let mut fields = Vec::new();
        self.list("struct type", Tok::Semi, Tok::Rbrace, &mut |p| {
            p.field_decl(&mut fields);
            false
        });
        self.expr(pos, ExprKind::StructType(fields))
    }

    fn tag(&mut self) -> Option<String> {
        if self.tok() == Tok::Literal {
            let raw = std::mem::take(&mut self.t.lit);
            self.next();
            return Some(unquote(&raw));
        }
        None
    }

    fn embedded(&mut self, ty: Expr) -> Field {
        let tag = self.tag();
        Field {
            name: None,
            ty,
            tag,
            embedded: true,
        }
    }

    fn field_decl(&mut self, fields: &mut Vec<Field>) {
        let pos = self.pos();
        match self.tok() {
            Tok::Name => {
                let name = self.name();
                if matches!(
                    self.tok(),
                    Tok::Dot | Tok::Literal | Tok::Semi | Tok::Rbrace
                ) {
                    let ty = self.qualified_name(Some(name));
                    fields.push(self.embedded(ty));
                    return;
                }
                let names = self.name_list(name);
                let ty = if names.len() == 1 && self.tok() == Tok::Lbrack {
                    match self.array_or_targs() {
                        ArrayOrArgs::Type(t) => t,
                        ArrayOrArgs::Args(ipos, index) => {
                            let x = self.name_expr(names.into_iter().next().expect("one name"));
                            let ty = self.expr(
                                ipos,
                                ExprKind::Index {
                                    x: Box::new(x),
                                    index,
                                },
                            );
                            fields.push(self.embedded(ty));
                            return;
                        }
                    }
                } else {
                    self.type_()
                };
                let tag = self.tag();
                let mut ty = Some(ty);
                for name in names {
                    let t = match ty.take() {
                        Some(t) => t,
                        None => {
                            let first: &Field = fields.last().expect("previous field");
                            let first = first.ty.clone();
                            self.fresh_copy(&first)
                        }
                    };
                    fields.push(Field {
                        name: Some(name),
                        ty: t,
                        tag: tag.clone(),
                        embedded: false,
                    });
                }
            }
            Tok::Star => {
                self.next();
                let ty = if self.tok() == Tok::Lparen {
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.qualified_name(None);
                    self.got(Tok::Rparen);
                    t
                } else {
                    self.qualified_name(None)
                };
                let ty = self.expr(pos, ExprKind::Star(Box::new(ty)));
                fields.push(self.embedded(ty));
            }
            Tok::Lparen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let ty = if self.tok() == Tok::Star {
                    let spos = self.pos();
                    self.next();
                    let t = self.qualified_name(None);
                    self.expr(spos, ExprKind::Star(Box::new(t)))
                } else {
                    self.qualified_name(None)
                };
                self.got(Tok::Rparen);
                fields.push(self.embedded(ty));
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[Tok::Semi, Tok::Rbrace]);
            }
        }
    }

    /// After a name, at `[`: `[]E`, `[N]E` (a field or parameter of array type), or `[A, B]`
    /// (type arguments of an embedded or parameter type).
    fn array_or_targs(&mut self) -> ArrayOrArgs {
        let pos = self.pos();
        self.want(Tok::Lbrack);
        if self.got(Tok::Rbrack) {
            let elem = self.type_();
            return ArrayOrArgs::Type(self.expr(pos, ExprKind::SliceType(Box::new(elem))));
        }
        let (mut n, comma) = self.type_list(false);
        self.want(Tok::Rbrack);
        if !comma {
            if let Some(elem) = self.type_or_none() {
                let len = n.pop().map(Box::new);
                return ArrayOrArgs::Type(self.expr(
                    pos,
                    ExprKind::ArrayType {
                        len,
                        elem: Box::new(elem),
                    },
                ));
            }
        }
        ArrayOrArgs::Args(pos, n)
    }

    fn interface_type(&mut self) -> Expr {
        let pos = self.pos();
        self.want(Tok::Interface);
        self.want(Tok::Lbrace);
        let mut elems = Vec::new();
        self.list("interface type", Tok::Semi, Tok::Rbrace, &mut |p| {
            let f = if p.tok() == Tok::Name {
                p.method_decl()
            } else {
                None
            };
            let f = match f {
                Some(f) if f.name.is_some() => f,
                other => p.embedded_elem(other.map(|f| f.ty)),
            };
            elems.push(f);
            false
        });
        self.expr(pos, ExprKind::InterfaceType(elems))
    }

    /// An interface element starting with a name: a method `m(...)`, or an embedded
    /// (possibly qualified or instantiated) interface name.
    fn method_decl(&mut self) -> Option<Field> {
        let name = self.name();
        const CONTEXT: &str = "interface method";
        let method = |p: &mut Self, name: Ident| {
            let pos = p.pos();
            let sig = p.func_type(CONTEXT, pos).1;
            let ty = p.expr(pos, ExprKind::FuncType(sig));
            Some(Field {
                name: Some(name),
                ty,
                tag: None,
                embedded: false,
            })
        };
        match self.tok() {
            Tok::Lparen => method(self, name),
            Tok::Lbrack => {
                let pos = self.pos();
                self.next();
                if self.tok() == Tok::Rbrack {
                    let rpos = self.pos();
                    self.next();
                    if self.tok() == Tok::Lparen {
                        self.error_at(rpos, "empty type parameter list");
                        return method(self, name);
                    }
                    self.error_at(rpos, "empty type argument list");
                    let ty = self.name_expr(name);
                    return Some(Field {
                        name: None,
                        ty,
                        tag: None,
                        embedded: true,
                    });
                }
                let (list, _) = self.param_list(None, None, Tok::Rbrack, false, false);
                if list.is_empty() {
                    if self.tok() == Tok::Lparen {
                        return method(self, name);
                    }
                    let ty = self.name_expr(name);
                    return Some(Field {
                        name: None,
                        ty,
                        tag: None,
                        embedded: true,
                    });
                }
                if list[0].name.is_some() {
                    let f = method(self, name);
                    self.error_at(pos, "interface method must have no type parameters");
                    return f;
                }
                let x = self.name_expr(name);
                let index = list.into_iter().map(|f| f.ty).collect();
                let ty = self.expr(
                    pos,
                    ExprKind::Index {
                        x: Box::new(x),
                        index,
                    },
                );
                Some(Field {
                    name: None,
                    ty,
                    tag: None,
                    embedded: true,
                })
            }
            _ => {
                let ty = self.qualified_name(Some(name));
                Some(Field {
                    name: None,
                    ty,
                    tag: None,
                    embedded: true,
                })
            }
        }
    }

    /// An embedded interface element: a type, or a union `A | ~B | ...` (generics only).
    fn embedded_elem(&mut self, first: Option<Expr>) -> Field {
        let mut ty = match first {
            Some(t) => t,
            None => self.embedded_term(),
        };
        while self.is_op(Op::Bin(BinaryOp::Or)) {
            let pos = self.pos();
            self.next();
            let y = self.embedded_term();
            ty = self.expr(
                pos,
                ExprKind::Binary {
                    op: BinaryOp::Or,
                    x: Box::new(ty),
                    y: Box::new(y),
                },
            );
        }
        Field {
            name: None,
            ty,
            tag: None,
            embedded: true,
        }
    }

    fn embedded_term(&mut self) -> Expr {
        if self.is_op(Op::Tilde) {
            let pos = self.pos();
            self.next();
            let t = self.type_();
            return self.expr(
                pos,
                ExprKind::Unary {
                    op: UnaryOp::BitNot,
                    x: Box::new(t),
                },
            );
        }
        match self.type_or_none() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("expected ~ term or type");
                self.advance(&[
                    Tok::Operator,
                    Tok::Semi,
                    Tok::Rparen,
                    Tok::Rbrack,
                    Tok::Rbrace,
                ]);
                t
            }
        }
    }

    fn func_result(&mut self) -> Vec<Field> {
        if self.got(Tok::Lparen) {
            return self.param_list(None, None, Tok::Rparen, false, false).0;
        }
        match self.type_or_none() {
            Some(ty) => vec![Field {
                name: None,
                ty,
                tag: None,
                embedded: false,
            }],
            None => Vec::new(),
        }
    }

    /// One parameter declaration: `[name] [...]Type`, or just a name (sorted out later).
    fn param_decl(&mut self, name: Option<Ident>, follow: Tok) -> Option<Param> {
        let type_sets_ok = follow == Tok::Rbrack;
        let union = |p: &mut Self, ty: Expr| p.embedded_elem(Some(ty)).ty;
        if name.is_none() && type_sets_ok && self.is_op(Op::Tilde) {
            let ty = self.embedded_elem(None).ty;
            return Some(Param {
                name: None,
                ty: Some(ty),
                dots: None,
            });
        }
        let mut par = Param {
            name: None,
            ty: None,
            dots: None,
        };
        if self.tok() == Tok::Name || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.name(),
            };
            if self.tok() == Tok::Lbrack {
                match self.array_or_targs() {
                    ArrayOrArgs::Args(pos, index) => {
                        let x = self.name_expr(name);
                        par.ty = Some(self.expr(
                            pos,
                            ExprKind::Index {
                                x: Box::new(x),
                                index,
                            },
                        ));
                    }
                    ArrayOrArgs::Type(t) => {
                        par.name = Some(name);
                        par.ty = Some(t);
                    }
                }
                if type_sets_ok && self.is_op(Op::Bin(BinaryOp::Or)) {
                    par.ty = par.ty.map(|t| union(self, t));
                }
                return Some(par);
            }
            if self.tok() == Tok::Dot {
                let mut ty = self.qualified_name(Some(name));
                if type_sets_ok && self.is_op(Op::Bin(BinaryOp::Or)) {
                    ty = union(self, ty);
                }
                par.ty = Some(ty);
                return Some(par);
            }
            if type_sets_ok && self.is_op(Op::Bin(BinaryOp::Or)) {
                let ty = self.name_expr(name);
                par.ty = Some(union(self, ty));
                return Some(par);
            }
            par.name = Some(name);
        }
        if self.tok() == Tok::DotDotDot {
            let dpos = self.pos();
            self.next();
            match self.type_or_none() {
                Some(t) => {
                    par.ty = Some(t);
                    par.dots = Some(dpos);
                }
                None => {
                    par.ty = Some(self.bad_expr());
                    self.syntax_error("... is missing type");
                }
            }
            return Some(par);
        }
        if type_sets_ok && self.is_op(Op::Tilde) {
            par.ty = Some(self.embedded_elem(None).ty);
            return Some(par);
        }
        par.ty = self.type_or_none();
        if type_sets_ok && self.is_op(Op::Bin(BinaryOp::Or)) {
            if let Some(t) = par.ty.take() {
                par.ty = Some(union(self, t));
            }
        }
        if par.name.is_some() || par.ty.is_some() {
            return Some(par);
        }
        self.syntax_error(&format!("expected {}", follow.expected_name()));
        self.advance(&[Tok::Comma, follow]);
        None
    }

    /// A parameter list after its opening `(` or `[`, up to and including `close`. Returns one
    /// [`Field`] per name and whether the last parameter is variadic. `name`/`ty` may carry an
    /// already parsed first parameter (from a type declaration's `[`).
    fn param_list(
        &mut self,
        name: Option<Ident>,
        ty: Option<Expr>,
        close: Tok,
        require_names: bool,
        dots_ok: bool,
    ) -> (Vec<Field>, bool) {
        let mut list: Vec<Param> = Vec::new();
        let end;
        if let (Some(n), Some(t)) = (&name, &ty) {
            if self.tok() == close {
                end = self.pos();
                self.next();
                list.push(Param {
                    name: Some(n.clone()),
                    ty: Some(t.clone()),
                    dots: None,
                });
                return self.finish_params(list, end, require_names, dots_ok);
            }
        }
        let mut first = Some((name, ty));
        end = self.list("parameter list", Tok::Comma, close, &mut |p| {
            let par = match first.take() {
                Some((Some(n), Some(t))) => Some(Param {
                    name: Some(n),
                    ty: Some(t),
                    dots: None,
                }),
                Some((n, _)) => p.param_decl(n, close),
                None => p.param_decl(None, close),
            };
            list.extend(par);
            false
        });
        self.finish_params(list, end, require_names, dots_ok)
    }

    /// Sorts out names and types: `(a, b int)` gives `b`'s type to `a` too, `(int, string)`
    /// is two unnamed parameters; mixing is an error. Then checks the use of `...`.
    fn finish_params(
        &mut self,
        mut list: Vec<Param>,
        end: Pos,
        require_names: bool,
        dots_ok: bool,
    ) -> (Vec<Field>, bool) {
        let named = list
            .iter()
            .filter(|p| p.name.is_some() && p.ty.is_some())
            .count();
        let typed = list.iter().filter(|p| p.ty.is_some()).count();
        if named == 0 && !require_names {
            for par in &mut list {
                if let Some(n) = par.name.take() {
                    par.ty = Some(self.name_expr(n));
                }
            }
        } else if named != list.len() {
            let mut err_pos = None;
            let mut cur: Option<Expr> = None;
            for par in list.iter_mut().rev() {
                if let Some(t) = &par.ty {
                    cur = Some(t.clone());
                    if par.name.is_none() {
                        let p = start_pos(t);
                        err_pos = Some(p);
                        par.name = Some(Ident {
                            name: "_".into(),
                            pos: p,
                        });
                    }
                } else if let Some(t) = &cur {
                    par.ty = Some(self.fresh_copy(t));
                } else {
                    let p = par.name.as_ref().map_or(end, |n| n.pos);
                    err_pos = Some(p);
                    par.ty = Some(self.expr(p, ExprKind::Name(BAD_EXPR.into())));
                }
            }
            if let Some(mut pos) = err_pos {
                let msg = if named == typed {
                    pos = end;
                    if require_names {
                        "missing type constraint".to_string()
                    } else {
                        "missing parameter type".to_string()
                    }
                } else if require_names {
                    let mut m = "missing type parameter name".to_string();
                    if list.len() == 1 {
                        m += " or invalid array length";
                    }
                    m
                } else {
                    "missing parameter name".to_string()
                };
                self.syntax_error_at(pos, &msg);
            }
        }
        let mut variadic = false;
        let mut reported = false;
        let n = list.len();
        for (i, par) in list.iter_mut().enumerate() {
            if let Some(dpos) = par.dots {
                if !dots_ok || i + 1 < n {
                    if !reported {
                        reported = true;
                        let msg = if dots_ok {
                            "can only use ... with final parameter"
                        } else {
                            "invalid use of ..."
                        };
                        self.error_at(dpos, msg);
                    }
                } else {
                    variadic = true;
                }
            }
        }
        let fields = list
            .into_iter()
            .filter_map(|p| {
                Some(Field {
                    name: p.name,
                    ty: p.ty?,
                    tag: None,
                    embedded: false,
                })
            })
            .collect();
        (fields, variadic)
    }

    // ------------------------------------------------------------------
    // Statements

    /// Simple statements; `lhs` is an already parsed expression list. `keyword` is the header
    /// being parsed (`for` allows a range clause, `switch` a type switch guard).
    fn simple_stmt(&mut self, lhs: Option<Vec<Expr>>, keyword: Option<Tok>) -> Simple {
        if keyword == Some(Tok::For) && self.tok() == Tok::Range {
            return self.range_clause(Vec::new(), false);
        }
        let mut lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };
        if lhs.len() == 1 && self.tok() != Tok::Assign && self.tok() != Tok::Define {
            let x = lhs.pop().expect("one expression");
            let pos = self.pos();
            let kind = match self.tok() {
                Tok::AssignOp => {
                    let Op::Bin(op) = self.t.op else {
                        unreachable!("assign op without operator")
                    };
                    self.next();
                    let rhs = self.expression();
                    StmtKind::Assign {
                        op: AssignOp::Op(op),
                        lhs: vec![x],
                        rhs: vec![rhs],
                    }
                }
                Tok::IncOp => {
                    let inc = self.t.op == Op::Bin(BinaryOp::Add);
                    self.next();
                    StmtKind::IncDec { x, inc }
                }
                Tok::Arrow => {
                    self.next();
                    let value = self.expression();
                    StmtKind::Send { ch: x, value }
                }
                _ => {
                    return Simple::Stmt(Stmt {
                        pos: x.pos,
                        kind: StmtKind::Expr(x),
                    })
                }
            };
            return Simple::Stmt(Stmt { pos, kind });
        }
        match self.tok() {
            Tok::Assign | Tok::Define => {
                let pos = self.pos();
                let define = self.tok() == Tok::Define;
                self.next();
                if keyword == Some(Tok::For) && self.tok() == Tok::Range {
                    return self.range_clause(lhs, define);
                }
                let rhs = self.expr_list();
                if keyword == Some(Tok::Switch) && define && lhs.len() == 1 && rhs.len() == 1 {
                    let is_guard = matches!(rhs[0].kind, ExprKind::TypeAssert { ty: None, .. });
                    if let (true, ExprKind::Name(n)) = (is_guard, &lhs[0].kind) {
                        let bind = Ident {
                            name: n.clone(),
                            pos: lhs[0].pos,
                        };
                        let guard = rhs.into_iter().next().expect("one expression");
                        return Simple::Guard {
                            bind,
                            bind_id: lhs[0].id,
                            guard,
                        };
                    }
                }
                let op = if define {
                    AssignOp::Define
                } else {
                    AssignOp::Assign
                };
                Simple::Stmt(Stmt {
                    pos,
                    kind: StmtKind::Assign { op, lhs, rhs },
                })
            }
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(&[Tok::Semi, Tok::Rbrace]);
                let x = lhs.into_iter().next().unwrap_or_else(|| self.bad_expr());
                Simple::Stmt(Stmt {
                    pos: x.pos,
                    kind: StmtKind::Expr(x),
                })
            }
        }
    }

    fn range_clause(&mut self, lhs: Vec<Expr>, define: bool) -> Simple {
        self.next(); // range
        let x = self.expression();
        if let Some(extra) = lhs.get(2) {
            self.error_at(
                start_pos(extra),
                "range clause permits at most two iteration variables",
            );
        }
        let mut it = lhs.into_iter();
        Simple::Range {
            key: it.next(),
            value: it.next(),
            define,
            x,
        }
    }

    /// A statement in a position where only statements make sense.
    fn simple_to_stmt(&mut self, s: Simple, pos: Pos) -> Stmt {
        match s {
            Simple::Stmt(s) => s,
            Simple::Guard { guard, .. } => Stmt {
                pos: guard.pos,
                kind: StmtKind::Expr(guard),
            },
            Simple::Range { x, .. } => Stmt {
                pos,
                kind: StmtKind::Expr(x),
            },
        }
    }

    fn labeled_stmt(&mut self, label: Ident) -> Option<Stmt> {
        let pos = self.pos();
        self.want(Tok::Colon);
        if self.tok() == Tok::Rbrace {
            let empty = Stmt {
                pos: self.pos(),
                kind: StmtKind::Empty,
            };
            return Some(Stmt {
                pos,
                kind: StmtKind::Labeled {
                    label,
                    stmt: Box::new(empty),
                },
            });
        }
        match self.stmt_or_none() {
            Some(s) => Some(Stmt {
                pos,
                kind: StmtKind::Labeled {
                    label,
                    stmt: Box::new(s),
                },
            }),
            None => {
                self.syntax_error_at(pos, "missing statement after label");
                None
            }
        }
    }

    fn block(&mut self, context: &str) -> Block {
        let lbrace = self.pos();
        if !self.got(Tok::Lbrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[Tok::Name, Tok::Rbrace]);
            let rbrace = self.pos();
            if self.got(Tok::Rbrace) {
                return Block {
                    lbrace,
                    stmts: Vec::new(),
                    rbrace,
                };
            }
        }
        let stmts = self.stmt_list();
        let rbrace = self.pos();
        self.want(Tok::Rbrace);
        Block {
            lbrace,
            stmts,
            rbrace,
        }
    }

    /// The header of `if`, `for` or `switch`: `[init ;] cond` or `init; cond; post`, or a range
    /// clause. Returns (init, cond, post, range).
    fn header(&mut self, keyword: Tok) -> (Option<Stmt>, Cond, Option<Stmt>, Option<Simple>) {
        let kw_pos = self.pos();
        self.want(keyword);
        if self.tok() == Tok::Lbrace {
            if keyword == Tok::If {
                self.syntax_error("missing condition in if statement");
            }
            return (None, Cond::None, None, None);
        }
        let outer = self.xnest;
        self.xnest = -1;
        let mut init = None;
        if self.tok() != Tok::Semi {
            if self.got(Tok::Var) {
                self.syntax_error(&format!(
                    "var declaration not allowed in {} initializer",
                    keyword.spelling()
                ));
            }
            let s = self.simple_stmt(None, Some(keyword));
            if let Simple::Range { .. } = s {
                self.xnest = outer;
                return (None, Cond::None, None, Some(s));
            }
            init = Some(s);
        }
        let mut cond_stmt: Option<Simple> = None;
        let mut post = None;
        let mut semi: Option<(Pos, String)> = None;
        'parse: {
            if self.tok() != Tok::Lbrace {
                if self.tok() == Tok::Semi {
                    semi = Some((self.pos(), self.t.lit.clone()));
                    self.next();
                } else {
                    self.want(Tok::Lbrace);
                    if self.tok() != Tok::Lbrace {
                        self.advance(&[Tok::Lbrace, Tok::Rbrace]);
                    }
                }
                if keyword == Tok::For {
                    if self.tok() != Tok::Semi {
                        if self.tok() == Tok::Lbrace {
                            self.syntax_error("expected for loop condition");
                            break 'parse;
                        }
                        cond_stmt = Some(self.simple_stmt(None, None));
                    }
                    self.want(Tok::Semi);
                    if self.tok() != Tok::Lbrace {
                        let s = self.simple_stmt(None, None);
                        let s = self.simple_to_stmt(s, kw_pos);
                        if let StmtKind::Assign {
                            op: AssignOp::Define,
                            ..
                        } = s.kind
                        {
                            self.syntax_error_at(
                                s.pos,
                                "cannot declare in post statement of for loop",
                            );
                        }
                        post = Some(s);
                    }
                } else if self.tok() != Tok::Lbrace {
                    cond_stmt = Some(self.simple_stmt(None, Some(keyword)));
                }
            } else {
                cond_stmt = init.take();
            }
        }
        let init = init.map(|s| self.simple_to_stmt(s, kw_pos));
        let cond = match cond_stmt {
            None => {
                if let (Tok::If, Some((pos, lit))) = (keyword, semi) {
                    if lit != "semicolon" {
                        self.syntax_error_at(
                            pos,
                            &format!("unexpected {lit}, expected {{ after if clause"),
                        );
                    } else {
                        self.syntax_error_at(pos, "missing condition in if statement");
                    }
                }
                Cond::None
            }
            Some(Simple::Stmt(Stmt {
                kind: StmtKind::Expr(x),
                ..
            })) if keyword == Tok::Switch => match self.unwrap_guard(x, None) {
                Ok(x) => Cond::TypeSwitch(None, x),
                Err(x) => Cond::Expr(x),
            },
            Some(Simple::Stmt(Stmt {
                kind: StmtKind::Expr(x),
                ..
            })) => Cond::Expr(x),
            Some(Simple::Guard {
                bind,
                bind_id,
                guard,
            }) => match self.unwrap_guard(guard, Some(bind_id)) {
                Ok(x) => Cond::TypeSwitch(Some(bind), x),
                Err(x) => Cond::Expr(x),
            },
            Some(Simple::Stmt(s)) => {
                let text = match &s.kind {
                    StmtKind::Assign {
                        op: AssignOp::Assign,
                        lhs,
                        rhs,
                    } => {
                        format!("assignment {} = {}", emphasize(lhs), emphasize(rhs))
                    }
                    _ => stmt_string(&s),
                };
                self.syntax_error_at(s.pos, &format!("cannot use {text} as value"));
                Cond::None
            }
            Some(Simple::Range { .. }) => Cond::None,
        };
        self.xnest = outer;
        (init, cond, post, None)
    }

    fn for_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        let (init, cond, post, range) = self.header(Tok::For);
        let body = self.block("for clause");
        let kind = match range {
            Some(Simple::Range {
                key,
                value,
                define,
                x,
            }) => StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            },
            _ => {
                let cond = match cond {
                    Cond::Expr(x) | Cond::TypeSwitch(_, x) => Some(x),
                    Cond::None => None,
                };
                StmtKind::For {
                    init: init.map(Box::new),
                    cond,
                    post: post.map(Box::new),
                    body,
                }
            }
        };
        Stmt { pos, kind }
    }

    /// `if` with its `else if` chain, parsed in a loop (a long chain must not cost stack) and
    /// nested from the end: `if a {} else if b {} else {}` is `If(a, els: If(b, els: Block))`.
    fn if_stmt(&mut self) -> Stmt {
        let mut chain = Vec::new();
        let mut els = None;
        loop {
            let pos = self.pos();
            let (init, cond, _, _) = self.header(Tok::If);
            let cond = match cond {
                Cond::Expr(x) | Cond::TypeSwitch(_, x) => x,
                Cond::None => self.bad_expr(),
            };
            let then = self.block("if clause");
            chain.push((pos, init, cond, then));
            if !self.got(Tok::Else) {
                break;
            }
            match self.tok() {
                Tok::If if self.enter() => continue, // each `else if` nests one level deeper
                Tok::Lbrace => {
                    let b = self.block("");
                    els = Some(Box::new(Stmt {
                        pos: b.lbrace,
                        kind: StmtKind::Block(b),
                    }));
                }
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[Tok::Name, Tok::Rbrace]);
                }
            }
            break;
        }
        self.depth -= chain.len() as u32 - 1;
        for (pos, init, cond, then) in chain.into_iter().rev() {
            let kind = StmtKind::If {
                init: init.map(Box::new),
                cond,
                then,
                els,
            };
            els = Some(Box::new(Stmt { pos, kind }));
        }
        *els.expect("at least one if")
    }

    fn switch_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        let (init, cond, _, _) = self.header(Tok::Switch);
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let mut body = Vec::new();
        while self.tok() != Tok::Eof && self.tok() != Tok::Rbrace {
            body.push(self.case_clause(false));
        }
        let rbrace = self.pos();
        self.want(Tok::Rbrace);
        let init = init.map(Box::new);
        let kind = match cond {
            Cond::TypeSwitch(bind, x) => StmtKind::TypeSwitch {
                init,
                bind,
                x,
                body,
                rbrace,
            },
            Cond::Expr(tag) => StmtKind::Switch {
                init,
                tag: Some(tag),
                body,
                rbrace,
            },
            Cond::None => StmtKind::Switch {
                init,
                tag: None,
                body,
                rbrace,
            },
        };
        Stmt { pos, kind }
    }

    fn select_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        self.want(Tok::Select);
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after select clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let mut clauses = Vec::new();
        while self.tok() != Tok::Eof && self.tok() != Tok::Rbrace {
            clauses.push(self.case_clause(true));
        }
        self.want(Tok::Rbrace);
        self.selects.insert(pos, clauses);
        Stmt {
            pos,
            kind: StmtKind::Select,
        }
    }

    /// A `case`/`default` clause of a switch, or (with `comm`) of a select.
    fn case_clause(&mut self, comm: bool) -> CaseClause {
        let pos = self.pos();
        let mut exprs = Vec::new();
        let mut default = false;
        match self.tok() {
            Tok::Case => {
                self.next();
                if comm {
                    self.simple_stmt(None, None);
                } else {
                    exprs = self.expr_list();
                }
            }
            Tok::Default => {
                self.next();
                default = true;
            }
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::Rbrace]);
            }
        }
        let colon = self.pos();
        self.want(Tok::Colon);
        let body = self.stmt_list();
        CaseClause {
            pos,
            exprs,
            default,
            colon,
            body,
        }
    }

    fn decl_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        let kw = self.tok();
        self.next();
        let kind = match kw {
            Tok::Var => StmtKind::Var(self.group(Self::var_spec)),
            Tok::Const => StmtKind::Const(self.const_group()),
            _ => StmtKind::Type(self.group(Self::type_spec)),
        };
        Stmt { pos, kind }
    }

    fn stmt_or_none(&mut self) -> Option<Stmt> {
        if !self.enter() {
            return None;
        }
        let s = self.stmt_or_none_inner();
        self.leave();
        s
    }

    fn stmt_or_none_inner(&mut self) -> Option<Stmt> {
        let pos = self.pos();
        if !matches!(self.tok(), Tok::Var | Tok::Const | Tok::Type) {
            self.clear_pragmas(); // only declarations accept directives
        }
        if self.tok() == Tok::Name {
            let lhs = self.expr_list();
            if lhs.len() == 1 && self.tok() == Tok::Colon {
                if let ExprKind::Name(n) = &lhs[0].kind {
                    let label = Ident {
                        name: n.clone(),
                        pos: lhs[0].pos,
                    };
                    if lhs[0].id + 1 == self.next_id {
                        self.next_id -= 1; // the name was the last expression created
                    }
                    return self.labeled_stmt(label);
                }
            }
            let s = self.simple_stmt(Some(lhs), None);
            return Some(self.simple_to_stmt(s, pos));
        }
        let simple = |p: &mut Self| {
            let s = p.simple_stmt(None, None);
            Some(p.simple_to_stmt(s, pos))
        };
        let branch = |kind, label| {
            Some(Stmt {
                pos,
                kind: StmtKind::Branch { kind, label },
            })
        };
        match self.tok() {
            Tok::Var | Tok::Const | Tok::Type => Some(self.decl_stmt()),
            Tok::Lbrace => {
                let b = self.block("");
                Some(Stmt {
                    pos,
                    kind: StmtKind::Block(b),
                })
            }
            Tok::Operator | Tok::Star => match self.t.op {
                Op::Bin(
                    BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::And | BinaryOp::Xor,
                )
                | Op::Not => simple(self),
                _ => None,
            },
            Tok::Literal
            | Tok::Func
            | Tok::Lparen
            | Tok::Lbrack
            | Tok::Struct
            | Tok::Map
            | Tok::Chan
            | Tok::Interface
            | Tok::Arrow => simple(self),
            Tok::For => Some(self.for_stmt()),
            Tok::Switch => Some(self.switch_stmt()),
            Tok::Select => Some(self.select_stmt()),
            Tok::If => Some(self.if_stmt()),
            Tok::Fallthrough => {
                self.next();
                branch(BranchKind::Fallthrough, None)
            }
            Tok::Break | Tok::Continue => {
                let kind = if self.tok() == Tok::Break {
                    BranchKind::Break
                } else {
                    BranchKind::Continue
                };
                self.next();
                let label = if self.tok() == Tok::Name {
                    Some(self.name())
                } else {
                    None
                };
                branch(kind, label)
            }
            Tok::Go | Tok::Defer => Some(self.call_stmt()),
            Tok::Goto => {
                self.next();
                let label = self.name();
                branch(BranchKind::Goto, Some(label))
            }
            Tok::Return => {
                self.next();
                let mut results = Vec::new();
                if self.tok() != Tok::Semi && self.tok() != Tok::Rbrace {
                    results = self.expr_list();
                }
                Some(Stmt {
                    pos,
                    kind: StmtKind::Return(results),
                })
            }
            Tok::Semi => Some(Stmt {
                pos,
                kind: StmtKind::Empty,
            }),
            _ => None,
        }
    }

    fn stmt_list(&mut self) -> Vec<Stmt> {
        let mut out = Vec::new();
        while !matches!(
            self.tok(),
            Tok::Eof | Tok::Rbrace | Tok::Case | Tok::Default
        ) {
            let s = self.stmt_or_none();
            self.clear_pragmas();
            let Some(s) = s else { break };
            out.push(s);
            if !self.got(Tok::Semi) && self.tok() != Tok::Rbrace {
                self.syntax_error("at end of statement");
                self.advance(&[Tok::Semi, Tok::Rbrace, Tok::Case, Tok::Default]);
                self.got(Tok::Semi);
            }
        }
        out
    }

    /// Call arguments after `(`: returns them, whether the last has `...`, and the `)`.
    fn arg_list(&mut self) -> (Vec<Expr>, bool, Pos) {
        let mut args = Vec::new();
        let mut dots = false;
        self.xnest += 1;
        let rparen = self.list("argument list", Tok::Comma, Tok::Rparen, &mut |p| {
            args.push(p.expression());
            dots = p.got(Tok::DotDotDot);
            dots
        });
        self.xnest -= 1;
        (args, dots, rparen)
    }

    // ------------------------------------------------------------------
    // Common productions

    fn name(&mut self) -> Ident {
        if self.tok() == Tok::Name {
            let id = Ident {
                name: std::mem::take(&mut self.t.lit),
                pos: self.pos(),
            };
            self.next();
            return id;
        }
        let id = Ident {
            name: "_".into(),
            pos: self.pos(),
        };
        self.syntax_error("expected name");
        self.advance(&[]);
        id
    }

    fn name_list(&mut self, first: Ident) -> Vec<Ident> {
        let mut l = vec![first];
        while self.got(Tok::Comma) {
            l.push(self.name());
        }
        l
    }

    /// `T`, `pkg.T`, `T[args]` in type position.
    fn qualified_name(&mut self, name: Option<Ident>) -> Expr {
        let mut x = match name {
            Some(n) => self.name_expr(n),
            None if self.tok() == Tok::Name => {
                let n = self.name();
                self.name_expr(n)
            }
            None => {
                let x = self.bad_expr();
                self.syntax_error("expected name");
                self.advance(&[Tok::Dot, Tok::Semi, Tok::Rbrace]);
                x
            }
        };
        if self.tok() == Tok::Dot {
            let pos = self.pos();
            self.next();
            x = self.selector(pos, x);
        }
        if self.tok() == Tok::Lbrack {
            x = self.type_instance(x);
        }
        x
    }

    /// `x.sel` with the `.` (at `pos`) consumed.
    fn selector(&mut self, pos: Pos, x: Expr) -> Expr {
        let sel = self.name();
        self.expr(
            pos,
            ExprKind::Selector {
                x: Box::new(x),
                sel,
            },
        )
    }

    fn expr_list(&mut self) -> Vec<Expr> {
        let mut l = vec![self.expression()];
        while self.got(Tok::Comma) {
            l.push(self.expression());
        }
        l
    }

    /// A non-empty list of types (the first may be any expression unless `strict`); the bool
    /// tells whether a comma was seen.
    fn type_list(&mut self, strict: bool) -> (Vec<Expr>, bool) {
        self.xnest += 1;
        let first = if strict {
            self.type_()
        } else {
            self.expression()
        };
        let mut list = vec![first];
        let mut comma = false;
        if self.got(Tok::Comma) {
            comma = true;
            if let Some(t) = self.type_or_none() {
                list.push(t);
                while self.got(Tok::Comma) {
                    match self.type_or_none() {
                        Some(t) => list.push(t),
                        None => break,
                    }
                }
            }
        }
        self.xnest -= 1;
        (list, comma)
    }
}

/// Makes the outermost `n` nested channel types of `t` receive-only.
fn make_recv(t: &mut Expr, n: usize) {
    if let (true, ExprKind::ChanType { dir, elem }) = (n > 0, &mut t.kind) {
        *dir = ChanDir::Recv;
        make_recv(elem, n - 1);
    }
}

/// Strips enclosing parentheses, by value.
fn unparen_owned(mut x: Expr) -> Expr {
    while let ExprKind::Paren(inner) = x.kind {
        x = *inner;
    }
    x
}

/// Gives `e` and all expressions inside it fresh ids from `next`.
fn renumber(e: &mut Expr, next: &mut ExprId) {
    e.id = *next;
    *next += 1;
    for_each_child_mut(e, &mut |c| renumber(c, next));
}

fn for_each_field_mut(fields: &mut [Field], f: &mut dyn FnMut(&mut Expr)) {
    for fl in fields {
        f(&mut fl.ty);
    }
}

/// Calls `f` on each direct sub-expression of `e` (not descending into function bodies,
/// whose expressions are not copied by [`Parser::fresh_copy`]'s callers: types never contain
/// bodies).
fn for_each_child_mut(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    use ExprKind::*;
    match &mut e.kind {
        Name(_) | BasicLit { .. } | Ellipsis => {}
        CompositeLit { ty, elems, .. } => {
            if let Some(t) = ty {
                f(t);
            }
            for x in elems {
                f(x);
            }
        }
        KeyValue { key, value } => {
            f(key);
            f(value);
        }
        FuncLit { sig, .. } | FuncType(sig) => {
            for_each_field_mut(&mut sig.params, f);
            for_each_field_mut(&mut sig.results, f);
        }
        Paren(x) | Star(x) | SliceType(x) | Unary { x, .. } | Selector { x, .. } => f(x),
        Index { x, index } => {
            f(x);
            for i in index {
                f(i);
            }
        }
        Slice { x, lo, hi, max } => {
            f(x);
            for y in [lo, hi, max].into_iter().flatten() {
                f(y);
            }
        }
        TypeAssert { x, ty } => {
            f(x);
            if let Some(t) = ty {
                f(t);
            }
        }
        Call { func, args, .. } => {
            f(func);
            for a in args {
                f(a);
            }
        }
        Binary { x, y, .. } => {
            f(x);
            f(y);
        }
        ArrayType { len, elem } => {
            if let Some(l) = len {
                f(l);
            }
            f(elem);
        }
        MapType { key, value } => {
            f(key);
            f(value);
        }
        ChanType { elem, .. } => f(elem),
        StructType(fields) | InterfaceType(fields) => for_each_field_mut(fields, f),
    }
}

/// The leftmost position of an expression (Go's `syntax.StartPos`).
pub fn start_pos(e: &Expr) -> Pos {
    use ExprKind::*;
    match &e.kind {
        CompositeLit { ty: Some(t), .. } => start_pos(t),
        KeyValue { key: x, .. }
        | Selector { x, .. }
        | Index { x, .. }
        | TypeAssert { x, .. }
        | Binary { x, .. }
        | Call { func: x, .. } => start_pos(x),
        _ => e.pos,
    }
}

/// Whether `x` must be a value (and so cannot be the type of a composite literal).
fn is_value(x: &Expr) -> bool {
    use ExprKind::*;
    match &x.kind {
        BasicLit { .. }
        | CompositeLit { .. }
        | FuncLit { .. }
        | Slice { .. }
        | TypeAssert { .. }
        | Call { .. } => true,
        Unary { .. } | Binary { .. } => true,
        Paren(inner) => is_value(inner),
        Index { x, index } => is_value(x) || index.iter().any(is_value),
        _ => false,
    }
}

/// Whether `x` can only be a type element (used to tell `type T[P *C] ...` from an array).
fn is_type_elem(x: &Expr) -> bool {
    use ExprKind::*;
    match &x.kind {
        ArrayType { .. }
        | StructType(_)
        | FuncType(_)
        | InterfaceType(_)
        | SliceType(_)
        | MapType { .. }
        | ChanType { .. } => true,
        Binary { x, y, .. } => is_type_elem(x) || is_type_elem(y),
        Unary {
            op: UnaryOp::BitNot,
            ..
        } => true,
        Unary { x, .. } | Star(x) | Paren(x) => is_type_elem(x),
        _ => false,
    }
}

/// Splits `P C` (read as an expression like `P * C` or `P(C)`) into a type parameter name and
/// its constraint, as Go does for `type T[P *C] ...`; `Err(x)` if it is not of that form.
fn extract_name(x: Expr, force: bool) -> Result<(Expr, Option<Expr>), Expr> {
    let rebuild = |kind| Expr {
        id: x.id,
        pos: x.pos,
        kind,
    };
    match x.kind {
        ExprKind::Name(_) => Ok((x, None)),
        ExprKind::Binary {
            op: BinaryOp::Mul,
            x: l,
            y,
        } if matches!(l.kind, ExprKind::Name(_)) && (force || is_type_elem(&y)) => {
            Ok((*l, Some(rebuild(ExprKind::Star(y)))))
        }
        ExprKind::Binary {
            op: BinaryOp::Or,
            x: l,
            y,
        } => {
            let f = force || is_type_elem(&y);
            match extract_name(*l, f) {
                Ok((name, Some(lhs))) => Ok((
                    name,
                    Some(rebuild(ExprKind::Binary {
                        op: BinaryOp::Or,
                        x: Box::new(lhs),
                        y,
                    })),
                )),
                Ok((l, None)) | Err(l) => Err(rebuild(ExprKind::Binary {
                    op: BinaryOp::Or,
                    x: Box::new(l),
                    y,
                })),
            }
        }
        ExprKind::Call {
            func,
            mut args,
            ellipsis: false,
            rparen,
        } if matches!(func.kind, ExprKind::Name(_))
            && args.len() == 1
            && (force || is_type_elem(&args[0])) =>
        {
            let _ = rparen;
            let a = unparen_owned(args.pop().expect("one argument"));
            Ok((*func, Some(a)))
        }
        kind => Err(rebuild(kind)),
    }
}

/// Removes the quotes and resolves the escapes of a string literal (best effort for malformed
/// ones).
pub fn unquote(raw: &str) -> String {
    if let Some(s) = raw.strip_prefix('`') {
        return s.strip_suffix('`').unwrap_or(s).replace('\r', "");
    }
    let s = raw.strip_prefix('"').unwrap_or(raw);
    let s = s.strip_suffix('"').unwrap_or(s);
    let mut out = String::new();
    let mut bytes: Vec<u8> = Vec::new();
    let mut it = s.chars().peekable();
    let flush = |bytes: &mut Vec<u8>, out: &mut String| {
        out.push_str(&String::from_utf8_lossy(bytes));
        bytes.clear();
    };
    while let Some(c) = it.next() {
        if c != '\\' {
            flush(&mut bytes, &mut out);
            out.push(c);
            continue;
        }
        let Some(e) = it.next() else { break };
        let hex = |n: usize, it: &mut std::iter::Peekable<std::str::Chars>| {
            let digits: String = (0..n).filter_map(|_| it.next()).collect();
            u32::from_str_radix(&digits, 16).unwrap_or(0xFFFD)
        };
        match e {
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            'x' => {
                bytes.push(hex(2, &mut it) as u8);
                continue;
            }
            'u' => out.push(char::from_u32(hex(4, &mut it)).unwrap_or('\u{FFFD}')),
            'U' => out.push(char::from_u32(hex(8, &mut it)).unwrap_or('\u{FFFD}')),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    if let Some(d) = it.peek().and_then(|c| c.to_digit(8)) {
                        v = v * 8 + d;
                        it.next();
                    }
                }
                bytes.push(v as u8);
                continue;
            }
            other => out.push(other),
        }
        flush(&mut bytes, &mut out);
    }
    flush(&mut bytes, &mut out);
    out
}

// ----------------------------------------------------------------------
// Printing expressions in messages (Go's short form: bodies are elided with `…`).

fn emphasize(list: &[Expr]) -> String {
    let s = list_string(list);
    if list.len() == 1 && matches!(list[0].kind, ExprKind::Binary { .. }) {
        format!("({s})")
    } else {
        s
    }
}

pub(crate) fn list_string(list: &[Expr]) -> String {
    list.iter().map(expr_string).collect::<Vec<_>>().join(", ")
}

fn stmt_string(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Assign { op, lhs, rhs } => {
            let op = match op {
                AssignOp::Assign => "=".to_string(),
                AssignOp::Define => ":=".to_string(),
                AssignOp::Op(b) => format!("{}=", b.as_str()),
            };
            format!("{} {op} {}", list_string(lhs), list_string(rhs))
        }
        StmtKind::IncDec { x, inc } => {
            format!("{}{}", expr_string(x), if *inc { "++" } else { "--" })
        }
        StmtKind::Send { ch, value } => format!("{} <- {}", expr_string(ch), expr_string(value)),
        StmtKind::Expr(x) => expr_string(x),
        _ => "statement".into(),
    }
}

fn fields_string(fields: &[Field], variadic: bool) -> String {
    let n = fields.len();
    fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let dots = if variadic && i + 1 == n { "..." } else { "" };
            match &f.name {
                Some(name) => format!("{} {dots}{}", name.name, expr_string(&f.ty)),
                None => format!("{dots}{}", expr_string(&f.ty)),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn sig_string(sig: &FuncType) -> String {
    let mut s = format!("func({})", fields_string(&sig.params, sig.variadic));
    match sig.results.as_slice() {
        [] => {}
        [r] if r.name.is_none() => s += &format!(" {}", expr_string(&r.ty)),
        rs => s += &format!(" ({})", fields_string(rs, false)),
    }
    s
}

/// Renders an expression the way the Go compiler prints it in syntax errors.
pub fn expr_string(e: &Expr) -> String {
    use ExprKind::*;
    match &e.kind {
        Name(n) => n.clone(),
        BasicLit { raw, .. } => raw.clone(),
        CompositeLit { ty, .. } => format!(
            "{}{{…}}",
            ty.as_ref().map_or(String::new(), |t| expr_string(t))
        ),
        KeyValue { key, value } => format!("{}: {}", expr_string(key), expr_string(value)),
        FuncLit { sig, .. } => format!("{} {{…}}", sig_string(sig)),
        Paren(x) => format!("({})", expr_string(x)),
        Selector { x, sel } => format!("{}.{}", expr_string(x), sel.name),
        Index { x, index } => format!("{}[{}]", expr_string(x), list_string(index)),
        Slice { x, lo, hi, max } => {
            let o = |v: &Option<Box<Expr>>| v.as_ref().map_or(String::new(), |v| expr_string(v));
            let mut s = format!("{}[{}:{}", expr_string(x), o(lo), o(hi));
            if max.is_some() {
                s += &format!(":{}", o(max));
            }
            s + "]"
        }
        TypeAssert { x, ty } => {
            format!(
                "{}.({})",
                expr_string(x),
                ty.as_ref().map_or("type".to_string(), |t| expr_string(t))
            )
        }
        Call {
            func,
            args,
            ellipsis,
            ..
        } => {
            format!(
                "{}({}{})",
                expr_string(func),
                list_string(args),
                if *ellipsis { "..." } else { "" }
            )
        }
        Star(x) => format!("*{}", expr_string(x)),
        Unary { op, x } => format!("{}{}", op.as_str(), expr_string(x)),
        Binary { op, x, y } => format!("{} {} {}", expr_string(x), op.as_str(), expr_string(y)),
        ArrayType { len, elem } => {
            format!(
                "[{}]{}",
                len.as_ref().map_or("...".to_string(), |l| expr_string(l)),
                expr_string(elem)
            )
        }
        SliceType(x) => format!("[]{}", expr_string(x)),
        MapType { key, value } => format!("map[{}]{}", expr_string(key), expr_string(value)),
        ChanType { dir, elem } => match dir {
            ChanDir::Both => format!("chan {}", expr_string(elem)),
            ChanDir::Send => format!("chan<- {}", expr_string(elem)),
            ChanDir::Recv => format!("<-chan {}", expr_string(elem)),
        },
        FuncType(sig) => sig_string(sig),
        StructType(_) => "struct{…}".into(),
        InterfaceType(_) => "interface{…}".into(),
        Ellipsis => "...".into(),
    }
}
