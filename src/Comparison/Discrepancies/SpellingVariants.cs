using System.Collections.Immutable;
using Comparison.Facts;
using FuzzySharp;

namespace Comparison.Discrepancies;

/// <summary>
/// Finds a proper name of one word spelled two ways by two reports of one event: a province, a village, a
/// surname given alone ("Hormozgan" and "Hormuzgan", "Khaledin" and "Khaldin"). Transliterations of foreign
/// names vary between outlets; a reader comparing the reports wants to know both spellings stand for one name.
/// </summary>
/// <remarks>
/// A name here is a capitalised word of five letters or more that the lexicon does not know, written inside a
/// sentence (so not merely capitalised by its place). Two spellings pair when each is used by a document that
/// never writes the other, they share their first letter and their FuzzySharp ratio reaches
/// <see cref="Ratio"/>; a word that begins the other ("Syria", "Syrian") is another word form, not a spelling.
/// Two names listed side by side with a name both reports write ("Tonban, Gavarzin, Khaledin" and "Gabardin,
/// Tonban, Karvan, Tourian") pair at a lower ratio, <see cref="ListRatio"/>, each at most once.
/// </remarks>
internal static class SpellingVariants
{
    /// <summary>Lowest ratio of two spellings of a name found anywhere.</summary>
    private const int Ratio = 80;

    /// <summary>Lowest ratio of two spellings in lists that share a name.</summary>
    private const int ListRatio = 70;

    private const int MinLength = 5;

    public static void Compare(IReadOnlyList<DocumentFacts> facts, List<Discrepancy> discrepancies)
    {
        var names = new List<Name>[facts.Count];
        var spellings = new HashSet<string>[facts.Count];
        for (int d = 0; d < facts.Count; d++)
        {
            names[d] = Scan(facts[d].Document.Text);
            spellings[d] = new HashSet<string>(StringComparer.Ordinal);
            foreach (Name n in names[d])
            {
                spellings[d].Add(n.Key);
            }
        }

        // Pairs of spellings (ordinal order), with the first mention of each in each document that uses it.
        var pairs = new SortedDictionary<string, (bool Listed, SortedDictionary<int, Name> Mentions)>(StringComparer.Ordinal);
        for (int a = 0; a < facts.Count; a++)
        {
            for (int b = a + 1; b < facts.Count; b++)
            {
                foreach (var (x, y, listed) in Candidates(names[a], spellings[a], names[b], spellings[b]))
                {
                    string key = string.CompareOrdinal(x.Key, y.Key) < 0 ? x.Key + "|" + y.Key : y.Key + "|" + x.Key;
                    if (!pairs.TryGetValue(key, out var entry))
                    {
                        entry = (listed, new SortedDictionary<int, Name>());
                        pairs[key] = entry;
                    }

                    entry.Mentions.TryAdd(a, x);
                    entry.Mentions.TryAdd(b, y);
                }
            }
        }

        foreach (var (_, (listed, mentions)) in pairs)
        {
            var list = ImmutableArray.CreateBuilder<DiscrepancyMention>(mentions.Count);
            string? subject = null;
            foreach (var (d, n) in mentions)
            {
                var fact = EventDetailScanner.Person(facts[d], n.Start, n.End, n.Key);
                subject ??= fact.Text;
                list.Add(DiscrepancyFinder.Mention(facts[d], fact, fact.Text));
            }

            discrepancies.Add(new Discrepancy
            {
                Kind = DiscrepancyKind.Name,
                Subject = "spelling of " + subject,
                Relation = DiscrepancyRelation.Variant,
                Severity = DiscrepancySeverity.Low,
                Confidence = listed ? 0.75 : 0.8,
                Mentions = list.MoveToImmutable(),
            });
        }
    }

    private static IEnumerable<(Name X, Name Y, bool Listed)> Candidates(List<Name> a, HashSet<string> spellingsA, List<Name> b, HashSet<string> spellingsB)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Name x in a)
        {
            if (spellingsB.Contains(x.Key))
            {
                continue;
            }

            foreach (Name y in b)
            {
                if (spellingsA.Contains(y.Key) || Forms(x.Key, y.Key))
                {
                    continue;
                }

                // Only a pair that is yielded counts as seen: a pair too far apart here may still pair inside shared lists.
                if (x.Key[0] == y.Key[0] && Fuzz.Ratio(x.Key, y.Key) >= Ratio && seen.Add(x.Key + "|" + y.Key))
                {
                    yield return (x, y, false);
                }
            }
        }

        // Lists that share a name: the names each alone writes, paired best ratio first.
        foreach (var (listA, listB) in SharedLists(a, spellingsB, b))
        {
            var pairs = new List<(int Score, Name X, Name Y)>();
            foreach (Name x in listA)
            {
                if (spellingsB.Contains(x.Key))
                {
                    continue;
                }

                foreach (Name y in listB)
                {
                    if (!spellingsA.Contains(y.Key) && !Forms(x.Key, y.Key) && Fuzz.Ratio(x.Key, y.Key) is var r && r >= ListRatio)
                    {
                        pairs.Add((r, x, y));
                    }
                }
            }

            pairs.Sort((p, q) => p.Score != q.Score ? q.Score.CompareTo(p.Score) : p.X.Start != q.X.Start ? p.X.Start.CompareTo(q.X.Start) : p.Y.Start.CompareTo(q.Y.Start));
            var usedX = new HashSet<string>(StringComparer.Ordinal);
            var usedY = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (_, x, y) in pairs)
            {
                if (usedX.Add(x.Key) && usedY.Add(y.Key) && seen.Add(x.Key + "|" + y.Key))
                {
                    yield return (x, y, true);
                }
            }
        }
    }

    /// <summary>Lists of names of one document and of another that both hold one name written the same.</summary>
    private static IEnumerable<(List<Name> A, List<Name> B)> SharedLists(List<Name> a, HashSet<string> spellingsB, List<Name> b)
    {
        foreach (var listA in Lists(a))
        {
            foreach (var listB in Lists(b))
            {
                foreach (Name x in listA)
                {
                    if (spellingsB.Contains(x.Key) && listB.Exists(y => y.Key == x.Key))
                    {
                        yield return (listA, listB);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Runs of three names or more, each separated from the next by a comma or "and" only.</summary>
    private static IEnumerable<List<Name>> Lists(List<Name> names)
    {
        int i = 0;
        while (i < names.Count)
        {
            int j = i;
            while (j + 1 < names.Count && names[j + 1].ListedAfter == names[j].End)
            {
                j++;
            }

            if (j - i >= 2)
            {
                yield return names.GetRange(i, j - i + 1);
            }

            i = j + 1;
        }
    }

    /// <summary>
    /// Two forms of one word, or two words, rather than two spellings: they differ at the end ("Syria" and "Syrian",
    /// "Charles" and "Charlie", "Villages" and "Villagers"). Transliterations differ inside the word and end alike
    /// ("Hormozgan" and "Hormuzgan", "Khaledin" and "Khaldin").
    /// </summary>
    private static bool Forms(string x, string y)
    {
        int suffix = 0;
        while (suffix < x.Length && suffix < y.Length && x[^(suffix + 1)] == y[^(suffix + 1)])
        {
            suffix++;
        }

        return suffix < 2 || suffix == Math.Min(x.Length, y.Length);
    }

    /// <summary>A name: its span, its lower-case key, and where the list separator before it starts (or -1).</summary>
    private readonly record struct Name(int Start, int End, string Key, int ListedAfter);

    /// <summary>The capitalised words of five letters or more that the lexicon does not know, inside sentences.</summary>
    private static List<Name> Scan(string text)
    {
        var found = new List<Name>();
        int i = 0;
        int previousEnd = -1;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            int end = i;
            if (end - start < MinLength || !char.IsUpper(text[start]) || !IsLowerTail(text, start + 1, end) || OpensSentence(text, start)
                || (i < text.Length && (text[i] is '-' or '\'' or '\u2019') && i + 1 < text.Length && char.IsLetter(text[i + 1]) && text[i] != '\'' && text[i] != '\u2019'))
            {
                continue;
            }

            var word = text.AsSpan(start, end - start);
            if (FactLexicon.Find(word).Classes != WordClass.None || InTitleCase(text, start, end))
            {
                continue;
            }

            found.Add(new Name(start, end, word.ToString().ToLowerInvariant(), ListSeparatorBefore(text, start, previousEnd)));
            previousEnd = end;
        }

        return found;
    }

    /// <summary>
    /// Whether the words right before and right after are capitalised too (a longer name, or a headline run into the
    /// text), or the word stands in a line whose every word of four letters or more is capitalised (a headline).
    /// </summary>
    private static bool InTitleCase(string text, int start, int end)
    {
        if (TitleCaseLine(text, start))
        {
            return true;
        }

        int before = start - 1;
        while (before >= 0 && text[before] == ' ')
        {
            before--;
        }

        int after = end;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        if (before < 0 || after >= text.Length || before == start - 1 || after == end || !char.IsLetter(text[before]) || !char.IsUpper(text[after]))
        {
            return false;
        }

        int word = before;
        while (word > 0 && char.IsLetter(text[word - 1]))
        {
            word--;
        }

        return char.IsUpper(text[word]);
    }

    private static bool TitleCaseLine(string text, int offset)
    {
        int lineStart = text.LastIndexOf('\n', offset) + 1;
        int lineEnd = text.IndexOf('\n', offset);
        if (lineEnd < 0)
        {
            lineEnd = text.Length;
        }

        int words = 0;
        int i = lineStart;
        while (i < lineEnd)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < lineEnd && char.IsLetter(text[i]))
            {
                i++;
            }

            if (i - start >= 4)
            {
                if (!char.IsUpper(text[start]))
                {
                    return false;
                }

                words++;
            }
        }

        return words >= 3;
    }

    /// <summary>Whether the characters from <paramref name="start"/> to <paramref name="end"/> are all lower case (a name, not an acronym).</summary>
    private static bool IsLowerTail(string text, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (!char.IsLower(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the word at <paramref name="start"/> opens a sentence, a line or a quotation (its capital says nothing).</summary>
    private static bool OpensSentence(string text, int start)
    {
        int k = start - 1;
        while (k >= 0 && text[k] is ' ' or '"' or '\u201C' or '\'' or '\u2018' or '(')
        {
            k--;
        }

        return k < 0 || text[k] is '.' or '!' or '?' or '\n' or '\r' or ':' or '\u2014';
    }

    /// <summary>The end of the previous name when only ", " or " and " (or ", and ") stand between it and this one, else -1.</summary>
    private static int ListSeparatorBefore(string text, int start, int previousEnd)
    {
        if (previousEnd < 0 || start - previousEnd > 6)
        {
            return -1;
        }

        string between = text[previousEnd..start];
        return between is ", " or " and " or ", and " ? previousEnd : -1;
    }
}
