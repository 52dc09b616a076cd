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
        string text = document.Text;

        // The body is the text without its repeated lines, read in place as the runs of lines it keeps (joined by
        // line breaks, which no token or name crosses): a long text is not copied.
        List<(int Start, int Length)> body = KeptLines(text);
        string lead = Lead(text, body, options.LeadCharacters);
        var content = new List<string>();
        var salient = new List<string>();
        var tokens = new List<Token>();

        // One string per distinct term: a long text repeats its words, and a string per occurrence cost about 40
        // bytes a word (a 200 MB document took gigabytes).
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(title, options.TitleWeight, content, salient, tokens, terms);
        Add(lead, options.LeadWeight - 1, content, salient, tokens, terms);
        foreach ((int start, int length) in body)
        {
            Add(text.AsSpan(start, length), 1, content, salient, tokens, terms);
        }

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

    /// <summary>The text without the second and later copies of any non-blank line (its <see cref="KeptLines"/> joined by line breaks).</summary>
    internal static string RemoveRepeatedLines(string text)
    {
        List<(int Start, int Length)> kept = KeptLines(text);
        return kept.Count == 1 && kept[0].Length == text.Length
            ? text
            : string.Join('\n', kept.Select(run => text.Substring(run.Start, run.Length)));
    }

    /// <summary>
    /// The runs of consecutive lines that are blank or the first with their trimmed text: the text without its
    /// repeated lines is these runs joined by line breaks.
    /// </summary>
    internal static List<(int Start, int Length)> KeptLines(string text)
    {
        if (text.IndexOf('\n', StringComparison.Ordinal) < 0)
        {
            return [(0, text.Length)];
        }

        // Lines are read in place and remembered by a hash of their trimmed text with where it first stood (checked
        // on a hash match): a long text is not split into a string per line and kept in a set a second time.
        var seen = new Dictionary<ulong, List<(int Start, int Length)>>();
        var runs = new List<(int Start, int Length)>();
        int runStart = 0, runEnd = 0;
        bool inRun = false;
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
                if (inRun)
                {
                    runs.Add((runStart, runEnd - runStart));
                    inRun = false;
                }
            }
            else
            {
                if (!inRun)
                {
                    runStart = start;
                    inRun = true;
                }

                runEnd = end;
            }

            start = end + 1;
        }

        if (inRun)
        {
            runs.Add((runStart, runEnd - runStart));
        }

        return runs;
    }

    // The first `length` characters of the body (the runs joined by line breaks), built from the runs.
    private static string Lead(string text, List<(int Start, int Length)> runs, int length)
    {
        if (runs.Count == 1)
        {
            return text.Substring(runs[0].Start, Math.Min(runs[0].Length, length));
        }

        var lead = new System.Text.StringBuilder(Math.Min(length, 4096));
        for (int k = 0; k < runs.Count && lead.Length < length; k++)
        {
            if (k > 0)
            {
                lead.Append('\n');
            }

            lead.Append(text, runs[k].Start, Math.Min(runs[k].Length, Math.Max(0, length - lead.Length)));
        }

        return lead.ToString(0, Math.Min(lead.Length, length));
    }

    private static void Add(ReadOnlySpan<char> text, int weight, List<string> content, List<string> salient, List<Token> tokens, Dictionary<string, string> terms)
    {
        if (weight <= 0 || text.Length == 0)
        {
            return;
        }

        // Tokens are read a piece of the text at a time (Tokenizer.TokenizePiece): only a piece's tokens, and those of
        // a name being read across a piece's end, are held.
        tokens.Clear();
        int next = 0;
        int i = 0;
        while (true)
        {
            if (i == tokens.Count)
            {
                if (next >= text.Length)
                {
                    break;
                }

                tokens.Clear();
                i = 0;
                next = Tokenizer.TokenizePiece(text, next, tokens);
                continue;
            }

            Token token = tokens[i];
            ReadOnlySpan<char> raw = text.Slice(token.Start, token.Length);
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
                while (HasNext(text, tokens, i, ref next) && tokens[i + 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[i + 1].Start]) && !LineBreakBetween(text, tokens[i], tokens[i + 1]))
                {
                    i++;
                    string name = Term(text.Slice(tokens[i].Start, tokens[i].Length), terms);
                    if (name.Length > 1 && !StopWords.Contains(name))
                    {
                        Repeat(content, name, weight);
                        Repeat(salient, name, weight);
                    }
                }
            }

            i++;
        }
    }

    // Whether a token follows token i, reading the next pieces onto the list when token i is the last one read.
    private static bool HasNext(ReadOnlySpan<char> text, List<Token> tokens, int i, ref int next)
    {
        while (i + 1 >= tokens.Count && next < text.Length)
        {
            next = Tokenizer.TokenizePiece(text, next, tokens);
        }

        return i + 1 < tokens.Count;
    }

    private static bool LineBreakBetween(ReadOnlySpan<char> text, Token a, Token b) => text[a.End..b.Start].Contains('\n');

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
