#![allow(clippy::unwrap_used)]

use super::*;
use ratatui::style::{Color, Modifier, Style};

const THREE: Duration = Duration::from_secs(3);

fn screen(lines: &[&str]) -> Buffer {
    Buffer::with_lines(lines.iter().copied())
}

fn frame(lines: &[&str], hold: Duration) -> Frame {
    Frame {
        screen: screen(lines),
        hold,
    }
}

fn count(svg: &str, what: &str) -> usize {
    svg.matches(what).count()
}

/// The `<text>` elements' contents, in order.
fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text ")
        .skip(1)
        .map(|t| &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()])
        .collect()
}

#[test]
fn each_frame_is_shown_for_its_hold_in_one_loop() {
    let frames = [
        frame(&["one"], THREE),
        frame(&["two"], THREE),
        frame(&["six"], THREE * 2),
    ];
    let svg = to_animated_svg(&frames, Scheme::Dark, "Three screens");
    assert_eq!(count(&svg, r#"class="f""#), 3, "{svg}");
    assert!(svg.contains("animation:12s step-end infinite"), "{svg}");
    // Each frame visible from its start to the next one's, as a share of the loop.
    for keyframes in [
        "@keyframes k0{0%{visibility:visible}25%{visibility:hidden}}",
        "@keyframes k1{0%{visibility:hidden}25%{visibility:visible}50%{visibility:hidden}}",
        "@keyframes k2{0%{visibility:hidden}50%{visibility:visible}100%{visibility:visible}}",
    ] {
        assert!(svg.contains(keyframes), "{keyframes} in\n{svg}");
    }
    for n in 0..3 {
        assert!(svg.contains(&format!("#f{n}{{animation-name:k{n}}}")));
    }
    assert!(
        svg.contains("<desc>Three screens (3 screens in a 12 s loop, each shown 3 to 6 s)</desc>"),
        "{svg}"
    );
    // Without animation the first frame shows.
    assert!(svg.contains(".f{visibility:hidden;"));
    assert!(svg.contains("#f0{visibility:visible}"));
}

#[test]
fn identical_consecutive_screens_are_one_frame_held_for_both() {
    let frames = [
        frame(&["a"], THREE),
        frame(&["a"], THREE),
        frame(&["b"], THREE),
        frame(&["a"], THREE),
    ];
    let merged = merge(&frames);
    assert_eq!(
        merged.iter().map(|f| f.hold).collect::<Vec<_>>(),
        [THREE * 2, THREE, THREE]
    );
    let svg = to_animated_svg(&frames, Scheme::Dark, "");
    assert_eq!(count(&svg, r#"class="f""#), 3);
    assert!(svg.contains("animation:12s "), "the loop keeps its length");
    assert!(svg.contains("@keyframes k0{0%{visibility:visible}50%{visibility:hidden}}"));
    assert!(svg.contains(
        "@keyframes k1{0%{visibility:hidden}50%{visibility:visible}75%{visibility:hidden}}"
    ));
    // The screen shown twice is written once and referred to twice.
    assert_eq!(count(&svg, r#"<g id="r"#), 2, "{svg}");
    assert_eq!(count(&svg, r##"<use href="#r0" y="14.82"/>"##), 2, "{svg}");
}

#[test]
fn equal_holds_are_said_once_and_uneven_ones_as_a_percentage_to_four_places() {
    let frames: Vec<Frame> = ["a", "b", "c"]
        .iter()
        .map(|text| frame(&[text], THREE))
        .collect();
    let svg = to_animated_svg(&frames, Scheme::Dark, "Tour");
    assert!(svg.contains("<desc>Tour (3 screens in a 9 s loop, each shown 3 s)</desc>"));
    assert!(svg.contains("33.3333%{visibility:hidden}"), "{svg}");
    assert!(svg.contains("66.6667%{visibility:visible}"), "{svg}");
}

#[test]
fn frames_held_for_no_time_are_dropped_and_one_frame_does_not_move() {
    let frames = [frame(&["a"], THREE), frame(&["b"], Duration::ZERO)];
    let svg = to_animated_svg(&frames, Scheme::Dark, "");
    assert_eq!(count(&svg, r#"class="f""#), 1);
    assert!(!svg.contains("animation"), "{svg}");
    assert!(!svg.contains("<g id=\"r1\""));
    assert!(svg.contains("(1 screen in a 3 s loop, each shown 3 s)"));
}

#[test]
fn a_row_shared_by_frames_is_written_once() {
    let frames = [
        frame(&["title", "one", "", "status"], THREE),
        frame(&["title", "two", "", "status"], THREE),
    ];
    let svg = to_animated_svg(&frames, Scheme::Dark, "");
    // title, one, status, two: the empty row is not written at all.
    assert_eq!(count(&svg, r#"<g id="r"#), 4, "{svg}");
    // Placed at their baselines.
    assert!(svg.contains(
        r##"<g id="f1" class="f"><use href="#r0" y="14.82"/><use href="#r3" y="33.82"/><use href="#r2" y="71.82"/></g>"##
    ), "{svg}");
}

#[test]
fn a_run_of_glyphs_in_several_places_is_defined_once() {
    let svg = to_animated_svg(&[frame(&["│a│", "│b│"], THREE)], Scheme::Dark, "");
    assert_eq!(count(&svg, ">│</text>"), 1, "{svg}");
    assert!(
        svg.contains(r#"<text id="t0" textLength="9" lengthAdjust="spacingAndGlyphs">│</text>"#)
    );
    assert!(svg.contains(r##"<g id="r0"><use href="#t0"/><text x="9" textLength="9" lengthAdjust="spacingAndGlyphs">a</text><use href="#t0" x="18"/></g>"##), "{svg}");
}

#[test]
fn glyphs_of_one_font_and_style_share_a_text_stretched_onto_their_cells() {
    let mut buf = screen(&["ab  cd 天津 x─── ⠁⠂", "u v"]);
    buf.set_style(
        ratatui::layout::Rect::new(0, 1, 3, 1),
        Style::default().add_modifier(Modifier::UNDERLINED),
    );
    let svg = to_animated_svg(
        &[Frame {
            screen: buf,
            hold: THREE,
        }],
        Scheme::Dark,
        "",
    );
    // ASCII with its spaces; the CJK; ASCII, then box drawing; braille; and underlined
    // words apart, since an underline under a blank would show.
    assert_eq!(
        texts(&svg),
        ["ab  cd", "天津", "x", "───", "⠁⠂", "u", "v"],
        "{svg}"
    );
    assert!(
        svg.contains(r#"<text textLength="54" lengthAdjust="spacingAndGlyphs">ab  cd<"#),
        "{svg}"
    );
    assert!(
        svg.contains(r#"<text x="63" textLength="36" lengthAdjust="spacingAndGlyphs">天津<"#),
        "{svg}"
    );
    assert!(svg.contains(r#"<text x="18" class="u" textLength="9""#));
    assert!(
        svg.contains(r#"xml:space="preserve""#),
        "spaces in a run keep their cells"
    );
}

#[test]
fn colours_and_weights_split_runs_and_colours_are_classes() {
    let mut buf = screen(&["red blue", "bold"]);
    buf.set_style(
        ratatui::layout::Rect::new(0, 0, 3, 1),
        Style::default().fg(Color::Red).bg(Color::Blue),
    );
    buf.set_style(
        ratatui::layout::Rect::new(0, 1, 4, 1),
        Style::default().add_modifier(Modifier::BOLD),
    );
    let svg = to_animated_svg(
        &[Frame {
            screen: buf,
            hold: THREE,
        }],
        Scheme::Dark,
        "",
    );
    assert_eq!(texts(&svg), ["red", "blue", "bold"], "{svg}");
    assert!(svg.contains(".c0{fill:#3b6fb6}"), "{svg}");
    assert!(svg.contains(".c1{fill:#e06c75}"), "{svg}");
    // Backgrounds from the top of the row, whose origin is the baseline.
    assert!(svg.contains(r#"<rect x="0" y="-14.82" width="27" height="19" class="c0"/>"#));
    // The canvas's foreground is the text's default.
    assert!(svg.contains("text{white-space:pre;fill:#d9e0ee}"));
    assert!(svg.contains(r#"<text x="36" textLength="36" lengthAdjust="spacingAndGlyphs">blue<"#));
    assert!(svg.contains(r#"<text class="b" textLength="36""#), "{svg}");
    assert!(
        !svg.contains("fill=\"#e06c75\""),
        "colours are written once, as classes"
    );
}

#[test]
fn text_is_escaped() {
    let svg = to_animated_svg(&[frame(&["<a&b>"], THREE)], Scheme::Dark, "</desc><script>");
    assert!(svg.contains(">&lt;a&amp;b&gt;</text>"), "{svg}");
    assert!(
        svg.contains("<desc>&lt;/desc&gt;&lt;script&gt; (1 screen"),
        "{svg}"
    );
    assert!(!svg.contains("<script"));
}
