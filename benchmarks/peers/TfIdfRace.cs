#:project ../../src/Comparison/Comparison.csproj
#:property TargetFramework=net10.0
#:property PublishAot=false
#:property Optimize=true
using System.Diagnostics;
using Comparison.Vectors;

// Fit + transform + all pairs with cosine >= threshold on an id<TAB>text corpus; prints timings and peak RSS.
string path = args.Length > 0 ? args[0] : "/work/notes/corpus/corpus_N10000.tsv";
double threshold = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0.3;
var texts = new List<string>();
foreach (string line in File.ReadLines(path))
{
    int tab = line.IndexOf('\t');
    texts.Add(tab >= 0 ? line[(tab + 1)..] : line);
}

var clock = Stopwatch.StartNew();
var fit = TfIdfModel.FitTransform(texts);
double fitSeconds = clock.Elapsed.TotalSeconds;
var pairs = AllPairs.Find(fit.Vectors, threshold);
double total = clock.Elapsed.TotalSeconds;
using var self = Process.GetCurrentProcess();
self.Refresh();
Console.WriteLine(FormattableString.Invariant($"dotnet docs={texts.Count} vocab={fit.Model.VocabularySize} fit_transform_s={fitSeconds:F3} allpairs_s={total - fitSeconds:F3} total_s={total:F3} pairs={pairs.Length} peak_rss_mb={self.PeakWorkingSet64 / 1048576.0:F0}"));
