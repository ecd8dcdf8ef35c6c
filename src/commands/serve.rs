//! `newsgraph serve`: the store over HTTP until the process is stopped.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};

use crate::cli::ServeArgs;
use newsgraph::serve::{self, Endpoint, ServeOptions};
use newsgraph::store::Store;

/// Runs `serve`.
pub fn run(args: ServeArgs) -> Result<ExitCode> {
    let update_token = match (args.allow_update, args.token.as_deref().map(str::trim)) {
        (false, _) => None,
        (true, Some(t)) if !t.is_empty() => Some(t.to_owned()),
        (true, _) => bail!(
            "--allow-update needs a token that clients must send: set NEWSGRAPH_TOKEN (or --token) to a long random \
             string, e.g. `export NEWSGRAPH_TOKEN=$(head -c 24 /dev/urandom | base64)`"
        ),
    };
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        bail!("--timeout {} is not a number of seconds above 0", args.timeout);
    }
    let addrs = serve::addresses(&args.bind).context("check --bind")?;
    let store = if args.memory {
        Store::memory().context("cannot create an in-memory store")?
    } else {
        super::open_store(&args.store)?
    };
    let location = store.location().to_owned();
    let options = ServeOptions {
        update_token,
        timeout: Duration::from_secs_f64(args.timeout),
        max_rows: args.max_rows,
        max_body: args.max_body,
        allow_service: args.allow_service,
        ..ServeOptions::default()
    };
    let updates = if options.update_token.is_some() {
        "updates at /update for clients that send the token"
    } else {
        "read-only: --allow-update to accept updates"
    };
    let server = Endpoint::new(store, options).listen(&addrs).with_context(|| {
        format!("cannot serve on {} (is another server using that port? pick another with --bind)", args.bind)
    })?;
    if addrs.iter().any(|a| !a.ip().is_loopback()) {
        eprintln!(
            "newsgraph: warning: {} answers other machines too; the traffic is plain HTTP (put a reverse proxy with HTTPS in front)",
            args.bind
        );
    }
    eprintln!(
        "newsgraph: serving the store at {location} on http://{}/ — open it in a browser to explore the graph; \
         SPARQL queries at /query, Graph Store at /store, {updates}; stop with Ctrl-C",
        addrs[0]
    );
    server.join().context("the server stopped")?;
    Ok(ExitCode::SUCCESS)
}
