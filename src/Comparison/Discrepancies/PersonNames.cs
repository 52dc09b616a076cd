using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Comparison.Facts;
using FuzzySharp;

namespace Comparison.Discrepancies;

/// <summary>
/// Finds one person named two ways in two reports: the same surname with a first name spelled differently
/// ("Adeline King", "Adline King"), or the same first name with a surname spelled differently ("Devante Akins",
/// "Devante Atkins"). A document that writes both spellings itself takes no part: that is a typo, not a conflict.
/// </summary>
internal static partial class PersonNames
{
    /// <summary>Lowest FuzzySharp ratio at which two first names are one name spelled two ways (John and Joan are two people).</summary>
    private const int FirstNameRatio = 85;

    /// <summary>Lowest ratio for first names of five letters or more with the same initial.</summary>
    private const int ShortFirstNameRatio = 80;

    /// <summary>Lowest FuzzySharp ratio at which two surnames are one surname spelled two ways.</summary>
    private const int SurnameRatio = 80;

    [GeneratedRegex(@"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?: ['\u2018""\u201C][A-Z][a-z]+['\u2019""\u201D])?(?: ([A-Z][a-z]+)| [A-Z]\.)? ((?:Mc|Mac|La|De|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?! (?:Street|Avenue|Road|Drive|Lane|Boulevard|Court|Place|County|City|Police|Department|Hospital|University|College|School|Center|Park|Church|Township|Island|Province))", RegexOptions.CultureInvariant)]
    private static partial Regex FullName();

    /// <summary>Words that end a place's name, not a person's ("Summit Streets").</summary>
    private static readonly HashSet<string> NotSurnames = new(StringComparer.Ordinal)
    {
        "Street", "Streets", "Avenue", "Avenues", "Road", "Roads", "Drive", "Lane", "Boulevard", "Court", "Place", "Parkway", "Highway", "Way",
        "County", "City", "Township", "Island", "Province", "Hospital", "Center", "Centre", "Park", "Church", "School", "College", "University",
    };

    public static void Compare(IReadOnlyList<DocumentFacts> facts, List<Discrepancy> discrepancies)
    {
        var names = new List<(string First, string Last, Fact Fact)>[facts.Count];
        for (int d = 0; d < facts.Count; d++)
        {
            names[d] = Scan(facts[d]);
        }

        // One flag per pair of spellings, with the first mention of either spelling in each document that takes part.
        var pairs = new SortedDictionary<string, (double Confidence, string Subject, SortedDictionary<int, Fact> Mentions)>(StringComparer.Ordinal);
        for (int a = 0; a < facts.Count; a++)
        {
            for (int b = a + 1; b < facts.Count; b++)
            {
                foreach (var x in names[a])
                {
                    foreach (var y in names[b])
                    {
                        if (Relation(x.First, x.Last, y.First, y.Last) is not { } confidence
                            || Writes(names[a], y.First, y.Last) || Writes(names[b], x.First, x.Last))
                        {
                            continue;
                        }

                        string nx = x.First + " " + x.Last;
                        string ny = y.First + " " + y.Last;
                        string key = string.CompareOrdinal(nx, ny) < 0 ? nx + "|" + ny : ny + "|" + nx;
                        if (!pairs.TryGetValue(key, out var entry))
                        {
                            entry = (confidence, "name of " + nx, new SortedDictionary<int, Fact>());
                            pairs[key] = entry;
                        }

                        entry.Mentions.TryAdd(a, x.Fact);
                        entry.Mentions.TryAdd(b, y.Fact);
                    }
                }
            }
        }

        foreach (var (_, (confidence, subject, mentions)) in pairs)
        {
            var list = ImmutableArray.CreateBuilder<DiscrepancyMention>(mentions.Count);
            foreach (var (d, f) in mentions)
            {
                list.Add(DiscrepancyFinder.Mention(facts[d], f, f.Text));
            }

            discrepancies.Add(new Discrepancy
            {
                Kind = DiscrepancyKind.Name,
                Subject = subject,
                Relation = DiscrepancyRelation.Contradiction,
                Severity = DiscrepancySeverity.Medium,
                Confidence = confidence,
                Mentions = list.MoveToImmutable(),
            });
        }
    }

    /// <summary>The confidence that two names are one person spelled two ways, or null when they are the same or two people.</summary>
    private static double? Relation(string firstA, string lastA, string firstB, string lastB)
    {
        bool sameFirst = string.Equals(firstA, firstB, StringComparison.Ordinal);
        bool sameLast = string.Equals(lastA, lastB, StringComparison.Ordinal);
        if (sameFirst == sameLast)
        {
            return null;
        }

        if (sameLast)
        {
            return firstA.Length >= 4 && firstB.Length >= 4 && SimilarFirstNames(firstA, firstB) ? 0.8 : null;
        }

        // "LaCalamita" and "Calamita": one surname ends the other.
        bool suffix = lastA.Length >= 5 && lastB.Length >= 5 && (lastA.EndsWith(lastB, StringComparison.OrdinalIgnoreCase) || lastB.EndsWith(lastA, StringComparison.OrdinalIgnoreCase));
        return lastA.Length >= 4 && lastB.Length >= 4 && (suffix || Fuzz.Ratio(lastA, lastB) >= SurnameRatio) ? 0.85 : null;
    }

    /// <summary>
    /// Two spellings of one first name: close enough by FuzzySharp ratio, or, for names of five letters or more with
    /// the same initial, one letter changed or two swapped ("Robyn" and "Robin", "Aniaya" and "Anaiya"); four-letter
    /// names one letter apart are often two names ("John" and "Joan").
    /// </summary>
    private static bool SimilarFirstNames(string a, string b)
    {
        int ratio = Fuzz.Ratio(a, b);
        return ratio >= FirstNameRatio || (ratio >= ShortFirstNameRatio && a.Length >= 5 && b.Length >= 5 && char.ToUpperInvariant(a[0]) == char.ToUpperInvariant(b[0]));
    }

    private static bool Writes(List<(string First, string Last, Fact Fact)> names, string first, string last)
    {
        foreach (var n in names)
        {
            if (string.Equals(n.First, first, StringComparison.Ordinal) && string.Equals(n.Last, last, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static List<(string First, string Last, Fact Fact)> Scan(DocumentFacts facts)
    {
        string text = facts.Document.Text;
        var found = new List<(string, string, Fact)>();
        foreach (Match m in FullName().Matches(text))
        {
            string first = m.Groups[1].Value;
            string last = m.Groups[3].Value;
            int end = m.Index + m.Length;
            if (last is "Jr" or "Sr")
            {
                // "Chauncey Broadway Jr": the generational suffix is no surname; the word before it is.
                if (!m.Groups[2].Success)
                {
                    continue;
                }

                last = m.Groups[2].Value;
                end = m.Groups[2].Index + m.Groups[2].Length;
            }

            // A title right after a first name is a surname ("Adeline King"); before it, a title ("President Smith") is no first name.
            if (!IsName(first) || !(IsName(last) || (!m.Groups[2].Success && IsTitleSurname(last))) || NotSurnames.Contains(last)
                || (m.Groups[2].Success && NotSurnames.Contains(m.Groups[2].Value)))
            {
                continue;
            }

            found.Add((first, last, EventDetailScanner.Person(facts, m.Index, end, last)));
        }

        return found;
    }

    /// <summary>A title word that is also a common surname ("King", "Judge", "Bishop"): only a title, no other class.</summary>
    private static bool IsTitleSurname(string word) => FactLexicon.Find(word).Classes == WordClass.Title;

    /// <summary>A capitalised word that is no common word, month, weekday or title.</summary>
    private static bool IsName(string word) =>
        (FactLexicon.Find(word).Classes & (WordClass.Stop | WordClass.Month | WordClass.Weekday | WordClass.Title | WordClass.CommonCapital | WordClass.Pronoun
            | WordClass.Auxiliary | WordClass.Verb | WordClass.NumberWord | WordClass.Reporting | WordClass.OrganisationHead)) == 0;
}
