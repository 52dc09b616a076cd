#!/usr/bin/env bash
# The TF-IDF all-pairs race: scikit-learn's TfidfVectorizer().fit_transform + X @ X.T (pairs counted at cosine
# >= THRESHOLD, benchmarks/peers/sklearn_tfidf_allpairs.py, Debian's /usr/bin/python3 with scikit-learn 1.2.1)
# against Comparison's TfIdfModel.FitTransform + AllPairs.Enumerate (benchmarks/peers/TfIdfRace.cs), on the same
# corpus, one after the other in one run. Checks that both count the same pairs and prints wall time, CPU time and
# peak RSS of each whole process (/usr/bin/time), and the ratios.
#
# Usage: benchmarks/peers/tfidf_race.sh [CORPUS.tsv] [THRESHOLD]
#   CORPUS defaults to /work/notes/corpus/corpus_N10000.tsv
#   (python3 ../shared/tools/gen_corpus.py --n 10000 --out DIR), THRESHOLD to 0.3.
# On a shared machine set BENCH_LOCK=/tmp/bench.lock: the build then takes that lock shared and the timed part
# takes it exclusively (never run the script itself under the lock).
set -euo pipefail
cd "$(dirname "$0")/../.."
CORPUS=${1:-/work/notes/corpus/corpus_N10000.tsv}
THRESHOLD=${2:-0.3}
PYTHON=${PYTHON:-/usr/bin/python3}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
SHARED=()
EXCLUSIVE=()
if [ -n "${BENCH_LOCK:-}" ]; then
  SHARED=(flock -s "$BENCH_LOCK")
  EXCLUSIVE=(flock -x "$BENCH_LOCK")
fi

# Build first, so that compilation is not timed.
if ! "${SHARED[@]}" dotnet build benchmarks/peers/TfIdfRace.cs -c Release -o "$OUT/race" > "$OUT/build.log" 2>&1; then
  cat "$OUT/build.log" >&2
  exit 1
fi

export CORPUS THRESHOLD PYTHON OUT
"${EXCLUSIVE[@]}" bash -c '
  set -euo pipefail
  FORMAT="wall_s=%e user_s=%U sys_s=%S peak_rss_kb=%M"
  /usr/bin/time -o "$OUT/sklearn.time" -f "$FORMAT" "$PYTHON" benchmarks/peers/sklearn_tfidf_allpairs.py "$CORPUS" "$THRESHOLD" > "$OUT/sklearn.txt"
  /usr/bin/time -o "$OUT/ours.time" -f "$FORMAT" dotnet "$OUT/race/TfIdfRace.dll" "$CORPUS" "$THRESHOLD" > "$OUT/ours.txt"
  uptime > "$OUT/load.txt"
'

"$PYTHON" - "$OUT" <<'PY'
import sys
out = sys.argv[1]
def fields(name):
    d = {}
    for line in open(f"{out}/{name}"):
        for item in line.split():
            if "=" in item:
                k, v = item.split("=", 1)
                d[k] = v
    return d
sk, ours = fields("sklearn.txt"), fields("ours.txt")
skt, ourt = fields("sklearn.time"), fields("ours.time")
print(open(f"{out}/sklearn.txt").read().strip())
print(open(f"{out}/ours.txt").read().strip())
print(f"load after the runs: {open(f'{out}/load.txt').read().strip()}")
rows = [("", "scikit-learn", "Comparison", "ratio")]
def row(label, a, b, ratio):
    rows.append((label, a, b, ratio))
sw, ow = float(skt["wall_s"]), float(ourt["wall_s"])
sc, oc = float(skt["user_s"]) + float(skt["sys_s"]), float(ourt["user_s"]) + float(ourt["sys_s"])
sm, om = int(skt["peak_rss_kb"]) / 1024, int(ourt["peak_rss_kb"]) / 1024
row("process wall (s)", f"{sw:.2f}", f"{ow:.2f}", f"{sw / ow:.1f}x faster")
row("process CPU (s)", f"{sc:.2f}", f"{oc:.2f}", f"{sc / oc:.1f}x less")
row("in-process total (s)", sk["total_s"], ours["total_s"], f"{float(sk['total_s']) / float(ours['total_s']):.1f}x faster")
row("peak RSS (MB)", f"{sm:.0f}", f"{om:.0f}", f"{100 * om / sm:.1f} %")
row("pairs >= threshold", sk["pairs"], ours["pairs"], "equal" if sk["pairs"] == ours["pairs"] else "DIFFERENT")
for r in rows:
    print(f"{r[0]:22s} {r[1]:>14s} {r[2]:>14s}   {r[3]}")
sys.exit(0 if sk["pairs"] == ours["pairs"] else 1)
PY
