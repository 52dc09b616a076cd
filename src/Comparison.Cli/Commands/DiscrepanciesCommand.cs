using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Comparison.Clustering;
using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Facts;

namespace Comparison.Cli.Commands;

/// <summary><c>comparison discrepancies INPUT</c>: where the reports of each event disagree, with the spans as evidence.</summary>
internal static class DiscrepanciesCommand
{
    public static Command Create()
    {
        var input = CliCommon.InputArgument();
        var format = CliCommon.FormatOption("text", "json");
        var output = CliCommon.OutputOption();
        var claims = new Option<bool>("--claims") { Description = "Also list the facts only one report states (JSON: \"claims\")." };
        var minConfidence = new Option<double>("--min-confidence")
        {
            Description = "Show flags at or above this confidence, strongest first (default 0.7, DiscrepancyFinderOptions.MinConfidence).",
            DefaultValueFactory = _ => DiscrepancyFinderOptions.Default.MinConfidence,
        };
        var command = new Command("discrepancies", "Find the numbers, dates, times, ages, places, quotations, attributions and names on which reports of one event disagree.")
        {
            input, format, output, claims, minConfidence,
        };
        command.SetAction(parse =>
        {
            var documents = CliCommon.ReadInput(parse.GetValue(input)!);
            double threshold = parse.GetValue(minConfidence);
            if (threshold is < 0 or > 1 || double.IsNaN(threshold))
            {
                throw new UsageException("--min-confidence must be in [0, 1].");
            }

            var finder = new DiscrepancyFinder(DiscrepancyFinderOptions.Default with { MinConfidence = threshold });
            var reports = new List<DiscrepancyReport>();
            foreach (IReadOnlyList<Document> cluster in Group(documents))
            {
                reports.Add(finder.Find(cluster));
            }

            using TextWriter writer = CliCommon.OpenOutput(parse, parse.GetValue(output));
            if (parse.GetValue(format) == "json")
            {
                writer.Write(ToJson(reports, parse.GetValue(claims)));
                writer.Write('\n');
            }
            else
            {
                WriteText(writer, reports, parse.GetValue(claims));
            }

            return CliApplication.Success;
        });
        return command;
    }

    /// <summary>The event clusters to compare within (EventClusterer with its defaults), in cluster-id order.</summary>
    private static List<IReadOnlyList<Document>> Group(IReadOnlyList<Document> documents)
    {
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (Document d in documents)
        {
            byId.TryAdd(d.Id, d);
        }

        var groups = new List<IReadOnlyList<Document>>();
        foreach (EventCluster cluster in new EventClusterer().Cluster(documents).Clusters.OrderBy(c => c.Id))
        {
            var members = new List<Document>(cluster.DocumentIds.Length);
            foreach (string id in cluster.DocumentIds)
            {
                members.Add(byId[id]);
            }

            groups.Add(members);
        }

        return groups;
    }

    /// <summary>The contract's JSON: {"discrepancies":[{kind, subject, cluster, relation, severity, confidence, mentions:[...]}]}.</summary>
    internal static string ToJson(IReadOnlyList<DiscrepancyReport> reports, bool includeClaims)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteStartArray("discrepancies");

            // Strongest first across clusters (the contract's order); equal confidence keeps cluster order.
            var flags = new List<(int Cluster, Discrepancy Flag)>();
            for (int cluster = 0; cluster < reports.Count; cluster++)
            {
                foreach (Discrepancy d in reports[cluster].Discrepancies)
                {
                    flags.Add((cluster, d));
                }
            }

            foreach (var (cluster, d) in flags.OrderByDescending(f => f.Flag.Confidence))
            {
                json.WriteStartObject();
                json.WriteString("kind", Camel(d.Kind.ToString()));
                json.WriteString("subject", d.Subject);
                json.WriteNumber("cluster", cluster);
                json.WriteString("relation", Camel(d.Relation.ToString()));
                json.WriteString("severity", Camel(d.Severity.ToString()));
                json.WriteNumber("confidence", d.Confidence);
                json.WriteStartArray("mentions");
                foreach (DiscrepancyMention m in d.Mentions)
                {
                    WriteMention(json, m, reports[cluster]);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (includeClaims)
            {
                json.WriteStartArray("claims");
                for (int cluster = 0; cluster < reports.Count; cluster++)
                {
                    foreach (SingleSourceClaim c in reports[cluster].SingleSourceClaims)
                    {
                        json.WriteStartObject();
                        json.WriteString("kind", Camel(c.Kind.ToString()));
                        json.WriteString("subject", c.Subject);
                        json.WriteNumber("cluster", cluster);
                        json.WritePropertyName("mention");
                        WriteMention(json, c.Mention, reports[cluster]);
                        json.WriteEndObject();
                    }
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteMention(Utf8JsonWriter json, DiscrepancyMention m, DiscrepancyReport report)
    {
        json.WriteStartObject();
        json.WriteString("document", m.Document);
        json.WriteString("text", m.Text);
        if (m.Number is { } number)
        {
            json.WriteNumber("value", number);
        }
        else
        {
            json.WriteString("value", m.Value);
        }

        if (m.Qualifier is null)
        {
            json.WriteNull("qualifier");
        }
        else
        {
            json.WriteString("qualifier", m.Qualifier);
        }

        json.WriteNumber("start", m.Start);
        json.WriteNumber("end", m.End);
        if (m.Interval is { } interval)
        {
            json.WriteStartObject("interval");
            WriteBound(json, "lower", interval.Lower);
            WriteBound(json, "upper", interval.Upper);
            json.WriteBoolean("lowerInclusive", interval.LowerInclusive);
            json.WriteBoolean("upperInclusive", interval.UpperInclusive);
            json.WriteEndObject();
        }

        string text = DocumentText(report, m.Document);
        json.WriteNumber("sentenceStart", m.SentenceStart);
        json.WriteNumber("sentenceEnd", m.SentenceEnd);
        json.WriteString("sentence", text[m.SentenceStart..m.SentenceEnd]);
        json.WriteEndObject();
    }

    private static void WriteBound(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsInfinity(value))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, value);
        }
    }

    private static string DocumentText(DiscrepancyReport report, string id)
    {
        foreach (DocumentFacts f in report.Facts)
        {
            if (string.Equals(f.Document.Id, id, StringComparison.Ordinal))
            {
                return f.Document.Text;
            }
        }

        return string.Empty;
    }

    private static string Camel(string name) => string.Concat(name[..1].ToLowerInvariant(), name[1..]);

    private static void WriteText(TextWriter writer, List<DiscrepancyReport> reports, bool includeClaims)
    {
        int total = 0;
        for (int cluster = 0; cluster < reports.Count; cluster++)
        {
            foreach (Discrepancy d in reports[cluster].Discrepancies)
            {
                total++;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{cluster}] {Camel(d.Kind.ToString())}: {d.Subject} ({Camel(d.Relation.ToString())}, {Camel(d.Severity.ToString())}, confidence {d.Confidence:0.00})"));
                foreach (DiscrepancyMention m in d.Mentions)
                {
                    string sentence = DocumentText(reports[cluster], m.Document)[m.SentenceStart..m.SentenceEnd].ReplaceLineEndings(" ");
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {m.Document} [{m.Start}..{m.End}) \"{m.Text}\" = {m.Value}"));
                    writer.WriteLine("        " + sentence);
                }
            }

            if (includeClaims)
            {
                foreach (SingleSourceClaim c in reports[cluster].SingleSourceClaims)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{cluster}] only {c.Mention.Document}: {Camel(c.Kind.ToString())} \"{c.Mention.Text}\" ({c.Subject})"));
                }
            }
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total} discrepancies"));
    }
}
