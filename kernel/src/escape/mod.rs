//! Escape analysis.
