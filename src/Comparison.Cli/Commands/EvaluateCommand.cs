using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Comparison.Clustering;
using Comparison.Documents;
using Comparison.Evaluation;

namespace Comparison.Cli.Commands;

/// <summary><c>comparison evaluate INPUT.jsonl --gold FIELD</c>: cluster a labelled corpus and score it against the labels.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var input = CliCommon.InputArgument();
        var gold = new Option<string>("--gold") { Description = "The field holding each document's gold cluster label (for example \"cluster\").", Required = true };
        var format = CliCommon.FormatOption("text", "json");
        var output = CliCommon.OutputOption();
        var command = new Command("evaluate", "Cluster a labelled .jsonl corpus into events and print ARI, NMI, B-cubed and pairwise precision/recall/F1 against the gold labels.")
        {
            input, gold, format, output,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            string path = parse.GetValue(input)!;
            string field = parse.GetValue(gold)!;
            var documents = CliCommon.ReadInput(path, cancellationToken);
            var labels = new string[documents.Count];
            for (int i = 0; i < documents.Count; i++)
            {
                if (!documents[i].Metadata.TryGetValue(field, out string? label))
                {
                    throw new DocumentFormatException($"{path}: document '{documents[i].Id}' has no \"{field}\" field to evaluate against.");
                }

                labels[i] = label;
            }

            EventClustering clustering = new EventClusterer().Cluster(documents, cancellationToken);
            var predicted = documents.Select(d => clustering.ClusterOf(d.Id)).ToArray();
            ClusteringScores scores = ClusteringMetrics.Evaluate(labels, predicted);
            CliCommon.WriteOutput(parse, parse.GetValue(output), writer => writer.Write(parse.GetValue(format) == "json" ? ToJson(scores) + "\n" : ToText(scores)));
            return Task.FromResult(CliApplication.Success);
        });
        return command;
    }

    internal static string ToText(ClusteringScores s) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        documents          {s.Items}
        gold clusters      {s.GoldClusters}
        predicted clusters {s.PredictedClusters}
        ARI                {s.AdjustedRandIndex:F4}
        NMI                {s.NormalizedMutualInformation:F4}
        B-cubed P/R/F1     {s.BCubed.Precision:F4} / {s.BCubed.Recall:F4} / {s.BCubed.F1:F4}
        pairwise P/R/F1    {s.Pairwise.Precision:F4} / {s.Pairwise.Recall:F4} / {s.Pairwise.F1:F4}

        """);

    internal static string ToJson(ClusteringScores s)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("documents", s.Items);
            json.WriteNumber("goldClusters", s.GoldClusters);
            json.WriteNumber("predictedClusters", s.PredictedClusters);
            json.WriteNumber("ari", s.AdjustedRandIndex);
            json.WriteNumber("nmi", s.NormalizedMutualInformation);
            WritePrecisionRecall(json, "bcubed", s.BCubed);
            WritePrecisionRecall(json, "pairwise", s.Pairwise);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WritePrecisionRecall(Utf8JsonWriter json, string name, PrecisionRecall value)
    {
        json.WriteStartObject(name);
        json.WriteNumber("precision", value.Precision);
        json.WriteNumber("recall", value.Recall);
        json.WriteNumber("f1", value.F1);
        json.WriteEndObject();
    }
}
