//! The public facade: one function per question a lesson asks, results as plain serde types.
//!
//! ```
//! let src = r#"package main
//!
//! func newInt() *int {
//!     x := 42
//!     return &x
//! }
//!
//! func main() { _ = newInt() }
//! "#;
//! let report = gomem::escape("./x.go", src, gomem::EscapeOptions::no_inline()).unwrap();
//! assert!(report.lines.iter().any(|l| l.msg == "moved to heap: x"));
//! ```

use serde::Serialize;

use crate::diag::Diagnostics;
use crate::escape::{self, DiagKind};
use crate::syntax::Pos;

/// How to run escape analysis; mirrors `go build -gcflags=...`.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct EscapeOptions {
    /// Inline small functions first (`-m`); `false` is `-m -l`.
    pub inline: bool,
    /// Explain every escape as a chain of flows (`-m=2`).
    pub explain: bool,
}

impl EscapeOptions {
    /// `go build -gcflags=-m`.
    pub fn default_m() -> Self {
        EscapeOptions {
            inline: true,
            explain: false,
        }
    }
    /// `go build -gcflags='-m -l'`.
    pub fn no_inline() -> Self {
        EscapeOptions {
            inline: false,
            explain: false,
        }
    }
}

impl Default for EscapeOptions {
    fn default() -> Self {
        Self::default_m()
    }
}

/// One diagnostic of escape analysis or the inliner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EscapeLine {
    pub pos: Pos,
    pub msg: String,
    pub kind: DiagKind,
    /// The function the line is about (`main`, `(*T).Get`, `counter.func1`).
    pub func: String,
}

/// The result of `gomem escape`: the lines `go build -gcflags=-m` prints, as data.
#[derive(Clone, Debug, Serialize)]
pub struct EscapeReport {
    /// The file name as given (used as the prefix of every printed line).
    pub file: String,
    pub lines: Vec<EscapeLine>,
    /// Explanations (with `explain`): position and text.
    pub explanations: Vec<(Pos, String)>,
    /// The inliner's verdict on every function, with its cost (with `inline`).
    pub inline_verdicts: Vec<crate::inline::InlineVerdict>,
}

impl EscapeReport {
    /// The exact text `go build -gcflags=-m FILE` prints, including the
    /// `# command-line-arguments` header (empty when there is nothing to say).
    pub fn to_go_output(&self) -> String {
        if self.lines.is_empty() {
            return String::new();
        }
        let mut s = String::from("# command-line-arguments\n");
        for l in &self.lines {
            s.push_str(&format!(
                "{}:{}:{}: {}\n",
                self.file, l.pos.line, l.pos.col, l.msg
            ));
        }
        s
    }

    /// Does any line about the variable or expression `what` say it moves to or escapes to
    /// the heap? (`"x"` matches `moved to heap: x`; `"&T{...}"` matches `&T{...} escapes to heap`.)
    pub fn escapes(&self, what: &str) -> bool {
        self.lines.iter().any(|l| {
            l.msg == format!("moved to heap: {what}") || l.msg == format!("{what} escapes to heap")
        })
    }
}

/// Runs the front end and escape analysis on one Go source file.
pub fn escape(file: &str, src: &str, opts: EscapeOptions) -> Result<EscapeReport, Diagnostics> {
    let ast = crate::syntax::parse_file(file, src)?;
    let checked = crate::types::check_program(ast)?;
    let (mut prog, table) = crate::ir::lower::lower(&checked)?;
    let mut lines_inline = Vec::new();
    let verdicts = crate::inline::inline_program(&mut prog, &table, opts.inline, &mut lines_inline);
    let out = escape::analyze(
        &prog,
        &table,
        escape::Options {
            explain: opts.explain,
        },
    );
    let lines = lines_inline
        .into_iter()
        .chain(out.diags)
        .map(|d| EscapeLine {
            pos: d.pos,
            msg: d.msg,
            kind: d.kind,
            func: d.func,
        })
        .collect();
    Ok(EscapeReport {
        file: file.to_string(),
        lines,
        explanations: out.explain,
        inline_verdicts: verdicts,
    })
}
