using System.Collections.Immutable;
using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Indexing;
using Comparison.Reports;
using Comparison.Tests.Support;
using Comparison.Text;
using Comparison.Vectors;

namespace Comparison.Tests;

public class NewsComparerTests
{
    [Fact]
    public void Compare_Seeds_KeepsEveryDocumentInOrder()
    {
        var report = new NewsComparer().Compare(Seeds.Load());
        Assert.Equal(Seeds.Load().Select(d => d.Id), report.Documents.Select(d => d.Id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compare_Progress_EveryStageInOrderEachReachingItsTotal(bool stream)
    {
        var reports = new List<ComparisonProgress>();
        new NewsComparer(NewsComparerOptions.Default with { StreamDocuments = stream }).Compare(Seeds.Load(), new SynchronousProgress(reports.Add));
        ComparisonStage[] stages = [.. reports.Select(r => r.Stage).Distinct()];
        // Streamed, the matrix reads the documents again after clustering, so its stage comes later.
        Assert.Equal(Enum.GetValues<ComparisonStage>(), stream ? [.. stages.Order()] : stages);
        foreach (ComparisonStage stage in stages)
        {
            // Parallel stages may report out of order; the furthest report is the whole stage.
            ComparisonProgress furthest = reports.Where(r => r.Stage == stage).MaxBy(r => r.Completed);
            Assert.Equal(furthest.Total, furthest.Completed);
        }
    }

    private sealed class SynchronousProgress(Action<ComparisonProgress> report) : IProgress<ComparisonProgress>
    {
        private readonly Lock _gate = new();

        public void Report(ComparisonProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }

    [Fact]
    public void Compare_DuplicateIds_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new NewsComparer().Compare([new Document("a", "x"), new Document("a", "y")]));
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new NewsComparer().Compare(Seeds.Load(), null, cts.Token));
    }

    [Fact]
    public void Options_OutOfRange_ExceptionNamesProperty()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NewsComparer(NewsComparerOptions.Default with { Duplicates = NewsComparerOptions.Default.Duplicates with { Threshold = 1.5 } }));
        Assert.Equal("Threshold", ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NewsComparer(NewsComparerOptions.Default with { SimilarityMatrixMaxDocuments = -1 }));
        Assert.Equal(nameof(NewsComparerOptions.SimilarityMatrixMaxDocuments), ex.ParamName);
    }

    [Fact]
    public void Options_SimilarityMatrixOverItsMaximum_Refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NewsComparer(NewsComparerOptions.Default with { SimilarityMatrixMaxDocuments = NewsComparerOptions.MaxSimilarityMatrixDocuments + 1 }));
        Assert.Equal(nameof(NewsComparerOptions.SimilarityMatrixMaxDocuments), ex.ParamName);
        Assert.Contains("2000", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NewsComparer(NewsComparerOptions.Default with { SimilarityMatrixMaxDocuments = 10_000 }));
        _ = new NewsComparer(NewsComparerOptions.Default with { SimilarityMatrixMaxDocuments = NewsComparerOptions.MaxSimilarityMatrixDocuments });
    }

    [Fact]
    public void FindDiscrepancies_SeedsCallCluster_TroopNumbersWithExactSpans()
    {
        var seeds = Seeds.Load();
        var corpus = seeds.ToImmutableArray();
        var clusters = new ClustersSection(
        [
            new ReportCluster(0, [.. seeds.Where(d => !d.Id.StartsWith("003", StringComparison.Ordinal)).Select(d => d.Id)], "call", null),
            new ReportCluster(1, [seeds.Single(d => d.Id.StartsWith("003", StringComparison.Ordinal)).Id], "other", null),
        ]);
        DiscrepanciesSection section = new NewsComparer().FindDiscrepancies(corpus, clusters, null, CancellationToken.None);

        ReportDiscrepancy troops = Assert.Single(section.Discrepancies, d => d.Kind == DiscrepancyKind.Number && d.Mentions.Any(m => m.Text.Contains("90,000", StringComparison.Ordinal)));
        Assert.Equal(0, troops.Cluster);
        Assert.Equal(DiscrepancyRelation.Precision, troops.Relation);
        foreach (ReportMention mention in troops.Mentions)
        {
            Assert.Equal(mention.Text, seeds.Single(d => d.Id == mention.Document).Text[mention.Start..mention.End]);
        }

        Assert.Contains(troops.Mentions, m => m.Document.StartsWith("000", StringComparison.Ordinal) && m.Text == "over 90,000" && m.Number == 90000 && m.Value == "90000" && m.Qualifier == "over");
        Assert.Contains(troops.Mentions, m => m.Document.StartsWith("004", StringComparison.Ordinal) && m.Text == "more than 100,000" && m.Number == 100000);
        Assert.DoesNotContain(section.Discrepancies, d => d.Cluster == 1);
        Assert.Contains(section.Coverage, f => f.Disagrees && f.Subject == troops.Subject);
        Assert.All(section.Claims, c => Assert.Equal(0, c.Cluster));
    }

    [Fact]
    public void Compare_EditedCopy_IsOneDuplicateGroupWithExactJaccard()
    {
        var seeds = Seeds.Load();
        Document original = seeds[0];
        var copy = new Document("copy-of-000", "WIRE SERVICE - " + original.Text + " Reporting by the wire desk.") { Published = original.Published };
        ComparisonResult report = new NewsComparer().Compare([.. seeds, copy]);

        DuplicatesSection duplicates = report.Duplicates.Value;
        DuplicatePair<string> pair = Assert.Single(duplicates.Pairs);
        Assert.Equal((original.Id, copy.Id), (pair.A, pair.B));
        Assert.InRange(pair.Jaccard!.Value, 0.8, 1.0);
        Assert.Equal([original.Id, copy.Id], Assert.Single(duplicates.Groups).ToArray());
    }

    [Fact]
    public void Compare_SmallCorpus_SymmetricSimilarityMatrixWithUnitDiagonal()
    {
        ComparisonResult report = new NewsComparer().Compare(Seeds.Load());
        SimilaritySection matrix = report.Similarity.Value;
        int n = matrix.Documents.Length;
        Assert.Equal(5, n);
        Assert.Equal(n * n, matrix.Cosine.Length);
        Assert.Equal(n * n, matrix.Jaccard.Length);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(1.0, matrix.CosineAt(i, i), 9);
            Assert.Equal(1.0, matrix.Jaccard[(i * n) + i]);
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(matrix.CosineAt(i, j), matrix.CosineAt(j, i));
                Assert.InRange(matrix.CosineAt(i, j), 0, 1 + 1e-9);
            }
        }
    }

    [Fact]
    public void Compare_CorpusAboveMatrixLimit_MatrixSkippedAsTooManyDocuments()
    {
        ComparisonResult report = new NewsComparer(NewsComparerOptions.Default with { SimilarityMatrixMaxDocuments = 4 }).Compare(Seeds.Load());
        Assert.False(report.Similarity.Ran);
        Assert.Equal(SkipReason.TooManyDocuments, report.Similarity.Skipped);
        var ex = Assert.Throws<InvalidOperationException>(() => report.Similarity.Value);
        Assert.Contains("TooManyDocuments", ex.Message, StringComparison.Ordinal);
        Assert.True(report.Duplicates.Ran);
        Assert.Null(report.Duplicates.Skipped);
    }

    [Fact]
    public void Compare_MatrixOffOrEmptyCorpus_SkipReasonSaysWhich()
    {
        Assert.Equal(SkipReason.NotRequested, new NewsComparer(NewsComparerOptions.Default with { SimilarityMatrixMaxDocuments = 0 }).Compare(Seeds.Load()).Similarity.Skipped);
        ComparisonResult empty = new NewsComparer().Compare([]);
        Assert.Equal(SkipReason.NoDocuments, empty.Similarity.Skipped);
        Assert.Empty(empty.Duplicates.Value.Pairs);
        Assert.Empty(empty.Clusters.Value.Clusters);
    }

    [Fact]
    public void Compare_ClustersOff_PassagesAndDiscrepanciesSkippedForWantOfClusters()
    {
        ComparisonResult report = new NewsComparer(NewsComparerOptions.Default with { FindClusters = false }).Compare(Seeds.Load());
        Assert.Equal(SkipReason.NotRequested, report.Clusters.Skipped);
        Assert.Equal(SkipReason.ClustersSkipped, report.Passages.Skipped);
        Assert.Equal(SkipReason.ClustersSkipped, report.Discrepancies.Skipped);
        Assert.False(report.Discrepancies.TryGetValue(out DiscrepanciesSection? none));
        Assert.Null(none);

        report = new NewsComparer(NewsComparerOptions.Default with { FindClusters = false, FindPassages = false, FindDiscrepancies = false }).Compare(Seeds.Load());
        Assert.Equal(SkipReason.NotRequested, report.Passages.Skipped);
        Assert.Equal(SkipReason.NotRequested, report.Discrepancies.Skipped);
        Assert.True(report.Duplicates.Ran);
    }

    [Fact]
    public void Compare_Seeds_CallClusterAndTroopDiscrepancy()
    {
        ComparisonResult report = new NewsComparer().Compare(Seeds.Load());
        Assert.True(report.Clusters.TryGetValue(out ClustersSection? clusters));
        Assert.Equal(5, clusters.Clusters.Sum(c => c.Documents.Length));
        ReportCluster call = Assert.Single(clusters.Clusters, c => c.Documents.Length > 1);
        Assert.Equal(["000", "001", "002", "004"], call.Documents.Select(id => id[..3]));
        Assert.False(string.IsNullOrWhiteSpace(call.Label));

        DiscrepanciesSection facts = report.Discrepancies.Value;
        ReportDiscrepancy troops = Assert.Single(facts.Discrepancies, d => d.Kind == DiscrepancyKind.Number && d.Mentions.Any(m => m.Text == "over 90,000"));
        Assert.Equal(call.Id, troops.Cluster);
        Assert.Contains(troops.Mentions, m => m.Text == "more than 100,000" && m.Document.StartsWith("004", StringComparison.Ordinal));
        Assert.DoesNotContain(facts.Discrepancies, d => d.Kind == DiscrepancyKind.Date);
    }

    [Fact]
    public void Compare_Seeds_SharedPassagesWithinTheCallCluster()
    {
        var seeds = Seeds.Load();
        ComparisonResult report = new NewsComparer().Compare(seeds);
        PassagesSection section = report.Passages.Value;
        Assert.NotEmpty(section.Passages);
        string Quote(string id, TextSpan span) => seeds.Single(d => d.Id == id).Text.Substring(span.Start, span.Length);
        foreach (DocumentPassage passage in section.Passages)
        {
            // The spans slice their own documents: the aligner's result, as it gave it for that pair.
            SharedPassage aligned = Assert.Single(new PassageAligner().Align(seeds.Single(d => d.Id == passage.A), seeds.Single(d => d.Id == passage.B)), p => p.A == passage.Passage.A);
            Assert.Equal(aligned, passage.Passage);

            // Only documents of one cluster are aligned, A before B in input order; 003 is in a cluster of its own.
            Assert.True(string.CompareOrdinal(passage.A, passage.B) < 0);
            Assert.DoesNotContain("003", new[] { passage.A[..3], passage.B[..3] });
            Assert.InRange(passage.Passage.Similarity, 0.5, 1.0);
        }

        Assert.Contains(section.Passages, p => p.A.StartsWith("000", StringComparison.Ordinal) && p.B.StartsWith("002", StringComparison.Ordinal)
            && Quote(p.A, p.Passage.A).Contains("unwavering support for Ukraine", StringComparison.Ordinal));
        Assert.Contains(section.Passages, p => p.A.StartsWith("002", StringComparison.Ordinal) && p.B.StartsWith("004", StringComparison.Ordinal)
            && Quote(p.A, p.Passage.A).Contains("extensive diplomacy", StringComparison.Ordinal) && Quote(p.B, p.Passage.B).Contains("extensive diplomacy", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_ClusterAboveAllPairsLimit_AlignsEachDocumentWithTheRepresentativeOnly()
    {
        var seeds = Seeds.Load();
        var options = NewsComparerOptions.Default with { PassageAllPairsMaxDocuments = 2 };
        ComparisonResult report = new NewsComparer(options).Compare(seeds);
        ReportCluster call = Assert.Single(report.Clusters.Value.Clusters, c => c.Documents.Length > 1);
        string hub = Assert.IsType<string>(call.Representative);
        PassagesSection section = report.Passages.Value;
        Assert.NotEmpty(section.Passages);
        Assert.All(section.Passages, p => Assert.True(p.A == hub || p.B == hub));

        ComparisonResult all = new NewsComparer().Compare(seeds);
        Assert.True(all.Passages.Value.Passages.Length > section.Passages.Length);
    }

    [Fact]
    public void Compare_PassagesOff_SkippedAsNotRequested()
    {
        ComparisonResult report = new NewsComparer(NewsComparerOptions.Default with { FindPassages = false }).Compare(Seeds.Load());
        Assert.Equal(SkipReason.NotRequested, report.Passages.Skipped);
        Assert.True(report.Discrepancies.Ran);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NewsComparer(NewsComparerOptions.Default with { PassageAllPairsMaxDocuments = 1 }));
        Assert.Equal(nameof(NewsComparerOptions.PassageAllPairsMaxDocuments), ex.ParamName);
    }

    [Fact]
    public void Compare_Seeds_CoverageListsTheFactsTheSourcesAgreeOn()
    {
        var seeds = Seeds.Load();
        ComparisonResult report = new NewsComparer().Compare(seeds);
        DiscrepanciesSection facts = report.Discrepancies.Value;

        // The call date: "Thursday" in the dated reports and "December 30" in another, one row, no flag.
        FactCoverage call = Assert.Single(facts.Coverage, f => f.Kind == DiscrepancyKind.Date && !f.Disagrees && f.Mentions.Any(m => m.Text == "December 30"));
        Assert.True(call.Mentions.Length >= 3);
        Assert.Contains(call.Mentions, m => m.Text == "Thursday");
        Assert.Equal(call.Mentions.Length, call.Mentions.Select(m => m.Document).Distinct().Count());
        foreach (ReportMention mention in call.Mentions)
        {
            Assert.Equal(mention.Text, seeds.Single(d => d.Id == mention.Document).Text[mention.Start..mention.End]);
        }

        // Disagreements first, then agreements, then single-source claims.
        int[] order = [.. facts.Coverage.Select(f => f.Disagrees ? 0 : f.Mentions.Length > 1 ? 1 : 2)];
        Assert.Equal(order.Order(), order);
        Assert.Contains(order, o => o == 2);

        var html = new StringWriter();
        ReportWriter.Write(report, ReportFormat.Html, html);
        Assert.Contains("<tr class=\"agrees\"><td>", html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_DocumentLongerThanTheLimit_RefusedWithAClearError()
    {
        var comparer = new NewsComparer(NewsComparerOptions.Default with { MaxDocumentLength = 10 });
        var e = Assert.Throws<DocumentFormatException>(() => comparer.Compare([new Document("ok", "0123456789"), new Document("big", "0123456789x")]));
        Assert.Contains("'big'", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDocumentLength", e.Message, StringComparison.Ordinal);
        Assert.Single(comparer.Compare([new Document("ok", "0123456789")]).Documents);
    }

    [Fact]
    public void Compare_TenThousandOneWordDocuments_NoPairsAndEveryDocumentItsOwnCluster()
    {
        // One-word texts used to have the empty shingle set, and every two of them were duplicates at 1.0: 50 million
        // pairs and one group. Each is now one shingle of its word, and distinct words share nothing.
        Document[] documents = [.. Enumerable.Range(0, 10_000).Select(i => new Document("d" + i, "w" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "q"))];
        ComparisonResult report = new NewsComparer().Compare(documents);
        Assert.Empty(report.Duplicates.Value.Pairs);
        Assert.Empty(report.Duplicates.Value.Groups);
        Assert.Equal(10_000, report.Clusters.Value.Clusters.Length);
        Assert.Empty(report.Passages.Value.Passages);
    }

    [Fact]
    public void Compare_StreamDocuments_SameDuplicatesAndClustersWithoutTheTexts()
    {
        var seeds = Seeds.Load();
        Document copy = new("copy-of-000", "WIRE SERVICE - " + seeds[0].Text + " Reporting by the wire desk.") { Published = seeds[0].Published };
        Document[] corpus = [.. seeds, copy];
        NewsComparerOptions held = NewsComparerOptions.Default with { FindPassages = false, FindDiscrepancies = false, SimilarityMatrixMaxDocuments = 0 };
        ComparisonResult expected = new NewsComparer(held).Compare(corpus);
        var passes = new CountingDocuments(corpus);
        ComparisonResult streamed = new NewsComparer(held with { StreamDocuments = true }).Compare(passes);

        Assert.Empty(streamed.Documents);
        Assert.Equal(corpus.Length, streamed.DocumentCount);
        Assert.Equal(corpus.Length, expected.DocumentCount);
        Assert.Equal(3, passes.Enumerations); // signatures, exact verification, clustering
        using (var a = new StringWriter())
        using (var b = new StringWriter())
        {
            JsonReportWriter.WriteSection(expected, ReportSection.Duplicates, a);
            JsonReportWriter.WriteSection(streamed, ReportSection.Duplicates, b);
            Assert.Equal(a.ToString(), b.ToString());
            Assert.Single(streamed.Duplicates.Value.Pairs);
        }

        using (var a = new StringWriter())
        using (var b = new StringWriter())
        {
            JsonReportWriter.WriteSection(expected, ReportSection.Clusters, a);
            JsonReportWriter.WriteSection(streamed, ReportSection.Clusters, b);
            Assert.Equal(a.ToString(), b.ToString());
        }
    }

    [Fact]
    public void Compare_StreamDocumentsClustersOnly_OnePassAndItsChecks()
    {
        var seeds = Seeds.Load();
        var passes = new CountingDocuments(seeds);
        NewsComparerOptions options = NewsComparerOptions.Default with { FindDuplicates = false, FindPassages = false, FindDiscrepancies = false, SimilarityMatrixMaxDocuments = 0, StreamDocuments = true };
        ComparisonResult report = new NewsComparer(options).Compare(passes);
        Assert.Equal(1, passes.Enumerations);
        Assert.Equal(seeds.Count, report.Clusters.Value.Clusters.Sum(c => c.Documents.Length));
        Assert.Equal(SkipReason.NotRequested, report.Duplicates.Skipped);

        var ex = Assert.Throws<ArgumentException>(() => new NewsComparer(options).Compare([new Document("a", "x"), new Document("a", "y")]));
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
        var big = Assert.Throws<DocumentFormatException>(() => new NewsComparer(options with { MaxDocumentLength = 10 }).Compare([new Document("big", "0123456789x")]));
        Assert.Contains("MaxDocumentLength", big.Message, StringComparison.Ordinal);
        Assert.Equal(2, new NewsComparer(options with { FindClusters = false }).Compare([new Document("a", "x"), new Document("b", "y")]).DocumentCount);
    }

    public static TheoryData<string, int> StreamedSources() => new()
    {
        { "jsonl", 0 },
        { "jsonl", 100 },
        { "folder", 0 },
        { "list", 0 },
        { "list", 100 },
        { "utf16", 0 },
    };

    [Theory]
    [MemberData(nameof(StreamedSources))]
    public void Compare_StreamDocumentsWholeAnalysis_SameJsonReportAsInMemory(string source, int matrixMax)
    {
        string folder = Corpora.SeedsWithCopies();
        string file = folder + ".jsonl";
        try
        {
            // Another event of two reports besides the seeds', so that clusters come in several batches.
            const string Fire = "Firefighters battled a warehouse fire on Elm Street in Riverton on Tuesday night. The blaze injured {0} workers and "
                + "destroyed the building, a fire department spokeswoman said. Crews from three stations fought the flames for hours before "
                + "bringing the fire under control. The cause of the warehouse fire is under investigation, the spokeswoman added.";
            File.WriteAllText(Path.Combine(folder, "fire_a.txt"), string.Format(System.Globalization.CultureInfo.InvariantCulture, Fire, "four"));
            File.WriteAllText(Path.Combine(folder, "fire_b.txt"), "RIVERTON - " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Fire, "six"));
            Document[] corpus = [.. DocumentReader.ReadDirectory(folder)];
            string lines = string.Concat(corpus.Select(d => System.Text.Json.JsonSerializer.Serialize(new
            {
                id = d.Id,
                text = d.Text,
                date = d.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                title = d.Id.EndsWith('a') ? "A \u00e9dited copy" : null,
            }) + "\n"));
            File.WriteAllText(file, lines, source == "utf16" ? System.Text.Encoding.Unicode : new System.Text.UTF8Encoding(false));
            NewsComparerOptions options = NewsComparerOptions.Default with { SimilarityMatrixMaxDocuments = matrixMax };
            ComparisonResult expected = new NewsComparer(options).Compare(source is "folder" or "list" ? corpus : [.. DocumentReader.ReadJsonLines(file)]);
            var passes = new CountingDocuments(corpus);
            IEnumerable<Document> input = source switch
            {
                "folder" => DocumentReader.ReadDirectory(folder),
                "list" => passes,
                _ => DocumentReader.ReadJsonLines(file),
            };

            // Two documents a batch: the clusters are read again and compared in several batches.
            ComparisonResult streamed = new NewsComparer(options with { StreamDocuments = true }) { BatchDocuments = 2 }.Compare(input);

            Assert.Empty(streamed.Documents);
            Assert.Equal(corpus.Length, streamed.DocumentCount);
            Assert.NotEmpty(streamed.Passages.Value.Passages);
            Assert.NotEmpty(streamed.Discrepancies.Value.Discrepancies);
            Assert.True(streamed.Clusters.Value.Clusters.Count(c => c.Documents.Length > 1) > 1);
            Assert.Equal(matrixMax > 0, streamed.Similarity.Ran);
            Assert.Equal(JsonOf(expected), JsonOf(streamed));
            if (source == "list")
            {
                // Signatures, exact verification, clustering, then once more for the documents to compare.
                Assert.Equal(4 + (matrixMax > 0 ? 1 : 0), passes.Enumerations);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            File.Delete(file);
        }
    }

    [Fact]
    public void Compare_StreamDocumentsWholeAnalysis_DocumentsChangedBetweenPasses_Refused()
    {
        var seeds = Seeds.Load();
        Document copy = new("copy-of-000", "WIRE SERVICE - " + seeds[0].Text) { Published = seeds[0].Published };
        var changing = new ChangingDocuments([.. seeds, copy]);
        var ex = Assert.Throws<InvalidOperationException>(() => new NewsComparer(NewsComparerOptions.Default with { FindDuplicates = false, StreamDocuments = true }).Compare(changing));
        Assert.Contains("changed between the passes", ex.Message, StringComparison.Ordinal);
    }

    private static string JsonOf(ComparisonResult report)
    {
        using var writer = new StringWriter();
        JsonReportWriter.Write(report, writer);
        return writer.ToString();
    }

    /// <summary>Documents whose identifiers change after the first enumeration.</summary>
    private sealed class ChangingDocuments(IReadOnlyList<Document> documents) : IEnumerable<Document>
    {
        private int _enumerations;

        public IEnumerator<Document> GetEnumerator()
        {
            bool changed = _enumerations++ > 0;
            return documents.Select(d => changed ? new Document(d.Id + "-changed", d.Text) { Published = d.Published } : d).GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A list that counts how many times it is enumerated (and is no list to the code that reads it).</summary>
    private sealed class CountingDocuments(IReadOnlyList<Document> documents) : IEnumerable<Document>
    {
        public int Enumerations { get; private set; }

        public IEnumerator<Document> GetEnumerator()
        {
            Enumerations++;
            return documents.GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
