//! The data set's records, one file per kind. Field names are the stable JSON interface.

mod country;
mod event;
mod initiative;
mod meeting;
mod outcome;
mod results;
mod source;
mod summit;

pub use country::{Country, CountryKind, ScoStatus};
pub use event::{Event, EventKind};
pub use initiative::{Category, Commitment, Initiative, InitiativeGroup, Period};
pub use meeting::{Counterpart, Meeting, Quote};
pub use outcome::Outcome;
pub use results::{ResultItem, Section};
pub use source::Source;
pub use summit::{
    Chairmanship, Document, DocumentKind, Figure, Ggi, GgiConcept, GgiReaction, Leader, NextSummit,
    Summit, SummitMeeting,
};
