//! `newsgraph train`: the shipped weights are what the training data and
//! config give, and bad configs or data get clear errors.

use assert_fs::prelude::*;
use predicates::prelude::*;

use crate::common::{bin, path};

#[test]
fn shipped_weights_are_what_train_produces() {
    // retrains from data/train/ with data/model/ner.json and compares bytes with the embedded weights
    bin()
        .args(["train", "--no-cv", "--check", "--config"])
        .arg(path("data/model/ner.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains("the shipped weights are what this data and config give"));
}

#[test]
fn a_missing_config_says_where_to_run_from() {
    let dir = assert_fs::TempDir::new().expect("a temp dir");
    bin()
        .current_dir(dir.path())
        .args(["train", "--no-cv"])
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains("data/model/ner.json").and(predicate::str::contains("--config")));
}

#[test]
fn malformed_configs_and_data_are_named() {
    let dir = assert_fs::TempDir::new().expect("a temp dir");
    let config = dir.child("ner.json");
    config.write_str("{\"gold\": [\"gold.jsonl\"], \"epochs\": 1}").expect("write");
    bin()
        .args(["train", "--no-cv", "--config"])
        .arg(config.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("ner.json").and(predicate::str::contains("missing field")));
    config
        .write_str(
            "{\"gold\": [\"gold.jsonl\"], \"epochs\": 1, \"seed\": 1, \"folds\": 2, \"min_count\": 1, \"gold_weight\": 1}",
        )
        .expect("write");
    dir.child("gold.jsonl").write_str("{\"id\": \"a\", \"text\": \"Hi\"}\nnot json\n").expect("write");
    bin()
        .args(["train", "--no-cv", "--config"])
        .arg(config.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("gold.jsonl, line 2"));
}

#[test]
fn trains_and_cross_validates_a_small_corpus() {
    let dir = assert_fs::TempDir::new().expect("a temp dir");
    let doc = |id: &str, text: &str, name: &str, t: &str| {
        let start = text.find(name).expect("name in text");
        serde_json::json!({"id": id, "text": text,
            "entities": [{"start": start, "end": start + name.len(), "type": t}]})
        .to_string()
    };
    let lines = [
        doc("a", "Senator Ada Quill visited the port.", "Ada Quill", "PERSON"),
        doc("b", "Flooding hit Lagos on Monday.", "Lagos", "LOC"),
        doc("c", "Mr Bo Reyes spoke at noon.", "Bo Reyes", "PERSON"),
        doc("d", "Storms hit Accra on Friday.", "Accra", "LOC"),
    ];
    dir.child("gold.jsonl").write_str(&(lines.join("\n") + "\n")).expect("write");
    let config = dir.child("ner.json");
    config
        .write_str(
            "{\"gold\": [\"gold.jsonl\"], \"epochs\": 3, \"seed\": 1, \"folds\": 2, \"min_count\": 1, \"gold_weight\": 1}",
        )
        .expect("write");
    let out = dir.child("weights.bin");
    let predictions = dir.child("cv.jsonl");
    bin()
        .args(["train", "--config"])
        .arg(config.path())
        .arg("--output")
        .arg(out.path())
        .arg("--predictions")
        .arg(predictions.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("2-fold cross-validation").and(predicate::str::contains("mentions_typed")));
    let weights = std::fs::read(out.path()).expect("weights written");
    assert!(newsgraph::ner::model::Model::from_bytes(&weights).is_ok_and(|m| !m.is_empty()));
    let written = std::fs::read_to_string(predictions.path()).expect("predictions written");
    assert_eq!(written.lines().count(), 4, "one line per gold document");
}

#[test]
fn explain_shows_why_each_candidate_was_taken() {
    let dir = assert_fs::TempDir::new().expect("a temp dir");
    let article = dir.child("a.txt");
    article.write_str("Senator Ada Quill said the bridge in Lagos would reopen.").expect("write");
    bin().args(["extract", "--format", "explain"]).arg(article.path()).assert().success().stdout(
        predicate::str::is_match(r"(?m)^Ada Quill +PERSON +PERSON \+")
            .expect("a regex")
            .and(predicate::str::is_match(r"(?m)^Lagos +PLACE ").expect("a regex"))
            .and(predicate::str::contains("#   b: bias of the type")),
    );
}
