using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Comparison.Sketches;

/// <summary>
/// Small, fixed integer mixers used to derive coefficients, permutations and checksums. Everything here is a
/// pure function of its arguments, identical on every machine and in every process.
/// </summary>
internal static class Mixing
{
    /// <summary>The golden-ratio increment of SplitMix64.</summary>
    public const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The finaliser of MurmurHash3 (fmix64): a bijection of 64-bit values with full avalanche.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix64(ulong z)
    {
        z ^= z >> 33;
        z *= 0xFF51AFD7ED558CCDUL;
        z ^= z >> 33;
        z *= 0xC4CEB9FE1A85EC53UL;
        z ^= z >> 33;
        return z;
    }

    /// <summary>One step of SplitMix64 (Steele, Lea and Flood, OOPSLA 2014): advances the state and returns the next value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SplitMix64(ref ulong state)
    {
        state += Golden;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Maps a 32-bit value fairly onto [0, n) without division (Lemire's multiply-shift range reduction).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Range(uint value, int n) => (int)(((ulong)value * (uint)n) >> 32);

    /// <summary>
    /// A 64-bit checksum of a byte span, for detecting truncated or corrupted files: eight bytes at a time
    /// through a multiply-rotate round, the length folded in, and a final avalanche.
    /// </summary>
    public static ulong Checksum(ReadOnlySpan<byte> data)
    {
        ulong h = 0x27D4EB2F165667C5UL ^ (ulong)data.Length;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            ulong k = BinaryPrimitives.ReadUInt64LittleEndian(data[i..]);
            h = ulong.RotateLeft(h ^ (Mix64(k) * 0x9FB21C651E98DF25UL), 27) * Golden;
        }

        ulong tail = 0;
        for (int shift = 0; i < data.Length; i++, shift += 8)
        {
            tail |= (ulong)data[i] << shift;
        }

        return Mix64(h ^ Mix64(tail ^ 0xC2B2AE3D27D4EB4FUL));
    }
}
