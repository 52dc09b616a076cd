using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Comparison.Sketches;

/// <summary>
/// The MinHash signature of one set of shingles: K 32-bit values that estimate the Jaccard similarity with
/// any other signature made by the same <see cref="MinHasher"/> configuration (scheme, K and seed).
/// </summary>
/// <remarks>
/// <para>
/// Immutable and thread-safe. <see cref="EstimateJaccard(MinHashSignature)"/> costs O(K) (a few nanoseconds
/// at K = 128 with AVX-512). <see cref="Merge"/> gives exactly the signature of the union of the two sets.
/// </para>
/// <para>
/// The binary form (<see cref="ToBytes"/>, <see cref="WriteTo"/>, <see cref="FromBytes"/>,
/// <see cref="ReadFrom"/>) is little-endian and the same on every machine: magic <c>CMHS</c>, format version
/// (UInt16), scheme (byte), flags (byte), K (UInt32), seed (UInt64), K values (UInt32), for a
/// one-permutation signature with empty bins the empty-bin mask (⌈K/64⌉ UInt64), and a 64-bit checksum of all
/// preceding bytes.
/// </para>
/// </remarks>
public sealed class MinHashSignature : IEquatable<MinHashSignature>
{
    /// <summary>The version of the binary form written by this library.</summary>
    public const int FormatVersion = 1;

    private const int HeaderLength = 20;
    private const int ChecksumLength = 8;
    private const byte FlagEmptySet = 1;
    private const byte FlagEmptyBins = 2;
    private static ReadOnlySpan<byte> Magic => "CMHS"u8;

    private readonly uint[] _values;
    private readonly ulong[]? _emptyBins;

    // Signatures of one MinHasher share one configuration object, so the comparability check of the hot path
    // (EstimateJaccard) is a single reference comparison; only signatures of different origin (read from bytes,
    // another hasher) compare the scheme, K and seed field by field.
    private readonly SignatureConfig _config;

    // The configuration for a non-empty signature, null for an empty one: one comparison admits the fast path.
    private readonly SignatureConfig? _fastToken;

    internal MinHashSignature(MinHashScheme scheme, ulong seed, uint[] values, ulong[]? emptyBins, bool isEmpty)
        : this(new SignatureConfig(scheme, seed, values.Length), values, emptyBins, isEmpty)
    {
    }

    internal MinHashSignature(SignatureConfig config, uint[] values, ulong[]? emptyBins, bool isEmpty)
    {
        Debug.Assert(config.Permutations == values.Length, "EstimateJaccard relies on one configuration meaning one K.");
        _config = config;
        Scheme = config.Scheme;
        Seed = config.Seed;
        _values = values;
        _emptyBins = emptyBins;
        IsEmpty = isEmpty;
        _fastToken = isEmpty ? null : config;
    }

    /// <summary>The scheme that produced the signature.</summary>
    public MinHashScheme Scheme { get; }

    /// <summary>The seed of the hasher that produced the signature.</summary>
    public ulong Seed { get; }

    /// <summary>The number of permutations K (the number of values).</summary>
    public int Permutations => _values.Length;

    /// <summary>Whether the signed set was empty (a text with fewer tokens than the shingle size).</summary>
    public bool IsEmpty { get; }

    /// <summary>The K signature values.</summary>
    public ImmutableArray<uint> Values => ImmutableCollectionsMarshal.AsImmutableArray(_values);

    /// <summary>The values, without copying.</summary>
    internal ReadOnlySpan<uint> Span => _values;

    /// <summary>The length in bytes of the binary form.</summary>
    public int SerializedLength => HeaderLength + (4 * _values.Length) + (_emptyBins is null ? 0 : 8 * _emptyBins.Length) + ChecksumLength;

    /// <summary>Estimates the Jaccard similarity of the two signed sets from full 32-bit values.</summary>
    /// <param name="other">A signature of the same scheme, K and seed.</param>
    /// <returns>The estimate and its standard error. An empty set (a text with no shingle) shares nothing with any set, another empty one included (0): two empty texts are not evidence of a duplicate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The signatures differ in scheme, K or seed; the message says which.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public JaccardEstimate EstimateJaccard(MinHashSignature other)
    {
        // The hot path, small enough to inline: two non-empty signatures of one hasher. One configuration object
        // means one K (every constructor sizes the values by it), so the lengths need no comparison here. Both
        // paths meet on an int, and the estimate is built once after: a slow path returning the struct made the
        // JIT keep it in stack memory in the caller's loop.
        uint[] values = _values;
        SignatureConfig? token = _fastToken;
        int matches = token is not null && other is not null && ReferenceEquals(other._fastToken, token)
            ? CountEqual(ref MemoryMarshal.GetArrayDataReference(values), ref MemoryMarshal.GetArrayDataReference(other._values), values.Length)
            : MatchesChecked(other);
        return new JaccardEstimate(matches, values.Length, 32);
    }

    private int MatchesChecked(MinHashSignature? other)
    {
        CheckComparable(other);
        if (IsEmpty | other.IsEmpty)
        {
            return 0;
        }

        return CountEqual(_values, other._values);
    }

    /// <summary>
    /// Estimates the Jaccard similarity comparing only the low <paramref name="bits"/> bits of each value
    /// (b-bit minwise hashing, Li and König 2010), corrected for chance agreement.
    /// </summary>
    /// <param name="other">A signature of the same scheme, K and seed.</param>
    /// <param name="bits">Bits compared per value, 1 to 32.</param>
    /// <returns>The corrected estimate and its standard error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is outside 1 to 32.</exception>
    /// <exception cref="ArgumentException">The signatures differ in scheme, K or seed.</exception>
    public JaccardEstimate EstimateJaccard(MinHashSignature other, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 32);
        if (bits == 32)
        {
            return EstimateJaccard(other);
        }

        CheckComparable(other);
        if (IsEmpty | other.IsEmpty)
        {
            return new JaccardEstimate(0, _values.Length, bits);
        }

        return new JaccardEstimate(CountMatches(_values, other._values, (1u << bits) - 1), _values.Length, bits);
    }

    /// <summary>The signature of the union of the two signed sets (exact: equal to signing the union).</summary>
    /// <param name="other">A signature of the same scheme, K and seed.</param>
    /// <returns>The merged signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The signatures differ in scheme, K or seed.</exception>
    public MinHashSignature Merge(MinHashSignature other)
    {
        CheckComparable(other);
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        int k = _values.Length;
        var values = new uint[k];
        if (_emptyBins is null && other._emptyBins is null)
        {
            for (int i = 0; i < k; i++)
            {
                values[i] = Math.Min(_values[i], other._values[i]);
            }

            return new MinHashSignature(_config, values, null, isEmpty: false);
        }

        // A one-permutation signature with borrowed bins: merge the raw bins, then densify the union afresh.
        var raw = new ulong[k];
        for (int i = 0; i < k; i++)
        {
            raw[i] = Math.Min(RawBin(i), other.RawBin(i));
        }

        ulong[]? emptyBins = MinHasher.DensifyForSeed(raw, values, Seed);
        return new MinHashSignature(_config, values, emptyBins, isEmpty: false);
    }

    /// <summary>The binary form (see remarks of <see cref="MinHashSignature"/>).</summary>
    /// <returns>A new array of <see cref="SerializedLength"/> bytes.</returns>
    public byte[] ToBytes()
    {
        var bytes = new byte[SerializedLength];
        Span<byte> span = bytes;
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], FormatVersion);
        span[6] = (byte)Scheme;
        span[7] = (byte)((IsEmpty ? FlagEmptySet : 0) | (_emptyBins is null ? 0 : FlagEmptyBins));
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)_values.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(span[12..], Seed);
        int at = HeaderLength;
        foreach (uint value in _values)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[at..], value);
            at += 4;
        }

        foreach (ulong word in _emptyBins ?? [])
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span[at..], word);
            at += 8;
        }

        BinaryPrimitives.WriteUInt64LittleEndian(span[at..], Mixing.Checksum(span[..at]));
        return bytes;
    }

    /// <summary>Writes the binary form to a stream.</summary>
    /// <param name="stream">A writable stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToBytes());
    }

    /// <summary>Reads a signature from its binary form, checking the format version, every field and the checksum.</summary>
    /// <param name="bytes">Exactly the bytes written by <see cref="ToBytes"/>.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="InvalidDataException">The data is truncated, corrupt, of another format version or not a signature; the message says which.</exception>
    public static MinHashSignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        int length = ReadHeader(bytes, out MinHashScheme scheme, out byte flags, out int k, out ulong seed);
        if (bytes.Length < length)
        {
            throw new InvalidDataException($"The MinHash signature is truncated: {bytes.Length} bytes of {length}.");
        }

        if (bytes.Length > length)
        {
            throw new InvalidDataException($"The MinHash signature has {bytes.Length - length} unexpected trailing bytes.");
        }

        ulong stored = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(length - ChecksumLength)..]);
        if (stored != Mixing.Checksum(bytes[..(length - ChecksumLength)]))
        {
            throw new InvalidDataException("The MinHash signature is corrupt: its checksum does not match its contents.");
        }

        var values = new uint[k];
        int at = HeaderLength;
        for (int i = 0; i < k; i++, at += 4)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]);
        }

        ulong[]? emptyBins = null;
        int emptyCount = 0;
        if ((flags & FlagEmptyBins) != 0)
        {
            emptyBins = new ulong[(k + 63) >> 6];
            for (int i = 0; i < emptyBins.Length; i++, at += 8)
            {
                emptyBins[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[at..]);
                emptyCount += BitOperations.PopCount(emptyBins[i]);
            }

            if ((k & 63) != 0 && emptyBins[^1] >> (k & 63) != 0)
            {
                throw new InvalidDataException($"The MinHash signature is corrupt: its empty-bin mask marks bins beyond its {k} bins.");
            }

            if (emptyCount == 0)
            {
                throw new InvalidDataException("The MinHash signature is corrupt: it is flagged as having empty bins, but its mask marks none.");
            }
        }

        // An empty set has every value at the maximum (and, one-permutation, every bin empty); any other set fills at least one bin.
        bool isEmpty = (flags & FlagEmptySet) != 0;
        if (isEmpty && (values.AsSpan().ContainsAnyExcept(uint.MaxValue) || (scheme == MinHashScheme.OnePermutation && emptyCount != k)))
        {
            throw new InvalidDataException("The MinHash signature is corrupt: it is flagged as the signature of an empty set, but some bin holds a value.");
        }

        if (!isEmpty && emptyCount == k)
        {
            throw new InvalidDataException("The MinHash signature is corrupt: every bin is marked empty, but it is not flagged as the signature of an empty set.");
        }

        return new MinHashSignature(scheme, seed, values, emptyBins, isEmpty);
    }

    /// <summary>Reads one signature's binary form from a stream (exactly its bytes; the stream may hold more).</summary>
    /// <param name="stream">A readable stream positioned at a signature.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The data is truncated, corrupt, of another format version or not a signature.</exception>
    public static MinHashSignature ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[HeaderLength];
        ReadFully(stream, header);
        int length = ReadHeader(header, out _, out _, out _, out _);
        var bytes = new byte[length];
        header.CopyTo(bytes);
        ReadFully(stream, bytes.AsSpan(HeaderLength));
        return FromBytes(bytes);
    }

    /// <inheritdoc/>
    public bool Equals(MinHashSignature? other) =>
        other is not null && Scheme == other.Scheme && Seed == other.Seed && IsEmpty == other.IsEmpty
        && _values.AsSpan().SequenceEqual(other._values)
        && (_emptyBins ?? []).AsSpan().SequenceEqual(other._emptyBins ?? []);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MinHashSignature);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        ulong h = Mixing.Mix64(Seed ^ ((ulong)Scheme << 56) ^ (ulong)_values.Length);
        foreach (uint value in _values)
        {
            h = Mixing.Mix64(h ^ value);
        }

        return (int)h;
    }

    /// <summary>Counts the positions where two equally long value arrays agree (the full 32-bit estimate's core).</summary>
    internal static int CountMatches(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b) =>
        a.Length == b.Length ? CountEqual(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b), a.Length)
        : throw new ArgumentException("The value spans differ in length.", nameof(b));

    /// <summary>
    /// Counts equal positions: per 16 lanes one compare into a mask register and a popcount, two blocks per step
    /// (K = 128 is four steps, no masking). Equal to <see cref="CountMatchesScalar"/> (tested).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CountEqual(uint[] a, uint[] b) =>
        a.Length == b.Length ? CountEqual(ref MemoryMarshal.GetArrayDataReference(a), ref MemoryMarshal.GetArrayDataReference(b), a.Length)
        : throw new ArgumentException("The value arrays differ in length.", nameof(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CountEqual(ref uint a0, ref uint b0, int n)
    {
        int m0 = 0, m1 = 0;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            if (n == 128)
            {
                // The default K: eight compares, straight-line, four independent sums.
                int m2 = Equal16(ref a0, ref b0, 0) + Equal16(ref a0, ref b0, 64);
                int m3 = Equal16(ref a0, ref b0, 16) + Equal16(ref a0, ref b0, 80);
                m0 = Equal16(ref a0, ref b0, 32) + Equal16(ref a0, ref b0, 96);
                m1 = Equal16(ref a0, ref b0, 48) + Equal16(ref a0, ref b0, 112);
                return m0 + m1 + m2 + m3;
            }

            for (; i + 32 <= n; i += 32)
            {
                m0 += BitOperations.PopCount(Vector512.Equals(Vector512.LoadUnsafe(ref a0, (nuint)i), Vector512.LoadUnsafe(ref b0, (nuint)i)).ExtractMostSignificantBits());
                m1 += BitOperations.PopCount(Vector512.Equals(Vector512.LoadUnsafe(ref a0, (nuint)i + 16), Vector512.LoadUnsafe(ref b0, (nuint)i + 16)).ExtractMostSignificantBits());
            }
        }

        if (i < n)
        {
            m0 += CountMatches(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref a0, i), n - i), MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref b0, i), n - i), uint.MaxValue);
        }

        return m0 + m1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Equal16(ref uint a0, ref uint b0, nuint at) =>
        BitOperations.PopCount(Vector512.Equals(Vector512.LoadUnsafe(ref a0, at), Vector512.LoadUnsafe(ref b0, at)).ExtractMostSignificantBits());

    /// <summary>The plain loop every vector count is tested against.</summary>
    internal static int CountMatchesScalar(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, uint mask)
    {
        int matches = 0;
        for (int i = 0; i < a.Length; i++)
        {
            matches += ((a[i] ^ b[i]) & mask) == 0 ? 1 : 0;
        }

        return matches;
    }

    /// <summary>Counts the positions where the bits selected by <paramref name="mask"/> agree.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int CountMatches(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, uint mask)
    {
        int n = a.Length;
        ref uint a0 = ref MemoryMarshal.GetReference(a);
        ref uint b0 = ref MemoryMarshal.GetReference(b);
        int matches = 0;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<uint> m = Vector512.Create(mask);
            for (; i + 16 <= n; i += 16)
            {
                Vector512<uint> diff = (Vector512.LoadUnsafe(ref a0, (nuint)i) ^ Vector512.LoadUnsafe(ref b0, (nuint)i)) & m;
                matches += BitOperations.PopCount(Vector512.Equals(diff, Vector512<uint>.Zero).ExtractMostSignificantBits());
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<uint> m = Vector256.Create(mask);
            for (; i + 8 <= n; i += 8)
            {
                Vector256<uint> diff = (Vector256.LoadUnsafe(ref a0, (nuint)i) ^ Vector256.LoadUnsafe(ref b0, (nuint)i)) & m;
                matches += BitOperations.PopCount(Vector256.Equals(diff, Vector256<uint>.Zero).ExtractMostSignificantBits());
            }
        }

        for (; i < n; i++)
        {
            matches += ((Unsafe.Add(ref a0, i) ^ Unsafe.Add(ref b0, i)) & mask) == 0 ? 1 : 0;
        }

        return matches;
    }

    /// <summary>The raw one-permutation bin value: <see cref="MinHasher.EmptyBin"/> when no shingle fell in bin i.</summary>
    private ulong RawBin(int i) =>
        _emptyBins is not null && (_emptyBins[i >> 6] & (1UL << (i & 63))) != 0 ? MinHasher.EmptyBin : _values[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckComparable([NotNull] MinHashSignature? other)
    {
        if (other is null || !ReferenceEquals(other._config, _config))
        {
            CheckComparableSlow(other);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckComparableSlow([NotNull] MinHashSignature? other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._values.Length != _values.Length || other.Seed != Seed || other.Scheme != Scheme)
        {
            ThrowIncomparable(other);
        }
    }

    private void ThrowIncomparable(MinHashSignature other)
    {
        string what = other.Scheme != Scheme ? $"schemes ({Scheme} and {other.Scheme})"
            : other._values.Length != _values.Length ? $"numbers of permutations ({_values.Length} and {other._values.Length})"
            : $"seeds ({Seed} and {other.Seed})";
        throw new ArgumentException($"The signatures have different {what}; only signatures from one MinHasher configuration can be compared or merged.", nameof(other));
    }

    private static int ReadHeader(ReadOnlySpan<byte> bytes, out MinHashScheme scheme, out byte flags, out int k, out ulong seed)
    {
        if (bytes.Length < HeaderLength)
        {
            throw new InvalidDataException($"The MinHash signature is truncated: {bytes.Length} bytes, fewer than its {HeaderLength}-byte header.");
        }

        if (!bytes[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("The data is not a MinHash signature (its first four bytes are not 'CMHS').");
        }

        int version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"The MinHash signature has format version {version}; this library reads version {FormatVersion}.");
        }

        scheme = (MinHashScheme)bytes[6];
        if (scheme is not (MinHashScheme.Classic or MinHashScheme.OnePermutation))
        {
            throw new InvalidDataException($"The MinHash signature names an unknown scheme ({bytes[6]}).");
        }

        flags = bytes[7];
        if ((flags & ~(FlagEmptySet | FlagEmptyBins)) != 0 || ((flags & FlagEmptyBins) != 0 && scheme != MinHashScheme.OnePermutation))
        {
            throw new InvalidDataException($"The MinHash signature has invalid flags (0x{flags:X2}).");
        }

        uint count = BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        if (count is < 1 or > MinHashOptions.MaxPermutations)
        {
            throw new InvalidDataException($"The MinHash signature claims {count} permutations; 1 to {MinHashOptions.MaxPermutations} are allowed.");
        }

        k = (int)count;
        seed = BinaryPrimitives.ReadUInt64LittleEndian(bytes[12..]);
        return HeaderLength + (4 * k) + ((flags & FlagEmptyBins) != 0 ? 8 * ((k + 63) >> 6) : 0) + ChecksumLength;
    }

    private static void ReadFully(Stream stream, Span<byte> buffer)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The MinHash signature is truncated: the stream ended inside it.", ex);
        }
    }
}

/// <summary>The configuration a signature was made under; one instance per <see cref="MinHasher"/>.</summary>
internal sealed record SignatureConfig(MinHashScheme Scheme, ulong Seed, int Permutations);
