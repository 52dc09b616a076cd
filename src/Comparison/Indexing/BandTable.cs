using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Comparison.Indexing;

/// <summary>
/// One band's buckets: an open-addressing map (linear probing, backward-shift deletion) from a 32-bit band
/// key to the first entry of that bucket's chain. One 8-byte slot holds a key and its head side by side (so a
/// lookup touches one cache line, not two), at most 3/4 full, so about 11 to 21 bytes per distinct key; a
/// <c>Dictionary</c> would take 24 to 56. Not thread-safe: the index locks.
/// </summary>
internal sealed class BandTable
{
    private const int MinCapacity = 16;

    // Low 32 bits: the key, 0 for a free slot (band keys are remapped so that 0 never occurs, see
    // LshIndex.ComputeBandKeys); high 32 bits: the head of the key's chain.
    private ulong[] _slots = new ulong[MinCapacity];
    private int _shift = 32 - 4;

    /// <summary>The number of distinct keys.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes held by the table's array.</summary>
    public long Bytes => (long)_slots.Length * sizeof(ulong);

    /// <summary>The head of the chain for a key, or −1.</summary>
    public int Find(uint key)
    {
        ulong[] slots = _slots;
        int mask = slots.Length - 1;
        for (int i = Home(key); ; i = (i + 1) & mask)
        {
            ulong slot = slots[i];
            if ((uint)slot == key)
            {
                return (int)(slot >> 32);
            }

            if ((uint)slot == 0)
            {
                return -1;
            }
        }
    }

    /// <summary>Starts loading the cache line a lookup of <paramref name="key"/> reads first, so that the lookups of many bands overlap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(uint key)
    {
        if (Sse.IsSupported)
        {
            // Only a hint: an address the collector has since moved is harmless.
            Sse.Prefetch0(Unsafe.AsPointer(ref _slots[Home(key)]));
        }
    }

    /// <summary>Makes <paramref name="head"/> the head of the key's chain, adding the key when it is new.</summary>
    /// <returns>The previous head, or −1 when the key was new.</returns>
    public int Push(uint key, int head)
    {
        if ((Count + 1) * 4 > _slots.Length * 3)
        {
            Resize(_slots.Length * 2);
        }

        ulong[] slots = _slots;
        int mask = slots.Length - 1;
        int i = Home(key);
        while (true)
        {
            ulong slot = slots[i];
            if ((uint)slot == key)
            {
                slots[i] = Slot(key, head);
                return (int)(slot >> 32);
            }

            if ((uint)slot == 0)
            {
                slots[i] = Slot(key, head);
                Count++;
                return -1;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>Replaces the head of a key that is in the table.</summary>
    public void SetHead(uint key, int head)
    {
        int mask = _slots.Length - 1;
        int i = Home(key);
        while ((uint)_slots[i] != key)
        {
            i = (i + 1) & mask;
        }

        _slots[i] = Slot(key, head);
    }

    /// <summary>Removes a key. Later keys of the probe run shift back, so no tombstones accumulate.</summary>
    public void Remove(uint key)
    {
        int mask = _slots.Length - 1;
        int i = Home(key);
        while ((uint)_slots[i] != key)
        {
            if ((uint)_slots[i] == 0)
            {
                return;
            }

            i = (i + 1) & mask;
        }

        int hole = i;
        for (int j = (hole + 1) & mask; (uint)_slots[j] != 0; j = (j + 1) & mask)
        {
            int home = Home((uint)_slots[j]);

            // Move j into the hole when its home is not cyclically inside (hole, j].
            if (((j - home) & mask) >= ((j - hole) & mask))
            {
                _slots[hole] = _slots[j];
                hole = j;
            }
        }

        _slots[hole] = 0;
        Count--;
        if (_slots.Length > MinCapacity && Count * 8 < _slots.Length)
        {
            Resize(_slots.Length / 2);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Slot(uint key, int head) => ((ulong)(uint)head << 32) | key;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(uint key) => (int)((key * 0x9E3779B1u) >> _shift);

    private void Resize(int capacity)
    {
        ulong[] old = _slots;
        _slots = new ulong[capacity];
        _shift = 32 - int.Log2(capacity);
        int mask = capacity - 1;
        foreach (ulong slot in old)
        {
            if ((uint)slot == 0)
            {
                continue;
            }

            int i = Home((uint)slot);
            while (_slots[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = slot;
        }
    }
}
