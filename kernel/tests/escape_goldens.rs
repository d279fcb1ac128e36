//! Differential test: gomem's escape analysis against real Go 1.27.3.
//!
//! For every program in `tests/escape/corpus/`, the goldens in `tests/escape/golden/` hold what
//! `go build -gcflags='-m -l'` (`.ml.txt`) and `go build -gcflags=-m` (`.m.txt`) print; they are
//! produced by `scripts/golden-escape.sh` with the real toolchain and never edited by hand.
//! This test runs gomem on each program, compares line by line, prints the agreement rates, and
//! fails when a program differs without being listed (with its reason) in
//! `tests/escape/DIFFERENCES.md` — or is listed there but now agrees.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use gomem::EscapeOptions;

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/escape/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus directory exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    files
}

fn golden(file: &Path, suffix: &str) -> String {
    let stem = file.file_stem().unwrap().to_string_lossy().to_string();
    let g = file
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("golden")
        .join(format!("{stem}.{suffix}.txt"));
    std::fs::read_to_string(&g).unwrap_or_else(|_| panic!("missing golden {}", g.display()))
}

/// Listed differences: `- NNN_name.go (ml|m): reason` lines.
fn listed(mode: &str) -> BTreeSet<String> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/escape/DIFFERENCES.md");
    let text = std::fs::read_to_string(p).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.strip_prefix("- "))
        .filter_map(|l| {
            let (name, rest) = l.split_once(' ')?;
            rest.starts_with(&format!("({mode})"))
                .then(|| name.trim_end_matches(':').to_string())
        })
        .collect()
}

struct Tally {
    files_ok: usize,
    files: usize,
    lines_ok: usize,
    lines: usize,
    failing: BTreeSet<String>,
    report: String,
}

fn run(mode: &str, opts: EscapeOptions) -> Tally {
    let mut t = Tally {
        files_ok: 0,
        files: 0,
        lines_ok: 0,
        lines: 0,
        failing: BTreeSet::new(),
        report: String::new(),
    };
    for f in corpus() {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(&f).unwrap();
        let want = golden(&f, mode);
        let got = match gomem::escape(&format!("./{name}"), &src, opts) {
            Ok(r) => r.to_go_output(),
            Err(d) => format!("# command-line-arguments\n{d}\n"),
        };
        let want_lines: Vec<&str> = want.lines().filter(|l| !l.starts_with('#')).collect();
        let got_lines: Vec<&str> = got.lines().filter(|l| !l.starts_with('#')).collect();
        // Line agreement: golden lines that gomem prints at the same place in the sequence.
        let matched = lcs(&want_lines, &got_lines);
        t.lines += want_lines.len().max(got_lines.len());
        t.lines_ok += matched;
        t.files += 1;
        if want_lines == got_lines {
            t.files_ok += 1;
        } else {
            t.failing.insert(name.clone());
            t.report.push_str(&format!("--- {name} ({mode})\n"));
            for l in &want_lines {
                if !got_lines.contains(l) {
                    t.report.push_str(&format!("  missing: {l}\n"));
                }
            }
            for l in &got_lines {
                if !want_lines.contains(l) {
                    t.report.push_str(&format!("  extra:   {l}\n"));
                }
            }
            if want_lines.iter().all(|l| got_lines.contains(l))
                && got_lines.iter().all(|l| want_lines.contains(l))
            {
                t.report.push_str("  (same lines, different order)\n");
            }
        }
    }
    t
}

/// Length of the longest common subsequence of two line lists.
fn lcs(a: &[&str], b: &[&str]) -> usize {
    let mut dp = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in 0..a.len() {
        for j in 0..b.len() {
            dp[i + 1][j + 1] = if a[i] == b[j] {
                dp[i][j] + 1
            } else {
                dp[i][j + 1].max(dp[i + 1][j])
            };
        }
    }
    dp[a.len()][b.len()]
}

fn check(mode: &str, opts: EscapeOptions) {
    let t = run(mode, opts);
    let pct = |a: usize, b: usize| {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!(
        "escape goldens ({mode}): {}/{} files exact ({:.1}%), {}/{} lines agree ({:.1}%)",
        t.files_ok,
        t.files,
        pct(t.files_ok, t.files),
        t.lines_ok,
        t.lines,
        pct(t.lines_ok, t.lines)
    );
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("escape-{mode}.diff.txt"));
    std::fs::write(&out, &t.report).unwrap();
    println!("details: {}", out.display());
    let known = listed(mode);
    let unlisted: Vec<_> = t.failing.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&t.failing).collect();
    assert!(unlisted.is_empty(), "{} programs differ from real Go ({mode}) without a reason in DIFFERENCES.md: {unlisted:?}\n{}", unlisted.len(), t.report);
    assert!(
        fixed.is_empty(),
        "programs listed in DIFFERENCES.md ({mode}) now agree with real Go; remove them: {fixed:?}"
    );
}

#[test]
fn escape_no_inline_matches_go() {
    check("ml", EscapeOptions::no_inline());
}

#[test]
fn escape_with_inline_matches_go() {
    check("m", EscapeOptions::default_m());
}

/// The inliner's cost model against real Go's `-m=2` verdicts ("can inline F with cost N",
/// "cannot inline F: function too complex: cost N exceeds budget 80"). Costs decide which
/// calls are inlined, and so which allocations the inlined copies keep on the stack.
#[test]
fn inline_costs_match_go() {
    let (mut ok, mut total) = (0usize, 0usize);
    let mut failing = BTreeSet::new();
    let mut report = String::new();
    for f in corpus() {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(&f).unwrap();
        let want: BTreeSet<String> = golden(&f, "cost")
            .lines()
            .filter(|l| l.starts_with("./"))
            .map(str::to_string)
            .collect();
        let got: BTreeSet<String> =
            match gomem::escape(&format!("./{name}"), &src, EscapeOptions::default_m()) {
                Ok(r) => r
                    .inline_verdicts
                    .iter()
                    .map(|v| format!("./{name}:{}:{}: {}", v.pos.line, v.pos.col, v.go_text()))
                    .collect(),
                Err(_) => BTreeSet::new(),
            };
        total += want.len();
        ok += want.intersection(&got).count();
        if want != got {
            failing.insert(name.clone());
            for l in want.difference(&got) {
                report.push_str(&format!("  missing: {l}\n"));
            }
            for l in got.difference(&want) {
                report.push_str(&format!("  extra:   {l}\n"));
            }
        }
    }
    println!(
        "inline costs: {ok}/{total} verdicts agree ({:.1}%)",
        100.0 * ok as f64 / total.max(1) as f64
    );
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("inline-costs.diff.txt");
    std::fs::write(&out, &report).unwrap();
    let known = listed("cost");
    let unlisted: Vec<_> = failing.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&failing).collect();
    assert!(unlisted.is_empty(), "{} programs' inline costs differ from real Go without a reason in DIFFERENCES.md: {unlisted:?}", unlisted.len());
    assert!(
        fixed.is_empty(),
        "programs listed in DIFFERENCES.md (cost) now agree with real Go; remove them: {fixed:?}"
    );
}

/// `gomem escape --explain`: each heap decision is followed by the chain of flows that forces
/// it, in words.
#[test]
fn explain_tells_why_a_value_moves_to_the_heap() {
    let src = "package main\n\nfunc newInt() *int {\n\tx := 42\n\treturn &x\n}\n\nfunc main() { _ = newInt() }\n";
    let r = gomem::escape("./x.go", src, EscapeOptions { inline: false, explain: true }).unwrap();
    expect_test::expect![[r#"
        ./x.go:4:2: moved to heap: x
            the address of `x` flows into `~r0` (a result of the function)
                via &x (address-of) at 5:9
                via return &x (return) at 5:2
            => the variable's address outlives its stack frame (or its loop iteration), so Go allocates it on the heap
    "#]]
    .assert_eq(&gomem::explain::render(&r));
}
