//! The `gomem` command: the kernel's front door, mirroring the go command.
//!
//! ```text
//! gomem escape [-l] [--explain] [--json] FILE.go   # go build -gcflags='-m [-l]' FILE.go
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
        /// The Go source file.
        file: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Escape {
            no_inline,
            explain,
            json,
            file,
        } => escape_cmd(&file, !no_inline, explain, json),
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

fn escape_cmd(file: &str, inline: bool, explain: bool, json: bool) -> ExitCode {
    let src = match read_source(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let opts = gomem::EscapeOptions { inline, explain };
    match gomem::escape(&go_display_name(file), &src, opts) {
        Ok(report) => {
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).expect("report serialises")
                );
            } else if explain {
                print!("{}", gomem::explain::render(&report));
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
