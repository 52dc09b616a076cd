using System.CommandLine;
using System.Globalization;
using Comparison.Indexing;
using Comparison.Reports;

namespace Comparison.Cli.Commands;

/// <summary>
/// <c>comparison duplicates INPUT</c>: near-duplicate pairs (MinHash + LSH, verified) and the groups they form — the
/// <c>duplicates</c> section of <c>analyze</c>.
/// </summary>
internal static class DuplicatesCommand
{
    public static Command Create() => PipelineOptions.View(
        "duplicates",
        "Find near-duplicate documents (reprints, syndicated copies) and group them.",
        ReportSection.Duplicates,
        (_, _, report, writer) => WriteText(writer, report.Duplicates.Value, report.DocumentCount));

    private static void WriteText(TextWriter writer, DuplicatesSection result, int documentCount)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        string verification = result.Verification == DuplicateVerification.Estimated ? "estimated" : "exact";
        writer.WriteLine(string.Create(c, $"{documentCount} documents: {result.Pairs.Length} near-duplicate pairs at Jaccard >= {result.Threshold} ({verification} verification), {result.Groups.Length} groups."));
        if (result.Pairs.IsEmpty)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("Pairs (estimated / exact Jaccard):");
        foreach (DuplicatePair<string> pair in result.Pairs)
        {
            writer.WriteLine(string.Create(c, $"  {pair.A}  {pair.B}  {pair.EstimatedJaccard:0.000} / {pair.Jaccard:0.000}"));
        }

        writer.WriteLine();
        writer.WriteLine("Groups:");
        for (int i = 0; i < result.Groups.Length; i++)
        {
            writer.WriteLine(string.Create(c, $"  {i + 1}. {string.Join(", ", result.Groups[i])}"));
        }
    }
}
