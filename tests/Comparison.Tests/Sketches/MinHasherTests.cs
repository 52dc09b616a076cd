using System.Globalization;
using Comparison.Sketches;
using Comparison.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Sketches;

public class MinHasherTests
{
    private static readonly MinHashScheme[] Schemes = [MinHashScheme.Classic, MinHashScheme.OnePermutation];

    [Theory]
    [InlineData(MinHashScheme.Classic, 1000, ExpectedSignatures.Classic1000)]
    [InlineData(MinHashScheme.OnePermutation, 1000, ExpectedSignatures.OnePermutation1000)]
    [InlineData(MinHashScheme.Classic, 20, ExpectedSignatures.Classic20)]
    [InlineData(MinHashScheme.OnePermutation, 20, ExpectedSignatures.OnePermutation20)]
    public void Compute_SameSeedInAnyProcess_EqualsIndependentReference(MinHashScheme scheme, int n, string expected)
    {
        ulong[] hashes = Enumerable.Range(1, n).Select(i => unchecked((ulong)i * 0x9E3779B97F4A7C15UL)).ToArray();
        var hasher = new MinHasher(new MinHashOptions { Permutations = 128, Seed = 42, Scheme = scheme });
        uint[] want = expected.Split(',').Select(s => uint.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(want, hasher.Compute(hashes).Values);
    }

    [Fact]
    public void ComputeClassic_MinimaOnTheEdgesOfTheKey_EveryPathEqualsReference()
    {
        // Coefficients chosen so that one shingle lands exactly on t = 0, 1, 2, 3, 2^29 − 1, 2^29, 2^29 + 1, p − 1 …:
        // b = (t − a·x) mod p. Random data never reaches these, and they are where the key is t instead of t + 1.
        const ulong P = (1UL << 61) - 1;
        ulong[] targets = [0, 1, 2, 3, 4, (1UL << 29) - 1, 1UL << 29, (1UL << 29) + 1, (1UL << 30) - 1, P - 1, P - 2, P - 3, (1UL << 60) + 5, 12345];
        var random = new Random(5);
        foreach (int k in new[] { 8, 16, 40 })
        {
            ulong[] hashes = SetPairs.Distinct(random, 50);
            var (aLow, aHigh, bPlusOne) = CoefficientsPlacingMinima(random, hashes, k, i => targets[i % targets.Length]);
            uint[] reference = AssertEveryPathEqualsReference(hashes, aLow, aHigh, bPlusOne);
            Assert.Equal(0u, reference[0]);
            Assert.Equal(1u, reference[6] | 1u);
        }
    }

    /// <summary>Random coefficients for k lanes, with b chosen so that one shingle of each lane i lands on t = target(i): b = (t − a·x) mod p.</summary>
    private static (ulong[] ALow, ulong[] AHigh, ulong[] BPlusOne) CoefficientsPlacingMinima(Random random, ulong[] hashes, int k, Func<int, ulong> target)
    {
        const ulong P = (1UL << 61) - 1;
        var aLow = new ulong[k];
        var aHigh = new ulong[k];
        var bPlusOne = new ulong[k];
        for (int i = 0; i < k; i++)
        {
            ulong a = 1 + ((ulong)random.NextInt64() % (P - 1));
            aLow[i] = a & ((1UL << 29) - 1);
            aHigh[i] = a >> 29;
            ulong h = hashes[random.Next(hashes.Length)];
            UInt128 ax = (UInt128)a * (uint)(h ^ (h >> 32)) % P;
            bPlusOne[i] = (ulong)((target(i) + P - ax) % P) + 1;
        }

        return (aLow, aHigh, bPlusOne);
    }

    private static uint[] AssertEveryPathEqualsReference(ulong[] hashes, ulong[] aLow, ulong[] aHigh, ulong[] bPlusOne)
    {
        var reference = new uint[aLow.Length];
        MinHasher.ComputeClassicReference(hashes, reference, aLow, aHigh, bPlusOne);
        foreach (ClassicPath path in Enum.GetValues<ClassicPath>().Where(MinHasher.IsPathSupported))
        {
            var fast = new uint[aLow.Length];
            MinHasher.ComputeClassic(hashes, fast, path, aLow, aHigh, bPlusOne);
            Assert.Equal(reference, fast);
        }

        return reference;
    }

    [Fact]
    public void ScaledKey_AnyLane_IsEightTimesTheKeptResidue_Property()
    {
        // The claim every path rests on: z = 8·(S mod 2^61) + g with g < 8, where S ≡ t + 2 (mod p) and the kept
        // residue l = S mod 2^61 is in [t, t + 2], or one of 0, 1, p − 1, p for t ≥ p − 3. Extremes are mixed in.
        const ulong P = (1UL << 61) - 1;
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                var random = new Random(seed);
                for (int trial = 0; trial < 64; trial++)
                {
                    ulong aLow = random.Next(4) == 0 ? (1UL << 29) - 1 - (ulong)random.Next(2) : (ulong)random.NextInt64(1L << 29);
                    ulong aHigh = random.Next(4) == 0 ? uint.MaxValue - (ulong)random.Next(2) : (ulong)random.NextInt64(1L << 32);
                    ulong bPlusOne = random.Next(4) == 0 ? P - (ulong)random.Next(2) : (ulong)random.NextInt64((long)P) + 1;
                    ulong x = random.Next(4) == 0 ? uint.MaxValue - (ulong)random.Next(2) : (ulong)random.NextInt64(1L << 32);
                    UInt128 s = (aHigh * x >> 32) + ((UInt128)(uint)(aHigh * x) << 29) + ((UInt128)aLow * x) + bPlusOne + 1;
                    ulong t = (ulong)((((((UInt128)aHigh << 29) | aLow) * x) + (bPlusOne - 1)) % P);
                    ulong l = (ulong)(s & P);
                    ulong z = MinHasher.ScaledKey(aLow << 3, aHigh, unchecked(bPlusOne + 1) << 3, x);
                    bool residueInRange = t <= P - 3 ? l >= t && l <= t + 2 : l is 0 or 1 or P - 1 or P;
                    if (s >= 3 * (UInt128)P || (z >> 3) != l || !residueInRange)
                    {
                        return false;
                    }
                }

                return true;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ComputeClassic_MinimaNextToMultiplesOf2To29_EveryPathEqualsReference()
    {
        // Where the scaled minimum L may sit up to 2 above the minimum t, a t just above a multiple of 2^29 (and the
        // two largest t, whose residue can wrap to 0 or 1) leaves the high 32 bits in doubt: those lanes must be
        // recomputed exactly. Each lane gets one shingle on such a t, the other shingles random.
        const ulong P = (1UL << 61) - 1;
        var random = new Random(11);
        int ambiguous = 0;
        for (int round = 0; round < 20; round++)
        {
            int k = 8 * random.Next(1, 6);
            ulong[] hashes = SetPairs.Distinct(random, random.Next(1, 4) == 1 ? 1 : random.Next(2, 40));
            var (aLow, aHigh, bPlusOne) = CoefficientsPlacingMinima(random, hashes, k, _ => random.Next(6) == 0
                ? P - 1 - (ulong)random.Next(3)
                : (ulong)Math.Max(0L, ((long)random.Next(0, 64) << 29) + random.Next(0, 4) - 2));

            for (int i = 0; i < k; i++)
            {
                ulong min = ulong.MaxValue;
                foreach (ulong h in hashes)
                {
                    min = Math.Min(min, MinHasher.ScaledKey(aLow[i] << 3, aHigh[i], (bPlusOne[i] + 1) << 3, (uint)(h ^ (h >> 32))));
                }

                ambiguous += MinHasher.IsScaledMinimumExact(min) ? 0 : 1;
            }

            AssertEveryPathEqualsReference(hashes, aLow, aHigh, bPlusOne);
        }

        Assert.True(ambiguous > 20, $"only {ambiguous} lanes took the exact recomputation");
    }

    [Fact]
    public void ComputeClassic_EveryPath_EqualsReference_Property()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                var random = new Random(seed);
                int k = random.Next(1, 90);
                var hasher = new MinHasher(new MinHashOptions { Permutations = k, Seed = (ulong)random.NextInt64() });
                ulong[] hashes = SetPairs.Distinct(random, random.Next(0, 700));
                if (random.Next(4) == 0)
                {
                    hashes[..Math.Min(8, hashes.Length)].AsSpan().Fill(ulong.MaxValue);
                }

                var reference = new uint[k];
                hasher.ComputeClassicReference(hashes, reference);
                foreach (ClassicPath path in Enum.GetValues<ClassicPath>())
                {
                    if (!MinHasher.IsPathSupported(path))
                    {
                        continue;
                    }

                    var fast = new uint[k];
                    hasher.ComputeClassic(hashes, fast, path);
                    if (!fast.AsSpan().SequenceEqual(reference))
                    {
                        return false;
                    }
                }

                return true;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ComputeClassic_HardwarePaths_AreExercisedOnThisMachine()
    {
        // The property above skips paths the CPU lacks; on the AVX-512 machines this project targets, none is skipped.
        Assert.True(MinHasher.IsPathSupported(ClassicPath.Scalar));
        if (System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
        {
            Assert.True(MinHasher.IsPathSupported(ClassicPath.Vector512));
            Assert.True(MinHasher.IsPathSupported(ClassicPath.Vector256));
        }
    }

    [Fact]
    public void ComputeOnePermutation_VectorScatter_EqualsScalarScatter_Property()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                var random = new Random(seed);
                int k = random.Next(3) == 0 ? 8 * random.Next(1, 40) : random.Next(1, 300);
                var hasher = new MinHasher(new MinHashOptions { Permutations = k, Seed = (ulong)seed, Scheme = MinHashScheme.OnePermutation });
                ulong[] hashes = SetPairs.Distinct(random, random.Next(0, 900));
                var viaDispatch = new uint[hasher.Permutations];
                hasher.Compute(hashes, viaDispatch);

                var bins = new ulong[hasher.Permutations];
                bins.AsSpan().Fill(MinHasher.EmptyBin);
                MinHasher.ScatterScalar(hashes, bins, hasher.BinKey);
                var scalar = new uint[hasher.Permutations];
                MinHasher.DensifyForSeed(bins, scalar, hasher.Seed, vector: false);
                return hashes.Length == 0 || viaDispatch.AsSpan().SequenceEqual(scalar);
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EstimateJaccard_RandomPairs_WithinThreeStandardErrorsFor99Percent()
    {
        foreach (MinHashScheme scheme in Schemes)
        {
            var hasher = new MinHasher(new MinHashOptions { Scheme = scheme, Seed = 7 });
            var random = new Random(2024);
            int pairs = 600, within = 0;
            for (int i = 0; i < pairs; i++)
            {
                var (a, b, exact) = SetPairs.Random(random);
                double estimate = hasher.Compute(a).EstimateJaccard(hasher.Compute(b)).Value;
                double bound = (3 * Math.Sqrt(exact * (1 - exact) / 128)) + 0.02;
                within += Math.Abs(estimate - exact) <= bound ? 1 : 0;
            }

            Assert.True(within >= 0.99 * pairs, $"{scheme}: {within} of {pairs} estimates within 3·sqrt(J(1−J)/K) + 0.02");
        }
    }

    [Fact]
    public void EstimateJaccard_SymmetricInRangeAndOneForIdentical_Property()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                var random = new Random(seed);
                var hasher = new MinHasher(new MinHashOptions { Scheme = Schemes[random.Next(2)], Seed = (ulong)seed, Permutations = random.Next(1, 200) });
                var (a, b, _) = SetPairs.Random(random);
                MinHashSignature sa = hasher.Compute(a), sb = hasher.Compute(b);
                double ab = sa.EstimateJaccard(sb).Value, ba = sb.EstimateJaccard(sa).Value;
                int bits = random.Next(1, 33);
                double abBits = sa.EstimateJaccard(sb, bits).Value, baBits = sb.EstimateJaccard(sa, bits).Value;
                ulong[] shuffled = [.. a, .. a.Take(5)];
                random.Shuffle(shuffled);
                return ab == ba && ab is >= 0 and <= 1 && abBits == baBits && abBits is >= 0 and <= 1
                    && hasher.Compute(shuffled).EstimateJaccard(sa).Value == 1.0
                    && sa.EstimateJaccard(sa, bits).Value == 1.0;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Compute_SpanOverload_EqualsSignatureValues()
    {
        var random = new Random(3);
        ulong[] hashes = SetPairs.Distinct(random, 300);
        foreach (MinHashScheme scheme in Schemes)
        {
            var hasher = new MinHasher(new MinHashOptions { Scheme = scheme });
            var buffer = new uint[200];
            Assert.True(hasher.Compute(hashes, buffer));
            Assert.Equal(hasher.Compute(hashes).Values, buffer.Take(128));
            Assert.False(hasher.Compute([], buffer));
            Assert.Throws<ArgumentException>("destination", () => hasher.Compute(hashes, new uint[127]));
        }
    }

    [Fact]
    public void Options_OutOfRange_ThrowNamingTheProperty()
    {
        Assert.Equal("Permutations", Assert.Throws<ArgumentOutOfRangeException>(() => new MinHasher(new MinHashOptions { Permutations = 0 })).ParamName);
        Assert.Equal("Scheme", Assert.Throws<ArgumentOutOfRangeException>(() => new MinHasher(new MinHashOptions { Scheme = (MinHashScheme)9 })).ParamName);
        Assert.Equal(128, new MinHasher().Permutations);
    }

    [Fact]
    public void Compute_EmptySet_IsEmptyAndMatchesNothing()
    {
        foreach (MinHashScheme scheme in Schemes)
        {
            var hasher = new MinHasher(new MinHashOptions { Scheme = scheme });
            MinHashSignature empty = hasher.Compute([]);
            MinHashSignature one = hasher.Compute([12345UL]);
            Assert.True(empty.IsEmpty);
            Assert.False(one.IsEmpty);
            Assert.Equal(0.0, empty.EstimateJaccard(hasher.Compute(ReadOnlySpan<ulong>.Empty)).Value);
            Assert.Equal(0.0, empty.EstimateJaccard(empty, 8).Value);
            Assert.Equal(0.0, empty.EstimateJaccard(one).Value);
            Assert.Equal(1.0, one.EstimateJaccard(hasher.Compute([12345UL, 12345UL])).Value);
        }
    }
}
