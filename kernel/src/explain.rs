//! Explanations of escape decisions in words a learner understands (`gomem escape --explain`).
//!
//! The analysis records, for every value that must move to the heap, the chain of assignments
//! that carries its address to a place that outlives it (the same data `-gcflags=-m=2` prints).
//! This module turns that chain into sentences — "the address of `x` flows into `~r0` (a result
//! of the function)", each step followed by the statement that caused it — and ends with the
//! rule that forces the heap. The book is bilingual, so every sentence exists in English and in
//! Russian; the Go diagnostics themselves stay exactly as the compiler prints them.

use serde::{Deserialize, Serialize};

use crate::api::{EscapeLine, EscapeReport};
use crate::escape::DiagKind;

/// The language of the explanations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Ru,
}

/// Renders the report with an English explanation under each heap decision.
pub fn render(r: &EscapeReport) -> String {
    render_in(r, Lang::En)
}

/// Renders the report with an explanation in `lang` under each heap decision.
///
/// ```
/// let src = "package main\n\nfunc f() *int {\n\tx := 1\n\treturn &x\n}\n\nfunc main() { _ = f() }\n";
/// let opts = gomem::EscapeOptions { inline: false, explain: true };
/// let r = gomem::escape("./x.go", src, opts).unwrap();
/// let ru = gomem::explain::render_in(&r, gomem::explain::Lang::Ru);
/// assert!(ru.contains("адрес `x` попадает в `~r0` (результат функции)"));
/// ```
pub fn render_in(r: &EscapeReport, lang: Lang) -> String {
    let mut out = String::new();
    for l in &r.lines {
        out.push_str(&format!(
            "{}:{}:{}: {}\n",
            r.file, l.pos.line, l.pos.col, l.msg
        ));
        if !matches!(
            l.kind,
            DiagKind::MovedToHeap | DiagKind::Escapes | DiagKind::LeakingParam
        ) {
            continue;
        }
        let steps = r
            .explanations
            .iter()
            .filter(|(p, _)| *p == l.pos)
            .map(|(_, s)| s);
        for s in steps {
            if let Some(rest) = s.trim_start().strip_prefix("flow: ") {
                out.push_str(&format!("    {}\n", describe_flow(rest, lang)));
            } else if let Some(rest) = s.trim_start().strip_prefix("from ") {
                let via = match lang {
                    Lang::En => "via",
                    Lang::Ru => "через",
                };
                out.push_str(&format!("        {via} {rest}\n"));
            }
        }
        out.push_str(&format!("    => {}\n", rule(l, lang)));
    }
    out
}

/// "~r0 ← &x:" → "the address of `x` flows into `~r0` (a result of the function)".
fn describe_flow(flow: &str, lang: Lang) -> String {
    let flow = flow.trim_end_matches(':');
    let Some((dst, src)) = flow.split_once(" ← ") else {
        return flow.to_string();
    };
    let dst = name(dst, lang);
    if let Some(s) = src.strip_prefix('&') {
        let s = name(s, lang);
        match lang {
            Lang::En => format!("the address of {s} flows into {dst}"),
            Lang::Ru => format!("адрес {s} попадает в {dst}"),
        }
    } else if src.starts_with('*') {
        let n = src.chars().take_while(|c| *c == '*').count();
        let s = name(&src[n..], lang);
        match lang {
            Lang::En => {
                let plural = if n == 1 { "" } else { "s" };
                format!("what {s} points to ({n} dereference{plural}) flows into {dst}")
            }
            Lang::Ru => format!("то, на что указывает {s} (разыменований: {n}), попадает в {dst}"),
        }
    } else if src.starts_with("{storage for ") {
        // An allocation "is" its address: this is a pointer to it being stored.
        let s = name(src, lang);
        match lang {
            Lang::En => format!("a pointer to {s} flows into {dst}"),
            Lang::Ru => format!("указатель на {s} попадает в {dst}"),
        }
    } else {
        let s = name(src, lang);
        match lang {
            Lang::En => format!("{s} is copied into {dst}"),
            Lang::Ru => format!("{s} копируется в {dst}"),
        }
    }
}

fn name(n: &str, lang: Lang) -> String {
    match (n, lang) {
        ("{heap}", Lang::En) => "the heap".into(),
        ("{heap}", Lang::Ru) => "кучу".into(),
        ("{temp}", Lang::En) => "a temporary".into(),
        ("{temp}", Lang::Ru) => "временную переменную".into(),
        (s, _) if s.starts_with("{storage for ") => {
            let what = &s[13..s.len() - 1];
            match lang {
                Lang::En => format!("the memory allocated for `{what}`"),
                Lang::Ru => format!("память, выделенную под `{what}`"),
            }
        }
        (s, _) if s.starts_with("~r") || s.starts_with("~R") => match lang {
            Lang::En => format!("`{s}` (a result of the function)"),
            Lang::Ru => format!("`{s}` (результат функции)"),
        },
        (s, _) => format!("`{s}`"),
    }
}

fn rule(l: &EscapeLine, lang: Lang) -> &'static str {
    match (&l.kind, lang) {
        (DiagKind::MovedToHeap, Lang::En) => {
            "the variable's address outlives its stack frame (or its loop iteration), so Go allocates it on the heap"
        }
        (DiagKind::MovedToHeap, Lang::Ru) => {
            "адрес переменной живёт дольше её кадра стека (или итерации цикла), поэтому Go размещает её в куче"
        }
        (DiagKind::Escapes, Lang::En) => {
            "the allocation is reachable after its stack frame is gone, so it is made on the heap"
        }
        (DiagKind::Escapes, Lang::Ru) => {
            "объект остаётся достижимым после того, как кадр стека исчез, поэтому он создаётся в куче"
        }
        (_, Lang::En) => "callers must assume this parameter's value reaches the heap or a result",
        (_, Lang::Ru) => {
            "вызывающие функции должны считать, что значение параметра попадает в кучу или в результат"
        }
    }
}
