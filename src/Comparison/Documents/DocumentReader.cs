using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Comparison.Documents;

/// <summary>
/// Reads documents from the two input formats: a directory of <c>.txt</c> files, or a JSON Lines file with
/// one <c>{"id", "text", "date"?, "source"?, "title"?, "url"?}</c> object per line.
/// </summary>
/// <remarks>
/// <para>
/// Arguments are checked when a method is called; the documents themselves are read lazily as the result is
/// enumerated, one line or one file at a time, so a JSON Lines file of any size never sits in memory whole
/// (only the set of identifiers seen so far does, to reject duplicates).
/// </para>
/// <para>
/// A UTF-8 byte order mark is accepted. Invalid UTF-8 is decoded with U+FFFD replacement characters rather
/// than failing. A malformed line, a missing <c>id</c> or <c>text</c>, a duplicate identifier or an invalid
/// date raises a <see cref="DocumentFormatException"/> that names the file, the line and the problem.
/// </para>
/// <para>
/// In a <c>.txt</c> file, a text that begins (after optional white space) with <c>date YYYY-MM-DD</c> has
/// that publication date; the header and the white space around it are removed from the front, and nothing
/// else of the text is changed.
/// </para>
/// </remarks>
public static class DocumentReader
{
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    // Files from this size on are counted before they are decoded (ReadAllText).
    private const long CountFirstBytes = 1 << 20;

    // The longest string .NET allocates (string.Create throws OutOfMemoryException beyond it).
    private const int MaxStringLength = 0x3FFFFFDF;

    /// <summary>
    /// Reads a corpus from a path: a directory of <c>.txt</c> files, a single <c>.txt</c> file, or a
    /// <c>.jsonl</c> file.
    /// </summary>
    /// <param name="path">A directory, a <c>.txt</c> file or a <c>.jsonl</c> file.</param>
    /// <returns>The documents, read lazily; a directory's files in ordinal order of their names.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="DocumentFormatException">The file is not a <c>.txt</c> or <c>.jsonl</c> file.</exception>
    public static IEnumerable<Document> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            return ReadDirectory(path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No file or directory at '{path}'.", path);
        }

        string extension = Path.GetExtension(path);
        if (extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return ReadJsonLines(path);
        }

        if (extension.Equals(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return [ReadTextFile(path)];
        }

        throw new DocumentFormatException(path, 0, $"unsupported input '{extension}': expected a directory of .txt files, a .txt file or a .jsonl file.");
    }

    /// <summary>
    /// Reads every <c>.txt</c> file directly inside a directory (the extension in any case: <c>.TXT</c> and
    /// <c>.Txt</c> too), in ordinal order of file names. <see cref="SkippedFiles"/> lists the files it leaves out.
    /// </summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The documents, read lazily; the identifier of each is its file name without extension.</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is <see langword="null"/>.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="DocumentFormatException">While enumerating: two files give the same id (<c>a.txt</c> and <c>a.TXT</c>), or a date header is invalid.</exception>
    public static IEnumerable<Document> ReadDirectory(string directory)
    {
        return new TextFiles(ListDirectory(directory, read: true));
    }

    /// <summary>
    /// The files directly inside a directory that <see cref="ReadDirectory"/> (and <see cref="Read"/> given the
    /// directory) skips, because their extension is not <c>.txt</c> in any case; in ordinal order of their paths.
    /// </summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The paths of the skipped files; empty when every file is read.</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is <see langword="null"/>.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static ImmutableArray<string> SkippedFiles(string directory) => [.. ListDirectory(directory, read: false)];

    /// <summary>The files of a directory that are read (<paramref name="read"/>) or skipped, in ordinal order.</summary>
    private static string[] ListDirectory(string directory, bool read)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No directory at '{directory}'.");
        }

        // Every file, filtered here: the file system's own pattern matching is case-sensitive on Linux.
        var files = new List<string>();
        foreach (string file in Directory.EnumerateFiles(directory, "*", SearchOption.TopDirectoryOnly))
        {
            if (Path.GetExtension(file.AsSpan()).Equals(".txt", StringComparison.OrdinalIgnoreCase) == read)
            {
                files.Add(file);
            }
        }

        string[] sorted = [.. files];
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    /// <summary>Reads one <c>.txt</c> file as a document whose identifier is the file name without extension.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="DocumentFormatException">The date header holds an invalid date.</exception>
    public static Document ReadTextFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string content = ReadAllText(path);
        string id = Path.GetFileNameWithoutExtension(path);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new DocumentFormatException(path, 0, "the file name gives an empty document id.");
        }

        return ParseTextFile(id, content, path);
    }

    /// <summary>
    /// A file's text. A file of a megabyte or more is decoded twice: once to count its characters, then straight into
    /// a string of that length, so a long text is held once (StreamReader.ReadToEnd builds it in pieces and then
    /// copies them into the string: twice the text at its peak).
    /// </summary>
    private static string ReadAllText(string path)
    {
        if (new FileInfo(path).Length < CountFirstBytes)
        {
            using var small = OpenText(path);
            return small.ReadToEnd();
        }

        long count = 0;
        char[] buffer = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            using var reader = OpenText(path);
            int read;
            while ((read = reader.Read(buffer)) > 0)
            {
                count += read;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        if (count > MaxStringLength)
        {
            throw new DocumentFormatException(path, 0, string.Create(
                CultureInfo.InvariantCulture,
                $"the file holds {count:N0} characters; a document holds at most {MaxStringLength:N0} (the longest .NET string)."));
        }

        return string.Create((int)count, path, static (text, file) =>
        {
            using var reader = OpenText(file);
            int at = 0;
            int read;
            while (at < text.Length && (read = reader.Read(text[at..])) > 0)
            {
                at += read;
            }

            if (at != text.Length || reader.Peek() >= 0)
            {
                throw new IOException($"{file} changed while it was being read.");
            }
        });
    }

    private static StreamReader OpenText(string path) => new(path, LenientUtf8, detectEncodingFromByteOrderMarks: true);

    /// <summary>
    /// Parses the content of a <c>.txt</c> article: an optional <c>date YYYY-MM-DD</c> header, then the text.
    /// </summary>
    /// <param name="id">The document identifier.</param>
    /// <param name="content">The whole file content.</param>
    /// <param name="path">The file name to use in error messages; default <c>id + ".txt"</c>.</param>
    /// <returns>The document, with <see cref="Document.Published"/> set when the header is present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="content"/> is <see langword="null"/>.</exception>
    /// <exception cref="DocumentFormatException">The header names a date that does not exist.</exception>
    public static Document ParseTextFile(string id, string content, string? path = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(content);
        int i = 0;
        while (i < content.Length && char.IsWhiteSpace(content[i]))
        {
            i++;
        }

        const string Keyword = "date";
        if (content.Length - i >= Keyword.Length + 1 + 10
            && content.AsSpan(i, Keyword.Length).SequenceEqual(Keyword)
            && char.IsWhiteSpace(content[i + Keyword.Length]))
        {
            int j = i + Keyword.Length;
            while (j < content.Length && content[j] is ' ' or '\t')
            {
                j++;
            }

            if (content.Length - j >= 10 && LooksLikeIsoDate(content.AsSpan(j, 10))
                && (content.Length == j + 10 || !char.IsAsciiLetterOrDigit(content[j + 10])))
            {
                ReadOnlySpan<char> dateText = content.AsSpan(j, 10);
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
                {
                    int line = 1 + content.AsSpan(0, j).Count('\n');
                    throw new DocumentFormatException(path ?? id + ".txt", line, $"invalid date '{dateText}' in the date header: expected a real calendar date as YYYY-MM-DD.");
                }

                int bodyStart = j + 10;
                while (bodyStart < content.Length && char.IsWhiteSpace(content[bodyStart]))
                {
                    bodyStart++;
                }

                return new Document(id, content[bodyStart..]) { Published = date };
            }
        }

        return new Document(id, content);
    }

    /// <summary>Reads a JSON Lines file, streaming it one line at a time.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The documents, read lazily in file order.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DocumentFormatException">While enumerating: a line is not a valid document.</exception>
    public static IEnumerable<Document> ReadJsonLines(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No file at '{path}'.", path);
        }

        return new JsonLinesFile(path, path);
    }

    /// <summary>
    /// Reads a JSON Lines file, streaming it one line at a time, with another name in error messages (for a
    /// temporary copy of standard input, for one).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The name to use in error messages.</param>
    /// <returns>The documents, read lazily in file order, again on each enumeration.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> or <paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DocumentFormatException">While enumerating: a line is not a valid document.</exception>
    public static IEnumerable<Document> ReadJsonLines(string path, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No file at '{path}'.", path);
        }

        return new JsonLinesFile(path, name);
    }

    /// <summary>Reads JSON Lines from a stream, one line at a time. The stream is not disposed.</summary>
    /// <param name="stream">A readable stream of UTF-8 text.</param>
    /// <param name="name">The name to use in error messages (a file name or a description).</param>
    /// <returns>The documents, read lazily in stream order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="DocumentFormatException">While enumerating: a line is not a valid document.</exception>
    public static IEnumerable<Document> ReadJsonLines(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(stream));
        }

        return ReadJsonLinesCore(() => stream, name, ownsStream: false);
    }

    /// <summary>Reads JSON Lines from a text reader (standard input, for one), one line at a time. The reader is not disposed.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="name">The name to use in error messages (for example <c>stdin</c>).</param>
    /// <returns>The documents, read lazily in reader order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="DocumentFormatException">While enumerating: a line is not a valid document.</exception>
    public static IEnumerable<Document> ReadJsonLines(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        return ParseLines(reader, name);
    }

    /// <summary>Parses one JSON Lines record.</summary>
    /// <param name="line">The JSON object text.</param>
    /// <param name="name">The file name to use in error messages.</param>
    /// <param name="lineNumber">The 1-based line number to use in error messages.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="DocumentFormatException">The line is not a valid document.</exception>
    public static Document ParseJsonLine(string line, string name, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(name);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw Malformed(name, lineNumber, ex);
        }

        return FromJson(json, name, lineNumber);
    }

    /// <summary>
    /// Parses one JSON Lines record given as UTF-8 bytes: the same document and the same errors as
    /// <see cref="ParseJsonLine(string, string, int)"/> given the decoded line, without decoding the line first.
    /// </summary>
    /// <param name="utf8">The line's bytes, valid UTF-8, the first non-white-space byte ASCII.</param>
    /// <param name="name">The file name to use in error messages.</param>
    /// <param name="lineNumber">The 1-based line number to use in error messages.</param>
    internal static Document ParseJsonLine(ReadOnlyMemory<byte> utf8, string name, int lineNumber)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw Malformed(name, lineNumber, ex);
        }

        return FromJson(json, name, lineNumber);
    }

    private static DocumentFormatException Malformed(string name, int lineNumber, JsonException ex) =>
        new(name, lineNumber, $"malformed JSON ({ex.Message}); each line must be one JSON object.", ex);

    private static Document FromJson(JsonDocument json, string name, int lineNumber)
    {
        using (json)
        {
            JsonElement root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DocumentFormatException(name, lineNumber, $"expected a JSON object, found {root.ValueKind}.");
            }

            string? id = null, text = null, source = null, title = null, url = null;
            DateOnly? published = null;
            var metadata = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (JsonProperty property in root.EnumerateObject())
            {
                JsonElement value = property.Value;
                string propertyName = NameOf(property);
                switch (propertyName)
                {
                    case "id":
                        id = value.ValueKind switch
                        {
                            JsonValueKind.String => GetString(value, "id"),
                            JsonValueKind.Number => value.GetRawText(),
                            _ => throw new DocumentFormatException(name, lineNumber, $"\"id\" must be a string or a number, found {value.ValueKind}."),
                        };
                        break;
                    case "text":
                        text = value.ValueKind == JsonValueKind.String
                            ? GetString(value, "text")
                            : throw new DocumentFormatException(name, lineNumber, $"\"text\" must be a string, found {value.ValueKind}.");
                        break;
                    case "date":
                        published = ParseDate(value);
                        break;
                    case "source":
                        source = OptionalString(value, "source");
                        break;
                    case "title":
                        title = OptionalString(value, "title");
                        break;
                    case "url":
                        url = OptionalString(value, "url");
                        break;
                    default:
                        if (value.ValueKind is JsonValueKind.String)
                        {
                            metadata[propertyName] = GetString(value, propertyName);
                        }
                        else if (value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                        {
                            metadata[propertyName] = value.GetRawText();
                        }

                        break;
                }
            }

            if (id is null)
            {
                throw new DocumentFormatException(name, lineNumber, "missing \"id\": every line needs a non-empty \"id\" and a \"text\".");
            }

            if (string.IsNullOrWhiteSpace(id))
            {
                throw new DocumentFormatException(name, lineNumber, "\"id\" is empty: every line needs a non-empty \"id\".");
            }

            if (text is null)
            {
                throw new DocumentFormatException(name, lineNumber, $"missing \"text\" for id '{id}': every line needs a \"text\" (it may be empty).");
            }

            return new Document(id, text)
            {
                Published = published,
                Source = source,
                Title = title,
                Url = url,
                Metadata = metadata.ToImmutable(),
            };
        }

        string GetString(JsonElement value, string field)
        {
            try
            {
                return value.GetString()!;
            }
            catch (InvalidOperationException ex)
            {
                throw new DocumentFormatException(name, lineNumber, $"\"{field}\" holds an invalid escape sequence (a lone surrogate): {ex.Message}", ex);
            }
        }

        // A name, like a string value, may escape a lone surrogate (\uD800), which has no UTF-16 string.
        string NameOf(JsonProperty property)
        {
            try
            {
                return property.Name;
            }
            catch (InvalidOperationException ex)
            {
                throw new DocumentFormatException(name, lineNumber, $"a property name holds an invalid escape sequence (a lone surrogate): {ex.Message}", ex);
            }
        }

        string? OptionalString(JsonElement value, string field) => value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => GetString(value, field),
            _ => throw new DocumentFormatException(name, lineNumber, $"\"{field}\" must be a string or null, found {value.ValueKind}."),
        };

        DateOnly? ParseDate(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                throw new DocumentFormatException(name, lineNumber, $"\"date\" must be a string YYYY-MM-DD or null, found {value.ValueKind}.");
            }

            string raw = GetString(value, "date");
            if (raw.Length == 0)
            {
                return null;
            }

            if (raw.Length >= 10 && DateOnly.TryParseExact(raw.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
                && (raw.Length == 10 || raw[10] is 'T' or ' '))
            {
                if (raw.Length > 10 && !DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                {
                    throw new DocumentFormatException(name, lineNumber, $"invalid date '{raw}': expected YYYY-MM-DD or an ISO 8601 date and time.");
                }

                return date;
            }

            throw new DocumentFormatException(name, lineNumber, $"invalid date '{raw}': expected YYYY-MM-DD or an ISO 8601 date and time.");
        }
    }

    private static IEnumerable<Document> ReadJsonLinesCore(Func<Stream> open, string name, bool ownsStream)
    {
        foreach ((_, _, Document document) in ReadJsonLinesCore(open, name, ownsStream, wanted: null, count: null))
        {
            yield return document;
        }
    }

    /// <summary>
    /// The documents of a JSON Lines stream with their positions (the count of non-blank lines before them); with
    /// <paramref name="wanted"/>, only those at the wanted positions are parsed and given (the other lines are
    /// counted, not parsed, and their identifiers not checked). Lines are split as bytes and a line of valid UTF-8
    /// is parsed from its bytes; only a line with invalid bytes is decoded (with replacement characters) first. Each
    /// document comes with its line's byte offset in the stream (-1 when the stream is UTF-16 or UTF-32).
    /// </summary>
    private static IEnumerable<(int Position, long Address, Document Document)> ReadJsonLinesCore(Func<Stream> open, string name, bool ownsStream, Func<int, bool>? wanted, StrongBox<int>? count)
    {
        Stream stream = open();
        try
        {
            var lines = new Utf8LineReader(stream);
            if (!lines.IsUtf8)
            {
                // UTF-16 or UTF-32, by its byte order mark: decoded as text.
                using var reader = new StreamReader(lines.Remaining(), LenientUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
                int index = 0;
                foreach (Document document in ParseLines(reader, name))
                {
                    if (wanted is null || wanted(index))
                    {
                        yield return (index, -1, document);
                    }

                    index++;
                }

                count?.Value = index;
                yield break;
            }

            var seen = wanted is null ? new HashSet<string>(StringComparer.Ordinal) : null;
            int lineNumber = 0, position = 0;
            while (lines.TryReadLine(out ReadOnlyMemory<byte> line))
            {
                lineNumber++;
                LineKind kind = Classify(line.Span);
                string? decoded = null;
                if (kind == LineKind.Text)
                {
                    // White space that is not ASCII, or invalid UTF-8: the text path decides, as it always did.
                    decoded = LenientUtf8.GetString(line.Span);
                    if (string.IsNullOrWhiteSpace(decoded))
                    {
                        continue;
                    }
                }
                else if (kind == LineKind.Blank)
                {
                    continue;
                }

                int at = position++;
                if (wanted is not null && !wanted(at))
                {
                    continue;
                }

                Document document = decoded is null ? ParseJsonLine(line, name, lineNumber) : ParseJsonLine(decoded, name, lineNumber);
                if (seen is not null && !seen.Add(document.Id))
                {
                    throw new DocumentFormatException(name, lineNumber, $"duplicate id '{document.Id}': every document needs its own id.");
                }

                yield return (at, lines.LineOffset, document);
            }

            count?.Value = position;
        }
        finally
        {
            if (ownsStream)
            {
                stream.Dispose();
            }
        }
    }

    /// <summary>Whether a line is blank (ASCII white space only), valid UTF-8 that starts (after white space) with ASCII, or neither.</summary>
    private static LineKind Classify(ReadOnlySpan<byte> line)
    {
        int i = 0;
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t' or (byte)'\v' or (byte)'\f')
        {
            i++;
        }

        if (i == line.Length)
        {
            return LineKind.Blank;
        }

        return line[i] < 0x80 && Utf8.IsValid(line) ? LineKind.Utf8 : LineKind.Text;
    }

    private enum LineKind
    {
        Blank,
        Utf8,
        Text,
    }

    /// <summary>
    /// A JSON Lines file read lazily, again on every enumeration; it can also be read selectively, parsing only the
    /// lines at some positions, which is how a second pass over a large corpus skips what it does not need.
    /// </summary>
    private sealed class JsonLinesFile(string path, string name) : IEnumerable<Document>, ISelectiveDocuments, IAddressableDocuments
    {
        public IEnumerator<Document> GetEnumerator() => ReadJsonLinesCore(Open, name, ownsStream: true).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public IEnumerable<(int Position, Document Document)> ReadSelected(Func<int, bool> wanted, StrongBox<int> count)
        {
            foreach ((int position, _, Document document) in ReadJsonLinesCore(Open, name, ownsStream: true, wanted, count))
            {
                yield return (position, document);
            }
        }

        public IEnumerable<(long Address, Document Document)> ReadAddressed()
        {
            foreach ((_, long address, Document document) in ReadJsonLinesCore(Open, name, ownsStream: true, wanted: null, count: null))
            {
                yield return (address, document);
            }
        }

        public IEnumerable<Document> ReadAt(IReadOnlyList<long> addresses)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12, FileOptions.RandomAccess);
            byte[] buffer = new byte[1 << 16];
            foreach (long address in addresses)
            {
                ReadOnlyMemory<byte> line = LineAt(stream, address, ref buffer);

                // As the sequential reader parses it: from its bytes when they are valid UTF-8, decoded otherwise.
                yield return Classify(line.Span) == LineKind.Utf8
                    ? ParseJsonLine(line, name, 0)
                    : ParseJsonLine(LenientUtf8.GetString(line.Span), name, 0);
            }
        }

        private FileStream Open() => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

        /// <summary>The line that starts at a byte offset, without its terminator.</summary>
        private static ReadOnlyMemory<byte> LineAt(FileStream stream, long address, ref byte[] buffer)
        {
            stream.Position = address;
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                int read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    return buffer.AsMemory(0, length);
                }

                int end = buffer.AsSpan(length, read).IndexOfAny((byte)'\n', (byte)'\r');
                if (end >= 0)
                {
                    return buffer.AsMemory(0, length + end);
                }

                length += read;
            }
        }
    }

    /// <summary>Text files read lazily, again on every enumeration; a document is found again by its file's position.</summary>
    private sealed class TextFiles(string[] files) : IEnumerable<Document>, IAddressableDocuments
    {
        public IEnumerator<Document> GetEnumerator()
        {
            foreach ((_, Document document) in ReadAddressed())
            {
                yield return document;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public IEnumerable<(long Address, Document Document)> ReadAddressed()
        {
            // a.txt and a.TXT are two files on Linux but one id: that is bad input, not two documents.
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < files.Length; i++)
            {
                Document document = ReadTextFile(files[i]);
                if (!seen.TryAdd(document.Id, files[i]))
                {
                    throw new DocumentFormatException(files[i], 0, $"duplicate id '{document.Id}': '{Path.GetFileName(seen[document.Id])}' has the same name without its extension; every document needs its own id.");
                }

                yield return (i, document);
            }
        }

        public IEnumerable<Document> ReadAt(IReadOnlyList<long> addresses)
        {
            foreach (long address in addresses)
            {
                yield return ReadTextFile(files[address]);
            }
        }
    }

    private static IEnumerable<Document> ParseLines(TextReader reader, string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Document document = ParseJsonLine(line, name, lineNumber);
            if (!seen.Add(document.Id))
            {
                throw new DocumentFormatException(name, lineNumber, $"duplicate id '{document.Id}': every document needs its own id.");
            }

            yield return document;
        }
    }

    private static bool LooksLikeIsoDate(ReadOnlySpan<char> s) =>
        char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3]) && s[4] == '-'
        && char.IsAsciiDigit(s[5]) && char.IsAsciiDigit(s[6]) && s[7] == '-' && char.IsAsciiDigit(s[8]) && char.IsAsciiDigit(s[9]);
}
