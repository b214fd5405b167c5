//! Which key does what. The same table answers key presses, draws the status bar's hints and
//! fills the help overlay, so the three can never disagree. A config file may rebind an
//! action by name (`[keys] quit = ["Q"]`); labels are made from the keys, so they follow.

use std::sync::Arc;

use crate::app::action::{Action, Shows, commands};
use crate::app::input::{Key, KeyCode};
use crate::app::words::Words;
use crate::text::glyphs::Glyph;

/// One line of the keymap in force: the table's keys with the user's rebindings applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    pub keys: Vec<Key>,
    pub action: Action,
}

impl Bound {
    /// How the keys are written for people: `j/↓`, `q/Ctrl-c`.
    pub fn label(&self) -> String {
        self.keys
            .iter()
            .map(|key| key_label(*key))
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Where the key shows besides the help.
    pub fn shows(&self) -> Shows {
        self.action.command().shows
    }
}

/// The keymap in force, a value each app holds: the local dashboard's takes the config
/// file's rebindings, an SSH viewer's is the built-in one. Cheap to clone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bound: Arc<[Bound]>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::new(&[])
    }
}

impl Keymap {
    /// The built-in keys with each action the user names given their keys instead. A key the
    /// user gives to an action is taken from whichever action had it, so no key does two
    /// things.
    pub fn new(rebound: &[(Action, Vec<Key>)]) -> Keymap {
        let taken: Vec<Key> = rebound.iter().flat_map(|(_, keys)| keys.clone()).collect();
        let bound = commands()
            .iter()
            .map(|command| {
                let keys = match rebound.iter().find(|(action, _)| *action == command.action) {
                    Some((_, keys)) => keys.clone(),
                    None => command
                        .keys
                        .iter()
                        .filter(|key| !taken.contains(key))
                        .copied()
                        .collect(),
                };
                Bound {
                    keys,
                    action: command.action,
                }
            })
            .collect();
        Keymap { bound }
    }

    /// Every binding, in the table's order.
    pub fn bindings(&self) -> &[Bound] {
        &self.bound
    }

    /// The keys bound to an action (none when the user gave them all away).
    pub fn keys(&self, action: Action) -> &[Key] {
        self.bound
            .iter()
            .find(|bound| bound.action == action)
            .map_or(&[], |bound| bound.keys.as_slice())
    }

    /// The first key of an action, as a hint shows it.
    pub fn first_label(&self, action: Action) -> Option<String> {
        self.keys(action).first().map(|key| key_label(*key))
    }

    /// The status bar's hint for moving: the first keys of down and up, `j/k`.
    pub fn move_label(&self) -> String {
        [Action::Down, Action::Up]
            .into_iter()
            .filter_map(|action| self.first_label(action))
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The action bound to a key in the normal mode.
    pub fn action_for(&self, key: Key) -> Option<Action> {
        self.bound
            .iter()
            .find(|bound| bound.keys.contains(&key))
            .map(|bound| bound.action)
    }

    /// The action a key has while the help overlay is open: it scrolls with the moving and
    /// paging keys, searches with `/`, and closes on its own key, Esc or q.
    pub fn help_action_for(&self, key: Key) -> Option<Action> {
        match self.action_for(key) {
            Some(
                action @ (Action::Up
                | Action::Down
                | Action::Top
                | Action::Bottom
                | Action::PageUp
                | Action::PageDown
                | Action::HalfPageUp
                | Action::HalfPageDown
                | Action::Search),
            ) => Some(action),
            Some(Action::ToggleHelp | Action::Back) => Some(Action::ToggleHelp),
            // The quit key closes the help instead (Ctrl-c still quits).
            Some(Action::Quit) if key.code != KeyCode::Char('c') || !key.ctrl => {
                Some(Action::ToggleHelp)
            }
            Some(Action::Quit) => Some(Action::Quit),
            _ => None,
        }
    }
}

/// A key as people write it, in the keymap's labels and the help.
pub fn key_label(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(c) if key.ctrl => return format!("Ctrl-{c}"),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Esc => "Esc".to_string(),
        KeyCode::Backspace => "⌫".to_string(),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::BackTab => "S-Tab".to_string(),
        KeyCode::Up => Glyph::KeyUp.to_string(),
        KeyCode::Down => Glyph::KeyDown.to_string(),
        KeyCode::Left => Glyph::KeyLeft.to_string(),
        KeyCode::Right => Glyph::KeyRight.to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::Delete => "Del".to_string(),
        KeyCode::F(n) => format!("F{n}"),
    };
    if key.alt { format!("Alt-{name}") } else { name }
}

/// What a key does while a search line is open (`/` in a pane, or search everything).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineAction {
    /// Keep the search as the pane's filter, or jump to the chosen hit.
    Keep,
    /// Close the line (a pane's search is cleared).
    Cancel,
    Left,
    Right,
    Home,
    End,
    DeleteBack,
    DeleteForward,
    Clear,
    /// Search everything: the hit above or below.
    PreviousHit,
    NextHit,
    Quit,
}

impl LineAction {
    /// Whether the key only edits the text or moves the caret.
    pub fn edits_text(self) -> bool {
        matches!(
            self,
            LineAction::Left
                | LineAction::Right
                | LineAction::Home
                | LineAction::End
                | LineAction::DeleteBack
                | LineAction::DeleteForward
                | LineAction::Clear
        )
    }
}

/// The search line's keys: text editing, not the app's actions. Any other character is typed.
pub static LINE_BINDINGS: &[(&[Key], LineAction)] = &[
    (&[Key::plain(KeyCode::Enter)], LineAction::Keep),
    (&[Key::plain(KeyCode::Esc)], LineAction::Cancel),
    (&[Key::plain(KeyCode::Left)], LineAction::Left),
    (&[Key::plain(KeyCode::Right)], LineAction::Right),
    (
        &[Key::plain(KeyCode::Home), Key::ctrl('a')],
        LineAction::Home,
    ),
    (&[Key::plain(KeyCode::End), Key::ctrl('e')], LineAction::End),
    (&[Key::plain(KeyCode::Backspace)], LineAction::DeleteBack),
    (&[Key::plain(KeyCode::Delete)], LineAction::DeleteForward),
    (&[Key::ctrl('u')], LineAction::Clear),
    (&[Key::plain(KeyCode::Up)], LineAction::PreviousHit),
    (&[Key::plain(KeyCode::Down)], LineAction::NextHit),
    (&[Key::ctrl('c')], LineAction::Quit),
];

/// The search line's action for a key, if it has one.
pub fn line_action_for(key: Key) -> Option<LineAction> {
    LINE_BINDINGS
        .iter()
        .find(|(keys, _)| keys.contains(&key))
        .map(|(_, action)| *action)
}

/// The first key of a search-line action, as hints show it ("Enter").
pub fn line_key(action: LineAction) -> String {
    LINE_BINDINGS
        .iter()
        .find(|(_, a)| *a == action)
        .and_then(|(keys, _)| keys.first())
        .map_or_else(String::new, |key| key_label(*key))
}

/// The search line's keys as help shows them: label, description.
pub fn line_help(words: &Words) -> Vec<(String, &'static str)> {
    LINE_BINDINGS
        .iter()
        .map(|(keys, action)| {
            let label = keys.iter().map(|k| key_label(*k)).collect::<Vec<_>>();
            (label.join("/"), (words.describe_line)(*action))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::pane::Facet;
    use crate::app::tab::Tab;

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for command in commands() {
            for key in command.keys {
                assert!(!seen.contains(key), "{key:?} bound twice");
                seen.push(*key);
            }
        }
    }

    #[test]
    fn the_issue_keys_do_what_they_say() {
        let keymap = Keymap::default();
        let action_for = |key| keymap.action_for(key);
        assert_eq!(action_for(Key::char('j')), Some(Action::Down));
        assert_eq!(action_for(Key::ctrl('c')), Some(Action::Quit));
        assert_eq!(
            action_for(Key::char('4')),
            Some(Action::GoTo(Tab::Timeline))
        );
        assert_eq!(
            action_for(Key::plain(KeyCode::Backspace)),
            Some(Action::Back)
        );
        assert_eq!(action_for(Key::char('x')), Some(Action::ClearAll));
        assert_eq!(action_for(Key::char('/')), Some(Action::Search));
        assert_eq!(action_for(Key::ctrl('f')), Some(Action::Palette));
        assert_eq!(action_for(Key::char('z')), Some(Action::ToggleAxis));
        assert_eq!(action_for(Key::char('+')), Some(Action::ZoomIn));
        assert_eq!(action_for(Key::char('-')), Some(Action::ZoomOut));
        assert_eq!(action_for(Key::char('Z')), None);
        assert_eq!(
            keymap.help_action_for(Key::char('q')),
            Some(Action::ToggleHelp)
        );
        assert_eq!(keymap.help_action_for(Key::ctrl('c')), Some(Action::Quit));
        assert_eq!(action_for(Key::char('y')), Some(Action::Copy));
        assert_eq!(
            action_for(Key::char('Y')),
            Some(Action::Filter(Facet::Year))
        );
    }

    #[test]
    fn labels_are_made_from_the_keys() {
        let labels: Vec<String> = Keymap::default()
            .bindings()
            .iter()
            .map(Bound::label)
            .collect();
        for label in [
            "j/↓",
            "Esc/⌫",
            "S-Tab/h/←",
            "Ctrl-f/:",
            "q/Ctrl-c",
            "/",
            "PgDn",
        ] {
            assert!(labels.iter().any(|l| l == label), "{label} in {labels:?}");
        }
    }

    #[test]
    fn a_rebound_action_takes_its_keys_from_whoever_had_them() {
        let keymap = Keymap::new(&[
            (Action::Quit, vec![Key::char('Q')]),
            (Action::Copy, vec![Key::char('j')]),
        ]);
        let of = |action| {
            keymap
                .bindings()
                .iter()
                .find(|b| b.action == action)
                .unwrap()
                .label()
        };
        assert_eq!(of(Action::Quit), "Q");
        assert_eq!(of(Action::Copy), "j");
        assert_eq!(of(Action::Down), "↓");
        assert_eq!(keymap.action_for(Key::char('j')), Some(Action::Copy));
        assert_eq!(keymap.action_for(Key::char('q')), None);
        let mut seen = Vec::new();
        for key in keymap.bindings().iter().flat_map(|b| b.keys.clone()) {
            assert!(!seen.contains(&key), "{key:?} bound twice");
            seen.push(key);
        }
    }

    #[test]
    fn the_move_hint_follows_the_rebinding() {
        assert_eq!(Keymap::default().move_label(), "j/k");
        let keymap = Keymap::new(&[(Action::Down, vec![Key::char('J')])]);
        assert_eq!(keymap.move_label(), "J/k");
    }
}
