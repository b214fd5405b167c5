//! The tour (kiosk mode, `--tour` or `T`): the dashboard shows itself, one step per interval,
//! for a projector or a booth. The path is a pure list of steps made from the data; time
//! comes in from outside (`tick(now)`), so no timer lives here and every step is testable.

use std::time::{Duration, Instant};

use crate::app::action::Action;
use crate::app::catalog::Catalog;
use crate::app::panes::{initiatives, outcomes};
use crate::app::tab::Tab;

/// How long each step stays on the screen unless `--tour SECONDS` says otherwise.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(8);
/// The shortest interval: a tour redraws once per step, and no faster than a reader (or a
/// server with many viewers) can follow.
pub const MIN_INTERVAL: Duration = Duration::from_secs(2);
/// How long a paused tour waits without a key before it runs again, unless
/// `--tour-resume SECONDS` says otherwise.
pub const DEFAULT_RESUME: Duration = Duration::from_secs(60);
/// The most meetings the tour shows on the map.
pub const MEETINGS_SHOWN: usize = 5;

/// What the timeline step does after selecting the summit's first event: the axis, zoomed
/// from years through months to the hours of the summit days.
pub const TIMELINE_AXIS: &[Action] = &[Action::ToggleAxis, Action::ZoomIn, Action::ZoomIn];

/// One screen of the tour: a pane, the record selected in it, and what to turn on there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub tab: Tab,
    /// The selected record (the pane's item index); 0 on the overview.
    pub item: usize,
    /// The meetings' map beside the list.
    pub map: bool,
    /// Actions run after the pane is shown (see [`TIMELINE_AXIS`]).
    pub then: &'static [Action],
}

impl Step {
    fn at(tab: Tab, item: usize) -> Step {
        Step {
            tab,
            item,
            map: false,
            then: &[],
        }
    }
}

/// The curated path: the overview; each outcome followed by the initiatives it links to; the
/// meetings in the summit's city on the map; the timeline at the summit's first day; the
/// results list. Item numbers are the same in both languages, so the path is made from the
/// Chinese catalog and a switch of language keeps the tour's place.
pub fn steps(catalog: &Catalog) -> Vec<Step> {
    let data = &catalog.data;
    let mut steps = vec![Step::at(Tab::Overview, 0)];
    for outcome in &data.outcomes {
        let Some(item) = outcomes::locate(catalog, outcome.n) else {
            continue;
        };
        steps.push(Step::at(Tab::Outcomes, item));
        steps.extend(
            outcome
                .initiatives
                .iter()
                .filter_map(|&n| initiatives::locate(catalog, n))
                .map(|item| Step::at(Tab::Initiatives, item)),
        );
    }
    // The meetings held in the summit's city (its bilateral meetings), else the first ones.
    let summit_city = data.summit.as_ref().map(|s| &s.city);
    let mut meetings: Vec<usize> = (0..data.meetings.len())
        .filter(|&i| summit_city.is_some() && data.meetings[i].city.as_ref() == summit_city)
        .collect();
    if meetings.is_empty() {
        meetings = (0..data.meetings.len()).collect();
    }
    for item in meetings.into_iter().take(MEETINGS_SHOWN) {
        steps.push(Step {
            map: true,
            ..Step::at(Tab::Meetings, item)
        });
    }
    if !catalog.timeline.is_empty() {
        let summit_day = data.summit.as_ref().map(|s| s.start.0);
        // The summit's first event in date order, else the start of the timeline.
        let place = summit_day
            .and_then(|day| {
                catalog
                    .timeline
                    .iter()
                    .position(|&i| data.timeline[i].date.first_day() >= day)
            })
            .unwrap_or(0);
        steps.push(Step {
            then: TIMELINE_AXIS,
            ..Step::at(Tab::Timeline, place)
        });
    }
    steps.push(Step::at(Tab::Results, 0));
    steps
}

/// A tour under way: where it is on its path, and whether it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tour {
    steps: Vec<Step>,
    /// The step shown now.
    at: usize,
    interval: Duration,
    /// When the current step was shown; `None` until the first tick after a (re)start, which
    /// shows it at once.
    shown_at: Option<Instant>,
    paused: bool,
    /// A paused tour runs again after this long without a key (`--tour-resume`), so a booth
    /// left alone goes back to touring; `None` waits for the tour key.
    resume_after: Option<Duration>,
    /// Since when a paused tour has had no key: the first tick after the last key.
    idle_since: Option<Instant>,
}

impl Tour {
    /// A tour of the catalog from its first step, one step per `interval` (at least
    /// [`MIN_INTERVAL`]).
    pub fn new(catalog: &Catalog, interval: Duration) -> Tour {
        Tour {
            steps: steps(catalog),
            at: 0,
            interval: interval.max(MIN_INTERVAL),
            shown_at: None,
            paused: false,
            resume_after: Some(DEFAULT_RESUME),
            idle_since: None,
        }
    }

    /// Resumes after `after` without keys once paused, or never (`None`).
    pub fn resuming_after(mut self, after: Option<Duration>) -> Tour {
        self.resume_after = after;
        self
    }

    /// A key came: a paused tour waits its whole idle time again from the next tick.
    pub fn touched(&mut self) {
        self.idle_since = None;
    }

    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// The step shown now.
    pub fn current(&self) -> Option<&Step> {
        self.steps.get(self.at)
    }

    /// Moves on to the next step (after the last, the first again) and returns it.
    pub fn next_step(&mut self) -> Option<&Step> {
        if !self.steps.is_empty() {
            self.at = (self.at + 1) % self.steps.len();
        }
        self.current()
    }

    /// The step shown now and the number of steps, counted from 1: (3, 24).
    pub fn position(&self) -> (usize, usize) {
        (self.at + 1, self.steps.len())
    }

    pub fn is_paused(&self) -> bool {
        self.paused
    }

    pub fn pause(&mut self) {
        self.paused = true;
        self.idle_since = None;
    }

    /// Runs again from the step it paused at, shown again at the next tick (the reader may
    /// have moved away from it meanwhile).
    pub fn resume(&mut self) {
        self.paused = false;
        self.shown_at = None;
    }

    /// When the next step is due, or a paused tour resumes; `None` when nothing is due
    /// without a key.
    pub fn due_at(&self) -> Option<Instant> {
        if self.paused {
            return Some(self.idle_since? + self.resume_after?);
        }
        self.shown_at.map(|at| at + self.interval)
    }

    /// The step to show now, if any: the current one on the first tick after a (re)start,
    /// the next one once the interval has passed, nothing before it or while paused. At
    /// most one step per call, however late the tick.
    pub fn tick(&mut self, now: Instant) -> Option<&Step> {
        if self.paused {
            let idle_since = *self.idle_since.get_or_insert(now);
            match self.resume_after {
                Some(after) if now >= idle_since + after => self.resume(),
                _ => return None,
            }
        }
        match self.shown_at {
            None => {
                self.shown_at = Some(now);
                self.current()
            }
            Some(at) if now >= at + self.interval => {
                self.shown_at = Some(now);
                self.next_step()
            }
            Some(_) => None,
        }
    }
}

#[cfg(test)]
mod tests;
