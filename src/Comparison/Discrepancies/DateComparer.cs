using System.Collections.Immutable;
using Comparison.Facts;

namespace Comparison.Discrepancies;

/// <summary>Aligns dates of events across documents and reports those that resolve to different days.</summary>
internal static class DateComparer
{
    public static void Compare(IReadOnlyList<DocumentFacts> facts, SentenceContexts[] contexts, DiscrepancyFinderOptions options,
        List<Discrepancy> discrepancies, List<SingleSourceClaim> claims, List<Agreement> agreements)
    {
        var items = new List<DateMention>[facts.Count];
        var counts = new int[facts.Count];
        for (int d = 0; d < facts.Count; d++)
        {
            items[d] = [];
            string text = facts[d].Document.Text;
            foreach (DateMention m in facts[d].Dates)
            {
                // Days of events only: a resolved single day (or two); periods such as "next month" are too vague to contradict.
                // A publication or update stamp is no event's date, nor is a weekday that only opens a full date ("Saturday,
                // October 22, 2016": the full date says which Saturday).
                if (m.First is { } f && m.Last is { } l && l.DayNumber - f.DayNumber <= 2
                    && m.Kind is DateMentionKind.Absolute or DateMentionKind.Weekday or DateMentionKind.RelativeDay
                    && !Stamp(text, m.Start, m.End) && !(m.Kind == DateMentionKind.Weekday && InsideFullDate(facts[d], m)))
                {
                    items[d].Add(m);
                }
            }

            counts[d] = items[d].Count;
        }

        var groups = FactAligner.Align(counts, (a, i, b, j) => Score(items[a][i], contexts[a], items[b][j], contexts[b], options), 0, out double[] best);
        var firstIndex = new int[facts.Count];
        for (int d = 1; d < facts.Count; d++)
        {
            firstIndex[d] = firstIndex[d - 1] + counts[d - 1];
        }

        foreach (var group in groups)
        {
            if (group.Count == 1)
            {
                var (d, i) = group[0];
                if (facts.Count > 1)
                {
                    claims.Add(new SingleSourceClaim
                    {
                        Kind = DiscrepancyKind.Date,
                        Subject = DiscrepancyFinder.SharedWordsSubject(facts, [(d, items[d][i])]),
                        Mention = MentionOf(facts[d], items[d][i]),
                    });
                }

                continue;
            }

            bool differ = false;
            bool disjoint = false;
            for (int x = 0; x < group.Count; x++)
            {
                for (int y = x + 1; y < group.Count; y++)
                {
                    if (group[x].Document == group[y].Document)
                    {
                        continue;
                    }

                    var a = items[group[x].Document][group[x].Index];
                    var b = items[group[y].Document][group[y].Index];
                    if ((a.First != b.First || a.Last != b.Last) && !DateSlots.WrittenAlike(a, b))
                    {
                        differ = true;
                        if (a.Last < b.First || b.Last < a.First)
                        {
                            disjoint = true;
                        }
                    }
                }
            }

            var members = new List<(int Document, Fact Fact)>();
            var mentions = ImmutableArray.CreateBuilder<DiscrepancyMention>(group.Count);
            double confidence = 1;
            foreach (var (d, i) in group)
            {
                members.Add((d, items[d][i]));
                mentions.Add(MentionOf(facts[d], items[d][i]));
                confidence = Math.Min(confidence, Math.Min(1, best[firstIndex[d] + i]));
            }

            if (!differ)
            {
                agreements.Add(new Agreement
                {
                    Kind = DiscrepancyKind.Date,
                    Subject = DiscrepancyFinder.SharedWordsSubject(facts, members),
                    Value = mentions[0].Value,
                    Confidence = Math.Round(confidence, 3),
                    Mentions = mentions.MoveToImmutable(),
                });
                continue;
            }

            discrepancies.Add(new Discrepancy
            {
                Kind = DiscrepancyKind.Date,
                Subject = DiscrepancyFinder.SharedWordsSubject(facts, members),
                Relation = disjoint ? DiscrepancyRelation.Contradiction : DiscrepancyRelation.Precision,
                Severity = disjoint ? DiscrepancySeverity.High : DiscrepancySeverity.Low,

                // Reports name many days besides the event's (reporting days, earlier happenings), so an aligned pair of
                // dates is a weaker flag than the same alignment score of two amounts of one slot.
                Confidence = Math.Round(0.85 * confidence, 3),
                Mentions = mentions.MoveToImmutable(),
            });
        }

        DateSlots.Compare(facts, discrepancies);
    }

    /// <summary>
    /// Whether the date follows a stamp word on its line ("Published: Saturday", "Updated: 10:13 AM"), or opens a line
    /// that holds nothing else or a stamp ("23 July 2013 Last updated at 13:42 GMT"): when the page was written, not
    /// when it happened.
    /// </summary>
    private static bool Stamp(string text, int start, int end)
    {
        int lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.IndexOf('\n', end);
        var rest = text.AsSpan(end, (lineEnd < 0 ? text.Length : lineEnd) - end).Trim();
        if (text.AsSpan(lineStart, start - lineStart).Trim().IsEmpty
            && (rest.IsEmpty || rest.StartsWith("last updated", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("updated", StringComparison.OrdinalIgnoreCase)
                || rest.StartsWith("published", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("posted", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        int from = Math.Max(0, start - 24);
        int line = text.LastIndexOf('\n', Math.Max(0, start - 1));
        from = Math.Max(from, line + 1);
        var before = text.AsSpan(from, start - from);
        return before.Contains("published", StringComparison.OrdinalIgnoreCase) || before.Contains("updated", StringComparison.OrdinalIgnoreCase)
            || before.Contains("posted", StringComparison.OrdinalIgnoreCase) || before.Contains("modified", StringComparison.OrdinalIgnoreCase)
            || before.Contains("date:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a weekday is the first word of a full date of the same document ("Saturday, October 22").</summary>
    private static bool InsideFullDate(DocumentFacts facts, DateMention weekday)
    {
        foreach (DateMention m in facts.Dates)
        {
            if (m.Kind == DateMentionKind.Absolute && m.Start <= weekday.Start && m.End > weekday.End)
            {
                return true;
            }
        }

        return false;
    }

    private static DiscrepancyMention MentionOf(DocumentFacts facts, DateMention m)
    {
        string value = m.First == m.Last ? DiscrepancyFinder.Iso(m.First!.Value) : DiscrepancyFinder.Iso(m.First!.Value) + "/" + DiscrepancyFinder.Iso(m.Last!.Value);
        return DiscrepancyFinder.Mention(facts, m, value, qualifier: m.Resolution == DateResolution.Inferred ? "inferred" : null);
    }

    /// <summary>The alignment score of two dates in [0, 1], or -1 when they are too far apart to be the same event.</summary>
    internal static double Score(DateMention a, SentenceContexts ca, DateMention b, SentenceContexts cb, DiscrepancyFinderOptions options)
    {
        int distance = Math.Abs(a.First!.Value.DayNumber - b.First!.Value.DayNumber);
        if (distance > options.MaxDateDistanceDays)
        {
            return -1;
        }

        double context = SentenceContexts.Similarity(ca, a.Sentence, cb, b.Sentence);
        double closeness = 1 - ((double)distance / options.MaxDateDistanceDays);
        double score = (0.7 * context) + (0.2 * closeness) + (a.Tense == b.Tense ? 0.1 : 0.05);
        if (distance == 0 && a.Last == b.Last)
        {
            score += 0.1;
        }

        if (score < options.DateThreshold)
        {
            return -1;
        }

        return Math.Min(1, score) + (0.15 * SentenceContexts.LocalSimilarity(ca, a.Start, a.End, cb, b.Start, b.End));
    }
}
