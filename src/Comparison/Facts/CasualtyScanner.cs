using System.Buffers;
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

    // Case-insensitive phrase sets, searched in one vectorised pass whatever the globalisation mode (a plain
    // IndexOf with OrdinalIgnoreCase falls back to a character loop when globalisation is invariant).
    private static readonly SearchValues<string> SeparateEvents = SearchValues.Create(["separate", "shootings"], StringComparison.OrdinalIgnoreCase);

    private static readonly string[] SupersededWords = ["ago", "originally", "initially"];

    private static readonly SearchValues<string> SupersededCues = SearchValues.Create(SupersededWords, StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> AliveCues = SearchValues.Create(
        ["expected to survive", "survived", "non-life-threatening", "non-life threatening", "not life-threatening", "not life threatening",
            "stable condition", "good condition", "fair condition", "minor injuries", "treated and released"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> DeathCues = SearchValues.Create(["died", "dead", "kill", "fatal", "death", "dies"], StringComparison.OrdinalIgnoreCase);

    public static void Scan(ScanContext c, ImmutableArray<CasualtyStatement>.Builder statements, ImmutableArray<Quantity>.Builder quantities)
    {
        for (int k = 0; k < c.Count; k++)
        {
            var t = c.Tok[k];
            if ((t.Classes & WordClass.SelfCue) != 0)
            {
                if (t.Kind == FactTokenKind.Word && SelfHarm(c, k) is int from && !IsBackground(c, t.Sentence))
                {
                    var w = c.Where(from, k);
                    int subject = c.Is(k, "life") ? k - 2 : k;
                    statements.Add(new CasualtyStatement
                    {
                        Start = w.Start, End = w.End, Text = w.Text, Sentence = w.Sentence, SentenceStart = w.SentenceStart, SentenceEnd = w.SentenceEnd,
                        Outcome = CasualtyOutcome.Killed,
                        Count = 1,
                        CountStart = c.Tok[subject].Start,
                        CountEnd = c.Tok[k].End,
                        SelfInflicted = true,
                    });
                }

                continue;
            }

            if (t.Kind != FactTokenKind.Word || ((t.Classes & (WordClass.Killed | WordClass.Injured | WordClass.Shot)) == 0 && !IsHarmVerb(c, k) && !IsHitBy(c, k))
                || t.Capitalized && !t.SentenceStart)
            {
                continue;
            }

            CasualtyOutcome? outcome = OutcomeAt(c, k, out int last, out bool active);
            if (outcome is null || IsBackground(c, t.Sentence))
            {
                continue;
            }

            (int Count, int First, int Last)? count;
            bool byAgent = false;
            if (active)
            {
                count = Objects(c, last);
                byAgent = true;
            }
            else if ((CanBeActive(c, k) || CanBeActive(c, last)) && !PassiveBefore(c, k) && ObjectStarts(c, last + 1))
            {
                // "Jackson shot a woman", "the gunman fatally shot two people": the subject is the shooter.
                count = Objects(c, last);
                byAgent = true;
            }
            else
            {
                count = Subject(c, k);
            }

            if (count is { } found)
            {
                var w = c.Where(k, last);
                if (outcome == CasualtyOutcome.Shot && Survived(c.Text.AsSpan(w.SentenceStart, w.SentenceEnd - w.SentenceStart)))
                {
                    outcome = CasualtyOutcome.Injured; // "three men were shot but are expected to survive"
                }

                statements.Add(new CasualtyStatement
                {
                    Start = w.Start, End = w.End, Text = w.Text, Sentence = w.Sentence, SentenceStart = w.SentenceStart, SentenceEnd = w.SentenceEnd,
                    Outcome = outcome.Value,
                    Count = found.Count,
                    CountStart = found.First >= 0 ? c.Tok[found.First].Start : -1,
                    CountEnd = found.First >= 0 ? c.Tok[found.Last].End : -1,
                    SelfInflicted = found.First >= 0 && found.First == found.Last && (c.Is(found.First, "himself") || c.Is(found.First, "herself")),
                    Perpetrator = found.First >= 0 && found.Count == 1 && (c.Is(found.Last, "gunman") || c.Is(found.Last, "shooter") || c.Is(found.Last, "suspect")
                        || c.Is(found.Last, "attacker") || c.Is(found.Last, "assailant")),
                    ByAgent = byAgent,
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
        if (IsHarmVerb(c, k))
        {
            return Suffered(c, k, out last);
        }

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
            if (c.Is(k + 1, "shooting") || c.Is(k + 1, "wounding") || c.Is(k + 1, "stabbing"))
            {
                // "accused of fatally shooting his wife": a gerund, its object is the victim.
                last = k + 1;
                active = ObjectStarts(c, k + 2);
                return active ? CasualtyOutcome.Killed : null;
            }

            if (c.Is(k + 1, "shot") || c.Is(k + 1, "wounded") || c.Is(k + 1, "injured") || c.Is(k + 1, "stabbed") || c.Is(k + 1, "struck"))
            {
                last = k + 1;
                return CasualtyOutcome.Killed;
            }

            return c.IsPunct(k - 2, ',') || c.Is(k - 1, "one") ? CasualtyOutcome.Killed : null; // "two men were shot, one fatally"
        }

        if (Is(w, "gunned"))
        {
            // Some reports say "gunned down" of people who survived: shot, outcome not given.
            last = k + 1;
            return c.Is(k + 1, "down") ? CasualtyOutcome.Shot : null;
        }

        if (Is(w, "killed") || Is(w, "died") || Is(w, "dead") || Is(w, "slain") || Is(w, "murdered") || Is(w, "perished"))
        {
            if (Is(w, "dead") && (c.Is(k + 1, "end") || c.Is(k - 1, "the")))
            {
                return null;
            }

            return CasualtyOutcome.Killed;
        }

        if (Is(w, "struck") || Is(w, "hit"))
        {
            // "a 10-year-old girl was hit by a stray bullet", "struck by gunfire": shot, outcome not given.
            return c.Is(k + 1, "by") && ByGunfire(c, k + 2) ? CasualtyOutcome.Shot : null;
        }

        if (Is(w, "injured") || Is(w, "wounded") || Is(w, "hurt") || Is(w, "hospitalized") || Is(w, "hospitalised") || Is(w, "grazed"))
        {
            if (c.Is(k - 1, "the") || c.Is(k - 1, "fatally"))
            {
                return c.Is(k - 1, "fatally") ? CasualtyOutcome.Killed : null;
            }

            return CasualtyOutcome.Injured;
        }

        return null;
    }

    /// <summary>Whether a bullet or gunfire is named within three words from <paramref name="k"/> ("a stray bullet", "gunfire").</summary>
    private static bool ByGunfire(ScanContext c, int k)
    {
        for (int p = k; p < k + 3 && p < c.Count && c.SameSentence(p, k) && c.Tok[p].Kind == FactTokenKind.Word; p++)
        {
            if (c.Is(p, "bullet") || c.Is(p, "bullets") || c.Is(p, "gunfire") || c.Is(p, "gunshot") || c.Is(p, "gunshots") || c.Is(p, "round")
                || c.Is(p, "rounds") || c.Is(p, "pellets") || c.Is(p, "shots"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(ReadOnlySpan<char> w, string word) => w.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>"hit by": a past verb (so the check costs nothing on other words) followed by "by".</summary>
    private static bool IsHitBy(ScanContext c, int k) => (c.Tok[k].Classes & WordClass.Past) != 0 && c.Is(k + 1, "by") && c.Is(k, "hit");

    /// <summary>"suffered", "sustained": a verb whose object may be a wound.</summary>
    /// <remarks>
    /// Matched here rather than given a lexicon class: a few more keys in the lexicon's frozen dictionary slowed every
    /// lookup measurably (FactsBenchmarks, gva: 385 ms with these words kept out, 480 ms with them in).
    /// </remarks>
    private static bool IsHarmVerb(ScanContext c, int k)
    {
        var t = c.Tok[k];
        if (t.Length is < 7 or > 9 || (c.Text[t.Start] | 0x20) != 's')
        {
            return false;
        }

        ReadOnlySpan<char> w = c.Span(k);
        return Is(w, "suffered") || Is(w, "suffers") || Is(w, "sustained") || Is(w, "sustains");
    }

    /// <summary>
    /// "suffered a gunshot wound" (shot, outcome not given), "suffered minor injuries" (injured), "sustained a fatal
    /// wound" (killed): the wound or injury a few words after the verb decides; <paramref name="last"/> is the noun.
    /// </summary>
    private static CasualtyOutcome? Suffered(ScanContext c, int k, out int last)
    {
        last = k;
        bool fatal = false;
        bool gun = false;
        for (int j = k + 1; j <= k + 6 && j < c.Count && c.SameSentence(j, k) && c.Tok[j].Kind == FactTokenKind.Word; j++)
        {
            ReadOnlySpan<char> w = c.Span(j);
            if (Is(w, "wound") || Is(w, "wounds") || Is(w, "injury") || Is(w, "injuries"))
            {
                last = j;
                return fatal ? CasualtyOutcome.Killed : gun || w[0] is 'w' or 'W' ? CasualtyOutcome.Shot : CasualtyOutcome.Injured;
            }

            fatal |= (Is(w, "fatal") || Is(w, "mortal") || Is(w, "deadly")) && !c.Is(j - 1, "non");
            gun |= Is(w, "gunshot") || Is(w, "gun") || Is(w, "bullet") || Is(w, "graze") || Is(w, "shotgun");
            if (c.Has(j, WordClass.Verb | WordClass.Auxiliary) || (c.Has(j, WordClass.Stop) && !Is(w, "a") && !Is(w, "an") && !Is(w, "but")))
            {
                break;
            }
        }

        return null;
    }

    /// <summary>
    /// A shooter's own death told without a casualty word: "turned the gun on himself", "took her own life", "killed
    /// two people and then himself". Returns the first token of the phrase, or null; an intention ("planned to take his
    /// own life", "tried to turn the gun on himself") is not a death.
    /// </summary>
    private static int? SelfHarm(ScanContext c, int k)
    {
        if (c.Is(k, "life"))
        {
            // "took his own life": the verb is a form of "take" two words before "own".
            int v = k - 3;
            return c.Is(k - 1, "own") && (c.Is(k - 2, "his") || c.Is(k - 2, "her")) && v >= 0 && c.SameSentence(v, k)
                && (c.Is(v, "took") || c.Is(v, "taking") || c.Is(v, "taken") || c.Is(v, "takes")) ? v : null;
        }

        if (c.Is(k - 1, "on"))
        {
            // "turned the gun on himself", "turning his weapon on herself".
            for (int v = k - 2; v >= k - 5 && v >= 0 && c.SameSentence(v, k) && c.Tok[v].Kind == FactTokenKind.Word; v--)
            {
                ReadOnlySpan<char> w = c.Span(v);
                if (w.StartsWith("turn", StringComparison.OrdinalIgnoreCase))
                {
                    return Is(w, "turn") || c.Is(v - 1, "to") ? null : v;
                }
            }

            return null;
        }

        if (c.Is(k - 1, "then") || c.Is(k - 1, "and"))
        {
            // "killed three people and then himself": the object of an earlier killing verb in the same clause.
            for (int v = k - 2; v >= k - 12 && v >= 0 && c.SameSentence(v, k); v--)
            {
                if (c.IsPunct(v, ';') || c.Has(v, WordClass.Auxiliary))
                {
                    return null;
                }

                if (c.Is(v, "killed") || c.Is(v, "killing") || c.Is(v, "kills") || (c.Is(v, "shot") && c.Is(v - 1, "fatally")))
                {
                    return v;
                }
            }
        }

        return null;
    }

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
        // Asked for every outcome word: the answer for a sentence is worked out once per document.
        if (c.BackgroundSentence == sentence)
        {
            return c.BackgroundAnswer;
        }

        c.BackgroundSentence = sentence;
        c.BackgroundAnswer = IsBackgroundSentence(c, sentence);
        return c.BackgroundAnswer;
    }

    private static bool IsBackgroundSentence(ScanContext c, int sentence)
    {
        var (start, end) = c.Sentences[sentence];
        ReadOnlySpan<char> text = c.Text.AsSpan(start, end - start);
        if (text.ContainsAny(SeparateEvents))
        {
            return true;
        }

        // "two weeks ago": an earlier event; "police originally said eight": a superseded count.
        if (ContainsSupersededCue(text))
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

    /// <summary>Whether "ago", "originally" or "initially" occurs in <paramref name="text"/> as a whole word (ignoring case).</summary>
    private static bool ContainsSupersededCue(ReadOnlySpan<char> text)
    {
        for (int at = 0, i; (i = text[at..].IndexOfAny(SupersededCues)) >= 0; at += i + 1)
        {
            int w = at + i;
            if (w > 0 && char.IsLetter(text[w - 1]))
            {
                continue;
            }

            ReadOnlySpan<char> rest = text[w..];
            foreach (string word in SupersededWords)
            {
                if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (rest.Length == word.Length || !char.IsLetter(rest[word.Length])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether a sentence says the people shot in it survived, and speaks of no death.</summary>
    private static bool Survived(ReadOnlySpan<char> sentence) => sentence.ContainsAny(AliveCues) && !sentence.ContainsAny(DeathCues);

    private static bool CanBeActive(ScanContext c, int k) =>
        c.Is(k, "shot") || c.Is(k, "down") || c.Is(k, "killed") || c.Is(k, "wounded") || c.Is(k, "injured") || c.Is(k, "murdered") || c.Is(k, "hurt");

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
        if (t.Kind == FactTokenKind.Number || (t.Classes & WordClass.NumberWord) != 0
            || (t.Kind == FactTokenKind.Word && c.Span(k).EndsWith("-old", StringComparison.OrdinalIgnoreCase)))
        {
            return true; // "killing two", "shot and killed 14-year-old Todd Webb"
        }

        if (c.Is(k, "a") || c.Is(k, "an") || c.Is(k, "another") || c.Is(k, "the") || c.Is(k, "his") || c.Is(k, "her") || c.Is(k, "him") || c.Is(k, "them")
            || c.Is(k, "me") || c.Is(k, "us") || c.Is(k, "both") || c.Is(k, "back") || c.Is(k, "himself") || c.Is(k, "herself") || c.Is(k, "their")
            || c.Is(k, "at") || c.Is(k, "everyone") || c.Is(k, "someone") || c.Is(k, "people"))
        {
            return true;
        }

        return t.Capitalized && !t.SentenceStart && (t.Classes & (WordClass.Month | WordClass.Weekday | WordClass.Stop | WordClass.RelativeDay)) == 0;
    }

    /// <summary>
    /// The subject before the outcome word and the count it gives: the noun phrase that heads it ("both men
    /// inside the car" counts the men), coordinated phrases summed ("a woman and her two sons" = 3), and a
    /// total before "including" preferred to the examples after it ("four people, including a child").
    /// </summary>
    private static (int Count, int First, int Last)? Subject(ScanContext c, int k)
    {
        int j = k - 1;
        int skipped = 0;
        bool relative = false;
        bool auxiliary = false;
        while (j >= 0 && c.SameSentence(j, k) && skipped < MaxSkipped && c.Tok[j].Kind == FactTokenKind.Word)
        {
            ReadOnlySpan<char> w = c.Span(j);
            relative |= Is(w, "who") || Is(w, "that");
            auxiliary |= c.Has(j, WordClass.Auxiliary) || Is(w, "been") || Is(w, "got");
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

        // "the man who shot them": an active relative clause, its subject is the shooter.
        if (relative && !auxiliary && CanBeActive(c, k))
        {
            return null;
        }

        if (c.Tok[j].Kind == FactTokenKind.Punctuation)
        {
            // "Five people, including two teens, were hospitalized": the total before "including".
            // "Two men were shot, one fatally": the count is "one" (no subject here).
            if (!c.IsPunct(j, ','))
            {
                return null;
            }

            if (TotalBeforeIncluding(c, j, k) is { } total)
            {
                return total;
            }

            // "Kenneth Mills, 22, was shot and killed", "Trevor Williams, a 33-year-old man, was killed": the name before the aside.
            return NameBeforeAside(c, j, k) is { } named ? Coordinated(c, named, k, modifiers: false) : null;
        }

        // A prepositional modifier hangs on the subject of a finite verb ("both men inside the car were killed",
        // "a baby in Indiana died"), but a bare participle modifies the nearest noun ("one of three people wounded").
        // Not after "who": the relative pronoun takes the nearest noun ("the father of two girls who were shot").
        bool modifiers = (auxiliary || c.Is(k, "died") || c.Is(k, "dies")) && !relative;
        var head = modifiers ? HeadPhrase(c, j, k) : Phrase(c, j);
        if (head is not { } found)
        {
            return null;
        }

        return Coordinated(c, found, k, modifiers);
    }

    private static bool IsPreposition(ScanContext c, int k) =>
        c.Is(k, "in") || c.Is(k, "inside") || c.Is(k, "of") || c.Is(k, "at") || c.Is(k, "from") || c.Is(k, "near") || c.Is(k, "outside")
        || c.Is(k, "on") || c.Is(k, "aboard") || c.Is(k, "with") || c.Is(k, "behind");

    /// <summary>
    /// The phrase ending at <paramref name="end"/>, or the phrase its prepositional modifiers hang on: "both men
    /// inside the Honda" counts the men, "a baby in Indiana" the baby, "two of the four victims" two.
    /// </summary>
    private static (int Count, int First, int Last)? HeadPhrase(ScanContext c, int end, int verb)
    {
        var best = Phrase(c, end);
        int e = end;
        for (int hop = 0; hop < 2; hop++)
        {
            int p = e;
            int steps = 0;
            while (p >= 0 && c.SameSentence(p, verb) && steps < MaxPhrase && c.Tok[p].Kind == FactTokenKind.Word && !IsPreposition(c, p)
                && !c.Has(p, WordClass.Verb | WordClass.Auxiliary | WordClass.Reporting) && (!c.Has(p, WordClass.Stop) || IsDeterminer(c, p)))
            {
                p--;
                steps++;
            }

            if (!IsPreposition(c, p) || p == e || p < 1 || !c.SameSentence(p - 1, verb) || c.Tok[p - 1].Kind != FactTokenKind.Word)
            {
                break;
            }

            e = p - 1;
            if (Phrase(c, e) is { } outer)
            {
                best = outer;
            }
        }

        // "two bailiffs in a courthouse in southwestern Michigan were killed": a bare name after a preposition is a place.
        if (best is { } b && b.First >= 1 && IsPreposition(c, b.First - 1) && !IsDeterminer(c, b.First) && !c.Has(b.Last, WordClass.Person | WordClass.Pronoun) && !HasAge(c, b.First, b.Last))
        {
            return null;
        }

        return best;
    }

    /// <summary>"a man and his son were killed", "two boys, ages 7 and 10, and two adults were found slain": the sum of the coordinated phrases.</summary>
    private static (int Count, int First, int Last) Coordinated(ScanContext c, (int Count, int First, int Last) found, int verb, bool modifiers)
    {
        int total = found.Count;
        int first = found.First;
        for (int n = 0; n < 4 && first >= 2; n++)
        {
            // Commas separate items only in a list that ends with "and" ("a man, a woman and a child"); otherwise
            // they open an aside ("four teens, one fatally, were shot").
            int q = first - 1;
            bool and = c.Is(q, "and");
            if (!and && (n == 0 || !c.IsPunct(q, ',')))
            {
                break;
            }

            q--;
            if (c.IsPunct(q, ','))
            {
                // "two boys, ages 7 and 10, and two adults": step over the ages; otherwise over the list comma.
                int a = SkipAppositive(c, q, verb);
                q = a != q ? a : and ? q - 1 : -1;
            }

            if (q < 0 || !c.SameSentence(q, verb) || c.Tok[q].Kind != FactTokenKind.Word
                || c.Has(q, WordClass.Killed | WordClass.Injured | WordClass.Shot | WordClass.Verb | WordClass.Auxiliary))
            {
                break; // "a man died and three others were hurt": two clauses, not one subject
            }

            var other = modifiers ? HeadPhrase(c, q, verb) : Phrase(c, q);
            if (other is not { } o || !Countable(c, o))
            {
                break;
            }

            total += o.Count;
            first = o.First;
        }

        // "Four people including a 12-year-old and an 8-year-old": the total, not the examples.
        if (c.Is(first - 1, "including"))
        {
            int q = first - 2;
            if (c.IsPunct(q, ','))
            {
                q--;
            }

            if (q >= 0 && c.SameSentence(q, verb) && c.Tok[q].Kind == FactTokenKind.Word && Phrase(c, q) is { } whole && Countable(c, whole))
            {
                return (whole.Count, whole.First, found.Last);
            }
        }

        return (total, first, found.Last);
    }

    /// <summary>A coordinated phrase that counts people: a person noun, an age or a pronoun; not a bare place or organisation name.</summary>
    private static bool Countable(ScanContext c, (int Count, int First, int Last) phrase)
    {
        if (c.Has(phrase.Last, WordClass.Person | WordClass.Pronoun) || HasAge(c, phrase.First, phrase.Last))
        {
            return true;
        }

        if (IsDeterminer(c, phrase.First))
        {
            return false;
        }

        // A bare name joins only at the start of the sentence or after a comma ("Smith and Jones were killed"),
        // never after a preposition ("on Main Street and two people were killed").
        int before = phrase.First - 1;
        return c.Tok[phrase.First].SentenceStart || before < 0 || c.Tok[before].Kind == FactTokenKind.Punctuation
            || (c.Has(before, WordClass.Reporting) && !c.Tok[before].Capitalized); // "police say Monroe and Kerrigan were killed"
    }

    /// <summary>Steps back over an age or ages in commas ("Smith, 25," / "two boys, ages 7 and 10,"); returns the token before it.</summary>
    private static int SkipAppositive(ScanContext c, int q, int verb)
    {
        if (!c.IsPunct(q, ','))
        {
            return q;
        }

        for (int p = q - 1, n = 0; p >= 0 && n < 6 && c.SameSentence(p, verb); p--, n++)
        {
            var t = c.Tok[p];
            if (c.IsPunct(p, ','))
            {
                return n > 0 ? p - 1 : q;
            }

            if (!(t.Kind == FactTokenKind.Number || c.Is(p, "ages") || c.Is(p, "aged") || c.Is(p, "age") || c.Is(p, "and")))
            {
                return q;
            }
        }

        return q;
    }

    /// <summary>
    /// "Five people, including two teens, were hospitalized", "four teens, one fatally, were shot": the phrase
    /// before the aside that the comma at <paramref name="comma"/> closes.
    /// </summary>
    private static (int Count, int First, int Last)? TotalBeforeIncluding(ScanContext c, int comma, int verb)
    {
        bool aside = false;
        for (int p = comma - 1, n = 0; p >= 1 && n < 8 && c.SameSentence(p, verb); p--, n++)
        {
            if (c.Is(p, "including"))
            {
                aside = true;
                if (!c.IsPunct(p - 1, ','))
                {
                    return Whole(p - 1);
                }
            }
            else if (c.Tok[p].Kind == FactTokenKind.Word && c.Span(p).Length > 4 && c.Span(p).EndsWith("ly", StringComparison.OrdinalIgnoreCase))
            {
                aside = true;
            }

            if (c.IsPunct(p, ','))
            {
                return aside ? Whole(p - 1) : null;
            }

            if (c.Tok[p].Kind == FactTokenKind.Punctuation && !c.IsPunct(p, '-'))
            {
                return null;
            }
        }

        return null;

        (int Count, int First, int Last)? Whole(int q) =>
            q >= 0 && c.SameSentence(q, verb) && c.Tok[q].Kind == FactTokenKind.Word && Phrase(c, q) is { } whole && Countable(c, whole) ? whole : null;
    }

    /// <summary>
    /// The name before an age or a description in commas that the comma at <paramref name="comma"/> closes:
    /// "Kenneth Mills, 22," or "Trevor Williams, a 33-year-old black man,". Only a capitalised name, not a
    /// number ("Four people, the youngest 11,") or a place.
    /// </summary>
    private static (int Count, int First, int Last)? NameBeforeAside(ScanContext c, int comma, int verb)
    {
        int p = comma - 1;
        if (p < 2 || !c.SameSentence(p, verb))
        {
            return null;
        }

        bool age = c.Tok[p].Kind == FactTokenKind.Number && c.IsPunct(p - 1, ',');
        int open = age ? p - 1 : -1;
        for (int q = p, n = 0; !age && q >= 1 && n < 7 && c.SameSentence(q, verb); q--, n++)
        {
            if (c.Tok[q].Kind != FactTokenKind.Word || c.Has(q, WordClass.Verb | WordClass.Auxiliary | WordClass.Killed | WordClass.Injured | WordClass.Shot))
            {
                if (c.IsPunct(q, ',') && n > 1 && (c.Is(q + 1, "a") || c.Is(q + 1, "an")) && HasAge(c, q + 1, p))
                {
                    open = q;
                }

                break;
            }
        }

        int name = open - 1;
        if (open < 1 || !c.SameSentence(name, verb) || c.Tok[name].Kind != FactTokenKind.Word || !c.Tok[name].Capitalized
            || (c.Tok[name].Classes & (WordClass.CommonCapital | WordClass.Stop | WordClass.Month | WordClass.Weekday | WordClass.Title)) != 0)
        {
            return null;
        }

        int first = name;
        while (first - 1 >= 0 && c.SameSentence(first - 1, verb) && name - first < 3 && c.Tok[first - 1].Kind == FactTokenKind.Word && c.Tok[first - 1].Capitalized
            && (c.Tok[first - 1].Classes & (WordClass.CommonCapital | WordClass.Stop | WordClass.Month | WordClass.Weekday)) == 0)
        {
            first--;
        }

        return (1, first, comma - 1);
    }

    /// <summary>The noun phrase ending at <paramref name="end"/> and the count it gives, or null.</summary>
    private static (int Count, int First, int Last)? Phrase(ScanContext c, int end)
    {
        ReadOnlySpan<char> head = c.Span(end);
        var ht = c.Tok[end];
        if (ht.Kind == FactTokenKind.Number && c.IsPunct(end - 1, ',') && (c.IsPunct(end + 1, ',') || c.Is(end + 1, "who")))
        {
            return null; // "Darrell Hawkins, 34, who were shot": an age (but "1 dead, 3 hurt" counts)
        }

        if (ht.Kind == FactTokenKind.Number)
        {
            // "four boys between ages 12 and 16 were wounded": the end of an age range; the phrase before it counts.
            for (int p = end - 1; p >= 1 && p >= end - 4 && c.SameSentence(p, end); p--)
            {
                if (c.Is(p, "ages") || c.Is(p, "aged") || c.Is(p, "between"))
                {
                    int q = c.Is(p - 1, "between") ? p - 2 : c.IsPunct(p - 1, ',') ? p - 2 : p - 1;
                    return q >= 0 && c.SameSentence(q, end) && c.Tok[q].Kind == FactTokenKind.Word ? Phrase(c, q) : null;
                }
            }

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

        bool personLike = personHead >= 0 || name || HasAge(c, first, end);
        if (!personLike)
        {
            return null;
        }

        int? det = Determiner(c, first);
        if (det is { } scaled && first + 1 < end && c.Has(first + 1, WordClass.Scale) && c.Tok[first + 1].Value is > 1 and <= 100)
        {
            det = (int)(scaled * c.Tok[first + 1].Value); // "two dozen people"
        }

        if (det is { } d && first < end)
        {
            // "her two sons": the possessive belongs to the phrase (coordination is read before it).
            bool possessive = c.Is(first - 1, "his") || c.Is(first - 1, "her") || c.Is(first - 1, "their") || c.Is(first - 1, "the");
            return (d, possessive && c.SameSentence(first - 1, end) ? first - 1 : first, end);
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

    /// <summary>Whether a word of the phrase is an age ("a 59-year-old teacher"): then it counts a person.</summary>
    private static bool HasAge(ScanContext c, int first, int last)
    {
        for (int p = first; p <= last; p++)
        {
            if (c.Tok[p].Kind == FactTokenKind.Word && c.Span(p).EndsWith("-old", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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
        if (IsAge(c, k))
        {
            return null;
        }

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

            if (Is(w, "pair") || Is(w, "couple") || w.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || w.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return (int)t.Value;
        }

        return c.Is(k, "both") ? 2 : null;
    }

    /// <summary>"his 11 year-old son", "a 3 year old": a number that gives an age, not a count.</summary>
    private static bool IsAge(ScanContext c, int k) =>
        k + 1 < c.Count && c.SameSentence(k, k + 1) && c.Tok[k + 1].Kind == FactTokenKind.Word
        && (c.Span(k + 1).StartsWith("year", StringComparison.OrdinalIgnoreCase) || c.Span(k + 1).StartsWith("month", StringComparison.OrdinalIgnoreCase));

    private static bool LooksPlural(ScanContext c, int k)
    {
        ReadOnlySpan<char> s = c.Span(k);
        return Is(s, "people") || Is(s, "men") || Is(s, "women") || Is(s, "children") || Is(s, "police") || Is(s, "others")
            || (s.Length > 3 && s[^1] is 's' or 'S' && s[^2] is not 's' and not '\'' and not '\u2019');
    }

    /// <summary>
    /// The objects of an active verb and the people they count: "killing two people", "injured a woman",
    /// "killed Juan Garcia, 23, and Alvaro Becerra", "shot his wife and four children" (= 5).
    /// </summary>
    private static (int Count, int First, int Last)? Objects(ScanContext c, int last)
    {
        if (ObjectPhrase(c, last + 1, last) is not { } first)
        {
            return null;
        }

        int total = first.Count;
        int end = first.Last;
        for (int n = 0; n < 4; n++)
        {
            int q = end + 1;
            if (c.IsPunct(q, ',') && c.Tok[q + 1 < c.Count ? q + 1 : q].Kind == FactTokenKind.Number && c.SameSentence(q + 1, last))
            {
                // "Jacinta Walker, 18, and ...": an age in commas.
                q += 2;
            }

            bool comma = c.IsPunct(q, ',');
            if (comma)
            {
                q++;
            }

            bool and = c.Is(q, "and");
            if (and)
            {
                q++;
            }
            else if (!comma)
            {
                break;
            }

            if (c.Is(q, "himself") || c.Is(q, "herself") || ObjectPhrase(c, q, last) is not { } next || next.First != q)
            {
                break;
            }

            bool bareName = !IsDeterminer(c, next.First) && !c.Has(next.Last, WordClass.Person) && c.Tok[next.First].Capitalized;
            int after = next.Last + 1;
            if (c.IsPunct(after, ',') && c.Tok[after + 1 < c.Count ? after + 1 : after].Kind == FactTokenKind.Number)
            {
                after += 2;
            }

            if (!and && bareName && c.Has(end, WordClass.Person))
            {
                // "his wife, Melissa, and ...": the name of the person just counted.
                end = next.Last;
                continue;
            }

            if (!and && !c.IsPunct(after, ',') && !c.Is(after, "and"))
            {
                break; // a comma list goes on to "and": "shot Diane McIver, Tex McIver responded" is not one
            }

            total += next.Count;
            end = next.Last;
        }

        return (total, first.First, end);
    }

    /// <summary>One object phrase starting at <paramref name="k"/> and the people it counts, or null.</summary>
    private static (int Count, int First, int Last)? ObjectPhrase(ScanContext c, int k, int verb)
    {
        if (k >= c.Count || !c.SameSentence(k, verb) || c.Tok[k].Kind == FactTokenKind.Punctuation)
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

        if (k >= c.Count || !c.SameSentence(k, verb) || c.Tok[k].Kind == FactTokenKind.Punctuation)
        {
            return null;
        }

        if (c.Is(k, "him") || c.Is(k, "himself") || c.Is(k, "herself"))
        {
            return (1, k, k);
        }

        // "her" alone is the object ("shot her"); before a noun it is a possessive ("shot her two sons").
        if (c.Is(k, "her") && (k + 1 >= c.Count || !c.SameSentence(k, k + 1) || c.Tok[k + 1].Kind == FactTokenKind.Punctuation
            || c.Has(k + 1, WordClass.Stop | WordClass.Verb | WordClass.Auxiliary | WordClass.Killed | WordClass.Injured | WordClass.Shot | WordClass.Weekday | WordClass.RelativeDay)))
        {
            return (1, k, k);
        }

        int p = k;
        bool article = c.Is(p, "a") || c.Is(p, "an") || c.Is(p, "another");
        bool possessive = c.Is(p, "the") || c.Is(p, "his") || c.Is(p, "her") || c.Is(p, "their");
        if (article || possessive)
        {
            p++;
        }

        int? number = null;
        if (p < c.Count && c.SameSentence(p, verb) && !c.Is(p, "the") && Determiner(c, p) is { } d)
        {
            number = d;
            p++;
            if (c.Is(p, "other") && c.SameSentence(p, verb))
            {
                p++; // "wounded four other people"
            }
        }

        for (int h = p; h < p + 4 && h < c.Count && c.SameSentence(h, verb) && (c.Tok[h].Kind == FactTokenKind.Word || IsAge(c, h)); h++)
        {
            bool age = c.Tok[h].Kind == FactTokenKind.Word && c.Span(h).EndsWith("-old", StringComparison.OrdinalIgnoreCase);
            if (age && !c.Has(h + 1, WordClass.Person) && (article || possessive || h == k))
            {
                return (number ?? 1, k, h); // "fatally shot a 16-year-old", "shot and killed 14-year-old Todd Webb"
            }

            if (c.Has(h, WordClass.Person))
            {
                while (c.Has(h + 1, WordClass.Person) && c.SameSentence(h + 1, verb) && c.Tok[h + 1].Kind == FactTokenKind.Word)
                {
                    h++; // "her infant son"
                }

                if (number is { } n)
                {
                    return (n, k, h);
                }

                return LooksPlural(c, h) ? null : (1, k, h);
            }

            if (c.Has(h, WordClass.Stop | WordClass.Verb | WordClass.Auxiliary | WordClass.Killed | WordClass.Injured | WordClass.Shot))
            {
                break;
            }
        }

        if (number is { } alone && !article && !possessive
            && (!c.SameSentence(p - 1, p) || c.Tok[p].Kind == FactTokenKind.Punctuation || c.Is(p, "and") || c.Is(p, "more") || c.Has(p, WordClass.Person)))
        {
            return (alone, k, p - 1); // "killing two", "killing two and injuring three"
        }

        var t = c.Tok[k];
        if (!article && !possessive && number is null && t.Capitalized && !t.SentenceStart
            && (t.Classes & (WordClass.CommonCapital | WordClass.Stop | WordClass.Title | WordClass.Month | WordClass.Weekday)) == 0)
        {
            // A name: "killing Juan Pedro Garcia".
            int e = k;
            while (e + 1 < c.Count && c.SameSentence(e + 1, verb) && c.Tok[e + 1].Kind == FactTokenKind.Word && c.Tok[e + 1].Capitalized
                && (c.Tok[e + 1].Classes & (WordClass.Month | WordClass.Weekday | WordClass.CommonCapital)) == 0)
            {
                e++;
            }

            return (1, k, e);
        }

        return null;
    }
}
