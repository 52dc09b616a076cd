using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Comparison.Sketches;

/// <summary>
/// Computes MinHash signatures of shingle-hash sets. Construct once (the hash coefficients are derived from the
/// seed here), then sign any number of sets from any number of threads.
/// </summary>
/// <remarks>
/// <para>
/// <b>Classic</b> (<see cref="MinHashScheme.Classic"/>): each 64-bit shingle hash is folded to 32 bits,
/// <c>x = (uint)(h ⊕ (h ≫ 32))</c>, and K universal hash functions <c>h_i(x) = (a_i·x + b_i) mod p</c> with
/// the Mersenne prime <c>p = 2^61 − 1</c>, <c>a_i ∈ [1, p)</c> and <c>b_i ∈ [0, p)</c> drawn by SplitMix64
/// from the seed, are minimised over the set; the high 32 bits of each 61-bit minimum are the signature value.
/// This is the formula of datasketch with two corrections: the product is reduced exactly modulo p (no 64-bit
/// wrap-around), and the value kept is a monotone truncation of the minimum, so the signature of a union is
/// exactly the element-wise minimum of the signatures (merge is exact).
/// O(n·K) per set of n hashes; Vector512 (AVX-512), Vector256 (AVX2) and scalar paths give identical results
/// (every path is tested against a 128-bit reference): each minimises a scaled key of eight operations per lane
/// (see <see cref="ScaledKey"/>) and recomputes exactly the rare lane whose key leaves the value in doubt.
/// </para>
/// <para>
/// <b>One permutation</b> (<see cref="MinHashScheme.OnePermutation"/>; Li, Owen and Zhang, NIPS 2012): one
/// seeded 64-bit mix per shingle picks a bin from its high 32 bits and a value from its low 32 bits; each bin
/// keeps its minimum. Each empty bin then borrows the value of the first non-empty bin in its own seeded
/// random probe sequence (optimal densification, Shrivastava, ICML 2017), which keeps the estimator unbiased
/// with variance close to the classic scheme's. O(n + K) per set.
/// </para>
/// <para>
/// The standard error of a Jaccard estimate is sqrt(J(1 − J)/K) for both schemes (the one-permutation scheme
/// approaches it when n ≫ K). Instances are immutable and thread-safe.
/// </para>
/// </remarks>
[SkipLocalsInit]
public sealed class MinHasher
{
    /// <summary>The Mersenne prime 2^61 − 1, the modulus of the classic hash functions.</summary>
    internal const ulong MersennePrime = (1UL << 61) - 1;

    /// <summary>The value of a one-permutation bin that received no shingle (every real value is below it).</summary>
    internal const ulong EmptyBin = 1UL << 32;

    private const ulong Low29 = (1UL << 29) - 1;
    private const int StackLimit = 512;

    // Coefficients of the classic scheme, padded to a multiple of 8 lanes; a = aHigh·2^29 + aLow so that both
    // halves multiply a 32-bit x with one 32×32→64-bit multiply, and b + 1 (see ClassicKey). The hot loops read
    // them pre-scaled by 8 (see ScaledKey); the exact ones recompute a lane whose scaled key is ambiguous.
    private readonly ulong[] _aLow;
    private readonly ulong[] _aHigh;
    private readonly ulong[] _bPlusOne;
    private readonly ulong[] _aLowTimes8;
    private readonly ulong[] _bScaled;
    private readonly ulong _binKey;
    private readonly ulong _densifyKey;
    private readonly SignatureConfig _config;

    /// <summary>Creates a hasher, deriving every coefficient from the seed.</summary>
    /// <param name="options">The settings; <see langword="null"/> means <see cref="MinHashOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public MinHasher(MinHashOptions? options = null)
    {
        options ??= MinHashOptions.Default;
        options.Validate();
        Options = options;
        int k = options.Permutations;
        int padded = (k + 7) & ~7;
        _aLow = new ulong[padded];
        _aHigh = new ulong[padded];
        _bPlusOne = new ulong[padded];
        ulong state = options.Seed ^ 0x6A09E667F3BCC909UL;
        for (int i = 0; i < padded; i++)
        {
            ulong a = 1 + (Mixing.SplitMix64(ref state) % (MersennePrime - 1));
            _aLow[i] = a & Low29;
            _aHigh[i] = a >> 29;
            _bPlusOne[i] = (Mixing.SplitMix64(ref state) % MersennePrime) + 1;
        }

        (_aLowTimes8, _bScaled) = ScaledCoefficients(_aLow, _bPlusOne);
        (_binKey, _densifyKey) = OnePermutationKeys(options.Seed);
        _config = new SignatureConfig(options.Scheme, options.Seed, k);
    }

    /// <summary>The settings this hasher was created with.</summary>
    public MinHashOptions Options { get; }

    /// <summary>The number of permutations K, the length of every signature.</summary>
    public int Permutations => Options.Permutations;

    /// <summary>The seed.</summary>
    public ulong Seed => Options.Seed;

    /// <summary>The signature scheme.</summary>
    public MinHashScheme Scheme => Options.Scheme;

    /// <summary>The key of the one-permutation scatter (for tests of the scalar scatter).</summary>
    internal ulong BinKey => _binKey;

    /// <summary>Signs a set of shingle hashes (duplicates are harmless; order does not matter).</summary>
    /// <param name="shingleHashes">The 64-bit shingle hashes of one document.</param>
    /// <returns>The signature; an empty input gives a signature whose <see cref="MinHashSignature.IsEmpty"/> is true.</returns>
    public MinHashSignature Compute(ReadOnlySpan<ulong> shingleHashes)
    {
        int k = Permutations;
        var values = new uint[k];
        ulong[]? emptyBins = null;
        if (Scheme == MinHashScheme.Classic)
        {
            ComputeClassic(shingleHashes, values);
        }
        else
        {
            emptyBins = ComputeOnePermutation(shingleHashes, values);
        }

        return new MinHashSignature(_config, values, emptyBins, shingleHashes.IsEmpty);
    }

    /// <summary>Signs a set of shingle hashes into a caller-provided buffer (no allocation for K ≤ 512).</summary>
    /// <param name="shingleHashes">The 64-bit shingle hashes of one document.</param>
    /// <param name="destination">Receives the K signature values; its length must be at least K.</param>
    /// <returns><see langword="false"/> when the input is empty (every value is then <see cref="uint.MaxValue"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than K.</exception>
    public bool Compute(ReadOnlySpan<ulong> shingleHashes, Span<uint> destination)
    {
        if (destination.Length < Permutations)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; it must hold at least {Permutations} (the number of permutations).", nameof(destination));
        }

        destination = destination[..Permutations];
        if (Scheme == MinHashScheme.Classic)
        {
            ComputeClassic(shingleHashes, destination);
        }
        else
        {
            ComputeOnePermutation(shingleHashes, destination);
        }

        return !shingleHashes.IsEmpty;
    }

    /// <summary>The classic scheme through the fastest path this machine supports.</summary>
    internal void ComputeClassic(ReadOnlySpan<ulong> shingleHashes, Span<uint> destination)
    {
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
        {
            ComputeClassic(shingleHashes, destination, ClassicPath.Vector512);
        }
        else if (Vector256.IsHardwareAccelerated && Avx2.IsSupported)
        {
            ComputeClassic(shingleHashes, destination, ClassicPath.Vector256);
        }
        else
        {
            ComputeClassic(shingleHashes, destination, ClassicPath.Scalar);
        }
    }

    /// <summary>The classic scheme through one chosen path (the tests compare every path with <see cref="ComputeClassicReference(ReadOnlySpan{ulong}, Span{uint})"/>).</summary>
    internal void ComputeClassic(ReadOnlySpan<ulong> shingleHashes, Span<uint> destination, ClassicPath path) =>
        ComputeClassic(shingleHashes, destination, path, _aLow, _aHigh, _bPlusOne, _aLowTimes8, _bScaled);

    /// <summary>
    /// The classic scheme over explicit coefficients (a = aHigh·2^29 + aLow, and b + 1), padded to a multiple of 8;
    /// tests pass coefficients chosen to put minima on the edge cases of <see cref="ClassicKey"/> and <see cref="ScaledKey"/>.
    /// </summary>
    internal static void ComputeClassic(ReadOnlySpan<ulong> shingleHashes, Span<uint> destination, ClassicPath path, ulong[] aLow, ulong[] aHigh, ulong[] bPlusOne)
    {
        (ulong[] aLowTimes8, ulong[] bScaled) = ScaledCoefficients(aLow, bPlusOne);
        ComputeClassic(shingleHashes, destination, path, aLow, aHigh, bPlusOne, aLowTimes8, bScaled);
    }

    /// <summary>aLow·8 (below 2^32, so still one 32×32-bit multiply) and (b + 2)·8 mod 2^64, the coefficients of <see cref="ScaledKey"/>.</summary>
    private static (ulong[] ALowTimes8, ulong[] BScaled) ScaledCoefficients(ulong[] aLow, ulong[] bPlusOne)
    {
        var aLowTimes8 = new ulong[aLow.Length];
        var bScaled = new ulong[bPlusOne.Length];
        for (int i = 0; i < aLow.Length; i++)
        {
            aLowTimes8[i] = aLow[i] << 3;
            bScaled[i] = unchecked(bPlusOne[i] + 1) << 3;
        }

        return (aLowTimes8, bScaled);
    }

    // The shingle hashes are folded and scanned in blocks of this many: a long document's hashes are not copied whole,
    // and a block stays in cache while every lane passes over it.
    private const int FoldBlock = 4096;

    private static void ComputeClassic(ReadOnlySpan<ulong> shingleHashes, Span<uint> destination, ClassicPath path, ulong[] aLow, ulong[] aHigh, ulong[] bPlusOne, ulong[] aLowTimes8, ulong[] bScaled)
    {
        int padded = bPlusOne.Length;
        int block = Math.Min(shingleHashes.Length, FoldBlock);
        ulong[]? rentedX = null;
        ulong[]? rentedMins = null;
        Span<ulong> xs = block <= StackLimit ? stackalloc ulong[StackLimit] : (rentedX = ArrayPool<ulong>.Shared.Rent(block));
        Span<ulong> mins = padded <= StackLimit ? stackalloc ulong[StackLimit] : (rentedMins = ArrayPool<ulong>.Shared.Rent(2 * padded));
        try
        {
            Span<ulong> blockMins = padded <= StackLimit ? stackalloc ulong[StackLimit] : mins[padded..];
            mins = mins[..padded];
            blockMins = blockMins[..padded];

            // Minima are taken block by block and then across blocks: the same minima as over all hashes at once.
            int start = 0;
            do
            {
                ReadOnlySpan<ulong> hashes = shingleHashes.Slice(start, Math.Min(FoldBlock, shingleHashes.Length - start));
                Span<ulong> folded = xs[..hashes.Length];
                for (int i = 0; i < hashes.Length; i++)
                {
                    folded[i] = Fold(hashes[i]);
                }

                Span<ulong> target = start == 0 ? mins : blockMins;
                switch (path)
                {
                    case ClassicPath.Vector512 when Avx512F.IsSupported:
                        Classic512(folded, target, aLowTimes8, aHigh, bScaled);
                        break;
                    case ClassicPath.Vector256 when Avx2.IsSupported:
                        Classic256(folded, target, aLowTimes8, aHigh, bScaled);
                        break;
                    case ClassicPath.Scalar:
                        ClassicScalar(folded, target, aLowTimes8, aHigh, bScaled);
                        break;
                    default:
                        throw new PlatformNotSupportedException($"The {path} path is not supported on this machine.");
                }

                if (start > 0)
                {
                    for (int i = 0; i < padded; i++)
                    {
                        mins[i] = Math.Min(mins[i], blockMins[i]);
                    }
                }

                start += hashes.Length;
            }
            while (start < shingleHashes.Length);

            for (int i = 0; i < destination.Length; i++)
            {
                ulong min = mins[i];
                destination[i] = IsScaledMinimumExact(min) ? ValueOfScaledMinimum(min) : ClassicExactLane(shingleHashes, aLow[i], aHigh[i], bPlusOne[i]);
            }
        }
        finally
        {
            if (rentedX is not null)
            {
                ArrayPool<ulong>.Shared.Return(rentedX);
            }

            if (rentedMins is not null)
            {
                ArrayPool<ulong>.Shared.Return(rentedMins);
            }
        }
    }

    /// <summary>
    /// The classic scheme written as plainly as possible with 128-bit arithmetic: the reference every fast
    /// path is tested against. Not used in production.
    /// </summary>
    internal void ComputeClassicReference(ReadOnlySpan<ulong> shingleHashes, Span<uint> destination) =>
        ComputeClassicReference(shingleHashes, destination, _aLow, _aHigh, _bPlusOne);

    /// <summary>The 128-bit reference over explicit coefficients (see <see cref="ComputeClassic(ReadOnlySpan{ulong}, Span{uint}, ClassicPath, ulong[], ulong[], ulong[])"/>).</summary>
    internal static void ComputeClassicReference(ReadOnlySpan<ulong> shingleHashes, Span<uint> destination, ulong[] aLow, ulong[] aHigh, ulong[] bPlusOne)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            UInt128 a = ((UInt128)aHigh[i] << 29) | aLow[i];
            ulong min = ulong.MaxValue;
            foreach (ulong h in shingleHashes)
            {
                ulong value = (ulong)(((a * Fold(h)) + (bPlusOne[i] - 1)) % MersennePrime);
                min = Math.Min(min, value);
            }

            destination[i] = (uint)(min >> 29);
        }
    }

    /// <summary>Whether a Vector512 or Vector256 path of the classic scheme runs on this machine.</summary>
    internal static bool IsPathSupported(ClassicPath path) => path switch
    {
        ClassicPath.Vector512 => Avx512F.IsSupported,
        ClassicPath.Vector256 => Avx2.IsSupported,
        _ => true,
    };

    /// <summary>
    /// The one-permutation scheme: scatter, then densify. Returns a bit mask of the bins that received no
    /// shingle (needed to merge signatures exactly), or <see langword="null"/> when every bin was filled.
    /// </summary>
    internal ulong[]? ComputeOnePermutation(ReadOnlySpan<ulong> shingleHashes, Span<uint> destination)
    {
        int k = Permutations;
        ulong[]? rented = null;
        Span<ulong> bins = k <= StackLimit ? stackalloc ulong[StackLimit] : (rented = ArrayPool<ulong>.Shared.Rent(k));
        try
        {
            bins = bins[..k];
            bins.Fill(EmptyBin);
            if (Vector512.IsHardwareAccelerated && Avx512DQ.IsSupported)
            {
                Scatter512(shingleHashes, bins, _binKey);
            }
            else
            {
                ScatterScalar(shingleHashes, bins, _binKey);
            }

            return Densify(bins, destination, _densifyKey);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The scalar scatter of the one-permutation scheme (reference for <see cref="Scatter512"/>).</summary>
    internal static void ScatterScalar(ReadOnlySpan<ulong> shingleHashes, Span<ulong> bins, ulong binKey)
    {
        int k = bins.Length;
        ref ulong bin0 = ref MemoryMarshal.GetReference(bins);
        foreach (ulong h in shingleHashes)
        {
            ulong z = Mixing.Mix64(h ^ binKey);
            MinInto(ref Unsafe.Add(ref bin0, Mixing.Range((uint)(z >> 32), k)), (uint)z);
        }
    }

    /// <summary>Densifies raw one-permutation bins (empty = <see cref="EmptyBin"/>) for a seed; used by merge.</summary>
    internal static ulong[]? DensifyForSeed(ReadOnlySpan<ulong> bins, Span<uint> destination, ulong seed, bool vector = true) =>
        Densify(bins, destination, OnePermutationKeys(seed).DensifyKey, vector);

    private static (ulong BinKey, ulong DensifyKey) OnePermutationKeys(ulong seed)
    {
        ulong state = seed ^ 0xBB67AE8584CAA73BUL;
        ulong binKey = Mixing.SplitMix64(ref state);
        return (binKey, Mixing.SplitMix64(ref state));
    }

    /// <summary>
    /// Optimal densification: an empty bin i probes bins j = π_i(1), π_i(2), … (a seeded random sequence of
    /// its own) until one received a shingle, and borrows that bin's value. Both sets of a pair use the same
    /// sequences, so an empty bin agrees exactly when the bins it borrows from agree.
    /// </summary>
    private static ulong[]? Densify(ReadOnlySpan<ulong> bins, Span<uint> destination, ulong densifyKey, bool vector = true)
    {
        int k = bins.Length;
        ulong[]? emptyBins = null;
        bool anyFilled = false;
        if (vector && Vector512.IsHardwareAccelerated && Avx512F.IsSupported && (k & 7) == 0)
        {
            // Usually every bin is filled: narrow eight bins at a time and look for the empty marker once.
            ref ulong b0 = ref MemoryMarshal.GetReference(bins);
            ref uint d0 = ref MemoryMarshal.GetReference(destination);
            Vector512<ulong> empty = Vector512.Create(EmptyBin);
            Vector512<ulong> seen = Vector512<ulong>.Zero;
            for (int v = 0; v < k; v += 8)
            {
                Vector512<ulong> values = Vector512.LoadUnsafe(ref b0, (nuint)v);
                seen |= Vector512.Equals(values, empty);
                Avx512F.ConvertToVector256UInt32(values).StoreUnsafe(ref d0, (nuint)v);
            }

            if (seen == Vector512<ulong>.Zero)
            {
                return null;
            }
        }

        for (int i = 0; i < k; i++)
        {
            if (bins[i] == EmptyBin)
            {
                emptyBins ??= new ulong[(k + 63) >> 6];
                emptyBins[i >> 6] |= 1UL << (i & 63);
            }
            else
            {
                anyFilled = true;
                destination[i] = (uint)bins[i];
            }
        }

        if (emptyBins is null)
        {
            return null;
        }

        if (!anyFilled)
        {
            destination.Fill(uint.MaxValue);
            return emptyBins;
        }

        for (int i = 0; i < k; i++)
        {
            if (bins[i] != EmptyBin)
            {
                continue;
            }

            ulong probe = densifyKey + ((ulong)(uint)i << 32);
            int j;
            uint attempt = 1;
            do
            {
                j = Mixing.Range((uint)(Mixing.Mix64(probe + attempt) >> 32), k);
                attempt++;
            }
            while (bins[j] == EmptyBin);

            destination[i] = (uint)bins[j];
        }

        return emptyBins;
    }

    /// <summary>
    /// slot = min(slot, value) without a branch: a bin's minimum changes on about half of its first few
    /// updates, so a compare-and-branch mispredicts constantly (measured about 2× slower on random input).
    /// Both operands are at most <see cref="EmptyBin"/> = 2^32, so the sign of their difference is exact.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MinInto(ref ulong slot, ulong value)
    {
        ulong old = slot;
        ulong diff = value - old;
        slot = old + (diff & (ulong)((long)diff >> 63));
    }

    /// <summary>The 64-bit shingle hash folded to the 32-bit input of the classic hash functions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fold(ulong h) => (uint)(h ^ (h >> 32));

    /// <summary>
    /// One lane of the classic scheme: a key that orders like t = (a·x + b) mod (2^61 − 1), for x &lt; 2^32, in
    /// twelve operations and without 128-bit arithmetic. With a = aHigh·2^29 + aLow: lo = aLow·x &lt; 2^61
    /// and u = aHigh·x &lt; 2^64; u·2^29 ≡ (u ≫ 32) + ((u ≪ 29) ∧ p) because 2^61 ≡ 1. The sum
    /// s = … + lo + (b + 1) &lt; 2^63 is ≡ t + 1, and with s = h·2^61 + l the key (s + h) ∧ p = (l + h) mod 2^61
    /// is t + 1, except that it is t when l + h wraps past 2^61, which needs t ≤ 2 (s ≠ 0, so the key is never
    /// 0 for t = p − 1). The minimum key K therefore gives the minimum t exactly enough for its high 32 bits:
    /// see <see cref="ValueOfMinimumKey"/>. Exact for every lane; the paths run the cheaper <see cref="ScaledKey"/>
    /// and fall back to this one for a lane whose scaled minimum is ambiguous.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong ClassicKey(ulong aLow, ulong aHigh, ulong bPlusOne, ulong x)
    {
        ulong lo = aLow * x;
        ulong u = aHigh * x;
        ulong s = (u >> 32) + ((u << 29) & MersennePrime) + lo + bPlusOne;
        return (s + (s >> 61)) & MersennePrime;
    }

    /// <summary>
    /// The signature value (high 32 of the 61 bits of the minimum t) from the minimum key K: t is K − 1, or K
    /// when t ≤ 2, so t ≫ 29 = (K − 1) ≫ 29 for K ≥ 1, and 0 for K = 0. No input: all ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint ValueOfMinimumKey(ulong key) => key == 0 ? 0 : (uint)((key - 1) >> 29);

    /// <summary>
    /// One lane of the classic scheme in eight operations (the hot loops; <see cref="ClassicKey"/> takes twelve):
    /// z = (u ≫ 29) + (u ≪ 32) + 8·aLow·x + 8·(b + 2) mod 2^64 with u = aHigh·x. Let S = (u ≫ 32) + (u mod 2^32)·2^29
    /// + aLow·x + b + 2, an integer ≡ t + 2 (mod p) because u·2^29 = (u ≫ 32)·2^61 + (u mod 2^32)·2^29 and 2^61 ≡ 1.
    /// Then u ≪ 32 = 8·(u mod 2^32)·2^29 and u ≫ 29 = 8·(u ≫ 32) + g with g &lt; 8, so z = 8·(S mod 2^61) + g: the
    /// top three bits that the exact key masks off fall out of the 64-bit word, and g only breaks ties. S &lt; 3p, so
    /// with S = r + q·p (r = (t + 2) mod p, q ≤ 2) the kept l = S mod 2^61 is r − q ∈ [t, t + 2] for t ≤ p − 3,
    /// and one of 0, 1, p − 1, p for the two largest t. See <see cref="IsScaledMinimumExact"/> for what the minimum gives.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong ScaledKey(ulong aLowTimes8, ulong aHigh, ulong bScaled, ulong x)
    {
        ulong u = aHigh * x;
        return unchecked((u >> 29) + (u << 32) + (aLowTimes8 * x) + bScaled);
    }

    /// <summary>
    /// Whether the minimum scaled key Z = 8·L + g determines the signature value: the minimum t lies in [L − 2, L]
    /// (no shingle has l ∈ {0, 1}, so the two largest t only show up as p − 1 or p, above every other), and all of
    /// that interval has the high 32 bits of L when L mod 2^29 ≥ 2, that is when the low 32 bits of Z are ≥ 16.
    /// Otherwise (probability about 2^−28 per lane on random input) the lane is recomputed exactly. No input gives
    /// Z = 2^64 − 1, which passes and decodes to all ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsScaledMinimumExact(ulong scaledMinimum) => (uint)scaledMinimum >= 16;

    /// <summary>The signature value of an exact scaled minimum: the high 32 bits of L = Z ≫ 3, i.e. Z ≫ 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint ValueOfScaledMinimum(ulong scaledMinimum) => (uint)(scaledMinimum >> 32);

    /// <summary>One lane recomputed with the exact key (twelve operations per shingle; taken only when the scaled minimum is ambiguous).</summary>
    private static uint ClassicExactLane(ReadOnlySpan<ulong> shingleHashes, ulong aLow, ulong aHigh, ulong bPlusOne)
    {
        ulong min = ulong.MaxValue;
        foreach (ulong h in shingleHashes)
        {
            min = Math.Min(min, ClassicKey(aLow, aHigh, bPlusOne, Fold(h)));
        }

        return ValueOfMinimumKey(min);
    }

    private static void ClassicScalar(ReadOnlySpan<ulong> xs, Span<ulong> mins, ulong[] aLowTimes8All, ulong[] aHighAll, ulong[] bScaledAll)
    {
        for (int i = 0; i < mins.Length; i++)
        {
            ulong aLow8 = aLowTimes8All[i], aHigh = aHighAll[i], b = bScaledAll[i];
            ulong min = ulong.MaxValue;
            foreach (ulong x in xs)
            {
                min = Math.Min(min, ScaledKey(aLow8, aHigh, b, x));
            }

            mins[i] = min;
        }
    }

    /// <summary><see cref="ScaledKey"/> on eight lanes: two multiplies, two shifts, three adds (and the caller's min).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Key512(Vector512<ulong> aLowTimes8, Vector512<ulong> aHigh, Vector512<ulong> bScaled, Vector512<uint> x)
    {
        Vector512<ulong> lo = Avx512F.Multiply(aLowTimes8.AsUInt32(), x);
        Vector512<ulong> u = Avx512F.Multiply(aHigh.AsUInt32(), x);
        return (u >>> 29) + (u << 32) + lo + bScaled;
    }

    // Four vectors (32 permutations) per pass keep 12 coefficient and 4 accumulator registers live out of 32,
    // so each broadcast x feeds four independent dependency chains. Measured: eight vectors per pass (b read from
    // memory to stay within 32 registers) and two x per iteration were both slower.
    private static void Classic512(ReadOnlySpan<ulong> xs, Span<ulong> mins, ulong[] aLowAll, ulong[] aHighAll, ulong[] bAll)
    {
        ref ulong aLow = ref MemoryMarshal.GetArrayDataReference(aLowAll);
        ref ulong aHigh = ref MemoryMarshal.GetArrayDataReference(aHighAll);
        ref ulong b = ref MemoryMarshal.GetArrayDataReference(bAll);
        ref ulong m = ref MemoryMarshal.GetReference(mins);
        ref ulong x0 = ref MemoryMarshal.GetReference(xs);
        int n = xs.Length;
        int padded = mins.Length;
        int v = 0;
        for (; v + 32 <= padded; v += 32)
        {
            nuint o = (nuint)v;
            Vector512<ulong> l0 = Vector512.LoadUnsafe(ref aLow, o), l1 = Vector512.LoadUnsafe(ref aLow, o + 8), l2 = Vector512.LoadUnsafe(ref aLow, o + 16), l3 = Vector512.LoadUnsafe(ref aLow, o + 24);
            Vector512<ulong> h0 = Vector512.LoadUnsafe(ref aHigh, o), h1 = Vector512.LoadUnsafe(ref aHigh, o + 8), h2 = Vector512.LoadUnsafe(ref aHigh, o + 16), h3 = Vector512.LoadUnsafe(ref aHigh, o + 24);
            Vector512<ulong> b0 = Vector512.LoadUnsafe(ref b, o), b1 = Vector512.LoadUnsafe(ref b, o + 8), b2 = Vector512.LoadUnsafe(ref b, o + 16), b3 = Vector512.LoadUnsafe(ref b, o + 24);
            Vector512<ulong> m0 = Vector512<ulong>.AllBitsSet, m1 = m0, m2 = m0, m3 = m0;
            for (int i = 0; i < n; i++)
            {
                Vector512<uint> x = Vector512.Create(Unsafe.Add(ref x0, i)).AsUInt32();
                m0 = Vector512.Min(m0, Key512(l0, h0, b0, x));
                m1 = Vector512.Min(m1, Key512(l1, h1, b1, x));
                m2 = Vector512.Min(m2, Key512(l2, h2, b2, x));
                m3 = Vector512.Min(m3, Key512(l3, h3, b3, x));
            }

            m0.StoreUnsafe(ref m, o);
            m1.StoreUnsafe(ref m, o + 8);
            m2.StoreUnsafe(ref m, o + 16);
            m3.StoreUnsafe(ref m, o + 24);
        }

        for (; v < padded; v += 8)
        {
            nuint o = (nuint)v;
            Vector512<ulong> l0 = Vector512.LoadUnsafe(ref aLow, o), h0 = Vector512.LoadUnsafe(ref aHigh, o), b0 = Vector512.LoadUnsafe(ref b, o);
            Vector512<ulong> m0 = Vector512<ulong>.AllBitsSet;
            for (int i = 0; i < n; i++)
            {
                m0 = Vector512.Min(m0, Key512(l0, h0, b0, Vector512.Create(Unsafe.Add(ref x0, i)).AsUInt32()));
            }

            m0.StoreUnsafe(ref m, o);
        }
    }

    /// <summary><see cref="ScaledKey"/> on four lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Key256(Vector256<ulong> aLowTimes8, Vector256<ulong> aHigh, Vector256<ulong> bScaled, Vector256<uint> x)
    {
        Vector256<ulong> lo = Avx2.Multiply(aLowTimes8.AsUInt32(), x);
        Vector256<ulong> u = Avx2.Multiply(aHigh.AsUInt32(), x);
        return (u >>> 29) + (u << 32) + lo + bScaled;
    }

    private static void Classic256(ReadOnlySpan<ulong> xs, Span<ulong> mins, ulong[] aLowAll, ulong[] aHighAll, ulong[] bAll)
    {
        ref ulong aLow = ref MemoryMarshal.GetArrayDataReference(aLowAll);
        ref ulong aHigh = ref MemoryMarshal.GetArrayDataReference(aHighAll);
        ref ulong b = ref MemoryMarshal.GetArrayDataReference(bAll);
        ref ulong m = ref MemoryMarshal.GetReference(mins);
        ref ulong x0 = ref MemoryMarshal.GetReference(xs);
        int n = xs.Length;
        int padded = mins.Length;
        for (int v = 0; v < padded; v += 8)
        {
            nuint o = (nuint)v;
            Vector256<ulong> l0 = Vector256.LoadUnsafe(ref aLow, o), l1 = Vector256.LoadUnsafe(ref aLow, o + 4);
            Vector256<ulong> h0 = Vector256.LoadUnsafe(ref aHigh, o), h1 = Vector256.LoadUnsafe(ref aHigh, o + 4);
            Vector256<ulong> b0 = Vector256.LoadUnsafe(ref b, o), b1 = Vector256.LoadUnsafe(ref b, o + 4);
            Vector256<ulong> m0 = Vector256<ulong>.AllBitsSet, m1 = m0;
            for (int i = 0; i < n; i++)
            {
                Vector256<uint> x = Vector256.Create(Unsafe.Add(ref x0, i)).AsUInt32();
                m0 = Vector256.Min(m0, Key256(l0, h0, b0, x));
                m1 = Vector256.Min(m1, Key256(l1, h1, b1, x));
            }

            m0.StoreUnsafe(ref m, o);
            m1.StoreUnsafe(ref m, o + 4);
        }
    }

    // The mix of the scatter vectorises (8 lanes of fmix64 with AVX-512DQ's 64-bit multiply), and so does the bin
    // (Lemire's range reduction of the high half): each lane leaves as bin·2^32 + value. Only the min-update into
    // random bins stays scalar, over a small stack buffer.
    internal static void Scatter512(ReadOnlySpan<ulong> shingleHashes, Span<ulong> bins, ulong binKey)
    {
        int k = bins.Length;
        ref ulong bin0 = ref MemoryMarshal.GetReference(bins);
        ref ulong h0 = ref MemoryMarshal.GetReference(shingleHashes);
        Span<ulong> packed = stackalloc ulong[16];
        ref ulong z0 = ref MemoryMarshal.GetReference(packed);
        Vector512<ulong> key = Vector512.Create(binKey);
        Vector512<ulong> c1 = Vector512.Create(0xFF51AFD7ED558CCDUL);
        Vector512<ulong> c2 = Vector512.Create(0xC4CEB9FE1A85EC53UL);
        Vector512<uint> count = Vector512.Create((ulong)(uint)k).AsUInt32();
        Vector512<ulong> high = Vector512.Create(0xFFFFFFFF00000000UL);
        int n = shingleHashes.Length;
        int i = 0;
        for (; i + 16 <= n; i += 16)
        {
            Mix512(Vector512.LoadUnsafe(ref h0, (nuint)i), key, c1, c2, count, high).StoreUnsafe(ref z0);
            Mix512(Vector512.LoadUnsafe(ref h0, (nuint)i + 8), key, c1, c2, count, high).StoreUnsafe(ref z0, 8);
            for (int j = 0; j < 16; j++)
            {
                ulong zj = Unsafe.Add(ref z0, j);
                MinInto(ref Unsafe.Add(ref bin0, (nint)(zj >> 32)), (uint)zj);
            }
        }

        ScatterScalar(shingleHashes[i..], bins, binKey);
    }

    /// <summary>fmix64(h ⊕ key) per lane, returned as Range(high 32 bits, k)·2^32 + low 32 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Mix512(Vector512<ulong> h, Vector512<ulong> key, Vector512<ulong> c1, Vector512<ulong> c2, Vector512<uint> count, Vector512<ulong> high)
    {
        Vector512<ulong> z = h ^ key;
        z ^= z >>> 33;
        z *= c1;
        z ^= z >>> 33;
        z *= c2;
        z ^= z >>> 33;
        Vector512<ulong> bin = Avx512F.Multiply((z >>> 32).AsUInt32(), count);
        return Vector512.ConditionalSelect(high, bin, z);
    }
}

/// <summary>The implementations of the classic scheme, selectable for tests and benchmarks.</summary>
internal enum ClassicPath
{
    /// <summary>Plain 64-bit arithmetic, one lane at a time.</summary>
    Scalar,

    /// <summary>AVX2, four lanes.</summary>
    Vector256,

    /// <summary>AVX-512, eight lanes.</summary>
    Vector512,
}
