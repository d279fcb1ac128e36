//! Shared by the fuzz targets (`kernel/fuzz/`) and the always-on property tests
//! (`tests/syntax_fuzz.rs`): the invariants every parse must satisfy, and a vocabulary for
//! building "token soup" inputs, which reach deep parser states much faster than random bytes.

use super::{dump, parse_bytes};

/// Go tokens and token-like fragments (comments, a directive, a BOM, a NUL byte, a label).
pub const TOKEN_VOCAB: &[&str] = &[
    "package",
    "main",
    "\n",
    "func",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ",",
    ";",
    ":",
    ".",
    "...",
    "=",
    ":=",
    "+",
    "-",
    "*",
    "/",
    "&",
    "|",
    "^",
    "&^",
    "<<",
    ">>",
    "<-",
    "!",
    "~",
    "==",
    "!=",
    "<",
    "<=",
    "&&",
    "||",
    "++",
    "--",
    "+=",
    "x",
    "y",
    "T",
    "int",
    "1",
    "2.5",
    "'a'",
    "\"s\"",
    "`r`",
    "0x1p3",
    "3i",
    "if",
    "else",
    "for",
    "range",
    "switch",
    "case",
    "default",
    "select",
    "go",
    "defer",
    "return",
    "break",
    "continue",
    "goto",
    "fallthrough",
    "var",
    "const",
    "type",
    "struct",
    "interface",
    "map",
    "chan",
    "import",
    "nil",
    "_",
    "/* c */",
    "// c\n",
    "//go:noinline\n",
    "L:",
    "\u{feff}",
    "\0",
    "é",
];

/// A Go file made of `package main` and the vocabulary entries picked by `picks`.
pub fn token_soup(picks: impl IntoIterator<Item = usize>) -> String {
    let mut src = String::from("package main\n");
    for i in picks {
        src.push_str(TOKEN_VOCAB[i % TOKEN_VOCAB.len()]);
        src.push(' ');
    }
    src
}

/// Parses `src` and panics if an invariant is broken: a successful parse must hand out unique
/// expression ids below `num_exprs`; a failed one must say why. (Panics, hangs and stack
/// overflows inside the parser are what the fuzzers look for in the first place.)
pub fn check_parse(src: impl AsRef<[u8]>) {
    let bytes = src.as_ref();
    let src = String::from_utf8_lossy(bytes); // for messages
    match parse_bytes("./x.go", bytes) {
        Ok(f) => {
            let mut ids = dump::expr_ids(&f);
            ids.sort_unstable();
            let n = ids.len();
            ids.dedup();
            assert_eq!(ids.len(), n, "duplicate expression ids for {src:?}");
            assert!(
                ids.last().is_none_or(|&m| m < f.num_exprs),
                "id out of range for {src:?}"
            );
        }
        Err(d) => assert!(!d.0.is_empty(), "error without diagnostics for {src:?}"),
    }
}
