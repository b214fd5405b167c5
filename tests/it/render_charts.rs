//! The charts (`b`): the initiatives' commitments by unit and the meetings' counts, in both
//! languages at 80x24 and 120x40 (and three panes at 200x60), drawn through the snapshot
//! renderer; an English chart carries no Chinese.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::screens;

use sco_dash::app::Tab;
use sco_dash::data::Lang;
use sco_dash::ui::Theme;
use sco_dash::ui::snapshot::{draw, to_text};
use screens::{app, is_chinese, screen};

fn no_chinese(screen: &str) -> bool {
    screen
        .lines()
        .all(|line| !line.replace("中文", "").chars().any(is_chinese))
}

#[test]
fn the_initiatives_commitments_by_unit() {
    // Initiative 9 (100亿元 of loans) selected: its bar is the selected row.
    for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let shown = screen(lang, Tab::Initiatives, width, height, "jjjjjjjjb");
            if lang == Lang::En {
                assert!(no_chinese(&shown), "{shown}");
            }
            insta::assert_snapshot!(format!("chart_initiatives_{code}_{width}x{height}"), shown);
        }
    }
}

#[test]
fn the_meetings_per_day_and_documents_per_counterpart() {
    // Mirziyoyev, met in Beijing on 2 September: the day's bar and Uzbekistan's.
    for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        for (width, height) in [(80, 24), (120, 40)] {
            let shown = screen(lang, Tab::Meetings, width, height, "jjjjjjjjjjjjjb");
            if lang == Lang::En {
                assert!(no_chinese(&shown), "{shown}");
            }
            insta::assert_snapshot!(format!("chart_meetings_{code}_{width}x{height}"), shown);
        }
    }
}

#[test]
fn b_again_gives_the_detail_back() {
    let keys = "jjjjjjjjbb";
    assert_eq!(
        screen(Lang::Zh, Tab::Initiatives, 120, 40, keys),
        screen(Lang::Zh, Tab::Initiatives, 120, 40, "jjjjjjjj")
    );
}

#[test]
fn without_colour_the_selected_bar_is_reversed_and_every_value_is_printed() {
    use ratatui::style::Modifier;
    use sco_dash::ui::theme::Depth;
    let app = app(Lang::Zh, Tab::Initiatives, 120, 40, "jjjjjjjjb");
    let area = app.areas().and_then(|a| a.map).expect("the chart");
    for depth in [Depth::Mono, Depth::Ansi16] {
        let buf = draw(&app, &Theme::new(depth));
        let reversed: Vec<u16> = (area.y + 1..area.bottom() - 1)
            .filter(|&y| buf[(area.x + 3, y)].modifier.contains(Modifier::REVERSED))
            .collect();
        let text = to_text(&buf);
        let rows: Vec<&str> = text.lines().collect();
        // Initiative 9's label and bar, and only those rows.
        assert_eq!(reversed.len(), 2, "{depth:?} {reversed:?}");
        assert!(rows[usize::from(reversed[0])].contains("9 对银行联合体"));
        assert!(rows[usize::from(reversed[1])].contains("100亿元人民币 · 未来3年"));
    }
}
