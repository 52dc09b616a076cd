namespace Comparison.Reports;

/// <summary>Writes a report in any <see cref="ReportFormat"/>.</summary>
public static class ReportWriter
{
    /// <summary>Writes the report in the given format.</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">The format.</param>
    /// <param name="destination">The writer; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static void Write(ComparisonResult report, ReportFormat format, TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        switch (format)
        {
            case ReportFormat.Text:
                TextReportWriter.Write(report, destination);
                break;
            case ReportFormat.Json:
                JsonReportWriter.Write(report, destination);
                break;
            case ReportFormat.Markdown:
                MarkdownReportWriter.Write(report, destination);
                break;
            case ReportFormat.Html:
                HtmlReportWriter.Write(report, destination);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Expected Text, Json, Markdown or Html.");
        }
    }

    /// <summary>Parses a format name: <c>text</c>, <c>json</c>, <c>markdown</c> (or <c>md</c>), <c>html</c>; case-insensitive.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is none of those.</exception>
    public static ReportFormat ParseFormat(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "text" or "txt" => ReportFormat.Text,
            "json" => ReportFormat.Json,
            "markdown" or "md" => ReportFormat.Markdown,
            "html" or "htm" => ReportFormat.Html,
            _ => throw new ArgumentException($"Unknown report format '{name}': expected text, json, markdown or html.", nameof(name)),
        };
    }
}
