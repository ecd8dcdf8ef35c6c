//! `newsgraph push`: the store's article graphs → a remote SPARQL store.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};

use crate::cli::{PushArgs, PushProtocol};
use newsgraph::push::{self, Protocol, PushError, Remote};

/// A remote endpoint from the command line's URL and credentials.
pub fn remote(url: &str, protocol: Protocol, token: Option<&str>, user: Option<&str>) -> Result<Remote> {
    let mut remote = Remote::new(url, protocol)?;
    if let Some(t) = token.filter(|t| !t.trim().is_empty()) {
        remote = remote.with_token(t)?;
    }
    if let Some(u) = user {
        let Some((name, password)) = u.split_once(':') else {
            bail!("--user (or NEWSGRAPH_REMOTE_USER) must be USER:PASSWORD");
        };
        remote = remote.with_basic_auth(name, password)?;
    }
    Ok(remote)
}

/// What to do after a failed request.
pub fn hint(err: &PushError) -> &'static str {
    match err.status() {
        None => "is the server running, and is the URL right? Pushing again is safe: graphs already sent are replaced",
        Some(401) => "the server wants credentials: give --token (or NEWSGRAPH_TOKEN) or --user USER:PASSWORD",
        Some(403) => "the server refused the credentials or does not accept updates there: check the token and the server's write permissions",
        Some(404 | 405) => "check the URL: --protocol gsp wants the Graph Store endpoint, --protocol update the SPARQL Update endpoint",
        Some(413) => "the request was too large for the server: lower --batch, or use --protocol gsp",
        Some(_) => "see the server's message; pushing again is safe: graphs already sent are replaced",
    }
}

/// Runs `push`.
pub fn run(args: PushArgs) -> Result<ExitCode> {
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        bail!("--timeout {} is not a number of seconds above 0", args.timeout);
    }
    let protocol = match args.protocol {
        PushProtocol::Gsp => Protocol::GraphStore,
        PushProtocol::Update => Protocol::Update,
    };
    let remote = remote(&args.to, protocol, args.token.as_deref(), args.user.as_deref())
        .context("check --to and the credentials")?
        .with_retries(args.retries)
        .with_timeout(Duration::from_secs_f64(args.timeout));
    let store = super::open_store_read_only(&args.store)?;
    let total = store.graphs().context("cannot list the store's graphs")?.len();
    let mut sent = 0;
    let result = push::push(&store, &remote, args.batch.max(1), |r| sent = r.graphs);
    match result {
        Ok(r) => {
            println!(
                "pushed {} graph{} ({} triples) to {} in {} request{}",
                r.graphs,
                if r.graphs == 1 { "" } else { "s" },
                r.triples,
                remote.url(),
                r.requests,
                if r.requests == 1 { "" } else { "s" }
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let hint = hint(&e);
            Err(anyhow::Error::new(e)
                .context(format!("push to {} stopped after {sent} of {total} graphs ({hint})", remote.url())))
        }
    }
}
