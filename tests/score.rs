//! A port of the evaluation scorer (`score.py`) for the measures the tests
//! hold the example article to: typed mentions (the library's
//! [`newsgraph::eval`]), quote spans, attributed quotes, relations. Gold and
//! predictions are JSON values in the scorer's formats: a gold speaker is a
//! name or a span `{start, end, text, cluster}`, and a document marked
//! `"quotes_annotated": false` is left out of the quote measures.

use std::collections::{HashMap, HashSet};

use newsgraph::eval::{self, Prf};
use serde_json::Value;

/// The measures.
#[derive(Debug, Default)]
pub struct Scores {
    pub mentions_typed: Prf,
    pub quotes_span: Prf,
    pub quotes_attributed: Prf,
    pub relations: Prf,
}

/// Lower case, accents and punctuation dropped (the scorer's `norm`).
fn norm(s: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in s.chars() {
        let c = fold(c);
        if c.is_alphanumeric() || c == '_' {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// Latin letters with diacritics folded to ASCII (enough for the fixtures).
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        c => c,
    }
}

fn family(p: &str) -> Option<&'static str> {
    Some(match p {
        "metWith" | "met" => "met",
        "phoned" | "spokeWith" | "communicatedWith" => "contact",
        "plannedMeetingWith" | "willMeet" => "planned",
        "visited" | "plannedVisit" => "visited",
        "stated" | "said" => "stated",
        "holdsRole" | "role" => "role",
        "relativeOf" => "relative",
        "affiliatedWith" | "nationality" => "affiliated",
        "partOf" => "partOf",
        "reportsTo" => "reportsTo",
        _ => return None,
    })
}

fn symmetric(f: &str) -> bool {
    matches!(f, "met" | "contact" | "planned" | "relative")
}

fn int(v: &Value) -> usize {
    v.as_u64().unwrap_or(0) as usize
}

/// Scores one document's predictions against its gold.
pub fn score(gold: &Value, pred: &Value) -> Scores {
    let text = gold["text"].as_str().unwrap_or("");
    let mut out = Scores::default();
    let arr = |v: &Value| v.as_array().cloned().unwrap_or_default();

    let gold_mentions: Vec<(usize, usize, String)> = arr(&gold["entities"])
        .iter()
        .map(|e| (int(&e["start"]), int(&e["end"]), e["type"].as_str().unwrap_or("").to_owned()))
        .collect();
    let mut pred_mentions = Vec::new();
    for e in arr(&pred["entities"]) {
        let t = e["type"].as_str().unwrap_or("OTHER").to_owned();
        for m in arr(&e["mentions"]) {
            pred_mentions.push((int(&m["start"]), int(&m["end"]), t.clone()));
        }
    }
    fn view(v: &[(usize, usize, String)]) -> Vec<(usize, usize, &str)> {
        v.iter().map(|(s, e, t)| (*s, *e, t.as_str())).collect()
    }
    out.mentions_typed = eval::score_mentions(text, &view(&gold_mentions), &view(&pred_mentions)).typed;

    let mut alias: HashMap<String, HashSet<String>> = HashMap::new();
    for c in arr(&gold["canonical_entities"]) {
        let name = c["name"].as_str().unwrap_or("").to_owned();
        let mut set: HashSet<String> = arr(&c["aliases"]).iter().filter_map(|a| a.as_str()).map(norm).collect();
        set.insert(norm(&name));
        alias.insert(name, set);
    }
    let pents: HashMap<String, Value> =
        arr(&pred["entities"]).into_iter().map(|e| (e["id"].as_str().unwrap_or("").to_owned(), e)).collect();
    // gold coreference clusters: cluster id → its mentions
    let mut clusters: HashMap<String, Vec<Value>> = HashMap::new();
    for m in arr(&gold["mentions"]) {
        if !m["cluster"].is_null() {
            clusters.entry(m["cluster"].to_string()).or_default().push(m);
        }
    }
    // whether predicted entity `pid` is the gold one: it has a mention overlapping the gold span or a
    // mention of its cluster, its name is a named mention of the cluster, or an alias of the gold name
    let is_entity = |pid: &Value, gold_name: &str, gold_span: Option<(usize, usize)>, cluster: &Value| -> bool {
        let Some(e) = pid.as_str().and_then(|p| pents.get(p)) else { return false };
        let in_cluster = clusters.get(&cluster.to_string()).filter(|_| !cluster.is_null());
        let mut spans: Vec<(usize, usize)> = gold_span.into_iter().collect();
        spans.extend(in_cluster.into_iter().flatten().map(|m| (int(&m["start"]), int(&m["end"]))));
        let overlaps =
            |(a, b): (usize, usize)| arr(&e["mentions"]).iter().any(|m| int(&m["start"]) < b && a < int(&m["end"]));
        if spans.into_iter().any(overlaps) {
            return true;
        }
        let name = norm(e["name"].as_str().unwrap_or(""));
        if in_cluster
            .into_iter()
            .flatten()
            .any(|m| m["named"].as_bool().unwrap_or(false) && norm(m["text"].as_str().unwrap_or("")) == name)
        {
            return true;
        }
        match alias.get(gold_name) {
            Some(names) => names.contains(&name),
            None => name == norm(gold_name),
        }
    };

    let annotated = gold["quotes_annotated"].as_bool() != Some(false);
    let (gq, pq) = if annotated { (arr(&gold["quotes"]), arr(&pred["quotes"])) } else { (vec![], vec![]) };
    let (mut used, mut span_tp, mut attr_tp, mut attr_pred, mut attr_gold) = (HashSet::new(), 0, 0, 0, 0);
    for q in &gq {
        let speaker = &q["speaker"];
        let has_speaker = speaker.is_string() || speaker.is_object();
        attr_gold += usize::from(has_speaker);
        for (i, x) in pq.iter().enumerate() {
            if used.contains(&i) {
                continue;
            }
            let (qs, qe, xs, xe) = (int(&q["start"]), int(&q["end"]), int(&x["start"]), int(&x["end"]));
            let ov = qe.min(xe) as i64 - qs.max(xs) as i64;
            if ov > 0 && ov as f64 >= 0.8 * (qe - qs).max(xe - xs) as f64 {
                used.insert(i);
                span_tp += 1;
                if has_speaker && !x["speaker"].is_null() {
                    attr_pred += 1;
                    attr_tp += usize::from(match speaker.as_str() {
                        Some(name) => is_entity(&x["speaker"], name, None, &Value::Null),
                        None => is_entity(
                            &x["speaker"],
                            speaker["text"].as_str().unwrap_or(""),
                            Some((int(&speaker["start"]), int(&speaker["end"]))),
                            &speaker["cluster"],
                        ),
                    });
                }
                break;
            }
        }
    }
    out.quotes_span = Prf { tp: span_tp, predicted: pq.len(), gold: gq.len() };
    out.quotes_attributed = Prf { tp: attr_tp, predicted: attr_pred, gold: attr_gold };

    let gr: Vec<Value> = arr(&gold["relations"]).into_iter().filter(|r| r.get("predicate").is_some()).collect();
    let fams: HashSet<&str> = gr.iter().filter_map(|r| family(r["predicate"].as_str().unwrap_or(""))).collect();
    let side = |gv: &str, pv: &Value| -> bool {
        if let Some(lit) = pv.get("literal").and_then(Value::as_str) {
            let (a, b) = (norm(gv), norm(lit));
            return !a.is_empty()
                && !b.is_empty()
                && (a == b || (b.chars().count() >= 4 && (a.contains(&b) || b.contains(&a))));
        }
        if pv.as_str().is_some_and(|p| pents.contains_key(p)) {
            return is_entity(pv, gv, None, &Value::Null);
        }
        false
    };
    let matches = |g: &Value, p: &Value| -> bool {
        let f = family(g["predicate"].as_str().unwrap_or(""));
        if f != family(p["predicate"].as_str().unwrap_or("")) {
            return false;
        }
        let subject = g["subject"].as_str().unwrap_or("");
        let mut objects = vec![g["object"].as_str().unwrap_or("").to_owned()];
        objects.extend(arr(&g["alternatives"]).iter().filter_map(|a| a.as_str()).map(str::to_owned));
        let straight = side(subject, &p["subject"]) && objects.iter().any(|o| side(o, &p["object"]));
        if straight || !f.is_some_and(symmetric) {
            return straight;
        }
        side(subject, &p["object"]) && side(g["object"].as_str().unwrap_or(""), &p["subject"])
    };
    let prs: Vec<Value> = arr(&pred["relations"])
        .into_iter()
        .filter(|x| family(x["predicate"].as_str().unwrap_or("")).is_some_and(|f| fams.contains(f)))
        .collect();
    let (mut used, mut tp, mut required) = (HashSet::new(), 0, 0);
    for r in &gr {
        let hit = (0..prs.len()).find(|&i| !used.contains(&i) && matches(r, &prs[i]));
        if let Some(h) = hit {
            used.insert(h);
            tp += 1;
            if family(r["predicate"].as_str().unwrap_or("")).is_some_and(symmetric) {
                for (i, x) in prs.iter().enumerate() {
                    if !used.contains(&i) && matches(r, x) {
                        used.insert(i);
                    }
                }
            }
        }
        if !r["optional"].as_bool().unwrap_or(false) || hit.is_some() {
            required += 1;
        }
    }
    out.relations = Prf { tp, predicted: prs.len(), gold: required };
    out
}

#[test]
fn speakers_given_as_spans_match_by_overlap_or_cluster() {
    let gold = serde_json::json!({
        "text": "Ada Quill spoke. “We won,” she said.",
        "entities": [{"start": 0, "end": 9, "type": "PERSON"}],
        "mentions": [{"start": 0, "end": 9, "text": "Ada Quill", "cluster": 1, "named": true},
                     {"start": 27, "end": 30, "text": "she", "cluster": 1, "named": false}],
        "quotes": [{"start": 18, "end": 25, "speaker": {"start": 27, "end": 30, "text": "she", "cluster": 1}}]
    });
    let pred = |speaker: &str| {
        serde_json::json!({
            "entities": [{"id": "e0", "name": "Ada Quill", "type": "PERSON", "mentions": [{"start": 0, "end": 9}]},
                         {"id": "e1", "name": "Bo", "type": "PERSON", "mentions": []}],
            "quotes": [{"start": 18, "end": 25, "speaker": speaker}]
        })
    };
    let s = score(&gold, &pred("e0"));
    assert_eq!((s.quotes_attributed.tp, s.mentions_typed.f1()), (1, 1.0), "the speaker's cluster holds Ada Quill");
    assert_eq!(score(&gold, &pred("e1")).quotes_attributed, Prf { tp: 0, predicted: 1, gold: 1 });
}

#[test]
fn documents_without_quote_markup_are_left_out_of_quote_measures() {
    let gold = serde_json::json!({
        "text": "“We won,” Ada said.", "entities": [], "quotes_annotated": false, "quotes": []
    });
    let pred = serde_json::json!({"entities": [], "quotes": [{"start": 1, "end": 7, "speaker": null}]});
    let s = score(&gold, &pred);
    assert_eq!((s.quotes_span, s.quotes_attributed), (Prf::default(), Prf::default()));
}
