//! The English layer (issue 15): `assets/data/en/<file>.toml` beside each Chinese file, keyed
//! by the Chinese records' ids and holding only their reader-facing text under the same field
//! names. Ids, numbers, dates, enums and links come from the Chinese, so the English data set
//! has exactly the Chinese records; where a translation is missing the Chinese text stays
//! (never an empty field), and the coverage report lists what is missing. Another language
//! would be one more folder read the same way.

mod coverage;
mod pairing;
mod read;
mod records;
pub(crate) mod source;
#[cfg(test)]
mod tests;
mod walk;
mod walk_summit;

pub use coverage::{FileCoverage, english_name};
pub use records::Translations;

use crate::data::dataset::DataSet;
use crate::data::validate::Finding;

/// The data set in English: every reader-facing string the English layer translates replaced
/// by its English, everything else (ids, numbers, dates, links, untranslated text) as it is.
pub fn translate(data: &DataSet, english: &Translations) -> DataSet {
    pair(data, english).0
}

/// Per file, in the order of the file set: how many records are translated, and which not.
pub fn coverage(data: &DataSet, english: &Translations) -> Vec<FileCoverage> {
    pair(data, english).2
}

/// The one walk behind translation, checking and coverage.
pub(crate) fn pair(
    data: &DataSet,
    english: &Translations,
) -> (DataSet, Vec<Finding>, Vec<FileCoverage>) {
    let mut translated = data.clone();
    let mut pairing = pairing::Pairing::new();
    walk::walk_all(&mut pairing, &mut translated, english);
    (translated, pairing.findings, pairing.coverage)
}

/// The first character of a CJK script, or of CJK punctuation and full-width forms, in
/// `text`: none may be in an English value.
pub(crate) fn first_cjk(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        matches!(c as u32,
            0x2E80..=0x2FDF      // radicals
            | 0x3000..=0x9FFF    // CJK punctuation, kana, Hangul letters, ideographs
            | 0xAC00..=0xD7AF    // Hangul syllables
            | 0xF900..=0xFAFF    // compatibility ideographs
            | 0xFE30..=0xFE4F    // compatibility forms
            | 0xFF00..=0xFFEF    // full-width forms: ，：（）
            | 0x20000..=0x3FFFF) // ideographs beyond the first plane
    })
}
