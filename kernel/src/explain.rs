//! Explanations of escape decisions in words a learner understands (`gomem escape --explain`).
//!
//! The analysis records, for every value that must move to the heap, the chain of assignments
//! that carries its address to a place that outlives it (the same data `-gcflags=-m=2` prints).
//! This module turns that chain into sentences: "the address of `x` is assigned to `~r0`
//! (the result) by `return &x`", and ends each chain with the rule that forces the heap.

use crate::api::EscapeReport;
use crate::escape::DiagKind;

/// Renders the report with an explanation under each heap decision.
pub fn render(r: &EscapeReport) -> String {
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
        let steps: Vec<&String> = r
            .explanations
            .iter()
            .filter(|(p, _)| *p == l.pos)
            .map(|(_, s)| s)
            .collect();
        for s in steps {
            if let Some(rest) = s.trim_start().strip_prefix("flow: ") {
                out.push_str(&format!("    {}\n", describe_flow(rest)));
            } else if let Some(rest) = s.trim_start().strip_prefix("from ") {
                out.push_str(&format!("        via {rest}\n"));
            }
        }
        out.push_str(&format!("    => {}\n", rule(l)));
    }
    out
}

/// "~r0 ← &x:" → "the address of x flows into ~r0 (a result of the function)".
fn describe_flow(flow: &str) -> String {
    let flow = flow.trim_end_matches(':');
    let Some((dst, src)) = flow.split_once(" ← ") else {
        return flow.to_string();
    };
    let dst = name(dst);
    if let Some(s) = src.strip_prefix('&') {
        format!("the address of {} flows into {}", name(s), dst)
    } else if src.starts_with('*') {
        let n = src.chars().take_while(|c| *c == '*').count();
        format!(
            "what {} points to ({n} dereference{}) flows into {}",
            name(&src[n..]),
            if n == 1 { "" } else { "s" },
            dst
        )
    } else if src.starts_with("{storage for ") {
        // An allocation "is" its address: this is a pointer to it being stored.
        format!("a pointer to {} flows into {}", name(src), dst)
    } else {
        format!("{} is copied into {}", name(src), dst)
    }
}

fn name(n: &str) -> String {
    match n {
        "{heap}" => "the heap".into(),
        "{temp}" => "a temporary".into(),
        s if s.starts_with("{storage for ") => {
            format!("the memory allocated for `{}`", &s[13..s.len() - 1])
        }
        s if s.starts_with("~r") || s.starts_with("~R") => {
            format!("`{s}` (a result of the function)")
        }
        s => format!("`{s}`"),
    }
}

fn rule(l: &crate::api::EscapeLine) -> &'static str {
    match l.kind {
        DiagKind::MovedToHeap => {
            "the variable's address outlives its stack frame (or its loop iteration), so Go allocates it on the heap"
        }
        DiagKind::Escapes => "the allocation is reachable after its stack frame is gone, so it is made on the heap",
        _ => "callers must assume this parameter's value reaches the heap or a result",
    }
}
