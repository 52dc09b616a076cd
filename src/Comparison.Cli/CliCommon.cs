using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text;
using Comparison.Documents;
using Comparison.Indexing;
using Comparison.Reports;

namespace Comparison.Cli;

/// <summary>Options and plumbing shared by every command: input, format, output file, progress, cancellation.</summary>
internal static class CliCommon
{
    /// <summary>The INPUT argument: a directory of .txt files or a .jsonl file.</summary>
    public static Argument<string> InputArgument() => new("INPUT") { Description = "A directory of .txt files, a .txt file, a .jsonl file (one {\"id\",\"text\",\"date\"?,\"source\"?,\"title\"?,\"url\"?} object per line), or - for JSON Lines on standard input." };

    /// <summary>The --format option with the given allowed values; the first is the default.</summary>
    public static Option<string> FormatOption(params string[] allowed)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", allowed) + ".",
            DefaultValueFactory = _ => allowed[0],
        };
        return OneOf(option, allowed);
    }

    /// <summary>
    /// The --format option of a command that writes a report. Without it the format follows the extension of
    /// --output (.json, .md/.markdown, .html/.htm, .txt) and is otherwise <c>text</c>, on a terminal or not: a
    /// pipe gets what the screen shows, and scripts ask for <c>--format json</c>. Resolve with <see cref="ResolveFormat"/>.
    /// </summary>
    public static Option<string?> ReportFormatOption(params string[] allowed)
    {
        var option = new Option<string?>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", allowed) + ". Default: from the --output extension (.json, .md, .html, .txt), otherwise text.",
        };
        return OneOf(option, allowed);
    }

    /// <summary>
    /// The format to write: the one given, else the one the output file's extension names (when allowed),
    /// else <paramref name="fallback"/>.
    /// </summary>
    public static string ResolveFormat(string? format, string? outputPath, IReadOnlyCollection<string> allowed, string fallback = "text")
    {
        if (!string.IsNullOrEmpty(format))
        {
            return format;
        }

        string? implied = Path.GetExtension(outputPath ?? string.Empty).ToLowerInvariant() switch
        {
            ".json" => "json",
            ".md" or ".markdown" => "markdown",
            ".html" or ".htm" => "html",
            ".txt" or ".text" => "text",
            _ => null,
        };
        return implied is not null && allowed.Contains(implied) ? implied : fallback;
    }

    /// <summary>The --output option: write to a file instead of stdout.</summary>
    public static Option<string?> OutputOption() => new("--output", "-o") { Description = "Write the result to this file instead of stdout." };

    /// <summary>The --quiet option: no progress on stderr.</summary>
    public static Option<bool> QuietOption() => new("--quiet", "-q") { Description = "No progress display on stderr (progress is only ever shown when stderr is a terminal)." };

    /// <summary>The near-duplicate <c>--verify exact|estimated</c> option, default exact.</summary>
    public static Option<string> VerifyOption()
    {
        var verify = new Option<string>("--verify") { Description = "What a candidate pair must clear: exact (the exact Jaccard of the shingle sets) or estimated (the signature estimate).", DefaultValueFactory = _ => "exact" };
        return OneOf(verify, "exact", "estimated");
    }

    /// <summary>The verification a <see cref="VerifyOption"/> value names.</summary>
    public static DuplicateVerification ParseVerification(string? value) =>
        value == "estimated" ? DuplicateVerification.Estimated : DuplicateVerification.Exact;

    /// <summary>The INPUT that names standard input (JSON Lines), for every command.</summary>
    public const string StandardInput = "-";

    /// <summary>The standard input and error of the running invocation (set by <see cref="CliApplication"/>; tests pass their own).</summary>
    private static readonly AsyncLocal<Streams?> Current = new();

    /// <summary>Sets the standard input and error the commands of this asynchronous flow read and warn to.</summary>
    internal static void Use(TextReader stdin, TextWriter stderr) => Current.Value = new Streams(stdin, stderr);

    /// <summary>
    /// Copies standard input to a new temporary file (UTF-8) and returns its path, so that a streaming comparison can
    /// read it once per pass while holding no document; the caller deletes it with <see cref="DeleteSpool"/>.
    /// </summary>
    public static string SpoolStandardInput(CancellationToken cancellationToken)
    {
        Streams streams = Current.Value ?? new Streams(Console.In, Console.Error);
        string path = Path.Combine(Path.GetTempPath(), "comparison-stdin-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            using var writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            char[] buffer = new char[1 << 16];
            int read;
            while ((read = streams.Stdin.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Write(buffer, 0, read);
            }
        }
        catch
        {
            DeleteSpool(path);
            throw;
        }

        return path;
    }

    /// <summary>The documents of a file written by <see cref="SpoolStandardInput"/>, read anew on each enumeration and named <c>stdin</c> in errors.</summary>
    public static IEnumerable<Document> ReadSpooledStandardInput(string path) => DocumentReader.ReadJsonLines(path, "stdin");

    /// <summary>Deletes a file written by <see cref="SpoolStandardInput"/>, if any; a file that cannot be deleted is left to the system's temporary folder.</summary>
    public static void DeleteSpool(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Reads every document of the input, in input order. Format errors propagate (exit code 1).</summary>
    public static IReadOnlyList<Document> ReadInput(string path) => ReadInput(path, CancellationToken.None);

    /// <summary>
    /// Reads every document of the input, in input order, stopping when cancelled: <c>-</c> is standard input (JSON
    /// Lines, named <c>stdin</c> in errors); for a directory, a warning on stderr names the files that are not read.
    /// Format errors propagate (exit code 1).
    /// </summary>
    public static IReadOnlyList<Document> ReadInput(string path, CancellationToken cancellationToken) => ReadInput(path, warn: true, cancellationToken);

    /// <summary>
    /// <see cref="ReadInput(string, CancellationToken)"/>, with the warning about skipped files left to the caller
    /// when <paramref name="warn"/> is false (one that shows a progress display warns before it starts, see <see cref="WarnAboutInput"/>).
    /// </summary>
    public static IReadOnlyList<Document> ReadInput(string path, bool warn, CancellationToken cancellationToken)
    {
        Streams streams = Current.Value ?? new Streams(Console.In, Console.Error);
        IEnumerable<Document> source;
        if (path == StandardInput)
        {
            source = DocumentReader.ReadJsonLines(streams.Stdin, "stdin");
        }
        else
        {
            if (warn)
            {
                WarnAboutInput(path);
            }

            source = DocumentReader.Read(path);
        }

        var documents = new List<Document>();
        foreach (Document document in source)
        {
            cancellationToken.ThrowIfCancellationRequested();
            documents.Add(document);
        }

        return documents;
    }

    /// <summary>When the input is a directory, warns on stderr about the files in it that are not read.</summary>
    public static void WarnAboutInput(string path)
    {
        if (path == StandardInput || !Directory.Exists(path))
        {
            return;
        }

        TextWriter stderr = (Current.Value ?? new Streams(Console.In, Console.Error)).Stderr;
        var skipped = DocumentReader.SkippedFiles(path);
        if (skipped.IsEmpty)
        {
            return;
        }

        const int Shown = 10;
        string names = string.Join(", ", skipped.Take(Shown).Select(Path.GetFileName)) + (skipped.Length > Shown ? ", ..." : string.Empty);
        Warn(stderr, string.Create(CultureInfo.InvariantCulture, $"skipped {skipped.Length} file{(skipped.Length == 1 ? "" : "s")} in '{path}' that {(skipped.Length == 1 ? "is" : "are")} not .txt: {names}"));
    }

    /// <summary>Writes one warning line on stderr, its control characters escaped.</summary>
    public static void Warn(TextWriter stderr, string message) => stderr.WriteLine("warning: " + TerminalText.Escape(message));

    /// <summary>
    /// Writes the output: to the command's stdout, or to the file named by --output (UTF-8, no BOM) all at once or
    /// not at all. The file is written under a temporary name in its own folder and renamed over the target only
    /// when <paramref name="write"/> has finished, so a failure (out of memory, a full disk, Ctrl+C) never leaves
    /// a half-written or empty report, nor destroys the file that was there.
    /// </summary>
    /// <param name="parse">The parse result, for the command's stdout.</param>
    /// <param name="outputPath">The --output file, or null for stdout.</param>
    /// <param name="write">Writes the whole output.</param>
    /// <param name="terminalText">
    /// The output is readable text: its control characters (ESC, BEL, CR, BS... from identifiers or articles) are
    /// escaped so that they cannot drive the terminal it is shown on. Not for JSON, which escapes them itself.
    /// </param>
    public static void WriteOutput(ParseResult parse, string? outputPath, Action<TextWriter> write, bool terminalText = false)
    {
        if (string.IsNullOrEmpty(outputPath))
        {
            using var console = new NonClosingWriter(parse.InvocationConfiguration.Output);
            WriteThrough(console, write, terminalText);
            return;
        }

        WriteFileAtomically(outputPath, writer => WriteThrough(writer, write, terminalText));
    }

    /// <summary>The command's stdout, for output written as it is produced (a stream of JSON lines); disposing it leaves the console open.</summary>
    public static TextWriter OpenStdout(ParseResult parse) => new NonClosingWriter(parse.InvocationConfiguration.Output);

    /// <summary>Writes a file through a temporary file in the same folder and a rename; on failure the temporary file is removed.</summary>
    internal static void WriteFileAtomically(string path, Action<TextWriter> write)
    {
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" })
            {
                write(writer);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static void WriteThrough(TextWriter writer, Action<TextWriter> write, bool terminalText)
    {
        if (!terminalText)
        {
            write(writer);
            return;
        }

        using var escaped = new TerminalTextWriter(writer, leaveOpen: true);
        write(escaped);
    }

    /// <summary>
    /// Parses a numeric option and checks its range at parse time: a value that is not a number, or out of range, is
    /// one usage error naming the option and the allowed range (exit code 2), never the library's exception text.
    /// </summary>
    public static Option<T> InRange<T>(Option<T> option, T min, T max, bool inclusive = true)
        where T : struct, INumber<T>
    {
        bool real = typeof(T) == typeof(double) || typeof(T) == typeof(float);
        string noun = real ? "a number" : "a whole number";
        string range = inclusive ? $"[{Format(min)}, {Format(max)}]" : $"({Format(min)}, {Format(max)})";
        option.CustomParser = result =>
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (!T.TryParse(token, real ? NumberStyles.Float : NumberStyles.Integer, CultureInfo.InvariantCulture, out T value) || (real && !double.IsFinite(double.CreateTruncating(value))))
            {
                result.AddError($"{option.Name} '{token}' is not {noun}: expected {noun} in {range}.");
                return default;
            }

            bool ok = inclusive ? value >= min && value <= max : value > min && value < max;
            if (!ok)
            {
                result.AddError($"{option.Name} {token} is out of range: expected {noun} in {range}.");
            }

            return value;
        };
        return option;

        static string Format(T value) => value.ToString(null, CultureInfo.InvariantCulture);
    }

    /// <summary>Restricts an option to a list of values, with one error line that names the option and lists them.</summary>
    public static Option<T> OneOf<T>(Option<T> option, params string[] allowed)
        where T : class?
    {
        option.CompletionSources.Add(allowed);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (Array.IndexOf(allowed, token.Value) < 0)
                {
                    result.AddError($"{option.Name} '{token.Value}' is not allowed: expected one of {string.Join(", ", allowed)}.");
                    return;
                }
            }
        });
        return option;
    }

    /// <summary>True when the command writes its errors to the real console and that console's stderr is a terminal.</summary>
    public static bool StderrIsTerminal(ParseResult parse) =>
        ReferenceEquals(parse.InvocationConfiguration.Error, Console.Error) && !Console.IsErrorRedirected;

    private sealed record Streams(TextReader Stdin, TextWriter Stderr);

    private sealed class NonClosingWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value) => inner.Write(value);

        public override void Write(string? value) => inner.Write(value);

        public override void Write(ReadOnlySpan<char> buffer) => inner.Write(buffer);

        public override void Flush() => inner.Flush();

        protected override void Dispose(bool disposing)
        {
            inner.Flush();
            base.Dispose(disposing);
        }
    }

    /// <summary>Writes a result to the output: the JSON text (and a newline) for --format json, else the readable form.</summary>
    public static void WriteResult(ParseResult parse, string? outputPath, bool json, Func<string> toJson, Action<TextWriter> writeText)
    {
        WriteOutput(
            parse,
            outputPath,
            writer =>
            {
                if (json)
                {
                    writer.Write(toJson());
                    writer.Write('\n');
                }
                else
                {
                    writeText(writer);
                }
            },
            terminalText: !json);
    }
}
