using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Comparison.Documents;
using Comparison.Indexing;
using Comparison.Indexing.Stores;
using Comparison.Tests.Support;
using static Comparison.Tests.Support.IndexResults;
using StackExchange.Redis;

namespace Comparison.Tests.Indexing;

/// <summary>
/// The shared near-duplicate index against real Redis: one server, and a three-node Redis Cluster, each started
/// by the test on free local ports with append-only persistence (fsync on every write) and stopped after it.
/// </summary>
public class RedisSharedIndexTests
{
    private static readonly List<Document> Corpus = SyntheticCorpus.Make(1500, 500, seed: 29);

    private static readonly SortedSet<(string, string)> Expected =
        SyntheticCorpus.Pairs(DuplicateFinder.FindDuplicates(Corpus, new DuplicateOptions { Verification = DuplicateVerification.Exact }));

    [Fact]
    public async Task SingleServer_AddTwice_SamePairsAsDuplicateFinder_AndNothingStoredTwice()
    {
        using var server = RedisServer.Start();
        await using var store = await RedisIndexStore.ConnectAsync("redis://" + server.Endpoint);
        Assert.False(store.IsCluster);
        var index = await SharedDuplicateIndex.OpenAsync(store, new SharedDuplicateIndexOptions { Name = "single", BatchSize = 100 });

        var first = await Collect(index.AddAsync(Corpus));
        string shape = server.StoredShape();
        var second = await Collect(index.AddAsync(Corpus));

        Assert.True(Expected.Count > 100, $"only {Expected.Count} pairs");
        Assert.Equal(Expected, PairsOf(first, out int reported));
        Assert.Equal(Expected.Count, reported);
        Assert.Equal(first.Select(Line), second.Select(Line));
        Assert.Equal(shape, server.StoredShape());
        Assert.Equal(Corpus.Count, server.FieldCount("cmp:single:doc:*"));
    }

    [Fact]
    public async Task Store_SingleServerAndCluster_AnswerAsTheContractSays()
    {
        using (var server = RedisServer.Start())
        {
            await using var store = await RedisIndexStore.ConnectAsync("redis://" + server.Endpoint);
            await IndexStoreContract.PutIfAbsent_FirstValueStays(store, "contract:doc");
            await IndexStoreContract.AddAndReadSets_EachEntrySeesItsSetAfterTheAddition(store, "contract:band");

            // A shard of sets holds a few small fields, yet it is a hash table, not a listpack searched end to end.
            string shard = (string)RedisIndexStore.ShardKey("contract:band", RedisIndexStore.ShardOf(0x7700_0000_0000_0005))!;
            Assert.Equal("hashtable", server.Cli("object", "encoding", shard).Trim());
        }

        using var cluster = RedisCluster.Start();
        await using var clustered = await RedisIndexStore.ConnectAsync(cluster.ConnectionString);
        await IndexStoreContract.PutIfAbsent_FirstValueStays(clustered, "contract:doc");
        await IndexStoreContract.AddAndReadSets_EachEntrySeesItsSetAfterTheAddition(clustered, "contract:band");
    }

    [Fact]
    public async Task Cluster_FourWorkerProcesses_UnionEqualsDuplicatesCommand_PairForPair()
    {
        using var cluster = RedisCluster.Start();
        string directory = Directory.CreateTempSubdirectory("index-workers-").FullName;
        try
        {
            string whole = WriteJsonLines(Path.Combine(directory, "all.jsonl"), Corpus);
            var quarters = Enumerable.Range(0, 4)
                .Select(w => WriteJsonLines(Path.Combine(directory, $"q{w}.jsonl"), Corpus.Where((_, i) => i % 4 == w)))
                .ToList();

            var workers = quarters.Select(q => Task.Run(() => RunCli(["index", "add", q, "--store", cluster.ConnectionString, "--name", "workers", "--threshold", "0.8", "--verify", "exact", "--format", "json", "--batch-size", "25"]))).ToArray();
            string[] outputs = await Task.WhenAll(workers);
            var (code, stdout, stderr) = await CliRun.Run("duplicates", whole, "--threshold", "0.8", "--verify", "exact", "--format", "json");
            Assert.True(code == 0, stderr);
            using var duplicates = JsonDocument.Parse(stdout);
            var expected = new SortedSet<(string, string)>(duplicates.RootElement.GetProperty("pairs").EnumerateArray()
                .Select(p => SyntheticCorpus.Pair(p.GetProperty("a").GetString()!, p.GetProperty("b").GetString()!)));

            var lines = outputs.SelectMany(o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(Parse).ToList();
            Assert.Equal(Corpus.Count, lines.Count);
            Assert.Equal(expected, PairsOf(lines, out int reported));
            Assert.Equal(expected.Count, reported);

            // The shards' hash tags spread the stored records and bucket entries over the three nodes (each owns a
            // third of the slots).
            long[] counts = cluster.FieldCounts();
            Assert.All(counts, c => Assert.InRange(c, counts.Sum() / 4, counts.Sum() / 2));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Cluster_WorkerKilledMidStreamAndRestarted_LosesNoPairAndRepeatsNone()
    {
        using var cluster = RedisCluster.Start();
        string directory = Directory.CreateTempSubdirectory("index-restart-").FullName;
        try
        {
            string file = WriteJsonLines(Path.Combine(directory, "all.jsonl"), Corpus);
            string[] options = ["--store", cluster.ConnectionString, "--name", "restart", "--batch-size", "40"];

            // The first run reads the stream from stdin, which is fed 1,000 articles and never closed, and is killed
            // (SIGKILL) once it has written 700 lines: mid-stream, in the middle of a batch or between two.
            string[] head = [.. File.ReadLines(file).Take(1000)];
            List<string> killed = await RunCliUntilKilled(["index", "add", "-", .. options], head, afterLines: 700);
            List<IndexedDuplicates> restarted = (await Task.Run(() => RunCli(["index", "add", file, .. options]))).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();

            Assert.InRange(killed.Count, 700, 1000);
            Assert.Equal(Corpus.Count, restarted.Count);
            // The restarted run alone reports every pair once. Each pair the killed run reported, it reports again
            // under the same article (the pair's claim holds); an article that the killed run had added without
            // reporting may have its pair reported now by an earlier article, which saw it in the index. So the
            // last line per article, or the set of pairs of both runs, is the answer: nothing lost, nothing twice.
            var killedLines = killed.Where(l => l.EndsWith('}')).Select(Parse).ToList();
            Assert.InRange(killedLines.Count, 700, 1000);
            var restartedById = restarted.ToDictionary(r => r.Id);
            Assert.All(killedLines, line => Assert.Superset(line.Duplicates.ToHashSet(), restartedById[line.Id].Duplicates.ToHashSet()));
            Assert.Equal(Expected, PairsOf(restarted, out int reported));
            Assert.Equal(Expected.Count, reported);
            Assert.Equal(Expected, PairsOf(killedLines.Concat(restarted), out _));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Cluster_NodeKilledAndRestartedFromAppendOnlyFile_LosesNoAcknowledgedInsert()
    {
        using var cluster = RedisCluster.Start();
        var options = new SharedDuplicateIndexOptions { Name = "aof", BatchSize = 100 };
        var half = Corpus.Count / 2;
        List<IndexedDuplicates> first;
        await using (var store = await RedisIndexStore.ConnectAsync(cluster.ConnectionString))
        {
            Assert.True(store.IsCluster);
            var index = await SharedDuplicateIndex.OpenAsync(store, options);
            first = await Collect(index.AddAsync(Corpus.Take(half)));
        }

        string before = cluster.Nodes[1].StoredShape();
        Assert.NotEqual("0 0 0", before);
        cluster.Nodes[1].Restart();
        cluster.WaitUntilHealthy();
        Assert.Equal(before, cluster.Nodes[1].StoredShape());

        await using (var store = await RedisIndexStore.ConnectAsync(cluster.ConnectionString))
        {
            var index = await SharedDuplicateIndex.OpenAsync(store, options);
            var records = await store.GetAsync("aof:doc", Corpus.Take(half).Select(d => SharedDuplicateIndex.IdKey(d.Id)).ToList());
            Assert.All(records, Assert.NotNull);
            var second = await Collect(index.AddAsync(Corpus.Skip(half)));
            Assert.Equal(Expected, PairsOf(first.Concat(second), out int reported));
            Assert.Equal(Expected.Count, reported);
        }
    }

    [Fact]
    public async Task ServerKilledMidBatch_ErrorNamesStore_IndexConsistent_AddingAgainCompletes()
    {
        using var server = RedisServer.Start();
        string connection = "redis://" + server.Endpoint;
        var options = new SharedDuplicateIndexOptions { Name = "half", BatchSize = 400 };
        IndexStoreException? error = null;
        await using (var store = await RedisIndexStore.ConnectAsync(connection))
        {
            var index = await SharedDuplicateIndex.OpenAsync(store, options);
            try
            {
                int seen = 0;
                await foreach (IndexedDuplicates result in index.AddAsync(Corpus))
                {
                    if (++seen == 1)
                    {
                        // The next batch is being sketched or written when the server dies.
                        _ = Task.Run(server.Kill);
                    }
                }
            }
            catch (IndexStoreException ex)
            {
                error = ex;
            }
        }

        Assert.NotNull(error);
        Assert.Contains(connection, error.Message, StringComparison.Ordinal);
        server.Restart();
        await AssertEveryBucketMemberHasItsRecord(server, "half");

        await using (var store = await RedisIndexStore.ConnectAsync(connection))
        {
            var index = await SharedDuplicateIndex.OpenAsync(store, options);
            var again = await Collect(index.AddAsync(Corpus));
            Assert.Equal(Expected, PairsOf(again, out int reported));
            Assert.Equal(Expected.Count, reported);
        }
    }

    [Fact]
    public async Task IndexQueryFromStdin_ListsIndexedDuplicatesBothWays_WithoutAdding()
    {
        using var server = RedisServer.Start();
        string store = "redis://" + server.Endpoint;
        string directory = Directory.CreateTempSubdirectory("index-stdin-").FullName;
        try
        {
            string file = WriteJsonLines(Path.Combine(directory, "all.jsonl"), Corpus);
            RunCli(["index", "add", file, "--store", store, "--name", "stdin"]);
            string shape = server.StoredShape();

            var start = CliStart(["index", "query", "-", "--store", store, "--name", "stdin", "--format", "json"]);
            start.RedirectStandardInput = true;
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(file));
            process.StandardInput.Close();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, await stderr);
            var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
            Assert.Equal(Corpus.Select(d => d.Id), lines.Select(l => l.Id));
            Assert.Equal(Expected, PairsOf(lines, out int reported));
            Assert.Equal(2 * Expected.Count, reported);
            Assert.Equal(shape, server.StoredShape());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Unreachable_ErrorNamesStore_LibraryAndCommandLine()
    {
        using var server = RedisServer.Start();
        string connection = "redis://" + server.Endpoint;
        server.Kill();

        var error = await Assert.ThrowsAsync<IndexStoreException>(() => RedisIndexStore.ConnectAsync(connection));
        Assert.Contains(connection, error.Message, StringComparison.Ordinal);
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);

        string file = WriteJsonLines(Path.Combine(Path.GetTempPath(), $"unreachable-{Guid.NewGuid():N}.jsonl"), Corpus.Take(3));
        try
        {
            var (code, stdout, stderr) = await CliRun.Run("index", "add", file, "--store", connection);
            Assert.Equal(1, code);
            Assert.Empty(stdout);
            Assert.Contains(connection, stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task WrongPassword_ErrorNamesStoreAndCredentials_WithoutThePassword()
    {
        using var server = RedisServer.Start(password: "right-secret");
        var error = await Assert.ThrowsAsync<IndexStoreException>(() => RedisIndexStore.ConnectAsync($"redis://:wrong-secret@{server.Endpoint}"));
        Assert.Contains("redis://" + server.Endpoint, error.Message, StringComparison.Ordinal);
        Assert.Contains("credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", error.Message, StringComparison.Ordinal);

        var missing = await Assert.ThrowsAsync<IndexStoreException>(() => RedisIndexStore.ConnectAsync($"redis://{server.Endpoint}"));
        Assert.Contains("credentials", missing.Message, StringComparison.Ordinal);

        await using var store = await RedisIndexStore.ConnectAsync($"redis://:right-secret@{server.Endpoint}");
        var index = await SharedDuplicateIndex.OpenAsync(store, new SharedDuplicateIndexOptions { Name = "auth" });
        Assert.Equal(Corpus.Count, (await Collect(index.AddAsync(Corpus))).Count);
    }

    private static async Task AssertEveryBucketMemberHasItsRecord(RedisServer server, string name)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(server.Endpoint);
        IDatabase database = connection.GetDatabase();
        IServer redis = connection.GetServer(server.Endpoint);
        int buckets = 0;
        await foreach (RedisKey shard in redis.KeysAsync(pattern: $"cmp:{name}:band:*"))
        {
            foreach (HashEntry bucket in await database.HashGetAllAsync(shard))
            {
                if (((byte[])bucket.Name!).Length != 8)
                {
                    // The field that makes each shard a hash table from the start.
                    continue;
                }

                buckets++;
                byte[] members = bucket.Value!;
                for (int at = 0; at < members.Length; at += 8)
                {
                    ulong member = BinaryPrimitives.ReadUInt64BigEndian(members.AsSpan(at, 8));
                    RedisKey records = RedisIndexStore.ShardKey(name + ":doc", RedisIndexStore.ShardOf(member));
                    Assert.True(await database.HashExistsAsync(records, members.AsSpan(at, 8).ToArray()), $"a bucket lists {member:x16}, which has no record");
                }
            }
        }

        Assert.True(buckets > 0, "the killed run wrote no bucket at all");
    }

    private static string WriteJsonLines(string path, IEnumerable<Document> documents)
    {
        File.WriteAllLines(path, documents.Select(d => JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = d.Id, ["text"] = d.Text })));
        return path;
    }

    private static ProcessStartInfo CliStart(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Comparison.Cli.dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static string RunCli(string[] arguments)
    {
        using Process process = Process.Start(CliStart(arguments))!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "a worker did not finish within 5 minutes");
        Assert.True(process.ExitCode == 0, $"comparison {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static async Task<List<string>> RunCliUntilKilled(string[] arguments, string[] input, int afterLines)
    {
        var start = CliStart(arguments);
        start.RedirectStandardInput = true;
        using Process process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        _ = Task.Run(async () =>
        {
            foreach (string line in input)
            {
                await process.StandardInput.WriteLineAsync(line);
            }

            await process.StandardInput.FlushAsync();
        });
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
            if (lines.Count == afterLines)
            {
                process.Kill();
                break;
            }
        }

        // Whatever the pipe still holds was written before the kill.
        lines.AddRange((await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await process.WaitForExitAsync();
        return lines;
    }

    private static IndexedDuplicates Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        return new IndexedDuplicates(
            json.RootElement.GetProperty("id").GetString()!,
            [.. json.RootElement.GetProperty("duplicates").EnumerateArray().Select(e => e.GetString()!)]);
    }
}
