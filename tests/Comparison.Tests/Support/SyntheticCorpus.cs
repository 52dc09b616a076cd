using Comparison.Documents;
using Comparison.Indexing;

namespace Comparison.Tests.Support;

/// <summary>
/// A reproducible corpus of pseudo-word articles (a Zipf-like vocabulary, a few paragraphs each) with edited
/// copies, shuffled: near-duplicates at every Jaccard level around 0.8.
/// </summary>
public static class SyntheticCorpus
{
    /// <summary>Makes <paramref name="originals"/> articles and <paramref name="copies"/> edited copies, in a shuffled order.</summary>
    public static List<Document> Make(int originals, int copies, int seed)
    {
        var random = new Random(seed);
        string[] vocabulary = Enumerable.Range(0, 3000).Select(i => Word(random, i)).ToArray();
        var documents = new List<Document>(originals + copies);
        for (int d = 0; d < originals; d++)
        {
            var paragraphs = new List<string>();
            int paragraphCount = 2 + random.Next(4);
            for (int p = 0; p < paragraphCount; p++)
            {
                int words = 20 + random.Next(60);
                // Zipf-like: squaring a uniform draw favours the first words of the vocabulary.
                paragraphs.Add(string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[(int)(Math.Pow(random.NextDouble(), 2) * vocabulary.Length)])));
            }

            documents.Add(new Document($"a{d}", string.Join('\n', paragraphs)));
        }

        // Copies (some of earlier copies) with 0.5-5% of their words substituted: exact word 5-shingle Jaccard
        // from about 0.95 down to about 0.6, so pairs fall on both sides of a 0.8 threshold.
        for (int c = 0; c < copies; c++)
        {
            Document source = documents[random.Next(documents.Count)];
            string[] words = source.Text.Split(' ');
            int edits = Math.Max(1, (int)(words.Length * (0.005 + (0.045 * random.NextDouble()))));
            for (int e = 0; e < edits; e++)
            {
                words[random.Next(words.Length)] = vocabulary[random.Next(vocabulary.Length)];
            }

            documents.Add(new Document($"c{c}-of-{source.Id}", string.Join(' ', words)));
        }

        return [.. documents.OrderBy(_ => random.Next())];
    }

    /// <summary>The unordered pairs of a duplicate result, as (smaller id, larger id) in ordinal order.</summary>
    public static SortedSet<(string, string)> Pairs(DuplicateResult<string> result) => new(result.Pairs.Select(p => Pair(p.A, p.B)));

    /// <summary>A pair as (smaller id, larger id) in ordinal order.</summary>
    public static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    private static string Word(Random random, int index)
    {
        const string Letters = "abcdefghiklmnoprstuvwy";
        int length = 2 + random.Next(7);
        return new string(Enumerable.Range(0, length).Select(_ => Letters[random.Next(Letters.Length)]).ToArray()) + (index % 7 == 0 ? "s" : string.Empty);
    }
}
