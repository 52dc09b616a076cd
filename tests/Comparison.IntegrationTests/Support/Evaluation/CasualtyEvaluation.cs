using Comparison.Documents;
using Comparison.Facts;

namespace Comparison.Tests.Support;

/// <summary>A report with the casualty figures an archive finally recorded for its incident.</summary>
/// <param name="Document">The report.</param>
/// <param name="Killed">People killed, as recorded.</param>
/// <param name="Injured">People injured, as recorded.</param>
/// <param name="IncidentDate">The day of the incident, as recorded, if known (tells early reports from later ones).</param>
public sealed record CasualtyGold(Document Document, int Killed, int Injured, DateOnly? IncidentDate = null);

/// <summary>How often the casualty figures read from reports agree with the recorded ones.</summary>
/// <param name="Articles">Reports evaluated.</param>
/// <param name="KilledStated">Reports for which a number killed was read.</param>
/// <param name="KilledMatched">Of those, how many equal the record.</param>
/// <param name="InjuredStated">Reports for which a number injured was read.</param>
/// <param name="InjuredMatched">Of those, how many equal the record.</param>
/// <param name="Stated">Reports for which at least one figure was read.</param>
/// <param name="Matched">Of those, how many have every figure read equal to the record.</param>
/// <param name="DiedLater">
/// Of the reports that do not match, how many count fewer killed than the record but the same number of people
/// hurt in all (killed plus injured): a wounded victim died after the report.
/// </param>
/// <param name="EarlyCount">
/// Of the other reports that do not match, how many give no figure above the record and were published at most
/// one day after the incident: an early count that grew as victims were found or reported.
/// </param>
public sealed record CasualtyAccuracy(int Articles, int KilledStated, int KilledMatched, int InjuredStated, int InjuredMatched, int Stated, int Matched,
    int DiedLater = 0, int EarlyCount = 0)
{
    /// <summary><see cref="Matched"/> / <see cref="Stated"/> (0 when nothing was stated): the headline figure.</summary>
    public double MatchRate => Stated == 0 ? 0 : (double)Matched / Stated;

    /// <summary>Reports that differ from the record for a reason of timing, not of reading: <see cref="DiedLater"/> + <see cref="EarlyCount"/>.</summary>
    public int LegitimatelyDifferent => DiedLater + EarlyCount;
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
        int n = 0, killedStated = 0, killedMatched = 0, injuredStated = 0, injuredMatched = 0, stated = 0, matched = 0, diedLater = 0, early = 0;
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
                if (!ok)
                {
                    switch (Classify(totals, gold))
                    {
                        case 1:
                            diedLater++;
                            break;
                        case 2:
                            early++;
                            break;
                    }
                }
            }
        }

        return new CasualtyAccuracy(n, killedStated, killedMatched, injuredStated, injuredMatched, stated, matched, diedLater, early);
    }

    /// <summary>1 when a wounded victim died after the report, 2 for an early, lower count, 0 otherwise.</summary>
    private static int Classify(CasualtyTotals totals, CasualtyGold gold)
    {
        int killed = totals.Killed ?? 0;
        int hurt = killed + (totals.Injured ?? 0);
        if (killed < gold.Killed && hurt == gold.Killed + gold.Injured)
        {
            return 1;
        }

        bool lower = (totals.Killed ?? 0) <= gold.Killed && (totals.Injured ?? 0) <= gold.Injured;
        bool early = gold.IncidentDate is { } day && gold.Document.Published is { } published && published.DayNumber - day.DayNumber <= 1;
        return lower && early ? 2 : 0;
    }
}
