namespace Comparison.Indexing.Stores;

/// <summary>
/// Where a shared index keeps its state: write-once records and sets of 64-bit members, each addressed by a
/// space (a short name such as <c>news:sig</c>) and a 64-bit key. <see cref="SharedDuplicateIndex"/> keeps its
/// signatures, exact forms, LSH buckets and pair claims in one; event assignment can keep cluster summaries
/// (records) and its term, name and day postings (sets) in the same store.
/// </summary>
/// <remarks>
/// <para>
/// Every call is a batch: an implementation sends it in as few round trips as it can (pipelined), and each item
/// is idempotent, so a batch that fails half-way can be sent again whole. Records are write-once
/// (<see cref="PutIfAbsentAsync"/>), set members are only ever added: a store never loses an acknowledged write
/// to a later one.
/// </para>
/// <para>
/// <see cref="MemoryIndexStore"/> is the embedded default; <see cref="RedisIndexStore"/> shares one index among
/// processes and machines through a Redis server or a Redis Cluster. Implementations are thread-safe.
/// </para>
/// </remarks>
public interface IIndexStore : IAsyncDisposable
{
    /// <summary>A description that names the store in messages (for Redis, its endpoints, never its password).</summary>
    string Description { get; }

    /// <summary>Stores each record whose key is not yet taken in its space; a taken key keeps its first value.</summary>
    /// <param name="space">The space of every key of the batch.</param>
    /// <param name="records">The keys and values.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>For each record in order, <see langword="null"/> when it was stored now, else the value already stored.</returns>
    /// <exception cref="IndexStoreException">The store failed; some records of the batch may be stored.</exception>
    Task<IReadOnlyList<byte[]?>> PutIfAbsentAsync(string space, IReadOnlyList<KeyValuePair<ulong, byte[]>> records, CancellationToken cancellationToken = default);

    /// <summary>Reads records.</summary>
    /// <param name="space">The space of every key.</param>
    /// <param name="keys">The keys.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>For each key in order, its value, or <see langword="null"/> when none is stored.</returns>
    /// <exception cref="IndexStoreException">The store failed.</exception>
    Task<IReadOnlyList<byte[]?>> GetAsync(string space, IReadOnlyList<ulong> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds each member to its set and reads the set back after the addition. Per set, the addition comes
    /// before the read, so of two callers adding to one set at the same moment, at least one reads the other's member.
    /// </summary>
    /// <param name="space">The space of every set.</param>
    /// <param name="entries">The sets and the member to add to each.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>For each entry in order, the members of its set (in no particular order), the added one included.</returns>
    /// <exception cref="IndexStoreException">The store failed; some members of the batch may be added.</exception>
    Task<IReadOnlyList<ulong[]>> AddAndReadSetsAsync(string space, IReadOnlyList<KeyValuePair<ulong, ulong>> entries, CancellationToken cancellationToken = default);

    /// <summary>Reads sets.</summary>
    /// <param name="space">The space of every set.</param>
    /// <param name="sets">The set keys.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>For each set in order, its members (in no particular order; empty when it does not exist).</returns>
    /// <exception cref="IndexStoreException">The store failed.</exception>
    Task<IReadOnlyList<ulong[]>> ReadSetsAsync(string space, IReadOnlyList<ulong> sets, CancellationToken cancellationToken = default);
}
