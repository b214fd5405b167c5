//! Counts per kind, as `validate` reports them.

use crate::data::model::InitiativeGroup;
use crate::data::results_view::results_view;
use crate::data::{DataSet, FileCoverage, Lang};

pub fn summary_lines(data: &DataSet) -> Vec<String> {
    let results = results_view(data);
    let derived_events = data
        .timeline
        .iter()
        .filter(|e| e.certainty.is_derived())
        .count();
    let derived_meetings = data
        .meetings
        .iter()
        .filter(|m| m.certainty.is_derived())
        .count();
    let derived_voices = data
        .voices
        .iter()
        .filter(|v| v.certainty.is_derived())
        .count();
    let summit = match &data.summit {
        Some(s) => format!(
            "1 ({} meetings, {} documents, {} figures, {} leaders)",
            s.meetings.len(),
            s.documents.len(),
            s.figures.len(),
            s.leaders.len()
        ),
        None => "0".to_string(),
    };
    let rows = [
        ("summit", summit),
        ("outcomes", data.outcomes.len().to_string()),
        (
            "initiatives",
            format!(
                "{} ({} summit, {} other)",
                data.initiatives.len(),
                data.initiatives_in(InitiativeGroup::Summit).count(),
                data.initiatives_in(InitiativeGroup::Other).count()
            ),
        ),
        (
            "meetings",
            format!(
                "{} ({} dated by derivation)",
                data.meetings.len(),
                derived_meetings
            ),
        ),
        (
            "timeline",
            format!(
                "{} events ({} dated by derivation)",
                data.timeline.len(),
                derived_events
            ),
        ),
        (
            "results",
            format!(
                "{} sections, {} items declared, {} present in the sources",
                results.sections.len(),
                results.total_declared,
                results.total_present
            ),
        ),
        (
            "voices",
            format!(
                "{} ({} dated by derivation)",
                data.voices.len(),
                derived_voices
            ),
        ),
        ("countries", data.countries.len().to_string()),
        ("sources", data.sources.len().to_string()),
    ];
    rows.iter()
        .map(|(kind, count)| format!("  {kind:<12}{count}"))
        .collect()
}

/// A layer's coverage as `validate` reports it: a heading (`Russian layer (ru/):`), a line per
/// file, then the records not (wholly) translated. A report, not a problem: the Chinese shows
/// where a translation is missing.
pub fn coverage_lines(lang: Lang, coverage: &[FileCoverage]) -> Vec<String> {
    let folder = lang.layer().unwrap_or(".");
    let mut lines = vec![format!("{} layer ({folder}/):", lang.name_en())];
    for file in coverage {
        lines.push(format!("  {file}"));
        if file.present && !file.missing.is_empty() {
            lines.push(format!("    missing: {}", file.missing.join(", ")));
        }
    }
    lines
}
