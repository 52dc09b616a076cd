using System.Collections.Immutable;
using Comparison.Facts;

namespace Comparison.Discrepancies;

/// <summary>
/// Compares lengths of time ("served four months", "lasted around 30 seconds", "for nearly seven minutes"): two
/// lengths are one fact when they are given in one unit, at most three times apart, in sentences that say the same
/// thing; they disagree when their values, qualifiers taken into account ("almost", "just over", "about"), exclude
/// each other.
/// </summary>
/// <remarks>
/// A length in another unit is taken for another length (the nine months served of a two-year sentence), and so
/// is one in a sentence that shares too little with the other. A flag has one mention per document.
/// </remarks>
internal static class DurationComparer
{
    /// <summary>Lowest sentence similarity at which two lengths are taken to be one fact.</summary>
    private const double MinSimilarity = 0.3;

    private const double MaxRatio = 3;

    public static void Compare(IReadOnlyList<DocumentFacts> facts, SentenceContexts[] contexts, double tolerance, List<Discrepancy> discrepancies)
    {
        var items = new List<(Duration Duration, NumericInterval Interval, string? Qualifier)>[facts.Count];
        var counts = new int[facts.Count];
        for (int d = 0; d < facts.Count; d++)
        {
            items[d] = [];
            foreach (Duration x in facts[d].Durations)
            {
                var (interval, qualifier) = IntervalOf(x, contexts[d], tolerance);
                items[d].Add((x, interval, qualifier));
            }

            counts[d] = items[d].Count;
        }

        double Score(int a, int i, int b, int j)
        {
            Duration x = items[a][i].Duration;
            Duration y = items[b][j].Duration;
            if (x.Unit != y.Unit || x.Amount <= 0 || y.Amount <= 0 || Math.Max(x.Amount, y.Amount) / Math.Min(x.Amount, y.Amount) > MaxRatio)
            {
                return -1;
            }

            double similarity = SentenceContexts.Similarity(contexts[a], x.Sentence, contexts[b], y.Sentence);
            if (similarity >= MinSimilarity)
            {
                return similarity;
            }

            // "the tremor lasted just over 10 seconds" and "it lasted around 30 seconds": one verb of lasting in both, so one length.
            return Anchor(x, contexts[a]) is { } anchor && IsLastingVerb(anchor) && anchor == Anchor(y, contexts[b]) ? MinSimilarity : -1;
        }

        foreach (var group in FactAligner.Align(counts, Score, MinSimilarity, out _))
        {
            if (group.Count < 2)
            {
                continue;
            }

            bool disagree = false;
            bool anchored = false;
            double similarity = 0;
            for (int x = 0; x < group.Count; x++)
            {
                for (int y = x + 1; y < group.Count; y++)
                {
                    var (a, i) = group[x];
                    var (b, j) = group[y];
                    if (a == b)
                    {
                        continue;
                    }

                    if (!items[a][i].Interval.Overlaps(items[b][j].Interval))
                    {
                        disagree = true;
                        similarity = Math.Max(similarity, SentenceContexts.Similarity(contexts[a], items[a][i].Duration.Sentence, contexts[b], items[b][j].Duration.Sentence));
                        anchored |= Anchor(items[a][i].Duration, contexts[a]) is { } anchor && anchor == Anchor(items[b][j].Duration, contexts[b]);
                    }
                }
            }

            if (!disagree)
            {
                continue;
            }

            var mentions = ImmutableArray.CreateBuilder<DiscrepancyMention>(group.Count);
            foreach (var (d, i) in group)
            {
                var (duration, interval, qualifier) = items[d][i];
                mentions.Add(DiscrepancyFinder.Mention(facts[d], duration, FactTokenizer.Format(duration.Amount) + " " + duration.Unit, duration.Amount, interval, qualifier));
            }

            discrepancies.Add(new Discrepancy
            {
                Kind = DiscrepancyKind.Number,
                Subject = "length of " + DiscrepancyFinder.SharedWordsSubject(facts, [.. group.Select(g => (g.Document, (Fact)items[g.Document][g.Index].Duration))], 4),
                Relation = DiscrepancyRelation.Contradiction,
                Severity = DiscrepancySeverity.Medium,
                Confidence = Math.Round(Math.Min(0.95, 0.45 + (0.5 * Math.Max(similarity, anchored ? MinSimilarity : 0)) + (anchored ? 0.15 : 0)), 3),
                Mentions = mentions.MoveToImmutable(),
            });
        }
    }

    /// <summary>Whether an anchor (a stem) is a verb that says how long something went on: "lasted", "took".</summary>
    private static bool IsLastingVerb(string stem) => stem is "laste" or "last" or "lasts" or "took" or "takes" or "spent" or "durat";

    /// <summary>
    /// The word a length hangs on: the nearest word before it within its sentence, past its qualifier and small words
    /// ("served four months", "a sentence of 2 1/2 years", "lasted around 30 seconds"), stemmed; null when none is
    /// within three words.
    /// </summary>
    private static string? Anchor(Duration x, SentenceContexts words)
    {
        var all = words.Words;
        int k = words.WordAt(x.Start) - 1;
        for (int n = 0; n < 3 && k >= 0 && all[k].Start >= x.SentenceStart; n++, k--)
        {
            if ((FactLexicon.Find(all[k].Word).Classes & (WordClass.Stop | WordClass.Auxiliary | WordClass.Pronoun)) == 0 && all[k].Word.Length > 2
                && all[k].Word is not ("almost" or "nearly" or "about" or "around" or "approximately" or "roughly" or "just" or "over" or "under" or "least" or "most"))
            {
                return SentenceContexts.Stem(all[k].Word);
            }
        }

        return null;
    }

    /// <summary>
    /// The values a length allows once the words right before it are read: "almost" and "nearly" (just under),
    /// "about" and "around" (either side), "just over" and "just under" (close on one side), "more than", "over",
    /// "at least", "less than", "under", "up to", "at most"; and the qualifier as written, or null.
    /// </summary>
    private static (NumericInterval Interval, string? Qualifier) IntervalOf(Duration x, SentenceContexts words, double tolerance)
    {
        var all = words.Words;
        int k = words.WordAt(x.Start) - 1;
        string Word(int n) => k - n >= 0 && all[k - n].Start >= x.SentenceStart ? all[k - n].Word : string.Empty;
        double v = x.Amount;
        string w0 = Word(0);
        string w1 = Word(1);
        if (w1 == "just" && w0 is "over" or "under")
        {
            return (w0 == "over" ? new NumericInterval(v, v * (1 + (2 * tolerance)), false, true) : new NumericInterval(v * (1 - (2 * tolerance)), v, true, false), "just " + w0);
        }

        QuantityQualifier q = (w1, w0) switch
        {
            (_, "almost" or "nearly") => QuantityQualifier.Nearly,
            (_, "about" or "around" or "approximately" or "roughly" or "some") => QuantityQualifier.Approximate,
            ("more" or "longer", "than") or (_, "over") => QuantityQualifier.MoreThan,
            ("less" or "shorter", "than") or (_, "under") => QuantityQualifier.LessThan,
            ("at", "least") => QuantityQualifier.AtLeast,
            ("at", "most") or ("up", "to") => QuantityQualifier.AtMost,
            _ => QuantityQualifier.Exact,
        };
        string? written = q switch
        {
            QuantityQualifier.Exact => null,
            QuantityQualifier.MoreThan or QuantityQualifier.LessThan or QuantityQualifier.AtLeast or QuantityQualifier.AtMost when w0 is "than" or "least" or "most" or "to" => w1 + " " + w0,
            _ => w0,
        };
        return (QuantityScanner.IntervalOf(v, q, tolerance), written);
    }
}
