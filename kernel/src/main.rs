//! The `gomem` command: the kernel's front door, mirroring the go command.
//!
//! ```text
//! gomem escape [-l] [--explain] [--json] FILE.go   # go build -gcflags='-m [-l]' FILE.go
//! gomem run FILE.go                                 # go run FILE.go, on the simulated runtime
//! gomem test [-v] [-run REGEXP] FILE_test.go        # go test FILE_test.go
//! gomem bench [-bench REGEXP] FILE_test.go          # go test -bench . -benchmem FILE_test.go
//! ```

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "gomem",
    version,
    about = "A simulator of Go 1.27.3's memory management"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Print escape-analysis decisions exactly as `go build -gcflags=-m FILE.go` does.
    Escape {
        /// Disable inlining, like `-gcflags='-m -l'`.
        #[arg(short = 'l')]
        no_inline: bool,
        /// Explain why each value escapes, as a chain of assignments.
        #[arg(long)]
        explain: bool,
        /// Print the report as JSON instead of Go's text.
        #[arg(long)]
        json: bool,
        /// Language of the explanations: en or ru.
        #[arg(long, default_value = "en", value_parser = ["en", "ru"])]
        lang: String,
        /// The Go source file.
        file: String,
    },
    /// Run a Go program on the simulated runtime, like `go run FILE.go`.
    Run {
        #[command(flatten)]
        flags: RunFlags,
        /// The Go source file.
        file: String,
    },
    /// Run a program and export what happened as a Chrome trace (opens in Perfetto:
    /// ui.perfetto.dev) and, optionally, as JSON Lines events.
    Trace {
        #[command(flatten)]
        flags: RunFlags,
        /// The Chrome trace JSON file to write.
        #[arg(short = 'o', long = "output", default_value = "trace.json")]
        output: String,
        /// Also write the raw events, one JSON object per line.
        #[arg(long)]
        events: Option<String>,
        /// The Go source file.
        file: String,
    },
    /// Run a program and draw a plot of it (SVG, or PNG with --png).
    Plot {
        #[command(flatten)]
        flags: RunFlags,
        /// What to draw.
        #[arg(long, default_value = "heap",
              value_parser = ["heap", "phases", "sizeclasses", "stacks", "heapmap", "compare"])]
        kind: String,
        /// For --kind compare: one run per setting, e.g. --compare GOGC=50 --compare GOGC=200
        /// (space-separated NAME=VALUE pairs, applied over the other flags).
        #[arg(long)]
        compare: Vec<String>,
        /// For --kind heapmap: the GC cycle to show (1 = the first).
        #[arg(long, default_value_t = 1)]
        cycle: u32,
        /// Labels in English or Russian.
        #[arg(long, default_value = "en", value_parser = ["en", "ru"])]
        lang: String,
        /// Colours for a light or a dark page.
        #[arg(long, default_value = "light", value_parser = ["light", "dark"])]
        theme: String,
        /// Write a PNG instead of an SVG.
        #[arg(long)]
        png: bool,
        /// Size in pixels.
        #[arg(long, default_value_t = 960)]
        width: u32,
        #[arg(long, default_value_t = 540)]
        height: u32,
        /// The file to write.
        #[arg(short = 'o', long = "output", default_value = "plot.svg")]
        output: String,
        /// The Go source file.
        file: String,
    },
    /// Run the tests of a `_test.go` file like `go test FILE_test.go` (durations simulated).
    Test {
        /// Verbose output: `=== RUN`, every log line, `--- PASS` (go test -v).
        #[arg(short = 'v')]
        verbose: bool,
        /// Run only tests (and subtests, split at `/`) matching this regular expression.
        #[arg(long = "run", default_value = "")]
        run: String,
        /// The `_test.go` file.
        file: String,
    },
    /// Run benchmarks like `go test -bench . -benchmem` (GOMAXPROCS=1, ns/op simulated).
    Bench {
        /// Run only benchmarks matching this regular expression.
        #[arg(long = "bench", default_value = ".")]
        bench: String,
        /// Iterations per benchmark as `Nx` (default 200x, as the goldens were made).
        #[arg(long = "benchtime", default_value = "200x")]
        benchtime: String,
        /// The `_test.go` file.
        file: String,
    },
}

/// The settings of a run, shared by `run`, `trace` and `plot`: the environment variables
/// Go reads (GOMAXPROCS, GOGC, GOMEMLIMIT, GODEBUG, GOEXPERIMENT), overridden by flags.
#[derive(clap::Args, Clone, Debug)]
struct RunFlags {
    /// Maximum statements executed before the program is stopped.
    #[arg(long)]
    max_steps: Option<u64>,
    /// Maximum simulated heap in bytes.
    #[arg(long)]
    max_memory: Option<u64>,
    /// Wall-clock timeout in milliseconds.
    #[arg(long)]
    timeout: Option<u64>,
    /// GOMAXPROCS (overrides the environment).
    #[arg(long)]
    gomaxprocs: Option<usize>,
    /// GOGC (overrides the environment).
    #[arg(long)]
    gogc: Option<String>,
    /// GOMEMLIMIT, e.g. 64MiB (overrides the environment).
    #[arg(long)]
    gomemlimit: Option<String>,
    /// GODEBUG settings, e.g. gctrace=1 (overrides the environment).
    #[arg(long)]
    godebug: Option<String>,
    /// Start a garbage collection at every allocation (flushes out missing roots).
    #[arg(long)]
    gc_stress: bool,
    /// After every mark phase, check that every reachable object was marked.
    #[arg(long)]
    gc_verify: bool,
    /// Teaching switch: run without the write barrier, and stop at the first reachable
    /// object the collector would free.
    #[arg(long)]
    no_write_barrier: bool,
    /// The classic object-by-object marker instead of Green Tea
    /// (like GOEXPERIMENT=nogreenteagc).
    #[arg(long)]
    classic_gc: bool,
}

impl RunFlags {
    fn options(&self) -> gomem::RunOptions {
        let mut opts = gomem::RunOptions::default();
        for name in [
            "GOMAXPROCS",
            "GOGC",
            "GOMEMLIMIT",
            "GODEBUG",
            "GOEXPERIMENT",
        ] {
            if let Ok(v) = std::env::var(name) {
                opts.apply_env(name, &v);
            }
        }
        if let Some(n) = self.gomaxprocs {
            opts.gomaxprocs = n.max(1);
        }
        for (name, v) in [
            ("GOGC", &self.gogc),
            ("GOMEMLIMIT", &self.gomemlimit),
            ("GODEBUG", &self.godebug),
        ] {
            if let Some(v) = v {
                opts.apply_env(name, v);
            }
        }
        if let Some(n) = self.max_steps {
            opts.max_steps = n;
        }
        if let Some(n) = self.max_memory {
            opts.max_memory = n;
        }
        if let Some(n) = self.timeout {
            opts.timeout_ms = n;
        }
        opts.gc_stress |= self.gc_stress;
        opts.gc_verify |= self.gc_verify;
        opts.write_barrier &= !self.no_write_barrier;
        opts.green_tea &= !self.classic_gc;
        opts
    }
}

/// Go's single-dash flags (`-run X`, `-run=X`, `-bench X`, `-benchtime`) as clap's `--run`.
fn go_style_args() -> Vec<String> {
    std::env::args()
        .map(|a| {
            for f in ["-run", "-bench", "-benchtime"] {
                if a == f || a.starts_with(&format!("{f}=")) {
                    return format!("-{a}");
                }
            }
            if a == "-test.v" {
                return "-v".into();
            }
            a
        })
        .collect()
}

fn main() -> ExitCode {
    let cli = Cli::parse_from(go_style_args());
    match cli.cmd {
        Cmd::Escape {
            no_inline,
            explain,
            json,
            lang,
            file,
        } => {
            let lang = if lang == "ru" {
                gomem::explain::Lang::Ru
            } else {
                gomem::explain::Lang::En
            };
            escape_cmd(&file, !no_inline, explain.then_some(lang), json)
        }
        Cmd::Run { flags, file } => run_cmd(&file, flags.options()),
        Cmd::Trace {
            flags,
            output,
            events,
            file,
        } => trace_cmd(&file, flags.options(), &output, events.as_deref()),
        Cmd::Plot {
            flags,
            kind,
            compare,
            cycle,
            lang,
            theme,
            png,
            width,
            height,
            output,
            file,
        } => {
            let mut opts = flags.options();
            opts.heapmap_cycle = cycle;
            let plot = gomem::plot::PlotOptions {
                format: if png {
                    gomem::plot::Format::Png
                } else {
                    gomem::plot::Format::Svg
                },
                lang: if lang == "ru" {
                    gomem::plot::Lang::Ru
                } else {
                    gomem::plot::Lang::En
                },
                theme: if theme == "dark" {
                    gomem::plot::Theme::Dark
                } else {
                    gomem::plot::Theme::Light
                },
                width,
                height,
                title: None,
            };
            plot_cmd(&file, opts, &kind, &compare, &plot, &output)
        }
        Cmd::Bench {
            bench,
            benchtime,
            file,
        } => bench_cmd(&file, &bench, &benchtime),
        Cmd::Test { verbose, run, file } => test_cmd(&file, verbose, run),
    }
}

fn test_cmd(file: &str, verbose: bool, run: String) -> ExitCode {
    let src = match read_source(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut opts = gomem::TestOptions {
        verbose,
        run,
        ..Default::default()
    };
    for name in ["GOMAXPROCS", "GOGC", "GOMEMLIMIT", "GODEBUG"] {
        if let Ok(v) = std::env::var(name) {
            opts.vm.apply_env(name, &v);
        }
    }
    use std::io::Write;
    match gomem::test(&go_display_name(file), &src, &opts) {
        Ok(r) => {
            let _ = std::io::stdout().write_all(r.output.as_bytes());
            ExitCode::from(r.exit_code.clamp(0, 255) as u8)
        }
        Err(diags) => {
            eprintln!("# command-line-arguments");
            eprintln!("{diags}");
            println!("FAIL\tcommand-line-arguments [build failed]\nFAIL");
            ExitCode::from(1)
        }
    }
}

fn bench_cmd(file: &str, pattern: &str, benchtime: &str) -> ExitCode {
    let Some(n) = benchtime
        .strip_suffix('x')
        .and_then(|n| n.parse::<u64>().ok())
    else {
        eprintln!("gomem: -benchtime must be an iteration count such as 200x");
        return ExitCode::from(2);
    };
    let src = match read_source(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut opts = gomem::RunOptions {
        gomaxprocs: 1,
        ..Default::default()
    };
    opts.apply_env("GOGC", "100");
    match gomem::bench(&go_display_name(file), &src, opts, pattern, n) {
        Ok(r) => {
            use std::io::Write;
            let mut out = String::from("goos: linux\ngoarch: amd64 (simulated by gomem)\n");
            let w = r.results.iter().map(|b| b.name.len()).max().unwrap_or(0);
            for b in &r.results {
                out.push_str(&format!(
                    "{:<w$}\t{:>8}\t{:>10.2} ns/op (simulated)\t{:>8} B/op\t{:>8} allocs/op\n",
                    b.name, b.n, b.ns_per_op, b.bytes_per_op, b.allocs_per_op
                ));
            }
            let _ = std::io::stdout().write_all(&r.run.stdout_bytes);
            let _ = std::io::stdout().write_all(out.as_bytes());
            let _ = std::io::stderr().write_all(&r.run.stderr_bytes);
            if r.run.exit_code == 0 {
                println!("PASS");
            } else {
                println!("FAIL");
            }
            ExitCode::from(r.run.exit_code.clamp(0, 255) as u8)
        }
        Err(diags) => {
            eprintln!("# command-line-arguments");
            eprintln!("{diags}");
            ExitCode::from(1)
        }
    }
}

fn read_source(file: &str) -> Result<String, ExitCode> {
    match std::fs::read(file) {
        Ok(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
        Err(e) => {
            eprintln!("gomem: open {file}: {}", io_reason(&e));
            Err(ExitCode::from(1))
        }
    }
}

/// The go command shows a relative file name as `./x.go`.
fn go_display_name(file: &str) -> String {
    let p = std::path::Path::new(file);
    if p.is_absolute() || file.starts_with("./") || file.starts_with("../") {
        file.to_string()
    } else {
        format!("./{file}")
    }
}

/// The error text Go prints for a file it cannot open.
fn io_reason(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory",
        std::io::ErrorKind::PermissionDenied => "permission denied",
        _ => "cannot read file",
    }
}

fn escape_cmd(
    file: &str,
    inline: bool,
    explain: Option<gomem::explain::Lang>,
    json: bool,
) -> ExitCode {
    let src = match read_source(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let opts = gomem::EscapeOptions {
        inline,
        explain: explain.is_some(),
    };
    match gomem::escape(&go_display_name(file), &src, opts) {
        Ok(report) => {
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).expect("report serialises")
                );
            } else if let Some(lang) = explain {
                print!("{}", gomem::explain::render_in(&report, lang));
            } else {
                print!("{}", report.to_go_output());
            }
            ExitCode::SUCCESS
        }
        Err(diags) => {
            eprintln!("# command-line-arguments");
            eprintln!("{diags}");
            ExitCode::from(1)
        }
    }
}

fn run_cmd(file: &str, opts: gomem::RunOptions) -> ExitCode {
    let src = match read_source(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match gomem::run(file, &src, opts) {
        Ok(r) => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(&r.stdout_bytes);
            let _ = std::io::stderr().write_all(&r.stderr_bytes);
            ExitCode::from(r.exit_code.clamp(0, 255) as u8)
        }
        Err(diags) => {
            eprintln!("# command-line-arguments");
            eprintln!("{diags}");
            ExitCode::from(1)
        }
    }
}

/// Runs `file` with tracing on; prints the program's output as `run` does. `None` after an
/// error was reported.
fn traced_run(file: &str, mut opts: gomem::RunOptions) -> Result<gomem::RunReport, ExitCode> {
    let src = read_source(file)?;
    opts.trace = true;
    match gomem::run(file, &src, opts) {
        Ok(r) => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(&r.stdout_bytes);
            let _ = std::io::stderr().write_all(&r.stderr_bytes);
            Ok(r)
        }
        Err(diags) => {
            eprintln!("# command-line-arguments");
            eprintln!("{diags}");
            Err(ExitCode::from(1))
        }
    }
}

fn write_output(path: &str, bytes: &[u8]) -> Result<(), ExitCode> {
    std::fs::write(path, bytes).map_err(|e| {
        eprintln!("gomem: cannot write {path}: {}", io_reason(&e));
        ExitCode::from(1)
    })
}

fn exit_of(r: &gomem::RunReport) -> ExitCode {
    ExitCode::from(r.exit_code.clamp(0, 255) as u8)
}

fn trace_cmd(file: &str, opts: gomem::RunOptions, output: &str, events: Option<&str>) -> ExitCode {
    let r = match traced_run(file, opts) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let log = r.events.clone().unwrap_or_default();
    let json = gomem::trace::chrome_trace(&log).to_string();
    if let Err(code) = write_output(output, json.as_bytes()) {
        return code;
    }
    if let Some(path) = events {
        if let Err(code) = write_output(path, log.to_json_lines().as_bytes()) {
            return code;
        }
    }
    eprintln!(
        "gomem: wrote {output} ({} events; open it in https://ui.perfetto.dev)",
        log.events.len()
    );
    exit_of(&r)
}

fn plot_cmd(
    file: &str,
    opts: gomem::RunOptions,
    kind: &str,
    compare: &[String],
    plot: &gomem::plot::PlotOptions,
    output: &str,
) -> ExitCode {
    use gomem::display::Figure;
    let rendered = if kind == "compare" {
        if compare.len() < 2 {
            eprintln!("gomem: --kind compare needs two or more --compare settings, e.g. --compare GOGC=50 --compare GOGC=200");
            return ExitCode::from(2);
        }
        let mut runs = Vec::new();
        for setting in compare {
            let mut o = opts.clone();
            for kv in setting.split_whitespace() {
                match kv.split_once('=') {
                    Some((k, v)) => o.apply_env(k, v),
                    None => {
                        eprintln!("gomem: --compare {setting:?}: expected NAME=VALUE pairs");
                        return ExitCode::from(2);
                    }
                }
            }
            match traced_run(file, o) {
                Ok(r) => runs.push((setting.as_str(), r)),
                Err(code) => return code,
            }
        }
        let refs: Vec<(&str, &gomem::RunReport)> = runs.iter().map(|(l, r)| (*l, r)).collect();
        gomem::display::compare(&refs, plot)
    } else {
        let figure = match kind {
            "phases" => Figure::Phases,
            "sizeclasses" => Figure::SizeClasses,
            "stacks" => Figure::Stacks,
            "heapmap" => Figure::HeapMap,
            _ => Figure::Heap,
        };
        let cycle = opts.heapmap_cycle;
        let r = match traced_run(file, opts) {
            Ok(r) => r,
            Err(code) => return code,
        };
        if figure == Figure::HeapMap && r.heap_snapshots.is_empty() {
            eprintln!("gomem: GC cycle {cycle} did not run: nothing to draw in a heap map (allocate more, or pick another --cycle)");
            return ExitCode::from(1);
        }
        r.plot(figure, plot)
    };
    match rendered {
        Ok(p) => match write_output(output, &p.bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        Err(e) => {
            eprintln!("gomem: {e}");
            ExitCode::from(1)
        }
    }
}
