use std::io::Write;

use super::table::table;
use super::{ExportError, Part};
use crate::data::DataSet;
use crate::text::sanitize;

pub fn write(data: &DataSet, part: Option<Part>, out: &mut dyn Write) -> Result<(), ExportError> {
    if part.is_none() {
        let title = data
            .summit
            .as_ref()
            .map_or("sco-dash data", |s| s.name.as_str());
        writeln!(out, "# {}\n", cell(title))?;
    }
    for part in part.map_or(Part::ALL.to_vec(), |p| vec![p]) {
        let table = table(data, part);
        writeln!(out, "## {} ({})\n", part.key(), table.rows.len())?;
        writeln!(out, "| {} |", table.header.join(" | "))?;
        writeln!(out, "|{}", " --- |".repeat(table.header.len()))?;
        for row in &table.rows {
            let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A table cell that cannot break the table (pipes escaped, line breaks folded) nor the
/// terminal (sanitised).
fn cell(text: &str) -> String {
    sanitize(&text.replace(['\n', '\r'], " "))
        .replace('\\', "\\\\")
        .replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_escape_pipes_and_fold_lines() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }
}
