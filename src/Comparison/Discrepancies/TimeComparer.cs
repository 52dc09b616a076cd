using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Comparison.Facts;
using Comparison.Indexing;

namespace Comparison.Discrepancies;

/// <summary>
/// Compares the times of day the reports give for what happened: clock times ("about 5:10 a.m.", "just before
/// 6:30 p.m.") and parts of a named day ("early Sunday morning", "Tuesday evening").
/// </summary>
/// <remarks>
/// <para>A report names several times (the shooting, the call to police, the arrest, the death at the hospital),
/// so the times of two reports are first lined up by what their sentences say (<see cref="FactAligner"/>: the
/// words of the sentences, the words right around the time, and whether it is the first time the report gives,
/// which in news writing is when the event happened). Times on two different named days are never lined up:
/// that is a difference of date.</para>
/// <para>Two aligned clock times that differ are flagged: a contradiction when what their wording allows does not
/// overlap ("about 6 p.m." and "just before 6:30 p.m."), a difference of precision otherwise ("9:18 p.m." and
/// "around 9:15 p.m."). A part of a day and a clock time, or two parts of a day, are flagged only when they
/// exclude each other ("early Sunday morning" and "Sunday night"): "Saturday night" and "11 p.m." agree.</para>
/// </remarks>
internal static partial class TimeComparer
{
    private const int Day = 24 * 60;

    /// <summary>Clock times further apart than this (in minutes, beyond what their wording allows) are never one happening's.</summary>
    private const int MaxClockGap = 90;

    /// <summary>Compatible clock times closer than this (in minutes) are one time rounded two ways ("6:13" and "about 6:15"), not worth a flag.</summary>
    private const int MinPrecisionGap = 10;

    /// <summary>Lowest alignment score of two times taken to be the time of one happening.</summary>
    private const double Threshold = 0.25;

    internal readonly record struct Item(TimeMention Time, string? Day, bool Clock, bool First, bool Event);

    public static void Compare(IReadOnlyList<DocumentFacts> facts, SentenceContexts[] contexts, List<Discrepancy> discrepancies)
    {
        var items = new List<Item>[facts.Count];
        var counts = new int[facts.Count];
        for (int d = 0; d < facts.Count; d++)
        {
            items[d] = Items(facts[d]);
            counts[d] = items[d].Count;
        }

        var groups = Align(items, contexts, out double[] best);
        var firstIndex = new int[facts.Count];
        for (int d = 1; d < facts.Count; d++)
        {
            firstIndex[d] = firstIndex[d - 1] + counts[d - 1];
        }

        foreach (var group in groups)
        {
            // One time per document: of two compatible times the more precise ("6:30 p.m." within "Thursday evening"); a
            // document that gives two times excluding each other in one group takes no part.
            var chosen = new List<(int Document, Item Item, double Score)>();
            var excluded = new HashSet<int>();
            foreach (var (d, i) in group)
            {
                Item item = items[d][i];
                int already = chosen.FindIndex(c => c.Document == d);
                if (already < 0)
                {
                    chosen.Add((d, item, best[firstIndex[d] + i]));
                }
                else if (!Overlap(chosen[already].Item, item))
                {
                    excluded.Add(d);
                }
                else if (Width(item) < Width(chosen[already].Item))
                {
                    chosen[already] = (d, item, best[firstIndex[d] + i]);
                }
            }

            chosen.RemoveAll(c => excluded.Contains(c.Document));

            // Clock times joined through a part of a day may still be hours apart: two happenings, not one.
            if (chosen.Exists(x => x.Item.Clock && chosen.Exists(y => y.Item.Clock && Gap(x.Item, y.Item) > MaxClockGap)))
            {
                continue;
            }

            // Beside clock times, a part of a day that fits them all adds nothing ("Monday morning" and "10 a.m.").
            if (chosen.Exists(c => c.Item.Clock))
            {
                chosen.RemoveAll(p => !p.Item.Clock && chosen.TrueForAll(c => !c.Item.Clock || Overlap(c.Item, p.Item)));
            }

            if (chosen.Count < 2)
            {
                continue;
            }

            bool differ = false;
            bool disjoint = false;
            for (int x = 0; x < chosen.Count; x++)
            {
                for (int y = x + 1; y < chosen.Count; y++)
                {
                    Item a = chosen[x].Item;
                    Item b = chosen[y].Item;
                    if (!Overlap(a, b))
                    {
                        disjoint = true;
                    }
                    else if (a.Clock && b.Clock && a.Time.Qualifier != "between" && b.Time.Qualifier != "between" && Math.Abs(a.Time.Minutes - b.Time.Minutes) >= MinPrecisionGap)
                    {
                        differ = true;
                    }
                }
            }

            if (!differ && !disjoint)
            {
                continue;
            }

            double score = 1;
            foreach (var c in chosen)
            {
                score = Math.Min(score, Math.Min(1, c.Score));
            }

            // Calibrated on hand-annotated reports: a contradiction of two well aligned times is nearly always real; a
            // difference of precision ("9:18" and "about 9:15") is real when the sentences line up well.
            // A report that gives many clock times tells a sequence of happenings, whose times line up less surely.
            int busiest = 0;
            bool clocks = true;
            foreach (var c in chosen)
            {
                busiest = Math.Max(busiest, items[c.Document].Count(i => i.Clock));
                clocks &= c.Item.Clock;
            }

            double confidence = (disjoint ? 0.6 : 0.55) + (0.35 * score) - (0.07 * Math.Max(0, busiest - 2)) + (clocks ? 0.1 : -0.1);
            var mentions = ImmutableArray.CreateBuilder<DiscrepancyMention>(chosen.Count);
            foreach (var (d, item, _) in chosen)
            {
                TimeMention t = item.Time;
                string value = !item.Clock ? t.Qualifier ?? t.Text
                    : t.Qualifier == "between" ? Clock(t.Earliest) + "-" + Clock(t.Latest)
                    : Clock(t.Minutes);
                mentions.Add(DiscrepancyFinder.Mention(facts[d], t, value, qualifier: item.Clock ? t.Qualifier : null));
            }

            discrepancies.Add(new Discrepancy
            {
                Kind = DiscrepancyKind.Time,
                Subject = "time of " + DiscrepancyFinder.SharedWordsSubject(facts, [.. chosen.Select(c => (c.Document, (Fact)c.Item.Time))], 4),
                Relation = disjoint ? DiscrepancyRelation.Contradiction : DiscrepancyRelation.Precision,
                Severity = disjoint ? DiscrepancySeverity.High : DiscrepancySeverity.Low,
                Confidence = Math.Round(Math.Min(0.95, confidence), 3),
                Mentions = mentions.MoveToImmutable(),
            });
        }
    }

    private static string Clock(int minutes) =>
        (minutes / 60 % 24).ToString("00", CultureInfo.InvariantCulture) + ":" + (minutes % 60).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Lines up the times of the documents, the best scored pairs of all documents first, each time at most once per other
    /// document. Two times that agree go first (a report that gives the other's time tells of the same happening), and no
    /// group may hold two times of one document that exclude each other: a report that gives both tells of two
    /// happenings, and what agrees with the one is not the other.
    /// </summary>
    private static List<List<(int Document, int Index)>> Align(List<Item>[] items, SentenceContexts[] contexts, out double[] best)
    {
        int[] offsets = new int[items.Length + 1];
        for (int d = 0; d < items.Length; d++)
        {
            offsets[d + 1] = offsets[d] + items[d].Count;
        }

        int total = offsets[^1];
        best = new double[total];
        var candidates = new List<(double Rank, double Score, int A, int I, int B, int J)>();
        for (int a = 0; a < items.Length; a++)
        {
            for (int b = a + 1; b < items.Length; b++)
            {
                for (int i = 0; i < items[a].Count; i++)
                {
                    for (int j = 0; j < items[b].Count; j++)
                    {
                        // Two reports that give one time are taken to tell of one happening, however they word it.
                        double s = Score(items[a][i], contexts[a], items[b][j], contexts[b]);
                        bool agree = Agree(items[a][i], items[b][j]);
                        if (s >= Threshold || (agree && s >= 0))
                        {
                            candidates.Add((s + (agree ? AgreementBonus : 0), s, a, i, b, j));
                        }
                    }
                }
            }
        }

        candidates.Sort(static (x, y) =>
        {
            int c = y.Rank.CompareTo(x.Rank);
            c = c != 0 ? c : x.A.CompareTo(y.A);
            c = c != 0 ? c : x.I.CompareTo(y.I);
            c = c != 0 ? c : x.B.CompareTo(y.B);
            return c != 0 ? c : x.J.CompareTo(y.J);
        });

        var members = new List<(int Document, int Index)>[total];
        int[] parent = new int[total];
        for (int d = 0; d < items.Length; d++)
        {
            for (int i = 0; i < items[d].Count; i++)
            {
                parent[offsets[d] + i] = offsets[d] + i;
                members[offsets[d] + i] = [(d, i)];
            }
        }

        var used = new HashSet<(int Fact, int Document)>();
        var agreeing = new List<(int X, int Y)>();
        foreach (var (_, s, a, i, b, j) in candidates)
        {

            int x = offsets[a] + i;
            int y = offsets[b] + j;
            if (used.Contains((x, b)) || used.Contains((y, a)))
            {
                continue;
            }

            int rx = DisjointSets.Find(parent, x);
            int ry = DisjointSets.Find(parent, y);
            if (rx != ry && !Compatible(items, members[rx], members[ry]))
            {
                continue;
            }

            used.Add((x, b));
            used.Add((y, a));
            best[x] = Math.Max(best[x], s);
            best[y] = Math.Max(best[y], s);
            if (Agree(items[a][i], items[b][j]))
            {
                agreeing.Add((x, y));
            }
            if (rx != ry)
            {
                int root = Math.Min(rx, ry);
                int other = Math.Max(rx, ry);
                parent[other] = root;
                members[root].AddRange(members[other]);
                members[other] = [];
            }
        }

        // Two reports giving one time are lined up as well as the better lined up of the two.
        foreach (var (x, y) in agreeing)
        {
            best[x] = best[y] = Math.Max(best[x], best[y]);
        }

        var groups = new List<List<(int Document, int Index)>>();
        for (int k = 0; k < total; k++)
        {
            if (parent[k] == k)
            {
                members[k].Sort();
                groups.Add(members[k]);
            }
        }

        return groups;
    }

    /// <summary>Added to the rank of an agreeing pair of times: above any score, so agreeing pairs are lined up before all others.</summary>
    private const double AgreementBonus = 2;

    /// <summary>Whether two clock times agree: what they allow overlaps and they are less than <see cref="MinPrecisionGap"/> apart.</summary>
    private static bool Agree(Item a, Item b) => a.Clock && b.Clock && Overlap(a, b) && Math.Abs(a.Time.Minutes - b.Time.Minutes) < MinPrecisionGap;

    /// <summary>Whether one report's two times tell of two happenings: they exclude each other, or they are two clock times written apart ("around 4:45" and "around 5:10").</summary>
    private static bool Distinct(Item a, Item b) =>
        !Overlap(a, b) || (a.Clock && b.Clock && a.Time.Qualifier != "between" && b.Time.Qualifier != "between" && Math.Abs(a.Time.Minutes - b.Time.Minutes) >= MinPrecisionGap);

    /// <summary>Whether two groups may be joined: no document gives times in both that exclude each other.</summary>
    private static bool Compatible(List<Item>[] items, List<(int Document, int Index)> g, List<(int Document, int Index)> h)
    {
        foreach (var (d, i) in g)
        {
            foreach (var (e, j) in h)
            {
                if (d == e && Distinct(items[d][i], items[e][j]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The clock times and parts of days of a document, in text order; a clock time inside a part of a day's span wins.</summary>
    internal static List<Item> Items(DocumentFacts facts)
    {
        var clock = EventDetailScanner.Times(facts);
        var parts = EventDetailScanner.DayParts(facts);
        var all = new List<Item>(clock.Length + parts.Length);
        string text = facts.Document.Text;
        for (int k = 0; k < clock.Length; k++)
        {
            TimeMention t = clock[k];
            if (OpensRange(text, t.Start))
            {
                // "between 5:30 a.m. and 5:55 a.m.": a stretch of time, when what it tells of happened; without its end it tells nothing sure.
                if (k + 1 < clock.Length && clock[k + 1].Start - t.End <= 8 && Stretch(facts, t.Start, t.Minutes, clock[k + 1]) is { } stretch)
                {
                    all.Add(new Item(stretch, DayNear(facts, stretch), true, false, EventCue(facts, stretch)));
                    k++;
                }

                continue;
            }

            if (RangeStart(text, t) is { } from)
            {
                // "between 5:30 and 5:55 a.m.": the first end takes the second's half of the day.
                int minutes = from.Minutes > t.Minutes ? from.Minutes - (12 * 60) : from.Minutes;
                if (Stretch(facts, from.Start, minutes, t) is { } stretch)
                {
                    all.Add(new Item(stretch, DayNear(facts, stretch), true, false, EventCue(facts, stretch)));
                }

                continue;
            }

            all.Add(new Item(t, DayNear(facts, t), true, false, EventCue(facts, t)));
        }

        foreach (TimeMention p in parts)
        {
            bool covered = false;
            foreach (TimeMention t in clock)
            {
                covered |= t.Sentence == p.Sentence && Math.Abs(t.Start - p.Start) < 24;
            }

            if (!covered)
            {
                all.Add(new Item(p, Resolve(facts, p.Qualifier![..p.Qualifier!.IndexOf(' ', StringComparison.Ordinal)]), false, false, EventCue(facts, p)));
            }
        }

        all.Sort((x, y) => x.Time.Start.CompareTo(y.Time.Start));
        int firstClock = all.FindIndex(i => i.Clock);
        int firstPart = all.FindIndex(i => !i.Clock);
        if (firstClock >= 0)
        {
            all[firstClock] = all[firstClock] with { First = true };
        }

        if (firstPart >= 0)
        {
            all[firstPart] = all[firstPart] with { First = true };
        }

        return all;
    }

    /// <summary>The stretch from <paramref name="minutes"/> (written at <paramref name="start"/>) to the end of <paramref name="end"/>, or null when it runs backwards or over three hours.</summary>
    private static TimeMention? Stretch(DocumentFacts facts, int start, int minutes, TimeMention end)
    {
        if (minutes < 0 || minutes >= end.Latest || end.Latest - minutes > 180)
        {
            return null;
        }

        string text = facts.Document.Text;
        return EventDetailScanner.With(facts, end with
        {
            Start = start, Text = text[start..end.End], Minutes = minutes, Earliest = minutes, Latest = end.Latest, Qualifier = "between",
        });
    }

    /// <summary>The first end of a stretch written without its half of the day right before a clock time ("between 5:30 and 5:55 a.m."), or null.</summary>
    private static (int Start, int Minutes)? RangeStart(string text, TimeMention t)
    {
        int from = Math.Max(0, t.Start - 24);
        Match m = RangeOpening().Match(text, from, t.Start - from);
        if (!m.Success)
        {
            return null;
        }

        int hour = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        int minute = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        if (hour is < 1 or > 12 || minute > 59)
        {
            return null;
        }

        int half = t.Minutes >= 12 * 60 ? 12 * 60 : 0;
        return (m.Groups[1].Index, ((hour % 12) * 60) + minute + half);
    }

    [GeneratedRegex(@"\b(?:[Bb]etween|[Ff]rom) (\d{1,2})(?:[:.](\d{2}))? (?:and|to|until) $", RegexOptions.CultureInvariant)]
    private static partial Regex RangeOpening();

    private static bool OpensRange(string text, int start)
    {
        int from = Math.Max(0, start - 9);
        var before = text.AsSpan(from, start - from).TrimEnd();
        return before.EndsWith("between", StringComparison.OrdinalIgnoreCase) || before.EndsWith("from", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The day named right after a clock time ("11 p.m. Saturday"), resolved to a weekday, or null.</summary>
    private static string? DayNear(DocumentFacts facts, TimeMention t)
    {
        string text = facts.Document.Text;
        int end = Math.Min(t.SentenceEnd, t.End + 12);
        var after = text.AsSpan(t.End, Math.Max(0, end - t.End));
        foreach (string day in Weekdays)
        {
            if (after.Contains(day, StringComparison.Ordinal))
            {
                return day.ToLowerInvariant();
            }
        }

        return null;
    }

    /// <summary>Whether the time's sentence tells of the event itself (a shooting, shots, something that happened), not of what followed.</summary>
    private static bool EventCue(DocumentFacts facts, TimeMention t)
    {
        var sentence = facts.Document.Text.AsSpan(t.SentenceStart, t.SentenceEnd - t.SentenceStart);
        foreach (string cue in EventCues)
        {
            if (sentence.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] EventCues =
    [
        "shooting", "shot", "gunfire", "opened fire", "fired", "happened", "occurred", "took place", "struck", "erupted", "crash", "attack", "explosion", "broke out",
    ];

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>A day word as a weekday ("yesterday" from the publication date), or null when it cannot be known.</summary>
    private static string? Resolve(DocumentFacts facts, string day)
    {
        DateOnly? published = facts.Document.Published;
        return day switch
        {
            "yesterday" or "last" => published is { } p ? p.AddDays(-1).DayOfWeek.ToString().ToLowerInvariant() : null,
            "today" or "this" => published is { } p ? p.DayOfWeek.ToString().ToLowerInvariant() : null,
            _ => day,
        };
    }

    /// <summary>Minutes between what two times allow (0 when they overlap), either side of midnight.</summary>
    private static int Gap(Item a, Item b)
    {
        int gap = int.MaxValue;
        foreach (int sa in Shifts(a))
        {
            foreach (int sb in Shifts(b))
            {
                int lo = Math.Max(a.Time.Earliest + sa, b.Time.Earliest + sb);
                int hi = Math.Min(a.Time.Latest + sa, b.Time.Latest + sb);
                gap = Math.Min(gap, Math.Max(0, lo - hi));
            }
        }

        return gap;
    }

    private static int Width(Item i) => i.Time.Latest - i.Time.Earliest;

    /// <summary>Whether what two times allow overlaps; a time on no named day may fall either side of midnight.</summary>
    private static bool Overlap(Item a, Item b)
    {
        foreach (int sa in Shifts(a))
        {
            foreach (int sb in Shifts(b))
            {
                if (a.Time.Earliest + sa <= b.Time.Latest + sb && b.Time.Earliest + sb <= a.Time.Latest + sa)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int[] Shifts(Item i) => i.Day is null ? [0, Day] : [0];

    internal static double Score(Item a, SentenceContexts ca, Item b, SentenceContexts cb)
    {
        if (a.Day is not null && b.Day is not null && a.Day != b.Day)
        {
            return -1;
        }

        if (!a.Clock && !b.Clock && (a.Day is null || b.Day is null))
        {
            return -1;
        }

        // Two reports rarely disagree by hours on one happening: clock times that far apart are two happenings (the
        // shooting and the arrest, the call and the death at the hospital).
        if (a.Clock && b.Clock && Gap(a, b) > MaxClockGap)
        {
            return -1;
        }

        double context = SentenceContexts.Similarity(ca, a.Time.Sentence, cb, b.Time.Sentence);
        double local = SentenceContexts.LocalSimilarity(ca, a.Time.Start, a.Time.End, cb, b.Time.Start, b.Time.End);
        double score = (0.5 * context) + (0.2 * local) + (a.First && b.First ? 0.15 : 0) + (a.Event && b.Event ? 0.15 : 0) + (a.Clock && b.Clock ? 0.1 : 0);
        return score;
    }
}
