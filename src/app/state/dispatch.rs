//! Where input goes: keys to the action the mode gives them (or to the search line), clicks
//! and the wheel to the mouse, pastes to the line, resizes to the screen; and input that
//! arrived together, applied as one.

use super::*;

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
        let typing = matches!(self.mode, Mode::Search(_) | Mode::Palette { .. });
        typing
            && match input {
                Input::Paste(_) => true,
                Input::Key(key) => !matches!(
                    key.code,
                    KeyCode::Enter | KeyCode::Esc | KeyCode::Up | KeyCode::Down
                ),
                _ => false,
            }
    }

    fn apply(&mut self, input: Input) {
        if let Input::Key(_) = input {
            self.notice = None;
        }
        let before_switch = self.before_switch.take();
        match input {
            Input::Key(key) => match self.mode {
                Mode::Normal | Mode::Help { .. } => {
                    let action = if self.help_open() {
                        keymap::help_action_for(key)
                    } else {
                        keymap::action_for(key)
                    };
                    // A follower's own moves would be undone by the presenter's next one:
                    // only leaving, help and `f` (browse on your own) work while following.
                    let allowed = |action: Action| {
                        !self.is_following()
                            || self.help_open()
                            || matches!(
                                action,
                                Action::Quit | Action::ToggleHelp | Action::Follow | Action::Copy
                            )
                    };
                    match action.filter(|&a| allowed(a)) {
                        Some(Action::ToggleLanguage) if !self.help_open() => {
                            self.switch_language(before_switch)
                        }
                        Some(action) => self.update(action),
                        None => {}
                    }
                }
                Mode::Search(_) | Mode::Palette { .. } => self.type_key(key),
            },
            Input::Mouse(_) if self.is_following() => {}
            Input::Mouse(mouse) => self.mouse(mouse),
            Input::Paste(text) => {
                if let Mode::Search(line) | Mode::Palette { input: line, .. } = &mut self.mode {
                    line.insert(&text);
                }
            }
            Input::Resize { width, height } => {
                self.width = width;
                self.height = height;
            }
        }
    }

    /// Reads on in the other language. Item numbers are the same in both, so the pane,
    /// selection and search stay; switching straight back restores the panes exactly.
    pub(super) fn switch_language(&mut self, before: Option<Box<(Lang, [PaneState; Tab::COUNT])>>) {
        let now = Box::new((self.lang, self.panes.clone()));
        self.lang = self.lang.toggled();
        if let Some(before) = before.filter(|b| b.0 == self.lang) {
            self.panes = before.1;
        }
        self.before_switch = Some(now);
    }
}
