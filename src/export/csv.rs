use std::io::Write;

use super::table::table;
use super::{ExportError, Part};
use crate::data::DataSet;
use crate::text::sanitize;

/// CSV and Markdown are text for people and spreadsheets, so cells are sanitised like the
/// dashboard's text; JSON keeps every character exactly (escaped).
pub fn write(data: &DataSet, part: Part, out: &mut dyn Write) -> Result<(), ExportError> {
    let table = table(data, part);
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(&table.header)?;
    for row in &table.rows {
        writer.write_record(row.iter().map(|cell| sanitize(cell).into_owned()))?;
    }
    writer.flush()?;
    Ok(())
}
