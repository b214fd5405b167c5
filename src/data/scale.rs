//! A data set many times the size of ours, for measuring: every timeline event and every
//! meeting repeated with new ids, the other files as they are. Copies keep their links to
//! the original records (a copied event links to the same copy of its meetings), so every
//! cross-link stays intact and the result validates; text lengths stay those of the real
//! records.

use std::borrow::Cow;

use crate::data::files::{self, DataFile};
use crate::data::load::FileText;

/// The files repeated; the rest are numbered or counted (the 36 initiatives, the 313
/// results) and stay as they are.
const REPEATED: [DataFile; 2] = [files::TIMELINE, files::MEETINGS];

/// The embedded data set with its events and meetings `times` over, as the texts of a data
/// folder (`times` 1 gives the embedded files back).
pub fn scaled_texts(times: usize) -> Result<Vec<FileText>, toml::de::Error> {
    files::ALL
        .iter()
        .map(|&file| {
            let text = if times > 1 && REPEATED.contains(&file) {
                Cow::Owned(repeat(file, times)?)
            } else {
                Cow::Borrowed(file.embedded)
            };
            Ok(FileText {
                file,
                display: file.name.to_string(),
                text,
            })
        })
        .collect()
}

fn repeat(file: DataFile, times: usize) -> Result<String, toml::de::Error> {
    let mut table: toml::Table = toml::from_str(file.embedded)?;
    if let Some(toml::Value::Array(records)) = table.get_mut(file.key) {
        let originals = records.clone();
        for copy in 1..times {
            for record in &originals {
                let mut record = record.clone();
                if let Some(toml::Value::String(id)) =
                    record.as_table_mut().and_then(|r| r.get_mut("id"))
                {
                    id.push_str(&format!("-x{copy}"));
                }
                // A copied event belongs to the copies of its meetings, so that each meeting
                // keeps as many events as the real one (not a hundred times as many).
                if file == files::TIMELINE
                    && let Some(toml::Value::Array(meetings)) =
                        record.as_table_mut().and_then(|r| r.get_mut("meetings"))
                {
                    for meeting in meetings.iter_mut() {
                        if let toml::Value::String(id) = meeting {
                            id.push_str(&format!("-x{copy}"));
                        }
                    }
                }
                records.push(record);
            }
        }
    }
    // A table of arrays of tables always serialises.
    Ok(toml::to_string(&table).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hundredfold_data_set_validates_with_a_hundred_times_the_events_and_meetings() {
        let one = crate::data::embedded().expect("embedded");
        let texts = scaled_texts(100).expect("scales");
        let loaded = crate::data::load_texts(&texts).expect("validates");
        assert_eq!(loaded.data.timeline.len(), one.timeline.len() * 100);
        assert_eq!(loaded.data.meetings.len(), one.meetings.len() * 100);
        assert_eq!(loaded.data.initiatives.len(), one.initiatives.len());
    }
}
