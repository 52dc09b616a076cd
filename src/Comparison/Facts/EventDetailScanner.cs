using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Comparison.Facts;

/// <summary>The age of a person as a report gives it ("Jeremy Lewis, 27", "a 3-month-old baby").</summary>
public sealed record AgeMention : Fact
{
    /// <summary>Who the age belongs to: the person's name as written, or the noun that stands for them ("baby").</summary>
    public required string Person { get; init; }

    /// <summary>Whether <see cref="Person"/> is a name (true) or a noun (false).</summary>
    public required bool Named { get; init; }

    /// <summary>The age, in <see cref="Unit"/>.</summary>
    public required int Age { get; init; }

    /// <summary>"year", "month", "week" or "day".</summary>
    public required string Unit { get; init; }
}

/// <summary>A time of day a report gives ("about 5:10 a.m.", "just before 6:30 p.m.").</summary>
public sealed record TimeMention : Fact
{
    /// <summary>Minutes after midnight of the stated time.</summary>
    public required int Minutes { get; init; }

    /// <summary>Earliest minute the wording allows (about, just after...).</summary>
    public required int Earliest { get; init; }

    /// <summary>Latest minute the wording allows.</summary>
    public required int Latest { get; init; }

    /// <summary>The qualifier as written ("about", "just before"), or <see langword="null"/>.</summary>
    public string? Qualifier { get; init; }
}

/// <summary>A street a report names ("Childers Street", "202 Childers Drive").</summary>
public sealed record PlaceMention : Fact
{
    /// <summary>The street's own name ("Childers").</summary>
    public required string Name { get; init; }

    /// <summary>The street type, written out ("Street", "Drive").</summary>
    public required string Suffix { get; init; }
}

/// <summary>
/// Scans the details of an event that reports of it compare: people's ages, times of day and streets. Regular
/// patterns over the original text; offsets index that text.
/// </summary>
internal static partial class EventDetailScanner
{
    private const string Name = @"(?:[A-Z][a-z]+(?:['\u2019\-][A-Z]?[a-z]+)?|[A-Z]\.)";
    private const string FullName = Name + @"(?: " + Name + @"){1,3}";

    private static readonly HashSet<string> AgeNouns = new(StringComparer.Ordinal)
    {
        "baby", "infant", "toddler", "boy", "girl", "child", "son", "daughter", "brother", "sister", "man", "woman", "teen", "teenager",
    };

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "Police", "Officers", "Authorities", "Detectives", "Investigators", "Deputies", "Sheriff", "Chief", "He", "She", "They",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "County", "City", "Street", "Avenue", "Road", "Drive",
    };

    [GeneratedRegex(@"\b(" + FullName + @"(?: (?:Jr|Sr)\.?| III| II)?),? (?:age |aged )?(\d{1,3})(?=[,;)]| (?:and|of|was|is|were|who|died|had|has)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex NameCommaAge();

    [GeneratedRegex(@"\b(\d{1,3}|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve)[- ](year|month|week|day)s?[- ]old(?: ([a-z]+(?: [a-z]+){0,2}))?(?: (" + FullName + @"))?", RegexOptions.CultureInvariant)]
    private static partial Regex YearOld();

    [GeneratedRegex(@"(?:\b(about|around|approximately|roughly|nearly|just after|just before|shortly after|shortly before|after|before|at|by) )?\b(\d{1,2})(?:[:.] ?(\d{2}))? ?([ap])\. ?m\b\.?|(?:\b(about|around|approximately|roughly|nearly|just after|just before|shortly after|shortly before|after|before|at|by) )?\b(\d{1,2})(?:[:.] ?(\d{2}))? ?([ap])m\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"\b(?:([Ee]arly|[Ll]ate) )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Yy]esterday|[Tt]oday|[Tt]his|[Ll]ast)(?: (morning|afternoon|evening|night))?\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayPart();

    [GeneratedRegex(@"\b((?:[A-Z][a-z]+ ){1,2})(Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Dr\.|Lane|Boulevard|Blvd\.?|Court|Place|Parkway|Circle|Terrace|Trail)(?= |,|\.|;|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Street();

    [GeneratedRegex(@"(?<!,\s*)\b(\d{1,3})(?:, (\d{1,3}))*,? and (\d{1,3})[- ]years?[- ]old\b|\bage[sd]? (\d{1,3})(?:, (\d{1,3}))*,? and (\d{1,3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgeList();

    /// <summary>The nouns that name the people of a list of ages ("two women -- 68 and 48-years-old", "two men, ages 47 and 48").</summary>
    private static readonly HashSet<string> ListNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "men", "women", "boys", "girls", "children", "teens", "teenagers", "brothers", "sisters", "victims", "people", "suspects",
    };

    /// <summary>
    /// The lists of ages a document gives for several unnamed people ("the bodies of two women -- 68 and 48-years-old", "two
    /// men, ages 47 and 48"), in text order: each list holds one <see cref="AgeMention"/> per age, whose
    /// <see cref="AgeMention.Person"/> is the plural noun that stands before the list in its sentence. A list with no such
    /// noun is left out, and so is a figure after a name and a comma ("Paul Smith, 24, and 20-year-old ..."): that is a name's age.
    /// </summary>
    public static ImmutableArray<ImmutableArray<AgeMention>> AgeLists(DocumentFacts facts)
    {
        string text = facts.Document.Text;
        var lists = ImmutableArray.CreateBuilder<ImmutableArray<AgeMention>>();
        foreach (Match m in AgeList().Matches(text))
        {
            int g = m.Groups[1].Success ? 1 : 4;
            var values = new List<Capture> { m.Groups[g].Captures[0] };
            values.AddRange(m.Groups[g + 1].Captures);
            values.Add(m.Groups[g + 2].Captures[0]);
            var first = With(facts, Make(facts, values[0].Index, values[0].Length, "person", false, 0, "year"));
            if (ListNoun(text, first.SentenceStart, m.Index) is not { } noun)
            {
                continue;
            }

            var ages = ImmutableArray.CreateBuilder<AgeMention>(values.Count);
            foreach (Capture c in values)
            {
                int age = int.Parse(c.Value, CultureInfo.InvariantCulture);
                if (age is < 1 or > 110)
                {
                    break;
                }

                ages.Add(Make(facts, c.Index, c.Length, noun, false, age, "year"));
            }

            if (ages.Count == values.Count)
            {
                lists.Add(ages.MoveToImmutable());
            }
        }

        return lists.ToImmutable();
    }

    /// <summary>The last plural noun of people in the 50 characters before <paramref name="end"/> (within the sentence), lower-cased, or null.</summary>
    private static string? ListNoun(string text, int sentenceStart, int end)
    {
        int from = Math.Max(sentenceStart, end - 50);
        string[] words = text[from..end].Split([' ', ',', '-', '\u2014', '\u2013'], StringSplitOptions.RemoveEmptyEntries);
        for (int w = words.Length - 1; w >= 0; w--)
        {
            if (ListNouns.Contains(words[w]))
            {
                return words[w].ToLowerInvariant();
            }
        }

        return null;
    }

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>The ages a document gives, in text order.</summary>
    public static ImmutableArray<AgeMention> Ages(DocumentFacts facts)
    {
        string text = facts.Document.Text;
        var found = new List<AgeMention>();
        foreach (Match m in NameCommaAge().Matches(text))
        {
            string person = Trim(m.Groups[1].Value, out int skipped);
            int age = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (person.Length == 0 || age is < 1 or > 110 || !person.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            found.Add(Make(facts, m.Groups[2].Index, m.Groups[2].Length, person, true, age, "year"));
        }

        var listed = new HashSet<int>();
        foreach (var list in AgeLists(facts))
        {
            listed.Add(list[^1].Start);
        }

        foreach (Match m in YearOld().Matches(text))
        {
            int age = ParseSmall(m.Groups[1].Value);
            if (age < 0 || listed.Contains(m.Index))
            {
                continue; // the last age of a list ("68 and 48-years-old") is no one person's
            }

            string unit = m.Groups[2].Value;
            string person;
            bool named;
            if (m.Groups[4].Success && Trim(m.Groups[4].Value, out _) is { Length: > 0 } name && name.Contains(' ', StringComparison.Ordinal))
            {
                person = name;
                named = true;
            }
            else if (m.Groups[3].Success && FirstNoun(m.Groups[3].Value) is { } noun)
            {
                person = noun;
                named = false;
            }
            else
            {
                // "the 17-year-old was charged": someone unnamed, told apart by nothing but the sentence.
                person = "person";
                named = false;
            }

            int end = text.IndexOf("old", m.Groups[2].Index, StringComparison.Ordinal) + 3;
            found.Add(Make(facts, m.Index, end - m.Index, person, named, age, unit));
        }

        found.Sort((x, y) => x.Start.CompareTo(y.Start));
        return [.. found];
    }

    /// <summary>The times of day a document gives, in text order.</summary>
    public static ImmutableArray<TimeMention> Times(DocumentFacts facts)
    {
        string text = facts.Document.Text;
        var found = ImmutableArray.CreateBuilder<TimeMention>();
        foreach (Match m in TimeOfDay().Matches(text))
        {
            int g = m.Groups[2].Success ? 1 : 5;
            int hour = int.Parse(m.Groups[g + 1].Value, CultureInfo.InvariantCulture);
            int minute = m.Groups[g + 2].Success ? int.Parse(m.Groups[g + 2].Value, CultureInfo.InvariantCulture) : 0;
            if (hour is < 1 or > 12 || minute > 59)
            {
                continue;
            }

            bool pm = m.Groups[g + 3].Value is "p" or "P";
            int minutes = ((hour % 12) + (pm ? 12 : 0)) * 60 + minute;
            string? qualifier = m.Groups[g].Success ? m.Groups[g].Value.ToLowerInvariant() : null;
            (int lo, int hi) = qualifier switch
            {
                "about" or "around" or "approximately" or "roughly" => (minutes - 15, minutes + 15),
                "nearly" or "just before" or "shortly before" => (minutes - 20, minutes),
                "before" or "by" => (minutes - 120, minutes),
                "just after" or "shortly after" => (minutes, minutes + 20),
                "after" => (minutes, minutes + 120),
                _ => (minutes, minutes),
            };
            int start = qualifier is null or "at" ? m.Groups[g + 1].Index : m.Index;
            int end = m.Index + m.Length;
            var time = With(facts, new TimeMention
            {
                Start = start, End = end, Text = text[start..end], Sentence = 0, SentenceStart = 0, SentenceEnd = 0,
                Minutes = minutes, Earliest = lo, Latest = hi, Qualifier = qualifier is "at" ? null : qualifier,
            });
            if (!IsReportingOrPlanned(text.AsSpan(time.SentenceStart, time.SentenceEnd - time.SentenceStart)))
            {
                found.Add(time);
            }
        }

        return found.ToImmutable();
    }

    /// <summary>
    /// The parts of a day a document gives for something that happened ("early Sunday morning", "Tuesday evening",
    /// "late Saturday"), in text order: <see cref="TimeMention.Earliest"/> and <see cref="TimeMention.Latest"/> span the
    /// part of the day in minutes after the midnight that opens it (a night runs past 24:00), and
    /// <see cref="TimeMention.Qualifier"/> holds the day and the part, lower-cased ("sunday early morning"). A part of
    /// a day without a day of its own ("in the morning") is left out: nothing tells which day it is.
    /// </summary>
    public static ImmutableArray<TimeMention> DayParts(DocumentFacts facts)
    {
        string text = facts.Document.Text;
        var found = ImmutableArray.CreateBuilder<TimeMention>();
        foreach (Match m in DayPart().Matches(text))
        {
            string? degree = m.Groups[1].Success ? m.Groups[1].Value.ToLowerInvariant() : null;
            string day = m.Groups[2].Value.ToLowerInvariant();
            string? part = m.Groups[3].Success ? m.Groups[3].Value.ToLowerInvariant() : null;
            if (part is null && degree is null)
            {
                continue; // a day alone is a date, not a time of day
            }

            (int lo, int hi) = (degree, part) switch
            {
                ("early", null) => (0, 7 * 60),
                ("late", null) => (18 * 60, 24 * 60),
                ("early", "morning") => (0, 7 * 60),
                ("late", "morning") => (10 * 60, 12 * 60),
                (_, "morning") => (5 * 60, 12 * 60),
                ("early", "afternoon") => (12 * 60, 15 * 60),
                ("late", "afternoon") => (15 * 60, 18 * 60),
                (_, "afternoon") => (12 * 60, 18 * 60),
                ("early", "evening") => (17 * 60, 20 * 60),
                ("late", "evening") => (20 * 60, 23 * 60),
                (_, "evening") => (17 * 60, 22 * 60),
                ("late", "night") => (21 * 60, 28 * 60),
                ("early", "night") => (18 * 60, 22 * 60),
                _ => (18 * 60, 28 * 60),
            };
            if (IsReported(text, m.Index))
            {
                continue;
            }

            var time = With(facts, new TimeMention
            {
                Start = m.Index, End = m.Index + m.Length, Text = m.Value, Sentence = 0, SentenceStart = 0, SentenceEnd = 0,
                Minutes = (lo + hi) / 2, Earliest = lo, Latest = hi, Qualifier = day + " " + (degree is null ? part : part is null ? degree : degree + " " + part),
            });
            if (!IsReportingOrPlanned(text.AsSpan(time.SentenceStart, time.SentenceEnd - time.SentenceStart)))
            {
                found.Add(time);
            }
        }

        return found.ToImmutable();
    }

    /// <summary>Whether the words right before <paramref name="start"/> report something ("police said Sunday night"): when it was said, not when it happened.</summary>
    private static bool IsReported(string text, int start)
    {
        int from = Math.Max(0, start - 16);
        var before = text.AsSpan(from, start - from);
        foreach (string cue in ReportingCues)
        {
            if (before.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ReportingCues = ["said", "says", "told", "announced", "statement", "released", "reported"];

    /// <summary>The streets a document names, in text order.</summary>
    public static ImmutableArray<PlaceMention> Streets(DocumentFacts facts)
    {
        string text = facts.Document.Text;
        var found = ImmutableArray.CreateBuilder<PlaceMention>();
        foreach (Match m in Street().Matches(text))
        {
            string name = m.Groups[1].Value.TrimEnd();
            string first = name.Split(' ')[0];
            if (NotNames.Contains(first) || (first is "North" or "South" or "East" or "West" && !name.Contains(' ', StringComparison.Ordinal)))
            {
                continue;
            }

            string suffix = m.Groups[2].Value.TrimEnd('.') switch
            {
                "St" => "Street", "Ave" => "Avenue", "Rd" => "Road", "Dr" => "Drive", "Blvd" => "Boulevard", var s => s,
            };
            int end = m.Index + m.Length;
            found.Add(With(facts, new PlaceMention
            {
                Start = m.Index, End = end, Text = text[m.Index..end], Sentence = 0, SentenceStart = 0, SentenceEnd = 0, Name = name, Suffix = suffix,
            }));
        }

        return found.ToImmutable();
    }

    /// <summary>
    /// Whether a sentence holds a time that is no event time: a publication or update stamp (a short line, or
    /// "posted", "updated", "published"), or something planned (a funeral, a service, a game to come).
    /// </summary>
    private static bool IsReportingOrPlanned(ReadOnlySpan<char> sentence)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in sentence)
        {
            bool letter = char.IsLetter(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        if (words < 6)
        {
            return true;
        }

        foreach (string cue in StampOrPlanCues)
        {
            if (sentence.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] StampOrPlanCues =
    [
        "posted", "updated", "published", "funeral", "visitation", "memorial", "service", "will be held", "scheduled", "semifinal", "final against",
    ];

    /// <summary>A person's name at a span, with its sentence.</summary>
    internal static EntityMention Person(DocumentFacts facts, int start, int end, string surname) =>
        With(facts, new EntityMention
        {
            Start = start, End = end, Text = facts.Document.Text[start..end], Sentence = 0, SentenceStart = 0, SentenceEnd = 0,
            Kind = EntityKind.Person, Key = surname.ToLowerInvariant(),
        });

    private static AgeMention Make(DocumentFacts facts, int start, int length, string person, bool named, int age, string unit) =>
        With(facts, new AgeMention
        {
            Start = start, End = start + length, Text = facts.Document.Text.Substring(start, length), Sentence = 0, SentenceStart = 0, SentenceEnd = 0,
            Person = person, Named = named, Age = age, Unit = unit,
        });

    /// <summary>The fact with its sentence filled in from the document's sentences.</summary>
    internal static T With<T>(DocumentFacts facts, T fact)
        where T : Fact
    {
        var sentences = facts.Sentences;
        int lo = 0;
        int hi = sentences.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (sentences[mid].Start <= fact.Start)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (sentences.Length == 0)
        {
            return fact with { Sentence = 0, SentenceStart = fact.Start, SentenceEnd = fact.End };
        }

        var (s, e) = sentences[lo];
        return fact with { Sentence = lo, SentenceStart = Math.Min(s, fact.Start), SentenceEnd = Math.Max(e, fact.End) };
    }

    /// <summary>A name without a leading common word ("Police", "The"); empty when nothing of a name is left.</summary>
    private static string Trim(string name, out int skipped)
    {
        skipped = 0;
        string[] words = name.Split(' ');
        int k = 0;
        while (k < words.Length && NotNames.Contains(words[k]))
        {
            skipped += words[k].Length + 1;
            k++;
        }

        return k >= words.Length - 0 ? string.Empty : string.Join(' ', words, k, words.Length - k);
    }

    private static string? FirstNoun(string words)
    {
        foreach (string w in words.Split(' '))
        {
            if (AgeNouns.Contains(w))
            {
                return w;
            }
        }

        return null;
    }

    private static int ParseSmall(string s)
    {
        if (char.IsDigit(s[0]))
        {
            return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v is >= 0 and <= 110 ? v : -1;
        }

        return Array.IndexOf(NumberWords, s.ToLowerInvariant());
    }
}
