//! # gomem — a simulator of Go 1.27.3's memory management
//!
//! gomem reads a Go program (a teaching subset of Go) and shows what the real Go toolchain and
//! runtime would do with its memory: which variables escape to the heap and why, how goroutine
//! stacks grow, which size class each object lands in, and when and how the garbage collector
//! runs.
//!
//! The data flows through the crate in one direction (see `ARCHITECTURE.md`):
//!
//! ```text
//! Go source ─▶ syntax (lexer, parser) ─▶ types (checker, stdlib) ─▶ inline ─▶ escape ─▶ reports
//! ```
//!
//! The [`api`] module is the small facade that the CLI, the book, notebooks and the grader use;
//! everything it returns is a plain serde type.

pub mod api;
pub mod diag;
pub mod display;
pub mod escape;
pub mod events;
pub mod explain;
pub mod gofmt;
pub mod inline;
pub mod ir;
pub mod plot;
pub mod runtime;
pub mod syntax;
pub mod trace;
pub mod types;
pub mod vm;

pub use api::*;
