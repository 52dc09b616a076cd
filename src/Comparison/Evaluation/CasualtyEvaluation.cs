using Comparison.Documents;
using Comparison.Facts;

namespace Comparison.Evaluation;

/// <summary>A report with the casualty figures an archive finally recorded for its incident.</summary>
/// <param name="Document">The report.</param>
/// <param name="Killed">People killed, as recorded.</param>
/// <param name="Injured">People injured, as recorded.</param>
public sealed record CasualtyGold(Document Document, int Killed, int Injured);

/// <summary>How often the casualty figures read from reports agree with the recorded ones.</summary>
/// <param name="Articles">Reports evaluated.</param>
/// <param name="KilledStated">Reports for which a number killed was read.</param>
/// <param name="KilledMatched">Of those, how many equal the record.</param>
/// <param name="InjuredStated">Reports for which a number injured was read.</param>
/// <param name="InjuredMatched">Of those, how many equal the record.</param>
/// <param name="Stated">Reports for which at least one figure was read.</param>
/// <param name="Matched">Of those, how many have every figure read equal to the record.</param>
public sealed record CasualtyAccuracy(int Articles, int KilledStated, int KilledMatched, int InjuredStated, int InjuredMatched, int Stated, int Matched)
{
    /// <summary><see cref="Matched"/> / <see cref="Stated"/> (0 when nothing was stated).</summary>
    public double MatchRate => Stated == 0 ? 0 : (double)Matched / Stated;
}

/// <summary>Measures <see cref="CasualtyTotals"/> against recorded figures (for example the Gun Violence Archive's).</summary>
public static class CasualtyEvaluation
{
    /// <summary>Reads the casualty figures of each report and compares them with the record.</summary>
    /// <param name="articles">Reports with their recorded figures.</param>
    /// <param name="extractor">The extractor; <see langword="null"/> for the default one.</param>
    /// <param name="leadSentences">Passed to <see cref="CasualtyTotals.Of"/>.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="articles"/> is null.</exception>
    public static CasualtyAccuracy Evaluate(IEnumerable<CasualtyGold> articles, FactExtractor? extractor = null, int leadSentences = 3)
    {
        ArgumentNullException.ThrowIfNull(articles);
        extractor ??= new FactExtractor();
        int n = 0, killedStated = 0, killedMatched = 0, injuredStated = 0, injuredMatched = 0, stated = 0, matched = 0;
        foreach (CasualtyGold gold in articles)
        {
            n++;
            CasualtyTotals totals = CasualtyTotals.Of(extractor.Extract(gold.Document), leadSentences);
            bool any = false;
            bool ok = true;
            if (totals.Killed is { } k)
            {
                any = true;
                killedStated++;
                killedMatched += k == gold.Killed ? 1 : 0;
                ok &= k == gold.Killed;
            }

            if (totals.Injured is { } i)
            {
                any = true;
                injuredStated++;
                injuredMatched += i == gold.Injured ? 1 : 0;
                ok &= i == gold.Injured;
            }

            if (any)
            {
                stated++;
                matched += ok ? 1 : 0;
            }
        }

        return new CasualtyAccuracy(n, killedStated, killedMatched, injuredStated, injuredMatched, stated, matched);
    }
}
