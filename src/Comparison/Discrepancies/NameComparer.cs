using System.Collections.Immutable;
using Comparison.Facts;

namespace Comparison.Discrepancies;

/// <summary>Finds people whose name the documents spell differently ("Gaddafi" in one report, "Qaddafi" in another).</summary>
internal static class NameComparer
{
    public static void Compare(IReadOnlyList<DocumentFacts> facts, DiscrepancyFinderOptions options, List<Discrepancy> discrepancies)
    {
        foreach (EntityGroup group in EntityAliases.Group(facts, options.NameSimilarity))
        {
            if (group.Kind != EntityKind.Person || group.Keys.Length < 2)
            {
                continue;
            }

            // The first mention of each spelling in each document; a spelling only one document uses against another's.
            var firstBySpelling = new SortedDictionary<(string Key, int Document), (int Document, EntityMention Mention)>();
            foreach (var (d, m) in group.Mentions)
            {
                // Full names only ("Volodymyr X", or a name with its title): a lone word may be an adjective or a place.
                if (m.Kind != EntityKind.Handle && (m.Title is not null || m.Text.Contains(' ', StringComparison.Ordinal)))
                {
                    firstBySpelling.TryAdd((m.Key, d), (d, m));
                }
            }

            var spellingsByDocument = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
            foreach (var (key, d) in firstBySpelling.Keys)
            {
                if (!spellingsByDocument.TryGetValue(key, out var docs))
                {
                    docs = [];
                    spellingsByDocument[key] = docs;
                }

                docs.Add(d);
            }

            if (spellingsByDocument.Count < 2 || !DifferentDocuments(spellingsByDocument) || !SameFirstNameDifferentSurname(firstBySpelling.Values))
            {
                continue;
            }

            var mentions = ImmutableArray.CreateBuilder<DiscrepancyMention>();
            var ordered = firstBySpelling.Values.OrderBy(x => x.Document).ThenBy(x => x.Mention.Start);
            foreach (var (d, m) in ordered)
            {
                mentions.Add(DiscrepancyFinder.Mention(facts[d], m, m.Text));
            }

            discrepancies.Add(new Discrepancy
            {
                Kind = DiscrepancyKind.Name,
                Subject = group.Name,
                Relation = DiscrepancyRelation.Variant,
                Severity = DiscrepancySeverity.Low,
                Confidence = 1,
                Mentions = mentions.ToImmutable(),
            });
        }
    }

    /// <summary>
    /// Whether two full names share their first word and differ in the last ("Volodymyr X" and "Volodymyr Y"):
    /// plurals and adjectives of a group ("Senate Democrats", "A Democratic") are not spellings of one person.
    /// </summary>
    private static bool SameFirstNameDifferentSurname(IEnumerable<(int Document, EntityMention Mention)> mentions)
    {
        var list = mentions.ToList();
        foreach (var (da, a) in list)
        {
            foreach (var (db, b) in list)
            {
                int sa = a.Text.IndexOf(' ', StringComparison.Ordinal);
                int sb = b.Text.IndexOf(' ', StringComparison.Ordinal);
                if (da != db && sa > 0 && sb > 0 && a.Text.AsSpan(0, sa).Equals(b.Text.AsSpan(0, sb), StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(a.Key, b.Key, StringComparison.Ordinal) && !string.Equals(a.Key.TrimEnd('s'), b.Key.TrimEnd('s'), StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether two spellings are each used by a document that does not use the other.</summary>
    private static bool DifferentDocuments(Dictionary<string, HashSet<int>> spellings)
    {
        foreach (var (a, docsA) in spellings)
        {
            foreach (var (b, docsB) in spellings)
            {
                if (string.CompareOrdinal(a, b) < 0 && docsA.Except(docsB).Any() && docsB.Except(docsA).Any())
                {
                    return true;
                }
            }
        }

        return false;
    }
}
