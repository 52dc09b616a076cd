using System.Collections.Frozen;
using System.Collections.Immutable;
using Comparison.Documents;
using Comparison.Text;

namespace Comparison.Vectors;

/// <summary>Options of a <see cref="PassageAligner"/>.</summary>
public sealed record PassageAlignerOptions
{
    /// <summary>The default options.</summary>
    public static PassageAlignerOptions Default { get; } = new();

    /// <summary>How many consecutive equal terms make a seed. Default 3.</summary>
    public int SeedLength { get; init; } = 3;

    /// <summary>
    /// The most unmatched terms allowed between two matching runs of one passage, on either side (a changed word,
    /// a dropped clause). Default 8.
    /// </summary>
    public int MaxGap { get; init; } = 8;

    /// <summary>
    /// The fewest matched terms a passage needs, not counting stop words. Default 6: enough to leave out stock
    /// phrases ("Russian President Vladimir Putin said"), short enough for a one-sentence quote.
    /// </summary>
    public int MinContentTerms { get; init; } = 6;

    /// <summary>The least similarity (matched terms over the passage's terms on both sides) a passage needs. Default 0.5.</summary>
    public double MinSimilarity { get; init; } = 0.5;

    /// <summary>
    /// Words that neither make a seed on their own nor count toward <see cref="MinContentTerms"/>. Default
    /// scikit-learn's English list (<see cref="TfIdfOptions.EnglishStopWords"/>).
    /// </summary>
    public IReadOnlySet<string> StopWords { get; init; } = TfIdfOptions.EnglishStopWords;

    /// <summary>Checks every option; the exception names the first bad property.</summary>
    internal void Validate()
    {
        if (SeedLength is < 1 or > 16)
        {
            throw new ArgumentException($"SeedLength {SeedLength} must be in [1, 16].", nameof(SeedLength));
        }

        if (MaxGap < 0)
        {
            throw new ArgumentException($"MaxGap {MaxGap} must be at least 0.", nameof(MaxGap));
        }

        if (MinContentTerms < 1)
        {
            throw new ArgumentException($"MinContentTerms {MinContentTerms} must be at least 1.", nameof(MinContentTerms));
        }

        if (!(MinSimilarity >= 0 && MinSimilarity <= 1))
        {
            throw new ArgumentException($"MinSimilarity {MinSimilarity} must be in [0, 1].", nameof(MinSimilarity));
        }

        if (StopWords is null)
        {
            throw new ArgumentException("StopWords must not be null (use an empty set for none).", nameof(StopWords));
        }
    }
}

/// <summary>A passage two documents share: where it is in each original text, and how closely the two copies agree.</summary>
/// <param name="A">The span in the first text (UTF-16 offsets into the original text).</param>
/// <param name="B">The span in the second text.</param>
/// <param name="Similarity">Matched terms over all terms of the two spans, 2m / (a + b), in (0, 1]; 1 for a verbatim copy.</param>
/// <param name="MatchedTerms">How many terms of the passage match on both sides.</param>
public readonly record struct SharedPassage(TextSpan A, TextSpan B, double Similarity, int MatchedTerms);

/// <summary>
/// Finds every passage one text shares with another — wire copy run by two outlets, the same statement quoted
/// twice — as spans in both original texts, tolerant of small edits.
/// </summary>
/// <remarks>
/// <para>
/// Seed and extend: both texts are tokenised (<see cref="Tokenizer"/>) and their words normalised
/// (<see cref="TextNormalizer.NormalizeTerm"/>); every run of <see cref="PassageAlignerOptions.SeedLength"/> equal
/// terms, not all stop words, is a seed, and seeds on one diagonal merge into maximal matching runs. Runs are then
/// chained, in order in both texts, across gaps of at most <see cref="PassageAlignerOptions.MaxGap"/> terms on each
/// side, by dynamic programming that maximises matched terms minus half the gaps. The best chain becomes a
/// passage if it has enough content terms and similarity; its runs are removed and the search repeats. Passages
/// never overlap in either text.
/// </para>
/// <para>
/// Time O(a + b + s + r²) for texts of a and b terms, s seed matches and r runs (a few hundred for articles that
/// share a lot). Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class PassageAligner
{
    private readonly PassageAlignerOptions _options;
    private readonly FrozenSet<string> _stopWords;

    /// <summary>Creates an aligner.</summary>
    /// <param name="options">The options; default <see cref="PassageAlignerOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    public PassageAligner(PassageAlignerOptions? options = null)
    {
        _options = options ?? PassageAlignerOptions.Default;
        _options.Validate();
        _stopWords = _options.StopWords as FrozenSet<string> ?? _options.StopWords.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The options.</summary>
    public PassageAlignerOptions Options => _options;

    /// <summary>The passages two documents share.</summary>
    /// <param name="a">The first document.</param>
    /// <param name="b">The second document.</param>
    /// <returns>The passages, in order of their start in <paramref name="a"/>.</returns>
    /// <exception cref="ArgumentNullException">A document is <see langword="null"/>.</exception>
    public ImmutableArray<SharedPassage> Align(Document a, Document b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Align(a.Text, b.Text);
    }

    /// <summary>The passages two texts share.</summary>
    /// <param name="a">The first text.</param>
    /// <param name="b">The second text.</param>
    /// <returns>The passages, in order of their start in <paramref name="a"/>; spans index the texts as given.</returns>
    /// <exception cref="ArgumentNullException">A text is <see langword="null"/>.</exception>
    public ImmutableArray<SharedPassage> Align(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var stop = new List<bool>();
        Terms left = Analyse(a, ids, stop);
        Terms right = Analyse(b, ids, stop);
        List<Run> runs = FindRuns(left, right, stop);
        var passages = new List<SharedPassage>();
        while (runs.Count > 0)
        {
            List<Run> chain = BestChain(runs);
            Run first = chain[0];
            Run last = chain[^1];
            int matched = 0;
            int content = 0;
            foreach (Run run in chain)
            {
                matched += run.Length;
                for (int k = 0; k < run.Length; k++)
                {
                    content += stop[left.Ids[run.A + k]] ? 0 : 1;
                }
            }

            int termsA = last.A + last.Length - first.A;
            int termsB = last.B + last.Length - first.B;
            double similarity = 2.0 * matched / (termsA + termsB);
            if (content >= _options.MinContentTerms && similarity >= _options.MinSimilarity)
            {
                var spanA = TextSpan.FromBounds(left.Tokens[first.A].Start, left.Tokens[last.A + last.Length - 1].End);
                var spanB = TextSpan.FromBounds(right.Tokens[first.B].Start, right.Tokens[last.B + last.Length - 1].End);
                passages.Add(new SharedPassage(spanA, spanB, similarity, matched));
            }

            // Runs overlapping the chosen region on either side can no longer form a passage.
            int endA = last.A + last.Length;
            int endB = last.B + last.Length;
            runs.RemoveAll(r => (r.A < endA && r.A + r.Length > first.A) || (r.B < endB && r.B + r.Length > first.B));
        }

        passages.Sort((p, q) => p.A.Start.CompareTo(q.A.Start));
        return [.. passages];
    }

    private Terms Analyse(string text, Dictionary<string, int> ids, List<bool> stop)
    {
        var tokens = new List<Token>();
        foreach (Token token in Tokenizer.Tokenize(text))
        {
            if (token.IsTerm)
            {
                tokens.Add(token);
            }
        }

        var termIds = new int[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            string term = TextNormalizer.NormalizeTerm(text.AsSpan(tokens[i].Start, tokens[i].Length));
            if (!ids.TryGetValue(term, out int id))
            {
                id = ids.Count;
                ids.Add(term, id);
                stop.Add(_stopWords.Contains(term));
            }

            termIds[i] = id;
        }

        return new Terms(tokens, termIds);
    }

    // Maximal runs of equal terms, at least SeedLength long and not made of stop words only.
    private List<Run> FindRuns(Terms left, Terms right, List<bool> stop)
    {
        int k = _options.SeedLength;
        var seeds = new Dictionary<ulong, List<int>>();
        for (int i = 0; i + k <= left.Ids.Length; i++)
        {
            if (IsSeed(left.Ids, i, k, stop))
            {
                ulong key = Key(left.Ids, i, k);
                if (!seeds.TryGetValue(key, out List<int>? list))
                {
                    seeds[key] = list = [];
                }

                list.Add(i);
            }
        }

        var matches = new List<(int A, int B)>();
        for (int j = 0; j + k <= right.Ids.Length; j++)
        {
            if (seeds.TryGetValue(Key(right.Ids, j, k), out List<int>? list))
            {
                foreach (int i in list)
                {
                    if (left.Ids.AsSpan(i, k).SequenceEqual(right.Ids.AsSpan(j, k)))
                    {
                        matches.Add((i, j));
                    }
                }
            }
        }

        // Seeds on one diagonal that touch or overlap merge; a run ends where the diagonal's seeds stop.
        matches.Sort((p, q) => (p.A - p.B) != (q.A - q.B) ? (p.A - p.B).CompareTo(q.A - q.B) : p.A.CompareTo(q.A));
        var runs = new List<Run>();
        int m = 0;
        while (m < matches.Count)
        {
            (int a, int b) = matches[m];
            int end = a + k;
            int next = m + 1;
            while (next < matches.Count && matches[next].A - matches[next].B == a - b && matches[next].A <= end)
            {
                end = Math.Max(end, matches[next].A + k);
                next++;
            }

            // Extend: equal terms on both sides of the seeds belong to the run, stop words included.
            while (a > 0 && b > 0 && left.Ids[a - 1] == right.Ids[b - 1])
            {
                a--;
                b--;
            }

            while (end < left.Ids.Length && end - a + b < right.Ids.Length && left.Ids[end] == right.Ids[end - a + b])
            {
                end++;
            }

            if (runs.Count == 0 || runs[^1].A - runs[^1].B != a - b || runs[^1].A + runs[^1].Length < a)
            {
                runs.Add(new Run(a, b, end - a));
            }
            else
            {
                Run merged = runs[^1];
                runs[^1] = merged with { Length = Math.Max(merged.Length, end - merged.A) };
            }

            m = next;
        }

        runs.Sort((p, q) => p.A != q.A ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B));
        return runs;
    }

    // The chain of runs, increasing in both texts with bounded gaps, that maximises matched terms minus half the gaps.
    private List<Run> BestChain(List<Run> runs)
    {
        int count = runs.Count;
        var score = new double[count];
        var previous = new int[count];
        int best = 0;
        for (int r = 0; r < count; r++)
        {
            Run run = runs[r];
            score[r] = run.Length;
            previous[r] = -1;
            for (int p = 0; p < r; p++)
            {
                Run before = runs[p];
                int gapA = run.A - (before.A + before.Length);
                int gapB = run.B - (before.B + before.Length);
                if (gapA < 0 || gapB < 0 || gapA > _options.MaxGap || gapB > _options.MaxGap)
                {
                    continue;
                }

                double candidate = score[p] + run.Length - (0.5 * Math.Max(gapA, gapB));
                if (candidate > score[r])
                {
                    score[r] = candidate;
                    previous[r] = p;
                }
            }

            if (score[r] > score[best])
            {
                best = r;
            }
        }

        var chain = new List<Run>();
        for (int r = best; r >= 0; r = previous[r])
        {
            chain.Add(runs[r]);
        }

        chain.Reverse();
        return chain;
    }

    private static bool IsSeed(int[] ids, int start, int length, List<bool> stop)
    {
        for (int i = start; i < start + length; i++)
        {
            if (!stop[ids[i]])
            {
                return true;
            }
        }

        return false;
    }

    // Up to three 21-bit term ids packed exactly; longer seeds are folded (collisions are checked by the caller).
    private static ulong Key(int[] ids, int start, int length)
    {
        ulong key = 0;
        for (int i = start; i < start + length; i++)
        {
            key = (key << 21) ^ (uint)ids[i];
        }

        return key;
    }

    private readonly record struct Run(int A, int B, int Length);

    private sealed record Terms(List<Token> Tokens, int[] Ids);
}
