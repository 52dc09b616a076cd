#!/usr/bin/env bash
# Races the numpy MinHash peer (benchmarks/peers/minhash_numpy.py under Debian's /usr/bin/python3, which has
# numpy) against Comparison's MinHasher on the same gen_corpus.py corpus, in one invocation: the peer first,
# then MinHashCorpusBenchmarks (BenchmarkDotNet, in-process, median of 7 iterations), then the ratios and the
# load average. Nothing is compiled here: build first, then hold the exclusive benchmark lock for the race:
#   flock -s /tmp/bench.lock dotnet build Comparison.sln -c Release
#   flock -x /tmp/bench.lock benchmarks/peers/race.sh /work/notes/corpus/corpus_N10000.tsv 1000
# Usage: benchmarks/peers/race.sh [CORPUS.tsv] [NUMPY_LIMIT]
# The numpy peer signs the first NUMPY_LIMIT articles (default 1000; its rate does not depend on the count) and
# reports its best of 3 runs; Comparison signs the whole corpus and reports its median, so the ratio is, if
# anything, generous to numpy.
set -euo pipefail
cd "$(dirname "$0")/../.."
CORPUS=${1:-/work/notes/corpus/corpus_N10000.tsv}
LIMIT=${2:-1000}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
N=$(wc -l < "$CORPUS")
echo "numpy peer: /usr/bin/python3 benchmarks/peers/minhash_numpy.py $CORPUS $LIMIT"
/usr/bin/python3 benchmarks/peers/minhash_numpy.py "$CORPUS" "$LIMIT" | tee "$OUT/numpy.txt"
echo "Comparison: MinHashCorpusBenchmarks on all $N articles"
COMPARISON_CORPUS="$CORPUS" dotnet run -c Release --no-build --project benchmarks/Comparison.Benchmarks -- \
  --filter '*MinHashCorpus*' --inProcess --iterationCount 7 --warmupCount 3 --exporters json --artifacts "$OUT/bdn" > "$OUT/bdn.log"
grep -E '^\|' "$OUT/bdn.log" || true
/usr/bin/python3 - "$OUT" "$N" <<'PY'
import glob, json, sys
out, n = sys.argv[1], int(sys.argv[2])
peer = dict(line.split() for line in open(f"{out}/numpy.txt"))
report = json.load(open(glob.glob(f"{out}/bdn/results/*MinHashCorpus*-report*.json")[0]))
medians = {b["Method"]: b["Statistics"]["Median"] / 1e9 for b in report["Benchmarks"]}
print(f"corpus: {n} articles; Comparison: median of 7 iterations; {report['HostEnvironmentInfo']['ProcessorName']}")
for method, seconds in medians.items():
    if "Lsh" in method:
        print(f"{method:28s} {seconds * 1e3:12,.1f} ms for {n} inserts + {n} queries")
    else:
        print(f"{method:28s} {n / seconds:12,.0f} articles/s")
rates = {m: n / s for m, s in medians.items()}
e2e, hashes = float(peer["numpy-e2e"]), float(peer["numpy-from-hashes"])
print(f"numpy end to end             {e2e:12,.0f} articles/s   -> Comparison classic {rates['EndToEndClassic'] / e2e:,.1f}x, one-permutation {rates['EndToEndOnePermutation'] / e2e:,.1f}x")
print(f"numpy from hashes            {hashes:12,.0f} articles/s   -> Comparison classic {rates['FromHashesClassic'] / hashes:,.1f}x, one-permutation {rates['FromHashesOnePermutation'] / hashes:,.1f}x")
PY
uptime
