#!/usr/bin/env python3
"""Independent big-integer reference of Comparison's MinHash schemes (no numpy needed).

Prints the signature values the C# library must produce for a fixed input, so a test can check, in a
fresh process on any machine, that the same seed gives the same signature. Used once to produce the
expected values committed in tests/Comparison.Tests/Sketches/MinHasherTests.cs.
"""
import sys

M64 = (1 << 64) - 1
P = (1 << 61) - 1
GOLDEN = 0x9E3779B97F4A7C15


def splitmix64(state):
    state = (state + GOLDEN) & M64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return state, z ^ (z >> 31)


def mix64(z):
    z ^= z >> 33
    z = (z * 0xFF51AFD7ED558CCD) & M64
    z ^= z >> 33
    z = (z * 0xC4CEB9FE1A85EC53) & M64
    return z ^ (z >> 33)


def classic(hashes, k, seed):
    padded = (k + 7) & ~7
    state = seed ^ 0x6A09E667F3BCC909
    coeffs = []
    for _ in range(padded):
        state, r = splitmix64(state)
        a = 1 + r % (P - 1)
        state, r = splitmix64(state)
        coeffs.append((a, r % P))
    xs = [(h ^ (h >> 32)) & 0xFFFFFFFF for h in hashes]
    return [min((a * x + b) % P for x in xs) >> 29 if xs else 0xFFFFFFFF for a, b in coeffs[:k]]


def one_permutation(hashes, k, seed):
    state = seed ^ 0xBB67AE8584CAA73B
    state, bin_key = splitmix64(state)
    state, densify_key = splitmix64(state)
    bins = [None] * k
    for h in hashes:
        z = mix64(h ^ bin_key)
        i = ((z >> 32) * k) >> 32
        v = z & 0xFFFFFFFF
        if bins[i] is None or v < bins[i]:
            bins[i] = v
    out = []
    for i in range(k):
        if bins[i] is not None:
            out.append(bins[i])
            continue
        attempt = 1
        while True:
            z = mix64((densify_key + (i << 32) + attempt) & M64)
            j = ((z >> 32) * k) >> 32
            attempt += 1
            if bins[j] is not None:
                out.append(bins[j])
                break
    return out


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
    k = int(sys.argv[3]) if len(sys.argv) > 3 else 128
    hashes = [(i * GOLDEN) & M64 for i in range(1, n + 1)]
    print("classic", ",".join(str(v) for v in classic(hashes, k, seed)))
    print("onepermutation", ",".join(str(v) for v in one_permutation(hashes, k, seed)))
