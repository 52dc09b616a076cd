using Comparison.Documents;
using Comparison.Indexing;
using Comparison.Indexing.Stores;
using Comparison.Tests.Support;
using static Comparison.Tests.Support.IndexResults;

namespace Comparison.Tests.Indexing;

public class SharedDuplicateIndexTests
{
    private static readonly List<Document> Corpus = SyntheticCorpus.Make(400, 160, seed: 17);

    [Theory]
    [InlineData(DuplicateVerification.Exact, 0.8)]
    [InlineData(DuplicateVerification.Estimated, 0.8)]
    [InlineData(DuplicateVerification.Exact, 0.6)]
    [InlineData(DuplicateVerification.Exact, 0.8, true)]
    public async Task AddAsync_OneWorker_SamePairsAsDuplicateFinder(DuplicateVerification verification, double threshold, bool compressTexts = false)
    {
        var options = new SharedDuplicateIndexOptions { Threshold = threshold, Verification = verification, BatchSize = 37, CompressTexts = compressTexts };
        var expected = SyntheticCorpus.Pairs(DuplicateFinder.FindDuplicates(Corpus, options.ToDuplicateOptions()));
        await using var store = new MemoryIndexStore();
        var index = await SharedDuplicateIndex.OpenAsync(store, options);

        var results = await Collect(index.AddAsync(Corpus));

        Assert.Equal(Corpus.Select(d => d.Id), results.Select(r => r.Id));
        Assert.True(expected.Count > 50, $"only {expected.Count} pairs: the corpus should plant many");
        Assert.Equal(expected, PairsOf(results, out int reported));
        Assert.Equal(expected.Count, reported);
    }

    [Fact]
    public async Task AddAsync_ArticleLines_ListOnlyEarlierArticles()
    {
        await using var store = new MemoryIndexStore();
        var index = await SharedDuplicateIndex.OpenAsync(store, new SharedDuplicateIndexOptions { BatchSize = 16 });
        var order = Corpus.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);

        foreach (IndexedDuplicates result in await Collect(index.AddAsync(Corpus)))
        {
            Assert.All(result.Duplicates, id => Assert.True(order[id] < order[result.Id], $"{result.Id} lists the later {id}"));
            Assert.Equal(result.Duplicates.Order(StringComparer.Ordinal), result.Duplicates);
        }
    }

    [Fact]
    public async Task AddAsync_FourConcurrentWorkers_UnionEqualsDuplicateFinderAndNoPairTwice()
    {
        var options = new SharedDuplicateIndexOptions { BatchSize = 8 };
        var expected = SyntheticCorpus.Pairs(DuplicateFinder.FindDuplicates(Corpus, options.ToDuplicateOptions()));
        await using var store = new MemoryIndexStore();
        var quarters = Enumerable.Range(0, 4).Select(w => Corpus.Where((_, i) => i % 4 == w).ToList()).ToList();

        var workers = quarters.Select(quarter => Task.Run(async () =>
        {
            var index = await SharedDuplicateIndex.OpenAsync(store, options);
            return await Collect(index.AddAsync(quarter));
        })).ToArray();
        var results = (await Task.WhenAll(workers)).SelectMany(r => r).ToList();

        Assert.Equal(expected, PairsOf(results, out int reported));
        Assert.Equal(expected.Count, reported);
    }

    [Fact]
    public async Task AddAsync_RestartAfterHalfWrittenBatch_LosesNoPairAndRepeatsNone()
    {
        var options = new SharedDuplicateIndexOptions { BatchSize = 32 };
        var expected = SyntheticCorpus.Pairs(DuplicateFinder.FindDuplicates(Corpus, options.ToDuplicateOptions()));
        await using var store = new MemoryIndexStore();
        var index = await SharedDuplicateIndex.OpenAsync(store, options);

        // The first run reports its first 200 articles, then dies after writing the records of the next batch but
        // before adding it to any bucket.
        var first = await Collect(index.AddAsync(Corpus.Take(200)));
        await index.WriteRecordsOnlyAsync(Corpus.Skip(200).Take(32).ToList(), CancellationToken.None);
        var again = await Collect(index.AddAsync(Corpus));

        // The restart repeats the lines of the articles it had finished, word for word, and completes the rest.
        Assert.Equal(first.Select(Line), again.Take(200).Select(Line));
        Assert.Equal(expected, PairsOf(again, out int reported));
        Assert.Equal(expected.Count, reported);
    }

    [Fact]
    public async Task QueryAsync_DoesNotInsert_AndListsBothDirections()
    {
        await using var store = new MemoryIndexStore();
        var options = new SharedDuplicateIndexOptions { BatchSize = 50 };
        var index = await SharedDuplicateIndex.OpenAsync(store, options);
        var expected = SyntheticCorpus.Pairs(DuplicateFinder.FindDuplicates(Corpus, options.ToDuplicateOptions()));

        var beforeAdding = await Collect(index.QueryAsync(Corpus));
        await Collect(index.AddAsync(Corpus));
        var afterAdding = await Collect(index.QueryAsync(Corpus));

        Assert.All(beforeAdding, r => Assert.Empty(r.Duplicates));
        Assert.Equal(expected, PairsOf(afterAdding, out int reported));
        Assert.Equal(2 * expected.Count, reported);
    }

    [Fact]
    public async Task AddAsync_SameIdOtherText_Refused()
    {
        await using var store = new MemoryIndexStore();
        var index = await SharedDuplicateIndex.OpenAsync(store);
        await Collect(index.AddAsync([new Document("x", "one two three four five six seven")]));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Collect(index.AddAsync([new Document("x", "eight nine ten eleven twelve thirteen")])));
        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_OtherSettingsOnSameName_RefusedNamingBoth()
    {
        await using var store = new MemoryIndexStore();
        await SharedDuplicateIndex.OpenAsync(store, new SharedDuplicateIndexOptions { Name = "news" });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SharedDuplicateIndex.OpenAsync(store, new SharedDuplicateIndexOptions { Name = "news", Threshold = 0.7 }));
        Assert.Contains("threshold=0.8", error.Message, StringComparison.Ordinal);
        Assert.Contains("threshold=0.7", error.Message, StringComparison.Ordinal);
        await SharedDuplicateIndex.OpenAsync(store, new SharedDuplicateIndexOptions { Name = "other", Threshold = 0.7 });
    }

    [Fact]
    public async Task OpenAsync_OtherTextStorageOnSameName_Refused()
    {
        await using var store = new MemoryIndexStore();
        var plain = await SharedDuplicateIndex.OpenAsync(store, new SharedDuplicateIndexOptions { Name = "news" });
        await Collect(plain.AddAsync(Corpus.Take(20)));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SharedDuplicateIndex.OpenAsync(store, new SharedDuplicateIndexOptions { Name = "news", CompressTexts = true }));
        Assert.Contains("verify=exact ", error.Message, StringComparison.Ordinal);
        Assert.Contains("verify=exact+deflate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("news:x")]
    public void Validate_BadName_NamesTheProperty(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new SharedDuplicateIndexOptions { Name = name }.Validate());
        Assert.Equal("Name", error.ParamName);
    }

    [Fact]
    public void Keys_StableAcrossProcesses()
    {
        // Seeded XXH64, never string.GetHashCode: these values are stored, so they are pinned.
        Assert.Equal(SharedDuplicateIndex.IdKey("a7"), SharedDuplicateIndex.IdKey("a7"));
        Assert.NotEqual(SharedDuplicateIndex.IdKey("a7"), SharedDuplicateIndex.IdKey("a8"));
        Assert.Equal(SharedDuplicateIndex.PairKey(1, 2), SharedDuplicateIndex.PairKey(2, 1));
        Assert.Equal(8653297752266660866UL, SharedDuplicateIndex.IdKey("a7"));
    }
}
