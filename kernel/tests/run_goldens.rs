//! Differential test: `gomem run` against real Go 1.27.3 on `tests/run/*.go`.
//!
//! Goldens (`tests/run/golden/NNN.{out,err,code}`) come from `scripts/golden-run.sh` with the
//! real toolchain. For each program this test compares stdout, stderr (normalised by the rule
//! in `tests/run/README.md`) and the exit status, prints the agreement, and fails when a
//! program differs without being listed (with its reason) in `tests/run/DIFFERENCES.md`, or is
//! listed there but now agrees (the ratchet).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/run");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("run corpus exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    files
}

/// The README's stderr normalisation.
fn normalize_stderr(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    let Some(trap) = lines
        .iter()
        .position(|l| l.starts_with("panic: ") || l.starts_with("fatal error: "))
    else {
        return s.to_string();
    };
    let mut out = String::new();
    for l in &lines[..trap] {
        if !l.starts_with("runtime: sp=") {
            out.push_str(l);
            out.push('\n');
        }
    }
    for l in &lines[trap..] {
        if l.is_empty() {
            break;
        }
        let l = match l.find("pc=0x") {
            Some(i) => {
                let rest = &l[i + 5..];
                let end = rest
                    .find(|c: char| !c.is_ascii_hexdigit())
                    .unwrap_or(rest.len());
                format!("{}pc=PC{}", &l[..i], &rest[end..])
            }
            None => l.to_string(),
        };
        out.push_str(&l);
        out.push('\n');
    }
    out
}

fn listed() -> BTreeSet<String> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/run/DIFFERENCES.md");
    let text = std::fs::read_to_string(p).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.strip_prefix("- "))
        .filter_map(|l| l.split_once(':').map(|(n, _)| n.trim().to_string()))
        .collect()
}

fn options_for(src: &str) -> gomem::RunOptions {
    let mut o = gomem::RunOptions::default();
    if let Some(first) = src.lines().next() {
        if let Some(env) = first.strip_prefix("// gomem-env:") {
            for kv in env.split_whitespace() {
                if let Some((k, v)) = kv.split_once('=') {
                    o.apply_env(k, v);
                }
            }
        }
    }
    o.max_steps = 300_000_000;
    o.timeout_ms = 20_000;
    o
}

#[test]
fn run_goldens() {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/run/golden");
    let (mut ok, mut total) = (0, 0);
    let mut failing = BTreeSet::new();
    let mut report = String::new();
    for f in corpus() {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let stem = f.file_stem().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(&f).unwrap();
        // Output is compared byte for byte: a program may print invalid UTF-8.
        let want_out = std::fs::read(golden.join(format!("{stem}.out"))).unwrap_or_default();
        let want_err =
            std::fs::read_to_string(golden.join(format!("{stem}.err"))).unwrap_or_default();
        let want_code: i32 = std::fs::read_to_string(golden.join(format!("{stem}.code")))
            .unwrap_or_default()
            .trim()
            .parse()
            .unwrap_or(0);
        total += 1;
        let src2 = src.clone();
        let opts = options_for(&src);
        let name2 = name.clone();
        let got = std::thread::Builder::new()
            .stack_size(1 << 30)
            .spawn(move || {
                std::panic::catch_unwind(|| gomem::run(&format!("./{name2}"), &src2, opts))
            })
            .unwrap()
            .join();
        let (out, err, code) = match got {
            Ok(Ok(Ok(r))) => (r.stdout_bytes, normalize_stderr(&r.stderr), r.exit_code),
            Ok(Ok(Err(d))) => (Vec::new(), format!("{d}\n"), 1),
            _ => (Vec::new(), "gomem panicked\n".into(), 101),
        };
        let _ = src;
        if out == want_out && err == want_err && code == want_code {
            ok += 1;
        } else {
            failing.insert(name.clone());
            let what = if out != want_out {
                "stdout"
            } else if err != want_err {
                "stderr"
            } else {
                "exit code"
            };
            report.push_str(&format!("  {name}: {what} differs\n"));
        }
    }
    println!("run goldens: {ok}/{total} programs agree");
    print!("{report}");
    let listed = listed();
    let unlisted: Vec<_> = failing.difference(&listed).collect();
    let fixed: Vec<_> = listed.difference(&failing).collect();
    assert!(
        unlisted.is_empty() && fixed.is_empty(),
        "differences not listed in DIFFERENCES.md: {unlisted:?}; listed but now agree: {fixed:?}"
    );
}
