//! `gomem bench` against real Go 1.27.3: for every benchmark in `tests/bench/*_test.go`, the
//! line `BenchmarkName <allocs> allocs/op <bytes> B/op` must equal the golden in
//! `tests/bench/golden/`, N = 200 as the goldens were made. A ratchet like the run goldens:
//! files that differ must be listed in `tests/bench/DIFFERENCES.md`, and listed files that
//! now agree must be removed from it.

use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn bench_goldens() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bench");
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
    let (mut ok_b, mut total_b) = (0, 0);
    let mut failing = BTreeSet::new();
    let mut report = String::new();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let stem = name.trim_end_matches("_test.go").to_string();
        let want = std::fs::read_to_string(dir.join("golden").join(format!("{stem}.txt")))
            .unwrap_or_default();
        let src = std::fs::read_to_string(&f).unwrap();
        let mut opts = gomem::RunOptions {
            gomaxprocs: 1,
            ..Default::default()
        };
        opts.apply_env("GOGC", "100");
        opts.timeout_ms = 60_000;
        let name2 = name.clone();
        let got = std::thread::Builder::new()
            .stack_size(1 << 30)
            .spawn(move || {
                std::panic::catch_unwind(|| {
                    gomem::bench(&format!("./{name2}"), &src, opts, ".", 200)
                })
            })
            .unwrap()
            .join();
        let lines: Vec<String> = match got {
            Ok(Ok(Ok(r))) => r
                .results
                .iter()
                .map(|b| {
                    format!(
                        "{} {} allocs/op {} B/op",
                        b.name, b.allocs_per_op, b.bytes_per_op
                    )
                })
                .collect(),
            _ => vec![],
        };
        let want: Vec<&str> = want.lines().filter(|l| !l.trim().is_empty()).collect();
        total_b += want.len();
        let mut same = lines.len() == want.len();
        for w in &want {
            if lines.iter().any(|l| l == w) {
                ok_b += 1;
            } else {
                same = false;
                let got = lines
                    .iter()
                    .find(|l| l.split(' ').next() == w.split(' ').next())
                    .cloned()
                    .unwrap_or_else(|| "(no result)".into());
                report.push_str(&format!("  {name}: want `{w}`, got `{got}`\n"));
            }
        }
        if !same {
            failing.insert(name);
        }
    }
    println!("bench goldens: {ok_b}/{total_b} benchmarks agree");
    print!("{report}");
    let unlisted: Vec<_> = failing.difference(&listed).cloned().collect();
    let fixed: Vec<_> = listed.difference(&failing).cloned().collect();
    assert!(
        unlisted.is_empty() && fixed.is_empty(),
        "differences not listed in DIFFERENCES.md: {unlisted:?}; listed but now agree: {fixed:?}"
    );
}
