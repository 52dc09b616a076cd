using System.CommandLine;
using Comparison.Reports;

namespace Comparison.Cli.Commands;

/// <summary><c>comparison cluster INPUT</c>: group the reports of one event — the <c>clusters</c> section of <c>analyze</c>.</summary>
internal static class ClusterCommand
{
    public static Command Create() => PipelineOptions.View(
        "cluster",
        "Group the documents into events; every document lands in exactly one cluster (singletons included).",
        ReportSection.Clusters,
        (_, _, report, writer) =>
        {
            foreach (ReportCluster cluster in report.Clusters.Value.Clusters)
            {
                writer.WriteLine($"cluster {cluster.Id} ({cluster.Documents.Length}): {cluster.Label}");
                foreach (string id in cluster.Documents)
                {
                    writer.WriteLine((id == cluster.Representative ? "  * " : "    ") + id);
                }
            }
        });
}
