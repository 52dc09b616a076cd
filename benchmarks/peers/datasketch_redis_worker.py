"""One datasketch worker of benchmarks/peers/redis_race.sh: MinHashLSH with its Redis storage.

Usage: datasketch_redis_worker.py DATASKETCH_SOURCE QUARTER.tsv PORT [THRESHOLD] [BATCH]

Reads `id<TAB>text` lines, and per batch of BATCH articles (default 512, as Comparison's index add): signs each
article (word 5-shingles, MinHash with 128 permutations, datasketch's update_batch), inserts the batch through an
insertion session (datasketch's pipelined insert), then queries each article (datasketch has no batched query for
distinct articles). Prints "articles N seconds S pairs P" where P counts candidate keys other than the article itself.
The same order as Comparison: insert, then query, so that two workers both see each other's articles.
"""
import sys
import time

sys.path.insert(0, sys.argv[1])
from datasketch import MinHash, MinHashLSH  # noqa: E402

quarter, port = sys.argv[2], int(sys.argv[3])
threshold = float(sys.argv[4]) if len(sys.argv) > 4 else 0.8
batch_size = int(sys.argv[5]) if len(sys.argv) > 5 else 512
lsh = MinHashLSH(threshold=threshold, num_perm=128,
                 storage_config={"type": "redis", "basename": b"race", "redis": {"host": "127.0.0.1", "port": port}})


def sign(text):
    words = text.split()
    shingles = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
    m = MinHash(num_perm=128)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def run(batch):
    found = 0
    signed = [(key, sign(text)) for key, text in batch]
    with lsh.insertion_session(buffer_size=len(batch) * 32) as session:
        for key, m in signed:
            session.insert(key, m, check_duplication=False)
    for key, m in signed:
        found += sum(1 for other in lsh.query(m) if other != key)
    return found


start = time.perf_counter()
articles = pairs = 0
batch = []
with open(quarter, encoding="utf-8") as f:
    for line in f:
        key, _, text = line.rstrip("\n").partition("\t")
        if key == "id":
            continue
        batch.append((key, text))
        if len(batch) == batch_size:
            pairs += run(batch)
            articles += len(batch)
            batch = []
if batch:
    pairs += run(batch)
    articles += len(batch)
print(f"articles {articles} seconds {time.perf_counter() - start:.3f} pairs {pairs}")
