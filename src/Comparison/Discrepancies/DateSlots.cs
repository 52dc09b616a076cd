using System.Collections.Immutable;
using Comparison.Facts;

namespace Comparison.Discrepancies;

/// <summary>
/// Compares the dates two reports give for one happening: the date's slot is the predicate of its clause (the verbs:
/// "pleaded guilty", "will be leaving", "checked into") with what the clause names (its other content words: who,
/// what, where), and only dates of one slot are compared.
/// </summary>
/// <remarks>
/// <para>A report names many days besides the event's: when it was reported ("said Tuesday"), earlier happenings,
/// what someone said in a quotation. A date whose nearest verb is a verb of saying, a date inside quotation marks, a
/// date of a clause with no verb (a dateline, a stamp) and a day relative to the publication ("today", "last week")
/// have no slot here.</para>
/// <para>Two dates share a slot when their clauses share a verb (by lemma: "leaving" and "leave"), or both move
/// someone to a place ("went to", "checked into", "headed to"), and they share a content word besides (a name, an
/// object, the place). A report's first date of a slot is the one it stands by; later ones tell of what was said or
/// planned before ("had said he was leaving in February"). Intervals: a month holds its days, "the end of February"
/// its last ten or so. Dates of one slot that cannot both be true (days apart, different weekdays of reports that
/// give no date) are flagged.</para>
/// </remarks>
internal static class DateSlots
{
    /// <summary>Most tokens looked at either side of a date for its clause.</summary>
    private const int Reach = 14;

    /// <summary>Verbs that take someone to a place: reports vary them for one happening ("went to", "checked into").</summary>
    private static readonly HashSet<string> Motion = new(StringComparer.Ordinal) { "go", "head", "check", "enter", "admit", "arriv", "return", "mov", "travel", "fly" };

    /// <summary>Irregular verb forms and their lemma (as <see cref="Lemma"/> writes it).</summary>
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["went"] = "go", ["gone"] = "go", ["goes"] = "go", ["left"] = "leav", ["fled"] = "flee", ["took"] = "tak", ["taken"] = "tak",
        ["came"] = "com", ["ran"] = "run", ["shot"] = "shoot", ["struck"] = "strik", ["found"] = "find", ["held"] = "hold", ["led"] = "lead",
        ["began"] = "begin", ["begun"] = "begin", ["pled"] = "plead", ["flew"] = "fly", ["flown"] = "fly", ["gave"] = "giv", ["given"] = "giv",
        ["made"] = "mak", ["met"] = "meet", ["won"] = "win", ["lost"] = "los", ["fell"] = "fall", ["hit"] = "hit", ["broke"] = "break",
        ["caught"] = "catch", ["sent"] = "send", ["spent"] = "spend", ["stood"] = "stand", ["became"] = "becom", ["got"] = "get",
        ["brought"] = "bring", ["drove"] = "driv", ["died"] = "di", ["dies"] = "di", ["die"] = "di", ["sold"] = "sell", ["stole"] = "steal",
        ["threw"] = "throw", ["rode"] = "rid", ["rose"] = "ris", ["hid"] = "hid", ["kept"] = "keep", ["paid"] = "pay", ["put"] = "put",
        ["underwent"] = "undergo", ["withdrew"] = "withdraw", ["born"] = "bear",
    };

    /// <summary>Words that open a new clause: a date's clause does not reach past them.</summary>
    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "after", "before", "since", "until", "if", "but",
        "although", "though", "whether", "as",
    };

    /// <summary>A date with its slot: the lemmas of its clause's verbs and the stems of its other content words.</summary>
    internal sealed record Slot(DateMention Date, string[] Verbs, string[] Anchors, string[] Subject, string[] Names, bool Moves);

    public static void Compare(IReadOnlyList<DocumentFacts> facts, List<Discrepancy> discrepancies)
    {
        var slots = new List<Slot>[facts.Count];
        for (int d = 0; d < facts.Count; d++)
        {
            slots[d] = Slots(facts[d]);
        }

        // Pairs of documents: the first date of each that shares a slot with the other's, by verb.
        var pairs = new List<(int A, Slot X, int B, Slot Y, string Key)>();
        for (int a = 0; a < facts.Count; a++)
        {
            for (int b = a + 1; b < facts.Count; b++)
            {
                var keys = new SortedDictionary<string, (Slot X, Slot Y)>(StringComparer.Ordinal);
                // A weekday means one of the days before (or after) its report was written: reports written a week or more
                // apart cannot be held to the same week.
                bool apart = facts[a].Document.Published is { } pa && facts[b].Document.Published is { } pb && Math.Abs(pa.DayNumber - pb.DayNumber) > 6;
                foreach (Slot x in slots[a])
                {
                    foreach (Slot y in slots[b])
                    {
                        if ((apart && (x.Date.Kind == DateMentionKind.Weekday || y.Date.Kind == DateMentionKind.Weekday)) || SharedKey(x, y) is not { } key || keys.ContainsKey(key))
                        {
                            continue;
                        }

                        keys[key] = (x, y);
                    }
                }

                foreach (var (key, (x, y)) in keys)
                {
                    pairs.Add((a, x, b, y, key));
                }
            }
        }

        // Conflicting pairs that share a mention become one flag.
        var flagged = pairs.Where(p => Conflict(p.X.Date, p.Y.Date)).ToList();
        var used = new bool[flagged.Count];
        for (int p = 0; p < flagged.Count; p++)
        {
            if (used[p])
            {
                continue;
            }

            used[p] = true;
            var members = new List<(int Document, Slot Slot)> { (flagged[p].A, flagged[p].X), (flagged[p].B, flagged[p].Y) };
            double shared = SharedAnchors(flagged[p].X, flagged[p].Y);
            bool moves = flagged[p].Key.Length == 0;
            for (int q = p + 1; q < flagged.Count; q++)
            {
                var f = flagged[q];
                if (!used[q] && members.Exists(m => (m.Document == f.A && m.Slot == f.X) || (m.Document == f.B && m.Slot == f.Y))
                    && !members.Exists(m => (m.Document == f.A && m.Slot != f.X) || (m.Document == f.B && m.Slot != f.Y)))
                {
                    used[q] = true;
                    if (!members.Exists(m => m.Document == f.A))
                    {
                        members.Add((f.A, f.X));
                    }

                    if (!members.Exists(m => m.Document == f.B))
                    {
                        members.Add((f.B, f.Y));
                    }

                    shared = Math.Min(shared, SharedAnchors(f.X, f.Y));
                    moves |= f.Key.Length == 0;
                }
            }

            members.Sort((x, y) => x.Document.CompareTo(y.Document));
            var mentions = ImmutableArray.CreateBuilder<DiscrepancyMention>(members.Count);
            foreach (var (d, s) in members)
            {
                mentions.Add(MentionOf(facts[d], s.Date));
            }

            // Calibrated on hand-annotated reports: one verb and a shared name or object is one happening, and two days
            // for it are rarely both right; each further shared word makes it surer, a verb of motion less sure.
            double confidence = 0.72 + (0.04 * Math.Min(3, shared - 1)) - (moves ? 0.02 : 0);
            discrepancies.Add(new Discrepancy
            {
                Kind = DiscrepancyKind.Date,
                Subject = "date of " + DiscrepancyFinder.SharedWordsSubject(facts, [.. members.Select(m => (m.Document, (Fact)m.Slot.Date))], 4),
                Relation = DiscrepancyRelation.Contradiction,
                Severity = DiscrepancySeverity.High,
                Confidence = Math.Round(Math.Min(0.9, confidence), 3),
                Mentions = mentions.MoveToImmutable(),
            });
        }
    }

    /// <summary>The verb two slots share ("" for two verbs of motion), or null when they are not one slot.</summary>
    internal static string? SharedKey(Slot x, Slot y)
    {
        // One subject: the same person or thing did it (or had it done); two subjects with no word in common are two
        // people ("Tavon Tanner was wounded Monday", "a girl was wounded Thursday"), and a subject not found is no match.
        if (SharedAnchors(x, y) == 0 || !x.Subject.Any(w => Array.IndexOf(y.Subject, w) >= 0))
        {
            return null;
        }

        // Subjects that name two different people ("Chargers receiver Vincent Jackson", "Chargers lineman Jamal Williams").
        if (x.Names.Length > 0 && y.Names.Length > 0 && !x.Names.Any(w => Array.IndexOf(y.Names, w) >= 0))
        {
            return null;
        }

        // Beside the subject, what the clause names must meet when both name something ("signed DeShawn Wynn on
        // Tuesday" and "signed Joique Bell on Wednesday" are two signings).
        var xs = x.Anchors.Where(a => Array.IndexOf(x.Subject, a) < 0).ToArray();
        var ys = y.Anchors.Where(a => Array.IndexOf(y.Subject, a) < 0).ToArray();
        if (xs.Length > 0 && ys.Length > 0 && !xs.Any(a => Array.IndexOf(ys, a) >= 0))
        {
            return null;
        }

        foreach (string v in x.Verbs)
        {
            if (Array.IndexOf(y.Verbs, v) >= 0)
            {
                return v;
            }
        }

        return x.Moves && y.Moves ? string.Empty : null;
    }

    private static int SharedAnchors(Slot x, Slot y) => x.Anchors.Count(a => Array.IndexOf(y.Anchors, a) >= 0);

    /// <summary>
    /// Whether two mentions give one weekday, one day relative to the writing ("tonight"), or one month and day, or a
    /// weekday and a date on that weekday: they resolve apart only when the reports were written (or reprinted) on
    /// different days, which is no disagreement.
    /// </summary>
    internal static bool WrittenAlike(DateMention a, DateMention b) =>
        WeekdayOfDate(a, b) || WeekdayOfDate(b, a) || (a.Kind == b.Kind && a.Ordinal == b.Ordinal
        && (a.Kind is DateMentionKind.Weekday or DateMentionKind.RelativeDay
            || (a.Kind == DateMentionKind.Absolute && a.Day == b.Day && a.Day > 0 && !(YearWritten(a) && YearWritten(b) && a.First?.Year != b.First?.Year))));

    /// <summary>A weekday against a date that falls on that weekday ("Friday", "Jan. 22"): which week the weekday means depends on when it was written.</summary>
    private static bool WeekdayOfDate(DateMention weekday, DateMention date) =>
        weekday.Kind == DateMentionKind.Weekday && date.Kind == DateMentionKind.Absolute && date.First is { } d && date.IsSingleDay && (int)d.DayOfWeek == weekday.Ordinal;

    private static bool YearWritten(DateMention m)
    {
        int run = 0;
        foreach (char c in m.Text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 4)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether two dates cannot both be right: resolved days that do not overlap, or two different weekdays, days or months as written.</summary>
    internal static bool Conflict(DateMention a, DateMention b)
    {
        if (WrittenAlike(a, b))
        {
            return false;
        }

        if (a.First is { } af && a.Last is { } al && b.First is { } bf && b.Last is { } bl)
        {
            // "late Monday night" and "early Tuesday morning" may be one hour.
            if ((bf.DayNumber - al.DayNumber == 1 || af.DayNumber - bl.DayNumber == 1) && (DayPart(a) || DayPart(b)))
            {
                return false;
            }

            return al < bf || bl < af;
        }

        if (a.First is not null || b.First is not null)
        {
            return false;
        }

        if (a.Kind == DateMentionKind.Weekday || b.Kind == DateMentionKind.Weekday)
        {
            return a.Kind == b.Kind && a.Ordinal != b.Ordinal && Plain(a) && Plain(b);
        }

        if (a.Kind is DateMentionKind.Absolute or DateMentionKind.Month && b.Kind is DateMentionKind.Absolute or DateMentionKind.Month)
        {
            return a.Ordinal != b.Ordinal || (a.Day > 0 && b.Day > 0 && a.Day != b.Day);
        }

        return false;
    }

    private static bool DayPart(DateMention m) =>
        m.Text.Contains("night", StringComparison.OrdinalIgnoreCase) || m.Text.Contains("morning", StringComparison.OrdinalIgnoreCase)
        || m.Text.Contains("evening", StringComparison.OrdinalIgnoreCase) || m.Text.Contains("early", StringComparison.OrdinalIgnoreCase)
        || m.Text.Contains("late", StringComparison.OrdinalIgnoreCase);

    /// <summary>A weekday written without "last", "next" or "this" before it (which week those mean depends on the day of writing).</summary>
    private static bool Plain(DateMention m) => !m.Text.Contains(' ', StringComparison.Ordinal) || char.IsUpper(m.Text[0]);

    /// <summary>The dates of a document that have a slot, in text order.</summary>
    internal static List<Slot> Slots(DocumentFacts facts)
    {
        var slots = new List<Slot>();
        if (facts.Dates.IsEmpty)
        {
            return slots;
        }

        string text = facts.Document.Text;
        var tokens = new List<FactToken>();
        var sentences = new List<(int Start, int End)>();
        FactTokenizer.Tokenize(text, tokens, sentences);
        foreach (DateMention m in facts.Dates)
        {
            if (m.Kind is not (DateMentionKind.Absolute or DateMentionKind.Month or DateMentionKind.Weekday) || InQuotation(text, m.Start))
            {
                continue;
            }

            int first = tokens.FindIndex(t => t.Start >= m.Start);
            int last = tokens.FindLastIndex(t => t.End <= m.End);
            if (first < 0 || last < first)
            {
                continue;
            }

            if (SlotOf(facts, tokens, first, last) is { } slot)
            {
                slots.Add(new Slot(m, slot.Verbs, slot.Anchors, slot.Subject.Words, slot.Subject.Head is { } head ? [head] : [], slot.Verbs.Any(Motion.Contains)));
            }
        }

        return slots;
    }

    /// <summary>
    /// The verbs, content words and subject of the clause of the date in tokens first..last, or null when the date
    /// has no slot: its nearest verb is one of saying or it has none; it qualifies a noun ("the Sept. 13 shooting"); a
    /// name makes the weekday a holiday ("Easter Sunday"); the clause tells of an earlier happening ("had previously
    /// been arrested", "on unrelated charges").
    /// </summary>
    private static (string[] Verbs, string[] Anchors, (string[] Words, string? Head) Subject)? SlotOf(DocumentFacts facts, List<FactToken> tokens, int first, int last)
    {
        string text = facts.Document.Text;
        int sentence = tokens[first].Sentence;
        int line = tokens[first].Start == 0 ? 0 : text.LastIndexOf('\n', tokens[first].Start - 1) + 1;
        var opening = text.AsSpan(line, tokens[first].Start - line);
        if (opening.StartsWith("Photo", StringComparison.OrdinalIgnoreCase) || opening.StartsWith("Image", StringComparison.OrdinalIgnoreCase)
            || opening.StartsWith("File photo", StringComparison.OrdinalIgnoreCase) || opening.StartsWith("Video", StringComparison.OrdinalIgnoreCase))
        {
            return null; // a caption: when the picture was taken
        }

        ReadOnlySpan<char> written = text.AsSpan(tokens[first].Start, tokens[last].End - tokens[first].Start);
        if (written.EndsWith("'s", StringComparison.Ordinal) || written.EndsWith("\u2019s", StringComparison.Ordinal)
            || (last + 1 < tokens.Count && tokens[last + 1].Start == tokens[last].End && text[tokens[last + 1].Start] is '\'' or '\u2019'))
        {
            return null; // "Thursday's announcement"
        }

        if (first > 0 && tokens[first - 1].Sentence == sentence && tokens[first - 1].Kind == FactTokenKind.Word)
        {
            FactToken before = tokens[first - 1];
            ReadOnlySpan<char> w = text.AsSpan(before.Start, before.Length);
            if (w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase)
                || w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal) || (before.Capitalized && !before.SentenceStart))
            {
                return null;
            }
        }

        // The clause reaches left to a clause word, a strong mark or the sentence start, and right to any mark.
        int left = first;
        while (left - 1 >= 0 && first - left < Reach && tokens[left - 1].Sentence == sentence && !Boundary(text, tokens[left - 1], comma: false))
        {
            left--;
        }

        // "signed Wynn on Tuesday and Bell today": what follows "and" is another happening's.
        int right = last;
        while (right + 1 < tokens.Count && right - last < Reach && tokens[right + 1].Sentence == sentence && !Boundary(text, tokens[right + 1], comma: true)
            && !text.AsSpan(tokens[right + 1].Start, tokens[right + 1].Length).Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            right++;
        }

        // A date that opens its clause ("On June 27, 1973, he pleaded guilty") belongs to what follows the comma.
        bool opens = true;
        for (int k = left; k < first; k++)
        {
            opens &= tokens[k].Kind == FactTokenKind.Word && (tokens[k].Classes & WordClass.Stop) != 0;
        }

        if (opens && right + 2 < tokens.Count && IsMark(text, tokens[right + 1], ',') && tokens[right + 2].Sentence == sentence)
        {
            right += 2;
            while (right + 1 < tokens.Count && right - last < 2 * Reach && tokens[right + 1].Sentence == sentence && !Boundary(text, tokens[right + 1], comma: true))
            {
                right++;
            }
        }

        // The nearest verb: before the date, or after it when the date opens the clause. A form of "be" nearer than any
        // verb makes the date what something is ("The last message was in July"), not when a happening took place.
        int nearest = -1;
        for (int k = first - 1; k >= left && nearest < 0; k--)
        {
            if ((tokens[k].Classes & WordClass.Auxiliary) != 0)
            {
                return null;
            }

            nearest = IsVerb(text, tokens, k) ? k : -1;
        }

        for (int k = last + 1; k <= right && nearest < 0 && opens; k++)
        {
            nearest = IsVerb(text, tokens, k) ? k : -1;
        }

        if (nearest < 0 || (tokens[nearest].Classes & WordClass.Reporting) != 0)
        {
            return null;
        }

        for (int k = left; k <= right; k++)
        {
            ReadOnlySpan<char> w = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (tokens[k].Kind == FactTokenKind.Word && (w.Equals("had", StringComparison.OrdinalIgnoreCase) || w.Equals("previously", StringComparison.OrdinalIgnoreCase)
                || w.Equals("unrelated", StringComparison.OrdinalIgnoreCase) || w.Equals("prior", StringComparison.OrdinalIgnoreCase) || w.Equals("formerly", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
        }

        var verbs = new List<string>();
        var anchors = new List<string>();
        for (int k = left; k <= right; k++)
        {
            if (k >= first && k <= last)
            {
                continue;
            }

            FactToken t = tokens[k];
            string word = text.Substring(t.Start, t.Length);
            if (IsVerb(text, tokens, k))
            {
                if ((t.Classes & WordClass.Reporting) == 0)
                {
                    verbs.Add(Lemma(word.ToLowerInvariant()));
                }

                continue;
            }

            if (t.Kind != FactTokenKind.Word || t.Length < 3 || char.IsDigit(word[0])
                || (t.Classes & (WordClass.Stop | WordClass.Auxiliary | WordClass.Month | WordClass.Weekday | WordClass.RelativeDay | WordClass.DateCue
                    | WordClass.NumberWord | WordClass.Scale | WordClass.Pronoun | WordClass.Title | WordClass.Person | WordClass.CommonCapital
                    | WordClass.DurationUnit)) != 0)
            {
                continue;
            }

            anchors.Add(SentenceContexts.Stem(word));
        }

        return ([.. verbs.Distinct(StringComparer.Ordinal)], [.. anchors.Distinct(StringComparer.Ordinal)], Subject(facts, tokens, nearest));
    }

    /// <summary>
    /// The words of the subject of the verb at token v (left of its auxiliaries and adverbs: "Mr. Mattis, 68, will
    /// leave" gives "mattis"), a pronoun standing for the last person named before it; empty when not found. The head
    /// is the name right before the verb, if any ("receiver Vincent Jackson was arrested" gives "jackson").
    /// </summary>
    private static (string[] Words, string? Head) Subject(DocumentFacts facts, List<FactToken> tokens, int v)
    {
        string text = facts.Document.Text;
        int k = v - 1;
        while (k >= 0 && tokens[k].Sentence == tokens[v].Sentence && tokens[k].Kind == FactTokenKind.Word
            && ((tokens[k].Classes & WordClass.Auxiliary) != 0 || text.AsSpan(tokens[k].Start, tokens[k].Length).EndsWith("ly", StringComparison.OrdinalIgnoreCase)
                || text.AsSpan(tokens[k].Start, tokens[k].Length).Equals("not", StringComparison.OrdinalIgnoreCase)))
        {
            k--;
        }

        if (k < 0 || tokens[k].Sentence != tokens[v].Sentence || (tokens[k].Kind != FactTokenKind.Word && !IsMark(text, tokens[k], ',')))
        {
            return ([], null);
        }

        // A second verb of one subject ("he posted bond and was released Sunday"): the subject of the first.
        if (text.AsSpan(tokens[k].Start, tokens[k].Length).Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            for (int p = k - 1; p >= 0 && p >= k - Reach && tokens[p].Sentence == tokens[v].Sentence && !Boundary(text, tokens[p], comma: true); p--)
            {
                if (IsVerb(text, tokens, p))
                {
                    return Subject(facts, tokens, p);
                }
            }

            return ([], null);
        }

        if ((tokens[k].Classes & WordClass.Pronoun) != 0)
        {
            string pronoun = text.Substring(tokens[k].Start, tokens[k].Length).ToLowerInvariant();
            if (pronoun is not ("he" or "she"))
            {
                return ([], null);
            }

            // The nearest surname before it in a subject's place (before a verb): a word the report gives elsewhere as the
            // last word of a full name ("Fred LaRue ... LaRue became ... he").
            var surnames = Surnames(facts);

            for (int p = k - 1; p >= 0 && p >= k - (6 * Reach); p--)
            {
                FactToken t = tokens[p];
                if (t.Kind == FactTokenKind.Word && t.Capitalized && surnames.Contains(text.Substring(t.Start, t.Length))
                    && (IsVerb(text, tokens, p + 1) || (tokens[p + 1].Classes & WordClass.Auxiliary) != 0))
                {
                    string stem = SentenceContexts.Stem(text.AsSpan(t.Start, t.Length));
                    return ([stem], stem);
                }
            }

            return ([], null);
        }

        // A subject is one known person or thing: a name, or a noun with "the" or a possessive ("The actress, 33,"); "a
        // 17-year-old boy", "Four men", "Charges" may be anyone of their kind, so they give no subject.
        var words = new List<string>();
        string? head = null;
        bool definite = false;
        for (int n = 0; k >= 0 && n < 8 && tokens[k].Sentence == tokens[v].Sentence; k--, n++)
        {
            FactToken t = tokens[k];
            if ((t.Kind == FactTokenKind.Punctuation && text[t.Start] is ',' or '.') || t.Kind == FactTokenKind.Number
                || text.AsSpan(t.Start, t.Length).Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                continue; // "Mr. Mattis, 68, will leave", "actress and former reporter Tara Reid checked"
            }

            if ((t.Classes & WordClass.NumberWord) != 0)
            {
                return ([], null);
            }

            if (t.Kind != FactTokenKind.Word || (t.Classes & (WordClass.Stop | WordClass.Verb | WordClass.Reporting)) != 0 || ClauseWords.Contains(text.Substring(t.Start, t.Length)))
            {
                ReadOnlySpan<char> w = text.AsSpan(t.Start, t.Length);
                definite = w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("his", StringComparison.OrdinalIgnoreCase)
                    || w.Equals("her", StringComparison.OrdinalIgnoreCase) || w.Equals("their", StringComparison.OrdinalIgnoreCase) || w.Equals("its", StringComparison.OrdinalIgnoreCase);
                break;
            }

            if ((t.Classes & WordClass.Title) == 0)
            {
                words.Add(SentenceContexts.Stem(text.AsSpan(t.Start, t.Length)));
                if (words.Count == 1 && t.Capitalized && (!t.SentenceStart || (t.Classes & WordClass.CommonCapital) == 0))
                {
                    head = words[0];
                }
            }
        }

        return head is null && !definite ? ([], null) : ([.. words], head);
    }

    /// <summary>The last words of the full names (two words or more) of a document: the surnames a pronoun or a subject may give.</summary>
    private static HashSet<string> Surnames(DocumentFacts facts)
    {
        var surnames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (EntityMention e in facts.Entities)
        {
            if (e.Kind is EntityKind.Person or EntityKind.Other && e.Text.Contains(' ', StringComparison.Ordinal))
            {
                surnames.Add(e.Key);
            }
        }

        return surnames;
    }

    private static bool IsMark(string text, FactToken t, char c) => t.Kind == FactTokenKind.Punctuation && text[t.Start] == c;

    /// <summary>Whether a token ends a clause: a clause word, or a mark (a comma only when <paramref name="comma"/>).</summary>
    private static bool Boundary(string text, FactToken t, bool comma)
    {
        if (t.Kind == FactTokenKind.Punctuation)
        {
            char c = text[t.Start];
            return c is ';' or ':' or '"' or '\u201C' or '\u201D' or '(' or ')' or '\u2014' or '\u2013' || (comma && c == ',');
        }

        return t.Kind == FactTokenKind.Word && ClauseWords.Contains(text.AsSpan(t.Start, t.Length).ToString());
    }

    /// <summary>
    /// Whether token k is a verb other than an auxiliary: a known verb form, a past form in -ed, or a form after an
    /// auxiliary ("will leave", "was leaving").
    /// </summary>
    private static bool IsVerb(string text, List<FactToken> tokens, int k)
    {
        FactToken t = tokens[k];
        if (t.Kind != FactTokenKind.Word || (t.Classes & WordClass.Auxiliary) != 0 || (t.Capitalized && !t.SentenceStart))
        {
            return false;
        }

        if ((t.Classes & (WordClass.Verb | WordClass.Past | WordClass.Reporting)) != 0 && (t.Classes & WordClass.Stop) == 0)
        {
            return true;
        }

        ReadOnlySpan<char> w = text.AsSpan(t.Start, t.Length);
        if (Irregular.ContainsKey(w.ToString().ToLowerInvariant()))
        {
            return true;
        }

        if (w.Length >= 5 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        bool afterAuxiliary = k > 0 && tokens[k - 1].Kind == FactTokenKind.Word && (tokens[k - 1].Classes & WordClass.Auxiliary) != 0;
        return afterAuxiliary && (t.Classes & WordClass.Stop) == 0 && w.Length >= 3 && !char.IsDigit(w[0]);
    }

    /// <summary>A verb's lemma as a stem: "leaving", "leaves" and "leave" give "leav"; "pleaded" gives "plead".</summary>
    internal static string Lemma(string word)
    {
        if (Irregular.TryGetValue(word, out string? irregular))
        {
            return irregular;
        }

        string w = word;
        if (w.EndsWith("ied", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            w = w[..^3];
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^2];
        }
        else if (w.EndsWith("es", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 3)
        {
            w = w[..^1];
        }

        if (w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z' or 'e'))
        {
            w = w[..^1]; // "admitted", "stopped"
        }

        return w.Length > 3 && w[^1] == 'e' ? w[..^1] : w;
    }

    /// <summary>Whether the offset lies inside quotation marks opened on its line.</summary>
    private static bool InQuotation(string text, int start)
    {
        int line = start == 0 ? -1 : text.LastIndexOf('\n', start - 1);
        int straight = 0;
        int open = 0;
        for (int k = line + 1; k < start; k++)
        {
            char c = text[k];
            if (c == '"')
            {
                straight++;
            }
            else if (c == '\u201C')
            {
                open++;
            }
            else if (c == '\u201D')
            {
                open = Math.Max(0, open - 1);
            }
        }

        return straight % 2 == 1 || open > 0;
    }

    private static DiscrepancyMention MentionOf(DocumentFacts facts, DateMention m)
    {
        string value = m.First is { } f && m.Last is { } l
            ? (f == l ? DiscrepancyFinder.Iso(f) : DiscrepancyFinder.Iso(f) + "/" + DiscrepancyFinder.Iso(l))
            : m.Text;
        return DiscrepancyFinder.Mention(facts, m, value, qualifier: m.Resolution == DateResolution.Inferred ? "inferred" : null);
    }
}
