//! The Go runtime model: goroutine stacks (and, merged from other branches, the heap).

pub mod stack;
