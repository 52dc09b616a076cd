using Comparison.Documents;

namespace Comparison.Tests.Support;

/// <summary>Finds the repository's seeds/ folder and the shared evaluation data, wherever the tests run from.</summary>
public static class Seeds
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository root (the folder holding Comparison.sln).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The seeds/ directory.</summary>
    public static string Directory => Path.Combine(RepositoryRoot, "seeds");

    /// <summary>The shared evaluation data directory (../shared/data beside the repository), or null when absent.</summary>
    public static string? SharedData
    {
        get
        {
            // Beside the repository, or beside the folder holding it (a git worktree one level further down).
            foreach (string up in new[] { "..", Path.Combine("..", "..") })
            {
                string path = Path.GetFullPath(Path.Combine(RepositoryRoot, up, "shared", "data"));
                if (System.IO.Directory.Exists(path))
                {
                    return path;
                }
            }

            return null;
        }
    }

    /// <summary>The five seed articles, in file-name order.</summary>
    public static IReadOnlyList<Document> Load() => DocumentReader.ReadDirectory(Directory).ToList();

    /// <summary>The seed whose id starts with the given three-digit prefix, such as "004".</summary>
    public static Document Get(string prefix) => Load().Single(d => d.Id.StartsWith(prefix, StringComparison.Ordinal));

    private static string FindRepositoryRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir, "Comparison.sln")))
            {
                return dir;
            }

            dir = Path.GetDirectoryName(dir);
        }

        throw new InvalidOperationException("Could not find Comparison.sln above " + AppContext.BaseDirectory);
    }
}
