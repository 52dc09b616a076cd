using System.Runtime.InteropServices;
using Comparison.Text;

namespace Comparison.Sketches;

/// <summary>
/// Raw text to MinHash signature in one call: normalise, tokenise and shingle (<see cref="Text.Shingler"/>),
/// then sign (<see cref="MinHasher"/>).
/// </summary>
/// <remarks>
/// Immutable and thread-safe; each thread reuses its own shingle buffer, so signing allocates only the
/// signature. Two signatures are comparable when both the shingling and the MinHash settings agree.
/// </remarks>
public sealed class TextSketcher
{
    // Texts longer than this (in characters) are not shingled into the thread's reused buffer.
    private const int LargeText = 1 << 20;

    [ThreadStatic]
    private static List<ulong>? t_buffer;

    /// <summary>Creates a sketcher.</summary>
    /// <param name="shingling">The shingle settings; <see langword="null"/> means <see cref="ShinglerOptions.Default"/> (word 5-shingles).</param>
    /// <param name="minHash">The signature settings; <see langword="null"/> means <see cref="MinHashOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public TextSketcher(ShinglerOptions? shingling = null, MinHashOptions? minHash = null)
    {
        Shingler = new Shingler(shingling ?? ShinglerOptions.Default);
        Hasher = new MinHasher(minHash);
    }

    /// <summary>The shingler.</summary>
    public Shingler Shingler { get; }

    /// <summary>The hasher.</summary>
    public MinHasher Hasher { get; }

    /// <summary>Signs a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The signature of its shingle set (empty when the text has fewer tokens than the shingle size).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public MinHashSignature Sketch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Sketch(text.AsSpan());
    }

    /// <summary>Signs a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The signature of its shingle set.</returns>
    public MinHashSignature Sketch(ReadOnlySpan<char> text)
    {
        List<ulong> buffer = Shingle(text);
        return Hasher.Compute(CollectionsMarshal.AsSpan(buffer));
    }

    /// <summary>Signs a text and returns its shingle set too, for exact Jaccard similarity.</summary>
    /// <param name="text">The text.</param>
    /// <param name="shingles">Receives the text's shingle set.</param>
    /// <returns>The signature of the shingle set.</returns>
    public MinHashSignature Sketch(ReadOnlySpan<char> text, out ShingleSet shingles)
    {
        List<ulong> buffer = Shingle(text);
        ReadOnlySpan<ulong> hashes = CollectionsMarshal.AsSpan(buffer);
        shingles = ShingleSet.Create(hashes);
        return Hasher.Compute(hashes);
    }

    /// <summary>The shingle set of a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Its distinct shingle hashes.</returns>
    public ShingleSet Shingles(ReadOnlySpan<char> text) => ShingleSet.Create(CollectionsMarshal.AsSpan(Shingle(text)));

    private List<ulong> Shingle(ReadOnlySpan<char> text)
    {
        // A huge text gets a buffer of its own, sized once (about a shingle per five characters): growing the
        // thread's buffer by doubling held up to three times its shingles at once, and kept the largest for good.
        if (text.Length > LargeText)
        {
            var large = new List<ulong>((text.Length / 5) + 16);
            Shingler.Hash(text, large);
            return large;
        }

        List<ulong> buffer = t_buffer ??= new List<ulong>(1024);
        buffer.Clear();
        Shingler.Hash(text, buffer);
        return buffer;
    }
}
