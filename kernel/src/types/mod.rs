//! The front end's second half: Go's type system for the subset, and the checker that
//! annotates a parsed file with what every name and expression means.
//!
//! The checker plays the role of the Go compiler's `types2` package. It resolves every name to
//! an [`Object`] (a variable, constant, type, function, package or builtin), gives every
//! expression a type (and a constant value where it has one), decides what each call is (a
//! conversion, a builtin, a static call, a method call, an interface call or a call of a
//! function value), and records every *implicit* conversion to an interface type — the place
//! where Go boxes a value, which escape analysis must see.
//!
//! Types are interned in a [`TypeTable`]: a type is a small [`TypeId`], and two structurally
//! identical unnamed types get the same id, so identity is `==`. Sizes and alignments follow
//! the Go compiler on linux/amd64 (`cmd/compile/internal/types/size.go`), because escape analysis
//! thresholds (128 KiB, 64 KiB, 128-byte captures) and later the allocator's size classes
//! depend on them.
//!
//! The standard library surface (fmt, errors, strings, os, sync, runtime, ...) is written as
//! Go-subset source in `stdlib/` and checked by the same checker before the user's file, so a
//! lesson's program sees real packages with real signatures.

pub mod check;
pub mod constant;
pub mod fmt;
pub mod layout;
pub mod lookup;
pub mod stdlib;
pub mod table;

pub use check::{check_program, Program};
pub use lookup::Lookup;
pub use table::*;
