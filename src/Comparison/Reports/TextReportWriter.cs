using System.Globalization;

namespace Comparison.Reports;

/// <summary>Writes a report as a readable plain-text summary for a terminal.</summary>
/// <remarks>
/// Clusters of two or more documents with their labels and documents (at most
/// <see cref="MaxDocumentsPerCluster"/> each), the number of single-document clusters, duplicate groups,
/// every discrepancy with the quoted mentions in their sentences, and shared passages. Sections whose stage
/// did not run are left out. Thread-safe.
/// </remarks>
public static class TextReportWriter
{
    /// <summary>How many documents of one cluster are listed before "and N more".</summary>
    public const int MaxDocumentsPerCluster = 12;

    /// <summary>Writes the summary.</summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">The writer; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(ComparisonResult report, TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        var index = new ReportIndex(report);
        // Identifiers, titles and article text come from the input: their control characters are shown, not obeyed.
        using var w = new TerminalTextWriter(destination);
        w.Write("Comparison report: ");
        w.Write(ReportIndex.Count(report.Documents.Length, "document", "documents"));
        w.Write('\n');

        if (report.Clusters.Ran)
        {
            w.Write('\n');
            w.Write(Heading("Clusters", index.MultiDocumentClusters.Length + index.Singletons.Length));
            foreach (ReportCluster cluster in index.MultiDocumentClusters)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"  [{cluster.Id}] {cluster.Label}  ({cluster.Documents.Length} documents)\n"));
                int shown = 0;
                foreach (string id in cluster.Documents)
                {
                    if (shown++ == MaxDocumentsPerCluster)
                    {
                        w.Write(string.Create(CultureInfo.InvariantCulture, $"        ... and {cluster.Documents.Length - MaxDocumentsPerCluster} more\n"));
                        break;
                    }

                    w.Write("      ");
                    w.Write(id);
                    w.Write("  ");
                    w.Write(index.Describe(id));
                    w.Write('\n');
                }
            }

            if (index.Singletons.Length > 0)
            {
                w.Write("  ");
                w.Write(ReportIndex.Count(index.Singletons.Length, "document stands alone", "documents stand alone"));
                w.Write(": ");
                w.Write(string.Join(", ", index.Singletons.Take(MaxDocumentsPerCluster).Select(c => c.Documents[0])));
                if (index.Singletons.Length > MaxDocumentsPerCluster)
                {
                    w.Write(", ...");
                }

                w.Write('\n');
            }
        }

        if (report.Duplicates.TryGetValue(out var duplicates))
        {
            w.Write('\n');
            w.Write(string.Create(CultureInfo.InvariantCulture, $"Near-duplicates at Jaccard >= {duplicates.Threshold:0.##}: "));
            w.Write(duplicates.Groups.Length == 0
                ? "none\n"
                : string.Create(CultureInfo.InvariantCulture, $"{ReportIndex.Count(duplicates.Groups.Length, "group", "groups")} from {ReportIndex.Count(duplicates.Pairs.Length, "pair", "pairs")}\n"));
            foreach (var group in duplicates.Groups)
            {
                w.Write("  - ");
                w.Write(string.Join(", ", group));
                w.Write('\n');
            }
        }

        if (report.Discrepancies.TryGetValue(out var facts))
        {
            w.Write('\n');
            w.Write(Heading("Discrepancies", facts.Discrepancies.Length));
            foreach (ReportDiscrepancy discrepancy in facts.Discrepancies)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"  [{ReportIndex.Name(discrepancy.Kind)}] {discrepancy.Subject}  (cluster {discrepancy.Cluster}, {ReportIndex.Words(ReportIndex.Name(discrepancy.Relation))}"));

                if (discrepancy.Confidence is double confidence)
                {
                    w.Write(string.Create(CultureInfo.InvariantCulture, $", confidence {confidence:0.00}"));
                }

                w.Write(")\n");
                foreach (ReportMention mention in discrepancy.Mentions)
                {
                    SpanContext context = index.Context(mention);
                    w.Write("      ");
                    w.Write(mention.Document);
                    w.Write(": \u201C");
                    w.Write(SpanContext.Collapse(mention.Text));
                    w.Write("\u201D\n          ");
                    w.Write(context.Before.TrimStart());
                    w.Write('[');
                    w.Write(context.Span);
                    w.Write(']');
                    w.Write(context.After.TrimEnd());
                    w.Write('\n');
                }
            }

            if (facts.Claims.Length > 0)
            {
                w.Write('\n');
                w.Write(Heading("Reported by one source only", facts.Claims.Length));
                foreach (SourceClaim claim in facts.Claims)
                {
                    w.Write(string.Create(CultureInfo.InvariantCulture, $"  [{ReportIndex.Name(claim.Kind)}] {claim.Mention.Document}: \u201C{SpanContext.Collapse(claim.Mention.Text)}\u201D ({claim.Subject})\n"));
                }
            }
        }

        if (report.Passages.TryGetValue(out var passages))
        {
            w.Write('\n');
            w.Write(Heading("Shared passages", passages.Passages.Length));
            foreach (DocumentPassage passage in passages.Passages)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"  {passage.A} / {passage.B}  similarity {passage.Passage.Similarity:0.00}\n"));
                w.Write("      \u201C");
                w.Write(SpanContext.Collapse(index.Quote(passage.A, passage.Passage.A)).Trim());
                w.Write("\u201D\n      \u201C");
                w.Write(SpanContext.Collapse(index.Quote(passage.B, passage.Passage.B)).Trim());
                w.Write("\u201D\n");
            }
        }
    }

    private static string Heading(string title, int count) => string.Create(CultureInfo.InvariantCulture, $"{title} ({count})\n");
}
