using System.Runtime.CompilerServices;

namespace Comparison.Indexing;

/// <summary>
/// One band's buckets: an open-addressing map (linear probing, backward-shift deletion) from a 32-bit band
/// key to the first entry of that bucket's chain. Eight bytes a slot, at most 3/4 full, so about 11 to 21
/// bytes per distinct key; a <c>Dictionary</c> would take 24 to 56. Not thread-safe: the index locks.
/// </summary>
internal sealed class BandTable
{
    private const int MinCapacity = 16;

    // keys[i] == 0 marks a free slot; band keys are remapped so that 0 never occurs (see LshIndex.BandKey).
    private uint[] _keys = new uint[MinCapacity];
    private int[] _heads = new int[MinCapacity];
    private int _shift = 32 - 4;

    /// <summary>The number of distinct keys.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes held by the table's arrays.</summary>
    public long Bytes => (long)_keys.Length * (sizeof(uint) + sizeof(int));

    /// <summary>The head of the chain for a key, or −1.</summary>
    public int Find(uint key)
    {
        int mask = _keys.Length - 1;
        for (int i = Home(key); ; i = (i + 1) & mask)
        {
            uint k = _keys[i];
            if (k == key)
            {
                return _heads[i];
            }

            if (k == 0)
            {
                return -1;
            }
        }
    }

    /// <summary>The head slot for a key, created holding −1 when the key is new.</summary>
    public ref int HeadOf(uint key)
    {
        if ((Count + 1) * 4 > _keys.Length * 3)
        {
            Resize(_keys.Length * 2);
        }

        int mask = _keys.Length - 1;
        int i = Home(key);
        while (true)
        {
            uint k = _keys[i];
            if (k == key)
            {
                return ref _heads[i];
            }

            if (k == 0)
            {
                _keys[i] = key;
                _heads[i] = -1;
                Count++;
                return ref _heads[i];
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>Removes a key (its chain must be empty). Later keys of the probe run shift back, so no tombstones accumulate.</summary>
    public void Remove(uint key)
    {
        int mask = _keys.Length - 1;
        int i = Home(key);
        while (_keys[i] != key)
        {
            if (_keys[i] == 0)
            {
                return;
            }

            i = (i + 1) & mask;
        }

        int hole = i;
        for (int j = (hole + 1) & mask; _keys[j] != 0; j = (j + 1) & mask)
        {
            int home = Home(_keys[j]);

            // Move j into the hole when its home is not cyclically inside (hole, j].
            if (((j - home) & mask) >= ((j - hole) & mask))
            {
                _keys[hole] = _keys[j];
                _heads[hole] = _heads[j];
                hole = j;
            }
        }

        _keys[hole] = 0;
        Count--;
        if (_keys.Length > MinCapacity && Count * 8 < _keys.Length)
        {
            Resize(_keys.Length / 2);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(uint key) => (int)((key * 0x9E3779B1u) >> _shift);

    private void Resize(int capacity)
    {
        uint[] oldKeys = _keys;
        int[] oldHeads = _heads;
        _keys = new uint[capacity];
        _heads = new int[capacity];
        _shift = 32 - int.Log2(capacity);
        int mask = capacity - 1;
        for (int s = 0; s < oldKeys.Length; s++)
        {
            uint key = oldKeys[s];
            if (key == 0)
            {
                continue;
            }

            int i = Home(key);
            while (_keys[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _keys[i] = key;
            _heads[i] = oldHeads[s];
        }
    }
}
