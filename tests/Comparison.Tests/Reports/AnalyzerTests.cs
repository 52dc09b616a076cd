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
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Analyzer(AnalyzerOptions.Default with { DuplicateThreshold = 1.5 }));
        Assert.Equal(nameof(AnalyzerOptions.DuplicateThreshold), ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Analyzer(AnalyzerOptions.Default with { SimilarityMatrixMaxDocuments = -1 }));
        Assert.Equal(nameof(AnalyzerOptions.SimilarityMatrixMaxDocuments), ex.ParamName);
    }
}
