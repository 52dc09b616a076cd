#!/usr/bin/env bash
# Insert + query throughput through Redis, four workers together on this machine: Comparison's `index add`
# (SharedDuplicateIndex over RedisIndexStore) against datasketch's MinHashLSH with its Redis storage, on the same
# gen_corpus.py corpus, in one invocation. Each side gets its own fresh redis-server (no persistence, 127.0.0.1, a
# free port); Comparison runs a second time on a fresh three-node Redis Cluster (datasketch's storage has no cluster
# mode). Each worker is one process given a disjoint quarter of the corpus; the wall time runs from the start of
# the first worker to the end of the last, so it includes process start-up and signing as well as Redis.
# After each Comparison run the union of the workers' pairs is checked against `comparison duplicates` on the whole
# corpus (same threshold and --verify): equal pair for pair, none reported twice.
# The workers run the CLI as published for deployment: ReadyToRun (precompiled, so a worker does not spend its first
# seconds in the JIT), published by this script into its temporary folder with
# `dotnet publish src/Comparison.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true`
# (PLAIN_BUILD=1 runs the plain build instead: dotnet build src/Comparison.Cli -c Release). datasketch's source comes
# from its public repository, checked out outside this one:
#   benchmarks/peers/redis_race.sh CORPUS.tsv DATASKETCH_SOURCE [WORKERS]
#   ONLY_CLUSTER=1 benchmarks/peers/redis_race.sh CORPUS.tsv -     # only Comparison on the cluster (exact, then
#                                                                  # estimated), and its checks
# Prints articles/s per side, the ratio, and the load average.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
CORPUS=$1
DATASKETCH=$2
WORKERS=${3:-4}
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install -y redis-server" >&2; exit 2; }
OUT=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$OUT"
}
trap cleanup EXIT
if [ -n "${PLAIN_BUILD:-}" ]; then
  CLI="$ROOT/src/Comparison.Cli/bin/Release/net10.0/Comparison.Cli.dll"
  [ -f "$CLI" ] || { echo "build first: dotnet build src/Comparison.Cli -c Release" >&2; exit 2; }
else
  # PUBLISHED=DIR publishes into DIR once and reuses it in later runs (delete it after changing the code).
  PUBLISHED=${PUBLISHED:-$OUT/cli}
  [ -f "$PUBLISHED/Comparison.Cli.dll" ] \
    || dotnet publish "$ROOT/src/Comparison.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$PUBLISHED" >"$OUT/publish.log" 2>&1 \
    || { cat "$OUT/publish.log" >&2; exit 2; }
  CLI="$PUBLISHED/Comparison.Cli.dll"
fi
uptime

# CPU seconds (user + system) of every redis-server this script started, from /proc.
redis_cpu() {
  local total=0 pid
  for pid in "${PIDS[@]}"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "scale=2; $total / $(getconf CLK_TCK)" | bc
}
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_redis() { # port, dir, extra...
  local port=$1 dir=$2; shift 2
  mkdir -p "$dir"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --save '' --appendonly no --logfile "$dir/log" "$@" &
  PIDS+=($!)
  until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
}

# Quarters: TSV for datasketch, JSON Lines for Comparison, worker w gets the articles i with i % WORKERS == w.
/usr/bin/python3 - "$CORPUS" "$OUT" "$WORKERS" <<'PY'
import json, sys
corpus, out, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
tsv = [open(f"{out}/q{w}.tsv", "w", encoding="utf-8") for w in range(workers)]
jsonl = [open(f"{out}/q{w}.jsonl", "w", encoding="utf-8") for w in range(workers)]
whole = open(f"{out}/all.jsonl", "w", encoding="utf-8")
i = 0
for line in open(corpus, encoding="utf-8"):
    key, _, text = line.rstrip("\n").partition("\t")
    if key == "id":
        continue
    tsv[i % workers].write(f"{key}\t{text}\n")
    jsonl[i % workers].write(json.dumps({"id": key, "text": text}) + "\n")
    whole.write(json.dumps({"id": key, "text": text}) + "\n")
    i += 1
for f in tsv + jsonl + [whole]:
    f.close()
print(f"{i} articles, {workers} workers")
PY
N=$(cat "$OUT"/q*.tsv | wc -l)

comparison() { # label, store, verify
  local label=$1 store=$2 verify=$3 start end
  local workers=() redis_before redis_after
  redis_before=$(redis_cpu)
  start=$(date +%s.%N)
  for ((w = 0; w < WORKERS; w++)); do
    /usr/bin/time -f '%U %S' -o "$OUT/$label.$w.cpu" dotnet "$CLI" index add "$OUT/q$w.jsonl" --store "$store" --name race --verify "$verify" > "$OUT/$label.$w.out" &
    workers+=($!)
  done
  for pid in "${workers[@]}"; do wait "$pid" || { echo "a worker failed" >&2; exit 1; }; done
  end=$(date +%s.%N)
  redis_after=$(redis_cpu)
  # CPU seconds spent, workers (user + system) and Redis servers: on a loaded machine the wall time says little,
  # the CPU per article bounds what two idle cores could do.
  cat "$OUT/$label".*.cpu | awk -v n="$N" -v r="$(echo "$redis_after - $redis_before" | bc)" -v l="$label" \
    '{w += $1 + $2} END {printf "%-44s CPU: workers %.1f s, redis %.1f s; %.0f us an article -> at most %.0f articles/s on 2 idle cores\n", l, w, r, 1e6 * (w + r) / n, 2 * n / (w + r)}' | tee -a "$OUT/cpu"
  local pairs lines
  pairs=$(cat "$OUT/$label".*.out | grep -o '"duplicates":\[[^]]*\]' | grep -o '"[^"]*"' | grep -vc '"duplicates"' || true)
  lines=$(cat "$OUT/$label".*.out | wc -l)
  /usr/bin/python3 -c "import sys; n,s=int(sys.argv[1]),float(sys.argv[2]); print(f'{sys.argv[3]:44s} {n/s:10,.0f} articles/s  ({n} in {s:.2f} s; {sys.argv[4]} lines, {sys.argv[5]} pairs)')" \
    "$N" "$(echo "$end - $start" | bc)" "$label" "$lines" "$pairs" | tee -a "$OUT/rates"
  check "$label" "$verify"
}

# The union of the workers' pairs against `comparison duplicates` on the whole stream with the same threshold and
# --verify: equal pair for pair, and no pair reported twice.
check() { # label, verify
  local label=$1 verify=$2
  [ -f "$OUT/duplicates-$verify.json" ] || dotnet "$CLI" duplicates "$OUT/all.jsonl" --threshold 0.8 --verify "$verify" --format json > "$OUT/duplicates-$verify.json"
  /usr/bin/python3 - "$OUT/duplicates-$verify.json" "$label" "$OUT/$label".*.out <<'PY'
import json, sys
expected = {tuple(sorted((p["a"], p["b"]))) for p in json.load(open(sys.argv[1]))["pairs"]}
reported = []
for name in sys.argv[3:]:
    for line in open(name, encoding="utf-8"):
        r = json.loads(line)
        reported += [tuple(sorted((r["id"], d))) for d in r["duplicates"]]
found = set(reported)
print(f"{sys.argv[2]:44s} union {len(found)} pairs, `duplicates` {len(expected)}: "
      f"{'EQUAL' if found == expected else f'DIFFERENT (missing {len(expected - found)}, extra {len(found - expected)})'}, "
      f"{len(reported) - len(found)} reported twice")
PY
}

if [ -z "${ONLY_CLUSTER:-}" ]; then
P1=$(free_port); start_redis "$P1" "$OUT/single"
comparison "comparison-single-server-exact" "redis://127.0.0.1:$P1" exact
redis-cli -p "$P1" flushall >/dev/null
comparison "comparison-single-server-estimated" "redis://127.0.0.1:$P1" estimated
redis-cli -p "$P1" info memory | grep used_memory_human || true
redis-cli -p "$P1" flushall >/dev/null

# datasketch: the same server, flushed.
workers=()
redis_before=$(redis_cpu)
start=$(date +%s.%N)
for ((w = 0; w < WORKERS; w++)); do
  /usr/bin/time -f '%U %S' -o "$OUT/datasketch.$w.cpu" /usr/bin/python3 benchmarks/peers/datasketch_redis_worker.py "$DATASKETCH" "$OUT/q$w.tsv" "$P1" 0.8 > "$OUT/datasketch.$w.out" &
  workers+=($!)
done
for pid in "${workers[@]}"; do wait "$pid" || { echo "a datasketch worker failed" >&2; exit 1; }; done
end=$(date +%s.%N)
redis_after=$(redis_cpu)
cat "$OUT"/datasketch.*.cpu | awk -v n="$N" -v r="$(echo "$redis_after - $redis_before" | bc)" \
  '{w += $1 + $2} END {printf "%-44s CPU: workers %.1f s, redis %.1f s; %.0f us an article -> at most %.0f articles/s on 2 idle cores\n", "datasketch-single-server", w, r, 1e6 * (w + r) / n, 2 * n / (w + r)}' | tee -a "$OUT/cpu"
cat "$OUT"/datasketch.*.out
/usr/bin/python3 -c "import sys; n,s=int(sys.argv[1]),float(sys.argv[2]); print(f'{\"datasketch-single-server\":44s} {n/s:10,.0f} articles/s  ({n} in {s:.2f} s)')" "$N" "$(echo "$end - $start" | bc)" | tee -a "$OUT/rates"

fi

CLUSTER=()
for i in 0 1 2; do
  p=$(free_port); while [ "$p" -gt 55000 ]; do p=$(free_port); done
  start_redis "$p" "$OUT/node$p" --cluster-enabled yes --cluster-config-file "$OUT/node$p/nodes.conf"
  CLUSTER+=("127.0.0.1:$p")
done
redis-cli --cluster create "${CLUSTER[@]}" --cluster-replicas 0 --cluster-yes >/dev/null
until redis-cli -p "${CLUSTER[0]#*:}" cluster info | grep -q cluster_state:ok; do sleep 0.2; done
comparison "comparison-three-node-cluster-exact" "redis://$(IFS=,; echo "${CLUSTER[*]}")" exact
for node in "${CLUSTER[@]}"; do redis-cli -p "${node#*:}" flushall >/dev/null; done
comparison "comparison-three-node-cluster-estimated" "redis://$(IFS=,; echo "${CLUSTER[*]}")" estimated

[ -n "${ONLY_CLUSTER:-}" ] || /usr/bin/python3 - "$OUT/rates" <<'PY'
import re, sys
rates = {l.split()[0]: float(l.split()[1].replace(",", "")) for l in open(sys.argv[1])}
ds = rates["datasketch-single-server"]
for k, v in rates.items():
    if k != "datasketch-single-server":
        print(f"{k:44s} {v / ds:6.1f}x datasketch")
PY
grep -c ^processor /proc/cpuinfo | sed 's/^/cores: /'
grep -m1 'model name' /proc/cpuinfo
uptime
