namespace Comparison.Tests.Support;

/// <summary>Random shingle-hash sets with a known overlap, reproducible from a seed.</summary>
public static class SetPairs
{
    /// <summary>Distinct random 64-bit hashes.</summary>
    public static ulong[] Distinct(Random random, int count)
    {
        var set = new HashSet<ulong>();
        while (set.Count < count)
        {
            set.Add((ulong)random.NextInt64() ^ ((ulong)random.Next() << 40));
        }

        var items = set.ToArray();
        Array.Sort(items);
        random.Shuffle(items);
        return items;
    }

    /// <summary>Two sets sharing <paramref name="shared"/> hashes, with <paramref name="onlyA"/> and <paramref name="onlyB"/> of their own.</summary>
    public static (ulong[] A, ulong[] B, double Jaccard) Make(Random random, int shared, int onlyA, int onlyB)
    {
        ulong[] all = Distinct(random, shared + onlyA + onlyB);
        ulong[] a = [.. all.AsSpan(0, shared + onlyA)];
        ulong[] b = [.. all.AsSpan(0, shared), .. all.AsSpan(shared + onlyA, onlyB)];
        random.Shuffle(a);
        random.Shuffle(b);
        int union = shared + onlyA + onlyB;
        return (a, b, union == 0 ? 0.0 : (double)shared / union);
    }

    /// <summary>A pair with a random size (20 to 1,200) and a random Jaccard similarity.</summary>
    public static (ulong[] A, ulong[] B, double Jaccard) Random(Random random)
    {
        int union = random.Next(20, 1200);
        int shared = random.Next(0, union + 1);
        int onlyA = random.Next(0, union - shared + 1);
        return Make(random, shared, onlyA, union - shared - onlyA);
    }
}
