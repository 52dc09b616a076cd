using System.Collections.Immutable;
using Comparison.Indexing;
using FuzzySharp;

namespace Comparison.Facts;

/// <summary>One entity as named across documents: its mentions and the spellings used.</summary>
public sealed record EntityGroup
{
    /// <summary>The longest name used for it ("Maria Lopez" rather than "Lopez").</summary>
    public required string Name { get; init; }

    /// <summary>What it is (the most specific kind among its mentions).</summary>
    public required EntityKind Kind { get; init; }

    /// <summary>The mentions, as (document index, mention), in document then text order.</summary>
    public required ImmutableArray<(int Document, EntityMention Mention)> Mentions { get; init; }

    /// <summary>The distinct keys (surnames, handles) under which it appears, lower-cased, sorted.</summary>
    public required ImmutableArray<string> Keys { get; init; }
}

/// <summary>
/// Groups the names of several documents into entities with simple rules and FuzzySharp: a surname alone
/// joins the full name it ends ("Lopez" with "Maria Lopez"), titles are already split off ("Mayor
/// Maria R Lopez" is "Maria R Lopez"), spelling variants of a surname join when the first names agree
/// or are missing (ratio at least <c>similarity</c>), and an @handle joins the name one of its camel-case
/// parts spells ("@SecJones" with "Jones").
/// </summary>
public static class EntityAliases
{
    /// <summary>Groups the entity mentions of the documents.</summary>
    /// <param name="documents">The facts of each document.</param>
    /// <param name="similarity">Lowest FuzzySharp ratio (0-100) for two surnames to be spelling variants. Default 85.</param>
    /// <returns>The groups, ordered by first mention; single mentions included.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> is null.</exception>
    public static IReadOnlyList<EntityGroup> Group(IReadOnlyList<DocumentFacts> documents, int similarity = 85)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var mentions = new List<(int Document, EntityMention Mention)>();
        for (int d = 0; d < documents.Count; d++)
        {
            foreach (EntityMention m in documents[d].Entities)
            {
                if (m.Kind is EntityKind.Person or EntityKind.Handle or EntityKind.Other && m.Key.Length >= 3)
                {
                    mentions.Add((d, m));
                }
            }
        }

        int[] parent = new int[mentions.Count];
        for (int i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        // Persons with a first name anchor the groups; everything else joins an anchor it matches.
        var anchors = new List<int>();
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i].Mention;
            if (m.Kind == EntityKind.Handle)
            {
                continue;
            }

            int match = -1;
            foreach (int a in anchors)
            {
                if (SamePerson(mentions[a].Mention, m, similarity))
                {
                    match = a;
                    break;
                }
            }

            if (match < 0)
            {
                anchors.Add(i);
            }
            else
            {
                DisjointSets.Union(parent, match, i);
            }
        }

        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i].Mention;
            if (m.Kind != EntityKind.Handle)
            {
                continue;
            }

            foreach (int a in anchors)
            {
                if (HandleMatches(m.Key, mentions[a].Mention.Key, similarity))
                {
                    DisjointSets.Union(parent, a, i);
                    break;
                }
            }
        }

        var groups = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < mentions.Count; i++)
        {
            int root = DisjointSets.Find(parent, i);
            if (!groups.TryGetValue(root, out var list))
            {
                list = [];
                groups[root] = list;
            }

            list.Add(i);
        }

        var result = new List<EntityGroup>(groups.Count);
        foreach (var members in groups.Values)
        {
            string name = mentions[members[0]].Mention.Text;
            EntityKind kind = EntityKind.Other;
            var keys = new SortedSet<string>(StringComparer.Ordinal);
            var list = ImmutableArray.CreateBuilder<(int, EntityMention)>(members.Count);
            foreach (int i in members)
            {
                var m = mentions[i].Mention;
                list.Add(mentions[i]);
                keys.Add(m.Key);
                if (m.Kind != EntityKind.Handle && m.Text.Length > name.Length)
                {
                    name = m.Text;
                }

                if (m.Kind == EntityKind.Person)
                {
                    kind = EntityKind.Person;
                }
            }

            result.Add(new EntityGroup { Name = name, Kind = kind, Mentions = list.MoveToImmutable(), Keys = [.. keys] });
        }

        return result;
    }

    /// <summary>Whether two names can be one person: surnames equal or close, first names compatible.</summary>
    internal static bool SamePerson(EntityMention a, EntityMention b, int similarity)
    {
        if (!SurnamesMatch(a.Key, b.Key, similarity))
        {
            return false;
        }

        string? fa = FirstName(a.Text);
        string? fb = FirstName(b.Text);
        if (fa is null || fb is null)
        {
            return true;
        }

        // "Joe" and "Joseph", "Liz" and "Elizabeth" share little; demand the same initial or a fuzzy match.
        return char.ToLowerInvariant(fa[0]) == char.ToLowerInvariant(fb[0]) || Fuzz.Ratio(fa.ToLowerInvariant(), fb.ToLowerInvariant()) >= 60;
    }

    internal static bool SurnamesMatch(string a, string b, int similarity) =>
        string.Equals(a, b, StringComparison.Ordinal) || (a.Length >= 4 && b.Length >= 4 && a[0] == b[0] && Fuzz.Ratio(a, b) >= similarity);

    private static string? FirstName(string name)
    {
        int space = name.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? name[..space] : null;
    }

    /// <summary>"@janesmithnews" against "smith": a camel-case part or a prefix of the handle spells the surname.</summary>
    internal static bool HandleMatches(string handle, string surname, int similarity)
    {
        if (surname.Length < 4)
        {
            return false;
        }

        if (handle.Contains(surname, StringComparison.Ordinal))
        {
            return true;
        }

        // Compare the surname with every stretch of the handle of about its length.
        for (int start = 0; start + surname.Length - 1 <= handle.Length; start++)
        {
            for (int len = surname.Length - 1; len <= surname.Length + 2 && start + len <= handle.Length; len++)
            {
                if (Fuzz.Ratio(handle.Substring(start, len), surname) >= similarity)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
