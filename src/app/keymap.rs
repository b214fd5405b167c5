//! Which key does what. The same table answers key presses, draws the status bar's hints and
//! fills the help overlay, so the three can never disagree. A config file may rebind an
//! action by name (`[keys] quit = ["Q"]`); labels are made from the keys, so they follow.

use std::sync::OnceLock;

use crate::app::action::Action;
use crate::app::input::{Key, KeyCode};
use crate::app::pane::Facet;
use crate::app::tab::Tab;
use crate::app::words::Words;
use crate::text::glyphs::Glyph;

/// One line of the built-in keymap: the keys and the action.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// Shown in the status bar as well as in the help overlay.
    pub hint: bool,
}

const fn b(keys: &'static [Key], action: Action, hint: bool) -> Binding {
    Binding { keys, action, hint }
}

pub static BINDINGS: &[Binding] = &[
    b(
        &[Key::char('j'), Key::plain(KeyCode::Down)],
        Action::Down,
        false,
    ),
    b(
        &[Key::char('k'), Key::plain(KeyCode::Up)],
        Action::Up,
        false,
    ),
    b(
        &[Key::char('g'), Key::plain(KeyCode::Home)],
        Action::Top,
        false,
    ),
    b(
        &[Key::char('G'), Key::plain(KeyCode::End)],
        Action::Bottom,
        false,
    ),
    b(&[Key::plain(KeyCode::PageDown)], Action::PageDown, false),
    b(&[Key::plain(KeyCode::PageUp)], Action::PageUp, false),
    b(&[Key::ctrl('d')], Action::HalfPageDown, false),
    b(&[Key::ctrl('u')], Action::HalfPageUp, false),
    b(&[Key::plain(KeyCode::Enter)], Action::Open, true),
    b(
        &[Key::plain(KeyCode::Esc), Key::plain(KeyCode::Backspace)],
        Action::Back,
        true,
    ),
    b(
        &[
            Key::plain(KeyCode::Tab),
            Key::char('l'),
            Key::plain(KeyCode::Right),
        ],
        Action::NextTab,
        false,
    ),
    b(
        &[
            Key::plain(KeyCode::BackTab),
            Key::char('h'),
            Key::plain(KeyCode::Left),
        ],
        Action::PreviousTab,
        false,
    ),
    b(&[Key::char('1')], Action::GoTo(Tab::Overview), false),
    b(&[Key::char('2')], Action::GoTo(Tab::Outcomes), false),
    b(&[Key::char('3')], Action::GoTo(Tab::Initiatives), false),
    b(&[Key::char('4')], Action::GoTo(Tab::Timeline), false),
    b(&[Key::char('5')], Action::GoTo(Tab::Meetings), false),
    b(&[Key::char('6')], Action::GoTo(Tab::Results), false),
    b(&[Key::char('/')], Action::Search, true),
    b(&[Key::ctrl('f'), Key::char(':')], Action::Palette, true),
    b(&[Key::char('n')], Action::NextMatch, false),
    b(&[Key::char('N')], Action::PreviousMatch, false),
    b(&[Key::char('s')], Action::SortNext, false),
    b(&[Key::char('S')], Action::SortReverse, false),
    b(&[Key::char('t')], Action::Filter(Facet::Type), false),
    b(&[Key::char('c')], Action::Filter(Facet::Category), false),
    // `y` copies, as it yanks in vim and most terminal tools; the year filter is `Y`.
    b(&[Key::char('Y')], Action::Filter(Facet::Year), false),
    b(&[Key::char('x')], Action::ClearAll, false),
    b(&[Key::char('m')], Action::ToggleMap, false),
    b(&[Key::char('z')], Action::ToggleAxis, false),
    b(&[Key::char('+'), Key::char('=')], Action::ZoomIn, false),
    b(&[Key::char('-')], Action::ZoomOut, false),
    // `b` for bars (`g` is the top, as in vim and less).
    b(&[Key::char('b')], Action::ToggleChart, false),
    b(&[Key::char('T')], Action::ToggleTour, false),
    b(&[Key::char('y')], Action::Copy, false),
    b(&[Key::char('f')], Action::Follow, false),
    b(&[Key::char('?')], Action::ToggleHelp, true),
    b(&[Key::char('q'), Key::ctrl('c')], Action::Quit, true),
    // Last: on a narrow bar its hint gives way before quit's.
    b(&[Key::char('L')], Action::ToggleLanguage, true),
];

/// The status bar's hint for moving, which stands for several bindings.
pub const MOVE_HINT: (&str, Action) = ("j/k", Action::Down);

/// One line of the keymap in force: the built-in one with the user's rebindings applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    pub keys: Vec<Key>,
    pub action: Action,
    pub hint: bool,
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
}

/// The user's rebindings: each action named replaces its keys. Set once, at start, by the
/// local dashboard only (SSH viewers keep the built-in keys).
static REBOUND: OnceLock<Vec<(Action, Vec<Key>)>> = OnceLock::new();

/// Installs the user's rebindings; false when they were already set.
pub fn rebind(rebindings: Vec<(Action, Vec<Key>)>) -> bool {
    REBOUND.set(rebindings).is_ok()
}

/// The keymap in force. A key the user gives to an action is taken from whichever action had
/// it, so no key does two things.
pub fn bindings() -> Vec<Bound> {
    bindings_with(REBOUND.get().map_or(&[][..], Vec::as_slice))
}

fn bindings_with(rebound: &[(Action, Vec<Key>)]) -> Vec<Bound> {
    let taken: Vec<Key> = rebound.iter().flat_map(|(_, keys)| keys.clone()).collect();
    BINDINGS
        .iter()
        .map(|binding| {
            let keys = match rebound.iter().find(|(action, _)| *action == binding.action) {
                Some((_, keys)) => keys.clone(),
                None => binding
                    .keys
                    .iter()
                    .filter(|key| !taken.contains(key))
                    .copied()
                    .collect(),
            };
            Bound {
                keys,
                action: binding.action,
                hint: binding.hint,
            }
        })
        .collect()
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

/// The action bound to a key in the normal mode.
pub fn action_for(key: Key) -> Option<Action> {
    let rebound = REBOUND.get().map_or(&[][..], Vec::as_slice);
    if let Some((action, _)) = rebound.iter().find(|(_, keys)| keys.contains(&key)) {
        return Some(*action);
    }
    let taken = |key: &Key| rebound.iter().any(|(_, keys)| keys.contains(key));
    BINDINGS
        .iter()
        .filter(|binding| !rebound.iter().any(|(action, _)| *action == binding.action))
        .find(|binding| binding.keys.contains(&key) && !taken(&key))
        .map(|binding| binding.action)
}

/// The action a key has while the help overlay is open: it scrolls with the moving keys and
/// closes on its own key, Esc or q.
pub fn help_action_for(key: Key) -> Option<Action> {
    match action_for(key) {
        Some(action @ (Action::Up | Action::Down | Action::Top | Action::Bottom)) => Some(action),
        Some(Action::ToggleHelp | Action::Back) => Some(Action::ToggleHelp),
        // The quit key closes the help instead (Ctrl-c still quits).
        Some(Action::Quit) if key.code != KeyCode::Char('c') || !key.ctrl => {
            Some(Action::ToggleHelp)
        }
        Some(Action::Quit) => Some(Action::Quit),
        _ => None,
    }
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

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for binding in BINDINGS {
            for key in binding.keys {
                assert!(!seen.contains(key), "{key:?} bound twice");
                seen.push(*key);
            }
        }
    }

    #[test]
    fn the_issue_keys_do_what_they_say() {
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
        assert_eq!(help_action_for(Key::char('q')), Some(Action::ToggleHelp));
        assert_eq!(help_action_for(Key::ctrl('c')), Some(Action::Quit));
        assert_eq!(action_for(Key::char('y')), Some(Action::Copy));
        assert_eq!(
            action_for(Key::char('Y')),
            Some(Action::Filter(Facet::Year))
        );
    }

    #[test]
    fn labels_are_made_from_the_keys() {
        let labels: Vec<String> = bindings_with(&[]).iter().map(Bound::label).collect();
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
        let rebound = vec![
            (Action::Quit, vec![Key::char('Q')]),
            (Action::Copy, vec![Key::char('j')]),
        ];
        let bound = bindings_with(&rebound);
        let of = |action| bound.iter().find(|b| b.action == action).unwrap().label();
        assert_eq!(of(Action::Quit), "Q");
        assert_eq!(of(Action::Copy), "j");
        assert_eq!(of(Action::Down), "↓");
        let mut seen = Vec::new();
        for key in bound.iter().flat_map(|b| b.keys.clone()) {
            assert!(!seen.contains(&key), "{key:?} bound twice");
            seen.push(key);
        }
    }

    #[test]
    fn every_action_has_a_unique_name() {
        for action in Action::ALL {
            assert_eq!(Action::from_name(action.name()), Some(action));
        }
        for binding in BINDINGS {
            assert!(
                Action::ALL.contains(&binding.action),
                "{:?}",
                binding.action
            );
        }
    }
}
