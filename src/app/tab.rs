/// The dashboard's panes, in tab order. Adding one makes the compiler list every match that
/// must learn about it, and every array sized by `Tab::COUNT`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    clap::ValueEnum,
    strum::EnumCount,
    strum::EnumIter,
    strum::FromRepr,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case", prefix = "tab_")]
pub enum Tab {
    Overview,
    Outcomes,
    Initiatives,
    Timeline,
    Meetings,
    Results,
    Voices,
}

pub use strum::EnumCount;

impl Tab {
    /// Every tab in order (its length is checked against the enum's).
    pub const ALL: [Tab; Tab::COUNT] = [
        Tab::Overview,
        Tab::Outcomes,
        Tab::Initiatives,
        Tab::Timeline,
        Tab::Meetings,
        Tab::Results,
        Tab::Voices,
    ];

    /// The name of the action that goes to it, in the config file's `[keys]`: `tab_meetings`.
    pub fn config_name(self) -> &'static str {
        self.into()
    }

    /// Its name on the command line and in the config file's `start_tab`: `meetings`.
    pub fn name(self) -> &'static str {
        let name = self.config_name();
        name.strip_prefix("tab_").unwrap_or(name)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(index: usize) -> Option<Tab> {
        Tab::from_repr(index)
    }

    pub fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::COUNT]
    }

    pub fn previous(self) -> Tab {
        Tab::ALL[(self.index() + Tab::COUNT - 1) % Tab::COUNT]
    }

    pub fn title_zh(self) -> &'static str {
        match self {
            Tab::Overview => "概览",
            Tab::Outcomes => "八大成果",
            Tab::Initiatives => "合作倡议",
            Tab::Timeline => "时间线",
            Tab::Meetings => "元首会见",
            Tab::Results => "成果清单",
            Tab::Voices => "言论",
        }
    }

    pub fn title_en(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Outcomes => "Outcomes",
            Tab::Initiatives => "Initiatives",
            Tab::Timeline => "Timeline",
            Tab::Meetings => "Meetings",
            Tab::Results => "Results",
            Tab::Voices => "Voices",
        }
    }

    /// Whether the pane is a list with a detail beside it (all but the overview).
    pub fn has_list(self) -> bool {
        self != Tab::Overview
    }

    /// Whether the pane can show a map beside its list (`m`): the meetings.
    pub fn has_map(self) -> bool {
        self == Tab::Meetings
    }

    /// Whether the pane has charts (`b`): the initiatives' commitments, the meetings' counts.
    pub fn has_chart(self) -> bool {
        matches!(self, Tab::Initiatives | Tab::Meetings)
    }

    /// Whether the pane has the timeline axis (`z`).
    pub fn has_axis(self) -> bool {
        self == Tab::Timeline
    }

    /// The other views this pane can show (map, axis, charts): the status bar names their
    /// keys here, the help everywhere.
    pub fn views(self) -> impl Iterator<Item = crate::app::Action> {
        use crate::app::Action;
        [
            (Action::ToggleMap, self.has_map()),
            (Action::ToggleAxis, self.has_axis()),
            (Action::ToggleChart, self.has_chart()),
        ]
        .into_iter()
        .filter_map(|(action, offered)| offered.then_some(action))
    }
}
