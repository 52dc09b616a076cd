using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using Comparison.Documents;
using Comparison.Indexing;
using Comparison.Indexing.Stores;

namespace Comparison.Cli.Commands;

/// <summary>
/// <c>comparison index add|query INPUT --store redis://HOST:PORT[,HOST:PORT...]</c>: a near-duplicate index shared by
/// many processes through Redis; one JSON line per input article, <c>{"id","duplicates":[ids]}</c>.
/// </summary>
internal static class IndexCommand
{
    public static Command Create() => new("index", "A near-duplicate index shared by many processes and machines through Redis (or Redis Cluster).")
    {
        Verb("add", "Add articles to the shared index; for each, write the indexed articles it duplicates.", insert: true),
        Verb("query", "For each article, write the indexed articles it duplicates, without adding it.", insert: false),
    };

    private static Command Verb(string name, string description, bool insert)
    {
        var input = new Argument<string>("INPUT") { Description = "A .jsonl file (one {\"id\",\"text\",...} object per line), a directory of .txt files, or - for JSON Lines on stdin." };
        var store = new Option<string>("--store") { Description = "redis://[USER:PASSWORD@]HOST:PORT[,HOST:PORT...] (a server, or any nodes of a Redis Cluster); memory for a throwaway index in this process.", Required = true };
        var indexName = new Option<string>("--name") { Description = "The index name: one store holds many indexes.", DefaultValueFactory = _ => SharedDuplicateIndexOptions.Default.Name };
        var threshold = new Option<double>("--threshold", "-t") { Description = "Jaccard similarity of word 5-shingles at or above which two articles are duplicates, in (0, 1).", DefaultValueFactory = _ => 0.8 };
        var verify = CliCommon.VerifyOption();
        var format = CliCommon.FormatOption("json");
        var batchSize = new Option<int>("--batch-size") { Description = "Articles per pipelined round trip to the store.", DefaultValueFactory = _ => SharedDuplicateIndexOptions.Default.BatchSize };
        var compressTexts = new Option<bool>("--compress-texts") { Description = "With exact verification, keep the articles' texts in the store compressed (about a third of the memory, more CPU an article). Every process of one index must agree." };
        var command = new Command(name, description) { input, store, indexName, threshold, verify, format, batchSize, compressTexts };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SharedDuplicateIndexOptions
            {
                Name = parse.GetValue(indexName)!,
                Threshold = parse.GetValue(threshold),
                Verification = CliCommon.ParseVerification(parse.GetValue(verify)),
                BatchSize = parse.GetValue(batchSize),
                CompressTexts = parse.GetValue(compressTexts),
            };
            options.Validate();
            string path = parse.GetValue(input)!;
            IEnumerable<Document> documents = path == "-" ? DocumentReader.ReadJsonLines(Console.OpenStandardInput(), "stdin") : DocumentReader.Read(path);
            try
            {
                await using IIndexStore indexStore = await OpenStoreAsync(parse.GetValue(store)!, cancellationToken).ConfigureAwait(false);
                SharedDuplicateIndex index = await SharedDuplicateIndex.OpenAsync(indexStore, options, cancellationToken).ConfigureAwait(false);
                using TextWriter writer = CliCommon.OpenStdout(parse);
                var lines = new ArrayBufferWriter<byte>(64 * 1024);
                using var json = new Utf8JsonWriter(lines);

                // A batch's lines go out together, as soon as the store has answered for it.
                await foreach (IndexedDuplicates[] batch in index.RunBatchesAsync(documents, insert, cancellationToken).ConfigureAwait(false))
                {
                    lines.ResetWrittenCount();
                    foreach (IndexedDuplicates result in batch)
                    {
                        json.Reset(lines);
                        WriteJsonLine(json, result);
                        json.Flush();
                        lines.Write("\n"u8);
                    }

                    writer.Write(Encoding.UTF8.GetString(lines.WrittenSpan));
                }
            }
            catch (IndexStoreException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return CliApplication.BadInput;
            }

            return CliApplication.Success;
        });
        return command;
    }

    private static async Task<IIndexStore> OpenStoreAsync(string store, CancellationToken cancellationToken) =>
        store == "memory" ? new MemoryIndexStore() : await RedisIndexStore.ConnectAsync(store, cancellationToken).ConfigureAwait(false);

    /// <summary>The contract's line, <c>{"id":"a7","duplicates":["a2","a5"]}</c>.</summary>
    internal static string ToJsonLine(IndexedDuplicates result)
    {
        var line = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(line))
        {
            WriteJsonLine(json, result);
        }

        return Encoding.UTF8.GetString(line.WrittenSpan);
    }

    private static void WriteJsonLine(Utf8JsonWriter json, IndexedDuplicates result)
    {
        json.WriteStartObject();
        json.WriteString("id", result.Id);
        json.WriteStartArray("duplicates");
        foreach (string id in result.Duplicates)
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
