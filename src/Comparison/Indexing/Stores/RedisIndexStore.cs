using System.Globalization;
using StackExchange.Redis;

namespace Comparison.Indexing.Stores;

/// <summary>
/// An <see cref="IIndexStore"/> on a Redis server or a Redis Cluster, shared by every process that connects to
/// it: the index of one machine becomes the index of many.
/// </summary>
/// <remarks>
/// <para>
/// Keys are <c>cmp:SPACE:{KEY}</c> with the 64-bit key in hexadecimal as the hash tag, so a Redis Cluster places
/// each record and each LSH bucket by its own hash: the buckets of one band spread evenly over every slot instead
/// of piling onto the node that owns one tag per band. Records are strings written with <c>SET NX</c>; sets hold
/// 64-bit integers (compact <c>intset</c>s on the server).
/// </para>
/// <para>
/// Every batch is pipelined: all its commands go out together (an <see cref="IBatch"/>) before the first answer is
/// awaited, and StackExchange.Redis routes each to the node that owns its slot. Per node the commands of one connection run in order, which gives
/// <see cref="AddAndReadSetsAsync"/> its add-then-read guarantee. Acknowledged writes survive a node restart when
/// the servers run with append-only persistence (<c>appendonly yes</c>).
/// </para>
/// <para>Thread-safe; one instance holds one multiplexed connection and should be shared.</para>
/// </remarks>
public sealed class RedisIndexStore : IIndexStore
{
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
    public Task<IReadOnlyList<byte[]?>> PutIfAbsentAsync(string space, IReadOnlyList<KeyValuePair<ulong, byte[]>> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(records);
        return Run("write", records.Count, async () =>
        {
            var keys = new RedisKey[records.Count];
            var sets = new Task<bool>[records.Count];
            IBatch batch = _database.CreateBatch();
            for (int i = 0; i < sets.Length; i++)
            {
                keys[i] = Key(space, records[i].Key);
                sets[i] = batch.StringSetAsync(keys[i], records[i].Value ?? throw new ArgumentNullException(nameof(records)), null, When.NotExists);
            }

            batch.Execute();
            await Task.WhenAll(sets).ConfigureAwait(false);
            var existing = new byte[]?[sets.Length];
            var gets = new Task<RedisValue>?[sets.Length];
            for (int i = 0; i < sets.Length; i++)
            {
                if (!sets[i].Result)
                {
                    gets[i] = _database.StringGetAsync(keys[i]);
                }
            }

            for (int i = 0; i < gets.Length; i++)
            {
                if (gets[i] is { } get)
                {
                    existing[i] = (byte[]?)await get.ConfigureAwait(false);
                }
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
            var gets = new Task<RedisValue>[keys.Count];
            IBatch batch = _database.CreateBatch();
            for (int i = 0; i < gets.Length; i++)
            {
                gets[i] = batch.StringGetAsync(Key(space, keys[i]));
            }

            batch.Execute();
            await Task.WhenAll(gets).ConfigureAwait(false);
            var values = new byte[]?[gets.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (byte[]?)gets[i].Result;
            }

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
            var adds = new Task<bool>[entries.Count];
            var reads = new Task<RedisValue[]>[entries.Count];
            IBatch batch = _database.CreateBatch();
            for (int i = 0; i < reads.Length; i++)
            {
                // Both go on the connection to the node that owns the key, in this order, so the read sees the add.
                RedisKey key = Key(space, entries[i].Key);
                adds[i] = batch.SetAddAsync(key, unchecked((long)entries[i].Value));
                reads[i] = batch.SetMembersAsync(key);
            }

            batch.Execute();
            await Task.WhenAll(adds).ConfigureAwait(false);
            await Task.WhenAll(reads).ConfigureAwait(false);
            return (IReadOnlyList<ulong[]>)Members(reads);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ulong[]>> ReadSetsAsync(string space, IReadOnlyList<ulong> sets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(sets);
        return Run("read", sets.Count, async () =>
        {
            var reads = new Task<RedisValue[]>[sets.Count];
            IBatch batch = _database.CreateBatch();
            for (int i = 0; i < reads.Length; i++)
            {
                reads[i] = batch.SetMembersAsync(Key(space, sets[i]));
            }

            batch.Execute();
            await Task.WhenAll(reads).ConfigureAwait(false);
            return (IReadOnlyList<ulong[]>)Members(reads);
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

    private static RedisKey Key(string space, ulong key) => string.Create(CultureInfo.InvariantCulture, $"cmp:{space}:{{{key:x16}}}");

    private static ulong[][] Members(Task<RedisValue[]>[] reads)
    {
        var members = new ulong[reads.Length][];
        for (int i = 0; i < members.Length; i++)
        {
            RedisValue[] values = reads[i].Result;
            var set = new ulong[values.Length];
            for (int j = 0; j < set.Length; j++)
            {
                set[j] = unchecked((ulong)(long)values[j]);
            }

            members[i] = set;
        }

        return members;
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
