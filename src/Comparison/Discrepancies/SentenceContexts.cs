using Comparison.Facts;

namespace Comparison.Discrepancies;

/// <summary>
/// The content words around each sentence of a document, for comparing the settings of two facts:
/// five-letter prefixes of words (a cheap stemmer: injured/injuries, border/borders), names weighted double,
/// the previous sentence at half weight. Dates, numbers and function words are left out, so two mentions
/// that differ only in the fact itself have identical contexts.
/// </summary>
internal sealed class SentenceContexts
{
    private const int StemLength = 5;
    private const int Window = 3;
    private readonly List<Dictionary<string, double>> _sentences = [];
    private readonly List<(int Start, int End, string Word)> _words = [];

    public SentenceContexts(DocumentFacts facts)
    {
        var tokens = new List<FactToken>();
        var sentences = new List<(int Start, int End)>();
        string text = facts.Document.Text;
        FactTokenizer.Tokenize(text, tokens, sentences);
        var own = new List<Dictionary<string, double>>(sentences.Count);
        for (int s = 0; s < sentences.Count; s++)
        {
            own.Add(new Dictionary<string, double>(StringComparer.Ordinal));
        }

        foreach (var t in tokens)
        {
            if (t.Kind == FactTokenKind.Word)
            {
                _words.Add((t.Start, t.End, text.Substring(t.Start, t.Length).ToLowerInvariant()));
            }

            if (t.Kind != FactTokenKind.Word || t.Length < 3
                || (t.Classes & (WordClass.Stop | WordClass.Auxiliary | WordClass.Month | WordClass.Weekday | WordClass.RelativeDay | WordClass.NumberWord | WordClass.Scale | WordClass.Reporting | WordClass.Pronoun | WordClass.CommonCapital)) != 0
                || char.IsDigit(text[t.Start]))
            {
                continue;
            }

            string stem = Stem(text.AsSpan(t.Start, t.Length));
            double weight = t.Capitalized && !t.SentenceStart ? 2 : 1;
            var bag = own[t.Sentence];
            bag[stem] = Math.Max(bag.TryGetValue(stem, out double w) ? w : 0, weight);
        }

        for (int s = 0; s < own.Count; s++)
        {
            var merged = new Dictionary<string, double>(own[s], StringComparer.Ordinal);
            if (s > 0)
            {
                foreach (var (stem, w) in own[s - 1])
                {
                    merged[stem] = Math.Max(merged.TryGetValue(stem, out double m) ? m : 0, w / 2);
                }
            }

            _sentences.Add(merged);
        }
    }

    /// <summary>The stem of a word: lower case, no possessive, at most five letters.</summary>
    internal static string Stem(ReadOnlySpan<char> word)
    {
        if (word.Length > 2 && (word[^2] is '\'' or '\u2019'))
        {
            word = word[..^2];
        }

        Span<char> buffer = stackalloc char[StemLength];
        int n = Math.Min(word.Length, StemLength);
        for (int i = 0; i < n; i++)
        {
            buffer[i] = char.ToLowerInvariant(word[i]);
        }

        return new string(buffer[..n]);
    }

    /// <summary>Weighted Jaccard similarity of the contexts of two sentences, in [0, 1].</summary>
    public static double Similarity(SentenceContexts a, int sentenceA, SentenceContexts b, int sentenceB)
    {
        if ((uint)sentenceA >= (uint)a._sentences.Count || (uint)sentenceB >= (uint)b._sentences.Count)
        {
            return 0;
        }

        var x = a._sentences[sentenceA];
        var y = b._sentences[sentenceB];
        double min = 0;
        double max = 0;
        foreach (var (stem, wx) in x)
        {
            if (y.TryGetValue(stem, out double wy))
            {
                min += Math.Min(wx, wy);
                max += Math.Max(wx, wy);
            }
            else
            {
                max += wx;
            }
        }

        foreach (var (stem, wy) in y)
        {
            if (!x.ContainsKey(stem))
            {
                max += wy;
            }
        }

        return max == 0 ? 0 : min / max;
    }

    /// <summary>
    /// Similarity of the words right around two spans (three before, three after, by side), in [0, 1]: tells
    /// apart two mentions in one sentence ("on Saturday night, a spokesman said Sunday").
    /// </summary>
    public static double LocalSimilarity(SentenceContexts a, int startA, int endA, SentenceContexts b, int startB, int endB)
    {
        var x = a.Around(startA, endA);
        var y = b.Around(startB, endB);
        int shared = 0;
        foreach (string w in x)
        {
            if (y.Contains(w))
            {
                shared++;
            }
        }

        int union = x.Count + y.Count - shared;
        return union == 0 ? 0 : (double)shared / union;
    }

    /// <summary>Every word of the document in order: offsets and the lower-cased text.</summary>
    internal IReadOnlyList<(int Start, int End, string Word)> Words => _words;

    /// <summary>The index of the first word that ends after <paramref name="offset"/>.</summary>
    internal int WordAt(int offset)
    {
        int lo = 0;
        int hi = _words.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_words[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private HashSet<string> Around(int start, int end)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        int lo = WordAt(start);

        for (int k = lo - 1, n = 0; k >= 0 && n < Window; k--, n++)
        {
            set.Add("<" + _words[k].Word);
        }

        int after = lo;
        while (after < _words.Count && _words[after].Start < end)
        {
            after++;
        }

        for (int k = after, n = 0; k < _words.Count && n < Window; k++, n++)
        {
            set.Add(">" + _words[k].Word);
        }

        return set;
    }

    /// <summary>The stems of one sentence (for subjects).</summary>
    public IReadOnlyDictionary<string, double> Of(int sentence) => _sentences[sentence];
}
