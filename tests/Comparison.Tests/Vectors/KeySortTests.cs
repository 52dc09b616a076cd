using Comparison.Vectors;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Vectors;

public class KeySortTests
{
    [Fact]
    public void Sort_EqualsComparisonSort_Property()
    {
        // Dense ranges take the bitmap; sparse or huge ranges the comparison sort; both must give Array.Sort's order.
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            int range = random.Next(4) switch
            {
                0 => 64,
                1 => 50_000,
                2 => 3_000_000,
                _ => int.MaxValue,
            };
            int count = random.Next(0, Math.Min(range, 400));
            var set = new HashSet<int>();
            while (set.Count < count)
            {
                set.Add(random.Next(range));
            }

            int[] keys = [.. set];
            int[] values = [.. keys.Select(_ => random.Next())];
            float[] weights = [.. keys.Select(_ => (float)random.NextDouble())];
            int[] expectedKeys = (int[])keys.Clone();
            int[] expectedValues = (int[])values.Clone();
            Array.Sort(expectedKeys, expectedValues);
            int[] weightKeys = (int[])keys.Clone();
            float[] expectedWeights = (float[])weights.Clone();
            Array.Sort((int[])keys.Clone(), expectedWeights);

            KeySort.Sort(keys, values);
            KeySort.Sort(weightKeys, weights);
            return keys.SequenceEqual(expectedKeys) && values.SequenceEqual(expectedValues)
                && weightKeys.SequenceEqual(expectedKeys) && weights.SequenceEqual(expectedWeights);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Sort_RepeatedCalls_LeaveNoState()
    {
        // The per-thread bitmap must be clean after each call: a second, disjoint set sorts on its own.
        int[] first = [5, 3, 900, 64, 63];
        int[] firstValues = [1, 2, 3, 4, 5];
        KeySort.Sort(first, firstValues);
        Assert.Equal([3, 5, 63, 64, 900], first);
        Assert.Equal([2, 1, 5, 4, 3], firstValues);
        int[] second = [901, 4, 65];
        int[] secondValues = [7, 8, 9];
        KeySort.Sort(second, secondValues);
        Assert.Equal([4, 65, 901], second);
        Assert.Equal([8, 9, 7], secondValues);
    }
}
