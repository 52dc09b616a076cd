using System.CommandLine;
using System.Globalization;
using Comparison.Reports;
using Comparison.Text;

namespace Comparison.Cli.Commands;

/// <summary>
/// <c>comparison discrepancies INPUT</c>: where the reports of each event disagree, with the spans as evidence — the
/// <c>discrepancies</c>, <c>claims</c> and <c>coverage</c> of <c>analyze</c>.
/// </summary>
internal static class DiscrepanciesCommand
{
    public static Command Create()
    {
        var claims = new Option<bool>("--claims") { Description = "Text format: also list the facts only one report states (the JSON always has them, as \"claims\")." };
        return PipelineOptions.View(
            "discrepancies",
            "Find the numbers, dates, quotations, attributions and names on which reports of one event disagree.",
            ReportSection.Discrepancies,
            (parse, _, report, writer) => WriteText(writer, report, parse.GetValue(claims)),
            check: null,
            claims);
    }

    private static void WriteText(TextWriter writer, ComparisonResult report, bool includeClaims)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        DiscrepanciesSection facts = report.Discrepancies.Value;
        foreach (ReportDiscrepancy d in facts.Discrepancies)
        {
            writer.WriteLine(string.Create(c, $"[{d.Cluster}] {Name(d.Kind)}: {d.Subject} ({Name(d.Relation)}, {Name(d.Severity)})"));
            foreach (ReportMention m in d.Mentions)
            {
                writer.WriteLine(string.Create(c, $"    {m.Document} {TextSpan.FromBounds(m.Start, m.End)} \"{m.Text}\" = {Value(m)}"));
                if (m.SentenceStart is int start && m.SentenceEnd is int end && report.FindDocument(m.Document) is { } document)
                {
                    writer.WriteLine("        " + document.Text[start..end].ReplaceLineEndings(" "));
                }
            }
        }

        if (includeClaims)
        {
            foreach (SourceClaim claim in facts.Claims)
            {
                writer.WriteLine(string.Create(c, $"[{claim.Cluster}] only {claim.Mention.Document}: {Name(claim.Kind)} \"{claim.Mention.Text}\" ({claim.Subject})"));
            }
        }

        writer.WriteLine(string.Create(c, $"{facts.Discrepancies.Length} discrepancies"));
    }

    private static string Value(ReportMention mention) =>
        mention.Value ?? mention.Number?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>An enum value as the JSON contract names it (<c>Contradiction</c> to <c>contradiction</c>).</summary>
    private static string Name<T>(T value)
        where T : struct, Enum
    {
        string name = value.ToString();
        return string.Concat(name[..1].ToLowerInvariant(), name[1..]);
    }
}
