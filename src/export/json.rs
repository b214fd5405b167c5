use std::io::Write;

use serde_json::{Map, Value};

use super::{ExportError, Part};
use crate::data::DataSet;
use crate::data::results_view::results_view;

pub fn write(data: &DataSet, part: Option<Part>, out: &mut dyn Write) -> Result<(), ExportError> {
    let parts = part.map_or(Part::ALL.to_vec(), |p| vec![p]);
    let mut object = Map::new();
    for part in parts {
        object.insert(part.key().to_string(), value_of(data, part)?);
    }
    serde_json::to_writer_pretty(&mut *out, &Value::Object(object))?;
    writeln!(out)?;
    Ok(())
}

fn value_of(data: &DataSet, part: Part) -> Result<Value, serde_json::Error> {
    match part {
        Part::Summit => serde_json::to_value(&data.summit),
        Part::Outcomes => serde_json::to_value(&data.outcomes),
        Part::Initiatives => serde_json::to_value(&data.initiatives),
        Part::Meetings => serde_json::to_value(&data.meetings),
        Part::Timeline => serde_json::to_value(&data.timeline),
        Part::Results => serde_json::to_value(results_view(data)),
        Part::Countries => serde_json::to_value(&data.countries),
        Part::Sources => serde_json::to_value(&data.sources),
    }
}
