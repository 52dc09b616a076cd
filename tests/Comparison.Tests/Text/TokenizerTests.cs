using Comparison.Tests.Support;
using Comparison.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Text;

public class TokenizerTests
{
    private static (string Text, TokenKind Kind)[] Tokens(string text) =>
        Tokenizer.Tokenize(text).Select(t => (text.Substring(t.Start, t.Length), t.Kind)).ToArray();

    private static string[] Words(string text) => Tokens(text).Select(t => t.Text).ToArray();

    [Theory]
    [InlineData("over 90,000 troops", "90,000")]
    [InlineData("grew 1.2 percent", "1.2")]
    [InlineData("cost 2,500.75 dollars", "2,500.75")]
    [InlineData("in 2021.", "2021")]
    public void Tokenize_Numbers_AreOneNumberToken(string text, string number)
    {
        Assert.Contains((number, TokenKind.Number), Tokens(text));
    }

    [Theory]
    [InlineData("a 50-minute call", "50-minute")]
    [InlineData("the U.S. said", "U.S.")]
    [InlineData("the U.S.-led talks", "U.S.-led")]
    [InlineData("on Dec. 29", "Dec.")]
    [InlineData("in Jan. and", "Jan.")]
    [InlineData("said Mr. Price", "Mr.")]
    [InlineData("St. Petersburg", "St.")]
    [InlineData("Ukraine's borders", "Ukraine's")]
    [InlineData("Ukraine’s borders", "Ukraine’s")]
    [InlineData("we don't know", "don't")]
    [InlineData("COVID-19 cases", "COVID-19")]
    [InlineData("George W. Bush", "W.")]
    [InlineData("Zelen\u00ADsky said", "Zelen\u00ADsky")]
    public void Tokenize_Words_KeepJoinersAndAbbreviationPeriods(string text, string word)
    {
        Assert.Contains((word, TokenKind.Word), Tokens(text));
    }

    [Fact]
    public void Tokenize_Handles_AreHandleTokens()
    {
        var tokens = Tokens("President @ZelenskyyUa and #Ukraine, mail a@b.c");
        Assert.Contains(("@ZelenskyyUa", TokenKind.Handle), tokens);
        Assert.Contains(("#Ukraine", TokenKind.Handle), tokens);
        Assert.DoesNotContain(("@b", TokenKind.Handle), tokens);
    }

    [Fact]
    public void Tokenize_Sentence_SplitsPunctuationAndDates()
    {
        Assert.Equal(
            new[] { "He", "said", ":", "\"", "Stop", "...", "now", "!", "\"", "2021", "-", "12", "-", "30", "—", "end", "." },
            Words("He said: \"Stop... now!\" 2021-12-30 — end."));
        Assert.Equal(TokenKind.Punctuation, Tokens("Stop...")[1].Kind);
        Assert.Equal(TokenKind.Symbol, Tokens("$5")[0].Kind);
    }

    [Fact]
    public void Tokenize_TrailingPeriodOfOrdinaryWord_IsPunctuation()
    {
        Assert.Equal(new[] { "the", "end", "." }, Words("the end."));
        Assert.Equal(new[] { "Plan", "a", "." }, Words("Plan a."));
    }

    [Fact]
    public void Tokenize_AnyString_TokensSliceTheTextInOrderWithoutOverlap()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            s ??= string.Empty;
            return Spans.SliceInOrder(s, Tokenizer.Tokenize(s).Select(t => t.Span), trimmed: true);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Tokenize_SpanOverload_AppendsTheSameTokens()
    {
        const string text = "Reiterated full U.S. support for Ukraine’s 90,000-strong army, @NATO said.";
        var list = new List<Token> { new(0, 1, TokenKind.Symbol) };
        Tokenizer.Tokenize(text.AsSpan(), list);
        Assert.Equal(Tokenizer.Tokenize(text), list.Skip(1));
    }

    [Fact]
    public void Tokenize_OddUnicode_TokensSliceTheText()
    {
        Prop.ForAll(TextGenerators.OddText, s => Spans.SliceInOrder(s, Tokenizer.Tokenize(s).Select(t => t.Span), trimmed: true))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Tokenize_HugeRandomUtf16_SlicesTheText()
    {
        string text = RandomText.Utf16(2_000_000, seed: 1);
        Assert.True(Spans.SliceInOrder(text, Tokenizer.Tokenize(text).Select(t => t.Span), trimmed: true));
    }

    [Fact]
    public void Tokenize_VectorScan_EqualsScalarScan_Property()
    {
        // Odd Unicode pieces and plain news words, so that words both cross and stop inside 8-character blocks.
        var words = Gen.Elements("a", "Z", "0", "9", "news", "Ukraine's", "U.S.-led", "90,000", "2021-12-30", "Dec.", "x­y",
            "café", "Łodz", "abcd", "longerwordsthanablock", "12345678901", " ", ". ", "@tag", "’", "-");
        var texts = Gen.OneOf(TextGenerators.OddText.Generator, words.ListOf().Select(l => string.Concat(l.Take(60)))).ToArbitrary();
        Prop.ForAll(texts, s =>
        {
            var scalar = new List<Token>();
            Tokenizer.TokenizeScalar(s, scalar);
            return Tokenizer.Tokenize(s).SequenceEqual(scalar);
        }).QuickCheckThrowOnFailure();
        string news = string.Concat(Enumerable.Repeat("The U.S.-led talks on Dec. 29 drew 90,000 people to Ukraine’s capital. ", 50));
        var reference = new List<Token>();
        Tokenizer.TokenizeScalar(news, reference);
        Assert.Equal(reference, Tokenizer.Tokenize(news));
    }

    [Fact]
    public void TokenizePiece_AnyPieceLength_PiecesGiveTheWholeTextsTokens_Property()
    {
        // Odd Unicode, news words and invisibles with windows of 1 to 24 characters: every piece ends after a space
        // or a line break, and the pieces' tokens, one after the other, are the tokens of the text read whole.
        var words = Gen.Elements("a", "Z", "90,000", "2021-12-30", "U.S.-led", "Dec.", "Mr.", "J.", "Ukraine's", "x\u200By",
            "@tag", "#tag", "e@mail", "...", " ", "  ", "\n", ". ", ", ", "-", "\u00AD", "\u200D", "caf\u00E9", "\uD83D\uDE00");
        var texts = Gen.OneOf(TextGenerators.OddText.Generator, words.ListOf().Select(l => string.Concat(l.Take(80)))).ToArbitrary();
        Prop.ForAll(texts, Gen.Choose(1, 24).ToArbitrary(), (text, window) =>
        {
            var whole = new List<Token>();
            Tokenizer.TokenizePiece(text, 0, whole, int.MaxValue);
            var pieces = new List<Token>();
            int start = 0;
            while (start < text.Length)
            {
                int end = Tokenizer.TokenizePiece(text, start, pieces, window);
                if (end <= start || (end < text.Length && text[end - 1] is not (' ' or '\n')))
                {
                    return false;
                }

                start = end;
            }

            return pieces.SequenceEqual(whole) && Tokenizer.Tokenize(text).SequenceEqual(whole);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AsciiAlphanumericRun_AnyEightCharacters_CountsLeadingLettersAndDigits_Property()
    {
        var chars = Gen.Elements('a', 'z', 'A', 'Z', '0', '9', '@', '[', '`', '{', '/', ':', ' ', '-', '\'', '\u0000', '\u007F', '\u00E9', '\u0141', '\u0661', '\uFF21');
        Prop.ForAll(chars.ArrayOf().Select(a => new string(a.Take(12).ToArray()).PadRight(8, '.')).ToArbitrary(), s =>
        {
            int expected = 0;
            while (expected < 8 && (char.IsAsciiLetter(s[expected]) || char.IsAsciiDigit(s[expected])))
            {
                expected++;
            }

            int run = Tokenizer.AsciiAlphanumericRun(s, 0, out bool anyLetter);
            return run == expected && anyLetter == s.Take(expected).Any(char.IsAsciiLetter);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Tokenize_InvisibleCharactersBetweenLetters_GiveTheOriginalsTokensOverTheLacedText()
    {
        const string text = "The U.S. said Ukraine's 90,000 troops on 2021-12-30, e.g. @NATO.";
        Token[] plain = [.. Tokenizer.Tokenize(text)];
        foreach (string invisible in TextGenerators.Invisibles)
        {
            string laced = TextGenerators.Lace(text, invisible);
            Token[] tokens = [.. Tokenizer.Tokenize(laced)];
            Assert.Equal(plain.Select(t => t.Kind), tokens.Select(t => t.Kind));
            Assert.Equal(
                plain.Select(t => text.Substring(t.Start, t.Length)),
                tokens.Select(t => laced.Substring(t.Start, t.Length).Replace(invisible, string.Empty, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Tokenize_AnyTextWithInvisiblesAdded_SameTokenTextsAndSpansSliceTheOriginal_Property()
    {
        var laced = Gen.Elements(TextGenerators.Invisibles).ListOf().Select(list => list.ToArray());
        Prop.ForAll(TextGenerators.OddText, laced.ToArbitrary(), (text, invisibles) =>
        {
            // Insert the invisibles at evenly spread code-unit positions that do not split a surrogate pair.
            var builder = new System.Text.StringBuilder(text);
            for (int k = invisibles.Length - 1; k >= 0; k--)
            {
                int at = text.Length * k / Math.Max(1, invisibles.Length);
                if (at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) && char.IsHighSurrogate(text[at - 1]))
                {
                    at--;
                }

                builder.Insert(at, invisibles[k]);
            }

            string withInvisibles = builder.ToString();
            string Visible(string s) => string.Concat(s.EnumerateRunes().Where(r => !TextGenerators.Invisibles.Contains(r.ToString())).Select(r => r.ToString()));
            Token[] a = [.. Tokenizer.Tokenize(text)];
            Token[] b = [.. Tokenizer.Tokenize(withInvisibles)];
            return a.Select(t => (t.Kind, Visible(text.Substring(t.Start, t.Length)))).SequenceEqual(b.Select(t => (t.Kind, Visible(withInvisibles.Substring(t.Start, t.Length)))))
                && b.All(t => t.Start >= 0 && t.Length > 0 && t.End <= withInvisibles.Length);
        }).QuickCheckThrowOnFailure();
    }
}
