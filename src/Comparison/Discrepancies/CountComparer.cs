using System.Collections.Immutable;
using Comparison.Facts;

namespace Comparison.Discrepancies;

/// <summary>
/// Compares amounts slot by slot: an amount belongs to a slot made of its role (what happened to what is
/// counted: killed, injured, shot, arrested...), the counted noun and its unit, and only amounts of one slot
/// are compared.
/// </summary>
/// <remarks>
/// A document that gives two different values for one slot speaks of two different things under it (a subset
/// and a total, two groups), so it takes no part in that slot. Subsets ("two other victims", "three of the
/// dead"), amounts read from an article ("a woman") and money or distances without a purpose or a reference
/// place are left out. A flag has one mention per document.
/// </remarks>
internal static class CountComparer
{
    private const int WindowAfter = 6;
    private const int WindowBefore = 3;

    /// <summary>Nouns that name people without telling them apart: one slot, "person".</summary>
    private static readonly HashSet<string> GenericPeople = new(StringComparer.Ordinal)
    {
        "people", "person", "persons", "victim", "victims", "other", "others", "individual", "individuals", "resident", "residents",
    };

    /// <summary>Words that tell what an amount of money is for.</summary>
    private static readonly HashSet<string> MoneyPurposes = new(StringComparer.Ordinal)
    {
        "bail", "bond", "reward", "fine", "fines", "salary", "damages", "budget", "funding", "fund", "funds", "settlement", "ransom",
        "price", "cost", "costs", "aid", "loan", "bonus", "wall", "deficit", "tax", "taxes", "contract", "deal", "donation", "donations",
    };

    private static readonly System.Buffers.SearchValues<char> Currencies = System.Buffers.SearchValues.Create("$\u00A3\u20AC");

    /// <summary>Words after an amount that make it part of a larger group, not a total.</summary>
    private static readonly HashSet<string> SubsetAfter = new(StringComparer.Ordinal) { "other", "others", "more", "of", "additional", "further" };

    /// <summary>Words before an amount that make it part of a larger group.</summary>
    private static readonly HashSet<string> SubsetBefore = new(StringComparer.Ordinal) { "other", "another", "additional", "remaining", "including", "among", "first", "last", "next" };

    /// <summary>Words that give an amount its role when no harm word does.</summary>
    private static readonly (string Prefix, string Role)[] Roles =
    [
        ("arrest", "arrested"), ("custody", "arrested"), ("charged", "charged"), ("evacuat", "evacuated"), ("displac", "displaced"),
        ("homeless", "displaced"), ("rescued", "rescued"), ("missing", "missing"), ("deploy", "deployed"), ("hospital", "injured"),
        ("wounded", "injured"), ("injur", "injured"), ("fired", "fired"), ("destroy", "destroyed"), ("damag", "damaged"),
    ];

    public static void Compare(IReadOnlyList<DocumentFacts> facts, SentenceContexts[] contexts, List<Discrepancy> discrepancies)
    {
        var slots = new SortedDictionary<string, List<(int Document, Quantity Quantity, double Value)>>(StringComparer.Ordinal);
        for (int d = 0; d < facts.Count; d++)
        {
            foreach (Quantity q in facts[d].Quantities.Concat(OnePersonActing(facts[d], contexts[d])))
            {
                if (OpensAnotherIncident(q, contexts[d]) || (SlotOf(q, facts[d].Document.Text, contexts[d]) ?? CasualtySlot(facts[d], q, contexts[d])) is not { } slot)
                {
                    continue;
                }

                string key = slot.Key;
                if (key.StartsWith('|') && key.EndsWith('|') && !key.Contains("|person|", StringComparison.Ordinal) && Holder(facts[d], q) is { } holder)
                {
                    key += "@" + holder;
                }

                if (!slots.TryGetValue(key, out var members))
                {
                    slots[key] = members = [];
                }

                members.Add((d, q, slot.Scale));
            }
        }

        Restatements(facts, contexts, discrepancies);
        MergeMisspelledHeads(slots, contexts);
        foreach (var (key, members) in slots.SelectMany(slot => Bands(slot.Value).Select(band => (slot.Key, band))))
        {
            var chosen = WithoutOutliers(Representatives(members, facts.Count, contexts));
            if (chosen.Count < 2 || Relation(chosen) is not { } relation)
            {
                continue;
            }

            double similarity = 0;
            bool otherNames = false;
            bool sharedName = false;
            for (int x = 0; x < chosen.Count; x++)
            {
                for (int y = x + 1; y < chosen.Count; y++)
                {
                    similarity = Math.Max(similarity, SentenceContexts.Similarity(contexts[chosen[x].Document], chosen[x].Quantity.Sentence, contexts[chosen[y].Document], chosen[y].Quantity.Sentence));
                    if (Scaled(chosen[x].Quantity.Interval, chosen[x].Scale) == Scaled(chosen[y].Quantity.Interval, chosen[y].Scale))
                    {
                        continue; // only the pairs that disagree say whether the slot holds one thing
                    }

                    var nx = NamesIn(facts[chosen[x].Document].Document.Text, chosen[x].Quantity);
                    var ny = NamesIn(facts[chosen[y].Document].Document.Text, chosen[y].Quantity);
                    if (nx.Overlaps(ny))
                    {
                        sharedName = true;
                    }
                    else if (nx.Count > 0 && ny.Count > 0)
                    {
                        otherNames = true;
                    }
                }
            }

            var mentions = ImmutableArray.CreateBuilder<DiscrepancyMention>(chosen.Count);
            foreach (var (d, q, scale) in chosen)
            {
                mentions.Add(DiscrepancyFinder.Mention(facts[d], q, FactTokenizer.Format(q.Value * scale), q.Value * scale, Scaled(q.Interval, scale), q.QualifierText));
            }

            discrepancies.Add(new Discrepancy
            {
                Kind = DiscrepancyKind.Number,
                Subject = SubjectOf(key, chosen),
                Relation = relation,
                Severity = relation == DiscrepancyRelation.Contradiction ? DiscrepancySeverity.High : DiscrepancySeverity.Medium,
                Confidence = Math.Round(Math.Clamp(Confidence(key, chosen, similarity, relation) + (sharedName ? 0.05 : otherNames && !IsSpeed(key) ? -0.25 : 0), 0, 1), 3),
                Mentions = mentions.MoveToImmutable(),
            });
        }
    }

    /// <summary>
    /// Folds a slot into another of the same unit, of the same role or one without a role, whose counted noun is
    /// the same or a misspelling of its own ("victms" for "victims", "officer" for "officers") when two of their
    /// amounts, in different documents, stand in like sentences with figures of one order (at most twice apart).
    /// </summary>
    private static void MergeMisspelledHeads(SortedDictionary<string, List<(int Document, Quantity Quantity, double Scale)>> slots, SentenceContexts[] contexts)
    {
        var keys = new List<string>(slots.Keys);
        for (int x = 0; x < keys.Count; x++)
        {
            for (int y = x + 1; y < keys.Count; y++)
            {
                if (!slots.ContainsKey(keys[x]) || !slots.ContainsKey(keys[y]))
                {
                    continue;
                }

                string[] a = keys[x].Split('|');
                string[] b = keys[y].Split('|');
                // A missing role is unknown, not different: "people" and "people evacuated" can be one slot; but small
                // counts without a role are too often another group (the suspects, not the victims) to be joined.
                bool roles = a[0] == b[0] || ((a[0].Length == 0 || b[0].Length == 0) && Smallest(slots[keys[x]]) >= 100 && Smallest(slots[keys[y]]) >= 100);
                if (!roles || a[2] != b[2] || a[1] == "person" || b[1] == "person" || a[1] == "money" || b[1] == "money"
                    || (a[1] != b[1] && (FuzzySharp.Fuzz.Ratio(TrimAgent(a[1]), TrimAgent(b[1])) < 65 || !LikeSentences(slots[keys[x]], slots[keys[y]], contexts))))
                {
                    continue;
                }

                slots[keys[x]].AddRange(slots[keys[y]]);
                slots.Remove(keys[y]);
            }
        }
    }

    /// <summary>
    /// Flags one statement repeated with another figure: two amounts whose sentences and neighbouring words are
    /// nearly the same in two documents (a copy or a rewrite of one report) but whose values exclude each other.
    /// The slot need not be known: the statement itself is the slot.
    /// </summary>
    private static void Restatements(IReadOnlyList<DocumentFacts> facts, SentenceContexts[] contexts, List<Discrepancy> discrepancies)
    {
        for (int a = 0; a < facts.Count; a++)
        {
            for (int b = a + 1; b < facts.Count; b++)
            {
                foreach (Quantity x in facts[a].Quantities)
                {
                    foreach (Quantity y in facts[b].Quantities)
                    {
                        if (x.Interval.Overlaps(y.Interval) || IsDecimalTail(facts[a].Document.Text, x) || IsDecimalTail(facts[b].Document.Text, y))
                        {
                            continue;
                        }

                        double sentence = SentenceContexts.Similarity(contexts[a], x.Sentence, contexts[b], y.Sentence);
                        if (sentence < 0.8 || !SameSurroundings(facts[a].Document.Text, x, facts[b].Document.Text, y))
                        {
                            continue;
                        }

                        discrepancies.Add(new Discrepancy
                        {
                            Kind = DiscrepancyKind.Number,
                            Subject = x.Noun.Length > 0 ? x.Noun : y.Noun.Length > 0 ? y.Noun : "amount",
                            Relation = DiscrepancyRelation.Contradiction,
                            Severity = DiscrepancySeverity.High,
                            Confidence = Math.Round(0.6 + (0.35 * sentence), 3),
                            Mentions =
                            [
                                DiscrepancyFinder.Mention(facts[a], x, FactTokenizer.Format(x.Value), x.Value, x.Interval, x.QualifierText),
                                DiscrepancyFinder.Mention(facts[b], y, FactTokenizer.Format(y.Value), y.Value, y.Interval, y.QualifierText),
                            ],
                        });
                    }
                }
            }
        }
    }

    /// <summary>"6. 0": the tail of a decimal the text broke with a space is no amount of its own.</summary>
    private static bool IsDecimalTail(string text, Quantity q) =>
        q.Start >= 3 && text[q.Start - 1] == ' ' && text[q.Start - 2] == '.' && char.IsDigit(text[q.Start - 3]);

    /// <summary>Whether the words right before and right after two amounts, within their sentences, are written the same.</summary>
    private static bool SameSurroundings(string textA, Quantity a, string textB, Quantity b)
    {
        const int Reach = 24;
        int beforeA = Math.Max(a.SentenceStart, a.Start - Reach);
        int beforeB = Math.Max(b.SentenceStart, b.Start - Reach);
        int afterA = Math.Min(a.SentenceEnd, a.End + Reach);
        int afterB = Math.Min(b.SentenceEnd, b.End + Reach);
        var before = Math.Min(a.Start - beforeA, b.Start - beforeB);
        var after = Math.Min(afterA - a.End, afterB - b.End);
        return before + after >= 8
            && textA.AsSpan(a.Start - before, before).SequenceEqual(textB.AsSpan(b.Start - before, before))
            && textA.AsSpan(a.End, after).SequenceEqual(textB.AsSpan(b.End, after));
    }

    private static double Smallest(List<(int Document, Quantity Quantity, double Scale)> members)
    {
        double min = double.MaxValue;
        foreach (var m in members)
        {
            min = Math.Min(min, Math.Abs(m.Quantity.Value * m.Scale));
        }

        return min;
    }

    private static bool LikeSentences(List<(int Document, Quantity Quantity, double Scale)> a, List<(int Document, Quantity Quantity, double Scale)> b, SentenceContexts[] contexts)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                double lo = Math.Min(Math.Abs(x.Quantity.Value * x.Scale), Math.Abs(y.Quantity.Value * y.Scale));
                double hi = Math.Max(Math.Abs(x.Quantity.Value * x.Scale), Math.Abs(y.Quantity.Value * y.Scale));
                if (x.Document != y.Document && lo > 0 && hi / lo <= 2
                    && SentenceContexts.Similarity(contexts[x.Document], x.Quantity.Sentence, contexts[y.Document], y.Quantity.Sentence) >= 0.1)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string TrimAgent(string word) => word.Length > 5 && word.EndsWith("er", StringComparison.Ordinal) ? word[..^2] : word;

    /// <summary>
    /// The names in an amount's sentence: capitalised words that are no common word. Two
    /// sentences that name only different people or places speak of different things ("Carter had four
    /// assists", "Gibbs had eight of the 11 assists").
    /// </summary>
    private static HashSet<string> NamesIn(string text, Quantity q)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        int i = q.SentenceStart;
        while (i < q.SentenceEnd)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < q.SentenceEnd && (char.IsLetter(text[i]) || text[i] == '-'))
            {
                i++;
            }

            if (char.IsUpper(text[start]) && i - start > 2)
            {
                var word = text.AsSpan(start, i - start);
                if ((FactLexicon.Find(word).Classes & (WordClass.Stop | WordClass.Month | WordClass.Weekday | WordClass.Title | WordClass.CommonCapital | WordClass.Pronoun | WordClass.Reporting | WordClass.Verb | WordClass.Auxiliary | WordClass.NumberWord | WordClass.Killed | WordClass.Injured | WordClass.Shot)) == 0)
                {
                    names.Add(word.ToString());
                }
            }

        }

        return names;
    }

    /// <summary>
    /// One amount per document: the first, when all the document's amounts of the slot agree. A document that
    /// gives the slot two values speaks of two things under it, and takes part only through an amount whose
    /// sentence another document repeats nearly word for word (the same statement, so the same thing), a differing
    /// value first.
    /// </summary>
    private static List<(int Document, Quantity Quantity, double Scale)> Representatives(List<(int Document, Quantity Quantity, double Scale)> members, int documents, SentenceContexts[] contexts)
    {
        var chosen = new List<(int, Quantity, double)>();
        for (int d = 0; d < documents; d++)
        {
            (int, Quantity, double)? first = null;
            bool ambiguous = false;
            var tally = new Dictionary<double, int>();
            int total = 0;
            foreach (var m in members)
            {
                if (m.Document != d)
                {
                    continue;
                }

                double v = m.Quantity.Value * m.Scale;
                tally[v] = tally.GetValueOrDefault(v) + 1;
                total++;
                if (first is null)
                {
                    first = m;
                }
                else if (!Scaled(first.Value.Item2.Interval, first.Value.Item3).Overlaps(Scaled(m.Quantity.Interval, m.Scale)) || first.Value.Item2.Value * first.Value.Item3 != v)
                {
                    ambiguous = true;
                }
            }

            if (first is { } f && !ambiguous)
            {
                chosen.Add(f);
            }
            else if (first is not null && Majority(members, d, tally, total) is { } repeated)
            {
                chosen.Add(repeated);
            }
            else if (first is { } lead && lead.Item2.Sentence < LeadSentences && !TwoValuesInOneSentence(members, d, lead))
            {
                // The lead states the report's figure for its event; later figures of the slot recount others (an earlier quake, another agency's reading).
                chosen.Add(lead);
            }
            else if (first is not null && Restated(members, d, contexts) is { } restated)
            {
                chosen.Add(restated);
            }
        }

        return chosen;
    }

    /// <summary>
    /// Whether the sentence of a document's first amount of a slot gives the slot another value as well ("one count of
    /// murder and five counts of attempted murder"): it speaks of two things under the slot, so neither is the lead's figure.
    /// </summary>
    private static bool TwoValuesInOneSentence(List<(int Document, Quantity Quantity, double Scale)> members, int d, (int Document, Quantity Quantity, double Scale) lead)
    {
        foreach (var m in members)
        {
            if (m.Document == d && m.Quantity.Sentence == lead.Quantity.Sentence && m.Quantity.Value * m.Scale != lead.Quantity.Value * lead.Scale)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many sentences from a report's start make its lead.</summary>
    private const int LeadSentences = 5;

    /// <summary>
    /// The first mention of the figure a document repeats more often than all its other figures of the slot together
    /// ("ten others were injured" ... "injured 10" under a photo, against one "injured two" of an earlier night): the
    /// figure the report gives for the slot; null when no figure is repeated that often.
    /// </summary>
    private static (int Document, Quantity Quantity, double Scale)? Majority(List<(int Document, Quantity Quantity, double Scale)> members, int d, Dictionary<double, int> tally, int total)
    {
        foreach (var (value, n) in tally)
        {
            if (n >= 2 && 2 * n > total)
            {
                foreach (var m in members)
                {
                    if (m.Document == d && m.Quantity.Value * m.Scale == value)
                    {
                        return m;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Largest ratio between two figures of one fact: 26,000 dead of an earlier quake and 10 of this one are two tolls.</summary>
    private const double MaxBandRatio = 10;

    /// <summary>
    /// The amounts of a slot split where two figures next in size lie more than <see cref="MaxBandRatio"/> apart: each
    /// band is compared on its own, so a document that gives this event's toll and a past one's stays in both.
    /// </summary>
    private static List<List<(int Document, Quantity Quantity, double Scale)>> Bands(List<(int Document, Quantity Quantity, double Scale)> members)
    {
        var sorted = new List<(int Document, Quantity Quantity, double Scale)>(members);
        sorted.Sort((x, y) => Math.Abs(x.Quantity.Value * x.Scale).CompareTo(Math.Abs(y.Quantity.Value * y.Scale)));
        var bands = new List<List<(int, Quantity, double)>>();
        double previous = double.NaN;
        foreach (var m in sorted)
        {
            double v = Math.Abs(m.Quantity.Value * m.Scale);
            if (bands.Count == 0 || (previous > 0 && v / previous > MaxBandRatio))
            {
                bands.Add([]);
            }

            bands[^1].Add(m);
            previous = v;
        }

        // Each band in the members' own order (documents, then text), which the representatives rely on.
        foreach (var band in bands)
        {
            band.Sort((x, y) => members.IndexOf(x).CompareTo(members.IndexOf(y)));
        }

        return bands;
    }

    /// <summary>
    /// Without the one figure far from all the others when two or more documents give close but different figures
    /// (within 1.5 times each other) and it lies more than twice from the nearest of them: a lone figure that far off
    /// counts another group (the wounded of another shooting that night), not the same one differently.
    /// </summary>
    private static List<(int Document, Quantity Quantity, double Scale)> WithoutOutliers(List<(int Document, Quantity Quantity, double Scale)> chosen)
    {
        if (chosen.Count < 3)
        {
            return chosen;
        }

        int outlier = -1;
        for (int x = 0; x < chosen.Count; x++)
        {
            double v = Math.Abs(chosen[x].Quantity.Value * chosen[x].Scale);
            double lo = double.MaxValue;
            double hi = 0;
            double nearest = double.MaxValue;
            for (int y = 0; y < chosen.Count; y++)
            {
                if (y == x)
                {
                    continue;
                }

                double w = Math.Abs(chosen[y].Quantity.Value * chosen[y].Scale);
                lo = Math.Min(lo, w);
                hi = Math.Max(hi, w);
                nearest = Math.Min(nearest, Math.Max(v, w) / Math.Max(1e-9, Math.Min(v, w)));
            }

            // Only where the others disagree among themselves: a lone figure against others that all agree is the disagreement.
            if (lo > 0 && hi > lo && hi / lo <= 1.5 && nearest > 2)
            {
                if (outlier >= 0)
                {
                    return chosen;
                }

                outlier = x;
            }
        }

        if (outlier < 0)
        {
            return chosen;
        }

        var kept = new List<(int, Quantity, double)>(chosen);
        kept.RemoveAt(outlier);
        return kept;
    }

    private const double RestatedSimilarity = 0.5;

    private static (int Document, Quantity Quantity, double Scale)? Restated(List<(int Document, Quantity Quantity, double Scale)> members, int d, SentenceContexts[] contexts)
    {
        (int, Quantity, double)? best = null;
        double bestScore = RestatedSimilarity;
        foreach (var m in members)
        {
            if (m.Document != d)
            {
                continue;
            }

            foreach (var o in members)
            {
                if (o.Document == d)
                {
                    continue;
                }

                double score = SentenceContexts.Similarity(contexts[d], m.Quantity.Sentence, contexts[o.Document], o.Quantity.Sentence);
                if (Scaled(m.Quantity.Interval, m.Scale) != Scaled(o.Quantity.Interval, o.Scale))
                {
                    score += 0.01;
                }

                if (score > bestScore)
                {
                    bestScore = score;
                    best = m;
                }
            }
        }

        return best;
    }

    /// <summary>Contradiction when two values exclude each other; precision when both are bounds with different figures; otherwise null (compatible).</summary>
    private static DiscrepancyRelation? Relation(List<(int Document, Quantity Quantity, double Scale)> chosen)
    {
        bool precision = false;
        for (int x = 0; x < chosen.Count; x++)
        {
            for (int y = x + 1; y < chosen.Count; y++)
            {
                NumericInterval a = Scaled(chosen[x].Quantity.Interval, chosen[x].Scale);
                NumericInterval b = Scaled(chosen[y].Quantity.Interval, chosen[y].Scale);
                if (a == b)
                {
                    continue;
                }

                if (!a.Overlaps(b))
                {
                    return DiscrepancyRelation.Contradiction;
                }

                if (IsBound(chosen[x].Quantity.Qualifier) && IsBound(chosen[y].Quantity.Qualifier) && !Near(chosen[x].Quantity.Value * chosen[x].Scale, chosen[y].Quantity.Value * chosen[y].Scale))
                {
                    precision = true;
                }

                // "hundreds" against "612", "dozens" against "47": compatible, but one report gives the figure the other only guesses at.
                if (IsVague(chosen[x].Quantity) != IsVague(chosen[y].Quantity) && (IsVague(chosen[x].Quantity) ? b : a).Lower == (IsVague(chosen[x].Quantity) ? b : a).Upper)
                {
                    precision = true;
                }
            }
        }

        return precision ? DiscrepancyRelation.Precision : null;
    }

    /// <summary>Whether an amount is a vague word ("dozens", "hundreds", "thousands"), not a figure.</summary>
    private static bool IsVague(Quantity q) => q.Qualifier == QuantityQualifier.Approximate && q.QualifierText is null && !char.IsDigit(q.Text[0]);

    private static bool Near(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));

    private static bool IsBound(QuantityQualifier q) => q is QuantityQualifier.MoreThan or QuantityQualifier.AtLeast or QuantityQualifier.LessThan or QuantityQualifier.AtMost;

    private static NumericInterval Scaled(NumericInterval i, double scale) =>
        scale == 1 ? i : new NumericInterval(i.Lower * scale, i.Upper * scale, i.LowerInclusive, i.UpperInclusive);

    /// <summary>
    /// How likely a flag is a real disagreement, in [0, 1]: a known role, a specific counted noun, close values
    /// and similar sentences raise it; many documents that all give different values (different things under
    /// one noun) lower it.
    /// </summary>
    private static double Confidence(string key, List<(int Document, Quantity Quantity, double Scale)> chosen, double similarity, DiscrepancyRelation relation)
    {
        string role = key[..key.IndexOf('|', StringComparison.Ordinal)];
        double c = 0.4 + (0.3 * similarity);
        // What money is for ("bail", "reward"), a unit of speed, or the person whose amount it is, names its slot as well as a role does.
        bool named = role.Length > 0 || key.Contains("|money|", StringComparison.Ordinal) || IsSpeed(key) || key == "|magnitude|" || key.Contains('@', StringComparison.Ordinal);
        if (named)
        {
            c += 0.15;
        }

        if (!key.Contains("|person|", StringComparison.Ordinal))
        {
            c += 0.05;
        }

        double lo = double.MaxValue;
        double hi = 0;
        var distinct = new HashSet<double>();
        foreach (var (_, q, scale) in chosen)
        {
            lo = Math.Min(lo, q.Value * scale);
            hi = Math.Max(hi, q.Value * scale);
            distinct.Add(q.Value * scale);
        }

        if (lo > 0 && hi / lo <= 1.5)
        {
            c += 0.1;
        }

        // Figures in the hundreds and more under one counted noun are rarely two different groups of one event.
        if (lo >= 100)
        {
            c += 0.15;
        }

        if (chosen.Count >= 3 && distinct.Count == chosen.Count)
        {
            c -= 0.15;
        }

        // Figures the leads of the reports give are what each says of the event; a figure deep in a report is more often another group's.
        bool leads = true;
        foreach (var (_, q, _) in chosen)
        {
            leads &= q.Sentence < LeadSentences;
        }

        if (leads)
        {
            c += 0.1;
        }

        if (relation == DiscrepancyRelation.Precision)
        {
            c -= 0.05;
        }

        // Every report states the role of its figure itself ("ten others were injured", "injured 10", "80 wounded"): one
        // statement made by each, not a figure that only stands near a word of the role ("three victims were taken to hospitals").
        if (role.Length > 0 && chosen.TrueForAll(m => StatesRole(m.Quantity, role)))
        {
            c += StatedRoleBonus;
        }

        return Math.Clamp(c, 0, 1);
    }

    /// <summary>How much more likely a flag is real when every report states the role of its figure itself.</summary>
    private const double StatedRoleBonus = 0.15;

    /// <summary>
    /// Whether an amount's own statement gives it the role: a harm or role verb the amount's clause governs ("were
    /// injured", "injured 10", "have been arrested"), or a harm word leading its counted noun ("50 hurt", "the 80
    /// wounded").
    /// </summary>
    private static bool StatesRole(Quantity q, string role)
    {
        if (q.Predicate is { } p && Role(p) == role)
        {
            return true;
        }

        int space = q.Noun.IndexOf(' ', StringComparison.Ordinal);
        string firstNounWord = (space > 0 ? q.Noun[..space] : q.Noun).ToLowerInvariant();
        return firstNounWord.Length > 3 && IsHarm(firstNounWord) && Role(firstNounWord) == role;
    }

    /// <summary>The slot of an amount ("killed|person|", "arrested|suspect|") and the factor that brings its unit to the slot's unit, or null when it has none to compare.</summary>
    internal static (string Key, double Scale)? SlotOf(Quantity q, string text, SentenceContexts words)
    {
        if (q.Start >= text.Length)
        {
            return null;
        }

        if (q.Text.AsSpan().IndexOfAny(Currencies) >= 0)
        {
            return MoneySlot(q, text, words);
        }

        if (IsPopulation(q, words))
        {
            return ("population|resident|", 1);
        }

        if (IsHypothetical(q, words))
        {
            return null;
        }

        if (IsMagnitude(q, words))
        {
            return ("|magnitude|", 1);
        }

        if (q.Head.Length == 0)
        {
            return null;
        }

        // "a woman", "an infant": an article is no figure a report gives, unless another report counts the same people doing the same ("two women called 911").
        if (!char.IsDigit(q.Text[0]) && q.Value == 1 && (q.Text.StartsWith("a ", StringComparison.OrdinalIgnoreCase) || q.Text.StartsWith("an ", StringComparison.OrdinalIgnoreCase)))
        {
            return ActSlot(q, text, words);
        }

        if (IsDecimalTail(text, q))
        {
            return null;
        }

        var all = words.Words;
        int first = words.WordAt(q.Start);
        int afterNumber = words.WordAt(q.End);
        if (afterNumber < all.Count && all[afterNumber].Start < q.End)
        {
            afterNumber++;
        }

        if (first > 0 && SubsetBefore.Contains(all[first - 1].Word) && SameSentence(q, all[first - 1].Start))
        {
            return null;
        }

        bool injuredBesides = afterNumber < all.Count && all[afterNumber].Word is "other" or "others" && SameSentence(q, all[afterNumber].Start) && InjuredBesides(text, q, all, afterNumber);
        if (afterNumber < all.Count && SubsetAfter.Contains(all[afterNumber].Word) && SameSentence(q, all[afterNumber].Start) && !injuredBesides
            && !(all[afterNumber].Word == "of" && IsVague(q)))
        {
            return null;
        }

        // "nine other club-goers were injured": the people hurt besides the dead, whoever they were.
        if (injuredBesides)
        {
            return (Graded("injured", q, words) + "|person|", 1);
        }

        string head = Singular(q.Head.ToLowerInvariant());
        double scale = 1;
        string unit = string.Empty;
        if (head is "dollar" or "usd" or "euro" or "pound")
        {
            return MoneySlot(q, text, words);
        }

        // "120 mph", "up to 120 miles an hour", "190 km/h": a speed, in miles an hour.
        int afterNoun = q.NounEnd > q.End ? words.WordAt(q.NounEnd) : afterNumber;
        bool perHour = afterNoun + 1 < all.Count && all[afterNoun].Word is "an" or "per" && all[afterNoun + 1].Word == "hour" && SameSentence(q, all[afterNoun + 1].Start);
        if (head is "mph" || (head is "mile" && perHour))
        {
            return ("|mph|", 1);
        }

        if (head is "kph" or "km/h" || (head is "kilometer" or "kilometre" or "km" && perHour))
        {
            return ("|mph|", 1 / 1.609344);
        }

        switch (head)
        {
            case "mile":
                scale = 1.609344;
                head = "km";
                break;
            case "kilometer" or "kilometre" or "km":
                head = "km";
                break;
            case "foot" or "feet":
                scale = 0.3048;
                head = "m";
                break;
            case "meter" or "metre":
                head = "m";
                break;
        }

        if (head is "km" or "m")
        {
            // A distance needs the place it is measured from, the first capitalised word after it.
            string? place = null;
            for (int k = afterNumber; k < all.Count && k < afterNumber + 5 && SameSentence(q, all[k].Start); k++)
            {
                if (char.IsUpper(text[all[k].Start]))
                {
                    place = all[k].Word;
                    break;
                }
            }

            if (place is null)
            {
                return null;
            }

            unit = place;
        }

        // "at least 50 injured", "80 wounded", "Ten dead", "the 80 wounded remained": the harm word stands for the people it befell.
        string firstNounWord = q.Noun.IndexOf(' ', StringComparison.Ordinal) is int space and > 0 ? q.Noun[..space].ToLowerInvariant() : head;
        if (firstNounWord.Length > 3 && !firstNounWord.EndsWith("ing", StringComparison.Ordinal) && Role(firstNounWord) is "killed" or "injured" && IsHarm(firstNounWord)
            && (q.Noun.IndexOf(' ', StringComparison.Ordinal) < 0 || (FactLexicon.Find(q.Head).Classes & WordClass.Person) == 0))
        {
            return (Graded(Role(firstNounWord)!, q, words) + "|person|", 1);
        }

        string role = RoleOf(q, words) ?? string.Empty;
        if (role is "killed" or "injured" or "shot")
        {
            role = Graded(role, q, words);
        }

        // "Two people were arrested", "Four men have been arrested", "three suspects were charged": whoever is arrested is counted whole.
        if (role is "arrested" or "charged" && (head is "suspect" || (FactLexicon.Find(q.Head).Classes & WordClass.Person) != 0))
        {
            head = "person";
        }

        if (role.Length == 0 && ActSlot(q, text, words) is { } act)
        {
            return act;
        }

        if (GenericPeople.Contains(head) || (head is "other" or "others"))
        {
            if (role.Length == 0)
            {
                return null;
            }

            head = "person";
        }

        return (role + "|" + head + "|" + unit, scale);
    }

    /// <summary>
    /// The slot the casualty scanner gives an amount it read as people killed, injured or shot ("killed 2 people and
    /// injured 10", "13 were injured and one killed", "injured 11 others"): the statement's outcome and "person",
    /// when the statement counts exactly the amount (not a larger group the amount is part of), is neither the
    /// shooter nor self-inflicted, and the amount is no part of another group ("another two", "two of them").
    /// </summary>
    private static (string Key, double Scale)? CasualtySlot(DocumentFacts facts, Quantity q, SentenceContexts words)
    {
        if (q.Interval.Lower < 0 || (!char.IsDigit(q.Text[0]) && q.Value == 1 && (q.Text.StartsWith("a ", StringComparison.OrdinalIgnoreCase) || q.Text.StartsWith("an ", StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }

        // "both were shot", "all four were hurt": people named before, a part of the event's victims.
        if (q.Text.Equals("both", StringComparison.OrdinalIgnoreCase) || q.Text.StartsWith("all ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var all = words.Words;
        int first = words.WordAt(q.Start);
        if (first > 0 && SubsetBefore.Contains(all[first - 1].Word) && SameSentence(q, all[first - 1].Start))
        {
            return null;
        }

        int afterNumber = words.WordAt(q.End);
        if (afterNumber < all.Count && all[afterNumber].Start < q.End)
        {
            afterNumber++;
        }

        if (afterNumber < all.Count && all[afterNumber].Word is "of" or "more" && SameSentence(q, all[afterNumber].Start))
        {
            return null;
        }

        foreach (CasualtyStatement s in facts.Casualties)
        {
            if (s.CountStart < 0 || s.Perpetrator || s.SelfInflicted || s.Count != q.Value || s.CountStart >= q.End || s.CountEnd <= q.Start)
            {
                continue;
            }

            // "two others were killed" with a name before: the others are part of the dead.
            if (s.Outcome == CasualtyOutcome.Killed && afterNumber < all.Count && all[afterNumber].Word is "other" or "others")
            {
                return null;
            }

            string role = s.Outcome switch
            {
                CasualtyOutcome.Killed => "killed",
                CasualtyOutcome.Injured => "injured",
                _ => "shot",
            };
            return (Graded(role, q, words) + "|person|", 1);
        }

        return null;
    }

    /// <summary>Farthest (in characters) a person's name stands from the amount that is theirs.</summary>
    private const int HolderReach = 30;

    /// <summary>
    /// The person an amount of things belongs to ("Richard Carter had 12 points", "13 points from Seth VanDeest"): the
    /// surname of the nearest person named within a few words before it in its sentence (or right after "from" or
    /// "by" after it), with no other figure between; null when none. Two people's amounts are two slots.
    /// </summary>
    private static string? Holder(DocumentFacts facts, Quantity q)
    {
        string text = facts.Document.Text;
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (EntityMention e in facts.Entities)
        {
            if (e.Kind != EntityKind.Person || e.Sentence != q.Sentence || e.Text.IndexOf(' ', StringComparison.Ordinal) < 0)
            {
                continue;
            }

            int from = e.End <= q.Start ? e.End : q.End;
            int to = e.End <= q.Start ? q.Start : e.Start;
            if (to < from || to - from > HolderReach || text.AsSpan(from, to - from).IndexOfAnyInRange('0', '9') >= 0)
            {
                continue;
            }

            // After the amount, only a name its noun is said to come from: "13 points from Seth VanDeest", not "11 points to break Rodney Buford's record".
            if (e.Start >= q.End)
            {
                var between = text.AsSpan(from, to - from).TrimEnd();
                int space = between.LastIndexOf(' ');
                var last = space < 0 ? between : between[(space + 1)..];
                if (!(last.Equals("from", StringComparison.OrdinalIgnoreCase) || last.Equals("by", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }
            }

            int distance = (to - from) * 2 + (e.End <= q.Start ? 0 : 1);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = e.Key;
            }
        }

        return best;
    }

    /// <summary>Whether a slot holds speeds: one chase or storm has one top speed, whoever is named beside it.</summary>
    private static bool IsSpeed(string key) => key == "|mph|";

    /// <summary>
    /// "A woman called 911", "a female called": one person of a kind, named with an article and followed right away by
    /// what they did, as an amount of one (the amount scanner reads no article as a figure), for <see cref="ActSlot"/>.
    /// Only where no amount already covers the words.
    /// </summary>
    private static IEnumerable<Quantity> OnePersonActing(DocumentFacts facts, SentenceContexts words)
    {
        string text = facts.Document.Text;
        var all = words.Words;
        for (int k = 0; k + 2 < all.Count; k++)
        {
            if (all[k].Word is not ("a" or "an") || all[k + 1].Word is not ("woman" or "female" or "man" or "male" or "person")
                || text.AsSpan(all[k].End, all[k + 1].Start - all[k].End).Trim().Length > 0)
            {
                continue;
            }

            int start = all[k].Start;
            int end = all[k + 1].End;
            bool covered = false;
            foreach (Quantity q in facts.Quantities)
            {
                covered |= q.Start < end && Math.Max(q.End, q.NounEnd) > start;
            }

            int sentence = -1;
            for (int n = 0; n < facts.Sentences.Length; n++)
            {
                if (facts.Sentences[n].Start <= start && end <= facts.Sentences[n].End)
                {
                    sentence = n;
                    break;
                }
            }

            if (covered || sentence < 0)
            {
                continue;
            }

            yield return new Quantity
            {
                Start = start, End = end, Text = text[start..end], Sentence = sentence,
                SentenceStart = facts.Sentences[sentence].Start, SentenceEnd = facts.Sentences[sentence].End,
                Value = 1, Interval = NumericInterval.Exactly(1), Qualifier = QuantityQualifier.Exact,
                Noun = text[all[k + 1].Start..end], Head = all[k + 1].Word, NounStart = all[k + 1].Start, NounEnd = end,
            };
        }
    }

    /// <summary>
    /// The slot of people counted by what they did, when no harm or arrest gives them a role: "two women called 911",
    /// "a woman called 911", "a female called": the people's kind (woman, man, person) and the verb right after them
    /// (past tense, not a verb of saying); null when the noun names no kind of person, carries an age, or no such verb
    /// follows.
    /// </summary>
    private static (string Key, double Scale)? ActSlot(Quantity q, string text, SentenceContexts words)
    {
        string? kind = q.Head switch
        {
            "woman" or "women" or "female" or "females" => "woman",
            "man" or "men" or "male" or "males" => "man",
            "person" or "people" => "person",
            _ => null,
        };
        if (kind is null || q.NounEnd < 0 || q.Noun.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            return null;
        }

        var all = words.Words;
        int k = words.WordAt(q.NounEnd);
        if (k < all.Count && all[k].Start < q.NounEnd)
        {
            k++;
        }

        if (k >= all.Count || !SameSentence(q, all[k].Start) || text.AsSpan(q.NounEnd, all[k].Start - q.NounEnd).Trim().Length > 0)
        {
            return null;
        }

        string verb = all[k].Word;
        WordClass c = FactLexicon.Find(verb).Classes;
        bool past = (c & WordClass.Past) != 0 || (verb.Length > 4 && verb.EndsWith("ed", StringComparison.Ordinal));
        if (!past || (c & (WordClass.Reporting | WordClass.Auxiliary | WordClass.Stop | WordClass.Killed | WordClass.Injured | WordClass.Shot)) != 0 || Role(verb) is not null)
        {
            return null;
        }

        return ("|" + kind + "|@" + verb, 1);
    }

    /// <summary>
    /// Whether an amount's sentence opens on another incident, as round-ups do: "About the same time, two people were
    /// shot...", "Meanwhile, ...", "In another shooting, ...", "Elsewhere, ...", "Two hours earlier, ...". Such a
    /// figure counts another group than the event's.
    /// </summary>
    private static bool OpensAnotherIncident(Quantity q, SentenceContexts words)
    {
        var all = words.Words;
        int k = words.WordAt(q.SentenceStart);
        if (k >= all.Count || k >= words.WordAt(q.Start))
        {
            return false;
        }

        string Word(int n) => k + n < all.Count && SameSentence(q, all[k + n].Start) && all[k + n].Start < q.Start ? all[k + n].Word : string.Empty;
        for (int n = 0; n < 4; n++)
        {
            string w = Word(n);
            if (w is "meanwhile" or "elsewhere" or "separately" or "another" or "separate"
                || (w == "same" && Word(n + 1) == "time")
                || (w is "earlier" or "later" && n > 0 && (FactLexicon.Find(Word(n - 1)).Classes & WordClass.DurationUnit) != 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an amount is said of what can happen, not of what did: "a magnitude 6 quake can cause severe damage",
    /// "two hours could pass": a modal verb right after the amount or its counted noun.
    /// </summary>
    private static bool IsHypothetical(Quantity q, SentenceContexts words)
    {
        var all = words.Words;
        int k = words.WordAt(Math.Max(q.End, q.NounEnd));
        if (k < all.Count && all[k].Start < Math.Max(q.End, q.NounEnd))
        {
            k++;
        }

        for (int n = k; n < k + 2 && n < all.Count && SameSentence(q, all[n].Start); n++)
        {
            if (all[n].Word is "can" or "could" or "may" or "might" or "would")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an amount is the magnitude of a quake: "magnitude-5.9", "a 6.1-magnitude quake", "5.9 magnitude", "put
    /// the magnitude at 6.1", "about 6.0 on the Richter scale".
    /// </summary>
    private static bool IsMagnitude(Quantity q, SentenceContexts words)
    {
        if (q.Head == "magnitude" || q.Noun.StartsWith("magnitude", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var all = words.Words;
        int first = words.WordAt(q.Start);
        for (int k = first - 1, n = 0; k >= 0 && n < 3 && SameSentence(q, all[k].Start); k--)
        {
            if (all[k].Word is "magnitude" or "magnitude-")
            {
                return true;
            }

            if (all[k].Word is not ("at" or "of" or "was" or "is" or "a" or "the" or "measuring"))
            {
                n++;
            }
        }

        int next = words.WordAt(q.End);
        if (next < all.Count && all[next].Start < q.End)
        {
            next++;
        }

        for (int k = next; k < all.Count && k < next + 4 && SameSentence(q, all[k].Start); k++)
        {
            if (all[k].Word == "richter")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an amount is how many people live in a place: "a population of about 40,000", "home to 65,000
    /// people", "which has about 8,000 residents".
    /// </summary>
    private static bool IsPopulation(Quantity q, SentenceContexts words)
    {
        var all = words.Words;
        int first = words.WordAt(q.Start);
        string Before(int n) => first - n >= 0 && SameSentence(q, all[first - n].Start) ? all[first - n].Word : string.Empty;
        if ((Before(2) is "population" or "populations" && Before(1) == "of") || (Before(2) == "home" && Before(1) == "to"))
        {
            return true;
        }

        string head = q.Head.ToLowerInvariant();
        return head is "residents" or "inhabitants" && Before(1) is "has" or "have" or "had" or "with";
    }

    /// <summary>
    /// The slot of an amount of money: what it is for ("bail", "reward", "funding"), the counted noun itself or the
    /// nearest such word of its clause (back to the sentence's start: "a reward for information ... is now
    /// $24,000"), and its currency; null when nothing says what the money is for.
    /// </summary>
    private static (string Key, double Scale)? MoneySlot(Quantity q, string text, SentenceContexts words)
    {
        int sign = q.Text.AsSpan().IndexOfAny(Currencies);
        string currency = sign >= 0 ? q.Text[sign].ToString() : Singular(q.Head.ToLowerInvariant());
        string head = Singular(q.Head.ToLowerInvariant());
        string? purpose = MoneyPurposes.Contains(head) ? head : Near(words, q, w => MoneyPurposes.Contains(w) ? w : null, 5, 25);
        return purpose is null ? null : ("|money|" + purpose + currency, 1);
    }

    /// <summary>
    /// "eight others injured", "ten others were wounded", "nine other club-goers were hurt": the people hurt besides
    /// those killed, the injured total, not a part of it. True when a harm word follows "other(s)" (word
    /// <paramref name="other"/>) within three words of one clause; "others" killed stay a subset ("Smith and two
    /// others were killed").
    /// </summary>
    private static bool InjuredBesides(string text, Quantity q, IReadOnlyList<(int Start, int End, string Word)> all, int other)
    {
        if (other + 1 < all.Count && IsHarm(all[other + 1].Word))
        {
            return true;
        }

        for (int k = other + 1; k <= other + 3 && k < all.Count && SameSentence(q, all[k].Start); k++)
        {
            if (text.AsSpan(all[k - 1].End, all[k].Start - all[k - 1].End).ContainsAny(",;:()"))
            {
                return false;
            }

            if ((FactLexicon.Find(all[k].Word).Classes & WordClass.Injured) != 0)
            {
                return true;
            }

            if ((FactLexicon.Find(all[k].Word).Classes & (WordClass.Killed | WordClass.Shot)) != 0)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Adverbs that grade a harm: the people hurt that badly are a part of all those hurt.</summary>
    private static readonly HashSet<string> Serious = new(StringComparer.Ordinal) { "critically", "seriously", "severely", "gravely", "badly" };

    private static readonly HashSet<string> Slight = new(StringComparer.Ordinal) { "slightly", "lightly", "minorly", "superficially" };

    /// <summary>
    /// The role of a harm figure with the grade its statement gives the harm: "two were critically injured" counts
    /// the badly hurt ("injured-serious"), a part of the injured, so it is compared only with figures of that grade;
    /// "fatally shot two", "was mortally wounded" count the dead ("killed"). The role unchanged when no grading adverb
    /// stands right before a harm word within the amount's statement (two words before it to six after, one sentence).
    /// </summary>
    private static string Graded(string role, Quantity q, SentenceContexts words)
    {
        var all = words.Words;
        int first = words.WordAt(q.Start);
        int last = words.WordAt(Math.Max(q.End, q.NounEnd)) + 6;
        for (int k = Math.Max(0, first - 2); k + 1 < all.Count && k < last; k++)
        {
            if (!SameSentence(q, all[k].Start) || !SameSentence(q, all[k + 1].Start) || !IsHarm(all[k + 1].Word))
            {
                continue;
            }

            string w = all[k].Word;
            if (w is "fatally" or "mortally")
            {
                return "killed";
            }

            if (Serious.Contains(w))
            {
                return role + "-serious";
            }

            if (Slight.Contains(w))
            {
                return role + "-slight";
            }
        }

        return role;
    }

    private static bool IsHarm(string word) => (FactLexicon.Find(word).Classes & (WordClass.Killed | WordClass.Injured | WordClass.Shot)) != 0;

    private static bool SameSentence(Quantity q, int offset) => offset >= q.SentenceStart && offset < q.SentenceEnd;

    /// <summary>The role of an amount: the nearest harm word or role word around it in its sentence (after it first).</summary>
    private static string? RoleOf(Quantity q, SentenceContexts words)
    {
        if (q.Predicate is { } p && Role(p) is { } known)
        {
            return known;
        }

        return Near(words, q, Role, WindowAfter, WindowBefore);
    }

    private static string? Role(string word)
    {
        WordClass c = FactLexicon.Find(word).Classes;
        if ((c & WordClass.Killed) != 0)
        {
            return "killed";
        }

        if ((c & WordClass.Injured) != 0)
        {
            return "injured";
        }

        if ((c & WordClass.Shot) != 0 && word is not "shooting" and not "shootings")
        {
            return "shot";
        }

        foreach (var (prefix, role) in Roles)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return role;
            }
        }

        return null;
    }

    /// <summary>The first word around an amount (nearest first, after before before at equal distance) that <paramref name="pick"/> maps to a value.</summary>
    private static string? Near(SentenceContexts words, Quantity q, Func<string, string?> pick, int after, int before)
    {
        var all = words.Words;
        int first = words.WordAt(q.Start);
        int next = words.WordAt(q.End);
        if (next < all.Count && all[next].Start < q.End)
        {
            next++;
        }

        if (q.NounEnd > q.End)
        {
            next = words.WordAt(q.NounEnd);
        }

        for (int k = 0; k < Math.Max(after, before); k++)
        {
            int a = next + k;
            if (k < after && a < all.Count && SameSentence(q, all[a].Start) && pick(all[a].Word) is { } x)
            {
                return x;
            }

            int b = first - 1 - k;
            if (k < before && b >= 0 && SameSentence(q, all[b].Start) && pick(all[b].Word) is { } y)
            {
                return y;
            }
        }

        return null;
    }

    private static string Singular(string head)
    {
        if (head.EndsWith("ies", StringComparison.Ordinal) && head.Length > 4)
        {
            return head[..^3] + "y";
        }

        return head.Length > 3 && head.EndsWith('s') && !head.EndsWith("ss", StringComparison.Ordinal) ? head[..^1] : head;
    }

    /// <summary>The subject: the longest counted noun of the slot with its role.</summary>
    private static string SubjectOf(string key, List<(int Document, Quantity Quantity, double Scale)> chosen)
    {
        Quantity best = chosen[0].Quantity;
        foreach (var (_, q, _) in chosen)
        {
            if (q.Noun.Length > best.Noun.Length)
            {
                best = q;
            }
        }

        string role = key[..key.IndexOf('|', StringComparison.Ordinal)];
        string noun = best.Noun.Length > 0 ? best.Noun : "amount";
        return role.Length == 0 ? noun : noun + " " + role;
    }
}
