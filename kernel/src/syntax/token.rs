//! Tokens of the Go language, as the lexer hands them to the parser.
//!
//! Like the Go compiler's scanner (and unlike `go/token`), the lexer does not give every operator
//! its own token kind. Operators are grouped by the role they play in the grammar:
//!
//! - [`Tok::Operator`] is any binary or unary operator (`+`, `==`, `&&`, `!`, `~`, ...) except
//!   `*`, which is [`Tok::Star`] because it also introduces pointer types;
//! - [`Tok::AssignOp`] is `op=` (`+=`, `<<=`, ...);
//! - [`Tok::IncOp`] is `++` or `--`.
//!
//! The exact operator travels next to the token kind as an [`Op`], together with its binary
//! precedence. This grouping matters for error messages: the go command says
//! `unexpected +=` or `unexpected name x`, and the parser rebuilds exactly those words from the
//! token kind, the operator and the literal text (see [`Token::describe`]).

use super::ast::{BinaryOp, LitKind};
use super::Pos;

/// The kind of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tok {
    Eof,
    Name,
    Literal,
    /// A unary or binary operator other than `*`.
    Operator,
    /// `op=`
    AssignOp,
    /// `++` or `--`
    IncOp,
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `<-`
    Arrow,
    /// `*`
    Star,
    Lparen,
    Lbrack,
    Lbrace,
    Rparen,
    Rbrack,
    Rbrace,
    Comma,
    /// `;`, or a semicolon inserted at a newline or at the end of the file.
    Semi,
    Colon,
    Dot,
    DotDotDot,
    // Keywords.
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

/// The 25 keywords, in the order of the Go specification.
pub const KEYWORDS: [(&str, Tok); 25] = [
    ("break", Tok::Break),
    ("case", Tok::Case),
    ("chan", Tok::Chan),
    ("const", Tok::Const),
    ("continue", Tok::Continue),
    ("default", Tok::Default),
    ("defer", Tok::Defer),
    ("else", Tok::Else),
    ("fallthrough", Tok::Fallthrough),
    ("for", Tok::For),
    ("func", Tok::Func),
    ("go", Tok::Go),
    ("goto", Tok::Goto),
    ("if", Tok::If),
    ("import", Tok::Import),
    ("interface", Tok::Interface),
    ("map", Tok::Map),
    ("package", Tok::Package),
    ("range", Tok::Range),
    ("return", Tok::Return),
    ("select", Tok::Select),
    ("struct", Tok::Struct),
    ("switch", Tok::Switch),
    ("type", Tok::Type),
    ("var", Tok::Var),
];

impl Tok {
    /// The keyword token spelled `word`, if any.
    pub fn keyword(word: &str) -> Option<Tok> {
        KEYWORDS.iter().find(|(w, _)| *w == word).map(|&(_, t)| t)
    }

    pub fn is_keyword(self) -> bool {
        KEYWORDS.iter().any(|&(_, t)| t == self)
    }

    /// The token's name as the Go compiler spells it in "expected X" messages
    /// (`comma`, `semicolon or newline`, `keyword func`, `)`, `name`, ...).
    pub fn expected_name(self) -> String {
        match self {
            Tok::Comma => "comma".into(),
            Tok::Semi => "semicolon or newline".into(),
            t if t.is_keyword() => format!("keyword {}", t.spelling()),
            t => t.spelling().into(),
        }
    }

    /// The raw spelling of the token kind.
    pub fn spelling(self) -> &'static str {
        match self {
            Tok::Eof => "EOF",
            Tok::Name => "name",
            Tok::Literal => "literal",
            Tok::Operator => "op",
            Tok::AssignOp => "op=",
            Tok::IncOp => "opop",
            Tok::Assign => "=",
            Tok::Define => ":=",
            Tok::Arrow => "<-",
            Tok::Star => "*",
            Tok::Lparen => "(",
            Tok::Lbrack => "[",
            Tok::Lbrace => "{",
            Tok::Rparen => ")",
            Tok::Rbrack => "]",
            Tok::Rbrace => "}",
            Tok::Comma => ",",
            Tok::Semi => ";",
            Tok::Colon => ":",
            Tok::Dot => ".",
            Tok::DotDotDot => "...",
            t => KEYWORDS
                .iter()
                .find(|&&(_, k)| k == t)
                .map_or("?", |&(w, _)| w),
        }
    }
}

/// The operator carried by [`Tok::Operator`], [`Tok::AssignOp`], [`Tok::IncOp`] and
/// [`Tok::Star`] tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    None,
    Not,
    Tilde,
    Bin(BinaryOp),
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::None => "",
            Op::Not => "!",
            Op::Tilde => "~",
            Op::Bin(b) => b.as_str(),
        }
    }

    /// The binary precedence (1..=5), or 0 for the purely unary `!` and `~`.
    pub fn prec(self) -> u8 {
        match self {
            Op::Bin(b) => b.precedence(),
            _ => 0,
        }
    }
}

/// One token with its position and, where relevant, its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    /// Position of the token's first byte.
    pub pos: Pos,
    /// For names and literals: the source text. For [`Tok::Semi`]: `semicolon`, `newline`
    /// or `EOF`, telling how the semicolon came to be.
    pub lit: String,
    pub op: Op,
    /// For literals.
    pub kind: LitKind,
    /// For literals: the literal is malformed (an error was already reported).
    pub bad: bool,
}

impl Token {
    /// How the go command names this token after "unexpected": `name x`, `literal 42`,
    /// `newline`, `+=`, `++`, `keyword else`, `{`, ...
    pub fn describe(&self) -> String {
        match self.tok {
            Tok::Name => format!("name {}", self.lit),
            Tok::Semi => self.lit.clone(),
            Tok::Literal => format!("literal {}", self.lit),
            Tok::Operator => self.op.as_str().into(),
            Tok::AssignOp => format!("{}=", self.op.as_str()),
            Tok::IncOp => format!("{0}{0}", self.op.as_str()),
            t => t.expected_name(),
        }
    }
}
