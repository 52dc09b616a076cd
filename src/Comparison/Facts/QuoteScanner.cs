using System.Collections.Immutable;

namespace Comparison.Facts;

/// <summary>
/// Finds quotations and their speakers: "..., Ortiz said", "... said Ortiz", "..., according to X",
/// "X told reporters: ...", "X said in a statement", with the role written beside the name.
/// </summary>
internal static class QuoteScanner
{
    private const int MaxQuoteLength = 1500;
    private const int MaxSpeakerTokens = 9;

    public static void Scan(ScanContext c, ImmutableArray<Quote>.Builder quotes)
    {
        string? lastPerson = null;
        for (int i = 0; i < c.Count; i++)
        {
            if (!IsOpening(c, i))
            {
                continue;
            }

            int close = FindClosing(c, i);
            if (close < 0)
            {
                continue;
            }

            int innerStart = c.Tok[i].End;
            int innerEnd = c.Tok[close].Start;
            if (innerEnd - innerStart < c.Options.MinimumQuoteLength || innerEnd - innerStart > MaxQuoteLength)
            {
                i = close;
                continue;
            }

            var speaker = SpeakerAfter(c, close) ?? SpeakerBefore(c, i);
            bool pronoun = false;
            string? name = null;
            string? role = null;
            int speakerStart = -1;
            int speakerEnd = -1;
            if (speaker is { } s)
            {
                (name, role, speakerStart, speakerEnd) = s;
                if (name is "he" or "she")
                {
                    pronoun = true;
                    name = lastPerson;
                    speakerStart = speakerEnd = -1;
                }
                else if (name is not null && char.IsUpper(name[0]))
                {
                    lastPerson = name;
                }
            }

            int sentence = c.Tok[i].Sentence;
            var span = c.Sentences[sentence];
            var last = c.Sentences[c.Tok[close].Sentence];
            quotes.Add(new Quote
            {
                Start = innerStart, End = innerEnd, Text = c.Text[innerStart..innerEnd], Sentence = sentence, SentenceStart = span.Start,
                SentenceEnd = Math.Max(last.End, innerEnd),
                Speaker = name, Role = role, SpeakerStart = speakerStart, SpeakerEnd = speakerEnd, SpeakerFromPronoun = pronoun && name is not null,
            });
            i = close;
        }
    }

    private static bool IsOpening(ScanContext c, int k)
    {
        if (c.Tok[k].Kind != FactTokenKind.Punctuation)
        {
            return false;
        }

        char ch = c.First(k);
        if (ch == '\u201C')
        {
            return true;
        }

        // A straight quote opens when something follows it directly and space (or a bracket) precedes it.
        return ch == '"' && k + 1 < c.Count && c.Tok[k + 1].Start == c.Tok[k].End && (k == 0 || c.Tok[k].SpaceBefore || c.Tok[k].NewlineBefore || c.First(k - 1) is '(' or '[' or '\u2014');
    }

    private static int FindClosing(ScanContext c, int open)
    {
        int limit = c.Tok[open].Start + MaxQuoteLength;
        for (int k = open + 1; k < c.Count && c.Tok[k].Start <= limit; k++)
        {
            if (c.Tok[k].NewlineBefore && k > open + 1 && c.Tok[k - 1].Kind == FactTokenKind.Punctuation && c.First(k - 1) is not ('"' or '\u201D'))
            {
                return -1; // a paragraph ended without closing the quotation
            }

            if (c.Tok[k].Kind == FactTokenKind.Punctuation && c.First(k) is '\u201D' or '"')
            {
                return k;
            }

            if (c.Tok[k].Kind == FactTokenKind.Punctuation && c.First(k) == '\u201C')
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>"..., Ortiz said", "... said spokeswoman Dana Ortiz", "..., according to the sheriff's office", "... the statement said".</summary>
    private static (string? Name, string? Role, int Start, int End)? SpeakerAfter(ScanContext c, int close)
    {
        int k = close + 1;
        if (c.IsPunct(k, ',') || c.IsPunct(k, '\u2014') || c.IsPunct(k, '-'))
        {
            k++;
        }

        if (k >= c.Count)
        {
            return null;
        }

        if (c.Is(k, "according") && c.Is(k + 1, "to"))
        {
            return Phrase(c, k + 2, FindPhraseEnd(c, k + 2));
        }

        if (c.Has(k, WordClass.Reporting))
        {
            // "said Ortiz", "said spokeswoman Dana Ortiz", "added the official"
            return Phrase(c, k + 1, FindPhraseEnd(c, k + 1));
        }

        for (int v = k; v < k + MaxSpeakerTokens && v < c.Count; v++)
        {
            if ((c.Tok[v].Kind == FactTokenKind.Punctuation && c.First(v) is '.' or '"' or '\u201C' or ';' or '?' or '!' or ',') || c.Tok[v].NewlineBefore)
            {
                return null;
            }

            if (c.Has(v, WordClass.Reporting) && v > k)
            {
                return Phrase(c, k, v - 1);
            }
        }

        return null;
    }

    /// <summary>"Ortiz said: ...", "X told reporters, ...".</summary>
    private static (string? Name, string? Role, int Start, int End)? SpeakerBefore(ScanContext c, int open)
    {
        int k = open - 1;
        if (c.IsPunct(k, ':') || c.IsPunct(k, ','))
        {
            k--;
        }

        // Skip an object of the verb ("told reporters") and "in a statement".
        int verb = -1;
        for (int v = k; v >= 0 && v > k - 5; v--)
        {
            if (c.Has(v, WordClass.Reporting))
            {
                verb = v;
                break;
            }

            if (c.Tok[v].Kind == FactTokenKind.Punctuation)
            {
                return null;
            }
        }

        if (verb <= 0)
        {
            return null;
        }

        int first = verb - 1;
        while (first - 1 >= 0 && verb - first < MaxSpeakerTokens && c.Tok[first - 1].Kind == FactTokenKind.Word && c.SameSentence(first - 1, verb)
            && (c.Tok[first - 1].Capitalized || c.Has(first - 1, WordClass.Title)) && !c.Has(first - 1, WordClass.Stop))
        {
            first--;
        }

        return Phrase(c, first, verb - 1);
    }

    private static int FindPhraseEnd(ScanContext c, int start)
    {
        int end = start - 1;
        for (int k = start; k < start + MaxSpeakerTokens && k < c.Count && c.Tok[k].Kind == FactTokenKind.Word && c.SameSentence(k, start); k++)
        {
            if (c.Has(k, WordClass.Reporting | WordClass.Auxiliary) || (c.Has(k, WordClass.Stop) && !c.Is(k, "the") && !c.Is(k, "of") && !c.Is(k, "a")))
            {
                break;
            }

            end = k;
        }

        return end;
    }

    /// <summary>Splits a speaker phrase into role and name: capitalised words at the end that are not titles form the name.</summary>
    private static (string? Name, string? Role, int Start, int End)? Phrase(ScanContext c, int first, int last)
    {
        if (last < first || first < 0)
        {
            return null;
        }

        while (first <= last && (c.Is(first, "the") || c.Is(first, "a") || c.Is(first, "an")))
        {
            first++;
        }

        if (first == last && (c.Is(first, "he") || c.Is(first, "she")))
        {
            return (c.Lower(first), null, c.Tok[first].Start, c.Tok[first].End);
        }

        while (last >= first && (c.Has(last, WordClass.Stop) || c.Tok[last].Kind != FactTokenKind.Word))
        {
            last--; // "Smith earlier"
        }

        for (int k = first; k <= last; k++)
        {
            if (c.Tok[k].Kind != FactTokenKind.Word || c.Has(k, WordClass.Auxiliary | WordClass.Verb) || (c.Has(k, WordClass.Stop) && !c.Is(k, "of")))
            {
                return null; // not a speaker: "The United States has", "if the US deploys"
            }
        }

        if (first > last)
        {
            return null;
        }

        int nameFirst = last + 1;
        for (int k = last; k >= first; k--)
        {
            var t = c.Tok[k];
            if (t.Kind != FactTokenKind.Word || !t.Capitalized || (t.Classes & WordClass.Title) != 0)
            {
                break;
            }

            nameFirst = k;
        }

        if (nameFirst > last)
        {
            // No name: "the statement", "the official", "he".
            string phrase = c.Slice(c.Tok[first].Start, c.Tok[last].End);
            return (phrase, null, c.Tok[first].Start, c.Tok[last].End);
        }

        string name = c.Slice(c.Tok[nameFirst].Start, c.Tok[last].End);
        string? role = nameFirst > first ? c.Slice(c.Tok[first].Start, c.Tok[nameFirst - 1].End) : null;
        return (name, role, c.Tok[nameFirst].Start, c.Tok[last].End);
    }
}
