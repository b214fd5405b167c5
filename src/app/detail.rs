//! A pane's content as lines of styled segments, built for a width. The app uses it to know
//! where links are (to scroll to them); the UI draws it. No terminal types here: segments
//! carry a role, and the theme decides how a role looks.

use crate::text::glyphs::Glyph;
use crate::text::{sanitize, truncate, width, wrap_cached};

mod grid;
pub mod page;

pub use grid::{Block, Grid, Place};

/// What a piece of text is, for the theme to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Heading,
    Text,
    Muted,
    Label,
    Link,
    Gap,
    Summit,
    Other,
    Accent,
    Bar,
    BarEmpty,
    /// A headline figure: set apart and bold, so it reads without colour too.
    Figure,
}

impl Role {
    pub const ALL: [Role; 13] = [
        Role::Title,
        Role::Heading,
        Role::Text,
        Role::Muted,
        Role::Label,
        Role::Link,
        Role::Gap,
        Role::Summit,
        Role::Other,
        Role::Accent,
        Role::Bar,
        Role::BarEmpty,
        Role::Figure,
    ];

    /// Whether a search looks in text of this role (not labels, bullets, headings or bars):
    /// what is highlighted and what `/` on a page finds are the same.
    pub fn searchable(self) -> bool {
        !matches!(
            self,
            Role::Muted | Role::Label | Role::Heading | Role::Bar | Role::BarEmpty
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub role: Role,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub segments: Vec<Segment>,
    /// The index of the link this line shows, if it is a link.
    pub link: Option<usize>,
}

impl Line {
    pub fn width(&self) -> usize {
        self.segments.iter().map(|s| width(&s.text)).sum()
    }
}

/// Where a link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Outcome(u32),
    Initiative(u32),
    Event(String),
    Meeting(String),
    Document(String),
    Section(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub lines: Vec<Line>,
    pub links: Vec<Target>,
    pub width: usize,
    /// Where each line goes on a page set in blocks side by side (the overview); `None` for
    /// a doc read top to bottom, one line a row.
    pub grid: Option<Grid>,
}

impl Doc {
    pub fn new(width: usize) -> Self {
        Doc {
            width,
            ..Doc::default()
        }
    }

    /// The (first) line a link is on.
    pub fn link_line(&self, link: usize) -> Option<usize> {
        self.lines.iter().position(|line| line.link == Some(link))
    }

    /// The row a link is drawn on.
    pub fn link_row(&self, link: usize) -> Option<usize> {
        self.link_line(link).map(|line| self.place(line).row)
    }

    pub fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.segments.is_empty()) {
            self.lines.push(Line::default());
        }
    }

    /// A line of segments, cut to the width if it would not fit.
    pub fn segments(&mut self, segments: Vec<(String, Role)>) {
        let mut left = self.width;
        let mut line = Line::default();
        for (text, role) in segments {
            let text = truncate(&sanitize(&text), left).into_owned();
            left -= width(&text);
            line.segments.push(Segment { text, role });
        }
        self.lines.push(line);
    }

    pub fn heading(&mut self, text: &str) {
        self.blank();
        self.segments(vec![(text.to_string(), Role::Heading)]);
    }

    /// Wrapped text, every line after the first indented by `indent` cells.
    pub fn wrapped(&mut self, first_prefix: (&str, Role), indent: usize, text: &str, role: Role) {
        let prefix_width = width(first_prefix.0);
        let body = self.width.saturating_sub(prefix_width.max(indent)).max(1);
        let text = sanitize(text);
        for (i, line) in wrap_cached(&text, body).iter().enumerate() {
            let lead = if i == 0 {
                (first_prefix.0.to_string(), first_prefix.1)
            } else {
                (
                    " ".repeat(indent.min(self.width.saturating_sub(1))),
                    Role::Text,
                )
            };
            self.segments(vec![lead, (line.clone(), role)]);
        }
    }

    pub fn paragraph(&mut self, text: &str) {
        self.wrapped(("", Role::Text), 0, text, Role::Text);
    }

    pub fn bullet(&mut self, text: &str) {
        self.wrapped(
            (&format!("{} ", Glyph::Bullet), Role::Muted),
            2,
            text,
            Role::Text,
        );
    }

    /// `label：value`, the value wrapped under itself.
    pub fn field(&mut self, label: &str, value: &str) {
        // A label in Latin letters takes the Latin colon, a Chinese one the full-width one.
        let colon = if label.is_ascii() { ": " } else { "：" };
        let label = format!("{label}{colon}");
        let indent = width(&label);
        self.wrapped((&label, Role::Label), indent, value, Role::Text);
    }

    /// A followable text wrapped under itself rather than cut: every line of it is the link
    /// (a click on any of them follows it, and all of them show it selected).
    pub fn link_wrapped(&mut self, text: &str, target: Target) {
        self.link_with_tail(text, "", target);
    }

    /// A wrapped link that ends in a `tail` kept whole ("→ 成果8"): on the text's last line
    /// when it fits there, else on a line of its own.
    pub fn link_with_tail(&mut self, text: &str, tail: &str, target: Target) {
        let index = self.links.len();
        self.links.push(target);
        let arrow = format!("{} ", Glyph::Link);
        let indent = width(&arrow);
        let first = self.lines.len();
        let body = self.width.saturating_sub(indent).max(1);
        let tail = sanitize(tail);
        let fits = |line: &str| width(line) + width(&tail) <= body;
        let mut lines = wrap_cached(&sanitize(text), body).to_vec();
        match lines.last_mut() {
            Some(last) if fits(last) => last.push_str(&tail),
            _ if tail.is_empty() => {}
            // A tail wider than a line wraps like any text.
            _ => lines.extend(wrap_cached(tail.trim_start(), body).iter().cloned()),
        }
        for (i, line) in lines.into_iter().enumerate() {
            let lead = if i == 0 {
                arrow.clone()
            } else {
                " ".repeat(indent)
            };
            let role = if i == 0 { Role::Muted } else { Role::Text };
            self.segments(vec![(lead, role), (line, Role::Link)]);
        }
        for line in &mut self.lines[first..] {
            line.link = Some(index);
        }
    }

    /// A followable line. Links are numbered in the order they are added.
    pub fn link(&mut self, text: &str, target: Target) {
        let index = self.links.len();
        self.links.push(target);
        self.segments(vec![
            (format!("{} ", Glyph::Link), Role::Muted),
            (text.to_string(), Role::Link),
        ]);
        if let Some(line) = self.lines.last_mut() {
            line.link = Some(index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_fits_the_width_and_links_know_their_line() {
        let mut doc = Doc::new(12);
        doc.field(
            "来源",
            "勇担大义 笃行大道——习近平主席主持上海合作组织天津峰会",
        );
        doc.link(
            "中方将成立中国—上海合作组织能源合作平台",
            Target::Initiative(1),
        );
        assert!(doc.lines.iter().all(|line| line.width() <= 12), "{doc:#?}");
        assert_eq!(doc.link_line(0), Some(doc.lines.len() - 1));
        assert_eq!(doc.lines[1].segments[0].text, "      ");
    }

    #[test]
    fn data_strings_are_sanitised() {
        let mut doc = Doc::new(20);
        doc.paragraph("a\u{1b}[2Jb");
        assert_eq!(doc.lines[0].segments[1].text, "a\u{241b}[2Jb");
    }
}
