using System.Collections.Immutable;

namespace Comparison.Indexing;

/// <summary>One article that went through a <see cref="SharedDuplicateIndex"/>, and the indexed articles it duplicates.</summary>
/// <param name="Id">The article's identifier.</param>
/// <param name="Duplicates">The identifiers of the indexed articles it duplicates, in ordinal order.</param>
public sealed record IndexedDuplicates(string Id, ImmutableArray<string> Duplicates);
