namespace Comparison.Reports;

/// <summary>The formats a report can be written in.</summary>
public enum ReportFormat
{
    /// <summary>A readable plain-text summary for a terminal: clusters, duplicate groups, discrepancies with their quotes.</summary>
    Text,

    /// <summary>JSON (camelCase, UTF-8), byte-identical for the same report; the command-line contract.</summary>
    Json,

    /// <summary>Markdown: a heading per cluster, tables of discrepancies with the quoted spans, shared passages.</summary>
    Markdown,

    /// <summary>One self-contained HTML page (inline CSS, JavaScript and SVG; nothing fetched).</summary>
    Html,
}
