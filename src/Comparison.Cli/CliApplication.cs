using System.CommandLine;
using System.CommandLine.Help;
using Comparison.Cli.Commands;
using Comparison.Documents;

namespace Comparison.Cli;

/// <summary>The <c>comparison</c> command line: parses arguments, calls the library and prints.</summary>
/// <remarks>
/// Exit codes: 0 success, 1 bad input (the message names the file and line), 2 usage error,
/// 130 cancelled by Ctrl+C (128 + SIGINT, as shells report it).
/// </remarks>
internal static class CliApplication
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for bad input (the message names the file and line).</summary>
    public const int BadInput = 1;

    /// <summary>Exit code for a usage error.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code when the run was cancelled (Ctrl+C): 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;

    /// <summary>The command name of the installed .NET tool (ToolCommandName in the project file).</summary>
    public const string ToolName = "comparison";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) => RunAsync(args, stdout, stderr, CancellationToken.None);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        Command root = BuildRootCommand();
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await stderr.WriteLineAsync($"Run '{UsageHint(parse)} --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }

        // Ctrl+C is handled by Program (it cancels cancellationToken), not by System.CommandLine, so that a
        // cancelled run always ends through the same path: OperationCanceledException, exit code 130.
        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("cancelled").ConfigureAwait(false);
            return Cancelled;
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
        catch (ArgumentException ex)
        {
            // Options handed to the library are validated there; the exception names the bad property.
            await stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return UsageError;
        }
    }

    private static string UsageHint(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    // One line per command; each command lives in its own file under Commands/. The root is a plain Command named
    // after the installed tool, not a RootCommand (whose name is the entry assembly's, "Comparison.Cli"), so that
    // usage lines and hints say "comparison" however the program was started; it gets RootCommand's help and
    // version options.
    private static Command BuildRootCommand() => new(ToolName, "Compare news sources: duplicates, event clusters, shared passages and the facts on which reports disagree.")
    {
        new HelpOption(),
        new VersionOption(),
        AnalyzeCommand.Create(),
        DiscrepanciesCommand.Create(),
        DuplicatesCommand.Create(),
        ClusterCommand.Create(),
        EvaluateCommand.Create(),
        SimilarityCommand.Create(),
        PassagesCommand.Create(),
        IndexCommand.Create(),
    };
}
