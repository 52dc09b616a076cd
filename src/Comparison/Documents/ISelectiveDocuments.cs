using System.Runtime.CompilerServices;

namespace Comparison.Documents;

/// <summary>
/// A sequence of documents that can also be read selectively: only the documents at some positions are parsed and
/// given, the others skipped at the cost of finding where they end. A second pass over a corpus (the exact
/// verification of near-duplicate candidates) reads through it.
/// </summary>
internal interface ISelectiveDocuments
{
    /// <summary>The documents at the positions <paramref name="wanted"/> accepts, with their positions, in input order.</summary>
    /// <param name="wanted">Whether the document at a position is needed; called once per position, in order.</param>
    /// <param name="count">Receives, at the end, how many documents the sequence holds.</param>
    IEnumerable<(int Position, Document Document)> ReadSelected(Func<int, bool> wanted, StrongBox<int> count);
}
