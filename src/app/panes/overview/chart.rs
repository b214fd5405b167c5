//! The results list by section as one chart: how many items each section declares — the
//! bar and the figure it leads with — and, labelled beside it, how many of them the sources
//! list. A section the sources do not cover keeps its full bar: "24项 · 来源中0项", never a
//! bare "0/24" that a room reads as "no documents". Every label is given the width it needs;
//! where the labels leave too little room for the bars, each bar goes under its label.

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Role, Target};
use crate::data::model::Summit;
use crate::text::glyphs::Glyph;
use crate::text::width;
use crate::text::width::pad_to;

/// The shortest bar worth drawing beside its label, and the longest drawn at all.
const BAR_MIN: usize = 8;
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
        .map(|s| {
            let said = (w.declared_named)(s.declared_count, s.present, Glyph::Separator.as_str());
            format!(" {said}")
        })
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
        let bars = vec![
            (Glyph::BarFull.as_str().repeat(declared), Role::Bar),
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
    doc.wrapped(
        (&" ".repeat(lead), Role::Muted),
        lead,
        &(w.declared_legend)(Glyph::Separator.as_str()),
        Role::Muted,
    );
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_leads_with_its_declared_total_and_labels_what_the_sources_list() {
        for lang in [crate::data::Lang::Zh, crate::data::Lang::En] {
            let catalog = std::sync::Arc::new(Catalog::embedded().unwrap());
            let catalog = catalog.in_lang(lang);
            let summit = catalog.data.summit.as_ref().unwrap();
            let doc = results(catalog, summit, 97);
            let lines: Vec<String> = doc
                .lines
                .iter()
                .map(|l| l.segments.iter().map(|s| s.text.as_str()).collect())
                .collect();
            let documents = catalog
                .results
                .sections
                .iter()
                .find(|s| s.present == 0)
                .expect("a section the sources do not cover");
            let row = lines
                .iter()
                .find(|l| l.contains(&documents.title))
                .expect("its row");
            let said = (catalog.words().declared_named)(
                documents.declared_count,
                0,
                Glyph::Separator.as_str(),
            );
            assert!(row.ends_with(&said), "{row}");
            // Its bar is drawn full, as long as its declared total; no bare "0/24" anywhere.
            assert!(row.contains(Glyph::BarFull.as_str()), "{row}");
            let bare = format!("0/{}", documents.declared_count);
            assert!(lines.iter().all(|l| !l.contains(&bare)), "{lines:?}");
        }
    }

    #[test]
    fn no_label_is_cut_and_every_bar_is_one_link_with_its_label() {
        for lang in crate::data::Lang::ALL {
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
