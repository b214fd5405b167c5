//! A pane's content as lines of styled segments, built for a width. The app uses it to know
//! where links are (to scroll to them); the UI draws it. No terminal types here: segments
//! carry a role, and the theme decides how a role looks.

use crate::data::layer::first_cjk;
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
    Voice(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub lines: Vec<Line>,
    pub links: Vec<Target>,
    pub width: usize,
    /// Where each line goes on a page set in blocks side by side (the overview); `None` for
    /// a doc read top to bottom, one line a row.
    pub grid: Option<Grid>,
    /// Named places: an id (a search entry's) and the first line of what it names, so that
    /// a search hit lands on its line of a page at any width.
    pub anchors: Vec<(String, usize)>,
}

impl Doc {
    pub fn new(width: usize) -> Self {
        Doc {
            width,
            ..Doc::default()
        }
    }

    /// Names the place the next line goes: what is added after this is `id`'s.
    pub fn anchor(&mut self, id: &str) {
        self.anchors.push((id.to_string(), self.lines.len()));
    }

    /// The lines `id` names: from its anchor to the next anchor below it (or the end).
    pub fn anchored(&self, id: &str) -> Option<std::ops::Range<usize>> {
        let start = self.anchors.iter().find(|(a, _)| a == id)?.1;
        let end = self
            .anchors
            .iter()
            .map(|(_, line)| *line)
            .filter(|&line| line > start)
            .min()
            .unwrap_or(self.lines.len());
        Some(start.min(self.lines.len())..end.min(self.lines.len()))
    }

    /// The first line a link is on.
    pub fn link_line(&self, link: usize) -> Option<usize> {
        self.lines.iter().position(|line| line.link == Some(link))
    }

    /// Every line a link is on: a wrapped link takes several, one after the other.
    pub fn link_lines(&self, link: usize) -> Option<std::ops::Range<usize>> {
        let first = self.link_line(link)?;
        let count = self.lines[first..]
            .iter()
            .take_while(|line| line.link == Some(link))
            .count();
        Some(first..first + count)
    }

    /// The rows a link is drawn on (in its column, one row per line).
    pub fn link_rows(&self, link: usize) -> Option<std::ops::Range<usize>> {
        let lines = self.link_lines(link)?;
        let row = self.place(lines.start).row;
        Some(row..row + lines.len())
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

    /// The cells left for text after a first-line prefix and the indent of the lines after.
    fn body_width(&self, first_prefix: &str, indent: usize) -> usize {
        self.width
            .saturating_sub(width(first_prefix).max(indent))
            .max(1)
    }

    /// Lines of text, the first after `first_prefix`, the others indented by `indent` cells.
    fn indented(
        &mut self,
        first_prefix: (&str, Role),
        indent: usize,
        lines: &[String],
        role: Role,
    ) {
        for (i, line) in lines.iter().enumerate() {
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

    /// Wrapped text, every line after the first indented by `indent` cells.
    pub fn wrapped(&mut self, first_prefix: (&str, Role), indent: usize, text: &str, role: Role) {
        let body = self.body_width(first_prefix.0, indent);
        let lines = wrap_cached(&sanitize(text), body);
        self.indented(first_prefix, indent, &lines, role);
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
        // A Chinese label takes the full-width colon, one in Latin or Cyrillic letters the
        // Latin one.
        let colon = if first_cjk(label).is_some() {
            "："
        } else {
            ": "
        };
        let label = format!("{label}{colon}");
        let indent = width(&label);
        self.wrapped((&label, Role::Label), indent, value, Role::Text);
    }

    /// A followable text, wrapped under itself rather than cut: every line of it is the same
    /// link, to select, highlight and click. Links are numbered in the order they are added.
    pub fn link(&mut self, text: &str, target: Target) {
        self.link_to(text, None, target);
    }

    /// A link whose text ends by saying where it leads (`→ 成果1`): that ending is kept whole,
    /// on the text's last line when it fits there, else on a line of its own.
    pub fn link_to(&mut self, text: &str, destination: Option<&str>, target: Target) {
        let index = self.links.len();
        self.links.push(target);
        let arrow = format!("{} ", Glyph::Link);
        let indent = width(&arrow);
        let body = self.body_width(&arrow, indent);
        let mut lines = wrap_cached(&sanitize(text), body).to_vec();
        if let Some(destination) = destination {
            let ending = sanitize(&format!("{} {destination}", Glyph::Link)).into_owned();
            match lines.last_mut() {
                Some(last) if last.is_empty() => *last = ending,
                Some(last) if width(last) + 1 + width(&ending) <= body => {
                    last.push(' ');
                    last.push_str(&ending);
                }
                _ => lines.extend(wrap_cached(&ending, body).iter().cloned()),
            }
        }
        let first = self.lines.len();
        self.indented((&arrow, Role::Muted), indent, &lines, Role::Link);
        for line in &mut self.lines[first..] {
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
        assert_eq!(doc.lines[1].segments[0].text, "      ");
        // The link wraps over the last lines, each of them the link.
        let lines = doc.link_lines(0).expect("the link is laid out");
        assert_eq!(lines.end, doc.lines.len());
        assert!(lines.len() > 1, "{doc:#?}");
        assert_eq!(doc.link_line(0), Some(lines.start));
    }

    #[test]
    fn a_long_link_wraps_under_itself_and_keeps_its_end() {
        let mut doc = Doc::new(16);
        doc.paragraph("前文");
        doc.link_to(
            "上海合作组织成员国元首理事会天津宣言",
            Some("成果1"),
            Target::Outcome(1),
        );
        doc.link("短", Target::Outcome(2));
        let text =
            |line: &Line| -> String { line.segments.iter().map(|s| s.text.as_str()).collect() };
        let lines = doc.link_lines(0).expect("first link");
        assert_eq!(lines, 1..5, "{doc:#?}");
        assert!(text(&doc.lines[1]).starts_with(&format!("{} 上海", Glyph::Link)));
        // Nothing is cut: the link's text, spaces aside, is all there.
        let shown: String = doc.lines[lines.clone()]
            .iter()
            .flat_map(|l| &l.segments)
            .filter(|s| s.role == Role::Link)
            .flat_map(|s| s.text.chars())
            .filter(|c| *c != ' ')
            .collect();
        assert_eq!(shown, "上海合作组织成员国元首理事会天津宣言→成果1");
        // Continuation lines are indented under the text, not under the arrow.
        assert_eq!(doc.lines[2].segments[0].text, "  ");
        assert!(doc.lines[lines].iter().all(|l| l.link == Some(0)));
        assert_eq!(doc.link_lines(1), Some(5..6));
        // The destination is never broken: `成果1` stays on one line.
        let last: String = doc.lines[4]
            .segments
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert!(last.ends_with("→ 成果1"), "{last}");
        assert!(doc.lines.iter().all(|line| line.width() <= 16));
    }

    #[test]
    fn data_strings_are_sanitised() {
        let mut doc = Doc::new(20);
        doc.paragraph("a\u{1b}[2Jb");
        assert_eq!(doc.lines[0].segments[1].text, "a\u{241b}[2Jb");
    }
}
