using Comparison.Tests.Support;
using Comparison.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text) =>
        SentenceSplitter.Split(text).Select(s => text.Substring(s.Start, s.Length)).ToArray();

    [Fact]
    public void Split_AbbreviationsDecimalsAndInitials_DoNotBreak()
    {
        const string text = "The U.S. State Department said on Dec. 29 that growth was 1.2 percent. Mr. Price and George W. Bush agreed. It ended.";
        Assert.Equal(
            new[] { "The U.S. State Department said on Dec. 29 that growth was 1.2 percent.", "Mr. Price and George W. Bush agreed.", "It ended." },
            Sentences(text));
    }

    [Fact]
    public void Split_AbbreviationBeforeSentenceOpener_Breaks()
    {
        Assert.Equal(new[] { "He moved to the U.S.", "The rest followed." }, Sentences("He moved to the U.S. The rest followed."));
    }

    [Fact]
    public void Split_InsideQuotes_DoesNotBreak()
    {
        const string text = "\"Stop. Now,\" he said. “We will continue. Always.” Price said. She asked: \"Why?\" Then left.";
        Assert.Equal(
            new[] { "\"Stop. Now,\" he said.", "“We will continue. Always.”", "Price said.", "She asked: \"Why?\"", "Then left." },
            Sentences(text));
    }

    [Fact]
    public void Split_LowerCaseAfterEllipsis_DoesNotBreak()
    {
        Assert.Equal(new[] { "Support for Ukraine... and partners.", "Next!" }, Sentences("Support for Ukraine... and partners. Next!"));
    }

    [Fact]
    public void Split_Paragraphs_AlwaysBreak()
    {
        Assert.Equal(new[] { "Headline without period", "Body text here." }, Sentences("Headline without period\n\nBody text here."));
    }

    [Fact]
    public void Split_Seeds_GivesPlausibleSentences()
    {
        foreach (var document in Seeds.Load())
        {
            var sentences = SentenceSplitter.Split(document.Text);
            Assert.True(sentences.Length >= 3, document.Id);
            Assert.All(sentences, s => Assert.True(s.Length < 1500, document.Id + " has a sentence of " + s.Length));
        }
    }

    [Fact]
    public void Split_AnyString_SpansSliceTheTextInOrder()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            s ??= string.Empty;
            return Spans.SliceInOrder(s, SentenceSplitter.Split(s), trimmed: true);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Split_OddUnicode_SpansSliceTheText()
    {
        Prop.ForAll(TextGenerators.OddText, s => Spans.SliceInOrder(s, SentenceSplitter.Split(s), trimmed: true)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Split_HugeRandomUtf16_SlicesTheText()
    {
        string text = RandomText.Utf16(1_000_000, seed: 2);
        Assert.True(Spans.SliceInOrder(text, SentenceSplitter.Split(text), trimmed: true));
    }
}
