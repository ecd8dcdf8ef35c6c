#!/usr/bin/env python3
"""Relation F1 on the relation development set, overall and per predicate.

usage: score_relations.py [--gold data/eval/relations-dev.json] [--scorer PATH/score.py]
                          [--bin target/debug/newsgraph] [--pred FILE.jsonl] [--errors] [--json]

Runs `newsgraph extract --format json` on the set's texts (or reads --pred) and scores the
relations with the team scorer's own matching (`score.py`, imported from --scorer, default
$NEWSGRAPH_SCORER or ../shared/eval/score.py next to the repository).

Rows:
- `score.py`: the scorer's relation measure as it is. It counts a predicted fact only in
  documents whose gold has a fact of the same family.
- per predicate family, and `all (strict)`: the same matching, but every predicted fact
  counts, also in documents with no gold of its family (so precision is not flattered).
--errors lists, per document, the gold facts missed and the predicted facts not matched.
"""
import argparse
import copy
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FAMILIES = [  # (row label, score.py family)
    ("metWith", "met"), ("phoned", "contact"), ("plannedMeetingWith", "planned"),
    ("visited/plannedVisit", "visited"), ("stated", "stated"), ("holdsRole", "role"),
    ("affiliatedWith", "affiliated"), ("relativeOf", "relative"), ("partOf", "partOf"),
]


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or not os.path.exists(path):
        sys.exit(f"score.py not found at {path}: pass --scorer or set NEWSGRAPH_SCORER")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def predict(golds, binary):
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: run `cargo build` first, or pass --bin")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for g in golds:
            f.write(json.dumps({k: g[k] for k in ("id", "text", "title", "url", "date") if k in g}) + "\n")
        corpus = f.name
    try:
        out = subprocess.run([binary, "extract", corpus, "--format", "json"],
                             check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(corpus)
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def only(docs, key, keep):
    out = []
    for d in docs:
        d = copy.copy(d)
        d[key] = [r for r in d.get(key, []) if keep(r)]
        for drop in ("entities", "quotes") if key == "relations" and "text" in d else ():
            d.pop(drop, None)
        out.append(d)
    return out


def family_row(score, golds, preds, fam):
    fam_of = score.PRED_FAMILY.get
    g = only(golds, "relations", lambda r: fam_of(r["predicate"]) == fam)
    p = only(preds, "relations", lambda r: fam_of(r.get("predicate")) == fam)
    T, _ = score.score(g, p)
    t = T["relations"]
    # predictions in documents with no gold of this family: score.py does not count them
    gold_ids = {d["id"] for d in g if d["relations"]}
    extra = sum(len(d["relations"]) for d in p if d["id"] not in gold_ids and d["id"] in {x["id"] for x in g})
    return t.tp, t.np + extra, t.ng


def errors(score, golds, preds):
    pmap = {p["id"]: p for p in preds}
    fam_of = score.PRED_FAMILY.get
    for g in golds:
        p = pmap.get(g["id"], {"id": g["id"], "entities": [], "relations": []})
        names = {e["id"]: e["name"] for e in p.get("entities", [])}
        show = lambda v: v.get("literal", "")[:70] if isinstance(v, dict) else names.get(v, v)
        lines = []
        for r in g.get("relations", []):
            fam = fam_of(r["predicate"])
            pf = dict(p, relations=[x for x in p.get("relations", []) if fam_of(x.get("predicate")) == fam])
            T, _ = score.score([dict(g, relations=[dict(r, optional=False)])], [pf])
            if not T["relations"].tp:
                lines.append(f"  missed{' (optional)' if r.get('optional') else ''}: {r['subject']} {r['predicate']} {str(r['object'])[:70]}")
        for x in p.get("relations", []):
            fam = fam_of(x.get("predicate"))
            gf = dict(g, relations=[r for r in g.get("relations", []) if fam_of(r["predicate"]) == fam])
            T, _ = score.score([gf], [dict(p, relations=[x])])
            if not T["relations"].tp:
                lines.append(f"  wrong: {show(x['subject'])} {x['predicate']} {show(x['object'])}")
        if lines:
            print(g["id"])
            print("\n".join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=os.path.join(ROOT, "data/eval/relations-dev.json"))
    ap.add_argument("--scorer", default=os.environ.get("NEWSGRAPH_SCORER", os.path.join(ROOT, "../shared/eval/score.py")))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/debug/newsgraph"))
    ap.add_argument("--pred", help="predictions already made (extract --format json output)")
    ap.add_argument("--errors", action="store_true", help="list missed and wrong facts per document")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    a = ap.parse_args()
    score = load_scorer(a.scorer)
    golds = score.load(a.gold)
    preds = score.load(a.pred) if a.pred else predict(golds, a.bin)
    T, missing = score.score(golds, preds)
    rows = [("score.py", T["relations"].tp, T["relations"].np, T["relations"].ng)]
    total = [0, 0, 0]
    for label, fam in FAMILIES:
        tp, np_, ng = family_row(score, golds, preds, fam)
        rows.append((label, tp, np_, ng))
        total = [total[0] + tp, total[1] + np_, total[2] + ng]
    rows.append(("all (strict)", *total))
    if a.json:
        print(json.dumps({r[0]: dict(zip(["precision", "recall", "f1", "tp", "predicted", "gold"],
                                         score.prf(r[1], r[2], r[3]) + r[1:])) for r in rows}))
    else:
        print(f"documents {len(golds)}  missing predictions {missing}")
        print(f"{'relations':22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
        for label, tp, np_, ng in rows:
            p, r, f = score.prf(tp, np_, ng)
            print(f"{label:22} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {np_:5d} {ng:5d}")
    if a.errors:
        errors(score, golds, preds)


if __name__ == "__main__":
    main()
