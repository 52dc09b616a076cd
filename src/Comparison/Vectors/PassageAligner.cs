using System.Collections.Frozen;
using System.Globalization;
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
    /// phrases ("a spokeswoman for the county sheriff said"), short enough for a one-sentence quote.
    /// </summary>
    public int MinContentTerms { get; init; } = 6;

    /// <summary>The least similarity (matched terms over the passage's terms on both sides) a passage needs. Default 0.5.</summary>
    public double MinSimilarity { get; init; } = 0.5;

    /// <summary>
    /// Words that neither make a seed on their own nor count toward <see cref="MinContentTerms"/>. Default
    /// scikit-learn's English list (<see cref="TfIdfOptions.EnglishStopWords"/>).
    /// </summary>
    public IReadOnlySet<string> StopWords { get; init; } = TfIdfOptions.EnglishStopWords;

    /// <summary>
    /// The longest text, in UTF-16 code units, the aligner takes; a longer one is refused with a
    /// <see cref="DocumentFormatException"/> rather than running out of memory (aligning costs about 40 bytes a
    /// character of each text at its peak). Default 16,777,216 (16 Mi characters, about 1.3 GB for two such texts).
    /// </summary>
    public int MaxTextLength { get; init; } = 16 << 20;

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

        if (MaxTextLength < 1)
        {
            throw new ArgumentException($"MaxTextLength {MaxTextLength} must be at least 1.", nameof(MaxTextLength));
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
/// Time O((a + b) log(a + b) + s log s + c·r·w) for texts of a and b terms, s seed matches, r runs, c chains taken and
/// w runs ending within <see cref="PassageAlignerOptions.MaxGap"/> terms of a run: the seeds of both texts are sorted
/// and merge-joined; a phrase repeated all through both texts pairs each occurrence only with the occurrences of
/// about the same rank in the other (more than 1,024 pairs of one seed), so a text aligned with itself, however
/// repetitive, costs near-linear time; a chain's predecessors are looked up by their end. Instances are immutable
/// and thread-safe.
/// </para>
/// </remarks>
public sealed class PassageAligner
{
    // More pairs than this for one seed key, and the key pairs occurrences by rank (see FindRuns).
    private const int MaxPairsPerKey = 1024;

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
    /// <param name="cancellationToken">Stops the alignment (it is checked throughout, so a large pair stops within a fraction of a second).</param>
    /// <returns>The passages, in order of their start in <paramref name="a"/>.</returns>
    /// <exception cref="ArgumentNullException">A document is <see langword="null"/>.</exception>
    /// <exception cref="DocumentFormatException">A text is longer than <see cref="PassageAlignerOptions.MaxTextLength"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ImmutableArray<SharedPassage> Align(Document a, Document b, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckLength(a.Text, $"Document '{a.Id}'");
        CheckLength(b.Text, $"Document '{b.Id}'");
        return Align(a.Text, b.Text, cancellationToken);
    }

    /// <summary>The passages two texts share.</summary>
    /// <param name="a">The first text.</param>
    /// <param name="b">The second text.</param>
    /// <param name="cancellationToken">Stops the alignment (it is checked throughout, so a large pair stops within a fraction of a second).</param>
    /// <returns>The passages, in order of their start in <paramref name="a"/>; spans index the texts as given.</returns>
    /// <exception cref="ArgumentNullException">A text is <see langword="null"/>.</exception>
    /// <exception cref="DocumentFormatException">A text is longer than <see cref="PassageAlignerOptions.MaxTextLength"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ImmutableArray<SharedPassage> Align(string a, string b, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckLength(a, "The first text");
        CheckLength(b, "The second text");
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var stop = new List<bool>();
        Terms left = Analyse(a, ids, stop, cancellationToken);
        Terms right = Analyse(b, ids, stop, cancellationToken);
        List<Run> runs = FindRuns(left, right, stop, cancellationToken);
        var passages = new List<SharedPassage>();
        while (runs.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<Run> chain = BestChain(runs, cancellationToken);
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

    private void CheckLength(string text, string what)
    {
        if (text.Length > _options.MaxTextLength)
        {
            throw new DocumentFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"{what} has {text.Length:N0} characters; passages are aligned in texts of at most {_options.MaxTextLength:N0} (PassageAlignerOptions.MaxTextLength), so that the alignment fits in memory."));
        }
    }

    private Terms Analyse(string text, Dictionary<string, int> ids, List<bool> stop, CancellationToken cancellationToken)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens, cancellationToken);
        tokens.RemoveAll(static token => !token.IsTerm);

        // Most terms are short printable ASCII: normalised into a buffer and looked up by span, so a term seen before
        // costs no string.
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> bySpan = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        var termIds = new int[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ReadOnlySpan<char> raw = text.AsSpan(tokens[i].Start, tokens[i].Length);
            if (!TextNormalizer.TryNormalizeSimpleTerm(raw, buffer) || !bySpan.TryGetValue(buffer[..TextNormalizer.StripPossessive(buffer[..raw.Length])], out int id))
            {
                string term = TextNormalizer.NormalizeTerm(raw);
                if (!ids.TryGetValue(term, out id))
                {
                    id = ids.Count;
                    ids.Add(term, id);
                    stop.Add(_stopWords.Contains(term));
                }
            }

            termIds[i] = id;
        }

        return new Terms(tokens, termIds);
    }

    // Maximal runs of equal terms, at least SeedLength long and not made of stop words only. The seeds of both texts
    // are sorted by key and merge-joined, so the work is the pairs looked at, not a probe per position into lists. A key
    // with more than MaxPairsPerKey pairs (a phrase repeated all through both texts) pairs each occurrence in B only
    // with the occurrences of about the same rank in A, so a text that repeats itself costs linear, not quadratic,
    // work and still aligns copy with copy; articles never repeat a phrase that often, and keep every pair.
    private List<Run> FindRuns(Terms left, Terms right, List<bool> stop, CancellationToken cancellationToken)
    {
        int k = _options.SeedLength;
        long[] seedsA = SortedSeeds(left.Ids, k, stop, out ulong[] keysA);
        cancellationToken.ThrowIfCancellationRequested();
        long[] seedsB = SortedSeeds(right.Ids, k, stop, out ulong[] keysB);
        cancellationToken.ThrowIfCancellationRequested();

        // For each seed position j of B, the seeds of A it pairs with: seedsA[from[j] .. to[j]).
        var from = new int[keysB.Length];
        var to = new int[keysB.Length];
        int x = 0, y = 0;
        while (x < seedsA.Length && y < seedsB.Length)
        {
            ulong ka = keysA[(int)seedsA[x]], kb = keysB[(int)seedsB[y]];
            if (ka != kb)
            {
                x += ka < kb ? 1 : 0;
                y += kb < ka ? 1 : 0;
                continue;
            }

            int xEnd = x, yEnd = y;
            while (xEnd < seedsA.Length && keysA[(int)seedsA[xEnd]] == ka)
            {
                xEnd++;
            }

            while (yEnd < seedsB.Length && keysB[(int)seedsB[yEnd]] == kb)
            {
                yEnd++;
            }

            int na = xEnd - x, nb = yEnd - y;
            bool all = (long)na * nb <= MaxPairsPerKey;
            for (int t = 0; t < nb; t++)
            {
                int j = (int)seedsB[y + t];
                int rank = (int)((long)t * na / nb);
                from[j] = x + (all ? 0 : Math.Max(0, rank - 1));
                to[j] = all ? xEnd : x + Math.Min(na, rank + 2);
            }

            x = xEnd;
            y = yEnd;
        }

        // B is walked in order, so each diagonal's seeds come in order: the first seed of a run extends to the whole
        // maximal run of equal terms (stop words included), and the seeds inside it are skipped without a look. Every
        // run holds at least one seed, as when all matches were listed, sorted by diagonal and merged.
        var reach = new Dictionary<int, int>();
        var runs = new List<Run>();
        for (int j = 0; j < keysB.Length; j++)
        {
            if ((j & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (int s = from[j]; s < to[j]; s++)
            {
                int i = (int)seedsA[s];
                if (reach.TryGetValue(i - j, out int covered) && i < covered)
                {
                    continue;
                }

                if (!left.Ids.AsSpan(i, k).SequenceEqual(right.Ids.AsSpan(j, k)))
                {
                    continue;
                }

                int a = i, b = j, end = i + k;
                while (a > 0 && b > 0 && left.Ids[a - 1] == right.Ids[b - 1])
                {
                    a--;
                    b--;
                }

                while (end < left.Ids.Length && end - a + b < right.Ids.Length && left.Ids[end] == right.Ids[end - a + b])
                {
                    end++;
                }

                reach[i - j] = end;
                runs.Add(new Run(a, b, end - a));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        runs.Sort((p, q) => p.A != q.A ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B));
        return runs;
    }

    // The seed positions of a text sorted by (key, position), as (position) longs ordered through the keys; keys[i] is
    // position i's key.
    private static long[] SortedSeeds(int[] ids, int k, List<bool> stop, out ulong[] keys)
    {
        int count = Math.Max(0, ids.Length - k + 1);
        keys = new ulong[count];
        var positions = new List<long>(count);
        for (int i = 0; i < count; i++)
        {
            if (IsSeed(ids, i, k, stop))
            {
                keys[i] = Key(ids, i, k);
                positions.Add(i);
            }
        }

        long[] result = [.. positions];
        ulong[] sortKeys = new ulong[result.Length];
        for (int p = 0; p < result.Length; p++)
        {
            sortKeys[p] = keys[(int)result[p]];
        }

        // Stable by position within a key: the positions go in ascending, and equal keys keep that order.
        Array.Sort(sortKeys, result);
        for (int start = 0, p = 1; p <= result.Length; p++)
        {
            if (p == result.Length || sortKeys[p] != sortKeys[start])
            {
                Array.Sort(result, start, p - start);
                start = p;
            }
        }

        return result;
    }

    // The chain of runs, increasing in both texts with bounded gaps, that maximises matched terms minus half the gaps.
    // A run's possible predecessors end at most MaxGap terms before it in A: they are found through the runs sorted
    // by their end, not by scanning every earlier run, and visited in run order so that ties go as they always did.
    private List<Run> BestChain(List<Run> runs, CancellationToken cancellationToken)
    {
        int count = runs.Count;
        var score = new double[count];
        var previous = new int[count];
        var ends = new long[count];
        for (int r = 0; r < count; r++)
        {
            ends[r] = ((long)(runs[r].A + runs[r].Length) << 32) | (uint)r;
        }

        Array.Sort(ends);
        var candidates = new List<int>();
        int best = 0;
        for (int r = 0; r < count; r++)
        {
            if ((r & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Run run = runs[r];
            score[r] = run.Length;
            previous[r] = -1;
            candidates.Clear();
            long lowest = (long)Math.Max(0, run.A - _options.MaxGap) << 32;
            int e = Array.BinarySearch(ends, lowest);
            for (e = e < 0 ? ~e : e; e < count && (int)(ends[e] >> 32) <= run.A; e++)
            {
                candidates.Add((int)ends[e]);
            }

            candidates.Sort();
            foreach (int p in candidates)
            {
                Run before = runs[p];
                int gapA = run.A - (before.A + before.Length);
                int gapB = run.B - (before.B + before.Length);
                if (p >= r || gapA < 0 || gapB < 0 || gapA > _options.MaxGap || gapB > _options.MaxGap)
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
