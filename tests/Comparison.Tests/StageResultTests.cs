namespace Comparison.Tests;

public class StageResultTests
{
    [Fact]
    public void Ran_HoldsTheValue()
    {
        var section = new ClustersSection([]);
        StageResult<ClustersSection> result = StageResult.Ran(section);
        Assert.True(result.Ran);
        Assert.Null(result.Skipped);
        Assert.Same(section, result.Value);
        Assert.True(result.TryGetValue(out ClustersSection? value));
        Assert.Same(section, value);
    }

    [Fact]
    public void Ran_Null_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => StageResult.Ran<ClustersSection>(null!));
        Assert.Equal("value", ex.ParamName);
    }

    [Theory]
    [InlineData(SkipReason.NotRequested)]
    [InlineData(SkipReason.NoDocuments)]
    [InlineData(SkipReason.TooManyDocuments)]
    [InlineData(SkipReason.ClustersSkipped)]
    public void Skip_ValueThrowsNamingTheReason(SkipReason reason)
    {
        StageResult<SimilaritySection> result = StageResult.Skip<SimilaritySection>(reason);
        Assert.False(result.Ran);
        Assert.Equal(reason, result.Skipped);
        Assert.False(result.TryGetValue(out SimilaritySection? value));
        Assert.Null(value);
        var ex = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains(reason.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(SimilaritySection), ex.Message, StringComparison.Ordinal);
        Assert.Equal($"Skipped({reason})", result.ToString());
    }

    [Fact]
    public void Skip_UndefinedReason_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => StageResult.Skip<ClustersSection>((SkipReason)99));
        Assert.Equal("reason", ex.ParamName);
    }

    [Fact]
    public void Default_IsSkippedAsNotRequested()
    {
        StageResult<PassagesSection> result = default;
        Assert.Equal(SkipReason.NotRequested, result.Skipped);
        Assert.Equal(StageResult.Skip<PassagesSection>(SkipReason.NotRequested), result);
        Assert.Equal(SkipReason.NotRequested, new ComparisonResult([]).Passages.Skipped);
    }

    [Fact]
    public void Equality_RanByValue_SkippedByReason()
    {
        var a = new ClustersSection([new ReportCluster(0, ["x"], "label", "x")]);
        var b = new ClustersSection(a.Clusters);
        Assert.True(StageResult.Ran(a) == StageResult.Ran(b));
        Assert.True(StageResult.Ran(a) != StageResult.Skip<ClustersSection>(SkipReason.NotRequested));
        Assert.True(StageResult.Skip<ClustersSection>(SkipReason.NoDocuments) != StageResult.Skip<ClustersSection>(SkipReason.NotRequested));
        Assert.Equal(StageResult.Ran(a).GetHashCode(), StageResult.Ran(b).GetHashCode());
    }
}
