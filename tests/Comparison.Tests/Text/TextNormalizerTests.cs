using Comparison.Documents;
using Comparison.Tests.Support;
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
    [InlineData("e\u0301te\u0301", "\u00E9t\u00E9")]
    [InlineData("\uFB01nal \uFB00", "final ff")]
    [InlineData("Stra\u00DFe STRASSE", "strasse strasse")]
    [InlineData("\u216B \u2460 x\u00B2", "xii 1 x2")]
    [InlineData("\uFF76\uFF9E", "\u30AC")]
    [InlineData("\uAC00 \u1100\u1161", "\uAC00 \u1100\u1161")]
    [InlineData("\u212B\u0323", "\u1EA1\u030A")]
    [InlineData("a\u00A0b\u2003c", "a b c")]
    [InlineData("caf\u00C9\u200B", "caf\u00E9")]
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
    [InlineData("\u00C9clair", "\u00E9clair")]
    [InlineData("E\u0301clair", "\u00E9clair")]
    [InlineData("'s", "'s")]
    public void NormalizeTerm_Examples_GiveExpectedTerm(string token, string expected)
    {
        Assert.Equal(expected, TextNormalizer.NormalizeTerm(token));
    }

    [Fact]
    public void Normalize_OddUnicode_IsIdempotentAndMapsBack()
    {
        Prop.ForAll(TextGenerators.OddText, s =>
        {
            NormalizedText n = TextNormalizer.Normalize(s);
            bool idempotent = TextNormalizer.Normalize(n.Text).Text == n.Text;
            TextSpan all = n.ToOriginal(new TextSpan(0, n.Text.Length));
            return idempotent && all.Start >= 0 && all.End <= s.Length && MapIsMonotone(s, n);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Normalize_SharedCorpora_IsIdempotent()
    {
        foreach (string text in SampleTexts())
        {
            NormalizedText n = TextNormalizer.Normalize(text);
            Assert.Equal(n.Text, TextNormalizer.Normalize(n.Text).Text);
            Assert.True(MapIsMonotone(text, n));
        }
    }

    /// <summary>The seeds, plus the first documents of every shared corpus when it is present.</summary>
    internal static IEnumerable<string> SampleTexts()
    {
        IEnumerable<string> texts = Seeds.Load().Select(d => d.Text);
        if (Seeds.SharedData is string data)
        {
            foreach (string file in new[] { "ecbplus-dev.jsonl", "gva-dev.jsonl", "basil.jsonl", "newswcl50.jsonl" })
            {
                string path = Path.Combine(data, file);
                if (File.Exists(path))
                {
                    texts = texts.Concat(DocumentReader.Read(path).Take(150).Select(d => d.Text).ToList());
                }
            }
        }

        return texts;
    }

    private static bool MapIsMonotone(string original, NormalizedText n)
    {
        int previous = 0;
        for (int i = 0; i < n.Text.Length; i++)
        {
            TextSpan span = n.ToOriginal(new TextSpan(i, 1));
            if (span.Start < previous || span.Length <= 0 || span.End > original.Length)
            {
                return false;
            }

            previous = span.Start;
        }

        return true;
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
            TextSpan all = n.ToOriginal(new TextSpan(0, n.Text.Length));
            return MapIsMonotone(s, n) && all.Start >= 0 && all.End <= s.Length;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Normalize_HugeRandomUtf16_IsIdempotent()
    {
        string text = RandomText.Utf16(1_000_000, seed: 4);
        NormalizedText n = TextNormalizer.Normalize(text);
        Assert.Equal(n.Text, TextNormalizer.Normalize(n.Text).Text);
        Assert.True(MapIsMonotone(text, n));
    }

    [Fact]
    public void NormalizeTerm_OddUnicode_IsTheNormalizedTokenWithoutPossessive()
    {
        Prop.ForAll(TextGenerators.OddText, s =>
        {
            string term = TextNormalizer.NormalizeTerm(s);
            string normalized = TextNormalizer.Normalize(s).Text;
            return term == normalized || term + "'s" == normalized;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void HashTerm_AnyToken_EqualsHashOfNormalizeTerm()
    {
        var tokens = Gen.Elements("A", "z", "Q", "@", "[", "`", "{", "~", "!", "'", "\u2019", "\u2010", "-", ".", "0", "9", "\u00E9", "\u0000", " ", "s")
            .ListOf().Select(list => string.Concat(list.Take(20))).ToArbitrary();
        Prop.ForAll(tokens, token =>
            TextNormalizer.HashTerm(token, 5) == Comparison.Hashing.XxHash64.HashChars(TextNormalizer.NormalizeTerm(token), 5)
            && TextNormalizer.NormalizeTerm(token) == TextNormalizer.NormalizeTerm(token.ToUpperInvariant())).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryHashShortAsciiTerm_PrintableAsciiTokens_TakesTheFastPathAndEqualsHashOfNormalizeTerm()
    {
        var tokens = Gen.Elements("a", "Z", "s", "S", "'", "'s", "'S", "-", ".", ",", "0", "@", "`", "{", "~", "!", "[", "Mc")
            .ListOf().Select(list => string.Concat(list.Take(12))).Where(t => t.Length is >= 1 and <= 15).ToArbitrary();
        Prop.ForAll(tokens, token =>
            TextNormalizer.TryHashShortAsciiTerm(token, 9, out ulong hash)
            && hash == Comparison.Hashing.XxHash64.HashChars(TextNormalizer.NormalizeTerm(token), 9)).QuickCheckThrowOnFailure();
        Assert.False(TextNormalizer.TryHashShortAsciiTerm("Ukraine\u2019s", 0, out _));
        Assert.False(TextNormalizer.TryHashShortAsciiTerm("sixteencharacter", 0, out _));
        Assert.False(TextNormalizer.TryHashShortAsciiTerm(string.Empty, 0, out _));
        Assert.False(TextNormalizer.TryHashShortAsciiTerm("a\u0007b", 0, out _));
    }

    [Fact]
    public void HashTermAt_EveryPositionAndLengthOfAText_EqualsHashTermOfTheSlice()
    {
        // Tokens up to 17 characters at every offset, so the branch-free path (sixteen characters readable from the
        // start), its masks for every length and possessive, and the fallback near the end of the text all run.
        var texts = Gen.Elements("a", "Z", "s", "S", "'", "'s", "x's", "-", ".", "0", "9", "@", "`", "{", "~", " ", "\u2019", "\u00E9", "\u0007", "Mc")
            .ListOf().Select(list => string.Concat(list.Take(40))).ToArbitrary();
        Prop.ForAll(texts, text =>
        {
            for (int start = 0; start < text.Length; start++)
            {
                for (int length = 1; length <= Math.Min(17, text.Length - start); length++)
                {
                    if (TextNormalizer.HashTermAt(text, start, length, 7) != TextNormalizer.HashTerm(text.AsSpan(start, length), 7))
                    {
                        return false;
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
