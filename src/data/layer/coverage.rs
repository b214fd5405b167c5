//! How much of each file a layer translates, as `validate` reports it.

use std::fmt;

use crate::data::Lang;
use crate::data::files::DataFile;

/// One file's translation coverage. A record counts when it has text to translate; it is
/// translated when every such field has its translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCoverage {
    /// The language of the layer.
    pub lang: Lang,
    /// The Chinese file the layer translates.
    pub file: DataFile,
    /// Whether the layer's file exists (embedded, or in `DIR/en/`, `DIR/ru/`).
    pub present: bool,
    pub translated: usize,
    pub total: usize,
    /// The records not (wholly) translated: an id, with the fields it lacks when it has some.
    pub missing: Vec<String>,
}

impl FileCoverage {
    pub(crate) fn new(lang: Lang, file: DataFile, present: bool) -> Self {
        FileCoverage {
            lang,
            file,
            present,
            translated: 0,
            total: 0,
            missing: Vec::new(),
        }
    }

    /// The layer file's name, relative to the data folder: `en/timeline.toml`.
    pub fn layer_name(&self) -> String {
        layer_name(self.lang, self.file)
    }

    pub fn is_complete(&self) -> bool {
        self.translated == self.total
    }

    /// Counts one record with text to translate; `untranslated` are the fields it lacks, and
    /// `partly` says whether it has a translation of some others.
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

/// Where a Chinese file's layer in `lang` lives, relative to the data folder:
/// `ru/timeline.toml`.
pub fn layer_name(lang: Lang, file: DataFile) -> String {
    format!("{}/{}", lang.layer().unwrap_or("."), file.name)
}

/// `en/timeline.toml: 309/312 records translated` (and why, when the file is absent).
impl fmt::Display for FileCoverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}/{} records translated",
            self.layer_name(),
            self.translated,
            self.total
        )?;
        if !self.present {
            write!(f, " (no such file)")?;
        }
        Ok(())
    }
}
