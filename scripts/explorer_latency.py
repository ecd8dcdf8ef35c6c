#!/usr/bin/env python3
"""Measure the explorer's JSON API on a running `newsgraph serve` (not run by CI).

For each request: the time of the first answer, then the median and maximum of
five more. The entities asked about are found through the API itself: those of
`/api/top`, and the ones with the most facts among the search results for
common letters, so the script works on any store.

Usage:
    newsgraph ingest --store big.db corpus.jsonl
    newsgraph serve --store big.db --bind 127.0.0.1:7878 &
    python3 scripts/explorer_latency.py http://127.0.0.1:7878

Standard library only.
"""
import json
import statistics
import sys
import time
import urllib.parse
import urllib.request


def get(base, path, **params):
    query = urllib.parse.urlencode(params, doseq=True)
    started = time.perf_counter()
    with urllib.request.urlopen(f"{base}{path}?{query}") as r:
        body = r.read()
    return (time.perf_counter() - started) * 1000, json.loads(body)


def bench(base, name, path, **params):
    first, answer = get(base, path, **params)
    times = [get(base, path, **params)[0] for _ in range(5)]
    print(f"{name:62s} first {first:7.1f} ms  median {statistics.median(times):7.1f} ms"
          f"  max {max(times):7.1f} ms{'  (truncated)' if answer.get('truncated') else ''}")
    return answer


def main():
    base = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:7878"
    top = bench(base, "/api/top?limit=25", "/api/top", limit=25)
    for q in ["a", "ma", "obama", "zzzz"]:
        bench(base, f"/api/search?q={q}&limit=10", "/api/search", q=q, limit=10)
    busiest = {}
    for q in "aeiou":
        for r in get(base, "/api/search", q=q, limit=50)[1]["results"]:
            busiest[r["id"]] = (r["facts"], r["label"])
    chosen = sorted(busiest.items(), key=lambda kv: -kv[1][0])[:2]
    chosen += [(n["id"], (n.get("degree", 0), n["label"])) for n in top["nodes"][:2]]
    for iri, (_, label) in chosen:
        n = bench(base, f"/api/neighbours {label} limit=12", "/api/neighbours", id=iri, limit=12)
        bench(base, f"/api/entities {label}", "/api/entities", id=iri)
        bench(base, f"/api/quotes {label} limit=50", "/api/quotes", id=iri, limit=50)
        bench(base, f"/api/events id={label}", "/api/events", id=iri, limit=50)
        if n["edges"]:
            e = max(n["edges"], key=lambda e: e["sources"])
            bench(base, f"/api/evidence {e['predicate']} ({e['sources']} sources) limit=50", "/api/evidence",
                  source=e["source"], predicate=e["predicate"], target=e["target"], limit=50)
    ids = [n["id"] for n in top["nodes"]]
    bench(base, f"/api/edges among the {len(ids)} top entities", "/api/edges", id=ids)
    bench(base, "/api/events from=2000-01-01 to=2030-12-31 limit=50", "/api/events",
          **{"from": "2000-01-01", "to": "2030-12-31", "limit": 50})


if __name__ == "__main__":
    main()
