namespace Comparison.Sketches;

/// <summary>Settings of a <see cref="MinHasher"/>. Signatures are comparable only when all three settings agree.</summary>
public sealed record MinHashOptions
{
    /// <summary>The largest number of permutations accepted.</summary>
    public const int MaxPermutations = 1 << 16;

    /// <summary>The defaults: 128 permutations, seed 1, <see cref="MinHashScheme.Classic"/>.</summary>
    public static MinHashOptions Default { get; } = new();

    /// <summary>
    /// The number of permutations K (signature length), from 1 to <see cref="MaxPermutations"/>. Default 128.
    /// The standard error of a Jaccard estimate is sqrt(J(1 − J)/K).
    /// </summary>
    public int Permutations { get; init; } = 128;

    /// <summary>The seed of every hash function. Default 1. Same seed, same signature, in every process.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The signature scheme. Default <see cref="MinHashScheme.Classic"/>.</summary>
    public MinHashScheme Scheme { get; init; } = MinHashScheme.Classic;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (Permutations is < 1 or > MaxPermutations)
        {
            throw new ArgumentOutOfRangeException(nameof(Permutations), Permutations, $"{nameof(Permutations)} must be between 1 and {MaxPermutations}.");
        }

        if (Scheme is not (MinHashScheme.Classic or MinHashScheme.OnePermutation))
        {
            throw new ArgumentOutOfRangeException(nameof(Scheme), Scheme, $"{nameof(Scheme)} must be Classic or OnePermutation.");
        }
    }
}
