//! Matching a query against Chinese text the way people type without a Chinese input method:
//! Chinese substrings, full pinyin without tones (`tianjin`), initials (`tjfh` for 天津峰会),
//! mixtures (`鲁班gf`, `lubangongfang`), every reading of a polyphonic character (`cq` and `zq`
//! for 重庆), English, Russian (in any case, ё as е) and numbers, and a fuzzy fallback. Pure
//! functions; the app builds the prepared texts once at load.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use pinyin::ToPinyinMulti;

/// The longest query searched, in characters: the search line's cap, and the cut made to a
/// query from anywhere else (a paste, the command line), so that one query's work is bounded.
pub const MAX_QUERY_CHARS: usize = 256;

/// How a text matched, best last (so tiers compare with `>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Letters in order with gaps (nucleo): a loose match.
    Fuzzy,
    /// Pinyin initials, alone or mixed with characters or full syllables.
    Initials,
    /// Full pinyin syllables (or characters and syllables).
    Pinyin,
    /// The query as it is, inside a word of the text.
    Contains,
    /// The text, or a word of it, starts with the query (as typed, or in pinyin).
    Prefix,
    /// The whole text is the query, or the query is a whole word of it (`putin` in
    /// "Vladimir Putin").
    Exact,
}

impl Tier {
    /// Whether a match of this tier is loose: letters found in order with gaps, which may
    /// be chance. Shown marked, and never ranked before a match of another tier.
    pub fn is_loose(self) -> bool {
        self == Tier::Fuzzy
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub tier: Tier,
    /// Higher is better within a tier.
    pub score: u32,
    /// The match covers the whole text (of any tier: `tjfh` for 天津峰会).
    pub whole: bool,
    /// The match is a whole word of the text: nothing joins it on either side (`lbgf` for
    /// the quoted term in 建设10所“鲁班工坊”, not for the run in 首个鲁班工坊在泰国落成).
    pub word: bool,
    span: Span,
}

/// The characters matched: a run (no allocation, the common case) or scattered (fuzzy).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Span {
    Run(usize, usize),
    Scattered(Vec<usize>),
}

impl Match {
    /// The characters (by index into the text's chars) the query matched, in order.
    pub fn positions(&self) -> Vec<usize> {
        match &self.span {
            Span::Run(start, end) => (*start..*end).collect(),
            Span::Scattered(positions) => positions.clone(),
        }
    }
}

/// A text made ready for matching: lowercased characters, their readings, and a mask of the
/// letters and digits they can stand for.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub text: String,
    chars: Vec<char>,
    readings: Vec<Vec<&'static str>>,
    /// Letters and digits the text or its readings hold.
    mask: u64,
    /// Letters and digits the text itself holds (what fuzzy matching can use).
    plain_mask: u64,
    /// Which initials follow which on adjacent characters: bit `a * 26 + b` when a character
    /// that can start with letter `a` is followed by one that can start with `b`.
    pairs: [u64; 11],
}

/// The letters a character can start a syllable with: itself if a letter, else the first
/// letters of its readings.
fn initials(c: char, readings: &[&'static str]) -> u32 {
    let mut set = if c.is_ascii_lowercase() {
        1 << (c as u32 - 'a' as u32)
    } else {
        0
    };
    for reading in readings {
        if let Some(&b) = reading.as_bytes().first() {
            set |= 1 << u32::from(b - b'a');
        }
    }
    set
}

fn letter_index(c: char) -> Option<usize> {
    c.is_ascii_lowercase().then(|| (c as u8 - b'a') as usize)
}

fn bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ => 0,
    }
}

/// The most letters of a query one character's reading can take ("zhuang").
const LONGEST_READING: usize = 6;

/// The longest text (in characters) a query matches with letters scattered through it.
const FUZZY_MAX_CHARS: usize = 48;

/// A character as search compares it: lowercased (Latin, Cyrillic, Greek alike), and ё as е,
/// since Russian writes ё as е as often as not (Шелкового, Шёлкового).
fn fold(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'ё' => 'е',
        lower => lower,
    }
}

impl Prepared {
    pub fn new(text: &str) -> Prepared {
        let chars: Vec<char> = text.chars().map(fold).collect();
        let readings: Vec<Vec<&'static str>> = chars
            .iter()
            .map(|c| {
                c.to_pinyin_multi().map_or(Vec::new(), |multi| {
                    let mut all: Vec<&'static str> = multi.into_iter().map(|p| p.plain()).collect();
                    all.dedup();
                    all
                })
            })
            .collect();
        let plain_mask = chars.iter().map(|c| bit(*c)).fold(0, |a, b| a | b);
        let mut mask = plain_mask;
        for reading in readings.iter().flatten() {
            mask |= reading.chars().map(bit).fold(0, |a, b| a | b);
        }
        let mut pairs = [0u64; 11];
        let sets: Vec<u32> = chars
            .iter()
            .zip(&readings)
            .map(|(c, r)| initials(*c, r))
            .collect();
        for pair in sets.windows(2) {
            for a in (0..26).filter(|a| pair[0] & (1 << a) != 0) {
                for b in (0..26).filter(|b| pair[1] & (1 << b) != 0) {
                    let bit = a * 26 + b;
                    pairs[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        Prepared {
            text: text.to_string(),
            chars,
            readings,
            mask,
            plain_mask,
            pairs,
        }
    }

    pub fn char_count(&self) -> usize {
        self.chars.len()
    }
}

#[derive(Debug, Clone)]
pub struct Query {
    /// Lowercased, as typed (spaces kept) for matching the text as it is.
    typed: Vec<char>,
    /// Lowercased, without spaces, for pinyin.
    compact: Vec<char>,
    mask: u64,
    han: Vec<char>,
    pattern: Pattern,
    /// Whether a pinyin match must span several characters (see `spans_syllables`).
    multi_syllable: bool,
}

impl Query {
    /// `None` for a query with nothing to search for. A query longer than
    /// [`MAX_QUERY_CHARS`] is cut to it.
    pub fn new(text: &str) -> Option<Query> {
        let text = cut(text.trim());
        let typed: Vec<char> = text.trim().chars().map(fold).collect();
        let compact: Vec<char> = typed
            .iter()
            .copied()
            .filter(|c| !c.is_whitespace())
            .collect();
        if compact.is_empty() {
            return None;
        }
        let mask = compact.iter().map(|c| bit(*c)).fold(0, |a, b| a | b);
        let han = compact
            .iter()
            .copied()
            .filter(|c| c.to_pinyin_multi().is_some())
            .collect();
        let pattern = Pattern::new(
            text.trim(),
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let multi_syllable = multi_syllable(&compact);
        Some(Query {
            typed,
            compact,
            mask,
            han,
            pattern,
            multi_syllable,
        })
    }

    /// How many characters the query searches for (after the cut to [`MAX_QUERY_CHARS`]).
    pub fn len(&self) -> usize {
        self.typed.len()
    }

    /// Never true: a query without anything to search for is not made.
    pub fn is_empty(&self) -> bool {
        self.typed.is_empty()
    }

    /// How `text` matches, if it does.
    pub fn matches(&self, text: &Prepared) -> Option<Match> {
        // Every letter of the query must be a letter of the text or of a reading of it, and
        // every character must be in it: most texts fail here, cheaply.
        if self.mask & !text.mask != 0 || self.han.iter().any(|h| !text.chars.contains(h)) {
            return None;
        }
        self.as_typed(text)
            .or_else(|| self.pinyin(text))
            .or_else(|| {
                // Letters in order with gaps help with names, and need those letters in the text
                // itself; with digits alone they find noise.
                let letters = self.compact.iter().any(char::is_ascii_alphabetic);
                let possible = self.mask & !text.plain_mask == 0;
                // In a sentence of English, letters in order turn up by chance ("putin" in
                // "put … in"): only names and titles are short enough for a scattered match
                // to mean something.
                let short = text.chars.len() <= FUZZY_MAX_CHARS;
                (letters && possible && short)
                    .then(|| self.fuzzy(text))
                    .flatten()
            })
    }

    /// Convenience for one-off matching (highlighting a line).
    pub fn find(&self, text: &str) -> Option<Match> {
        self.matches(&Prepared::new(text))
    }

    /// The query as typed inside the text: its best place, where a place that is a whole
    /// word beats one that starts a word, which beats one inside a word; then the earliest.
    fn as_typed(&self, text: &Prepared) -> Option<Match> {
        let n = self.typed.len();
        let first = self.typed[0];
        let last_start = text.chars.len().checked_sub(n)?;
        let mut best: Option<(Tier, usize)> = None;
        for start in (0..=last_start)
            .filter(|&i| text.chars[i] == first && text.chars[i..i + n] == self.typed[..])
        {
            let tier = self.tier_at(text, start);
            if best.is_none_or(|(b, _)| tier > b) {
                best = Some((tier, start));
            }
            if tier == Tier::Exact {
                break;
            }
        }
        let (tier, start) = best?;
        Some(Match {
            tier,
            score: position_score(start),
            whole: start == 0 && n == text.chars.len(),
            word: tier == Tier::Exact,
            span: Span::Run(start, start + n),
        })
    }

    /// The tier of the query found as typed at `start`: a whole word (or the whole text) is
    /// exact, the start of a word (or of the text) a prefix.
    fn tier_at(&self, text: &Prepared, start: usize) -> Tier {
        let end = start + self.typed.len();
        match (open_before(text, start), open_after(text, end)) {
            (true, true) => Tier::Exact,
            (true, false) => Tier::Prefix,
            _ => Tier::Contains,
        }
    }

    /// Whether a pinyin match could span several characters only (so two adjacent
    /// characters must start with the query's first letter and one of its later letters).
    fn spans_syllables(&self) -> bool {
        self.multi_syllable
    }

    /// The adjacent-initials check for queries that must span syllables.
    fn pairs_possible(&self, text: &Prepared) -> bool {
        let Some(first) = letter_index(self.compact[0]) else {
            return true;
        };
        self.compact[1..]
            .iter()
            .filter_map(|c| letter_index(*c))
            .any(|next| {
                let bit = first * 26 + next;
                text.pairs[bit / 64] & (1 << (bit % 64)) != 0
            })
    }

    fn pinyin(&self, text: &Prepared) -> Option<Match> {
        // A character takes at most its longest reading of the query (six letters, "zhuang"):
        // a longer query cannot match, and walking it (a page pasted into the search line)
        // would cost its length times the text's.
        if self.compact.len() > LONGEST_READING * text.chars.len() {
            return None;
        }
        if self.spans_syllables() && !self.pairs_possible(text) {
            return None;
        }
        let first = self.compact[0];
        // Only where the query's first character can be taken does a walk start.
        let can_start = |t: usize| {
            text.chars[t] == first
                || text.readings[t]
                    .iter()
                    .any(|r| r.as_bytes()[0] == first as u8 && first.is_ascii())
        };
        let mut starts = (0..text.chars.len()).filter(|&t| can_start(t)).peekable();
        starts.peek()?;
        let mut best: Option<(usize, usize, bool)> = None;
        MEMO.with(|memo| {
            let mut memo = memo.borrow_mut();
            let mut walk = Walk::new(&self.compact, text, &mut memo);
            for start in starts {
                if let Some((end, initials)) = walk.from(0, start) {
                    let better = match best {
                        None => true,
                        Some((_, _, best_initials)) => best_initials && !initials,
                    };
                    if better {
                        best = Some((start, end, initials));
                    }
                    if !initials {
                        break;
                    }
                }
            }
        });
        let (start, end, initials) = best?;
        let tier = match (initials, start) {
            (true, _) => Tier::Initials,
            (false, 0) => Tier::Prefix,
            (false, _) => Tier::Pinyin,
        };
        Some(Match {
            tier,
            score: position_score(start),
            whole: start == 0 && end == text.chars.len(),
            word: open_before(text, start) && open_after(text, end),
            span: Span::Run(start, end),
        })
    }

    fn fuzzy(&self, text: &Prepared) -> Option<Match> {
        let mut buf = Vec::new();
        let mut indices = Vec::new();
        let haystack = Utf32Str::new(&text.text, &mut buf);
        // A matcher is costly to make (its scratch space), so each thread keeps one.
        let score = MATCHER.with(|matcher| {
            let mut matcher = matcher.borrow_mut();
            let matcher = matcher.get_or_insert_with(|| Matcher::new(Config::DEFAULT));
            self.pattern.indices(haystack, matcher, &mut indices)
        })?;
        indices.sort_unstable();
        indices.dedup();
        Some(Match {
            tier: Tier::Fuzzy,
            score,
            whole: false,
            word: false,
            span: Span::Scattered(indices.into_iter().map(|i| i as usize).collect()),
        })
    }
}

/// Whether a word can start at `start`: a letter or digit there does not follow another (a
/// word ends where a letter or digit meets something else; Chinese runs on without spaces,
/// so within Chinese only the ends of the text and punctuation bound one).
fn open_before(text: &Prepared, start: usize) -> bool {
    start == 0 || !joined(text.chars[start - 1], text.chars[start])
}

/// Whether a word can end just before `end` (`end > 0`).
fn open_after(text: &Prepared, end: usize) -> bool {
    end == text.chars.len() || !joined(text.chars[end - 1], text.chars[end])
}

fn joined(a: char, b: char) -> bool {
    a.is_alphanumeric() && b.is_alphanumeric()
}

/// `text` cut to [`MAX_QUERY_CHARS`] characters: what a query searches for.
pub fn cut(text: &str) -> &str {
    match text.char_indices().nth(MAX_QUERY_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// A key that orders Chinese text as Chinese readers expect: by pinyin (first reading),
/// other characters as they are, lowercased.
pub fn pinyin_key(text: &str) -> String {
    let mut key = String::new();
    for c in text.chars() {
        match pinyin::ToPinyin::to_pinyin(&c) {
            Some(p) => {
                key.push_str(p.plain());
                key.push(' ');
            }
            None => key.push(fold(c)),
        }
    }
    key
}

/// Whether pinyin letters can only match across several characters: more letters than the
/// longest syllable has, or no vowel at all (but for the vowelless syllables 嗯 ng, 呣 m,
/// 哼 hng, 噷 hm).
fn multi_syllable(compact: &[char]) -> bool {
    let letters = compact.iter().all(char::is_ascii_lowercase);
    let vowels = compact.iter().any(|c| "aeiouv".contains(*c));
    let word: String = compact.iter().collect();
    let vowelless_syllable = matches!(word.as_str(), "ng" | "hm" | "hng");
    letters && compact.len() >= 2 && (compact.len() > 6 || (!vowels && !vowelless_syllable))
}

/// Earlier matches rank higher.
fn position_score(start: usize) -> u32 {
    u32::MAX - start as u32
}

/// Consumes the query through the text one character at a time: each character takes the
/// query as itself, as any full reading, as a reading's initial (z/zh, c/ch, s/sh), or, at
/// the very end of the query, as the start of a reading (typing in progress). Remembers
/// every (query position, text position) it has tried.
struct Walk<'a> {
    query: &'a [char],
    text: &'a Prepared,
    memo: &'a mut Memo,
}

/// The walk's memory, kept between texts: an entry counts only if it carries the current
/// generation, so starting a new text costs nothing (no table to clear per text).
#[derive(Default)]
struct Memo {
    generation: u32,
    entries: Vec<(u32, u32)>,
}

const NO_MATCH: u32 = u32::MAX;

impl Memo {
    fn start(&mut self, size: usize) {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            // Wrapped: old entries could look current again.
            self.entries.iter_mut().for_each(|e| *e = (0, 0));
            self.generation = 1;
        }
        if self.entries.len() < size {
            self.entries.resize(size, (0, 0));
        }
    }
}

thread_local! {
    static MATCHER: std::cell::RefCell<Option<Matcher>> = const { std::cell::RefCell::new(None) };
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

impl<'a> Walk<'a> {
    fn new(query: &'a [char], text: &'a Prepared, memo: &'a mut Memo) -> Self {
        memo.start((query.len() + 1) * (text.chars.len() + 1));
        Walk { query, text, memo }
    }

    /// Where a contiguous match of `query[q..]` starting at text position `t` ends, and
    /// whether it used initials. Full readings are preferred to initials.
    fn from(&mut self, q: usize, t: usize) -> Option<(usize, bool)> {
        if q == self.query.len() {
            return Some((t, false));
        }
        if t == self.text.chars.len() {
            return None;
        }
        let key = q * (self.text.chars.len() + 1) + t;
        let (generation, value) = self.memo.entries[key];
        if generation == self.memo.generation {
            return (value != NO_MATCH).then_some(((value >> 1) as usize, value & 1 == 1));
        }
        let result = self.step(q, t);
        let value = result.map_or(NO_MATCH, |(end, initials)| {
            ((end as u32) << 1) | u32::from(initials)
        });
        self.memo.entries[key] = (self.memo.generation, value);
        result
    }

    fn step(&mut self, q: usize, t: usize) -> Option<(usize, bool)> {
        // Copies of the shared references, so the readings stay borrowed while `self.from`
        // takes `&mut self` for the memo.
        let (query, text) = (self.query, self.text);
        let rest = &query[q..];
        let mut initials: Option<(usize, bool)> = None;
        let mut take = |found: Option<(usize, bool)>, via_initial: bool| -> Option<(usize, bool)> {
            match found {
                Some((end, false)) if !via_initial => Some((end, false)),
                Some((end, _)) => {
                    initials.get_or_insert((end, true));
                    None
                }
                None => None,
            }
        };
        if rest[0] == text.chars[t]
            && let Some(full) = take(self.from(q + 1, t + 1), false)
        {
            return Some(full);
        }
        let readings = &text.readings[t];
        for reading in readings {
            let letters = reading.as_bytes();
            if starts_with(rest, letters) {
                if let Some(full) = take(self.from(q + letters.len(), t + 1), false) {
                    return Some(full);
                }
            } else if rest.len() > 1 && starts_with_chars(letters, rest) {
                // The query ends partway through this syllable: "tianj" for 天津.
                return Some((t + 1, false));
            }
        }
        for reading in readings {
            let letters = reading.as_bytes();
            let double = letters.len() >= 2 && matches!(&letters[..2], b"zh" | b"ch" | b"sh");
            if double && starts_with(rest, &letters[..2]) {
                let _ = take(self.from(q + 2, t + 1), true);
            }
            if starts_with(rest, &letters[..1]) {
                let _ = take(self.from(q + 1, t + 1), true);
            }
        }
        initials
    }
}

/// Whether the query (chars) starts with these ASCII letters.
fn starts_with(query: &[char], letters: &[u8]) -> bool {
    letters.len() <= query.len() && letters.iter().zip(query).all(|(&b, &c)| char::from(b) == c)
}

/// Whether these ASCII letters start with the whole query (chars).
fn starts_with_chars(letters: &[u8], query: &[char]) -> bool {
    query.len() <= letters.len() && letters.iter().zip(query).all(|(&b, &c)| char::from(b) == c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(query: &str, text: &str) -> Option<Tier> {
        Query::new(query)?.find(text).map(|m| m.tier)
    }

    #[test]
    fn cyrillic_matches_in_any_case_and_yo_as_ye() {
        // A whole word of the text, in any case.
        for query in ["путин", "Путин", "ПУТИН", "пУтИн"] {
            assert_eq!(tier(query, "Владимир Путин"), Some(Tier::Exact), "{query}");
        }
        assert_eq!(tier("ТЯНЬЦЗИНЬ", "Тяньцзинь"), Some(Tier::Exact));
        assert_eq!(tier("тяньцз", "Тяньцзиньский саммит"), Some(Tier::Prefix));
        assert_eq!(tier("путин", "Путиным"), Some(Tier::Prefix));
        assert_eq!(tier("утин", "Путиным"), Some(Tier::Contains));
        // ё as е, either way round.
        let silk = "Экономический пояс Шёлкового пути";
        assert_eq!(tier("шелкового", silk), Some(Tier::Exact));
        assert_eq!(
            tier("ШЁЛКОВОГО", &silk.replace('ё', "е")),
            Some(Tier::Exact)
        );
        assert_eq!(tier("пётр", "Петр"), Some(Tier::Exact));
        // The match is shown on the text's own letters.
        let m = Query::new("шелк").unwrap().find("Шёлк").unwrap();
        assert_eq!(m.positions(), [0, 1, 2, 3]);
        assert_eq!(tier("медведев", "Владимир Путин"), None);
    }

    fn matched(query: &str, text: &str) -> Option<String> {
        let m = Query::new(query)?.find(text)?;
        let chars: Vec<char> = text.chars().collect();
        Some(m.positions().iter().map(|&i| chars[i]).collect())
    }

    #[test]
    fn chinese_substrings_match_as_typed() {
        assert_eq!(
            tier("天津峰会", "上海合作组织天津峰会"),
            Some(Tier::Contains)
        );
        assert_eq!(
            matched("天津峰会", "上海合作组织天津峰会").as_deref(),
            Some("天津峰会")
        );
        assert_eq!(tier("上海", "上海合作组织"), Some(Tier::Prefix));
        assert_eq!(tier("天津", "天津"), Some(Tier::Exact));
    }

    #[test]
    fn a_query_longer_than_any_reading_of_the_text_is_not_walked() {
        // Six letters a character at most: the longest pinyin still matches…
        assert_eq!(matched("zhuangshuang", "壮双").as_deref(), Some("壮双"));
        // …and a pasted page does not match, nor cost its length times the text's.
        let page = "x".repeat(64 * 1024);
        let text = "习近平在上海合作组织成员国元首理事会第二十五次会议上讲话".repeat(10);
        assert_eq!(tier(&page, &text), None);
    }

    #[test]
    fn full_pinyin_without_tones() {
        assert_eq!(
            matched("tianjin", "在中国天津举行").as_deref(),
            Some("天津")
        );
        assert_eq!(tier("tianjin", "在中国天津举行"), Some(Tier::Pinyin));
        assert_eq!(
            matched("lubangongfang", "10所“鲁班工坊”").as_deref(),
            Some("鲁班工坊")
        );
        assert_eq!(
            matched("tianj", "天津峰会").as_deref(),
            Some("天津"),
            "a syllable being typed"
        );
    }

    #[test]
    fn initials_and_mixtures() {
        assert_eq!(
            matched("tjfh", "上海合作组织天津峰会").as_deref(),
            Some("天津峰会")
        );
        assert_eq!(tier("tjfh", "上海合作组织天津峰会"), Some(Tier::Initials));
        assert_eq!(
            matched("lbgf", "建设10所“鲁班工坊”").as_deref(),
            Some("鲁班工坊")
        );
        assert_eq!(
            matched("鲁班gf", "建设10所“鲁班工坊”").as_deref(),
            Some("鲁班工坊")
        );
        assert_eq!(
            matched("zhongguo", "中国—上海合作组织").as_deref(),
            Some("中国")
        );
        assert_eq!(
            matched("shhz", "上海合作组织").as_deref(),
            Some("上海合作"),
            "sh as an initial"
        );
    }

    #[test]
    fn polyphonic_characters_match_on_every_reading() {
        assert_eq!(matched("cq", "从重庆经新疆出发").as_deref(), Some("重庆"));
        assert_eq!(matched("zq", "从重庆经新疆出发").as_deref(), Some("重庆"));
        assert_eq!(
            matched("chongqing", "从重庆经新疆出发").as_deref(),
            Some("重庆")
        );
        assert_eq!(matched("yh", "银行联合体").as_deref(), Some("银行"));
    }

    #[test]
    fn english_and_numbers() {
        assert_eq!(tier("kazakhstan", "Kazakhstan"), Some(Tier::Exact));
        assert_eq!(
            matched("5000", "实施5000例白内障手术").as_deref(),
            Some("5000")
        );
        assert_eq!(
            tier("SCO summit", "2025 SCO Summit, Tianjin"),
            Some(Tier::Exact),
            "whole words"
        );
    }

    #[test]
    fn a_whole_word_is_exact_the_start_of_one_a_prefix() {
        assert_eq!(tier("putin", "Vladimir Putin"), Some(Tier::Exact));
        assert_eq!(tier("vlad", "Vladimir Putin"), Some(Tier::Prefix));
        assert_eq!(tier("put", "Vladimir Putin"), Some(Tier::Prefix));
        assert_eq!(tier("utin", "Vladimir Putin"), Some(Tier::Contains));
        // The best place wins, not the first: "putin" inside "input" comes first here.
        assert_eq!(tier("putin", "inputing, by Putin"), Some(Tier::Exact));
        // Chinese runs on without spaces: only the text's ends and punctuation bound a word.
        assert_eq!(tier("普京", "俄罗斯总统普京"), Some(Tier::Contains));
        assert_eq!(tier("鲁班工坊", "建设10所“鲁班工坊”"), Some(Tier::Exact));
        assert_eq!(
            tier("鲁班工坊", "首个鲁班工坊在泰国落成"),
            Some(Tier::Contains)
        );
    }

    #[test]
    fn a_match_says_whether_it_covers_the_text_or_a_whole_word() {
        let found = |query: &str, text: &str| {
            let m = Query::new(query).unwrap().find(text).unwrap();
            (m.whole, m.word)
        };
        assert_eq!(found("普京", "普京"), (true, true));
        assert_eq!(found("putin", "Vladimir Putin"), (false, true));
        assert_eq!(found("tjfh", "天津峰会"), (true, true));
        assert_eq!(
            found("tjfh", "2025年上海合作组织峰会（天津峰会）"),
            (false, true)
        );
        assert_eq!(
            found("tjfh", "天津峰会前习近平会见古特雷斯"),
            (false, false)
        );
        assert_eq!(found("lbgf", "建设10所“鲁班工坊”"), (false, true));
        assert_eq!(found("kzkstn", "Kazakhstan"), (false, false), "loose");
    }

    #[test]
    fn a_pasted_page_is_searched_by_its_start() {
        let page = "天津".repeat(30_000);
        let query = Query::new(&page).expect("query");
        assert_eq!(query.len(), MAX_QUERY_CHARS);
        assert_eq!(cut(&page).chars().count(), MAX_QUERY_CHARS);
        assert_eq!(cut("天津"), "天津");
        assert!(query.find("天津峰会").is_none());
        assert!(
            Query::new(&"天津".repeat(64))
                .unwrap()
                .find(&"天津".repeat(64))
                .is_some()
        );
    }

    #[test]
    fn fuzzy_is_the_last_resort() {
        assert_eq!(tier("kzkstn", "Kazakhstan"), Some(Tier::Fuzzy));
        assert_eq!(
            tier(
                "putin",
                "Put the four security centres in place, said the minister in charge"
            ),
            None,
            "letters scattered through a sentence are chance"
        );
        assert_eq!(matched("kzkstn", "Kazakhstan").as_deref(), Some("Kzkstn"));
        assert_eq!(tier("xyz", "上海合作组织"), None);
    }

    #[test]
    fn tiers_rank_exact_over_prefix_over_initials_over_fuzzy() {
        assert!(Tier::Exact > Tier::Prefix && Tier::Prefix > Tier::Contains);
        assert!(
            Tier::Contains > Tier::Pinyin
                && Tier::Pinyin > Tier::Initials
                && Tier::Initials > Tier::Fuzzy
        );
    }

    #[test]
    fn numbers_are_not_matched_fuzzily() {
        assert_eq!(tier("5000", "2024—2025年上海合作组织"), None);
    }

    #[test]
    fn names_sort_by_pinyin() {
        let mut names = vec!["乌兹别克斯坦", "阿塞拜疆", "马来西亚", "俄罗斯"];
        names.sort_by_key(|n| pinyin_key(n));
        assert_eq!(names, ["阿塞拜疆", "俄罗斯", "马来西亚", "乌兹别克斯坦"]);
    }

    #[test]
    fn queries_that_span_syllables_are_screened_by_adjacent_initials() {
        let query = Query::new("tjfh").expect("query");
        assert!(query.spans_syllables());
        assert!(query.pairs_possible(&Prepared::new("天津峰会")));
        assert!(
            !query.pairs_possible(&Prepared::new("峰会天")),
            "no t followed by j, f or h"
        );
        assert!(
            !Query::new("tian").expect("query").spans_syllables(),
            "one syllable"
        );
        assert!(
            !Query::new("ng").expect("query").spans_syllables(),
            "嗯 is one syllable"
        );
    }

    #[test]
    fn empty_queries_search_nothing() {
        assert!(Query::new("   ").is_none());
    }
}
