//! The front end's first half: turning Go source text into a syntax tree.
//!
//! `lexer` splits the text into tokens and inserts Go's automatic semicolons; `parser` builds the
//! [`ast`] with a recursive-descent parser modelled on the Go compiler's `syntax` package, so that
//! positions and syntax-error messages line up with what `go build` prints.

pub mod ast;
pub mod branches;
pub mod dump;
#[doc(hidden)]
pub mod fuzz;
pub mod lexer;
pub mod parser;
pub mod token;

use serde::{Deserialize, Serialize};

pub use parser::{parse_bytes, parse_file};

/// A position in a source file: 1-based line and 1-based column, where a column counts bytes
/// (a tab is one column), exactly as the Go toolchain reports positions.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub const fn new(line: u32, col: u32) -> Pos {
        Pos { line, col }
    }
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}
