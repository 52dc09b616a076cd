using System.Text;
using Comparison.Indexing;
using Comparison.Sketches;
using Comparison.Vectors;
using SharpFuzz;

namespace Comparison.Fuzzing;

/// <summary>
/// <c>Comparison.Fuzz TARGET</c>: the afl-fuzz entry point (tests/fuzz/run); outside afl-fuzz it runs the target
/// once on standard input. <c>Comparison.Fuzz replay TARGET FILE...</c>: runs files, exit 1 on a finding.
/// <c>Comparison.Fuzz seeds DIR</c>: writes the seed corpus to DIR/TARGET/seeds/.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length >= 1 && FuzzTargets.Names.Contains(args[0]))
        {
            string target = args[0];
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                FuzzTargets.Run(target, buffer.ToArray());
            });
            return 0;
        }

        if (args.Length >= 3 && args[0] == "replay" && FuzzTargets.Names.Contains(args[1]))
        {
            int findings = 0;
            foreach (string file in args.Skip(2))
            {
                try
                {
                    FuzzTargets.Run(args[1], File.ReadAllBytes(file));
                }
                catch (Exception ex)
                {
                    Console.WriteLine($"{file}: {ex.GetType().Name}: {ex.Message}");
                    findings++;
                }
            }

            Console.WriteLine($"{args.Length - 2} inputs, {findings} findings");
            return findings == 0 ? 0 : 1;
        }

        if (args.Length == 2 && args[0] == "seeds")
        {
            WriteSeeds(args[1]);
            return 0;
        }

        Console.Error.WriteLine($"usage: Comparison.Fuzz ({string.Join("|", FuzzTargets.Names)}) | replay TARGET FILE... | seeds DIR");
        return 2;
    }

    private static void WriteSeeds(string root)
    {
        string[][] tokens = [["the", "troops", "near", "the", "border"], ["the", "talks", "on", "the", "border"], ["troops", "and", "talks"]];
        Write(root, "tfidf-model", "word-default", Save(TfIdfModel.FitTokens(tokens).Save));
        Write(root, "tfidf-model", "word-stop-bigrams-capped", Save(TfIdfModel.FitTokens(tokens, new TfIdfOptions { StopWords = new HashSet<string>(["the", "on", "and"]), NgramRange = new NgramRange(1, 2), MaxFeatures = 4, MinDf = 0.1, MaxDf = 2, SublinearTf = true, Norm = VectorNorm.L1 }).Save));
        Write(root, "tfidf-model", "char-wb", Save(TfIdfModel.Fit(["Troops near the border.", "Talks resume."], new TfIdfOptions { Analyzer = TfIdfAnalyzer.CharacterWordBounded, NgramRange = new NgramRange(2, 3), Binary = true, UseIdf = false }).Save));

        var classic = new MinHasher(new MinHashOptions { Permutations = 16 });
        var onePermutation = new MinHasher(new MinHashOptions { Permutations = 16, Scheme = MinHashScheme.OnePermutation, Seed = 7 });
        Write(root, "minhash-signature", "classic", classic.Compute([1UL, 2UL, 3UL, 4UL, 5UL]).ToBytes());
        Write(root, "minhash-signature", "one-permutation-empty-bins", onePermutation.Compute([11UL, 12UL, 13UL]).ToBytes());
        Write(root, "minhash-signature", "empty-set", classic.Compute([]).ToBytes());

        var index = new LshIndex<string>(new LshOptions { Permutations = 16, Threshold = 0.5 }, StringComparer.Ordinal, StringComparer.Ordinal);
        index.Insert("a", classic.Compute([1UL, 2UL, 3UL, 4UL]));
        index.Insert("bé", classic.Compute([1UL, 2UL, 3UL, 5UL]));
        index.Insert("c", classic.Compute([]));
        Write(root, "lsh-index", "classic-three", Save(index.Save));
        var banded = new LshIndex<string>(new LshOptions { Permutations = 16, Bands = 4, Rows = 4 }, StringComparer.Ordinal, StringComparer.Ordinal);
        banded.Insert("x", onePermutation.Compute([11UL, 12UL, 13UL]));
        Write(root, "lsh-index", "one-permutation-banded", Save(banded.Save));
        Write(root, "lsh-index", "empty", Save(new LshIndex<string>(new LshOptions { Permutations = 8 }).Save));

        Write(root, "documents", "jsonl", [0, .. Encoding.UTF8.GetBytes(
            "{\"id\":\"a1\",\"text\":\"Troops near the border.\",\"date\":\"2021-12-30\",\"source\":\"Wire\",\"title\":\"Talks\",\"url\":null,\"lang\":\"en\",\"n\":3}\n"
            + "\n{\"id\":7,\"text\":\"More than 100,000 troops \\u00e9 \\ud83d\\ude00\",\"date\":\"2021-12-30T10:00:00Z\"}\r\n")]);
        Write(root, "documents", "txt-date-header", [1, .. Encoding.UTF8.GetBytes("  date 2021-12-30\n\nMore than 100,000 Russian troops massed near the border.\n")]);
        Write(root, "documents", "txt-bom", [1, 0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Talks resume on Thursday.")]);

        Write(root, "facts", "troops-quote-casualties", Encoding.UTF8.GetBytes(
            "WASHINGTON (Reuters) - More than 100,000 Russian troops massed near Ukraine's border, officials said on Dec. 30, 2021. "
            + "\"We will respond decisively,\" President Joe Biden said in a 50-minute call with Vladimir Putin. "
            + "Two people were killed and three were injured on Tuesday in the attack, which lasted three hours. "
            + "About 90,000 soldiers, up from 75,000 last month, are 40 km away; the talks begin Jan. 10."));
        Write(root, "facts", "dates-numbers", Encoding.UTF8.GetBytes(
            "On 12 January 2022 at 3 p.m., 1.5 million people (roughly 20%) marched; a 45-year-old man, aged 45, was arrested last week. "
            + "Mr. Smith, the U.S. envoy, said: 'Nobody was hurt.' Between 300 and 400 homes were destroyed over two days."));
    }

    private static void Write(string root, string target, string name, byte[] bytes)
    {
        string folder = Path.Combine(root, target, "seeds");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }

    private static byte[] Save(Action<Stream> save)
    {
        using var stream = new MemoryStream();
        save(stream);
        return stream.ToArray();
    }
}
