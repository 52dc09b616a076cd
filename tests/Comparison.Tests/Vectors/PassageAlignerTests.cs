using Comparison.Tests.Support;
using Comparison.Vectors;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Vectors;

public class PassageAlignerTests
{
    private static readonly PassageAligner Aligner = new();

    [Fact]
    public void Align_Seeds002And004_FindsTheRewordedDiplomacyPassage()
    {
        var a = Seeds.Get("002");
        var b = Seeds.Get("004");
        var passages = Aligner.Align(a, b);
        var passage = Assert.Single(passages, p => Slice(a.Text, p.A).Contains("extensive diplomacy", StringComparison.Ordinal));
        string inA = Slice(a.Text, passage.A);
        string inB = Slice(b.Text, passage.B);
        Assert.Contains("Biden administration continues to engage in extensive diplomacy with our European allies and partners, consulting and coordinating on a common approach", inA, StringComparison.Ordinal);
        Assert.Contains("Biden administration continues to engage in extensive diplomacy with European partners and Allies, consulting and coordinating on a common approach", inB, StringComparison.Ordinal);
        Assert.InRange(passage.Similarity, 0.6, 0.99);
    }

    [Fact]
    public void Align_Seeds000And002_FindsTheUnwaveringSupportStatement()
    {
        var a = Seeds.Get("000");
        var b = Seeds.Get("002");
        var passages = Aligner.Align(a, b);
        var passage = Assert.Single(passages, p => Slice(a.Text, p.A).Contains("unwavering support", StringComparison.Ordinal));
        const string Statement = "unwavering support for Ukraine’s independence, sovereignty, and territorial integrity";
        Assert.Contains(Statement, Slice(a.Text, passage.A), StringComparison.Ordinal);
        Assert.Contains(Statement, Slice(b.Text, passage.B), StringComparison.Ordinal);
    }

    [Fact]
    public void Align_Seeds003And001_NoPassageOfCommonPhrasesOnly()
    {
        var passages = Aligner.Align(Seeds.Get("003"), Seeds.Get("001"));
        Assert.Empty(passages);
    }

    [Fact]
    public void Align_AllSeedPairs_SpansSliceBothTextsAndDoNotOverlap()
    {
        var seeds = Seeds.Load();
        foreach (var a in seeds)
        {
            foreach (var b in seeds)
            {
                var passages = Aligner.Align(a, b);
                AssertValid(a.Text, b.Text, passages);
                if (ReferenceEquals(a, b) && a.Text.Length > 0)
                {
                    var whole = Assert.Single(passages);
                    Assert.Equal(1.0, whole.Similarity);
                }
            }
        }
    }

    [Fact]
    public void Align_RandomEditedCopies_SpansSliceBothOriginalTexts()
    {
        string[] words = ["troops", "border", "talks", "the", "of", "Ukraine’s", "90,000", "said", "Minister", "“quoted”", "U.S.", "allies", "sanctions", "—", "and"];
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            string Text(int count) => string.Join(random.Next(3) == 0 ? "  " : " ", Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)]));
            string shared = Text(random.Next(0, 40));
            string edited = string.Join(' ', shared.Split(' ').Select(w => random.Next(8) == 0 ? "changed" : w));
            string a = Text(random.Next(0, 20)) + " " + shared + ". " + Text(random.Next(0, 20));
            string b = Text(random.Next(0, 10)) + "\n" + edited + " " + Text(random.Next(0, 30));
            var passages = Aligner.Align(a, b);
            AssertValid(a, b, passages);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Options_Invalid_ThrowNamingProperty()
    {
        Assert.Equal("SeedLength", Assert.Throws<ArgumentException>(() => new PassageAligner(new PassageAlignerOptions { SeedLength = 0 })).ParamName);
        Assert.Equal("MinSimilarity", Assert.Throws<ArgumentException>(() => new PassageAligner(new PassageAlignerOptions { MinSimilarity = 2 })).ParamName);
    }

    [Fact]
    public void Align_CancelledToken_Throws()
    {
        string text = Seeds.Load()[0].Text;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Aligner.Align(text, text, cancelled.Token));
    }

    [Fact]
    public void Align_TextRepeatingOnePhraseWithItself_IsOnePassageOverTheWholeText()
    {
        // 6,000 repeats of one sentence: each seed occurs 6,000 times in both texts, 36 million pairs if every
        // occurrence met every other; by rank they make a handful of diagonals, and the copy aligns with itself.
        string text = string.Concat(Enumerable.Repeat("Police said the gunman fled north in a grey sedan. ", 6_000)).TrimEnd();
        SharedPassage passage = Assert.Single(Aligner.Align(text, text));
        int end = text.Length - 1; // the final period is not a term
        Assert.Equal((0, end, 0, end), (passage.A.Start, passage.A.End, passage.B.Start, passage.B.End));
        Assert.Equal(1.0, passage.Similarity);
    }

    private static void AssertValid(string a, string b, IReadOnlyList<SharedPassage> passages)
    {
        for (int i = 0; i < passages.Count; i++)
        {
            SharedPassage p = passages[i];
            Assert.InRange(p.A.Start, 0, a.Length);
            Assert.InRange(p.A.End, p.A.Start + 1, a.Length);
            Assert.InRange(p.B.Start, 0, b.Length);
            Assert.InRange(p.B.End, p.B.Start + 1, b.Length);
            Assert.InRange(p.Similarity, 0.0, 1.0);
            Assert.False(char.IsWhiteSpace(a[p.A.Start]) || char.IsWhiteSpace(a[p.A.End - 1]));
            Assert.False(char.IsWhiteSpace(b[p.B.Start]) || char.IsWhiteSpace(b[p.B.End - 1]));
            for (int j = i + 1; j < passages.Count; j++)
            {
                Assert.True(passages[j].A.Start >= p.A.End, "passages overlap in A");
                Assert.True(passages[j].B.Start >= p.B.End || passages[j].B.End <= p.B.Start, "passages overlap in B");
            }
        }
    }

    private static string Slice(string text, Comparison.Text.TextSpan span) => text.Substring(span.Start, span.Length);

    [Fact]
    public void Align_TextLongerThanTheLimit_RefusedWithAClearError()
    {
        var aligner = new PassageAligner(PassageAlignerOptions.Default with { MaxTextLength = 20 });
        var e = Assert.Throws<Comparison.Documents.DocumentFormatException>(() => aligner.Align(new Comparison.Documents.Document("big", new string('a', 21)), new Comparison.Documents.Document("b", "short")));
        Assert.Contains("'big'", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxTextLength", e.Message, StringComparison.Ordinal);
        Assert.Empty(aligner.Align(new string('a', 20), "short"));
        Assert.Throws<ArgumentException>(() => new PassageAligner(PassageAlignerOptions.Default with { MaxTextLength = 0 }));
    }
}
