//! The data set's records, one file per kind. Field names are the stable JSON interface.

mod country;
mod event;
mod initiative;
mod meeting;
mod outcome;
mod results;
mod source;
mod summit;
mod voice;

pub use country::{Country, CountryKind, ScoStatus};
pub(crate) use event::Event;
pub use event::EventKind;
pub use initiative::{Category, Commitment, Initiative, InitiativeGroup, Period};
pub(crate) use meeting::Meeting;
pub(crate) use outcome::Outcome;
pub(crate) use results::Section;
pub(crate) use source::Source;
pub(crate) use summit::{Document, DocumentKind, Figure, Ggi, Leader, Summit};
pub use voice::Voice;
