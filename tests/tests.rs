//! The integration tests: one binary, one module per concern.

mod cli;
mod common;
mod events;
mod export;
mod golden;
mod http;
mod link;
mod pipeline;
mod push;
mod queries;
mod score;
mod serve;
