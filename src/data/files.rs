//! The file set of a data folder, and the copy embedded in the binary.

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
pub(crate) const COUNTRIES: DataFile = data_file!("countries.toml", "country");
pub(crate) const SOURCES: DataFile = data_file!("sources.toml", "source");

pub const ALL: [DataFile; 8] = [
    SUMMIT,
    OUTCOMES,
    INITIATIVES,
    MEETINGS,
    TIMELINE,
    RESULTS,
    COUNTRIES,
    SOURCES,
];
