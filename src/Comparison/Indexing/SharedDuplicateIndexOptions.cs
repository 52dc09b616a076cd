using Comparison.Sketches;
using Comparison.Text;

namespace Comparison.Indexing;

/// <summary>Settings of a <see cref="SharedDuplicateIndex"/>. Every process that shares one index must use the same ones.</summary>
public sealed record SharedDuplicateIndexOptions
{
    /// <summary>The defaults: index "default", threshold 0.8, exact verification with plain texts, word 5-shingles, 128 classic permutations with seed 1, batches of 512.</summary>
    public static SharedDuplicateIndexOptions Default { get; } = new();

    /// <summary>
    /// The index name: one store holds any number of indexes, each under its own name. 1 to 64 ASCII letters,
    /// digits, '.', '-' or '_'. Default "default".
    /// </summary>
    public string Name { get; init; } = "default";

    /// <summary>The Jaccard similarity of shingle sets at or above which two articles are duplicates, in (0, 1). Default 0.8.</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>
    /// What a candidate must clear, as in <see cref="DuplicateFinder"/>. Default <see cref="DuplicateVerification.Exact"/>:
    /// the store then also keeps each article's text (see <see cref="CompressTexts"/>), so that any process can compute the exact Jaccard
    /// similarity of a candidate it has never seen.
    /// </summary>
    public DuplicateVerification Verification { get; init; } = DuplicateVerification.Exact;

    /// <summary>The shingles. Default <see cref="ShinglerOptions.Default"/> (word 5-shingles).</summary>
    public ShinglerOptions Shingling { get; init; } = ShinglerOptions.Default;

    /// <summary>The signatures. Default <see cref="MinHashOptions.Default"/> (128 classic permutations, seed 1).</summary>
    public MinHashOptions MinHash { get; init; } = MinHashOptions.Default;

    /// <summary>
    /// With exact verification, whether the store keeps each article's text compressed with Deflate (about a third
    /// of its UTF-8 size on news text, for 50–100 µs more CPU an article) rather than as plain UTF-8. Default
    /// <see langword="false"/>: plain text, the faster choice when the store has the memory.
    /// </summary>
    public bool CompressTexts { get; init; }

    /// <summary>Articles sent to the store together, in one pipelined round trip per step. 1 to 65,536; default 512.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Name) || Name.Length > 64 || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new ArgumentException($"{nameof(Name)} '{Name}' must be 1 to 64 ASCII letters, digits, '.', '-' or '_'.", nameof(Name));
        }

        if (BatchSize is < 1 or > 65536)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"{nameof(BatchSize)} must be from 1 to 65,536.");
        }

        ArgumentNullException.ThrowIfNull(Shingling, nameof(Shingling));
        ArgumentNullException.ThrowIfNull(MinHash, nameof(MinHash));
        Shingling.Validate();
        MinHash.Validate();
        ToDuplicateOptions().Validate();
    }

    /// <summary>The settings <see cref="DuplicateFinder"/> takes for the same pairs.</summary>
    internal DuplicateOptions ToDuplicateOptions() => new() { Threshold = Threshold, Verification = Verification };
}
