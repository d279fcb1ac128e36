//! # Notebook display (evcxr)
//!
//! In an evcxr Jupyter notebook, a value whose type has a method `evcxr_display(&self)` is
//! shown by what that method prints between `EVCXR_BEGIN_CONTENT <mime>` and
//! `EVCXR_END_CONTENT`. This module gives that method to the escape report
//! ([`crate::EscapeReport`]: an HTML table of its lines, coloured by kind), to
//! [`crate::runtime::MemStats`] (an HTML table) and to plots ([`Svg`], [`Plot`]). Each also has
//! a method returning the exact text, for tests and for other front ends.
//!
//! ```
//! use gomem::display::{evcxr_content, Svg};
//! let svg = Svg("<svg xmlns='http://www.w3.org/2000/svg'></svg>".into());
//! assert!(svg.evcxr_content().starts_with("EVCXR_BEGIN_CONTENT text/html\n<svg"));
//! svg.evcxr_display(); // prints it
//! assert_eq!(evcxr_content("text/plain", "hi"), "EVCXR_BEGIN_CONTENT text/plain\nhi\nEVCXR_END_CONTENT\n");
//! ```

use crate::api::EscapeReport;
use crate::escape::DiagKind;
use crate::plot::{self, Format, PlotError, PlotKind, PlotOptions};
use crate::runtime::MemStats;

/// The text evcxr reads: `EVCXR_BEGIN_CONTENT mime`, the body, `EVCXR_END_CONTENT`.
pub fn evcxr_content(mime: &str, body: &str) -> String {
    format!("EVCXR_BEGIN_CONTENT {mime}\n{body}\nEVCXR_END_CONTENT\n")
}

/// Escapes `<`, `>`, `&`, `"` for HTML text and attributes.
pub fn html_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            _ => o.push(c),
        }
    }
    o
}

/// The colour (readable on light and dark notebooks) and short name of a diagnostic kind.
pub fn kind_style(k: &DiagKind) -> (&'static str, &'static str) {
    match k {
        DiagKind::MovedToHeap => ("#d62728", "moved"),
        DiagKind::Escapes => ("#e6550d", "escapes"),
        DiagKind::LeakingParam => ("#9467bd", "leaking"),
        DiagKind::DoesNotEscape | DiagKind::ParamDoesNotEscape => ("#2ca02c", "stays"),
        DiagKind::ZeroCopy => ("#17becf", "zero-copy"),
        DiagKind::SelfAssignment => ("#8c8c8c", "self-assign"),
        DiagKind::CanInline | DiagKind::InliningCall => ("#1f77b4", "inline"),
        DiagKind::Devirtualizing => ("#8c564b", "devirt"),
    }
}

impl EscapeReport {
    /// An HTML table: position, kind (coloured), message, function.
    ///
    /// ```
    /// let src = "package main\n\nfunc f() *int {\n\tx := 1\n\treturn &x\n}\n\nfunc main() { _ = f() }\n";
    /// let r = gomem::escape("x.go", src, gomem::EscapeOptions::no_inline()).unwrap();
    /// let html = r.to_html();
    /// assert!(html.starts_with("<table"));
    /// assert!(html.contains("moved to heap: x"));
    /// assert!(r.evcxr_content().starts_with("EVCXR_BEGIN_CONTENT text/html\n<table"));
    /// r.evcxr_display();
    /// ```
    pub fn to_html(&self) -> String {
        let mut s = String::from(
            "<table class=\"gomem-escape\" style=\"border-collapse:collapse;font-family:monospace\">\n\
             <thead><tr><th style=\"text-align:left;padding:2px 8px\">position</th>\
             <th style=\"text-align:left;padding:2px 8px\">kind</th>\
             <th style=\"text-align:left;padding:2px 8px\">message</th>\
             <th style=\"text-align:left;padding:2px 8px\">function</th></tr></thead>\n<tbody>\n",
        );
        for l in &self.lines {
            let (color, name) = kind_style(&l.kind);
            s.push_str(&format!(
                "<tr><td style=\"padding:2px 8px\">{}:{}:{}</td>\
                 <td style=\"padding:2px 8px;color:{color};font-weight:bold\">{name}</td>\
                 <td style=\"padding:2px 8px;color:{color}\">{}</td>\
                 <td style=\"padding:2px 8px\">{}</td></tr>\n",
                html_escape(&self.file),
                l.pos.line,
                l.pos.col,
                html_escape(&l.msg),
                html_escape(&l.func),
            ));
        }
        s.push_str("</tbody>\n</table>");
        s
    }

    /// What [`EscapeReport::evcxr_display`] prints.
    pub fn evcxr_content(&self) -> String {
        evcxr_content("text/html", &self.to_html())
    }

    /// Shows the report as a table in an evcxr notebook.
    pub fn evcxr_display(&self) {
        print!("{}", self.evcxr_content());
    }
}

impl MemStats {
    /// An HTML table of the scalar fields in Go's order (`BySize` left out), with sizes in
    /// bytes.
    ///
    /// ```
    /// use gomem::runtime::{Heap, HeapConfig, TypeInfo};
    /// let mut h = Heap::new(HeapConfig::default());
    /// h.malloc(0, 24, TypeInfo::noscan());
    /// let m = h.read_mem_stats();
    /// assert!(m.to_html().contains("<td>HeapAlloc</td><td style=\"text-align:right\">24</td>"));
    /// assert!(m.evcxr_content().starts_with("EVCXR_BEGIN_CONTENT text/html\n<table"));
    /// m.evcxr_display();
    /// ```
    pub fn to_html(&self) -> String {
        let v = serde_json::to_value(self).expect("MemStats serializes");
        let mut s = String::from(
            "<table class=\"gomem-memstats\" style=\"border-collapse:collapse;font-family:monospace\">\n\
             <thead><tr><th style=\"text-align:left\">field</th><th style=\"text-align:right\">value</th></tr></thead>\n<tbody>\n",
        );
        // serde_json keeps struct order only with its `preserve_order` feature, so list the
        // fields explicitly in Go's order.
        const FIELDS: &[(&str, &str)] = &[
            ("alloc", "Alloc"),
            ("total_alloc", "TotalAlloc"),
            ("sys", "Sys"),
            ("lookups", "Lookups"),
            ("mallocs", "Mallocs"),
            ("frees", "Frees"),
            ("heap_alloc", "HeapAlloc"),
            ("heap_sys", "HeapSys"),
            ("heap_idle", "HeapIdle"),
            ("heap_inuse", "HeapInuse"),
            ("heap_released", "HeapReleased"),
            ("heap_objects", "HeapObjects"),
            ("stack_inuse", "StackInuse"),
            ("stack_sys", "StackSys"),
            ("mspan_inuse", "MSpanInuse"),
            ("mspan_sys", "MSpanSys"),
            ("mcache_inuse", "MCacheInuse"),
            ("mcache_sys", "MCacheSys"),
            ("buck_hash_sys", "BuckHashSys"),
            ("gc_sys", "GCSys"),
            ("other_sys", "OtherSys"),
            ("next_gc", "NextGC"),
            ("last_gc", "LastGC"),
            ("pause_total_ns", "PauseTotalNs"),
            ("num_gc", "NumGC"),
            ("num_forced_gc", "NumForcedGC"),
            ("gc_cpu_fraction", "GCCPUFraction"),
            ("enable_gc", "EnableGC"),
            ("debug_gc", "DebugGC"),
        ];
        for (key, go) in FIELDS {
            let val = v.get(*key).map(|x| x.to_string()).unwrap_or_default();
            s.push_str(&format!(
                "<tr><td>{go}</td><td style=\"text-align:right\">{}</td></tr>\n",
                html_escape(&val)
            ));
        }
        s.push_str("</tbody>\n</table>");
        s
    }

    /// What [`MemStats::evcxr_display`] prints.
    pub fn evcxr_content(&self) -> String {
        evcxr_content("text/html", &self.to_html())
    }

    /// Shows the statistics as a table in an evcxr notebook.
    pub fn evcxr_display(&self) {
        print!("{}", self.evcxr_content());
    }
}

/// An SVG document to show inline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Svg(pub String);

impl Svg {
    /// What [`Svg::evcxr_display`] prints: the SVG inline, as HTML.
    pub fn evcxr_content(&self) -> String {
        evcxr_content("text/html", &self.0)
    }
    /// Shows the SVG in an evcxr notebook.
    pub fn evcxr_display(&self) {
        print!("{}", self.evcxr_content());
    }
}

/// A rendered plot (SVG or PNG bytes) that shows itself in a notebook.
///
/// ```
/// use gomem::display::Plot;
/// use gomem::events::EventLog;
/// use gomem::plot::{PlotKind, PlotOptions};
/// let plot = Plot::render(&PlotKind::Heap(&EventLog::default()), &PlotOptions::default()).unwrap();
/// assert!(plot.evcxr_content().starts_with("EVCXR_BEGIN_CONTENT text/html\n<svg"));
/// plot.evcxr_display();
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plot {
    pub format: Format,
    pub bytes: Vec<u8>,
}

impl Plot {
    /// Renders `kind` with `opts` (see [`crate::plot::render`]).
    pub fn render(kind: &PlotKind, opts: &PlotOptions) -> Result<Plot, PlotError> {
        Ok(Plot {
            format: opts.format,
            bytes: plot::render(kind, opts)?,
        })
    }

    /// What [`Plot::evcxr_display`] prints: an SVG inline as HTML, a PNG as base64
    /// `image/png`.
    pub fn evcxr_content(&self) -> String {
        match self.format {
            Format::Svg => evcxr_content("text/html", &String::from_utf8_lossy(&self.bytes)),
            Format::Png => evcxr_content("image/png", &base64(&self.bytes)),
        }
    }

    /// Shows the plot in an evcxr notebook.
    pub fn evcxr_display(&self) {
        print!("{}", self.evcxr_content());
    }
}

/// Standard base64 with padding.
pub fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut o = String::with_capacity(data.len().div_ceil(3) * 4);
    for ch in data.chunks(3) {
        let b = [ch[0], *ch.get(1).unwrap_or(&0), *ch.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        o.push(A[(n >> 18) as usize & 63] as char);
        o.push(A[(n >> 12) as usize & 63] as char);
        o.push(if ch.len() > 1 {
            A[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        o.push(if ch.len() > 2 {
            A[n as usize & 63] as char
        } else {
            '='
        });
    }
    o
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_known() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }
}

/// The pictures of one traced run (see [`crate::RunReport::plot`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// Heap in use, live heap after each mark, goal, trigger and GOMEMLIMIT over time.
    Heap,
    /// GC phases and workers per P.
    Phases,
    /// Objects and bytes per size class.
    SizeClasses,
    /// Goroutine stack sizes over time.
    Stacks,
    /// Spans through one GC cycle, coloured by the tricolour state.
    HeapMap,
}

impl crate::RunReport {
    /// Draws `figure` from a run made with [`crate::RunOptions::trace`].
    ///
    /// ```
    /// use gomem::display::Figure;
    /// let src = "package main\n\nfunc main() {\n\tfor i := 0; i < 1000; i++ {\n\t\t_ = make([]byte, 4096)\n\t}\n}\n";
    /// let opts = gomem::RunOptions { trace: true, ..Default::default() };
    /// let run = gomem::run("./x.go", src, opts).unwrap();
    /// let plot = run.plot(Figure::Heap, &Default::default()).unwrap();
    /// assert!(String::from_utf8_lossy(&plot.bytes).contains("<svg"));
    /// plot.evcxr_display();
    /// ```
    pub fn plot(&self, figure: Figure, opts: &PlotOptions) -> Result<Plot, PlotError> {
        let Some(log) = &self.events else {
            return Err(PlotError::Draw(
                "this run was not traced: run it with RunOptions { trace: true, .. }".into(),
            ));
        };
        match figure {
            Figure::Heap => Plot::render(&PlotKind::Heap(log), opts),
            Figure::Phases => Plot::render(&PlotKind::GcTimeline(log), opts),
            Figure::Stacks => Plot::render(&PlotKind::Stacks(log), opts),
            Figure::SizeClasses => Plot::render(
                &PlotKind::SizeClasses(&crate::plot::SizeClassStats::from_events(log)),
                opts,
            ),
            Figure::HeapMap => Plot::render(&PlotKind::HeapMap(&self.heap_snapshots), opts),
        }
    }

    /// The run as HTML: the program's output, its exit status, the heap plot when the run
    /// was traced, and the final `MemStats`.
    ///
    /// ```
    /// let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi <there>\")\n}\n";
    /// let run = gomem::run("./x.go", src, Default::default()).unwrap();
    /// let html = run.to_html();
    /// assert!(html.contains("hi &lt;there&gt;") && html.contains("exit status 0"));
    /// assert!(run.evcxr_content().starts_with("EVCXR_BEGIN_CONTENT text/html"));
    /// run.evcxr_display();
    /// ```
    pub fn to_html(&self) -> String {
        let mut s = String::from("<div class=\"gomem-run\">\n");
        s.push_str(&format!(
            "<pre style=\"margin:0\">{}</pre>\n",
            html_escape(&self.stdout)
        ));
        if !self.stderr.is_empty() {
            s.push_str(&format!(
                "<pre style=\"margin:0;color:#b00020\">{}</pre>\n",
                html_escape(&self.stderr)
            ));
        }
        s.push_str(&format!(
            "<p style=\"font-family:monospace\">exit status {} · {} GC cycles · {} steps</p>\n",
            self.exit_code, self.mem_stats.num_gc, self.steps
        ));
        if let Ok(p) = self.heap_plot() {
            s.push_str(&String::from_utf8_lossy(&p.bytes));
            s.push('\n');
        }
        s.push_str(&self.mem_stats.to_html());
        s.push_str("\n</div>");
        s
    }

    /// What [`crate::RunReport::evcxr_display`] prints.
    pub fn evcxr_content(&self) -> String {
        evcxr_content("text/html", &self.to_html())
    }

    /// Shows the run in an evcxr notebook.
    pub fn evcxr_display(&self) {
        print!("{}", self.evcxr_content());
    }

    /// The heap plot with default options: what a notebook cell shows first.
    pub fn heap_plot(&self) -> Result<Plot, PlotError> {
        self.plot(Figure::Heap, &PlotOptions::default())
    }

    /// The run as Chrome trace event JSON (opens in Perfetto), if it was traced.
    pub fn chrome_trace(&self) -> Option<serde_json::Value> {
        self.events.as_ref().map(crate::trace::chrome_trace)
    }
}

/// Several traced runs (e.g. `GOGC=50` and `GOGC=200`) on one time axis.
///
/// ```
/// let src = "package main\n\nfunc main() {\n\tfor i := 0; i < 2000; i++ {\n\t\t_ = make([]byte, 4096)\n\t}\n}\n";
/// let run = |gogc| {
///     let mut o = gomem::RunOptions { trace: true, ..Default::default() };
///     o.apply_env("GOGC", gogc);
///     gomem::run("./x.go", src, o).unwrap()
/// };
/// let (a, b) = (run("50"), run("200"));
/// let plot = gomem::display::compare(&[("GOGC=50", &a), ("GOGC=200", &b)], &Default::default()).unwrap();
/// assert!(String::from_utf8_lossy(&plot.bytes).contains("GOGC=200"));
/// ```
pub fn compare(runs: &[(&str, &crate::RunReport)], opts: &PlotOptions) -> Result<Plot, PlotError> {
    let mut list = Vec::new();
    for (label, r) in runs {
        let Some(log) = &r.events else {
            return Err(PlotError::Draw(format!(
                "run {label} was not traced: run it with RunOptions {{ trace: true, .. }}"
            )));
        };
        list.push(crate::plot::Run { label, log });
    }
    Plot::render(&PlotKind::Compare(&list), opts)
}
