//! Nothing panics on any input: arbitrary text, and the real files with random damage, always
//! load to either a data set or a list of located problems.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::borrow::Cow;

use proptest::prelude::*;
use sco_dash::data::files::{self, DataFile};
use sco_dash::data::{FileText, load_texts};

fn text(file: DataFile, text: String) -> FileText {
    FileText {
        file,
        display: file.name.to_string(),
        text: Cow::Owned(text),
    }
}

/// Every problem has a place a person can find.
fn assert_located(texts: &[FileText]) {
    if let Err(failed) = load_texts(texts) {
        assert!(!failed.errors.problems.is_empty());
        for problem in &failed.errors.problems {
            assert!(!problem.field.is_empty(), "{problem}");
            let (line, column) = problem
                .position
                .expect("every problem in a text has a position");
            let source = texts.iter().find(|t| t.display == problem.file).unwrap();
            assert!(
                line >= 1 && line <= source.text.lines().count().max(1) + 1,
                "{problem}"
            );
            assert!(column >= 1, "{problem}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_in_any_file_never_panics(
        which in 0..files::ALL.len(),
        junk in "(\\PC|[\\[\\]=\"'{},.#\n\u{1b}\u{85}])*",
    ) {
        assert_located(&[text(files::ALL[which], junk)]);
    }

    #[test]
    fn damaged_real_files_never_panic(
        which in 0..files::ALL.len(),
        cut in any::<prop::sample::Index>(),
        len in 0usize..40,
        insert in "[\\[\\]=\"{}\n0-9a-z天津]{0,6}",
    ) {
        let file = files::ALL[which];
        let original = file.embedded;
        let mut at = cut.index(original.len().max(1));
        while !original.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + len).min(original.len());
        while !original.is_char_boundary(end) {
            end -= 1;
        }
        let damaged = format!("{}{insert}{}", &original[..at], &original[end..]);
        let mut texts: Vec<FileText> = files::ALL
            .iter()
            .map(|f| text(*f, f.embedded.to_string()))
            .collect();
        texts[which] = text(file, damaged);
        assert_located(&texts);
    }
}
