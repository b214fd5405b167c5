//! The file set of a data folder, and the copy embedded in the binary.

use crate::data::Lang;

/// One TOML file of the data set and the top-level key its records live under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataFile {
    pub name: &'static str,
    pub(crate) key: &'static str,
    pub embedded: &'static str,
}

macro_rules! data_file {
    ($name:literal, $key:literal) => {
        DataFile {
            name: $name,
            key: $key,
            embedded: include_str!(concat!("../../assets/data/", $name)),
        }
    };
}

pub(crate) const SUMMIT: DataFile = data_file!("summit.toml", "summit");
pub(crate) const OUTCOMES: DataFile = data_file!("outcomes.toml", "outcome");
pub(crate) const INITIATIVES: DataFile = data_file!("initiatives.toml", "initiative");
pub(crate) const MEETINGS: DataFile = data_file!("meetings.toml", "meeting");
pub(crate) const TIMELINE: DataFile = data_file!("timeline.toml", "event");
pub(crate) const RESULTS: DataFile = data_file!("results.toml", "section");
pub(crate) const VOICES: DataFile = data_file!("voices.toml", "voice");
pub(crate) const COUNTRIES: DataFile = data_file!("countries.toml", "country");
pub(crate) const SOURCES: DataFile = data_file!("sources.toml", "source");

/// Not one of the set: the check of the English values' terms (see `data/glossary.rs`).
pub(crate) const GLOSSARY: DataFile = data_file!("glossary.toml", "term");

pub const ALL: [DataFile; 9] = [
    SUMMIT,
    OUTCOMES,
    INITIATIVES,
    MEETINGS,
    TIMELINE,
    RESULTS,
    VOICES,
    COUNTRIES,
    SOURCES,
];

/// The language layers' files built into the binary, by folder (`en`) and name
/// (`summit.toml`): those that exist under `assets/data/<folder>/` when building (see build.rs).
const LAYERS_EMBEDDED: &[(&str, &str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/layer_files.rs"));

/// The embedded file of `lang`'s layer that translates `file`, if there is one.
pub(crate) fn layer_embedded(lang: Lang, file: DataFile) -> Option<&'static str> {
    let folder = lang.layer()?;
    LAYERS_EMBEDDED
        .iter()
        .find(|(layer, name, _)| *layer == folder && *name == file.name)
        .map(|(_, _, text)| *text)
}

/// The embedded layer files that translate no file of the set (a misnamed file), as
/// `en/name.toml`.
#[cfg(test)]
pub(crate) fn layer_strays() -> impl Iterator<Item = String> {
    LAYERS_EMBEDDED
        .iter()
        .filter(|(_, name, _)| ALL.iter().all(|file| file.name != *name))
        .map(|(layer, name, _)| format!("{layer}/{name}"))
}

/// The embedded files pre-parsed by build.rs, by name: `(name, top-level key, its value as
/// JSON)`. A file that does not parse as TOML has the JSON `null`.
const PREPARSED: &[(&str, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/preparsed_files.rs"));

/// The JSON form of an embedded file's records (the value under its key), if build.rs made
/// one.
pub(crate) fn preparsed(file: DataFile) -> Option<&'static str> {
    PREPARSED
        .iter()
        .find(|(name, key, _)| *name == file.name && *key == file.key)
        .map(|(_, _, json)| *json)
}
