using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Comparison.Hashing;

/// <summary>
/// XXH64, the 64-bit non-cryptographic hash of the xxHash family, written from its public specification
/// (https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md). Stable across processes, machines and
/// versions: use it for anything that is stored or compared.
/// </summary>
/// <remarks>
/// Input is consumed in 32-byte stripes by four accumulators, then the tail in 8-, 4- and 1-byte steps, then
/// an avalanche. Inputs shorter than 32 bytes (every word and most shingles) skip the stripe loop. Verified
/// against the published sanity vectors of the reference implementation. O(n) time, no allocation, thread safe.
/// </remarks>
public static class XxHash64
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    private const ulong Prime5 = 0x27D4EB2F165667C5UL;

    /// <summary>Hashes bytes.</summary>
    /// <param name="data">The bytes to hash (may be empty).</param>
    /// <param name="seed">The seed; different seeds give independent hash functions. Default 0.</param>
    /// <returns>The XXH64 digest of <paramref name="data"/> under <paramref name="seed"/>.</returns>
    public static ulong Hash(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        ref byte start = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        int offset = 0;
        ulong acc;
        unchecked
        {
            if (length >= 32)
            {
                ulong v1 = seed + Prime1 + Prime2;
                ulong v2 = seed + Prime2;
                ulong v3 = seed;
                ulong v4 = seed - Prime1;
                int limit = length - 32;
                do
                {
                    v1 = Round(v1, ReadUInt64(ref start, offset));
                    v2 = Round(v2, ReadUInt64(ref start, offset + 8));
                    v3 = Round(v3, ReadUInt64(ref start, offset + 16));
                    v4 = Round(v4, ReadUInt64(ref start, offset + 24));
                    offset += 32;
                }
                while (offset <= limit);

                acc = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
                    + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
                acc = MergeRound(acc, v1);
                acc = MergeRound(acc, v2);
                acc = MergeRound(acc, v3);
                acc = MergeRound(acc, v4);
            }
            else
            {
                acc = seed + Prime5;
            }

            acc += (ulong)length;
            return Finish(acc, ref start, offset, length);
        }
    }

    /// <summary>
    /// Hashes UTF-16 text as the little-endian bytes of its code units, on every platform:
    /// <c>HashChars(s, seed)</c> equals <c>Hash(Encoding.Unicode.GetBytes(s), seed)</c>.
    /// </summary>
    /// <param name="text">The characters to hash (may be empty; lone surrogates are hashed like any code unit).</param>
    /// <param name="seed">The seed. Default 0.</param>
    /// <returns>The XXH64 digest of the text's UTF-16LE bytes.</returns>
    public static ulong HashChars(ReadOnlySpan<char> text, ulong seed = 0)
    {
        if (BitConverter.IsLittleEndian)
        {
            return Hash(MemoryMarshal.AsBytes(text), seed);
        }

        return HashCharsBigEndianHost(text, seed);
    }

    /// <summary>
    /// Hashes 64-bit values as their little-endian bytes: <c>HashUInt64s(v, seed)</c> equals
    /// <c>Hash</c> over the 8 bytes of each value in order.
    /// </summary>
    /// <param name="values">The values to hash (may be empty).</param>
    /// <param name="seed">The seed. Default 0.</param>
    /// <returns>The XXH64 digest of the values' little-endian bytes.</returns>
    public static ulong HashUInt64s(ReadOnlySpan<ulong> values, ulong seed = 0)
    {
        if (BitConverter.IsLittleEndian)
        {
            return Hash(MemoryMarshal.AsBytes(values), seed);
        }

        byte[] bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
        }

        return Hash(bytes, seed);
    }

    /// <summary>
    /// Mixes 64-bit values with XXH64's short-input path: the seed-and-length initial state, one 8-byte lane step per
    /// value, then the avalanche. Equals <see cref="HashUInt64s"/> when there are at most 3 values; for more it skips
    /// XXH64's 32-byte stripe stage, so each value costs one lane step (3 multiplications). Used to combine the
    /// token hashes of a word shingle.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong HashLanes(ReadOnlySpan<ulong> values, ulong seed)
    {
        unchecked
        {
            ulong acc = seed + Prime5 + ((ulong)values.Length * 8);
            foreach (ulong value in values)
            {
                acc ^= Round(0, value);
                acc = (BitOperations.RotateLeft(acc, 27) * Prime1) + Prime4;
            }

            return Avalanche(acc);
        }
    }

    /// <summary>The initial state of an input shorter than 32 bytes: the stripe stage is skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong ShortInputState(ulong seed, int length) => unchecked(seed + Prime5 + (ulong)length);

    /// <summary>The tail step of 8 input bytes (one little-endian 64-bit lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong StepLane(ulong acc, ulong lane)
    {
        unchecked
        {
            acc ^= Round(0, lane);
            return (BitOperations.RotateLeft(acc, 27) * Prime1) + Prime4;
        }
    }

    /// <summary>The tail step of 4 input bytes (one little-endian 32-bit word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong StepWord(ulong acc, uint word)
    {
        unchecked
        {
            acc ^= word * Prime1;
            return (BitOperations.RotateLeft(acc, 23) * Prime2) + Prime3;
        }
    }

    /// <summary>The tail step of one input byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong StepByte(ulong acc, byte value)
    {
        unchecked
        {
            acc ^= value * Prime5;
            return BitOperations.RotateLeft(acc, 11) * Prime1;
        }
    }

    /// <summary>
    /// The part of a lane step that depends on the value alone, <c>round(0, value)</c>: a caller that mixes the same
    /// value into several windows computes it once and passes it to <see cref="HashRoundedLanes"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong LaneRound(ulong value) => Round(0, value);

    /// <summary><see cref="HashLanes"/> of values given as their <see cref="LaneRound"/>s: equal results, a third of the multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong HashRoundedLanes(ReadOnlySpan<ulong> rounds, ulong seed)
    {
        unchecked
        {
            ulong acc = seed + Prime5 + ((ulong)rounds.Length * 8);
            foreach (ulong round in rounds)
            {
                acc = (BitOperations.RotateLeft(acc ^ round, 27) * Prime1) + Prime4;
            }

            return Avalanche(acc);
        }
    }

    /// <summary>Replaces each value by its <see cref="LaneRound"/>, eight at a time where AVX-512 multiplies 64-bit lanes.</summary>
    internal static void LaneRounds(Span<ulong> values)
    {
        int i = 0;
        if (Avx512DQ.IsSupported)
        {
            ref ulong v = ref MemoryMarshal.GetReference(values);
            for (; i + 8 <= values.Length; i += 8)
            {
                Vector512<ulong> x = Vector512.LoadUnsafe(ref v, (nuint)i) * Vector512.Create(Prime2);
                (Avx512F.RotateLeft(x, 31) * Vector512.Create(Prime1)).StoreUnsafe(ref v, (nuint)i);
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = LaneRound(values[i]);
        }
    }

    /// <summary>
    /// <c>destination[i] = HashRoundedLanes(rounds[i .. i + size], seed)</c> for every <c>i</c> of
    /// <paramref name="destination"/>, eight windows at a time where AVX-512 multiplies 64-bit lanes; the caller
    /// ensures <c>rounds.Length ≥ destination.Length + size − 1</c>.
    /// </summary>
    internal static void HashRoundedLaneWindows(ReadOnlySpan<ulong> rounds, int size, ulong seed, Span<ulong> destination)
    {
        int i = 0;
        if (Avx512DQ.IsSupported)
        {
            ref ulong r = ref MemoryMarshal.GetReference(rounds);
            ref ulong d = ref MemoryMarshal.GetReference(destination);
            Vector512<ulong> start = Vector512.Create(unchecked(seed + Prime5 + ((ulong)size * 8)));
            for (; i + 8 <= destination.Length; i += 8)
            {
                Vector512<ulong> acc = start;
                for (int k = 0; k < size; k++)
                {
                    acc = (Avx512F.RotateLeft(acc ^ Vector512.LoadUnsafe(ref r, (nuint)(i + k)), 27) * Vector512.Create(Prime1)) + Vector512.Create(Prime4);
                }

                acc ^= acc >> 33;
                acc *= Vector512.Create(Prime2);
                acc ^= acc >> 29;
                acc *= Vector512.Create(Prime3);
                acc ^= acc >> 32;
                acc.StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = HashRoundedLanes(rounds.Slice(i, size), seed);
        }
    }

    private static ulong HashCharsBigEndianHost(ReadOnlySpan<char> text, ulong seed)
    {
        byte[] bytes = new byte[text.Length * 2];
        for (int i = 0; i < text.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), text[i]);
        }

        return Hash(bytes, seed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong acc, ref byte start, int offset, int length)
    {
        unchecked
        {
            while (offset + 8 <= length)
            {
                acc ^= Round(0, ReadUInt64(ref start, offset));
                acc = (BitOperations.RotateLeft(acc, 27) * Prime1) + Prime4;
                offset += 8;
            }

            if (offset + 4 <= length)
            {
                acc ^= ReadUInt32(ref start, offset) * Prime1;
                acc = (BitOperations.RotateLeft(acc, 23) * Prime2) + Prime3;
                offset += 4;
            }

            while (offset < length)
            {
                acc ^= Unsafe.Add(ref start, offset) * Prime5;
                acc = BitOperations.RotateLeft(acc, 11) * Prime1;
                offset++;
            }

            return Avalanche(acc);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Avalanche(ulong acc)
    {
        unchecked
        {
            acc ^= acc >> 33;
            acc *= Prime2;
            acc ^= acc >> 29;
            acc *= Prime3;
            acc ^= acc >> 32;
            return acc;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong acc, ulong lane)
    {
        unchecked
        {
            acc += lane * Prime2;
            acc = BitOperations.RotateLeft(acc, 31);
            return acc * Prime1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MergeRound(ulong acc, ulong value)
    {
        unchecked
        {
            acc ^= Round(0, value);
            return (acc * Prime1) + Prime4;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadUInt64(ref byte start, int offset)
    {
        ulong value = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadUInt32(ref byte start, int offset)
    {
        uint value = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }
}
