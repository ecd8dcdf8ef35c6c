#![doc = include_str!("../README.md")]

pub mod cameo;
pub mod coref;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod input;
pub mod json;
pub mod lexicon;
pub mod link;
pub mod model;
pub mod ner;
pub mod pipeline;
pub mod push;
pub mod query;
pub mod rdf;
pub mod segment;
pub mod serve;
pub mod store;
pub mod summary;

pub use error::{Error, Result};
pub use model::{Analysis, Document, Metadata};
pub use pipeline::Pipeline;
