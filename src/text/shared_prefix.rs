//! Rows that begin alike ("中方将成立中国—上海合作组织能源合作平台", "…绿色产业合作平台")
//! look identical once cut to a column. What tells each apart is what follows the longest
//! beginning it shares with another text: the list shows that, after an ellipsis.

/// Shared beginnings shorter than this many characters are kept: they are part of reading
/// the row (中方将…). Latin words are longer than ideographs ("China will …").
const LEAST_SHARED: usize = 6;
const LEAST_SHARED_LATIN: usize = 16;
/// What must remain after the cut for it to be worth making.
const LEAST_LEFT: usize = 4;

/// For each text, where (in chars) its distinguishing part starts: after the longest
/// beginning it shares with any other text, cut back to a word's start in Latin text; 0 when
/// the shared beginning is short or little would be left. O(n log n) in the number of texts.
pub fn distinguishing_starts(texts: &[&str]) -> Vec<usize> {
    let chars: Vec<Vec<char>> = texts.iter().map(|t| t.chars().collect()).collect();
    let mut order: Vec<usize> = (0..texts.len()).collect();
    order.sort_by(|&a, &b| chars[a].cmp(&chars[b]));
    let common = |a: usize, b: usize| {
        chars[a]
            .iter()
            .zip(&chars[b])
            .take_while(|(x, y)| x == y)
            .count()
    };
    let mut shared = vec![0; texts.len()];
    // The longest beginning a text shares with any other is shared with a neighbour in
    // sorted order.
    for pair in order.windows(2) {
        let length = common(pair[0], pair[1]);
        shared[pair[0]] = shared[pair[0]].max(length);
        shared[pair[1]] = shared[pair[1]].max(length);
    }
    shared
        .iter()
        .zip(&chars)
        .map(|(&length, text)| {
            // In text that spaces its words (Latin, Cyrillic), back to the start of the word
            // the shared part ends in.
            let mut start = length;
            let latin = text[..start].iter().any(|&c| spaces_words(c));
            if latin {
                while start > 0 && !text[start - 1].is_whitespace() {
                    start -= 1;
                }
            }
            let least = if latin {
                LEAST_SHARED_LATIN
            } else {
                LEAST_SHARED
            };
            let worth = start >= least && text.len() - start >= LEAST_LEFT;
            if worth { start } else { 0 }
        })
        .collect()
}

/// A letter of a script that puts spaces between its words: Latin, Greek, Cyrillic (any
/// letter before the CJK blocks).
fn spaces_words(c: char) -> bool {
    c.is_alphabetic() && c < '\u{2e80}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_is_cut_back_to_a_word_start() {
        let texts = [
            "Китай построит в государствах-членах 10 мастерских Лубань",
            "Китай предоставит 10 000 мест для подготовки кадров",
        ];
        let starts = distinguishing_starts(&texts);
        let shown: Vec<String> = texts
            .iter()
            .zip(starts)
            .map(|(t, s)| t.chars().skip(s).collect())
            .collect();
        // "Китай п" is shared; too short to cut, so both read whole.
        assert_eq!(shown[0], texts[0]);
        let long = [
            "Китай вместе с другими странами ШОС построит",
            "Китай вместе с другими странами ШОС предоставит",
        ];
        let starts = distinguishing_starts(&long);
        let cut: String = long[0].chars().skip(starts[0]).collect();
        assert_eq!(cut, "построит");
    }

    #[test]
    fn rows_that_begin_alike_keep_what_tells_them_apart() {
        let texts = [
            "中方将成立中国—上海合作组织能源合作平台",
            "中方将成立中国—上海合作组织绿色产业合作平台",
            "中方欢迎各方使用北斗卫星导航系统",
        ];
        let starts = distinguishing_starts(&texts);
        let tail = |i: usize| texts[i].chars().skip(starts[i]).collect::<String>();
        assert_eq!(tail(0), "能源合作平台");
        assert_eq!(tail(1), "绿色产业合作平台");
        assert_eq!(starts[2], 0, "shares only 中方: kept whole");
    }

    #[test]
    fn latin_text_is_cut_at_a_word() {
        let texts = [
            "China will establish a China-SCO Energy Cooperation Platform",
            "China will establish a China-SCO Green Industry Cooperation Platform",
        ];
        let starts = distinguishing_starts(&texts);
        let tail: String = texts[0].chars().skip(starts[0]).collect();
        assert_eq!(tail, "Energy Cooperation Platform");
        // Two words in common are part of reading the row.
        assert_eq!(
            distinguishing_starts(&["China will build schools", "China will train doctors"]),
            [0, 0]
        );
    }

    #[test]
    fn one_text_or_none_is_kept_whole() {
        assert_eq!(distinguishing_starts(&["只有一条"]), [0]);
        assert!(distinguishing_starts(&[]).is_empty());
        // A text that is another's beginning keeps its whole self.
        assert_eq!(
            distinguishing_starts(&["上海合作组织峰会", "上海合作组织峰会文件"]),
            [0, 0]
        );
    }
}
