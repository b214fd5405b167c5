use serde::{Deserialize, Serialize};

use crate::data::model::InitiativeGroup;

/// A section of the 313-item results list (成果清单), e.g. 主席国主要活动 (110 items).
///
/// Numbering runs on through the sections of one group, as in the printed list, so a
/// section's first number is one more than the declared counts of the group's earlier
/// sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Section {
    pub(crate) id: String,
    /// The printed group heading: 举办活动, 成果文件 or 合作倡议.
    pub(crate) group: String,
    pub(crate) title: String,
    pub(crate) declared_count: u32,
    /// Where the section is the list of initiatives, its items are the initiatives of this
    /// group rather than items written here.
    pub(crate) initiatives: Option<InitiativeGroup>,
    #[serde(default)]
    pub(crate) items: Vec<ResultItem>,
    pub(crate) note: Option<String>,
    pub(crate) sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResultItem {
    pub(crate) n: u32,
    /// Exactly as printed.
    pub(crate) title: String,
    pub(crate) note: Option<String>,
}
