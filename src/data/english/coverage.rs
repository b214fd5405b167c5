//! How much of each file the English layer translates, as `validate` reports it.

use std::fmt;

use crate::data::files::DataFile;

/// One file's translation coverage. A record counts when it has text to translate; it is
/// translated when every such field has its English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCoverage {
    /// The Chinese file the English layer translates.
    pub file: DataFile,
    /// Whether the English file exists (embedded, or in `DIR/en/`).
    pub present: bool,
    pub translated: usize,
    pub total: usize,
    /// The records not (wholly) translated: an id, with the fields it lacks when it has some.
    pub missing: Vec<String>,
}

impl FileCoverage {
    pub(crate) fn new(file: DataFile, present: bool) -> Self {
        FileCoverage {
            file,
            present,
            translated: 0,
            total: 0,
            missing: Vec::new(),
        }
    }

    /// The English file's name, relative to the data folder: `en/timeline.toml`.
    pub fn english_name(&self) -> String {
        english_name(self.file)
    }

    pub fn is_complete(&self) -> bool {
        self.translated == self.total
    }

    /// Counts one record with text to translate; `untranslated` are the fields it lacks, and
    /// `partly` says whether it has English for some others.
    pub(crate) fn count(&mut self, id: String, untranslated: &[String], partly: bool) {
        self.total += 1;
        if untranslated.is_empty() {
            self.translated += 1;
        } else if partly {
            self.missing
                .push(format!("{id} ({})", untranslated.join(", ")));
        } else {
            self.missing.push(id);
        }
    }
}

/// Where a Chinese file's English layer lives, relative to the data folder.
pub fn english_name(file: DataFile) -> String {
    format!("en/{}", file.name)
}

/// `en/timeline.toml: 309/312 records translated` (and why, when the file is absent).
impl fmt::Display for FileCoverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}/{} records translated",
            self.english_name(),
            self.translated,
            self.total
        )?;
        if !self.present {
            write!(f, " (no such file)")?;
        }
        Ok(())
    }
}
