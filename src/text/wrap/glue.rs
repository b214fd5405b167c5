//! Numbers stay with their units and dates: `313项`, `100亿元`, `1000万千瓦`, `9月2日电`,
//! `10,000 places`, `RMB 2 billion`, `1 September`. The words stay separate: a glued run
//! wider than a whole line still breaks, first between the parts of a date (`Loose`), and only
//! then between a number and its unit (`Tight`).

use super::units::Word;

/// Characters that measure or date the number before them.
pub const UNITS: &str = "年月日时分秒周号点天岁个项名所位份例届架场条次人家座种批期台套件本部篇门辆艘亩吨米克瓦公美元倍十百千万亿多余";

/// Units after which another unit still belongs to the number: `100亿元`, `1000万千瓦`,
/// `100多个`.
const MAGNITUDES: &str = "十百千万亿多余";

/// Two-character units: `3个月`, `200万人次`, `80周年`, `5公里`, `10亿美元`.
const COMPOUNDS: [(&str, &str); 5] = [
    ("个", "月"),
    ("人", "次"),
    ("周", "年"),
    ("公", "里"),
    ("美", "元"),
];

const ENGLISH_MAGNITUDES: [&str; 4] = ["thousand", "million", "billion", "trillion"];

/// Currency codes written before their amount: `RMB 2 billion`.
const CURRENCIES: [&str; 1] = ["RMB"];

/// Words after a number that are not what it counts (`in 2025 and`).
const FUNCTION_WORDS: [&str; 16] = [
    "and", "or", "to", "the", "of", "in", "at", "on", "for", "with", "by", "from", "as", "is",
    "was", "were",
];

pub fn is_digit(grapheme: &str) -> bool {
    grapheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

pub fn is_unit(grapheme: &str) -> bool {
    grapheme.chars().count() == 1 && UNITS.contains(grapheme)
}

fn is_month(word: &Word<'_>) -> bool {
    let text = word.text();
    let name = text.trim_end_matches(|c: char| !c.is_alphabetic());
    (1..=12)
        .filter_map(|n| chrono::Month::try_from(n).ok())
        .any(|month| month.name() == name)
}

/// A word a number before it may count: `places`, `people`, `kilowatts`.
fn counted(word: &Word<'_>) -> bool {
    let lowercase = word.first().chars().next().is_some_and(char::is_lowercase);
    lowercase && !FUNCTION_WORDS.contains(&word.text().trim_end_matches([',', '.', ';', ':']))
}

/// How a word hangs on the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Glue {
    /// The line may break before it.
    #[default]
    Free,
    /// The next part of a date (`9月|2日|电`, `September|1`): parted only when the whole
    /// date is wider than a line.
    Loose,
    /// A number's unit (`313|项`, `100|亿|元`, `10,000|places`): parted only when the
    /// number and its unit alone are wider than a line.
    Tight,
}

impl Glue {
    pub fn holds(self) -> bool {
        self != Glue::Free
    }
}

/// A year counts nothing: `2024 visit` may part.
fn is_year(word: &Word<'_>) -> bool {
    let text = word.text();
    text.len() == 4
        && text
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

/// How `next` hangs on `previous` (whose own glue is already known).
fn glue(previous: &Word<'_>, next: &Word<'_>) -> Glue {
    let (last, first) = (previous.last(), next.first());
    let number = is_digit(last);
    let held = previous.glue.holds();
    let tight = if next.spaced {
        let counts = number && !is_year(previous) && counted(next);
        let magnitude =
            held && ENGLISH_MAGNITUDES.contains(&previous.text().as_str()) && counted(next);
        let currency = CURRENCIES.contains(&previous.text().as_str()) && is_digit(first);
        counts || magnitude || currency
    } else {
        let unit_after_unit = held
            && is_unit(first)
            && (MAGNITUDES.contains(last) || COMPOUNDS.contains(&(last, first)));
        (number && is_unit(first)) || unit_after_unit
    };
    // `9月2日电`: the day belongs to its month, the dateline's 电 to its day;
    // `1 September 2025`, `July 2024`.
    let loose = if next.spaced {
        (number && is_month(next)) || (is_month(previous) && is_digit(first))
    } else {
        held && ((last == "月" && is_digit(first)) || (last == "日" && first == "电"))
    };
    match (tight, loose) {
        (true, _) => Glue::Tight,
        (false, true) => Glue::Loose,
        _ => Glue::Free,
    }
}

/// Sets `glue` on every word after the first.
pub(super) fn mark(words: &mut [Word<'_>]) {
    for i in 1..words.len() {
        let glue = glue(&words[i - 1], &words[i]);
        words[i].glue = glue;
    }
}

#[cfg(test)]
mod tests {
    use super::super::units::units;

    use super::Glue;

    /// The words, with `+` before each tightly glued one and `~` before a loosely glued one.
    fn marked(text: &str) -> String {
        units(text)
            .iter()
            .map(|w| {
                let lead = match (w.glue, w.spaced) {
                    (Glue::Tight, _) => "+",
                    (Glue::Loose, _) => "~",
                    (Glue::Free, true) => " ",
                    (Glue::Free, false) => "|",
                };
                format!("{lead}{}", w.text())
            })
            .collect()
    }

    #[test]
    fn chinese_numbers_keep_their_units() {
        assert_eq!(marked("共313项。"), "|共|313+项。");
        assert_eq!(marked("发放100亿元人民币"), "|发|放|100+亿+元|人|民|币");
        assert_eq!(marked("1000万千瓦"), "|1000+万+千+瓦");
        assert_eq!(marked("100多个国家"), "|100+多+个|国|家");
        assert_eq!(marked("3个月"), "|3+个+月");
        assert_eq!(marked("10亿美元"), "|10+亿+美+元");
    }

    #[test]
    fn dates_and_datelines_are_one_piece() {
        assert_eq!(marked("天津9月2日电"), "|天|津|9+月~2+日~电");
        // A year may end a line before its month.
        assert_eq!(marked("2025年9月"), "|2025+年|9+月");
    }

    #[test]
    fn english_numbers_keep_the_word_they_count() {
        assert_eq!(marked("10,000 places"), "|10,000+places");
        assert_eq!(marked("1.5 billion yuan now"), "|1.5+billion+yuan now");
        assert_eq!(marked("RMB 2 billion of"), "|RMB+2+billion of");
        assert_eq!(marked("on 1 September 2025"), "|on 1~September~2025");
        assert_eq!(marked("2025 SCO"), "|2025 SCO");
        assert_eq!(marked("in 2025 and"), "|in 2025 and");
        assert_eq!(marked("July 2024 visit"), "|July~2024 visit");
    }

    #[test]
    fn a_number_before_other_text_is_free() {
        assert_eq!(marked("2025上海"), "|2025|上|海");
        assert_eq!(marked("（2025）年"), "|（2025）|年");
    }
}
