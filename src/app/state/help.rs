//! The help's own search line (`/` over the help): it narrows the help to the lines that hold
//! what is typed; Enter keeps the narrowing and returns the keys to scrolling, Esc clears it.

use super::*;
use crate::app::keymap::LineAction;

impl App {
    pub(super) fn type_in_help(&mut self, text: &str) {
        if let Mode::Help {
            find,
            typing: true,
            scroll,
        } = &mut self.mode
        {
            find.insert(text);
            *scroll = 0;
        }
    }

    pub(super) fn edit_help_line(&mut self, action: LineAction) {
        let Mode::Help {
            find,
            typing,
            scroll,
        } = &mut self.mode
        else {
            return;
        };
        *scroll = 0;
        match action {
            LineAction::Quit => self.quit = true,
            LineAction::Keep => *typing = false,
            LineAction::Cancel => {
                find.clear();
                *typing = false;
            }
            LineAction::Clear => find.clear(),
            LineAction::Home => find.home(),
            LineAction::End => find.end(),
            LineAction::DeleteBack => find.backspace(),
            LineAction::DeleteForward => find.delete(),
            LineAction::Left => find.left(),
            LineAction::Right => find.right(),
            LineAction::PreviousHit | LineAction::NextHit => {}
        }
    }
}

/// Where an action does something, for the help: on this pane (listed first), on every pane,
/// or not here (left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    Here,
    Everywhere,
    Nowhere,
}

impl App {
    /// What an action does on the pane shown now.
    pub fn offer(&self, action: Action) -> Offer {
        let pane = self.tab.pane();
        let here = |offered: bool| if offered { Offer::Here } else { Offer::Nowhere };
        match action {
            Action::ToggleMap => here(self.tab.has_map()),
            Action::ToggleChart => here(self.tab.has_chart()),
            Action::ToggleAxis | Action::ZoomIn | Action::ZoomOut => here(self.tab.has_axis()),
            Action::Filter(facet) => here(pane.facet(facet).is_some()),
            Action::SortNext | Action::SortReverse => here(!pane.sorts().is_empty()),
            // `f` means something only to a follower of a presented demo.
            Action::Follow => match &self.presence {
                Some(presence) if presence.role != DemoRole::Presenter => Offer::Everywhere,
                _ => Offer::Nowhere,
            },
            _ => Offer::Everywhere,
        }
    }
}
