//! The summit data set: model, loading, validation. No terminal code here.

mod dataset;
pub mod english;
pub mod files;
mod glossary;
mod labels;
pub mod lang;
mod load;
mod locate;
pub mod model;
pub(crate) mod numbering;
mod parsed;
mod problem;
pub mod results_view;
pub mod scale;
pub mod summary;
mod validate;
pub(crate) mod values;

pub use dataset::DataSet;
pub use english::{FileCoverage, Translations, coverage, translate};
pub use lang::Lang;
pub use load::{
    FileText, LoadFailed, Loaded, Origin, embedded, embedded_in, load, load_deferred, load_layers,
    load_texts,
};
