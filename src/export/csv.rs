use std::io::Write;

use super::rows::{Row, Sink, write_part};
use super::{ExportError, Part};
use crate::data::{DataSet, Lang};

pub(crate) fn write(
    data: &DataSet,
    lang: Lang,
    part: Part,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let mut writer = ::csv::Writer::from_writer(out);
    write_part(data, lang, part, &mut writer)?;
    writer.flush()?;
    Ok(())
}

impl<W: Write> Sink for ::csv::Writer<W> {
    fn table<R: Row>(&mut self, _: Part, rows: &[R]) -> Result<(), ExportError> {
        // The writer takes the header from the first row; a table without rows still has one.
        if rows.is_empty() {
            self.write_record(R::HEADER)?;
        }
        for row in rows {
            self.serialize(row)?;
        }
        Ok(())
    }
}
