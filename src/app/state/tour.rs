//! The tour in the app: started by `--tour` or its key, paused by any key, moved on by ticks
//! that whoever owns the screen passes in with the time (the app keeps no clock).

use std::time::{Duration, Instant};

use super::*;
use crate::app::tour::{Step, Tour};

impl App {
    /// The tour, running or paused; `None` when none was started.
    pub fn tour(&self) -> Option<&Tour> {
        self.tour.as_ref()
    }

    /// True while a tour moves on by itself (started and not paused).
    pub fn tour_running(&self) -> bool {
        self.tour.as_ref().is_some_and(|tour| !tour.is_paused())
    }

    /// Starts a tour from its first step, one step per `interval` (`--tour SECONDS`); the
    /// tour key starts later ones at the same pace.
    pub fn start_tour(&mut self, interval: Duration) {
        self.tour_interval = interval;
        self.tour = Some(self.new_tour());
    }

    /// How long a paused tour waits without keys before it runs again (`--tour-resume`);
    /// `None`: until the tour key.
    pub fn set_tour_resume(&mut self, after: Option<Duration>) {
        self.tour_resume = after;
        if let Some(tour) = self.tour.take() {
            self.tour = Some(tour.resuming_after(after));
        }
    }

    /// A kiosk (`--kiosk`): `q` does not quit; Ctrl-c and signals still end it.
    pub fn set_kiosk(&mut self, kiosk: bool) {
        self.kiosk = kiosk;
    }

    fn new_tour(&self) -> Tour {
        Tour::new(&self.catalog, self.tour_interval).resuming_after(self.tour_resume)
    }

    /// When the next step is due, for the loop that ticks the tour to sleep until then.
    pub fn tour_due_at(&self) -> Option<Instant> {
        self.tour.as_ref().and_then(Tour::due_at)
    }

    /// Moves the tour on if a step is due at `now`: at most one step per call. True when the
    /// screen changed.
    pub fn tour_tick(&mut self, now: Instant) -> bool {
        // A follower shows the presenter's tour, never one of its own.
        if self.is_following() {
            return false;
        }
        let Some(step) = self.tour.as_mut().and_then(|tour| tour.tick(now)).cloned() else {
            return false;
        };
        self.show_step(&step);
        true
    }

    /// The tour key: starts a tour, resumes a paused one, pauses a running one.
    pub(super) fn toggle_tour(&mut self) {
        match &mut self.tour {
            None => self.tour = Some(self.new_tour()),
            Some(tour) if tour.is_paused() => tour.resume(),
            Some(tour) => tour.pause(),
        }
    }

    pub(super) fn pause_tour(&mut self) {
        if let Some(tour) = &mut self.tour {
            tour.pause();
        }
    }

    /// Shows a step as a reader would find it: the pane fresh (no search, filter or sort, so
    /// the record is in the list), the record selected, its detail open from the top.
    fn show_step(&mut self, step: &Step) {
        self.tab = step.tab;
        self.mode = Mode::Normal;
        self.history.clear();
        *self.pane_mut() = PaneState {
            selected: step.item,
            chosen: true,
            map: step.map,
            // The record's detail is what a room reads (on a narrow screen the list alone
            // would show only titles); the map takes its turn with the detail instead.
            focus: if step.map { Focus::List } else { Focus::Detail },
            ..PaneState::default()
        };
        self.settle();
        for &action in step.then {
            self.update(action);
        }
    }
}

/// How long a step stays when the tour key starts a tour without `--tour`.
pub(super) const DEFAULT_TOUR_INTERVAL: Duration = crate::app::tour::DEFAULT_INTERVAL;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::input::Key;

    fn app() -> App {
        crate::app::testing::app(120, 40)
    }

    const EIGHT: Duration = Duration::from_secs(8);

    #[test]
    fn the_tour_key_starts_a_tour_that_ticks_show() {
        let mut app = app();
        let t0 = Instant::now();
        app.handle(Input::Key(Key::char('T')));
        assert!(app.tour_running());
        assert!(app.tour_tick(t0), "the first tick shows the first step");
        assert_eq!(app.tab(), Tab::Overview);
        assert!(!app.tour_tick(t0 + Duration::from_secs(7)));
        assert!(app.tour_tick(t0 + EIGHT));
        assert_eq!(app.tab(), Tab::Outcomes);
        assert_eq!(app.pane().selected, 0);
        assert_eq!(app.tour().map(Tour::position).map(|p| p.0), Some(2));
    }

    #[test]
    fn any_key_pauses_and_does_nothing_else_and_the_tour_key_resumes() {
        let mut app = app();
        let t0 = Instant::now();
        app.start_tour(EIGHT);
        app.tour_tick(t0);
        app.tour_tick(t0 + EIGHT);
        let before = app.presented();
        // `q` would quit and `2` switch tabs: while the tour runs they only pause it.
        app.handle(Input::Key(Key::char('q')));
        assert!(!app.tour_running());
        assert!(!app.has_quit());
        assert_eq!(app.presented(), before);
        assert!(!app.tour_tick(t0 + EIGHT * 5), "a paused tour stands still");
        // Paused, keys do what they always do (Esc: from the detail back to the list).
        app.handle(Input::Key(Key::plain(KeyCode::Esc)));
        app.handle(Input::Key(Key::char('j')));
        assert_eq!(app.pane().selected, 1);
        app.handle(Input::Key(Key::char('T')));
        assert!(app.tour_running());
        // Resumed where it paused.
        assert!(app.tour_tick(t0 + EIGHT * 6));
        assert_eq!(app.tab(), Tab::Outcomes);
        assert_eq!(app.pane().selected, 0);
    }

    #[test]
    fn the_path_is_the_same_in_both_languages() {
        let mut zh = app();
        zh.start_tour(EIGHT);
        let mut en = app();
        en.set_lang(Lang::En);
        en.start_tour(EIGHT);
        assert_eq!(
            zh.tour().map(Tour::steps),
            en.tour().map(Tour::steps),
            "a language switch keeps the tour's place"
        );
    }

    #[test]
    fn ctrl_c_still_quits_during_a_tour() {
        let mut app = app();
        app.start_tour(EIGHT);
        app.handle(Input::Key(Key::ctrl('c')));
        assert!(app.has_quit());
    }

    #[test]
    fn the_meetings_steps_turn_the_map_on() {
        let mut app = app();
        let t0 = Instant::now();
        app.start_tour(EIGHT);
        let meetings = app
            .tour()
            .and_then(|t| t.steps().iter().position(|s| s.tab == Tab::Meetings))
            .unwrap_or_default();
        app.tour_tick(t0);
        for n in 1..=meetings {
            app.tour_tick(t0 + EIGHT * n as u32);
        }
        assert_eq!(app.tab(), Tab::Meetings);
        assert!(app.pane().map);
        // What followers copy carries the map.
        assert!(app.presented().pane.map);
    }

    #[test]
    fn the_timeline_step_shows_the_summit_days_on_the_axis() {
        let mut app = app();
        let t0 = Instant::now();
        app.start_tour(EIGHT);
        let timeline = app
            .tour()
            .and_then(|t| t.steps().iter().position(|s| s.tab == Tab::Timeline))
            .unwrap_or_default();
        app.tour_tick(t0);
        for n in 1..=timeline {
            app.tour_tick(t0 + EIGHT * n as u32);
        }
        assert_eq!(app.tab(), Tab::Timeline);
        assert!(app.pane().axis);
        assert_eq!(app.pane().zoom, crate::app::axis::Zoom::Hours);
    }

    #[test]
    fn followers_follow_the_presenters_tour_map_and_all() {
        use crate::app::presence::Presence;
        let mut presenter = app();
        presenter.set_presence(Some(Presence::presenter("alice")));
        let mut follower = App::new(Arc::clone(presenter.catalog()), 80, 24);
        follower.set_presence(Some(Presence::follower(Some("alice".into()))));
        let t0 = Instant::now();
        presenter.handle(Input::Key(Key::char('T')));
        let steps = presenter
            .tour()
            .map(|t| t.steps().len())
            .unwrap_or_default();
        for n in 0..steps {
            assert!(presenter.tour_tick(t0 + EIGHT * n as u32));
            follower.follow(&presenter.presented());
            // Ticks on the follower's side change nothing: the presenter drives.
            assert!(!follower.tour_tick(t0 + EIGHT * (n as u32 + 1)));
            assert_eq!(follower.tab(), presenter.tab(), "step {n}");
            assert_eq!(follower.pane().selected, presenter.pane().selected);
            assert_eq!(follower.pane().map, presenter.pane().map);
        }
    }

    #[test]
    fn a_follower_never_runs_a_tour_of_its_own() {
        use crate::app::presence::Presence;
        let mut app = app();
        app.set_presence(Some(Presence::follower(Some("alice".into()))));
        app.handle(Input::Key(Key::char('T')));
        assert!(app.tour().is_none());
    }
}
