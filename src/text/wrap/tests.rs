//! The line breaking rules, one example each.

use super::*;

#[test]
fn english_breaks_at_spaces_and_after_hyphens() {
    assert_eq!(
        wrap("a China-SCO Energy platform", 10),
        ["a China-", "SCO Energy", "platform"]
    );
    // A hyphen that starts a word, or a number like -5, is not a place to break in.
    assert_eq!(wrap("x -5 y", 3), ["x", "-5", "y"]);
}

#[test]
fn breaks_between_ideographs() {
    assert_eq!(
        wrap("上海合作组织天津峰会", 8),
        ["上海合作", "组织天津", "峰会"]
    );
}

#[test]
fn breaks_latin_only_at_spaces() {
    assert_eq!(
        wrap("the SCO summit in Tianjin", 10),
        ["the SCO", "summit in", "Tianjin"]
    );
}

#[test]
fn closing_punctuation_never_starts_a_line() {
    // Width 6 would put "。" first on line 2; it travels with 会 instead.
    assert_eq!(wrap("天津峰会。成果", 8), ["天津峰", "会。成果"]);
    assert_eq!(wrap("一二三，四", 6), ["一二", "三，四"]);
}

#[test]
fn closing_punctuation_after_a_space_stays_with_the_word() {
    assert_eq!(wrap("abcd efgh ）", 10), ["abcd", "efgh ）"]);
}

#[test]
fn opening_punctuation_never_ends_a_line() {
    assert_eq!(
        wrap("成果文件《天津宣言》", 10),
        ["成果文件", "《天津", "宣言》"]
    );
    assert_eq!(wrap("成果文《天津", 8), ["成果文", "《天津"]);
    assert_eq!(wrap("一二“上合”", 6), ["一二", "“上合”"]);
}

#[test]
fn mixed_lines_keep_numbers_and_words_whole() {
    assert_eq!(wrap("提供20亿元人民币", 6), ["提供", "20亿元", "人民币"]);
    assert_eq!(wrap("提供20亿元", 5), ["提供", "20亿", "元"]);
    assert_eq!(wrap("SCO峰会 Tianjin", 8), ["SCO峰会", "Tianjin"]);
}

#[test]
fn a_word_wider_than_the_line_is_split_between_graphemes() {
    assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
    // Even then a closing mark takes the grapheme before it along.
    assert_eq!(wrap("abcdef，", 6), ["abcde", "f，"]);
}

#[test]
fn hard_breaks_and_empty_text_are_kept() {
    assert_eq!(wrap("一\n\n二", 4), ["一", "", "二"]);
    assert_eq!(wrap("", 4), [""]);
    assert!(wrap("天", 0).is_empty());
}

#[test]
fn the_cache_returns_the_same_lines() {
    let text = "中方将成立中国—上海合作组织能源合作平台";
    assert_eq!(&*wrap_cached(text, 10), wrap(text, 10).as_slice());
    assert!(Rc::ptr_eq(&wrap_cached(text, 10), &wrap_cached(text, 10)));
}

#[test]
fn numbers_stay_with_their_units_and_dates() {
    // Seen split before: `成果清单共313⏎项。`, `新增发放100⏎亿元人民币`, `天津9月2⏎日电`.
    assert_eq!(wrap("成果清单共313项。", 16), ["成果清单共", "313项。"]);
    assert_eq!(
        wrap("新增发放100亿元人民币", 14),
        ["新增发放", "100亿元人民币"]
    );
    assert_eq!(wrap("新华社天津9月2日电", 14), ["新华社天津", "9月2日电"]);
    assert_eq!(wrap("会议于2025年举行", 10), ["会议于", "2025年举行"]);
    // A date wider than the line parts between its parts, never between number and unit.
    assert_eq!(wrap("9月2日电）：", 8), ["9月2日", "电）："]);
}

#[test]
fn english_numbers_stay_with_the_word_they_count_where_it_is_cheap() {
    assert_eq!(wrap("about 10,000 places", 14), ["about", "10,000 places"]);
    assert_eq!(wrap("on 2 September", 11), ["on", "2 September"]);
    // Wider than the line: the number and its word part like any two words.
    assert_eq!(wrap("10,000 places", 8), ["10,000", "places"]);
    // A year counts nothing.
    assert_eq!(wrap("the 2024 visit", 9), ["the 2024", "visit"]);
}

#[test]
fn no_ideograph_is_left_alone_on_the_last_line() {
    // `世贸组⏎织` before.
    assert_eq!(wrap("支持世贸组织", 10), ["支持世贸", "组织"]);
    assert_eq!(wrap("支持世贸组织。", 10), ["支持世贸", "组织。"]);
    // Not when the line before would be left empty, nor in Latin text.
    assert_eq!(wrap("Tianjin会", 8), ["Tianjin", "会"]);
    assert_eq!(wrap("abc de f", 6), ["abc de", "f"]);
    // A number moves down with its unit, or not at all.
    assert_eq!(wrap("共有313项多", 10), ["共有", "313项多"]);
}

#[test]
fn every_bracket_keeps_its_side_of_a_break() {
    for (open, close) in [
        ("［", "］"),
        ("〖", "〗"),
        ("｟", "｠"),
        ("〘", "〙"),
        ("〝", "〞"),
    ] {
        assert!(is_opening(open) && is_closing(close), "{open}{close}");
        let text = format!("一二三{open}四五{close}六");
        let lines = wrap(&text, 8);
        assert!(lines.iter().all(|l| !l.ends_with(open)), "{lines:?}");
        assert!(
            lines.iter().skip(1).all(|l| !l.starts_with(close)),
            "{lines:?}"
        );
    }
}

#[test]
fn a_plus_is_not_left_alone_before_a_closing_quote() {
    // `“上海合作组织⏎+”会议` before.
    assert_eq!(wrap("“上海合作组织+”会议", 13), ["“上海合作组", "织+”会议"]);
}

#[test]
fn russian_breaks_at_spaces_and_never_at_a_no_break_space() {
    assert_eq!(
        wrap("Шанхайская организация сотрудничества", 24),
        ["Шанхайская организация", "сотрудничества"]
    );
    // A no-break space holds a short word to the next and a dash to the word before.
    assert_eq!(wrap("ШОС в\u{a0}действии", 12), ["ШОС", "в\u{a0}действии"]);
    assert_eq!(
        wrap("Платформа Китай\u{a0}— ШОС", 14),
        ["Платформа", "Китай\u{a0}— ШОС"]
    );
    assert_eq!(
        wrap("в 2025\u{a0}г. саммит", 9),
        ["в 2025\u{a0}г.", "саммит"]
    );
    // Words joined by it that are wider than the line part there first.
    assert_eq!(wrap("«ШОС»\u{a0}«плюс»", 6), ["«ШОС»\u{a0}", "«плюс»"]);
}

#[test]
fn a_russian_word_wider_than_the_line_is_hyphenated_by_russian_rules() {
    assert_eq!(wrap("сотрудничества", 8), ["сотруд-", "ничества"]);
    assert_eq!(wrap("сотрудничества", 6), ["со-", "труд-", "ниче-", "ства"]);
    assert_eq!(
        wrap("высококачественному развитию", 12),
        ["высококаче-", "ственному", "развитию"]
    );
    // A line narrower than any syllable: split between letters, as any other word.
    assert_eq!(wrap("ШОС-плюс", 2), ["ШО", "С-", "пл", "юс"]);
}

#[test]
fn in_wide_mode_a_russian_word_is_still_a_word() {
    use crate::text::width::{Ambiguous, with_ambiguous};
    let wide = |text: &str, cells| with_ambiguous(Ambiguous::Wide, || wrap(text, cells));
    assert_eq!(wide("добрыми соседями", 20), ["добрыми", "соседями"]);
    assert_eq!(wide("сотрудничества", 16), ["сотруд-", "ничества"]);
    for line in wide("Экономический пояс Шёлкового пути", 17) {
        assert!(
            crate::text::width::with_ambiguous(Ambiguous::Wide, || crate::text::width(&line)) <= 17
        );
    }
}
