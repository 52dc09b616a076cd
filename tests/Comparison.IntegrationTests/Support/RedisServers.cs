using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Comparison.Tests.Support;

/// <summary>
/// Real redis-server processes for the tests, on free ports of 127.0.0.1, each in its own temporary directory,
/// stopped (and the directory deleted) on dispose. Missing Redis is a test FAILURE naming the Debian package,
/// never a skip (.ci/run installs it).
/// </summary>
public sealed class RedisServer : IDisposable
{
    public const string ServerPath = "/usr/bin/redis-server";
    public const string CliPath = "/usr/bin/redis-cli";

    private readonly string[] _arguments;
    private Process? _process;

    private RedisServer(int port, string directory, string[] arguments)
    {
        Port = port;
        Directory = directory;
        _arguments = arguments;
    }

    public int Port { get; }

    public string Directory { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Starts one server: append-only persistence fsynced on every write, no snapshots.</summary>
    public static RedisServer Start(string? password = null, bool cluster = false)
    {
        RequireRedis();
        int port = FreePort(cluster);
        string directory = System.IO.Directory.CreateTempSubdirectory("redis-test-").FullName;
        var arguments = new List<string>
        {
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory,
            "--save", string.Empty, "--appendonly", "yes", "--appendfsync", "always", "--protected-mode", "yes",
            "--logfile", Path.Combine(directory, "redis.log"),
        };
        if (password is not null)
        {
            arguments.AddRange(["--requirepass", password]);
        }

        if (cluster)
        {
            arguments.AddRange(["--cluster-enabled", "yes", "--cluster-config-file", Path.Combine(directory, "nodes.conf"), "--cluster-node-timeout", "5000"]);
        }

        var server = new RedisServer(port, directory, [.. arguments]);
        server.Launch();
        return server;
    }

    /// <summary>Kills the process at once (SIGKILL: no shutdown, no final fsync), as a crash does.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the killed server again on the same port and directory: it reloads its append-only file.</summary>
    public void Restart()
    {
        Kill();
        Launch();
    }

    /// <summary>Runs redis-cli against this server; returns its stdout.</summary>
    public string Cli(params string[] arguments) => Run(CliPath, ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. arguments]);

    /// <summary>
    /// What this server holds, as "keys fields bytes": the number of keys, of hash fields, and of bytes in their
    /// values. Equal shapes before and after a step mean the step stored nothing new.
    /// </summary>
    public string StoredShape() => Cli("eval", """
        local keys, fields, bytes = 0, 0, 0
        for _, key in ipairs(redis.call('keys', '*')) do
          keys = keys + 1
          if redis.call('type', key).ok == 'hash' then
            local all = redis.call('hgetall', key)
            for i = 2, #all, 2 do fields = fields + 1; bytes = bytes + #all[i] end
          end
        end
        return keys .. ' ' .. fields .. ' ' .. bytes
        """, "0").Trim();

    /// <summary>The number of hash fields in the keys that match a pattern, such as <c>cmp:news:doc:*</c>.</summary>
    public long FieldCount(string pattern = "*") => long.Parse(Cli("eval", """
        local fields = 0
        for _, key in ipairs(redis.call('keys', ARGV[1])) do
          if redis.call('type', key).ok == 'hash' then fields = fields + redis.call('hlen', key) end
        end
        return fields
        """, "0", pattern).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Kill();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal static string Run(string program, string[] arguments, int timeoutSeconds = 60)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill();
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within {timeoutSeconds} s.");
        }

        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}{stdout.Result}");
        return stdout.Result;
    }

    private static void RequireRedis() =>
        Assert.True(File.Exists(ServerPath) && File.Exists(CliPath), $"redis-server is not installed at {ServerPath}: run `apt-get update && apt-get install -y redis-server` (.ci/run does this). The shared-index tests need real Redis servers.");

    private static int FreePort(bool cluster)
    {
        // A cluster node also listens on its port + 10000 (the cluster bus), so both must be free.
        for (int attempt = 0; ; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (!cluster || (port < 55535 && IsFree(port + 10000)) || attempt > 50)
            {
                return port;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Launch()
    {
        var start = new ProcessStartInfo(ServerPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                break;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
            {
                Thread.Sleep(50);
            }
            catch (SocketException)
            {
                string log = File.Exists(Path.Combine(Directory, "redis.log")) ? File.ReadAllText(Path.Combine(Directory, "redis.log")) : string.Empty;
                Assert.Fail($"redis-server on port {Port} did not start: {log}");
            }
        }

        // The port opens before the append-only file is loaded; until then every command answers LOADING.
        while (Cli("ping") is var answer && !answer.Contains("PONG", StringComparison.Ordinal) && !answer.Contains("NOAUTH", StringComparison.Ordinal))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"redis-server on port {Port} did not answer PING within 60 s: {answer}");
            Thread.Sleep(50);
        }
    }
}

/// <summary>A three-node Redis Cluster (no replicas) of <see cref="RedisServer"/>s, created with redis-cli --cluster create.</summary>
public sealed class RedisCluster : IDisposable
{
    private RedisCluster(RedisServer[] nodes) => Nodes = nodes;

    public IReadOnlyList<RedisServer> Nodes { get; }

    /// <summary>The store connection string naming every node.</summary>
    public string ConnectionString => "redis://" + string.Join(',', Nodes.Select(n => n.Endpoint));

    public static RedisCluster Start()
    {
        var nodes = new List<RedisServer>();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                nodes.Add(RedisServer.Start(cluster: true));
            }

            RedisServer.Run(RedisServer.CliPath, ["--cluster", "create", .. nodes.Select(n => n.Endpoint), "--cluster-replicas", "0", "--cluster-yes"], timeoutSeconds: 120);
            var cluster = new RedisCluster([.. nodes]);
            cluster.WaitUntilHealthy();
            return cluster;
        }
        catch
        {
            nodes.ForEach(n => n.Dispose());
            throw;
        }
    }

    /// <summary>Waits until every node reports cluster_state:ok and knows all 16,384 slots.</summary>
    public void WaitUntilHealthy()
    {
        var deadline = Stopwatch.StartNew();
        while (!Nodes.All(n => n.Cli("cluster", "info").Contains("cluster_state:ok", StringComparison.Ordinal)))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "The Redis Cluster did not reach cluster_state:ok within 60 s.");
            Thread.Sleep(200);
        }
    }

    /// <summary>The number of stored fields (records and set entries) on each node.</summary>
    public long[] FieldCounts() => [.. Nodes.Select(n => n.FieldCount())];

    public void Dispose()
    {
        foreach (RedisServer node in Nodes)
        {
            node.Dispose();
        }
    }
}
