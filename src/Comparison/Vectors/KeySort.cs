using System.Numerics;
using System.Runtime.InteropServices;

namespace Comparison.Vectors;

/// <summary>
/// Sorts the entries of one sparse vector (unique non-negative int keys, an int payload each) by key through a
/// per-thread bitmap of the key range: each key sets its bit and parks its payload at the key, then the set bits are
/// read back in order. O(count + range / 64) instead of the O(count log count) compares of
/// <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[], int, int)"/>, and the same order (keys are unique), so the
/// result is identical. Falls back to <see cref="MemoryExtensions.Sort{TKey, TValue}(Span{TKey}, Span{TValue})"/> when
/// the keys span too wide a range for the scratch.
/// </summary>
internal static class KeySort
{
    // Keys at or above this bound (a 4 MB payload scratch per thread) take the comparison sort.
    private const int MaxKey = 1 << 20;

    [ThreadStatic]
    private static ulong[]? t_bits;

    [ThreadStatic]
    private static int[]? t_payloads;

    /// <summary>Sorts <paramref name="keys"/> (unique, non-negative) and reorders <paramref name="values"/> alike.</summary>
    public static void Sort(Span<int> keys, Span<int> values)
    {
        if (keys.Length < 2)
        {
            return;
        }

        int min = int.MaxValue;
        int max = 0;
        foreach (int key in keys)
        {
            min = Math.Min(min, key);
            max = Math.Max(max, key);
        }

        int firstWord = min >> 6;
        int lastWord = max >> 6;

        // The scan reads every word of the range: worth it while the range is not much sparser than the keys.
        if (max >= MaxKey || lastWord - firstWord > 16 * keys.Length)
        {
            keys.Sort(values);
            return;
        }

        ulong[] bits = t_bits ??= new ulong[MaxKey / 64];
        int[] payloads = t_payloads is { } p && p.Length > max ? p : (t_payloads = new int[Math.Max(max + 1, Math.Min(MaxKey, 2 * (t_payloads?.Length ?? 1024)))]);
        for (int i = 0; i < keys.Length; i++)
        {
            int key = keys[i];
            bits[key >> 6] |= 1UL << key;
            payloads[key] = values[i];
        }

        int at = 0;
        for (int word = firstWord; word <= lastWord; word++)
        {
            ulong set = bits[word];
            if (set == 0)
            {
                continue;
            }

            bits[word] = 0;
            do
            {
                int key = (word << 6) + BitOperations.TrailingZeroCount(set);
                set &= set - 1;
                keys[at] = key;
                values[at] = payloads[key];
                at++;
            }
            while (set != 0);
        }
    }

    /// <summary>Sorts <paramref name="keys"/> (unique, non-negative) and reorders the weights alike.</summary>
    public static void Sort(Span<int> keys, Span<float> values) => Sort(keys, MemoryMarshal.Cast<float, int>(values));
}
