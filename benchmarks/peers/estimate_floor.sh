#!/usr/bin/env bash
# Builds and runs estimate_floor.c (the machine's floor for EstimateJaccard of two K = 128 signatures), then a
# dependent-add loop that gives the clock the timings ran at. Needs gcc; on a shared machine run it under
# `flock -x /tmp/bench.lock`.
set -euo pipefail
cd "$(dirname "$0")"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
gcc -O3 -march=native estimate_floor.c -o "$OUT/estimate_floor"
"$OUT/estimate_floor"
cat > "$OUT/clock.c" <<'C'
#include <stdint.h>
#include <stdio.h>
#include <time.h>
int main(void)
{
    struct timespec a, b;
    uint64_t n = 1000000000ULL, x = 0;
    clock_gettime(CLOCK_MONOTONIC, &a);
    // Four dependent one-cycle adds per iteration: n adds take n cycles.
    __asm__ volatile("mov %1, %%rcx\n1:\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n sub $1, %%rcx\n jnz 1b\n"
                     : "+r"(x) : "r"(n / 4) : "rcx");
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("clock: %.2f GHz (dependent adds)\n", n / ((b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) * 1e-9) / 1e9);
    return 0;
}
C
gcc -O2 "$OUT/clock.c" -o "$OUT/clock"
"$OUT/clock"
