using System.Collections.Immutable;
using System.Globalization;
using Comparison.Facts;
using FuzzySharp;

namespace Comparison.Discrepancies;

/// <summary>
/// Compares the details of an event slot by slot: the age of each person, the times of day (<see cref="TimeComparer"/>)
/// the streets where it happened and the places tied to a person, a venue or a street (<see cref="PlaceComparer"/>). A slot holds at most one mention per document; a document that gives one slot two
/// different values takes no part in it.
/// </summary>
internal static class DetailComparer
{
    /// <summary>Lowest FuzzySharp ratio at which two first names (or two surnames) are one person's.</summary>
    private const int NameRatio = 70;

    public static void Compare(IReadOnlyList<DocumentFacts> facts, SentenceContexts[] contexts, List<Discrepancy> discrepancies)
    {
        CompareAges(facts, discrepancies);
        CompareAgeLists(facts, discrepancies);
        TimeComparer.Compare(facts, contexts, discrepancies);
        CompareStreets(facts, discrepancies);
        PlaceComparer.Compare(facts, discrepancies);
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

        var roles = new AgeRole[items.Count];
        for (int k = 0; k < items.Count; k++)
        {
            roles[k] = Role(facts[items[k].Document].Document.Text, items[k].Age);
        }

        RestatedAges(facts, items, roles, discrepancies);
        var groups = Link(items.Count, (x, y) => SamePerson(items[x].Age, roles[x], items[y].Age, roles[y]));
        foreach (var group in groups)
        {
            // Unnamed people linked by their role: a report that gives that role two ages speaks of two people (two
            // victims), and then no age of the role stands for one person.
            bool byRole = group.Exists(k => !items[k].Age.Named && roles[k] != AgeRole.Unknown);
            if (byRole && (TwoAgesInOneDocument(group, items) || SeveralUnnamedOfRole(group, items, roles)))
            {
                continue;
            }

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

            // An unnamed person ("a 4-year-old boy") may be another child, unless the two reports word the sentence alike.
            AgeMention first = items[chosen[0]].Age;
            // An age in months or weeks marks an infant, rarely two in one event; an age with no noun at all ("a 45-year-old") may be anyone's.
            // Two children of one role ("the 6-year-old boy who fired", "his 5-year-old son shot his brother") are one child.
            bool nouns = chosen.TrueForAll(k => items[k].Age.Person != "person");
            double confidence = named ? 0.85 : Restated(facts, items, chosen) ? 0.8 : first.Unit != "year" ? 0.75 : !nouns ? 0.55 : byRole ? 0.75 : 0.65;
            Add(discrepancies, facts, DiscrepancyKind.Age, "age of " + first.Person, DiscrepancyRelation.Contradiction, confidence, mentions, a => a is AgeMention m ? m.Age : null);
        }
    }

    /// <summary>
    /// Compares the lists of ages two reports give for the same unnamed people ("two women -- 68 and 48-years-old", "the
    /// women killed, who were 61 and 48 years old"): lists of one noun and one length that agree on all ages but one
    /// disagree on that one person's age.
    /// </summary>
    private static void CompareAgeLists(IReadOnlyList<DocumentFacts> facts, List<Discrepancy> discrepancies)
    {
        var lists = new ImmutableArray<ImmutableArray<AgeMention>>[facts.Count];
        for (int d = 0; d < facts.Count; d++)
        {
            lists[d] = EventDetailScanner.AgeLists(facts[d]);
        }

        var flagged = new HashSet<(int, int, int, int)>();
        for (int a = 0; a < facts.Count; a++)
        {
            for (int b = a + 1; b < facts.Count; b++)
            {
                foreach (var la in lists[a])
                {
                    foreach (var lb in lists[b])
                    {
                        if (la.Length != lb.Length || la[0].Person != lb[0].Person
                            || OnlyOther(la, lb) is not { } x || OnlyOther(lb, la) is not { } y || !flagged.Add((a, x.Age, b, y.Age)))
                        {
                            continue;
                        }

                        string value(AgeMention m) => m.Age.ToString(CultureInfo.InvariantCulture);
                        Add(discrepancies, facts, DiscrepancyKind.Age, "age of one of the " + x.Person, DiscrepancyRelation.Contradiction, 0.75,
                            [(a, x, value(x)), (b, y, value(y))], f => f is AgeMention m ? m.Age : null);
                    }
                }
            }
        }
    }

    /// <summary>The one age of <paramref name="list"/> that <paramref name="other"/> lacks (ages counted with their repeats), or null when none or several.</summary>
    private static AgeMention? OnlyOther(ImmutableArray<AgeMention> list, ImmutableArray<AgeMention> other)
    {
        var left = other.Select(m => m.Age).ToList();
        AgeMention? only = null;
        foreach (AgeMention m in list)
        {
            if (left.Remove(m.Age))
            {
                continue;
            }

            if (only is not null)
            {
                return null;
            }

            only = m;
        }

        return only;
    }

    /// <summary>
    /// Flags an age restated with another figure: two ages of one person (or one noun) in two documents among the
    /// same words, whatever else the documents say of that person's age.
    /// </summary>
    private static void RestatedAges(IReadOnlyList<DocumentFacts> facts, List<(int Document, AgeMention Age)> items, AgeRole[] roles, List<Discrepancy> discrepancies)
    {
        for (int x = 0; x < items.Count; x++)
        {
            for (int y = x + 1; y < items.Count; y++)
            {
                var (da, a) = items[x];
                var (db, b) = items[y];
                if (da == db || a.Age == b.Age || !SamePerson(a, roles[x], b, roles[y]) || !Restated(facts, items, [x, y]) || HasTwin(facts, items, x, db) || HasTwin(facts, items, y, da))
                {
                    continue;
                }

                Add(discrepancies, facts, DiscrepancyKind.Age, "age of " + a.Person, DiscrepancyRelation.Contradiction, 0.85,
                    [(da, a, a.Age.ToString(CultureInfo.InvariantCulture)), (db, b, b.Age.ToString(CultureInfo.InvariantCulture))], f => f is AgeMention m ? m.Age : null);
            }
        }
    }

    /// <summary>Whether document <paramref name="other"/> repeats item <paramref name="k"/> exactly, same age among the same words (then the two agree on it).</summary>
    private static bool HasTwin(IReadOnlyList<DocumentFacts> facts, List<(int Document, AgeMention Age)> items, int k, int other)
    {
        for (int j = 0; j < items.Count; j++)
        {
            if (items[j].Document == other && items[j].Age.Age == items[k].Age.Age && items[j].Age.Unit == items[k].Age.Unit && Restated(facts, items, [k, j]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether two of the chosen ages stand among the same words (a dozen characters each side) in their documents.</summary>
    private static bool Restated(IReadOnlyList<DocumentFacts> facts, List<(int Document, AgeMention Age)> items, List<int> chosen)
    {
        const int Reach = 12;
        for (int x = 0; x < chosen.Count; x++)
        {
            for (int y = x + 1; y < chosen.Count; y++)
            {
                var (da, a) = items[chosen[x]];
                var (db, b) = items[chosen[y]];
                if (a.Age == b.Age && chosen.Count > 2)
                {
                    continue; // only a pair that disagrees shows the restatement
                }

                string ta = facts[da].Document.Text;
                string tb = facts[db].Document.Text;
                int before = Math.Min(Reach, Math.Min(a.Start, b.Start));
                int after = Math.Min(Reach, Math.Min(ta.Length - a.End, tb.Length - b.End));
                if (before + after >= 8 && ta.AsSpan(a.Start - before, before).SequenceEqual(tb.AsSpan(b.Start - before, before))
                    && ta.AsSpan(a.End, after).SequenceEqual(tb.AsSpan(b.End, after)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool SamePerson(AgeMention a, AgeRole ra, AgeMention b, AgeRole rb)
    {
        if (a.Named != b.Named || a.Unit != b.Unit)
        {
            return false;
        }

        if (!a.Named)
        {
            // Unnamed: one role and nouns of one sex ("boy", "son", "brother"), or, role unknown, one noun.
            if (ra != AgeRole.Unknown || rb != AgeRole.Unknown)
            {
                return ra == rb && Sex(a.Person) is var sa && Sex(b.Person) is var sb && (sa == 0 || sb == 0 || sa == sb)
                    && (a.Person == "person") == (b.Person == "person");
            }

            return string.Equals(a.Person, b.Person, StringComparison.Ordinal);
        }

        var (firstA, lastA) = Split(a.Person);
        var (firstB, lastB) = Split(b.Person);
        bool sameLast = string.Equals(lastA, lastB, StringComparison.OrdinalIgnoreCase);
        bool sameFirst = string.Equals(firstA, firstB, StringComparison.OrdinalIgnoreCase);
        return (sameLast && Fuzz.Ratio(firstA.ToLowerInvariant(), firstB.ToLowerInvariant()) >= NameRatio)
            || (sameFirst && Fuzz.Ratio(lastA.ToLowerInvariant(), lastB.ToLowerInvariant()) >= 80);
    }

    /// <summary>What an unnamed person did in the event, as the words around their age tell.</summary>
    private enum AgeRole
    {
        Unknown,

        /// <summary>Shot, killed or hurt: "shot his 4-year-old brother", "a 4-year-old boy who was shot", "the 5-year-old victim".</summary>
        Victim,

        /// <summary>Who fired or was held for it: "a 6-year-old boy ... shot his brother", "shot by his 6-year-old brother", "a 17-year-old is under arrest".</summary>
        Actor,
    }

    private static readonly string[] VictimBefore = ["shot his ", "shot her ", "shot their ", "shot a ", "shot the ", "killed his ", "killed her ", "killed a ", "killed the ", "shooting of ", "death of ", "wounded his ", "wounded a ", "wounding of "];

    private static readonly string[] ActorBefore = ["by his ", "by her ", "by their ", "by a ", "by the ", "by this ", "by an "];

    /// <summary>Verbs of harm: after "was" (or alone before "to death", a day, a place) they tell of a victim, before "his", "a", "the" of an actor.</summary>
    private static readonly HashSet<string> HarmVerbs = new(StringComparer.OrdinalIgnoreCase) { "shot", "killed", "struck", "hit", "wounded", "injured", "stabbed", "slain" };

    /// <summary>Words after which a verb of harm is done by the person: its object follows.</summary>
    private static readonly HashSet<string> Objects = new(StringComparer.OrdinalIgnoreCase) { "his", "her", "their", "a", "an", "the", "him", "them", "himself", "herself" };

    private static readonly HashSet<string> Passive = new(StringComparer.OrdinalIgnoreCase) { "was", "were", "been", "being", "is", "got", "get" };

    private static readonly HashSet<string> ActorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "fired", "pulled", "opened", "arrested", "arrest", "charged", "booked", "suspect", "shooter", "gunman", "picked", "grabbed", "found",
    };

    private static readonly HashSet<string> VictimWords = new(StringComparer.OrdinalIgnoreCase) { "victim", "died", "dies", "dead" };

    /// <summary>
    /// The role of an unnamed person from the words right before their age (up to 20 characters) and after it (up to the
    /// end of the clause, 80 characters at most): the first word that tells decides.
    /// </summary>
    private static AgeRole Role(string text, AgeMention a)
    {
        if (a.Named)
        {
            return AgeRole.Unknown;
        }

        int from = Math.Max(0, a.Start - 20);
        var before = text.AsSpan(from, a.Start - from);
        foreach (string cue in VictimBefore)
        {
            if (before.EndsWith(cue, StringComparison.OrdinalIgnoreCase) || before.EndsWith(cue.Replace(" a ", " ", StringComparison.Ordinal)[..^1] + " ", StringComparison.OrdinalIgnoreCase))
            {
                return AgeRole.Victim;
            }
        }

        foreach (string cue in ActorBefore)
        {
            if (before.EndsWith(cue, StringComparison.OrdinalIgnoreCase))
            {
                return AgeRole.Actor;
            }
        }

        int end = a.End;
        int stop = Math.Min(text.Length, end + 80);
        for (int k = end; k < stop; k++)
        {
            if (text[k] is '.' or ';' or ',' or ':' or '\n')
            {
                stop = k;
                break;
            }
        }

        string[] words = text[end..stop].Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        for (int w = 0; w < words.Length; w++)
        {
            string word = words[w].Trim('"', '\'', '\u2019', '\u201D', ')');
            if (VictimWords.Contains(word))
            {
                return AgeRole.Victim;
            }

            if (ActorWords.Contains(word))
            {
                return AgeRole.Actor;
            }

            if (HarmVerbs.Contains(word))
            {
                // "was (accidentally) shot": a victim; "shot his brother": an actor; "shot to death Saturday": a victim.
                bool passive = (w > 0 && Passive.Contains(words[w - 1])) || (w > 1 && Passive.Contains(words[w - 2]));
                bool active = !passive && w + 1 < words.Length && Objects.Contains(words[w + 1]);
                return active ? AgeRole.Actor : AgeRole.Victim;
            }
        }

        return AgeRole.Unknown;
    }

    /// <summary>1 for a male noun, 2 for a female one, 0 when it does not tell.</summary>
    private static int Sex(string noun) => noun switch
    {
        "boy" or "son" or "brother" or "man" => 1,
        "girl" or "daughter" or "sister" or "woman" => 2,
        _ => 0,
    };

    /// <summary>Whether one document gives two different ages in the group.</summary>
    /// <summary>
    /// Whether a report of the group gives unnamed people of the group's role two or more ages, whatever their nouns
    /// ("a 25-year-old", "a 59-year-old man" and "his 60-year-old wife" were shot): an unnamed age then picks out no one
    /// person another report could be speaking of.
    /// </summary>
    private static bool SeveralUnnamedOfRole(List<int> group, List<(int Document, AgeMention Age)> items, AgeRole[] roles)
    {
        foreach (int g in group)
        {
            if (roles[g] == AgeRole.Unknown || items[g].Age.Named)
            {
                continue;
            }

            for (int k = 0; k < items.Count; k++)
            {
                if (items[k].Document == items[g].Document && roles[k] == roles[g] && !items[k].Age.Named && items[k].Age.Age != items[g].Age.Age)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TwoAgesInOneDocument(List<int> group, List<(int Document, AgeMention Age)> items)
    {
        foreach (int x in group)
        {
            foreach (int y in group)
            {
                if (items[x].Document == items[y].Document && items[x].Age.Age != items[y].Age.Age)
                {
                    return true;
                }
            }
        }

        return false;
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
    internal static List<List<int>> Link(int count, Func<int, int, bool> same)
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
    internal static List<int> OnePerDocument(List<int> group, int documents, Func<int, int> documentOf, Func<int, string> valueOf)
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

    internal static void Add(List<Discrepancy> discrepancies, IReadOnlyList<DocumentFacts> facts, DiscrepancyKind kind, string subject, DiscrepancyRelation relation, double confidence,
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
