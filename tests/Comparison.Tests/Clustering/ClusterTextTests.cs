using Comparison.Clustering;
using Comparison.Documents;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Clustering;

public class ClusterTextTests
{
    [Fact]
    public void RemoveRepeatedLines_AnyLines_EqualsTheSplitAndSetDefinition_Property()
    {
        var lines = Gen.Elements("", " ", "A", " A", "A ", "B", "b", "Police said.", "  ", "\r", "A\r", "C D", "\u00A0A").ListOf().Select(l => string.Join('\n', l.Take(30)));
        Prop.ForAll(lines.ToArbitrary(), text => ClusterText.RemoveRepeatedLines(text) == Reference(text)).QuickCheckThrowOnFailure();
        Assert.Equal("X\nY\n\nZ", ClusterText.RemoveRepeatedLines("X\nY\nX\n\nZ\n Y "));

        // The text without its repeated lines: a string per line, a set of their trimmed text.
        static string Reference(string text)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return string.Join('\n', text.Split('\n').Where(line => line.Trim().Length == 0 || seen.Add(line.Trim())));
        }
    }

    [Fact]
    public void Extract_RepeatedLines_SameTermsAsTheTextWithoutThem_Property()
    {
        // The body is read in place as runs of kept lines: the terms must be those of the text with its repeated
        // lines removed (one run), lead included.
        var lines = Gen.Elements("", " ", "Police said.", "Kim Jong Un met Joe Biden", "Kim Jong", "Un said 90,000 troops", "A", "  B C", "\r", "The U.S.-led talks on Dec. 29")
            .ListOf().Select(l => string.Join('\n', l.Take(30)));
        var options = EventClustererOptions.Default with { LeadCharacters = 40 };
        Prop.ForAll(lines.ToArbitrary(), text =>
        {
            (List<string> content, List<string> salient) = ClusterText.Extract(new Document("d", text), options);
            (List<string> expectedContent, List<string> expectedSalient) = ClusterText.Extract(new Document("d", ClusterText.RemoveRepeatedLines(text)), options);
            return content.SequenceEqual(expectedContent) && salient.SequenceEqual(expectedSalient);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Extract_NameAcrossTheEndOfAPiece_IsOneName()
    {
        // The text is tokenised in pieces of 64 K characters cut after a space: "March" begins the second piece and
        // still continues the name "Kim Jong" of the first, so it is a salient term (a month alone is not one).
        const string Name = "Kim Jong ";
        string filler = string.Concat(Enumerable.Repeat("word ", 20_000))[..(65_536 - Name.Length)];
        string text = filler + Name + "March spoke.";
        Assert.Equal(' ', text[65_535]);
        var options = EventClustererOptions.Default with { LeadCharacters = 10 };
        Assert.Contains("march", ClusterText.Extract(new Document("d", text), options).Salient);
        Assert.DoesNotContain("march", ClusterText.Extract(new Document("d", filler + "March spoke."), options).Salient);
    }
}
