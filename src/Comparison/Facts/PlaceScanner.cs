using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Comparison.Facts;

/// <summary>What a place says of what it is tied to.</summary>
internal enum PlaceRole
{
    /// <summary>Where a named person lives ("Stanley Greene, 30, of Crestline Drive").</summary>
    Residence,

    /// <summary>The neighbourhood or town a venue or street lies in ("outside Remsen Hall in East Flatbush").</summary>
    Area,

    /// <summary>The street that crosses a named street where it happened ("on Idaho Street near Lozier Street").</summary>
    CrossStreet,

    /// <summary>A hospital where the people hurt were taken; the anchor is the hospital's own words (<see cref="PlaceScanner.Hospitals"/>).</summary>
    Hospital,

    /// <summary>The kind of building on a named street ("a halfway house on Norman Street"); the value is the kind (<see cref="PlaceScanner.BuildingKind"/>).</summary>
    Building,
}

/// <summary>
/// A place tied to something two reports can both name: a person's home, the area a venue lies in, the street that
/// crosses the street of the event. <see cref="Fact.Text"/> is the place; <see cref="Anchor"/> holds the words of what it is
/// tied to, lower-cased, by which two reports are lined up.
/// </summary>
internal sealed record AnchoredPlace : Fact
{
    /// <summary>What the place says of its anchor.</summary>
    public required PlaceRole Role { get; init; }

    /// <summary>The distinctive words of the anchor, lower-cased: a person's surname, a venue's or a street's own name.</summary>
    public required ImmutableArray<string> Anchor { get; init; }

    /// <summary>The place as compared: lower-case, street types written out ("lozier street").</summary>
    public required string Value { get; init; }
}

/// <summary>
/// Scans the places a report ties to a person, a venue or a street, by the plain patterns of news writing:
/// "NAME, AGE, of PLACE", "VENUE in AREA", "STREET near CROSS STREET". Regular patterns over the original text; offsets
/// index that text.
/// </summary>
internal static partial class PlaceScanner
{
    /// <summary>A capitalised word, an ordinal ("57th"), an initial or a street-type abbreviation with its point (any other point ends the name).</summary>
    private const string Word = @"(?:(?:St|Ave|Rd|Dr|Blvd|Ln|Ct|Pl|Hwy|Mt|Ft)\.|[A-Z]\.|[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)?|\d{1,3}(?:st|nd|rd|th))";

    /// <summary>Up to five such words: a place's name.</summary>
    private const string Place = Word + @"(?: " + Word + @"){0,4}";

    private const string Surname = @"(?:Mc|Mac|La|De|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?";

    [GeneratedRegex(@"\b([A-Z][a-z]+(?: [A-Z][a-z]+| [A-Z]\.)* " + Surname + @")(?: (?:Jr|Sr)\.?| III| II)?,? (?:\d{1,3}, )?of (" + Place + @")(?: in (" + Place + @"))?", RegexOptions.CultureInvariant)]
    private static partial Regex Residence();

    [GeneratedRegex(@"\b((?:\d{1,5} )?" + Place + @") in (" + Place + @")", RegexOptions.CultureInvariant)]
    private static partial Regex Area();

    [GeneratedRegex(@"\b(" + Place + @" (?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Dr\.|Lane|Boulevard|Blvd\.?|Parkway|Highway)) (?:near|at) (" + Place + @")", RegexOptions.CultureInvariant)]
    private static partial Regex Cross();

    /// <summary>A kind of building a report can tell apart from another: no plain "home" or "house", which any of them is.</summary>
    private const string BuildingWords = @"(single-family (?:home|house)|halfway house|group home|boarding house|rooming house|mobile home|trailer|apartment (?:complex|building)|apartment|duplex|town ?house|condominium|condo|motel|hotel)";

    [GeneratedRegex(@"\b" + BuildingWords + @"s? (?:at|on|along|in the \d{1,6} block of) (?:\d{1,6} )?(" + Place + @")", RegexOptions.CultureInvariant)]
    private static partial Regex Building();

    [GeneratedRegex(@"\b" + BuildingWords + @"s?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BuildingKinds();

    /// <summary>How many characters before a venue's area the venue's name may stand.</summary>
    private const int LookBack = 48;

    /// <summary>Words that name a kind of street or venue, not which one.</summary>
    private static readonly HashSet<string> TypeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "lane", "ln", "boulevard", "blvd", "court", "ct", "place", "pl", "parkway",
        "highway", "hwy", "way", "circle", "terrace", "trail", "block", "north", "south", "east", "west", "n", "s", "e", "w",
        "hall", "center", "centre", "club", "bar", "park", "school", "church", "hotel", "apartments", "apartment", "home", "house", "building", "store",
        "market", "mall", "restaurant", "lounge", "nightclub", "station", "hospital", "county", "city", "township", "town", "village",
    };

    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["st."] = "street", ["ave."] = "avenue", ["rd."] = "road", ["dr."] = "drive", ["blvd."] = "boulevard", ["blvd"] = "boulevard", ["ln."] = "lane",
        ["ct."] = "court", ["pl."] = "place", ["hwy."] = "highway", ["n."] = "north", ["s."] = "south", ["e."] = "east", ["w."] = "west",
    };

    /// <summary>The places a document ties to a person, a venue or a street, in text order.</summary>
    public static ImmutableArray<AnchoredPlace> Scan(DocumentFacts facts)
    {
        string text = facts.Document.Text;
        var found = new List<AnchoredPlace>();
        foreach (Match m in Residence().Matches(text))
        {
            string[] person = m.Groups[1].Value.Split(' ');
            string surname = person[^1];
            if (!IsNameWord(person[0]) || !IsNameWord(surname) || Trim(m.Groups[2]) is not { } home || !IsPlace(home.Value))
            {
                continue;
            }

            Capture last = m.Groups[3].Success && Trim(m.Groups[3]) is { } city && IsPlace(city.Value) ? city : home;
            // The whole name: two people of one surname ("Stanley Greene", "Brandon Lemar Greene") live apart.
            found.Add(Make(facts, home.Index, last.Index + last.Length, PlaceRole.Residence, [(person[0] + " " + surname).ToLowerInvariant()]));
        }

        foreach (Match m in Area().Matches(text))
        {
            if (Trim(m.Groups[2]) is not { } area || !IsPlace(area.Value) || !NamesAVenueOrStreet(m.Groups[1].Value) || AfterOf(text, m.Index))
            {
                continue;
            }

            // The venue may stand a little before its street ("Remsen Hall on 375 Remsen Avenue and East 57th Street in ..."):
            // the capitalised words just before the match, in its sentence, are part of the anchor.
            int sentenceStart = SentenceStart(facts, m.Index);
            int from = Math.Max(sentenceStart, m.Index - LookBack);
            var anchor = Distinctive(text[from..m.Index] + " " + m.Groups[1].Value);
            if (anchor.Length == 0)
            {
                continue;
            }

            found.Add(Make(facts, area.Index, area.Index + area.Length, PlaceRole.Area, anchor));
        }

        foreach (Match m in Cross().Matches(text))
        {
            if (Trim(m.Groups[2]) is not { } cross || !IsPlace(cross.Value) || Distinctive(m.Groups[1].Value) is not { Length: > 0 } anchor)
            {
                continue;
            }

            found.Add(Make(facts, cross.Index, cross.Index + cross.Length, PlaceRole.CrossStreet, anchor));
        }

        foreach (Match m in Building().Matches(text))
        {
            if (Trim(m.Groups[2]) is not { } street || !IsPlace(street.Value) || Distinctive(street.Value) is not { Length: > 0 } anchor)
            {
                continue;
            }

            Group kind = m.Groups[1];
            found.Add(Make(facts, kind.Index, kind.Index + kind.Length, PlaceRole.Building, anchor) with { Value = BuildingKind(kind.Value) });
        }

        found.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.Role.CompareTo(y.Role));
        return [.. found];
    }

    [GeneratedRegex(@"\b((?:(?:[A-Z][a-z]+|[A-Z]\.|St\.|Jr\.)[ -])+)(?:Hospital|Medical Center)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hospital();

    /// <summary>
    /// The hospitals a document names ("John H. Stroger Jr. Hospital", "Great River Medical Center"), in text order, each with
    /// its own words as <see cref="AnchoredPlace.Anchor"/> ("stroger") and its name, lower-cased, as the value.
    /// </summary>
    public static ImmutableArray<AnchoredPlace> Hospitals(DocumentFacts facts)
    {
        var found = ImmutableArray.CreateBuilder<AnchoredPlace>();
        foreach (Match m in Hospital().Matches(facts.Document.Text))
        {
            var own = Distinctive(m.Groups[1].Value.Replace('-', ' '));
            if (own.Length > 0)
            {
                found.Add(Make(facts, m.Index, m.Index + m.Length, PlaceRole.Hospital, own));
            }
        }

        return found.ToImmutable();
    }

    /// <summary>The kind of building a name stands for: "apartment" of "apartment complex", "townhouse" of "town house".</summary>
    internal static string BuildingKind(string words)
    {
        string w = words.ToLowerInvariant();
        return w switch
        {
            _ when w.StartsWith("single-family", StringComparison.Ordinal) => "single-family home",
            _ when w.StartsWith("apartment", StringComparison.Ordinal) => "apartment",
            "boarding house" => "rooming house",
            "trailer" => "mobile home",
            "town house" => "townhouse",
            "condominium" => "condo",
            _ => w,
        };
    }

    /// <summary>Whether the text names a building of the kind anywhere.</summary>
    internal static bool MentionsBuilding(string text, string kind)
    {
        foreach (Match m in BuildingKinds().Matches(text))
        {
            if (BuildingKind(m.Groups[1].Value) == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The place as compared: words lower-cased, abbreviations of street types and compass points written out.</summary>
    internal static string Normalize(string place)
    {
        string[] words = place.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = Abbreviations.TryGetValue(words[i], out string? full) ? full : words[i].TrimEnd('.').ToLowerInvariant();
        }

        return string.Join(' ', words);
    }

    /// <summary>Whether the text names the place, in whatever form of its street type ("Remsen Ave." for "remsen avenue").</summary>
    internal static bool Mentions(string text, string normalized)
    {
        string core = Core(normalized);
        return core.Length > 0 && text.Contains(core, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The place without its street type or compass point ("lozier" of "lozier street").</summary>
    internal static string Core(string normalized)
    {
        var words = new List<string>();
        foreach (string w in normalized.Split(' '))
        {
            if (!TypeWords.Contains(w))
            {
                words.Add(w);
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>The match group without trailing words that end a sentence's name run but are no place ("Sunday").</summary>
    private static Capture? Trim(Group g)
    {
        string value = g.Value;
        string[] words = value.Split(' ');
        int keep = words.Length;
        while (keep > 0 && !IsPlaceWord(words[keep - 1]))
        {
            keep--;
        }

        if (keep == 0)
        {
            return null;
        }

        int length = string.Join(' ', words, 0, keep).Length;
        return new Capture(g.Index, length, value[..length]);
    }

    private sealed record Capture(int Index, int Length, string Value);

    /// <summary>A place word: no weekday, month, title, pronoun, stop or reporting word.</summary>
    private static bool IsPlaceWord(string word)
    {
        if (word.Length == 0 || char.IsDigit(word[0]))
        {
            return word.Length > 0;
        }

        var classes = FactLexicon.Find(word.TrimEnd('.')).Classes;
        return (classes & (WordClass.Month | WordClass.Weekday | WordClass.RelativeDay | WordClass.Title | WordClass.Pronoun | WordClass.Stop
            | WordClass.Reporting | WordClass.Auxiliary | WordClass.Verb | WordClass.NumberWord | WordClass.Person)) == 0;
    }

    /// <summary>Whether the words can be a place: no organisation ("Police Department"), not only street types.</summary>
    private static bool IsPlace(string value)
    {
        bool own = false;
        foreach (string w in value.Split(' '))
        {
            if (!IsPlaceWord(w) || (FactLexicon.Find(w.TrimEnd('.')).Classes & WordClass.OrganisationHead) != 0)
            {
                return false;
            }

            own |= !TypeWords.Contains(w.TrimEnd('.')) && !char.IsDigit(w[0]);
        }

        return own;
    }

    /// <summary>A capitalised word that is no common word, month, weekday, title or organisation head: part of a person's name.</summary>
    private static bool IsNameWord(string word) =>
        (FactLexicon.Find(word).Classes & (WordClass.Stop | WordClass.Month | WordClass.Weekday | WordClass.Title | WordClass.CommonCapital | WordClass.Pronoun
            | WordClass.Auxiliary | WordClass.Verb | WordClass.NumberWord | WordClass.Reporting | WordClass.OrganisationHead)) == 0 && !TypeWords.Contains(word);

    /// <summary>Whether the anchor ends in a street number, a street type or a venue word: a place, not a person or an organisation.</summary>
    private static bool NamesAVenueOrStreet(string anchor)
    {
        string[] words = anchor.Split(' ');
        return char.IsDigit(words[0][0]) || TypeWords.Contains(words[^1].TrimEnd('.')) || (words.Length > 1 && TypeWords.Contains(words[^2].TrimEnd('.')));
    }

    /// <summary>Whether the match follows "of" ("the University of Michigan in Ann Arbor"): part of a longer name.</summary>
    private static bool AfterOf(string text, int start) => start >= 3 && text.AsSpan(start - 3, 3).SequenceEqual(" of");

    private static int SentenceStart(DocumentFacts facts, int offset)
    {
        int start = 0;
        foreach (var (s, _) in facts.Sentences)
        {
            if (s > offset)
            {
                break;
            }

            start = s;
        }

        return start;
    }

    /// <summary>The anchor's own words, lower-cased: no street or venue type, compass point, number, or common word.</summary>
    private static ImmutableArray<string> Distinctive(string anchor)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        foreach (string w in anchor.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string word = w.Trim('.', ',', ';', ':', '(', ')', '"', '\u201C', '\u201D');
            if (word.Length >= 3 && char.IsUpper(word[0]) && !TypeWords.Contains(word) && IsNameWord(word) && !words.Contains(word.ToLowerInvariant()))
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        return words.ToImmutable();
    }

    private static AnchoredPlace Make(DocumentFacts facts, int start, int end, PlaceRole role, ImmutableArray<string> anchor)
    {
        string text = facts.Document.Text[start..end];
        return EventDetailScanner.With(facts, new AnchoredPlace
        {
            Start = start, End = end, Text = text, Sentence = 0, SentenceStart = 0, SentenceEnd = 0, Role = role, Anchor = anchor, Value = Normalize(text),
        });
    }
}
