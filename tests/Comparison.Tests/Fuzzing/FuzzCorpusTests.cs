using Comparison.Fuzzing;
using Comparison.Tests.Support;

namespace Comparison.Tests.Fuzzing;

/// <summary>
/// The committed fuzz corpus (tests/fuzz/TARGET/seeds and crashers) replayed through the fuzz targets on every
/// test run: the seeds still load, and no finding of an earlier run comes back.
/// </summary>
public class FuzzCorpusTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (string target in FuzzTargets.Names)
        {
            foreach (string kind in new[] { "seeds", "crashers" })
            {
                string folder = Path.Combine(Seeds.RepositoryRoot, "tests", "fuzz", target, kind);
                if (Directory.Exists(folder))
                {
                    foreach (string file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
                    {
                        data.Add(target, Path.GetRelativePath(Seeds.RepositoryRoot, file));
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Replay_CorpusFile_OnlyDocumentedExceptions(string target, string file)
    {
        FuzzTargets.Run(target, File.ReadAllBytes(Path.Combine(Seeds.RepositoryRoot, file)));
    }

    [Fact]
    public void Corpus_EveryTargetHasSeeds()
    {
        foreach (string target in FuzzTargets.Names)
        {
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(Seeds.RepositoryRoot, "tests", "fuzz", target, "seeds")));
        }
    }
}
