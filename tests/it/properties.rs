//! Properties that must hold for any text, any terminal size and any sequence of input.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::screens;

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use sco_dash::app::input::{Input, Key, KeyCode, Mouse, MouseKind};
use sco_dash::app::{App, panes};
use sco_dash::text::width::width;
use sco_dash::text::wrap::{UNITS, is_closing, is_digit, is_opening, wrap};
use sco_dash::ui::Theme;
use sco_dash::ui::snapshot::{draw, row_cells};
use screens::catalog;
use unicode_segmentation::UnicodeSegmentation;

/// Mixed Chinese and Latin text with the punctuation the rules are about.
fn mixed_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("上海合作组织".to_string()),
        Just("天津".to_string()),
        Just("峰会".to_string()),
        Just("，".to_string()),
        Just("。".to_string()),
        Just("、".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("《".to_string()),
        Just("》".to_string()),
        Just("（".to_string()),
        Just("）".to_string()),
        Just(" ".to_string()),
        Just("SCO".to_string()),
        Just("Tianjin".to_string()),
        Just("2025".to_string()),
        Just("e\u{301}".to_string()),
        Just("👩‍👩‍👧".to_string()),
        "[a-z]{1,12}",
        "[\u{4e00}-\u{4fff}]{1,6}",
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
}

/// Prose: words with their punctuation attached, as Chinese text has it ("峰会。",
/// "“天津”", "（SCO）"). A bare run like "（《，，》），" has no break that keeps both rules.
fn prose() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("上海合作组织".to_string()),
        Just("天津".to_string()),
        Just("峰会".to_string()),
        Just("SCO".to_string()),
        Just("2025".to_string()),
        "[a-z]{1,10}",
        "[\u{4e00}-\u{4fff}]{1,6}",
    ];
    let piece = (word, 0..13usize).prop_map(|(word, style)| match style {
        0 => format!("{word}，"),
        1 => format!("{word}。"),
        2 => format!("“{word}”"),
        3 => format!("（{word}）"),
        4 => format!("《{word}》、"),
        5 => format!("{word} "),
        6 => format!("［{word}］"),
        7 => format!("〖{word}〗"),
        8 => format!("｟{word}｠"),
        9 => format!("〘{word}〙"),
        10 => format!("〝{word}〞"),
        11 => format!("“{word}+”"),
        _ => word,
    });
    prop::collection::vec(piece, 0..30).prop_map(|p| p.concat())
}

/// Chinese prose with numbers and their units and dates, as the data has them.
fn numbered_prose() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[\u{4e00}-\u{4fff}]{1,6}",
        1 => Just("313项".to_string()),
        1 => Just("100亿元".to_string()),
        1 => Just("1000万千瓦".to_string()),
        1 => Just("100多个".to_string()),
        1 => Just("9月2日电".to_string()),
        1 => Just("2025年".to_string()),
        1 => (1u32..100_000).prop_map(|n| format!("{n}的")),
        // Punctuation after words, as in prose (a run of ，，， glued to a number could be
        // wider than any line, which no text has).
        1 => "[\u{4e00}-\u{4fff}]{1,6}，",
        1 => "[\u{4e00}-\u{4fff}]{1,6}。",
    ];
    prop::collection::vec(piece, 1..30).prop_map(|p| p.concat())
}

/// One ideograph with only closing marks after it.
fn is_lone(line: &str) -> bool {
    let mut graphemes = line.graphemes(true);
    graphemes
        .next()
        .is_some_and(|g| width(g) == 2 && !is_closing(g) && !is_opening(g))
        && graphemes.all(is_closing)
}

fn is_plain_ideograph(grapheme: &str) -> bool {
    width(grapheme) == 2
        && grapheme
            .chars()
            .all(|c| ('\u{4e00}'..='\u{4fff}').contains(&c))
        && !UNITS.contains(grapheme)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn numbers_are_never_split_from_their_units(text in numbered_prose(), cells in 14usize..60) {
        // Every number with its units here is at most 12 cells wide, so all fit on a line.
        let lines = wrap(&text, cells);
        for pair in lines.windows(2) {
            let last = pair[0].graphemes(true).next_back().unwrap_or("");
            let first = pair[1].graphemes(true).next().unwrap_or("");
            prop_assert!(!(is_digit(last) && UNITS.contains(first)), "{lines:?}");
            prop_assert!(!(last == "月" && is_digit(first)), "{lines:?}");
            prop_assert!(!(last == "日" && first == "电"), "{lines:?}");
        }
    }

    #[test]
    fn no_ideograph_is_left_alone_after_a_line_that_could_give_one(text in numbered_prose(), cells in 10usize..60) {
        let lines = wrap(&text, cells);
        if let [.., previous, last] = lines.as_slice() && is_lone(last) {
            // Two plain ideographs end the line before: the last of them could have come down.
            let tail: Vec<&str> = previous.graphemes(true).rev().take(2).collect();
            let movable = tail.len() == 2 && tail.iter().all(|g| is_plain_ideograph(g));
            prop_assert!(!movable, "{lines:?}");
        }
    }

    #[test]
    fn wrapped_lines_fit_their_width(text in mixed_text(), cells in 1usize..60) {
        for line in wrap(&text, cells) {
            prop_assert!(width(&line) <= cells, "{line:?} is wider than {cells}");
        }
    }

    #[test]
    fn wrapping_keeps_every_grapheme_whole_and_in_order(text in mixed_text(), cells in 2usize..60) {
        let lines = wrap(&text, cells);
        let squeeze = |s: &str| s.graphemes(true).filter(|g| !g.trim().is_empty()).map(str::to_string).collect::<Vec<_>>();
        let joined: Vec<String> = lines.iter().flat_map(|l| squeeze(l)).collect();
        prop_assert_eq!(joined, squeeze(&text));
    }

    #[test]
    fn no_line_starts_with_closing_or_ends_with_opening_punctuation(text in prose(), cells in 12usize..60) {
        let lines = wrap(&text, cells);
        for (i, line) in lines.iter().enumerate() {
            let graphemes: Vec<&str> = line.graphemes(true).collect();
            if i > 0 && let Some(first) = graphemes.first() {
                prop_assert!(!is_closing(first), "line {i} starts with {first}: {lines:?}");
                let lone_plus = *first == "+" && graphemes.get(1).is_some_and(|g| is_closing(g));
                prop_assert!(!lone_plus, "line {i} starts with a lone +: {lines:?}");
            }
            if i + 1 < lines.len() && let Some(last) = graphemes.last() {
                prop_assert!(!is_opening(last), "line {i} ends with {last}: {lines:?}");
            }
        }
    }
}

/// Russian words as the Russian layer writes them, a short one held to the next by a no-break
/// space, a dash held to the word before it.
fn russian_word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Шанхайской".to_string()),
        Just("организации".to_string()),
        Just("сотрудничества".to_string()),
        Just("ШОС".to_string()),
        Just("в\u{a0}действии".to_string()),
        Just("Китай\u{a0}—".to_string()),
        Just("2025\u{a0}г.".to_string()),
        Just("«Шанхайский".to_string()),
        Just("дух»,".to_string()),
        Just("научно-технических".to_string()),
        Just("Тяньцзинь".to_string()),
        Just("ёлочки".to_string()),
        "[а-яё]{1,10}",
    ]
}

/// Each of a text's words with what a no-break space holds to it, as a line must take them.
fn unbreakable(text: &str) -> Vec<&str> {
    text.split(' ').collect()
}

/// A wrapped Russian line's own graphemes, the hyphen a hyphenated line ends with left out.
fn letters(lines: &[String]) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i + 1 < lines.len() {
                l.strip_suffix('-').unwrap_or(l)
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .concat()
}

fn in_mode<T>(wide: bool, work: impl FnOnce() -> T) -> T {
    use sco_dash::text::width::{Ambiguous, with_ambiguous};
    let mode = if wide {
        Ambiguous::Wide
    } else {
        Ambiguous::Narrow
    };
    with_ambiguous(mode, work)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Where every word fits a line, Russian breaks only at spaces: never inside a word, never
    /// at a no-break space, in either ambiguous-width mode.
    #[test]
    fn russian_breaks_only_at_spaces_where_its_words_fit(
        words in prop::collection::vec(russian_word(), 1..20),
        extra in 0usize..30,
        wide in any::<bool>(),
    ) {
        let text = words.join(" ");
        in_mode(wide, || -> Result<(), TestCaseError> {
            let widest = unbreakable(&text).iter().map(|w| width(w)).max().unwrap_or(1);
            let cells = widest + extra;
            let lines = wrap(&text, cells);
            for line in &lines {
                prop_assert!(width(line) <= cells, "{line:?} is wider than {cells}");
                prop_assert!(!line.starts_with('—'), "{lines:?}");
            }
            // A compound breaks after its own hyphen (научно-⏎технических), a word at a space.
            let mut joined = String::new();
            for line in &lines {
                if !joined.is_empty() && !joined.ends_with('-') {
                    joined.push(' ');
                }
                joined.push_str(line);
            }
            prop_assert_eq!(joined, text.clone());
            Ok(())
        })?;
    }

    /// A Russian word wider than the line breaks where Russian hyphenates it (or, where no
    /// point fits, between letters), each line within the width, the word whole again without
    /// the hyphens.
    #[test]
    fn a_russian_word_wider_than_any_line_keeps_its_letters(
        word in prop_oneof![
            Just("высококачественному".to_string()),
            Just("сотрудничества".to_string()),
            Just("Антинаркотический".to_string()),
            "[а-яё]{12,30}",
        ],
        cells in 2usize..12,
        wide in any::<bool>(),
    ) {
        in_mode(wide, || -> Result<(), TestCaseError> {
            let cells = if wide { cells * 2 } else { cells };
            let lines = wrap(&word, cells);
            for line in &lines {
                prop_assert!(width(line) <= cells, "{line:?} is wider than {cells}");
            }
            prop_assert_eq!(letters(&lines), word.clone(), "{:?}", lines);
            Ok(())
        })?;
    }
}

fn input() -> impl Strategy<Value = Input> {
    let keys = prop_oneof![
        Just(KeyCode::Char('j')),
        Just(KeyCode::Char('k')),
        Just(KeyCode::Char('g')),
        Just(KeyCode::Char('G')),
        Just(KeyCode::Char('?')),
        Just(KeyCode::Char('q')),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Backspace),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::PageDown),
        Just(KeyCode::PageUp),
        Just(KeyCode::End),
        Just(KeyCode::Char('/')),
        Just(KeyCode::Char(':')),
        Just(KeyCode::Char('n')),
        Just(KeyCode::Char('s')),
        Just(KeyCode::Char('S')),
        Just(KeyCode::Char('t')),
        Just(KeyCode::Char('c')),
        Just(KeyCode::Char('y')),
        Just(KeyCode::Char('Y')),
        Just(KeyCode::Char('x')),
        Just(KeyCode::Char('m')),
        Just(KeyCode::Char('z')),
        Just(KeyCode::Char('+')),
        Just(KeyCode::Char('-')),
        Just(KeyCode::Char('b')),
        Just(KeyCode::Char('鲁')),
        Just(KeyCode::Char('l')),
        Just(KeyCode::Char('L')),
        Just(KeyCode::Left),
        (1u8..=7).prop_map(|n| KeyCode::Char(char::from(b'0' + n))),
    ];
    prop_oneof![
        8 => (keys, any::<bool>()).prop_map(|(code, ctrl)| Input::Key(Key { code, ctrl: ctrl && code == KeyCode::Char('d'), alt: false })),
        2 => (0u16..200, 0u16..80, 0usize..3).prop_map(|(column, row, kind)| Input::Mouse(Mouse {
            kind: [MouseKind::Click, MouseKind::ScrollUp, MouseKind::ScrollDown][kind],
            column,
            row,
        })),
        1 => (1u16..=500, 1u16..=200).prop_map(|(width, height)| Input::Resize { width, height }),
    ]
}

/// Every row's cells add up to the terminal's width, no wide glyph hangs over the right edge,
/// and no border cell lies hidden under the second half of a wide glyph.
fn assert_rows_are_whole(buf: &Buffer) -> Result<(), TestCaseError> {
    for y in buf.area.top()..buf.area.bottom() {
        let cells = row_cells(buf, y);
        let total: usize = cells.iter().map(|(_, _, w)| w).sum();
        prop_assert_eq!(
            total,
            usize::from(buf.area.width),
            "row {} does not close at the right edge",
            y
        );
        for (x, symbol, w) in cells {
            if w == 2 {
                let hidden = buf[(x + 1, y)].symbol();
                let is_border = hidden
                    .chars()
                    .any(|c| ('\u{2500}'..='\u{257f}').contains(&c));
                prop_assert!(
                    !is_border,
                    "{symbol} at {x},{y} hides a border cell {hidden:?}"
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_input_at_any_size_keeps_the_state_valid_and_every_frame_whole(
        width in 1u16..=220,
        height in 1u16..=70,
        inputs in prop::collection::vec(input(), 0..40),
    ) {
        let mut app = App::new(catalog(), width, height);
        for input in inputs {
            app.handle(input);
            let count = panes::count(app.catalog(), app.tab());
            // The pane as the screen shows it: while a search is typed the stored pane
            // waits unchanged (for Esc) and may point past what the filtered list shows.
            let pane = app.shown_pane().into_owned();
            prop_assert!(pane.selected < count.max(1));
            if app.tab().has_list() && !app.view().is_empty() {
                prop_assert!(app.position().is_some(), "the selection is always in the list shown");
            }
            let doc = app.detail();
            prop_assert!(pane.link < doc.links.len().max(1));
            prop_assert!(pane.scroll <= doc.lines.len());
            let frame = draw(&app, &Theme::default());
            assert_rows_are_whole(&frame)?;
            if app.has_quit() {
                break;
            }
        }
    }

    #[test]
    fn input_handled_in_one_batch_ends_as_handled_one_by_one(
        inputs in prop::collection::vec(
            prop_oneof![3 => input(), 2 => "[a-z鲁班 ]{1,3}".prop_map(Input::Paste)],
            0..40,
        ),
    ) {
        let (mut one_by_one, mut batched) = (App::new(catalog(), 120, 40), App::new(catalog(), 120, 40));
        let mut upto = inputs.len();
        for (n, input) in inputs.iter().enumerate() {
            one_by_one.handle(input.clone());
            if one_by_one.has_quit() {
                upto = n + 1;
                break;
            }
        }
        batched.handle_all(inputs[..upto].iter().cloned());
        // The same state and the same screen: nothing is stored while a search is typed, so
        // how the keys were grouped leaves no trace.
        prop_assert_eq!(one_by_one.tab(), batched.tab());
        prop_assert_eq!(one_by_one.pane(), batched.pane());
        prop_assert_eq!(one_by_one.mode(), batched.mode());
        prop_assert_eq!(one_by_one.help_open(), batched.help_open());
        prop_assert_eq!(one_by_one.has_quit(), batched.has_quit());
        let theme = Theme::default();
        prop_assert_eq!(draw(&one_by_one, &theme), draw(&batched, &theme));
    }

    #[test]
    fn going_round_the_languages_gives_back_the_same_screen(
        width in 1u16..=220,
        height in 1u16..=70,
        inputs in prop::collection::vec(input(), 0..30),
    ) {
        let mut app = App::new(catalog(), width, height);
        for input in inputs {
            app.handle(input);
        }
        // A notice ("copied") goes with the next key, whichever it is.
        prop_assume!(!app.has_quit() && app.notice().is_none());
        let theme = Theme::default();
        let before = draw(&app, &theme);
        let switch = || Input::Key(Key::char('L'));
        let mode = app.mode().clone();
        app.handle(switch());
        // Typing a search, L is a letter of the query: the language stays.
        if !matches!(mode, sco_dash::app::state::Mode::Normal) {
            return Ok(());
        }
        assert_rows_are_whole(&draw(&app, &theme))?;
        app.handle(switch());
        assert_rows_are_whole(&draw(&app, &theme))?;
        app.handle(switch());
        prop_assert_eq!(draw(&app, &theme), before);
    }

    #[test]
    fn the_extreme_sizes_draw_without_panic(width in prop_oneof![Just(1u16), Just(500u16), 1u16..500], height in prop_oneof![Just(1u16), Just(200u16), 1u16..200]) {
        for tab in sco_dash::app::Tab::ALL {
            let mut app = App::new(catalog(), width, height);
            app.update(sco_dash::app::Action::GoTo(tab));
            app.handle(Input::Key(Key::plain(KeyCode::Enter)));
            assert_rows_are_whole(&draw(&app, &Theme::default()))?;
        }
    }
}

fn parse_all(chunks: &[Vec<u8>]) -> Vec<Input> {
    let mut parser = sco_dash::app::input::bytes::InputParser::new();
    let mut inputs: Vec<Input> = chunks.iter().flat_map(|chunk| parser.feed(chunk)).collect();
    inputs.extend(parser.flush());
    inputs
}

/// Byte streams a terminal sends: text, CJK, keys, mouse reports, pastes, and noise.
fn terminal_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"j".to_vec()),
        Just("鲁班".as_bytes().to_vec()),
        Just(b"\x1b[A".to_vec()),
        Just(b"\x1b[1;5C".to_vec()),
        Just(b"\x1bOP".to_vec()),
        Just(b"\x1b[5~".to_vec()),
        Just(b"\x1bq".to_vec()),
        Just(b"\x1b[<0;12;3M".to_vec()),
        Just(b"\x1b[<65;1;1M".to_vec()),
        Just(b"\x1b[200~paste \xe5\xa4\xa9\x1b[201~".to_vec()),
        Just(b"\r\t\x7f\x03".to_vec()),
        prop::collection::vec(any::<u8>(), 0..8),
    ];
    prop::collection::vec(piece, 0..20).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_byte_parser_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = parse_all(&[bytes]);
    }

    #[test]
    fn how_bytes_are_split_into_packets_does_not_change_the_input(
        bytes in terminal_bytes(),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
    ) {
        let mut points: Vec<usize> = cuts.iter().map(|c| c.index(bytes.len() + 1)).collect();
        points.sort_unstable();
        points.dedup();
        let mut chunks = Vec::new();
        let mut start = 0;
        for point in points {
            chunks.push(bytes[start..point].to_vec());
            start = point;
        }
        chunks.push(bytes[start..].to_vec());
        prop_assert_eq!(parse_all(&chunks), parse_all(&[bytes]));
    }
}
