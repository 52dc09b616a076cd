using Comparison.Documents;
using Comparison.Indexing;
using Comparison.Sketches;
using Comparison.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Indexing;

public class DuplicateFinderTests
{
    private static readonly MinHasher Hasher = new();

    [Fact]
    public void FindDuplicates_PlantedCopies_PairsAndGroupsInInputOrder()
    {
        var random = new Random(8);
        ulong[] x = SetPairs.Distinct(random, 500), y = SetPairs.Distinct(random, 500), z = SetPairs.Distinct(random, 500);
        ulong[] x2 = [.. x.Skip(10)], x3 = [.. x.Skip(5), .. SetPairs.Distinct(random, 5)];
        ulong[][] sets = [z, x, y, x2, x3];
        string[] keys = ["z", "x", "y", "x2", "x3"];
        var result = DuplicateFinder.FindDuplicates(keys, sets.Select(s => Hasher.Compute(s)).ToList(), shingles: sets.Select(s => ShingleSet.Create(s)).ToList());
        Assert.Equal([("x", "x2"), ("x", "x3"), ("x2", "x3")], result.Pairs.Select(p => (p.A, p.B)));
        Assert.Equal(ShingleSet.Jaccard(x, x2), result.Pairs[0].Jaccard);
        var group = Assert.Single(result.Groups);
        Assert.Equal(new[] { "x", "x2", "x3" }, group.ToArray());
        Assert.Equal(new LshParameters(21, 6), result.Parameters);
    }

    private static readonly DuplicateOptions Estimated = new() { Verification = DuplicateVerification.Estimated };

    [Fact]
    public void Default_VerifiesByExactJaccard_AsTheCommandLineAndTheAnalyzerDo()
    {
        // One default for the library, the analyzer and the CLI (--verify exact): estimated verification is the opt-in.
        Assert.Equal(DuplicateVerification.Exact, DuplicateOptions.Default.Verification);
        Assert.Equal(DuplicateOptions.Default, Comparison.NewsComparerOptions.Default.Duplicates);
    }

    [Fact]
    public void FindDuplicates_Documents_DefaultOptions_EveryPairClearsTheThresholdExactly()
    {
        // Copies edited so their exact Jaccard straddles 0.8: with the default, no pair below it links.
        var random = new Random(5);
        string[] vocabulary = [.. Enumerable.Range(0, 400).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var documents = new List<Comparison.Documents.Document>();
        for (int d = 0; d < 30; d++)
        {
            string[] words = [.. Enumerable.Range(0, 300).Select(_ => vocabulary[random.Next(vocabulary.Length)])];
            documents.Add(new Comparison.Documents.Document("d" + d.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(' ', words)));
            for (int c = 0; c < 3; c++)
            {
                string[] copy = (string[])words.Clone();
                for (int i = random.Next(20); i < copy.Length; i += 38 + random.Next(12))
                {
                    copy[i] = "x" + random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                documents.Add(new Comparison.Documents.Document($"d{d}c{c}", string.Join(' ', copy)));
            }
        }

        var result = DuplicateFinder.FindDuplicates(documents);
        Assert.NotEmpty(result.Pairs);
        Assert.All(result.Pairs, p => Assert.True(p.Jaccard >= 0.8, $"{p.A} {p.B}: exact {p.Jaccard}, estimated {p.EstimatedJaccard}"));
    }

    [Fact]
    public void FindDuplicates_SharedBandBelowThreshold_NeverLinks()
    {
        // One row per band: a single agreeing value makes a candidate, so pairs at J = 0.3 are candidates...
        var random = new Random(4);
        var (a, b, _) = SetPairs.Make(random, 300, 350, 350);
        var options = new DuplicateOptions { Bands = 128, Rows = 1, Verification = DuplicateVerification.Estimated };
        var result = DuplicateFinder.FindDuplicates(["a", "b"], [Hasher.Compute(a), Hasher.Compute(b)], options);

        // ...but only a pair whose full-signature estimate clears the threshold links.
        Assert.Equal(1, result.CandidatePairs);
        Assert.Empty(result.Pairs);
        Assert.Empty(result.Groups);
    }

    [Fact]
    public void FindDuplicates_ExactVerification_LinksOnlyExactlyAboveThreshold()
    {
        var random = new Random(12);
        var keys = new List<int>();
        var sets = new List<ulong[]>();
        for (int i = 0; i < 60; i++)
        {
            double target = 0.70 + (0.2 * random.NextDouble());
            int union = 600;
            int shared = (int)(target * union);
            var (a, b, _) = SetPairs.Make(random, shared, (union - shared) / 2, union - shared - ((union - shared) / 2));
            sets.Add(a);
            sets.Add(b);
            keys.Add(2 * i);
            keys.Add((2 * i) + 1);
        }

        var shingles = sets.Select(s => ShingleSet.Create(s)).ToList();
        var signatures = sets.Select(s => Hasher.Compute(s)).ToList();
        var result = DuplicateFinder.FindDuplicates(keys, signatures, new DuplicateOptions { Verification = DuplicateVerification.Exact }, shingles);
        var expected = Enumerable.Range(0, 60).Where(i => shingles[2 * i].Jaccard(shingles[(2 * i) + 1]) >= 0.8).Select(i => (2 * i, (2 * i) + 1)).ToList();
        Assert.Equal(expected, result.Pairs.Select(p => (p.A, p.B)));
        Assert.All(result.Pairs, p => Assert.True(p.Jaccard >= 0.8));
        Assert.Throws<ArgumentException>("shingles", () => DuplicateFinder.FindDuplicates(keys, signatures, new DuplicateOptions { Verification = DuplicateVerification.Exact }));
    }

    [Fact]
    public void FindDuplicates_AnyInputOrder_SameGroupsAsSets_Property()
    {
        var corpus = LshIndexTests.Corpus(new Random(21), 80);
        var baseline = Normalise(DuplicateFinder.FindDuplicates(Enumerable.Range(0, corpus.Count).ToList(), corpus, Estimated));
        Assert.NotEmpty(baseline);
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                int[] order = Enumerable.Range(0, corpus.Count).ToArray();
                new Random(seed).Shuffle(order);
                var result = DuplicateFinder.FindDuplicates(order, order.Select(i => corpus[i]).ToList(), Estimated);
                return Normalise(result).SequenceEqual(baseline)
                    && result.Groups.SelectMany(g => g).Distinct().Count() == result.Groups.Sum(g => g.Length);
            }).QuickCheckThrowOnFailure();

        static List<string> Normalise(DuplicateResult<int> result) =>
            result.Groups.Select(g => string.Join(",", g.Order())).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void FindDuplicates_BadArguments_Throw()
    {
        MinHashSignature s = Hasher.Compute([1UL]);
        Assert.Throws<ArgumentException>("signatures", () => DuplicateFinder.FindDuplicates(["a", "b"], [s]));
        Assert.Throws<ArgumentException>("keys", () => DuplicateFinder.FindDuplicates(["a", "a"], [s, s], Estimated));
        Assert.Equal("Threshold", Assert.Throws<ArgumentOutOfRangeException>(() => DuplicateFinder.FindDuplicates(["a"], [s], new DuplicateOptions { Threshold = 0 })).ParamName);
        Assert.Empty(DuplicateFinder.FindDuplicates(Array.Empty<string>(), [], Estimated).Pairs);
        Assert.Throws<ArgumentException>("shingles", () => DuplicateFinder.FindDuplicates(["a"], [s]));
    }

    [Fact]
    public void FindDuplicates_SeedLacedWithZeroWidthJoiners_IsAnExactDuplicateOfIt()
    {
        Document seed = Seeds.Load()[0];
        var laced = new Document("laced", TextGenerators.Lace(seed.Text));
        DuplicateResult<string> result = DuplicateFinder.FindDuplicates([seed, laced]);
        DuplicatePair<string> pair = Assert.Single(result.Pairs);
        Assert.Equal(1.0, pair.Jaccard);
    }

    [Fact]
    public void FindDuplicates_ShortAndEmptyTexts_PairOnlyWhenTheyShareTheirWords()
    {
        string[] texts = ["Earthquake hits Japan", "Biden meets Putin", "", "", " ... ", "Storm", "Flood", "earthquake HITS japan!"];
        Document[] documents = [.. texts.Select((t, i) => new Document("d" + i, t))];
        DuplicateResult<string> result = DuplicateFinder.FindDuplicates(documents);
        DuplicatePair<string> pair = Assert.Single(result.Pairs);
        Assert.Equal(("d0", "d7", 1.0), (pair.A, pair.B, pair.Jaccard));
        Assert.Equal(new[] { "d0", "d7" }, Assert.Single(result.Groups).ToArray());
    }

    [Fact]
    public void FindDuplicates_TenThousandEmptyTexts_NoCandidatesAndNoPairs()
    {
        Document[] documents = [.. Enumerable.Range(0, 10_000).Select(i => new Document("e" + i, i % 2 == 0 ? string.Empty : "?"))];
        DuplicateResult<string> result = DuplicateFinder.FindDuplicates(documents);
        Assert.Empty(result.Pairs);
        Assert.Equal(0, result.CandidatePairs);
    }

    [Fact]
    public void FindDuplicates_DocumentLongerThanTheLimit_RefusedWithAClearError()
    {
        var options = DuplicateOptions.Default with { MaxDocumentLength = 10 };
        var e = Assert.Throws<DocumentFormatException>(() => DuplicateFinder.FindDuplicates([new Document("ok", "0123456789"), new Document("big", "0123456789x")], options));
        Assert.Contains("'big'", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDocumentLength", e.Message, StringComparison.Ordinal);
        Assert.Empty(DuplicateFinder.FindDuplicates([new Document("ok", "0123456789")], options).Pairs);
    }

    [Theory]
    [InlineData(DuplicateVerification.Exact)]
    [InlineData(DuplicateVerification.Estimated)]
    public void FindDuplicates_StreamedText_SamePairsAsFromSignaturesAndShingleSetsInMemory(DuplicateVerification verification)
    {
        List<Document> corpus = SyntheticCorpus.Make(300, 200, seed: 17);
        var options = new DuplicateOptions { Verification = verification };
        var sketcher = new TextSketcher();
        var expected = DuplicateFinder.FindDuplicates(
            corpus.Select(d => d.Id).ToList(),
            corpus.Select(d => sketcher.Sketch(d.Text)).ToList(),
            options,
            corpus.Select(d => sketcher.Shingles(d.Text)).ToList());
        Assert.NotEmpty(expected.Pairs);

        // A lazy sequence read twice, in batches smaller than the corpus.
        var streamed = DuplicateFinder.FindDuplicates(corpus.Select(d => d), options, sketcher);
        Assert.Equal(expected.Pairs.Select(p => p.ToString()), streamed.Pairs.Select(p => p.ToString()));
        Assert.Equal(expected.Groups.Select(g => string.Join(",", g)), streamed.Groups.Select(g => string.Join(",", g)));
        Assert.Equal(expected.CandidatePairs, streamed.CandidatePairs);
        Assert.All(streamed.Pairs, p => Assert.NotNull(p.Jaccard));
    }

    [Fact]
    public void FindDuplicates_JsonLinesFile_ReadSelectivelyTheSecondTime_SamePairsAsTheList()
    {
        List<Document> corpus = SyntheticCorpus.Make(300, 200, seed: 23);
        string path = Path.Combine(Path.GetTempPath(), "dup-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            File.WriteAllLines(path, corpus.Select((d, i) => (i % 7 == 0 ? "\n  \n" : string.Empty) + System.Text.Json.JsonSerializer.Serialize(new { id = d.Id, text = d.Text })));
            var fromList = DuplicateFinder.FindDuplicates(corpus);
            var fromFile = DuplicateFinder.FindDuplicates(DocumentReader.Read(path));
            Assert.NotEmpty(fromList.Pairs);
            Assert.Equal(fromList.Pairs.Select(p => p.ToString()), fromFile.Pairs.Select(p => p.ToString()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FindDuplicates_SequenceThatChangesBetweenPasses_Throws()
    {
        List<Document> corpus = SyntheticCorpus.Make(100, 60, seed: 29);
        int pass = 0;
        IEnumerable<Document> Changing()
        {
            pass++;
            foreach (Document document in pass == 1 ? corpus : corpus.Take(corpus.Count - 1))
            {
                yield return document;
            }
        }

        var e = Assert.Throws<InvalidOperationException>(() => DuplicateFinder.FindDuplicates(Changing()));
        Assert.Contains("changed between the two passes", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, pass);
    }

    [Fact]
    public void FindDuplicates_NoCandidates_ReadsTheSequenceOnce()
    {
        int passes = 0;
        IEnumerable<Document> Once()
        {
            passes++;
            yield return new Document("a", "one two three four five six seven");
            yield return new Document("b", "eight nine ten eleven twelve thirteen fourteen");
        }

        Assert.Empty(DuplicateFinder.FindDuplicates(Once()).Pairs);
        Assert.Equal(1, passes);
    }

    [Fact]
    public void FindDuplicates_StreamedDuplicateIdentifier_ThrowsNamingIt()
    {
        IEnumerable<Document> Twice()
        {
            yield return new Document("a", "one two three four five six seven");
            yield return new Document("a", "eight nine ten eleven twelve thirteen fourteen");
        }

        var e = Assert.Throws<ArgumentException>("documents", () => DuplicateFinder.FindDuplicates(Twice()));
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
    }
}
