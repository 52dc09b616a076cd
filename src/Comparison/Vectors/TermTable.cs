using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Comparison.Hashing;

namespace Comparison.Vectors;

/// <summary>
/// A vocabulary (term → dense id in insertion order) for the fit's hot loop: open addressing with linear probing on
/// a 64-bit key per term. A term of at most eight ASCII characters is its own key (seven bits a character and the
/// length), so a hit is one compare of the slot; any other term is keyed by its XXH64 (top bit set, so the two kinds
/// never meet) and every hit is confirmed by comparing the characters. The mapping is exact either way. A string is
/// made once per distinct term (<see cref="Terms"/>), never per occurrence.
/// </summary>
/// <remarks>
/// A <see cref="Dictionary{TKey, TValue}"/> keyed by string costs a randomised Marvin hash and a string comparison
/// per lookup through its span alternate lookup. Here a slot holds the key, the id and, for a hashed term, where its
/// characters start in the pool (16 bytes: one cache line read per probe); the pool holds each hashed term's length
/// just before its characters. Short words are most of the tokens of text (95% of the generated benchmark corpus,
/// 8 characters or fewer), and for them a lookup touches only the slot: no hash of the characters, no second place
/// in memory. Not thread-safe: one per thread.
/// </remarks>
internal sealed class TermTable
{
    // Terms this long or longer keep the marker in the pool and are compared with their string.
    private const int LongTerm = char.MaxValue;

    // The top bit of a hashed term's key; a packed key uses bits 0–59 only.
    private const ulong HashedBit = 1UL << 63;

    // Multiplier of the slot index (Fibonacci hashing: the top bits of key × 2⁶⁴/φ).
    private const ulong Spread = 0x9E3779B97F4A7C15;

    private Slot[] _slots = new Slot[1024];
    private int _shift = 64 - 10;
    private char[] _pool = new char[8192];
    private int _poolUsed;
    private readonly List<string> _terms = [];

    /// <summary>The number of distinct terms.</summary>
    public int Count => _terms.Count;

    /// <summary>The distinct terms, by id.</summary>
    public List<string> Terms => _terms;

    /// <summary>The id of <paramref name="term"/>, added with the next id when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(ReadOnlySpan<char> term)
    {
        bool packed = TryPack(term, out ulong key);
        if (!packed)
        {
            key = XxHash64.HashChars(term) | HashedBit;
        }

        return GetOrAdd(key, packed, term, lower: false);
    }

    /// <summary>
    /// The key of a term of 1–8 characters, all ASCII: character i in bits 7i to 7i + 6 and the length in bits 56–59,
    /// so distinct terms have distinct keys.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryPack(ReadOnlySpan<char> term, out ulong key)
    {
        if ((uint)(term.Length - 1) > 7)
        {
            key = 0;
            return false;
        }

        return Pack(ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(term)), term.Length, 0, out key);
    }

    /// <summary>The id of a run of 1–8 ASCII letters and digits, lower-cased first when <paramref name="lower"/> is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAddAsciiRun(ReadOnlySpan<char> run, bool lower)
    {
        // Setting bit 0x20 lower-cases an ASCII letter and leaves a digit as it is.
        Pack(ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(run)), run.Length, lower ? 0x0020_0020_0020_0020UL : 0, out ulong key);
        return GetOrAdd(key, true, run, lower);
    }

    // The probe: a packed key is the term, a hashed key is confirmed against the characters. A new term is stored
    // lower-cased when lower is set (only for packed ASCII runs).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int GetOrAdd(ulong key, bool packed, ReadOnlySpan<char> term, bool lower)
    {
        int mask = _slots.Length - 1;
        int slot = (int)((key * Spread) >> _shift);
        ref Slot slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        while (true)
        {
            ref Slot entry = ref Unsafe.Add(ref slots, slot);
            if (entry.Key == key && entry.IdPlusOne != 0 && (packed || Matches(entry, term)))
            {
                return entry.IdPlusOne - 1;
            }

            if (entry.IdPlusOne == 0)
            {
                return lower ? InsertLowered(term, key, slot) : Insert(term, key, packed, slot);
            }

            slot = (slot + 1) & mask;
        }
    }

    // Packs 1–8 characters (with lowerMask ORed into each) read as two overlapping pieces of up to four characters,
    // never past the span; the pieces agree where they overlap. False when a character is not ASCII.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Pack(ref byte start, int length, ulong lowerMask, out ulong key)
    {
        ulong low;
        ulong high;
        int shift;
        if (length >= 4)
        {
            low = Unsafe.ReadUnaligned<ulong>(ref start);
            high = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, 2 * (length - 4)));
            shift = 7 * (length - 4);
        }
        else if (length >= 2)
        {
            low = Unsafe.ReadUnaligned<uint>(ref start);
            high = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, 2 * (length - 2)));
            shift = 7 * (length - 2);
            lowerMask &= 0xFFFF_FFFF;
        }
        else
        {
            low = high = Unsafe.ReadUnaligned<ushort>(ref start);
            shift = 0;
            lowerMask &= 0xFFFF;
        }

        low |= lowerMask;
        high |= lowerMask;
        if (((low | high) & 0xFF80_FF80_FF80_FF80) != 0)
        {
            key = 0;
            return false;
        }

        key = Compact(low) | (Compact(high) << shift) | ((ulong)length << 56);
        return true;
    }

    // Four 16-bit ASCII characters to four 7-bit fields (shifts, not PEXT: that is microcoded and slow on AMD
    // before Zen 3).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Compact(ulong chars) =>
        (chars & 0x7F) | ((chars >> 9) & (0x7FUL << 7)) | ((chars >> 18) & (0x7FUL << 14)) | ((chars >> 27) & (0x7FUL << 21));

    private bool Matches(in Slot entry, ReadOnlySpan<char> term)
    {
        int length = _pool[entry.Start - 1];
        if (length == LongTerm)
        {
            return _terms[entry.IdPlusOne - 1].AsSpan().SequenceEqual(term);
        }

        return length == term.Length && _pool.AsSpan(entry.Start, length).SequenceEqual(term);
    }

    private int InsertLowered(ReadOnlySpan<char> run, ulong key, int slot)
    {
        Span<char> term = stackalloc char[8];
        for (int i = 0; i < run.Length; i++)
        {
            term[i] = (char)(run[i] | 0x20);
        }

        return Insert(term[..run.Length], key, true, slot);
    }

    private int Insert(ReadOnlySpan<char> term, ulong key, bool packed, int slot)
    {
        int id = _terms.Count;
        int start = 0;
        if (!packed)
        {
            int stored = term.Length < LongTerm ? term.Length : 0;
            if (_poolUsed + 1 + stored > _pool.Length)
            {
                Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolUsed + 1 + stored));
            }

            _pool[_poolUsed] = (char)Math.Min(term.Length, LongTerm);
            start = _poolUsed + 1;
            term[..stored].CopyTo(_pool.AsSpan(start));
            _poolUsed = start + stored;
        }

        _terms.Add(new string(term));
        _slots[slot] = new Slot(key, id + 1, start);

        // At most half full: probes stay short.
        if (2 * _terms.Count > _slots.Length)
        {
            Grow();
        }

        return id;
    }

    private void Grow()
    {
        Slot[] slots = _slots;
        _slots = ZeroedArray.Create<Slot>(slots.Length * 2);
        _shift--;
        int mask = _slots.Length - 1;
        foreach (Slot entry in slots)
        {
            if (entry.IdPlusOne != 0)
            {
                int slot = (int)((entry.Key * Spread) >> _shift);
                while (_slots[slot].IdPlusOne != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = entry;
            }
        }
    }

    /// <summary>One slot: the term's key, its id + 1 (0 = empty), and where a hashed term's characters start in the pool.</summary>
    private readonly record struct Slot(ulong Key, int IdPlusOne, int Start);
}
