//! Meets each Chinese record with its translation, field by field, in one walk that does
//! three things at once: puts the translation in place of the Chinese (the translated data
//! set), finds what the layer may not say (a field or an entry the Chinese lacks, an unknown
//! id), and counts what is translated. One walk for all three, so that they cannot disagree.

use std::collections::HashSet;

use crate::data::Lang;
use crate::data::files::{self, DataFile};
use crate::data::layer::coverage::FileCoverage;
use crate::data::validate::Finding;

#[derive(Debug)]
pub(crate) struct Pairing {
    /// The layer's language.
    pub(crate) lang: Lang,
    /// The Chinese file whose records are being walked (findings name it).
    file: DataFile,
    /// The translated record's path in its file, e.g. `meeting.bj-2025-iran`.
    record: String,
    /// Inside a record, the steps down to the current table, e.g. `quotes[0]`.
    inner: Vec<String>,
    /// Fields the current record has in Chinese and lacks in the layer.
    untranslated: Vec<String>,
    /// How many of the current record's fields have their translation.
    translated: usize,
    pub(crate) findings: Vec<Finding>,
    pub(crate) coverage: Vec<FileCoverage>,
}

impl Pairing {
    /// A walk of `lang`'s layer that starts with the first file of the set.
    pub(crate) fn new(lang: Lang) -> Self {
        Pairing {
            lang,
            file: files::ALL[0],
            record: String::new(),
            inner: Vec::new(),
            untranslated: Vec::new(),
            translated: 0,
            findings: Vec::new(),
            coverage: Vec::new(),
        }
    }

    /// Starts the records of one file; `present` is whether its layer file exists.
    pub(crate) fn file(&mut self, file: DataFile, present: bool) {
        self.file = file;
        self.coverage
            .push(FileCoverage::new(self.lang, file, present));
    }

    /// Puts the walk at a path of the layer's file, outside any record.
    pub(crate) fn at(&mut self, path: String) {
        self.record = path;
        self.inner.clear();
    }

    /// Walks one record whose translation is at `path` (`outcome.1`). The coverage report names
    /// it by the path without the file's key (`1`, `activities-main.items.24`, `figures[3]`).
    /// A record with no text to translate is not counted.
    pub(crate) fn record(&mut self, path: String, walk: impl FnOnce(&mut Self)) {
        let key = self.file.key;
        let id = path
            .strip_prefix(key)
            .and_then(|rest| rest.strip_prefix('.'))
            .unwrap_or(&path)
            .to_string();
        self.at(path);
        self.untranslated.clear();
        self.translated = 0;
        walk(self);
        let has_text = self.translated > 0 || !self.untranslated.is_empty();
        if let Some(coverage) = self.coverage.last_mut().filter(|_| has_text) {
            coverage.count(id, &self.untranslated, self.translated > 0);
        }
    }

    /// The path of a field of the current record, relative to it (`quotes[0].text`).
    fn relative(&self, field: &str) -> String {
        let mut path = self.inner.join(".");
        if !field.is_empty() {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(field);
        }
        path
    }

    /// The path of a field in the layer's file (`meeting.x.quotes[0].text`).
    fn absolute(&self, field: &str) -> String {
        let relative = self.relative(field);
        if relative.is_empty() {
            self.record.clone()
        } else {
            format!("{}.{relative}", self.record)
        }
    }

    fn report(&mut self, path: String, message: String) {
        self.findings.push(Finding {
            file: self.file,
            path,
            message,
        });
    }

    /// One string: the translation replaces the Chinese where both are there. A translation
    /// of a field the Chinese record lacks is a mistake; Chinese without one is untranslated.
    pub(crate) fn field(&mut self, name: &str, zh: Option<&mut String>, en: Option<&String>) {
        match (zh, en) {
            (None, None) => {}
            (None, Some(_)) => self.lacks(name),
            (Some(zh), Some(en)) => {
                self.translated += 1;
                zh.clone_from(en);
            }
            (Some(_), None) => self.untranslated.push(self.relative(name)),
        }
    }

    /// A field every Chinese record has.
    pub(crate) fn text(&mut self, name: &str, zh: &mut String, en: &Option<String>) {
        self.field(name, Some(zh), en.as_ref());
    }

    /// A field the Chinese record may lack.
    pub(crate) fn optional(&mut self, name: &str, zh: &mut Option<String>, en: &Option<String>) {
        self.field(name, zh.as_mut(), en.as_ref());
    }

    /// A field the layer may not give because the Chinese file holds it in this language
    /// already (`field`, as English names and capitals are `name_en` and `capital_en`).
    pub(crate) fn given_elsewhere(&mut self, name: &str, given: bool, field: &str) {
        if given {
            let message = format!(
                "the {} {name} is {}'s {field}: leave it out here",
                self.lang.name_en(),
                self.file.name
            );
            self.report(self.absolute(name), message);
        }
    }

    /// A form of a name that only an inflected language needs (Russian `genitive`): English
    /// writes “President of Russia” from the name itself.
    pub(crate) fn not_declined(&mut self, name: &str, given: bool) {
        if given {
            let message = format!(
                "{} does not decline names, so a {name} is not used: leave it out here",
                self.lang.name_en()
            );
            self.report(self.absolute(name), message);
        }
    }

    fn lacks(&mut self, name: &str) {
        let message = format!(
            "{} has no {} in this record: there is nothing to translate",
            self.file.name,
            self.relative(name)
        );
        self.report(self.absolute(name), message);
    }

    /// Whether a translated list may be walked beside a Chinese one: it must have one entry
    /// per Chinese entry. An absent translated list is walked too (as untranslated).
    pub(crate) fn same_length(&mut self, name: &str, zh: usize, en: Option<usize>) -> bool {
        match en {
            Some(en) if en > 0 && zh == 0 => {
                self.lacks(name);
                false
            }
            Some(en) if en != zh => {
                let message = format!(
                    "{en} entr{} where {} has {zh}: give one {} entry per Chinese entry, in \
                     the same order",
                    if en == 1 { "y" } else { "ies" },
                    self.file.name,
                    self.lang.name_en()
                );
                self.report(self.absolute(name), message);
                false
            }
            _ => true,
        }
    }

    /// A list of strings, entry by entry.
    pub(crate) fn list(&mut self, name: &str, zh: &mut [String], en: &Option<Vec<String>>) {
        if !self.same_length(name, zh.len(), en.as_ref().map(Vec::len)) {
            return;
        }
        for (i, zh) in zh.iter_mut().enumerate() {
            let en = en.as_ref().and_then(|en| en.get(i));
            self.field(&format!("{name}[{i}]"), Some(zh), en);
        }
    }

    /// A list of tables inside the current record (a meeting's quotes), each walked with its
    /// translation, or with none (an empty default) where there is none.
    pub(crate) fn tables<Z, E: Default>(
        &mut self,
        name: &str,
        zh: &mut [Z],
        en: &Option<Vec<E>>,
        mut each: impl FnMut(&mut Self, &mut Z, &E),
    ) {
        let matched = self.same_length(name, zh.len(), en.as_ref().map(Vec::len));
        let none = E::default();
        for (i, zh) in zh.iter_mut().enumerate() {
            let en = en.as_ref().filter(|_| matched).and_then(|en| en.get(i));
            self.inner.push(format!("{name}[{i}]"));
            each(self, zh, en.unwrap_or(&none));
            self.inner.pop();
        }
    }

    /// A table inside the current record (a meeting's counterpart).
    pub(crate) fn nested<Z, E: Default>(
        &mut self,
        name: &str,
        zh: &mut Z,
        en: Option<&E>,
        each: impl FnOnce(&mut Self, &mut Z, &E),
    ) {
        let none = E::default();
        self.inner.push(name.to_string());
        each(self, zh, en.unwrap_or(&none));
        self.inner.pop();
    }

    /// A list whose entries are records of their own (the summit's figures): the lengths are
    /// checked at `table.name`, then each entry is counted as `table.name[i]`.
    pub(crate) fn record_list<Z, E: Default>(
        &mut self,
        table: &str,
        name: &str,
        zh: &mut [Z],
        en: Option<&Vec<E>>,
        mut each: impl FnMut(&mut Self, &mut Z, &E),
    ) {
        self.at(table.to_string());
        let matched = self.same_length(name, zh.len(), en.map(Vec::len));
        let none = E::default();
        for (i, zh) in zh.iter_mut().enumerate() {
            let en = en.filter(|_| matched).and_then(|en| en.get(i));
            self.record(format!("{table}.{name}[{i}]"), |p| {
                each(p, zh, en.unwrap_or(&none))
            });
        }
    }

    /// A translation of a table the Chinese lacks altogether (a summit without `ggi`).
    pub(crate) fn absent_table<E>(&mut self, name: &str, en: Option<&E>) {
        if en.is_some() {
            self.lacks(name);
        }
    }

    /// Keys of the layer that name no Chinese record, reported as `no {what} "{key}" in {place}`:
    /// `table` is the path of the keyed table (`outcome`, `section.x.items`), and `place` is
    /// the file's name when empty.
    pub(crate) fn unknown_keys<'k>(
        &mut self,
        table: &str,
        what: &str,
        place: &str,
        keys: impl IntoIterator<Item = &'k String>,
        known: &HashSet<String>,
    ) {
        let place = if place.is_empty() {
            self.file.name.to_string()
        } else {
            place.to_string()
        };
        for key in keys {
            if !known.contains(key) {
                let message = format!("no {what} \"{key}\" in {place}");
                self.report(format!("{table}.{key}"), message);
            }
        }
    }
}
