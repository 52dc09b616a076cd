using System.Collections.Immutable;

namespace Comparison.Facts;

/// <summary>Finds dates, weekdays and relative periods, and resolves them against the reference date.</summary>
internal static class DateScanner
{
    public static void Scan(ScanContext c, ImmutableArray<DateMention>.Builder dates)
    {
        for (int i = 0; i < c.Count; i++)
        {
            if (c.Claimed[i] || c.Tok[i].Kind == FactTokenKind.Punctuation)
            {
                continue;
            }

            var t = c.Tok[i];
            if ((t.Classes & (WordClass.Month | WordClass.Weekday | WordClass.RelativeDay | WordClass.DateCue | WordClass.NumberWord)) == 0
                && t.Kind != FactTokenKind.Number && !(t.Kind == FactTokenKind.Word && char.IsDigit(c.First(i))))
            {
                continue; // nothing a date can start with
            }

            int next = TryAbsolute(c, i, dates);
            if (next < 0)
            {
                next = TryIso(c, i, dates);
            }

            if (next < 0)
            {
                next = TryWeekday(c, i, dates);
            }

            if (next < 0)
            {
                next = TryRelative(c, i, dates);
            }

            if (next >= 0)
            {
                i = next;
            }
        }
    }

    /// <summary>Parses a day of month from "30", "30th", "1st".</summary>
    private static int DayOf(ScanContext c, int k)
    {
        if ((uint)k >= (uint)c.Count)
        {
            return 0;
        }

        var t = c.Tok[k];
        ReadOnlySpan<char> s = c.Span(k);
        if (t.Kind == FactTokenKind.Number)
        {
            return s.Length <= 2 && t.Value is >= 1 and <= 31 ? (int)t.Value : 0;
        }

        if (t.Kind == FactTokenKind.Word && s.Length is 3 or 4 && char.IsDigit(s[0]))
        {
            ReadOnlySpan<char> suffix = s[^2..];
            if (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase))
            {
                ReadOnlySpan<char> digits = s[..^2];
                int d = 0;
                foreach (char ch in digits)
                {
                    if (!char.IsDigit(ch))
                    {
                        return 0;
                    }

                    d = (d * 10) + (ch - '0');
                }

                return d is >= 1 and <= 31 ? d : 0;
            }
        }

        return 0;
    }

    private static int YearOf(ScanContext c, int k) =>
        (uint)k < (uint)c.Count && c.Tok[k].Kind == FactTokenKind.Number && c.Tok[k].Length == 4 && c.Tok[k].Value is >= 1800 and <= 2200
            ? (int)c.Tok[k].Value
            : 0;

    private static bool IsMonth(ScanContext c, int k)
    {
        if (!c.Has(k, WordClass.Month) || !c.Tok[k].Capitalized)
        {
            return false;
        }

        // "May" and "March" are also words; require a day or year beside them.
        ReadOnlySpan<char> s = c.Span(k);
        if (s.Equals("May", StringComparison.Ordinal) || s.Equals("March", StringComparison.Ordinal) || s.Equals("Mar", StringComparison.Ordinal))
        {
            return DayOf(c, k + 1) > 0 || YearOf(c, k + 1) > 0 || DayOf(c, k - 1) > 0;
        }

        return true;
    }

    /// <summary>"March 14", "Mar. 14, 2023", "Apr. 2 and 3", "14 March 2023", "April 2023", "in April", "the week of April 3rd".</summary>
    private static int TryAbsolute(ScanContext c, int i, ImmutableArray<DateMention>.Builder dates)
    {
        int first = i;
        int month;
        int day;
        int last;
        if (IsMonth(c, i))
        {
            month = (int)c.Tok[i].Value;
            int k = i + 1;
            if (c.IsPunct(k, '.') && c.Tok[k].Start == c.Tok[i].End)
            {
                k++;
            }

            day = DayOf(c, k);
            last = day > 0 ? k : i;
            if (day > 0 && c.IsPunct(k + 1, ',') && YearOf(c, k + 2) == 0 && c.Tok[k + 1].Start == c.Tok[k].End)
            {
                // "Mar. 14," then something else: fine, no year.
            }
        }
        else if (DayOf(c, i) > 0 && IsMonth(c, i + 1))
        {
            day = DayOf(c, i);
            month = (int)c.Tok[i + 1].Value;
            last = i + 1;
        }
        else
        {
            return -1;
        }

        int year = 0;
        int y = last + 1;
        if (c.IsPunct(y, '.') && c.Tok[y].Start == c.Tok[last].End && YearOf(c, y + 1) == 0 && c.Has(last, WordClass.Month))
        {
            y++;
        }

        if (c.IsPunct(y, ','))
        {
            y++;
        }

        if (YearOf(c, y) > 0 && c.SameSentence(last, y))
        {
            year = YearOf(c, y);
            last = y;
        }

        int secondDay = 0;
        int secondLast = -1;
        if (day > 0 && year == 0 && (c.Is(last + 1, "and") || c.Is(last + 1, "to") || c.IsPunct(last + 1, '-') || c.IsPunct(last + 1, '\u2013')))
        {
            secondDay = DayOf(c, last + 2);
            if (secondDay > day && !IsMonth(c, last + 3))
            {
                secondLast = last + 2;
                if (c.IsPunct(secondLast + 1, ',') && YearOf(c, secondLast + 2) > 0)
                {
                    year = YearOf(c, secondLast + 2);
                    secondLast += 2;
                }
            }
            else
            {
                secondDay = 0;
            }
        }

        bool weekOf = first >= 2 && c.Is(first - 1, "of") && c.Is(first - 2, "week");
        if (weekOf)
        {
            first -= 2;
            if (c.Is(first - 1, "the"))
            {
                first--;
            }
        }

        // A weekday right before or after ("Thursday, Dec. 23", "Dec. 23, Thursday") belongs to this date.
        if (c.Has(first - 1, WordClass.Weekday) && c.Tok[first - 1].Capitalized)
        {
            first--;
        }
        else if (c.IsPunct(first - 1, ',') && c.Has(first - 2, WordClass.Weekday) && c.Tok[first - 2].Capitalized)
        {
            first -= 2;
        }

        int end = secondLast >= 0 ? secondLast : last;
        if (c.IsPunct(end + 1, ',') && c.Has(end + 2, WordClass.Weekday) && c.Tok[end + 2].Capitalized && c.SameSentence(end, end + 2))
        {
            end += 2;
        }

        // A part of a month ("early March", "mid March", "at the end of February"): ten days or so, not the whole month.
        int part = 0;
        if (day == 0 && !weekOf)
        {
            (part, int partFirst) = PartOfMonth(c, first);
            if (part != 0)
            {
                first = partFirst;
            }
        }

        if (day == 0 && year == 0 && part == 0)
        {
            // A bare month: only after a preposition that makes it a time ("in January", "for January", "since March").
            if (!(c.Is(first - 1, "in") || c.Is(first - 1, "for") || c.Is(first - 1, "since") || c.Is(first - 1, "until") || c.Is(first - 1, "by")
                || c.Is(first - 1, "early") || c.Is(first - 1, "late") || c.Is(first - 1, "mid") || c.Is(first - 1, "next") || c.Is(first - 1, "last")))
            {
                return -1;
            }
        }

        var where = c.Where(first, end);
        Tense tense = TenseDetector.Detect(c, first, end);
        DateOnly? f = null;
        DateOnly? l = null;
        DateResolution resolution = DateResolution.Resolved;
        if (day > 0 && day > DateTime.DaysInMonth(year == 0 ? 2000 : year, month))
        {
            return -1;
        }

        if (year == 0)
        {
            if (c.Reference is { } r)
            {
                year = NearestYear(r, month, day == 0 ? 15 : day, tense);
                resolution = c.ReferenceBorrowed ? DateResolution.Inferred : DateResolution.Resolved;
            }
            else
            {
                resolution = DateResolution.Unresolved;
            }
        }

        DateMentionKind kind = weekOf ? DateMentionKind.Week : day == 0 ? DateMentionKind.Month : DateMentionKind.Absolute;
        if (year > 0)
        {
            if (day == 0)
            {
                int days = DateTime.DaysInMonth(year, month);
                f = new DateOnly(year, month, part switch { 2 => 11, 3 => 21, _ => 1 });
                l = new DateOnly(year, month, part switch { 1 => 10, 2 => 20, _ => days });
            }
            else
            {
                f = new DateOnly(year, month, day);
                l = secondDay > 0 ? new DateOnly(year, month, Math.Min(secondDay, DateTime.DaysInMonth(year, month))) : f;
                if (weekOf)
                {
                    l = f.Value.AddDays(6);
                }
            }
        }

        dates.Add(new DateMention
        {
            Start = where.Start, End = where.End, Text = where.Text, Sentence = where.Sentence, SentenceStart = where.SentenceStart, SentenceEnd = where.SentenceEnd,
            Kind = kind, First = f, Last = l, Resolution = resolution, Tense = tense, Ordinal = month, Day = day,
        });
        c.Claim(first, end);
        return end;
    }

    /// <summary>
    /// The part of a month written before it: 1 for its start ("early March", "the beginning of March"), 2 for its
    /// middle ("mid March", "the middle of March"), 3 for its end ("late March", "the end of March"), else 0; with the
    /// first token of those words.
    /// </summary>
    private static (int Part, int First) PartOfMonth(ScanContext c, int month)
    {
        if (c.Is(month - 1, "early"))
        {
            return (1, month - 1);
        }

        if (c.Is(month - 1, "mid"))
        {
            return (2, month - 1);
        }

        if (c.Is(month - 1, "late"))
        {
            return (3, month - 1);
        }

        if (!c.Is(month - 1, "of"))
        {
            return (0, month);
        }

        int part = c.Is(month - 2, "beginning") || c.Is(month - 2, "start") ? 1 : c.Is(month - 2, "middle") ? 2 : c.Is(month - 2, "end") ? 3 : 0;
        if (part == 0)
        {
            return (0, month);
        }

        return (part, c.Is(month - 3, "the") ? month - 3 : month - 2);
    }

    /// <summary>The year that puts month/day nearest the reference date; a future clause prefers dates on or after it, a past one dates on or before it.</summary>
    private static int NearestYear(DateOnly reference, int month, int day, Tense tense)
    {
        int best = reference.Year;
        int bestDistance = int.MaxValue;
        for (int y = reference.Year - 1; y <= reference.Year + 1; y++)
        {
            var d = new DateOnly(y, month, Math.Min(day, DateTime.DaysInMonth(y, month)));
            int distance = Math.Abs(d.DayNumber - reference.DayNumber);

            // A clearly wrong direction costs a quarter year, so "scheduled for January" in December is next January.
            if ((tense == Tense.Future && d.DayNumber < reference.DayNumber - 7) || (tense == Tense.Past && d.DayNumber > reference.DayNumber + 7))
            {
                distance += 92;
            }

            if (distance < bestDistance)
            {
                best = y;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>"2023-03-14" (one token) and "3/14/2023".</summary>
    private static int TryIso(ScanContext c, int i, ImmutableArray<DateMention>.Builder dates)
    {
        var t = c.Tok[i];
        ReadOnlySpan<char> s = c.Span(i);
        int year;
        int month;
        int day;
        int last = i;
        if (t.Kind == FactTokenKind.Word && s.Length == 10 && s[4] == '-' && s[7] == '-' && char.IsDigit(s[0]) && char.IsDigit(s[5]) && char.IsDigit(s[8]))
        {
            if (!int.TryParse(s[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
                || !int.TryParse(s[5..7], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out month)
                || !int.TryParse(s[8..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out day))
            {
                return -1;
            }
        }
        else if (t.Kind == FactTokenKind.Number && s.Length <= 2 && c.IsPunct(i + 1, '/') && c.Tok[i + 2 < c.Count ? i + 2 : i].Kind == FactTokenKind.Number
            && i + 2 < c.Count && c.IsPunct(i + 3, '/') && i + 4 < c.Count && c.Tok[i + 4].Kind == FactTokenKind.Number
            && c.Tok[i + 4].Start == c.Tok[i + 3].End && c.Tok[i + 2].Start == c.Tok[i + 1].End)
        {
            month = (int)t.Value;
            day = (int)c.Tok[i + 2].Value;
            year = (int)c.Tok[i + 4].Value;
            if (c.Tok[i + 4].Length == 2)
            {
                year += 2000;
            }

            last = i + 4;
        }
        else
        {
            return -1;
        }

        if (month is < 1 or > 12 || year is < 1800 or > 2200 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return -1;
        }

        var where = c.Where(i, last);
        var date = new DateOnly(year, month, day);
        dates.Add(new DateMention
        {
            Start = where.Start, End = where.End, Text = where.Text, Sentence = where.Sentence, SentenceStart = where.SentenceStart, SentenceEnd = where.SentenceEnd,
            Kind = DateMentionKind.Absolute, First = date, Last = date, Resolution = DateResolution.Resolved, Tense = TenseDetector.Detect(c, i, last),
            Ordinal = month, Day = day,
        });
        c.Claim(i, last);
        return last;
    }

    /// <summary>"on Thursday", "last Friday", "next Monday", "Saturday night".</summary>
    private static int TryWeekday(ScanContext c, int i, ImmutableArray<DateMention>.Builder dates)
    {
        if (!c.Has(i, WordClass.Weekday) || !c.Tok[i].Capitalized || c.Tok[i].Length < 4)
        {
            return -1;
        }

        int weekday = (int)c.Tok[i].Value;
        int first = i;
        int last = i;
        int direction = 0;
        if (c.Is(i - 1, "last") || c.Is(i - 1, "past"))
        {
            direction = -1;
            first = i - 1;
        }
        else if (c.Is(i - 1, "next") || c.Is(i - 1, "coming"))
        {
            direction = 1;
            first = i - 1;
        }
        else if (c.Is(i - 1, "this"))
        {
            first = i - 1;
        }

        if (c.Is(i + 1, "night") || c.Is(i + 1, "morning") || c.Is(i + 1, "afternoon") || c.Is(i + 1, "evening"))
        {
            last = i + 1;
        }

        Tense tense = TenseDetector.Detect(c, first, last);
        DateOnly? date = null;
        var resolution = DateResolution.Unresolved;
        if (c.Reference is { } r)
        {
            int today = (int)r.DayOfWeek;
            int back = (today - weekday + 7) % 7;
            int forward = (weekday - today + 7) % 7;
            if (direction < 0)
            {
                date = r.AddDays(-(back == 0 ? 7 : back));
            }
            else if (direction > 0)
            {
                date = r.AddDays(forward == 0 ? 7 : forward);
            }
            else
            {
                date = tense == Tense.Future ? r.AddDays(forward) : r.AddDays(-back);
            }

            resolution = c.ReferenceBorrowed ? DateResolution.Inferred : DateResolution.Resolved;
        }

        var where = c.Where(first, last);
        dates.Add(new DateMention
        {
            Start = where.Start, End = where.End, Text = where.Text, Sentence = where.Sentence, SentenceStart = where.SentenceStart, SentenceEnd = where.SentenceEnd,
            Kind = DateMentionKind.Weekday, First = date, Last = date, Resolution = resolution, Tense = tense, Ordinal = weekday,
        });
        c.Claim(first, last);
        return last;
    }

    /// <summary>today, yesterday, this morning, last night, earlier this week, next month, last year, three days ago.</summary>
    private static int TryRelative(ScanContext c, int i, ImmutableArray<DateMention>.Builder dates)
    {
        int first = i;
        int last;
        int offset = 0;
        DateMentionKind kind = DateMentionKind.RelativeDay;
        int periodUnit = 0; // 1 week, 2 month, 3 year
        int periodShift = 0;
        int part = 0; // -1 earlier this, +1 later this
        if (c.Has(i, WordClass.RelativeDay))
        {
            offset = (int)c.Tok[i].Value;
            last = i;
            if (offset == 0 && c.Is(i, "today") && c.Tok[i].Capitalized && !c.Tok[i].SentenceStart)
            {
                return -1; // "USA Today", "Today show"
            }

            if (c.Is(i + 1, "night") || c.Is(i + 1, "morning") || c.Is(i + 1, "afternoon") || c.Is(i + 1, "evening"))
            {
                last = i + 1;
            }
        }
        else if ((c.Is(i, "this") || c.Is(i, "last")) && (c.Is(i + 1, "morning") || c.Is(i + 1, "afternoon") || c.Is(i + 1, "evening") || c.Is(i + 1, "night")))
        {
            offset = c.Is(i, "last") && c.Is(i + 1, "night") ? -1 : 0;
            last = i + 1;
            if (c.Is(i - 1, "early") || c.Is(i - 1, "late") || c.Is(i - 1, "earlier") || c.Is(i - 1, "later"))
            {
                first = i - 1;
            }
        }
        else if (c.Tok[i].Kind is FactTokenKind.Number or FactTokenKind.Word && (c.Tok[i].Kind == FactTokenKind.Number || c.Has(i, WordClass.NumberWord))
            && c.Has(i + 1, WordClass.DurationUnit) && c.Is(i + 2, "ago") && c.Tok[i].Value is > 0 and < 400)
        {
            double days = c.Tok[i].Value * c.Tok[i + 1].Value;
            if (days < 1)
            {
                return -1;
            }

            offset = -(int)Math.Round(days);
            last = i + 2;
        }
        else
        {
            int k = i;
            if (c.Is(k, "earlier") || c.Is(k, "later") || c.Is(k, "early") || c.Is(k, "late"))
            {
                part = c.Is(k, "earlier") || c.Is(k, "early") ? -1 : 1;
                k++;
            }

            if (c.Is(k, "this"))
            {
                periodShift = 0;
            }
            else if (c.Is(k, "last") || c.Is(k, "past"))
            {
                periodShift = -1;
            }
            else if (c.Is(k, "next") || (c.Is(k, "coming") && c.Is(k - 1, "the")))
            {
                periodShift = 1;
            }
            else
            {
                return -1;
            }

            if (c.Is(k + 1, "week"))
            {
                periodUnit = 1;
            }
            else if (c.Is(k + 1, "month"))
            {
                periodUnit = 2;
            }
            else if (c.Is(k + 1, "year"))
            {
                periodUnit = 3;
            }
            else
            {
                return -1;
            }

            if (periodShift != 0 && part != 0 && !(c.Is(i, "early") || c.Is(i, "late")))
            {
                part = 0; // "earlier last week" is just last week
            }

            kind = DateMentionKind.RelativePeriod;
            last = k + 1;
            if (c.Is(first - 1, "the") && periodShift == 1 && c.Is(k, "coming"))
            {
                first--;
            }
        }

        Tense tense = TenseDetector.Detect(c, first, last);
        DateOnly? f = null;
        DateOnly? l = null;
        var resolution = DateResolution.Unresolved;
        if (c.Reference is { } r)
        {
            resolution = c.ReferenceBorrowed ? DateResolution.Inferred : DateResolution.Resolved;
            if (kind == DateMentionKind.RelativeDay)
            {
                f = l = r.AddDays(offset);
            }
            else
            {
                (f, l) = Period(r, periodUnit, periodShift, part);
            }
        }

        var where = c.Where(first, last);
        dates.Add(new DateMention
        {
            Start = where.Start, End = where.End, Text = where.Text, Sentence = where.Sentence, SentenceStart = where.SentenceStart, SentenceEnd = where.SentenceEnd,
            Kind = kind, First = f, Last = l, Resolution = resolution, Tense = tense, Ordinal = kind == DateMentionKind.RelativeDay ? offset : (periodUnit * 10) + periodShift,
        });
        c.Claim(first, last);
        return last;
    }

    private static (DateOnly First, DateOnly Last) Period(DateOnly r, int unit, int shift, int part)
    {
        DateOnly first;
        DateOnly last;
        switch (unit)
        {
            case 1:
                // Weeks run Monday to Sunday.
                int sinceMonday = ((int)r.DayOfWeek + 6) % 7;
                first = r.AddDays(-sinceMonday + (7 * shift));
                last = first.AddDays(6);
                break;
            case 2:
                var m = new DateOnly(r.Year, r.Month, 1).AddMonths(shift);
                first = m;
                last = m.AddMonths(1).AddDays(-1);
                break;
            default:
                first = new DateOnly(r.Year + shift, 1, 1);
                last = new DateOnly(r.Year + shift, 12, 31);
                break;
        }

        if (shift == 0 && part < 0 && r >= first && r <= last)
        {
            last = r;
        }
        else if (shift == 0 && part > 0 && r >= first && r <= last)
        {
            first = r;
        }
        else if (shift != 0 && part != 0)
        {
            int days = last.DayNumber - first.DayNumber;
            if (part < 0)
            {
                last = first.AddDays(days / 2);
            }
            else
            {
                first = first.AddDays(days / 2);
            }
        }

        return (first, last);
    }
}
