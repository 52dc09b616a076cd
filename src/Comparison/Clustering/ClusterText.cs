using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Comparison.Hashing;
using Comparison.Documents;
using Comparison.Text;

namespace Comparison.Clustering;

/// <summary>
/// The terms a document contributes to event clustering: content words and salient terms (capitalised names and
/// numbers), each repeated by weight (title, lead, body) so that term frequencies carry the weighting.
/// </summary>
/// <remarks>
/// Before extraction the title loses its site-name segments (only the longest of the parts separated by
/// <c>" - "</c>, <c>" | "</c>, dashes or colons is kept) and the body loses repeated lines (a page's navigation and
/// teaser lines often appear twice). Salient terms are a deliberately simple heuristic: words starting with an
/// upper-case letter, and the words that follow them capitalised, except stop words, weekday and month names;
/// numbers become <c>#digits</c>. Thread safe (no state).
/// </remarks>
internal static class ClusterText
{
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
        """
        a about above after again against all am an and any are aren't as at be because been before being below between both but by
        can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't have haven't
        having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's
        me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's
        should shouldn't so some such than that that's the their theirs them themselves then there there's these they they'd they'll they're they've
        this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which
        while who who's whom why why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves said says say also
        will just one two new like get got told mr mrs ms
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Calendar = FrozenSet.ToFrozenSet(
        """
        january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
        monday tuesday wednesday thursday friday saturday sunday
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    private static readonly char[] TrimmedEdges = ['.', '\'', '-'];

    private static readonly string[] TitleSeparators = [" - ", " | ", " \u2013 ", " \u2014 ", " : ", " -- ", " :: "];

    /// <summary>The content terms and salient terms of one document.</summary>
    public static (List<string> Content, List<string> Salient) Extract(Document document, EventClustererOptions options)
    {
        string title = CleanTitle(document.Title);
        string body = RemoveRepeatedLines(document.Text);
        string lead = body[..Math.Min(body.Length, options.LeadCharacters)];
        var content = new List<string>();
        var salient = new List<string>();
        var tokens = new List<Token>();

        // One string per distinct term: a long text repeats its words, and a string per occurrence cost about 40
        // bytes a word (a 200 MB document took gigabytes).
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(title, options.TitleWeight, content, salient, tokens, terms);
        Add(lead, options.LeadWeight - 1, content, salient, tokens, terms);
        Add(body, 1, content, salient, tokens, terms);
        return (content, salient);
    }

    /// <summary>The longest part of a title split at site-name separators (" - ", " | ", dashes, colons).</summary>
    internal static string CleanTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return string.Empty;
        }

        string best = string.Empty;
        int start = 0;
        while (start <= title.Length)
        {
            int end = title.Length, skip = 0;
            foreach (string separator in TitleSeparators)
            {
                int at = title.IndexOf(separator, start, StringComparison.Ordinal);
                if (at >= 0 && at < end)
                {
                    end = at;
                    skip = separator.Length;
                }
            }

            string part = title[start..end].Trim();
            if (part.Length > best.Length)
            {
                best = part;
            }

            if (skip == 0)
            {
                break;
            }

            start = end + skip;
        }

        return best;
    }

    /// <summary>The text without the second and later copies of any non-blank line.</summary>
    internal static string RemoveRepeatedLines(string text)
    {
        if (text.IndexOf('\n', StringComparison.Ordinal) < 0)
        {
            return text;
        }

        // Lines are read in place and remembered by a hash of their trimmed text with where it first stood (checked
        // on a hash match), and the text is copied only once a line repeats: a long text is not split into a string
        // per line and kept in a set a second time.
        var seen = new Dictionary<ulong, List<(int Start, int Length)>>();
        System.Text.StringBuilder? builder = null;
        int kept = 0;
        for (int start = 0; start <= text.Length;)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            ReadOnlySpan<char> line = text.AsSpan(start, end - start);
            ReadOnlySpan<char> key = line.Trim();
            bool repeated = false;
            if (key.Length > 0)
            {
                int keyStart = start + (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(line), ref MemoryMarshal.GetReference(key)) / sizeof(char));
                ref List<(int Start, int Length)>? firsts = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, XxHash64.HashChars(key), out _);
                foreach ((int s, int l) in firsts ??= [])
                {
                    repeated |= text.AsSpan(s, l).SequenceEqual(key);
                }

                if (!repeated)
                {
                    firsts.Add((keyStart, key.Length));
                }
            }

            if (repeated)
            {
                builder ??= new System.Text.StringBuilder(text.Length).Append(text, 0, kept);
            }
            else if (builder is null)
            {
                kept = end;
            }
            else
            {
                if (builder.Length > 0 || kept > 0)
                {
                    builder.Append('\n');
                }

                builder.Append(line);
            }

            start = end + 1;
        }

        return builder?.ToString() ?? text;
    }

    private static void Add(string text, int weight, List<string> content, List<string> salient, List<Token> tokens, Dictionary<string, string> terms)
    {
        if (weight <= 0 || text.Length == 0)
        {
            return;
        }

        tokens.Clear();
        Tokenizer.Tokenize(text.AsSpan(), tokens);
        int i = 0;
        while (i < tokens.Count)
        {
            Token token = tokens[i];
            ReadOnlySpan<char> raw = text.AsSpan(token.Start, token.Length);
            if (token.Kind is not (TokenKind.Word or TokenKind.Number))
            {
                i++;
                continue;
            }

            string term = Term(raw, terms);
            bool kept = term.Length > 1 && !StopWords.Contains(term);
            if (kept)
            {
                Repeat(content, term, weight);
            }

            if (char.IsAsciiDigit(raw[0]))
            {
                // A number, or a word led by one ("15-year-old"): ages, counts, addresses tell incidents apart.
                Repeat(salient, Intern("#" + LeadingNumber(raw), terms), weight);
            }
            else if (char.IsUpper(raw[0]) && kept && !Calendar.Contains(term))
            {
                Repeat(salient, term, weight);

                // The capitalised words that follow belong to the same name ("Kim Jong Un", "Bibb County").
                while (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[i + 1].Start]) && !LineBreakBetween(text, tokens[i], tokens[i + 1]))
                {
                    i++;
                    string next = Term(text.AsSpan(tokens[i].Start, tokens[i].Length), terms);
                    if (next.Length > 1 && !StopWords.Contains(next))
                    {
                        Repeat(content, next, weight);
                        Repeat(salient, next, weight);
                    }
                }
            }

            i++;
        }
    }

    private static bool LineBreakBetween(string text, Token a, Token b) => text.AsSpan(a.End, b.Start - a.End).Contains('\n');

    private static string Term(ReadOnlySpan<char> token, Dictionary<string, string> terms)
    {
        string term = TextNormalizer.NormalizeTerm(token);
        return Intern(term.Trim(TrimmedEdges), terms);
    }

    private static string Intern(string term, Dictionary<string, string> terms)
    {
        ref string? known = ref CollectionsMarshal.GetValueRefOrAddDefault(terms, term, out _);
        return known ??= term;
    }

    // The number a token starts with, thousands separators removed ("45,000" -> "45000", "15-year-old" -> "15").
    private static string LeadingNumber(ReadOnlySpan<char> token)
    {
        Span<char> buffer = stackalloc char[Math.Min(token.Length, 64)];
        int n = 0;
        for (int k = 0; k < token.Length && n < buffer.Length; k++)
        {
            char c = token[k];
            if (char.IsAsciiDigit(c) || (c == '.' && k + 1 < token.Length && char.IsAsciiDigit(token[k + 1])))
            {
                buffer[n++] = c;
            }
            else if (c != ',' || k + 1 >= token.Length || !char.IsAsciiDigit(token[k + 1]))
            {
                break;
            }
        }

        return new string(buffer[..n]);
    }

    private static void Repeat(List<string> list, string term, int times)
    {
        for (int k = 0; k < times; k++)
        {
            list.Add(term);
        }
    }
}
