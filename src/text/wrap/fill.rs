//! Filling lines with words: greedy, a glued run (a number and its unit) kept on one line
//! when it fits on any, a word wider than the line split between its graphemes.

use super::glue::Glue;
use super::hyphenate;
use super::units::{Word, is_postfix, units};
use super::{is_closing, is_opening, widow};
use crate::text::width::grapheme_width;

/// A word as laid on a line.
#[derive(Debug, Clone)]
pub(super) struct Placed<'a> {
    pub graphemes: Vec<&'a str>,
    /// A space stands before it (dropped at the start of a line).
    pub spaced: bool,
    /// It belongs to the word before it (see `Word::glued`).
    pub glued: bool,
}

impl<'a> Placed<'a> {
    fn of(word: &Word<'a>) -> Self {
        Placed {
            graphemes: word.graphemes.clone(),
            spaced: word.spaced,
            glued: word.glue.holds(),
        }
    }

    /// A piece of a word split across lines.
    fn piece(graphemes: Vec<&'a str>) -> Self {
        Placed {
            graphemes,
            spaced: false,
            glued: false,
        }
    }

    pub fn width(&self) -> usize {
        cells_of(&self.graphemes)
    }
}

fn cells_of(graphemes: &[&str]) -> usize {
    graphemes.iter().map(|g| grapheme_width(g)).sum()
}

pub(super) type Line<'a> = Vec<Placed<'a>>;

/// The cells a line's words take, with the spaces between them.
pub(super) fn line_width(line: &[Placed<'_>]) -> usize {
    line.iter()
        .enumerate()
        .map(|(i, p)| p.width() + usize::from(i > 0 && p.spaced))
        .sum()
}

struct Lines<'a> {
    cells: usize,
    done: Vec<Line<'a>>,
    current: Line<'a>,
    used: usize,
}

impl<'a> Lines<'a> {
    /// The cells `word` needs on the current line, its space included.
    fn need(&self, spaced: bool, width: usize) -> usize {
        width + usize::from(spaced && !self.current.is_empty())
    }

    fn push(&mut self, word: &Word<'a>) {
        self.used += self.need(word.spaced, word.width());
        self.current.push(Placed::of(word));
    }

    fn break_line(&mut self) {
        if !self.current.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
            self.used = 0;
        }
    }

    /// Words glued together go on one line, the next one when this one is too full. A run
    /// wider than a whole line is laid part by part (a date's parts, each a number with its
    /// unit), and a part still too wide word by word.
    fn place_run(&mut self, run: &[Word<'a>]) {
        if self.place_whole(run) {
            return;
        }
        let mut start = 0;
        for end in 1..=run.len() {
            if end == run.len() || run[end].glue == Glue::Loose {
                let part = &run[start..end];
                if !self.place_whole(part) {
                    part.iter().for_each(|w| self.place_word(w));
                }
                start = end;
            }
        }
    }

    /// Puts the words on this line or the next, if they fit on one line.
    fn place_whole(&mut self, run: &[Word<'a>]) -> bool {
        let Some(first) = run.first() else {
            return true;
        };
        let inner: usize = run
            .iter()
            .enumerate()
            .map(|(i, w)| w.width() + usize::from(i > 0 && w.spaced))
            .sum();
        if self.used + self.need(first.spaced, inner) > self.cells {
            if inner > self.cells {
                return false;
            }
            self.break_line();
        }
        run.iter().for_each(|w| self.push(w));
        true
    }

    fn place_word(&mut self, word: &Word<'a>) {
        let width = word.width();
        if self.used + self.need(word.spaced, width) <= self.cells {
            self.push(word);
            return;
        }
        self.break_line();
        if width <= self.cells {
            self.push(word);
        } else {
            self.split(&word.graphemes);
        }
    }

    /// Breaks a word too wide for any line: a Russian one where Russian hyphenates it, each
    /// line but the last ending in a hyphen, each as full as it can be; what no point fits
    /// (and any other word) between graphemes.
    /// The current line is empty when this is called.
    fn split(&mut self, word: &[&'a str]) {
        let points = hyphenate::points(word);
        let cells = self.cells;
        let hyphen = grapheme_width(hyphenate::HYPHEN);
        let mut start = 0;
        while !points.is_empty() && cells_of(&word[start..]) > cells {
            let fits = points
                .iter()
                .filter(|&&point| point > start)
                .take_while(|&&point| cells_of(&word[start..point]) + hyphen <= cells)
                .last();
            let Some(&point) = fits else {
                break;
            };
            let mut piece = word[start..point].to_vec();
            piece.push(hyphenate::HYPHEN);
            self.done.push(vec![Placed::piece(piece)]);
            start = point;
        }
        self.split_graphemes(&word[start..]);
    }

    /// Breaks a word too wide for any line between its graphemes, still keeping closing marks
    /// (and a `+` that belongs to what precedes it) off the start of a line and opening marks
    /// off its end where the carried graphemes fit.
    /// The current line is empty when this is called.
    fn split_graphemes(&mut self, word: &[&'a str]) {
        let cells = self.cells;
        let mut current: Vec<&'a str> = Vec::new();
        for &grapheme in word {
            let w = grapheme_width(grapheme);
            if w > cells {
                continue; // cannot be shown at this width at all
            }
            if cells_of(&current) + w > cells {
                let mut carry: Vec<&'a str> = Vec::new();
                while let Some(&last) = current.last() {
                    let first = carry.first().copied().unwrap_or(grapheme);
                    let must_carry = is_closing(first) || is_postfix(first) || is_opening(last);
                    let fits = cells_of(&carry) + grapheme_width(last) + w <= cells;
                    if !must_carry || current.len() < 2 || !fits {
                        break;
                    }
                    current.pop();
                    carry.insert(0, last);
                }
                self.done.push(vec![Placed::piece(current)]);
                current = carry;
            }
            current.push(grapheme);
        }
        self.used = cells_of(&current);
        if !current.is_empty() {
            self.current.push(Placed::piece(current));
        }
    }
}

/// The lines of one paragraph (text without hard breaks); at least one, maybe empty.
pub(super) fn paragraph(text: &str, cells: usize) -> Vec<String> {
    let words = units(text);
    let mut lines = Lines {
        cells,
        done: Vec::new(),
        current: Vec::new(),
        used: 0,
    };
    let mut start = 0;
    for end in 1..=words.len() {
        if end == words.len() || !words[end].glue.holds() {
            lines.place_run(&words[start..end]);
            start = end;
        }
    }
    lines.break_line();
    let mut done = lines.done;
    widow::avoid(&mut done, cells);
    if done.is_empty() {
        return vec![String::new()];
    }
    done.iter().map(|line| render(line)).collect()
}

fn render(line: &[Placed<'_>]) -> String {
    let mut text = String::new();
    for (i, placed) in line.iter().enumerate() {
        if i > 0 && placed.spaced {
            text.push(' ');
        }
        text.extend(placed.graphemes.iter().copied());
    }
    text
}
