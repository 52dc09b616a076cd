using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Comparison.Reports;
using Spectre.Console;

namespace Comparison.Cli;

/// <summary>
/// Runs a long piece of work with a Spectre.Console progress display on stderr — only when stderr is a terminal
/// and --quiet was not given, so stdout stays clean for pipes and redirected runs print nothing extra.
/// </summary>
/// <remarks>
/// The work reports through a <see cref="StageReporter"/>: one progress bar per stage name, created on the
/// stage's first report; a stage's clock stops when it completes. Reports may come from any thread. The finished
/// bars stay on screen as a record of where the time went, followed by one line with the total time and the
/// process's peak memory.
/// </remarks>
internal static class CliProgress
{
    /// <summary>Receives progress: the stage name, the units done so far and the total (0 when unknown).</summary>
    public delegate void StageReporter(string stage, long completed, long total);

    /// <summary>Runs <paramref name="work"/>, showing its progress when <see cref="IsShown"/>.</summary>
    public static async Task<T> RunAsync<T>(ParseResult parse, bool quiet, Func<StageReporter, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsShown(parse, quiet))
        {
            return work(static (_, _, _) => { });
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
        });
        var clock = Stopwatch.StartNew();
        T outcome = await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var gate = new Lock();
                void Report(string stage, long completed, long total)
                {
                    lock (gate)
                    {
                        if (!tasks.TryGetValue(stage, out ProgressTask? task))
                        {
                            task = context.AddTask(Markup.Escape(TerminalText.Escape(stage)), autoStart: true, maxValue: Math.Max(1, total));
                            tasks.Add(stage, task);
                        }

                        if (total > 0)
                        {
                            task.MaxValue = total;
                            task.Value = Math.Min(completed, total);
                            if (completed >= total && task.StopTime is null)
                            {
                                task.StopTask();
                            }
                        }
                        else
                        {
                            task.IsIndeterminate = true;
                        }
                    }
                }

                T result = await Task.Run(() => work(Report), cancellationToken).ConfigureAwait(false);
                lock (gate)
                {
                    foreach (ProgressTask task in tasks.Values)
                    {
                        task.IsIndeterminate = false;
                        task.Value = task.MaxValue;
                        if (task.StopTime is null)
                        {
                            task.StopTask();
                        }
                    }
                }

                return result;
            }).ConfigureAwait(false);

        using var self = Process.GetCurrentProcess();
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[grey]Done in {clock.Elapsed.TotalSeconds:F1} s; peak memory {self.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MB.[/]"));
        return outcome;
    }

    /// <summary>Whether progress is shown: stderr is the console's, it is a terminal, and --quiet is off.</summary>
    public static bool IsShown(ParseResult parse, bool quiet) => !quiet && CliCommon.StderrIsTerminal(parse);
}
