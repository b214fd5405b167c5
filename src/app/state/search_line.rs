//! Keys while a search line is open: editing the text, choosing a hit, Enter and Esc.

use super::*;
use crate::app::keymap::LineAction;

impl App {
    /// Text typed or pasted into the open line.
    pub(super) fn type_text(&mut self, text: &str) {
        if let Mode::Search(line) | Mode::Palette { input: line, .. } = &mut self.mode {
            line.insert(text);
        }
        self.type_in_help(text);
        self.type_in_picker(text);
        // The text changed: the palette starts again from its best hit.
        if let Mode::Palette { selected, .. } = &mut self.mode {
            *selected = 0;
        }
    }

    /// A key of the open line: editing, choosing a hit, Enter and Esc.
    pub(super) fn edit_line(&mut self, action: LineAction) {
        if self.help_open() {
            return self.edit_help_line(action);
        }
        if matches!(self.mode, Mode::Picker { .. }) {
            return self.edit_picker(action);
        }
        let palette = matches!(self.mode, Mode::Palette { .. });
        let hits = if palette && matches!(action, LineAction::PreviousHit | LineAction::NextHit) {
            self.palette_hits().len()
        } else {
            0
        };
        let (Mode::Search(line) | Mode::Palette { input: line, .. }) = &mut self.mode else {
            return;
        };
        match action {
            LineAction::Quit => self.quit = true,
            LineAction::Clear => line.clear(),
            LineAction::Home => line.home(),
            LineAction::End => line.end(),
            LineAction::DeleteBack => line.backspace(),
            LineAction::DeleteForward => line.delete(),
            LineAction::Left => line.left(),
            LineAction::Right => line.right(),
            LineAction::PreviousHit | LineAction::NextHit => {
                if let Mode::Palette { selected, .. } = &mut self.mode {
                    *selected = if action == LineAction::PreviousHit {
                        selected.saturating_sub(1)
                    } else {
                        (*selected + 1).min(hits.saturating_sub(1))
                    };
                }
                return;
            }
            LineAction::Keep if palette => return self.jump_to_hit(),
            LineAction::Keep => {
                let query = line.text().trim().to_string();
                // A page keeps the place the typing moved it to.
                if !self.tab.has_list() {
                    *self.pane_mut() = self.shown_pane().into_owned();
                }
                self.pane_mut().query = query;
                self.mode = Mode::Normal;
                return;
            }
            LineAction::Cancel => {
                if !palette {
                    let pane = self.pane_mut();
                    pane.query.clear();
                    pane.found = None;
                }
                self.mode = Mode::Normal;
                return;
            }
        }
        // The text changed: the palette starts again from its best hit.
        if let Mode::Palette { selected, .. } = &mut self.mode {
            *selected = 0;
        }
    }

    pub(super) fn jump_to_hit(&mut self) {
        let Mode::Palette { input, selected } = &self.mode else {
            return;
        };
        let query = input.text().trim().to_string();
        let Some(hit) = self.palette_hits().get(*selected).cloned() else {
            return;
        };
        self.mode = Mode::Normal;
        self.history.push((self.tab, self.pane().clone()));
        self.tab = hit.tab;
        let list = self.tab.has_list();
        let pane = self.pane_mut();
        // The hit must be in the list it lands in: its pane shows this search's matches, and
        // its title says so (x clears it); no filter is left to hide the hit.
        pane.facets = Facets::default();
        pane.query = query;
        if list {
            pane.selected = hit.item;
            pane.chosen = true;
            pane.focus = Focus::Detail;
            pane.scroll = 0;
            pane.link = 0;
        } else {
            self.land_on_anchor(&hit.id);
        }
    }

    /// On a page (the overview): the first line of the anchored part `id` that the search
    /// marks, else the part's first line.
    fn land_on_anchor(&mut self, id: &str) {
        let doc = self.detail();
        let Some(lines) = doc.anchored(id) else {
            return;
        };
        let line = self
            .page_matches()
            .into_iter()
            .find(|line| lines.contains(line))
            .unwrap_or(lines.start);
        let mut pane = self.pane().clone();
        self.land(&mut pane, &doc, line);
        *self.pane_mut() = pane;
    }
}
