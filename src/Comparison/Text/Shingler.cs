using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Comparison.Hashing;

namespace Comparison.Text;

/// <summary>Turns a text into 64-bit shingle hashes, in text order.</summary>
/// <remarks>
/// <para><b>Word shingles.</b> The text is tokenised (<see cref="Tokenizer"/>); each word, number and handle token is
/// normalised (<see cref="TextNormalizer.NormalizeTerm"/>) and hashed once: <c>t = XXH64(UTF-16LE(term), Seed)</c>.
/// Shingle <c>i</c> mixes the <c>Size</c> consecutive token hashes <c>t[i] … t[i+Size-1]</c> with XXH64's short-input
/// path under <c>Seed</c>: state <c>Seed + P5 + 8·Size</c>, then per token hash one XXH64 lane step
/// (<c>acc ^= round(0, t); acc = rotl(acc, 27)·P1 + P4</c>), then the XXH64 avalanche. For <c>Size</c> ≤ 3 this is
/// exactly <c>XXH64(LE64(t[i]) ‖ … , Seed)</c>; for longer windows XXH64's stripe stage is skipped so each token
/// costs one lane step. Hashing each token once keeps the cost per shingle independent of word length; the chained
/// multiplications make the result depend on order (<c>a b</c> ≠ <c>b a</c>), and since token hashes are uniformly
/// distributed two different windows collide with probability about 2⁻⁶⁴. For n ≥ Size tokens there are n − Size + 1 shingles;
/// shingle <c>i</c> covers <c>TokensFor(text)[i .. i + Size − 1]</c>.</para>
/// <para><b>Short texts.</b> A text of 1 ≤ n &lt; Size tokens is one shingle: its n tokens hashed as a window of size
/// n (the state starts from <c>Seed + P5 + 8·n</c>, so it never equals a shingle of Size tokens). Two short texts
/// then match only when their words are the same, and a short text shares nothing with a longer one that quotes
/// it; without this, every short text would have the empty set and all of them would look alike. A text with no
/// token at all has no shingle.</para>
/// <para><b>Character shingles.</b> Shingle <c>i</c> is <c>XXH64(UTF-16LE(normalised[i .. i + Size − 1]), Seed)</c>
/// over the <see cref="TextNormalizer"/> text; n ≥ Size characters give n − Size + 1 shingles, 1 ≤ n &lt; Size
/// characters give one shingle of the whole normalised text, and an empty normalised text none.</para>
/// <para>No string is created per shingle or per ASCII token. Immutable and thread safe.</para>
/// </remarks>
public sealed class Shingler
{
    // Token hashes are appended here and hashed into windows in batches; when it fills, the last Size - 1 move to the
    // front, so every window is contiguous.
    private const int WindowBuffer = 256;

    /// <summary>Creates a shingler.</summary>
    /// <param name="options">The options (validated here).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Shingler(ShinglerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>Creates a shingler with <see cref="ShinglerOptions.Default"/>.</summary>
    public Shingler()
        : this(ShinglerOptions.Default)
    {
    }

    /// <summary>The options.</summary>
    public ShinglerOptions Options { get; }

    /// <summary>Hashes every shingle of a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>One hash per shingle, in text order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public ulong[] Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hashes = new List<ulong>(Math.Max(4, text.Length / 5));
        Hash(text.AsSpan(), hashes);
        return [.. hashes];
    }

    /// <summary>Hashes every shingle of a text and appends the hashes to <paramref name="destination"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="destination">Receives one hash per shingle, in text order.</param>
    /// <returns>The number of hashes appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public int Hash(ReadOnlySpan<char> text, List<ulong> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return Options.Kind == ShingleKind.Word ? HashWords(text, destination) : HashCharacters(text, destination);
    }

    /// <summary>The tokens word shingles are built on (words, numbers, handles), with their original offsets.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The tokens; word shingle <c>i</c> covers tokens <c>i .. i + Size − 1</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of the shingler's contract: the tokens may come to depend on options.")]
    public ImmutableArray<Token> TokensFor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        tokens.RemoveAll(token => !token.IsTerm);
        return [.. tokens];
    }

    /// <summary>The 64-bit hash of one token's normalised term under this shingler's seed.</summary>
    /// <param name="token">The token's characters.</param>
    /// <returns><c>XXH64(UTF-16LE(NormalizeTerm(token)), Seed)</c>.</returns>
    internal ulong HashTerm(ReadOnlySpan<char> token) => HashTerm(token, Options.Seed);

    internal static ulong HashTerm(ReadOnlySpan<char> token, ulong seed) => TextNormalizer.HashTerm(token, seed);

    [SkipLocalsInit]
    private int HashWords(ReadOnlySpan<char> text, List<ulong> destination)
    {
        int size = Options.Size;
        ulong seed = Options.Seed;
        Span<ulong> window = stackalloc ulong[WindowBuffer];
        int filled = 0;
        int rounded = 0;
        int nextWindow = 0;
        int added = 0;
        bool vectorScan = Vector256.IsHardwareAccelerated;

        // Invisible characters are dropped first, as the Tokenizer does (the hashes need no offsets), piece by piece:
        // no token crosses a piece's end, and the window of token hashes carries over from one piece to the next.
        var pieces = new VisiblePieces(text);
        try
        {
            while (pieces.MoveNext())
            {
                ReadOnlySpan<char> piece = pieces.Visible;
                ref char c0 = ref MemoryMarshal.GetReference(piece);
                int position = 0;
                while (true)
                {
                    // The Tokenizer skips these spaces too; skipping them here lets the fast path below start on a token.
                    while (position < piece.Length && Unsafe.Add(ref c0, position) == ' ')
                    {
                        position++;
                    }

                    int start = position;
                    int length;

                    // Fast path: 1 to 15 ASCII letters and digits followed by a space are one word token, whatever
                    // precedes them, because the Tokenizer stops a word at a space under every rule (checked against
                    // Tokenizer.TryReadNext by the tests). Everything else goes through the Tokenizer.
                    if (vectorScan && start <= piece.Length - 16
                        && (length = Tokenizer.AsciiAlphanumericRun16(piece, start)) is > 0 and < 16
                        && Unsafe.Add(ref c0, start + length) == ' ')
                    {
                        position = start + length;
                    }
                    else
                    {
                        if (!Tokenizer.TryReadNext(piece, ref position, out Token token))
                        {
                            break;
                        }

                        if (!token.IsTerm)
                        {
                            continue;
                        }

                        start = token.Start;
                        length = token.Length;
                    }

                    if (filled == WindowBuffer)
                    {
                        added += EmitWindows(window, filled, ref rounded, ref nextWindow, size, seed, destination);
                        window[(WindowBuffer - size + 1)..].CopyTo(window);
                        filled = size - 1;
                        rounded = filled;
                        nextWindow = 0;
                    }

                    window[filled++] = TextNormalizer.HashTermAt(piece, start, length, seed);
                }
            }
        }
        finally
        {
            pieces.Dispose();
        }

        added += EmitWindows(window, filled, ref rounded, ref nextWindow, size, seed, destination);
        if (added == 0 && filled > 0)
        {
            // Fewer tokens than Size: the whole text is one shingle of its filled tokens. Its hash starts from the
            // state of a window of that size, so it never equals a full-size shingle of a longer text.
            added = EmitWindows(window, filled, ref rounded, ref nextWindow, filled, seed, destination);
        }

        return added;
    }

    // The term hashes window[rounded .. filled] get their lane rounds (each enters Size windows, so it is computed
    // once), then every window that starts at nextWindow or later and ends by filled is hashed into destination.
    private static int EmitWindows(Span<ulong> window, int filled, ref int rounded, ref int nextWindow, int size, ulong seed, List<ulong> destination)
    {
        XxHash64.LaneRounds(window[rounded..filled]);
        rounded = filled;
        int count = filled - size + 1 - nextWindow;
        if (count <= 0)
        {
            return 0;
        }

        int before = destination.Count;
        CollectionsMarshal.SetCount(destination, before + count);
        XxHash64.HashRoundedLaneWindows(window[nextWindow..filled], size, seed, CollectionsMarshal.AsSpan(destination)[before..]);
        nextWindow += count;
        return count;
    }

    private int HashCharacters(ReadOnlySpan<char> text, List<ulong> destination)
    {
        int size = Options.Size;
        ulong seed = Options.Seed;
        string normalized = TextNormalizer.Normalize(new string(text)).Text;
        if (normalized.Length > 0 && normalized.Length < size)
        {
            // Fewer characters than Size: the whole normalised text is one shingle.
            destination.Add(XxHash64.HashChars(normalized, seed));
            return 1;
        }

        int count = Math.Max(0, normalized.Length - size + 1);
        for (int i = 0; i < count; i++)
        {
            destination.Add(XxHash64.HashChars(normalized.AsSpan(i, size), seed));
        }

        return count;
    }
}
