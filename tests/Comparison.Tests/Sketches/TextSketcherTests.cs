using Comparison.Sketches;
using Comparison.Tests.Support;
using Comparison.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Sketches;

public class TextSketcherTests
{
    [Fact]
    public void Sketch_EqualsShingleThenSign()
    {
        var sketcher = new TextSketcher(new ShinglerOptions { Size = 3 }, new MinHashOptions { Scheme = MinHashScheme.OnePermutation, Seed = 5 });
        foreach (var document in Seeds.Load())
        {
            MinHashSignature expected = sketcher.Hasher.Compute(sketcher.Shingler.Hash(document.Text));
            Assert.Equal(expected, sketcher.Sketch(document.Text));
            Assert.Equal(expected, sketcher.Sketch(document.Text.AsSpan(), out ShingleSet shingles));
            Assert.Equal(ShingleSet.Create(sketcher.Shingler.Hash(document.Text)).Items.ToArray(), shingles.Items.ToArray());
        }
    }

    [Fact]
    public void Sketch_IdenticalTextsScoreOne_Property()
    {
        var sketcher = new TextSketcher();
        Prop.ForAll(
            ArbMap.Default.ArbFor<NonEmptyString>(),
            text =>
            {
                string t = text.Get + " one two three four five six";
                return sketcher.Sketch(t).EstimateJaccard(sketcher.Sketch(new string(t.AsSpan()))).Value == 1.0;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Sketch_SameWordsOtherCaseAndSpacing_ScoresOne_Property()
    {
        string[] vocabulary = ["troops", "border", "minister", "said", "on", "Thursday", "talks", "the", "U.S.", "90,000"];
        var sketcher = new TextSketcher();
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                var random = new Random(seed);
                string[] words = Enumerable.Range(0, random.Next(5, 60)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
                string plain = string.Join(' ', words);
                string reformatted = "  " + string.Join(random.Next(2) == 0 ? "\n  " : "\t", words.Select(w => random.Next(2) == 0 ? w.ToUpperInvariant() : w)) + "\n";
                return sketcher.Sketch(plain).EstimateJaccard(sketcher.Sketch(reformatted)).Value == 1.0;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Sketch_ShortTexts_AreOneShingleAndMatchOnlyTheSameWords()
    {
        var sketcher = new TextSketcher();
        MinHashSignature japan = sketcher.Sketch("Earthquake hits Japan");
        Assert.False(japan.IsEmpty);
        Assert.Equal(1, sketcher.Shingles("Earthquake hits Japan").Count);
        Assert.Equal(0.0, japan.EstimateJaccard(sketcher.Sketch("Biden meets Putin")).Value);
        Assert.Equal(1.0, japan.EstimateJaccard(sketcher.Sketch("EARTHQUAKE hits  Japan!")).Value);

        // A short text shares nothing with a longer one that contains it.
        Assert.Equal(0.0, sketcher.Shingles("Earthquake hits Japan").Jaccard(sketcher.Shingles("Earthquake hits Japan, officials say today")));
        Assert.True(sketcher.Sketch("").IsEmpty);
        Assert.True(sketcher.Sketch(" ... !").IsEmpty);
        Assert.False(sketcher.Sketch("now there are five words").IsEmpty);
        Assert.Throws<ArgumentNullException>(() => sketcher.Sketch((string)null!));
    }
}
