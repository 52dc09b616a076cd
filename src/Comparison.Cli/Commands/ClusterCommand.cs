using System.CommandLine;
using System.Text;
using System.Text.Json;
using Comparison.Clustering;

namespace Comparison.Cli.Commands;

/// <summary><c>comparison cluster INPUT</c>: group the reports of one event.</summary>
internal static class ClusterCommand
{
    public static Command Create()
    {
        var input = CliCommon.InputArgument();
        var format = CliCommon.FormatOption("text", "json");
        var output = CliCommon.OutputOption();
        var command = new Command("cluster", "Group the documents into events; every document lands in exactly one cluster (singletons included).")
        {
            input, format, output,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var documents = CliCommon.ReadInput(parse.GetValue(input)!, cancellationToken);
            EventClustering clustering = new EventClusterer().Cluster(documents, cancellationToken);
            CliCommon.WriteOutput(parse, parse.GetValue(output), writer =>
            {
                if (parse.GetValue(format) == "json")
                {
                    writer.Write(ToJson(clustering));
                    writer.Write('\n');
                }
                else
                {
                    foreach (EventCluster cluster in clustering.Clusters)
                    {
                        writer.WriteLine($"cluster {cluster.Id} ({cluster.DocumentIds.Length}): {cluster.Label}");
                        foreach (string id in cluster.DocumentIds)
                        {
                            writer.WriteLine((id == cluster.RepresentativeId ? "  * " : "    ") + id);
                        }
                    }
                }
            });

            return Task.FromResult(CliApplication.Success);
        });
        return command;
    }

    /// <summary>The contract's JSON: {"clusters":[{"id","documents","label","representative","terms"}]}.</summary>
    internal static string ToJson(EventClustering clustering)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("clusters");
            foreach (EventCluster cluster in clustering.Clusters)
            {
                json.WriteStartObject();
                json.WriteNumber("id", cluster.Id);
                json.WriteStartArray("documents");
                foreach (string id in cluster.DocumentIds)
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
                json.WriteString("label", cluster.Label);
                json.WriteString("representative", cluster.RepresentativeId);
                json.WriteStartArray("terms");
                foreach (string term in cluster.Terms)
                {
                    json.WriteStringValue(term);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
