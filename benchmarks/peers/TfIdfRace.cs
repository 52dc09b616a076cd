#:project ../../src/Comparison/Comparison.csproj
#:property PublishAot=false
#:property Optimize=true
#:property TieredCompilation=false
#:property ConcurrentGarbageCollection=false
using System.Diagnostics;
using System.Globalization;
using Comparison.Vectors;

// The Comparison side of the TF-IDF all-pairs race: fit + transform + every pair with cosine >= threshold on an
// id<TAB>text corpus, streamed in batches and each pair's similarity checked and counted (as the scikit-learn side
// compares and counts its product's entries).
// Usage: dotnet run benchmarks/peers/TfIdfRace.cs -c Release -- CORPUS.tsv [THRESHOLD]
string path = args.Length > 0 ? args[0] : "/work/notes/corpus/corpus_N10000.tsv";
double threshold = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0.3;
var texts = new List<string>();
foreach (string line in File.ReadLines(path))
{
    int tab = line.IndexOf('\t', StringComparison.Ordinal);
    texts.Add(tab >= 0 ? line[(tab + 1)..] : line);
}

var clock = Stopwatch.StartNew();
var fit = TfIdfModel.FitTransform(texts);
double fitSeconds = clock.Elapsed.TotalSeconds;
long pairs = 0;
foreach (ReadOnlyMemory<SimilarPair> batch in AllPairs.EnumerateBatches(fit.Vectors, threshold))
{
    foreach (SimilarPair pair in batch.Span)
    {
        pairs += pair.Similarity >= threshold ? 1 : 0;
    }
}

double total = clock.Elapsed.TotalSeconds;
using var self = Process.GetCurrentProcess();
self.Refresh();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dotnet docs={texts.Count} vocab={fit.Model.VocabularySize} fit_transform_s={fitSeconds:F3} allpairs_s={total - fitSeconds:F3} total_s={total:F3} pairs={pairs} cpu_s={self.TotalProcessorTime.TotalSeconds:F3} peak_rss_mb={self.PeakWorkingSet64 / 1048576.0:F0}"));
