using System.Collections.Immutable;

namespace Comparison.Facts;

/// <summary>
/// Finds names: runs of capitalised words (titles before them split off), acronyms, and @handles.
/// Words that are capitalised only because they open a sentence ("The", "Police") are not names.
/// </summary>
internal static class EntityScanner
{
    private const int MaxNameWords = 6;

    public static void Scan(ScanContext c, ImmutableArray<EntityMention>.Builder entities)
    {
        for (int i = 0; i < c.Count; i++)
        {
            var t = c.Tok[i];
            if (t.Kind == FactTokenKind.Punctuation && c.First(i) == '@' && i + 1 < c.Count && c.Tok[i + 1].Start == t.End && c.Tok[i + 1].Kind == FactTokenKind.Word)
            {
                var h = c.Where(i, i + 1);
                entities.Add(new EntityMention
                {
                    Start = h.Start, End = h.End, Text = h.Text, Sentence = h.Sentence, SentenceStart = h.SentenceStart, SentenceEnd = h.SentenceEnd,
                    Kind = EntityKind.Handle, Key = c.Lower(i + 1),
                });
                i++;
                continue;
            }

            if (!IsNameWord(c, i))
            {
                continue;
            }

            int first = i;
            int last = i;
            while (last + 1 < c.Count && last - first < MaxNameWords && c.SameSentence(first, last + 1) && c.Tok[last + 1].Start - c.Tok[last].End <= 1)
            {
                if (IsNameWord(c, last + 1) || (c.IsPunct(last + 1, '.') && c.Tok[last].Length == 1 && IsNameWord(c, last + 2)))
                {
                    last += c.IsPunct(last + 1, '.') ? 2 : 1;
                    continue;
                }

                if ((c.Is(last + 1, "of") || c.Is(last + 1, "for")) && IsNameWord(c, last + 2) && c.Has(last, WordClass.OrganisationHead | WordClass.Title))
                {
                    last += 2; // "Organization for Security", "Secretary of State"
                    continue;
                }

                break;
            }

            // Titles in front are not part of the name: "Police Chief Maria X" names "Maria X".
            // Everything up to the last title is the role ("Police Chief", "White House Press Secretary").
            int nameFirst = first;
            if (!c.Has(last, WordClass.OrganisationHead))
            {
                for (int k = last - 1; k >= first; k--)
                {
                    if (c.Has(k, WordClass.Title) || c.Is(k, "of"))
                    {
                        nameFirst = k + 1;
                        break;
                    }
                }
            }

            bool sentenceInitialCommon = c.Tok[first].SentenceStart && first == last && c.Has(first, WordClass.CommonCapital);
            if (sentenceInitialCommon || (first == last && c.Has(first, WordClass.Title)))
            {
                i = last;
                continue;
            }

            string? title = nameFirst > first ? c.Slice(c.Tok[first].Start, c.Tok[nameFirst - 1].End) : null;
            var w = c.Where(nameFirst, last);
            EntityKind kind = KindOf(c, first, nameFirst, last);
            entities.Add(new EntityMention
            {
                Start = w.Start, End = w.End, Text = w.Text, Sentence = w.Sentence, SentenceStart = w.SentenceStart, SentenceEnd = w.SentenceEnd,
                Kind = kind, Title = title, Key = Key(c, last),
            });
            i = last;
        }
    }

    private static bool IsNameWord(ScanContext c, int k)
    {
        if ((uint)k >= (uint)c.Count)
        {
            return false;
        }

        var t = c.Tok[k];
        if (t.Kind != FactTokenKind.Word || !t.Capitalized || (t.Classes & (WordClass.Month | WordClass.Weekday | WordClass.RelativeDay | WordClass.Pronoun)) != 0)
        {
            return false;
        }

        // Capitalised function words mid-sentence ("The", "And") are headline style, not names.
        return (t.Classes & WordClass.Stop) == 0 || t.Length <= 1;
    }

    private static EntityKind KindOf(ScanContext c, int first, int nameFirst, int last)
    {
        ReadOnlySpan<char> lastWord = c.Span(last);
        bool acronym = lastWord.Length >= 2 && !lastWord.ContainsAnyInRange('a', 'z');
        if (c.Has(last, WordClass.OrganisationHead) || (acronym && first == last))
        {
            return EntityKind.Organisation;
        }

        if (nameFirst > first || (last - nameFirst is 1 or 2))
        {
            return EntityKind.Person;
        }

        if (c.Is(first - 1, "in") || c.Is(first - 1, "near") || c.Is(first - 1, "from") || c.Is(first - 1, "to"))
        {
            return EntityKind.Place;
        }

        return EntityKind.Other;
    }

    private static string Key(ScanContext c, int last)
    {
        ReadOnlySpan<char> w = c.Span(last);
        if (w.Length > 2 && (w[^2] is '\'' or '\u2019') && (w[^1] is 's' or 'S'))
        {
            w = w[..^2];
        }

        return ScanContext.LowerCopy(w);
    }
}
