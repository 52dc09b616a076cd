using System.Diagnostics;

namespace Comparison.Tests.Support;

/// <summary>
/// Debian's headless Chromium, for tests that check a page in a real browser. Missing Chromium is a test
/// FAILURE with the command that installs it, never a skip (.ci/run installs it).
/// </summary>
public static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>The DOM the browser built for the file, after its scripts ran, serialised as HTML.</summary>
    public static string DumpDom(string htmlFile) => Run(htmlFile, null, "--dump-dom");

    /// <summary>The DOM after the scripts ran on the page opened with a fragment (such as <c>q=word</c>, which the report's search box reads).</summary>
    public static string DumpDom(string htmlFile, string fragment) => Run(htmlFile, fragment, "--dump-dom");

    /// <summary>Writes a PNG screenshot of the page.</summary>
    public static void Screenshot(string htmlFile, string pngFile, int width = 1280, int height = 2400) =>
        Run(htmlFile, null, $"--screenshot={pngFile}", $"--window-size={width},{height}", "--hide-scrollbars");

    private static string Run(string htmlFile, string? fragment, params string[] extra)
    {
        Assert.True(File.Exists(Path), $"Chromium is not installed at {Path}: run `apt-get update && apt-get install -y chromium` (.ci/run does this). The HTML report test needs a real browser.");
        string profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            var start = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile,
            }.Concat(extra))
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(new Uri(System.IO.Path.GetFullPath(htmlFile)).AbsoluteUri + (fragment is null ? string.Empty : "#" + Uri.EscapeDataString(fragment).Replace("%3D", "=", StringComparison.Ordinal)));
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish within 90 s on {htmlFile}.");
            }

            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be releasing its profile; a stray temp folder is harmless.
            }
        }
    }
}
