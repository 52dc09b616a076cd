using System.CommandLine;
using System.Globalization;
using Comparison.Documents;

namespace Comparison.Cli;

/// <summary>The <c>comparison</c> command line: parses arguments, calls the library and prints.</summary>
internal static class CliApplication
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for bad input (the message names the file and line).</summary>
    public const int BadInput = 1;

    /// <summary>Exit code for a usage error.</summary>
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        RootCommand root = BuildRootCommand(stdout, stderr);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            return UsageError;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (DocumentFormatException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return BadInput;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return BadInput;
        }
    }

    private static RootCommand BuildRootCommand(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Compare news sources: duplicates, event clusters, shared passages and the facts on which reports disagree.");
        root.Subcommands.Add(BuildAnalyzeCommand(stdout));
        _ = stderr;
        return root;
    }

    private static Command BuildAnalyzeCommand(TextWriter stdout)
    {
        var input = new Argument<string>("INPUT") { Description = "A directory of .txt files or a .jsonl file." };
        var command = new Command("analyze", "Run the whole pipeline on a corpus and print a report.") { input };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(input)!;
            foreach (Document document in DocumentReader.Read(path))
            {
                string date = document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{document.Id}\t{date}\t{document.Text.Length} chars"));
            }

            return Success;
        });
        return command;
    }
}
