//! GC pacing fidelity: the VM running real Go programs against real Go 1.27.3's gctrace.
//!
//! Every program `tests/gc/go/NAME/main.go` (but `tree`, a mark-speed benchmark) runs under
//! each setting of `scripts/golden-gc.sh` (GOMAXPROCS=2; GOGC=50/100/200; GOGC=off with
//! GOMEMLIMIT=32MiB; GOMEMLIMIT=16MiB alone) through [`gomem::run`] with
//! `GODEBUG=gctrace=1`. The goldens `tests/gc/golden/NAME/SETTING.txt` hold several real
//! runs, because real Go's pacing varies with timing. The comparison rule (in
//! `tests/gc/README.md`):
//!
//! - **NumGC**: gomem's count lies in real Go's `[min, max]` over the runs widened by 10 %
//!   (`floor(0.9 min) ..= ceil(1.1 max)`).
//! - **Goals**: gomem's cycle `i` goal lies in the range of the real runs' cycle `i` goals
//!   widened by 5 % and by 1 MB (gctrace truncates to whole MB); a cycle that no real run
//!   reached is compared with the range of every real cycle's goal. The setting agrees when
//!   every cycle does.
//!
//! The test prints the agreement and is a ratchet like `run_goldens.rs`: it fails on a
//! difference not listed in `tests/gc/DIFFERENCES.md` (with its reason), and on a listed one
//! that now agrees.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const MIB: u64 = 1 << 20;

/// `(golden name, GOGC, GOMEMLIMIT)`, as in `scripts/golden-gc.sh`.
const SETTINGS: [(&str, Option<u64>, Option<u64>); 5] = [
    ("gogc50", Some(50), None),
    ("gogc100", Some(100), None),
    ("gogc200", Some(200), None),
    ("gogcoff_limit32mib", None, Some(32 * MIB)),
    ("limit16mib", Some(100), Some(16 * MIB)),
];

fn gc_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gc")
}

fn programs() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(gc_dir().join("go"))
        .expect("gc corpus")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "tree")
        .collect();
    v.sort();
    v
}

/// One real run: NumGC and each cycle's goal (MB).
struct RealRun {
    numgc: u32,
    goals: Vec<u64>,
}

fn real_runs(prog: &str, setting: &str) -> Vec<RealRun> {
    let path = gc_dir().join(format!("golden/{prog}/{setting}.txt"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run scripts/golden-gc.sh)", path.display()));
    text.lines()
        .filter(|l| l.starts_with("run "))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let field = |k: &str| f[f.iter().position(|x| *x == k).unwrap() + 1];
            RealRun {
                numgc: field("numgc").parse().unwrap(),
                goals: field("goals")
                    .split(',')
                    .filter_map(|x| x.parse().ok())
                    .collect(),
            }
        })
        .collect()
}

/// gomem's NumGC (from the program's own report) and cycle goals (from gctrace).
fn simulate(prog: &str, gogc: Option<u64>, limit: Option<u64>) -> Result<(u32, Vec<u64>), String> {
    let path = gc_dir().join(format!("go/{prog}/main.go"));
    let src = std::fs::read_to_string(&path).unwrap();
    let opts = gomem::RunOptions {
        gomaxprocs: 2,
        gogc,
        gomemlimit: limit,
        godebug: "gctrace=1".into(),
        timeout_ms: 120_000,
        ..gomem::RunOptions::default()
    };
    let name = format!("./{prog}/main.go");
    let r = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || gomem::run(&name, &src, opts))
        .unwrap()
        .join()
        .map_err(|_| "gomem panicked".to_string())?
        .map_err(|d| format!("{d}"))?;
    if r.exit_code != 0 {
        return Err(format!(
            "exit {}: {}",
            r.exit_code,
            r.stderr.lines().last().unwrap_or("")
        ));
    }
    let numgc = r
        .stdout
        .split_whitespace()
        .skip_while(|w| *w != "numgc")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .ok_or("no numgc line")?;
    let goals = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("gc "))
        .filter_map(|l| {
            let i = l.find(" MB goal")?;
            l[..i].rsplit(' ').next()?.parse().ok()
        })
        .collect();
    Ok((numgc, goals))
}

/// The comparison of one program under one setting.
struct Outcome {
    key: String,
    line: String,
    numgc_ok: bool,
    goals_ok: usize,
    goals_total: usize,
}

fn compare(prog: &str, setting: &str, gogc: Option<u64>, limit: Option<u64>) -> Outcome {
    let key = format!("{prog}/{setting}");
    let real = real_runs(prog, setting);
    let lo = real.iter().map(|r| r.numgc).min().unwrap();
    let hi = real.iter().map(|r| r.numgc).max().unwrap();
    let (wlo, whi) = (
        (lo as f64 * 0.9).floor() as u32,
        (hi as f64 * 1.1).ceil() as u32,
    );
    let (numgc, goals) = match simulate(prog, gogc, limit) {
        Ok(x) => x,
        Err(e) => {
            return Outcome {
                line: format!("{key}: gomem failed: {e}"),
                key,
                numgc_ok: false,
                goals_ok: 0,
                goals_total: 1,
            }
        }
    };
    let all: Vec<u64> = real.iter().flat_map(|r| r.goals.iter().copied()).collect();
    let within = |g: u64, range: &[u64]| {
        let (mn, mx) = (*range.iter().min().unwrap(), *range.iter().max().unwrap());
        g as f64 >= mn as f64 * 0.95 - 1.0 && g as f64 <= mx as f64 * 1.05 + 1.0
    };
    let mut ok = 0;
    for (i, &g) in goals.iter().enumerate() {
        let cycle: Vec<u64> = real
            .iter()
            .filter_map(|r| r.goals.get(i).copied())
            .collect();
        let range = if cycle.is_empty() { &all } else { &cycle };
        if !range.is_empty() && within(g, range) {
            ok += 1;
        }
    }
    let mut sorted = goals.clone();
    sorted.sort_unstable();
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0);
    let mut rmed: Vec<u64> = real
        .iter()
        .map(|r| {
            let mut s = r.goals.clone();
            s.sort_unstable();
            s.get(s.len() / 2).copied().unwrap_or(0)
        })
        .collect();
    rmed.sort_unstable();
    Outcome {
        line: format!(
            "{key}: NumGC {numgc} vs Go {lo}..{hi}{}; goals {ok}/{} in range; median goal {median} MB vs Go {}..{} MB",
            if numgc >= wlo && numgc <= whi { "" } else { " (outside ±10%)" },
            goals.len(),
            rmed.first().unwrap_or(&0),
            rmed.last().unwrap_or(&0),
        ),
        key,
        numgc_ok: numgc >= wlo && numgc <= whi,
        goals_ok: ok,
        goals_total: goals.len(),
    }
}

/// `- prog/setting numgc: reason` and `- prog/setting goals: reason` entries.
fn listed() -> BTreeSet<String> {
    let text = std::fs::read_to_string(gc_dir().join("DIFFERENCES.md")).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.strip_prefix("- "))
        .filter_map(|l| l.split_once(':').map(|(n, _)| n.trim().to_string()))
        .filter(|k| k.contains('/'))
        .collect()
}

#[test]
fn gc_fidelity() {
    let jobs: Vec<(String, &str, Option<u64>, Option<u64>)> = programs()
        .into_iter()
        .flat_map(|p| SETTINGS.iter().map(move |&(s, g, l)| (p.clone(), s, g, l)))
        .collect();
    let queue = Mutex::new(jobs.into_iter().enumerate().collect::<Vec<_>>());
    let results = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let Some((i, (p, st, g, l))) = queue.lock().unwrap().pop() else {
                    break;
                };
                let o = compare(&p, st, g, l);
                results.lock().unwrap().push((i, o));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|(i, _)| *i);
    let mut failing = BTreeSet::new();
    let (mut n_ok, mut g_ok, mut g_total, mut s_ok) = (0, 0, 0, 0);
    for (_, o) in &results {
        println!("{}", o.line);
        if o.numgc_ok {
            n_ok += 1;
        } else {
            failing.insert(format!("{} numgc", o.key));
        }
        g_ok += o.goals_ok;
        g_total += o.goals_total;
        if o.goals_ok == o.goals_total {
            s_ok += 1;
        } else {
            failing.insert(format!("{} goals", o.key));
        }
    }
    println!(
        "gc fidelity: NumGC within Go's range ±10% for {n_ok}/{} program settings; every goal within 5% for {s_ok}/{}; {g_ok}/{g_total} cycle goals within 5%",
        results.len(),
        results.len()
    );
    let listed = listed();
    let unlisted: Vec<_> = failing.difference(&listed).collect();
    let fixed: Vec<_> = listed.difference(&failing).collect();
    assert!(
        unlisted.is_empty() && fixed.is_empty(),
        "differences not listed in tests/gc/DIFFERENCES.md: {unlisted:?}; listed but now agree: {fixed:?}"
    );
}
