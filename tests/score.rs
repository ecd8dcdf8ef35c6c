//! A port of the evaluation scorer (`score.py`) for the measures the tests
//! hold the example article to: typed mentions, attributed quotes, relations.
//! Gold and predictions are JSON values in the scorer's formats.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

/// Precision, recall and F1 of one measure.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prf {
    pub tp: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Prf {
    pub fn f1(&self) -> f64 {
        let p = if self.predicted > 0 { self.tp as f64 / self.predicted as f64 } else { 0.0 };
        let r = if self.gold > 0 { self.tp as f64 / self.gold as f64 } else { 0.0 };
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

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

/// The scorer's span trim: leading article, trailing possessive and punctuation.
fn trim(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    let text = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    for art in ["the ", "The ", "THE "] {
        let t = text(s, e);
        if t.starts_with(art) && t.chars().count() > art.len() {
            s += art.len();
        }
    }
    for pos in ["’s", "'s", "’", "'"] {
        let t = text(s, e);
        if t.ends_with(pos) && t.chars().count() > pos.chars().count() {
            e -= pos.chars().count();
        }
    }
    while e > s + 1 && ".,;:!?)".contains(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

fn place(t: &str) -> &str {
    match t {
        "GPE" | "LOC" | "FAC" => "PLACE",
        t => t,
    }
}

fn int(v: &Value) -> usize {
    v.as_u64().unwrap_or(0) as usize
}

/// Scores one document's predictions against its gold.
pub fn score(gold: &Value, pred: &Value) -> Scores {
    let text: Vec<char> = gold["text"].as_str().unwrap_or("").chars().collect();
    let scored = ["PERSON", "ORG", "GPE", "LOC", "FAC"];
    let mut out = Scores::default();
    let arr = |v: &Value| v.as_array().cloned().unwrap_or_default();

    let gm: HashSet<(usize, usize, String)> = arr(&gold["entities"])
        .iter()
        .filter(|e| scored.contains(&e["type"].as_str().unwrap_or("")))
        .map(|e| {
            let (s, en) = trim(&text, int(&e["start"]), int(&e["end"]));
            (s, en, place(e["type"].as_str().unwrap_or("")).to_owned())
        })
        .collect();
    let mut pm = HashSet::new();
    for e in arr(&pred["entities"]) {
        let t = e["type"].as_str().unwrap_or("OTHER");
        if !scored.contains(&t) {
            continue;
        }
        for m in arr(&e["mentions"]) {
            let (s, en) = trim(&text, int(&m["start"]), int(&m["end"]));
            pm.insert((s, en, place(t).to_owned()));
        }
    }
    out.mentions_typed = Prf { tp: gm.intersection(&pm).count(), predicted: pm.len(), gold: gm.len() };

    let mut alias: HashMap<String, HashSet<String>> = HashMap::new();
    for c in arr(&gold["canonical_entities"]) {
        let name = c["name"].as_str().unwrap_or("").to_owned();
        let mut set: HashSet<String> = arr(&c["aliases"]).iter().filter_map(|a| a.as_str()).map(norm).collect();
        set.insert(norm(&name));
        alias.insert(name, set);
    }
    let pents: HashMap<String, Value> =
        arr(&pred["entities"]).into_iter().map(|e| (e["id"].as_str().unwrap_or("").to_owned(), e)).collect();
    let is_entity = |pid: &Value, gold_name: &str| -> bool {
        let Some(e) = pid.as_str().and_then(|p| pents.get(p)) else { return false };
        let name = norm(e["name"].as_str().unwrap_or(""));
        match alias.get(gold_name) {
            Some(names) => names.contains(&name),
            None => name == norm(gold_name),
        }
    };

    let gq = arr(&gold["quotes"]);
    let pq = arr(&pred["quotes"]);
    let (mut used, mut span_tp, mut attr_tp, mut attr_pred, mut attr_gold) = (HashSet::new(), 0, 0, 0, 0);
    for q in &gq {
        let speaker = q["speaker"].as_str();
        attr_gold += usize::from(speaker.is_some());
        for (i, x) in pq.iter().enumerate() {
            if used.contains(&i) {
                continue;
            }
            let (qs, qe, xs, xe) = (int(&q["start"]), int(&q["end"]), int(&x["start"]), int(&x["end"]));
            let ov = qe.min(xe) as i64 - qs.max(xs) as i64;
            if ov > 0 && ov as f64 >= 0.8 * (qe - qs).max(xe - xs) as f64 {
                used.insert(i);
                span_tp += 1;
                if let (Some(sp), false) = (speaker, x["speaker"].is_null()) {
                    attr_pred += 1;
                    attr_tp += usize::from(is_entity(&x["speaker"], sp));
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
            return is_entity(pv, gv);
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
