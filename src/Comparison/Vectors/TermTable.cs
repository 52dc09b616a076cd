using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Comparison.Hashing;

namespace Comparison.Vectors;

/// <summary>
/// A vocabulary (term → dense id in insertion order) for the fit's hot loop: open addressing with linear probing,
/// keyed by the term's XXH64, every hit confirmed by comparing the characters, so the mapping is exact. Terms are
/// kept in one character pool; a string is made once per distinct term (<see cref="Terms"/>), never per occurrence.
/// </summary>
/// <remarks>
/// A <see cref="Dictionary{TKey, TValue}"/> keyed by string costs a randomised Marvin hash and a string comparison
/// per lookup through its span alternate lookup; here a slot holds the 64-bit hash, the id and where the term's
/// characters start in the pool (16 bytes: one cache line read per probe), and the pool holds each term's length
/// just before its characters, so a hit touches two places in memory: the slot and the term. Not thread-safe: one
/// per thread.
/// </remarks>
internal sealed class TermTable
{
    // Terms this long or longer keep the marker in the pool and are compared with their string.
    private const int LongTerm = char.MaxValue;

    private Slot[] _slots = new Slot[1024];
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
        ulong hash = XxHash64.HashChars(term);
        int mask = _slots.Length - 1;
        int slot = (int)hash & mask;
        ref Slot slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        while (true)
        {
            ref Slot entry = ref Unsafe.Add(ref slots, slot);
            if (entry.IdPlusOne == 0)
            {
                return Insert(term, hash, slot);
            }

            if (entry.Hash == hash && Matches(entry, term))
            {
                return entry.IdPlusOne - 1;
            }

            slot = (slot + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Matches(in Slot entry, ReadOnlySpan<char> term)
    {
        int length = _pool[entry.Start - 1];
        if (length == LongTerm)
        {
            return _terms[entry.IdPlusOne - 1].AsSpan().SequenceEqual(term);
        }

        return length == term.Length && _pool.AsSpan(entry.Start, length).SequenceEqual(term);
    }

    private int Insert(ReadOnlySpan<char> term, ulong hash, int slot)
    {
        int id = _terms.Count;
        int stored = term.Length < LongTerm ? term.Length : 0;
        if (_poolUsed + 1 + stored > _pool.Length)
        {
            Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolUsed + 1 + stored));
        }

        _pool[_poolUsed] = (char)Math.Min(term.Length, LongTerm);
        int start = _poolUsed + 1;
        term[..stored].CopyTo(_pool.AsSpan(start));
        _poolUsed = start + stored;
        _terms.Add(new string(term));
        _slots[slot] = new Slot(hash, id + 1, start);

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
        _slots = new Slot[slots.Length * 2];
        int mask = _slots.Length - 1;
        foreach (Slot entry in slots)
        {
            if (entry.IdPlusOne != 0)
            {
                int slot = (int)entry.Hash & mask;
                while (_slots[slot].IdPlusOne != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = entry;
            }
        }
    }

    /// <summary>One slot: the term's hash, its id + 1 (0 = empty), and where its characters start in the pool.</summary>
    private readonly record struct Slot(ulong Hash, int IdPlusOne, int Start);
}
