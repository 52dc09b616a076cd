using System.Collections.Immutable;
using System.Globalization;
using Comparison.Documents;
using Comparison.Facts;
using FuzzySharp;

namespace Comparison.Discrepancies;

/// <summary>
/// Finds where the reports of one event disagree: amounts, dates, quotations, attributions and names,
/// each discrepancy with the exact spans of every report as evidence, and the facts only one report gives.
/// </summary>
/// <remarks>
/// <para>Takes one group of documents (an event cluster) and does not cluster itself. Facts of one kind
/// are aligned across documents when they speak of the same thing: for amounts, the counted noun (fuzzy,
/// so a typo does not hide a match), what happened to it, the order of magnitude, the qualifier and the
/// words around it; for dates, the words around them (names count double) and how far apart the days
/// are. Each fact is aligned with at most one fact of each other document, best score first. An aligned
/// group whose values differ is a discrepancy; equal values, and two renderings of the same day
/// ("Thursday" in an article of Friday, "March 14"), are not.</para>
/// <para>Cost: quadratic in the number of facts of one kind per pair of documents, which is small for
/// the reports of one event. Thread-safe.</para>
/// </remarks>
public sealed class DiscrepancyFinder
{
    private readonly FactExtractor _extractor;

    /// <summary>Creates a finder.</summary>
    /// <param name="options">Settings; <see langword="null"/> means <see cref="DiscrepancyFinderOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public DiscrepancyFinder(DiscrepancyFinderOptions? options = null)
    {
        Options = options ?? DiscrepancyFinderOptions.Default;
        Options.Validate();
        _extractor = new FactExtractor(Options.Extraction);
    }

    /// <summary>The settings in use.</summary>
    public DiscrepancyFinderOptions Options { get; }

    /// <summary>Extracts the facts of each document of one event and compares them.</summary>
    /// <param name="cluster">The reports of one event. Documents without a publication date resolve relative dates against the median date of the others (marked inferred).</param>
    /// <returns>The facts, discrepancies, agreements and single-source claims.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cluster"/> or one of its documents is null.</exception>
    public DiscrepancyReport Find(IReadOnlyList<Document> cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var dates = new List<DateOnly>();
        foreach (Document d in cluster)
        {
            ArgumentNullException.ThrowIfNull(d, nameof(cluster));
            if (d.Published is { } p)
            {
                dates.Add(p);
            }
        }

        dates.Sort();
        DateOnly? reference = dates.Count == 0 ? null : dates[(dates.Count - 1) / 2];
        var facts = ImmutableArray.CreateBuilder<DocumentFacts>(cluster.Count);
        foreach (Document d in cluster)
        {
            facts.Add(_extractor.Extract(d, reference));
        }

        return Compare(facts.MoveToImmutable());
    }

    /// <summary>Compares facts already extracted from the reports of one event.</summary>
    /// <param name="facts">The facts of each document.</param>
    /// <returns>The facts, discrepancies, agreements and single-source claims.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> or an element is null.</exception>
    public DiscrepancyReport Compare(IReadOnlyList<DocumentFacts> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var contexts = new SentenceContexts[facts.Count];
        for (int d = 0; d < facts.Count; d++)
        {
            ArgumentNullException.ThrowIfNull(facts[d], nameof(facts));
            contexts[d] = new SentenceContexts(facts[d]);
        }

        var discrepancies = new List<Discrepancy>();
        var claims = new List<SingleSourceClaim>();
        var agreements = new List<Agreement>();
        NumberComparer.Compare(facts, contexts, Options, claims, agreements);
        CountComparer.Compare(facts, contexts, discrepancies);
        DurationComparer.Compare(facts, contexts, Options.Extraction.ApproximateTolerance, discrepancies);
        DetailComparer.Compare(facts, contexts, discrepancies);
        PersonNames.Compare(facts, discrepancies);
        DateComparer.Compare(facts, contexts, Options, discrepancies, claims, agreements);
        QuoteComparer.Compare(facts, Options, discrepancies, agreements);
        NameComparer.Compare(facts, Options, discrepancies);
        SpellingVariants.Compare(facts, discrepancies);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int d = 0; d < facts.Count; d++)
        {
            index.TryAdd(facts[d].Document.Id, d);
        }

        int ByKindThenFirstMention(DiscrepancyKind kx, DiscrepancyMention mx, DiscrepancyKind ky, DiscrepancyMention my)
        {
            int c = kx.CompareTo(ky);
            if (c != 0)
            {
                return c;
            }

            c = index[mx.Document].CompareTo(index[my.Document]);
            return c != 0 ? c : mx.Start.CompareTo(my.Start);
        }

        var shown = new List<Discrepancy>(discrepancies.Count);
        foreach (Discrepancy d in discrepancies)
        {
            if (d.Confidence >= Options.MinConfidence && OneMentionPerDocument(d, facts, index) is { } single)
            {
                shown.Add(Updates.Order(single, facts, index));
            }
        }

        shown = WithoutRepeats(shown);

        // Strongest first; ties by kind, then by the first mention's document and offset, so the order never depends on input order beyond the documents' own.
        shown.Sort((x, y) =>
        {
            int c = y.Confidence.CompareTo(x.Confidence);
            return c != 0 ? c : ByKindThenFirstMention(x.Kind, x.Mentions[0], y.Kind, y.Mentions[0]);
        });
        agreements.Sort((x, y) => ByKindThenFirstMention(x.Kind, x.Mentions[0], y.Kind, y.Mentions[0]));
        claims.Sort((x, y) =>
        {
            int c = index[x.Mention.Document].CompareTo(index[y.Mention.Document]);
            return c != 0 ? c : x.Mention.Start.CompareTo(y.Mention.Start);
        });
        return new DiscrepancyReport
        {
            Facts = [.. facts],
            Discrepancies = [.. shown],
            SingleSourceClaims = Options.ListSingleSourceClaims ? [.. claims] : [],
            Agreements = [.. agreements],
        };
    }

    /// <summary>
    /// The flags without those that repeat a stronger flag of the same kind: two flags whose mentions overlap in two
    /// or more documents speak of one subject, which is flagged once.
    /// </summary>
    private static List<Discrepancy> WithoutRepeats(List<Discrepancy> flags)
    {
        var order = new List<Discrepancy>(flags);
        order.Sort((x, y) => y.Confidence.CompareTo(x.Confidence));
        var kept = new List<Discrepancy>();
        foreach (Discrepancy d in order)
        {
            bool repeat = false;
            foreach (Discrepancy k in kept)
            {
                if (k.Kind == d.Kind && SharedDocuments(k, d) >= 2)
                {
                    repeat = true;
                    break;
                }
            }

            if (!repeat)
            {
                kept.Add(d);
            }
        }

        return kept;
    }

    private static int SharedDocuments(Discrepancy a, Discrepancy b)
    {
        var documents = new HashSet<string>(StringComparer.Ordinal);
        foreach (DiscrepancyMention x in a.Mentions)
        {
            foreach (DiscrepancyMention y in b.Mentions)
            {
                if (string.Equals(x.Document, y.Document, StringComparison.Ordinal) && x.Start < y.End && y.Start < x.End)
                {
                    documents.Add(x.Document);
                }
            }
        }

        return documents.Count;
    }

    /// <summary>
    /// The flag with the first mention of each document only (a flag speaks of one slot, which a document states
    /// once), or null when fewer than two documents remain or nothing a reader can see differs: they all write the
    /// same value, a name only in its typography ("O’Neill" and "O'Neill", "Calderón" and "Calderon"), a date or a
    /// time in the same words ("Monday" in two reports published a week apart), every report the same sentence, or
    /// every report the same text (a copy cannot disagree with itself, whichever two of its figures were paired).
    /// </summary>
    private static Discrepancy? OneMentionPerDocument(Discrepancy d, IReadOnlyList<DocumentFacts> facts, Dictionary<string, int> index)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var values = new HashSet<string>(StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var sentences = new HashSet<string>(StringComparer.Ordinal);
        string? firstText = null;
        bool sameText = true;
        var kept = ImmutableArray.CreateBuilder<DiscrepancyMention>(d.Mentions.Length);
        foreach (DiscrepancyMention m in d.Mentions)
        {
            if (seen.Add(m.Document))
            {
                kept.Add(m);
                values.Add(d.Kind switch
                {
                    DiscrepancyKind.Quote or DiscrepancyKind.Attribution => m.Value + "\u0000" + m.Text,
                    DiscrepancyKind.Name => Typography.Fold(m.Value),
                    _ => m.Value,
                });
                written.Add(Typography.Fold(m.Text));
                string text = facts[index[m.Document]].Document.Text;
                // Equal lengths are rare between different reports, so this seldom reads a text through.
                firstText ??= text;
                sameText &= string.Equals(firstText, text, StringComparison.Ordinal);
                sentences.Add(Typography.Fold(text[m.SentenceStart..m.SentenceEnd]));
            }
        }

        if (kept.Count < 2 || values.Count < 2 || sentences.Count == 1 || sameText
            || (written.Count == 1 && d.Kind is DiscrepancyKind.Date or DiscrepancyKind.Time))
        {
            return null;
        }

        return kept.Count == d.Mentions.Length ? d : d with { Mentions = kept.ToImmutable() };
    }

    /// <summary>A mention of a fact for the report.</summary>
    internal static DiscrepancyMention Mention(DocumentFacts facts, Fact fact, string value, double? number = null, NumericInterval? interval = null, string? qualifier = null) => new()
    {
        Document = facts.Document.Id,
        Text = fact.Text,
        Start = fact.Start,
        End = fact.End,
        Value = value,
        Number = number,
        Interval = interval,
        Qualifier = qualifier,
        Sentence = fact.Sentence,
        SentenceStart = fact.SentenceStart,
        SentenceEnd = fact.SentenceEnd,
        Fact = fact,
    };

    /// <summary>A subject from the words the sentences of a group share (in the order of the first), or its first words.</summary>
    internal static string SharedWordsSubject(IReadOnlyList<DocumentFacts> facts, IReadOnlyList<(int Document, Fact Fact)> members, int maxWords = 6)
    {
        var first = members[0];
        string text = facts[first.Document].Document.Text;
        var tokens = new List<FactToken>();
        var sentences = new List<(int, int)>();
        string sentence = text[first.Fact.SentenceStart..first.Fact.SentenceEnd];
        FactTokenizer.Tokenize(sentence, tokens, sentences);
        var others = new List<string>();
        for (int m = 1; m < members.Count; m++)
        {
            others.Add(facts[members[m].Document].Document.Text[members[m].Fact.SentenceStart..members[m].Fact.SentenceEnd]);
        }

        var words = new List<string>();
        var fallback = new List<string>();
        int factStart = first.Fact.Start - first.Fact.SentenceStart;
        int factEnd = first.Fact.End - first.Fact.SentenceStart;
        foreach (var t in tokens)
        {
            if (t.Kind != FactTokenKind.Word || t.Length < 3 || (t.Start >= factStart && t.End <= factEnd)
                || (t.Classes & (WordClass.Stop | WordClass.Auxiliary | WordClass.Reporting | WordClass.Pronoun | WordClass.Month | WordClass.Weekday | WordClass.RelativeDay)) != 0)
            {
                continue;
            }

            string word = sentence.Substring(t.Start, t.Length);
            if (fallback.Count < maxWords)
            {
                fallback.Add(word);
            }

            string stem = SentenceContexts.Stem(word);
            bool shared = others.Count > 0;
            foreach (string o in others)
            {
                if (o.IndexOf(stem, StringComparison.OrdinalIgnoreCase) < 0)
                {
                    shared = false;
                    break;
                }
            }

            if (shared && !words.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                words.Add(word);
                if (words.Count == maxWords)
                {
                    break;
                }
            }
        }

        return string.Join(' ', words.Count >= 2 ? words : fallback);
    }

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
