using System.Collections.Immutable;
using System.Text;
using Comparison.Facts;
using FuzzySharp;

namespace Comparison.Discrepancies;

/// <summary>Aligns quotations across documents; reports the same quotation given to different speakers, or in different words.</summary>
internal static class QuoteComparer
{
    private const int MinimumLength = 25;

    public static void Compare(IReadOnlyList<DocumentFacts> facts, DiscrepancyFinderOptions options, List<Discrepancy> discrepancies, List<Agreement> agreements)
    {
        var items = new List<(Quote Quote, string Normal)>[facts.Count];
        var counts = new int[facts.Count];
        for (int d = 0; d < facts.Count; d++)
        {
            items[d] = [];
            foreach (Quote q in facts[d].Quotes)
            {
                string normal = Normalize(q.Text);
                if (normal.Length >= MinimumLength)
                {
                    items[d].Add((q, normal));
                }
            }

            counts[d] = items[d].Count;
        }

        var groups = FactAligner.Align(counts, (a, i, b, j) =>
        {
            int partial = Fuzz.PartialRatio(items[a][i].Normal, items[b][j].Normal);
            return partial >= options.QuoteSimilarity ? partial / 100.0 : -1;
        }, 0, out _);

        foreach (var group in groups)
        {
            if (group.Count < 2)
            {
                continue;
            }

            bool differentSpeaker = false;
            bool differentWords = false;
            for (int x = 0; x < group.Count; x++)
            {
                for (int y = x + 1; y < group.Count; y++)
                {
                    if (group[x].Document == group[y].Document)
                    {
                        continue;
                    }

                    var (qa, na) = items[group[x].Document][group[x].Index];
                    var (qb, nb) = items[group[y].Document][group[y].Index];
                    if (!na.Contains(nb, StringComparison.Ordinal) && !nb.Contains(na, StringComparison.Ordinal) && Fuzz.PartialRatio(na, nb) < 100)
                    {
                        differentWords = true;
                    }

                    if (IsPersonName(qa.Speaker) && IsPersonName(qb.Speaker) && !SameSpeaker(qa.Speaker!, qb.Speaker!, options.NameSimilarity))
                    {
                        differentSpeaker = true;
                    }
                }
            }

            string first = items[group[0].Document][group[0].Index].Quote.Text;
            string subject = "\u201C" + (first.Length > 60 ? first[..60] + "\u2026" : first) + "\u201D";
            if (!differentSpeaker && !differentWords)
            {
                var agreed = ImmutableArray.CreateBuilder<DiscrepancyMention>(group.Count);
                foreach (var (d, i) in group)
                {
                    Quote q = items[d][i].Quote;
                    agreed.Add(DiscrepancyFinder.Mention(facts[d], q, q.Text, qualifier: q.Role));
                }

                agreements.Add(new Agreement { Kind = DiscrepancyKind.Quote, Subject = subject, Value = first, Confidence = 1, Mentions = agreed.MoveToImmutable() });
                continue;
            }

            var mentions = ImmutableArray.CreateBuilder<DiscrepancyMention>(group.Count);
            foreach (var (d, i) in group)
            {
                Quote q = items[d][i].Quote;
                mentions.Add(DiscrepancyFinder.Mention(facts[d], q, differentSpeaker ? q.Speaker ?? string.Empty : q.Text, qualifier: q.Role));
            }

            discrepancies.Add(new Discrepancy
            {
                Kind = differentSpeaker ? DiscrepancyKind.Attribution : DiscrepancyKind.Quote,
                Subject = subject,
                Relation = differentSpeaker ? DiscrepancyRelation.DifferentSpeaker : DiscrepancyRelation.DifferentWording,
                Severity = differentSpeaker ? DiscrepancySeverity.High : DiscrepancySeverity.Medium,
                Confidence = 1,
                Mentions = mentions.MoveToImmutable(),
            });
        }
    }

    private static bool IsPersonName(string? speaker) => speaker is { Length: > 1 } && char.IsUpper(speaker[0]);

    /// <summary>Same speaker when the surnames (last words) match, allowing spelling variants.</summary>
    private static bool SameSpeaker(string a, string b, int similarity)
    {
        string sa = a[(a.LastIndexOf(' ') + 1)..].ToLowerInvariant();
        string sb = b[(b.LastIndexOf(' ') + 1)..].ToLowerInvariant();
        return EntityAliases.SurnamesMatch(sa, sb, similarity);
    }

    /// <summary>Lower case, letters and digits only, single spaces: typography (curly quotes, dashes) never makes a difference.</summary>
    internal static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else if (ch is not '\'' and not '\u2019')
            {
                space = true;
            }
        }

        return sb.ToString();
    }
}
