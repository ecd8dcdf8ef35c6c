#!/usr/bin/env bash
# Fuzzes newsgraph's inputs with AFL++ on a stable toolchain (cargo afl), each
# target for a fixed time, one after the other, at the lowest CPU priority.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      (default: 900 s; all targets)
#
# Targets (fuzz/src/lib.rs): readers (txt/md/JSONL article readers and the
# pipeline), kb (knowledge-base loaders), sparql_params (parameter substitution
# and evaluation), http (requests to `serve`, updates included).
# Needs: Debian's afl++ (apt-get install afl++) and cargo-afl (cargo install cargo-afl;
# then `cargo afl config --build` once). Findings go to fuzz/out/TARGET/default/crashes
# and hangs; the summary line of each target gives executions, paths and crashes.
# A crash found is fixed, with a regression test in tests/ that replays its input.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-900}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(readers kb sparql_params http)

command -v afl-fuzz >/dev/null || { echo "fuzz.sh: afl-fuzz not found: apt-get install afl++" >&2; exit 1; }
cargo afl --version >/dev/null 2>&1 || { echo "fuzz.sh: cargo-afl not found: cargo install cargo-afl" >&2; exit 1; }
nice -n 19 cargo afl build --release --quiet

export AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_AUTORESUME=1
for t in "${targets[@]}"; do
  mkdir -p "out/$t"
  nice -n 19 cargo afl fuzz -V "$seconds" -t 2000 -m none -i "seeds/$t" -o "out/$t" -- "target/release/$t" \
    > "out/$t.log" 2>&1 || true
  stats="out/$t/default/fuzzer_stats"
  if [ -f "$stats" ]; then
    get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
    echo "$t: $(get execs_done) executions in $(get run_time) s ($(get execs_per_sec)/s), $(get corpus_count) paths, $(get saved_crashes) crashes, $(get saved_hangs) hangs"
  else
    echo "$t: did not run, see fuzz/out/$t.log" >&2
  fi
done
