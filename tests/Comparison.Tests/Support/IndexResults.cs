using Comparison.Indexing;

namespace Comparison.Tests.Support;

/// <summary>What the tests of the shared index read from its results.</summary>
public static class IndexResults
{
    /// <summary>Every result of an enumeration, in order.</summary>
    public static async Task<List<IndexedDuplicates>> Collect(IAsyncEnumerable<IndexedDuplicates> results)
    {
        var list = new List<IndexedDuplicates>();
        await foreach (IndexedDuplicates result in results)
        {
            list.Add(result);
        }

        return list;
    }

    /// <summary>A result as one comparable line.</summary>
    public static string Line(IndexedDuplicates result) => result.Id + ": " + string.Join(' ', result.Duplicates);

    /// <summary>The distinct unordered pairs the results report, and how many reports there were in all.</summary>
    public static SortedSet<(string, string)> PairsOf(IEnumerable<IndexedDuplicates> results, out int reported)
    {
        var pairs = new SortedSet<(string, string)>();
        reported = 0;
        foreach (IndexedDuplicates result in results)
        {
            foreach (string other in result.Duplicates)
            {
                pairs.Add(SyntheticCorpus.Pair(result.Id, other));
                reported++;
            }
        }

        return pairs;
    }
}
