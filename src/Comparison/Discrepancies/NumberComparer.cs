using System.Collections.Immutable;
using Comparison.Facts;
using FuzzySharp;

namespace Comparison.Discrepancies;

/// <summary>Aligns amounts across documents for the agreements and the claims only one document makes; disagreements are <see cref="CountComparer"/>'s, slot by slot.</summary>
internal static class NumberComparer
{
    public static void Compare(IReadOnlyList<DocumentFacts> facts, SentenceContexts[] contexts, DiscrepancyFinderOptions options,
        List<SingleSourceClaim> claims, List<Agreement> agreements)
    {
        var items = new List<Quantity>[facts.Count];
        var counts = new int[facts.Count];
        for (int d = 0; d < facts.Count; d++)
        {
            items[d] = [];
            foreach (Quantity q in facts[d].Quantities)
            {
                // Only amounts of something: a bare number says nothing to align on.
                if (q.Head.Length > 0 || q.Predicate is not null)
                {
                    items[d].Add(q);
                }
            }

            counts[d] = items[d].Count;
        }

        var groups = FactAligner.Align(counts, (a, i, b, j) => Score(items[a][i], contexts[a], items[b][j], contexts[b], options), 0, out double[] best);
        int offset = 0;
        var firstIndex = new int[facts.Count];
        for (int d = 0; d < facts.Count; d++)
        {
            firstIndex[d] = offset;
            offset += counts[d];
        }

        foreach (var group in groups)
        {
            if (group.Count == 1)
            {
                var (d, i) = group[0];
                if (facts.Count > 1 && items[d][i].Head.Length > 0)
                {
                    claims.Add(new SingleSourceClaim { Kind = DiscrepancyKind.Number, Subject = SubjectOf([items[d][i]]), Mention = MentionOf(facts[d], items[d][i]) });
                }

                continue;
            }

            var members = new List<(int Document, Quantity Quantity)>();
            foreach (var (d, i) in group)
            {
                members.Add((d, items[d][i]));
            }

            var relation = RelationOf(members);
            double confidence = 1;
            var mentions = ImmutableArray.CreateBuilder<DiscrepancyMention>(members.Count);
            var quantities = new List<Quantity>(members.Count);
            foreach (var (d, q) in members)
            {
                mentions.Add(MentionOf(facts[d], q));
                quantities.Add(q);
            }

            foreach (var (d, i) in group)
            {
                confidence = Math.Min(confidence, Math.Min(1, best[firstIndex[d] + i]));
            }

            if (relation is null)
            {
                agreements.Add(new Agreement
                {
                    Kind = DiscrepancyKind.Number,
                    Subject = SubjectOf(quantities),
                    Value = mentions[0].Value,
                    Confidence = Math.Round(confidence, 3),
                    Mentions = mentions.MoveToImmutable(),
                });
                continue;
            }
        }
    }

    private static DiscrepancyMention MentionOf(DocumentFacts facts, Quantity q) =>
        DiscrepancyFinder.Mention(facts, q, FactTokenizer.Format(q.Value), q.Value, q.Interval, q.QualifierText);

    /// <summary>How the amounts of an aligned group relate, or null when they all say the same.</summary>
    internal static DiscrepancyRelation? RelationOf(IReadOnlyList<(int Document, Quantity Quantity)> members)
    {
        bool differ = false;
        bool disjoint = false;
        bool bothBounds = false;
        for (int x = 0; x < members.Count; x++)
        {
            for (int y = x + 1; y < members.Count; y++)
            {
                if (members[x].Document == members[y].Document)
                {
                    continue;
                }

                NumericInterval a = members[x].Quantity.Interval;
                NumericInterval b = members[y].Quantity.Interval;
                if (a == b)
                {
                    continue;
                }

                differ = true;
                if (!a.Overlaps(b))
                {
                    disjoint = true;
                }
                else if (IsBound(members[x].Quantity.Qualifier) && IsBound(members[y].Quantity.Qualifier))
                {
                    bothBounds = true;
                }
            }
        }

        if (!differ)
        {
            return null;
        }

        return disjoint ? DiscrepancyRelation.Contradiction : bothBounds ? DiscrepancyRelation.Precision : DiscrepancyRelation.Precision;
    }

    private static bool IsBound(QuantityQualifier q) => q is QuantityQualifier.MoreThan or QuantityQualifier.AtLeast or QuantityQualifier.LessThan or QuantityQualifier.AtMost or QuantityQualifier.Nearly;

    /// <summary>The alignment score of two amounts in [0, 1], or -1 when they cannot be about the same thing.</summary>
    internal static double Score(Quantity a, SentenceContexts ca, Quantity b, SentenceContexts cb, DiscrepancyFinderOptions options)
    {
        double magnitude;
        if (a.Value > 0 && b.Value > 0)
        {
            double ratio = Math.Max(a.Value, b.Value) / Math.Min(a.Value, b.Value);
            if (ratio > options.MaxMagnitudeRatio)
            {
                return -1;
            }

            // Small counts (a few people) differ by large ratios without being about different things.
            magnitude = Math.Max(a.Value, b.Value) <= 10 ? 0.75 : 1 - (Math.Log(ratio) / Math.Log(options.MaxMagnitudeRatio));
        }
        else
        {
            magnitude = a.Value == b.Value ? 1 : 0.5;
        }

        double predicate = PredicateSimilarity(a.Predicate, b.Predicate);
        if (predicate < 0)
        {
            return -1; // killed against injured: different counts, never the same fact
        }

        double noun = NounSimilarity(a, b);
        double qualifier = Direction(a.Qualifier) == Direction(b.Qualifier) ? 1 : 0.5;
        double context = SentenceContexts.Similarity(ca, a.Sentence, cb, b.Sentence);
        double score = (0.35 * noun) + (0.25 * context) + (0.2 * magnitude) + (0.1 * predicate) + (0.1 * qualifier);
        if (a.Interval == b.Interval)
        {
            score += 0.05;
        }

        if (score < options.NumberThreshold)
        {
            return -1;
        }

        // The words right around the mention only order candidates that passed; they never admit one.
        return Math.Min(1, score) + (0.1 * SentenceContexts.LocalSimilarity(ca, a.Start, a.NounEnd > a.End ? a.NounEnd : a.End, cb, b.Start, b.NounEnd > b.End ? b.NounEnd : b.End));
    }

    private static int Direction(QuantityQualifier q) => q switch
    {
        QuantityQualifier.MoreThan or QuantityQualifier.AtLeast => 1,
        QuantityQualifier.LessThan or QuantityQualifier.AtMost or QuantityQualifier.Nearly => -1,
        _ => 0,
    };

    /// <summary>Similarity of the counted nouns: fuzzy on the heads (plural and agent suffixes removed), so typos still match.</summary>
    internal static double NounSimilarity(Quantity a, Quantity b)
    {
        if (a.Head.Length == 0 || b.Head.Length == 0)
        {
            return a.Head.Length == b.Head.Length ? 0.3 : 0.2;
        }

        if (string.Equals(a.Head, b.Head, StringComparison.Ordinal))
        {
            return 1;
        }

        string sa = Singular(a.Head);
        string sb = Singular(b.Head);
        int best = Math.Max(Fuzz.Ratio(a.Head, b.Head), Fuzz.Ratio(sa, sb));
        best = Math.Max(best, Fuzz.Ratio(TrimAgent(sa), TrimAgent(sb)));
        double similarity = best / 100.0;
        if ((FactLexicon.Find(a.Head).Classes & FactLexicon.Find(b.Head).Classes & WordClass.Person) != 0)
        {
            similarity = Math.Max(similarity, 0.6);
        }

        return similarity;
    }

    private static string Singular(string head)
    {
        if (head.EndsWith("ies", StringComparison.Ordinal) && head.Length > 4)
        {
            return head[..^3] + "y";
        }

        return head.Length > 3 && head.EndsWith('s') && !head.EndsWith("ss", StringComparison.Ordinal) ? head[..^1] : head;
    }

    private static string TrimAgent(string word) => word.Length > 5 && word.EndsWith("er", StringComparison.Ordinal) ? word[..^2] : word;

    /// <summary>1 for the same outcome, 0.5 when one is unknown, 0.3 for unrelated verbs, -1 for killed against injured.</summary>
    private static double PredicateSimilarity(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return 0.5;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        WordClass ca = FactLexicon.Find(a).Classes & (WordClass.Killed | WordClass.Injured | WordClass.Shot);
        WordClass cb = FactLexicon.Find(b).Classes & (WordClass.Killed | WordClass.Injured | WordClass.Shot);
        if (ca != 0 && cb != 0)
        {
            if ((ca & cb) != 0)
            {
                return 1;
            }

            return ((ca | cb) & WordClass.Shot) != 0 ? 0.5 : -1;
        }

        return 0.3;
    }

    /// <summary>The subject of a group: the longest counted noun, with what happened to it.</summary>
    internal static string SubjectOf(IReadOnlyList<Quantity> quantities)
    {
        Quantity best = quantities[0];
        foreach (Quantity q in quantities)
        {
            if (q.Noun.Length > best.Noun.Length)
            {
                best = q;
            }
        }

        string? predicate = null;
        foreach (Quantity q in quantities)
        {
            predicate ??= q.Predicate;
        }

        string noun = best.Noun.Length > 0 ? best.Noun : "amount";
        return predicate is null ? noun : noun + " " + predicate;
    }
}
