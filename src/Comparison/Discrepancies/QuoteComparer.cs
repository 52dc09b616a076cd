using System.Collections.Immutable;
using System.Text;
using Comparison.Facts;
using Comparison.Hashing;
using FuzzySharp;

namespace Comparison.Discrepancies;

/// <summary>Aligns quotations across documents; reports the same quotation given to different speakers, or in different words.</summary>
internal static class QuoteComparer
{
    private const int MinimumLength = 25;

    /// <summary>From this many words on, two quotes are only scored when they share a fifth of the shorter one's pairs of adjacent words.</summary>
    private const int PrefilterWords = 8;

    /// <summary>The least <see cref="DiscrepancyFinderOptions.QuoteSimilarity"/> at which the word-pair prefilter is used.</summary>
    private const int PrefilterSimilarity = 70;

    public static void Compare(IReadOnlyList<DocumentFacts> facts, DiscrepancyFinderOptions options, List<Discrepancy> discrepancies, List<Agreement> agreements)
    {
        var items = new List<(Quote Quote, string Normal, HashSet<ulong> Bigrams)>[facts.Count];
        var counts = new int[facts.Count];
        for (int d = 0; d < facts.Count; d++)
        {
            items[d] = [];
            foreach (Quote q in facts[d].Quotes)
            {
                string normal = Normalize(q.Text);
                if (normal.Length >= MinimumLength)
                {
                    items[d].Add((q, normal, Bigrams(normal)));
                }
            }

            counts[d] = items[d].Count;
        }

        var groups = FactAligner.Align(counts, (a, i, b, j) =>
        {
            // FuzzySharp's partial ratio costs O(n·m) per pair, so at demanding thresholds pairs that cannot come close
            // are not scored: from six words on, quotes sharing no two adjacent words (half the words must differ
            // for that), and from PrefilterWords words on, quotes sharing under a fifth of the shorter one's pairs.
            // Shorter quotes are always scored: "impeach that man" is 85% like "impeach the man" with no pair shared.
            HashSet<ulong> x = items[a][i].Bigrams, y = items[b][j].Bigrams;
            if (x.Count > y.Count)
            {
                (x, y) = (y, x);
            }

            int shared = SharedCount(x, y);
            if (options.QuotePrefilter && options.QuoteSimilarity >= PrefilterSimilarity
                && ((x.Count >= PrefilterWords - 3 && shared == 0) || (x.Count >= PrefilterWords - 1 && shared * 5 < x.Count)))
            {
                return -1;
            }

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

                    var (qa, na, _) = items[group[x].Document][group[x].Index];
                    var (qb, nb, _) = items[group[y].Document][group[y].Index];
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

    /// <summary>The hashes of every pair of adjacent words of a normalised quote (words are single-space separated).</summary>
    private static HashSet<ulong> Bigrams(string normal)
    {
        var bigrams = new HashSet<ulong>();
        int start = 0;
        int space = normal.IndexOf(' ', StringComparison.Ordinal);
        while (space >= 0)
        {
            int next = normal.IndexOf(' ', space + 1);
            int end = next < 0 ? normal.Length : next;
            bigrams.Add(XxHash64.HashChars(normal.AsSpan(start, end - start)));
            start = space + 1;
            space = next;
        }

        return bigrams;
    }

    private static int SharedCount(HashSet<ulong> smaller, HashSet<ulong> larger)
    {
        int shared = 0;
        foreach (ulong bigram in smaller)
        {
            if (larger.Contains(bigram))
            {
                shared++;
            }
        }

        return shared;
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
