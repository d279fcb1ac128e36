//! The standard-library prelude: Go-subset source for the packages a lesson may import.
//!
//! Each package lives in `kernel/stdlib/<path>/<name>.go` and is compiled into the binary with
//! `include_str!`. [`load_imports`] parses the packages a user file imports, plus their own
//! imports, and returns them in dependency order, so the checker can check each package before
//! the packages that use it. Functions written without a body are "externs": their behaviour is
//! the simulator's business, and their escape behaviour comes from a `//gomem:esc` directive
//! (see `kernel/stdlib/README.md`).

use crate::diag::{Diagnostic, Diagnostics};
use crate::syntax::ast::File;
use crate::syntax::parse_file;

/// Package path → source text.
pub const PACKAGES: &[(&str, &str)] = &[
    ("errors", include_str!("../../stdlib/errors/errors.go")),
    ("fmt", include_str!("../../stdlib/fmt/fmt.go")),
    ("io", include_str!("../../stdlib/io/io.go")),
    ("os", include_str!("../../stdlib/os/os.go")),
    ("runtime", include_str!("../../stdlib/runtime/runtime.go")),
    (
        "runtime/debug",
        include_str!("../../stdlib/runtime/debug/debug.go"),
    ),
    ("strings", include_str!("../../stdlib/strings/strings.go")),
    ("sync", include_str!("../../stdlib/sync/sync.go")),
    ("testing", include_str!("../../stdlib/testing/testing.go")),
    ("time", include_str!("../../stdlib/time/time.go")),
];

const PREFIX: &str = "$GOROOT/src/";

/// The file name under which a package's prelude source is parsed (and reported).
pub fn file_name_of(path: &str) -> String {
    let last = path.rsplit('/').next().unwrap_or(path);
    format!("{PREFIX}{path}/{last}.go")
}

/// The package path of a prelude file name, `None` for user files.
pub fn package_path_of_file(name: &str) -> Option<&str> {
    let rest = name.strip_prefix(PREFIX)?;
    Some(rest.rsplit_once('/').map_or(rest, |(dir, _)| dir))
}

/// The source of a prelude package.
pub fn source_of(path: &str) -> Option<&'static str> {
    PACKAGES.iter().find(|(p, _)| *p == path).map(|(_, s)| *s)
}

/// The `//gomem:` directives of a prelude source, keyed by the line of the `func` they
/// precede (the lexer keeps only `//go:` directives, so the prelude's own are read here).
pub fn gomem_directives(src: &str) -> Vec<(u32, Vec<String>)> {
    let mut out = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let l = line.trim();
        if let Some(d) = l.strip_prefix("//gomem:") {
            pending.push(format!("gomem:{}", d.trim_end()));
        } else if l.starts_with("func ") {
            if !pending.is_empty() {
                out.push((i as u32 + 1, std::mem::take(&mut pending)));
            }
        } else if !l.starts_with("//") {
            pending.clear();
        }
    }
    out
}

/// Parses the prelude packages `file` needs, in dependency order (dependencies first),
/// with their paths. Imports outside the prelude are reported as unsupported.
pub fn load_imports(file: &File) -> Result<(Vec<File>, Vec<String>), Diagnostics> {
    let mut out: Vec<(String, File)> = Vec::new();
    let mut diags = Vec::new();
    for imp in &file.imports {
        let feature = match imp.path.as_str() {
            "unsafe" => Some("unsafe".to_string()),
            "C" => Some("cgo".to_string()),
            p if source_of(p).is_none() => Some(format!("package {p}")),
            _ => None,
        };
        if let Some(f) = feature {
            diags.push(Diagnostic::unsupported(file.name.clone(), imp.pos, &f));
            continue;
        }
        visit(&imp.path, &mut out, &mut Vec::new(), &mut diags);
    }
    if !diags.is_empty() {
        return Err(Diagnostics(diags));
    }
    Ok(out.into_iter().map(|(p, f)| (f, p)).unzip())
}

fn visit(
    path: &str,
    out: &mut Vec<(String, File)>,
    stack: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) {
    if out.iter().any(|(p, _)| p == path) || stack.iter().any(|p| p == path) {
        return;
    }
    let Some(src) = source_of(path) else {
        diags.push(Diagnostic::unsupported(
            file_name_of(path),
            Default::default(),
            &format!("package {path}"),
        ));
        return;
    };
    match parse_file(&file_name_of(path), src) {
        Ok(f) => {
            stack.push(path.to_string());
            for imp in &f.imports {
                visit(&imp.path, out, stack, diags);
            }
            stack.pop();
            out.push((path.to_string(), f));
        }
        Err(d) => diags.extend(d.0),
    }
}
