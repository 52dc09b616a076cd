namespace Comparison.Indexing;

/// <summary>
/// Union–find over the indexes 0..n−1 held in a parent array, with path halving. The smaller root always wins a
/// union, so every root is its set's smallest member and the sets do not depend on the order of the unions.
/// </summary>
internal static class DisjointSets
{
    /// <summary>A parent array in which every index is its own set.</summary>
    public static int[] Create(int count)
    {
        var parent = new int[count];
        for (int i = 0; i < count; i++)
        {
            parent[i] = i;
        }

        return parent;
    }

    /// <summary>The root (smallest member) of the set holding <paramref name="x"/>.</summary>
    public static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    /// <summary>Joins the sets of <paramref name="x"/> and <paramref name="y"/>; the smaller root becomes the root.</summary>
    public static void Union(int[] parent, int x, int y)
    {
        int rx = Find(parent, x);
        int ry = Find(parent, y);
        if (rx != ry)
        {
            parent[Math.Max(rx, ry)] = Math.Min(rx, ry);
        }
    }
}
