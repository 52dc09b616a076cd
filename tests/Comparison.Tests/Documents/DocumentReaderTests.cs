using System.Text;
using System.Text.Json;
using Comparison.Documents;
using Comparison.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Documents;

public class DocumentReaderTests
{
    [Fact]
    public void ReadDirectory_Seeds_ReadsFiveWithDatesAndStripsHeader()
    {
        var docs = Seeds.Load();
        Assert.Equal(5, docs.Count);
        Assert.Equal(["000", "001", "002", "003", "004"], docs.Select(d => d.Id[..3]));
        Assert.Equal(new DateOnly(2021, 12, 30), docs[0].Published);
        Assert.Null(docs[2].Published);
        Assert.StartsWith("The United States", docs[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Russian President", docs[4].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseTextFile_HeaderWithWhiteSpace_RemovesOnlyHeaderAndSurroundingWhiteSpace()
    {
        var doc = DocumentReader.ParseTextFile("a", "\n  date 2020-02-29\n\n Body text.\n");
        Assert.Equal(new DateOnly(2020, 2, 29), doc.Published);
        Assert.Equal("Body text.\n", doc.Text);
    }

    [Fact]
    public void ParseTextFile_NoHeader_KeepsTextUnchanged()
    {
        var doc = DocumentReader.ParseTextFile("a", "  dated material 2020-01-01");
        Assert.Null(doc.Published);
        Assert.Equal("  dated material 2020-01-01", doc.Text);
    }

    [Fact]
    public void ParseTextFile_InvalidDate_ThrowsNamingFileAndLine()
    {
        var ex = Assert.Throws<DocumentFormatException>(() => DocumentReader.ParseTextFile("a", "\n\ndate 2021-02-30 text", "dir/a.txt"));
        Assert.Equal(3, ex.Line);
        Assert.Contains("dir/a.txt:3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2021-02-30", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJsonLines_ValidLines_ReadsFieldsAndMetadata()
    {
        string text = "{\"id\":\"x\",\"text\":\"Hello\",\"date\":\"2014-01-12\",\"source\":\"s\",\"title\":null,\"url\":\"u\",\"cluster\":\"7\",\"n\":3,\"list\":[1]}\n\n{\"id\":2,\"text\":\"\"}\n";
        var docs = DocumentReader.ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(text)), "mem.jsonl").ToList();
        Assert.Equal(2, docs.Count);
        Assert.Equal("x", docs[0].Id);
        Assert.Equal(new DateOnly(2014, 1, 12), docs[0].Published);
        Assert.Equal("s", docs[0].Source);
        Assert.Null(docs[0].Title);
        Assert.Equal("7", docs[0].Metadata["cluster"]);
        Assert.Equal("3", docs[0].Metadata["n"]);
        Assert.False(docs[0].Metadata.ContainsKey("list"));
        Assert.Equal("2", docs[1].Id);
        Assert.Equal(string.Empty, docs[1].Text);
    }

    [Theory]
    [InlineData("{\"id\":\"a\"", 1, "malformed JSON")]
    [InlineData("{\"text\":\"t\"}", 1, "missing \"id\"")]
    [InlineData("{\"id\":\"a\"}", 1, "missing \"text\"")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\",\"date\":\"2021-13-01\"}", 1, "invalid date")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\"}\n{\"id\":\"a\",\"text\":\"u\"}", 2, "duplicate id 'a'")]
    [InlineData("[1,2]", 1, "expected a JSON object")]
    [InlineData("{\"id\":\"a\",\"text\":5}", 1, "\"text\" must be a string")]
    [InlineData("{\"\\uDC00\":1,\"id\":\"a\",\"text\":\"t\"}", 1, "property name holds an invalid escape sequence")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\",\"x\\uD800y\":\"z\"}", 1, "property name holds an invalid escape sequence")]
    public void ReadJsonLines_BadLine_ThrowsNamingFileLineAndProblem(string content, int line, string problem)
    {
        var ex = Assert.Throws<DocumentFormatException>(() => DocumentReader.ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(content)), "in.jsonl").ToList());
        Assert.Equal(line, ex.Line);
        Assert.Equal("in.jsonl", ex.Path);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"in.jsonl:{line}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJsonLines_BomAndInvalidUtf8_DecodesWithReplacement()
    {
        byte[] prefix = [0xEF, 0xBB, 0xBF];
        byte[] line = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"text\":\"x\u00e9");
        byte[] bad = [0xC3, 0x28, 0xFF];
        byte[] suffix = Encoding.UTF8.GetBytes("y\"}\n");
        byte[] all = [.. prefix, .. line, .. bad, .. suffix];
        var doc = Assert.Single(DocumentReader.ReadJsonLines(new MemoryStream(all), "bad.jsonl"));
        Assert.Equal("a", doc.Id);
        Assert.StartsWith("x\u00e9", doc.Text, StringComparison.Ordinal);
        Assert.Contains('\uFFFD', doc.Text);
        Assert.EndsWith("y", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJsonLines_LoneSurrogateEscape_ThrowsFormatErrorNotCrash()
    {
        var ex = Assert.Throws<DocumentFormatException>(() => DocumentReader.ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":\"a\",\"text\":\"\\ud800\"}")), "s.jsonl").ToList());
        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void Read_MissingPath_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => DocumentReader.Read(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N"))));
        Assert.Throws<ArgumentException>(() => DocumentReader.Read(" "));
        Assert.Throws<ArgumentNullException>(() => DocumentReader.Read(null!));
    }

    [Fact]
    public void ReadJsonLines_RoundTrip_Property()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<NonEmptyString[]>(),
            texts =>
            {
                var originals = texts.Select((t, i) => new Document("d" + i, t.Get) { Title = i % 2 == 0 ? t.Get : null, Published = i % 3 == 0 ? new DateOnly(2020, 1, 1).AddDays(i) : null }).ToList();
                var sb = new StringBuilder();
                foreach (var d in originals)
                {
                    sb.Append(JsonSerializer.Serialize(new { id = d.Id, text = d.Text, title = d.Title, date = d.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })).Append('\n');
                }

                var back = DocumentReader.ReadJsonLines(new MemoryStream(new UTF8Encoding(false).GetBytes(sb.ToString())), "rt.jsonl").ToList();
                return back.Count == originals.Count
                    && back.Zip(originals).All(p => p.First.Id == p.Second.Id && p.First.Text == ReplaceLoneSurrogates(p.Second.Text) && p.First.Title == (p.Second.Title is null ? null : ReplaceLoneSurrogates(p.Second.Title)) && p.First.Published == p.Second.Published);
            }).QuickCheckThrowOnFailure();
    }

    // JSON serialisation writes lone surrogates as U+FFFD, so the round trip compares against that.
    private static string ReplaceLoneSurrogates(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append('\uFFFD');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
