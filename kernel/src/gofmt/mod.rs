//! # gofmt — Go 1.27.3's `fmt` printing, byte for byte
//!
//! The VM turns a Go value in simulated memory into an owned [`Value`] and calls [`sprint`],
//! [`sprintln`] or [`sprintf`]. This module then prints it the way real Go's `fmt` does;
//! `tests/gofmt.rs` compares a few hundred cases with the output of the real toolchain.
//!
//! ## How Go formats a value
//!
//! **Directives.** `Printf` copies the format and replaces each `%[flags][width][.prec]verb`
//! by the next operand. Flags are `+` (sign; for `%v`: field names), `-` (pad on the right),
//! `#` (alternate form: `0x` prefixes, raw-quoted strings; for `%v`: Go syntax), `0` (zero
//! padding after the sign) and space (a blank for the sign, or between hex bytes). Width and
//! precision are decimal numbers or `*` (taken from an `int` operand; a negative width means
//! `-`). `%[2]d` picks an operand explicitly. `%%` is a percent sign and takes no operand.
//!
//! **Verbs by kind** — what matters is the underlying kind, not the type's name:
//!
//! | kind | verbs |
//! |------|-------|
//! | bool | `%t %v` |
//! | integers | `%d %v`, `%b %o %O %x %X` (sign + magnitude, so `%x` of −255 is `-ff`), `%c` the character, `%q` a quoted rune, `%U` `U+0041` |
//! | floats | `%v` = `%g` with the shortest digits that read back as the same float32/float64 (`1e+06`, `1.5e-07`, `0.30000000000000004`), `%e %E %f %F %g %G` (precision 6 by default), `%x %X` hex mantissa, `%b` binary exponent |
//! | strings, byte slices | `%s %v`, `%q` (Go-escaped, `%+q` ASCII only, `%#q` raw if possible), `%x %X` hex bytes (`% x` spaced) |
//! | pointers, chans, funcs | `%p %v` as `0x…` addresses, `%d %x …` as integers |
//! | any | `%T` the type, `%v` the natural format |
//!
//! **`%v` recursion.** Structs print as `{1 2}`, with `%+v` as `{X:1 Y:2}`, with `%#v` as
//! `main.Point{X:1, Y:2}`; slices and arrays as `[1 2]`; maps as `map[k:v …]` with the keys
//! **sorted** (numbers and strings by value, false before true, NaN first, structs and arrays
//! field by field, pointers by address). The verb and its flags apply to every element:
//! `%6v` of `[]int{1, 2}` is `[     1      2]`, `%x` of `[]int{10, 11}` is `[a b]`.
//!
//! **Pointers.** At the top level a pointer to a struct, array, slice or map prints as `&`
//! followed by the pointee (`&{1 2}`); any other pointer, and every pointer found inside
//! another value (depth > 0), prints as its address `0xc000012345`. Nil pointers, maps,
//! slices, funcs, chans and interfaces print as `<nil>`, `map[]`, `[]`, `<nil>`; `%d` of a
//! nil pointer is `0`; `%#v` gives `(*main.T)(nil)`, `map[string]int(nil)`, `[]int(nil)`.
//!
//! **Methods.** For `%v %s %x %X %q` (not `%d`, not `%#v`), a value whose type has
//! `Error() string` prints that, else one with `String() string` prints that — at any depth.
//! Inside an error report (below) methods are not called.
//!
//! **Errors in the format.** A verb that does not fit prints `%!d(string=x)` (the operand's
//! type and its `%v`, with the directive's width); a missing operand `%!d(MISSING)`; leftover
//! operands `%!(EXTRA int=7, string=x)`; a lone `%` at the end `%!(NOVERB)`; `nil` with a
//! verb other than `%v`/`%T` `%!d(<nil>)`; bad `*` operands `%!(BADWIDTH)` / `%!(BADPREC)`;
//! a bad `%[n]` index `%!d(BADINDEX)`.
//!
//! **Print and Println.** `Sprint` puts a space between two operands when neither is a
//! string (`Sprint("a", 1, 2, "b")` is `a1 2b`); `Sprintln` always puts spaces and ends
//! with a newline.
//!
//! ## Example
//!
//! ```
//! use gomem::gofmt::{sprint, sprintf, sprintln, Value};
//!
//! let p = Value::strukt("main.Point", vec![("X", Value::int(1)), ("Y", Value::int(2))]);
//! assert_eq!(sprintf("%v %+v %#v", &[p.clone(), p.clone(), p.clone()]),
//!            "{1 2} {X:1 Y:2} main.Point{X:1, Y:2}");
//! assert_eq!(sprintf("%5.2f|%x|%q", &[Value::f64(3.14159), Value::int(-255), Value::str("a\tb")]),
//!            " 3.14|-ff|\"a\\tb\"");
//! assert_eq!(sprint(&[Value::str("a"), Value::int(1), Value::int(2), Value::str("b")]), "a1 2b");
//! assert_eq!(sprintln(&[Value::f64(1e6), Value::f32(0.1)]), "1e+06 0.1\n");
//! assert_eq!(sprintf("%d %d", &[Value::str("x")]), "%!d(string=x) %!d(MISSING)");
//! ```
//!
//! ## What the VM must do when building a [`Value`]
//!
//! * **Methods**: wrap a value in [`Value::Error`] when its method set (value or pointer,
//!   as Go's method sets say: `T` has only value-receiver methods) contains `Error() string`,
//!   otherwise in [`Value::Stringer`] when it has `String() string`. Call the method only when
//!   fmt would: verbs `v s x X q` without `#`. Do **not** wrap values reached through
//!   unexported struct fields (Go cannot call methods on them). `GoString` (`%#v`) and
//!   `Format` are not modelled.
//! * **Pointers**: give `target` for pointers to structs, arrays, slices and maps (only used
//!   at the top level; deeper pointers print their address).
//! * **Bytes**: `[]byte` is a [`Value::Slice`] of `ty = "[]uint8"`, `bytes: true`, elements
//!   [`Value::Uint`] of type `uint8`; named byte slices/arrays also set `bytes: true`.
//! * **Interfaces**: fields, elements and map entries of interface type are
//!   [`Value::Interface`] with the static type (it shows in `%#v` of nil ones). A top-level
//!   argument may be passed as its dynamic value; a nil `any` argument is an `Interface`
//!   with `inner: None`.
//! * **Strings** are bytes ([`Value::String`] holds `Vec<u8>`); use [`sprintf_bytes`] when
//!   the output may be invalid UTF-8.

mod field;
mod float;
mod isprint_table;
mod printer;
pub(crate) mod quote;
mod value;

pub(crate) use float::format_float;
pub use quote::go_quote;
pub use value::{TypeName, Value};

use printer::Printer;

fn lossy(b: Vec<u8>) -> String {
    String::from_utf8(b).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `fmt.Sprint` as bytes.
pub fn sprint_bytes(args: &[Value]) -> Vec<u8> {
    let mut p = Printer::default();
    p.do_print(args);
    p.out.buf
}

/// `fmt.Sprintln` as bytes.
pub fn sprintln_bytes(args: &[Value]) -> Vec<u8> {
    let mut p = Printer::default();
    p.do_println(args);
    p.out.buf
}

/// `fmt.Sprintf` as bytes (Go strings may hold invalid UTF-8; so may the format).
pub fn sprintf_bytes(format: &[u8], args: &[Value]) -> Vec<u8> {
    let mut p = Printer::default();
    p.do_printf(format, args);
    p.out.buf
}

/// The message of `fmt.Errorf(format, args…)`: like [`sprintf_bytes`], but `%w` prints an
/// error operand like `%v` (for a non-error it is `%!w(…)`).
pub fn errorf_bytes(format: &[u8], args: &[Value]) -> Vec<u8> {
    let mut p = Printer::default();
    p.wrap_errs = true;
    p.do_printf(format, args);
    p.out.buf
}

/// `fmt.Sprint`: operands in their `%v` form, a space between two operands when neither is
/// a string. (Invalid UTF-8 in the output is replaced by U+FFFD; see [`sprint_bytes`].)
pub fn sprint(args: &[Value]) -> String {
    lossy(sprint_bytes(args))
}

/// `fmt.Sprintln`: operands in their `%v` form separated by spaces, then a newline.
pub fn sprintln(args: &[Value]) -> String {
    lossy(sprintln_bytes(args))
}

/// `fmt.Sprintf`.
pub fn sprintf(format: &str, args: &[Value]) -> String {
    lossy(sprintf_bytes(format.as_bytes(), args))
}
