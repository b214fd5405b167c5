//! `y`: the selected record as plain text, for the terminal's clipboard.

use crate::app::panes;
use crate::app::state::App;

/// Wide enough that no line of a record is wrapped: the copy keeps the data's own lines.
const COPY_WIDTH: usize = 4000;

impl App {
    /// The record the detail shows (title, dates, facts, links and the source articles), as
    /// plain text without styles or trailing blanks; `None` when nothing is selected.
    pub fn selected_text(&self) -> Option<String> {
        if self.tab.has_list() && self.position().is_none() {
            return None;
        }
        let doc = panes::plain(self.catalog(), self.tab, self.pane().selected, COPY_WIDTH);
        let mut text = String::new();
        for line in &doc.lines {
            let line: String = line.segments.iter().map(|s| s.text.as_str()).collect();
            let line = line.trim_end();
            // One blank line between blocks, none at the start.
            if line.is_empty() && (text.is_empty() || text.ends_with("\n\n")) {
                continue;
            }
            text.push_str(line);
            text.push('\n');
        }
        let text = text.trim_end().to_string();
        (!text.is_empty()).then_some(text)
    }

    /// Puts the selected record in the outbox for the terminal to send, and says so.
    pub fn copy_selected(&mut self) {
        match self.selected_text() {
            Some(text) => {
                let lines = text.lines().count();
                self.clipboard = Some(text);
                self.notice = Some((self.catalog().words().copied)(lines));
            }
            None => self.notice = Some(self.catalog().words().nothing_to_copy.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::app::{Action, App, Catalog, Tab};
    use crate::data::embedded;

    fn app() -> App {
        let catalog = Arc::new(Catalog::new(Arc::new(embedded().unwrap())));
        App::new(catalog, 120, 40)
    }

    #[test]
    fn y_copies_the_selected_meeting_with_its_date_and_sources() {
        let mut app = app();
        app.update(Action::GoTo(Tab::Meetings));
        app.handle(crate::app::Input::Key(crate::app::Key::char('y')));
        let text = app.clipboard.clone().unwrap();
        let first = text.lines().next().unwrap();
        assert!(!first.trim().is_empty(), "{text}");
        assert!(text.contains("2025"), "a date: {text}");
        assert!(text.contains("新华"), "the source agency: {text}");
        assert!(!text.contains('\u{1b}'));
        assert!(app.notice.as_deref().unwrap().contains("已复制"));
        // The next key clears the notice.
        app.handle(crate::app::Input::Key(crate::app::Key::char('j')));
        assert_eq!(app.notice, None);
    }

    #[test]
    fn an_empty_list_has_nothing_to_copy() {
        let mut app = app();
        app.update(Action::GoTo(Tab::Meetings));
        for key in crate::app::input::parse_keys("/zzzzqqq<Enter>y").unwrap() {
            app.handle(crate::app::Input::Key(key));
        }
        assert_eq!(app.clipboard, None);
        assert!(app.notice.as_deref().unwrap().contains("没有可复制"));
    }
}
