using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comparison.Documents;
using Comparison.Indexing;
using Comparison.Sketches;
using Comparison.Text;
using Comparison.Vectors;

namespace Comparison.Reports;

/// <summary>Writes a report as JSON: camelCase, UTF-8, byte-identical for the same report.</summary>
/// <remarks>
/// <para>
/// The shape reuses the command-line contract of each stage (docs/json-contract.md): <c>documents</c>, then, for each
/// stage that ran, <c>duplicates</c> (<c>threshold</c>, <c>pairs</c>, <c>groups</c>), <c>clusters</c>,
/// <c>similarity</c> (<c>documents</c>, <c>cosine</c>, <c>jaccard</c>), <c>passages</c>,
/// <c>discrepancies</c>, <c>claims</c> (facts one source alone reports) and <c>coverage</c> (who reports
/// which fact). A stage that did not run has no property at all.
/// </para>
/// <para>
/// Compact (one line, then a line feed), as the other commands print. Similarities are rounded to 6 decimals, so the output does not depend on which SIMD path computed them.
/// Written by hand with <see cref="Utf8JsonWriter"/>: no reflection, trimming- and AOT-safe. Thread-safe.
/// </para>
/// </remarks>
public static class JsonReportWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the report as UTF-8 JSON to a stream.</summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">A writable stream; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(ComparisonResult report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        using var json = new Utf8JsonWriter(destination, Options);
        WriteReport(json, report);
        json.Flush();
        destination.WriteByte((byte)'\n');
    }

    /// <summary>Writes the report as JSON to a text writer.</summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">The writer; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(ComparisonResult report, TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            WriteReport(json, report);
        }

        destination.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        destination.Write('\n');
    }

    /// <summary>Returns the report as a JSON string.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text, ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static string ToJson(ComparisonResult report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(report, writer);
        return writer.ToString();
    }

    /// <summary>
    /// Writes one section of the report as a JSON document of its own: what the command of that stage prints
    /// (docs/json-contract.md), byte for byte the same as that section of the whole report's JSON.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="section">The section: <see cref="ReportSection.Duplicates"/> and <see cref="ReportSection.Similarity"/>
    /// are written as their objects (<c>{"threshold","pairs","groups",...}</c>, <c>{"documents","cosine","jaccard"}</c>);
    /// the others as an object holding their properties of the whole report (<c>{"clusters":[...]}</c>,
    /// <c>{"passages":[...]}</c>, <c>{"discrepancies":[...],"claims":[...],"coverage":[...]}</c>).</param>
    /// <param name="destination">The writer; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="section"/> is not a defined section.</exception>
    /// <exception cref="ArgumentException">The report has no such section (its stage did not run).</exception>
    public static void WriteSection(ComparisonResult report, ReportSection section, TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        bool present = section switch
        {
            ReportSection.Duplicates => report.Duplicates.Ran,
            ReportSection.Clusters => report.Clusters.Ran,
            ReportSection.Similarity => report.Similarity.Ran,
            ReportSection.Passages => report.Passages.Ran,
            ReportSection.Discrepancies => report.Discrepancies.Ran,
            _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Expected Duplicates, Clusters, Similarity, Passages or Discrepancies."),
        };
        if (!present)
        {
            throw new ArgumentException($"The report has no {section} section: its stage did not run.", nameof(report));
        }

        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            WriteReport(json, report, section);
        }

        destination.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        destination.Write('\n');
    }

    /// <summary>Writes the whole report, or only the section <paramref name="only"/> as a document of its own.</summary>
    private static void WriteReport(Utf8JsonWriter json, ComparisonResult report, ReportSection? only = null)
    {
        bool all = only is null;

        // A section alone: the duplicates and similarity objects stand as they are; the sections that are arrays
        // keep their property names inside one object.
        if (only is not (ReportSection.Duplicates or ReportSection.Similarity))
        {
            json.WriteStartObject();
        }

        if (all)
        {
            WriteDocuments(json, report);
        }

        if (report.Duplicates.TryGetValue(out DuplicatesSection? duplicates) && (all || only == ReportSection.Duplicates))
        {
            if (all)
            {
                json.WritePropertyName("duplicates");
            }

            WriteDuplicates(json, report, duplicates);
        }

        if (report.Clusters.TryGetValue(out ClustersSection? clusters) && (all || only == ReportSection.Clusters))
        {
            json.WriteStartArray("clusters");
            foreach (ReportCluster cluster in clusters.Clusters)
            {
                json.WriteStartObject();
                json.WriteNumber("id", cluster.Id);
                json.WritePropertyName("documents");
                WriteStrings(json, cluster.Documents);
                json.WriteString("label", cluster.Label);
                WriteOptional(json, "representative", cluster.Representative);
                if (!cluster.Terms.IsDefaultOrEmpty)
                {
                    json.WritePropertyName("terms");
                    WriteStrings(json, cluster.Terms);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (report.Similarity.TryGetValue(out SimilaritySection? similarity) && (all || only == ReportSection.Similarity))
        {
            if (all)
            {
                json.WritePropertyName("similarity");
            }

            json.WriteStartObject();
            json.WritePropertyName("documents");
            WriteStrings(json, similarity.Documents);
            WriteMatrix(json, "cosine", similarity.Cosine, similarity.Documents.Length);
            if (!similarity.Jaccard.IsDefaultOrEmpty)
            {
                WriteMatrix(json, "jaccard", similarity.Jaccard, similarity.Documents.Length);
            }

            json.WriteEndObject();
        }

        if (report.Passages.TryGetValue(out PassagesSection? passages) && (all || only == ReportSection.Passages))
        {
            json.WriteStartArray("passages");
            Dictionary<string, string> texts = passages.Passages.IsEmpty ? [] : Texts(report);
            foreach (DocumentPassage passage in passages.Passages)
            {
                SharedPassage shared = passage.Passage;
                json.WriteStartObject();
                json.WriteNumber("similarity", Round(shared.Similarity));
                json.WriteNumber("matchedWords", shared.MatchedTerms);
                WriteSpan(json, "a", passage.AText ?? texts.GetValueOrDefault(passage.A, string.Empty), passage.A, passage.AText is null ? shared.A : new TextSpan(0, shared.A.Length), shared.A);
                WriteSpan(json, "b", passage.BText ?? texts.GetValueOrDefault(passage.B, string.Empty), passage.B, passage.BText is null ? shared.B : new TextSpan(0, shared.B.Length), shared.B);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (report.Discrepancies.TryGetValue(out DiscrepanciesSection? facts) && (all || only == ReportSection.Discrepancies))
        {
            json.WriteStartArray("discrepancies");
            foreach (ReportDiscrepancy discrepancy in facts.Discrepancies)
            {
                json.WriteStartObject();
                json.WriteString("kind", ReportIndex.Name(discrepancy.Kind));
                json.WriteString("subject", discrepancy.Subject);
                json.WriteNumber("cluster", discrepancy.Cluster);
                json.WriteString("relation", ReportIndex.Name(discrepancy.Relation));
                json.WriteString("severity", ReportIndex.Name(discrepancy.Severity));
                if (discrepancy.Confidence is double confidence)
                {
                    json.WriteNumber("confidence", Round(confidence));
                }

                json.WriteStartArray("mentions");
                foreach (ReportMention mention in discrepancy.Mentions)
                {
                    WriteMention(json, mention);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("claims");
            foreach (SourceClaim claim in facts.Claims)
            {
                json.WriteStartObject();
                json.WriteNumber("cluster", claim.Cluster);
                json.WriteString("kind", ReportIndex.Name(claim.Kind));
                json.WriteString("subject", claim.Subject);
                json.WritePropertyName("mention");
                WriteMention(json, claim.Mention);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("coverage");
            foreach (FactCoverage fact in facts.Coverage)
            {
                json.WriteStartObject();
                json.WriteNumber("cluster", fact.Cluster);
                json.WriteString("kind", ReportIndex.Name(fact.Kind));
                json.WriteString("subject", fact.Subject);
                json.WriteBoolean("disagrees", fact.Disagrees);
                json.WriteStartArray("mentions");
                foreach (ReportMention mention in fact.Mentions)
                {
                    WriteMention(json, mention);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (only is not (ReportSection.Duplicates or ReportSection.Similarity))
        {
            json.WriteEndObject();
        }
    }

    private static void WriteDocuments(Utf8JsonWriter json, ComparisonResult report)
    {
        json.WriteStartArray("documents");
        if (!report.Headers.IsDefault)
        {
            foreach (DocumentHeader header in report.Headers)
            {
                WriteDocument(json, header);
            }
        }
        else
        {
            foreach (Document document in report.Documents)
            {
                WriteDocument(json, DocumentHeader.Of(document));
            }
        }

        json.WriteEndArray();
    }

    private static void WriteDocument(Utf8JsonWriter json, DocumentHeader document)
    {
        json.WriteStartObject();
        json.WriteString("id", document.Id);
        if (document.Published is DateOnly date)
        {
            json.WriteString("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        WriteOptional(json, "source", document.Source);
        WriteOptional(json, "title", document.Title);
        WriteOptional(json, "url", document.Url);
        json.WriteNumber("length", document.Length);
        json.WriteEndObject();
    }

    private static void WriteDuplicates(Utf8JsonWriter json, ComparisonResult report, DuplicatesSection duplicates)
    {
        json.WriteStartObject();
        json.WriteNumber("threshold", Round(duplicates.Threshold));
        json.WriteStartArray("pairs");
        foreach (DuplicatePair<string> pair in duplicates.Pairs)
        {
            json.WriteStartObject();
            json.WriteString("a", pair.A);
            json.WriteString("b", pair.B);
            json.WriteNumber("estimatedJaccard", Round(pair.EstimatedJaccard));
            if (pair.Jaccard is double exact)
            {
                json.WriteNumber("jaccard", Round(exact));
            }
            else
            {
                json.WriteNull("jaccard");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("groups");
        foreach (var group in duplicates.Groups)
        {
            WriteStrings(json, group);
        }

        json.WriteEndArray();
        json.WriteNumber("documents", report.DocumentCount);
        if (duplicates.Verification is { } verification)
        {
            json.WriteString("verification", verification == DuplicateVerification.Exact ? "exact" : "estimated");
        }

        if (duplicates.MinHash is { } minHash)
        {
            json.WriteString("scheme", minHash.Scheme == MinHashScheme.Classic ? "classic" : "one-permutation");
            json.WriteNumber("permutations", minHash.Permutations);
            json.WriteNumber("seed", minHash.Seed);
        }

        if (duplicates.Shingles is { } shingles)
        {
            json.WriteString("shingleKind", shingles.Kind == ShingleKind.Word ? "word" : "character");
            json.WriteNumber("shingleSize", shingles.Size);
        }

        if (duplicates.Banding is { } banding)
        {
            json.WriteNumber("bands", banding.Bands);
            json.WriteNumber("rows", banding.Rows);
        }

        if (duplicates.CandidatePairs is int candidates)
        {
            json.WriteNumber("candidatePairs", candidates);
        }

        json.WriteEndObject();
    }

    private static void WriteMention(Utf8JsonWriter json, ReportMention mention)
    {
        json.WriteStartObject();
        json.WriteString("document", mention.Document);
        json.WriteString("text", mention.Text);
        if (mention.Number is double number)
        {
            json.WriteNumber("value", Round(number));
        }
        else if (mention.Value is not null)
        {
            json.WriteString("value", mention.Value);
        }
        else
        {
            json.WriteNull("value");
        }

        if (mention.Qualifier is null)
        {
            json.WriteNull("qualifier");
        }
        else
        {
            json.WriteString("qualifier", mention.Qualifier);
        }

        json.WriteNumber("start", mention.Start);
        json.WriteNumber("end", mention.End);
        if (mention.SentenceStart is int sentenceStart && mention.SentenceEnd is int sentenceEnd)
        {
            json.WriteStartObject("sentence");
            json.WriteNumber("start", sentenceStart);
            json.WriteNumber("end", sentenceEnd);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static Dictionary<string, string> Texts(ComparisonResult report)
    {
        var texts = new Dictionary<string, string>(report.Documents.Length, StringComparer.Ordinal);
        foreach (Document document in report.Documents)
        {
            texts.TryAdd(document.Id, document.Text);
        }

        return texts;
    }

    /// <summary>A passage's side: the document, the span and its words (empty when the document is not in the report).</summary>
    /// <param name="json">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="text">The document's text, or the span's words alone (a streamed analysis keeps only those).</param>
    /// <param name="document">The document's identifier.</param>
    /// <param name="within">Where the span's words are in <paramref name="text"/>.</param>
    /// <param name="span">The span in the document.</param>
    private static void WriteSpan(Utf8JsonWriter json, string name, string text, string document, TextSpan within, TextSpan span)
    {
        json.WriteStartObject(name);
        json.WriteString("document", document);
        json.WriteNumber("start", span.Start);
        json.WriteNumber("end", span.End);
        json.WriteString("text", within.End <= text.Length ? text.AsSpan(within.Start, within.Length) : default);
        json.WriteEndObject();
    }

    private static void WriteMatrix(Utf8JsonWriter json, string name, System.Collections.Immutable.ImmutableArray<double> values, int n)
    {
        json.WriteStartArray(name);
        for (int i = 0; i < n; i++)
        {
            json.WriteStartArray();
            for (int j = 0; j < n; j++)
            {
                json.WriteNumberValue(Round(values[(i * n) + j]));
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, System.Collections.Immutable.ImmutableArray<string> values)
    {
        json.WriteStartArray();
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static double Round(double value) => Math.Round(value, 6, MidpointRounding.ToEven);
}
