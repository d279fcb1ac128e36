//! Raw bytes into the parser: it must never panic, hang or overflow its stack, and a successful
//! parse must hand out unique expression ids below `num_exprs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    gomem_fuzz_check(&src);
});

fn gomem_fuzz_check(src: &str) {
    match gomem::syntax::parse_file("./x.go", src) {
        Ok(f) => {
            let mut ids = gomem::syntax::dump::expr_ids(&f);
            ids.sort_unstable();
            let n = ids.len();
            ids.dedup();
            assert_eq!(ids.len(), n, "duplicate expression ids");
            assert!(
                ids.last().is_none_or(|&m| m < f.num_exprs),
                "id out of range"
            );
        }
        Err(d) => assert!(!d.0.is_empty(), "error without diagnostics"),
    }
}
