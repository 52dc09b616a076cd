using System.CommandLine;
using System.Text;
using Comparison.Documents;

namespace Comparison.Cli;

/// <summary>Options and plumbing shared by every command: input, format, output file.</summary>
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

    /// <summary>The --output option: write to a file instead of stdout.</summary>
    public static Option<string?> OutputOption() => new("--output", "-o") { Description = "Write the result to this file instead of stdout." };

    /// <summary>The --quiet option: no progress on stderr.</summary>
    public static Option<bool> QuietOption() => new("--quiet", "-q") { Description = "No progress display on stderr." };

    /// <summary>Reads every document of the input, in input order. Format errors propagate (exit code 1).</summary>
    public static IReadOnlyList<Document> ReadInput(string path) => DocumentReader.Read(path).ToList();

    /// <summary>Opens the output: the file named by --output (UTF-8, no BOM), or the command's stdout.</summary>
    public static TextWriter OpenOutput(ParseResult parse, string? outputPath)
    {
        if (string.IsNullOrEmpty(outputPath))
        {
            return new NonClosingWriter(parse.InvocationConfiguration.Output);
        }

        return new StreamWriter(outputPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
    }

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
}
