//! Tokens of the Go language.
