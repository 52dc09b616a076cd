using System.Collections.Immutable;
using Comparison.Documents;
using Comparison.Reports;
using Comparison.Tests.Support;

namespace Comparison.Tests.Reports;

public class AnalyzerDuplicateQualityTests
{
    [Fact]
    public void Analyze_PlantedCopies_DuplicatesAreExactlyThePairsAtOrAboveTheThreshold()
    {
        string data = Seeds.SharedData ?? throw new InvalidOperationException("../shared/data is missing.");
        string path = Path.Combine(data, "basil.jsonl");
        using var stream = File.OpenRead(path);
        List<Document> corpus = [.. DocumentReader.ReadJsonLines(stream, path).Take(120)];
        corpus.AddRange(NearDuplicatePlanter.Plant(corpus, copies: 60, seed: 7));
        // Threshold 0.5: copies with 2-10% of their words edited spread around it (at 0.8 only the lightest edits count).
        var options = NewsComparerOptions.Default with
        {
            Duplicates = NewsComparerOptions.Default.Duplicates with { Threshold = 0.5 },
            FindClusters = false,
            FindPassages = false,
            FindDiscrepancies = false,
            SimilarityMatrixMaxDocuments = 0,
        };
        DuplicatesSection found = new NewsComparer(options).Compare(corpus).Duplicates.Value;

        // Truth by brute force over exact shingle sets.
        var shingler = new Comparison.Text.Shingler(options.Shingles);
        Comparison.Sketches.ShingleSet[] sets = [.. corpus.Select(d => Comparison.Sketches.ShingleSet.Create(shingler.Hash(d.Text)))];
        var truth = new List<(string, string)>();
        for (int i = 0; i < corpus.Count; i++)
        {
            for (int j = i + 1; j < corpus.Count; j++)
            {
                if (sets[i].Jaccard(sets[j]) >= options.Duplicates.Threshold)
                {
                    truth.Add((corpus[i].Id, corpus[j].Id));
                }
            }
        }

        Assert.True(truth.Count >= 20, $"only {truth.Count} true pairs: the planted copies should give many");
        Assert.All(found.Pairs, p => Assert.True(p.Jaccard >= options.Duplicates.Threshold, $"{p.A}/{p.B} linked at exact Jaccard {p.Jaccard}"));
        Assert.Equal(truth.Order(), found.Pairs.Select(p => (p.A, p.B)).Order());
    }
}
