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

    [Fact]
    public void ReadJsonLines_Stream_SameDocumentsAndErrorsAsTheTextReader_Property()
    {
        // The stream overload splits and parses bytes; the TextReader overload decodes first. They must agree on every
        // input: line ends of every kind, blank lines (ASCII or not), non-ASCII text, invalid bytes, broken lines.
        string[] pieces =
        [
            "{\"id\":\"a\",\"text\":\"x y\"}", "{\"id\":\"b\",\"text\":\"\u00e9t\u00e9 \u2014 caf\u00e9\"}", "{\"id\":\"c\",\"text\":\"\u2028\"}",
            "{\"id\":\"a\",\"text\":\"dup\"}", "   ", "\t", "\u00a0", "\u3000 ", "{\"id\":7,\"text\":\"n\",\"date\":\"2020-01-02\"}", "{broken",
            " {\"id\":\"d\",\"text\":\"lead\"} ", "\u00e9{}", "[1]", "{\"id\":\"e\",\"text\":\"\\ud800\"}", "\u001c",
        ];
        string[] ends = ["\n", "\r\n", "\r", "\n\n", "\r\r\n"];
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                var random = new Random(seed);
                var bytes = new List<byte>();
                if (random.Next(4) == 0)
                {
                    bytes.AddRange([0xEF, 0xBB, 0xBF]);
                }

                int count = random.Next(1, 8);
                for (int i = 0; i < count; i++)
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(pieces[random.Next(pieces.Length)]));
                    if (random.Next(10) == 0)
                    {
                        bytes.Add(0xFF);
                    }

                    if (i < count - 1 || random.Next(2) == 0)
                    {
                        bytes.AddRange(Encoding.UTF8.GetBytes(ends[random.Next(ends.Length)]));
                    }
                }

                byte[] input = [.. bytes];
                string expected = Outcome(() => DocumentReader.ReadJsonLines(new StreamReader(new MemoryStream(input), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true), "in.jsonl").ToList());
                string actual = Outcome(() => DocumentReader.ReadJsonLines(new MemoryStream(input), "in.jsonl").ToList());
                return (expected == actual).Label($"text reader: {expected}\nstream:      {actual}");
            }).QuickCheckThrowOnFailure();

        static string Outcome(Func<List<Document>> read)
        {
            try
            {
                return string.Join(" | ", read().Select(d => $"{d.Id}:{d.Text}:{d.Published}"));
            }
            catch (DocumentFormatException e)
            {
                return "error " + e.Message;
            }
        }
    }

    [Fact]
    public void ReadJsonLines_LongLinesAcrossTheBuffer_SplitAsTheTextReaderSplitsThem()
    {
        // Lines longer than the 64 KB read buffer, and a \r\n whose two bytes fall on both sides of a buffer's end.
        var sb = new StringBuilder();
        for (int i = 0; i < 6; i++)
        {
            string text = new('w', (1 << 16) - 26 + (i * 4099));
            sb.Append("{\"id\":\"").Append(i).Append("\",\"text\":\"").Append(text).Append("\"}").Append(i % 2 == 0 ? "\r\n" : "\r");
        }

        byte[] input = Encoding.UTF8.GetBytes(sb.ToString());
        var expected = DocumentReader.ReadJsonLines(new StringReader(sb.ToString()), "long.jsonl").Select(d => (d.Id, d.Text.Length)).ToList();
        var actual = DocumentReader.ReadJsonLines(new MemoryStream(input), "long.jsonl").Select(d => (d.Id, d.Text.Length)).ToList();
        Assert.Equal(6, actual.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ReadJsonLines_Utf16WithByteOrderMark_DecodedAsText()
    {
        byte[] input = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{\"id\":\"a\",\"text\":\"h\u00e9\"}\n{\"id\":\"b\",\"text\":\"c\"}")];
        var documents = DocumentReader.ReadJsonLines(new MemoryStream(input), "u16.jsonl").ToList();
        Assert.Equal(["a:h\u00e9", "b:c"], documents.Select(d => d.Id + ":" + d.Text));
    }

    [Fact]
    public void Read_JsonLinesFile_ReadsAgainAndSelectively()
    {
        string path = Path.Combine(Path.GetTempPath(), "sel-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            File.WriteAllText(path, "{\"id\":\"a\",\"text\":\"1\"}\n\n{\"id\":\"b\",\"text\":\"2\"}\r\n{broken\n{\"id\":\"d\",\"text\":\"4\"}\n");
            IEnumerable<Document> documents = DocumentReader.Read(path);
            var selective = Assert.IsAssignableFrom<ISelectiveDocuments>(documents);
            var count = new System.Runtime.CompilerServices.StrongBox<int>();
            var asked = new List<int>();
            var selected = selective.ReadSelected(p => { asked.Add(p); return p is 1 or 3; }, count).ToList();

            // The broken line at position 2 is skipped unparsed; blank lines are not positions.
            Assert.Equal([(1, "b"), (3, "d")], selected.Select(s => (s.Position, s.Document.Id)));
            Assert.Equal([0, 1, 2, 3], asked);
            Assert.Equal(4, count.Value);

            // A whole read parses every line, again on each enumeration.
            Assert.Equal(3, Assert.Throws<DocumentFormatException>(() => documents.ToList()).Line - 1);
            Assert.Equal(3, Assert.Throws<DocumentFormatException>(() => documents.ToList()).Line - 1);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
