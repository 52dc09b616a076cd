using System.CommandLine;
using Comparison.Cli.Commands;
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
        RootCommand root = BuildRootCommand();
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
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return UsageError;
        }
    }

    // One line per command; each command lives in its own file under Commands/.
    private static RootCommand BuildRootCommand() => new("Compare news sources: duplicates, event clusters, shared passages and the facts on which reports disagree.")
    {
        AnalyzeCommand.Create(),
        DiscrepanciesCommand.Create(),
    };
}
