//! The results list by section as one chart: how many items each section declares, and how
//! many of them the sources hold. Every label is given the width it needs; where the labels
//! leave too little room for the bars, each bar goes under its label instead.

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Role, Target};
use crate::data::model::Summit;
use crate::text::glyphs::Glyph;
use crate::text::width;
use crate::text::width::pad_to;

/// The shortest bar worth drawing beside its label, and the longest drawn at all.
const BAR_MIN: usize = 12;
const BAR_MAX: usize = 40;

pub fn results(catalog: &Catalog, _summit: &Summit, page: usize) -> Doc {
    let mut doc = Doc::new(page);
    let results = &catalog.results;
    let w = catalog.words();
    doc.anchor(super::search::CHART);
    doc.heading(&(w.h_results)(
        results.total_declared,
        results.total_present,
    ));
    let arrow = format!("{} ", Glyph::Link);
    let lead = width(&arrow);
    let label = results
        .sections
        .iter()
        .map(|s| width(&s.title))
        .max()
        .unwrap_or(0)
        + 1;
    let counts: Vec<String> = results
        .sections
        .iter()
        .map(|s| format!(" {}/{}", s.present, s.declared_count))
        .collect();
    let counts_width = counts.iter().map(|c| width(c)).max().unwrap_or(0);
    let beside = lead + label + BAR_MIN + counts_width <= page;
    let room = if beside {
        page - lead - label - counts_width
    } else {
        page.saturating_sub(lead + counts_width)
    };
    let bar = room.min(BAR_MAX);
    let largest = results
        .sections
        .iter()
        .map(|s| s.declared_count as usize)
        .max()
        .unwrap_or(1)
        .max(1);
    for (section, counts) in results.sections.iter().zip(counts) {
        let declared = (section.declared_count as usize * bar).div_ceil(largest);
        let present = (section.present * bar).div_ceil(largest).min(declared);
        let bars = vec![
            (Glyph::BarFull.as_str().repeat(present), Role::Bar),
            (
                Glyph::BarEmpty.as_str().repeat(declared - present),
                Role::BarEmpty,
            ),
            (counts, Role::Accent),
        ];
        let target = Target::Section(section.id.clone());
        if beside {
            let index = doc.links.len();
            doc.links.push(target);
            let mut segments = vec![
                (arrow.clone(), Role::Muted),
                (pad_to(&section.title, label), Role::Link),
            ];
            segments.extend(bars);
            doc.segments(segments);
            if let Some(line) = doc.lines.last_mut() {
                line.link = Some(index);
            }
        } else {
            doc.link(&section.title, target);
            let index = doc.links.len() - 1;
            let mut segments = vec![(" ".repeat(lead), Role::Text)];
            segments.extend(bars);
            doc.segments(segments);
            if let Some(line) = doc.lines.last_mut() {
                line.link = Some(index);
            }
        }
    }
    doc.segments(vec![(
        format!(
            "{}{} {}  {} {}",
            " ".repeat(lead),
            Glyph::BarFull,
            w.in_sources,
            Glyph::BarEmpty,
            w.not_in_sources
        ),
        Role::Muted,
    )]);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_label_is_cut_and_every_bar_is_one_link_with_its_label() {
        for lang in [crate::data::Lang::Zh, crate::data::Lang::En] {
            let catalog = std::sync::Arc::new(Catalog::embedded().unwrap());
            let catalog = catalog.in_lang(lang);
            let summit = catalog.data.summit.as_ref().unwrap();
            for page in [58, 64, 78, 97] {
                let doc = results(catalog, summit, page);
                let text: String = doc
                    .lines
                    .iter()
                    .flat_map(|l| l.segments.iter().map(|s| s.text.as_str()))
                    .collect();
                assert!(!text.contains(Glyph::Ellipsis.as_str()), "{page}: {text}");
                assert!(doc.lines.iter().all(|l| l.width() <= page), "{page}");
                assert_eq!(doc.links.len(), catalog.results.sections.len());
                for section in &catalog.results.sections {
                    let first = section.title.split(' ').next().unwrap_or_default();
                    assert!(text.contains(first), "{page}: {first}");
                }
            }
        }
    }
}
