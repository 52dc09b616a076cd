using System.Collections.Immutable;
using System.Globalization;
using Comparison.Facts;
using FuzzySharp;

namespace Comparison.Discrepancies;

/// <summary>
/// Compares the details of an event slot by slot: the age of each person, the time of day of the event and the
/// streets where it happened. A slot holds at most one mention per document; a document that gives one slot two
/// different values takes no part in it.
/// </summary>
internal static class DetailComparer
{
    /// <summary>Lowest FuzzySharp ratio at which two first names (or two surnames) are one person's.</summary>
    private const int NameRatio = 70;

    public static void Compare(IReadOnlyList<DocumentFacts> facts, SentenceContexts[] contexts, List<Discrepancy> discrepancies)
    {
        CompareAges(facts, discrepancies);
        CompareTimes(facts, contexts, discrepancies);
        CompareStreets(facts, discrepancies);
    }

    private static void CompareAges(IReadOnlyList<DocumentFacts> facts, List<Discrepancy> discrepancies)
    {
        var items = new List<(int Document, AgeMention Age)>();
        for (int d = 0; d < facts.Count; d++)
        {
            foreach (AgeMention a in EventDetailScanner.Ages(facts[d]))
            {
                items.Add((d, a));
            }
        }

        var groups = Link(items.Count, (x, y) => SamePerson(items[x].Age, items[y].Age));
        foreach (var group in groups)
        {
            var chosen = OnePerDocument(group, facts.Count, k => items[k].Document, k => items[k].Age.Age.ToString(CultureInfo.InvariantCulture) + items[k].Age.Unit);
            if (chosen.Count < 2)
            {
                continue;
            }

            bool named = true;
            var mentions = new List<(int Document, Fact Fact, string Value)>();
            var values = new HashSet<string>(StringComparer.Ordinal);
            foreach (int k in chosen)
            {
                var (d, a) = items[k];
                named &= a.Named;
                string value = a.Age.ToString(CultureInfo.InvariantCulture) + (a.Unit == "year" ? string.Empty : " " + a.Unit + "s");
                values.Add(value);
                mentions.Add((d, a, value));
            }

            if (values.Count < 2)
            {
                continue;
            }

            AgeMention first = items[chosen[0]].Age;
            Add(discrepancies, facts, DiscrepancyKind.Age, "age of " + first.Person, DiscrepancyRelation.Contradiction, named ? 0.85 : 0.65, mentions, a => a is AgeMention m ? m.Age : null);
        }
    }

    private static bool SamePerson(AgeMention a, AgeMention b)
    {
        if (a.Named != b.Named || a.Unit != b.Unit)
        {
            return false;
        }

        if (!a.Named)
        {
            return string.Equals(a.Person, b.Person, StringComparison.Ordinal);
        }

        var (firstA, lastA) = Split(a.Person);
        var (firstB, lastB) = Split(b.Person);
        bool sameLast = string.Equals(lastA, lastB, StringComparison.OrdinalIgnoreCase);
        bool sameFirst = string.Equals(firstA, firstB, StringComparison.OrdinalIgnoreCase);
        return (sameLast && Fuzz.Ratio(firstA.ToLowerInvariant(), firstB.ToLowerInvariant()) >= NameRatio)
            || (sameFirst && Fuzz.Ratio(lastA.ToLowerInvariant(), lastB.ToLowerInvariant()) >= 80);
    }

    /// <summary>The first name and the surname (the last word that is no generational suffix).</summary>
    private static (string First, string Last) Split(string name)
    {
        string[] words = name.Split(' ');
        int last = words.Length - 1;
        while (last > 0 && words[last].TrimEnd('.') is "Jr" or "Sr" or "III" or "II")
        {
            last--;
        }

        return (words[0], words[last]);
    }

    private static void CompareTimes(IReadOnlyList<DocumentFacts> facts, SentenceContexts[] contexts, List<Discrepancy> discrepancies)
    {
        // The first time of day a report gives is, in news writing, when the event happened.
        var firsts = new List<(int Document, TimeMention Time)>();
        for (int d = 0; d < facts.Count; d++)
        {
            var times = EventDetailScanner.Times(facts[d]);
            if (times.Length > 0)
            {
                firsts.Add((d, times[0]));
            }
        }

        if (firsts.Count < 2)
        {
            return;
        }

        bool disjoint = false;
        bool differ = false;
        double similarity = 0;
        for (int x = 0; x < firsts.Count; x++)
        {
            for (int y = x + 1; y < firsts.Count; y++)
            {
                TimeMention a = firsts[x].Time;
                TimeMention b = firsts[y].Time;
                if (a.Minutes != b.Minutes)
                {
                    differ = true;
                    disjoint |= a.Latest < b.Earliest || b.Latest < a.Earliest;
                    similarity = Math.Max(similarity, SentenceContexts.Similarity(contexts[firsts[x].Document], a.Sentence, contexts[firsts[y].Document], b.Sentence));
                }
            }
        }

        if (!differ)
        {
            return;
        }

        var mentions = new List<(int, Fact, string)>();
        foreach (var (d, t) in firsts)
        {
            mentions.Add((d, t, (t.Minutes / 60).ToString("00", CultureInfo.InvariantCulture) + ":" + (t.Minutes % 60).ToString("00", CultureInfo.InvariantCulture)));
        }

        // Times of different precision ("about 9:15" and "9:18") are shown only when the sentences agree closely.
        double confidence = 0.45 + (0.4 * similarity) + (disjoint ? 0.15 : 0);
        Add(discrepancies, facts, DiscrepancyKind.Time, "time of the event", disjoint ? DiscrepancyRelation.Contradiction : DiscrepancyRelation.Precision, Math.Min(confidence, 0.95), mentions, _ => null);
    }

    private static void CompareStreets(IReadOnlyList<DocumentFacts> facts, List<Discrepancy> discrepancies)
    {
        var streets = new ImmutableArray<PlaceMention>[facts.Count];
        for (int d = 0; d < facts.Count; d++)
        {
            streets[d] = EventDetailScanner.Streets(facts[d]);
        }

        var flagged = new HashSet<string>(StringComparer.Ordinal);
        for (int a = 0; a < facts.Count; a++)
        {
            for (int b = a + 1; b < facts.Count; b++)
            {
                foreach (PlaceMention x in streets[a])
                {
                    if (Names(streets[b], x))
                    {
                        continue;
                    }

                    foreach (PlaceMention y in streets[b])
                    {
                        if (Names(streets[a], y) || string.Equals(Key(x), Key(y), StringComparison.Ordinal))
                        {
                            continue;
                        }

                        // One street written two ways: the names are alike, and either they differ or the type does.
                        int ratio = Fuzz.Ratio(x.Name.ToLowerInvariant(), y.Name.ToLowerInvariant());
                        if (ratio < 80 || !flagged.Add(string.Concat(a.ToString(CultureInfo.InvariantCulture), ":", Key(x), "|", b.ToString(CultureInfo.InvariantCulture), ":", Key(y))))
                        {
                            continue;
                        }

                        Add(discrepancies, facts, DiscrepancyKind.Place, "street of " + x.Name, DiscrepancyRelation.Contradiction, 0.8,
                            [(a, x, x.Name + " " + x.Suffix), (b, y, y.Name + " " + y.Suffix)], _ => null);
                    }
                }
            }
        }
    }

    private static string Key(PlaceMention p) => p.Name + " " + p.Suffix;

    /// <summary>Whether a document also names the street exactly as <paramref name="p"/> does (then the two agree).</summary>
    private static bool Names(ImmutableArray<PlaceMention> streets, PlaceMention p)
    {
        foreach (PlaceMention s in streets)
        {
            if (string.Equals(Key(s), Key(p), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Groups of items linked by <paramref name="same"/> (connected components), each in item order.</summary>
    private static List<List<int>> Link(int count, Func<int, int, bool> same)
    {
        var parent = new int[count];
        for (int i = 0; i < count; i++)
        {
            parent[i] = i;
        }

        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        for (int x = 0; x < count; x++)
        {
            for (int y = x + 1; y < count; y++)
            {
                if (same(x, y))
                {
                    int rx = Find(x);
                    int ry = Find(y);
                    if (rx != ry)
                    {
                        parent[Math.Max(rx, ry)] = Math.Min(rx, ry);
                    }
                }
            }
        }

        var groups = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < count; i++)
        {
            int r = Find(i);
            if (!groups.TryGetValue(r, out var g))
            {
                groups[r] = g = [];
            }

            g.Add(i);
        }

        return [.. groups.Values];
    }

    /// <summary>The first item of each document whose items all carry one value; documents with two values are left out.</summary>
    private static List<int> OnePerDocument(List<int> group, int documents, Func<int, int> documentOf, Func<int, string> valueOf)
    {
        var chosen = new List<int>();
        for (int d = 0; d < documents; d++)
        {
            int first = -1;
            bool ambiguous = false;
            foreach (int k in group)
            {
                if (documentOf(k) != d)
                {
                    continue;
                }

                if (first < 0)
                {
                    first = k;
                }
                else if (!string.Equals(valueOf(first), valueOf(k), StringComparison.Ordinal))
                {
                    ambiguous = true;
                }
            }

            if (first >= 0 && !ambiguous)
            {
                chosen.Add(first);
            }
        }

        return chosen;
    }

    private static void Add(List<Discrepancy> discrepancies, IReadOnlyList<DocumentFacts> facts, DiscrepancyKind kind, string subject, DiscrepancyRelation relation, double confidence,
        List<(int Document, Fact Fact, string Value)> members, Func<Fact, double?> number)
    {
        var mentions = ImmutableArray.CreateBuilder<DiscrepancyMention>(members.Count);
        foreach (var (d, f, value) in members)
        {
            mentions.Add(DiscrepancyFinder.Mention(facts[d], f, value, number(f), null, f is TimeMention t ? t.Qualifier : null));
        }

        discrepancies.Add(new Discrepancy
        {
            Kind = kind,
            Subject = subject,
            Relation = relation,
            Severity = relation == DiscrepancyRelation.Contradiction ? DiscrepancySeverity.High : DiscrepancySeverity.Low,
            Confidence = Math.Round(confidence, 3),
            Mentions = mentions.MoveToImmutable(),
        });
    }
}
