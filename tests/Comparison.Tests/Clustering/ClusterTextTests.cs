using Comparison.Clustering;
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
}
