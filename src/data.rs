//! The summit data set: model, loading, validation. No terminal code here.

mod dataset;
pub mod files;
mod glossary;
mod labels;
pub mod lang;
pub mod layer;
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
pub use lang::Lang;
pub use layer::{FileCoverage, Layers, Translations, coverage, translate};
pub use load::{
    FileText, LoadFailed, Loaded, Origin, embedded, embedded_in, load, load_deferred, load_layers,
    load_texts,
};
