//! Token soup: each input byte picks a Go token (keyword, operator, bracket, name, literal or
//! newline), so the fuzzer explores the parser's states much faster than with raw bytes.
#![no_main]

use gomem::syntax::fuzz::{check_parse, token_soup};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    check_parse(&token_soup(data.iter().map(|&b| b as usize)));
});
