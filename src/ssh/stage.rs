//! The presenter's seat and what they show. One presenter at a time; followers watch the
//! stage and copy it into their own app, which lays it out at their own size.

use std::sync::{Mutex, PoisonError};

use tokio::sync::watch;

use crate::app::presence::Presented;

/// Who presents and what they show now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub presenter: String,
    /// `None` until the presenter's first frame.
    pub shows: Option<Presented>,
}

#[derive(Debug)]
pub struct Hub {
    stage: watch::Sender<Option<Stage>>,
    /// The connection that holds the seat.
    seat: Mutex<Option<u64>>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub {
            stage: watch::Sender::new(None),
            seat: Mutex::new(None),
        }
    }
}

impl Hub {
    pub fn subscribe(&self) -> watch::Receiver<Option<Stage>> {
        self.stage.subscribe()
    }

    pub fn current(&self) -> Option<Stage> {
        self.stage.borrow().clone()
    }

    /// Takes the seat if it is free; true when `who` now presents.
    pub fn claim(&self, who: u64, name: &str) -> bool {
        let mut seat = self.seat.lock().unwrap_or_else(PoisonError::into_inner);
        if seat.is_some() {
            return false;
        }
        *seat = Some(who);
        self.stage.send_replace(Some(Stage {
            presenter: name.to_string(),
            shows: None,
        }));
        true
    }

    /// What the presenter shows now; ignored from anyone else, and sent on only if it changed.
    pub fn publish(&self, who: u64, shows: Presented) {
        if *self.seat.lock().unwrap_or_else(PoisonError::into_inner) != Some(who) {
            return;
        }
        self.stage.send_if_modified(|stage| match stage {
            Some(stage) if stage.shows.as_ref() != Some(&shows) => {
                stage.shows = Some(shows);
                true
            }
            _ => false,
        });
    }

    /// Frees the seat when its holder leaves.
    pub fn release(&self, who: u64) {
        let mut seat = self.seat.lock().unwrap_or_else(PoisonError::into_inner);
        if *seat == Some(who) {
            *seat = None;
            self.stage.send_replace(None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Tab;

    fn shows(tab: Tab) -> Presented {
        Presented {
            tab,
            pane: Default::default(),
        }
    }

    #[test]
    fn one_presenter_at_a_time_and_only_they_publish() {
        let hub = Hub::default();
        let mut watcher = hub.subscribe();
        assert!(hub.claim(1, "alice"));
        assert!(!hub.claim(2, "bob"));
        hub.publish(2, shows(Tab::Results));
        assert_eq!(hub.current().and_then(|s| s.shows), None);
        hub.publish(1, shows(Tab::Meetings));
        assert!(watcher.has_changed().unwrap_or(false));
        assert_eq!(
            watcher.borrow_and_update().clone().map(|s| s.presenter),
            Some("alice".to_string())
        );
        // The same again is not news.
        hub.publish(1, shows(Tab::Meetings));
        assert!(!watcher.has_changed().unwrap_or(true));
        hub.release(2);
        assert!(hub.current().is_some());
        hub.release(1);
        assert_eq!(hub.current(), None);
        assert!(hub.claim(2, "bob"));
    }
}
