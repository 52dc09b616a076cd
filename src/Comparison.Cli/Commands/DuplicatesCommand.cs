using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Comparison.Documents;
using Comparison.Indexing;
using Comparison.Sketches;
using Comparison.Text;

namespace Comparison.Cli.Commands;

/// <summary><c>comparison duplicates INPUT</c>: near-duplicate pairs (MinHash + LSH, verified) and the groups they form.</summary>
internal static class DuplicatesCommand
{
    public static Command Create()
    {
        var input = CliCommon.InputArgument();
        var format = CliCommon.FormatOption("text", "json");
        var output = CliCommon.OutputOption();
        var threshold = new Option<double>("--threshold", "-t") { Description = "Jaccard similarity of word shingles at or above which two documents are duplicates, in (0, 1).", DefaultValueFactory = _ => 0.8 };
        var shingleSize = new Option<int>("--shingle-size") { Description = "Words per shingle (characters with --shingle-kind character), 1 to 64.", DefaultValueFactory = _ => 5 };
        var shingleKind = new Option<string>("--shingle-kind") { Description = "Shingles of words or of characters.", DefaultValueFactory = _ => "word" };
        shingleKind.AcceptOnlyFromAmong("word", "character");
        var permutations = new Option<int>("--permutations", "-k") { Description = "MinHash permutations K (signature length).", DefaultValueFactory = _ => 128 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every hash function: same seed, same answer.", DefaultValueFactory = _ => 1UL };
        var scheme = new Option<string>("--scheme") { Description = "classic (K hash functions, the accuracy reference) or one-permutation (one hash per shingle, densified; faster).", DefaultValueFactory = _ => "classic" };
        scheme.AcceptOnlyFromAmong("classic", "one-permutation");
        var verify = CliCommon.VerifyOption();
        var command = new Command("duplicates", "Find near-duplicate documents (reprints, syndicated copies) and group them.")
        {
            input, format, output, threshold, shingleSize, shingleKind, permutations, seed, scheme, verify,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new DuplicateOptions
            {
                Threshold = parse.GetValue(threshold),
                Verification = CliCommon.ParseVerification(parse.GetValue(verify)),
            };
            var sketcher = new TextSketcher(
                new ShinglerOptions { Size = parse.GetValue(shingleSize), Kind = parse.GetValue(shingleKind) == "character" ? ShingleKind.Character : ShingleKind.Word },
                new MinHashOptions
                {
                    Permutations = parse.GetValue(permutations),
                    Seed = parse.GetValue(seed),
                    Scheme = parse.GetValue(scheme) == "one-permutation" ? MinHashScheme.OnePermutation : MinHashScheme.Classic,
                });
            IReadOnlyList<Document> documents = CliCommon.ReadInput(parse.GetValue(input)!, cancellationToken);
            DuplicateResult<string> result = DuplicateFinder.FindDuplicates(documents, options, sketcher, cancellationToken);
            CliCommon.WriteOutput(parse, parse.GetValue(output), writer =>
            {
                if (parse.GetValue(format) == "json")
                {
                    writer.Write(ToJson(result, documents.Count, options, sketcher));
                    writer.Write('\n');
                }
                else
                {
                    WriteText(writer, result, documents.Count, options);
                }
            });

            return Task.FromResult(CliApplication.Success);
        });
        return command;
    }

    /// <summary>The contract's JSON, {"threshold", "pairs":[{"a","b","estimatedJaccard","jaccard"}], "groups":[[ids]]}, plus the settings used.</summary>
    internal static string ToJson(DuplicateResult<string> result, int documentCount, DuplicateOptions options, TextSketcher sketcher)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("threshold", result.Threshold);
            json.WriteStartArray("pairs");
            foreach (DuplicatePair<string> pair in result.Pairs)
            {
                json.WriteStartObject();
                json.WriteString("a", pair.A);
                json.WriteString("b", pair.B);
                json.WriteNumber("estimatedJaccard", Math.Round(pair.EstimatedJaccard, 6));
                json.WriteNumber("jaccard", Math.Round(pair.Jaccard ?? double.NaN, 6));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("groups");
            foreach (var group in result.Groups)
            {
                json.WriteStartArray();
                foreach (string id in group)
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteNumber("documents", documentCount);
            json.WriteString("verification", options.Verification == DuplicateVerification.Exact ? "exact" : "estimated");
            json.WriteString("scheme", sketcher.Hasher.Scheme == MinHashScheme.Classic ? "classic" : "one-permutation");
            json.WriteNumber("permutations", sketcher.Hasher.Permutations);
            json.WriteNumber("seed", sketcher.Hasher.Seed);
            json.WriteString("shingleKind", sketcher.Shingler.Options.Kind == ShingleKind.Word ? "word" : "character");
            json.WriteNumber("shingleSize", sketcher.Shingler.Options.Size);
            json.WriteNumber("bands", result.Parameters.Bands);
            json.WriteNumber("rows", result.Parameters.Rows);
            json.WriteNumber("candidatePairs", result.CandidatePairs);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteText(TextWriter writer, DuplicateResult<string> result, int documentCount, DuplicateOptions options)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        string verification = options.Verification == DuplicateVerification.Exact ? "exact" : "estimated";
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
