//! The integration tests: one binary, one module per concern.

mod cli;
mod common;
mod events;
mod explorer;
mod export;
mod faults;
mod golden;
mod http;
mod limits;
mod link;
mod pipeline;
mod push;
mod queries;
mod robustness;
mod score;
mod serve;
mod summary;
mod train;
mod webdriver;
