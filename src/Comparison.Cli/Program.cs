using System.Diagnostics;
using Comparison.Cli;

// The first Ctrl+C cancels the run cleanly (exit code 130); a second one ends the process at once.
// One interrupt often arrives twice within a few milliseconds (`timeout -s INT` signals the child and then
// its whole process group; so does `kill -INT -- -PGID` beside a direct kill), so a repeat within
// duplicateWindow of the first counts as the same Ctrl+C, not as the second press.
TimeSpan duplicateWindow = TimeSpan.FromMilliseconds(500);
long firstInterrupt = 0;
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    long now = Stopwatch.GetTimestamp();
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        Interlocked.Exchange(ref firstInterrupt, now);
        cancellation.Cancel();
    }
    else if (Stopwatch.GetElapsedTime(Interlocked.Read(ref firstInterrupt), now) < duplicateWindow)
    {
        e.Cancel = true;
    }
};

return await CliApplication.RunAsync(args, Console.In, Console.Out, Console.Error, cancellation.Token).ConfigureAwait(false);
