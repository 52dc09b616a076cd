using System.Diagnostics;
using System.Globalization;
using Comparison.Documents;
using Comparison.Indexing;
using Comparison.Sketches;

namespace Comparison.Tests.Support;

/// <summary>
/// Near-duplicate detection scored against exact Jaccard: every pair of the corpus whose word-shingle sets have
/// exact Jaccard ≥ the threshold is a true duplicate (found by an inverted index over shingles, so no pair is
/// missed), and <see cref="DuplicateFinder"/>'s pairs are scored against them.
/// </summary>
public static class DuplicateEvaluation
{
    /// <summary>The outcome of one configuration.</summary>
    public sealed record Score(string Name, int Documents, int TruePairs, int Found, int Correct, int Candidates, double Seconds)
    {
        public double Recall => TruePairs == 0 ? 1 : (double)Correct / TruePairs;

        public double Precision => Found == 0 ? 1 : (double)Correct / Found;

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Name,-44} docs {Documents,6}  true pairs {TruePairs,5}  found {Found,5}  correct {Correct,5}  recall {Recall:0.0000}  precision {Precision:0.0000}  candidates {Candidates,7}  {Seconds:0.00} s");
    }

    /// <summary>Loads the evaluation corpora that exist under ../shared/data, each capped at <paramref name="perFile"/> documents.</summary>
    public static List<Document> LoadCorpus(int perFile)
    {
        string data = Seeds.SharedData ?? throw new InvalidOperationException("../shared/data is missing.");
        string[] files = ["basil.jsonl", "newswcl50.jsonl", "ecbplus-dev.jsonl", "gva-dev.jsonl"];
        var documents = new List<Document>();
        foreach (string file in files)
        {
            string path = Path.Combine(data, file);
            if (File.Exists(path))
            {
                documents.AddRange(DocumentReader.ReadJsonLines(path).Take(perFile));
            }
        }

        return documents;
    }

    /// <summary>Every pair (i &lt; j) whose exact Jaccard is at least <paramref name="threshold"/>.</summary>
    public static HashSet<(int, int)> TruePairs(IReadOnlyList<ShingleSet> sets, double threshold)
    {
        var postings = new Dictionary<ulong, List<int>>();
        for (int i = 0; i < sets.Count; i++)
        {
            foreach (ulong h in sets[i].Items)
            {
                if (!postings.TryGetValue(h, out List<int>? list))
                {
                    postings[h] = list = [];
                }

                list.Add(i);
            }
        }

        var truth = new HashSet<(int, int)>();
        var shared = new Dictionary<int, int>();
        for (int i = 0; i < sets.Count; i++)
        {
            shared.Clear();
            foreach (ulong h in sets[i].Items)
            {
                foreach (int j in postings[h])
                {
                    if (j > i)
                    {
                        shared[j] = shared.GetValueOrDefault(j) + 1;
                    }
                }
            }

            foreach (var (j, count) in shared)
            {
                if ((double)count / (sets[i].Count + sets[j].Count - count) >= threshold)
                {
                    truth.Add((i, j));
                }
            }
        }

        return truth;
    }

    /// <summary>Runs <see cref="DuplicateFinder"/> with one configuration on precomputed signatures and shingle sets, and scores it.</summary>
    public static Score Run(string name, IReadOnlyList<MinHashSignature> signatures, IReadOnlyList<ShingleSet> sets, HashSet<(int, int)> truth, DuplicateOptions options)
    {
        var watch = Stopwatch.StartNew();
        DuplicateResult<int> result = DuplicateFinder.FindDuplicates(Enumerable.Range(0, signatures.Count).ToList(), signatures, options, sets);
        double seconds = watch.Elapsed.TotalSeconds;
        int correct = result.Pairs.Count(p => truth.Contains((p.A, p.B)));
        return new Score(name, signatures.Count, truth.Count, result.Pairs.Length, correct, result.CandidatePairs, seconds);
    }

    /// <summary>The corpus plus planted copies, the truth at the threshold, and the scores of the standard configurations.</summary>
    public static List<Score> Evaluate(int perFile, int copies, double threshold = 0.8)
    {
        List<Document> corpus = LoadCorpus(perFile);
        List<Document> documents = [.. corpus, .. NearDuplicatePlanter.Plant(corpus, copies, seed: 2024)];
        var classic = new TextSketcher(null, new MinHashOptions { Scheme = MinHashScheme.Classic });
        var onePermutation = new TextSketcher(null, new MinHashOptions { Scheme = MinHashScheme.OnePermutation });
        var sets = new ShingleSet[documents.Count];
        var classicSignatures = new MinHashSignature[documents.Count];
        var onePermutationSignatures = new MinHashSignature[documents.Count];
        Parallel.For(0, documents.Count, i =>
        {
            classicSignatures[i] = classic.Sketch(documents[i].Text.AsSpan(), out sets[i]);
            onePermutationSignatures[i] = onePermutation.Sketch(documents[i].Text);
        });
        HashSet<(int, int)> truth = TruePairs(sets, threshold);
        var exact = new DuplicateOptions { Threshold = threshold, Verification = DuplicateVerification.Exact };
        var estimated = new DuplicateOptions { Threshold = threshold, Verification = DuplicateVerification.Estimated };
        return
        [
            Run("classic K=128, exact verification", classicSignatures, sets, truth, exact),
            Run("one-permutation K=128, exact verification", onePermutationSignatures, sets, truth, exact),
            Run("classic K=128, estimated verification", classicSignatures, sets, truth, estimated),
            Run("one-permutation K=128, estimated verification", onePermutationSignatures, sets, truth, estimated),
            Run("classic K=128, 9x13 bands (datasketch), est.", classicSignatures, sets, truth, estimated with { Bands = 9, Rows = 13 }),
        ];
    }
}
