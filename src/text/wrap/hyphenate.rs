//! Where a Russian word too wide for any line may break: at the points Russian hyphenation
//! allows (Knuth-Liang with the TeX patterns, from the `hyphenation` crate's embedded
//! dictionary), never between any two letters. Only runs of Cyrillic letters are hyphenated;
//! the punctuation around them stays with the letters it touches.

use std::sync::LazyLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

/// The Russian dictionary, loaded the first time a word needs it.
static RUSSIAN: LazyLock<Option<Standard>> =
    LazyLock::new(|| Standard::from_embedded(Language::Russian).ok());

/// The sign a hyphenated line ends with.
pub(super) const HYPHEN: &str = "-";

fn is_cyrillic_letter(grapheme: &str) -> bool {
    grapheme
        .chars()
        .next()
        .is_some_and(|c| ('\u{400}'..='\u{4ff}').contains(&c) && c.is_alphabetic())
}

/// The indices into `graphemes` before which a line may break with a hyphen, ascending.
pub(super) fn points(graphemes: &[&str]) -> Vec<usize> {
    let Some(dictionary) = RUSSIAN.as_ref() else {
        return Vec::new();
    };
    let mut points = Vec::new();
    let mut start = 0;
    while start < graphemes.len() {
        if !is_cyrillic_letter(graphemes[start]) {
            start += 1;
            continue;
        }
        let end = (start..graphemes.len())
            .find(|&i| !is_cyrillic_letter(graphemes[i]))
            .unwrap_or(graphemes.len());
        let run = &graphemes[start..end];
        let text = run.concat();
        // Byte offsets into the run, each at a grapheme's start: turned into indices.
        let mut offsets = Vec::with_capacity(run.len());
        let mut at = 0;
        for grapheme in run {
            offsets.push(at);
            at += grapheme.len();
        }
        for point in dictionary.hyphenate(&text).breaks {
            if let Ok(i) = offsets.binary_search(&point) {
                points.push(start + i);
            }
        }
        start = end;
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn hyphenated(word: &str) -> String {
        let graphemes: Vec<&str> = word.graphemes(true).collect();
        let points = points(&graphemes);
        let mut out = String::new();
        for (i, g) in graphemes.iter().enumerate() {
            if points.contains(&i) {
                out.push('-');
            }
            out.push_str(g);
        }
        out
    }

    #[test]
    fn russian_words_break_where_russian_hyphenates() {
        assert!(RUSSIAN.is_some(), "the embedded Russian dictionary loads");
        assert_eq!(hyphenated("сотрудничества"), "со-труд-ни-че-ства");
        assert_eq!(hyphenated("Шанхайской"), "Шан-хай-ской");
        // Punctuation around the letters is never a point; case does not matter.
        assert_eq!(hyphenated("«ОРГАНИЗАЦИИ»,"), "«ОР-ГА-НИ-ЗА-ЦИИ»,");
        // Too short to hyphenate, or not Russian.
        assert_eq!(hyphenated("ШОС"), "ШОС");
        assert_eq!(hyphenated("cooperation"), "cooperation");
    }
}
