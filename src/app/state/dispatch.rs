//! Where input goes: each input becomes at most one `Change` by the mode it arrives in (the
//! one table of what a key does in each mode), and `change` applies it; input that arrived
//! together is applied as one.

use super::*;
use crate::app::keymap::LineAction;

/// One change to the app, whatever input asked for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// An action of the keymap, in the normal mode or over the help.
    Do(Action),
    /// An editing key of the open search line.
    Edit(LineAction),
    /// Text typed or pasted into the open search line.
    Type(String),
    /// A click or the wheel.
    Point(Mouse),
    Resize {
        width: u16,
        height: u16,
    },
    /// Any key or click while a tour runs: the tour pauses, and the key does nothing else
    /// (a visitor at a booth pressing keys should not find the demo gone or changed).
    PauseTour,
}

impl App {
    pub fn handle(&mut self, input: Input) {
        self.apply(input);
        self.settle();
    }

    /// Handles everything that arrived at once, as `handle` one by one would, but brings the
    /// list up to date once per run of typing rather than once per character: a pasted or
    /// typed-ahead query searches the data set once, not once per letter.
    pub fn handle_all(&mut self, inputs: impl IntoIterator<Item = Input>) {
        let mut unsettled = false;
        for input in inputs {
            if self.only_edits_the_line(&input) {
                self.apply(input);
                unsettled = true;
            } else {
                if unsettled {
                    self.settle();
                }
                self.handle(input);
                unsettled = false;
            }
        }
        if unsettled {
            self.settle();
        }
    }

    /// Whether an input only changes the search line's text or caret: nothing else reads
    /// the settled list until the next other input.
    fn only_edits_the_line(&self, input: &Input) -> bool {
        match self.interpret(input.clone()) {
            Some(Change::Type(_)) => true,
            Some(Change::Edit(action)) => action.edits_text(),
            _ => false,
        }
    }

    fn apply(&mut self, input: Input) {
        if let Input::Key(_) | Input::Mouse(_) | Input::Paste(_) = input {
            self.notice = None;
            if let Some(tour) = &mut self.tour {
                tour.touched();
            }
        }
        match self.interpret(input) {
            Some(change) => self.change(change),
            // Whatever did nothing still ends a run of language switches.
            None => self.before_switch.clear(),
        }
    }

    /// What an input asks for in the current mode: the keymap's action in the normal mode
    /// and over the help, the search line's own keys while it is open, clicks and the
    /// wheel, pastes, resizes. Input a mode has no use for is nothing.
    pub fn interpret(&self, input: Input) -> Option<Change> {
        if self.tour_running() {
            match input {
                // Ctrl-c still leaves, as it does everywhere.
                Input::Key(key) if key.ctrl && key.code == KeyCode::Char('c') => {
                    return Some(Change::Do(Action::Quit));
                }
                Input::Key(_) | Input::Mouse(_) => return Some(Change::PauseTour),
                Input::Paste(_) | Input::Resize { .. } => {}
            }
        }
        match input {
            Input::Key(key) => match self.mode {
                Mode::Normal | Mode::Help { typing: false, .. } => {
                    let action = if self.help_open() {
                        self.keymap.help_action_for(key)
                    } else {
                        self.keymap.action_for(key)
                    };
                    // A follower's own moves would be undone by the presenter's next one:
                    // only leaving, help and `f` (browse on your own) work while following.
                    let allowed = |action: Action| {
                        !self.is_following()
                            || self.help_open()
                            || matches!(
                                action,
                                Action::Quit
                                    | Action::ToggleHelp
                                    | Action::Follow
                                    | Action::Copy
                                    | Action::ToggleLanguage
                            )
                    };
                    // A kiosk keeps touring: only Ctrl-c (or a signal) ends it, never a
                    // visitor's `q`.
                    let kiosk_quit = |action: Action| {
                        self.kiosk
                            && action == Action::Quit
                            && !(key.ctrl && key.code == KeyCode::Char('c'))
                    };
                    action
                        .filter(|&a| allowed(a) && !kiosk_quit(a))
                        .map(Change::Do)
                }
                Mode::Search(_)
                | Mode::Palette { .. }
                | Mode::Picker { .. }
                | Mode::Help { typing: true, .. } => {
                    match crate::app::keymap::line_action_for(key) {
                        Some(action) => Some(Change::Edit(action)),
                        None => match key.code {
                            KeyCode::Char(c) if !key.ctrl && !key.alt => {
                                Some(Change::Type(c.to_string()))
                            }
                            _ => None,
                        },
                    }
                }
            },
            Input::Mouse(_) if self.is_following() => None,
            Input::Mouse(mouse) => Some(Change::Point(mouse)),
            Input::Paste(text) => self.typing().then_some(Change::Type(text)),
            Input::Resize { width, height } => Some(Change::Resize { width, height }),
        }
    }

    fn typing(&self) -> bool {
        matches!(
            self.mode,
            Mode::Search(_)
                | Mode::Palette { .. }
                | Mode::Picker { .. }
                | Mode::Help { typing: true, .. }
        )
    }

    /// The one place a change is applied.
    pub fn change(&mut self, change: Change) {
        let before_switch = std::mem::take(&mut self.before_switch);
        match change {
            Change::Do(Action::ToggleLanguage) if !self.help_open() => {
                self.switch_language(before_switch)
            }
            Change::Do(action) => self.update(action),
            Change::Edit(action) => self.edit_line(action),
            Change::Type(text) => self.type_text(&text),
            Change::Point(mouse) => self.mouse(mouse),
            Change::Resize { width, height } => {
                self.width = width;
                self.height = height;
            }
            Change::PauseTour => self.pause_tour(),
        }
    }

    /// Reads on in the next language (zh → en → ru → zh). Item numbers are the same in
    /// every language, so the pane, selection and search stay; going straight round to a
    /// language again restores its panes exactly. `run` holds the panes of the languages left
    /// in this run of switches.
    pub(super) fn switch_language(&mut self, mut run: Vec<(Lang, [PaneState; Tab::COUNT])>) {
        run.retain(|(lang, _)| *lang != self.lang);
        run.push((self.lang, self.panes.clone()));
        self.lang = self.lang.next();
        if let Some(at) = run.iter().position(|(lang, _)| *lang == self.lang) {
            self.panes = run.swap_remove(at).1;
        }
        self.before_switch = run;
    }
}
