using System.Text;

namespace Comparison.Tests.Support;

/// <summary>Small corpora written to temporary folders for command-line tests; the caller deletes the folder.</summary>
public static class Corpora
{
    /// <summary>
    /// The five seeds, plus three edited copies of the first (a few words changed, a line of boilerplate added): four
    /// near-duplicates at Jaccard 0.8, one cluster with discrepancies. Returns the folder.
    /// </summary>
    public static string SeedsWithCopies()
    {
        string dir = Path.Combine(Path.GetTempPath(), "dups-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (string file in Directory.GetFiles(Seeds.Directory, "*.txt"))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        string[] words = Seeds.Get("000").Text.Split(' ');
        for (int copy = 0; copy < 3; copy++)
        {
            string[] edited = (string[])words.Clone();
            for (int i = 5 + copy; i < edited.Length; i += 97)
            {
                edited[i] = "changed";
            }

            File.WriteAllText(Path.Combine(dir, $"000_copy_{(char)('a' + copy)}.txt"), string.Join(' ', edited) + "\n\nSubscribe to our newsletter for more.", new UTF8Encoding(false));
        }

        return dir;
    }
}
