#!/usr/bin/env python3
"""Copies the GUM training documents into data/train/ with what training needs.

usage: prepare_train.py GUM_TRAIN.jsonl OUT.jsonl.gz

Keeps each document's id, genre, url, licence, text and named entities (start, end, type; code
points, end exclusive) and drops the other layers. The input is the team's conversion of GUM
(github.com/amir-zeldes/gum) for the genres bio, academic, voyage, speech, textbook and court; GUM's
news and interview documents are the evaluation and are not in it. Licences: data/README.md.
Deterministic: the same input gives the same bytes.
"""
import gzip
import json
import sys

# text licences per genre (../shared/train/README.md); the converter's per-document "license"
# field carries the news licence for every genre, so it is not copied
TEXT_LICENCES = {
    "bio": "CC BY-SA 3.0 (Wikipedia)",
    "academic": "CC BY 4.0",
    "voyage": "CC BY-SA 3.0 (Wikivoyage)",
    "speech": "public record (UN General Debate, US Congress and presidency)",
    "textbook": "CC BY 4.0 (OpenStax, Rebus, OERTX)",
    "court": "CC BY 4.0",
}
ANNOTATIONS = "annotations CC BY 4.0 (GUM corpus, Zeldes 2017 and contributors, https://github.com/amir-zeldes/gum)"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = sys.argv[1:]
    n = 0
    with open(src, encoding="utf-8") as f, gzip.GzipFile(out, "wb", mtime=0) as gz:
        for line in f:
            d = json.loads(line)
            if d.get("genre") in ("news", "interview"):
                sys.exit(f"{d['id']}: news and interview documents are evaluation data, not training data")
            rec = {
                "id": d["id"],
                "genre": d.get("genre"),
                "url": d.get("url"),
                "license": f"text {TEXT_LICENCES[d['genre']]}; {ANNOTATIONS}",
                "text": d["text"],
                "entities": [{"start": e["start"], "end": e["end"], "type": e["type"]} for e in d["entities"]],
            }
            gz.write((json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
            n += 1
    print(f"{n} documents", file=sys.stderr)


if __name__ == "__main__":
    main()
