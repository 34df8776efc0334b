#!/usr/bin/env bash
# Runs the benchmarks: makes the baseline-sized PubMed file once (outside the repository),
# then `swift package benchmark` in this package (release build, several minutes).
# Extra arguments go to the benchmark command, e.g. `Benchmarks/run.sh --filter "parse.*"`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shared="$here/../../shared"
export EVIDENCE_BENCH_FILE="${EVIDENCE_BENCH_FILE:-/tmp/evidence-bench/pubmed-baseline.xml.gz}"
if [ ! -f "$EVIDENCE_BENCH_FILE" ]; then
    mkdir -p "$(dirname "$EVIDENCE_BENCH_FILE")"
    python3 "$shared/tools/make-pubmed-baseline.py" "$EVIDENCE_BENCH_FILE"
fi
cd "$here"
swift package --allow-writing-to-directory .benchmarkBaselines benchmark --no-progress "$@"
