using System.Collections.Immutable;

namespace Comparison.Facts;

/// <summary>Finds amounts (digits, number words, vague amounts), their qualifiers, counted nouns and predicates; and durations.</summary>
internal static class QuantityScanner
{
    private const int MaxNounWords = 4;

    public static void Scan(ScanContext c, ImmutableArray<Quantity>.Builder quantities, ImmutableArray<Duration>.Builder durations)
    {
        for (int i = 0; i < c.Count; i++)
        {
            if (c.Claimed[i])
            {
                continue;
            }

            var t = c.Tok[i];
            if (t.Kind == FactTokenKind.Word && char.IsDigit(c.First(i)))
            {
                i = HyphenatedDigits(c, i, durations, quantities);
                continue;
            }

            if (t.Kind == FactTokenKind.Word && MeasureBeforeNumber(c, i, quantities))
            {
                continue;
            }

            if (!TryNumber(c, i, out double value, out int last, out bool vague, out double vagueUpper))
            {
                continue;
            }

            // "four and a half months", "2 1/2 years": the fraction belongs to the length, and its denominator is no amount.
            if (!vague && HalfAfter(c, last) is { } half && c.Has(half.Last + 1, WordClass.DurationUnit))
            {
                value += half.Value;
                last = half.Last;
            }

            // "15 year old": an age, no length of time and no amount.
            if (c.Has(last + 1, WordClass.DurationUnit) && c.Is(last + 2, "old"))
            {
                i = last + 2;
                continue;
            }

            // A duration: "two weeks", "50 minutes", "three hours" (but not "three days ago", a date).
            if (c.Has(last + 1, WordClass.DurationUnit) && !c.Claimed[last + 1] && c.Tok[last + 1].Kind == FactTokenKind.Word && !vague)
            {
                string unit = Singular(c.Lower(last + 1));
                var w = c.Where(i, last + 1);
                durations.Add(new Duration
                {
                    Start = w.Start, End = w.End, Text = w.Text, Sentence = w.Sentence, SentenceStart = w.SentenceStart, SentenceEnd = w.SentenceEnd,
                    Amount = value, Unit = unit, Days = value * c.Tok[last + 1].Value,
                });
                i = last + 1;
                continue;
            }

            if (IsExcluded(c, i, last, value))
            {
                i = last;
                continue;
            }

            int first = i;
            if (!vague && c.Tok[i].Kind == FactTokenKind.Word && (c.Tok[i].Classes & WordClass.Scale) != 0 && (c.Is(i - 1, "a") || c.Is(i - 1, "one")) && c.SameSentence(i - 1, i)
                && Qualifier(c, i - 1).First >= 0)
            {
                first = i - 1; // "more than a dozen": the qualifier comes before the article
            }

            if (IsCurrency(c, i - 1) && c.Tok[i].Kind == FactTokenKind.Number)
            {
                // "$310,000", "$5.6 billion": the sign belongs to the amount, which is money; a closing quote a
                // quotation put inside the amount ("$5.6” billion") does not part the figure from its scale.
                first = i - 1;
                if (c.IsPunct(last + 1, '\u201D') || c.IsPunct(last + 1, '"'))
                {
                    if (c.Has(last + 2, WordClass.Scale) && c.Tok[last + 2].Kind == FactTokenKind.Word && !IsPluralScale(c, last + 2))
                    {
                        value *= c.Tok[last + 2].Value;
                        last += 2;
                    }
                }
            }
            else if (IsSign(c, i))
            {
                // "-5", "−5": a sign touching the digits, not joining two words or numbers ("5-7" is one token).
                value = -value;
                first = i - 1;
            }

            (QuantityQualifier qualifier, string? qualifierText, int qualifierFirst) = Qualifier(c, first);
            if (qualifierFirst >= 0)
            {
                first = qualifierFirst;
            }

            int nounFirst = last + 1;
            if (vague && c.Is(nounFirst, "of"))
            {
                nounFirst++;
            }
            else if (c.Is(nounFirst, "of") && c.Is(nounFirst + 1, "the") && c.Count > nounFirst + 2 && c.Tok[nounFirst + 2].Kind == FactTokenKind.Word)
            {
                nounFirst += 2; // "three of the men"
            }
            else if (c.Is(nounFirst, "of") && (c.Is(nounFirst + 1, "them") || c.Is(nounFirst + 1, "those") || c.Is(nounFirst + 1, "whom")))
            {
                nounFirst += 2;
                nounFirst = -nounFirst - 1; // no noun, but skip "of them" when looking for the predicate
            }

            int nounLast = -1;
            if (nounFirst >= 0)
            {
                nounLast = NounPhrase(c, nounFirst, value);
            }
            else
            {
                nounFirst = -nounFirst - 1;
            }

            string noun = string.Empty;
            string head = string.Empty;
            int nounStart = -1;
            int nounEnd = -1;
            if (nounLast >= nounFirst)
            {
                nounStart = c.Tok[nounFirst].Start;
                nounEnd = c.Tok[nounLast].End;
                noun = c.Slice(nounStart, nounEnd);
                head = Head(c, nounLast);
            }

            int after = nounLast >= nounFirst ? nounLast + 1 : nounFirst;
            // "killing at least 10 people, injuring dozens more": the harm verb right before an amount governs it, not the next clause's.
            string? predicate = PredicateBefore(c, first - 1) ?? PredicateAfter(c, after, i);
            var where = c.Where(first, last);
            quantities.Add(new Quantity
            {
                Start = where.Start, End = where.End, Text = where.Text, Sentence = where.Sentence, SentenceStart = where.SentenceStart, SentenceEnd = where.SentenceEnd,
                Value = value,
                Interval = vague ? new NumericInterval(value, vagueUpper, true, false) : IntervalOf(value, qualifier, c.Options.ApproximateTolerance),
                Qualifier = vague ? QuantityQualifier.Approximate : qualifier,
                QualifierText = qualifierText,
                Noun = noun, Head = head, NounStart = nounStart, NounEnd = nounEnd,
                Predicate = predicate,
            });
            i = last;
        }
    }

    /// <summary>Whether token <paramref name="k"/> is a currency sign touching the digits after it ("$", "\u00A3", "\u20AC").</summary>
    internal static bool IsCurrency(ScanContext c, int k) =>
        (c.IsPunct(k, '$') || c.IsPunct(k, '\u00A3') || c.IsPunct(k, '\u20AC')) && c.Tok[k].End == c.Tok[k + 1].Start;

    /// <summary>Whether a minus sign (hyphen-minus or U+2212) touches the digits of token <paramref name="i"/> and follows a space, a bracket or the start.</summary>
    private static bool IsSign(ScanContext c, int i)
    {
        if (i == 0 || c.Tok[i].Kind != FactTokenKind.Number || !(c.IsPunct(i - 1, '-') || c.IsPunct(i - 1, '\u2212')) || c.Tok[i - 1].End != c.Tok[i].Start)
        {
            return false;
        }

        return i - 1 == 0 || c.Tok[i - 2].End < c.Tok[i - 1].Start || c.IsPunct(i - 2, '(') || c.IsPunct(i - 2, '[');
    }

    /// <summary>The interval a qualifier gives a stated value.</summary>
    internal static NumericInterval IntervalOf(double value, QuantityQualifier qualifier, double tolerance) => qualifier switch
    {
        QuantityQualifier.MoreThan => new NumericInterval(value, double.PositiveInfinity, false, false),
        QuantityQualifier.AtLeast => new NumericInterval(value, double.PositiveInfinity, true, false),
        QuantityQualifier.LessThan => new NumericInterval(double.NegativeInfinity, value, false, false),
        QuantityQualifier.AtMost => new NumericInterval(double.NegativeInfinity, value, false, true),
        QuantityQualifier.Nearly => new NumericInterval(value - (Math.Abs(value) * tolerance), value, true, false),
        QuantityQualifier.Approximate => new NumericInterval(value - (Math.Abs(value) * tolerance), value + (Math.Abs(value) * tolerance), true, true),
        _ => NumericInterval.Exactly(value),
    };

    /// <summary>
    /// Reads a number starting at token <paramref name="i"/>: "45,000", "1.2 million", "two", "twenty-five",
    /// "two hundred", "a dozen", and the vague "dozens", "hundreds", "thousands" (of).
    /// </summary>
    private static bool TryNumber(ScanContext c, int i, out double value, out int last, out bool vague, out double vagueUpper)
    {
        value = 0;
        last = i;
        vague = false;
        vagueUpper = 0;
        var t = c.Tok[i];
        if (t.Kind == FactTokenKind.Number)
        {
            value = t.Value;
        }
        else if (t.Kind == FactTokenKind.Word)
        {
            if ((t.Classes & WordClass.NumberWord) != 0 && t.Value > 0)
            {
                ReadOnlySpan<char> s = c.Span(i);
                if (s.Equals("pair", StringComparison.OrdinalIgnoreCase) || s.Equals("couple", StringComparison.OrdinalIgnoreCase)
                    || s.Equals("both", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                value = t.Value;
            }
            else if ((t.Classes & WordClass.Scale) != 0)
            {
                ReadOnlySpan<char> s = c.Span(i);
                bool plural = s[^1] is 's' or 'S';
                if (plural)
                {
                    // "hundreds of", "dozens of", "thousands": vague amounts from twice the scale up to the next scale.
                    vague = true;
                    value = 2 * t.Value;
                    vagueUpper = t.Value == 12 ? 100 : t.Value * 10;
                    return true;
                }

                if (c.Is(i - 1, "a") || c.Is(i - 1, "one"))
                {
                    value = t.Value; // "a dozen", "a hundred"
                    return true;
                }

                return false;
            }
            else if (IsHyphenatedNumberWord(c, i, out double compound))
            {
                value = compound;
            }
            else
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        // Multipliers: "1.2 million", "two hundred", "three thousand".
        while (c.Has(last + 1, WordClass.Scale) && c.Tok[last + 1].Kind == FactTokenKind.Word && !IsPluralScale(c, last + 1))
        {
            value *= c.Tok[last + 1].Value;
            last++;
        }

        return true;
    }

    private static bool IsPluralScale(ScanContext c, int k)
    {
        ReadOnlySpan<char> s = c.Span(k);
        return s[^1] is 's' or 'S' && !s.Equals("bn", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"twenty-five", "forty-two".</summary>
    private static bool IsHyphenatedNumberWord(ScanContext c, int i, out double value)
    {
        value = 0;
        ReadOnlySpan<char> s = c.Span(i);

        // From "forty-one" to "seventy-seven": the shortest tens (five letters) and units (three), the longest.
        if (s.Length is < 9 or > 13)
        {
            return false;
        }

        int dash = s.IndexOf('-');
        if (dash <= 0)
        {
            return false;
        }

        var tens = FactLexicon.Find(s[..dash]);
        var units = FactLexicon.Find(s[(dash + 1)..]);
        if ((tens.Classes & WordClass.NumberWord) != 0 && (units.Classes & WordClass.NumberWord) != 0 && tens.Value >= 20 && units.Value is >= 1 and <= 9)
        {
            value = tens.Value + units.Value;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A fraction right after a whole number, within its sentence: "and a half" (token <paramref name="last"/> + 1 to
    /// + 3), or "1/2", "1/4", "3/4" written apart from the number; its value and last token, or null.
    /// </summary>
    private static (double Value, int Last)? HalfAfter(ScanContext c, int last)
    {
        if (c.Is(last + 1, "and") && c.Is(last + 2, "a") && c.Is(last + 3, "half") && c.SameSentence(last, last + 3))
        {
            return (0.5, last + 3);
        }

        if (last + 3 < c.Count && c.Tok[last + 1].Kind == FactTokenKind.Number && c.IsPunct(last + 2, '/') && c.Tok[last + 3].Kind == FactTokenKind.Number
            && c.Tok[last + 1].End == c.Tok[last + 2].Start && c.Tok[last + 2].End == c.Tok[last + 3].Start
            && c.Tok[last + 1].Value < c.Tok[last + 3].Value && c.Tok[last + 3].Value is 2 or 3 or 4)
        {
            return (c.Tok[last + 1].Value / c.Tok[last + 3].Value, last + 3);
        }

        return null;
    }

    /// <summary>Measures written joined to their figure by a hyphen: "magnitude-5.9", "5.9-magnitude".</summary>
    private static bool IsJoinedMeasure(ReadOnlySpan<char> word) => word.Equals("magnitude", StringComparison.OrdinalIgnoreCase);

    /// <summary>"magnitude-5.9" (or "magnitude-5. 9"): a measure and its figure in one token, an amount whose counted noun is the measure.</summary>
    private static bool MeasureBeforeNumber(ScanContext c, int i, ImmutableArray<Quantity>.Builder quantities)
    {
        ReadOnlySpan<char> s = c.Span(i);
        int dash = s.LastIndexOf('-');
        if (dash <= 0 || dash == s.Length - 1 || !char.IsDigit(s[dash + 1]) || !IsJoinedMeasure(s[..dash]))
        {
            return false;
        }

        foreach (char ch in s[(dash + 1)..])
        {
            if (!char.IsDigit(ch) && ch is not '.' and not ' ')
            {
                return false;
            }
        }

        AddMeasure(c, i, FactTokenizer.ParseNumber(s[(dash + 1)..]), c.Tok[i].Start, c.Tok[i].Start + dash, quantities);
        return true;
    }

    /// <summary>An amount of a measure read from one hyphenated token (<see cref="IsJoinedMeasure"/>), with its qualifier.</summary>
    private static void AddMeasure(ScanContext c, int i, double value, int nounStart, int nounEnd, ImmutableArray<Quantity>.Builder quantities)
    {
        (QuantityQualifier qualifier, string? qualifierText, int qualifierFirst) = Qualifier(c, i);
        var where = c.Where(qualifierFirst >= 0 ? qualifierFirst : i, i);
        quantities.Add(new Quantity
        {
            Start = where.Start, End = where.End, Text = where.Text, Sentence = where.Sentence, SentenceStart = where.SentenceStart, SentenceEnd = where.SentenceEnd,
            Value = value,
            Interval = IntervalOf(value, qualifier, c.Options.ApproximateTolerance),
            Qualifier = qualifier,
            QualifierText = qualifierText,
            Noun = c.Slice(nounStart, nounEnd), Head = ScanContext.LowerCopy(c.Slice(nounStart, nounEnd)), NounStart = nounStart, NounEnd = nounEnd,
        });
    }

    /// <summary>"50-minute" (a duration), "2-1/2 year" (a duration with a fraction), "6.1-magnitude" (a measure); "20-year-old" (an age) and "7th" are passed over.</summary>
    private static int HyphenatedDigits(ScanContext c, int i, ImmutableArray<Duration>.Builder durations, ImmutableArray<Quantity>.Builder quantities)
    {
        ReadOnlySpan<char> s = c.Span(i);
        int dash = s.IndexOf('-');
        if (dash <= 0 || s[(dash + 1)..].Contains('-'))
        {
            return i;
        }

        // "2-1/2 year": the whole, a dash and the numerator in one token, then "/2" and the unit.
        if (i + 3 < c.Count && c.IsPunct(i + 1, '/') && c.Tok[i + 2].Kind == FactTokenKind.Number && c.Tok[i].End == c.Tok[i + 1].Start
            && c.Tok[i + 1].End == c.Tok[i + 2].Start && c.Tok[i + 2].Value is 2 or 3 or 4 && c.Has(i + 3, WordClass.DurationUnit)
            && double.TryParse(s[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out double whole)
            && double.TryParse(s[(dash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out double numerator)
            && numerator < c.Tok[i + 2].Value)
        {
            double length = whole + (numerator / c.Tok[i + 2].Value);
            var fraction = c.Where(i, i + 3);
            durations.Add(new Duration
            {
                Start = fraction.Start, End = fraction.End, Text = fraction.Text, Sentence = fraction.Sentence, SentenceStart = fraction.SentenceStart, SentenceEnd = fraction.SentenceEnd,
                Amount = length, Unit = Singular(c.Lower(i + 3)), Days = length * c.Tok[i + 3].Value,
            });
            return i + 3;
        }

        ReadOnlySpan<char> digits = s[..dash];
        foreach (char ch in digits)
        {
            if (!char.IsDigit(ch) && ch is not '.' and not ',' and not ' ')
            {
                return i;
            }
        }

        if (IsJoinedMeasure(s[(dash + 1)..]))
        {
            AddMeasure(c, i, FactTokenizer.ParseNumber(digits), c.Tok[i].Start + dash + 1, c.Tok[i].End, quantities);
            return i;
        }

        var unit = FactLexicon.Find(s[(dash + 1)..]);
        if ((unit.Classes & WordClass.DurationUnit) == 0)
        {
            return i;
        }

        double amount = FactTokenizer.ParseNumber(digits);
        var w = c.Where(i, i);
        durations.Add(new Duration
        {
            Start = w.Start, End = w.End, Text = w.Text, Sentence = w.Sentence, SentenceStart = w.SentenceStart, SentenceEnd = w.SentenceEnd,
            Amount = amount, Unit = Singular(ScanContext.LowerCopy(s[(dash + 1)..])), Days = amount * unit.Value,
        });
        return i;
    }

    /// <summary>Numbers that are not amounts: years, times, ages between commas, addresses, names (Route 66), "one of".</summary>
    /// <summary>Whether the number is either side of "N of M" with no lower-case word after M.</summary>
    private static bool IsPositionInSequence(ScanContext c, int i, int last)
    {
        bool NoNounAfter(int k) => k >= c.Count || !c.SameSentence(k - 1, k) || c.Tok[k].Kind != FactTokenKind.Word || c.Tok[k].Capitalized;
        if (c.Is(last + 1, "of") && last + 2 < c.Count && c.Tok[last + 2].Kind == FactTokenKind.Number && c.SameSentence(i, last + 2))
        {
            return NoNounAfter(last + 3);
        }

        return i >= 2 && c.Is(i - 1, "of") && c.Tok[i - 2].Kind == FactTokenKind.Number && c.SameSentence(i - 2, i) && NoNounAfter(last + 1);
    }

    private static bool IsExcluded(ScanContext c, int i, int last, double value)
    {
        var t = c.Tok[i];
        if (t.Kind == FactTokenKind.Number)
        {
            ReadOnlySpan<char> s = c.Span(i);
            if (s.Length == 4 && value is >= 1800 and <= 2100 && !(c.Count > last + 1 && c.Tok[last + 1].Kind == FactTokenKind.Word && LooksPlural(c, last + 1)))
            {
                return true; // a year ("the 2016 presidential election"), unless it counts something ("2000 people")
            }

            if (c.IsPunct(last + 1, ':') || c.IsPunct(i - 1, ':') || c.Is(last + 1, "a.m") || c.Is(last + 1, "p.m") || c.Is(last + 1, "am") || c.Is(last + 1, "pm")
                || c.IsPunct(last + 1, '%') || c.IsPunct(i - 1, '#')
                || c.IsPunct(i - 1, '/') || c.IsPunct(last + 1, '/') || c.IsPunct(i - 1, '(') || c.IsPunct(last + 1, ')'))
            {
                return true; // times, percentages, fractions, phone prefixes
            }

            if (c.Is(last + 1, "block") || c.Is(last + 1, "percent") || c.Is(last + 1, "per"))
            {
                return true;
            }
        }

        // "Image 4 of 9", "page 2 of 3": a place in a sequence, when no counted noun follows ("two of three victims" counts).
        if (t.Kind == FactTokenKind.Number && IsPositionInSequence(c, i, last))
        {
            return true;
        }

        // "John Smith, 25, of Chicago": an age.
        if (c.IsPunct(i - 1, ',') && c.IsPunct(last + 1, ',') && value is > 0 and < 120 && c.Tok[i - 2 >= 0 ? i - 2 : 0].Capitalized)
        {
            return true;
        }

        // "Route 66", "Channel 4": part of a name (a capitalised word before, not at the start of the sentence, not a qualifier).
        if (i > 0 && c.Tok[i - 1].Kind == FactTokenKind.Word && c.Tok[i - 1].Capitalized && !c.Tok[i - 1].SentenceStart && t.Kind == FactTokenKind.Number
            && !c.Has(i - 1, WordClass.Stop | WordClass.Month | WordClass.Verb))
        {
            return true;
        }

        // An address: "345 Burning Tree Dr".
        if (t.Kind == FactTokenKind.Number && c.Count > last + 1 && c.Tok[last + 1].Capitalized)
        {
            for (int k = last + 1; k <= last + 4 && k < c.Count && c.Tok[k].Kind == FactTokenKind.Word && c.Tok[k].Capitalized; k++)
            {
                if (IsStreetSuffix(c.Span(k)))
                {
                    return true;
                }
            }
        }

        if (t.Kind == FactTokenKind.Word)
        {
            ReadOnlySpan<char> s = c.Span(i);
            bool one = s.Equals("one", StringComparison.OrdinalIgnoreCase);
            if (one && (c.Is(last + 1, "of") || c.Is(i - 1, "no") || c.Is(i - 1, "the") || c.Is(i - 1, "any") || c.Is(i - 1, "every") || c.Is(i - 1, "each")
                || c.Is(i - 1, "this") || c.Is(i - 1, "that") || c.Is(i - 1, "which") || c.Is(i - 1, "someone") || c.Is(last + 1, "another")
                || !c.SameSentence(i, last + 1) || c.Tok[last + 1].Kind != FactTokenKind.Word || c.Has(last + 1, WordClass.Stop | WordClass.Verb)))
            {
                return true;
            }

            if (c.Tok[i].Capitalized && !c.Tok[i].SentenceStart && c.Is(i - 1, "the"))
            {
                return true; // "The Three Stooges"
            }
        }

        return false;
    }

    private static bool IsStreetSuffix(ReadOnlySpan<char> w) =>
        w.Equals("Street", StringComparison.Ordinal) || w.Equals("St", StringComparison.Ordinal) || w.Equals("Avenue", StringComparison.Ordinal)
        || w.Equals("Ave", StringComparison.Ordinal) || w.Equals("Road", StringComparison.Ordinal) || w.Equals("Rd", StringComparison.Ordinal)
        || w.Equals("Drive", StringComparison.Ordinal) || w.Equals("Dr", StringComparison.Ordinal) || w.Equals("Boulevard", StringComparison.Ordinal)
        || w.Equals("Blvd", StringComparison.Ordinal) || w.Equals("Lane", StringComparison.Ordinal) || w.Equals("Ln", StringComparison.Ordinal)
        || w.Equals("Way", StringComparison.Ordinal) || w.Equals("Court", StringComparison.Ordinal) || w.Equals("Ct", StringComparison.Ordinal)
        || w.Equals("Place", StringComparison.Ordinal) || w.Equals("Parkway", StringComparison.Ordinal) || w.Equals("Highway", StringComparison.Ordinal)
        || w.Equals("Circle", StringComparison.Ordinal) || w.Equals("Terrace", StringComparison.Ordinal) || w.Equals("Trail", StringComparison.Ordinal)
        || w.Equals("Pike", StringComparison.Ordinal) || w.Equals("Plaza", StringComparison.Ordinal) || w.Equals("Square", StringComparison.Ordinal);

    /// <summary>The qualifier ending just before token <paramref name="i"/>: its kind, its text lower-cased, and its first token (-1 when none).</summary>
    private static (QuantityQualifier Qualifier, string? Text, int First) Qualifier(ScanContext c, int i)
    {
        if (!c.SameSentence(i - 1, i))
        {
            return (QuantityQualifier.Exact, null, -1);
        }

        if (i >= 2 && c.SameSentence(i - 2, i))
        {
            string? two = (c.Is(i - 2, "more") || c.Is(i - 2, "fewer") || c.Is(i - 2, "less")) && c.Is(i - 1, "than") ? null : string.Empty;
            if (two is null)
            {
                if (i >= 3 && c.Is(i - 3, "no"))
                {
                    return (c.Is(i - 2, "more") ? QuantityQualifier.AtMost : QuantityQualifier.AtLeast, Join(c, i - 3, i - 1), i - 3);
                }

                return (c.Is(i - 2, "more") ? QuantityQualifier.MoreThan : QuantityQualifier.LessThan, Join(c, i - 2, i - 1), i - 2);
            }

            if (c.Is(i - 2, "at") && c.Is(i - 1, "least"))
            {
                return (QuantityQualifier.AtLeast, Join(c, i - 2, i - 1), i - 2);
            }

            if ((c.Is(i - 2, "at") && c.Is(i - 1, "most")) || (c.Is(i - 2, "up") && c.Is(i - 1, "to")))
            {
                return (QuantityQualifier.AtMost, Join(c, i - 2, i - 1), i - 2);
            }

            if (c.Is(i - 2, "close") && c.Is(i - 1, "to"))
            {
                return (QuantityQualifier.Nearly, Join(c, i - 2, i - 1), i - 2);
            }

            if (c.Is(i - 2, "an") && c.Is(i - 1, "estimated"))
            {
                return (QuantityQualifier.Approximate, Join(c, i - 2, i - 1), i - 2);
            }

            if (i >= 3 && c.Is(i - 3, "as") && c.Is(i - 2, "many") && c.Is(i - 1, "as"))
            {
                return (QuantityQualifier.AtMost, Join(c, i - 3, i - 1), i - 3);
            }
        }

        int k = i - 1;
        if (c.Is(k, "over") || c.Is(k, "above") || c.Is(k, "exceeding"))
        {
            return (QuantityQualifier.MoreThan, c.Lower(k), k);
        }

        if (c.Is(k, "under") || c.Is(k, "below"))
        {
            return (QuantityQualifier.LessThan, c.Lower(k), k);
        }

        if (c.Is(k, "nearly") || c.Is(k, "almost"))
        {
            return (QuantityQualifier.Nearly, c.Lower(k), k);
        }

        if (c.Is(k, "about") || c.Is(k, "around") || c.Is(k, "some") || c.Is(k, "roughly") || c.Is(k, "approximately") || c.Is(k, "approx")
            || c.Is(k, "circa") || c.Is(k, "estimated") || c.Is(k, "nearly"))
        {
            return (QuantityQualifier.Approximate, c.Lower(k), k);
        }

        return (QuantityQualifier.Exact, null, -1);
    }

    private static string Join(ScanContext c, int first, int last) => c.LowerSlice(c.Tok[first].Start, c.Tok[last].End);

    /// <summary>The counted noun phrase from <paramref name="first"/>; returns its last token, or first - 1 when there is none.</summary>
    private static int NounPhrase(ScanContext c, int first, double value)
    {
        int last = first - 1;
        for (int k = first; k < first + MaxNounWords && k < c.Count; k++)
        {
            var t = c.Tok[k];
            if (t.Kind != FactTokenKind.Word || !c.SameSentence(first, k) || c.Claimed[k])
            {
                break;
            }

            ReadOnlySpan<char> w0 = c.Span(k);
            bool modifier = w0.Equals("other", StringComparison.OrdinalIgnoreCase) || w0.Equals("more", StringComparison.OrdinalIgnoreCase)
                || w0.Equals("additional", StringComparison.OrdinalIgnoreCase);
            if (!modifier && (t.Classes & (WordClass.Stop | WordClass.Auxiliary | WordClass.Verb | WordClass.NumberWord | WordClass.Scale)) != 0 && !(k > first && (t.Classes & WordClass.Person) != 0))
            {
                // "people" is a Person word, not a stop; "others" too. Everything else here ends the phrase.
                if ((t.Classes & WordClass.Person) == 0)
                {
                    break;
                }
            }

            ReadOnlySpan<char> s = c.Span(k);
            if (s.Length > 3 && s.EndsWith("ly", StringComparison.OrdinalIgnoreCase) && k == first + 0 && (t.Classes & WordClass.Person) == 0 && !t.Capitalized)
            {
                break; // "two fatally", "three seriously"
            }

            if (k > first && (t.Classes & (WordClass.Killed | WordClass.Injured | WordClass.Shot)) != 0 && !t.Capitalized)
            {
                break; // "two people killed": the predicate, not the noun
            }

            last = k;
            if (value != 1 && LooksPlural(c, k))
            {
                break;
            }

            if (k + 1 < c.Count && c.Tok[k + 1].Kind == FactTokenKind.Punctuation)
            {
                break;
            }
        }

        return last;
    }

    private static bool LooksPlural(ScanContext c, int k)
    {
        ReadOnlySpan<char> s = c.Span(k);
        if ((c.Tok[k].Classes & WordClass.Person) != 0 && !s.EndsWith("s", StringComparison.OrdinalIgnoreCase))
        {
            return s.Equals("people", StringComparison.OrdinalIgnoreCase) || s.Equals("men", StringComparison.OrdinalIgnoreCase)
                || s.Equals("women", StringComparison.OrdinalIgnoreCase) || s.Equals("children", StringComparison.OrdinalIgnoreCase)
                || s.Equals("police", StringComparison.OrdinalIgnoreCase) || s.Equals("gunmen", StringComparison.OrdinalIgnoreCase);
        }

        return s.Length > 3 && (s[^1] is 's' or 'S') && !(s[^2] is 's' or 'u' or 'i' or '\'' or '\u2019');
    }

    /// <summary>The head noun, lower-cased, possessive removed.</summary>
    private static string Head(ScanContext c, int k)
    {
        ReadOnlySpan<char> s = c.Span(k);
        if (s.Length > 2 && (s[^2] is '\'' or '\u2019') && (s[^1] is 's' or 'S'))
        {
            s = s[..^2];
        }

        return ScanContext.LowerCopy(s);
    }

    /// <summary>"were killed", "who were injured", "dead", "participated": what happened to what was counted.</summary>
    private static string? PredicateAfter(ScanContext c, int k, int numberToken)
    {
        for (int n = 0; n < 5 && k < c.Count && c.SameSentence(k, numberToken); n++, k++)
        {
            var t = c.Tok[k];
            if (t.Kind != FactTokenKind.Word)
            {
                if (t.Kind == FactTokenKind.Punctuation && c.First(k) == ',' && n == 0)
                {
                    continue; // "two men, one fatally"
                }

                return null;
            }

            ReadOnlySpan<char> s = c.Span(k);
            if ((t.Classes & (WordClass.Killed | WordClass.Injured | WordClass.Shot)) != 0)
            {
                return ScanContext.LowerCopy(s);
            }

            bool skip = (t.Classes & WordClass.Auxiliary) != 0 || s.Equals("who", StringComparison.OrdinalIgnoreCase) || s.Equals("that", StringComparison.OrdinalIgnoreCase)
                || s.Equals("also", StringComparison.OrdinalIgnoreCase) || s.Equals("all", StringComparison.OrdinalIgnoreCase) || s.Equals("reportedly", StringComparison.OrdinalIgnoreCase)
                || (s.Length > 3 && s.EndsWith("ly", StringComparison.OrdinalIgnoreCase)) || s.Equals("been", StringComparison.OrdinalIgnoreCase)
                || s.Equals("were", StringComparison.OrdinalIgnoreCase);
            if (skip)
            {
                continue;
            }

            if (!t.Capitalized && ((t.Classes & WordClass.Past) != 0 || (s.Length > 4 && s.EndsWith("ed", StringComparison.OrdinalIgnoreCase))) && (t.Classes & WordClass.Stop) == 0)
            {
                return ScanContext.LowerCopy(s);
            }

            return null;
        }

        return null;
    }

    /// <summary>"killed two", "injuring three", "left two dead" (the verb before the number).</summary>
    private static string? PredicateBefore(ScanContext c, int k)
    {
        if (k < 0 || c.Tok[k].Kind != FactTokenKind.Word)
        {
            return null;
        }

        if (c.Has(k, WordClass.Killed | WordClass.Injured | WordClass.Shot) && !c.Tok[k].Capitalized)
        {
            return c.Lower(k);
        }

        return null;
    }

    private static string Singular(string unit) => unit.Length > 3 && unit.EndsWith('s') ? unit[..^1] : unit;
}
