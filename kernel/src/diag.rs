//! Diagnostics in the go command's format: `./x.go:3:5: undefined: y`.
//!
//! Every error a user can cause — a syntax error, a type error, a Go feature outside the subset,
//! a runaway program — is a [`Diagnostic`], never a Rust panic. The CLI prints them to stderr,
//! one per line, and exits with status 1 as `go build` does.

use serde::{Deserialize, Serialize};

use crate::syntax::Pos;

/// One error, positioned in a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The file name as the user gave it (e.g. `./x.go`).
    pub file: String,
    pub pos: Pos,
    /// The message, without position (e.g. `undefined: y`).
    pub msg: String,
}

impl Diagnostic {
    pub fn new(file: impl Into<String>, pos: Pos, msg: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            pos,
            msg: msg.into(),
        }
    }

    /// A valid Go feature that the gomem subset does not implement, named so the reader knows
    /// it is gomem's limit and not a mistake in their program.
    pub fn unsupported(file: impl Into<String>, pos: Pos, feature: &str) -> Diagnostic {
        Diagnostic::new(file, pos, format!("gomem: unsupported: {feature}"))
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.pos.line, self.pos.col, self.msg
        )
    }
}

/// A list of diagnostics, the error type of the front end.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl std::fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}
