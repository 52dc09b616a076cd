using System.Globalization;
using System.Text;
using Comparison.Text;
using FuzzySharp;

namespace Comparison.Vectors;

/// <summary>How <see cref="FuzzySimilarity"/> prepares its two texts before comparing them.</summary>
public enum FuzzyPreprocessing
{
    /// <summary>
    /// The default: <see cref="FuzzySimilarity.Preprocess(string)"/> (Unicode normalisation, case folding, every
    /// character that is not a letter, digit or combining mark replaced by a space, white space collapsed and trimmed).
    /// </summary>
    Normalize = 0,

    /// <summary>Compare the texts exactly as given (case, punctuation and white space all count).</summary>
    None = 1,
}

/// <summary>
/// Fuzzy similarity of short strings (titles, names, quotations) on a 0-100 scale, where edit distance is the right
/// tool: the Levenshtein ratio and three of its fuzzywuzzy-style refinements, computed with FuzzySharp.
/// </summary>
/// <remarks>
/// <para>
/// <b>Definitions</b> (those of FuzzySharp 2.0.2, a port of Python's fuzzywuzzy). With L(x, y) the edit distance
/// in which a substitution costs 2 (insertions and deletions cost 1), and |x| the length in UTF-16 code units:
/// <see cref="Ratio(string, string, FuzzyPreprocessing)"/> = round(100 (|a| + |b| − L(a, b)) / (|a| + |b|));
/// <see cref="PartialRatio(string, string, FuzzyPreprocessing)"/> = the best ratio of the shorter text against a
/// window of the longer one, of the shorter one's length, placed where a matching block aligns them;
/// <see cref="TokenSetRatio(string, string, FuzzyPreprocessing)"/> compares the sorted words both texts share
/// (I) with I followed by the sorted words only one of them has, and takes the best of the three ratios, so a text
/// whose words are all in the other scores 100; <see cref="WeightedRatio(string, string, FuzzyPreprocessing)"/>
/// takes the best of the ratio, the token-sort and token-set ratios scaled by 0.95 and, when one text is at least
/// 1.5 times longer than the other, the partial ratio scaled by 0.9 (0.6 beyond 8 times longer, the token ratios
/// by 0.95 × that). Rounding is to the nearest integer, ties to even (as <see cref="Math.Round(double)"/>).
/// </para>
/// <para>
/// <b>Preprocessing.</b> FuzzySharp's own overloads used here do no preprocessing, and its optional "full"
/// preprocessor lower-cases with the current culture and replaces every character outside ASCII letters and digits
/// by a space (so "José" loses its "é", and Cyrillic or Greek names vanish). This class decides differently: by
/// default (<see cref="FuzzyPreprocessing.Normalize"/>) both texts go through
/// <see cref="Preprocess(string)"/>, which keeps letters and digits of every script, folds case culture-invariantly and
/// treats all punctuation as a word break, so "Lopez's" and "LOPEZ S" are equal. Diacritics are kept: "José" and "Jose"
/// differ by one substitution. Pass <see cref="FuzzyPreprocessing.None"/> to compare raw strings, or to compare many
/// times strings preprocessed once with <see cref="Preprocess(string)"/>.
/// </para>
/// <para>
/// <b>Where this differs from FuzzySharp</b>, for determinism and symmetry: words are sorted ordinally, not with the
/// current culture's comparer, and words are separated by any run of white space (no empty words); FuzzySharp's
/// partial ratio depends on argument order when both texts have the same length (it then takes the second as the
/// shorter one), so <see cref="PartialRatio(string, string, FuzzyPreprocessing)"/> takes the larger of the two orders
/// in that case. Python's fuzzywuzzy uses the partial token ratios inside its weighted ratio; FuzzySharp, and so this
/// class, uses the plain token ratios there.
/// </para>
/// <para>
/// <b>Empty texts.</b> When either text is empty (after preprocessing) every measure is 0: two missing titles are not
/// evidence of the same story. Identical non-empty texts score 100 on every measure.
/// </para>
/// <para>
/// Cost: O(|a| |b|) time for the ratio; the token measures sort words first. These are for short strings; use
/// TF-IDF cosine (<see cref="CosineSimilarity"/>) or shingles for whole articles. All members are pure and
/// thread-safe, and every result is symmetric in its two texts.
/// </para>
/// </remarks>
public static class FuzzySimilarity
{
    /// <summary>The Levenshtein ratio (substitution cost 2) of two texts, 0-100.</summary>
    /// <param name="a">A text.</param>
    /// <param name="b">Another text.</param>
    /// <param name="preprocessing">How to prepare the texts. Default <see cref="FuzzyPreprocessing.Normalize"/>.</param>
    /// <returns>The ratio in [0, 100]; 100 for equal non-empty texts, 0 when either text is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> or <paramref name="b"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="preprocessing"/> is not a defined value.</exception>
    public static int Ratio(string a, string b, FuzzyPreprocessing preprocessing = FuzzyPreprocessing.Normalize)
    {
        (a, b) = Prepare(a, b, preprocessing);
        return RatioCore(a, b);
    }

    /// <summary>The best ratio of the shorter text against an equally long window of the longer one, 0-100.</summary>
    /// <param name="a">A text.</param>
    /// <param name="b">Another text.</param>
    /// <param name="preprocessing">How to prepare the texts. Default <see cref="FuzzyPreprocessing.Normalize"/>.</param>
    /// <returns>The partial ratio in [0, 100]; 100 when one non-empty text occurs in the other, 0 when either is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> or <paramref name="b"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="preprocessing"/> is not a defined value.</exception>
    public static int PartialRatio(string a, string b, FuzzyPreprocessing preprocessing = FuzzyPreprocessing.Normalize)
    {
        (a, b) = Prepare(a, b, preprocessing);
        return PartialRatioCore(a, b);
    }

    /// <summary>
    /// The token-set ratio, 0-100: how far the words the two texts share account for each of them, word order and
    /// repeated words ignored.
    /// </summary>
    /// <param name="a">A text.</param>
    /// <param name="b">Another text.</param>
    /// <param name="preprocessing">How to prepare the texts. Default <see cref="FuzzyPreprocessing.Normalize"/>.</param>
    /// <returns>The ratio in [0, 100]; 100 when the words of one text are all words of the other, 0 when either is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> or <paramref name="b"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="preprocessing"/> is not a defined value.</exception>
    public static int TokenSetRatio(string a, string b, FuzzyPreprocessing preprocessing = FuzzyPreprocessing.Normalize)
    {
        (a, b) = Prepare(a, b, preprocessing);
        return TokenSetRatioCore(a, b);
    }

    /// <summary>
    /// The weighted ratio, 0-100: the best of the plain, token-sort, token-set and (for texts of quite different
    /// lengths) partial ratios, each scaled as fuzzywuzzy's WRatio scales it. A good single score for titles and names.
    /// </summary>
    /// <param name="a">A text.</param>
    /// <param name="b">Another text.</param>
    /// <param name="preprocessing">How to prepare the texts. Default <see cref="FuzzyPreprocessing.Normalize"/>.</param>
    /// <returns>The weighted ratio in [0, 100]; 100 for equal non-empty texts, 0 when either is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> or <paramref name="b"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="preprocessing"/> is not a defined value.</exception>
    public static int WeightedRatio(string a, string b, FuzzyPreprocessing preprocessing = FuzzyPreprocessing.Normalize)
    {
        (a, b) = Prepare(a, b, preprocessing);
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        const double unbaseScale = 0.95;
        double lengthRatio = (double)Math.Max(a.Length, b.Length) / Math.Min(a.Length, b.Length);
        double best = RatioCore(a, b);
        if (lengthRatio < 1.5)
        {
            best = Math.Max(best, TokenSortRatioCore(a, b) * unbaseScale);
            best = Math.Max(best, TokenSetRatioCore(a, b) * unbaseScale);
        }
        else
        {
            double partialScale = lengthRatio > 8 ? 0.6 : 0.9;
            best = Math.Max(best, PartialRatioCore(a, b) * partialScale);
            best = Math.Max(best, TokenSortRatioCore(a, b) * unbaseScale * partialScale);
            best = Math.Max(best, TokenSetRatioCore(a, b) * unbaseScale * partialScale);
        }

        return (int)Math.Round(best);
    }

    /// <summary>
    /// The default preprocessing of <see cref="FuzzyPreprocessing.Normalize"/>: NFKC normalisation, culture-invariant
    /// case folding, typographic quotes and dashes unified (<see cref="TextNormalizer.Normalize(string)"/>), then every
    /// character that is not a letter, a digit or a combining mark replaced by a space, runs of spaces collapsed, and
    /// the result trimmed.
    /// </summary>
    /// <param name="text">A text.</param>
    /// <returns>The preprocessed text (empty when <paramref name="text"/> has no letter or digit).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string Preprocess(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string normalized = TextNormalizer.Normalize(text).Text;
        var builder = new StringBuilder(normalized.Length);
        bool pendingSpace = false;
        foreach (Rune rune in normalized.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(rune.ToString());
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    private static bool IsWordRune(Rune rune)
    {
        if (Rune.IsLetterOrDigit(rune))
        {
            return true;
        }

        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private static (string A, string B) Prepare(string a, string b, FuzzyPreprocessing preprocessing)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return preprocessing switch
        {
            FuzzyPreprocessing.Normalize => (Preprocess(a), Preprocess(b)),
            FuzzyPreprocessing.None => (a, b),
            _ => throw new ArgumentOutOfRangeException(nameof(preprocessing), preprocessing, "Use FuzzyPreprocessing.Normalize or FuzzyPreprocessing.None."),
        };
    }

    // FuzzySharp's two-argument overloads compare the strings as given (no preprocessing) and return 0 for an empty one.
    private static int RatioCore(string a, string b) => a.Length == 0 || b.Length == 0 ? 0 : Fuzz.Ratio(a, b);

    private static int PartialRatioCore(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        int score = Fuzz.PartialRatio(a, b);
        // With equal lengths FuzzySharp's result depends on which text it takes as the shorter: take the better.
        return a.Length == b.Length && score < 100 ? Math.Max(score, Fuzz.PartialRatio(b, a)) : score;
    }

    private static int TokenSortRatioCore(string a, string b) =>
        RatioCore(string.Join(' ', SortedWords(a, distinct: false)), string.Join(' ', SortedWords(b, distinct: false)));

    private static int TokenSetRatioCore(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        string[] wordsA = SortedWords(a, distinct: true);
        string[] wordsB = SortedWords(b, distinct: true);
        var shared = new List<string>();
        var onlyA = new List<string>();
        var onlyB = new List<string>();
        int i = 0;
        int j = 0;
        while (i < wordsA.Length || j < wordsB.Length)
        {
            int order = i == wordsA.Length ? 1 : j == wordsB.Length ? -1 : string.CompareOrdinal(wordsA[i], wordsB[j]);
            if (order == 0)
            {
                shared.Add(wordsA[i++]);
                j++;
            }
            else if (order < 0)
            {
                onlyA.Add(wordsA[i++]);
            }
            else
            {
                onlyB.Add(wordsB[j++]);
            }
        }

        string intersection = string.Join(' ', shared);
        string withA = Join(intersection, onlyA);
        string withB = Join(intersection, onlyB);
        return Math.Max(Math.Max(RatioCore(intersection, withA), RatioCore(intersection, withB)), RatioCore(withA, withB));

        static string Join(string head, List<string> tail) =>
            tail.Count == 0 ? head : head.Length == 0 ? string.Join(' ', tail) : head + " " + string.Join(' ', tail);
    }

    private static string[] SortedWords(string text, bool distinct)
    {
        string[] words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(words, StringComparer.Ordinal);
        if (!distinct || words.Length < 2)
        {
            return words;
        }

        int count = 1;
        for (int i = 1; i < words.Length; i++)
        {
            if (!string.Equals(words[i], words[count - 1], StringComparison.Ordinal))
            {
                words[count++] = words[i];
            }
        }

        return words[..count];
    }
}
