using Comparison.Reports;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Reports;

public class SpanContextTests
{
    [Fact]
    public void Of_AnySpan_ReassemblesToTheCollapsedSlice()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<int>(), (s, x, y) =>
        {
            string text = s ?? string.Empty;
            int start = text.Length == 0 ? 0 : Math.Abs(x % (text.Length + 1));
            int end = start + (text.Length - start == 0 ? 0 : Math.Abs(y % (text.Length - start + 1)));
            SpanContext context = SpanContext.Of(text, start, end);
            return context.Span == SpanContext.Collapse(text.AsSpan(start, end - start));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Of_WithSentence_UsesTheSentenceWithoutEllipsis()
    {
        string text = "First one. The troops are over 90,000 there. Last.";
        int start = text.IndexOf("over", StringComparison.Ordinal);
        SpanContext context = SpanContext.Of(text, start, start + 11, 11, 44);
        Assert.Equal(new SpanContext("The troops are ", "over 90,000", " there."), context);
    }

    [Fact]
    public void Of_LongText_CutsAtWordsWithEllipsis()
    {
        string text = string.Concat(Enumerable.Repeat("word ", 200)) + "TARGET" + string.Concat(Enumerable.Repeat(" word", 200));
        int start = text.IndexOf("TARGET", StringComparison.Ordinal);
        SpanContext context = SpanContext.Of(text, start, start + 6);
        Assert.StartsWith("\u2026word", context.Before, StringComparison.Ordinal);
        Assert.EndsWith("word\u2026", context.After, StringComparison.Ordinal);
        Assert.InRange(context.Before.Length, 100, SpanContext.Window + 2);
    }
}
