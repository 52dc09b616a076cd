namespace Comparison.Text;

/// <summary>What a shingle is made of.</summary>
public enum ShingleKind
{
    /// <summary>Word k-grams: <c>Size</c> consecutive normalised word, number and handle tokens.</summary>
    Word,

    /// <summary>Character k-grams: <c>Size</c> consecutive characters of the normalised text.</summary>
    Character,
}

/// <summary>Options of a <see cref="Shingler"/>.</summary>
public sealed record ShinglerOptions
{
    /// <summary>The defaults: word 5-shingles, seed 0.</summary>
    public static ShinglerOptions Default { get; } = new();

    /// <summary>Word or character shingles. Default <see cref="ShingleKind.Word"/>.</summary>
    public ShingleKind Kind { get; init; } = ShingleKind.Word;

    /// <summary>The number of tokens (or characters) in a shingle, 1 to 64. Default 5.</summary>
    public int Size { get; init; } = 5;

    /// <summary>The XXH64 seed; different seeds give independent shingle hashes. Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        if (Size is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Size), Size, "Size must be between 1 and 64.");
        }

        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Kind must be Word or Character.");
        }
    }
}
