using Comparison.Text;

namespace Comparison.Tests.Text;

public class TextSpanTests
{
    [Fact]
    public void ToString_IsTheOneSpanNotation_EndExclusive()
    {
        Assert.Equal("[1313..1324)", TextSpan.FromBounds(1313, 1324).ToString());
        Assert.Equal("[0..0)", new TextSpan(0, 0).ToString());
        Assert.Equal("[7..10)", $"{new TextSpan(7, 3)}");
    }

    [Fact]
    public void FromBounds_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("end", () => TextSpan.FromBounds(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>("start", () => TextSpan.FromBounds(-1, 4));
    }
}
