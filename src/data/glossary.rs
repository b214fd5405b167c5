//! The glossary (`glossary.toml`): the one English form of each recurring term and person, and
//! the wrong variants. It is a check, not records: `validate` reports every occurrence of a
//! variant in an English value — the English layer, and the `*_en` fields of the Chinese files
//! (a country's `name_en`) — at the line and column where it starts.

use std::borrow::Cow;

use serde::Deserialize;

use crate::data::files;
use crate::data::load::{FileText, Origin};
use crate::data::parsed::{Parsed, Step, for_each_string, path_text};
use crate::data::problem::Problem;
use crate::data::validate::Finding;

/// One `[[term]]`: the form the texts print, the canonical English, the established Russian
/// where known, and the English forms not to write.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Term {
    // Read so that a glossary is checked whole (strings, unknown keys), though only `en` and
    // `variants` take part in the check.
    #[allow(dead_code)]
    pub(crate) zh: String,
    pub(crate) en: String,
    #[allow(dead_code)]
    pub(crate) ru: Option<String>,
    #[serde(default)]
    pub(crate) variants: Vec<String>,
}

/// The terms that were read (a broken term is reported, and the others still check).
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Glossary {
    terms: Vec<Term>,
}

impl Glossary {
    /// Every (variant, canonical form) pair.
    fn variants(&self) -> impl Iterator<Item = (&str, &str)> {
        self.terms.iter().flat_map(|term| {
            term.variants
                .iter()
                .map(move |variant| (variant.as_str(), term.en.as_str()))
        })
    }

    /// Reports every variant in the English strings of `file`: all of them in an English
    /// file, only `*_en` fields in a Chinese one. A variant is matched as written (the glossary
    /// lists a variant in each case it is to be caught in).
    pub(super) fn check(&self, file: &Parsed<'_>, english_file: bool, problems: &mut Vec<Problem>) {
        if self.terms.iter().all(|t| t.variants.is_empty()) {
            return;
        }
        let mut path = Vec::new();
        for_each_string(file.root.get_ref(), &mut path, &mut |steps, span, text| {
            let english = english_file
                || matches!(steps.last(), Some(Step::Key(key)) if key.ends_with("_en"));
            if !english {
                return;
            }
            for (variant, canonical) in self.variants() {
                // The value as written in the file, quotes and escapes included: an
                // occurrence is placed where it is written, or at the value when an escape
                // hides it there.
                let raw = file.text.get(span.clone()).unwrap_or_default();
                let mut written = raw.match_indices(variant).map(|(at, _)| span.start + at);
                for _ in text.match_indices(variant) {
                    let start = written.next().unwrap_or(span.start);
                    let message = format!("`{variant}`: write `{canonical}` (glossary)");
                    problems.push(file.problem_at(
                        start..start + variant.len(),
                        &path_text(steps),
                        message,
                    ));
                }
            }
        });
    }
}

/// The glossary's text: the embedded one, or `DIR/glossary.toml` when the folder has one (a
/// folder without one is not checked against a glossary, as links into a missing file are
/// not checked).
pub(super) fn text(origin: &Origin, problems: &mut Vec<Problem>) -> Option<FileText> {
    let file = files::GLOSSARY;
    match origin {
        Origin::Embedded => Some(FileText {
            file,
            display: file.name.to_string(),
            text: Cow::Borrowed(file.embedded),
        }),
        Origin::Dir(dir) => {
            let path = dir.join(file.name);
            let display = path.display().to_string();
            match std::fs::read_to_string(&path) {
                Ok(text) => Some(FileText {
                    file,
                    display,
                    text: Cow::Owned(text),
                }),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
                Err(err) => {
                    problems.push(Problem {
                        file: display,
                        position: None,
                        field: "(file)".to_string(),
                        message: format!("cannot read: {err}"),
                    });
                    None
                }
            }
        }
    }
}

/// Reads the glossary with the data files' parser and rules, and checks its own rule: no
/// variant is part of a canonical form (case-insensitively), or the check would flag the
/// right form.
pub(super) fn read(text: &FileText, problems: &mut Vec<Problem>) -> Glossary {
    let file = Parsed::new(text.file, &text.display, &text.text, problems);
    let read: Vec<(usize, Term)> = file.records(problems);
    for (at, term) in &read {
        for (k, variant) in term.variants.iter().enumerate() {
            let lower = variant.to_lowercase();
            let clash = read
                .iter()
                .map(|(_, other)| other)
                .find(|other| other.en.to_lowercase().contains(&lower));
            if let Some(other) = clash {
                problems.push(file.locate(Finding {
                    file: files::GLOSSARY,
                    path: format!("term[{at}].variants[{k}]"),
                    message: format!(
                        "`{variant}` is part of the canonical form `{}`: the check would flag \
                         the right form",
                        other.en
                    ),
                }));
            }
        }
    }
    Glossary {
        terms: read.into_iter().map(|(_, term)| term).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(glossary: &str, english: &str) -> Vec<String> {
        let mut found = Vec::new();
        let glossary = read(
            &FileText {
                file: files::GLOSSARY,
                display: "glossary.toml".to_string(),
                text: Cow::Owned(glossary.to_string()),
            },
            &mut found,
        );
        let file = Parsed::new(files::OUTCOMES, "en/outcomes.toml", english, &mut found);
        glossary.check(&file, true, &mut found);
        found.iter().map(ToString::to_string).collect()
    }

    const SCO: &str = "[[term]]\nzh = \"上海合作组织\"\nen = \"Shanghai Cooperation Organisation\"\nvariants = [\"Shanghai Cooperation Organization\"]\n";

    #[test]
    fn every_occurrence_of_a_variant_is_placed_where_it_starts() {
        let english = "[outcome.1]\ntitle = \"The Shanghai Cooperation Organization and the Shanghai Cooperation Organization\"\nsummary = \"Shanghai Cooperation Organisation\"\n";
        assert_eq!(
            problems(SCO, english),
            [
                "en/outcomes.toml:2:14: outcome.1.title: `Shanghai Cooperation Organization`: write `Shanghai Cooperation Organisation` (glossary)",
                "en/outcomes.toml:2:56: outcome.1.title: `Shanghai Cooperation Organization`: write `Shanghai Cooperation Organisation` (glossary)",
            ]
        );
    }

    #[test]
    fn a_variant_behind_an_escape_is_placed_at_its_value() {
        let english = "[outcome.1]\ntitle = \"\\u0053hanghai Cooperation Organization\"\n";
        assert_eq!(
            problems(SCO, english),
            [
                "en/outcomes.toml:2:9: outcome.1.title: `Shanghai Cooperation Organization`: write `Shanghai Cooperation Organisation` (glossary)"
            ]
        );
    }

    #[test]
    fn a_variant_inside_a_canonical_form_is_refused() {
        let glossary = "[[term]]\nzh = \"上合组织\"\nen = \"SCO\"\nvariants = []\n\n[[term]]\nzh = \"中国—上合组织\"\nen = \"China–SCO\"\nvariants = [\"sco\"]\n";
        assert_eq!(
            problems(glossary, "[outcome.1]\ntitle = \"x\"\n"),
            [
                "glossary.toml:9:13: term[1].variants[0]: `sco` is part of the canonical form `SCO`: the check would flag the right form"
            ]
        );
    }

    #[test]
    fn the_embedded_glossary_reads_without_problems() {
        let mut found = Vec::new();
        let text = text(&Origin::Embedded, &mut found).expect("embedded");
        let glossary = read(&text, &mut found);
        assert!(found.is_empty(), "{found:?}");
        assert!(glossary.variants().count() > 50);
    }
}
