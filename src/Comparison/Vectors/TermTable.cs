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
/// per lookup through its span alternate lookup; here a slot holds the 64-bit hash beside the id, so a probe
/// almost always settles on one 8-byte comparison before the character check. Not thread-safe: one per thread.
/// </remarks>
internal sealed class TermTable
{
    private ulong[] _hashes = new ulong[1024];
    private int[] _slots = new int[1024];        // id + 1, 0 = empty
    private char[] _pool = new char[8192];
    private int[] _starts = new int[512];         // per id: start in _pool; the term is [start, _starts[id + 1])
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
        ref int slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        ref ulong hashes = ref MemoryMarshal.GetArrayDataReference(_hashes);
        while (true)
        {
            int entry = Unsafe.Add(ref slots, slot);
            if (entry == 0)
            {
                return Insert(term, hash, slot);
            }

            if (Unsafe.Add(ref hashes, slot) == hash)
            {
                int id = entry - 1;
                int start = _starts[id];
                if (_pool.AsSpan(start, _starts[id + 1] - start).SequenceEqual(term))
                {
                    return id;
                }
            }

            slot = (slot + 1) & mask;
        }
    }

    private int Insert(ReadOnlySpan<char> term, ulong hash, int slot)
    {
        int id = _terms.Count;
        if (_poolUsed + term.Length > _pool.Length)
        {
            Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolUsed + term.Length));
        }

        if (id + 2 > _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
        }

        term.CopyTo(_pool.AsSpan(_poolUsed));
        _starts[id] = _poolUsed;
        _poolUsed += term.Length;
        _starts[id + 1] = _poolUsed;
        _terms.Add(new string(term));
        _hashes[slot] = hash;
        _slots[slot] = id + 1;

        // At most half full: probes stay short.
        if (2 * _terms.Count > _slots.Length)
        {
            Grow();
        }

        return id;
    }

    private void Grow()
    {
        ulong[] hashes = _hashes;
        int[] slots = _slots;
        _hashes = new ulong[hashes.Length * 2];
        _slots = new int[slots.Length * 2];
        int mask = _slots.Length - 1;
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i] != 0)
            {
                int slot = (int)hashes[i] & mask;
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = slots[i];
                _hashes[slot] = hashes[i];
            }
        }
    }
}
