using System.Collections.Immutable;
using Comparison.Documents;
using Comparison.Reports;
using Comparison.Tests.Support;

namespace Comparison.Tests.Reports;

public class AnalyzerTests
{
    [Fact]
    public void Analyze_Seeds_KeepsEveryDocumentInOrder()
    {
        var report = new Analyzer().Analyze(Seeds.Load());
        Assert.Equal(Seeds.Load().Select(d => d.Id), report.Documents.Select(d => d.Id));
    }

    [Fact]
    public void Analyze_DuplicateIds_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Analyzer().Analyze([new Document("a", "x"), new Document("a", "y")]));
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new Analyzer().Analyze(Seeds.Load(), null, cts.Token));
    }

    [Fact]
    public void Options_OutOfRange_ExceptionNamesProperty()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Analyzer(AnalyzerOptions.Default with { Duplicates = AnalyzerOptions.Default.Duplicates with { Threshold = 1.5 } }));
        Assert.Equal("Threshold", ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Analyzer(AnalyzerOptions.Default with { SimilarityMatrixMaxDocuments = -1 }));
        Assert.Equal(nameof(AnalyzerOptions.SimilarityMatrixMaxDocuments), ex.ParamName);
    }

    [Fact]
    public void Options_SimilarityMatrixOverItsMaximum_Refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Analyzer(AnalyzerOptions.Default with { SimilarityMatrixMaxDocuments = AnalyzerOptions.MaxSimilarityMatrixDocuments + 1 }));
        Assert.Equal(nameof(AnalyzerOptions.SimilarityMatrixMaxDocuments), ex.ParamName);
        Assert.Contains("2000", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Analyzer(AnalyzerOptions.Default with { SimilarityMatrixMaxDocuments = 10_000 }));
        _ = new Analyzer(AnalyzerOptions.Default with { SimilarityMatrixMaxDocuments = AnalyzerOptions.MaxSimilarityMatrixDocuments });
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
        DiscrepanciesSection section = new Analyzer().FindDiscrepancies(corpus, clusters, null, CancellationToken.None);

        ReportDiscrepancy troops = Assert.Single(section.Discrepancies, d => d.Kind == "number" && d.Mentions.Any(m => m.Text.Contains("90,000", StringComparison.Ordinal)));
        Assert.Equal(0, troops.Cluster);
        Assert.Equal("precision", troops.Relation);
        foreach (ReportMention mention in troops.Mentions)
        {
            Assert.Equal(mention.Text, seeds.Single(d => d.Id == mention.Document).Text[mention.Start..mention.End]);
        }

        Assert.Contains(troops.Mentions, m => m.Document.StartsWith("000", StringComparison.Ordinal) && m.Text == "over 90,000" && m.Value == 90000 && m.Qualifier == "over");
        Assert.Contains(troops.Mentions, m => m.Document.StartsWith("004", StringComparison.Ordinal) && m.Text == "more than 100,000" && m.Value == 100000);
        Assert.DoesNotContain(section.Discrepancies, d => d.Cluster == 1);
        Assert.Contains(section.Coverage, f => f.Disagrees && f.Subject == troops.Subject);
        Assert.All(section.Claims, c => Assert.Equal(0, c.Cluster));
    }

    [Fact]
    public void Analyze_EditedCopy_IsOneDuplicateGroupWithExactJaccard()
    {
        var seeds = Seeds.Load();
        Document original = seeds[0];
        var copy = new Document("copy-of-000", "WIRE SERVICE - " + original.Text + " Reporting by the wire desk.") { Published = original.Published };
        AnalysisReport report = new Analyzer().Analyze([.. seeds, copy]);

        DuplicatesSection duplicates = Assert.IsType<DuplicatesSection>(report.Duplicates);
        DuplicatePair pair = Assert.Single(duplicates.Pairs);
        Assert.Equal((original.Id, copy.Id), (pair.A, pair.B));
        Assert.InRange(pair.Jaccard!.Value, 0.8, 1.0);
        Assert.Equal([original.Id, copy.Id], Assert.Single(duplicates.Groups).ToArray());
    }

    [Fact]
    public void Analyze_SmallCorpus_SymmetricSimilarityMatrixWithUnitDiagonal()
    {
        AnalysisReport report = new Analyzer().Analyze(Seeds.Load());
        SimilaritySection matrix = Assert.IsType<SimilaritySection>(report.Similarity);
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
    public void Analyze_CorpusAboveMatrixLimit_HasNoMatrix()
    {
        AnalysisReport report = new Analyzer(AnalyzerOptions.Default with { SimilarityMatrixMaxDocuments = 4 }).Analyze(Seeds.Load());
        Assert.Null(report.Similarity);
        Assert.NotNull(report.Duplicates);
    }

    [Fact]
    public void Analyze_Seeds_CallClusterAndTroopDiscrepancy()
    {
        AnalysisReport report = new Analyzer().Analyze(Seeds.Load());
        ClustersSection clusters = Assert.IsType<ClustersSection>(report.Clusters);
        Assert.Equal(5, clusters.Clusters.Sum(c => c.Documents.Length));
        ReportCluster call = Assert.Single(clusters.Clusters, c => c.Documents.Length > 1);
        Assert.Equal(["000", "001", "002", "004"], call.Documents.Select(id => id[..3]));
        Assert.False(string.IsNullOrWhiteSpace(call.Label));

        DiscrepanciesSection facts = Assert.IsType<DiscrepanciesSection>(report.Discrepancies);
        ReportDiscrepancy troops = Assert.Single(facts.Discrepancies, d => d.Kind == "number" && d.Mentions.Any(m => m.Text == "over 90,000"));
        Assert.Equal(call.Id, troops.Cluster);
        Assert.Contains(troops.Mentions, m => m.Text == "more than 100,000" && m.Document.StartsWith("004", StringComparison.Ordinal));
        Assert.DoesNotContain(facts.Discrepancies, d => d.Kind == "date");
    }

    [Fact]
    public void Analyze_Seeds_SharedPassagesWithinTheCallCluster()
    {
        var seeds = Seeds.Load();
        AnalysisReport report = new Analyzer().Analyze(seeds);
        PassagesSection section = Assert.IsType<PassagesSection>(report.Passages);
        Assert.NotEmpty(section.Passages);
        foreach (SharedPassage passage in section.Passages)
        {
            foreach (ReportSpan span in new[] { passage.A, passage.B })
            {
                Assert.Equal(span.Text, seeds.Single(d => d.Id == span.Document).Text[span.Start..span.End]);
            }

            // Only documents of one cluster are aligned, A before B in input order; 003 is in a cluster of its own.
            Assert.True(string.CompareOrdinal(passage.A.Document, passage.B.Document) < 0);
            Assert.DoesNotContain("003", new[] { passage.A.Document[..3], passage.B.Document[..3] });
            Assert.InRange(passage.Similarity, 0.5, 1.0);
        }

        Assert.Contains(section.Passages, p => p.A.Document.StartsWith("000", StringComparison.Ordinal) && p.B.Document.StartsWith("002", StringComparison.Ordinal)
            && p.A.Text.Contains("unwavering support for Ukraine", StringComparison.Ordinal));
        Assert.Contains(section.Passages, p => p.A.Document.StartsWith("002", StringComparison.Ordinal) && p.B.Document.StartsWith("004", StringComparison.Ordinal)
            && p.A.Text.Contains("extensive diplomacy", StringComparison.Ordinal) && p.B.Text.Contains("extensive diplomacy", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_ClusterAboveAllPairsLimit_AlignsEachDocumentWithTheRepresentativeOnly()
    {
        var seeds = Seeds.Load();
        var options = AnalyzerOptions.Default with { PassageAllPairsMaxDocuments = 2 };
        AnalysisReport report = new Analyzer(options).Analyze(seeds);
        ReportCluster call = Assert.Single(report.Clusters!.Clusters, c => c.Documents.Length > 1);
        string hub = Assert.IsType<string>(call.Representative);
        PassagesSection section = Assert.IsType<PassagesSection>(report.Passages);
        Assert.NotEmpty(section.Passages);
        Assert.All(section.Passages, p => Assert.True(p.A.Document == hub || p.B.Document == hub));

        AnalysisReport all = new Analyzer().Analyze(seeds);
        Assert.True(all.Passages!.Passages.Length > section.Passages.Length);
    }

    [Fact]
    public void Analyze_PassagesOff_SectionIsNull()
    {
        AnalysisReport report = new Analyzer(AnalyzerOptions.Default with { FindPassages = false }).Analyze(Seeds.Load());
        Assert.Null(report.Passages);
        Assert.NotNull(report.Discrepancies);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Analyzer(AnalyzerOptions.Default with { PassageAllPairsMaxDocuments = 1 }));
        Assert.Equal(nameof(AnalyzerOptions.PassageAllPairsMaxDocuments), ex.ParamName);
    }

    [Fact]
    public void Analyze_Seeds_CoverageListsTheFactsTheSourcesAgreeOn()
    {
        var seeds = Seeds.Load();
        AnalysisReport report = new Analyzer().Analyze(seeds);
        DiscrepanciesSection facts = Assert.IsType<DiscrepanciesSection>(report.Discrepancies);

        // The call date: "Thursday" in the dated reports and "December 30" in another, one row, no flag.
        FactCoverage call = Assert.Single(facts.Coverage, f => f.Kind == "date" && !f.Disagrees && f.Mentions.Any(m => m.Text == "December 30"));
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
    public void Analyze_DocumentLongerThanTheLimit_RefusedWithAClearError()
    {
        var analyzer = new Analyzer(AnalyzerOptions.Default with { MaxDocumentLength = 10 });
        var e = Assert.Throws<DocumentFormatException>(() => analyzer.Analyze([new Document("ok", "0123456789"), new Document("big", "0123456789x")]));
        Assert.Contains("'big'", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDocumentLength", e.Message, StringComparison.Ordinal);
        Assert.Single(analyzer.Analyze([new Document("ok", "0123456789")]).Documents);
    }

    [Fact]
    public void Analyze_TenThousandOneWordDocuments_NoPairsAndEveryDocumentItsOwnCluster()
    {
        // One-word texts used to have the empty shingle set, and every two of them were duplicates at 1.0: 50 million
        // pairs and one group. Each is now one shingle of its word, and distinct words share nothing.
        Document[] documents = [.. Enumerable.Range(0, 10_000).Select(i => new Document("d" + i, "w" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "q"))];
        AnalysisReport report = new Analyzer().Analyze(documents);
        Assert.Empty(report.Duplicates!.Pairs);
        Assert.Empty(report.Duplicates.Groups);
        Assert.Equal(10_000, report.Clusters!.Clusters.Length);
        Assert.Empty(report.Passages!.Passages);
    }
}
