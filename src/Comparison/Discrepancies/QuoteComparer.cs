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
                    if (!na.Contains(nb, StringComparison.Ordinal) && !nb.Contains(na, StringComparison.Ordinal) && Fuzz.PartialRatio(na, nb) < 100 && !SameWords(qa.Text, qb.Text))
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
            bool pronoun = false;
            foreach (var (d, i) in group)
            {
                Quote q = items[d][i].Quote;
                pronoun |= q.SpeakerFromPronoun;
                mentions.Add(DiscrepancyFinder.Mention(facts[d], q, differentSpeaker ? q.Speaker ?? string.Empty : q.Text, qualifier: q.Role));
            }

            // A speaker found through "he said", or named by one word (a title, a surname alone), is a guess; two full
            // names are what a reader can check. A quotation whose words are the same but for one or two content words
            // changes its meaning; a wider rewording is a paraphrase and stays below the default threshold.
            bool fullNames = true;
            foreach (var (d, i) in group)
            {
                fullNames &= items[d][i].Quote.Speaker?.Contains(' ', StringComparison.Ordinal) == true;
            }

            double confidence = differentSpeaker
                ? (pronoun || !fullNames ? 0.55 : 0.8)
                : (Substitutions(items[group[0].Document][group[0].Index].Quote.Text, items[group[1].Document][group[1].Index].Quote.Text) ? 0.75 : 0.5);

            discrepancies.Add(new Discrepancy
            {
                Kind = differentSpeaker ? DiscrepancyKind.Attribution : DiscrepancyKind.Quote,
                Subject = subject,
                Relation = differentSpeaker ? DiscrepancyRelation.Contradiction : DiscrepancyRelation.Contradiction,
                Severity = differentSpeaker ? DiscrepancySeverity.High : DiscrepancySeverity.Medium,
                Confidence = confidence,
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

    /// <summary>Whether two quotations hold the same letters once case, punctuation, spacing and apostrophes are set aside, or one holds the other's.</summary>
    internal static bool SameWords(string a, string b)
    {
        string x = Words(a);
        string y = Words(b);
        return x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal);
    }

    /// <summary>The letters and digits of a text, lower-cased, with nothing between them: spacing, punctuation and apostrophes typed any way compare equal.</summary>
    private static string Words(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Whether two quotations are the same words but for one or two content words put in the place of others
    /// ("what they're finding" against "what they're talking"); insertions, function words and numbers written
    /// as words do not count.
    /// </summary>
    internal static bool Substitutions(string a, string b)
    {
        string[] x = Tokens(a);
        string[] y = Tokens(b);
        var lcs = new int[x.Length + 1, y.Length + 1];
        for (int i = x.Length - 1; i >= 0; i--)
        {
            for (int j = y.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(x[i], y[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var onlyX = new List<string>();
        var onlyY = new List<string>();
        int p = 0;
        int q = 0;
        while (p < x.Length || q < y.Length)
        {
            if (p < x.Length && q < y.Length && string.Equals(x[p], y[q], StringComparison.Ordinal))
            {
                p++;
                q++;
            }
            else if (q >= y.Length || (p < x.Length && lcs[p + 1, q] >= lcs[p, q + 1]))
            {
                onlyX.Add(x[p++]);
            }
            else
            {
                onlyY.Add(y[q++]);
            }
        }

        int shared = lcs[0, 0];
        bool content = Content(onlyX) && Content(onlyY);
        return content && onlyX.Count <= 2 && onlyY.Count <= 2 && shared >= 4 && shared >= 0.8 * Math.Min(x.Length, y.Length);
    }

    private static bool Content(List<string> words)
    {
        foreach (string w in words)
        {
            if (w.Length > 3 && (FactLexicon.Find(w).Classes & (WordClass.Stop | WordClass.Auxiliary | WordClass.NumberWord | WordClass.Pronoun)) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Tokens(string text)
    {
        var words = new List<string>();
        var sb = new System.Text.StringBuilder();
        foreach (char c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019')
            {
                continue;
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        return [.. words];
    }
}
