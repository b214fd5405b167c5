//! What is wrong with a data set, located for a person to fix.

use std::fmt;

use crate::text::sanitize;

/// One mistake in the data: `PATH:LINE:COLUMN: FIELD: what is wrong`. The parts keep the
/// data's own text; showing it sanitises each part, since paths, keys and values all come
/// from the data folder and may hold escape sequences.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problem {
    pub file: String,
    /// 1-based line and column (in characters); absent when the problem has no place in
    /// the file, e.g. the file cannot be read.
    pub position: Option<(usize, usize)>,
    /// Where in the records: `meeting[7].date`.
    pub field: String,
    pub(crate) message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => write!(f, "{}:{line}:{column}: ", sanitize(&self.file))?,
            None => write!(f, "{}: ", sanitize(&self.file))?,
        }
        write!(f, "{}: {}", sanitize(&self.field), sanitize(&self.message))
    }
}

/// Every problem found in a data set; loading reports them all, never only the first.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} problem{} in the data", .problems.len(), if .problems.len() == 1 { "" } else { "s" })]
pub struct DataErrors {
    pub problems: Vec<Problem>,
}
