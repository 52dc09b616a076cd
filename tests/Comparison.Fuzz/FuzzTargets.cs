using System.Buffers.Binary;
using System.Text;
using Comparison.Documents;
using Comparison.Facts;
using Comparison.Indexing;
using Comparison.Sketches;
using Comparison.Vectors;

namespace Comparison.Fuzzing;

/// <summary>
/// The fuzz targets: each reads arbitrary bytes the way the library reads a file or a text, and lets escape
/// nothing but the exception that its reader documents for bad input. Any other exception, a hang or a crash of
/// the process is a finding. Compiled into the fuzzer (tests/Comparison.Fuzz) and into Comparison.Tests, which
/// replays the committed corpus (tests/fuzz/TARGET/) through the same code.
/// </summary>
/// <remarks>
/// The binary formats end with a checksum of the bytes before it. A mutated input almost never matches it, so
/// the fuzzer would only ever test the checksum; the targets therefore write the checksum of each input into its
/// last eight bytes before reading it (the way fuzzers of PNG readers ignore CRCs), and every other field is
/// fuzzed. Unit tests cover the checksum itself.
/// </remarks>
internal static class FuzzTargets
{
    private static readonly DateOnly Published = new(2021, 12, 30);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static string? s_folder;

    /// <summary>The target names, in the order the fuzz script runs them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["lsh-index", "tfidf-model", "minhash-signature", "documents", "facts"];

    /// <summary>Runs one target on one input.</summary>
    /// <exception cref="ArgumentException">No target has that name.</exception>
    public static void Run(string target, byte[] input)
    {
        switch (target)
        {
            case "lsh-index":
                LshIndexFile(input);
                break;
            case "tfidf-model":
                TfIdfModelFile(input);
                break;
            case "minhash-signature":
                MinHashSignatureBytes(input);
                break;
            case "documents":
                Documents(input);
                break;
            case "facts":
                Facts(input);
                break;
            default:
                throw new ArgumentException($"Unknown fuzz target '{target}'; the targets are {string.Join(", ", Names)}.", nameof(target));
        }
    }

    /// <summary><see cref="LshIndex.Load{TKey}(Stream, IEqualityComparer{TKey}?, IComparer{TKey}?)"/>: InvalidDataException only; a loaded index saves and loads again to the same bytes.</summary>
    private static void LshIndexFile(byte[] input)
    {
        byte[] sealedInput = Sealed(input);
        LshIndex<string> index;
        try
        {
            index = LshIndex.Load<string>(new MemoryStream(sealedInput), StringComparer.Ordinal, StringComparer.Ordinal);
        }
        catch (InvalidDataException)
        {
            return;
        }

        byte[] saved = Save(index.Save);
        LshIndex<string> back = LshIndex.Load<string>(new MemoryStream(saved), StringComparer.Ordinal, StringComparer.Ordinal);
        Check(back.Count == index.Count && Save(back.Save).AsSpan().SequenceEqual(saved), "an LSH index that loaded does not save and load back to itself");
    }

    /// <summary><see cref="TfIdfModel.Load"/>: InvalidDataException only; a loaded model transforms a text and saves and loads again to the same bytes.</summary>
    private static void TfIdfModelFile(byte[] input)
    {
        byte[] sealedInput = Sealed(input);
        TfIdfModel model;
        try
        {
            model = TfIdfModel.Load(new MemoryStream(sealedInput));
        }
        catch (InvalidDataException)
        {
            return;
        }

        SparseVector vector = model.Transform("Troops gather near the border as talks on the border resume.");
        Check(vector.Count <= model.VocabularySize, "a vector holds more terms than the vocabulary");
        byte[] saved = Save(model.Save);
        Check(Save(TfIdfModel.Load(new MemoryStream(saved)).Save).AsSpan().SequenceEqual(saved), "a TF-IDF model that loaded does not save and load back to itself");
    }

    /// <summary><see cref="MinHashSignature.FromBytes"/> and <see cref="MinHashSignature.ReadFrom"/>: InvalidDataException only, the same verdict from both, and a signature that loads is its own bytes.</summary>
    private static void MinHashSignatureBytes(byte[] input)
    {
        byte[] sealedInput = Sealed(input);
        MinHashSignature signature;
        try
        {
            signature = MinHashSignature.FromBytes(sealedInput);
        }
        catch (InvalidDataException)
        {
            try
            {
                var stream = new MemoryStream(sealedInput);
                MinHashSignature.ReadFrom(stream);
                Check(stream.Position != stream.Length, "ReadFrom accepts bytes that FromBytes refuses");
            }
            catch (InvalidDataException)
            {
            }

            return;
        }

        Check(signature.ToBytes().AsSpan().SequenceEqual(sealedInput), "a signature that loaded is not its own bytes");
        Check(MinHashSignature.ReadFrom(new MemoryStream(sealedInput)).Equals(signature), "ReadFrom and FromBytes disagree");
        JaccardEstimate self = signature.EstimateJaccard(signature);
        Check(self.Value is >= 0 and <= 1, "an estimate is outside [0, 1]");
        signature.Merge(signature);
    }

    /// <summary>
    /// <see cref="DocumentReader"/>: DocumentFormatException only. The first byte chooses the format: even, the
    /// rest is a JSON Lines stream; odd, the rest is one <c>.txt</c> file read from a folder.
    /// </summary>
    private static void Documents(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        try
        {
            if ((input[0] & 1) == 0)
            {
                foreach (Document document in DocumentReader.ReadJsonLines(new MemoryStream(input, 1, input.Length - 1), "fuzz.jsonl"))
                {
                    Check(document.Id.Length > 0, "a document has an empty id");
                }
            }
            else
            {
                string folder = s_folder ??= TemporaryFolder();
                File.WriteAllBytes(Path.Combine(folder, "article.txt"), input.AsSpan(1).ToArray());
                Document document = DocumentReader.Read(folder).Single();
                Check(document.Id == "article", "the folder reader named the document wrongly");
            }
        }
        catch (DocumentFormatException)
        {
        }
    }

    /// <summary><see cref="FactExtractor.Extract"/> on any text: nothing may escape, and every fact's span slices the text to the fact's text.</summary>
    private static void Facts(byte[] input)
    {
        string text = LenientUtf8.GetString(input);
        DocumentFacts facts = new FactExtractor().Extract(new Document("fuzz", text) { Published = Published });
        IEnumerable<Fact> all = [.. facts.Quantities, .. facts.Dates, .. facts.Durations, .. facts.Quotes, .. facts.Casualties, .. facts.Entities];
        foreach (Fact fact in all)
        {
            Check(fact.Start >= 0 && fact.Start <= fact.End && fact.End <= text.Length, $"a fact's span [{fact.Start}, {fact.End}) is outside the text");
            Check(text.AsSpan(fact.Start, fact.End - fact.Start).SequenceEqual(fact.Text), $"a fact's text '{fact.Text}' is not its span");
            Check(fact.SentenceStart <= fact.Start && fact.End <= fact.SentenceEnd && fact.SentenceEnd <= text.Length, $"a fact's span [{fact.Start}, {fact.End}) is not inside its sentence [{fact.SentenceStart}, {fact.SentenceEnd})");
        }
    }

    /// <summary>A folder for the documents target's file, removed when the process exits.</summary>
    private static string TemporaryFolder()
    {
        string folder = Directory.CreateTempSubdirectory("comparison-fuzz-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    }

    /// <summary>The input with its last eight bytes replaced by the checksum of the rest (see remarks of the class).</summary>
    private static byte[] Sealed(byte[] input)
    {
        byte[] copy = (byte[])input.Clone();
        if (copy.Length > 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(copy.AsSpan(copy.Length - 8), Mixing.Checksum(copy.AsSpan(0, copy.Length - 8)));
        }

        return copy;
    }

    private static byte[] Save(Action<Stream> save)
    {
        using var stream = new MemoryStream();
        save(stream);
        return stream.ToArray();
    }

    private static void Check(bool condition, string broken)
    {
        if (!condition)
        {
            throw new FuzzContractException(broken);
        }
    }
}

/// <summary>A property that every accepted input must have does not hold: a finding, like an unexpected exception.</summary>
internal sealed class FuzzContractException(string message) : Exception(message);
