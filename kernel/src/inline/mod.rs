//! The inliner.
