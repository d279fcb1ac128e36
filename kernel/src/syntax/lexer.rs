//! The lexer: Go source text to [`Token`]s, one at a time, on demand.
//!
//! ## Reading characters
//!
//! The lexer keeps one character of lookahead, `ch`, together with its position. Columns count
//! bytes from the start of the line (a tab is one column, `é` is two), exactly as the Go
//! toolchain does. Three characters are dropped while reading, as the Go compiler does: a NUL
//! byte (reported as `invalid NUL character`), and a byte order mark, which is silently skipped
//! at the very start of the file and reported anywhere else.
//!
//! ## Automatic semicolons
//!
//! Go's grammar uses semicolons as terminators, but programmers almost never write them. The
//! specification's rule is that a newline becomes a semicolon when the last token on the line was
//! an identifier, a literal, one of the keywords `break continue fallthrough return`, one of the
//! operators `++ --`, or a closing `) ] }`. The lexer implements it with one flag, `nlsemi`, set
//! after each token that allows a semicolon to follow. While the flag is set, a newline is not
//! white space but the token [`Tok::Semi`] with text `newline`; the end of the file becomes a
//! semicolon with text `EOF`, and a `/* ... */` comment that spans lines counts as a newline. The
//! text is what the go command prints in `unexpected newline`. A line comment (`// ...`) stops
//! just before its newline, so the newline after it still produces the semicolon, positioned at
//! the newline character itself.
//!
//! ## Directives
//!
//! A line comment starting exactly with `//go:` is a compiler directive. The lexer records the
//! ones the compiler knows (`go:noinline`, `go:nosplit`, `go:embed`, ...) in
//! [`Lexer::pragmas`], with the position of the text after `//`. The parser hands them to the
//! declaration that follows (a function keeps them in `FuncDecl::pragmas`) and reports any
//! others as `misplaced compiler directive`, as Go does. A directive that shares its line with
//! code is misplaced at once, and runtime-only directives are rejected.
//!
//! ## Errors
//!
//! Malformed literals and invalid characters never stop the lexer: it records a message in
//! [`Lexer::errors`] with the same text and position as the Go compiler, marks the literal as
//! `bad` and carries on, so the parser always receives a well-formed token stream.

use super::ast::{BinaryOp, LitKind};
use super::token::{Op, Tok, Token};
use super::Pos;

/// End of input in the `ch` lookahead.
const EOF: i32 = -1;

/// A `//go:` directive waiting for the declaration it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pragma {
    /// Position of the text after `//`, where Go reports a misplaced directive.
    pub pos: Pos,
    /// The directive without `//`, e.g. `go:noinline`.
    pub text: String,
}

/// The directives the compiler attaches to declarations (others, like `//go:generate`, are
/// for other tools and ignored).
const KNOWN: [&str; 16] = [
    "go:build",
    "go:nointerface",
    "go:noescape",
    "go:norace",
    "go:nosplit",
    "go:noinline",
    "go:nocheckptr",
    "go:systemstack",
    "go:nowritebarrier",
    "go:nowritebarrierrec",
    "go:yeswritebarrierrec",
    "go:cgo_unsafe_args",
    "go:uintptrkeepalive",
    "go:uintptrescapes",
    "go:registerparams",
    "go:embed",
];

/// Directives that only the runtime may use.
const RUNTIME_ONLY: [&str; 4] = [
    "go:systemstack",
    "go:nowritebarrier",
    "go:nowritebarrierrec",
    "go:yeswritebarrierrec",
];

pub struct Lexer<'a> {
    src: &'a [u8],
    /// Current character (or [`EOF`]) and the byte offset just after it.
    ch: i32,
    next_off: usize,
    /// Byte offset where `ch` starts, and its 0-based line and column.
    off: usize,
    line: u32,
    col: u32,
    /// Offset where the current token starts.
    start: usize,
    /// A newline or EOF here becomes a semicolon.
    nlsemi: bool,
    /// Errors found so far, in source order.
    pub errors: Vec<(Pos, String)>,
    /// `//go:` directives seen since the parser last took or cleared them.
    pub pragmas: Vec<Pragma>,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a [u8]) -> Lexer<'a> {
        let mut lx = Lexer {
            src,
            ch: ' ' as i32,
            next_off: 0,
            off: 0,
            line: 0,
            col: 0,
            start: 0,
            nlsemi: false,
            errors: Vec::new(),
            pragmas: Vec::new(),
        };
        lx.nextch();
        lx
    }

    fn pos(&self) -> Pos {
        Pos::new(self.line + 1, self.col + 1)
    }

    fn error_at(&mut self, pos: Pos, msg: impl Into<String>) {
        self.errors.push((pos, msg.into()));
    }

    /// Reports an error at the current character.
    fn error(&mut self, msg: impl Into<String>) {
        let pos = self.pos();
        self.error_at(pos, msg);
    }

    /// Advances `ch` to the next character, skipping (and reporting) NULs, bytes that are not
    /// UTF-8, and byte order marks.
    fn nextch(&mut self) {
        loop {
            let width = (self.next_off - self.off) as u32;
            self.col += width;
            if self.ch == '\n' as i32 {
                self.line += 1;
                self.col = 0;
            }
            self.off = self.next_off;
            let rest = &self.src[self.off..];
            if rest.is_empty() {
                self.ch = EOF;
                return;
            }
            let Some(c) = decode(rest) else {
                self.ch = 0xFFFD;
                self.next_off = self.off + 1;
                self.error("invalid UTF-8 encoding");
                continue;
            };
            self.ch = c as i32;
            self.next_off = self.off + c.len_utf8();
            match c {
                '\0' => self.error("invalid NUL character"),
                '\u{feff}' => {
                    if self.line > 0 || self.col > 0 {
                        self.error("invalid BOM in the middle of the file");
                    }
                }
                _ => return,
            }
        }
    }

    fn is(&self, c: char) -> bool {
        self.ch == c as i32
    }

    /// Consumes `c` if it is the current character.
    fn follow(&mut self, c: char) -> bool {
        let yes = self.is(c);
        if yes {
            self.nextch();
        }
        yes
    }

    fn ch_char(&self) -> Option<char> {
        u32::try_from(self.ch).ok().and_then(char::from_u32)
    }

    /// The source text of the current token so far (skipped bytes included, as in Go).
    fn segment(&self) -> String {
        String::from_utf8_lossy(&self.src[self.start..self.off]).into_owned()
    }

    fn token(&self, tok: Tok, pos: Pos) -> Token {
        Token {
            tok,
            pos,
            lit: String::new(),
            op: Op::None,
            kind: LitKind::Int,
            bad: false,
        }
    }

    /// Scans the next token.
    pub fn next_token(&mut self) -> Token {
        let nlsemi = std::mem::replace(&mut self.nlsemi, false);
        loop {
            let (start_line, start_col) = (self.line, self.col);
            while self.is(' ') || self.is('\t') || self.is('\r') || (self.is('\n') && !nlsemi) {
                self.nextch();
            }
            // Nothing but blanks before this token on its line (for directives).
            let blank = self.line > start_line || start_col == 0;
            let pos = self.pos();
            self.start = self.off;
            if self.ch == EOF {
                if nlsemi {
                    return self.semi(pos, "EOF");
                }
                return self.token(Tok::Eof, pos);
            }
            let c = self.ch_char().unwrap_or('\0');
            if c.is_ascii_alphabetic() || c == '_' || !c.is_ascii() {
                return self.ident(pos);
            }
            self.nextch();
            let op_tok = |lx: &mut Self, b: BinaryOp| lx.assign_op(pos, Op::Bin(b));
            let t = match c {
                '\n' => return self.semi(pos, "newline"),
                '0'..='9' => return self.number(pos, false),
                '"' | '`' => return self.string(pos, c),
                '\'' => return self.rune(pos),
                '(' => Tok::Lparen,
                '[' => Tok::Lbrack,
                '{' => Tok::Lbrace,
                ',' => Tok::Comma,
                ';' => return self.semi(pos, "semicolon"),
                ')' | ']' | '}' => {
                    self.nlsemi = true;
                    match c {
                        ')' => Tok::Rparen,
                        ']' => Tok::Rbrack,
                        _ => Tok::Rbrace,
                    }
                }
                ':' if self.follow('=') => Tok::Define,
                ':' => Tok::Colon,
                '.' => {
                    if self.ch_char().is_some_and(|d| d.is_ascii_digit()) {
                        return self.number(pos, true);
                    }
                    if self.src[self.off..].starts_with(b"..") {
                        self.nextch();
                        self.nextch();
                        Tok::DotDotDot
                    } else {
                        Tok::Dot
                    }
                }
                '+' | '-' => {
                    let b = if c == '+' {
                        BinaryOp::Add
                    } else {
                        BinaryOp::Sub
                    };
                    if self.follow(c) {
                        self.nlsemi = true;
                        let mut t = self.token(Tok::IncOp, pos);
                        t.op = Op::Bin(b);
                        return t;
                    }
                    return op_tok(self, b);
                }
                '*' => {
                    let mut t = op_tok(self, BinaryOp::Mul);
                    if t.tok == Tok::Operator {
                        t.tok = Tok::Star;
                    }
                    return t;
                }
                '/' if self.follow('/') => {
                    self.line_comment(blank);
                    continue;
                }
                '/' if self.follow('*') => {
                    self.full_comment(pos);
                    if self.line + 1 > pos.line && nlsemi {
                        // a comment spanning lines acts like a newline
                        return self.semi(pos, "newline");
                    }
                    continue;
                }
                '!' | '<' | '>' | '=' if self.follow('=') => {
                    let op = match c {
                        '!' => BinaryOp::Ne,
                        '<' => BinaryOp::Le,
                        '>' => BinaryOp::Ge,
                        _ => BinaryOp::Eq,
                    };
                    return self.operator(pos, Op::Bin(op));
                }
                '&' | '|' if self.follow(c) => {
                    let op = if c == '&' {
                        BinaryOp::LogAnd
                    } else {
                        BinaryOp::LogOr
                    };
                    return self.operator(pos, Op::Bin(op));
                }
                '<' if self.follow('<') => return op_tok(self, BinaryOp::Shl),
                '>' if self.follow('>') => return op_tok(self, BinaryOp::Shr),
                '&' if self.follow('^') => return op_tok(self, BinaryOp::AndNot),
                '<' if self.follow('-') => Tok::Arrow,
                '<' => return self.operator(pos, Op::Bin(BinaryOp::Lt)),
                '>' => return self.operator(pos, Op::Bin(BinaryOp::Gt)),
                '=' => Tok::Assign,
                '!' => return self.operator(pos, Op::Not),
                '~' => return self.operator(pos, Op::Tilde),
                '/' | '%' | '&' | '|' | '^' => {
                    let op = match c {
                        '/' => BinaryOp::Div,
                        '%' => BinaryOp::Rem,
                        '&' => BinaryOp::And,
                        '|' => BinaryOp::Or,
                        _ => BinaryOp::Xor,
                    };
                    return op_tok(self, op);
                }
                _ => {
                    self.error_at(pos, format!("invalid character {}", go_unicode(c)));
                    continue;
                }
            };
            return self.token(t, pos);
        }
    }

    fn semi(&mut self, pos: Pos, lit: &str) -> Token {
        let mut t = self.token(Tok::Semi, pos);
        t.lit = lit.into();
        t
    }

    fn operator(&self, pos: Pos, op: Op) -> Token {
        let mut t = self.token(Tok::Operator, pos);
        t.op = op;
        t
    }

    /// An operator that may be followed by `=` to form an assignment operator.
    fn assign_op(&mut self, pos: Pos, op: Op) -> Token {
        let mut t = self.operator(pos, op);
        if self.is('=') {
            self.nextch();
            t.tok = Tok::AssignOp;
        }
        t
    }

    fn ident(&mut self, pos: Pos) -> Token {
        let mut first = true;
        while let Some(c) = self.ch_char().filter(|_| self.ch != EOF) {
            if c.is_ascii_alphanumeric() || c == '_' {
                // fine
            } else if c.is_ascii() {
                break;
            } else if c.is_alphabetic() && is_unicode_letter(c) {
                // fine
            } else if is_unicode_digit(c) {
                if first {
                    self.error(format!(
                        "identifier cannot begin with digit {}",
                        go_unicode(c)
                    ));
                }
            } else {
                self.error(format!("invalid character {} in identifier", go_unicode(c)));
            }
            first = false;
            self.nextch();
        }
        let lit = self.segment();
        if let Some(kw) = Tok::keyword(&lit) {
            self.nlsemi = matches!(
                kw,
                Tok::Break | Tok::Continue | Tok::Fallthrough | Tok::Return
            );
            return self.token(kw, pos);
        }
        self.nlsemi = true;
        let mut t = self.token(Tok::Name, pos);
        t.lit = lit.to_string();
        t
    }

    fn literal(&mut self, pos: Pos, kind: LitKind, ok: bool) -> Token {
        self.nlsemi = true;
        let mut t = self.token(Tok::Literal, pos);
        t.lit = self.segment();
        t.kind = kind;
        t.bad = !ok;
        t
    }

    /// Accepts `{ digit | '_' }`; returns bit 0 = digits seen, bit 1 = separators seen. For
    /// bases up to 10 any decimal digit is accepted, and the offset of the first one too large
    /// for the base is recorded in `invalid`.
    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u8 {
        let mut digsep = 0;
        while let Some(c) = self.ch_char() {
            let is_digit = if base <= 10 {
                c.is_ascii_digit()
            } else {
                c.is_ascii_hexdigit()
            };
            if c == '_' {
                digsep |= 2;
            } else if is_digit {
                digsep |= 1;
                if base <= 10 && c.to_digit(10).unwrap_or(0) >= base && invalid.is_none() {
                    *invalid = Some(self.off - self.start);
                }
            } else {
                break;
            }
            self.nextch();
        }
        digsep
    }

    fn number(&mut self, pos: Pos, mut seen_point: bool) -> Token {
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10;
        let mut prefix = '\0';
        let mut digsep = 0;
        let mut invalid = None;
        let lower = |lx: &Self| lx.ch_char().map(|c| c.to_ascii_lowercase());

        if !seen_point {
            if self.src.get(self.start) == Some(&b'0') {
                // `ch` is the character after the leading 0
                match lower(self) {
                    Some('x') => {
                        self.nextch();
                        (base, prefix) = (16, 'x');
                    }
                    Some('o') => {
                        self.nextch();
                        (base, prefix) = (8, 'o');
                    }
                    Some('b') => {
                        self.nextch();
                        (base, prefix) = (2, 'b');
                    }
                    _ => {
                        (base, prefix) = (8, '0');
                        digsep = 1;
                    }
                }
            } else {
                digsep = 1; // the first digit was consumed by the caller
            }
            digsep |= self.digits(base, &mut invalid);
            if self.is('.') {
                if prefix == 'o' || prefix == 'b' {
                    self.error(format!(
                        "invalid radix point in {} literal",
                        base_name(base)
                    ));
                    ok = false;
                }
                self.nextch();
                seen_point = true;
            }
        }
        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(base, &mut invalid);
        }
        if digsep & 1 == 0 && ok {
            self.error(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }
        let e = lower(self);
        if e == Some('e') || e == Some('p') {
            if ok {
                let c = self.ch_char().unwrap_or('e');
                if e == Some('e') && prefix != '\0' && prefix != '0' {
                    self.error(format!(
                        "{} exponent requires decimal mantissa",
                        go_quote(c)
                    ));
                    ok = false;
                } else if e == Some('p') && prefix != 'x' {
                    self.error(format!(
                        "{} exponent requires hexadecimal mantissa",
                        go_quote(c)
                    ));
                    ok = false;
                }
            }
            self.nextch();
            kind = LitKind::Float;
            if self.is('+') || self.is('-') {
                self.nextch();
            }
            digsep = self.digits(10, &mut None) | (digsep & 2);
            if digsep & 1 == 0 && ok {
                self.error("exponent has no digits");
                ok = false;
            }
        } else if prefix == 'x' && kind == LitKind::Float && ok {
            self.error("hexadecimal mantissa requires a 'p' exponent");
            ok = false;
        }
        if self.is('i') {
            kind = LitKind::Imag;
            self.nextch();
        }
        let lit = &self.src[self.start..self.off];
        if kind == LitKind::Int && ok {
            if let Some(i) = invalid {
                let c = lit[i] as char;
                let at = Pos::new(pos.line, pos.col + i as u32);
                self.error_at(
                    at,
                    format!(
                        "invalid digit {} in {} literal",
                        go_quote(c),
                        base_name(base)
                    ),
                );
                ok = false;
            }
        }
        if digsep & 2 != 0 && ok {
            if let Some(i) = invalid_sep(lit) {
                let at = Pos::new(pos.line, pos.col + i as u32);
                self.error_at(at, "'_' must separate successive digits");
                ok = false;
            }
        }
        self.literal(pos, kind, ok)
    }

    fn rune(&mut self, pos: Pos) -> Token {
        let mut ok = true;
        let mut n = 0;
        loop {
            if self.is('\'') {
                if ok {
                    if n == 0 {
                        self.error("empty rune literal or unescaped '");
                        ok = false;
                    } else if n != 1 {
                        self.error_at(pos, "more than one character in rune literal");
                        ok = false;
                    }
                }
                self.nextch();
                break;
            }
            if self.is('\\') {
                self.nextch();
                if !self.escape('\'') {
                    ok = false;
                }
                n += 1;
                continue;
            }
            if self.is('\n') {
                if ok {
                    self.error("newline in rune literal");
                    ok = false;
                }
                break;
            }
            if self.ch == EOF {
                if ok {
                    self.error_at(pos, "rune literal not terminated");
                    ok = false;
                }
                break;
            }
            n += 1;
            self.nextch();
        }
        self.literal(pos, LitKind::Rune, ok)
    }

    /// An interpreted (`"..."`) or raw (`` `...` ``) string; the opening quote is consumed.
    fn string(&mut self, pos: Pos, quote: char) -> Token {
        let mut ok = true;
        loop {
            if self.follow(quote) {
                break;
            }
            if quote == '"' && self.follow('\\') {
                ok &= self.escape('"');
                continue;
            }
            if quote == '"' && self.is('\n') {
                self.error("newline in string");
                ok = false;
                break;
            }
            if self.ch == EOF {
                self.error_at(pos, "string not terminated");
                ok = false;
                break;
            }
            self.nextch();
        }
        self.literal(pos, LitKind::String, ok)
    }

    /// Skips a line comment (the `//` is consumed), recording `//go:` directives.
    /// Skips a line comment (the `//` is consumed), recording `//go:` directives. A directive
    /// must be alone on its line (`blank`), and some are reserved for the runtime.
    fn line_comment(&mut self, blank: bool) {
        let (text_start, pos) = (self.off, self.pos());
        while self.ch != EOF && !self.is('\n') {
            self.nextch();
        }
        let text = String::from_utf8_lossy(&self.src[text_start..self.off]);
        let text = text.trim_end_matches('\r');
        if !text.starts_with("go:") {
            return;
        }
        let verb = text.split_whitespace().next().unwrap_or(text);
        if !blank {
            self.error_at(pos, "misplaced compiler directive");
        } else if RUNTIME_ONLY.contains(&verb) {
            self.error_at(pos, format!("//{verb} only allowed in runtime"));
        } else if KNOWN.contains(&verb) {
            self.pragmas.push(Pragma {
                pos,
                text: text.to_string(),
            });
        }
    }

    /// Skips a general comment (the `/*` is consumed).
    fn full_comment(&mut self, pos: Pos) {
        while self.ch != EOF {
            if self.is('*') {
                self.nextch();
                if self.is('/') {
                    self.nextch();
                    return;
                }
                continue;
            }
            self.nextch();
        }
        self.error_at(pos, "comment not terminated");
    }

    /// Checks one escape sequence after the backslash; reports and returns false if invalid.
    fn escape(&mut self, quote: char) -> bool {
        let Some(c) = self.ch_char() else {
            return true; // the caller complains about the missing terminator
        };
        let (n, base, max): (u32, u32, u32) = match c {
            'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | '\\' => {
                self.nextch();
                return true;
            }
            _ if c == quote => {
                self.nextch();
                return true;
            }
            '0'..='7' => (3, 8, 255),
            'x' => {
                self.nextch();
                (2, 16, 255)
            }
            'u' => {
                self.nextch();
                (4, 16, 0x10FFFF)
            }
            'U' => {
                self.nextch();
                (8, 16, 0x10FFFF)
            }
            _ => {
                self.error("unknown escape");
                return false;
            }
        };
        let mut x: u32 = 0;
        for _ in 0..n {
            let Some(c) = self.ch_char() else { return true };
            let d = c.to_digit(16).unwrap_or(base);
            if d >= base {
                self.error(format!(
                    "invalid character {} in {} escape",
                    go_quote(c),
                    base_name(base)
                ));
                return false;
            }
            x = x.wrapping_mul(base).wrapping_add(d);
            self.nextch();
        }
        if x > max && base == 8 {
            self.error(format!("octal escape value {x} > 255"));
            return false;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            let shown = char::from_u32(x).map_or_else(|| format!("U+{x:04X}"), go_unicode);
            self.error(format!("escape is invalid Unicode code point {shown}"));
            return false;
        }
        true
    }
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// The character at the start of `b`, if `b` starts with valid UTF-8.
fn decode(b: &[u8]) -> Option<char> {
    let prefix = &b[..b.len().min(4)];
    let valid = match std::str::from_utf8(prefix) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&prefix[..e.valid_up_to()]).ok()?,
    };
    valid.chars().next()
}

/// Returns the offset of the first `_` that does not separate two digits, if any.
fn invalid_sep(b: &[u8]) -> Option<usize> {
    let mut hex = false;
    let mut prev_class = '.'; // '_', '0' (digit) or '.' (anything else)
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'0' {
        let c = b[1].to_ascii_lowercase();
        if matches!(c, b'x' | b'o' | b'b') {
            hex = c == b'x';
            prev_class = '0';
            i = 2;
        }
    }
    while i < b.len() {
        let p = prev_class;
        let d = b[i];
        if d == b'_' {
            if p != '0' {
                return Some(i);
            }
            prev_class = '_';
        } else if d.is_ascii_digit() || (hex && d.is_ascii_hexdigit()) {
            prev_class = '0';
        } else {
            if p == '_' {
                return Some(i - 1);
            }
            prev_class = '.';
        }
        i += 1;
    }
    (prev_class == '_').then(|| b.len() - 1)
}

/// Letters per Go's `unicode.IsLetter` (categories L*), approximated by Rust's `is_alphabetic`
/// minus the characters that are alphabetic only through other categories (e.g. Roman numerals
/// and combining marks are alphabetic in Rust but not letters in Go).
fn is_unicode_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric() && !is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Decimal digits per Go's `unicode.IsDigit` (category Nd), approximated.
fn is_unicode_digit(c: char) -> bool {
    c.is_numeric() && c.to_digit(10).is_none() && !c.is_alphabetic() && is_nd_like(c)
}

fn is_nd_like(c: char) -> bool {
    // Rust has no Nd test; the common decimal-digit blocks are enough for messages.
    let u = c as u32;
    [
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0xFF10,
    ]
    .iter()
    .any(|&z| (z..z + 10).contains(&u))
}

/// Go's `%#U` formatting of a rune: `U+0040 '@'`.
pub fn go_unicode(c: char) -> String {
    if is_printable(c) {
        format!("U+{:04X} '{}'", c as u32, c)
    } else {
        format!("U+{:04X}", c as u32)
    }
}

/// Go's `%q` formatting of a rune: `'x'`, `'\n'`, `'\x00'`.
pub fn go_quote(c: char) -> String {
    match c {
        '\x07' => r"'\a'".into(),
        '\x08' => r"'\b'".into(),
        '\x0c' => r"'\f'".into(),
        '\n' => r"'\n'".into(),
        '\r' => r"'\r'".into(),
        '\t' => r"'\t'".into(),
        '\x0b' => r"'\v'".into(),
        '\\' => r"'\\'".into(),
        '\'' => r"'\''".into(),
        c if is_printable(c) => format!("'{c}'"),
        c if (c as u32) < 0x80 => format!(r"'\x{:02x}'", c as u32),
        c if (c as u32) < 0x10000 => format!(r"'\u{:04x}'", c as u32),
        c => format!(r"'\U{:08x}'", c as u32),
    }
}

fn is_printable(c: char) -> bool {
    !c.is_control()
        && !matches!(c as u32, 0xFEFF | 0x200B..=0x200F | 0x2028..=0x202E | 0xE000..=0xF8FF)
        && (c == ' ' || !c.is_whitespace())
}

/// Scans all of `src`; a convenience for tests and tools.
pub fn tokenize(src: &str) -> (Vec<Token>, Vec<(Pos, String)>) {
    let mut lx = Lexer::new(src.as_bytes());
    let mut toks = Vec::new();
    loop {
        let t = lx.next_token();
        let end = t.tok == Tok::Eof;
        toks.push(t);
        if end {
            break;
        }
    }
    (toks, lx.errors)
}
