namespace Comparison.Vectors;

/// <summary>Consecutive ranges of items for parallel passes: the same split, whatever thread runs which range.</summary>
internal static class Blocks
{
    /// <summary>
    /// How many blocks a pass over <paramref name="items"/> items uses: a few per core, at least 1, and 1 when each
    /// block's table of <paramref name="tableLength"/> counters would cost more than the pass's
    /// <paramref name="entries"/> entries themselves.
    /// </summary>
    public static int Count(int items, long tableLength, long entries)
    {
        int blocks = Math.Clamp(items / 256, 1, 2 * Environment.ProcessorCount);
        return tableLength * blocks <= 4 * entries ? blocks : 1;
    }

    /// <summary>The items [From, To) of block <paramref name="block"/> of <paramref name="blocks"/>.</summary>
    public static (int From, int To) Range(int items, int blocks, int block) =>
        ((int)((long)items * block / blocks), (int)((long)items * (block + 1) / blocks));
}
