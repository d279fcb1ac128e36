//! A light, always-on version of the fuzz targets in `kernel/fuzz/` (which need `cargo fuzz`):
//! random bytes, random token soup and random truncations of valid programs must never make the
//! parser panic, hang or overflow the stack, and every failure must come with a diagnostic.
//! Inputs that once crashed a fuzz target live in `tests/syntax_fuzz/` and are replayed here.

use std::path::Path;

use gomem::syntax::fuzz::{check_parse as check, token_soup, TOKEN_VOCAB};

/// xorshift64*: a tiny deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_bytes() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        check(&bytes);
    }
}

#[test]
fn random_token_soup() {
    let mut rng = Rng(42);
    for _ in 0..5000 {
        let n = rng.below(120);
        let picks: Vec<usize> = (0..n).map(|_| rng.below(TOKEN_VOCAB.len())).collect();
        check(token_soup(picks));
    }
}

#[test]
fn truncated_and_spliced_programs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax_ok");
    let mut rng = Rng(7);
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let src = std::fs::read_to_string(entry.path()).unwrap();
        let cut = |rng: &mut Rng| {
            let mut i = rng.below(src.len() + 1);
            while !src.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        for _ in 0..200 {
            let (a, b) = (cut(&mut rng), cut(&mut rng));
            check(&src[..a]);
            check(format!("{}{}", &src[..a.min(b)], &src[a.max(b)..]));
        }
    }
}

#[test]
fn fuzz_regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax_fuzz");
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in rd.filter_map(Result::ok) {
        // Each input is replayed as both fuzz targets see it: raw text and token soup.
        let bytes = std::fs::read(entry.path()).unwrap();
        check(&bytes);
        check(token_soup(bytes.iter().map(|&b| b as usize)));
    }
}

#[test]
fn huge_literals_and_lines() {
    let digits = "9".repeat(1 << 20);
    check(format!("package p\nvar x = {digits}\nvar s = \"{digits}\n"));
    check(format!(
        "package p\nvar x = 0x{}p{}\n",
        "f".repeat(100_000),
        "9".repeat(100_000)
    ));
    check(format!("package p\nvar x = {}\n", "1 + ".repeat(200_000)));
    check(format!(
        "package p\nfunc f() {{\n{}}}\n",
        "x++\n".repeat(200_000)
    ));
    check(format!(
        "package p\nfunc f() {{\n\tif x {{\n\t}}{}\n}}\n",
        " else if x {\n\t}".repeat(50_000)
    ));
}

#[test]
fn copied_types_cannot_explode() {
    // Each level's `a, b` copies the whole nested type: 2^depth copies without a budget.
    let mut ty = "int".to_string();
    for _ in 0..40 {
        ty = format!("func(a, b {ty})");
    }
    let started = std::time::Instant::now();
    check(format!("package p\nvar f {ty}\n"));
    assert!(started.elapsed().as_secs() < 5);
}
