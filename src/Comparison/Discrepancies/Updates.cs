using Comparison.Facts;

namespace Comparison.Discrepancies;

/// <summary>Tells a later report that revises an earlier one from a contradiction, by publication date.</summary>
internal static class Updates
{
    /// <summary>
    /// A contradiction whose values split cleanly by publication date (every report of one value appeared before
    /// every report of another, and each date carries one value) is an update; its mentions are then ordered by
    /// publication date. Anything else is returned unchanged.
    /// </summary>
    public static Discrepancy Order(Discrepancy d, IReadOnlyList<DocumentFacts> facts, Dictionary<string, int> index)
    {
        if (d.Relation != DiscrepancyRelation.Contradiction || d.Kind is DiscrepancyKind.Quote or DiscrepancyKind.Attribution or DiscrepancyKind.Name)
        {
            return d;
        }

        var dated = new List<(DateOnly Published, string Value, DiscrepancyMention Mention)>(d.Mentions.Length);
        foreach (DiscrepancyMention m in d.Mentions)
        {
            if (!index.TryGetValue(m.Document, out int i) || facts[i].Document.Published is not { } published)
            {
                return d;
            }

            dated.Add((published, m.Value, m));
        }

        dated.Sort((x, y) =>
        {
            int c = x.Published.CompareTo(y.Published);
            c = c != 0 ? c : string.CompareOrdinal(x.Mention.Document, y.Mention.Document);
            return c != 0 ? c : x.Mention.Start.CompareTo(y.Mention.Start);
        });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string previous = dated[0].Value;
        seen.Add(previous);
        for (int k = 1; k < dated.Count; k++)
        {
            if (string.Equals(dated[k].Value, previous, StringComparison.Ordinal))
            {
                continue;
            }

            // A new value must come on a later day than every earlier value, and no older value may return.
            if (dated[k].Published == dated[k - 1].Published || !seen.Add(dated[k].Value))
            {
                return d;
            }

            previous = dated[k].Value;
        }

        var mentions = new DiscrepancyMention[dated.Count];
        for (int k = 0; k < dated.Count; k++)
        {
            mentions[k] = dated[k].Mention;
        }

        return d with { Relation = DiscrepancyRelation.Update, Severity = DiscrepancySeverity.Medium, Mentions = [.. mentions] };
    }
}
