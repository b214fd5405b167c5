//! A filter's picker (`t`, `c`, `Y`): a popup listing the values the filter can take with
//! how many records have each, narrowed by what is typed; Enter sets the chosen one, Esc
//! leaves the filter as it was. Any value is one step away, forward or back.

use super::*;
use crate::app::keymap::LineAction;
use crate::app::pane::Facet;
use crate::app::view::Choice;

impl App {
    /// Opens the picker of a filter the pane has, on its value in force (else the first
    /// value, so `t` then Enter narrows at once).
    pub(super) fn open_picker(&mut self, facet: Facet) {
        let choices = self.pane().facets.choices(self.catalog(), self.tab, facet);
        if choices.len() < 2 {
            return;
        }
        let current = self.pane().facets.get(facet).cloned();
        let selected = match current {
            Some(value) => choices
                .iter()
                .position(|(v, _)| v.as_ref() == Some(&value))
                .unwrap_or(0),
            None => 1,
        };
        self.mode = Mode::Picker {
            facet,
            find: InputLine::default(),
            selected,
        };
    }

    /// The choices the open picker shows: those whose label holds what is typed.
    pub fn picker_choices(&self) -> Vec<Choice> {
        let Mode::Picker { facet, find, .. } = &self.mode else {
            return Vec::new();
        };
        let find = find.text().trim().to_lowercase();
        let lang = self.catalog().lang;
        let words = self.catalog().words();
        self.pane()
            .facets
            .choices(self.catalog(), self.tab, *facet)
            .into_iter()
            .filter(|(value, _)| {
                let label = value
                    .as_ref()
                    .map_or(words.picker_all.to_string(), |v| v.label(lang));
                find.is_empty() || label.to_lowercase().contains(&find)
            })
            .collect()
    }

    pub(super) fn type_in_picker(&mut self, text: &str) {
        if let Mode::Picker { find, selected, .. } = &mut self.mode {
            find.insert(text);
            *selected = 0;
        }
    }

    pub(super) fn edit_picker(&mut self, action: LineAction) {
        let shown = self.picker_choices();
        let Mode::Picker {
            facet,
            find,
            selected,
        } = &mut self.mode
        else {
            return;
        };
        let facet = *facet;
        match action {
            LineAction::Quit => self.quit = true,
            LineAction::Cancel => self.mode = Mode::Normal,
            LineAction::Keep => {
                let chosen = shown.get(*selected).map(|(value, _)| value.clone());
                self.mode = Mode::Normal;
                if let Some(value) = chosen {
                    let pane = self.pane_mut();
                    pane.facets.set(facet, value);
                }
            }
            LineAction::PreviousHit => *selected = selected.saturating_sub(1),
            LineAction::NextHit => *selected = (*selected + 1).min(shown.len().saturating_sub(1)),
            LineAction::Clear => find.clear(),
            LineAction::Home => find.home(),
            LineAction::End => find.end(),
            LineAction::DeleteBack => find.backspace(),
            LineAction::DeleteForward => find.delete(),
            LineAction::Left => find.left(),
            LineAction::Right => find.right(),
        }
        if let Mode::Picker { selected, .. } = &mut self.mode
            && matches!(
                action,
                LineAction::Clear | LineAction::DeleteBack | LineAction::DeleteForward
            )
        {
            *selected = 0;
        }
    }
}
