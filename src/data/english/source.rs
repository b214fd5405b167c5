//! Where the English layer's texts come from, and their check against the Chinese data set.

use std::borrow::Cow;

use crate::data::dataset::DataSet;
use crate::data::english::coverage::english_name;
use crate::data::english::records::Translations;
use crate::data::english::{pair, read};
use crate::data::files;
use crate::data::glossary::Glossary;
use crate::data::load::{FileText, Origin};
use crate::data::problem::Problem;

/// The English texts of a data set: those built in, or `DIR/en/<file>` for each file of the
/// set. A folder without `en/`, or `en/` without a file, has no translations: not an error.
pub(crate) fn texts(origin: &Origin, problems: &mut Vec<Problem>) -> Vec<FileText> {
    let mut texts = Vec::new();
    for file in files::ALL {
        match origin {
            Origin::Embedded => {
                if let Some(text) = files::english_embedded(file) {
                    texts.push(FileText {
                        file,
                        display: english_name(file),
                        text: Cow::Borrowed(text),
                    });
                }
            }
            Origin::Dir(dir) => {
                let path = dir.join(english_name(file));
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

/// The embedded English layer, read without its check against the Chinese data set: the
/// test suite makes that check (a problem here would be a build bug, and reads as untranslated).
pub(crate) fn embedded() -> Translations {
    let texts = texts(&Origin::Embedded, &mut Vec::new());
    read::read(&texts, None, &mut Vec::new()).0
}

/// Reads the English texts and checks them. Against the Chinese data set when it loaded:
/// when it did not, its records are not known for sure, so only the English files' own rules
/// are checked (syntax, fields, strings) and the rest waits for the Chinese to be fixed.
/// The problems come file by file, in the order of the file set, after the Chinese ones.
pub(in crate::data) fn check(
    texts: &[FileText],
    chinese: Option<&DataSet>,
    glossary: Option<&Glossary>,
    problems: &mut Vec<Problem>,
) -> Translations {
    let mut found = Vec::new();
    let (english, parsed) = read::read(texts, glossary, &mut found);
    // Without an English file there is nothing to place a finding in: the walk (a copy of
    // the whole data set) is skipped.
    if let Some(chinese) = chinese
        && !parsed.is_empty()
    {
        let (_, findings, _) = pair(chinese, &english);
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
    english
}
