using System.Text.Json;
using Comparison.Documents;
using Comparison.Evaluation;

namespace Comparison.Tests.Support;

/// <summary>The GVA development set (../shared/data/gva-dev*.jsonl): articles and the archive's casualty figures.</summary>
public static class GvaData
{
    /// <summary>Whether a full evaluation run was asked for (COMPARISON_FULL_EVALUATION=1); otherwise tests use a quick subset.</summary>
    public static bool Full => Environment.GetEnvironmentVariable("COMPARISON_FULL_EVALUATION") == "1";

    /// <summary>../shared/data beside the repository, or beside a folder above it (a worktree under /work/wt/NAME).</summary>
    private static string Path(string name)
    {
        string? dir = Seeds.SharedData;
        for (string? up = Seeds.RepositoryRoot; dir is null && up is not null; up = System.IO.Path.GetDirectoryName(up))
        {
            string candidate = System.IO.Path.Combine(up, "shared", "data");
            dir = Directory.Exists(candidate) ? candidate : null;
        }

        return System.IO.Path.Combine(dir ?? throw new InvalidOperationException("shared/data is missing: the GVA evaluation needs it."), name);
    }

    /// <summary>Articles whose incident has gold facts, in file order.</summary>
    public static IReadOnlyList<Document> GoldArticles() =>
        DocumentReader.ReadJsonLines(File.OpenRead(Path("gva-dev.jsonl")), "gva-dev.jsonl")
            .Where(d => d.Metadata.TryGetValue("has_gold_facts", out string? v) && v == "true")
            .ToList();

    /// <summary>Gold articles paired with their incident's recorded figures.</summary>
    public static IReadOnlyList<CasualtyGold> CasualtyGold()
    {
        var incidents = new Dictionary<string, (int Killed, int Injured, DateOnly? Date)>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path("gva-dev-incidents.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            DateOnly? date = root.TryGetProperty("date", out var d) && DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", out var day) ? day : null;
            incidents[root.GetProperty("incident_id").GetString()!] = (root.GetProperty("num_killed").GetInt32(), root.GetProperty("num_injured").GetInt32(), date);
        }

        var result = new List<CasualtyGold>();
        foreach (Document d in GoldArticles())
        {
            if (d.Metadata.TryGetValue("cluster", out string? cluster) && incidents.TryGetValue(cluster, out var gold))
            {
                result.Add(new CasualtyGold(d, gold.Killed, gold.Injured, gold.Date));
            }
        }

        return result;
    }
}
