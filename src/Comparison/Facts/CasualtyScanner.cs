using System.Collections.Immutable;

namespace Comparison.Facts;

/// <summary>
/// Finds statements of people killed, injured or shot, and how many each counts: a number before the
/// outcome ("five people were injured"), a singular subject ("a 25-year-old man was killed", "he died"),
/// "no one was hurt", or the object of an active verb ("killing two").
/// </summary>
internal static class CasualtyScanner
{
    private const int MaxSkipped = 6;
    private const int MaxPhrase = 6;

    public static void Scan(ScanContext c, ImmutableArray<CasualtyStatement>.Builder statements, ImmutableArray<Quantity>.Builder quantities)
    {
        for (int k = 0; k < c.Count; k++)
        {
            var t = c.Tok[k];
            if (t.Kind != FactTokenKind.Word || (t.Classes & (WordClass.Killed | WordClass.Injured | WordClass.Shot)) == 0 || t.Capitalized && !t.SentenceStart)
            {
                continue;
            }

            CasualtyOutcome? outcome = OutcomeAt(c, k, out int last, out bool active);
            if (outcome is null || IsBackground(c, t.Sentence))
            {
                continue;
            }

            (int Count, int First, int Last)? count;
            if (active)
            {
                count = Object(c, last);
            }
            else if (CanBeActive(c, k) && !PassiveBefore(c, k) && ObjectStarts(c, last + 1))
            {
                // "Jackson shot a woman", "the gunman killed two people": the subject is the shooter.
                count = Object(c, last);
            }
            else
            {
                count = Subject(c, k);
            }
            if (count is { } found)
            {
                var w = c.Where(k, last);
                statements.Add(new CasualtyStatement
                {
                    Start = w.Start, End = w.End, Text = w.Text, Sentence = w.Sentence, SentenceStart = w.SentenceStart, SentenceEnd = w.SentenceEnd,
                    Outcome = outcome.Value,
                    Count = found.Count,
                    CountStart = found.First >= 0 ? c.Tok[found.First].Start : -1,
                    CountEnd = found.First >= 0 ? c.Tok[found.Last].End : -1,
                });
                AddAsQuantity(c, found, w.Text, quantities);
            }

            k = last;
        }
    }

    /// <summary>The outcome of the word at <paramref name="k"/> ("shot and killed" is killed; "fatally shot" is killed).</summary>
    private static CasualtyOutcome? OutcomeAt(ScanContext c, int k, out int last, out bool active)
    {
        last = k;
        active = false;
        ReadOnlySpan<char> w = c.Span(k);
        if (Is(w, "killing") || Is(w, "injuring") || Is(w, "wounding"))
        {
            active = true;
            return Is(w, "killing") ? CasualtyOutcome.Killed : CasualtyOutcome.Injured;
        }

        if (Is(w, "shot"))
        {
            if (c.Is(k - 1, "a") || c.Is(k - 1, "the") || c.Is(k - 1, "one") || c.Is(k - 1, "another") || c.Is(k + 1, "at") || c.Is(k + 1, "up"))
            {
                return null;
            }

            if (c.Is(k + 1, "and") && (c.Has(k + 2, WordClass.Killed) || c.Has(k + 2, WordClass.Injured)))
            {
                return null; // the outcome word that follows decides
            }

            if (c.Is(k + 1, "dead") || (c.Is(k + 1, "to") && c.Is(k + 2, "death")))
            {
                last = c.Is(k + 1, "dead") ? k + 1 : k + 2;
                return CasualtyOutcome.Killed;
            }

            return c.Is(k - 1, "fatally") ? CasualtyOutcome.Killed : CasualtyOutcome.Shot;
        }

        if (Is(w, "fatally"))
        {
            if (c.Is(k + 1, "shot") || c.Is(k + 1, "wounded") || c.Is(k + 1, "injured") || c.Is(k + 1, "stabbed") || c.Is(k + 1, "struck"))
            {
                last = k + 1;
                return CasualtyOutcome.Killed;
            }

            return c.IsPunct(k - 2, ',') || c.Is(k - 1, "one") ? CasualtyOutcome.Killed : null; // "two men were shot, one fatally"
        }

        if (Is(w, "killed") || Is(w, "died") || Is(w, "dead") || Is(w, "slain") || Is(w, "murdered") || Is(w, "perished"))
        {
            if (Is(w, "dead") && (c.Is(k + 1, "end") || c.Is(k - 1, "the")))
            {
                return null;
            }

            return CasualtyOutcome.Killed;
        }

        if (Is(w, "injured") || Is(w, "wounded") || Is(w, "hurt") || Is(w, "hospitalized") || Is(w, "hospitalised"))
        {
            if (c.Is(k - 1, "the") || c.Is(k - 1, "fatally"))
            {
                return c.Is(k - 1, "fatally") ? CasualtyOutcome.Killed : null;
            }

            return CasualtyOutcome.Injured;
        }

        return null;
    }

    private static bool Is(ReadOnlySpan<char> w, string word) => w.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A count the amount scanner could not see ("killed one and injured three", "a 25-year-old man was
    /// killed", "no one was hurt") becomes an amount too, so reports can be compared on it.
    /// </summary>
    private static void AddAsQuantity(ScanContext c, (int Count, int First, int Last) found, string outcome, ImmutableArray<Quantity>.Builder quantities)
    {
        if (found.First < 0)
        {
            return;
        }

        var first = c.Tok[found.First];
        bool explicitCount = first.Kind == FactTokenKind.Number || (first.Classes & WordClass.NumberWord) != 0 || c.Is(found.First, "a") || c.Is(found.First, "an")
            || c.Is(found.First, "another") || c.Is(found.First, "nobody") || c.Is(found.First, "both");
        if (!explicitCount)
        {
            return;
        }

        int start = first.Start;
        int end = c.Tok[found.Last].End;
        foreach (Quantity q in quantities)
        {
            if (q.Start < end && Math.Max(q.End, q.NounEnd) > start)
            {
                return;
            }
        }

        var w = c.Where(found.First, found.Last);
        string head = c.Lower(found.Last);
        int at = quantities.Count;
        while (at > 0 && quantities[at - 1].Start > start)
        {
            at--;
        }

        quantities.Insert(at, new Quantity
        {
            Start = w.Start, End = w.End, Text = w.Text, Sentence = w.Sentence, SentenceStart = w.SentenceStart, SentenceEnd = w.SentenceEnd,
            Value = found.Count, Interval = NumericInterval.Exactly(found.Count), Qualifier = QuantityQualifier.Exact,
            Noun = found.Last > found.First ? c.Slice(c.Tok[found.First + 1].Start, end) : string.Empty,
            Head = found.Last > found.First ? head : string.Empty,
            NounStart = found.Last > found.First ? c.Tok[found.First + 1].Start : -1,
            NounEnd = found.Last > found.First ? end : -1,
            Predicate = outcome.ToLowerInvariant(),
        });
    }

    /// <summary>
    /// Whether a sentence recounts other events: it names a year other than the reference year ("In 2009, a
    /// gunman killed 13") or rounds up several incidents ("in separate shootings across the city").
    /// </summary>
    private static bool IsBackground(ScanContext c, int sentence)
    {
        var (start, end) = c.Sentences[sentence];
        ReadOnlySpan<char> text = c.Text.AsSpan(start, end - start);
        if (text.Contains("separate", StringComparison.OrdinalIgnoreCase) || text.Contains("shootings", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        int year = c.Reference?.Year ?? 0;
        for (int i = 0; i + 4 <= text.Length; i++)
        {
            if ((text[i] is '1' or '2') && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2]) && char.IsDigit(text[i + 3])
                && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (i + 4 == text.Length || !char.IsLetterOrDigit(text[i + 4])))
            {
                int y = ((text[i] - '0') * 1000) + ((text[i + 1] - '0') * 100) + ((text[i + 2] - '0') * 10) + (text[i + 3] - '0');
                if (y is >= 1900 and <= 2099 && y != year)
                {
                    return true;
                }

                i += 3;
            }
        }

        return false;
    }

    private static bool CanBeActive(ScanContext c, int k) =>
        c.Is(k, "shot") || c.Is(k, "killed") || c.Is(k, "wounded") || c.Is(k, "injured") || c.Is(k, "murdered") || c.Is(k, "hurt");

    /// <summary>Whether a form of "be" or "get" governs the participle at <paramref name="k"/> (a passive: the subject is the victim).</summary>
    private static bool PassiveBefore(ScanContext c, int k)
    {
        for (int j = k - 1, n = 0; j >= 0 && n < 4 && c.SameSentence(j, k) && c.Tok[j].Kind == FactTokenKind.Word; j--, n++)
        {
            if (c.Is(j, "was") || c.Is(j, "were") || c.Is(j, "been") || c.Is(j, "being") || c.Is(j, "got") || c.Is(j, "is") || c.Is(j, "are")
                || c.Is(j, "be") || c.Is(j, "get") || c.Is(j, "gets"))
            {
                return true;
            }

            ReadOnlySpan<char> w = c.Span(j);
            bool skip = Is(w, "and") || Is(w, "shot") || Is(w, "fatally") || Is(w, "also") || Is(w, "later") || (w.Length > 4 && w.EndsWith("ly", StringComparison.OrdinalIgnoreCase));
            if (!skip)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether the token at <paramref name="k"/> starts the object of an active verb.</summary>
    private static bool ObjectStarts(ScanContext c, int k)
    {
        if ((uint)k >= (uint)c.Count || c.Tok[k].Kind == FactTokenKind.Punctuation)
        {
            return false;
        }

        var t = c.Tok[k];
        if (t.Kind == FactTokenKind.Number || (t.Classes & WordClass.NumberWord) != 0)
        {
            return true;
        }

        if (c.Is(k, "a") || c.Is(k, "an") || c.Is(k, "another") || c.Is(k, "the") || c.Is(k, "his") || c.Is(k, "her") || c.Is(k, "him") || c.Is(k, "them")
            || c.Is(k, "me") || c.Is(k, "us") || c.Is(k, "both") || c.Is(k, "back") || c.Is(k, "himself") || c.Is(k, "herself") || c.Is(k, "their")
            || c.Is(k, "at") || c.Is(k, "everyone") || c.Is(k, "someone") || c.Is(k, "people"))
        {
            return true;
        }

        return t.Capitalized && !t.SentenceStart && (t.Classes & (WordClass.Month | WordClass.Weekday | WordClass.Stop | WordClass.RelativeDay)) == 0;
    }

    /// <summary>The subject before the outcome word and the count it gives.</summary>
    private static (int Count, int First, int Last)? Subject(ScanContext c, int k)
    {
        int j = k - 1;
        int skipped = 0;
        while (j >= 0 && c.SameSentence(j, k) && skipped < MaxSkipped && c.Tok[j].Kind == FactTokenKind.Word)
        {
            ReadOnlySpan<char> w = c.Span(j);
            bool skip = c.Has(j, WordClass.Auxiliary) || Is(w, "been") || Is(w, "got") || (Is(w, "and") && j + 1 < c.Count && c.Has(j + 1, WordClass.Killed | WordClass.Injured | WordClass.Shot)) || Is(w, "shot") || Is(w, "who") || Is(w, "also")
                || Is(w, "reportedly") || Is(w, "allegedly") || Is(w, "later") || Is(w, "all") || Is(w, "fatally") || Is(w, "then") || Is(w, "found")
                || Is(w, "pronounced") || Is(w, "left") || Is(w, "not") || (w.Length > 4 && w.EndsWith("ly", StringComparison.OrdinalIgnoreCase) && !c.Tok[j].Capitalized);
            if (!skip)
            {
                break;
            }

            j--;
            skipped++;
        }

        if (j < 0 || !c.SameSentence(j, k))
        {
            return null;
        }

        // "Two men were shot, one fatally": the count is "one".
        if (c.Tok[j].Kind == FactTokenKind.Punctuation)
        {
            return null;
        }

        return Phrase(c, j);
    }

    /// <summary>The noun phrase ending at <paramref name="end"/> and the count it gives, or null.</summary>
    private static (int Count, int First, int Last)? Phrase(ScanContext c, int end)
    {
        ReadOnlySpan<char> head = c.Span(end);
        var ht = c.Tok[end];
        if (ht.Kind == FactTokenKind.Number && c.IsPunct(end - 1, ','))
        {
            return null; // "Darrell Hawkins, 34, who were shot": an age
        }

        if (ht.Kind == FactTokenKind.Number)
        {
            return ht.Value is >= 0 and < 1000 ? ((int)ht.Value, end, end) : null; // "1 dead"
        }

        if (Is(head, "he") || Is(head, "she") || Is(head, "nobody") || Is(head, "none") || Is(head, "noone"))
        {
            return (Is(head, "he") || Is(head, "she") ? 1 : 0, end, end);
        }

        if (Is(head, "one") && c.Is(end - 1, "no"))
        {
            return (0, end - 1, end);
        }

        if ((Is(head, "them") || Is(head, "whom") || Is(head, "victims") || Is(head, "people")) && c.Is(end - 1, "of") && end >= 2)
        {
            // "one of them", "two of the victims"
            int n = end - 2;
            if (c.Is(n, "the"))
            {
                n--;
            }

            return Determiner(c, n) is { } v ? (v, n, end) : null;
        }

        if (((ht.Classes & WordClass.NumberWord) != 0 || Is(head, "both")) && Determiner(c, end) is { } alone)
        {
            return (alone, end, end); // "one died", "both were injured"
        }

        // Walk back over the phrase: adjectives, ages, names; "John Smith, 25," is one person.
        int first = end;
        int words = 0;
        int personHead = (ht.Classes & WordClass.Person) != 0 ? end : -1;
        bool name = ht.Capitalized && (ht.Classes & (WordClass.CommonCapital | WordClass.Stop)) == 0;
        int k = end;
        if (c.IsPunct(end + 0, ','))
        {
            return null;
        }

        while (k - 1 >= 0 && c.SameSentence(k - 1, end) && words < MaxPhrase)
        {
            int p = k - 1;
            var t = c.Tok[p];
            if (t.Kind == FactTokenKind.Punctuation && c.First(p) == ',' && p >= 2 && c.Tok[p - 1].Kind == FactTokenKind.Number && c.IsPunct(p - 2, ',') && k == end + 1)
            {
                break;
            }

            if (t.Kind != FactTokenKind.Word)
            {
                break;
            }

            if ((t.Classes & (WordClass.Stop | WordClass.Verb | WordClass.Auxiliary)) != 0 && !IsDeterminer(c, p))
            {
                break;
            }

            first = p;
            words++;
            k = p;
            if (IsDeterminer(c, p))
            {
                break;
            }
        }

        // "Smith, 25, was killed": an age in commas after a name.
        if (c.IsPunct(end, ',') || (c.Tok[end].Kind == FactTokenKind.Punctuation))
        {
            return null;
        }

        bool personLike = personHead >= 0 || head.EndsWith("-old", StringComparison.OrdinalIgnoreCase) || name;
        if (!personLike)
        {
            return null;
        }

        int? det = Determiner(c, first);
        if (det is { } d && first < end)
        {
            // "two adults and four children": both counts; "he and three others": one more.
            if (c.Is(first - 1, "and") && c.Has(first - 2, WordClass.Person) && Determiner(c, first - 3) is { } before && first - 3 >= 0)
            {
                return (d + before, first - 3, end);
            }

            if (c.Is(first - 1, "and") && (c.Is(first - 2, "he") || c.Is(first - 2, "she") || c.Has(first - 2, WordClass.Person)))
            {
                return (d + 1, first - 2, end);
            }

            return (d, first, end);
        }

        if (c.Is(first, "a") || c.Is(first, "an") || c.Is(first, "another"))
        {
            return (1, first, end);
        }

        if (personHead >= 0 && !LooksPlural(c, personHead))
        {
            return (1, first, end);
        }

        if (name && !c.Tok[end].SentenceStart)
        {
            return (1, first, end);
        }

        return null;
    }

    private static bool IsDeterminer(ScanContext c, int k) =>
        c.Is(k, "a") || c.Is(k, "an") || c.Is(k, "the") || c.Is(k, "another") || c.Is(k, "both") || c.Is(k, "his") || c.Is(k, "her") || c.Is(k, "their")
        || c.Tok[k].Kind == FactTokenKind.Number || c.Has(k, WordClass.NumberWord);

    /// <summary>The count a determiner gives: a number, "one", "both"; null for others.</summary>
    private static int? Determiner(ScanContext c, int k)
    {
        if ((uint)k >= (uint)c.Count)
        {
            return null;
        }

        var t = c.Tok[k];
        if (t.Kind == FactTokenKind.Number && t.Value is >= 0 and < 1000 && c.Span(k).IndexOf('.') < 0)
        {
            return (int)t.Value;
        }

        if (t.Kind == FactTokenKind.Word && (t.Classes & WordClass.NumberWord) != 0)
        {
            ReadOnlySpan<char> w = c.Span(k);
            if (Is(w, "no") || Is(w, "none"))
            {
                return 0;
            }

            if (Is(w, "pair") || Is(w, "couple"))
            {
                return null;
            }

            return (int)t.Value;
        }

        return c.Is(k, "both") ? 2 : null;
    }

    private static bool LooksPlural(ScanContext c, int k)
    {
        ReadOnlySpan<char> s = c.Span(k);
        return Is(s, "people") || Is(s, "men") || Is(s, "women") || Is(s, "children") || Is(s, "police") || Is(s, "others")
            || (s.Length > 3 && s[^1] is 's' or 'S' && s[^2] is not 's' and not '\'' and not '\u2019');
    }

    /// <summary>The object after an active verb: "killing two people", "injured a woman".</summary>
    private static (int Count, int First, int Last)? Object(ScanContext c, int last)
    {
        int k = last + 1;
        if (k >= c.Count || !c.SameSentence(k, last) || c.Tok[k].Kind == FactTokenKind.Punctuation)
        {
            return null;
        }

        // "killing at least two": skip the qualifier, but only a real one and never past the sentence's end
        // (the token arrays are reused between documents, so a token beyond the last is another text's).
        if (c.Is(k, "at") && c.Is(k + 1, "least"))
        {
            k += 2;
        }
        else if (c.Is(k, "least"))
        {
            k++;
        }

        if (k >= c.Count || !c.SameSentence(k, last) || c.Tok[k].Kind == FactTokenKind.Punctuation)
        {
            return null;
        }

        int? det = Determiner(c, k);
        if (det is { } d && c.Tok[k].Kind != FactTokenKind.Punctuation && !c.Is(k, "the") && (c.Has(k + 1, WordClass.Person) || c.Is(k + 1, "others") || c.Is(k + 1, "more") || !c.SameSentence(k, k + 1) || c.Tok[k + 1].Kind == FactTokenKind.Punctuation || c.Is(k + 1, "and")))
        {
            return (d, k, k);
        }

        if (c.Is(k, "him") || c.Is(k, "her") && !c.Has(k + 1, WordClass.Person) || c.Is(k, "himself") || c.Is(k, "herself"))
        {
            return (1, k, k);
        }

        if (c.Tok[k].Capitalized && !c.Tok[k].SentenceStart && (c.Tok[k].Classes & (WordClass.CommonCapital | WordClass.Stop | WordClass.Title | WordClass.Month | WordClass.Weekday)) == 0)
        {
            return (1, k, k);
        }

        if ((c.Is(k, "a") || c.Is(k, "an") || c.Is(k, "another") || c.Is(k, "the") || c.Is(k, "his") || c.Is(k, "her")) && k + 1 < c.Count)
        {
            for (int p = k + 1; p <= k + 3 && p < c.Count && c.SameSentence(k, p); p++)
            {
                if (c.Has(p, WordClass.Person))
                {
                    return LooksPlural(c, p) ? null : (1, k, p);
                }
            }
        }

        return null;
    }
}
