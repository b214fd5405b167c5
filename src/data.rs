//! The summit data set: model, loading, validation. No terminal code here.

mod dataset;
pub mod files;
mod load;
mod locate;
pub mod model;
pub mod numbering;
mod problem;
pub mod results_view;
pub mod scale;
pub mod summary;
mod validate;
pub mod values;

pub use dataset::DataSet;
pub use load::{FileText, LoadFailed, Loaded, Origin, embedded, load, load_texts};
pub use problem::{DataErrors, Problem};
