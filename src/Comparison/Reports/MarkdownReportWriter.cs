using System.Globalization;
using System.Text;
using Comparison.Documents;

namespace Comparison.Reports;

/// <summary>Writes a report as Markdown: a heading per cluster, tables of discrepancies with the quoted spans, shared passages.</summary>
/// <remarks>
/// Article text is escaped for Markdown and for the HTML that Markdown viewers pass through: <c>&lt;</c>,
/// <c>&gt;</c> and <c>&amp;</c> become entities, so an article holding <c>&lt;script&gt;</c> renders as text.
/// Single-document clusters are listed in one paragraph at the end. Thread-safe.
/// </remarks>
public static class MarkdownReportWriter
{
    /// <summary>Writes the Markdown report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">The writer; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(ComparisonResult report, TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        var index = new ReportIndex(report);
        var w = new StringBuilder();
        w.Append("# Comparison report\n\n");
        w.Append(index.Summary()).Append(".\n\n");

        if (report.Clusters.Ran)
        {
            foreach (ReportCluster cluster in index.MultiDocumentClusters)
            {
                w.Append(CultureInfo.InvariantCulture, $"## Cluster {cluster.Id}: {Escape(cluster.Label)}\n\n");
                foreach (string id in cluster.Documents)
                {
                    w.Append("- `").Append(Code(id)).Append("` ").Append(Escape(index.Describe(id))).Append('\n');
                }

                w.Append('\n');
                WriteDiscrepancies(w, index, index.DiscrepanciesOf(cluster.Id).ToList(), "###");
                WriteCoverage(w, index, cluster);
                WriteClaims(w, index.ClaimsOf(cluster.Id).ToList(), "###");
            }

            if (index.Singletons.Length > 0)
            {
                w.Append("## Documents that stand alone\n\n");
                w.Append(string.Join(", ", index.Singletons.Select(c => "`" + Code(c.Documents[0]) + "`"))).Append("\n\n");
                foreach (ReportCluster cluster in index.Singletons)
                {
                    WriteDiscrepancies(w, index, index.DiscrepanciesOf(cluster.Id).ToList(), "###");
                }
            }
        }
        else if (report.Discrepancies.TryGetValue(out var facts))
        {
            WriteDiscrepancies(w, index, facts.Discrepancies, "##");
            WriteClaims(w, facts.Claims, "##");
        }

        if (report.Duplicates.TryGetValue(out var duplicates))
        {
            w.Append(CultureInfo.InvariantCulture, $"## Near-duplicates (Jaccard \u2265 {duplicates.Threshold:0.##})\n\n");
            if (duplicates.Pairs.Length == 0)
            {
                w.Append("None.\n\n");
            }
            else
            {
                w.Append("| Document A | Document B | Estimated Jaccard | Exact Jaccard |\n|---|---|---:|---:|\n");
                foreach (Indexing.DuplicatePair<string> pair in duplicates.Pairs)
                {
                    w.Append(CultureInfo.InvariantCulture, $"| `{CodeCell(pair.A)}` | `{CodeCell(pair.B)}` | {pair.EstimatedJaccard:0.000} | {(pair.Jaccard is double j ? j.ToString("0.000", CultureInfo.InvariantCulture) : "\u2014")} |\n");
                }

                w.Append('\n');
                foreach (var group in duplicates.Groups)
                {
                    w.Append("- Group: ").Append(string.Join(", ", group.Select(id => "`" + Code(id) + "`"))).Append('\n');
                }

                w.Append('\n');
            }
        }

        if (report.Passages.TryGetValue(out var passages))
        {
            w.Append("## Shared passages\n\n");
            if (passages.Passages.Length == 0)
            {
                w.Append("None.\n\n");
            }

            foreach (DocumentPassage passage in passages.Passages)
            {
                w.Append(CultureInfo.InvariantCulture, $"### `{Code(passage.A)}` and `{Code(passage.B)}` (similarity {passage.Passage.Similarity:0.00})\n\n");
                w.Append("> ").Append(Escape(SpanContext.Collapse(index.Quote(passage.A, passage.Passage.A)).Trim())).Append("\n\n");
                w.Append("> ").Append(Escape(SpanContext.Collapse(index.Quote(passage.B, passage.Passage.B)).Trim())).Append("\n\n");
            }
        }

        if (report.Similarity.TryGetValue(out var similarity) && similarity.Documents.Length <= 20)
        {
            w.Append("## Similarity (TF-IDF cosine)\n\n|  |");
            for (int j = 0; j < similarity.Documents.Length; j++)
            {
                w.Append(CultureInfo.InvariantCulture, $" {j + 1} |");
            }

            w.Append("\n|---|");
            w.Append(string.Concat(Enumerable.Repeat("---:|", similarity.Documents.Length)));
            w.Append('\n');
            for (int i = 0; i < similarity.Documents.Length; i++)
            {
                w.Append(CultureInfo.InvariantCulture, $"| {i + 1} `{CodeCell(similarity.Documents[i])}` |");
                for (int j = 0; j < similarity.Documents.Length; j++)
                {
                    w.Append(CultureInfo.InvariantCulture, $" {similarity.CosineAt(i, j):0.00} |");
                }

                w.Append('\n');
            }

            w.Append('\n');
        }

        destination.Write(w.ToString());
    }

    private static void WriteDiscrepancies(StringBuilder w, ReportIndex index, IReadOnlyList<ReportDiscrepancy> discrepancies, string level)
    {
        if (discrepancies.Count == 0)
        {
            return;
        }

        w.Append(level).Append(" Discrepancies\n\n");
        w.Append("| Kind | Subject | Document | Says | In context |\n|---|---|---|---|---|\n");
        foreach (ReportDiscrepancy discrepancy in discrepancies)
        {
            string subject = Escape(discrepancy.Subject) + " (" + Escape(ReportIndex.Words(ReportIndex.Name(discrepancy.Relation)))
                + (discrepancy.Confidence is double c ? ", confidence " + c.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : string.Empty) + ")";
            foreach (ReportMention mention in discrepancy.Mentions)
            {
                SpanContext context = index.Context(mention);
                w.Append("| ").Append(Escape(ReportIndex.Name(discrepancy.Kind))).Append(" | ").Append(subject)
                    .Append(" | `").Append(CodeCell(mention.Document)).Append("` | **").Append(Escape(SpanContext.Collapse(mention.Text).Trim()))
                    .Append("** | ").Append(Escape(context.Before)).Append("**").Append(Escape(context.Span)).Append("**").Append(Escape(context.After)).Append(" |\n");
            }
        }

        w.Append('\n');
    }

    private static void WriteCoverage(StringBuilder w, ReportIndex index, ReportCluster cluster)
    {
        var facts = index.CoverageOf(cluster.Id).ToList();
        if (facts.Count == 0)
        {
            return;
        }

        w.Append("### Who reports what\n\n\u26A0 the sources disagree; \u2713 they agree; otherwise one source alone.\n\n| Fact |");
        foreach (string id in cluster.Documents)
        {
            w.Append(" `").Append(CodeCell(id)).Append("` |");
        }

        w.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---|", cluster.Documents.Length))).Append('\n');
        foreach (FactCoverage fact in facts)
        {
            w.Append("| ").Append(fact.Disagrees ? "\u26A0 " : fact.Mentions.Length > 1 ? "\u2713 " : string.Empty).Append(Escape(fact.Subject)).Append(" |");
            foreach (string id in cluster.Documents)
            {
                ReportMention? mention = fact.Mentions.FirstOrDefault(m => string.Equals(m.Document, id, StringComparison.Ordinal));
                w.Append(' ').Append(mention is null ? "\u2014" : Escape(SpanContext.Collapse(mention.Text).Trim())).Append(" |");
            }

            w.Append('\n');
        }

        w.Append('\n');
    }

    private static void WriteClaims(StringBuilder w, IReadOnlyList<SourceClaim> claims, string level)
    {
        if (claims.Count == 0)
        {
            return;
        }

        w.Append(level).Append(" Reported by one source only\n\n");
        foreach (SourceClaim claim in claims)
        {
            w.Append("- `").Append(Code(claim.Mention.Document)).Append("` (").Append(Escape(ReportIndex.Name(claim.Kind))).Append(", ").Append(Escape(claim.Subject))
                .Append("): \u201C").Append(Escape(SpanContext.Collapse(claim.Mention.Text).Trim())).Append("\u201D\n");
        }

        w.Append('\n');
    }

    /// <summary>Escapes text for a Markdown table cell or paragraph, including the HTML Markdown passes through.</summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r' or '\n': sb.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    // A control character (ESC, BEL, BS...) is shown, not obeyed by the terminal that displays the file.
                    TerminalText.Append(sb, [c], keepLineFeeds: false);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Text inside a single-backtick code span: backticks cannot be escaped there, so they are replaced; line breaks
    /// end a list item or a heading, so they become spaces; control characters are shown as <c>\xHH</c>.
    /// </summary>
    internal static string Code(string id) => TerminalText.Escape(id.Replace('`', '\'').Replace('\r', ' ').Replace('\n', ' '));

    /// <summary>
    /// <see cref="Code"/> for a code span inside a table cell, where a <c>|</c> ends the cell even within the span
    /// unless it is escaped (GitHub Flavored Markdown removes the backslash there).
    /// </summary>
    internal static string CodeCell(string id) => Code(id).Replace("|", "\\|", StringComparison.Ordinal);
}
