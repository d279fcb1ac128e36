//! Differential test: `gomem test` against real `go test` (Go 1.27.3) on
//! `tests/gotest/*_test.go`.
//!
//! Goldens (`tests/gotest/golden/NNN_topic.{out,code}`) come from `scripts/golden-gotest.sh`:
//! `go test`'s output, normalised by the rule documented in `tests/gotest/README.md` (virtual
//! and real durations both become `0.00s`/`0.000s`, goroutine traces after a panic are
//! dropped), and its exit status. The flags of a file are on its first line:
//! `// gomem-test: -v -run=REGEXP`. A ratchet like the run goldens: files that differ must be
//! listed with their reason in `tests/gotest/DIFFERENCES.md`, and listed files that now agree
//! must be removed from it.

use std::collections::BTreeSet;
use std::path::Path;

/// The README's normalisation (same as `gotest_normalize` in `scripts/golden-gotest.sh`).
fn normalize(s: &str) -> String {
    let mut out = String::new();
    let (mut trapped, mut skipping) = (false, false);
    for l in s.lines() {
        let ends_trace =
            l.starts_with("FAIL\t") || l.starts_with("ok  \t") || l.starts_with("exit status ");
        if skipping && ends_trace {
            skipping = false;
            trapped = false;
        }
        if skipping {
            continue;
        }
        if l.starts_with("panic: ") || l.starts_with("fatal error: ") {
            trapped = true;
        }
        if trapped && l.is_empty() {
            skipping = true;
            continue;
        }
        let mut l = replace_durations(l);
        if l.starts_with("ok  \t") || l.starts_with("FAIL\t") {
            l = replace_final_time(&l);
        }
        out.push_str(&replace_pc(&l));
        out.push('\n');
    }
    out
}

/// `(<digits>.<digits>s)` → `(0.00s)`.
fn replace_durations(l: &str) -> String {
    let re = regex::Regex::new(r"\([0-9]+\.[0-9]+s\)").unwrap();
    re.replace_all(l, "(0.00s)").into_owned()
}

/// The first `\t<digits>.<digits>s` of an `ok`/`FAIL` line → `\t0.000s`.
fn replace_final_time(l: &str) -> String {
    let re = regex::Regex::new(r"\t[0-9]+\.[0-9]+s").unwrap();
    re.replace(l, "\t0.000s").into_owned()
}

/// `pc=0x<hex>` → `pc=PC`.
fn replace_pc(l: &str) -> String {
    let re = regex::Regex::new(r"pc=0x[0-9a-f]+").unwrap();
    re.replace_all(l, "pc=PC").into_owned()
}

fn options_for(src: &str) -> gomem::TestOptions {
    let mut o = gomem::TestOptions::default();
    if let Some(flags) = src
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("// gomem-test:"))
    {
        for f in flags.split_whitespace() {
            if f == "-v" {
                o.verbose = true;
            } else if let Some(r) = f.strip_prefix("-run=") {
                o.run = r.to_string();
            }
        }
    }
    o.vm.apply_env("GOMAXPROCS", "2");
    o.vm.apply_env("GOGC", "100");
    o.vm.max_steps = 300_000_000;
    o.vm.timeout_ms = 20_000;
    o
}

#[test]
fn gotest_goldens() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gotest");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with("_test.go"))
        .collect();
    files.sort();
    let listed: BTreeSet<String> = std::fs::read_to_string(dir.join("DIFFERENCES.md"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .filter_map(|l| l.split(':').next())
        .map(|s| s.trim().to_string())
        .collect();
    let (mut ok, mut total) = (0, 0);
    let mut failing = BTreeSet::new();
    let mut report = String::new();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let stem = name.trim_end_matches("_test.go").to_string();
        let golden = dir.join("golden");
        let want = std::fs::read_to_string(golden.join(format!("{stem}.out"))).unwrap_or_default();
        let want_code: i32 = std::fs::read_to_string(golden.join(format!("{stem}.code")))
            .unwrap_or_default()
            .trim()
            .parse()
            .unwrap_or(-1);
        let src = std::fs::read_to_string(&f).unwrap();
        let opts = options_for(&src);
        let name2 = name.clone();
        let got = std::thread::Builder::new()
            .stack_size(1 << 30)
            .spawn(move || {
                std::panic::catch_unwind(|| gomem::test(&format!("./{name2}"), &src, &opts))
            })
            .unwrap()
            .join();
        let (out, code) = match got {
            Ok(Ok(Ok(r))) => (normalize(&r.output), r.exit_code),
            Ok(Ok(Err(d))) => (format!("{d}\n"), 1),
            _ => ("gomem panicked\n".to_string(), 101),
        };
        total += 1;
        if out == want && code == want_code {
            ok += 1;
        } else {
            failing.insert(name.clone());
            report.push_str(&format!(
                "  {name}: differs (exit {code}, want {want_code})\n"
            ));
            for (i, (g, w)) in out.lines().zip(want.lines()).enumerate() {
                if g != w {
                    report.push_str(&format!(
                        "    line {}: got  {g:?}\n    line {}: want {w:?}\n",
                        i + 1,
                        i + 1
                    ));
                    break;
                }
            }
            if out.lines().count() != want.lines().count() {
                report.push_str(&format!(
                    "    {} lines, want {}\n",
                    out.lines().count(),
                    want.lines().count()
                ));
            }
        }
    }
    println!("gotest goldens: {ok}/{total} files agree");
    print!("{report}");
    let unlisted: Vec<_> = failing.difference(&listed).cloned().collect();
    let fixed: Vec<_> = listed.difference(&failing).cloned().collect();
    assert!(
        unlisted.is_empty() && fixed.is_empty(),
        "differences not listed in DIFFERENCES.md: {unlisted:?}; listed but now agree: {fixed:?}"
    );
}

#[test]
fn normalisation_rule() {
    let raw = "--- FAIL: TestX (0.12s)\npanic: boom [recovered, repanicked]\n\ngoroutine 7 [running]:\nmain.f()\n\t/x.go:3 +0x1d\nFAIL\tcommand-line-arguments\t0.004s\nFAIL\n";
    assert_eq!(
        normalize(raw),
        "--- FAIL: TestX (0.00s)\npanic: boom [recovered, repanicked]\nFAIL\tcommand-line-arguments\t0.000s\nFAIL\n"
    );
    assert_eq!(
        normalize("ok  \tcommand-line-arguments\t0.003s [no tests to run]\n"),
        "ok  \tcommand-line-arguments\t0.000s [no tests to run]\n"
    );
}
