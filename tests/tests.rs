//! The integration tests: one binary, one module per concern.

mod cli;
mod common;
mod export;
mod golden;
mod link;
mod pipeline;
mod queries;
mod score;
