//! The language layers (issue 15, English; issue 22, Russian): `assets/data/<lang>/<file>.toml`
//! beside each Chinese file, keyed by the Chinese records' ids and holding only their
//! reader-facing text under the same field names. Ids, numbers, dates, enums and links come
//! from the Chinese, so each translated data set has exactly the Chinese records; where a
//! translation is missing the Chinese text stays (never an empty field), and the coverage
//! report lists what is missing. Every layer is read and checked the same way; another
//! language is one more folder and a variant of `Lang`.

mod coverage;
mod pairing;
mod read;
mod records;
pub(crate) mod source;
#[cfg(test)]
mod tests;
mod walk;
mod walk_summit;

pub use coverage::{FileCoverage, layer_name};
pub use records::{Layers, Translations};

use crate::data::dataset::DataSet;
use crate::data::validate::Finding;

/// The data set in a layer's language: every reader-facing string the layer translates
/// replaced by its translation, everything else (ids, numbers, dates, links, untranslated
/// text) as it is.
pub fn translate(data: &DataSet, layer: &Translations) -> DataSet {
    pair(data, layer).0
}

/// Per file, in the order of the file set: how many records are translated, and which not.
pub fn coverage(data: &DataSet, layer: &Translations) -> Vec<FileCoverage> {
    pair(data, layer).2
}

/// The one walk behind translation, checking and coverage.
pub(crate) fn pair(
    data: &DataSet,
    layer: &Translations,
) -> (DataSet, Vec<Finding>, Vec<FileCoverage>) {
    let mut translated = data.clone();
    let mut pairing = pairing::Pairing::new(layer.lang);
    walk::walk_all(&mut pairing, &mut translated, layer);
    (translated, pairing.findings, pairing.coverage)
}

/// The first character of a CJK script, or of CJK punctuation and full-width forms, in
/// `text`: none may be in a layer's value.
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
