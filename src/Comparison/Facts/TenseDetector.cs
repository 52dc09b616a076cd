namespace Comparison.Facts;

/// <summary>Decides whether the clause around a token speaks of the past or the future, from the nearest tense marker.</summary>
/// <remarks>
/// The clause (between commas, semicolons, dashes or quotation marks) is searched first, then the whole
/// sentence; the marker nearest the token wins. Markers: will/shall/'ll, "is set/scheduled/expected to",
/// upcoming/next; was/were/had, irregular past verbs, and -ed verbs not governed by is/are/will be.
/// </remarks>
internal static class TenseDetector
{
    public static Tense Detect(ScanContext c, int first, int last)
    {
        int sentence = c.Tok[first].Sentence;
        int lo = first;
        while (lo > 0 && c.Tok[lo - 1].Sentence == sentence && !IsClauseBreak(c, lo - 1))
        {
            lo--;
        }

        int hi = last;
        while (hi + 1 < c.Count && c.Tok[hi + 1].Sentence == sentence && !IsClauseBreak(c, hi + 1))
        {
            hi++;
        }

        Tense t = Nearest(c, first, last, lo, hi);
        if (t != Tense.Unknown)
        {
            return t;
        }

        while (lo > 0 && c.Tok[lo - 1].Sentence == sentence)
        {
            lo--;
        }

        while (hi + 1 < c.Count && c.Tok[hi + 1].Sentence == sentence)
        {
            hi++;
        }

        return Nearest(c, first, last, lo, hi);
    }

    private static bool IsClauseBreak(ScanContext c, int k)
    {
        if (c.Tok[k].Kind != FactTokenKind.Punctuation)
        {
            return false;
        }

        char ch = c.First(k);
        return ch is ',' or ';' or ':' or '"' or '\u201C' or '\u201D' or '\u2014' or '\u2013' or '(' or ')';
    }

    private static Tense Nearest(ScanContext c, int first, int last, int lo, int hi)
    {
        for (int d = 1; first - d >= lo || last + d <= hi; d++)
        {
            if (first - d >= lo)
            {
                Tense t = Marker(c, first - d);
                if (t != Tense.Unknown)
                {
                    return t;
                }
            }

            if (last + d <= hi)
            {
                Tense t = Marker(c, last + d);
                if (t != Tense.Unknown)
                {
                    return t;
                }
            }
        }

        return Tense.Unknown;
    }

    private static Tense Marker(ScanContext c, int k)
    {
        var token = c.Tok[k];
        if (token.Kind != FactTokenKind.Word)
        {
            return Tense.Unknown;
        }

        ReadOnlySpan<char> w = c.Span(k);
        if (w.Equals("will", StringComparison.OrdinalIgnoreCase) || w.Equals("shall", StringComparison.OrdinalIgnoreCase)
            || w.Equals("won't", StringComparison.OrdinalIgnoreCase) || w.EndsWith("'ll", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("\u2019ll", StringComparison.OrdinalIgnoreCase) || w.Equals("upcoming", StringComparison.OrdinalIgnoreCase))
        {
            return Tense.Future;
        }

        bool governedByPresent = k > 0 && (c.Is(k - 1, "is") || c.Is(k - 1, "are") || c.Is(k - 1, "am") || c.Is(k - 1, "be") || c.Is(k - 1, "being"));
        bool governedByPast = k > 0 && (c.Is(k - 1, "was") || c.Is(k - 1, "were") || c.Is(k - 1, "had") || c.Is(k - 1, "been"));
        if (w.Equals("set", StringComparison.OrdinalIgnoreCase) || w.Equals("scheduled", StringComparison.OrdinalIgnoreCase)
            || w.Equals("expected", StringComparison.OrdinalIgnoreCase) || w.Equals("planned", StringComparison.OrdinalIgnoreCase)
            || w.Equals("due", StringComparison.OrdinalIgnoreCase) || w.Equals("going", StringComparison.OrdinalIgnoreCase)
            || w.Equals("slated", StringComparison.OrdinalIgnoreCase))
        {
            if (governedByPresent)
            {
                return Tense.Future;
            }

            if (governedByPast)
            {
                return Tense.Past;
            }

            return w.Equals("going", StringComparison.OrdinalIgnoreCase) ? Tense.Unknown : Tense.Future;
        }

        if ((w.Equals("plans", StringComparison.OrdinalIgnoreCase) || w.Equals("plan", StringComparison.OrdinalIgnoreCase)) && c.Is(k + 1, "to"))
        {
            return Tense.Future;
        }

        if ((token.Classes & WordClass.Past) != 0 && (token.Classes & WordClass.Stop) == 0)
        {
            return governedByPresent ? Tense.Unknown : Tense.Past;
        }

        if (w.Length > 4 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !token.Capitalized)
        {
            if (governedByPresent || (k > 1 && c.Is(k - 2, "will")))
            {
                return Tense.Unknown;
            }

            return Tense.Past;
        }

        return Tense.Unknown;
    }
}
