using System.Collections.Immutable;
using System.Globalization;
using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Facts;

namespace Comparison.Tests.Support;

/// <summary>What a planted change alters.</summary>
public enum PlantedChangeKind
{
    /// <summary>A casualty figure: a number next to killed, injured, shot...</summary>
    Number,

    /// <summary>A date: a weekday, or the day of a month-day date.</summary>
    Date,

    /// <summary>A person's age: "26-year-old", or the figure of "Jeremy Lewis, 26,".</summary>
    Age,
}

/// <summary>A copy of a report with one figure or date changed.</summary>
/// <param name="Original">The report.</param>
/// <param name="Copy">The copy, identical but for the change.</param>
/// <param name="Kind">What was changed.</param>
/// <param name="Start">Offset of the changed span in the original.</param>
/// <param name="Length">Its length in the original.</param>
/// <param name="Before">The original span.</param>
/// <param name="After">What replaced it (in the copy at the same offset).</param>
public sealed record PlantedChange(Document Original, Document Copy, PlantedChangeKind Kind, int Start, int Length, string Before, string After);

/// <summary>How many planted changes <see cref="DiscrepancyFinder"/> caught, and how many unchanged copies it wrongly flagged.</summary>
/// <param name="Copies">Changed copies compared with their originals.</param>
/// <param name="Flagged">Copies with a discrepancy whose mentions cover the changed span in both copy and original.</param>
/// <param name="FlaggedRightKind">Of those, how many have the right kind (number or date).</param>
/// <param name="NumberCopies">Copies with a changed figure.</param>
/// <param name="NumberFlagged">Of those, how many were flagged.</param>
/// <param name="DateCopies">Copies with a changed date.</param>
/// <param name="DateFlagged">Of those, how many were flagged.</param>
/// <param name="UnchangedCopies">Unchanged copies compared with their originals.</param>
/// <param name="UnchangedFlagged">Unchanged copies with any discrepancy (should be 0).</param>
/// <param name="Missed">The changed copies not flagged (for inspection).</param>
/// <param name="AgeCopies">Copies with a changed age.</param>
/// <param name="AgeFlagged">Of those, how many were flagged.</param>
public sealed record PlantedDiscrepancyResult(int Copies, int Flagged, int FlaggedRightKind, int NumberCopies, int NumberFlagged, int DateCopies, int DateFlagged,
    int UnchangedCopies, int UnchangedFlagged, ImmutableArray<PlantedChange> Missed, int AgeCopies = 0, int AgeFlagged = 0)
{
    /// <summary><see cref="Flagged"/> / <see cref="Copies"/>.</summary>
    public double Recall => Copies == 0 ? 0 : (double)Flagged / Copies;
}

/// <summary>
/// Plants discrepancies in copies of real reports and checks that <see cref="DiscrepancyFinder"/> flags each
/// against its original, naming the changed span, and flags nothing between a report and an unchanged copy.
/// </summary>
/// <remarks>
/// Changes are chosen by simple rules of their own, not by the extractor: a number (digits up to 99 or a
/// number word) with a casualty word (killed, dead, died, injured, wounded, hurt, shot) among the six words
/// after it, moved by 1 to 3; or a weekday moved by one or two days; or the day of a month-day date moved
/// by 1 to 3. One change per copy, chosen with a seeded random generator.
/// </remarks>
public static partial class PlantedDiscrepancies
{
    private static readonly string[] Weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] Words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"];

    /// <summary>Plants one change of the given kind, or returns null when the report has no place for one.</summary>
    /// <param name="original">The report.</param>
    /// <param name="kind">What to change.</param>
    /// <param name="random">The seeded generator choosing the place and the new value.</param>
    /// <returns>The change, or null.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static PlantedChange? Plant(Document original, PlantedChangeKind kind, Random random)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(random);
        var tokens = new List<FactToken>();
        var sentences = new List<(int, int)>();
        string text = original.Text;
        FactTokenizer.Tokenize(text, tokens, sentences);
        var candidates = new List<(int Start, int Length, string After)>();
        if (kind == PlantedChangeKind.Age)
        {
            foreach (System.Text.RegularExpressions.Match m in AgeFigure().Matches(text))
            {
                var g = m.Groups[1].Success ? m.Groups[1] : m.Groups[2];
                int age = int.Parse(g.Value, CultureInfo.InvariantCulture);
                candidates.Add((g.Index, g.Length, (age + random.Next(1, 4)).ToString(CultureInfo.InvariantCulture)));
            }
        }

        for (int i = 0; i < tokens.Count && kind != PlantedChangeKind.Age; i++)
        {
            var t = tokens[i];
            string word = text.Substring(t.Start, t.Length);
            if (kind == PlantedChangeKind.Number)
            {
                int value = NumberOf(t, word);
                if (value < 1 || !CasualtyWordFollows(text, tokens, i) || NotACount(text, tokens, i))
                {
                    continue;
                }

                int next = value + random.Next(1, 4);
                string after = t.Kind == FactTokenKind.Number ? next.ToString(CultureInfo.InvariantCulture) : WordFor(next, word);
                candidates.Add((t.Start, t.Length, after));
            }
            else if (t.Kind == FactTokenKind.Word && (t.Classes & WordClass.Weekday) != 0 && char.IsUpper(word[0]) && word.Length >= 6 && !NextToMonth(tokens, i))
            {
                int day = (int)t.Value;
                int shift = random.Next(2) == 0 ? -1 : 1;
                shift *= random.Next(1, 3);
                string after = Weekdays[(day + shift + 7) % 7];
                candidates.Add((t.Start, t.Length, word.Length > 0 && char.IsUpper(word[1]) ? after.ToUpperInvariant() : after));
            }
            else if (t.Kind == FactTokenKind.Number && t.Length <= 2 && i > 0 && (tokens[i - 1].Classes & WordClass.Month) != 0 && char.IsUpper(text[tokens[i - 1].Start])
                && t.Value is >= 1 and <= 28)
            {
                int shift = random.Next(1, 4) * (t.Value > 3 && random.Next(2) == 0 ? -1 : 1);
                if (t.Value + shift > 28)
                {
                    shift = -shift;
                }

                candidates.Add((t.Start, t.Length, ((int)t.Value + shift).ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var (start, length, replacement) = candidates[random.Next(candidates.Count)];
        string copyText = string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(start + length));
        var copy = new Document(original.Id + "~planted", copyText) { Published = original.Published, Source = original.Source, Title = original.Title };
        return new PlantedChange(original, copy, kind, start, length, text.Substring(start, length), replacement);
    }

    /// <summary>Plants changes in copies of the reports and measures what the finder flags.</summary>
    /// <param name="originals">Real reports.</param>
    /// <param name="seed">Seed of the generator choosing the changes.</param>
    /// <param name="finder">The finder; <see langword="null"/> for the default one.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="originals"/> is null.</exception>
    public static PlantedDiscrepancyResult Evaluate(IEnumerable<Document> originals, int seed = 42, DiscrepancyFinder? finder = null)
    {
        ArgumentNullException.ThrowIfNull(originals);
        finder ??= new DiscrepancyFinder();
        var random = new Random(seed);
        int copies = 0, flagged = 0, rightKind = 0, numbers = 0, numbersFlagged = 0, dates = 0, datesFlagged = 0, ages = 0, agesFlagged = 0, unchanged = 0, unchangedFlagged = 0;
        var missed = ImmutableArray.CreateBuilder<PlantedChange>();
        foreach (Document original in originals)
        {
            var same = new Document(original.Id + "~copy", original.Text) { Published = original.Published, Source = original.Source, Title = original.Title };
            unchanged++;
            if (finder.Find([original, same]).Discrepancies.Length > 0)
            {
                unchangedFlagged++;
            }

            foreach (PlantedChangeKind kind in (ReadOnlySpan<PlantedChangeKind>)[PlantedChangeKind.Number, PlantedChangeKind.Date, PlantedChangeKind.Age])
            {
                if (Plant(original, kind, random) is not { } change)
                {
                    continue;
                }

                copies++;
                bool isNumber = kind == PlantedChangeKind.Number;
                bool isAge = kind == PlantedChangeKind.Age;
                numbers += isNumber ? 1 : 0;
                dates += kind == PlantedChangeKind.Date ? 1 : 0;
                ages += isAge ? 1 : 0;
                var (hit, kindOk) = Check(finder.Find([original, change.Copy]), change);
                if (hit)
                {
                    flagged++;
                    rightKind += kindOk ? 1 : 0;
                    numbersFlagged += isNumber ? 1 : 0;
                    datesFlagged += kind == PlantedChangeKind.Date ? 1 : 0;
                    agesFlagged += isAge ? 1 : 0;
                }
                else
                {
                    missed.Add(change);
                }
            }
        }

        return new PlantedDiscrepancyResult(copies, flagged, rightKind, numbers, numbersFlagged, dates, datesFlagged, unchanged, unchangedFlagged, missed.ToImmutable(), ages, agesFlagged);
    }

    /// <summary>Whether some discrepancy names the changed span in the copy and the original span in the original.</summary>
    private static (bool Hit, bool RightKind) Check(DiscrepancyReport report, PlantedChange change)
    {
        int copyEnd = change.Start + change.After.Length;
        int originalEnd = change.Start + change.Length;
        bool hit = false;
        foreach (Discrepancy d in report.Discrepancies)
        {
            bool inCopy = false;
            bool inOriginal = false;
            foreach (DiscrepancyMention m in d.Mentions)
            {
                if (m.Document == change.Copy.Id && m.Start < copyEnd && m.End > change.Start)
                {
                    inCopy = true;
                }
                else if (m.Document == change.Original.Id && m.Start < originalEnd && m.End > change.Start)
                {
                    inOriginal = true;
                }
            }

            if (inCopy && inOriginal)
            {
                hit = true;
                if (d.Kind == change.Kind switch { PlantedChangeKind.Number => DiscrepancyKind.Number, PlantedChangeKind.Age => DiscrepancyKind.Age, _ => DiscrepancyKind.Date })
                {
                    return (true, true);
                }
            }
        }

        return (hit, false);
    }

    /// <summary>An age figure: "26-year-old", or "Jeremy Lewis, 26," after a two-word name.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(\d{1,2})-year-old\b|\b[A-Z][a-z]+ [A-Z][a-z]+, (?=\d{1,2},)(\d{1,2})", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AgeFigure();

    private static int NumberOf(FactToken t, string word)
    {
        if (t.Kind == FactTokenKind.Number)
        {
            return word.Length <= 2 ? (int)t.Value : -1;
        }

        for (int v = 1; v < Words.Length; v++)
        {
            if (word.Equals(Words[v], StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return -1;
    }

    private static string WordFor(int value, string like)
    {
        string w = value < Words.Length ? Words[value] : value.ToString(CultureInfo.InvariantCulture);
        if (like.Length > 1 && char.IsUpper(like[1]))
        {
            return w.ToUpperInvariant();
        }

        return char.IsUpper(like[0]) ? string.Concat(w[..1].ToUpperInvariant(), w.AsSpan(1)) : w;
    }

    /// <summary>A weekday beside a month name belongs to a written-out date ("Monday, March 17"): changing it leaves the date as it was.</summary>
    private static bool NextToMonth(List<FactToken> tokens, int i)
    {
        for (int k = Math.Max(0, i - 3); k <= i + 3 && k < tokens.Count; k++)
        {
            if (k != i && (tokens[k].Classes & WordClass.Month) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Numbers near a casualty word that are not counts: ages ("Smith, 25,", "ages 11 to 15", "11-year-old"), times, counts of charges, "one of".</summary>
    private static bool NotACount(string text, List<FactToken> tokens, int i)
    {
        bool Word(int k, string w) => k >= 0 && k < tokens.Count && text.AsSpan(tokens[k].Start, tokens[k].Length).Equals(w, StringComparison.OrdinalIgnoreCase);
        bool Punct(int k, char c) => k >= 0 && k < tokens.Count && tokens[k].Kind == FactTokenKind.Punctuation && text[tokens[k].Start] == c;
        return Punct(i + 1, ':') || Punct(i + 1, '%') || (Punct(i - 1, ',') && Punct(i + 1, ',')) || (Punct(i - 1, ',') && tokens[i].Kind == FactTokenKind.Number)
            || Word(i + 1, "year") || Word(i + 1, "years") || Word(i + 1, "counts") || Word(i + 1, "count") || Word(i + 1, "of") || Word(i + 1, "pm")
            || Word(i + 1, "am") || Word(i + 1, "p.m") || Word(i + 1, "a.m") || Word(i + 1, "shot") || Word(i + 1, "shots") || Word(i + 1, "to")
            || Word(i - 1, "ages") || Word(i - 1, "aged") || Word(i - 1, "age") || Word(i - 1, "and") && (Word(i - 2, "ages") || Punct(i - 2, ','))
            || (i + 1 < tokens.Count && text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length).StartsWith("year", StringComparison.OrdinalIgnoreCase));
    }

    private static bool CasualtyWordFollows(string text, List<FactToken> tokens, int i)
    {
        for (int k = i + 1; k <= i + 6 && k < tokens.Count && tokens[k].Sentence == tokens[i].Sentence; k++)
        {
            if ((tokens[k].Classes & (WordClass.Killed | WordClass.Injured | WordClass.Shot)) != 0 && !text.AsSpan(tokens[k].Start, tokens[k].Length).StartsWith("shooting", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
