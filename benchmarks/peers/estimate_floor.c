// The floor of EstimateJaccard on this machine: hand-written AVX-512 C doing only the work of the estimate of two
// K = 128 signatures of 32-bit values (8 x 16-lane compares to masks and a popcount; no checks, no call through an
// object), over 1,024 distinct pairs of 32 signatures (18 KB, in L1), as MinHashBenchmarks.EstimateJaccardPairsL1
// does. The signatures start at a 64-byte boundary, or 8 bytes past it (where the .NET GC places array data).
// Build and run: benchmarks/peers/estimate_floor.sh
#include <immintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { K = 128, Signatures = 32, Pairs = 1024, Rounds = 9, Repeats = 20000 };

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

// Equal lanes of two signatures: the numerator of the estimate.
__attribute__((noinline)) static int equal_lanes(const uint32_t *a, const uint32_t *b)
{
    int count = 0;
    for (int i = 0; i < K; i += 16)
    {
        __mmask16 m = _mm512_cmpeq_epi32_mask(_mm512_loadu_si512(a + i), _mm512_loadu_si512(b + i));
        count += __builtin_popcount(m);
    }

    return count;
}

static int compare_doubles(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

int main(void)
{
    srand(42);
    for (int offset = 0; offset <= 8; offset += 8)
    {
        const int stride = K * 4 + 64;
        char *pool = aligned_alloc(64, (size_t)Signatures * stride + 64);
        uint32_t *sig[Signatures];
        for (int s = 0; s < Signatures; s++)
        {
            sig[s] = (uint32_t *)(pool + (size_t)s * stride + offset);
            for (int k = 0; k < K; k++)
            {
                sig[s][k] = (uint32_t)(rand() % 4); // about a quarter of lanes equal
            }
        }

        int left[Pairs], right[Pairs];
        for (int p = 0; p < Pairs; p++)
        {
            left[p] = rand() % Signatures;
            right[p] = rand() % Signatures;
        }

        double ns[Rounds];
        long checksum = 0;
        for (int r = 0; r < Rounds; r++)
        {
            double start = now();
            for (int q = 0; q < Repeats; q++)
            {
                for (int p = 0; p < Pairs; p++)
                {
                    checksum += equal_lanes(sig[left[p]], sig[right[p]]);
                }
            }

            ns[r] = (now() - start) / ((double)Repeats * Pairs) * 1e9;
        }

        qsort(ns, Rounds, sizeof ns[0], compare_doubles);
        printf("offset %d bytes from a 64-byte boundary: median %.2f ns per pair (min %.2f, max %.2f; checksum %ld)\n",
               offset, ns[Rounds / 2], ns[0], ns[Rounds - 1], checksum);
        free(pool);
    }

    return 0;
}
