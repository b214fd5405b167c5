//! Where a layer's texts come from, and their check against the Chinese data set.

use std::borrow::Cow;

use crate::data::Lang;
use crate::data::dataset::DataSet;
use crate::data::files;
use crate::data::glossary::Glossary;
use crate::data::layer::coverage::layer_name;
use crate::data::layer::records::Translations;
use crate::data::layer::{pair, read};
use crate::data::load::{FileText, Origin};
use crate::data::problem::Problem;

/// The texts of `lang`'s layer of a data set: those built in, or `DIR/<lang>/<file>` for
/// each file of the set. A folder without `en/`, or `en/` without a file, has no
/// translations: not an error.
pub(crate) fn texts(origin: &Origin, lang: Lang, problems: &mut Vec<Problem>) -> Vec<FileText> {
    let mut texts = Vec::new();
    for file in files::ALL {
        match origin {
            Origin::Embedded => {
                if let Some(text) = files::layer_embedded(lang, file) {
                    texts.push(FileText {
                        file,
                        display: layer_name(lang, file),
                        text: Cow::Borrowed(text),
                    });
                }
            }
            Origin::Dir(dir) => {
                let path = dir.join(layer_name(lang, file));
                let display = path.display().to_string();
                match std::fs::read_to_string(&path) {
                    Ok(text) => texts.push(FileText {
                        file,
                        display,
                        text: Cow::Owned(text),
                    }),
                    Err(err)
                        if matches!(
                            err.kind(),
                            std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                        ) => {}
                    Err(err) => problems.push(Problem {
                        file: display,
                        position: None,
                        field: "(file)".to_string(),
                        message: format!("cannot read: {err}"),
                    }),
                }
            }
        }
    }
    texts
}

/// The embedded layer of `lang`, read without its check against the Chinese data set: the
/// test suite makes that check (a problem here would be a build bug, and reads as
/// untranslated).
pub(crate) fn embedded(lang: Lang) -> Translations {
    let texts = texts(&Origin::Embedded, lang, &mut Vec::new());
    read::read(lang, &texts, None, &mut Vec::new()).0
}

/// Reads the texts of `lang`'s layer and checks them. Against the Chinese data set when it
/// loaded: when it did not, its records are not known for sure, so only the layer files' own
/// rules are checked (syntax, fields, strings) and the rest waits for the Chinese to be fixed.
/// The problems come file by file, in the order of the file set, after the Chinese ones.
pub(in crate::data) fn check(
    lang: Lang,
    texts: &[FileText],
    chinese: Option<&DataSet>,
    glossary: Option<&Glossary>,
    problems: &mut Vec<Problem>,
) -> Translations {
    let mut found = Vec::new();
    let (layer, parsed) = read::read(lang, texts, glossary, &mut found);
    // Without a file of the layer there is nothing to place a finding in: the walk (a copy
    // of the whole data set) is skipped.
    if let Some(chinese) = chinese
        && !parsed.is_empty()
    {
        let (_, findings, _) = pair(chinese, &layer);
        for finding in findings {
            if let Some(file) = parsed.iter().find(|p| p.file.name == finding.file.name) {
                found.push(file.locate(finding));
            }
        }
    }
    let rank = |problem: &Problem| {
        texts
            .iter()
            .position(|t| t.display == problem.file)
            .unwrap_or(texts.len())
    };
    found.sort_by_key(|p| (rank(p), p.position));
    problems.extend(found);
    layer
}
