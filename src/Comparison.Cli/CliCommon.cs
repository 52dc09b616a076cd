using System.CommandLine;
using System.Text;
using Comparison.Documents;
using Comparison.Indexing;

namespace Comparison.Cli;

/// <summary>Options and plumbing shared by every command: input, format, output file, progress, cancellation.</summary>
internal static class CliCommon
{
    /// <summary>The INPUT argument: a directory of .txt files or a .jsonl file.</summary>
    public static Argument<string> InputArgument() => new("INPUT") { Description = "A directory of .txt files, a .txt file, or a .jsonl file (one {\"id\",\"text\",\"date\"?,\"source\"?,\"title\"?,\"url\"?} object per line)." };

    /// <summary>The --format option with the given allowed values; the first is the default.</summary>
    public static Option<string> FormatOption(params string[] allowed)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", allowed) + ".",
            DefaultValueFactory = _ => allowed[0],
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
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
        option.AcceptOnlyFromAmong(allowed);
        return option;
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
        verify.AcceptOnlyFromAmong("exact", "estimated");
        return verify;
    }

    /// <summary>The verification a <see cref="VerifyOption"/> value names.</summary>
    public static DuplicateVerification ParseVerification(string? value) =>
        value == "estimated" ? DuplicateVerification.Estimated : DuplicateVerification.Exact;

    /// <summary>Reads every document of the input, in input order. Format errors propagate (exit code 1).</summary>
    public static IReadOnlyList<Document> ReadInput(string path) => ReadInput(path, CancellationToken.None);

    /// <summary>Reads every document of the input, in input order, stopping when cancelled. Format errors propagate (exit code 1).</summary>
    public static IReadOnlyList<Document> ReadInput(string path, CancellationToken cancellationToken)
    {
        var documents = new List<Document>();
        foreach (Document document in DocumentReader.Read(path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            documents.Add(document);
        }

        return documents;
    }

    /// <summary>
    /// Writes the output: to the command's stdout, or to the file named by --output (UTF-8, no BOM) all at once or
    /// not at all. The file is written under a temporary name in its own folder and renamed over the target only
    /// when <paramref name="write"/> has finished, so a failure (out of memory, a full disk, Ctrl+C) never leaves
    /// a half-written or empty report, nor destroys the file that was there.
    /// </summary>
    public static void WriteOutput(ParseResult parse, string? outputPath, Action<TextWriter> write)
    {
        if (string.IsNullOrEmpty(outputPath))
        {
            using var console = new NonClosingWriter(parse.InvocationConfiguration.Output);
            write(console);
            return;
        }

        WriteFileAtomically(outputPath, write);
    }

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

    /// <summary>True when the command writes its errors to the real console and that console's stderr is a terminal.</summary>
    public static bool StderrIsTerminal(ParseResult parse) =>
        ReferenceEquals(parse.InvocationConfiguration.Error, Console.Error) && !Console.IsErrorRedirected;

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
        WriteOutput(parse, outputPath, writer =>
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
        });
    }
}
