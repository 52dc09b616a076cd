using Comparison.Cli;

namespace Comparison.Tests.Support;

/// <summary>Runs the command line in process and captures what it prints.</summary>
public static class CliRun
{
    /// <summary>Runs <c>comparison args...</c>; returns the exit code, stdout and stderr.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CliApplication.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>comparison args...</c> with <paramref name="stdin"/> as standard input.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunWithInput(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CliApplication.RunAsync(args, new StringReader(stdin), stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
