using System.Globalization;

namespace Comparison.Facts;

/// <summary>
/// The single pass that feeds every fact scanner: tokens with offsets into the original text, their
/// lexicon classes, and sentence boundaries.
/// </summary>
/// <remarks>
/// Hand-written rather than a regular expression so that its cost is one look at each character and one
/// frozen-dictionary probe per word, whatever the input (no backtracking).
/// </remarks>
internal static class FactTokenizer
{
    /// <summary>Tokenises <paramref name="text"/> into <paramref name="tokens"/> and fills <paramref name="sentences"/> with (start, end) pairs.</summary>
    public static void Tokenize(string text, List<FactToken> tokens, List<(int Start, int End)> sentences)
    {
        FactToken[] buffer = new FactToken[Math.Max(16, text.Length / 4)];
        int count = Tokenize(text, ref buffer, sentences);
        tokens.Clear();
        tokens.AddRange(buffer.AsSpan(0, count));
    }

    /// <summary>
    /// Tokenises <paramref name="text"/> into <paramref name="buffer"/> (grown when too small; the tokens are
    /// written in place, with no list in between) and returns the number of tokens.
    /// </summary>
    public static int Tokenize(string text, ref FactToken[] buffer, List<(int Start, int End)> sentences)
    {
        int count = 0;
        sentences.Clear();
        ReadOnlySpan<char> s = text;
        int i = 0;
        int sentence = 0;
        bool newline = true;
        bool space = true;
        bool pendingBreak = true;
        bool lastWasPunctuation = false;
        int lastEnd = 0;
        int sentenceStart = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == ' ')
            {
                space = true;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (c is '\n' or '\r' or '\u2029' or '\u2028')
                {
                    newline = true;
                }

                space = true;
                i++;
                continue;
            }

            var token = new FactToken { Start = i, SpaceBefore = space, NewlineBefore = newline };
            if (IsLetterOrDigit(c))
            {
                int end = ScanWord(s, i, out bool numeric);
                token.Length = end - i;
                token.Kind = numeric ? FactTokenKind.Number : FactTokenKind.Word;
                if (numeric)
                {
                    token.Value = ParseNumber(s.Slice(i, token.Length));
                }
                else
                {
                    token.Capitalized = char.IsUpper(c);
                    var entry = FactLexicon.Find(s.Slice(i, token.Length));
                    if (entry.Classes == WordClass.None && token.Length > 2 && (s[end - 2] is '\'' or '\u2019') && (s[end - 1] is 's' or 'S'))
                    {
                        entry = FactLexicon.Find(s.Slice(i, token.Length - 2));
                        entry.Classes &= ~(WordClass.Abbreviation | WordClass.Stop | WordClass.Verb);
                    }

                    token.Classes = entry.Classes;
                    token.Value = entry.Value;
                }

                i = end;
            }
            else
            {
                // A surrogate pair is one symbol; a lone surrogate is one code unit and never takes the next character with it.
                token.Length = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
                token.Kind = FactTokenKind.Punctuation;
                i += token.Length;
            }

            // Only a token after punctuation can open a sentence other than at a line break (saves the look back).
            if (count > 0 && (pendingBreak || newline || (lastWasPunctuation && EndsSentence(s, buffer.AsSpan(0, count), token))))
            {
                sentences.Add((sentenceStart, lastEnd));
                sentence++;
                token.SentenceStart = true;
                sentenceStart = token.Start;
            }
            else if (count == 0)
            {
                token.SentenceStart = true;
                sentenceStart = token.Start;
            }

            pendingBreak = false;
            token.Sentence = sentence;
            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            buffer[count++] = token;
            lastWasPunctuation = token.Kind == FactTokenKind.Punctuation;
            lastEnd = token.End;
            newline = false;
            space = false;
        }

        if (count > 0)
        {
            sentences.Add((sentenceStart, lastEnd));
        }

        return count;
    }

    /// <summary>Whether <paramref name="next"/> opens a new sentence after the tokens so far.</summary>
    private static bool EndsSentence(ReadOnlySpan<char> s, ReadOnlySpan<FactToken> tokens, in FactToken next)
    {
        if (!next.SpaceBefore)
        {
            return false;
        }

        // Walk back over closing quotes and brackets to the terminal mark.
        int k = tokens.Length - 1;
        while (k >= 0 && tokens[k].Kind == FactTokenKind.Punctuation && s[tokens[k].Start] is '"' or '\u201D' or '\u2019' or '\'' or ')' or ']')
        {
            k--;
        }

        if (k < 0 || tokens[k].Kind != FactTokenKind.Punctuation)
        {
            return false;
        }

        char mark = s[tokens[k].Start];
        if (mark is '!' or '?')
        {
            return true;
        }

        if (mark != '.')
        {
            return false;
        }

        char first = s[next.Start];
        bool opener = char.IsUpper(first) || char.IsDigit(first) || first is '"' or '\u201C' or '\'' or '\u2018' or '(' or '[';
        if (!opener)
        {
            return false;
        }

        if (k == 0 || tokens[k - 1].Kind != FactTokenKind.Word || tokens[k].Start != tokens[k - 1].End)
        {
            return true;
        }

        var before = tokens[k - 1];
        bool abbreviation = (before.Classes & WordClass.Abbreviation) != 0 || (before.Length == 1 && char.IsUpper(s[before.Start]));
        if (!abbreviation)
        {
            return true;
        }

        // "in the U.S. The talks..." ends a sentence; "Mar. 14", "Mr. Ortiz" and "Gov. Smith" do not.
        bool titleOrDate = (before.Classes & (WordClass.Title | WordClass.Month | WordClass.Weekday)) != 0 || before.Length == 1;
        return !titleOrDate && (next.Classes & WordClass.CommonCapital) != 0;
    }

    /// <summary><see cref="char.IsLetterOrDigit(char)"/>, with ASCII answered by two comparisons.</summary>
    private static bool IsLetterOrDigit(char c) =>
        c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c);

    private static int ScanWord(ReadOnlySpan<char> s, int start, out bool numeric)
    {
        numeric = true;
        int i = start;
        int tail = -1; // where the digits after a hyphen start ("magnitude-5.9"), or -1
        while (i < s.Length)
        {
            char c = s[i];
            if (c < 128 && (uint)((c | 0x20) - 'a') <= 'z' - 'a')
            {
                numeric = false;
                i++;
                continue;
            }

            if ((uint)(c - '0') <= 9)
            {
                i++;
                continue;
            }

            if (c >= 128 && char.IsLetterOrDigit(c))
            {
                if (!char.IsDigit(c))
                {
                    numeric = false;
                }

                i++;
                continue;
            }

            bool hasNext = i + 1 < s.Length;
            bool digitTail = !numeric && c == '.' && tail > start && tail < i && AllDigits(s[tail..i]);
            if ((c is ',' or '.') && (numeric || digitTail) && i + 2 < s.Length && s[i + 1] == ' ' && char.IsDigit(s[i - 1]) && SpacedSeparator(s, numeric ? start : tail, i, c))
            {
                // "1, 500" and "6. 1": a separator or decimal point followed by a stray space (typed so, or left by a
                // tokenizer upstream) still joins one number.
                i += 2;
                continue;
            }

            if (digitTail && hasNext && char.IsDigit(s[i + 1]))
            {
                i++; // "magnitude-5.9": a decimal after the hyphen
                continue;
            }

            if ((c is ',' or '.') && hasNext && char.IsDigit(s[i + 1]) && char.IsDigit(s[i - 1]) && numeric)
            {
                // 45,000 and 1.2; a comma must be followed by exactly three digits to be a separator.
                if (c == ',' && !(i + 3 < s.Length + 0 && ThreeDigits(s, i + 1)))
                {
                    break;
                }

                i++;
                continue;
            }

            if (c == '.' && hasNext && char.IsLetter(s[i + 1]) && char.IsLetter(s[i - 1]) && (i - 1 == start || !char.IsLetter(s[i - 2])))
            {
                // U.S, a.m: single letters joined by periods.
                if (i + 2 >= s.Length || !char.IsLetter(s[i + 2]))
                {
                    numeric = false;
                    i++;
                    continue;
                }
            }

            if ((c is '-' or '\'' or '\u2019' or '\u2010' or '\u2011') && hasNext && char.IsLetterOrDigit(s[i + 1]))
            {
                numeric = false;
                i++;
                tail = c is '-' or '\u2010' or '\u2011' ? i : -1;
                continue;
            }

            break;
        }

        return i;
    }

    /// <summary>
    /// Whether the separator at <paramref name="i"/>, followed by one space, continues the number that starts at
    /// <paramref name="start"/>: a comma after one to three digits (or a separated group) and before exactly three
    /// digits; a period after one or two digits (not part of a longer number) and before one or two digits.
    /// </summary>
    private static bool SpacedSeparator(ReadOnlySpan<char> s, int start, int i, char c)
    {
        int run = 0;
        for (int k = i - 1; k >= start && char.IsDigit(s[k]); k--)
        {
            run++;
        }

        bool whole = run == i - start && (start == 0 || !(char.IsDigit(s[start - 1]) || s[start - 1] is ',' or '.'));
        if (c == ',')
        {
            return (whole ? run is >= 1 and <= 3 : run == 3) && ThreeDigits(s, i + 2);
        }

        if (!whole || run > 2)
        {
            return false;
        }

        int after = 0;
        while (i + 2 + after < s.Length && char.IsDigit(s[i + 2 + after]))
        {
            after++;
        }

        // "6. 1.", "5. 9, but": a period or comma may close the number when no digit follows it ("28. 11. 2005" is no decimal).
        int p = i + 2 + after;
        return after is 1 or 2 && (p + 1 >= s.Length || !(s[p] is '.' or ',') || !(char.IsDigit(s[p + 1]) || (p + 2 < s.Length && char.IsWhiteSpace(s[p + 1]) && char.IsDigit(s[p + 2]))));
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    private static bool ThreeDigits(ReadOnlySpan<char> s, int i) =>
        i + 2 < s.Length && char.IsDigit(s[i]) && char.IsDigit(s[i + 1]) && char.IsDigit(s[i + 2]) && (i + 3 >= s.Length || !char.IsDigit(s[i + 3]));

    /// <summary>Parses digits with thousands separators and an optional decimal part.</summary>
    internal static double ParseNumber(ReadOnlySpan<char> digits)
    {
        double value = 0;
        double scale = 0;
        foreach (char c in digits)
        {
            if (c == '.')
            {
                scale = 1;
            }
            else if (c != ',')
            {
                int d = c - '0';
                if ((uint)d > 9)
                {
                    d = (int)char.GetNumericValue(c);
                    if (d < 0)
                    {
                        continue;
                    }
                }

                if (scale > 0)
                {
                    scale /= 10;
                    value += d * scale;
                }
                else
                {
                    value = (value * 10) + d;
                }
            }
        }

        return value;
    }

    /// <summary>Formats a number invariantly (for subjects and messages).</summary>
    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
