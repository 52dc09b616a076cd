using System.Buffers;
using System.Collections.Immutable;

namespace Comparison.Facts;

/// <summary>What happened to the people a casualty statement counts.</summary>
public enum CasualtyOutcome
{
    /// <summary>Killed or died.</summary>
    Killed,

    /// <summary>Injured, wounded, hurt.</summary>
    Injured,

    /// <summary>Shot, outcome not given in the same statement.</summary>
    Shot,
}

/// <summary>
/// A statement of how many people were killed, injured or shot: "five people were injured", "a man was shot
/// and killed", "no one was hurt", "two men were shot, one fatally". <see cref="Fact.Text"/> is the outcome word.
/// </summary>
public sealed record CasualtyStatement : Fact
{
    /// <summary>The outcome stated.</summary>
    public required CasualtyOutcome Outcome { get; init; }

    /// <summary>How many people it counts (1 for "a man", 0 for "no one").</summary>
    public required int Count { get; init; }

    /// <summary>Offset of the words that give the count ("Five people", "A 25-year-old man"), or -1 when implied.</summary>
    public int CountStart { get; init; } = -1;

    /// <summary>Offset one past the words that give the count, or -1.</summary>
    public int CountEnd { get; init; } = -1;

    /// <summary>True when the person counted is the one who did it ("before killing himself").</summary>
    public bool SelfInflicted { get; init; }

    /// <summary>True when the person counted is the shooter ("the gunman was shot and killed by police").</summary>
    internal bool Perpetrator { get; init; }

    /// <summary>True when the count is the object of an active verb ("the gunman killed two people"): the shooter is not among them.</summary>
    internal bool ByAgent { get; init; }
}

/// <summary>How many people a report says were killed and injured, with the statements it rests on.</summary>
/// <param name="Killed">People killed, or <see langword="null"/> when the report does not say.</param>
/// <param name="Injured">People injured (shot and survived, wounded, hurt), or <see langword="null"/> when the report does not say.</param>
/// <param name="Evidence">The statements used.</param>
public sealed record CasualtyTotals(int? Killed, int? Injured, ImmutableArray<CasualtyStatement> Evidence)
{
    // Case-insensitive cue sets, searched in one vectorised pass whatever the globalisation mode.
    private static readonly SearchValues<string> OtherWord = SearchValues.Create(["other"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> LifeWord = SearchValues.Create(["life"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> GraveCues = SearchValues.Create(["critical", "fighting for", "grave condition"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> DeathWords = SearchValues.Create(
        ["died", " dead", "killed", "fatal", "homicide", "murder", "slain", "death"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Sums up the casualty statements of one report. Only the lead counts (the first
    /// <paramref name="leadSentences"/> sentences): later sentences of a news report tend to recount single
    /// victims, other incidents and earlier years. Within the lead, the largest count stated for each outcome
    /// wins, and a shooter who killed himself is added to the people he killed (as casualty archives
    /// count them); people shot whose outcome is not stated count as injured once the killed are taken off, unless
    /// the report speaks of a death anywhere (then the outcome is left unknown rather than guessed).
    /// </summary>
    /// <remarks>
    /// Two checks leave a figure unknown rather than guess it. When the lead says a victim is in critical
    /// condition or has life-threatening injuries, the number injured is provisional (a victim may yet die) and
    /// <see cref="Injured"/> is null. When the headline (<see cref="DocumentFacts.TitleCasualties"/>) states a
    /// number killed or injured that differs from the lead's, the report contradicts itself (an update under an
    /// old headline, a round-up, another incident in the lead) and both figures are null; the
    /// <see cref="Evidence"/> still lists the lead's statements.
    /// </remarks>
    /// <param name="facts">The report's facts.</param>
    /// <param name="leadSentences">How many sentences from the start count. Default 3; must be positive.</param>
    /// <returns>The totals; either may be null when the report does not state it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leadSentences"/> is not positive.</exception>
    public static CasualtyTotals Of(DocumentFacts facts, int leadSentences = 3)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(leadSentences);
        var lead = Sum(facts.Casualties, facts.Document.Text, leadSentences);
        if (!facts.TitleCasualties.IsDefaultOrEmpty && facts.Document.Title is { } title)
        {
            var head = Sum(facts.TitleCasualties, title, 1);
            if ((head.Killed is { } hk && lead.Killed is { } lk && hk != lk) || (head.Injured is { } hi && lead.Injured is { } li && hi != li))
            {
                return new CasualtyTotals(null, null, lead.Evidence);
            }
        }

        bool provisional = false;
        for (int i = 0; i < facts.Sentences.Length && i < leadSentences && !provisional; i++)
        {
            provisional = IsProvisional(facts.Document.Text.AsSpan(facts.Sentences[i].Start, facts.Sentences[i].End - facts.Sentences[i].Start));
        }

        return new CasualtyTotals(lead.Killed, provisional ? null : lead.Injured, lead.Evidence);
    }

    /// <summary>The totals of the statements of one text (a report's body or its title) within its first <paramref name="leadSentences"/> sentences.</summary>
    private static (int? Killed, int? Injured, ImmutableArray<CasualtyStatement> Evidence) Sum(ImmutableArray<CasualtyStatement> statements, string text, int leadSentences)
    {
        int? killed = null;
        int? injured = null;
        int? shot = null;
        CasualtyStatement? victims = null;
        CasualtyStatement? self = null;
        CasualtyStatement? shooterHurt = null;
        CasualtyStatement? hurt = null;
        CasualtyStatement? shotBy = null;
        var evidence = ImmutableArray.CreateBuilder<CasualtyStatement>();
        foreach (CasualtyStatement s in statements)
        {
            if (s.Sentence >= leadSentences)
            {
                continue;
            }

            if (s.Outcome != CasualtyOutcome.Killed && IsProvisional(text.AsSpan(s.SentenceStart, s.SentenceEnd - s.SentenceStart)))
            {
                continue;
            }

            if ((s.SelfInflicted || s.Perpetrator) && s.Outcome == CasualtyOutcome.Killed)
            {
                // The shooter's own death is added to the victims below.
                self ??= s;
                evidence.Add(s);
                continue;
            }

            if (s.Perpetrator && s.Outcome != CasualtyOutcome.Killed)
            {
                shooterHurt ??= s;
                evidence.Add(s);
                continue;
            }

            evidence.Add(s);
            switch (s.Outcome)
            {
                case CasualtyOutcome.Killed:
                    if (killed is null || s.Count > killed)
                    {
                        victims = s;
                    }

                    killed = Math.Max(killed ?? 0, s.Count);
                    break;
                case CasualtyOutcome.Injured:
                    if (injured is null || s.Count > injured)
                    {
                        hurt = s;
                    }

                    injured = Math.Max(injured ?? 0, s.Count);
                    break;
                default:
                    if (shot is null || s.Count > shot)
                    {
                        shotBy = s;
                    }

                    shot = Math.Max(shot ?? 0, s.Count);
                    break;
            }
        }

        if (self is not null && victims is null)
        {
            // "shot his wife before turning the gun on himself": the shooter's death alone is no count of the killed
            // when his victims' fate is not read.
            killed = null;
        }
        else if (self is not null)
        {
            // "killed his wife and two children before killing himself": the victims are the shooter's objects, or
            // are counted before his death in the same sentence, or are "others"; "three people were found dead" may include him.
            killed = (killed ?? 0) + (ExcludesShooter(text, victims, self, others: true) ? 1 : 0);
        }

        if (shooterHurt is not null && (hurt is null || ExcludesShooter(text, hurt, shooterHurt, others: false)))
        {
            // The archive counts a wounded shooter among the injured ("the attacker was shot and wounded by police").
            if (shooterHurt.Outcome == CasualtyOutcome.Injured || killed is not null)
            {
                injured = (injured ?? 0) + 1;
            }
        }

        if (shot is { } total && total > 0)
        {
            // "a man was killed and two others were shot": the others are not the dead.
            int rest = total - (CountsOthers(text, shotBy) ? 0 : killed ?? 0);
            if (rest >= 0 && (injured is null ? killed is not null || !SpeaksOfDeath(statements, text) : rest > injured))
            {
                injured = rest;
            }
        }

        return (killed, injured, evidence.ToImmutable());
    }

    /// <summary>
    /// Whether the count of <paramref name="victims"/> leaves out the shooter that <paramref name="shooter"/> speaks of;
    /// with <paramref name="others"/>, "two others dead" beside a dead shooter does.
    /// </summary>
    private static bool ExcludesShooter(string text, CasualtyStatement? victims, CasualtyStatement shooter, bool others)
    {
        if (victims is null || victims.ByAgent || (victims.Sentence == shooter.Sentence && victims.End <= shooter.Start))
        {
            return true;
        }

        return others && victims.CountStart >= 0 && text.AsSpan(victims.CountStart, victims.CountEnd - victims.CountStart).ContainsAny(OtherWord);
    }

    /// <summary>Whether the count of <paramref name="s"/> is a number of others ("two others", "three other men"): people besides those already counted.</summary>
    private static bool CountsOthers(string text, CasualtyStatement? s)
    {
        if (s is null || s.CountStart < 0)
        {
            return false;
        }

        ReadOnlySpan<char> words = text.AsSpan(s.CountStart, s.CountEnd - s.CountStart);
        int space = words.IndexOf(' ');
        return space > 0 && words[(space + 1)..].StartsWith("other", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A victim in critical condition may yet die: the report does not give a final count of injured.</summary>
    private static bool IsProvisional(ReadOnlySpan<char> sentence)
    {
        // "life-threatening" or "life threatening", but not "non-life-threatening".
        bool threatening = false;
        for (int at = 0, life; !threatening && (life = sentence[at..].IndexOfAny(LifeWord)) >= 0; at += life + 4)
        {
            int w = at + life;
            ReadOnlySpan<char> rest = sentence[(w + 4)..];
            threatening = rest.Length >= 12 && rest[0] is '-' or ' ' && rest[1..].StartsWith("threatening", StringComparison.OrdinalIgnoreCase)
                && !(w >= 4 && sentence[(w - 4)..w].Equals("non-", StringComparison.OrdinalIgnoreCase));
        }

        return threatening || sentence.ContainsAny(GraveCues);
    }

    private static bool SpeaksOfDeath(ImmutableArray<CasualtyStatement> statements, string text)
    {
        foreach (CasualtyStatement s in statements)
        {
            if (s.Outcome == CasualtyOutcome.Killed)
            {
                return true;
            }
        }

        return text.AsSpan().ContainsAny(DeathWords);
    }
}
