//! A presented demo: one presenter drives, everyone else follows their pane and selection,
//! each at their own terminal size. The app only knows its own part in it; the SSH server
//! carries what the presenter shows to the followers.

use crate::app::state::PaneState;
use crate::app::tab::Tab;
use crate::app::words::Words;
use crate::text::glyphs::Glyph;

/// This viewer's part in a presented demo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presence {
    /// Who presents now, as the status bar names them; `None` while nobody does.
    pub presenter: Option<String>,
    pub role: DemoRole,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoRole {
    Presenter,
    /// `following` is what the viewer chose with `f`; it only takes effect while somebody
    /// presents.
    Follower {
        following: bool,
    },
}

impl Presence {
    pub fn presenter(name: &str) -> Self {
        Presence {
            presenter: Some(name.to_string()),
            role: DemoRole::Presenter,
        }
    }

    pub fn follower(presenter: Option<String>) -> Self {
        Presence {
            presenter,
            role: DemoRole::Follower { following: true },
        }
    }

    /// True while the presenter's moves replace this viewer's own.
    pub fn is_following(&self) -> bool {
        self.presenter.is_some() && self.role == (DemoRole::Follower { following: true })
    }

    /// What the status bar says about it.
    pub fn describe(&self, w: &Words) -> String {
        let name = self.presenter.as_deref().unwrap_or("");
        let dot = Glyph::Separator.as_str();
        match (self.role, &self.presenter) {
            (DemoRole::Presenter, _) => format!("{} {}", Glyph::Presenting, w.presenting),
            (DemoRole::Follower { .. }, None) => w.no_presenter.to_string(),
            (DemoRole::Follower { following: true }, Some(_)) => {
                format!("{} {}", Glyph::Following, (w.following)(name, dot))
            }
            (DemoRole::Follower { following: false }, Some(_)) => {
                format!("{} {}", Glyph::Paused, (w.browsing)(name, dot))
            }
        }
    }
}

/// What followers copy from the presenter: the tab, and where its pane stands (selection,
/// search, filters, sort, detail focus and link). Each follower lays it out at their own size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presented {
    pub tab: Tab,
    pub pane: PaneState,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width::{Ambiguous, is_ambiguous, with_ambiguous};
    use unicode_segmentation::UnicodeSegmentation;

    fn every_state() -> Vec<Presence> {
        let mut paused = Presence::follower(Some("alice".to_string()));
        paused.role = DemoRole::Follower { following: false };
        vec![
            Presence::presenter("alice"),
            Presence::follower(None),
            Presence::follower(Some("alice".to_string())),
            paused,
        ]
    }

    #[test]
    fn the_status_keeps_its_glyphs_in_narrow_mode_and_drops_ambiguous_ones_in_wide() {
        let narrow: Vec<String> = with_ambiguous(Ambiguous::Narrow, || {
            every_state()
                .iter()
                .map(|p| p.describe(crate::data::Lang::Zh.words()))
                .collect()
        });
        assert_eq!(
            narrow,
            [
                "● 你在演示",
                "无人演示",
                "▶ 跟随 alice · f 自己浏览",
                "‖ 自己浏览 · f 跟随 alice",
            ]
        );
        for presence in every_state() {
            let wide = with_ambiguous(Ambiguous::Wide, || {
                presence.describe(crate::data::Lang::Zh.words())
            });
            assert!(!wide.graphemes(true).any(is_ambiguous), "{wide}");
        }
    }
}
