//! The charts (`b`): horizontal bars, laid out here as plain numbers so that drawing
//! (`ui/chart.rs`) and clicks (`state/mouse.rs`) agree on which row shows which bar.
//!
//! On the initiatives: every quantitative commitment, grouped by what it counts (the noun —
//! projects, training places — not the measure word: 100个 projects and 1万个 places are never
//! on one scale), each bar scaled within its group. A commitment alone in what it counts
//! compares with nothing: it shows its value, no bar. On the meetings: meetings per day
//! around the summit, with the records the sources date only to a span or a month in a bar of
//! their own (a day no record is dated to says so; it is never a 0), and the fields of the
//! documents signed per counterpart. A bar stands for a record: selecting the record marks
//! its bar, clicking a bar selects the record.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration};

use crate::app::catalog::Catalog;
use crate::app::panes::meetings::{country_name, known_days};
use crate::app::tab::Tab;
use crate::data::model::Summit;
use crate::text::{truncate, width};

/// The longest bar: wider ones are no easier to compare and push the values far away.
const BAR_MAX: usize = 40;
/// The shortest bar drawn beside its label; below it labels go above the bars.
const BAR_MIN: usize = 12;
/// A bar under its label is indented by this much, so the label stands out.
const INDENT: usize = 2;

/// One bar: what it measures, its size and the value as printed beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The records the bar stands for: selecting one marks the bar, a click selects the
    /// first the list shows.
    pub items: Vec<usize>,
    pub label: String,
    /// What the bar measures; `None` when there is nothing to measure (no record is dated to
    /// the day): the text alone, no bar, so that unknown is never drawn as 0.
    pub value: Option<f64>,
    /// The value as printed, with the period when there is one.
    pub text: String,
}

/// Bars measured on one scale, under a heading (the unit, or what the bars count). A group
/// with fewer than two values compares nothing: its values are printed without bars.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub heading: String,
    pub bars: Vec<Bar>,
}

impl Group {
    /// Whether its bars are drawn: two values or more to compare.
    pub fn compares(&self) -> bool {
        self.bars.iter().filter(|b| b.value.is_some()).count() >= 2
    }
}

/// One row of a laid-out chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartRow {
    Heading(String),
    /// A bar's label on its own row, above the bar, when labels and bars do not fit side by
    /// side (English units and values are long).
    Label {
        items: Vec<usize>,
        text: String,
    },
    Bar {
        items: Vec<usize>,
        /// The label, cut and padded to the label column.
        label: String,
        /// Cells of the bar filled; the rest of `bar_width` is the empty track.
        filled: usize,
        text: String,
    },
    /// A value with nothing to compare it with, or a day nothing is dated to: the label and
    /// the text where the bar would start, no track.
    Value {
        items: Vec<usize>,
        label: String,
        text: String,
    },
}

/// A chart laid out for a width: the column widths and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub label_width: usize,
    pub bar_width: usize,
    pub rows: Vec<ChartRow>,
}

impl Layout {
    /// The first row showing a bar (or its label) for a record, if any.
    pub fn row_of(&self, item: usize) -> Option<usize> {
        (0..self.rows.len()).find(|&row| self.items_at(row).contains(&item))
    }

    /// The records the bar (or label) on a row stands for (none for a heading).
    pub fn items_at(&self, row: usize) -> &[usize] {
        match self.rows.get(row) {
            Some(
                ChartRow::Bar { items, .. }
                | ChartRow::Label { items, .. }
                | ChartRow::Value { items, .. },
            ) => items,
            _ => &[],
        }
    }

    /// Rows the bar drawn at `row` takes: with its label above it, two.
    pub fn last_row_of(&self, row: usize) -> usize {
        match self.rows.get(row) {
            Some(ChartRow::Label { .. }) => row + 1,
            _ => row,
        }
    }
}

/// Cells filled for `value` on a scale whose largest value `max` fills `cells`: in
/// proportion, rounded, and at least one for any value above zero so no bar vanishes.
pub fn bar_cells(value: f64, max: f64, cells: usize) -> usize {
    if value <= 0.0 || max <= 0.0 || cells == 0 {
        return 0;
    }
    let filled = (value / max * cells as f64).round() as usize;
    filled.clamp(1, cells)
}

/// The groups laid out `width` columns wide: the values take what the longest needs, the
/// labels what the longest needs, the bar the rest up to `BAR_MAX`. Where a label, a bar of
/// `BAR_MIN` cells and a value do not fit on one row, each label goes on a row of its own
/// above its bar (indented by `INDENT`). Each group's bars are scaled to its own largest
/// value; a group that compares nothing prints its values alone.
pub fn lay_out(groups: &[Group], width_: usize) -> Layout {
    let bars = || groups.iter().flat_map(|g| &g.bars);
    let longest_label = bars().map(|b| width(&b.label)).max().unwrap_or(0);
    let longest_text = bars().map(|b| width(&b.text)).max().unwrap_or(0);
    let stacked = longest_label + 2 + BAR_MIN + longest_text > width_;
    let label_width = if stacked { INDENT - 1 } else { longest_label };
    // label, space, bar, space, value
    let bar_width = width_
        .saturating_sub(label_width + 2 + longest_text)
        .clamp(4, BAR_MAX)
        .min(width_.saturating_sub(label_width + 2));
    let mut rows = Vec::new();
    for group in groups.iter().filter(|g| !g.bars.is_empty()) {
        rows.push(ChartRow::Heading(group.heading.clone()));
        let compares = group.compares();
        let max = group
            .bars
            .iter()
            .filter_map(|b| b.value)
            .fold(0.0, f64::max);
        for bar in &group.bars {
            if stacked {
                rows.push(ChartRow::Label {
                    items: bar.items.clone(),
                    text: truncate(&bar.label, width_).into_owned(),
                });
            }
            let label = if stacked {
                "".into()
            } else {
                truncate(&bar.label, label_width)
            };
            let pad = label_width.saturating_sub(width(&label));
            let label = format!("{label}{}", " ".repeat(pad));
            let items = bar.items.clone();
            let text = bar.text.clone();
            rows.push(match bar.value {
                Some(value) if compares => ChartRow::Bar {
                    items,
                    label,
                    filled: bar_cells(value, max, bar_width),
                    text,
                },
                _ => ChartRow::Value { items, label, text },
            });
        }
    }
    Layout {
        label_width,
        bar_width,
        rows,
    }
}

/// The charts of a pane (none on panes without charts).
pub fn for_tab(catalog: &Catalog, tab: Tab) -> Vec<Group> {
    match tab {
        Tab::Initiatives => commitments(catalog),
        Tab::Meetings => meetings(catalog),
        _ => Vec::new(),
    }
}

/// The first row shown of a chart `height` rows high with a record's bar selected.
pub fn first_row(layout: &Layout, selected: Option<usize>, height: usize) -> usize {
    let at = selected.and_then(|i| layout.row_of(i)).unwrap_or(0);
    crate::app::layout::first_shown(layout.last_row_of(at), height)
}

/// What a commitment counts, the same in both languages: the English layer's unit is a noun
/// ("projects", "places"), where the Chinese unit is often only a measure word (个 counts
/// projects and training places alike). Without an English layer, the unit itself.
pub fn counted(catalog: &Catalog, item: usize, commitment: usize) -> String {
    let unit = |data: &crate::data::DataSet| {
        data.initiatives
            .get(item)
            .and_then(|i| i.commitments.get(commitment))
            .map(|c| c.unit.clone())
    };
    catalog
        .english()
        .and_then(unit)
        .or_else(|| unit(&catalog.data))
        .unwrap_or_default()
}

/// The initiatives' commitments by what they count, each bar its initiative's; those alone in
/// what they count gathered last, values only.
pub fn commitments(catalog: &Catalog) -> Vec<Group> {
    let w = catalog.words();
    // (what is counted, heading, bars), in the order first met.
    let mut groups: Vec<(String, Group)> = Vec::new();
    for (item, initiative) in catalog.data.initiatives.iter().enumerate() {
        for (index, c) in initiative.commitments.iter().enumerate() {
            let text = match &c.period {
                Some(p) => format!("{} · {}", c.as_printed, p.text),
                None => c.as_printed.clone(),
            };
            let bar = Bar {
                items: vec![item],
                label: format!("{} {}", initiative.n, c.what),
                value: Some(c.value.0),
                text,
            };
            let key = counted(catalog, item, index);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, group)) => group.bars.push(bar),
                None => groups.push((
                    key,
                    Group {
                        heading: (w.chart_unit)(&heading_unit(catalog.lang, &c.unit)),
                        bars: vec![bar],
                    },
                )),
            }
        }
    }
    let (compared, alone): (Vec<Group>, Vec<Group>) = groups
        .into_iter()
        .map(|(_, group)| group)
        .partition(Group::compares);
    let mut groups = compared;
    // Together they compare nothing: values only.
    let alone: Vec<Bar> = alone
        .into_iter()
        .flat_map(|g| g.bars)
        .map(|bar| Bar { value: None, ..bar })
        .collect();
    if !alone.is_empty() {
        groups.push(Group {
            heading: w.chart_alone.to_string(),
            bars: alone,
        });
    }
    groups
}

/// A unit as a heading names it: the Chinese unit as it is ("亿元人民币"); the English one
/// without its magnitude ("RMB 100 million" → "RMB", "10,000 kilowatts" → "kilowatts"),
/// since the values print in full ("RMB 2 billion").
fn heading_unit(lang: crate::data::Lang, unit: &str) -> String {
    if lang == crate::data::Lang::Zh {
        return unit.to_string();
    }
    const MAGNITUDES: [&str; 5] = ["hundred", "thousand", "million", "billion", "trillion"];
    let words: Vec<&str> = unit
        .split_whitespace()
        .map(|word| word.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.'))
        .filter(|word| !word.is_empty() && !MAGNITUDES.contains(word))
        .collect();
    if words.is_empty() {
        unit.to_string()
    } else {
        words.join(" ")
    }
}

/// Meetings per day from the day before the summit to the day after (each bar selects the
/// day's first meeting); then, in a bar of its own, the meetings the sources date only to a
/// span or a month inside those days ("day not given"). A day no record is dated to says so
/// instead of drawing 0: the undated meetings may have been on it. Then the fields of the
/// documents signed per counterpart (each bar selects the first meeting with that
/// counterpart): the sources name fields ("海关、计量等领域多份文件"), not how many documents.
pub fn meetings(catalog: &Catalog) -> Vec<Group> {
    let mut groups = Vec::new();
    if let Some(summit) = &catalog.data.summit {
        groups.push(meetings_per_day(catalog, summit));
    }
    groups.push(documents_per_counterpart(catalog));
    groups
}

/// Meetings per day around the summit, then those dated only to a span inside those days.
fn meetings_per_day(catalog: &Catalog, summit: &Summit) -> Group {
    let w = catalog.words();
    let meetings = &catalog.data.meetings;
    let (first, last) = (
        summit.start.0 - Duration::days(1),
        summit.end.0 + Duration::days(1),
    );
    let mut bars = Vec::new();
    let mut day = first;
    while day <= last {
        let on_day: Vec<usize> = (0..meetings.len())
            .filter(|&i| meetings[i].date.is_some_and(|d| d.0 == day))
            .collect();
        let (value, text) = if on_day.is_empty() {
            (None, w.chart_none_dated.to_string())
        } else {
            (Some(on_day.len() as f64), on_day.len().to_string())
        };
        bars.push(Bar {
            value,
            text,
            items: on_day,
            label: (w.short_day)(day.month(), day.day()),
        });
        day += Duration::days(1);
    }
    let undated: Vec<usize> = (0..meetings.len())
        .filter(|&i| meetings[i].date.is_none())
        .filter(|&i| {
            known_days(catalog, &meetings[i]).is_some_and(|(from, to)| from >= first && to <= last)
        })
        .collect();
    if !undated.is_empty() {
        bars.push(Bar {
            value: Some(undated.len() as f64),
            text: undated.len().to_string(),
            items: undated,
            label: w.chart_day_not_given.to_string(),
        });
    }
    Group {
        heading: w.chart_meetings_per_day.to_string(),
        bars,
    }
}

/// The fields of the documents signed, per counterpart.
fn documents_per_counterpart(catalog: &Catalog) -> Group {
    // Counterparts in the order first met; BTreeMap only to add up.
    let mut order: Vec<String> = Vec::new();
    let mut counts: BTreeMap<String, (Vec<usize>, usize)> = BTreeMap::new();
    for (item, m) in catalog.data.meetings.iter().enumerate() {
        if m.documents.is_empty() {
            continue;
        }
        let name = country_name(catalog, m);
        let entry = counts.entry(name.clone()).or_insert_with(|| {
            order.push(name);
            (Vec::new(), 0)
        });
        entry.0.push(item);
        entry.1 += m.documents.len();
    }
    let bars = order
        .into_iter()
        .map(|name| {
            let (items, count) = counts.remove(&name).unwrap_or_default();
            Bar {
                items,
                label: name,
                value: Some(count as f64),
                text: count.to_string(),
            }
        })
        .collect();
    Group {
        heading: catalog.words().chart_documents.to_string(),
        bars,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::data::Lang;

    /// The embedded catalog, with its English layer: the English units say what the Chinese
    /// measure words count.
    fn catalog(lang: Lang) -> Arc<Catalog> {
        let zh = Arc::new(Catalog::embedded().expect("embedded data"));
        Arc::clone(zh.in_lang(lang))
    }

    #[test]
    fn bars_scale_to_the_largest_and_never_vanish() {
        assert_eq!(bar_cells(100.0, 100.0, 20), 20);
        assert_eq!(bar_cells(50.0, 100.0, 20), 10);
        assert_eq!(bar_cells(0.1, 100.0, 20), 1, "small but visible");
        assert_eq!(bar_cells(0.0, 100.0, 20), 0);
        assert_eq!(bar_cells(5.0, 0.0, 20), 0);
        assert_eq!(bar_cells(500.0, 100.0, 20), 20, "never past the track");
    }

    #[test]
    fn columns_fit_the_width_and_each_group_has_its_own_scale() {
        let groups = vec![
            Group {
                heading: "亿元".into(),
                bars: vec![
                    bar(0, "贷款", 100.0, "100亿元"),
                    bar(1, "援助", 20.0, "20亿元"),
                ],
            },
            Group {
                heading: "名".into(),
                bars: vec![bar(2, "患者", 500.0, "500名")],
            },
        ];
        for total in [16, 20, 40, 80, 120] {
            let layout = lay_out(&groups, total);
            for row in &layout.rows {
                if let ChartRow::Bar { label, text, .. } = row {
                    assert_eq!(width(label), layout.label_width);
                    assert!(layout.label_width + 2 + layout.bar_width + width(text) <= total);
                }
            }
        }
        let layout = lay_out(&groups, 40);
        let filled: Vec<usize> = layout
            .rows
            .iter()
            .filter_map(|r| match r {
                ChartRow::Bar { filled, .. } => Some(*filled),
                ChartRow::Heading(_) | ChartRow::Label { .. } | ChartRow::Value { .. } => None,
            })
            .collect();
        let full = layout.bar_width;
        // The 500名 group has one value: nothing to compare, so no bar, only its value.
        assert_eq!(filled, [full, bar_cells(20.0, 100.0, full)]);
        assert!(matches!(&layout.rows[4], ChartRow::Value { text, .. } if text == "500名"));
        assert!(layout.items_at(0).is_empty(), "a heading");
        // Too narrow for label, bar and value side by side: each label above its bar.
        let narrow = lay_out(&groups, 16);
        assert!(matches!(&narrow.rows[1], ChartRow::Label { text, .. } if text == "贷款"));
        assert_eq!(narrow.items_at(1), [0]);
        assert_eq!(narrow.items_at(2), [0]);
        assert_eq!(narrow.row_of(1), Some(3));
        assert_eq!(narrow.last_row_of(3), 4);
        assert_eq!(layout.items_at(2), [1]);
        assert_eq!(layout.row_of(2), Some(4));
    }

    fn bar(item: usize, label: &str, value: f64, text: &str) -> Bar {
        Bar {
            items: vec![item],
            label: label.into(),
            value: Some(value),
            text: text.into(),
        }
    }

    #[test]
    fn english_units_head_their_groups_without_the_magnitude() {
        use crate::data::Lang;
        assert_eq!(heading_unit(Lang::En, "RMB 100 million"), "RMB");
        assert_eq!(heading_unit(Lang::En, "10,000 kilowatts"), "kilowatts");
        assert_eq!(heading_unit(Lang::En, "US$100 million"), "US$");
        assert_eq!(heading_unit(Lang::En, "projects"), "projects");
        assert_eq!(heading_unit(Lang::Zh, "亿元人民币"), "亿元人民币");
        assert_eq!((Lang::En.words().chart_unit)("kilowatts"), "Kilowatts");
    }

    #[test]
    fn commitments_are_grouped_by_what_they_count_not_by_the_measure_word() {
        for lang in [Lang::Zh, Lang::En] {
            let catalog = catalog(lang);
            let groups = commitments(&catalog);
            let item = |n: u32| catalog.data.initiatives.iter().position(|i| i.n == n);
            let group_of = |n: u32| {
                groups
                    .iter()
                    .position(|g| g.bars.iter().any(|b| Some(b.items[0]) == item(n)))
                    .expect("a group")
            };
            // No scale holds two things counted differently: 100个 projects (7) and 1万个
            // training places (12), 5000例 operations (22) and 1万例 screenings (23).
            for group in groups.iter().filter(|g| g.compares()) {
                let mut counted: Vec<String> = group
                    .bars
                    .iter()
                    .map(|b| super::counted(&catalog, b.items[0], 0))
                    .collect();
                counted.dedup();
                assert_eq!(counted.len(), 1, "{lang:?} {group:?}");
            }
            for n in [7, 12, 22, 23] {
                assert!(!groups[group_of(n)].compares(), "{lang:?} {n}");
            }
            // Every group but the last compares two values or more; the last gathers those
            // alone in what they count, and draws no bar for them.
            let (alone, compared) = groups.split_last().expect("groups");
            assert!(compared.iter().all(Group::compares), "{lang:?}");
            assert_eq!(alone.heading, lang.words().chart_alone);
            let layout = lay_out(&groups, 60);
            for item in alone.bars.iter().flat_map(|b| &b.items) {
                let row = layout.row_of(*item).map(|r| layout.last_row_of(r));
                let row = row.and_then(|r| layout.rows.get(r));
                assert!(
                    matches!(row, Some(ChartRow::Value { .. })),
                    "{lang:?} {item}: {row:?}"
                );
            }
        }
        // The same groups, in the same order, in both languages.
        let items = |lang| -> Vec<Vec<usize>> {
            commitments(&catalog(lang))
                .iter()
                .map(|g| g.bars.iter().flat_map(|b| b.items.clone()).collect())
                .collect()
        };
        assert_eq!(items(Lang::Zh), items(Lang::En));
        let en = commitments(&catalog(Lang::En));
        let money = en.iter().find(|g| g.heading == "RMB").expect("RMB");
        assert_eq!(money.bars[0].text, "RMB 2 billion · 2025");
    }

    #[test]
    fn a_day_no_meeting_is_dated_to_is_never_drawn_as_zero() {
        for lang in [Lang::Zh, Lang::En] {
            let catalog = catalog(lang);
            let groups = meetings(&catalog);
            let days = &groups[0].bars;
            let w = lang.words();
            for bar in days {
                assert_ne!(bar.value, Some(0.0), "{lang:?} {bar:?}");
                assert_ne!(bar.text, "0", "{lang:?} {bar:?}");
                if bar.items.is_empty() {
                    assert_eq!((bar.value, bar.text.as_str()), (None, w.chart_none_dated));
                }
            }
            // The meetings of 30–31 August in Tianjin, dated to no day, have their own bar.
            let undated = days
                .iter()
                .find(|b| b.label == w.chart_day_not_given)
                .expect("a day-not-given bar");
            let ids: Vec<&str> = undated
                .items
                .iter()
                .map(|&i| catalog.data.meetings[i].id.as_str())
                .collect();
            assert_eq!(
                ids,
                [
                    "tj-2025-kazakhstan",
                    "tj-2025-armenia",
                    "tj-2025-azerbaijan"
                ],
                "{lang:?}"
            );
            assert_eq!(undated.value, Some(3.0));
        }
    }

    #[test]
    fn commitments_keep_the_same_order_in_both_languages() {
        let zh = commitments(&catalog(Lang::Zh));
        let en = commitments(&catalog(Lang::En));
        let count = |g: &[Group]| g.iter().map(|g| g.bars.len()).sum::<usize>();
        assert_eq!(count(&zh), count(&en), "every commitment, once");
        // The first bars of each language's groups follow the data's order.
        let items = |g: &[Group]| -> Vec<Vec<usize>> {
            g.iter().map(|g| g.bars[0].items.clone()).collect()
        };
        assert_eq!(items(&zh)[0], items(&en)[0]);
        let money = zh
            .iter()
            .find(|g| g.heading == "单位：亿元人民币")
            .expect("money");
        assert_eq!(money.bars.len(), 2);
        assert!(money.bars[0].text.contains("20亿元人民币"));
        assert!(money.bars[1].text.contains("未来3年"));
    }

    #[test]
    fn meetings_per_day_cover_the_summit_period_and_add_up() {
        let catalog = catalog(Lang::Zh);
        let groups = meetings(&catalog);
        let days = &groups[0].bars;
        let summit = catalog.data.summit.as_ref().expect("summit");
        let span = (summit.end.0 - summit.start.0).num_days() as usize + 3;
        // Each day, and the meetings dated to none of them.
        assert_eq!(days.len(), span + 1);
        let dated = catalog.data.meetings.iter().filter(|m| {
            m.date.is_some_and(|d| {
                d.0 >= summit.start.0 - Duration::days(1) && d.0 <= summit.end.0 + Duration::days(1)
            })
        });
        let undated = days.last().expect("the undated bar").value.unwrap_or(0.0);
        assert_eq!(
            days.iter().filter_map(|b| b.value).sum::<f64>() - undated,
            dated.count() as f64
        );
        let documents: usize = catalog
            .data
            .meetings
            .iter()
            .map(|m| m.documents.len())
            .sum();
        assert_eq!(
            groups[1].bars.iter().filter_map(|b| b.value).sum::<f64>(),
            documents as f64
        );
    }
}
