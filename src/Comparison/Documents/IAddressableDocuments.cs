namespace Comparison.Documents;

/// <summary>
/// A sequence of documents each of which can be found again by an address the sequence gives with it (a JSON Lines
/// line's byte offset, a directory's file): a streaming analysis reads each event cluster's documents again, and
/// only those, after the clustering pass.
/// </summary>
internal interface IAddressableDocuments
{
    /// <summary>The documents in input order, each with its address (-1 when it cannot be found again, as in a UTF-16 file).</summary>
    IEnumerable<(long Address, Document Document)> ReadAddressed();

    /// <summary>The documents at the given addresses, in their order; each address one <see cref="ReadAddressed"/> gave.</summary>
    /// <param name="addresses">The addresses.</param>
    IEnumerable<Document> ReadAt(IReadOnlyList<long> addresses);
}
