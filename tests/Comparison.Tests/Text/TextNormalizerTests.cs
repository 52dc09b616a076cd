using Comparison.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("  Hello   World \n", "hello world")]
    [InlineData("Ukraine’s “border” — now", "ukraine's \"border\" - now")]
    [InlineData("zero\u200Bwidth\u00ADsoft\uFEFF", "zerowidthsoft")]
    [InlineData("tab\tand\r\nnewline", "tab and newline")]
    [InlineData("ΣΑΣ", "σασ")]
    [InlineData("", "")]
    public void Normalize_Examples_GiveExpectedText(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input).Text);
    }

    [Fact]
    public void Normalize_LoneSurrogate_BecomesReplacementCharacter()
    {
        Assert.Equal("a\uFFFDb", TextNormalizer.Normalize("a\uD800b").Text);
    }

    [Fact]
    public void ToOriginal_Span_SlicesTheOriginalWord()
    {
        const string original = "The  \u201CU.S.\u201D said";
        NormalizedText n = TextNormalizer.Normalize(original);
        int at = n.Text.IndexOf("u.s.", StringComparison.Ordinal);
        TextSpan span = n.ToOriginal(new TextSpan(at, 4));
        Assert.Equal("U.S.", original.Substring(span.Start, span.Length));
        Assert.Equal(original.Length, n.ToOriginal(n.Text.Length));
    }

    [Theory]
    [InlineData("Ukraine’s", "ukraine")]
    [InlineData("Ukraine's", "ukraine")]
    [InlineData("U.S.", "u.s.")]
    [InlineData("50-Minute", "50-minute")]
    [InlineData("Zelen\u00ADsky", "zelensky")]
    [InlineData("Éclair", "éclair")]
    [InlineData("'s", "'s")]
    public void NormalizeTerm_Examples_GiveExpectedTerm(string token, string expected)
    {
        Assert.Equal(expected, TextNormalizer.NormalizeTerm(token));
    }

    [Fact]
    public void Normalize_AnyString_IsIdempotent()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            string once = TextNormalizer.Normalize(s ?? string.Empty).Text;
            return TextNormalizer.Normalize(once).Text == once;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Normalize_AnyString_MapSlicesTheOriginal()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            s ??= string.Empty;
            NormalizedText n = TextNormalizer.Normalize(s);
            int previous = 0;
            for (int i = 0; i < n.Text.Length; i++)
            {
                TextSpan span = n.ToOriginal(new TextSpan(i, 1));
                if (span.Start < previous || span.Length <= 0 || span.End > s.Length)
                {
                    return false;
                }

                previous = span.Start;
            }

            TextSpan all = n.ToOriginal(new TextSpan(0, n.Text.Length));
            return all.Start >= 0 && all.End <= s.Length;
        }).QuickCheckThrowOnFailure();
    }
}
