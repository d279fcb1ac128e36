//! The type checker.

use super::table::{FileInfo, TypeTable};
use crate::diag::Diagnostics;
use crate::syntax::ast;

/// A checked program: the standard-library prelude files followed by the user's file(s).
#[derive(Clone, Debug)]
pub struct Program {
    pub files: Vec<ast::File>,
    pub infos: Vec<FileInfo>,
    pub table: TypeTable,
    /// Index in `files` of the user's (first) file.
    pub user_file: usize,
}

/// Checks a parsed user file together with the standard-library packages it imports.
pub fn check_program(file: ast::File) -> Result<Program, Diagnostics> {
    let _ = file;
    Err(Diagnostics::default())
}
