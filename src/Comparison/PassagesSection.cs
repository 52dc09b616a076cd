using System.Collections.Immutable;
using Comparison.Vectors;

namespace Comparison;

/// <summary>Shared passages between pairs of documents.</summary>
/// <param name="Passages">The passages, by pair then position.</param>
public sealed record PassagesSection(ImmutableArray<DocumentPassage> Passages);

/// <summary>
/// A passage two documents share: the aligner's <see cref="SharedPassage"/>, whose <see cref="SharedPassage.A"/>
/// span is in document <paramref name="A"/> and <see cref="SharedPassage.B"/> span in document <paramref name="B"/>.
/// </summary>
/// <param name="A">The first document's identifier (the earlier in input order).</param>
/// <param name="B">The second document's identifier.</param>
/// <param name="Passage">The passage: both spans, their similarity and how many words they match.</param>
public readonly record struct DocumentPassage(string A, string B, SharedPassage Passage)
{
    /// <summary>The words of the span in A, kept when the comparison held no texts (a streamed analysis); otherwise null.</summary>
    internal string? AText { get; init; }

    /// <summary>The words of the span in B, kept when the comparison held no texts (a streamed analysis); otherwise null.</summary>
    internal string? BText { get; init; }
}
