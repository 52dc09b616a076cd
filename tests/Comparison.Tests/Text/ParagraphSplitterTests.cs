using Comparison.Tests.Support;
using Comparison.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Text;

public class ParagraphSplitterTests
{
    private static string[] Paragraphs(string text) =>
        ParagraphSplitter.Split(text).Select(s => text.Substring(s.Start, s.Length)).ToArray();

    [Fact]
    public void Split_BlankLines_SeparateParagraphs()
    {
        Assert.Equal(new[] { "One.", "Two\nthree." }, Paragraphs("  One.\r\n\r\n \nTwo\nthree.\n\n"));
    }

    [Fact]
    public void Split_OneLinePerParagraph_SeparatesLines()
    {
        Assert.Equal(
            new[] { "Headline Here", "First paragraph.", "\"Quoted paragraph,\" he said." },
            Paragraphs("Headline Here\nFirst paragraph.\n\"Quoted paragraph,\" he said."));
    }

    [Fact]
    public void Split_EmptyOrBlank_GivesNothing()
    {
        Assert.Empty(ParagraphSplitter.Split(string.Empty));
        Assert.Empty(ParagraphSplitter.Split(" \n\u200B\n\t"));
    }

    [Fact]
    public void Split_AnyString_SpansSliceTheTextInOrder()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            s ??= string.Empty;
            return Spans.SliceInOrder(s, ParagraphSplitter.Split(s), trimmed: true);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Split_OddUnicode_SpansSliceTheText()
    {
        Prop.ForAll(TextGenerators.OddText, s => Spans.SliceInOrder(s, ParagraphSplitter.Split(s), trimmed: true)).QuickCheckThrowOnFailure();
    }
}
