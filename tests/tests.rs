//! The integration tests: one binary, one module per concern.

mod cli;
mod common;
mod events;
mod explorer;
mod export;
mod golden;
mod http;
mod link;
mod pipeline;
mod push;
mod queries;
mod score;
mod serve;
mod train;
mod webdriver;
