using System.Buffers.Binary;
using System.Globalization;
using StackExchange.Redis;

namespace Comparison.Indexing.Stores;

/// <summary>
/// An <see cref="IIndexStore"/> on a Redis server or a Redis Cluster, shared by every process that connects to
/// it: the index of one machine becomes the index of many.
/// </summary>
/// <remarks>
/// <para>
/// Each space is 256 hashes, <c>cmp:SPACE:{TAG}</c>; a 64-bit key goes to the hash of its top byte, as an 8-byte
/// field. The tag of each of the 256 shards is chosen so that its Redis Cluster slot falls in its own 1/256 of
/// the slot range: the records and LSH buckets of every space spread over the nodes as evenly as the nodes' slots.
/// A record is a field's value; a set is a field whose value is its concatenated 8-byte members.
/// </para>
/// <para>
/// Every batch is pipelined: all its commands go out together (an <see cref="IBatch"/>) before the first answer is
/// awaited, and StackExchange.Redis routes each to the node that owns its slot. <see cref="PutIfAbsentAsync"/> is
/// one <c>HSETNX</c> per record (write-once without a script); <see cref="AddAndReadSetsAsync"/> is one Lua script
/// per shard that the batch touches, atomic per shard, which adds each member and answers the set as it is after
/// the addition (only where it holds more than the caller's own members), which gives it its add-then-read
/// guarantee. Acknowledged writes survive a node restart when
/// the servers run with append-only persistence (<c>appendonly yes</c>).
/// </para>
/// <para>Thread-safe; one instance holds one multiplexed connection and should be shared.</para>
/// </remarks>
public sealed class RedisIndexStore : IIndexStore
{
    /// <summary>How many hashes hold one space: 2 to the power <see cref="ShardBits"/>.</summary>
    internal const int ShardBits = 8;

    /// <summary>The hashes of one space.</summary>
    internal const int Shards = 1 << ShardBits;

    /// <summary>The most items one script call or HMGET carries (Lua's stack bounds the arguments one call can unpack).</summary>
    private const int MaxItemsPerCall = 2000;

    /// <summary>
    /// Adds members to sets kept as fields of the hash KEYS[1], each field's value the concatenated 8-byte members.
    /// ARGV[1] packs the entries as 16 bytes each: the field, then the member. One HMGET reads every field the call
    /// touches and one HSET writes those that changed (a field written twice ends with its last, fullest value).
    /// Answers 0 when every set of the call holds only what the call added to it, the common case; else, per entry,
    /// the set after the call where it holds more than this call's members for it, nil where it does not.
    /// A new hash first gets the one-byte field "~" with a 128-byte value: a value longer than Redis's
    /// hash-max-listpack-value (64 by default) makes it a hash table at once, where it would otherwise stay a listpack
    /// (searched from end to end at every read and write) until it holds hash-max-listpack-entries fields (128 to 512).
    /// The bucket writes of an index's first 25,000 articles took a quarter to a third less server CPU this way:
    /// 42–56 µs instead of 60–79 µs an article (redis-server 7.0, 2-vCPU AMD EPYC Zen 5, 2026-12-06).
    /// </summary>
    private const string AddScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('HSET', KEYS[1], '~', string.rep('-', 128)) end
        local packed = ARGV[1]
        local n = #packed / 16
        local fields = {}
        for i = 1, n do fields[i] = string.sub(packed, 16 * i - 15, 16 * i - 8) end
        local current = redis.call('HMGET', KEYS[1], unpack(fields))
        local sets, writes, shared = {}, {}, nil
        local w = 0
        for i = 1, n do
          local field = fields[i]
          local member = string.sub(packed, 16 * i - 7, 16 * i)
          local set = sets[field]
          if set == nil then set = current[i] end
          if not set then
            sets[field] = member
            w = w + 2
            writes[w - 1] = field
            writes[w] = member
          else
            shared = shared or {}
            shared[field] = true
            local found = false
            local at = string.find(set, member, 1, true)
            while at do
              if (at - 1) % 8 == 0 then found = true break end
              at = string.find(set, member, at + 1, true)
            end
            if not found then
              set = set .. member
              w = w + 2
              writes[w - 1] = field
              writes[w] = set
            end
            sets[field] = set
          end
        end
        if w > 0 then redis.call('HSET', KEYS[1], unpack(writes)) end
        if shared == nil then return 0 end
        local answers = {}
        for i = 1, n do
          if shared[fields[i]] then answers[i] = sets[fields[i]] else answers[i] = false end
        end
        return answers
        """;

    private static readonly string[] ShardTags = ComputeShardTags();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RedisKey[]> _shardKeys = new(StringComparer.Ordinal);
    private readonly ConnectionMultiplexer _connection;
    private readonly IDatabase _database;

    private RedisIndexStore(ConnectionMultiplexer connection, string description)
    {
        _connection = connection;
        _database = connection.GetDatabase();
        Description = description;
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>True when the store is a Redis Cluster rather than one server.</summary>
    public bool IsCluster => _connection.GetServers().Any(server => server.ServerType == ServerType.Cluster);

    /// <summary>
    /// Connects to a Redis server or Redis Cluster.
    /// </summary>
    /// <param name="connectionString">
    /// <c>redis://[USER:PASSWORD@]HOST:PORT[,HOST:PORT...]</c>; for a cluster any of its nodes will do, and every
    /// node listed is tried. The password may also be given alone, as <c>redis://:PASSWORD@HOST:PORT</c>.
    /// </param>
    /// <param name="cancellationToken">Stops waiting for the connection.</param>
    /// <returns>The connected store.</returns>
    /// <exception cref="ArgumentException">The connection string is not of that form.</exception>
    /// <exception cref="IndexStoreException">No server answers, or the server refuses the credentials.</exception>
    public static async Task<RedisIndexStore> ConnectAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ConfigurationOptions options = Parse(connectionString, out string description);
        ConnectionMultiplexer connection;
        try
        {
            connection = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RedisConnectionException ex)
        {
            throw new IndexStoreException(ConnectFailure(description, ex), ex);
        }

        var store = new RedisIndexStore(connection, description);
        try
        {
            // One round trip proves the credentials on a server that only checks them at the first command.
            await store._database.PingAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw new IndexStoreException(ConnectFailure(description, ex), ex);
        }

        return store;
    }

    /// <summary>
    /// Parses <c>redis://[USER:PASSWORD@]HOST:PORT[,HOST:PORT...]</c> into client options, and a description that
    /// names the endpoints without the password.
    /// </summary>
    internal static ConfigurationOptions Parse(string connectionString, out string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        const string Scheme = "redis://";
        if (!connectionString.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The store '{connectionString}' is not a Redis connection string: expected redis://HOST:PORT[,HOST:PORT...].", nameof(connectionString));
        }

        string rest = connectionString[Scheme.Length..].TrimEnd('/');
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = true,
            ConnectTimeout = 5000,
            ConnectRetry = 2,
            SyncTimeout = 30000,
            AsyncTimeout = 30000,
            ClientName = "comparison",
        };
        int at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            string credentials = rest[..at];
            rest = rest[(at + 1)..];
            int colon = credentials.IndexOf(':', StringComparison.Ordinal);
            string user = Uri.UnescapeDataString(colon < 0 ? string.Empty : credentials[..colon]);
            options.Password = Uri.UnescapeDataString(colon < 0 ? credentials : credentials[(colon + 1)..]);
            if (user.Length > 0)
            {
                options.User = user;
            }
        }

        foreach (string endpoint in rest.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = endpoint.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(endpoint.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            {
                throw new ArgumentException($"The store endpoint '{endpoint}' is not HOST:PORT with a port from 1 to 65535.", nameof(connectionString));
            }

            options.EndPoints.Add(endpoint[..colon], port);
        }

        if (options.EndPoints.Count == 0)
        {
            throw new ArgumentException($"The store '{Scheme}{rest}' names no HOST:PORT.", nameof(connectionString));
        }

        description = Scheme + rest;
        return options;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One <c>HSETNX</c> per record, all pipelined; only the records whose field was taken are read back (a second
    /// pipelined round trip), to answer the value they hold. Records are write-once, so that value is the one that
    /// refused the write.
    /// </remarks>
    public Task<IReadOnlyList<byte[]?>> PutIfAbsentAsync(string space, IReadOnlyList<KeyValuePair<ulong, byte[]>> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(records);
        return Run("write", records.Count, async () =>
        {
            RedisKey[] shards = ShardKeys(space);
            var stored = new Task<bool>[records.Count];
            IBatch batch = _database.CreateBatch();
            for (int i = 0; i < stored.Length; i++)
            {
                var (key, value) = records[i];
                ArgumentNullException.ThrowIfNull(value, nameof(records));
                stored[i] = batch.HashSetAsync(shards[ShardOf(key)], Field(key), value, When.NotExists);
            }

            batch.Execute();
            await Task.WhenAll(stored).ConfigureAwait(false);
            var existing = new byte[]?[records.Count];
            var taken = new List<int>();
            for (int i = 0; i < stored.Length; i++)
            {
                if (!stored[i].Result)
                {
                    taken.Add(i);
                }
            }

            if (taken.Count > 0)
            {
                ulong[] keys = [.. taken.Select(i => records[i].Key)];
                await ReadPerShardAsync(space, keys, (j, value) => existing[taken[j]] = value.IsNull
                    ? throw new RedisException($"The field of key {keys[j]:x16} in '{space}' was taken but holds nothing: something deletes what this store writes.")
                    : (byte[]?)value).ConfigureAwait(false);
            }

            return (IReadOnlyList<byte[]?>)existing;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<byte[]?>> GetAsync(string space, IReadOnlyList<ulong> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(keys);
        return Run("read", keys.Count, async () =>
        {
            var values = new byte[]?[keys.Count];
            await ReadPerShardAsync(space, keys, (i, value) => values[i] = value.IsNull ? null : (byte[]?)value).ConfigureAwait(false);
            return (IReadOnlyList<byte[]?>)values;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ulong[]>> AddAndReadSetsAsync(string space, IReadOnlyList<KeyValuePair<ulong, ulong>> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(entries);
        return Run("write", entries.Count, async () =>
        {
            var members = new ulong[entries.Count][];
            await EvaluatePerShardAsync(space, entries.Count, i => entries[i].Key, AddScript, (items, arguments) =>
            {
                // One argument: the entries packed as 16 bytes each (the set's field, then the member), big-endian.
                var packed = new byte[items.Count * 16];
                for (int j = 0; j < items.Count; j++)
                {
                    BinaryPrimitives.WriteUInt64BigEndian(packed.AsSpan(j * 16), entries[items[j]].Key);
                    BinaryPrimitives.WriteUInt64BigEndian(packed.AsSpan((j * 16) + 8), entries[items[j]].Value);
                }

                arguments.Add(packed);
            }, (items, answer) =>
            {
                // 0, or a nil answer: the set holds only what this call added to it. Entries of one call that
                // share a set are answered the set itself, so nil stands for the entry's own member alone.
                RedisResult[]? answers = answer.Resp2Type == ResultType.Integer ? null : (RedisResult[])answer!;
                for (int j = 0; j < items.Count; j++)
                {
                    members[items[j]] = answers is null || answers[j].IsNull ? [entries[items[j]].Value] : Members((byte[]?)answers[j]);
                }
            }).ConfigureAwait(false);
            return (IReadOnlyList<ulong[]>)members;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ulong[]>> ReadSetsAsync(string space, IReadOnlyList<ulong> sets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(sets);
        return Run("read", sets.Count, async () =>
        {
            var members = new ulong[sets.Count][];
            await ReadPerShardAsync(space, sets, (i, value) => members[i] = Members(value.IsNull ? null : (byte[]?)value)).ConfigureAwait(false);
            return (IReadOnlyList<ulong[]>)members;
        }, cancellationToken);
    }

    /// <summary>Deletes every key of one space prefix (<c>cmp:PREFIX*</c>) on every primary; for tests and tools.</summary>
    /// <param name="prefix">The start of the spaces to delete, such as an index name followed by a colon.</param>
    /// <returns>The number of keys deleted.</returns>
    /// <exception cref="IndexStoreException">The store failed.</exception>
    public async Task<long> DeleteSpacesAsync(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        long deleted = 0;
        try
        {
            foreach (IServer server in _connection.GetServers())
            {
                if (server.IsReplica || !server.IsConnected)
                {
                    continue;
                }

                await foreach (RedisKey key in server.KeysAsync(pattern: "cmp:" + prefix + "*", pageSize: 1000).ConfigureAwait(false))
                {
                    deleted += await _database.KeyDeleteAsync(key).ConfigureAwait(false) ? 1 : 0;
                }
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw new IndexStoreException($"Redis store {Description}: deleting the keys of '{prefix}' failed: {ex.Message}", ex);
        }

        return deleted;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await _connection.DisposeAsync().ConfigureAwait(false);

    /// <summary>The shard of a key: its top byte, so that seeded 64-bit hashes spread evenly over the shards.</summary>
    internal static int ShardOf(ulong key) => (int)(key >> (64 - ShardBits));

    /// <summary>The Redis key of one shard of a space: <c>cmp:SPACE:{TAG}</c>, the tag placing it in the shard's slot range.</summary>
    internal static RedisKey ShardKey(string space, int shard) => "cmp:" + space + ":{" + ShardTags[shard] + "}";

    /// <summary>The keys of every shard of a space, encoded once per space.</summary>
    private RedisKey[] ShardKeys(string space) => _shardKeys.GetOrAdd(space, static space =>
    {
        var keys = new RedisKey[Shards];
        for (int shard = 0; shard < Shards; shard++)
        {
            keys[shard] = System.Text.Encoding.UTF8.GetBytes((string)ShardKey(space, shard)!);
        }

        return keys;
    });

    /// <summary>
    /// For each shard, a hash tag whose Redis Cluster slot (CRC16 mod 16,384) falls in the shard's own 1/256 of the
    /// slot range, so that the shards of every space spread over the nodes as evenly as the nodes' slot ranges do.
    /// </summary>
    internal static string[] ComputeShardTags()
    {
        var tags = new string[Shards];
        for (int shard = 0; shard < Shards; shard++)
        {
            for (int attempt = 0; ; attempt++)
            {
                string tag = string.Create(CultureInfo.InvariantCulture, $"{shard:x2}.{attempt}");
                if (Crc16(tag) % 16384 * Shards / 16384 == shard)
                {
                    tags[shard] = tag;
                    break;
                }
            }
        }

        return tags;
    }

    /// <summary>The CRC16 (XMODEM: polynomial 0x1021, initial value 0) by which Redis Cluster places a key.</summary>
    internal static int Crc16(string text)
    {
        int crc = 0;
        foreach (char c in text)
        {
            crc ^= (byte)c << 8;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }

        return crc;
    }

    private static byte[] Field(ulong key)
    {
        var field = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(field, key);
        return field;
    }

    private static ulong[] Members(byte[]? packed)
    {
        if (packed is null)
        {
            return [];
        }

        var members = new ulong[packed.Length / 8];
        for (int i = 0; i < members.Length; i++)
        {
            members[i] = BinaryPrimitives.ReadUInt64BigEndian(packed.AsSpan(i * 8));
        }

        return members;
    }

    /// <summary>The items of a batch grouped by shard, each group cut into runs of at most <see cref="MaxItemsPerCall"/>.</summary>
    private static List<(int Shard, List<int> Items)> GroupByShard(int count, Func<int, ulong> keyOf)
    {
        var byShard = new List<int>?[Shards];
        for (int i = 0; i < count; i++)
        {
            (byShard[ShardOf(keyOf(i))] ??= []).Add(i);
        }

        var groups = new List<(int, List<int>)>();
        for (int shard = 0; shard < Shards; shard++)
        {
            if (byShard[shard] is not { } items)
            {
                continue;
            }

            for (int start = 0; start < items.Count; start += MaxItemsPerCall)
            {
                groups.Add((shard, items.GetRange(start, Math.Min(MaxItemsPerCall, items.Count - start))));
            }
        }

        return groups;
    }

    /// <summary>Runs a script once per shard group of a batch, all calls pipelined, and hands each answer back.</summary>
    private async Task EvaluatePerShardAsync(string space, int count, Func<int, ulong> keyOf, string script, Action<List<int>, List<RedisValue>> arguments, Action<List<int>, RedisResult> answer)
    {
        List<(int Shard, List<int> Items)> groups = GroupByShard(count, keyOf);
        var calls = new Task<RedisResult>[groups.Count];
        RedisKey[] shards = ShardKeys(space);
        IBatch batch = _database.CreateBatch();
        var values = new List<RedisValue>();
        for (int g = 0; g < groups.Count; g++)
        {
            values.Clear();
            arguments(groups[g].Items, values);
            calls[g] = batch.ScriptEvaluateAsync(script, [shards[groups[g].Shard]], [.. values]);
        }

        batch.Execute();
        await Task.WhenAll(calls).ConfigureAwait(false);
        for (int g = 0; g < groups.Count; g++)
        {
            answer(groups[g].Items, calls[g].Result);
        }
    }

    /// <summary>Reads fields of a space with one pipelined HMGET per shard group.</summary>
    private async Task ReadPerShardAsync(string space, IReadOnlyList<ulong> keys, Action<int, RedisValue> found)
    {
        List<(int Shard, List<int> Items)> groups = GroupByShard(keys.Count, i => keys[i]);
        var calls = new Task<RedisValue[]>[groups.Count];
        RedisKey[] shards = ShardKeys(space);
        IBatch batch = _database.CreateBatch();
        for (int g = 0; g < groups.Count; g++)
        {
            List<int> items = groups[g].Items;
            var fields = new RedisValue[items.Count];
            for (int j = 0; j < fields.Length; j++)
            {
                fields[j] = Field(keys[items[j]]);
            }

            calls[g] = batch.HashGetAsync(shards[groups[g].Shard], fields);
        }

        batch.Execute();
        await Task.WhenAll(calls).ConfigureAwait(false);
        for (int g = 0; g < groups.Count; g++)
        {
            List<int> items = groups[g].Items;
            RedisValue[] values = calls[g].Result;
            for (int j = 0; j < items.Count; j++)
            {
                found(items[j], values[j]);
            }
        }
    }

    private static string ConnectFailure(string description, Exception ex) =>
        ex is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure } || ex.Message.Contains("WRONGPASS", StringComparison.Ordinal) || ex.Message.Contains("NOAUTH", StringComparison.Ordinal)
            ? $"Redis store {description} refused the credentials (wrong password or user, or a password is needed): {ex.Message}"
            : $"Redis store {description} is unreachable: {ex.Message}";

    private async Task<T> Run<T>(string operation, int count, Func<Task<T>> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await body().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            string what = ex is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure }
                ? "refused the credentials"
                : "failed";
            throw new IndexStoreException($"Redis store {Description} {what} during a batch {operation} of {count} items, which may be half done: {ex.Message}", ex);
        }
    }
}
