using System.Collections.Immutable;
using System.Globalization;
using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Text;

namespace Comparison.Reports;

/// <summary>Look-ups every renderer needs: documents by id, clusters in display order, facts by cluster.</summary>
internal sealed class ReportIndex
{
    private readonly Dictionary<string, Document> _documents;

    public ReportIndex(ComparisonResult report)
    {
        Report = report;
        _documents = new Dictionary<string, Document>(report.Documents.Length, StringComparer.Ordinal);
        foreach (Document document in report.Documents)
        {
            _documents.TryAdd(document.Id, document);
        }

        var multi = new List<ReportCluster>();
        var single = new List<ReportCluster>();
        if (report.Clusters.TryGetValue(out ClustersSection? clusters))
        {
            foreach (ReportCluster cluster in clusters.Clusters)
            {
                (cluster.Documents.Length > 1 ? multi : single).Add(cluster);
            }
        }

        // Larger clusters first; ties by cluster number, so the order never depends on anything else.
        multi.Sort(static (x, y) => x.Documents.Length != y.Documents.Length ? y.Documents.Length.CompareTo(x.Documents.Length) : x.Id.CompareTo(y.Id));
        MultiDocumentClusters = [.. multi];
        Singletons = [.. single];
    }

    public ComparisonResult Report { get; }

    /// <summary>Clusters of two or more documents, largest first.</summary>
    public ImmutableArray<ReportCluster> MultiDocumentClusters { get; }

    /// <summary>Clusters of one document, by number.</summary>
    public ImmutableArray<ReportCluster> Singletons { get; }

    public Document? Find(string id) => _documents.GetValueOrDefault(id);

    public string TextOf(string id) => Find(id)?.Text ?? string.Empty;

    public SpanContext Context(ReportMention mention) =>
        SpanContext.Of(TextOf(mention.Document), mention.Start, mention.End, mention.SentenceStart, mention.SentenceEnd);

    public SpanContext Context(string document, TextSpan span) => SpanContext.Of(TextOf(document), span.Start, span.End);

    /// <summary>The words of a span of a document (empty when the document is unknown or the span outside it).</summary>
    public string Quote(string document, TextSpan span)
    {
        string text = TextOf(document);
        return span.Start >= 0 && span.End <= text.Length ? text.Substring(span.Start, span.Length) : string.Empty;
    }

    /// <summary>A one-line description of a document: its date, source and title when known.</summary>
    public string Describe(string id)
    {
        Document? document = Find(id);
        if (document is null)
        {
            return string.Empty;
        }

        var parts = new List<string>(3);
        if (document.Published is DateOnly date)
        {
            parts.Add(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(document.Source))
        {
            parts.Add(document.Source);
        }

        parts.Add(!string.IsNullOrWhiteSpace(document.Title) ? SpanContext.Collapse(document.Title) : Lead(document.Text));
        return string.Join(" \u00B7 ", parts);
    }

    public IEnumerable<ReportDiscrepancy> DiscrepanciesOf(int cluster) =>
        Report.Discrepancies.TryGetValue(out DiscrepanciesSection? d) ? d.Discrepancies.Where(x => x.Cluster == cluster) : [];

    public IEnumerable<SourceClaim> ClaimsOf(int cluster) =>
        Report.Discrepancies.TryGetValue(out DiscrepanciesSection? d) ? d.Claims.Where(x => x.Cluster == cluster) : [];

    public IEnumerable<FactCoverage> CoverageOf(int cluster) =>
        Report.Discrepancies.TryGetValue(out DiscrepanciesSection? d) ? d.Coverage.Where(x => x.Cluster == cluster) : [];

    /// <summary>One line of counts: documents, then what each stage that ran found.</summary>
    public string Summary()
    {
        var parts = new List<string> { Count(Report.Documents.Length, "document", "documents") };
        if (Report.Clusters.TryGetValue(out ClustersSection? c))
        {
            parts.Add(Count(MultiDocumentClusters.Length, "multi-document cluster", "multi-document clusters"));
            parts.Add(Count(c.Clusters.Length, "cluster in all", "clusters in all"));
        }

        if (Report.Duplicates.TryGetValue(out DuplicatesSection? d))
        {
            parts.Add(Count(d.Groups.Length, "duplicate group", "duplicate groups"));
        }

        if (Report.Passages.TryGetValue(out PassagesSection? p))
        {
            parts.Add(Count(p.Passages.Length, "shared passage", "shared passages"));
        }

        if (Report.Discrepancies.TryGetValue(out DiscrepanciesSection? f))
        {
            parts.Add(Count(f.Discrepancies.Length, "discrepancy", "discrepancies"));
        }

        return string.Join(" \u00B7 ", parts);
    }

    /// <summary>An enum member name in camelCase, as the JSON contract writes it: <c>DifferentBounds</c> to <c>differentBounds</c>.</summary>
    public static string Camel(string name) => name.Length == 0 ? name : string.Concat(name[..1].ToLowerInvariant(), name[1..]);

    /// <summary>The contract's name of a fact kind: <c>number</c>, <c>date</c>, <c>attribution</c>, <c>quote</c>, <c>name</c>, <c>time</c>, <c>age</c>, <c>place</c>.</summary>
    public static string Name(DiscrepancyKind kind) => Camel(kind.ToString());

    /// <summary>The contract's name of a relation: <c>contradiction</c>, <c>update</c>, <c>precision</c>, <c>variant</c>.</summary>
    public static string Name(DiscrepancyRelation relation) => Camel(relation.ToString());

    /// <summary>The contract's name of a severity: <c>low</c>, <c>medium</c>, <c>high</c>.</summary>
    public static string Name(DiscrepancySeverity severity) => Camel(severity.ToString());

    /// <summary>A camelCase name as words for a reader: <c>differentBounds</c> to <c>different bounds</c>.</summary>
    public static string Words(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 4);
        foreach (char c in name)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                sb.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString().TrimStart();
    }

    public static string Number(double value, int decimals = 2) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Count(int n, string singular, string plural) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural);

    /// <summary>The first words of a text, as a stand-in for a missing title.</summary>
    public static string Lead(string text)
    {
        const int Max = 90;
        string collapsed = SpanContext.Collapse(text.AsSpan(0, Math.Min(text.Length, Max * 2))).Trim();
        if (collapsed.Length <= Max)
        {
            return collapsed;
        }

        int cut = collapsed.LastIndexOf(' ', Max);
        return collapsed[..(cut > 20 ? cut : Max)] + "\u2026";
    }
}
