use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Line, Role, Target};
use crate::app::panes::common::{Row, outcome_title, sources, table_line};
use crate::data::model::{Initiative, InitiativeGroup};
use crate::text::glyphs::Glyph;

pub fn count(catalog: &Catalog) -> usize {
    catalog.data.initiatives.len()
}

fn group_role(group: InitiativeGroup) -> Role {
    match group {
        InitiativeGroup::Summit => Role::Summit,
        InitiativeGroup::Other => Role::Other,
    }
}

/// The commitment a table row shows: the first, as printed, e.g. "20亿元人民币".
pub fn headline_commitment(initiative: &Initiative) -> String {
    initiative
        .commitments
        .first()
        .map_or(String::new(), |c| c.as_printed.clone())
}

fn columns(width: usize) -> (usize, usize, usize) {
    // (number, group, category); the commitment column appears when there is room.
    if width >= 50 { (4, 6, 10) } else { (4, 6, 0) }
}

pub fn header(width: usize, mark: &dyn Fn(&str) -> String) -> Line {
    let (n, group, category) = columns(width);
    let mut cells = vec![
        (mark(Glyph::Numero.as_str()), Role::Label, n),
        ("组别".to_string(), Role::Label, group),
    ];
    if category > 0 {
        cells.push((mark("类别"), Role::Label, category));
    }
    let commitment = commitment_width(width);
    cells.push((
        "倡议".to_string(),
        Role::Label,
        width.saturating_sub(n + group + category + commitment),
    ));
    if commitment > 0 {
        cells.push((mark("承诺"), Role::Label, commitment));
    }
    table_line(&cells, width)
}

fn commitment_width(width: usize) -> usize {
    if width >= 72 { 14 } else { 0 }
}

pub fn rows(catalog: &Catalog, width: usize, items: &[usize]) -> Vec<Row> {
    let (n, group, category) = columns(width);
    let commitment = commitment_width(width);
    items
        .iter()
        .filter_map(|&i| catalog.data.initiatives.get(i).map(|x| (i, x)))
        .map(|(i, initiative)| {
            let role = group_role(initiative.group);
            let mut cells = vec![
                (initiative.n.to_string(), role, n),
                (short_group(initiative.group).to_string(), role, group),
            ];
            if category > 0 {
                cells.push((
                    initiative.category.label_zh().to_string(),
                    Role::Muted,
                    category,
                ));
            }
            cells.push((
                initiative.text.clone(),
                Role::Text,
                width.saturating_sub(n + group + category + commitment),
            ));
            if commitment > 0 {
                cells.push((headline_commitment(initiative), Role::Accent, commitment));
            }
            Row {
                line: table_line(&cells, width),
                item: Some(i),
            }
        })
        .collect()
}

/// The group as the table shows it.
fn short_group(group: InitiativeGroup) -> &'static str {
    match group {
        InitiativeGroup::Summit => "峰会",
        InitiativeGroup::Other => "其他",
    }
}

pub fn detail(catalog: &Catalog, item: usize, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let Some(initiative) = catalog.data.initiatives.get(item) else {
        return doc;
    };
    doc.segments(vec![
        (format!("第{}项 ", initiative.n), Role::Accent),
        (
            initiative.group.label_zh().to_string(),
            group_role(initiative.group),
        ),
        (
            format!(" {} {}", Glyph::Separator, initiative.category.label_zh()),
            Role::Muted,
        ),
    ]);
    doc.wrapped(("", Role::Title), 0, &initiative.text, Role::Title);
    if !initiative.commitments.is_empty() {
        doc.heading("承诺 Commitments");
        for commitment in &initiative.commitments {
            let period = commitment
                .period
                .as_ref()
                .map_or(String::new(), |p| format!("（{}）", p.text));
            doc.bullet(&format!(
                "{} {}{period}",
                commitment.as_printed, commitment.what
            ));
        }
    }
    if let Some(outcomes) = catalog.outcomes_of_initiative.get(&initiative.n) {
        doc.heading("所属成果 Outcomes");
        for n in outcomes {
            doc.link(&outcome_title(catalog, *n), Target::Outcome(*n));
        }
    }
    sources(&mut doc, catalog, &initiative.sources);
    doc
}

pub fn locate(catalog: &Catalog, n: u32) -> Option<usize> {
    catalog.data.initiatives.iter().position(|i| i.n == n)
}
