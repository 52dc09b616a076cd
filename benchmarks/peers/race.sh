#!/usr/bin/env bash
# Races the numpy MinHash peer (benchmarks/peers/minhash_numpy.py, Debian's /usr/bin/python3) against
# Comparison's MinHasher on the same gen_corpus.py corpus, one after the other in one run, and prints
# articles/s for each and the ratios. Usage: benchmarks/peers/race.sh [CORPUS.tsv] [NUMPY_LIMIT]
# The numpy peer signs the first NUMPY_LIMIT articles (default 1000; its rate does not depend on the count).
set -euo pipefail
cd "$(dirname "$0")/../.."
CORPUS=${1:-/work/notes/corpus/corpus_N10000.tsv}
LIMIT=${2:-1000}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
N=$(wc -l < "$CORPUS")
/usr/bin/python3 benchmarks/peers/minhash_numpy.py "$CORPUS" "$LIMIT" | tee "$OUT/numpy.txt"
COMPARISON_CORPUS="$CORPUS" dotnet run -c Release --project benchmarks/Comparison.Benchmarks -- \
  --filter '*MinHashCorpus*' --job short --iterationCount 5 --warmupCount 1 --exporters json --artifacts "$OUT/bdn" > "$OUT/bdn.log"
/usr/bin/python3 - "$OUT" "$N" <<'PY'
import glob, json, sys
out, n = sys.argv[1], int(sys.argv[2])
peer = dict(line.split() for line in open(f"{out}/numpy.txt"))
report = json.load(open(glob.glob(f"{out}/bdn/results/*MinHashCorpus*-report*.json")[0]))
rates = {b["Method"]: n / (b["Statistics"]["Median"] / 1e9) for b in report["Benchmarks"]}
print(f"corpus: {n} articles; median of 5 iterations; {report['HostEnvironmentInfo']['ProcessorName']}")
for method, rate in rates.items():
    print(f"{method:28s} {rate:12,.0f} articles/s" if "Lsh" not in method else f"{method:28s} {n / rate * 1e3:12,.1f} ms for {n} inserts + queries")
e2e, hashes = float(peer["numpy-e2e"]), float(peer["numpy-from-hashes"])
print(f"numpy end to end             {e2e:12,.0f} articles/s   -> Comparison classic {rates['EndToEndClassic'] / e2e:,.0f}x, one-permutation {rates['EndToEndOnePermutation'] / e2e:,.0f}x")
print(f"numpy from hashes            {hashes:12,.0f} articles/s   -> Comparison classic {rates['FromHashesClassic'] / hashes:,.0f}x, one-permutation {rates['FromHashesOnePermutation'] / hashes:,.0f}x")
PY
