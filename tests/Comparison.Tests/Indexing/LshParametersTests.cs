using Comparison.Indexing;

namespace Comparison.Tests.Indexing;

public class LshParametersTests
{
    [Theory]
    [InlineData(0.5, 0.5, 9, 13)] // datasketch's default weights (checked against scipy.integrate.quad)
    [InlineData(0.1, 0.9, 14, 9)]
    [InlineData(0.05, 0.95, 16, 8)]
    [InlineData(0.01, 0.99, 18, 7)]
    public void Optimize_Threshold08K128_MatchesDirectQuadrature(double fp, double fn, int bands, int rows)
    {
        Assert.Equal(new LshParameters(bands, rows), LshParameters.Optimize(0.8, 128, fp, fn));
    }

    [Fact]
    public void ExpectedRecall_DefaultIndex_IsReportedAndHigh()
    {
        var parameters = new LshParameters(16, 8);
        Assert.Equal(0.9936, parameters.ExpectedRecall(0.8), 3);
        Assert.Equal(0.947, parameters.CandidateProbability(0.8), 3);
        Assert.Equal(0.8336, new LshParameters(9, 13).ExpectedRecall(0.8), 3);
        Assert.Equal(new LshIndex<int>().ExpectedRecall, parameters.ExpectedRecall(0.8), 12);
    }

    [Fact]
    public void CandidateProbability_IsMonotoneSCurve()
    {
        var parameters = new LshParameters(18, 7);
        double previous = -1;
        for (double s = 0; s <= 1.0001; s += 0.01)
        {
            double p = parameters.CandidateProbability(Math.Min(s, 1));
            Assert.InRange(p, previous, 1);
            previous = p;
        }

        Assert.Equal(0, parameters.CandidateProbability(0));
        Assert.Equal(1, parameters.CandidateProbability(1));
    }

    [Fact]
    public void Optimize_BadArguments_ThrowNamingTheProperty()
    {
        Assert.Equal("Threshold", Assert.Throws<ArgumentOutOfRangeException>(() => LshParameters.Optimize(1.0, 128, 0.5, 0.5)).ParamName);
        Assert.Equal("FalseNegativeWeight", Assert.Throws<ArgumentOutOfRangeException>(() => LshParameters.Optimize(0.5, 128, 0, 0)).ParamName);
        Assert.Equal("Bands", Assert.Throws<ArgumentException>(() => new LshIndex<int>(new LshOptions { Bands = 20, Rows = 7 })).ParamName);
        Assert.Equal("Rows", Assert.Throws<ArgumentException>(() => new LshIndex<int>(new LshOptions { Bands = 20 })).ParamName);
    }
}
