//! Quotation marks by a language's rules. Russian quotes with «ёлочки», and a quotation
//! inside a quotation with „лапки“: «Развивая „Шанхайский дух“: ШОС в действии».

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
}
