using System.Text;
using Comparison.Documents;

namespace Comparison.Tests.Documents;

/// <summary>Which files of a folder are read: <c>.txt</c> in any case; the others are listed, not silently dropped.</summary>
public sealed class DocumentReaderDirectoryTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reader-dir-" + Guid.NewGuid().ToString("N"));

    public DocumentReaderDirectoryTests()
    {
        Directory.CreateDirectory(_directory);
        foreach (string name in new[] { "a.TXT", "b.Txt", "c.txt", "notes.md", "data.json", "README" })
        {
            File.WriteAllText(Path.Combine(_directory, name), "Text of " + name, new UTF8Encoding(false));
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ReadDirectory_UpperAndMixedCaseExtensions_AreRead()
    {
        Assert.Equal(["a", "b", "c"], DocumentReader.ReadDirectory(_directory).Select(d => d.Id));
        Assert.Equal(["a", "b", "c"], DocumentReader.Read(_directory).Select(d => d.Id));
    }

    [Fact]
    public void SkippedFiles_ListsTheFilesThatAreNotRead_InOrdinalOrder()
    {
        Assert.Equal(["README", "data.json", "notes.md"], DocumentReader.SkippedFiles(_directory).Select(Path.GetFileName));
        Assert.Throws<DirectoryNotFoundException>(() => DocumentReader.SkippedFiles(Path.Combine(_directory, "missing")));
    }

    [Fact]
    public void ReadDirectory_SameNameInTwoCases_IsBadInputNamingBothFiles()
    {
        File.WriteAllText(Path.Combine(_directory, "c.TXT"), "Another text");
        var ex = Assert.Throws<DocumentFormatException>(() => DocumentReader.ReadDirectory(_directory).ToList());
        Assert.Equal(Path.Combine(_directory, "c.txt"), ex.Path);
        Assert.Contains("duplicate id 'c': 'c.TXT'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJsonLines_TextReader_ReadsAndNamesTheSourceInErrors()
    {
        using var reader = new StringReader("{\"id\":\"a\",\"text\":\"x\"}\n\n{\"id\":\"a\",\"text\":\"y\"}\n");
        var ex = Assert.Throws<DocumentFormatException>(() => DocumentReader.ReadJsonLines(reader, "stdin").ToList());
        Assert.StartsWith("stdin:3:", ex.Message, StringComparison.Ordinal);
        using var good = new StringReader("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}");
        Assert.Equal(["a", "b"], DocumentReader.ReadJsonLines(good, "stdin").Select(d => d.Id));
    }
}
