//! Runaway and hostile programs end with a clear message and a non-zero exit status, never a
//! hang or a Rust panic: the instruction budget (an empty `for {}` included), the cap on
//! simulated memory (Go's `fatal error: runtime: out of memory`), the stack limit, and the
//! environment parsed the way Go parses it.

use gomem::RunOptions;

fn run(src: &str, opts: RunOptions) -> gomem::RunReport {
    gomem::run("./x.go", src, opts).expect("compiles")
}

#[test]
fn empty_loop_hits_the_instruction_budget() {
    let opts = RunOptions {
        max_steps: 1_000_000,
        ..Default::default()
    };
    let r = run("package main\n\nfunc main() {\n\tfor {\n\t}\n}\n", opts);
    assert_ne!(r.exit_code, 0);
    assert!(
        r.stderr
            .starts_with("gomem: instruction budget exhausted (1000000 steps)"),
        "{}",
        r.stderr
    );
}

#[test]
fn huge_allocation_is_out_of_memory() {
    let r = run(
        "package main\n\nfunc main() {\n\tb := make([]byte, 1<<40)\n\tb[0] = 1\n}\n",
        RunOptions::default(),
    );
    assert_eq!(r.exit_code, 2);
    assert!(
        r.stderr
            .starts_with("fatal error: runtime: out of memory\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn infinite_recursion_is_a_stack_overflow() {
    let r = run(
        "package main\n\nfunc f(n int) int { return f(n+1) + 1 }\n\nfunc main() {\n\tf(0)\n}\n",
        RunOptions::default(),
    );
    assert_eq!(r.exit_code, 2);
    assert!(
        r.stderr.starts_with(
            "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn gogc_is_parsed_like_go() {
    let mut o = RunOptions::default();
    o.apply_env("GOGC", "off");
    assert_eq!(o.gogc, None);
    o.apply_env("GOGC", "-1");
    assert_eq!(o.gogc, None);
    o.apply_env("GOGC", "50");
    assert_eq!(o.gogc, Some(50));
    // Go's readGOGC falls back to 100 for anything that is not a number.
    o.apply_env("GOGC", "lots");
    assert_eq!(o.gogc, Some(100));
}
