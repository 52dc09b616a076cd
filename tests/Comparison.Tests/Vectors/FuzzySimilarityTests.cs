using Comparison.Vectors;
using FsCheck;
using FsCheck.Fluent;
using FuzzySharp;

namespace Comparison.Tests.Vectors;

public class FuzzySimilarityTests
{
    private static readonly Func<string, string, FuzzyPreprocessing, int>[] Measures =
    [
        FuzzySimilarity.Ratio,
        FuzzySimilarity.PartialRatio,
        FuzzySimilarity.TokenSetRatio,
        FuzzySimilarity.WeightedRatio,
    ];

    [Fact]
    public void Ratio_KittenSitting_IsIndelRatio()
    {
        // Longest common subsequence "ittn" (4): distance with substitution cost 2 = 6 + 7 - 2*4 = 5;
        // ratio = (13 - 5) / 13 = 0.615 -> 62.
        Assert.Equal(62, FuzzySimilarity.Ratio("kitten", "sitting"));
    }

    [Fact]
    public void Ratio_TrailingPunctuation_DependsOnPreprocessing()
    {
        // Raw: one deletion over 14 + 15 characters: 28 / 29 = 0.9655 -> 97 (fuzzywuzzy's README value).
        Assert.Equal(97, FuzzySimilarity.Ratio("this is a test", "this is a test!", FuzzyPreprocessing.None));
        // Normalised, the "!" is a word break at the end and is trimmed away: equal texts.
        Assert.Equal(100, FuzzySimilarity.Ratio("this is a test", "this is a test!"));
        Assert.Equal(0, FuzzySimilarity.Ratio("A", "a", FuzzyPreprocessing.None));
        Assert.Equal(100, FuzzySimilarity.Ratio("A", "a"));
    }

    [Fact]
    public void PartialRatio_SubstringAndReadmeExamples()
    {
        Assert.Equal(100, FuzzySimilarity.PartialRatio("this is a test", "this is a test!", FuzzyPreprocessing.None));
        Assert.Equal(100, FuzzySimilarity.PartialRatio("Ukraine", "Russia and Ukraine talks"));
        // FuzzySharp's README value.
        Assert.Equal(71, FuzzySimilarity.PartialRatio("similar", "somewhresimlrbetweenthisstring"));
    }

    [Fact]
    public void TokenSetRatio_RepeatedAndReorderedWords_Score100()
    {
        // Sets {fuzzy, was, a, bear} and the same: the intersection equals both sides.
        Assert.Equal(100, FuzzySimilarity.TokenSetRatio("fuzzy was a bear", "fuzzy fuzzy was a bear"));
        Assert.Equal(100, FuzzySimilarity.TokenSetRatio("Fuzzy Was A Bear!", "a bear, fuzzy was"));
        // Raw, "Fuzzy"/"Was"/"A"/"Bear!" share no word with the lower-case text: plain ratio of the sorted texts.
        Assert.True(FuzzySimilarity.TokenSetRatio("Fuzzy Was A Bear!", "fuzzy was a bear", FuzzyPreprocessing.None) < 100);
    }

    [Fact]
    public void TokenSetRatio_HandExample()
    {
        // Shared {talks}; a only {peace}, b only {trade}: "talks" vs "talks peace" vs "talks trade".
        // ratio("talks", "talks peace") = (5 + 11 - 6) / 16 = 0.625 -> 62 (ties to even: 62.5 -> 62);
        // ratio("talks peace", "talks trade"): common subsequence "talks " + "ae" (8) -> (22 - 6) / 22 = 0.727 -> 73.
        Assert.Equal(73, FuzzySimilarity.TokenSetRatio("peace talks", "trade talks"));
    }

    [Fact]
    public void WeightedRatio_HandExamples()
    {
        // Similar lengths (no partials). Raw: "The"/"the" (2), "jimps"/"jumps" (2), "ofver"/"over" (1) -> (99 - 5) / 99 -> 95,
        // FuzzySharp's README value; normalised the case goes: (99 - 3) / 99 -> 97.
        const string a = "The quick brown fox jimps ofver the small lazy dog";
        const string b = "the quick brown fox jumps over the small lazy dog";
        Assert.Equal(95, FuzzySimilarity.WeightedRatio(a, b, FuzzyPreprocessing.None));
        Assert.Equal(97, FuzzySimilarity.WeightedRatio(a, b));
        // 3 vs 11 characters: partials scaled by 0.9; "abc" occurs in the other -> partial 100 * 0.9 = 90 beats
        // token set 100 * 0.95 * 0.9 = 85.5 and the plain ratio (14 - 8) / 14 -> 43.
        Assert.Equal(90, FuzzySimilarity.WeightedRatio("abc", "abc xyz abc"));
        // 3 vs 27 characters (more than 8 times longer): partial scale 0.6 -> 60.
        Assert.Equal(60, FuzzySimilarity.WeightedRatio("abc", "abc defghijklmnopqrstuvwxyz"));
    }

    [Fact]
    public void Preprocess_KeepsLettersOfEveryScriptAndFoldsCase()
    {
        Assert.Equal("josé s visit to kyiv", FuzzySimilarity.Preprocess("  JOSÉ’s visit — to “Kyiv”!  "));
        Assert.Equal("зеленский", FuzzySimilarity.Preprocess("Зеленский"));
        Assert.Equal("", FuzzySimilarity.Preprocess("?!  --"));
        Assert.Equal(100, FuzzySimilarity.WeightedRatio("Biden's", "BIDEN S"));
        Assert.True(FuzzySimilarity.Ratio("José", "Jose") is > 50 and < 100);
    }

    [Fact]
    public void EmptyTexts_ScoreZero()
    {
        foreach (var measure in Measures)
        {
            Assert.Equal(0, measure("", "title", FuzzyPreprocessing.Normalize));
            Assert.Equal(0, measure("", "", FuzzyPreprocessing.None));
            Assert.Equal(0, measure("!!", "!!", FuzzyPreprocessing.Normalize));
            Assert.Equal(100, measure("!!", "!!", FuzzyPreprocessing.None));
        }
    }

    [Fact]
    public void NullArguments_ThrowNamingTheArgument()
    {
        foreach (var measure in Measures)
        {
            Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => measure(null!, "x", FuzzyPreprocessing.Normalize)).ParamName);
            Assert.Equal("b", Assert.Throws<ArgumentNullException>(() => measure("x", null!, FuzzyPreprocessing.None)).ParamName);
            Assert.Equal("preprocessing", Assert.Throws<ArgumentOutOfRangeException>(() => measure("x", "y", (FuzzyPreprocessing)7)).ParamName);
        }

        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => FuzzySimilarity.Preprocess(null!)).ParamName);
    }

    [Fact]
    public void Measures_Properties_SymmetricBoundedAnd100ForIdentical()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            string a = RandomTitle(random);
            string b = random.Next(3) == 0 ? Edit(random, a) : RandomTitle(random);
            foreach (FuzzyPreprocessing preprocessing in new[] { FuzzyPreprocessing.Normalize, FuzzyPreprocessing.None })
            {
                foreach (var measure in Measures)
                {
                    int ab = measure(a, b, preprocessing);
                    if (ab != measure(b, a, preprocessing) || ab is < 0 or > 100)
                    {
                        return false;
                    }

                    bool empty = preprocessing == FuzzyPreprocessing.Normalize ? FuzzySimilarity.Preprocess(a).Length == 0 : a.Length == 0;
                    if (measure(a, a, preprocessing) != (empty ? 0 : 100))
                    {
                        return false;
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Measures_OnPreprocessedAsciiText_EqualFuzzySharp()
    {
        // On lower-case ASCII words FuzzySharp's culture-sensitive word sort agrees with our ordinal one, so our
        // compositions must give FuzzySharp's own figures (the partial ratio only where its argument order cannot matter).
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            string a = FuzzySimilarity.Preprocess(RandomTitle(random));
            string b = FuzzySimilarity.Preprocess(random.Next(3) == 0 ? Edit(random, a) : RandomTitle(random));
            if (a.Length == 0 || b.Length == 0)
            {
                return true;
            }

            const FuzzyPreprocessing none = FuzzyPreprocessing.None;
            return FuzzySimilarity.Ratio(a, b, none) == Fuzz.Ratio(a, b)
                && FuzzySimilarity.TokenSetRatio(a, b, none) == Fuzz.TokenSetRatio(a, b)
                && FuzzySimilarity.WeightedRatio(a, b, none) == Fuzz.WeightedRatio(a, b)
                && (a.Length == b.Length || FuzzySimilarity.PartialRatio(a, b, none) == Fuzz.PartialRatio(a, b));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void PartialRatio_EqualLengths_IsSymmetricWhereFuzzySharpIsNot()
    {
        // FuzzySharp takes the second text as the shorter one when the lengths are equal.
        const string a = " c cc ";
        const string b = "b cc  ";
        Assert.NotEqual(Fuzz.PartialRatio(a, b), Fuzz.PartialRatio(b, a));
        int expected = Math.Max(Fuzz.PartialRatio(a, b), Fuzz.PartialRatio(b, a));
        Assert.Equal(expected, FuzzySimilarity.PartialRatio(a, b, FuzzyPreprocessing.None));
        Assert.Equal(expected, FuzzySimilarity.PartialRatio(b, a, FuzzyPreprocessing.None));
    }

    private static readonly string[] Words =
    [
        "talks", "peace", "minister", "Kyiv", "border", "troops", "said", "the", "of", "U.S.", "José", "Зеленский",
        "summit", "crisis", "sanctions", "NATO", "2022", "1.2", "“quote”", "—", "won't", "a", "an", "talk",
    ];

    private static string RandomTitle(Random random)
    {
        int count = random.Next(0, 9);
        var parts = new string[count];
        for (int i = 0; i < count; i++)
        {
            parts[i] = Words[random.Next(Words.Length)];
        }

        return string.Join(random.Next(4) == 0 ? "  " : " ", parts);
    }

    private static string Edit(Random random, string text)
    {
        if (text.Length == 0)
        {
            return "x";
        }

        char[] chars = text.ToCharArray();
        chars[random.Next(chars.Length)] = (char)('a' + random.Next(26));
        return random.Next(2) == 0 ? new string(chars) : new string(chars) + " said";
    }
}
