//! Raw bytes into the parser: it must never panic, hang or overflow its stack, and the result
//! must satisfy `gomem::syntax::fuzz::check_parse`'s invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gomem::syntax::fuzz::check_parse(data);
});
