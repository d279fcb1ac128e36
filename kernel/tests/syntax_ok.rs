//! Every `.go` file under `kernel/tests/` that is not a syntax-error test must parse. Its
//! expression ids must be unique and below `num_exprs`, and dense (0..num_exprs, each exactly
//! once) unless the file uses generics or `select`, whose dropped sub-trees leave gaps.

use std::path::{Path, PathBuf};

use gomem::syntax::ast::Decl;
use gomem::syntax::{dump, parse_bytes};

fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            go_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "go") {
            out.push(p);
        }
    }
}

/// Parses `path`; returns an error description, or None. With `dense`, also requires dense
/// ids (see the module docs for the exception).
fn check(path: &Path, dense: bool) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let src = String::from_utf8_lossy(&bytes);
    match parse_bytes("./x.go", &bytes) {
        Err(e) => Some(format!("{}:\n{e}", path.display())),
        Ok(f) => {
            let mut ids = dump::expr_ids(&f);
            ids.sort_unstable();
            let n = ids.len();
            ids.dedup();
            if ids.len() != n || ids.last().is_some_and(|&m| m >= f.num_exprs) {
                return Some(format!(
                    "{}: expression ids not unique or out of range",
                    path.display()
                ));
            }
            let generic = f.decls.iter().any(|d| match d {
                Decl::Func(fd) => !fd.type_params.is_empty(),
                Decl::Type(ts) => ts.iter().any(|t| !t.type_params.is_empty()),
                _ => false,
            });
            let may_have_gaps = !dense || generic || src.contains("select");
            let dense = n == f.num_exprs as usize;
            (!dense && !may_have_gaps).then(|| {
                format!(
                    "{}: expression ids not dense ({n} ids, num_exprs {})",
                    path.display(),
                    f.num_exprs
                )
            })
        }
    }
}

fn check_dir(dir: &Path, skip: &[&str], dense: bool) -> (usize, Vec<String>) {
    let mut files = Vec::new();
    go_files(dir, &mut files);
    files.retain(|p| !skip.iter().any(|s| p.to_string_lossy().contains(s)));
    let failures: Vec<String> = files.iter().filter_map(|p| check(p, dense)).collect();
    (files.len(), failures)
}

#[test]
fn all_valid_programs_parse() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    // Error corpora are deliberately invalid (type errors include branch errors the parser
    // reports, as the go command does).
    let (n, failures) = check_dir(&dir, &["syntax_errors", "type_errors"], true);
    println!("parsed {n} files, {} failures", failures.len());
    assert!(n >= 10, "expected a corpus of valid programs, found {n}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `GOMEM_PARSE_DIR=/usr/local/go/src cargo test -p gomem --test syntax_ok -- --ignored`:
/// parses a whole tree (e.g. the Go standard library) and lists the failures.
#[test]
#[ignore]
fn parse_external_tree() {
    let Ok(dir) = std::env::var("GOMEM_PARSE_DIR") else {
        return;
    };
    let (n, failures) = check_dir(Path::new(&dir), &["/testdata/"], false);
    // Generated tables (e.g. 600-term string concatenations) exceed the nesting limit on purpose,
    // and the runtime may use directives that other packages may not.
    let (too_deep, failures): (Vec<_>, Vec<_>) = failures
        .into_iter()
        .partition(|f| f.contains("nested too deeply") || f.contains("only allowed in runtime"));
    for f in failures.iter().take(30) {
        println!("{f}");
    }
    println!(
        "parsed {n} files, {} failures, {} expected (nesting limit, runtime-only directives)",
        failures.len(),
        too_deep.len()
    );
    assert!(failures.is_empty());
}
