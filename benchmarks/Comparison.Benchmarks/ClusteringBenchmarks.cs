using System.Text;
using BenchmarkDotNet.Attributes;
using Comparison.Clustering;
using Comparison.Documents;

namespace Comparison.Benchmarks;

/// <summary>
/// Event clustering end to end from raw text (terms, TF-IDF, candidate search, average linkage, labels) on a
/// synthetic news-like corpus: events with their own names and vocabulary, told by several reports a few days
/// apart, over a Zipf background vocabulary, about 3,500 characters a report (like the reference corpus_N10000).
/// </summary>
[MemoryDiagnoser]
public class ClusteringBenchmarks
{
    private List<Document> _documents = [];

    /// <summary>Number of documents; 10,000 is the target (20 s on 2 cores).</summary>
    [Params(1_000, 10_000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup() => _documents = Generate(Documents, seed: 42);

    /// <summary>Clusters the corpus with the default options.</summary>
    [Benchmark]
    public int Cluster() => new EventClusterer().Cluster(_documents).Clusters.Length;

    /// <summary>A synthetic corpus: about n / 4 events, 1 to 7 reports each.</summary>
    internal static List<Document> Generate(int count, int seed)
    {
        var random = new Random(seed);
        string[] background = Words(random, 20_000);
        var documents = new List<Document>(count);
        var start = new DateOnly(2020, 1, 1);
        int eventNumber = 0;
        while (documents.Count < count)
        {
            // An event: a few names (capitalised), a few specific words and numbers, a day.
            string[] names = [.. Words(random, 4).Select(w => char.ToUpperInvariant(w[0]) + w[1..])];
            string[] specific = Words(random, 12);
            int number = random.Next(2, 500);
            DateOnly day = start.AddDays(random.Next(730));
            int reports = Math.Min(1 + random.Next(7), count - documents.Count);
            for (int r = 0; r < reports; r++)
            {
                var text = new StringBuilder(4_000);
                while (text.Length < 3_500)
                {
                    for (int w = 0; w < 12; w++)
                    {
                        int roll = random.Next(10);
                        string word = roll switch
                        {
                            0 => names[random.Next(names.Length)],
                            1 or 2 => specific[random.Next(specific.Length)],
                            _ => background[Zipf(random, background.Length)],
                        };
                        text.Append(word).Append(' ');
                    }

                    text.Append(number).Append(". ");
                }

                documents.Add(new Document($"e{eventNumber:D5}r{r}", text.ToString())
                {
                    Title = $"{names[0]} {specific[0]} {specific[1]} {names[1]} - Site {r}",
                    Published = day.AddDays(random.Next(3)),
                });
            }

            eventNumber++;
        }

        return documents;
    }

    private static int Zipf(Random random, int size) => (int)Math.Min(size - 1, Math.Exp(random.NextDouble() * Math.Log(size)) - 1);

    private static string[] Words(Random random, int count)
    {
        const string consonants = "bcdfghklmnprstvwz";
        const string vowels = "aeiou";
        var words = new string[count];
        for (int i = 0; i < count; i++)
        {
            int syllables = 1 + random.Next(3);
            var word = new StringBuilder();
            for (int s = 0; s < syllables; s++)
            {
                word.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
                if (random.Next(3) == 0)
                {
                    word.Append(consonants[random.Next(consonants.Length)]);
                }
            }

            words[i] = word.ToString();
        }

        return words;
    }
}
