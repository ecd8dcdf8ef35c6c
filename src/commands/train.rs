//! `newsgraph train`: learn the recogniser's weights, cross-validate them,
//! write them or check the shipped ones.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};

use super::Output;
use crate::cli::TrainArgs;
use newsgraph::ner::model::{Model, SHIPPED_BYTES};
use newsgraph::ner::train::{self, Prepared, ScoreTable, TrainConfig};

/// Runs `train`.
pub fn run(args: &TrainArgs) -> Result<ExitCode> {
    let clock = Instant::now();
    let config = TrainConfig::read(&args.config).with_context(|| {
        format!(
            "cannot use the training config {} (run from the newsgraph source directory, or pass --config)",
            args.config.display()
        )
    })?;
    let read = |paths: &[std::path::PathBuf]| -> Result<Vec<_>> {
        let mut docs = Vec::new();
        for p in paths {
            docs.extend(train::read_docs(p).context("the training data is listed in the config; see data/README.md")?);
        }
        Ok(docs)
    };
    let (gold, silver) = (read(&config.gold)?, read(&config.silver)?);
    let (n_gold, n_silver) = (gold.len(), silver.len());
    anyhow::ensure!(n_gold >= config.folds, "{n_gold} gold documents cannot make {} folds", config.folds);
    let data = Prepared::new(gold, silver, &config);
    eprintln!(
        "read {n_gold} gold and {n_silver} silver documents: {} names, {} ({:.1}%) out of the candidates' reach [{:.0?}]",
        data.gold_names,
        data.unreachable,
        100.0 * data.unreachable as f64 / data.gold_names.max(1) as f64,
        clock.elapsed()
    );
    let mut out = std::io::stdout().lock();
    if !args.no_cv {
        let cv = train::cross_validate(&data, &config);
        writeln!(
            out,
            "{}-fold cross-validation over the {n_gold} gold documents (silver ones always train):",
            config.folds
        )?;
        for (i, (ids, s)) in cv.folds.iter().enumerate() {
            writeln!(out, "  fold {}: {} documents, mentions_typed F1 {:.3}", i + 1, ids.len(), s.typed.f1())?;
        }
        writeln!(out, "{}", ScoreTable(&cv.total))?;
        if let Some(path) = &args.predictions {
            let mut file = Output::new(Some(path))?;
            for p in &cv.predictions {
                let text = data.text_of(&p.id).unwrap_or_default();
                writeln!(file, "{}", p.to_json(text)).with_context(|| format!("cannot write {}", path.display()))?;
            }
            file.finish()?;
        }
        eprintln!("cross-validation done [{:.0?}]", clock.elapsed());
    }
    let all: Vec<usize> = (0..data.len()).collect();
    let model = train::train(&data, &all, &config);
    let bytes = model.to_bytes();
    eprintln!("trained on everything: {} features [{:.0?}]", model.len(), clock.elapsed());
    if let Some(dev) = &args.dev {
        let docs = train::read_docs(dev).context("--dev takes annotated JSONL, like the training data")?;
        let scores = train::evaluate_pipeline(&docs, Arc::new(model));
        writeln!(out, "pipeline on {} ({} documents):", dev.display(), docs.len())?;
        writeln!(out, "{}", ScoreTable(&scores))?;
    }
    out.flush()?;
    if args.check {
        if bytes == SHIPPED_BYTES {
            writeln!(out, "the shipped weights are what this data and config give ({} bytes)", bytes.len())?;
            return Ok(ExitCode::SUCCESS);
        }
        let shipped = Model::from_bytes(SHIPPED_BYTES).map(|m| m.len()).unwrap_or(0);
        eprintln!(
            "newsgraph: the shipped weights ({shipped} features) differ from what this data and config give ({} features); \
             run `newsgraph train` and rebuild",
            Model::from_bytes(&bytes).map(|m| m.len()).unwrap_or(0)
        );
        return Ok(ExitCode::FAILURE);
    }
    let mut file = Output::new(Some(&args.output))?;
    file.write_all(&bytes).with_context(|| format!("cannot write {}", args.output.display()))?;
    file.finish()?;
    eprintln!("wrote {} ({} bytes); rebuild newsgraph to embed it", args.output.display(), bytes.len());
    Ok(ExitCode::SUCCESS)
}
