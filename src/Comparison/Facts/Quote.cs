namespace Comparison.Facts;

/// <summary>
/// A passage in quotation marks with the person or body it is attributed to.
/// <see cref="Fact.Text"/> is the quoted words without the marks.
/// </summary>
public sealed record Quote : Fact
{
    /// <summary>The speaker as written ("Ortiz", "Police Chief Dana Ortiz" gives "Dana Ortiz"), or <see langword="null"/> when not found.</summary>
    public string? Speaker { get; init; }

    /// <summary>The speaker's role when given ("spokesman", "White House Press Secretary"), or <see langword="null"/>.</summary>
    public string? Role { get; init; }

    /// <summary>Offset of the speaker's name, or -1.</summary>
    public int SpeakerStart { get; init; } = -1;

    /// <summary>Offset one past the speaker's name, or -1.</summary>
    public int SpeakerEnd { get; init; } = -1;

    /// <summary>Whether the speaker is a pronoun ("he said") resolved to the last named speaker or person.</summary>
    public bool SpeakerFromPronoun { get; init; }
}
