//! Which key does what. The same table answers key presses, draws the status bar's hints and
//! fills the help overlay, so the three can never disagree.

use crate::app::action::Action;
use crate::app::input::{Key, KeyCode};
use crate::app::tab::Tab;
use crate::app::view::Facet;

/// One line of the keymap: the keys, how they are written for people, and the action.
pub struct Binding {
    pub keys: &'static [Key],
    pub label: &'static str,
    pub action: Action,
    /// Shown in the status bar as well as in the help overlay.
    pub hint: bool,
}

const fn b(keys: &'static [Key], label: &'static str, action: Action, hint: bool) -> Binding {
    Binding {
        keys,
        label,
        action,
        hint,
    }
}

pub static BINDINGS: &[Binding] = &[
    b(
        &[Key::char('j'), Key::plain(KeyCode::Down)],
        "j/↓",
        Action::Down,
        false,
    ),
    b(
        &[Key::char('k'), Key::plain(KeyCode::Up)],
        "k/↑",
        Action::Up,
        false,
    ),
    b(
        &[Key::char('g'), Key::plain(KeyCode::Home)],
        "g/Home",
        Action::Top,
        false,
    ),
    b(
        &[Key::char('G'), Key::plain(KeyCode::End)],
        "G/End",
        Action::Bottom,
        false,
    ),
    b(
        &[Key::plain(KeyCode::PageDown)],
        "PgDn",
        Action::PageDown,
        false,
    ),
    b(
        &[Key::plain(KeyCode::PageUp)],
        "PgUp",
        Action::PageUp,
        false,
    ),
    b(&[Key::ctrl('d')], "Ctrl-d", Action::HalfPageDown, false),
    b(&[Key::ctrl('u')], "Ctrl-u", Action::HalfPageUp, false),
    b(&[Key::plain(KeyCode::Enter)], "Enter", Action::Open, true),
    b(
        &[Key::plain(KeyCode::Esc), Key::plain(KeyCode::Backspace)],
        "Esc/⌫",
        Action::Back,
        true,
    ),
    b(
        &[
            Key::plain(KeyCode::Tab),
            Key::char('l'),
            Key::plain(KeyCode::Right),
        ],
        "Tab/l/→",
        Action::NextTab,
        false,
    ),
    b(
        &[
            Key::plain(KeyCode::BackTab),
            Key::char('h'),
            Key::plain(KeyCode::Left),
        ],
        "S-Tab/h/←",
        Action::PreviousTab,
        false,
    ),
    b(&[Key::char('1')], "1", Action::GoTo(Tab::Overview), false),
    b(&[Key::char('2')], "2", Action::GoTo(Tab::Outcomes), false),
    b(
        &[Key::char('3')],
        "3",
        Action::GoTo(Tab::Initiatives),
        false,
    ),
    b(&[Key::char('4')], "4", Action::GoTo(Tab::Timeline), false),
    b(&[Key::char('5')], "5", Action::GoTo(Tab::Meetings), false),
    b(&[Key::char('6')], "6", Action::GoTo(Tab::Results), false),
    b(&[Key::char('/')], "/", Action::Search, true),
    b(
        &[Key::ctrl('f'), Key::char(':')],
        "Ctrl-f/:",
        Action::Palette,
        true,
    ),
    b(&[Key::char('n')], "n", Action::NextMatch, false),
    b(&[Key::char('N')], "N", Action::PreviousMatch, false),
    b(&[Key::char('s')], "s", Action::SortNext, false),
    b(&[Key::char('S')], "S", Action::SortReverse, false),
    b(&[Key::char('t')], "t", Action::Filter(Facet::Type), false),
    b(
        &[Key::char('c')],
        "c",
        Action::Filter(Facet::Category),
        false,
    ),
    b(&[Key::char('y')], "y", Action::Filter(Facet::Year), false),
    b(&[Key::char('x')], "x", Action::ClearAll, false),
    b(&[Key::char('f')], "f", Action::Follow, false),
    b(&[Key::char('?')], "?", Action::ToggleHelp, true),
    b(
        &[Key::char('q'), Key::ctrl('c')],
        "q/Ctrl-c",
        Action::Quit,
        true,
    ),
];

/// The status bar's hint for moving, which stands for several bindings.
pub const MOVE_HINT: (&str, &str) = ("j/k", "移动");

/// The action bound to a key in the normal mode.
pub fn action_for(key: Key) -> Option<Action> {
    BINDINGS
        .iter()
        .find(|binding| binding.keys.contains(&key))
        .map(|binding| binding.action)
}

/// The action a key has while the help overlay is open: it scrolls with the moving keys and
/// closes on its own key, Esc or q.
pub fn help_action_for(key: Key) -> Option<Action> {
    match action_for(key) {
        Some(action @ (Action::Up | Action::Down | Action::Top | Action::Bottom)) => Some(action),
        Some(Action::ToggleHelp | Action::Back) => Some(Action::ToggleHelp),
        Some(Action::Quit) if key == Key::char('q') => Some(Action::ToggleHelp),
        Some(Action::Quit) => Some(Action::Quit),
        _ => None,
    }
}

/// The keys of the search line (in-pane search and search everything). They are text
/// editing, not actions, so the app handles them itself; this table is what help shows.
pub static INPUT_KEYS: &[(&str, &str)] = &[
    (
        "Enter",
        "保留筛选 / 跳到结果 keep the filter, jump to the hit",
    ),
    ("Esc", "清除并关闭 clear and close"),
    ("←/→", "按字移动光标 move by character"),
    ("⌫/Del", "删除一个字 delete a character"),
    ("Ctrl-u", "清空 clear the line"),
    ("↑/↓", "选择结果（搜索全部）choose a hit"),
];

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
        assert_eq!(action_for(Key::char('z')), None);
        assert_eq!(help_action_for(Key::char('q')), Some(Action::ToggleHelp));
        assert_eq!(help_action_for(Key::ctrl('c')), Some(Action::Quit));
    }
}
