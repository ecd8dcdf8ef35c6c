//! Stage 6, `map`: an analysis → RDF quads in the article's named graph.
//!
//! [`vocab`] holds every IRI emitted, [`mint`] makes stable IRIs for articles,
//! entities, sentences, quotations and events, and [`map`](mod@map) builds the quads.

pub mod map;
pub mod mint;
pub mod vocab;

pub use map::{map, map_with};
