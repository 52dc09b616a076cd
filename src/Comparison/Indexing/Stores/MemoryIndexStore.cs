namespace Comparison.Indexing.Stores;

/// <summary>
/// The embedded <see cref="IIndexStore"/>: dictionaries in this process, shared by every
/// <see cref="SharedDuplicateIndex"/> opened on the same instance.
/// </summary>
/// <remarks>Thread-safe: one lock guards every call, so each batch is atomic here.</remarks>
public sealed class MemoryIndexStore : IIndexStore
{
    private readonly Dictionary<(string Space, ulong Key), byte[]> _records = [];
    private readonly Dictionary<(string Space, ulong Key), HashSet<ulong>> _sets = [];
    private readonly Lock _lock = new();

    /// <inheritdoc/>
    public string Description => "memory";

    /// <summary>The number of records and sets held, over every space.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _records.Count + _sets.Count;
            }
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<byte[]?>> PutIfAbsentAsync(string space, IReadOnlyList<KeyValuePair<ulong, byte[]>> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(records);
        var existing = new byte[]?[records.Count];
        lock (_lock)
        {
            for (int i = 0; i < existing.Length; i++)
            {
                var (key, value) = records[i];
                ArgumentNullException.ThrowIfNull(value, nameof(records));
                if (!_records.TryAdd((space, key), value))
                {
                    existing[i] = _records[(space, key)];
                }
            }
        }

        return Task.FromResult<IReadOnlyList<byte[]?>>(existing);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<byte[]?>> GetAsync(string space, IReadOnlyList<ulong> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(keys);
        var values = new byte[]?[keys.Count];
        lock (_lock)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = _records.GetValueOrDefault((space, keys[i]));
            }
        }

        return Task.FromResult<IReadOnlyList<byte[]?>>(values);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ulong[]>> AddAndReadSetsAsync(string space, IReadOnlyList<KeyValuePair<ulong, ulong>> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(entries);
        var members = new ulong[entries.Count][];
        lock (_lock)
        {
            for (int i = 0; i < members.Length; i++)
            {
                var (set, member) = entries[i];
                if (!_sets.TryGetValue((space, set), out HashSet<ulong>? values))
                {
                    values = [];
                    _sets.Add((space, set), values);
                }

                values.Add(member);
                members[i] = [.. values];
            }
        }

        return Task.FromResult<IReadOnlyList<ulong[]>>(members);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ulong[]>> ReadSetsAsync(string space, IReadOnlyList<ulong> sets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(sets);
        var members = new ulong[sets.Count][];
        lock (_lock)
        {
            for (int i = 0; i < members.Length; i++)
            {
                members[i] = _sets.TryGetValue((space, sets[i]), out HashSet<ulong>? values) ? [.. values] : [];
            }
        }

        return Task.FromResult<IReadOnlyList<ulong[]>>(members);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
