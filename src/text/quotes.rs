//! Quotation marks and dashes by Russian typography: «ёлочки» around a quotation, „лапки“
//! around one inside it (`«Развивая „Шанхайский дух“: ШОС в действии»`), and a no-break
//! space before a dash that stands between words, so no line starts with it.

/// `text` in Russian outer quotes, its own quotation marks turned into the inner ones.
pub fn ru_quoted(text: &str) -> String {
    format!("«{}»", ru_inner(text))
}

/// `text` with its quotation marks made inner ones, for a quotation that stands inside
/// another: « » and “ ” become „ “. A “ closes a quotation opened by „ (the Russian inner
/// pair) and opens one otherwise (the English pair).
pub fn ru_inner(text: &str) -> String {
    let mut open = false;
    text.chars()
        .map(|c| match c {
            '«' | '„' => {
                open = true;
                '„'
            }
            '»' | '”' => {
                open = false;
                '“'
            }
            '“' if open => {
                open = false;
                '“'
            }
            '“' => {
                open = true;
                '„'
            }
            other => other,
        })
        .collect()
}

/// `text` set by Russian rules: its quotations (in « », “ ”, „ “ or straight quotes) in
/// «ёлочки», those inside them in „лапки“, and a no-break space before a spaced dash (— –).
pub fn ru_typography(text: &str) -> String {
    // The marks that opened the quotations still open, innermost last.
    let mut open: Vec<char> = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let opens_here = previous.is_none_or(|p| p.is_whitespace() || "([{«„—–-/".contains(p));
        let closing = match c {
            '«' | '„' => false,
            '»' | '”' => true,
            // “ closes „ (Russian, German) and opens otherwise (English).
            '“' => open.last() == Some(&'„'),
            // A straight quote opens after a space or at the start, and closes after a word.
            '"' => !opens_here && !open.is_empty(),
            _ => {
                // A spaced dash keeps the word before it.
                if matches!(c, '—' | '–')
                    && out.ends_with(' ')
                    && chars.peek().is_none_or(|n| n.is_whitespace())
                {
                    out.pop();
                    out.push('\u{a0}');
                }
                out.push(c);
                previous = Some(c);
                continue;
            }
        };
        let mark = if closing {
            open.pop();
            if open.is_empty() { '»' } else { '“' }
        } else {
            open.push(c);
            if open.len() == 1 { '«' } else { '„' }
        };
        out.push(mark);
        previous = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_inside_a_quotation_takes_the_inner_marks() {
        assert_eq!(
            ru_quoted("Развивая «Шанхайский дух»: ШОС в действии"),
            "«Развивая „Шанхайский дух“: ШОС в действии»"
        );
        assert_eq!(ru_quoted("ШОС"), "«ШОС»");
        assert_eq!(ru_inner("“a” «b» „c“"), "„a“ „b“ „c“");
    }

    #[test]
    fn russian_typography_sets_quotes_by_depth_and_holds_dashes() {
        // Already right: unchanged.
        let right = "Инфографика «Развивая „Шанхайский дух“: ШОС в\u{a0}действии»";
        assert_eq!(ru_typography(right), right);
        // English quotes, straight quotes, quotes in quotes.
        assert_eq!(
            ru_typography("“SCO Plus” и «Китай — ШОС»"),
            "«SCO Plus» и «Китай\u{a0}— ШОС»"
        );
        assert_eq!(ru_typography("\"a \"b\" c\""), "«a „b“ c»");
        assert_eq!(ru_typography("«а «б» в»"), "«а „б“ в»");
        // A spaced dash, either kind, gets a no-break space before it; a hyphen or an unspaced
        // dash does not.
        assert_eq!(
            ru_typography("государств – членов, 2024—2025, научно-технический"),
            "государств\u{a0}– членов, 2024—2025, научно-технический"
        );
    }
}
