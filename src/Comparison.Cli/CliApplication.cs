using System.CommandLine;
using System.CommandLine.Help;
using Comparison.Cli.Commands;
using Comparison.Documents;
using Comparison.Reports;

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

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, TextReader.Null, stdout, stderr, cancellationToken);

    /// <summary>Runs one command line; <paramref name="stdin"/> is what INPUT <c>-</c> reads.</summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        CliCommon.Use(stdin, stderr);
        Command root = BuildRootCommand();
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line: the first error (the others follow from it, as "Required command was not provided" from an
            // unknown command) and where to read the usage.
            await Error(stderr, $"{FirstError(parse)} Run '{UsageHint(parse)} --help' for usage.").ConfigureAwait(false);
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
            await Error(stderr, ex.Message).ConfigureAwait(false);
            return BadInput;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            await Error(stderr, ex.Message).ConfigureAwait(false);
            return BadInput;
        }
        catch (UsageException ex)
        {
            await Error(stderr, ex.Message).ConfigureAwait(false);
            return UsageError;
        }
        catch (ArgumentException ex)
        {
            // Options handed to the library are validated there; the exception names the bad property. Its text
            // ends with " (Parameter 'X')" and an "Actual value was" line: the first sentence is the message.
            await Error(stderr, LibraryMessage(ex)).ConfigureAwait(false);
            return UsageError;
        }
    }

    /// <summary>
    /// Writes one error line: control characters in the message (from a file name, an id or an argument) are
    /// escaped, so the line cannot drive the terminal and cannot become two.
    /// </summary>
    private static Task Error(TextWriter stderr, string message) => stderr.WriteLineAsync("error: " + TerminalText.Escape(message));

    /// <summary>An argument exception's own message, without the parameter name and actual value .NET appends.</summary>
    internal static string LibraryMessage(ArgumentException ex)
    {
        string message = ex.Message;
        int line = message.IndexOf('\n', StringComparison.Ordinal);
        if (line >= 0)
        {
            message = message[..line].TrimEnd('\r');
        }

        if (ex.ParamName is not null)
        {
            string suffix = $" (Parameter '{ex.ParamName}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
            {
                message = message[..^suffix.Length];
            }
        }

        return message;
    }

    /// <summary>
    /// The error to report: the one about a token nobody recognised (a mistyped command) when there is one, else the
    /// first; its line breaks and indentation (System.CommandLine lists choices on lines of their own) become spaces.
    /// </summary>
    private static string FirstError(ParseResult parse)
    {
        string message = UnrecognisedTokenError(parse) ?? parse.Errors[0].Message;
        return string.Join(' ', message.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

        static string? UnrecognisedTokenError(ParseResult parse)
        {
            foreach (var token in parse.UnmatchedTokens)
            {
                foreach (var error in parse.Errors)
                {
                    if (error.Message.Contains($"'{token}'", StringComparison.Ordinal))
                    {
                        return error.Message;
                    }
                }
            }

            return null;
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
