using Comparison.Tests.Support;
using Comparison.Hashing;
using Comparison.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Text;

public class ShinglerTests
{
    [Fact]
    public void Hash_WordShingles_FollowTheDocumentedConstruction()
    {
        const string text = "The U.S. said: Ukraine’s 90,000 troops!";
        var shingler = new Shingler(new ShinglerOptions { Size = 2, Seed = 9 });
        string[] terms = ["the", "u.s.", "said", "ukraine", "90,000", "troops"];
        ulong[] tokenHashes = terms.Select(t => XxHash64.HashChars(t, 9)).ToArray();
        ulong[] expected = Enumerable.Range(0, terms.Length - 1).Select(i => XxHash64.HashUInt64s(tokenHashes.AsSpan(i, 2), 9)).ToArray();
        Assert.Equal(expected, shingler.Hash(text));
        Assert.Equal(terms.Length, shingler.TokensFor(text).Length);
    }

    [Fact]
    public void Hash_CaseQuotesAndPossessives_DoNotChangeShingles()
    {
        var shingler = new Shingler();
        Assert.Equal(shingler.Hash("Blinken backed Ukraine's bid for more aid"), shingler.Hash("BLINKEN backed  Ukraine’s bid, for more aid."));
        Assert.NotEqual(shingler.Hash("a b c d e"), shingler.Hash("b a c d e"));
    }

    [Fact]
    public void Hash_CharacterShingles_HashNormalizedWindows()
    {
        var shingler = new Shingler(new ShinglerOptions { Kind = ShingleKind.Character, Size = 3 });
        ulong[] hashes = shingler.Hash("AB  Cd");
        Assert.Equal(new[] { "ab ", "b c", " cd" }.Select(s => XxHash64.HashChars(s)).ToArray(), hashes);
    }

    [Fact]
    public void Hash_AnyWords_CountIsTokensMinusSizePlusOneOrOneForAShortText()
    {
        var words = ArbMap.Default.ArbFor<string[]>();
        Prop.ForAll(words, Gen.Choose(1, 8).ToArbitrary(), (array, size) =>
        {
            string text = string.Join(" ", array.Where(w => w is not null));
            var shingler = new Shingler(new ShinglerOptions { Size = size });
            int n = shingler.TokensFor(text).Length;
            return shingler.Hash(text).Length == ShingleCount(n, size);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Hash_LongText_MatchesRecomputationFromTokens()
    {
        // More tokens than the internal window buffer, so the buffer shift is exercised.
        string text = string.Join(" ", Enumerable.Range(0, 1000).Select(i => "w" + (i % 37)));
        var shingler = new Shingler(new ShinglerOptions { Size = 7, Seed = 3 });
        var tokens = shingler.TokensFor(text);
        ulong[] tokenHashes = tokens.Select(t => XxHash64.HashChars(text.AsSpan(t.Start, t.Length), 3)).ToArray();
        ulong[] expected = Enumerable.Range(0, tokens.Length - 6).Select(i => XxHash64.HashLanes(tokenHashes.AsSpan(i, 7), 3)).ToArray();
        Assert.Equal(expected, shingler.Hash(text));
    }

    [Fact]
    public void Hash_TextOfManyPiecesWithInvisibles_EqualsTheDefinitionAndTheTextWithoutThem()
    {
        // About 300,000 characters, read in pieces of 64 K: a zero-width space inside every seventh word, so most
        // pieces are stripped into the pooled buffers while the window of token hashes runs on across them.
        var random = new Random(15);
        string[] vocabulary = ["police", "said", "U.S.", "90,000", "Dec.", "Ukraine's", "a", "reportedly", "x", "2021-12-30"];
        var plain = new System.Text.StringBuilder();
        var laced = new System.Text.StringBuilder();
        for (int i = 0; plain.Length < 300_000; i++)
        {
            string word = vocabulary[random.Next(vocabulary.Length)];
            string separator = random.Next(9) == 0 ? "\n" : " ";
            plain.Append(word).Append(separator);
            laced.Append(i % 7 == 0 && word.Length > 1 ? word.Insert(1, "\u200B") : word).Append(separator);
        }

        var shingler = new Shingler(new ShinglerOptions { Size = 5, Seed = 9 });
        string text = plain.ToString();
        var tokens = shingler.TokensFor(text);
        ulong[] terms = tokens.Select(t => XxHash64.HashChars(TextNormalizer.NormalizeTerm(text.AsSpan(t.Start, t.Length)), 9)).ToArray();
        ulong[] expected = Enumerable.Range(0, terms.Length - 4).Select(i => XxHash64.HashLanes(terms.AsSpan(i, 5), 9)).ToArray();
        Assert.Equal(expected, shingler.Hash(text));
        Assert.Equal(expected, shingler.Hash(laced.ToString()));
    }

    [Fact]
    public void Hash_WordsAmongEveryKindOfSeparator_EqualsTheDefinitionOverTokenizerTokens()
    {
        // Words of 1 to 20 characters (the fast path takes up to 15 followed by a space) glued together by spaces,
        // runs of spaces, and every joiner and stop the Tokenizer has rules for, so that a word the fast path could
        // misread (one continued by a hyphen, apostrophe, period, comma or a non-ASCII letter) occurs often.
        var words = Gen.Elements("a", "Bc", "don", "U", "S", "s", "x7", "2021", "45", "000", "Mr", "Dec", "Ukraine", "ABCDEFGHIJKLMNO", "abcdefghijklmnop", "caf\u00E9", "w1234567890123456789");
        var separators = Gen.Elements(" ", " ", " ", "  ", "-", "'", "'s ", ".", ". ", ",", ", ", "\u2019", "\u00AD", "\u200B", "\t", "\n", "@", "#", "...", "\u00E9 ", "!");
        var texts = Gen.Zip(words, separators).Select(pair => pair.Item1 + pair.Item2).ListOf()
            .Select(list => string.Concat(list.Take(120))).ToArbitrary();
        var shingler = new Shingler(new ShinglerOptions { Size = 3, Seed = 11 });
        Prop.ForAll(texts, text =>
        {
            var tokens = shingler.TokensFor(text);
            ulong[] terms = tokens.Select(t => XxHash64.HashChars(TextNormalizer.NormalizeTerm(text.AsSpan(t.Start, t.Length)), 11)).ToArray();
            ulong[] expected = terms.Length is > 0 and < 3
                ? [XxHash64.HashLanes(terms, 11)]
                : Enumerable.Range(0, Math.Max(0, terms.Length - 2)).Select(i => XxHash64.HashLanes(terms.AsSpan(i, 3), 11)).ToArray();
            return expected.SequenceEqual(shingler.Hash(text));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void HashRoundedLanes_AnyValues_EqualsHashLanes_Property()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<ulong[]>(), ArbMap.Default.ArbFor<ulong>(), (values, seed) =>
        {
            values ??= [];
            ulong[] rounds = values.Select(XxHash64.LaneRound).ToArray();
            return XxHash64.HashRoundedLanes(rounds, seed) == XxHash64.HashLanes(values, seed);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Constructor_BadSize_NamesTheProperty()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Shingler(new ShinglerOptions { Size = 0 }));
        Assert.Equal("Size", e.ParamName);
        Assert.Throws<ArgumentNullException>(() => new Shingler(null!));
    }

    [Fact]
    public void Hash_OddUnicode_CountsMatchTokensAndNormalizedLength()
    {
        var words = new Shingler(new ShinglerOptions { Size = 2 });
        var chars = new Shingler(new ShinglerOptions { Kind = ShingleKind.Character, Size = 3 });
        Prop.ForAll(TextGenerators.OddText, s =>
            words.Hash(s).Length == ShingleCount(words.TokensFor(s).Length, 2)
            && chars.Hash(s).Length == ShingleCount(TextNormalizer.Normalize(s).Text.Length, 3)
            && Spans.SliceInOrder(s, words.TokensFor(s).Select(t => t.Span), trimmed: true)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Hash_HugeRandomUtf16_IsDeterministic()
    {
        string text = RandomText.Utf16(1_000_000, seed: 3);
        var shingler = new Shingler();
        Assert.Equal(shingler.Hash(text), shingler.Hash(text));
        Assert.Equal(ShingleCount(shingler.TokensFor(text).Length, 5), shingler.Hash(text).Length);
    }

    [Fact]
    public void Hash_ShortText_IsOneShingleOfAllItsTokens()
    {
        var shingler = new Shingler(new ShinglerOptions { Size = 5, Seed = 4 });
        ulong[] terms = new[] { "earthquake", "hits", "japan" }.Select(t => XxHash64.HashChars(t, 4)).ToArray();
        Assert.Equal(new[] { XxHash64.HashLanes(terms, 4) }, shingler.Hash("Earthquake hits Japan"));
        Assert.NotEqual(shingler.Hash("Earthquake hits Japan"), shingler.Hash("Biden meets Putin"));
        Assert.Empty(shingler.Hash(""));
        Assert.Empty(shingler.Hash("?! --"));

        var chars = new Shingler(new ShinglerOptions { Kind = ShingleKind.Character, Size = 5 });
        Assert.Equal(new[] { XxHash64.HashChars("ab c") }, chars.Hash("AB  C"));
        Assert.Empty(chars.Hash(""));
    }

    // n tokens (or characters) give n - size + 1 shingles, a short text one, an empty text none.
    private static int ShingleCount(int n, int size) => n == 0 ? 0 : Math.Max(1, n - size + 1);
}
