#!/usr/bin/python3
"""A hand-vectorised numpy MinHash, the peer the C# MinHasher races (run with Debian's /usr/bin/python3).

Reads the corpus of shared/tools/gen_corpus.py (id<TAB>text, words separated by single spaces), builds word
5-shingles, hashes them with vectorised 64-bit polynomial arithmetic, and signs each document with
datasketch's formula: K = 128 functions ((a*x + b) mod (2^61 - 1)) & (2^32 - 1) over 32-bit shingle hashes,
minimised per function, in one numpy broadcast per document. Prints one line per figure:
  numpy-e2e <articles/s>        raw text -> signatures (tokenise, shingle, hash, sign)
  numpy-from-hashes <articles/s> signatures from precomputed 32-bit shingle hashes
Usage: minhash_numpy.py CORPUS.tsv [LIMIT]
"""
import sys
import time

import numpy as np

K = 128
PRIME = np.uint64((1 << 61) - 1)
MAX_HASH = np.uint64((1 << 32) - 1)
SIZE = 5


def coefficients(seed=1):
    gen = np.random.RandomState(seed)
    a = gen.randint(1, (1 << 61) - 1, size=K, dtype=np.uint64)
    b = gen.randint(0, (1 << 61) - 1, size=K, dtype=np.uint64)
    return a[:, None], b[:, None]


def shingle_hashes(text, vocab):
    # One id per distinct word (a dict lookup per token), then a vectorised polynomial hash of each window.
    ids = np.fromiter((vocab.setdefault(w, len(vocab) + 1) for w in text.split(" ")), dtype=np.uint64)
    if len(ids) < SIZE:
        return np.zeros(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        h = np.zeros(len(ids) - SIZE + 1, dtype=np.uint64)
        for j in range(SIZE):
            h = h * np.uint64(0x100000001B3) + ids[j:len(ids) - SIZE + 1 + j] * np.uint64(0x9E3779B97F4A7C15)
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    return np.unique(h & MAX_HASH)


def sign(hv, a, b):
    # datasketch's ((a*x + b) mod p) & (2^32 - 1), with a*x + b wrapping at 2^64 as in datasketch; the mod is
    # done by the Mersenne fold (x & p) + (x >> 61) and one conditional subtraction, several times faster than %.
    with np.errstate(over="ignore"):
        x = a * hv[None, :] + b
        x = (x & PRIME) + (x >> np.uint64(61))
        x = np.where(x >= PRIME, x - PRIME, x)
        return (x & MAX_HASH).min(axis=1)


def main():
    path = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    with open(path, encoding="utf-8") as f:
        texts = [line.rstrip("\n").split("\t", 1)[1] for line in f]
    if limit:
        texts = texts[:limit]
    a, b = coefficients()

    best_e2e = 0.0
    hashes = None
    for _ in range(3):
        vocab = {}
        start = time.perf_counter()
        hashes = [shingle_hashes(t, vocab) for t in texts]
        sigs = [sign(h, a, b) for h in hashes]
        best_e2e = max(best_e2e, len(texts) / (time.perf_counter() - start))
    best_hashes = 0.0
    for _ in range(3):
        start = time.perf_counter()
        sigs = [sign(h, a, b) for h in hashes]
        best_hashes = max(best_hashes, len(texts) / (time.perf_counter() - start))
    assert len(sigs) == len(texts)
    print(f"numpy-e2e {best_e2e:.0f}")
    print(f"numpy-from-hashes {best_hashes:.0f}")


if __name__ == "__main__":
    main()
