namespace Comparison;

/// <summary>Progress of one stage of a comparison (<see cref="NewsComparer.Compare"/>).</summary>
/// <param name="Stage">The stage name: <c>read</c>, <c>shingles</c>, <c>similarity</c>, <c>clusters</c>, <c>passages</c>, <c>discrepancies</c>.</param>
/// <param name="Completed">Units of work done so far in this stage.</param>
/// <param name="Total">Units of work the stage has in all (0 when unknown).</param>
public readonly record struct ComparisonProgress(string Stage, int Completed, int Total);
